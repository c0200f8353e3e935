"""``python main.py report``: the operator's to-do list, from the question store.

It lists the questions the bot missed or answered with low confidence (grouped, most asked first,
each with what the articles offer now: the best passage and its score, or the FAQ entry that
answers it since), the answers users rated worst, and totals by kind and surface with the median
latency. ``/stats`` and ``/missed`` show parts of it in Telegram.
"""

from __future__ import annotations

import re
import time
from dataclasses import asdict, dataclass

from bot.answer import Answer, Kind, answer
from bot.formatting import STRONG, quoted
from bot.grouping import Group, group
from bot.i18n import ENGLISH, Msg, Texts
from bot.knowledge import KnowledgeBase
from bot.query import analyze
from bot.store import Rated, Store, Totals

_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhdw])$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800}


def parse_duration(text: str) -> float:
    """'7d' -> seconds; units s, m, h, d, w. Raises ValueError on anything else."""
    match = _DURATION.match(text.strip().lower())
    if not match or float(match[1]) <= 0:
        raise ValueError(f"'{text}' is not a duration such as 30m, 12h, 7d or 2w")
    return float(match[1]) * _UNITS[match[2]]


@dataclass(frozen=True)
class Missed:
    """One missed question: its wordings, how often it was asked, the best score then, and what answers it now."""

    question: str
    count: int
    wordings: list[str]
    score_then: float
    now_kind: str
    now_entry: str | None
    best_passage: str | None
    best_document: str | None
    best_score: float


@dataclass(frozen=True)
class Report:
    """Everything ``report`` prints: ``since`` is a Unix time (0: everything kept)."""

    since: float
    totals: Totals
    missed: list[Missed]
    worst: list[Rated]


def build_report(store: Store, kb: KnowledgeBase | None, since: float, top: int) -> Report:
    """Read the store and, for each missed question, ask the knowledge base in service what it offers now."""
    rows = store.weak(since, STRONG)
    groups = group([r.question for r in rows])[:top]
    best_then = {}
    for row in rows:
        best_then[row.question] = max(best_then.get(row.question, 0.0), row.score)
    missed = [_missed(g, kb, max(best_then.get(w, 0.0) for w in g.counts)) for g in groups]
    return Report(since, store.totals(since), missed, store.worst_rated(since, top))


def _missed(found: Group, kb: KnowledgeBase | None, score_then: float) -> Missed:
    wordings = [w for w, _ in found.counts.most_common()]
    if kb is None:
        return Missed(found.wording, found.count, wordings, score_then, "", None, None, None, 0.0)
    now = answer(kb, found.wording)
    best = now if now.kind == Kind.PASSAGE else _best_passage(kb, found.wording)
    return Missed(found.wording, found.count, wordings, score_then, str(now.kind), now.entry_id or None,
                  best.source if best else None, best.document if best else None, best.score if best else 0.0)


def _best_passage(kb: KnowledgeBase, question: str) -> Answer | None:
    """The sentence the articles rank first for ``question``, however weakly: where a FAQ answer could come from."""
    hits = kb.engine.rank(analyze(question, kb.engine, kb.synonyms, cache=kb.words), limit=1)
    if not hits:
        return None
    sentence = kb.corpus.sentences[hits[0].sentence_id]
    title = kb.corpus.documents[sentence.doc_id].title
    return Answer(question, Kind.PASSAGE, sentence.text, sentence.text, title, hits[0].confidence)


def as_json(report: Report) -> dict:
    """The report as plain data (``report --json``)."""
    return {"since": _iso(report.since) if report.since else None, "totals": asdict(report.totals),
            "missed": [asdict(m) for m in report.missed], "worst_rated": [asdict(r) for r in report.worst]}


def _iso(when: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(when))


def _counts(counts: dict[str, int]) -> str:
    return " · ".join(f"{k} {n}" for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))) or "none"


def render_totals(totals: Totals, tr: Texts = ENGLISH) -> list[str]:
    """Totals as a few lines of plain text (shared with /stats, which shows them in the admin's language)."""
    latency = f"{totals.median_latency_ms:.1f} ms" if totals.median_latency_ms is not None else "n/a"
    return [tr(Msg.STATS_QUESTIONS, count=totals.questions),
            tr(Msg.STATS_BY_KIND, counts=_counts(totals.by_kind)),
            tr(Msg.STATS_BY_SURFACE, counts=_counts(totals.by_surface)),
            tr(Msg.STATS_LATENCY, latency=latency),
            tr(Msg.STATS_VOTES, up=totals.votes_up, down=totals.votes_down)]


def render_missed(missed: Missed) -> list[str]:
    """One missed question: count, wording, score then; what answers it now; other wordings."""
    lines = [f"{missed.count:5d}x  {missed.question}   (best score then {missed.score_then:.2f})"]
    if missed.now_kind == Kind.FAQ:
        lines.append(f"        now answered by FAQ entry '{missed.now_entry}'")
    elif missed.best_passage:
        passage = " ".join(missed.best_passage.split())
        lines.append(f"        best passage ({missed.best_score:.2f}): {quoted(passage)} \u2014 {missed.best_document}")
    elif missed.now_kind:
        lines.append("        no article sentence shares its words")
    if len(missed.wordings) > 1:
        lines.append("        also asked as: " + " | ".join(missed.wordings[1:4]))
    return lines


def render_text(report: Report) -> str:
    """The report as readable plain text."""
    period = f"since {_iso(report.since)}" if report.since else "everything kept"
    lines = [f"Questions asked ({period})", *render_totals(report.totals), "",
             "Missed and low-confidence questions, most asked first:"]
    for missed in report.missed:
        lines += render_missed(missed)
    if not report.missed:
        lines.append("  none")
    lines += ["", "Worst-rated answers:"]
    for rated in report.worst:
        what = f"FAQ entry '{rated.entry_id}'" if rated.entry_id else quoted(rated.source or "")
        lines.append(f"  {rated.down} down, {rated.up} up  {what} (asked as: {rated.example})")
    if not report.worst:
        lines.append("  none")
    return "\n".join(lines)
