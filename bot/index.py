"""BM25 over token lists, on rank-bm25, with an inverted index so a query touches only its postings.

rank-bm25's ``BM25Okapi`` floors the IDF of any term found in half the documents or more; on a
thirty-sentence article that makes ``Tokayev`` or ``CSTO`` weigh less than a stray word. ``Bm25``
keeps rank-bm25's document statistics and scoring formula but uses Lucene's always-positive IDF,
``ln(1 + (N - df + 0.5) / (df + 0.5))``. Term weights are precomputed once into postings lists, so
scoring is a sum over the query's postings rather than a pass over every document.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
from rank_bm25 import BM25

K1 = 1.2
B = 0.75


class Bm25(BM25):
    """rank-bm25 BM25 with a positive IDF; ``get_scores`` is the unoptimised reference."""

    def __init__(self, corpus: Sequence[Sequence[str]], k1: float = K1, b: float = B) -> None:
        self.k1 = k1
        self.b = b
        super().__init__(corpus)

    def _calc_idf(self, nd: dict[str, int]) -> None:
        n = self.corpus_size
        self.idf = {word: math.log(1.0 + (n - df + 0.5) / (df + 0.5)) for word, df in nd.items()}
        self.doc_count = nd

    def _weights(self, q_freq: np.ndarray, doc_len: np.ndarray) -> np.ndarray:
        return q_freq * (self.k1 + 1) / (q_freq + self.k1 * (1 - self.b + self.b * doc_len / self.avgdl))

    def get_scores(self, query: Iterable[str]) -> np.ndarray:
        score = np.zeros(self.corpus_size)
        doc_len = np.array(self.doc_len)
        for q in query:
            q_freq = np.array([doc.get(q, 0) for doc in self.doc_freqs])
            score += self.idf.get(q, 0.0) * self._weights(q_freq, doc_len)
        return score

    def get_batch_scores(self, query: Iterable[str], doc_ids: Sequence[int]) -> list[float]:
        doc_len = np.array([self.doc_len[i] for i in doc_ids])
        score = np.zeros(len(doc_ids))
        for q in query:
            q_freq = np.array([self.doc_freqs[i].get(q, 0) for i in doc_ids])
            score += self.idf.get(q, 0.0) * self._weights(q_freq, doc_len)
        return score.tolist()


class TermIndex:
    """Precomputed BM25 term weights: ``postings[term]`` is a list of ``(doc, weight)`` pairs."""

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = K1, b: float = B) -> None:
        self.size = len(docs)
        if not docs or not any(docs):
            self.idf: dict[str, float] = {}
            self.postings: dict[str, list[tuple[int, float]]] = {}
            return
        bm = Bm25(docs, k1, b)
        k1, b, avgdl = bm.k1, bm.b, bm.avgdl
        self.idf = bm.idf
        postings: dict[str, list[tuple[int, float]]] = {}
        for doc, (freqs, length) in enumerate(zip(bm.doc_freqs, bm.doc_len, strict=True)):
            norm = k1 * (1 - b + b * length / avgdl)
            for term, tf in freqs.items():
                postings.setdefault(term, []).append((doc, bm.idf[term] * tf * (k1 + 1) / (tf + norm)))
        self.postings = postings

    def max_idf(self) -> float:
        """The IDF a term found in no document would get: the weight of an unknown word."""
        return math.log(1.0 + (self.size + 0.5) / 0.5)

    def score(self, groups: list[dict[str, float]]) -> dict[int, float]:
        """BM25 scores of the documents holding a query term; each group adds its best term's weight.

        A group is one question word with its stand-ins (synonyms, spelling fixes); a document
        holding two of them scores as if it held the best one, so "citizens and people" does
        not count twice.
        """
        scores: dict[int, float] = {}
        get = scores.get
        for group in groups:
            if len(group) == 1:
                ((term, w),) = group.items()
                for doc, weight in self.postings.get(term, ()):
                    scores[doc] = get(doc, 0.0) + w * weight
                continue
            best: dict[int, float] = {}
            best_get = best.get
            for term, w in group.items():
                for doc, weight in self.postings.get(term, ()):
                    v = w * weight
                    if v > best_get(doc, 0.0):
                        best[doc] = v
            for doc, v in best.items():
                scores[doc] = get(doc, 0.0) + v
        return scores
