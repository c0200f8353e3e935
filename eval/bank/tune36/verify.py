"""Checks the TUNE36 part of the QA bank (run from anywhere: paths are relative to this file)."""
import os, re, sys, collections
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune36_diary", "tune36_pressconf", "tune36_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
errors, warnings = [], []
def err(m): errors.append(m)
def warn(m): warnings.append(m)

DATE_LINE = re.compile(r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} [A-Z][a-z]+, \d\d:\d\d$")
LABEL = re.compile(r"^(?:Q \([^)]*\)|[A-Z][A-Z .'-]*[A-Z])\s*:\s+")

def load_article(name):
    text = open(os.path.join(CORPUS, name + ".txt"), encoding="utf-8").read()
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    furniture, body = [], []
    for i, b in enumerate(blocks):
        if name == "tune36_diary":
            is_f = i == 0 or bool(DATE_LINE.match(b)) or b == "The author's name has been changed."
        elif name == "tune36_pressconf":
            is_f = i < 2                      # heading, list of speakers
        else:
            is_f = i < 3                      # headline, standfirst, byline
        if is_f:
            furniture.append(b)
        else:
            m = LABEL.match(b)                # speaker label is not answer text
            body.append(b[m.end():] if m else b)
    words = len(text.split())
    return dict(text=text, blocks=blocks, furniture=furniture, body=body, words=words)

ARTS = {a: load_article(a) for a in ARTICLES}
for a, d in ARTS.items():
    if not 600 <= d["words"] <= 900:
        err(f"{a}: {d['words']} words, want 600-900")
    if a == "tune36_diary":
        if not any(b.startswith("Editor's note:") for b in d["body"]): err("diary: no editor's note block")
        if sum(bool(DATE_LINE.match(b)) for b in d["furniture"]) < 4: err("diary: fewer than 4 dated entries")
        if d["blocks"][-1] != "The author's name has been changed.": err("diary: closing line missing")
    if a == "tune36_pressconf":
        labels = [LABEL.match(b).group(0).strip() for b in d["blocks"][2:] if LABEL.match(b)]
        for need in ("MODERATOR:", "Q (Reuters):", "Q (Kazinform):", "Q (Vlast.kz):"):
            if need not in labels: err(f"pressconf: no turn labelled {need}")
        if "I cannot comment on that." not in d["text"]: err("pressconf: no unanswered question")

SENT_BREAK = re.compile(r"(?<!\b[ap]\.m)(?<!\b[ap])[.!?]['\u2019\"]?\s+(?=['\u2018\"]?[A-Z0-9])")

def check_phrase(where, phrase, article):
    if article not in ARTS:
        err(f"{where}: unknown article {article!r}"); return
    d = ARTS[article]
    n = len(phrase.split())
    if not 4 <= n <= 12:
        err(f"{where}: phrase has {n} words (want 4-12): {phrase!r}")
    if any(phrase in f for f in d["furniture"]):
        err(f"{where}: phrase occurs in furniture: {phrase!r}")
    hits = [b for b in d["body"] if phrase in b]
    if not hits:
        err(f"{where}: phrase not found verbatim in body of {article}: {phrase!r}")
        return
    if sum(b.count(phrase) for b in d["body"]) > 1:
        warn(f"{where}: phrase occurs more than once in {article}: {phrase!r}")
    if SENT_BREAK.search(phrase):
        err(f"{where}: phrase crosses a sentence boundary: {phrase!r}")
    if LABEL.match(phrase):
        err(f"{where}: phrase includes a speaker label: {phrase!r}")

def load_yaml(fn):
    try:
        with open(os.path.join(HERE, fn), encoding="utf-8") as f:
            return yaml.safe_load(f)
    except Exception as e:
        err(f"{fn}: does not parse: {e}"); return None

def check_items(fn, items):
    if not isinstance(items, list):
        err(f"{fn}: no question list"); return
    for i, it in enumerate(items, 1):
        w = f"{fn} #{i}"
        if set(it) != {"q", "expect", "article", "kind", "type"}:
            err(f"{w}: fields {sorted(it)}"); continue
        if not isinstance(it["q"], str) or not it["q"].strip(): err(f"{w}: empty question")
        if it["kind"] not in KINDS: err(f"{w}: bad kind {it['kind']}")
        if it["type"] not in TYPES: err(f"{w}: bad type {it['type']}")
        if it["kind"] == "offtopic":
            if it["article"] != "none" or it["expect"] != "none": err(f"{w}: offtopic needs article/expect none")
            continue
        if it["article"] not in ARTICLES: err(f"{w}: bad article {it['article']}")
        if it["kind"] == "trap":
            if it["expect"] != "none": err(f"{w}: trap with an expect")
            continue
        if not isinstance(it["expect"], list) or not it["expect"]:
            err(f"{w}: answerable item without expect list"); continue
        for ph in it["expect"]:
            check_phrase(w, ph, it["article"])

def ngram_overlap(q, phrase, n=4):
    tok = lambda s: re.findall(r"[a-z0-9']+", s.lower())
    qs, ps = tok(q), tok(phrase)
    grams = {tuple(ps[i:i+n]) for i in range(len(ps) - n + 1)}
    return any(tuple(qs[i:i+n]) in grams for i in range(len(qs) - n + 1))

def same_fields(a, b):
    return all(a[k] == b[k] for k in ("expect", "article", "kind", "type"))

en = (load_yaml("questions.yaml") or {}).get("questions")
ru = (load_yaml("questions_ru.yaml") or {}).get("questions")
kk = (load_yaml("questions_kk.yaml") or {}).get("questions")
check_items("questions.yaml", en); check_items("questions_ru.yaml", ru); check_items("questions_kk.yaml", kk)

print("== questions.yaml ==")
if en:
    print(f"total {len(en)}")
    per = collections.defaultdict(collections.Counter)
    for it in en:
        per[it["article"]][it["kind"]] += 1
        if it["kind"] not in ("terse", "trap", "offtopic") and isinstance(it["expect"], list):
            for ph in it["expect"]:
                if ngram_overlap(it["q"], ph): warn(f"question copies 4+ words of its answer: {it['q']!r}")
    for a in ARTICLES + ["none"]:
        c = per[a]; tot = sum(c.values())
        line = ", ".join(f"{k} {c[k]}" for k in sorted(c))
        if a == "none":
            print(f"  off-topic: {tot} ({line})")
            continue
        share = c["trap"] / tot if tot else 0
        print(f"  {a}: {tot} items ({line}); traps {c['trap']}/{tot} = {share:.0%}")
        if share < 0.40: err(f"{a}: trap share {share:.0%} < 40%")
        for k in ("own", "paraphrase", "terse", "typo", "yesno", "trap"):
            if c[k] == 0: err(f"{a}: no items of kind {k}")
    allk = collections.Counter(it["kind"] for it in en)
    print("  by kind: " + ", ".join(f"{k} {allk[k]}" for k in sorted(allk)))
    allt = collections.Counter(it["type"] for it in en)
    print("  by type: " + ", ".join(f"{k} {allt[k]}" for k in sorted(allt)))
    qs = [it["q"] for it in en]
    for q, n in collections.Counter(qs).items():
        if n > 1: err(f"duplicate question {q!r}")

print("== questions_ru.yaml ==")
if en and ru:
    if len(ru) != len(en): err(f"ru has {len(ru)} items, en {len(en)}")
    for i, (a, b) in enumerate(zip(en, ru), 1):
        if not same_fields(a, b): err(f"ru #{i}: fields differ from en")
        if not re.search(r"[а-яё]", b["q"].lower()): err(f"ru #{i}: not Russian: {b['q']!r}")
    print(f"  {len(ru)} items, same order and fields as en: {not any(e.startswith('ru #') or e.startswith('ru has') for e in errors)}")

print("== questions_kk.yaml ==")
if en and kk:
    raw = open(os.path.join(HERE, "questions_kk.yaml"), encoding="utf-8").read().splitlines()
    refs = [(int(m.group(1)), m.group(2)) for m in (re.match(r"\s*# EN #(\d+): (.*)$", l) for l in raw) if m]
    if len(refs) != len(kk): err(f"kk: {len(refs)} EN comments for {len(kk)} items")
    if len(kk) != 25: err(f"kk: {len(kk)} items, want 25")
    for (n, q), it in zip(refs, kk):
        if not 1 <= n <= len(en): err(f"kk: EN #{n} out of range"); continue
        if en[n-1]["q"] != q: err(f"kk: comment for EN #{n} does not match English question")
        if not same_fields(en[n-1], it): err(f"kk: EN #{n} fields differ")
        if not re.search(r"[әғқңөұүһі]", it["q"].lower()) and not re.search(r"[а-я]", it["q"].lower()):
            err(f"kk: EN #{n} not Cyrillic")
    kc = collections.Counter(it["article"] for it in kk)
    print(f"  {len(kk)} items; per article: " + ", ".join(f"{a} {kc[a]}" for a in ARTICLES)
          + f"; traps {sum(it['kind'] == 'trap' for it in kk)}")
    if sum(it["kind"] == "trap" for it in kk) < 8: err("kk: fewer than 8 traps")
    if any(kc[a] < 5 for a in ARTICLES): err("kk: not spread over the three articles")

print("== conversations ==")
ce = (load_yaml("conversations.yaml") or {}).get("conversations")
cr = (load_yaml("conversations_ru.yaml") or {}).get("conversations")
for fn, conv in (("conversations.yaml", ce), ("conversations_ru.yaml", cr)):
    if not isinstance(conv, list): err(f"{fn}: no list"); continue
    for i, c in enumerate(conv, 1):
        w = f"{fn} #{i}"
        if set(c) != {"turns", "expect", "article"}: err(f"{w}: fields {sorted(c)}"); continue
        if not (isinstance(c["turns"], list) and len(c["turns"]) == 2 and all(isinstance(t, str) and t.strip() for t in c["turns"])):
            err(f"{w}: needs exactly two turns")
        if c["article"] not in ARTICLES: err(f"{w}: bad article")
        if c["expect"] != "none":
            if not isinstance(c["expect"], list) or not c["expect"]: err(f"{w}: bad expect"); continue
            for ph in c["expect"]: check_phrase(w, ph, c["article"])
if ce and cr:
    if len(ce) != 36: err(f"conversations: {len(ce)}, want 36")
    if len(cr) != len(ce): err(f"conversations_ru: {len(cr)} vs {len(ce)}")
    for i, (a, b) in enumerate(zip(ce, cr), 1):
        if a["expect"] != b["expect"] or a["article"] != b["article"]: err(f"conversations_ru #{i}: expect/article differ")
        if not all(re.search(r"[а-яё]", t.lower()) for t in b["turns"]): err(f"conversations_ru #{i}: not Russian")
    pa = collections.Counter(c["article"] for c in ce)
    pn = collections.Counter(c["article"] for c in ce if c["expect"] == "none")
    nn = sum(pn.values())
    print(f"  {len(ce)} conversations (ru {len(cr)}); per article: " + ", ".join(f"{a} {pa[a]} (none {pn[a]})" for a in ARTICLES)
          + f"; none {nn}/{len(ce)} = {nn/len(ce):.0%}")
    if any(pa[a] != 12 for a in ARTICLES): err("conversations: want 12 per article")
    if not 0.30 <= nn / len(ce) <= 0.37: err("conversations: share of none should be about a third")

print("== articles ==")
for a, d in ARTS.items():
    print(f"  {a}: {d['words']} words, {len(d['blocks'])} blocks ({len(d['furniture'])} furniture)")

for w in warnings: print("WARNING:", w)
for e in errors: print("ERROR:", e)
print("RESULT:", "FAIL" if errors else "PASS", f"({len(errors)} errors, {len(warnings)} warnings)")
sys.exit(1 if errors else 0)
