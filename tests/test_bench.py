"""The benchmark's corpus generator, the index cache, and a small end-to-end bench run."""

import random
from collections import Counter
from pathlib import Path

from bot import cache
from bot.bench import FUNCTION_WORDS, ZipfWords, generate_article, generate_corpus, run_bench
from bot.corpus import load_corpus

from conftest import SEED_CORPUS


def test_generator_is_deterministic_and_includes_real_articles(tmp_path: Path):
    generate_corpus(tmp_path / "a", 5, SEED_CORPUS, seed=1)
    generate_corpus(tmp_path / "b", 5, SEED_CORPUS, seed=1)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(names) == 6 and any(n.startswith("000_") for n in names)
    assert all((tmp_path / "a" / n).read_text() == (tmp_path / "b" / n).read_text() for n in names)


def test_generated_articles_have_12_to_24_paragraphs_and_load(tmp_path: Path):
    rng = random.Random(2)
    zipf = ZipfWords(rng)
    for i in range(10):
        text = generate_article(zipf, rng)
        paragraphs = [p for p in text.split("\n\n")[1:] if p.strip()]
        assert 12 <= len(paragraphs) <= 24
        (tmp_path / f"{i}.txt").write_text(text)
    corpus = load_corpus(tmp_path)
    assert len(corpus.documents) == 10 and len(corpus.sentences) > 10 * 12


def test_vocabulary_is_zipf_distributed_and_made_up():
    zipf = ZipfWords(random.Random(3))
    made_up = zipf.words[len(FUNCTION_WORDS):]
    assert len(set(made_up)) >= 40_000
    assert made_up[:1000] != sorted(made_up[:1000])  # shuffled: frequency does not follow the alphabet
    counts = Counter(w.lower().strip(".") for _ in range(3000) for w in zipf.sentence().split())
    ranked = [n for _, n in counts.most_common()]
    assert ranked[0] > 10 * ranked[len(ranked) // 2]  # a long tail, a few very common words
    assert counts.most_common(1)[0][0] in FUNCTION_WORDS


def _no_indexing(*args):
    raise AssertionError("the articles were parsed instead of read from the cache")


def test_index_cache_is_reused_and_keyed_by_contents(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 2, SEED_CORPUS, seed=4)
    first = cache.load_engine(corpus, tmp_path / "cache")
    [stored] = list((tmp_path / "cache").glob("engine-*.pickle"))
    with monkeypatch.context() as patch:
        patch.setattr(cache, "parse_files", _no_indexing)
        again = cache.load_engine(corpus, tmp_path / "cache")
    assert [s.text for s in again.corpus.sentences] == [s.text for s in first.corpus.sentences]
    (corpus / "extra.txt").write_text("Extra title\n\nA new sentence about cache keys.\n")
    changed = cache.load_engine(corpus, tmp_path / "cache")
    assert len(changed.corpus.sentences) == len(first.corpus.sentences) + 2
    assert not stored.exists()  # only the current corpus's cache is kept


def test_unreadable_cache_is_rebuilt_and_rewritten(tmp_path: Path, monkeypatch, caplog):
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 1, SEED_CORPUS, seed=4)
    fresh = cache.load_engine(corpus, tmp_path / "cache")
    [stored] = list((tmp_path / "cache").glob("engine-*.pickle"))
    stored.write_bytes(b"not a pickle")
    rebuilt = cache.load_engine(corpus, tmp_path / "cache")
    assert "ignoring unreadable index cache" in caplog.text
    assert [s.text for s in rebuilt.corpus.sentences] == [s.text for s in fresh.corpus.sentences]
    with monkeypatch.context() as patch:  # the rebuilt index was written back and is read next time
        patch.setattr(cache, "parse_files", _no_indexing)
        assert len(cache.load_engine(corpus, tmp_path / "cache").corpus.sentences) == len(fresh.corpus.sentences)


def test_small_bench_run_prints_both_sides_and_ratios(capsys):
    assert run_bench(SEED_CORPUS, 3, None, seed=1, rounds=1) == 0
    out = capsys.readouterr().out
    assert "ours" in out and "rank-bm25" in out and "ratio" in out
    ratio_line = next(line for line in out.splitlines() if line.startswith("ratio"))
    assert len(ratio_line.split()) == 5
