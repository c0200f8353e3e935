"""The question store: what is kept, votes, retention and cap, migrations, restarts, concurrency, privacy.

Each behaviour is checked on both backends: SQLite (a file per test) and PostgreSQL (a database per
test on one real server for the session, see tests/postgres_server.py). File privacy is SQLite's alone.
"""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path

import psycopg
import pytest

from bot.answer import Answer, Kind, Reason
from bot.migrations import LATEST, migrations
from bot.sqlite_store import SqliteStore
from bot.store import Asked, Store, Surface, context_key, import_legacy_log, load_salt, open_store, voter_key

DAY = 86_400
BACKENDS = ["sqlite", "postgres"]


def asked(question: str = "How many died?", kind: str = "passage", score: float = 0.9, **extra) -> Asked:
    return Asked(question, extra.pop("surface", Surface.PRIVATE), kind, score, extra.pop("latency_ms", 1.0), **extra)


@pytest.fixture(params=BACKENDS)
def database(request, tmp_path: Path) -> str | None:
    """The backend under test: None for SQLite (in tmp_path/data), or a fresh PostgreSQL database's URL."""
    return request.getfixturevalue("postgres_url") if request.param == "postgres" else None


@pytest.fixture
def make_store(database, tmp_path: Path):
    """Opens a store on the test's database (every call is another connection, as another process would make)."""
    opened: list[Store] = []

    def make(retention_days: float = 90.0, max_questions: int = 100_000) -> Store:
        store = open_store(tmp_path / "data", retention_days, max_questions, database)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(make_store):
    return make_store()


def test_a_question_is_kept_with_its_answer(store):
    result = Answer("How many were arrested?", Kind.FAQ, "Nearly 8,000.", "nearly 8,000 people were arrested",
                    "Kazakh leader declares", 0.93, entry_id="arrests", phrasing="How many people were arrested?")
    store.record(Asked.of(result, Surface.GROUP, 2.5))
    totals = store.totals(0)
    assert (totals.questions, totals.by_kind, totals.by_surface) == (1, {"faq": 1}, {"group": 1})
    assert totals.median_latency_ms == 2.5


def test_only_missed_and_weak_answers_are_listed_as_weak(store):
    store.record(asked("missed", "none", 0.3, reason=str(Reason.NOT_CONFIDENT)))
    store.record(asked("weak passage", "passage", 0.6))
    store.record(asked("strong passage", "passage", 0.95))
    store.record(asked("hello", "none", 0.0, reason=str(Reason.SMALL_TALK)))
    store.record(asked("faq", "faq", 0.7, entry_id="x"))
    assert sorted(a.question for a in store.weak(0, 0.8)) == ["missed", "weak passage"]


def test_median_latency_is_the_middle_value(store):
    for latency in (5.0, 1.0, 3.0, 100.0):
        store.record(asked(latency_ms=latency))
    assert store.totals(0).median_latency_ms == 4.0  # (3 + 5) / 2
    store.record(asked(latency_ms=2.0))
    assert store.totals(0).median_latency_ms == 3.0


def test_one_vote_per_user_per_answer_and_it_can_change(store):
    question = asked()
    store.record(question)
    salt = b"s" * 32
    alice, bob = voter_key(salt, 1001, question.id), voter_key(salt, 1002, question.id)
    assert store.vote(question.id, alice, 1) and store.vote(question.id, alice, 1)
    assert store.vote(question.id, bob, -1)
    assert (store.totals(0).votes_up, store.totals(0).votes_down) == (1, 1)
    assert store.vote(question.id, alice, -1)  # changed her mind
    assert (store.totals(0).votes_up, store.totals(0).votes_down) == (0, 2)


def test_a_vote_on_an_unknown_answer_is_refused(store):
    assert store.vote("0123456789abcdef", "voter", 1) is False
    with pytest.raises(ValueError):
        store.vote("0123456789abcdef", "voter", 5)


def test_worst_rated_answers_come_first(store):
    liked, disliked = asked("q1", "faq", entry_id="good"), asked("q2", "faq", entry_id="bad")
    store.record(liked)
    store.record(disliked)
    store.vote(liked.id, "a", 1)
    store.vote(disliked.id, "a", -1)
    store.vote(disliked.id, "b", -1)
    [worst] = store.worst_rated(0, 10)
    assert (worst.entry_id, worst.down, worst.up, worst.example) == ("bad", 2, 0, "q2")


def test_voter_key_is_salted_and_does_not_hold_the_user_id():
    key = voter_key(b"salt-one" * 4, 918273645, "0123456789abcdef")
    assert "918273645" not in key and len(key) == 64
    assert key != voter_key(b"salt-two" * 4, 918273645, "0123456789abcdef")
    assert key != voter_key(b"salt-one" * 4, 918273645, "fedcba9876543210")


def test_questions_past_retention_go_with_their_votes(make_store):
    store = make_store(retention_days=1)
    old, new = asked("old", asked_at=time.time() - 2 * DAY), asked("new")
    store.record(old)
    store.record(new)
    store.vote(old.id, "v", -1)
    assert store.prune() == 1
    assert store.totals(0).questions == 1 and store.totals(0).votes_down == 0


def test_beyond_the_cap_the_oldest_questions_go_first(make_store):
    store = make_store(max_questions=3)
    now = time.time()
    for age in (5, 1, 4, 2, 3):
        store.record(asked(f"asked {age} s ago", asked_at=now - age))
    store.prune()
    assert sorted(a.question for a in store.weak(0, 1.0)) == ["asked 1 s ago", "asked 2 s ago", "asked 3 s ago"]


def test_the_cap_holds_while_recording(make_store, monkeypatch):
    monkeypatch.setattr("bot.sql_store.PRUNE_EVERY", 10)
    store = make_store(max_questions=20)
    for n in range(100):
        store.record(asked(f"q{n}"))
    assert store.totals(0).questions <= 20 + 10


def test_migrations_are_versioned_and_applied_once(make_store):
    store = make_store()
    store.record(asked())
    store.close()
    again = make_store()  # a restart: nothing applied twice, nothing lost
    assert again.schema_version() == LATEST == migrations()[-1].version
    assert again.totals(0).questions == 1
    assert again.applied_versions() == [m.version for m in migrations()]


def test_migration_versions_are_unique():
    """Two files with one number (two branches each adding the next one) would apply only the first, silently."""
    versions = [m.version for m in migrations()]
    assert len(versions) == len(set(versions)) and versions == sorted(versions)


def test_every_backend_implements_the_whole_protocol():
    from bot.postgres_store import PostgresStore

    wanted = {name for name in vars(Store) if not name.startswith("_")}
    for backend in (SqliteStore, PostgresStore):
        missing = {name for name in wanted if getattr(backend, name, None) is getattr(Store, name, None)}
        assert not missing and wanted <= set(dir(backend)), (backend.__name__, missing)


def test_migrations_are_plain_portable_sql():
    for migration in migrations():
        for statement in migration.statements:
            assert not re.search(r"AUTOINCREMENT|SERIAL|PRAGMA|WITHOUT ROWID|STRICT\b|datetime\(", statement, re.I)
            assert statement.split()[0].upper() in {"CREATE", "ALTER", "INSERT", "UPDATE", "DROP"}


def test_concurrent_writers_lose_nothing(make_store):
    first, second = make_store(), make_store()  # e.g. the bot and a console chat, or two replicas

    def write(store: Store, prefix: str) -> None:
        for n in range(50):
            store.record(asked(f"{prefix}{n}"))

    threads = [threading.Thread(target=write, args=(s, p)) for s, p in ((first, "a"), (first, "b"), (second, "c"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert first.totals(0).questions == second.totals(0).questions == 150


def test_every_process_sharing_a_store_gets_the_same_salt(make_store):
    first, second = make_store(), make_store()
    salt = first.salt()
    assert len(salt) == 32 and second.salt() == salt == first.salt()
    key = context_key(salt, 918273645)  # so a replica reads the context another one saved
    first.save_context(key, '{"question": "How many died?"}', expires_at=time.time() + 60)
    assert second.load_context(key, time.time()) == '{"question": "How many died?"}'


def test_everything_written_is_private(tmp_path: Path):
    data = tmp_path / "deep" / "data"
    store = open_store(data, 90, 1000)
    store.record(asked())
    salt = load_salt(data)
    assert load_salt(data) == salt and len(salt) == 32  # made once, then kept
    for directory in (data, data.parent):
        assert directory.stat().st_mode & 0o777 == 0o700
    files = list(data.iterdir())
    assert {p.name for p in files} >= {"questions.sqlite3", "questions.sqlite3-wal", "salt"}
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in files)
    store.close()


def test_looser_existing_data_folder_and_files_are_tightened(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    (data / "questions.sqlite3").touch(mode=0o644)
    open_store(data, 90, 1000).close()
    assert data.stat().st_mode & 0o777 == 0o700
    assert (data / "questions.sqlite3").stat().st_mode & 0o777 == 0o600


def test_legacy_unanswered_log_is_imported_once(tmp_path: Path, database):
    data = tmp_path / "data"
    data.mkdir()
    rows = [{"time": "2024-01-02T03:04:05Z", "question": "What is the tenge?", "score": 0.21},
            {"time": "2024-01-02T03:04:06Z", "question": "what is the tenge", "score": 0.2}]
    log = data / "unanswered.jsonl"
    log.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")
    store = open_store(data, 10_000, 1000, database)
    kept = store.weak(0, 0.8)
    assert [(a.question, a.surface, a.kind) for a in kept] == [("What is the tenge?", "imported", "none"),
                                                               ("what is the tenge", "imported", "none")]
    assert kept[0].asked_at == 1704164645.0
    assert not log.exists() and (data / "unanswered.jsonl.imported").exists()
    (data / "unanswered.jsonl.imported").rename(log)  # the same file again: not imported twice
    assert import_legacy_log(store, log) == 0
    assert store.totals(0).questions == 2
    store.close()


def test_conversation_context_is_kept_until_it_expires_under_a_salted_key(store):
    key = context_key(b"salt", 918273645)
    assert key != context_key(b"salt", 918273645, "thread-7") and "918273645" not in key
    store.save_context(key, '{"question": "How many died?"}', expires_at=1_000.0)
    assert store.load_context(key, now=999.0) == '{"question": "How many died?"}'
    assert store.load_context(key, now=1_000.5) is None
    store.save_context(key, '{"question": "And in Almaty?"}', expires_at=2_000.0)  # the latest exchange wins
    assert store.load_context(key, now=1_500.0) == '{"question": "And in Almaty?"}'


def test_a_lost_postgres_connection_fails_one_call_and_the_next_reconnects(postgres_url):
    from bot.postgres_store import PostgresStore

    store = PostgresStore(postgres_url)
    store.record(asked("before"))
    with psycopg.connect(postgres_url, autocommit=True) as admin:  # what a database restart does to the bot
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'event-qa-bot'")
    with pytest.raises(psycopg.OperationalError):
        store.record(asked("lost"))
    store.record(asked("after"))
    assert sorted(a.question for a in store.weak(0, 1.0)) == ["after", "before"]
    store.close()
