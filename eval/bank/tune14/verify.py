#!/usr/bin/env python3
"""Checks the TUNE14 part of the QA bank in this directory."""
import os, re, sys
from collections import Counter
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
ARTICLES = ["tune14_eyewitness", "tune14_markets", "tune14_other"]
errors, notes = [], []
def err(m): errors.append(m)

def load(name):
    p = os.path.join(HERE, name)
    try:
        with open(p, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except Exception as e:
        err(f"{name}: does not parse: {e}")
        return None

# ---------- articles: blocks, furniture, body ----------
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+, [A-Z][a-z]{2}\.? \d{1,2} \([^)]*\) - ")
def article(name):
    text = open(os.path.join(CORPUS, name + ".txt"), encoding="utf-8").read()
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    body = []      # list of body text pieces (furniture removed)
    furniture = []
    for i, b in enumerate(blocks):
        if i < 2 or re.match(r"^(As told to|By) ", b) or re.match(r"^(Photo|Credit|Reporting by|Editing by)\b", b):
            furniture.append(b); continue
        m = DATELINE.match(b)
        if m:
            furniture.append(m.group(0)); b = b[m.end():]
        body.append(b)
    return text, blocks, body, furniture

arts = {}
for a in ARTICLES:
    p = os.path.join(CORPUS, a + ".txt")
    if not os.path.exists(p):
        err(f"missing article {p}"); continue
    text, blocks, body, furn = article(a)
    arts[a] = (text, blocks, body, furn)
    wc = len(text.split())
    if not 600 <= wc <= 900: err(f"{a}: {wc} words, want 600-900")
    notes.append(f"{a}: {wc} words, {len(blocks)} blocks ({len(furn)} furniture)")
if "tune14_eyewitness" in arts:
    bl = arts["tune14_eyewitness"][1]
    if len(bl) < 4 or not bl[2].startswith("As told to "): err("eyewitness: 3rd block must be the byline 'As told to ...'")
if "tune14_markets" in arts:
    bl = arts["tune14_markets"][1]
    if not DATELINE.match(bl[2]): err("markets: first paragraph must start with a dateline")
    if not any(all(re.match(r"^[^:\n]{2,40}: \S", l) for l in b.splitlines()) and len(b.splitlines()) >= 3 for b in bl[2:]):
        err("markets: no 'Label: value' table block")

def sentences(block):
    # rough sentence split for body blocks; table lines are their own units
    units = []
    abbrev = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|No)\.)$")
    for line in block.splitlines():
        for part in re.split(r'(?<=[.!?])\s+(?=["A-Z])', line):
            if units and abbrev.search(units[-1]) and not units[-1].endswith("\n"):
                units[-1] += " " + part
            else:
                units.append(part)
        units[-1] += "\n"
    return [u.strip() for u in units]

def check_phrase(where, phrase, art):
    if art not in arts:
        err(f"{where}: unknown article {art!r}"); return
    text, blocks, body, furn = arts[art]
    n = len(phrase.split())
    if not 4 <= n <= 12: err(f"{where}: phrase has {n} words (want 4-12): {phrase!r}")
    if phrase not in text:
        err(f"{where}: phrase not verbatim in {art}: {phrase!r}"); return
    if not any(phrase in b for b in body):
        err(f"{where}: phrase only in furniture of {art}: {phrase!r}"); return
    if not any(phrase in s for b in body for s in sentences(b)):
        err(f"{where}: phrase spans a sentence boundary in {art}: {phrase!r}")

# ---------- questions ----------
def check_questions(name, data, lang):
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        err(f"{name}: no 'questions' list"); return []
    qs = data["questions"]
    for i, it in enumerate(qs, 1):
        w = f"{name} #{i}"
        if set(it) != {"q", "expect", "article", "kind", "type"}:
            err(f"{w}: fields {sorted(it)}"); continue
        if not isinstance(it["q"], str) or not it["q"].strip(): err(f"{w}: empty q")
        if it["kind"] not in KINDS: err(f"{w}: bad kind {it['kind']}")
        if it["type"] not in TYPES: err(f"{w}: bad type {it['type']}")
        ex = it["expect"]
        if it["kind"] == "offtopic":
            if it["article"] != "none" or ex != "none": err(f"{w}: offtopic needs article none, expect none")
            continue
        if it["article"] not in ARTICLES: err(f"{w}: bad article {it['article']}")
        if it["kind"] == "trap":
            if ex != "none": err(f"{w}: trap must have expect none")
            continue
        if not isinstance(ex, list) or not ex: err(f"{w}: expect must be a non-empty list"); continue
        for ph in ex: check_phrase(w, ph, it["article"])
        if it["kind"] == "yesno" and it["type"] != "yesno": err(f"{w}: yesno kind with type {it['type']}")
        if lang == "en" and it["kind"] != "terse":
            for ph in ex:
                if ph.lower().strip('"') in it["q"].lower(): err(f"{w}: question copies the expect phrase")
        if lang in ("ru", "kk") and not re.search(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", it["q"]):
            err(f"{w}: question has no Cyrillic")
    return qs

en = check_questions("questions.yaml", load("questions.yaml"), "en")
ru = check_questions("questions_ru.yaml", load("questions_ru.yaml"), "ru")
kk = check_questions("questions_kk.yaml", load("questions_kk.yaml"), "kk")

# en stats
kinds = Counter(it["kind"] for it in en)
per_art = Counter(it["article"] for it in en)
traps = Counter(it["article"] for it in en if it["kind"] == "trap")
print(f"questions.yaml: {len(en)} items")
print("  kinds: " + ", ".join(f"{k}={kinds[k]}" for k in sorted(KINDS)))
print("  types: " + ", ".join(f"{k}={v}" for k, v in sorted(Counter(it['type'] for it in en).items())))
for a in ARTICLES:
    n, t = per_art[a], traps[a]
    share = t / n if n else 0
    ak = Counter(it["kind"] for it in en if it["article"] == a)
    print(f"  {a}: {n} questions, {t} traps ({share:.0%}); " + ", ".join(f"{k}={v}" for k, v in sorted(ak.items())))
    if share < 0.40: err(f"{a}: trap share {share:.0%} < 40%")
    if not 30 <= n <= 40: err(f"{a}: {n} questions, want about 35")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if ak[k] == 0: err(f"{a}: no {k} questions")
print(f"  offtopic: {per_art['none']}")
if not 8 <= per_art["none"] <= 14: err("want about 10 offtopic")
if not 110 <= len(en) <= 130: err(f"want about 120 questions, have {len(en)}")
qtexts = [it["q"].lower() for it in en]
for q, c in Counter(qtexts).items():
    if c > 1: err(f"duplicate question {q!r}")

# ru parallel to en
print(f"questions_ru.yaml: {len(ru)} items")
if len(ru) != len(en): err(f"ru has {len(ru)} items, en {len(en)}")
for i, (a, b) in enumerate(zip(en, ru), 1):
    for f in ("expect", "article", "kind", "type"):
        if a.get(f) != b.get(f): err(f"ru #{i}: {f} differs from en")

# kk: 25 items, EN comments, 8 traps
raw = open(os.path.join(HERE, "questions_kk.yaml"), encoding="utf-8").read().splitlines()
refs = []
for j, l in enumerate(raw):
    m = re.match(r"^\s*# EN #(\d+): (.*)$", l)
    if m:
        if j + 1 >= len(raw) or not raw[j + 1].lstrip().startswith("- {q:"): err(f"kk: comment at line {j+1} not followed by an item")
        refs.append((int(m.group(1)), m.group(2)))
print(f"questions_kk.yaml: {len(kk)} items, {sum(1 for it in kk if it['kind']=='trap')} traps, "
      + ", ".join(f"{a}={sum(1 for it in kk if it['article']==a)}" for a in ARTICLES))
if len(kk) != 25: err(f"kk has {len(kk)} items, want 25")
if len(refs) != len(kk): err("kk: every item needs one '# EN #n:' comment")
if sum(1 for it in kk if it["kind"] == "trap") < 8: err("kk: want 8 traps")
for a in ARTICLES:
    if sum(1 for it in kk if it["article"] == a) < 5: err(f"kk: too few items for {a}")
for (n, q), it in zip(refs, kk):
    if not 1 <= n <= len(en): err(f"kk: EN #{n} out of range"); continue
    e = en[n - 1]
    if e["q"] != q: err(f"kk EN #{n}: comment text differs from questions.yaml")
    for f in ("expect", "article", "kind", "type"):
        if e[f] != it[f]: err(f"kk EN #{n}: {f} differs from en")

# ---------- conversations ----------
def check_conv(name):
    d = load(name)
    if not isinstance(d, dict) or not isinstance(d.get("conversations"), list):
        err(f"{name}: no 'conversations' list"); return []
    cs = d["conversations"]
    for i, c in enumerate(cs, 1):
        w = f"{name} #{i}"
        if set(c) != {"turns", "expect", "article"}: err(f"{w}: fields {sorted(c)}"); continue
        if not (isinstance(c["turns"], list) and len(c["turns"]) == 2 and all(isinstance(t, str) and t.strip() for t in c["turns"])):
            err(f"{w}: need two non-empty turns")
        if c["article"] not in ARTICLES: err(f"{w}: bad article")
        if c["expect"] != "none":
            if not isinstance(c["expect"], list) or not c["expect"]: err(f"{w}: bad expect"); continue
            for ph in c["expect"]: check_phrase(w, ph, c["article"])
    return cs
ce = check_conv("conversations.yaml")
cr = check_conv("conversations_ru.yaml")
nn = sum(1 for c in ce if c.get("expect") == "none")
print(f"conversations.yaml: {len(ce)} conversations, " + ", ".join(f"{a}={sum(1 for c in ce if c.get('article')==a)}" for a in ARTICLES)
      + f"; follow-up unanswerable: {nn} ({nn/len(ce):.0%})" if ce else "")
if len(ce) != 36: err(f"want 36 conversations, have {len(ce)}")
for a in ARTICLES:
    k = sum(1 for c in ce if c.get("article") == a)
    kn = sum(1 for c in ce if c.get("article") == a and c.get("expect") == "none")
    if k != 12: err(f"conversations: {a} has {k}, want 12")
    if kn != 4: err(f"conversations: {a} has {kn} none follow-ups, want 4")
if nn != 12: err(f"want 12 none conversations, have {nn}")
print(f"conversations_ru.yaml: {len(cr)} conversations")
if len(cr) != len(ce): err("ru conversations count differs")
for i, (a, b) in enumerate(zip(ce, cr), 1):
    for f in ("expect", "article"):
        if a.get(f) != b.get(f): err(f"conversations_ru #{i}: {f} differs")
    if a.get("turns") == b.get("turns"): err(f"conversations_ru #{i}: turns not translated")

for n in notes: print(n)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors: print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
