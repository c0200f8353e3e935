"""How calibrate chooses the confidence threshold from the tune half's out-of-fold scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import calibration, knowledge
from bot.calibration import TRAP_REJECTION, TUNE_REJECTION, Judged, rates, threshold_for
from bot.confidence import Model
from bot.evaluation import EvalQuestion

from conftest import SEED_CORPUS


def traps(corpus: str, scores: list[float]) -> list[tuple[Judged, float, bool]]:
    trap = EvalQuestion("q", None, 1)
    return [(Judged("g", trap, (), (), corpus), score, False) for score in scores]


def test_the_threshold_is_the_lowest_that_declines_the_wanted_share_of_traps():
    results = traps("bank", [i / 100 for i in range(100)])
    threshold = threshold_for(results, 0.97)
    assert rates(results, threshold)[1] == 0.97
    assert rates(results, threshold - 0.011)[1] < 0.97


def test_the_tune_traps_are_held_to_more_than_the_product_promises():
    """New writing is declined less than the tune traps: the tune half is held to a margin above 95%."""
    assert TUNE_REJECTION > TRAP_REJECTION >= 0.95
    results = traps("bank", [i / 100 for i in range(100)])
    assert threshold_for(results, TUNE_REJECTION) > threshold_for(results)


def test_without_traps_the_threshold_is_a_coin_toss():
    assert threshold_for([]) == 0.5


def test_a_knowledge_base_builds_without_reading_the_shipped_model(monkeypatch):
    def stale():  # as bot/confidence.json is after a feature is added, until calibrate writes it again
        raise RuntimeError("its features differ from the code's")

    monkeypatch.setattr(knowledge, "shipped_model", stale)
    kb = knowledge.build(SEED_CORPUS, None)
    assert kb.corpus.sentences and kb.judge is None


@pytest.mark.parametrize(("english", "cyrillic", "expected"), [
    (0.9, 0.95, (0.7, 0.75)),  # unanswerable follow-ups scoring high: held to the questions' thresholds at most
    (0.6, 0.65, (0.6, 0.65)),  # below them: their own
    (0.6, 0.5, (0.6, 0.6)),  # Russian and Kazakh never below the English
])
def test_a_follow_up_is_held_to_its_own_threshold_but_never_to_more_than_a_question(monkeypatch, english, cyrillic,
                                                                                   expected):
    own = {TUNE_REJECTION: english, TRAP_REJECTION: cyrillic}
    monkeypatch.setattr(calibration, "followup_threshold", lambda sets, faq, model, rejection: own[rejection])
    monkeypatch.setattr(calibration, "listed", lambda *args: [])
    got = calibration.with_followup_thresholds(Model((0.0,), 0.7, threshold_cyrillic=0.75), Path("eval/tune.yaml"))
    assert (got.threshold_followup, got.threshold_followup_cyrillic) == expected
