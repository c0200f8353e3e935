"""Command line: parse arguments, call the engine, print. ``python main.py COMMAND --help`` for each.

Known bad input (InputError) becomes one ``file:line: message`` line on stderr and exit code 1;
the Telegram stack is imported only by ``run``.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from pathlib import Path

from bot.errors import InputError
from bot.excerpt import excerpt
from bot.settings import Settings


def _knowledge_args(parser: argparse.ArgumentParser, settings: Settings, allow_no_faq: bool = True) -> None:
    parser.add_argument("--corpus", default=str(settings.corpus_dir), metavar="DIR",
                        help="directory of article *.txt files (default: %(default)s)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--faq", default=str(settings.faq_file), metavar="FILE",
                       help="curated FAQ file (default: %(default)s)")
    if allow_no_faq:
        group.add_argument("--no-faq", action="store_true", help="answer from the articles alone")


def _faq_path(args: argparse.Namespace) -> Path | None:
    return None if getattr(args, "no_faq", False) else Path(args.faq)


def _load(args: argparse.Namespace, strict: bool = False):
    from bot.knowledge import build

    kb = build(Path(args.corpus), _faq_path(args), cache_dir=args.settings.cache_dir, strict=strict)
    for warning in kb.warnings:
        print(warning, file=sys.stderr)
    return kb


def format_plain(answer) -> str:
    """An answer for a terminal: the answer, then the quoted source sentence (its answering part between
    ``**`` marks, see bot/excerpt.py) and the article title."""
    if answer.kind == "none":
        return answer.text
    lines = [answer.text] if answer.text != answer.source else []
    lines.append(f"  \u201c{excerpt(answer.source, answer.highlight).plain()}\u201d")
    lines.append(f"  \u2014 {answer.document}")
    return "\n".join(lines)


def to_json_line(answer) -> str:
    """One JSON object on one line; U+2028/U+2029 escaped so line-splitting readers see one line."""
    text = json.dumps(answer.as_json(), ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _answer_lines(kb, questions, as_json: bool, out) -> None:
    from bot.answer import answer

    for question in questions:
        result = answer(kb, question)
        out.write((to_json_line(result) if as_json else format_plain(result)) + "\n")
        if not as_json and not out.isatty():
            out.write("\n")
        out.flush()


def _stdin_lines():
    """Lines of standard input split at \\n only (a lone \\r or U+2028 stays inside its line)."""
    for raw in sys.stdin.buffer:
        yield raw.decode("utf-8", errors="replace").rstrip("\n")


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer QUESTION, or each line of standard input when no QUESTION is given.

    Example: python main.py ask "How many people were arrested?" --json
    """
    kb = _load(args)
    questions = [args.question] if args.question is not None else _stdin_lines()
    _answer_lines(kb, questions, args.json, sys.stdout)
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    """Console chat on the same engine: interactive on a terminal, line by line when piped.

    Example: echo "How many people were arrested?" | python main.py chat
    """
    kb = _load(args)
    if not sys.stdin.isatty():
        _answer_lines(kb, _stdin_lines(), False, sys.stdout)
        return 0
    from bot.answer import answer

    print(f"Ask about: {kb.corpus.documents[0].title} ({len(kb.corpus.documents)} article(s)). Ctrl-D to quit.")
    while True:
        try:
            question = input("> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if question.strip():
            print(format_plain(answer(kb, question)) + "\n")


def cmd_check(args: argparse.Namespace) -> int:
    """Load and validate the corpus and the FAQ; print each problem as file:line: message.

    Example: python main.py check --faq faq.yaml
    """
    from bot.answer import answer

    kb = _load(args, strict=True)
    for note in kb.notes:
        print(note)
    warnings = 0
    if kb.faq is not None:
        for entry in kb.faq.entries:
            for question in entry.questions:
                got = answer(kb, question)
                if got.kind != "faq" or got.phrasing not in entry.questions:
                    warnings += 1
                    what = f"matches entry with '{got.phrasing}'" if got.kind == "faq" else "is not matched confidently"
                    print(f"{kb.faq.path}:{entry.line}: warning: phrasing '{question}' {what}")
    faq_count = len(kb.faq.entries) if kb.faq else 0
    print(f"ok: {len(kb.corpus.documents)} article(s), {len(kb.corpus.sentences)} sentences, "
          f"{faq_count} FAQ entries, {warnings} warning(s)")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Score a question file: a line per question, then the in-scope hit and out-of-scope rejection rates.

    Example: python main.py eval eval/dev_questions.yaml --no-faq
    """
    from bot.answer import answer
    from bot.evaluation import evaluate, load_questions, summary_line

    items = load_questions(Path(args.file))
    if args.baseline:
        from bot.bench import baseline_answerer

        results = evaluate(items, baseline_answerer(Path(args.corpus)))
    else:
        kb = _load(args)
        results = evaluate(items, lambda q: answer(kb, q))
    for r in results:
        mark = "ok  " if r.ok else "MISS"
        shown = r.answer.source if r.answer.source else f"({r.answer.reason or 'no answer'})"
        print(f"{mark} {r.answer.kind:7} {r.answer.score:4.2f}  {r.item.question}  ->  {' '.join(shown.split())}")
    print(summary_line(results))
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Run the Telegram bot (needs TELEGRAM_BOT_TOKEN; see README for the environment)."""
    args.settings.checked_token()  # before importing the Telegram stack: a missing token is a quick error
    from bot.telegram.app import run

    return run(args.settings, Path(args.corpus), _faq_path(args))


def cmd_bench(args: argparse.Namespace) -> int:
    """Benchmark the engine against plain rank-bm25 on a synthetic corpus of N articles plus the seed.

    Example: python main.py bench --articles 1000
    """
    from bot.bench import run_bench

    return run_bench(Path(args.corpus), args.articles, args.questions, args.seed, args.rounds, _faq_path(args))


def cmd_calibrate(args: argparse.Namespace) -> int:
    """Learn the confidence model from the tune half of the question bank (eval/tune.yaml).

    Prints out-of-fold and in-sample figures; --write saves the model to bot/confidence.json.
    Example: python main.py calibrate --write
    """
    from bot.calibration import run_calibrate

    return run_calibrate(Path(args.manifest), args.write)


def cmd_unanswered(args: argparse.Namespace) -> int:
    """List the questions users asked that the bot could not answer, most asked first.

    Example: python main.py unanswered --top 20
    """
    from bot.unanswered import most_asked

    rows = most_asked(Path(args.log), args.top)
    if not rows:
        print(f"no unanswered questions recorded in {args.log}")
    for count, question in rows:
        print(f"{count:5d}  {question}")
    return 0


def build_parser(settings: Settings) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Event Q&A bot: answers from news articles, "
                                     "always with the source sentence.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=inspect.cleandoc(func.__doc__ or ""),
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.set_defaults(func=func)
        return p

    p = add("ask", cmd_ask, "answer a question (or each line of stdin)")
    p.add_argument("question", nargs="?", help="the question; omit to read questions from stdin, one per line")
    p.add_argument("--json", action="store_true", help="one JSON object per answer")
    _knowledge_args(p, settings)
    _knowledge_args(add("chat", cmd_chat, "console chat on the engine"), settings)
    _knowledge_args(add("check", cmd_check, "validate corpus and FAQ"), settings, allow_no_faq=False)
    p = add("eval", cmd_eval, "score a question file")
    p.add_argument("file", help="questions in the dev_questions.yaml format")
    p.add_argument("--baseline", action="store_true",
                   help="score plain rank-bm25 instead (BM25Okapi, whitespace tokens, top sentence, never declines)")
    _knowledge_args(p, settings)
    _knowledge_args(add("run", cmd_run, "run the Telegram bot"), settings)
    p = add("unanswered", cmd_unanswered, "questions the bot could not answer")
    p.add_argument("--log", default=str(settings.unanswered_log), metavar="FILE",
                   help="the bot's unanswered-questions log (default: %(default)s)")
    p.add_argument("--top", type=int, default=50, help="how many to list (default: %(default)s)")
    p = add("calibrate", cmd_calibrate, "learn the confidence model from the tune half")
    p.add_argument("--manifest", default="eval/tune.yaml", metavar="FILE",
                   help="the tune sets: question files and their corpora (default: %(default)s)")
    p.add_argument("--write", action="store_true", help="save the model to bot/confidence.json")
    p = add("bench", cmd_bench, "benchmark against plain rank-bm25")
    p.add_argument("--articles", type=int, default=100, metavar="N", help="synthetic articles (default: %(default)s)")
    p.add_argument("--questions", default=None, metavar="FILE", help="question file (default: the built-in set)")
    p.add_argument("--seed", type=int, default=7, help="random seed of the generator (default: %(default)s)")
    p.add_argument("--rounds", type=int, default=None, help="timed passes over the questions (default: by size)")
    _knowledge_args(p, settings)
    return parser


def main(argv: list[str] | None = None, settings: Settings | None = None) -> int:
    """Run one command; ``settings`` default to the environment, read here once."""
    try:
        settings = settings or Settings.from_env()
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 1
    args = build_parser(settings).parse_args(argv)
    args.settings = settings
    try:
        return args.func(args)
    except InputError as exc:
        shown = exc.problems if args.command == "check" else exc.problems[:1]
        more = len(exc.problems) - len(shown)
        for problem in shown:
            print(f"{problem}{f' (and {more} more: run check)' if more else ''}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
