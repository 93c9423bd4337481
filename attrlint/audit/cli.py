"""The ``attrlint audit`` command's options; the work is imported only when it runs."""

from __future__ import annotations

import sys

import click

from attrlint.cli_options import config_options, no_cache_option, rule_options

COLUMN_FIELDS = ("text", "id", "headline", "author", "desk", "date", "url")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


@click.command("audit")
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True))
@click.option("--out", "-o", "out", required=True, metavar="DIR", help="Folder for the results.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Worker processes of the local Dask cluster.  [default: the cores available]",
)
@click.option(
    "--scheduler", metavar="ADDRESS", help="Use a running Dask cluster (tcp://host:8786)."
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Articles per task.",
)
@click.option(
    "--input-format",
    type=click.Choice(["auto", "folder", "jsonl", "csv", "parquet"]),
    default="auto",
    show_default=True,
    help="How to read INPUT (auto: a folder, or by the file's suffix).",
)
@click.option("--text-column", metavar="NAME", help="Column with the article text.")
@click.option("--id-column", metavar="NAME", help="Column with the article id.")
@click.option("--headline-column", metavar="NAME", help="Column with the headline.")
@click.option("--author-column", metavar="NAME", help="Column with the author.")
@click.option("--desk-column", metavar="NAME", help="Column with the desk or section.")
@click.option("--date-column", metavar="NAME", help="Column with the publication date.")
@click.option("--url-column", metavar="NAME", help="Column with the article's web address.")
@click.option(
    "--text-format",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="What a table's text column holds.",
)
@config_options
@rule_options
@click.option("--exclude", multiple=True, metavar="GLOBS", help="Globs to leave out of a folder.")
@click.option("--extend-exclude", multiple=True, metavar="GLOBS", help="More globs to leave out.")
@click.option("--model", metavar="NAME", help="spaCy model package.")
@no_cache_option
@click.option(
    "--cache-dir",
    metavar="DIR",
    envvar="ATTRLINT_CACHE_DIR",
    help="Where to keep the cache (shared by the workers).  [default: DIR/.cache]",
)
@click.option("--no-progress", is_flag=True, help="No progress bar on standard error.")
def audit(
    input_path: str,
    out: str,
    workers: int | None,
    scheduler: str | None,
    partition_size: int,
    input_format: str,
    text_column: str | None,
    id_column: str | None,
    headline_column: str | None,
    author_column: str | None,
    desk_column: str | None,
    date_column: str | None,
    url_column: str | None,
    text_format: str,
    config_file: str | None,
    isolated: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    exclude: tuple[str, ...],
    extend_exclude: tuple[str, ...],
    model: str | None,
    no_cache: bool,
    cache_dir: str | None,
    no_progress: bool,
) -> None:
    """Audit an archive on Dask: per-article and per-finding tables and report.html.

    INPUT is a folder of Markdown or text files, or a table exported from a CMS (JSON Lines, CSV
    or Parquet) with a text column. Exit code 0: every article audited; 2: some articles failed
    (listed in DIR/failed.csv) or the audit could not run.
    """
    from pathlib import Path

    from attrlint.config import Options

    if isolated and config_file:
        raise click.UsageError("--config and --isolated cannot be used together")
    if scheduler and workers:
        raise click.UsageError(
            "--workers starts a local cluster; with --scheduler, start workers there"
        )
    columns = (
        ("text", text_column),
        ("id", id_column),
        ("headline", headline_column),
        ("author", author_column),
        ("desk", desk_column),
        ("published", date_column),
        ("url", url_column),
    )
    options = Options(
        select=_split(select) or None,
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        exclude=_split(exclude) or None,
        extend_exclude=_split(extend_exclude),
        model=model,
    )
    from attrlint.audit.run import Request
    from attrlint.audit.run import audit as run_audit

    request = Request(
        input=Path(input_path),
        out=Path(out),
        workers=workers,
        scheduler=scheduler,
        partition_size=partition_size,
        input_format=input_format,
        columns=columns,
        text_format=text_format,
        options=options,
        config=config_file,
        isolated=isolated,
        cache_dir=cache_dir,
        no_cache=no_cache,
        progress=not no_progress,
    )
    sys.exit(run_audit(request))
