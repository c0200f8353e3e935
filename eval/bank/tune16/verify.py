#!/usr/bin/env python3
"""Checks the TUNE16 part of the QA bank (corpus/, questions*.yaml, conversations*.yaml)."""
import os, re, sys
from collections import Counter, defaultdict
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ARTS = ["tune16_investigation", "tune16_advisory", "tune16_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
FIELDS = {"q", "expect", "article", "kind", "type"}
errors = []

def err(msg):
    errors.append(msg)

def load(name):
    path = os.path.join(HERE, name)
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except Exception as e:  # noqa
        err(f"{name}: does not parse: {e}")
        return None

# ---------------------------------------------------------------- corpus
def blocks_of(text):
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]

def is_heading(b):
    return ("\n" not in b and not b.startswith("- ") and len(b.split()) <= 8
            and not re.search(r'[.!?:;"”]$', b))

def furniture_flags(blocks):
    flags = []
    for i, b in enumerate(blocks):
        f = (i < 3  # headline / title, standfirst or date line, byline or dateline
             or is_heading(b)
             or re.match(r"^(By |Last updated:|Latest update:|Credit:|Photo:)", b) is not None
             or re.match(r"^[A-Z][A-Z .'-]+, \d{1,2} \w+ \d{4}$", b) is not None)
        flags.append(f)
    return flags

def sentences(block):
    out = []
    for ln in block.split("\n"):
        ln = ln.strip()
        if ln.startswith("- "):
            ln = ln[2:]
        out += [s for s in re.split(r'(?<=[.!?])["”]?\s+(?=["“]?[A-Z])', ln) if s]
    return out

corpus = {}
for a in ARTS:
    p = os.path.join(HERE, "corpus", a + ".txt")
    if not os.path.exists(p):
        err(f"corpus/{a}.txt missing"); continue
    text = open(p, encoding="utf-8").read()
    blocks = blocks_of(text)
    flags = furniture_flags(blocks)
    body = [b for b, f in zip(blocks, flags) if not f]
    furn = [b for b, f in zip(blocks, flags) if f]
    words = len(text.split())
    if not 600 <= words <= 900:
        err(f"{a}: {words} words, want 600-900")
    corpus[a] = dict(text=text, body=body, furn=furn, words=words,
                     sents=[s for b in body for s in sentences(b)])

if "tune16_investigation" in corpus:
    c = corpus["tune16_investigation"]
    if not any(b.startswith("By ") for b in c["furn"]):
        err("investigation: no byline")
    blocks = blocks_of(c["text"])
    heads = [b for b in blocks[3:] if is_heading(b)]
    if len(heads) != 2:
        err(f"investigation: want 2 section headings, found {heads}")
if "tune16_advisory" in corpus:
    c = corpus["tune16_advisory"]
    for need in ("Last updated:", "Latest update:"):
        if not any(b.startswith(need) for b in c["furn"]):
            err(f"advisory: no '{need}' line")
    for h in ("Safety and security", "Entry requirements", "Local laws", "Getting help"):
        if h not in c["furn"]:
            err(f"advisory: heading '{h}' missing")
    if not re.search(r"^- ", c["text"], re.M):
        err("advisory: no bullet lines")
if "tune16_other" in corpus and re.search(r"kazakh", corpus["tune16_other"]["text"], re.I):
    err("other: mentions Kazakhstan")

def norm_words(s):
    return re.findall(r"[a-z0-9]+", s.lower())

def check_phrase(where, phrase, art):
    if not isinstance(phrase, str):
        err(f"{where}: expect item not a string: {phrase!r}"); return
    n = len(phrase.split())
    if not 4 <= n <= 12:
        err(f"{where}: phrase has {n} words: {phrase!r}")
    c = corpus.get(art)
    if c is None:
        err(f"{where}: unknown article {art}"); return
    if phrase not in c["text"]:
        err(f"{where}: not verbatim in {art}: {phrase!r}"); return
    if not any(phrase in b for b in c["body"]):
        err(f"{where}: only in furniture of {art}: {phrase!r}"); return
    if any(phrase in b for b in c["furn"]):
        err(f"{where}: also occurs in furniture of {art}: {phrase!r}")
    if not any(phrase in s for s in c["sents"]):
        err(f"{where}: crosses a sentence boundary: {phrase!r}")

def check_expect(where, exp, art):
    if exp == "none":
        return
    if not isinstance(exp, list) or not exp:
        err(f"{where}: expect must be `none` or a non-empty list"); return
    for ph in exp:
        check_phrase(where, ph, art)
    # alternatives must each come from one sentence (any one counts)

def ngrams(ws, n=4):
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}

# ---------------------------------------------------------------- questions (en)
en = load("questions.yaml")
ru = load("questions_ru.yaml")
kk = load("questions_kk.yaml")
conv = load("conversations.yaml")
conv_ru = load("conversations_ru.yaml")

qs = (en or {}).get("questions") or []
per_art = defaultdict(Counter)
seen = set()
for i, it in enumerate(qs, 1):
    w = f"questions.yaml #{i}"
    if not isinstance(it, dict) or set(it) != FIELDS:
        err(f"{w}: fields {sorted(it) if isinstance(it, dict) else it}"); continue
    q, exp, art, kind, typ = (it[k] for k in ("q", "expect", "article", "kind", "type"))
    if kind not in KINDS: err(f"{w}: bad kind {kind}")
    if typ not in TYPES: err(f"{w}: bad type {typ}")
    if q.lower() in seen: err(f"{w}: duplicate question")
    seen.add(q.lower())
    if kind == "offtopic":
        if art != "none" or exp != "none": err(f"{w}: offtopic needs article none / expect none")
    else:
        if art not in ARTS: err(f"{w}: bad article {art}")
    if kind == "trap" and exp != "none":
        err(f"{w}: trap with an expect")
    if kind not in ("trap", "offtopic"):
        if exp == "none": err(f"{w}: {kind} item with expect none")
        check_expect(w, exp, art)
        if kind not in ("terse",) and isinstance(exp, list):
            qg = ngrams(norm_words(q))
            for ph in exp:
                common = qg & ngrams(norm_words(ph))
                if common:
                    err(f"{w}: question copies wording of the answer: {common}")
    per_art[art][kind] += 1

print("Questions (en):", len(qs))
for a in ARTS + ["none"]:
    cnt = per_art[a]; tot = sum(cnt.values())
    line = ", ".join(f"{k}={cnt[k]}" for k in sorted(cnt))
    if a == "none":
        print(f"  offtopic: {tot} ({line})")
        if not 8 <= tot <= 12: err(f"offtopic count {tot}, want about 10")
        continue
    share = cnt["trap"] / tot if tot else 0
    print(f"  {a}: {tot} items, traps {cnt['trap']} ({share:.0%}); {line}")
    if not 30 <= tot <= 40: err(f"{a}: {tot} questions, want about 35")
    if share < 0.40: err(f"{a}: trap share {share:.0%} < 40%")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if cnt[k] == 0: err(f"{a}: no {k} questions")
kinds_total = Counter(it["kind"] for it in qs if isinstance(it, dict) and "kind" in it)
print("  kinds overall:", dict(sorted(kinds_total.items())))
if not 110 <= len(qs) <= 130: err(f"{len(qs)} questions, want about 120")

CYR = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")

# ---------------------------------------------------------------- ru
rqs = (ru or {}).get("questions") or []
print("Questions (ru):", len(rqs))
if len(rqs) != len(qs): err(f"ru has {len(rqs)} items, en {len(qs)}")
for i, (e, r) in enumerate(zip(qs, rqs), 1):
    w = f"questions_ru.yaml #{i}"
    if not isinstance(r, dict) or set(r) != FIELDS:
        err(f"{w}: fields"); continue
    for k in ("expect", "article", "kind", "type"):
        if r[k] != e.get(k): err(f"{w}: {k} differs from en")
    if not r["q"] or not CYR.search(r["q"]) or r["q"] == e.get("q"):
        err(f"{w}: not a Russian question: {r['q']!r}")
ru_head = open(os.path.join(HERE, "questions_ru.yaml"), encoding="utf-8").readline()
if not ru_head.startswith("# TUNE16 part of the QA bank (Russian questions)"):
    err("questions_ru.yaml: header comment")

# ---------------------------------------------------------------- kk
kqs = (kk or {}).get("questions") or []
print("Questions (kk):", len(kqs))
if len(kqs) != 25: err(f"kk has {len(kqs)} items, want 25")
raw = open(os.path.join(HERE, "questions_kk.yaml"), encoding="utf-8").read().splitlines()
refs = []
for n, ln in enumerate(raw):
    if ln.strip().startswith("- {"):
        prev = raw[n - 1].strip() if n else ""
        m = re.match(r"# EN #(\d+): (.*)$", prev)
        refs.append((int(m.group(1)), m.group(2)) if m else None)
if len(refs) != len(kqs): err("kk: item/comment count mismatch")
kk_arts, kk_traps = Counter(), 0
for i, (ref, k) in enumerate(zip(refs, kqs), 1):
    w = f"questions_kk.yaml #{i}"
    if ref is None: err(f"{w}: no '# EN #n:' comment above"); continue
    n, text = ref
    if not 1 <= n <= len(qs): err(f"{w}: EN #{n} out of range"); continue
    e = qs[n - 1]
    if text != e["q"]: err(f"{w}: comment text differs from EN #{n}")
    if set(k) != FIELDS: err(f"{w}: fields"); continue
    for f in ("expect", "article", "kind", "type"):
        if k[f] != e[f]: err(f"{w}: {f} differs from EN #{n}")
    if not CYR.search(k["q"]): err(f"{w}: not Cyrillic")
    kk_arts[k["article"]] += 1
    kk_traps += k["kind"] == "trap"
print(f"  kk per article: {dict(kk_arts)}, traps {kk_traps}")
if kk_traps < 8: err(f"kk traps {kk_traps} < 8")
if any(kk_arts[a] < 5 for a in ARTS): err("kk not spread over the three articles")

# ---------------------------------------------------------------- conversations
cs = (conv or {}).get("conversations") or []
crs = (conv_ru or {}).get("conversations") or []
print("Conversations:", len(cs), "ru:", len(crs))
if len(cs) != 36: err(f"{len(cs)} conversations, want 36")
if len(crs) != len(cs): err("conversations_ru length differs")
c_art, c_none = Counter(), Counter()
for i, c in enumerate(cs, 1):
    w = f"conversations.yaml #{i}"
    if not isinstance(c, dict) or set(c) != {"turns", "expect", "article"}:
        err(f"{w}: fields"); continue
    if not (isinstance(c["turns"], list) and len(c["turns"]) == 2 and all(isinstance(t, str) and t for t in c["turns"])):
        err(f"{w}: want two turns")
    if c["article"] not in ARTS: err(f"{w}: bad article")
    check_expect(w, c["expect"], c["article"])
    c_art[c["article"]] += 1
    c_none[c["article"]] += c["expect"] == "none"
for i, (c, r) in enumerate(zip(cs, crs), 1):
    w = f"conversations_ru.yaml #{i}"
    if not isinstance(r, dict) or set(r) != {"turns", "expect", "article"}:
        err(f"{w}: fields"); continue
    if r["expect"] != c.get("expect") or r["article"] != c.get("article"): err(f"{w}: expect/article differ")
    if not (isinstance(r["turns"], list) and len(r["turns"]) == 2 and all(CYR.search(t) for t in r["turns"])):
        err(f"{w}: want two Russian turns")
tot_none = sum(c_none.values())
print(f"  per article: {dict(c_art)}; expect none: {tot_none} ({tot_none / max(len(cs), 1):.0%}) {dict(c_none)}")
for a in ARTS:
    if c_art[a] != 12: err(f"conversations: {a} has {c_art[a]}, want 12")
if tot_none != 12: err(f"conversations: {tot_none} with expect none, want 12 (a third)")

print("Corpus:", ", ".join(f"{a} {corpus[a]['words']} words" for a in corpus))
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("\nOK: all checks passed")
