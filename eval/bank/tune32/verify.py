#!/usr/bin/env python
"""Checks the TUNE32 part of the QA bank (run from anywhere)."""
import os, re, sys, collections
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune32_companies", "tune32_osint", "tune32_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
# leading blocks that are furniture: headline, byline/standfirst, date line
HEAD_BLOCKS = {"tune32_companies": 3, "tune32_osint": 3, "tune32_other": 3}

errors, warnings = [], []
def err(msg): errors.append(msg)
def warn(msg): warnings.append(msg)

def load(name):
    path = os.path.join(HERE, name)
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except Exception as e:
        err(f"{name}: does not parse: {e}")
        return None

def is_heading(block):
    lines = block.strip().splitlines()
    return len(lines) == 1 and len(lines[0].split()) <= 6 and not re.search(r'[.!?"]$', lines[0].strip())

# ---- corpus ----
articles = {}
for a in ARTICLES:
    path = os.path.join(CORPUS, a + ".txt")
    text = open(path, encoding="utf-8").read()
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    furn = [i < HEAD_BLOCKS[a] or is_heading(b) for i, b in enumerate(blocks)]
    words = len(text.split())
    if not 600 <= words <= 900:
        err(f"{a}: {words} words, want 600-900")
    articles[a] = {"blocks": blocks, "furn": furn, "words": words}
    print(f"corpus {a}: {words} words, {len(blocks)} blocks, "
          f"{sum(furn)} furniture: {[b for b, f in zip(blocks, furn) if f]}")

def sentences(block):
    # split on sentence ends followed by a capital / digit / quote (keeps 1.2, 11:40, "10pm" intact)
    return re.split(r'(?<=[.!?])\s+(?=["A-Z0-9])', block)

def check_expect(where, expect, article):
    if expect == "none":
        return
    if not isinstance(expect, list) or not expect:
        err(f"{where}: expect must be a non-empty list or none"); return
    if article not in articles:
        err(f"{where}: unknown article {article!r} with a non-none expect"); return
    art = articles[article]
    for ph in expect:
        if not isinstance(ph, str):
            err(f"{where}: non-string expect {ph!r}"); continue
        n = len(ph.split())
        if not 4 <= n <= 12:
            err(f"{where}: expect {ph!r} has {n} words, want 4-12")
        body_hit = furn_hit = False
        for b, f in zip(art["blocks"], art["furn"]):
            if ph in b:
                if f: furn_hit = True
                else:
                    body_hit = True
                    if not any(ph in s for s in sentences(b)):
                        err(f"{where}: expect {ph!r} crosses a sentence boundary")
        if furn_hit:
            err(f"{where}: expect {ph!r} occurs in a furniture block")
        if not body_hit:
            err(f"{where}: expect {ph!r} not found in body of {article}")
        for other in ARTICLES:
            if other != article and ph in "\n".join(articles[other]["blocks"]):
                warn(f"{where}: expect {ph!r} also occurs in {other}")

def overlap(q, ph):
    qw = re.findall(r"\w+", q.lower()); pw = re.findall(r"\w+", ph.lower())
    best = 0
    for i in range(len(qw)):
        for j in range(len(pw)):
            k = 0
            while i + k < len(qw) and j + k < len(pw) and qw[i + k] == pw[j + k]:
                k += 1
            best = max(best, k)
    return best

# ---- questions ----
def check_questions(name, data):
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        err(f"{name}: top level must be a mapping with a questions list"); return []
    qs = data["questions"]
    for i, it in enumerate(qs, 1):
        w = f"{name} #{i}"
        if set(it) != {"q", "expect", "article", "kind", "type"}:
            err(f"{w}: fields {sorted(it)}")
        if not isinstance(it.get("q"), str) or not it["q"].strip():
            err(f"{w}: empty q")
        if it.get("kind") not in KINDS: err(f"{w}: bad kind {it.get('kind')!r}")
        if it.get("type") not in TYPES: err(f"{w}: bad type {it.get('type')!r}")
        art = it.get("article")
        if it.get("kind") == "offtopic":
            if art != "none" or it.get("expect") != "none":
                err(f"{w}: offtopic must have article none and expect none")
        else:
            if art not in ARTICLES: err(f"{w}: bad article {art!r}")
        if it.get("kind") == "trap" and it.get("expect") != "none":
            err(f"{w}: trap must expect none")
        if it.get("kind") not in ("trap", "offtopic") and it.get("expect") == "none":
            err(f"{w}: non-trap kind {it.get('kind')} with expect none")
        check_expect(w, it.get("expect"), art)
    return qs

en_data = load("questions.yaml")
en = check_questions("questions.yaml", en_data)

# copying check on English (not for terse)
for i, it in enumerate(en, 1):
    if it["kind"] in ("terse", "trap", "offtopic") or it["type"] == "definition" or it["expect"] == "none":
        continue
    for ph in it["expect"]:
        if overlap(it["q"], ph) >= 4:
            warn(f"questions.yaml #{i}: question copies 4+ words of {ph!r}")

kinds = collections.Counter(it["kind"] for it in en)
print(f"\nquestions.yaml: {len(en)} items; per kind: {dict(sorted(kinds.items()))}")
types = collections.Counter(it["type"] for it in en)
print(f"  per type: {dict(sorted(types.items()))}")
for a in ARTICLES:
    items = [it for it in en if it["article"] == a]
    traps = sum(it["kind"] == "trap" for it in items)
    share = traps / len(items) if items else 0
    kk_ = collections.Counter(it["kind"] for it in items)
    print(f"  {a}: {len(items)} questions, {traps} traps ({share:.0%}); kinds {dict(sorted(kk_.items()))}")
    if share < 0.40: err(f"{a}: trap share {share:.0%} < 40%")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if kk_[k] == 0: err(f"{a}: no questions of kind {k}")
off = [it for it in en if it["kind"] == "offtopic"]
print(f"  offtopic: {len(off)}")

# ---- Russian ----
ru_data = load("questions_ru.yaml")
ru = check_questions("questions_ru.yaml", ru_data)
if len(ru) != len(en):
    err(f"questions_ru.yaml: {len(ru)} items, questions.yaml has {len(en)}")
for i, (a, b) in enumerate(zip(en, ru), 1):
    for f in ("expect", "article", "kind", "type"):
        if a.get(f) != b.get(f):
            err(f"questions_ru.yaml #{i}: {f} differs from English ({b.get(f)!r} vs {a.get(f)!r})")
    if not re.search(r"[А-Яа-яЁё]", b.get("q", "")):
        err(f"questions_ru.yaml #{i}: no Cyrillic in {b.get('q')!r}")
raw_ru = open(os.path.join(HERE, "questions_ru.yaml"), encoding="utf-8").read()
if not raw_ru.startswith("# TUNE32 part of the QA bank (Russian questions)"):
    err("questions_ru.yaml: header comment missing")
print(f"questions_ru.yaml: {len(ru)} items")

# ---- Kazakh ----
kk_data = load("questions_kk.yaml")
kk = check_questions("questions_kk.yaml", kk_data)
lines = open(os.path.join(HERE, "questions_kk.yaml"), encoding="utf-8").read().splitlines()
refs = []
for j, line in enumerate(lines):
    if line.lstrip().startswith("- {q:"):
        prev = lines[j - 1].strip() if j else ""
        m = re.match(r"# EN #(\d+): (.*)$", prev)
        if not m:
            err(f"questions_kk.yaml line {j+1}: no '# EN #<n>: ...' comment above item"); refs.append(None)
        else:
            refs.append((int(m.group(1)), m.group(2)))
for i, (it, ref) in enumerate(zip(kk, refs), 1):
    if ref is None: continue
    n, qtext = ref
    if not 1 <= n <= len(en):
        err(f"questions_kk.yaml #{i}: EN #{n} out of range"); continue
    src = en[n - 1]
    if src["q"] != qtext: err(f"questions_kk.yaml #{i}: comment text differs from EN #{n}")
    for f in ("expect", "article", "kind", "type"):
        if src[f] != it.get(f): err(f"questions_kk.yaml #{i}: {f} differs from EN #{n}")
    if not re.search(r"[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", it.get("q", "")):
        err(f"questions_kk.yaml #{i}: no Cyrillic")
kk_traps = sum(it["kind"] == "trap" for it in kk)
kk_arts = collections.Counter(it["article"] for it in kk)
if len(kk) != 25: err(f"questions_kk.yaml: {len(kk)} items, want 25")
if kk_traps < 8: err(f"questions_kk.yaml: {kk_traps} traps, want >= 8")
if len(set(r[0] for r in refs if r)) != len(refs): err("questions_kk.yaml: duplicate EN references")
print(f"questions_kk.yaml: {len(kk)} items, {kk_traps} traps, per article {dict(kk_arts)}")

# ---- conversations ----
def check_conv(name, data):
    if not isinstance(data, dict) or not isinstance(data.get("conversations"), list):
        err(f"{name}: top level must be a mapping with a conversations list"); return []
    cs = data["conversations"]
    for i, c in enumerate(cs, 1):
        w = f"{name} #{i}"
        if set(c) != {"turns", "expect", "article"}: err(f"{w}: fields {sorted(c)}")
        t = c.get("turns")
        if not (isinstance(t, list) and len(t) == 2 and all(isinstance(x, str) and x.strip() for x in t)):
            err(f"{w}: turns must be two non-empty strings")
        if c.get("article") not in ARTICLES: err(f"{w}: bad article {c.get('article')!r}")
        check_expect(w, c.get("expect"), c.get("article"))
    return cs

cen = check_conv("conversations.yaml", load("conversations.yaml"))
cru = check_conv("conversations_ru.yaml", load("conversations_ru.yaml"))
if len(cen) != 36: err(f"conversations.yaml: {len(cen)} items, want 36")
if len(cru) != len(cen): err(f"conversations_ru.yaml: {len(cru)} items vs {len(cen)}")
for i, (a, b) in enumerate(zip(cen, cru), 1):
    for f in ("expect", "article"):
        if a.get(f) != b.get(f): err(f"conversations_ru.yaml #{i}: {f} differs")
    if not all(re.search(r"[А-Яа-яЁё]", x) for x in b.get("turns", [])):
        err(f"conversations_ru.yaml #{i}: a turn without Cyrillic")
per = collections.Counter(c["article"] for c in cen)
nones = sum(c["expect"] == "none" for c in cen)
print(f"conversations.yaml: {len(cen)} items, per article {dict(per)}, expect none: {nones} ({nones/len(cen):.0%})")
for a in ARTICLES:
    if per[a] != 12: err(f"conversations: {per[a]} for {a}, want 12")
    an = sum(c["expect"] == "none" for c in cen if c["article"] == a)
    print(f"  {a}: {an} with expect none")
if abs(nones / max(len(cen), 1) - 1 / 3) > 0.05: err(f"conversations: none share {nones}/{len(cen)} is not about a third")
print(f"conversations_ru.yaml: {len(cru)} items")

print()
for w in warnings: print("WARN", w)
for e in errors: print("ERROR", e)
print("FAIL" if errors else "OK: all checks passed", f"({len(errors)} errors, {len(warnings)} warnings)")
sys.exit(1 if errors else 0)
