"""Reporters: pure functions from lint results to text (DESIGN.md §2, step 6).

Every output format is one entry in ``RENDERERS``: a function from a :class:`Report` to the
text that ``attrlint check --format NAME`` prints (or writes with ``-o FILE``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from attrlint.engine import FileResult
    from attrlint.rules import RuleSpec


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A file that could not be linted (unreadable, undecodable) or a rule that failed on it."""

    path: str
    message: str


@dataclass(slots=True)
class Report:
    """Everything a format may draw on for one run."""

    results: list[FileResult]
    rules: tuple[RuleSpec, ...]
    errors: list[InputProblem] = field(default_factory=list)
    analysis: bool = False
    colour: bool = False
    show_source: bool = False
    summary: bool = False  # text: end with one sourcing line per file (``check --summary``)


def _text(report: Report) -> str:
    from attrlint.report.text import render_text

    text = render_text(report.results, report.colour, report.show_source)
    if report.summary:
        from attrlint.report.sourcing import render_summary

        text += render_summary(report.results)
    return text


def _json(report: Report) -> str:
    from attrlint.report.json_report import render_json

    errors = [{"path": e.path, "message": e.message} for e in report.errors]
    return render_json(report.results, report.rules, report.analysis, errors)


def _lazy(module: str, function: str) -> Callable[[Report], str]:
    """A renderer that imports ``attrlint.report.MODULE`` only when its format is used."""

    def run(report: Report) -> str:
        from importlib import import_module

        renderer: Callable[[Report], str] = getattr(import_module(module), function)
        return renderer(report)

    return run


RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": _text,
    "json": _json,
    "json-lines": _lazy("attrlint.report.json_lines", "render_json_lines"),
    "sarif": _lazy("attrlint.report.sarif", "render_sarif"),
    "github": _lazy("attrlint.report.github", "render_github"),
    "gitlab": _lazy("attrlint.report.gitlab", "render_gitlab"),
    "rdjsonl": _lazy("attrlint.report.rdjsonl", "render_rdjsonl"),
    "checkstyle": _lazy("attrlint.report.checkstyle", "render_checkstyle"),
    "junit": _lazy("attrlint.report.junit", "render_junit"),
}
FORMATS = tuple(RENDERERS)


def render(fmt: str, report: Report) -> str:
    """The output of format ``fmt`` for ``report``."""
    return RENDERERS[fmt](report)


__all__ = ["FORMATS", "RENDERERS", "InputProblem", "Report", "render"]
