"""The python-telegram-bot Application: handlers wired in, the knowledge base reloaded, the bot run.

Usage: ``TELEGRAM_BOT_TOKEN=... python main.py run`` (README: BotFather, inline and privacy mode,
the environment). The knowledge base lives in one ``KnowledgeBaseHolder`` in the typed
``bot_data``; a background task reloads it when files change, and handlers read the current one.
Questions and votes go to the store (``BOT_DATA_DIR``) through one worker thread. Updates are taken
and scheduled by ``runner`` (per-chat queues, bounded backlog, drain on SIGTERM), not by
python-telegram-bot's Updater.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.errors import InputError
from bot.holder import KnowledgeBaseHolder
from bot.logs import configure_logging, route_uncaught_to_logging
from bot.settings import Settings, SettingsError
from bot.spelling import load_english
from bot.store import Store, open_store, store_errors
from bot.telegram import admin, alternatives, feedback, handlers
from bot.telegram.context import CONTEXT_TYPES, BotApp
from bot.telegram.delivery import RetryingRateLimiter
from bot.telegram.language import menus
from bot.telegram.recording import BackgroundStore
from bot.telegram.runner import serve

log = logging.getLogger("bot")

NON_TEXT = (filters.Sticker.ALL | filters.PHOTO | filters.VOICE | filters.AUDIO | filters.VIDEO | filters.VIDEO_NOTE
            | filters.ANIMATION | filters.Document.ALL | filters.LOCATION | filters.CONTACT | filters.POLL)
NEW = filters.UpdateType.MESSAGE  # edited messages are never answered a second time


async def _watch_files(app: BotApp, every: float) -> None:
    """Reload the knowledge base when its files change; a broken edit keeps the old one serving."""
    holder = app.bot_data.holder
    while True:
        await asyncio.sleep(every)
        try:
            await admin.after_reload(app, await asyncio.to_thread(holder.reload_if_changed))
        except Exception:  # never let the watcher die: the bot keeps serving the last good base
            log.exception("reload check failed")


async def _post_init(app: BotApp) -> None:
    try:
        for language_code, commands in menus():  # Telegram shows each user the menu of their app's language
            await app.bot.set_my_commands(commands, language_code=language_code)
    except TelegramError as exc:  # the menu is a convenience: answering matters more
        log.warning("could not register the command menu (%s: %s)", type(exc).__name__, exc)
    await admin.on_start(app)  # the admins' own menus; tell them about parts left out
    every = app.bot_data.settings.reload_seconds
    if every > 0:
        app.bot_data.watcher = asyncio.create_task(_watch_files(app, every))
    kb = app.bot_data.kb
    log.info("started @%s: %d article(s), %d FAQ entries, %s", app.bot.username, len(kb.corpus.documents),
             len(kb.faq.entries) if kb.faq else 0, _mode(app.bot_data.settings))


def _mode(settings: Settings) -> str:
    """How updates arrive, for the start line (never the webhook's path: operators may put secrets in it)."""
    port = settings.http_port
    if settings.webhook_url:
        return f"webhook (listening on {settings.listen}:{port})"
    return f"polling (/healthz on {settings.listen}:{port})" if port else "polling"


async def _post_shutdown(app: BotApp) -> None:
    app.bot_data.offload.shutdown()
    task = app.bot_data.watcher
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    app.bot_data.inline.flush()
    if app.bot_data.store is not None:
        await asyncio.to_thread(app.bot_data.store.close)  # the writes still waiting, then the file


def build_application(settings: Settings, holder: KnowledgeBaseHolder, store: Store | None = None) -> BotApp:
    """The Application with its handlers; the engine is reached only through ``holder``, the store through a
    worker thread (None: questions are not recorded).

    No Updater (``runner`` takes the updates) and no group limit in AIORateLimiter: the scheduler
    keeps each group's 20 messages a minute without holding up other chats.
    """
    counters: Counter[str] = Counter()
    limiter = RetryingRateLimiter(AIORateLimiter(overall_max_rate=settings.max_sends_per_second, group_max_rate=0,
                                                 max_retries=3), counters)
    builder = (ApplicationBuilder().token(settings.checked_token()).context_types(CONTEXT_TYPES).updater(None)
               .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
               .rate_limiter(limiter)
               .connect_timeout(10).read_timeout(15).write_timeout(15)
               .get_updates_connection_pool_size(2)  # the last confirmation may overlap a cancelled long poll
               .post_init(_post_init).post_shutdown(_post_shutdown))
    if settings.api_base_url:
        builder = builder.base_url(settings.api_base_url)
    app = builder.build()
    app.bot_data.holder = holder
    app.bot_data.settings = settings
    app.bot_data.counters = counters
    if store is not None:
        app.bot_data.store = BackgroundStore(store, app.bot_data.counters)
        app.bot_data.salt = store.salt()  # shared by every replica of a PostgreSQL store
    app.add_handler(CommandHandler(["start", "help"], handlers.start, filters=NEW))
    app.add_handler(CommandHandler("faq", handlers.faq, filters=NEW))
    app.add_handler(CommandHandler("ask", handlers.ask, filters=NEW))
    # Commands first; the text handlers exclude commands anyway, so only readability depends on the order.
    app.add_handler(MessageHandler(NEW & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND,
                                   handlers.private_text))
    app.add_handler(MessageHandler(NEW & filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND,
                                   handlers.group_text))
    app.add_handler(MessageHandler(NEW & filters.ChatType.PRIVATE & NON_TEXT, handlers.non_text))
    admin.register(app)
    app.add_handler(CallbackQueryHandler(handlers.faq_button, pattern=r"^faq:"))
    app.add_handler(CallbackQueryHandler(feedback.vote, pattern=feedback.VOTE_PATTERN))
    app.add_handler(CallbackQueryHandler(alternatives.more, pattern=alternatives.MORE_PATTERN))
    # Last of the button handlers: whatever data the ones above do not know still gets an answer.
    app.add_handler(CallbackQueryHandler(handlers.unknown_button))
    app.add_handler(InlineQueryHandler(handlers.inline))
    app.add_error_handler(handlers.on_error)
    return app


def _open_store(settings: Settings) -> Store | None:
    """The question store, or None when it is off or its SQLite file cannot be opened (then the bot answers
    without it). A PostgreSQL store that cannot be reached is a configuration error: replicas that silently
    kept nothing would be worse than a restart."""
    if settings.data_dir is None and not settings.database_url:
        return None
    try:
        return open_store(settings.data_dir, settings.retention_days, settings.max_questions, settings.database_url)
    except store_errors() as exc:
        if settings.database_url:
            from bot.postgres_store import describe_url

            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise SettingsError("DATABASE_URL", f"cannot use {describe_url(settings.database_url)}: {reason}") from None
        log.error("cannot open the question store in %s (%s): answering without recording", settings.data_dir, exc)
        return None


def _secrets(settings: Settings) -> tuple[str, ...]:
    """What the log filter redacts: the token, the webhook secret, the database password."""
    password = ""
    if settings.database_url:
        from bot.postgres_store import password_of

        password = password_of(settings.database_url)
    return settings.token, settings.webhook_secret, password


def run(settings: Settings, corpus_dir, faq_path) -> int:
    """``main.py run``: check the token, load the knowledge base, serve until SIGINT/SIGTERM.

    Every error ends here or in the CLI: a known one as one line, anything else logged through the
    redacting filter (traceback included), exit code 1. Nothing reaches stderr unredacted.
    """
    settings.checked_token()
    settings.checked_webhook()
    configure_logging(settings.log_level, _secrets(settings), settings.log_telegram_debug)
    route_uncaught_to_logging()
    try:
        holder = KnowledgeBaseHolder(corpus_dir, faq_path, settings.cache_dir)
    except InputError as exc:
        log.error("cannot start: %s", exc)
        raise
    load_english()  # here rather than on some user's first typo
    try:
        code = asyncio.run(serve(build_application(settings, holder, _open_store(settings))))
    except InputError:
        raise
    except Exception:
        log.exception("the bot stopped on an unexpected error")
        return 1
    log.info("stopped")
    return code
