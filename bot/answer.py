"""One question in, one ``Answer`` out: a confident FAQ match, else the best passage, else an honest none."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from bot import followup
from bot.candidates import POOL, Candidate, judged
from bot.conversation import Resolution, Turn, asks_source, dangling_pronoun, resolve
from bot.faq import FaqEntry, PhrasingMatch
from bot.features import MONTHS, WEEKDAYS
from bot.highlight import highlight
from bot.i18n import ENGLISH, Msg
from bot.knowledge import KnowledgeBase
from bot.qtype import AnswerType, answer_type, asks_a_day, question_shape
from bot.query import Query, analyze
from bot.quote import Quote, of_sentence
from bot.rewrite import split_topic
from bot.smalltalk import Talk, classify
from bot.text import fold, words

FAQ_THRESHOLD = 0.62
FAQ_CANDIDATES = 3  # entries tried, most similar first
SAME_QUESTION = 0.9  # a phrasing this like the question asks for the same kind of answer

# The engine's own words are the English catalogue's (bot/locales/en.po); Telegram and the console
# show them in the user's language (bot.presenting).
NOT_FOUND = ENGLISH(Msg.NOT_FOUND)
NOT_FOUND_MANY = ENGLISH(Msg.NOT_FOUND_MANY)
EMPTY = ENGLISH(Msg.EMPTY)
FOREIGN = ENGLISH(Msg.FOREIGN)
VAGUE = ENGLISH(Msg.VAGUE)
TALK = {Talk.GREETING: Msg.TALK_GREETING, Talk.THANKS: Msg.TALK_THANKS, Talk.GOODBYE: Msg.TALK_GOODBYE,
        Talk.WHO: Msg.TALK_WHO, Talk.ACK: Msg.TALK_ACK, Talk.SYMBOLS: Msg.TALK_SYMBOLS}


class Kind(StrEnum):
    """Where an answer comes from (string-valued, so ``kind == "faq"`` and JSON keep working)."""

    FAQ = "faq"
    PASSAGE = "passage"
    NONE = "none"


class Reason(StrEnum):
    """Why there is no answer."""

    EMPTY = "empty"
    SMALL_TALK = "small talk"
    FOREIGN = "not English"
    VAGUE = "vague"
    NOT_CONFIDENT = "not confident"


@dataclass(frozen=True)
class Answer:
    """The engine's reply; ``reason`` says why a none is one.

    ``source`` is the whole sentence (or consecutive sentences) backing the answer, a verbatim slice
    of the article file ``path`` starting at character ``offset``; ``highlight`` is the part of it
    that answers, as ``(start, end)`` offsets into ``source``.
    """

    question: str
    kind: Kind
    text: str
    source: str | None = None
    document: str | None = None
    score: float = 0.0
    url: str = ""
    reason: Reason | None = None
    phrasing: str = ""  # faq: the curated phrasing that matched
    entry_id: str = ""  # faq: the entry's id
    highlight: tuple[int, int] | None = None
    path: str = ""
    offset: int = -1
    talk: Talk | None = None  # small talk: which kind (the reply is in the catalogues)

    def as_json(self) -> dict:
        return {"question": self.question, "kind": str(self.kind), "answer": self.text, "source": self.source,
                "highlight": list(self.highlight) if self.highlight else None, "document": self.document,
                "path": self.path or None, "offset": self.offset if self.offset >= 0 else None,
                "score": round(self.score, 3)}


def _none(question: str, text: str, reason: Reason, score: float = 0.0) -> Answer:
    return Answer(question, Kind.NONE, text, score=score, reason=reason)


def _small_talk(question: str, talk: Talk) -> Answer:
    text = ENGLISH(TALK[talk], event=ENGLISH(Msg.EVENT))
    return Answer(question, Kind.NONE, text, reason=Reason.SMALL_TALK, talk=talk)


def answer(kb: KnowledgeBase, question: str, light: frozenset[str] = frozenset(), near: int | None = None) -> Answer:
    """Answer ``question`` from the knowledge base; ``light``: words a follow-up inherited from the question
    before it, which count less in finding its passage (``answer_in_context``); ``near``: the sentence that
    answered that question, where a follow-up adding no words of its own ("why?") is looked for first."""
    question = question.strip()
    if not question:
        return _none(question, EMPTY, Reason.EMPTY)
    talk = classify(question)
    if talk is not None:
        return _small_talk(question, talk)
    engine = kb.engine
    query = analyze(question, engine, kb.synonyms, cache=kb.words)
    if kb.faq is not None:
        for match in kb.faq.ranked(query, FAQ_CANDIDATES, FAQ_THRESHOLD):  # the best entry saying all it asks
            if _entry_says_all(kb, query, match, light):
                return _faq_answer(kb, question, query, match.entry, match.similarity, match.phrasing)
    not_found = NOT_FOUND if len(kb.corpus.documents) == 1 else NOT_FOUND_MANY
    if query.foreign and not reaches_articles(query, engine.vocabulary):
        return _none(question, FOREIGN, Reason.FOREIGN)
    if not query.groups:
        return _none(question, VAGUE, Reason.VAGUE)
    if light:
        query = analyze(question, engine, kb.synonyms, cache=kb.words, light=light)
    bare = bool(light) and all(g.word in light or g.strength < 1.0 for g in query.groups)
    found = judged(engine, query, question, kb.model, near=near if bare else None)
    if light:
        found = [c for c in found if followup.says_what_is_new(kb, query, light, c.sentence_id)]
    if not found or found[0].probability < kb.model.threshold_for(question, followup=bool(light)):
        best = found[0].probability if found else 0.0
        return _none(question, not_found, Reason.NOT_CONFIDENT, best)
    return _passage(kb, question, query, found[0])


def _entry_says_all(kb: KnowledgeBase, query: Query, match: PhrasingMatch, light: frozenset[str]) -> bool:
    """The entry must say all the question asks (``Faq.says_everything``) but the subject a follow-up took from
    the exchange before, in brackets ("when will its troops leave (Putin say the CSTO achieved)?"); and a
    follow-up's own words must be in the matched phrasing, its answer or its source."""
    entry = match.entry
    offered = _KINDS.get(match.kind)
    asked = _kind_of_answer(kb, query) if match.similarity < SAME_QUESTION else None
    if offered and asked and asked != offered:
        return False  # "What did Nazarbayev say about the unrest?" is no "Who is Nazarbayev?"
    if offered is None and asked in _CONCRETE:
        return False  # "What is the operation called?" is no "What comes after the operation?"
    if offered == "number" and match.unmatched and not kb.faq.counts_it(query, match, _counted(kb, query), light):
        return False  # "How many of the CSTO troops were Russian?" is no "How many CSTO troops were deployed?"
    if asks_a_day(query.text) and not _gives_a_date(entry.answer):
        return False  # "what date exactly?" is no "When will the troops leave?" answered "soon"
    if light and not followup.faq_says_what_is_new(query, light, " ".join((match.phrasing, entry.answer,
                                                                          entry.source))):
        return False
    base, topic = split_topic(query.text)
    inherited = frozenset(words(topic)) - frozenset(words(base)) if topic else frozenset()
    return kb.faq.says_everything(query, match, inherited)


_CONCRETE = frozenset({"number", "time", "person", "place", "what"})  # asked for, an open entry may not say it


def _gives_a_date(text: str) -> bool:
    """A day, month, weekday or year in an operator's answer."""
    return any(w[:1].isdigit() or w in MONTHS or w in WEEKDAYS for w in (fold(t) for t in words(text)))


def _counted(kb: KnowledgeBase, query: Query) -> frozenset[int]:
    """The groups naming what a number question counts."""
    return question_shape(query.text, query, kb.engine.proper).target


_KINDS = {AnswerType.NUMBER: "number", AnswerType.DATE: "time", AnswerType.DURATION: "time",
          AnswerType.PERSON: "person", AnswerType.PLACE: "place", AnswerType.REASON: "reason",
          AnswerType.QUOTE: "quote", AnswerType.DEFINITION: "what", AnswerType.NAME: "what"}


def _kind_of_answer(kb: KnowledgeBase, query: Query) -> str | None:
    """The kind of answer a question wants, coarsely; None for yes/no and open questions, which any entry
    may answer."""
    return _KINDS.get(answer_type(query.text, query, kb.engine.proper))


def reaches_articles(query: Query, vocabulary: dict[str, float]) -> bool:
    """A question in another script is worth answering when the glossary or a name takes some of it to
    the articles' words."""
    return any(t in vocabulary for g in query.groups for t in g.alternatives)


def _passage(kb: KnowledgeBase, question: str, query: Query, best: Candidate) -> Answer:
    passage = kb.corpus.passages[kb.engine.passage_of[best.sentence_id]]
    text = " ".join(" ".join(kb.corpus.sentences[i].text.split()) for i in passage.sentence_ids)
    return _passage_answer(kb, question, query, best.sentence_id, best.probability, text)


def _quoting(quote: Quote) -> dict:
    """An answer's fields for quoting ``quote``: the whole sentence, where it sits and its highlight."""
    return {"source": quote.source, "highlight": quote.highlight, "path": quote.path, "offset": quote.offset}


def _faq_answer(kb: KnowledgeBase, question: str, query: Query, e: FaqEntry, score: float,
                phrasing: str) -> Answer:
    """A FAQ answer quoting the entry's whole sentence(s), the operator's fragment highlighted; when the
    fragment is the whole sentence (or there is none), the words answering ``question`` instead."""
    quote = e.quote
    if quote is None:
        return Answer(question, Kind.FAQ, e.answer, e.source, e.document, score, e.url, phrasing=phrasing,
                      entry_id=e.id)
    if quote.highlight is None and e.sentence_id is not None:
        sentence = kb.corpus.sentences[e.sentence_id]
        if (sentence.start, sentence.text) == (quote.offset, quote.source):
            quote = replace(quote, highlight=highlight(kb.engine, question, query, e.sentence_id))
    return Answer(question, Kind.FAQ, e.answer, document=e.document, score=score, url=e.url, phrasing=phrasing,
                  entry_id=e.id, **_quoting(quote))


def _passage_answer(kb: KnowledgeBase, question: str, query: Query, sentence_id: int, score: float,
                    text: str) -> Answer:
    """A passage answer quoting sentence ``sentence_id``, the words answering ``question`` highlighted."""
    doc = kb.corpus.documents[kb.corpus.sentences[sentence_id].doc_id]
    quote = of_sentence(kb.corpus, sentence_id, highlight(kb.engine, question, query, sentence_id))
    return Answer(question, Kind.PASSAGE, text, document=doc.title, score=score, url=doc.url, **_quoting(quote))


def answer_entry(kb: KnowledgeBase, entry_id: str) -> Answer | None:
    """The FAQ entry's own answer (a pressed FAQ button), or None if the entry is gone after a reload."""
    if kb.faq is None:
        return None
    for e in kb.faq.entries:
        if e.id == entry_id:
            query = analyze(e.questions[0], kb.engine, kb.synonyms, cache=kb.words)
            return _faq_answer(kb, e.questions[0], query, e, 1.0, e.questions[0])
    return None


def answers(kb: KnowledgeBase, question: str, limit: int = 3) -> list[Answer]:
    """Up to ``limit`` confident answers with distinct sources (inline mode): the best first."""
    first = answer(kb, question)
    if first.kind == Kind.NONE:
        return []
    found = [first]
    query: Query = analyze(question, kb.engine, kb.synonyms, cache=kb.words)
    for candidate in judged(kb.engine, query, question, kb.model):
        if len(found) >= limit or candidate.probability < kb.model.threshold_for(question):
            break
        sentence = kb.corpus.sentences[candidate.sentence_id]
        if any(sentence.text in (a.source or "") or (a.source or "") in sentence.text for a in found):
            continue
        found.append(_passage_answer(kb, question, query, candidate.sentence_id, candidate.probability,
                                     " ".join(sentence.text.split())))
    return found


ALTERNATIVE_COVERAGE = 0.5  # an alternative passage holds at least half of the question's weight


def alternatives(kb: KnowledgeBase, question: str, shown: list[str], limit: int = 2) -> list[Answer]:
    """"Not what you meant?": the next best passages for ``question`` whose sentences are not among the
    ``shown`` sources, distinct from each other, best first (the closest one under a FAQ answer: ``limit`` 1).
    They need not be confident, and are shown as other passages, never as the answer."""
    query = analyze(question, kb.engine, kb.synonyms, cache=kb.words)
    if not query.groups:
        return []
    found: list[Answer] = []
    taken = [s for s in shown if s]
    for candidate in judged(kb.engine, query, question, kb.model, limit=POOL + 2 * limit):
        sentence = kb.corpus.sentences[candidate.sentence_id]
        if len(found) >= limit:
            break
        if candidate.coverage < ALTERNATIVE_COVERAGE or any(_overlap(sentence.text, s) for s in taken):
            continue
        found.append(_passage_answer(kb, question, query, candidate.sentence_id, candidate.probability,
                                     " ".join(sentence.text.split())))
        taken.append(found[-1].source or sentence.text)
    return found


def _overlap(text: str, source: str) -> bool:
    return text in source or source in text


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


def next_turn(kb: KnowledgeBase, question: str, result: Answer) -> Turn:
    """The context a follow-up question is read against: the question and the names in focus."""
    return followup.next_turn(kb, question, result.source, result.path, result.offset)


def answer_in_context(kb: KnowledgeBase, message: str, previous: Turn | None) -> tuple[Answer, Resolution, Turn]:
    """Answer a message of a conversation: resolved against the previous exchange, then answered (the words it
    inherited counting less, the words it adds required in the answer)."""
    attributed = _attribution(kb, message, previous)
    if attributed is not None:
        return attributed, Resolution(message.strip()), next_turn(kb, previous.question, attributed)
    resolution = resolve(message, previous)
    if dangling_pronoun(message) and (previous is None or not previous.people):
        result = _none(message.strip(), VAGUE, Reason.VAGUE)  # "who appointed him?" with nobody in focus
        return result, resolution, next_turn(kb, resolution.text, result)
    near = kb.engine.sentence_at(previous.source_path, previous.source_offset) if previous is not None and \
        previous.source_path else None
    result = answer(kb, resolution.text, _inherited_words(message, resolution), near)
    if resolution.inherited:
        result = replace(result, question=message.strip())
    return result, resolution, next_turn(kb, resolution.text, result)


ATTRIBUTION_CONFIDENCE = 0.85  # the sentence names who said it; whether it answered the question was judged before


def _attribution(kb: KnowledgeBase, message: str, previous: Turn | None) -> Answer | None:
    """"who said that?" after an answer whose sentence says who said it ("..., the airport operator said",
    "according to NetPulse"): that sentence again, its speaker highlighted. None when it does not say."""
    if previous is None or not previous.source_path or not asks_source(message):
        return None
    sid = kb.engine.sentence_at(previous.source_path, previous.source_offset)
    if sid is None or not _attributed(kb.corpus.sentences[sid].text):
        return None
    query = analyze(message, kb.engine, kb.synonyms, cache=kb.words)
    return _passage_answer(kb, message.strip(), query, sid, ATTRIBUTION_CONFIDENCE, kb.corpus.sentences[sid].text)


_REPORTING = frozenset("said says say told reported reports announced stated estimated estimates added claimed "
                       "claims according".split())


def _attributed(sentence: str) -> bool:
    """The sentence says whose it is, as reported speech does at one end: "…, the airport operator said",
    "Prosecutors say …", "… according to the health ministry" (not a verb of saying in its middle)."""
    tokens = words(sentence)
    return "according to" in fold(sentence) or not _REPORTING.isdisjoint(tokens[:4] + tokens[-5:])


def _inherited_words(message: str, resolution: Resolution) -> frozenset[str]:
    """The words of the question as understood that the message itself did not have."""
    if not resolution.inherited:
        return frozenset()
    return frozenset(words(resolution.text)) - frozenset(words(message))
