from pathlib import Path

import pytest

from bot.answer import answer


@pytest.mark.parametrize("question", ["Who won the football match last night?", "good evening", "qqq zzz", "",
                                      "thanks!", "What is the weather in Paris tomorrow?"])
def test_out_of_scope_gets_an_honest_none(seed_kb, seed_kb_no_faq, question):
    for kb in (seed_kb, seed_kb_no_faq):
        got = answer(kb, question)
        assert got.kind == "none" and got.source is None


def test_passage_answer_quotes_a_verbatim_sentence_with_its_title(seed_kb_no_faq):
    got = answer(seed_kb_no_faq, "How many people were arrested?")
    assert got.kind == "passage"
    assert "nearly 8,000 people were arrested" in got.source
    assert got.document.startswith("Kazakh leader declares")
    raw = Path(seed_kb_no_faq.corpus.documents[0].path).read_text(encoding="utf-8")
    assert got.source in raw


def test_faq_wins_on_a_confident_match(seed_kb):
    got = answer(seed_kb, "What is the death toll?")
    assert got.kind == "faq" and "160" in got.text


def test_russian_question_without_faq_says_sources_are_english(seed_kb_no_faq):
    assert "English" in answer(seed_kb_no_faq, "Где находится Алматы?").text


def test_russian_faq_phrasing_is_matched(seed_kb):
    assert answer(seed_kb, "Сколько человек погибло?").kind == "faq"


def test_typo_in_question_is_corrected(seed_kb_no_faq):
    assert "8,000" in answer(seed_kb_no_faq, "how many were arested").source


def test_score_is_between_zero_and_one(seed_kb):
    for q in ["CSTO troops", "Almaty", "fuel"]:
        assert 0.0 <= answer(seed_kb, q).score <= 1.0


@pytest.mark.parametrize("question, expected", [
    ("how many soliders were sent", "2,030 troops"),         # typo of a synonym the article does not use
    ("how many fatalaties", "160 people died"),
    ("were protestors jailled", "8,000 people were arrested"),
    ("waht is the csto", "CSTO"),                             # a misspelt stop word is dropped, not counted
    ("how many protestors were detained", "8,000 people were arrested"),  # a spelling variant, via synonyms
])
def test_typos_are_corrected_against_article_and_synonym_words(seed_kb_no_faq, question, expected):
    got = answer(seed_kb_no_faq, question)
    assert got.kind == "passage" and expected in got.source
