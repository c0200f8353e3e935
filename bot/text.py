"""Text normalisation and tokenization shared by the corpus index, the FAQ and the questions.

Terms are Snowball stems of lowercased words with stop words removed; numbers lose their
thousands separators (``8,000`` -> ``8000``) so a question's ``8000`` finds the article's ``8,000``.
"""

from __future__ import annotations

import re
import unicodedata

import snowballstemmer

from bot.crosslingual import is_kazakh, kazakh_stem

_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2026": "...",
})

# Numbers (with thousands separators or decimals) or words (letters with inner apostrophes).
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?|[^\W\d_]+(?:'[^\W\d_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

STOP_WORDS = frozenset("""
a about above after again against all am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
down during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's
her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it
it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought
our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such
than that that's the their theirs them themselves then there there's these they they'd they'll
they're they've this those through to too under until up very was wasn't we we'd we'll we're we've
were weren't what what's when when's where where's which while who who's whom why why's with won't
would wouldn't you you'd you'll you're you've your yours yourself yourselves
many much number amount also just really please tell know say said says
get gets got getting take takes took taken taking another according accordingly
whats whos wheres whens whys hows thats theres im ive id dont didnt doesnt isnt wasnt arent werent cant wont
wat wht waht whta wen whn wehn wich whitch whcih wihch hw hwo wher whre mnay meny manny mayn amny mcuh muhc abt
couldnt wouldnt shouldnt hasnt havent hadnt
reportedly allegedly supposedly apparently reputedly purportedly
anyone anybody anything someone somebody something everyone everybody everything nobody nothing now still
already even currently thing things way lot lots kind sort others
actually exactly basically kinda sorta anyway anyways pls plz whole guy guys folks wondering wonder
s t d ll m o re ve y
""".split()) | frozenset("""
в во на с со к ко по о об обо от до из за для у при про над под без между через чтобы и а но или ли же бы
не ни это этот эта эти этого этой тот та те того что чего чем кто кого кем как где когда почему зачем откуда
куда сколько скольо какой какая какое какие каком каких какого какую который которая которые которых был была
было были есть будет будут его ее её их он она они оно мы вы я ты мне меня нас вас им ему ей всё все весь вся
такое такой такая так также уже ещё еще только очень можно ну вот там тут здесь сейчас время во время
кагда скока чё че щас пожалуйста расскажи скажи подскажи знаешь расшифровывается расшифровываеться означает
расшифровка расшифруй
после свой свои свою своём своем ту тех нибудь должен потом является чём скольких насколько каково самый всего
што шо када
ранее значит значет раз вообще самом самого самых сам сама само сами то тому тем том каждый каждая каждое
каждого всём всем всех всю пока если теперь вместо везде котором которой которого которым сих этих этим этом
эту этот другие другой другая другого такие таких таким себя себе собой ведь даже опять вдруг уж хоть разве
впрочем будто чтоб тоже тогда потому поэтому совсем почти никогда всегда иногда наконец конечно нельзя надо
может могут мог могла могли чуть тебя тебе мой моя моё мое мои твой наш ваш
неше нені деген керек ең кейін дейін бойынша
хто каким какими каков какова каковы какому отчего почем почём скольк скольким чей чье чьи чья чьё
кімге кімнің неден қайдан қаншама
және мен бен пен да де та те ма ме ба бе па пе не кім қашан қайда қанша неге неліктен қандай қалай бұл сол
ол олар біз сіз сен осы ма еді болды бар жоқ үшін туралы кезінде қай кай қайсы қайсысы
ның нің дың дің тың тің ға ге қа ке дан ден тан тен нан нен дағы дегі тағы тегі ны ні
кайда кайдан канша кашан калай кандай неликтен кайсысы
""".split())

# Irregular past forms -> base form, so "ran" finds "run" and "dug" finds "dig" (Snowball cannot).
# Forms that are also common nouns or other words (left, found, saw, lay, rose, ground, bound) are left out.
_IRREGULAR_FORMS = """
arose:arise arisen:arise awoke:awake became:become began:begin begun:begin bent:bend bit:bite bitten:bite
bled:bleed blew:blow blown:blow broke:break broken:break brought:bring built:build burnt:burn bought:buy
caught:catch chose:choose chosen:choose came:come crept:creep dealt:deal dug:dig did:do done:do drew:draw
drawn:draw drank:drink drunk:drink drove:drive driven:drive ate:eat eaten:eat fallen:fall fed:feed felt:feel
fought:fight fled:flee flew:fly flown:fly forbade:forbid forbidden:forbid forgot:forget forgotten:forget
froze:freeze frozen:freeze got:get gotten:get gave:give given:give went:go gone:go grew:grow grown:grow
hung:hang had:have heard:hear hid:hide hidden:hide held:hold kept:keep knew:know known:know laid:lay led:lead
lent:lend lain:lie lost:lose made:make meant:mean met:meet paid:pay rode:ride ridden:ride rang:ring rung:ring
risen:rise ran:run said:say seen:see sought:seek sold:sell sent:send shook:shake shaken:shake shown:show
sang:sing sung:sing sank:sink sunk:sink sat:sit slept:sleep spoke:speak spoken:speak spent:spend stood:stand
stole:steal stolen:steal stuck:stick struck:strike stricken:strike swore:swear sworn:swear swept:sweep
swam:swim swum:swim took:take taken:take taught:teach tore:tear torn:tear told:tell thought:think threw:throw
thrown:throw understood:understand woke:wake woken:wake wore:wear worn:wear won:win withdrew:withdraw
withdrawn:withdraw wrote:write written:write overthrew:overthrow overthrown:overthrow undertook:undertake
undertaken:undertake forgave:forgive forgiven:forgive foresaw:foresee foreseen:foresee mistook:mistake
mistaken:mistake rebuilt:rebuild shot:shoot fought:fight slid:slide spun:spin stung:sting strove:strive
"""
IRREGULAR = dict(pair.split(":") for pair in _IRREGULAR_FORMS.split())
# Plurals whose stem is a verb's: "lost their lives" is not "people live", nor "leaves" "leave".
_PLURALS = {"lives": "life", "wives": "wife", "knives": "knife", "leaves": "leaf", "thieves": "thief"}
# Words Snowball gives another word's stem to: "police officers" are not "the attorney general's office"
_OWN_STEMS = {"officer": "officer", "officers": "officer", "officer's": "officer", "officers'": "officer"}
# Russian names of places that Snowball cuts to a common word: "Грузия" to "груз" (cargo), "Токио" to "ток" (current)
_OWN_STEMS |= {base + ending: base + "я" for base in ("грузи", "сири", "кени") for ending in ("я", "и", "ю", "ей")}
_OWN_STEMS |= {name: name for name in ("токио", "кито")}

STEM_CACHE_LIMIT = 500_000
_ENGLISH = snowballstemmer.stemmer("english")
_RUSSIAN = snowballstemmer.stemmer("russian")


def fold(text: str) -> str:
    """Lowercase and fold typographic quotes, dashes and spaces to ASCII; keeps length-insensitive meaning."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).translate(_FOLD).lower()


def _clean(token: str) -> str:
    if token[0].isdigit():
        return token.replace(",", "")
    return token[:-2] if token.endswith("'s") else token


def words(text: str) -> list[str]:
    """Lowercased word and number tokens, possessive ``'s`` dropped, thousands separators removed."""
    return [_clean(t) if "," in t or "'" in t else t for t in _TOKEN.findall(fold(text))]


_STEMS: dict[str, str] = {}


_ACRONYM_PLURAL = re.compile(r"[b-df-hj-np-tv-xz]{3,}s")


def stem(word: str) -> str:
    """Snowball stem (memoised); Russian words get the Russian stemmer and Kazakh words lose their
    suffixes, so questions and the glossary in those languages meet."""
    found = _STEMS.get(word)
    if found is None:
        if word[0].isdigit():
            found = word
        elif word in _OWN_STEMS:
            found = _OWN_STEMS[word]
        elif _CYRILLIC.search(word):
            found = kazakh_stem(word) if is_kazakh(word) else _RUSSIAN.stemWord(word)
        elif _ACRONYM_PLURAL.fullmatch(word):
            found = word[:-1]  # "VPNs": the stemmer keeps the "s" of a word without a vowel
        else:
            plain = word if word.isascii() else _without_accents(word)  # "Cancún", "Zürich": as typed without
            found = _ENGLISH.stemWord(_PLURALS.get(plain) or IRREGULAR.get(plain, plain).replace("'", ""))
        if len(_STEMS) < STEM_CACHE_LIMIT:
            _STEMS[word] = found
    return found


def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def terms(text: str) -> list[str]:
    """Index terms of a text: stems of its non-stop words, in order, repeats kept."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS]


def is_mostly_foreign(text: str) -> bool:
    """True when most letters are outside the Latin script (the sources are in English)."""
    if text.isascii():
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    return latin < len(letters) / 2
