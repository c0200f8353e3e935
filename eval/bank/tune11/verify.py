#!/usr/bin/env python3
"""Checks the TUNE11 part of the QA bank in this directory.

Run: python verify.py   (exit code 0 = all checks passed; warnings do not fail)
"""
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
ARTICLES = ["tune11_transcript", "tune11_agencies", "tune11_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
FIELDS = {"q", "expect", "article", "kind", "type"}

errors, warnings = [], []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


# ---------------------------------------------------------------- corpus
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+, [A-Z][a-z]{2,8}\.? \d{1,2} \([A-Za-z]+\) - ")
DATE_LINE = re.compile(r"^[A-Z][A-Za-z .'-]+, \d{1,2} [A-Z][a-z]+ \d{4}$")
ABBREV = ["U.S.", "U.K.", "a.m.", "p.m.", "Jan.", "Feb.", "Dr.", "No.", "St.", "Mr.", "Mrs.", "Ms."]


def split_sentences(text):
    protected = text
    for i, a in enumerate(ABBREV):
        protected = protected.replace(a, a.replace(".", "\x00"))
    parts = re.split(r'(?<=[.!?])(?<!\x00)["”]?\s+(?=["“]?[A-Z0-9])', protected)
    # re.split drops a closing quote that follows the full stop; re-find sentences by position
    out, pos = [], 0
    for p in parts:
        p = p.replace("\x00", ".")
        idx = text.find(p, pos)
        if idx < 0:
            out.append(p)
            continue
        out.append(p)
        pos = idx + len(p)
    return out


def load_article(name):
    path = CORPUS / f"{name}.txt"
    raw = path.read_text(encoding="utf-8")
    words = len(raw.split())
    if not 600 <= words <= 900:
        err(f"{name}: {words} words (want 600-900)")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", raw.strip()) if b.strip()]
    body, furniture = [], []
    for i, b in enumerate(blocks):
        kind = None
        if i == 0:
            kind = "headline"
        elif i == 1:
            kind = "standfirst/intro"
        elif b.startswith("Q:"):
            kind = "interviewer question"
        elif re.match(r"^By [A-Z]", b) and len(b.split()) <= 8:
            kind = "byline"
        elif DATE_LINE.match(b):
            kind = "date line"
        elif b.startswith("Reporting by") or "Editing by" in b or b.startswith("Compiled by"):
            kind = "credit line"
        if kind:
            furniture.append((kind, b))
            continue
        text = b
        if text.startswith("A:"):
            text = text[2:].strip()
        m = DATELINE.match(text)
        if m:
            furniture.append(("dateline", m.group(0)))
            text = text[m.end():]
        body.append(text)
    sentences = [s for blk in body for s in split_sentences(blk)]
    return {"raw": raw, "words": words, "blocks": blocks, "body": body,
            "furniture": furniture, "sentences": sentences}


arts = {}
for a in ARTICLES:
    try:
        arts[a] = load_article(a)
    except FileNotFoundError:
        err(f"missing corpus/{a}.txt")

# style checks on the articles themselves
if "tune11_transcript" in arts:
    t = arts["tune11_transcript"]
    rest = t["blocks"][2:]
    bad = [b[:40] for b in rest if not (b.startswith("Q:") or b.startswith("A:"))]
    if bad:
        err(f"tune11_transcript: blocks after the intro not starting Q:/A:: {bad}")
    if not any(re.search(r"\b(I|we|our)\b", b) for b in t["body"]):
        err("tune11_transcript: answers are not in the first person")
if "tune11_agencies" in arts:
    ag = arts["tune11_agencies"]
    if not DATELINE.match(ag["blocks"][2]):
        err("tune11_agencies: first body paragraph does not open with a dateline")
    if not any(k == "credit line" for k, _ in ag["furniture"]):
        err("tune11_agencies: no credit line at the end")


def check_phrase(where, phrase, article):
    if not isinstance(phrase, str):
        err(f"{where}: expect phrase is not a string: {phrase!r}")
        return
    n = len(phrase.split())
    if not 4 <= n <= 12:
        err(f"{where}: phrase has {n} words (want 4-12): {phrase!r}")
    if article not in arts:
        err(f"{where}: unknown article {article!r}")
        return
    A = arts[article]
    in_body = any(phrase in b for b in A["body"])
    in_furn = [k for k, f in A["furniture"] if phrase in f]
    if not in_body:
        if in_furn:
            err(f"{where}: phrase only in furniture ({', '.join(in_furn)}): {phrase!r}")
        elif phrase in A["raw"]:
            err(f"{where}: phrase spans blocks or touches the dateline: {phrase!r}")
        else:
            err(f"{where}: phrase not found verbatim in {article}: {phrase!r}")
        return
    if in_furn:
        warn(f"{where}: phrase also occurs in furniture ({', '.join(in_furn)}): {phrase!r}")
    if not any(phrase in s for s in A["sentences"]):
        err(f"{where}: phrase is not inside a single sentence: {phrase!r}")
    others = [o for o in arts if o != article and phrase in arts[o]["raw"]]
    if others:
        warn(f"{where}: phrase also occurs in {others}: {phrase!r}")


def words_of(s):
    return re.findall(r"[a-z0-9']+", s.lower())


def shared_ngram(q, phrase, n=4):
    qw, pw = words_of(q), words_of(phrase)
    qg = {tuple(qw[i:i + n]) for i in range(len(qw) - n + 1)}
    return any(tuple(pw[i:i + n]) in qg for i in range(len(pw) - n + 1))


CYR = re.compile(r"[А-Яа-яЁё]")
KK_LETTERS = re.compile(r"[ӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def load_yaml(name):
    path = HERE / name
    try:
        text = path.read_text(encoding="utf-8")
        return yaml.safe_load(text), text
    except FileNotFoundError:
        err(f"missing {name}")
    except yaml.YAMLError as e:
        err(f"{name}: YAML error: {e}")
    return None, ""


def check_item(where, it):
    if not isinstance(it, dict):
        err(f"{where}: not a mapping")
        return False
    if set(it) != FIELDS:
        err(f"{where}: fields {sorted(it)} (want {sorted(FIELDS)})")
        return False
    if it["kind"] not in KINDS:
        err(f"{where}: bad kind {it['kind']!r}")
    if it["type"] not in TYPES:
        err(f"{where}: bad type {it['type']!r}")
    if not isinstance(it["q"], str) or not it["q"].strip():
        err(f"{where}: empty question")
    art, exp, kind = it["article"], it["expect"], it["kind"]
    if kind == "offtopic":
        if art != "none" or exp != "none":
            err(f"{where}: offtopic item must have article: none and expect: none")
        return True
    if art not in ARTICLES:
        err(f"{where}: article {art!r} not one of {ARTICLES}")
        return True
    if kind == "trap":
        if exp != "none":
            err(f"{where}: trap must have expect: none")
        return True
    if not isinstance(exp, list) or not exp:
        err(f"{where}: answerable item needs a non-empty expect list")
        return True
    for p in exp:
        check_phrase(where, p, art)
    return True


# ---------------------------------------------------------------- questions (en)
report = []
en_doc, _ = load_yaml("questions.yaml")
en = (en_doc or {}).get("questions") or []
for i, it in enumerate(en, 1):
    check_item(f"questions.yaml #{i}", it)
    if isinstance(it, dict) and isinstance(it.get("expect"), list) and it.get("kind") != "terse":
        for p in it["expect"]:
            if shared_ngram(it.get("q", ""), p):
                warn(f"questions.yaml #{i}: question copies 4+ words of the answer sentence: {it['q']!r}")

en_ok = [it for it in en if isinstance(it, dict) and set(it) == FIELDS]
report.append(f"questions.yaml: {len(en)} items")
if not 110 <= len(en) <= 130:
    err(f"questions.yaml: {len(en)} items (want about 120)")
report.append("  by kind: " + ", ".join(f"{k}={v}" for k, v in sorted(Counter(it['kind'] for it in en_ok).items())))
report.append("  by type: " + ", ".join(f"{k}={v}" for k, v in sorted(Counter(it['type'] for it in en_ok).items())))
for a in ARTICLES:
    items = [it for it in en_ok if it["article"] == a]
    traps = sum(it["kind"] == "trap" for it in items)
    share = traps / len(items) if items else 0
    kinds = Counter(it["kind"] for it in items)
    report.append(f"  {a}: {len(items)} questions, {traps} traps ({share:.0%}); "
                  + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    if not 30 <= len(items) <= 40:
        err(f"{a}: {len(items)} questions (want about 35)")
    if share < 0.40:
        err(f"{a}: trap share {share:.0%} < 40%")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if kinds[k] == 0:
            err(f"{a}: no questions of kind {k}")
    # names and numbers in a trap must come from the article (traps must look answerable)
    raw = arts[a]["raw"] if a in arts else ""
    for it in items:
        if it["kind"] != "trap":
            continue
        toks = re.findall(r"[A-Za-z][\w'-]*|\d[\d,.]*", it["q"])[1:]
        names = [w for w in toks if (w[0].isupper() or w[0].isdigit()) and w.rstrip("'s").rstrip("'") not in raw]
        if names:
            warn(f"{a} trap {it['q']!r}: names/numbers not in the article: {names}")
off = [it for it in en_ok if it["kind"] == "offtopic"]
report.append(f"  offtopic: {len(off)}")
if not 8 <= len(off) <= 12:
    err(f"offtopic: {len(off)} (want about 10)")

# ---------------------------------------------------------------- questions (ru)
ru_doc, ru_text = load_yaml("questions_ru.yaml")
ru = (ru_doc or {}).get("questions") or []
report.append(f"questions_ru.yaml: {len(ru)} items")
if not ru_text.lstrip().startswith("# TUNE11 part of the QA bank (Russian questions)"):
    err("questions_ru.yaml: header comment missing")
if len(ru) != len(en):
    err(f"questions_ru.yaml: {len(ru)} items, questions.yaml has {len(en)}")
for i, (e, r) in enumerate(zip(en, ru), 1):
    if not check_item(f"questions_ru.yaml #{i}", r):
        continue
    for f in ("expect", "article", "kind", "type"):
        if r.get(f) != e.get(f):
            err(f"questions_ru.yaml #{i}: {f} differs from English ({r.get(f)!r} vs {e.get(f)!r})")
    if not CYR.search(r["q"]):
        err(f"questions_ru.yaml #{i}: question has no Cyrillic: {r['q']!r}")
    if r["q"].strip().lower() == e["q"].strip().lower():
        err(f"questions_ru.yaml #{i}: question identical to English")

# ---------------------------------------------------------------- questions (kk)
kk_doc, kk_text = load_yaml("questions_kk.yaml")
kk = (kk_doc or {}).get("questions") or []
report.append(f"questions_kk.yaml: {len(kk)} items")
refs = re.findall(r"^\s*# EN #(\d+): (.*)$", kk_text, flags=re.M)
item_lines = [ln for ln in kk_text.splitlines() if ln.strip().startswith("- {")]
lines = kk_text.splitlines()
for j, ln in enumerate(lines):
    if ln.strip().startswith("- {") and not (j > 0 and lines[j - 1].strip().startswith("# EN #")):
        err(f"questions_kk.yaml line {j + 1}: item without an '# EN #<n>:' comment above it")
if len(refs) != len(kk):
    err(f"questions_kk.yaml: {len(refs)} '# EN #' comments for {len(kk)} items")
if len(kk) != 25:
    err(f"questions_kk.yaml: {len(kk)} items (want 25)")
kk_arts, kk_traps, seen = Counter(), 0, set()
for j, (it, (n, en_q)) in enumerate(zip(kk, refs), 1):
    n = int(n)
    if not check_item(f"questions_kk.yaml #{j}", it):
        continue
    if not 1 <= n <= len(en):
        err(f"questions_kk.yaml #{j}: EN #{n} out of range")
        continue
    if n in seen:
        err(f"questions_kk.yaml #{j}: EN #{n} used twice")
    seen.add(n)
    e = en[n - 1]
    if en_q.strip() != e["q"]:
        err(f"questions_kk.yaml #{j}: comment text {en_q!r} != EN #{n} {e['q']!r}")
    for f in ("expect", "article", "kind", "type"):
        if it.get(f) != e.get(f):
            err(f"questions_kk.yaml #{j}: {f} differs from EN #{n}")
    if not CYR.search(it["q"]):
        err(f"questions_kk.yaml #{j}: no Cyrillic")
    kk_arts[it["article"]] += 1
    kk_traps += it["kind"] == "trap"
kk_specific = sum(bool(KK_LETTERS.search(it["q"])) for it in kk if isinstance(it, dict) and "q" in it)
report.append(f"  per article: {dict(kk_arts)}; traps: {kk_traps}; with Kazakh-specific letters: {kk_specific}")
if kk_traps < 8:
    err(f"questions_kk.yaml: {kk_traps} traps (want 8)")
for a in ARTICLES:
    if kk_arts[a] < 6:
        err(f"questions_kk.yaml: only {kk_arts[a]} items for {a}")
if kk_specific < 20:
    warn(f"questions_kk.yaml: only {kk_specific} questions use Kazakh-specific letters")


# ---------------------------------------------------------------- conversations
def check_convs(name, ref=None):
    doc, _ = load_yaml(name)
    convs = (doc or {}).get("conversations") or []
    per, nones = Counter(), 0
    for i, c in enumerate(convs, 1):
        where = f"{name} #{i}"
        if not isinstance(c, dict) or set(c) != {"turns", "expect", "article"}:
            err(f"{where}: needs exactly turns/expect/article")
            continue
        t = c["turns"]
        if not (isinstance(t, list) and len(t) == 2 and all(isinstance(x, str) and x.strip() for x in t)):
            err(f"{where}: turns must be two non-empty strings")
        if c["article"] not in ARTICLES:
            err(f"{where}: bad article {c['article']!r}")
            continue
        per[c["article"]] += 1
        if c["expect"] == "none":
            nones += 1
        elif isinstance(c["expect"], list) and c["expect"]:
            for p in c["expect"]:
                check_phrase(where, p, c["article"])
        else:
            err(f"{where}: expect must be a list or none")
        if ref is not None:
            if i <= len(ref):
                for f in ("expect", "article"):
                    if c.get(f) != ref[i - 1].get(f):
                        err(f"{where}: {f} differs from English")
            if isinstance(t, list) and not all(CYR.search(x) for x in t):
                err(f"{where}: turn without Cyrillic")
    report.append(f"{name}: {len(convs)} conversations, per article {dict(per)}, "
                  f"expect none: {nones} ({nones / max(len(convs), 1):.0%})")
    if len(convs) != 36:
        err(f"{name}: {len(convs)} conversations (want 36)")
    for a in ARTICLES:
        if per[a] != 12:
            err(f"{name}: {per[a]} conversations for {a} (want 12)")
    if nones != 12:
        err(f"{name}: {nones} with expect none (want 12, a third)")
    if ref is not None and len(convs) != len(ref):
        err(f"{name}: {len(convs)} conversations vs {len(ref)} in English")
    return convs


conv_en = check_convs("conversations.yaml")
check_convs("conversations_ru.yaml", conv_en)

# ---------------------------------------------------------------- report
for a in ARTICLES:
    if a in arts:
        report.insert(0, f"corpus/{a}.txt: {arts[a]['words']} words, {len(arts[a]['body'])} body blocks, "
                         f"{len(arts[a]['furniture'])} furniture blocks, {len(arts[a]['sentences'])} body sentences")
print("\n".join(report))
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print(f"\n{'FAILED' if errors else 'PASSED'}: {len(errors)} errors, {len(warnings)} warnings")
sys.exit(1 if errors else 0)
