"""How calibrate chooses the confidence threshold from the tune half's out-of-fold scores."""

from __future__ import annotations

from bot.calibration import Judged, each_part_threshold, threshold_for
from bot.evaluation import EvalQuestion


def traps(corpus: str, scores: list[float]) -> list[tuple[Judged, float, bool]]:
    trap = EvalQuestion("q", None, 1)
    return [(Judged("g", trap, (), (), corpus), score, False) for score in scores]


def test_each_part_of_the_bank_has_its_own_traps_declined_not_only_all_of_them_pooled():
    easy = traps("easy", [0.1] * 40)
    hard = traps("hard", [0.1] * 17 + [0.6, 0.7, 0.8])  # 3 of 20 at 0.6 or more: pooled, 57 of 60 are below 0.6
    assert threshold_for(easy + hard) < 0.7
    assert each_part_threshold(easy + hard) > 0.7  # declining 95% of the hard part's 20 needs 19 below it


def test_a_part_with_too_few_traps_sets_no_threshold_of_its_own():
    assert each_part_threshold(traps("small", [0.9] * 5)) == 0.0
