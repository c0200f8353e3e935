"""Delivery retries: transient network failures are retried with backoff, permanent refusals are not."""

import asyncio
from collections import Counter

import pytest
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, TimedOut

from bot.telegram.delivery import RetryingRateLimiter, is_transient


class ScriptedLimiter:
    """Stands in for AIORateLimiter: raises the scripted errors in turn, then succeeds."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls = 0

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return {"ok": True}


def send(limiter: RetryingRateLimiter, endpoint: str = "sendMessage"):
    return asyncio.run(limiter.process_request(None, (), {}, endpoint, {"chat_id": 1}, None))


def retrying(inner, counters=None, give_up_after=5.0) -> RetryingRateLimiter:
    return RetryingRateLimiter(inner, counters if counters is not None else Counter(), give_up_after=give_up_after,
                               first_delay=0.01)


@pytest.mark.parametrize("error, transient", [
    (NetworkError("httpx.ReadError: connection reset"), True), (NetworkError("Bad Gateway"), True),
    (TimedOut(), True), (BadRequest("Bad Request: message is too long"), False),
    (Forbidden("bot was blocked by the user"), False), (ChatMigrated(42), False)])
def test_what_counts_as_transient(error, transient):
    assert is_transient(error) is transient


def test_a_reply_that_fails_on_the_network_is_retried_until_it_goes():
    counters: Counter[str] = Counter()
    inner = ScriptedLimiter(NetworkError("httpx.ReadError"), NetworkError("Internal Server Error"))
    assert send(retrying(inner, counters)) == {"ok": True}
    assert inner.calls == 3 and counters["send_retried"] == 2


@pytest.mark.parametrize("error", [BadRequest("Bad Request: chat not found"), Forbidden("blocked")])
def test_a_permanent_refusal_gives_up_at_once(error):
    inner = ScriptedLimiter(error)
    with pytest.raises(type(error)):
        send(retrying(inner))
    assert inner.calls == 1


def test_retries_stop_after_the_deadline():
    inner = ScriptedLimiter(*[NetworkError("down")] * 100)
    with pytest.raises(NetworkError):
        send(retrying(inner, give_up_after=0.1))
    assert 2 <= inner.calls < 10


def test_only_deliveries_are_retried():
    inner = ScriptedLimiter(NetworkError("down"))
    with pytest.raises(NetworkError):
        send(retrying(inner), endpoint="getMe")
    assert inner.calls == 1
