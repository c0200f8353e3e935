import pytest

from bot.answer import Answer
from bot.formatting import format_answer, format_help, format_not_found, visible_length

from telegram_html import assert_valid_telegram_html


def passage(text="Some passage.", source="Some passage.", score=0.9, url="", title="A <title> & more"):
    return Answer("q", "passage", text, source, title, score, url)


def test_source_is_quoted_and_title_shown():
    message = format_answer(passage())
    assert "<blockquote>Some passage.</blockquote>" in message
    assert "A &lt;title&gt; &amp; more" in message
    assert_valid_telegram_html(message)


def test_title_is_linked_when_url_known():
    message = format_answer(passage(url="https://example.org/a?b=1&c=2"))
    assert '<a href="https://example.org/a?b=1&amp;c=2">' in message
    assert_valid_telegram_html(message)


@pytest.mark.parametrize("evil", ["<script>alert(1)</script>", "a & b", "</blockquote><b>", "\"quoted\" 'x'"])
def test_user_and_corpus_text_is_escaped(evil):
    message = format_answer(passage(text=evil + " in text", source=evil))
    assert_valid_telegram_html(message)
    assert "<script>" not in message


def test_weak_passage_is_not_presented_as_certain():
    assert "closest passage" in format_answer(passage(score=0.55))
    assert "closest passage" not in format_answer(passage(score=0.95))
    faq = Answer("q", "faq", "Answer.", "Source.", "T", 0.7)
    assert format_answer(faq).startswith("Answer.")


def test_long_passage_is_shortened_never_the_source():
    source = "The source sentence stays whole. " * 15  # within MAX_QUOTE
    message = format_answer(passage(text="word " * 3000, source=source.strip()))
    assert visible_length(message) <= 4096
    assert source.strip() in message
    assert "\u2026" in message
    assert_valid_telegram_html(message)


def test_limit_counts_utf16_units():
    message = format_answer(passage(text="😀" * 3000, source="short"))
    assert visible_length(message) <= 4096
    assert_valid_telegram_html(message)


def test_not_found_and_help_are_valid_html():
    none = Answer("q", "none", "I couldn't find that in the article.")
    assert_valid_telegram_html(format_not_found(none, True))
    assert_valid_telegram_html(format_help(["T1 <x>", "T2"], ["Q1?", "Q & 2?"], "the event"))
