#!/usr/bin/env python3
"""Checks for the TUNE28 part of the QA bank (run from anywhere)."""
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
ARTICLES = ["tune28_brief", "tune28_local", "tune28_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
# leading furniture blocks per article (title/headline, standfirst, byline / author line)
LEADING_FURNITURE = {"tune28_brief": 2, "tune28_local": 3, "tune28_other": 2}
ABBREV = ["No.", "p.m.", "a.m.", "Dr.", "Mr.", "Mrs.", "St."]

errors, warnings = [], []


def err(msg):
    errors.append(msg)


def read_text(name):
    try:
        return (HERE / name).read_text(encoding="utf-8")
    except OSError as exc:
        err(f"{name}: cannot read: {exc}")
        return ""


def load_yaml(name):
    path = HERE / name
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except Exception as exc:  # noqa: BLE001
        err(f"{name}: does not parse: {exc}")
        return None


def blocks_of(name):
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    furniture = set(range(LEADING_FURNITURE[name]))
    after_notes = False
    for i, b in enumerate(blocks):
        if after_notes:
            furniture.add(i)
            continue
        # section headings: a single short line with no sentence-final punctuation
        if "\n" not in b and len(b.split()) <= 12 and not re.search(r"[.!?\"”\]]$", b):
            furniture.add(i)
        if b == "Notes":
            after_notes = True
    body = [b for i, b in enumerate(blocks) if i not in furniture]
    furn = [b for i, b in enumerate(blocks) if i in furniture]
    return text, blocks, body, furn


def sentences(block):
    t = block
    for i, a in enumerate(ABBREV):
        t = t.replace(a, a.replace(".", f"\x00{i}\x00"))
    t = re.sub(r"([.!?][\"”\[\]\d]*)\s+(?=[A-Z\"“0-9\[])", "\\1\x01", t)
    parts = t.split("\x01")
    out = []
    for p in parts:
        for i, a in enumerate(ABBREV):
            p = p.replace(a.replace(".", f"\x00{i}\x00"), a)
        out.append(p)
    return out


CORP = {}
for a in ARTICLES:
    p = CORPUS / f"{a}.txt"
    if not p.exists():
        err(f"missing article {p}")
        continue
    text, blocks, body, furn = blocks_of(a)
    n = len(text.split())
    if not 600 <= n <= 900:
        err(f"{a}: {n} words, outside 600-900")
    CORP[a] = {"text": text, "body": body, "furn": furn,
               "sents": [s for b in body for s in sentences(b)], "words": n}


def check_expect(where, expect, article):
    if expect == "none":
        return
    if not isinstance(expect, list) or not expect:
        err(f"{where}: expect must be a non-empty list or none")
        return
    if article not in CORP:
        err(f"{where}: article {article!r} unknown but expect given")
        return
    c = CORP[article]
    for ph in expect:
        if not isinstance(ph, str):
            err(f"{where}: expect phrase not a string: {ph!r}")
            continue
        nw = len(ph.split())
        if not 4 <= nw <= 12:
            err(f"{where}: phrase has {nw} words (4-12): {ph!r}")
        if ph not in c["text"]:
            err(f"{where}: phrase not in {article}: {ph!r}")
            continue
        if not any(ph in s for s in c["sents"]):
            if any(ph in b for b in c["body"]):
                err(f"{where}: phrase spans sentences: {ph!r}")
            else:
                err(f"{where}: phrase only in furniture: {ph!r}")
        if any(ph in b for b in c["furn"]):
            err(f"{where}: phrase also occurs in a furniture block: {ph!r}")


def words(s):
    return re.findall(r"[a-z0-9']+", s.lower())


def copied_ngram(q, phrase, n=4):
    qw, pw = words(q), words(phrase)
    grams = {tuple(pw[i:i + n]) for i in range(len(pw) - n + 1)}
    return any(tuple(qw[i:i + n]) in grams for i in range(len(qw) - n + 1))


CYR = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")

# ---------------- questions.yaml ----------------
en = load_yaml("questions.yaml")
en_items = (en or {}).get("questions") or []
if not en_items:
    err("questions.yaml: no questions")
seen_q = set()
kind_count = Counter()
per_article = defaultdict(Counter)
for i, it in enumerate(en_items, 1):
    where = f"questions.yaml #{i}"
    if set(it) != {"q", "expect", "article", "kind", "type"}:
        err(f"{where}: fields {sorted(it)}")
        continue
    if it["q"] in seen_q:
        err(f"{where}: duplicate question {it['q']!r}")
    seen_q.add(it["q"])
    if it["kind"] not in KINDS:
        err(f"{where}: bad kind {it['kind']}")
    if it["type"] not in TYPES:
        err(f"{where}: bad type {it['type']}")
    kind_count[it["kind"]] += 1
    per_article[it["article"]][it["kind"]] += 1
    if it["kind"] in ("trap", "offtopic") and it["expect"] != "none":
        err(f"{where}: {it['kind']} must have expect none")
    if it["kind"] not in ("trap", "offtopic") and it["expect"] == "none":
        err(f"{where}: kind {it['kind']} but expect none")
    if it["kind"] == "offtopic" and it["article"] != "none":
        err(f"{where}: offtopic must have article none")
    if it["kind"] != "offtopic" and it["article"] not in ARTICLES:
        err(f"{where}: bad article {it['article']}")
    if it["kind"] == "yesno" and it["type"] != "yesno":
        err(f"{where}: yesno kind should have type yesno")
    check_expect(where, it["expect"], it["article"])
    if it["expect"] != "none" and it["kind"] != "terse":
        for ph in it["expect"]:
            if copied_ngram(it["q"], ph):
                warnings.append(f"{where}: question copies 4+ words of its answer: {it['q']!r}")

# ---------------- questions_ru.yaml ----------------
ru = load_yaml("questions_ru.yaml")
ru_items = (ru or {}).get("questions") or []
if len(ru_items) != len(en_items):
    err(f"questions_ru.yaml: {len(ru_items)} items vs {len(en_items)} in English")
for i, (e, r) in enumerate(zip(en_items, ru_items), 1):
    where = f"questions_ru.yaml #{i}"
    if set(r) != set(e):
        err(f"{where}: fields {sorted(r)}")
        continue
    for f in ("expect", "article", "kind", "type"):
        if r[f] != e[f]:
            err(f"{where}: {f} differs from English")
    if not CYR.search(r["q"]):
        err(f"{where}: no Cyrillic in {r['q']!r}")
ru_head = (read_text("questions_ru.yaml").splitlines() or [""])[0]
if not ru_head.startswith("# TUNE28 part of the QA bank (Russian questions)"):
    err("questions_ru.yaml: header comment missing")

# ---------------- questions_kk.yaml ----------------
kk = load_yaml("questions_kk.yaml")
kk_items = (kk or {}).get("questions") or []
kk_lines = read_text("questions_kk.yaml").splitlines()
kk_refs = []
for j, line in enumerate(kk_lines):
    if line.strip().startswith("- {q:"):
        prev = kk_lines[j - 1].strip()
        m = re.match(r"# EN #(\d+): (.+)$", prev)
        if not m:
            err(f"questions_kk.yaml line {j + 1}: no '# EN #n: ...' comment above")
            kk_refs.append(None)
        else:
            kk_refs.append((int(m.group(1)), m.group(2)))
if len(kk_items) != 25:
    err(f"questions_kk.yaml: {len(kk_items)} items, want 25")
if len(kk_refs) != len(kk_items):
    err("questions_kk.yaml: item/comment count mismatch")
kk_traps, kk_arts = 0, Counter()
for i, (it, ref) in enumerate(zip(kk_items, kk_refs), 1):
    where = f"questions_kk.yaml #{i}"
    if ref is None:
        continue
    n, qtext = ref
    if not 1 <= n <= len(en_items):
        err(f"{where}: EN #{n} out of range")
        continue
    e = en_items[n - 1]
    if qtext.strip() != e["q"]:
        err(f"{where}: comment text differs from EN #{n}: {qtext!r} vs {e['q']!r}")
    for f in ("expect", "article", "kind", "type"):
        if it.get(f) != e[f]:
            err(f"{where}: {f} differs from EN #{n}")
    if not CYR.search(it.get("q", "")):
        err(f"{where}: no Cyrillic")
    kk_traps += it.get("kind") == "trap"
    kk_arts[it.get("article")] += 1
if kk_traps < 8:
    err(f"questions_kk.yaml: {kk_traps} traps, want >= 8")
for a in ARTICLES:
    if kk_arts[a] < 5:
        err(f"questions_kk.yaml: only {kk_arts[a]} items for {a}")

# ---------------- conversations ----------------
conv = load_yaml("conversations.yaml")
conv_items = (conv or {}).get("conversations") or []
conv_ru = load_yaml("conversations_ru.yaml")
conv_ru_items = (conv_ru or {}).get("conversations") or []
conv_art = Counter()
conv_none = Counter()
for i, c in enumerate(conv_items, 1):
    where = f"conversations.yaml #{i}"
    if set(c) != {"turns", "expect", "article"}:
        err(f"{where}: fields {sorted(c)}")
        continue
    if not (isinstance(c["turns"], list) and len(c["turns"]) == 2):
        err(f"{where}: need exactly two turns")
    if c["article"] not in ARTICLES:
        err(f"{where}: bad article")
    conv_art[c["article"]] += 1
    conv_none[c["article"]] += c["expect"] == "none"
    check_expect(where, c["expect"], c["article"])
if len(conv_items) != 36:
    err(f"conversations.yaml: {len(conv_items)} conversations, want 36")
for a in ARTICLES:
    if conv_art[a] != 12:
        err(f"conversations.yaml: {conv_art[a]} for {a}, want 12")
total_none = sum(conv_none.values())
if total_none != 12:
    err(f"conversations.yaml: {total_none} with expect none, want 12 (a third)")
if len(conv_ru_items) != len(conv_items):
    err(f"conversations_ru.yaml: {len(conv_ru_items)} vs {len(conv_items)}")
for i, (c, r) in enumerate(zip(conv_items, conv_ru_items), 1):
    where = f"conversations_ru.yaml #{i}"
    if set(r) != set(c):
        err(f"{where}: fields {sorted(r)}")
        continue
    for f in ("expect", "article"):
        if r[f] != c[f]:
            err(f"{where}: {f} differs from English")
    if not (isinstance(r["turns"], list) and len(r["turns"]) == 2):
        err(f"{where}: need exactly two turns")
    elif not all(CYR.search(t) for t in r["turns"]):
        err(f"{where}: a turn has no Cyrillic")

# ---------------- report ----------------
print("articles:", ", ".join(f"{a} ({CORP[a]['words']} words)" for a in CORP))
print(f"questions: {len(en_items)}  kinds: {dict(sorted(kind_count.items()))}")
for a in ARTICLES + ["none"]:
    cnt = per_article[a]
    tot = sum(cnt.values())
    if a == "none":
        print(f"  offtopic (article none): {tot}")
        continue
    share = cnt["trap"] / tot if tot else 0
    print(f"  {a}: {tot} questions, {cnt['trap']} traps ({share:.0%}), kinds {dict(sorted(cnt.items()))}")
    if share < 0.40:
        err(f"{a}: trap share {share:.0%} < 40%")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if cnt[k] == 0:
            err(f"{a}: no questions of kind {k}")
print(f"questions_ru: {len(ru_items)}")
print(f"questions_kk: {len(kk_items)} ({kk_traps} traps; per article {dict(kk_arts)})")
print(f"conversations: {len(conv_items)} (per article {dict(conv_art)}; expect none {total_none} = "
      f"{total_none / max(len(conv_items), 1):.0%}); conversations_ru: {len(conv_ru_items)}")
for w in warnings:
    print("WARNING:", w)
if errors:
    print(f"FAILED: {len(errors)} error(s)")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("OK: all checks passed")
