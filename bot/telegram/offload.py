"""Engine calls off the event loop: a question that takes 20 ms to answer must not stop every other chat.

The engine is pure Python, so threads add no parallelism under the GIL; what they buy is that the
loop keeps receiving, scheduling and sending while a question is answered (the interpreter switches
threads every few milliseconds). Two threads measured best on our 2-core machine: one more question
in progress while the loop runs, without the switching overhead of more (README, Reliability).
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
