#!/usr/bin/env python3
"""Checks the TUNE33 part of the QA bank (files in this directory)."""
import os, re, sys
from collections import Counter
import yaml

D = os.path.dirname(os.path.abspath(__file__))
ARTS = ["tune33_sitrep", "tune33_translated", "tune33_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
errors = []

def err(msg):
    errors.append(msg)

# ---------- corpus and furniture ----------
def is_furniture(art, idx, block):
    first = block.splitlines()[0]
    if art == "tune33_sitrep":
        return (idx in (0, 1) or block in ("Key figures", "Situation overview", "Needs", "Response")
                or first.startswith("Contact:"))
    if art == "tune33_translated":
        return idx == 0 or first.startswith("Translator's note")
    if art == "tune33_other":
        return idx in (0, 1, 2)  # headline, standfirst, date line
    raise KeyError(art)

corpus = {}
for a in ARTS:
    path = os.path.join(D, "corpus", a + ".txt")
    text = open(path, encoding="utf-8").read()
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    body = [b for i, b in enumerate(blocks) if not is_furniture(a, i, b)]
    furn = [b for i, b in enumerate(blocks) if is_furniture(a, i, b)]
    words = len(text.split())
    if not 600 <= words <= 900:
        err(f"{a}: {words} words (want 600-900)")
    corpus[a] = {"text": text, "body": body, "furn": furn, "words": words}

def check_phrase(ph, art, where):
    if art not in corpus:
        err(f"{where}: unknown article {art!r}"); return
    n = len(ph.split())
    if not 4 <= n <= 12:
        err(f"{where}: phrase has {n} words: {ph!r}")
    if "\n" in ph:
        err(f"{where}: phrase spans lines: {ph!r}")
    if re.search(r"[.!?][\"”']?\s+[A-Z]", ph):
        err(f"{where}: phrase seems to span a sentence boundary: {ph!r}")
    c = corpus[art]
    if ph not in c["text"]:
        err(f"{where}: phrase not in {art}: {ph!r}")
    elif not any(ph in b for b in c["body"]):
        err(f"{where}: phrase only in furniture of {art}: {ph!r}")

def load(name):
    try:
        return yaml.safe_load(open(os.path.join(D, name), encoding="utf-8"))
    except Exception as e:
        err(f"{name}: does not parse: {e}")
        return None

# ---------- questions ----------
def check_items(items, name):
    for i, it in enumerate(items, 1):
        w = f"{name} #{i}"
        if set(it) != {"q", "expect", "article", "kind", "type"}:
            err(f"{w}: fields {sorted(it)}")
            continue
        if not isinstance(it["q"], str) or not it["q"].strip():
            err(f"{w}: empty q")
        if it["kind"] not in KINDS: err(f"{w}: bad kind {it['kind']}")
        if it["type"] not in TYPES: err(f"{w}: bad type {it['type']}")
        exp = it["expect"]
        if it["kind"] == "offtopic":
            if it["article"] != "none" or exp != "none":
                err(f"{w}: offtopic must have article none and expect none")
            continue
        if it["article"] not in ARTS: err(f"{w}: bad article {it['article']}")
        if it["kind"] == "trap":
            if exp != "none": err(f"{w}: trap with an expect")
            continue
        if exp == "none":
            err(f"{w}: non-trap item expects none"); continue
        if not isinstance(exp, list) or not exp:
            err(f"{w}: expect must be a non-empty list"); continue
        for ph in exp:
            check_phrase(ph, it["article"], w)

en = load("questions.yaml")
ru = load("questions_ru.yaml")
kk = load("questions_kk.yaml")
en_q = en["questions"] if en else []
ru_q = ru["questions"] if ru else []
kk_q = kk["questions"] if kk else []
check_items(en_q, "en")
check_items(ru_q, "ru")
check_items(kk_q, "kk")

# ru parallel to en
if len(ru_q) != len(en_q):
    err(f"ru has {len(ru_q)} items, en {len(en_q)}")
for i, (a, b) in enumerate(zip(en_q, ru_q), 1):
    for f in ("expect", "article", "kind", "type"):
        if a.get(f) != b.get(f):
            err(f"ru #{i}: field {f} differs from en")
    if a.get("q") == b.get("q"):
        err(f"ru #{i}: question identical to English")
    if not re.search(r"[А-Яа-яЁё]", b.get("q", "")):
        err(f"ru #{i}: no Cyrillic in question")

# kk: comment '# EN #n: ...' above each item, fields equal to en item n
kk_lines = open(os.path.join(D, "questions_kk.yaml"), encoding="utf-8").read().splitlines()
refs = []
for ln in kk_lines:
    m = re.match(r"\s*# EN #(\d+): (.*)$", ln)
    if m:
        refs.append((int(m.group(1)), m.group(2)))
if len(refs) != len(kk_q):
    err(f"kk: {len(refs)} '# EN #n' comments for {len(kk_q)} items")
for (n, qtext), it in zip(refs, kk_q):
    if not 1 <= n <= len(en_q):
        err(f"kk: EN #{n} out of range"); continue
    e = en_q[n - 1]
    if e["q"] != qtext:
        err(f"kk: comment for EN #{n} does not match the English question")
    for f in ("expect", "article", "kind", "type"):
        if e[f] != it[f]:
            err(f"kk (EN #{n}): field {f} differs from en")
    if not re.search(r"[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", it["q"]):
        err(f"kk (EN #{n}): no Cyrillic in question")
kk_traps = sum(1 for it in kk_q if it["kind"] == "trap")
kk_arts = Counter(it["article"] for it in kk_q)
if len(kk_q) != 25: err(f"kk: {len(kk_q)} items (want 25)")
if kk_traps < 8: err(f"kk: {kk_traps} traps (want >= 8)")
if set(kk_arts) != set(ARTS): err(f"kk: articles covered {dict(kk_arts)}")

# ---------- counts ----------
print("Articles:")
for a in ARTS:
    c = corpus[a]
    print(f"  {a}: {c['words']} words, {len(c['body'])} body blocks, {len(c['furn'])} furniture blocks")
print(f"\nquestions.yaml: {len(en_q)} items")
print("  per kind:", dict(sorted(Counter(it['kind'] for it in en_q).items())))
print("  per type:", dict(sorted(Counter(it['type'] for it in en_q).items())))
for a in ARTS + ["none"]:
    its = [it for it in en_q if it["article"] == a]
    tr = sum(1 for it in its if it["kind"] == "trap")
    kinds = dict(sorted(Counter(it["kind"] for it in its).items()))
    if a == "none":
        print(f"  offtopic (article none): {len(its)}")
        if len(its) < 8: err(f"only {len(its)} offtopic items")
        continue
    share = tr / len(its) if its else 0
    print(f"  {a}: {len(its)} items, {tr} traps ({share:.0%}), kinds {kinds}")
    if share < 0.40: err(f"{a}: trap share {share:.0%} < 40%")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if k not in kinds: err(f"{a}: no {k} items")
print(f"questions_ru.yaml: {len(ru_q)} items")
print(f"questions_kk.yaml: {len(kk_q)} items, {kk_traps} traps, per article {dict(sorted(kk_arts.items()))}")

# ---------- conversations ----------
def check_conv(convs, name):
    for i, c in enumerate(convs, 1):
        w = f"{name} #{i}"
        if set(c) != {"turns", "expect", "article"}:
            err(f"{w}: fields {sorted(c)}"); continue
        if not (isinstance(c["turns"], list) and len(c["turns"]) == 2 and all(isinstance(t, str) and t.strip() for t in c["turns"])):
            err(f"{w}: need exactly two non-empty turns")
        if c["article"] not in ARTS: err(f"{w}: bad article")
        if c["expect"] == "none": continue
        if not isinstance(c["expect"], list) or not c["expect"]:
            err(f"{w}: bad expect"); continue
        for ph in c["expect"]:
            check_phrase(ph, c["article"], w)

ce = load("conversations.yaml")
cr = load("conversations_ru.yaml")
ce_c = ce["conversations"] if ce else []
cr_c = cr["conversations"] if cr else []
check_conv(ce_c, "conv")
check_conv(cr_c, "conv_ru")
if len(ce_c) != 36: err(f"conversations: {len(ce_c)} (want 36)")
if len(cr_c) != len(ce_c): err("conversations_ru length differs")
for i, (a, b) in enumerate(zip(ce_c, cr_c), 1):
    if a["expect"] != b["expect"] or a["article"] != b["article"]:
        err(f"conv_ru #{i}: expect/article differ")
    if not all(re.search(r"[А-Яа-яЁё]", t) for t in b["turns"]):
        err(f"conv_ru #{i}: a turn without Cyrillic")
per = Counter(c["article"] for c in ce_c)
nones = sum(1 for c in ce_c if c["expect"] == "none")
print(f"\nconversations.yaml: {len(ce_c)} (per article {dict(sorted(per.items()))}), expect none: {nones} ({nones/len(ce_c):.0%})")
for a in ARTS:
    if per[a] != 12: err(f"conversations: {per[a]} for {a} (want 12)")
if nones != 12: err(f"conversations: {nones} with expect none (want 12 = a third)")
print(f"conversations_ru.yaml: {len(cr_c)}")

print()
if errors:
    print(f"FAILED: {len(errors)} problem(s)")
    for e in errors: print("  -", e)
    sys.exit(1)
print("OK: all checks passed")
