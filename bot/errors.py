"""Errors about bad input that the CLI turns into one clean line (``file:line: message``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file; ``line`` is 1-based, 0 when it has none."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class InputError(Exception):
    """Bad input (corpus, FAQ, question file): carries every problem found, first one in the message."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__(str(self.problems[0]) if self.problems else "invalid input")
