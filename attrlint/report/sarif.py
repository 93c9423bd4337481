"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Regions are 1-based with an exclusive end, in code points (``columnKind: unicodeCodePoints``), the
same numbers as the JSON format. Files inside the working folder are named relative to it, under
the ``%SRCROOT%`` base; files outside it by absolute ``file:`` URI. Each result carries the
baseline fingerprint under its own ``partialFingerprints`` key (GitHub computes and owns
``primaryLocationLineHash``), and findings with a suggested fix carry it as a SARIF ``fix``.
"""

from __future__ import annotations

import json
import os
from typing import Any

from attrlint import __version__
from attrlint.baseline import fingerprints
from attrlint.document.model import Document
from attrlint.report import Report
from attrlint.report.paths import file_uri, folder_uri, is_relative, relative_path, uri_reference
from attrlint.report.positions import locate
from attrlint.rules import RuleSpec
from attrlint.types import Diagnostic, Edit, Severity, Span

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://github.com/attrlint/attrlint"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "attrlintSentenceHash/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
MIME_TYPES = {"markdown": "text/markdown", "text": "text/plain"}
DESCRIPTION_LIMIT = 1024  # GitHub truncates rule descriptions beyond this


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= DESCRIPTION_LIMIT else text[: DESCRIPTION_LIMIT - 1] + "…"


def _rule(spec: RuleSpec) -> dict[str, Any]:
    help_text = spec.rationale.strip()
    if spec.known_problems.strip():
        help_text += "\n\nKnown problems: " + spec.known_problems.strip()
    return {
        "id": spec.id,
        "name": spec.name,
        "shortDescription": {"text": _clip(spec.summary)},
        "fullDescription": {"text": _clip(spec.rationale or spec.summary)},
        "help": {"text": f"{help_text}\n\n{spec.url}"},
        "helpUri": spec.url,
        "defaultConfiguration": {"level": LEVELS[spec.severity], "enabled": spec.enabled},
        "properties": {"tags": [spec.family]},
    }


def _location(path: str, cwd: str, index: int | None = None) -> dict[str, Any]:
    relative = relative_path(path, cwd)
    location: dict[str, Any]
    if is_relative(relative):
        location = {"uri": uri_reference(relative), "uriBaseId": SRCROOT}
    else:
        location = {"uri": file_uri(path)}
    if index is not None:
        location["index"] = index
    return location


def _region(document: Document, span: Span, snippet: bool = True) -> dict[str, Any]:
    where = locate(document, span)
    region: dict[str, Any] = {
        "startLine": where.line,
        "startColumn": where.column,
        "endLine": where.end_line,
        "endColumn": where.end_column,
    }
    if snippet:
        region["snippet"] = {"text": document.excerpt(span)}
    return region


def _fix(document: Document, edits: tuple[Edit, ...], location: dict[str, Any]) -> dict[str, Any]:
    if len(edits) == 1:
        edit = edits[0]
        old = document.excerpt(edit.span)
        if not old:
            text = f'Insert "{edit.replacement}"'
        elif not edit.replacement:
            text = f'Delete "{old}"'
        else:
            text = f'Replace "{old}" with "{edit.replacement}"'
    else:
        text = "Apply the suggested edits"
    return {
        "description": {"text": text},
        "artifactChanges": [
            {
                "artifactLocation": location,
                "replacements": [
                    {
                        "deletedRegion": _region(document, edit.span, snippet=False),
                        "insertedContent": {"text": edit.replacement},
                    }
                    for edit in edits
                ],
            }
        ],
    }


def _result(
    document: Document,
    diag: Diagnostic,
    location: dict[str, Any],
    rule_index: dict[str, int],
    mark: str,
) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": diag.rule}
    if diag.rule in rule_index:
        result["ruleIndex"] = rule_index[diag.rule]
    result.update(
        {
            "level": LEVELS[diag.severity],
            "message": {"text": diag.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": location,
                        "region": _region(document, diag.span),
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT_KEY: mark},
        }
    )
    if diag.fix:
        result["fixes"] = [_fix(document, diag.fix, location)]
    return result


def sarif_log(report: Report, cwd: str | None = None) -> dict[str, Any]:
    """The SARIF log for ``report`` as a JSON-ready dictionary."""
    cwd = os.path.abspath(cwd or os.getcwd())
    rules = [_rule(spec) for spec in report.rules]
    rule_index = {spec.id: i for i, spec in enumerate(report.rules)}
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for index, file in enumerate(report.results):
        document = file.document
        artifact: dict[str, Any] = {
            "location": _location(file.path, cwd),
            "roles": ["analysisTarget"],
        }
        if document.format in MIME_TYPES:
            artifact["mimeType"] = MIME_TYPES[document.format]
        artifacts.append(artifact)
        location = _location(file.path, cwd, index)
        marks = fingerprints(document, file.diagnostics)
        for diag, mark in zip(file.diagnostics, marks, strict=True):
            results.append(_result(document, diag, location, rule_index, mark))
    invocation: dict[str, Any] = {
        "executionSuccessful": not report.errors,
        "workingDirectory": {"uri": folder_uri(cwd)},
    }
    if report.errors:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {"text": problem.message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": _location(problem.path, cwd)}}
                ],
            }
            for problem in report.errors
        ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "attrlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "invocations": [invocation],
        "originalUriBaseIds": {SRCROOT: {"uri": folder_uri(cwd)}},
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report) -> str:
    return json.dumps(sarif_log(report), indent=2, ensure_ascii=False) + "\n"
