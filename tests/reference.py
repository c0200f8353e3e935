"""The unoptimised reference: every sentence and paragraph scored with rank-bm25's own ``get_scores``.

The engine's sparse and dense paths must rank exactly as this does (tests/test_index.py).
"""

from __future__ import annotations

import numpy as np

from bot.index import Bm25
from bot.query import Query
from bot.search import PASSAGE_B, SENTENCE_B, SearchEngine
from bot.text import terms


def reference_pool(engine: SearchEngine, query: Query) -> list[tuple[int, float]]:
    """The candidates ``engine.rank`` reranks, computed one term at a time by rank-bm25."""
    corpus = engine.corpus
    sentence_docs = [terms(s.text) for s in corpus.sentences]
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
