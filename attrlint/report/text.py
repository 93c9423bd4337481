"""The default text format: ``path:line:col: RULE [severity] message`` (GNU style)."""

from __future__ import annotations

from collections import Counter

import click

from attrlint.engine import FileResult
from attrlint.report.positions import locate
from attrlint.types import Severity

COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render_text(results: list[FileResult], color: bool, show_source: bool = False) -> str:
    lines: list[str] = []
    counts: Counter[Severity] = Counter()
    for result in results:
        for diag in result.diagnostics:
            counts[diag.severity] += 1
            where = locate(result.document, diag.span)
            path = click.style(result.path, bold=True) if color else result.path
            rule = (
                click.style(diag.rule, fg=COLOURS[diag.severity], bold=True) if color else diag.rule
            )
            lines.append(
                f"{path}:{where.line}:{where.column}: {rule} [{diag.severity.label}] {diag.message}"
            )
            if show_source:
                lines_index = result.document.lines
                source_line = result.document.source[
                    lines_index.line_start(where.line) : lines_index.line_end(where.line)
                ].rstrip("\r\n")
                width = max(
                    1, (where.end_column - where.column) if where.end_line == where.line else 1
                )
                lines.append(f"    {source_line.expandtabs(1)}")
                lines.append("    " + " " * (where.column - 1) + "^" * width)
    total = sum(counts.values())
    if total:
        names = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"}
        parts = [f"{counts[s]} {name}" for s, name in names.items()]
        files = sum(1 for r in results if r.diagnostics)
        noun = "problem" if total == 1 else "problems"
        lines.append(
            f"Found {total} {noun} ({', '.join(parts)}) in {files} of {len(results)} files."
        )
    return "\n".join(lines) + ("\n" if lines else "")
