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
from bot.crosslingual import romanisation_key
from bot.features import (
    MAX_NAME_SUFFIX,
    PERSON_HINTS,
    Annotation,
    annotate,
    cue_flags,
    indexed_words,
    name_variants,
    people,
    places,
    romanisations,
)
from bot.index import TermIndex
from bot.query import Query, TermGroup
from bot.spelling import Speller
from bot.text import STOP_WORDS, stem, terms

# Measured with `python main.py eval` on the tune half of the question bank (see README).
CONTEXT_WEIGHT = 1.0  # how much the paragraph's score adds to its sentences' own
CONTEXT_CREDIT = 0.5  # a question word found only in the paragraph or title counts this much toward coverage
CUE_BONUS = 0.25  # a sentence carrying what the question asks for (a number for "how many")
CUE_PENALTY = 0.3  # "how many" and "when" questions against a sentence with no number or date
COVERAGE_POWER = 3.0  # ranking = BM25 x coverage^3: a sentence that covers the whole question wins
SENTENCE_B = 0.5  # BM25 length normalisation for sentences (long sentences are not worth less)
PASSAGE_B = 0.75
RERANK_POOL = 20  # candidates whose coverage is computed
DENSE_FROM = 10_000  # sentences from which candidates are scored with numpy arrays (measured: python main.py bench)
ANNOTATION_CACHE = 20_000  # sentences whose answer spans are kept once computed


@dataclass(frozen=True)
class Hit:
    """A ranked sentence: its id, ranking score and confidence (question weight covered, 0..1)."""

    sentence_id: int
    score: float
    confidence: float


_BRACKETED = re.compile(r"\(([A-Z]{2,6})s?\)")  # "(CSTO)", "(VPNs)"


def spelled_out(sentences, unquotable: frozenset[int]) -> dict[str, tuple[int, ...]]:
    """Acronym stem -> the quotable sentences that give it in brackets after its full name
    ("Collective Security Treaty Organization (CSTO)"): where "what does CSTO stand for" is answered,
    however many sentences mention CSTO more prominently."""
    found: dict[str, list[int]] = {}
    for sentence in sentences:
        if sentence.index not in unquotable:
            for acronym in _BRACKETED.findall(sentence.text):
                found.setdefault(stem(acronym.lower()), []).append(sentence.index)
    return {k: tuple(v) for k, v in found.items()}


class SearchEngine:
    """Sentence and paragraph BM25 indexes over one corpus, plus its vocabulary, speller and names.

    Built in steps: number the terms and read each sentence once, index the sentences, index the
    paragraphs (with their heading and the article title), build the speller, learn the names.
    """

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.term_id: dict[str, int] = {}
        self._word_ids: dict[str, int] = {}
        sentence_ids, hinted = self._read_sentences()
        self._index_sentences(sentence_ids)
        self._index_passages()
        self._build_speller()
        self._learn_names(hinted)
        self.dense = len(corpus.sentences) >= DENSE_FROM
        self._dense_parts = None
        self._annotations: dict[int, Annotation] = {}
        self._contexts: dict[int, frozenset[str]] = {}
        self._articles: dict[int, frozenset[str]] = {}
        self._article_spans: dict[int, tuple[int, int]] | None = None

    def _read_sentences(self) -> tuple[list[list[int]], list[str]]:
        """Number each surface word once (-1 for a stop word), tokenize each sentence once, and note its
        cue flags and whether it may name a person (a title or a speech verb in it)."""
        vocabulary, word_ids = self.term_id, self._word_ids
        sentence_ids: list[list[int]] = []
        hinted: list[str] = []
        shared: dict[frozenset[str], frozenset[str]] = {}
        self.features: list[frozenset[str]] = []
        for s in self.corpus.sentences:
            tokens = indexed_words(s.text)  # "United Nations" is found by "UN" too
            for w in tokens:
                if w not in word_ids:
                    word_ids[w] = -1 if w in STOP_WORDS else vocabulary.setdefault(stem(w), len(vocabulary))
            sentence_ids.append([tid for tid in map(word_ids.__getitem__, tokens) if tid >= 0])
            found = cue_flags(s.text, tokens)
            self.features.append(shared.setdefault(found, found))
            if not PERSON_HINTS.isdisjoint(tokens) or ", a" in s.text:  # a title, a speech verb, "X, a pianist"
                hinted.append(s.text)
        return sentence_ids, hinted

    def _index_sentences(self, sentence_ids: list[list[int]]) -> None:
        # Unique term ids as tuples: a quarter of a frozenset's memory, and as fast for a dozen terms.
        self.sentence_terms = [tuple(dict.fromkeys(ids)) for ids in sentence_ids]
        # Titles, standfirsts and captions help a paragraph match but are never the quoted answer.
        self.unquotable = frozenset(s.index for s in self.corpus.sentences if not s.quotable)
        self.passage_of = array("i", bytes(4 * len(self.corpus.sentences)))
        for p in self.corpus.passages:
            for i in p.sentence_ids:
                self.passage_of[i] = p.index
        lengths = np.fromiter(map(len, sentence_ids), dtype=np.int64, count=len(sentence_ids))
        self._term_ids = np.fromiter((t for ids in sentence_ids for t in ids), dtype=np.int64, count=int(lengths.sum()))
        self._sentence_of = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        self.sentences = TermIndex(self._term_ids, self._sentence_of, len(lengths), self.term_id, b=SENTENCE_B)
        self.vocabulary = self.sentences.idf
        self.unknown_idf = self.sentences.max_idf()

    def _index_passages(self) -> None:
        """A paragraph's tokens are its sentences' tokens plus its heading and the article title."""
        vocabulary = self.term_id
        titles = [terms(d.title) for d in self.corpus.documents]
        headings: dict[str, list[str]] = {"": []}
        extra_terms: list[int] = []
        extra_docs: list[int] = []
        self.passage_terms = []
        for p in self.corpus.passages:
            if p.heading not in headings:
                headings[p.heading] = terms(p.heading)
            context = [vocabulary.setdefault(t, len(vocabulary))
                       for t in headings[p.heading] + (titles[p.doc_id] if p.paragraph else [])]
            extra_terms += context
            extra_docs += [p.index] * len(context)
            own = [t for i in p.sentence_ids for t in self.sentence_terms[i]]
            self.passage_terms.append(tuple(dict.fromkeys(own + context)))
        passage_of = np.frombuffer(self.passage_of, dtype=np.int32).astype(np.int64)
        self.passages = TermIndex(np.concatenate((self._term_ids, np.array(extra_terms, dtype=np.int64))),
                                  np.concatenate((passage_of[self._sentence_of], np.array(extra_docs, dtype=np.int64))),
                                  len(self.corpus.passages), vocabulary, b=PASSAGE_B)

    def _build_speller(self) -> None:
        """The speller knows every word of the articles, weighted by how often its term occurs, and also
        the built-in synonyms (soliders -> soldiers -> troops) and the longer stop words (waht -> what,
        then dropped); the articles' own words win ties."""
        counts = np.bincount(self._term_ids, minlength=len(self.term_id)).tolist()
        del self._term_ids, self._sentence_of
        known_words = {w: 1 for group in lexicon.SYNONYM_GROUPS for w in group if w.isalpha()}
        known_words.update({w: 1 for w in STOP_WORDS if len(w) >= 4 and w.isalpha()})
        known_words.update({w: counts[tid] + 1 if tid >= 0 else 1 for w, tid in self._word_ids.items()})
        del self._word_ids
        self.speller = Speller(known_words)

    def _learn_names(self, hinted: list[str]) -> None:
        """Names the articles capitalise, the people they introduce and the places they locate things in.

        "Who" questions prefer sentences naming a person the articles introduce as one.
        """
        texts = [s.text for s in self.corpus.sentences]
        self._name_prefixes, self.names, self.proper = name_variants(texts)
        self._romanised = romanisations(self.proper)
        named, self.surname_of = people(hinted)
        self.people = frozenset(named) - {stem(p) for p in lexicon.PLACE_NAMES}  # "Moscow said" is not a person
        self.places = (frozenset(places(texts)) | {stem(p) for p in lexicon.PLACE_NAMES}) - self.people
        self.spelled_out = spelled_out(self.corpus.sentences, self.unquotable)
        person_ids = {self.term_id[n] for n in self.people if n in self.term_id}
        shared: dict[frozenset[str], frozenset[str]] = {}
        for sid, ids in enumerate(self.sentence_terms):
            if not person_ids.isdisjoint(ids):
                found = self.features[sid] | {"person"}
                self.features[sid] = shared.setdefault(found, found)
        self.stem_of = [""] * len(self.term_id)
        for term, tid in self.term_id.items():
            self.stem_of[tid] = term

    def annotation(self, sentence_id: int) -> Annotation:
        """The answer spans of one sentence, computed on first use and kept."""
        found = self._annotations.get(sentence_id)
        if found is None:
            if len(self._annotations) >= ANNOTATION_CACHE:
                self._annotations.clear()
            found = annotate(self.corpus.sentences[sentence_id].text, self.names, self.people, self.places)
            self._annotations[sentence_id] = found
        return found

    def context_stems(self, sentence_id: int) -> frozenset[str]:
        """Stems of the sentence's paragraph, its heading and the article title (kept once computed)."""
        passage = self.passage_of[sentence_id]
        found = self._contexts.get(passage)
        if found is None:
            if len(self._contexts) >= ANNOTATION_CACHE:
                self._contexts.clear()
            found = self._contexts[passage] = frozenset(self.stem_of[t] for t in self.passage_terms[passage])
        return found

    def article_stems(self, sentence_id: int) -> frozenset[str]:
        """Stems of the whole article the sentence is in (kept once computed): is a name the question
        asks about in the article at all, or only in another one?"""
        doc = self.corpus.sentences[sentence_id].doc_id
        found = self._articles.get(doc)
        if found is None:
            if len(self._articles) >= ANNOTATION_CACHE:
                self._articles.clear()
            first, last = self._spans()[doc]
            found = self._articles[doc] = frozenset(
                self.stem_of[t] for sid in range(first, last + 1) for t in self.sentence_terms[sid])
        return found

    def _spans(self) -> dict[int, tuple[int, int]]:
        """Each article's first and last sentence (an article's sentences are consecutive), found once."""
        if self._article_spans is None:
            spans: dict[int, tuple[int, int]] = {}
            for s in self.corpus.sentences:
                first, _ = spans.get(s.doc_id, (s.index, s.index))
                spans[s.doc_id] = (first, s.index)
            self._article_spans = spans
        return self._article_spans

    def sentence_at(self, path: str, offset: int) -> int | None:
        """The sentence starting at character ``offset`` of article file ``path`` (an answer's source), if any."""
        doc = next((d.doc_id for d in self.corpus.documents if d.path == path), None)
        if doc is None:
            return None
        first, last = self._spans().get(doc, (0, -1))
        return next((i for i in range(first, last + 1) if self.corpus.sentences[i].start == offset), None)

    def previous_people(self, sentence_id: int, back: int = 3) -> set[str]:
        """The people named in the few sentences before (same article): whom a "he" or "she" most likely
        means; the nearest one named wins."""
        sentences = self.corpus.sentences
        doc = sentences[sentence_id].doc_id
        for previous in range(sentence_id - 1, max(-1, sentence_id - 1 - back), -1):
            if sentences[previous].doc_id != doc:
                break
            found = {self.stem_of[t] for t in self.sentence_terms[previous]} & self.people
            if found:
                return found
        return set()

    def variants(self, term: str) -> tuple[str, ...]:
        """Other forms of a proper name in the corpus (``kazakh`` <-> ``kazakhstan``)."""
        found = set(self._name_prefixes.get(term, ()))
        found.update(term[:cut] for cut in range(max(5, len(term) - MAX_NAME_SUFFIX), len(term))
                     if term[:cut] in self.names)
        if term.endswith("es") and term in self.names:  # "Lebanese" (stem lebanes) <-> Lebanon
            found.update(self._name_prefixes.get(term[:-2], ()))
        if len(term) >= 5:  # "Taldykorgan" <-> Taldyqorghan, "Tokayev" <-> Toqaev: another romanisation
            found.update(self._romanised.get(romanisation_key(term), ()))
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

    def rank(self, query: Query, limit: int = 3, pool: list[tuple[int, float]] | None = None,
             dense: bool | None = None) -> list[Hit]:
        """Best quotable sentences for the query, best first, each with its confidence.

        Candidates come from dictionaries over postings on small corpora and from numpy arrays on
        large ones (``dense``); both compute the same scores, and so does rank-bm25's own
        ``get_scores`` (tests/reference.py passes such a ``pool`` and compares).
        """
        if not query.groups:
            return []
        if pool is None:
            pool = self._pool_dense(query) if (self.dense if dense is None else dense) else self._pool_sparse(query)
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
        unquotable = self.unquotable
        for sid, score in own.items():
            if sid not in unquotable:
                combined[sid] = score + CONTEXT_WEIGHT * context.get(self.passage_of[sid], 0.0)
        for pid, score in context.items():
            for sid in self.corpus.passages[pid].sentence_ids:
                if sid not in combined and sid not in unquotable:
                    combined[sid] = CONTEXT_WEIGHT * score
        if query.cues:
            hard = query.cues & lexicon.HARD_CUES
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

    def _combine_dense(self, query: Query, own: np.ndarray, context: np.ndarray) -> list[tuple[int, float]]:
        if self._dense_parts is None:
            passage_of = np.frombuffer(self.passage_of, dtype=np.int32)
            masks = {name: np.fromiter((name in f for f in self.features), dtype=bool, count=len(self.features))
                     for name in ("number", "date", "cause", "person", "place")}
            quotable = np.ones(len(self.features), dtype=bool)
            quotable[list(self.unquotable)] = False
            self._dense_parts = (passage_of, masks, quotable)
        passage_of, masks, quotable = self._dense_parts
        combined = (own + CONTEXT_WEIGHT * context[passage_of]) * quotable
        if query.cues:
            hard = query.cues & lexicon.HARD_CUES
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
