"""What a follow-up's answer must hold, and what an exchange leaves in focus for the next one.

A follow-up ("when was it lifted?") is answered like any question, from its self-contained reading
(``bot.conversation``), with two differences: the words it inherited count less (``bot.query``),
and the answer must hold the words it adds itself (``says_what_is_new``), since what it inherited is
settled. After each exchange, ``next_turn`` notes the people and places in focus, in the article's
spelling or, for a Russian or Kazakh question, as the question wrote them.

Measured and dropped: also judging the sentences around the previous answer (its paragraph and
neighbours) when nothing answered confidently; on the tune conversations it found nothing the
search had not (README, "Conversations").
"""

from __future__ import annotations

from dataclasses import replace

from bot.conversation import Turn, cyrillic_names, focus_of
from bot.crosslingual import is_cyrillic
from bot.features import Span, annotate
from bot.followup_words import KAZAKH_LOCATIVE, PLACE_PREPOSITIONS, tokens_of
from bot.knowledge import KnowledgeBase
from bot.qtype import capitalised_words
from bot.query import Query, TermGroup, latin_name
from bot.text import fold, stem, words

OWN_WORD_MATCH = 0.85  # a follow-up's own name must be in the answer itself, or a glossary word or spelling of it
SYNONYM_MATCH = 0.8  # its other words may be there as a synonym: "when did they leave?" - "the soldiers left"
FAQ_OWN_WORD_MATCH = 0.8  # in a FAQ entry a synonym will do ("died": "How many were killed in Almaty?")


def says_what_is_new(kb: KnowledgeBase, query: Query, inherited: frozenset[str], sentence_id: int) -> bool:
    """A follow-up's answer must hold the words the follow-up itself adds ("lifted" in "when was it
    lifted?"), half of them at least, in the sentence or its paragraph: the inherited ones are already
    settled. Framing words ("happen") and words the articles never use (their absence already counts
    against confidence) aside. A name must be there as itself: "what about Russia?" is not answered by
    "Russian paratroopers"."""
    context = kb.engine.context_stems(sentence_id)
    vocabulary = kb.engine.vocabulary
    own = [g for g in query.groups if g.word not in inherited and g.strength >= 1.0
           and any(t in vocabulary for t in g.alternatives)]  # framing words and unknown words aside
    capitalised = capitalised_words(query.text)
    found = sum(_said(g, context, _needed(g, capitalised, kb.engine.proper)) for g in own)
    return 2 * found >= len(own)  # half of them at least: "how long did it stay closed" - "remained closed"


def _said(group: TermGroup, context: frozenset[str], weight: float) -> bool:
    return any(t in context for t, w in group.alternatives.items() if w >= weight)


def _needed(group: TermGroup, capitalised: frozenset[str], proper: frozenset[str]) -> float:
    """The weight an alternative of the group needs to count as the word itself: more for a name (written
    capitalised, or one the articles always capitalise)."""
    named = group.word in capitalised or any(t in proper for t, w in group.alternatives.items() if w >= OWN_WORD_MATCH)
    return OWN_WORD_MATCH if named else SYNONYM_MATCH


def faq_says_what_is_new(query: Query, inherited: frozenset[str], entry_text: str) -> bool:
    """A FAQ entry answers a follow-up only when its question, answer or source holds the follow-up's own
    words: "and how much hardware?" after "How many troops were sent?" is not the troops entry again."""
    stems = {stem(w) for w in words(entry_text)}
    return all(any(t in stems for t, w in g.alternatives.items() if w >= FAQ_OWN_WORD_MATCH)
               for g in query.groups if g.word not in inherited and g.strength >= 1.0)


def next_turn(kb: KnowledgeBase, question: str, source: str | None, path: str = "", offset: int = -1) -> Turn:
    """The context a follow-up is read against: the question and the names in focus (``source``: the
    sentence that answered it, at ``offset`` of ``path``)."""
    engine = kb.engine
    asked = annotate(question, engine.names, engine.people, engine.places)
    said = annotate(source, engine.names, engine.people, engine.places) if source else None
    q_people, q_places = _cyrillic_people_places(kb, question) if is_cyrillic(question) else ([], [])
    turn = focus_of(question, _names(asked, question, Span.PERSON) + q_people,
                    _names(asked, question, Span.PLACE) + q_places, _titled_first(said, source, question),
                    _names(said, source, Span.PLACE))
    return replace(turn, source_path=path, source_offset=offset) if source else turn


def _names(annotation, text: str | None, kind: Span) -> list[str]:
    """The names of one kind, as the text writes them ("Robin Forestier-Walker", without a possessive), the
    surest first: "General Jean-Claude Gallet" before "Notre-Dame", two capitalised words that may be anything."""
    if annotation is None or not text:
        return []
    tokens = annotation.tokens
    spans = sorted((s for s in annotation.spans if s.kind == kind), key=lambda s: -s.strength)
    return [text[tokens[s.first].start:tokens[s.last].start + len(tokens[s.last].text)]
            .removesuffix("’s").removesuffix("'s") for s in spans]


def _titled_first(annotation, source: str | None, question: str) -> list[str]:
    """The answer's people, the one bearing the title asked about first: after "Who is the Russian president?"
    answered by "Speaking alongside Tokayev, Russian President Vladimir Putin said …", "he" is Putin."""
    names = _names(annotation, source, Span.PERSON)
    if annotation is None or not names:
        return names
    asked = {stem(w) for w in words(question)}
    tokens = annotation.tokens
    spans = [s for s in annotation.spans if s.kind == Span.PERSON]
    titled = [s.first > 0 and tokens[s.first - 1].stem in asked for s in spans]
    return [n for _, n in sorted(zip(titled, names, strict=True), key=lambda p: not p[0])]


def _cyrillic_people_places(kb: KnowledgeBase, question: str) -> tuple[list[str], list[str]]:
    """Names in a Russian or Kazakh question, as written: places the articles know (by transliteration)
    or that follow "в"/"на" or carry a locative ending, people otherwise."""
    tokens = tokens_of(question)
    people: list[str] = []
    places: list[str] = []
    last_person = -2
    for i, token in cyrillic_names(question):
        known = latin_name(fold(token), kb.engine)  # the articles' name for it ("Тоқаев" -> tokayev), if any
        translated = kb.synonyms.get(stem(fold(token)), {})  # the glossary's: "России" -> russia, a place
        known = known or next((t for t in translated if t in kb.engine.places), None)
        if i == 0 and known is None:
            continue  # a first word is capitalised anyway: a name only if the articles know it ("Тоқаев неге…")
        if token.isupper() and len(token) > 1:
            continue  # "ОДКБ", "КНБ": an organisation, not someone "он" could mean
        after_preposition = i > 0 and fold(tokens[i - 1]) in PLACE_PREPOSITIONS
        if known in kb.engine.places or after_preposition or fold(token).endswith(KAZAKH_LOCATIVE[:6]):
            places.append(token)
        elif last_person == i - 1:
            people[-1] += " " + token  # "Даурен Беков": one person
            last_person = i
        else:
            people.append(token)
            last_person = i
    return people, places
