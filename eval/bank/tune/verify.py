#!/usr/bin/env python3
"""Standalone checker for the TUNE half of the evaluation bank: this folder, or the part named.

Usage:  python eval/bank/tune/verify.py [PART_DIR] [--sentences]
        (PART_DIR: eval/bank/tune2 ... eval/bank/tune5; this folder when left out)

Checks
  * every question/conversation names an existing article in corpus/
    (file name without .txt), or `article: none` for offtopic items
    (the convention of parts 3 to 5);
  * every `expect` phrase, after normalisation (case-folding, curly quotes
    folded to straight ones, dashes folded to "-", whitespace collapsed), is a
    substring of a body sentence of some article (sentences never cross a
    ".", "!" or "?" followed by whitespace; titles, standfirsts, section
    headings, datelines and credit lines are not body text);
  * a phrase matching more than one sentence is reported as ambiguous;
  * kinds / types are from the allowed sets, `expect` is `none` or a list;
  * the Russian file mirrors the English one item by item (same expect,
    article, kind, type); Kazakh items mirror some English item;
and prints counts per article / kind / type and the share of `expect: none`.
Only the standard library and PyYAML are used.
"""
import collections
import os
import re
import sys

import yaml

_PARTS = [a for a in sys.argv[1:] if not a.startswith("--")]
HERE = os.path.abspath(_PARTS[0]) if _PARTS else os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")

KINDS = {"own", "paraphrase", "terse", "typo", "yesno", "trap", "offtopic"}
TYPES = {"number", "date", "duration", "person", "place", "definition", "reason",
         "yesno", "quote", "other"}
HEADER_RE = re.compile(r"^(Source|URL|Date):\s")
DATELINE_RE = re.compile(r"^[A-Z][A-Z .'-]+, [A-Z][a-z]{2,8} \d{1,2} \([^)]*\) [-–—] ")
CREDIT_RE = re.compile(r"^(Reporting by|Writing by|Editing by|Additional reporting)")
END_RE = re.compile(r"[.!?][\"'”’)\]]*$")
SPLIT_RE = re.compile(r"(?<![ap]\.m\.)(?<=[.!?])[\"'”’)\]]*\s+")  # "8 a.m. to 1 p.m." ends no sentence

FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"',
    "\u00bb": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
    "\u00a0": " ",
}


def norm(text):
    text = "".join(FOLD.get(ch, ch) for ch in text).lower()
    return re.sub(r"\s+", " ", text).strip()


def body_sentences(path):
    """Return (title, [(raw sentence, normalised sentence), ...])."""
    with open(path, encoding="utf-8") as fh:
        raw = fh.read().replace("\r\n", "\n")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", raw) if b.strip()]
    # optional header block
    if blocks and all(HEADER_RE.match(l) for l in blocks[0].splitlines()):
        blocks = blocks[1:]
    title, rest = blocks[0], blocks[1:]
    sents = []
    for block in rest:
        para = " ".join(block.split())
        if CREDIT_RE.match(para):
            continue
        if not END_RE.search(para):       # standfirst / section heading
            continue
        para = DATELINE_RE.sub("", para)
        for s in SPLIT_RE.split(para):
            s = s.strip()
            if s:
                sents.append((s, norm(s)))
    return title, sents


def load_corpus():
    arts = {}
    for fn in sorted(os.listdir(CORPUS)):
        if fn.endswith(".txt"):
            arts[fn[:-4]] = body_sentences(os.path.join(CORPUS, fn))
    return arts


def find(phrase, arts):
    p = norm(phrase)
    return [(a, i) for a, (_, ss) in arts.items()
            for i, (_, n) in enumerate(ss) if p in n]


class Checker:
    def __init__(self):
        self.arts = load_corpus()
        self.errors = []
        self.warnings = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: {msg}")

    def check_expect(self, where, item):
        exp = item.get("expect")
        art = item.get("article")
        if art not in self.arts and not (art == "none" and exp == "none"
                                         and item.get("kind", "offtopic") == "offtopic"):
            self.err(where, f"unknown article {art!r}")
        if exp == "none":
            return
        if not isinstance(exp, list) or not exp:
            self.err(where, f"expect must be 'none' or a non-empty list, got {exp!r}")
            return
        in_named = False
        hits_seen = set()
        for ph in exp:
            if not isinstance(ph, str):
                self.err(where, f"expect phrase is not a string: {ph!r}")
                continue
            nw = len(ph.split())
            if not 3 <= nw <= 14:
                self.warn(where, f"phrase length {nw} words: {ph!r}")
            hits = find(ph, self.arts)
            if not hits:
                self.err(where, f"phrase not found in any body sentence: {ph!r}")
            elif len(hits) > 1:
                self.err(where, f"phrase matches {len(hits)} sentences: {ph!r} -> {hits}")
            for h in hits:
                if h in hits_seen:
                    self.warn(where, f"two phrases point at the same sentence {h}")
                hits_seen.add(h)
                if h[0] == art:
                    in_named = True
        if not in_named:
            self.warn(where, f"no expect phrase comes from the named article {art}")

    def check_questions(self, fn, required=True):
        path = os.path.join(HERE, fn)
        if not os.path.exists(path):
            if required:
                self.err(fn, "missing file")
            return None
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
        qs = data.get("questions") if isinstance(data, dict) else None
        if not isinstance(qs, list):
            self.err(fn, "top-level key 'questions' with a list is required")
            return None
        seen = set()
        for i, item in enumerate(qs):
            where = f"{fn}#{i + 1}"
            if not isinstance(item, dict):
                self.err(where, "item is not a mapping")
                continue
            keys = set(item)
            if keys != {"q", "expect", "article", "kind", "type"}:
                self.err(where, f"keys {sorted(keys)}")
            q = item.get("q")
            if not isinstance(q, str) or not q.strip():
                self.err(where, "empty q")
            elif q in seen:
                self.err(where, f"duplicate question {q!r}")
            seen.add(q)
            if item.get("kind") not in KINDS:
                self.err(where, f"bad kind {item.get('kind')!r}")
            if item.get("type") not in TYPES:
                self.err(where, f"bad type {item.get('type')!r}")
            if item.get("kind") in ("trap", "offtopic") and item.get("expect") != "none":
                self.err(where, "trap/offtopic item must have expect: none")
            if item.get("kind") not in ("trap", "offtopic") and item.get("expect") == "none":
                self.warn(where, "expect: none but kind is not trap/offtopic")
            self.check_expect(where, item)
        return qs

    def check_conversations(self, fn):
        path = os.path.join(HERE, fn)
        if not os.path.exists(path):
            self.err(fn, "missing file")
            return None
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
        cs = data.get("conversations") if isinstance(data, dict) else None
        if not isinstance(cs, list):
            self.err(fn, "top-level key 'conversations' with a list is required")
            return None
        for i, item in enumerate(cs):
            where = f"{fn}#{i + 1}"
            turns = item.get("turns")
            if not (isinstance(turns, list) and len(turns) == 2
                    and all(isinstance(t, str) and t.strip() for t in turns)):
                self.err(where, f"turns must be two strings: {turns!r}")
            self.check_expect(where, item)
        return cs

    @staticmethod
    def signature(item):
        exp = item.get("expect")
        exp = tuple(exp) if isinstance(exp, list) else exp
        return (exp, item.get("article"), item.get("kind"), item.get("type"))


def counts(title, items, fields):
    print(f"\n== {title}: {len(items)} items")
    for f in fields:
        c = collections.Counter(str(it.get(f)) for it in items)
        print(f"  by {f}: " + ", ".join(f"{k}={v}" for k, v in sorted(c.items())))
    none = sum(1 for it in items if it.get("expect") == "none")
    if items:
        print(f"  expect: none -> {none}/{len(items)} = {100.0 * none / len(items):.1f}%")
        traps = sum(1 for it in items if it.get("kind") == "trap")
        if "kind" in fields:
            print(f"  kind trap -> {traps}, offtopic -> "
                  f"{sum(1 for it in items if it.get('kind') == 'offtopic')}")


def main():
    ck = Checker()
    if "--sentences" in sys.argv:
        for a, (title, ss) in ck.arts.items():
            print(f"### {a}: {title}")
            for i, (s, _) in enumerate(ss):
                print(f"  [{i}] {s}")
        return 0

    en = ck.check_questions("questions.yaml")
    ru = ck.check_questions("questions_ru.yaml", required=False)  # part 2 has none
    kk = ck.check_questions("questions_kk.yaml", required=False)
    conv = ck.check_conversations("conversations.yaml")
    conv_ru = ck.check_conversations("conversations_ru.yaml")

    if en is not None and ru is not None:
        if len(en) != len(ru):
            ck.err("questions_ru.yaml", f"{len(ru)} items vs {len(en)} in questions.yaml")
        for i, (a, b) in enumerate(zip(en, ru)):
            if ck.signature(a) != ck.signature(b):
                ck.err(f"questions_ru.yaml#{i + 1}",
                       f"expect/article/kind/type differ from English item {a.get('q')!r}")
    if en is not None and kk is not None:
        sigs = {ck.signature(a) for a in en}
        for i, b in enumerate(kk):
            if ck.signature(b) not in sigs:
                ck.err(f"questions_kk.yaml#{i + 1}", "does not mirror any English item")
    if conv is not None and conv_ru is not None:
        if len(conv) != len(conv_ru):
            ck.err("conversations_ru.yaml", f"{len(conv_ru)} vs {len(conv)} conversations")
        for i, (a, b) in enumerate(zip(conv, conv_ru)):
            if (a.get("expect"), a.get("article")) != (b.get("expect"), b.get("article")):
                ck.err(f"conversations_ru.yaml#{i + 1}", "expect/article differ from English")

    print("Articles:")
    for a, (title, ss) in ck.arts.items():
        print(f"  {a}: {len(ss)} body sentences  ({title})")
    if en:
        counts("questions.yaml", en, ["article", "kind", "type"])
    if ru:
        counts("questions_ru.yaml", ru, ["kind"])
    if kk:
        counts("questions_kk.yaml", kk, ["article", "kind", "type"])
    if conv:
        counts("conversations.yaml", conv, ["article"])
    if conv_ru:
        counts("conversations_ru.yaml", conv_ru, ["article"])

    for w in ck.warnings:
        print("WARNING", w)
    for e in ck.errors:
        print("ERROR", e)
    print(f"\n{len(ck.errors)} error(s), {len(ck.warnings)} warning(s)")
    return 1 if ck.errors else 0


if __name__ == "__main__":
    sys.exit(main())
