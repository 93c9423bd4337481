"""SRC001 vague-source: an unqualified group ("experts", "officials") carries a claim."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import SourceKind
from attrlint.checks.base import CheckContext, Finding


def check(ctx: CheckContext) -> Iterator[Finding]:
    analysis = ctx.analysis
    earlier: set[str] = set()
    for attribution in analysis.attributions:
        head = attribution.source_head
        if head is None:
            continue
        noun = ctx.document.source[head.start : head.end]
        if attribution.kind is not SourceKind.VAGUE_GROUP:
            earlier.add(noun.lower())
            continue
        if (
            attribution.source_lemma not in ctx.lexicon.vague_source_nouns
            or attribution.source_lemma in ctx.lexicon.bare_source_nouns
        ):
            continue  # "studies show", "some say": the weasel-quantifier rule's business
        if analysis.in_quote(head) or analysis.sentences[attribution.sentence].quoted_block:
            continue
        source = attribution.source or head
        text = ctx.document.source[source.start : source.end]
        if text.lower().startswith(("the ", "these ", "those ")) and noun.lower() in earlier:
            continue  # a back-reference to a group described earlier
        span = source if len(source) <= 60 else head
        yield Finding(span, {"noun": noun.lower(), "source": text})
