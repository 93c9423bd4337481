"""HDG001 hedge-in-reporter-voice: "may", "possibly", "appears to" with no one to own the doubt."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import Voice
from attrlint.checks.base import CheckContext, Finding


def check(ctx: CheckContext) -> Iterator[Finding]:
    for cue in ctx.analysis.cues:
        if cue.kind == "hedge" and cue.voice is Voice.REPORTER:
            yield Finding(cue.span, {"term": cue.text})
