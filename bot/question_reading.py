"""Russian and Kazakh questions read as the English questions they are, for the answer type and the checks.

The question words of both languages ("сколько", "қашан") and the constructions that decide what is asked
("по словам X" is "according to X", "за что" asks why, "как зовут" for a name) are read as their English
counterparts, so a Russian question gets the same answer type as an English one; months, weekdays, ordinals
and "now" are read as English words where the answer checks compare them with a sentence's ("января":
january). A Kazakh question word, which comes late ("Викрам Рузахунов кім?"), is put first.
"""

from __future__ import annotations

import re

from bot.crosslingual import is_cyrillic, is_kazakh

QUESTION_WORDS = {
    # Russian
    "сколько": "how many", "скольо": "how many", "скольких": "how many", "скольким": "how many",
    "скока": "how many", "скольк": "how many", "хто": "who", "насколько": "how much", "каков": "what is",
    "какова": "what is", "каково": "what is", "каковы": "what are", "чей": "whose", "чья": "whose", "чьё": "whose",
    "чье": "whose", "чьи": "whose", "чём": "what", "почём": "how much", "почем": "how much", "што": "what",
    "шо": "what", "чё": "what",
    "када": "when",
    "когда": "when", "кагда": "when", "кто": "who", "кого": "who",
    "кем": "who", "где": "where", "откуда": "where", "куда": "where", "почему": "why", "зачем": "why",
    "отчего": "why", "что": "what", "чего": "what", "чем": "what", "какой": "which", "какая": "which",
    "какое": "which", "какие": "which", "каком": "which", "каких": "which", "какого": "which", "какую": "which",
    "какой-то": "which", "каким": "which", "какими": "which", "какому": "which",
    "как": "how", "ли": "", "расшифровывается": "stand for", "расшифровываеться": "stand for",
    "расшифровка": "stand for", "расшифруй": "stand for",
    "означает": "mean", "такое": "is", "такой": "is", "такая": "is", "это": "is", "лет": "old",
    # Kazakh
    "қанша": "how many", "қаншама": "how many", "қай": "which", "кай": "which", "неден": "why",
    "қашан": "when", "кім": "who", "кімге": "who", "кімнің": "who", "қайда": "where",
    "қайдан": "where", "неге": "why", "неліктен": "why", "не": "what", "нені": "what", "қандай": "which",
    "қалай": "how", "неше": "how many", "білдіреді": "mean", "деген": "", "значит": "mean", "значет": "mean",
    "ма": "", "ме": "", "ба": "", "бе": "", "па": "", "пе": "",
    # Kazakh typed on a Russian keyboard
    "канша": "how many", "кашан": "when", "кайда": "where", "кайдан": "where", "кандай": "which", "калай": "how",
}


_KAZAKH_QUESTION_WORDS = frozenset("қанша қаншама қай кай неден қашан кім кімге кімнің қайда қайдан неге неліктен "
                                   "не нені қандай қалай неше".split())
_KAZAKH_PLAIN = frozenset("деген туралы бойынша керек неге болды".split())  # Kazakh without Kazakh letters
_COUNTING = frozenset({"қанша", "қаншама", "неше", "қай", "кай"})  # "қанша адам", "қай қала": the noun follows
_PHRASES = {("неше", "жаста"): "how old", ("неше", "жасқа"): "how old", ("сколько", "лет"): "how old",
            ("скока", "лет"): "how old",
            ("нені", "білдіреді"): "mean", ("не", "білдіреді"): "mean", ("қанша", "жыл"): "how long",
            ("канша", "жыл"): "how long"}
# Russian constructions read as the English question they are, since they decide the kind of answer asked:
# "по словам X" is "according to X" (a quotation), "за что арестовали" asks why, "как зовут" for a name.
_RUSSIAN_PHRASES = {
    ("по", "словам"): "according to", ("по", "мнению"): "according to", ("по", "данным"): "according to",
    ("за", "что"): "why", ("за", "што"): "why", ("за", "шо"): "why", ("за", "чё"): "why",
    ("из", "за", "чего"): "why", ("с", "чего"): "why", ("по", "какой", "причине"): "why",
    ("кто", "нибудь"): "anyone", ("что", "нибудь"): "anything", ("когда", "нибудь"): "ever",
    ("где", "нибудь"): "anywhere", ("кто", "то"): "someone", ("что", "то"): "something",
    ("как", "долго"): "how long", ("сколько", "времени"): "how long", ("скока", "времени"): "how long",
    ("на", "какой", "срок"): "how long", ("на", "какое", "время"): "how long",
    ("во", "сколько"): "what time", ("во", "скока"): "what time", ("во", "скольк"): "what time",
    ("к", "чему"): "what", ("о", "чём"): "what", ("о", "чем"): "what",
    ("с", "каких", "пор"): "since when", ("какого", "числа"): "what date", ("в", "каком", "году"): "what year",
    ("сколько", "из"): "how many of", ("скока", "из"): "how many of",
    ("в", "какие", "годы"): "what years", ("на", "каком", "расстоянии"): "how far",
    ("на", "какой", "глубине"): "how deep",
    ("на", "какой", "высоте"): "how high", ("какой", "силы"): "how strong", ("какой", "длины"): "how long is",
    ("что", "за"): "what is", ("полное", "название"): "stand for", ("толық", "атауы", "қандай"): "stand for",
    ("толық", "атауы"): "stand for", ("толық", "аты"): "stand for",
    **{("как", v): "what is the name of" for v in
       "зовут звали называется называлась назывался называлось назывались называют называли".split()},
    **{("кому", v): "who owns" for v in "принадлежит принадлежало принадлежал принадлежала принадлежат".split()},
}
_RUSSIAN_LONGEST = max(len(k) for k in _RUSSIAN_PHRASES)
# "сколько длилось", "сколько займёт", "сколько держали": how much time, not how many.
_DURATION_VERB = re.compile(r"^(?:длил|длит|продолжал|продолжит|займ|занял|занима|держал|простоял|простаивал"
                            r"|пробуд|пробыл|остава|останет|останут|продерж)")
_NAMING_VERBS = frozenset("назвал назвала назвали называет называют называл называла называли описал описала "
                          "описали".split())  # "как Токаев назвал беспорядки?": what did he call them
_COPULA_PAST = frozenset("был была было были".split())
# "сколько стоил", "сколько заплатили", "сколько денег": an amount of money, "how much" (read as "cost" by the checks).
_MONEY_WORD = re.compile(r"^(?:стои|стоил|заплат|плат|заработ|зарабат|потрат|трат|обош|обход|денег|деньг|стоимост)")


# Closed classes the answer checks compare with a sentence's words: months, weekdays, ordinals, "now". Russian
# months and weekdays by their beginnings (any case ending), Kazakh ones with their suffixes, the rest as written.
_CALENDAR_STARTS = (("январ", "january"), ("феврал", "february"), ("апрел", "april"), ("июн", "june"),
                    ("июл", "july"), ("август", "august"), ("сентябр", "september"), ("октябр", "october"),
                    ("ноябр", "november"), ("декабр", "december"), ("понедельник", "monday"), ("вторник", "tuesday"),
                    ("четверг", "thursday"), ("пятниц", "friday"), ("суббот", "saturday"), ("воскресень", "sunday"),
                    ("қаңтар", "january"), ("ақпан", "february"), ("наурыз", "march"), ("сәуір", "april"),
                    ("мамыр", "may"), ("маусым", "june"), ("шілде", "july"), ("тамыз", "august"),
                    ("қыркүйек", "september"), ("қараша", "november"), ("желтоқсан", "december"),
                    ("дүйсенбі", "monday"), ("сейсенбі", "tuesday"), ("сәрсенбі", "wednesday"),
                    ("бейсенбі", "thursday"), ("жексенбі", "sunday"))
_CALENDAR_WORDS = {
    **dict.fromkeys("март марта марте".split(), "march"), **dict.fromkeys("май мая мае".split(), "may"),
    **dict.fromkeys("среда среду среды среде".split(), "wednesday"),
    **dict.fromkeys("сейчас теперь ныне қазір".split(), "now"),
    **dict.fromkeys("нынешний нынешнего текущий".split(), "current"),
    **dict.fromkeys("бывший бывшего бывшая бывшей бывшие бывших".split(), "former"),
    **dict.fromkeys("первый первая первое первого первой первые".split(), "first"),
    **dict.fromkeys("второй вторая второе второго второму".split(), "second"),
    **dict.fromkeys("третий третья третье третьего".split(), "third"),
    **dict.fromkeys("последний последняя последнее последнего последней последние".split(), "last"),
}
_CALENDAR_ENDING = 5  # letters a case or Kazakh suffix adds: "января", "қаңтарда"


def calendar_word(token: str) -> str | None:
    """The English month, weekday, ordinal or "now" a Russian or Kazakh word is ("января" -> january), if any;
    "cost" for a Russian word of money ("стоил", "заплатили")."""
    if _MONEY_WORD.match(token):
        return "cost"
    return _CALENDAR_WORDS.get(token) or next(
        (english for start, english in _CALENDAR_STARTS
         if token.startswith(start) and len(token) <= len(start) + _CALENDAR_ENDING), None)


def english_question_words(tokens: list[str]) -> list[str]:
    """The question's tokens with Russian and Kazakh question words read as English ones. A Kazakh question
    word, which comes late ("Викрам Рузахунов кім?"), is put first as English has it ("who is …"); in a
    Russian question "не" is "not", not the Kazakh "what"."""
    if "".join(tokens).isascii() or not any(is_cyrillic(t) for t in tokens):
        return tokens  # an English question already is one
    kazakh = any(is_kazakh(t) or t in _KAZAKH_PLAIN for t in tokens)
    tokens = _phrases(_subject_first(tokens))
    out: list[str] = []
    front: list[str] = []
    skip = -1
    for i, t in enumerate(tokens):
        english = QUESTION_WORDS.get(t)
        if i == skip:
            continue
        if english is None or (t in ("не", "нені") and not kazakh):
            out.append(t) if english is None else None
        elif kazakh and t in _KAZAKH_QUESTION_WORDS and i > 0 and not front:
            front = english.split()
            if t in _COUNTING and i + 1 < len(tokens):
                front.append(tokens[i + 1])  # "қанша адам": how many people
                skip = i + 1
            elif t in ("кім", "не", "нені") and i == len(tokens) - 1:
                front.append("is")  # "X кім?": who is X
        else:
            out += english.split()
    if kazakh and out[-1:] == ["mean"] and front in ([], ["what"]):
        front = ["what", "does"]  # "X нені білдіреді?": what does X mean
    return front + out


def _subject_first(tokens: list[str]) -> list[str]:
    """"Гульнара Омарова это кто", "ОДКБ это вообще что за организация": the subject before "это кто/что" is
    what is asked about, as in "кто такая Гульнара Омарова"."""
    at = next((i for i, t in enumerate(tokens) if t == "это" and i > 0), None)
    if at is None:
        return tokens
    after = [t for t in tokens[at + 1:at + 3] if t != "вообще"]
    if after[:1] not in (["кто"], ["что"]):
        return tokens
    wh = tokens.index(after[0], at + 1)
    return [after[0], "такой" if after[0] == "кто" else "это", *tokens[:at], *tokens[wh + 1:]]


_RUSSIAN_PAST = re.compile(r"^[а-яё]{2,}(?:л|ла|ло|ли)$")  # был, правил, длились


def _phrases(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        pair = tuple(tokens[i:i + 2])
        found = _russian_phrase(tokens, i)
        if pair in (("сколько", "лет"), ("скока", "лет")) and any(
                _RUSSIAN_PAST.search(t) and t not in _COPULA_PAST for t in tokens[i + 2:]):
            out.append("how long")  # "сколько лет Назарбаев был у власти": years of something done, not an age
            i += 2
        elif pair in _PHRASES:
            out.append(_PHRASES[pair])
            i += 2
        elif found is not None:
            out.append(found[0])
            i += found[1]
        elif tokens[i] in ("сколько", "скока") and tokens[-1] == "лет" and not any(
                _RUSSIAN_PAST.search(t) and t not in _COPULA_PAST for t in tokens[i + 1:]):
            out.append("how old")  # "сколько ей (Хайке Бреннер) лет?": an age, its person between
            i += 1
        elif tokens[i] in ("сколько", "скока") and any(_MONEY_WORD.match(t) for t in tokens[i + 1:]):
            out.append("how much")  # "сколько стоил газ?", "сколько ему заплатили?": money
            i += 1
        elif tokens[i] in ("сколько", "скока") and any(_DURATION_VERB.match(t) for t in tokens[i + 1:]):
            out.append("how long")  # "сколько длилась забастовка?"
            i += 1
        elif tokens[i] == "как" and not _NAMING_VERBS.isdisjoint(tokens[i + 1:]):
            out.append("what")  # "как Токаев назвал беспорядки?"
            i += 1
        else:
            out.append(tokens[i])
            i += 1
    return [w for t in out for w in t.split()]


def _russian_phrase(tokens: list[str], at: int) -> tuple[str, int] | None:
    """The English reading of the longest Russian construction starting at ``at``, and its length."""
    for size in range(_RUSSIAN_LONGEST, 1, -1):
        english = _RUSSIAN_PHRASES.get(tuple(tokens[at:at + size]))
        if english is not None:
            return english, size
    return None
