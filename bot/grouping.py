"""Grouping the questions users asked: the same question regardless of case, punctuation and small typos.

"What's the exchange rate?", "whats the exchange rate" and "What is the exchnage rate" should be
one line of the operator's to-do list, counted together. Questions are folded (case, quotes,
punctuation, spacing), then joined to an earlier group when they differ by at most one or two
edits (a transposition counts as one), allowed by length so that short questions stay apart.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from bot.text import fold

_PUNCTUATION = re.compile(r"[^\w\s]")


def normalize(question: str) -> str:
    """Case, quotes, punctuation and spacing folded: 'What's  the toll?!' -> 'whats the toll'."""
    return " ".join(_PUNCTUATION.sub("", fold(question)).split())


def allowed_edits(text: str) -> int:
    """How many typos two wordings of this length may differ by and still be one question."""
    return 0 if len(text) < 6 else 1 if len(text) < 16 else 2


def within(a: str, b: str, limit: int) -> bool:
    """True when ``a`` and ``b`` are at most ``limit`` edits apart (insert, delete, replace, swap neighbours)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return False
        previous2, previous = previous, row
    return previous[-1] <= limit


@dataclass
class Group:
    """Wordings of one question and how often each was asked; ``key`` is the first (most asked) one folded."""

    key: str
    counts: Counter = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return sum(self.counts.values())

    @property
    def wording(self) -> str:
        """The wording users chose most often."""
        return self.counts.most_common(1)[0][0]


def group(questions: list[str]) -> list[Group]:
    """The questions grouped, most asked first (ties: alphabetical)."""
    by_key: dict[str, Counter] = {}
    for question in questions:
        by_key.setdefault(normalize(question), Counter())[" ".join(question.split())] += 1
    groups: list[Group] = []
    by_length: dict[int, list[Group]] = {}
    for key in sorted(by_key, key=lambda k: (-sum(by_key[k].values()), k)):
        target = _nearest(key, by_length)
        if target is None:
            target = Group(key)
            groups.append(target)
            by_length.setdefault(len(key), []).append(target)
        target.counts.update(by_key[key])
    return sorted(groups, key=lambda g: (-g.count, g.key))


def _nearest(key: str, by_length: dict[int, list[Group]]) -> Group | None:
    limit = allowed_edits(key)
    for length in range(len(key) - limit, len(key) + limit + 1):
        for candidate in by_length.get(length, ()):
            if within(key, candidate.key, min(limit, allowed_edits(candidate.key))):
                return candidate
    return None
