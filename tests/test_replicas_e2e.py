"""Two replicas in webhook mode on one PostgreSQL database: what one records, the other counts and reads.

Both bot processes (``python main.py run --webhook-url …`` on their own ports, ``DATABASE_URL`` to one
database of the session's server) get alternate updates of one conversation over real HTTP, as
Telegram spreads them behind a load balancer. ``/stats`` on either counts both; a vote recorded
through one and changed through the other stays one vote, which shows both hash users with the same
salt (kept in the database, table ``shared_salt``): the salt the conversation context is keyed with too,
so a follow-up sent through one replica is read against the question the other one answered.
"""

from __future__ import annotations

import time

import psycopg
import pytest

from bot.postgres_store import PostgresStore
from bot.store import context_key

from bot_process import eventually, new_private, post_update, quoted, replies, start_webhook_bot, stop
from fake_telegram import ADMIN, USER, FakeBotApi, button_press, message

pytestmark = pytest.mark.e2e

TOKEN = "123456789:AAHfakeTokenForTestsOnly_abcdefghijklmnop"


@pytest.fixture(scope="module")
def database(postgres_server) -> str:
    with postgres_server.database() as url:
        yield url


@pytest.fixture(scope="module")
def replicas(api, workdir, database):
    env = {"DATABASE_URL": database, "ADMIN_IDS": str(ADMIN["id"])}
    first = start_webhook_bot(api, workdir, "replica-a", **env)
    second = start_webhook_bot(api, workdir, "replica-b", **env)
    yield first, second
    stop(first)
    stop(second)


def say(api: FakeBotApi, replica, chat: int, text: str, sender: dict | None = None) -> dict:
    """Post a message to ``replica`` and wait for its reply (the newest message in ``chat``)."""
    count = len(api.sent_to(chat)) + 1
    assert post_update(replica.port, api.update("message", message(chat, text, sender=sender))) == 200
    return replies(api, chat, count)[count - 1]


def press(api: FakeBotApi, replica, chat: int, data: str) -> str:
    """Press a button through ``replica``; the text it answers the press with."""
    pressed = button_press(chat, data)
    assert post_update(replica.port, api.update("callback_query", pressed)) == 200
    calls = api.wait_for(lambda a: [c for c in a.calls_of("answerCallbackQuery") if c["callback_query_id"] ==
                                    pressed["id"]])
    return calls[0].get("text", "")


def stored(database: str, sql: str, *args) -> list[tuple]:
    with psycopg.connect(database) as connection:
        return connection.execute(sql, args).fetchall()


def test_statistics_and_votes_are_shared_by_the_replicas(replicas, api, database):
    first, second = replicas
    chat = new_private()
    answer = say(api, first, chat, "How many people were arrested?")
    say(api, second, chat, "How many troops did the CSTO send?")
    up, down = [b["callback_data"] for b in answer["reply_markup"]["inline_keyboard"][0]]
    eventually(lambda: stored(database, "SELECT 1 FROM questions WHERE id = %s", up[2:]))  # written off the loop
    assert "Thanks" in press(api, second, chat, up)
    assert "Thanks" in press(api, first, chat, down)  # the same user changes their mind, through the other one
    votes = stored(database, "SELECT value, voter FROM votes WHERE question_id = %s", up[2:])
    assert [value for value, _ in votes] == [-1] and str(USER["id"]) not in votes[0][1]
    kept = stored(database, "SELECT count(*) FROM questions")[0][0]  # other tests of the module may have asked too
    assert kept >= 2
    for replica in (first, second):
        stats = say(api, replica, ADMIN["id"], "/stats", sender=ADMIN)["text"]
        assert f"questions: {kept}" in stats and f"by surface: private {kept}" in stats
        assert "votes: 0 up, 1 down" in stats


def test_one_salt_for_both_so_a_context_saved_by_one_is_read_by_the_other(replicas, database):
    assert len(stored(database, "SELECT salt FROM shared_salt")) == 1
    one, other = PostgresStore(database), PostgresStore(database)  # what each replica opens
    try:
        salt = one.salt()
        assert other.salt() == salt
        key = context_key(salt, 918273645)
        one.save_context(key, '{"question": "How many people were arrested?"}', time.time() + 600)
        assert other.load_context(key, time.time()) == '{"question": "How many people were arrested?"}'
    finally:
        one.close()
        other.close()


def test_a_follow_up_through_one_replica_is_read_against_the_answer_of_the_other(replicas, api, database):
    first, second = replicas
    chat = new_private()
    [(salt,)] = stored(database, "SELECT salt FROM shared_salt")
    key = context_key(bytes.fromhex(salt), chat)  # this chat's row: other tests' contexts are written off the loop too
    opening = say(api, first, chat, "Where did the most violent clashes take place?")
    assert "<i>(" not in opening["text"] and "Almaty" in quoted(opening["text"])
    eventually(lambda: stored(database, "SELECT 1 FROM conversation_context WHERE context_key = %s", key))
    follow = say(api, second, chat, "how many people were killed there?")
    assert follow["text"].startswith("<i>(how many people were killed in Almaty?)")
    assert "more than 100 people were reportedly killed" in quoted(follow["text"])

