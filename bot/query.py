"""A question turned into weighted term groups: its own words, their synonyms and spelling fixes.

Each content word of the question becomes a ``TermGroup``: the word's stem at full weight, plus
alternatives (synonyms, a spelling correction) at lower weights. Scoring sums the weighted terms;
confidence asks how much of the question's weight a sentence covers, group by group.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot import lexicon
from bot.spelling import Speller
from bot.text import STOP_WORDS, fold, is_mostly_foreign, stem, words

SYNONYM_WEIGHT = 0.7
OPERATOR_SYNONYM_WEIGHT = 0.9
SPELLING_WEIGHT = 0.9


@dataclass(frozen=True)
class TermGroup:
    """One question word: ``alternatives`` maps stems to weights, the word's own stem at 1.0."""

    word: str
    alternatives: dict[str, float]


@dataclass(frozen=True)
class Query:
    """What the engine needs to know about a question."""

    text: str
    groups: tuple[TermGroup, ...]
    cues: frozenset[str] = frozenset()
    small_talk: bool = False
    foreign: bool = False
    weighted_terms: dict[str, float] = field(default_factory=dict)


def build_synonyms(groups, one_way: dict[str, list[str]] | None = None) -> dict[str, dict[str, float]]:
    """Stem-level synonym map: built-in groups both ways, operator entries one way and weightier."""
    table: dict[str, dict[str, float]] = {}

    def add(a: str, b: str, weight: float) -> None:
        sa, sb = _stem_word(a), _stem_word(b)
        if sa and sb and sa != sb:
            row = table.setdefault(sa, {})
            row[sb] = max(row.get(sb, 0.0), weight)

    for group in groups:
        for a in group:
            for b in group:
                add(a, b, SYNONYM_WEIGHT)
    for word, targets in (one_way or {}).items():
        for target in targets:
            add(word, target, OPERATOR_SYNONYM_WEIGHT)
    return table


def _stem_word(word: str) -> str:
    tokens = words(word)
    return stem(tokens[0]) if len(tokens) == 1 else ""


def detect_cues(text: str) -> frozenset[str]:
    """Answer types the question asks for (number, date, cause ...), from its question words."""
    folded = " " + " ".join(words(text)) + " "
    return frozenset(kind for kind, phrases in lexicon.CUES.items() if any(" " + p in folded for p in phrases))


def is_small_talk(tokens: list[str]) -> bool:
    """Greetings, thanks and acknowledgements with nothing else in them."""
    return bool(tokens) and all(t in lexicon.SMALL_TALK for t in tokens)


def analyze(text: str, vocabulary: dict[str, float], speller: Speller | None,
            synonyms: dict[str, dict[str, float]]) -> Query:
    """Turn a question into term groups; ``vocabulary`` maps known stems to their IDF."""
    tokens = words(text)
    groups: list[TermGroup] = []
    seen: set[str] = set()
    for token in tokens:
        if token in STOP_WORDS:
            continue
        own = stem(token)
        if own in seen:
            continue
        seen.add(own)
        alternatives = {own: 1.0}
        if own not in vocabulary and speller is not None:
            fixed = speller.correct(token)
            if fixed is not None:
                alternatives[stem(fixed)] = SPELLING_WEIGHT
        for base, base_weight in list(alternatives.items()):
            for alt, w in synonyms.get(base, {}).items():
                if alt not in alternatives:
                    alternatives[alt] = w * base_weight
        groups.append(TermGroup(token, alternatives))
    weighted: dict[str, float] = {}
    for g in groups:
        for term, w in g.alternatives.items():
            if w > weighted.get(term, 0.0):
                weighted[term] = w
    return Query(
        text=text,
        groups=tuple(groups),
        cues=detect_cues(fold(text)),
        small_talk=is_small_talk(tokens),
        foreign=is_mostly_foreign(text),
        weighted_terms=weighted,
    )
