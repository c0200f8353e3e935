"""Getting questions and votes to the store without ever making the event loop wait on the disk.

``BackgroundStore`` runs every store call on one worker thread, in the order submitted, so a vote
is written after the question it rates. ``InlineSettler`` records an inline question only once
its user has stopped typing, since Telegram sends a new inline query at almost every keystroke.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from bot.store import Store

log = logging.getLogger("bot")

MAX_PENDING = 10_000  # writes waiting for the disk; beyond this, new ones are dropped and counted
INLINE_SETTLE = 1.5  # seconds without a new inline query from a user before their last one is recorded


class BackgroundStore:
    """The store behind one worker thread: ``submit`` writes without waiting, ``call`` awaits a result."""

    def __init__(self, store: Store, counters: Counter, max_pending: int = MAX_PENDING) -> None:
        self.store = store
        self.counters = counters
        self.max_pending = max_pending
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        self._pending = 0
        self._lock = threading.Lock()

    def submit(self, method: Callable[..., Any], *args: Any) -> None:
        """Run ``method(*args)`` on the worker; a reply never waits for it, and a flood cannot queue without bound."""
        with self._lock:
            if self._pending >= self.max_pending:
                self.counters["store_dropped"] += 1
                return
            self._pending += 1
        self._executor.submit(method, *args).add_done_callback(self._done)

    def _done(self, future: Future) -> None:
        with self._lock:
            self._pending -= 1
        error = future.exception()
        if error is not None:  # a full disk must not stop the answers
            self.counters["store_errors"] += 1
            log.warning("cannot write to the question store: %s: %s", type(error).__name__, error)

    async def call(self, method: Callable[..., Any], *args: Any) -> Any:
        """Run ``method(*args)`` on the worker, after every write submitted before, and return its result."""
        return await asyncio.wrap_future(self._executor.submit(method, *args))

    def close(self) -> None:
        """Finish the writes that wait, then close the store (blocks: call it off the loop)."""
        self._executor.shutdown(wait=True)
        self.store.close()


class InlineSettler:
    """Calls a user's last ``record`` once they have sent no inline query for ``delay`` seconds.

    User ids stay in memory for those seconds only, to tell one user's typing from another's.
    """

    def __init__(self, delay: float = INLINE_SETTLE) -> None:
        self.delay = delay
        self._pending: dict[int, tuple[asyncio.TimerHandle, Callable[[], None]]] = {}

    def later(self, user_id: int, record: Callable[[], None]) -> None:
        """Replace the user's pending record with this one, due ``delay`` seconds from now."""
        previous = self._pending.pop(user_id, None)
        if previous is not None:
            previous[0].cancel()
        handle = asyncio.get_running_loop().call_later(self.delay, self._fire, user_id)
        self._pending[user_id] = (handle, record)

    def _fire(self, user_id: int) -> None:
        _, record = self._pending.pop(user_id)
        try:
            record()
        except Exception:  # a failed record must not end the loop's timer callbacks
            log.exception("cannot record an inline question")

    def flush(self) -> None:
        """Record everything pending now (at shutdown)."""
        pending, self._pending = self._pending, {}
        for handle, record in pending.values():
            handle.cancel()
            record()
