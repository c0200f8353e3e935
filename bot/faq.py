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

from bot.errors import InputError, Problem
from bot.text import fold, terms

ENTRY_KEYS = {"id", "questions", "answer", "source"}
TOP_KEYS = {"synonyms", "entries"}
MATCH_THRESHOLD = 0.62  # weighted Dice similarity a phrasing needs to answer for the FAQ


@dataclass(frozen=True)
class FaqEntry:
    """One curated answer; ``source`` is verbatim article text, ``sentence_id`` its corpus sentence."""

    id: str
    questions: tuple[str, ...]
    answer: str
    source: str
    document: str
    url: str
    line: int
    sentence_id: int | None = None
    source_given: bool = True


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
    """Resolved FAQ entries and a term index over their phrasings for fast matching."""

    def __init__(self, path: str, entries: list[FaqEntry], synonyms: dict[str, list[str]],
                 idf: dict[str, float], unknown_idf: float) -> None:
        self.path = path
        self.entries = entries
        self.synonyms = synonyms
        self._idf = idf
        self._unknown = unknown_idf
        self._phrasings: list[tuple[FaqEntry, str, frozenset[str], float]] = []
        self._by_term: dict[str, list[int]] = {}
        for entry in entries:
            for question in entry.questions:
                own = frozenset(terms(question))
                weight = sum(self.idf(t) for t in own)
                for t in own:
                    self._by_term.setdefault(t, []).append(len(self._phrasings))
                self._phrasings.append((entry, question, own, weight))

    def idf(self, term: str) -> float:
        return self._idf.get(term, self._unknown)

    def match(self, groups) -> PhrasingMatch | None:
        """The phrasing most like the question's term groups, or None when none shares a word."""
        candidates: set[int] = set()
        for g in groups:
            for t in g.alternatives:
                candidates.update(self._by_term.get(t, ()))
        if not candidates:
            return None
        group_weights = [(g, self.idf(next(iter(g.alternatives)))) for g in groups]
        question_weight = sum(w for _, w in group_weights)
        best: PhrasingMatch | None = None
        for pid in sorted(candidates):
            entry, phrasing, own, weight = self._phrasings[pid]
            found = 0.0
            used: set[str] = set()
            for g, w in group_weights:
                hit = max(((a, aw) for a, aw in g.alternatives.items() if a in own and a not in used),
                          key=lambda x: x[1], default=None)
                if hit:
                    used.add(hit[0])
                    found += w * hit[1]
            similarity = 2 * found / (question_weight + weight) if question_weight + weight else 0.0
            if best is None or similarity > best.similarity:
                best = PhrasingMatch(entry, phrasing, similarity)
        return best


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
