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

from bot.answer import Answer, Kind, Reason, answer_entry, answer_in_context, answers, suggestions
from bot.formatting import (
    MAX_MESSAGE,
    esc,
    event_name,
    format_answer,
    format_help,
    format_not_found,
    preview,
    visible_length,
)
from bot.i18n import Msg, Texts
from bot.settings import DEFAULT_EVENT
from bot.smalltalk import Talk
from bot.store import new_id
from bot.telegram import alternatives, conversation, feedback
from bot.telegram.context import Context
from bot.telegram.language import menu, texts_of

log = logging.getLogger("bot")

COMMANDS = menu()  # English; bot.telegram.language registers each language's menu


# --- helpers -------------------------------------------------------------------------------------------


def _keyboard(items: list[tuple[str, str]]) -> InlineKeyboardMarkup | None:
    buttons = [[InlineKeyboardButton(q[:64], callback_data=f"faq:{eid}")] for eid, q in items
               if len(f"faq:{eid}".encode()) <= 64]
    return InlineKeyboardMarkup(buttons) if buttons else None


def _event(context: Context, tr: Texts) -> str:
    return event_name(context.bot_data.settings.event_name, DEFAULT_EVENT, tr)


async def _reply(message: Message, context: Context, question: str) -> None:
    """Answer ``question`` in reply to ``message``, read against the conversation it continues (a private
    chat, or the reply thread in a group): the answer with its source, or an honest none."""
    data = context.bot_data
    kb = data.kb
    tr = texts_of(message.from_user, question)
    thread = conversation.thread_of(message, context.bot.id)
    previous = await conversation.load(context, thread)
    started = time.perf_counter()
    result, resolution, turn = await data.offload(answer_in_context, kb, question, previous)
    latency = (time.perf_counter() - started) * 1000
    log.info("answered kind=%s score=%.2f latency_ms=%.1f chat=%s followup=%s", str(result.kind), result.score,
             latency, message.chat.type, "yes" if resolution.inherited else "no")
    question_id = feedback.record(context, feedback.surface_of(message.chat.type), result, latency)
    in_group = message.chat.type != ChatType.PRIVATE
    understood = resolution.text if resolution.inherited else ""
    if result.kind == Kind.NONE:
        wants_help = result.reason in (Reason.NOT_CONFIDENT, Reason.VAGUE) or result.talk == Talk.GREETING
        items = await data.offload(suggestions, kb, resolution.text) if wants_help else []
        sent = await message.reply_text(format_not_found(result, bool(items), tr, _event(context, tr), understood),
                                        reply_markup=_keyboard(items), do_quote=in_group)
    else:
        more_id = question_id or new_id()
        sent = await message.reply_text(format_answer(result, tr=tr, understood=understood), do_quote=in_group,
                                        reply_markup=feedback.vote_keyboard(question_id,
                                                                            more=alternatives.button(more_id, tr)))
        alternatives.remember(context, more_id, resolution.text, result)
    if result.reason not in _NO_CONTEXT:
        conversation.save(context, thread, sent, turn)


_NO_CONTEXT = (Reason.SMALL_TALK, Reason.EMPTY, Reason.VAGUE)  # these leave the conversation's context as it was


def _strip_mention(text: str, username: str) -> str:
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip()


# --- handlers ------------------------------------------------------------------------------------------


async def start(update: Update, context: Context) -> None:
    """/start and /help: what the bot knows, how to ask, examples (in the user's language)."""
    kb = context.bot_data.kb
    tr = texts_of(update.effective_user)
    examples = [q for _, q in await context.bot_data.offload(suggestions, kb, limit=3)] or [tr(Msg.HELP_EXAMPLE)]
    await update.effective_message.reply_text(
        format_help([d.title for d in kb.corpus.documents], examples, _event(context, tr), tr))


async def faq(update: Update, context: Context) -> None:
    """/faq: the curated questions as buttons."""
    kb = context.bot_data.kb
    tr = texts_of(update.effective_user)
    items = [(e.id, e.questions[0]) for e in kb.faq.entries] if kb.faq else []
    if not items:
        await update.effective_message.reply_text(esc(tr(Msg.FAQ_NONE)))
        return
    await update.effective_message.reply_text(esc(tr(Msg.FAQ_LIST)), reply_markup=_keyboard(items))


async def ask(update: Update, context: Context) -> None:
    """/ask QUESTION, anywhere; a bare /ask gets a one-line hint."""
    question = " ".join(context.args or [])
    if not question.strip():
        await update.effective_message.reply_text(texts_of(update.effective_user)(Msg.ASK_HINT),
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
    await update.effective_message.reply_text(esc(texts_of(update.effective_user)(Msg.NON_TEXT)))


async def faq_button(update: Update, context: Context) -> None:
    """A pressed FAQ or suggestion button: acknowledge it, then send that entry's answer."""
    query = update.callback_query
    tr = texts_of(query.from_user)
    entry_id = (query.data or "").removeprefix("faq:")
    result = answer_entry(context.bot_data.kb, entry_id)
    if result is None:
        await query.answer(tr(Msg.FAQ_GONE))
        return
    await query.answer()
    if query.message is not None:
        question_id = feedback.record(context, feedback.surface_of(query.message.chat.type), result, 0.0)
        more_id = question_id or new_id()
        header = f"<b>{esc(result.question)}</b>\n"
        body = format_answer(result, limit=MAX_MESSAGE - visible_length(header), tr=tr)
        await query.message.chat.send_message(header + body, reply_markup=feedback.vote_keyboard(
            question_id, more=alternatives.button(more_id, tr)))
        alternatives.remember(context, more_id, result.question, result)


async def unknown_button(update: Update, context: Context) -> None:
    """A button whose data no handler knows (an old keyboard, forged data): answered, so no spinner is left."""
    await update.callback_query.answer(texts_of(update.callback_query.from_user)(Msg.BUTTON_UNKNOWN))


def _inline_result(result: Answer, title: str, tr: Texts) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=uuid4().hex, title=title[:100], description=preview(result),
        input_message_content=InputTextMessageContent(format_answer(result, tr=tr), parse_mode=ParseMode.HTML,
                                                      link_preview_options=LinkPreviewOptions(is_disabled=True)))


async def inline(update: Update, context: Context) -> None:
    """Inline mode: up to three answers for the query; the top FAQ questions for an empty one."""
    query = update.inline_query
    kb = context.bot_data.kb
    text = query.query.strip()
    tr = texts_of(query.from_user, text)
    if not text:
        results = []
        for eid, question in await context.bot_data.offload(suggestions, kb, limit=3):
            found = answer_entry(kb, eid)
            if found is not None:
                results.append(_inline_result(found, question, tr))
    else:
        started = time.perf_counter()
        found = await context.bot_data.offload(answers, kb, text, limit=3)
        latency = (time.perf_counter() - started) * 1000
        log.info("answered inline count=%d score=%.2f latency_ms=%.1f", len(found),
                 found[0].score if found else 0.0, latency)
        feedback.record_inline(context, query.from_user.id, text, found, latency)
        results = [_inline_result(a, a.text, tr) for a in found]
    await query.answer(results, cache_time=60, is_personal=False)


async def on_error(update: object, context: Context) -> None:
    """Logs every failure with its traceback and update id; a user who blocked the bot is not an error."""
    update_id = update.update_id if isinstance(update, Update) else None
    error = context.error
    if isinstance(error, Forbidden):
        log.info("update %s: user unreachable (%s)", update_id, error)
        return
    log.error("update %s failed: %s: %s", update_id, type(error).__name__, error, exc_info=error)
