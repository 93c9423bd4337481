"""``attrlint registry check``: what a valid registry can still get wrong.

Aliases or domains claimed by two entries (the first entry wins when matching, which is rarely
what was meant), ``derives_from`` ids that name no entry (or the entry itself), and entries not
reviewed for over a year (or never).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from attrlint.registry.model import Registry, alias_key
from attrlint.types import Severity

STALE_DAYS = 365


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    severity: Severity
    entry: str
    message: str


def audit(registry: Registry, today: date, max_age: int = STALE_DAYS) -> list[Problem]:
    """Every problem, in file order."""
    problems: list[Problem] = []
    aliases: dict[tuple[str, ...], tuple[str, str, int]] = {}
    domains: dict[str, tuple[str, int]] = {}
    for entry in registry:
        for name in entry.names:
            key = alias_key(name)
            if not key:
                problems.append(
                    Problem(entry.line, Severity.ERROR, entry.id, f"name {name!r} has no words")
                )
                continue
            first = aliases.get(key)
            if first is None:
                aliases[key] = (entry.id, name, entry.line)
            elif first[0] != entry.id:
                problems.append(
                    Problem(
                        entry.line,
                        Severity.ERROR,
                        entry.id,
                        f"name {name!r} is also a name of {first[0]!r} (line {first[2]}, "
                        f"as {first[1]!r}); it matches {first[0]!r} only",
                    )
                )
        for domain in entry.domains:
            bare = domain.lower().removeprefix("www.")
            owner = domains.get(bare)
            if owner is None:
                domains[bare] = (entry.id, entry.line)
            elif owner[0] != entry.id:
                problems.append(
                    Problem(
                        entry.line,
                        Severity.ERROR,
                        entry.id,
                        f"domain {domain!r} is also a domain of {owner[0]!r} (line {owner[1]}); "
                        f"it matches {owner[0]!r} only",
                    )
                )
        for other in entry.derives_from:
            if other == entry.id:
                problems.append(
                    Problem(
                        entry.line, Severity.ERROR, entry.id, "derives_from names the entry itself"
                    )
                )
            elif registry.get(other) is None:
                problems.append(
                    Problem(
                        entry.line,
                        Severity.ERROR,
                        entry.id,
                        f"derives_from names {other!r}, which is not an entry id",
                    )
                )
        if entry.reviewed is None:
            problems.append(
                Problem(
                    entry.line, Severity.INFO, entry.id, "no `reviewed` date: when was it rated?"
                )
            )
        elif entry.reviewed > today:
            problems.append(
                Problem(
                    entry.line,
                    Severity.WARNING,
                    entry.id,
                    f"reviewed {entry.reviewed.isoformat()} is in the future",
                )
            )
        elif (today - entry.reviewed).days > max_age:
            problems.append(
                Problem(
                    entry.line,
                    Severity.WARNING,
                    entry.id,
                    f"last reviewed {entry.reviewed.isoformat()}, "
                    f"{(today - entry.reviewed).days} days ago: review its tier",
                )
            )
    return problems
