#!/usr/bin/env python3
"""Checks the TUNE13 part of the QA bank in this directory.

Run with: /work/main/.venv/bin/python verify.py
Exit code 0 if every check passes, 1 otherwise.
"""
import os
import re
import sys
from collections import Counter, defaultdict

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune13_profile", "tune13_simple", "tune13_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
# Articles whose second block is a standfirst (furniture).
HAS_STANDFIRST = {"tune13_profile", "tune13_other"}
# Abbreviations whose full stop does not end a sentence.
ABBREV = re.compile(r"\b(No|Mr|Mrs|Dr|St|Gen|Lt|Col)\.\s")

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


# ---------------------------------------------------------------- articles
def load_article(name):
    path = os.path.join(CORPUS, name + ".txt")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    furniture, body = [], []
    for i, b in enumerate(blocks):
        words = b.split()
        is_furn = (
            i == 0                                   # headline
            or (i == 1 and name in HAS_STANDFIRST)   # standfirst
            or b.startswith("By ")                   # byline
            or re.match(r"^[A-Z ,.'-]+, [A-Za-z]+, \d{1,2} [A-Z][a-z]+ \d{4}$", b)  # dateline
            or ("\n" not in b and len(words) <= 8 and not b.endswith("."))  # headings / question headings
        )
        (furniture if is_furn else body).append(b)
    return text, blocks, furniture, body


articles = {}
for name in ARTICLES:
    try:
        text, blocks, furn, body = load_article(name)
    except OSError as e:
        err(f"cannot read article {name}: {e}")
        continue
    n_words = len(text.split())
    if not 600 <= n_words <= 900:
        err(f"{name}: {n_words} words, expected 600-900")
    articles[name] = dict(text=text, blocks=blocks, furniture=furn, body=body, words=n_words)


def check_phrase(phrase, article, where):
    """The phrase must be in a body block of the article, inside one sentence, 4-12 words."""
    if article not in articles:
        err(f"{where}: unknown article {article!r}")
        return
    a = articles[article]
    if not isinstance(phrase, str) or not phrase.strip():
        err(f"{where}: empty/non-string expect phrase {phrase!r}")
        return
    nw = len(phrase.split())
    if not 4 <= nw <= 12:
        err(f"{where}: phrase has {nw} words (want 4-12): {phrase!r}")
    if phrase not in a["text"]:
        err(f"{where}: phrase not found verbatim in {article}: {phrase!r}")
        return
    if any(phrase in b for b in a["furniture"]):
        err(f"{where}: phrase occurs in a furniture block of {article}: {phrase!r}")
    if not any(phrase in b for b in a["body"]):
        err(f"{where}: phrase is not in a body block of {article}: {phrase!r}")
    inner = ABBREV.sub("ABBR ", phrase)
    if re.search(r"[.!?][\"”]?\s+\S", inner):
        err(f"{where}: phrase seems to span a sentence boundary: {phrase!r}")


def load_yaml(fname):
    path = os.path.join(HERE, fname)
    try:
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        return raw, yaml.safe_load(raw)
    except Exception as e:  # noqa: BLE001
        err(f"{fname}: does not parse: {e}")
        return "", None


def norm_expect(e):
    return "none" if e in (None, "none") else e


# --------------------------------------------------------------- questions
def check_items(items, fname, english=True):
    for i, it in enumerate(items, 1):
        where = f"{fname} #{i}"
        if not isinstance(it, dict):
            err(f"{where}: not a mapping")
            continue
        keys = set(it)
        if keys != {"q", "expect", "article", "kind", "type"}:
            err(f"{where}: keys {sorted(keys)}")
        q, e, art, kind, typ = (it.get(k) for k in ("q", "expect", "article", "kind", "type"))
        if not isinstance(q, str) or not q.strip():
            err(f"{where}: empty q")
        if kind not in KINDS:
            err(f"{where}: bad kind {kind!r}")
        if typ not in TYPES:
            err(f"{where}: bad type {typ!r}")
        e = norm_expect(e)
        if kind == "offtopic":
            if art != "none" or e != "none":
                err(f"{where}: offtopic must have article none and expect none")
        else:
            if art not in ARTICLES:
                err(f"{where}: bad article {art!r}")
        if kind == "trap" and e != "none":
            err(f"{where}: trap must have expect none")
        if kind not in ("trap", "offtopic"):
            if not isinstance(e, list) or not e:
                err(f"{where}: answerable item needs a non-empty expect list")
            else:
                for ph in e:
                    check_phrase(ph, art, where)
                if english and kind != "terse" and isinstance(q, str):
                    # warn if the question copies 4+ consecutive words of the phrase
                    qw = re.findall(r"[a-z0-9']+", q.lower())
                    for ph in e:
                        pw = re.findall(r"[a-z0-9']+", ph.lower())
                        grams = {tuple(pw[k:k + 4]) for k in range(len(pw) - 3)}
                        if any(tuple(qw[k:k + 4]) in grams for k in range(len(qw) - 3)):
                            warn(f"{where}: question copies 4+ words of the answer: {q!r}")
        if not english and isinstance(q, str) and not re.search(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", q):
            err(f"{where}: question has no Cyrillic: {q!r}")


raw_en, en = load_yaml("questions.yaml")
en_items = (en or {}).get("questions") or []
if not raw_en.startswith("# TUNE13 part of the QA bank"):
    err("questions.yaml: missing header comment")
check_items(en_items, "questions.yaml")

print(f"questions.yaml: {len(en_items)} items")
by_art = defaultdict(Counter)
for it in en_items:
    by_art[it.get("article")][it.get("kind")] += 1
for art in ARTICLES + ["none"]:
    c = by_art[art]
    total = sum(c.values())
    line = ", ".join(f"{k}={c[k]}" for k in sorted(c))
    if art == "none":
        print(f"  offtopic (article none): {total} [{line}]")
        if total < 8:
            err(f"only {total} offtopic items")
        continue
    share = c["trap"] / total if total else 0
    print(f"  {art}: {total} items, traps {c['trap']} ({share:.0%}) [{line}]")
    if share < 0.40:
        err(f"{art}: trap share {share:.0%} < 40%")
    if not 30 <= total <= 42:
        err(f"{art}: {total} questions, expected about 35")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if c[k] == 0:
            err(f"{art}: no questions of kind {k}")
print("  kinds overall:", dict(sorted(Counter(it.get("kind") for it in en_items).items())))
print("  types overall:", dict(sorted(Counter(it.get("type") for it in en_items).items())))

# -------------------------------------------------------------------- ru
raw_ru, ru = load_yaml("questions_ru.yaml")
ru_items = (ru or {}).get("questions") or []
if not raw_ru.startswith("# TUNE13 part of the QA bank (Russian questions)"):
    err("questions_ru.yaml: missing header comment")
if len(ru_items) != len(en_items):
    err(f"questions_ru.yaml: {len(ru_items)} items, en has {len(en_items)}")
check_items(ru_items, "questions_ru.yaml", english=False)
for i, (a, b) in enumerate(zip(en_items, ru_items), 1):
    if norm_expect(a.get("expect")) != norm_expect(b.get("expect")):
        err(f"questions_ru.yaml #{i}: field expect differs from en")
    for k in ("article", "kind", "type"):
        if a.get(k) != b.get(k):
            err(f"questions_ru.yaml #{i}: field {k} differs from en")
    if a.get("q") == b.get("q"):
        err(f"questions_ru.yaml #{i}: q identical to English")
print(f"questions_ru.yaml: {len(ru_items)} items")

# -------------------------------------------------------------------- kk
raw_kk, kk = load_yaml("questions_kk.yaml")
kk_items = (kk or {}).get("questions") or []
check_items(kk_items, "questions_kk.yaml", english=False)
refs = re.findall(r"^\s*# EN #(\d+): (.*)$", raw_kk, flags=re.M)
if len(refs) != len(kk_items):
    err(f"questions_kk.yaml: {len(refs)} '# EN #n' comments for {len(kk_items)} items")
kk_traps = 0
kk_arts = Counter()
for (n, q_en), it in zip(refs, kk_items):
    n = int(n)
    if not 1 <= n <= len(en_items):
        err(f"questions_kk.yaml: EN #{n} out of range")
        continue
    src = en_items[n - 1]
    if src["q"] != q_en.strip():
        err(f"questions_kk.yaml: EN #{n} comment text does not match questions.yaml: {q_en!r}")
    for k in ("article", "kind", "type"):
        if src.get(k) != it.get(k):
            err(f"questions_kk.yaml: EN #{n} field {k} differs")
    if norm_expect(src.get("expect")) != norm_expect(it.get("expect")):
        err(f"questions_kk.yaml: EN #{n} expect differs")
    kk_traps += it.get("kind") == "trap"
    kk_arts[it.get("article")] += 1
if len({int(n) for n, _ in refs}) != len(refs):
    err("questions_kk.yaml: an EN item is used twice")
if len(kk_items) != 25:
    err(f"questions_kk.yaml: {len(kk_items)} items, want 25")
if kk_traps < 8:
    err(f"questions_kk.yaml: {kk_traps} traps, want 8")
if set(kk_arts) != set(ARTICLES):
    err(f"questions_kk.yaml: articles covered {dict(kk_arts)}")
print(f"questions_kk.yaml: {len(kk_items)} items, traps {kk_traps}, per article {dict(kk_arts)}")


# --------------------------------------------------------- conversations
def check_convs(fname, english=True):
    raw, data = load_yaml(fname)
    convs = (data or {}).get("conversations") or []
    per_art = Counter()
    nones = Counter()
    for i, c in enumerate(convs, 1):
        where = f"{fname} conv #{i}"
        if set(c) != {"turns", "expect", "article"}:
            err(f"{where}: keys {sorted(c)}")
        turns = c.get("turns")
        if not (isinstance(turns, list) and len(turns) == 2 and all(isinstance(t, str) and t.strip() for t in turns)):
            err(f"{where}: needs exactly two non-empty turns")
        art = c.get("article")
        if art not in ARTICLES:
            err(f"{where}: bad article {art!r}")
        per_art[art] += 1
        e = norm_expect(c.get("expect"))
        if e == "none":
            nones[art] += 1
        elif isinstance(e, list) and e:
            for ph in e:
                check_phrase(ph, art, where)
        else:
            err(f"{where}: expect must be none or a non-empty list")
        if not english and isinstance(turns, list) and not all(
                re.search(r"[А-Яа-яЁё]", t) for t in turns if isinstance(t, str)):
            err(f"{where}: a turn has no Cyrillic")
    return raw, convs, per_art, nones


raw_c, convs, per_art, nones = check_convs("conversations.yaml")
n_none = sum(nones.values())
print(f"conversations.yaml: {len(convs)} conversations, per article {dict(per_art)}, "
      f"expect none {n_none} ({n_none / max(len(convs), 1):.0%}), per article {dict(nones)}")
if len(convs) != 36:
    err(f"conversations.yaml: {len(convs)} conversations, want 36")
for art in ARTICLES:
    if per_art[art] != 12:
        err(f"conversations.yaml: {per_art[art]} conversations for {art}, want 12")
if n_none != 12:
    err(f"conversations.yaml: {n_none} with expect none, want 12 (a third)")

raw_cr, convs_ru, _, _ = check_convs("conversations_ru.yaml", english=False)
if not raw_cr.lstrip().startswith("# TUNE13"):
    err("conversations_ru.yaml: missing header comment")
if len(convs_ru) != len(convs):
    err(f"conversations_ru.yaml: {len(convs_ru)} conversations, en has {len(convs)}")
for i, (a, b) in enumerate(zip(convs, convs_ru), 1):
    if norm_expect(a.get("expect")) != norm_expect(b.get("expect")) or a.get("article") != b.get("article"):
        err(f"conversations_ru.yaml conv #{i}: expect/article differ from en")
print(f"conversations_ru.yaml: {len(convs_ru)} conversations")

# ----------------------------------------------------------------- report
for name, a in articles.items():
    print(f"article {name}: {a['words']} words, {len(a['blocks'])} blocks, "
          f"furniture: {[f[:40] for f in a['furniture']]}")
for w in warnings:
    print("WARNING:", w)
if errors:
    for e in errors:
        print("ERROR:", e)
    print(f"FAILED: {len(errors)} error(s)")
    sys.exit(1)
print("OK: all checks passed")
