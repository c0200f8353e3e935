"""The getUpdates loop without a server: bounded batches, unreadable updates skipped, a rejected token fatal,
and at stop exactly what was handled confirmed."""

import asyncio
import logging
from collections import Counter

import pytest
from telegram.error import EndPointNotFound, InvalidToken, NetworkError

from bot.telegram.poller import MAX_BATCH, Poller, TokenRejected
from bot.telegram.scheduler import Scheduler

SECRET = "123456789:AAHfakeTokenForTestsOnly_abcdefghijklmnop"


def update(update_id: int, chat: int = 5) -> dict:
    return {"update_id": update_id, "message": {"message_id": update_id, "date": 1, "text": "hi",
                                                "chat": {"id": chat, "type": "private"}}}


class FakeBot:
    """Answers getUpdates from a script: a list (a batch) or an exception per call; then waits forever."""

    def __init__(self, *script) -> None:
        self.script = list(script)
        self.calls: list[dict] = []

    async def do_api_request(self, endpoint, api_kwargs=None, read_timeout=None, **_):
        self.calls.append(dict(api_kwargs))
        if not self.script:
            await asyncio.Event().wait()
        step = self.script.pop(0)
        if isinstance(step, Exception):
            raise step
        return step


class Recorder:
    def __init__(self) -> None:
        self.accepted: list[int] = []

    def accept(self, update) -> None:
        self.accepted.append(update.update_id)


def poll(bot: FakeBot, scheduler: Scheduler | None = None, seconds: float = 0.1):
    """Run the poller until its script is used up (or it fails); returns (poller, recorder, error)."""
    recorder, counters = Recorder(), Counter()

    async def scenario():
        poller = Poller(bot, recorder, scheduler or Scheduler(), ["message"], counters)
        try:
            await asyncio.wait_for(poller.run(), seconds)
        except TimeoutError:
            return poller, None
        except TokenRejected as exc:
            return poller, exc
        raise AssertionError("the poller returned")

    poller, error = asyncio.run(scenario())
    return poller, recorder, counters, error


def test_each_update_is_handed_on_once_and_the_next_call_confirms_it():
    bot = FakeBot([update(1), update(2)], [update(2), update(3)])
    poller, recorder, _, _ = poll(bot)
    assert recorder.accepted == [1, 2, 3]
    assert [c["offset"] for c in bot.calls] == [0, 3, 4] and (poller.confirmed, poller.reached) == (3, 4)


def test_the_batch_is_never_larger_than_the_room_in_the_scheduler():
    bot = FakeBot([])
    scheduler = Scheduler(backlog=7)
    poll(bot, scheduler)
    assert bot.calls[0]["limit"] == 7
    poll(bot := FakeBot([]))
    assert bot.calls[0]["limit"] == MAX_BATCH


def test_an_unreadable_update_is_logged_once_by_id_and_skipped(caplog):
    bad = {"update_id": 2, "message": {"message_id": 1, "chat": {"id": 5, "type": "private"},
                                       "from": {"id": "Alice Zebrowski", "is_bot": False, "first_name": "A"}}}
    bot = FakeBot([update(1), bad, update(3)])
    with caplog.at_level(logging.WARNING, logger="bot"):
        poller, recorder, counters, _ = poll(bot)
    assert recorder.accepted == [1, 3] and poller.offset == 4 and counters["unreadable_updates"] == 1
    assert [r.getMessage() for r in caplog.records] == [
        f"update 2 cannot be read by python-telegram-bot {__import__('telegram').__version__} (KeyError): skipped"]
    assert "Alice" not in caplog.text


@pytest.mark.parametrize("error", [InvalidToken(f"The token `{SECRET}` was rejected"),
                                   EndPointNotFound("Endpoint 'getUpdates' not found")])
def test_a_rejected_token_ends_polling(error):
    _, _, _, raised = poll(FakeBot([update(1)], error))
    assert isinstance(raised, TokenRejected) and SECRET not in str(raised)


def test_network_failures_are_retried():
    bot = FakeBot(NetworkError("down"), [update(1)])
    _, recorder, _, error = poll(bot, seconds=0.8)
    assert error is None and recorder.accepted == [1] and len(bot.calls) == 3


def confirm(poller: Poller, unfinished: set[int]) -> None:
    asyncio.run(poller.confirm(frozenset(unfinished)))


def test_at_stop_everything_handled_is_confirmed():
    bot = FakeBot([update(1), update(2)])
    poller, *_ = poll(bot)
    bot.script, bot.calls = [[]], []
    poller.reached = poller.confirmed = 1  # the long poll asking for 3 never went out
    confirm(poller, set())
    assert [c["offset"] for c in bot.calls] == [3]


def test_at_stop_what_was_not_handled_is_left_with_telegram_when_it_still_has_it(caplog):
    bot = FakeBot([update(10), update(11), update(12)])
    poller, *_ = poll(bot)
    bot.script, bot.calls = [[]], []
    poller.reached = poller.confirmed = 10
    with caplog.at_level(logging.WARNING, logger="bot"):
        confirm(poller, {11, 12})
    assert [c["offset"] for c in bot.calls] == [11]
    assert "2 update(s) not handled in time: left with Telegram for the next start" in caplog.text


def test_at_stop_what_telegram_may_have_dropped_is_reported_lost(caplog):
    bot = FakeBot([update(10), update(11)])
    poller, *_ = poll(bot)  # its last call, asking for 12, was in flight: Telegram may have dropped 10 and 11
    bot.script, bot.calls = [[]], []
    with caplog.at_level(logging.WARNING, logger="bot"):
        confirm(poller, {10})
    assert [c["offset"] for c in bot.calls] == [12]
    assert "1 update(s) not handled in time, and already taken from Telegram: lost" in caplog.text
