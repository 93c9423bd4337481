"""Which files a run reads: named paths, folders (walked with .gitignore and excludes), or stdin."""

from __future__ import annotations

import functools
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

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
_TRAILING_SPACE = re.compile(r"(?<!\\)[ \t]+$")


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


def translate_glob(pattern: str) -> str:
    """A regex for a glob: ``*`` and ``?`` stay within a folder, ``**`` crosses folders."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[" and (close := pattern.find("]", i + 2)) > 0:
            body = pattern[i + 1 : close].replace("\\", "\\\\")
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = close + 1
            continue
        elif c == "\\" and i + 1 < n:
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


@functools.cache
def _glob(pattern: str) -> tuple[re.Pattern[str], bool]:
    cleaned = pattern.strip().removeprefix("./").rstrip("/")
    anchored = "/" in cleaned
    return re.compile(translate_glob(cleaned.lstrip("/"))), anchored


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
    for index, part in enumerate(parts):
        if regex.fullmatch("/".join(parts[: index + 1])) or (
            not anchored and regex.fullmatch(part)
        ):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _IgnoreRule:
    regex: re.Pattern[str]
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
        text = path.read_text("utf-8", errors="replace")
    except OSError:
        return None
    rules = []
    for raw in text.splitlines():
        line = _TRAILING_SPACE.sub("", raw)
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        line = line[1:] if negate else line
        dir_only = line.endswith("/")
        line = line.rstrip("/")
        anchored = "/" in line
        line = line.lstrip("/")
        if line:
            regex = re.compile(translate_glob(line))
            rules.append(_IgnoreRule(regex, negate, dir_only, anchored))
    return _IgnoreFile(base, tuple(rules)) if rules else None


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
        key = str(target.path.resolve()) if target.path else "-"
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


def load(target: Target) -> Document:
    """Read and decode one target; raises InputError with the reason."""
    if target.path is None:
        data = sys.stdin.buffer.read()
        return load_document(decode(data, target.display), target.display)
    return read_document(target.path, target.display)
