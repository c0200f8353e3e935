#!/usr/bin/env python3
"""Check the tune6 QA bank: yaml parses, expect phrases are verbatim in article bodies,
Russian files mirror the English ones, and enough questions are unanswerable."""
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
DATELINE = re.compile(r"^[A-Z][A-Z]{2,}[^\n]*? - ")
SENT_BREAK = re.compile(r"[.!?][\"']?\s+[A-Z\"]")

errors = []


def err(msg):
    errors.append(msg)


def is_subheading(block):
    if "\n" in block:
        return False
    words = block.split()
    return len(words) <= 8 and not block.rstrip().endswith((".", "!", "?", '"', ":"))


def load_bodies():
    bodies = {}
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        blocks = [b.strip() for b in re.split(r"\n\s*\n", text.strip())]
        if len(blocks) < 4:
            err(f"{path.name}: too few blocks")
            continue
        body = []
        for i, b in enumerate(blocks[2:]):
            if b.startswith("Photo:") or b.startswith("Reporting by") or is_subheading(b):
                continue
            if i == 0:
                b = DATELINE.sub("", b, count=1)
            body.append(b)
        words = sum(len(b.split()) for b in body)
        print(f"  {path.stem}: {len(body)} body paragraphs, {words} body words")
        if not 600 <= words <= 900:
            err(f"{path.name}: body has {words} words (want 600-900)")
        bodies[path.stem] = body
    return bodies


def check_expect(where, expect, article, bodies):
    if expect == "none":
        return
    if not isinstance(expect, list) or not expect:
        err(f"{where}: expect must be `none` or a non-empty list, got {expect!r}")
        return
    if article not in bodies:
        err(f"{where}: unknown article {article!r} for an answerable item")
        return
    for phrase in expect:
        if not isinstance(phrase, str):
            err(f"{where}: non-string phrase {phrase!r}")
            continue
        n = len(phrase.split())
        if not 4 <= n <= 12:
            err(f"{where}: phrase has {n} words: {phrase!r}")
        if SENT_BREAK.search(phrase):
            err(f"{where}: phrase spans a sentence boundary: {phrase!r}")
        if not any(phrase in para for para in bodies[article]):
            err(f"{where}: phrase not in body of {article}: {phrase!r}")


def load_yaml(name):
    path = HERE / name
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except Exception as exc:  # noqa: BLE001
        err(f"{name}: does not parse: {exc}")
        return None
    return data


def check_questions(name, bodies):
    data = load_yaml(name)
    if data is None:
        return None
    items = data.get("questions") or []
    for i, it in enumerate(items, 1):
        where = f"{name}#{i}"
        for key in ("q", "expect", "article", "kind", "type"):
            if key not in it:
                err(f"{where}: missing {key}")
        if it.get("kind") not in KINDS:
            err(f"{where}: bad kind {it.get('kind')!r}")
        if it.get("type") not in TYPES:
            err(f"{where}: bad type {it.get('type')!r}")
        if it.get("kind") in ("trap", "offtopic") and it.get("expect") != "none":
            err(f"{where}: {it.get('kind')} item must have expect none")
        if (it.get("kind") == "offtopic") != (it.get("article") == "none"):
            err(f"{where}: offtopic items (and only they) have article none")
        if it.get("article") != "none" and it.get("article") not in bodies:
            err(f"{where}: unknown article {it.get('article')!r}")
        check_expect(where, it.get("expect"), it.get("article"), bodies)
    return items


def check_conversations(name, bodies):
    data = load_yaml(name)
    if data is None:
        return None
    convs = data.get("conversations") or []
    for i, c in enumerate(convs, 1):
        where = f"{name}#{i}"
        turns = c.get("turns")
        if not isinstance(turns, list) or len(turns) != 2 or not all(isinstance(t, str) and t for t in turns):
            err(f"{where}: need exactly two non-empty turns")
        if c.get("article") not in bodies:
            err(f"{where}: unknown article {c.get('article')!r}")
        check_expect(where, c.get("expect"), c.get("article"), bodies)
    return convs


def same_fields(en, ru, fields, label):
    if en is None or ru is None:
        return
    if len(en) != len(ru):
        err(f"{label}: {len(en)} English items vs {len(ru)} Russian items")
    for i, (a, b) in enumerate(zip(en, ru), 1):
        for f in fields:
            if a.get(f) != b.get(f):
                err(f"{label}#{i}: field {f} differs: {a.get(f)!r} vs {b.get(f)!r}")


def main():
    print("corpus:")
    bodies = load_bodies()
    q_en = check_questions("questions.yaml", bodies)
    q_ru = check_questions("questions_ru.yaml", bodies)
    c_en = check_conversations("conversations.yaml", bodies)
    c_ru = check_conversations("conversations_ru.yaml", bodies)
    same_fields(q_en, q_ru, ("expect", "article", "kind", "type"), "questions_ru")
    same_fields(c_en, c_ru, ("expect", "article"), "conversations_ru")
    if q_ru:
        cyr = re.compile(r"[\u0400-\u04FF]")
        for i, it in enumerate(q_ru, 1):
            if not cyr.search(it.get("q", "")):
                err(f"questions_ru.yaml#{i}: question has no Cyrillic")
    if c_ru:
        cyr = re.compile(r"[\u0400-\u04FF]")
        for i, c in enumerate(c_ru, 1):
            if not all(cyr.search(t) for t in c.get("turns", [])):
                err(f"conversations_ru.yaml#{i}: a turn has no Cyrillic")

    if q_en:
        n = len(q_en)
        unans = sum(1 for it in q_en if it.get("kind") in ("trap", "offtopic") and it.get("expect") == "none")
        print(f"questions.yaml: {n} items")
        print("  by kind:   ", dict(Counter(it["kind"] for it in q_en)))
        print("  by article:", dict(Counter(it["article"] for it in q_en)))
        print("  by type:   ", dict(Counter(it["type"] for it in q_en)))
        print(f"  traps/offtopic with expect none: {unans} ({unans / n:.1%})")
        if unans < 0.35 * n:
            err(f"questions.yaml: only {unans}/{n} traps/offtopic (need >= 35%)")
        dup = [q for q, k in Counter(it["q"].lower() for it in q_en).items() if k > 1]
        if dup:
            err(f"questions.yaml: duplicate questions {dup}")
    if c_en:
        none = sum(1 for c in c_en if c.get("expect") == "none")
        print(f"conversations.yaml: {len(c_en)} conversations, {none} with expect none")
        print("  by article:", dict(Counter(c["article"] for c in c_en)))

    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
