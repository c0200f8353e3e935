"""The command line through a real subprocess: output formats, exit codes, one-line errors."""

import json
import os
import subprocess
import sys

import pytest

from conftest import DEV_QUESTIONS, ROOT


def run(*args: str, stdin: str | None = None, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, timeout=60)


def test_ask_prints_answer_source_and_title():
    out = run("ask", "How many people were arrested?")
    assert out.returncode == 0
    assert "nearly 8,000 people were arrested" in out.stdout
    assert "Kazakh leader declares" in out.stdout


def test_ask_reads_stdin_line_by_line_in_order_as_json():
    questions = ["How many people were arrested?", "qqq zzz", "", "Who is Tokayev?\r"]
    out = run("ask", "--json", stdin="\n".join(questions) + "\n")
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["question"] for r in rows] == [q.strip() for q in questions]
    for row in rows:
        assert set(row) == {"question", "kind", "answer", "source", "document", "score"}
        assert (row["source"] is None) == (row["kind"] == "none")
    assert rows[1]["kind"] == "none"


def test_line_separator_inside_a_line_does_not_split_it():
    out = run("ask", "--json", "--no-faq", stdin="How many people\u2028were arrested?\n")
    assert len(out.stdout.splitlines()) == 1


def test_check_passes_on_the_shipped_files():
    out = run("check")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "ok:" in out.stdout


def test_eval_ends_with_both_rates():
    out = run("eval", str(DEV_QUESTIONS), "--no-faq")
    assert out.returncode == 0
    last = out.stdout.strip().splitlines()[-1]
    assert "in-scope hits:" in last and "out-of-scope rejected:" in last


@pytest.mark.parametrize("args, fragment", [
    (["ask", "x", "--corpus", "/nonexistent"], "/nonexistent: corpus directory not found"),
    (["ask", "x", "--faq", "/nonexistent.yaml"], "/nonexistent.yaml: FAQ file not found"),
    (["eval", "/nonexistent.yaml"], "/nonexistent.yaml: question file not found"),
])
def test_bad_input_is_one_line_and_exit_1(args, fragment):
    out = run(*args)
    assert out.returncode == 1
    assert fragment in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr


def test_check_reports_every_problem_with_file_and_line(tmp_path):
    faq = tmp_path / "faq.yaml"
    faq.write_text("entries:\n  - questions: [a]\n  - answer: b\n    source: not in the article at all\n")
    out = run("check", "--faq", str(faq))
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert f"{faq}:2: entry needs 'answer': non-empty text" in lines
    assert f"{faq}:3: entry needs 'questions': a list of phrasings" in lines


def test_non_utf8_article_is_named(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"Title\n\n\xff\xfe broken\n")
    out = run("ask", "x", "--no-faq", "--corpus", str(tmp_path))
    assert out.returncode == 1 and "bad.txt:3: not valid UTF-8" in out.stderr


def test_piped_chat_answers_each_line_and_exits():
    out = run("chat", stdin="How many people were arrested?\n")
    assert out.returncode == 0 and "8,000" in out.stdout


def test_engine_commands_do_not_import_telegram():
    code = ("import sys; from bot.cli import main; main(['ask', 'How many died?']); "
            "assert 'telegram' not in sys.modules, 'telegram imported'")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr


@pytest.mark.parametrize("token, message", [("", "TELEGRAM_BOT_TOKEN is not set"),
                                            ("not-a-token", "TELEGRAM_BOT_TOKEN is malformed")])
def test_run_without_a_valid_token_is_one_line_and_exit_1(token, message):
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env["TELEGRAM_BOT_TOKEN"] = token
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "run"], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=60)
    assert out.returncode == 1
    assert out.stderr.strip().startswith(message) and len(out.stderr.strip().splitlines()) == 1
    assert "not-a-token" not in out.stderr
