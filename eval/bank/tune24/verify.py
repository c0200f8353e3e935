#!/usr/bin/env python3
"""Checks the TUNE24 part of the QA bank (run from anywhere: paths are relative to this file)."""
import os, re, sys
from collections import Counter, defaultdict
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune24_encyclopedia", "tune24_channel", "tune24_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
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

# ---------- corpus: blocks and furniture ----------
ENC_HEADINGS = {"Background", "Timeline", "Casualties", "Reactions", "Aftermath", "See also"}
TIME_LINE = re.compile(r"^\d\d\.\d\d\.\d{4} \d\d:\d\d$")

def furniture_flags(art, blocks):
    flags = []
    after_see_also = False
    for i, b in enumerate(blocks):
        f = False
        if i == 0:
            f = True                                   # title / channel title / headline
        elif art == "tune24_encyclopedia":
            if b in ENC_HEADINGS:
                f = True
                after_see_also = after_see_also or b == "See also"
            elif after_see_also:
                f = True                               # the "See also" list
        elif art == "tune24_channel":
            f = bool(TIME_LINE.match(b) or b.startswith("Forwarded from ") or b.startswith("👁"))
        elif art == "tune24_other":
            f = i <= 3                                 # headline, standfirst, byline, date line
        flags.append(f)
    return flags

SENT_END = re.compile(r'((?<=[.!?])["”)\]]*(?:\[\d+\])*)\s+(?=[^a-z\s(])')

def sentences(block):
    out = []
    for line in block.split("\n"):
        out.extend(s for s in SENT_END.sub(r"\1\n", line).split("\n") if s.strip())
    return out

corpus = {}
for art in ARTICLES:
    path = os.path.join(CORPUS, art + ".txt")
    if not os.path.exists(path):
        err(f"corpus: missing {art}.txt")
        continue
    text = open(path, encoding="utf-8").read()
    words = len(text.split())
    if not 600 <= words <= 900:
        err(f"corpus: {art} has {words} words (want 600-900)")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    flags = furniture_flags(art, blocks)
    body = [b for b, f in zip(blocks, flags) if not f]
    furn = [b for b, f in zip(blocks, flags) if f]
    corpus[art] = {"words": words, "body": body, "furniture": furn,
                   "sents": [s for b in body for s in sentences(b)]}
if art_missing := [a for a in ARTICLES if a not in corpus]:
    print("missing articles:", art_missing)

def check_phrase(where, art, phrase):
    if not isinstance(phrase, str) or not phrase.strip():
        err(f"{where}: empty/non-string expect phrase {phrase!r}")
        return
    n = len(phrase.split())
    if not 4 <= n <= 12:
        err(f"{where}: phrase has {n} words (want 4-12): {phrase!r}")
    c = corpus.get(art)
    if c is None:
        err(f"{where}: unknown article {art!r}")
        return
    in_sent = any(phrase in s for s in c["sents"])
    in_body = any(phrase in b for b in c["body"])
    in_furn = any(phrase in b for b in c["furniture"])
    if in_furn:
        err(f"{where}: phrase occurs in a furniture block: {phrase!r}")
    if not in_body:
        err(f"{where}: phrase not found in body of {art}: {phrase!r}")
    elif not in_sent:
        err(f"{where}: phrase spans a sentence boundary in {art}: {phrase!r}")

def check_expect(where, art, expect, must_be_none=None):
    if expect == "none":
        if must_be_none is False:
            err(f"{where}: expect is none but should have phrases")
        return True
    if must_be_none is True:
        err(f"{where}: expect should be none")
    if not isinstance(expect, list) or not expect:
        err(f"{where}: expect must be `none` or a non-empty list, got {expect!r}")
        return False
    for p in expect:
        check_phrase(where, art, p)
    return False

# ---------- questions ----------
FIELDS = ["q", "expect", "article", "kind", "type"]
en_doc = load("questions.yaml")
en = (en_doc or {}).get("questions") or []
if not en:
    err("questions.yaml: no questions")
for i, it in enumerate(en, 1):
    where = f"questions.yaml #{i}"
    if sorted(it) != sorted(FIELDS):
        err(f"{where}: fields {sorted(it)}")
        continue
    if it["kind"] not in KINDS:
        err(f"{where}: bad kind {it['kind']}")
    if it["type"] not in TYPES:
        err(f"{where}: bad type {it['type']}")
    if it["kind"] == "offtopic":
        if it["article"] != "none":
            err(f"{where}: offtopic must have article none")
        if it["expect"] != "none":
            err(f"{where}: offtopic must have expect none")
        continue
    if it["article"] not in ARTICLES:
        err(f"{where}: bad article {it['article']}")
        continue
    check_expect(where, it["article"], it["expect"], must_be_none=(it["kind"] == "trap"))
    if it["kind"] == "yesno" and it["type"] != "yesno":
        err(f"{where}: yesno kind should have type yesno")
dups = [q for q, n in Counter(x.get("q") for x in en).items() if n > 1]
if dups:
    err(f"questions.yaml: duplicate questions {dups}")

print(f"questions.yaml: {len(en)} questions")
per_art = defaultdict(Counter)
for it in en:
    per_art[it.get("article")][it.get("kind")] += 1
for art in ARTICLES + ["none"]:
    c = per_art[art]
    tot = sum(c.values())
    line = ", ".join(f"{k} {c[k]}" for k in sorted(c))
    if art == "none":
        print(f"  offtopic: {tot} ({line})")
        continue
    share = c["trap"] / tot if tot else 0
    print(f"  {art}: {tot} questions ({line}); trap share {share:.0%}")
    if share < 0.40:
        err(f"{art}: trap share {share:.0%} < 40%")
    for k in ["own", "paraphrase", "terse", "typo", "yesno", "trap"]:
        if c[k] == 0:
            err(f"{art}: no questions of kind {k}")
print("  kinds overall:", dict(sorted(Counter(x.get("kind") for x in en).items())))
print("  types overall:", dict(sorted(Counter(x.get("type") for x in en).items())))

# ---------- Russian questions ----------
ru = ((load("questions_ru.yaml") or {}).get("questions")) or []
if len(ru) != len(en):
    err(f"questions_ru.yaml: {len(ru)} items, English has {len(en)}")
for i, (a, b) in enumerate(zip(en, ru), 1):
    if sorted(b) != sorted(FIELDS):
        err(f"questions_ru.yaml #{i}: fields {sorted(b)}")
        continue
    for f in ["expect", "article", "kind", "type"]:
        if a[f] != b[f]:
            err(f"questions_ru.yaml #{i}: {f} differs from English")
    if a["q"] == b["q"] or not re.search(r"[а-яё]", b["q"], re.I):
        err(f"questions_ru.yaml #{i}: question is not in Russian: {b['q']!r}")
print(f"questions_ru.yaml: {len(ru)} questions")

# ---------- Kazakh questions ----------
kk = ((load("questions_kk.yaml") or {}).get("questions")) or []
kk_raw = open(os.path.join(HERE, "questions_kk.yaml"), encoding="utf-8").read().split("\n")
refs = []
for j, ln in enumerate(kk_raw):
    if ln.lstrip().startswith("- {q:"):
        prev = kk_raw[j - 1].strip() if j else ""
        m = re.match(r"# EN #(\d+): (.*)$", prev)
        refs.append((int(m.group(1)), m.group(2)) if m else None)
if len(kk) != 25:
    err(f"questions_kk.yaml: {len(kk)} items (want 25)")
if len(refs) != len(kk):
    err("questions_kk.yaml: could not match items to lines")
kk_traps, kk_arts = 0, Counter()
for k, (it, ref) in enumerate(zip(kk, refs), 1):
    where = f"questions_kk.yaml #{k}"
    if ref is None:
        err(f"{where}: no '# EN #<n>: <question>' comment above it")
        continue
    n, q = ref
    if not 1 <= n <= len(en) or en[n - 1]["q"] != q:
        err(f"{where}: comment EN #{n} does not match questions.yaml")
        continue
    for f in ["expect", "article", "kind", "type"]:
        if it.get(f) != en[n - 1][f]:
            err(f"{where}: {f} differs from EN #{n}")
    if not re.search(r"[әғқңөұүһі]", it.get("q", ""), re.I) and not re.search(r"[а-я]", it.get("q", ""), re.I):
        err(f"{where}: not Cyrillic: {it.get('q')!r}")
    kk_traps += it.get("kind") == "trap"
    kk_arts[it.get("article")] += 1
print(f"questions_kk.yaml: {len(kk)} questions, {kk_traps} traps, per article {dict(kk_arts)}")
if kk_traps != 8:
    err(f"questions_kk.yaml: {kk_traps} traps (want 8)")
if set(kk_arts) != set(ARTICLES):
    err("questions_kk.yaml: not spread over all three articles")

# ---------- conversations ----------
conv = ((load("conversations.yaml") or {}).get("conversations")) or []
conv_ru = ((load("conversations_ru.yaml") or {}).get("conversations")) or []
if len(conv) != 36:
    err(f"conversations.yaml: {len(conv)} conversations (want 36)")
c_art, c_none = Counter(), Counter()
for i, c in enumerate(conv, 1):
    where = f"conversations.yaml #{i}"
    if sorted(c) != ["article", "expect", "turns"]:
        err(f"{where}: fields {sorted(c)}")
        continue
    if not isinstance(c["turns"], list) or len(c["turns"]) != 2:
        err(f"{where}: needs exactly two turns")
    if c["article"] not in ARTICLES:
        err(f"{where}: bad article {c['article']}")
        continue
    c_art[c["article"]] += 1
    if check_expect(where, c["article"], c["expect"]):
        c_none[c["article"]] += 1
for art in ARTICLES:
    print(f"conversations.yaml: {art}: {c_art[art]} conversations, {c_none[art]} with expect none")
    if c_art[art] != 12:
        err(f"conversations.yaml: {art} has {c_art[art]} conversations (want 12)")
    if c_none[art] != 4:
        err(f"conversations.yaml: {art} has {c_none[art]} none follow-ups (want 4)")
tot_none = sum(c_none.values())
print(f"conversations.yaml: {len(conv)} total, share with expect none {tot_none}/{len(conv)} = {tot_none/max(len(conv),1):.0%}")
if len(conv_ru) != len(conv):
    err(f"conversations_ru.yaml: {len(conv_ru)} conversations, English has {len(conv)}")
for i, (a, b) in enumerate(zip(conv, conv_ru), 1):
    if sorted(b) != ["article", "expect", "turns"]:
        err(f"conversations_ru.yaml #{i}: fields {sorted(b)}")
        continue
    if a["expect"] != b["expect"] or a["article"] != b["article"]:
        err(f"conversations_ru.yaml #{i}: expect/article differ from English")
    if len(b["turns"]) != 2 or any(not re.search(r"[а-яё]", t, re.I) for t in b["turns"]):
        err(f"conversations_ru.yaml #{i}: turns are not two Russian strings")
print(f"conversations_ru.yaml: {len(conv_ru)} conversations")

for art in ARTICLES:
    if art in corpus:
        c = corpus[art]
        print(f"corpus/{art}.txt: {c['words']} words, {len(c['body'])} body blocks, {len(c['furniture'])} furniture blocks")

if errors:
    print(f"\nFAILED: {len(errors)} problem(s)")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("\nOK: all checks passed")
