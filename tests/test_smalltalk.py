"""Small talk gets a reply that fits it, in the user's language, and never the no-answer or "ask in English"."""

from __future__ import annotations

import pytest

from bot.answer import Reason, answer
from bot.formatting import none_text
from bot.i18n import Language, Msg, Texts
from bot.smalltalk import Talk, classify


@pytest.mark.parametrize(("text", "talk"), [
    ("hi", Talk.GREETING), ("Hello!", Talk.GREETING), ("good morning", Talk.GREETING), ("How are you?", Talk.GREETING),
    ("Привет", Talk.GREETING), ("Здравствуйте!", Talk.GREETING), ("Как дела?", Talk.GREETING),
    ("Сәлем", Talk.GREETING), ("Сәлеметсіз бе?", Talk.GREETING), ("привет! как дела?", Talk.GREETING),
    ("hi, how are you?", Talk.GREETING), ("hello, who are you?", Talk.WHO),
    ("thx", Talk.THANKS), ("thanks a lot!", Talk.THANKS), ("Thank you very much", Talk.THANKS), ("ty", Talk.THANKS),
    ("Спасибо!", Talk.THANKS), ("спасибо большое", Talk.THANKS), ("Рахмет", Talk.THANKS), ("Көп рақмет!", Talk.THANKS),
    ("bye", Talk.GOODBYE), ("Good night", Talk.GOODBYE), ("see you later", Talk.GOODBYE), ("Пока", Talk.GOODBYE),
    ("До свидания!", Talk.GOODBYE), ("Сау бол", Talk.GOODBYE),
    ("who are you?", Talk.WHO), ("What can you do?", Talk.WHO), ("Кто ты?", Talk.WHO), ("Сен кімсің?", Talk.WHO),
    ("ok", Talk.ACK), ("cool", Talk.ACK), ("Понятно", Talk.ACK), ("Жарайды", Talk.ACK),
    ("👍", Talk.SYMBOLS), ("¯\\_(ツ)_/¯", Talk.SYMBOLS), ("😀😀😀", Talk.SYMBOLS), ("?", Talk.SYMBOLS),
    ("...", Talk.SYMBOLS),
])
def test_small_talk_is_told_apart(text, talk):
    assert classify(text) == talk


@pytest.mark.parametrize("text", ["hi, how many people died?", "thanks, and who is Tokayev?", "Who is Tokayev?",
                                  "2022", "very much", "Кто такой Токаев?", "", "   "])
def test_questions_are_not_small_talk(text):
    assert classify(text) is None


@pytest.mark.parametrize(("text", "key"), [("thx", Msg.TALK_THANKS), ("hello", Msg.TALK_GREETING),
                                           ("bye", Msg.TALK_GOODBYE), ("who are you?", Msg.TALK_WHO),
                                           ("¯\\_(ツ)_/¯", Msg.TALK_SYMBOLS), ("👍", Msg.TALK_SYMBOLS)])
def test_the_engine_replies_to_small_talk_in_kind(seed_kb, text, key):
    got = answer(seed_kb, text)
    assert got.kind == "none" and got.reason == Reason.SMALL_TALK
    english = Texts(Language.EN)
    assert got.text == english(key, event=english(Msg.EVENT))
    assert "English" not in got.text and "couldn't find" not in got.text


def test_small_talk_is_answered_in_the_users_language(seed_kb):
    thanks = answer(seed_kb, "спасибо")
    assert none_text(thanks, Texts(Language.RU)) == Texts(Language.RU)(Msg.TALK_THANKS)
    greeting = none_text(answer(seed_kb, "Сәлем"), Texts(Language.KK))
    assert greeting.startswith("Сәлеметсіз бе!") and "2022 жылғы" in greeting
