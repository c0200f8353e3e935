"""BM25 over token lists with an inverted index, so a query touches only its postings.

The weights are rank-bm25's (its document statistics and scoring formula) with one change:
rank-bm25's ``BM25Okapi`` floors the IDF of any term found in half the documents or more, which on
a thirty-sentence article makes ``Tokayev`` or ``CSTO`` weigh less than a stray word, so the IDF is
Lucene's always-positive ``ln(1 + (N - df + 0.5) / (df + 0.5))``. ``TermIndex`` holds the weights
precomputed into postings; tests/reference.py scores with rank-bm25 itself and checks they agree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

K1 = 1.2
B = 0.75


class TermIndex:
    """Precomputed BM25 term weights in compact arrays; ``postings(term)`` gives ``(doc ids, weights)``.

    Built with numpy in one pass (term ids, ``np.unique`` for term frequencies, ``bincount`` for
    document frequencies), it holds exactly the weights ``Bm25.get_scores`` computes one term at a
    time (a parity test checks it), sorted by term so each term's postings are one slice.
    """

    def __init__(self, term_ids: np.ndarray, doc_ids: np.ndarray, size: int, vocabulary: dict[str, int],
                 k1: float = K1, b: float = B) -> None:
        """Index ``size`` documents from parallel arrays: token ``i`` is term ``term_ids[i]`` in ``doc_ids[i]``."""
        self.size = n = size
        self.k1, self.b = k1, b
        lengths = np.bincount(doc_ids, minlength=n)
        total = len(term_ids)
        keys, tf = np.unique(term_ids.astype(np.int64) * max(n, 1) + doc_ids, return_counts=True)
        terms_of, docs_of = np.divmod(keys, max(n, 1))
        df = np.bincount(terms_of, minlength=len(vocabulary))
        idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
        avgdl = total / n if n else 1.0
        norm = k1 * (1 - b + b * lengths / avgdl)
        present = df > 0
        self.idf: dict[str, float] = {t: float(idf[i]) for t, i in vocabulary.items() if present[i]}
        self._slots = vocabulary
        self._starts = np.concatenate(([0], np.cumsum(df))).tolist()
        self._docs = docs_of.astype(np.int32)
        self._weights = idf[terms_of] * (tf * (k1 + 1) / (tf + norm[docs_of]))

    @classmethod
    def from_docs(cls, docs: Sequence[Sequence[str]], k1: float = K1, b: float = B) -> TermIndex:
        """Index token lists (one per document)."""
        vocabulary: dict[str, int] = {}
        lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
        term_ids = np.fromiter((vocabulary.setdefault(t, len(vocabulary)) for d in docs for t in d),
                               dtype=np.int64, count=int(lengths.sum()))
        doc_ids = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
        return cls(term_ids, doc_ids, len(docs), vocabulary, k1, b)

    def postings(self, term: str) -> tuple[list[int], list[float]]:
        """Documents holding ``term`` and the term's BM25 weight in each."""
        slot = self._slots.get(term)
        if slot is None:
            return [], []
        start, end = self._starts[slot], self._starts[slot + 1]
        return self._docs[start:end].tolist(), self._weights[start:end].tolist()

    def score_dense(self, groups: list[dict[str, float]]) -> np.ndarray:
        """``score`` as an array over all documents, with the same arithmetic in the same order."""
        scores = np.zeros(self.size)
        for group in groups:
            parts = []
            for term, w in group.items():
                slot = self._slots.get(term)
                if slot is not None:
                    start, end = self._starts[slot], self._starts[slot + 1]
                    if end > start:
                        parts.append((self._docs[start:end], w * self._weights[start:end]))
            if not parts:
                continue
            if len(parts) == 1:
                docs, values = parts[0]
                scores[docs] += values
                continue
            docs = np.concatenate([d for d, _ in parts])
            values = np.concatenate([v for _, v in parts])
            order = np.lexsort((-values, docs))  # per document, its best value first
            docs, values = docs[order], values[order]
            first = np.ones(len(docs), dtype=bool)
            first[1:] = docs[1:] != docs[:-1]
            scores[docs[first]] += values[first]
        return scores

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
                for doc, weight in zip(*self.postings(term), strict=True):
                    scores[doc] = get(doc, 0.0) + w * weight
                continue
            best: dict[int, float] = {}
            best_get = best.get
            for term, w in group.items():
                for doc, weight in zip(*self.postings(term), strict=True):
                    v = w * weight
                    if v > best_get(doc, 0.0):
                        best[doc] = v
            for doc, v in best.items():
                scores[doc] = get(doc, 0.0) + v
        return scores
