"""Taking updates from Telegram (getUpdates): only as many as can be handled soon, each parsed on its own.

Why not python-telegram-bot's ``Updater``: it confirms updates as soon as it has queued them, with no
bound on the queue; one update this library version cannot parse makes it fetch the same batch again
and again; and a 401/404 ends its polling task while the process lives on, deaf.

Here:
- ``limit`` is the scheduler's ``room``, so at most ``BACKLOG`` updates are held that Telegram
  considers delivered (an update is confirmed by the next getUpdates asking for a higher offset);
- an update that cannot be parsed is logged once, by id and error type only (its content holds
  personal data), counted and skipped;
- a rejected token (401, or 404 for a malformed one) raises ``TokenRejected``: the bot exits non-zero
  so that a supervisor restarts it and someone notices;
- other failures are retried with backoff and reported by ``Outage``.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections import Counter
from collections.abc import Sequence

import telegram
from telegram import Update
from telegram.error import EndPointNotFound, InvalidToken, TelegramError
from telegram.ext import ExtBot
from telegram.warnings import PTBUserWarning

from bot.telegram.intake import Intake
from bot.telegram.outage import Outage
from bot.telegram.scheduler import Scheduler

log = logging.getLogger(__name__)

POLL_TIMEOUT = 10  # seconds Telegram holds getUpdates open when there is nothing new
READ_MARGIN = 5  # seconds on top of that before the connection counts as dead
MAX_BATCH = 100  # the largest getUpdates limit Telegram accepts
CONFIRM_TIMEOUT = 1.0  # seconds for the last confirmation at stop: grace + this + closing < Docker's 10 s

# The raw JSON is what lets one bad update be skipped; Bot.get_updates parses the batch as a whole.
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.getUpdates'", category=PTBUserWarning)


class TokenRejected(Exception):
    """The Bot API refused the token (401 Unauthorized, or 404 for a malformed one)."""


class Poller:
    """The getUpdates loop. ``offset`` is the next update wanted; Telegram has dropped the updates below
    ``confirmed`` (it answered a call asking for that offset) and may have dropped those below ``reached``
    (a call asking for it was sent: it may have arrived before it failed or was cancelled)."""

    def __init__(self, bot: ExtBot, intake: Intake, scheduler: Scheduler, allowed_updates: Sequence[str],
                 counters: Counter[str]) -> None:
        self.bot, self.intake, self.scheduler = bot, intake, scheduler
        self.allowed_updates, self.counters = list(allowed_updates), counters
        self.offset = 0
        self.confirmed = 0
        self.reached = 0
        self.outage = Outage()

    async def run(self) -> None:
        """Poll until cancelled; raises TokenRejected."""
        while True:
            limit = min(MAX_BATCH, await self.scheduler.wait_for_room())
            try:
                batch = await self._get_updates(limit, POLL_TIMEOUT)
            except (InvalidToken, EndPointNotFound) as exc:
                raise TokenRejected(type(exc).__name__) from None  # the message may hold the token
            except TelegramError as exc:  # network, 5xx, 409 (another instance polling), 429: back off
                await asyncio.sleep(self.outage.failed(exc))
                continue
            self.outage.recovered()
            self._accept(batch)

    async def confirm(self, unfinished: frozenset[int]) -> None:
        """At stop: confirm what was handled, and leave what was not with Telegram when it still has it."""
        kept = {u for u in unfinished if u >= self.reached}
        lost = len(unfinished) - len(kept)
        offset = min(kept, default=self.offset)
        if offset > self.confirmed:
            self.offset = offset
            try:
                await asyncio.wait_for(self._get_updates(1, 0), CONFIRM_TIMEOUT)
            except (TelegramError, TimeoutError) as exc:
                log.warning("could not confirm the last updates (%s): they will be answered again", type(exc).__name__)
        if kept:
            log.warning("%d update(s) not handled in time: left with Telegram for the next start", len(kept))
        if lost:
            log.warning("%d update(s) not handled in time, and already taken from Telegram: lost", lost)

    async def _get_updates(self, limit: int, timeout: int) -> list:
        offset = self.offset
        self.reached = max(self.reached, offset)
        result = await self.bot.do_api_request(
            "getUpdates", api_kwargs={"offset": offset, "limit": limit, "timeout": timeout,
                                      "allowed_updates": self.allowed_updates},
            read_timeout=timeout + READ_MARGIN)
        self.confirmed = max(self.confirmed, offset)
        return result if isinstance(result, list) else []

    def _accept(self, batch: list) -> None:
        for raw in batch:
            update_id = raw.get("update_id") if isinstance(raw, dict) else None
            if not isinstance(update_id, int) or update_id < self.offset:
                continue
            self.offset = update_id + 1
            update = read_update(raw, update_id, self.bot, self.counters)
            if update is not None:
                self.intake.accept(update)


def read_update(raw: dict, update_id: int, bot: ExtBot, counters: Counter[str]) -> Update | None:
    """The update, or None (logged by id and error type, counted) when this library version cannot read it."""
    try:
        return Update.de_json(raw, bot)
    except Exception as exc:  # whatever the library trips on, skip this one update and go on
        log.warning("update %d cannot be read by python-telegram-bot %s (%s): skipped", update_id,
                    telegram.__version__, type(exc).__name__)
        counters["unreadable_updates"] += 1
        return None
