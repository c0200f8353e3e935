"""Rewriting a follow-up into a self-contained question, in the words of the previous one.

Three moves, each for one kind of follow-up: ``ask_again`` puts a bare question word to the
previous question ("why?" -> "Why did Tokayev order …?"), ``substitute`` swaps a place or person
("and in Almaty?" -> "How many people died in Almaty?"), ``replace_pronouns`` names whom "he"
means and adds what "it" is about. The result is shown to the user, so it stays readable.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot import followup_words as fw
from bot.crosslingual import is_cyrillic
from bot.features import TITLES
from bot.followup_words import is_wh, spans_of, tokens_of
from bot.question_reading import QUESTION_WORDS
from bot.text import IRREGULAR, STOP_WORDS, fold

if TYPE_CHECKING:
    from bot.conversation import Turn


def _strip(question: str) -> str:
    return question.strip().rstrip(" ?？.!")


def ask_again(previous: Turn, low: list[str]) -> str:
    """The previous question asked with this message's question word ("when?", "почему?", "қайда?")."""
    # "how many?" keeps its "many"; "why so many?" asks why, as "Why were people detained …?"
    wh = " ".join(t for i, t in enumerate(low) if is_wh(t) or (t in fw.HOW_WORDS and low[i - 1:i] == ["how"]))
    wh = wh or low[0]
    if len(low) > 1 and low[0] in fw.WH_PREPOSITIONS and is_wh(low[1]):
        wh = f"{low[0]} {wh}"  # "to whom?": "To whom did Nazarbayev give up …?"
    base, topic = split_topic(previous.question)
    previous = replace(previous, question=base)
    if is_cyrillic(previous.question):
        return with_topic(_swap_wh(previous, wh), topic)
    english = wh if not is_cyrillic(wh) else " ".join(QUESTION_WORDS.get(t, t) for t in wh.split()).strip()
    return with_topic(_ask_again_english(previous, english or "what"), topic)


def split_topic(question: str) -> tuple[str, str]:
    """A follow-up as understood, "how many were killed there (the clashes)?", as its question and the
    subject it inherited in brackets (or "")."""
    stripped = _strip(question)
    if stripped.endswith(")") and " (" in stripped:
        base, _, topic = stripped.rpartition(" (")
        return base + "?", topic[:-1]
    return question, ""


def with_topic(question: str, topic: str) -> str:
    return f"{_strip(question)} ({topic})?" if topic else question


def _swap_wh(previous: Turn, wh: str) -> str:
    """Russian or Kazakh: the previous question's question word replaced where it stood."""
    tokens = tokens_of(previous.question)
    subject = previous.people[0] if previous.people and previous.person_asked else ""
    for i, token in enumerate(tokens):
        if fold(token) in fw.WH:
            was_who = fold(token) in fw.WHO
            word = wh.capitalize() if i == 0 else wh
            rest = tokens[i + 1:]
            if rest and fold(rest[0]) in ("такой", "такая", "такое", "такие"):
                rest = rest[1:]
            middle = [subject] if was_who and subject else []
            return " ".join(tokens[:i] + [word] + middle + rest) + "?"
    return f"{wh.capitalize()} {' '.join(tokens)}?"


def _ask_again_english(previous: Turn, wh: str) -> str:
    """"why?" after "Who ordered the troops to fire?" -> "Why did Tokayev order the troops to fire?"; after
    "How many people were killed?" -> "Why were people killed?"."""
    wh = wh[:1].upper() + wh[1:]
    core, written, asked_who, stranded = _rest_of(previous.question)
    aux = next((i for i, t in enumerate(core) if t in fw.AUXILIARIES), None)
    if aux == 0 and asked_who and previous.people:  # "Who was named …?" -> "When was Fadi Sawan named …?"
        return _sentence(wh, [written[0], previous.people[0], *written[1:]], stranded)
    if aux is not None and aux > 0 and core[aux] in ("do", "does", "did"):  # "troops did the CSTO send"
        return _sentence(wh, [*written[aux:], *written[:aux]], stranded)
    if aux is not None:  # "did the protests begin", "people were killed": the auxiliary goes first
        return _sentence(wh, [written[aux], *written[:aux], *written[aux + 1:]], stranded)
    verb = next((i for i, t in enumerate(core) if _is_past(t)), None)
    subject = written[:verb] if verb else ([previous.people[0]] if previous.people else [])
    if verb is not None and subject:
        return _sentence(wh, ["did", *subject, base_form(core[verb]), *written[verb + 1:]], stranded)
    return with_topic(f"{wh}?", " ".join(topic_words(previous.question)))  # "Why (ordered the troops to shoot)?"


def _rest_of(question: str) -> tuple[list[str], list[str], bool, bool]:
    """The previous question without its question word (lowercased and as written), whether it asked "who", and
    whether its question word left a preposition behind ("What was he arrested for?")."""
    core = [fold(t) for t in tokens_of(question)]
    if len(core) > 2 and core[0] in fw.WH_PREPOSITIONS and core[1] in fw.WH:  # "In which town did the unrest
        core = core[3:] if core[1] in ("which", "what") or core[2] in fw.HOW_WORDS else core[2:]  # begin?": the
        # town is what was answered; "When did the unrest begin?", not "When did the unrest begin In which town?"
    asked_who = bool(core) and core[0] in fw.WHO
    stranded = bool(core) and core[0] in _OBJECT_WH
    which = bool(core) and core[0] in ("which", "what")
    if core and core[0] in fw.WH:
        core = core[1:]
        if core and core[0] in fw.HOW_WORDS:
            core = core[1:]
    written = _restore_case(core, question)
    if which and core and core[0] in _ASKED_TIMES:
        core, written = core[1:], written[1:]  # "What time did Daulet leave his flat?": "Why did Daulet leave …?"
    elif which and core and core[0].isalpha() and core[0] not in fw.AUXILIARIES and core[0] not in STOP_WORDS \
            and written[0].islower():
        core, written = ["the", *core], ["the", *written]  # "Which airline cancelled …?": "the airline"
    return core, written, asked_who, stranded


_OBJECT_WH = frozenset("what who whom which".split())
_ASKED_TIMES = frozenset("time times year day date month hour".split())


def _sentence(wh: str, words: list[str], stranded: bool = False) -> str:
    """The question; with ``stranded``, without the preposition the question word before had left behind ("What
    was Massimov arrested for?": "When was Massimov arrested?"; "Who did Blinken talk to in Kazakhstan?": "When did
    Blinken talk in Kazakhstan?"). "Where did the crowd break in?" keeps its "in"."""
    if stranded:
        low = [fold(w) for w in words]
        words = [w for i, w in enumerate(words) if not (low[i] in fw.WH_PREPOSITIONS and (
            i + 1 == len(words) or low[i + 1] in fw.WH_PREPOSITIONS))]
    return f"{wh} {' '.join(words)}".rstrip() + "?"


def _is_past(word: str) -> bool:
    return (word.endswith("ed") and len(word) > 3) or (word in IRREGULAR and IRREGULAR[word] != word)


def _restore_case(low: list[str], question: str) -> list[str]:
    """Lowercased tokens written back as the question had them (names keep their capitals)."""
    written = {fold(t): t for t in tokens_of(question)}
    return [written.get(t, t) for t in low]


_DOUBLED = frozenset("bdgmnprt")  # consonants doubled before "-ed" ("l" after a long stem only)


def base_form(verb: str) -> str:
    """"ordered" -> "order", "seized" -> "seize", "led" -> "lead" (good enough to rephrase a question)."""
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    if verb.endswith("ied"):
        return verb[:-1] if len(verb) <= 5 else verb[:-3] + "y"  # died -> die, carried -> carry
    if verb.endswith("ed") and len(verb) > 4:
        stem = verb[:-2]
        doubled_l = stem.endswith("ell") and len(stem) >= 6 or stem.endswith("oll") and len(stem) >= 7
        if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] in _DOUBLED or doubled_l:
            return stem[:-1]  # "stopped" -> "stop", "cancelled" -> "cancel" (not "added", "filled", "smelled")
        return stem + "e" if stem.endswith(("iz", "at", "ur", "iv", "ag", "ov", "uc", "ic")) else stem
    return verb


def substitute(previous: Turn, rest: list[str]) -> str:
    """"and in Almaty?" -> the previous question about Almaty instead of what it was about; "and how
    many were injured?" -> that question with the previous one's subject."""
    low = [fold(t) for t in rest]
    pronoun = any(t in fw.THING_PRONOUNS or t in fw.PERSON_PRONOUNS or t in fw.CYRILLIC_PERSON_PRONOUNS for t in low)
    # "а это далеко от Алматы?": about "it", not a new name; "а Москва что ответила?", "а подписал когда?": a
    # question of its own (Russian puts its question word late), not a name to swap in
    if is_wh(low[0]) or (pronoun and len(rest) > 2) or (is_cyrillic(rest[0]) and any(is_wh(t) for t in low[1:])):
        return replace_pronouns(" ".join(rest) + "?", previous, always_topic=True)
    base, topic = split_topic(previous.question)
    question = _strip(base)
    swapped = _other_time(question, rest)
    if swapped:
        return with_topic(swapped + "?", topic)
    place = _is_place(rest)
    new = " ".join(rest[1:] if low[0] in fw.PLACE_PREPOSITIONS and len(rest) > 1 else rest)
    places = [*previous.places, *_placed_names(question)]
    named = rest[-1][:1].isupper()  # "what about Russia?": a name, a place when no person fits
    olds = places if place else [*previous.people, *(places if named else [])]
    for old in olds:
        titled = _with_title(question, old) if old in previous.people else old
        owned = _owned_by(new, old) if old in previous.people else ""  # "what about his wife?": Kulibayev's wife
        swapped = _swap(question, titled, owned, name=False) if owned else _swap(question, titled, new)
        if swapped:
            return with_topic(swapped + "?", topic)
    return with_topic(f"{question}, {'а' if is_cyrillic(question) else 'and'} {' '.join(rest)}?", topic)


_POSSESSIVE = re.compile(r"\b(?:his|her)\b", re.IGNORECASE)


def _owned_by(new: str, person: str) -> str:
    """"his wife" of Timur Kulibayev: "Timur Kulibayev's wife"; "" when ``new`` has no "his" or "her"."""
    return _POSSESSIVE.sub(f"{person}'s", new, count=1) if _POSSESSIVE.search(new) else ""


def _with_title(question: str, name: str) -> str:
    """A person's name with the title the question gives it ("Kremlin spokesman Dmitry Peskov"): "what about the
    US?" asks what the US said, not what "Kremlin spokesman the US" said."""
    tokens = tokens_of(question)
    first = [fold(t) for t in tokens_of(name)][:1]
    at = next((i for i, t in enumerate(tokens) if [fold(t)] == first), None)
    if at is None:
        return name
    start = at
    while start > 1 and fold(tokens[start - 1]) in TITLES:
        start -= 1
    while start < at and start > 1 and tokens[start - 1][:1].isupper():  # "Kremlin spokesman", "Russian President"
        start -= 1
    return " ".join([*tokens[start:at], name])


def _other_time(question: str, rest: list[str]) -> str:
    """"and in May?" after "What was inflation in June?": the month (or year) swapped for the one asked
    before, not for a place; "" when the follow-up names no time or the question had none."""
    new = [t for t in rest if fold(t) in fw.MONTHS or _is_year(t)]
    if not new or len(rest) > len(new) + 1:
        return ""
    kind = _is_year(new[0])
    olds = [t for t in tokens_of(question) if (_is_year(t) if kind else fold(t) in fw.MONTHS)]
    return _swap(question, olds[-1], new[0], name=not is_cyrillic(new[0])) if olds else ""


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and token[:2] in ("19", "20")


def _placed_names(question: str) -> list[str]:
    """Capitalised words after "in", "at", "в", "на" … in the question, the last first: where it was about."""
    tokens = tokens_of(question)
    found = [t for i, t in enumerate(tokens)
             if i > 0 and t[:1].isupper() and fold(tokens[i - 1]) in fw.PLACE_PREPOSITIONS]
    return found[::-1]


def _is_place(rest: list[str]) -> bool:
    low = fold(rest[0])
    if low in fw.PLACE_PREPOSITIONS:
        return True
    return is_cyrillic(rest[0]) and rest[0][:1].isupper() and low.endswith(fw.KAZAKH_LOCATIVE)


def _swap(question: str, old: str, new: str, name: bool = True) -> str:
    """``question`` with the word(s) ``old`` replaced by ``new``, or "" when ``old`` is not in it."""
    spans = spans_of(question)
    old_tokens = [fold(t) for t in tokens_of(old)]
    for i in range(len(spans) - len(old_tokens) + 1) if old_tokens else ():
        if [fold(question[a:b]) for a, b in spans[i:i + len(old_tokens)]] == old_tokens:
            start, end = spans[i][0], spans[i + len(old_tokens) - 1][1]
            return question[:start] + (_capitalised(new) if name else new) + question[end:]
    return ""


_NOT_NAMES = frozenset("others other rest remaining everyone everybody all both two three four five six seven eight "
                       "nine ten других другие другим остальных остальные остальным двух трёх трех обоих обеих".split())


def _capitalised(text: str) -> str:
    """"almaty" -> "Almaty"; "the others", "the other two" stay as they are (they name no one)."""
    plain = STOP_WORDS | _NOT_NAMES
    return " ".join(w if fold(w) in plain else w[:1].upper() + w[1:] for w in text.split())


def replace_pronouns(text: str, previous: Turn, always_topic: bool = False) -> str:
    """he/she -> the person in focus; it/this/they -> the previous question's subject, added in brackets."""
    out: list[str] = []
    needs_topic = always_topic
    person = previous.people[0] if previous.people else ""
    named: dict[bool, str] = {}  # he or she -> whom the message's first such pronoun was taken to mean
    acronym = _only_acronym(previous.question)
    split = text.split()
    for at, word in enumerate(split):
        core = word.strip("?!.,;:")
        low = fold(core)
        if low in fw.PERSON_PRONOUNS and person:
            she = low in _SHE
            if she in named:  # "what did he say in his defence?": the same he, named once
                out.append(word)
                continue
            others = [p for p in previous.people if p not in named.values()]
            if not others:  # "where did she find him?": he is not she; with nobody else in focus, left as it is
                out.append(word)
                continue
            named[she] = others[0]
            suffix = fw.PERSON_PRONOUNS[low] or ("'s" if low == "her" and _noun_follows(split, at) else "")
            out.append(word.replace(core, others[0] + suffix))
        elif low in _THERE and previous.places and _locative(split, at):  # "how many died there?"
            out.append(word.replace(core, f"{_THERE[low]} {previous.places[0]}"))
        elif low in ("it", "its") and acronym:  # "What does KNB stand for?" - "who heads it now?"
            out.append(word.replace(core, acronym + ("'s" if low == "its" else "")))
        elif low in fw.CYRILLIC_PERSON_PRONOUNS and person and previous.person_asked:
            out.append(word.replace(core, f"{core} ({person})"))
        else:  # "how old is she?" with nobody named in focus: she is whom the last question was about
            needs_topic = needs_topic or low in fw.THING_PRONOUNS or low in fw.CYRILLIC_PERSON_PRONOUNS or (
                low in fw.PERSON_PRONOUNS)
            out.append(word)
    rewritten = _strip(" ".join(out))
    base, inherited = split_topic(previous.question)
    topic = (inherited or " ".join(topic_words(base))) if needs_topic else ""
    if topic and fold(topic) not in fold(rewritten):
        return f"{rewritten} ({topic})?"
    return rewritten + "?"


_THERE = {"there": "in", "там": "в"}
_SHE = frozenset({"she", "her", "hers"})
_BE = frozenset("is are was were be been".split())


def _locative(split: list[str], at: int) -> bool:
    """"how many died there": a place; "were there any arrests?", "there were": no place at all."""
    before = fold(split[at - 1].strip("?!.,;:")) if at else ""
    after = fold(split[at + 1].strip("?!.,;:")) if at + 1 < len(split) else ""
    return before not in _BE and after not in _BE


_DEFINING = frozenset("stand stands short mean means meaning".split())


def _noun_follows(split: list[str], at: int) -> bool:
    """"how much did her turnover fall": "her" before a content word is "Aliya Zhaksybekova's", not "Aliya"."""
    nxt = fold(split[at + 1].strip("?!.,;:")) if at + 1 < len(split) and not split[at].endswith(("?", ",")) else ""
    return bool(nxt) and nxt not in STOP_WORDS and nxt not in fw.AUXILIARIES


def _only_acronym(question: str) -> str:
    """The one acronym the previous question was about (KNB, CSTO), when it named nothing else: what "it" is."""
    tokens = tokens_of(question)
    names = [t for i, t in enumerate(tokens) if t[:1].isupper() and (i or t.isupper()) and fold(t) not in fw.WH]
    if len(names) != 1 or len(names[0]) < 2 or not names[0].isupper():
        return ""
    others = [t for t in topic_words(question) if t != names[0] and fold(t) not in STOP_WORDS | _DEFINING]
    return "" if others else names[0]  # "When did the CSTO withdrawal begin?": "it" is the withdrawal


_WH_IS = frozenset("what's whats who's whos where's when's how's what’s who’s where’s when’s how’s".split())


def topic_words(question: str) -> list[str]:
    """The previous question without its question words: what "it" or "they" most likely means."""
    skip = fw.WH | fw.AUXILIARIES | fw.HOW_WORDS | fw.CYRILLIC_PERSON_PRONOUNS | frozenset(QUESTION_WORDS) | _WH_IS
    tokens = tokens_of(question)
    if len(tokens) > 1 and fold(tokens[0]) in fw.WH_PREPOSITIONS and fold(tokens[1]) in fw.WH:
        tokens = tokens[1:]  # "In which town did the unrest begin?": not "(In town the unrest begin)"
    words = [t for i, t in enumerate(tokens) if fold(t) not in skip or i and fold(tokens[i - 1]) == "to"]  # "to do"
    while words and fold(words[-1]) in STOP_WORDS:  # "what did they blame it on" -> no trailing "on"
        words.pop()
    return words
