"""The unoptimised reference: every sentence and paragraph scored with rank-bm25's own ``get_scores``.

The engine's sparse and dense paths must rank exactly as this does (tests/test_index.py).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
from rank_bm25 import BM25

from bot.features import indexed_words
from bot.index import K1, B
from bot.query import Query
from bot.search import PASSAGE_B, SENTENCE_B, SearchEngine
from bot.text import STOP_WORDS, stem, terms


class Bm25(BM25):
    """rank-bm25 BM25 with a positive IDF; ``get_scores`` is the unoptimised reference."""

    def __init__(self, corpus: Sequence[Sequence[str]], k1: float = K1, b: float = B) -> None:
        self.k1 = k1
        self.b = b
        super().__init__(corpus)

    def _calc_idf(self, nd: dict[str, int]) -> None:
        n = self.corpus_size
        self.idf = {word: math.log(1.0 + (n - df + 0.5) / (df + 0.5)) for word, df in nd.items()}

    def _weights(self, q_freq: np.ndarray, doc_len: np.ndarray) -> np.ndarray:
        return q_freq * (self.k1 + 1) / (q_freq + self.k1 * (1 - self.b + self.b * doc_len / self.avgdl))

    def get_scores(self, query: Iterable[str]) -> np.ndarray:
        score = np.zeros(self.corpus_size)
        doc_len = np.array(self.doc_len)
        for q in query:
            q_freq = np.array([doc.get(q, 0) for doc in self.doc_freqs])
            score += self.idf.get(q, 0.0) * self._weights(q_freq, doc_len)
        return score


def reference_pool(engine: SearchEngine, query: Query) -> list[tuple[int, float]]:
    """The candidates ``engine.rank`` reranks, computed one term at a time by rank-bm25."""
    corpus = engine.corpus
    sentence_docs = [[stem(w) for w in indexed_words(s.text) if w not in STOP_WORDS] for s in corpus.sentences]
    titles = [terms(d.title) for d in corpus.documents]
    passage_docs = [[t for i in p.sentence_ids for t in sentence_docs[i]] + terms(p.heading)
                    + (titles[p.doc_id] if p.paragraph else []) for p in corpus.passages]
    sentence_bm25, passage_bm25 = Bm25(sentence_docs, b=SENTENCE_B), Bm25(passage_docs, b=PASSAGE_B)

    def scores(bm25: Bm25) -> np.ndarray:
        total = np.zeros(bm25.corpus_size)
        for group in query.weighted_groups:
            total += np.maximum.reduce([w * bm25.get_scores([term]) for term, w in group.items()])
        return total

    return engine._combine_dense(query, scores(sentence_bm25), scores(passage_bm25))
