"""Quotations are whole sentences around the backing text, verbatim slices of the article file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.corpus import load_corpus
from bot.quote import around, covers_all, locate, of_sentence

CAPTIONED = """Storm reaches the coast

Rescue teams wait near the harbour wall.
Boats are tied up in the port [Photo: Example Agency]

Winds of 150 km/h hit the coast overnight. Rescue teams wait near the harbour wall for the sea to calm.
"""


def slice_of(corpus, quote) -> str:
    return Path(quote.path).read_text(encoding="utf-8")[quote.offset:quote.offset + len(quote.source)]


def found(corpus, fragment: str):
    doc_id, start = locate(corpus, fragment)
    return around(corpus, doc_id, start, start + len(fragment))


def test_fragment_is_widened_to_its_sentence_and_highlighted(tiny_corpus):
    corpus = load_corpus(tiny_corpus)
    quote = found(corpus, "300 residents were evacuated")
    assert quote.source == "About 300 residents were evacuated by boat."
    assert slice_of(corpus, quote) == quote.source
    start, end = quote.highlight
    assert quote.source[start:end] == "300 residents were evacuated"


def test_fragment_spanning_two_sentences_quotes_both(tiny_corpus):
    corpus = load_corpus(tiny_corpus)
    quote = found(corpus, "by boat. Mayor Ana Kovac")
    assert quote.source == "About 300 residents were evacuated by boat. Mayor Ana Kovac said two people had drowned."
    assert slice_of(corpus, quote) == quote.source
    assert quote.source[quote.highlight[0]:quote.highlight[1]] == "by boat. Mayor Ana Kovac"


@pytest.mark.parametrize("fragment", ["About 300 residents were evacuated by boat.",
                                      "About 300 residents were evacuated by boat"])
def test_a_whole_sentence_fragment_has_no_highlight(tiny_corpus, fragment):
    quote = found(load_corpus(tiny_corpus), fragment)
    assert quote.source == "About 300 residents were evacuated by boat." and quote.highlight is None


def test_text_outside_sentences_is_quoted_with_its_line(tiny_corpus):
    corpus = load_corpus(tiny_corpus)
    quote = found(corpus, "Cleanup")  # a heading: no sentence holds it
    assert quote.source == "Cleanup" and slice_of(corpus, quote) == quote.source


def test_an_occurrence_in_the_body_wins_over_an_earlier_caption(tmp_path):
    (tmp_path / "storm.txt").write_text(CAPTIONED, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    quote = found(corpus, "Rescue teams wait near the harbour wall")
    assert quote.source == "Rescue teams wait near the harbour wall for the sea to calm."
    assert slice_of(corpus, quote) == quote.source


def test_a_fragment_only_in_a_caption_is_still_found(tmp_path):
    (tmp_path / "storm.txt").write_text(CAPTIONED, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    quote = found(corpus, "Boats are tied up")
    assert quote.source == "Boats are tied up in the port" and slice_of(corpus, quote) == quote.source


def test_missing_fragment_is_none(tiny_corpus):
    assert locate(load_corpus(tiny_corpus), "not in the article") is None


def test_every_sentence_quote_is_a_slice_of_its_file(tiny_corpus):
    corpus = load_corpus(tiny_corpus)
    for sentence in corpus.sentences:
        quote = of_sentence(corpus, sentence.index)
        assert slice_of(corpus, quote) == quote.source == sentence.text


@pytest.mark.parametrize("source, span, whole", [
    ("Ends here.", (0, 9), True),
    ("“Quoted words,” he said.", (0, 23), True),
    ("“Quoted words,” he said.", (1, 13), False),
    ("Two words.", (4, 9), False),
])
def test_covers_all_ignores_opening_quotes_and_closing_punctuation(source, span, whole):
    assert covers_all(source, span) is whole
