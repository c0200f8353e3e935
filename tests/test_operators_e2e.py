"""End to end, for operators: the question store, votes, admin commands, and the loop from a missed
question to a live, checked fix, through ``python main.py run`` against the fake Bot API.

One bot (with an admin) serves the module's read-only tests; the tests that edit files start their
own. Nothing leaves 127.0.0.1, and every wait is on a condition.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from bot.cli import main
from bot.faq import parse_faq
from bot.settings import Settings
from bot.store import STORE_FILE

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
from conftest import SEED_CORPUS, SEED_FAQ
from fake_telegram import ADMIN, OTHER_USER, USER, FakeBotApi, button_press, message

pytestmark = pytest.mark.e2e

ADMIN_ENV = {"ADMIN_IDS": str(ADMIN["id"])}
MISSED = "What did the rioters plan after Almaty?"
SHIPPED = len(parse_faq(SEED_FAQ).entries)  # the shipped FAQ's entries; NEW_ENTRY makes one more
NEW_ENTRY = """
  - id: almaty-plan
    questions:
      - What did the rioters plan after Almaty?
      - What would the fall of Almaty have led to?
    answer: Tokayev said the fall of Almaty would have opened the way to a takeover of the south.
    source: The fall of this city would have paved the way for a takeover of the densely populated south
"""


def fresh_workdir(root: Path) -> Path:
    shutil.copytree(SEED_CORPUS, root / "corpus")
    shutil.copy(SEED_FAQ, root / "faq.yaml")
    return root


def save_atomically(path: Path, text: str) -> None:
    """What README recommends: write a temporary file beside it, then rename it over the old one."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def rows(data_dir: Path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(data_dir / STORE_FILE) as db:
        return db.execute(sql, args).fetchall()


def admin_says(api: FakeBotApi, text: str, count: int) -> str:
    """Send ``text`` as the admin in their private chat; the reply (the ``count``-th message there)."""
    api.push("message", message(ADMIN["id"], text, sender=ADMIN))
    return replies(api, ADMIN["id"], count)[count - 1]["text"]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return fresh_workdir(tmp_path_factory.mktemp("operators"))


@pytest.fixture(scope="module")
def bot(api, workdir):
    proc = start_bot(api, workdir, "ops", **ADMIN_ENV)
    yield proc
    stop(proc)


@pytest.fixture
def own_api():
    server = FakeBotApi(TOKEN).start()
    yield server
    server.stop()


def test_admins_get_the_admin_menu_and_others_only_the_public_one(bot, api):
    menus = api.wait_for(lambda a: len(a.calls_of("setMyCommands")) >= 6 and a.calls_of("setMyCommands"))
    public = [c for c in menus if not c.get("scope")]
    scoped = [c for c in menus if c.get("scope")]
    assert all([c["command"] for c in menu["commands"]] == ["ask", "faq", "help"] for menu in public)
    assert sorted(c.get("language_code", "") for c in scoped) == ["", "kk", "ru"]  # one menu per language
    for admin_menu in scoped:
        assert admin_menu["scope"] == {"type": "chat", "chat_id": ADMIN["id"]}
        assert {"stats", "missed", "reload"} <= {c["command"] for c in admin_menu["commands"]}


def test_admin_commands_do_nothing_visible_for_anyone_else(bot, api):
    private, group = new_private(), new_group()
    last = 0
    for text in ("/stats", "/missed", "/reload"):
        api.push("message", message(private, text))
        last = api.push("message", message(group, f"{text}@event_qa_test_bot"))
    api.push("message", message(private, "What is the CSTO?"))  # answered: the bot did read the chat
    replies(api, private)
    api.wait_acknowledged(last)
    assert len(api.sent_to(private)) == 1 and api.sent_to(group) == []


def test_stats_shows_store_totals_and_counters(bot, api, workdir):
    ask_private(api, "How many people were arrested?")
    reply = admin_says(api, "/stats", len(api.sent_to(ADMIN["id"])) + 1)
    assert "<b>Questions kept</b>" in reply and "by kind:" in reply and "median latency:" in reply
    assert "<b>Since start</b>:" in reply and "questions " in reply


def test_missed_lists_the_questions_without_a_good_answer(bot, api):
    ask_private(api, "What is the exchange rate of the tenge?")
    ask_private(api, "what is the exchnage rate of the tenge")
    reply = admin_says(api, "/missed", len(api.sent_to(ADMIN["id"])) + 1)
    assert "2\u00d7 What is the exchange rate of the tenge?" in reply


def test_reload_reports_what_is_in_service(bot, api):
    reply = admin_says(api, "/reload", len(api.sent_to(ADMIN["id"])) + 1)
    assert reply == f"<b>Reloaded</b>. In service: 1 article(s), {SHIPPED} FAQ entries."


def press_and_wait(api: FakeBotApi, press: dict) -> dict:
    """Press a button and return the bot's answer to the press."""
    api.push("callback_query", press)
    return api.wait_for(lambda a: [c for c in a.calls_of("answerCallbackQuery")
                                   if c["callback_query_id"] == press["id"]])[0]


def test_one_vote_per_user_per_answer_changeable_and_ticked(bot, api, workdir):
    chat = new_private()
    api.push("message", message(chat, "How many troops did the CSTO send?"))
    answer = replies(api, chat)[0]
    up, down = [b["callback_data"] for b in answer["reply_markup"]["inline_keyboard"][0]]
    assert up.startswith("v+") and down.startswith("v-") and len(up.encode()) <= 64

    def ticked(count: int):
        def edits(a: FakeBotApi) -> list[str] | None:
            made = [c["reply_markup"]["inline_keyboard"][0] for c in a.calls_of("editMessageReplyMarkup")
                    if c["chat_id"] == chat]
            return len(made) == count and [b["text"] for b in made[-1]]
        return edits

    for count, data in enumerate((up, up, down), start=1):  # each press handled before the next
        assert "Thanks" in press_and_wait(api, button_press(chat, data))["text"]
        shown = api.wait_for(ticked(count))
    assert shown == ["\U0001f44d", "\U0001f44e \u2713"]
    votes = rows(workdir / "ops-data", "SELECT value, voter FROM votes WHERE question_id = ?", up[2:])
    assert [v for v, _ in votes] == [-1]  # one vote, the latest
    assert str(USER["id"]) not in votes[0][1]


def test_votes_in_groups_count_each_user_once_without_ticking_the_shared_message(bot, api, workdir):
    group = new_group()
    api.push("message", message(group, "/ask How many people were arrested?"))
    up, down = [b["callback_data"] for b in replies(api, group)[0]["reply_markup"]["inline_keyboard"][0]]
    for data, sender in ((up, USER), (up, OTHER_USER), (down, OTHER_USER)):
        press_and_wait(api, button_press(group, data, sender=sender))
    votes = rows(workdir / "ops-data", "SELECT value FROM votes WHERE question_id = ?", up[2:])
    assert sorted(v for v, in votes) == [-1, 1]
    assert not [c for c in api.calls_of("editMessageReplyMarkup") if c["chat_id"] == group]


def test_every_button_press_is_answered_known_or_not(bot, api):
    chat = new_private()
    presses = [button_press(chat, data) for data in ("zzz", "v+nothex", "v-0123456789abcdef", "faq:gone", "")]
    for press in presses:
        api.push("callback_query", press)
    ids = {p["id"] for p in presses}
    api.wait_for(lambda a: {c["callback_query_id"] for c in a.calls_of("answerCallbackQuery")} >= ids)
    stale = next(c for c in api.calls_of("answerCallbackQuery") if c["callback_query_id"] == presses[2]["id"])
    assert stale["text"] == "This answer is too old to rate."


def test_an_inline_question_is_recorded_once_its_user_stops_typing(bot, api, workdir):
    for prefix in ("Who is Tok", "Who is Tokay", "Who is Tokayev, really?"):
        inline_results(api, prefix)
    recorded = eventually(lambda: rows(workdir / "ops-data", "SELECT question FROM questions WHERE surface = "
                                       "'inline' AND question LIKE 'Who is Tok%'"), timeout=5)
    assert recorded == [("Who is Tokayev, really?",)]


def test_what_the_bot_writes_is_private_and_holds_no_personal_data(bot, api, workdir):
    ask_private(api, "How many people died?")
    data = workdir / "ops-data"
    eventually(lambda: b"How many people died?" in stored_bytes(data))
    assert data.stat().st_mode & 0o777 == 0o700
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in data.iterdir())
    personal = PERSONAL + [ADMIN["first_name"], ADMIN["username"], str(ADMIN["id"]), OTHER_USER["username"]]
    assert not [p for p in personal if p.encode() in stored_bytes(data)]
    assert not [p for p in personal if p in bot.log_path.read_text()]


def test_missed_question_to_a_live_checked_fix_and_a_broken_edit_keeps_serving(own_api, tmp_path, capsys):
    workdir = fresh_workdir(tmp_path)
    proc = start_bot(own_api, workdir, "loop", BOT_RELOAD_SECONDS="0.1", **ADMIN_ENV)
    settings = Settings(cache_dir=None, data_dir=workdir / "loop-data")
    knowledge = ["--corpus", str(workdir / "corpus"), "--faq", str(workdir / "faq.yaml")]
    try:
        # 1. A user asks what the bot cannot answer.
        assert "couldn't find that" in ask_private(own_api, MISSED)["text"]

        # 2. The operator's report lists it, with the passage a FAQ answer could quote.
        def listed() -> str:
            main(["report", *knowledge], settings=settings)
            out = capsys.readouterr().out
            return MISSED in out and out

        shown = eventually(listed, timeout=5)
        assert f"    1x  {MISSED}" in shown and "best passage (0." in shown

        # 3. The operator adds an entry, and check passes.
        faq = workdir / "faq.yaml"
        original = faq.read_text(encoding="utf-8")
        save_atomically(faq, original + NEW_ENTRY)
        assert main(["check", *knowledge], settings=settings) == 0
        last = capsys.readouterr().out.strip().splitlines()[-1]
        assert last.startswith(f"ok: 1 article(s), 25 sentences, {SHIPPED + 1} FAQ")

        # 4. The next reply uses the new entry.
        eventually(lambda: f"reloaded: 1 article(s), {SHIPPED + 1} FAQ entries" in proc.log_path.read_text())
        assert "takeover of the south" in ask_private(own_api, MISSED)["text"]

        # 5. A broken edit: the bot keeps answering with the last good FAQ, and the admin is told where.
        save_atomically(faq, original + NEW_ENTRY + "  - id: broken\n\tquestions: [oops]\n")
        told = own_api.wait_for(lambda a: [m["text"] for m in a.sent_to(ADMIN["id"]) if "Reload refused" in m["text"]])
        assert "faq.yaml:" in told[0] and "a tab character" in told[0]
        assert "takeover of the south" in ask_private(own_api, MISSED)["text"]
        assert main(["check", *knowledge], settings=settings) == 1
        reply = admin_says(own_api, "/reload", len(own_api.sent_to(ADMIN["id"])) + 1)  # the admin asks again
        assert reply.startswith("<b>Reload refused, the previous version keeps serving</b>. In service: "
                                f"1 article(s), {SHIPPED + 1} FAQ entries.")
        tab_line = (original + NEW_ENTRY).count("\n") + 2
        assert f"faq.yaml:{tab_line}: a tab character" in reply
    finally:
        stop(proc)


def test_first_start_with_broken_parts_serves_the_rest_and_tells_the_admins(own_api, tmp_path):
    workdir = fresh_workdir(tmp_path)
    (workdir / "faq.yaml").write_text("entries:\n  - id: x\n\tquestions: [q]\n", encoding="utf-8")
    (workdir / "corpus" / "broken.txt").write_bytes(b"Title\n\nBad \xff byte.\n")
    proc = start_bot(own_api, workdir, "first", **ADMIN_ENV)
    try:
        told = own_api.wait_for(lambda a: [m["text"] for m in a.sent_to(ADMIN["id"])])[0]
        assert "Started, with parts left out" in told and "In service: 1 article(s), 0 FAQ entries" in told
        assert "broken.txt:3: warning: not valid UTF-8" in told and "faq.yaml:3: warning: a tab character" in told
        reply = ask_private(own_api, "How many people were arrested?")["text"]
        assert "nearly 8,000 people were arrested" in quoted(reply)  # the good article still answers
    finally:
        stop(proc)


def test_no_reply_is_wrong_while_an_editor_saves_the_faq_in_pieces(own_api, tmp_path):
    workdir = fresh_workdir(tmp_path)
    proc = start_bot(own_api, workdir, "pieces", BOT_RELOAD_SECONDS="0.1")
    faq = workdir / "faq.yaml"
    original = faq.read_text(encoding="utf-8")
    edited = original.replace("More than 160 people died,", "Over 160 people died,")

    piece = max(300, len(edited) // 40)  # forty pieces, whatever the glossary's size

    def save_in_pieces() -> None:  # truncate, then write a piece every 50 ms (about two seconds)
        with faq.open("w", encoding="utf-8") as f:
            for start in range(0, len(edited), piece):
                f.write(edited[start:start + piece])
                f.flush()
                time.sleep(0.05)

    try:
        writer = threading.Thread(target=save_in_pieces)
        writer.start()
        answers = []
        while writer.is_alive() or "reloaded:" not in proc.log_path.read_text():
            answers.append(ask_private(own_api, "Was the CSTO mission legitimate?")["text"])  # the last entry
        writer.join()
        assert len(answers) > 10 and all("lack of information" in a for a in answers)
        assert "Over 160 people died" in ask_private(own_api, "What is the death toll?")["text"]
        assert "reload failed" not in proc.log_path.read_text()
    finally:
        stop(proc)
