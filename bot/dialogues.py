"""Scoring conversations: each one's turns asked in order, the last judged like an eval question.

A conversation file has a ``conversations:`` list; each item has ``turns`` (two or more messages,
the first self-contained) and ``expect`` (phrases the last turn's source must hold, or ``none`` when
the articles cannot answer it), plus optional labels. Turns are answered with
``answer_in_context``, each read against the exchange before it, as in a chat.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.answer import Answer, answer_in_context
from bot.conversation import Turn
from bot.errors import InputError, Problem
from bot.evaluation import EvalQuestion, judge
from bot.knowledge import KnowledgeBase


@dataclass(frozen=True)
class Conversation:
    """Turns asked in order; ``expect`` judges the last one (None: it must be declined)."""

    turns: tuple[str, ...]
    expect: tuple[str, ...] | None
    line: int
    article: str = ""


@dataclass(frozen=True)
class DialogueResult:
    """How the last turn was understood and answered, and whether that is right."""

    conversation: Conversation
    understood_as: str
    answer: Answer
    ok: bool


def load_conversations(path: Path) -> list[Conversation]:
    """Read a conversation file; a malformed one raises InputError with file and line."""
    name = str(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError):
        raise InputError(Problem(name, 0, "cannot read the conversation file (missing, or not UTF-8)")) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(Problem(name, mark.line + 1 if mark else 0, f"invalid YAML: {exc}")) from None
    nodes = {k.value: v for k, v in root.value} if isinstance(root, yaml.MappingNode) else {}
    listing = nodes.get("conversations")
    if not isinstance(listing, yaml.SequenceNode):
        raise InputError(Problem(name, 1, "expected a 'conversations:' list"))
    return [_conversation(name, node) for node in listing.value]


def _conversation(name: str, node: yaml.Node) -> Conversation:
    line = node.start_mark.line + 1
    data = yaml.SafeLoader("").construct_object(node, deep=True)
    turns = data.get("turns") if isinstance(data, dict) else None
    if not isinstance(turns, list) or len(turns) < 2 or not all(isinstance(t, str) and t.strip() for t in turns):
        raise InputError(Problem(name, line, "each conversation needs 'turns': two or more messages"))
    expect = data.get("expect")
    if expect is None or expect == "none":
        return Conversation(tuple(turns), None, line, str(data.get("article") or ""))
    if isinstance(expect, list) and expect and all(isinstance(e, str) for e in expect):
        return Conversation(tuple(turns), tuple(expect), line, str(data.get("article") or ""))
    raise InputError(Problem(name, line, "'expect' must be a list of phrases or none"))


def converse(kb: KnowledgeBase, turns: tuple[str, ...] | list[str]) -> list[tuple[str, Answer]]:
    """Each turn as understood and answered, each read against the exchange before it."""
    previous: Turn | None = None
    out = []
    for message in turns:
        result, resolution, previous = answer_in_context(kb, message, previous)
        out.append((resolution.text, result))
    return out


def evaluate_conversations(items: list[Conversation],
                           run: Callable[[tuple[str, ...]], list[tuple[str, Answer]]]) -> list[DialogueResult]:
    """Judge the last turn of each conversation as ``bot.evaluation.judge`` judges a question."""
    results = []
    for item in items:
        understood, last = run(item.turns)[-1]
        ok = judge(EvalQuestion(item.turns[-1], item.expect, item.line), last)
        results.append(DialogueResult(item, understood, last, ok))
    return results


def dialogue_summary(results: list[DialogueResult]) -> tuple[int, int, int, int]:
    """(answerable follow-ups right, answerable total, unanswerable declined, unanswerable total)."""
    inside = [r for r in results if r.conversation.expect is not None]
    outside = [r for r in results if r.conversation.expect is None]
    return sum(r.ok for r in inside), len(inside), sum(r.ok for r in outside), len(outside)
