"""Articles on disk -> documents, passages (paragraphs) and sentences with exact source spans.

An article is a UTF-8 text file: an optional header (``Source:``, ``URL:``, ``Date:`` lines),
the title as the first non-empty line, then paragraphs separated by blank lines. What is not
prose is set aside, never rewritten: photo credits in square brackets, all-caps embed markers
glued to a sentence, short headings and an interviewer's or explainer's one-line questions (kept
as context for the paragraphs below them), a wire story's dateline and a closing ``Source: ...``
or ``Reporting by ...`` line. Every sentence's text is a verbatim slice of the file.

Each sentence has a role: the title, a standfirst (a one-sentence summary under the title), a
photo caption, a web page's furniture (a byline, a timestamp, a "Read more" link, a credit line,
"Advertisement"), or body text. All of them help matching; only body sentences are quoted as answers.

A bad article never takes the others down: one that cannot be read (not UTF-8, empty, no title)
is left out and named in ``Corpus.errors`` (``check`` fails on it, the bot warns and serves the
rest), and one that is only a title is left out with a warning (it has nothing to quote).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from bot.errors import InputError, Problem


class Role(StrEnum):
    """What a sentence is in its article; only body sentences can be quoted as an answer."""

    TITLE = "title"
    STANDFIRST = "standfirst"
    CAPTION = "caption"
    FURNITURE = "furniture"  # what a page copied from the web carries besides the story
    RETRACTED = "retracted"  # "Correction: an earlier entry said …": what the article no longer says
    BODY = "body"


@dataclass(frozen=True)
class Sentence:
    """One sentence: its verbatim text, where it stands (document, paragraph, order) and its role."""

    index: int
    doc_id: int
    paragraph: int
    position: int
    start: int
    text: str
    role: Role = Role.BODY

    @property
    def quotable(self) -> bool:
        return self.role == Role.BODY


@dataclass(frozen=True)
class Passage:
    """A paragraph: the unit BM25 ranks; ``heading`` is the section heading above it, if any."""

    index: int
    doc_id: int
    paragraph: int
    heading: str
    sentence_ids: tuple[int, ...]


@dataclass(frozen=True)
class Document:
    """One article file and its metadata (all optional but path and title)."""

    doc_id: int
    path: str
    title: str
    url: str = ""
    source: str = ""
    date: str = ""
    text: str = field(default="", repr=False, compare=False)


@dataclass
class Corpus:
    """Everything parsed from a corpus directory, ids equal to list positions, and the articles left out."""

    documents: list[Document] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)  # unreadable articles, left out
    warnings: list[Problem] = field(default_factory=list)  # articles with nothing to quote, left out


_HEADER = re.compile(r"^(source|url|link|date|published|author|byline)\s*:\s*(.*\S)\s*$", re.IGNORECASE)
_BARE_URL = re.compile(r"^https?://\S+$")
_TRAILER = re.compile(
    r"^(sources?|additional reporting|reporting by|editing by|photo credit|credit)\b[^\n]*:", re.IGNORECASE
)
_PARAGRAPH = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")
# A web page's furniture, a paragraph of its own: "By Olzhas Auyezov and Mariya Gordeyeva", "January 9, 2022
# 4:35 PM GMT Updated 3 years ago", "Read more: ...", "Reporting by ...; Editing by ...", "Advertisement".
_FURNITURE = re.compile(
    r"^(?:\(?(?:additional )?(?:reporting|writing|editing|compiled|edited|written|produced) by\b"
    r"|(?:read more|related|see also|also read|recommended|watch|listen|more on this)\b\s*[:\-–—]"
    r"|advertisement\b|scroll to continue|our standards\b|sign up\b|subscribe\b|share this\b)", re.IGNORECASE)
# The headings of a page's lists of other pages and sources: what follows them is not the story.
_NAVIGATION = re.compile(r"(?:see also|related(?: articles| stories| coverage| links)?|further reading"
                         r"|external links|references|notes|sources|bibliography|read more"
                         r"|more on this(?: story)?)\W*$", re.IGNORECASE)
_BYLINE = re.compile(r"^By [A-Z][\w.’'-]*(?:,? (?:and )?[A-Z][\w.’'-]*)*(?:,? (?:in|at) [A-Z][\w ]+)?$")
_TIMESTAMP = re.compile(
    r"^(?:(?:published|updated|posted|last updated)\b"
    r"|(?:\w+day,? )?(?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+\.? \d{1,2}),? \d{4})"
    r"[^\n]{0,60}(?:\d{1,2}[:.]\d{2}|GMT|UTC|updated|published|ago)", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|AFP|AP Photo|EPA|EPA-EFE|TASS|Sputnik|Xinhua|Anadolu|Handout)/[^\n]{1,60}|\bvia Getty Images"
    r"|\((?:Photo|Image|Picture)(?: by|:)[^()\n]{1,80}\)|\b(?:Photo|Image|Picture|Credit)s?: [^\n]{1,80})\.?\s*$")
_CREDIT = re.compile(r"[ \t]*\[[^\[\]\n]{3,}\][ \t]*$", re.MULTILINE)
_GLUED_MARKER = re.compile(r"(?<=[.!?\"”’'])[A-Z0-9][A-Z0-9 \-–—:/&]{3,}$")
# A wire story's dateline: "ALMATY, Jan 13 (Reuters) - ", "BEIRUT (AP) — ", "NUR-SULTAN, Jan. 7 - ",
# "ALMATY, Kazakhstan (AP) — ", "MOSCOW, Russia, Jan. 6 (AFP) - ".
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,40}(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?(?=[,( ]))?"
                       r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?(?: \([^()\n]{1,30}\))? ?[-–—]+ (?=\S)")
# A transcript's turns: the interviewer's ("Q: ...") frames the answer, as a fact-check's "Claim: ..." frames its
# checking; the answer's label ("A: ") is not its text.
_FRAMING_TURN = re.compile(r"(?:Q|Question|Interviewer|Claim)\s*:\s*\S")
_FIGURE_LINE = re.compile(r"[$€£]?\d[\d,.]*(?: ?%| ?percent| [a-z]+){0,2}")
_ANSWER_LABEL = re.compile(r"(?:A|Answer)\s*:\s*(?=\S)")
# A broadcast transcript's speaker: "ANCHOR: ", "REPORTER (ALMATY): ", "MARAT YESENOV: " (not a correction's label)
_SPEAKER_LABEL = re.compile(r"(?!CORRECTION\b|CLARIFICATION\b)[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,3}"
                            r"(?: \([^()\n]{1,40}\))?:\s+(?=\S)")
_FACT_LINE = re.compile(r"[^\n:.!?]{1,40}: \S.*")  # "Uranium spot: $45.25 per lb (Jan. 7)"
# A correction's first sentence tells what was wrong ("09:30 — Correction: in our 11:20 post we said 95 …",
# "An earlier version of this story misstated …"); what is right follows it.
_RETRACTION = re.compile(r"(?:\d{1,2}[:.]\d{2}\s*[-–—]\s*)?(?:(?:Correction|Clarification)\s*[:—-]|An earlier "
                         r"version of this (?:article|story|report|post) (?:incorrectly |wrongly )?(?:said|stated|"
                         r"misstated|reported|gave))", re.IGNORECASE)
STANDFIRST_WORDS = 25  # a single-sentence first paragraph this short is a summary, not the story
_TERMINAL = tuple(".!?\"”’'…:;)")

_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st gen col lt sgt capt cpl adm gov sen rep pres supt insp det messrs
inc ltd co corp plc bros vs etc al approx est dept fig no nos vol mt ft gov't
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# A boundary candidate: terminal punctuation, optional closing quotes or brackets, whitespace.
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_CITATION = r"\[\d{1,3}\]"  # an encyclopedia's "[10]" after a full stop: "police.[10] On 5 January"
_BOUNDARY = re.compile(rf"(\.{{3}}|…|[.!?]+)([\"'”’»)\]]*)((?:{_CITATION})*)(\s+)")
_CITATIONS = re.compile(rf"(?<=[.!?\"'”’»)])(?:{_CITATION})+$")
_LIST_MARKER = re.compile(r"\s*(?:\(?\d{1,2}[.)]|[a-z][.)]|[-–—•*])[ \t]+(?=\S)")  # "1. ", "b) ", "– ", "• "


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``; end excludes trailing space.

    A boundary is terminal punctuation (with any closing quotes) followed by space and a capital,
    digit or opening quote. Abbreviations and initials do not end a sentence, an ellipsis ends one
    only before a capital, and decimals or thousands separators never match (no space follows).
    """
    spans: list[tuple[int, int]] = []
    marker = _LIST_MARKER.match(text)
    start = marker.end() if marker else 0  # "1. Ill-treatment was widespread": the number is no sentence
    for m in _BOUNDARY.finditer(text):
        if m.start() < start:
            continue
        nxt = text[m.end():m.end() + 2]
        if not nxt:
            continue
        first = nxt[0]
        opens_quote = first in "\"'“‘«(" and len(nxt) > 1 and (nxt[1].isupper() or nxt[1].isdigit())
        if not (first.isupper() or first.isdigit() or opens_quote):
            continue
        if m.group(1) == "." and not m.group(2) and _is_abbreviation(text, max(start, m.start() - 24), m.start()):
            continue
        end = m.end() - len(m.group(4)) - len(m.group(3))  # a citation mark after the full stop is left out
        spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        tail = _CITATIONS.search(text.rstrip(), start)  # "… in 2022.[12]": the mark is left out here too
        spans.append((start, tail.start() if tail and tail.start() > start else len(text.rstrip())))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    """The word before a full stop is an abbreviation, an initial (``J.``) or an acronym (``U.S.``)."""
    m = _WORD_BEFORE.search(text, start, end)
    if not m:
        return False
    word = m.group(1)
    return word.lower() in _ABBREVIATIONS or len(word) == 1 and word.isupper() or "." in word.strip(".")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_heading(block: str) -> bool:
    """A short one-line block with no sentence punctuation is a section heading, not prose; so is a
    one-line question (an interviewer's question, an explainer's subheading), a transcript's "Q:" turn or a
    fact-check's "Claim:", however long, and a figure on its own line ("238", "$2 billion") in a piece told in
    numbers: they frame what follows."""
    line = block.strip()
    if _FRAMING_TURN.match(line) or _FIGURE_LINE.fullmatch(line):
        return True
    if "\n" in line or not any(c.islower() for c in line):
        return False
    if line.endswith("?"):
        return len(line.split()) <= 20 and len(split_sentences(line)) == 1
    return len(line.split()) <= 8 and not line.endswith(_TERMINAL)


def _prose_pieces(block: str) -> list[tuple[int, int]]:
    """Spans of a paragraph that are prose: photo credits and glued embed markers cut away."""
    cuts = [(m.start(), m.end()) for m in _CREDIT.finditer(block)]
    tail = block.rstrip()
    credit = _PHOTO_CREDIT.search(tail)  # "… on 2 January. Photo: Timur Baizhanov / Orda Press"
    if credit and credit.start() > 0:
        cuts.append((credit.start(), len(block)))
    marker = _GLUED_MARKER.search(tail)
    if marker and not any(c.islower() for c in marker.group(0)):
        cuts.append((marker.start(), len(block)))
    pieces, pos = [], 0
    for s, e in sorted(cuts):
        if s > pos:
            pieces.append((pos, s))
        pos = max(pos, e)
    if pos < len(block):
        pieces.append((pos, len(block)))
    return [(s, e) for s, e in pieces if block[s:e].strip()]


def _line_items(block: str) -> list[tuple[int, int]]:
    """A list of items a line each: a box of "Label: value" lines ("Tenge: 436.2 per dollar", "Brent crude: $81.75
    per barrel") or of bulleted lines ("- avoid all demonstrations"): each line stands alone, so a question about
    one item is answered by its line, not the whole list. Empty for prose."""
    lines, pos = [], 0
    for line in block.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    texts = [block[s:e].strip() for s, e in lines]
    facts = all(_FACT_LINE.fullmatch(t) and not _FRAMING_TURN.match(t) for t in texts)
    bullets = all(_LIST_MARKER.match(t) for t in texts)
    return lines if len(lines) >= 2 and (facts or bullets) else []


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text of a file (a leading BOM dropped), or an InputError naming the line of the first bad byte."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(Problem(str(path), line, "not valid UTF-8 text (save the article as UTF-8)")) from None


def parse_article(corpus: Corpus, path: Path, text: str) -> None:
    """Parse one article's text and append its document, passages and sentences to ``corpus``."""
    doc_id = len(corpus.documents)
    meta: dict[str, str] = {}
    blocks = [(m.start(), m.group(0)) for m in _PARAGRAPH.finditer(text)]
    # Header lines before the title, then the title line itself.
    title, title_start = "", -1
    while blocks:
        offset, block = blocks.pop(0)
        lines = block.split("\n")
        consumed = 0
        for line in lines:
            header = _HEADER.match(line.strip())
            if title_start < 0 and (header or _BARE_URL.match(line.strip())):
                key = header.group(1).lower() if header else "url"
                meta[{"link": "url", "published": "date"}.get(key, key)] = header.group(2) if header else line.strip()
                consumed += len(line) + 1
                continue
            if title_start < 0 and line.strip():
                title = line.strip()
                title_start = offset + consumed + (len(line) - len(line.lstrip()))
                consumed += len(line) + 1
            break
        rest = block[consumed:]
        if title_start >= 0:
            if rest.strip():
                blocks.insert(0, (offset + consumed, rest))
            break
    if title_start < 0:
        raise InputError(Problem(str(path), 1, "article has no text (first non-empty line must be its title)"))
    # A closing metadata line ("Source: Al Jazeera and news agencies") is not prose.
    while blocks and _TRAILER.match(blocks[-1][1].strip()):
        meta.setdefault("source", blocks[-1][1].strip().split(":", 1)[1].strip())
        blocks.pop()

    document = Document(doc_id, str(path), title, meta.get("url", ""), meta.get("source", ""),
                        meta.get("date", ""), text)
    corpus.documents.append(document)
    first_passage = len(corpus.passages)
    _add_passage(corpus, doc_id, 0, "", [(title_start, title_start + len(title))], text, Role.TITLE)
    heading = ""
    first = True
    for number, (offset, block) in enumerate(blocks, start=1):
        if _is_heading(block) and not is_furniture(block):
            heading = block.strip()
            first = False
            continue
        if not any(c.islower() for c in block):
            continue  # an all-caps embed marker or a stray line of symbols
        spans = []
        items = _line_items(block)
        for ps, pe in items or _prose_pieces(block):
            spans += [(offset + ps + s, offset + ps + e) for s, e in split_sentences(block[ps:pe])]
        spans = _without_answer_label(text, _without_dateline(text, spans), speakers=not items)
        role = Role.FURNITURE if _NAVIGATION.match(heading) else _block_role(block, spans, text, first)
        _add_passage(corpus, doc_id, number, heading, spans, text, role)
        first = False
    _keep_short_articles_quotable(corpus, first_passage)
    _photo_essay_captions_are_its_story(corpus, first_passage)


def _photo_essay_captions_are_its_story(corpus: Corpus, first_passage: int) -> None:
    """A caption beside a story is furniture; in a photo essay, where captions outnumber the other paragraphs,
    the captions are what the article says."""
    mine = [p for p in corpus.passages[first_passage:] if p.paragraph and p.sentence_ids]
    roles = [corpus.sentences[p.sentence_ids[0]].role for p in mine]
    if roles.count(Role.CAPTION) < 3 or roles.count(Role.CAPTION) <= roles.count(Role.BODY):
        return
    for p in mine:
        for i in p.sentence_ids:
            if corpus.sentences[i].role == Role.CAPTION:
                corpus.sentences[i] = replace(corpus.sentences[i], role=Role.BODY)


def _keep_short_articles_quotable(corpus: Corpus, first_passage: int) -> None:
    """A "standfirst" is only one when a story follows it: in a short note, the first sentence is the story."""
    mine = [p for p in corpus.passages[first_passage:] if p.paragraph]
    body = [p for p in mine if corpus.sentences[p.sentence_ids[0]].role == Role.BODY]
    if len(body) >= 2:
        return
    for p in mine:
        for i in p.sentence_ids:
            if corpus.sentences[i].role == Role.STANDFIRST:
                corpus.sentences[i] = replace(corpus.sentences[i], role=Role.BODY)


def is_furniture(block: str) -> bool:
    """A byline, a timestamp, a related link, a credit line or a page's boilerplate: not the story."""
    line = block.strip()
    if _FURNITURE.match(line):
        return True
    short = "\n" not in line and len(line.split()) <= 16
    return short and bool(_BYLINE.match(line) or _TIMESTAMP.match(line))


def _block_role(block: str, spans: list[tuple[int, int]], text: str, first: bool) -> Role:
    """A paragraph holding a photo credit is a caption; a short single sentence first is a standfirst."""
    if is_furniture(block):
        return Role.FURNITURE
    if _CREDIT.search(block) or _PHOTO_CREDIT.search(block.strip()):
        return Role.CAPTION
    if first and len(spans) == 1 and len(text[spans[0][0]:spans[0][1]].split()) <= STANDFIRST_WORDS and \
            not _DATELINE.match(block):  # a wire story's first paragraph is its story, however short
        return Role.STANDFIRST
    return Role.BODY


def _without_answer_label(text: str, spans: list[tuple[int, int]], speakers: bool = True) -> list[tuple[int, int]]:
    """A transcript's answer starts after its "A: ", a broadcast's words after the speaker's "ANCHOR: " (a box of
    "GDP: 4.1%" lines keeps its labels)."""
    if not spans:
        return spans
    start, end = spans[0]
    m = _ANSWER_LABEL.match(text, start, end) or (_SPEAKER_LABEL.match(text, start, end) if speakers else None)
    return spans if m is None or m.end() >= end else [(m.end(), end), *spans[1:]]


def _without_dateline(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The first sentence of a wire story starts after its dateline ("ALMATY, Jan 13 (Wire) - ")."""
    if not spans:
        return spans
    start, end = spans[0]
    m = _DATELINE.match(text, start, end)
    if m is None or not any(c.islower() for c in text[m.end():end]):
        return spans
    return [(m.end(), end), *spans[1:]]


def _add_passage(corpus: Corpus, doc_id: int, paragraph: int, heading: str, spans, text: str,
                 role: Role = Role.BODY) -> None:
    ids = []
    for position, (s, e) in enumerate(spans):
        own = Role.RETRACTED if role == Role.BODY and _RETRACTION.match(text, s, e) else role
        sentence = Sentence(len(corpus.sentences), doc_id, paragraph, position, s, text[s:e], own)
        corpus.sentences.append(sentence)
        ids.append(sentence.index)
    if ids:
        corpus.passages.append(Passage(len(corpus.passages), doc_id, paragraph, heading, tuple(ids)))


def article_files(directory: Path) -> list[Path]:
    """The corpus's article files, sorted, or an InputError when there are none."""
    if not directory.is_dir():
        raise InputError(Problem(str(directory), 0, "corpus directory not found"))
    files = sorted(p for p in directory.glob("*.txt") if p.is_file())
    if not files:
        raise InputError(Problem(str(directory), 0, "corpus directory has no *.txt articles"))
    return files


def parse_files(items: Iterable[tuple[Path, bytes]]) -> Corpus:
    """Parse articles given as (path, bytes); those that cannot be used are left out and named."""
    corpus = Corpus()
    for path, data in items:
        try:
            _parse_file(corpus, path, data)
        except InputError as exc:
            corpus.errors.extend(exc.problems)
    return corpus


def _parse_file(corpus: Corpus, path: Path, data: bytes) -> None:
    text = decode(path, data)
    if not text.strip():
        raise InputError(Problem(str(path), 1, "article file is empty"))
    mark = (len(corpus.documents), len(corpus.passages), len(corpus.sentences))
    parse_article(corpus, path, text)
    if not any(s.paragraph for s in corpus.sentences[mark[2]:]):  # nothing but the title
        del corpus.documents[mark[0]:], corpus.passages[mark[1]:], corpus.sentences[mark[2]:]
        line = text[: len(text) - len(text.lstrip())].count("\n") + 1
        corpus.warnings.append(Problem(str(path), line, "warning: article has only a title and no paragraphs; "
                                       "left out (a title alone is never quoted)"))


def require_documents(corpus: Corpus, directory: Path) -> Corpus:
    """The corpus, or an InputError when no article in it can be used."""
    if not corpus.documents:
        raise InputError(corpus.errors + corpus.warnings or Problem(str(directory), 0, "no usable article"))
    return corpus


def load_corpus(directory: Path, strict: bool = True) -> Corpus:
    """Parse every ``*.txt`` article in ``directory``; ``strict`` makes any unreadable article an InputError."""
    corpus = parse_files((path, path.read_bytes()) for path in article_files(directory))
    if strict and corpus.errors:
        raise InputError(corpus.errors)
    return require_documents(corpus, directory)
