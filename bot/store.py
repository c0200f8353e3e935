"""What users asked and how they rated the answers, behind one small interface (``Store``).

Every question asked in Telegram or the console chat is kept with its answer's kind, score,
FAQ entry or quoted sentence and latency, for ``python main.py report`` and the admins' ``/stats``
and ``/missed``. No user id or name is ever kept: a vote is keyed by a salted hash of the user and
the answer (one vote per user per answer, changeable), and the salt never leaves the store (a file
beside the SQLite database, a row in the PostgreSQL one).
Rows older than the retention period go, and beyond the size cap the oldest go first.

``SqliteStore`` (``bot/sqlite_store.py``, a file in the data folder) is the default; with
``DATABASE_URL``, ``PostgresStore`` (``bot/postgres_store.py``) lets several replicas share one store.
Both run the same migrations (``bot/migrations``) and queries (``bot/sql_store.py``).
"""

from __future__ import annotations

import calendar
import hashlib
import hmac
import json
import logging
import secrets
import time
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bot.files import create_once

if TYPE_CHECKING:  # the engine is not imported to record an answer
    from bot.answer import Answer

log = logging.getLogger(__name__)

STORE_FILE = "questions.sqlite3"
SALT_FILE = "salt"
LEGACY_LOG = "unanswered.jsonl"  # what the bot wrote before the store; imported once
MAX_QUESTION = 500  # characters kept of a question (Telegram allows 4,096)
MAX_SOURCE = 1000


class Surface(StrEnum):
    """Where a question was asked."""

    PRIVATE = "private"
    GROUP = "group"
    INLINE = "inline"
    CONSOLE = "console"
    IMPORTED = "imported"  # from the old unanswered log, which did not say


def new_id() -> str:
    """A random question id: short enough for a button's callback data, impossible to guess."""
    return secrets.token_hex(8)


@dataclass(frozen=True)
class Asked:
    """One question and what the bot answered; ``entry_id`` for a FAQ answer, ``source`` for any answer."""

    question: str
    surface: str
    kind: str
    score: float
    latency_ms: float | None
    reason: str | None = None
    entry_id: str | None = None
    source: str | None = None
    document: str | None = None
    asked_at: float = field(default_factory=time.time)
    id: str = field(default_factory=new_id)

    @classmethod
    def of(cls, answer: Answer, surface: str, latency_ms: float | None) -> Asked:
        """The record of an ``bot.answer.Answer`` given on ``surface``."""
        return cls(answer.question[:MAX_QUESTION], str(surface), str(answer.kind), round(answer.score, 4),
                   None if latency_ms is None else round(latency_ms, 3),
                   str(answer.reason) if answer.reason else None, answer.entry_id or None,
                   (answer.source or "")[:MAX_SOURCE] or None, answer.document or None)


@dataclass(frozen=True)
class Totals:
    """How many questions, by kind and by surface, the median latency and the votes, over a period."""

    questions: int
    by_kind: dict[str, int]
    by_surface: dict[str, int]
    median_latency_ms: float | None
    votes_up: int
    votes_down: int


@dataclass(frozen=True)
class Rated:
    """One answer (a FAQ entry, or a quoted sentence) and the votes it got; ``example`` is a question it answered."""

    kind: str
    entry_id: str | None
    source: str | None
    document: str | None
    up: int
    down: int
    example: str


class Store(Protocol):
    """Where questions and votes are kept. Methods block: the Telegram layer calls them off the event loop."""

    def record(self, asked: Asked) -> None:
        """Keep one question."""

    def vote(self, question_id: str, voter: str, value: int) -> bool:
        """Set ``voter``'s vote (+1 or -1) on an answer; False when the question is unknown (or pruned)."""

    def import_rows(self, name: str, rows: list[Asked]) -> bool:
        """Keep ``rows`` unless an import called ``name`` was done before; True when imported now."""

    def prune(self, now: float | None = None) -> int:
        """Drop questions past retention, then the oldest beyond the cap; returns how many went."""

    def weak(self, since: float, below: float) -> list[Asked]:
        """Missed questions (no answer, not small talk) and passage answers scored under ``below``."""

    def totals(self, since: float) -> Totals:
        """Counts and median latency of the questions asked since ``since``."""

    def worst_rated(self, since: float, limit: int) -> list[Rated]:
        """Answers with thumbs down, the most disliked first."""

    def save_context(self, key: str, turn: str, expires_at: float) -> None:
        """Keep a conversation's last exchange (JSON text) under ``key`` (``context_key``) until ``expires_at``."""

    def load_context(self, key: str, now: float) -> str | None:
        """The conversation's last exchange if it has not expired by ``now``, else None."""

    def salt(self) -> bytes:
        """The secret salt of ``voter_key`` and ``context_key``: made once, the same for every process sharing
        this store (SQLite: a file beside it; PostgreSQL: a row in it)."""

    def close(self) -> None:
        """Finish writing and release the database."""


def voter_key(salt: bytes, user_id: int, question_id: str) -> str:
    """The salted hash that stands for one user's vote on one answer; it cannot be traced back to the user."""
    return hmac.new(salt, f"{user_id}:{question_id}".encode(), hashlib.sha256).hexdigest()


def context_key(salt: bytes, chat_id: int, thread: int | str = "") -> str:
    """The salted hash a conversation's context is kept under: a private chat's id is its user's id."""
    return hmac.new(salt, f"context:{chat_id}:{thread}".encode(), hashlib.sha256).hexdigest()


def load_salt(data_dir: Path) -> bytes:
    """The data folder's secret salt, made once (0600) and then kept: votes stay deduplicated across restarts."""
    return create_once(data_dir / SALT_FILE, secrets.token_bytes(32))


def open_store(data_dir: Path | None, retention_days: float, max_questions: int,
               database_url: str | None = None) -> Store:
    """The PostgreSQL store at ``database_url`` when given, else the SQLite one in ``data_dir`` (created 0700);
    migrated, pruned, with a legacy log in ``data_dir`` imported once."""
    if database_url:
        from bot.postgres_store import PostgresStore

        store: Store = PostgresStore(database_url, retention_days, max_questions)
    else:
        assert data_dir is not None, "SQLite needs a data folder"
        from bot.sqlite_store import SqliteStore

        store = SqliteStore(data_dir / STORE_FILE, retention_days, max_questions)
    if data_dir is not None:
        import_legacy_log(store, data_dir / LEGACY_LOG)
    return store


def store_errors() -> tuple[type[Exception], ...]:
    """The errors opening or using a store may raise (the PostgreSQL driver's only when it is installed)."""
    import sqlite3

    try:
        import psycopg
    except ImportError:
        return OSError, sqlite3.Error
    return OSError, sqlite3.Error, psycopg.Error


def import_legacy_log(store: Store, path: Path) -> int:
    """Import the JSON-lines unanswered log once (then renamed ``….imported``); returns the rows imported."""
    if not path.is_file():
        return 0
    data = path.read_bytes()
    rows = [row for line in data.decode("utf-8", errors="replace").splitlines() if (row := _legacy_row(line))]
    name = f"{path.name}:{hashlib.sha256(data).hexdigest()[:16]}"
    imported = store.import_rows(name, rows)
    try:
        path.rename(path.with_name(path.name + ".imported"))
    except OSError as exc:
        log.warning("imported %s but cannot rename it: %s", path, exc)
    if imported:
        log.info("imported %d unanswered question(s) from %s", len(rows), path)
    return len(rows) if imported else 0


def _legacy_row(line: str) -> Asked | None:
    try:
        row = json.loads(line)
        asked_at = calendar.timegm(time.strptime(row["time"], "%Y-%m-%dT%H:%M:%SZ"))
        return Asked(str(row["question"])[:MAX_QUESTION], Surface.IMPORTED, "none", float(row.get("score", 0.0)),
                     None, "not confident", asked_at=asked_at)
    except (ValueError, KeyError, TypeError):
        return None
