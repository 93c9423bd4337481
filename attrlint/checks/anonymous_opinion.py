"""SRC004 anonymous-opinion: an unnamed source supplies an opinion, a prediction or an attack."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import SourceKind
from attrlint.checks.base import CheckContext, Finding

UNNAMED = (SourceKind.ANONYMOUS, SourceKind.VAGUE_GROUP)


def check(ctx: CheckContext) -> Iterator[Finding]:
    analysis = ctx.analysis
    opinion = ctx.lexicon.opinion_terms
    for attribution in analysis.attributions:
        content = attribution.content
        if attribution.kind not in UNNAMED or content is None or attribution.source is None:
            continue
        if attribution.relation not in ("speech", "belief") or analysis.in_quote(attribution.cue):
            continue
        sent = analysis.sentences[attribution.sentence]
        words = [t for t in sent.sent if content.contains(sent.tok_span(t)) and t.lower_ in opinion]
        if words:
            yield Finding(
                attribution.source, {"source": attribution.source_text, "term": words[0].text}
            )
