"""Documents: decoding, the same-length prose mask, blocks, comments and line/column lookup."""

from __future__ import annotations

import errno
import pathlib

from attrlint.document.decode import decode
from attrlint.document.lines import LineIndex
from attrlint.document.markdown import mask_markdown
from attrlint.document.model import Block, BlockKind, Comment, Document
from attrlint.document.text import mask_text
from attrlint.errors import InputError

__all__ = [
    "Block",
    "BlockKind",
    "Comment",
    "Document",
    "LineIndex",
    "decode",
    "detect_format",
    "load_document",
    "read_document",
]

FORMATS = ("markdown", "text")
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
    masked = mask_markdown(text, lines) if fmt == "markdown" else mask_text(text, lines)
    return Document(
        path=path,
        source=text,
        prose=masked.prose,
        format=fmt,
        blocks=masked.blocks,
        comments=masked.comments,
        lines=lines,
        front_matter=masked.front_matter,
    )


def read_document(path: pathlib.Path, display_path: str) -> Document:
    """Read, decode and mask a file; unreadable or undecodable files raise InputError."""
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(display_path, _os_reason(exc)) from None
    return load_document(decode(data, display_path), display_path)


def _os_reason(exc: OSError) -> str:
    """A short human reason for an OSError, without the path (the caller prefixes it)."""
    if isinstance(exc, IsADirectoryError) or exc.errno == errno.EISDIR:
        return "is a directory"
    return exc.strerror or str(exc) or type(exc).__name__
