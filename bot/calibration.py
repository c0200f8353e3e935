"""``python main.py calibrate``: learn the confidence model from the tune half of the question bank.

Every question of the tune sets (``eval/tune.yaml``) is put to the engine without the FAQ; each of
its candidate sentences becomes a row of evidence features, labelled by whether it holds an
expected phrase. A logistic regression is fitted to the rows; the threshold is the lowest
probability at which at least ``TUNE_REJECTION`` of the tune traps are declined, out of fold (each article's
questions scored by a model that never saw that article) and in sample. Questions in Cyrillic and follow-ups
read in context get thresholds of their own, from the manifest's Russian and Kazakh sets and its conversations
(asked with the model being fitted); a Cyrillic one is never below its English one. The confidence shown is
calibrated (Platt) on scores from models that never saw the question's whole set of articles, which in
the bank also means its author. The test half is never read here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import yaml

from bot.answer import answer_in_context, reaches_articles
from bot.candidates import judged
from bot.confidence import MODEL_PATH, Model, fit, fit_calibration
from bot.dialogues import load_conversations
from bot.errors import InputError, Problem
from bot.evaluation import EvalQuestion, judge_source, load_questions
from bot.knowledge import build
from bot.query import analyze
from bot.smalltalk import classify

TRAP_REJECTION = 0.95  # what the product promises of unanswerable questions (and Russian and Kazakh tune traps get)
# What the tune traps get: new writing is declined less. Bank parts scored as they arrived, before anything was
# learned from them, had 91-94% of their traps declined at thresholds that declined 95% of the tune traps (parts
# 6 to 9); and left out one author at a time, 97% pooled is as strict as the earlier rule (95% in three parts of
# four) on average but moves half as much when one author's part is left out.
TUNE_REJECTION = 0.97
FOLDS = 5


@dataclass(frozen=True)
class Judged:
    """One tune question: where it comes from, and its candidates' feature rows and labels."""

    group: str
    item: EvalQuestion
    rows: tuple[tuple[float, ...], ...]
    labels: tuple[bool, ...]
    corpus: str = ""  # the articles' folder: another author's set, for calibrating against unseen writing


def manifest_faq(manifest: Path) -> Path:
    """The FAQ file whose synonyms the tune sets are answered with: faq.yaml of the repository."""
    return manifest.parent.parent / "faq.yaml"


def tune_sets(manifest: Path) -> list[tuple[Path, Path]]:
    """(questions, corpus) pairs listed in the manifest, relative to the manifest's folder's parent."""
    return listed(manifest, "sets", required=True)


def cyrillic_sets(manifest: Path) -> list[tuple[Path, Path]]:
    """The manifest's Russian and Kazakh question sets (``cyrillic:``), for their own threshold."""
    return listed(manifest, "cyrillic")


def listed(manifest: Path, key: str, item: str = "questions", required: bool = False) -> list[tuple[Path, Path]]:
    """The (``item`` file, corpus) pairs the manifest lists under ``key``."""
    try:
        data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
        base = manifest.parent.parent
        return [(base / s[item], base / s["corpus"]) for s in (data[key] if required else data.get(key, []))]
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(Problem(str(manifest), 0, f"cannot read the tune manifest: {exc}")) from None


def cyrillic_threshold(sets: Iterable[tuple[Path, Path]], faq: Path | None, model: Model) -> float:
    """The confidence below which ``TRAP_REJECTION`` of these sets' traps are declined: a Russian question
    reaches the articles through a glossary, and its traps pass more easily than English ones. Only
    traps the bot would put to the model count (small talk, vague and unreadable ones are declined)."""
    scores = []
    for questions, corpus in sets:
        kb = build(corpus, faq, entries=False)
        for item in load_questions(questions):
            if item.expect is not None or classify(item.question) is not None:
                continue
            query = analyze(item.question, kb.engine, kb.synonyms, cache=kb.words)
            if not query.groups or (query.foreign and not reaches_articles(query, kb.engine.vocabulary)):
                continue
            found = judged(kb.engine, query, item.question, model)
            scores.append(found[0].probability if found else 0.0)
    return _quantile(scores, TRAP_REJECTION)


def followup_threshold(sets: Iterable[tuple[Path, Path]], faq: Path | None, model: Model, rejection: float) -> float:
    """The confidence below which ``rejection`` of these conversations' unanswerable follow-ups are declined:
    only those read in context ("when did they leave?") count; one that stands on its own is a question."""
    scores = []
    for conversations, corpus in sets:
        kb = replace(build(corpus, faq, entries=False), judge=model)
        for item in load_conversations(conversations):
            if item.expect is not None:
                continue
            previous = None
            for message in item.turns:
                result, resolution, previous = answer_in_context(kb, message, previous)
            if resolution.inherited:
                scores.append(result.score or 0.0)
    return _quantile(scores, rejection)


def with_followup_thresholds(model: Model, manifest: Path) -> Model:
    """The model with the thresholds of follow-ups, from the manifest's conversations: English ones decline
    ``TUNE_REJECTION`` of theirs, Russian and Kazakh ones ``TRAP_REJECTION`` (never below the English), and
    neither is ever above its questions' threshold. Left out one author at a time, that cap answered 3 points
    more of the tune conversations' follow-ups at the same rejection: a few unanswerable follow-ups scoring
    high had lifted the threshold over the questions' own, and a follow-up is no less sure than a question."""
    faq = manifest_faq(manifest)
    english = followup_threshold(listed(manifest, "conversations", "conversations"), faq, model, TUNE_REJECTION)
    cyrillic = followup_threshold(listed(manifest, "conversations_cyrillic", "conversations"), faq, model,
                                  TRAP_REJECTION)
    english = min(english, model.threshold)
    cyrillic = min(max(cyrillic, english), max(model.threshold, model.threshold_cyrillic))
    return replace(model, threshold_followup=english, threshold_followup_cyrillic=cyrillic)


def _quantile(scores: list[float], rejection: float) -> float:
    """Just above the score under which ``rejection`` of them lie (0 for none)."""
    if not scores:
        return 0.0
    scores = sorted(scores)
    return scores[min(int(np.ceil(rejection * len(scores))) - 1, len(scores) - 1)] + 1e-6


def collect(sets: Iterable[tuple[Path, Path]], faq: Path | None = None) -> list[Judged]:
    """Judge every question of every set with no model (the features do not depend on it), passage-only
    with ``faq``'s synonyms, as ``eval --no-faq`` answers."""
    found = []
    for questions, corpus in sets:
        kb = build(corpus, faq, entries=False)
        for item in load_questions(questions):
            query = analyze(item.question, kb.engine, kb.synonyms, cache=kb.words)
            if query.small_talk or query.foreign or not query.groups:
                continue
            candidates = judged(kb.engine, query, item.question, None)
            labels = tuple(item.expect is not None and judge_source(item, kb.corpus.sentences[c.sentence_id].text)
                           for c in candidates)
            found.append(Judged(f"{questions}:{item.article or ''}", item, tuple(c.row for c in candidates), labels,
                                str(corpus)))
    return found


def train(samples: list[Judged]) -> np.ndarray:
    rows = np.array([r for s in samples for r in s.rows], dtype=float)
    labels = np.array([lab for s in samples for lab in s.labels], dtype=float)
    return fit(rows, labels)


def out_of_fold(samples: list[Judged]) -> list[tuple[Judged, float, bool]]:
    """(question, best probability, is the best candidate right) with models that never saw its article."""
    groups = sorted({s.group for s in samples})
    fold_of = {g: i % FOLDS for i, g in enumerate(groups)}
    results = []
    for fold in range(FOLDS):
        held = [s for s in samples if fold_of[s.group] == fold]
        weights = train([s for s in samples if fold_of[s.group] != fold])
        results += [best(s, weights) for s in held]
    return results


def out_of_corpus(samples: list[Judged]) -> list[tuple[Judged, float, bool]]:
    """The same with models that never saw its set of articles (and, in the bank, their author's writing):
    what a new article by a new writer meets, so the confidence shown is calibrated on it."""
    results = []
    for corpus in sorted({s.corpus for s in samples}):
        weights = train([s for s in samples if s.corpus != corpus])
        results += [best(s, weights) for s in samples if s.corpus == corpus]
    return results


def best(sample: Judged, weights: np.ndarray) -> tuple[Judged, float, bool]:
    """(question, the best candidate's score, whether that candidate is right)."""
    if not sample.rows:
        return sample, 0.0, False
    model = Model(tuple(weights), 0.5)
    probabilities = np.array([model.score(r) for r in sample.rows])
    top = int(np.argmax(probabilities))
    return sample, float(probabilities[top]), sample.labels[top]


def threshold_for(results: list[tuple[Judged, float, bool]], rejection: float = TRAP_REJECTION) -> float:
    """The lowest threshold at which ``rejection`` of the unanswerable questions are declined."""
    traps = sorted(p for s, p, _ in results if s.item.expect is None)
    if not traps:
        return 0.5
    keep = int(np.ceil(rejection * len(traps))) - 1
    return float(traps[min(keep, len(traps) - 1)]) + 1e-6


def rates(results: list[tuple[Judged, float, bool]], threshold: float) -> tuple[float, float]:
    inside = [(p, ok) for s, p, ok in results if s.item.expect is not None]
    outside = [p for s, p, _ in results if s.item.expect is None]
    hits = sum(1 for p, ok in inside if ok and p >= threshold) / max(len(inside), 1)
    rejected = sum(1 for p in outside if p < threshold) / max(len(outside), 1)
    return hits, rejected


def run_calibrate(manifest: Path, write: bool, out=print) -> int:
    """Fit, choose the threshold, calibrate, report; with ``write``, save bot/confidence.json."""
    samples = collect(tune_sets(manifest), manifest_faq(manifest))
    folded = out_of_fold(samples)
    weights = train(samples)
    in_sample = [best(s, weights) for s in samples]
    # The shipped model must decline the traps out of fold and in sample alike.
    threshold = max(threshold_for(folded, TUNE_REJECTION), threshold_for(in_sample, TUNE_REJECTION))
    unseen = out_of_corpus(samples)
    scale, shift = fit_calibration([p for _, p, _ in unseen],
                                   [s.item.expect is not None and ok for s, _, ok in unseen])
    model = Model(tuple(float(w) for w in weights), 0.0, scale, shift)
    model = Model(model.weights, model.confidence(threshold), scale, shift)
    cyrillic = max(cyrillic_threshold(cyrillic_sets(manifest), manifest_faq(manifest), model), model.threshold)
    model = replace(model, threshold_cyrillic=cyrillic)
    model = with_followup_thresholds(model, manifest)
    out(f"{len(samples)} tune questions, {sum(len(s.rows) for s in samples)} candidate sentences")
    for name, results in (("out of fold", folded), ("in sample", in_sample)):
        hits, rejected = rates(results, threshold)
        out(f"{name:11}: confidence threshold {model.threshold:.3f} -> in-scope {hits:.1%}, "
            f"unanswerable declined {rejected:.1%}")
    out(f"Russian and Kazakh: confidence threshold {model.threshold_for('ы'):.3f} declines at least "
        f"{TRAP_REJECTION:.0%} of their tune traps (never below the English one)")
    out(f"follow-ups read in context: {model.threshold_followup:.3f}, the lower of the questions' threshold and the "
        f"one declining {TUNE_REJECTION:.0%} of the tune conversations' unanswerable ones; in Russian and Kazakh "
        f"{model.threshold_followup_cyrillic:.3f} ({TRAP_REJECTION:.0%} of theirs, never below the English)")
    if write:
        MODEL_PATH.write_text(model.to_json({"trained_on": str(manifest), "questions": len(samples)}),
                              encoding="utf-8")
        out(f"wrote {MODEL_PATH}")
    return 0
