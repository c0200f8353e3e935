"""``check`` protects: regression questions, captured questions named, problems at their line in plain words."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.errors import InputError
from bot.faq import parse_faq
from bot.settings import Settings

from conftest import DEV_QUESTIONS, ROOT, SEED_CORPUS, SEED_FAQ

PUTIN_SAID = """
  - id: putin-said
    questions:
      - What did Putin say?
      - What did Vladimir Putin say?
    answer: Putin said the alliance's troops would be withdrawn once its mission was complete.
    source: said its troops would be withdrawn once its mission was complete
"""


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args), settings=Settings(cache_dir=None, data_dir=None))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def faq_dir(tmp_path: Path) -> Path:
    """A copy of the shipped faq.yaml with its faq_tests.yaml beside it."""
    shutil.copy(SEED_FAQ, tmp_path / "faq.yaml")
    shutil.copy(ROOT / "faq_tests.yaml", tmp_path / "faq_tests.yaml")
    return tmp_path


def check(capsys, faq: Path, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "check", "--corpus", str(SEED_CORPUS), "--faq", str(faq), *extra)


def test_shipped_faq_passes_its_own_regression_questions(faq_dir, capsys):
    code, out, err = check(capsys, faq_dir / "faq.yaml")
    assert code == 0, err
    assert out.strip().splitlines()[-1].endswith("12 test question(s), 0 error(s), 0 warning(s)")


def test_an_entry_that_takes_a_question_fails_and_names_the_entry_that_lost_it(faq_dir, capsys):
    faq = faq_dir / "faq.yaml"
    faq.write_text(faq.read_text(encoding="utf-8") + PUTIN_SAID, encoding="utf-8")
    code, out, err = check(capsys, faq)
    assert code == 1 and out.strip().splitlines()[-1].startswith("failed: ")
    [line] = err.strip().splitlines()
    assert line.startswith(f"{faq_dir / 'faq_tests.yaml'}:12: 'What did Putin say?' expects entry 'putin-view'")
    assert "gets entry 'putin-said'" in line and "without that entry, entry 'putin-view'" in line


def test_capture_of_another_entrys_question_is_a_warning_naming_both(faq_dir, tmp_path, capsys):
    questions = tmp_path / "mine.yaml"
    questions.write_text('questions:\n  - {q: "What did Putin say?", expect: ["vladimir putin"]}\n')
    faq = faq_dir / "faq.yaml"
    faq.write_text(faq.read_text(encoding="utf-8") + PUTIN_SAID, encoding="utf-8")
    (faq_dir / "faq_tests.yaml").unlink()
    code, out, _ = check(capsys, faq, "--questions", str(questions))
    line = next(x for x in out.splitlines() if "captures" in x)
    assert code == 0
    assert line.endswith(f"warning: entry 'putin-said' captures 'What did Putin say?' ({questions}:2), which entry "
                         "'putin-view' answered without it")


def test_questions_flag_runs_a_file_of_the_dev_format(faq_dir, capsys):
    questions = faq_dir / "more.yaml"
    questions.write_text('questions:\n  - {q: "How many people were arrested?", expect: ["8,000 people"]}\n'
                         '  - {q: "What is the capital of Italy?", expect: none}\n', encoding="utf-8")
    code, out, _ = check(capsys, faq_dir / "faq.yaml", "--questions", str(questions))
    assert code == 0 and "14 test question(s)" in out.strip().splitlines()[-1]
    code, out, err = check(capsys, faq_dir / "faq.yaml", "--questions", str(DEV_QUESTIONS))
    assert code == 1 and f"{DEV_QUESTIONS}:" in err  # the dev set asks more than the FAQ and articles answer


def test_eval_floors_make_ci_fail(faq_dir, capsys):
    faq = faq_dir / "faq.yaml"
    args = ["eval", str(DEV_QUESTIONS), "--corpus", str(SEED_CORPUS), "--faq", str(faq), "--min-in", "0.87",
            "--min-out", "100%"]
    assert run(capsys, *args)[0] == 0
    code, _, err = run(capsys, *args[:-4], "--min-in", "1.0", "--min-out", "100%")
    floor = rf"{re.escape(str(DEV_QUESTIONS))}: below the floor: in-scope hits \d+\.\d% < 100\.0%"
    assert code == 1 and re.fullmatch(floor, err.strip())


@pytest.mark.parametrize("value", ["1.5", "abc", "-0.1", "120%"])
def test_eval_floor_must_be_a_share(capsys, value):
    with pytest.raises(SystemExit):
        run(capsys, "eval", str(DEV_QUESTIONS), "--min-in", value)
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "expected a share between 0 and 1" in err


def test_check_no_faq_validates_the_articles_alone(capsys):
    code, out, _ = run(capsys, "check", "--corpus", str(SEED_CORPUS), "--no-faq")
    assert code == 0 and out.strip() == ("ok: 1 article(s), 25 sentences, 0 FAQ entries, 0 test question(s), "
                                         "0 error(s), 0 warning(s)")


ENTRY = "  - id: {id}\n    questions:\n      - {q}\n    answer: {a}\n"


@pytest.mark.parametrize("text, line, message", [
    # a string where the list of questions is expected
    ("entries:\n  - id: a\n    questions: How many people were arrested?\n      - How many were detained?\n"
     "    answer: A\n", 3, "'questions' must be a list, one '- question' per line, not text (the '- ' lines below"),
    ("entries:\n  - id: a\n    questions: How many?\n    answer: A\n", 3, "'questions' must be a list"),
    # an entry that is a plain string, reported at its own line, not its parent's
    ("synonyms:\n  a: [b]\nentries:\n" + ENTRY.format(id="x", q="Q?", a="A") + "  - just a string\n", 8,
     "entry 2 must be a mapping with questions and answer"),
    ("entries:\n" + ENTRY.format(id="x", q="Note: what?", a="A"), 4, "contains ': ', which YAML reads as a key"),
    ("entries:\n" + ENTRY.format(id="x", q="Q?", a="A") + "    answer: B\n", 6, "'answer' appears twice in this entry"),
    ("entries:\n" + ENTRY.format(id="x", q="Q?", a="A") + ENTRY.format(id="x", q="R?", a="B"), 6,
     "duplicate id 'x' (first at line 2)"),
], ids=["folded-list", "text-not-list", "string-entry", "colon-in-question", "repeated-key", "duplicate-id"])
def test_problems_are_reported_at_the_line_of_the_entry_or_field(write_faq, text, line, message):
    path = write_faq(text)
    with pytest.raises(InputError) as info:
        parse_faq(path)
    shown = [str(p) for p in info.value.problems]
    assert any(p.startswith(f"{path}:{line}: ") and message in p for p in shown), shown


JARGON = ("<block", "expected", "token", "scalar", "mapping values", "while parsing", "while scanning")


@pytest.mark.parametrize("text, line, message", [
    ("entries:\n  - id: a\n\tquestions:\n      - Q?\n    answer: A\n", 3, "a tab character: YAML needs spaces"),
    ("entries:\n  - id: a\n    questions:\n      - Q?\n  answer: A\n", 5,
     "'answer:' is indented less than 'questions:' on line 3"),
    ("entries:\n  - id: a\n    questions:\n      - Q?\n      answer: A\n", 5,
     "'answer:' is indented more than 'questions:' on line 3"),
    ("entries:\n  - id: a\n      questions:\n      - Q?\n    answer: A\n", 3,
     "'questions:' is indented more than 'id:' on line 2"),
    ("entries:\n  - id: a\n    questions:\n      - Q?\n     - R?\n    answer: A\n", 5,
     "this '- ' line is not lined up with the '- ' on line 4"),
    ("entries:\n  - id: a\n    questions:\n      - Q?\n    answer: Tokayev said: it is over\n", 5,
     "the text after 'answer:' contains ': '"),
    ("entries:\n  - id: a\n    questions: [What? Really?, b]\n    answer: A\n", 3, "a question mark inside [ … ]"),
    ("entries:\n  - id: a\n    questions:\n      - @bot hi\n    answer: A\n", 4, "text cannot start with '@'"),
    ("entries:\n  - id: a\n    questions:\n      - \"unclosed\n    answer: A\n", 4, "a quotation mark opened"),
    ("entries:\n" + ENTRY.format(id="a", q="Q?", a="A") + "  id: b\n", 6, "to start a new entry, begin the line"),
], ids=["tab", "dedent", "over-indent", "over-indent-key", "list-item", "colon-in-value", "question-mark-in-brackets",
        "reserved-character", "unclosed-quote", "missing-dash"])
def test_yaml_mistakes_are_told_in_plain_words(write_faq, text, line, message):
    path = write_faq(text)
    with pytest.raises(InputError) as info:
        parse_faq(path)
    [problem] = [str(p) for p in info.value.problems]
    assert problem.startswith(f"{path}:{line}: ") and message in problem, problem
    assert not any(word in problem for word in JARGON), problem


def test_a_dedented_answer_gets_no_hint_about_brackets(write_faq):
    path = write_faq("entries:\n  - id: a\n    questions:\n      - What?\n  answer: A\n")
    with pytest.raises(InputError) as info:
        parse_faq(path)
    assert "[" not in str(info.value) and "question mark" not in str(info.value)


def test_joined_questions_get_a_warning(tiny_corpus, write_faq, capsys):
    faq = write_faq("entries:\n  - questions:\n      - How many residents were evacuated? - How many left?\n"
                    "    answer: About 300.\n    source: About 300 residents were evacuated by boat.\n")
    code, out, _ = run(capsys, "check", "--corpus", str(tiny_corpus), "--faq", str(faq))
    assert code == 0 and f"{faq}:3: warning: 'How many residents were evacuated? - How many left?' looks like" in out


def test_a_phrasing_taken_by_another_entry_is_reported_at_its_line_naming_both(tiny_corpus, write_faq, capsys):
    faq = write_faq("entries:\n"
                    "  - id: evacuated\n    questions:\n      - How many residents were evacuated by boat?\n"
                    "    answer: About 300.\n    source: About 300 residents were evacuated by boat.\n"
                    "  - id: boats\n    questions:\n      - How many residents were evacuated by boat?\n"
                    "      - Were boats used?\n    answer: Yes.\n"
                    "    source: About 300 residents were evacuated by boat.\n")
    code, out, _ = run(capsys, "check", "--corpus", str(tiny_corpus), "--faq", str(faq))
    assert code == 0
    assert (f"{faq}:9: warning: phrasing 'How many residents were evacuated by boat?' of entry 'boats' is answered "
            "by entry 'evacuated' (line 2) instead") in out
