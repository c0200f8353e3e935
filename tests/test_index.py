"""The fast paths (postings in dictionaries, numpy arrays) against rank-bm25 itself."""

import random

import numpy as np
import pytest

from bot.bench import FUNCTION_WORDS, ZipfWords, generate_corpus
from bot.corpus import load_corpus
from bot.evaluation import load_questions
from bot.index import TermIndex
from bot.knowledge import build
from bot.query import analyze
from bot.text import terms

from conftest import DEV_QUESTIONS, ROOT, SEED_CORPUS
from reference import Bm25, reference_pool


def test_term_weights_equal_rank_bm25_get_scores():
    docs = [terms(s.text) for s in load_corpus(SEED_CORPUS).sentences]
    reference, index = Bm25(docs, b=0.5), TermIndex.from_docs(docs, b=0.5)
    for term in reference.idf:
        ids, weights = index.postings(term)
        dense = np.zeros(len(docs))
        dense[ids] = weights
        assert np.array_equal(reference.get_scores([term]), dense)
        assert index.idf[term] == reference.idf[term]


def test_positive_idf_keeps_frequent_names_above_noise():
    docs = [["tokayev", "said"], ["tokayev", "csto"], ["tokayev", "troops"], ["rare"]]
    idf = TermIndex.from_docs(docs).idf
    assert 0 < idf["tokayev"] < idf["rare"]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    directory = tmp_path_factory.mktemp("synthetic") / "corpus"
    generate_corpus(directory, 40, SEED_CORPUS, seed=3)
    return build(directory, None)


def _questions() -> list[str]:
    rng = random.Random(5)
    made_up = ZipfWords(random.Random(3)).words[len(FUNCTION_WORDS):]
    common = [" ".join(rng.choice(made_up[:100]) for _ in range(4)) for _ in range(20)]
    real = [i.question for i in load_questions(DEV_QUESTIONS)]
    real += [i.question for i in load_questions(ROOT / "tests" / "data" / "kazakhstan_questions.yaml")]
    return common + real


@pytest.mark.parametrize("corpus", ["seed", "synthetic"])
def test_sparse_dense_and_reference_rankings_are_identical(corpus, seed_kb_no_faq, synthetic):
    kb = seed_kb_no_faq if corpus == "seed" else synthetic
    for question in _questions():
        query = analyze(question, kb.engine, kb.synonyms)
        expected = kb.engine.rank(query, limit=5, pool=reference_pool(kb.engine, query))
        assert kb.engine.rank(query, limit=5, dense=False) == expected, question
        assert kb.engine.rank(query, limit=5, dense=True) == expected, question
