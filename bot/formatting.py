"""Answers as Telegram HTML messages: escaped, within 4096 characters, the whole source sentence quoted.

Pure functions, no Telegram import, so they are unit-tested directly. The wording follows the
score: a FAQ answer and a well-covered passage are stated plainly; a weaker passage is offered
as "the closest passage", never as a certain answer. The quotation is the whole sentence with the
answering part in bold; a very long one is shortened around the bold part (``bot.excerpt``).
"""

from __future__ import annotations

import html
import re

from bot.answer import Answer
from bot.excerpt import MAX_QUOTE, excerpt

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


def lead(answer: Answer) -> str:
    """The opening words, as sure as the score allows."""
    if answer.kind == "faq":
        return ""
    if answer.score >= STRONG:
        return "From the article:"
    return "The closest passage I found (it may only partly answer you):"


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


def format_answer(answer: Answer, limit: int = MAX_MESSAGE) -> str:
    """Answer, then the source sentence as a blockquote (its answering part in bold), then the article title
    (linked when known). Too long, the answer text is shortened first, then the quotation around its bold part."""
    if answer.kind == "none" or not answer.source:
        return esc(answer.text)
    title = _title_line(answer)
    tail = f"{quotation(answer)}\n{title}"
    opening = lead(answer)
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


def format_not_found(answer: Answer, has_suggestions: bool) -> str:
    """The honest no-answer, inviting a tap on a suggested question."""
    text = esc(answer.text)
    if has_suggestions:
        text += "\nYou could try one of these:"
    return text


def format_help(titles: list[str], examples: list[str], event: str) -> str:
    """What the bot knows and how to ask it."""
    sources = "\n".join(f"\u2022 {esc(t)}" for t in titles[:10])
    more = f"\n\u2026 and {len(titles) - 10} more" if len(titles) > 10 else ""
    tries = "\n".join(f"\u2022 {esc(q)}" for q in examples)
    return (
        f"I answer questions about <b>{esc(event)}</b> from these articles:\n{sources}{more}\n\n"
        "Every answer quotes the article sentence it comes from. If the articles don't say, I tell you so.\n\n"
        "<b>How to ask</b>\n"
        "\u2022 Here: just type your question.\n"
        "\u2022 In a group: <code>/ask your question</code>, mention me, or reply to my message.\n"
        "\u2022 In any chat: type my @username and your question (inline mode).\n"
        "\u2022 /faq lists the most asked questions.\n\n"
        f"<b>Try</b>\n{tries}"
    )
