"""A question turned into weighted term groups: its own words, their synonyms and spelling fixes.

Each content word of the question becomes a ``TermGroup``: the word's stem at full weight, plus
alternatives (synonyms, a spelling correction) at lower weights. Scoring sums the weighted terms;
confidence asks how much of the question's weight a sentence covers, group by group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol

from bot import lexicon
from bot.crosslingual import (
    is_cyrillic,
    is_kazakh,
    kazakh_stem,
    kazakh_stems,
    name_forms,
    plain_letters,
    romanisation_key,
    sounds,
)
from bot.question_reading import english_question_words
from bot.spelling import Speller, never
from bot.text import STOP_WORDS, is_mostly_foreign, stem, words

SYNONYM_WEIGHT = 0.8
OPERATOR_SYNONYM_WEIGHT = 0.9
TRANSLATION_WEIGHT = 1.0  # a glossary entry from another language is the word itself, not a stand-in
# The English synonyms of a translated word ("убиты" -> killed -> dead) count less than those of an English
# word: a glossary entry lists several senses, and a synonym of one of them is a step further away.
TRANSLATED_SYNONYM_FACTOR = 0.8
SPELLING_WEIGHT = 0.9
FRAMING_WEIGHT = 0.5  # "view", "happened", "bring": what kind of answer more than what about
_QUOTED = re.compile(r"[«“\"‘']([^»”\"’']{1,60})[»”\"’']")


_SAYING = frozenset("say says said tell told".split())  # stop words in English: so are their translations


def _translations(group: TermGroup) -> list[str]:
    """The articles' words a Russian or Kazakh question word is the glossary's translation of."""
    own = next(iter(group.alternatives))
    return [t for t, w in group.alternatives.items() if w >= TRANSLATION_WEIGHT and t != own]


def _translates_to_stop_words(group: TermGroup) -> bool:
    translated = _translations(group)
    return bool(translated) and all(t in _SAYING for t in translated)


_FRAMING_STEMS = frozenset(stem(w) for w in lexicon.FRAMING_WORDS)


def _translates_to_framing(group: TermGroup) -> bool:
    return any(t in _FRAMING_STEMS for t in _translations(group))


def _with_transliteration(token: str, group: TermGroup, scoring: dict[str, float],
                          known: Lexicon) -> tuple[TermGroup, dict[str, float]]:
    """A quoted Cyrillic word is quoted as said: «Шал, кет» is the articles' "Shal, ket", whatever the
    glossary makes of кет (go away)."""
    name = latin_name(token, known)
    if name is None or name in group.alternatives:
        return group, scoring
    weight = SPELLING_WEIGHT * group.strength
    return replace(group, alternatives={**group.alternatives, name: SPELLING_WEIGHT}), {**scoring, name: weight}


_AUXILIARY_TYPOS = frozenset("dose dos doe dus iz waz wuz wat".split())
_AFFIXED = re.compile(r"[A-Za-z]-(led|backed|based|trained)\b", re.IGNORECASE)  # "Russian-led force": the force
PARTITIVES = frozenset("members member part parts group groups kind type sort".split())  # "members of the police"
HOW_ADJECTIVES = frozenset("old long far big large high deep tall heavy strong fast often soon wide".split())
VARIANT_WEIGHT = 0.8
CYRILLIC_SPELLING_LENGTH = 7  # Russian and Kazakh words from which a typo is corrected to a glossary word
CYRILLIC_STEM_SPELLING_LENGTH = 6  # Russian stems from which a typo is corrected to a glossary stem
SOUNDED_LENGTH = 4  # Russian stems from which a word typed as it sounds is read as the glossary's ("хлеп")
INHERITED_WEIGHT = 0.5  # a follow-up's words taken from the previous question ("and in Almaty?": all but Almaty)
_MISSING = object()
CACHE_LIMIT = 50_000  # analysed question words kept per knowledge base


@dataclass(frozen=True)
class TermGroup:
    """One question word: ``alternatives`` maps stems to weights, the word's own stem at 1.0."""

    word: str
    alternatives: dict[str, float]
    strength: float = 1.0  # how much of a topic word it is (0.5 for framing words and light verbs)


@dataclass(frozen=True)
class Query:
    """What the engine needs to know about a question."""

    text: str
    groups: tuple[TermGroup, ...]
    cues: frozenset[str] = frozenset()
    small_talk: bool = False
    foreign: bool = False
    weighted_groups: tuple[dict[str, float], ...] = ()  # per group: indexed terms and scoring weights


class SynonymTable(dict):
    """Stem -> {stem: weight}, and a speller for the glossary's Russian and Kazakh words ("салдат" ->
    "солдат"), which no corpus vocabulary can correct."""

    cyrillic_speller: Speller | None = None
    cyrillic_stem_speller: Speller | None = None  # the glossary's stems: "реанимацыи" -> "реанимац"
    plain_kazakh: dict[str, str] | None = None  # Kazakh words typed without Kazakh letters: "укшу" -> "ұқшұ"
    by_sound: dict[str, tuple[str, ...]] | None = None  # a Russian stem as heard -> glossary stems: "систр" -> сестр


def build_synonyms(groups, one_way: dict[str, list[str]] | None = None) -> SynonymTable:
    """Stem-level synonym map: built-in groups both ways, operator entries one way and weightier.

    A key or target of several words ("премьер-министр", "nur-sultan") pairs its words one to one when
    both have as many, and otherwise maps each word of the key to each word of the target. The table is
    kept for the few glossaries last built: a reload of the articles, or a FAQ edit that leaves the
    synonyms as they were, reuses it (with a glossary of 9,400 words it takes half a second). It is never
    changed once built.
    """
    frozen = tuple((word, tuple(targets)) for word, targets in (one_way or {}).items())
    return _built_synonyms(tuple(map(tuple, groups)), frozen)


@lru_cache(maxsize=4)
def _built_synonyms(groups: tuple[tuple[str, ...], ...], one_way: tuple[tuple[str, tuple[str, ...]], ...]
                    ) -> SynonymTable:
    table = SynonymTable()

    def add(a: str, b: str, weight: float) -> None:
        sa, sb = _stem_word(a), _stem_word(b)
        if sa and sb and sa != sb:
            row = table.setdefault(sa, {})
            row[sb] = max(row.get(sb, 0.0), weight)

    for group in groups:
        for a in group:
            for b in group:
                add(a, b, SYNONYM_WEIGHT)
    cyrillic: list[str] = []
    for word, targets in one_way:
        weight = TRANSLATION_WEIGHT if is_cyrillic(word) else OPERATOR_SYNONYM_WEIGHT
        keys = _content_words(word)
        cyrillic += [k for k in keys if is_cyrillic(k)]
        for target in targets:
            for a, b in _pairs(keys, _content_words(target)):
                add(a, b, weight)
    kazakh = [k for k in cyrillic if is_kazakh(k)]
    table.plain_kazakh = {form: _stem_word(k) for k in kazakh for form in (plain_letters(k),
                                                                         plain_letters(kazakh_stem(k)))}
    if cyrillic:
        table.cyrillic_speller = Speller.from_words(cyrillic + [w for w in STOP_WORDS if is_cyrillic(w)],
                                                    min_length=CYRILLIC_SPELLING_LENGTH, real_word=never)
        table.cyrillic_stem_speller = Speller.from_words([k for k in table if is_cyrillic(k)],
                                                         min_length=CYRILLIC_STEM_SPELLING_LENGTH, real_word=never)
        table.by_sound = _by_sound([k for k in table if is_cyrillic(k) and not is_kazakh(k)]
                                   + [_stem_word(w) for w in STOP_WORDS if is_cyrillic(w) and not is_kazakh(w)])
    return table


def _content_words(text: str) -> list[str]:
    """The words of a glossary key or target: all of a single word, the content words of several."""
    tokens = words(text)
    return tokens if len(tokens) == 1 else [t for t in tokens if t not in STOP_WORDS]


def _pairs(keys: list[str], targets: list[str]) -> list[tuple[str, str]]:
    if len(keys) == len(targets):
        return list(zip(keys, targets, strict=True))
    return [(k, t) for k in keys for t in targets]


def _stem_word(word: str) -> str:
    tokens = words(word)
    return stem(tokens[0]) if len(tokens) == 1 else ""


# One pattern for all the cue phrases, each a named group of its kind; a phrase's final space is looked at, not
# taken, so the phrase after it is found too ("when number").
_CUES = re.compile("|".join(f"(?P<{kind}>" + "|".join(" " + re.escape(p.rstrip()) + ("(?= )" if p.endswith(" ") else "")
                                                     for p in phrases) + ")"
                            for kind, phrases in lexicon.CUES.items()))


def detect_cues(tokens: list[str]) -> frozenset[str]:
    """Answer types the question asks for (number, date, cause ...), from its question words."""
    return frozenset(m.lastgroup for m in _CUES.finditer(" " + " ".join(tokens) + " "))


def is_small_talk(tokens: list[str]) -> bool:
    """Greetings, thanks and acknowledgements with nothing else in them."""
    return bool(tokens) and all(t in lexicon.SMALL_TALK for t in tokens)


class Lexicon(Protocol):
    """What analysis needs to know of the corpus (SearchEngine provides it)."""

    vocabulary: dict[str, float]
    unknown_idf: float
    speller: Speller | None

    def variants(self, term: str) -> tuple[str, ...]: ...


def _analyze_word(token: str, known: Lexicon, synonyms: dict[str, dict[str, float]],
                  spell: bool) -> tuple[TermGroup, dict[str, float]] | None:
    """One question word: its group (own stem, spelling fix, name variants, synonyms) and scoring
    weights, or None for a misspelt stop word ("waht")."""
    vocabulary = known.vocabulary
    own = stem(token)
    strength = FRAMING_WEIGHT if token in lexicon.FRAMING_WORDS or token in lexicon.LIGHT_VERBS else 1.0
    alternatives = {own: 1.0}
    cyrillic = is_cyrillic(token)
    if cyrillic:  # the glossary's words are the word itself, in the articles' language
        alternatives.update({t: w for t, w in synonyms.get(own, {}).items() if w >= TRANSLATION_WEIGHT})
        name = latin_name(token, known) if len(alternatives) == 1 and own not in vocabulary else None
        if name is not None:  # "Токаева" is Tokayev, "Бейруте" Beirut: not a misspelt glossary word ("берут")
            alternatives[name] = SPELLING_WEIGHT
        speller = getattr(synonyms, "cyrillic_speller", None)
        fixed = speller.correct(token) if speller is not None and len(alternatives) == 1 and spell else None
        if fixed in STOP_WORDS:
            return None  # "скольо": a misspelt question word
        if fixed is not None:
            alternatives.update({t: SPELLING_WEIGHT for t, w in synonyms.get(stem(fixed), {}).items()
                                 if w >= TRANSLATION_WEIGHT})
        if len(alternatives) == 1 and spell and not is_kazakh(token):
            alternatives.update(_stem_spelling(own, synonyms))
        if len(alternatives) == 1:
            alternatives.update(_plain_kazakh(token, synonyms))
        if len(alternatives) == 1 and spell and not is_kazakh(token):
            heard = (getattr(synonyms, "by_sound", None) or {}).get(sounds(own), ())
            if heard and all(h in _STOP_STEMS for h in heard):
                return None  # "пачему": a question word typed as it sounds
            alternatives.update(_as_heard(heard, synonyms) if len(own) >= SOUNDED_LENGTH else {})
    if own not in vocabulary and not cyrillic and spell and known.speller is not None:
        fixed = known.speller.correct(token)
        if fixed in STOP_WORDS:
            return None
        if fixed is not None:
            alternatives[stem(fixed)] = SPELLING_WEIGHT
        else:
            alternatives.update({name: SPELLING_WEIGHT for name in _romanised(token, known)})
    for base, base_weight in list(alternatives.items()):
        for variant in known.variants(base):
            alternatives.setdefault(variant, VARIANT_WEIGHT * base_weight)
    for base, base_weight in list(alternatives.items()):
        factor = TRANSLATED_SYNONYM_FACTOR if cyrillic and base != own else 1.0
        for alt, w in synonyms.get(base, {}).items():
            if alt not in alternatives:
                alternatives[alt] = w * base_weight * factor
    # A stand-in never outweighs the word itself: cap it at the word's own IDF.
    own_idf = max((vocabulary[t] for t, w in alternatives.items() if t in vocabulary and w >= SPELLING_WEIGHT),
                  default=known.unknown_idf)
    scoring = {}
    for term, w in alternatives.items():
        if term in vocabulary:
            capped = w * min(1.0, own_idf / vocabulary[term]) if w < 1.0 else w
            scoring[term] = capped * strength
    return TermGroup(token, alternatives, strength), scoring


def _plain_kazakh(token: str, synonyms: dict[str, dict[str, float]]) -> dict[str, float]:
    """A Kazakh word typed with Russian letters only ("укшу" for ҰҚШҰ, "наразылыкты"), as phones without a
    Kazakh keyboard make people write: the glossary's word, at a spelling fix's weight."""
    plain = getattr(synonyms, "plain_kazakh", None) or {}
    token = plain_letters(token)  # "ұқшу": some Kazakh letters typed, some not
    key = plain.get(token) or plain.get(kazakh_stem(token))
    if key is None and kazakh_stem(token) != token:
        key = stem(kazakh_stem(token))  # "дауылдан": a Kazakh word with no Kazakh letter, its case suffix off
    return {t: SPELLING_WEIGHT for t, w in synonyms.get(key, {}).items() if w >= TRANSLATION_WEIGHT} if key else {}


_STOP_STEMS = frozenset(stem(w) for w in STOP_WORDS if is_cyrillic(w))


def _as_heard(heard: tuple[str, ...], synonyms: dict[str, dict[str, float]]) -> dict[str, float]:
    """The translations of the glossary stems a word sounds like, as a spelling fix, when they all mean one thing
    ("омнистии": "амнистия" and "амнестия" alike are amnesty)."""
    meant = [{t for t, w in synonyms.get(h, {}).items() if w >= TRANSLATION_WEIGHT} for h in heard]
    if not meant or not all(m & meant[0] for m in meant):
        return {}
    return {t: SPELLING_WEIGHT for m in meant for t in sorted(m)}  # in one order, whatever the hash seed


def _by_sound(stems: list[str]) -> dict[str, tuple[str, ...]]:
    """How each stem sounds -> the stems that sound so."""
    heard: dict[str, set[str]] = {}
    for s in stems:
        if len(s) >= 3:
            heard.setdefault(sounds(s), set()).add(s)
    return {k: tuple(sorted(v)) for k, v in heard.items()}


def _stem_spelling(own: str, synonyms: dict[str, dict[str, float]]) -> dict[str, float]:
    """A misspelt Russian word whose stem is one edit from a glossary stem ("распрастранились" ->
    "распространил"): that stem's translations, as a spelling fix. The word speller knows only the glossary's
    own forms; stems reach every form of them."""
    speller = getattr(synonyms, "cyrillic_stem_speller", None)
    fixed = speller.correct(own) if speller is not None else None
    if fixed is None:
        return {}
    return {t: SPELLING_WEIGHT for t, w in synonyms.get(fixed, {}).items() if w >= TRANSLATION_WEIGHT}


_ROMANISATIONS = (("zh", "j"), ("j", "zh"), ("kh", "h"), ("y", "i"), ("i", "y"))


def _romanised(token: str, known: Lexicon) -> list[str]:
    """A Kazakh or Russian name as another romanisation writes it ("jumabekova" for Zhumabekova, "sadikov" for
    Sadykov): the articles' name one swap of those letters away, when the articles know it as a name."""
    names = getattr(known, "names", None)
    found = []
    for old, new in _ROMANISATIONS:
        at = token.find(old)
        while at >= 0 and len(found) < 2:
            other = stem(token[:at] + new + token[at + len(old):])
            if other in known.vocabulary and (names is None or other in names):
                found.append(other)
            at = token.find(old, at + 1)
    return found


def latin_name(token: str, known: Lexicon) -> str | None:
    """The articles' term for a Cyrillic name, by transliteration (and a spelling fix), or None. A spelling
    fix must land on a name the articles capitalise: "страны" is not "straw"."""
    names = getattr(known, "names", None)
    for form in name_forms(token):
        if stem(form) in known.vocabulary:
            return stem(form)
    # "Масимовты", "Хьюстонда": a name with a Kazakh case ending, which must be a name the articles capitalise
    bare = [f for form in kazakh_stems(token)[1:] for f in name_forms(form)]
    found = next((stem(f) for f in bare if stem(f) in known.vocabulary and (names is None or stem(f) in names)), None)
    if found is not None:
        return found
    for form in name_forms(token) + bare:
        fixed = known.speller.correct(form) if known.speller is not None and len(form) >= 5 else None
        if fixed is not None and stem(fixed) in known.vocabulary and (names is None or stem(fixed) in names):
            return stem(fixed)
    forms = [(form, known.variants(form)) for form in {stem(f) for f in name_forms(token)} if len(form) >= 5]
    spelt = {v for form, variants in forms for v in variants if romanisation_key(v) == romanisation_key(form)}
    if len(spelt) == 1:
        return spelt.pop()  # "Токаев" -> toqaev, where the articles romanise the Kazakh way
    longer = {v for form, variants in forms for v in variants if v.startswith(form)}
    return longer.pop() if len(longer) == 1 else None  # "Форестье" -> foresti: the one name it begins


FIRST_NAME_WEIGHT = 0.15


def _first_names_lightly(groups: list[TermGroup], weighted: list[dict[str, float]],
                         surname_of: dict[str, str]) -> tuple[list[TermGroup], list[dict[str, float]]]:
    """"Kassym-Jomart Tokayev": with the surname asked, the first names say little more; they count lightly."""
    if all(surname_of.keys().isdisjoint(g.alternatives) for g in groups):
        return groups, weighted  # no first name asked: most questions
    asked = {t for g in groups for t, w in g.alternatives.items() if w >= SPELLING_WEIGHT}
    light = [i for i, g in enumerate(groups)
             if any(surname_of.get(t) in asked for t, w in g.alternatives.items() if w >= SPELLING_WEIGHT)]
    if not light:
        return groups, weighted
    groups = [replace(g, strength=g.strength * FIRST_NAME_WEIGHT) if i in light else g for i, g in enumerate(groups)]
    lightened = {t for i in light for t, w in groups[i].alternatives.items() if w >= SPELLING_WEIGHT}
    weighted = [{t: w * FIRST_NAME_WEIGHT for t, w in scoring.items()} if set(scoring) & lightened else scoring
                for scoring in weighted]
    return groups, weighted


def _phrasal_verbs_read(tokens: list[str]) -> list[str]:
    """"what set off the riots?" -> "what triggered the riots?", "lost their lives" -> "died"
    (``lexicon.PHRASAL_VERBS``)."""
    if _PHRASE_STARTS.isdisjoint(tokens):
        return tokens
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for n in (3, 2):
            single = lexicon.PHRASAL_VERBS.get(tuple(tokens[i:i + n]))
            if single is not None:
                out.append(single)
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


_PHRASE_STARTS = frozenset(words[0] for words in lexicon.PHRASAL_VERBS)


def analyze(text: str, known: Lexicon, synonyms: dict[str, dict[str, float]], spell: bool = True,
            cache: dict | None = None, light: frozenset[str] = frozenset()) -> Query:
    """Turn a question into term groups; ``cache`` (owned by one knowledge base) keeps analysed words.

    Words in ``light`` (those a follow-up inherited from the question before it) count at
    ``INHERITED_WEIGHT``: the answer is about what the follow-up adds.
    """
    tokens = _phrasal_verbs_read(words(text))
    if len(tokens) > 1 and tokens[-1] == "over":
        tokens[-1] = "ended"  # "is the war over?": a final "over" means finished, not a preposition
    groups: list[TermGroup] = []
    weighted: list[dict[str, float]] = []
    seen: set[str] = set()
    affixed = {m.lower() for m in _AFFIXED.findall(text)}
    quoted = {w for q in _QUOTED.findall(text) for w in words(q)}
    for position, token in enumerate(tokens):
        if token in STOP_WORDS or token in ("stand", "stands", "short") and tokens[position + 1:] == ["for"] or (
                token in ("meaning", "means") and position == len(tokens) - 1 and position):
            continue  # "what does KNB stand for", "csto meaning": the question's frame, not its topic
        if token in PARTITIVES and tokens[position + 1:position + 2] == ["of"] and position:
            continue  # "how many members of the security forces": the forces are counted
        if position == 1 and tokens[0] in lexicon.QUESTION_WORDS and token in _AUXILIARY_TYPOS:
            continue  # "what dose LPG stand for": a real word, but here a misspelt "does"
        found = cache.get(token, _MISSING) if cache is not None else _MISSING
        if found is _MISSING:
            found = _analyze_word(token, known, synonyms, spell)
            if cache is not None:
                if len(cache) > CACHE_LIMIT:
                    cache.clear()
                cache[token] = found
        if found is None:
            continue
        group, scoring = found
        if is_cyrillic(token) and _translates_to_stop_words(group):
            continue  # "сказала" is "say": as in English, a word of the question's frame
        if is_cyrillic(token) and group.strength == 1.0 and _translates_to_framing(group):
            group = replace(group, strength=FRAMING_WEIGHT)  # "какого числа": a date asked, as "date?" is
            scoring = {t: w * FRAMING_WEIGHT for t, w in scoring.items()}
        if token in quoted and is_cyrillic(token):
            group, scoring = _with_transliteration(token, group, scoring, known)
        framing = position and tokens[position - 1] == "how" and token in HOW_ADJECTIVES or token in affixed
        if framing and group.strength == 1.0:
            group = replace(group, strength=FRAMING_WEIGHT)  # "how old", "-led": the kind of answer, not the topic
            scoring = {t: w * FRAMING_WEIGHT for t, w in scoring.items()}
        if token in light:
            group = replace(group, strength=group.strength * INHERITED_WEIGHT)
            scoring = {t: w * INHERITED_WEIGHT for t, w in scoring.items()}
        own = next(iter(group.alternatives))
        if own in seen:
            continue
        seen.add(own)
        groups.append(group)
        if scoring:
            weighted.append(scoring)
    groups, weighted = _first_names_lightly(groups, weighted, getattr(known, "surname_of", {}))
    return Query(
        text=text,
        groups=tuple(groups),
        cues=detect_cues(english_question_words(tokens)),  # "сколько" asks for a number too
        small_talk=is_small_talk(tokens),
        foreign=is_mostly_foreign(text),
        weighted_groups=tuple(weighted),
    )
