"""REL001 deprecated-source: the story leans on a source the registry rates deprecated or blocked."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.checks.base import CheckContext, Finding
from attrlint.checks.rel_common import source_label, statements
from attrlint.registry.model import BARRED


def check(ctx: CheckContext) -> Iterator[Finding]:
    for ref in statements(ctx, BARRED):
        yield Finding(
            ref.span,
            {"source": source_label(ref), "tier": ref.entry.tier, "entry": ref.entry.id},
            message_key="link" if ref.origin == "link" else None,
        )
