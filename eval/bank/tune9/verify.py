#!/usr/bin/env python3
"""Check the tune9 QA bank: articles, questions (en/ru) and conversations (en/ru).

Run:  /work/main/.venv/bin/python eval/bank/tune9/verify.py
Exits non-zero if any check fails.
"""
import collections
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
ARTICLES = ("tune9_encyclopedia", "tune9_digest", "tune9_other")
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason", "yesno", "quote", "other"}
# non-body blocks: section headings (encyclopedia), day headings and credit line (digest), byline/date (news)
FURNITURE = re.compile(
    r"^(Background$|Protests$|Government response$|Aftermath$|"
    r"(MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY) \d{1,2} JANUARY$|Compiled by |"
    r"By .+ in [A-Z]|Published \d)"
)
REQUIRED_FURNITURE = {
    "tune9_encyclopedia": ("Background", "Protests", "Government response", "Aftermath"),
    "tune9_digest": ("TUESDAY 4 JANUARY", "WEDNESDAY 5 JANUARY", "THURSDAY 6 JANUARY", "FRIDAY 7 JANUARY",
                     "Compiled by "),
    "tune9_other": ("By ", "Published "),
}
N_QUESTIONS = (110, 130)
MIN_TRAPS = 40
N_OFFTOPIC = (4, 6)
N_CONVERSATIONS = 30
N_CONV_NONE = (9, 11)
# sentence boundary: end punctuation (optionally followed by closing quotes) + space + capital/quote;
# a single capital before the full stop is an initial ("K. Massimov"), not a sentence end
SENT_END = re.compile(r'(?<!\s[A-Z])[.!?][”"’)]*\s+(?=[“"‘A-Z0-9])')

errors = []


def err(msg):
    errors.append(msg)


def load_article(name):
    path = os.path.join(CORPUS, name + ".txt")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    if len(blocks) < 3:
        err(f"{name}: fewer than three blocks")
    headline, standfirst, rest = blocks[0], blocks[1], blocks[2:]
    if "\n" in headline:
        err(f"{name}: headline spans several lines")
    body, furniture = [], []
    for b in rest:
        (furniture if FURNITURE.match(b) else body).append(b)
    words = sum(len(p.split()) for p in body)
    return {"headline": headline, "standfirst": standfirst, "body": body,
            "furniture": furniture, "words": words}


def split_sentences(par):
    out, start = [], 0
    for m in SENT_END.finditer(par):
        out.append(par[start:m.end()].strip())
        start = m.end()
    out.append(par[start:].strip())
    return [s for s in out if s]


def check_phrase(where, phrase, art_name, arts):
    if not isinstance(phrase, str) or not phrase.strip():
        err(f"{where}: empty or non-string expect phrase {phrase!r}")
        return
    art = arts.get(art_name)
    if art is None:
        err(f"{where}: expect given but article {art_name!r} is not a corpus article")
        return
    n = len(phrase.split())
    if not 4 <= n <= 12:
        err(f"{where}: phrase has {n} words (want 4-12): {phrase!r}")
    in_body = [p for p in art["body"] if phrase in p]
    if not in_body:
        err(f"{where}: phrase not found in a body paragraph of {art_name}: {phrase!r}")
        return
    # must lie inside exactly one body sentence
    sents = [s for p in art["body"] for s in split_sentences(p) if phrase in s]
    if not sents:
        err(f"{where}: phrase spans a sentence boundary: {phrase!r}")
    elif len(sents) > 1 or sum(s.count(phrase) for s in sents) > 1:
        err(f"{where}: phrase occurs in more than one place in {art_name}: {phrase!r}")
    for label, blk in [("headline", art["headline"]), ("standfirst", art["standfirst"])] + \
            [("furniture", f) for f in art["furniture"]]:
        if phrase in blk:
            err(f"{where}: phrase also occurs in the {label}: {phrase!r}")


def check_expect(where, item, arts, kind_required=True):
    exp = item.get("expect")
    art = item.get("article")
    if art not in ARTICLES and art != "none":
        err(f"{where}: bad article {art!r}")
    if exp == "none":
        return None
    if not isinstance(exp, list) or not exp:
        err(f"{where}: expect must be `none` or a non-empty list, got {exp!r}")
        return False
    for ph in exp:
        check_phrase(where, ph, art, arts)
    # all alternatives must come from the single sentence that answers
    if art in arts and all(isinstance(ph, str) for ph in exp):
        sents = [s for p in arts[art]["body"] for s in split_sentences(p)]
        if not any(all(ph in s for ph in exp) for s in sents):
            err(f"{where}: expect phrases do not all lie in one sentence: {exp!r}")
    return True


def load_yaml(name):
    path = os.path.join(HERE, name)
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except Exception as e:  # noqa: BLE001
        err(f"{name}: does not parse: {e}")
        return None
    return data


def check_questions(name, arts):
    data = load_yaml(name)
    if data is None:
        return []
    items = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(items, list):
        err(f"{name}: no `questions` list")
        return []
    seen = set()
    for i, it in enumerate(items, 1):
        where = f"{name}#{i}"
        if not isinstance(it, dict) or set(it) != {"q", "expect", "article", "kind", "type"}:
            err(f"{where}: wrong keys {sorted(it) if isinstance(it, dict) else it!r}")
            continue
        if not isinstance(it["q"], str) or not it["q"].strip():
            err(f"{where}: empty question")
        if it["q"] in seen:
            err(f"{where}: duplicate question {it['q']!r}")
        seen.add(it["q"])
        if it["kind"] not in KINDS:
            err(f"{where}: bad kind {it['kind']!r}")
        if it["type"] not in TYPES:
            err(f"{where}: bad type {it['type']!r}")
        has = check_expect(where, it, arts)
        if it["kind"] in ("trap", "offtopic") and has is not None:
            err(f"{where}: {it['kind']} item must have expect none")
        if it["kind"] not in ("trap", "offtopic") and has is None:
            err(f"{where}: {it['kind']} item must have an expect list")
        if it["kind"] == "offtopic" and it["article"] != "none":
            err(f"{where}: offtopic item must have article none")
        if it["kind"] != "offtopic" and it["article"] == "none":
            err(f"{where}: only offtopic items may have article none")
        if it["kind"] == "yesno" and it["type"] != "yesno":
            err(f"{where}: yesno item should have type yesno")
    return items


def check_conversations(name, arts):
    data = load_yaml(name)
    if data is None:
        return []
    items = data.get("conversations") if isinstance(data, dict) else None
    if not isinstance(items, list):
        err(f"{name}: no `conversations` list")
        return []
    for i, it in enumerate(items, 1):
        where = f"{name}#{i}"
        if not isinstance(it, dict) or set(it) != {"turns", "expect", "article"}:
            err(f"{where}: wrong keys")
            continue
        t = it["turns"]
        if not isinstance(t, list) or len(t) != 2 or not all(isinstance(x, str) and x.strip() for x in t):
            err(f"{where}: turns must be two non-empty strings")
        if it["article"] not in ARTICLES:
            err(f"{where}: bad article {it['article']!r}")
        check_expect(where, it, arts)
    return items


def same_fields(en, ru, en_name, ru_name, fields):
    if len(en) != len(ru):
        err(f"{ru_name}: {len(ru)} items, {en_name} has {len(en)}")
    for i, (a, b) in enumerate(zip(en, ru), 1):
        for f in fields:
            if a.get(f) != b.get(f):
                err(f"{ru_name}#{i}: {f} differs from {en_name}: {b.get(f)!r} vs {a.get(f)!r}")
        if "q" in a and a.get("q") == b.get("q"):
            err(f"{ru_name}#{i}: question identical to the English one")
        if "turns" in a and a.get("turns") == b.get("turns"):
            err(f"{ru_name}#{i}: turns identical to the English ones")


def has_cyrillic(s):
    return bool(re.search(r"[А-Яа-яЁё]", s))


def main():
    arts = {a: load_article(a) for a in ARTICLES}
    for a, d in arts.items():
        kinds = [f.split(",")[0].split(":")[0][:20] for f in d["furniture"]]
        print(f"article {a}: {d['words']} body words, {len(d['body'])} paragraphs, furniture: {kinds}")
        if not 600 <= d["words"] <= 900:
            err(f"{a}: body has {d['words']} words (want 600-900)")
    for a, pats in REQUIRED_FURNITURE.items():
        for pat in pats:
            if not any(f.startswith(pat) for f in arts[a]["furniture"]):
                err(f"{a}: furniture line {pat!r} missing")
    enc = arts["tune9_encyclopedia"]
    heads = [f for f in enc["furniture"]]
    if heads != ["Background", "Protests", "Government response", "Aftermath"]:
        err(f"tune9_encyclopedia: section headings wrong or out of order: {heads}")
    dig_body = arts["tune9_digest"]["body"]
    bad = [b[:30] for b in dig_body if not re.match(r"^\d\d:\d\d — ", b)]
    if bad:
        err(f"tune9_digest: posts without a time stamp: {bad}")
    if len(dig_body) < 20:
        err("tune9_digest: fewer than 20 posts")
    if not any(b.split(" — ", 1)[1].startswith(("Correction", "Update")) for b in dig_body):
        err("tune9_digest: no correcting update")
    if not arts["tune9_digest"]["furniture"][-1].startswith("Compiled by "):
        err("tune9_digest: credit line is not at the end")

    qen = check_questions("questions.yaml", arts)
    qru = check_questions("questions_ru.yaml", arts)
    same_fields(qen, qru, "questions.yaml", "questions_ru.yaml", ("expect", "article", "kind", "type"))
    for i, it in enumerate(qru, 1):
        if isinstance(it, dict) and not has_cyrillic(str(it.get("q", ""))):
            err(f"questions_ru.yaml#{i}: question has no Cyrillic")

    cen = check_conversations("conversations.yaml", arts)
    cru = check_conversations("conversations_ru.yaml", arts)
    same_fields(cen, cru, "conversations.yaml", "conversations_ru.yaml", ("expect", "article"))
    for i, it in enumerate(cru, 1):
        if isinstance(it, dict) and not all(has_cyrillic(x) for x in it.get("turns", [])):
            err(f"conversations_ru.yaml#{i}: a turn has no Cyrillic")

    # statistics
    n = len(qen)
    none_share = sum(1 for it in qen if it.get("kind") in ("trap", "offtopic") and it.get("expect") == "none")
    print(f"\nquestions.yaml: {n} items")
    print("  by kind:   ", dict(collections.Counter(it["kind"] for it in qen)))
    print("  by article:", dict(collections.Counter(it["article"] for it in qen)))
    print("  by type:   ", dict(collections.Counter(it["type"] for it in qen)))
    share = none_share / n if n else 0
    print(f"  trap/offtopic with expect none: {none_share} ({share:.1%})")
    if share < 0.35:
        err(f"questions.yaml: only {share:.1%} trap/offtopic items (want >= 35%)")
    print(f"questions_ru.yaml: {len(qru)} items")
    cn = sum(1 for c in cen if c.get("expect") == "none")
    print(f"conversations.yaml: {len(cen)} conversations, {cn} with expect none; "
          f"by article {dict(collections.Counter(c['article'] for c in cen))}")
    print(f"conversations_ru.yaml: {len(cru)} conversations")
    if len(cen) != N_CONVERSATIONS:
        err(f"conversations.yaml: {len(cen)} conversations (want {N_CONVERSATIONS})")
    if not N_CONV_NONE[0] <= cn <= N_CONV_NONE[1]:
        err(f"conversations.yaml: {cn} unanswerable follow-ups (want {N_CONV_NONE[0]}-{N_CONV_NONE[1]})")
    traps = sum(1 for it in qen if it.get("kind") == "trap")
    offt = sum(1 for it in qen if it.get("kind") == "offtopic")
    print(f"  traps: {traps}, offtopic: {offt}")
    if not N_QUESTIONS[0] <= n <= N_QUESTIONS[1]:
        err(f"questions.yaml: {n} items (want {N_QUESTIONS[0]}-{N_QUESTIONS[1]})")
    if traps < MIN_TRAPS:
        err(f"questions.yaml: {traps} traps (want >= {MIN_TRAPS})")
    if not N_OFFTOPIC[0] <= offt <= N_OFFTOPIC[1]:
        err(f"questions.yaml: {offt} offtopic items (want {N_OFFTOPIC[0]}-{N_OFFTOPIC[1]})")
    kinds_needed = KINDS
    got = {it.get("kind") for it in qen}
    if kinds_needed - got:
        err(f"questions.yaml: kinds missing: {sorted(kinds_needed - got)}")
    tgot = {it.get("type") for it in qen}
    if TYPES - tgot:
        err(f"questions.yaml: types missing: {sorted(TYPES - tgot)}")

    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        sys.exit(1)
    print("\nOK: all checks passed")


if __name__ == "__main__":
    main()
