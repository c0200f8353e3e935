"""What the handlers share: the knowledge base holder, the question store, the settings, the engine's
thread pool and this process's counters.

python-telegram-bot creates ``bot_data`` itself (``ContextTypes(bot_data=BotData)``), so every
field has a default; ``build_application`` fills them in before the first update arrives.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.contexts import MemoryContexts
from bot.holder import KnowledgeBaseHolder
from bot.knowledge import KnowledgeBase
from bot.settings import Settings
from bot.telegram.offload import Offload
from bot.telegram.recording import BackgroundStore, InlineSettler


@dataclass
class BotData:
    """Shared state of one running bot; ``holder`` is the one atomically swapped knowledge base.

    ``store`` is None when questions are not recorded (BOT_DATA_DIR=off); ``salt`` keys the vote
    hashes; ``counters`` are this process's own figures (questions, votes, reloads, drops), shown by /stats.
    """

    holder: KnowledgeBaseHolder | None = None
    settings: Settings = field(default_factory=Settings)
    watcher: asyncio.Task | None = None
    store: BackgroundStore | None = None
    salt: bytes = field(default=b"", repr=False)
    counters: Counter[str] = field(default_factory=Counter)  # questions, votes, flood_dropped, send_retried, …
    inline: InlineSettler = field(default_factory=InlineSettler)
    offload: Offload = field(default_factory=Offload)  # engine calls run here, off the event loop
    contexts: MemoryContexts = field(default_factory=MemoryContexts)  # conversations when there is no store

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base in service now (read it once per update)."""
        assert self.holder is not None, "build_application sets the holder"
        return self.holder.current


Context = CallbackContext[ExtBot, dict, dict, BotData]
CONTEXT_TYPES = ContextTypes(bot_data=BotData)
BotApp = Application[ExtBot, Context, dict, dict, BotData, None]
