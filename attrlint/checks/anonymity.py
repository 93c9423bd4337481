"""SRC002 anonymity-without-explanation: an anonymous source with no reason and no vantage point."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import Lexicon, SourceKind
from attrlint.checks.base import CheckContext, Finding


def MARKERS(lex: Lexicon) -> list[str]:
    """The anonymity markers, padded so that "a source" does not match "a sources"."""
    return [f" {m} " if " " not in m else m for m in lex.anonymity_markers]


def check(ctx: CheckContext) -> Iterator[Finding]:
    lex = ctx.lexicon
    document = ctx.document
    for attribution in ctx.analysis.attributions:
        if attribution.kind is not SourceKind.ANONYMOUS or attribution.source is None:
            continue
        if ctx.analysis.in_quote(attribution.source):
            continue
        phrase = " ".join(attribution.source_text.lower().split())
        if not any(marker in f" {phrase} " for marker in MARKERS(lex)):
            continue  # an unnamed person, but not one granted anonymity ("a rival comic")
        block = document.blocks[ctx.analysis.sentences[attribution.sentence].block]
        text = " ".join(document.prose[block.span.start : block.span.end].lower().split())
        why = any(marker in text for marker in lex.anonymity_rationale)
        how = any(marker in text for marker in lex.anonymity_knowledge)
        if why and how:
            continue
        missing = (
            "why anonymity was granted and how they know"
            if not (why or how)
            else ("why anonymity was granted" if not why else "how they know")
        )
        yield Finding(attribution.source, {"source": attribution.source_text, "missing": missing})
