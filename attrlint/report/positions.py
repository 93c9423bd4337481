"""Line and column views of a diagnostic, shared by every reporter."""

from __future__ import annotations

from dataclasses import dataclass

from attrlint.document.model import Document
from attrlint.types import Span


@dataclass(frozen=True, slots=True)
class Located:
    """1-based line and column of a span's start and (exclusive) end, in code points."""

    line: int
    column: int
    end_line: int
    end_column: int


def locate(document: Document, span: Span) -> Located:
    line, column = document.lines.position(span.start)
    end_line, end_column = document.lines.position(span.end)
    return Located(line, column, end_line, end_column)
