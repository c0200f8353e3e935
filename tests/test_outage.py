"""Outage reports: a WARNING after the first failures, at most once a minute, and a line when it is over."""

import logging

from telegram.error import NetworkError

from bot.telegram.outage import MAX_DELAY, WARN_AFTER, Outage


class Clock:
    now = 100.0

    def __call__(self) -> float:
        return self.now


def warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_warns_after_the_first_failures_then_at_most_once_a_minute(caplog):
    caplog.set_level(logging.DEBUG, logger="bot")
    clock = Clock()
    outage = Outage(clock)
    for _ in range(WARN_AFTER - 1):
        outage.failed(NetworkError("httpx.ConnectError: refused"))
        clock.now += 1
    assert warnings(caplog) == []
    outage.failed(NetworkError("httpx.ConnectError: refused"))
    assert warnings(caplog) == [f"cannot reach the Bot API for {WARN_AFTER - 1} s ({WARN_AFTER} failed attempts, "
                                "last: NetworkError: httpx.ConnectError: refused); still trying"]
    for _ in range(30):  # another 59 s of failures: no new warning
        clock.now += 59 / 30
        outage.failed(NetworkError("down"))
    assert len(warnings(caplog)) == 1
    clock.now += 1.5
    outage.failed(NetworkError("down"))
    assert len(warnings(caplog)) == 2
    clock.now += 2.5
    outage.recovered()
    assert warnings(caplog)[-1] == "the Bot API is reachable again after 65 s"


def test_a_short_blip_stays_quiet_and_the_count_starts_again(caplog):
    caplog.set_level(logging.DEBUG, logger="bot")
    outage = Outage(Clock())
    outage.failed(NetworkError("blip"))
    outage.recovered()
    outage.failed(NetworkError("blip"))
    assert warnings(caplog) == [] and outage.failures == 1


def test_the_wait_between_attempts_grows_to_a_cap():
    outage = Outage(Clock())
    delays = [outage.failed(NetworkError("down")) for _ in range(20)]
    assert delays[0] == 0.5 and delays == sorted(delays) and delays[-1] == MAX_DELAY
