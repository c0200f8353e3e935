"""Answers as Telegram HTML messages: escaped, within 4096 characters, the source never shortened.

Pure functions, no Telegram import, so they are unit-tested directly. The wording follows the
score: a FAQ answer and a well-covered passage are stated plainly; a weaker passage is offered
as "the closest passage", never as a certain answer.
"""

from __future__ import annotations

import html
import re

from bot.answer import Answer

MAX_MESSAGE = 4096
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


def format_answer(answer: Answer, limit: int = MAX_MESSAGE) -> str:
    """Answer, then the verbatim source as a blockquote, then the article title (linked when known)."""
    if answer.kind == "none" or not answer.source:
        return esc(answer.text)
    quote = f"<blockquote>{esc(answer.source)}</blockquote>"
    tail = f"{quote}\n{_title_line(answer)}"
    opening = lead(answer)
    body = answer.text if answer.text.strip() != answer.source.strip() else ""
    head = "\n".join(part for part in (f"<b>{esc(opening)}</b>" if opening else "", esc(body)) if part)
    message = f"{head}\n{tail}" if head else tail
    if visible_length(message) <= limit:
        return message
    # Too long: shorten the answer text (the passage), never the source sentence.
    room = limit - visible_length(tail) - visible_length(opening) - 3
    short = _shorten(body, max(room, 0))
    head = "\n".join(part for part in (f"<b>{esc(opening)}</b>" if opening else "", esc(short)) if part)
    message = f"{head}\n{tail}" if head else tail
    if visible_length(message) <= limit:
        return message
    return tail if visible_length(tail) <= limit else esc(_shorten(answer.source, limit))


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
