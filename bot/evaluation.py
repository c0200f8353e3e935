"""Scoring a question file (``q`` + ``expect`` phrases or ``none``) against the engine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.answer import Answer
from bot.errors import InputError, Problem
from bot.text import fold


@dataclass(frozen=True)
class EvalQuestion:
    question: str
    expect: tuple[str, ...] | None  # None: the article cannot answer it
    line: int
    article: str = ""  # the bank's optional labels: which article, what kind of question, what answer type
    kind: str = ""
    type: str = ""
    entry: str = ""  # regression questions (faq_tests.yaml): the FAQ entry that must answer


@dataclass(frozen=True)
class EvalResult:
    item: EvalQuestion
    answer: Answer
    ok: bool


def normalize(text: str) -> str:
    """Case, quotes, dashes and whitespace folded, as the eval format specifies."""
    return " ".join(fold(text).replace("...", " ").split())


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read an eval file; malformed ones raise InputError with file and line."""
    name = str(path)
    if not path.is_file():
        raise InputError(Problem(name, 0, "question file not found"))
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except UnicodeDecodeError:
        raise InputError(Problem(name, 0, "not valid UTF-8 text")) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = Problem(name, mark.line + 1 if mark else 0, f"invalid YAML: {getattr(exc, 'problem', exc)}")
        raise InputError(problem) from None
    if not isinstance(root, yaml.MappingNode):
        raise InputError(Problem(name, 1, "expected a mapping with a 'questions:' list"))
    nodes = {k.value: v for k, v in root.value}
    listing = nodes.get("questions")
    if not isinstance(listing, yaml.SequenceNode):
        raise InputError(Problem(name, 1, "expected a 'questions:' list"))
    items = []
    for node in listing.value:
        line = node.start_mark.line + 1
        data = _construct(node)
        if not isinstance(data, dict) or not isinstance(data.get("q"), str) or "expect" not in data:
            raise InputError(Problem(name, line, "each question needs 'q' (text) and 'expect' (phrases or none)"))
        expect = data["expect"]
        labels = {k: str(data.get(k) or "") for k in ("article", "kind", "type", "entry")}
        if expect is None or expect == "none":
            items.append(EvalQuestion(data["q"], None, line, **labels))
        elif isinstance(expect, list) and expect and all(isinstance(e, str) for e in expect):
            items.append(EvalQuestion(data["q"], tuple(expect), line, **labels))
        else:
            raise InputError(Problem(name, line, "'expect' must be a list of phrases or none"))
    return items


def _construct(node: yaml.Node):
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def judge(item: EvalQuestion, answer: Answer) -> bool:
    """In scope: the source sentence holds an expected phrase. Out of scope: no answer given."""
    if item.expect is None:
        return answer.kind == "none"
    if answer.kind == "none" or not answer.source:
        return False
    if item.entry and (answer.kind != "faq" or answer.entry_id != item.entry):
        return False
    return judge_source(item, answer.source)


def judge_source(item: EvalQuestion, source: str) -> bool:
    """The source sentence holds one of the expected phrases."""
    folded = normalize(source)
    return any(normalize(phrase) in folded for phrase in item.expect or ())


def evaluate(items: list[EvalQuestion], ask: Callable[[str], Answer]) -> list[EvalResult]:
    return [EvalResult(item, answer := ask(item.question), judge(item, answer)) for item in items]


def summary(results: list[EvalResult]) -> tuple[int, int, int, int]:
    """(in-scope hits, in-scope total, out-of-scope rejected, out-of-scope total)."""
    inside = [r for r in results if r.item.expect is not None]
    outside = [r for r in results if r.item.expect is None]
    return sum(r.ok for r in inside), len(inside), sum(r.ok for r in outside), len(outside)


def summary_line(results: list[EvalResult]) -> str:
    hits, total, rejected, out_total = summary(results)
    return (f"in-scope hits: {hits}/{total} ({100 * hits / max(total, 1):.1f}%)  "
            f"out-of-scope rejected: {rejected}/{out_total} ({100 * rejected / max(out_total, 1):.1f}%)")


CONFIDENCE_BINS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def reliability_lines(results: list[EvalResult], edges: tuple[float, ...] = CONFIDENCE_BINS) -> list[str]:
    """How often the answers given were right, by confidence: "0.8-0.9: 25/32 right (78%)"."""
    lines = []
    for low, high in zip(edges, edges[1:], strict=False):
        given = [r for r in results if r.answer.kind != "none" and low <= r.answer.score < high + (high == 1.0)]
        if given:
            right = sum(r.ok for r in given)
            share = 100 * right / len(given)
            lines.append(f"confidence {low:.1f}-{high:.1f}: {right}/{len(given)} right ({share:.0f}%)")
    return lines

