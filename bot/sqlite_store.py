"""The ``Store`` on SQLite: one file (0600) in the data folder, WAL mode, the shared migrations.

WAL lets ``python main.py report`` read while the bot writes, and a busy timeout lets the bot and
a console chat write to the same file. One connection serves every thread, behind a lock; each
write is its own transaction, so a crash loses at most the question being written.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.files import private_dir, private_file
from bot.migrations import VERSION_TABLE, migrations
from bot.store import Asked, Rated, Totals

DAY = 86_400.0
PRUNE_EVERY = 500  # questions between two prunes: the cap can be exceeded by this many at most
PRUNE_SECONDS = 3600.0  # and at least this often, so that retention holds on a quiet bot
BUSY_TIMEOUT = 5.0
MISSED_REASONS = ("not confident", "not English")  # other nones are small talk, empty or vague
_COLUMNS = "id, asked_at, surface, question, kind, reason, score, entry_id, source, document, latency_ms"


class SqliteStore:
    """Questions and votes in one SQLite file; thread-safe."""

    def __init__(self, path: Path, retention_days: float = 90.0, max_questions: int = 100_000) -> None:
        private_dir(path.parent)
        self.path = private_file(path)  # created 0600 before SQLite opens it; its -wal and -shm copy the mode
        self.retention_days = retention_days
        self.max_questions = max_questions
        self._lock = threading.Lock()
        self._since_prune = 0
        self._pruned_at = 0.0
        self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._migrate()
        self.prune()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _migrate(self) -> None:
        """Apply the migrations this file lacks, each in its own transaction, recording its version."""
        with self._transaction() as db:
            db.execute(VERSION_TABLE)
        for migration in migrations():
            with self._transaction() as db:
                if db.execute("SELECT 1 FROM schema_version WHERE version = ?", (migration.version,)).fetchone():
                    continue
                for statement in migration.statements:
                    db.execute(statement)
                db.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                           (migration.version, migration.name, time.time()))

    def schema_version(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]

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
                gone += _delete_through(db, "(asked_at, id) <= (?, ?)", last_kept)
        self._since_prune, self._pruned_at = 0, time.monotonic()
        return gone

    def weak(self, since: float, below: float) -> list[Asked]:
        placeholders = ", ".join("?" for _ in MISSED_REASONS)
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM questions WHERE asked_at >= ? AND ((kind = 'none' AND reason IN "
                f"({placeholders})) OR (kind = 'passage' AND score < ?)) ORDER BY asked_at",
                (since, *MISSED_REASONS, below)).fetchall()
        return [_asked(row) for row in rows]

    def totals(self, since: float) -> Totals:
        with self._lock:
            by_kind = dict(self._db.execute("SELECT kind, COUNT(*) FROM questions WHERE asked_at >= ? GROUP BY kind",
                                            (since,)).fetchall())
            by_surface = dict(self._db.execute("SELECT surface, COUNT(*) FROM questions WHERE asked_at >= ? "
                                               "GROUP BY surface", (since,)).fetchall())
            up, down = self._db.execute(
                "SELECT COALESCE(SUM(CASE WHEN v.value > 0 THEN 1 ELSE 0 END), 0), "
                "COALESCE(SUM(CASE WHEN v.value < 0 THEN 1 ELSE 0 END), 0) "
                "FROM votes v JOIN questions q ON q.id = v.question_id WHERE q.asked_at >= ?", (since,)).fetchone()
            median = self._median_latency(since)
        return Totals(sum(by_kind.values()), by_kind, by_surface, median, up, down)

    def _median_latency(self, since: float) -> float | None:
        count = self._db.execute("SELECT COUNT(*) FROM questions WHERE asked_at >= ? AND latency_ms IS NOT NULL",
                                 (since,)).fetchone()[0]
        if not count:
            return None
        middle = self._db.execute("SELECT latency_ms FROM questions WHERE asked_at >= ? AND latency_ms IS NOT NULL "
                                  "ORDER BY latency_ms LIMIT ? OFFSET ?",
                                  (since, 2 - count % 2, (count - 1) // 2)).fetchall()
        return sum(row[0] for row in middle) / len(middle)

    def worst_rated(self, since: float, limit: int) -> list[Rated]:
        down = "SUM(CASE WHEN v.value < 0 THEN 1 ELSE 0 END)"
        up = "SUM(CASE WHEN v.value > 0 THEN 1 ELSE 0 END)"
        with self._lock:
            rows = self._db.execute(
                f"SELECT q.kind, q.entry_id, q.source, q.document, {up}, {down}, MIN(q.question) "
                "FROM votes v JOIN questions q ON q.id = v.question_id WHERE q.asked_at >= ? "
                f"GROUP BY q.kind, q.entry_id, q.source, q.document HAVING {down} > 0 "
                f"ORDER BY {down} - {up} DESC, {down} DESC LIMIT ?", (since, limit)).fetchall()
        return [Rated(*row) for row in rows]

    def save_context(self, key: str, turn: str, expires_at: float) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO conversation_context (context_key, turn, expires_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (context_key) DO UPDATE SET turn = excluded.turn, expires_at = excluded.expires_at",
                       (key, turn, expires_at))
            db.execute("DELETE FROM conversation_context WHERE expires_at < ?", (expires_at - 2 * DAY,))

    def load_context(self, key: str, now: float) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT turn FROM conversation_context WHERE context_key = ? AND expires_at > ?",
                                   (key, now)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _insert(db: sqlite3.Connection, asked: Asked) -> None:
    db.execute(f"INSERT INTO questions ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               (asked.id, asked.asked_at, asked.surface, asked.question, asked.kind, asked.reason, asked.score,
                asked.entry_id, asked.source, asked.document, asked.latency_ms))


def _delete_through(db: sqlite3.Connection, condition: str, args: tuple) -> int:
    """Delete the questions matching ``condition``, and their votes first."""
    db.execute(f"DELETE FROM votes WHERE question_id IN (SELECT id FROM questions WHERE {condition})", args)
    return db.execute(f"DELETE FROM questions WHERE {condition}", args).rowcount


def _asked(row: tuple) -> Asked:
    (id_, asked_at, surface, question, kind, reason, score, entry_id, source, document, latency_ms) = row
    return Asked(question, surface, kind, score, latency_ms, reason, entry_id, source, document, asked_at, id_)
