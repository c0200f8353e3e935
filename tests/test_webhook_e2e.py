"""End to end in webhook mode: ``python main.py run --webhook-url …`` on 127.0.0.1, updates posted over real HTTP.

The right secret gets an answer; a wrong or missing one gets 403 and nothing is processed. /healthz
says 503 until the bot is ready, then the knowledge base in service. SIGTERM drains as in polling mode.
The fake Bot API records setWebhook; nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import shutil
import signal

import port_for
import pytest

from bot_process import (
    SECRET,
    TOKEN,
    WEBHOOK_URL,
    eventually,
    health,
    new_private,
    post_update,
    replies,
    request,
    start_bot,
    start_webhook_bot,
    stop,
)
from conftest import SEED_FAQ
from fake_telegram import FakeBotApi, message

pytestmark = pytest.mark.e2e

PATH = "/telegram/hook"


@pytest.fixture(scope="module")
def bot(api, workdir):
    proc = start_webhook_bot(api, workdir, "webhook")
    yield proc
    stop(proc)


def ask(api: FakeBotApi, bot, text: str, chat: int | None = None, **post) -> tuple[int, int]:
    """Post a private message as Telegram would; returns (chat, HTTP status)."""
    chat = chat or new_private()
    return chat, post_update(bot.port, api.update("message", message(chat, text)), **post)


def test_start_sets_the_webhook_and_never_polls(bot, api):
    assert api.webhook["url"] == WEBHOOK_URL and api.webhook["secret_token"] == SECRET
    assert set(api.webhook["allowed_updates"]) == {"message", "callback_query", "inline_query"}
    assert not api.calls_of("getUpdates") and not api.calls_of("deleteWebhook")
    log = bot.log_path.read_text()
    assert f"FAQ entries, webhook (listening on 127.0.0.1:{bot.port})" in log


def test_the_right_secret_gets_an_answer(bot, api):
    chat, status = ask(api, bot, "How many people were arrested?")
    assert status == 200
    assert "8,000 people were arrested" in replies(api, chat)[0]["text"]


@pytest.mark.parametrize("secret", ["wrong-secret-of-the-right-shape", SECRET.upper(), "", None])
def test_a_wrong_or_missing_secret_gets_403_and_nothing_is_processed(bot, api, secret):
    chat, status = ask(api, bot, "How many people were arrested?", secret=secret)
    assert status == 403
    _, status = ask(api, bot, "Who is Tokayev?", chat=chat)  # the same chat's next update, with the secret
    assert status == 200
    answered = replies(api, chat)
    assert len(answered) == 1 and "8,000" not in answered[0]["text"]


def test_healthz_reports_the_knowledge_base_in_service(bot):
    status, body = health(bot.port)
    assert status == 200 and body["status"] == "ok" and body["mode"] == "webhook"
    assert body["articles"] == 1 and body["faq_entries"] > 10 and body["loaded_at"].endswith("+00:00")


def test_other_paths_methods_and_bodies(bot):
    assert request(bot.port, "GET", PATH)[0] == 405
    assert request(bot.port, "POST", "/elsewhere", b"{}", {"X-Telegram-Bot-Api-Secret-Token": SECRET})[0] == 404
    assert post_update(bot.port, b"not json") == 400
    assert post_update(bot.port, b"{}", secret=None) == 403  # the secret is checked before the body is read


def test_an_update_the_library_cannot_read_is_skipped_with_200(bot, api):
    update = api.update_raw({"message": "not an object"})
    assert post_update(bot.port, update) == 200
    eventually(lambda: f"update {update['update_id']} cannot be read" in bot.log_path.read_text())
    chat, status = ask(api, bot, "How many people were arrested?")
    assert status == 200 and replies(api, chat)


def test_an_update_delivered_twice_is_answered_once(bot, api):
    chat = new_private()
    update = api.update("message", message(chat, "How many people were arrested?"))
    assert post_update(bot.port, update) == post_update(bot.port, update) == 200
    _, status = ask(api, bot, "Who is Tokayev?", chat=chat)
    assert status == 200
    assert len(replies(api, chat, 2)) == 2


def test_neither_the_token_nor_the_secret_is_ever_logged(bot, api):
    ask(api, bot, "How many people were arrested?", secret="wrong-secret-of-the-right-shape")
    log = bot.log_path.read_text()
    assert TOKEN not in log and SECRET not in log and TOKEN.split(":")[1] not in log


def test_healthz_says_503_until_ready_and_updates_wait(api, workdir):
    api.fail_next("getMe", 502, times=4)  # about 4 s of retries before the bot is ready
    proc = start_webhook_bot(api, workdir, "starting", wait=False)
    try:
        eventually(lambda: health(proc.port)[0] == 503, timeout=30)
        assert health(proc.port)[1]["status"] == "starting"
        assert post_update(proc.port, api.update("message", message(new_private(), "hello"))) == 503
        eventually(lambda: health(proc.port)[0] == 200, timeout=30)
    finally:
        stop(proc)


def test_sigterm_answers_what_was_taken_then_exits_0(api, workdir):
    proc = start_webhook_bot(api, workdir, "drain")
    try:
        api.set_latency("sendMessage", 0.2)  # the drain takes a while: long enough to look at it
        chats = [ask(api, proc, "How many people were arrested?") for _ in range(10)]
        assert {status for _, status in chats} == {200}
        proc.send_signal(signal.SIGTERM)
        eventually(lambda: health(proc.port)[0] in (503, 0))
        late_chat, late = ask(api, proc, "How many people were arrested?")
        assert late in (503, 0)  # 503 while draining, nothing once closed: Telegram delivers it again later
        assert proc.wait(timeout=15) == 0
        for chat, _ in chats:
            assert len(api.sent_to(chat)) == 1
        assert not api.sent_to(late_chat)
        assert api.webhook, "a replica leaves the webhook set for the others"
    finally:
        api.set_latency("sendMessage", 0)
        stop(proc)


def test_healthz_follows_a_reload_of_the_faq_saved_atomically(api, workdir, tmp_path):
    content = tmp_path / "content"  # as mounted into the container: a folder holding faq.yaml
    content.mkdir()
    shutil.copy(SEED_FAQ, content / "faq.yaml")
    proc = start_webhook_bot(api, workdir, "reload", "--faq", str(content / "faq.yaml"))
    try:
        before = health(proc.port)[1]
        text = (content / "faq.yaml").read_text(encoding="utf-8")
        first = text.index("\n  - id:")
        (content / "faq.yaml.tmp").write_text(text[:first] + text[text.index("\n  - id:", first + 1):],
                                              encoding="utf-8")
        (content / "faq.yaml.tmp").replace(content / "faq.yaml")  # one rename: what README asks of editors
        after = eventually(lambda: (body := health(proc.port)[1])["faq_entries"] != before["faq_entries"] and body)
        assert after["faq_entries"] == before["faq_entries"] - 1 and after["loaded_at"] >= before["loaded_at"]
    finally:
        stop(proc)


def test_polling_serves_healthz_when_a_port_is_set(workdir):
    own = FakeBotApi(TOKEN).start()  # polling deletes the webhook: not on the module's API
    port = port_for.select_random()
    proc = start_bot(own, workdir, "polling-health", PORT=str(port))
    try:
        status, body = eventually(lambda: (answer := health(port))[0] == 200 and answer)
        assert body["mode"] == "polling" and body["articles"] == 1
        assert f"polling (/healthz on 127.0.0.1:{port})" in proc.log_path.read_text()
    finally:
        stop(proc)
        own.stop()


def test_a_webhook_url_the_bot_api_refuses_is_one_line_and_exit_1(workdir):
    own = FakeBotApi(TOKEN).start()
    own.fail_next("setWebhook", 400, {"ok": False, "error_code": 400,
                                      "description": "Bad Request: bad webhook: Failed to resolve host"})
    proc = start_webhook_bot(own, workdir, "refused", wait=False)
    try:
        assert proc.wait(timeout=30) == 1
        log = proc.log_path.read_text()
        assert log.endswith("TELEGRAM_WEBHOOK_URL: rejected by the Bot API (Bad webhook: failed to resolve host)\n")
        assert "Traceback" not in log and SECRET not in log
    finally:
        stop(proc)
        own.stop()
