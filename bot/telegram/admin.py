"""The admins' commands (/stats, /missed, /reload) and what the bot tells admins by itself.

Admins are the users listed in ``ADMIN_IDS``. Their commands answer only them, in their private
chat with the bot; for anyone else they do nothing visible, like any unknown command, and they
appear only in the admins' own command menus (a per-chat command scope each). The bot messages
the admins when it starts with a part left out, and when a reload leaves something out or is
refused, with every problem as ``file:line``.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot, BotCommandScopeChat, Update
from telegram.error import TelegramError
from telegram.ext import CommandHandler, filters

from bot.errors import Problem
from bot.formatting import MAX_MESSAGE, STRONG, esc
from bot.grouping import group
from bot.holder import Outcome, ReloadResult
from bot.i18n import ENGLISH, Msg, Texts
from bot.report import render_totals
from bot.settings import Settings
from bot.telegram.context import BotApp, BotData, Context
from bot.telegram.language import menu, menus, texts_of

log = logging.getLogger("bot")

ADMIN_COMMANDS = menu(admin=True)[len(menu()):]  # English; each admin's menu is registered in each language
MISSED_SHOWN = 10
PROBLEMS_SHOWN = 15


def register(app: BotApp) -> None:
    """Add the admin commands, answering only the admins in their private chats (none without ADMIN_IDS)."""
    admin_ids = app.bot_data.settings.admin_ids
    if not admin_ids:
        return
    only_admins = filters.ChatType.PRIVATE & filters.User(user_id=admin_ids) & filters.UpdateType.MESSAGE
    for name, handler in (("stats", stats), ("missed", missed), ("reload", reload)):
        app.add_handler(CommandHandler(name, handler, filters=only_admins))


async def on_start(app: BotApp) -> None:
    """Give each admin the admin menu, and tell them about any part left out at start."""
    for number, admin_id in enumerate(app.bot_data.settings.admin_ids, start=1):
        try:
            for language_code, commands in menus(admin=True):
                await app.bot.set_my_commands(commands, scope=BotCommandScopeChat(admin_id),
                                              language_code=language_code)
        except TelegramError as exc:
            log.warning("admin %d of ADMIN_IDS: cannot set their command menu (%s); have they started the bot?",
                        number, exc)
    warnings = app.bot_data.kb.warnings
    if warnings:
        await notify(app.bot, app.bot_data.settings, problems_message(ENGLISH(Msg.RELOAD_STARTED_LEFT_OUT), warnings,
                                                                      _serving(app, ENGLISH)))


def _count(data: BotData, result: ReloadResult) -> bool:
    """Count a reload; True when admins should hear of it (refused, or something left out)."""
    key = {Outcome.REFUSED: "reloads_refused", Outcome.RELOADED: "reloads"}.get(result.outcome)
    if key:
        data.counters[key] += 1
    return result.outcome == Outcome.REFUSED or result.outcome == Outcome.RELOADED and bool(result.problems)


async def after_reload(app: BotApp, result: ReloadResult) -> None:
    """After an automatic reload: count it, and tell the admins when it was refused or left something out (in
    English: a message the bot sends by itself does not know its reader's language)."""
    if _count(app.bot_data, result):
        await notify(app.bot, app.bot_data.settings, reload_message(result, ENGLISH, _serving(app, ENGLISH)))


async def notify(bot: Bot, settings: Settings, text: str, skip: int | None = None) -> None:
    """Message every admin (but ``skip``); one who cannot be reached is logged by position in ADMIN_IDS, not id."""
    for number, admin_id in enumerate(settings.admin_ids, start=1):
        if admin_id == skip:
            continue
        try:
            await bot.send_message(admin_id, text)
        except TelegramError as exc:
            log.warning("admin %d of ADMIN_IDS: cannot be told (%s); have they started the bot?", number, exc)


def _serving(app: BotApp, tr: Texts) -> str:
    kb = app.bot_data.kb
    return tr(Msg.SERVING, articles=len(kb.corpus.documents), entries=len(kb.faq.entries) if kb.faq else 0)


def problems_message(title: str, problems: tuple[Problem, ...] | list[Problem], serving: str,
                     tr: Texts = ENGLISH) -> str:
    """A bold title, what is in service, and the problems one per line (as many as fit a message)."""
    lines = [f"<b>{esc(title)}</b>. {esc(tr(Msg.IN_SERVICE, serving=serving))}"]
    for problem in problems[:PROBLEMS_SHOWN]:
        line = f"<code>{esc(str(problem))}</code>"
        if sum(len(x) + 1 for x in lines) + len(line) > MAX_MESSAGE - 100:
            break
        lines.append(line)
    if len(lines) - 1 < len(problems):
        lines.append(tr(Msg.PROBLEMS_MORE, count=len(problems) - len(lines) + 1))
    return "\n".join(lines)


def reload_message(result: ReloadResult, tr: Texts = ENGLISH, serving: str = "") -> str:
    """What a reload did, for an admin; ``serving`` says what is in service now (the result's own summary
    when not given)."""
    serving = serving or result.summary
    if result.outcome == Outcome.REFUSED:
        return problems_message(tr(Msg.RELOAD_REFUSED), result.problems, serving, tr)
    if result.outcome == Outcome.UNSETTLED:
        return esc(tr(Msg.RELOAD_UNSETTLED))
    if result.problems:
        return problems_message(tr(Msg.RELOAD_LEFT_OUT), result.problems, serving, tr)
    return f"<b>{esc(tr(Msg.RELOAD_DONE))}</b>. {esc(tr(Msg.IN_SERVICE, serving=serving))}"


async def stats(update: Update, context: Context) -> None:
    """/stats (admins): store totals and this process's counters."""
    data = context.bot_data
    tr = texts_of(update.effective_user)
    lines = [f"<b>{esc(tr(Msg.STATS_TITLE))}</b>"]
    if data.store is not None:
        totals = await data.store.call(data.store.store.totals, 0.0)
        lines += [esc(line) for line in render_totals(totals, tr)]
    else:
        lines.append(esc(tr(Msg.STATS_OFF)))
    counters = " \u00b7 ".join(f"{k} {n}" for k, n in sorted(data.counters.items())) or tr(Msg.STATS_NOTHING)
    lines += ["", f"<b>{esc(tr(Msg.STATS_SINCE_START))}</b>: {esc(counters)}"]
    await update.effective_message.reply_text("\n".join(lines))


async def missed(update: Update, context: Context) -> None:
    """/missed (admins): the most asked questions the bot missed or answered weakly."""
    data = context.bot_data
    tr = texts_of(update.effective_user)
    if data.store is None:
        await update.effective_message.reply_text(esc(tr(Msg.MISSED_OFF)))
        return
    rows = await data.store.call(data.store.store.weak, 0.0, STRONG)
    groups = (await asyncio.to_thread(group, [r.question for r in rows]))[:MISSED_SHOWN]  # seconds at the cap
    if not groups:
        await update.effective_message.reply_text(esc(tr(Msg.MISSED_NONE)))
        return
    lines = [f"<b>{esc(tr(Msg.MISSED_TITLE))}</b>"]
    lines += [f"{g.count}\u00d7 {esc(g.wording)}" for g in groups]
    lines += ["", tr(Msg.MISSED_DETAILS)]
    await update.effective_message.reply_text("\n".join(lines))


async def reload(update: Update, context: Context) -> None:
    """/reload (admins): reload the articles and the FAQ now and say what happened, problems as file:line."""
    result = await asyncio.to_thread(context.bot_data.holder.reload_now)
    tr = texts_of(update.effective_user)
    await update.effective_message.reply_text(reload_message(result, tr, _serving(context.application, tr)))
    if _count(context.bot_data, result):  # the other admins hear of it as of an automatic reload (in English)
        await notify(context.bot, context.bot_data.settings,
                     reload_message(result, ENGLISH, _serving(context.application, ENGLISH)),
                     skip=update.effective_user.id)
