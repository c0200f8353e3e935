#!/usr/bin/env python3
"""Standalone checker for the TEST question bank (stdlib + PyYAML only).

Run:  .venv/bin/python eval/bank/test/verify.py   (from any directory)

Checks
  * every expect phrase (after normalisation: case-folded, curly quotes and
    apostrophes -> straight, dashes -> "-", whitespace collapsed) is a
    substring of ONE body sentence of some article in corpus/ (it never
    crosses a sentence end, and never comes from a title, standfirst,
    subheading, dateline or credit line);
  * the phrase is found in the article named by `article` (warns if only
    found in another article);
  * every `article` names an existing corpus file (`none` allowed only for
    kind=offtopic, and in conversations whose expect is none);
  * kind / type values are valid, expect phrases are 4-12 words;
  * questions_ru.yaml mirrors questions.yaml item by item;
  * every questions_kk.yaml item matches an English item's expect/article/kind/type;
  * conversations(_ru).yaml have two turns each and matching metadata.
Prints counts per article / kind / type and the share of `expect: none`.
Exit status 1 if any error was found.
"""
import collections
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "person", "place", "definition", "reason",
         "yesno", "quote", "other"}
HEADER_RE = re.compile(r"^(Source|URL|Date):\s")
DATELINE_RE = re.compile(r"^[A-Z][A-Z .\-']+, [A-Z][a-z]{2,8} \d{1,2} \([^)]*\) [-\u2013\u2014] ")
SENT_END_RE = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s|$)")

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def norm(s):
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u201e", '"')
    s = s.replace("\u00ab", '"').replace("\u00bb", '"')
    s = s.replace("\u2018", "'").replace("\u2019", "'").replace("\u02bc", "'")
    s = re.sub("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]", "-", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s.lower()


def split_sentences(par):
    out, start = [], 0
    for m in SENT_END_RE.finditer(par):
        out.append(par[start:m.end()].strip())
        start = m.end()
    rest = par[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


def is_heading(par):
    """Short single-line paragraph that is a subheading, not prose."""
    if "\n" in par.strip():
        return False
    words = par.split()
    if len(words) > 12:
        return False
    if par.rstrip().endswith("?") and len(split_sentences(par)) == 1:
        return True
    return not re.search(r"[.!?][\"'\u201d\u2019)]*$", par.rstrip())


def load_corpus():
    arts = {}
    for fn in sorted(os.listdir(CORPUS)):
        if not fn.endswith(".txt"):
            continue
        name = fn[:-4]
        with open(os.path.join(CORPUS, fn), encoding="utf-8") as f:
            text = f.read()
        lines = text.split("\n")
        i = 0
        if lines and HEADER_RE.match(lines[0]):
            while i < len(lines) and lines[i].strip():
                if not HEADER_RE.match(lines[i]):
                    err(f"{fn}: bad header line {lines[i]!r}")
                i += 1
            while i < len(lines) and not lines[i].strip():
                i += 1
        title = lines[i].strip()
        body = "\n".join(lines[i + 1:])
        paras = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
        body_sents, nonbody = [], [title]
        standfirst_done = False
        words = 0
        for k, p in enumerate(paras):
            if p.startswith("(") and p.endswith(")"):
                nonbody.append(p)  # credit line
                continue
            if is_heading(p):
                nonbody.append(p)
                continue
            # standfirst: the first paragraph when the article has subheadings
            if not standfirst_done and name == "test_explainer":
                standfirst_done = True
                nonbody.append(p)
                continue
            standfirst_done = True
            m = DATELINE_RE.match(p)
            if m:
                nonbody.append(m.group(0))
                p = p[m.end():]
            words += len(p.split())
            for s in split_sentences(p):
                if not re.search(r"[.!?][\"'\u201d\u2019)]*$", s):
                    warn(f"{fn}: sentence without final punctuation: {s[:60]!r}")
                body_sents.append(s)
        all_words = len(text.split())
        if not 350 <= all_words <= 760:
            warn(f"{fn}: {all_words} words (file), {words} in body")
        arts[name] = {
            "sents": [norm(s) for s in body_sents],
            "raw": body_sents,
            "nonbody": [norm(x) for x in nonbody],
            "words": words,
            "curly": any(c in text for c in "\u201c\u201d\u2019"),
        }
    return arts


def find_phrase(arts, phrase):
    """Return list of article names whose body sentences contain phrase."""
    p = norm(phrase)
    return [n for n, a in arts.items() if any(p in s for s in a["sents"])]


def check_expect(arts, where, expect, article, kind):
    if expect == "none":
        if kind not in ("trap", "offtopic", None):
            warn(f"{where}: expect none but kind={kind}")
        return
    if not isinstance(expect, list) or not expect:
        err(f"{where}: expect must be 'none' or a non-empty list, got {expect!r}")
        return
    if kind in ("trap", "offtopic"):
        err(f"{where}: kind={kind} but expect is not none")
    found_in = set()
    for ph in expect:
        if not isinstance(ph, str):
            err(f"{where}: non-string phrase {ph!r}")
            continue
        nw = len(ph.split())
        if not 4 <= nw <= 12:
            err(f"{where}: phrase has {nw} words: {ph!r}")
        hits = find_phrase(arts, ph)
        if not hits:
            in_nonbody = [n for n, a in arts.items()
                          if any(norm(ph) in x for x in a["nonbody"])]
            if in_nonbody:
                err(f"{where}: phrase only in title/standfirst/heading/credit of {in_nonbody}: {ph!r}")
            else:
                err(f"{where}: phrase not found in any body sentence: {ph!r}")
        else:
            found_in.update(hits)
    if article and found_in and article not in found_in:
        warn(f"{where}: no expect phrase is in the named article {article} (found in {sorted(found_in)})")


def check_article(arts, where, article, allow_none):
    if article is None:
        if not allow_none:
            err(f"{where}: missing article")
        return
    if article == "none":
        if not allow_none:
            err(f"{where}: article none not allowed here")
        return
    if article not in arts:
        err(f"{where}: unknown article {article!r}")


def check_questions(arts, fn, required=True):
    path = os.path.join(HERE, fn)
    if not os.path.exists(path):
        if required:
            err(f"{fn}: missing")
        return None
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    qs = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(qs, list):
        err(f"{fn}: no questions list")
        return None
    seen = set()
    for i, it in enumerate(qs):
        where = f"{fn}#{i + 1} {str(it.get('q'))[:50]!r}"
        keys = set(it)
        if keys != {"q", "expect", "article", "kind", "type"}:
            err(f"{where}: keys {sorted(keys)}")
        q = it.get("q")
        if not isinstance(q, str) or not q.strip():
            err(f"{where}: empty q")
        elif q.strip().lower() in seen:
            warn(f"{where}: duplicate question text")
        else:
            seen.add(q.strip().lower())
        kind, typ = it.get("kind"), it.get("type")
        if kind not in KINDS:
            err(f"{where}: bad kind {kind!r}")
        if typ not in TYPES:
            err(f"{where}: bad type {typ!r}")
        check_article(arts, where, it.get("article"), allow_none=(kind == "offtopic"))
        art = it.get("article") if it.get("article") in arts else None
        check_expect(arts, where, it.get("expect"), art, kind)
    return qs


def meta(it):
    e = it.get("expect")
    return (tuple(e) if isinstance(e, list) else e, it.get("article"),
            it.get("kind"), it.get("type"))


def check_convs(arts, fn):
    path = os.path.join(HERE, fn)
    if not os.path.exists(path):
        err(f"{fn}: missing")
        return None
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    cs = data.get("conversations") if isinstance(data, dict) else None
    if not isinstance(cs, list):
        err(f"{fn}: no conversations list")
        return None
    for i, c in enumerate(cs):
        where = f"{fn}#{i + 1}"
        t = c.get("turns")
        if not (isinstance(t, list) and len(t) == 2 and all(isinstance(x, str) and x.strip() for x in t)):
            err(f"{where}: turns must be two non-empty strings")
        e = c.get("expect")
        if e == "none":
            check_article(arts, where, c.get("article"), allow_none=True)
        else:
            check_article(arts, where, c.get("article"), allow_none=False)
        art = c.get("article") if c.get("article") in arts else None
        check_expect(arts, where, e, art, None)
    return cs


def table(title, counter, total):
    print(f"\n{title}")
    for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        print(f"  {str(k):26s} {v:4d}  ({100.0 * v / total:4.1f}%)")


def main():
    arts = load_corpus()
    print("Articles:")
    for n, a in arts.items():
        print(f"  {n:26s} body words {a['words']:4d}, sentences {len(a['sents']):3d}, curly quotes {'yes' if a['curly'] else 'no'}")
    en = check_questions(arts, "questions.yaml")
    ru = check_questions(arts, "questions_ru.yaml")
    kk = check_questions(arts, "questions_kk.yaml")
    if en and ru:
        if len(en) != len(ru):
            err(f"questions_ru.yaml has {len(ru)} items, questions.yaml {len(en)}")
        for i, (a, b) in enumerate(zip(en, ru)):
            if meta(a) != meta(b):
                err(f"questions_ru.yaml#{i + 1}: metadata differs from English item {a.get('q')!r}")
            if a.get("q") == b.get("q"):
                warn(f"questions_ru.yaml#{i + 1}: not translated")
    if en and kk:
        en_meta = collections.Counter(meta(x) for x in en)
        for i, b in enumerate(kk):
            if meta(b) not in en_meta:
                err(f"questions_kk.yaml#{i + 1}: metadata matches no English item ({b.get('q')!r})")
    ce = check_convs(arts, "conversations.yaml")
    cr = check_convs(arts, "conversations_ru.yaml")
    if ce and cr:
        if len(ce) != len(cr):
            err(f"conversations_ru.yaml has {len(cr)} items, conversations.yaml {len(ce)}")
        for i, (a, b) in enumerate(zip(ce, cr)):
            if (a.get("expect"), a.get("article")) != (b.get("expect"), b.get("article")):
                err(f"conversations_ru.yaml#{i + 1}: expect/article differ")

    if en:
        n = len(en)
        table(f"questions.yaml: {n} questions -- by article", collections.Counter(x.get("article") for x in en), n)
        table("by kind", collections.Counter(x.get("kind") for x in en), n)
        table("by type", collections.Counter(x.get("type") for x in en), n)
        none = sum(1 for x in en if x.get("expect") == "none")
        print(f"\nexpect: none -> {none}/{n} = {100.0 * none / n:.1f}%")
        per = collections.defaultdict(collections.Counter)
        for x in en:
            per[x.get("article")]["none" if x.get("expect") == "none" else "answerable"] += 1
        for a, c in sorted(per.items()):
            print(f"  {a:26s} answerable {c['answerable']:3d}  none {c['none']:3d}")
        tt = collections.Counter(x.get("type") for x in en if x.get("kind") == "trap")
        print("  trap types: " + ", ".join(f"{k}={v}" for k, v in sorted(tt.items())))
    if ru:
        print(f"\nquestions_ru.yaml: {len(ru)} questions")
    if kk:
        print(f"questions_kk.yaml: {len(kk)} questions "
              f"({sum(1 for x in kk if x.get('expect') == 'none')} expect none)")
    for name, cs in (("conversations.yaml", ce), ("conversations_ru.yaml", cr)):
        if cs:
            none = sum(1 for c in cs if c.get("expect") == "none")
            print(f"{name}: {len(cs)} conversations, {none} expect none")

    if warnings:
        print(f"\n{len(warnings)} warning(s):")
        for w in warnings:
            print("  WARN ", w)
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  ERROR", e)
        sys.exit(1)
    print("\nOK: no errors")


if __name__ == "__main__":
    main()
