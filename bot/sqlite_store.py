"""The ``Store`` on SQLite: one file (0600) in the data folder, WAL mode, the shared migrations and queries.

WAL lets ``python main.py report`` read while the bot writes, and a busy timeout lets the bot and
a console chat write to the same file. One connection serves every thread, behind a lock. The
salt is a file beside the database (``salt``, 0600), made once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.files import private_dir, private_file
from bot.sql_store import SqlStore
from bot.store import load_salt

BUSY_TIMEOUT = 5.0


class SqliteStore(SqlStore):
    """Questions and votes in one SQLite file; thread-safe."""

    def __init__(self, path: Path, retention_days: float = 90.0, max_questions: int = 100_000) -> None:
        super().__init__(retention_days, max_questions)
        private_dir(path.parent)
        self.path = private_file(path)  # created 0600 before SQLite opens it; its -wal and -shm copy the mode
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

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._db

    def salt(self) -> bytes:
        return load_salt(self.path.parent)

    def close(self) -> None:
        with self._lock:
            self._db.close()
