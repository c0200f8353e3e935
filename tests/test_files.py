"""Files the bot writes are private and replaced atomically; an edit is read only once it has settled."""

from __future__ import annotations

import threading
from pathlib import Path

from bot import cache
from bot.bench import generate_corpus
from bot.files import create_once, private_dir, stamp, write_atomic

from conftest import SEED_CORPUS


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_private_dir_creates_missing_parents_0700(tmp_path: Path):
    made = private_dir(tmp_path / "a" / "b")
    assert mode(made) == mode(made.parent) == 0o700


def test_write_atomic_replaces_whole_and_leaves_no_temporary(tmp_path: Path):
    target = tmp_path / "out" / "file.bin"
    write_atomic(target, b"first")
    write_atomic(target, lambda f: f.write(b"second"))
    assert target.read_bytes() == b"second" and mode(target) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["file.bin"]


def test_create_once_keeps_the_first_writer(tmp_path: Path):
    target = tmp_path / "salt"
    results: list[bytes] = []
    threads = [threading.Thread(target=lambda n=n: results.append(create_once(target, bytes([n]) * 8)))
               for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 1 and target.read_bytes() == results[0] and mode(target) == 0o600


def test_stamp_tells_an_edit_apart(tmp_path: Path):
    path = tmp_path / "f"
    assert stamp(path) == ()
    path.write_text("a")
    first = stamp(path)
    path.write_text("ab")
    assert stamp(path) != first and stamp(path)[0] == 2


def test_index_cache_is_private(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    generate_corpus(tmp_path / "corpus", 1, SEED_CORPUS, seed=3)
    cache.load_engine(tmp_path / "corpus", tmp_path / "cache")
    [stored] = (tmp_path / "cache").iterdir()
    assert mode(tmp_path / "cache") == 0o700 and mode(stored) == 0o600
