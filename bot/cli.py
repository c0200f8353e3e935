"""Command line: parse arguments, call the engine, print. ``python main.py COMMAND --help`` for each.

Known bad input (InputError) becomes one ``file:line: message`` line on stderr and exit code 1;
a flag a command does not know shows that command's usage, and a bad value is one line (exit
code 2, as argparse has it). The Telegram stack is imported only by ``run``.
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import json
import sys
import time
from pathlib import Path

from bot.errors import InputError
from bot.excerpt import excerpt
from bot.settings import Settings, port_problem, webhook_url_problem


class _Parser(argparse.ArgumentParser):
    """argparse with errors an operator can act on: a bad value is one line, anything else shows the usage."""

    def error(self, message: str):
        if not message.startswith("argument "):
            self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _whole(minimum: int):
    """An argparse type: a whole number of at least ``minimum``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected a whole number of {minimum} or more, got '{text}'")
        return value

    return parse


def _share(text: str) -> float:
    """An argparse type: a share such as 0.97 or 97%."""
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"expected a share between 0 and 1 (or 0% and 100%), got '{text}'")
    return value


def _duration(text: str) -> float:
    """An argparse type: a duration such as 7d, in seconds."""
    from bot.report import parse_duration

    try:
        return parse_duration(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _checked(problem_of):
    """An argparse type from a function saying what is wrong with a value (None: nothing)."""
    def parse(text: str) -> str:
        problem = problem_of(text)
        if problem:
            raise argparse.ArgumentTypeError(problem)
        return text

    return parse


def _knowledge_args(parser: argparse.ArgumentParser, settings: Settings) -> None:
    parser.add_argument("--corpus", default=str(settings.corpus_dir), metavar="DIR",
                        help="directory of article *.txt files (default: %(default)s)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--faq", default=str(settings.faq_file), metavar="FILE",
                       help="curated FAQ file (default: %(default)s)")
    group.add_argument("--no-faq", action="store_true",
                       help="answer from the articles alone (the FAQ file's synonyms and glossary still apply)")


def _faq_path(args: argparse.Namespace) -> Path | None:
    return None if getattr(args, "no_faq", False) else Path(args.faq)


def _load(args: argparse.Namespace, strict: bool = False):
    from bot.knowledge import build

    kb = build(Path(args.corpus), Path(args.faq), cache_dir=args.settings.cache_dir, strict=strict,
               entries=not getattr(args, "no_faq", False))
    for warning in kb.warnings:
        print(warning, file=sys.stderr)
    return kb


def format_plain(answer, understood: str = "") -> str:
    """An answer for a terminal, as Telegram shows it: a follow-up as understood (in brackets), the opening
    (a partial match says so) and the answer, the source quoted once (its answering part between ``**``
    marks, see bot/excerpt.py), the article title; the bot's own words in the question's language."""
    from bot.formatting import lead, none_text, quoted
    from bot.i18n import texts_for

    tr = texts_for(None, answer.question)
    top = [f"({understood})"] if understood else []
    if answer.kind == "none":
        return "\n".join([*top, none_text(answer, tr)])
    body = answer.text if answer.text.strip() != answer.source.strip() else ""
    head = [part for part in (lead(answer, tr), body) if part] or [answer.text]
    shown = quoted(excerpt(answer.source, answer.highlight).plain())
    return "\n".join([*top, *head, f"  {shown}", f"  \u2014 {answer.document}"])


def to_json_line(answer, understood_as: str | None = None) -> str:
    """One JSON object on one line (with ``understood_as`` when given: ``chat --json``); U+2028/U+2029
    escaped so line-splitting readers see one line."""
    data = answer.as_json()
    if understood_as is not None:
        data["understood_as"] = understood_as
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _where(settings: Settings) -> str:
    """The store's place for messages: the data folder, or the database's host (never its password)."""
    if settings.database_url:
        from bot.postgres_store import describe_url

        return describe_url(settings.database_url)
    return str(settings.data_dir)


def _open_store(settings: Settings):
    """The question store for the console chat, or None (off, or unusable: then a warning, not a stop)."""
    if settings.data_dir is None and not settings.database_url:
        return None
    from bot.store import open_store, store_errors

    try:
        return open_store(settings.data_dir, settings.retention_days, settings.max_questions, settings.database_url)
    except store_errors() as exc:
        print(f"{_where(settings)}: cannot record questions ({_first_line(exc)}); answering anyway", file=sys.stderr)
        return None


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class _Recorder:
    """Records console questions (surface ``console``); a store that fails is reported once, then left alone."""

    def __init__(self, store) -> None:
        self.store = store

    def ask(self, kb, question: str):
        """Answer ``question`` and record it."""
        return self.converse(kb, question, None)[0]

    def converse(self, kb, message: str, previous):
        """Answer ``message`` read against the ``previous`` exchange, and record it: (answer, resolution, turn)."""
        from bot.answer import answer_in_context
        from bot.store import Asked, Surface, store_errors

        started = time.perf_counter()
        result, resolution, turn = answer_in_context(kb, message, previous)
        if self.store is not None and result.question:
            try:
                self.store.record(Asked.of(result, Surface.CONSOLE, (time.perf_counter() - started) * 1000))
            except store_errors() as exc:
                print(f"cannot record questions any more ({_first_line(exc)}); answering anyway", file=sys.stderr)
                self.store = None
        return result, resolution, turn


def _answer_lines(kb, questions, as_json: bool, out, recorder: _Recorder | None = None) -> None:
    recorder = recorder or _Recorder(None)
    for question in questions:
        result = recorder.ask(kb, question)
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


class _Conversation:
    """The console's one conversation: each message read against the exchange before it, as in a private
    chat (an empty line starts a new conversation; an exchange older than Telegram's keeps no context)."""

    def __init__(self, kb, recorder: _Recorder) -> None:
        self.kb, self.recorder = kb, recorder
        self.previous, self.at = None, 0.0

    def reset(self) -> None:
        self.previous = None

    def say(self, message: str):
        """(answer, resolution) for the next message; small talk and the like leave the context as it was."""
        from bot.answer import Reason
        from bot.conversation import CONTEXT_SECONDS

        if time.monotonic() - self.at > CONTEXT_SECONDS:
            self.previous = None
        result, resolution, turn = self.recorder.converse(self.kb, message, self.previous)
        if result.reason not in (Reason.SMALL_TALK, Reason.EMPTY, Reason.VAGUE):
            self.previous, self.at = turn, time.monotonic()
        return result, resolution


def _chat_lines(conversation: _Conversation, lines, as_json: bool, out) -> None:
    for line in lines:
        if not line.strip():
            conversation.reset()  # an empty line: the next line starts a new conversation
            continue
        result, resolution = conversation.say(line)
        understood = resolution.text if resolution.inherited else ""
        if as_json:
            out.write(to_json_line(result, resolution.text) + "\n")
        else:
            out.write(format_plain(result, understood) + "\n\n")
        out.flush()


def cmd_chat(args: argparse.Namespace) -> int:
    """Console chat on the same engine: interactive on a terminal, line by line when piped.

    The lines are one conversation, as in a private chat: "and in Almaty?" or "why?" is read against the
    exchange before it (and shown as understood, in brackets). An empty line starts a new conversation.
    With --json, one object per line: the fields of 'ask --json' plus understood_as (the message as a
    self-contained question; the message itself when it depended on nothing).

    Example: printf 'How many people died?\nand in Almaty?\n' | python main.py chat --json
    """
    kb = _load(args)
    store = _open_store(args.settings)
    conversation = _Conversation(kb, _Recorder(store))
    try:
        if not sys.stdin.isatty() or args.json:
            _chat_lines(conversation, _stdin_lines(), args.json, sys.stdout)
            return 0
        print(f"Ask about: {kb.corpus.documents[0].title} ({len(kb.corpus.documents)} article(s)). "
              "An empty line starts a new conversation; Ctrl-D to quit.")
        while True:
            try:
                line = input("> ")
            except (EOFError, KeyboardInterrupt):
                print()
                return 0
            _chat_lines(conversation, [line], False, sys.stdout)
    finally:
        if store is not None:
            store.close()


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the corpus and the FAQ, and run the regression questions; print each problem as file:line: message.

    Regression questions come from faq_tests.yaml beside the FAQ (when present) and each --questions
    FILE (the format of eval/dev_questions.yaml). Exit code 1 on any error.

    Example: python main.py check --questions my_questions.yaml
    """
    from bot.checking import Findings, check_phrasings, check_questions
    from bot.evaluation import load_questions

    kb = _load(args, strict=True)
    for note in kb.notes:
        print(note)
    findings = Findings()
    check_phrasings(kb, findings)
    tests = 0
    for path in _question_files(args):
        items = load_questions(path)
        tests += len(items)
        check_questions(kb, path, items, findings)
    for warning in findings.warnings:
        print(warning)
    for error in findings.errors:
        print(error, file=sys.stderr)
    verdict = "failed" if findings.errors else "ok"
    print(f"{verdict}: {len(kb.corpus.documents)} article(s), {len(kb.corpus.sentences)} sentences, "
          f"{len(kb.faq.entries) if kb.faq else 0} FAQ entries, {tests} test question(s), "
          f"{len(findings.errors)} error(s), {len(findings.warnings) + len(kb.warnings)} warning(s)")
    return 1 if findings.errors else 0


def _question_files(args: argparse.Namespace) -> list[Path]:
    """--questions files, and faq_tests.yaml beside the FAQ when it exists."""
    files = [Path(f) for f in args.questions or ()]
    faq = _faq_path(args)
    beside = faq.with_name("faq_tests.yaml") if faq is not None else None
    if beside is not None and beside.is_file() and beside not in files:
        files.insert(0, beside)
    return files


def cmd_eval(args: argparse.Namespace) -> int:
    """Score a question file: a line per question, then the in-scope hit and out-of-scope rejection rates.

    With --min-in and --min-out, exit code 1 when a rate is below its floor (for CI on a FAQ).

    Example: python main.py eval eval/dev_questions.yaml --min-in 0.97 --min-out 1.0
    """
    from bot.answer import answer
    from bot.evaluation import evaluate, load_questions, reliability_lines, summary, summary_line

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
    if args.reliability:
        for line in reliability_lines(results):
            print(line)
    below = _below_floors(summary(results), args.min_in, args.min_out)
    if below:
        print(f"{args.file}: below the floor: {'; '.join(below)}", file=sys.stderr)
    return 1 if below else 0


def cmd_eval_conversations(args: argparse.Namespace) -> int:
    """Score a conversation file: each conversation's turns asked in order, as in a chat, and its last turn
    judged like an eval question (its source holds an expected phrase; or, for 'expect: none', no answer).

    Prints a line per conversation (the last turn as understood), then the share of answerable follow-ups
    answered right and of unanswerable ones declined; --min-in and --min-out as for eval.

    Example: python main.py eval-conversations eval/conversations/own_tune.yaml --corpus eval/bank/tune/corpus
    """
    from bot.dialogues import converse, dialogue_summary, evaluate_conversations, load_conversations

    items = load_conversations(Path(args.file))
    kb = _load(args)
    results = evaluate_conversations(items, lambda turns: converse(kb, turns))
    for r in results:
        mark = "ok  " if r.ok else "MISS"
        shown = r.answer.source if r.answer.source else f"({r.answer.reason or 'no answer'})"
        turns = " | ".join(r.conversation.turns)
        print(f"{mark} {r.answer.kind:7} {r.answer.score:4.2f}  {turns}  =>  {r.understood_as}  ->  "
              f"{' '.join(shown.split())}")
    hits, total, declined, out_total = counts = dialogue_summary(results)
    print(f"follow-ups answered right: {hits}/{total} ({100 * hits / max(total, 1):.1f}%)  "
          f"unanswerable declined: {declined}/{out_total} ({100 * declined / max(out_total, 1):.1f}%)")
    below = _below_floors(counts, args.min_in, args.min_out)
    if below:
        print(f"{args.file}: below the floor: {'; '.join(below)}", file=sys.stderr)
    return 1 if below else 0


def _below_floors(counts: tuple[int, int, int, int], min_in: float | None, min_out: float | None) -> list[str]:
    hits, total, rejected, out_total = counts
    below = []
    if min_in is not None and total and hits / total < min_in:
        below.append(f"in-scope hits {hits / total:.1%} < {min_in:.1%}")
    if min_out is not None and out_total and rejected / out_total < min_out:
        below.append(f"out-of-scope rejected {rejected / out_total:.1%} < {min_out:.1%}")
    return below


def cmd_run(args: argparse.Namespace) -> int:
    """Run the Telegram bot (needs TELEGRAM_BOT_TOKEN; see README for the environment).

    Polling by default; with --webhook-url (or TELEGRAM_WEBHOOK_URL) Telegram posts updates to this
    process instead, which then needs TELEGRAM_WEBHOOK_SECRET. The URL's path is served locally.

    Example: python main.py run --webhook-url https://bot.example.org/telegram --port 8080
    """
    settings = dataclasses.replace(args.settings, webhook_url=args.webhook_url, listen=args.listen,
                                   port=int(args.port) if args.port else args.settings.port)
    settings.checked_token()  # before importing the Telegram stack: a missing token is a quick error
    settings.checked_webhook()
    from bot.telegram.app import run

    return run(settings, Path(args.corpus), _faq_path(args))


def cmd_health(args: argparse.Namespace) -> int:
    """Ask the running bot's /healthz (on PORT, BOT_LISTEN) whether it serves: exit 0 if so, else 1 and why.

    The Docker image's HEALTHCHECK. Without a token (the console chat), or polling without PORT, there is
    nothing to ask: exit 0.
    Example: PORT=8080 python main.py health
    """
    from bot.healthcheck import check

    return check(args.settings)


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


def cmd_report(args: argparse.Namespace) -> int:
    """The operator's to-do list: missed and low-confidence questions (grouped, most asked first, each
    with what the articles offer now), the worst-rated answers, totals by kind and surface, median latency.

    Example: python main.py report --since 7d
    """
    from bot.report import as_json, build_report, render_text
    from bot.store import LEGACY_LOG, STORE_FILE, open_store, store_errors

    data = Path(args.data) if args.data else None
    database = args.settings.database_url
    if not database and (data is None or not ((data / STORE_FILE).is_file() or (data / LEGACY_LOG).is_file())):
        where = f"in {data}/" if data else "(the store is off: BOT_DATA_DIR=off)"
        print(f"no questions recorded yet {where}: the bot and 'python main.py chat' record them")
        return 0
    kb = _load(args)
    try:
        store = open_store(data, args.settings.retention_days, args.settings.max_questions, database)
    except store_errors() as exc:
        print(f"{_where(args.settings) if database else data}: cannot open the question store ({_first_line(exc)})",
              file=sys.stderr)
        return 1
    try:
        report = build_report(store, kb, time.time() - args.since if args.since else 0.0, args.top)
    finally:
        store.close()
    print(json.dumps(as_json(report), ensure_ascii=False, indent=2) if args.json else render_text(report))
    return 0


def build_parser(settings: Settings) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The parser, and each command's own (to show its usage when a flag is wrong)."""
    parser = _Parser(prog="main.py", description="Event Q&A bot: answers from news articles, always with the "
                     "source sentence.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands: dict[str, argparse.ArgumentParser] = {}

    def add(name: str, func, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=inspect.cleandoc(func.__doc__ or ""),
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.set_defaults(func=func)
        commands[name] = p
        return p

    p = add("ask", cmd_ask, "answer a question (or each line of stdin)")
    p.add_argument("question", nargs="?", help="the question; omit to read questions from stdin, one per line")
    p.add_argument("--json", action="store_true", help="one JSON object per answer")
    _knowledge_args(p, settings)
    p = add("chat", cmd_chat, "console chat on the engine, one conversation (recorded, surface 'console')")
    p.add_argument("--json", action="store_true", help="one JSON object per line: ask --json's, plus understood_as")
    _knowledge_args(p, settings)
    p = add("check", cmd_check, "validate corpus and FAQ, run the regression questions")
    p.add_argument("--questions", action="append", metavar="FILE",
                   help="regression questions (format of eval/dev_questions.yaml); repeatable")
    _knowledge_args(p, settings)
    p = add("eval", cmd_eval, "score a question file")
    p.add_argument("file", help="questions in the dev_questions.yaml format")
    p.add_argument("--baseline", action="store_true",
                   help="score plain rank-bm25 instead (BM25Okapi, whitespace tokens, top sentence, never declines)")
    p.add_argument("--reliability", action="store_true",
                   help="after the rates, how often the answers given at each confidence were right")
    p.add_argument("--min-in", type=_share, metavar="X", help="exit 1 when the in-scope hit rate is below X (0.97)")
    p.add_argument("--min-out", type=_share, metavar="Y", help="exit 1 when the out-of-scope rejection rate is below Y")
    _knowledge_args(p, settings)
    p = add("eval-conversations", cmd_eval_conversations, "score a conversation file (follow-up questions)")
    p.add_argument("file", help="conversations in the format of eval/conversations/own_tune.yaml")
    p.add_argument("--min-in", type=_share, metavar="X", help="exit 1 when answerable follow-ups answered right < X")
    p.add_argument("--min-out", type=_share, metavar="Y", help="exit 1 when unanswerable follow-ups declined < Y")
    _knowledge_args(p, settings)
    p = add("run", cmd_run, "run the Telegram bot")
    p.add_argument("--webhook-url", type=_checked(webhook_url_problem), default=settings.webhook_url, metavar="URL",
                   help="webhook mode: the public https:// URL Telegram posts updates to; its path is served here "
                   "(default: TELEGRAM_WEBHOOK_URL; unset: polling)")
    p.add_argument("--listen", default=settings.listen, metavar="ADDR",
                   help="address the HTTP server (webhook, /healthz) listens on (default: %(default)s, BOT_LISTEN)")
    p.add_argument("--port", type=_checked(port_problem), default=None, metavar="N",
                   help="its port (default: PORT, else 8080 in webhook mode; polling serves /healthz only with a port)")
    _knowledge_args(p, settings)
    add("health", cmd_health, "ask the running bot's /healthz (the Docker HEALTHCHECK)")
    p = add("report", cmd_report, "missed questions, worst-rated answers, totals")
    p.add_argument("--since", type=_duration, metavar="AGE", help="only questions asked within AGE: 12h, 7d, 2w "
                   "(default: everything kept)")
    p.add_argument("--json", action="store_true", help="the report as one JSON object")
    p.add_argument("--top", type=_whole(1), default=20, metavar="N", help="how many to list (default: %(default)s)")
    p.add_argument("--data", default=str(settings.data_dir) if settings.data_dir else None, metavar="DIR",
                   help="the bot's data folder (default: %(default)s, from BOT_DATA_DIR)")
    _knowledge_args(p, settings)
    p = add("calibrate", cmd_calibrate, "learn the confidence model from the tune half")
    p.add_argument("--manifest", default="eval/tune.yaml", metavar="FILE",
                   help="the tune sets: question files and their corpora (default: %(default)s)")
    p.add_argument("--write", action="store_true", help="save the model to bot/confidence.json")
    p = add("bench", cmd_bench, "benchmark against plain rank-bm25")
    p.add_argument("--articles", type=_whole(0), default=100, metavar="N",
                   help="synthetic articles (default: %(default)s)")
    p.add_argument("--questions", default=None, metavar="FILE", help="question file (default: the built-in set)")
    p.add_argument("--seed", type=int, default=7, help="random seed of the generator (default: %(default)s)")
    p.add_argument("--rounds", type=_whole(1), default=None, metavar="N",
                   help="timed passes over the questions (default: by size)")
    _knowledge_args(p, settings)
    return parser, commands


def main(argv: list[str] | None = None, settings: Settings | None = None) -> int:
    """Run one command; ``settings`` default to the environment, read here once."""
    try:
        settings = settings or Settings.from_env()
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 1
    parser, commands = build_parser(settings)
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["unanswered"]:
        parser.error("'unanswered' is now part of 'report': python main.py report [--since 7d]")
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        commands[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
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
