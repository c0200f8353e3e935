"""Small talk: greetings, thanks, goodbyes, "who are you?", "ok", and messages of emoji or symbols only.

Each gets a short reply that fits it (``Talk`` names it; the words are in the catalogues), in
English, Russian and Kazakh, and never the no-answer or the "ask in English" line. A message
is small talk only when all of it is: "hi, how many people died?" is a question.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.text import fold


class Talk(StrEnum):
    """What kind of small talk a message is."""

    GREETING = "greeting"
    THANKS = "thanks"
    GOODBYE = "goodbye"
    WHO = "who"
    ACK = "ack"
    SYMBOLS = "symbols"


_WORDS = {
    Talk.GREETING: """hi hello hey hiya howdy greetings morning evening afternoon good day yo sup hallo hola there all
        привет приветствую здравствуйте здравствуй здорово добрый доброе утро день вечер салам салем хай
        сәлем сәлеметсіз сәлеметсіздер бе қайырлы таң күн кеш ассалаумағалейкум""",
    Talk.THANKS: """thanks thank thx ty tnx thanx cheers much you very so a lot appreciated great helpful ok okay
        спасибо спс благодарю большое огромное пасиб рахмет рақмет көп үлкен сізге саған""",
    Talk.GOODBYE: """bye goodbye cya later see you good night take care farewell for now
        пока до свидания встречи всего доброго хорошего счастливо
        сау бол болыңыз болыңдар кездескенше жақсы қал қалыңыз""",
    Talk.ACK: """ok okay k kk yes no yeah yep nope cool nice fine sure alright got it lol hmm test
        ок окей ладно хорошо понятно ясно да нет ага угу класс отлично норм
        жарайды жақсы түсінікті иә жоқ мақұл""",
}
_TALK_WORDS = {talk: frozenset(text.split()) for talk, text in _WORDS.items()}
# Whole messages (lowercased, punctuation dropped) that are small talk though their words are not.
_PHRASES = {
    Talk.WHO: """who are you|what are you|who r u|what can you do|what do you do|what is this bot|are you a bot
        кто ты|ты кто|кто вы|вы кто|что ты умеешь|что ты такое|ты бот|что это за бот|что ты можешь
        сен кімсің|сіз кімсіз|кімсің|кімсіз|не істей аласың|не істей аласыз|сен ботсың ба""",
    Talk.GREETING: """how are you|how are you doing|how is it going|whats up|what s up
        как дела|как ты|как вы|как поживаешь|как поживаете
        қалайсың|қалайсыз|қалың қалай|халің қалай|жағдай қалай|хал жағдай қалай""",
}
_PHRASE = {" ".join(phrase.split()): talk for talk, text in _PHRASES.items()
           for phrase in text.replace("\n", "|").split("|")}
_LONGEST_PHRASE = max(len(phrase.split()) for phrase in _PHRASE)
_WORD = re.compile(r"[^\W\d_]+")


def classify(text: str) -> Talk | None:
    """The kind of small talk ``text`` is, or None when it is (or may be) a question."""
    tokens = _WORD.findall(fold(text))
    # "how are you?", and after a greeting: "привет! как дела?", "hi, who are you?"
    for start, token in enumerate(tokens):
        if len(tokens) - start <= _LONGEST_PHRASE and (talk := _PHRASE.get(" ".join(tokens[start:]))) is not None:
            return talk
        if token not in _TALK_WORDS[Talk.GREETING]:
            break
    said = frozenset(tokens)
    for talk in (Talk.THANKS, Talk.GOODBYE, Talk.GREETING, Talk.ACK):
        if said and said <= _TALK_WORDS[talk] and _anchored(talk, tokens):
            return talk
    if sum(len(t) for t in tokens) <= 1 and not any(c.isdigit() for c in text):
        return Talk.SYMBOLS if text.strip() else None  # "👍", "¯\\_(ツ)_/¯", "?"
    return None


_ANCHORS = {  # the words that make the kind: "very much" alone is not thanks
    Talk.THANKS: frozenset("thanks thank thx ty tnx thanx cheers appreciated спасибо спс благодарю пасиб рахмет рақмет"
                           .split()),
    Talk.GOODBYE: frozenset("bye goodbye cya farewell later see night пока свидания встречи счастливо сау кездескенше"
                            .split()),
}


def _anchored(talk: Talk, tokens: list[str]) -> bool:
    anchors = _ANCHORS.get(talk)
    return anchors is None or any(t in anchors for t in tokens)
