"""A real PostgreSQL server for the tests: one per session, started with the machine's ``pg_ctl`` by pytest-postgresql.

PostgreSQL refuses to run as root, and the development machines and CI run as root: there the
server runs as the ``postgres`` user (``runuser``, through a two-line ``pg_ctl`` wrapper handed to
pytest-postgresql's executor), in a temporary folder that user owns, on a free port on 127.0.0.1.
Each test gets a database of its own (``database``), dropped afterwards. Where no server can be
started (no PostgreSQL binaries: ``.ci/run`` installs Debian's ``postgresql``), ``unavailable`` says why.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import port_for
from pytest_postgresql.executors import PostgreSQLExecutor
from pytest_postgresql.janitor import DatabaseJanitor

PG_ROOT = Path("/usr/lib/postgresql")
USER = "postgres"  # the server's superuser (trust authentication, 127.0.0.1 only), and as root its OS user
FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"  # a throwaway cluster: speed over safety
_names = itertools.count(1)


def pg_ctl() -> Path | None:
    """The newest installed ``pg_ctl`` (Debian keeps each major version under /usr/lib/postgresql/N/bin)."""
    found = sorted(PG_ROOT.glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    if found:
        return found[-1]
    on_path = shutil.which("pg_ctl")
    return Path(on_path) if on_path else None


def unavailable() -> str | None:
    """Why no server can be started here, or None."""
    if pg_ctl() is None:
        return "no PostgreSQL server binaries (pg_ctl) installed: apt-get install postgresql (.ci/run does)"
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            return "running as root without runuser, and PostgreSQL refuses to run as root"
        try:
            pwd.getpwnam(USER)
        except KeyError:
            return f"running as root without a '{USER}' user to run PostgreSQL as"
    return None


class PostgresServer:
    """One PostgreSQL cluster in a temporary folder, on 127.0.0.1."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="qa-postgres-"))
        self.port = port_for.select_random()
        self._executor: PostgreSQLExecutor | None = None

    def start(self) -> PostgresServer:
        executable = self._as_server_user(pg_ctl())
        self._executor = PostgreSQLExecutor(
            executable=str(executable), host="127.0.0.1", port=self.port, datadir=str(self.folder / "data"),
            unixsocketdir=str(self.folder), logfile=str(self.folder / "server.log"), startparams="-w",
            dbname="qa_tests", user=USER, postgres_options=FAST)
        self._executor.start()
        return self

    def _as_server_user(self, real: Path) -> Path:
        """``pg_ctl`` itself, or as root a wrapper running it as the postgres user in a folder that user owns."""
        if os.geteuid() != 0:
            return real
        entry = pwd.getpwnam(USER)
        os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        self.folder.chmod(0o700)
        wrapper = self.folder / "pg_ctl"
        wrapper.write_text(f'#!/bin/sh\ncd "{self.folder}" && exec runuser -u {USER} -- "{real}" "$@"\n')
        wrapper.chmod(0o700)
        return wrapper

    def url(self, database: str) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    @contextlib.contextmanager
    def database(self) -> Iterator[str]:
        """A new empty database for one test (its URL), dropped afterwards."""
        name = f"qa_{os.getpid()}_{next(_names)}"
        with DatabaseJanitor(user=USER, host="127.0.0.1", port=self.port, dbname=name):
            yield self.url(name)

    def stop(self) -> None:
        try:
            if self._executor is not None:
                self._executor.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
