"""Markdown prose mask: block line ranges from markdown-it-py, columns from the raw source lines.

Block tokens give line ranges only, so each inline token's content is aligned back onto its raw
source lines (the part of a line before the aligned text is container markup). Inline markup is
located by wrapping markdown-it's own inline rules: each wrapper notes the content range its rule
consumed, so code spans, links, images, HTML and emphasis markers are blanked exactly where the
parser found them, never by guessing with regexes.
"""

from __future__ import annotations

import contextlib
import gc
import re
import string
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block import table as table_rule
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline, autolink, backtick, html_inline, image, link
from markdown_it.rules_inline import emphasis as emphasis_rules
from markdown_it.rules_inline import escape as escape_rule
from markdown_it.rules_inline import strikethrough as strikethrough_rules
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from attrlint.document.lines import LINE_BREAK_RE, LineIndex
from attrlint.document.model import Block, BlockKind, Comment, Link
from attrlint.document.nesting import MAX_NESTING, NestingGuard
from attrlint.document.text import (
    Masked,
    bare_urls,
    blank_urls,
    front_matter_text,
    html_comments,
    keep_only,
    plain_spaces,
    trim_span,
)
from attrlint.types import Span

InlineRule = Callable[[StateInline, bool], bool]
Segment = tuple[int, int, int]  # content offset, source offset, length
Range = tuple[int, int]

_META_KEY = "attrlint"
_ESCAPED_AFTER_BACKSLASH = frozenset(string.punctuation + "\n")
_UNESCAPED_PIPE_RE = re.compile(r"(?<!\\)\|")


@dataclass(slots=True)
class _InlineMarks:
    """Content ranges noted while markdown-it parses one inline token."""

    src: str
    markup: list[Range] = field(default_factory=list)
    comments: list[Range] = field(default_factory=list)
    delimiters: list[tuple[Token, int, int]] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)  # text range and URL


@dataclass(slots=True)
class _Recorder:
    """Per-parse state shared by the rule wrappers."""

    current: _InlineMarks | None = None
    table_rows: dict[int, Range] = field(default_factory=dict)
    nesting: NestingGuard = field(default_factory=NestingGuard)

    def active(self, state: StateInline) -> _InlineMarks | None:
        """The marks of the inline token being parsed, unless ``state`` is a nested parse."""
        current = self.current
        return current if current is not None and state.src is current.src else None


def mask_markdown(source: str, lines: LineIndex | None = None) -> Masked:
    """Mask a Markdown document: keep prose, blank markup, code, HTML, URLs and front matter."""
    lines = lines if lines is not None else LineIndex(source)
    aligned = source.replace("\0", "\ufffd") if "\0" in source else source
    recorder = _Recorder()
    walk = _Walk(source, aligned, lines, recorder.table_rows)
    with _collector_paused():
        for token in _parser(recorder).parse(LINE_BREAK_RE.sub("\n", aligned)):
            walk.visit(token)
            if recorder.nesting.truncated:
                recorder.nesting.note(token)
    skipped_keep, skipped_blocks = recorder.nesting.skipped(source, lines)
    if skipped_blocks:
        walk.keep.extend(skipped_keep)
        walk.blocks = sorted([*walk.blocks, *skipped_blocks], key=lambda block: block[0])
    walk.keep.sort()
    kept = keep_only(source, walk.keep)
    links = {(link.span.start, link.span.end): link for link in [*walk.links, *bare_urls(kept)]}
    prose = plain_spaces(blank_urls(kept))
    blocks = []
    for start, end, kind, quoted in walk.blocks:
        span = trim_span(prose, start, end)
        if span is not None:
            blocks.append(Block(span, kind, quoted))
    comments = sorted(walk.comments, key=lambda comment: comment.span.start)
    ordered = tuple(sorted(links.values(), key=lambda link: link.span.start))
    return Masked(prose, tuple(blocks), tuple(comments), walk.front_matter, ordered)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building the (acyclic) token stream.

    markdown-it allocates a few objects per token; with the collector running, its generation
    scans over the growing token list cost about 40% of the time on multi-megabyte inputs.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Walk:
    """Walks the block token stream, collecting prose ranges, blocks and comments."""

    def __init__(
        self, source: str, aligned: str, lines: LineIndex, table_rows: dict[int, Range]
    ) -> None:
        self.source = source
        self.aligned = aligned
        self.lines = lines
        self.starts = lines.line_starts
        self.ends = lines.line_ends
        self.table_rows = table_rows
        self.normalized_starts: list[int] | None = None
        self.keep: list[Range] = []
        self.blocks: list[tuple[int, int, BlockKind, bool]] = []
        self.comments: list[Comment] = []
        self.links: list[Link] = []
        self.front_matter: str | None = None
        self.quote_depth = 0
        self.item_depth = 0
        self.kind = BlockKind.PARAGRAPH
        self.atx = False
        self.cell = 0
        self.row_cells: tuple[int, list[tuple[int, str]]] | None = None

    def visit(self, token: Token) -> None:
        """Update the container context for one block token, or mask an inline token."""
        kind = token.type
        if kind == "inline":
            self._inline(token)
        elif kind in ("blockquote_open", "blockquote_close"):
            self.quote_depth += token.nesting
        elif kind in ("list_item_open", "list_item_close"):
            self.item_depth += token.nesting
        elif kind == "paragraph_open":
            self.kind = BlockKind.LIST_ITEM if self.item_depth else BlockKind.PARAGRAPH
        elif kind == "heading_open":
            self.kind = BlockKind.HEADING
            self.atx = token.markup.startswith("#")
        elif kind == "tr_open":
            self.cell = 0
        elif kind in ("th_open", "td_open"):
            self.kind = BlockKind.TABLE_CELL
        elif kind == "html_block" and token.map is not None:
            begin, end = token.map
            start, stop = self.lines.line_start(begin + 1), self.lines.line_end(end)
            self.comments.extend(html_comments(self.source, start, stop))
        elif kind == "front_matter" and token.map is not None:
            self.front_matter = front_matter_text(self.source, self.lines, token.map[1])

    def _inline(self, token: Token) -> None:
        """Align an inline token with the source and keep its prose ranges."""
        marks = token.meta.get(_META_KEY)
        if token.map is None or not isinstance(marks, _InlineMarks) or not token.content:
            return
        if self.kind is BlockKind.TABLE_CELL:
            segments = self._cell_segments(token.content, token.map[0])
            self.cell += 1
        elif self.kind is BlockKind.HEADING and self.atx:
            segments = self._heading_segments(token.content, token.map[0])
        else:
            segments = self._line_segments(token.content, token.map[0], token.map[1])
        if not segments:
            return
        keep = _subtract(segments, marks.markup)
        self.keep.extend(keep)
        if keep:
            self.blocks.append((keep[0][0], keep[-1][1], self.kind, self.quote_depth > 0))
        for start, end in marks.comments:
            first, last = _locate(segments, start), _locate(segments, end - 1)
            if first is not None and last is not None:
                body = token.content[start + 4 : end - 3] if end - start >= 7 else ""
                self.comments.append(Comment(Span(first, last + 1), body.strip()))
        for start, end, url in marks.links:
            first, last = _locate(segments, start), _locate(segments, end - 1)
            if first is not None and last is not None and last >= first:
                self.links.append(Link(Span(first, last + 1), url))

    def _raw_line(self, line: int) -> tuple[int, str]:
        """Return the source offset and text (without its break) of a 0-based line."""
        start = self.starts[line]
        return start, self.aligned[start : self.ends[line]]

    def _line_segments(self, content: str, first: int, stop: int) -> list[Segment]:
        """Align paragraph-like content (one content line per source line) with the source."""
        segments: list[Segment] = []
        texts = content.split("\n")
        position = shift = 0
        for number, text in enumerate(texts):
            core = text.lstrip(" \t")
            line = first + number + shift
            while core and line < stop:
                start, raw = self._raw_line(line)
                column = _align(raw, core, number == len(texts) - 1)
                if column >= 0:
                    segments.append((position + len(text) - len(core), start + column, len(core)))
                    shift = line - first - number
                    break
                line += 1
            position += len(text) + 1
        return segments

    def _heading_segments(self, content: str, line: int) -> list[Segment]:
        """Align ATX heading text, which sits after the run of ``#`` markers."""
        start, raw = self._raw_line(line)
        marker = raw.find("#")
        while 0 <= marker < len(raw) and raw[marker] == "#":
            marker += 1
        column = raw.find(content, max(marker, 0))
        return [(0, start + column, len(content))] if column >= 0 else []

    def _cell_segments(self, content: str, line: int) -> list[Segment]:
        """Align one table cell with its piece of the raw table row."""
        if self.row_cells is None or self.row_cells[0] != line:
            self.row_cells = (line, self._row_pieces(line))
        pieces = self.row_cells[1]
        if self.cell >= len(pieces):
            return []
        start, piece = pieces[self.cell]
        column = piece.find(content.replace("|", "\\|"))
        if column < 0:
            return []
        segments: list[Segment] = []
        position, offset = 0, start + column
        for number, part in enumerate(content.split("|")):
            if number:
                segments.append((position, offset + 1, 1))
                position, offset = position + 1, offset + 2
            segments.append((position, offset, len(part)))
            position, offset = position + len(part), offset + len(part)
        return [segment for segment in segments if segment[2]]

    def _row_pieces(self, line: int) -> list[tuple[int, str]]:
        """Split a table row's text as markdown-it does: on pipes not preceded by a backslash."""
        row = self.table_rows.get(line)
        if row is None:
            return []
        if self.normalized_starts is None:
            self.normalized_starts = _normalized_line_starts(self.lines)
        line_start, _ = self._raw_line(line)
        begin = line_start + row[0] - self.normalized_starts[line]
        end = line_start + row[1] - self.normalized_starts[line]
        pieces = [(begin + offset, text) for offset, text in _split_pipes(self.aligned[begin:end])]
        if pieces and not pieces[0][1].strip():
            pieces.pop(0)
        if pieces and not pieces[-1][1].strip():
            pieces.pop()
        return pieces


def _split_pipes(row: str) -> list[tuple[int, str]]:
    """Split ``row`` on pipes not preceded by a backslash into (offset, text) pieces."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for pipe in _UNESCAPED_PIPE_RE.finditer(row):
        pieces.append((start, row[start : pipe.start()]))
        start = pipe.end()
    pieces.append((start, row[start:]))
    return pieces


def _normalized_line_starts(lines: LineIndex) -> list[int]:
    """Line starts in the parser's copy of the source, where every line break is one "\\n"."""
    starts = [0]
    for line in range(1, lines.line_count):
        starts.append(starts[-1] + lines.line_end(line) - lines.line_start(line) + 1)
    return starts


def _align(raw: str, core: str, last: bool) -> int:
    """Column where ``core`` (a content line without leading indentation) sits in ``raw``."""
    if raw.endswith(core):
        return len(raw) - len(core)
    if last:
        column = raw.rfind(core)
        if column >= 0 and raw[column + len(core) :].isspace():
            return column
    return -1


def _subtract(segments: list[Segment], markup: list[Range]) -> list[Range]:
    """Map content segments to source ranges, leaving out the markup ranges."""
    merged: list[Range] = []
    for start, end in sorted(markup):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    ends = [end for _, end in merged]
    keep: list[Range] = []
    for content_start, source_start, length in segments:
        position, stop = content_start, content_start + length
        index = bisect_right(ends, position)
        while index < len(merged) and merged[index][0] < stop:
            mark_start, mark_end = merged[index]
            if mark_start > position:
                keep.append(
                    (
                        source_start + position - content_start,
                        source_start + mark_start - content_start,
                    )
                )
            position = max(position, mark_end)
            index += 1
        if position < stop:
            keep.append((source_start + position - content_start, source_start + length))
    return keep


def _locate(segments: list[Segment], offset: int) -> int | None:
    """Map one content offset to its source offset, if it lies in a segment."""
    index = bisect_right(segments, (offset, 1 << 62, 0)) - 1
    if index >= 0:
        content_start, source_start, length = segments[index]
        if offset < content_start + length:
            return source_start + offset - content_start
    return None


def _parser(recorder: _Recorder) -> MarkdownIt:
    """A CommonMark + tables + strikethrough + front matter parser wired to ``recorder``."""
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    md.enable(["table", "strikethrough"]).use(front_matter_plugin)
    recorder.nesting.watch(md)
    ruler = md.inline.ruler
    # One dispatching rule replaces the markup rules (each keys on its first character), which
    # keeps markdown-it's order of precedence and costs one call per non-text position.
    ruler.at("escape", _dispatch(recorder))
    ruler.disable(list(_REPLACED_RULES))
    md.inline.ruler2.before("fragments_join", "attrlint_delimiters", _settle(recorder))
    md.core.ruler.at("inline", _core_inline(recorder))
    md.block.ruler.at("table", _table(recorder), {"alt": ["paragraph", "reference"]})
    return md


MarkRanges = Callable[[StateInline, _InlineMarks, int, int], None]
_REPLACED_RULES = (
    "backticks",
    "strikethrough",
    "emphasis",
    "link",
    "image",
    "autolink",
    "html_inline",
)


def _dispatch(recorder: _Recorder) -> InlineRule:
    """The markup rules, tried by first character in markdown-it's order, recording markup."""
    angle = (
        _marking(recorder, autolink, _autolink_range),
        _marking(recorder, html_inline, _html_range),
    )
    emphasis = (_delimiters(recorder, emphasis_rules.tokenize),)
    rules: dict[str, tuple[InlineRule, ...]] = {
        "\\": (_marking(recorder, escape_rule, _escape_range),),
        "`": (_marking(recorder, backtick, _code_range),),
        "~": (_delimiters(recorder, strikethrough_rules.tokenize),),
        "*": emphasis,
        "_": emphasis,
        "[": (_marking(recorder, link, _link_ranges),),
        "!": (_marking(recorder, image, _whole_range),),
        "<": angle,
    }

    def dispatch(state: StateInline, silent: bool) -> bool:
        return any(rule(state, silent) for rule in rules.get(state.src[state.pos], ()))

    return dispatch


def _marking(recorder: _Recorder, rule: InlineRule, ranges: MarkRanges) -> InlineRule:
    """Wrap an inline rule so that a successful, token-producing match records its markup."""

    def wrapped(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        matched = rule(state, silent)
        marks = None if silent or not matched else recorder.active(state)
        if marks is not None:
            ranges(state, marks, start, count)
        return matched

    return wrapped


def _escape_range(state: StateInline, marks: _InlineMarks, start: int, count: int) -> None:
    """A backslash escape: blank the backslash only, and only when it escapes something."""
    if state.src[start + 1] in _ESCAPED_AFTER_BACKSLASH:
        marks.markup.append((start, start + 1))


def _code_range(state: StateInline, marks: _InlineMarks, start: int, count: int) -> None:
    """A code span, backticks included (an unmatched backtick run stays literal text)."""
    if len(state.tokens) > count and state.tokens[-1].type == "code_inline":
        marks.markup.append((start, state.pos))


def _link_ranges(state: StateInline, marks: _InlineMarks, start: int, count: int) -> None:
    """A link: blank ``[`` and everything from ``]`` on; the label's own markup is nested."""
    end = state.pos
    label_end = state.md.helpers.parseLinkLabel(state, start, True)
    state.pos = end
    marks.markup.append((start, start + 1))
    marks.markup.append((label_end if label_end > start else start, end))
    href = _href(state, count)
    if href is not None:
        text = (start + 1, label_end) if label_end > start + 1 else (start, end)
        marks.links.append((*text, href))


def _href(state: StateInline, count: int) -> str | None:
    """Where the link that a rule just opened (after any pending text it pushed) points."""
    for token in state.tokens[count:]:
        if token.type == "link_open":
            href = token.attrGet("href")
            return href if isinstance(href, str) else None
    return None


def _whole_range(state: StateInline, marks: _InlineMarks, start: int, count: int) -> None:
    """An image or autolink: blank all of it."""
    marks.markup.append((start, state.pos))


def _autolink_range(state: StateInline, marks: _InlineMarks, start: int, count: int) -> None:
    """An autolink: blank all of it, and note where it points."""
    _whole_range(state, marks, start, count)
    href = _href(state, count)
    if href is not None:
        marks.links.append((start, state.pos, href))


def _html_range(state: StateInline, marks: _InlineMarks, start: int, count: int) -> None:
    """Inline HTML: blank it, and note it as a comment when it is one."""
    marks.markup.append((start, state.pos))
    if state.src.startswith("<!--", start):
        marks.comments.append((start, state.pos))


def _delimiters(recorder: _Recorder, rule: InlineRule) -> InlineRule:
    """Wrap an emphasis-like tokenizer to note where each delimiter token came from."""

    def wrapped(state: StateInline, silent: bool) -> bool:
        if silent:
            return False
        marks = recorder.active(state)
        if marks is None:
            return rule(state, silent)
        if state.pending:
            state.pushPending()
        start, count = state.pos, len(state.tokens)
        matched = rule(state, silent)
        if matched:
            for token in state.tokens[count:]:
                width = len(token.content)
                marks.delimiters.append((token, start, start + width))
                start += width
        return matched

    return wrapped


def _settle(recorder: _Recorder) -> Callable[[StateInline], None]:
    """After pairing, delimiters turned into tags (or emptied) are markup; the rest is text."""

    def settle(state: StateInline) -> None:
        marks = recorder.active(state)
        if marks is None:
            return
        for token, start, end in marks.delimiters:
            if token.type != "text" or not token.content:
                marks.markup.append((start, end))
        marks.delimiters.clear()

    return settle


def _core_inline(recorder: _Recorder) -> Callable[[StateCore], None]:
    """Replace the core inline rule: parse each inline token with its own marks attached."""

    def inline(state: StateCore) -> None:
        for token in state.tokens:
            if token.type == "inline":
                marks = _InlineMarks(token.content)
                recorder.current = marks
                if token.children is None:
                    token.children = []
                state.md.inline.parse(token.content, state.md, state.env, token.children)
                token.meta[_META_KEY] = marks
        recorder.current = None

    return inline


def _table(recorder: _Recorder) -> Callable[[StateBlock, int, int, bool], bool]:
    """Wrap the table rule to note where each row's text starts and ends in the parser source."""

    def table(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        matched = table_rule(state, start_line, end_line, silent)
        if matched and not silent:
            for line in range(start_line, state.line):
                if line != start_line + 1:
                    begin = state.bMarks[line] + state.tShift[line]
                    recorder.table_rows[line] = (begin, state.eMarks[line])
        return matched

    return table
