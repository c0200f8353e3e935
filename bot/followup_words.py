"""The words that make a message lean on the previous exchange, in English, Russian and Kazakh.

A leading "and" ("а", "ал"), a bare question word ("why?", "почему?", "неге?"), a pronoun with
no name of its own ("he", "его", "ол"): ``bot.conversation`` reads these to decide whether a
message depends on what came before. Plain word lists, lowercase, so a reviewer can extend them;
and the two readings of a message they share (``tokens_of``: its words as written, ``is_wh``).
"""

from __future__ import annotations

import re

from bot.crosslingual import is_kazakh, kazakh_stem

# Openings that add to the previous question ("and in Almaty?", "а в Алматы?", "ал Алматыда?"),
# longest first so that "and what about" wins over "and".
LEADS = tuple(sorted("""
and|and what about|what about|how about|and about|and also|also|but|what of|and then
same for|the same for|and the same for|same in|same question for|same with
а|и|а также|а вот|ну а|а что насчёт|а что насчет|что насчёт|что насчет|а как насчёт|а как насчет|как насчёт|как насчет
то же самое для|то же про|то же для|а для
а если|а про|ал|және|ал енді|енді|сонда
""".replace("\n", "|").strip("|").split("|"), key=len, reverse=True))
KAZAKH_TAIL = frozenset({"ше"})  # "Алматыда ше?": "and in Almaty?"

WH = frozenset("""
why when where who how what which whom whose
сколько скольких скольким скока почём почем когда кто кого кем кому где откуда куда почему зачем отчего что чего чем чём
какой какая какое какие каком каких какого какую каким какими какому как
қанша қашан кім кімге кімнің кімді қайда қайдан неге неліктен не қандай қалай неше
""".split())
# Prepositions a bare follow-up may put before its question word: "to whom?", "for how long?", "since when?".
WH_PREPOSITIONS = frozenset("to for from by with since until till about over during in at on of after before".split())
RUSSIAN_PREPOSITIONS = frozenset("за до с со для к ко о об про от по при на в во из".split())
WHO = frozenset("who whom whose кто кого кем кому кім кімге кімнің кімді".split())

AUXILIARIES = frozenset("""
is are was were do does did has have had can could will would
это было был была были будет есть быть будут должно должен должна должны может могут
болды еді ма ме ба бе па пе бұл
""".split())
# Verbs of saying, which frame a question as "say" does in English (a stop word there): "что сказал их лидер?"
SAYING = frozenset("сказал сказала сказали говорит говорил говорила говорили заявил заявила заявили сообщил "
                    "сообщила сообщили считает думает назвал назвала написал написала написали ответил ответила "
                    "ответили говорится айтты деді деп атады атаған говорят заявляет заявляют утверждает утверждал "
                    "призывал призывала призывали призвал призвала призвали призывает предупредил предупредила "
                    "предупредили предупреждал обещал обещала обещали пообещал пообещала пообещали гаварил "
                    "гаварила гаварили сказол".split())
# Words a bare follow-up may have besides its question word: "when was this?", "а когда это было?".
DEICTIC = frozenset("""
this that it there then so come exactly
это этого так тогда там же именно вот случилось произошло
бұл осы сол сонда онда болды
""".split())

# he/she -> the person in focus; the value is what follows the name ("his" -> "Tokayev's").
PERSON_PRONOUNS = {"he": "", "him": "", "she": "", "her": "", "his": "'s", "hers": "'s"}
# Russian and Kazakh pronouns that may stand for a person (or, without one in focus, for a thing).
CYRILLIC_PERSON_PRONOUNS = frozenset("""
он она его её ее ему ей им него неё нее нему ней нём нем
ол оның оған оны онымен
""".split())
THING_PRONOUNS = frozenset("""
it this that these those they them its their there then so
них ним ними
это этот эта эти этого этой этим оно они их там тогда этом
бұл осы олар олардың оларды оларға сол онда
""".split())

PLACE_PREPOSITIONS = frozenset("in at from near for в во на из под около".split())
# Months, as a follow-up swaps one for another ("and in May?", "а в мае?"), in the forms questions use them.
MONTHS = frozenset("""
january february march april may june july august september october november december
январь января январе февраль февраля феврале март марта марте апрель апреля апреле май мая мае июнь июня июне
июль июля июле август августа августе сентябрь сентября сентябре октябрь октября октябре ноябрь ноября ноябре
декабрь декабря декабре
""".split())
KAZAKH_LOCATIVE = ("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі", "нда", "нде", "да", "де", "та", "те")

# Words after "how" that belong to the question word ("how many", "how long").
HOW_WORDS = frozenset("many much long old far".split())

_TOKEN = re.compile(r"[^\W\d_][\w’'-]*|\d[\d,.]*")


def tokens_of(text: str) -> list[str]:
    """Word tokens as written (case kept, for names), without punctuation."""
    return _TOKEN.findall(text)


def spans_of(text: str) -> list[tuple[int, int]]:
    """Where each of ``tokens_of(text)`` stands in ``text``."""
    return [m.span() for m in _TOKEN.finditer(text)]


def is_wh(word: str) -> bool:
    """A question word (lowercase), Kazakh ones with their endings too ("қаншасы": how many of them)."""
    return word in WH or (is_kazakh(word) and kazakh_stem(word) in WH)
