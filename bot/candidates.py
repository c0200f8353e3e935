"""The best few sentences for a question, each judged by the confidence model.

The ranker (``bot.search``) proposes a handful of quotable sentences by BM25 and coverage; each is
then held to the question's shape (``bot.evidence``) and given a probability of answering it
(``bot.confidence``). The most probable one is the answer when it clears the model's threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.confidence import Model
from bot.evidence import PERSONAL_PRONOUNS, acronym_forms, features
from bot.qtype import AnswerType, Shape, question_shape
from bot.query import Query
from bot.search import Hit, SearchEngine
from bot.text import stem

POOL = 8  # candidates judged per question (measured: the right sentence is in the top 8 nine times in ten)


@dataclass(frozen=True)
class Candidate:
    """A sentence judged for one question: its probability of answering it, and the evidence."""

    sentence_id: int
    probability: float
    coverage: float
    row: tuple[float, ...]


def judged(engine: SearchEngine, query: Query, text: str, model: Model | None, limit: int = POOL) -> list[Candidate]:
    """Candidates most probable first (ties: the ranker's order); with no model, the ranker's order."""
    hits = engine.rank(query, limit=limit)
    if not hits:
        return []
    shape = question_shape(text, query, engine.proper)
    weights = [engine.group_idf(g) for g in query.groups]
    if shape.atype == AnswerType.DEFINITION:
        hits = _with_expansions(engine, query, shape, hits, weights)
    best = hits[0].score or 1.0
    found = []
    for position, hit in enumerate(hits):
        sid = hit.sentence_id
        annotation, context = engine.annotation(sid), engine.context_stems(sid)
        pronoun = not PERSONAL_PRONOUNS.isdisjoint(annotation.where)  # pronouns are their own stems
        resolved = engine.previous_people(sid) if pronoun else set()
        row = features(query, shape, weights, annotation, context, engine.article_stems(sid), resolved,
                       engine.corpus.sentences[sid].text,
                       hit.confidence, hit.score / best, position == 0, engine.vocabulary, engine.places)
        probability = model.probability(row) if model is not None else hit.confidence
        found.append((position, Candidate(sid, probability, hit.confidence, tuple(row))))
    found.sort(key=lambda pc: (-pc[1].probability, pc[0]))
    return [c for _, c in found]


def _with_expansions(engine: SearchEngine, query: Query, shape: Shape, hits: list[Hit],
                     weights: list[float]) -> list[Hit]:
    """"What does CSTO stand for": the sentence spelling the acronym out is judged even when sentences that
    merely mention it rank higher; it takes the last place, with that place's score."""
    spelled = [sid for g in shape.subject or shape.anchors for form in acronym_forms(query.groups[g])
               for sid in engine.spelled_out.get(stem(form), ())]
    known = {h.sentence_id for h in hits}
    extra = [sid for sid in dict.fromkeys(spelled) if sid not in known][:2]
    if not extra:
        return hits
    links = engine.links(query)
    floor = hits[-1].score
    added = [Hit(sid, floor, engine.coverage(query, sid, weights, links)) for sid in extra]
    return hits[:len(hits) - len(added)] + added if len(hits) >= POOL else hits + added
