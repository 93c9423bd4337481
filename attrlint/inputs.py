"""Which files a run reads: paths and folders given on the command line, or stdin."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from attrlint.document import Document, load_document, read_document
from attrlint.document.decode import decode
from attrlint.errors import InputError

EXTENSIONS = (".md", ".markdown", ".txt", ".text")
SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "__pycache__",
        ".attrlint_cache",
        ".venv",
        "venv",
        ".tox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
    }
)


@dataclass(frozen=True, slots=True)
class Target:
    """A file to lint: where to read it and the name to report it under."""

    display: str
    path: Path | None  # None: standard input


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        found.extend(Path(root, f) for f in sorted(files) if f.lower().endswith(EXTENSIONS))
    return found


def collect(paths: list[str], stdin_filename: str | None) -> tuple[list[Target], list[InputError]]:
    """Expand folders (sorted, for determinism), drop duplicates, report missing paths."""
    targets: list[Target] = []
    errors: list[InputError] = []
    seen: set[str] = set()

    def add(target: Target) -> None:
        key = str(target.path.resolve()) if target.path else "-"
        if key not in seen:
            seen.add(key)
            targets.append(target)

    for raw in paths:
        if raw == "-":
            add(Target(stdin_filename or "-", None))
            continue
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path):
                add(Target(str(found), found))
        elif path.exists() or path.is_symlink():
            add(Target(raw, path))
        else:
            errors.append(InputError(raw, "No such file or directory"))
    return targets, errors


def load(target: Target) -> Document:
    """Read and decode one target; raises InputError with the reason."""
    if target.path is None:
        data = sys.stdin.buffer.read()
        return load_document(decode(data, target.display), target.display)
    return read_document(target.path, target.display)
