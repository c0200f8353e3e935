"""The words of a source sentence that answer the question, as character offsets into the sentence.

A reply quotes the whole sentence, so the reader needs to see which part of it answers: for "how
many" the number with the thing counted ("nearly 8,000 people"), for "when" the date, for "who"
the name, for "where" the place, for "why" the clause from the cause marker on, for "what did X
say" the quotation, otherwise the clause holding most of the question's words. It reads the
question's shape (``bot.qtype``) and the sentence's answer spans (``bot.features``), both general
English, never tied to one article. No highlight (None) when only the whole sentence answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.features import SPEECH_VERBS, TITLES, Annotation, Found, Span, Token
from bot.qtype import AnswerType, question_shape
from bot.query import Query
from bot.quote import covers_all
from bot.search import SearchEngine
from bot.text import STOP_WORDS

MIN_CLAUSE_TOKENS = 3  # a shorter clause ("Almaty", "he said") is joined to its neighbour
MAX_COUNTED_GAP = 4  # tokens between a number and the thing counted ("8,000 of the people")
# Words before a number that belong to it: "nearly 8,000", "more than a dozen", "at least 30".
_APPROXIMATIONS = (("more", "than"), ("less", "than"), ("fewer", "than"), ("at", "least"), ("at", "most"),
                   ("up", "to"), ("as", "many", "as"), ("nearly",), ("almost",), ("about",), ("around",), ("some",),
                   ("over",), ("roughly",), ("approximately",), ("just",), ("only",), ("under",), ("a",), ("an",))
_APPROXIMATION_ENDS = frozenset(words[-1] for words in _APPROXIMATIONS)
_COUNT_TAIL = frozenset("hundred hundreds thousand thousands million millions billion billions dozen dozens".split())
_RELATIVE = frozenset("which who whom whose where when".split())
_CLAUSE_END_WORDS = frozenset("before while whereas but until unless although though".split())
_CLAUSE_BREAK = re.compile(r"(?<!\d)[,:](?!\d)|[,:](?=\s)|[;()\[\]]|\s[-–—]\s|[–—]")
_GAP_BREAK = re.compile(r"[,;:()\[\]\"“”«»–—]")


class _Asked:
    """The question's words as the sentence's tokens see them: per term group, its weight and stems."""

    def __init__(self, groups: list[tuple[float, dict[str, float]]]) -> None:
        self.groups = groups
        self.by_stem: dict[str, float] = {}
        for w, alternatives in groups:
            for term, a in alternatives.items():
                self.by_stem[term] = max(self.by_stem.get(term, 0.0), w * a)

    def weight(self, token: Token) -> float:
        """How much of the question this token is (0 for a word the question does not use)."""
        return self.by_stem.get(token.stem, 0.0)

    def covered(self, tokens: tuple[Token, ...]) -> float:
        """Question weight found in ``tokens``, each question word counted once at its best match."""
        stems = {t.stem for t in tokens}
        return sum(w * max((a for s, a in alts.items() if s in stems), default=0.0) for w, alts in self.groups)


@dataclass(frozen=True)
class _Case:
    """One sentence read for one question: its text and spans, the question's words and the thing counted."""

    text: str
    annotation: Annotation
    asked: _Asked
    targets: dict[str, float]  # the stems of the thing a "how many" question counts, and their weights
    weights: tuple[float, ...]  # per token, how much of the question it is
    hits: tuple[tuple[int, float], ...]  # the tokens of the question's words: (position, weight)

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.annotation.tokens

    def between(self, a: int, b: int) -> str:
        """The characters between token ``a`` and token ``b``."""
        return self.text[self.tokens[a].start + len(self.tokens[a].text):self.tokens[b].start]


def highlight(engine: SearchEngine, question: str, query: Query, sentence_id: int) -> tuple[int, int] | None:
    """``(start, end)`` in the sentence's text of the part that answers ``question``, or None."""
    text = engine.corpus.sentences[sentence_id].text
    annotation = engine.annotation(sentence_id)
    if not annotation.tokens:
        return None
    asked = _Asked([(engine.group_idf(g), g.alternatives) for g in query.groups])
    shape = question_shape(question, query, engine.proper)
    targets = {s: w for i in shape.target for s, w in query.groups[i].alternatives.items()}
    weights = tuple(asked.by_stem.get(t.stem, 0.0) for t in annotation.tokens)
    case = _Case(text, annotation, asked, targets, weights, tuple((i, w) for i, w in enumerate(weights) if w))
    finder = _FINDERS.get(shape.atype)
    found = finder(case) if finder else None
    span = _offsets(text, annotation.tokens, found) if found else _clause(case)
    return _meaningful(text, span)


def _meaningful(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The span, unless it is empty or the whole sentence."""
    if span is None or span[1] <= span[0] or covers_all(text, span):
        return None
    return span


def _offsets(text: str, tokens: tuple[Token, ...], span: tuple[int, int]) -> tuple[int, int]:
    """Character offsets of tokens ``first..last``, with a currency sign before and a unit glued after
    ("$900m", "30%"), which the tokens leave out."""
    first, last = span
    start, end = tokens[first].start, tokens[last].start + len(tokens[last].text)
    if start and text[start - 1] in "$€£¥₽₸":
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] == "%"):
        end += 1
    return start, end


def _closeness(first: int, last: int, case: _Case) -> float:
    """How near the span stands to the question's words (inside it count fully, further off count less)."""
    return sum(w / (1 + max(0, first - i, i - last)) for i, w in case.hits)


def _is_new(first: int, last: int, case: _Case, strict: bool) -> bool:
    """The span says something the question does not: not just "Putin" for "what did Putin say".

    A name (``strict``) must share no word with the question; a number or date needs one new word.
    """
    weights = [case.weights[i] for i in range(first, last + 1)
               if case.tokens[i].lower[:1].isalnum() and case.tokens[i].lower not in STOP_WORDS]
    return not any(weights) if strict else not all(weights)


def _pieces(span: Found, case: _Case) -> list[tuple[int, int]]:
    """A name span cut where punctuation or a possessive breaks it ("(CSTO), Tokayev", "Al Jazeera's Robin
    Forestier-Walker"), without hyphenated modifiers ("ex-Soviet", "Russian-led")."""
    tokens = case.tokens
    pieces, start = [], span.first
    for i in range(span.first + 1, span.last + 1):
        if _GAP_BREAK.search(case.between(i - 1, i)) or tokens[i - 1].text.endswith(("'s", "’s")):
            pieces.append((start, i - 1))
            start = i
    pieces.append((start, span.last))
    return [(a, b) for a, b in pieces if not tokens[a].glued_before and not tokens[b].glued_after]


def _best(spans: list[Found], case: _Case, names: bool = False) -> tuple[int, int] | None:
    """The span new to the question that stands nearest its words, the stronger on a tie; a name span is
    cut at punctuation first and must share no word with the question."""
    fresh = [(piece, s.strength) for s in spans for piece in (_pieces(s, case) if names else [(s.first, s.last)])
             if _is_new(*piece, case, names)]
    if not fresh:
        return None
    best = max(fresh, key=lambda f: (_closeness(*f[0], case) * f[1], f[1], -f[0][0]))
    return best[0]


# --- one finder per answer type: a token span (first, last), or None -----------------------------------

Finder = Callable[[_Case], tuple[int, int] | None]


def _number(case: _Case) -> tuple[int, int] | None:
    """The number with its approximation and the thing counted: "nearly 8,000 people"; the one counting
    what the question counts ("troops" over a synonym of it) and nearest its other words wins."""
    tokens = case.tokens
    firsts = [s.first for s in case.annotation.of(Span.NUMBER)]
    firsts += [s.first for s in case.annotation.of(Span.DATE) if "," in tokens[s.first].text]  # "2,030" is no year
    candidates = [(_approximation_start(tokens, first), _counted_end(case, first)) for first in firsts]
    if not candidates:
        return None

    def score(span: tuple[int, int]) -> tuple[float, float]:
        counts = max((case.targets.get(t.stem, 0.0) for t in tokens[span[0]:span[1] + 1]), default=0.0)
        return counts, _closeness(*span, case)

    return max(candidates, key=score)


def _approximation_start(tokens: tuple[Token, ...], first: int) -> int:
    """Step back over words that qualify the number ("nearly", "more than", the "a" of "a dozen")."""
    moved = True
    while moved and first and tokens[first - 1].lower in _APPROXIMATION_ENDS:
        moved = False
        for words in _APPROXIMATIONS:
            n = len(words)
            if first >= n and tuple(t.lower for t in tokens[first - n:first]) == words:
                first -= n
                moved = True
                break
    return first


def _counted_end(case: _Case, first: int) -> int:
    """The last token of the number phrase: through "million" or "dozen", then the thing counted (the
    question's own word within a few tokens, else the next word: "scores of citizens")."""
    tokens = case.tokens
    last = first
    while last + 1 < len(tokens) and (tokens[last].glued_after or tokens[last + 1].lower in _COUNT_TAIL
                                      and not case.between(last, last + 1).strip()):
        last += 1  # "2.5 million", "81-year-old"
    for i in range(last + 1, min(last + 1 + MAX_COUNTED_GAP, len(tokens))):
        if _GAP_BREAK.search(case.between(i - 1, i)):
            break
        if case.targets.get(tokens[i].stem, 0.0) >= 1.0:
            return i
    nxt = last + 1
    if nxt + 1 < len(tokens) and tokens[nxt].lower == "of":
        nxt += 1  # "scores of citizens", "hundreds of people"
    noun = nxt < len(tokens) and tokens[nxt].text.isalpha() and not tokens[nxt].capital
    if noun and tokens[nxt].lower not in STOP_WORDS and not any(
            _GAP_BREAK.search(case.between(i - 1, i)) for i in range(last + 1, nxt + 1)):
        return nxt
    return last


_NAMES = frozenset({Span.PERSON, Span.PLACE, Span.ORG})


def _typed(*kinds: Span, weak_only: frozenset[Span] = frozenset()) -> Finder:
    """A finder taking the best span of the first of ``kinds`` that the sentence has (of those in
    ``weak_only``, only the uncertain ones: a capitalised run the annotation could not classify)."""

    def find(case: _Case) -> tuple[int, int] | None:
        for kind in kinds:
            spans = [s for s in case.annotation.of(kind) if kind not in weak_only or s.strength < 1.0]
            best = _best(spans, case, names=kind in _NAMES)
            if best is not None:
                return best
        return None

    return find


def _person(case: _Case) -> tuple[int, int] | None:
    """A certain person's name; else the title standing for the person ("The Kazakh president"); else the
    likeliest of the names that may be a person or an organisation ("who did X speak to": the CSTO)."""
    certain = [s for s in case.annotation.of(Span.PERSON) if s.strength >= 1.0]
    found = _best(certain, case, names=True) or _title(case)
    if found is not None:
        return found
    return _best(case.annotation.of(Span.PERSON) + case.annotation.of(Span.ORG), case, names=True)


def _title(case: _Case) -> tuple[int, int] | None:
    """A title the question does not use, with the words before it that say whose ("The Kazakh president")."""
    tokens = case.tokens
    titles = [i for i, t in enumerate(tokens) if t.lower in TITLES and not case.weights[i]]
    if not titles:
        return None
    last = max(titles, key=lambda i: _closeness(i, i, case))
    first = last
    while first and (tokens[first - 1].capital or tokens[first - 1].lower in ("the", "a", "an")) \
            and not _GAP_BREAK.search(case.between(first - 1, first)):
        first -= 1
    return first, last


def _cause(case: _Case) -> tuple[int, int] | None:
    """From the cause marker ("because", "over", "driven by") to the end of its clause."""
    tokens = case.tokens
    markers = [s for s in case.annotation.of(Span.CAUSE)
               if not tokens[s.first].glued_before and not case.weights[s.first]]
    if not markers:
        return None
    best = max(markers, key=lambda s: (_closeness(s.first, s.first, case) * s.strength, -s.first))
    return best.first, _clause_end(case, best.first)


def _clause_end(case: _Case, first: int) -> int:
    """The last token of the clause starting at ``first``: before a comma-like break or "before", "while"."""
    last = first
    for i in range(first + 1, len(case.tokens)):
        if case.tokens[i].lower in _CLAUSE_END_WORDS or _GAP_BREAK.search(case.between(i - 1, i) + case.tokens[i].text):
            break
        last = i
    return last


def _quote(case: _Case) -> tuple[int, int] | None:
    """The quoted words themselves, marks included; a quotation running on from (or into) the next
    sentence has one mark, and runs from it to the end (or from the start to it)."""
    best = _best([s for s in case.annotation.of(Span.QUOTE) if s.strength >= 1.0], case)
    if best is not None:
        return best
    marks = [i for i, t in enumerate(case.tokens) if t.lower == '"']
    if len(marks) != 1:
        return None
    mark = marks[0]
    opening = case.tokens[mark].text in "“«" or (mark and case.tokens[mark - 1].lower in SPEECH_VERBS)
    return (mark, len(case.tokens) - 1) if opening else (0, mark)


_FINDERS: dict[AnswerType, Finder] = {
    AnswerType.NUMBER: _number,
    AnswerType.DATE: _typed(Span.DATE),
    AnswerType.DURATION: _typed(Span.DURATION, Span.DATE),
    AnswerType.PERSON: _person,
    AnswerType.PLACE: _typed(Span.PLACE, Span.ORG, weak_only=frozenset({Span.ORG})),
    AnswerType.NAME: _typed(Span.ORG, Span.PERSON, Span.PLACE),
    AnswerType.REASON: _cause,
    AnswerType.QUOTE: _quote,
}


# --- otherwise: the clause holding most of the question's words ----------------------------------------


def _clause(case: _Case) -> tuple[int, int] | None:
    """The clause (between commas, semicolons, brackets, dashes) that covers most of the question."""
    text = case.text
    clauses = _clauses(text)
    if len(clauses) < 2:
        return None
    inside = [tuple(t for t in case.tokens if s <= t.start < e) for s, e in clauses]
    scores = [case.asked.covered(ts) for ts in inside]
    best = max(range(len(clauses)), key=lambda i: (scores[i], -len(inside[i])))
    if not scores[best]:
        return None
    lo, hi = best, best
    while sum(len(inside[i]) for i in range(lo, hi + 1)) < MIN_CLAUSE_TOKENS and (lo or hi + 1 < len(clauses)):
        joins_before = hi + 1 >= len(clauses) or text[clauses[lo][0] - 1:clauses[lo][0]] == "("
        lo, hi = (lo - 1, hi) if joins_before and lo else (lo, hi + 1)
    while hi + 1 < len(clauses) and inside[hi + 1] and inside[hi + 1][0].lower in _RELATIVE:
        hi += 1  # "referring to Nur-Sultan, which bears Nazarbayev's first name"
    return clauses[lo][0], clauses[hi][1]


def _clauses(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` between clause breaks, without surrounding space and closing full stop."""
    spans, start = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [s for s in (_trimmed(text, a, b) for a, b in spans) if s[1] > s[0]]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "\"“”‘’'"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".!?\"“”‘’'"):
        end -= 1
    return start, end
