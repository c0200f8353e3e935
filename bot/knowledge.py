"""The knowledge base: corpus + index + FAQ, built from files and immutable once built.

A bad part never takes the whole down: outside ``check`` an unreadable article or FAQ entry is
left out with a ``file:line`` warning, and a FAQ file that cannot be read at all leaves the last
good FAQ in service (or none, answering from the articles alone). ``check`` (``strict``) fails on
every one of these. ``bot.holder`` owns the base in service and swaps in a new one on reload.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from bot import lexicon
from bot.confidence import Model, shipped_model
from bot.corpus import Corpus, load_corpus
from bot.errors import InputError, Problem
from bot.faq import Faq, FaqEntry, RawFaq, near_verbatim, read_faq
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
    raw_faq: RawFaq | None = None  # the FAQ as read: the last good one, kept when an edit cannot be read
    faq_unreadable: tuple[Problem, ...] = ()  # why the FAQ file could not be read (``raw_faq`` is the one before)
    # Analysed question words; it only ever holds what this base's engine and synonyms produce.
    words: dict = field(default_factory=dict, compare=False, repr=False)
    # The confidence model to answer with instead of the shipped one (calibrate asks with the one it fits). The
    # shipped one is read only when an answer needs it: a build must work while bot/confidence.json is stale.
    judge: Model | None = field(default=None, compare=False, repr=False)

    @property
    def model(self) -> Model:
        """How sure an answer is: ``judge``, or the model shipped with the engine."""
        return self.judge or shipped_model()


def build_engine(corpus_dir: Path, cache_dir: Path | None = None) -> SearchEngine:
    """Parse and index the corpus (through the on-disk cache when ``cache_dir`` is given)."""
    if cache_dir is None:
        return SearchEngine(load_corpus(corpus_dir, strict=False))
    from bot.cache import load_engine

    return load_engine(corpus_dir, cache_dir)


def resolve_faq(raw: RawFaq, engine: SearchEngine,
                synonyms: dict[str, dict[str, float]]) -> tuple[Faq, list[Problem], list[Problem]]:
    """Check each entry's source against the articles (or choose one).

    Returns the FAQ, notes (sources the engine chose) and problems: an entry whose source is not in
    the articles is left out, so a bot whose corpus lost an article keeps serving the rest of its FAQ.
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
            if sentence_id is None or not corpus.sentences[sentence_id].quotable:
                problems.append(Problem(raw.path, item["source_line"], "source is only in a title, standfirst, "
                                        "caption or credit, which replies never quote: copy it from the body"))
                continue
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
                                item["line"], sentence_id, given, quote, item["question_lines"]))
    return make_faq(raw.path, entries, raw.synonyms, engine, synonyms), notes, problems


def make_faq(path: str, entries: list[FaqEntry], operator_synonyms: dict[str, list[str]], engine: SearchEngine,
             synonyms: dict[str, dict[str, float]]) -> Faq:
    """The matcher over resolved entries (their phrasings analysed against this engine)."""
    analysed = [[analyze(q, engine, synonyms, spell=False) for q in entry.questions] for entry in entries]
    return Faq(path, entries, operator_synonyms, analysed, engine)


def _sentence_at(corpus: Corpus, doc_id: int, start: int) -> int | None:
    """The sentence of ``doc_id`` in which offset ``start`` falls (sentences are in document, offset order)."""
    position = bisect_right(corpus.sentences, (doc_id, start), key=lambda s: (s.doc_id, s.start))
    if position and corpus.sentences[position - 1].doc_id == doc_id:
        return corpus.sentences[position - 1].index
    return None


def build(corpus_dir: Path, faq_path: Path | None, engine: SearchEngine | None = None,
          cache_dir: Path | None = None, strict: bool = False, fallback: RawFaq | None = None,
          entries: bool = True) -> KnowledgeBase:
    """Load the corpus (unless an engine is given) and the FAQ (unless ``faq_path`` is None).

    ``entries`` False answers from the articles alone ("passage-only") while the FAQ file's synonyms,
    its glossary for other languages among them, still apply; an unreadable file then just has none.

    Not ``strict``: unusable articles and FAQ entries are left out with warnings, and a FAQ file
    that cannot be read leaves ``fallback`` in service (None: no FAQ). ``strict``: each of these is
    an InputError, all of them listed. No usable article at all is an InputError either way.
    """
    engine = engine or build_engine(corpus_dir, cache_dir)
    if not entries:
        if strict and engine.corpus.errors:
            raise InputError(list(engine.corpus.errors))
        return _passages_only(engine, faq_path)
    errors = list(engine.corpus.errors) if strict else []
    warnings = [] if strict else [_left_out(p, "article left out") for p in engine.corpus.errors]
    warnings += engine.corpus.warnings
    raw, unreadable = None, ()
    if faq_path is not None:
        raw, unreadable, faq_problems, consequence = _read(faq_path, fallback)
        errors += faq_problems if strict else []
        warnings += [] if strict else [_left_out(p, consequence) for p in faq_problems]
    synonyms = build_synonyms(lexicon.SYNONYM_GROUPS, raw.synonyms if raw else None)
    faq, notes = None, []
    if raw is not None:
        faq, notes, problems = resolve_faq(raw, engine, synonyms)
        errors += problems if strict else []
        warnings += [] if strict else [_left_out(p, "entry left out") for p in problems]
    if errors:
        raise InputError(errors)
    return KnowledgeBase(engine.corpus, engine, faq, synonyms, tuple(notes), tuple(warnings), raw, unreadable)


def _passages_only(engine: SearchEngine, faq_path: Path | None) -> KnowledgeBase:
    synonyms: dict[str, list[str]] = {}
    if faq_path is not None:
        try:
            synonyms = read_faq(faq_path)[0].synonyms
        except InputError:
            pass  # passage-only: an unreadable FAQ file costs its synonyms, nothing else
    warnings = tuple(_left_out(p, "article left out") for p in engine.corpus.errors) + tuple(engine.corpus.warnings)
    return KnowledgeBase(engine.corpus, engine, None, build_synonyms(lexicon.SYNONYM_GROUPS, synonyms), (), warnings)


def _read(faq_path: Path, fallback: RawFaq | None) -> tuple[RawFaq | None, tuple[Problem, ...], list[Problem], str]:
    """(the FAQ to serve, why the file was unreadable if it was, its problems, what they cost outside check)."""
    try:
        raw, problems = read_faq(faq_path)
    except InputError as exc:
        kept = "the FAQ loaded before stays in service" if fallback else "answering from the articles alone"
        return fallback, tuple(exc.problems), exc.problems, f"FAQ not loaded, {kept}"
    return raw, (), problems, "entry left out"


def _left_out(problem: Problem, what: str) -> Problem:
    return Problem(problem.path, problem.line, f"warning: {problem.message}; {what}")


def without_entry(kb: KnowledgeBase, entry_id: str) -> KnowledgeBase:
    """The same base with one FAQ entry removed: what would answer its questions without it (for ``check``)."""
    assert kb.faq is not None
    entries = [e for e in kb.faq.entries if e.id != entry_id]
    faq = make_faq(kb.faq.path, entries, kb.faq.synonyms, kb.engine, kb.synonyms)
    return KnowledgeBase(kb.corpus, kb.engine, faq, kb.synonyms, raw_faq=kb.raw_faq, judge=kb.judge)
