"""Plain-text prose masking, plus the masking helpers the Markdown masker shares."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from attrlint.document.lines import LineIndex
from attrlint.document.model import Block, BlockKind, Comment, Link
from attrlint.types import Span

_NON_BREAK_RUN = re.compile(r"[^\r\n]+")
_URL_RE = re.compile(r"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>]+")
MAX_WORD = 128
_LONG_RUN_RE = re.compile(rf"(?<!\S)\S{{{MAX_WORD + 1},}}")
# Control characters other than tab and line breaks, Unicode spaces other than " ", and
# invisible format characters: see plain_spaces().
_CONTROL_RE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")  # NUL: decoding refuses it
_TO_SPACE = dict.fromkeys(
    [
        *range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
        0x00A0, 0x00AD, 0x061C, 0x1680, 0x180E, 0x202F, 0x205F, 0x3000, 0xFEFF,
        *range(0x2000, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065),
        *range(0x2066, 0x2070),
    ],
    " ",
)  # fmt: skip
_URL_TRAILER = ".,;:!?'\"()[]{}<>*_~`\u201d\u2019\u00bb"
_HASH_COMMENT_RE = re.compile(r"#[ \t]*attrlint-[^\r\n]*")
_FENCE_OPEN_RE = re.compile(r"(-{3,})[ \t]*")
_FENCE_CLOSE_RE = re.compile(r"(-{3,}|\.\.\.)[ \t]*")
_SENTENCE_END = (".", "!", "?")
_CLOSERS = "\"\u201d\u2019')"
_TITLE_MAX_WORDS = 15


@dataclass(frozen=True, slots=True)
class Masked:
    """The same-length prose view of a source, with its blocks, comments and front matter."""

    prose: str
    blocks: tuple[Block, ...]
    comments: tuple[Comment, ...]
    front_matter: str | None
    links: tuple[Link, ...] = ()


def blank(text: str) -> str:
    """Replace every character of ``text`` except "\\r" and "\\n" by a space."""
    if "\n" not in text and "\r" not in text:
        return " " * len(text)
    return _NON_BREAK_RUN.sub(lambda match: " " * (match.end() - match.start()), text)


def keep_only(source: str, keep: Iterable[tuple[int, int]]) -> str:
    """Blank ``source`` outside the ``keep`` ranges (sorted by start; overlaps are tolerated)."""
    parts: list[str] = []
    pos = 0
    for start, end in keep:
        start = max(start, pos)
        if end <= start:
            continue
        parts.append(blank(source[pos:start]))
        parts.append(source[start:end])
        pos = end
    parts.append(blank(source[pos:]))
    return "".join(parts)


def blank_ranges(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """Blank the given ranges (sorted by start; overlaps are tolerated) of ``text``."""
    keep: list[tuple[int, int]] = []
    pos = 0
    for start, end in ranges:
        if start > pos:
            keep.append((pos, start))
        pos = max(pos, end)
    keep.append((pos, len(text)))
    return keep_only(text, keep)


def blank_urls(prose: str) -> str:
    """Blank bare URLs (``https://…``, ``www.…``) in prose, leaving trailing punctuation."""

    def replace(match: re.Match[str]) -> str:
        url = match.group()
        kept = url.rstrip(_URL_TRAILER)
        return " " * len(kept) + url[len(kept) :]

    return _URL_RE.sub(replace, prose)


def plain_spaces(prose: str) -> str:
    """Spaces for what the tokenizer would glue words with, keeping every offset.

    Control characters (but tab and line breaks), no-break and other Unicode spaces become plain
    spaces, and so do invisible format characters pasted from word processors and web pages
    (zero-width spaces and joiners, word joiners, soft hyphens, stray byte-order marks, direction
    marks). Inside a word that splits it in two, which costs less than the sentence it would
    otherwise hide.

    A run of more than ``MAX_WORD`` characters without a space is no word (a wall of asterisks,
    pasted data) and is blanked: spaCy's tokenizer peels punctuation off such a run one
    character at a time, in time quadratic in its length (minutes for ten thousand "*").
    """
    plain = prose.isascii() and not _CONTROL_RE.search(prose)
    spaced = prose if plain else prose.translate(_TO_SPACE)
    return _LONG_RUN_RE.sub(lambda match: " " * (match.end() - match.start()), spaced)


def bare_urls(prose: str) -> list[Link]:
    """The bare URLs that :func:`blank_urls` blanks, as links (without trailing punctuation)."""
    links = []
    for match in _URL_RE.finditer(prose):
        url = match.group().rstrip(_URL_TRAILER)
        if url:
            links.append(Link(Span(match.start(), match.start() + len(url)), url))
    return links


def trim_span(prose: str, start: int, end: int) -> Span | None:
    """Shrink ``[start, end)`` to its first and last non-whitespace prose characters, if any."""
    text = prose[start:end]
    body = text.lstrip()
    if not body:
        return None
    head = len(text) - len(body)
    return Span(start + head, start + len(text.rstrip()))


def split_long_blocks(prose: str, blocks: tuple[Block, ...], limit: int) -> tuple[Block, ...]:
    """Cut blocks longer than ``limit`` at a sentence end (else a space) into shorter blocks.

    A paragraph of a megabyte is a paste, not a paragraph; cut, it costs the analysis, which
    looks back through a paragraph for each claim, time in proportion to its length.
    """
    if all(block.span.end - block.span.start <= limit for block in blocks):
        return blocks
    out: list[Block] = []
    for block in blocks:
        start, end = block.span.start, block.span.end
        while end - start > limit:
            floor = start + limit // 2
            cut = max(prose.rfind(mark, floor, start + limit) for mark in (". ", "? ", "! "))
            cut = cut + 1 if cut >= 0 else prose.rfind(" ", floor, start + limit)
            cut = cut if cut > start else start + limit
            span = trim_span(prose, start, cut)
            if span is not None:
                out.append(Block(span, block.kind, block.quoted))
            start = cut
        span = trim_span(prose, start, end)
        if span is not None:
            out.append(Block(span, block.kind, block.quoted))
    return tuple(out)


def html_comments(source: str, start: int, end: int) -> list[Comment]:
    """Find the closed ``<!-- … -->`` comments that begin in ``source[start:end]``."""
    comments: list[Comment] = []
    pos = start
    while (open_at := source.find("<!--", pos, end)) >= 0:
        close = source.find("-->", open_at + 2, end)
        if close < 0:
            break
        body = source[open_at + 4 : close] if close >= open_at + 4 else ""
        comments.append(Comment(Span(open_at, close + 3), body.strip()))
        pos = close + 3
    return comments


def front_matter_text(source: str, lines: LineIndex, close_line: int) -> str:
    """Return the text between a front matter opening fence (line 1) and ``close_line``."""
    if close_line <= 2:
        return ""
    return source[lines.line_start(2) : lines.line_end(close_line - 1)]


def find_front_matter(source: str, lines: LineIndex) -> int | None:
    """Return the 1-based line of the fence closing a leading ``---`` front matter, if any."""
    opening = _FENCE_OPEN_RE.fullmatch(source, 0, lines.line_end(1))
    if opening is None:
        return None
    width = len(opening.group(1))
    for line in range(2, lines.line_count + 1):
        fence = _FENCE_CLOSE_RE.fullmatch(source, lines.line_start(line), lines.line_end(line))
        if fence is not None and (fence.group(1) == "..." or len(fence.group(1)) >= width):
            return line
    return None


def mask_text(source: str, lines: LineIndex | None = None) -> Masked:
    """Mask plain text: all prose but front matter, comments and bare URLs; split paragraphs.

    Paragraphs end at blank lines and at line ends after sentence-final punctuation (unless the
    next line starts in lower case); a short unpunctuated first line followed by a blank line
    and more text is the title (a HEADING block).
    """
    lines = lines if lines is not None else LineIndex(source)
    close_line = find_front_matter(source, lines)
    body_start = 0
    front_matter = None
    if close_line is not None:
        front_matter = front_matter_text(source, lines, close_line)
        body_start = lines.line_end(close_line)
    comments = html_comments(source, body_start, len(source))
    prose = blank_ranges(source, [(0, body_start), *((c.span.start, c.span.end) for c in comments)])
    hashes = _hash_comments(prose, body_start)
    prose = blank_ranges(prose, ((c.span.start, c.span.end) for c in hashes))
    links = tuple(bare_urls(prose))
    prose = plain_spaces(blank_urls(prose))
    first_line = 1 if close_line is None else close_line + 1
    blocks = _text_blocks(prose, lines, first_line) if first_line <= lines.line_count else ()
    all_comments = sorted([*comments, *hashes], key=lambda c: c.span.start)
    return Masked(prose, blocks, tuple(all_comments), front_matter, links)


def _hash_comments(prose: str, start: int) -> list[Comment]:
    """Find ``# attrlint-…`` comments whose ``#`` is the first non-blank character of a line."""
    comments: list[Comment] = []
    for match in _HASH_COMMENT_RE.finditer(prose, start):
        line_start = max(prose.rfind("\n", 0, match.start()), prose.rfind("\r", 0, match.start()))
        if prose[line_start + 1 : match.start()].strip(" \t"):
            continue
        text = match.group().rstrip()
        comments.append(Comment(Span(match.start(), match.start() + len(text)), text[1:].strip()))
    return comments


def _ends_sentence(line: str) -> bool:
    """Whether a line ends (ignoring trailing space and closing quotes) with . ! or ?."""
    return line.rstrip().rstrip(_CLOSERS).endswith(_SENTENCE_END)


def _text_blocks(prose: str, lines: LineIndex, first_line: int) -> tuple[Block, ...]:
    """Split plain-text prose into paragraphs at blank lines and sentence-final line ends."""
    runs: list[tuple[int, int, int, bool]] = []  # start, end, line count, ended at a blank line
    start = end = count = 0
    starts = lines.line_starts
    texts = [prose[start:end] for start, end in zip(starts, lines.line_ends, strict=True)]
    for index in range(first_line - 1, len(texts)):
        text = texts[index]
        if not text.strip():
            if count:
                runs.append((start, end, count, True))
                count = 0
            continue
        if not count:
            start = starts[index]
        end = starts[index] + len(text)
        count += 1
        following = texts[index + 1].lstrip() if index + 1 < len(texts) else ""
        if _ends_sentence(text) and not following[:1].islower():
            runs.append((start, end, count, False))
            count = 0
    if count:
        runs.append((start, end, count, False))
    blocks: list[Block] = []
    for number, (run_start, run_end, run_lines, at_blank) in enumerate(runs):
        span = trim_span(prose, run_start, run_end)
        if span is None:
            continue
        text = prose[span.start : span.end]
        title = (
            number == 0
            and run_lines == 1
            and at_blank
            and len(runs) > 1
            and len(text.split()) <= _TITLE_MAX_WORDS
            and not _ends_sentence(text)
        )
        blocks.append(Block(span, BlockKind.HEADING if title else BlockKind.PARAGRAPH))
    return tuple(blocks)
