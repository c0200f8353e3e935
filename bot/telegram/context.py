"""What the handlers share: the knowledge base holder, the unanswered log, the settings, the engine's
thread pool and the reliability counters.

python-telegram-bot creates ``bot_data`` itself (``ContextTypes(bot_data=BotData)``), so every
field has a default; ``build_application`` fills them in before the first update arrives.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.knowledge import KnowledgeBase, KnowledgeBaseHolder
from bot.settings import Settings
from bot.telegram.offload import Offload
from bot.unanswered import UnansweredLog


@dataclass
class BotData:
    """Shared state of one running bot; ``holder`` is the one atomically swapped knowledge base."""

    holder: KnowledgeBaseHolder | None = None
    unanswered: UnansweredLog = field(default_factory=lambda: UnansweredLog(None))
    settings: Settings = field(default_factory=Settings)
    watcher: asyncio.Task | None = None
    offload: Offload = field(default_factory=Offload)  # engine calls run here, off the event loop
    counters: Counter[str] = field(default_factory=Counter)  # flood_dropped, backlog_dropped, send_retried, …

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base in service now (read it once per update)."""
        assert self.holder is not None, "build_application sets the holder"
        return self.holder.current


Context = CallbackContext[ExtBot, dict, dict, BotData]
CONTEXT_TYPES = ContextTypes(bot_data=BotData)
BotApp = Application[ExtBot, Context, dict, dict, BotData, None]
