"""What a Dask worker runs: read a partition's articles and lint them through the engine.

Each worker process builds its configuration once per audit run and loads the spaCy model once
(``attrlint.nlp.get_nlp`` is cached per process), so a task carries only article ids, paths or
text. Articles are linted exactly as ``attrlint check`` lints them: the same ``Resolver`` (config
files, front matter, profiles, command-line options), the same ``lint_jobs`` and the same cache.
"""

from __future__ import annotations

import functools
import json
import os
import re
import resource
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from attrlint.analysis.model import SourceKind
from attrlint.analysis.summary import summarise_sources
from attrlint.audit.model import (
    Article,
    ArticleRow,
    Failure,
    Finding,
    Meta,
    ParquetSlice,
    Partition,
    PartitionResult,
    TaskError,
)
from attrlint.audit.values import month_of, row_article, text_value, undecodable
from attrlint.cache import FORMAT, Cache, atomic_write
from attrlint.config import Options, Resolver, front_matter_options
from attrlint.document import Document, load_document, read_document
from attrlint.engine import FileResult, Job, lint_jobs
from attrlint.errors import AttrlintError, InputError
from attrlint.nlp import resolve_model
from attrlint.report.positions import locate
from attrlint.rules import RuleSpec, load_rules

WORD = re.compile(r"\b\w+\b")  # as benchmarks/flag_rates.py counts words
SOURCE_GROUPS = {
    SourceKind.NAMED_PERSON: "named",
    SourceKind.NAMED_ORGANISATION: "named",
    SourceKind.INSTITUTION: "institution",
    SourceKind.DOCUMENT: "document",
    SourceKind.VAGUE_GROUP: "vague",
    SourceKind.ANONYMOUS: "anonymous",
}
SOURCE_COLUMNS = ("named", "institution", "document", "vague", "anonymous")


@dataclass(frozen=True, slots=True)
class Setup:
    """What every worker needs to lint as ``check`` would; ``run`` is unique to one audit."""

    run: str
    cwd: str
    options: Options
    config: str | None
    isolated: bool
    cache_dir: str | None


class FactStore:
    """Per-article source counts beside the diagnostics cache, under the same content-hash key.

    The diagnostics cache holds diagnostics only; the audit also needs what the analysis saw, so
    that a fully cached article is never parsed again.
    """

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        self.root = cache.root / f"v{FORMAT}" / "audit"

    def get(self, key: str) -> dict[str, int] | None:
        try:
            data = json.loads((self.root / key[:2] / f"{key}.json").read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or set(data) != set(SOURCE_COLUMNS):
            return None
        return {k: int(v) for k, v in data.items()}

    def put(self, key: str, facts: dict[str, int]) -> None:
        try:
            atomic_write(self.root / key[:2] / f"{key}.json", json.dumps(facts).encode())
        except OSError as exc:
            self.cache.problem = self.cache.problem or f"{self.cache.root}: {exc.strerror or exc}"


@dataclass(frozen=True, slots=True)
class Context:
    resolver: Resolver
    rules: tuple[RuleSpec, ...]
    cache: Cache | None
    facts: FactStore | None


@functools.lru_cache(maxsize=2)
def context(setup: Setup) -> Context:
    """The configuration for one audit run, built once per worker process."""
    cache = Cache(Path(setup.cache_dir)) if setup.cache_dir else None
    rules = cache.rules() if cache is not None else load_rules()
    explicit = Path(setup.config) if setup.config else None
    resolver = Resolver(rules, setup.options, Path(setup.cwd), explicit, setup.isolated, cache)
    return Context(resolver, rules, cache, FactStore(cache) if cache is not None else None)


def probe(setup: Setup) -> str:
    """Run on every worker before the audit: configuration and model must be usable there."""
    try:
        context(setup)
        return resolve_model(setup.options.model)
    except AttrlintError as exc:
        raise TaskError(str(exc)) from None


def lint_partition(partition: Partition, setup: Setup) -> PartitionResult:
    """Lint one partition; an article that cannot be read or linted becomes a Failure."""
    started, cpu = time.perf_counter(), time.process_time()
    try:
        ctx = context(setup)
    except AttrlintError as exc:
        raise TaskError(str(exc)) from None
    result = PartitionResult(partition.key, worker=os.getpid())
    loaded: list[tuple[Article, Job, Path | None]] = []
    for article in read_articles(partition):
        try:
            job, path = _job(article, partition.text_format, ctx)
        except InputError as exc:
            result.failed.append(Failure(article.id, article.path, exc.reason))
            continue
        except AttrlintError as exc:  # configuration: not this article's problem alone
            raise TaskError(str(exc)) from None
        except Exception as exc:  # a bug reading one article must not stop the others
            reason = f"internal error: {type(exc).__name__}: {exc}"
            result.failed.append(Failure(article.id, article.path, reason))
            continue
        loaded.append((article, job, path))
    linted = _lint([job for _, job, _ in loaded], ctx)
    facts = _facts([job for _, job, _ in loaded], linted, ctx)
    for (article, job, _), outcome, sources in zip(loaded, linted, facts, strict=True):
        if isinstance(outcome, str):
            result.failed.append(Failure(article.id, article.path, outcome))
            continue
        if outcome.errors:
            result.failed.append(Failure(article.id, article.path, "; ".join(outcome.errors)))
            continue
        result.articles.append(_row(article, job.document, outcome, sources))
        result.findings.extend(_findings(article.id, job.document, outcome))
    if ctx.cache is not None:
        result.cache_problem = ctx.cache.problem
    result.peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu
    return result


def read_articles(partition: Partition) -> list[Article]:
    """The partition's articles; a Parquet slice is read here, on the worker."""
    if partition.parquet is None:
        return list(partition.articles)
    return parquet_articles(partition.parquet)


def parquet_articles(part: ParquetSlice) -> list[Article]:
    import pyarrow.parquet as pq

    table = pq.ParquetFile(part.path).read_row_group(part.row_group, columns=part.columns.wanted())
    rows = table.slice(part.start, part.stop - part.start).to_pylist()
    first = part.first_row + part.start + 1
    return [
        row_article(row, part.columns, f"{part.display}:{first + i}") for i, row in enumerate(rows)
    ]


def _job(article: Article, text_format: str | None, ctx: Context) -> tuple[Job, Path | None]:
    """Read and decode the article, then resolve its settings as ``check`` does."""
    if article.error is not None:
        raise InputError(article.id, article.error)
    path: Path | None = None
    if article.path is not None:
        path = Path(article.path)
        document = read_document(path, article.id)
    elif article.text is None:
        raise InputError(article.id, "no text (the text column is empty or missing)")
    elif undecodable(article.text):
        raise InputError(article.id, "text is not valid UTF-8")
    else:
        document = load_document(article.text, article.id, text_format)
    if not document.source.strip():
        raise InputError(article.id, "no text (empty file)" if path else "no text (blank)")
    front = front_matter_options(document, ctx.resolver.catalogue)
    return Job(document, ctx.resolver.settings_for(path, front)), path


def _lint(jobs: list[Job], ctx: Context) -> list[FileResult | str]:
    """``lint_jobs`` on the batch; if it raises, article by article, so one bad text fails alone."""
    try:
        return list(lint_jobs(jobs, ctx.cache, ctx.rules))
    except AttrlintError as exc:
        raise TaskError(str(exc)) from None
    except Exception:
        pass
    out: list[FileResult | str] = []
    for job in jobs:
        try:
            out.extend(lint_jobs([job], ctx.cache, ctx.rules))
        except AttrlintError as exc:
            raise TaskError(str(exc)) from None
        except Exception as exc:  # one article that breaks the pipeline: record it, go on
            out.append(f"internal error: {type(exc).__name__}: {exc}")
    return out


def _key(job: Job, cache: Cache) -> str:
    """The diagnostics cache key of a job, computed as ``lint_jobs`` computes it."""
    document, settings = job.document, job.settings
    model = resolve_model(settings.model)
    return cache.key(document.source, document.format, settings.key(), model)


def _facts(jobs: list[Job], linted: list[FileResult | str], ctx: Context) -> list[dict[str, int]]:
    """Sources per kind for each article: from the analysis, or stored beside a cached result."""
    out: list[dict[str, int]] = [dict.fromkeys(SOURCE_COLUMNS, 0) for _ in jobs]
    missing: list[int] = []
    for i, outcome in enumerate(linted):
        if isinstance(outcome, str):
            continue
        if outcome.analysis is not None:
            out[i] = count_sources(outcome)
            if ctx.facts is not None:
                ctx.facts.put(_key(jobs[i], ctx.facts.cache), out[i])
        elif outcome.cached and ctx.facts is not None:
            stored = ctx.facts.get(_key(jobs[i], ctx.facts.cache))
            if stored is None:
                missing.append(i)
            else:
                out[i] = stored
    if missing and ctx.facts is not None:  # cached by `check`, never audited: parse once more
        again = _lint([jobs[i] for i in missing], Context(ctx.resolver, ctx.rules, None, None))
        for i, outcome in zip(missing, again, strict=True):
            if not isinstance(outcome, str) and outcome.analysis is not None:
                out[i] = count_sources(outcome)
                ctx.facts.put(_key(jobs[i], ctx.facts.cache), out[i])
    return out


def count_sources(result: FileResult) -> dict[str, int]:
    counts = dict.fromkeys(SOURCE_COLUMNS, 0)
    if result.analysis is not None:
        for source in summarise_sources(result.analysis):
            group = SOURCE_GROUPS.get(source.kind)
            if group is not None:
                counts[group] += 1
    return counts


def _row(
    article: Article, document: Document, result: FileResult, sources: dict[str, int]
) -> ArticleRow:
    meta = article.meta
    if article.path is not None:  # a file: its front matter or first line may say more
        meta = _file_meta(meta, document)
    rules = Counter(d.rule for d in result.diagnostics)
    return ArticleRow(
        id=article.id,
        path=article.path,
        meta=meta,
        month=month_of(meta.published),
        words=len(WORD.findall(document.prose)),
        rules=dict(rules),
        sources=sources,
        cached=result.cached,
    )


def _findings(ident: str, document: Document, result: FileResult) -> list[Finding]:
    out = []
    for d in result.diagnostics:
        at = locate(document, d.span)
        excerpt = document.excerpt(d.span)
        out.append(
            Finding(
                ident,
                d.rule,
                d.name,
                d.severity.label,
                at.line,
                at.column,
                at.end_line,
                at.end_column,
                d.span.start,
                d.span.end,
                d.message,
                excerpt,
            )
        )
    return out


def _file_meta(meta: Meta, document: Document) -> Meta:
    """Headline, author, date (and desk at the top level) from front matter; else the first line."""
    front: dict[str, Any] = {}
    if document.front_matter:
        try:
            data = yaml.safe_load(document.front_matter)
        except yaml.YAMLError:
            data = None
        front = data if isinstance(data, dict) else {}

    def first(*keys: str) -> str | None:
        return next((v for k in keys if (v := text_value(front.get(k))) is not None), None)

    headline = first("title", "headline")
    if headline is None and document.blocks:
        block = document.blocks[0].span
        line = document.source[block.start : block.end].strip().splitlines()[:1]
        headline = " ".join(line[0].lstrip("#").split())[:200] if line else None
    return Meta(
        headline=headline or None,
        author=first("author", "byline", "authors"),
        desk=meta.desk or first("desk", "section", "category"),
        published=first("date", "published", "publish_date", "pubdate"),
        url=first("url", "link", "canonical_url"),
    )
