"""The reliability soak: the real bot process against the fake Bot API, in issue 11's 11 scenarios and a throughput one.

    python tests/soak.py                  # every scenario at full size (about four minutes), then the figures
    python tests/soak.py flood group      # some of them
    python tests/soak.py --small          # the sizes tests/test_reliability_e2e.py runs
    python tests/soak.py --json           # the figures as one JSON object

Each scenario starts its own bot (seed corpus and FAQ, in a temporary directory) against its own
FakeBotApi on 127.0.0.1 and returns its figures; tests/test_reliability_e2e.py runs the same
functions at the small sizes and asserts on them. Latencies are measured at the fake API, from the
moment an update is queued there to the moment the bot's reply arrives.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot_process import (
    PERSONAL,
    TOKEN,
    ask_private,
    inline_results,
    launch,
    new_group,
    new_private,
    post_update,
    start_bot,
    start_webhook_bot,
    stop,
)
from conftest import SEED_CORPUS, SEED_FAQ
from fake_telegram import USER, FakeBotApi, bot_message, message, user

QUESTIONS = ["How many people were arrested?", "What is the CSTO?", "What started the protests?",
             "Who is Tokayev?", "How many troops did the CSTO send?"]
SLOW_DOWN = "faster than I can answer"
_users = itertools.count(5_000_000)


@dataclass(frozen=True)
class Sizes:
    """How big each scenario is; FULL reproduces the issue's figures, SMALL is what the tests run."""

    flood: int = 300  # messages from one private chat ...
    flood_seconds: float = 2.0  # ... in this long
    bystanders: int = 30  # other chats asking once each during a flood or a group burst
    group_burst: int = 60  # /ask messages in one group, from different users
    group_window: float = 5.0  # seconds after the burst's start in which the group's answers are counted
    whole_group: bool = True  # wait until the group's last answer (two minutes at 20 a minute)
    load_messages: int = 2000
    load_chats: int = 500
    backlog: int = 600  # messages waiting when SIGTERM comes
    reload_saves: int = 3  # truncate-then-write-in-chunks saves of faq.yaml
    unanswered: int = 200  # unanswerable questions, for the log's size
    outage_seconds: float = 10.0  # of 500s on sendMessage
    drops: int = 10  # dropped connections on sendMessage
    latency: float = 3.0  # seconds of latency on sendMessage
    per_phase: int = 20  # messages in each network phase
    throughput_messages: int = 3000  # with Telegram's 30 a second lifted: how fast one process answers
    throughput_chats: int = 1000


FULL = Sizes()
SMALL = Sizes(flood=100, flood_seconds=0.5, bystanders=12, group_burst=30, group_window=2.0, whole_group=False,
              load_messages=200, load_chats=50, backlog=160, reload_saves=1, unanswered=20, outage_seconds=2.0,
              drops=3, latency=1.0, per_phase=5, throughput_messages=300, throughput_chats=100)
Figures = dict[str, object]


class Lab:
    """A working directory holding the seed corpus and FAQ, a fake Bot API, and the bots started there."""

    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(SEED_CORPUS, root / "corpus", dirs_exist_ok=True)
        shutil.copy(SEED_FAQ, root / "faq.yaml")
        self.api = FakeBotApi(TOKEN).start()
        self.procs: list[subprocess.Popen] = []

    def start(self, name: str, **env: str) -> subprocess.Popen:
        proc = start_bot(self.api, self.root, name, **env)
        self.procs.append(proc)
        return proc

    def launch(self, name: str, **env: str) -> subprocess.Popen:
        proc = launch(self.api, self.root, name, **env)
        self.procs.append(proc)
        return proc

    def close(self) -> None:
        for proc in self.procs:
            stop(proc)
        self.api.stop()


# --- measuring ---------------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def latencies(api: FakeBotApi, asked: list[tuple[int, int]], timeout: float = 30) -> list[float]:
    """Seconds from each (chat, update id) queued to the chat's first reply; waits for every reply."""
    api.wait_for(lambda a: all(a.sent_to(chat) for chat, _ in asked), timeout)
    return [api.sent_to(chat)[0]["at"] - api.pushed_at[update_id] for chat, update_id in asked]


def ms(seconds: float) -> int:
    return round(seconds * 1000)


def sigterm(proc: subprocess.Popen, kill_after: float = 10.0) -> tuple[int, float, bool]:
    """What ``docker stop`` does: SIGTERM, then SIGKILL after ``kill_after`` s. (exit code, seconds, killed)."""
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        code = proc.wait(timeout=kill_after)
        return code, time.monotonic() - started, False
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait(), time.monotonic() - started, True


def totals(log_text: str) -> Counter[str]:
    """The counters the bot logs when it stops (``totals: flood_dropped=279, …``)."""
    found: Counter[str] = Counter()
    for line in log_text.splitlines():
        if " totals: " in line:
            for pair in line.split(" totals: ", 1)[1].split(", "):
                name, _, count = pair.partition("=")
                found[name] = int(count)
    return found


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def paced(count: int, seconds: float, push: Callable[[int], None]) -> None:
    """Call ``push(i)`` ``count`` times, spread over ``seconds`` (a load generator, not a wait on the bot)."""
    started = time.monotonic()
    for i in range(count):
        push(i)
        ahead = started + seconds * (i + 1) / count - time.monotonic()
        if ahead > 0:
            time.sleep(ahead)


def ask_once(api: FakeBotApi, chats: list[int], question: str = "What is the CSTO?") -> list[tuple[int, int]]:
    return [(chat, api.push("message", message(chat, question))) for chat in chats]


# --- the scenarios -----------------------------------------------------------------------------------


def flood(lab: Lab, sizes: Sizes) -> Figures:
    """One private chat sends ``flood`` messages in ``flood_seconds``; other chats ask meanwhile."""
    api, proc = lab.api, lab.start("flood")
    flooder, others = new_private(), [new_private() for _ in range(sizes.bystanders)]
    asked: list[tuple[int, int]] = []
    every = max(1, sizes.flood // sizes.bystanders)

    def push(i: int) -> None:
        api.push("message", message(flooder, QUESTIONS[i % len(QUESTIONS)]))
        if i % every == 0 and len(asked) < len(others):
            asked.extend(ask_once(api, [others[len(asked)]]))

    paced(sizes.flood, sizes.flood_seconds, push)
    waits = latencies(api, asked)
    api.wait_for(lambda a: len(a.sent_to(flooder)) >= min(sizes.flood, 21), timeout=30)
    sigterm(proc)
    got = [m["text"] for m in api.sent_to(flooder)]
    notices = sum(SLOW_DOWN in text for text in got)
    return {"bystander p50 ms": ms(percentile(waits, 0.5)), "bystander p99 ms": ms(percentile(waits, 0.99)),
            "bystander max ms": ms(max(waits)), "flooder answered": len(got) - notices, "slow-down notices": notices,
            "flood dropped (counted)": totals(proc.log_path.read_text())["flood_dropped"]}


def group_burst(lab: Lab, sizes: Sizes) -> Figures:
    """``group_burst`` /ask messages in one group from different users; private chats ask meanwhile."""
    api, proc = lab.api, lab.start("group")
    group, others = new_group(), [new_private() for _ in range(sizes.bystanders)]
    asked: list[tuple[int, int]] = []
    every = max(1, sizes.group_burst // sizes.bystanders)

    def push(i: int) -> None:
        api.push("message", message(group, "/ask How many people were arrested?", sender=user(next(_users))))
        if i % every == 0 and len(asked) < len(others):
            asked.extend(ask_once(api, [others[len(asked)]]))

    started = time.monotonic()
    paced(sizes.group_burst, 1.0, push)
    waits = latencies(api, asked)
    first_minute = min(sizes.group_burst, 20)
    api.wait_for(lambda a: len(a.sent_to(group)) >= first_minute, timeout=30)
    figures: Figures = {"bystander p50 ms": ms(percentile(waits, 0.5)), "bystander p99 ms": ms(percentile(waits, 0.99)),
                        "bystander max ms": ms(max(waits)),
                        f"group answers in the first {sizes.group_window:.0f} s":
                            _count_until(api, group, started + sizes.group_window)}
    if sizes.whole_group:
        api.wait_for(lambda a: len(a.sent_to(group)) >= sizes.group_burst, timeout=sizes.group_burst * 3 + 30)
        times = [m["at"] for m in api.sent_to(group)]
        figures["group answered"] = len(times)
        figures["group's last answer after s"] = round(times[-1] - started, 1)
        figures["most group answers in any 60 s"] = max(sum(t <= s + 60 for t in times[i:]) for i, s in
                                                        enumerate(times))
    sigterm(proc)
    return figures


def _count_until(api: FakeBotApi, chat: int, deadline: float) -> int:
    left = deadline - time.monotonic()
    if left > 0:  # the figure is about a fixed moment: nothing to wait for but the clock
        time.sleep(left)
    return sum(m["at"] <= deadline for m in api.sent_to(chat))


def load(lab: Lab, sizes: Sizes) -> Figures:
    """``load_messages`` messages from ``load_chats`` chats, as fast as the fake API takes them."""
    api, proc = lab.api, lab.start("load")
    chats = [new_private() for _ in range(sizes.load_chats)]
    per_chat = sizes.load_messages // sizes.load_chats
    before = rss_mb(proc.pid)
    started = time.monotonic()
    for i in range(per_chat):
        ask_once(api, chats, QUESTIONS[i % len(QUESTIONS)])
    api.wait_for(lambda a: all(len(a.sent_to(c)) >= per_chat for c in chats), timeout=sizes.load_messages / 10 + 30)
    seconds = time.monotonic() - started
    peak = rss_mb(proc.pid, "VmHWM")
    api.wait_for(lambda a: a.pending() == 0, timeout=15)
    counts = Counter(len(api.sent_to(c)) for c in chats)
    sigterm(proc)
    return {"messages": sizes.load_messages, "answered exactly once": counts[per_chat] * per_chat,
            "seconds": round(seconds, 1), "replies per s": round(sizes.load_messages / seconds, 1),
            "memory MB before": round(before), "memory MB peak": round(peak)}


def throughput(lab: Lab, sizes: Sizes) -> Figures:
    """How many replies a second one process sends with the 30-a-second limit lifted (BOT_MAX_SENDS_PER_SECOND=0):
    polling, then in webhook mode with updates posted over 40 connections at once (Telegram's default)."""
    polling = lab.start("throughput-polling", BOT_MAX_SENDS_PER_SECOND="0")
    asked = _answered_per_second(lab.api, sizes, lambda chats, text: ask_once(lab.api, chats, text))
    sigterm(polling)
    webhook = start_webhook_bot(lab.api, lab.root, "throughput-webhook", BOT_MAX_SENDS_PER_SECOND="0")
    lab.procs.append(webhook)
    busy: list[int] = []
    posted = _answered_per_second(lab.api, sizes, lambda chats, text: _post_all(lab.api, webhook.port, chats, text,
                                                                                busy))
    sigterm(webhook)
    return {"messages": sizes.throughput_messages, "polling replies per s": asked,
            "webhook replies per s": posted, "webhook 503s (backlog full, posted again)": busy.count(503)}


def _answered_per_second(api: FakeBotApi, sizes: Sizes, send: Callable[[list[int], str], object]) -> float:
    chats = [new_private() for _ in range(sizes.throughput_chats)]
    per_chat = sizes.throughput_messages // sizes.throughput_chats
    started = time.monotonic()
    for i in range(per_chat):
        send(chats, QUESTIONS[i % len(QUESTIONS)])
    api.wait_for(lambda a: all(len(a.sent_to(c)) >= per_chat for c in chats), timeout=sizes.throughput_messages / 5)
    return round(per_chat * len(chats) / (time.monotonic() - started), 1)


def _post_all(api: FakeBotApi, port: int, chats: list[int], text: str, statuses: list[int]) -> None:
    """Post one message from each chat, 40 at a time; an update answered 503 is posted again, as Telegram would."""
    from concurrent.futures import ThreadPoolExecutor

    def deliver(chat: int) -> None:
        update = api.update("message", message(chat, text))
        while (status := post_update(port, update)) != 200:
            statuses.append(status)  # list.append is atomic: the threads share it
            time.sleep(0.05)

    with ThreadPoolExecutor(max_workers=40) as pool:
        list(pool.map(deliver, chats))


def half_saved_reload(lab: Lab, sizes: Sizes) -> Figures:
    """An editor truncates faq.yaml and writes it back in four pieces while users ask a FAQ question.

    A reply is wrong when it differs from the reply before the first save (the FAQ's answer).
    """
    api, proc = lab.api, lab.start("reload", BOT_RELOAD_SECONDS="0.5")
    expected = ask_private(api, "How many people were arrested?")["text"]
    faq = lab.root / "faq.yaml"
    content = faq.read_text(encoding="utf-8")
    done = threading.Event()
    asked: list[int] = []

    def ask() -> None:
        while not done.is_set():
            chat = new_private()
            api.push("message", message(chat, "How many people were arrested?"))
            asked.append(chat)
            time.sleep(0.05)

    asker = threading.Thread(target=ask)
    asker.start()
    for _ in range(sizes.reload_saves):
        _save_in_pieces(faq, content, pieces=4, pause=0.4)
        time.sleep(1.0)
    done.set()
    asker.join()
    api.wait_for(lambda a: all(a.sent_to(c) for c in asked), timeout=30)
    wrong = sum(api.sent_to(c)[0]["text"] != expected for c in asked)
    sigterm(proc)
    return {"replies": len(asked), "wrong replies": wrong}


def _save_in_pieces(path: Path, content: str, pieces: int, pause: float) -> None:
    """How some editors save: truncate, then write the file in pieces (an editor's pauses, not a wait)."""
    step = len(content) // pieces + 1
    with path.open("w", encoding="utf-8") as f:
        for start in range(0, len(content), step):
            f.flush()
            time.sleep(pause)
            f.write(content[start:start + step])


def sigterm_with_backlog(lab: Lab, sizes: Sizes) -> Figures:
    """``backlog`` messages waiting; SIGTERM, SIGKILL 10 s later if still alive, then a restart."""
    api, proc = lab.api, lab.start("backlog")
    chats = [new_private() for _ in range(sizes.backlog)]
    ask_once(api, chats, "How many people were arrested?")
    api.wait_for(lambda a: sum(bool(a.sent_to(c)) for c in chats) >= 10, timeout=30)
    code, seconds, killed = sigterm(proc)
    answered_before = sum(bool(api.sent_to(c)) for c in chats)
    held = _in_hand(proc.log_path.read_text())
    lab.start("backlog-restart")
    try:
        api.wait_for(lambda a: all(a.sent_to(c) for c in chats), timeout=sizes.backlog / 10 + 30)
    except AssertionError:
        pass  # the figures below say how many were lost
    counts = Counter(min(len(api.sent_to(c)), 2) for c in chats)
    return {"messages": sizes.backlog, "held at SIGTERM": held, "answered before exit": answered_before,
            "exit code": code, "seconds to exit": round(seconds, 1), "killed": killed,
            "lost": counts[0], "answered twice": counts[2]}


def _in_hand(log_text: str) -> int:
    for line in log_text.splitlines():
        if "answering the " in line:
            return int(line.split("answering the ", 1)[1].split()[0])
    return -1


def rejected_token(lab: Lab, sizes: Sizes) -> Figures:
    """A well-formed token that the Bot API rejects (401) at start."""
    other = "987654321:AAHanotherTokenThatTelegramRejects_xyzxyz"
    proc = lab.launch("rejected", TELEGRAM_BOT_TOKEN=other)
    code = proc.wait(timeout=30)
    output = proc.log_path.read_text()
    return {"exit code": code, "output lines": len(output.splitlines()), "token printed": other in output
            or other.split(":")[1] in output, "traceback": "Traceback" in output, "output": output.strip()}


def debug_logs(lab: Lab, sizes: Sizes) -> Figures:
    """LOG_LEVEL=DEBUG through every kind of update: no names or ids; LOG_TELEGRAM_DEBUG=on prints them."""
    figures: Figures = {}
    for name, env in (("debug", {}), ("debug-telegram", {"LOG_TELEGRAM_DEBUG": "on"})):
        proc = lab.start(name, LOG_LEVEL="DEBUG", **env)
        personal = PERSONAL + _every_kind_of_update(lab.api)
        sigterm(proc)
        text = proc.log_path.read_text()
        label = "LOG_LEVEL=DEBUG" + (" LOG_TELEGRAM_DEBUG=on" if env else "")
        figures[f"{label}: log lines"] = len(text.splitlines())
        figures[f"{label}: names or ids in the log"] = sum(p in text for p in personal)
    return figures


def _every_kind_of_update(api: FakeBotApi) -> list[str]:
    """A private question, a group /ask, a button press and an inline query; returns the ids used."""
    chat, group = new_private(), new_group()
    api.push("message", message(chat, "How many people were arrested?"))
    api.push("message", message(group, "/ask What is the CSTO?"))
    api.push("callback_query", {"id": "cb-debug", "from": USER, "chat_instance": "ci", "data": "faq:zzz",
                                "message": dict(bot_message(chat), chat={"id": chat, "type": "private"})})
    inline_results(api, "CSTO troops")
    api.wait_for(lambda a: a.sent_to(chat) and a.sent_to(group)
                 and any(c["callback_query_id"] == "cb-debug" for c in a.calls_of("answerCallbackQuery")))
    return [str(chat)]


def unanswered_log(lab: Lab, sizes: Sizes) -> Figures:
    """``unanswered`` unanswerable questions: how big the question store grows per question, and its modes."""
    api, proc = lab.api, lab.start("unanswered")
    chats = [new_private() for _ in range(sizes.unanswered)]
    for i, chat in enumerate(chats):
        api.push("message", message(chat, f"What is the exchange rate of the tenge on day {i}?"))
    api.wait_for(lambda a: all(a.sent_to(c) for c in chats), timeout=30)
    sigterm(proc)
    data = lab.root / "unanswered-data"
    files = [p for p in data.iterdir() if p.is_file()] if data.exists() else []
    size = sum(p.stat().st_size for p in files if p.name.startswith("questions"))
    return {"questions": sizes.unanswered, "store bytes per question": round(size / sizes.unanswered),
            "file modes": sorted({oct(p.stat().st_mode & 0o777) for p in files}) or "-",
            "folder mode": oct(data.stat().st_mode & 0o777) if data.exists() else "-"}


def polling_rejected(lab: Lab, sizes: Sizes) -> Figures:
    """401, then (another bot, another API) 404, on getUpdates while polling: the process must exit non-zero."""
    figures: Figures = {}
    for status in (401, 404):
        own = Lab(lab.root / str(status))
        try:
            proc = own.start(f"polling-{status}")
            own.api.fail_next("getUpdates", status, {"ok": False, "error_code": status, "description": "Unauthorized"})
            chat = new_private()
            own.api.push("message", message(chat, "What is the CSTO?"))  # ends the long poll in progress
            started = time.monotonic()
            figures[f"{status}: exit code"] = proc.wait(timeout=30)
            figures[f"{status}: seconds to exit"] = round(time.monotonic() - started, 1)
            figures[f"{status}: the question before it answered"] = bool(own.api.sent_to(chat))
        finally:
            own.close()
    return figures


def unreadable_update(lab: Lab, sizes: Sizes) -> Figures:
    """An update python-telegram-bot cannot parse (a message without a date), then an ordinary one."""
    api, proc = lab.api, lab.start("unreadable")
    lines_before = len(proc.log_path.read_text().splitlines())
    bad = api.push_raw({"message": {"message_id": 1, "chat": {"id": new_private(), "type": "private"}}})
    chat = new_private()
    good = api.push("message", message(chat, "What is the CSTO?"))
    reply = latencies(api, [(chat, good)])[0]
    api.wait_acknowledged(good)
    text = proc.log_path.read_text()
    sigterm(proc)
    return {"log lines about it": sum(f"update {bad} " in line for line in text.splitlines()),
            "new log lines": len(text.splitlines()) - lines_before, "next question answered in ms": ms(reply),
            "getUpdates calls": len(api.calls_of("getUpdates"))}


def network_errors(lab: Lab, sizes: Sizes) -> Figures:
    """Replies sent through 500s, then dropped connections, then latency: retried, none lost or doubled."""
    api, proc = lab.api, lab.start("network")
    phases = (("500s", lambda: api.fail_for("sendMessage", 500, sizes.outage_seconds)),
              ("dropped connections", lambda: api.drop_next("sendMessage", sizes.drops)),
              ("latency", lambda: api.set_latency("sendMessage", sizes.latency)))
    figures: Figures = {}
    everyone: list[int] = []
    for name, fault in phases:
        fault()
        chats = [new_private() for _ in range(sizes.per_phase)]
        everyone += chats
        waits = latencies(api, ask_once(api, chats), timeout=sizes.outage_seconds + 60)
        figures[f"{name}: slowest reply s"] = round(max(waits), 1)
    api.set_latency("sendMessage", 0)
    sigterm(proc)
    counts = Counter(len(api.sent_to(c)) for c in everyone)
    figures.update({"messages": len(everyone), "lost": counts[0], "answered twice": sum(counts[n] for n in counts
                                                                                          if n > 1),
                    "retries": totals(proc.log_path.read_text())["send_retried"]})
    return figures


SCENARIOS: dict[str, Callable[[Lab, Sizes], Figures]] = {
    "flood": flood, "group": group_burst, "load": load, "reload": half_saved_reload, "sigterm": sigterm_with_backlog,
    "token": rejected_token, "debug": debug_logs, "unanswered": unanswered_log, "polling": polling_rejected,
    "unreadable": unreadable_update, "network": network_errors, "throughput": throughput,
}


def run(name: str, sizes: Sizes, root: Path | None = None) -> Figures:
    """One scenario in a fresh directory (``root``, or a temporary one) with its own fake API."""
    with tempfile.TemporaryDirectory(prefix=f"soak-{name}-") as tmp:
        lab = Lab(root or Path(tmp))
        try:
            return SCENARIOS[name](lab, sizes)
        finally:
            lab.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenarios", nargs="*", metavar="SCENARIO",
                        help=f"any of: {', '.join(SCENARIOS)} (default: all)")
    parser.add_argument("--small", action="store_true", help="the sizes the tests use")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    unknown = [name for name in args.scenarios if name not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenario {unknown[0]!r} (choose from {', '.join(SCENARIOS)})")
    sizes = SMALL if args.small else FULL
    results = {}
    for name in args.scenarios or SCENARIOS:
        started = time.monotonic()
        results[name] = run(name, sizes)
        if not args.json:
            print(f"{name} ({time.monotonic() - started:.0f} s)")
            for key, value in results[name].items():
                print(f"  {key}: {value}")
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

