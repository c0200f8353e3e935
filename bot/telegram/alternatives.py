"""The "Not what you meant?" button: the next best passages for a question, when the answer missed.

Under a passage answer it shows the next two best passages with distinct sources; under a FAQ
answer, the article passage closest to the question. Each comes as an answer does: the whole
source sentence, its answering part in bold, the article. The button's callback data is ``m``
and the question's id (17 bytes of the 64 allowed); what a press needs (the question as
understood, the sources already shown) is kept in the store for a day under a salted hash of
that id, so a press works after a restart or on another replica. A press counts in the store as
that user's 👎 on the answer (one vote per user per answer: a later 👍 replaces it). Every press
gets an answer, even one whose question is gone.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time

from telegram import CallbackQuery, InlineKeyboardButton, Update
from telegram.error import BadRequest

from bot.answer import Answer, Kind, alternatives
from bot.formatting import format_alternatives
from bot.i18n import Msg, Texts
from bot.store import voter_key
from bot.telegram import feedback
from bot.telegram.context import Context
from bot.telegram.language import texts_of

log = logging.getLogger("bot")

MORE_PATTERN = r"^m[0-9a-f]{16}$"
REQUEST_SECONDS = 86_400.0  # how long "Not what you meant?" works under an answer
SHOWN = 2  # passages shown under a passage answer (one under a FAQ answer)


def request_key(salt: bytes, question_id: str) -> str:
    """The salted hash a press's request is kept under (like a conversation's context)."""
    return hmac.new(salt, f"more:{question_id}".encode(), hashlib.sha256).hexdigest()


def button(question_id: str, tr: Texts) -> InlineKeyboardButton:
    return InlineKeyboardButton(tr(Msg.MORE_BUTTON), callback_data=f"m{question_id}")


def remember(context: Context, question_id: str, understood: str, result: Answer) -> None:
    """Keep what a press on this answer's button needs (written off the loop)."""
    data = context.bot_data
    request = json.dumps({"q": understood, "s": [result.source or ""], "f": result.kind == Kind.FAQ},
                         ensure_ascii=False)
    key, expires = request_key(data.salt, question_id), time.time() + REQUEST_SECONDS
    if data.store is None:
        data.contexts.save_context(key, request, expires)
    else:
        data.store.submit(data.store.store.save_context, key, request, expires)


async def _request(context: Context, question_id: str) -> dict | None:
    data = context.bot_data
    key = request_key(data.salt, question_id)
    try:
        if data.store is None:
            text = data.contexts.load_context(key, time.time())
        else:
            text = await data.store.call(data.store.store.load_context, key, time.time())
        return json.loads(text) if text else None
    except Exception as exc:  # a store that fails: the press is still answered
        log.warning("cannot read a 'not what you meant' request: %s: %s", type(exc).__name__, exc)
        return None


async def more(update: Update, context: Context) -> None:
    """A press on "Not what you meant?": answer it, then send the other passages (and record the press)."""
    query = update.callback_query
    tr = texts_of(query.from_user)
    question_id = (query.data or "")[1:]
    request = await _request(context, question_id)
    if request is None or query.message is None:
        await query.answer(tr(Msg.MORE_GONE))
        return
    kb = context.bot_data.kb
    limit = 1 if request.get("f") else SHOWN
    try:
        found = await context.bot_data.offload(alternatives, kb, request["q"], request.get("s", []), limit)
    except Exception:  # the press still gets its answer; on_error-like logging, with the traceback
        log.exception("cannot find other passages for a 'not what you meant' press")
        await query.answer(tr(Msg.MORE_NONE))
        return
    if not found:
        await query.answer(tr(Msg.MORE_NONE))
    else:
        await query.answer()
        header = tr(Msg.MORE_CLOSEST) if request.get("f") else tr(Msg.MORE_HEADER)
        await query.message.reply_text(format_alternatives(found, header, tr), do_quote=True)
    await _record(context, query, question_id)
    await _drop_button(query, question_id)


async def _record(context: Context, query: CallbackQuery, question_id: str) -> None:
    """The press as the user's 👎 on the answer it was under."""
    data = context.bot_data
    if data.store is None or query.from_user is None:
        return
    try:
        if await data.store.call(data.store.store.vote, question_id, voter_key(data.salt, query.from_user.id,
                                                                               question_id), -1):
            data.counters["more_pressed"] += 1
    except Exception as exc:  # the user has their passages; the record is what failed
        log.warning("cannot record a 'not what you meant' press: %s: %s", type(exc).__name__, exc)


async def _drop_button(query: CallbackQuery, question_id: str) -> None:
    """The button has done its work: keep only the vote buttons under the answer."""
    try:
        await query.edit_message_reply_markup(feedback.keyboard_without_more(query.message))
    except BadRequest as exc:  # the message is too old to edit, or unchanged
        log.debug("'not what you meant' button left in place: %s", exc)
