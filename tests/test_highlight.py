"""The highlighted part of a source sentence is the part that answers: the number, date, name or clause.

Each case names the sentence (by a phrase in it) rather than asking the ranker for it, so these
tests hold the highlighter alone to its job.
"""

from __future__ import annotations

import pytest

from bot.highlight import highlight
from bot.knowledge import build
from bot.query import analyze


def highlighted(kb, question: str, phrase: str) -> str | None:
    sentence = next(s for s in kb.corpus.sentences if phrase in s.text)
    span = highlight(kb.engine, question, analyze(question, kb.engine, kb.synonyms), sentence.index)
    if span is None:
        return None
    assert 0 <= span[0] < span[1] <= len(sentence.text)
    return sentence.text[span[0]:span[1]]


@pytest.mark.parametrize("question, phrase, expected", [
    ("How many people were arrested?", "nearly 8,000", "nearly 8,000 people"),
    ("How many protesters were jailed?", "nearly 8,000", "nearly 8,000 people"),
    ("How many troops did the CSTO send?", "2,030 troops", "2,030 troops"),
    ("How many people died?", "160 people", "more than 160 people"),
    ("How old is Nazarbayev?", "81-year-old", "81-year-old"),
    ("Where did the most violent clashes take place?", "most violent clashes", "Almaty"),
    ("Who did Tokayev speak to online?", "online meeting", "Collective Security Treaty Organization"),
    ("Who reported from Tbilisi?", "Tbilisi", "Robin Forestier-Walker"),
    ("Who blamed bandits and terrorists?", "who has blamed", "The Kazakh president"),
    ("What did Putin say the alliance prevented?", "had prevented",
     "\u201cterrorists, criminals, looters and other criminal elements\u201d"),
    ("What did the Al Jazeera expert say?", "Al Jazeera",
     "\u201cA lot of questions are being asked, namely where is the real evidence that terrorist groups were "
     "operating"),
    ("What is Nur-Sultan named after?", "Nur-Sultan", "referring to Nur-Sultan, which bears Nazarbayev\u2019s "
     "first name"),
    ("Why do some doubt the legitimacy of the mission?", "stemmed from", "stemmed from a lack of information"),
])
def test_seed_highlights_the_answering_words(seed_kb_no_faq, question, phrase, expected):
    assert highlighted(seed_kb_no_faq, question, phrase) == expected


@pytest.mark.parametrize("question, phrase, expected", [
    ("When did the river burst its banks?", "burst its banks", "Tuesday"),
    ("How many residents were evacuated?", "evacuated", "About 300 residents"),
    ("Who said two people had drowned?", "drowned", "Ana Kovac"),
    ("Why did the river flood the town?", "burst its banks",
     "caused the Mura river to burst its banks on Tuesday"),
])
def test_tiny_article_highlights(tiny_corpus, question, phrase, expected):
    assert highlighted(build(tiny_corpus, None), question, phrase) == expected


def test_no_highlight_when_only_the_whole_sentence_answers(seed_kb_no_faq):
    assert highlighted(seed_kb_no_faq, "Has anyone proven that foreign agents were involved?",
                       "He is yet to provide any proof") is None


def test_highlight_is_never_empty_nor_the_whole_sentence(seed_kb_no_faq):
    questions = ["How many people were arrested?", "What is the CSTO?", "fuel prices", "Who is Tokayev?",
                 "When did the unrest happen?", "Why did the protests start?", "What did Putin say?"]
    for question in questions:
        query = analyze(question, seed_kb_no_faq.engine, seed_kb_no_faq.synonyms)
        for sentence in seed_kb_no_faq.corpus.sentences:
            span = highlight(seed_kb_no_faq.engine, question, query, sentence.index)
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(sentence.text)
                assert sentence.text[span[0]:span[1]].strip(" .\u201c\u201d") != sentence.text.strip(" .\u201c\u201d")
