"""The command line: ``attrlint check``, ``rules``, ``explain``.

Exit codes (DESIGN.md §3): 0 clean, 1 findings at or above the failing level, 2 usage, input,
configuration or internal error. No traceback ever reaches the user.
"""

from __future__ import annotations

import json
import os
import re
import sys
from typing import Any

import click

from attrlint import __version__
from attrlint.errors import AttrlintError, InputError
from attrlint.types import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
MARK = re.compile(r"\[\[(.+?)\]\]")


def _split(values: tuple[str, ...]) -> list[str]:
    return [part for value in values for part in value.split(",") if part.strip()]


def _use_colour(choice: str, stream: Any) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="attrlint")
def cli() -> None:
    """Lint news drafts for sourcing and attribution problems."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour text output (NO_COLOR is honoured).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Rules to enable: ids, names or families (SRC001, vague-source, SRC, ALL).",
)
@click.option("--ignore", multiple=True, metavar="RULES", help="Rules to disable.")
@click.option(
    "--fail-level",
    type=click.Choice(["error", "warning", "info"]),
    default="warning",
    show_default=True,
    help="Lowest severity that makes the exit code 1.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="Name to report standard input under (its extension picks the format).",
)
@click.option("--model", metavar="NAME", help="spaCy model package, or 'blank' (rule-light).")
@click.option(
    "--analysis",
    "with_analysis",
    is_flag=True,
    help="With --format json: include what the analysis found.",
)
@click.option("--show-source", is_flag=True, help="Show the source line and a caret.")
def check(
    paths: tuple[str, ...],
    fmt: str,
    color: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_level: str,
    exit_zero: bool,
    stdin_filename: str | None,
    model: str | None,
    with_analysis: bool,
    show_source: bool,
) -> None:
    """Lint Markdown and plain-text files and folders (- reads standard input)."""
    from attrlint.engine import lint_documents
    from attrlint.inputs import collect, load
    from attrlint.report import render_json, render_text
    from attrlint.rules import load_rules, select_rules

    rules = select_rules(load_rules(), _split(select), _split(ignore))
    targets, errors = collect(list(paths) or ["."], stdin_filename)
    documents = []
    for target in targets:
        try:
            documents.append(load(target))
        except InputError as exc:
            errors.append(exc)
    results = lint_documents(documents, rules, model)
    messages = [str(e) for e in errors] + [m for r in results for m in r.errors]
    for message in messages:
        click.echo(f"attrlint: error: {message}", err=True)
    if fmt == "json":
        click.echo(
            render_json(
                results,
                rules,
                with_analysis,
                [{"path": e.path, "message": e.reason} for e in errors]
                + [{"path": r.path, "message": m} for r in results for m in r.errors],
            ),
            nl=False,
        )
    else:
        colour = _use_colour(color, sys.stdout)
        click.echo(render_text(results, colour, show_source), nl=False, color=colour)
    if messages:
        sys.exit(EXIT_ERROR)
    threshold = Severity.parse(fail_level)
    failing = any(d.severity >= threshold for r in results for d in r.diagnostics)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


@cli.command("rules")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--all", "show_all", is_flag=True, help="Include rules that are off by default.")
def list_rules(fmt: str, show_all: bool) -> None:
    """List the rules."""
    from attrlint.rules import load_rules

    rules = [r for r in load_rules() if show_all or r.enabled or fmt == "json"]
    if fmt == "json":
        payload = [
            {
                "id": r.id,
                "name": r.name,
                "family": r.family,
                "severity": r.severity.label,
                "enabled": r.enabled,
                "summary": r.summary,
                "url": r.url,
            }
            for r in rules
        ]
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    for r in rules:
        state = "" if r.enabled else " (off by default)"
        click.echo(f"{r.id}  {r.name:<32} {r.severity.label:<8} {r.summary}{state}")


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Print a rule's rationale and its bad and good examples."""
    from attrlint.rules import load_rules, select_rules

    (spec,) = select_rules(load_rules(), [rule], None)[:1] or (None,)
    if spec is None or len(select_rules(load_rules(), [rule], None)) != 1:
        raise click.UsageError(f"{rule!r} names a family, not one rule; try `attrlint rules`.")
    state = "on" if spec.enabled else "off"
    out = [
        f"{spec.id} {spec.name} ({spec.family}, {spec.severity.label}, {state} by default)",
        "",
        spec.summary,
        "",
        "Why",
        "---",
        spec.rationale,
    ]
    if spec.known_problems:
        out += ["", "Known problems", "--------------", spec.known_problems]
    out += ["", "Flagged", "-------"]
    out += ["  ✗ " + MARK.sub(r"\1", e.text) for e in spec.bad]
    out += ["", "Not flagged", "-----------"]
    out += [f"  ✓ {e.text}" + (f"  ({e.why})" if e.why else "") for e in spec.good]
    if spec.references:
        out += ["", "References", "----------", *(f"  - {ref}" for ref in spec.references)]
    click.echo("\n".join(out))


def main(argv: list[str] | None = None) -> None:
    """Console entry point: maps every failure to exit 2 with a one-line message."""
    try:
        cli.main(args=argv, prog_name="attrlint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_ERROR)
    except click.exceptions.Abort:
        click.echo("attrlint: interrupted", err=True)
        sys.exit(EXIT_ERROR)
    except AttrlintError as exc:
        click.echo(f"attrlint: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        click.echo("attrlint: interrupted", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # a bug: say so plainly, never a traceback
        click.echo(
            f"attrlint: internal error: {type(exc).__name__}: {exc}. "
            "Please report this with the input that caused it.",
            err=True,
        )
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_OK)
