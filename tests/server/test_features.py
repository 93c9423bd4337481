"""Diagnostics, hover text and the suppression edit, checked by linting the edited text again."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from attrlint.document import load_document
from attrlint.rules import load_rules
from attrlint.server import features
from attrlint.server.positions import UTF8, UTF16, PositionMap
from attrlint.server.session import Linter
from attrlint.types import Diagnostic, Severity, Span
from tests.server.texts import EMOJI_LINE, LOADED

SPECS = {r.id: r for r in load_rules()}


@pytest.fixture(scope="module")
def linter(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    root = tmp_path_factory.mktemp("workspace")
    (root / ".git").mkdir()
    return Linter(root)


def _apply(text: str, edit: types.TextEdit, encoding: str = UTF16) -> str:
    positions = PositionMap(text, encoding)
    start = positions.offset(edit.range.start.line, edit.range.start.character)
    end = positions.offset(edit.range.end.line, edit.range.end.character)
    return text[:start] + edit.new_text + text[end:]


def _rules(linter: Linter, text: str, name: str) -> list[str]:
    return [d.rule for d in linter.lint(text, linter.root / name).diagnostics]


@pytest.mark.parametrize(("encoding", "character"), [(UTF16, 16), (UTF8, 18)])
def test_lsp_diagnostic_fields(linter: Linter, encoding: str, character: int) -> None:
    text = EMOJI_LINE + "\n"
    outcome = linter.lint(text, linter.root / "story.md")
    (found,) = features.to_lsp(outcome.diagnostics, PositionMap(text, encoding), SPECS, 7)
    assert found.range == types.Range(
        types.Position(0, character), types.Position(0, character + len("experts"))
    )
    assert (found.code, found.source) == ("SRC001", "attrlint")
    assert found.severity == types.DiagnosticSeverity.Warning
    assert found.code_description is not None
    assert found.code_description.href == SPECS["SRC001"].url
    assert found.data == {"rule": "SRC001", "version": 7}


def test_the_fix_travels_in_the_data(linter: Linter) -> None:
    text = "🌊 " + LOADED + "\n"
    outcome = linter.lint(text, linter.root / "story.md")
    (found,) = [
        d
        for d in features.to_lsp(outcome.diagnostics, PositionMap(text), SPECS, 3)
        if d.code == "VRB001"
    ]
    assert isinstance(found.data, dict)
    action = features.fix_action("file:///story.md", found, found.data, versioned=False)
    assert action is not None and action.edit is not None and action.edit.changes is not None
    assert action.title == 'Replace "claimed" with "said" (VRB001)'
    (edit,) = action.edit.changes["file:///story.md"]
    assert _apply(text, edit) == "🌊 The mayor said the repair budget was balanced.\n"


def test_hover_text_has_summary_rationale_and_link() -> None:
    spec = SPECS["SRC001"]
    diag = Diagnostic("SRC001", spec.name, Severity.WARNING, "m", Span(0, 1))
    text = features.hover_text([(spec, diag)])
    assert text.startswith("**SRC001**")
    assert spec.summary in text and spec.rationale in text and f"]({spec.url})" in text


CASES = [
    # (file name, text, rule, expected inserted text)
    (
        "story.md",
        "The council met on Monday.\n\n  Experts say the bridge is unsafe.\n",
        "SRC001",
        "The council met on Monday.\n\n  <!-- attrlint-disable-next-line SRC001 -->\n"
        "  Experts say the bridge is unsafe.\n",
    ),
    (
        "list.md",
        "Notes:\n\n- Experts say the bridge is unsafe.\n",
        "SRC001",
        "Notes:\n\n<!-- attrlint-disable-next-line SRC001 -->\n- Experts say the bridge is unsafe.\n",
    ),
    (
        "wrapped.md",
        "The council met on Monday. Engineers inspected the\nbridge, and experts say it\n"
        "will close.\n",
        "SRC001",
        "The council met on Monday. Engineers inspected the\n"
        "bridge, and experts say it <!-- attrlint-disable-line SRC001 -->\nwill close.\n",
    ),
    (
        "table.md",
        "| Bridge | Status |\n| --- | --- |\n| Dunmore | Experts say it is unsafe. |\n",
        "SRC001",
        "| Bridge | Status |\n| --- | --- |\n"
        "| Dunmore | Experts say it is unsafe. <!-- attrlint-disable-line SRC001 --> |\n",
    ),
    (
        "story.txt",
        "Bridge closure\n\n\tThe mayor claimed the budget was balanced.\r\nIt will reopen in May.\r\n",
        "VRB001",
        "Bridge closure\n\n\t# attrlint-disable-next-line VRB001\n"
        "\tThe mayor claimed the budget was balanced.\r\nIt will reopen in May.\r\n",
    ),
]


@pytest.mark.parametrize(("name", "text", "rule", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_disable_comment_suppresses_exactly_that_finding(
    linter: Linter, name: str, text: str, rule: str, expected: str
) -> None:
    before = _rules(linter, text, name)
    assert rule in before
    outcome = linter.lint(text, linter.root / name)
    diag = next(d for d in outcome.diagnostics if d.rule == rule)
    positions = PositionMap(text)
    document = load_document(text, name, outcome.document.format)
    edited = _apply(text, features.disable_edit(document, positions, diag.span.start, rule))
    assert edited == expected
    after = _rules(linter, edited, name)
    assert after == [r for r in before if r != rule]  # gone, the rest unchanged, no LNT001


def test_disable_action_uses_a_versioned_edit_when_supported(linter: Linter) -> None:
    text = "Experts say the bridge is unsafe.\n"
    outcome = linter.lint(text, linter.root / "story.md")
    (found,) = features.to_lsp(outcome.diagnostics, PositionMap(text), SPECS, 4)
    action = features.disable_action(
        "file:///s.md", found, "SRC001", text, "markdown", UTF16, 4, versioned=True
    )
    assert action.title == "Disable SRC001 for this line"
    assert action.kind == types.CodeActionKind.QuickFix
    assert action.edit is not None and action.edit.document_changes is not None
    (change,) = action.edit.document_changes
    assert isinstance(change, types.TextDocumentEdit)
    assert change.text_document.version == 4


def test_front_matter_problem_is_shown_on_the_first_line(linter: Linter) -> None:
    text = "---\nattrlint:\n  ignore: [NOPE999]\n---\nExperts say so.\n"
    outcome = linter.lint(text, Path(linter.root / "story.md"))
    assert outcome.problem is not None and "NOPE999" in outcome.problem
    found = features.problem_diagnostic(PositionMap(text), outcome.problem)
    assert found.range.end == types.Position(0, 3)
    assert found.severity == types.DiagnosticSeverity.Error
