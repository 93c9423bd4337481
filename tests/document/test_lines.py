"""LineIndex: offsets to 1-based (line, column) and back, with CRLF, lone CR and LF breaks."""

from __future__ import annotations

import copy
import pickle

import pytest

from attrlint.document import LineIndex


def test_empty_source_has_one_line() -> None:
    index = LineIndex("")
    assert index.line_count == 1
    assert index.position(0) == (1, 1)
    assert index.line_start(1) == 0
    assert index.line_end(1) == 0


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r"])
def test_each_break_style_starts_a_new_line(brk: str) -> None:
    source = f"first{brk}second{brk}third"
    index = LineIndex(source)
    assert index.line_count == 3
    word = source.index("third")
    assert index.position(word) == (3, 1)
    assert index.position(word + 2) == (3, 3)
    assert index.line_start(2) == source.index("second")
    assert index.line_end(2) == source.index("second") + len("second")


def test_crlf_is_one_break_and_its_lf_stays_on_the_cr_line() -> None:
    index = LineIndex("ab\r\ncd")
    assert index.position(2) == (1, 3)  # the "\r"
    assert index.position(3) == (1, 4)  # the "\n" of the pair
    assert index.position(4) == (2, 1)
    assert index.line_count == 2


def test_lf_cr_is_two_breaks() -> None:
    index = LineIndex("a\n\rb")
    assert index.line_count == 3
    assert index.position(3) == (3, 1)


def test_end_offset_is_valid_and_trailing_break_opens_an_empty_line() -> None:
    source = "one\ntwo\n"
    index = LineIndex(source)
    assert index.line_count == 3
    assert index.position(len(source)) == (3, 1)
    assert index.offset(3, 1) == len(source)


@pytest.mark.parametrize("offset", [-1, 4])
def test_out_of_range_offsets_are_rejected(offset: int) -> None:
    with pytest.raises(ValueError):
        LineIndex("abc").position(offset)


def test_columns_count_code_points_not_utf16_units() -> None:
    source = "\U0001f600 Turnout rose"
    index = LineIndex(source)
    assert index.position(source.index("Turnout")) == (1, 3)


def test_offset_inverts_position_and_rejects_columns_past_the_line() -> None:
    source = "alpha\r\nbeta\rgamma"
    index = LineIndex(source)
    for offset in range(len(source) + 1):
        assert index.offset(*index.position(offset)) == offset
    with pytest.raises(ValueError):
        index.offset(2, 6)  # "beta" + its "\r" is columns 1..5
    with pytest.raises(ValueError):
        index.offset(1, 0)
    with pytest.raises(ValueError):
        index.line_start(4)


def test_line_starts_and_ends_are_exposed_as_tuples() -> None:
    index = LineIndex("ab\r\nc\rd")
    assert index.line_starts == (0, 4, 6)
    assert index.line_ends == (2, 5, 7)


def test_index_is_immutable_hashable_and_picklable() -> None:
    index = LineIndex("x\ny")
    with pytest.raises(AttributeError):
        index._length = 3
    assert index == LineIndex("x\ny")
    assert hash(index) == hash(LineIndex("x\ny"))
    assert index != LineIndex("x\r\ny")
    assert pickle.loads(pickle.dumps(index)) == index
    assert copy.deepcopy(index) == index
