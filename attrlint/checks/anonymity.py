"""SRC002 anonymity-without-explanation: an anonymous source with no reason and no vantage point."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import SourceKind
from attrlint.checks.base import CheckContext, Finding


def check(ctx: CheckContext) -> Iterator[Finding]:
    lex = ctx.lexicon
    document = ctx.document
    for attribution in ctx.analysis.attributions:
        if attribution.kind is not SourceKind.ANONYMOUS or attribution.source is None:
            continue
        if ctx.analysis.in_quote(attribution.source):
            continue
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
