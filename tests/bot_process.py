"""Running the real bot process against the fake Bot API, for end-to-end tests.

``start_bot`` starts ``python main.py run`` with its log in a file; the rest wait for what the bot
sends. Each test uses its own chats (``new_private``, ``new_group``), so tests sharing a bot do not
see each other's replies. ``start_webhook_bot`` starts it in webhook mode on a free port of
127.0.0.1; ``post_update`` and ``health`` talk to it over real HTTP.
"""

from __future__ import annotations

import html
import http.client
import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import port_for

from conftest import ROOT
from fake_telegram import USER, FakeBotApi, message

TOKEN = "123456789:AAHfakeTokenForTestsOnly_abcdefghijklmnop"
SECRET = "webhookSecretForTestsOnly_0123456789"
WEBHOOK_URL = "https://bot.example.test/telegram/hook"  # only its path is served; nothing connects to the host
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


def start_webhook_bot(api: FakeBotApi, workdir: Path, name: str, *args: str, wait: bool = True,
                      **env: str) -> subprocess.Popen:
    """Start ``main.py run --webhook-url`` on a free port (``proc.port``); with ``wait``, until /healthz says ready."""
    port = port_for.select_random()
    faq = args or ("--faq", str(workdir / "faq.yaml"))
    proc = launch(api, workdir, name, *faq, "--webhook-url", WEBHOOK_URL, "--port", str(port),
                  **{"TELEGRAM_WEBHOOK_SECRET": SECRET, **env})
    proc.port = port
    if wait:
        try:
            eventually(lambda: health(port)[0] == 200 or proc.poll() is not None, timeout=30)
            assert proc.poll() is None
        except AssertionError:
            proc.kill()
            raise AssertionError("bot did not start:\n" + proc.log_path.read_text()) from None
    return proc


def request(port: int, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    """One HTTP request to the bot on 127.0.0.1; (0, b"") when nothing listens there."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    except ConnectionError:
        return 0, b""
    finally:
        connection.close()


def post_update(port: int, update: dict | bytes, secret: str | None = SECRET, path: str | None = None) -> int:
    """POST an update to the webhook as Telegram does (``secret`` None: no secret header); returns the status."""
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    body = update if isinstance(update, bytes) else json.dumps(update).encode()
    return request(port, "POST", path or WEBHOOK_URL.split("example.test", 1)[1], body, headers)[0]


def health(port: int) -> tuple[int, dict]:
    """/healthz's status and JSON body; (0, {}) when nothing listens yet."""
    status, body = request(port, "GET", "/healthz")
    return status, json.loads(body) if body else {}
