"""The knowledge-base holder: edits are picked up, broken edits keep the previous base serving."""

import os
import threading
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
    assert "earthquake" in answer(holder.current, "When did the earthquake shake the capital?").source
    (tiny_corpus / "bad.txt").write_bytes(b"Title\n\n\xff\xfe\n")
    result = holder.reload_if_changed()  # the broken article is left out, the others stay in service
    assert result.outcome == Outcome.RELOADED and len(holder.current.corpus.documents) == 2
    assert [str(p) for p in result.problems] == [f"{tiny_corpus / 'bad.txt'}:3: warning: not valid UTF-8 text "
                                                 "(save the article as UTF-8); article left out"]


LONG_FAQ = "entries:\n" + "".join(
    f"  - id: filler-{n}\n    questions:\n      - Filler question number {n} about volunteers?\n"
    f"    answer: Filler answer {n}.\n    source: Volunteers began clearing mud from the streets on Thursday.\n"
    for n in range(12)) + FAQ.removeprefix("entries:\n")
LAST_QUESTION = "How many residents were evacuated?"


def save_in_chunks(path: Path, text: str, chunk: int = 120, pause: float = 0.05) -> None:
    """What some editors do: truncate the file, then write it piece by piece."""
    with path.open("w", encoding="utf-8") as f:
        for start in range(0, len(text), chunk):
            f.write(text[start:start + chunk])
            f.flush()
            time.sleep(pause)


def test_a_file_still_being_written_is_not_read(tiny_corpus, write_faq):
    faq = write_faq(FAQ)
    holder = KnowledgeBaseHolder(tiny_corpus, faq, settle=0.3)
    before = holder.current
    writer = threading.Thread(target=save_in_chunks, args=(faq, FAQ.replace("About 300.", "Three hundred."), 10))
    writer.start()
    outcomes = set()
    while writer.is_alive():
        outcomes.add(holder.reload_if_changed().outcome)
    writer.join()
    assert holder.current is before and outcomes <= {Outcome.UNSETTLED, Outcome.UNCHANGED}
    assert holder.reload_if_changed().outcome == Outcome.RELOADED
    assert answer(holder.current, LAST_QUESTION).text == "Three hundred."


def test_no_answer_is_wrong_while_an_editor_truncates_and_rewrites_the_faq(tiny_corpus, write_faq):
    faq = write_faq(LONG_FAQ)
    holder = KnowledgeBaseHolder(tiny_corpus, faq)  # the real settle time
    new_text = LONG_FAQ.replace("Filler answer 0.", "First filler answer.")
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            holder.reload_if_changed()

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        save_in_chunks(faq, new_text)
        deadline = time.monotonic() + 5
        replies = []
        while answer(holder.current, "Filler question number 0 about volunteers?").text != "First filler answer.":
            replies.append(answer(holder.current, LAST_QUESTION).text)
            assert time.monotonic() < deadline, "the finished save was never loaded"
    finally:
        stop.set()
        watcher.join()
    assert replies and set(replies) == {"About 300."}


def test_an_empty_or_half_saved_faq_is_refused(tiny_corpus, write_faq):
    faq = write_faq(FAQ)
    holder = KnowledgeBaseHolder(tiny_corpus, faq, settle=0)
    before = holder.current
    for text in ("", FAQ[: FAQ.index("answer")]):
        touch_later(faq, text)
        result = holder.reload_if_changed()
        assert result.outcome == Outcome.REFUSED and holder.current is before, text
    assert "half-saved" in str(result.problems[0])


def test_reload_now_rebuilds_and_reports_problems(tiny_corpus, write_faq):
    faq = write_faq(FAQ + "  - id: broken\n    questions:\n      - Who drowned?\n")
    holder = KnowledgeBaseHolder(tiny_corpus, faq, settle=0)
    result = holder.reload_now()
    assert result.outcome == Outcome.RELOADED and result.summary == "1 article(s), 1 FAQ entries"
    assert [str(p) for p in result.problems] == [f"{faq}:6: warning: entry needs 'answer': non-empty text; "
                                                 "entry left out"]
