"""REL002 unreliable-source: a source rated unreliable, with no independent reliable one beside it."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.checks.base import CheckContext, Finding
from attrlint.checks.rel_common import backed_by_reliable, source_label, statements

UNRELIABLE = frozenset({"unreliable"})


def check(ctx: CheckContext) -> Iterator[Finding]:
    for ref in statements(ctx, UNRELIABLE):
        if backed_by_reliable(ctx, ref):
            continue
        yield Finding(
            ref.span,
            {"source": source_label(ref), "entry": ref.entry.id},
            message_key="link" if ref.origin == "link" else None,
        )
