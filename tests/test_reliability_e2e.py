"""Issue 11's scenarios, scaled down: the real bot process against the fake Bot API under floods and faults.

Each scenario is a function of tests/soak.py (``python tests/soak.py`` runs them at full size for the
README's figures); here they run at ``SMALL`` sizes, each with its own bot and fake API, and the
tests assert on the figures they return. A few checks that need no scenario share one bot.
"""

from __future__ import annotations

import signal
import socket
from pathlib import Path

import pytest

import soak
from bot_process import TOKEN, launch, new_private, start_bot, stop
from fake_telegram import USER, FakeBotApi, bot_message

pytestmark = pytest.mark.e2e


def scenario(name: str, tmp_path: Path) -> dict:
    return soak.run(name, soak.SMALL, tmp_path)


def test_a_flood_gets_twenty_answers_one_notice_and_bystanders_wait_under_a_second(tmp_path):
    figures = scenario("flood", tmp_path)
    assert figures["bystander p99 ms"] < 1000
    assert (figures["flooder answered"], figures["slow-down notices"]) == (20, 1)
    assert figures["flood dropped (counted)"] == soak.SMALL.flood - 20


def test_a_group_burst_keeps_twenty_a_minute_without_delaying_private_chats(tmp_path):
    figures = scenario("group", tmp_path)
    assert figures["bystander p99 ms"] < 1000
    assert figures["group answers in the first 2 s"] <= 20  # and the scenario waited for the twentieth


def test_sigterm_with_a_backlog_then_a_restart_loses_nothing(tmp_path):
    figures = scenario("sigterm", tmp_path)
    assert (figures["exit code"], figures["killed"]) == (0, False)
    assert 0 < figures["held at SIGTERM"] <= 100  # the bound on what is taken ahead of handling
    assert (figures["lost"], figures["answered twice"]) == (0, 0)


def test_a_rejected_token_is_one_line_exit_1_and_never_printed(tmp_path):
    figures = scenario("token", tmp_path)
    assert (figures["exit code"], figures["output lines"]) == (1, 1)
    assert not figures["token printed"] and not figures["traceback"]
    assert figures["output"].startswith("TELEGRAM_BOT_TOKEN: rejected by the Bot API")


def test_debug_logs_hold_no_names_or_ids_unless_telegram_debug_is_switched_on(tmp_path):
    figures = scenario("debug", tmp_path)
    assert figures["LOG_LEVEL=DEBUG: names or ids in the log"] == 0
    assert figures["LOG_LEVEL=DEBUG LOG_TELEGRAM_DEBUG=on: names or ids in the log"] > 0


def test_401_or_404_while_polling_exits_non_zero_after_answering_what_it_took(tmp_path):
    figures = scenario("polling", tmp_path)
    for status in (401, 404):
        assert figures[f"{status}: exit code"] == 1 and figures[f"{status}: seconds to exit"] < 5
        assert figures[f"{status}: the question before it answered"]


def test_an_unreadable_update_is_logged_once_and_skipped(tmp_path):
    figures = scenario("unreadable", tmp_path)
    assert figures["log lines about it"] == 1 and figures["next question answered in ms"] < 1000


def test_replies_survive_500s_dropped_connections_and_latency(tmp_path):
    figures = scenario("network", tmp_path)
    assert (figures["lost"], figures["answered twice"]) == (0, 0)
    assert figures["retries"] >= soak.SMALL.drops


# --- checks on one shared bot --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bot(api, workdir):
    proc = start_bot(api, workdir, "shared")
    yield proc
    stop(proc)


def test_one_info_line_at_start_says_who_what_and_how(bot, api, seed_kb):
    line = (f"INFO bot: started @event_qa_test_bot: {len(seed_kb.corpus.documents)} article(s), "
            f"{len(seed_kb.faq.entries)} FAQ entries, polling")
    api.wait_for(lambda a: line in bot.log_path.read_text(), timeout=5)
    assert "WARNING" not in bot.log_path.read_text()


def test_a_button_nobody_knows_is_still_answered(bot, api):
    chat = new_private()
    api.push("callback_query", {"id": "cb-unknown", "from": USER, "chat_instance": "ci", "data": "vote:up:7",
                                "message": dict(bot_message(chat), chat={"id": chat, "type": "private"})})
    calls = api.wait_for(lambda a: [c for c in a.calls_of("answerCallbackQuery")
                                    if c["callback_query_id"] == "cb-unknown"])
    assert "no longer works" in calls[0]["text"]


def test_an_unreachable_bot_api_is_a_warning_and_sigterm_still_stops_it(workdir):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    dead = FakeBotApi(TOKEN)
    proc = launch(dead, workdir, "unreachable", TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{port}")
    try:
        dead.wait_for(lambda a: "WARNING bot.telegram.outage: cannot reach the Bot API" in proc.log_path.read_text(),
                      timeout=10)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=5) == 0
    finally:
        stop(proc)
    assert proc.log_path.read_text().count("cannot reach the Bot API") == 1


def test_one_process_outruns_telegrams_thirty_messages_a_second(tmp_path):
    figures = scenario("throughput", tmp_path)  # README, Deploying: replicas are for availability, not speed
    assert figures["polling replies per s"] > 60 and figures["webhook replies per s"] > 60
