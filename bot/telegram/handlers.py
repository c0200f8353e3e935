"""Update handlers: each turns one kind of update into an engine call and the answer into a reply.

Every handler is ``async def name(update, context) -> None`` with a docstring saying when it runs;
user text is escaped by ``bot.formatting`` before it goes into an HTML message. Engine calls that
search (``answer``, ``answers``, ``suggestions``) run in ``bot_data.offload``, off the event loop.
"""

from __future__ import annotations

import logging
import re
import time
from uuid import uuid4

from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import Forbidden

from bot.answer import Answer, Kind, Reason, answer, answer_entry, answers, suggestions
from bot.formatting import MAX_MESSAGE, esc, format_answer, format_help, format_not_found, preview, visible_length
from bot.telegram import feedback
from bot.telegram.context import Context

log = logging.getLogger("bot")

COMMANDS = [
    BotCommand("ask", "Ask a question (in groups: /ask your question)"),
    BotCommand("faq", "Most asked questions"),
    BotCommand("help", "What I know and how to ask"),
]


# --- helpers -------------------------------------------------------------------------------------------


def _keyboard(items: list[tuple[str, str]]) -> InlineKeyboardMarkup | None:
    buttons = [[InlineKeyboardButton(q[:64], callback_data=f"faq:{eid}")] for eid, q in items
               if len(f"faq:{eid}".encode()) <= 64]
    return InlineKeyboardMarkup(buttons) if buttons else None


async def _reply(message: Message, context: Context, question: str) -> None:
    """Answer ``question`` in reply to ``message``: the answer with its source, or an honest none."""
    data = context.bot_data
    kb = data.kb
    started = time.perf_counter()
    result = await data.offload(answer, kb, question)
    latency = (time.perf_counter() - started) * 1000
    log.info("answered kind=%s score=%.2f latency_ms=%.1f chat=%s", str(result.kind), result.score, latency,
             message.chat.type)
    question_id = feedback.record(context, feedback.surface_of(message.chat.type), result, latency)
    in_group = message.chat.type != ChatType.PRIVATE
    if result.kind == Kind.NONE:
        wants_help = result.reason in (Reason.NOT_CONFIDENT, Reason.SMALL_TALK, Reason.VAGUE)
        items = await data.offload(suggestions, kb, question) if wants_help else []
        await message.reply_text(format_not_found(result, bool(items)), reply_markup=_keyboard(items),
                                 do_quote=in_group)
        return
    await message.reply_text(format_answer(result), do_quote=in_group, reply_markup=feedback.vote_keyboard(question_id))


def _strip_mention(text: str, username: str) -> str:
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip()


# --- handlers ------------------------------------------------------------------------------------------


async def start(update: Update, context: Context) -> None:
    """/start and /help: what the bot knows, how to ask, examples."""
    kb = context.bot_data.kb
    examples = [q for _, q in await context.bot_data.offload(suggestions, kb, limit=3)] or ["What happened?"]
    await update.effective_message.reply_text(
        format_help([d.title for d in kb.corpus.documents], examples, context.bot_data.settings.event_name))


async def faq(update: Update, context: Context) -> None:
    """/faq: the curated questions as buttons."""
    kb = context.bot_data.kb
    items = [(e.id, e.questions[0]) for e in kb.faq.entries] if kb.faq else []
    if not items:
        await update.effective_message.reply_text("There are no curated questions yet: just ask yours.")
        return
    await update.effective_message.reply_text("Most asked questions (tap one):", reply_markup=_keyboard(items))


async def ask(update: Update, context: Context) -> None:
    """/ask QUESTION, anywhere; a bare /ask gets a one-line hint."""
    question = " ".join(context.args or [])
    if not question.strip():
        await update.effective_message.reply_text("Ask like this: <code>/ask How many people were arrested?</code>",
                                                  do_quote=update.effective_chat.type != ChatType.PRIVATE)
        return
    await _reply(update.effective_message, context, question)


async def private_text(update: Update, context: Context) -> None:
    """Any text in a private chat is a question."""
    await _reply(update.effective_message, context, update.effective_message.text)


async def group_text(update: Update, context: Context) -> None:
    """Group text: answered only when it mentions the bot or replies to one of its messages."""
    message = update.effective_message
    me = context.bot
    replied = message.reply_to_message
    to_bot = replied is not None and replied.from_user is not None and replied.from_user.id == me.id
    mentioned = bool(me.username) and f"@{me.username.lower()}" in message.text.lower()
    if not (to_bot or mentioned):
        return
    question = _strip_mention(message.text, me.username) if mentioned else message.text
    if question:
        await _reply(message, context, question)


async def non_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice in a private chat: a one-line hint."""
    await update.effective_message.reply_text("I can only read text: please type your question.")


async def faq_button(update: Update, context: Context) -> None:
    """A pressed FAQ or suggestion button: acknowledge it, then send that entry's answer."""
    query = update.callback_query
    entry_id = (query.data or "").removeprefix("faq:")
    result = answer_entry(context.bot_data.kb, entry_id)
    if result is None:
        await query.answer("That question is no longer in the list; please type it.")
        return
    await query.answer()
    if query.message is not None:
        question_id = feedback.record(context, feedback.surface_of(query.message.chat.type), result, 0.0)
        header = f"<b>{esc(result.question)}</b>\n"
        body = format_answer(result, limit=MAX_MESSAGE - visible_length(header))
        await query.message.chat.send_message(header + body, reply_markup=feedback.vote_keyboard(question_id))


async def unknown_button(update: Update, context: Context) -> None:
    """A button whose data no handler knows (an old keyboard, forged data): answered, so no spinner is left."""
    await update.callback_query.answer("That button no longer works; please type your question.")


def _inline_result(result: Answer, title: str) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=uuid4().hex, title=title[:100], description=preview(result),
        input_message_content=InputTextMessageContent(format_answer(result), parse_mode=ParseMode.HTML,
                                                      link_preview_options=LinkPreviewOptions(is_disabled=True)))


async def inline(update: Update, context: Context) -> None:
    """Inline mode: up to three answers for the query; the top FAQ questions for an empty one."""
    query = update.inline_query
    kb = context.bot_data.kb
    text = query.query.strip()
    if not text:
        results = []
        for eid, question in await context.bot_data.offload(suggestions, kb, limit=3):
            found = answer_entry(kb, eid)
            if found is not None:
                results.append(_inline_result(found, question))
    else:
        started = time.perf_counter()
        found = await context.bot_data.offload(answers, kb, text, limit=3)
        latency = (time.perf_counter() - started) * 1000
        log.info("answered inline count=%d score=%.2f latency_ms=%.1f", len(found),
                 found[0].score if found else 0.0, latency)
        feedback.record_inline(context, query.from_user.id, text, found, latency)
        results = [_inline_result(a, a.text) for a in found]
    await query.answer(results, cache_time=60, is_personal=False)


async def on_error(update: object, context: Context) -> None:
    """Logs every failure with its traceback and update id; a user who blocked the bot is not an error."""
    update_id = update.update_id if isinstance(update, Update) else None
    error = context.error
    if isinstance(error, Forbidden):
        log.info("update %s: user unreachable (%s)", update_id, error)
        return
    log.error("update %s failed: %s: %s", update_id, type(error).__name__, error, exc_info=error)
