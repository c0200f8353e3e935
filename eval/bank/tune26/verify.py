#!/usr/bin/env python3
"""Checks the TUNE26 part of the QA bank (files in this directory)."""
import os, re, sys
from collections import Counter
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, 'corpus')
ARTICLES = ['tune26_wire', 'tune26_rights', 'tune26_other']
KINDS = {'own', 'paraphrase', 'terse', 'typo', 'yesno', 'trap', 'offtopic'}
TYPES = {'number', 'date', 'person', 'place', 'definition', 'reason', 'yesno', 'quote', 'other'}
# Furniture: whole blocks (by index) and text prefixes inside body blocks (datelines).
FURNITURE = {
    'tune26_wire': {'blocks': [0, -1], 'prefixes': ['ALMATY, Jan 13 (Central Asia Wire) -']},
    'tune26_rights': {'blocks': [0, 1], 'headings': ['Summary', 'Key findings', 'Testimonies',
                                                    "The authorities' response", 'Recommendations']},
    'tune26_other': {'blocks': [0, 1, 2]},
}
errors = []
def err(msg): errors.append(msg)

def load(name):
    path = os.path.join(HERE, name)
    try:
        with open(path, encoding='utf-8') as f:
            return yaml.safe_load(f)
    except Exception as e:
        err('%s: does not parse: %s' % (name, e)); return None

# ---------- articles ----------
bodies, furn = {}, {}
for a in ARTICLES:
    text = open(os.path.join(CORPUS, a + '.txt'), encoding='utf-8').read()
    words = len(text.split())
    if not 600 <= words <= 900: err('%s: %d words (want 600-900)' % (a, words))
    blocks = [b.strip() for b in re.split(r'\n\s*\n', text) if b.strip()]
    spec = FURNITURE[a]
    fidx = {i % len(blocks) for i in spec.get('blocks', [])}
    for i, b in enumerate(blocks):
        if b in spec.get('headings', []): fidx.add(i)
    for h in spec.get('headings', []):
        if h not in blocks: err('%s: heading %r not found as a block' % (a, h))
    body, fur = [], [blocks[i] for i in sorted(fidx)]
    for i, b in enumerate(blocks):
        if i in fidx: continue
        for p in spec.get('prefixes', []):
            if b.startswith(p):
                fur.append(p); b = b[len(p):].strip()
        body.append(b)
    for p in spec.get('prefixes', []):
        if p not in text: err('%s: dateline %r not found' % (a, p))
    bodies[a], furn[a] = body, fur
    print('article %-14s %4d words, %2d blocks (%d furniture)' % (a, words, len(blocks), len(fur)))

SENT_SPLIT = re.compile(r'(?<=[.!?])["\u201d]?\s+(?=["\u201c]?[A-Z0-9])')
def sentences(block):
    out = []
    for line in block.split('\n'):
        out.extend(s for s in SENT_SPLIT.split(line) if s)
    return out
def sentences_fix(block):
    # keep "Jan. 19"-style abbreviations together
    ss = sentences(block); merged = []
    for s in ss:
        if merged and re.search(r'\b(Jan|Feb|Gen|Col|Mr|Dr|No)\.$', merged[-1]): merged[-1] += ' ' + s
        else: merged.append(s)
    return merged

def check_expect(where, exp, article):
    if exp == 'none': return
    if not isinstance(exp, list) or not exp:
        err('%s: expect must be a non-empty list or none' % where); return
    if article not in bodies:
        err('%s: expect given but article %r unknown' % (where, article)); return
    for ph in exp:
        n = len(ph.split())
        if not 4 <= n <= 12: err('%s: phrase %r has %d words (want 4-12)' % (where, ph, n))
        in_body = [s for b in bodies[article] for s in sentences_fix(b) if ph in s]
        if not in_body:
            if any(ph in f for f in furn[article]): err('%s: phrase %r is in furniture' % (where, ph))
            elif any(ph in b for b in bodies[article]): err('%s: phrase %r spans sentences' % (where, ph))
            else: err('%s: phrase %r not found in %s' % (where, ph, article))
        elif any(ph in f for f in furn[article]):
            err('%s: phrase %r also occurs in furniture' % (where, ph))

# ---------- questions ----------
def check_items(name, items):
    for i, it in enumerate(items, 1):
        w = '%s #%d' % (name, i)
        if set(it) != {'q', 'expect', 'article', 'kind', 'type'}: err('%s: fields %s' % (w, sorted(it)))
        if not isinstance(it.get('q'), str) or not it['q'].strip(): err('%s: empty q' % w)
        if it.get('kind') not in KINDS: err('%s: bad kind %r' % (w, it.get('kind')))
        if it.get('type') not in TYPES: err('%s: bad type %r' % (w, it.get('type')))
        art = it.get('article')
        if it.get('kind') == 'offtopic':
            if art != 'none' or it.get('expect') != 'none': err('%s: offtopic must have article none, expect none' % w)
        else:
            if art not in ARTICLES: err('%s: bad article %r' % (w, art))
        if it.get('kind') == 'trap' and it.get('expect') != 'none': err('%s: trap with an expect' % w)
        if it.get('kind') not in ('trap', 'offtopic') and it.get('expect') == 'none': err('%s: non-trap with expect none' % w)
        check_expect(w, it.get('expect'), art)

en_doc = load('questions.yaml')
en = en_doc['questions'] if en_doc else []
check_items('questions.yaml', en)
print('\nquestions.yaml: %d items' % len(en))
print('  kinds: ' + ', '.join('%s=%d' % kv for kv in sorted(Counter(q['kind'] for q in en).items())))
print('  types: ' + ', '.join('%s=%d' % kv for kv in sorted(Counter(q['type'] for q in en).items())))
for a in ARTICLES + ['none']:
    items = [q for q in en if q['article'] == a]
    traps = sum(q['kind'] == 'trap' for q in items)
    kinds = Counter(q['kind'] for q in items)
    share = traps / len(items) if items else 0
    print('  %-14s %3d items, traps %2d (%.0f%%)  %s' % (a, len(items), traps, 100 * share,
          ' '.join('%s=%d' % kv for kv in sorted(kinds.items()))))
    if a != 'none':
        if share < 0.40: err('%s: trap share %.2f < 0.40' % (a, share))
        for k in ('own', 'paraphrase', 'terse', 'typo', 'yesno'):
            if not kinds[k]: err('%s: no %s questions' % (a, k))
n_off = sum(q['kind'] == 'offtopic' for q in en)

# ---------- Russian ----------
ru_doc = load('questions_ru.yaml')
ru = ru_doc['questions'] if ru_doc else []
check_items('questions_ru.yaml', ru)
if len(ru) != len(en): err('questions_ru.yaml: %d items, questions.yaml has %d' % (len(ru), len(en)))
for i, (e, r) in enumerate(zip(en, ru), 1):
    for f in ('expect', 'article', 'kind', 'type'):
        if e.get(f) != r.get(f): err('questions_ru.yaml #%d: %s differs from en' % (i, f))
    if not re.search('[а-яА-ЯёЁ]', r.get('q', '')): err('questions_ru.yaml #%d: no Cyrillic' % i)
ru_head = open(os.path.join(HERE, 'questions_ru.yaml'), encoding='utf-8').readline()
if not ru_head.startswith('# TUNE26 part of the QA bank (Russian questions)'): err('questions_ru.yaml: header')
print('\nquestions_ru.yaml: %d items (same order and fields as en: %s)' % (len(ru), len(ru) == len(en)))

# ---------- Kazakh ----------
kk_doc = load('questions_kk.yaml')
kk = kk_doc['questions'] if kk_doc else []
check_items('questions_kk.yaml', kk)
refs = []
lines = open(os.path.join(HERE, 'questions_kk.yaml'), encoding='utf-8').read().split('\n')
for j, line in enumerate(lines):
    m = re.match(r'\s*# EN #(\d+): (.*)$', line)
    if m:
        refs.append((int(m.group(1)), m.group(2)))
        if j + 1 >= len(lines) or not lines[j + 1].lstrip().startswith('- {q:'):
            err('questions_kk.yaml: comment for EN #%s not directly above an item' % m.group(1))
if len(refs) != len(kk): err('questions_kk.yaml: %d EN comments for %d items' % (len(refs), len(kk)))
for (n, q), k in zip(refs, kk):
    if not 1 <= n <= len(en): err('questions_kk.yaml: EN #%d out of range' % n); continue
    e = en[n - 1]
    if e['q'] != q: err('questions_kk.yaml: EN #%d comment text differs from questions.yaml' % n)
    for f in ('expect', 'article', 'kind', 'type'):
        if e.get(f) != k.get(f): err('questions_kk.yaml EN #%d: %s differs from en' % (n, f))
    if not re.search('[а-яА-ЯёЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]', k.get('q', '')): err('questions_kk.yaml EN #%d: no Cyrillic' % n)
kk_traps = sum(k['kind'] == 'trap' for k in kk)
kk_arts = Counter(k['article'] for k in kk)
print('questions_kk.yaml: %d items, traps %d, per article %s' % (len(kk), kk_traps, dict(sorted(kk_arts.items()))))
if len(kk) != 25: err('questions_kk.yaml: %d items (want 25)' % len(kk))
if kk_traps < 8: err('questions_kk.yaml: %d traps (want 8)' % kk_traps)
if len(kk_arts) != 3: err('questions_kk.yaml: not spread over the three articles')

# ---------- conversations ----------
def check_conv(name):
    doc = load(name)
    convs = doc['conversations'] if doc else []
    for i, c in enumerate(convs, 1):
        w = '%s #%d' % (name, i)
        if set(c) != {'turns', 'expect', 'article'}: err('%s: fields %s' % (w, sorted(c)))
        t = c.get('turns')
        if not (isinstance(t, list) and len(t) == 2 and all(isinstance(x, str) and x.strip() for x in t)):
            err('%s: turns must be two non-empty strings' % w)
        if c.get('article') not in ARTICLES: err('%s: bad article' % w)
        check_expect(w, c.get('expect'), c.get('article'))
    return convs
conv = check_conv('conversations.yaml')
conv_ru = check_conv('conversations_ru.yaml')
if len(conv) != 36: err('conversations.yaml: %d conversations (want 36)' % len(conv))
if len(conv_ru) != len(conv): err('conversations_ru.yaml: %d vs %d' % (len(conv_ru), len(conv)))
for i, (e, r) in enumerate(zip(conv, conv_ru), 1):
    for f in ('expect', 'article'):
        if e.get(f) != r.get(f): err('conversations_ru.yaml #%d: %s differs from en' % (i, f))
    if not all(re.search('[а-яА-ЯёЁ]', x) for x in r.get('turns', [])): err('conversations_ru.yaml #%d: turn without Cyrillic' % i)
print('\nconversations.yaml: %d conversations' % len(conv))
for a in ARTICLES:
    cs = [c for c in conv if c['article'] == a]
    nn = sum(c['expect'] == 'none' for c in cs)
    print('  %-14s %2d conversations, %d with expect none' % (a, len(cs), nn))
    if len(cs) != 12: err('conversations.yaml: %s has %d conversations (want 12)' % (a, len(cs)))
n_none = sum(c['expect'] == 'none' for c in conv)
share = n_none / len(conv) if conv else 0
print('  none share: %d/%d = %.0f%%' % (n_none, len(conv), 100 * share))
if abs(share - 1 / 3) > 0.03: err('conversations.yaml: none share %.2f, want about 1/3' % share)
print('conversations_ru.yaml: %d conversations (same order and fields: %s)' % (len(conv_ru), len(conv_ru) == len(conv)))

print('\nofftopic: %d' % n_off)
if errors:
    print('\nFAILED: %d problem(s)' % len(errors))
    for e in errors: print('  - ' + e)
    sys.exit(1)
print('\nOK: all checks passed')
