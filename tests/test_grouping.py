"""Questions group regardless of case, punctuation and small typos; short questions stay apart."""

import random

import pytest

from bot.grouping import group, normalize, signatures, within


def full_distance(a: str, b: str) -> int:
    """Optimal string alignment distance, every cell computed: the reference for the banded ``within``."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def test_case_punctuation_and_spacing_are_folded():
    assert normalize("  What’s the   DEATH toll?!") == "whats the death toll"


@pytest.mark.parametrize("a, b, limit, expected", [
    ("exchange rate", "exchnage rate", 1, True),  # two letters swapped: one edit
    ("exchange rate", "exchange rates", 1, True),
    ("exchange rate", "excha rate", 2, False),
    ("abc", "abc", 0, True),
    ("abc", "abd", 0, False),
])
def test_edit_distance_is_bounded(a, b, limit, expected):
    assert within(a, b, limit) is expected


def test_wordings_of_one_question_are_counted_together_most_asked_first():
    groups = group(["Who is Tokayev?", "What is the exchange rate of the tenge?", "what is the exchnage rate of "
                    "the tenge", "WHAT IS THE EXCHANGE RATE OF THE TENGE", "who is tokayev"])
    assert [(g.count, g.wording) for g in groups] == [(3, "What is the exchange rate of the tenge?"),
                                                      (2, "Who is Tokayev?")]
    assert len(groups[0].counts) == 3


def test_short_questions_that_differ_are_not_merged():
    assert len(group(["Who won?", "Who lost?", "why?", "who?"])) == 4


def test_banded_distance_agrees_with_the_full_table():
    rng = random.Random(7)
    for _ in range(3000):
        a = "".join(rng.choice("ab ") for _ in range(rng.randint(0, 8)))
        b = "".join(rng.choice("ab ") for _ in range(rng.randint(0, 8)))
        for limit in (0, 1, 2):
            assert within(a, b, limit) == (full_distance(a, b) <= limit), (a, b, limit)


@pytest.mark.parametrize("a, b", [("what is the exchange rate of the tenge", "what is the exchnage rate of teh tenge"),
                                  ("who is the mayor of almaty", "who is the mayor of almatyy"),
                                  ("how many people died", "how many peopledied")])
def test_wordings_within_the_allowed_typos_share_a_signature(a, b):
    assert signatures(a) & signatures(b)
