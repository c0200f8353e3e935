"""Flood control per user and the per-group budget: sliding windows on a clock the tests move by hand."""

import random

import pytest

from bot.telegram.limits import SWEEP_EVERY, FloodControl, GroupBudgets, Verdict


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def test_a_user_gets_twenty_a_minute_then_one_notice_then_silence(clock):
    flood = FloodControl(limit=20, period=60, clock=clock)
    verdicts = [flood.check("alice") for _ in range(25)]
    assert verdicts[:20] == [Verdict.ALLOW] * 20
    assert verdicts[20:] == [Verdict.NOTIFY] + [Verdict.DROP] * 4
    assert flood.check("bob") is Verdict.ALLOW  # users are counted apart


def test_the_window_slides_and_a_new_flood_gets_a_new_notice(clock):
    flood = FloodControl(limit=2, period=60, clock=clock)
    assert [flood.check(1) for _ in range(3)] == [Verdict.ALLOW, Verdict.ALLOW, Verdict.NOTIFY]
    clock.now += 30
    assert flood.check(1) is Verdict.DROP
    clock.now += 31  # the first two are more than a minute old now
    assert [flood.check(1) for _ in range(3)] == [Verdict.ALLOW, Verdict.ALLOW, Verdict.NOTIFY]


def test_quiet_users_are_forgotten(clock):
    flood = FloodControl(limit=2, period=60, clock=clock)
    for user in range(100):
        flood.check(user)
    clock.now += max(60, SWEEP_EVERY) + 1
    flood.check("someone new")
    assert len(flood) == 1


def test_a_group_sends_twenty_at_once_then_waits_for_the_window(clock):
    budgets = GroupBudgets(limit=20, period=60, clock=clock)
    assert [budgets.reserve(-1) for _ in range(20)] == [0.0] * 20
    assert budgets.reserve(-1) == pytest.approx(60)
    assert budgets.reserve(-2) == 0.0  # another group has its own budget
    clock.now += 10
    assert budgets.reserve(-1) == pytest.approx(50)  # the second of the first twenty leaves the window at 60


def test_no_window_of_a_period_ever_holds_more_than_the_limit(clock):
    budgets = GroupBudgets(limit=5, period=10, clock=clock)
    rng = random.Random(3)
    sends = []
    for _ in range(200):
        clock.now += rng.expovariate(2.0)
        sends.append(clock.now + budgets.reserve("g"))
    assert sends == sorted(sends)
    assert max(sum(s <= t < s + 10 for t in sends) for s in sends) == 5


def test_groups_that_went_quiet_are_forgotten(clock):
    budgets = GroupBudgets(limit=2, period=60, clock=clock)
    for group in range(50):
        budgets.reserve(group)
    clock.now += max(60, SWEEP_EVERY) + 1
    budgets.reserve("new")
    assert len(budgets) == 1
