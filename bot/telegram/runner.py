"""The bot's life: connect, then poll and schedule until SIGINT/SIGTERM, then drain within the grace period.

This replaces python-telegram-bot's ``run_polling`` (see ``poller`` for why). The Application still
does everything else: handlers, error handler, ``post_init``/``post_shutdown``. On the first signal
the bot stops taking updates, answers the ones it holds for up to the grace period, confirms to
Telegram exactly what it handled and exits 0; a second signal cuts the drain short. A token the Bot
API rejects ends it with exit code 1: at start as a one-line error, while polling after a drain.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from telegram.error import InvalidToken, TelegramError

from bot.settings import SettingsError
from bot.telegram.context import BotApp
from bot.telegram.intake import Intake
from bot.telegram.outage import Outage
from bot.telegram.poller import Poller, TokenRejected
from bot.telegram.scheduler import Scheduler

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "callback_query", "inline_query"]
REJECTED = "rejected by the Bot API (401 Unauthorized): check it with @BotFather"


class StopSignals:
    """SIGINT and SIGTERM: the first stops taking updates and drains, a second one cuts the drain short."""

    def __init__(self) -> None:
        self.stop, self.hurry = asyncio.Event(), asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, self._received)

    def _received(self) -> None:
        (self.hurry if self.stop.is_set() else self.stop).set()


async def serve(app: BotApp, grace: float) -> int:
    """Run the bot until a signal (exit code 0) or a rejected token (1); a SettingsError when rejected at start."""
    signals = StopSignals()
    try:
        if not await _connect(app, signals.stop):
            return 0
    except TokenRejected:
        await app.bot.shutdown()
        raise SettingsError("TELEGRAM_BOT_TOKEN", REJECTED) from None
    await app.start()
    try:
        if app.post_init:
            await app.post_init(app)
        return await _poll_until_stopped(app, signals, grace)
    finally:
        await app.stop()
        if app.post_shutdown:
            await app.post_shutdown(app)
        await app.shutdown()


async def _connect(app: BotApp, stop: asyncio.Event) -> bool:
    """getMe and deleteWebhook, retried until they work or a signal comes (False)."""
    outage = Outage()
    while not stop.is_set():
        try:
            await app.initialize()
            await app.bot.delete_webhook()
            outage.recovered()
            return True
        except InvalidToken:
            raise TokenRejected from None  # its message holds the token
        except TelegramError as exc:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), outage.failed(exc))
    await app.bot.shutdown()
    return False


async def _poll_until_stopped(app: BotApp, signals: StopSignals, grace: float) -> int:
    scheduler = Scheduler()
    poller = Poller(app.bot, Intake(app, scheduler), scheduler, ALLOWED_UPDATES, app.bot_data.counters)
    polling = asyncio.create_task(poller.run(), name="poller")
    stopping = asyncio.create_task(signals.stop.wait())
    await asyncio.wait({polling, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    polling.cancel()
    code = await _exit_code(polling)
    log.info("stopping: answering the %d update(s) in hand (up to %.0f s)", len(scheduler.unfinished), grace)
    unfinished = await scheduler.drain(grace, abort=signals.hurry)
    await poller.confirm(unfinished)
    counters = app.bot_data.counters
    if counters:
        log.info("totals: %s", ", ".join(f"{name}={count}" for name, count in sorted(counters.items())))
    return code


async def _exit_code(polling: asyncio.Task) -> int:
    try:
        await polling
    except asyncio.CancelledError:
        return 0
    except TokenRejected:
        log.error("the Bot API rejected the token while polling (401/404): stopping, check TELEGRAM_BOT_TOKEN")
    except Exception:
        log.exception("polling failed")
    return 1
