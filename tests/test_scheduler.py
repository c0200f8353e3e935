"""The per-chat scheduler: order within a chat, no chat waiting for another, the bound on what is held."""

import asyncio
import logging

import pytest

from bot.telegram.limits import GroupBudgets
from bot.telegram.scheduler import Job, Scheduler


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 5))


def recorder(log: list, name: str, gate: asyncio.Event | None = None):
    async def job() -> None:
        log.append(f"start {name}")
        if gate is not None:
            await gate.wait()
        await asyncio.sleep(0)
        log.append(f"end {name}")

    return job


def test_one_chat_runs_its_updates_in_order_one_at_a_time():
    async def scenario():
        log: list[str] = []
        scheduler = Scheduler()
        for i in range(3):
            scheduler.submit(Job(i, "a", recorder(log, str(i))))
        assert await scheduler.drain(1) == frozenset()
        return log

    assert run(scenario()) == ["start 0", "end 0", "start 1", "end 1", "start 2", "end 2"]


def test_a_stuck_chat_does_not_hold_up_another():
    async def scenario():
        log: list[str] = []
        scheduler = Scheduler()
        stuck = asyncio.Event()
        scheduler.submit(Job(1, "slow", recorder(log, "slow", stuck)))
        scheduler.submit(Job(2, "slow", recorder(log, "slow again")))
        scheduler.submit(Job(3, "other", recorder(log, "other")))
        while "end other" not in log:
            await asyncio.sleep(0)
        assert scheduler.unfinished == {1, 2}
        stuck.set()
        await scheduler.drain(1)
        return log

    log = run(scenario())
    assert log.index("end other") < log.index("end slow") < log.index("start slow again")


def test_room_is_the_backlog_left_and_opens_when_an_update_is_handled():
    async def scenario():
        scheduler = Scheduler(backlog=3)
        gate = asyncio.Event()
        for i in range(3):
            scheduler.submit(Job(i, i, recorder([], str(i), gate)))
        assert scheduler.room() == 0
        waiting = asyncio.create_task(scheduler.wait_for_room())
        await asyncio.sleep(0.01)
        assert not waiting.done()
        gate.set()
        assert await waiting > 0
        await scheduler.drain(1)

    run(scenario())


def test_a_full_chat_queue_refuses_more_unless_forced():
    async def scenario():
        scheduler = Scheduler(chat_backlog=2)
        accepted = [scheduler.submit(Job(i, "a", recorder([], str(i)))) for i in range(3)]
        forced = scheduler.submit(Job(9, "a", recorder([], "notice")), force=True)
        await scheduler.drain(1)
        return accepted, forced

    assert run(scenario()) == ([True, True, False], True)


def test_a_group_waiting_for_its_budget_holds_no_backlog_and_is_not_waited_for_at_stop():
    async def scenario():
        scheduler = Scheduler(GroupBudgets(limit=1, period=60), backlog=2)
        log: list[str] = []
        scheduler.submit(Job(1, -5, recorder(log, "first"), spends_group_budget=True))
        scheduler.submit(Job(2, -5, recorder(log, "second"), spends_group_budget=True))
        while "end first" not in log:
            await asyncio.sleep(0)
        await asyncio.sleep(0.01)  # the group's worker is now waiting a minute for its budget
        assert scheduler.room() == 2
        started = asyncio.get_running_loop().time()
        left = await scheduler.drain(5)
        return left, asyncio.get_running_loop().time() - started, log

    left, seconds, log = run(scenario())
    assert left == {2} and seconds < 1 and "start second" not in log


def test_drain_cancels_what_is_left_at_the_deadline_and_returns_it():
    async def scenario():
        scheduler = Scheduler()
        scheduler.submit(Job(1, "a", recorder([], "stuck", asyncio.Event())))
        scheduler.submit(Job(2, "a", recorder([], "behind")))
        scheduler.submit(Job(3, "b", recorder([], "quick")))
        return await scheduler.drain(0.05)

    assert run(scenario()) == {1, 2}


def test_a_second_signal_cuts_the_drain_short():
    async def scenario():
        scheduler = Scheduler()
        scheduler.submit(Job(1, "a", recorder([], "stuck", asyncio.Event())))
        abort = asyncio.Event()
        asyncio.get_running_loop().call_later(0.05, abort.set)
        started = asyncio.get_running_loop().time()
        left = await scheduler.drain(30, abort=abort)
        return left, asyncio.get_running_loop().time() - started

    left, seconds = run(scenario())
    assert left == {1} and seconds < 1


def test_a_failing_job_is_logged_by_update_id_and_counts_as_handled(caplog):
    async def boom() -> None:
        raise RuntimeError("private question text")

    async def scenario():
        scheduler = Scheduler()
        scheduler.submit(Job(7, "a", boom))
        return await scheduler.drain(1)

    with caplog.at_level(logging.ERROR, logger="bot"):
        assert run(scenario()) == frozenset()
    assert caplog.records[0].getMessage() == "update 7: handling failed"


@pytest.mark.parametrize("chats", [1, 50])
def test_everything_submitted_is_handled_exactly_once(chats):
    async def scenario():
        done: list[int] = []
        scheduler = Scheduler()
        for i in range(200):
            async def job(i=i) -> None:
                await asyncio.sleep(0)
                done.append(i)
            scheduler.submit(Job(i, i % chats, job), force=True)
        await scheduler.drain(2)
        return done

    done = run(scenario())
    assert sorted(done) == list(range(200))
