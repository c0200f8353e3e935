"""What keeping a conversation costs a question: ``python tests/measure_context.py`` (about 20 s).

Three figures, over the tune conversations (eval/bank/tune and eval/conversations, each asked three
times), on this machine:
- context handling in the engine: reading the stored exchange back (JSON), resolving the message
  against it, noting what the exchange leaves in focus, and writing that as JSON;
- the whole answer with its context (``answer_in_context``) against the same message answered alone
  (``answer``), follow-ups and self-contained messages apart;
- the store's side (SQLite, 10,000 conversations kept): ``load_context`` and ``save_context``, which
  the bot runs on the store's worker thread, never on the event loop.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answer import answer, answer_in_context, next_turn  # noqa: E402
from bot.conversation import Turn, resolve  # noqa: E402
from bot.dialogues import load_conversations  # noqa: E402
from bot.knowledge import build  # noqa: E402
from bot.sqlite_store import SqliteStore  # noqa: E402
from bot.store import context_key  # noqa: E402

FILES = ["eval/bank/tune/conversations.yaml", "eval/bank/tune/conversations_ru.yaml",
         "eval/conversations/own_tune.yaml"]


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


def summary(name: str, costs: list[float]) -> None:
    costs = sorted(costs)
    p99 = costs[min(len(costs) - 1, int(len(costs) * 0.99))]
    print(f"{name:58} median {statistics.median(costs):.3f} ms   p99 {p99:.3f} ms   ({len(costs)} questions)")


def main() -> None:
    kb = build(ROOT / "eval" / "bank" / "tune" / "corpus", ROOT / "faq.yaml", entries=False)
    pairs = []
    for name in FILES:
        for c in load_conversations(ROOT / name):
            first, _, turn = answer_in_context(kb, c.turns[0], None)
            pairs.append((c.turns[1], turn, first))
    pairs *= 3
    context, alone, followups, fresh = [], [], [], []
    for message, turn, first in pairs:
        stored = turn.to_json()

        def handle(message=message, stored=stored, first=first):
            resolution = resolve(message, Turn.from_json(stored))
            next_turn(kb, resolution.text, first).to_json()

        context.append(timed(handle))
        with_context = timed(lambda message=message, turn=turn: answer_in_context(kb, message, turn))
        on_its_own = timed(lambda message=message: answer(kb, message))
        (followups if resolve(message, turn).inherited else fresh).append(with_context - on_its_own)
        alone.append(on_its_own)
    summary("context handling (resolve, focus, JSON both ways)", context)
    summary("answer_in_context minus answer, follow-ups", followups)
    summary("answer_in_context minus answer, self-contained", fresh)
    summary("answer alone, for scale", alone)
    with tempfile.TemporaryDirectory() as folder:
        store = SqliteStore(Path(folder) / "questions.sqlite3")
        keys = [context_key(b"salt", chat, "") for chat in range(10_000)]
        now = time.time()
        for key in keys:
            store.save_context(key, pairs[0][1].to_json(), now + 300)
        turn = pairs[1][1].to_json()
        summary("store: save_context (SQLite, worker thread)",
                [timed(lambda key=key: store.save_context(key, turn, now + 300)) for key in keys[:2000]])
        summary("store: load_context (SQLite, worker thread)",
                [timed(lambda key=key: store.load_context(key, now)) for key in keys[:2000]])
        store.close()


if __name__ == "__main__":
    main()
