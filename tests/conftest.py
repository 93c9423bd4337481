"""Shared fixtures: the real spaCy model (never mocked), loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from attrlint.document import load_document
from attrlint.engine import FileResult, lint_documents
from attrlint.nlp import resolve_model
from attrlint.registry import Registry
from attrlint.rules import load_rules, select_rules
from attrlint.types import Diagnostic

LintFn = Callable[..., list[Diagnostic]]


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never write a cache into the checkout."""
    monkeypatch.setenv("ATTRLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def model_name() -> str:
    """The installed model; a missing model fails the suite instead of skipping it."""
    return resolve_model(None)


@pytest.fixture(scope="session")
def lint_result(model_name: str) -> Callable[..., FileResult]:
    def run(
        text: str,
        select: list[str] | None = None,
        path: str = "story.md",
        registry: Registry | None = None,
    ) -> FileResult:
        rules = select_rules(load_rules(), select, None)
        return lint_documents([load_document(text, path)], rules, model_name, registry)[0]

    return run


@pytest.fixture(scope="session")
def lint(lint_result: Callable[..., FileResult]) -> LintFn:
    def run(
        text: str,
        select: list[str] | None = None,
        path: str = "story.md",
        registry: Registry | None = None,
    ) -> list[Diagnostic]:
        result = lint_result(text, select, path, registry)
        assert not result.errors, result.errors
        return result.diagnostics

    return run
