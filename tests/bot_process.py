"""Running the real bot process against the fake Bot API, for end-to-end tests.

``start_bot`` starts ``python main.py run`` with its log in a file; the rest wait for what the bot
sends. Each test uses its own chats (``new_private``, ``new_group``), so tests sharing a bot do not
see each other's replies.
"""

from __future__ import annotations

import html
import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT
from fake_telegram import USER, FakeBotApi, message

TOKEN = "123456789:AAHfakeTokenForTestsOnly_abcdefghijklmnop"
_chats = itertools.count(1)
PERSONAL = [USER["first_name"], USER["last_name"], USER["username"], str(USER["id"])]


def new_private() -> int:
    return 10_000 + next(_chats)


def new_group() -> int:
    return -100_000 - next(_chats)


def bot_env(api: FakeBotApi, workdir: Path, name: str, **env: str) -> dict[str, str]:
    return {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url, "LOG_LEVEL": "INFO",
            "BOT_RELOAD_SECONDS": "0.2", "BOT_DATA_DIR": str(workdir / f"{name}-data"),
            "PYTHONUNBUFFERED": "1", **env}


def launch(api: FakeBotApi, workdir: Path, name: str, *args: str, **env: str) -> subprocess.Popen:
    """Start ``main.py run`` against the fake API without waiting; its output is in ``proc.log_path``."""
    log_path = workdir / f"{name}.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "run", "--corpus", str(workdir / "corpus"),
                                 *(args or ("--faq", str(workdir / "faq.yaml")))], cwd=workdir,
                                env=bot_env(api, workdir, name, **env), stdout=log, stderr=subprocess.STDOUT)
    proc.log_path = log_path
    return proc


def start_bot(api: FakeBotApi, workdir: Path, name: str, *args: str, **env: str) -> subprocess.Popen:
    """Start ``main.py run`` against the fake API and wait until it polls; its log is ``proc.log_path``."""
    polls = len(api.calls_of("getUpdates"))
    proc = launch(api, workdir, name, *args, **env)
    try:
        api.wait_for(lambda a: len(a.calls_of("getUpdates")) > polls, timeout=30)
    except AssertionError:
        proc.kill()
        raise AssertionError("bot did not start:\n" + proc.log_path.read_text()) from None
    return proc


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def replies(api: FakeBotApi, chat_id: int, count: int = 1, timeout: float = 10.0) -> list[dict]:
    return api.wait_for(lambda a: a.sent_to(chat_id) if len(a.sent_to(chat_id)) >= count else None, timeout)


def ask_private(api: FakeBotApi, text: str) -> dict:
    chat = new_private()
    api.push("message", message(chat, text))
    return replies(api, chat)[0]


def inline_results(api: FakeBotApi, query: str) -> list[dict]:
    query_id = f"iq{next(_chats)}"
    api.push("inline_query", {"id": query_id, "from": USER, "query": query, "offset": ""})
    calls = api.wait_for(lambda a: [c for c in a.calls_of("answerInlineQuery") if c["inline_query_id"] == query_id])
    return calls[0]["results"]


def quoted(message_text: str) -> str:
    """The blockquote's text, its bold highlight unmarked, unescaped."""
    inside = message_text.split("<blockquote>", 1)[1].split("</blockquote>", 1)[0]
    return html.unescape(inside.replace("<b>", "").replace("</b>", ""))


def highlighted(message_text: str) -> str | None:
    """The bold part of the blockquote, unescaped, or None."""
    inside = message_text.split("<blockquote>", 1)[1].split("</blockquote>", 1)[0]
    return html.unescape(inside.split("<b>", 1)[1].split("</b>", 1)[0]) if "<b>" in inside else None


def eventually(predicate, timeout: float = 10.0, every: float = 0.02):
    """Wait until ``predicate()`` is truthy (a file written, a log line), looking every ``every`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the bot")
        time.sleep(every)


def stored_bytes(data_dir: Path) -> bytes:
    """Everything the bot wrote in its data folder (the database, its WAL, the salt), to search for leaks."""
    return b"".join(p.read_bytes() for p in sorted(data_dir.iterdir()) if p.is_file())
