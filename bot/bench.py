"""``python main.py bench``: our engine against plain rank-bm25 on a synthetic corpus, in one run.

The corpus is N made-up articles (a Zipf-distributed vocabulary of 40,000 made-up words after
the common English function words, 12-24 paragraphs each) plus the real articles, so real
questions still have answers. Each side runs in its own child process, which loads the files,
builds its index and answers the questions; the parent prints per-question latency (p50, p99,
measured after the index is built), build time, peak memory (the child's max RSS) and ratios.
"""

from __future__ import annotations

import multiprocessing as mp
import random
import resource
import shutil
import sys
import tempfile
import time
from bisect import bisect
from itertools import accumulate
from pathlib import Path

VOCABULARY = 40_000
FUNCTION_WORDS = ("the of and to in a is that for on was with as by it at from his he be are an has have "
                  "were which or this but had not been its their they who will would after more said").split()
SYLLABLES = [c + v for c in "bcdfghjklmnprstvz" for v in "aeiou"] + ["ka", "zo", "qui", "tre", "shan", "mor"]
QUESTIONS = [  # the kinds of questions users ask about the seed article (not the dev set's wording)
    "How many people died?", "What is the death toll?", "how many were arrested", "Who is Tokayev?",
    "What is the CSTO?", "How many troops did the alliance send?", "What did Putin say?", "Where is Almaty?",
    "Why did the protests start?", "fuel prices", "Who is Nazarbayev?", "What is the capital named after?",
    "Is there evidence of foreign involvement?", "What happens next?", "tokaev csto", "kazakstan unrest",
    "What is the exchange rate of the tenge?", "good morning", "Who won the football match?", "qqq zzz",
]


def make_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4))))


class ZipfWords:
    """Draws words with probability proportional to 1/rank: function words first, then made-up ones."""

    def __init__(self, rng: random.Random, size: int = VOCABULARY) -> None:
        made_up: set[str] = set()
        while len(made_up) < size:
            made_up.add(make_word(rng))
        shuffled = sorted(made_up)  # sorted first so that the seed alone decides the order
        rng.shuffle(shuffled)
        self.words = FUNCTION_WORDS + shuffled
        self.cumulative = list(accumulate(1.0 / rank for rank in range(1, len(self.words) + 1)))
        self.rng = rng

    def sentence(self) -> str:
        total = self.cumulative[-1]
        picks = [self.words[bisect(self.cumulative, self.rng.random() * total)]
                 for _ in range(self.rng.randint(8, 30))]
        first = picks[0].capitalize()
        return " ".join([first, *picks[1:]]) + "."


def generate_article(zipf: ZipfWords, rng: random.Random) -> str:
    """Title, then 12-24 paragraphs of 1-4 sentences, blank-line separated."""
    title = zipf.sentence().rstrip(".")
    paragraphs = [" ".join(zipf.sentence() for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(12, 24))]
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def generate_corpus(directory: Path, articles: int, real: Path | None, seed: int = 7, progress=None) -> int:
    """Write ``articles`` synthetic articles (and copies of the real ones) into ``directory``."""
    rng = random.Random(seed)
    zipf = ZipfWords(rng)
    directory.mkdir(parents=True, exist_ok=True)
    if real is not None:
        for path in sorted(real.glob("*.txt")):
            shutil.copy(path, directory / path.name)
    for i in range(articles):
        (directory / f"synthetic_{i:05d}.txt").write_text(generate_article(zipf, rng), encoding="utf-8")
        if progress:
            progress(i + 1, articles)
    return articles


def progress_bar(label: str):
    """A one-line progress bar on stderr, drawn only on a terminal."""
    def draw(done: int, total: int) -> None:
        if not sys.stderr.isatty() or (done % max(1, total // 100) and done != total):
            return
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()
    return draw


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _timed(ask, questions: list[str], rounds: int) -> list[float]:
    for q in questions:  # first pass: not timed
        ask(q)
    timings = []
    for _ in range(rounds):
        for q in questions:
            t = time.perf_counter()
            ask(q)
            timings.append(time.perf_counter() - t)
    return timings


def _ours(directory: Path, faq: Path | None, questions: list[str], common: list[str], rounds: int, out) -> None:
    from bot.answer import answer
    from bot.knowledge import build

    started = time.perf_counter()
    kb = build(directory, faq)
    build_time = time.perf_counter() - started
    timings = _timed(lambda q: answer(kb, q), questions, rounds)
    out.put(_report(build_time, timings, _timed(lambda q: answer(kb, q), common, 1), len(kb.corpus.sentences)))


def _baseline(directory: Path, faq: Path | None, questions: list[str], common: list[str], rounds: int, out) -> None:
    """rank-bm25 BM25Okapi over all sentences, whitespace tokens, get_scores, the top sentence."""
    import numpy as np
    from rank_bm25 import BM25Okapi

    from bot.corpus import load_corpus

    started = time.perf_counter()
    sentences = [s.text for s in load_corpus(directory).sentences]
    bm25 = BM25Okapi([s.lower().split() for s in sentences])
    build_time = time.perf_counter() - started

    def top(q: str) -> str:
        return sentences[int(np.argmax(bm25.get_scores(q.lower().split())))]

    timings = _timed(top, questions, rounds)
    out.put(_report(build_time, timings, _timed(top, common, 1), len(sentences)))


def baseline_answerer(directory: Path):
    """The baseline as an answerer for ``eval --baseline``: always answers with the top sentence."""
    import numpy as np
    from rank_bm25 import BM25Okapi

    from bot.answer import Answer, Kind
    from bot.corpus import load_corpus

    corpus = load_corpus(directory)
    bm25 = BM25Okapi([s.text.lower().split() for s in corpus.sentences])

    def ask(question: str) -> Answer:
        best = corpus.sentences[int(np.argmax(bm25.get_scores(question.lower().split())))]
        return Answer(question, Kind.PASSAGE, best.text, best.text, corpus.documents[best.doc_id].title, 0.0)

    return ask


def _report(build_time: float, timings: list[float], common: list[float], sentences: int) -> dict:
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"build": build_time, "p50": _percentile(timings, 0.5), "p99": _percentile(timings, 0.99),
            "common_p50": _percentile(common, 0.5), "peak_mb": peak_kib / 1024, "sentences": sentences}


def common_word_questions(seed: int, count: int = 10) -> list[str]:
    """Questions made of the corpus's most frequent made-up words: the worst case for postings."""
    made_up = ZipfWords(random.Random(seed)).words[len(FUNCTION_WORDS):]
    rng = random.Random(seed + 1)
    return [" ".join(rng.choice(made_up[:200]) for _ in range(5)) for _ in range(count)]


def measure(directory: Path, faq: Path | None, questions: list[str], common: list[str],
            rounds: int) -> tuple[dict, dict]:
    """Run both sides, each in a fresh child process, and return their reports."""
    context = mp.get_context("spawn")
    reports = []
    for name, target in (("ours", _ours), ("rank-bm25", _baseline)):
        print(f"building and timing {name} ...", file=sys.stderr, flush=True)
        queue = context.Queue()
        child = context.Process(target=target, args=(directory, faq, questions, common, rounds, queue))
        child.start()
        reports.append(queue.get())
        child.join()
    return reports[0], reports[1]


def run_bench(real: Path, articles: int, questions_file: str | None, seed: int, rounds: int | None = None,
              faq: Path | None = None) -> int:
    """Generate, measure, print the table. Returns the exit code.

    Ours is the whole pipeline (FAQ matching when ``faq`` is given, spelling, ranking, sentence
    choice); the baseline is rank-bm25's BM25Okapi over whitespace tokens, top sentence.
    """
    if questions_file:
        from bot.evaluation import load_questions

        questions = [item.question for item in load_questions(Path(questions_file))]
    else:
        questions = QUESTIONS
    rounds = rounds or (50 if articles <= 1 else 20 if articles <= 100 else 5 if articles <= 1000 else 2)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        directory = Path(tmp) / "corpus"
        started = time.perf_counter()
        generate_corpus(directory, articles, real, seed, progress_bar(f"generating {articles} articles"))
        generated = time.perf_counter() - started
        print(f"corpus: {articles} synthetic articles + {len(list(real.glob('*.txt')))} real, "
              f"generated in {generated:.1f}s; {len(questions)} questions x {rounds} rounds", flush=True)
        ours, base = measure(directory, faq, questions, common_word_questions(seed), rounds)
    print(f"sentences: {ours['sentences']}")
    print(f"{'':12}{'p50 ms':>10}{'p99 ms':>10}{'build s':>10}{'peak MB':>10}")
    for name, r in (("ours", ours), ("rank-bm25", base)):
        print(f"{name:12}{r['p50'] * 1e3:10.3f}{r['p99'] * 1e3:10.3f}{r['build']:10.2f}{r['peak_mb']:10.0f}")
    print(f"{'ratio':12}{ours['p50'] / base['p50']:10.2f}{ours['p99'] / base['p99']:10.2f}"
          f"{ours['build'] / base['build']:10.2f}{ours['peak_mb'] / base['peak_mb']:10.2f}")
    print(f"common-word questions (worst case), p50 ms: ours {ours['common_p50'] * 1e3:.3f}, "
          f"rank-bm25 {base['common_p50'] * 1e3:.3f}, ratio {ours['common_p50'] / base['common_p50']:.2f}")
    return 0
