"""Follow-up questions: "and in Almaty?", "why?", "what did he say?" read against the previous exchange.

``resolve`` decides whether a message depends on what came before and, if it does, rewrites it as
a self-contained question, shown to the user as what it was understood as. It reads words, not
meaning: a message that names its own subject never inherits context; one that leans on the last
exchange (a leading "and", "what about", a bare question word, a pronoun with no name of its own)
gets the previous question's subject, or the person or place last in focus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.text import IRREGULAR, STOP_WORDS, words

_LEADS = ("and what about", "what about", "how about", "and about", "and", "also", "but", "what of", "а", "и", "а что")
_WH = frozenset("why when where who how what which whom whose".split())
_AUXILIARIES = frozenset("is are was were do does did has have had can could will would".split())
_PERSON_PRONOUNS = {"he": "", "him": "", "she": "", "her": "", "his": "'s", "hers": "'s"}
_THING_PRONOUNS = frozenset("it this that these those they them its their there then".split())
_DEICTIC_ONLY = frozenset("this that it there then so".split())
_SELF_CONTAINED_WORDS = 2  # content words a message needs, besides pronouns, to stand on its own
_WORD = re.compile(r"[\w’'-]+|[^\w\s]")


@dataclass(frozen=True)
class Turn:
    """One exchange kept as context: the question as understood, and what was in focus."""

    question: str
    people: tuple[str, ...] = ()  # names in focus, most recent first ("he" means the first)
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolution:
    """The message as understood; ``inherited`` when the previous exchange filled it in."""

    text: str
    inherited: bool = False
    notes: tuple[str, ...] = field(default=())


def resolve(message: str, previous: Turn | None) -> Resolution:
    """The self-contained question a message stands for, given the previous exchange (if any)."""
    text = message.strip()
    if previous is None or not text:
        return Resolution(text)
    tokens = words(text)
    lead = _lead(tokens)
    rest = tokens[len(lead.split()):] if lead else tokens
    if lead and rest:
        return Resolution(_substitute(previous, text, rest), True)
    if _is_bare_question(tokens):
        return Resolution(_ask_again(previous, tokens), True)
    pronouns = [t for t in tokens if t in _PERSON_PRONOUNS or t in _THING_PRONOUNS]
    own = [t for t in tokens if t not in STOP_WORDS and t not in _WH]
    if pronouns and len(own) < _SELF_CONTAINED_WORDS + 1 and _has_referent(previous, pronouns):
        return Resolution(_replace_pronouns(text, previous), True)
    return Resolution(text)


def _lead(tokens: list[str]) -> str:
    joined = " ".join(tokens)
    for lead in _LEADS:
        if joined == lead or joined.startswith(lead + " "):
            return lead
    return ""


def _is_bare_question(tokens: list[str]) -> bool:
    """"why?", "when was this?", "how come?": a question word and nothing of its own."""
    return bool(tokens) and tokens[0] in _WH and all(
        t in _WH or t in _AUXILIARIES or t in _DEICTIC_ONLY or t in ("come", "exactly", "so", "then")
        for t in tokens[1:])


def _substitute(previous: Turn, text: str, rest: list[str]) -> str:
    """"and in Almaty?" -> the previous question about Almaty instead of what it was about."""
    question = previous.question.rstrip(" ?")
    addition = " ".join(rest)
    if rest[0] in _WH:  # "and when did it end?": a new question about the same thing
        return _replace_pronouns(" ".join(_WORD.findall(text)[1:]), previous, fallback=question)
    for old in previous.places:
        if old.lower() in question.lower() and _looks_like_place(rest):
            return _swap(question, old, _strip_preposition(addition)) + "?"
    for old in previous.people:
        if old.lower() in question.lower() and not _looks_like_place(rest):
            return _swap(question, old, _strip_preposition(addition)) + "?"
    return f"{question} {addition}".rstrip(" ?") + "?"


def _looks_like_place(rest: list[str]) -> bool:
    return rest[0] in ("in", "at", "from", "near", "for")


def _strip_preposition(text: str) -> str:
    for p in ("in ", "at ", "from ", "near ", "for "):
        if text.lower().startswith(p):
            return text[len(p):]
    return text


def _swap(question: str, old: str, new: str) -> str:
    start = question.lower().index(old.lower())
    return question[:start] + new.strip(" ?").title() + question[start + len(old):]


def _ask_again(previous: Turn, tokens: list[str]) -> str:
    """"why?" after "Who ordered the troops to fire?" -> "Why did Tokayev order the troops to fire?"."""
    wh = tokens[0].capitalize()
    core = words(previous.question)
    if core and core[0] in _WH:
        core = core[1:]
        if core and core[0] in ("many", "much", "long", "old", "far"):
            core = core[1:]
            while core and core[0] not in _AUXILIARIES and len(core) > 1:
                core = core[1:]
    if core and core[0] in _AUXILIARIES:
        return f"{wh} {' '.join(core)}?"
    subject = previous.people[0] if previous.people else ""
    if core and subject:
        verb, others = _base_form(core[0]), core[1:]
        return f"{wh} did {subject} {verb} {' '.join(others)}".rstrip() + "?"
    return f"{wh}: {previous.question.rstrip(' ?')}?"


def _base_form(verb: str) -> str:
    """"ordered" -> "order", "seized" -> "seize", "led" -> "lead" (good enough to rephrase a question)."""
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    if verb.endswith("ied"):
        return verb[:-3] + "y"
    if verb.endswith("ed") and len(verb) > 4:
        stem = verb[:-2]
        return stem + "e" if stem.endswith(("iz", "at", "ur", "iv", "ag", "ov", "uc", "ic")) else stem
    return verb


def _has_referent(previous: Turn, pronouns: list[str]) -> bool:
    return any(p in _THING_PRONOUNS for p in pronouns) or bool(previous.people)


def _replace_pronouns(text: str, previous: Turn, fallback: str = "") -> str:
    """he/she -> the person in focus; it/this/they -> the previous question's subject, added as context."""
    out, used_thing = [], False
    for token in _WORD.findall(text):
        low = token.lower()
        if low in _PERSON_PRONOUNS and previous.people:
            out.append(previous.people[0] + _PERSON_PRONOUNS[low])
        elif low in _THING_PRONOUNS:
            used_thing = True
            out.append(token)
        else:
            out.append(token)
    rewritten = _join(out)
    if used_thing:
        topic = _topic(previous.question or fallback)
        if topic and topic.lower() not in rewritten.lower():
            rewritten = f"{rewritten.rstrip(' ?')} ({topic})?"
    return rewritten


def _topic(question: str) -> str:
    """The previous question without its question words: what "it" or "they" most likely means."""
    content = [t for t in _WORD.findall(question) if t.isalnum() or "-" in t or "’" in t or "'" in t]
    content = [t for t in content if t.lower() not in _WH and t.lower() not in _AUXILIARIES
               and t.lower() not in ("many", "much")]
    return " ".join(content)


def _join(tokens: list[str]) -> str:
    text = ""
    for token in tokens:
        if text and (token[0].isalnum() or token[0] in "(\"“'"):
            text += " "
        text += token
    return text


def focus_of(question: str, question_people: list[str], question_places: list[str], answer_people: list[str],
             answer_places: list[str]) -> Turn:
    """What the exchange leaves in focus: for a "who" question the person answered, otherwise the
    people the question named, then those of the answer."""
    asks_who = bool(words(question)[:1]) and words(question)[0] in ("who", "whom", "whose")
    people = answer_people + question_people if asks_who else question_people + answer_people
    return Turn(question, tuple(dict.fromkeys(people)), tuple(dict.fromkeys(question_places + answer_places)))
