"""Offset <-> (line, column) lookup for a source; "\\r\\n", a lone "\\r" and "\\n" are breaks."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, NoReturn

LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Line-start table of one source string; lines and columns are 1-based code-point counts."""

    __slots__ = ("_ends", "_length", "_starts")

    _starts: tuple[int, ...]
    _ends: tuple[int, ...]
    _length: int

    def __init__(self, source: str) -> None:
        starts = [0]
        ends = []
        for match in LINE_BREAK_RE.finditer(source):
            ends.append(match.start())
            starts.append(match.end())
        ends.append(len(source))
        object.__setattr__(self, "_starts", tuple(starts))
        object.__setattr__(self, "_ends", tuple(ends))
        object.__setattr__(self, "_length", len(source))

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise AttributeError(f"LineIndex is immutable (cannot set {name!r})")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"LineIndex is immutable (cannot delete {name!r})")

    def __getstate__(self) -> tuple[tuple[int, ...], tuple[int, ...], int]:
        return self._starts, self._ends, self._length

    def __setstate__(self, state: tuple[tuple[int, ...], tuple[int, ...], int]) -> None:
        for name, value in zip(("_starts", "_ends", "_length"), state, strict=True):
            object.__setattr__(self, name, value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LineIndex):
            return NotImplemented
        return self._length == other._length and self._starts == other._starts

    def __hash__(self) -> int:
        return hash((self._length, self._starts))

    def __repr__(self) -> str:
        return f"LineIndex(length={self._length}, line_count={self.line_count})"

    @property
    def line_count(self) -> int:
        """Number of lines; a source ending in a line break has a final empty line."""
        return len(self._starts)

    @property
    def length(self) -> int:
        """Length of the indexed source in code points."""
        return self._length

    @property
    def line_starts(self) -> tuple[int, ...]:
        """Offset of the first character of each line (index 0 is line 1)."""
        return self._starts

    @property
    def line_ends(self) -> tuple[int, ...]:
        """Offset just past each line's last character, before its break (index 0 is line 1)."""
        return self._ends

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of ``offset``; ``offset == length`` is valid."""
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} outside 0..{self._length}")
        index = bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def line_start(self, line: int) -> int:
        """Return the offset of the first character of 1-based ``line``."""
        self._check_line(line)
        return self._starts[line - 1]

    def line_end(self, line: int) -> int:
        """Return the offset just past the last character of ``line``, before its line break."""
        self._check_line(line)
        return self._ends[line - 1]

    def offset(self, line: int, column: int) -> int:
        """Return the offset of 1-based (``line``, ``column``): the inverse of ``position``."""
        self._check_line(line)
        start = self._starts[line - 1]
        limit = self._length if line == len(self._starts) else self._starts[line] - 1
        if not 1 <= column <= limit - start + 1:
            raise ValueError(f"column {column} outside line {line}")
        return start + column - 1

    def _check_line(self, line: int) -> None:
        if not 1 <= line <= len(self._starts):
            raise ValueError(f"line {line} outside 1..{len(self._starts)}")
