"""The knowledge base (corpus + index + FAQ) and its owner, which swaps it whole on reload.

``KnowledgeBase`` is immutable once built. ``KnowledgeBaseHolder`` is the one piece of shared
mutable state: it rebuilds what changed on disk (the FAQ alone when only the FAQ changed) and
replaces its reference in one assignment, so a reader sees the old base or the new one, never a
mix. A broken edit raises InputError in ``reload`` and the old base stays in service.
"""

from __future__ import annotations

import logging
import threading
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from bot import lexicon
from bot.corpus import Corpus, article_files, load_corpus
from bot.errors import InputError, Problem
from bot.faq import Faq, FaqEntry, RawFaq, near_verbatim, parse_faq
from bot.query import analyze, build_synonyms
from bot.quote import around, locate, of_sentence
from bot.search import SearchEngine

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything an answer needs; ``notes`` are check's remarks (sources the engine chose)."""

    corpus: Corpus
    engine: SearchEngine
    faq: Faq | None
    synonyms: dict[str, dict[str, float]]
    notes: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    # Analysed question words; it only ever holds what this base's engine and synonyms produce.
    words: dict = field(default_factory=dict, compare=False, repr=False)


def build_engine(corpus_dir: Path, cache_dir: Path | None = None) -> SearchEngine:
    """Parse and index the corpus (through the on-disk cache when ``cache_dir`` is given)."""
    if cache_dir is None:
        return SearchEngine(load_corpus(corpus_dir))
    from bot.cache import load_engine

    return load_engine(corpus_dir, cache_dir)


def resolve_faq(raw: RawFaq, engine: SearchEngine, synonyms: dict[str, dict[str, float]],
                strict: bool = True) -> tuple[Faq, list[Problem], list[Problem]]:
    """Check each entry's source against the articles (or choose one).

    Returns the FAQ, notes (sources the engine chose) and warnings. A source missing from the
    articles raises InputError when ``strict`` (``check``); otherwise that entry is left out with a
    warning, so a bot whose corpus lost an article keeps serving the rest of its FAQ.
    """
    corpus = engine.corpus
    texts = [d.text for d in corpus.documents]
    problems: list[Problem] = []
    notes: list[Problem] = []
    entries: list[FaqEntry] = []
    for item in raw.entries:
        if item["source"]:
            found = locate(corpus, item["source"])
            if found is None:
                hint = (" (it differs from the article only in quotes, dashes, case or spacing: copy it exactly)"
                        if near_verbatim(item["source"], texts) else "")
                problems.append(Problem(raw.path, item["source_line"], "source is not verbatim text of any article"
                                        + hint))
                continue
            doc_id, start = found
            sentence_id = _sentence_at(corpus, doc_id, start)
            source, given = item["source"], True
            quote = around(corpus, doc_id, start, start + len(source))
        else:
            query = analyze(item["answer"] + " " + " ".join(item["questions"]), engine, synonyms, spell=False)
            hits = engine.rank(query, limit=1)
            if not hits:
                problems.append(Problem(raw.path, item["line"], "no source given and no article sentence matches "
                                        "the answer: add 'source:' copied from an article"))
                continue
            sentence_id = hits[0].sentence_id
            doc_id = corpus.sentences[sentence_id].doc_id
            source, given = corpus.sentences[sentence_id].text, False
            quote = of_sentence(corpus, sentence_id)
            notes.append(Problem(raw.path, item["line"], f"note: entry '{item['id']}' has no source; using "
                                 f"\"{source}\" ({corpus.documents[doc_id].title})"))
        doc = corpus.documents[doc_id]
        entries.append(FaqEntry(item["id"], item["questions"], item["answer"], source, doc.title, doc.url,
                                item["line"], sentence_id, given, quote))
    if problems and strict:
        raise InputError(problems)
    warnings = [Problem(p.path, p.line, f"warning: {p.message}; entry left out") for p in problems]
    faq = Faq(raw.path, entries, raw.synonyms, [
        [analyze(q, engine, synonyms, spell=False) for q in entry.questions] for entry in entries], engine)
    return faq, notes, warnings


def _sentence_at(corpus: Corpus, doc_id: int, start: int) -> int | None:
    """The sentence of ``doc_id`` in which offset ``start`` falls (sentences are in document, offset order)."""
    position = bisect_right(corpus.sentences, (doc_id, start), key=lambda s: (s.doc_id, s.start))
    if position and corpus.sentences[position - 1].doc_id == doc_id:
        return corpus.sentences[position - 1].index
    return None


def build(corpus_dir: Path, faq_path: Path | None, engine: SearchEngine | None = None,
          cache_dir: Path | None = None, strict: bool = False) -> KnowledgeBase:
    """Load the corpus (unless an engine is given) and the FAQ (unless ``faq_path`` is None).

    A malformed FAQ file always raises InputError; an entry whose source is not in the articles
    raises only when ``strict``, and is otherwise left out with a warning in ``warnings``.
    """
    engine = engine or build_engine(corpus_dir, cache_dir)
    if faq_path is None:
        return KnowledgeBase(engine.corpus, engine, None, build_synonyms(lexicon.SYNONYM_GROUPS))
    raw = parse_faq(faq_path)
    synonyms = build_synonyms(lexicon.SYNONYM_GROUPS, raw.synonyms)
    faq, notes, warnings = resolve_faq(raw, engine, synonyms, strict)
    return KnowledgeBase(engine.corpus, engine, faq, synonyms, tuple(notes), tuple(warnings))


def _stamp(path: Path) -> tuple:
    try:
        st = path.stat()
        return (st.st_mtime_ns, st.st_size)
    except OSError:
        return ()


class KnowledgeBaseHolder:
    """Owns the current knowledge base and reloads it when the corpus or FAQ files change."""

    def __init__(self, corpus_dir: Path, faq_path: Path | None, cache_dir: Path | None = None) -> None:
        self.corpus_dir = corpus_dir
        self.faq_path = faq_path
        self.cache_dir = cache_dir
        self._lock = threading.Lock()
        self._corpus_stamp = self._corpus_signature()
        self._faq_stamp = _stamp(faq_path) if faq_path else ()
        self.current = build(corpus_dir, faq_path, cache_dir=cache_dir)
        for warning in self.current.warnings:
            log.warning("%s", warning)

    def _corpus_signature(self) -> tuple:
        try:
            return tuple((p.name, *_stamp(p)) for p in article_files(self.corpus_dir))
        except InputError:
            return ()

    def reload_if_changed(self) -> bool:
        """Rebuild and swap if a file changed; returns True when a new base is in service.

        A broken edit is logged as one line and the old base keeps serving; it is retried on the
        next change of the files.
        """
        with self._lock:
            corpus_stamp = self._corpus_signature()
            faq_stamp = _stamp(self.faq_path) if self.faq_path else ()
            corpus_changed = corpus_stamp != self._corpus_stamp
            if not corpus_changed and faq_stamp == self._faq_stamp:
                return False
            self._corpus_stamp, self._faq_stamp = corpus_stamp, faq_stamp
            try:
                fresh = build(self.corpus_dir, self.faq_path, None if corpus_changed else self.current.engine,
                              self.cache_dir)
            except InputError as exc:
                log.error("reload failed, still serving the previous version: %s", exc)
                return False
            self.current = fresh
            for warning in fresh.warnings:
                log.warning("%s", warning)
            log.info("reloaded: %d articles, %d FAQ entries", len(fresh.corpus.documents),
                     len(fresh.faq.entries) if fresh.faq else 0)
            return True
