"""Documents: decoding, the same-length prose mask, blocks, comments and line/column lookup."""

from __future__ import annotations

import errno
import pathlib

from attrlint.document.decode import decode
from attrlint.document.files import MIB, read_limited
from attrlint.document.lines import LineIndex
from attrlint.document.model import Block, BlockKind, Comment, Document, Link
from attrlint.document.text import mask_text, split_long_blocks
from attrlint.errors import InputError

__all__ = [
    "Block",
    "BlockKind",
    "Comment",
    "Document",
    "LineIndex",
    "Link",
    "decode",
    "detect_format",
    "load_document",
    "read_document",
]

FORMATS = ("markdown", "text")
MAX_FILE_BYTES = 64 * MIB  # an article, not an archive; also bounds what a device could feed
MAX_BLOCK_CHARS = 20_000  # longer "paragraphs" (pastes, one-line files) are cut into blocks
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})


def detect_format(path: str) -> str:
    """Return "markdown" for ``.md``/``.markdown`` paths (any case), else "text"."""
    return "markdown" if pathlib.PurePath(path).suffix.lower() in _MARKDOWN_SUFFIXES else "text"


def load_document(text: str, path: str, fmt: str | None = None) -> Document:
    """Build a Document from decoded text; ``fmt`` is "markdown", "text" or None (by extension)."""
    fmt = detect_format(path) if fmt is None else fmt
    if fmt not in FORMATS:
        raise ValueError(f"unknown document format {fmt!r}; expected one of {FORMATS}")
    lines = LineIndex(text)
    if fmt == "markdown":
        from attrlint.document.markdown import mask_markdown  # markdown-it only when needed

        masked = mask_markdown(text, lines)
    else:
        masked = mask_text(text, lines)
    return Document(
        path=path,
        source=text,
        prose=masked.prose,
        format=fmt,
        blocks=split_long_blocks(masked.prose, masked.blocks, MAX_BLOCK_CHARS),
        comments=masked.comments,
        lines=lines,
        front_matter=masked.front_matter,
        links=masked.links,
    )


def read_document(path: pathlib.Path, display_path: str, encoding: str | None = None) -> Document:
    """Read, decode and mask a file; unreadable or undecodable files raise InputError.

    Only regular files up to ``MAX_FILE_BYTES`` are read; ``encoding`` is as for :func:`decode`.
    """
    try:
        data = read_limited(path, MAX_FILE_BYTES)
    except OSError as exc:
        raise InputError(display_path, _os_reason(exc)) from None
    return load_document(decode(data, display_path, encoding), display_path)


def _os_reason(exc: OSError) -> str:
    """A short human reason for an OSError, without the path (the caller prefixes it)."""
    if isinstance(exc, IsADirectoryError) or exc.errno == errno.EISDIR:
        return "is a directory"
    return exc.strerror or str(exc) or type(exc).__name__
