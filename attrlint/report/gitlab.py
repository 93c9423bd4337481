"""``--format gitlab``: a GitLab Code Quality report (the Code Climate subset GitLab reads).

A JSON array of issues with ``description``, ``check_name``, ``fingerprint``, ``severity`` and
``location`` (``path`` relative to the project, ``lines.begin``/``end``). GitLab keeps only the
first issue of each fingerprint, so fingerprints are unique within the report: the baseline
fingerprint (stable when text moves) hashed with the path. A file that could not be linted is
reported as an issue on its first line.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from attrlint.baseline import fingerprints
from attrlint.report import Report
from attrlint.report.paths import relative_path
from attrlint.report.positions import locate
from attrlint.types import Severity

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
INPUT_ERROR = "input-error"


def _unique(key: str, taken: set[str]) -> str:
    salt = 0
    while True:
        mark = hashlib.sha256(f"{key}\x1f{salt}".encode()).hexdigest()[:32]
        if mark not in taken:
            taken.add(mark)
            return mark
        salt += 1


def gitlab_issues(report: Report, base: str | None = None) -> list[dict[str, Any]]:
    """The issues; paths relative to ``base``, else ``$CI_PROJECT_DIR``, else the working folder."""
    base = base or os.environ.get("CI_PROJECT_DIR") or None
    taken: set[str] = set()
    issues: list[dict[str, Any]] = []
    for result in report.results:
        path = relative_path(result.path, base)
        marks = fingerprints(result.document, result.diagnostics)
        for diag, mark in zip(result.diagnostics, marks, strict=True):
            where = locate(result.document, diag.span)
            issues.append(
                {
                    "type": "issue",
                    # GitLab shows the description but not check_name: lead with the rule.
                    "description": f"{diag.rule} {diag.message}",
                    "check_name": diag.rule,
                    "fingerprint": _unique(f"{path}\x1f{diag.rule}\x1f{mark}", taken),
                    "severity": SEVERITIES[diag.severity],
                    "location": {
                        "path": path,
                        "lines": {"begin": where.line, "end": where.end_line},
                    },
                }
            )
    for problem in report.errors:
        path = relative_path(problem.path, base)
        issues.append(
            {
                "type": "issue",
                "description": f"attrlint could not lint this file: {problem.message}",
                "check_name": INPUT_ERROR,
                "fingerprint": _unique(f"{path}\x1f{INPUT_ERROR}\x1f{problem.message}", taken),
                "severity": "critical",
                "location": {"path": path, "lines": {"begin": 1}},
            }
        )
    return issues


def render_gitlab(report: Report) -> str:
    return json.dumps(gitlab_issues(report), indent=2, ensure_ascii=False) + "\n"
