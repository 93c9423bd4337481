"""Linting editor buffers: the configuration as the CLI finds it, the model once, parses reused.

This module knows nothing of LSP; the server (``attrlint.server.protocol``) and the benchmark
(``benchmarks/server.py``) both lint through :class:`Linter`, so they measure the same path.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from attrlint.config import (
    FileSettings,
    Options,
    Resolver,
    explicit_config,
    front_matter_options,
)
from attrlint.document import Document, load_document
from attrlint.engine import Job, lint_jobs, load_pipeline
from attrlint.errors import InputError
from attrlint.parse_cache import ParseCache
from attrlint.rules import RuleSpec, load_rules
from attrlint.types import Diagnostic

MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_LANGUAGES = ("markdown", "mdx", "quarto", "rmd")


def document_format(path: str | None, language_id: str | None) -> str:
    """The format, "markdown" or "text": by extension as the CLI does, else by the language."""
    suffix = PurePath(path).suffix.lower() if path else ""
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return "markdown" if (language_id or "").lower() in MARKDOWN_LANGUAGES else "text"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one lint of a buffer produced; plain values only (nothing from spaCy)."""

    document: Document
    diagnostics: tuple[Diagnostic, ...] = ()
    errors: tuple[str, ...] = ()  # internal errors of checks (bugs), for the log
    problem: str | None = None  # an input problem to show in the buffer (front matter)
    excluded: bool = False  # the configuration excludes this file (force-exclude)


class Linter:
    """Lints buffer texts with the workspace configuration; one per server.

    ``memory_zone`` wraps each lint in ``nlp.memory_zone()`` so that a long session does not grow
    spaCy's string store; parses are reused through ``parses`` whichever way.
    """

    def __init__(
        self,
        root: Path,
        parses: ParseCache | None = None,
        memory_zone: bool = True,
    ) -> None:
        self.root = root
        self.parses = parses if parses is not None else ParseCache()
        self.memory_zone = memory_zone
        self.rules: tuple[RuleSpec, ...] = load_rules()
        self._resolver: Resolver | None = None

    def reload(self) -> None:
        """Forget the configuration read so far; the next lint reads the files again."""
        self._resolver = None

    @property
    def resolver(self) -> Resolver:
        """The configuration, discovered as by ``attrlint check`` (raises ConfigError)."""
        if self._resolver is None:
            self._resolver = Resolver(self.rules, Options(), self.root, explicit_config(None))
        return self._resolver

    def warm(self) -> None:
        """Load the model the workspace's default settings need (before any buffer arrives)."""
        settings = self.resolver.settings_for(None)
        if self._parses_needed(settings):
            load_pipeline(settings.rules, settings.model)

    def lint(self, text: str, path: Path | None, language_id: str | None = None) -> Outcome:
        """Lint ``text``, the buffer of ``path`` (None: an unsaved, unnamed buffer).

        Raises AttrlintError for a configuration or model problem; a bad front matter is an
        Outcome with a ``problem``. The file itself is never read.
        """
        resolver = self.resolver
        display = str(path) if path is not None else "untitled"
        fmt = document_format(str(path) if path is not None else None, language_id)
        document = load_document(text, display, fmt)
        if path is not None and resolver.force_exclude(path) and resolver.excluded(path):
            return Outcome(document, excluded=True)
        try:
            front = front_matter_options(document, resolver.catalogue)
        except InputError as exc:
            return Outcome(document, problem=exc.reason)
        settings = resolver.settings_for(path, front)
        with self._zone(document, settings):
            result = lint_jobs([Job(document, settings)], catalogue=self.rules, parses=self.parses)
            found = result[0]
            outcome = Outcome(document, tuple(found.diagnostics), tuple(found.errors))
            found.analysis = None  # it holds spaCy spans, which must not outlive the zone
            del result, found
        return outcome

    @staticmethod
    def _parses_needed(settings: FileSettings) -> bool:
        from attrlint.checks import CHECKS

        return any(r.id in CHECKS for r in settings.rules)

    @contextlib.contextmanager
    def _zone(self, document: Document, settings: FileSettings) -> Iterator[None]:
        """``nlp.memory_zone()`` around a lint, the pipeline loaded (once) outside it."""
        if not self.memory_zone or not document.blocks or not self._parses_needed(settings):
            yield
            return
        nlp = load_pipeline(settings.rules, settings.model)
        with nlp.memory_zone():
            yield
