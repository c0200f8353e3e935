"""Grouping the questions users asked: the same question regardless of case, punctuation and small typos.

"What's the exchange rate?", "whats the exchange rate" and "What is the exchnage rate" should be
one line of the operator's to-do list, counted together. Questions are folded (case, quotes,
punctuation, spacing), then joined to an earlier group when they differ by at most one or two
edits (a transposition counts as one), allowed by length so that short questions stay apart.

Comparing every question with every group is quadratic (minutes for ten thousand questions), so
each group is indexed by signatures that any wording a typo or two away shares with it: the text
with one letter dropped, and its words with one or two of them blanked. A question is compared
only with the groups it shares a signature with.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from bot.text import fold

_PUNCTUATION = re.compile(r"[^\w\s]")
MAX_HEADS = 5_000  # groups indexed for typos; rarer questions beyond these are counted by exact wording only
DROPPED_UP_TO = 80  # characters: longer questions are matched by blanked words only
BLANKED_UP_TO = 16  # words: longer questions get one word blanked, not two


def normalize(question: str) -> str:
    """Case, quotes, punctuation and spacing folded: 'What's  the toll?!' -> 'whats the toll'."""
    return " ".join(_PUNCTUATION.sub("", fold(question)).split())


def allowed_edits(text: str) -> int:
    """How many typos two wordings of this length may differ by and still be one question."""
    return 0 if len(text) < 6 else 1 if len(text) < 16 else 2


def within(a: str, b: str, limit: int) -> bool:
    """True when ``a`` and ``b`` are at most ``limit`` edits apart (insert, delete, replace, swap neighbours).

    Only the diagonal band of width ``limit`` either side is computed: farther cells exceed it anyway.
    """
    if abs(len(a) - len(b)) > limit:
        return False
    far = limit + 1
    previous2: list[int] = []
    previous = [j if j <= limit else far for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        row = [far] * (len(b) + 1)
        row[0] = i if i <= limit else far
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            cost = a[i - 1] != b[j - 1]
            value = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            row[j] = min(value, far)
        if min(row[max(0, i - limit):i + limit + 1]) > limit:
            return False
        previous2, previous = previous, row
    return previous[-1] <= limit


@dataclass
class Group:
    """Wordings of one question and how often each was asked; ``key`` is the first (most asked) one folded."""

    key: str
    order: int
    counts: Counter = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return sum(self.counts.values())

    @property
    def wording(self) -> str:
        """The wording users chose most often."""
        return self.counts.most_common(1)[0][0]


def signatures(key: str) -> set[str]:
    """What ``key`` shares with any wording within its allowed typos: itself, itself with one letter dropped,
    and its words with as many of them blanked as typos are allowed."""
    limit = allowed_edits(key)
    found = {key}
    if limit == 0:
        return found
    if len(key) <= DROPPED_UP_TO:
        found.update(key[:i] + key[i + 1:] for i in range(len(key)))
    words = key.split()
    blanks = min(limit if len(words) <= BLANKED_UP_TO else 1, len(words) - 1)
    for positions in combinations(range(len(words)), blanks) if blanks > 0 else ():
        found.add(" ".join("\0" if i in positions else word for i, word in enumerate(words)))
    return found


def group(questions: list[str]) -> list[Group]:
    """The questions grouped, most asked first (ties: alphabetical)."""
    by_key: dict[str, Counter] = {}
    for question in questions:
        by_key.setdefault(normalize(question), Counter())[" ".join(question.split())] += 1
    groups: list[Group] = []
    index: dict[str, list[Group]] = {}
    for key in sorted(by_key, key=lambda k: (-sum(by_key[k].values()), k)):
        found = signatures(key)
        target = _nearest(key, found, index)
        if target is None:
            target = Group(key, len(groups))
            groups.append(target)
            if len(groups) <= MAX_HEADS:
                for signature in found:
                    index.setdefault(signature, []).append(target)
        target.counts.update(by_key[key])
    return sorted(groups, key=lambda g: (-g.count, g.key))


def _nearest(key: str, found: set[str], index: dict[str, list[Group]]) -> Group | None:
    """The earliest (most asked) group within ``key``'s allowed typos, among those sharing a signature."""
    limit = allowed_edits(key)
    candidates = {g.order: g for signature in found for g in index.get(signature, ())}
    for order in sorted(candidates):
        candidate = candidates[order]
        if within(key, candidate.key, min(limit, allowed_edits(candidate.key))):
            return candidate
    return None
