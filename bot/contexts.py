"""Conversation contexts in this process's memory, for when there is no question store (BOT_DATA_DIR=off).

The same two methods as the store's (``save_context``, ``load_context``), so the Telegram layer and
the console chat keep a conversation the same way with or without a store.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

MEMORY_LIMIT = 10_000  # conversations kept; beyond, the least recently saved go first


class MemoryContexts:
    """Each conversation's last exchange (JSON text) until it expires; thread-safe, bounded."""

    def __init__(self, limit: int = MEMORY_LIMIT) -> None:
        self.limit = limit
        self._items: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self._lock = threading.Lock()

    def save_context(self, key: str, turn: str, expires_at: float) -> None:
        with self._lock:
            self._items[key] = (turn, expires_at)
            self._items.move_to_end(key)
            while len(self._items) > self.limit:
                self._items.popitem(last=False)

    def load_context(self, key: str, now: float) -> str | None:
        with self._lock:
            found = self._items.get(key)
        return found[0] if found is not None and found[1] > now else None
