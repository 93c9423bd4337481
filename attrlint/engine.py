"""Runs the pipeline: cached results first, one batched parse for the rest, checks, inline
suppression, severities and a deterministic order (DESIGN.md §2).

spaCy, the analysis and the checks are imported only when some file is not in the cache.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import TYPE_CHECKING

from attrlint import suppress
from attrlint.cache import Cache
from attrlint.config import FileSettings
from attrlint.document.model import Document
from attrlint.errors import CheckError
from attrlint.nlp import MAX_CHARS, resolve_model
from attrlint.rules import RuleSpec, load_rules
from attrlint.types import Diagnostic, Severity

if TYPE_CHECKING:
    from spacy.language import Language

    from attrlint.analysis import Analysis
    from attrlint.checks import CheckContext
    from attrlint.parse_cache import ParseCache
    from attrlint.registry.model import Registry

ALL_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
ENGINE_FAMILIES = ("LNT",)  # rules the engine itself implements, with no check or parse
# Documents longer than this (some 35,000 words) are analysed in runs of whole blocks, so that
# memory stays bounded: story-level rules then compare figures and sources within a run.
WINDOW_CHARS = 250_000


@dataclass(slots=True)
class FileResult:
    """What one file produced: diagnostics, the analysis they came from, and any internal errors."""

    path: str
    document: Document
    diagnostics: list[Diagnostic] = field(default_factory=list)
    analysis: Analysis | None = None
    errors: list[str] = field(default_factory=list)
    cached: bool = False
    registry: Registry | None = None  # the source registry the file was linted with


@dataclass(frozen=True, slots=True)
class Job:
    """A document and the settings it is linted with."""

    document: Document
    settings: FileSettings


def _pieces(document: Document) -> Iterator[tuple[int, int, str]]:
    """``(block, base, text)`` for each block, long blocks cut at whitespace below MAX_CHARS."""
    for index, block in enumerate(document.blocks):
        start, end = block.span.start, block.span.end
        while end - start > MAX_CHARS:
            cut = document.prose.rfind(". ", start, start + MAX_CHARS)
            if cut <= start:
                cut = document.prose.rfind(" ", start, start + MAX_CHARS)
            cut = cut + 1 if cut > start else start + MAX_CHARS
            yield index, start, document.prose[start:cut]
            start = cut
        yield index, start, document.prose[start:end]


def _excluded_components(rules: Sequence[RuleSpec]) -> tuple[str, ...]:
    from attrlint.checks import components_for

    needed = components_for([r.id for r in rules])
    return tuple(c for c in ALL_COMPONENTS if c not in needed)


def load_pipeline(rules: tuple[RuleSpec, ...], model: str | None) -> Language:
    """The spaCy pipeline with only the components these rules need."""
    from attrlint.nlp import get_nlp

    return get_nlp(resolve_model(model), _excluded_components(rules))


def _diagnostics(result: FileResult, rules: Sequence[RuleSpec], context: CheckContext) -> None:
    from attrlint.checks import CHECKS

    for spec in rules:
        registered = CHECKS.get(spec.id)
        if registered is None:
            continue
        try:
            for finding in registered.check(context):
                result.diagnostics.append(
                    Diagnostic(
                        rule=spec.id,
                        name=spec.name,
                        severity=finding.severity or spec.severity,
                        message=spec.template(finding.message_key).format_map(
                            {k: " ".join(v.split()) for k, v in finding.args.items()}
                        ),
                        span=finding.span,
                        fix=finding.fix,
                    )
                )
        except Exception as exc:  # a bug in one check must not hide the other rules' findings
            error = CheckError(result.path, spec.id, f"{type(exc).__name__}: {exc}")
            result.errors.append(str(error))


def _needs_parse(job: Job) -> bool:
    """Whether a job has prose and some rule that reads the parse (without importing checks)."""
    return bool(job.document.blocks) and any(
        r.family not in ENGINE_FAMILIES for r in job.settings.rules
    )


def _windows(document: Document) -> list[Document]:
    """The document, or for one longer than WINDOW_CHARS, runs of whole blocks analysed apart."""
    blocks = document.blocks
    if not blocks or blocks[-1].span.end - blocks[0].span.start <= WINDOW_CHARS:
        return [document]
    windows: list[Document] = []
    first = 0
    for last, block in enumerate(document.blocks):
        start = document.blocks[first].span.start
        if block.span.end - start > WINDOW_CHARS and last > first:
            windows.append(replace(document, blocks=document.blocks[first:last]))
            first = last
    windows.append(replace(document, blocks=document.blocks[first:]))
    return windows


def _check(
    jobs: list[Job],
    results: list[FileResult],
    indexes: list[int],
    parses: ParseCache | None = None,
    keep_analysis: bool = True,
) -> None:
    """Parse the given jobs' documents, grouped by model and components, and run their checks.

    With ``parses``, blocks parsed before (same model, components and text) are not parsed again.
    Parses stream through one ``nlp.pipe`` per group, and each document (or window of a very long
    one) is analysed and checked as soon as its blocks are parsed, then its Docs are dropped
    unless ``keep_analysis`` (the analysis holds them).
    """
    from attrlint.analysis import ParsedBlock, analyse, load_lexicon
    from attrlint.checks import CHECKS, CheckContext
    from attrlint.nlp import get_nlp, parse_texts

    groups: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for i in indexes:
        active = [r for r in jobs[i].settings.rules if r.id in CHECKS]
        if active:
            model = resolve_model(jobs[i].settings.model)
            groups.setdefault((model, _excluded_components(active)), []).append(i)
    if not groups:
        return
    lexicon = load_lexicon()
    for (model, exclude), members in groups.items():
        nlp = get_nlp(model, exclude)
        units = [(i, window) for i in members for window in _windows(jobs[i].document)]
        sizes = [sum(1 for _ in _pieces(window)) for _, window in units]
        texts = (text for _, window in units for _, _, text in _pieces(window))
        if parses is None:
            docs = parse_texts(nlp, texts)
        else:
            docs = iter(parses.parse(nlp, (model, exclude), texts))
        for (i, window), size in zip(units, sizes, strict=True):
            pieces = zip(_pieces(window), islice(docs, size), strict=True)
            parsed = [ParsedBlock(block, base, doc) for (block, base, _), doc in pieces]
            result = results[i]
            try:
                analysis = analyse(window, parsed, lexicon)
            except Exception as exc:  # a bug in the analysis loses this file's findings only
                result.errors.append(
                    f"{result.path}: internal error in the analysis: {type(exc).__name__}: {exc}"
                )
                continue
            context = CheckContext(window, analysis, lexicon, jobs[i].settings.registry)
            _diagnostics(result, jobs[i].settings.rules, context)
            whole = window is jobs[i].document  # a window's analysis is not the document's
            result.analysis = analysis if keep_analysis and whole else None


def _finish(job: Job, result: FileResult, catalogue: tuple[RuleSpec, ...]) -> None:
    """Inline suppression (and LNT001), forced severities, then position order."""
    unused = next((r for r in job.settings.rules if r.id == suppress.UNUSED), None)
    kept = suppress.apply(job.document, result.diagnostics, catalogue, unused)
    forced = dict(job.settings.severities)
    kept = [replace(d, severity=forced[d.rule]) if d.rule in forced else d for d in kept]
    result.diagnostics = sorted(kept, key=lambda d: (d.span.start, d.span.end, d.rule))


def lint_jobs(
    jobs: list[Job],
    cache: Cache | None = None,
    catalogue: tuple[RuleSpec, ...] | None = None,
    parses: ParseCache | None = None,
    workers: int = 1,
    keep_analysis: bool = True,
) -> list[FileResult]:
    """Lint every job; spaCy is loaded only if some uncached document has prose to check.

    ``catalogue`` is every rule (suppression comments may name any); default ``load_rules()``.
    ``parses`` reuses earlier parses of unchanged blocks (the language server keeps one).
    ``workers`` > 1 may check uncached files in that many processes (attrlint.parallel), which
    keep no analysis; without ``keep_analysis`` results carry none either (nor its Docs).
    """
    results = [FileResult(j.document.path, j.document, registry=j.settings.registry) for j in jobs]
    keys: dict[int, str] = {}
    pending: list[int] = []
    for i, job in enumerate(jobs):
        if not _needs_parse(job):
            continue
        if cache is not None:
            document = job.document
            model = resolve_model(job.settings.model)
            keys[i] = cache.key(document.source, document.format, job.settings.key(), model)
            hit = cache.get(keys[i])
            if hit is not None:
                results[i].diagnostics, results[i].cached = hit, True
                continue
        pending.append(i)
    if pending and not (workers > 1 and parses is None and not keep_analysis):
        _check(jobs, results, pending, parses, keep_analysis)
    elif pending:
        from attrlint.parallel import check_in_workers

        check_in_workers(jobs, results, pending, workers)
    catalogue = catalogue or load_rules()
    for i, (job, result) in enumerate(zip(jobs, results, strict=True)):
        if result.cached:
            continue
        _finish(job, result, catalogue)
        if cache is not None and i in keys and not result.errors:
            cache.put(keys[i], result.diagnostics)
    return results


def lint_documents(
    documents: list[Document],
    rules: tuple[RuleSpec, ...],
    model: str | None = None,
    registry: Registry | None = None,
) -> list[FileResult]:
    """Lint every document with one rule set: no configuration, no cache."""
    settings = FileSettings(rules=rules, model=model, registry=registry)
    return lint_jobs([Job(d, settings) for d in documents])


def worst(results: list[FileResult]) -> Severity | None:
    levels = [d.severity for r in results for d in r.diagnostics]
    return max(levels) if levels else None
