#!/usr/bin/env python3
"""Checks the TUNE17 part of the QA bank (files in the directory of this script)."""
import os, re, sys
from collections import Counter
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = ["tune17_diplomacy", "tune17_oral", "tune17_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
HEADING = re.compile(r"^[A-Z][\w'’-]+, \d{1,3}, [A-Z][\w'’ -]+$")
DATELINE = re.compile(r"^[A-Z][A-Z'’ -]+, \d{1,2} [A-Z][a-z]+ \d{4}$")
errors = []

def err(msg):
    errors.append(msg)

def load(name):
    path = os.path.join(HERE, name)
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except Exception as e:  # noqa
        err(f"{name}: does not parse: {e}")
        return None

def split_sentences(block):
    text = " ".join(block.split())
    return re.split(r"(?<=[.!?])[\"”']?\s+(?=[A-Z\"“'])|(?<=[.!?][\"”])\s+", text)

# ---- articles: blocks, furniture, body sentences ----
body = {}
for a in ARTICLES:
    path = os.path.join(HERE, "corpus", a + ".txt")
    text = open(path, encoding="utf-8").read()
    nwords = len(text.split())
    if not 600 <= nwords <= 900:
        err(f"{a}: {nwords} words, expected 600-900")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    sents, furn = [], 0
    for i, b in enumerate(blocks):
        is_furn = (i < 2 or (b.startswith("By ") and len(b.split()) <= 6) or DATELINE.match(b) or HEADING.match(b)
                   or (len(b.split()) < 12 and not b.rstrip().endswith((".", '"', "”"))))
        if is_furn:
            furn += 1
        else:
            sents.extend(split_sentences(b))
    body[a] = (sents, " ".join(" ".join(b.split()) for b in blocks))
    print(f"{a}: {nwords} words, {len(blocks)} blocks ({furn} furniture), {len(sents)} body sentences")
if sum(1 for b in open(os.path.join(HERE, "corpus", "tune17_oral.txt"), encoding="utf-8").read().split("\n\n")
       if HEADING.match(b.strip())) != 5:
    err("tune17_oral: expected 5 section headings 'Name, age, City'")

def check_expect(where, expect, article):
    if expect == "none" or expect is None:
        return
    if not isinstance(expect, list) or not expect:
        err(f"{where}: expect must be a non-empty list or none"); return
    if article not in body:
        err(f"{where}: expect given but article {article!r} unknown"); return
    sents, full = body[article]
    for ph in expect:
        n = len(ph.split())
        if not 4 <= n <= 12:
            err(f"{where}: phrase has {n} words: {ph!r}")
        hits = [s for s in sents if ph in s]
        if not hits:
            if ph in full:
                err(f"{where}: phrase only in furniture or across sentences: {ph!r}")
            else:
                err(f"{where}: phrase not in {article}: {ph!r}")
        elif len(hits) > 1:
            err(f"{where}: phrase occurs in {len(hits)} body sentences: {ph!r}")

# ---- questions ----
def check_questions(name, items):
    for i, it in enumerate(items, 1):
        w = f"{name} #{i}"
        for k in ("q", "expect", "article", "kind", "type"):
            if k not in it:
                err(f"{w}: missing {k}")
        if it.get("kind") not in KINDS: err(f"{w}: bad kind {it.get('kind')}")
        if it.get("type") not in TYPES: err(f"{w}: bad type {it.get('type')}")
        art, exp, kind = it.get("article"), it.get("expect"), it.get("kind")
        if art not in ARTICLES + ["none"]: err(f"{w}: bad article {art}")
        if kind in ("trap", "offtopic") and exp != "none": err(f"{w}: {kind} must expect none")
        if kind not in ("trap", "offtopic") and exp == "none": err(f"{w}: non-trap with expect none")
        if (kind == "offtopic") != (art == "none"): err(f"{w}: offtopic <-> article none mismatch")
        if not str(it.get("q", "")).strip(): err(f"{w}: empty question")
        check_expect(w, exp, art)

en = load("questions.yaml")
ru = load("questions_ru.yaml")
kk = load("questions_kk.yaml")
en_q = (en or {}).get("questions") or []
ru_q = (ru or {}).get("questions") or []
kk_q = (kk or {}).get("questions") or []
check_questions("questions.yaml", en_q)
check_questions("questions_ru.yaml", ru_q)
check_questions("questions_kk.yaml", kk_q)

print(f"\nquestions.yaml: {len(en_q)} items")
print("  per kind:", dict(sorted(Counter(q["kind"] for q in en_q).items())))
print("  per type:", dict(sorted(Counter(q["type"] for q in en_q).items())))
for a in ARTICLES:
    items = [q for q in en_q if q["article"] == a]
    traps = sum(q["kind"] == "trap" for q in items)
    share = traps / len(items) if items else 0
    kinds = Counter(q["kind"] for q in items)
    print(f"  {a}: {len(items)} questions, {traps} traps ({share:.0%}), kinds {dict(sorted(kinds.items()))}")
    if share < 0.40: err(f"{a}: trap share {share:.0%} < 40%")
    if not 30 <= len(items) <= 40: err(f"{a}: {len(items)} questions, expected about 35")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if kinds[k] == 0: err(f"{a}: no questions of kind {k}")
off = sum(q["article"] == "none" for q in en_q)
print(f"  offtopic: {off}")
if not 8 <= off <= 12: err(f"offtopic count {off}, expected about 10")
if not 110 <= len(en_q) <= 130: err(f"{len(en_q)} questions, expected about 120")
qs = [q["q"] for q in en_q]
for d in [q for q, c in Counter(qs).items() if c > 1]: err(f"duplicate English question {d!r}")

# ru parallel to en
if len(ru_q) != len(en_q):
    err(f"questions_ru.yaml has {len(ru_q)} items, en has {len(en_q)}")
for i, (e, r) in enumerate(zip(en_q, ru_q), 1):
    for k in ("expect", "article", "kind", "type"):
        if e.get(k) != r.get(k): err(f"ru #{i}: {k} differs from en ({r.get(k)!r} vs {e.get(k)!r})")
    if not re.search(r"[А-Яа-яЁё]", r.get("q", "")): err(f"ru #{i}: no Cyrillic in question")
    if r.get("q") == e.get("q"): err(f"ru #{i}: identical to English")
print(f"questions_ru.yaml: {len(ru_q)} items")

# kk: 25 items, EN comments match, 8 traps, spread over articles
kk_text = open(os.path.join(HERE, "questions_kk.yaml"), encoding="utf-8").read().splitlines()
refs = [re.match(r"\s*# EN #(\d+): (.*)$", l) for l in kk_text]
refs = [m for m in refs if m]
if len(kk_q) != 25: err(f"questions_kk.yaml has {len(kk_q)} items, expected 25")
if len(refs) != len(kk_q): err(f"questions_kk.yaml: {len(refs)} '# EN #' comments for {len(kk_q)} items")
for m, k in zip(refs, kk_q):
    n, text = int(m.group(1)), m.group(2)
    if not 1 <= n <= len(en_q): err(f"kk: bad EN number {n}"); continue
    e = en_q[n - 1]
    if e["q"] != text: err(f"kk EN #{n}: comment text differs from English question")
    for f in ("expect", "article", "kind", "type"):
        if e.get(f) != k.get(f): err(f"kk EN #{n}: {f} differs from en")
    if not re.search(r"[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", k.get("q", "")): err(f"kk EN #{n}: not Cyrillic")
kk_traps = sum(k.get("kind") == "trap" for k in kk_q)
kk_arts = Counter(k.get("article") for k in kk_q)
print(f"questions_kk.yaml: {len(kk_q)} items, {kk_traps} traps, per article {dict(kk_arts)}")
if kk_traps != 8: err(f"kk: {kk_traps} traps, expected 8")
if set(kk_arts) != set(ARTICLES): err("kk: not spread over the three articles")

# ---- conversations ----
def check_convs(name):
    d = load(name)
    cs = (d or {}).get("conversations") or []
    for i, c in enumerate(cs, 1):
        w = f"{name} #{i}"
        t = c.get("turns")
        if not (isinstance(t, list) and len(t) == 2 and all(isinstance(x, str) and x.strip() for x in t)):
            err(f"{w}: needs exactly two non-empty turns")
        if c.get("article") not in ARTICLES: err(f"{w}: bad article")
        check_expect(w, c.get("expect"), c.get("article"))
    return cs

ce = check_convs("conversations.yaml")
cr = check_convs("conversations_ru.yaml")
none_n = sum(c.get("expect") == "none" for c in ce)
per = Counter(c.get("article") for c in ce)
none_per = Counter(c.get("article") for c in ce if c.get("expect") == "none")
print(f"conversations.yaml: {len(ce)} conversations, per article {dict(per)}, "
      f"expect none {none_n} ({none_n / max(len(ce), 1):.0%}), none per article {dict(none_per)}")
if len(ce) != 36: err(f"{len(ce)} conversations, expected 36")
if any(per[a] != 12 for a in ARTICLES): err("conversations: expected 12 per article")
if none_n != 12: err(f"conversations: {none_n} with expect none, expected 12 (a third)")
if len(cr) != len(ce): err(f"conversations_ru.yaml has {len(cr)}, en has {len(ce)}")
for i, (e, r) in enumerate(zip(ce, cr), 1):
    for k in ("expect", "article"):
        if e.get(k) != r.get(k): err(f"conversations_ru #{i}: {k} differs")
    if not all(re.search(r"[А-Яа-яЁё]", x) for x in r.get("turns", [])): err(f"conversations_ru #{i}: turn without Cyrillic")
print(f"conversations_ru.yaml: {len(cr)} conversations")

print()
if errors:
    print(f"FAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("OK: all checks passed")
