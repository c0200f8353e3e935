#!/usr/bin/env python3
"""Checks the TUNE18 part of the QA bank (run from anywhere)."""
import os, re, sys
from collections import Counter
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune18_regional", "tune18_faq", "tune18_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
errors = []
def err(msg): errors.append(msg)
def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return yaml.safe_load(f)

# ---------- articles: blocks, furniture, sentences ----------
def is_furniture(i, block):
    one_line = "\n" not in block
    if i < 2:                                   # headline, standfirst
        return True
    if one_line and (block.endswith("?") or (block.startswith("By ") and len(block.split()) <= 6)
                     or re.match(r"^[A-Z]{2,}, \d", block)          # date line
                     or not re.search(r"[.!\"\u201d]$", block)):    # headings, credits
        return True
    return False

SENT_SPLIT = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["\u201d]))\s+(?=["\u201c]?[A-Z0-9])')
art = {}
for a in ARTICLES:
    text = open(os.path.join(CORPUS, a + ".txt"), encoding="utf-8").read()
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    body = [b for i, b in enumerate(blocks) if not is_furniture(i, b)]
    furn = [b for i, b in enumerate(blocks) if is_furniture(i, b)]
    sents = []
    for b in body:
        sents += SENT_SPLIT.split(b)
    words = len(text.split())
    art[a] = dict(text=text, body=body, furn=furn, sents=sents, words=words)
    if not 600 <= words <= 900:
        err(f"{a}: {words} words (want 600-900)")
    if a == "tune18_regional" and not any(f.startswith("By ") for f in furn):
        err(f"{a}: no byline")
    if a == "tune18_faq":
        nq = sum(1 for f in furn if f.endswith("?"))
        if not 8 <= nq <= 14:
            err(f"{a}: {nq} question headings (want about ten)")

def check_phrase(where, p, a):
    if a not in art:
        err(f"{where}: unknown article {a!r}"); return
    n = len(p.split())
    if not 4 <= n <= 12:
        err(f"{where}: phrase has {n} words: {p!r}")
    A = art[a]
    if p not in A["text"]:
        err(f"{where}: phrase not in {a}: {p!r}"); return
    if any(p in f for f in A["furn"]):
        err(f"{where}: phrase occurs in furniture of {a}: {p!r}")
    if not any(p in s for s in A["sents"]):
        err(f"{where}: phrase not inside one body sentence of {a}: {p!r}")

def ngrams(s, n=4):
    w = re.findall(r"[a-z0-9']+", s.lower())
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}

# ---------- questions ----------
def check_items(items, name):
    if not isinstance(items, list) or not items:
        err(f"{name}: no questions"); return []
    for i, it in enumerate(items, 1):
        w = f"{name} #{i}"
        if set(it) != {"q", "expect", "article", "kind", "type"}:
            err(f"{w}: fields {sorted(it)}")
            continue
        if not isinstance(it["q"], str) or not it["q"].strip():
            err(f"{w}: empty q")
        if it["kind"] not in KINDS: err(f"{w}: bad kind {it['kind']}")
        if it["type"] not in TYPES: err(f"{w}: bad type {it['type']}")
        e, a, k = it["expect"], it["article"], it["kind"]
        if k == "offtopic":
            if a != "none" or e != "none": err(f"{w}: offtopic must have article none, expect none")
        elif k == "trap":
            if e != "none": err(f"{w}: trap must have expect none")
            if a not in ARTICLES: err(f"{w}: bad article {a}")
        else:
            if not isinstance(e, list) or not e:
                err(f"{w}: expect must be a non-empty list"); continue
            for p in e:
                check_phrase(w, p, a)
    return items

en = check_items(load("questions.yaml")["questions"], "questions.yaml")
ru = check_items(load("questions_ru.yaml")["questions"], "questions_ru.yaml")
cyr = re.compile(r"[\u0400-\u04FF]")

# wording copied from the answer sentence (non-terse answerable questions)
for i, it in enumerate(en, 1):
    if it["kind"] in {"own", "paraphrase", "typo", "yesno"}:
        qn = ngrams(it["q"])
        for p in it["expect"]:
            sent = next((s for s in art[it["article"]]["sents"] if p in s), None)
            if sent is None:
                continue
            common = qn & ngrams(sent)
            if common:
                err(f"questions.yaml #{i}: copies wording {' '.join(next(iter(common)))!r} from its sentence")

if len(ru) != len(en):
    err(f"questions_ru.yaml has {len(ru)} items, questions.yaml {len(en)}")
for i, (e, r) in enumerate(zip(en, ru), 1):
    for f in ("expect", "article", "kind", "type"):
        if e.get(f) != r.get(f): err(f"questions_ru.yaml #{i}: {f} differs from English")
    if not cyr.search(r.get("q", "")): err(f"questions_ru.yaml #{i}: no Cyrillic in q")

# ---------- Kazakh ----------
kk_raw = open(os.path.join(HERE, "questions_kk.yaml"), encoding="utf-8").read()
kk = check_items(load("questions_kk.yaml")["questions"], "questions_kk.yaml")
refs = re.findall(r"^\s*# EN #(\d+): (.*)$", kk_raw, re.M)
if len(refs) != len(kk):
    err(f"questions_kk.yaml: {len(refs)} '# EN #n' comments for {len(kk)} items")
kk_letters = re.compile(r"[\u04D9\u0493\u049B\u04A3\u04E9\u04B1\u04AF\u04BB\u0456\u04D8\u0492\u049A\u04A2\u04E8\u04B0\u04AE\u04BA\u0406]")
for i, ((n, q), it) in enumerate(zip(refs, kk), 1):
    n = int(n)
    if not 1 <= n <= len(en):
        err(f"questions_kk.yaml #{i}: EN #{n} out of range"); continue
    ref = en[n - 1]
    if ref["q"] != q.strip(): err(f"questions_kk.yaml #{i}: comment text differs from EN #{n}")
    for f in ("expect", "article", "kind", "type"):
        if ref[f] != it[f]: err(f"questions_kk.yaml #{i}: {f} differs from EN #{n}")
    if not cyr.search(it["q"]): err(f"questions_kk.yaml #{i}: no Cyrillic in q")
    # typo items may be typed without the special letters, as people often do
    if it["kind"] != "typo" and not kk_letters.search(it["q"]): err(f"questions_kk.yaml #{i}: no Kazakh-specific letters")
kk_traps = sum(1 for it in kk if it["kind"] == "trap")
kk_arts = Counter(it["article"] for it in kk)
if len(kk) != 25: err(f"questions_kk.yaml: {len(kk)} items (want 25)")
if kk_traps < 8: err(f"questions_kk.yaml: {kk_traps} traps (want >= 8)")
if set(kk_arts) != set(ARTICLES): err(f"questions_kk.yaml: articles covered {dict(kk_arts)}")

# ---------- conversations ----------
def check_convs(name):
    cs = load(name)["conversations"]
    for i, c in enumerate(cs, 1):
        w = f"{name} #{i}"
        if set(c) != {"turns", "expect", "article"}: err(f"{w}: fields {sorted(c)}"); continue
        if not (isinstance(c["turns"], list) and len(c["turns"]) == 2 and all(isinstance(t, str) and t.strip() for t in c["turns"])):
            err(f"{w}: need exactly two non-empty turns")
        if c["article"] not in ARTICLES: err(f"{w}: bad article")
        if c["expect"] != "none":
            if not isinstance(c["expect"], list) or not c["expect"]: err(f"{w}: bad expect"); continue
            for p in c["expect"]: check_phrase(w, p, c["article"])
    return cs
cen = check_convs("conversations.yaml")
cru = check_convs("conversations_ru.yaml")
if len(cen) != 36: err(f"conversations.yaml: {len(cen)} conversations (want 36)")
if len(cru) != len(cen): err("conversations_ru.yaml length differs")
for i, (e, r) in enumerate(zip(cen, cru), 1):
    if e["expect"] != r["expect"] or e["article"] != r["article"]: err(f"conversations_ru.yaml #{i}: expect/article differ")
    if not all(cyr.search(t) for t in r["turns"]): err(f"conversations_ru.yaml #{i}: turns not in Russian")
conv_art = Counter(c["article"] for c in cen)
conv_none = Counter(c["article"] for c in cen if c["expect"] == "none")
for a in ARTICLES:
    if conv_art[a] != 12: err(f"conversations: {conv_art[a]} for {a} (want 12)")
    if conv_none[a] != 4: err(f"conversations: {conv_none[a]} none for {a} (want 4)")

# ---------- counts ----------
print("articles:", ", ".join(f"{a} {art[a]['words']} words" for a in ARTICLES))
print("questions:", len(en), "| ru:", len(ru), "| kk:", len(kk), f"({kk_traps} traps, {dict(kk_arts)})")
print("kinds:", dict(sorted(Counter(it["kind"] for it in en).items())))
print("types:", dict(sorted(Counter(it["type"] for it in en).items())))
for a in ARTICLES:
    its = [it for it in en if it["article"] == a]
    tr = sum(1 for it in its if it["kind"] == "trap")
    share = tr / len(its) if its else 0
    kinds = Counter(it["kind"] for it in its)
    print(f"  {a}: {len(its)} questions, {tr} traps ({share:.0%}), kinds {dict(sorted(kinds.items()))}")
    if share < 0.40: err(f"{a}: trap share {share:.0%} < 40%")
    if not 30 <= len(its) <= 40: err(f"{a}: {len(its)} questions (want about 35)")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if kinds[k] < 2: err(f"{a}: only {kinds[k]} {k} questions")
off = sum(1 for it in en if it["kind"] == "offtopic")
print("  offtopic:", off)
if not 8 <= off <= 14: err(f"{off} offtopic (want about 10)")
nn = sum(1 for c in cen if c["expect"] == "none")
print(f"conversations: {len(cen)} (ru {len(cru)}), per article {dict(conv_art)}, none {nn} ({nn/len(cen):.0%})")

if errors:
    print(f"\nFAILED: {len(errors)} problem(s)")
    for e in errors: print("  -", e)
    sys.exit(1)
print("\nOK: all checks passed")
