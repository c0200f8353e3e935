"""What ``check`` verifies beyond a well-formed corpus and FAQ: how the FAQ changes the answers.

- Each phrasing must be answered by its own entry; when another entry wins it, both are named.
- The operator's regression questions (``faq_tests.yaml`` beside the FAQ, ``--questions FILE``; the
  format of ``eval/dev_questions.yaml``) must still get a source holding an expected phrase, or no
  answer for ``expect: none``. A failure is an error.
- An entry that takes a question from another entry, or whose capture breaks a question the
  articles answered, is found by answering again without that entry, and the loser is named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from bot.answer import Answer, Kind, answer
from bot.errors import Problem
from bot.evaluation import EvalQuestion, judge
from bot.knowledge import KnowledgeBase, without_entry

SHOWN = 90  # characters of a source shown in a message
_JOINED = re.compile(r"\?\s+-\s+\S")  # "What? - Who?": two questions read as one


@dataclass
class Findings:
    """Errors (check fails) and warnings (check passes, the operator should look)."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def _shown(got: Answer) -> str:
    source = " ".join((got.source or "").split())
    source = source if len(source) <= SHOWN else source[: SHOWN - 1].rstrip() + "\u2026"
    if got.kind == Kind.FAQ:
        return f"entry '{got.entry_id}' (\u201c{source}\u201d)"
    if got.kind == Kind.PASSAGE:
        return f"the passage \u201c{source}\u201d"
    return f"no answer ({got.reason})"


def check_phrasings(kb: KnowledgeBase, findings: Findings) -> None:
    """Warn about each phrasing not answered by its own entry, naming the entry that takes it."""
    if kb.faq is None:
        return
    lines = {e.id: e.line for e in kb.faq.entries}
    for entry in kb.faq.entries:
        for question, line in zip(entry.questions, entry.question_lines or repeat(entry.line), strict=False):
            if _JOINED.search(question):
                findings.warnings.append(Problem(kb.faq.path, line, f"warning: '{question}' looks like two questions "
                                                 "joined: is its '- ' line indented more than the one above?"))
            got = answer(kb, question)
            if got.kind == Kind.FAQ and got.entry_id == entry.id:
                continue
            taken = (f"is answered by entry '{got.entry_id}' (line {lines[got.entry_id]}) instead"
                     if got.kind == Kind.FAQ else "is not matched confidently")
            findings.warnings.append(Problem(kb.faq.path, line, f"warning: phrasing '{question}' of entry "
                                             f"'{entry.id}' {taken}"))


def check_questions(kb: KnowledgeBase, path: Path, items: list[EvalQuestion], findings: Findings) -> None:
    """Run the operator's regression questions; name the entry that took a question and who had it before."""
    bases: dict[str, KnowledgeBase] = {}  # one base without each entry that answered something
    for item in items:
        got = answer(kb, item.question)
        ok = judge(item, got)
        before = _without(kb, got, item.question, bases)
        if not ok:
            wanted = ("should get no answer" if item.expect is None else f"expects entry '{item.entry}'"
                      if item.entry else "expects a source holding " + " or ".join(f"'{e}'" for e in item.expect))
            lost = f"; without that entry, {_shown(before)} answered it" if before is not None else ""
            findings.errors.append(Problem(str(path), item.line, f"'{item.question}' {wanted}, but gets "
                                           f"{_shown(got)}{lost}"))
        elif before is not None and before.kind == Kind.FAQ:
            entry = next(e for e in kb.faq.entries if e.id == got.entry_id)
            findings.warnings.append(Problem(kb.faq.path, entry.line, f"warning: entry '{entry.id}' captures "
                                             f"'{item.question}' ({path}:{item.line}), which entry "
                                             f"'{before.entry_id}' answered without it"))


def _without(kb: KnowledgeBase, got: Answer, question: str, bases: dict[str, KnowledgeBase]) -> Answer | None:
    """For a FAQ answer: what answers ``question`` without that entry, when it is an answer of its own."""
    if got.kind != Kind.FAQ:
        return None
    if got.entry_id not in bases:
        bases[got.entry_id] = without_entry(kb, got.entry_id)
    other = answer(bases[got.entry_id], question)
    return other if other.kind != Kind.NONE else None
