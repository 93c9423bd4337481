"""SRC005 passive-attribution: "it is believed", "is said to", "is widely regarded as"."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import Voice
from attrlint.checks.base import CheckContext, Finding


def check(ctx: CheckContext) -> Iterator[Finding]:
    for cue in ctx.analysis.cues:
        if cue.kind == "passive_attribution" and cue.voice is not Voice.QUOTED:
            yield Finding(cue.span, {"phrase": cue.text})
