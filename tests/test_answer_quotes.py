"""Every answer's source is the whole sentence(s), a verbatim slice of its article file at its offset,
with the answering part highlighted: the operator's fragment for FAQ answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answer import Answer, Kind, answer, answer_entry, answers
from bot.evaluation import load_questions
from bot.knowledge import build
from bot.quote import covers_all

from conftest import DEV_QUESTIONS, ROOT

MULTI = ROOT / "tests" / "data" / "multi"

TWO_SENTENCES = """
entries:
  - id: boats
    questions: ["How were residents evacuated and who reported deaths?"]
    answer: Residents were evacuated by boat, and the mayor said two people had drowned.
    source: "evacuated by boat. Mayor Ana Kovac said"
  - id: whole
    questions: ["How many residents were evacuated?"]
    answer: About 300.
    source: About 300 residents were evacuated by boat.
"""


def assert_verbatim(got: Answer) -> None:
    """``source`` is the file's text at ``offset``, and the highlight lies inside it, neither empty nor all."""
    text = Path(got.path).read_text(encoding="utf-8")
    assert text[got.offset:got.offset + len(got.source)] == got.source
    if got.highlight is not None:
        start, end = got.highlight
        assert 0 <= start < end <= len(got.source)
        assert not covers_all(got.source, got.highlight)


def test_every_faq_entry_quotes_its_whole_sentence_with_the_fragment_highlighted(seed_kb):
    assert seed_kb.faq.entries
    for entry in seed_kb.faq.entries:
        got = answer_entry(seed_kb, entry.id)
        assert_verbatim(got)
        assert entry.source in got.source
        if got.source.strip(".\u201c\u201d") != entry.source.strip(".\u201c\u201d"):  # a fragment: the highlight
            assert got.source[got.highlight[0]:got.highlight[1]] == entry.source


def test_faq_sources_are_whole_sentences_not_fragments(seed_kb):
    got = answer(seed_kb, "How many people were arrested?")
    assert got.kind == Kind.FAQ
    assert got.source == ("Scores of citizens and more than a dozen security forces personnel were killed last week "
                          "as dissent that began over fuel prices swelled, while nearly 8,000 people were arrested.")
    assert got.source[got.highlight[0]:got.highlight[1]] == "nearly 8,000 people were arrested"


def test_every_faq_phrasing_answer_is_verbatim(seed_kb):
    for entry in seed_kb.faq.entries:
        for question in entry.questions:
            got = answer(seed_kb, question)
            if got.kind == Kind.FAQ:
                assert_verbatim(got)


def test_a_fragment_spanning_two_sentences_quotes_both(tiny_corpus, write_faq):
    kb = build(tiny_corpus, write_faq(TWO_SENTENCES))
    got = answer_entry(kb, "boats")
    assert got.source == "About 300 residents were evacuated by boat. Mayor Ana Kovac said two people had drowned."
    assert got.source[got.highlight[0]:got.highlight[1]] == "evacuated by boat. Mayor Ana Kovac said"
    assert_verbatim(got)


def test_a_whole_sentence_fragment_highlights_what_answers_the_question(tiny_corpus, write_faq):
    kb = build(tiny_corpus, write_faq(TWO_SENTENCES))
    got = answer(kb, "How many residents were evacuated?")
    assert got.kind == Kind.FAQ and got.source == "About 300 residents were evacuated by boat."
    assert got.source[got.highlight[0]:got.highlight[1]] == "About 300 residents"


def test_faq_entry_without_source_quotes_the_chosen_sentence(tiny_corpus, write_faq):
    kb = build(tiny_corpus, write_faq("entries:\n  - questions: ['Who said two people had drowned?']\n"
                                      "    answer: The mayor, Ana Kovac.\n"))
    got = answer(kb, "Who said two people had drowned?")
    assert got.kind == Kind.FAQ and got.source == "Mayor Ana Kovac said two people had drowned."
    assert got.source[got.highlight[0]:got.highlight[1]] == "Ana Kovac"
    assert_verbatim(got)


def test_a_sample_of_passage_answers_is_verbatim_with_offsets(seed_kb_no_faq):
    passages = [got for item in load_questions(DEV_QUESTIONS)
                if (got := answer(seed_kb_no_faq, item.question)).kind == Kind.PASSAGE]
    assert len(passages) >= 20
    for got in passages:
        assert_verbatim(got)
    assert sum(got.highlight is not None for got in passages) >= len(passages) * 0.7


@pytest.mark.parametrize("question", ["When did the protests start?", "How many troops did the CSTO deploy?"])
def test_passage_answers_name_their_own_article_file(question):
    kb = build(MULTI / "corpus", None)
    for got in answers(kb, question):
        assert_verbatim(got)
        assert Path(got.path).parent == MULTI / "corpus"


def test_json_gives_the_highlight_as_offsets_into_the_source(seed_kb):
    row = answer(seed_kb, "How many people were arrested?").as_json()
    start, end = row["highlight"]
    assert row["source"][start:end] == "nearly 8,000 people were arrested"
    text = Path(row["path"]).read_text(encoding="utf-8")
    assert text[row["offset"]:row["offset"] + len(row["source"])] == row["source"]
    none = answer(seed_kb, "qqq zzz").as_json()
    assert (none["source"], none["highlight"], none["path"], none["offset"]) == (None, None, None, None)
