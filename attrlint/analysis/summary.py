"""The per-article source ledger: each distinct source, its kind, and what it carries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from attrlint.analysis.model import Analysis, SourceKind


@dataclass(frozen=True, slots=True)
class SourceSummary:
    name: str
    kind: SourceKind
    statements: int  # attributions credited to it
    quotes: int  # direct quotes it speaks
    first_offset: int
    entry: str | None = None  # the source registry entry it matched, if a registry is used
    tier: str | None = None  # that entry's tier


def _acronym(name: str) -> str | None:
    bare = name.removeprefix("the ").removeprefix("The ")
    return bare if 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper() else None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w != "The")


def _spelled_out(
    name: str,
    kind: SourceKind,
    order: list[str],
    names: dict[str, str],
    kinds: dict[str, SourceKind],
) -> str | None:
    """The key of an earlier organisation that is this one under its acronym or its full name:
    "the AP" and "the Associated Press", either way round; "DIA" and "Ukraine's Defence
    Intelligence Agency (DIA)". People are never merged ("Ann Price" is not "AP")."""
    if not kind.is_body:
        return None
    acronym = _acronym(name)
    for earlier in order:
        full = names[earlier]
        if not kinds[earlier].is_body or "," in full or "," in name:
            continue  # "Una Nolan, a local councillor,", mistaken for a body, is not "the UN"
        if acronym is not None and (_initials(full) == acronym or f"({acronym})" in full):
            return earlier
        other = _acronym(full)
        if other is not None and (_initials(name) == other or f"({other})" in name):
            return earlier
    return None


def summarise_sources(
    analysis: Analysis, registry_of: Callable[[int], tuple[str, str] | None] | None = None
) -> list[SourceSummary]:
    """Distinct sources in order of first appearance; agentless attributions are left out.

    ``registry_of`` maps an attribution's index to its registry entry's (id, tier), if any.
    """
    order: list[str] = []
    names: dict[str, str] = {}
    kinds: dict[str, SourceKind] = {}
    statements: dict[str, int] = {}
    quotes: dict[str, int] = {}
    first: dict[str, int] = {}
    key_of: dict[int, str] = {}
    entries: dict[str, tuple[str, str]] = {}
    owners: set[str] = set()  # sources seen so far only as a document's owner
    for index, attribution in enumerate(analysis.attributions):
        if attribution.source is None or attribution.kind is SourceKind.NONE:
            continue
        name = " ".join((attribution.speaker or attribution.source_text).split())
        key = name.lower().removeprefix("the ")  # "Daily Courier" and "the Daily Courier"
        if key not in names:
            key = _spelled_out(name, attribution.kind, order, names, kinds) or key
        key_of[index] = key
        if key not in names:
            order.append(key)
            names[key] = name
            kinds[key] = attribution.kind
            first[key] = attribution.source.start
            statements[key] = quotes[key] = 0
            if attribution.relation == "document":
                owners.add(key)
        elif key in owners and attribution.relation != "document":
            # "a USA Today report", then "was quoted by USA Today": the outlet, not a document
            kinds[key] = attribution.kind
            owners.discard(key)
        statements[key] += 1
        matched = registry_of(index) if registry_of is not None else None
        if matched is not None and key not in entries:
            entries[key] = matched
    for attribution_index in analysis.quote_speakers.values():
        speaker = key_of.get(attribution_index)
        if speaker is not None:
            quotes[speaker] += 1
    return [
        SourceSummary(names[k], kinds[k], statements[k], quotes[k], first[k], *entries.get(k, ()))
        for k in order
    ]
