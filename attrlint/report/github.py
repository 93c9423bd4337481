"""``--format github``: GitHub Actions workflow commands, then the plain text report.

Each finding becomes ``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``
(``error``/``warning``/``notice`` by severity), escaped as ``@actions/core`` escapes them. GitHub
turns only the first few commands of each kind in a step into annotations, so the commands come
most severe first and the full text report follows for the log.
"""

from __future__ import annotations

from attrlint.report import Report
from attrlint.report.paths import relative_path
from attrlint.report.positions import locate
from attrlint.report.text import render_text
from attrlint.types import Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A command's message: ``%``, CR and LF percent-encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value: as a message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str | int], message: str) -> str:
    """One workflow command line."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def render_github(report: Report) -> str:
    found = [
        (diag.severity, result, diag) for result in report.results for diag in result.diagnostics
    ]
    found.sort(key=lambda item: -item[0])  # stable: path order within a severity
    lines = [
        command(
            "error",
            {"file": relative_path(problem.path), "title": "attrlint: cannot lint file"},
            problem.message,
        )
        for problem in report.errors
    ]
    for severity, result, diag in found:
        where = locate(result.document, diag.span)
        properties: dict[str, str | int] = {"file": relative_path(result.path), "line": where.line}
        if where.end_line == where.line:  # GitHub takes columns only on one-line annotations
            properties["col"] = where.column
            properties["endLine"] = where.end_line
            properties["endColumn"] = where.end_column
        else:
            properties["endLine"] = where.end_line
        properties["title"] = f"{diag.rule} {diag.name}"
        lines.append(command(COMMANDS[severity], properties, diag.message))
    text = render_text(report.results, False, report.show_source)
    return "".join(line + "\n" for line in lines) + text
