"""Runs the pipeline over many documents: parse in one batch, analyse, check, sort (DESIGN.md §2)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from attrlint.analysis import Analysis, ParsedBlock, analyse, load_lexicon
from attrlint.checks import CHECKS, CheckContext, components_for
from attrlint.document.model import Document
from attrlint.errors import CheckError
from attrlint.nlp import MAX_CHARS, get_nlp, parse_texts, resolve_model
from attrlint.rules import RuleSpec
from attrlint.types import Diagnostic, Severity

if TYPE_CHECKING:
    from spacy.language import Language

ALL_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@dataclass(slots=True)
class FileResult:
    """What one file produced: diagnostics, the analysis they came from, and any internal errors."""

    path: str
    document: Document
    diagnostics: list[Diagnostic] = field(default_factory=list)
    analysis: Analysis | None = None
    errors: list[str] = field(default_factory=list)


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


def load_pipeline(rules: tuple[RuleSpec, ...], model: str | None) -> Language:
    """The spaCy pipeline with only the components these rules need."""
    needed = components_for([r.id for r in rules])
    exclude = tuple(c for c in ALL_COMPONENTS if c not in needed)
    return get_nlp(resolve_model(model), exclude)


def _diagnostics(result: FileResult, rules: tuple[RuleSpec, ...], context: CheckContext) -> None:
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


def lint_documents(
    documents: list[Document], rules: tuple[RuleSpec, ...], model: str | None = None
) -> list[FileResult]:
    """Lint every document; spaCy is loaded only if some document has prose to check."""
    results = [FileResult(d.path, d) for d in documents]
    active = tuple(r for r in rules if r.id in CHECKS)
    work = [(i, piece) for i, d in enumerate(documents) if active for piece in _pieces(d)]
    if not work:
        return results
    nlp = load_pipeline(active, model)
    parsed: list[list[ParsedBlock]] = [[] for _ in documents]
    docs = parse_texts(nlp, (text for _, (_, _, text) in work))
    for (doc_index, (block, base, _)), doc in zip(work, docs, strict=True):
        parsed[doc_index].append(ParsedBlock(block, base, doc))
    lexicon = load_lexicon()
    for result, pieces in zip(results, parsed, strict=True):
        if not pieces:
            continue
        result.analysis = analyse(result.document, pieces, lexicon)
        _diagnostics(result, active, CheckContext(result.document, result.analysis, lexicon))
        # one finding per rule and place, however many analysis facts led to it
        unique = {(d.rule, d.span): d for d in result.diagnostics}
        result.diagnostics = sorted(
            unique.values(), key=lambda d: (d.span.start, d.span.end, d.rule)
        )
    return results


def worst(results: list[FileResult]) -> Severity | None:
    levels = [d.severity for r in results for d in r.diagnostics]
    return max(levels) if levels else None
