"""``--format rdjsonl``: reviewdog's diagnostic format, one JSON ``Diagnostic`` a line.

reviewdog counts columns in UTF-8 bytes (1-based, end exclusive), so code-point columns are
converted here: in ``a😀b`` the ``b`` is column 6. Suggested fixes become ``suggestions``. A file
that could not be linted is an ``ERROR`` diagnostic without a range.
"""

from __future__ import annotations

import json
from typing import Any

from attrlint.document.model import Document
from attrlint.report import Report
from attrlint.report.paths import relative_path
from attrlint.types import Severity, Span

SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}
SOURCE = {"name": "attrlint", "url": "https://github.com/attrlint/attrlint"}


def byte_position(document: Document, offset: int) -> dict[str, int]:
    """1-based line and UTF-8 byte column of a code-point offset."""
    line, column = document.lines.position(offset)
    start = document.lines.line_start(line)
    prefix = document.source[start : start + column - 1]
    return {"line": line, "column": len(prefix.encode("utf-8", "surrogatepass")) + 1}


def byte_range(document: Document, span: Span) -> dict[str, dict[str, int]]:
    return {"start": byte_position(document, span.start), "end": byte_position(document, span.end)}


def rdjson_diagnostics(report: Report) -> list[dict[str, Any]]:
    urls = {spec.id: spec.url for spec in report.rules}
    out: list[dict[str, Any]] = []
    for result in report.results:
        path = relative_path(result.path)
        for diag in result.diagnostics:
            code: dict[str, str] = {"value": diag.rule}
            if diag.rule in urls:
                code["url"] = urls[diag.rule]
            item: dict[str, Any] = {
                "message": diag.message,
                "location": {"path": path, "range": byte_range(result.document, diag.span)},
                "severity": SEVERITIES[diag.severity],
                "source": SOURCE,
                "code": code,
            }
            if diag.fix:
                item["suggestions"] = [
                    {"range": byte_range(result.document, edit.span), "text": edit.replacement}
                    for edit in diag.fix
                ]
            out.append(item)
    for problem in report.errors:
        out.append(
            {
                "message": f"attrlint could not lint this file: {problem.message}",
                "location": {"path": relative_path(problem.path)},
                "severity": "ERROR",
                "source": SOURCE,
            }
        )
    return out


def render_rdjsonl(report: Report) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in rdjson_diagnostics(report))
