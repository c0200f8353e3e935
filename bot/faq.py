"""The operator's curated FAQ: loading ``faq.yaml`` with line numbers, validating it, matching questions.

Format (also explained at the top of ``faq.yaml``)::

    synonyms:                 # optional, one way: a question word -> words to search as well
      jailed: [arrested, detained]
    entries:
      - id: arrests           # optional, unique
        questions: [How many people were arrested?, How many were detained?]
        answer: Nearly 8,000 people were arrested.
        source: "nearly 8,000 people were arrested"   # optional, verbatim from an article

Every problem is reported as ``file:line: message``. Loading is safe (``yaml.SafeLoader``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from bot import lexicon
from bot.errors import InputError, Problem
from bot.query import Query
from bot.quote import Quote
from bot.text import fold, terms

ENTRY_KEYS = {"id", "questions", "answer", "source"}
TOP_KEYS = {"synonyms", "entries"}
CUE_MISMATCH = 0.6  # similarity kept when the phrasing asks for another kind of answer


@dataclass(frozen=True)
class FaqEntry:
    """One curated answer; ``source`` is verbatim article text (the operator's fragment), ``sentence_id``
    its corpus sentence, ``quote`` the whole sentence(s) a reply shows, the fragment highlighted."""

    id: str
    questions: tuple[str, ...]
    answer: str
    source: str
    document: str
    url: str
    line: int
    sentence_id: int | None = None
    source_given: bool = True
    quote: Quote | None = None


@dataclass(frozen=True)
class RawFaq:
    """The FAQ file as written, before its sources are checked against the corpus."""

    path: str
    entries: tuple[dict, ...]
    synonyms: dict[str, list[str]]


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers the line of every mapping and of each of its values."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        mapping["__lines__"] = {
            getattr(k, "value", None): v.start_mark.line + 1 for k, v in node.value if isinstance(k, yaml.ScalarNode)
        }
        return mapping


def _yaml_problem(path: str, exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 0
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if "'?'" in reason:
        reason += " (a question mark inside [ ... ] confuses YAML: write one '- question' per line, or quote it)"
    return Problem(path, line, f"invalid YAML: {reason}")


def parse_faq(path: Path) -> RawFaq:
    """Read and shape-check ``faq.yaml``; raises InputError listing every problem found."""
    name = str(path)
    if not path.is_file():
        raise InputError(Problem(name, 0, "FAQ file not found (use --no-faq to run without one)"))
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(Problem(name, 0, f"not valid UTF-8 text (byte {exc.start})")) from None
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except yaml.YAMLError as exc:
        raise InputError(_yaml_problem(name, exc)) from None
    if data is None:
        data = {"entries": [], "__line__": 1, "__lines__": {}}
    if not isinstance(data, dict):
        raise InputError(Problem(name, 1, "the FAQ must be a mapping with an 'entries:' list"))
    problems: list[Problem] = []
    lines = data.get("__lines__", {})
    for key in data:
        if key not in TOP_KEYS and not str(key).startswith("__"):
            problems.append(Problem(name, lines.get(key, 1), f"unknown key '{key}' (expected: entries, synonyms)"))
    entries = data.get("entries", [])
    if not isinstance(entries, list):
        problems.append(Problem(name, lines.get("entries", 1), "'entries' must be a list of entries"))
        entries = []
    synonyms = _parse_synonyms(name, data.get("synonyms"), lines.get("synonyms", 1), problems)
    seen_ids: dict[str, int] = {}
    clean: list[dict] = []
    for number, entry in enumerate(entries, start=1):
        checked = _check_entry(name, number, entry, data.get("__line__", 1), problems)
        if checked is None:
            continue
        if checked["id"] in seen_ids:
            problems.append(Problem(name, checked["line"], f"duplicate id '{checked['id']}' "
                                    f"(first at line {seen_ids[checked['id']]})"))
        seen_ids.setdefault(checked["id"], checked["line"])
        clean.append(checked)
    if problems:
        raise InputError(problems)
    return RawFaq(name, tuple(clean), synonyms)


def _parse_synonyms(name: str, value, line: int, problems: list[Problem]) -> dict[str, list[str]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(Problem(name, line, "'synonyms' must map a word to a list of words"))
        return {}
    out: dict[str, list[str]] = {}
    lines = value.get("__lines__", {})
    for word, targets in value.items():
        if str(word).startswith("__"):
            continue
        if isinstance(targets, str):
            targets = [targets]
        if not isinstance(targets, list) or not all(isinstance(t, str) and t.strip() for t in targets):
            problems.append(Problem(name, lines.get(word, line), f"synonyms of '{word}' must be a list of words"))
            continue
        out[str(word)] = [t.strip() for t in targets]
    return out


def _check_entry(name: str, number: int, entry, parent_line: int, problems: list[Problem]) -> dict | None:
    if not isinstance(entry, dict):
        problems.append(Problem(name, parent_line, f"entry {number} must be a mapping with questions and answer"))
        return None
    line = entry["__line__"]
    lines = entry["__lines__"]
    ok = True
    for key in entry:
        if key not in ENTRY_KEYS and not str(key).startswith("__"):
            problems.append(Problem(name, lines.get(key, line), f"unknown key '{key}' in entry "
                                    "(expected: id, questions, answer, source)"))
            ok = False
    questions = entry.get("questions")
    if isinstance(questions, str):
        questions = [questions]
    if not isinstance(questions, list) or not questions:
        problems.append(Problem(name, lines.get("questions", line), "entry needs 'questions': a list of phrasings"))
        ok = False
    elif not all(isinstance(q, str) and q.strip() for q in questions):
        problems.append(Problem(name, lines.get("questions", line), "every question must be non-empty text"))
        ok = False
    answer = entry.get("answer")
    if not isinstance(answer, str) or not answer.strip():
        problems.append(Problem(name, lines.get("answer", line), "entry needs 'answer': non-empty text"))
        ok = False
    source = entry.get("source")
    if source is not None and (not isinstance(source, str) or not source.strip()):
        problems.append(Problem(name, lines.get("source", line), "'source' must be text copied from an article"))
        ok = False
    if not ok:
        return None
    first = " ".join(terms(questions[0]))[:40].replace(" ", "-")
    return {
        "id": str(entry.get("id") or first or f"entry-{number}"),
        "questions": tuple(q.strip() for q in questions),
        "answer": " ".join(answer.split()),
        "source": source.strip() if source else "",
        "line": line,
        "source_line": lines.get("source", line),
    }


@dataclass(frozen=True)
class PhrasingMatch:
    """The best FAQ phrasing for a question and how alike they are (weighted Dice, 0..1)."""

    entry: FaqEntry
    phrasing: str
    similarity: float


class Faq:
    """Resolved FAQ entries and an index over their analysed phrasings for fast matching.

    A question matches a phrasing by how much of each one's weight the other covers (IDF-weighted,
    synonyms and spelling fixes at their weights); the score is the harmonic mean of the two
    coverages, so a short phrasing cannot win on a long question nor the reverse. A phrasing that
    asks for another kind of answer ("why" against "how many") is discounted.
    """

    def __init__(self, path: str, entries: list[FaqEntry], synonyms: dict[str, list[str]],
                 analysed: list[list[Query]], known) -> None:
        self.path = path
        self.entries = entries
        self.synonyms = synonyms
        self._known = known
        self._phrasings = [_Phrasing.of(entry, query, known)
                           for entry, queries in zip(entries, analysed, strict=True) for query in queries]
        # Two small indexes over the phrasings' words: by each word's own stem, and by every stem
        # it stands for (itself and its synonyms), with the weight.
        self._by_own: dict[str, list[tuple[int, int]]] = {}
        self._by_alternative: dict[str, list[tuple[int, int, float]]] = {}
        for pid, phrasing in enumerate(self._phrasings):
            for hi, (_, alternatives) in enumerate(phrasing.groups):
                self._by_own.setdefault(alternatives[0][0], []).append((pid, hi))
                for t, w in alternatives:
                    self._by_alternative.setdefault(t, []).append((pid, hi, w))

    def match(self, query: Query) -> PhrasingMatch | None:
        """The phrasing most like the question, or None when none shares a word with it."""
        ranked = self.ranked(query, 1)
        return ranked[0] if ranked else None

    def ranked(self, query: Query, limit: int) -> list[PhrasingMatch]:
        """Best phrasing per entry, most similar entries first (at most ``limit``).

        Two words match when they are the same or one stands for the other (a synonym or a
        spelling fix), at that weight; only phrasings sharing such a word are touched.
        """
        mine = _Phrasing.of(None, query, self._known)
        q_best: dict[tuple[int, int], float] = {}  # (phrasing, question word) -> best match
        p_best: dict[tuple[int, int], float] = {}  # (phrasing, phrasing word) -> best match
        for gi, (_, alternatives) in enumerate(mine.groups):
            pairs: list[tuple[int, int, float]] = [(pid, hi, w) for t, w in alternatives
                                                   for pid, hi in self._by_own.get(t, ())]
            pairs += self._by_alternative.get(alternatives[0][0], ())
            for pid, hi, w in pairs:
                if w > q_best.get((pid, gi), 0.0):
                    q_best[(pid, gi)] = w
                if w > p_best.get((pid, hi), 0.0):
                    p_best[(pid, hi)] = w
        if not q_best or not mine.total:
            return []
        q_found: dict[int, float] = {}
        for (pid, gi), w in q_best.items():
            q_found[pid] = q_found.get(pid, 0.0) + mine.groups[gi][0] * w
        p_found: dict[int, float] = {}
        for (pid, hi), w in p_best.items():
            p_found[pid] = p_found.get(pid, 0.0) + self._phrasings[pid].groups[hi][0] * w
        best_of: dict[str, PhrasingMatch] = {}
        for pid in sorted(q_found):
            phrasing = self._phrasings[pid]
            q_cov = q_found[pid] / mine.total
            p_cov = p_found.get(pid, 0.0) / phrasing.total if phrasing.total else 0.0
            value = 2 * q_cov * p_cov / (q_cov + p_cov) if q_cov + p_cov else 0.0
            # a "how many" phrasing does not answer "did they ...", nor "why" a "how many"
            if (query.cues or phrasing.cues & lexicon.HARD_CUES) and not query.cues & phrasing.cues:
                value *= CUE_MISMATCH
            entry = phrasing.entry
            if entry.id not in best_of or value > best_of[entry.id].similarity:
                best_of[entry.id] = PhrasingMatch(entry, phrasing.text, value)
        return sorted(best_of.values(), key=lambda m: (-m.similarity, m.entry.line))[:limit]


@dataclass(frozen=True)
class _Phrasing:
    """A text's term groups prepared for matching: each word's IDF weight and its alternatives."""

    entry: FaqEntry | None
    text: str
    cues: frozenset[str]
    groups: tuple[tuple[float, tuple[tuple[str, float], ...]], ...]  # (IDF weight, alternatives)
    total: float

    @classmethod
    def of(cls, entry: FaqEntry | None, query: Query, known) -> _Phrasing:
        groups = tuple((known.group_idf(g), tuple(g.alternatives.items())) for g in query.groups)
        return cls(entry, query.text, query.cues, groups, sum(w for w, _ in groups))


def find_verbatim(source: str, texts: list[str]) -> int | None:
    """Index of the first text holding ``source`` exactly, or None."""
    for i, text in enumerate(texts):
        if source in text:
            return i
    return None


def near_verbatim(source: str, texts: list[str]) -> bool:
    """True when ``source`` is in a text once quotes, dashes, case and spacing are folded."""
    wanted = " ".join(fold(source).split())
    return any(wanted in " ".join(fold(t).split()) for t in texts)
