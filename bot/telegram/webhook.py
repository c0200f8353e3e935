"""Webhook mode: Telegram POSTs each update to us; it is checked, then queued exactly like a polled one.

When Telegram gets which answer (it delivers an update again, later, until it gets a 2xx):
- 403 when ``X-Telegram-Bot-Api-Secret-Token`` is missing or wrong, before anything else is read;
- 503 (``Retry-After``) before the bot has started, once it is stopping, and while ``BACKLOG``
  updates are held: the webhook's form of the poller asking only for what there is room for;
- 200 once the update is in its chat's queue, or dropped by flood control as polling would drop it
  (Telegram then forgets it: an update queued when the drain's grace runs out is lost, and logged);
- 200 for an update this library version cannot read (logged by id, counted, skipped, as the poller
  does: an error status would bring it back forever); 400 for a body that is not JSON.

``python-telegram-bot``'s own ``TelegramHandler`` is not used: it queues without bound, answers 400 to an
unreadable update (redelivered forever) after logging it whole (personal data), and compares the secret
in non-constant time. Its HTTP server, tornado, is (``http_server``).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections import Counter, deque
from collections.abc import Sequence

from telegram.error import BadRequest, EndPointNotFound, InvalidToken, TelegramError
from telegram.ext import ExtBot

from bot.settings import SettingsError
from bot.telegram.health import Health, QuietHandler, State
from bot.telegram.intake import Intake
from bot.telegram.outage import Outage
from bot.telegram.poller import TokenRejected, read_update
from bot.telegram.scheduler import Scheduler

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
RETRY_AFTER = "2"  # seconds, a hint: Telegram retries on its own schedule
RECENT = 1_000  # update ids remembered to ignore one Telegram delivers again


class Sink:
    """Where accepted updates go once the bot runs: parsed, deduplicated, handed to the intake."""

    def __init__(self, bot: ExtBot, intake: Intake, scheduler: Scheduler, counters: Counter[str]) -> None:
        self.bot, self.intake, self.scheduler, self.counters = bot, intake, scheduler, counters
        self._recent: deque[int] = deque(maxlen=RECENT)

    def offer(self, raw: object) -> int:
        """Take one update; returns the HTTP status for Telegram."""
        update_id = raw.get("update_id") if isinstance(raw, dict) else None
        if not isinstance(update_id, int):
            return 400
        if update_id in self._recent:  # our 200 did not reach Telegram, and it sent the update again
            return 200
        if self.scheduler.room() == 0:
            self.counters["webhook_busy"] += 1
            return 503
        self._recent.append(update_id)
        update = read_update(raw, update_id, self.bot, self.counters)
        if update is not None:
            self.intake.accept(update)
        return 200


class Endpoint:
    """The webhook's state, shared with every request: the secret, and the sink once updates are taken."""

    def __init__(self, secret: str) -> None:
        self.secret = secret.encode()
        self.sink: Sink | None = None  # None: not started yet, or stopping (503)

    def authorised(self, header: str | None) -> bool:
        return header is not None and hmac.compare_digest(header.encode(), self.secret)


class UpdateHandler(QuietHandler):
    """POST on the webhook's path: one update from Telegram."""

    SUPPORTED_METHODS = ("POST",)

    def initialize(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint

    def post(self) -> None:
        if not self.endpoint.authorised(self.request.headers.get(SECRET_HEADER)):
            return self._answer(403)
        sink = self.endpoint.sink
        if sink is None:
            return self._answer(503)
        try:
            raw = json.loads(self.request.body)
        except ValueError:
            return self._answer(400)
        self._answer(sink.offer(raw))

    def _answer(self, status: int) -> None:
        self.set_status(status)
        if status == 503:
            self.set_header("Retry-After", RETRY_AFTER)
        self.finish()


class WebhookSource:
    """The runner's source of updates in webhook mode: sets the webhook, then lets requests feed the sink."""

    def __init__(self, bot: ExtBot, endpoint: Endpoint, sink: Sink, url: str, secret: str,
                 allowed_updates: Sequence[str], health: Health) -> None:
        self.bot, self.endpoint, self.sink = bot, endpoint, sink
        self.url, self.secret, self.allowed_updates, self.health = url, secret, allowed_updates, health

    async def run(self) -> None:
        """Take updates until cancelled; /healthz says ready once Telegram has the webhook."""
        self.endpoint.sink = self.sink
        try:
            await set_webhook(self.bot, self.url, self.secret, self.allowed_updates)
            self.health.state = State.READY
            log.info("webhook set: Telegram posts updates to this process")
            await asyncio.Event().wait()
        finally:  # stopping: what comes now gets 503, and Telegram delivers it again (to another replica, or later)
            self.endpoint.sink = None

    async def confirm(self, unfinished: frozenset[int]) -> None:
        """At stop: say what was acknowledged to Telegram but not handled in time."""
        if unfinished:
            log.warning("%d update(s) not handled in time, and already acknowledged to Telegram: lost", len(unfinished))


async def set_webhook(bot: ExtBot, url: str, secret: str, allowed_updates: Sequence[str]) -> None:
    """setWebhook, retried until it works (or the task is cancelled); a rejected token or URL is fatal.

    Every replica sets the same URL and secret, which is harmless; none deletes it at stop, so the
    others keep receiving (polling mode deletes it at start).
    """
    outage = Outage()
    while True:
        try:
            await bot.set_webhook(url, allowed_updates=list(allowed_updates), secret_token=secret)
            outage.recovered()
            return
        except (InvalidToken, EndPointNotFound):  # the message may hold the token
            raise TokenRejected from None
        except BadRequest as exc:
            raise SettingsError("TELEGRAM_WEBHOOK_URL", f"rejected by the Bot API ({exc})") from None
        except TelegramError as exc:
            await asyncio.sleep(outage.failed(exc))
