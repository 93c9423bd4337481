"""Runs one audit: validate on the client, lint on the cluster, then tables, report and summary.

Exit codes: 0 every article was audited; 2 some articles failed (they are in ``failed.csv`` with
the reason, and everything else was audited) or the audit could not start or finish (a message
on stderr says which). Findings never change the exit code: finding them is what an audit is for.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from attrlint import __version__
from attrlint.audit import EXTRA_HINT
from attrlint.audit.model import AuditError, Failure, Partition, PartitionResult
from attrlint.cache import Cache, atomic_write
from attrlint.config import Options, Resolver, explicit_config
from attrlint.inputs import absolute
from attrlint.nlp import resolve_model
from attrlint.rules import load_rules

EXIT_OK, EXIT_FAILED = 0, 2
SHOW_FAILURES = 10


@dataclass(frozen=True, slots=True)
class Request:
    """Everything ``attrlint audit`` was asked to do."""

    input: Path
    out: Path
    workers: int | None = None
    scheduler: str | None = None
    partition_size: int = 50
    input_format: str = "auto"
    columns: tuple[tuple[str, str | None], ...] = ()
    text_format: str = "text"
    options: Options = field(default_factory=Options)
    config: str | None = None
    isolated: bool = False
    cache_dir: str | None = None
    no_cache: bool = False
    progress: bool = True


def require_extra() -> None:
    """Dask and pyarrow come with the ``audit`` extra; without them, one line and exit 2."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise AuditError(
            f"attrlint audit needs Dask and pyarrow ({exc.name or exc} is missing): {EXTRA_HINT}"
        ) from None


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def audit(request: Request) -> int:
    """Run the audit and print its summary; return the exit code."""
    require_extra()
    from attrlint.audit.aggregate import Aggregate
    from attrlint.audit.cluster import Progress, check_workers, connect, schedule
    from attrlint.audit.inputs import fallback_ids, plan
    from attrlint.audit.report import ReportInfo, render_report
    from attrlint.audit.tables import TableWriter
    from attrlint.audit.worker import Setup

    started = time.perf_counter()
    out = absolute(request.out)
    if out.exists() and not out.is_dir():
        raise AuditError(f"{request.out}: exists and is not a folder")
    cwd = absolute(".")
    cache_dir = None if request.no_cache else absolute(request.cache_dir or out / ".cache")
    # Everything that can be wrong with the configuration or the input fails here, before a
    # cluster starts: the same validation as `check`, on the client.
    cache = Cache(cache_dir) if cache_dir else None
    rules = cache.rules() if cache is not None else load_rules()
    explicit = None if request.isolated else explicit_config(request.config)
    resolver = Resolver(rules, request.options, cwd, explicit, request.isolated, cache)
    if request.scheduler is None:  # local workers share this installation; remote ones are probed
        resolve_model(request.options.model)
    work = plan(
        absolute(request.input),
        request.input_format,
        dict(request.columns),
        request.partition_size,
        request.text_format,
        resolver,
    )
    setup = Setup(
        uuid.uuid4().hex,
        str(cwd),
        request.options,
        str(absolute(explicit)) if explicit else None,
        request.isolated,
        str(cache_dir) if cache_dir else None,
    )
    agg = Aggregate()
    problems: list[str] = []
    shown: list[str] = []

    def on_result(result: PartitionResult) -> None:
        writer.add(result.key, result.articles, result.findings, result.failed)
        agg.add(result)
        _note(shown, result.failed)
        if result.cache_problem and not problems:
            problems.append(result.cache_problem)

    def on_failed(part: Partition, reason: str) -> int:
        failures = [Failure(ident, path, reason) for ident, path in fallback_ids(part)]
        writer.add(part.key, failed=failures)
        agg.add_failed(failures)
        _note(shown, failures)
        return len(failures)

    workers = request.workers or default_workers()
    interrupted = False
    with connect(workers, request.scheduler) as client:
        threads = check_workers(client, setup)
        try:
            out.mkdir(parents=True, exist_ok=True)
            writer = TableWriter(out, [r.id for r in rules])
        except OSError as exc:
            raise AuditError(f"{request.out}: cannot write: {exc.strerror or exc}") from None
        progress = Progress(work.total, request.progress)
        try:
            outcome = schedule(client, work.partitions(), setup, on_result, on_failed, progress)
        except KeyboardInterrupt:
            interrupted = True
            from attrlint.audit.cluster import Outcome

            outcome = Outcome(stopped="interrupted")
    rows = writer.finish()
    complete = outcome.stopped is None and not interrupted
    info = ReportInfo(str(request.input), work.kind, complete)
    atomic_write(out / "report.html", render_report(agg, info, rules).encode("utf-8"), 0o644)
    elapsed = time.perf_counter() - started
    summary = _summary(request, work.kind, work.total, rows, agg, outcome, threads, elapsed)
    summary |= {"complete": complete, "cache_dir": str(cache_dir) if cache_dir else None}
    code = EXIT_OK if complete and not agg.failed else EXIT_FAILED
    summary["exit_code"] = code
    atomic_write(out / "summary.json", (json.dumps(summary, indent=2) + "\n").encode(), 0o644)
    for message in shown:
        click.echo(f"attrlint: failed: {message}", err=True)
    if agg.failed > len(shown):
        click.echo(f"attrlint: … and {agg.failed - len(shown)} more in failed.csv", err=True)
    if problems:
        click.echo(f"attrlint: warning: cannot write the cache: {problems[0]}", err=True)
    if outcome.stopped:
        click.echo(f"attrlint: error: the audit stopped early: {outcome.stopped}", err=True)
    click.echo(_text(summary, out))
    return code


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _note(shown: list[str], failures: list[Failure]) -> None:
    for failure in failures[: max(0, SHOW_FAILURES - len(shown))]:
        shown.append(f"{failure.id}: {failure.reason}")


def _summary(
    request: Request,
    kind: str,
    total: int | None,
    rows: dict[str, int],
    agg: Any,
    outcome: Any,
    threads: int,
    elapsed: float,
) -> dict[str, Any]:
    whole = agg.total
    return {
        "version": 1,
        "tool": {"name": "attrlint", "version": __version__},
        "input": str(request.input),
        "kind": kind,
        "articles_in_input": total,
        "articles": whole.articles,
        "failed": agg.failed,
        "cached": agg.cached,
        "words": whole.words,
        "findings": whole.findings,
        "findings_per_1k": round(whole.per_1k(), 3),
        "unattributed": whole.unattributed,
        "unattributed_per_1k": round(whole.per_1k(whole.unattributed), 3),
        "sources": dict(sorted(whole.sources.items())),
        "rules": dict(sorted(agg.rules.items())),
        "rows": rows,
        "threads": threads,
        "scheduler": request.scheduler or "local",
        "wall_seconds": round(elapsed, 3),
        "worker_seconds": round(agg.seconds, 3),
        "worker_cpu_seconds": round(agg.cpu_seconds, 3),
        "peak_rss_mb": sorted(round(v / 2**20) for v in agg.workers.values()),
        "splits_after_worker_death": outcome.splits,
        "stopped": outcome.stopped,
    }


def _text(summary: dict[str, Any], out: Path) -> str:
    articles, failed = summary["articles"], summary["failed"]
    rate = articles / summary["wall_seconds"] if summary["wall_seconds"] else 0.0
    sources = summary["sources"]
    cited = sum(sources.values())
    shares = ", ".join(
        f"{sources.get(k, 0):,} {k}"
        + (f" ({100 * sources.get(k, 0) / cited:.0f}%)" if cited else "")
        for k in ("named", "institution", "document", "vague", "anonymous")
    )
    top = sorted(summary["rules"].items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    memory = ", ".join(f"{m} MB" for m in summary["peak_rss_mb"]) or "–"
    where = "local cluster" if summary["scheduler"] == "local" else summary["scheduler"]
    lines = [
        f"audited {articles:,} articles ({failed:,} failed) in {summary['wall_seconds']:.1f} s "
        f"on {_plural(summary['threads'], 'worker thread')} ({where}), {rate:.1f} articles/s",
        f"  words: {summary['words']:,}; findings: {summary['findings']:,} "
        f"({summary['findings_per_1k']:.2f} per 1,000 words); unattributed figures: "
        f"{summary['unattributed']:,} ({summary['unattributed_per_1k']:.2f} per 1,000 words)",
        f"  sources: {shares}",
        "  top rules: " + (", ".join(f"{r} {n:,}" for r, n in top) or "none"),
        f"  from the cache: {summary['cached']:,} of {articles:,} articles",
        f"  peak memory per worker: {memory}",
    ]
    if summary["splits_after_worker_death"]:
        lines.append(
            f"  a worker died {summary['splits_after_worker_death']} times; its partitions "
            "were re-run in halves"
        )
    lines.append(
        f"  results: {out}/ (articles, findings, failed as .parquet and .csv; report.html)"
    )
    return "\n".join(lines)
