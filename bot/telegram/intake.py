"""From a fetched update to a job in its chat's queue: where it belongs, whether it is a question, flood control.

Only questions count against a user's flood limit and a group's budget: a group message that does
not address the bot is still handed to the handlers (which ignore it) but costs nothing, and nobody
is told to slow down for talking to other people. Over the limit, a user gets one "slow down" and
the rest is dropped and counted in ``counters["flood_dropped"]``; a button press is always
answered, so that no one's app is left with a spinner.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from functools import partial

from telegram import Update, User
from telegram.constants import ChatType
from telegram.error import TelegramError

from bot.formatting import esc
from bot.i18n import ENGLISH, Msg
from bot.telegram.context import BotApp
from bot.telegram.language import texts_of
from bot.telegram.limits import FloodControl, Verdict
from bot.telegram.scheduler import Job, Scheduler

log = logging.getLogger(__name__)

SLOW_DOWN = ENGLISH(Msg.SLOW_DOWN)  # in the user's language when Telegram says it (bot/locales)
BUTTON_SLOW_DOWN = ENGLISH(Msg.BUTTON_SLOW_DOWN)
GROUPS = (ChatType.GROUP, ChatType.SUPERGROUP)


@dataclass(frozen=True)
class Route:
    """Where an update goes: its chat's queue, who asked (for flood control), whether it spends group budget."""

    chat: Hashable
    asker: Hashable | None  # None: not a question (flood control does not apply)
    in_group: bool


def addressed(update: Update, me: User) -> bool:
    """Whether the update asks the bot something (a private message, a command, a mention, a reply, a button)."""
    if update.callback_query is not None or update.inline_query is not None:
        return True
    message = update.message
    if message is None:  # edited messages and the like are never answered
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    text = (message.text or "").lower()
    if text.startswith("/"):
        target = text.split(maxsplit=1)[0].partition("@")[2]
        return not target or target == (me.username or "").lower()
    if me.username and f"@{me.username.lower()}" in text:
        return True
    replied = message.reply_to_message
    return replied is not None and replied.from_user is not None and replied.from_user.id == me.id


def route(update: Update, me: User) -> Route:
    chat, user = update.effective_chat, update.effective_user
    key: Hashable = chat.id if chat else ("user", user.id) if user else ("update", update.update_id)
    if not addressed(update, me) or update.inline_query is not None:  # inline queries come with every keystroke
        return Route(key, None, False)
    return Route(key, user.id if user else key, chat is not None and chat.type in GROUPS)


class Intake:
    """Turns each update into a job for the scheduler, or into a notice, or drops it (counted)."""

    def __init__(self, app: BotApp, scheduler: Scheduler, flood: FloodControl | None = None) -> None:
        self.app, self.scheduler = app, scheduler
        self.flood = flood if flood is not None else FloodControl()
        self.counters: Counter[str] = app.bot_data.counters

    def accept(self, update: Update) -> None:
        where = route(update, self.app.bot.bot)
        verdict = self.flood.check(where.asker) if where.asker is not None else Verdict.ALLOW
        if verdict is Verdict.ALLOW:
            job = Job(update.update_id, where.chat, partial(self.app.process_update, update), where.in_group)
            if self.scheduler.submit(job):
                return
            self.counters["backlog_dropped"] += 1
        else:
            self.counters["flood_dropped"] += 1
        notice = self._notice(update, where, verdict)
        if notice is not None:
            self.scheduler.submit(notice, force=True)

    def _notice(self, update: Update, where: Route, verdict: Verdict) -> Job | None:
        """A button press always gets an answer; a message gets "slow down" once per flood."""
        if update.callback_query is not None:
            return Job(update.update_id, where.chat, partial(_answer_button, update))
        if verdict is Verdict.NOTIFY and update.message is not None:
            return Job(update.update_id, where.chat, partial(_slow_down, update), where.in_group)
        return None


async def _answer_button(update: Update) -> None:
    try:
        await update.callback_query.answer(texts_of(update.callback_query.from_user)(Msg.BUTTON_SLOW_DOWN))
    except TelegramError as exc:
        log.info("update %s: button not answered (%s)", update.update_id, type(exc).__name__)


async def _slow_down(update: Update) -> None:
    message = update.message
    try:
        await message.reply_text(esc(texts_of(message.from_user, message.text or "")(Msg.SLOW_DOWN)),
                                 do_quote=message.chat.type in GROUPS)
    except TelegramError as exc:
        log.info("update %s: slow-down notice not sent (%s)", update.update_id, type(exc).__name__)
