"""``report``: missed questions grouped with what answers them now, worst-rated answers, totals; and the CLI."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from bot.cli import main
from bot.report import as_json, build_report, parse_duration, render_text
from bot.settings import Settings
from bot.sqlite_store import SqliteStore
from bot.store import Asked, Surface

from conftest import SEED_CORPUS, SEED_FAQ


def missed(question: str, score: float = 0.3, **extra) -> Asked:
    return Asked(question, extra.pop("surface", Surface.PRIVATE), "none", score, 1.0, "not confident", **extra)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    store = SqliteStore(tmp_path / "data" / "questions.sqlite3")
    for question in ("What is the exchange rate of the tenge?", "what is the exchnage rate of the tenge",
                     "How many people were arrested?"):
        store.record(missed(question))
    store.record(missed("Who won the match?", asked_at=time.time() - 30 * 86_400))
    weak = Asked("What did Tokayev ask the CSTO for?", Surface.GROUP, "passage", 0.64, 3.0, source="The fall …")
    liked = Asked("Who is Tokayev?", Surface.INLINE, "faq", 0.9, 2.0, entry_id="who-tokayev", source="Kassym")
    for row in (weak, liked):
        store.record(row)
    store.vote(weak.id, "a", -1)
    store.vote(liked.id, "a", 1)
    store.close()
    return tmp_path / "data"


def test_missed_questions_are_grouped_with_what_answers_them_now(data, seed_kb):
    store = SqliteStore(data / "questions.sqlite3")
    report = build_report(store, seed_kb, 0.0, 10)
    store.close()
    by_question = {m.question: m for m in report.missed}
    tenge = by_question["What is the exchange rate of the tenge?"]
    assert tenge.count == 2 and tenge.wordings[1] == "what is the exchnage rate of the tenge"
    arrested = by_question["How many people were arrested?"]  # missed then, answered by the FAQ now
    assert (arrested.now_kind, arrested.now_entry) == ("faq", "arrests")
    weak = by_question["What did Tokayev ask the CSTO for?"]
    assert weak.best_passage and "Tokayev told the CSTO" in weak.best_passage and 0 < weak.best_score <= 1
    assert report.missed[0].question == "What is the exchange rate of the tenge?"  # most asked first


def test_totals_worst_rated_and_the_since_window(data, seed_kb):
    store = SqliteStore(data / "questions.sqlite3")
    everything = build_report(store, seed_kb, 0.0, 10)
    recent = build_report(store, seed_kb, time.time() - 7 * 86_400, 10)
    store.close()
    assert everything.totals.questions == 6 and recent.totals.questions == 5
    assert recent.totals.by_surface == {"private": 3, "group": 1, "inline": 1}
    assert recent.totals.median_latency_ms == 1.0
    assert "Who won the match?" not in [m.question for m in recent.missed]
    assert [(r.kind, r.down) for r in recent.worst] == [("passage", 1)]
    text = render_text(recent)
    assert "2x  What is the exchange rate of the tenge?" in text and "now answered by FAQ entry 'arrests'" in text
    assert "1 down, 0 up" in text and "by surface: private 3 · group 1 · inline 1" in text
    assert json.loads(json.dumps(as_json(recent)))["totals"]["questions"] == 5


@pytest.mark.parametrize("text, seconds", [("7d", 604_800), ("12h", 43_200), ("30m", 1800), ("2w", 1_209_600)])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


def run(capsys, *args: str, data: Path | None = None) -> tuple[int, str, str]:
    code = main([*args, "--corpus", str(SEED_CORPUS), "--faq", str(SEED_FAQ)],
                settings=Settings(cache_dir=None, data_dir=data))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_report_command_prints_text_or_json(data, capsys):
    code, out, _ = run(capsys, "report", "--since", "7d", data=data)
    assert code == 0 and out.startswith("Questions asked (since ") and "Worst-rated answers:" in out
    code, out, _ = run(capsys, "report", "--json", "--top", "1", data=data)
    parsed = json.loads(out)
    assert code == 0 and len(parsed["missed"]) == 1 and parsed["totals"]["questions"] == 6


def test_report_without_recorded_questions_says_so(tmp_path, capsys):
    code, out, _ = run(capsys, "report", data=tmp_path / "nothing")
    assert code == 0 and "no questions recorded yet" in out
    assert not (tmp_path / "nothing").exists()


@pytest.mark.parametrize("flag, value", [("--top", "-1"), ("--top", "0"), ("--since", "soon"), ("--since", "-3d")])
def test_bad_report_values_are_one_line(data, capsys, flag, value):
    with pytest.raises(SystemExit) as info:
        run(capsys, "report", flag, value, data=data)
    err = capsys.readouterr().err.strip()
    assert info.value.code == 2 and len(err.splitlines()) == 1
    assert err.startswith(f"main.py report: error: argument {flag}")


def test_an_unreadable_store_is_one_line_and_exit_1(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "questions.sqlite3").write_bytes(b"this is not a database" * 100)
    code, _, err = run(capsys, "report", data=data)
    assert code == 1 and err.strip().startswith(f"{data}: cannot open the question store (")
    assert len(err.strip().splitlines()) == 1
