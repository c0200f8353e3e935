"""Small pieces of the Telegram layer that need no server: token redaction, base URL, error logging."""

import asyncio
import logging
from types import SimpleNamespace

from telegram.error import Forbidden, NetworkError

from bot.telegram_app import RedactingFilter, api_base_url, on_error

TOKEN = "123456789:AAHfakeTokenForTestsOnly_abcdefghijklmnop"


def test_redacting_filter_removes_the_token_from_messages_and_arguments():
    record = logging.LogRecord("httpx", logging.INFO, __file__, 1, "POST %s", (f"https://x/bot{TOKEN}/getMe",), None)
    RedactingFilter(TOKEN).filter(record)
    assert TOKEN not in record.getMessage() and "[token]" in record.getMessage()


def test_base_url_accepts_a_bare_server_address():
    assert api_base_url("http://127.0.0.1:8081") == "http://127.0.0.1:8081/bot"
    assert api_base_url("http://127.0.0.1:8081/bot/") == "http://127.0.0.1:8081/bot"
    assert api_base_url("https://example.org/custom/bot{token}") == "https://example.org/custom/bot{token}"
    assert api_base_url(None) is None


def test_blocked_user_is_info_and_other_failures_are_one_error_line(caplog):
    caplog.set_level(logging.INFO, logger="bot")
    asyncio.run(on_error(None, SimpleNamespace(error=Forbidden("bot was blocked by the user"))))
    asyncio.run(on_error(None, SimpleNamespace(error=NetworkError("Bad Gateway"))))
    levels = [(r.levelname, r.getMessage()) for r in caplog.records]
    assert levels[0][0] == "INFO" and "unreachable" in levels[0][1]
    assert levels[1] == ("ERROR", "update None failed: NetworkError: Bad Gateway")
