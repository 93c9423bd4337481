"""The command line: ``attrlint check``, ``rules``, ``explain``.

Exit codes (DESIGN.md §3): 0 clean, 1 findings at or above the failing level, 2 usage, input,
configuration or internal error. No traceback ever reaches the user.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from attrlint import __version__
from attrlint.cli_options import config_options, no_cache_option, rule_options
from attrlint.errors import AttrlintError, InputError
from attrlint.report import FORMATS

if TYPE_CHECKING:
    from attrlint.baseline import Baseline
    from attrlint.engine import FileResult, Job

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
MARK = re.compile(r"\[\[(.+?)\]\]")


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _plural(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    return f"{count} {noun[:-1]}ies" if noun.endswith("y") else f"{count} {noun}s"


def _use_colour(choice: str, stream: Any) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def _text_codec(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Check that ``--encoding`` names a codec that decodes bytes to text."""
    if value is not None:
        try:
            b"a".decode(value)  # an empty input would skip the lookup
        except LookupError:
            raise click.BadParameter(f"{value!r} is not a text encoding Python knows") from None
        except (UnicodeError, ValueError):
            pass  # a real text codec that wants more than one byte (utf-16, utf-32)
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="attrlint")
def cli() -> None:
    """Lint news drafts for sourcing and attribution problems."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    envvar="ATTRLINT_OUTPUT_FORMAT",
    help="Output format (also ATTRLINT_OUTPUT_FORMAT).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write the report to FILE instead of standard output.",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour text output (NO_COLOR is honoured).",
)
@config_options
@rule_options
@click.option(
    "--fail-level",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit code 1.  [default: warning]",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option(
    "--exclude", multiple=True, metavar="GLOBS", help="Globs to leave out (replaces `exclude`)."
)
@click.option("--extend-exclude", multiple=True, metavar="GLOBS", help="More globs to leave out.")
@click.option(
    "--force-exclude", is_flag=True, help="Apply the excludes to paths given explicitly too."
)
@click.option(
    "--respect-gitignore/--no-respect-gitignore",
    default=None,
    help="Leave out what .gitignore files ignore.  [default: respect]",
)
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="Name to report standard input under (its extension picks the format).",
)
@click.option(
    "--encoding",
    metavar="NAME",
    callback=_text_codec,
    help="Decode files that have no byte-order mark with this codec (e.g. latin-1, cp1252).  "
    "[default: utf-8]",
)
@click.option("--model", metavar="NAME", help="spaCy model package, or 'blank' (rule-light).")
@click.option(
    "--analysis",
    "with_analysis",
    is_flag=True,
    help="With --format json: include what the analysis found (bypasses the cache).",
)
@click.option("--show-source", is_flag=True, help="Show the source line and a caret.")
@click.option(
    "--registry",
    "registry_file",
    metavar="FILE",
    help="The newsroom's source registry (YAML; replaces the configuration's `registry`).",
)
@click.option(
    "--summary",
    is_flag=True,
    help="End the text report with one sourcing line per file (bypasses the cache).",
)
@click.option(
    "--baseline",
    "baseline_file",
    metavar="FILE",
    help="Report only findings that are not recorded in this baseline.",
)
@click.option(
    "--write-baseline", metavar="FILE", help="Record today's findings in this baseline file."
)
@click.option(
    "--prune-baseline", is_flag=True, help="With --baseline: drop entries that no longer match."
)
@no_cache_option
@click.option(
    "--cache-dir",
    metavar="DIR",
    envvar="ATTRLINT_CACHE_DIR",
    help="Where to keep the cache.  [default: ./.attrlint_cache]",
)
@click.option(
    "-j",
    "--jobs",
    "workers",
    type=click.IntRange(min=1),
    metavar="N",
    help="Check files in up to N processes; 1 checks them in this one.  "
    "[default: the cores available]",
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    color: str,
    config_file: str | None,
    isolated: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_level: str | None,
    exit_zero: bool,
    exclude: tuple[str, ...],
    extend_exclude: tuple[str, ...],
    force_exclude: bool,
    respect_gitignore: bool | None,
    stdin_filename: str | None,
    model: str | None,
    with_analysis: bool,
    show_source: bool,
    registry_file: str | None,
    summary: bool,
    baseline_file: str | None,
    write_baseline: str | None,
    prune_baseline: bool,
    no_cache: bool,
    cache_dir: str | None,
    encoding: str | None,
    workers: int | None,
) -> None:
    """Lint Markdown and plain-text files and folders (- reads standard input)."""
    from attrlint.cache import CACHE_DIR, Cache
    from attrlint.config import Options, Resolver, explicit_config, front_matter_options
    from attrlint.engine import Job, lint_jobs
    from attrlint.inputs import absolute, collect, load
    from attrlint.report import InputProblem, Report, render
    from attrlint.rules import load_rules

    if isolated and config_file:
        raise click.UsageError("--config and --isolated cannot be used together")
    if baseline_file and write_baseline:
        raise click.UsageError("use --baseline or --write-baseline, not both")
    if prune_baseline and not baseline_file:
        raise click.UsageError("--prune-baseline needs --baseline FILE")
    if summary and fmt != "text":
        raise click.UsageError("--summary ends the text report; with --format json use --analysis")
    cwd = absolute(".")
    baseline = None
    if baseline_file or write_baseline:
        from attrlint.baseline import Baseline

        path = Path(baseline_file or write_baseline or "")
        baseline = Baseline.load(path, missing_ok=bool(write_baseline))
    options = Options(
        select=tuple(_split(select)) or None,
        extend_select=tuple(_split(extend_select)),
        ignore=tuple(_split(ignore)),
        exclude=tuple(_split(exclude)) or None,
        extend_exclude=tuple(_split(extend_exclude)),
        force_exclude=force_exclude or None,
        respect_gitignore=respect_gitignore,
        model=model,
        fail_level=fail_level,
        registry=registry_file,
    )
    bypass = no_cache or with_analysis or summary  # cached results carry no analysis
    cache = None if bypass else Cache(Path(cache_dir or cwd / CACHE_DIR))
    rules = cache.rules() if cache is not None else load_rules()
    explicit = None if isolated else explicit_config(config_file)
    resolver = Resolver(rules, options, cwd, explicit, isolated, cache)
    targets, errors = collect(list(paths) or ["."], stdin_filename, resolver)
    jobs: list[Job] = []
    where: list[Path] = []
    for target in targets:
        try:
            document = load(target, encoding)
            path = absolute(target.path or stdin_filename or "-")
            front = front_matter_options(document, resolver.catalogue)
            jobs.append(Job(document, resolver.settings_for(path, front)))
            where.append(path)
        except InputError as exc:
            errors.append(exc)
        except AttrlintError:
            raise  # configuration: not this file's problem alone
        except Exception as exc:  # a bug reading one file must not stop the others
            errors.append(
                InputError(target.display, f"internal error: {type(exc).__name__}: {exc}")
            )
    if workers is None:
        from attrlint.parallel import available_cores

        workers = available_cores()
    keep = with_analysis or summary
    results = lint_jobs(jobs, cache, rules, workers=workers, keep_analysis=keep)
    _registry_note(select + extend_select, jobs)
    if cache is not None and cache.problem:
        click.echo(f"attrlint: warning: cannot write the cache: {cache.problem}", err=True)
    if baseline is not None:
        _baseline(baseline, jobs, results, where, prune_baseline, bool(write_baseline))
    messages = [str(e) for e in errors] + [m for r in results for m in r.errors]
    for message in messages:
        click.echo(f"attrlint: error: {message}", err=True)
    problems = [InputProblem(e.path, e.reason) for e in errors]
    problems += [InputProblem(r.path, m) for r in results for m in r.errors]
    colour = output in (None, "-") and _use_colour(color, sys.stdout)
    report = Report(results, rules, problems, with_analysis, colour, show_source, summary=summary)
    _emit(render(fmt, report), None if output == "-" else output, colour)
    if messages:
        sys.exit(EXIT_ERROR)
    failing = any(
        d.severity >= job.settings.fail_level
        for job, result in zip(jobs, results, strict=True)
        for d in result.diagnostics
    )
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


def _registry_note(selectors: tuple[str, ...], jobs: list[Job]) -> None:
    """REL rules asked for on the command line, but no file has a registry: say why they're quiet."""
    wanted = any(s.strip().upper().startswith("REL") for s in _split(selectors))
    if wanted and jobs and not any(job.settings.registry is not None for job in jobs):
        click.echo(
            "attrlint: note: the REL rules need a source registry (`registry` in the "
            "configuration, or --registry FILE); none is configured, so they report nothing",
            err=True,
        )


def _baseline(
    baseline: Baseline,
    jobs: list[Job],
    results: list[FileResult],
    where: list[Path],
    prune: bool,
    write: bool,
) -> None:
    """Record the findings in the baseline, or keep only those not in it (and prune it)."""
    file = baseline.path
    checked: dict[str, set[str]] = {}
    for job, result, path in zip(jobs, results, where, strict=True):
        key = baseline.key(path)
        checked[key] = {r.id for r in job.settings.rules}
        if write:
            baseline.record(key, job.document, result.diagnostics)
            result.diagnostics = []
        else:
            result.diagnostics = baseline.filter(key, job.document, result.diagnostics)
    if write:
        baseline.save()
        found, files = _plural(baseline.count(), "finding"), _plural(len(baseline.files), "file")
        click.echo(f"attrlint: wrote {found} in {files} to {file}", err=True)
    elif prune:
        removed = baseline.prune(checked)
        if removed:
            baseline.save()
        click.echo(f"attrlint: pruned {_plural(removed, 'stale entry')} from {file}", err=True)
    elif stale := len(baseline.stale(checked)):
        click.echo(
            f"attrlint: note: {_plural(stale, 'entry')} in {file} matched no finding; "
            "--prune-baseline removes them",
            err=True,
        )


@cli.command("rules")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="markdown writes the reference page (docs/rules.md).",
)
@click.option("--all", "show_all", is_flag=True, help="Include rules that are off by default.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE.")
def list_rules(fmt: str, show_all: bool, output: str | None) -> None:
    """List the rules."""
    from attrlint.rules import load_rules

    every = load_rules()
    rules = [r for r in every if show_all or r.enabled or fmt != "text"]
    if fmt == "markdown":
        from attrlint.report.rules_markdown import render_rules_markdown

        text = render_rules_markdown(every)
    elif fmt == "json":
        payload = [
            {
                "id": r.id,
                "name": r.name,
                "family": r.family,
                "severity": r.severity.label,
                "enabled": r.enabled,
                "fix": r.fix,
                "summary": r.summary,
                "url": r.url,
            }
            for r in rules
        ]
        text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    else:
        text = "".join(
            f"{r.id}  {r.name:<32} {r.severity.label:<8} {r.summary}"
            + ("" if r.enabled else " (off by default)")
            + "\n"
            for r in rules
        )
    _emit(text, output)


def _emit(text: str, output: str | None, colour: bool = False) -> None:
    """Print, or write atomically to ``output`` (never half a file)."""
    if output is None:
        click.echo(text, nl=False, color=colour)
        return
    import tempfile

    target = Path(output)
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=target.parent or ".", delete=False, suffix=".tmp"
        ) as handle:
            handle.write(text)
        Path(handle.name).replace(target)
    except OSError as exc:
        raise click.FileError(output, exc.strerror or str(exc)) from None


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--stdin-filename", metavar="NAME", help="Name to report standard input under.")
@click.option("--model", metavar="NAME", help="spaCy model package.")
@click.option(
    "--registry",
    "registry_file",
    metavar="FILE",
    help="The source registry (default: the configuration's `registry`, if any).",
)
def sources(
    paths: tuple[str, ...],
    fmt: str,
    stdin_filename: str | None,
    model: str | None,
    registry_file: str | None,
) -> None:
    """Who is quoted in each article, how often, and how many of them are named; with a source
    registry, each source's entry and tier."""
    from attrlint.config import FileSettings, Options, Resolver, explicit_config
    from attrlint.engine import Job, lint_jobs
    from attrlint.inputs import absolute, collect, load
    from attrlint.registry.refs import resolve
    from attrlint.report.json_report import analysis_json
    from attrlint.report.sources_table import render_sources
    from attrlint.rules import load_rules, select_rules

    every = load_rules()
    resolver = Resolver(
        every, Options(registry=registry_file), absolute("."), explicit_config(None)
    )
    rules = select_rules(every, ["ATR001"], None)
    targets, errors = collect(list(paths), stdin_filename)
    jobs = []
    for target in targets:
        try:
            document = load(target)
        except InputError as exc:
            errors.append(exc)
            continue
        config = resolver.config_for(absolute(target.path or stdin_filename or "-").parent)
        registry = resolver.registry_for(config)
        jobs.append(Job(document, FileSettings(rules=rules, model=model, registry=registry)))
    results = lint_jobs(jobs)
    for error in errors:
        click.echo(f"attrlint: error: {error}", err=True)
    if fmt == "json":
        payload = [
            {
                "path": r.path,
                "sources": (
                    analysis_json(r.document, r.analysis, r.registry)["sources"]
                    if r.analysis
                    else []
                ),
            }
            for r in results
        ]
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        tables = [
            render_sources(
                r.path,
                r.analysis,
                resolve(r.document, r.analysis, r.registry)
                if r.analysis is not None and r.registry is not None
                else None,
            )
            for r in results
        ]
        click.echo("\n".join(tables), nl=False)
    sys.exit(EXIT_ERROR if errors else EXIT_OK)


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


@cli.command()
@click.option(
    "--debounce-ms",
    type=click.IntRange(0, 10_000),
    default=300,
    show_default=True,
    help="Lint this long after the last change (the client's debounceMs setting overrides it).",
)
def server(debounce_ms: int) -> None:
    """Run the language server on standard input and output (needs attrlint[lsp])."""
    from attrlint.server import serve

    serve(debounce_ms)


# `attrlint audit` (Dask, tables, report.html): its options module imports only click; Dask and
# pyarrow are imported when it runs (the `audit` extra).
from attrlint.audit.cli import audit as _audit  # noqa: E402

cli.add_command(_audit)

# `attrlint registry check FILE`
from attrlint.registry.cli import registry as _registry  # noqa: E402

cli.add_command(_registry)


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
