#!/usr/bin/env python3
"""Checks the TUNE37 part of the QA bank (files next to this script)."""
import os, re, sys
from collections import Counter, defaultdict
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune37_rights", "tune37_sport", "tune37_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
errors, warnings = [], []

def err(m): errors.append(m)
def warn(m): warnings.append(m)

def furniture_flags(name, blocks):
    n = len(blocks)
    flags = [False] * n
    if name == "tune37_rights":
        flags[0] = True                      # title
        for i, b in enumerate(blocks):       # question headings
            if "\n" not in b and b.rstrip().endswith("?"):
                flags[i] = True
        flags[n - 1] = flags[n - 2] = True   # disclaimer + contact line
    elif name == "tune37_sport":
        flags[0] = flags[1] = flags[2] = True  # headline, standfirst, byline
    elif name == "tune37_other":
        flags[0] = flags[1] = True             # headline, standfirst
    return flags

def sentences(text):
    return [x for x in re.split(r'(?<=[.!?])\s+(?=[A-Z"\u201c0-9])', text) if x.strip()]

# ---- corpus
art = {}
for name in ARTICLES:
    p = os.path.join(CORPUS, name + ".txt")
    try:
        raw = open(p, encoding="utf-8").read()
    except Exception as e:
        err(f"cannot read {p}: {e}"); continue
    blocks = [b.strip() for b in re.split(r"\n\s*\n", raw) if b.strip()]
    flags = furniture_flags(name, blocks)
    body = [b for b, f in zip(blocks, flags) if not f]
    furn = [b for b, f in zip(blocks, flags) if f]
    words = len(raw.split())
    if not 600 <= words <= 900:
        err(f"{name}: {words} words, outside 600-900")
    art[name] = {"body": body, "furn": furn, "sents": [s for b in body for s in sentences(b)], "words": words}
    print(f"article {name}: {words} words, {len(blocks)} blocks ({len(furn)} furniture, {len(body)} body)")

def check_phrase(ph, article, where):
    if article not in art:
        err(f"{where}: unknown article {article!r}"); return None
    a = art[article]
    nw = len(ph.split())
    if not 4 <= nw <= 12:
        err(f"{where}: phrase has {nw} words (need 4-12): {ph!r}")
    if any(ph in f for f in a["furn"]):
        err(f"{where}: phrase occurs in a furniture block: {ph!r}")
    if not any(ph in b for b in a["body"]):
        err(f"{where}: phrase not found verbatim in body of {article}: {ph!r}"); return None
    hits = [s for s in a["sents"] if ph in s]
    if not hits:
        err(f"{where}: phrase crosses a sentence boundary: {ph!r}"); return None
    for other in ARTICLES:
        if other != article and other in art and any(ph in b for b in art[other]["body"]):
            warn(f"{where}: phrase also occurs in {other}: {ph!r}")
    return hits[0]

def overlap(q, sent):
    tok = lambda t: re.findall(r"[a-z0-9']+", t.lower())
    a, b = tok(q), " ".join(tok(sent))
    best = 0
    for i in range(len(a)):
        for j in range(i + 1, len(a) + 1):
            if " " + " ".join(a[i:j]) + " " in " " + b + " ":
                best = max(best, j - i)
    return best

def load(fname):
    p = os.path.join(HERE, fname)
    try:
        with open(p, encoding="utf-8") as fh:
            return yaml.safe_load(fh), open(p, encoding="utf-8").read()
    except Exception as e:
        err(f"{fname}: does not parse: {e}"); return None, ""

# ---- questions
def check_questions(fname, items, en=None):
    if not isinstance(items, list):
        err(f"{fname}: 'questions' is not a list"); return
    for i, it in enumerate(items, 1):
        w = f"{fname} #{i}"
        if set(it) != {"q", "expect", "article", "kind", "type"}:
            err(f"{w}: fields {sorted(it)}")
            continue
        if not isinstance(it["q"], str) or not it["q"].strip():
            err(f"{w}: empty q")
        if it["kind"] not in KINDS: err(f"{w}: bad kind {it['kind']}")
        if it["type"] not in TYPES: err(f"{w}: bad type {it['type']}")
        e = it["expect"]
        if it["kind"] == "offtopic":
            if it["article"] != "none" or e != "none":
                err(f"{w}: offtopic must have article none and expect none")
        elif it["article"] not in ARTICLES:
            err(f"{w}: bad article {it['article']}")
        if it["kind"] == "trap" and e != "none":
            err(f"{w}: trap with an expect")
        if it["kind"] not in ("trap", "offtopic"):
            if not (isinstance(e, list) and e and all(isinstance(x, str) for x in e)):
                err(f"{w}: expect must be a non-empty list of strings"); continue
            for ph in e:
                sent = check_phrase(ph, it["article"], w)
                if sent and en is None and it["kind"] != "terse":
                    ov = overlap(it["q"], sent)
                    if ov >= 5:
                        warn(f"{w}: question shares {ov} consecutive words with its sentence")
        if en is not None and i <= len(en):
            for k in ("expect", "article", "kind", "type"):
                if it[k] != en[i - 1][k]:
                    err(f"{w}: {k} differs from English item #{i}")
            if it["q"] == en[i - 1]["q"]:
                err(f"{w}: identical to the English question")

en_doc, _ = load("questions.yaml")
en = (en_doc or {}).get("questions", [])
check_questions("questions.yaml", en)
ru_doc, _ = load("questions_ru.yaml")
ru = (ru_doc or {}).get("questions", [])
if len(ru) != len(en):
    err(f"questions_ru.yaml: {len(ru)} items, English has {len(en)}")
check_questions("questions_ru.yaml", ru, en)
for i, it in enumerate(ru, 1):
    if not re.search(r"[а-яё]", it["q"].lower()):
        err(f"questions_ru.yaml #{i}: no Cyrillic")

kk_doc, kk_raw = load("questions_kk.yaml")
kk = (kk_doc or {}).get("questions", [])
refs = re.findall(r"^\s*# EN #(\d+): (.*)$", kk_raw, re.M)
if len(kk) != 25: err(f"questions_kk.yaml: {len(kk)} items, need 25")
if len(refs) != len(kk): err(f"questions_kk.yaml: {len(refs)} '# EN #n' comments for {len(kk)} items")
kk_art, kk_traps = Counter(), 0
for j, (it, (n, text)) in enumerate(zip(kk, refs), 1):
    n = int(n)
    if not 1 <= n <= len(en):
        err(f"questions_kk.yaml #{j}: EN #{n} out of range"); continue
    src = en[n - 1]
    if text.strip() != src["q"]:
        err(f"questions_kk.yaml #{j}: comment text differs from EN #{n}")
    for k in ("expect", "article", "kind", "type"):
        if it.get(k) != src[k]:
            err(f"questions_kk.yaml #{j}: {k} differs from EN #{n}")
    if not re.search(r"[әғқңөұүһі]", it["q"].lower()) and not re.search(r"[а-я]", it["q"].lower()):
        err(f"questions_kk.yaml #{j}: not Cyrillic")
    kk_art[it["article"]] += 1
    kk_traps += it["kind"] == "trap"
if kk_traps < 8: err(f"questions_kk.yaml: {kk_traps} traps, need 8")
if set(kk_art) != set(ARTICLES): err(f"questions_kk.yaml: articles {dict(kk_art)}")

# ---- counts
print(f"\nquestions.yaml: {len(en)} items; questions_ru.yaml: {len(ru)}; questions_kk.yaml: {len(kk)} "
      f"({kk_traps} traps; per article {dict(kk_art)})")
per = defaultdict(Counter)
for it in en:
    per[it["article"]][it["kind"]] += 1
for a in ARTICLES + ["none"]:
    c = per[a]; tot = sum(c.values())
    line = ", ".join(f"{k} {c[k]}" for k in sorted(c))
    if a == "none":
        print(f"  {a:14s} {tot:3d}: {line}")
        continue
    share = c["trap"] / tot if tot else 0
    print(f"  {a:14s} {tot:3d}: {line}  | traps {share:.0%}")
    if share < 0.40: err(f"{a}: trap share {share:.0%} < 40%")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if c[k] == 0: err(f"{a}: no '{k}' questions")
print("  types:", dict(Counter(it["type"] for it in en)))

# ---- conversations
def check_conv(fname, convs, base=None):
    if not isinstance(convs, list):
        err(f"{fname}: 'conversations' is not a list"); return
    for i, c in enumerate(convs, 1):
        w = f"{fname} #{i}"
        if set(c) != {"turns", "expect", "article"}:
            err(f"{w}: fields {sorted(c)}"); continue
        if not (isinstance(c["turns"], list) and len(c["turns"]) == 2 and all(isinstance(t, str) and t for t in c["turns"])):
            err(f"{w}: need two non-empty turns")
        if c["article"] not in ARTICLES: err(f"{w}: bad article")
        if c["expect"] != "none":
            if not (isinstance(c["expect"], list) and c["expect"]):
                err(f"{w}: bad expect"); continue
            for ph in c["expect"]:
                check_phrase(ph, c["article"], w)
        if base is not None and i <= len(base):
            for k in ("expect", "article"):
                if c[k] != base[i - 1][k]:
                    err(f"{w}: {k} differs from conversations.yaml #{i}")

cv_doc, _ = load("conversations.yaml")
cv = (cv_doc or {}).get("conversations", [])
check_conv("conversations.yaml", cv)
cr_doc, _ = load("conversations_ru.yaml")
cr = (cr_doc or {}).get("conversations", [])
check_conv("conversations_ru.yaml", cr, cv)
if len(cv) != 36: err(f"conversations.yaml: {len(cv)} conversations, need 36")
if len(cr) != len(cv): err(f"conversations_ru.yaml: {len(cr)} vs {len(cv)}")
ca = Counter(c["article"] for c in cv)
cn = Counter(c["article"] for c in cv if c["expect"] == "none")
for a in ARTICLES:
    if ca[a] != 12: err(f"conversations: {ca[a]} for {a}, need 12")
nn = sum(cn.values())
print(f"\nconversations.yaml: {len(cv)} (per article {dict(ca)}); expect none: {nn} = {nn/max(len(cv),1):.0%} "
      f"(per article {dict(cn)}); conversations_ru.yaml: {len(cr)}")
if len(cv) and abs(nn - len(cv) / 3) > 1: err(f"conversations: {nn} with expect none, need about a third")

for m in warnings: print("WARNING:", m)
if errors:
    print(f"\nFAILED: {len(errors)} error(s)")
    for m in errors: print("ERROR:", m)
    sys.exit(1)
print("\nALL CHECKS PASSED")
