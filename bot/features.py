"""What a sentence can answer: the numbers, dates, people, places, causes and quotations in it.

Two levels. ``cue_flags`` is cheap and runs on every sentence at index time: it tells the ranker
whether a sentence carries a number, a date or a cause at all. ``annotate`` is finer and runs only
on the few candidates of one question (memoised per sentence): it finds the spans themselves, with
their token positions and stems, so that the answer checks can ask whether a span is new to the
question and close to what the question is about.

Everything here is general English news writing (titles before names, "said" after a speaker,
"January 5", "because"); nothing is tied to one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from bot import lexicon
from bot.crosslingual import romanisation_key
from bot.text import STOP_WORDS, fold, stem, words

_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def cue_flags(text: str, tokens: list[str] | None = None) -> frozenset[str]:
    """The answer types a sentence can carry at all: numbers, dates, causes (people are added corpus-wide)."""
    present = set(words(text) if tokens is None else tokens)
    found = set()
    if _DIGIT.search(text) or not present.isdisjoint(lexicon.NUMBER_WORDS):
        found.add("number")
    if _YEAR.search(text) or not present.isdisjoint(lexicon.DATE_WORDS):
        found.add("date")
    if not present.isdisjoint(lexicon.CAUSE_WORDS):
        found.add("cause")
    return frozenset(found)


# --- people named in the articles (corpus-wide) ------------------------------------------------------

_PERSON_CONTEXT = re.compile(
    r"\b(?i:president|minister|chancellor|mayor|governor|senator|mr|mrs|ms|dr|general|king|queen|leader"
    r"|spokesman|spokeswoman|chief|commander|ambassador|judge|foreman|professor|\d+-year-old)\.?((?: [A-Z][\w’'-]+)+)"
    r"|((?:[A-Z][\w’'-]+ )?[A-Z][\w’'-]+)(?:, [^,]{0,60},)? (?:said|says|told|added|asked|warned|explained|replied"
    r"|noted|argued|insisted|wrote)\b"
    r"|\b([A-Z][\w’'-]+ [A-Z][\w’'-]+), (?:an? (?:\d+-year-old|[a-z]+|[A-Z][a-z]+ [a-z]+)|\d{2},)")

PERSON_HINTS = frozenset(
    "president minister chancellor mayor governor senator mr mrs ms dr general king queen leader spokesman "
    "spokeswoman chief commander ambassador judge foreman professor said says told added asked warned explained "
    "replied noted argued insisted wrote".split())


def people(texts: list[str]) -> tuple[set[str], dict[str, str]]:
    """Stems of the names the articles give people (after a title, or as the one who said something),
    and each first name's surname ("kassym" -> "tokayev"): a first name adds little to a surname.

    ``texts`` are the sentences holding a title or a speech verb (the caller knows their words), so
    the regex runs on few of them.
    """
    found: set[str] = set()
    surname_of: dict[str, str] = {}
    for text in texts:
        for m in _PERSON_CONTEXT.finditer(text):
            names = [stem(n) for n in words(m.group(1) or m.group(2) or m.group(3)) if n not in STOP_WORDS]
            found.update(names)
            for first in names[:-1]:
                surname_of.setdefault(first, names[-1])
    return found, surname_of


_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][a-z]{3,}(?=['’]s(?!\w)|(?![\w'’]))")  # "Lebanon’s" too
_ACRONYM = re.compile(r"(?<![\w'’])[A-Z]{2,6}(?![\w'’])")
_LOWER = re.compile(r"(?<![\w'’-])[a-z]{4,}(?![\w'’])")
MAX_NAME_SUFFIX = 4


def name_variants(texts: list[str]) -> tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str]]:
    """Names the articles capitalise, as variants (prefix -> names), all of them, and the proper ones.

    Demonyms and country names share a stem prefix (Kazakh/Kazakhstan, Georgia/Georgian); only
    words the articles capitalise mid-sentence take part, so common words never get variants.
    The proper names are those never written in lower case (Almaty, but not President) and the
    acronyms (CSTO): a question about one of them is about that thing.
    """
    names: set[str] = set()
    acronyms: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        for m in _CAPITALISED.finditer(text):
            if m.start() > 0:
                names.add(stem(m.group(0).lower()))
        acronyms.update(_ACRONYM.findall(text))
        lower.update(_LOWER.findall(text))
    table: dict[str, set[str]] = {}
    for name in names:
        for cut in range(max(5, len(name) - MAX_NAME_SUFFIX), len(name)):
            table.setdefault(name[:cut], set()).add(name)
    common = {stem(w) for w in lower}
    proper = (names - common) | {stem(a.lower()) for a in acronyms}
    return {k: frozenset(v) for k, v in table.items()}, frozenset(names), frozenset(proper)


def romanisations(proper: frozenset[str]) -> dict[str, frozenset[str]]:
    """The articles' proper names by their romanisation key (names of five letters or more)."""
    found: dict[str, set[str]] = {}
    for name in proper:
        if len(name) >= 5 and name.isalpha():
            found.setdefault(romanisation_key(name), set()).add(name)
    return {k: frozenset(v) for k, v in found.items()}


_LOCATIVE = re.compile(r"\b(?:in|at|from|near|across|outside|inside|into|towards|throughout|around"
                       r"|(?:city|town|village|port|region|province|district) of)"  # "the town of Sinzig"
                       r" (?:the )?((?:[A-Z][\w’'-]+)(?: [A-Z][\w’'-]+)*)")


def places(texts: list[str]) -> set[str]:
    """Stems of capitalised words the articles use after "in", "at", "from" ...: the places they name; not
    the surname of a first-and-last name ("aimed at Nursultan Nazarbayev" names a man)."""
    found = set()
    surnames = set()
    for text in texts:
        for m in _LOCATIVE.finditer(text):
            for w in words(m.group(1)):
                if w not in STOP_WORDS and w not in _NOT_PLACE:
                    found.add(stem(w))
        surnames.update(stem(m.group(2).lower()) for m in _FULL_NAME.finditer(text)
                        if m.group(1).lower() not in _PLACE_FIRST_WORDS)
    return found - surnames


_FULL_NAME = re.compile(r"(?<![\w’'-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ([A-Z][a-z]{3,})(?![\w’'-])")
_PLACE_FIRST_WORDS = frozenset("new north south east west san santa saint st port upper lower great little mar "
                               "republic independence central".split())


# --- spans in one sentence ---------------------------------------------------------------------------


class Span(StrEnum):
    """Kinds of things a sentence can give as an answer."""

    NUMBER = "number"
    DATE = "date"
    DURATION = "duration"
    PERSON = "person"
    PLACE = "place"
    ORG = "org"
    ROLE = "role"  # "the Kazakh president": a person described rather than named
    CAUSE = "cause"
    QUOTE = "quote"


@dataclass(frozen=True)
class Token:
    """A word or number as the index splits it, with its case and whether a hyphen glues it to the next
    or previous word ("Il-76", "81-year-old")."""

    text: str
    lower: str
    stem: str
    start: int
    capital: bool
    glued_before: bool = False
    glued_after: bool = False


@dataclass(frozen=True)
class Found:
    """One span: its kind, token positions ``[first, last]`` and the stems it is made of."""

    kind: Span
    first: int
    last: int
    stems: frozenset[str]
    strength: float = 1.0


@dataclass(frozen=True)
class Annotation:
    """A sentence's tokens and the answer spans found in it."""

    tokens: tuple[Token, ...]
    spans: tuple[Found, ...]
    where: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False)  # stem -> token positions

    def __post_init__(self) -> None:
        for i, t in enumerate(self.tokens):
            self.where[t.stem] = (*self.where.get(t.stem, ()), i)

    def of(self, kind: Span) -> list[Found]:
        return [s for s in self.spans if s.kind == kind]


_TOKENS = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:[.:]\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)*|[\"“”«»]")
MONTHS = frozenset("january february march april may june july august september october november december "
                   "jan feb mar apr jun jul aug sep sept oct nov dec".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_RELATIVE_DAYS = frozenset("yesterday today tomorrow tonight overnight".split())
TIME_UNITS = frozenset("second seconds minute minutes hour hours day days week weeks month months year years "
                       "decade decades century centuries fortnight".split())
_COUNT_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands "
    "million millions billion billions dozen dozens scores half".split())
_DURATION_LEAD = _COUNT_WORDS | {"a", "an", "several", "few", "many", "one"}
_TIME_OF_DAY = frozenset("pm am p.m a.m o'clock".split())
_CLOCK_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())
_PART_OF_DAY = [["in", "the", part] for part in ("morning", "afternoon", "evening")]
YEAR_TOKEN = re.compile(r"(1[89]|20)\d\d$")
TITLES = frozenset(
    "president prime minister secretary general colonel judge governor mayor king queen prince chancellor "
    "senator dr mr mrs ms sir lord foreman commander chief ambassador spokesman spokeswoman deputy director "
    "chairman chairwoman head professor pope premier lieutenant captain major sergeant admiral sheikh emir "
    "archbishop bishop rector dean".split())
_PARTICLES = frozenset("de da van von bin al el la le du dos das di ibn".split())
ORG_HEADS = frozenset("company firm group bank agency insurer insurers operator carrier airline organisation "
                      "organization party charity subsidiary broadcaster newspaper channel network".split())
ORG_WORDS = frozenset(
    "organization organisation council committee ministry university office group party union bank agency "
    "fund court parliament assembly watch news times post herald wire service services force forces army "
    "police department authority company corporation inc ltd treaty alliance nations states kingdom "
    "federation institute centre center foundation association commission guard guards network airlines "
    "media press television tv radio agency".split())
_NOT_PLACE = ORG_WORDS | MONTHS | WEEKDAYS | TITLES
SPEECH_VERBS = frozenset(
    "said says say told tells added stated warned explained replied argued noted claimed announced insisted "
    "urged described describes wrote writes tweeted declared called asked answered admitted acknowledged "
    "recalled remarked stressed confirmed denied commented suggested vowed pledged promised".split())
_QUOTE_MARKS = frozenset('"“”«»')
CAUSE_STRONG = frozenset(
    "because due owing sparked triggered caused prompted fuelled fueled driven led reason result blamed "
    "blames blaming spark drove provoked motivated suspicion charges charged accused arguing since so stemmed "
    "stems stemming trigger triggers cause causes catalyst reasons".split())
CAUSE_WEAK = frozenset("over after amid following".split())
_PLACE_WORDS = frozenset("square street avenue road airport port desert sea ocean river lake mountain mountains valley "
                         "region province district city town village island islands coast canal bay gulf".split())
_PLACE_NOUNS_BEFORE_OF = frozenset("city town village region province district suburb suburbs neighbourhood "
                                   "neighborhood settlement county state republic island port".split())
_DEMONYM_ENDINGS = ("ian", "an", "n", "ese", "ish", "i")
_PLACE_PREFIXES = frozenset(p[:5] for p in lexicon.PLACE_NAMES if len(p) >= 5)


def is_demonym(word: str) -> bool:
    """"Russian", "Georgian", "Lebanese": a people named after a country, not a person's name."""
    return any(word.endswith(e) and word[:-len(e)][:5] in _PLACE_PREFIXES for e in _DEMONYM_ENDINGS)


def tokenize(text: str) -> tuple[Token, ...]:
    """Tokens split as the index splits them, with their case kept (names matter here) and their stems."""
    out = []
    for m in _TOKENS.finditer(text):
        raw, start, end = m.group(0), m.start(), m.end()
        if raw.isdigit() and text[start - 1:start] == "[" and text[end:end + 1] == "]":
            continue  # a citation mark, "[10]": no figure of the story
        lower = fold(raw)
        if lower.endswith("'s"):
            lower = lower[:-2]
        if lower[:1].isdigit():
            lower = lower.replace(",", "")
        glued_before = start > 1 and text[start - 1] == "-" and text[start - 2].isalnum()
        glued_after = end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum()
        out.append(Token(raw, lower, stem(lower) if lower[:1].isalnum() else lower, start, raw[0].isupper(),
                         glued_before, glued_after))
    return tuple(out)


def _written_out_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for acronym, names in lexicon.ACRONYMS.items():
        for name in names:
            spelled = tuple(words(name))
            index.setdefault(spelled[0], []).append((spelled, acronym))
    return index


_WRITTEN_OUT = _written_out_index()


def written_out(tokens: list[str]) -> list[tuple[int, str]]:
    """(position, acronym) of each name the sentence writes out that people abbreviate: "the United Nations
    human rights chief" answers "which UN official…"."""
    return [(i, acronym) for i, w in enumerate(tokens) for name, acronym in _WRITTEN_OUT.get(w, ())
            if tuple(tokens[i:i + len(name)]) == name]


def spelled_out(tokens: list[str]) -> list[tuple[int, str]]:
    """(position, word) of the words each short form stands for ("acting PM", "the govt"); "5 pm" is a time."""
    return [(i, word) for i, w in enumerate(tokens) if w in lexicon.SHORT_FORMS
            and not (w == "pm" and i and tokens[i - 1][:1].isdigit()) for word in lexicon.SHORT_FORMS[w].split()]


def indexed_words(text: str) -> list[str]:
    """A sentence's words as the index reads them: its own, then the acronyms of the names it writes out and the
    words its short forms stand for."""
    tokens = words(text)
    return tokens + [acronym for _, acronym in written_out(tokens)] + [word for _, word in spelled_out(tokens)]


def annotate(text: str, names: frozenset[str], known_people: frozenset[str],
             known_places: frozenset[str]) -> Annotation:
    """The answer spans of one sentence (numbers, dates, people, places, organisations, causes, quotes)."""
    tokens = tokenize(text)
    spans: list[Found] = []
    dates = _dates(tokens)
    spans += dates
    taken = {i for d in dates for i in range(d.first, d.last + 1)}
    spans += _numbers(tokens, taken)
    spans += _durations(tokens)
    spans += _names(tokens, names, known_people, known_places)
    spans += _roles(tokens)
    spans += _causes(tokens)
    spans += _quotes(tokens)
    annotation = Annotation(tokens, tuple(spans))
    lowered = [t.lower for t in tokens]
    for i, word in written_out(lowered) + spelled_out(lowered):
        term = stem(word)
        annotation.where[term] = (*annotation.where.get(term, ()), i)
    return annotation


def _span(kind: Span, tokens: tuple[Token, ...], first: int, last: int, strength: float = 1.0) -> Found:
    return Found(kind, first, last, frozenset(t.stem for t in tokens[first:last + 1]), strength)


_CLOCK = re.compile(r"\d{1,2}:\d{2}")


def _dates(tokens: tuple[Token, ...]) -> list[Found]:
    found = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        low = t.lower
        day_before = i > 0 and tokens[i - 1].lower.isdigit()
        day_after = i + 1 < n and tokens[i + 1].lower[:1].isdigit()
        if low in MONTHS and t.capital and (len(low) > 4 or low == "june" or day_before or day_after):
            first, last = i, i  # "Mar Mikhael" is a place, "May" a verb: short forms need a day or year
            if day_before:
                first = i - 1
            if day_after:
                last = i + 1
                if i + 2 < n and YEAR_TOKEN.match(tokens[i + 2].lower):
                    last = i + 2
            found.append(_span(Span.DATE, tokens, first, last))
        elif low in WEEKDAYS or low in _RELATIVE_DAYS:
            found.append(_span(Span.DATE, tokens, i, i))
        elif YEAR_TOKEN.match(low) and "," not in t.text and not (i + 1 < n and tokens[i + 1].lower in TIME_UNITS):
            found.append(_span(Span.DATE, tokens, i, i))
        elif _CLOCK.fullmatch(low):  # "11:15 —" in a live blog: a time of day, not a count
            found.append(_span(Span.DATE, tokens, i, i, 0.5))
        elif low[:1].isdigit() and i + 1 < n and tokens[i + 1].lower in _TIME_OF_DAY:
            found.append(_span(Span.DATE, tokens, i, i + 1))
        elif low[:1].isdigit() and [x.lower for x in tokens[i + 1:i + 3]] in (["p", "m"], ["a", "m"]):
            found.append(_span(Span.DATE, tokens, i, i + 2))  # "shortly before 11 p.m.": a time of day
        elif (low[:1].isdigit() or low in _CLOCK_WORDS) and [x.lower for x in tokens[i + 1:i + 4]] in _PART_OF_DAY:
            found.append(_span(Span.DATE, tokens, i, i + 3))  # "at eleven in the morning"
        elif (low[:1].isdigit() or low in _CLOCK_WORDS) and [x.lower for x in tokens[i + 1:i + 3]] == ["at", "night"]:
            found.append(_span(Span.DATE, tokens, i, i + 2))  # "from eleven at night"
        elif low in ("later", "earlier", "ago", "afterwards") and i >= 2 and tokens[i - 1].lower in TIME_UNITS:
            found.append(_span(Span.DATE, tokens, i - 2, i))
        elif low in ("week", "month", "year", "weekend", "day", "evening", "morning", "night", "afternoon") and i \
                and tokens[i - 1].lower in ("last", "this", "next", "that", "same", "previous", "following"):
            found.append(_span(Span.DATE, tokens, i - 1, i, 0.5))
    return found


_DAY_PARTS = frozenset("morning afternoon evening night".split())


def is_time_of_day(tokens: tuple[Token, ...], span: Found) -> bool:
    """"11 p.m.", "23:00", "seven in the morning", "eleven at night": a date span that is an hour, not a day."""
    told = [t.lower for t in tokens[span.first:span.last + 1]]
    return any(_CLOCK.fullmatch(t) or t in _TIME_OF_DAY or t in _DAY_PARTS for t in told) or (
        "m" in told and ("a" in told or "p" in told))  # "p.m." is read as "p", "m"


def _numbers(tokens: tuple[Token, ...], taken: set[int]) -> list[Found]:
    found = []
    for i, t in enumerate(tokens):
        if i in taken or t.glued_before:  # "Il-76", "COVID-19": part of a name
            continue
        if t.lower[:1].isdigit() or t.lower in _COUNT_WORDS:
            found.append(_span(Span.NUMBER, tokens, i, min(i + 1, len(tokens) - 1)))
    return found


def _durations(tokens: tuple[Token, ...]) -> list[Found]:
    found = []
    for i in range(1, len(tokens)):
        lead = tokens[i - 1]
        if tokens[i].lower in TIME_UNITS and (lead.lower[:1].isdigit() or lead.lower in _DURATION_LEAD):
            if not (lead.glued_after and i + 1 < len(tokens) and tokens[i + 1].lower == "old"):  # "81-year-old"
                found.append(_span(Span.DURATION, tokens, i - 1, i))
    return found


def _names(tokens: tuple[Token, ...], names: frozenset[str], known_people: frozenset[str],
           known_places: frozenset[str]) -> list[Found]:
    """Runs of capitalised words: people (after a title, known speakers, two-word names), places, organisations."""
    found = []
    i, n = 0, len(tokens)
    while i < n:
        if not _starts_name(tokens, i, names, known_places):
            i += 1
            continue
        j = i
        while j + 1 < n and not _possessive(tokens[j]) and _adjacent(tokens[j], tokens[j + 1]) and (
                tokens[j + 1].capital or (tokens[j + 1].lower in _PARTICLES and j + 2 < n and tokens[j + 2].capital)):
            j += 1
        found += _classify_run(tokens, i, j, known_people, known_places)
        i = j + 1
    return found


def _adjacent(a: Token, b: Token) -> bool:
    """Nothing but a space or a hyphen between two words: "Organization (CSTO), Kassym-Jomart Tokayev" is two
    names and a bracket, not one name."""
    return b.start - (a.start + len(a.text)) <= 1


def _possessive(token: Token) -> bool:
    """"Al Jazeera’s Robin Forestier-Walker": a possessive ends one name, the next begins."""
    return token.text.endswith(("'s", "’s"))


def _starts_name(tokens: tuple[Token, ...], i: int, names: frozenset[str], known_places: frozenset[str]) -> bool:
    t = tokens[i]
    if not t.capital or not t.text[:1].isalpha() or t.lower in STOP_WORDS or t.lower in MONTHS or t.lower in WEEKDAYS:
        return False
    if i == 0 or tokens[i - 1].text in _QUOTE_MARKS:  # sentence-initial: a name only if the articles say so
        return t.stem in names or t.stem in known_places or t.text.isupper() or (
            i + 1 < len(tokens) and tokens[i + 1].capital)
    return True


# After a name, these make it an organisation's, where "police" or "offices" would not: "the Almaty police"
_ORG_AFTER = frozenset("party company corporation fund foundation bank agency institute association airlines "
                       "network group movement".split())


def _classify_run(tokens: tuple[Token, ...], i: int, j: int, known_people: frozenset[str],
                  known_places: frozenset[str]) -> list[Found]:
    run = tokens[i:j + 1]
    lowers = [t.lower for t in run]
    if any(w in ORG_WORDS for w in lowers) or (j + 1 < len(tokens) and tokens[j + 1].lower in _ORG_AFTER):
        return [_span(Span.ORG, tokens, i, j)]  # "the Nur Otan party", "the Samruk-Kazyna fund": an organisation
    if any(w in _PLACE_WORDS for w in lowers):
        return [_span(Span.PLACE, tokens, i, j)]
    if i and tokens[i - 1].lower in ORG_HEADS:  # "the Japanese firm Shoei Kisen Kaisha", "company Boskalis"
        return [_span(Span.ORG, tokens, i, j)]
    titled = [k for k, w in enumerate(lowers) if w in TITLES]
    if titled and titled[-1] < len(run) - 1:  # "Russian President Vladimir Putin": the name follows the title
        return [_span(Span.PERSON, tokens, i + titled[-1] + 1, j)]
    if all(t.text.isupper() and len(t.text) > 1 for t in run):
        return [_span(Span.ORG, tokens, i, j)]
    stems = {t.stem for t in run}
    if stems & known_people or (i and tokens[i - 1].lower in TITLES):
        return [_span(Span.PERSON, tokens, i, j)]
    if stems & known_places or (i and tokens[i - 1].lower in ("in", "at", "from", "near", "across", "to")) or (
            i > 1 and tokens[i - 1].lower == "of" and tokens[i - 2].lower in _PLACE_NOUNS_BEFORE_OF):  # not any
        # "of": "a nephew of Nazarbayev", "the head of Atameken"; but "the suburb of Kalkaman", "the town of Aktau"
        return [_span(Span.PLACE, tokens, i, j)]
    if len(run) >= 2 and not is_demonym(lowers[0]):  # two capitalised words: most often a name
        return [_span(Span.PERSON, tokens, i, j, 1.0 if _introduced(tokens, j) else 0.4)]
    return [_span(Span.ORG, tokens, i, j, 0.5)]


def _introduced(tokens: tuple[Token, ...], j: int) -> bool:
    """A name followed by what news uses to introduce a person: a speech verb, or "(,) a/the/who/54"."""
    if j + 1 >= len(tokens):
        return False
    after = tokens[j + 1].lower
    return after in SPEECH_VERBS or after in ("who", "whose", "a", "an", "the") or after[:1].isdigit()


ROLE_WORDS = TITLES | frozenset("leader boss official officials commander spokesperson analyst expert journalist "
                                "reporter correspondent".split())


def _roles(tokens: tuple[Token, ...]) -> list[Found]:
    """Lower-case titles ("the Kazakh president", "its president"): a person described, not named."""
    return [_span(Span.ROLE, tokens, i, i) for i, t in enumerate(tokens) if not t.capital and t.lower in ROLE_WORDS]


def _not_causal(tokens: tuple[Token, ...], i: int) -> bool:
    """"led the country", "since 2014", "so many": the cause words that here say something else."""
    word = tokens[i].lower
    after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if word == "led":
        return after != "to"
    if word == "since":
        return after[:1].isdigit() or after in MONTHS or after in ("then", "the", "last", "early", "late")
    if word == "so":
        return tokens[i - 1].text != "," if i else True
    if word in ("drove", "driven"):  # "as he drove home past the airport": a car, not a cause
        before = tokens[i - 1].lower if i else ""
        return before in _DRIVERS or after in _WAYS
    if word in ("after", "following"):  # "after almost three decades in charge": a time, not a cause
        ahead = [t.lower for t in tokens[i + 1:i + 5]]
        return any(w[:1].isdigit() or w in MONTHS or w in _TIME_UNITS for w in ahead)
    return False


_DRIVERS = frozenset("he she they we i you who".split())
_WAYS = frozenset("home past through across back away off along into out around towards toward".split())
_TIME_UNITS = frozenset("decade decades year years month months week weeks day days hour hours minutes".split())


def _causes(tokens: tuple[Token, ...]) -> list[Found]:
    found = []
    for i, t in enumerate(tokens):
        if t.lower in CAUSE_STRONG and _not_causal(tokens, i):
            continue
        if t.lower in CAUSE_STRONG:
            found.append(_span(Span.CAUSE, tokens, i, len(tokens) - 1))
        elif t.lower in CAUSE_WEAK and i and not _not_causal(tokens, i):
            found.append(_span(Span.CAUSE, tokens, i, len(tokens) - 1, 0.5))
    return found


def _quotes(tokens: tuple[Token, ...]) -> list[Found]:
    found = []
    marks = [i for i, t in enumerate(tokens) if t.text in _QUOTE_MARKS]
    if len(marks) >= 2:
        found.append(_span(Span.QUOTE, tokens, marks[0], marks[-1]))
    for i, t in enumerate(tokens):
        if t.lower in SPEECH_VERBS:
            found.append(_span(Span.QUOTE, tokens, i, i, 0.5))
    return found
