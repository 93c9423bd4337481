"""ATR002 unattributed-evaluation: "Europe's largest", "unprecedented", "renowned" unsourced."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.checks.base import CheckContext, Finding


def check(ctx: CheckContext) -> Iterator[Finding]:
    for cue in ctx.analysis.cues:
        if cue.kind != "evaluation" or not ctx.own_voice(cue):
            continue
        if any(a.kind.identified for a in ctx.window(cue.sentence)):
            continue
        yield Finding(cue.span, {"term": cue.text})
