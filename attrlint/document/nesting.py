"""Markdown nested past markdown-it's limit: the text it skips is still masked as prose.

markdown-it stops descending at ``maxNesting`` levels (a list costs two: the list and its item)
and then *skips the rest of the enclosing container*, which a deep enough container stretches to
the end of the file: without care, ten nested lists or a line of ``> > > …`` silently drops every
paragraph after them. The limit itself stays (the parser recurses once per level, and Python's
stack is finite). When a parse hits it, each non-blank line that no leaf token covers is kept
as plain prose after its container markers; consecutive such lines form one block.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from attrlint.document.lines import LineIndex
from attrlint.document.model import BlockKind

# Deep enough for any real document (24 nested lists, 49 nested quotes), shallow enough that
# markdown-it's recursion stays far from Python's limit.
MAX_NESTING = 50
_CONTAINERS = frozenset(
    {"blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open"}
)
# Container markers at the start of a line: "> ", "- ", "* ", "+ ", "1. ", "1) ", any depth.
_PREFIX_RE = re.compile(r"(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*")
_REFERENCE_RE = re.compile(r"[ \t]{0,3}\[[^\]]+\]:")

Range = tuple[int, int]
BlockRun = tuple[int, int, BlockKind, bool]  # start, end, kind, quoted


@dataclass(slots=True)
class NestingGuard:
    """Notes whether a parse hit the nesting limit, and which lines leaf tokens covered."""

    truncated: bool = False
    covered: set[int] | None = None

    def watch(self, md: MarkdownIt) -> None:
        """Wrap ``md``'s block tokenizer to notice when it skips content at the limit."""
        tokenize: Callable[[StateBlock, int, int], None] = md.block.tokenize

        def guarded(state: StateBlock, start_line: int, end_line: int) -> None:
            if state.level >= state.md.options.maxNesting:
                line = state.skipEmptyLines(start_line)
                if line < end_line and state.sCount[line] >= state.blkIndent:
                    self.truncated = True
            tokenize(state, start_line, end_line)

        md.block.tokenize = guarded  # type: ignore[method-assign,assignment]

    def note(self, token: Token) -> None:
        """Record the lines a leaf block token (not a container) covers."""
        if token.map is None or token.type in _CONTAINERS or token.nesting < 0:
            return
        if self.covered is None:
            self.covered = set()
        self.covered.update(range(token.map[0], token.map[1]))

    def skipped(self, source: str, lines: LineIndex) -> tuple[list[Range], list[BlockRun]]:
        """Prose ranges and blocks for the lines a truncated parse left uncovered."""
        if not self.truncated:
            return [], []
        covered = self.covered or set()
        keep: list[Range] = []
        blocks: list[BlockRun] = []
        run: list[Range] = []
        quoted = False
        for index in range(lines.line_count):
            start, end = lines.line_starts[index], lines.line_ends[index]
            text = source[start:end]
            prefix = _PREFIX_RE.match(text)
            body = prefix.end() if prefix else 0
            if index in covered or not text[body:].strip() or _REFERENCE_RE.match(text):
                if run:
                    blocks.append((run[0][0], run[-1][1], BlockKind.PARAGRAPH, quoted))
                    run, quoted = [], False
                continue
            keep.append((start + body, end))
            run.append((start + body, end))
            quoted = quoted or ">" in text[:body]
        if run:
            blocks.append((run[0][0], run[-1][1], BlockKind.PARAGRAPH, quoted))
        return keep, blocks
