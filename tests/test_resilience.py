"""A bad part never takes the whole down: outside ``check`` it is left out with a warning; ``check`` fails on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answer import answer
from bot.cli import main
from bot.corpus import load_corpus
from bot.errors import InputError
from bot.knowledge import build
from bot.settings import Settings

GOOD_ENTRY = ("  - id: evacuated\n    questions:\n      - How many residents were evacuated?\n"
              "    answer: About 300.\n    source: About 300 residents were evacuated by boat.\n")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args), settings=Settings(cache_dir=None, data_dir=None))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("name, content, line, message", [
    ("broken.txt", b"Title\n\nGood line.\nBad \xff byte.\n", 4, "not valid UTF-8 text"),
    ("empty.txt", b"  \n\n", 1, "article file is empty"),
    ("header.txt", b"Source: Example\n", 1, "article has no text"),
], ids=["not-utf8", "empty", "no-title"])
def test_an_unreadable_article_is_left_out_outside_check_and_fails_check(tiny_corpus, capsys, name, content, line,
                                                                         message):
    (tiny_corpus / name).write_bytes(content)
    code, out, err = run(capsys, "ask", "How many residents were evacuated?", "--corpus", str(tiny_corpus),
                         "--no-faq")
    assert code == 0 and "About 300 residents were evacuated by boat." in out
    assert err.strip() == f"{tiny_corpus / name}:{line}: warning: {message}" + err.strip().split(message, 1)[1]
    assert err.strip().endswith("; article left out")
    code, _, err = run(capsys, "check", "--corpus", str(tiny_corpus), "--no-faq")
    assert code == 1 and err.strip().startswith(f"{tiny_corpus / name}:{line}: {message}")


def test_no_usable_article_at_all_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xff\n")
    with pytest.raises(InputError, match="a.txt:1: not valid UTF-8"):
        build(tmp_path, None)


def test_a_bom_is_not_part_of_the_title(tiny_corpus):
    (tiny_corpus / "bom.txt").write_bytes("\ufeffQuake shakes capital\n\nA strong earthquake hit.\n".encode())
    titles = [d.title for d in load_corpus(tiny_corpus).documents]
    assert "Quake shakes capital" in titles


def test_an_article_that_is_only_a_title_is_a_warning_and_never_quoted(tiny_corpus, capsys):
    (tiny_corpus / "title.txt").write_text("Zebras escape from Almaty zoo\n")
    kb = build(tiny_corpus, None)
    assert [str(w) for w in kb.warnings] == [f"{tiny_corpus / 'title.txt'}:1: warning: article has only a title and "
                                             "no paragraphs; left out (a title alone is never quoted)"]
    assert answer(kb, "Did zebras escape from the zoo?").kind == "none"
    code, out, err = run(capsys, "check", "--corpus", str(tiny_corpus), "--no-faq")
    assert code == 0 and "title.txt:1: warning" in err and out.strip().endswith("1 warning(s)")


@pytest.mark.parametrize("bad_entry, line, message", [
    ("  - id: broken\n    questions:\n      - Who drowned?\n", 7, "entry needs 'answer'"),
    ("  - id: evacuated\n    questions:\n      - Who drowned?\n    answer: Two people.\n", 7, "duplicate id"),
    ("  - id: broken\n    questions: Who drowned?\n    answer: Two.\n", 8, "'questions' must be a list"),
], ids=["no-answer", "duplicate-id", "questions-as-text"])
def test_a_broken_entry_is_left_out_and_the_rest_serves(tiny_corpus, write_faq, capsys, bad_entry, line, message):
    faq = write_faq("entries:\n" + GOOD_ENTRY + bad_entry)
    kb = build(tiny_corpus, faq)
    assert [e.id for e in kb.faq.entries] == ["evacuated"]
    [warning] = [str(w) for w in kb.warnings]
    assert warning.startswith(f"{faq}:{line}: warning: ") and message in warning and warning.endswith("entry left out")
    assert answer(kb, "How many residents were evacuated?").text == "About 300."
    assert run(capsys, "check", "--corpus", str(tiny_corpus), "--faq", str(faq))[0] == 1


@pytest.mark.parametrize("text, message", [
    ("entries:\n  - id: a\n\tquestions: [Q]\n", "a tab character"),
    ("", "the FAQ file is empty"),
    ("# only a comment\n", "the FAQ has no entries"),
    ("entries:\n" + GOOD_ENTRY.rstrip("\n"), "the last line does not end with a line break"),
], ids=["tab", "empty", "comments-only", "half-saved"])
def test_a_faq_that_cannot_be_read_leaves_the_articles_answering(tiny_corpus, write_faq, capsys, text, message):
    faq = write_faq(text)
    code, out, err = run(capsys, "ask", "How many residents were evacuated?", "--corpus", str(tiny_corpus),
                         "--faq", str(faq))
    assert code == 0 and "About 300 residents were evacuated by boat." in out
    assert err.startswith(f"{faq}:") and message in err and "FAQ not loaded, answering from the articles alone" in err
    assert run(capsys, "check", "--corpus", str(tiny_corpus), "--faq", str(faq))[0] == 1


def test_an_unreadable_faq_keeps_the_last_good_one(tiny_corpus, write_faq):
    good = build(tiny_corpus, write_faq("entries:\n" + GOOD_ENTRY))
    kb = build(tiny_corpus, write_faq("entries:\n\t- broken\n"), engine=good.engine, fallback=good.raw_faq)
    assert kb.faq_unreadable and [e.id for e in kb.faq.entries] == ["evacuated"]
    assert "the FAQ loaded before stays in service" in str(kb.warnings[0])


def test_entries_keep_the_lines_of_their_questions(tiny_corpus, write_faq):
    kb = build(tiny_corpus, write_faq("entries:\n" + GOOD_ENTRY))
    assert kb.faq.entries[0].question_lines == (4,)


def test_run_starts_with_a_broken_faq(tiny_corpus, write_faq):
    """The knowledge base the bot starts with: articles alone, with the reason as a warning."""
    from bot.holder import KnowledgeBaseHolder

    holder = KnowledgeBaseHolder(tiny_corpus, write_faq("entries:\n\t- broken\n"), settle=0)
    assert holder.current.faq is None and "a tab character" in str(holder.current.warnings[0])


def test_missing_faq_file_is_a_warning_for_ask(tiny_corpus, capsys):
    code, out, err = run(capsys, "ask", "How many residents were evacuated?", "--corpus", str(tiny_corpus),
                         "--faq", str(Path(tiny_corpus) / "missing.yaml"))
    assert code == 0 and "FAQ file not found" in err and "About 300" in out
