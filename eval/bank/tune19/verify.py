#!/usr/bin/env python
"""Checks the TUNE19 part of the QA bank (run from anywhere)."""
import os, re, sys
from collections import Counter, defaultdict
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ARTS = ["tune19_live", "tune19_column", "tune19_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
# leading furniture blocks per article: headline, standfirst, (byline/date line)
HEAD = {"tune19_live": 2, "tune19_column": 2, "tune19_other": 3}
errors, notes = [], []

def err(msg): errors.append(msg)

def load(name):
    path = os.path.join(HERE, name)
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except Exception as e:
        err(f"{name}: does not parse: {e}")
        return None

def words(s): return re.findall(r"\w+", s)

# ---------- articles ----------
BODY, FURN, SENTS, TEXT = {}, {}, {}, {}
SPLIT = re.compile(r'(?<=[.!?])["”]?\s+(?=["“]?[A-Z0-9])')
for a in ARTS:
    p = os.path.join(HERE, "corpus", a + ".txt")
    raw = open(p, encoding="utf-8").read()
    TEXT[a] = raw
    n = len(raw.split())
    if not 600 <= n <= 900: err(f"{a}: {n} words, want 600-900")
    notes.append(f"{a}: {n} words")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", raw) if b.strip()]
    body, furn = [], []
    for i, b in enumerate(blocks):
        heading = "\n" not in b and not re.search(r'[.!?"”]$', b) and len(b.split()) <= 10
        closing = b.startswith("The author is") or b.startswith("By ")
        if i < HEAD[a] or heading or closing: furn.append(b)
        else: body.append(re.sub(r"^\d\d:\d\d — ", "", b))  # live-blog entry text after timestamp is body
    BODY[a], FURN[a] = body, furn
    SENTS[a] = [s for b in body for s in SPLIT.split(b)]
    if a == "tune19_live":
        ts = [b for b in blocks[HEAD[a]:] if re.match(r"^\d\d:\d\d — ", b)]
        if len(ts) < 15: err(f"{a}: only {len(ts)} timestamped entries")
        if not any("Correction: an earlier entry said" in b for b in ts): err(f"{a}: no correction entry")
    notes.append(f"{a}: furniture blocks = {[f[:40] for f in furn]}")

def check_phrase(where, a, ph, question=None, kind=None):
    if a not in ARTS: err(f"{where}: expect given but article is {a!r}"); return
    if not isinstance(ph, str): err(f"{where}: expect item not a string: {ph!r}"); return
    nw = len([t for t in ph.split() if re.search(r"\w", t)])  # whitespace words
    if not 4 <= nw <= 12: err(f"{where}: phrase has {nw} words: {ph!r}")
    if ph not in TEXT[a]: err(f"{where}: phrase not verbatim in {a}: {ph!r}"); return
    if any(ph in f for f in FURN[a]): err(f"{where}: phrase occurs in furniture: {ph!r}")
    sents = [s for s in SENTS[a] if ph in s]
    if not sents: err(f"{where}: phrase not inside one body sentence: {ph!r}"); return
    if question and kind not in ("terse",):
        qw = [w.lower() for w in words(question)]
        for s in sents:
            sw = [w.lower() for w in words(s)]
            grams = {tuple(sw[i:i+4]) for i in range(len(sw) - 3)}
            hit = [tuple(qw[i:i+4]) for i in range(len(qw) - 3) if tuple(qw[i:i+4]) in grams]
            if hit: err(f"{where}: question copies sentence wording {' '.join(hit[0])!r}")

def check_items(name, items, lang):
    if not isinstance(items, list): err(f"{name}: no questions list"); return []
    for i, it in enumerate(items, 1):
        w = f"{name} #{i}"
        if not isinstance(it, dict) or set(it) != {"q", "expect", "article", "kind", "type"}:
            err(f"{w}: bad keys {it!r}"); continue
        if not isinstance(it["q"], str) or not it["q"].strip(): err(f"{w}: empty q")
        if it["kind"] not in KINDS: err(f"{w}: bad kind {it['kind']}")
        if it["type"] not in TYPES: err(f"{w}: bad type {it['type']}")
        if it["article"] not in ARTS + ["none"]: err(f"{w}: bad article {it['article']}")
        e = it["expect"]
        if it["kind"] in ("trap", "offtopic"):
            if e != "none": err(f"{w}: {it['kind']} must have expect none")
        elif not (isinstance(e, list) and e): err(f"{w}: answerable item needs a list of phrases")
        if it["kind"] == "offtopic" and it["article"] != "none": err(f"{w}: offtopic needs article none")
        if it["article"] == "none" and it["kind"] != "offtopic": err(f"{w}: article none but kind {it['kind']}")
        if isinstance(e, list):
            for ph in e:
                check_phrase(w, it["article"], ph, it["q"] if lang == "en" else None, it["kind"])
        if lang in ("ru", "kk") and not re.search(r"[А-Яа-яЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ]", it["q"]):
            err(f"{w}: question has no Cyrillic")
        if lang == "kk" and not re.search(r"[ӘәІіҢңҒғҮүҰұҚқӨөҺһ]", it["q"]) and it["kind"] != "terse":
            notes.append(f"{w}: no Kazakh-specific letters (check): {it['q']}")
    return items

SAME = ("expect", "article", "kind", "type")

# ---------- questions ----------
en = load("questions.yaml"); ru = load("questions_ru.yaml"); kk = load("questions_kk.yaml")
en = check_items("questions.yaml", (en or {}).get("questions"), "en")
ru = check_items("questions_ru.yaml", (ru or {}).get("questions"), "ru")
kk = check_items("questions_kk.yaml", (kk or {}).get("questions"), "kk")

if len(set(i["q"] for i in en)) != len(en): err("questions.yaml: duplicate questions")
if len(ru) != len(en): err(f"ru has {len(ru)} items, en has {len(en)}")
for i, (a, b) in enumerate(zip(en, ru), 1):
    for k in SAME:
        if a.get(k) != b.get(k): err(f"ru #{i}: {k} differs from en ({b.get(k)!r} vs {a.get(k)!r})")
    if a.get("q") == b.get("q"): err(f"ru #{i}: same text as en")

by_art = defaultdict(Counter)
for it in en:
    by_art[it["article"]][it["kind"]] += 1
print("questions.yaml:", len(en), "items")
print("  kinds overall:", dict(sorted(Counter(i["kind"] for i in en).items())))
print("  types overall:", dict(sorted(Counter(i["type"] for i in en).items())))
for a in ARTS:
    c = by_art[a]; tot = sum(c.values()); share = c["trap"] / tot if tot else 0
    print(f"  {a}: {tot} items, traps {c['trap']} ({share:.0%}), kinds {dict(sorted(c.items()))}")
    if not 30 <= tot <= 40: err(f"{a}: {tot} questions, want about 35")
    if share < 0.40: err(f"{a}: trap share {share:.0%} < 40%")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if c[k] < 2: err(f"{a}: too few {k} items ({c[k]})")
off = by_art["none"]["offtopic"]
print(f"  offtopic: {off}")
if not 8 <= off <= 14: err(f"offtopic count {off}, want about 10")
print("questions_ru.yaml:", len(ru), "items")

# ---------- Kazakh ----------
raw = open(os.path.join(HERE, "questions_kk.yaml"), encoding="utf-8").read().splitlines()
item_lines = [i for i, l in enumerate(raw) if l.lstrip().startswith("- {q:")]
for k, li in enumerate(item_lines):
    m = re.match(r"\s*# EN #(\d+): (.*)$", raw[li - 1]) if li > 0 else None
    if not m: err(f"kk #{k+1}: no '# EN #<n>: ...' comment above"); continue
    n, qtext = int(m.group(1)), m.group(2)
    if not 1 <= n <= len(en): err(f"kk #{k+1}: EN #{n} out of range"); continue
    ref = en[n - 1]
    if ref["q"] != qtext: err(f"kk #{k+1}: comment text is not EN #{n}'s question")
    if k < len(kk):
        for f in SAME:
            if kk[k].get(f) != ref.get(f): err(f"kk #{k+1}: {f} differs from EN #{n}")
kk_traps = sum(1 for i in kk if i["kind"] == "trap")
kk_arts = Counter(i["article"] for i in kk)
print(f"questions_kk.yaml: {len(kk)} items, traps {kk_traps}, per article {dict(kk_arts)}")
if len(kk) != 25: err(f"kk has {len(kk)} items, want 25")
if kk_traps < 8: err(f"kk has {kk_traps} traps, want 8")
if len(item_lines) != len(kk): err("kk: item line count mismatch")
if set(kk_arts) != set(ARTS): err("kk: not spread over the three articles")

# ---------- conversations ----------
def check_convs(name, convs):
    if not isinstance(convs, list): err(f"{name}: no conversations list"); return []
    for i, c in enumerate(convs, 1):
        w = f"{name} #{i}"
        if not isinstance(c, dict) or set(c) != {"turns", "expect", "article"}: err(f"{w}: bad keys"); continue
        t = c["turns"]
        if not (isinstance(t, list) and len(t) == 2 and all(isinstance(x, str) and x.strip() for x in t)):
            err(f"{w}: need exactly two non-empty turns")
        if c["article"] not in ARTS: err(f"{w}: bad article")
        e = c["expect"]
        if e != "none":
            if not (isinstance(e, list) and e): err(f"{w}: expect must be none or a list")
            else:
                for ph in e: check_phrase(w, c["article"], ph)
    return convs

ce = check_convs("conversations.yaml", (load("conversations.yaml") or {}).get("conversations"))
cr = check_convs("conversations_ru.yaml", (load("conversations_ru.yaml") or {}).get("conversations"))
if len(ce) != 36: err(f"conversations: {len(ce)}, want 36")
if len(cr) != len(ce): err(f"conversations_ru: {len(cr)} vs {len(ce)}")
for i, (a, b) in enumerate(zip(ce, cr), 1):
    if a.get("expect") != b.get("expect") or a.get("article") != b.get("article"):
        err(f"conversations_ru #{i}: expect/article differ from en")
    if a.get("turns") == b.get("turns"): err(f"conversations_ru #{i}: same text as en")
    if b.get("turns") and not all(re.search(r"[А-Яа-яЁё]", t) for t in b["turns"]):
        err(f"conversations_ru #{i}: turn without Cyrillic")
ca = Counter(c["article"] for c in ce)
cn = Counter(c["article"] for c in ce if c["expect"] == "none")
nn = sum(cn.values())
print(f"conversations.yaml: {len(ce)} (per article {dict(ca)}), expect none {nn} ({nn/len(ce):.0%}), none per article {dict(cn)}")
print(f"conversations_ru.yaml: {len(cr)}")
for a in ARTS:
    if ca[a] != 12: err(f"conversations: {a} has {ca[a]}, want 12")
if abs(nn / max(len(ce), 1) - 1 / 3) > 0.04: err(f"conversations: none share {nn}/{len(ce)}, want a third")

for n in notes: print("note:", n)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors: print("  -", e)
    sys.exit(1)
print("\nOK: all checks passed")
