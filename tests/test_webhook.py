"""Webhook mode without a bot process: the sink's answers to Telegram, the secret check, the HTTP server and
/healthz over real HTTP on 127.0.0.1, the settings and the one-line errors of ``run``."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from collections import Counter
from types import SimpleNamespace

import port_for
import pytest

from bot.cli import main
from bot.settings import Settings, SettingsError
from bot.telegram.health import Health, State
from bot.telegram.http_server import HttpServer
from bot.telegram.scheduler import Scheduler
from bot.telegram.webhook import Endpoint, Sink

from bot_process import SECRET, TOKEN, WEBHOOK_URL, request

PATH = "/telegram/hook"


def update(update_id: int, chat: int = 5) -> dict:
    return {"update_id": update_id, "message": {"message_id": update_id, "date": 1, "text": "hi",
                                                "chat": {"id": chat, "type": "private"}}}


class Recorder:
    def __init__(self) -> None:
        self.accepted: list[int] = []

    def accept(self, update) -> None:
        self.accepted.append(update.update_id)


def sink(backlog: int = 100) -> tuple[Sink, Recorder, Counter]:
    recorder, counters = Recorder(), Counter()
    return Sink(None, recorder, Scheduler(backlog=backlog), counters), recorder, counters


def test_an_update_is_taken_once_even_when_delivered_again():
    taken, recorder, _ = sink()
    assert [taken.offer(update(1)), taken.offer(update(1)), taken.offer(update(2))] == [200, 200, 200]
    assert recorder.accepted == [1, 2]


def test_a_full_backlog_answers_503_so_that_telegram_delivers_it_later():
    taken, recorder, counters = sink(backlog=0)
    assert taken.offer(update(1)) == 503 and recorder.accepted == [] and counters["webhook_busy"] == 1
    taken.scheduler.backlog = 100  # room again: the same update, delivered again, is taken
    assert taken.offer(update(1)) == 200 and recorder.accepted == [1]


def test_unreadable_and_malformed_updates(caplog):
    taken, recorder, counters = sink()
    with caplog.at_level(logging.WARNING):
        assert taken.offer({"update_id": 7, "message": "not an object"}) == 200  # skipped, not redelivered forever
    assert counters["unreadable_updates"] == 1 and "update 7 cannot be read" in caplog.text
    assert taken.offer({"message": {}}) == 400 and taken.offer([1, 2]) == 400
    assert recorder.accepted == []


def test_the_secret_must_match_exactly():
    endpoint = Endpoint(SECRET)
    assert endpoint.authorised(SECRET)
    assert not any(endpoint.authorised(h) for h in (None, "", SECRET.upper(), SECRET + "x", SECRET[:-1]))


class Serving:
    """An HttpServer on a free port of 127.0.0.1, its loop in a thread, for plain blocking requests."""

    def __init__(self, health: Health, endpoint: Endpoint | None) -> None:
        self.port = port_for.select_random()
        self.loop = asyncio.new_event_loop()
        self.server = HttpServer("127.0.0.1", self.port, health, endpoint, PATH)
        started = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(started,), daemon=True)
        self.thread.start()
        started.wait(5)

    def _run(self, started: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.call_soon(lambda: (self.server.start(), started.set()))
        self.loop.run_forever()

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self.server.close(), self.loop).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


@pytest.fixture
def served(seed_kb):
    holder = SimpleNamespace(current=seed_kb, loaded_at=1_700_000_000.0)
    health, endpoint = Health(holder, "webhook"), Endpoint(SECRET)
    serving = Serving(health, endpoint)
    serving.health, serving.endpoint = health, endpoint
    yield serving
    serving.close()


def post(port: int, body: bytes = b'{"update_id": 1}', secret: str | None = SECRET, path: str = PATH) -> int:
    headers = {"Content-Type": "application/json"} | ({"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {})
    return request(port, "POST", path, body, headers)[0]


def test_healthz_is_503_while_starting_and_stopping_and_200_with_the_base_in_between(served):
    assert request(served.port, "GET", "/healthz") == (503, b'{"status": "starting", "mode": "webhook"}')
    served.health.state = State.READY
    status, body = request(served.port, "GET", "/healthz")
    assert status == 200 and b'"articles": 1' in body and b'"loaded_at": "2023-11-14T22:13:20+00:00"' in body
    served.health.state = State.STOPPING
    assert request(served.port, "GET", "/healthz")[0] == 503


def test_requests_before_the_bot_runs_get_503_and_a_wrong_secret_403_first(served):
    assert post(served.port) == 503  # no sink yet
    assert post(served.port, secret="wrong-secret-of-the-right-shape") == 403
    assert post(served.port, secret=None) == 403


def test_updates_reach_the_sink_on_the_webhook_path_only(served):
    taken, recorder, _ = sink()
    served.endpoint.sink = taken
    assert post(served.port, b'{"update_id": 3, "message": {"message_id": 3, "date": 1, "chat": '
                b'{"id": 5, "type": "private"}}}') == 200
    assert post(served.port, path=PATH + "/") == 200  # a trailing slash is the same path
    assert post(served.port, path="/other") == 404 and post(served.port, b"[") == 400
    assert request(served.port, "GET", PATH)[0] == 405
    assert recorder.accepted == [3, 1]


def test_a_port_taken_is_one_line_naming_port(served):
    clash = HttpServer("127.0.0.1", served.port, served.health)

    async def start() -> None:
        clash.start()

    with pytest.raises(SettingsError, match=rf"^PORT: cannot listen on 127.0.0.1:{served.port} \("):
        asyncio.run(start())


def test_an_address_not_this_machines_is_one_line_naming_bot_listen(served):
    address = "192.0.2.1"  # TEST-NET-1: never this machine's; binding fails locally, nothing is sent
    elsewhere = HttpServer(address, served.port, served.health)

    async def start() -> None:
        elsewhere.start()

    with pytest.raises(SettingsError, match=rf"^BOT_LISTEN: cannot listen on {address}:"):
        asyncio.run(start())


# --- settings and the command line ------------------------------------------------------------------

def test_webhook_settings_are_parsed_and_secrets_never_shown():
    settings = Settings.from_env({"TELEGRAM_WEBHOOK_URL": WEBHOOK_URL, "TELEGRAM_WEBHOOK_SECRET": SECRET,
                                  "PORT": "8443", "BOT_LISTEN": "0.0.0.0",
                                  "DATABASE_URL": "postgresql://bot:pa55word@db:5432/qa"})
    assert (settings.webhook_url, settings.port, settings.listen, settings.http_port) == (WEBHOOK_URL, 8443,
                                                                                          "0.0.0.0", 8443)
    settings.checked_webhook()
    assert SECRET not in repr(settings) and "pa55word" not in repr(settings)
    assert Settings.from_env({"TELEGRAM_WEBHOOK_URL": WEBHOOK_URL}).http_port == 8080
    assert Settings.from_env({}).http_port is None  # polling serves /healthz only with a port


@pytest.mark.parametrize("variable, value, message", [
    ("TELEGRAM_WEBHOOK_URL", "http://bot.example.org/hook", "is not an https:// URL"),
    ("TELEGRAM_WEBHOOK_URL", "https:///hook", "is not an https:// URL"),
    ("TELEGRAM_WEBHOOK_URL", "https://bot.example.org/healthz", "health check's path"),
    ("PORT", "80a", "is not a port number"), ("PORT", "70000", "is not a port number"),
    ("DATABASE_URL", "mysql://u:secretpw@h/db", "expected postgresql://"),
    ("BOT_MAX_SENDS_PER_SECOND", "fast", "is not a number of messages a second")])
def test_malformed_deployment_settings_name_their_variable(variable, value, message):
    with pytest.raises(SettingsError) as info:
        Settings.from_env({variable: value})
    assert str(info.value).startswith(f"{variable}: ") and message in str(info.value)
    assert "secretpw" not in str(info.value)


@pytest.mark.parametrize("secret, message", [("", "required in webhook mode"),
                                             ("short", "expected 16 to 256 letters"),
                                             ("a" * 20 + " spaced", "expected 16 to 256 letters")])
def test_webhook_mode_needs_a_proper_secret_and_never_echoes_it(secret, message, capsys):
    settings = Settings(token=TOKEN, webhook_secret=secret, cache_dir=None)
    assert main(["run", "--webhook-url", WEBHOOK_URL], settings=settings) == 1
    err = capsys.readouterr().err
    assert err.startswith("TELEGRAM_WEBHOOK_SECRET: ") and message in err and err.count("\n") == 1
    assert "spaced" not in err and "Traceback" not in err


@pytest.mark.parametrize("flag, value", [("--webhook-url", "http://bot.example.org/x"), ("--port", "0")])
def test_a_bad_run_flag_is_one_line_and_exit_2(flag, value, capsys):
    with pytest.raises(SystemExit) as info:
        main(["run", flag, value], settings=Settings(token=TOKEN, cache_dir=None))
    err = capsys.readouterr().err
    assert info.value.code == 2 and f"argument {flag}: " in err and err.count("\n") == 1


@pytest.fixture
def restore_logging():
    root = logging.getLogger()
    saved = root.handlers[:], root.level, logging.getLogger("bot").level
    hooks = (sys.excepthook, threading.excepthook, sys.unraisablehook)
    yield
    root.handlers[:], root.level = saved[0], saved[1]
    logging.getLogger("bot").setLevel(saved[2])
    sys.excepthook, threading.excepthook, sys.unraisablehook = hooks
    logging.captureWarnings(False)


def test_a_database_that_cannot_be_reached_is_one_line_naming_database_url(capsys, restore_logging, tmp_path):
    settings = Settings(token=TOKEN, cache_dir=None, data_dir=tmp_path / "data",
                        database_url="postgresql://bot:pa55word@127.0.0.1:1/qa")
    assert main(["run"], settings=settings) == 1
    err = capsys.readouterr().err
    assert err.startswith("DATABASE_URL: cannot use 127.0.0.1:1/qa: ") and err.count("\n") == 1
    assert "pa55word" not in err and "Traceback" not in err


def test_the_health_command_asks_healthz(served, capsys):
    settings = Settings(token=TOKEN, port=served.port, listen="0.0.0.0")
    assert main(["health"], settings=settings) == 1  # starting: 503
    assert "503" in capsys.readouterr().err
    served.health.state = State.READY
    assert main(["health"], settings=settings) == 0
    assert '"status": "ok"' in capsys.readouterr().out


def test_the_health_command_without_a_bot_or_an_endpoint(capsys):
    assert main(["health"], settings=Settings()) == 0  # the console chat: nothing to check
    assert main(["health"], settings=Settings(token=TOKEN)) == 0  # polling without PORT
    assert main(["health"], settings=Settings(token=TOKEN, port=port_for.select_random())) == 1
    assert "cannot reach the bot" in capsys.readouterr().err
