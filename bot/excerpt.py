"""A quotation cut to fit: a very long sentence is shortened around its highlight, never through it.

Every surface (Telegram, inline results, the console) shows the whole source sentence with the
answering part highlighted. Past ``MAX_QUOTE`` the sentence is cut at word boundaries on either
side of the highlight, each cut marked with an ellipsis, the context shared between both sides.
Lengths are in UTF-16 code units, as Telegram counts them.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_QUOTE = 600  # longest quotation shown whole (UTF-16 units, about 100 words)
ELLIPSIS = "\u2026"
PLAIN_MARK = "**"  # the console's highlight marker: "… while **nearly 8,000 people** were arrested."


@dataclass(frozen=True)
class Excerpt:
    """The quotation in three parts: text before the highlight, the highlight, text after it."""

    before: str
    marked: str
    after: str

    @property
    def text(self) -> str:
        return self.before + self.marked + self.after

    def plain(self, mark: str = PLAIN_MARK) -> str:
        """The quotation with the highlight between ``mark`` signs (none when nothing is highlighted)."""
        return self.before + (f"{mark}{self.marked}{mark}" if self.marked else "") + self.after


def units(text: str) -> int:
    """Length in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def excerpt(source: str, highlight: tuple[int, int] | None, room: int = MAX_QUOTE) -> Excerpt:
    """``source`` within ``room`` units, cut around ``highlight`` (from the start when there is none).

    The highlight is kept whole even when it alone is longer than ``room`` (then with an ellipsis
    on each side that was cut, two units over).
    """
    start, end = highlight if highlight else (0, 0)
    before, marked, after = source[:start], source[start:end], source[end:]
    if units(source) <= room:
        return Excerpt(before, marked, after)
    spare = max(room - units(marked), 0)
    left = min(units(before), spare // 2)
    if units(after) < spare - left:  # a short end leaves the rest of the room to the start
        left = min(units(before), spare - units(after))
    kept = _tail(before, left)
    return Excerpt(kept, marked, _head(after, spare - units(kept)))


def _head(text: str, room: int) -> str:
    """The start of ``text`` within ``room`` units, cut after a whole word, with an ellipsis when cut."""
    if units(text) <= room:
        return text
    if room <= units(ELLIPSIS):
        return ELLIPSIS  # a cut is always marked
    cut = _fit(text, room - 1, from_end=False)
    if not text[len(cut)].isspace():  # cut inside a word: drop its start
        cut = cut[:cut.rindex(" ")] if " " in cut else ""
    return cut.rstrip(" ,;:") + ELLIPSIS


def _tail(text: str, room: int) -> str:
    """The end of ``text`` within ``room`` units, cut before a whole word, with an ellipsis when cut."""
    if units(text) <= room:
        return text
    if room <= units(ELLIPSIS):
        return ELLIPSIS  # a cut is always marked
    cut = _fit(text, room - 1, from_end=True)
    if not text[len(text) - len(cut) - 1].isspace():  # cut inside a word: drop its end
        cut = cut[cut.index(" ") + 1:] if " " in cut else ""
    return ELLIPSIS + cut.lstrip()


def _fit(text: str, room: int, from_end: bool) -> str:
    """The longest start (or end) of ``text`` within ``room`` UTF-16 units."""
    taken, size = 0, 0
    chars = reversed(text) if from_end else iter(text)
    for ch in chars:
        size += 2 if ord(ch) > 0xFFFF else 1
        if size > room:
            break
        taken += 1
    return text[len(text) - taken:] if from_end else text[:taken]
