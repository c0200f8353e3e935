"""Delivery that survives a bad network: a reply is retried with backoff when the network fails, not dropped.

python-telegram-bot hands every API call to the rate limiter; this one wraps ``AIORateLimiter`` (which
keeps Telegram's 30 messages/s and waits out a 429) and retries what the bot delivers (``send*``,
``answer*``, ``edit*``) when it fails for a reason that may pass: a dropped connection, a timeout, a
5xx. Permanent refusals give up at once: 400 Bad Request, 403 (the user blocked the bot), a migrated
chat, a rejected token. A retried send runs in its chat's own worker, so only that chat waits.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError, TelegramError
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

FIRST_DELAY = 0.5  # seconds before the first retry; doubled each time
MAX_DELAY = 8.0
GIVE_UP_AFTER = 30.0  # seconds after the first attempt; a callback query expires about then anyway
DELIVERIES = ("send", "answer", "edit")  # endpoint prefixes of what users see

Call = Callable[..., Coroutine[Any, Any, bool | dict | list[dict]]]


def is_transient(error: BaseException) -> bool:
    """Network failures that may pass; BadRequest is a NetworkError in python-telegram-bot but never passes."""
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


class RetryingRateLimiter(BaseRateLimiter[int]):
    """``inner`` (the rate limiter proper), with deliveries retried on transient failures."""

    def __init__(self, inner: BaseRateLimiter, counters: Counter[str], give_up_after: float = GIVE_UP_AFTER,
                 first_delay: float = FIRST_DELAY) -> None:
        self.inner, self.counters = inner, counters
        self.give_up_after, self.first_delay = give_up_after, first_delay

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

    async def process_request(self, callback: Call, args: Any, kwargs: dict[str, Any], endpoint: str,
                              data: dict[str, Any], rate_limit_args: int | None) -> bool | dict | list[dict]:
        if not endpoint.startswith(DELIVERIES):
            return await self.inner.process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
        deadline = time.monotonic() + self.give_up_after
        delay = self.first_delay
        while True:
            try:
                return await self.inner.process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except TelegramError as exc:
                if not is_transient(exc) or time.monotonic() + delay > deadline:
                    raise
                log.debug("%s failed (%s); retrying in %.1f s", endpoint, type(exc).__name__, delay)
                self.counters["send_retried"] += 1
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_DELAY)
