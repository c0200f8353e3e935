"""The language a user is answered in, and the command menus in each language.

Telegram tells each update's user's app language (``language_code``); ``bot.i18n.choose`` keeps
Russian and Kazakh, reads a Cyrillic message as Russian or Kazakh when the app language is
another, and falls back to English. Telegram shows each user the command menu registered for
their language (``set_my_commands(language_code=...)``), English for everyone else.
"""

from __future__ import annotations

from telegram import BotCommand, User

from bot.i18n import ENGLISH, Language, Msg, Texts, texts_for

MENU = (("ask", Msg.COMMAND_ASK), ("faq", Msg.COMMAND_FAQ), ("help", Msg.COMMAND_HELP))
ADMIN_MENU = (("stats", Msg.COMMAND_STATS), ("missed", Msg.COMMAND_MISSED), ("reload", Msg.COMMAND_RELOAD))


def texts_of(user: User | None, text: str = "") -> Texts:
    """The bot's words for this user (and this message of theirs)."""
    return texts_for(user.language_code if user is not None else None, text)


def menu(tr: Texts = ENGLISH, admin: bool = False) -> list[BotCommand]:
    """The command menu in one language (with the admins' commands for an admin)."""
    return [BotCommand(name, tr(key)) for name, key in MENU + (ADMIN_MENU if admin else ())]


def menus(admin: bool = False) -> list[tuple[str | None, list[BotCommand]]]:
    """Each language's menu, keyed by the ``language_code`` to register it for (None: everyone else)."""
    return [(None if language == Language.EN else language.value, menu(Texts(language), admin))
            for language in Language]
