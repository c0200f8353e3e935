"""Russian and Kazakh questions against English articles, without a translation model.

Three small tools. Names are transliterated ("Токаева" -> "tokaev", which the speller takes to
"tokayev"), so no glossary has to list every person and place. Kazakh words lose their case
and plural endings before they are looked up (Snowball has Russian, not Kazakh). And the
question words of both languages ("сколько", "қашан") are read as their English counterparts, so
a Russian question gets the same answer type as an English one. The words themselves reach the
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
# Kazakh plural, possessive and case suffixes, longest first; stripped at most three times.
_KAZAKH_SUFFIXES = tuple(sorted("""
лар лер дар дер тар тер ның нің дың дің тың тің ға ге қа ке на не да де та те дан ден тан тен нан нен
ды ді ты ті ны ні мен бен пен дағы дегі тағы тегі ғы гі қы кі сы сі ы і ын ін н ша ше дай дей тай тей
""".split(), key=len, reverse=True))

QUESTION_WORDS = {
    # Russian
    "сколько": "how many", "скольо": "how many", "когда": "when", "кагда": "when", "кто": "who", "кого": "who",
    "кем": "who", "где": "where", "откуда": "where", "куда": "where", "почему": "why", "зачем": "why",
    "отчего": "why", "что": "what", "чего": "what", "чем": "what", "какой": "which", "какая": "which",
    "какое": "which", "какие": "which", "каком": "which", "каких": "which", "какого": "which", "какую": "which",
    "как": "how", "ли": "", "расшифровывается": "stand for", "расшифровываеться": "stand for",
    "означает": "mean", "такое": "is", "такой": "is", "такая": "is", "лет": "old",
    # Kazakh
    "қанша": "how many", "қашан": "when", "кім": "who", "кімге": "who", "кімнің": "who", "қайда": "where",
    "қайдан": "where", "неге": "why", "неліктен": "why", "не": "what", "қандай": "which", "қалай": "how",
    "ма": "", "ме": "", "ба": "", "бе": "", "па": "", "пе": "",
}


def is_cyrillic(word: str) -> bool:
    return bool(CYRILLIC.search(word))


def is_kazakh(word: str) -> bool:
    return not _KAZAKH_LETTERS.isdisjoint(word)


def transliterate(word: str) -> str:
    return word.translate(_LATIN)


def name_forms(word: str) -> list[str]:
    """Latin spellings a Cyrillic name may have in the articles: as written, then without a case ending."""
    forms = [transliterate(word)]
    endings = _KAZAKH_SUFFIXES if is_kazakh(word) else _RUSSIAN_NAME_ENDINGS
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            forms.append(transliterate(word[:-len(ending)]))
            break
    return forms


def kazakh_stem(word: str) -> str:
    """The word without its plural, possessive and case suffixes (at most three, keeping three letters)."""
    for _ in range(3):
        for suffix in _KAZAKH_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[:-len(suffix)]
                break
        else:
            break
    return word


def english_question_words(tokens: list[str]) -> list[str]:
    """The question's tokens with Russian and Kazakh question words read as English ones."""
    out: list[str] = []
    for t in tokens:
        if t in QUESTION_WORDS:
            out += QUESTION_WORDS[t].split()
        else:
            out.append(t)
    return out
