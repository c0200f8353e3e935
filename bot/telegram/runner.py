"""The bot's life: connect, then take and schedule updates until SIGINT/SIGTERM, then drain within the grace period.

This replaces python-telegram-bot's ``run_polling`` and ``run_webhook`` (see ``poller`` and ``webhook``
for why). Updates come from the ``Poller`` (getUpdates, the default) or, in webhook mode, from
Telegram's POSTs (``WebhookSource``); either way they go through the same ``Intake`` into the same
``Scheduler``, so flood control, fairness and the drain are the same. The Application still does
everything else: handlers, error handler, ``post_init``/``post_shutdown``.

On the first signal the bot stops taking updates (webhook: 503, /healthz 503), answers the ones it
holds for up to the grace period, confirms to Telegram exactly what it handled (polling) and exits 0;
a second signal cuts the drain short. A token the Bot API rejects ends it with exit code 1: at start
as a one-line error, later after a drain. The HTTP server (/healthz, the webhook) listens from the
very start, answering 503 until the bot is ready.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from telegram.error import InvalidToken, TelegramError

from bot.settings import Settings, SettingsError
from bot.telegram.context import BotApp
from bot.telegram.health import Health, State
from bot.telegram.http_server import HttpServer
from bot.telegram.intake import Intake
from bot.telegram.outage import Outage
from bot.telegram.poller import Poller, TokenRejected
from bot.telegram.scheduler import Scheduler
from bot.telegram.webhook import Endpoint, Sink, WebhookSource

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


async def serve(app: BotApp) -> int:
    """Run the bot until a signal (exit code 0) or a rejected token (1); a SettingsError when rejected at start."""
    settings = app.bot_data.settings
    signals = StopSignals()
    health = Health(app.bot_data.holder, "webhook" if settings.webhook_url else "polling")
    endpoint = Endpoint(settings.webhook_secret) if settings.webhook_url else None
    server = _http_server(settings, health, endpoint)
    try:
        return await _run(app, signals, health, endpoint)
    finally:
        if server is not None:
            await server.close()


def _http_server(settings: Settings, health: Health, endpoint: Endpoint | None) -> HttpServer | None:
    """The server of /healthz (and the webhook), listening now; None when polling without a port."""
    port = settings.http_port
    if port is None:
        return None
    path = _path_of(settings.webhook_url) if settings.webhook_url else "/"
    server = HttpServer(settings.listen, port, health, endpoint, path)
    server.start()
    return server


def _path_of(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).path or "/"


async def _run(app: BotApp, signals: StopSignals, health: Health, endpoint: Endpoint | None) -> int:
    try:
        if not await _connect(app, signals.stop, delete_webhook=endpoint is None):
            return 0
    except TokenRejected:
        await app.bot.shutdown()
        raise SettingsError("TELEGRAM_BOT_TOKEN", REJECTED) from None
    await app.start()
    try:
        if app.post_init:
            await app.post_init(app)
        return await _take_until_stopped(app, signals, health, endpoint)
    finally:
        await app.stop()
        if app.post_shutdown:
            await app.post_shutdown(app)
        await app.shutdown()


async def _connect(app: BotApp, stop: asyncio.Event, delete_webhook: bool) -> bool:
    """getMe (and deleteWebhook when polling), retried until they work or a signal comes (False)."""
    outage = Outage()
    while not stop.is_set():
        try:
            await app.initialize()
            if delete_webhook:
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


def _source(app: BotApp, scheduler: Scheduler, health: Health, endpoint: Endpoint | None) -> Poller | WebhookSource:
    intake, counters = Intake(app, scheduler), app.bot_data.counters
    if endpoint is None:
        health.state = State.READY
        return Poller(app.bot, intake, scheduler, ALLOWED_UPDATES, counters)
    settings = app.bot_data.settings
    return WebhookSource(app.bot, endpoint, Sink(app.bot, intake, scheduler, counters), settings.webhook_url or "",
                         settings.webhook_secret, ALLOWED_UPDATES, health)


async def _take_until_stopped(app: BotApp, signals: StopSignals, health: Health, endpoint: Endpoint | None) -> int:
    scheduler = Scheduler()
    source = _source(app, scheduler, health, endpoint)
    taking = asyncio.create_task(source.run(), name="updates")
    stopping = asyncio.create_task(signals.stop.wait())
    await asyncio.wait({taking, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    taking.cancel()
    health.state = State.STOPPING
    code, fatal = await _outcome(taking)
    grace = app.bot_data.settings.stop_grace_seconds
    log.info("stopping: answering the %d update(s) in hand (up to %.0f s)", len(scheduler.unfinished), grace)
    unfinished = await scheduler.drain(grace, abort=signals.hurry)
    await source.confirm(unfinished)
    counters = app.bot_data.counters
    if counters:
        log.info("totals: %s", ", ".join(f"{name}={count}" for name, count in sorted(counters.items())))
    if fatal is not None:
        raise fatal
    return code


async def _outcome(taking: asyncio.Task) -> tuple[int, SettingsError | None]:
    """The exit code once updates are no longer taken, and a configuration error to report as one line."""
    try:
        await taking
    except asyncio.CancelledError:
        return 0, None
    except SettingsError as exc:  # e.g. a webhook URL the Bot API refuses
        return 1, exc
    except TokenRejected:
        log.error("the Bot API rejected the token while running (401/404): stopping, check TELEGRAM_BOT_TOKEN")
    except Exception:
        log.exception("taking updates failed")
    return 1, None
