"""Per-chat scheduling: each chat's updates in order, one at a time, and no chat ever waits for another.

Every chat with work has its own worker task, so a chat with a backlog (a flood, a group waiting for
its 20-a-minute budget, a reply being retried) holds up only itself; the shared resources behind it
(the engine's thread pool, Telegram's 30 messages/s) serve chats in arrival order. There is no pool
of "slots" to exhaust: what is bounded is how many updates are held in memory, which is what the
poller asks (``room``) before it takes more from Telegram.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass

from bot.telegram.limits import GroupBudgets

log = logging.getLogger(__name__)

BACKLOG = 100  # updates held and not handled yet, groups waiting for budget aside: ~3.5 s of sends at 30/s
CHAT_BACKLOG = 40  # updates one chat may have waiting (two minutes of a group's budget); more are refused
HARD_LIMIT = 1_000  # everything held, groups waiting for budget included


@dataclass(frozen=True)
class Job:
    """One update to handle (or a notice standing for one), in the queue of its chat."""

    update_id: int
    chat: Hashable
    run: Callable[[], Awaitable[None]]
    spends_group_budget: bool = False


class Scheduler:
    """Per-chat queues with a worker each; tracks which updates are not handled yet."""

    def __init__(self, budgets: GroupBudgets | None = None, backlog: int = BACKLOG,
                 chat_backlog: int = CHAT_BACKLOG, hard_limit: int = HARD_LIMIT) -> None:
        self.budgets = budgets if budgets is not None else GroupBudgets()
        self.backlog, self.chat_backlog, self.hard_limit = backlog, chat_backlog, hard_limit
        self._queues: dict[Hashable, deque[Job]] = {}
        self._workers: dict[Hashable, asyncio.Task] = {}
        self._waiting_for_budget: dict[Hashable, float] = {}  # chat -> loop time its budget allows a send
        self._unfinished: set[int] = set()
        self._changed = asyncio.Event()

    @property
    def unfinished(self) -> frozenset[int]:
        """Ids of the updates taken and not handled yet."""
        return frozenset(self._unfinished)

    def submit(self, job: Job, force: bool = False) -> bool:
        """Queue ``job`` behind its chat's earlier ones; False when that chat's queue is full (unless ``force``)."""
        queue = self._queues.setdefault(job.chat, deque())
        if len(queue) >= self.chat_backlog and not force:
            return False
        queue.append(job)
        self._unfinished.add(job.update_id)
        if job.chat not in self._workers:
            self._workers[job.chat] = asyncio.create_task(self._serve(job.chat), name="chat-worker")
        return True

    def room(self) -> int:
        """How many more updates may be taken from Telegram now."""
        waiting = sum(len(self._queues[chat]) + 1 for chat in self._waiting_for_budget)
        active = len(self._unfinished) - waiting
        return max(0, min(self.backlog - active, self.hard_limit - len(self._unfinished)))

    async def wait_for_room(self) -> int:
        """Wait until updates may be taken; returns how many."""
        while (room := self.room()) == 0:
            self._changed.clear()
            await self._changed.wait()
        return room

    async def drain(self, timeout: float, abort: asyncio.Event | None = None) -> frozenset[int]:
        """Let the workers finish for up to ``timeout`` seconds, then cancel them; returns what is left.

        Groups whose budget allows no send before the deadline are not waited for.
        """
        deadline = asyncio.get_running_loop().time() + timeout
        while self._unfinished and not (abort and abort.is_set()) and not self._only_late_groups_left(deadline):
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                break
            self._changed.clear()
            await _first_of([self._changed] + ([abort] if abort else []), left)
        workers = list(self._workers.values())
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        return self.unfinished

    def _only_late_groups_left(self, deadline: float) -> bool:
        waiting = sum(len(self._queues[chat]) + 1 for chat in self._waiting_for_budget)
        return waiting == len(self._unfinished) and min(self._waiting_for_budget.values()) > deadline

    async def _serve(self, chat: Hashable) -> None:
        queue = self._queues[chat]
        try:
            while queue:
                job = queue.popleft()
                await self._run(job)
                self._unfinished.discard(job.update_id)
                self._changed.set()
        finally:  # no await between the empty check above and here: a new job always finds a live worker
            del self._queues[chat], self._workers[chat]
            self._changed.set()

    async def _run(self, job: Job) -> None:
        if job.spends_group_budget:
            await self._wait_for_budget(job.chat)
        try:
            await job.run()
        except Exception:  # process_update handles handler errors; this is a bug in ours, logged without content
            log.exception("update %s: handling failed", job.update_id)

    async def _wait_for_budget(self, chat: Hashable) -> None:
        delay = self.budgets.reserve(chat)
        if delay <= 0:
            return
        self._waiting_for_budget[chat] = asyncio.get_running_loop().time() + delay  # off the backlog meanwhile
        self._changed.set()
        try:
            await asyncio.sleep(delay)
        finally:
            del self._waiting_for_budget[chat]
            self._changed.set()


async def _first_of(events: list[asyncio.Event], timeout: float) -> None:
    """Wait until one of ``events`` is set or ``timeout`` passes."""
    waiters = [asyncio.create_task(e.wait()) for e in events]
    try:
        await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(*waiters, return_exceptions=True)
