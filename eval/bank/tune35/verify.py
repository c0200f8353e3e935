"""Checks for part 35 of the QA bank (run with /work/main/.venv/bin/python verify.py)."""
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
ARTICLES = ["tune35_glossary", "tune35_comparison", "tune35_other"]
# number of leading furniture blocks (title/headline, standfirst, byline/dateline)
LEADING_FURNITURE = {"tune35_glossary": 1, "tune35_comparison": 3, "tune35_other": 3}
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}

errors, warnings = [], []


def err(msg):
    errors.append(msg)


def is_term_line(block):
    # glossary term: one short line without sentence punctuation at the end
    return "\n" not in block and len(block.split()) <= 5 and not block.rstrip().endswith((".", "!", "?"))


def load_article(name):
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    furniture, body = [], []
    for i, b in enumerate(blocks):
        if i < LEADING_FURNITURE[name] or (name == "tune35_glossary" and is_term_line(b)):
            furniture.append(b)
        else:
            body.append(b)
    sentences = []
    for b in body:
        sentences += [s.strip() for s in re.split(r"(?:(?<=[.!?])|(?<=[.!?]['’\"]))\s+(?=['‘\"(]?[A-Z0-9])", b) if s.strip()]
    return text, blocks, furniture, body, sentences


art = {a: load_article(a) for a in ARTICLES}

# ---------- articles ----------
print("== articles")
for a, (text, blocks, furn, body, sents) in art.items():
    words = len(text.split())
    print(f"  {a}: {words} words, {len(blocks)} blocks ({len(furn)} furniture), {len(sents)} body sentences")
    if not 600 <= words <= 900:
        err(f"{a}: {words} words, expected 600-900")
    try:
        text.encode("utf-8")
    except UnicodeError:
        err(f"{a}: not UTF-8")
glos_terms = [b for b in art["tune35_glossary"][2][1:]]
print(f"  glossary entries: {len(glos_terms)}")
if not 15 <= len(glos_terms) <= 20:
    err(f"glossary has {len(glos_terms)} entries, expected 15-20")


def check_phrase(where, phrase, article):
    if article not in art:
        err(f"{where}: unknown article {article!r}")
        return
    text, blocks, furn, body, sents = art[article]
    n = len(phrase.split())
    if not 4 <= n <= 12:
        err(f"{where}: phrase has {n} words (4-12): {phrase!r}")
    if phrase not in text:
        err(f"{where}: phrase not in {article}: {phrase!r}")
        return
    if any(phrase in b for b in furn):
        err(f"{where}: phrase occurs in a furniture block: {phrase!r}")
    hits = [s for s in sents if phrase in s]
    if not hits:
        err(f"{where}: phrase not inside one body sentence: {phrase!r}")
    return hits


def overlap(q, sent):
    """longest run of consecutive words shared by question and sentence"""
    tok = lambda s: re.findall(r"[a-z0-9']+", s.lower())
    a, b = tok(q), tok(sent)
    best = 0
    for i in range(len(a)):
        for j in range(len(b)):
            k = 0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            best = max(best, k)
    return best


def check_item(where, it, is_en=True):
    for f in ("q", "expect", "article", "kind", "type"):
        if f not in it:
            err(f"{where}: missing field {f}")
            return
    if it["kind"] not in KINDS:
        err(f"{where}: bad kind {it['kind']}")
    if it["type"] not in TYPES:
        err(f"{where}: bad type {it['type']}")
    e = it["expect"]
    if it["kind"] in ("trap", "offtopic"):
        if e != "none":
            err(f"{where}: {it['kind']} must have expect: none")
    else:
        if not isinstance(e, list) or not e:
            err(f"{where}: answerable item needs a list of phrases")
            return
    if it["kind"] == "offtopic" and it["article"] != "none":
        err(f"{where}: offtopic item must have article: none")
    if it["kind"] != "offtopic" and it["article"] not in ARTICLES:
        err(f"{where}: bad article {it['article']}")
    if isinstance(e, list):
        for p in e:
            hits = check_phrase(where, p, it["article"])
            if is_en and hits and it["kind"] not in ("terse",):
                ov = max(overlap(it["q"], s) for s in hits)
                if ov >= 4:
                    warnings.append(f"{where}: question shares {ov} consecutive words with its sentence")


# ---------- questions ----------
print("== questions.yaml")
en = yaml.safe_load((HERE / "questions.yaml").read_text(encoding="utf-8"))["questions"]
for i, it in enumerate(en, 1):
    check_item(f"en #{i}", it)
qs = [it["q"] for it in en]
for q, c in Counter(qs).items():
    if c > 1:
        err(f"duplicate English question: {q!r}")
print(f"  items: {len(en)}")
print("  kinds:", dict(Counter(it["kind"] for it in en)))
print("  types:", dict(Counter(it["type"] for it in en)))
per = defaultdict(Counter)
for it in en:
    per[it["article"]][it["kind"]] += 1
for a in ARTICLES + ["none"]:
    c = per[a]
    tot = sum(c.values())
    share = c["trap"] / tot if tot else 0
    line = f"  {a}: {tot} items, traps {c['trap']} ({share:.0%}), " + ", ".join(f"{k} {v}" for k, v in sorted(c.items()) if k != "trap")
    print(line)
    if a != "none":
        if share < 0.40:
            err(f"{a}: trap share {share:.0%} < 40%")
        for k in ("own", "paraphrase", "terse", "typo", "yesno"):
            if c[k] == 0:
                err(f"{a}: no {k} questions")
if per["none"]["offtopic"] < 8:
    err("fewer than 8 offtopic items")

# ---------- russian ----------
print("== questions_ru.yaml")
ru = yaml.safe_load((HERE / "questions_ru.yaml").read_text(encoding="utf-8"))["questions"]
print(f"  items: {len(ru)}")
if len(ru) != len(en):
    err(f"ru has {len(ru)} items, en has {len(en)}")
for i, (a, b) in enumerate(zip(en, ru), 1):
    for f in ("expect", "article", "kind", "type"):
        if a.get(f) != b.get(f):
            err(f"ru #{i}: field {f} differs from en")
    if set(a) != set(b):
        err(f"ru #{i}: different field set")
    if not re.search(r"[А-Яа-яЁё]", b["q"]):
        err(f"ru #{i}: question has no Cyrillic")
ru_head = (HERE / "questions_ru.yaml").read_text(encoding="utf-8").splitlines()[0]
if not ru_head.startswith("# TUNE35 part of the QA bank (Russian questions)"):
    err("ru header comment missing")

# ---------- kazakh ----------
print("== questions_kk.yaml")
kk_text = (HERE / "questions_kk.yaml").read_text(encoding="utf-8")
kk = yaml.safe_load(kk_text)["questions"]
refs = re.findall(r"^\s*# EN #(\d+): (.*)$", kk_text, re.M)
print(f"  items: {len(kk)}, traps: {sum(it['kind'] == 'trap' for it in kk)}, per article:",
      dict(Counter(it["article"] for it in kk)))
if len(kk) != 25:
    err(f"kk has {len(kk)} items, expected 25")
if len(refs) != len(kk):
    err("kk: every item needs one '# EN #n:' comment")
if sum(it["kind"] == "trap" for it in kk) < 8:
    err("kk: fewer than 8 traps")
if set(it["article"] for it in kk) != set(ARTICLES):
    err("kk: not spread over all three articles")
for i, ((n, qtext), it) in enumerate(zip(refs, kk), 1):
    src = en[int(n) - 1]
    if src["q"] != qtext.strip():
        err(f"kk #{i}: comment text does not match en #{n}")
    for f in ("expect", "article", "kind", "type"):
        if src[f] != it.get(f):
            err(f"kk #{i}: field {f} differs from en #{n}")
    if not re.search(r"[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", it["q"]):
        err(f"kk #{i}: no Cyrillic")

# ---------- conversations ----------
print("== conversations")
cv = yaml.safe_load((HERE / "conversations.yaml").read_text(encoding="utf-8"))["conversations"]
cvr = yaml.safe_load((HERE / "conversations_ru.yaml").read_text(encoding="utf-8"))["conversations"]
print(f"  en: {len(cv)}, ru: {len(cvr)}, per article:", dict(Counter(c["article"] for c in cv)))
if len(cv) != 36:
    err(f"{len(cv)} conversations, expected 36")
for a in ARTICLES:
    if sum(c["article"] == a for c in cv) != 12:
        err(f"conversations: {a} does not have 12")
nones = sum(c["expect"] == "none" for c in cv)
print(f"  expect none: {nones}/{len(cv)} ({nones / len(cv):.0%})")
if abs(nones - len(cv) / 3) > 1:
    err("conversations: about a third must have expect: none")
for i, c in enumerate(cv, 1):
    if len(c.get("turns", [])) != 2:
        err(f"conv #{i}: needs exactly two turns")
    if c["article"] not in ARTICLES:
        err(f"conv #{i}: bad article")
    if c["expect"] != "none":
        for p in c["expect"]:
            check_phrase(f"conv #{i}", p, c["article"])
if len(cvr) != len(cv):
    err("conversations_ru length differs")
for i, (a, b) in enumerate(zip(cv, cvr), 1):
    if a["expect"] != b["expect"] or a["article"] != b["article"]:
        err(f"conv ru #{i}: expect/article differ")
    if len(b.get("turns", [])) != 2 or not all(re.search(r"[А-Яа-яЁё]", t) for t in b["turns"]):
        err(f"conv ru #{i}: needs two Russian turns")

print("== result")
for w in warnings:
    print("  WARNING:", w)
for e in errors:
    print("  ERROR:", e)
print("  PASS" if not errors else f"  FAIL ({len(errors)} errors)")
sys.exit(1 if errors else 0)
