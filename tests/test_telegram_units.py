"""Small pieces of the Telegram layer that need no server: token redaction and error logging."""

import asyncio
import logging
from types import SimpleNamespace

from telegram.error import Forbidden, NetworkError

from bot.logs import RedactingFilter
from bot.telegram.handlers import on_error

TOKEN = "123456789:AAHfakeTokenForTestsOnly_abcdefghijklmnop"


def test_redacting_filter_removes_the_token_from_messages_and_arguments():
    record = logging.LogRecord("httpx", logging.INFO, __file__, 1, "POST %s", (f"https://x/bot{TOKEN}/getMe",), None)
    RedactingFilter(TOKEN).filter(record)
    assert TOKEN not in record.getMessage() and "[token]" in record.getMessage()


def test_redacting_filter_removes_the_token_from_a_traceback():
    try:
        raise RuntimeError(f"request to /bot{TOKEN}/getUpdates failed")
    except RuntimeError as exc:
        record = logging.LogRecord("bot", logging.ERROR, __file__, 1, "update %s failed", (7,), (type(exc), exc,
                                                                                                exc.__traceback__))
    RedactingFilter(TOKEN).filter(record)
    line = logging.Formatter().format(record)
    assert TOKEN not in line
    assert line.startswith("update 7 failed") and "Traceback" in line and "[token]/getUpdates" in line


def test_blocked_user_is_info_and_other_failures_are_errors_with_the_traceback(caplog):
    caplog.set_level(logging.INFO, logger="bot")
    asyncio.run(on_error(None, SimpleNamespace(error=Forbidden("bot was blocked by the user"))))
    try:
        raise NetworkError("Bad Gateway")
    except NetworkError as exc:
        asyncio.run(on_error(None, SimpleNamespace(error=exc)))
    info, error = caplog.records
    assert info.levelname == "INFO" and "unreachable" in info.getMessage() and info.exc_info is None
    assert (error.levelname, error.getMessage()) == ("ERROR", "update None failed: NetworkError: Bad Gateway")
    assert error.exc_info[1].message == "Bad Gateway"
