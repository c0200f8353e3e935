"""Questions group regardless of case, punctuation and small typos; short questions stay apart."""

import pytest

from bot.grouping import group, normalize, within


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
