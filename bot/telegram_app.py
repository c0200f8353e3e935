"""The Telegram bot: translates updates into questions and answers into messages (python-telegram-bot 22).

Usage: ``TELEGRAM_BOT_TOKEN=... python main.py run`` (see README for BotFather, inline mode and
privacy mode). Environment:

- ``TELEGRAM_BOT_TOKEN`` (required), ``TELEGRAM_API_BASE_URL`` (optional Bot API server, e.g. a
  self-hosted telegram-bot-api; ``/bot`` is appended unless present or ``{token}`` is used),
- ``LOG_LEVEL`` (INFO), ``BOT_CORPUS_DIR`` / ``BOT_FAQ_FILE`` (or ``--corpus`` / ``--faq``),
- ``BOT_RELOAD_SECONDS`` (2: how often the FAQ and corpus files are checked for edits),
- ``BOT_UNANSWERED_LOG`` (``data/unanswered.jsonl``: questions the bot could not answer),
- ``BOT_EVENT_NAME`` (what /help says the bot is about).

The knowledge base lives in one ``KnowledgeBaseHolder`` in ``bot_data``; a background task
reloads it when files change, and handlers always read the current one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import sys
import time
from pathlib import Path
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
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.answer import Answer, answer, answer_entry, answers, suggestions
from bot.errors import InputError
from bot.formatting import MAX_MESSAGE, esc, format_answer, format_help, format_not_found, visible_length
from bot.knowledge import KnowledgeBaseHolder
from bot.unanswered import UnansweredLog

log = logging.getLogger("bot")

TOKEN_PATTERN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{30,}$")
DEFAULT_EVENT = "the January 2022 unrest in Kazakhstan"
HOLDER, UNANSWERED = "knowledge", "unanswered"
COMMANDS = [
    BotCommand("ask", "Ask a question (in groups: /ask your question)"),
    BotCommand("faq", "Most asked questions"),
    BotCommand("help", "What I know and how to ask"),
]
NON_TEXT = (filters.Sticker.ALL | filters.PHOTO | filters.VOICE | filters.AUDIO | filters.VIDEO | filters.VIDEO_NOTE
            | filters.ANIMATION | filters.Document.ALL | filters.LOCATION | filters.CONTACT | filters.POLL)
NEW = filters.UpdateType.MESSAGE  # edited messages are never answered a second time


class RedactingFilter(logging.Filter):
    """Replaces the bot token wherever it would appear in a log line."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret and self.secret in message:
            record.msg, record.args = message.replace(self.secret, "[token]"), ()
        if record.exc_info and self.secret:
            text = logging.Formatter().formatException(record.exc_info)
            if self.secret in text:
                record.msg = f"{record.msg} | {text.replace(self.secret, '[token]')}"
                record.exc_info, record.exc_text = None, None
        return True


def configure_logging(token: str) -> None:
    """One line per event on stderr; httpx (which logs request URLs, token included) only at WARNING."""
    level = getattr(logging, os.environ.get("LOG_LEVEL", "INFO").upper(), logging.INFO)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter(token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


def api_base_url(value: str | None) -> str | None:
    """PTB wants the URL up to and including ``/bot``; accept a bare server address too."""
    if not value:
        return None
    value = value.strip().rstrip("/")
    return value if "{token}" in value or value.endswith("/bot") else value + "/bot"


# --- helpers -------------------------------------------------------------------------------------------


def _holder(context: ContextTypes.DEFAULT_TYPE) -> KnowledgeBaseHolder:
    return context.application.bot_data[HOLDER]


def _keyboard(items: list[tuple[str, str]]) -> InlineKeyboardMarkup | None:
    buttons = [[InlineKeyboardButton(q[:64], callback_data=f"faq:{eid}")] for eid, q in items
               if len(f"faq:{eid}".encode()) <= 64]
    return InlineKeyboardMarkup(buttons) if buttons else None


async def _reply(message: Message, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """Answer ``question`` in reply to ``message``: the answer with its source, or an honest none."""
    kb = _holder(context).current
    started = time.perf_counter()
    result = answer(kb, question)
    latency = (time.perf_counter() - started) * 1000
    log.info("answered kind=%s score=%.2f latency_ms=%.1f chat=%s", result.kind, result.score, latency,
             message.chat.type)
    in_group = message.chat.type != ChatType.PRIVATE
    if result.kind == "none":
        if result.reason == "not confident":
            context.application.bot_data[UNANSWERED].record(question, result)
        items = suggestions(kb, question) if result.reason in ("not confident", "small talk", "vague") else []
        await message.reply_text(format_not_found(result, bool(items)), reply_markup=_keyboard(items),
                                 do_quote=in_group)
        return
    await message.reply_text(format_answer(result), do_quote=in_group)


def _strip_mention(text: str, username: str) -> str:
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip()


# --- handlers ------------------------------------------------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start and /help: what the bot knows, how to ask, examples."""
    kb = _holder(context).current
    examples = [q for _, q in suggestions(kb, limit=3)] or ["What happened?"]
    event = os.environ.get("BOT_EVENT_NAME", DEFAULT_EVENT)
    await update.effective_message.reply_text(
        format_help([d.title for d in kb.corpus.documents], examples, event))


async def faq(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/faq: the curated questions as buttons."""
    kb = _holder(context).current
    items = [(e.id, e.questions[0]) for e in kb.faq.entries] if kb.faq else []
    if not items:
        await update.effective_message.reply_text("There are no curated questions yet: just ask yours.")
        return
    await update.effective_message.reply_text("Most asked questions (tap one):", reply_markup=_keyboard(items))


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ask QUESTION, anywhere; a bare /ask gets a one-line hint."""
    question = " ".join(context.args or [])
    if not question.strip():
        await update.effective_message.reply_text("Ask like this: <code>/ask How many people were arrested?</code>",
                                                  do_quote=update.effective_chat.type != ChatType.PRIVATE)
        return
    await _reply(update.effective_message, context, question)


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any text in a private chat is a question."""
    await _reply(update.effective_message, context, update.effective_message.text)


async def group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
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


async def non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice in a private chat: a one-line hint."""
    await update.effective_message.reply_text("I can only read text: please type your question.")


async def faq_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A pressed FAQ or suggestion button: acknowledge it, then send that entry's answer."""
    query = update.callback_query
    entry_id = (query.data or "").removeprefix("faq:")
    result = answer_entry(_holder(context).current, entry_id)
    if result is None:
        await query.answer("That question is no longer in the list; please type it.")
        return
    await query.answer()
    if query.message is not None:
        header = f"<b>{esc(result.question)}</b>\n"
        body = format_answer(result, limit=MAX_MESSAGE - visible_length(header))
        await query.message.chat.send_message(header + body)


def _inline_result(result: Answer, title: str) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=uuid4().hex, title=title[:100], description=(result.source or result.text)[:200],
        input_message_content=InputTextMessageContent(format_answer(result), parse_mode=ParseMode.HTML,
                                                      link_preview_options=LinkPreviewOptions(is_disabled=True)))


async def inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Inline mode: up to three answers for the query; the top FAQ questions for an empty one."""
    query = update.inline_query
    kb = _holder(context).current
    text = query.query.strip()
    if not text:
        results = []
        for eid, question in suggestions(kb, limit=3):
            found = answer_entry(kb, eid)
            if found is not None:
                results.append(_inline_result(found, question))
    else:
        started = time.perf_counter()
        found = answers(kb, text, limit=3)
        log.info("answered inline count=%d score=%.2f latency_ms=%.1f", len(found),
                 found[0].score if found else 0.0, (time.perf_counter() - started) * 1000)
        results = [_inline_result(a, a.text) for a in found]
    await query.answer(results, cache_time=60, is_personal=False)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """One log line per failure, with the update id; a user who blocked the bot is not an error."""
    update_id = update.update_id if isinstance(update, Update) else None
    error = context.error
    if isinstance(error, Forbidden):
        log.info("update %s: user unreachable (%s)", update_id, error)
        return
    log.error("update %s failed: %s: %s", update_id, type(error).__name__, error)


# --- lifecycle -----------------------------------------------------------------------------------------


async def _watch_files(app: Application, every: float) -> None:
    """Reload the knowledge base when its files change; a broken edit keeps the old one serving."""
    holder: KnowledgeBaseHolder = app.bot_data[HOLDER]
    while True:
        await asyncio.sleep(every)
        try:
            await asyncio.to_thread(holder.reload_if_changed)
        except Exception as exc:  # never let the watcher die: the bot keeps serving the last good base
            log.error("reload check failed: %s: %s", type(exc).__name__, exc)


async def _post_init(app: Application) -> None:
    await app.bot.set_my_commands(COMMANDS)
    every = float(os.environ.get("BOT_RELOAD_SECONDS", "2"))
    if every > 0:
        app.bot_data["watcher"] = asyncio.create_task(_watch_files(app, every))
    log.info("bot @%s ready", app.bot.username)


async def _post_shutdown(app: Application) -> None:
    task = app.bot_data.get("watcher")
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def build_application(token: str, holder: KnowledgeBaseHolder, base_url: str | None = None,
                      unanswered: UnansweredLog | None = None) -> Application:
    """The Application with its handlers; the engine is reached only through ``holder``."""
    builder = (ApplicationBuilder().token(token)
               .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
               .rate_limiter(AIORateLimiter(max_retries=3))
               .concurrent_updates(32)
               .connect_timeout(10).read_timeout(15).write_timeout(15)
               .post_init(_post_init).post_shutdown(_post_shutdown))
    if base_url:
        builder = builder.base_url(base_url)
    app = builder.build()
    app.bot_data[HOLDER] = holder
    app.bot_data[UNANSWERED] = unanswered or UnansweredLog(None)
    app.add_handler(CommandHandler(["start", "help"], start, filters=NEW))
    app.add_handler(CommandHandler("faq", faq, filters=NEW))
    app.add_handler(CommandHandler("ask", ask, filters=NEW))
    # Order matters only in that commands come first; the text handlers exclude commands anyway.
    app.add_handler(MessageHandler(NEW & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, private_text))
    app.add_handler(MessageHandler(NEW & filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND, group_text))
    app.add_handler(MessageHandler(NEW & filters.ChatType.PRIVATE & NON_TEXT, non_text))
    app.add_handler(CallbackQueryHandler(faq_button, pattern=r"^faq:"))
    app.add_handler(InlineQueryHandler(inline))
    app.add_error_handler(on_error)
    return app


def run(corpus_dir: Path, faq_path: Path | None, cache_dir: Path | None = None) -> int:
    """``main.py run``: check the token, load the knowledge base, poll until SIGINT/SIGTERM."""
    token = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        print("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather (see README), "
              "or use 'python main.py chat' for a console chat", file=sys.stderr)
        return 1
    if not TOKEN_PATTERN.match(token):
        print("TELEGRAM_BOT_TOKEN is malformed: expected digits, a colon and the secret, as @BotFather gives it",
              file=sys.stderr)
        return 1
    configure_logging(token)
    try:
        holder = KnowledgeBaseHolder(corpus_dir, faq_path, cache_dir)
    except InputError as exc:
        log.error("cannot start: %s", exc)
        raise
    unanswered = UnansweredLog(Path(os.environ.get("BOT_UNANSWERED_LOG", "data/unanswered.jsonl")))
    app = build_application(token, holder, api_base_url(os.environ.get("TELEGRAM_API_BASE_URL")), unanswered)
    app.run_polling(allowed_updates=["message", "callback_query", "inline_query"], bootstrap_retries=-1)
    log.info("stopped")
    return 0
