"""A follow-up's answer is usually next to the previous one: the sentences of an exchange, and how
to look around them.

"how much was he paid?" after "Who is Vikram Ruzakhunov?" is answered by the very sentence that
introduced him; "why?" after "Who ordered the troops to fire?" by the one after it. So each
exchange keeps its sentences (``anchors``: the answer's, or the closest candidates when there was
none), and a follow-up that finds no confident answer anywhere is judged again on the sentences
around them (``around``): the same paragraph, and the sentence either side in the article. The
confidence model and its threshold are the same as for any question.
"""

from __future__ import annotations

from bisect import bisect_left

from bot.candidates import Candidate
from bot.conversation import Anchor, Turn, cyrillic_names, focus_of
from bot.crosslingual import is_cyrillic, name_forms
from bot.features import Span, annotate
from bot.knowledge import KnowledgeBase
from bot.query import Query
from bot.text import fold, stem

FOCUS_CANDIDATES = 2  # closest candidates kept as the focus of an exchange that found no answer
FOCUS_FLOOR = 0.5  # ... when they cover at least this share of the question
NEIGHBOURS = 1  # sentences either side of a focus sentence, in the same article
OWN_WORD_MATCH = 0.85  # a follow-up's own word must be in the answer itself, or a glossary word or spelling of it


def anchor_of(kb: KnowledgeBase, sentence_id: int) -> Anchor:
    sentence = kb.corpus.sentences[sentence_id]
    return Anchor(kb.corpus.documents[sentence.doc_id].path, sentence.start, sentence_id)


def anchors(kb: KnowledgeBase, quoted: int | None, candidates: list[Candidate]) -> tuple[Anchor, ...]:
    """The sentences an exchange leaves in focus: the one quoted, else the closest candidates."""
    if quoted is not None:
        return (anchor_of(kb, quoted),)
    close = [c.sentence_id for c in candidates if c.coverage >= FOCUS_FLOOR][:FOCUS_CANDIDATES]
    return tuple(anchor_of(kb, sid) for sid in close)


def located(kb: KnowledgeBase, anchor: Anchor) -> int | None:
    """The anchor's sentence in this knowledge base (its id, checked; found again after a reload)."""
    sentences = kb.corpus.sentences
    if 0 <= anchor.sentence_id < len(sentences):
        s = sentences[anchor.sentence_id]
        if s.start == anchor.offset and kb.corpus.documents[s.doc_id].path == anchor.path:
            return anchor.sentence_id
    return _sentence_at(kb, anchor.path, anchor.offset)


def _sentence_at(kb: KnowledgeBase, path: str, offset: int) -> int | None:
    """The sentence starting at ``offset`` in article ``path`` (after a reload renumbered them), or None."""
    doc = next((d for d in kb.corpus.documents if d.path == path), None)
    if doc is None:
        return None
    sentences = kb.corpus.sentences
    i = bisect_left(sentences, (doc.doc_id, offset), key=lambda s: (s.doc_id, s.start))
    return i if i < len(sentences) and (sentences[i].doc_id, sentences[i].start) == (doc.doc_id, offset) else None


def around(kb: KnowledgeBase, focus: tuple[Anchor, ...]) -> list[int]:
    """The quotable sentences next to the focus: its paragraph, and one sentence either side."""
    sentences = kb.corpus.sentences
    found: list[int] = []
    for anchor in focus:
        sid = located(kb, anchor)
        if sid is None:
            continue
        passage = kb.corpus.passages[kb.engine.passage_of[sid]]
        nearby = [*passage.sentence_ids, *range(max(0, sid - NEIGHBOURS), min(len(sentences), sid + NEIGHBOURS + 1))]
        found += [i for i in nearby if sentences[i].doc_id == sentences[sid].doc_id and sentences[i].quotable]
    return list(dict.fromkeys(found))


def says_what_is_new(kb: KnowledgeBase, query: Query, inherited: frozenset[str], sentence_id: int) -> bool:
    """A follow-up's answer must hold every word the follow-up itself adds ("lifted" in "when was it
    lifted?"), in the sentence or its paragraph: the inherited ones are already settled."""
    context = kb.engine.context_stems(sentence_id)
    return all(any(t in context for t, w in g.alternatives.items() if w >= OWN_WORD_MATCH)
               for g in query.groups if g.word not in inherited)


def next_turn(kb: KnowledgeBase, question: str, source: str | None, quoted: int | None,
              candidates: list[Candidate]) -> Turn:
    """The context a follow-up is read against: the question, the names in focus, the sentences."""
    engine = kb.engine
    asked = annotate(question, engine.names, engine.people, engine.places)
    said = annotate(source, engine.names, engine.people, engine.places) if source else None
    q_people, q_places = _cyrillic_people_places(kb, question) if is_cyrillic(question) else ([], [])
    return focus_of(question, _names(asked, question, Span.PERSON) + q_people,
                    _names(asked, question, Span.PLACE) + q_places, _names(said, source, Span.PERSON),
                    _names(said, source, Span.PLACE), anchors(kb, quoted, candidates))


def _names(annotation, text: str | None, kind: Span) -> list[str]:
    """The names of one kind, as the text writes them ("Robin Forestier-Walker", without a possessive)."""
    if annotation is None or not text:
        return []
    tokens = annotation.tokens
    return [text[tokens[s.first].start:tokens[s.last].start + len(tokens[s.last].text)]
            .removesuffix("’s").removesuffix("'s") for s in annotation.spans if s.kind == kind]


def _cyrillic_people_places(kb: KnowledgeBase, question: str) -> tuple[list[str], list[str]]:
    """Names in a Russian or Kazakh question, as written: places the articles know (by transliteration)
    or that follow "в"/"на" or carry a locative ending, people otherwise."""
    from bot.conversation import tokens_of
    from bot.followup_words import KAZAKH_LOCATIVE, PLACE_PREPOSITIONS

    tokens = tokens_of(question)
    people: list[str] = []
    places: list[str] = []
    last_person = -2
    for i, token in cyrillic_names(question):
        known = {stem(form) for form in name_forms(fold(token))}
        after_preposition = i > 0 and fold(tokens[i - 1]) in PLACE_PREPOSITIONS
        if known & kb.engine.places or after_preposition or fold(token).endswith(KAZAKH_LOCATIVE[:6]):
            places.append(token)
        elif last_person == i - 1:
            people[-1] += " " + token  # "Даурен Беков": one person
            last_person = i
        else:
            people.append(token)
            last_person = i
    return people, places
