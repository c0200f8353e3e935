"""The bot's settings, read from the environment once at start and passed down from there.

Every variable is listed in ``VARIABLES`` with its default; a malformed value
(``BOT_RELOAD_SECONDS=abc``, ``LOG_LEVEL=LOUD``) is a ``SettingsError`` naming the variable, which
the CLI prints as one line. Nothing else in the package reads ``os.environ``.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bot.errors import InputError, Problem

DEFAULT_EVENT = "the January 2022 unrest in Kazakhstan"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
TOKEN_PATTERN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{30,}$")
_OFF = ("", "off", "none", "0", "false", "no")
_ON = ("on", "1", "true", "yes")
SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,256}$")  # Telegram allows 1-256 of these; 16 or more are required here
MAKE_SECRET = "python -c 'import secrets; print(secrets.token_urlsafe(32))'"
DEFAULT_PORT = 8080


class SettingsError(InputError):
    """A malformed environment variable; the message names it."""

    def __init__(self, variable: str, message: str) -> None:
        super().__init__(Problem(variable, 0, message))


@dataclass(frozen=True)
class Settings:
    """What the environment says, parsed and checked; defaults are what an unset variable means."""

    token: str = field(default="", repr=False)
    api_base_url: str | None = None
    log_level: int = logging.INFO
    corpus_dir: Path = Path("corpus")
    faq_file: Path = Path("faq.yaml")
    reload_seconds: float = 2.0
    cache_dir: Path | None = Path(".cache")
    event_name: str = DEFAULT_EVENT
    data_dir: Path | None = Path("data")
    admin_ids: tuple[int, ...] = field(default=(), repr=False)
    retention_days: float = 90.0
    max_questions: int = 100_000
    log_telegram_debug: bool = False  # python-telegram-bot's DEBUG logs print whole updates: personal data
    stop_grace_seconds: float = 8.0  # SIGTERM drains this long; Docker kills after 10 s
    webhook_url: str | None = None  # webhook mode when set; polling otherwise
    webhook_secret: str = field(default="", repr=False)
    listen: str = "127.0.0.1"  # the address the HTTP server (webhook, /healthz) listens on
    port: int | None = None  # None: no HTTP server in polling mode, DEFAULT_PORT in webhook mode
    database_url: str | None = field(default=None, repr=False)  # PostgreSQL when set; it may hold a password
    max_sends_per_second: float = 30.0  # Telegram's overall limit for one bot; 0: no limit on our side

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Parse the environment (``os.environ`` unless given); raises SettingsError on a bad value."""
        env = os.environ if env is None else env

        def get(name: str) -> str | None:
            value = env.get(name)
            return None if value is None or not value.strip() else value.strip()

        defaults = cls()
        return cls(
            token=get("TELEGRAM_BOT_TOKEN") or "",
            api_base_url=api_base_url(get("TELEGRAM_API_BASE_URL")),
            log_level=_log_level(get("LOG_LEVEL")),
            corpus_dir=Path(get("BOT_CORPUS_DIR") or defaults.corpus_dir),
            faq_file=Path(get("BOT_FAQ_FILE") or defaults.faq_file),
            reload_seconds=_seconds("BOT_RELOAD_SECONDS", get("BOT_RELOAD_SECONDS"), defaults.reload_seconds),
            cache_dir=_optional_dir(env.get("BOT_CACHE_DIR"), defaults.cache_dir),
            event_name=get("BOT_EVENT_NAME") or DEFAULT_EVENT,
            data_dir=_optional_dir(env.get("BOT_DATA_DIR"), defaults.data_dir),
            admin_ids=_admin_ids(get("ADMIN_IDS")),
            retention_days=_positive("BOT_RETENTION_DAYS", get("BOT_RETENTION_DAYS"), defaults.retention_days,
                                     "a number of days (more than 0)"),
            max_questions=int(_positive("BOT_MAX_QUESTIONS", get("BOT_MAX_QUESTIONS"), defaults.max_questions,
                                        "a whole number of questions (1 or more)", whole=True)),
            log_telegram_debug=_flag("LOG_TELEGRAM_DEBUG", get("LOG_TELEGRAM_DEBUG")),
            stop_grace_seconds=_seconds("BOT_STOP_GRACE_SECONDS", get("BOT_STOP_GRACE_SECONDS"),
                                        defaults.stop_grace_seconds),
            webhook_url=_webhook_url("TELEGRAM_WEBHOOK_URL", get("TELEGRAM_WEBHOOK_URL")),
            webhook_secret=get("TELEGRAM_WEBHOOK_SECRET") or "",
            listen=get("BOT_LISTEN") or defaults.listen,
            port=_port("PORT", get("PORT")),
            database_url=_database_url(get("DATABASE_URL")),
            max_sends_per_second=_seconds("BOT_MAX_SENDS_PER_SECOND", get("BOT_MAX_SENDS_PER_SECOND"),
                                          defaults.max_sends_per_second, "a number of messages a second (0 or more)"),
        )

    @property
    def http_port(self) -> int | None:
        """The port of the HTTP server: PORT, or 8080 in webhook mode; None when polling without PORT."""
        return self.port if self.port is not None else DEFAULT_PORT if self.webhook_url else None

    def checked_webhook(self) -> None:
        """In webhook mode, the secret must be set and well formed (a SettingsError never echoing it)."""
        if not self.webhook_url:
            return
        if not self.webhook_secret:
            raise SettingsError("TELEGRAM_WEBHOOK_SECRET", f"required in webhook mode: make one with {MAKE_SECRET}")
        if not SECRET_PATTERN.match(self.webhook_secret):
            raise SettingsError("TELEGRAM_WEBHOOK_SECRET", "expected 16 to 256 letters, digits, '_' or '-' (Telegram's "
                                f"alphabet): make one with {MAKE_SECRET}")

    def checked_token(self) -> str:
        """The token, or a SettingsError saying what is wrong with it (never echoing it)."""
        if not self.token:
            raise SettingsError("TELEGRAM_BOT_TOKEN", "not set: get a token from @BotFather (see README), "
                                "or use 'python main.py chat' for a console chat")
        if not TOKEN_PATTERN.match(self.token):
            raise SettingsError("TELEGRAM_BOT_TOKEN", "malformed: expected digits, a colon and the secret, "
                                "as @BotFather gives it")
        return self.token


def api_base_url(value: str | None) -> str | None:
    """python-telegram-bot wants the URL up to and including ``/bot``; accept a bare server address too."""
    if not value:
        return None
    value = value.rstrip("/")
    return value if "{token}" in value or value.endswith("/bot") else value + "/bot"


def _log_level(value: str | None) -> int:
    if value is None:
        return logging.INFO
    if value.upper() not in LOG_LEVELS:
        raise SettingsError("LOG_LEVEL", f"unknown level '{value}' (expected one of {', '.join(LOG_LEVELS)})")
    return getattr(logging, value.upper())


def _seconds(name: str, value: str | None, default: float, expected: str = "a number of seconds (0 or more)") -> float:
    if value is None:
        return default
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise SettingsError(name, f"'{value}' is not {expected}")
    return seconds


def webhook_url_problem(value: str) -> str | None:
    """What is wrong with a webhook URL (Telegram wants https with a host), or None."""
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname:
        return f"'{value}' is not an https:// URL with a host (Telegram sends webhooks over HTTPS only)"
    if parts.path.rstrip("/") == "/healthz":
        return f"'{value}': /healthz is the health check's path, choose another"
    return None


def _webhook_url(name: str, value: str | None) -> str | None:
    if value is not None and (problem := webhook_url_problem(value)):
        raise SettingsError(name, problem)
    return value


def port_problem(value: str) -> str | None:
    """What is wrong with a TCP port number, or None."""
    return None if value.isdigit() and 1 <= int(value) <= 65535 else f"'{value}' is not a port number (1 to 65535)"


def _port(name: str, value: str | None) -> int | None:
    if value is not None and (problem := port_problem(value)):
        raise SettingsError(name, problem)
    return int(value) if value is not None else None


def _database_url(value: str | None) -> str | None:
    """A PostgreSQL URL; the message never repeats it (it may hold a password)."""
    if value is None:
        return None
    if urlsplit(value).scheme not in ("postgresql", "postgres"):
        raise SettingsError("DATABASE_URL", "expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE (leave it unset "
                            "for SQLite in BOT_DATA_DIR)")
    return value


def _positive(name: str, value: str | None, default: float, expected: str, whole: bool = False) -> float:
    if value is None:
        return default
    try:
        number = int(value) if whole else float(value)
    except ValueError:
        number = 0
    if not 0 < number < float("inf"):
        raise SettingsError(name, f"'{value}' is not {expected}")
    return number


def _admin_ids(value: str | None) -> tuple[int, ...]:
    """Telegram user ids, separated by commas or spaces (as @userinfobot shows them)."""
    ids = []
    for item in (value or "").replace(",", " ").split():
        if not item.isdigit() or int(item) <= 0:
            raise SettingsError("ADMIN_IDS", f"'{item}' is not a Telegram user id (expected numbers separated by "
                                "commas, e.g. ADMIN_IDS=12345678,87654321)")
        ids.append(int(item))
    return tuple(ids)


def _flag(name: str, value: str | None) -> bool:
    if value is None or value.lower() in _OFF:
        return False
    if value.lower() in _ON:
        return True
    raise SettingsError(name, f"'{value}' is neither on nor off (expected on/off, true/false, yes/no, 1/0)")


def _optional_dir(value: str | None, default: Path | None) -> Path | None:
    if value is None:
        return default
    return None if value.strip().lower() in _OFF else Path(value.strip())
