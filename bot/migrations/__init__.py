"""The store's schema as versioned migrations: ``NNNN_name.sql`` files in this folder, applied in order, once.

Each file is plain SQL that SQLite and PostgreSQL both accept, so every backend runs the same
files; a backend records what it applied in its ``schema_version`` table. A statement ends with
``;`` at the end of a line, and ``--`` starts a comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
VERSION_TABLE = ("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, "
                 "applied_at DOUBLE PRECISION NOT NULL)")
_FILE = re.compile(r"^(\d{4})_(\w+)\.sql$")


@dataclass(frozen=True)
class Migration:
    """One schema step: its version number, name, and SQL statements."""

    version: int
    name: str
    statements: tuple[str, ...]


def _statements(sql: str) -> tuple[str, ...]:
    lines = [line.split("--", 1)[0].rstrip() for line in sql.splitlines()]
    text = "\n".join(line for line in lines if line.strip())
    return tuple(s.strip() for s in re.split(r";\s*$", text, flags=re.MULTILINE) if s.strip())


def migrations() -> list[Migration]:
    """Every migration in this folder, oldest first."""
    found = []
    for path in sorted(HERE.glob("*.sql")):
        match = _FILE.match(path.name)
        if match:
            found.append(Migration(int(match[1]), match[2], _statements(path.read_text(encoding="utf-8"))))
    return found


LATEST = max(m.version for m in migrations())
