"""The confidence model: a logistic regression over the evidence features of a candidate sentence.

Its weights and threshold live in ``confidence.json`` beside this file, written by
``python main.py calibrate`` from the tune half of the question bank (never the test half). The
probability it gives is the bot's confidence: the chance that the sentence answers the question.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from bot.crosslingual import is_cyrillic
from bot.evidence import FEATURE_NAMES, gate

MODEL_PATH = Path(__file__).with_name("confidence.json")
L2 = 1.0  # ridge penalty: a few hundred questions, a couple of dozen features


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class Model:
    """Feature weights (in ``FEATURE_NAMES`` order), the calibration of the score into the chance that
    the answer is right (``scale``, ``shift`` on its logit), and the confidence from which the bot answers."""

    weights: tuple[float, ...]
    threshold: float
    scale: float = 1.0
    shift: float = 0.0
    threshold_cyrillic: float = 0.0  # Russian and Kazakh questions: their own traps declined 95% of the time
    # Follow-ups read in context ("when did they leave?"): their own unanswerable ones declined as often as
    # the tune traps (Russian and Kazakh ones 95%, never below the English), never above the questions'
    # thresholds; 0 means as a question.
    threshold_followup: float = 0.0
    threshold_followup_cyrillic: float = 0.0

    def threshold_for(self, question: str, followup: bool = False) -> float:
        """The confidence from which a question in this script is answered (Cyrillic never below English)."""
        cyrillic = is_cyrillic(question)
        if followup and self.threshold_followup:
            return max(self.threshold_followup, self.threshold_followup_cyrillic) if cyrillic \
                else self.threshold_followup
        return max(self.threshold, self.threshold_cyrillic) if cyrillic else self.threshold

    def score(self, row: list[float] | tuple[float, ...]) -> float:
        """How well the sentence answers: the learned probability, scaled down where the answer type,
        the names or the scope are missing. Ranks candidates; ``confidence`` makes it a probability."""
        z = sum(w * x for w, x in zip(self.weights, row, strict=True))
        return gate(row) * _sigmoid(z)

    def confidence(self, score: float) -> float:
        """The chance that an answer with this score is right, as measured out of fold on the tune half."""
        return _sigmoid(self.scale * _logit(score) + self.shift)

    def probability(self, row: list[float] | tuple[float, ...]) -> float:
        return self.confidence(self.score(row))

    def to_json(self, extra: dict) -> str:
        data = {"features": list(FEATURE_NAMES), "weights": [round(w, 6) for w in self.weights],
                "threshold": round(self.threshold, 4), "threshold_cyrillic": round(self.threshold_cyrillic, 4),
                "threshold_followup": round(self.threshold_followup, 4),
                "threshold_followup_cyrillic": round(self.threshold_followup_cyrillic, 4),
                "scale": round(self.scale, 6), "shift": round(self.shift, 6), **extra}
        return json.dumps(data, indent=1) + "\n"


def load_model(path: Path = MODEL_PATH) -> Model:
    """The shipped model; a feature list that does not match the code is a programming error."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURE_NAMES:
        raise RuntimeError(f"{path}: its features differ from the code's; run 'python main.py calibrate'")
    return Model(tuple(data["weights"]), float(data["threshold"]), float(data.get("scale", 1.0)),
                 float(data.get("shift", 0.0)), float(data.get("threshold_cyrillic", 0.0)),
                 float(data.get("threshold_followup", 0.0)), float(data.get("threshold_followup_cyrillic", 0.0)))


@cache
def shipped_model() -> Model:
    """The confidence model shipped with the engine (bot/confidence.json), read once."""
    return load_model()


def fit_calibration(scores: list[float], right: list[bool]) -> tuple[float, float]:
    """Platt scaling: ``scale``, ``shift`` such that sigmoid(scale * logit(score) + shift) matches how
    often answers with that score were right."""
    rows = np.array([[1.0, _logit(s)] for s in scores])
    w = fit(rows, np.array(right, dtype=float), l2=1e-3)
    return float(w[1]), float(w[0])


def fit(rows: np.ndarray, labels: np.ndarray, l2: float = L2, iterations: int = 50) -> np.ndarray:
    """Logistic regression by Newton's method with a ridge penalty (the bias is not penalised)."""
    weights = np.zeros(rows.shape[1])
    penalty = np.full(rows.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(rows @ weights, -30, 30)))
        gradient = rows.T @ (p - labels) + penalty * weights
        hessian = (rows * (p * (1 - p))[:, None]).T @ rows + np.diag(penalty) + 1e-9 * np.eye(rows.shape[1])
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return weights
