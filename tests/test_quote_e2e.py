"""End to end: every Telegram surface quotes the whole source sentence with its answering part in bold.

``python main.py run`` against the fake Bot API, on the seed article, the shipped FAQ and one more
article holding a very long sentence. Expectations come from the same engine, run in this process.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.answer import answer, answer_entry
from bot.excerpt import ELLIPSIS, MAX_QUOTE
from bot.formatting import visible_length
from bot.knowledge import build

from bot_process import (
    ask_private,
    highlighted,
    inline_results,
    new_group,
    new_private,
    quoted,
    replies,
    start_bot,
    stop,
)
from conftest import SEED_CORPUS, SEED_FAQ
from fake_telegram import USER, bot_message, message
from long_article import ANSWER, LONG_ARTICLE, QUESTION
from telegram_html import assert_valid_telegram_html

pytestmark = pytest.mark.e2e

ARRESTS = ("Scores of citizens and more than a dozen security forces personnel were killed last week as dissent "
           "that began over fuel prices swelled, while nearly 8,000 people were arrested.")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("quotes")
    shutil.copytree(SEED_CORPUS, root / "corpus")
    (root / "corpus" / "zz_flood.txt").write_text(LONG_ARTICLE, encoding="utf-8")
    shutil.copy(SEED_FAQ, root / "faq.yaml")
    return root


@pytest.fixture(scope="module")
def kb(workdir):
    """The same knowledge base as the bot's, for the expected quotations."""
    return build(workdir / "corpus", workdir / "faq.yaml")


@pytest.fixture(scope="module")
def bot(api, workdir):
    proc = start_bot(api, workdir, "quotes")
    yield proc
    stop(proc)


def articles(workdir: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((workdir / "corpus").glob("*.txt")))


def assert_quotes(text: str, expected) -> None:
    """A reply quoting ``expected.source`` whole, its highlight in bold."""
    assert_valid_telegram_html(text)
    assert quoted(text) == expected.source
    start, end = expected.highlight
    assert highlighted(text) == expected.source[start:end]


def test_private_faq_reply_quotes_the_whole_sentence_and_bolds_the_fragment(bot, api):
    reply = ask_private(api, "How many people were arrested?")
    assert_valid_telegram_html(reply["text"])
    assert quoted(reply["text"]) == ARRESTS
    assert highlighted(reply["text"]) == "nearly 8,000 people were arrested"
    assert reply["text"].startswith("Nearly 8,000 people were arrested.\n<blockquote>")


def test_private_passage_reply_bolds_the_answering_words(bot, api, kb):
    question = "What did Putin say the alliance prevented?"
    expected = answer(kb, question)
    assert expected.kind == "passage" and expected.highlight is not None
    assert_quotes(ask_private(api, question)["text"], expected)


def test_group_replies_quote_and_bold_like_private_ones(bot, api, kb):
    chat = new_group()
    questions = ["How many people were arrested?", "What did Putin say the alliance prevented?"]
    sent = [message(chat, f"/ask {questions[0]}"), message(chat, questions[1], reply_to=bot_message(chat))]
    for m in sent:
        api.push("message", m)
    by_question = {r["reply_parameters"]["message_id"]: r for r in replies(api, chat, 2)}
    for m, question in zip(sent, questions, strict=True):
        assert_quotes(by_question[m["message_id"]]["text"], answer(kb, question))


def test_faq_button_quotes_the_entry_sentence_with_its_fragment(bot, api, kb):
    chat = new_private()
    api.push("message", message(chat, "/faq"))
    listing = replies(api, chat)[0]
    button = listing["reply_markup"]["inline_keyboard"][2][0]
    api.push("callback_query", {"id": "cbq", "from": USER, "chat_instance": "ci", "data": button["callback_data"],
                                "message": dict(bot_message(chat, listing["text"]),
                                                chat={"id": chat, "type": "private"})})
    text = replies(api, chat, 2)[1]["text"]
    expected = answer_entry(kb, button["callback_data"].removeprefix("faq:"))
    assert_quotes(text, expected)
    assert highlighted(text) in expected.source and highlighted(text) == kb.faq.entries[2].source


def test_inline_results_quote_whole_sentences_with_bold_and_a_preview(bot, api, workdir):
    results = inline_results(api, "How many troops did the CSTO send?")
    text = articles(workdir)
    assert results and highlighted(results[0]["input_message_content"]["message_text"])
    for result in results:
        message_text = result["input_message_content"]["message_text"]
        assert_valid_telegram_html(message_text)
        assert quoted(message_text) in text
        bold = highlighted(message_text)  # None only when no shorter part than the sentence answers
        assert bold is None or bold in result["description"]
        assert all(piece in quoted(message_text) for piece in result["description"].split(ELLIPSIS))


def test_a_very_long_sentence_is_shortened_around_its_bold_part(bot, api, kb, workdir):
    question = QUESTION
    expected = answer(kb, question)
    assert expected.kind == "passage" and len(expected.source) > 2 * MAX_QUOTE
    text = ask_private(api, question)["text"]
    assert_valid_telegram_html(text)
    assert visible_length(text) <= 4096
    inside = quoted(text)
    assert inside.startswith(ELLIPSIS) and inside.endswith(ELLIPSIS) and len(inside) <= MAX_QUOTE
    assert highlighted(text) == expected.source[slice(*expected.highlight)]
    assert highlighted(text) == ANSWER
    assert all(piece in articles(workdir) for piece in inside.strip(ELLIPSIS).split(ELLIPSIS))
