"""How many threads the engine's pool needs: event-loop stalls and question latency, by pool size.

    python tests/measure_engine_threads.py

800 questions on the seed corpus, a quarter of them 4,000 characters of corpus words with typos
(the slowest kind), arrive in bursts while a ticker measures how late the event loop wakes up.
"0 threads" calls the engine on the loop, as the bot did before ``bot.telegram.offload``.
"""

from __future__ import annotations  # noqa: I001 - conftest first: it puts the repository on sys.path

import asyncio
import random
import time

from conftest import SEED_CORPUS, SEED_FAQ

from bot.answer import answer
from bot.knowledge import build
from bot.spelling import load_english
from bot.telegram.offload import Offload

SHORT = ["How many people were arrested?", "What is the CSTO?", "Who is Tokayev?"]


def long_questions(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    words = sorted({w.strip(".,“”\"'()").lower() for f in SEED_CORPUS.glob("*.txt")
                    for w in f.read_text(encoding="utf-8").split() if w.isalpha() and len(w) > 4})
    out = []
    for _ in range(count):
        picked: list[str] = []
        while sum(len(w) + 1 for w in picked) < 4000:
            w = rng.choice(words)
            i = rng.randrange(len(w))
            picked.append(w[:i] + rng.choice("abcdefghij") + w[i + 1:] if rng.random() < 0.5 else w)
        out.append(" ".join(picked) + "?")
    return out


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def trial(kb, threads: int, longs: list[str]) -> str:
    kb.words.clear()  # every trial starts with the same cold cache of analysed words
    pool = Offload(threads) if threads else None
    lags: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            started = time.perf_counter()
            await asyncio.sleep(0.001)
            lags.append(time.perf_counter() - started - 0.001)

    async def ask(question: str) -> float:
        started = time.perf_counter()
        if pool:
            await pool(answer, kb, question)
        else:
            answer(kb, question)
        return time.perf_counter() - started

    tick = asyncio.create_task(ticker())
    started = time.perf_counter()
    jobs = []
    for i in range(4 * len(longs)):
        jobs.append(asyncio.create_task(ask(longs[i // 4] if i % 4 == 0 else SHORT[i % 3])))
        if i % 10 == 0:
            await asyncio.sleep(0.005)  # questions arrive in bursts of ten
    waits = await asyncio.gather(*jobs)
    total = time.perf_counter() - started
    done.set()
    await tick
    if pool:
        pool.shutdown()
    shorts = [w for i, w in enumerate(waits) if i % 4]
    return (f"{threads} threads: {total:.2f} s in all; loop late p99 {percentile(lags, .99) * 1000:.1f} ms, "
            f"max {max(lags) * 1000:.1f} ms; short questions p50 {percentile(shorts, .5) * 1000:.1f} ms, "
            f"p99 {percentile(shorts, .99) * 1000:.1f} ms")


def main() -> None:
    kb = build(SEED_CORPUS, SEED_FAQ)
    load_english()
    longs = long_questions(200)
    for threads in (0, 1, 2, 4, 0, 1, 2, 4, 0, 1, 2, 4):
        print(asyncio.run(trial(kb, threads, longs)))


if __name__ == "__main__":
    main()
