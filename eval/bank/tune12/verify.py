#!/usr/bin/env python3
"""Check the TUNE12 part of the QA bank (files in the directory of this script).

Checks:
  * every YAML file parses with yaml.safe_load and has the expected shape;
  * articles: 600-900 words, furniture/body split, format of the list and fact-check pieces;
  * every expect phrase is 4-12 words, occurs verbatim in the named article, lies inside one
    body sentence, and never occurs inside a furniture block;
  * questions_ru.yaml has the same length and the same expect/article/kind/type as questions.yaml;
  * questions_kk.yaml: 25 items, >= 8 traps, each preceded by "# EN #<n>: <question>" matching
    questions.yaml item n, with the same expect/article/kind/type;
  * counts per kind; share of traps per article >= 40%; offtopic items have article/expect none;
  * conversations: 36 (12 per article), two turns each, a third with expect none; the Russian file
    mirrors the English one.
Warnings (not failures) flag expect phrases that also occur in another article and non-terse
questions that reuse most of the content words of their expect phrase.
"""
import collections
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ["tune12_factcheck", "tune12_numbers", "tune12_other"]
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
FIELDS = ("expect", "article", "kind", "type")

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


# ---------------------------------------------------------------- articles
DATE_LINE = re.compile(r"^(\w+, )?\d{1,2} [A-Z][a-z]+ \d{4}$")
FIGURE_LINE = re.compile(r"^(More than |About |Over )?[$€£]?[\d][\d,.]*( ?[A-Za-z%]+){0,2}$")
SENT_SPLIT = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[\"“A-Z0-9])")


def blocks_of(text):
    return [b.strip() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]


def classify(name, blocks):
    """Return a list of (block, is_furniture, label)."""
    out = []
    for i, b in enumerate(blocks):
        label = None
        if i == 0:
            label = "headline"
        elif i == 1:
            label = "standfirst"
        elif b.startswith("By ") and "\n" not in b and len(b.split()) <= 6:
            label = "byline"
        elif DATE_LINE.match(b):
            label = "dateline"
        elif re.match(r"^(Photo|Credit|Picture|Image)s?:", b):
            label = "credit"
        elif b.startswith("Claim:"):
            label = "claim"
        elif name == "tune12_numbers" and "\n" not in b and FIGURE_LINE.match(b):
            label = "figure"
        out.append((b, label is not None, label or "body"))
    return out


def sentences(block):
    return [s.strip() for s in SENT_SPLIT.split(block.replace("\n", " ")) if s.strip()]


articles = {}
for name in ARTICLES:
    path = os.path.join(CORPUS, name + ".txt")
    if not os.path.exists(path):
        err(f"missing article {path}")
        continue
    with open(path, encoding="utf-8") as f:
        text = f.read()
    words = len(text.split())
    if not 600 <= words <= 900:
        err(f"{name}: {words} words, want 600-900")
    cls = classify(name, blocks_of(text))
    articles[name] = {"text": text, "blocks": cls, "words": words}
    labels = collections.Counter(lab for _, _, lab in cls)
    if name == "tune12_factcheck":
        if not labels["byline"] or not labels["dateline"]:
            err(f"{name}: needs a byline and a date line")
        # each Claim block is followed by >= 1 body paragraph and then a Verdict line
        idx = [i for i, (_, _, lab) in enumerate(cls) if lab == "claim"]
        if len(idx) < 3:
            err(f"{name}: only {len(idx)} claim blocks")
        for n, i in enumerate(idx):
            end = idx[n + 1] if n + 1 < len(idx) else len(cls)
            seg = [b for b, _, _ in cls[i + 1:end]]
            verdicts = [b for b in seg if b.startswith("Verdict:")]
            if len(verdicts) != 1 or not seg[-1].startswith("Verdict:"):
                err(f"{name}: claim block {n + 1} must end with exactly one Verdict line")
            elif not re.match(r"^Verdict: (False|Misleading|Unproven|True)\b", verdicts[0]):
                err(f"{name}: bad verdict value: {verdicts[0][:40]}")
            elif len(sentences(verdicts[0])) != 1:
                err(f"{name}: verdict line is not one sentence: {verdicts[0][:50]}")
            if not 2 <= len(seg) <= 3:
                err(f"{name}: claim block {n + 1} needs 1-2 checking paragraphs")
    if name == "tune12_numbers":
        figs = [i for i, (_, _, lab) in enumerate(cls) if lab == "figure"]
        if not 15 <= len(figs) <= 20:
            err(f"{name}: {len(figs)} figure blocks, want 15-20")
        for i in figs:
            if i + 1 >= len(cls) or cls[i + 1][2] != "body":
                err(f"{name}: figure {cls[i][0]!r} not followed by a body block")
            elif not 1 <= len(sentences(cls[i + 1][0])) <= 2:
                err(f"{name}: figure {cls[i][0]!r} needs 1-2 sentences")
        bodies = [i for i, (_, _, lab) in enumerate(cls) if lab == "body"]
        if len(bodies) != len(figs):
            err(f"{name}: {len(bodies)} body blocks but {len(figs)} figures")
    if name == "tune12_other" and "kazakh" in text.lower():
        err(f"{name}: the other-event article mentions Kazakhstan")


def check_phrase(ph, article, where):
    if not isinstance(ph, str) or not ph.strip():
        err(f"{where}: empty/non-string expect phrase {ph!r}")
        return
    nw = len(ph.split())
    if not 4 <= nw <= 12:
        err(f"{where}: phrase has {nw} words (want 4-12): {ph!r}")
    if article not in articles:
        err(f"{where}: unknown article {article!r}")
        return
    a = articles[article]
    if ph not in a["text"]:
        err(f"{where}: phrase not in {article}: {ph!r}")
        return
    for b, furn, lab in a["blocks"]:
        if furn and ph in b:
            err(f"{where}: phrase occurs in furniture ({lab}) of {article}: {ph!r}")
    in_sentence = any(ph in s for b, furn, _ in a["blocks"] if not furn for s in sentences(b))
    if not in_sentence:
        err(f"{where}: phrase not inside a single body sentence of {article}: {ph!r}")
    for other in articles:
        if other != article and ph in articles[other]["text"]:
            warn(f"{where}: phrase also occurs in {other}: {ph!r}")


STOP = set("""a an the of in on at to for from by with and or but is was were are be been has had
have did do does what which who whom when where why how many much that this it its their his her
he she they them there about into than then so as not no any""".split())


def content(s):
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in STOP and len(w) > 2}


# ---------------------------------------------------------------- loading
def load(fname):
    path = os.path.join(HERE, fname)
    try:
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        return yaml.safe_load(raw), raw
    except Exception as e:  # noqa: BLE001
        err(f"{fname}: does not parse: {e}")
        return None, ""


def check_items(items, fname):
    if not isinstance(items, list):
        err(f"{fname}: 'questions' is not a list")
        return []
    for i, it in enumerate(items, 1):
        where = f"{fname} #{i}"
        if not isinstance(it, dict) or set(it) != {"q", "expect", "article", "kind", "type"}:
            err(f"{where}: wrong keys {sorted(it) if isinstance(it, dict) else it!r}")
            continue
        if not isinstance(it["q"], str) or not it["q"].strip():
            err(f"{where}: empty question")
        if it["kind"] not in KINDS:
            err(f"{where}: bad kind {it['kind']!r}")
        if it["type"] not in TYPES:
            err(f"{where}: bad type {it['type']!r}")
        if it["kind"] == "offtopic" and (it["article"] != "none" or it["expect"] != "none"):
            err(f"{where}: offtopic must have article none and expect none")
        if it["kind"] == "trap" and it["expect"] != "none":
            err(f"{where}: trap must have expect none")
        if it["article"] == "none" and it["kind"] != "offtopic":
            err(f"{where}: article none but kind {it['kind']}")
        if it["expect"] != "none":
            if not isinstance(it["expect"], list) or not it["expect"]:
                err(f"{where}: expect must be a non-empty list or none")
            else:
                for ph in it["expect"]:
                    check_phrase(ph, it["article"], where)
        elif it["article"] not in ("none",) + tuple(ARTICLES):
            err(f"{where}: unknown article {it['article']!r}")
    return items


def flow_lines(raw):
    return [ln for ln in raw.splitlines() if ln.startswith("  - {")]


# ---------------------------------------------------------------- questions.yaml
en_doc, en_raw = load("questions.yaml")
en = check_items((en_doc or {}).get("questions"), "questions.yaml") if en_doc else []
if en and len(flow_lines(en_raw)) != len(en):
    err("questions.yaml: not one flow mapping per line")
if not 110 <= len(en) <= 130:
    err(f"questions.yaml: {len(en)} items, want about 120")

for i, it in enumerate(en, 1):
    if it.get("expect") != "none" and it.get("kind") not in ("terse",):
        q = content(it["q"])
        for ph in it["expect"]:
            c = content(ph)
            if len(c) >= 3 and len(q & c) / len(c) >= 0.6:
                warn(f"questions.yaml #{i}: question reuses most of the phrase wording: {it['q']!r}")

per_article = collections.defaultdict(collections.Counter)
for it in en:
    per_article[it["article"]][it["kind"]] += 1

# ---------------------------------------------------------------- questions_ru.yaml
ru_doc, ru_raw = load("questions_ru.yaml")
ru = check_items((ru_doc or {}).get("questions"), "questions_ru.yaml") if ru_doc else []
if not ru_raw.startswith("# TUNE12 part of the QA bank (Russian questions)"):
    err("questions_ru.yaml: header comment missing")
if len(ru) != len(en):
    err(f"questions_ru.yaml: {len(ru)} items vs {len(en)} in English")
if ru and len(flow_lines(ru_raw)) != len(ru):
    err("questions_ru.yaml: not one flow mapping per line")
cyr = re.compile(r"[А-Яа-яЁё]")
for i, (e, r) in enumerate(zip(en, ru), 1):
    for k in FIELDS:
        if e.get(k) != r.get(k):
            err(f"questions_ru.yaml #{i}: field {k} differs from English")
    if not cyr.search(r.get("q", "")):
        err(f"questions_ru.yaml #{i}: no Cyrillic in question")
    if r.get("q") == e.get("q"):
        err(f"questions_ru.yaml #{i}: question identical to English")

# ---------------------------------------------------------------- questions_kk.yaml
kk_doc, kk_raw = load("questions_kk.yaml")
kk = check_items((kk_doc or {}).get("questions"), "questions_kk.yaml") if kk_doc else []
kk_refs = re.findall(r"^\s*# EN #(\d+): (.*)$", kk_raw, re.M)
KK_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
if len(kk) != 25:
    err(f"questions_kk.yaml: {len(kk)} items, want 25")
if len(kk_refs) != len(kk):
    err(f"questions_kk.yaml: {len(kk_refs)} '# EN #n' comments for {len(kk)} items")
if kk and len(flow_lines(kk_raw)) != len(kk):
    err("questions_kk.yaml: not one flow mapping per line")
lines = kk_raw.splitlines()
for j, ln in enumerate(lines):
    if ln.startswith("  - {") and not re.match(r"^\s*# EN #\d+: ", lines[j - 1]):
        err(f"questions_kk.yaml line {j + 1}: item without '# EN #n' comment above it")
kk_traps = 0
kk_articles = collections.Counter()
used = set()
for it, (n, qtext) in zip(kk, kk_refs):
    n = int(n)
    if not 1 <= n <= len(en):
        err(f"questions_kk.yaml: EN #{n} out of range")
        continue
    if n in used:
        err(f"questions_kk.yaml: EN #{n} used twice")
    used.add(n)
    e = en[n - 1]
    if qtext.strip() != e["q"]:
        err(f"questions_kk.yaml: EN #{n} comment text does not match questions.yaml: {qtext!r}")
    for k in FIELDS:
        if e.get(k) != it.get(k):
            err(f"questions_kk.yaml (EN #{n}): field {k} differs from English")
    if not cyr.search(it.get("q", "")):
        err(f"questions_kk.yaml (EN #{n}): no Cyrillic")
    kk_traps += it.get("kind") == "trap"
    kk_articles[it.get("article")] += 1
kk_specific = sum(bool(KK_LETTERS.search(it.get("q", ""))) for it in kk)
if kk_traps < 8:
    err(f"questions_kk.yaml: {kk_traps} traps, want >= 8")
if any(kk_articles[a] < 5 for a in ARTICLES):
    err(f"questions_kk.yaml: not spread over the three articles: {dict(kk_articles)}")
if kk and kk_specific < len(kk) * 0.8:
    err(f"questions_kk.yaml: only {kk_specific}/{len(kk)} questions use Kazakh-specific letters")


# ---------------------------------------------------------------- conversations
def check_convs(fname):
    doc, _ = load(fname)
    convs = (doc or {}).get("conversations")
    if not isinstance(convs, list):
        err(f"{fname}: 'conversations' is not a list")
        return []
    for i, c in enumerate(convs, 1):
        where = f"{fname} #{i}"
        if not isinstance(c, dict) or set(c) != {"turns", "expect", "article"}:
            err(f"{where}: wrong keys")
            continue
        t = c["turns"]
        if not (isinstance(t, list) and len(t) == 2 and all(isinstance(x, str) and x.strip() for x in t)):
            err(f"{where}: needs exactly two non-empty turns")
        if c["article"] not in ARTICLES:
            err(f"{where}: bad article {c['article']!r}")
        if c["expect"] != "none":
            if not isinstance(c["expect"], list) or not c["expect"]:
                err(f"{where}: expect must be a list or none")
            else:
                for ph in c["expect"]:
                    check_phrase(ph, c["article"], where)
    return convs


cen = check_convs("conversations.yaml")
cru = check_convs("conversations_ru.yaml")
if len(cen) != 36:
    err(f"conversations.yaml: {len(cen)} conversations, want 36")
conv_art = collections.Counter(c.get("article") for c in cen)
conv_none = collections.Counter(c.get("article") for c in cen if c.get("expect") == "none")
for a in ARTICLES:
    if conv_art[a] != 12:
        err(f"conversations.yaml: {conv_art[a]} conversations for {a}, want 12")
if sum(conv_none.values()) != 12:
    err(f"conversations.yaml: {sum(conv_none.values())} with expect none, want 12 (a third)")
if len(cru) != len(cen):
    err(f"conversations_ru.yaml: {len(cru)} vs {len(cen)}")
for i, (e, r) in enumerate(zip(cen, cru), 1):
    if e.get("expect") != r.get("expect") or e.get("article") != r.get("article"):
        err(f"conversations_ru.yaml #{i}: expect/article differ from English")
    if not all(cyr.search(t) for t in r.get("turns", [])):
        err(f"conversations_ru.yaml #{i}: a turn has no Cyrillic")

# ---------------------------------------------------------------- report
print("Articles:")
for name, a in articles.items():
    labs = collections.Counter(lab for _, _, lab in a["blocks"])
    print(f"  {name}: {a['words']} words, blocks {dict(labs)}")
print(f"\nquestions.yaml: {len(en)} items")
for art in ARTICLES + ["none"]:
    c = per_article[art]
    tot = sum(c.values())
    if not tot:
        err(f"no questions for {art}")
        continue
    share = c["trap"] / tot
    line = ", ".join(f"{k}={c[k]}" for k in sorted(c))
    print(f"  {art}: {tot} ({line}); traps {c['trap']}/{tot} = {share:.0%}")
    if art != "none" and share < 0.40:
        err(f"{art}: trap share {share:.0%} < 40%")
    if art != "none":
        non_trap_kinds = {k for k in c if k != "trap"}
        missing = {"own", "paraphrase", "terse", "typo", "yesno"} - non_trap_kinds
        if missing:
            err(f"{art}: missing kinds {sorted(missing)}")
kinds_total = collections.Counter(it["kind"] for it in en)
types_total = collections.Counter(it["type"] for it in en)
print("  kinds:", dict(sorted(kinds_total.items())))
print("  types:", dict(sorted(types_total.items())))
print(f"questions_ru.yaml: {len(ru)} items")
print(f"questions_kk.yaml: {len(kk)} items, traps {kk_traps}, per article {dict(kk_articles)}")
print(f"conversations.yaml: {len(cen)} (per article {dict(conv_art)}), expect none: "
      f"{sum(conv_none.values())} ({sum(conv_none.values()) / max(len(cen), 1):.0%}) {dict(conv_none)}")
print(f"conversations_ru.yaml: {len(cru)}")

if warnings:
    print(f"\n{len(warnings)} warning(s):")
    for w in warnings:
        print("  WARN", w)
if errors:
    print(f"\n{len(errors)} error(s):")
    for e in errors:
        print("  FAIL", e)
    sys.exit(1)
print("\nALL CHECKS PASSED")
