#!/usr/bin/env python3
"""Checks the TUNE15 part of the QA bank (articles, questions, translations, conversations).

Run with: /work/main/.venv/bin/python /tmp/part15/verify.py
Exits with status 1 and lists the problems if any check fails.
"""
import collections
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune15_tribute", "tune15_law", "tune15_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
ANSWERABLE_KINDS = {"own", "paraphrase", "terse", "typo", "yesno"}
NO_COPY_KINDS = {"own", "paraphrase", "typo", "yesno"}  # terse may reuse the article's words
ABBREVIATIONS = {"No.", "Mr.", "Mrs.", "Dr.", "St.", "Art.", "e.g.", "i.e."}
STOP = set("""a an the of in on at to for from by with and or but is are was were be been being do does did
done what which who whom whose when where why how many much that this these those it its he his him she her
they them their there than as into about after before during under over not no any some has have had will
would can could should may might must so if then also up out all one""".split())

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def words(s):
    return re.findall(r"[\w$.,'-]+", s)


# ---------------------------------------------------------------- articles
def is_furniture(idx, block):
    """Headline, standfirst, byline, date line, credit line, section or question heading."""
    text = " ".join(block.split())
    if idx in (0, 1):  # headline and standfirst
        return True
    if re.match(r"^By [A-Z]", text):
        return True
    if re.match(r"^[A-Z][A-Z .'-]+, \d{1,2} [A-Z][a-z]+ \d{4}$", text):  # dateline
        return True
    if re.match(r"^(Photo|Credit|Source|Image|Reporting|Additional reporting)\b", text, re.I):
        return True
    n = len(text.split())
    if n <= 15 and "\n" not in block.strip() and not re.search(r"[.!\"'\u201d]$", text):
        return True  # section heading (no closing punctuation) or question heading ending in "?"
    return False


def split_sentences(text):
    text = " ".join(text.split())
    out, start = [], 0
    for m in re.finditer(r"[.!?][\"'\u201d\u2019]*(?=\s+[\"'\u201c\u2018]?[A-Z0-9])", text):
        chunk = text[start:m.end()]
        last = chunk.split()[-1] if chunk.split() else ""
        if last in ABBREVIATIONS:
            continue
        out.append(chunk.strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


articles = {}
for name in ARTICLES:
    path = os.path.join(CORPUS, name + ".txt")
    if not os.path.exists(path):
        err(f"missing article {path}")
        continue
    raw = open(path, encoding="utf-8").read()
    blocks = [b for b in re.split(r"\n\s*\n", raw.strip()) if b.strip()]
    furniture = [b for i, b in enumerate(blocks) if is_furniture(i, b)]
    body = [b for i, b in enumerate(blocks) if not is_furniture(i, b)]
    sentences = [s for b in body for s in split_sentences(b)]
    nwords = len(raw.split())
    if not 600 <= nwords <= 900:
        err(f"{name}: {nwords} words, expected 600-900")
    if name == "tune15_tribute" and not any(re.match(r"^By [A-Z]", " ".join(b.split())) for b in blocks[:4]):
        err(f"{name}: no byline among the first blocks")
    articles[name] = {
        "raw": raw,
        "flat": " ".join(raw.split()),
        "furniture": [" ".join(b.split()) for b in furniture],
        "sentences": sentences,
        "nwords": nwords,
        "nblocks": len(blocks),
    }
other_text = articles.get("tune15_other", {}).get("flat", "")
for banned in ["Kazakhstan", "Almaty", "Tokayev"]:
    if banned in other_text:
        err(f"tune15_other mentions {banned}: it must be about another event")


def check_expect(where, article, expect, question=None, kind=None):
    """expect phrases: verbatim, 4-12 words, inside exactly one body sentence, never in furniture."""
    if expect == "none":
        return
    if not isinstance(expect, list) or not expect:
        err(f"{where}: expect must be a non-empty list or none")
        return
    if article not in articles:
        err(f"{where}: unknown article {article!r}")
        return
    a = articles[article]
    for ph in expect:
        if not isinstance(ph, str):
            err(f"{where}: expect phrase {ph!r} is not a string")
            continue
        n = len(ph.split())
        if not 4 <= n <= 12:
            err(f"{where}: phrase {ph!r} has {n} words (4-12 required)")
        count = a["flat"].count(ph)
        if count == 0:
            err(f"{where}: phrase {ph!r} not found verbatim in {article}")
            continue
        if count > 1:
            err(f"{where}: phrase {ph!r} occurs {count} times in {article}; it must pin one sentence")
        if any(ph in f for f in a["furniture"]):
            err(f"{where}: phrase {ph!r} comes from a furniture block")
        hits = [s for s in a["sentences"] if ph in s]
        if len(hits) != 1:
            err(f"{where}: phrase {ph!r} is not inside exactly one body sentence ({len(hits)})")
        if question is not None and kind in NO_COPY_KINDS:
            qw = [w.lower().strip(".,?!'\"") for w in question.split()]
            pw = [w.lower().strip(".,?!'\"") for w in ph.split()]
            qgrams = {tuple(qw[i:i + 4]) for i in range(len(qw) - 3)}
            pgrams = {tuple(pw[i:i + 4]) for i in range(len(pw) - 3)}
            shared = qgrams & pgrams
            if shared:
                err(f"{where}: question copies the sentence's wording {[' '.join(g) for g in shared]}")


def load(name):
    path = os.path.join(HERE, name)
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f), open(path, encoding="utf-8").read()
    except Exception as e:  # noqa: BLE001
        err(f"{name}: does not parse: {e}")
        return None, ""


CYR = re.compile(r"[\u0400-\u04FF]")
KK_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")

# ---------------------------------------------------------------- questions.yaml
qdoc, qraw = load("questions.yaml")
questions = (qdoc or {}).get("questions") or []
if not qraw.startswith("# TUNE15 part of the QA bank"):
    err("questions.yaml: header comment missing")
kind_counts = collections.Counter()
per_article = collections.defaultdict(collections.Counter)
for i, it in enumerate(questions, 1):
    where = f"questions.yaml #{i}"
    if set(it) != {"q", "expect", "article", "kind", "type"}:
        err(f"{where}: fields {sorted(it)}")
        continue
    q, exp, art, kind, typ = it["q"], it["expect"], it["article"], it["kind"], it["type"]
    if kind not in KINDS:
        err(f"{where}: bad kind {kind}")
    if typ not in TYPES:
        err(f"{where}: bad type {typ}")
    kind_counts[kind] += 1
    per_article[art][kind] += 1
    if kind == "offtopic":
        if art != "none" or exp != "none":
            err(f"{where}: offtopic items need article: none and expect: none")
        continue
    if art not in ARTICLES:
        err(f"{where}: bad article {art}")
        continue
    if kind == "trap":
        if exp != "none":
            err(f"{where}: trap with an expected answer")
        # a trap's content words should come from the article, so it looks answerable
        content = [w.lower() for w in re.findall(r"[A-Za-z0-9']+", q) if w.lower() not in STOP and len(w) > 2]
        text = articles[art]["flat"].lower()
        missing = [w for w in content if w[:5] not in text]
        if content and len(missing) / len(content) > 0.4:
            err(f"{where}: trap uses words the article lacks: {missing}")
        continue
    if kind in ANSWERABLE_KINDS and exp == "none":
        err(f"{where}: kind {kind} but expect none")
    if kind == "yesno" and typ != "yesno":
        err(f"{where}: yesno kind with type {typ}")
    check_expect(where, art, exp, q, kind)

dupes = [q for q, n in collections.Counter(it.get("q") for it in questions).items() if n > 1]
if dupes:
    err(f"questions.yaml: duplicate questions {dupes}")
if not 100 <= len(questions) <= 140:
    err(f"questions.yaml: {len(questions)} questions, expected about 120")
for art in ARTICLES:
    c = per_article[art]
    total = sum(c.values())
    if not 30 <= total <= 42:
        err(f"{art}: {total} questions, expected about 35")
    share = c["trap"] / total if total else 0
    if share < 0.40:
        err(f"{art}: trap share {share:.0%} < 40%")
    for k in ["own", "paraphrase", "terse", "typo", "yesno"]:
        if c[k] < 2:
            err(f"{art}: only {c[k]} questions of kind {k}")
if not 8 <= kind_counts["offtopic"] <= 14:
    err(f"offtopic count {kind_counts['offtopic']}, expected about 10")

# ---------------------------------------------------------------- questions_ru.yaml
rdoc, rraw = load("questions_ru.yaml")
ru = (rdoc or {}).get("questions") or []
if not rraw.startswith("# TUNE15 part of the QA bank (Russian questions)"):
    err("questions_ru.yaml: header comment missing")
if len(ru) != len(questions):
    err(f"questions_ru.yaml: {len(ru)} items vs {len(questions)} in questions.yaml")
for i, (en, r) in enumerate(zip(questions, ru), 1):
    where = f"questions_ru.yaml #{i}"
    if set(r) != set(en):
        err(f"{where}: fields {sorted(r)}")
        continue
    for f in ("expect", "article", "kind", "type"):
        if r[f] != en[f]:
            err(f"{where}: {f} differs from English ({r[f]!r} vs {en[f]!r})")
    if not CYR.search(r["q"]):
        err(f"{where}: no Cyrillic in {r['q']!r}")
    if r["q"] == en["q"]:
        err(f"{where}: same text as the English question")
ru_dupes = [q for q, n in collections.Counter(it.get("q") for it in ru).items() if n > 1]
if ru_dupes:
    err(f"questions_ru.yaml: duplicate questions {ru_dupes}")

# ---------------------------------------------------------------- questions_kk.yaml
kdoc, kraw = load("questions_kk.yaml")
kk = (kdoc or {}).get("questions") or []
if len(kk) != 25:
    err(f"questions_kk.yaml: {len(kk)} items, expected 25")
kk_refs = []
lines = kraw.splitlines()
for j, line in enumerate(lines):
    if line.strip().startswith("- {q:"):
        prev = lines[j - 1].strip() if j else ""
        m = re.match(r"^# EN #(\d+): (.+)$", prev)
        if not m:
            err(f"questions_kk.yaml line {j + 1}: no '# EN #<n>: <question>' comment above the item")
            kk_refs.append(None)
        else:
            kk_refs.append((int(m.group(1)), m.group(2)))
kk_traps = 0
kk_articles = collections.Counter()
for it, ref in zip(kk, kk_refs):
    if ref is None:
        continue
    n, text = ref
    where = f"questions_kk.yaml EN #{n}"
    if not 1 <= n <= len(questions):
        err(f"{where}: no such English item")
        continue
    en = questions[n - 1]
    if en["q"] != text:
        err(f"{where}: comment {text!r} does not match English {en['q']!r}")
    for f in ("expect", "article", "kind", "type"):
        if it.get(f) != en[f]:
            err(f"{where}: {f} differs from English")
    if not CYR.search(it.get("q", "")):
        err(f"{where}: not Cyrillic")
    kk_traps += it.get("kind") == "trap"
    kk_articles[it.get("article")] += 1
if kk_traps < 8:
    err(f"questions_kk.yaml: {kk_traps} traps, expected at least 8")
if any(kk_articles[a] < 5 for a in ARTICLES):
    err(f"questions_kk.yaml: not spread over the three articles {dict(kk_articles)}")
if sum(bool(KK_LETTERS.search(it.get("q", ""))) for it in kk) < 20:
    err("questions_kk.yaml: too few questions use Kazakh-specific letters")
if len({r[0] for r in kk_refs if r}) != len([r for r in kk_refs if r]):
    err("questions_kk.yaml: an English item is used twice")

# ---------------------------------------------------------------- conversations
cdoc, craw = load("conversations.yaml")
convs = (cdoc or {}).get("conversations") or []
if len(convs) != 36:
    err(f"conversations.yaml: {len(convs)} conversations, expected 36")
conv_art = collections.Counter()
conv_none = collections.Counter()
for i, c in enumerate(convs, 1):
    where = f"conversations.yaml #{i}"
    if set(c) != {"turns", "expect", "article"}:
        err(f"{where}: fields {sorted(c)}")
        continue
    if not (isinstance(c["turns"], list) and len(c["turns"]) == 2 and all(isinstance(t, str) for t in c["turns"])):
        err(f"{where}: needs exactly two string turns")
    if c["article"] not in ARTICLES:
        err(f"{where}: bad article {c['article']}")
        continue
    conv_art[c["article"]] += 1
    if c["expect"] == "none":
        conv_none[c["article"]] += 1
    else:
        check_expect(where, c["article"], c["expect"])
for a in ARTICLES:
    if conv_art[a] != 12:
        err(f"conversations.yaml: {conv_art[a]} conversations for {a}, expected 12")
    if conv_none[a] != 4:
        warnings.append(f"conversations.yaml: {conv_none[a]} none follow-ups for {a} (4 intended)")
n_none = sum(conv_none.values())
if n_none != 12:
    err(f"conversations.yaml: {n_none} none follow-ups, expected 12 (a third)")

crdoc, crraw = load("conversations_ru.yaml")
convs_ru = (crdoc or {}).get("conversations") or []
if len(convs_ru) != len(convs):
    err(f"conversations_ru.yaml: {len(convs_ru)} vs {len(convs)}")
for i, (en, r) in enumerate(zip(convs, convs_ru), 1):
    where = f"conversations_ru.yaml #{i}"
    if set(r) != set(en):
        err(f"{where}: fields {sorted(r)}")
        continue
    if r["expect"] != en["expect"] or r["article"] != en["article"]:
        err(f"{where}: expect/article differ from English")
    if not (isinstance(r["turns"], list) and len(r["turns"]) == 2):
        err(f"{where}: needs two turns")
    elif not all(CYR.search(t) for t in r["turns"]):
        err(f"{where}: a turn has no Cyrillic")

# ---------------------------------------------------------------- report
print("Articles:")
for name, a in articles.items():
    print(f"  {name}: {a['nwords']} words, {a['nblocks']} blocks, {len(a['furniture'])} furniture, "
          f"{len(a['sentences'])} body sentences")
print(f"questions.yaml: {len(questions)} items; kinds: " +
      ", ".join(f"{k}={kind_counts[k]}" for k in sorted(KINDS)))
for art in ARTICLES:
    c = per_article[art]
    total = sum(c.values())
    print(f"  {art}: {total} questions, traps {c['trap']} ({c['trap'] / max(total, 1):.0%}); " +
          ", ".join(f"{k}={c[k]}" for k in ["own", "paraphrase", "terse", "typo", "yesno"]))
print(f"  offtopic: {kind_counts['offtopic']}")
print(f"questions_ru.yaml: {len(ru)} items")
print(f"questions_kk.yaml: {len(kk)} items, {kk_traps} traps, per article {dict(kk_articles)}")
print(f"conversations.yaml: {len(convs)} ({dict(conv_art)}), none follow-ups {n_none} "
      f"({n_none / max(len(convs), 1):.0%})")
print(f"conversations_ru.yaml: {len(convs_ru)}")
for w in warnings:
    print("WARNING:", w)
if errors:
    print(f"\nFAILED: {len(errors)} problem(s)")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("\nOK: all checks passed")
