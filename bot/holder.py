"""The knowledge base in service, and its safe reload when the corpus or FAQ files change.

``KnowledgeBaseHolder`` is the one piece of shared mutable state: it rebuilds what changed on disk
(the FAQ alone when only the FAQ changed) and replaces its reference in one assignment, so a
reader sees the old base or the new one, never a mix.

A file is read only once it has settled: unchanged in size and modification time across two looks
``settle`` seconds apart, so an editor that truncates the file and writes it in pieces is never
caught halfway. A FAQ that cannot be read (empty, half-saved, invalid) is refused and the base in
service stays; an unusable article or FAQ entry is left out with a warning. Each outcome comes back
as a ``ReloadResult`` for the caller to log and tell the admins.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from bot.corpus import article_files
from bot.errors import InputError, Problem
from bot.files import stamp
from bot.knowledge import KnowledgeBase, build

log = logging.getLogger(__name__)

SETTLE_SECONDS = 0.3


class Outcome(StrEnum):
    """What a reload did."""

    UNCHANGED = "unchanged"
    UNSETTLED = "unsettled"  # a file is still being written: looked at again next time
    RELOADED = "reloaded"
    REFUSED = "refused"  # nothing usable: the base in service stays


@dataclass(frozen=True)
class ReloadResult:
    """A reload's outcome, its problems (why refused, or what was left out) and what is in service now."""

    outcome: Outcome
    problems: tuple[Problem, ...] = ()
    summary: str = ""


def describe(kb: KnowledgeBase) -> str:
    """'3 articles, 22 FAQ entries': what a base serves."""
    return f"{len(kb.corpus.documents)} article(s), {len(kb.faq.entries) if kb.faq else 0} FAQ entries"


class KnowledgeBaseHolder:
    """Owns the current knowledge base and reloads it when the corpus or FAQ files change."""

    def __init__(self, corpus_dir: Path, faq_path: Path | None, cache_dir: Path | None = None,
                 settle: float = SETTLE_SECONDS) -> None:
        self.corpus_dir = corpus_dir
        self.faq_path = faq_path
        self.cache_dir = cache_dir
        self.settle = settle
        self._lock = threading.Lock()
        self._seen = self._stamps()
        self.current = build(corpus_dir, faq_path, cache_dir=cache_dir)
        self.loaded_at = time.time()  # when the base in service was built (/healthz shows it)
        for warning in self.current.warnings:
            log.warning("%s", warning)

    def _stamps(self) -> tuple[tuple, tuple]:
        try:
            corpus = tuple((p.name, *stamp(p)) for p in article_files(self.corpus_dir))
        except InputError:
            corpus = ()
        return corpus, stamp(self.faq_path) if self.faq_path else ()

    def _settled(self, seen: tuple) -> bool:
        """True when the files look the same ``settle`` seconds after ``seen`` was taken."""
        time.sleep(self.settle)
        return self._stamps() == seen

    def reload_if_changed(self) -> ReloadResult:
        """Rebuild and swap if a file changed and has settled; a broken edit is retried only once changed again."""
        with self._lock:
            seen = self._stamps()
            if seen == self._seen:
                return ReloadResult(Outcome.UNCHANGED, summary=describe(self.current))
            return self._reload(seen)

    def reload_now(self) -> ReloadResult:
        """Rebuild from the files now, changed or not (the admins' /reload), once they have settled."""
        with self._lock:
            return self._reload(self._stamps())

    def _reload(self, seen: tuple) -> ReloadResult:
        if not self._settled(seen):
            log.debug("files are still changing; looking again later")
            return ReloadResult(Outcome.UNSETTLED, summary=describe(self.current))
        corpus_changed = seen[0] != self._seen[0]
        self._seen = seen
        try:
            fresh = build(self.corpus_dir, self.faq_path, None if corpus_changed else self.current.engine,
                          self.cache_dir, fallback=self.current.raw_faq)
        except InputError as exc:
            return self._refused(tuple(exc.problems))
        if fresh.faq_unreadable and not corpus_changed:  # nothing new to serve
            return self._refused(fresh.faq_unreadable)
        self.current, self.loaded_at = fresh, time.time()
        for warning in fresh.warnings:
            log.warning("%s", warning)
        log.info("reloaded: %s", describe(fresh))
        return ReloadResult(Outcome.RELOADED, fresh.warnings, describe(fresh))

    def _refused(self, problems: tuple[Problem, ...]) -> ReloadResult:
        log.error("reload failed, still serving the previous version: %s", "; ".join(map(str, problems)))
        return ReloadResult(Outcome.REFUSED, problems, describe(self.current))
