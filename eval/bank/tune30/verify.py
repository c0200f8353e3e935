#!/usr/bin/env python3
"""Checks the TUNE30 part of the QA bank (files in the directory of this script).

- every YAML file parses with yaml.safe_load;
- every expect phrase is 4-12 words, occurs verbatim in the named article, inside one
  sentence of a body block (never in a furniture block);
- answerable kinds have phrases, trap/offtopic items have `none`, offtopic has article none;
- the Russian file has the same length and the same expect/article/kind/type as the English;
- the Kazakh file has 25 items (>= 8 traps, all three articles), each under a comment
  "# EN #<n>: <question>" that matches English item n, with the same fields;
- counts per kind, trap share per article >= 40 %;
- conversations: 36 (12 per article), two turns each, one third `none`, Russian copy aligned;
- article lengths 600-900 words.
"""
import collections
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune30_agency", "tune30_session", "tune30_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
DATELINE = re.compile(r"^[A-Z][A-Z-]+, January \d{1,2}\. /Kazinform/\.$")

errors = []


def err(msg):
    errors.append(msg)


def load(name):
    path = os.path.join(HERE, name)
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except Exception as exc:  # noqa: BLE001
        err(f"{name}: does not parse: {exc}")
        return None


def furniture_indices(name, blocks):
    """Indices of furniture blocks for each article."""
    if name == "tune30_agency":
        # agency name line + every dateline block
        return {0} | {i for i, b in enumerate(blocks) if DATELINE.match(b)}
    if name == "tune30_session":
        return {0, 1}  # title line, session date line
    if name == "tune30_other":
        return {0, 1, 2, 3}  # headline, standfirst, byline, date line
    raise KeyError(name)


def split_sentences(block):
    text = " ".join(block.split())
    return re.split(r'(?<=[.!?])\s+(?=[A-Z"0-9])|(?<=[.!?]")\s+(?=[a-zA-Z"])', text)


# ---------------------------------------------------------------- articles
articles = {}
for name in ARTICLES:
    path = os.path.join(CORPUS, name + ".txt")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    furn = furniture_indices(name, blocks)
    body = [b for i, b in enumerate(blocks) if i not in furn]
    sentences = [s for b in body for s in split_sentences(b)]
    words = len(text.split())
    if not 600 <= words <= 900:
        err(f"{name}: {words} words, not 600-900")
    articles[name] = dict(text=text, blocks=blocks, furn=furn, body=body, sentences=sentences, words=words)


def check_phrase(where, phrase, article):
    if not isinstance(phrase, str):
        err(f"{where}: expect phrase is not a string: {phrase!r}")
        return
    n = len(phrase.split())
    if not 4 <= n <= 12:
        err(f"{where}: phrase has {n} words (4-12): {phrase!r}")
    art = articles.get(article)
    if art is None:
        err(f"{where}: unknown article {article!r}")
        return
    if phrase not in art["text"]:
        err(f"{where}: phrase not found verbatim in {article}: {phrase!r}")
        return
    for i in art["furn"]:
        if phrase in art["blocks"][i]:
            err(f"{where}: phrase occurs in furniture block {i} of {article}: {phrase!r}")
    norm = " ".join(phrase.split())
    if not any(norm in s for s in art["sentences"]):
        err(f"{where}: phrase is not inside one body sentence of {article}: {phrase!r}")


def check_expect(where, expect, article, kind):
    if kind in ("trap", "offtopic"):
        if expect != "none":
            err(f"{where}: kind {kind} must have expect none")
        return
    if expect == "none":
        return  # allowed only for conversations (caller checks questions)
    if not isinstance(expect, list) or not expect:
        err(f"{where}: expect must be a non-empty list or none")
        return
    for p in expect:
        check_phrase(where, p, article)


# ---------------------------------------------------------------- questions
def check_questions(data, fname):
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        err(f"{fname}: no questions list")
        return []
    qs = data["questions"]
    for i, item in enumerate(qs, 1):
        where = f"{fname} #{i}"
        if not isinstance(item, dict):
            err(f"{where}: not a mapping")
            continue
        missing = {"q", "expect", "article", "kind", "type"} - set(item)
        if missing:
            err(f"{where}: missing {sorted(missing)}")
            continue
        if item["kind"] not in KINDS:
            err(f"{where}: bad kind {item['kind']!r}")
        if item["type"] not in TYPES:
            err(f"{where}: bad type {item['type']!r}")
        if item["kind"] == "offtopic":
            if item["article"] != "none":
                err(f"{where}: offtopic must have article none")
        elif item["article"] not in ARTICLES:
            err(f"{where}: bad article {item['article']!r}")
        if item["kind"] not in ("trap", "offtopic") and item["expect"] == "none":
            err(f"{where}: answerable kind {item['kind']} has expect none")
        if item["kind"] != "offtopic":
            check_expect(where, item["expect"], item["article"], item["kind"])
        elif item["expect"] != "none":
            err(f"{where}: offtopic must have expect none")
    return qs


FIELDS = ("expect", "article", "kind", "type")
CYR = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")

en = check_questions(load("questions.yaml"), "questions.yaml")
ru = check_questions(load("questions_ru.yaml"), "questions_ru.yaml")
kk = check_questions(load("questions_kk.yaml"), "questions_kk.yaml")

if len(ru) != len(en):
    err(f"questions_ru.yaml has {len(ru)} items, questions.yaml has {len(en)}")
for i, (a, b) in enumerate(zip(en, ru), 1):
    for f in FIELDS:
        if a.get(f) != b.get(f):
            err(f"ru #{i}: field {f} differs from en")
    if not CYR.search(str(b.get("q", ""))):
        err(f"ru #{i}: question has no Cyrillic: {b.get('q')!r}")

# Kazakh: comment lines "# EN #n: question"
with open(os.path.join(HERE, "questions_kk.yaml"), encoding="utf-8") as fh:
    kk_lines = fh.read().splitlines()
refs = []
for j, line in enumerate(kk_lines):
    if line.lstrip().startswith("- {q:"):
        prev = kk_lines[j - 1].strip() if j else ""
        m = re.match(r"^# EN #(\d+): (.*)$", prev)
        if not m:
            err(f"questions_kk.yaml line {j + 1}: no '# EN #<n>: ...' comment above item")
            refs.append(None)
        else:
            refs.append((int(m.group(1)), m.group(2)))
if len(kk) != 25:
    err(f"questions_kk.yaml has {len(kk)} items, expected 25")
for i, (item, ref) in enumerate(zip(kk, refs), 1):
    if ref is None:
        continue
    n, qtext = ref
    if not 1 <= n <= len(en):
        err(f"kk #{i}: EN #{n} out of range")
        continue
    src = en[n - 1]
    if src["q"] != qtext:
        err(f"kk #{i}: comment text does not match EN #{n}: {qtext!r} vs {src['q']!r}")
    for f in FIELDS:
        if src.get(f) != item.get(f):
            err(f"kk #{i}: field {f} differs from EN #{n}")
    if not CYR.search(str(item.get("q", ""))):
        err(f"kk #{i}: question has no Cyrillic")
kk_traps = sum(1 for x in kk if x.get("kind") == "trap")
kk_articles = collections.Counter(x.get("article") for x in kk)
if kk_traps < 8:
    err(f"questions_kk.yaml has {kk_traps} traps, expected >= 8")
if set(kk_articles) != set(ARTICLES):
    err(f"questions_kk.yaml does not cover all three articles: {dict(kk_articles)}")

# counts and trap share
print("== questions.yaml ==")
print(f"total: {len(en)}")
print("per kind:", dict(sorted(collections.Counter(x["kind"] for x in en).items())))
print("per type:", dict(sorted(collections.Counter(x["type"] for x in en).items())))
for name in ARTICLES:
    items = [x for x in en if x["article"] == name]
    traps = sum(1 for x in items if x["kind"] == "trap")
    kinds = collections.Counter(x["kind"] for x in items)
    share = traps / len(items) if items else 0
    print(f"{name}: {len(items)} questions, {traps} traps ({share:.0%}), kinds {dict(sorted(kinds.items()))}")
    if share < 0.40:
        err(f"{name}: trap share {share:.0%} < 40%")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if kinds[k] == 0:
            err(f"{name}: no questions of kind {k}")
off = [x for x in en if x["kind"] == "offtopic"]
print(f"offtopic: {len(off)}")
print(f"questions_ru.yaml: {len(ru)} items")
print(f"questions_kk.yaml: {len(kk)} items, {kk_traps} traps, per article {dict(sorted(kk_articles.items()))}")

# ---------------------------------------------------------------- conversations
def check_convs(data, fname):
    if not isinstance(data, dict) or not isinstance(data.get("conversations"), list):
        err(f"{fname}: no conversations list")
        return []
    cs = data["conversations"]
    for i, c in enumerate(cs, 1):
        where = f"{fname} #{i}"
        if not isinstance(c, dict) or set(c) != {"turns", "expect", "article"}:
            err(f"{where}: needs exactly turns/expect/article")
            continue
        if not (isinstance(c["turns"], list) and len(c["turns"]) == 2 and all(isinstance(t, str) and t for t in c["turns"])):
            err(f"{where}: turns must be two non-empty strings")
        if c["article"] not in ARTICLES:
            err(f"{where}: bad article {c['article']!r}")
            continue
        check_expect(where, c["expect"], c["article"], "conv")
    return cs


cen = check_convs(load("conversations.yaml"), "conversations.yaml")
cru = check_convs(load("conversations_ru.yaml"), "conversations_ru.yaml")
print("== conversations ==")
print(f"conversations.yaml: {len(cen)}, conversations_ru.yaml: {len(cru)}")
if len(cen) != 36:
    err(f"conversations.yaml has {len(cen)} conversations, expected 36")
if len(cru) != len(cen):
    err("conversations_ru.yaml length differs from conversations.yaml")
for i, (a, b) in enumerate(zip(cen, cru), 1):
    if a.get("expect") != b.get("expect") or a.get("article") != b.get("article"):
        err(f"conversations_ru #{i}: expect/article differ from en")
    if not all(CYR.search(t) for t in b.get("turns", [])):
        err(f"conversations_ru #{i}: turns are not Russian")
for name in ARTICLES:
    items = [c for c in cen if c["article"] == name]
    nn = sum(1 for c in items if c["expect"] == "none")
    print(f"{name}: {len(items)} conversations, {nn} with expect none")
    if len(items) != 12:
        err(f"conversations: {name} has {len(items)}, expected 12")
none_total = sum(1 for c in cen if c["expect"] == "none")
share = none_total / len(cen) if cen else 0
print(f"none share: {none_total}/{len(cen)} = {share:.0%}")
if not 0.30 <= share <= 0.37:
    err(f"conversations: share of none {share:.0%} is not about a third")

print("== corpus ==")
for name, a in articles.items():
    print(f"{name}: {a['words']} words, {len(a['blocks'])} blocks, furniture blocks {sorted(a['furn'])}")

print("== result ==")
if errors:
    for e in errors:
        print("ERROR:", e)
    print(f"FAILED: {len(errors)} error(s)")
    sys.exit(1)
print("OK: all checks passed")
