"""ATR004 quote-without-speaker: a direct quote that no one is credited with."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.checks.base import CheckContext, Finding

MIN_WORDS = 4  # shorter quoted stretches are titles or scare quotes (HDG003's business)


def check(ctx: CheckContext) -> Iterator[Finding]:
    analysis = ctx.analysis
    source = ctx.document.source
    if any(a.cue_lemma == ":" for a in analysis.attributions):
        return  # a transcript: speakers are labels, not attributions
    blocks = ctx.document.blocks
    for index, quote in enumerate(analysis.quotes):
        if index in analysis.quote_speakers or blocks[quote.block].quoted:
            continue
        if len(source[quote.content.start : quote.content.end].split()) < MIN_WORDS:
            continue
        if any(s.heading and s.span.overlaps(quote.span) for s in analysis.sentences):
            continue  # a headline quotes the story below it
        yield Finding(quote.span, {"quote": source[quote.content.start : quote.content.end][:40]})
