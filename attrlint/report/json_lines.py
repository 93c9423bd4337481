"""``--format json-lines``: one JSON object per finding and line, for streaming consumers.

Each object holds ``path`` and then the fields of a diagnostic in the JSON format (DESIGN.md §3).
Files that could not be linted are reported on standard error only, as for every format.
"""

from __future__ import annotations

import json

from attrlint.report import Report
from attrlint.report.json_report import _diagnostic as diagnostic_json


def render_json_lines(report: Report) -> str:
    urls = {spec.id: spec.url for spec in report.rules}
    lines = [
        json.dumps(
            {"path": result.path, **diagnostic_json(result.document, diag, urls)},
            ensure_ascii=False,
        )
        for result in report.results
        for diag in result.diagnostics
    ]
    return "".join(line + "\n" for line in lines)
