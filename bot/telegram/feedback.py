"""Recording each question asked in Telegram, and the 👍/👎 buttons under each answer.

A question's record is handed to the store's worker thread and its random id goes into the
buttons' callback data (``v+`` or ``v-`` and 16 hex digits: 18 bytes of the 64 allowed). A vote is
kept under a salted hash of the user and the answer: one per user per answer, changeable, and no
user id is ever written. Every button press gets an answer, even one the bot does not know.
"""

from __future__ import annotations

import logging
import re

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest

from bot.answer import Answer, answer
from bot.i18n import Msg
from bot.store import Asked, Surface, voter_key
from bot.telegram.context import Context
from bot.telegram.language import texts_of

log = logging.getLogger("bot")

VOTE_PATTERN = r"^v[+-][0-9a-f]{16}$"
_VOTE = re.compile(VOTE_PATTERN)
UP, DOWN = "\U0001f44d", "\U0001f44e"


def surface_of(chat_type: str) -> Surface:
    """The store's name for where a message was asked."""
    return Surface.PRIVATE if chat_type == ChatType.PRIVATE else Surface.GROUP


def record(context: Context, surface: Surface, result: Answer, latency_ms: float) -> str | None:
    """Hand the question to the store (off the loop); returns its id for the vote buttons, None without a store."""
    data = context.bot_data
    data.counters["questions"] += 1
    if data.store is None or not result.question:
        return None
    asked = Asked.of(result, surface, latency_ms)
    data.store.submit(data.store.store.record, asked)
    return asked.id


def record_inline(context: Context, user_id: int, question: str, found: list[Answer], latency_ms: float) -> None:
    """Record an inline question once the user has stopped typing it (their earlier keystrokes are dropped)."""
    data = context.bot_data
    kb = data.kb

    def settled() -> None:
        if found:
            record(context, Surface.INLINE, found[0], latency_ms)
        elif data.store is not None:  # why there is none is worked out on the store's thread, not the loop
            data.counters["questions"] += 1
            data.store.submit(lambda: data.store.store.record(Asked.of(answer(kb, question), Surface.INLINE,
                                                                       latency_ms)))

    context.bot_data.inline.later(user_id, settled)


def vote_keyboard(question_id: str | None, chosen: int = 0,
                  more: InlineKeyboardButton | None = None) -> InlineKeyboardMarkup | None:
    """👍 and 👎 for one answer (``chosen``, +1/-1, ticked), and "Not what you meant?" below them."""
    rows = []
    if question_id is not None:
        rows.append([InlineKeyboardButton(label + (" \u2713" if chosen == value else ""),
                                          callback_data=f"v{sign}{question_id}")
                     for label, sign, value in ((UP, "+", 1), (DOWN, "-", -1))])
    if more is not None:
        rows.append([more])
    return InlineKeyboardMarkup(rows) if rows else None


def _more_button(message: Message | None) -> InlineKeyboardButton | None:
    """The "Not what you meant?" button still under ``message``, if any."""
    markup = message.reply_markup if message is not None else None
    for row in markup.inline_keyboard if markup is not None else ():
        for b in row:
            if isinstance(b.callback_data, str) and b.callback_data.startswith("m"):
                return b
    return None


def keyboard_without_more(message: Message | None) -> InlineKeyboardMarkup | None:
    """The answer's buttons once "Not what you meant?" has been used: the votes only."""
    markup = message.reply_markup if message is not None else None
    rows = [[b for b in row if not (isinstance(b.callback_data, str) and b.callback_data.startswith("m"))]
            for row in (markup.inline_keyboard if markup is not None else ())]
    rows = [row for row in rows if row]
    return InlineKeyboardMarkup(rows) if rows else None


async def vote(update: Update, context: Context) -> None:
    """A 👍/👎 press: keep the user's vote on that answer (replacing an earlier one), then thank them."""
    query = update.callback_query
    data = context.bot_data
    tr = texts_of(query.from_user)
    if data.store is None or query.from_user is None or not _VOTE.match(query.data or ""):
        await query.answer()
        return
    value, question_id = (1 if query.data[1] == "+" else -1), query.data[2:]
    voter = voter_key(data.salt, query.from_user.id, question_id)
    try:
        kept = await data.store.call(data.store.store.vote, question_id, voter, value)
    except Exception as exc:  # the store failed: the user still gets an answer to the press
        log.warning("cannot record a vote: %s: %s", type(exc).__name__, exc)
        await query.answer(tr(Msg.VOTE_NOT_SAVED))
        return
    await query.answer(tr(Msg.VOTE_THANKS) if kept else tr(Msg.VOTE_TOO_OLD))
    if kept:
        data.counters["votes"] += 1
        await _tick(query, question_id, value)


async def _tick(query: CallbackQuery, question_id: str, value: int) -> None:
    """In a private chat, tick the chosen button (in a group, others would see one user's choice)."""
    message = query.message
    if message is None or message.chat.type != ChatType.PRIVATE:
        return
    try:
        await query.edit_message_reply_markup(vote_keyboard(question_id, value, _more_button(message)))
    except BadRequest as exc:  # "message is not modified": the same vote pressed again
        log.debug("vote buttons unchanged: %s", exc)
