"""The operator's curated FAQ: loading ``faq.yaml`` with line numbers, validating it, matching questions.

Format (also explained at the top of ``faq.yaml``)::

    synonyms:                 # optional, one way: a question word -> words to search as well
      jailed: [arrested, detained]
    entries:
      - id: arrests           # optional, unique
        questions: [How many people were arrested?, How many were detained?]
        answer: Nearly 8,000 people were arrested.
        source: "nearly 8,000 people were arrested"   # optional, verbatim from an article

Every problem is reported as ``file:line: message``, YAML mistakes in plain words (``bot.yaml_errors``).
Loading is safe (``yaml.SafeLoader``). ``read_faq`` keeps the good entries and names the others, so
one broken entry never takes the FAQ down; ``parse_faq`` (for ``check``) fails on any problem. An
empty file, or one whose last line has no line break (a half-saved file), is refused whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

import yaml

from bot import lexicon
from bot.crosslingual import is_cyrillic
from bot.errors import InputError, Problem
from bot.features import MONTHS, WEEKDAYS
from bot.qtype import AnswerType, answer_type
from bot.query import Query, TermGroup
from bot.quote import Quote
from bot.spelling import is_common_english
from bot.text import fold, stem, terms, words
from bot.yaml_errors import explain

ENTRY_KEYS = {"id", "questions", "answer", "source"}
TOP_KEYS = {"synonyms", "entries"}
STRONG_MATCH = 0.75
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
    question_lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class RawFaq:
    """The FAQ file as written, before its sources are checked against the corpus."""

    path: str
    entries: tuple[dict, ...]
    synonyms: dict[str, list[str]]


class _Items(list):
    """A YAML list that remembers the line of each of its items."""

    lines: list[int]


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers lines: of every mapping, of each value, of each list item; and repeated keys."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        mapping["__lines__"] = {}
        mapping["__repeated__"] = []
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            if key.value in mapping["__lines__"]:
                mapping["__repeated__"].append((key.value, mapping["__lines__"][key.value], key.start_mark.line + 1))
            mapping["__lines__"][key.value] = value.start_mark.line + 1
        return mapping

    def construct_items(self, node):
        items = _Items()
        items.lines = [item.start_mark.line + 1 for item in node.value]
        yield items
        items.extend(self.construct_sequence(node))


_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_items)


def _item_line(items: list, index: int, default: int) -> int:
    return items.lines[index] if isinstance(items, _Items) else default


def _read_text(path: Path) -> str:
    """The FAQ's text, or an InputError when it is missing, not UTF-8, empty or half-saved."""
    name = str(path)
    if not path.is_file():
        raise InputError(Problem(name, 0, "FAQ file not found (use --no-faq to run without one)"))
    data = path.read_bytes()
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(Problem(name, line, "not valid UTF-8 text (save the file as UTF-8)")) from None
    if not text.strip():
        raise InputError(Problem(name, 0, "the FAQ file is empty (saved halfway?): it needs an 'entries:' list"))
    if not text.endswith("\n"):
        raise InputError(Problem(name, text.count("\n") + 1, "the last line does not end with a line break, as in a "
                                 "half-saved file: finish the edit and save again (with a final line break)"))
    return text


def _load_yaml(name: str, text: str) -> dict:
    """The FAQ's top mapping, or an InputError saying in plain words what is wrong where."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise InputError(Problem(name, line, "YAML tags ('!!…' or '!…') are not allowed: remove the tag, or put "
                                 "the text in quotes")) from None
    except yaml.YAMLError as exc:
        raise InputError(explain(name, text, exc)) from None
    if data is None:
        raise InputError(Problem(name, 0, "the FAQ has no entries, only comments: it needs an 'entries:' list "
                                 "('entries: []' for none)"))
    if not isinstance(data, dict):
        raise InputError(Problem(name, 1, "the FAQ must be a mapping with an 'entries:' list"))
    return data


def _check_top(name: str, data: dict) -> list:
    """The entries list, or an InputError when the file's shape is wrong (then no entry can be trusted)."""
    lines = data["__lines__"]
    problems = [Problem(name, lines.get(key, 1), f"unknown key '{key}' at the top of the file (expected: entries, "
                        "synonyms); if it belongs to an entry, indent it like the other keys of that entry")
                for key in data if key not in TOP_KEYS and not str(key).startswith("__")]
    problems += [Problem(name, second, f"'{key}' appears twice (lines {first} and {second})")
                 for key, first, second in data["__repeated__"]]
    entries = data.get("entries", [])
    if not isinstance(entries, list):
        problems.append(Problem(name, lines.get("entries", 1), "'entries' must be a list of entries"))
    if problems:
        raise InputError(problems)
    return entries


def read_faq(path: Path) -> tuple[RawFaq, list[Problem]]:
    """The FAQ's good entries, and a problem for each entry left out.

    A file that cannot be read as a whole (missing, not UTF-8, empty, half-saved, invalid YAML,
    wrong shape) raises InputError: then no entry of it can be trusted.
    """
    name = str(path)
    raw, problems = _read(name, _read_text(path))
    return raw, list(problems)


@lru_cache(maxsize=4)
def _read(name: str, text: str) -> tuple[RawFaq, tuple[Problem, ...]]:
    """``read_faq`` of a text: kept for the few texts last read, since parsing a FAQ with a large glossary
    takes half a second and every knowledge base built from one file (a reload, each test) parses it again."""
    data = _load_yaml(name, text)
    entries = _check_top(name, data)
    problems: list[Problem] = []
    synonyms = _parse_synonyms(name, data.get("synonyms"), data["__lines__"].get("synonyms", 1), problems)
    seen_ids: dict[str, int] = {}
    clean: list[dict] = []
    for number, entry in enumerate(entries, start=1):
        line = _item_line(entries, number - 1, data["__lines__"].get("entries", 1))
        checked = _check_entry(name, number, entry, line, problems)
        if checked is None:
            continue
        if checked["id"] in seen_ids:
            problems.append(Problem(name, checked["line"], f"duplicate id '{checked['id']}' "
                                    f"(first at line {seen_ids[checked['id']]})"))
            continue
        seen_ids[checked["id"]] = checked["line"]
        clean.append(checked)
    return RawFaq(name, tuple(clean), synonyms), tuple(problems)


def parse_faq(path: Path) -> RawFaq:
    """Read and shape-check ``faq.yaml``; raises InputError listing every problem found."""
    raw, problems = read_faq(path)
    if problems:
        raise InputError(problems)
    return raw


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


def _questions(name: str, entry: dict, line: int, problems: list[Problem]) -> list[tuple[str, int]] | None:
    """The entry's phrasings with their lines, or None (and a problem) when they are not a list of texts."""
    questions = entry.get("questions")
    at = entry["__lines__"].get("questions", line)
    if isinstance(questions, str):
        hint = (": put a space after each '-'" if questions.startswith("-") else
                " (the '- ' lines below it were read as part of that text: keep nothing after 'questions:')"
                if " - " in questions else ": write each question on its own '- ' line under 'questions:'")
        problems.append(Problem(name, at, f"'questions' must be a list, one '- question' per line, not text{hint}"))
        return None
    if not isinstance(questions, list) or not questions:
        problems.append(Problem(name, at, "entry needs 'questions': a list of phrasings"))
        return None
    found = []
    for index, question in enumerate(questions):
        item_line = _item_line(questions, index, at)
        if isinstance(question, dict):
            problems.append(Problem(name, item_line, "this question contains ': ', which YAML reads as a key: put "
                                    "the question in quotes (\"…\")"))
        elif not isinstance(question, str) or not question.strip():
            problems.append(Problem(name, item_line, "every question must be non-empty text"))
        else:
            found.append((question.strip(), item_line))
    return found if len(found) == len(questions) else None


def _key_problems(name: str, entry: dict, line: int) -> list[Problem]:
    """Keys an entry does not have, and keys written twice (YAML would silently keep the last)."""
    lines = entry["__lines__"]
    found = [Problem(name, lines.get(key, line), f"unknown key '{key}' in entry (expected: id, questions, answer, "
                     "source)") for key in entry if key not in ENTRY_KEYS and not str(key).startswith("__")]
    return found + [Problem(name, second, f"'{key}' appears twice in this entry (lines {first} and {second})")
                    for key, first, second in entry["__repeated__"]]


def _check_entry(name: str, number: int, entry, line: int, problems: list[Problem]) -> dict | None:
    if not isinstance(entry, dict):
        problems.append(Problem(name, line, f"entry {number} must be a mapping with questions and answer "
                                "(is a '- ' missing, or a key not lined up with the others?)"))
        return None
    line = entry["__line__"]
    lines = entry["__lines__"]
    before = len(problems)
    problems += _key_problems(name, entry, line)
    questions = _questions(name, entry, line, problems)
    answer = entry.get("answer")
    if not isinstance(answer, str) or not answer.strip():
        problems.append(Problem(name, lines.get("answer", line), "entry needs 'answer': non-empty text"))
    source = entry.get("source")
    if source is not None and (not isinstance(source, str) or not source.strip()):
        problems.append(Problem(name, lines.get("source", line), "'source' must be text copied from an article"))
    if len(problems) > before or questions is None:
        return None
    first = " ".join(terms(questions[0][0]))[:40].replace(" ", "-")
    return {
        "id": str(entry.get("id") or first or f"entry-{number}"),
        "questions": tuple(q for q, _ in questions),
        "question_lines": tuple(n for _, n in questions),
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
    unmatched: frozenset[int] = frozenset()  # the question's term groups the phrasing has no word for
    kind: AnswerType | None = None  # the kind of answer the phrasing asks for


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
        # By entry id: hashing a whole entry costs more than the lookup it serves.
        self._said = {entry.id: _said(entry) for entry in entries}
        self._told = {entry.id: _said(entry, quoted=False) for entry in entries}
        self._fragment = {entry.id: _stems(entry.source) for entry in entries}
        self._first_slot = list(accumulate((len(p.groups) for p in self._phrasings), initial=0))
        self._slot_weight = [w for p in self._phrasings for w, _ in p.groups]
        self._meta = [(p.total, p.hard, p.cues, p.entry.id) for p in self._phrasings]  # what scoring reads of each
        # Two small indexes over the phrasings' words: by each word's own stem, and by every stem it stands
        # for (itself and its synonyms), with the weight. A question in Latin script is matched against the
        # phrasings in Latin script only; one in Cyrillic against all (English ones through the glossary).
        self._indexes = {script: self._index(script) for script in (False, True)}
        # A question word's matches (``_WordMatches``), worked out once per word (and script) asked. Bounded, as
        # the knowledge base's cache of analysed words is.
        self._word_matches: dict[tuple, _WordMatches] = {}

    def _index(self, cyrillic: bool) -> tuple[dict[str, list], dict[str, list]]:
        """Postings of each stem: (phrasing, slot) by the phrasing word's own stem, and (phrasing, slot,
        weight) by every stem it stands for; a slot numbers one word of one phrasing."""
        by_own: dict[str, list[tuple[int, int]]] = {}
        by_alternative: dict[str, list[tuple[int, int, float]]] = {}
        for pid, phrasing in enumerate(self._phrasings):
            if not cyrillic and is_cyrillic(phrasing.text):
                continue
            for hi, (_, alternatives) in enumerate(phrasing.groups):
                slot = self._first_slot[pid] + hi
                by_own.setdefault(alternatives[0][0], []).append((pid, slot))
                for t, w in alternatives:
                    by_alternative.setdefault(t, []).append((pid, slot, w))
        return by_own, by_alternative

    def match(self, query: Query) -> PhrasingMatch | None:
        """The phrasing most like the question, or None when none shares a word with it."""
        return next(self.ranked(query, 1), None)

    def says_everything(self, query: Query, match: PhrasingMatch, context: frozenset[str] = frozenset()) -> bool:
        """An entry answers only a question it says everything of: a question word its matched phrasing lacks
        ("how many were arrested in Almaty") must be in its other phrasings, its answer or its quoted sentence,
        unless the articles never use it either and it is a typo ("teh") or the match is strong; a name is
        needed even then ("Did Belarus send troops?"). ``context``: words not asked of it (a follow-up's
        inherited subject)."""
        said, told = self._said[match.entry.id], self._told[match.entry.id]
        names = {w.lower() for w in _NAME.findall(query.text)}
        vocabulary = self._known.vocabulary
        strong = match.similarity >= STRONG_MATCH  # may carry a word of its own: "foreign agents" for "involvement"
        return all(any(t in (told if _calendar(g) else said) for t in g.alternatives)
                   for i, g in enumerate(query.groups)
                   if i in match.unmatched and g.strength >= 1.0 and g.word not in context
                   and (g.word in names or any(t in vocabulary for t in g.alternatives) or _translated(g)
                        or not strong and is_common_english(g.word)))

    def counts_it(self, query: Query, match: PhrasingMatch, target: frozenset[int],
                  context: frozenset[str] = frozenset()) -> bool:
        """The thing a number question counts (``target``) is in the matched phrasing or the operator's source
        fragment: another phrasing, or the rest of the sentence, may name it beside another count ("How many
        of the CSTO troops were Russian?" is no "How many CSTO troops were deployed?", though "the Russian-led
        mission" is another phrasing)."""
        fragment = self._fragment[match.entry.id]
        return all(any(t in fragment for t in query.groups[g].alternatives) for g in target
                   if g in match.unmatched and query.groups[g].word not in context)

    def ranked(self, query: Query, limit: int, floor: float = 0.0) -> Iterator[PhrasingMatch]:
        """Best phrasing per entry, most similar entries first (at most ``limit``, none under ``floor``), made as
        they are asked for.

        Two words match when they are the same or one stands for the other (a synonym or a
        spelling fix), at that weight; only phrasings sharing such a word are touched.
        """
        idf = self._known.group_idf
        mine = [(idf(g), tuple(g.alternatives.items())) for g in query.groups]
        total = sum(w for w, _ in mine)
        if not total:
            return
        cyrillic = is_cyrillic(query.text)
        per_word = [self._matches_of(cyrillic, alternatives) for _, alternatives in mine]
        # phrasing -> [weight of the question it covers, weight of itself the question covers]
        q_weight = mine[0][0]
        found: dict[int, list[float]] = {pid: [q_weight * w, c] for pid, w, c in per_word[0].rows}
        if len(per_word) > 1:
            for (q_weight, _), matches in zip(mine[1:], per_word[1:], strict=True):
                for pid, w, c in matches.rows:
                    held = found.get(pid)
                    if held is None:
                        found[pid] = [q_weight * w, c]
                    else:
                        held[0] += q_weight * w
                        held[1] += c
            self._count_shared_words_once(per_word, found)
        # The similarity: the harmonic mean of the two coverages, discounted when the phrasing asks for another
        # kind of answer (a "how many" phrasing does not answer "did they ...", nor "why" a "how many").
        best_of: dict[str, tuple[float, int]] = {}  # entry id -> (similarity, its best phrasing)
        cues, meta = query.cues, self._meta
        least = total * floor / (2 - floor)  # covering less of the question, a phrasing cannot reach ``floor``
        for pid, (q_weight, p_weight) in found.items():
            if q_weight < least:
                continue
            p_total, hard, p_cues, key = meta[pid]
            q_cov = q_weight / total
            p_cov = p_weight / p_total if p_total else 0.0
            value = 2 * q_cov * p_cov / (q_cov + p_cov) if q_cov + p_cov else 0.0
            if (cues or hard) and not cues & p_cues:
                value *= CUE_MISMATCH
            held = best_of.get(key)
            if held is None or value > held[0] or value == held[0] and pid < held[1]:
                best_of[key] = (value, pid)
        phrasings = self._phrasings
        for value, pid in sorted(best_of.values(), key=lambda vp: (-vp[0], phrasings[vp[1]].entry.line))[:limit]:
            if value >= floor:
                yield self._match(value, pid, per_word)

    def _matches_of(self, cyrillic: bool, alternatives: tuple[tuple[str, float], ...]) -> _WordMatches:
        """One question word's best match in each phrasing it touches, and in each slot: the same word or one
        standing for the other (a synonym or a spelling fix), at that weight."""
        key = (cyrillic, alternatives)
        found = self._word_matches.get(key)
        if found is None:
            by_own, by_alternative = self._indexes[cyrillic]
            by_phrasing: dict[int, float] = {}
            by_slot: dict[int, tuple[int, float]] = {}
            pairs = [(pid, slot, w) for t, w in alternatives for pid, slot in by_own.get(t, ())]
            for pid, slot, w in pairs + by_alternative.get(alternatives[0][0], []):
                if w > by_phrasing.get(pid, 0.0):
                    by_phrasing[pid] = w
                if w > by_slot.get(slot, _NO_MATCH)[1]:
                    by_slot[slot] = (pid, w)
            covered: dict[int, float] = {}  # phrasing -> weight of itself this word covers
            slot_weight = self._slot_weight
            for slot, (pid, w) in by_slot.items():
                covered[pid] = covered.get(pid, 0.0) + slot_weight[slot] * w
            if len(self._word_matches) >= WORD_MATCHES_KEPT:
                self._word_matches.clear()
            rows = tuple((pid, w, covered[pid]) for pid, w in by_phrasing.items())
            found = self._word_matches[key] = _WordMatches(by_phrasing, by_slot, rows, frozenset(by_slot))
        return found

    def _count_shared_words_once(self, per_word: list[_WordMatches], found: dict[int, list[float]]) -> None:
        """A phrasing word two question words both match counts once, at the better match (rare: "killed" and
        "died" against one "died"); each question word's cover was added whole."""
        shared: set[int] = set()
        for i in range(1, len(per_word)):
            for j in range(i):
                shared |= per_word[i].slots & per_word[j].slots
        for slot in shared:
            held = [m.by_slot[slot] for m in per_word if slot in m.by_slot]  # (phrasing, weight) for each word
            weights = [w for _, w in held]
            found[held[0][0]][1] -= self._slot_weight[slot] * (sum(weights) - max(weights))

    def _match(self, value: float, pid: int, per_word: list[_WordMatches]) -> PhrasingMatch:
        phrasing = self._phrasings[pid]
        unmatched = frozenset(gi for gi, matches in enumerate(per_word) if pid not in matches.by_phrasing)
        return PhrasingMatch(phrasing.entry, phrasing.text, value, unmatched, phrasing.kind)


class _WordMatches(NamedTuple):
    """One question word's matches, worked out once per word: its best match in each phrasing it touches, in
    each slot (a phrasing's word), and per phrasing (phrasing, match, weight of the phrasing it covers)."""

    by_phrasing: dict[int, float]
    by_slot: dict[int, tuple[int, float]]
    rows: tuple[tuple[int, float, float], ...]
    slots: frozenset[int]


@dataclass(frozen=True)
class _Phrasing:
    """One of an entry's phrasings prepared for matching: each word's IDF weight and its alternatives."""

    entry: FaqEntry
    text: str
    cues: frozenset[str]
    groups: tuple[tuple[float, tuple[tuple[str, float], ...]], ...]  # (IDF weight, alternatives)
    total: float
    kind: AnswerType | None = None  # the kind of answer the phrasing asks for
    hard: bool = False  # it asks for a number or a date: a question asking for neither is not its

    @classmethod
    def of(cls, entry: FaqEntry, query: Query, known) -> _Phrasing:
        groups = tuple((known.group_idf(g), tuple(g.alternatives.items())) for g in query.groups)
        return cls(entry, query.text, query.cues, groups, sum(w for w, _ in groups),
                   answer_type(query.text, query, known.proper), bool(query.cues & lexicon.HARD_CUES))


_NO_MATCH = (-1, 0.0)
WORD_MATCHES_KEPT = 20_000  # question words whose FAQ matches are kept (a few MB at most)
_NAME = re.compile(r"(?<=[\w,] )[A-ZА-ЯЁ][\w-]*")  # a capitalised word after the first: a name


def _translated(group: TermGroup) -> bool:
    """A Russian or Kazakh word the glossary knows ("Армения" -> armenia): a real word, not a typo."""
    return not group.word.isascii() and any(t.isascii() and t.isalpha() for t in group.alternatives)


def _said(entry: FaqEntry, quoted: bool = True) -> frozenset[str]:
    """The stems of everything an entry says: its phrasings, its answer and (``quoted``) its quoted sentence."""
    source = (entry.quote.source if entry.quote else entry.source) if quoted else ""
    return _stems(" ".join((*entry.questions, entry.answer, source)))


def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(text))


_CALENDAR = frozenset(stem(w) for w in MONTHS | WEEKDAYS)


def _calendar(group: TermGroup) -> bool:
    """A day, month or year asked: the entry's answer or questions must say it, not only its quoted sentence,
    where it may date another clause ("… died, its president on Monday described …")."""
    return group.word.isdigit() or any(t in _CALENDAR for t, w in group.alternatives.items() if w >= 0.9)


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
