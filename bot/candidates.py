"""The best few sentences for a question, each judged by the confidence model.

The ranker (``bot.search``) proposes a handful of quotable sentences by BM25 and coverage; each is
then held to the question's shape (``bot.evidence``) and given a probability of answering it
(``bot.confidence``). The most probable one is the answer when it clears the model's threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.confidence import Model
from bot.evidence import PERSONAL_PRONOUNS, acronym_forms, features, gate
from bot.qtype import AnswerType, Shape, question_shape
from bot.query import Query
from bot.search import Hit, SearchEngine
from bot.text import stem

POOL = 8  # candidates judged per question (measured: the right sentence is in the top 8 nine times in ten)
# A bare follow-up ("where was that?", "why?") is most often answered by the sentence that answered the question
# before it, or by its paragraph: their odds are raised when they hold what it asks for (measured on the tune
# half's conversations: three more answered right, none more answered wrongly).
SAME_SENTENCE_ODDS = 30.0
SAME_PARAGRAPH_ODDS = 5.0


@dataclass(frozen=True)
class Candidate:
    """A sentence judged for one question: its probability of answering it, and the evidence."""

    sentence_id: int
    probability: float
    coverage: float
    row: tuple[float, ...]


def judged(engine: SearchEngine, query: Query, text: str, model: Model | None, limit: int = POOL,
           near: int | None = None) -> list[Candidate]:
    """Candidates most probable first (ties: the ranker's order); with no model, the ranker's order.

    ``near``: for a bare follow-up, the sentence that answered the question before it; it and the rest of its
    paragraph are judged too, and favoured (``SAME_SENTENCE_ODDS``, ``SAME_PARAGRAPH_ODDS``).
    """
    hits = engine.rank(query, limit=limit)
    local = _paragraph_of(engine, near) if near is not None else frozenset()
    if not hits and not local:
        return []
    shape = question_shape(text, query, engine.proper)
    weights = [engine.group_idf(g) for g in query.groups]
    if shape.atype == AnswerType.DEFINITION and hits:
        hits = _with_expansions(engine, query, shape, hits, weights)
    if local:
        hits = _with_paragraph(engine, query, hits, local, weights)
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
        if sid in local and model is not None:
            probability = _favoured(probability, row, SAME_SENTENCE_ODDS if sid == near else SAME_PARAGRAPH_ODDS)
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


def _paragraph_of(engine: SearchEngine, sentence_id: int) -> frozenset[int]:
    """The quotable sentences of a sentence's paragraph (its passage), itself included."""
    passage = engine.corpus.passages[engine.passage_of[sentence_id]]
    return frozenset(i for i in passage.sentence_ids if i not in engine.unquotable)


def _with_paragraph(engine: SearchEngine, query: Query, hits: list[Hit], local: frozenset[int],
                    weights: list[float]) -> list[Hit]:
    """The ranker's candidates and the paragraph's other sentences, these last with the last place's score."""
    known = {h.sentence_id for h in hits}
    links = engine.links(query)
    floor = hits[-1].score if hits else 0.0
    return hits + [Hit(sid, floor, engine.coverage(query, sid, weights, links)) for sid in sorted(local - known)]


def _favoured(probability: float, row: list[float], odds: float) -> float:
    """The probability with its odds multiplied, for a sentence holding what the question asks for (nothing
    missing by ``gate``: its type of answer near its words, its names, no conflict)."""
    if gate(row) < 1.0 or probability >= 1.0:
        return probability
    raised = probability / (1.0 - probability) * odds
    return raised / (1.0 + raised)
