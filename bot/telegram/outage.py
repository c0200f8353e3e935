"""Saying so when the Bot API cannot be reached: a WARNING after the first failures, then at most once a minute.

A single failed request is normal on the internet and stays at DEBUG; an operator needs to hear about
an outage that lasts (a wrong ``TELEGRAM_API_BASE_URL``, a firewall, Telegram down), without a line
per retry. The same tracker gives the backoff between attempts.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

WARN_AFTER = 3  # failures in a row before the first WARNING
WARN_EVERY = 60.0  # seconds between WARNINGs while it lasts
FIRST_DELAY = 0.5  # seconds before the first retry, growing by half each time
MAX_DELAY = 15.0


class Outage:
    """Consecutive failures to reach the Bot API: when to warn and how long to wait before the next try."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.failures = 0
        self.since = 0.0
        self.warned_at: float | None = None

    def failed(self, error: BaseException) -> float:
        """Record a failure; returns the seconds to wait before trying again."""
        now = self.clock()
        if self.failures == 0:
            self.since = now
        self.failures += 1
        reason = f"{type(error).__name__}: {error}"
        if self.failures >= WARN_AFTER and (self.warned_at is None or now - self.warned_at >= WARN_EVERY):
            self.warned_at = now
            log.warning("cannot reach the Bot API for %.0f s (%d failed attempts, last: %s); still trying",
                        now - self.since, self.failures, reason)
        else:
            log.debug("Bot API request failed (%s); retrying", reason)
        return min(MAX_DELAY, FIRST_DELAY * 1.5 ** (self.failures - 1))

    def recovered(self) -> None:
        """A request went through: say so if an outage was reported, and start counting afresh."""
        if self.warned_at is not None:
            log.warning("the Bot API is reachable again after %.0f s", self.clock() - self.since)
        self.failures, self.warned_at = 0, None
