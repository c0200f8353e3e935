#!/usr/bin/env python3
"""Checks for the TUNE29 part of the QA bank (run from anywhere)."""
import os
import re
import sys
from collections import Counter, defaultdict

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune29_updated", "tune29_press", "tune29_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
# Extra furniture blocks (by index) that end like sentences: the standfirst of tune29_other.
EXTRA_FURNITURE = {"tune29_other": {1}}

errors = []


def err(msg):
    errors.append(msg)


def blocks_of(text):
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


def is_furniture(name, idx, block):
    if idx == 0:  # headline / title
        return True
    if idx in EXTRA_FURNITURE.get(name, set()):
        return True
    if block.startswith(("Last updated", "By ", "A report by")):
        return True
    # headings, bylines, date lines: one line without sentence-final punctuation
    if "\n" not in block and not re.search(r"[.!?][\"\u201d]?$", block):
        return True
    return False


def sentences(block):
    parts = re.split(r"(?<=[.!?])\s+(?=[\"\u201cA-Z0-9])|(?<=[.!?][\"\u201d])\s+(?=[\"\u201cA-Z0-9])|\n", block)
    return [p.strip() for p in parts if p.strip()]


# ---------- corpus ----------
corpus = {}
for name in ARTICLES:
    path = os.path.join(CORPUS, name + ".txt")
    text = open(path, encoding="utf-8").read()
    bl = blocks_of(text)
    body = [b for i, b in enumerate(bl) if not is_furniture(name, i, b)]
    furn = [b for i, b in enumerate(bl) if is_furniture(name, i, b)]
    words = len(text.split())
    if not 600 <= words <= 900:
        err(f"{name}: {words} words (want 600-900)")
    corpus[name] = {
        "text": text,
        "body": body,
        "furniture": furn,
        "sentences": [s for b in body for s in sentences(b)],
        "words": words,
    }


def check_expect(where, expect, article):
    """expect is 'none' or a list of phrases from one body sentence of article."""
    if expect == "none":
        return
    if not isinstance(expect, list) or not expect:
        err(f"{where}: expect must be 'none' or a non-empty list")
        return
    if article not in corpus:
        err(f"{where}: expect given but article {article!r} unknown")
        return
    art = corpus[article]
    for ph in expect:
        if not isinstance(ph, str):
            err(f"{where}: non-string phrase {ph!r}")
            continue
        n = len(ph.split())
        if not 4 <= n <= 12:
            err(f"{where}: phrase has {n} words: {ph!r}")
        if ph not in art["text"]:
            err(f"{where}: phrase not verbatim in {article}: {ph!r}")
            continue
        if any(ph in f for f in art["furniture"]):
            err(f"{where}: phrase occurs in a furniture block: {ph!r}")
        if not any(ph in s for s in art["sentences"]):
            err(f"{where}: phrase not inside a single body sentence: {ph!r}")


def load(fn):
    path = os.path.join(HERE, fn)
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except Exception as e:  # noqa: BLE001
        err(f"{fn}: does not parse: {e}")
        return None


CYR = re.compile(r"[\u0400-\u04FF]")

# ---------- English questions ----------
en = load("questions.yaml")
qs = en["questions"] if en else []
print(f"questions.yaml: {len(qs)} items")
per_article = defaultdict(Counter)
kinds = Counter()
types = Counter()
for i, it in enumerate(qs, 1):
    where = f"questions.yaml #{i}"
    if set(it) != {"q", "expect", "article", "kind", "type"}:
        err(f"{where}: fields {sorted(it)}")
    if it.get("kind") not in KINDS:
        err(f"{where}: bad kind {it.get('kind')}")
    if it.get("type") not in TYPES:
        err(f"{where}: bad type {it.get('type')}")
    art = it.get("article")
    if it.get("kind") == "offtopic":
        if art != "none" or it.get("expect") != "none":
            err(f"{where}: offtopic must have article none and expect none")
    else:
        if art not in ARTICLES:
            err(f"{where}: bad article {art}")
    if it.get("kind") == "trap" and it.get("expect") != "none":
        err(f"{where}: trap with an expected answer")
    if it.get("kind") not in ("trap", "offtopic") and it.get("expect") == "none":
        err(f"{where}: non-trap item without an answer")
    check_expect(where, it.get("expect"), art)
    kinds[it.get("kind")] += 1
    types[it.get("type")] += 1
    per_article[art][it.get("kind")] += 1

print("  kinds:", dict(sorted(kinds.items())))
print("  types:", dict(sorted(types.items())))
for a in ARTICLES:
    c = per_article[a]
    tot = sum(c.values())
    share = c["trap"] / tot if tot else 0
    print(f"  {a}: {tot} questions, {c['trap']} traps ({share:.0%}), kinds {dict(sorted(c.items()))}")
    if share < 0.40:
        err(f"{a}: trap share {share:.0%} < 40%")
    if tot < 30:
        err(f"{a}: only {tot} questions")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if c[k] == 0:
            err(f"{a}: no {k} questions")
print(f"  offtopic: {kinds['offtopic']}")
if not 110 <= len(qs) <= 130:
    err(f"questions.yaml: {len(qs)} items (want about 120)")

# ---------- Russian questions ----------
ru = load("questions_ru.yaml")
rq = ru["questions"] if ru else []
print(f"questions_ru.yaml: {len(rq)} items")
if len(rq) != len(qs):
    err(f"questions_ru.yaml: {len(rq)} items, English has {len(qs)}")
for i, (e, r) in enumerate(zip(qs, rq), 1):
    if set(r) != set(e):
        err(f"ru #{i}: fields {sorted(r)}")
    for f in ("expect", "article", "kind", "type"):
        if r.get(f) != e.get(f):
            err(f"ru #{i}: {f} differs from English")
    if not CYR.search(str(r.get("q", ""))):
        err(f"ru #{i}: question has no Cyrillic")
if ru is not None:
    head = open(os.path.join(HERE, "questions_ru.yaml"), encoding="utf-8").readline()
    if not head.startswith("# TUNE29 part of the QA bank (Russian questions)"):
        err("questions_ru.yaml: header comment missing")

# ---------- Kazakh questions ----------
kk = load("questions_kk.yaml")
kq = kk["questions"] if kk else []
print(f"questions_kk.yaml: {len(kq)} items")
if kk is not None:
    raw = open(os.path.join(HERE, "questions_kk.yaml"), encoding="utf-8").read().splitlines()
    refs = []
    for j, line in enumerate(raw):
        if line.strip().startswith("- {q:"):
            prev = raw[j - 1].strip() if j else ""
            m = re.match(r"# EN #(\d+): (.*)$", prev)
            refs.append((int(m.group(1)), m.group(2)) if m else None)
    if len(refs) != len(kq):
        err("questions_kk.yaml: could not match items to lines")
    kk_art = Counter()
    kk_traps = 0
    for i, (item, ref) in enumerate(zip(kq, refs), 1):
        if ref is None:
            err(f"kk #{i}: missing '# EN #<n>: ...' comment")
            continue
        n, qtext = ref
        if not 1 <= n <= len(qs):
            err(f"kk #{i}: EN #{n} out of range")
            continue
        e = qs[n - 1]
        if qtext != e["q"]:
            err(f"kk #{i}: comment text differs from EN #{n}")
        for f in ("expect", "article", "kind", "type"):
            if item.get(f) != e.get(f):
                err(f"kk #{i}: {f} differs from EN #{n}")
        if not CYR.search(str(item.get("q", ""))):
            err(f"kk #{i}: question has no Cyrillic")
        kk_art[item.get("article")] += 1
        kk_traps += item.get("kind") == "trap"
    print(f"  per article: {dict(kk_art)}, traps: {kk_traps}")
    if len(kq) != 25:
        err(f"questions_kk.yaml: {len(kq)} items (want 25)")
    if kk_traps < 8:
        err(f"questions_kk.yaml: {kk_traps} traps (want 8)")
    if any(kk_art[a] == 0 for a in ARTICLES):
        err("questions_kk.yaml: not spread over all three articles")

# ---------- Conversations ----------
conv = load("conversations.yaml")
cv = conv["conversations"] if conv else []
print(f"conversations.yaml: {len(cv)} conversations")
cv_art = Counter()
cv_none = Counter()
for i, c in enumerate(cv, 1):
    where = f"conversations.yaml #{i}"
    if set(c) != {"turns", "expect", "article"}:
        err(f"{where}: fields {sorted(c)}")
    t = c.get("turns")
    if not isinstance(t, list) or len(t) != 2 or not all(isinstance(x, str) and x for x in t):
        err(f"{where}: need two non-empty turns")
    if c.get("article") not in ARTICLES:
        err(f"{where}: bad article")
    check_expect(where, c.get("expect"), c.get("article"))
    cv_art[c.get("article")] += 1
    if c.get("expect") == "none":
        cv_none[c.get("article")] += 1
tot_none = sum(cv_none.values())
print(f"  per article: {dict(cv_art)}; expect none: {tot_none} ({tot_none / max(len(cv), 1):.0%}) {dict(cv_none)}")
if len(cv) != 36 or any(cv_art[a] != 12 for a in ARTICLES):
    err("conversations.yaml: want 36 conversations, 12 per article")
if tot_none != 12:
    err(f"conversations.yaml: {tot_none} with expect none (want 12)")

cr = load("conversations_ru.yaml")
crv = cr["conversations"] if cr else []
print(f"conversations_ru.yaml: {len(crv)} conversations")
if len(crv) != len(cv):
    err("conversations_ru.yaml: length differs from English")
for i, (e, r) in enumerate(zip(cv, crv), 1):
    if set(r) != set(e):
        err(f"conv ru #{i}: fields differ")
    for f in ("expect", "article"):
        if r.get(f) != e.get(f):
            err(f"conv ru #{i}: {f} differs from English")
    t = r.get("turns")
    if not isinstance(t, list) or len(t) != 2 or not all(CYR.search(x or "") for x in t):
        err(f"conv ru #{i}: need two Cyrillic turns")

for a in ARTICLES:
    print(f"corpus {a}: {corpus[a]['words']} words, {len(corpus[a]['body'])} body blocks, "
          f"{len(corpus[a]['furniture'])} furniture blocks")

if errors:
    print(f"\nFAILED: {len(errors)} problem(s)")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("\nOK: all checks passed")
