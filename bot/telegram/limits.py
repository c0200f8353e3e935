"""Rate limits on our side of the Bot API: how often one user may ask, and how often one group may be answered.

Both are sliding windows: pure bookkeeping with an injectable clock, so the scheduler can decide without waiting and
tests can move time by hand. Users and groups are identified by their Telegram ids in memory only;
entries that have gone quiet are swept, and nothing here is logged or stored.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from enum import Enum

USER_MESSAGES = 20  # questions one user may ask per USER_PERIOD before the excess is dropped
USER_PERIOD = 60.0
GROUP_MESSAGES = 20  # Telegram's limit: 20 messages a minute in one group
GROUP_PERIOD = 61.0  # a second of margin: a send is booked before its answer is computed and sent
SWEEP_EVERY = 60.0  # seconds between sweeps of users or groups that have gone quiet

Clock = Callable[[], float]


class Verdict(Enum):
    """What to do with one more question from a user."""

    ALLOW = "allow"
    NOTIFY = "notify"  # over the limit for the first time in this flood: drop it, and say "slow down" once
    DROP = "drop"  # over the limit again: drop it silently


@dataclass
class _Window:
    times: deque[float] = field(default_factory=deque)
    notified: bool = False


class FloodControl:
    """A sliding window per user: at most ``limit`` accepted questions in any ``period`` seconds."""

    def __init__(self, limit: int = USER_MESSAGES, period: float = USER_PERIOD, clock: Clock = time.monotonic) -> None:
        self.limit, self.period, self.clock = limit, period, clock
        self._windows: dict[Hashable, _Window] = {}
        self._swept = clock()

    def check(self, user: Hashable) -> Verdict:
        """Count one question from ``user`` if the window has room; dropped questions are not counted."""
        now = self.clock()
        self._sweep(now)
        window = self._windows.setdefault(user, _Window())
        while window.times and window.times[0] <= now - self.period:
            window.times.popleft()
        if len(window.times) < self.limit:
            window.times.append(now)
            window.notified = False
            return Verdict.ALLOW
        if window.notified:
            return Verdict.DROP
        window.notified = True
        return Verdict.NOTIFY

    def __len__(self) -> int:
        return len(self._windows)

    def _sweep(self, now: float) -> None:
        if now - self._swept < SWEEP_EVERY:
            return
        self._swept = now
        quiet = [user for user, w in self._windows.items() if not w.times or w.times[-1] <= now - self.period]
        for user in quiet:
            del self._windows[user]


class GroupBudgets:
    """Telegram's limit per group: at most ``limit`` messages in any ``period`` seconds (a sliding window).

    ``reserve`` books the group's next send and says how long to wait for it, so a group over its
    limit waits on its own instead of holding capacity other chats need.
    """

    def __init__(self, limit: int = GROUP_MESSAGES, period: float = GROUP_PERIOD,
                 clock: Clock = time.monotonic) -> None:
        self.limit, self.period, self.clock = limit, period, clock
        self._sends: dict[Hashable, deque[float]] = {}
        self._swept = clock()

    def reserve(self, group: Hashable) -> float:
        """Seconds to wait before the booked send may go (0 while the group has sent fewer than ``limit``)."""
        now = self.clock()
        self._sweep(now)
        sends = self._sends.setdefault(group, deque())
        while sends and sends[0] <= now - self.period:
            sends.popleft()
        at = now if len(sends) < self.limit else sends[-self.limit] + self.period
        sends.append(at)
        return at - now

    def __len__(self) -> int:
        return len(self._sends)

    def _sweep(self, now: float) -> None:
        if now - self._swept < SWEEP_EVERY:
            return
        self._swept = now
        for group in [g for g, sends in self._sends.items() if not sends or sends[-1] <= now - self.period]:
            del self._sends[group]
