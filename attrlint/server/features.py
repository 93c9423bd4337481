"""From attrlint's values to LSP's: diagnostics, hover text and code actions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from lsprotocol import types

from attrlint.document import BlockKind, Document, load_document
from attrlint.rules import RuleSpec
from attrlint.server.positions import PositionMap
from attrlint.suppress import UNUSED
from attrlint.types import Diagnostic, Severity, Span

SOURCE = "attrlint"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_MARKDOWN_INDENT = re.compile(r"[ \t]*(?:>[ \t]?)*")
_TEXT_INDENT = re.compile(r"[ \t]*")
_BREAK = re.compile(r"\r\n|\r|\n")


def lsp_range(positions: PositionMap, span: Span) -> types.Range:
    start, end = positions.position(span.start), positions.position(span.end)
    return types.Range(types.Position(*start), types.Position(*end))


def _range_data(rng: types.Range) -> dict[str, Any]:
    return {
        "start": {"line": rng.start.line, "character": rng.start.character},
        "end": {"line": rng.end.line, "character": rng.end.character},
    }


def _range_from_data(data: Any) -> types.Range | None:
    try:
        start, end = data["start"], data["end"]
        return types.Range(
            types.Position(int(start["line"]), int(start["character"])),
            types.Position(int(end["line"]), int(end["character"])),
        )
    except (KeyError, TypeError, ValueError):
        return None


def to_lsp(
    diagnostics: Iterable[Diagnostic],
    positions: PositionMap,
    specs: Mapping[str, RuleSpec],
    version: int | None,
) -> list[types.Diagnostic]:
    """LSP diagnostics; ``data`` carries the rule, the version and the fix as text edits."""
    out: list[types.Diagnostic] = []
    for diag in diagnostics:
        spec = specs.get(diag.rule)
        data: dict[str, Any] = {"rule": diag.rule, "version": version}
        if diag.fix:
            data["fix"] = [
                {"range": _range_data(lsp_range(positions, e.span)), "newText": e.replacement}
                for e in diag.fix
            ]
            data["fixTitle"] = _fix_title(positions.text, diag)
        out.append(
            types.Diagnostic(
                range=lsp_range(positions, diag.span),
                message=diag.message,
                severity=SEVERITIES[diag.severity],
                code=diag.rule,
                code_description=types.CodeDescription(href=spec.url) if spec else None,
                source=SOURCE,
                tags=[types.DiagnosticTag.Unnecessary] if diag.rule == UNUSED else None,
                data=data,
            )
        )
    return out


def problem_diagnostic(positions: PositionMap, message: str) -> types.Diagnostic:
    """An input problem (such as invalid front matter) shown on the document's first line."""
    end = positions.position(len(positions.line_text(0)))[1]
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, end)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def _fix_title(text: str, diag: Diagnostic) -> str:
    if len(diag.fix) == 1:
        edit = diag.fix[0]
        old = text[edit.span.start : edit.span.end]
        return f'Replace "{old}" with "{edit.replacement}" ({diag.rule})'
    return f"Apply the suggested fix ({diag.rule})"


def hover_text(found: Iterable[tuple[RuleSpec, Diagnostic]], markdown: bool = True) -> str:
    """The rules behind the diagnostics under the cursor: summary, rationale and a link."""
    parts = []
    for spec, diag in found:
        if markdown:
            head = f"**{spec.id}** `{spec.name}` ({diag.severity.label})"
            parts.append(f"{head}\n\n{spec.summary}\n\n{spec.rationale}\n\n[{spec.id}]({spec.url})")
        else:
            head = f"{spec.id} {spec.name} ({diag.severity.label})"
            parts.append(f"{head}\n\n{spec.summary}\n\n{spec.rationale}\n\n{spec.url}")
    return ("\n\n---\n\n" if markdown else "\n\n").join(parts)


def workspace_edit(
    uri: str, version: int | None, edits: list[types.TextEdit], versioned: bool
) -> types.WorkspaceEdit:
    """Edits to one document; versioned (``documentChanges``) where the client supports it."""
    if versioned:
        identifier = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        return types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(text_document=identifier, edits=edits)]
        )
    return types.WorkspaceEdit(changes={uri: edits})


def fix_action(
    uri: str, diag: types.Diagnostic, data: Mapping[str, Any], versioned: bool
) -> types.CodeAction | None:
    """The suggested fix carried in a diagnostic's data, as a quick fix."""
    edits = []
    for item in data.get("fix") or ():
        rng = _range_from_data(item.get("range")) if isinstance(item, dict) else None
        text = item.get("newText") if isinstance(item, dict) else None
        if rng is None or not isinstance(text, str):
            return None
        edits.append(types.TextEdit(range=rng, new_text=text))
    if not edits:
        return None
    version = data.get("version")
    return types.CodeAction(
        title=str(data.get("fixTitle") or f"Apply the suggested fix ({data.get('rule')})"),
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diag],
        is_preferred=True,
        edit=workspace_edit(uri, version if isinstance(version, int) else None, edits, versioned),
    )


def disable_edit(
    document: Document, positions: PositionMap, offset: int, rule: str
) -> types.TextEdit:
    """The suppression comment for ``rule``, for the finding that starts at ``offset``.

    Above the finding's line, ``attrlint-disable-next-line`` with the line's indentation (and
    blockquote markers), where the line starts a paragraph, heading or list item. Where the line
    continues a paragraph, or holds a table row, a comment line would split the paragraph (or end
    the table) and change how its sentences are read, so ``attrlint-disable-line`` goes at the end
    of the line's text (or of the table cell) instead.
    """
    line = positions.position(offset)[0]
    text = positions.line_text(line)
    start = positions.offset(line, 0)
    block = next((b for b in document.blocks if b.span.start <= offset <= b.span.end), None)
    if block is not None and (block.span.start < start or block.kind is BlockKind.TABLE_CELL):
        end = min(start + len(text.rstrip()), block.span.end)
        at = types.Position(*positions.position(end))
        comment = f" <!-- attrlint-disable-line {rule} -->"
        return types.TextEdit(range=types.Range(at, at), new_text=comment)
    markdown = document.format == "markdown"
    match = (_MARKDOWN_INDENT if markdown else _TEXT_INDENT).match(text)
    indent = match.group() if match else ""
    directive = f"attrlint-disable-next-line {rule}"
    comment = f"<!-- {directive} -->" if markdown else f"# {directive}"
    found = _BREAK.search(positions.text)
    newline = found.group() if found else "\n"
    at = types.Position(line, 0)
    return types.TextEdit(range=types.Range(at, at), new_text=f"{indent}{comment}{newline}")


def disable_action(
    uri: str,
    diag: types.Diagnostic,
    rule: str,
    text: str,
    fmt: str,
    encoding: str,
    version: int | None,
    versioned: bool,
) -> types.CodeAction:
    """The action "Disable RULE for this line", computed on the buffer's current text."""
    positions = PositionMap(text, encoding)
    document = load_document(text, "buffer", fmt)
    offset = positions.offset(diag.range.start.line, diag.range.start.character)
    edit = disable_edit(document, positions, offset, rule)
    return types.CodeAction(
        title=f"Disable {rule} for this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diag],
        edit=workspace_edit(uri, version, [edit], versioned),
    )
