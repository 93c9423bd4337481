"""SRC007 weasel-quantifier: "many people say", "some argue", "studies show"."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import SourceKind, Voice
from attrlint.checks.base import CheckContext, Finding


def check(ctx: CheckContext) -> Iterator[Finding]:
    for cue in ctx.analysis.cues:
        if cue.kind != "weasel" or cue.voice is Voice.QUOTED:
            continue
        if any(
            a.kind is SourceKind.DOCUMENT and not (a.source and a.source.overlaps(cue.span))
            for a in ctx.window(cue.sentence)
        ):
            continue  # the survey or count behind it is cited alongside
        yield Finding(cue.span, {"phrase": cue.text})
