"""Engine calls off the event loop: a question that takes 20 ms to answer must not stop every other chat.

The engine is pure Python, so threads add no parallelism under the GIL: what they buy is that the
loop keeps receiving, scheduling and sending while questions are answered (the interpreter hands
the GIL over every 5 ms), and that short questions are not queued behind long ones. Measured with
``python tests/measure_engine_threads.py`` (800 questions in 0.4 s, a quarter of them 4,000
characters with typos; noisy, three runs each): on the loop, it wakes up 17-32 ms late at the 99th
percentile; with 1 or 2 threads mostly 8-10 ms (outliers to 45 ms), with 4 threads 12-45 ms, as
more threads take more turns at the GIL. Short questions in that overload wait 70-290 ms behind
long ones with 1 thread, 10-180 ms with 2, 9-60 ms with 4. Two threads are the middle: the loop
stays responsive, and one long question never holds up a short one on its own.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

ENGINE_THREADS = 2


class Offload:
    """A small thread pool that runs engine calls for the handlers."""

    def __init__(self, threads: int = ENGINE_THREADS) -> None:
        self.threads = threads
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="engine")  # threads start on first use

    async def __call__(self, fn: Callable[..., T], *args, **kwargs) -> T:
        """``fn(*args, **kwargs)`` in the pool, awaited."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, functools.partial(fn, *args, **kwargs))

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
