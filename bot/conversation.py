"""Follow-up questions: "and in Almaty?", "why?", "what did he say?" read against the previous exchange.

``resolve`` decides whether a message depends on what came before and, if it does, rewrites it as
a self-contained question, shown to the user as what it was understood as. It reads words, not
meaning, in English, Russian and Kazakh: a message that names its own subject never inherits
context; one that leans on the last exchange (a leading "and", "а" or "ал", a bare question word,
a pronoun with no name of its own) gets the previous question's subject, or the person or place
last in focus (``bot.followup`` says who and what that is after each exchange).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from bot import followup_words as fw
from bot.crosslingual import is_cyrillic
from bot.features import TITLES
from bot.followup_words import is_wh, tokens_of
from bot.rewrite import ask_again, replace_pronouns, substitute
from bot.text import STOP_WORDS, fold

SELF_CONTAINED_WORDS = 3  # content words (besides pronouns) from which a message stands on its own
CONTEXT_SECONDS = 300.0  # how long an exchange stays the context of the next message: "a few minutes"


@dataclass(frozen=True)
class Turn:
    """One exchange kept as context: the question as understood, and who and what was in focus."""

    question: str
    people: tuple[str, ...] = ()  # names in focus, most recent first ("he" means the first)
    places: tuple[str, ...] = ()
    person_asked: bool = False  # the question named a person or asked "who": "он" is that person
    source_path: str = ""  # where the answer's quoted sentence is: "who said that?" is asked of it
    source_offset: int = -1

    def to_json(self) -> str:
        """Compact JSON for the store (``save_context``)."""
        return json.dumps({"q": self.question, "p": list(self.people), "l": list(self.places),
                           "a": self.person_asked, "sp": self.source_path, "so": self.source_offset},
                          ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | None) -> Turn | None:
        """The turn saved by ``to_json``; None for nothing or for something unreadable (an older format)."""
        if not text:
            return None
        try:
            data = json.loads(text)
            return cls(str(data["q"]), tuple(map(str, data.get("p", ()))), tuple(map(str, data.get("l", ()))),
                       bool(data.get("a", False)), str(data.get("sp", "")), int(data.get("so", -1)))
        except (ValueError, KeyError, TypeError):
            return None


@dataclass(frozen=True)
class Resolution:
    """The message as understood; ``inherited`` when the previous exchange filled it in."""

    text: str
    inherited: bool = False


def resolve(message: str, previous: Turn | None) -> Resolution:
    """The self-contained question a message stands for, given the previous exchange (if any)."""
    text = message.strip()
    if previous is None or not text:
        return Resolution(text)
    described = _described_person(previous.question) if _ASKS_NAME.match(text) else []
    if described:  # "what's his name?" after "What did the airport spokesman say?": who that spokesman is
        return Resolution(f"Who is {described[0]}?", True)
    tokens = tokens_of(text)
    lead, rest = split_lead(tokens)
    low = [fold(t) for t in rest]
    if low and is_bare(low):
        return Resolution(ask_again(previous, low), True)
    if lead and rest and not stands_alone(low):
        return Resolution(substitute(previous, rest), True)
    if not lead and leans_on_pronoun(low, previous, rest):
        return Resolution(replace_pronouns(text, previous), True)
    if not lead and _short_wh(low, tokens):
        return Resolution(replace_pronouns(text, previous, always_topic=True), True)
    return Resolution(text)


_ASKS_NAME = re.compile(r"(?:and |so )?(?:what'?s|what is|what was|whats) (?:his|her) (?:full )?name\W*$",
                        re.IGNORECASE)


def _short_wh(low: list[str], tokens: list[str]) -> bool:
    """"over what period?", "за какой период?": a question word and one word of its own, no name: the
    subject is the last exchange's."""
    at = 1 if len(low) > 1 and (low[0] in fw.WH_PREPOSITIONS or low[0] in fw.RUSSIAN_PREPOSITIONS) else 0
    named = any(i and t[:1].isupper() for i, t in enumerate(tokens))
    return len(low) > at and is_wh(low[at]) and len(_content(low[at:])) == 1 and not named


def split_lead(tokens: list[str]) -> tuple[str, list[str]]:
    """("and", rest) for "and in Almaty?"; Kazakh "Алматыда ше?" counts as a lead too."""
    low = [fold(t) for t in tokens]
    if low and low[-1] in fw.KAZAKH_TAIL:
        tokens, low = tokens[:-1], low[:-1]
        lead, rest = split_lead(tokens)
        return lead or "ше", rest
    joined = " ".join(low)
    for lead in fw.LEADS:
        if joined == lead or joined.startswith(lead + " "):
            return lead, tokens[len(lead.split()):]
    return "", tokens


def is_bare(low: list[str]) -> bool:
    """"why?", "when was this?", "to whom?", "а когда это было?", "қайда?": a question word and nothing of its
    own."""
    if len(low) > 1 and low[0] in fw.WH_PREPOSITIONS and is_wh(low[1]):
        low = low[1:]  # "to whom?", "for how long?", "since when?"
    return is_wh(low[0]) and all(is_wh(t) or t in fw.AUXILIARIES or t in fw.DEICTIC or t in fw.HOW_WORDS
                                 for t in low[1:])


def _content(low: list[str]) -> list[str]:
    pronouns = fw.THING_PRONOUNS | fw.CYRILLIC_PERSON_PRONOUNS
    return [t for t in low if t not in STOP_WORDS and not is_wh(t) and t not in pronouns
            and t not in fw.PERSON_PRONOUNS and t not in fw.AUXILIARIES and t not in fw.HOW_WORDS
            and t not in fw.SAYING]


def _pronouns(low: list[str]) -> list[str]:
    return [t for t in low if t in fw.PERSON_PRONOUNS or t in fw.THING_PRONOUNS or t in fw.CYRILLIC_PERSON_PRONOUNS]


def stands_alone(low: list[str]) -> bool:
    """After "and": enough words of its own and no pronoun ("and how many people were arrested?", "and the
    death toll in Almaty?"); a question needs two, a phrase three ("and in Almaty?" needs the question)."""
    needed = SELF_CONTAINED_WORDS - 1 if is_wh(low[0]) else SELF_CONTAINED_WORDS
    return len(_content(low)) >= needed and not _pronouns(low)


_ASKS_SOURCE = re.compile(
    r"^(?:and |а |ал )?(?:who|which \w+|кто|кім|откуда|по чьим|чьи)\b.{0,20}?\b(?:said|says|say|reported|reports|"
    r"estimated|estimates|claimed|claims|announced|stated|told|wrote|сказал|сказала|сказали|сообщил|сообщила|"
    r"сообщили|заявил|заявила|заявили|подсчитал|оценил|данные|данным|айтты|хабарлады)\b"
    r"|^(?:source|according to whom|источник|кто источник)\b", re.IGNORECASE)


def asks_source(message: str) -> bool:
    """"who said that?", "who reported that?", "кто это сказал?": the attribution of the last answer."""
    return bool(_ASKS_SOURCE.search(message.strip())) and len(_content([fold(t) for t in tokens_of(message)])) <= 2


def dangling_pronoun(message: str) -> bool:
    """"who appointed him?" ("кто его назначил?") with nobody named before: "he" or "him" stands for no one the
    bot can know, and a confident answer about someone else would be a guess (a name or enough words of its
    own settle it; a Russian "его" may be "it", so it counts only in a "who" question)."""
    _, tokens = split_lead(tokens_of(message))  # "а кто его назначил?": the question after its "and"
    low = [fold(t) for t in tokens]
    named = any(i and t[:1].isupper() for i, t in enumerate(tokens))
    who = bool(low) and low[0] in fw.WHO
    pronoun = any(t in fw.PERSON_PRONOUNS or t in _RUSSIAN_HE or who and t in ("его", "её", "ее") for t in low)
    return pronoun and not named and len(_content(low)) < SELF_CONTAINED_WORDS


_RUSSIAN_HE = fw.CYRILLIC_PERSON_PRONOUNS - {"его", "её", "ее"}  # those may be "its" as well: only after "who"


def _person_pronoun_first(low: list[str], tokens: list[str]) -> bool:
    """"what happened to him after Bishkek protested?": "him" comes before any name the message has, so
    it means someone said before ("did Tokayev say he would resign?" names its "he" first)."""
    at = next((i for i, t in enumerate(low) if t in fw.PERSON_PRONOUNS or t in fw.CYRILLIC_PERSON_PRONOUNS), None)
    named = [i for i, t in enumerate(tokens) if i and t[:1].isupper()]
    return at is not None and all(at < i for i in named)


def _its_first(low: list[str], tokens: list[str]) -> bool:
    """"what happened to its shares in January?": an "its" before any name or noun the message has ("Did the CSTO
    withdraw its troops?" names what it means first; so does "did the company lose its licence?")."""
    at = next((i for i, t in enumerate(low) if t == "its"), None)
    return at is not None and not any(i and t[:1].isupper() for i, t in enumerate(tokens[:at])) \
        and not _ARTICLES.intersection(low[:at])


_ARTICLES = frozenset("the a an".split())


def leans_on_pronoun(low: list[str], previous: Turn, tokens: list[str]) -> bool:
    """A pronoun and fewer than three words of its own: "what did he say?", "сколько ему лет?"."""
    pronouns = _pronouns(low)
    if not pronouns:
        return False
    if len(_content(low)) >= SELF_CONTAINED_WORDS:  # words of its own: only a "he" or an "its" before any name
        return bool(previous.people) and _person_pronoun_first(low, tokens) or _its_first(low, tokens)
    person = [p for p in pronouns if p in fw.PERSON_PRONOUNS]
    return len(person) < len(pronouns) or bool(previous.people)


def focus_of(question: str, question_people: list[str], question_places: list[str], answer_people: list[str],
             answer_places: list[str]) -> Turn:
    """What the exchange leaves in focus: the people the question named, then those of the answer; for a
    "who" question that named nobody ("Who ordered …?"), the person answered first."""
    first = next((fold(t) for t in tokens_of(question) if fold(t) in fw.WH), "")
    asks_who = first in fw.WHO
    question_people = question_people or _who_is_subject(question)
    named = {fold(p) for p in question_people}
    answered = [p for p in answer_people if fold(p) not in named]
    if asks_who and answered and not _asks_who_is(question):  # "Who came with Merkel?" - "who is she?": the answer
        people = answered + question_people
    else:
        people = question_people + answer_people
    if not people and not (asks_who and not _asks_who_is(question)):  # after "who texted the narrator?", "she" is
        people = _described_person(question)  # who did; "the airport spokesman": whom "his name" is about
    places = answer_places + question_places if _asks_place(question) else question_places + answer_places
    return Turn(question, tuple(dict.fromkeys(people)), tuple(dict.fromkeys(places)), asks_who or bool(question_people))


_PERSON_NOUNS = TITLES | frozenset("spokesperson official lawyer driver courier teacher worker journalist reporter "
                                   "analyst expert pianist doctor nurse student owner resident witness activist "
                                   "economist researcher businessman businesswoman farmer miner engineer officer "
                                   "soldier man woman boy girl mother father sister brother son daughter wife "
                                   "husband neighbour neighbor colleague friend uncle aunt grandmother grandfather "
                                   "cousin narrator".split())


def _who_is_subject(question: str) -> list[str]:
    """"Who is Arman?", "Кто такой Арман?", "Арман кім?": the name asked about is a person, whether or not the
    articles' names know it (a question naming nothing else only)."""
    if not _asks_who_is(question):
        return []
    rest = [t for t in tokens_of(question) if not is_wh(fold(t)) and fold(t) not in _COPULAS]
    return [" ".join(rest)] if rest and all(t[:1].isupper() for t in rest) else []


_COPULAS = frozenset("is was такой такая такие это".split())


def _described_person(question: str) -> list[str]:
    """"What did the airport spokesman say …?" names nobody, but "his" next means that spokesman: the phrase,
    as the question wrote it (English only)."""
    tokens = tokens_of(question)
    for i, token in enumerate(tokens):
        if fold(token) != "the":
            continue
        for end in range(i + 1, min(i + 4, len(tokens))):
            if fold(tokens[end]) in STOP_WORDS:
                break
            if fold(tokens[end]) in _PERSON_NOUNS:
                return [" ".join(tokens[i:end + 1])]
    return []


_PLACE_WORDS = frozenset("where где куда откуда қайда city town country capital region place город страна столица "
                         "регион қала ел астана".split())


def _asks_place(question: str) -> bool:
    """"Where were the worst clashes?", "What's the largest city in Kazakhstan?": the place answered is what
    "there" means next, not the one the question named."""
    low = [fold(t) for t in tokens_of(question)][:5]
    return any(t in _PLACE_WORDS for t in low)


def _asks_who_is(question: str) -> bool:
    """"Who is X?", "Кто такой X?", "X кім?": a question about the person it names, not for someone else."""
    low = [fold(t) for t in tokens_of(question)]
    return bool(low) and (low[-1] in ("кім",) or len(low) > 1 and low[0] in fw.WHO and low[1] in (
        "is", "was", "такой", "такая", "такие", "это"))


def cyrillic_names(question: str) -> list[tuple[int, str]]:
    """Capitalised Cyrillic words of a question with their positions, question and stop words aside: the
    names it may hold (the first word only may be capitalised as the first; the caller decides)."""
    return [(i, t) for i, t in enumerate(tokens_of(question)) if is_cyrillic(t) and t[:1].isupper()
            and not is_wh(fold(t)) and fold(t) not in STOP_WORDS]

