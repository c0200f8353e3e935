"""The questions users asked that the bot could not answer: an append-only JSON-lines log for operators.

Only the question text, the time and the engine's best score are kept: no user or chat ids.
``python main.py unanswered`` lists them, most asked first, so operators know what to add to the FAQ.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import Counter
from pathlib import Path

from bot.text import fold

log = logging.getLogger(__name__)


class UnansweredLog:
    """Appends one line per unanswered question; ``path`` None keeps nothing."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()

    def record(self, question: str, answer) -> None:
        if self.path is None:
            return
        row = {"time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "question": question[:500],
               "score": round(answer.score, 3)}
        try:
            with self._lock:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as f:
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
        except OSError as exc:  # a full disk must not stop the answers
            log.warning("cannot record unanswered question: %s", exc)


def most_asked(path: Path, limit: int = 50) -> list[tuple[int, str]]:
    """``(count, question)`` pairs, most frequent first; questions equal after folding case count together."""
    if not path.is_file():
        return []
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            question = json.loads(line)["question"]
        except (ValueError, KeyError, TypeError):
            continue
        key = " ".join(fold(question).split()).rstrip("?!. ")
        counts[key] += 1
        shown.setdefault(key, question)
    return [(n, shown[k]) for k, n in counts.most_common(limit)]
