"""Baselines: today's findings recorded by fingerprint, so that only new ones are reported.

A fingerprint is a hash of the rule, the normalised text of the sentence the finding is in, and
the finding's index among the file's findings of that rule in that same sentence text. Line
numbers play no part, so findings keep their fingerprints when text moves. The same fingerprints
serve SARIF ``partialFingerprints`` and GitLab's ``fingerprint``.

The file (JSON) maps each path, relative to the baseline's folder, to rule → fingerprint →
excerpt: ``{"version": 1, "files": {"drafts/a.md": {"ATR001": {"3f9c…": "£4.2m"}}}}``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from attrlint.cache import atomic_write
from attrlint.document.model import Document
from attrlint.errors import AttrlintError
from attrlint.types import Diagnostic, Span

VERSION = 1
FINGERPRINT_LENGTH = 32  # hex digits: 128 bits
# A sentence ends at . ! ? or … (with any closing quotes and brackets) followed by white space.
# The lookbehind tries each run of stops once: without it a long run is quadratic.
_SENTENCE_END = re.compile(r"(?<![.!?\u2026])[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


class BaselineError(AttrlintError):
    """A baseline file that cannot be read, parsed or written (exit 2)."""


def normalise(text: str) -> str:
    """NFKC, straight quotes, single spaces, case-folded: what survives reflowing and recasing."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.split()).casefold()


def sentence_text(document: Document, span: Span) -> str:
    """The normalised sentence(s) that ``span`` lies in (its line, outside prose blocks).

    Sentences are found with a fixed punctuation rule rather than the model's parser, so that a
    fingerprint does not change with the model and can be computed without spaCy.
    """
    starts = [b.span.start for b in document.blocks]
    index = bisect_right(starts, span.start) - 1
    block = document.blocks[index].span if index >= 0 else None
    if block is None or span.start >= block.end:
        line = document.lines.position(span.start)[0]
        start, end = document.lines.line_start(line), document.lines.line_end(line)
        return normalise(document.source[start : max(end, span.end)])
    start, end = block.start, block.end
    for match in _SENTENCE_END.finditer(document.prose, block.start, block.end):
        if match.end() <= span.start:
            start = match.end()
        elif match.end() >= span.end:
            end = match.end()
            break
    return normalise(document.prose[start : max(end, span.end)])


def fingerprint(rule: str, sentence: str, occurrence: int = 0) -> str:
    """The fingerprint of the ``occurrence``-th finding of ``rule`` in text ``sentence``."""
    key = f"{rule}\x1f{normalise(sentence)}\x1f{occurrence}".encode()
    return hashlib.sha256(key).hexdigest()[:FINGERPRINT_LENGTH]


def fingerprints(document: Document, diagnostics: Sequence[Diagnostic]) -> list[str]:
    """One fingerprint per diagnostic; occurrences count in offset order."""
    order = sorted(range(len(diagnostics)), key=lambda i: (diagnostics[i].span.start, i))
    seen: Counter[tuple[str, str]] = Counter()
    out = [""] * len(diagnostics)
    for i in order:
        diag = diagnostics[i]
        sentence = sentence_text(document, diag.span)
        out[i] = fingerprint(diag.rule, sentence, seen[diag.rule, sentence])
        seen[diag.rule, sentence] += 1
    return out


Entries = dict[str, dict[str, str]]  # rule -> fingerprint -> excerpt


@dataclass(slots=True)
class Baseline:
    """The findings recorded in one baseline file, by path relative to the file's folder."""

    path: Path
    files: dict[str, Entries] = field(default_factory=dict)
    matched: dict[str, set[tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, missing_ok: bool = False) -> Baseline:
        """Read a baseline; a missing file is an error unless ``missing_ok``."""
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            if missing_ok:
                return cls(path)
            raise BaselineError(f"{path}: baseline file not found") from None
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise BaselineError(f"{path}: not an attrlint baseline (invalid JSON: {exc})") from None
        return cls(path, _parse(path, data))

    def key(self, file: Path) -> str:
        """The name a file is recorded under: relative to the baseline's folder, with slashes."""
        folder = os.path.abspath(self.path.parent)
        return Path(os.path.relpath(os.path.abspath(file), folder)).as_posix()

    def filter(
        self, key: str, document: Document, diagnostics: list[Diagnostic]
    ) -> list[Diagnostic]:
        """The diagnostics that are not in the baseline; notes the entries that matched."""
        recorded = self.files.get(key, {})
        matched = self.matched.setdefault(key, set())
        new = []
        for diag, mark in zip(diagnostics, fingerprints(document, diagnostics), strict=True):
            if mark in recorded.get(diag.rule, {}):
                matched.add((diag.rule, mark))
            else:
                new.append(diag)
        return new

    def record(self, key: str, document: Document, diagnostics: list[Diagnostic]) -> None:
        """Replace the file's entries with these diagnostics."""
        entries: Entries = {}
        for diag, mark in zip(diagnostics, fingerprints(document, diagnostics), strict=True):
            entries.setdefault(diag.rule, {})[mark] = document.excerpt(diag.span)
        if entries:
            self.files[key] = entries
        else:
            self.files.pop(key, None)

    def stale(self, checked: Mapping[str, Collection[str]]) -> list[tuple[str, str, str]]:
        """Entries that matched nothing: ``(path, rule, fingerprint)``.

        ``checked`` maps each file linted in this run to the rules enabled for it; only those
        files and rules are judged, and files that no longer exist are stale entirely.
        """
        out = []
        for key, rules in self.files.items():
            gone = not (self.path.parent / key).exists()
            for rule, marks in rules.items():
                if gone or (key in checked and rule in checked[key]):
                    matched = self.matched.get(key, set())
                    out += [(key, rule, m) for m in marks if gone or (rule, m) not in matched]
        return out

    def prune(self, checked: Mapping[str, Collection[str]]) -> int:
        """Remove the stale entries; returns how many."""
        stale = self.stale(checked)
        for key, rule, mark in stale:
            del self.files[key][rule][mark]
            if not self.files[key][rule]:
                del self.files[key][rule]
            if not self.files[key]:
                del self.files[key]
        return len(stale)

    def count(self) -> int:
        return sum(len(marks) for rules in self.files.values() for marks in rules.values())

    def save(self) -> None:
        files = {
            name: {rule: dict(sorted(marks.items())) for rule, marks in sorted(rules.items())}
            for name, rules in sorted(self.files.items())
        }
        payload = {"version": VERSION, "tool": "attrlint", "files": files}
        text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
        mask = os.umask(0)
        os.umask(mask)
        try:
            atomic_write(self.path, text.encode("utf-8"), 0o666 & ~mask)
        except OSError as exc:
            raise BaselineError(
                f"{self.path}: cannot write baseline: {exc.strerror or exc}"
            ) from None


def _parse(path: Path, data: Any) -> dict[str, Entries]:
    """Check a baseline's shape; every problem names the file and what was expected."""

    def fail(problem: str) -> BaselineError:
        return BaselineError(f"{path}: not an attrlint baseline ({problem})")

    if not isinstance(data, dict) or "files" not in data:
        raise fail('expected an object with "version" and "files"')
    if data.get("version") != VERSION:
        raise fail(f"version {data.get('version')!r}; this attrlint reads version {VERSION}")
    files = data["files"]
    if not isinstance(files, dict):
        raise fail('"files" must map paths to rules')
    for name, rules in files.items():
        if not isinstance(rules, dict):
            raise fail(f"files.{name} must map rules to fingerprints")
        for rule, marks in rules.items():
            if not isinstance(marks, dict) or not all(isinstance(v, str) for v in marks.values()):
                raise fail(f"files.{name}.{rule} must map fingerprints to excerpts")
    return {
        name: {rule: dict(marks) for rule, marks in rules.items()} for name, rules in files.items()
    }
