"""What must hold for any input, checked by the property tests and by ``benchmarks/fuzz.py``.

Each check raises AssertionError with a short reason.
"""

from __future__ import annotations

import json
from itertools import pairwise

from attrlint.document import MAX_BLOCK_CHARS, Document
from attrlint.engine import FileResult
from attrlint.report import FORMATS, Report, render
from attrlint.rules import RuleSpec
from tests.robustness import views

BREAK_CHARS = "\r\n"


def naive_positions(text: str) -> list[tuple[int, int]]:
    """(line, column) of every offset 0..len(text), counted one character at a time."""
    out: list[tuple[int, int]] = []
    line, column = 1, 1
    for index, char in enumerate(text):
        out.append((line, column))
        if char == "\n" or (char == "\r" and text[index + 1 : index + 2] != "\n"):
            line, column = line + 1, 1
        else:
            column += 1
    out.append((line, column))
    return out


def check_document(document: Document) -> None:
    """The prose mask, blocks, comments and line table agree with the source."""
    source, prose = document.source, document.prose
    assert len(prose) == len(source), "prose and source differ in length"
    for index, (kept, original) in enumerate(zip(prose, source, strict=True)):
        if original in BREAK_CHARS:
            assert kept == original, f"line break at {index} not kept"
        elif kept != " ":
            assert kept == original, f"prose invents {kept!r} at {index}"
    for block in document.blocks:
        start, end = block.span.start, block.span.end
        assert 0 <= start < end <= len(source), f"block {start}:{end} outside the source"
        assert end - start <= MAX_BLOCK_CHARS, f"block {start}:{end} over the limit"
        text = prose[start:end]
        assert text.strip() == text and text, f"block {start}:{end} not trimmed"
    for first, second in pairwise(document.blocks):
        assert first.span.end <= second.span.start, "blocks overlap or are out of order"
    for comment in document.comments:
        assert 0 <= comment.span.start < comment.span.end <= len(source), "comment outside"
    positions = naive_positions(source)
    for offset in range(0, len(source) + 1, max(1, len(source) // 50)):
        assert document.lines.position(offset) == positions[offset], f"line table at {offset}"


def check_result(result: FileResult, rules: tuple[RuleSpec, ...]) -> None:
    """Diagnostics point at their excerpts and every format states the same positions."""
    assert not result.errors, result.errors
    source = result.document.source
    positions = naive_positions(source)
    if result.analysis is not None:
        numbers = result.analysis.numbers
        assert all(a.sentence <= b.sentence for a, b in pairwise(numbers)), "numbers unordered"
        sentences = result.analysis.sentences
        assert all(a.span.end <= b.span.start for a, b in pairwise(sentences)), "sentences"
    report = Report([result], rules)
    payload = json.loads(render("json", report))
    (entry,) = payload["files"]
    for diag in entry["diagnostics"]:
        start, end = diag["offset"], diag["end_offset"]
        assert 0 <= start < end <= len(source), f"{diag['rule']} span {start}:{end}"
        excerpt = source[start:end]
        assert diag["excerpt"] == excerpt, f"{diag['rule']} excerpt is not the source slice"
        assert excerpt.strip() == excerpt, f"{diag['rule']} excerpt {excerpt!r} not trimmed"
        assert (diag["line"], diag["column"]) == positions[start], f"{diag['rule']} start"
        assert (diag["end_line"], diag["end_column"]) == positions[end], f"{diag['rule']} end"
    spans = views.from_json(render("json", report))
    assert views.from_text(render("text", report)) == views.starts(spans), "text and JSON differ"
    if "sarif" in FORMATS:
        assert views.from_sarif(render("sarif", report)) == spans, "SARIF and JSON differ"
