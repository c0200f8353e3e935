"""The knowledge-base holder: edits are picked up, broken edits keep the previous base serving."""

import os
import time
from pathlib import Path

from bot.answer import answer
from bot.holder import KnowledgeBaseHolder, Outcome

FAQ = """entries:
  - questions:
      - How many residents were evacuated?
    answer: About 300.
    source: About 300 residents were evacuated by boat.
"""


def touch_later(path: Path, text: str) -> None:
    """Write ``text`` with a modification time safely after the previous one."""
    path.write_text(text, encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))


def test_unchanged_files_are_not_reloaded(tiny_corpus, write_faq):
    holder = KnowledgeBaseHolder(tiny_corpus, write_faq(FAQ))
    before = holder.current
    assert holder.reload_if_changed().outcome == Outcome.UNCHANGED and holder.current is before


def test_faq_edit_swaps_in_a_new_base_and_keeps_the_index(tiny_corpus, write_faq):
    faq = write_faq(FAQ)
    holder = KnowledgeBaseHolder(tiny_corpus, faq)
    engine = holder.current.engine
    touch_later(faq, FAQ.replace("About 300.", "Three hundred people."))
    assert holder.reload_if_changed().outcome == Outcome.RELOADED
    assert answer(holder.current, "How many residents were evacuated?").text == "Three hundred people."
    assert holder.current.engine is engine  # only the FAQ was rebuilt


def test_broken_faq_edit_keeps_the_previous_base(tiny_corpus, write_faq, caplog):
    faq = write_faq(FAQ)
    holder = KnowledgeBaseHolder(tiny_corpus, faq)
    before = holder.current
    touch_later(faq, "entries:\n  - questions: [unclosed\n")
    assert holder.reload_if_changed().outcome == Outcome.REFUSED
    assert holder.current is before
    assert f"{faq}:" in caplog.text and "still serving the previous version" in caplog.text


def test_new_article_is_indexed_and_a_broken_one_is_left_out_with_a_warning(tiny_corpus, write_faq):
    holder = KnowledgeBaseHolder(tiny_corpus, write_faq(FAQ))
    touch_later(tiny_corpus / "quake.txt", "Quake shakes capital\n\nA strong earthquake shook the capital on Friday.\n")
    assert holder.reload_if_changed().outcome == Outcome.RELOADED
    assert "earthquake" in answer(holder.current, "Was there an earthquake?").source
    (tiny_corpus / "bad.txt").write_bytes(b"Title\n\n\xff\xfe\n")
    result = holder.reload_if_changed()  # the broken article is left out, the others stay in service
    assert result.outcome == Outcome.RELOADED and len(holder.current.corpus.documents) == 2
    assert [str(p) for p in result.problems] == [f"{tiny_corpus / 'bad.txt'}:3: warning: not valid UTF-8 text "
                                                 "(save the article as UTF-8); article left out"]
