"""HDG002 booster-in-reporter-voice: "clearly", "of course", "in fact" vouching for a claim."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import CueMention, Voice
from attrlint.checks.base import CheckContext, Finding


def check(ctx: CheckContext) -> Iterator[Finding]:
    for cue in ctx.analysis.cues:
        if cue.kind != "booster" or ctx.analysis.sentences[cue.sentence].personal:
            continue
        if ctx.own_voice(cue) or _describes_cue(ctx, cue):
            yield Finding(cue.span, {"term": cue.text})


def _describes_cue(ctx: CheckContext, cue: CueMention) -> bool:
    """ "The data clearly show": the booster vouches for the attribution itself."""
    return cue.voice is not Voice.QUOTED and any(
        0 <= a.cue.start - cue.span.end <= 1 for a in ctx.analysis.attributions_in(cue.sentence)
    )
