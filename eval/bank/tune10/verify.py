"""Checks the part-10 files: parsing, verbatim expects outside furniture, RU/KK alignment, counts."""
import os, re, sys
from collections import Counter, defaultdict
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = ["tune10_court", "tune10_qa", "tune10_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
errors = []

def err(msg):
    errors.append(msg)

def load(name):
    path = os.path.join(HERE, name)
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except Exception as e:  # noqa
        err("%s: does not parse: %s" % (name, e))
        return None

# ---------------------------------------------------------------- articles
DATE_RE = re.compile(r"^\d{1,2} (January|February|March|April|May|June|July|August|September|"
                     r"October|November|December) \d{4}$")
SENT_SPLIT = re.compile(r'(?<=[.!?])["”]?\s+(?=["“A-Z0-9$])')

def sentences(block):
    text = " ".join(block.split())
    # split but keep closing quotes with the sentence they end
    out, start = [], 0
    for m in re.finditer(r'[.!?]["”]?\s+(?=["“A-Z0-9$])', text):
        out.append(text[start:m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]

def is_furniture(i, block):
    lines = block.split("\n")
    if i in (0, 1):                                   # headline, standfirst
        return True
    if lines[0].startswith("By "):                    # byline (+ date line)
        return True
    if len(lines) == 1 and DATE_RE.match(lines[0]):   # date line
        return True
    if len(lines) == 1 and lines[0].rstrip().endswith("?"):  # Q&A sub-heading
        return True
    if len(lines) == 1 and re.match(r"^(Photo|Credit|Additional reporting)", lines[0]):
        return True
    return False

art = {}
for a in ARTICLES:
    path = os.path.join(HERE, "corpus", a + ".txt")
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", raw.strip()) if b.strip()]
    furn = [b for i, b in enumerate(blocks) if is_furniture(i, b)]
    body = [b for i, b in enumerate(blocks) if not is_furniture(i, b)]
    nwords = len(raw.split())
    if not 600 <= nwords <= 900:
        err("%s: %d words (want 600-900)" % (a, nwords))
    if a == "tune10_court":
        bl = blocks[2].split("\n")
        if not (len(bl) == 2 and re.match(r"^By .+, Almaty$", bl[0]) and DATE_RE.match(bl[1])):
            err("tune10_court: third block must be 'By <name>, Almaty' + date line")
    if a == "tune10_qa":
        if not any(len(b.split("\n")) == 1 and b.endswith("?") for b in blocks):
            err("tune10_qa: no question sub-headings found")
    art[a] = dict(raw=raw, furn=furn, body=body,
                  sents=[s for b in body for s in sentences(b)], words=nwords,
                  nsub=sum(1 for i, b in enumerate(blocks) if i > 1 and b.endswith("?") and "\n" not in b))

def words(t):
    return re.findall(r"[a-z0-9']+", t.lower())

def longest_common_run(a, b):
    a, b = words(a), words(b)
    best = 0
    for i in range(len(a)):
        for j in range(len(b)):
            k = 0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            best = max(best, k)
    return best

def check_expect(where, expect, article, question=None, kind=None):
    if expect == "none":
        return
    if not isinstance(expect, list) or not expect:
        err("%s: expect must be a non-empty list or none" % where)
        return
    if article not in art:
        err("%s: expect given but article is %r" % (where, article))
        return
    A = art[article]
    for p in expect:
        if not isinstance(p, str):
            err("%s: expect phrase not a string: %r" % (where, p)); continue
        n = len(p.split())
        if not 4 <= n <= 12:
            err("%s: phrase %r has %d words (want 4-12)" % (where, p, n))
        if p not in A["raw"]:
            err("%s: phrase %r not in %s" % (where, p, article)); continue
        if any(p in " ".join(f.split()) for f in A["furn"]):
            err("%s: phrase %r occurs in a furniture block" % (where, p))
        hits = [s for s in A["sents"] if p in s]
        if not hits:
            err("%s: phrase %r is not inside one body sentence" % (where, p))
        for other in ARTICLES:
            if other != article and p in art[other]["raw"]:
                err("%s: phrase %r also occurs in %s" % (where, p, other))
        if question and kind not in ("terse",) and hits:
            run = max(longest_common_run(question, s) for s in hits)
            if run >= 4:
                err("%s: question copies %d consecutive words of the answer sentence" % (where, run))

def check_item(where, it):
    for k in ("q", "expect", "article", "kind", "type"):
        if k not in it:
            err("%s: missing field %s" % (where, k))
            return False
    if it["kind"] not in KINDS:
        err("%s: bad kind %r" % (where, it["kind"]))
    if it["type"] not in TYPES:
        err("%s: bad type %r" % (where, it["type"]))
    if it["article"] not in ARTICLES + ["none"]:
        err("%s: bad article %r" % (where, it["article"]))
    if it["kind"] == "offtopic" and (it["article"] != "none" or it["expect"] != "none"):
        err("%s: offtopic must have article none and expect none" % where)
    if it["kind"] == "trap" and it["expect"] != "none":
        err("%s: trap must have expect none" % where)
    if it["kind"] not in ("trap", "offtopic") and it["expect"] == "none":
        err("%s: kind %s needs an expect" % (where, it["kind"]))
    if it["article"] == "none" and it["kind"] != "offtopic":
        err("%s: article none but kind %s" % (where, it["kind"]))
    return True

# ---------------------------------------------------------------- questions.yaml
en = load("questions.yaml")
ru = load("questions_ru.yaml")
kk = load("questions_kk.yaml")
en_q = (en or {}).get("questions") or []
ru_q = (ru or {}).get("questions") or []
kk_q = (kk or {}).get("questions") or []

for i, it in enumerate(en_q, 1):
    if check_item("en #%d" % i, it):
        check_expect("en #%d" % i, it["expect"], it["article"], it["q"], it["kind"])
dups = [q for q, c in Counter(it.get("q") for it in en_q).items() if c > 1]
if dups:
    err("duplicate English questions: %r" % dups)

per_art = defaultdict(Counter)
for it in en_q:
    per_art[it.get("article")][it.get("kind")] += 1

CYR = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
if len(ru_q) != len(en_q):
    err("ru has %d items, en has %d" % (len(ru_q), len(en_q)))
for i, (e, r) in enumerate(zip(en_q, ru_q), 1):
    if check_item("ru #%d" % i, r):
        for k in ("expect", "article", "kind", "type"):
            if r[k] != e[k]:
                err("ru #%d: %s differs from en (%r vs %r)" % (i, k, r[k], e[k]))
        if not CYR.search(r["q"]):
            err("ru #%d: question has no Cyrillic: %r" % (i, r["q"]))
if len(set(r.get("q") for r in ru_q)) != len(ru_q):
    err("ru: duplicate questions")

# ---------------------------------------------------------------- questions_kk.yaml
with open(os.path.join(HERE, "questions_kk.yaml"), encoding="utf-8") as f:
    kk_lines = f.read().splitlines()
refs = []
for j, line in enumerate(kk_lines):
    if line.strip().startswith("- {"):
        prev = kk_lines[j - 1].strip()
        m = re.match(r"^# EN #(\d+): (.*)$", prev)
        if not m:
            err("kk: item on line %d lacks a '# EN #<n>: ...' comment above it" % (j + 1))
            refs.append(None)
        else:
            refs.append((int(m.group(1)), m.group(2)))
if len(refs) != len(kk_q):
    err("kk: %d items parsed but %d item lines found" % (len(kk_q), len(refs)))
kk_art, kk_traps = Counter(), 0
for i, (it, ref) in enumerate(zip(kk_q, refs), 1):
    if not check_item("kk #%d" % i, it) or ref is None:
        continue
    n, text = ref
    if not 1 <= n <= len(en_q):
        err("kk #%d: EN #%d out of range" % (i, n)); continue
    e = en_q[n - 1]
    if e["q"] != text:
        err("kk #%d: comment text %r != EN #%d %r" % (i, text, n, e["q"]))
    for k in ("expect", "article", "kind", "type"):
        if it[k] != e[k]:
            err("kk #%d: %s differs from EN #%d" % (i, k, n))
    if not CYR.search(it["q"]):
        err("kk #%d: no Cyrillic in %r" % (i, it["q"]))
    kk_art[it["article"]] += 1
    kk_traps += it["kind"] == "trap"
if len(kk_q) != 25:
    err("kk: %d items (want 25)" % len(kk_q))
if kk_traps < 8:
    err("kk: %d traps (want >= 8)" % kk_traps)
if any(kk_art[a] == 0 for a in ARTICLES):
    err("kk: not spread over all three articles: %r" % dict(kk_art))

# ---------------------------------------------------------------- conversations
cv = (load("conversations.yaml") or {}).get("conversations") or []
cvr = (load("conversations_ru.yaml") or {}).get("conversations") or []
conv_art = Counter()
for i, c in enumerate(cv, 1):
    if not isinstance(c.get("turns"), list) or len(c["turns"]) != 2:
        err("conv #%d: needs exactly two turns" % i)
    if c.get("article") not in ARTICLES:
        err("conv #%d: bad article" % i); continue
    conv_art[c["article"]] += 1
    check_expect("conv #%d" % i, c.get("expect"), c["article"])
conv_none = sum(1 for c in cv if c.get("expect") == "none")
if len(cv) != 30:
    err("conversations: %d (want 30)" % len(cv))
if any(conv_art[a] != 10 for a in ARTICLES):
    err("conversations per article: %r (want 10 each)" % dict(conv_art))
if conv_none != 10:
    err("conversations with expect none: %d (want 10)" % conv_none)
if len(cvr) != len(cv):
    err("conversations_ru: %d items, en has %d" % (len(cvr), len(cv)))
for i, (c, r) in enumerate(zip(cv, cvr), 1):
    if r.get("expect") != c.get("expect") or r.get("article") != c.get("article"):
        err("conv_ru #%d: expect/article differ from en" % i)
    if not isinstance(r.get("turns"), list) or len(r["turns"]) != 2 or not all(CYR.search(t) for t in r["turns"]):
        err("conv_ru #%d: needs two Cyrillic turns" % i)

# ---------------------------------------------------------------- report
print("articles:")
for a in ARTICLES:
    A = art[a]
    print("  %-13s %4d words, %2d body blocks, %2d furniture blocks, %2d body sentences"
          % (a, A["words"], len(A["body"]), len(A["furn"]), len(A["sents"])))
print("questions: %d  (ru %d, kk %d)" % (len(en_q), len(ru_q), len(kk_q)))
kinds = ["own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"]
print("  %-13s %s  total  trap%%" % ("article", " ".join("%10s" % k for k in kinds)))
for a in ARTICLES + ["none"]:
    c = per_art[a]
    tot = sum(c.values())
    share = c["trap"] / tot if tot else 0
    print("  %-13s %s  %5d  %s" % (a, " ".join("%10d" % c[k] for k in kinds), tot,
                                   "%4.0f%%" % (100 * share) if a != "none" else "   -"))
    if a in ARTICLES and share < 0.40:
        err("%s: trap share %.0f%% < 40%%" % (a, 100 * share))
    if a in ARTICLES:
        for k in ("own", "paraphrase", "terse", "typo", "yesno"):
            if c[k] == 0:
                err("%s: no %s questions" % (a, k))
print("  types:", dict(Counter(it.get("type") for it in en_q)))
print("kk: %d items, %d traps, per article %r" % (len(kk_q), kk_traps, dict(kk_art)))
print("conversations: %d (ru %d), per article %r, expect none: %d (%.0f%%)"
      % (len(cv), len(cvr), dict(conv_art), conv_none, 100 * conv_none / max(1, len(cv))))
if errors:
    print("\nFAILED: %d problem(s)" % len(errors))
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("\nOK: all checks passed")
