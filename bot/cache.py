"""An on-disk cache of the parsed and indexed corpus, keyed by the articles' bytes and the engine's code.

Parsing and indexing ten thousand articles takes tens of seconds; reading the pickle back takes a
few. The key covers every article file (name and contents) and the source of the modules that
shape the index, so an edited article or a changed engine never reuses a stale index. Only
corpora above ``MIN_BYTES`` are cached: a single article indexes faster than a pickle loads.
The cache holds only what this program wrote to its own directory.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from pathlib import Path

from bot.corpus import article_files, parse_files, require_documents
from bot.files import write_atomic
from bot.search import SearchEngine

log = logging.getLogger(__name__)

MIN_BYTES = 2_000_000
_ENGINE_MODULES = ("corpus", "text", "index", "search", "lexicon", "spelling", "features")


def _code_fingerprint() -> bytes:
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in _ENGINE_MODULES:
        digest.update((here / f"{name}.py").read_bytes())
    return digest.digest()


def load_engine(directory: Path, cache_dir: Path | None = None) -> SearchEngine:
    """Parse and index the articles in ``directory``, through the cache when one is given."""
    files = article_files(directory)
    contents = [(path, path.read_bytes()) for path in files]
    size = sum(len(data) for _, data in contents)
    key = None
    if cache_dir is not None and size >= MIN_BYTES:
        digest = hashlib.sha256(_code_fingerprint())
        for path, data in contents:
            digest.update(path.name.encode() + b"\0" + hashlib.sha256(data).digest())
        key = cache_dir / f"engine-{digest.hexdigest()[:32]}.pickle"
        engine = _read(key)
        if engine is not None:
            return engine
    corpus = require_documents(parse_files(contents), directory)  # unusable articles are named in corpus.errors
    del contents
    engine = SearchEngine(corpus)
    if key is not None:
        _write(key, engine)
    return engine


def _read(path: Path) -> SearchEngine | None:
    try:
        with path.open("rb") as f:
            engine = pickle.load(f)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a truncated or foreign file: rebuild and overwrite it
        log.warning("ignoring unreadable index cache %s: %s", path, exc)
        return None
    return engine if isinstance(engine, SearchEngine) else None


def _write(path: Path, engine: SearchEngine) -> None:
    """Write atomically (0600 temporary file, then rename) so a reader never sees half a cache."""
    try:
        write_atomic(path, lambda f: pickle.dump(engine, f, protocol=pickle.HIGHEST_PROTOCOL))
        for old in path.parent.glob("engine-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)  # keep one: the cache of the current corpus
    except OSError as exc:
        log.warning("cannot write index cache %s: %s", path, exc)
