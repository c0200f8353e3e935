"""Follow-ups in Telegram: which exchange a message is read against, and where that context is kept.

A private chat is one conversation. In a group, a conversation is a reply thread: a message that
replies to one of the bot's answers is read against the exchange that answer closed, and the
bot's reply starts the next link of that thread; ``/ask`` and mentions start afresh. Each
exchange (``bot.conversation.Turn``) is kept for ``CONTEXT_SECONDS`` in the question store under
a salted hash of the chat and thread (never a chat or user id; ``bot.store.context_key``), so
replicas sharing a store share conversations; without a store, in this process's memory. Store
calls run on the store's worker thread, never on the event loop.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from telegram import Message
from telegram.constants import ChatType

from bot.conversation import CONTEXT_SECONDS, Turn
from bot.store import context_key
from bot.telegram.context import Context

log = logging.getLogger("bot")



@dataclass(frozen=True)
class Thread:
    """Where a message stands: the context it reads (``reads``, None for none) in ``chat_id``."""

    chat_id: int
    private: bool
    reads: int | str | None

    def key_after(self, sent: Message | None) -> int | str | None:
        """The thread the bot's reply continues: the private chat, or (in a group) that reply itself."""
        if self.private:
            return ""
        return sent.message_id if sent is not None else None


def thread_of(message: Message, bot_id: int) -> Thread:
    """A private chat reads its one conversation; a group message only the exchange it replies to."""
    if message.chat.type == ChatType.PRIVATE:
        return Thread(message.chat.id, True, "")
    replied = message.reply_to_message
    to_bot = replied is not None and replied.from_user is not None and replied.from_user.id == bot_id
    return Thread(message.chat.id, False, replied.message_id if to_bot else None)


async def load(context: Context, thread: Thread) -> Turn | None:
    """The exchange ``thread`` reads, if it is recent; a store that fails means no context, not no answer."""
    if thread.reads is None:
        return None
    data = context.bot_data
    key = context_key(data.salt, thread.chat_id, thread.reads)
    try:
        if data.store is None:
            text = data.contexts.load_context(key, time.time())
        else:
            text = await data.store.call(data.store.store.load_context, key, time.time())
    except Exception as exc:  # whatever the store's failure, the question is answered without context
        log.warning("cannot read a conversation's context: %s: %s", type(exc).__name__, exc)
        return None
    return Turn.from_json(text)


def save(context: Context, thread: Thread, sent: Message | None, turn: Turn) -> None:
    """Keep ``turn`` as the context of the next message of the thread (written off the loop)."""
    key_after = thread.key_after(sent)
    if key_after is None:
        return
    data = context.bot_data
    key = context_key(data.salt, thread.chat_id, key_after)
    expires = time.time() + CONTEXT_SECONDS
    if data.store is None:
        data.contexts.save_context(key, turn.to_json(), expires)
    else:
        data.store.submit(data.store.store.save_context, key, turn.to_json(), expires)
