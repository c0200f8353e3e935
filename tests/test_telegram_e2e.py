"""End to end: ``python main.py run`` (the real python-telegram-bot Application) against a fake Bot API.

One bot process serves most of the module; each test talks to it through its own chats, so tests
do not see each other's replies, and tests that stop a bot start their own. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import signal
import time

import pytest

from bot_process import (
    PERSONAL,
    TOKEN,
    ask_private,
    eventually,
    inline_results,
    new_group,
    new_private,
    quoted,
    replies,
    start_bot,
    stop,
    stored_bytes,
)
from fake_telegram import BOT_USERNAME, USER, FakeBotApi, bot_message, message, sticker
from telegram_html import assert_valid_telegram_html

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def bot(api, workdir):
    proc = start_bot(api, workdir, "bot")
    yield proc
    stop(proc)


def test_startup_registers_commands_once(bot, api):  # this module's api serves only the module's bot
    assert len(api.calls_of("getMe")) == 1
    menus = api.calls_of("setMyCommands")
    assert sorted(m.get("language_code", "") for m in menus) == ["", "kk", "ru"]  # once per language
    for menu in menus:
        assert {"ask", "faq", "help"} <= {c["command"] for c in menu["commands"]}
    assert api.wrong_token_requests == 0


def test_private_question_gets_answer_source_and_title(bot, api):
    reply = ask_private(api, "How many people were arrested?")
    assert reply["parse_mode"] == "HTML"
    assert reply["link_preview_options"]["is_disabled"] is True
    assert "<blockquote>" in reply["text"] and "8,000 people were arrested" in reply["text"]
    assert "Kazakh leader declares" in reply["text"]


def test_unknown_question_is_honest_with_suggestions(bot, api):
    reply = ask_private(api, "Who won the football match last night?")
    assert "couldn't find that in the article" in reply["text"]
    buttons = [row[0] for row in reply["reply_markup"]["inline_keyboard"]]
    assert 2 <= len(buttons) <= 3 and all(b["callback_data"].startswith("faq:") for b in buttons)


def test_start_and_help_explain_the_bot(bot, api):
    for command in ("/start", "/help"):
        reply = ask_private(api, command)
        assert "Kazakh leader declares" in reply["text"] and "/ask" in reply["text"]


def test_group_answers_only_when_addressed(bot, api):
    chat = new_group()
    ignored = message(chat, "How many people were arrested?")
    api.push("message", ignored)
    addressed = [
        message(chat, "/ask How many people were arrested?"),
        message(chat, f"/ask@{BOT_USERNAME} What is the CSTO?"),
        message(chat, f"@{BOT_USERNAME} what started the protests"),
        message(chat, "and how many died?", reply_to=bot_message(chat)),
    ]
    last = 0
    for m in addressed:
        last = api.push("message", m)
    replies(api, chat, len(addressed))
    api.wait_acknowledged(last)  # every update, the ignored one first, has been taken and handled
    got = api.sent_to(chat)
    quoted = sorted(r["reply_parameters"]["message_id"] for r in got)
    assert quoted == sorted(m["message_id"] for m in addressed)
    assert all("<blockquote>" in r["text"] for r in got)


def test_faq_button_press_answers_that_question(bot, api):
    chat = new_private()
    api.push("message", message(chat, "/faq"))
    listing = replies(api, chat)[0]
    button = listing["reply_markup"]["inline_keyboard"][0][0]
    before = len(api.calls_of("answerCallbackQuery"))
    api.push("callback_query", {"id": "cb1", "from": USER,
                                "chat_instance": "ci", "data": button["callback_data"],
                                "message": dict(bot_message(chat, listing["text"]),
                                                chat={"id": chat, "type": "private"})})
    answer = replies(api, chat, 2)[1]
    assert button["text"] in answer["text"] and "<blockquote>" in answer["text"]
    assert len(api.calls_of("answerCallbackQuery")) == before + 1


def test_inline_query_offers_up_to_three_grounded_results(bot, api, workdir):
    results = inline_results(api, "How many troops did the CSTO send?")
    article = next((workdir / "corpus").glob("*.txt")).read_text(encoding="utf-8")
    assert 1 <= len(results) <= 3
    texts = [r["input_message_content"]["message_text"] for r in results]
    assert "2,030 troops" in quoted(texts[0])
    assert len({quoted(t) for t in texts}) == len(texts)  # distinct sources
    for text in texts:
        assert quoted(text) in article and "Kazakh leader declares" in text


def test_empty_inline_query_offers_faq_questions(bot, api, workdir):
    results = inline_results(api, "")
    faq = (workdir / "faq.yaml").read_text(encoding="utf-8")
    assert len(results) == 3
    for result in results:
        assert f"- {result['title']}" in faq  # a curated question, answered by its entry
        assert "<blockquote>" in result["input_message_content"]["message_text"]


def test_non_text_gets_a_hint_in_private_and_nothing_in_groups(bot, api):
    private, group = new_private(), new_group()
    api.push("message", sticker(group))
    api.push("message", sticker(private))
    assert "type your question" in replies(api, private)[0]["text"]
    api.push("message", message(group, "/ask fuel prices"))
    assert len(replies(api, group)) == 1 and "fuel" in api.sent_to(group)[0]["text"]


def test_edited_message_gets_no_second_reply(bot, api):
    chat = new_private()
    original = message(chat, "How many people were arrested?")
    api.push("message", original)
    replies(api, chat)
    api.push("edited_message", dict(original, text="How many people died?", edit_date=int(time.time())))
    last = api.push("message", message(chat, "What is the CSTO?"))
    got = replies(api, chat, 2)
    api.wait_acknowledged(last)
    assert len(api.sent_to(chat)) == 2 and "Collective Security" in got[1]["text"]


def test_429_is_waited_out_and_the_reply_delivered(bot, api):
    api.fail_next("sendMessage", 429, {"ok": False, "error_code": 429, "description": "Too Many Requests: retry "
                                       "after 1", "parameters": {"retry_after": 1}})
    reply = ask_private(api, "What is the CSTO?")
    assert "Collective Security" in reply["text"]


def test_502_on_one_reply_is_retried_and_delivered(bot, api):
    chat = new_private()
    api.fail_next("sendMessage", 502, {"ok": False, "error_code": 502, "description": "Bad Gateway"})
    api.push("message", message(chat, "What is the CSTO?"))
    assert "Collective Security" in replies(api, chat)[0]["text"]
    assert len(api.sent_to(chat)) == 1


def test_400_on_one_reply_is_logged_and_does_not_stop_the_next(bot, api):
    first, second = new_private(), new_private()
    api.fail_next("sendMessage", 400, {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"})
    failed = api.push("message", message(first, "What is the CSTO?"))
    line = f"ERROR bot: update {failed} failed: BadRequest: Chat not found"
    eventually(lambda: line in bot.log_path.read_text())
    assert "Traceback" in bot.log_path.read_text().split(line, 1)[1]
    api.push("message", message(second, "What is the CSTO?"))
    assert "Collective Security" in replies(api, second)[0]["text"]
    assert api.sent_to(first) == []


def test_burst_of_200_messages_from_100_chats_each_answered_once(bot, api):
    chats = [new_private() for _ in range(100)]
    questions = ["How many people were arrested?", "What is the CSTO?"]
    last = 0
    for q in questions:
        for chat in chats:
            last = api.push("message", message(chat, q))
    api.wait_for(lambda a: all(len(a.sent_to(c)) >= 2 for c in chats), timeout=60)
    api.wait_acknowledged(last)
    assert all(len(api.sent_to(c)) == 2 for c in chats)


def test_faq_edit_is_picked_up_and_a_broken_edit_keeps_serving(bot, api, workdir):
    faq = workdir / "faq.yaml"
    original = faq.read_text(encoding="utf-8")
    faq.write_text(original + "\n  - id: zebra\n    questions:\n      - Were zebras seen in Almaty?\n"
                   "    answer: The article does not mention zebras; it reports clashes in Almaty.\n"
                   "    source: Almaty\n", encoding="utf-8")

    def zebra_answered(a: FakeBotApi) -> bool:
        return "zebras" in ask_private(a, "Were zebras seen in Almaty?")["text"]

    deadline = time.monotonic() + 10
    while not zebra_answered(api):
        assert time.monotonic() < deadline, "FAQ edit not picked up"
    faq.write_text(original + "\n  - questions: [broken\n", encoding="utf-8")
    eventually(lambda: "reload failed" in bot.log_path.read_text(), timeout=10)
    assert "faq.yaml:" in bot.log_path.read_text()
    assert "zebras" in ask_private(api, "Were zebras seen in Almaty?")["text"]
    faq.write_text(original, encoding="utf-8")


def test_unanswered_questions_are_recorded_without_user_data(bot, api, workdir):
    ask_private(api, "What is the exchange rate of the tenge?")
    recorded = eventually(lambda: b"tenge" in (data := stored_bytes(workdir / "bot-data")) and data, timeout=5)
    assert not [p for p in PERSONAL if p.encode() in recorded]


def test_every_reply_is_valid_telegram_html_within_limits(bot, api):
    chat, group = new_private(), new_group()
    questions = ["How many people were arrested?", "What is the CSTO?", "fuel prices", "Who won the match?",
                 "hello", "<b>&amp; who is Tokayev?", "x" * 4000, "/help", "/faq", "/ask"]
    for q in questions:
        api.push("message", message(chat, q))
    api.push("message", message(group, "/ask what did Putin say <i>about colour revolutions"))
    texts = [m["text"] for m in replies(api, chat, len(questions))] + [replies(api, group)[0]["text"]]
    texts += [r["input_message_content"]["message_text"] for q in ("CSTO troops", "") for r in inline_results(api, q)]
    assert len(texts) > len(questions)
    for text in texts:
        assert_valid_telegram_html(text)


@pytest.fixture
def own_api():
    server = FakeBotApi(TOKEN).start()
    yield server
    server.stop()


def test_sigterm_stops_cleanly_and_logs_hold_no_token_or_names(own_api, workdir):
    proc = start_bot(own_api, workdir, "sigterm")
    try:
        chat = new_private()
        own_api.push("message", message(chat, "How many people were arrested?"))
        replies(own_api, chat)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        stop(proc)
    logs = proc.log_path.read_text()
    assert TOKEN not in logs and TOKEN.split(":")[1] not in logs
    assert not [p for p in PERSONAL if p in logs]
    assert "answered kind=faq" in logs and "stopped" in logs


def test_sigint_stops_a_polling_bot_within_seconds(own_api, workdir):
    proc = start_bot(own_api, workdir, "sigint", "--no-faq", BOT_RELOAD_SECONDS="0")
    try:
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
        assert time.monotonic() - started < 5
    finally:
        stop(proc)
