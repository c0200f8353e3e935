"""The ``Store``'s SQL, written once for every backend: SQLite (``sqlite_store``) and PostgreSQL (``postgres_store``).

Queries use ``?`` placeholders and plain SQL both databases accept; a backend supplies the connection
(``_transaction`` for writes, ``_reading`` for reads, each holding the one lock), translates the
placeholders if it must, and keeps the salt. Every write is its own transaction, so a crash loses at
most the question being written.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from bot.migrations import VERSION_TABLE, migrations
from bot.store import Asked, Rated, Totals

DAY = 86_400.0
PRUNE_EVERY = 500  # questions between two prunes: the cap can be exceeded by this many at most
PRUNE_SECONDS = 3600.0  # and at least this often, so that retention holds on a quiet bot
MISSED_REASONS = ("not confident", "not English")  # other nones are small talk, empty or vague
_COLUMNS = "id, asked_at, surface, question, kind, reason, score, entry_id, source, document, latency_ms"


class Cursor(Protocol):
    """What the queries read back from ``Db.execute``."""

    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class Db(Protocol):
    """A connection that runs one statement with ``?`` placeholders (sqlite3's, or an adapter)."""

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Cursor: ...


class SqlStore:
    """Questions, votes and conversation context over any ``Db``; thread-safe through one lock."""

    def __init__(self, retention_days: float = 90.0, max_questions: int = 100_000) -> None:
        self.retention_days = retention_days
        self.max_questions = max_questions
        self._lock = threading.Lock()
        self._since_prune = 0
        self._pruned_at = 0.0

    # --- what a backend provides -------------------------------------------------------------------

    def _transaction(self) -> AbstractContextManager[Db]:
        """The lock, and a write transaction committed on exit (rolled back on an error)."""
        raise NotImplementedError

    def _reading(self) -> AbstractContextManager[Db]:
        """The lock, for reads."""
        raise NotImplementedError

    def _lock_schema(self, db: Db) -> None:
        """Keep other processes from migrating at the same time (SQLite's write transaction already does)."""

    def salt(self) -> bytes:
        """The secret salt of voter and context keys, the same for every process sharing this store."""
        raise NotImplementedError

    def close(self) -> None:
        """Finish writing and release the database."""
        raise NotImplementedError

    # --- the schema --------------------------------------------------------------------------------

    def _migrate(self) -> None:
        """Apply the migrations this database lacks, each in its own transaction, recording its version."""
        with self._transaction() as db:
            self._lock_schema(db)
            db.execute(VERSION_TABLE)
        for migration in migrations():
            with self._transaction() as db:
                self._lock_schema(db)
                if db.execute("SELECT 1 FROM schema_version WHERE version = ?", (migration.version,)).fetchone():
                    continue
                for statement in migration.statements:
                    db.execute(statement)
                db.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                           (migration.version, migration.name, time.time()))

    def applied_versions(self) -> list[int]:
        """The migrations applied to this database, oldest first."""
        with self._reading() as db:
            return [row[0] for row in db.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]

    def schema_version(self) -> int:
        return max(self.applied_versions(), default=0)

    # --- questions and votes -----------------------------------------------------------------------

    def record(self, asked: Asked) -> None:
        with self._transaction() as db:
            _insert(db, asked)
            self._since_prune += 1
            due = self._since_prune >= PRUNE_EVERY or time.monotonic() - self._pruned_at > PRUNE_SECONDS
        if due:
            self.prune()

    def vote(self, question_id: str, voter: str, value: int) -> bool:
        if value not in (-1, 1):
            raise ValueError("a vote is +1 or -1")
        with self._transaction() as db:
            if not db.execute("SELECT 1 FROM questions WHERE id = ?", (question_id,)).fetchone():
                return False
            db.execute("INSERT INTO votes (question_id, voter, value, voted_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (question_id, voter) DO UPDATE SET value = excluded.value, "
                       "voted_at = excluded.voted_at", (question_id, voter, value, time.time()))
        return True

    def import_rows(self, name: str, rows: list[Asked]) -> bool:
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM imports WHERE name = ?", (name,)).fetchone():
                return False
            for asked in rows:
                _insert(db, asked)
            db.execute("INSERT INTO imports (name, imported_at, row_count) VALUES (?, ?, ?)",
                       (name, time.time(), len(rows)))
        return True

    def prune(self, now: float | None = None) -> int:
        cutoff = (time.time() if now is None else now) - self.retention_days * DAY
        with self._transaction() as db:
            gone = _delete_through(db, "asked_at < ?", (cutoff,))
            last_kept = db.execute("SELECT asked_at, id FROM questions ORDER BY asked_at DESC, id DESC "
                                   "LIMIT 1 OFFSET ?", (self.max_questions,)).fetchone()
            if last_kept is not None:  # the newest row beyond the cap: it and everything older go
                gone += _delete_through(db, "(asked_at, id) <= (?, ?)", tuple(last_kept))
        self._since_prune, self._pruned_at = 0, time.monotonic()
        return gone

    # --- what the report reads ---------------------------------------------------------------------

    def weak(self, since: float, below: float) -> list[Asked]:
        placeholders = ", ".join("?" for _ in MISSED_REASONS)
        with self._reading() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM questions WHERE asked_at >= ? AND ((kind = 'none' AND reason IN "
                f"({placeholders})) OR (kind = 'passage' AND score < ?)) ORDER BY asked_at",
                (since, *MISSED_REASONS, below)).fetchall()
        return [_asked(row) for row in rows]

    def totals(self, since: float) -> Totals:
        with self._reading() as db:
            by_kind = _counts(db, "kind", since)
            by_surface = _counts(db, "surface", since)
            up, down = db.execute(
                "SELECT COALESCE(SUM(CASE WHEN v.value > 0 THEN 1 ELSE 0 END), 0), "
                "COALESCE(SUM(CASE WHEN v.value < 0 THEN 1 ELSE 0 END), 0) "
                "FROM votes v JOIN questions q ON q.id = v.question_id WHERE q.asked_at >= ?", (since,)).fetchone()
            median = _median_latency(db, since)
        return Totals(sum(by_kind.values()), by_kind, by_surface, median, int(up), int(down))

    def worst_rated(self, since: float, limit: int) -> list[Rated]:
        down = "SUM(CASE WHEN v.value < 0 THEN 1 ELSE 0 END)"
        up = "SUM(CASE WHEN v.value > 0 THEN 1 ELSE 0 END)"
        with self._reading() as db:
            rows = db.execute(
                f"SELECT q.kind, q.entry_id, q.source, q.document, {up}, {down}, MIN(q.question) "
                "FROM votes v JOIN questions q ON q.id = v.question_id WHERE q.asked_at >= ? "
                f"GROUP BY q.kind, q.entry_id, q.source, q.document HAVING {down} > 0 "
                f"ORDER BY {down} - {up} DESC, {down} DESC LIMIT ?", (since, limit)).fetchall()
        return [Rated(kind, entry, source, document, int(ups), int(downs), example)
                for kind, entry, source, document, ups, downs, example in rows]

    # --- conversation context ----------------------------------------------------------------------

    def save_context(self, key: str, turn: str, expires_at: float) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO conversation_context (context_key, turn, expires_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (context_key) DO UPDATE SET turn = excluded.turn, expires_at = excluded.expires_at",
                       (key, turn, expires_at))
            db.execute("DELETE FROM conversation_context WHERE expires_at < ?", (expires_at - 2 * DAY,))

    def load_context(self, key: str, now: float) -> str | None:
        with self._reading() as db:
            row = db.execute("SELECT turn FROM conversation_context WHERE context_key = ? AND expires_at > ?",
                             (key, now)).fetchone()
        return row[0] if row else None


def _insert(db: Db, asked: Asked) -> None:
    db.execute(f"INSERT INTO questions ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               (asked.id, asked.asked_at, asked.surface, asked.question, asked.kind, asked.reason, asked.score,
                asked.entry_id, asked.source, asked.document, asked.latency_ms))


def _delete_through(db: Db, condition: str, args: tuple) -> int:
    """Delete the questions matching ``condition``, and their votes first."""
    db.execute(f"DELETE FROM votes WHERE question_id IN (SELECT id FROM questions WHERE {condition})", args)
    return db.execute(f"DELETE FROM questions WHERE {condition}", args).rowcount


def _counts(db: Db, column: str, since: float) -> dict[str, int]:
    rows = db.execute(f"SELECT {column}, COUNT(*) FROM questions WHERE asked_at >= ? GROUP BY {column}",
                      (since,)).fetchall()
    return {name: int(count) for name, count in rows}


def _median_latency(db: Db, since: float) -> float | None:
    count = db.execute("SELECT COUNT(*) FROM questions WHERE asked_at >= ? AND latency_ms IS NOT NULL",
                       (since,)).fetchone()[0]
    if not count:
        return None
    middle = db.execute("SELECT latency_ms FROM questions WHERE asked_at >= ? AND latency_ms IS NOT NULL "
                        "ORDER BY latency_ms LIMIT ? OFFSET ?", (since, 2 - count % 2, (count - 1) // 2)).fetchall()
    return sum(row[0] for row in middle) / len(middle)


def _asked(row: Sequence[Any]) -> Asked:
    (id_, asked_at, surface, question, kind, reason, score, entry_id, source, document, latency_ms) = row
    return Asked(question, surface, kind, score, latency_ms, reason, entry_id, source, document, asked_at, id_)
