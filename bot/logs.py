"""Logging for the running bot: one line per event on stderr, and the token redacted from every line.

httpx logs every request URL, and python-telegram-bot's URLs contain the token, so httpx is kept at
WARNING and a filter on the handler replaces the token wherever it still appears: in the message,
its arguments, or a traceback.
"""

from __future__ import annotations

import logging

REDACTED = "[token]"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFilter(logging.Filter):
    """Replaces the secret wherever it would appear in a log line, tracebacks included."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secret:
            return True
        message = record.getMessage()
        trace = logging.Formatter().formatException(record.exc_info) if record.exc_info else ""
        if self.secret in message or self.secret in trace:
            if trace:
                message = f"{message}\n{trace}"
            record.msg, record.args = message.replace(self.secret, REDACTED), ()
            record.exc_info, record.exc_text = None, None
        return True


def configure_logging(level: int, secret: str = "") -> logging.Handler:
    """Send every log line to stderr through the redacting filter; returns the handler."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactingFilter(secret))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return handler
