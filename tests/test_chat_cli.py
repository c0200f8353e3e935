"""The console as a conversation: chat reads its lines against each other, chat --json says how it read them,
ask keeps every line independent, eval-conversations scores conversation files."""

from __future__ import annotations

import io
import json
import sys

import pytest

from bot.cli import main
from bot.settings import Settings

from conftest import ROOT

TUNE = ["--corpus", "eval/bank/tune/corpus", "--no-faq"]


@pytest.fixture
def run(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)

    def call(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8"))
        code = main(list(args), settings=Settings(cache_dir=None, data_dir=None))
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def test_chat_json_reads_the_lines_as_one_conversation(run):
    code, out, _ = run("chat", "--json", *TUNE, stdin="When did the protests begin?\nwhere?\nthx\n")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 3
    assert rows[0]["understood_as"] == rows[0]["question"] == "When did the protests begin?"
    assert rows[1]["question"] == "where?" and rows[1]["understood_as"] == "Where did the protests begin?"
    assert set(rows[1]) == {"question", "kind", "answer", "source", "highlight", "document", "path", "offset",
                            "score", "understood_as"}
    assert rows[2]["understood_as"] == "thx" and rows[2]["kind"] == "none"


def test_an_empty_line_starts_a_new_conversation_and_prints_nothing(run):
    code, out, _ = run("chat", "--json", *TUNE, stdin="When did the protests begin?\n\nwhere?\n")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 2 and rows[1]["understood_as"] == "where?"


def test_plain_chat_shows_a_follow_up_as_understood(run):
    _, out, _ = run("chat", *TUNE, stdin="How many people died in the Beirut blast?\nand how many were injured?\n")
    assert "(how many were injured (people died in the Beirut blast)?)" in out
    assert "injured over 6,000" in out


def test_ask_keeps_every_line_independent(run):
    _, out, _ = run("ask", "--json", *TUNE, stdin="When did the protests begin?\nwhere?\n")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 2 and "understood_as" not in rows[1] and rows[1]["kind"] == "none"


def test_a_russian_question_gets_russian_words_in_the_console(run):
    _, out, _ = run("chat", *TUNE, stdin="Сколько человек погибло при взрыве в Бейруте?\nкакая погода завтра?\n")
    # Russian labels whichever the answer's confidence ("From the article" or "the closest passage I found")
    assert out.startswith(("Из статьи:", "Самый близкий фрагмент")) and "Я не нашёл этого в статьях" in out


def test_eval_conversations_scores_the_last_turns_and_keeps_floors(run, tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text('conversations:\n'
                    '  - turns: ["How many people died in the Beirut blast?", "and how many were injured?"]\n'
                    '    expect: ["injured over 6,000"]\n'
                    '  - turns: ["Who is Dauren Bekov?", "is he married?"]\n'
                    '    expect: none\n', encoding="utf-8")
    code, out, _ = run("eval-conversations", str(path), *TUNE)
    assert code == 0 and out.count("ok  ") == 2
    assert "follow-ups answered right: 1/1 (100.0%)  unanswerable declined: 1/1 (100.0%)" in out
    path.write_text('conversations:\n  - turns: ["Who is Dauren Bekov?", "what is his salary?"]\n'
                    '    expect: ["earns 100 dollars"]\n', encoding="utf-8")
    code, _, err = run("eval-conversations", str(path), *TUNE, "--min-in", "0.5")
    assert code == 1 and "below the floor" in err
