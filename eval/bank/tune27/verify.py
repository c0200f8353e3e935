#!/usr/bin/env python3
"""Checks the TUNE27 part of the QA bank (corpus, questions, ru/kk questions, conversations)."""
import os, re, sys
from collections import Counter
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune27_longread", "tune27_explainer", "tune27_other"]
# leading furniture blocks per article: headline, standfirst, byline/dateline
LEAD_FURNITURE = {"tune27_longread": 3, "tune27_explainer": 1, "tune27_other": 3}
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
errors = []

def err(msg):
    errors.append(msg)

def is_furniture(art, i, block):
    if i < LEAD_FURNITURE[art]:
        return True
    if re.match(r"^\d+\.\s", block):            # numbered subheadings
        return True
    if re.match(r"^(By|Photo|Credit|Words by)\b", block) and len(block.split()) <= 8:  # bylines, credits
        return True
    if re.match(r"^[A-Z]{3,}, \d{1,2} \w+ \d{4}$", block):  # date lines
        return True
    return False

def sentences(block):
    return [x for x in re.split(r'(?<=[.!?])\s+|(?<=[.!?]["\u201d])\s+', block) if x.strip()]

body_sents, furniture, fulltext = {}, {}, {}
for art in ARTICLES:
    path = os.path.join(CORPUS, art + ".txt")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    fulltext[art] = text
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    furniture[art] = [b for i, b in enumerate(blocks) if is_furniture(art, i, b)]
    body_sents[art] = [s for i, b in enumerate(blocks) if not is_furniture(art, i, b) for s in sentences(b)]
    words = len(text.split())
    if not 600 <= words <= 900:
        err(f"{art}: {words} words (want 600-900)")
    print(f"{art}: {words} words, {len(blocks)} blocks, {len(furniture[art])} furniture")

def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return yaml.safe_load(f)

def check_expect(where, expect, art):
    if expect == "none" or expect is None:
        return
    if not isinstance(expect, list) or not expect:
        err(f"{where}: expect must be a non-empty list or none"); return
    if art not in ARTICLES:
        err(f"{where}: expect given but article is {art!r}"); return
    for ph in expect:
        n = len(ph.split())
        if not 4 <= n <= 12:
            err(f"{where}: phrase {ph!r} has {n} words (want 4-12)")
        if ph not in fulltext[art]:
            err(f"{where}: phrase not in {art}: {ph!r}"); continue
        if any(ph in fb for fb in furniture[art]):
            err(f"{where}: phrase occurs in furniture: {ph!r}")
        if not any(ph in s for s in body_sents[art]):
            err(f"{where}: phrase not inside one body sentence: {ph!r}")

def is_none(e):
    return e == "none" or e is None

# ---------- questions ----------
en = load("questions.yaml")["questions"]
for i, q in enumerate(en, 1):
    w = f"questions.yaml #{i}"
    for key in ("q", "expect", "article", "kind", "type"):
        if key not in q:
            err(f"{w}: missing {key}")
    if q["kind"] not in KINDS: err(f"{w}: bad kind {q['kind']}")
    if q["type"] not in TYPES: err(f"{w}: bad type {q['type']}")
    if q["kind"] in ("trap", "offtopic") and not is_none(q["expect"]):
        err(f"{w}: {q['kind']} must have expect none")
    if q["kind"] not in ("trap", "offtopic") and is_none(q["expect"]):
        err(f"{w}: non-trap with expect none")
    if q["kind"] == "offtopic" and q["article"] != "none":
        err(f"{w}: offtopic must have article none")
    if q["kind"] != "offtopic" and q["article"] not in ARTICLES:
        err(f"{w}: unknown article {q['article']}")
    check_expect(w, q["expect"], q["article"])
qs = [q["q"] for q in en]
for qq, c in Counter(qs).items():
    if c > 1: err(f"duplicate question: {qq!r}")

print(f"\nquestions.yaml: {len(en)} items")
for art in ARTICLES + ["none"]:
    items = [q for q in en if q["article"] == art]
    kinds = Counter(q["kind"] for q in items)
    traps = kinds.get("trap", 0)
    line = f"  {art}: {len(items)} items, kinds {dict(sorted(kinds.items()))}"
    if art != "none":
        share = traps / len(items)
        line += f", traps {traps} ({share:.0%})"
        if share < 0.40: err(f"{art}: trap share {share:.0%} < 40%")
        for k in ("own", "paraphrase", "terse", "typo", "yesno"):
            if not kinds.get(k): err(f"{art}: no {k} question")
    print(line)
print("  kinds overall:", dict(sorted(Counter(q["kind"] for q in en).items())))

# ---------- Russian ----------
ru = load("questions_ru.yaml")["questions"]
if len(ru) != len(en):
    err(f"questions_ru.yaml: {len(ru)} items vs {len(en)}")
for i, (a, b) in enumerate(zip(en, ru), 1):
    for key in ("expect", "article", "kind", "type"):
        if a.get(key) != b.get(key):
            err(f"questions_ru.yaml #{i}: {key} differs")
    if not re.search(r"[А-Яа-яЁё]", b["q"]):
        err(f"questions_ru.yaml #{i}: no Cyrillic in {b['q']!r}")
    if a["q"] == b["q"]:
        err(f"questions_ru.yaml #{i}: same text as English")
print(f"questions_ru.yaml: {len(ru)} items")

# ---------- Kazakh ----------
kk = load("questions_kk.yaml")["questions"]
with open(os.path.join(HERE, "questions_kk.yaml"), encoding="utf-8") as f:
    refs = [(int(m.group(1)), m.group(2)) for m in re.finditer(r"^\s*# EN #(\d+): (.*)$", f.read(), re.M)]
if len(refs) != len(kk):
    err(f"questions_kk.yaml: {len(refs)} EN comments vs {len(kk)} items")
for (n, text), item in zip(refs, kk):
    src = en[n - 1]
    if src["q"] != text:
        err(f"questions_kk.yaml EN #{n}: comment does not match English question")
    for key in ("expect", "article", "kind", "type"):
        if src.get(key) != item.get(key):
            err(f"questions_kk.yaml EN #{n}: {key} differs")
    if not re.search(r"[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", item["q"]):
        err(f"questions_kk.yaml EN #{n}: not Cyrillic")
kk_traps = sum(1 for i in kk if i["kind"] == "trap")
kk_arts = Counter(i["article"] for i in kk)
if len(kk) != 25: err(f"questions_kk.yaml: {len(kk)} items (want 25)")
if kk_traps < 8: err(f"questions_kk.yaml: {kk_traps} traps (want 8)")
if set(kk_arts) != set(ARTICLES): err("questions_kk.yaml: not spread over all three articles")
print(f"questions_kk.yaml: {len(kk)} items, {kk_traps} traps, per article {dict(kk_arts)}")

# ---------- conversations ----------
cv = load("conversations.yaml")["conversations"]
cvr = load("conversations_ru.yaml")["conversations"]
for i, c in enumerate(cv, 1):
    w = f"conversations.yaml #{i}"
    if len(c.get("turns", [])) != 2: err(f"{w}: needs exactly 2 turns")
    if c["article"] not in ARTICLES: err(f"{w}: bad article")
    check_expect(w, c["expect"], c["article"])
if len(cvr) != len(cv): err(f"conversations_ru.yaml: {len(cvr)} vs {len(cv)}")
for i, (a, b) in enumerate(zip(cv, cvr), 1):
    if a["expect"] != b["expect"] or a["article"] != b["article"]:
        err(f"conversations_ru.yaml #{i}: expect/article differ")
    if len(b.get("turns", [])) != 2 or not all(re.search(r"[А-Яа-яЁё]", t) for t in b["turns"]):
        err(f"conversations_ru.yaml #{i}: turns must be 2 Russian strings")
nones = sum(1 for c in cv if is_none(c["expect"]))
per = Counter(c["article"] for c in cv)
if len(cv) != 36: err(f"conversations.yaml: {len(cv)} (want 36)")
if any(per[a] != 12 for a in ARTICLES): err(f"conversations per article {dict(per)} (want 12 each)")
if nones != 12: err(f"conversations.yaml: {nones} with expect none (want 12)")
print(f"conversations.yaml: {len(cv)} ({dict(per)}), expect none: {nones} ({nones/len(cv):.0%}); conversations_ru.yaml: {len(cvr)}")

print()
if errors:
    print(f"FAIL: {len(errors)} problem(s)")
    for e in errors: print("  -", e)
    sys.exit(1)
print("OK: all checks passed")
