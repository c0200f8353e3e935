"""How well one candidate sentence answers one question: the features the confidence model weighs.

Lexical overlap alone cannot tell "225 people were killed" from an answer to "how many Russians
died?". So beside coverage, each candidate is checked against the question's shape
(``bot.qtype``): are the names the question is about in the sentence (or its paragraph)? Does it
hold an answer of the wanted type that the question does not already contain (a number, a date,
a person, a cause, a definition of the subject, a quotation from the subject), and is that
answer close to the words the question is about? ``bot.confidence`` turns these into a
probability learned on the tune half of the question bank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.crosslingual import is_cyrillic
from bot.features import MONTHS, WEEKDAYS, YEAR_TOKEN, Annotation, Found, Span, is_demonym, is_time_of_day
from bot.lexicon import COUNTRY_NAMES
from bot.qtype import AUXILIARIES, MEASURES, NUMBER_NOUNS, ROLE_NOUNS, AnswerType, Shape, asks_a_day
from bot.query import PARTITIVES, Query, TermGroup
from bot.question_reading import calendar_word, english_question_words
from bot.text import IRREGULAR, STOP_WORDS, stem, words

NEAR = {Span.NUMBER: 5, Span.DATE: 10, Span.DURATION: 10, Span.PERSON: 8, Span.PLACE: 8, Span.ORG: 8, Span.ROLE: 8}
LOCATED_REACH = 16
PARTITIVE_REACH = 9
TYPE_NAMES = tuple(t.value for t in AnswerType)
FEATURE_NAMES = ("bias", "coverage_ok", "coverage_bad", "own_ok", "own_bad", "anchor_missing", "anchor_context",
                 "anchor_article", "scope_conflict", "missing_known", "rest_own", "head_missing",
                 "type_found", "type_near", "rel_score", "first", "inv_groups", "missing_event",
                 *(f"is_{t}" for t in TYPE_NAMES), "yesno_denies", "missing_covered")
# A yes/no question is answered yes by a sentence that says what it asks, and no by one that says otherwise:
# "The judge rejected the torture claims", "the internet has not been restored everywhere". A trap's sentence
# is about the same thing without saying either, and rarely with a denial or a contrast.
_DENIALS = frozenset("not no never nor neither denied denies deny rejected rejects refused refuses without "
                     "but although only".split())
_COUNTRY_WORDS = frozenset("country country's country’s nation nation's nation’s".split())
_SCOPE_WORDS = frozenset("nationwide countrywide worldwide national".split())
_ACROSS = frozenset("across throughout around over".split())
_PRONOUNS = frozenset("he she they his her their him them it its".split())
PERSONAL_PRONOUNS = frozenset("he she his her him".split())
_SPELLING_OUT = re.compile(r"\b(?:stand|stands|short) for\b|abbreviat|acronym", re.IGNORECASE)
_APPOSITION_WORDS = frozenset("a an the who which whose or known".split())
# Nouns that say who someone is when they stand before the name: "Nazarbayev's nephew Samat Abish", "jazz pianist
# Vikram Ruzakhunov" (titles and roles aside, which ``ROLE_NOUNS`` has).
DESCRIBING_NOUNS = frozenset("""
nephew niece son daughter brother sister wife husband father mother uncle aunt cousin grandson granddaughter
son-in-law daughter-in-law brother-in-law widow
lawyer driver courier teacher worker pianist musician singer artist writer author poet blogger activist
economist researcher scientist scholar historian academic doctor nurse student businessman businesswoman
entrepreneur farmer miner engineer officer soldier pilot banker trader investor diplomat politician lawmaker
deputy candidate opposition dissident protester resident witness victim survivor detainee prisoner
operator company firm lender bank app airline carrier producer broadcaster channel outlet newspaper agency regulator
exchange fund alliance bloc party movement group network organisation organization
""".split())


@dataclass(frozen=True)
class Match:
    """How a question's groups meet one sentence: best weight per group in it, and in its context."""

    own: tuple[float, ...]
    context: tuple[float, ...]
    positions: dict[int, list[int]]  # group index -> token positions in the sentence


def match(query: Query, annotation: Annotation, context_stems: set[str], resolved: set[str]) -> Match:
    """``resolved``: names the sentence refers to by a pronoun ("she was born in Karaganda"), which count
    as if the sentence named them."""
    own, context, positions = [], [], {}
    where = annotation.where
    for gi, group in enumerate(query.groups):
        best = found_context = 0.0
        for term, w in group.alternatives.items():
            if term in where or term in resolved:
                best = max(best, w)
                if w >= 0.5 and term in where:
                    positions.setdefault(gi, []).extend(where[term])
            if term in context_stems:
                found_context = max(found_context, w)
        own.append(best)
        context.append(found_context)
    return Match(tuple(own), tuple(context), positions)


def features(query: Query, shape: Shape, weights: list[float], annotation: Annotation, context_stems: set[str],
             article_stems: frozenset[str], resolved: set[str], text: str, coverage: float, rel_score: float,
             first: bool, vocabulary: dict[str, float], places: frozenset[str]) -> list[float]:
    """The feature vector (``FEATURE_NAMES``) of one candidate sentence.

    Coverage counts twice: once where the sentence holds an answer of the wanted type near the
    question's focus (or the question wants no particular type), once where it does not; so the
    model can learn that words in common without the answer are worth little.
    """
    m = match(query, annotation, context_stems, resolved)
    total = sum(weights) or 1.0
    own = sum(w * s for w, s in zip(weights, m.own, strict=True)) / total
    found, near = type_evidence(query, shape, annotation, m, resolved, text)
    untyped = shape.atype in (AnswerType.YESNO, AnswerType.OTHER)
    ok = 1.0 if untyped else found * near
    anchors = shape.anchors
    missing = [g for g in anchors if m.own[g] < 0.8 and m.context[g] < 0.8]
    in_article = [g for g in missing if any(t in article_stems for t, w in query.groups[g].alternatives.items()
                                            if w >= 0.8)]
    in_context = [g for g in anchors if m.own[g] < 0.8 <= m.context[g]]
    # A missing word the articles use elsewhere suggests another sentence (or none) is about it. A word they never
    # use is no evidence either way: as a feature it learned to raise confidence (the bank's traps are written in
    # the articles' words, its paraphrases are not), and let "where was Serdyukov born?" through.
    unmatched = [g for g in range(len(weights))
                 if max(m.own[g], m.context[g]) < 0.5 and query.groups[g].strength >= 1.0]
    known = [weights[g] for g in unmatched if any(t in vocabulary for t in query.groups[g].alternatives)]
    rest = [g for g in range(len(weights)) if g not in anchors]  # what the question says about its names
    rest_total = sum(weights[g] for g in rest)
    rest_own = sum(weights[g] * m.own[g] for g in rest) / rest_total if rest_total else 1.0
    row = [1.0, coverage * ok, coverage * (1 - ok), own * ok, own * (1 - ok),
           len(missing) / len(anchors) if anchors else 0.0,
           len(in_context) / len(anchors) if anchors else 0.0,
           len(in_article) / len(anchors) if anchors else 0.0,
           1.0 if _scope_conflict(query, annotation, m, places, text) or _time_conflict(query, annotation)
           or _title_of_another_country(query, shape, annotation, places) or _ordinal_conflict(query, annotation)
           or _another_capital(query, shape, annotation, m)
           else 0.0,
           max(known, default=0.0) / max(weights, default=1.0),
           rest_own, 1.0 if _head_missing(query, shape, annotation, m, text) else 0.0,
           0.0 if untyped else found, 0.0 if untyped else near,
           rel_score, 1.0 if first else 0.0,
           1.0 / max(len(query.groups), 1),
           max(known, default=0.0) / max(weights, default=1.0) if shape.atype in _EVENT_TYPES else 0.0]
    row += [1.0 if shape.atype == t else 0.0 for t in AnswerType]
    row.append(1.0 if shape.atype == AnswerType.YESNO and _denies(annotation) else 0.0)
    row.append(row[_AT["missing_known"]] * own)  # all but a word the articles use elsewhere: a trap's mark
    return row


def _head_missing(query: Query, shape: Shape, annotation: Annotation, m: Match, text: str) -> bool:
    """The attribute asked ("the formula of") or the one whose name is asked ("the name of the economist") is not in
    the sentence, or the thing to name is there but not named ("a poem"); "which cities" may be answered by the
    cities' names alone."""
    which = query.text.lstrip().lower().startswith(("which", "wich"))
    return any(_unnamed(annotation, _itself(query.groups[g], annotation, m.positions.get(g, [])), text)
               or (not which and max(m.own[g], m.context[g]) < 0.8) for g in shape.head)


def _itself(group: TermGroup, annotation: Annotation, spots: list[int]) -> list[int]:
    """Where the word itself stands, not a synonym of it ("the prosecutor general's office" for "police")."""
    own = {term for term, w in group.alternatives.items() if w >= 1.0}
    return [p for p in spots if annotation.tokens[p].stem in own]


_INDEFINITE = frozenset("a an one another some several many few two three four five six seven eight nine ten".split())


def _unnamed(annotation: Annotation, spots: list[int], text: str) -> bool:
    """"Which poem did Aizhan read?" against "she read a poem in Kazakh", "which airfield" against "landed at an
    airfield near Almaty": the thing is there, but not which one. Named it is when a name follows it ("a firm
    called Nohpa", "a poem, Ana Tili") or it is a name's apposition ("Chevron, a US company")."""
    return bool(spots) and all((_indefinite(annotation, p) or _bare(annotation, p))
                               and not _named_by(annotation, p, text) for p in spots)


def _bare(annotation: Annotation, at: int) -> bool:
    """"Officers deleted his footage", "Western governments have questioned": the noun asked to be named opens the
    sentence with no determiner and no name, as a class, not as the one(s) asked about."""
    tokens = annotation.tokens
    return all(t.lower[:1].isalpha() and t.lower not in STOP_WORDS and not (i and t.capital)
               for i, t in enumerate(tokens[:at]))


def _indefinite(annotation: Annotation, at: int) -> bool:
    return any(_counting(t) for t in annotation.tokens[max(0, at - 3):at])


def _counting(token) -> bool:
    """An indefinite article or a count before a noun: "a poem", "three presidents", "2 airfields"."""
    return token.lower in _INDEFINITE or token.lower[:1].isdigit()


def _named_by(annotation: Annotation, at: int, text: str) -> bool:
    tokens = annotation.tokens
    if at + 1 < len(tokens) and (tokens[at + 1].capital or tokens[at + 1].lower in ("called", "named")):
        return True
    start = next((i for i in range(at - 1, -1, -1) if _counting(tokens[i])), 0)
    if start < 1:
        return False
    before = tokens[start - 1]
    return before.capital and "," in text[before.start + len(before.text):tokens[start].start]


def _denies(annotation: Annotation) -> bool:
    """A denial or a contrast in the sentence: "not", "never", "rejected", "didn't", "but", "only"."""
    return any(t.lower in _DENIALS or t.lower.endswith(("n't", "n’t")) for t in annotation.tokens)


# What the issue of answer quality asks outright: without the wanted type of answer, or about other
# names or another place than the question's, a sentence is at most a partial match. These factors
# scale the model's probability; calibrate applies them too, so the threshold accounts for them.
MISSING_TYPE_FACTOR = 0.35
FAR_TYPE_FACTOR = 0.7
MISSING_ANCHOR_FACTOR = 0.4  # all of the question's names missing; a share of them, proportionally less
SCOPE_FACTOR = 0.5
HEAD_FACTOR = 0.5  # "which poem", "the formula of": the thing asked to be named is not


_EVENT_TYPES = frozenset({AnswerType.DATE, AnswerType.DURATION})  # "when did the troops arrive": the event is essential
_AT = {name: i for i, name in enumerate(FEATURE_NAMES)}


def gate(row: list[float] | tuple[float, ...]) -> float:
    """The factor by which a candidate's probability is scaled for missing type, names or scope."""
    factor = 1.0
    typed = not (row[_AT["is_yesno"]] or row[_AT["is_other"]])
    if typed and row[_AT["type_found"]] == 0:
        factor *= MISSING_TYPE_FACTOR
    elif typed and row[_AT["type_near"]] == 0:
        factor *= FAR_TYPE_FACTOR
    factor *= 1 - (1 - MISSING_ANCHOR_FACTOR) * row[_AT["anchor_missing"]]
    factor *= 1 - (1 - HEAD_FACTOR) * row[_AT["head_missing"]]
    if row[_AT["scope_conflict"]]:
        factor *= SCOPE_FACTOR
    return factor


_NOW = frozenset("now currently current today still presently".split())
_THEN = frozenset("former ex previous then erstwhile late".split())


_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth last".split())


def _ordinal_conflict(query: Query, annotation: Annotation) -> bool:
    """"When was the second devaluation?" against "since 2014, when the first devaluation …": another one;
    "the second largest city" against "the country's largest city"."""
    question = _asked_words(query.text)
    asked = _ORDINALS.intersection(question)
    if not asked:
        return False
    told = {t.lower for t in annotation.tokens} & _ORDINALS
    if asked and told:
        return not asked & told
    ranked = {b for a, b in zip(question, question[1:], strict=False) if a in asked - {"first"}}  # "second largest"
    tokens = annotation.tokens
    return any(t.lower in ranked and (i == 0 or tokens[i - 1].lower not in asked) for i, t in enumerate(tokens))


def _another_capital(query: Query, shape: Shape, annotation: Annotation, m: Match) -> bool:
    """"What is the capital of Australia?" against "Shops in the capital, Nuku'alofa, filled with people sending
    messages to relatives in New Zealand, Australia …": the country asked is named, but not as the capital's."""
    if "capital" not in _plain_words(query.text) and not (  # "Какая столица у Австралии?" as well
            is_cyrillic(query.text) and any(g.alternatives.get(_CAPITAL, 0.0) >= 0.9 for g in query.groups)):
        return False
    capitals = [i for i, t in enumerate(annotation.tokens) if t.lower in ("capital", "capitals")]
    named = [p for g in shape.anchors for p in m.positions.get(g, [])]
    return bool(capitals) and bool(named) and all(abs(p - c) > CAPITAL_REACH for p in named for c in capitals)


CAPITAL_REACH = 3  # "the capital of Tonga", "Tonga's capital", "the Tongan capital"
_CAPITAL = stem("capital")


def _time_conflict(query: Query, annotation: Annotation) -> bool:
    """"Who heads the KNB now?" against "Massimov, the former head of the KNB": the present asked, the past
    told; "inflation in 2020?" against "8 percent in 2021": another year."""
    asked = _asked_words(query.text)
    if not _NOW.isdisjoint(asked) and any(t.lower in _THEN for t in annotation.tokens):
        return True
    years = {t for t in asked if YEAR_TOKEN.match(t)}
    if not years:
        return False
    told = {t.lower for t in annotation.tokens if YEAR_TOKEN.match(t.lower)}
    return bool(told) and not years & told


def _scope_conflict(query: Query, annotation: Annotation, m: Match, places: frozenset[str], text: str) -> bool:
    """The question is about a place the sentence does not name, and the sentence speaks of another
    place or of the whole country ("detained in Almaty?" against "detained nationwide")."""
    wanted = [g for g, group in enumerate(query.groups)
              if m.own[g] < 0.8 and any(t in places for t, w in group.alternatives.items() if w >= 0.8)]
    if not wanted:
        return False
    lower = [t.lower for t in annotation.tokens]
    if any(lower[i] in _ACROSS and lower[i + 1:i + 3] in (["the", "country"], ["the", "nation"])
           for i in range(len(lower) - 2)):
        return True  # "3,811 people detained across the country" against "detained in Almaty?"
    if all(m.context[g] >= 0.8 for g in wanted) and any(t.lower in _COUNTRY_WORDS for t in annotation.tokens):
        return False  # "the country's largest city" in an article about Kazakhstan: the country asked about
    national = any(t.lower in _NATIONAL and not t.capital for t in annotation.tokens)  # not "National Guard"
    if national and all(m.context[g] >= 0.8 and _a_country(query.groups[g]) for g in wanted) and not any(
            s.kind == Span.PLACE for s in annotation.spans):
        return False  # "the first national referendum since 1995" in an article about Kazakhstan: its own
    return any(s.kind == Span.PLACE and not _possessive(annotation, s, text) for s in annotation.spans) or any(
        t.lower in _SCOPE_WORDS for t in annotation.tokens)


_NATIONAL = frozenset("national nationwide countrywide".split())
_COUNTRIES = frozenset(stem(c) for c in COUNTRY_NAMES)


def _a_country(group: TermGroup) -> bool:
    return any(t in _COUNTRIES for t, w in group.alternatives.items() if w >= 0.8)


def _possessive(annotation: Annotation, span: Found, text: str) -> bool:
    """"Kazakhstan's busiest airport": the place describes the thing, it does not say where it happened."""
    last = annotation.tokens[span.last]
    end = last.start + len(last.text)
    return last.text.endswith(("'s", "’s")) or text[end:end + 2] in ("'s", "’s")


def _title_of_another_country(query: Query, shape: Shape, annotation: Annotation, places: frozenset[str]) -> bool:
    """"Who was the previous president of Kazakhstan?" against "Russian President Vladimir Putin": the title
    the question asks for, held in the sentence for another country."""
    if not shape.role:
        return False
    asked = {t for g in query.groups for t, w in g.alternatives.items() if w >= 0.8}
    if asked.isdisjoint(places):
        return False  # "the Russian president": "Russian" is asked even where the place is "Russia"
    tokens = annotation.tokens
    for i, t in enumerate(tokens[1:], 1):
        country = tokens[i - 1]
        if t.stem in shape.role and country.capital and (is_demonym(country.lower) or country.stem in places):
            if country.stem not in asked:
                return True
    return False


def _question_stems(query: Query) -> set[str]:
    return {t for g in query.groups for t in g.alternatives}


def _distance(span: Found, positions: list[int]) -> int:
    if not positions:
        return 1_000
    return min(0 if span.first <= p <= span.last else min(abs(p - span.first), abs(p - span.last))
               for p in positions)


ATTRIBUTE_REACH = 8


def _reach(annotation: Annotation, at: int) -> int:
    """How far after the thing counted its number may stand: further after an attribute that takes a verb before
    its figure ("inflation in Kazakhstan had reached about 8 percent") than after a counted noun ("2,030 troops")."""
    tokens = annotation.tokens
    measured = at >= 2 and tokens[at - 1].lower == "of" and tokens[at - 2].lower in MEASURES  # "a litre of LPG that
    return ATTRIBUTE_REACH if tokens[at].lower in NUMBER_NOUNS or measured else 5           # had cost about 60"


def _counted_reach(annotation: Annotation, number: Found) -> int:
    """How far before the thing counted its number may stand: further before a partitive ("about 1,400 members
    of the United Port Workers' Union")."""
    after = [t.lower for t in annotation.tokens[number.first + 1:number.last + 3]]
    partitive = any(a in PARTITIVES and b == "of" for a, b in zip(after, after[1:], strict=False))
    return PARTITIVE_REACH if partitive else 5


def type_evidence(query: Query, shape: Shape, annotation: Annotation, m: Match, resolved: set[str],
                  text: str) -> tuple[float, float]:
    """(found, near): an answer of the wanted type new to the question, and how close it is to the focus."""
    atype = shape.atype
    asked = _question_stems(query)
    focus = [p for g, ps in m.positions.items() for p in ps]
    if atype == AnswerType.DURATION:
        return _duration_evidence(annotation, asked, focus, shape.length, shape.lasting)
    if atype == AnswerType.NUMBER and _asks_age(query) and shape.anchors:
        named = [p for g in shape.anchors for p in m.positions.get(g, [])]
        return _age_evidence(annotation, named, text)
    if atype in (AnswerType.NUMBER, AnswerType.DATE):
        kind = Span.NUMBER if atype == AnswerType.NUMBER else Span.DATE
        spans = [s for s in annotation.spans if s.kind == kind and annotation.tokens[s.first].stem not in asked]
        if atype == AnswerType.NUMBER and _asks_distance(query):  # "how deep": "350 metres", not "11 workers"
            spans = [s for s in spans if annotation.tokens[s.last].lower in _LENGTH_UNITS]
        if atype == AnswerType.NUMBER and _asks_money(query):  # "how much were they worth": "$1,800", not "300 roses"
            spans = [s for s in spans if _is_money(annotation, text, s)]
        if atype == AnswerType.DATE:
            spans = [s for s in spans if not _another_month(query, annotation, s)]
            if asks_a_day(query.text):  # "on what day": "on 29 October", not "in October 2020"
                spans = [s for s in spans if _names_a_day(annotation, s)]
        if atype == AnswerType.DATE and _asks_hours(query):  # "curfew hours": "from 11 p.m. to 7 a.m.", not "23:10"
            hours = [s for s in spans if is_time_of_day(annotation.tokens, s)]
            return (1.0, 1.0 if focus else 0.0) if len(hours) >= 2 else (0.0, 0.0)
        if not spans:
            return 0.0, 0.0
        target = [p for g in shape.target for p in m.positions.get(g, [])] if atype == AnswerType.NUMBER else []
        if atype == AnswerType.NUMBER and _counts_people(query, shape):
            target += [i for i, t in enumerate(annotation.tokens) if t.lower in _PEOPLE]
        near = 0.0
        counted = [s for s in spans if any(-_reach(annotation, p) <= p - s.first <= _counted_reach(annotation, s)
                                           and _same_clause(text, annotation, p, s.first) for p in target)
                   and not _counts_something_else(query, shape, annotation, m, text, s)
                   and not (_asks_how_many(query) and _counts_its_own_noun(annotation, s, target, asked))]
        if target and counted:
            near = 1.0  # "2,030 soldiers", "30,000 cubic metres of sand": the number stands by the thing counted
        elif not target and any(_distance(s, focus) <= NEAR[s.kind] for s in spans
                                if atype == AnswerType.NUMBER or _dates_the_event(shape, annotation, m, text, s)):
            near = 0.5 if shape.target else 1.0  # the thing counted is not named here: near the question's words
        if atype == AnswerType.DATE and _asks_clock(query):  # "at what time": "11:30 —" answers in full
            return max(1.0 if is_time_of_day(annotation.tokens, s) else s.strength for s in spans), near
        return max(s.strength for s in spans), near
    if atype in (AnswerType.PERSON, AnswerType.PLACE, AnswerType.NAME):
        found, near = _entity_evidence(shape, annotation, asked, focus, text)
        if atype == AnswerType.PERSON and (_agent_untold(query, annotation, m) or _a_lower_rank(query, annotation, m)):
            return found, 0.0
        if atype == AnswerType.PERSON and not found and resolved - asked and annotation.tokens and \
                annotation.tokens[0].lower in PERSONAL_PRONOUNS:  # "He also takes over ...": the one named before
            return 0.7, 1.0
        return found, near
    if atype == AnswerType.REASON:
        causes = annotation.of(Span.CAUSE)
        if not causes:
            return 0.0, 0.0
        explaining = [c for c in causes if _explains(annotation, c, asked) and not _asked_is_the_cause(m, c)]
        if len(explaining) < len(causes):
            return max(c.strength for c in causes), 0.0  # "began over a fuel price rise": what is asked is a cause
        return max(c.strength for c in explaining), 1.0
    if atype == AnswerType.DEFINITION:
        return _definition_evidence(query, shape, annotation, m, text)
    if atype == AnswerType.QUOTE:
        quotes = annotation.of(Span.QUOTE)
        if not quotes:
            return 0.0, 0.0
        subject = shape.subject or shape.anchors
        strength = max(q.strength for q in quotes)
        if any(m.own[g] < 0.8 for g in shape.anchors - subject) or any(m.own[g] < 0.8 for g in shape.target):
            return strength, 0.0  # "what did X say about Putin (oil prices)": a quotation not naming them is not that
        if subject and all(m.own[g] >= 0.8 for g in subject):
            return strength, 1.0 if _speaks(quotes, subject, m, text, annotation) else 0.0
        pronoun = any(t.lower in _PRONOUNS for t in annotation.tokens[:12])
        in_context = all(max(m.own[g], m.context[g]) >= 0.8 for g in subject)
        return strength, 0.5 if pronoun and in_context and not resolved else 0.0  # "he" is someone else
    return 0.0, 0.0


_MONTH_NAMES = frozenset(m for m in MONTHS if not any(o != m and o.startswith(m) for o in MONTHS))  # no "jan"


def _dates_the_event(shape: Shape, annotation: Annotation, m: Match, text: str, date: Found) -> bool:
    """"When was Nazarbayev given the title of Elbasy?" against "… after handing over the presidency in March 2019,
    including the title of Elbasy": the date shares its clause with none of what the question says happened."""
    event = [p for g, ps in m.positions.items() if g not in shape.anchors for p in ps]
    end = annotation.tokens[date.last].start + len(annotation.tokens[date.last].text)
    return not event or _sets_the_scene(annotation, text, date.first) or _WHEN_AFTER.match(text, end) is not None \
        or any(_same_clause(text, annotation, p, date.first) for p in event)


_WHEN_AFTER = re.compile(r",? when\b")  # "peaked on January 5, when crowds … stormed the akimat": that day's events


def _month(word: str) -> str:
    """"jan", "sept" -> "january", "september"; any other word as it is."""
    return next((m for m in _MONTH_NAMES if len(word) >= 3 and m.startswith(word.rstrip("."))), word)


def _names_a_day(annotation: Annotation, span: Found) -> bool:
    """A day of the month or of the week in a date: "29 October", "on Friday", not "October 2020"."""
    return any(t.lower in WEEKDAYS or t.lower.isdigit() and 1 <= int(t.lower) <= 31 or _ORDINAL_DAY.fullmatch(t.lower)
               for t in annotation.tokens[span.first:span.last + 1])


_ORDINAL_DAY = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)")


def _another_month(query: Query, annotation: Annotation, span: Found) -> bool:
    """"On what day in October …?" against "signed it on November 2": a date, but in another month."""
    asked_words = _asked_words(query.text)
    asked = {_month(w) for i, w in enumerate(asked_words) if w != "may" or (i and asked_words[i - 1] in ("in", "of"))}
    asked &= _MONTH_NAMES  # "in May", not "may the troops stay"
    told = {_month(t.lower) for t in annotation.tokens[span.first:span.last + 1]} & _MONTH_NAMES
    return bool(asked) and bool(told) and not asked & told


def _counts_something_else(query: Query, shape: Shape, annotation: Annotation, m: Match, text: str,
                           span: Found) -> bool:
    """A number beside the thing counted, but what the question says of it (what was done, by whom, on what
    day, which of it) stands in another clause of the sentence: the number counts something else."""
    return _done_elsewhere(query, shape, annotation, m, text, span) or \
        _named_elsewhere(shape, annotation, m, text, span) or _dated_elsewhere(query, annotation, text, span) or \
        _modified_elsewhere(shape, annotation, m, text, span)


_SCALE = frozenset("hundred hundreds thousand thousands million millions billion billions dozen dozens".split())


def _asks_how_many(query: Query) -> bool:
    """"How many gun shops", "how many of the dead": a thing counted; not "how many died" (people, in any word)."""
    asked = _plain_words(query.text)
    return any(a == "how" and b == "many" and c not in AUXILIARIES and c not in IRREGULAR and not c.endswith("ed")
               for a, b, c in zip(asked, asked[1:], asked[2:], strict=False))


def _counts_its_own_noun(annotation: Annotation, number: Found, target: list[int], asked: set[str]) -> bool:
    """"How many gun shops were looted?" against "hundreds of weapons looted from gun shops": the noun the number
    stands before is what it counts, and the question does not name it ("19 members of the police" still counts them,
    "243 criminal cases of torture" the torture cases)."""
    tokens = annotation.tokens
    at = number.first + 1  # a number's span takes in the word after it
    while at < len(tokens) and (tokens[at].lower in _SCALE or tokens[at].lower[:1].isdigit()):
        at += 1  # "1.5 million people"
    if at < len(tokens) and tokens[at].lower == "of":
        at += 1
    phrase = []
    while at < len(tokens) and len(phrase) < 3:
        word = tokens[at].lower
        if not word.isalpha() or word in STOP_WORDS or word in IRREGULAR or word.endswith("ed") or word in AUXILIARIES:
            break
        phrase.append(at)
        at += 1
    if not phrase or tokens[phrase[0]].lower in PARTITIVES | MEASURES | _LENGTH_UNITS:
        return False
    return not set(phrase) & set(target) and not any(tokens[i].stem in asked for i in phrase)


def _elsewhere(spots: list[int], annotation: Annotation, text: str, span: Found) -> bool:
    """Some of these positions, none of them in the clause of ``span``."""
    return bool(spots) and not any(_same_clause(text, annotation, p, span.first) for p in spots)


def _done_elsewhere(query: Query, shape: Shape, annotation: Annotation, m: Match, text: str, span: Found) -> bool:
    """"How many people were tortured?" against "10,000 people were detained nationwide, and rights groups
    reported allegations of torture": what the question says was done to them is in the sentence, but in
    another clause than the number."""
    done = [g for g, group in enumerate(query.groups) if g not in shape.target and g not in shape.anchors
            and group.strength >= 1.0 and _is_participle(group.word) and m.positions.get(g)]
    return _elsewhere([p for g in done for p in m.positions[g]], annotation, text, span)


def _named_elsewhere(shape: Shape, annotation: Annotation, m: Match, text: str, span: Found) -> bool:
    """"How many soldiers did Tajikistan send?" against "Armenia says it will send about 100 soldiers, and
    Tajikistan and Kyrgyzstan are also sending contingents": the name asked is in another clause, and the
    number's own clause names someone else."""
    spots = [p for g in shape.anchors for p in m.positions.get(g, [])]
    if not spots or any(_same_clause(text, annotation, p, span.first) for p in spots):
        return False
    return any(s.kind in (Span.PLACE, Span.PERSON, Span.ORG) and _same_clause(text, annotation, s.first, span.first)
               for s in annotation.spans)


def _dated_elsewhere(query: Query, annotation: Annotation, text: str, span: Found) -> bool:
    """"How many people died on Monday?" against "After more than 160 people died …, its president on Monday
    described …": the day asked belongs to another clause than the number."""
    days = _CALENDAR.intersection(_asked_words(query.text))
    spots = [i for i, t in enumerate(annotation.tokens) if t.lower in days]
    if any(_sets_the_scene(annotation, text, i) for i in spots):
        return False
    return _elsewhere(spots, annotation, text, span)


OPENING_PHRASE = 6  # tokens: a shorter phrase before the first comma sets the scene for the sentence
_SCENE = frozenset("in on by after before since during until at as".split())


def _sets_the_scene(annotation: Annotation, text: str, i: int) -> bool:
    """A date in the sentence's opening phrase dates all of it: "In a referendum held on June 5, some 77 percent
    …", "January 2: Residents … gather"."""
    tokens = annotation.tokens
    opening = tokens[0].lower in _SCENE or tokens[0].lower in _CALENDAR or \
        not _same_clause(text, annotation, 0, min(len(tokens) - 1, OPENING_PHRASE))  # "Late on January 5, …"
    return opening and _same_clause(text, annotation, 0, i)


_CALENDAR = frozenset(WEEKDAYS) | _MONTH_NAMES


def _modified_elsewhere(shape: Shape, annotation: Annotation, m: Match, text: str, span: Found) -> bool:
    """"What is the median monthly wage?" against "The average nominal monthly wage was around 250,000 tenge,
    but the median was far lower": the word saying which one is asked stands in another clause."""
    return any(_elsewhere(m.positions.get(g, []), annotation, text, span) for g in shape.modifiers)


def _is_participle(word: str) -> bool:
    """A past tense or participle: "tortured", "sent"; Russian "пытали", "задержаны"."""
    if _CYRILLIC_PAST.search(word):
        return True
    return (word.endswith("ed") and len(word) > 4) or (word in IRREGULAR and IRREGULAR[word] != word)


_CYRILLIC_PAST = re.compile(r"^[а-яё]{3,}(?:ли|ла|ло|ны|ты)$")


_MONEY_ASKED = frozenset("worth pay paid pays spend spent spends earn earned earns cost costs charge charged owe owed "
                         "money cash".split())
_CURRENCIES = frozenset("tenge dollar dollars euro euros ruble rubles rouble roubles pound pounds sterling yuan rupee "
                        "rupees som manat manats lira franc francs usd eur kzt rub peso pesos cents".split())


def _asks_money(query: Query) -> bool:
    """"How much were the roses worth?", "how much did she pay", "the debt in dollars": an amount of money."""
    asked = _asked_words(query.text)
    if any(a == "in" and b in _CURRENCIES for a, b in zip(asked, asked[1:], strict=False)):
        return True  # "How much is Lebanon's public debt in dollars?": not "150 percent of GDP"
    return "much" in _after_how(query) and not _MONEY_ASKED.isdisjoint(asked)


def _is_money(annotation: Annotation, text: str, span: Found) -> bool:
    """"$1,800", "5,000 tenge", "2 million euros": a number with a currency."""
    tokens = annotation.tokens
    start = tokens[span.first].start
    if text[max(0, start - 1):start] in ("$", "€", "£", "¥", "₸"):
        return True
    return any(t.lower in _CURRENCIES for t in tokens[span.first:span.last + 3])


_DISTANCES = frozenset("deep far tall wide".split())  # not "high": "how high was inflation"


def _asks_hours(query: Query) -> bool:
    """"Curfew hours", "during which hours", "what times": the hours of a day something ran between."""
    asked = _asked_words(query.text)
    return not _HOURS.isdisjoint(asked) and "many" not in asked


_HOURS = frozenset("hours times".split())


def _asks_clock(query: Query) -> bool:
    """"At what time did the crowd break in?": a time of day, which a bare "11:30 —" gives."""
    asked = _asked_words(query.text)
    return any(a == "what" and b == "time" for a, b in zip(asked, asked[1:], strict=False))


def _asks_distance(query: Query) -> bool:
    return not _DISTANCES.isdisjoint(_after_how(query))


def _asks_age(query: Query) -> bool:
    return "old" in _after_how(query) or "age" in _asked_words(query.text)


@lru_cache(maxsize=1024)
def _asked_words(text: str) -> tuple[str, ...]:
    """The question's words, read once per question, not once per candidate sentence and check; Russian and
    Kazakh question words read as English ones ("сколько ей лет": how old)."""
    tokens = english_question_words(words(text))
    return tuple(calendar_word(t) or t if is_cyrillic(t) else t for t in tokens)


@lru_cache(maxsize=1024)
def _plain_words(text: str) -> tuple[str, ...]:
    """The question's words as written, read once per question."""
    return tuple(words(text))


@lru_cache(maxsize=1024)
def _asked_text(text: str) -> str:
    """The question's words as ``_asked_words`` reads them, as one string for the patterns."""
    return " ".join(_asked_words(text))


def _after_how(query: Query) -> set[str]:
    """The words right after "how": "much", "old", "deep"."""
    asked = _asked_words(query.text)
    return {b for a, b in zip(asked, asked[1:], strict=False) if a == "how"}


def _age_evidence(annotation: Annotation, named: list[int], text: str) -> tuple[float, float]:
    """"How old is Nazarbayev": an age ("81-year-old", "aged 81", "Nazarbayev, 81,", "who is 81") and whose it is, the
    name nearest to it; "Tokayev, a 68-year-old former diplomat, was hand-picked by Nazarbayev" is not his."""
    tokens = annotation.tokens
    ages = [s for s in annotation.of(Span.NUMBER) if _is_age(tokens, s.first, text)]
    if not ages:
        return 0.0, 0.0
    return 1.0, 1.0 if any(_holder(tokens, s) & set(named) for s in ages) else 0.0


_AGE_WORDS = frozenset("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty "
                       "forty fifty sixty seventy eighty ninety".split())


def _is_age(tokens, i: int, text: str) -> bool:
    after = [t.lower for t in tokens[i + 1:i + 3]]
    if after in (["year", "old"], ["years", "old"]) or (i and tokens[i - 1].lower == "aged"):
        return True
    if i >= 2 and [t.lower for t in tokens[i - 2:i]] in (["who", "is"], ["who", "was"], ["who", "turned"]) \
            and (tokens[i].text.isdigit() and 10 <= int(tokens[i].text) <= 120 or tokens[i].lower in _AGE_WORDS):
        return True  # "Nazarbayev, who is 81,", "Nazarbayev himself, who turned 82", "their son Timur, who was sixteen"
    end = tokens[i].start + len(tokens[i].text)
    return i > 0 and tokens[i - 1].capital and tokens[i].text.isdigit() and text[end:end + 1] == "," and \
        text[tokens[i - 1].start + len(tokens[i - 1].text):tokens[i].start].strip() == ","  # "Nazarbayev, 81,"


def _named(token) -> bool:
    """A capitalised word that may be a name: not a month or a weekday ("who turned 82 in July 2022")."""
    return token.capital and token.lower not in _CALENDAR


def _holder(tokens, age: Found) -> set[int]:
    """The positions of the capitalised name nearest to an age ("81-year-old Nursultan Nazarbayev"), within a
    few words before or after it."""
    before = [j for j in range(max(0, age.first - 5), age.first) if _named(tokens[j])]
    after = [j for j in range(age.last + 1, min(len(tokens), age.last + 5)) if _named(tokens[j])]
    near = [(age.first - j, j) for j in before] + [(j - age.last, j) for j in after]
    if not near:
        return set()
    first = last = min(near)[1]
    while first > 0 and tokens[first - 1].capital:
        first -= 1
    while last + 1 < len(tokens) and tokens[last + 1].capital:
        last += 1
    return set(range(first, last + 1))


SPEAKER_NEAR = 6  # "…, Lufthansa said" and "Lufthansa … have cancelled their flights, and embassies told …"


def _speaks(quotes: list[Found], subject: frozenset[int], m: Match, text: str, annotation: Annotation) -> bool:
    """The one asked about is the one speaking: a quotation in the sentence (or one it opens: "X, an expert on
    Central Asia reporting from Tbilisi, said: “A lot of questions ..."), or a verb of saying close to them."""
    if any(q.strength >= 1.0 for q in quotes) or any(c in text for c in "“”\"«»"):
        return not _someone_else_speaks(annotation, subject, m)
    spots = [p for g in subject for p in m.positions.get(g, [])]
    return any(abs(p - q.first) <= SPEAKER_NEAR for q in quotes for p in spots)


SPEAKER_VERB_NEAR = 3  # "Tileuberdi told reporters", "…,” said Mukhtar Tileuberdi": the speaker beside the verb
_NAMING = frozenset("as dubbed named".split())  # "refer to the episode as Qandy Qantar": a name given, not a speaker


def _someone_else_speaks(annotation: Annotation, subject: frozenset[int], m: Match) -> bool:
    """"Blinken called the Kazakh foreign minister, Mukhtar Tileuberdi, to press for “…”": the quotation is the
    sentence's first person's, or a person's beside a verb of saying; one asked about who is neither only hears it."""
    spots = [p for g in subject for p in m.positions.get(g, [])]
    people = sorted(annotation.of(Span.PERSON), key=lambda s: s.first)
    asked = [s for s in people if any(s.first <= p <= s.last for p in spots)]
    if not asked or any(s.first and annotation.tokens[s.first - 1].lower in _NAMING for s in asked):
        return False
    verbs = [q.first for q in annotation.of(Span.QUOTE) if q.strength < 1.0]
    return not any(s is people[0] or any(abs(v - s.last) <= SPEAKER_VERB_NEAR or abs(v - s.first) <= SPEAKER_VERB_NEAR
                                         for v in verbs) for s in asked)


_LENGTH_UNITS = frozenset("metre metres meter meters kilometre kilometres km miles mile feet foot".split())


def _same_clause(text: str, annotation: Annotation, i: int, j: int) -> bool:
    """No comma, semicolon or colon between two tokens (but those within a number: "from 42,500 to 60,000 tenge"):
    "8,000 people", not "prices swelled, while 8,000"."""
    a, b = sorted((i, j))
    start = annotation.tokens[a].start
    between = _DIGIT_GROUPS.sub("0", text[start + len(annotation.tokens[a].text):annotation.tokens[b].start])
    return not any(c in ",;:" for c in between)


_DIGIT_GROUPS = re.compile(r"(?<=\d)[,.:](?=\d)")  # "42,500", "7:30": one number, no clause break


_SHARE_ASKED = re.compile(r"\bhow many of\b", re.IGNORECASE)
_PEOPLE = frozenset("people persons individuals men women civilians residents citizens".split())
_HUMAN = frozenset(stem(w) for w in (
    "people protester protesters protestor protestors demonstrators detainees citizens civilians residents troops "
    "soldiers police officers officials workers miners passengers journalists victims casualties rioters fatalities "
    "dead killed injured wounded arrested detained jailed").split())


def _counts_people(query: Query, shape: Shape) -> bool:
    """"How many protesters": a count of people, which news gives as "8,000 people"; but "how many of the 19
    dead were soldiers" is not answered by a count of all."""
    if _SHARE_ASKED.search(_asked_text(query.text)):
        return False
    return any(t in _HUMAN for g in shape.target for t, w in query.groups[g].alternatives.items() if w >= 0.9)


def _attached(annotation: Annotation, span: Found, lasting: frozenset[str]) -> bool:
    """"a single seven-year term", "a term of five years": the span measures the thing asked, not "a year
    before his term was due to end"."""
    tokens = annotation.tokens
    after = tokens[span.last + 1] if span.last + 1 < len(tokens) else None
    before = [t.lower for t in tokens[max(0, span.first - 2):span.first]]
    return (after is not None and after.stem in lasting) or (
        len(before) == 2 and before[1] == "of" and tokens[span.first - 2].stem in lasting)


def _duration_evidence(annotation: Annotation, asked: set[str], focus: list[int],
                       length: bool, lasting: frozenset[str] = frozenset()) -> tuple[float, float]:
    """"How long": a span of time ("69 days") or a range of two dates; or, for "how long is the ship",
    a length ("400-metre"); for "how long is a term", a span that measures the term."""
    tokens = annotation.tokens
    lengths = [s for s in annotation.of(Span.NUMBER) if s.last < len(tokens) and tokens[s.last].lower in _LENGTH_UNITS]
    if length:
        return (1.0, 1.0 if any(_distance(s, focus) <= NEAR[Span.NUMBER] for s in lengths) else 0.0) if lengths \
            else (0.0, 0.0)
    spans = [s for s in annotation.spans if s.kind == Span.DURATION and tokens[s.first].stem not in asked]
    dates = annotation.of(Span.DATE)
    if not spans and len(dates) >= 2:
        return 0.7, 1.0 if any(_distance(d, focus) <= NEAR[Span.DATE] for d in dates) else 0.0
    if not spans:
        return 0.0, 0.0
    if lasting:
        return 1.0, 1.0 if any(_attached(annotation, s, lasting) for s in spans) else 0.0
    return 1.0, 1.0 if any(_distance(s, focus) <= NEAR[Span.DURATION] for s in spans) else 0.0


def _explains(annotation: Annotation, cause: Found, asked: set[str]) -> bool:
    """What follows a cause marker says something new: "began over a fuel price rise", not
    "after handing over the presidency" (the question's own event)."""
    following = [t.stem for t in annotation.tokens[cause.first + 1:cause.first + 9]
                 if t.lower[:1].isalnum() and t.lower not in STOP_WORDS][:3]
    new = sum(1 for t in following if t not in asked)
    return new >= 2 or new == len(following) >= 1  # "on suspicion of embezzlement": all it says is new


_PASSIVE = frozenset("is are was were be been being get got gets".split())


def _agent_untold(query: Query, annotation: Annotation, m: Match) -> bool:
    """"Who set fire to the comptroller's office?" against "… the comptroller's office was set on fire": the
    question's verb stands in the passive with no "by", so the sentence does not say who did it."""
    asked = _plain_words(query.text)[:2]
    if len(asked) < 2 or asked[0] != "who" or asked[1] in _PASSIVE or asked[1] in AUXILIARIES:
        return False
    verb = next((g for g, group in enumerate(query.groups) if group.word == asked[1]), None)
    spots = m.positions.get(verb, []) if verb is not None else []
    if not spots:
        return False
    tokens = [t.lower for t in annotation.tokens]
    return all(_PASSIVE & set(tokens[max(0, p - 3):p]) and "by" not in tokens[p + 1:p + 8]
                               for p in spots)


_LOWER_RANKS = frozenset("deputy vice assistant".split())


def _a_lower_rank(query: Query, annotation: Annotation, m: Match) -> bool:
    """"Who is the akim of Almaty?" against "The deputy akim of Almaty, Serik Tulegenov": each of the question's
    words that the sentence has only after "deputy" (or "vice") names another post, unless the question says so."""
    if _LOWER_RANKS.intersection(_plain_words(query.text)):
        return False
    tokens = annotation.tokens
    return any(ps and all(p and tokens[p - 1].lower in _LOWER_RANKS for p in ps) for ps in m.positions.values())


def _asked_is_the_cause(m: Match, cause: Found) -> bool:
    """"Why were the phone shop's windows smashed?" against "He came back empty-handed, because … the windows
    of the phone shop had been smashed": all the question says stands after the marker, so the sentence tells
    what that caused, not why it happened. A sentence that opens with its cause ("Because …, …") is not read so."""
    said = [p for ps in m.positions.values() for p in ps]
    return cause.first > 1 and bool(said) and min(said) > cause.first


def _entity_evidence(shape: Shape, annotation: Annotation, asked: set[str], focus: list[int],
                     text: str) -> tuple[float, float]:
    wanted = {AnswerType.PERSON: {Span.PERSON: 1.0, Span.ORG: 0.8, Span.ROLE: 0.7},
              AnswerType.PLACE: {Span.PLACE: 1.0, Span.ORG: 0.3},
              AnswerType.NAME: {Span.ORG: 1.0, Span.PERSON: 0.8, Span.PLACE: 0.6}}[shape.atype]
    # a place in the possessive ("Kazakhstan’s independence") describes, it does not locate
    spans = [s for s in annotation.spans if s.kind in wanted and not (s.stems & asked)
             and not (shape.atype == AnswerType.PLACE and _possessive(annotation, s, text))]
    if not spans:
        return 0.0, 0.0
    found = max(wanted[s.kind] * s.strength for s in spans)
    if shape.role:
        roles = [i for r in shape.role for i in annotation.where.get(r, ())]  # "acting PM" too
        if shape.role & _HEADS:  # "the head of Halyk Bank": "Chief executive Umut Shayakhmetova"
            roles += [i for i, t in enumerate(annotation.tokens) if t.lower in _HEAD_TITLES]
        near = any(-4 <= r - s.first <= 0 or 0 < r - s.last <= 5 for s in spans for r in roles)
    else:
        near = any(_distance(s, focus) <= NEAR[s.kind] or s.kind == Span.PLACE and _located(annotation, s, focus)
                   for s in spans if wanted[s.kind] >= 0.5)  # not "the Russian airborne troops" for a place
    return found, 1.0 if near else 0.0


_HEADS = frozenset(stem(w) for w in "head leader boss chief".split())  # asked as the one at the top of something
_HEAD_TITLES = frozenset("chief chairman chairwoman chair director president ceo head leader boss founder governor "
                         "commander manager".split())


def _located(annotation: Annotation, span: Found, focus: list[int]) -> bool:
    """"clashes … took place in the country's largest city, Almaty", "boarding a flight to Cancún": a place after
    "in", "at", "to" or "from" (a few words before it), further from the focus than the usual reach."""
    before = {t.lower for t in annotation.tokens[max(0, span.first - 6):span.first]}
    return bool(before & {"in", "at", "to", "from"}) and _distance(span, focus) <= LOCATED_REACH


def _definition_evidence(query: Query, shape: Shape, annotation: Annotation, m: Match,
                         text: str) -> tuple[float, float]:
    """Does the sentence define the subject: an expansion, an apposition, a title, "X is a ..."?"""
    subject = shape.subject or shape.anchors
    tokens = annotation.tokens
    spots = sorted({p for g in subject for p in m.positions.get(g, [])})
    if not spots:
        return 0.0, 0.0
    acronyms = [a for g in subject for a in acronym_forms(query.groups[g])]
    if any(_expansion(tokens, a) for a in acronyms) or any(_bracketed(tokens, text, p) or _known_as(tokens, p)
                                                            for p in spots):
        return 1.0, 1.0
    written = any(len(tokens[p].text) > 1 and tokens[p].text.isupper() for p in spots)  # "whats csto"
    spelling_out = _SPELLING_OUT.search(_asked_text(query.text))  # "расшифровывается": stand for
    if spelling_out:
        return 0.0, 0.0  # "what does CSTO stand for": only the full name answers, not "the CSTO, which ..."
    acronym = written or any(a.upper() in query.text for a in acronyms if len(a) > 1)
    found = _described(tokens, text, spots)
    return (0.7 * found[0], found[1]) if acronym else found  # "What is KEGOC?": "the state grid operator KEGOC"


def _described(tokens, text: str, spots: list[int]) -> tuple[float, float]:
    """An apposition, a bracket, "X is a …", a describing noun before the name: the sentence says what X is."""
    first, last = spots[0], spots[-1]
    while tokens[last].capital and last + 1 < len(tokens) and tokens[last + 1].capital and \
            text[tokens[last].start + len(tokens[last].text):tokens[last + 1].start] == " ":
        last += 1  # the rest of a name the question misspelt ("whats open stepe": Open Steppe)
    end = tokens[last].start + len(tokens[last].text)
    after = text[end:end + 6].lstrip("!?’”'\"»")  # "‘Shal, ket!’, which means": past the closing quote
    nxt = next((t.lower for t in tokens[last + 1:] if t.lower[:1].isalnum()), "")  # past a closing quote mark
    if after.startswith((" (", "(")) or (after.startswith(",") and (nxt in _APPOSITION_WORDS or nxt[:1].isdigit()
                                                                     or _describes(tokens[last + 1:last + 4]))):
        return 1.0, 1.0
    if nxt in ("is", "was", "are", "were", "means", "stands", "refers") and last + 2 < len(tokens) and (
            tokens[last + 2].lower in ("a", "an", "the") or tokens[last + 2].lower in ROLE_NOUNS):
        return 1.0, 1.0
    before = tokens[max(0, first - 4):first]
    if _describes(before) or any(t.lower == "old" for t in before) or (  # "a 52-year-old taxi driver"
            first >= 2 and tokens[first - 1].lower in ("as", "called", "named") and tokens[first - 2].lower in (
            "known", "called", "named", "as")):
        return 1.0, 1.0
    if "(" in text[max(0, tokens[first].start - 2):tokens[first].start]:
        return 1.0, 1.0
    return 0.0, 0.0


def _describes(tokens) -> bool:
    """", CAJM's director", "jazz pianist Vikram": a title, role or describing noun among these words."""
    return any(t.lower in ROLE_NOUNS or t.lower in DESCRIBING_NOUNS for t in tokens)


def acronym_forms(group: TermGroup) -> list[str]:
    """The ways a question word may be an acronym: itself (CSTO), or the Latin acronym its Russian or Kazakh
    form translates to (ОДКБ -> csto)."""
    forms = [group.word] if len(group.word) <= 6 else []
    return forms + [t for t, w in group.alternatives.items() if w >= 0.9 and t.isascii() and t.isalpha()
                    and len(t) <= 6 and t != group.word]


def _bracketed(tokens, text: str, at: int) -> bool:
    """The subject in brackets after a capitalised name: "the National Security Committee (KNB)", whatever
    language its letters come from."""
    return at > 0 and tokens[at - 1].capital and text[:tokens[at].start].endswith("(")


def _known_as(tokens, at: int) -> bool:
    """"The Electric Reliability Council of Texas, known as Ercot": a name spelt out, then the short one."""
    return at >= 4 and [t.lower for t in tokens[at - 2:at]] == ["known", "as"] and sum(
        t.capital for t in tokens[max(0, at - 10):at - 2]) >= 2


def _expansion(tokens, acronym: str) -> bool:
    """Words whose initials spell the acronym ("Collective Security Treaty Organization" for CSTO)."""
    letters = acronym.lower()
    if len(letters) < 2 or not letters.isalpha():
        return False
    initials = [(i, t.lower[0]) for i, t in enumerate(tokens)
                if t.lower[:1].isalpha() and t.lower not in ("of", "and", "the", "for", "on", "in")]
    present = any(t.lower in (letters, letters + "s") for t in tokens)  # "virtual private networks (VPNs)"
    for k in range(len(initials) - len(letters) + 1):
        window = initials[k:k + len(letters)]
        if "".join(c for _, c in window) == letters and window[-1][0] - window[0][0] < 2 * len(letters):
            if present or all(tokens[i].capital for i, _ in window):  # "liquefied petroleum gas (LPG)"
                return True
    return False
