"""The ``Store`` on PostgreSQL (``DATABASE_URL``), so that replicas share statistics, votes and context.

The same migrations and queries as SQLite (``bot/sql_store.py``); only the placeholders differ
(psycopg's ``%s`` for ``?``). One connection serves every thread, behind a lock, in autocommit mode
with an explicit transaction per write. A connection lost (a database restart, a network cut) fails
the call in progress, which the caller counts and logs, and the next call connects again. Replicas
starting together migrate one at a time (an advisory lock), and the first one makes the shared salt
(table ``shared_salt``) that every replica then reads.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import psycopg

from bot.sql_store import SqlStore

CONNECT_TIMEOUT = 5  # seconds: a database that does not answer is reported rather than waited on
MIGRATION_LOCK = 0x51A_B07  # the advisory lock key replicas take while migrating


class _Db:
    """A psycopg connection taking the shared queries' ``?`` placeholders."""

    def __init__(self, connection: psycopg.Connection) -> None:
        self.connection = connection

    def execute(self, sql: str, args: Sequence[Any] = ()) -> psycopg.Cursor:
        assert "%" not in sql, "a literal % would need escaping for psycopg"
        return self.connection.execute(sql.replace("?", "%s"), tuple(args))


class PostgresStore(SqlStore):
    """Questions, votes and conversation context in a PostgreSQL database; thread-safe."""

    def __init__(self, url: str, retention_days: float = 90.0, max_questions: int = 100_000) -> None:
        super().__init__(retention_days, max_questions)
        self._url = url
        self._connection = self._connect()
        self._migrate()
        self.prune()

    def _connect(self) -> psycopg.Connection:
        return psycopg.connect(self._url, autocommit=True, connect_timeout=CONNECT_TIMEOUT,
                               application_name="event-qa-bot")

    def _db(self) -> _Db:
        """The connection, opened again if the last one was lost (call with the lock held)."""
        if self._connection.closed or self._connection.broken:
            self._connection = self._connect()
        return _Db(self._connection)

    @contextmanager
    def _transaction(self) -> Iterator[_Db]:
        with self._lock:
            db = self._db()
            with db.connection.transaction():
                yield db

    @contextmanager
    def _reading(self) -> Iterator[_Db]:
        with self._lock:
            yield self._db()

    def _lock_schema(self, db: _Db) -> None:
        db.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))

    def salt(self) -> bytes:
        with self._transaction() as db:
            db.execute("INSERT INTO shared_salt (id, salt) VALUES (1, ?) ON CONFLICT (id) DO NOTHING",
                       (secrets.token_hex(32),))
            return bytes.fromhex(db.execute("SELECT salt FROM shared_salt WHERE id = 1").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._connection.close()


def describe_url(url: str) -> str:
    """``host:port/database`` of a database URL, for messages: never the user or the password."""
    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}:{parts.port or 5432}{parts.path or '/'}"


def password_of(url: str) -> str:
    """The password in a database URL ('' when none), for the log filter to redact."""
    return urlsplit(url).password or ""


Error = psycopg.Error
