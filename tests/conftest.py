"""Shared fixtures: the real seed corpus and FAQ, and tiny corpora and FAQ files written per test."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.knowledge import build  # noqa: E402

SEED_CORPUS = ROOT / "corpus"
SEED_FAQ = ROOT / "faq.yaml"
DEV_QUESTIONS = ROOT / "eval" / "dev_questions.yaml"

TINY_ARTICLE = """Flood hits river town

Heavy rain caused the Mura river to burst its banks on Tuesday, flooding the town of Lendava.

About 300 residents were evacuated by boat. Mayor Ana Kovac said two people had drowned.

Cleanup

Volunteers began clearing mud from the streets on Thursday.

Source: Example News
"""


@pytest.fixture(scope="session")
def seed_kb():
    return build(SEED_CORPUS, SEED_FAQ)


@pytest.fixture(scope="session")
def seed_kb_no_faq():
    return build(SEED_CORPUS, None)


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    directory = tmp_path / "corpus"
    directory.mkdir()
    (directory / "flood.txt").write_text(TINY_ARTICLE, encoding="utf-8")
    return directory


@pytest.fixture
def write_faq(tmp_path: Path):
    def write(text: str) -> Path:
        path = tmp_path / "faq.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def postgres_server():
    """One real PostgreSQL server for the session (tests/postgres_server.py); skipped, saying why, where none runs."""
    from postgres_server import PostgresServer, unavailable

    reason = unavailable()
    if reason:
        pytest.skip(f"PostgreSQL backend not tested: {reason}")
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    with postgres_server.database() as url:
        yield url


@pytest.fixture(scope="module")
def workdir(tmp_path_factory, request) -> Path:
    """A copy of the seed corpus and FAQ for one test module's bot, which may edit them (hot reload)."""
    root = tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1].removeprefix("test_"))
    shutil.copytree(SEED_CORPUS, root / "corpus")
    shutil.copy(SEED_FAQ, root / "faq.yaml")
    return root


@pytest.fixture(scope="module")
def api():
    """A fake Bot API on 127.0.0.1 for one test module's bots."""
    from bot_process import TOKEN  # imported here: bot_process imports this module
    from fake_telegram import FakeBotApi

    server = FakeBotApi(TOKEN).start()
    yield server
    server.stop()
