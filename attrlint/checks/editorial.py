"""HDG004 editorialising-adverb: "ironically", "sadly", "it should be noted" tell readers what to think."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.checks.base import CheckContext, Finding


def check(ctx: CheckContext) -> Iterator[Finding]:
    for cue in ctx.analysis.cues:
        if cue.kind == "editorial" and ctx.own_voice(cue):
            yield Finding(cue.span, {"term": cue.text})
