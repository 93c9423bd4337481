"""``attrlint sources``: the who-says-what ledger of one article, as a table for an editor."""

from __future__ import annotations

from collections import Counter

from attrlint.analysis import Analysis, SourceKind
from attrlint.analysis.summary import summarise_sources
from attrlint.registry.refs import Sourcing
from attrlint.report.sourcing import unreliable_text

KIND_LABELS = {
    SourceKind.NAMED_PERSON: "named person",
    SourceKind.NAMED_ORGANISATION: "named organisation",
    SourceKind.DOCUMENT: "document",
    SourceKind.INSTITUTION: "institution",
    SourceKind.VAGUE_GROUP: "vague group",
    SourceKind.ANONYMOUS: "anonymous",
    SourceKind.NONE: "none",
}
WIDTH = 48


def render_sources(path: str, analysis: Analysis | None, sourcing: Sourcing | None = None) -> str:
    """One row per distinct source, then a line counting named, vague and anonymous sources.

    With a source registry (``sourcing``), each row also gives the entry it matched and its tier,
    and the last line counts the sources rated unreliable or worse.
    """
    registry_of = sourcing.entry_at if sourcing is not None else None
    sources = summarise_sources(analysis, registry_of) if analysis is not None else []
    agentless = (
        sum(1 for a in analysis.attributions if a.kind is SourceKind.NONE) if analysis else 0
    )
    lines = [path, ""]
    if not sources:
        lines.append("  No attributed sources found.")
    else:
        header = f"  {'source':<{WIDTH}} {'kind':<19} {'statements':>10} {'quotes':>7}"
        lines.append(header + ("  registry (tier)" if sourcing is not None else ""))
        for source in sources:
            name = source.name if len(source.name) <= WIDTH else source.name[: WIDTH - 1] + "…"
            row = (
                f"  {name:<{WIDTH}} {KIND_LABELS[source.kind]:<19} "
                f"{source.statements:>10} {source.quotes:>7}"
            )
            if sourcing is not None:
                row += f"  {source.entry} ({source.tier})" if source.entry else "  -"
            lines.append(row.rstrip())
    kinds = Counter(s.kind for s in sources)
    named = sum(kinds[k] for k in SourceKind if k.identified)
    lines += [
        "",
        f"  {len(sources)} sources: {named} named or described, "
        f"{kinds[SourceKind.VAGUE_GROUP]} vague, {kinds[SourceKind.ANONYMOUS]} anonymous; "
        f'{agentless} agentless attributions ("it is believed").',
    ]
    if sourcing is not None:
        lines.append(f"  Source registry {sourcing.registry.path}: {unreliable_text(sourcing)}.")
    return "\n".join(lines) + "\n"
