"""Answers as Telegram HTML messages: escaped, within 4096 characters, the whole source sentence quoted.

Pure functions, no Telegram import, so they are unit-tested directly. The wording follows the
score: a FAQ answer and a well-covered passage are stated plainly; a weaker passage is offered
as "the closest passage", never as a certain answer. The quotation is the whole sentence with the
answering part in bold; a very long one is shortened around the bold part (``bot.excerpt``).
"""

from __future__ import annotations

import html
import re

from bot.answer import NOT_FOUND, TALK, Answer, Reason
from bot.excerpt import MAX_QUOTE, excerpt
from bot.i18n import ENGLISH, Msg, Texts

MAX_MESSAGE = 4096
MAX_DESCRIPTION = 200  # an inline result's preview line
STRONG = 0.8  # passage confidence from which it is presented as the answer rather than the closest match
_TAG = re.compile(r"<[^>]+>")
OPENING_QUOTES = "\u201c\"'\u2018\u00ab\u201e"
CLOSING_QUOTES = "\u201d\"'\u2019\u00bb"


def esc(text: str) -> str:
    """Escape text for Telegram HTML: ``<``, ``>`` and ``&`` (quotes stay readable)."""
    return html.escape(text, quote=False)


def esc_attr(text: str) -> str:
    """Escape an attribute value (an href), quotes included."""
    return html.escape(text, quote=True)


def visible_length(message: str) -> int:
    """Length Telegram counts: text after tags and entities, in UTF-16 code units."""
    text = html.unescape(_TAG.sub("", message))
    return len(text.encode("utf-16-le")) // 2


def quoted(source: str) -> str:
    """Plain text in quotation marks, unless it opens or closes with its own (never \u201c\u201c\u2026)."""
    if source[:1] in OPENING_QUOTES or source[-1:] in CLOSING_QUOTES:
        return source
    return f"\u201c{source}\u201d"


def _title_line(answer: Answer) -> str:
    title = esc(answer.document or "")
    if answer.url:
        return f'\u2014 <a href="{esc_attr(answer.url)}">{title}</a>'
    return f"\u2014 <i>{title}</i>"


def lead(answer: Answer, tr: Texts = ENGLISH) -> str:
    """The opening words, as sure as the score allows."""
    if answer.kind == "faq":
        return ""
    return tr(Msg.LEAD_STRONG) if answer.score >= STRONG else tr(Msg.LEAD_PARTIAL)


def event_name(configured: str, default: str, tr: Texts) -> str:
    """The event as the help and greetings name it: the operator's BOT_EVENT_NAME as written, or ours
    in the user's language."""
    return tr(Msg.EVENT) if configured == default else configured


def none_text(answer: Answer, tr: Texts = ENGLISH, event: str = "") -> str:
    """Why there is no answer (or the small-talk reply), in the user's language."""
    if answer.talk is not None:
        return tr(TALK[answer.talk], event=event or tr(Msg.EVENT))
    if answer.reason == Reason.EMPTY:
        return tr(Msg.EMPTY)
    if answer.reason == Reason.VAGUE:
        return tr(Msg.VAGUE)
    if answer.reason == Reason.FOREIGN:
        return tr(Msg.NOT_FOUND_TRANSLATED) if _cyrillic(answer.question) else tr(Msg.FOREIGN)
    return tr(Msg.NOT_FOUND) if answer.text == NOT_FOUND else tr(Msg.NOT_FOUND_MANY)


def _cyrillic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum("\u0400" <= c <= "\u04ff" for c in letters) * 2 > len(letters)


def quotation(answer: Answer, room: int = MAX_QUOTE) -> str:
    """The source as a blockquote, the answering part in bold, shortened around it past ``room`` units."""
    part = excerpt(answer.source or "", answer.highlight, room)
    bold = f"<b>{esc(part.marked)}</b>" if part.marked else ""
    return f"<blockquote>{esc(part.before)}{bold}{esc(part.after)}</blockquote>"


def preview(answer: Answer, room: int = MAX_DESCRIPTION) -> str:
    """Plain text of the quotation around its highlight (an inline result's description)."""
    if not answer.source:
        return _shorten(answer.text, room)
    return excerpt(answer.source, answer.highlight, room).text


def _compose(opening: str, body: str, tail: str) -> str:
    head = "\n".join(part for part in (f"<b>{esc(opening)}</b>" if opening else "", esc(body)) if part)
    return f"{head}\n{tail}" if head else tail


def format_answer(answer: Answer, limit: int = MAX_MESSAGE, tr: Texts = ENGLISH, understood: str = "") -> str:
    """Answer, then the source sentence as a blockquote (its answering part in bold), then the article title
    (linked when known). Too long, the answer text is shortened first, then the quotation around its bold part.

    ``understood``: a follow-up as the bot read it, shown first in brackets; a question asked in Russian or
    Kazakh gets a line saying that the quotation is the English article's own words.
    """
    top = f"<i>({esc(understood)})</i>\n" if understood else ""
    if answer.kind == "none" or not answer.source:
        return top + esc(none_text(answer, tr) if answer.kind == "none" else answer.text)
    note = f"\n<i>{esc(tr(Msg.ENGLISH_SOURCE))}</i>" if _cyrillic(answer.question) else ""
    return top + _format_sourced(answer, limit - visible_length(top + note), tr) + note


def _format_sourced(answer: Answer, limit: int, tr: Texts) -> str:
    title = _title_line(answer)
    tail = f"{quotation(answer)}\n{title}"
    opening = lead(answer, tr)
    body = answer.text if " ".join(answer.text.split()) != " ".join(answer.source.split()) else ""
    message = _compose(opening, body, tail)
    if visible_length(message) <= limit:
        return message
    room = limit - visible_length(tail) - visible_length(opening) - 3
    message = _compose(opening, _shorten(body, max(room, 0)), tail)
    if visible_length(message) <= limit:
        return message
    tail = f"{quotation(answer, limit - visible_length(title) - 1)}\n{title}"
    if visible_length(tail) <= limit:
        return tail
    return esc(_shorten(answer.source, limit))  # only a highlight longer than a message gets here


def format_alternatives(found: list[Answer], header: str, tr: Texts = ENGLISH) -> str:
    """"Not what you meant?": each passage's source sentence quoted (highlighted like an answer) with its
    article, under ``header``; a question in Russian or Kazakh gets the line about English articles."""
    note = f"\n<i>{esc(tr(Msg.ENGLISH_SOURCE))}</i>" if found and _cyrillic(found[0].question) else ""
    head = f"<b>{esc(header)}</b>"
    room = (MAX_MESSAGE - visible_length(head + note)) // max(len(found), 1) - 4
    parts = []
    for answer in found:
        title = _title_line(answer)
        parts.append(f"{quotation(answer, min(MAX_QUOTE, room - visible_length(title) - 1))}\n{title}")
    return "\n\n".join([head, *parts]) + note


def _shorten(text: str, room: int) -> str:
    """Cut ``text`` at a word boundary to fit ``room`` UTF-16 units, with an ellipsis."""
    if room <= 1:
        return ""
    if len(text.encode("utf-16-le")) // 2 <= room:
        return text
    cut = text[: room - 1]
    while len(cut.encode("utf-16-le")) // 2 > room - 1:
        cut = cut[:-1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "\u2026"


def format_not_found(answer: Answer, has_suggestions: bool, tr: Texts = ENGLISH, event: str = "",
                     understood: str = "") -> str:
    """The honest no-answer (or the small-talk reply), inviting a tap on a suggested question."""
    text = (f"<i>({esc(understood)})</i>\n" if understood else "") + esc(none_text(answer, tr, event))
    if has_suggestions:
        text += "\n" + esc(tr(Msg.TRY_THESE))
    return text


def format_help(titles: list[str], examples: list[str], event: str, tr: Texts = ENGLISH) -> str:
    """What the bot knows and how to ask it."""
    sources = "\n".join(f"\u2022 {esc(t)}" for t in titles[:10])
    more = f"\n{esc(tr.count(Msg.HELP_MORE, len(titles) - 10))}" if len(titles) > 10 else ""
    tries = "\n".join(f"\u2022 {esc(q)}" for q in examples)
    how = "\n".join(f"\u2022 {tr(key)}" for key in (Msg.HELP_HERE, Msg.HELP_GROUP, Msg.HELP_INLINE, Msg.HELP_FAQ,
                                                     Msg.HELP_FOLLOWUP, Msg.HELP_LANGUAGES))
    return (f"{tr(Msg.HELP_INTRO, event=esc(event))}\n{sources}{more}\n\n{esc(tr(Msg.HELP_QUOTES))}\n\n"
            f"<b>{esc(tr(Msg.HELP_HOW))}</b>\n{how}\n\n<b>{esc(tr(Msg.HELP_TRY))}</b>\n{tries}")
