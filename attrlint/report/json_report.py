"""``--format json``: the versioned contract of DESIGN.md §3, described by diagnostics.schema.json."""

from __future__ import annotations

import json
from typing import Any

from attrlint import __version__
from attrlint.analysis import Analysis
from attrlint.analysis.summary import summarise_sources
from attrlint.document.model import Document
from attrlint.engine import FileResult
from attrlint.registry.model import Registry
from attrlint.registry.refs import resolve
from attrlint.report.positions import locate
from attrlint.rules import RuleSpec
from attrlint.types import Diagnostic, Severity, Span

JSON_VERSION = 1


def _span(document: Document, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": document.excerpt(span), "offset": span.start, "end_offset": span.end}


def _diagnostic(document: Document, diag: Diagnostic, urls: dict[str, str]) -> dict[str, Any]:
    where = locate(document, diag.span)
    out: dict[str, Any] = {
        "rule": diag.rule,
        "name": diag.name,
        "severity": diag.severity.label,
        "message": diag.message,
        "line": where.line,
        "column": where.column,
        "end_line": where.end_line,
        "end_column": where.end_column,
        "offset": diag.span.start,
        "end_offset": diag.span.end,
        "excerpt": document.excerpt(diag.span),
        "url": urls.get(diag.rule, ""),
        "fix": None,
    }
    if diag.fix:
        edits = []
        for edit in diag.fix:
            at = locate(document, edit.span)
            edits.append(
                {
                    "offset": edit.span.start,
                    "end_offset": edit.span.end,
                    "line": at.line,
                    "column": at.column,
                    "end_line": at.end_line,
                    "end_column": at.end_column,
                    "replacement": edit.replacement,
                }
            )
        out["fix"] = {"applicability": "suggestion", "edits": edits}
    return out


def analysis_json(
    document: Document, analysis: Analysis, registry: Registry | None = None
) -> dict[str, Any]:
    """The facts the rules saw, for editor plugins and the accuracy benchmarks.

    With a source registry, each source carries the entry it matched and its tier, and
    ``references`` lists every place the story leans on a registry entry (sources and links).
    """
    sourcing = resolve(document, analysis, registry) if registry is not None else None
    return {
        "attributions": [
            {
                "source": _span(document, a.source),
                "cue": _span(document, a.cue),
                "content": _span(document, a.content),
                "kind": a.kind.value,
                "relation": a.relation,
                "speaker": a.speaker or None,
                "sentence": a.sentence,
            }
            for a in analysis.attributions
        ],
        "quotes": [
            {
                **(_span(document, q.span) or {}),
                "content": _span(document, q.content),
                "closed": q.closed,
                "speaker": (
                    analysis.attributions[analysis.quote_speakers[i]].speaker or None
                    if i in analysis.quote_speakers
                    else None
                ),
            }
            for i, q in enumerate(analysis.quotes)
        ],
        "sources": [
            {
                "name": s.name,
                "kind": s.kind.value,
                "statements": s.statements,
                "quotes": s.quotes,
                "offset": s.first_offset,
                "registry": s.entry,
                "tier": s.tier,
            }
            for s in summarise_sources(analysis, sourcing.entry_at if sourcing else None)
        ],
        "references": [
            {
                **(_span(document, r.span) or {}),
                "registry": r.entry.id,
                "tier": r.entry.tier,
                "kind": r.entry.kind,
                "origin": r.origin,
                "sentence": r.sentence,
            }
            for r in (sourcing.references if sourcing else ())
        ],
        "numbers": [
            {
                **(_span(document, n.span) or {}),
                "class": n.cls.value,
                "attributed": analysis.number_attributed(n),
                "approximate": n.approximate,
            }
            for n in analysis.numbers
        ],
        "hedges": [
            {**(_span(document, c.span) or {}), "voice": c.voice.value}
            for c in analysis.cues
            if c.kind == "hedge"
        ],
    }


def render_json(
    results: list[FileResult],
    rules: tuple[RuleSpec, ...],
    with_analysis: bool = False,
    errors: list[dict[str, str]] | None = None,
) -> str:
    urls = {r.id: r.url for r in rules}
    files = []
    counts = dict.fromkeys(Severity, 0)
    for result in results:
        entry: dict[str, Any] = {
            "path": result.path,
            "diagnostics": [_diagnostic(result.document, d, urls) for d in result.diagnostics],
        }
        for diag in result.diagnostics:
            counts[diag.severity] += 1
        if with_analysis:
            entry["analysis"] = (
                analysis_json(result.document, result.analysis, result.registry)
                if result.analysis
                else None
            )
        files.append(entry)
    payload = {
        "version": JSON_VERSION,
        "tool": {"name": "attrlint", "version": __version__},
        "files": files,
        "errors": errors or [],
        "summary": {
            "files": len(results),
            "diagnostics": sum(counts.values()),
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "info": counts[Severity.INFO],
        },
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
