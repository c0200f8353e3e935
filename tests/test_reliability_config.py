"""The reliability settings, log levels that keep personal data out, and uncaught errors through the filter."""

import asyncio
import logging
import sys
import threading
from types import SimpleNamespace

import pytest

from bot import spelling
from bot.logs import configure_logging, route_uncaught_to_logging
from bot.settings import Settings, SettingsError
from bot.telegram import app
from bot.telegram.handlers import unknown_button

from conftest import SEED_CORPUS, SEED_FAQ

TOKEN = "123456789:AAHfakeTokenForTestsOnly_abcdefghijklmnop"


def test_reliability_settings_and_their_defaults():
    assert (Settings().log_telegram_debug, Settings().stop_grace_seconds) == (False, 8.0)
    settings = Settings.from_env({"LOG_TELEGRAM_DEBUG": "on", "BOT_STOP_GRACE_SECONDS": "20"})
    assert settings.log_telegram_debug and settings.stop_grace_seconds == 20
    assert not Settings.from_env({"LOG_TELEGRAM_DEBUG": "off"}).log_telegram_debug


@pytest.mark.parametrize("variable, value", [("LOG_TELEGRAM_DEBUG", "loud"), ("BOT_STOP_GRACE_SECONDS", "soon")])
def test_malformed_reliability_settings_name_their_variable(variable, value):
    with pytest.raises(SettingsError, match=f"^{variable}: '{value}'"):
        Settings.from_env({variable: value})


@pytest.fixture
def restore_logging():
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, {n: logging.getLogger(n).level for n in ("bot", "telegram")})
    hooks = (sys.excepthook, threading.excepthook, sys.unraisablehook)
    yield
    root.handlers[:], root.level = saved[0], saved[1]
    for name, level in saved[2].items():
        logging.getLogger(name).setLevel(level)
    sys.excepthook, threading.excepthook, sys.unraisablehook = hooks
    logging.captureWarnings(False)


def effective(name: str) -> int:
    return logging.getLogger(name).getEffectiveLevel()


def test_debug_is_for_this_project_only(restore_logging):
    configure_logging(logging.DEBUG, TOKEN)
    assert effective("bot.telegram.scheduler") == logging.DEBUG
    assert effective("telegram.ext.Application") == logging.INFO  # it would print whole updates
    assert effective("asyncio") == logging.INFO and effective("httpx") == logging.WARNING


def test_telegram_debug_has_its_own_switch(restore_logging):
    configure_logging(logging.INFO, TOKEN, telegram_debug=True)
    assert effective("telegram.ext.Application") == logging.DEBUG and effective("bot") == logging.INFO


def test_an_uncaught_error_goes_through_the_redacting_filter(restore_logging, capsys):
    configure_logging(logging.INFO, TOKEN)
    route_uncaught_to_logging()
    try:
        raise RuntimeError(f"The token `{TOKEN}` was rejected by the server.")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    err = capsys.readouterr().err
    assert "uncaught RuntimeError" in err and "[token]" in err and TOKEN not in err


def test_an_unknown_button_is_answered():
    answered = []

    async def answer(text=None, **_):
        answered.append(text)

    update = SimpleNamespace(callback_query=SimpleNamespace(answer=answer, from_user=None))
    asyncio.run(unknown_button(update, SimpleNamespace()))
    assert answered and "no longer works" in answered[0]


def test_the_english_word_list_is_loaded_before_the_bot_serves(monkeypatch, restore_logging):
    loaded_when_serving = []

    async def serve(application):
        loaded_when_serving.append(spelling._english is not None)
        return 0

    monkeypatch.setattr(spelling, "_english", None)
    monkeypatch.setattr(app, "serve", serve)
    assert app.run(Settings(token=TOKEN, cache_dir=None), SEED_CORPUS, SEED_FAQ) == 0
    assert loaded_when_serving == [True]
