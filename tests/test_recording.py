"""Store writes never run on the event loop; a flood cannot queue them without bound; inline typing is settled."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter

from bot.sqlite_store import SqliteStore
from bot.store import Asked
from bot.telegram.recording import BackgroundStore, InlineSettler


class SlowStore:
    """Records which thread each call ran on; ``gate`` holds the worker until the test opens it."""

    def __init__(self) -> None:
        self.threads: list[str] = []
        self.calls: list[str] = []
        self.gate = threading.Event()

    def record(self, name: str) -> None:
        self.gate.wait(5)
        self.threads.append(threading.current_thread().name)
        self.calls.append(name)

    def fail(self) -> None:
        raise OSError("disk full")

    def count(self) -> int:
        return len(self.calls)

    def close(self) -> None:
        self.calls.append("closed")


def test_writes_run_on_the_worker_in_order_and_never_on_the_loop():
    store, counters = SlowStore(), Counter()

    async def scenario() -> int:
        background = BackgroundStore(store, counters)
        for name in ("first", "second"):
            background.submit(store.record, name)  # returns at once, though the worker is held
        assert store.calls == []
        store.gate.set()
        count = await background.call(store.count)  # runs after the writes submitted before it
        await asyncio.to_thread(background.close)
        return count

    assert asyncio.run(scenario()) == 2
    assert store.calls == ["first", "second", "closed"]
    assert all(name.startswith("store") for name in store.threads)


def test_a_flood_is_dropped_and_counted_and_failures_are_counted():
    store, counters = SlowStore(), Counter()
    background = BackgroundStore(store, counters, max_pending=3)
    for n in range(10):
        background.submit(store.record, str(n))
    background.submit(store.fail)
    store.gate.set()
    background.close()
    assert store.calls == ["0", "1", "2", "closed"]
    assert counters["store_dropped"] == 8


def test_a_failed_write_is_counted_not_raised():
    store, counters = SlowStore(), Counter()
    background = BackgroundStore(store, counters)
    background.submit(store.fail)
    background.close()
    assert counters["store_errors"] == 1


def test_a_real_store_through_the_worker(tmp_path):
    counters = Counter()
    store = SqliteStore(tmp_path / "q.sqlite3")

    async def scenario():
        background = BackgroundStore(store, counters)
        background.submit(store.record, Asked("q", "private", "none", 0.1, 1.0, "not confident"))
        totals = await background.call(store.totals, 0.0)
        await asyncio.to_thread(background.close)
        return totals

    assert asyncio.run(scenario()).questions == 1


def test_only_the_last_inline_query_of_a_user_is_recorded():
    recorded: list[str] = []

    async def scenario() -> None:
        settler = InlineSettler(delay=0.05)
        for prefix in ("W", "Wh", "Who is", "Who is Tokayev?"):
            settler.later(1, lambda p=prefix: recorded.append(p))
        settler.later(2, lambda: recorded.append("other user"))
        await asyncio.sleep(0.2)
        settler.later(1, lambda: recorded.append("pending at shutdown"))
        settler.flush()

    asyncio.run(scenario())
    assert recorded == ["Who is Tokayev?", "other user", "pending at shutdown"]
