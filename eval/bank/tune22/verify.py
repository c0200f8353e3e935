#!/usr/bin/env python
"""Checks the TUNE22 part of the QA bank (questions, translations, conversations, corpus)."""
import re, sys, collections, yaml
from pathlib import Path

ROOT = Path(__file__).resolve().parent
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
LEAD = {"tune22_briefing": 3, "tune22_anniversary": 3, "tune22_other": 3}   # title/standfirst/byline/date/greeting
TAIL = {"tune22_briefing": 1, "tune22_anniversary": 0, "tune22_other": 0}   # sign-off
errors, notes = [], []
def err(m): errors.append(m)

# ---------- corpus ----------
arts = {}
for p in sorted((ROOT / "corpus").glob("*.txt")):
    text = p.read_text(encoding="utf-8")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    name = p.stem
    furn = []
    for i, b in enumerate(blocks):
        heading = ("\n" not in b and not b.startswith("- ") and not re.search(r"[.!?\"')]$", b))
        furn.append(i < LEAD.get(name, 0) or i >= len(blocks) - TAIL.get(name, 0) or heading)
    arts[name] = dict(blocks=blocks, furn=furn, words=len(text.split()))
for name in LEAD:
    if name not in arts: err(f"missing corpus/{name}.txt"); continue
    w = arts[name]["words"]
    if not 600 <= w <= 900: err(f"{name}: {w} words, want 600-900")
    fb = [b for b, f in zip(arts[name]["blocks"], arts[name]["furn"]) if f]
    notes.append(f"{name}: {w} words, {len(arts[name]['blocks'])} blocks, {len(fb)} furniture: " + " | ".join(x[:28] for x in fb))

def check_phrase(ph, art, where):
    if art not in arts: err(f"{where}: unknown article {art}"); return
    a = arts[art]
    body = [b for b, f in zip(a["blocks"], a["furn"]) if not f]
    furn = [b for b, f in zip(a["blocks"], a["furn"]) if f]
    n = len(ph.split())
    if not 3 <= n <= 12: err(f"{where}: phrase has {n} words: {ph!r}")
    elif n < 4 and not re.match(r"^[\d,.%+]+:", ph): err(f"{where}: phrase under 4 words: {ph!r}")
    if not any(ph in b for b in body): err(f"{where}: not verbatim in a body block of {art}: {ph!r}")
    if any(ph in b for b in furn): err(f"{where}: phrase occurs in furniture of {art}: {ph!r}")
    if re.search(r"[.!?]\s+[A-Z]", ph) or "\n" in ph: err(f"{where}: phrase spans sentences: {ph!r}")

def ngrams(s, n=5):
    w = re.findall(r"[a-z0-9']+", s.lower()); return {tuple(w[i:i+n]) for i in range(len(w)-n+1)}

def load(name):
    try: return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    except Exception as e: err(f"{name}: YAML error {e}"); return None

# ---------- questions ----------
en = load("questions.yaml")["questions"]
ru = load("questions_ru.yaml")["questions"]
kk = load("questions_kk.yaml")["questions"]
FIELDS = ("expect", "article", "kind", "type")
for i, it in enumerate(en, 1):
    w = f"en #{i}"
    if set(it) != {"q", *FIELDS}: err(f"{w}: fields {sorted(it)}")
    if it["kind"] not in KINDS: err(f"{w}: kind {it['kind']}")
    if it["type"] not in TYPES: err(f"{w}: type {it['type']}")
    if it["kind"] == "offtopic" and (it["article"] != "none" or it["expect"] != "none"): err(f"{w}: offtopic must be article none, expect none")
    if it["kind"] == "trap" and it["expect"] != "none": err(f"{w}: trap with expect")
    if it["kind"] not in ("trap", "offtopic") and it["expect"] == "none": err(f"{w}: non-trap with expect none")
    if it["expect"] != "none":
        if not isinstance(it["expect"], list) or not it["expect"]: err(f"{w}: expect must be list or none"); continue
        for ph in it["expect"]:
            check_phrase(ph, it["article"], w)
            if it["kind"] not in ("terse",) and ngrams(it["q"]) & ngrams(ph):
                err(f"{w}: question copies 5+ words of the answer: {it['q']!r}")
qs = [it["q"] for it in en]
if len(set(qs)) != len(qs): err("duplicate English questions")

if len(ru) != len(en): err(f"ru has {len(ru)} items, en {len(en)}")
for i, (a, b) in enumerate(zip(en, ru), 1):
    if set(b) != set(a): err(f"ru #{i}: fields differ")
    for f in FIELDS:
        if a.get(f) != b.get(f): err(f"ru #{i}: {f} differs")
    if not re.search(r"[а-яё]", b["q"].lower()): err(f"ru #{i}: no Cyrillic")

# kazakh: comments "# EN #n: question" above each item
raw = (ROOT / "questions_kk.yaml").read_text(encoding="utf-8").splitlines()
refs = []
for k, line in enumerate(raw):
    m = re.match(r"\s*# EN #(\d+): (.*)$", line)
    if m:
        refs.append((int(m.group(1)), m.group(2).strip()))
        if k + 1 >= len(raw) or not raw[k + 1].lstrip().startswith("- {q:"): err(f"kk: comment at line {k+1} not followed by an item")
if len(refs) != len(kk): err(f"kk: {len(refs)} EN comments for {len(kk)} items")
for (n, q), item in zip(refs, kk):
    if not 1 <= n <= len(en): err(f"kk: bad EN #{n}"); continue
    src = en[n - 1]
    if src["q"] != q: err(f"kk: EN #{n} comment text differs from questions.yaml")
    for f in FIELDS:
        if src[f] != item.get(f): err(f"kk EN #{n}: {f} differs")
    if not re.search(r"[а-яёәғқңөұүһі]", item["q"].lower()): err(f"kk EN #{n}: not Cyrillic")
kk_traps = sum(it["kind"] == "trap" for it in kk)
kk_arts = collections.Counter(it["article"] for it in kk)
if len(kk) != 25: err(f"kk: {len(kk)} items, want 25")
if kk_traps < 8: err(f"kk: {kk_traps} traps, want >= 8")
if len([a for a in kk_arts if a in LEAD]) != 3: err("kk: not spread over the three articles")

# ---------- conversations ----------
cv = load("conversations.yaml")["conversations"]
cvr = load("conversations_ru.yaml")["conversations"]
for i, c in enumerate(cv, 1):
    w = f"conv #{i}"
    if set(c) != {"turns", "expect", "article"} or len(c["turns"]) != 2: err(f"{w}: bad shape")
    if c["expect"] != "none":
        for ph in c["expect"]: check_phrase(ph, c["article"], w)
if len(cvr) != len(cv): err(f"conversations_ru has {len(cvr)}, en {len(cv)}")
for i, (a, b) in enumerate(zip(cv, cvr), 1):
    if a["expect"] != b["expect"] or a["article"] != b["article"] or len(b["turns"]) != 2: err(f"conv_ru #{i}: differs")
cv_none = sum(c["expect"] == "none" for c in cv)
cv_arts = collections.Counter(c["article"] for c in cv)
if len(cv) != 36: err(f"{len(cv)} conversations, want 36")
if any(cv_arts[a] != 12 for a in LEAD): err(f"conversations per article: {dict(cv_arts)}")
if cv_none != len(cv) // 3: err(f"conversations with expect none: {cv_none}, want {len(cv)//3}")

# ---------- report ----------
print("\n".join(notes))
print(f"\nquestions.yaml: {len(en)} items")
print("  per kind:", dict(sorted(collections.Counter(it["kind"] for it in en).items())))
print("  per type:", dict(sorted(collections.Counter(it["type"] for it in en).items())))
for art in list(LEAD) + ["none"]:
    items = [it for it in en if it["article"] == art]
    tr = sum(it["kind"] == "trap" for it in items)
    if art == "none":
        print(f"  {art}: {len(items)} items (offtopic {sum(it['kind']=='offtopic' for it in items)})"); continue
    share = tr / len(items) if items else 0
    print(f"  {art}: {len(items)} items, {tr} traps ({share:.0%}), kinds {dict(collections.Counter(it['kind'] for it in items))}")
    if share < 0.40: err(f"{art}: trap share {share:.0%} < 40%")
print(f"questions_ru.yaml: {len(ru)} items")
print(f"questions_kk.yaml: {len(kk)} items, {kk_traps} traps, per article {dict(kk_arts)}")
print(f"conversations.yaml: {len(cv)} ({dict(cv_arts)}), expect none: {cv_none} ({cv_none/len(cv):.0%}); conversations_ru.yaml: {len(cvr)}")
if errors:
    print(f"\nFAILED: {len(errors)} problem(s)"); print("\n".join("  - " + e for e in errors)); sys.exit(1)
print("\nOK: all checks passed")
