"""Telegram replies quote the whole source sentence with the answering part in bold, escaped, within limits."""

from __future__ import annotations

import pytest

from bot.answer import Answer, Kind, answer, answer_entry, answers
from bot.excerpt import ELLIPSIS, MAX_QUOTE
from bot.formatting import MAX_DESCRIPTION, format_answer, preview, quotation, visible_length

from bot_process import highlighted, quoted
from telegram_html import assert_valid_telegram_html

SENTENCE = ("Scores of citizens and more than a dozen security forces personnel were killed last week as dissent "
            "that began over fuel prices swelled, while nearly 8,000 people were arrested.")
FRAGMENT = "nearly 8,000 people were arrested"


def faq(source: str = SENTENCE, fragment: str = FRAGMENT, title: str = "Title") -> Answer:
    start = source.index(fragment)
    return Answer("q", Kind.FAQ, "Nearly 8,000 people were arrested.", source, title, 1.0,
                  highlight=(start, start + len(fragment)), path="a.txt", offset=0)


def long_answer(words: int = 1500) -> Answer:
    source = " ".join(f"word{i}" for i in range(words)) + " the dam released 4,500 cubic metres of water " + \
        " ".join(f"tail{i}" for i in range(words)) + "."
    start = source.index("4,500")
    return Answer("q", Kind.PASSAGE, source, source, "Dam report", 0.9, highlight=(start, start + 18), offset=0)


def test_faq_reply_quotes_the_whole_sentence_with_the_fragment_in_bold():
    message = format_answer(faq())
    assert f"<blockquote>{SENTENCE.replace(FRAGMENT, f'<b>{FRAGMENT}</b>')}</blockquote>" in message
    assert message.startswith("Nearly 8,000 people were arrested.\n<blockquote>")
    assert_valid_telegram_html(message)


def test_no_highlight_means_no_bold_in_the_quote():
    plain = Answer("q", Kind.PASSAGE, "Other text.", SENTENCE, "T", 0.9)
    assert quotation(plain) == f"<blockquote>{SENTENCE}</blockquote>"


@pytest.mark.parametrize("evil", ["<script>x</script>", "a & b", "</b></blockquote><i>", "5 < 6 > 4"])
def test_quote_and_highlight_are_escaped(evil):
    source = f"Before {evil} after {evil} end."
    got = Answer("q", Kind.PASSAGE, "t", source, "T", 0.9, highlight=(7, 7 + len(evil) + 6), offset=0)
    message = format_answer(got)
    assert_valid_telegram_html(message)
    assert quoted(message) == source
    assert highlighted(message) == source[7:7 + len(evil) + 6]


def test_a_very_long_sentence_is_shortened_around_the_highlight():
    got = long_answer()
    message = format_answer(got)
    assert_valid_telegram_html(message)
    assert visible_length(message) <= 4096
    inside = quoted(message)
    assert "<b>4,500 cubic metres</b>" in message
    assert inside.startswith(ELLIPSIS) and inside.endswith(ELLIPSIS)
    assert len(inside) <= MAX_QUOTE
    assert all(piece in got.source for piece in inside.strip(ELLIPSIS).split(ELLIPSIS))


def test_a_long_sentence_fits_a_smaller_limit_with_its_highlight_whole():
    message = format_answer(long_answer(), limit=300)
    assert visible_length(message) <= 300 and "<b>4,500 cubic metres</b>" in message
    assert_valid_telegram_html(message)


def test_inline_description_is_the_text_around_the_highlight():
    got = long_answer()
    description = preview(got)
    assert len(description) <= MAX_DESCRIPTION and "4,500 cubic metres" in description
    assert preview(faq()) == SENTENCE  # short enough to show whole


# --- the real engine: FAQ and passage answers of the seed article -----------------------------------------


def test_every_faq_entry_reply_bolds_the_operators_fragment_in_its_sentence(seed_kb):
    article = open(seed_kb.corpus.documents[0].path, encoding="utf-8").read()
    for entry in seed_kb.faq.entries:
        message = format_answer(answer_entry(seed_kb, entry.id))
        assert_valid_telegram_html(message)
        assert quoted(message) in article
        bold = highlighted(message)
        if entry.source.strip(".\u201c\u201d") != quoted(message).strip(".\u201c\u201d"):  # not the whole sentence
            assert bold == entry.source


@pytest.mark.parametrize("question", ["Who reported from Tbilisi?", "What did Putin say the alliance prevented?"])
def test_passage_replies_bold_the_answer_in_a_verbatim_sentence(seed_kb, question):
    got = answer(seed_kb, question)
    assert got.kind == Kind.PASSAGE
    message = format_answer(got)
    assert_valid_telegram_html(message)
    assert quoted(message) == got.source
    assert highlighted(message) == got.source[got.highlight[0]:got.highlight[1]]


def test_inline_answers_each_quote_a_whole_sentence_with_a_highlight(seed_kb):
    article = open(seed_kb.corpus.documents[0].path, encoding="utf-8").read()
    for got in answers(seed_kb, "How many troops did the CSTO send?"):
        message = format_answer(got)
        assert quoted(message) == got.source and got.source in article
        assert got.highlight is None or highlighted(message) == got.source[got.highlight[0]:got.highlight[1]]
