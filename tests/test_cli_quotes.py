"""The console and ``ask --json`` quote the whole source sentence with its answering part highlighted.

In process through ``bot.cli.main(argv)``, like tests/test_cli.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.excerpt import ELLIPSIS, MAX_QUOTE
from bot.settings import Settings

from conftest import ROOT
from long_article import ANSWER, LONG_ARTICLE, QUESTION

SENTENCE = ("Scores of citizens and more than a dozen security forces personnel were killed last week as dissent "
            "that began over fuel prices swelled, while nearly 8,000 people were arrested.")


@pytest.fixture
def ask(monkeypatch, capsys):
    """Run ``ask`` in process from the repository root and return its standard output."""
    monkeypatch.chdir(ROOT)

    def run(*args: str) -> str:
        assert main(["ask", *args], settings=Settings(cache_dir=None)) == 0
        return capsys.readouterr().out

    return run


def test_faq_answer_quotes_the_whole_sentence_with_the_fragment_marked(ask):
    out = ask("How many people were arrested?")
    quote = SENTENCE.replace("nearly 8,000 people were arrested", "**nearly 8,000 people were arrested**")
    assert out.splitlines()[:3] == ["Nearly 8,000 people were arrested.", f"  \u201c{quote}\u201d",
                                    "  \u2014 Kazakh leader declares \u2018coup d\u2019etat\u2019 over as Putin "
                                    "claims victory"]


def test_passage_answer_marks_the_answering_words(ask):
    out = ask("How many people were arrested?", "--no-faq")
    assert f"  \u201c{SENTENCE.replace('nearly 8,000 people', '**nearly 8,000 people**')}\u201d" in out.splitlines()


@pytest.mark.parametrize("args", [["How many people were arrested?"], ["How many people were arrested?", "--no-faq"],
                                  ["What is Nur-Sultan named after?"], ["What is the CSTO?"]])
def test_json_source_is_verbatim_and_highlight_offsets_into_it(ask, args):
    row = json.loads(ask(*args, "--json"))
    assert row["kind"] in ("faq", "passage")
    text = Path(ROOT / row["path"]).read_text(encoding="utf-8")
    assert text[row["offset"]:row["offset"] + len(row["source"])] == row["source"]
    start, end = row["highlight"]
    assert 0 <= start < end <= len(row["source"])


def test_json_of_the_faq_highlights_the_operators_fragment(ask):
    row = json.loads(ask("How many people were arrested?", "--json"))
    assert row["source"] == SENTENCE
    assert row["source"][slice(*row["highlight"])] == "nearly 8,000 people were arrested"


def test_a_very_long_sentence_is_shortened_around_the_marked_words(ask, tmp_path):
    (tmp_path / "flood.txt").write_text(LONG_ARTICLE, encoding="utf-8")
    out = ask(QUESTION, "--no-faq", "--corpus", str(tmp_path))
    quote = next(line for line in out.splitlines() if line.startswith("  \u201c"))
    assert quote.startswith(f"  \u201c{ELLIPSIS}") and quote.endswith(f"{ELLIPSIS}\u201d")
    assert len(quote) <= MAX_QUOTE + 10
    assert quote.split("**")[1] == ANSWER
    row = json.loads(ask(QUESTION, "--no-faq", "--json", "--corpus", str(tmp_path)))
    assert len(row["source"]) > 2 * MAX_QUOTE and row["source"][slice(*row["highlight"])] == ANSWER
    assert all(piece in row["source"] for piece in quote[3:-1].replace("**", "").split(ELLIPSIS))
