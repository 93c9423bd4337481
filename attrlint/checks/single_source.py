"""SRC009 single-source-story: every statement in the story comes from one source."""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrlint.analysis import Attribution, SourceKind
from attrlint.checks.base import CheckContext, Finding
from attrlint.registry.refs import Sourcing
from attrlint.types import Severity

MIN_WORDS = 120  # briefs are exempt
WORD = re.compile(r"\w+")
VOUCHING = ("speech", "evidence", "document", "citation")


PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def _speakers(attributions: list[Attribution], sourcing: Sourcing | None = None) -> set[str]:
    """Distinct speakers: "the officials" is "officials", "they" continues the last speaker, and
    "Acme" is "Acme Mining"; with a registry, outlets that repackage or cite one another are one."""
    keys: list[str] = []
    for attribution in attributions:
        if sourcing is not None and (ref := sourcing.for_attribution(attribution)) is not None:
            keys.append("registry:" + sourcing.group(ref.entry.id))
            continue
        words = (attribution.speaker or attribution.source_text).lower().split()
        if words and words[0] in ("the", "its", "their"):
            words = words[1:]
        key = " ".join(words)
        if key in PRONOUNS and keys:
            key = keys[-1]
        keys.append(key)
    distinct = set(keys)
    return {k for k in distinct if not any(o != k and o.startswith(k + " ") for o in distinct)}


def check(ctx: CheckContext) -> Iterator[Finding]:
    if len(WORD.findall(ctx.story_prose())) < MIN_WORDS:
        return
    attributions = [
        a
        for a in ctx.analysis.attributions
        if a.relation in VOUCHING and a.kind is not SourceKind.NONE and a.source is not None
    ]
    if not attributions or len(_speakers(attributions, ctx.sourcing)) != 1:
        return
    first = attributions[0]
    unnamed = first.kind in (SourceKind.ANONYMOUS, SourceKind.VAGUE_GROUP)
    assert first.source is not None
    source = first.speaker or first.source_text
    ref = ctx.sourcing.for_attribution(first) if ctx.sourcing is not None else None
    if ref is None:
        yield Finding(
            first.source, {"source": source}, severity=Severity.WARNING if unnamed else None
        )
        return
    entry = ref.entry
    stake = entry.stake(ctx.story_prose())  # a story resting on an interested party
    yield Finding(
        first.source,
        {"source": source, "entry": entry.id, "kind": entry.kind, "tier": entry.tier},
        message_key="registry",
        severity=Severity.WARNING if unnamed or stake else None,
    )
