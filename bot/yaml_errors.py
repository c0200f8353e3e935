"""PyYAML's parse errors told in plain language, at the line concerned, with a hint only when it applies.

PyYAML says "expected <block end>, but found '?'" where an operator needs "'answer:' is indented
less than 'questions:' on line 3". The error's position and the lines around it say which mistake
it is: a tab, a key out of line with its neighbours, a list item out of line, ': ' inside a value,
a quotation mark or bracket never closed, or text starting with a character YAML reserves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from bot.errors import Problem

_KEY = re.compile(r"^(\s*)(-\s+)?([^\s:#\-\"'\[{][^:#]*?):(\s|$)")
_ITEM = re.compile(r"^(\s*)-(\s|$)")
RESERVED = "*&!%@`|>{"
GENERIC = ("cannot read this line: check that it is lined up with the lines above it (spaces only), and put text "
           "containing ': ' or starting with a special character in quotes")


@dataclass(frozen=True)
class _Line:
    """A line of the file as YAML sees it: its key (if any) and the column where that key starts."""

    number: int
    text: str
    key: str | None
    column: int
    item: bool


def _line(lines: list[str], number: int) -> _Line:
    text = lines[number - 1] if 0 < number <= len(lines) else ""
    match = _KEY.match(text)
    if match:
        return _Line(number, text, match[3].strip(), len(match[1]) + len(match[2] or ""), bool(match[2]))
    item = _ITEM.match(text)
    return _Line(number, text, None, len(item[1]) if item else len(text) - len(text.lstrip()), bool(item))


def _content_above(lines: list[str], number: int, want_key: bool):
    """The nearest line above ``number`` holding a key (or, for list items, any item), skipping blanks and comments."""
    for n in range(number - 1, 0, -1):
        above = _line(lines, n)
        if not above.text.strip() or above.text.lstrip().startswith("#"):
            continue
        if (above.key is not None) if want_key else above.item:
            return above
    return None


def explain(path: str, text: str, exc: yaml.YAMLError) -> Problem:
    """One problem at the line concerned, in words an operator can act on."""
    mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    number = mark.line + 1 if mark is not None else 0
    lines = text.splitlines()
    problem = getattr(exc, "problem", None) or ""
    context = getattr(exc, "context", None) or ""
    opened = context_mark.line + 1 if context_mark is not None else number
    if "'\\t'" in problem:
        return Problem(path, number, "a tab character: YAML needs spaces here; replace the tab with spaces")
    if "quoted scalar" in context and "end of stream" in problem:
        return Problem(path, opened, "a quotation mark opened on this line is never closed")
    if "flow" in context:
        unclosed = "<stream end>" in problem or number > opened and "'?'" not in problem
        return Problem(path, opened if unclosed else number, _flow(context, problem, opened, unclosed))
    here = _line(lines, number)
    reserved = _reserved_start(here.text)
    if reserved or "cannot start any token" in problem:
        char = reserved or problem.split("'")[1]
        return Problem(path, number, f"text cannot start with '{char}' here: put it in quotes (\"…\")")
    if "mapping values are not allowed" in problem:
        return Problem(path, number, _colon(lines, here))
    if "expected <block end>" in problem:
        return Problem(path, number, _block_end(lines, here, problem, context_mark))
    return Problem(path, number, GENERIC)


def _reserved_start(text: str) -> str | None:
    """The reserved character a value on this line starts with, if any (``- *Q?``, ``answer: @bot``)."""
    match = re.match(r"^\s*(?:-\s+)?(?:[^\s:#\"'][^:#]*?:\s+)?(\S)", text)
    return match[1] if match and match[1] in RESERVED else None


def _flow(context: str, problem: str, opened: int, unclosed: bool) -> str:
    bracket = "[" if "sequence" in context else "{"
    closing = "]" if bracket == "[" else "}"
    if "'?'" in problem:
        return (f"a question mark inside {bracket} … {closing} confuses YAML: write one '- question' per line, "
                "or put each question in quotes")
    if unclosed:
        return f"a '{bracket}' opened on line {opened} is never closed with '{closing}'"
    if "':'" in problem:
        return f"a ': ' inside {bracket} … {closing} confuses YAML: put that item in quotes"
    return (f"cannot read the {bracket} … {closing} list opened on line {opened}: write one '- item' per line, "
            "or put each item in quotes")


def _colon(lines: list[str], here: _Line) -> str:
    """``mapping values are not allowed here``: a key indented under another, or ': ' inside a value."""
    above = _content_above(lines, here.number, want_key=True)
    if here.key is not None and above is not None and here.column > above.column and not here.item:
        return _misaligned(here, above)
    return (f"the text after '{here.key}:' contains ': ', which YAML reads as another key: put the whole text in "
            "quotes (\"…\")" if here.key else GENERIC)


def _block_end(lines: list[str], here: _Line, problem: str, context_mark) -> str:
    """``expected <block end>``: a key or list item not lined up with its neighbours, or text after a quote."""
    if "<scalar>" in problem and re.search(r":\s+[\"']", here.text):
        return "text goes on after the closing quotation mark: put all of the text in quotes, or none of it"
    if here.item and here.key is None or "<block sequence start>" in problem:
        above = _content_above(lines, here.number, want_key=False)
        where = f" on line {above.number}" if above else ""
        return f"this '- ' line is not lined up with the '- '{where}: the items of one list start in the same column"
    above = _content_above(lines, here.number, want_key=True)
    if here.key is None or above is None or here.column == above.column:
        return GENERIC
    message = _misaligned(here, above)
    entry_dash = context_mark is not None and context_mark.column == here.column
    if entry_dash and here.column < above.column and here.key in ("id", "questions"):
        message += "; to start a new entry, begin the line with '- '"
    return message


def _misaligned(here: _Line, above: _Line) -> str:
    side = "more" if here.column > above.column else "less"
    return (f"'{here.key}:' is indented {side} than '{above.key}:' on line {above.number}: the keys of one entry "
            "start in the same column")
