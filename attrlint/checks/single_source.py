"""SRC009 single-source-story: every statement in the story comes from one source."""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrlint.analysis import Attribution, SourceKind
from attrlint.checks.base import CheckContext, Finding
from attrlint.types import Severity

MIN_WORDS = 120  # briefs are exempt
WORD = re.compile(r"\w+")
VOUCHING = ("speech", "evidence", "document", "citation")


PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def _speakers(attributions: list[Attribution]) -> set[str]:
    """Distinct speakers: "the officials" is "officials", "they" continues the last speaker, and
    "Acme" is "Acme Mining"."""
    keys: list[str] = []
    for attribution in attributions:
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
    if len(WORD.findall(ctx.document.prose)) < MIN_WORDS:
        return
    attributions = [
        a
        for a in ctx.analysis.attributions
        if a.relation in VOUCHING and a.kind is not SourceKind.NONE and a.source is not None
    ]
    if not attributions or len(_speakers(attributions)) != 1:
        return
    first = attributions[0]
    unnamed = first.kind in (SourceKind.ANONYMOUS, SourceKind.VAGUE_GROUP)
    assert first.source is not None
    yield Finding(
        first.source,
        {"source": first.speaker or first.source_text},
        severity=Severity.WARNING if unnamed else None,
    )
