"""Russian and Kazakh words against English articles, without a translation model: their letters.

Two small tools. Names are transliterated ("Токаева" -> "tokaev", which the speller takes to
"tokayev"), so no glossary has to list every person and place. Kazakh words lose their case
and plural endings before they are looked up (Snowball has Russian, not Kazakh). How a question's
words are read as an English question's is ``bot.question_reading``; the words themselves reach the
articles through the glossary in ``faq.yaml``'s ``synonyms``.
"""

from __future__ import annotations

import re

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_KAZAKH_LETTERS = frozenset("әғқңөұүһі")
_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
})
# Russian case endings of names ("Токаева", "Назарбаеву", "Алматы" stays), longest first.
_RUSSIAN_NAME_ENDINGS = ("ого", "ому", "ым", "ом", "ой", "ою", "ах", "ам", "а", "у", "е", "ы")
_FEMININE_CASES = frozenset({"ой", "ою", "ы"})  # a woman's name or surname in another case than "-а"
# Kazakh plural, possessive and case suffixes, longest first; stripped at most three times.
_KAZAKH_SUFFIXES = tuple(sorted("""
лар лер дар дер тар тер ның нің дың дің тың тің ға ге қа ке на не да де та те дан ден тан тен нан нен
ды ді ты ті ны ні мен бен пен дағы дегі тағы тегі ғы гі қы кі сы сі ы і ын ін н ша ше дай дей тай тей
""".split(), key=len, reverse=True))



def is_cyrillic(word: str) -> bool:
    return not word.isascii() and bool(CYRILLIC.search(word))


_PLAIN = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"})


def plain_letters(word: str) -> str:
    """A Kazakh word as typed on a Russian keyboard: "ұқшұ" -> "укшу"."""
    return word.translate(_PLAIN)


def is_kazakh(word: str) -> bool:
    return not _KAZAKH_LETTERS.isdisjoint(word)


def transliterate(word: str) -> str:
    return word.translate(_LATIN)


def name_forms(word: str) -> list[str]:
    """Latin spellings a Cyrillic name may have in the articles: as written, then without a case ending."""
    forms = [transliterate(word)]
    if word.endswith("и") and len(word) >= 4:
        forms.append(forms[0][:-1] + "y")  # "Хури" -> Khoury, Khury: a final "и" is often an English "y"
    endings = _KAZAKH_SUFFIXES if is_kazakh(word) else _RUSSIAN_NAME_ENDINGS
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            forms.append(transliterate(word[:-len(ending)]))
            if ending in _FEMININE_CASES:  # "Абеновой", "Мадины": Abenova, Madina
                forms.append(forms[-1] + "a")
            break
    adjective = _PLACE_ADJECTIVE.match(word)
    if adjective:  # "иранский", "туркестанской": Iranian, Turkestan's
        forms += [transliterate(adjective[1]), transliterate(adjective[1]) + "ian"]
    if word.startswith("е"):  # "Есенов", "Ерлан": an initial "е" is written "ye" (Yesenov, Yerlan)
        forms += ["y" + f for f in forms]
    return forms + [v for f in forms for v in _english_spellings(f) if v != f]


_PLACE_ADJECTIVE = re.compile(r"^(.{3,}?)ск(?:ий|ая|ое|ие|ого|ой|ому|им|их|ом|ую)$")  # a place's adjective


def _english_spellings(form: str) -> list[str]:
    """How English writes the sounds a Russian spelling of a foreign name gives: "Раджапакса" is Rajapaksa,
    "Хейл" Hale's "h", "Шри-Ланка" Sri Lanka, "Уокер" Walker; each also with "-ayev" for "-aev" ("Утебаев")."""
    found = _spellings(form)
    return found + [v for v in dict.fromkeys(_AFTER_VOWEL_E.sub(r"\1ye", f) for f in found) if v not in found]


def _spellings(form: str) -> list[str]:
    spelt = form.replace("dzh", "j").replace("kh", "h")
    if spelt[:2] in ("uo", "ui", "ue"):  # "Уокер" Walker, "Уильям" William: an English "w"
        return [spelt, "wa" + spelt[2:], "w" + spelt[1:]]
    found = [spelt, "sr" + spelt[3:]] if spelt.startswith("shr") else [spelt]
    if spelt.startswith("zh"):  # "Жапаров" Japarov, "Жээнбеков" Jeenbekov: Kyrgyz names write "j"
        found.append("j" + spelt[2:])
    glide = _GLIDE.sub(r"\1i", spelt)  # "Айгерим" Aigerim, "Кайрат" Kairat: a "й" after a vowel is often an "i"
    found = found + [glide] if glide != spelt else found
    yery = _YERY.sub(r"\1i", spelt)  # "Құлыбаев" Kulibayev: a "ы" between consonants is often an "i"
    found = found + [yery] if yery != spelt else found
    latin = spelt.replace("ks", "x").replace("k", "c")  # "Круз" Cruz, "Канкун" Cancún, "Мексика" Mexico
    if spelt.endswith("es"):
        found.append(spelt[:-1] + "z")  # "Мартинес" Martinez
    return found + [latin] if latin != spelt else found


_AFTER_VOWEL_E = re.compile(r"([aiou])e(?=[vn])")  # "-аев", "-иева": "-ayev", "-iyeva"
_GLIDE = re.compile(r"([aeiou])y(?![aeiou])")
_YERY = re.compile(r"([b-df-hj-np-tv-xz])y(?=[b-df-hj-np-tv-xz])")


def romanisation_key(term: str) -> str:
    """What two romanisations of one Kazakh or Russian name share: "taldyqorghan" and "taldykorgan", "toqaev" and
    "tokayev", "massimov" and "masimov", "janaozen" and "zhanaozen" all come to one key."""
    key = term.replace("yev", "ev")
    for old, new in _ROMANISATION_SWAPS:
        key = key.replace(old, new)
    return _DOUBLED.sub(r"\1", key)


_ROMANISATION_SWAPS = (("dzh", "j"), ("zh", "j"), ("gh", "g"), ("kh", "h"), ("q", "k"), ("y", "i"))
_DOUBLED = re.compile(r"(.)\1")


_VOICED_FINAL = str.maketrans({"ғ": "қ", "г": "к", "б": "п"})
_ALTERNATING = ("ғы", "гі", "бы", "бі")


def kazakh_stem(word: str) -> str:
    """The word without its plural, possessive and case suffixes (at most three, keeping three letters), its
    last consonant as the bare word has it ("наразылығы" -> "наразылық", like "наразылық")."""
    return kazakh_stems(word)[-1]


def kazakh_stems(word: str) -> list[str]:
    """The word and its forms as its suffixes come off one by one ("алматыдағы", "алматыда", "алматы", …):
    a name is the first of them that the articles know."""
    forms = [word]
    for _ in range(3):
        if word.endswith(_ALTERNATING) and len(word) >= 5:  # "-ғы" after a final "қ": the possessive "-ы"
            word = word[:-2] + word[-2].translate(_VOICED_FINAL)
            forms.append(word)
            continue
        for suffix in _KAZAKH_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3 and (
                    suffix != "н" or word[-2] in "ыі"):  # "-н" follows a possessive ("әкесін"), not "қазан"
                word = word[:-len(suffix)]
                forms.append(word)
                break
        else:
            break
    forms[-1] = word[:-1] + word[-1:].translate(_VOICED_FINAL)
    return forms


_SOUNDS = [("ё", "е"), ("йо", "е"), ("шо", "ше"), ("жо", "же"), ("чо", "че"), ("що", "ще"), ("тш", "ч"),
           ("чт", "шт"), ("щ", "ш"), ("о", "а"), ("я", "и"), ("е", "и"), ("ы", "и")]
_DEVOICED = str.maketrans("бдгвзж", "пткфсш")
_BEFORE_VOICELESS = re.compile(r"[бдгвзж](?=[пфктшсхцч]|$)")
_DOUBLED = re.compile(r"(.)\1")


def sounds(stem_: str) -> str:
    """A Russian stem as it is heard: unstressed vowels merged (о/а, е/и/я), "шо" as "шё", a voiced consonant
    devoiced before a voiceless one or at the end, "тш" and "чт" as spoken, doubled letters single. Words typed
    by ear ("систра", "патвердил", "хлеп") meet their spelling."""
    for old, new in _SOUNDS:
        stem_ = stem_.replace(old, new)
    stem_ = _BEFORE_VOICELESS.sub(lambda m: m.group(0).translate(_DEVOICED), stem_)
    return _DOUBLED.sub(r"\1", stem_)
