"""The bot's own words in English, Russian and Kazakh, from one gettext catalogue per language.

``bot/locales/<language>.po`` holds every text the bot says by itself (help, no-answer, labels,
buttons, admin replies, small talk): plain files a translator reviews and edits. They are read
at start and compiled in memory into the ``.mo`` bytes the standard library's ``gettext`` reads,
so no compiled file is committed or can drift from its source. Keys are symbolic (``Msg``); the
English catalogue holds the English wording, so every language is a file like the others.

The language of a reply follows Telegram's ``language_code`` (``ru``, ``kk``; anything else,
English); without one of ours, a message written in Cyrillic gets Russian or Kazakh.
"""

from __future__ import annotations

import ast
import gettext
import io
import re
import struct
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from bot.crosslingual import is_kazakh

LOCALES = Path(__file__).with_name("locales")


class Language(StrEnum):
    """The languages of the interface; the articles and their quotations stay in English."""

    EN = "en"
    RU = "ru"
    KK = "kk"


class Msg(StrEnum):
    """Every key of the catalogues (a test checks that each language has each one, and no other)."""

    EVENT = "event.default"
    NOT_FOUND = "answer.not_found"
    NOT_FOUND_MANY = "answer.not_found_many"
    NOT_FOUND_TRANSLATED = "answer.not_found_translated"
    EMPTY = "answer.empty"
    VAGUE = "answer.vague"
    FOREIGN = "answer.foreign"
    LEAD_STRONG = "lead.strong"
    LEAD_PARTIAL = "lead.partial"
    ENGLISH_SOURCE = "lead.english_source"
    TRY_THESE = "answer.try_these"
    TALK_GREETING = "talk.greeting"
    TALK_THANKS = "talk.thanks"
    TALK_GOODBYE = "talk.goodbye"
    TALK_WHO = "talk.who"
    TALK_ACK = "talk.ack"
    TALK_SYMBOLS = "talk.symbols"
    HELP_INTRO = "help.intro"
    HELP_MORE = "help.more"
    HELP_QUOTES = "help.quotes"
    HELP_HOW = "help.how"
    HELP_HERE = "help.here"
    HELP_GROUP = "help.group"
    HELP_INLINE = "help.inline"
    HELP_FAQ = "help.faq"
    HELP_FOLLOWUP = "help.followup"
    HELP_LANGUAGES = "help.languages"
    HELP_TRY = "help.try"
    HELP_EXAMPLE = "help.example"
    COMMAND_ASK = "command.ask"
    COMMAND_FAQ = "command.faq"
    COMMAND_HELP = "command.help"
    COMMAND_STATS = "command.stats"
    COMMAND_MISSED = "command.missed"
    COMMAND_RELOAD = "command.reload"
    FAQ_NONE = "faq.none"
    FAQ_LIST = "faq.list"
    ASK_HINT = "ask.hint"
    NON_TEXT = "non_text"
    FAQ_GONE = "button.faq_gone"
    BUTTON_UNKNOWN = "button.unknown"
    BUTTON_SLOW_DOWN = "button.slow_down"
    SLOW_DOWN = "slow_down"
    VOTE_THANKS = "vote.thanks"
    VOTE_TOO_OLD = "vote.too_old"
    VOTE_NOT_SAVED = "vote.not_saved"
    MORE_BUTTON = "more.button"
    MORE_HEADER = "more.header"
    MORE_CLOSEST = "more.closest"
    MORE_NONE = "more.none"
    MORE_GONE = "more.gone"
    STATS_TITLE = "stats.title"
    STATS_OFF = "stats.off"
    STATS_SINCE_START = "stats.since_start"
    STATS_NOTHING = "stats.nothing"
    STATS_QUESTIONS = "stats.questions"
    STATS_BY_KIND = "stats.by_kind"
    STATS_BY_SURFACE = "stats.by_surface"
    STATS_LATENCY = "stats.latency"
    STATS_VOTES = "stats.votes"
    MISSED_OFF = "missed.off"
    MISSED_NONE = "missed.none"
    MISSED_TITLE = "missed.title"
    MISSED_DETAILS = "missed.details"
    RELOAD_REFUSED = "reload.refused"
    RELOAD_LEFT_OUT = "reload.left_out"
    RELOAD_STARTED_LEFT_OUT = "reload.started_left_out"
    RELOAD_UNSETTLED = "reload.unsettled"
    RELOAD_DONE = "reload.done"
    IN_SERVICE = "reload.in_service"
    SERVING = "reload.serving"
    PROBLEMS_MORE = "reload.problems_more"


PLURAL = frozenset({Msg.HELP_MORE})  # the texts that agree with a number (ngettext)


@dataclass(frozen=True)
class Entry:
    """One catalogue entry: its key, its text (or plural forms) and the line it starts on."""

    key: str
    forms: tuple[str, ...]
    line: int
    plural: bool = False


_LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')


def parse_po(text: str, name: str = "catalogue") -> tuple[dict[str, str], list[Entry]]:
    """The header fields and the entries of a ``.po`` file (the subset we write: no contexts).

    A malformed line raises ValueError naming ``name`` and the line number.
    """
    entries: list[Entry] = []
    current: dict[str, list[str]] | None = None
    field, start = "", 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _LINE.match(line)
        if m is not None and m.group(1) == "msgid":
            if current is not None:
                entries.append(_entry(current, start, name))
            current, start = {}, number
        if m is not None and current is not None:
            field = m.group(1)
            current.setdefault(field, []).append(_string(m.group(3), name, number))
        elif line.startswith('"') and current is not None:
            current[field].append(_string(line, name, number))
        else:
            raise ValueError(f"{name}:{number}: expected msgid, msgstr or a quoted string")
    if current is not None:
        entries.append(_entry(current, start, name))
    header = next((e for e in entries if e.key == ""), None)
    fields = dict(line.split(": ", 1) for line in header.forms[0].splitlines() if ": " in line) if header else {}
    return fields, [e for e in entries if e.key]


def _string(quoted: str, name: str, number: int) -> str:
    try:
        value = ast.literal_eval(quoted)
    except (ValueError, SyntaxError):
        raise ValueError(f"{name}:{number}: a string must be in double quotes, with \\\" and \\n escapes") from None
    if not isinstance(value, str):
        raise ValueError(f"{name}:{number}: a string must be in double quotes")
    return value


def _entry(fields: dict[str, list[str]], line: int, name: str) -> Entry:
    if "msgid" not in fields:
        raise ValueError(f"{name}:{line}: an entry needs a msgid")
    key = "".join(fields["msgid"])
    if "msgid_plural" in fields:
        forms = [("".join(v), k) for k, v in fields.items() if k.startswith("msgstr[")]
        forms.sort(key=lambda item: int(item[1][7:-1]))
        return Entry(key, tuple(f for f, _ in forms), line, True)
    return Entry(key, ("".join(fields.get("msgstr", [])),), line)


def mo_bytes(header: dict[str, str], entries: list[Entry]) -> bytes:
    """The GNU ``.mo`` bytes of a catalogue (the layout CPython's Tools/i18n/msgfmt.py writes)."""
    pairs = {"": "".join(f"{k}: {v}\n" for k, v in header.items())}
    for e in entries:
        pairs[f"{e.key}\0{e.key}" if e.plural else e.key] = "\0".join(e.forms)
    keys = sorted(pairs)
    ids = b"".join(k.encode() + b"\0" for k in keys)
    strs = b"".join(pairs[k].encode() + b"\0" for k in keys)
    start = 7 * 4 + 16 * len(keys)
    offsets, at_id, at_str = [], 0, 0
    for k in keys:
        offsets.append((len(k.encode()), start + at_id, len(pairs[k].encode()), start + len(ids) + at_str))
        at_id += len(k.encode()) + 1
        at_str += len(pairs[k].encode()) + 1
    table = b"".join(struct.pack("<II", n, o) for n, o, _, _ in offsets)
    table += b"".join(struct.pack("<II", n, o) for _, _, n, o in offsets)
    head = struct.pack("<7I", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + 8 * len(keys), 0, 0)
    return head + table + ids + strs


def catalogue_path(language: Language) -> Path:
    return LOCALES / f"{language.value}.po"


@cache
def translations(language: Language) -> gettext.GNUTranslations:
    """The language's catalogue, read and compiled once."""
    path = catalogue_path(language)
    header, entries = parse_po(path.read_text(encoding="utf-8"), str(path))
    return gettext.GNUTranslations(io.BytesIO(mo_bytes(header, entries)))


@dataclass(frozen=True)
class Texts:
    """The bot's words in one language: ``texts(Msg.NOT_FOUND)``, ``texts.count(Msg.HELP_MORE, 3)``."""

    language: Language

    def __call__(self, key: Msg, **values: object) -> str:
        text = translations(self.language).gettext(key.value)
        return text.format(**values) if values else text

    def count(self, key: Msg, n: int, **values: object) -> str:
        """A text that agrees with a number (Russian has three forms: 1 статья, 2 статьи, 5 статей)."""
        return translations(self.language).ngettext(key.value, key.value, n).format(count=n, **values)

    @property
    def is_english(self) -> bool:
        return self.language == Language.EN


ENGLISH = Texts(Language.EN)


def choose(language_code: str | None, text: str = "") -> Language:
    """The reply's language: the user's Telegram language when it is one of ours; else a message
    written in Cyrillic gets Russian (or Kazakh, with Kazakh letters); else English."""
    code = (language_code or "").split("-")[0].lower()
    if code in (Language.RU, Language.KK):
        return Language(code)
    letters = [c for c in text if c.isalpha()]
    cyrillic = [c for c in letters if "\u0400" <= c <= "\u04ff"]
    if letters and len(cyrillic) * 2 > len(letters):
        return Language.KK if is_kazakh("".join(cyrillic).lower()) else Language.RU
    return Language.EN


def texts_for(language_code: str | None, text: str = "") -> Texts:
    """``Texts`` in the language ``choose`` picks."""
    return Texts(choose(language_code, text))
