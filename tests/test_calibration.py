"""How calibrate chooses the confidence threshold from the tune half's out-of-fold scores."""

from __future__ import annotations

from bot.calibration import Judged, each_part_threshold, threshold_for
from bot.evaluation import EvalQuestion


def traps(corpus: str, scores: list[float]) -> list[tuple[Judged, float, bool]]:
    trap = EvalQuestion("q", None, 1)
    return [(Judged("g", trap, (), (), corpus), score, False) for score in scores]


def test_the_parts_of_the_bank_have_their_own_traps_declined_not_only_all_of_them_pooled():
    easy = traps("easy", [0.1] * 40)
    hard = traps("hard", [0.1] * 17 + [0.6, 0.7, 0.8])  # 3 of 20 at 0.6 or more: pooled, 57 of 60 are below 0.6
    assert threshold_for(easy + hard) < 0.7
    assert each_part_threshold(easy + hard) > 0.7  # declining 95% of the hard part's 20 needs 19 below it


def test_one_part_in_four_may_fall_short_so_the_hardest_author_alone_does_not_set_the_threshold():
    parts = [traps(f"part {i}", [0.1] * 18 + [0.3 + i / 10] * 2) for i in range(3)]  # each needs 19 of 20 below
    hardest = traps("hardest", [0.1] * 15 + [0.9] * 5)
    assert 0.5 < each_part_threshold([t for part in parts for t in part] + hardest) < 0.6  # the third part's


def test_a_part_with_too_few_traps_sets_no_threshold_of_its_own():
    assert each_part_threshold(traps("small", [0.9] * 5)) == 0.0
