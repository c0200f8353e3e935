""""Not what you meant?" in the engine and in the reply: other passages, distinct, verbatim, highlighted."""

from __future__ import annotations

from bot.answer import Answer, Kind, alternatives, answer
from bot.formatting import format_alternatives, format_answer, format_not_found
from bot.i18n import Language, Msg, Texts

from telegram_html import assert_valid_telegram_html

RU = Texts(Language.RU)


def test_the_next_two_passages_are_distinct_verbatim_and_not_the_answer(seed_kb_no_faq):
    question = "What did Tokayev say about the CSTO?"
    first = answer(seed_kb_no_faq, question)
    found = alternatives(seed_kb_no_faq, question, [first.source or ""])
    assert 1 <= len(found) <= 2
    sources = [a.source for a in found]
    assert first.source not in sources and len(set(sources)) == len(sources)
    text = seed_kb_no_faq.corpus.documents[0].text
    for a in found:
        assert a.kind == Kind.PASSAGE and text[a.offset:a.offset + len(a.source)] == a.source


def test_under_a_faq_answer_the_closest_passage_is_another_sentence(seed_kb):
    faq = answer(seed_kb, "What did Putin say?")
    assert faq.kind == Kind.FAQ
    [closest] = alternatives(seed_kb, "What did Putin say?", [faq.source], limit=1)
    assert closest.source != faq.source and closest.kind == Kind.PASSAGE


def test_a_question_with_nothing_close_gets_no_alternatives(seed_kb):
    assert alternatives(seed_kb, "What is the exchange rate of the tenge?", []) == []
    assert alternatives(seed_kb, "", []) == []


def test_alternatives_are_quoted_like_answers(seed_kb_no_faq):
    found = alternatives(seed_kb_no_faq, "How many troops did the CSTO send?", [])
    message = format_alternatives(found, RU(Msg.MORE_HEADER), RU)
    assert_valid_telegram_html(message)
    assert message.startswith(f"<b>{RU(Msg.MORE_HEADER)}</b>") and message.count("<blockquote>") == len(found)
    assert "<b>" in message.split("<blockquote>", 1)[1]  # the answering part in bold


def test_a_follow_up_is_shown_as_understood_and_a_russian_question_is_told_the_article_is_english():
    russian = Answer("Сколько человек задержали?", Kind.PASSAGE, "Nearly 8,000 people were arrested.",
                     "Nearly 8,000 people were arrested.", "Title", 0.9, highlight=(0, 12))
    message = format_answer(russian, tr=RU, understood="а в Алматы (Сколько человек задержали?)")
    assert_valid_telegram_html(message)
    assert message.startswith("<i>(а в Алматы (Сколько человек задержали?))</i>\n<b>Из статьи:</b>")
    assert message.endswith(f"<i>{RU(Msg.ENGLISH_SOURCE)}</i>")
    english = format_answer(Answer("How many?", Kind.PASSAGE, "x", "Nearly 8,000.", "T", 0.9))
    assert "English" not in english and "<i>(" not in english


def test_the_no_answer_is_in_the_users_language():
    none = Answer("Какая погода?", Kind.NONE, "I couldn't find that in the articles.", reason="not confident")
    assert format_not_found(none, True, RU) == "Я не нашёл этого в статьях.\nПопробуйте один из этих вопросов:"
    foreign = Answer("Сколько стоит тенге?", Kind.NONE, "x", reason="not English")
    assert format_not_found(foreign, False, RU).startswith("Я не нашёл этого в статьях. Они на английском")
