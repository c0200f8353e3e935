"""The command line, in process through ``cli.main(argv)``: output formats, exit codes, one-line errors.

One smoke test runs ``main.py`` as a real subprocess; the rest call ``main`` directly, which is
what ``main.py`` does, with the environment replaced by explicit settings.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import dataclass

import pytest

from bot.cli import main
from bot.settings import Settings

from conftest import DEV_QUESTIONS, ROOT


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(monkeypatch, capsys):
    """Run a command in process from the repository root; ``stdin`` feeds piped input."""
    monkeypatch.chdir(ROOT)

    def run(*args: str, stdin: str | None = None, settings: Settings | None = None) -> Result:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
        code = main(list(args), settings=settings or Settings(cache_dir=None))
        out = capsys.readouterr()
        return Result(code, out.out, out.err)

    return run


def test_main_py_runs_as_a_program():
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "ask", "How many people were arrested?"],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "nearly 8,000 people were arrested" in out.stdout


def test_ask_prints_answer_source_and_title(cli):
    out = cli("ask", "How many people were arrested?")
    assert out.returncode == 0
    assert "nearly 8,000 people were arrested" in out.stdout
    assert "Kazakh leader declares" in out.stdout


def test_ask_reads_stdin_line_by_line_in_order_as_json(cli):
    questions = ["How many people were arrested?", "qqq zzz", "", "Who is Tokayev?\r"]
    out = cli("ask", "--json", stdin="\n".join(questions) + "\n")
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["question"] for r in rows] == [q.strip() for q in questions]
    for row in rows:
        assert {"question", "kind", "answer", "source", "document", "score"} <= set(row)
        assert (row["source"] is None) == (row["kind"] == "none")
    assert rows[0]["kind"] == "faq" and rows[1]["kind"] == "none"


def test_line_separator_inside_a_line_does_not_split_it(cli):
    out = cli("ask", "--json", "--no-faq", stdin="How many people\u2028were arrested?\n")
    assert len(out.stdout.splitlines()) == 1
    assert "8,000" in json.loads(out.stdout)["source"]


def test_check_passes_on_the_shipped_files(cli):
    out = cli("check")
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.strip().splitlines()[-1].startswith("ok: 1 article(s)")


def test_eval_ends_with_both_rates(cli):
    out = cli("eval", str(DEV_QUESTIONS), "--no-faq")
    assert out.returncode == 0
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 41
    assert lines[-1].startswith("in-scope hits: ") and "out-of-scope rejected: " in lines[-1]


@pytest.mark.parametrize("args, fragment", [
    (["ask", "x", "--corpus", "/nonexistent"], "/nonexistent: corpus directory not found"),
    (["check", "--faq", "/nonexistent.yaml"], "/nonexistent.yaml: FAQ file not found"),
    (["eval", "/nonexistent.yaml"], "/nonexistent.yaml: question file not found"),
])
def test_bad_input_is_one_line_and_exit_1(cli, args, fragment):
    out = cli(*args)
    assert out.returncode == 1
    assert out.stderr.strip() == fragment or out.stderr.strip().startswith(fragment)
    assert len(out.stderr.strip().splitlines()) == 1


def test_check_reports_every_problem_with_file_and_line(cli, tmp_path):
    faq = tmp_path / "faq.yaml"
    faq.write_text("entries:\n  - questions: [a]\n  - answer: b\n    source: not in the article at all\n")
    out = cli("check", "--faq", str(faq))
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert f"{faq}:2: entry needs 'answer': non-empty text" in lines
    assert f"{faq}:3: entry needs 'questions': a list of phrasings" in lines


def test_non_utf8_article_is_named(cli, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"Title\n\n\xff\xfe broken\n")
    out = cli("ask", "x", "--no-faq", "--corpus", str(tmp_path))
    assert out.returncode == 1 and "bad.txt:3: not valid UTF-8" in out.stderr


def test_piped_chat_answers_each_line_and_exits(cli):
    out = cli("chat", stdin="How many people were arrested?\nWhat is the CSTO?\n")
    assert out.returncode == 0
    assert "8,000" in out.stdout and "Collective Security Treaty Organization" in out.stdout


def test_engine_commands_do_not_import_telegram():
    code = ("import sys; from bot.cli import main; main(['ask', 'How many died?']); "
            "assert 'telegram' not in sys.modules, 'telegram imported'")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr


@pytest.mark.parametrize("token, message", [("", "TELEGRAM_BOT_TOKEN: not set"),
                                            ("not-a-token", "TELEGRAM_BOT_TOKEN: malformed")])
def test_run_without_a_valid_token_is_one_line_and_exit_1(cli, token, message):
    out = cli("run", settings=Settings(token=token))
    assert out.returncode == 1
    assert out.stderr.strip().startswith(message) and len(out.stderr.strip().splitlines()) == 1
    assert "not-a-token" not in out.stderr


@pytest.mark.parametrize("variable, value", [("BOT_RELOAD_SECONDS", "abc"), ("LOG_LEVEL", "LOUD"),
                                             ("BOT_RELOAD_SECONDS", "-1")])
def test_malformed_setting_is_one_line_naming_the_variable(monkeypatch, capsys, variable, value):
    monkeypatch.setenv(variable, value)
    assert main(["ask", "How many died?"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{variable}: ") and value in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("command", ["ask", "chat", "check", "eval", "report", "bench", "run"])
def test_a_flag_a_command_does_not_know_shows_that_commands_usage(capsys, command):
    with pytest.raises(SystemExit) as info:
        main([command, *(["x.yaml"] if command == "eval" else []), "--bogus"], settings=Settings(cache_dir=None))
    err = capsys.readouterr().err
    assert info.value.code == 2 and err.startswith(f"usage: main.py {command} [-h]")
    assert err.strip().endswith(f"main.py {command}: error: unrecognized arguments: --bogus")


@pytest.mark.parametrize("args, message", [
    (["bench", "--articles", "-1"], "main.py bench: error: argument --articles: expected a whole number of 0 or more, "
                                    "got '-1'"),
    (["bench", "--rounds", "0"], "main.py bench: error: argument --rounds: expected a whole number of 1 or more, "
                                 "got '0'"),
    (["report", "--top", "-1"], "main.py report: error: argument --top: expected a whole number of 1 or more, "
                                "got '-1'"),
])
def test_numeric_options_are_validated_in_one_line(capsys, args, message):
    with pytest.raises(SystemExit) as info:
        main(args, settings=Settings(cache_dir=None))
    assert info.value.code == 2 and capsys.readouterr().err.strip() == message


def test_the_old_unanswered_command_points_to_report(capsys):
    with pytest.raises(SystemExit) as info:
        main(["unanswered", "--top", "5"], settings=Settings(cache_dir=None))
    err = capsys.readouterr().err
    assert info.value.code == 2 and "'unanswered' is now part of 'report'" in err


def test_eval_prints_how_often_answers_at_each_confidence_were_right(cli):
    out = cli("eval", str(DEV_QUESTIONS), "--no-faq", "--reliability")
    bins = [line for line in out.stdout.splitlines() if line.startswith("confidence ")]
    assert bins and all(" right (" in line for line in bins)
    given = sum(int(line.split(": ")[1].split("/")[1].split()[0]) for line in bins)
    assert given == sum(1 for line in out.stdout.splitlines() if line[5:12].strip() in ("faq", "passage"))
