"""One question in, one ``Answer`` out: a confident FAQ match, else the best passage, else an honest none."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge import KnowledgeBase
from bot.query import analyze

PASSAGE_THRESHOLD = 0.5  # share of the question's weight the source sentence must cover
FAQ_THRESHOLD = 0.62

NOT_FOUND = "I couldn't find that in the article."
NOT_FOUND_MANY = "I couldn't find that in the articles."
EMPTY = "Please type a question about the event."
SMALL_TALK = "Hello! I answer questions about the event from the articles I have. Ask me anything about it."
FOREIGN = "The sources I search are in English, so please ask in English."
VAGUE = "Could you ask a complete question, with the subject you want to know about?"


@dataclass(frozen=True)
class Answer:
    """The engine's reply: ``kind`` is faq, passage or none; ``source`` is verbatim article text."""

    question: str
    kind: str
    text: str
    source: str | None = None
    document: str | None = None
    score: float = 0.0
    url: str = ""
    reason: str = ""  # for none: why (empty, small talk, not English, vague, not confident); for faq: the phrasing

    def as_json(self) -> dict:
        return {"question": self.question, "kind": self.kind, "answer": self.text, "source": self.source,
                "document": self.document, "score": round(self.score, 3)}


def _none(question: str, text: str, reason: str, score: float = 0.0) -> Answer:
    return Answer(question, "none", text, score=score, reason=reason)


def answer(kb: KnowledgeBase, question: str) -> Answer:
    """Answer ``question`` from the knowledge base."""
    question = question.strip()
    if not question:
        return _none(question, EMPTY, "empty")
    engine = kb.engine
    query = analyze(question, engine, kb.synonyms, cache=kb.words)
    if kb.faq is not None:
        match = kb.faq.match(query)
        if match is not None and match.similarity >= FAQ_THRESHOLD:
            e = match.entry
            return Answer(question, "faq", e.answer, e.source, e.document, match.similarity, e.url, match.phrasing)
    not_found = NOT_FOUND if len(kb.corpus.documents) == 1 else NOT_FOUND_MANY
    if query.small_talk:
        return _none(question, SMALL_TALK, "small talk")
    if query.foreign:
        return _none(question, FOREIGN, "not English")
    if not query.groups:
        return _none(question, VAGUE, "vague")
    hits = engine.rank(query, limit=1)
    if not hits or hits[0].confidence < PASSAGE_THRESHOLD:
        return _none(question, not_found, "not confident", hits[0].confidence if hits else 0.0)
    hit = hits[0]
    sentence = kb.corpus.sentences[hit.sentence_id]
    doc = kb.corpus.documents[sentence.doc_id]
    passage = kb.corpus.passages[engine.passage_of[hit.sentence_id]]
    text = " ".join(" ".join(kb.corpus.sentences[i].text.split()) for i in passage.sentence_ids)
    return Answer(question, "passage", text, sentence.text, doc.title, hit.confidence, doc.url)


def answer_entry(kb: KnowledgeBase, entry_id: str) -> Answer | None:
    """The FAQ entry's own answer (a pressed FAQ button), or None if the entry is gone after a reload."""
    if kb.faq is None:
        return None
    for e in kb.faq.entries:
        if e.id == entry_id:
            return Answer(e.questions[0], "faq", e.answer, e.source, e.document, 1.0, e.url, e.questions[0])
    return None


def answers(kb: KnowledgeBase, question: str, limit: int = 3) -> list[Answer]:
    """Up to ``limit`` confident answers with distinct sources (inline mode): the best first."""
    first = answer(kb, question)
    if first.kind == "none":
        return []
    found = [first]
    query = analyze(question, kb.engine, kb.synonyms, cache=kb.words)
    for hit in kb.engine.rank(query, limit=limit + 1):
        if len(found) >= limit:
            break
        if hit.confidence < PASSAGE_THRESHOLD:
            continue
        sentence = kb.corpus.sentences[hit.sentence_id]
        if any(sentence.text in (a.source or "") or (a.source or "") in sentence.text for a in found):
            continue
        doc = kb.corpus.documents[sentence.doc_id]
        found.append(Answer(question, "passage", " ".join(sentence.text.split()), sentence.text, doc.title,
                            hit.confidence, doc.url))
    return found


def suggestions(kb: KnowledgeBase, question: str = "", limit: int = 3) -> list[tuple[str, str]]:
    """FAQ questions to offer as buttons, ``(entry id, question)``: related ones first, then the top ones."""
    if kb.faq is None or not kb.faq.entries:
        return []
    chosen: list[tuple[str, str]] = []
    if question.strip():
        query = analyze(question, kb.engine, kb.synonyms, cache=kb.words)
        chosen = [(m.entry.id, m.entry.questions[0]) for m in kb.faq.ranked(query, limit) if m.similarity > 0.2]
    for e in kb.faq.entries:
        if len(chosen) >= limit:
            break
        if all(e.id != c[0] for c in chosen):
            chosen.append((e.id, e.questions[0]))
    return chosen
