"""Logging for the running bot: one line per event on stderr, and the token redacted from every line.

httpx logs every request URL, and python-telegram-bot's URLs contain the token, so httpx is kept at
WARNING and a filter on the handler replaces the token wherever it still appears: in the message,
its arguments, or a traceback. Uncaught exceptions and warnings go through the same handler, so no
path prints the token.

``LOG_LEVEL`` sets this project's loggers (``bot.*``); other libraries log at INFO at most, because
python-telegram-bot's DEBUG lines print whole updates (users' names and ids). Those come back only
with the separate ``LOG_TELEGRAM_DEBUG`` switch.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterable

REDACTED = "[token]"
PROJECT = "bot"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFilter(logging.Filter):
    """Replaces the secrets (the token, the webhook secret, a database password) wherever they would appear
    in a log line, tracebacks included."""

    def __init__(self, secrets: str | Iterable[str]) -> None:
        super().__init__()
        self.secrets = tuple(s for s in ([secrets] if isinstance(secrets, str) else secrets) if s)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        trace = logging.Formatter().formatException(record.exc_info) if record.exc_info else ""
        if any(secret in message or secret in trace for secret in self.secrets):
            if trace:
                message = f"{message}\n{trace}"
            for secret in self.secrets:
                message = message.replace(secret, REDACTED)
            record.msg, record.args = message, ()
            record.exc_info, record.exc_text = None, None
        return True


def configure_logging(level: int, secrets: str | Iterable[str] = "", telegram_debug: bool = False) -> logging.Handler:
    """Send every log line to stderr through the redacting filter; returns the handler."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(max(level, logging.INFO))
    logging.getLogger(PROJECT).setLevel(level)
    logging.getLogger("telegram").setLevel(logging.DEBUG if telegram_debug else max(level, logging.INFO))
    for noisy in ("httpx", "httpcore", "tornado.access"):  # request lines are not ours to log
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return handler


def route_uncaught_to_logging() -> None:
    """Uncaught exceptions, unraisable ones and warnings would go straight to stderr: log them instead."""
    log = logging.getLogger(PROJECT)

    def uncaught(exc_type, exc, tb) -> None:
        log.critical("uncaught %s", exc_type.__name__, exc_info=(exc_type, exc, tb))

    sys.excepthook = uncaught
    threading.excepthook = lambda args: uncaught(args.exc_type, args.exc_value, args.exc_traceback)
    sys.unraisablehook = lambda u: log.warning("ignored %s", type(u.exc_value).__name__,
                                               exc_info=(type(u.exc_value), u.exc_value, u.exc_traceback))
    logging.captureWarnings(True)
