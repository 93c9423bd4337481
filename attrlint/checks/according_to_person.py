"""VRB004 according-to-person: "according to Smith" for spoken remarks (house style)."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import SourceKind
from attrlint.checks.base import CheckContext, Finding


def check(ctx: CheckContext) -> Iterator[Finding]:
    for attribution in ctx.analysis.attributions:
        if attribution.cue_lemma == "according to" and attribution.kind is SourceKind.NAMED_PERSON:
            if attribution.source_text.lower() in ("him", "her", "them"):
                continue
            yield Finding(attribution.cue, {"source": attribution.source_text})
