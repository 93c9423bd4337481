"""Offsets ↔ LSP positions in UTF-16 (the default), UTF-8 and UTF-32 code units."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from attrlint.server.positions import UTF8, UTF16, UTF32, PositionMap, units

TEXT = "Storm 🌊 watch: experts say.\r\nNext line é\rlast\n"


def test_units_per_encoding() -> None:
    assert [units("🌊", e) for e in (UTF8, UTF16, UTF32)] == [4, 2, 1]
    assert [units("é", e) for e in (UTF8, UTF16, UTF32)] == [2, 1, 1]


@pytest.mark.parametrize(("encoding", "character"), [(UTF16, 16), (UTF8, 18), (UTF32, 15)])
def test_a_position_after_an_emoji(encoding: str, character: int) -> None:
    positions = PositionMap(TEXT, encoding)
    offset = TEXT.index("experts")
    assert positions.position(offset) == (0, character)
    assert positions.offset(0, character) == offset


def test_lines_break_at_crlf_cr_and_lf_only() -> None:
    text = TEXT + "x\u2028y"
    positions = PositionMap(text, UTF16)
    assert positions.position(text.index("Next")) == (1, 0)
    assert positions.position(text.index("last")) == (2, 0)
    assert positions.position(text.rindex("y")) == (3, 2)  # U+2028 is not a line break in LSP
    assert positions.line_text(1) == "Next line é"


def test_positions_past_the_end_are_clamped() -> None:
    positions = PositionMap(TEXT, UTF16)
    assert positions.offset(0, 500) == TEXT.index("\r")
    assert positions.offset(99, 0) == len(TEXT)
    assert positions.offset(-1, 3) == 0
    assert positions.line_text(99) == ""


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40))
def test_round_trip_on_character_boundaries(text: str) -> None:
    for encoding in (UTF8, UTF16, UTF32):
        positions = PositionMap(text, encoding)
        for offset in range(len(text) + 1):
            if text[offset - 1 : offset + 1] == "\r\n":
                continue  # between the two characters of one line break
            line, character = positions.position(offset)
            assert positions.offset(line, character) == offset
