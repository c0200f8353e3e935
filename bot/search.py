"""Ranking sentences of the corpus for a query, with their paragraph as context, and a confidence.

Each sentence is scored by BM25 on its own words plus a share of its paragraph's BM25 score
(paragraph words, the section heading above it and the article title), times a small bonus when
it carries what the question asks for (a number for "how many", a date for "when"). The best
sentence is the source; its confidence is the share of the question's weight it covers.
"""

from __future__ import annotations

import heapq
import re
from array import array
from dataclasses import dataclass

import numpy as np

from bot import lexicon
from bot.corpus import Corpus
from bot.index import Bm25, TermIndex
from bot.query import Query, TermGroup
from bot.spelling import Speller
from bot.text import STOP_WORDS, stem, terms, words

# Measured with `python main.py eval` on the dev set and on tests/data (see README).
CONTEXT_WEIGHT = 1.0  # how much the paragraph's score adds to its sentences' own
CONTEXT_CREDIT = 0.5  # a question word found only in the paragraph or title counts this much toward coverage
CUE_BONUS = 0.25  # a sentence carrying what the question asks for (a number for "how many")
CUE_PENALTY = 0.3  # "how many" and "when" questions against a sentence with no number or date
HARD_CUES = frozenset({"number", "date"})
COVERAGE_POWER = 3.0  # ranking = BM25 x coverage^3: a sentence that covers the whole question wins
SENTENCE_B = 0.5  # BM25 length normalisation for sentences (long sentences are not worth less)
PASSAGE_B = 0.75
RERANK_POOL = 20  # candidates whose coverage is computed
DENSE_FROM = 10_000  # sentences from which candidates are scored with numpy arrays (measured: python main.py bench)
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][a-z]{3,}(?![\w'’])")
MAX_NAME_SUFFIX = 4


@dataclass(frozen=True)
class Hit:
    """A ranked sentence: its id, ranking score and confidence (question weight covered, 0..1)."""

    sentence_id: int
    score: float
    confidence: float


def sentence_features(text: str, tokens: list[str] | None = None) -> frozenset[str]:
    """The answer types a sentence can carry: numbers, dates, causes (people are added corpus-wide)."""
    present = set(words(text) if tokens is None else tokens)
    found = set()
    if _DIGIT.search(text) or not present.isdisjoint(lexicon.NUMBER_WORDS):
        found.add("number")
    if _YEAR.search(text) or not present.isdisjoint(lexicon.DATE_WORDS):
        found.add("date")
    if not present.isdisjoint(lexicon.CAUSE_WORDS):
        found.add("cause")
    return frozenset(found)


def _name_variants(corpus: Corpus) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Map each prefix (5+ letters) of a capitalised corpus word's stem to the names it begins.

    Demonyms and country names share a stem prefix (Kazakh/Kazakhstan, Georgia/Georgian); only
    words the articles capitalise mid-sentence take part, so common words never get variants.
    """
    names: set[str] = set()
    for s in corpus.sentences:
        for m in _CAPITALISED.finditer(s.text):
            if m.start() > 0:
                names.add(stem(m.group(0).lower()))
    table: dict[str, set[str]] = {}
    for name in names:
        for cut in range(max(5, len(name) - MAX_NAME_SUFFIX), len(name)):
            table.setdefault(name[:cut], set()).add(name)
    return {k: frozenset(v) for k, v in table.items()}, frozenset(names)


_PERSON_CONTEXT = re.compile(
    r"\b(?i:president|minister|chancellor|mayor|governor|senator|mr|mrs|ms|dr|general|king|queen|leader"
    r"|spokesman|spokeswoman|chief|commander|ambassador|\d+-year-old)\.?((?: [A-Z][\w’'-]+)+)"
    r"|((?:[A-Z][\w’'-]+ )?[A-Z][\w’'-]+)(?:, [^,]{0,60},)? (?:said|says|told|added|asked)\b")


_PERSON_HINTS = frozenset(
    "president minister chancellor mayor governor senator mr mrs ms dr general king queen leader spokesman "
    "spokeswoman chief commander ambassador said says told added asked".split())


def _people(texts: list[str]) -> set[str]:
    """Stems of the names the articles give people: after a title, or as the one who said something.

    They mark the sentences that can answer a "who" question. ``texts`` are the sentences holding
    a title or a speech verb (the caller knows their words), so the regex runs on few of them.
    """
    found = set()
    for text in texts:
        for m in _PERSON_CONTEXT.finditer(text):
            for name in words(m.group(1) or m.group(2)):
                if name not in STOP_WORDS:
                    found.add(stem(name))
    return found


class SearchEngine:
    """Sentence and paragraph BM25 indexes over one corpus, plus its vocabulary and speller."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        # Both indexes share one term numbering; each surface word is stemmed and numbered once
        # (-1 for a stop word), and each sentence is tokenized once.
        vocabulary: dict[str, int] = {}
        word_ids: dict[str, int] = {}

        sentence_ids: list[list[int]] = []
        hinted: list[str] = []  # sentences with a title or a speech verb: where people are named
        shared_features: dict[frozenset[str], frozenset[str]] = {}
        self.features: list[frozenset[str]] = []
        for s in corpus.sentences:
            tokens = words(s.text)
            for w in tokens:
                if w not in word_ids:
                    word_ids[w] = -1 if w in STOP_WORDS else vocabulary.setdefault(stem(w), len(vocabulary))
            sentence_ids.append([tid for tid in map(word_ids.__getitem__, tokens) if tid >= 0])
            found = sentence_features(s.text, tokens)
            self.features.append(shared_features.setdefault(found, found))
            if not _PERSON_HINTS.isdisjoint(tokens):
                hinted.append(s.text)
        self.term_id = vocabulary
        # Unique term ids as tuples: a quarter of a frozenset's memory, and as fast for a dozen terms.
        self.sentence_terms = [tuple(dict.fromkeys(ids)) for ids in sentence_ids]
        self.passage_of = array("i", bytes(4 * len(corpus.sentences)))
        for p in corpus.passages:
            for i in p.sentence_ids:
                self.passage_of[i] = p.index
        lengths = np.fromiter(map(len, sentence_ids), dtype=np.int64, count=len(sentence_ids))
        term_ids = np.fromiter((t for ids in sentence_ids for t in ids), dtype=np.int64, count=int(lengths.sum()))
        del sentence_ids
        sentence_of = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        self.sentences = TermIndex(term_ids, sentence_of, len(lengths), vocabulary, b=SENTENCE_B)
        # A paragraph's tokens are its sentences' tokens plus its heading and the article title.
        titles = [terms(d.title) for d in corpus.documents]
        headings: dict[str, list[str]] = {"": []}
        extra_terms: list[int] = []
        extra_docs: list[int] = []
        self.passage_terms = []
        for p in corpus.passages:
            if p.heading not in headings:
                headings[p.heading] = terms(p.heading)
            context = [vocabulary.setdefault(t, len(vocabulary))
                       for t in headings[p.heading] + (titles[p.doc_id] if p.paragraph else [])]
            extra_terms += context
            extra_docs += [p.index] * len(context)
            own = [t for i in p.sentence_ids for t in self.sentence_terms[i]]
            self.passage_terms.append(tuple(dict.fromkeys(own + context)))
        passage_of = np.frombuffer(self.passage_of, dtype=np.int32).astype(np.int64)
        self.passages = TermIndex(np.concatenate((term_ids, np.array(extra_terms, dtype=np.int64))),
                                  np.concatenate((passage_of[sentence_of], np.array(extra_docs, dtype=np.int64))),
                                  len(corpus.passages), vocabulary, b=PASSAGE_B)
        # The speller knows every word of the articles, weighted by how often its term occurs, and
        # also the built-in synonyms (soliders -> soldiers -> troops) and the longer stop words
        # (waht -> what, then dropped); the articles' own words win ties.
        counts = np.bincount(term_ids, minlength=len(vocabulary)).tolist()
        known_words = {w: 1 for group in lexicon.SYNONYM_GROUPS for w in group if w.isalpha()}
        known_words.update({w: 1 for w in STOP_WORDS if len(w) >= 4 and w.isalpha()})
        known_words.update({w: counts[tid] + 1 if tid >= 0 else 1 for w, tid in word_ids.items()})
        self.speller = Speller(known_words)
        self.vocabulary = self.sentences.idf
        self.unknown_idf = self.sentences.max_idf()
        self.dense = len(corpus.sentences) >= DENSE_FROM
        self._dense_parts = None
        self._reference: tuple[Bm25, Bm25] | None = None
        self._name_prefixes, self._names = _name_variants(corpus)
        # "Who" questions prefer sentences naming a person the articles introduce as one.
        people = {vocabulary[n] for n in _people(hinted) if n in vocabulary}
        for sid, ids in enumerate(self.sentence_terms):
            if not people.isdisjoint(ids):
                found = self.features[sid] | {"person"}
                self.features[sid] = shared_features.setdefault(found, found)

    def variants(self, term: str) -> tuple[str, ...]:
        """Other forms of a proper name in the corpus (``kazakh`` <-> ``kazakhstan``)."""
        found = set(self._name_prefixes.get(term, ()))
        found.update(term[:cut] for cut in range(max(5, len(term) - MAX_NAME_SUFFIX), len(term))
                     if term[:cut] in self._names)
        found.discard(term)
        return tuple(sorted(found))

    def group_idf(self, group: TermGroup) -> float:
        """Weight of a question word: its IDF, or that of its best-known alternative, or an unknown's."""
        own = next(iter(group.alternatives))
        if own in self.vocabulary:
            return self.vocabulary[own] * group.strength
        known = [self.vocabulary[t] * w for t, w in group.alternatives.items() if t in self.vocabulary and w >= 0.9]
        return (max(known) if known else self.unknown_idf) * group.strength

    def links(self, query: Query) -> dict[int, list[tuple[int, float]]]:
        """For each term id the question can match: which of its words it stands for, and how well."""
        found: dict[int, list[tuple[int, float]]] = {}
        for index, group in enumerate(query.groups):
            for word, w in group.alternatives.items():
                term = self.term_id.get(word)
                if term is not None:
                    found.setdefault(term, []).append((index, w))
        return found

    def coverage(self, query: Query, sentence_id: int, weights: list[float] | None = None,
                 links: dict[int, list[tuple[int, float]]] | None = None) -> float:
        """Share of the question's IDF weight found in the sentence (context words count half)."""
        if weights is None:
            weights = [self.group_idf(g) for g in query.groups]
        if links is None:
            links = self.links(query)
        best = [0.0] * len(weights)
        for term in self.sentence_terms[sentence_id]:
            for index, w in links.get(term, ()):
                if w > best[index]:
                    best[index] = w
        for term in self.passage_terms[self.passage_of[sentence_id]]:
            for index, w in links.get(term, ()):
                if w * CONTEXT_CREDIT > best[index]:
                    best[index] = w * CONTEXT_CREDIT
        total = found = 0.0
        for weight, share in zip(weights, best, strict=True):
            total += weight
            found += weight * share
        return found / total if total else 0.0

    def rank(self, query: Query, limit: int = 3, path: str | None = None) -> list[Hit]:
        """Best sentences for the query, best first, each with its confidence.

        Candidates come from dictionaries over postings on small corpora ("sparse") and from
        numpy arrays on large ones ("dense"); "reference" scores every sentence with rank-bm25's
        own ``get_scores``, unoptimised. All three compute the same scores (a test compares them).
        """
        if not query.groups:
            return []
        path = path or ("dense" if self.dense else "sparse")
        pool = {"sparse": self._pool_sparse, "dense": self._pool_dense, "reference": self._pool_reference}[path](query)
        hits: list[Hit] = []
        weights = [self.group_idf(g) for g in query.groups]
        links = self.links(query)
        for sid, score in pool:  # best BM25 first; coverage can only lower a score
            if len(hits) >= limit and score < hits[limit - 1].score:
                break  # no later candidate can reach the top `limit`
            confidence = self.coverage(query, sid, weights, links)
            hits.append(Hit(sid, score * confidence ** COVERAGE_POWER, confidence))
            hits.sort(key=lambda h: (-h.score, h.sentence_id))
        return hits[:limit]

    def _pool_sparse(self, query: Query) -> list[tuple[int, float]]:
        """Candidates by dictionary accumulation over postings: fastest when few documents match."""
        own = self.sentences.score(query.weighted_groups)
        context = self.passages.score(query.weighted_groups)
        combined: dict[int, float] = {}
        for sid, score in own.items():
            combined[sid] = score + CONTEXT_WEIGHT * context.get(self.passage_of[sid], 0.0)
        for pid, score in context.items():
            for sid in self.corpus.passages[pid].sentence_ids:
                if sid not in combined:
                    combined[sid] = CONTEXT_WEIGHT * score
        if query.cues:
            hard = query.cues & HARD_CUES
            for sid in combined:
                features = self.features[sid]
                if query.cues & features:
                    combined[sid] *= 1.0 + CUE_BONUS
                if hard and not hard & features:
                    combined[sid] *= 1.0 - CUE_PENALTY
        return heapq.nlargest(RERANK_POOL, combined.items(), key=lambda item: (item[1], -item[0]))

    def _pool_dense(self, query: Query) -> list[tuple[int, float]]:
        """The same candidates and scores with numpy arrays over all sentences: for large corpora,
        where a common question word has postings in the hundreds of thousands."""
        own = self.sentences.score_dense(query.weighted_groups)
        context = self.passages.score_dense(query.weighted_groups)
        return self._combine_dense(query, own, context)

    def _pool_reference(self, query: Query) -> list[tuple[int, float]]:
        """Every sentence and paragraph scored by rank-bm25 (``Bm25.get_scores``, one term at a time)."""
        if self._reference is None:
            sentence_docs = [terms(s.text) for s in self.corpus.sentences]
            titles = [terms(d.title) for d in self.corpus.documents]
            passage_docs = [[t for i in p.sentence_ids for t in sentence_docs[i]] + terms(p.heading)
                            + (titles[p.doc_id] if p.paragraph else []) for p in self.corpus.passages]
            self._reference = (Bm25(sentence_docs, b=SENTENCE_B), Bm25(passage_docs, b=PASSAGE_B))
        sentence_bm25, passage_bm25 = self._reference

        def scores(bm25: Bm25) -> np.ndarray:
            total = np.zeros(bm25.corpus_size)
            for group in query.weighted_groups:
                total += np.maximum.reduce([w * bm25.get_scores([term]) for term, w in group.items()])
            return total

        return self._combine_dense(query, scores(sentence_bm25), scores(passage_bm25))

    def _combine_dense(self, query: Query, own: np.ndarray, context: np.ndarray) -> list[tuple[int, float]]:
        if self._dense_parts is None:
            passage_of = np.frombuffer(self.passage_of, dtype=np.int32)
            masks = {name: np.fromiter((name in f for f in self.features), dtype=bool, count=len(self.features))
                     for name in ("number", "date", "cause", "person", "place")}
            self._dense_parts = (passage_of, masks)
        passage_of, masks = self._dense_parts
        combined = own + CONTEXT_WEIGHT * context[passage_of]
        if query.cues:
            hard = query.cues & HARD_CUES
            carries = np.zeros(len(combined), dtype=bool)
            for cue in query.cues:
                carries |= masks[cue]
            combined[carries] *= 1.0 + CUE_BONUS
            if hard:
                has_hard = np.zeros(len(combined), dtype=bool)
                for cue in hard:
                    has_hard |= masks[cue]
                combined[~has_hard] *= 1.0 - CUE_PENALTY
        candidates = np.flatnonzero(combined > 0)
        order = np.lexsort((candidates, -combined[candidates]))[:RERANK_POOL]
        chosen = candidates[order]
        return list(zip(chosen.tolist(), combined[chosen].tolist(), strict=True))
