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


def _text(report: Report) -> str:
    from attrlint.report.text import render_text

    return render_text(report.results, report.colour, report.show_source)


def _json(report: Report) -> str:
    from attrlint.report.json_report import render_json

    errors = [{"path": e.path, "message": e.message} for e in report.errors]
    return render_json(report.results, report.rules, report.analysis, errors)


RENDERERS: dict[str, Callable[[Report], str]] = {"text": _text, "json": _json}
FORMATS = tuple(RENDERERS)


def render(fmt: str, report: Report) -> str:
    """The output of format ``fmt`` for ``report``."""
    return RENDERERS[fmt](report)


__all__ = ["FORMATS", "RENDERERS", "InputProblem", "Report", "render"]
