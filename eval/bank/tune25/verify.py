#!/usr/bin/env python3
"""Checks the TUNE25 part of the QA bank (run from anywhere)."""
import os
import re
import sys
from collections import Counter

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune25_broadcast", "tune25_economy", "tune25_other"]
# number of leading furniture blocks (headline/title, standfirst, byline, date line)
LEADING_FURNITURE = {"tune25_broadcast": 2, "tune25_economy": 4, "tune25_other": 4}
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def load(name):
    path = os.path.join(HERE, name)
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except Exception as e:  # noqa: BLE001
        err(f"{name}: does not parse: {e}")
        return None


def is_furniture(art, idx, block):
    if idx < LEADING_FURNITURE[art]:
        return True
    b = block.strip()
    if b.startswith("[") and b.endswith("]"):
        return True                      # stage cue
    if "\n" not in b and not re.search(r'[.!?"\u201d]$', b):
        return True                      # section heading / credit line
    if b.lower().startswith(("additional reporting", "reporting by", "by ")):
        return True
    return False


texts, body, furn = {}, {}, {}
for art in ARTICLES:
    path = os.path.join(CORPUS, art + ".txt")
    with open(path, encoding="utf-8") as f:
        t = f.read()
    texts[art] = t
    blocks = [b.strip() for b in re.split(r"\n\s*\n", t) if b.strip()]
    body[art] = [b for i, b in enumerate(blocks) if not is_furniture(art, i, b)]
    furn[art] = [b for i, b in enumerate(blocks) if is_furniture(art, i, b)]
    n = len(t.split())
    print(f"{art}: {n} words, {len(blocks)} blocks ({len(furn[art])} furniture)")
    if not 600 <= n <= 900:
        err(f"{art}: {n} words, outside 600-900")


def sentences(block):
    # strip speaker label, split on sentence ends followed by space + capital/quote
    block = re.sub(r"^[A-Z][A-Z ()]+:\s*", "", block)
    return re.split(r'(?<=[.!?])\s+(?=[A-Z"])', block)


def check_expect(where, exp, art):
    if exp == "none":
        return
    if not isinstance(exp, list) or not exp:
        err(f"{where}: expect must be a non-empty list or none")
        return
    if art not in ARTICLES:
        err(f"{where}: expect given but article is {art!r}")
        return
    for ph in exp:
        if not isinstance(ph, str):
            err(f"{where}: expect item not a string: {ph!r}")
            continue
        if ph not in texts[art]:
            err(f"{where}: phrase not in {art}: {ph!r}")
            continue
        in_body = [b for b in body[art] if ph in b]
        if not in_body:
            err(f"{where}: phrase only in furniture: {ph!r}")
            continue
        if any(ph in b for b in furn[art]):
            err(f"{where}: phrase also in a furniture block: {ph!r}")
        if not any(ph in s for b in in_body for s in sentences(b)):
            err(f"{where}: phrase crosses a sentence boundary: {ph!r}")
        nw = len(ph.split())
        if not 4 <= nw <= 12:
            err(f"{where}: phrase has {nw} words (want 4-12): {ph!r}")


# ---------------- questions ----------------
qen = load("questions.yaml")
qru = load("questions_ru.yaml")
qkk = load("questions_kk.yaml")
Q = qen["questions"] if qen else []
R = qru["questions"] if qru else []
K = qkk["questions"] if qkk else []

for i, it in enumerate(Q, 1):
    w = f"questions.yaml #{i}"
    for k in ("q", "expect", "article", "kind", "type"):
        if k not in it:
            err(f"{w}: missing {k}")
    if it.get("kind") not in KINDS:
        err(f"{w}: bad kind {it.get('kind')}")
    if it.get("type") not in TYPES:
        err(f"{w}: bad type {it.get('type')}")
    art = it.get("article")
    if it.get("kind") == "offtopic":
        if art != "none" or it.get("expect") != "none":
            err(f"{w}: offtopic must have article none and expect none")
    else:
        if art not in ARTICLES:
            err(f"{w}: bad article {art}")
    if it.get("kind") == "trap" and it.get("expect") != "none":
        err(f"{w}: trap with an expect")
    if it.get("kind") not in ("trap", "offtopic") and it.get("expect") == "none":
        err(f"{w}: non-trap without expect")
    check_expect(w, it.get("expect"), art)
    # non-terse questions should not copy an expect phrase
    if it.get("kind") != "terse" and isinstance(it.get("expect"), list):
        for ph in it["expect"]:
            if ph.lower() in it["q"].lower():
                err(f"{w}: question copies the expect phrase")

if len(R) != len(Q):
    err(f"questions_ru.yaml has {len(R)} items, questions.yaml {len(Q)}")
for i, (a, b) in enumerate(zip(Q, R), 1):
    for k in ("expect", "article", "kind", "type"):
        if a.get(k) != b.get(k):
            err(f"questions_ru.yaml #{i}: {k} differs from English")
    if not re.search(r"[а-яё]", b.get("q", ""), re.I):
        err(f"questions_ru.yaml #{i}: no Cyrillic in question")

# Kazakh: comment lines name the English item
with open(os.path.join(HERE, "questions_kk.yaml"), encoding="utf-8") as f:
    kk_refs = [int(m) for m in re.findall(r"^\s*# EN #(\d+):", f.read(), re.M)]
if len(K) != 25:
    err(f"questions_kk.yaml has {len(K)} items, want 25")
if len(kk_refs) != len(K):
    err("questions_kk.yaml: every item needs an '# EN #n:' comment")
for ref, it in zip(kk_refs, K):
    if not 1 <= ref <= len(Q):
        err(f"questions_kk.yaml: EN #{ref} out of range")
        continue
    en = Q[ref - 1]
    for k in ("expect", "article", "kind", "type"):
        if en.get(k) != it.get(k):
            err(f"questions_kk.yaml EN #{ref}: {k} differs from English")
    if not re.search(r"[а-яёәіңғүұқөһ]", it.get("q", ""), re.I):
        err(f"questions_kk.yaml EN #{ref}: no Cyrillic")
kk_traps = sum(1 for it in K if it.get("kind") == "trap")
kk_arts = Counter(it.get("article") for it in K)
if kk_traps < 8:
    err(f"questions_kk.yaml: {kk_traps} traps, want >= 8")
if set(kk_arts) != set(ARTICLES):
    err("questions_kk.yaml: not spread over all three articles")

# ---------------- conversations ----------------
cen = load("conversations.yaml")
cru = load("conversations_ru.yaml")
C = cen["conversations"] if cen else []
CR = cru["conversations"] if cru else []
for i, c in enumerate(C, 1):
    w = f"conversations.yaml #{i}"
    if not (isinstance(c.get("turns"), list) and len(c["turns"]) == 2):
        err(f"{w}: needs exactly two turns")
    check_expect(w, c.get("expect"), c.get("article"))
if len(C) != 36:
    err(f"conversations.yaml has {len(C)}, want 36")
if len(CR) != len(C):
    err(f"conversations_ru.yaml has {len(CR)}, English {len(C)}")
for i, (a, b) in enumerate(zip(C, CR), 1):
    for k in ("expect", "article"):
        if a.get(k) != b.get(k):
            err(f"conversations_ru.yaml #{i}: {k} differs")
    if len(b.get("turns", [])) != 2 or not all(re.search(r"[а-яё]", t, re.I) for t in b["turns"]):
        err(f"conversations_ru.yaml #{i}: turns must be two Russian strings")

# ---------------- report ----------------
print()
print(f"questions: {len(Q)}  ru: {len(R)}  kk: {len(K)} (traps {kk_traps}, per article {dict(kk_arts)})")
print("kinds overall:", dict(sorted(Counter(q["kind"] for q in Q).items())))
print("types overall:", dict(sorted(Counter(q["type"] for q in Q).items())))
for art in ARTICLES + ["none"]:
    items = [q for q in Q if q["article"] == art]
    kinds = Counter(q["kind"] for q in items)
    if art == "none":
        print(f"  offtopic: {len(items)}")
        continue
    share = kinds["trap"] / len(items) if items else 0
    print(f"  {art}: {len(items)} questions, traps {kinds['trap']} ({share:.0%}), kinds {dict(sorted(kinds.items()))}")
    if share < 0.40:
        err(f"{art}: trap share {share:.0%} < 40%")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if kinds[k] == 0:
            err(f"{art}: no {k} questions")
nnone = sum(1 for c in C if c.get("expect") == "none")
print(f"conversations: {len(C)} (ru {len(CR)}), per article {dict(Counter(c['article'] for c in C))}, "
      f"expect none {nnone} ({nnone / max(len(C), 1):.0%})")
if nnone != 12:
    err(f"conversations: {nnone} with expect none, want 12")
for art in ARTICLES:
    if sum(1 for c in C if c["article"] == art) != 12:
        err(f"conversations: {art} does not have 12")

for w in warnings:
    print("WARNING:", w)
if errors:
    print(f"\nFAILED: {len(errors)} error(s)")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("\nOK: all checks passed")
