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

from bot.errors import InputError, Problem

DEFAULT_EVENT = "the January 2022 unrest in Kazakhstan"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
TOKEN_PATTERN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{30,}$")
_OFF = ("", "off", "none", "0", "false", "no")
_ON = ("on", "1", "true", "yes")


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
        )

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


def _seconds(name: str, value: str | None, default: float) -> float:
    if value is None:
        return default
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise SettingsError(name, f"'{value}' is not a number of seconds (0 or more)")
    return seconds


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
