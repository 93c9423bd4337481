"""REL003 weak-single-source: a figure or an allegation that only a mixed-tier source backs."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import Voice
from attrlint.checks.base import CheckContext, Finding
from attrlint.checks.rel_common import corroborated, source_label, statements
from attrlint.registry.refs import Reference

MIXED = frozenset({"mixed"})


def _claim(ctx: CheckContext, ref: Reference) -> str | None:
    """ "figure" or "allegation" when the source's sentence carries one outside quoted speech."""
    analysis = ctx.analysis
    if analysis.sentences[ref.sentence].quoted_block:
        return None
    for number in analysis.numbers:
        if (
            number.sentence == ref.sentence
            and number.cls.statistic
            and not analysis.in_quote(number.span)
            and not number.span.overlaps(ref.span)
        ):
            return "figure"
    for cue in analysis.cues:
        if (
            cue.sentence == ref.sentence
            and cue.kind == "wrongdoing"
            and cue.voice is not Voice.QUOTED
        ):
            return "allegation"
    return None


def check(ctx: CheckContext) -> Iterator[Finding]:
    for ref in statements(ctx, MIXED):
        what = _claim(ctx, ref)
        if what is None or corroborated(ctx, ref):
            continue
        yield Finding(ref.span, {"source": source_label(ref), "entry": ref.entry.id, "what": what})
