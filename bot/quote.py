"""Where a quotation sits in its article: the whole sentences around the backing text, verbatim.

A reply never quotes a fragment cut from its context. An operator's FAQ ``source`` ("nearly 8,000
people were arrested") is widened to the sentence it lies in, or to the consecutive sentences when
it spans several, and the fragment itself becomes the highlight. ``offset`` is the quotation's
character offset in the article file's text, so ``text[offset:offset + len(source)] == source``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from bot.corpus import Corpus, Sentence


@dataclass(frozen=True)
class Quote:
    """Whole sentences of one article (``source``), where they start, and the answering part of them."""

    source: str
    path: str
    offset: int
    highlight: tuple[int, int] | None = None  # character offsets into ``source``


def covers_all(source: str, span: tuple[int, int]) -> bool:
    """``span`` is all of ``source`` but its opening quotes and closing punctuation: highlighting it says nothing."""
    body_end = len(source.rstrip(" .!?;:,\"”’'»)"))
    body_start = len(source) - len(source.lstrip(" \"“‘'«("))
    return span[0] <= body_start and span[1] >= body_end


def of_sentence(corpus: Corpus, sentence_id: int, highlight: tuple[int, int] | None = None) -> Quote:
    """One corpus sentence as a quotation (a passage answer's source)."""
    sentence = corpus.sentences[sentence_id]
    return Quote(sentence.text, corpus.documents[sentence.doc_id].path, sentence.start, highlight)


def around(corpus: Corpus, doc_id: int, start: int, end: int) -> Quote:
    """The whole sentences holding ``text[start:end]`` of document ``doc_id``, with that text highlighted
    (no highlight when it is the whole quotation).

    Text outside any sentence (a heading, a photo credit) is quoted with the rest of its line.
    """
    text = corpus.documents[doc_id].text
    touched = _overlapping(corpus, doc_id, start, end)
    if touched:
        first, last = touched[0], touched[-1]
        lo, hi = min(start, first.start), max(end, last.start + len(last.text))
    else:
        lo, hi = _line_around(text, start, end)
    span = (start - lo, end - lo)
    return Quote(text[lo:hi], corpus.documents[doc_id].path, lo, None if covers_all(text[lo:hi], span) else span)


def locate(corpus: Corpus, fragment: str) -> tuple[int, int] | None:
    """``(doc_id, start)`` of ``fragment`` in the articles, or None.

    The first occurrence inside quotable (body) sentences wins over an earlier one in a title,
    a caption or a standfirst, which the reply would otherwise have to quote.
    """
    fallback = None
    for doc in corpus.documents:
        start = doc.text.find(fragment)
        while start >= 0:
            touched = _overlapping(corpus, doc.doc_id, start, start + len(fragment))
            if touched and all(s.quotable for s in touched):
                return doc.doc_id, start
            fallback = fallback or (doc.doc_id, start)
            start = doc.text.find(fragment, start + 1)
    return fallback


def _overlapping(corpus: Corpus, doc_id: int, start: int, end: int) -> list[Sentence]:
    """Sentences of ``doc_id`` sharing a character with ``[start, end)``, in order (sentences are sorted by
    document, then offset)."""
    sentences = corpus.sentences
    i = bisect_left(sentences, (doc_id, max(end, start + 1)), key=lambda s: (s.doc_id, s.start)) - 1
    found = []
    while i >= 0 and sentences[i].doc_id == doc_id and sentences[i].start + len(sentences[i].text) > start:
        found.append(sentences[i])
        i -= 1
    return found[::-1]


def _line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The line(s) holding ``text[start:end]``, without surrounding white space."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    while lo < start and text[lo].isspace():
        lo += 1
    while hi > end and text[hi - 1].isspace():
        hi -= 1
    return lo, hi
