"""A very long quotation is shortened around its highlight, at word boundaries, the highlight never cut."""

from __future__ import annotations

import pytest

from bot.excerpt import ELLIPSIS, MAX_QUOTE, excerpt, units

SENTENCE = ("Scores of citizens and more than a dozen security forces personnel were killed last week as dissent "
            "that began over fuel prices swelled, while nearly 8,000 people were arrested.")
ARRESTS = (SENTENCE.index("nearly"), SENTENCE.index(" were arrested"))


def long_sentence(words: int = 400) -> tuple[str, tuple[int, int]]:
    before = " ".join(f"word{i}" for i in range(words))
    after = " ".join(f"tail{i}" for i in range(words))
    text = f"{before} the dam released 4,500 cubic metres of water {after}."
    start = text.index("4,500")
    return text, (start, start + len("4,500 cubic metres"))


def test_a_sentence_within_the_room_is_whole():
    part = excerpt(SENTENCE, ARRESTS)
    assert part.text == SENTENCE and part.marked == "nearly 8,000 people"
    assert part.plain() == SENTENCE.replace("nearly 8,000 people", "**nearly 8,000 people**")


@pytest.mark.parametrize("room", [60, 100, 150])
def test_a_long_sentence_is_cut_around_the_highlight(room):
    part = excerpt(SENTENCE, ARRESTS, room)
    assert units(part.text) <= room
    assert part.marked == "nearly 8,000 people"
    assert part.before.startswith(ELLIPSIS)
    kept = part.before.removeprefix(ELLIPSIS)
    assert SENTENCE[:ARRESTS[0]].endswith(kept) and (not kept or SENTENCE[ARRESTS[0] - len(kept) - 1] == " ")


def test_cuts_fall_between_words_on_both_sides():
    text, span = long_sentence()
    part = excerpt(text, span)
    assert units(part.text) <= MAX_QUOTE
    assert part.before.startswith(ELLIPSIS) and part.after.endswith(ELLIPSIS)
    assert part.before.removeprefix(ELLIPSIS).split()[0] in text.split()
    assert part.after.removesuffix(ELLIPSIS).split()[-1] in text.split()
    assert part.marked == "4,500 cubic metres"
    assert abs(units(part.before) - units(part.after)) < 20  # the context is shared


def test_a_highlight_longer_than_the_room_is_kept_whole():
    part = excerpt(SENTENCE, ARRESTS, 10)
    assert part.marked == "nearly 8,000 people" and part.before == ELLIPSIS and part.after == ELLIPSIS


def test_without_highlight_the_start_is_kept():
    part = excerpt(SENTENCE, None, 50)
    assert part.marked == "" and part.before == ""
    assert SENTENCE.startswith(part.after.removesuffix(ELLIPSIS)) and units(part.text) <= 50
    assert part.plain() == part.text  # no marks around nothing


def test_room_is_counted_in_utf16_units():
    text = "😀 " * 400 + "the answer" + " 😀" * 400
    start = text.index("the answer")
    part = excerpt(text, (start, start + len("the answer")), 100)
    assert units(part.text) <= 100 and part.marked == "the answer"
