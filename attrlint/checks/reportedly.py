"""SRC006 reportedly: "reportedly", "according to reports", "it was reported" with no outlet."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import SourceKind, Voice
from attrlint.checks.base import CheckContext, Finding

OUTLETS = (SourceKind.NAMED_ORGANISATION, SourceKind.DOCUMENT)


def check(ctx: CheckContext) -> Iterator[Finding]:
    for cue in ctx.analysis.cues:
        if cue.kind != "reportedly" or cue.voice is Voice.QUOTED:
            continue
        if any(a.kind in OUTLETS for a in ctx.window(cue.sentence)):
            continue  # the outlet is named nearby
        yield Finding(cue.span, {"term": cue.text})
