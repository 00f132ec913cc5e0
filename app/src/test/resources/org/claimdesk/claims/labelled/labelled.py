#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reference tool for the labelled check-worthiness sets beside this file (see README.md).

The sets hold no text: each row names a file under ../shared/fixtures and a byte range in it.
This script is the reference for turning a row back into its sentence, and it is how the rows
were made.

  python3 labelled.py show   FIXTURES LANG.tsv    # print label<TAB>part<TAB>sentence per row
  python3 labelled.py verify FIXTURES [LANG.tsv…] # every row resolves and its hash still matches
  python3 labelled.py candidates FIXTURES LANG    # the candidate rows (label '?') for a language

FIXTURES is the shared fixtures folder (from the repo root: ../shared/fixtures).
Plain Python 3, no packages.
"""
import hashlib
import html
import os
import re
import sys

# --------------------------------------------------------------------------------------------
# Resolving a row (the part a loader must reproduce)
# --------------------------------------------------------------------------------------------

LOCATOR = re.compile(r'^bytes:(\d+)-(\d+)(?::([A-Za-z0-9_-]+))?$')
CDATA = re.compile(r'<!\[CDATA\[|\]\]>')
COMMENT = re.compile(r'<!--.*?-->', re.S)
TAG = re.compile(r'<[^>]*>')
SPACE = re.compile(r'\s+')


def parse_locator(locator):
    """'bytes:START-END[:CHARSET]' -> (start, end, charset); END is exclusive, charset UTF-8 unless named."""
    m = LOCATOR.match(locator)
    if not m:
        raise ValueError('bad locator: ' + locator)
    return int(m.group(1)), int(m.group(2)), m.group(3) or 'UTF-8'


def normalise(raw, markup):
    """The sentence text of a decoded byte range.

    markup (files ending in .html or .xml): drop the CDATA markers '<![CDATA[' and ']]>', then
    comments '<!--…-->', then every tag '<…>' (replaced by nothing), then decode HTML entities.
    All files: collapse each run of whitespace to one space and trim.
    """
    if markup:
        raw = CDATA.sub('', raw)
        raw = COMMENT.sub('', raw)
        raw = TAG.sub('', raw)
        raw = html.unescape(raw)
    return SPACE.sub(' ', raw).strip()


def text_hash(text):
    """First 16 hex digits of SHA-256 over the UTF-8 of the text with every whitespace character removed."""
    squeezed = ''.join(ch for ch in text if not ch.isspace())
    return hashlib.sha256(squeezed.encode('utf-8')).hexdigest()[:16]


def is_markup(path):
    return path.endswith('.html') or path.endswith('.xml')


def resolve(fixtures, path, locator):
    start, end, charset = parse_locator(locator)
    with open(os.path.join(fixtures, path), 'rb') as f:
        data = f.read()
    return normalise(data[start:end].decode(charset), is_markup(path))


def read_rows(tsv):
    rows = []
    with open(tsv, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cols = line.split('\t')
            if cols[0] == 'fixture_path':
                continue
            rows.append(cols)
    return rows


# --------------------------------------------------------------------------------------------
# Making candidates (how the rows were found; a loader does not need this)
# --------------------------------------------------------------------------------------------

SOURCES = {
    'de': ['sample-articles/de-essay.txt',
           'readability-test-pages/heise/source.html',
           'feeds/feed-rs/rss2/rss_2.0_spiegel.xml'],
    'fr': ['readability-test-pages/lemonde-1/source.html',
           'readability-test-pages/liberation-1/source.html',
           'readability-test-pages/videos-2/source.html'],
    'ja': ['sample-articles/ja-essay.txt',
           'readability-test-pages/yahoo-4/source.html'],
    'ru': ['feeds/feedparser-tests/tests/wellformed/sanitize/large_atom_feed_that_needs_css_sanitisation.xml',
           'feeds/feedparser-tests/tests/illformed/chardet/koi8r.xml'],
}
CHARSETS = {'feeds/feedparser-tests/tests/illformed/chardet/koi8r.xml': 'KOI8-R'}

SKIPPED = re.compile(r'<!--.*?-->|<(script|style|noscript|svg|template|iframe|textarea|select)\b[^>]*>.*?</\1\s*>',
                     re.S | re.I)
TOKEN = re.compile(r'<!\[CDATA\[|\]\]>|<[^>]*>')
ENTITY = re.compile(r'&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?')
BLOCK = set('p div li ul ol h1 h2 h3 h4 h5 h6 br hr tr td th table thead tbody section article header footer nav '
            'aside figure figcaption blockquote dt dd dl form title option button main pre address label '
            'summary content description entry item name id link fieldset legend caption iframe img'.split())
ENTRY = re.compile(r'<(entry|item)\b.*?</\1\s*>', re.S)
CONTENT = re.compile(r'<content(:encoded)?\b')
FEED_TEXT = re.compile(r'<(title|summary|content|description|content:encoded)\b[^>]*>(.*?)</\1\s*>', re.S)


def segments_of_markup(s, lo, hi):
    """Runs of visible text in s[lo:hi], as lists of (char, raw_start, raw_end), split at block tags."""
    out, cur = [], []
    pos = lo
    masked = []  # ranges hidden entirely (comments, scripts, styles…)
    for m in SKIPPED.finditer(s, lo, hi):
        masked.append((m.start(), m.end()))

    def text(a, b):
        i = a
        while i < b:
            if s[i] == '&':
                m = ENTITY.match(s, i, b)
                if m:
                    dec = html.unescape(m.group(0))
                    if dec != m.group(0):
                        for ch in dec:
                            cur.append((ch, i, m.end()))
                        i = m.end()
                        continue
            cur.append((s[i], i, i + 1))
            i += 1

    k = 0
    while pos < hi:
        if k < len(masked) and masked[k][0] <= pos:
            if cur:
                out.append(cur)
                cur = []
            pos = max(pos, masked[k][1])
            k += 1
            continue
        nxt = masked[k][0] if k < len(masked) else hi
        m = TOKEN.search(s, pos, nxt)
        if not m:
            text(pos, nxt)
            pos = nxt
            continue
        text(pos, m.start())
        tok = m.group(0)
        name = re.match(r'</?([A-Za-z][A-Za-z0-9:]*)', tok)
        if name and name.group(1).lower() in BLOCK:
            if cur:
                out.append(cur)
            cur = []
        pos = m.end()
    if cur:
        out.append(cur)
    return out


def segments_of_text(s):
    out = []
    start = 0
    for line in s.split('\n'):
        out.append([(ch, start + i, start + i + 1) for i, ch in enumerate(line)])
        start += len(line) + 1
    return out


def squeeze(seg):
    """Collapse whitespace runs to one space (keeping the first character's position) and trim."""
    res = []
    for ch, a, b in seg:
        if ch.isspace():
            if res and res[-1][0] != ' ':
                res.append((' ', a, b))
        else:
            res.append((ch, a, b))
    while res and res[-1][0] == ' ':
        res.pop()
    return res


ABBR = set('z zb bzw ca usw vgl u a o s d h dr prof nr st mr mrs ms m mme mlle mm me av apr etc cf p ex env '
           'janv févr fév sept oct nov déc jan feb aug dez inkl evtl ggf sog tel bd inc ltd co vs '
           'т е г гг др им и к см тыс млн млрд руб ул д'.split())
CLOSERS = '"\'”’»)]」』）】'
OPENERS = '"«„“‚(\'[「『（-–—¡¿'


def split_sentences(seg, lang):
    text = ''.join(c for c, _, _ in seg)
    cuts = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        end = None
        if lang == 'ja':
            if c in '。！？!?':
                end = i + 1
                while end < n and text[end] in CLOSERS + '。！？!?':
                    end += 1
        elif c in '.!?…':
            end = i + 1
            while end < n and text[end] in '.!?…':
                end += 1
            while end < n and text[end] in CLOSERS:
                end += 1
            if end < n:
                if text[end] != ' ':
                    end = None
                else:
                    j = end + 1
                    if j >= n or not (text[j].isupper() or text[j].isdigit() or text[j] in OPENERS):
                        end = None
            if end is not None and c == '.':
                w = re.search(r'(\w+)$', text[:i])
                word = w.group(1) if w else ''
                if word.lower() in ABBR or (len(word) == 1 and word.isalpha()) or (word.isdigit() and len(word) <= 2):
                    end = None
        if end is not None:
            cuts.append(end)
            i = end
        else:
            i += 1
    pieces, start = [], 0
    for cut in cuts + [n]:
        piece = seg[start:cut]
        while piece and piece[0][0] == ' ':
            piece = piece[1:]
        while piece and piece[-1][0] == ' ':
            piece = piece[:-1]
        if piece:
            pieces.append(piece)
        start = cut
    return pieces


def long_enough(text, lang, part):
    if lang == 'ja':
        return len(re.findall(r'[\u3040-\u30ff\u4e00-\u9fff]', text)) >= (10 if part == 'body' else 14)
    words = [w for w in text.split() if re.search(r'[^\W\d_]', w)]
    return len(words) >= (4 if part == 'body' else 5)


def byte_prefix(s, charset):
    pref = [0]
    for ch in s:
        pref.append(pref[-1] + len(ch.encode(charset)))
    return pref


def squeezed(t):
    return ''.join(ch for ch in t if not ch.isspace())


def candidates(fixtures, lang):
    rows, seen = [], set()
    for path in SOURCES[lang]:
        charset = CHARSETS.get(path, 'UTF-8')
        with open(os.path.join(fixtures, path), 'rb') as f:
            s = f.read().decode(charset)
        pref = byte_prefix(s, charset)
        article = None  # the text Readability keeps, to tell the article body from the rest of the page
        if path.endswith('source.html'):
            m = re.search(r'<body\b', s, re.I)
            segs = segments_of_markup(s, m.start() if m else 0, len(s))
            with open(os.path.join(fixtures, os.path.dirname(path), 'expected.html'), encoding='utf-8') as f:
                article = squeezed(normalise(f.read(), True))
        elif path.endswith('.xml'):
            segs = []
            entries = [(m.start(), m.end()) for m in ENTRY.finditer(s)]
            for m in FEED_TEXT.finditer(s):
                entry = next((e for e in entries if e[0] <= m.start() < e[1]), None)
                if entry and m.group(1) in ('summary', 'description') and CONTENT.search(s, entry[0], entry[1]):
                    continue  # an entry's teaser repeats the start of its full content
                segs += segments_of_markup(s, m.start(2), m.end(2))
        else:
            segs = segments_of_text(s)
        for seg in segs:
            seg = squeeze(seg)
            for sent in split_sentences(seg, lang):
                a, b = sent[0][1], sent[-1][2]
                locator = 'bytes:%d-%d' % (pref[a], pref[b]) + ('' if charset == 'UTF-8' else ':' + charset)
                text = resolve(fixtures, path, locator)
                mine = ''.join(c for c, _, _ in sent)
                if squeezed(text) != squeezed(mine):
                    print('skipped, does not round-trip: %s %s %r / %r' % (path, locator, mine, text), file=sys.stderr)
                    continue
                part = 'body' if article is None or squeezed(text) in article else 'page'
                if not long_enough(text, lang, part):
                    continue
                h = text_hash(text)
                if h in seen:
                    continue
                seen.add(h)
                rows.append((path, locator, h, part, text))
    return rows


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    cmd, fixtures = argv[1], argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    if cmd == 'candidates':
        for path, locator, h, part, text in candidates(fixtures, argv[3]):
            print('\t'.join((path, locator, h, '?', part, text)))
        return 0
    if cmd == 'show':
        for row in read_rows(argv[3]):
            print('\t'.join((row[3], row[4] if len(row) > 4 else '', resolve(fixtures, row[0], row[1]))))
        return 0
    if cmd == 'verify':
        files = argv[3:] or sorted(os.path.join(here, f) for f in os.listdir(here) if f.endswith('.tsv'))
        bad = 0
        for tsv in files:
            rows = read_rows(tsv)
            for row in rows:
                try:
                    text = resolve(fixtures, row[0], row[1])
                except (OSError, ValueError, UnicodeDecodeError) as e:
                    print('%s: %s %s: %s' % (tsv, row[0], row[1], e))
                    bad += 1
                    continue
                if text_hash(text) != row[2]:
                    print('%s: %s %s: hash differs (%s)' % (tsv, row[0], row[1], text[:80]))
                    bad += 1
            ones = sum(r[3] == '1' for r in rows)
            print('%s: %d rows, %d check-worthy (%.1f%%)' % (os.path.basename(tsv), len(rows), ones,
                                                            100.0 * ones / max(1, len(rows))))
        print('%d rows drifted or missing' % bad)
        return 1 if bad else 0
    print(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
