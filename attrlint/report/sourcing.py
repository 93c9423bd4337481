"""``attrlint check --summary``: one sourcing line per file at the end of the text report."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from attrlint.analysis import SourceKind
from attrlint.analysis.summary import summarise_sources
from attrlint.registry.model import DOUBTFUL

if TYPE_CHECKING:
    from attrlint.engine import FileResult
    from attrlint.registry.refs import Sourcing


def unreliable_text(sourcing: Sourcing) -> str:
    """ "2 unreliable (daily-rumour: deprecated, clickwave: unreliable)", or "0 unreliable"."""
    seen: dict[str, str] = {}
    for ref in sourcing.references:
        if ref.entry.tier in DOUBTFUL:
            seen.setdefault(ref.entry.id, ref.entry.tier)
    if not seen:
        return "0 unreliable"
    return f"{len(seen)} unreliable (" + ", ".join(f"{k}: {v}" for k, v in seen.items()) + ")"


def summary_line(result: FileResult) -> str:
    """ "story.md: 4 sources: 2 named or described, 1 vague, 1 anonymous; 1 unreliable (…)"."""
    if result.analysis is None:
        return f"{result.path}: no prose analysed"
    from attrlint.registry.refs import resolve

    sourcing = (
        resolve(result.document, result.analysis, result.registry)
        if result.registry is not None
        else None
    )
    sources = summarise_sources(result.analysis, sourcing.entry_at if sourcing else None)
    kinds = Counter(s.kind for s in sources)
    named = sum(kinds[k] for k in SourceKind if k.identified)
    noun = "source" if len(sources) == 1 else "sources"
    line = (
        f"{result.path}: {len(sources)} {noun}: {named} named or described, "
        f"{kinds[SourceKind.VAGUE_GROUP]} vague, {kinds[SourceKind.ANONYMOUS]} anonymous; "
    )
    return line + (unreliable_text(sourcing) if sourcing else "no source registry")


def render_summary(results: list[FileResult]) -> str:
    return "".join(summary_line(r) + "\n" for r in results)
