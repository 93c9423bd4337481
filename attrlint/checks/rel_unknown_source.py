"""REL004 unknown-source: a named outlet or organisation credited as a source, not in the registry."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.checks.base import CheckContext, Finding


def check(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.sourcing is None:
        return
    for unknown in ctx.sourcing.unknown:
        if ctx.analysis.sentences[unknown.sentence].heading:
            continue
        yield Finding(unknown.span, {"source": unknown.text})
