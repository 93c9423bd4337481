"""``attrlint registry check FILE``: validate a source registry and report what needs attention.

Exit codes as for ``check`` (DESIGN.md section 3): 0 when nothing at warning level or above is
found, 1 when there are errors or warnings (shared aliases and domains, ``derives_from`` ids that
name no entry, reviews over a year old), 2 when the file cannot be read or fails the schema.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path

import click

from attrlint.types import Severity


@click.group("registry")
def registry() -> None:
    """Check the newsroom's source registry (see `registry` in the configuration)."""


@registry.command("check")
@click.argument("file", type=click.Path(dir_okay=True))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--max-age",
    type=click.IntRange(1, 36_500),
    default=365,
    show_default=True,
    help="Days after which an entry's `reviewed` date counts as stale.",
)
@click.option(
    "--today",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Judge review dates as of this day (YYYY-MM-DD) instead of today.",
)
def check(file: str, fmt: str, max_age: int, today: datetime | None) -> None:
    """Validate FILE against the registry schema and report duplicate names and domains,
    unknown `derives_from` ids, and entries not reviewed for over --max-age days."""
    from attrlint.registry.audit import audit
    from attrlint.registry.load import load_registry

    found = load_registry(Path(file), file)  # RegistryError: exit 2 with the message
    problems = audit(found, today.date() if today else date.today(), max_age)
    counts = {level: sum(p.severity is level for p in problems) for level in Severity}
    if fmt == "json":
        payload = {
            "path": file,
            "entries": len(found),
            "problems": [
                {
                    "line": p.line,
                    "severity": p.severity.label,
                    "entry": p.entry,
                    "message": p.message,
                }
                for p in problems
            ],
            "summary": {
                "errors": counts[Severity.ERROR],
                "warnings": counts[Severity.WARNING],
                "info": counts[Severity.INFO],
            },
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for p in problems:
            click.echo(f"{file}:{p.line}:1: [{p.severity.label}] {p.entry}: {p.message}")
        noun = "entry" if len(found) == 1 else "entries"
        tally = (
            f"{counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
            f"{counts[Severity.INFO]} info"
        )
        click.echo(f"{file}: {len(found)} {noun}; " + (tally if problems else "no problems"))
    failing = counts[Severity.ERROR] or counts[Severity.WARNING]
    sys.exit(1 if failing else 0)
