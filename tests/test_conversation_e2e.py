"""End to end through the fake Bot API: follow-ups in a private chat and in a group's reply threads, a Russian
user's interface in Russian, and the "Not what you meant?" button."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from bot_process import eventually, new_group, new_private, quoted, replies, start_bot, stop
from fake_telegram import BOT_ID, BOT_USERNAME, FakeBotApi, bot_message, button_press, message, user
from telegram_html import assert_valid_telegram_html

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def bot(api, workdir):
    proc = start_bot(api, workdir, "bot")
    yield proc
    stop(proc)


def article(workdir: Path) -> str:
    return next((workdir / "corpus").glob("*.txt")).read_text(encoding="utf-8")


def say(api: FakeBotApi, chat: int, text: str, **extra) -> dict:
    """Send ``text`` in ``chat`` and return the bot's next message there."""
    before = len(api.sent_to(chat))
    api.push("message", message(chat, text, **extra))
    return replies(api, chat, before + 1)[before]


def russian(chat: int) -> dict:
    return dict(user(chat), language_code="ru")


def test_a_follow_up_in_a_private_chat_is_read_against_the_previous_answer(bot, api, workdir):
    chat = new_private()
    first = say(api, chat, "Where did the most violent clashes take place?")
    assert "<i>(" not in first["text"] and "Almaty" in quoted(first["text"])
    follow = say(api, chat, "how many people were killed there?")
    assert_valid_telegram_html(follow["text"])
    assert follow["text"].startswith("<i>(how many people were killed in Almaty?)")
    assert "more than 100 people were reportedly killed" in quoted(follow["text"])
    assert quoted(follow["text"]) in article(workdir)
    fresh = say(api, chat, "What is the CSTO?")  # self-contained: nothing inherited
    assert "<i>(" not in fresh["text"] and "Collective Security Treaty Organization" in fresh["text"]


def test_a_group_reads_a_reply_against_the_answer_it_replies_to(bot, api):
    group = new_group()
    answer = say(api, group, "/ask Who is Robin Forestier-Walker?")
    assert "Forestier-Walker" in quoted(answer["text"])
    to_answer = dict(bot_message(group), message_id=answer["message_id"])
    follow = say(api, group, "where was he reporting from?", reply_to=to_answer)
    assert follow["text"].startswith("<i>(where was Robin Forestier-Walker reporting from?)</i>")
    assert "Tbilisi" in quoted(follow["text"]) and follow["reply_parameters"]["message_id"]
    elsewhere = say(api, group, "where was he reporting from?", reply_to=bot_message(group))  # another thread
    assert "<i>(" not in elsewhere["text"]
    mention = say(api, group, f"@{BOT_USERNAME} where was he reporting from?")  # not a reply: starts afresh
    assert "<i>(" not in mention["text"]


def test_a_russian_user_gets_the_interface_in_russian(bot, api):
    chat = new_private()
    sender = russian(chat)
    help_text = say(api, chat, "/start", sender=sender)["text"]
    assert_valid_telegram_html(help_text)
    assert "Я отвечаю на вопросы о <b>январских событиях 2022 года в Казахстане</b>" in help_text
    assert "Как спрашивать" in help_text and "/ask" in help_text
    missed = say(api, chat, "Какая погода будет завтра?", sender=sender)
    assert missed["text"].startswith("Я не нашёл этого в стать")
    assert say(api, chat, "спасибо", sender=sender)["text"].startswith("Пожалуйста!")
    assert say(api, chat, "¯\\_(ツ)_/¯", sender=sender)["text"].startswith("🙂 Я отвечаю на вопросы")
    found = say(api, chat, "Сколько человек задержали?", sender=sender)
    assert "8,000" in found["text"] and "Статья на английском языке, цитата приведена в оригинале." in found["text"]
    buttons = [b for row in found["reply_markup"]["inline_keyboard"] for b in row]
    assert "Не то, что вы искали?" in [b["text"] for b in buttons]
    menus = {m.get("language_code", ""): m["commands"] for m in api.calls_of("setMyCommands") if not m.get("scope")}
    assert menus["ru"][0]["description"].startswith("Задать вопрос")


def test_not_what_you_meant_shows_two_more_passages_and_is_recorded(bot, api, workdir):
    chat = new_private()
    answer = say(api, chat, "What did Putin say the CSTO would not allow?")  # a passage answers it
    buttons = [b for row in answer["reply_markup"]["inline_keyboard"] for b in row]
    assert all(len(b["callback_data"].encode()) <= 64 for b in buttons)
    more = next(b for b in buttons if b["callback_data"].startswith("m"))
    before = len(api.sent_to(chat))
    press = button_press(chat, more["callback_data"], sender=user(chat), message_id=answer["message_id"])
    api.push("callback_query", press)
    shown = replies(api, chat, before + 1)[before]
    assert_valid_telegram_html(shown["text"])
    assert shown["text"].startswith("<b>Other passages that may answer you:</b>")
    quotes = [q.split("</blockquote>")[0] for q in shown["text"].split("<blockquote>")[1:]]
    assert len(quotes) == 2 and quoted(answer["text"]) not in [quoted(f"<blockquote>{q}</blockquote>")
                                                               for q in quotes]
    for q in quotes:
        assert quoted(f"<blockquote>{q}</blockquote>") in article(workdir)
    assert any(c["callback_query_id"] == press["id"] for c in api.calls_of("answerCallbackQuery"))
    data = workdir / "bot-data" / "questions.sqlite3"
    eventually(lambda: _votes(data, more["callback_data"][1:]) == [-1])  # the press: this user's thumbs down
    # the button is taken away once used
    api.wait_for(lambda a: [e for e in a.calls_of("editMessageReplyMarkup") if e["message_id"] == answer["message_id"]
                            and e["chat_id"] == chat])


def test_under_a_faq_answer_the_button_shows_the_closest_passage(bot, api, workdir):
    chat = new_private()
    answer = say(api, chat, "What happened in Almaty?")
    more = next(b for row in answer["reply_markup"]["inline_keyboard"] for b in row
                if b["callback_data"].startswith("m"))
    before = len(api.sent_to(chat))
    api.push("callback_query", button_press(chat, more["callback_data"], sender=user(chat)))
    shown = replies(api, chat, before + 1)[before]
    assert shown["text"].startswith("<b>The closest passage in the articles:</b>")
    assert shown["text"].count("<blockquote>") == 1 and quoted(shown["text"]) in article(workdir)


def _votes(path: Path, question_id: str) -> list[int]:
    with closing(sqlite3.connect(path)) as db:
        return [v for (v,) in db.execute("SELECT value FROM votes WHERE question_id = ?", (question_id,))]


def test_a_press_whose_question_is_gone_is_still_answered(bot, api):
    chat = new_private()
    press = button_press(chat, "m" + "0" * 16, sender=user(chat))
    api.push("callback_query", press)
    answered = api.wait_for(lambda a: [c for c in a.calls_of("answerCallbackQuery") if c["callback_query_id"]
                                       == press["id"]])
    assert "ask it again" in answered[0]["text"]
    assert BOT_ID  # the press was about one of the bot's messages
