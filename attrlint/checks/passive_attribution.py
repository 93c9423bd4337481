"""SRC005 passive-attribution: "it is believed", "is said to", "is widely regarded as"."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import Voice
from attrlint.checks.base import CheckContext, Finding


def check(ctx: CheckContext) -> Iterator[Finding]:
    for cue in ctx.analysis.cues:
        if cue.kind != "passive_attribution" or cue.voice is Voice.QUOTED:
            continue
        if any(
            a.kind.identified
            and (a.relation == "document" or a.cue_lemma == "according to")
            and not a.cue.overlaps(cue.span)
            for a in ctx.analysis.attributions_in(cue.sentence)
        ):
            continue  # "..., graft was said to be pervasive, according to the report"
        yield Finding(cue.span, {"phrase": cue.text})
