"""How CI formats name files: relative to the working folder where they can, with slashes."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from urllib.parse import quote


def relative_path(path: str, base: str | None = None) -> str:
    """``path`` relative to ``base`` (the working folder) when it lies inside it, else absolute.

    Standard input ("-") and names given with ``--stdin-filename`` are treated like files in the
    working folder. The result always uses forward slashes, as CI services expect.
    """
    root = os.path.abspath(base or os.getcwd())
    full = os.path.abspath(path)
    try:
        inside = os.path.commonpath([root, full]) == root
    except ValueError:  # different drives on Windows
        inside = False
    if inside:
        return Path(os.path.relpath(full, root)).as_posix()
    return Path(full).as_posix()


def is_relative(path: str) -> bool:
    """Whether ``relative_path`` produced a relative path."""
    return not PurePosixPath(path).is_absolute() and not os.path.isabs(path)


def uri_reference(relative: str) -> str:
    """A relative path as a URI reference: reserved and non-ASCII characters percent-encoded."""
    return quote(relative, safe="/")


def folder_uri(folder: str) -> str:
    """An absolute ``file:`` URI for a folder, ending in a slash as SARIF's base URIs must."""
    uri = Path(os.path.abspath(folder)).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def file_uri(path: str) -> str:
    """An absolute ``file:`` URI for a file."""
    return Path(os.path.abspath(path)).as_uri()
