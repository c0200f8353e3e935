"""The console shows what Telegram shows (answer, quotation once, partial matches labelled) and records it."""

from __future__ import annotations

import io
import sqlite3
import sys

import pytest

from bot.answer import Answer, Kind
from bot.cli import format_plain, main
from bot.settings import Settings
from bot.sqlite_store import SqliteStore

from conftest import ROOT

TITLE = "Kazakh leader declares"


def passage(text: str, source: str, score: float = 0.9) -> Answer:
    return Answer("q", Kind.PASSAGE, text, source, TITLE, score)


def test_faq_answer_then_quotation_then_title():
    shown = format_plain(Answer("q", Kind.FAQ, "Nearly 8,000.", "nearly 8,000 people were arrested", TITLE, 0.9))
    assert shown.splitlines() == ["Nearly 8,000.", "  \u201cnearly 8,000 people were arrested\u201d",
                                  f"  \u2014 {TITLE}"]


def test_an_answer_equal_to_its_quotation_is_shown_once_after_its_opening():
    shown = format_plain(passage("Order was restored.", "Order was restored."))
    assert shown.splitlines() == ["From the article:", "  \u201cOrder was restored.\u201d", f"  \u2014 {TITLE}"]
    faq = format_plain(Answer("q", Kind.FAQ, "Order was restored.", "Order was restored.", TITLE, 0.9))
    assert faq.splitlines()[0] == "Order was restored." and faq.count("Order was restored.") == 2


def test_partial_match_is_labelled_like_telegram():
    shown = format_plain(passage("A paragraph. With more.", "With more.", score=0.6))
    assert shown.startswith("The closest passage I found (it may only partly answer you):\nA paragraph. With more.")


@pytest.mark.parametrize("source", ["\u201cThen they planned to seize the capital,\u201d he added.",
                                    "He said: \u201cwe won.\u201d", "'bandits and terrorists'"])
def test_quotation_marks_are_never_doubled(source):
    shown = format_plain(passage("Text.", source))
    assert "\u201c\u201c" not in shown and "\u201d\u201d" not in shown and f"  {source}" in shown


def chat(monkeypatch, capsys, lines: str, settings: Settings) -> tuple[int, str, str]:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode()), encoding="utf-8"))
    code = main(["chat"], settings=settings)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_console_chat_records_each_question_as_console(monkeypatch, capsys, tmp_path):
    data = tmp_path / "data"
    code, out, _ = chat(monkeypatch, capsys, "How many people were arrested?\nWhat is the tenge worth?\n\n",
                        Settings(cache_dir=None, data_dir=data))
    assert code == 0 and "8,000" in out
    store = SqliteStore(data / "questions.sqlite3")
    totals = store.totals(0)
    assert totals.by_surface == {"console": 2} and totals.by_kind == {"faq": 1, "none": 1}
    assert [a.question for a in store.weak(0, 0.8)] == ["What is the tenge worth?"]
    store.close()


def test_console_chat_answers_when_the_store_cannot_be_opened(monkeypatch, capsys, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    code, out, err = chat(monkeypatch, capsys, "How many people were arrested?\n",
                          Settings(cache_dir=None, data_dir=blocked / "data"))
    assert code == 0 and "8,000" in out and "cannot record questions" in err and len(err.splitlines()) == 1


def test_console_chat_keeps_answering_when_the_store_fails_mid_session(monkeypatch, capsys, tmp_path):
    def full_disk(self, asked):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SqliteStore, "record", full_disk)
    code, out, err = chat(monkeypatch, capsys, "How many people were arrested?\nWhat is the CSTO?\n",
                          Settings(cache_dir=None, data_dir=tmp_path / "data"))
    assert code == 0 and "8,000" in out and "Collective Security" in out
    assert err.count("cannot record questions any more (database or disk is full)") == 1
