#!/usr/bin/env python3
"""Checks for the TUNE34 part of the QA bank (run from anywhere)."""
import collections, os, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune34_paper", "tune34_pressreview", "tune34_other"]
LEAD_FURNITURE = {"tune34_paper": 2, "tune34_pressreview": 3, "tune34_other": 3}
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
errors, notes = [], []


def err(msg):
    errors.append(msg)


def read_text(name):
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8") as f:
        return f.read()


def load(name):
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        err(f"{name}: missing")
        return None
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except Exception as e:  # noqa
        err(f"{name}: does not parse: {e}")
        return None


def blocks_of(art):
    with open(os.path.join(CORPUS, art + ".txt"), encoding="utf-8") as f:
        text = f.read()
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    body, furn = [], []
    after_refs = False
    for i, b in enumerate(blocks):
        heading = (b in ("Abstract", "References") or re.match(r"^\d+\.\s+\S", b)
                   or (len(b.split()) <= 6 and not b.endswith(".")))
        if b == "References":
            after_refs = True
        if i < LEAD_FURNITURE[art] or heading or after_refs:
            furn.append(b)
        else:
            body.append(b)
    return text, body, furn


CORP = {}
for a in ARTICLES:
    text, body, furn = blocks_of(a)
    CORP[a] = (text, body, furn)
    n = len(text.split())
    notes.append(f"{a}: {n} words, {len(body)} body blocks, {len(furn)} furniture blocks")
    if not 600 <= n <= 900:
        err(f"{a}: {n} words, outside 600-900")


def check_phrase(where, art, phrase):
    if not isinstance(phrase, str) or not phrase.strip():
        err(f"{where}: empty/non-string expect phrase {phrase!r}")
        return
    text, body, furn = CORP[art]
    if phrase not in text:
        err(f"{where}: phrase not in {art}: {phrase!r}")
        return
    if not any(phrase in b for b in body):
        err(f"{where}: phrase only in furniture of {art}: {phrase!r}")
    wc = len(phrase.split())
    if not 4 <= wc <= 12:
        err(f"{where}: phrase has {wc} words (want 4-12): {phrase!r}")
    # must sit inside one sentence
    for b in body:
        if phrase in b:
            sents = re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+(?=[A-Z\"“])", b)
            if not any(phrase in s for s in sents):
                err(f"{where}: phrase spans sentences: {phrase!r}")


def check_expect(where, art, expect):
    if expect == "none":
        return True
    if not isinstance(expect, list) or not expect:
        err(f"{where}: expect must be 'none' or a non-empty list, got {expect!r}")
        return False
    if art not in ARTICLES:
        err(f"{where}: expect given but article {art!r} is not a corpus article")
        return False
    for p in expect:
        check_phrase(where, art, p)
    return False


# ---------------- questions ----------------
def check_items(name, items, ref=None):
    if not isinstance(items, list):
        err(f"{name}: 'questions' is not a list")
        return
    for i, it in enumerate(items, 1):
        w = f"{name} #{i}"
        for k in ("q", "expect", "article", "kind", "type"):
            if k not in it:
                err(f"{w}: missing {k}")
        if set(it) - {"q", "expect", "article", "kind", "type"}:
            err(f"{w}: unexpected keys {set(it) - {'q','expect','article','kind','type'}}")
        if it.get("kind") not in KINDS:
            err(f"{w}: bad kind {it.get('kind')!r}")
        if it.get("type") not in TYPES:
            err(f"{w}: bad type {it.get('type')!r}")
        art = it.get("article")
        if art != "none" and art not in ARTICLES:
            err(f"{w}: bad article {art!r}")
        is_none = check_expect(w, art, it.get("expect"))
        kind = it.get("kind")
        if kind in ("trap", "offtopic") and not is_none:
            err(f"{w}: {kind} must have expect: none")
        if kind not in ("trap", "offtopic") and is_none:
            err(f"{w}: kind {kind} but expect none")
        if kind == "offtopic" and art != "none":
            err(f"{w}: offtopic must have article: none")
        if art == "none" and kind != "offtopic":
            err(f"{w}: article none but kind {kind}")
        if not isinstance(it.get("q"), str) or not it["q"].strip():
            err(f"{w}: empty question")
        if ref is not None:
            r = ref[i - 1] if i - 1 < len(ref) else None
            if r is None:
                continue
            for k in ("expect", "article", "kind", "type"):
                if it.get(k) != r.get(k):
                    err(f"{w}: {k} differs from English: {it.get(k)!r} vs {r.get(k)!r}")
            if it.get("q") == r.get("q"):
                err(f"{w}: question identical to English")


en_doc = load("questions.yaml")
en = (en_doc or {}).get("questions", [])
check_items("questions.yaml", en)
kinds = collections.Counter(q["kind"] for q in en)
notes.append(f"questions.yaml: {len(en)} items; kinds: {dict(sorted(kinds.items()))}")
types = collections.Counter(q["type"] for q in en)
notes.append(f"questions.yaml: types: {dict(sorted(types.items()))}")
if not 110 <= len(en) <= 130:
    err(f"questions.yaml: {len(en)} items, want about 120")
for a in ARTICLES:
    qs = [q for q in en if q["article"] == a]
    traps = sum(q["kind"] == "trap" for q in qs)
    share = traps / len(qs) if qs else 0
    ks = collections.Counter(q["kind"] for q in qs)
    notes.append(f"  {a}: {len(qs)} questions, {traps} traps ({share:.0%}); kinds {dict(sorted(ks.items()))}")
    if share < 0.40:
        err(f"{a}: trap share {share:.0%} < 40%")
    for k in ("own", "paraphrase", "terse", "typo", "yesno"):
        if ks[k] == 0:
            err(f"{a}: no questions of kind {k}")
    if not 30 <= len(qs) <= 40:
        err(f"{a}: {len(qs)} questions, want about 35")
off = sum(q["kind"] == "offtopic" for q in en)
notes.append(f"  offtopic: {off}")
if off < 8:
    err(f"only {off} offtopic questions")
qs_text = [q["q"] for q in en]
dups = [q for q, c in collections.Counter(qs_text).items() if c > 1]
if dups:
    err(f"duplicate English questions: {dups}")

# ---------------- Russian ----------------
ru_doc = load("questions_ru.yaml")
ru = (ru_doc or {}).get("questions", [])
if len(ru) != len(en):
    err(f"questions_ru.yaml: {len(ru)} items vs {len(en)} English")
check_items("questions_ru.yaml", ru, ref=en)
if not read_text("questions_ru.yaml").startswith("# TUNE34 part of the QA bank (Russian questions)"):
    err("questions_ru.yaml: header comment missing")
cyr = sum(bool(re.search("[а-яА-ЯёЁ]", q.get("q", ""))) for q in ru)
notes.append(f"questions_ru.yaml: {len(ru)} items, {cyr} with Cyrillic text")
if cyr < len(ru):
    err("questions_ru.yaml: some questions have no Cyrillic")

# ---------------- Kazakh ----------------
kk_doc = load("questions_kk.yaml")
kk = (kk_doc or {}).get("questions", [])
kk_lines = read_text("questions_kk.yaml").splitlines()
refs = []
for j, line in enumerate(kk_lines):
    m = re.match(r"\s*# EN #(\d+): (.*)$", line)
    if m:
        nxt = kk_lines[j + 1] if j + 1 < len(kk_lines) else ""
        if not nxt.strip().startswith("- {q:"):
            err(f"questions_kk.yaml: comment on line {j+1} not directly above an item")
        refs.append((int(m.group(1)), m.group(2)))
if len(refs) != len(kk):
    err(f"questions_kk.yaml: {len(refs)} EN comments vs {len(kk)} items")
kk_ref = []
for (n, qtext), it in zip(refs, kk):
    if not 1 <= n <= len(en):
        err(f"questions_kk.yaml: EN #{n} out of range")
        kk_ref.append({})
        continue
    if en[n - 1]["q"] != qtext:
        err(f"questions_kk.yaml: EN #{n} comment text differs from English question: {qtext!r}")
    kk_ref.append(en[n - 1])
check_items("questions_kk.yaml", kk, ref=kk_ref)
kk_traps = sum(q.get("kind") == "trap" for q in kk)
kk_arts = collections.Counter(q.get("article") for q in kk)
notes.append(f"questions_kk.yaml: {len(kk)} items, {kk_traps} traps, per article {dict(kk_arts)}")
if len(kk) != 25:
    err(f"questions_kk.yaml: {len(kk)} items, want 25")
if kk_traps < 8:
    err(f"questions_kk.yaml: {kk_traps} traps, want 8")
if any(kk_arts[a] < 5 for a in ARTICLES):
    err("questions_kk.yaml: not spread over the three articles")
if len({n for n, _ in refs}) != len(refs):
    err("questions_kk.yaml: an English question is used twice")
for q in kk:
    if re.search("[A-Za-z]{4,}", q.get("q", "")) and not re.search("[а-яәғқңөұүһі]", q.get("q", "")):
        err(f"questions_kk.yaml: not Cyrillic Kazakh: {q.get('q')!r}")


# ---------------- conversations ----------------
def check_convs(name, convs, ref=None):
    if not isinstance(convs, list):
        err(f"{name}: 'conversations' is not a list")
        return
    for i, c in enumerate(convs, 1):
        w = f"{name} #{i}"
        if set(c) != {"turns", "expect", "article"}:
            err(f"{w}: keys {sorted(c)}")
        t = c.get("turns")
        if not (isinstance(t, list) and len(t) == 2 and all(isinstance(x, str) and x.strip() for x in t)):
            err(f"{w}: turns must be two non-empty strings")
        if c.get("article") not in ARTICLES:
            err(f"{w}: bad article {c.get('article')!r}")
            continue
        check_expect(w, c["article"], c.get("expect"))
        if ref is not None and i - 1 < len(ref):
            r = ref[i - 1]
            for k in ("expect", "article"):
                if c.get(k) != r.get(k):
                    err(f"{w}: {k} differs from English")
            if c.get("turns") == r.get("turns"):
                err(f"{w}: turns identical to English")
            if not all(re.search("[а-яА-ЯёЁ]", x) for x in (c.get("turns") or [])):
                err(f"{w}: a turn has no Cyrillic")


cv_doc = load("conversations.yaml")
cv = (cv_doc or {}).get("conversations", [])
check_convs("conversations.yaml", cv)
none_n = sum(c.get("expect") == "none" for c in cv)
per = collections.Counter(c.get("article") for c in cv)
per_none = collections.Counter(c.get("article") for c in cv if c.get("expect") == "none")
notes.append(f"conversations.yaml: {len(cv)} conversations, per article {dict(per)}, "
             f"expect none: {none_n} ({none_n / max(len(cv), 1):.0%}), none per article {dict(per_none)}")
if len(cv) != 36:
    err(f"conversations.yaml: {len(cv)} conversations, want 36")
if any(per[a] != 12 for a in ARTICLES):
    err("conversations.yaml: want 12 per article")
if none_n != 12:
    err(f"conversations.yaml: {none_n} with expect none, want 12 (a third)")
cvr_doc = load("conversations_ru.yaml")
cvr = (cvr_doc or {}).get("conversations", [])
if len(cvr) != len(cv):
    err(f"conversations_ru.yaml: {len(cvr)} vs {len(cv)}")
check_convs("conversations_ru.yaml", cvr, ref=cv)
notes.append(f"conversations_ru.yaml: {len(cvr)} conversations")

print("\n".join(notes))
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
