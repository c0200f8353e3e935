#!/usr/bin/env python3
"""Checks for the TUNE21 part of the QA bank (run with /work/main/.venv/bin/python)."""
import os
import re
import sys
from collections import Counter

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune21_data", "tune21_letters", "tune21_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
FIELDS = ("expect", "article", "kind", "type")

errors = []


def err(msg):
    errors.append(msg)


def is_furniture(idx, block):
    """Headline (block 0), standfirst (block 1), bylines, signatures, credit lines,
    headings/date lines (no sentence-final punctuation). Table blocks are body."""
    first = block.splitlines()[0]
    if " | " in block:
        return False
    if idx in (0, 1):
        return True
    if first.startswith(("By ", "\u2014", "Data:", "Source:", "Photo:")):
        return True
    if not re.search(r"[.!?\"\u201d)]$", block.strip()):
        return True
    return False


def split_sentences(block):
    if " | " in block:
        return [ln.strip() for ln in block.splitlines() if ln.strip()]
    text = " ".join(block.split())
    return [s for s in re.split(r'(?<=[.!?])["\u201d]?\s+(?=["\u201c]?[A-Z0-9])', text) if s]


def load_articles():
    arts = {}
    for name in ARTICLES:
        path = os.path.join(CORPUS, name + ".txt")
        text = open(path, encoding="utf-8").read()
        words = len(text.split())
        if not 600 <= words <= 900:
            err(f"{name}: {words} words, want 600-900")
        blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
        body, furn = [], []
        for i, b in enumerate(blocks):
            (furn if is_furniture(i, b) else body).append(b)
        sents = [s for b in body for s in split_sentences(b)]
        arts[name] = {"text": text, "body": body, "furniture": furn, "sentences": sents, "words": words}
    return arts


def check_expect(where, expect, article, arts):
    if expect == "none":
        return
    if not isinstance(expect, list) or not expect:
        err(f"{where}: expect must be a non-empty list or 'none'")
        return
    if article not in arts:
        err(f"{where}: expect given but article {article!r} unknown")
        return
    a = arts[article]
    for ph in expect:
        if not isinstance(ph, str):
            err(f"{where}: non-string phrase {ph!r}")
            continue
        n = len(ph.split())
        if not 4 <= n <= 12:
            err(f"{where}: phrase has {n} words: {ph!r}")
        if ph not in a["text"]:
            err(f"{where}: phrase not in {article}: {ph!r}")
            continue
        if any(ph in f for f in a["furniture"]):
            err(f"{where}: phrase occurs in furniture: {ph!r}")
        if not any(ph in b for b in a["body"]):
            err(f"{where}: phrase not in a body block: {ph!r}")
        if not any(ph in s for s in a["sentences"]):
            err(f"{where}: phrase not inside one sentence/row: {ph!r}")


def read_text(name):
    try:
        with open(os.path.join(HERE, name), encoding="utf-8") as fh:
            return fh.read()
    except OSError as e:
        err(f"{name}: cannot read: {e}")
        return ""


def load(name):
    path = os.path.join(HERE, name)
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except Exception as e:  # noqa: BLE001
        err(f"{name}: does not parse: {e}")
        return None


def main():
    arts = load_articles()
    for name, a in arts.items():
        print(f"{name}: {a['words']} words, {len(a['body'])} body blocks, {len(a['furniture'])} furniture blocks")
        for f in a["furniture"]:
            print(f"    furniture: {f.splitlines()[0][:70]}")

    # --- questions (en) ---
    en = load("questions.yaml")
    qs = (en or {}).get("questions") or []
    for i, q in enumerate(qs, 1):
        w = f"questions.yaml #{i}"
        for k in ("q",) + FIELDS:
            if k not in q:
                err(f"{w}: missing {k}")
        if q.get("kind") not in KINDS:
            err(f"{w}: bad kind {q.get('kind')}")
        if q.get("type") not in TYPES:
            err(f"{w}: bad type {q.get('type')}")
        art = q.get("article")
        if q.get("kind") == "offtopic":
            if art != "none" or q.get("expect") != "none":
                err(f"{w}: offtopic must have article none, expect none")
        else:
            if art not in ARTICLES:
                err(f"{w}: bad article {art}")
        if q.get("kind") == "trap" and q.get("expect") != "none":
            err(f"{w}: trap must have expect none")
        if q.get("kind") not in ("trap", "offtopic") and q.get("expect") == "none":
            err(f"{w}: non-trap with expect none")
        check_expect(w, q.get("expect"), art, arts)
    dup = [k for k, v in Counter(q["q"] for q in qs).items() if v > 1]
    if dup:
        err(f"duplicate questions: {dup}")

    print(f"\nquestions.yaml: {len(qs)} questions")
    if not 110 <= len(qs) <= 130:
        err(f"question count {len(qs)} not about 120")
    print("  per kind:", dict(sorted(Counter(q["kind"] for q in qs).items())))
    print("  per type:", dict(sorted(Counter(q["type"] for q in qs).items())))
    for art in ARTICLES:
        sub = [q for q in qs if q["article"] == art]
        traps = sum(q["kind"] == "trap" for q in sub)
        share = traps / len(sub) if sub else 0
        kinds = Counter(q["kind"] for q in sub)
        print(f"  {art}: {len(sub)} questions, {traps} traps ({share:.0%}), kinds {dict(sorted(kinds.items()))}")
        if share < 0.40:
            err(f"{art}: trap share {share:.0%} < 40%")
        if not 30 <= len(sub) <= 40:
            err(f"{art}: {len(sub)} questions, want about 35")
        for k in ("own", "paraphrase", "terse", "typo", "yesno"):
            if kinds[k] == 0:
                err(f"{art}: no {k} questions")
    off = sum(q["kind"] == "offtopic" for q in qs)
    print(f"  offtopic: {off}")
    if not 8 <= off <= 12:
        err(f"offtopic count {off}, want about 10")

    # --- questions (ru) ---
    ru = load("questions_ru.yaml")
    rqs = (ru or {}).get("questions") or []
    print(f"questions_ru.yaml: {len(rqs)} questions")
    if len(rqs) != len(qs):
        err(f"ru has {len(rqs)} items, en has {len(qs)}")
    for i, (a, b) in enumerate(zip(qs, rqs), 1):
        for k in FIELDS:
            if a.get(k) != b.get(k):
                err(f"questions_ru.yaml #{i}: field {k} differs: {b.get(k)!r} vs {a.get(k)!r}")
        if not re.search("[\u0400-\u04ff]", b.get("q", "")):
            err(f"questions_ru.yaml #{i}: no Cyrillic in question")
        if b.get("q") == a.get("q"):
            err(f"questions_ru.yaml #{i}: same text as English")
    head = read_text("questions_ru.yaml").split("\n", 1)[0]
    if not head.startswith("# TUNE21 part of the QA bank (Russian questions)"):
        err("questions_ru.yaml: header comment missing")

    # --- questions (kk) ---
    kk = load("questions_kk.yaml")
    kqs = (kk or {}).get("questions") or []
    lines = read_text("questions_kk.yaml").splitlines()
    refs = []
    for j, ln in enumerate(lines):
        m = re.match(r"\s*# EN #(\d+): (.*)$", ln)
        if m:
            nxt = lines[j + 1] if j + 1 < len(lines) else ""
            if not nxt.lstrip().startswith("- {q:"):
                err(f"questions_kk.yaml: EN comment on line {j + 1} not followed by an item")
            refs.append((int(m.group(1)), m.group(2)))
    print(f"questions_kk.yaml: {len(kqs)} questions, {len(refs)} EN references")
    if len(kqs) != 25:
        err(f"kk has {len(kqs)} items, want 25")
    if len(refs) != len(kqs):
        err(f"kk: {len(refs)} EN comments for {len(kqs)} items")
    for i, ((n, text), b) in enumerate(zip(refs, kqs), 1):
        if not 1 <= n <= len(qs):
            err(f"kk #{i}: EN #{n} out of range")
            continue
        a = qs[n - 1]
        if a["q"] != text:
            err(f"kk #{i}: EN #{n} text {text!r} != {a['q']!r}")
        for k in FIELDS:
            if a.get(k) != b.get(k):
                err(f"kk #{i}: field {k} differs from EN #{n}")
        if not re.search("[\u0400-\u04ff]", b.get("q", "")):
            err(f"kk #{i}: no Cyrillic")
        check_expect(f"kk #{i}", b.get("expect"), b.get("article"), arts)
    kk_traps = sum(b.get("kind") == "trap" for b in kqs)
    kk_arts = Counter(b.get("article") for b in kqs)
    print(f"  kk traps: {kk_traps}; per article: {dict(sorted(kk_arts.items()))}")
    if kk_traps < 8:
        err(f"kk has {kk_traps} traps, want 8")
    if any(kk_arts[a] < 5 for a in ARTICLES):
        err("kk not spread over the three articles")
    if len({n for n, _ in refs}) != len(refs):
        err("kk: duplicate EN references")

    # --- conversations ---
    cv = load("conversations.yaml")
    cs = (cv or {}).get("conversations") or []
    cvr = load("conversations_ru.yaml")
    crs = (cvr or {}).get("conversations") or []
    print(f"conversations.yaml: {len(cs)}; conversations_ru.yaml: {len(crs)}")
    if len(cs) != 36:
        err(f"{len(cs)} conversations, want 36")
    for i, c in enumerate(cs, 1):
        w = f"conversations.yaml #{i}"
        if not isinstance(c.get("turns"), list) or len(c["turns"]) != 2:
            err(f"{w}: need exactly two turns")
        if c.get("article") not in ARTICLES:
            err(f"{w}: bad article")
        check_expect(w, c.get("expect"), c.get("article"), arts)
    for art in ARTICLES:
        sub = [c for c in cs if c.get("article") == art]
        nn = sum(c.get("expect") == "none" for c in sub)
        print(f"  {art}: {len(sub)} conversations, {nn} with expect none")
        if len(sub) != 12:
            err(f"{art}: {len(sub)} conversations, want 12")
        if nn != 4:
            err(f"{art}: {nn} none-conversations, want 4 (a third)")
    total_none = sum(c.get("expect") == "none" for c in cs)
    print(f"  none share: {total_none}/{len(cs)} = {total_none / max(len(cs), 1):.0%}")
    if len(crs) != len(cs):
        err(f"conversations_ru has {len(crs)}, en has {len(cs)}")
    for i, (a, b) in enumerate(zip(cs, crs), 1):
        for k in ("expect", "article"):
            if a.get(k) != b.get(k):
                err(f"conversations_ru.yaml #{i}: {k} differs")
        t = b.get("turns")
        if not isinstance(t, list) or len(t) != 2 or not all(re.search("[\u0400-\u04ff]", x) for x in t):
            err(f"conversations_ru.yaml #{i}: need two Russian turns")

    print()
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"FAILED: {len(errors)} error(s)")
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
