"""SRC008 plural-sources-check: "sources said" with no count of them anywhere in the story."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import SourceKind
from attrlint.checks.base import CheckContext, Finding


def check(ctx: CheckContext) -> Iterator[Finding]:
    analysis = ctx.analysis
    plural = ctx.lexicon.plural_anonymous_nouns
    counted = any(
        t.lower_ in plural and any(c.dep_ == "nummod" for c in t.children)
        for s in analysis.sentences
        for t in s.sent
    )
    if counted:
        return
    for attribution in analysis.attributions:
        words = attribution.source_text.lower().split()
        if (
            attribution.kind in (SourceKind.ANONYMOUS, SourceKind.VAGUE_GROUP)
            and attribution.source is not None
            and words
            and words[-1] in plural
            and not analysis.in_quote(attribution.source)
        ):
            yield Finding(attribution.source, {"source": attribution.source_text})
            return  # a story-level note: once is enough
