"""Files the bot writes: private (0600 in folders of 0700), written atomically, and looked at twice.

What the bot keeps (the question store, its salt, the index cache) is about its users, so nothing
it creates is readable by other accounts on the machine. A file is replaced in one rename, never
rewritten in place, so a reader sees the old version or the new one; and the bot reads the files
operators edit only once they have stopped changing (``stamp`` twice, a moment apart).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as 0700; tighten it if it exists with looser rights."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for directory in reversed(missing):
        directory.mkdir(mode=DIR_MODE, exist_ok=True)
    if path.stat().st_mode & 0o777 != DIR_MODE:
        path.chmod(DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty as 0600 unless it exists; tighten an existing one (it may predate this rule)."""
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
    os.close(descriptor)
    if path.stat().st_mode & 0o777 != FILE_MODE:
        path.chmod(FILE_MODE)
    return path


Content = bytes | Callable[[BinaryIO], object]  # the bytes, or a function writing them (a large pickle)


def _temporary(path: Path, content: Content) -> Path:
    """A new 0600 file beside ``path`` holding ``content``, flushed to disk."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    try:
        with os.fdopen(descriptor, "wb") as f:
            if isinstance(content, bytes):
                f.write(content)
            else:
                content(f)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def write_atomic(path: Path, content: Content) -> None:
    """Replace ``path`` with ``content`` in one rename: readers see the old file or the new one, never half."""
    private_dir(path.parent)
    os.replace(_temporary(path, content), path)


def create_once(path: Path, data: bytes) -> bytes:
    """Write ``data`` to ``path`` unless it exists; returns what the file holds (the first writer wins)."""
    private_dir(path.parent)
    temporary = _temporary(path, data)
    try:
        os.link(temporary, path)  # atomic, and fails if another process created it first
    except FileExistsError:
        data = path.read_bytes()
    finally:
        temporary.unlink(missing_ok=True)
    return data


def stamp(path: Path) -> tuple[int, int] | tuple[()]:
    """(size, modification time in ns), or () when the file is missing: what tells an edit apart."""
    try:
        status = path.stat()
    except OSError:
        return ()
    return (status.st_size, status.st_mtime_ns)
