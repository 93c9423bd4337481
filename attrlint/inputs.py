"""Which files a run reads: named paths, folders (walked with .gitignore and excludes), or stdin."""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from attrlint.document import MAX_FILE_BYTES, Document, load_document, read_document
from attrlint.document.decode import decode
from attrlint.document.files import MIB, read_limited, too_large
from attrlint.errors import InputError
from attrlint.globs import Glob

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


class WalkPolicy(Protocol):
    """What the configuration says about paths (implemented by ``attrlint.config.Resolver``)."""

    def excluded(self, path: Path) -> bool: ...

    def respect_gitignore(self, folder: Path) -> bool: ...

    def force_exclude(self, path: Path) -> bool: ...


class _Everything:
    """The policy without configuration: nothing excluded, .gitignore respected."""

    def excluded(self, path: Path) -> bool:
        return False

    def respect_gitignore(self, folder: Path) -> bool:
        return True

    def force_exclude(self, path: Path) -> bool:
        return False


def absolute(path: Path | str) -> Path:
    """An absolute, normalised path (symlinks are not resolved)."""
    return Path(os.path.abspath(path))


def is_repo_root(folder: Path) -> bool:
    """Whether ``folder`` holds a ``.git`` folder or file (worktrees and submodules use a file)."""
    return (folder / ".git").exists()


def repo_root(folder: Path) -> Path | None:
    """The closest folder at or above ``folder`` (absolute) that is a repository root."""
    for candidate in (folder, *folder.parents):
        if is_repo_root(candidate):
            return candidate
    return None


@functools.cache
def _glob(pattern: str) -> tuple[Glob, bool]:
    cleaned = pattern.strip().removeprefix("./").rstrip("/")
    anchored = "/" in cleaned
    return Glob(cleaned.lstrip("/")), anchored


def glob_match(pattern: str, base: Path, path: Path) -> bool:
    """Whether a glob (relative to ``base``) matches ``path``, its name or a folder above it.

    Patterns with a slash are anchored at ``base``; patterns without one match a file or folder
    name at any depth (as in ruff and .gitignore).
    """
    regex, anchored = _glob(pattern)
    try:
        parts = path.relative_to(base).parts
    except ValueError:
        return not anchored and bool(regex.fullmatch(path.name))
    if regex.matches_a_prefix("/".join(parts)):
        return True
    return not anchored and any(regex.fullmatch(part) for part in parts)


@dataclass(frozen=True, slots=True)
class _IgnoreRule:
    regex: Glob
    negate: bool
    dir_only: bool
    anchored: bool


@dataclass(frozen=True, slots=True)
class _IgnoreFile:
    """The rules of one .gitignore (or .git/info/exclude) and the folder they are relative to."""

    base: Path
    rules: tuple[_IgnoreRule, ...]


def _read_ignore(path: Path, base: Path) -> _IgnoreFile | None:
    try:
        text = read_limited(path, 8 * MIB).decode("utf-8", errors="replace")
    except OSError:
        return None
    rules = []
    for raw in text.splitlines():
        line = _strip_trailing_space(raw)
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        line = line[1:] if negate else line
        dir_only = line.endswith("/")
        line = line.rstrip("/")
        anchored = "/" in line
        line = line.lstrip("/")
        if line:
            regex = Glob(line)
            rules.append(_IgnoreRule(regex, negate, dir_only, anchored))
    return _IgnoreFile(base, tuple(rules)) if rules else None


def _strip_trailing_space(line: str) -> str:
    """Drop trailing blanks, keeping one escaped by a backslash (without a quadratic regex)."""
    stripped = line.rstrip(" \t")
    if len(stripped) < len(line) and stripped.endswith("\\"):
        return line[: len(stripped) + 1]
    return stripped


def _ignored(files: list[_IgnoreFile], path: Path, is_dir: bool) -> bool:
    """Git's rule: the last matching pattern wins, deeper .gitignore files coming later."""
    ignored = False
    for ignore in files:
        try:
            relative = path.relative_to(ignore.base).as_posix()
        except ValueError:
            continue
        for rule in ignore.rules:
            if rule.dir_only and not is_dir:
                continue
            if rule.regex.fullmatch(relative if rule.anchored else path.name):
                ignored = not rule.negate
    return ignored


def _inherited_ignores(top: Path) -> list[_IgnoreFile]:
    """.git/info/exclude and the .gitignore files from the repository root down to ``top``."""
    root = repo_root(top)
    if root is None:
        return []
    found = [_read_ignore(root / ".git" / "info" / "exclude", root)]
    folders = [top, *top.parents]
    for folder in reversed(folders[1 : folders.index(root) + 1]):
        found.append(_read_ignore(folder / ".gitignore", folder))
    return [f for f in found if f is not None]


def _walk(folder: Path, policy: WalkPolicy) -> list[Path]:
    top = absolute(folder)
    gitignore = policy.respect_gitignore(top)
    stacks = {str(folder): _inherited_ignores(top) if gitignore else []}
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=None):
        here = absolute(root)
        stack = stacks.pop(root, [])
        own = _read_ignore(here / ".gitignore", here) if gitignore else None
        stack = [*stack, own] if own is not None else stack
        kept = []
        for name in sorted(dirs):
            child = here / name
            if name in SKIP_DIRS or name.startswith("."):
                continue
            if (gitignore and _ignored(stack, child, True)) or policy.excluded(child):
                continue
            kept.append(name)
            stacks[os.path.join(root, name)] = stack
        dirs[:] = kept
        for name in sorted(files):
            if not name.lower().endswith(EXTENSIONS):
                continue
            child = here / name
            if (gitignore and _ignored(stack, child, False)) or policy.excluded(child):
                continue
            found.append(Path(root, name))
    return found


def collect(
    paths: list[str], stdin_filename: str | None, policy: WalkPolicy | None = None
) -> tuple[list[Target], list[InputError]]:
    """Expand folders (sorted, for determinism), drop duplicates, report missing paths.

    Folder walks leave out what .gitignore and ``exclude`` leave out; paths given explicitly are
    always linted unless ``force-exclude`` is on and ``exclude`` matches them.
    """
    policy = policy or _Everything()
    targets: list[Target] = []
    errors: list[InputError] = []
    seen: set[str] = set()

    def add(target: Target) -> None:
        # realpath, unlike Path.resolve, does not raise on a symlink loop (read reports it)
        key = os.path.realpath(target.path) if target.path else "-"
        if key not in seen:
            seen.add(key)
            targets.append(target)

    def forced_out(path: Path) -> bool:
        where = absolute(path)
        return policy.force_exclude(where) and policy.excluded(where)

    for raw in paths:
        if raw == "-":
            if stdin_filename is None or not forced_out(Path(stdin_filename)):
                add(Target(stdin_filename or "-", None))
            continue
        path = Path(raw)
        if path.is_dir():
            if not forced_out(path):
                for found in _walk(path, policy):
                    add(Target(str(found), found))
        elif path.exists() or path.is_symlink():
            if not forced_out(path):
                add(Target(raw, path))
        else:
            errors.append(InputError(raw, "No such file or directory"))
    return targets, errors


def load(target: Target, encoding: str | None = None) -> Document:
    """Read and decode one target; raises InputError with the reason."""
    if target.path is None:
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise InputError(target.display, too_large(MAX_FILE_BYTES))
        return load_document(decode(data, target.display, encoding), target.display)
    return read_document(target.path, target.display, encoding)
