#!/usr/bin/env python3
"""Check the TUNE20 part of the QA bank (files in this directory)."""
import collections
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune20_trial", "tune20_rights", "tune20_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
# Furniture: the leading blocks (headline, standfirst, dateline / author line) of each article,
# plus any section-heading block (a single short line with no sentence punctuation).
LEADING_FURNITURE = {"tune20_trial": 3, "tune20_rights": 2, "tune20_other": 3}
CYR = re.compile(r"[\u0400-\u04FF]")
KK_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")

errors = []
notes = []


def err(msg):
    errors.append(msg)


def load(name):
    path = os.path.join(HERE, name)
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except OSError as e:
        err(f"{name}: cannot read: {e}")
        return None
    except yaml.YAMLError as e:
        err(f"{name}: does not parse: {e}")
        return None


def read_text(name):
    try:
        with open(os.path.join(HERE, name), encoding="utf-8") as f:
            return f.read()
    except OSError as e:
        err(f"{name}: cannot read: {e}")
        return ""


def is_heading(block):
    lines = block.strip().splitlines()
    return len(lines) == 1 and len(lines[0].split()) <= 5 and not re.search(r"[.!?:;]$", lines[0].strip())


def split_sentences(block):
    out = []
    for line in block.splitlines():
        line = line.strip()
        if not line:
            continue
        line = re.sub(r"^(\d+\.|-)\s+", "", line)  # list markers are not part of the text
        parts = re.split(r'(?<=[.!?])\s+(?=["\u201cA-Z0-9])|(?<=[.!?]["\u201d])\s+(?=["\u201cA-Z0-9])', line)
        out.extend(p.strip() for p in parts if p.strip())
    return out


# ---------------------------------------------------------------- corpus
texts, body_sents, furniture = {}, {}, {}
for a in ARTICLES:
    p = os.path.join(CORPUS, a + ".txt")
    if not os.path.exists(p):
        err(f"missing article {p}")
        continue
    with open(p, encoding="utf-8") as f:
        t = f.read()
    texts[a] = t
    blocks = [b.strip() for b in re.split(r"\n\s*\n", t) if b.strip()]
    furn = [b for i, b in enumerate(blocks) if i < LEADING_FURNITURE[a] or is_heading(b)]
    body = [b for i, b in enumerate(blocks) if not (i < LEADING_FURNITURE[a] or is_heading(b))]
    furniture[a] = furn
    body_sents[a] = [s for b in body for s in split_sentences(b)]
    n = len(t.split())
    if not 600 <= n <= 900:
        err(f"{a}: {n} words (want 600-900)")
    notes.append(f"{a}: {n} words, {len(blocks)} blocks ({len(furn)} furniture), {len(body_sents[a])} body sentences")


def check_expect(where, expect, article):
    if expect == "none":
        return
    if not isinstance(expect, list) or not expect:
        err(f"{where}: expect must be a non-empty list or none")
        return
    if article not in texts:
        err(f"{where}: article {article!r} unknown but expect given")
        return
    for ph in expect:
        if not isinstance(ph, str):
            err(f"{where}: expect item not a string: {ph!r}")
            continue
        nw = len(ph.split())
        if not 4 <= nw <= 12:
            err(f"{where}: phrase has {nw} words (want 4-12): {ph!r}")
        if ph not in texts[article]:
            err(f"{where}: phrase not verbatim in {article}: {ph!r}")
            continue
        if any(ph in b for b in furniture[article]):
            err(f"{where}: phrase occurs in a furniture block: {ph!r}")
        hits = [s for s in body_sents[article] if ph in s]
        if not hits:
            err(f"{where}: phrase not inside a single body sentence: {ph!r}")


# ---------------------------------------------------------------- questions
en_doc = load("questions.yaml")
en = (en_doc or {}).get("questions") or []
if not en:
    err("questions.yaml: no questions")
for i, it in enumerate(en, 1):
    w = f"questions.yaml #{i}"
    if set(it) != {"q", "expect", "article", "kind", "type"}:
        err(f"{w}: fields {sorted(it)}")
        continue
    if it["kind"] not in KINDS:
        err(f"{w}: bad kind {it['kind']}")
    if it["type"] not in TYPES:
        err(f"{w}: bad type {it['type']}")
    if it["article"] not in ARTICLES + ["none"]:
        err(f"{w}: bad article {it['article']}")
    if it["kind"] in ("trap", "offtopic") and it["expect"] != "none":
        err(f"{w}: {it['kind']} must have expect none")
    if it["kind"] not in ("trap", "offtopic") and it["expect"] == "none":
        err(f"{w}: kind {it['kind']} needs an expect phrase")
    if (it["kind"] == "offtopic") != (it["article"] == "none"):
        err(f"{w}: offtopic <-> article none mismatch")
    if it["kind"] == "yesno" and it["type"] != "yesno":
        err(f"{w}: yesno kind should have type yesno")
    check_expect(w, it["expect"], it["article"])

qs = [it["q"].strip().lower() for it in en]
dups = [q for q, c in collections.Counter(qs).items() if c > 1]
if dups:
    err(f"questions.yaml: duplicate questions {dups}")

per = collections.defaultdict(collections.Counter)
for it in en:
    per[it["article"]][it["kind"]] += 1
kind_lines = []
for a in ARTICLES + ["none"]:
    c = per[a]
    tot = sum(c.values())
    if a != "none":
        share = c["trap"] / tot if tot else 0
        kind_lines.append(f"  {a}: {tot} questions, " + ", ".join(f"{k}={c[k]}" for k in sorted(c)) + f"; traps {share:.0%}")
        if share < 0.40:
            err(f"{a}: trap share {share:.0%} < 40%")
        if not 30 <= tot <= 42:
            err(f"{a}: {tot} questions (want about 35)")
        for k in ("own", "paraphrase", "terse", "typo", "yesno", "trap"):
            if c[k] == 0:
                err(f"{a}: no questions of kind {k}")
    else:
        kind_lines.append(f"  offtopic: {tot}")
        if not 8 <= tot <= 12:
            err(f"offtopic count {tot} (want about 10)")
if not 110 <= len(en) <= 135:
    err(f"questions.yaml: {len(en)} items (want about 120)")

# ---------------------------------------------------------------- Russian
ru_doc = load("questions_ru.yaml")
ru = (ru_doc or {}).get("questions") or []
if not read_text("questions_ru.yaml").startswith("# TUNE20 part of the QA bank (Russian questions)"):
    err("questions_ru.yaml: header comment missing")
if len(ru) != len(en):
    err(f"questions_ru.yaml: {len(ru)} items, en has {len(en)}")
for i, (e, r) in enumerate(zip(en, ru), 1):
    if set(r) != set(e):
        err(f"ru #{i}: fields differ")
        continue
    for k in ("expect", "article", "kind", "type"):
        if r[k] != e[k]:
            err(f"ru #{i}: {k} differs from en ({r[k]!r} vs {e[k]!r})")
    if not CYR.search(r["q"]):
        err(f"ru #{i}: question has no Cyrillic: {r['q']!r}")
rq = [r["q"].strip().lower() for r in ru]
if len(set(rq)) != len(rq):
    err("questions_ru.yaml: duplicate questions")

# ---------------------------------------------------------------- Kazakh
kk_doc = load("questions_kk.yaml")
kk = (kk_doc or {}).get("questions") or []
kk_lines = read_text("questions_kk.yaml").splitlines()
refs = []
for j, line in enumerate(kk_lines):
    if line.strip().startswith("- {"):
        prev = kk_lines[j - 1].strip() if j else ""
        m = re.match(r"# EN #(\d+): (.+)$", prev)
        if not m:
            err(f"questions_kk.yaml line {j + 1}: no '# EN #<n>: ...' comment above item")
            refs.append(None)
        else:
            refs.append((int(m.group(1)), m.group(2)))
if len(kk) != 25:
    err(f"questions_kk.yaml: {len(kk)} items (want 25)")
if len(refs) != len(kk):
    err("questions_kk.yaml: item/comment count mismatch")
kk_arts = collections.Counter()
kk_traps = 0
for i, (k, ref) in enumerate(zip(kk, refs), 1):
    if ref is None:
        continue
    n, qtext = ref
    if not 1 <= n <= len(en):
        err(f"kk #{i}: EN #{n} out of range")
        continue
    e = en[n - 1]
    if qtext != e["q"]:
        err(f"kk #{i}: comment text differs from EN #{n}: {qtext!r} vs {e['q']!r}")
    for f_ in ("expect", "article", "kind", "type"):
        if k.get(f_) != e[f_]:
            err(f"kk #{i}: {f_} differs from EN #{n}")
    if not CYR.search(k.get("q", "")):
        err(f"kk #{i}: no Cyrillic")
    kk_arts[e["article"]] += 1
    kk_traps += e["kind"] == "trap"
kk_specific = sum(1 for k in kk if KK_LETTERS.search(k.get("q", "")))
if kk_traps < 8:
    err(f"questions_kk.yaml: {kk_traps} traps (want >= 8)")
for a in ARTICLES:
    if kk_arts[a] < 5:
        err(f"questions_kk.yaml: only {kk_arts[a]} items for {a}")
if kk_specific < 20:
    err(f"questions_kk.yaml: only {kk_specific} items use Kazakh-specific letters")

# ---------------------------------------------------------------- conversations
conv = ((load("conversations.yaml") or {}).get("conversations")) or []
conv_ru = ((load("conversations_ru.yaml") or {}).get("conversations")) or []
if len(conv) != 36:
    err(f"conversations.yaml: {len(conv)} conversations (want 36)")
conv_arts = collections.Counter(c.get("article") for c in conv)
for a in ARTICLES:
    if conv_arts[a] != 12:
        err(f"conversations.yaml: {conv_arts[a]} for {a} (want 12)")
none_n = 0
for i, c in enumerate(conv, 1):
    w = f"conversations.yaml #{i}"
    if set(c) != {"turns", "expect", "article"}:
        err(f"{w}: fields {sorted(c)}")
        continue
    if not (isinstance(c["turns"], list) and len(c["turns"]) == 2):
        err(f"{w}: needs exactly two turns")
    if c["article"] not in ARTICLES:
        err(f"{w}: bad article")
    none_n += c["expect"] == "none"
    check_expect(w, c["expect"], c["article"])
if conv and none_n != len(conv) // 3:
    err(f"conversations.yaml: {none_n} with expect none (want a third = {len(conv) // 3})")
if len(conv_ru) != len(conv):
    err(f"conversations_ru.yaml: {len(conv_ru)} conversations, en has {len(conv)}")
for i, (e, r) in enumerate(zip(conv, conv_ru), 1):
    if r.get("expect") != e.get("expect") or r.get("article") != e.get("article"):
        err(f"conversations_ru #{i}: expect/article differ from en")
    t = r.get("turns")
    if not (isinstance(t, list) and len(t) == 2 and all(CYR.search(x) for x in t)):
        err(f"conversations_ru #{i}: needs two Cyrillic turns")

# ---------------------------------------------------------------- report
print("corpus:")
for n in notes:
    print("  " + n)
print(f"questions.yaml: {len(en)} items")
print("\n".join(kind_lines))
print(f"questions_ru.yaml: {len(ru)} items")
print(f"questions_kk.yaml: {len(kk)} items, traps={kk_traps}, per article={dict(kk_arts)}")
print(f"conversations.yaml: {len(conv)} ({dict(conv_arts)}), expect none: {none_n} ({none_n / max(len(conv), 1):.0%})")
print(f"conversations_ru.yaml: {len(conv_ru)}")
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
