#!/usr/bin/env python3
"""Checks for the TUNE31 part of the QA bank (run from anywhere)."""
import os, re, sys, collections
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune31_thread", "tune31_explainer_econ", "tune31_other"]
KINDS = ["own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"]
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
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

# ---------- articles: blocks, furniture, body ----------
def blocks_of(text):
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]

def is_furniture(article, i, block):
    if article == "tune31_thread":          # title + author line; posts start "1/", "2/", ...
        return not re.match(r"^\d+/ ", block)
    if article == "tune31_explainer_econ":  # title + question headings
        return i == 0 or (block.endswith("?") and "\n" not in block and len(block.split()) <= 12)
    if article == "tune31_other":           # headline, standfirst, byline, date line
        return i < 4
    raise KeyError(article)

art = {}
for a in ARTICLES:
    p = os.path.join(CORPUS, a + ".txt")
    text = open(p, encoding="utf-8").read()
    bl = blocks_of(text)
    body = [b for i, b in enumerate(bl) if not is_furniture(a, i, b)]
    furn = [b for i, b in enumerate(bl) if is_furniture(a, i, b)]
    words = len(text.split())
    if not 600 <= words <= 900:
        err(f"{a}: {words} words (want 600-900)")
    art[a] = dict(text=text, body=body, furn=furn, words=words)
    if a == "tune31_thread":
        nums = [int(re.match(r"^(\d+)/", b).group(1)) for b in body]
        if nums != list(range(1, len(nums) + 1)):
            err(f"{a}: posts not numbered 1..n: {nums}")

# sentence boundary inside a phrase: . ! ? (optionally closing quote/bracket) + space + capital/quote
SENT_BREAK = re.compile(r"[.!?][\"”')]?\s+[A-Z\"“(]")

def check_phrase(where, a, ph):
    if a not in art:
        err(f"{where}: unknown article {a!r}"); return
    n = len(ph.split())
    if not 4 <= n <= 12:
        err(f"{where}: phrase has {n} words (want 4-12): {ph!r}")
    if SENT_BREAK.search(ph):
        err(f"{where}: phrase seems to span two sentences: {ph!r}")
    if ph not in art[a]["text"]:
        err(f"{where}: phrase not found verbatim in {a}: {ph!r}")
    elif not any(ph in b for b in art[a]["body"]):
        err(f"{where}: phrase only in furniture of {a}: {ph!r}")
    if any(ph in b for b in art[a]["furn"]):
        err(f"{where}: phrase occurs inside a furniture block of {a}: {ph!r}")

def check_item(where, it, offtopic_ok=True):
    for k in ("q", "expect", "article", "kind", "type"):
        if k not in it:
            err(f"{where}: missing field {k}")
            return
    if not isinstance(it["q"], str) or not it["q"].strip():
        err(f"{where}: empty question")
    if it["kind"] not in KINDS:
        err(f"{where}: bad kind {it['kind']}")
    if it["type"] not in TYPES:
        err(f"{where}: bad type {it['type']}")
    ex, a, kind = it["expect"], it["article"], it["kind"]
    if kind == "offtopic":
        if a != "none" or ex != "none":
            err(f"{where}: offtopic must have article none and expect none")
        return
    if a not in ARTICLES:
        err(f"{where}: bad article {a!r}")
        return
    if kind == "trap":
        if ex != "none":
            err(f"{where}: trap must expect none")
        return
    if ex == "none":
        err(f"{where}: non-trap item expects none")
        return
    if not isinstance(ex, list) or not ex:
        err(f"{where}: expect must be a non-empty list or none")
        return
    for ph in ex:
        check_phrase(where, a, ph)

# ---------- questions.yaml ----------
en = load("questions.yaml")
en_items = (en or {}).get("questions") or []
for i, it in enumerate(en_items, 1):
    check_item(f"questions.yaml #{i}", it)
qs = [it["q"].strip().lower() for it in en_items]
for q, c in collections.Counter(qs).items():
    if c > 1:
        err(f"questions.yaml: duplicate question {q!r}")

print(f"questions.yaml: {len(en_items)} items")
by_art = collections.defaultdict(list)
for it in en_items:
    by_art[it["article"]].append(it)
print(f"  {'article':24s} total  " + "  ".join(f"{k:>10s}" for k in KINDS[:-1]) + "  trap%")
for a in ARTICLES + ["none"]:
    items = by_art.get(a, [])
    c = collections.Counter(it["kind"] for it in items)
    share = c["trap"] / len(items) if items else 0
    if a == "none":
        print(f"  {'none (offtopic)':24s} {len(items):5d}  offtopic={c['offtopic']}")
        if c["offtopic"] != len(items):
            err("article none holds non-offtopic items")
        continue
    print(f"  {a:24s} {len(items):5d}  " + "  ".join(f"{c[k]:10d}" for k in KINDS[:-1]) + f"  {share:5.1%}")
    if share < 0.40:
        err(f"{a}: trap share {share:.1%} < 40%")
    if not 30 <= len(items) <= 40:
        err(f"{a}: {len(items)} questions (want about 35)")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if c[k] == 0:
            err(f"{a}: no questions of kind {k}")
tc = collections.Counter(it["type"] for it in en_items)
print("  types: " + ", ".join(f"{k}={tc[k]}" for k in sorted(tc)))
if not 100 <= len(en_items) <= 140:
    err(f"questions.yaml: {len(en_items)} items (want about 120)")

# ---------- questions_ru.yaml ----------
ru = load("questions_ru.yaml")
ru_items = (ru or {}).get("questions") or []
print(f"questions_ru.yaml: {len(ru_items)} items")
if len(ru_items) != len(en_items):
    err(f"ru has {len(ru_items)} items, en has {len(en_items)}")
for i, (e, r) in enumerate(zip(en_items, ru_items), 1):
    for k in ("expect", "article", "kind", "type"):
        if e.get(k) != r.get(k):
            err(f"questions_ru.yaml #{i}: field {k} differs from en")
    if set(r) != set(e):
        err(f"questions_ru.yaml #{i}: fields {sorted(r)} != {sorted(e)}")
    if not re.search(r"[а-яё]", r.get("q", ""), re.I):
        err(f"questions_ru.yaml #{i}: question has no Cyrillic: {r.get('q')!r}")
    if r.get("q", "").strip().lower() == e["q"].strip().lower():
        err(f"questions_ru.yaml #{i}: same text as en")

# ---------- questions_kk.yaml ----------
kk = load("questions_kk.yaml")
kk_items = (kk or {}).get("questions") or []
raw = open(os.path.join(HERE, "questions_kk.yaml"), encoding="utf-8").read().split("\n")
refs = []
for j, line in enumerate(raw):
    m = re.match(r"\s*# EN #(\d+): (.*)$", line)
    if m:
        nxt = raw[j + 1] if j + 1 < len(raw) else ""
        if not nxt.lstrip().startswith("- {q:"):
            err(f"questions_kk.yaml line {j+1}: EN comment not directly above an item")
        refs.append((int(m.group(1)), m.group(2)))
print(f"questions_kk.yaml: {len(kk_items)} items, {sum(1 for it in kk_items if it.get('kind') == 'trap')} traps, "
      f"per article " + ", ".join(f"{a}={sum(1 for it in kk_items if it.get('article') == a)}" for a in ARTICLES))
if len(kk_items) != 25:
    err(f"kk has {len(kk_items)} items (want 25)")
if len(refs) != len(kk_items):
    err(f"kk: {len(refs)} '# EN #n' comments for {len(kk_items)} items")
for (n, qtext), it in zip(refs, kk_items):
    if not 1 <= n <= len(en_items):
        err(f"kk: EN #{n} out of range"); continue
    e = en_items[n - 1]
    if e["q"] != qtext:
        err(f"kk: comment for EN #{n} does not match en question: {qtext!r}")
    for k in ("expect", "article", "kind", "type"):
        if e.get(k) != it.get(k):
            err(f"kk EN #{n}: field {k} differs from en")
    if not re.search(r"[а-яёәіңғүұқөһ]", it.get("q", ""), re.I):
        err(f"kk EN #{n}: question has no Cyrillic")
if len({n for n, _ in refs}) != len(refs):
    err("kk: the same EN item used twice")
if sum(1 for it in kk_items if it.get("kind") == "trap") < 8:
    err("kk: fewer than 8 traps")
for a in ARTICLES:
    if not any(it.get("article") == a for it in kk_items):
        err(f"kk: no question about {a}")

# ---------- conversations ----------
def check_convs(name):
    d = load(name)
    cs = (d or {}).get("conversations") or []
    for i, c in enumerate(cs, 1):
        w = f"{name} #{i}"
        if set(c) != {"turns", "expect", "article"}:
            err(f"{w}: fields {sorted(c)}")
            continue
        if not (isinstance(c["turns"], list) and len(c["turns"]) == 2 and all(isinstance(t, str) and t.strip() for t in c["turns"])):
            err(f"{w}: need exactly two non-empty turns")
        if c["article"] not in ARTICLES:
            err(f"{w}: bad article {c['article']!r}")
            continue
        if c["expect"] != "none":
            if not isinstance(c["expect"], list) or not c["expect"]:
                err(f"{w}: expect must be list or none")
                continue
            for ph in c["expect"]:
                check_phrase(w, c["article"], ph)
    return cs

cen = check_convs("conversations.yaml")
cru = check_convs("conversations_ru.yaml")
nnone = sum(1 for c in cen if c.get("expect") == "none")
per = collections.Counter(c.get("article") for c in cen)
print(f"conversations.yaml: {len(cen)} conversations, expect none: {nnone} ({nnone/max(1,len(cen)):.1%}); "
      + ", ".join(f"{a}={per[a]}" for a in ARTICLES))
for a in ARTICLES:
    pn = sum(1 for c in cen if c.get("article") == a and c.get("expect") == "none")
    print(f"  {a}: {per[a]} conversations, {pn} with expect none")
    if per[a] != 12:
        err(f"conversations: {a} has {per[a]} (want 12)")
if len(cen) != 36:
    err(f"conversations: {len(cen)} (want 36)")
if not 0.30 <= nnone / max(1, len(cen)) <= 0.37:
    err(f"conversations: share of none {nnone}/{len(cen)} is not about a third")
print(f"conversations_ru.yaml: {len(cru)} conversations")
if len(cru) != len(cen):
    err(f"conversations_ru: {len(cru)} vs {len(cen)}")
for i, (e, r) in enumerate(zip(cen, cru), 1):
    for k in ("expect", "article"):
        if e.get(k) != r.get(k):
            err(f"conversations_ru #{i}: {k} differs from en")
    if not all(re.search(r"[а-яё]", t, re.I) for t in r.get("turns", [])):
        err(f"conversations_ru #{i}: a turn has no Cyrillic")

# ---------- info: trap words missing from their article (not an error) ----------
STOP = set("""a an the of in on at to for by with from and or is was were are be been did does do how many much
what when where who whom whose which why whats wat wen long big so far ever has have had it its their there
that this these those they he she his her him according say said get got""".split())
print("info: trap questions with content words absent from their article:")
shown = 0
for i, it in enumerate(en_items, 1):
    if it.get("kind") != "trap":
        continue
    low = art[it["article"]]["text"].lower()
    miss = [w for w in re.findall(r"[a-z][a-z\-']+", it["q"].lower()) if w not in STOP and w.rstrip("s") not in low and w not in low]
    if miss:
        shown += 1
        print(f"  #{i} {it['q']!r}: {miss}")
if not shown:
    print("  (none)")

print()
if errors:
    print(f"FAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("OK: all checks passed")
