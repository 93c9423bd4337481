"""The decoded document and its same-length prose view (DESIGN.md §2, step 1)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from attrlint.document.lines import LineIndex
from attrlint.types import Span


class BlockKind(enum.Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"


@dataclass(frozen=True, slots=True)
class Block:
    """A run of prose that sentences never cross (a paragraph, heading, list item or table cell).

    ``span`` covers the block in ``Document.source``/``Document.prose``; ``quoted`` is true for
    blocks inside a Markdown blockquote (prose, but quoted speech, not the reporter's voice).
    """

    span: Span
    kind: BlockKind
    quoted: bool = False


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment, read before masking (inline suppressions live here)."""

    span: Span
    text: str  # the comment body between ``<!--`` and ``-->``, stripped


@dataclass(frozen=True, slots=True)
class Link:
    """A link: ``span`` is its text in the source (the label of ``[label](url)``; the URL itself
    for an autolink or a bare URL), ``url`` where it points."""

    span: Span
    url: str


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded file. ``prose`` has the same length as ``source``; non-prose is blanked to spaces.

    Line-break characters are kept in ``prose`` so that line numbers agree. Every offset anywhere in
    attrlint is a code-point offset into ``source``.
    """

    path: str
    source: str
    prose: str
    format: str  # "markdown" or "text"
    blocks: tuple[Block, ...]
    comments: tuple[Comment, ...]
    lines: LineIndex
    front_matter: str | None = None
    links: tuple[Link, ...] = ()

    def excerpt(self, span: Span) -> str:
        return self.source[span.start : span.end]
