"""What a question asks for: its answer type, the names it is about, and its focus.

"How many Russians died?" wants a number about Russians; "who is Putin?" wants a description of
Putin, not a sentence that merely names him; "why" wants a cause. The answer checks
(``bot.evidence``) hold candidate sentences to this shape. The rules read the question's own
words (question words, auxiliaries, "stand for"), never a particular article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot import lexicon
from bot.crosslingual import is_cyrillic
from bot.features import MONTHS, TITLES, WEEKDAYS
from bot.followup_words import CYRILLIC_PERSON_PRONOUNS, SAYING
from bot.query import PARTITIVES, Query
from bot.question_reading import english_question_words
from bot.text import IRREGULAR, STOP_WORDS, fold, stem, words


class AnswerType(StrEnum):
    """The kind of answer a question wants."""

    NUMBER = "number"
    DATE = "date"
    DURATION = "duration"
    PERSON = "person"
    PLACE = "place"
    REASON = "reason"
    DEFINITION = "definition"
    QUOTE = "quote"
    NAME = "name"  # "which company", "what is the fund called": a proper name
    YESNO = "yesno"
    OTHER = "other"


@dataclass(frozen=True)
class Shape:
    """A question's answer type and focus, as indices into ``query.groups``.

    ``anchors`` are the groups that name something (Putin, Almaty, CSTO): a sentence without them
    is about something else. ``subject`` is what a definition question defines or whom a quote question quotes,
    ``target`` the thing a number question counts (or what a quote question's quotation is about),
    ``role`` the title a "who" question asks for.
    """

    atype: AnswerType
    anchors: frozenset[int] = frozenset()
    subject: frozenset[int] = frozenset()
    target: frozenset[int] = frozenset()
    role: frozenset[str] = frozenset()
    length: bool = False  # "how long is the ship": a length, not a span of time
    lasting: frozenset[str] = frozenset()  # "how long is a presidential term": the stems of the thing that lasts
    head: frozenset[int] = frozenset()  # "what is the chemical formula of X": the attribute asked for (formula)
    modifiers: frozenset[int] = frozenset()  # "the median monthly wage": the words before the thing counted


_BE = frozenset("is was are were".split())
AUXILIARIES = frozenset("is are was were do does did has have had can could will would should shall may might "
                         "must isn't aren't wasn't weren't don't doesn't didn't hasn't haven't".split())
_HOW_NUMBER = frozenset("many much old far big large high deep tall heavy strong fast long".split())
NUMBER_NOUNS = frozenset("price prices cost costs toll population number total figure amount rate salary wage wages "
                         "age size length depth weight budget value count percentage percent share proportion "
                         "height distance speed inflation unemployment turnout gdp growth debt deficit revenue "
                         "income".split())
_DATE_NOUNS = frozenset("year date day month time hour".split())
_PLACE_NOUNS = frozenset("city country town region place province village area district part location capital "
                         "state site nation neighbourhood neighborhood port airport".split())
_MEASURE_NOUNS = frozenset("share percentage proportion factor quantity level amount".split())
_TERSE_DATE = frozenset("date when year day time times hours".split())  # "referendum date?", "curfew hours"
_TERSE_NUMBER = frozenset("number count total amount figure age".split())
_COUNT_WORDS = frozenset("toll tally estimate estimates".split())  # words that only ask "how many"
_TERSE_COUNTED = frozenset("killed dead died injured wounded hurt arrested detained missing jailed".split())
_ENTITY_NOUNS = frozenset("company firm insurer organisation organization group party ship vessel platform newspaper "
                          "channel bank university airline agency charity union app website network brand fund "
                          "operator exchange movement committee institute court newspaper magazine station "
                          "hotel restaurant school hospital prison museum stadium market ministry ministries "
                          "department embassy carrier family clan "
                          "name".split())
_HEAD_PLACES = frozenset("city country town region province village district capital nation port airport".split())
_CAUSE_VERBS = frozenset("caused causes cause triggered triggers sparked sparks led prompted drove provoked "
                         "motivated".split())
_SPEECH = frozenset("say said says call called calls claim claimed think thinks thought tell told describe described "
                    "announce announced warn warned write wrote mean meant declare declared argue argued add added "
                    "reply replied insist insisted urge urged accuse accused blame blamed promise promised".split())
_VIEW_NOUNS = frozenset("view views opinion reaction response position stance thoughts comment comments".split())
ROLE_NOUNS = TITLES | frozenset("leader head boss spokesperson official commander founder owner manager analyst "
                                "expert journalist reporter correspondent mp mps officer judge prosecutor "
                                "lawyer".split())
_ROLE_STEMS = frozenset(stem(t) for t in ROLE_NOUNS)
_LED = re.compile(r"([A-Za-z]+)-(?:led|backed|based|trained|born|owned|run|made|style|flagged)\b")
_OPEN_ENDINGS = frozenset("to after for from with about of by in on at".split())
_CAPITALISED = re.compile(r"(?<=\s)[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w’'-]*|\b[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,}\b")  # Latin or Cyrillic


_WHO_S = re.compile(r"\s*who(?:'|’)?s\b", re.IGNORECASE)
_CALENDAR = MONTHS | WEEKDAYS
_TYPE_NOUNS = {stem(n): n for n in NUMBER_NOUNS | _PLACE_NOUNS | _DATE_NOUNS | _ENTITY_NOUNS | _MEASURE_NOUNS}
_TYPE_NOUNS.update({stem(n): n for n in ROLE_NOUNS} | {stem("reason"): "reason", stem("cause"): "reason"})


def question_shape(text: str, query: Query, names: frozenset[str]) -> Shape:
    """The shape of ``query`` (analysed from ``text``); ``names`` are the corpus's proper names."""
    tokens = _question_tokens(text)
    group_of = _group_positions(tokens, query)
    anchors = _anchors(text, query, names)
    read = _in_english(tokens, query)
    atype, subject_from = _answer_type(_with_copula(read) if read is not tokens else read)
    subject = frozenset(g for pos, g in group_of.items() if subject_from is not None and pos >= subject_from)
    indexed = {t for terms in query.weighted_groups for t in terms}
    unknown = frozenset(g for g, group in enumerate(query.groups) if indexed.isdisjoint(group.alternatives))
    if atype == AnswerType.PERSON and subject and subject <= anchors | unknown and subject & anchors and \
            _is_who_is(tokens):
        atype = AnswerType.DEFINITION
    target = _target(read, group_of, anchors) if atype == AnswerType.NUMBER else frozenset()
    modifiers = _modifiers(group_of, target, anchors)
    role = _role(tokens, query) if atype == AnswerType.PERSON else frozenset()
    if atype == AnswerType.QUOTE:
        speech = next((i for i, t in enumerate(tokens) if t in _SPEECH | _VIEW_NOUNS and i > (subject_from or 0)),
                      len(tokens))
        speaker = frozenset(g for pos, g in group_of.items() if (subject_from or 0) <= pos < speech)
        subject = speaker & anchors or speaker or anchors
        target = _quoted_about(group_of, speech)
    length = atype == AnswerType.DURATION and _asks_length(tokens)
    lasting = _lasting(read) if atype == AnswerType.DURATION else frozenset()
    return Shape(atype, anchors, subject, target, role, length, lasting, _head(tokens, group_of, anchors), modifiers)


def _quoted_about(group_of: dict[int, int], speech: int) -> frozenset[int]:
    """"What did Marchetti say about oil prices?", "what did Putin say when Tokayev asked for help?": what the
    quotation must be about, or where it was said (all the question says after its word of saying)."""
    return frozenset(g for pos, g in group_of.items() if pos > speech)


def answer_type(text: str, query: Query, names: frozenset[str]) -> AnswerType:
    """The kind of answer alone, without the focus ``question_shape`` finds: cheap enough to compare a question
    with a FAQ phrasing. "Who is X?" with X one of the corpus's names (``names``) asks for a description."""
    tokens = _question_tokens(text)
    read = _in_english(tokens, query)
    atype = _answer_type(_with_copula(read) if read is not tokens else read)[0]
    subject = [t for t in tokens[2:] if t not in STOP_WORDS] if atype == AnswerType.PERSON and _is_who_is(tokens) \
        else []
    return AnswerType.DEFINITION if subject and all(stem(t) in names for t in subject) else atype


def _question_tokens(text: str) -> list[str]:
    tokens = _wh_typos_fixed(english_question_words(words(text)))
    if _WHO_S.match(text) and tokens[:1] == ["who"]:
        tokens = ["who", "is", *tokens[1:]]  # "who's Gulnara Omarova?", "whos X": the 's is "is"
    return tokens


_DURATION_VERBS = frozenset("last lasted take took takes stay stayed remain remained continue go run wait".split())
# "How long is a presidential term?": things that last, whose length is a time
SPANS_OF_TIME = frozenset("term terms mandate sentence sentences curfew ban lockdown emergency tenure presidency "
                           "detention custody strike war siege blockade shutdown blackout outage trial moratorium "
                           "freeze leave visit trip holiday delay wait journey flight".split())


def _asks_length(tokens: list[str]) -> bool:
    """"how long is the Ever Given": a copula and a noun; "how long was the canal blocked" asks for time."""
    at = next((i for i in range(len(tokens) - 1) if tokens[i:i + 2] == ["how", "long"]), None)
    if at is None or at + 2 >= len(tokens) or tokens[at + 2] not in _BE:
        return False
    return not any(t.endswith("ed") or t in _DURATION_VERBS or t in IRREGULAR or t in SPANS_OF_TIME or t in _STATES
                   for t in tokens[at + 3:])


# "how long was the bourse shut", "… the internet down", "… Bashir in power": a state that lasts, not a length
_STATES = frozenset("shut cut down off offline online open closed dark gone".split())


def _lasting(tokens: list[str]) -> frozenset[str]:
    """"How long is a presidential term?": the stems of the thing that lasts, whose span must measure it; none for
    "how long a sentence did he receive" ("16 years" need not stand by the word "sentence")."""
    at = next((i for i in range(len(tokens) - 2) if tokens[i:i + 2] == ["how", "long"] and tokens[i + 2] in _BE), None)
    return frozenset() if at is None else frozenset(stem(t) for t in tokens[at + 3:] if t in SPANS_OF_TIME)


_WH_TYPOS = {"wen": "when", "whn": "when", "wehn": "when", "wich": "which", "whitch": "which", "whcih": "which",
             "wihch": "which", "wat": "what", "wht": "what", "waht": "what", "whta": "what", "hw": "how",
             "hwo": "how", "whos": "who", "wher": "where", "whre": "where"}
_HOW_TYPOS = {"mnay": "many", "meny": "many", "manny": "many", "mayn": "many", "amny": "many", "mcuh": "much",
              "muhc": "much", "lng": "long", "logn": "long"}
_AFTER_WHERE = frozenset("will would did does do is are was can could".split())


def _wh_typos_fixed(tokens: list[str]) -> list[str]:
    """"wen did ...", "wich countries", "were will they send": a misspelt question word read as meant."""
    if not tokens:
        return tokens
    first = _WH_TYPOS.get(tokens[0], tokens[0])
    if first in ("were", "wer") and tokens[1:2] and tokens[1] in _AFTER_WHERE:
        first = "where"  # "were will the findings go": no question starts with "were will"
    if first == "how" and tokens[1:2] and tokens[1] in _HOW_TYPOS:
        return [first, _HOW_TYPOS[tokens[1]], *tokens[2:]]  # "how mnay ppl died"
    if first in _CONTRACTED:
        return [_CONTRACTED[first], "is", *tokens[1:]]  # "whats csto": what is the CSTO
    return [first, *tokens[1:]]


_CONTRACTED = {"whats": "what", "wats": "what", "wots": "what", "whts": "what", "wheres": "where", "hows": "how"}


_COPULAS = {"был": "was", "была": "was", "было": "was", "были": "were", "является": "is", "являются": "are",
            "есть": "is", "болды": "was", "болған": "was"}


def _in_english(tokens: list[str], query: Query) -> list[str]:
    """For the answer type only: a Russian or Kazakh word the glossary takes to one of the nouns that decide
    the type, read as that noun ("Какая была инфляция" -> "what was inflation": a number)."""
    if not any(is_cyrillic(t) for t in tokens):
        return tokens
    english = {g.word: t for g in query.groups for t, w in g.alternatives.items() if w >= 0.9 and t in _TYPE_NOUNS}
    return [_COPULAS.get(t) or ("say" if t in SAYING else _TYPE_NOUNS.get(english.get(t, ""), t)) for t in tokens]


def _with_copula(tokens: list[str]) -> list[str]:
    """Russian has no present-tense copula: "какая цена" is "what is the price", a number asked."""
    if tokens[:1] in (["what"], ["which"]) and any(t in NUMBER_NOUNS for t in tokens[1:3]):
        return [tokens[0], "is", *tokens[1:]]  # "какая средняя зарплата": what is the average wage
    return tokens


def _head(tokens: list[str], group_of: dict[int, int], anchors: frozenset[int]) -> frozenset[int]:
    """"What is the (chemical) formula of ammonium nitrate": the noun before "of" names the attribute asked for; a
    sentence without it tells something else about the thing. "Which poem", "which airfield", "the name of the
    plant": the thing to be named."""
    named = next((i for i in range(len(tokens) - 1) if tokens[i] in ("name", "names") and tokens[i + 1] == "of"), None)
    if tokens[:1] == ["which"] or named is not None:
        at = _which_noun(tokens) if tokens[:1] == ["which"] else named + _which_noun(["which", *tokens[named + 1:]])
        # "which poem did she read", "which European diplomat said", "the name of the plant": the poem, the
        # diplomat, the plant, which must be named; "which day" is named by the date that answers it
        if at < len(tokens) and _singular(tokens[at]) in _DATE_NOUNS:
            return frozenset()
        return frozenset({group_of[at]}) if at in group_of and group_of[at] not in anchors else frozenset()
    if tokens[:1] not in (["what"], ["which"]) or tokens[1:2] not in (["is"], ["was"], ["are"], ["were"]):
        return frozenset()
    if "of" not in tokens[3:6]:
        return frozenset()
    at = tokens.index("of", 3) - 1
    if tokens[at].endswith("ed") or tokens[at] in IRREGULAR:  # "what is Masimov accused of": a verb, no attribute
        return frozenset()
    if tokens[at] in _TERSE_NUMBER or tokens[at] in _COUNT_WORDS:  # "Amnesty's count of the dead": a number asked,
        return frozenset()  # which the answer type already requires; the sentence need not say "count"
    return frozenset({group_of[at]}) if at in group_of and group_of[at] not in anchors else frozenset()


# Prepositions the stop words lack: "which airfield near Almaty" asks about the airfield
_PREPOSITIONS = frozenset("near outside inside across around behind beside among within without towards toward via "
                          "per amid despite along beyond upon".split())
# Past forms the irregular-verb table leaves out for being nouns too; after "which X" they are the verb
_PAST_NOUNLIKE = frozenset("saw left found rose fell set put hit beat".split())


def _which_noun(tokens: list[str]) -> int:
    """Where the noun "which" asks about stands: the word after it, or the next one when that is no verb ("which
    opposition leader called", "which of Nazarbayev's relatives lost")."""
    start = 1 if tokens[1:2] != ["of"] else 3 if len(tokens) > 3 else 2  # "which of the regions"
    if start + 1 < len(tokens) and (tokens[start] in lexicon.NUMBER_WORDS or tokens[start].isdigit()):
        start += 1  # "which two opposition MPs": the MPs, not "two"
    nxt = start + 1
    return nxt if nxt < len(tokens) and not _ends_noun(tokens[nxt]) else start


def _ends_noun(word: str) -> bool:
    """A word a noun phrase after "which" cannot go on with: a verb, an auxiliary, a stop word."""
    return word in AUXILIARIES or word in _SPEECH or word in IRREGULAR or word in _PAST_NOUNLIKE or \
        word.endswith("ed") or word in STOP_WORDS or word in _PREPOSITIONS


def _role(tokens: list[str], query: Query) -> frozenset[str]:
    """The titles a "who" question asks for: its own title words, or those its Russian or Kazakh words
    translate to ("премьер-министром" -> prime minister)."""
    found = {stem(t) for t in tokens if t in ROLE_NOUNS}
    for g in query.groups:
        translated = {t for t, w in g.alternatives.items() if w >= 0.9 and t.isascii()}
        if is_cyrillic(g.word) and translated and translated <= _ROLE_STEMS:  # a title, not "держит" (runs, owner)
            found |= translated
    return frozenset(found)


def _group_positions(tokens: list[str], query: Query) -> dict[int, int]:
    """Token position -> index of its term group (stop words have none)."""
    index = {g.word: i for i, g in enumerate(query.groups)}
    return {pos: index[t] for pos, t in enumerate(tokens) if t in index}


def capitalised_words(text: str) -> frozenset[str]:
    """The words a question writes capitalised after its first, and its acronyms: the names it may hold."""
    return frozenset(fold(m.group(0)).removesuffix("'s") for m in _CAPITALISED.finditer(" " + text.strip()[1:]))


def _anchors(text: str, query: Query, names: frozenset[str]) -> frozenset[int]:
    """Groups that name something: capitalised in the question (not first), or a name in the articles."""
    capitalised = capitalised_words(text)
    modifiers = {fold(m.group(1)) for m in _LED.finditer(text)}  # "Russian-led force": about the force
    found = set()
    for i, g in enumerate(query.groups):
        strong = [t for t, w in g.alternatives.items() if w >= 0.9]  # itself or its spelling fix, not synonyms
        if g.word in ROLE_NOUNS or g.word in modifiers:
            continue  # "President", "Minister": a title, capitalised or not, is not what the question is about
        if g.word in _CALENDAR:
            continue  # "killed by January 7": a date the question gives, not a name it is about
        if g.word in capitalised or any(t in names for t in strong):
            found.add(i)
    return frozenset(found)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _answer_type(tokens: list[str]) -> tuple[AnswerType, int | None]:
    """The answer type and, for definition and quote questions, where their subject starts."""
    joined = " " + " ".join(_singular(t) if i and tokens[i - 1] in ("what", "which") else t
                            for i, t in enumerate(tokens)) + " "
    for i, t in enumerate(tokens):
        if t == "how" and i + 1 < len(tokens) and tokens[i + 1] == "long":
            return AnswerType.DURATION, None
        if t == "how" and i + 1 < len(tokens) and tokens[i + 1] in _HOW_NUMBER:
            return AnswerType.NUMBER, None
    if " number of " in joined or " what number " in joined or "toll" in tokens or (
            tokens and tokens[-1] in _TERSE_NUMBER):
        return AnswerType.NUMBER, None  # "csto troops number", "lawyers interviewed count"
    if tokens and tokens[-1] in _TERSE_COUNTED and tokens[0] not in AUXILIARIES and not (
            lexicon.QUESTION_WORDS & set(tokens)):
        return AnswerType.NUMBER, None  # "security forces killed?": how many
    if "hours" in tokens and "how" not in tokens and not {"who", "why", "where"} & set(tokens):
        if " per " in joined or " a day " in joined or " a night " in joined or " daily " in joined:
            return AnswerType.NUMBER, None  # "blackout hours per day?": how many
        return AnswerType.DATE, None  # "what were the curfew hours", "curfew hours almaty": times of day
    if tokens and tokens[-1] in _TERSE_DATE and not lexicon.QUESTION_WORDS & set(tokens[:-1]):
        return AnswerType.DATE, None  # "referendum date?", "massimov arrested when"
    asked = {_singular(t) for w, t in zip(tokens, tokens[1:], strict=False) if w in ("what", "which")}  # "what year"
    measured = asked | {_singular(t) for w, t in zip(tokens, tokens[2:], strict=False) if w in ("what", "which")}
    if measured & _MEASURE_NOUNS:
        return AnswerType.NUMBER, None  # "what share of ...", "by what factor", "what radiation level"
    lead = next((t for t in tokens if t in lexicon.QUESTION_WORDS), None)  # "what did X say when ...": what
    if lead in (None, "when") and "when" in tokens or asked & _DATE_NOUNS:
        return AnswerType.DATE, None
    if lead in (None, "why") and "why" in tokens or " how come " in joined or "reason" in tokens or (
            tokens[:1] == ["what"] and len(tokens) > 1 and tokens[1] in _CAUSE_VERBS):
        return AnswerType.REASON, None
    russian = not "".join(tokens).isascii() and any(is_cyrillic(t) for t in tokens)
    russian_quote = russian and tokens[:1] == ["what"] and "say" in tokens
    which = (["which"],) if russian else (["what"], ["which"])  # "что … города": not "what city"
    ends_in_place = tokens[:1] in which and _singular(tokens[-1]) in _HEAD_PLACES  # "'s largest city"
    ends_in_place = ends_in_place or (tokens[:1] in which or not russian) and _which_place(tokens)
    ends_in_place = ends_in_place and not russian_quote
    if "where" in tokens or asked & _PLACE_NOUNS or (
            " capital of " in joined) or ends_in_place:
        return AnswerType.PLACE, None
    if tokens[:1] and tokens[0] in ("who", "whom", "whose") or " who " in joined or not russian_quote and any(
            w in ("which", "what") and not ROLE_NOUNS.isdisjoint(tokens[i + 1:i + 3]) for i, w in enumerate(tokens)):
        return AnswerType.PERSON, _after_copula(tokens)
    if tokens[:1] in (["what"], ["which"]) and len(tokens) > 2 and tokens[1] in _BE and any(
            t in NUMBER_NOUNS for t in tokens[2:6]):
        return AnswerType.NUMBER, None  # "what was the average wage", "what is the population of ..."
    kind = _kind_of(tokens)
    if kind is not None:
        return AnswerType.DEFINITION, kind  # "what kind of organisation is the CSTO?": a description of it
    if _asks_name(tokens):
        return AnswerType.NAME, None
    found = _quote_subject(tokens) or _definition_subject(tokens)
    if found is not None:
        return found
    if tokens and tokens[0] in AUXILIARIES:
        return AnswerType.YESNO, None
    return AnswerType.OTHER, None


def _kind_of(tokens: list[str]) -> int | None:
    """Where the subject of "what kind (type, sort) of X is Y" starts: Y."""
    if tokens[:1] not in (["what"], ["which"]) or tokens[1:3] not in (["kind", "of"], ["type", "of"], ["sort", "of"]):
        return None
    return next((i + 1 for i in range(3, len(tokens) - 1) if tokens[i] in _BE), None)


def _asks_name(tokens: list[str]) -> bool:
    """"Which insurers", "which electronic trading platform", "what is the new fund called": a name."""
    for i, t in enumerate(tokens):
        if t in ("which", "what") and any(_singular(n) in _ENTITY_NOUNS for n in tokens[i + 1:i + 4]):
            return True
    return tokens[:1] == ["what"] and tokens[-1:] == ["called"] and len(tokens) > 3


def _after_copula(tokens: list[str]) -> int | None:
    for i, t in enumerate(tokens[:3]):
        if t in _BE:
            return i + 1
    return None


def _is_who_is(tokens: list[str]) -> bool:
    """"who is X", "who was X?": a request to describe X, not to name someone."""
    return len(tokens) >= 3 and tokens[0] == "who" and tokens[1] in _BE


def _quote_subject(tokens: list[str]) -> tuple[AnswerType, int] | None:
    """"what did X say", "according to X", "X's view of": a quotation from X."""
    if "according" in tokens:
        return AnswerType.QUOTE, tokens.index("according") + 1
    if tokens[:1] == ["what"] and len(tokens) > 3 and tokens[1] in ("did", "does", "do", "has", "have"):
        if any(t in _SPEECH for t in tokens[3:]):
            return AnswerType.QUOTE, 2  # the speaker: the names between "did" and "say"
    if tokens[:1] == ["what"] and "say" in tokens[1:] and any(is_cyrillic(t) for t in tokens):
        return AnswerType.QUOTE, 1  # "что сказала Гульнара Тасова?": what said X
    if any(t in _VIEW_NOUNS for t in tokens) and tokens[:1] == ["what"]:
        return AnswerType.QUOTE, 2
    return None


def _definition_subject(tokens: list[str]) -> tuple[AnswerType, int] | None:
    """"what is X", "what does X stand for / mean", "define X": X is short, so this is a definition."""
    if tokens[:1] == ["define"] or tokens[:2] == ["meaning", "of"]:
        return AnswerType.DEFINITION, 1
    if tokens[:3] == ["how", "stand", "for"] or tokens[1:2] == ["mean"]:  # "как расшифровывается КНБ"
        return AnswerType.DEFINITION, 1
    if 2 <= len(tokens) <= 4 and (tokens[-2:] in _SPELT_OUT or tokens[-1] in (
            "meaning", "means", "stands")):
        return AnswerType.DEFINITION, 0  # "knb stands for?", "csto meaning", "elbasy means"
    if tokens[:1] != ["what"] or len(tokens) < 3:
        return None
    if tokens[-2:] in _SPELT_OUT or tokens[-1:] == ["mean"]:  # "what dose LPG stand for", "what is KNB short for"
        return AnswerType.DEFINITION, 2
    if tokens[1] in ("is", "are", "was", "were", "the", "a", "an"):
        rest = [t for t in tokens[2:] if t not in STOP_WORDS]
        ends_open = tokens[-1] in _OPEN_ENDINGS  # "what is X named after", "what is X a reference to"
        if 0 < len(rest) <= 3 and not set(rest) & (NUMBER_NOUNS | _PLACE_NOUNS | _DATE_NOUNS) and not ends_open \
                and not any(t.endswith("ed") and len(t) > 4 for t in rest):
            return AnswerType.DEFINITION, 2
    return None


_SPELT_OUT = (["stands", "for"], ["stand", "for"], ["short", "for"])


def asks_a_day(text: str) -> bool:
    """"What date?", "which day exactly?", "exact date of the withdrawal?", "какого числа": a day of the calendar,
    not "soon" nor "in October"."""
    return _A_DAY.search(text) is not None


_A_DAY = re.compile(r"(?<!\w)(?:what|which|exact|какого|какая|какой|какую|точная|точную|точный)\s+"
                    r"(?:date|day|числа|дата|дату|день)(?!\w)", re.IGNORECASE)


def _which_place(tokens: list[str]) -> bool:
    """"which ex-Soviet countries had …", "what is the second largest city in …": a place noun a word or two
    after the question word."""
    lead = next((i for i, t in enumerate(tokens) if t in ("what", "which")), None)
    if lead is None or any(t in lexicon.QUESTION_WORDS for t in tokens[:lead]):
        return False
    after = [t for t in tokens[lead + 1:lead + 6] if t not in _BE and t != "the"][:3]
    return any(_singular(t) in _HEAD_PLACES for t in after)


def _modifiers(group_of: dict[int, int], target: frozenset[int], anchors: frozenset[int]) -> frozenset[int]:
    """"the median monthly wage": the words right before the thing counted, which say which of it is asked."""
    at = min((pos for pos, g in group_of.items() if g in target), default=None)
    found = set()
    while at is not None and at - 1 in group_of and group_of[at - 1] not in anchors | target:
        at -= 1
        found.add(group_of[at])
    return frozenset(found)


MEASURES = frozenset("kilogram kilograms kilo kilos kg litre litres liter liters tonne tonnes ton tons barrel barrels "
                     "gallon gallons loaf loaves bag bags bottle bottles cubic".split())


def _target(tokens: list[str], group_of: dict[int, int], anchors: frozenset[int]) -> frozenset[int]:
    """The groups of the thing counted: the first content word after "how many" ("how many Russians"), or the
    number noun; not a name after a verb ("how much was Ruzakhunov paid" counts money, not Ruzakhunov); what a
    measure is of ("how much did a litre of petrol cost": petrol)."""
    measured = next((group_of[i + 2] for i, t in enumerate(tokens[:-2])
                     if t in MEASURES and tokens[i + 1] == "of" and i + 2 in group_of), None)
    if measured is not None:
        return frozenset({measured})
    for i, t in enumerate(tokens):
        if t == "how" and i + 1 < len(tokens) and tokens[i + 1] in ("many", "much"):
            after_verb = i + 2 < len(tokens) and (  # "how much was Ruzakhunov paid", "сколько ему (X) заплатили"
                tokens[i + 2] in AUXILIARIES or tokens[i + 2] in CYRILLIC_PERSON_PRONOUNS)
            start = i + 2
            if tokens[start:start + 2] and tokens[start] in PARTITIVES and tokens[start + 1:start + 2] == ["of"]:
                start = next((p for p in range(start + 2, len(tokens)) if p in group_of), start)  # "members of X"
            elif tokens[start:start + 1] == ["of"]:  # "how many of the 225 dead were protesters": the protesters
                be = next((p for p in range(start, len(tokens)) if tokens[p] in _BE), None)
                # "how many of his friends played": with no "were", the friends
                start = be + 1 if be is not None else next((p for p in range(start, len(tokens)) if p in group_of),
                                                           start)
            # "how much was the tax going to rise": the tax; "how much did the conference raise": money, not it
            reach = 3 if start < len(tokens) and tokens[start] in _BE else 2
            for pos in range(start, min(start + reach, len(tokens))):
                if pos in group_of:
                    return frozenset() if after_verb and group_of[pos] in anchors else frozenset({group_of[pos]})
            return frozenset()
    if tokens and tokens[-1] in _TERSE_NUMBER and tokens[-1] not in tokens[:-1]:  # "lawyers interviewed count"
        first = next((g for pos, g in sorted(group_of.items()) if g not in anchors and pos < len(tokens) - 1), None)
        return frozenset() if first is None else frozenset({first})
    return frozenset(g for pos, g in group_of.items() if tokens[pos] in NUMBER_NOUNS)
