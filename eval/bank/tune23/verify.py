#!/usr/bin/env python3
"""Checks the TUNE23 part of the QA bank (files in this directory)."""
import os, re, sys
from collections import Counter
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
# furniture: leading blocks (headline, standfirst, byline, dateline) and section headings
LEAD_FURNITURE = {"tune23_photos": 3, "tune23_statement": 4, "tune23_other": 3}
HEADINGS = {"Statement of the Government of the Republic of Kazakhstan"}
errors = []

def err(msg):
    errors.append(msg)

def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return yaml.safe_load(f)

def split_sentences(text):
    return [s for s in re.split(r'(?<=[.!?"])\s+(?=["A-Z0-9])', text) if s]

# ---- articles: body sentences and furniture
articles = {}
for fn in sorted(os.listdir(CORPUS)):
    if not fn.endswith(".txt"):
        continue
    name = fn[:-4]
    text = open(os.path.join(CORPUS, fn), encoding="utf-8").read()
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    nwords = len(text.split())
    if not 600 <= nwords <= 900:
        err(f"{fn}: {nwords} words (want 600-900)")
    lead = LEAD_FURNITURE.get(name, 0)
    body, furniture = [], []
    for i, b in enumerate(blocks):
        if i < lead or b in HEADINGS:
            furniture.append(b)
            continue
        m = re.search(r"\s+Photo: .*$", b, re.S)
        if m:  # photo credit at the end of a caption is furniture
            furniture.append(m.group(0).strip())
            b = b[:m.start()]
        b = re.sub(r"^\d+\.\s+", "", b)  # caption / point number
        body.extend(split_sentences(b))
    articles[name] = {"body": body, "furniture": furniture, "words": nwords}
    if name == "tune23_photos":
        caps = [b for b in blocks if re.match(r"^\d+\. ", b)]
        if not 12 <= len(caps) <= 15 or not all(" Photo: " in c for c in caps):
            err(f"{fn}: {len(caps)} numbered captions, each must end with a Photo credit")

def check_expect(where, expect, article):
    if expect == "none":
        return
    if not isinstance(expect, list) or not expect:
        err(f"{where}: expect must be a non-empty list or 'none'")
        return
    if article not in articles:
        err(f"{where}: unknown article {article!r}")
        return
    a = articles[article]
    for p in expect:
        n = len(p.split())
        if not 4 <= n <= 12:
            err(f"{where}: phrase has {n} words: {p!r}")
        hits = [s for s in a["body"] if p in s]
        if not hits:
            infurn = any(p in f for f in a["furniture"])
            err(f"{where}: phrase not in one body sentence of {article}{' (found in furniture)' if infurn else ''}: {p!r}")
        elif any(p in f for f in a["furniture"]):
            err(f"{where}: phrase also occurs in furniture: {p!r}")

def check_questions(items, label):
    for i, it in enumerate(items, 1):
        where = f"{label} #{i}"
        if set(it) != {"q", "expect", "article", "kind", "type"}:
            err(f"{where}: fields {sorted(it)}")
            continue
        if not isinstance(it["q"], str) or not it["q"].strip():
            err(f"{where}: empty q")
        if it["kind"] not in KINDS:
            err(f"{where}: bad kind {it['kind']}")
        if it["type"] not in TYPES:
            err(f"{where}: bad type {it['type']}")
        if it["kind"] in ("trap", "offtopic") and it["expect"] != "none":
            err(f"{where}: {it['kind']} must have expect: none")
        if it["kind"] not in ("trap", "offtopic") and it["expect"] == "none":
            err(f"{where}: non-trap with expect: none")
        if (it["kind"] == "offtopic") != (it["article"] == "none"):
            err(f"{where}: offtopic <-> article: none mismatch")
        check_expect(where, it["expect"], it["article"])

# ---- English questions
en = load("questions.yaml")["questions"]
check_questions(en, "questions.yaml")

# ---- Russian questions
ru = load("questions_ru.yaml")["questions"]
check_questions(ru, "questions_ru.yaml")
if len(ru) != len(en):
    err(f"questions_ru.yaml: {len(ru)} items vs {len(en)} in questions.yaml")
for i, (a, b) in enumerate(zip(en, ru), 1):
    for k in ("expect", "article", "kind", "type"):
        if a.get(k) != b.get(k):
            err(f"questions_ru.yaml #{i}: {k} differs from English")
    if not re.search(r"[а-яё]", b.get("q", ""), re.I):
        err(f"questions_ru.yaml #{i}: no Cyrillic in q")

# ---- Kazakh questions
kk_text = open(os.path.join(HERE, "questions_kk.yaml"), encoding="utf-8").read()
kk = yaml.safe_load(kk_text)["questions"]
check_questions(kk, "questions_kk.yaml")
refs = re.findall(r"^\s*# EN #(\d+): (.*)$", kk_text, re.M)
if len(refs) != len(kk):
    err(f"questions_kk.yaml: {len(refs)} '# EN #n' comments for {len(kk)} items")
for (n, qtext), it in zip(refs, kk):
    n = int(n)
    if not 1 <= n <= len(en):
        err(f"questions_kk.yaml: EN #{n} out of range"); continue
    src = en[n - 1]
    if src["q"] != qtext.strip():
        err(f"questions_kk.yaml: EN #{n} comment text differs from questions.yaml")
    for k in ("expect", "article", "kind", "type"):
        if src[k] != it[k]:
            err(f"questions_kk.yaml: EN #{n}: {k} differs")
if not re.search(r"[әғқңөұүһі]", kk_text):
    err("questions_kk.yaml: no Kazakh-specific letters")

# ---- conversations
conv = load("conversations.yaml")["conversations"]
conv_ru = load("conversations_ru.yaml")["conversations"]
for label, cs in (("conversations.yaml", conv), ("conversations_ru.yaml", conv_ru)):
    for i, c in enumerate(cs, 1):
        where = f"{label} #{i}"
        if set(c) != {"turns", "expect", "article"}:
            err(f"{where}: fields {sorted(c)}")
            continue
        if not (isinstance(c["turns"], list) and len(c["turns"]) == 2 and all(isinstance(t, str) and t for t in c["turns"])):
            err(f"{where}: need two non-empty turns")
        check_expect(where, c["expect"], c["article"])
if len(conv_ru) != len(conv):
    err(f"conversations_ru.yaml: {len(conv_ru)} vs {len(conv)}")
for i, (a, b) in enumerate(zip(conv, conv_ru), 1):
    if a["expect"] != b["expect"] or a["article"] != b["article"]:
        err(f"conversations_ru.yaml #{i}: expect/article differ")

# ---- counts
print("articles:")
for name, a in articles.items():
    print(f"  {name}: {a['words']} words, {len(a['body'])} body sentences, {len(a['furniture'])} furniture pieces")
print(f"questions.yaml: {len(en)} items; questions_ru.yaml: {len(ru)}; questions_kk.yaml: {len(kk)}")
print("  by kind:", dict(sorted(Counter(q["kind"] for q in en).items())))
print("  by type:", dict(sorted(Counter(q["type"] for q in en).items())))
for name in articles:
    qs = [q for q in en if q["article"] == name]
    traps = sum(q["kind"] == "trap" for q in qs)
    share = traps / len(qs) if qs else 0
    print(f"  {name}: {len(qs)} questions, {traps} traps ({share:.0%})")
    if share < 0.40:
        err(f"{name}: trap share {share:.0%} < 40%")
    kinds = {q["kind"] for q in qs}
    for k in ("own", "paraphrase", "terse", "typo", "yesno", "trap"):
        if k not in kinds:
            err(f"{name}: no {k} questions")
off = [q for q in en if q["article"] == "none"]
print(f"  offtopic: {len(off)}")
kk_traps = sum(q["kind"] == "trap" for q in kk)
print(f"  kk: {len(kk)} items, {kk_traps} traps, articles {dict(Counter(q['article'] for q in kk))}")
if len(kk) != 25 or kk_traps < 8:
    err("questions_kk.yaml: want 25 items with 8 traps")
none_c = sum(c["expect"] == "none" for c in conv)
print(f"conversations: {len(conv)} ({dict(Counter(c['article'] for c in conv))}), "
      f"expect none: {none_c} ({none_c / max(len(conv), 1):.0%}); ru: {len(conv_ru)}")
if len(conv) != 36:
    err(f"conversations: {len(conv)} (want 36)")
for name in articles:
    cs = [c for c in conv if c["article"] == name]
    if len(cs) != 12 or sum(c["expect"] == "none" for c in cs) != 4:
        err(f"conversations {name}: want 12 with 4 none")

if errors:
    print(f"\nFAILED: {len(errors)} problem(s)")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("\nOK: all checks passed")
