"""End to end: pytest-lsp's client, with VS Code's capabilities, against ``attrlint server``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

from attrlint.rules import load_rules
from tests.server.lsp_client import (
    CONFIG,
    apply_edit,
    change_document,
    diagnostics,
    initialize,
    open_document,
    published,
    until,
    uri,
)
from tests.server.texts import EMOJI_LINE, LOADED, SAID

pytestmark = [
    pytest.mark.slow,
    pytest.mark.asyncio(loop_scope="module"),
    pytest.mark.filterwarnings("error::pytest_lsp.LspSpecificationWarning"),
]
SPECS = {r.id: r for r in load_rules()}
CLEAN = "The county council said the bridge would reopen in May.\n"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("newsroom")
    (root / ".git").mkdir()
    (root / "attrlint.toml").write_text('[per-file-ignores]\n"drafts/**" = ["SRC001"]\n')
    (root / "drafts").mkdir()
    (root / "broken").mkdir()
    (root / "broken" / "attrlint.toml").write_text('selct = ["SRC"]\n')
    return root


@pytest_lsp.fixture(config=CONFIG, scope="module")  # type: ignore[untyped-decorator]
async def client(lsp_client: LanguageClient, workspace: Path) -> AsyncIterator[None]:
    await initialize(lsp_client, workspace, client_capabilities("visual-studio-code"))
    yield
    await lsp_client.shutdown_session()


def _only(found: list[types.Diagnostic], rule: str) -> types.Diagnostic:
    matching = [d for d in found if d.code == rule]
    assert len(matching) == 1, found
    return matching[0]


async def _actions(
    client: LanguageClient, target: str, diag: types.Diagnostic
) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=target),
            range=diag.range,
            context=types.CodeActionContext(diagnostics=[diag]),
        )
    )
    assert result is not None
    return [a for a in result if isinstance(a, types.CodeAction)]


async def test_diagnostic_after_an_emoji_has_a_utf16_range(
    client: LanguageClient, workspace: Path
) -> None:
    target = uri(workspace / "emoji.md")
    open_document(client, target, "Flood watch\n\n" + EMOJI_LINE + "\n")
    found = _only(await diagnostics(client, target, 1), "SRC001")
    start = len("Storm ") + 2 + len(" watch: ")  # 🌊 is two UTF-16 code units
    assert found.range == types.Range(
        types.Position(2, start), types.Position(2, start + len("experts"))
    )
    assert found.source == "attrlint"
    assert found.severity == types.DiagnosticSeverity.Warning
    assert found.code_description is not None
    assert found.code_description.href == SPECS["SRC001"].url
    assert found.message.startswith("Which experts?")
    assert isinstance(found.data, dict) and found.data["rule"] == "SRC001"


async def test_hover_shows_the_rule_summary_and_rationale(
    client: LanguageClient, workspace: Path
) -> None:
    target = uri(workspace / "hover.md")
    open_document(client, target, EMOJI_LINE + "\n")
    found = _only(await diagnostics(client, target, 1), "SRC001")
    inside = types.Position(found.range.start.line, found.range.start.character + 3)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=target), position=inside)
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert SPECS["SRC001"].summary in hover.contents.value
    assert SPECS["SRC001"].rationale in hover.contents.value
    assert hover.range == found.range
    outside = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=target), position=types.Position(0, 1)
        )
    )
    assert outside is None


async def test_the_loaded_verb_quick_fix_says_said(client: LanguageClient, workspace: Path) -> None:
    target = uri(workspace / "verb.md")
    text = "🌉 Update\n\n" + LOADED + "\n"
    open_document(client, target, text)
    found = _only(await diagnostics(client, target, 1), "VRB001")
    actions = await _actions(client, target, found)
    fix = next(a for a in actions if a.is_preferred)
    assert fix.title == 'Replace "claimed" with "said" (VRB001)'
    assert fix.kind == types.CodeActionKind.QuickFix
    assert fix.edit is not None
    fixed = apply_edit(text, fix.edit, target)
    assert fixed == "🌉 Update\n\n" + SAID + "\n"
    change_document(client, target, fixed, 2)
    assert not [d for d in await diagnostics(client, target, 2) if d.code == "VRB001"]


async def test_the_disable_comment_action(client: LanguageClient, workspace: Path) -> None:
    target = uri(workspace / "disable.md")
    text = "Bridge news\n\n> Background.\n\n  " + EMOJI_LINE + " It shut in 2019.\n"
    open_document(client, target, text)
    found = _only(await diagnostics(client, target, 1), "SRC001")
    actions = await _actions(client, target, found)
    disable = next(a for a in actions if a.title == "Disable SRC001 for this line")
    assert disable.edit is not None
    edited = apply_edit(text, disable.edit, target)
    assert edited == text.replace(
        "  Storm", "  <!-- attrlint-disable-next-line SRC001 -->\n  Storm"
    )
    change_document(client, target, edited, 2)
    assert await diagnostics(client, target, 2) == []  # no SRC001, and no LNT001 either


async def test_changes_are_debounced_and_relinted(client: LanguageClient, workspace: Path) -> None:
    target = uri(workspace / "typing.md")
    open_document(client, target, CLEAN)
    assert await diagnostics(client, target, 1) == []
    typed = ""
    for version, word in enumerate(EMOJI_LINE.split(" "), start=2):
        typed = f"{typed} {word}".lstrip()
        change_document(client, target, typed + "\n", version)
    found = _only(await diagnostics(client, target, version), "SRC001")
    assert found.range.start.line == 0
    await asyncio.sleep(0.5)
    assert [p.version for p in published(client, target)] == [1, version]


async def test_the_buffer_is_linted_not_the_file(client: LanguageClient, workspace: Path) -> None:
    path = workspace / "saved.md"
    path.write_text(CLEAN, encoding="utf-8")
    target = uri(path)
    open_document(client, target, EMOJI_LINE + "\n")
    assert _only(await diagnostics(client, target, 1), "SRC001")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=target))
    )
    await until(lambda: len(published(client, target)) == 2)  # a save lints at once
    assert [d.code for d in published(client, target)[1].diagnostics] == ["SRC001"]
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=target))
    )
    assert await diagnostics(client, target, None) == []
    assert path.read_text(encoding="utf-8") == CLEAN


async def test_workspace_configuration_is_honoured_and_reread(
    client: LanguageClient, workspace: Path
) -> None:
    draft, story = uri(workspace / "drafts" / "d.md"), uri(workspace / "story.md")
    open_document(client, draft, EMOJI_LINE + "\n")
    open_document(client, story, EMOJI_LINE + "\n")
    assert await diagnostics(client, draft, 1) == []  # per-file-ignores
    assert _only(await diagnostics(client, story, 1), "SRC001")
    count = len(published(client, draft))
    (workspace / "attrlint.toml").write_text('ignore = ["SRC001"]\n')
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={}))
    await until(
        lambda: len(published(client, story)) == 2 and len(published(client, draft)) > count
    )
    assert client.diagnostics[story] == [] and client.diagnostics[draft] == []
    (workspace / "attrlint.toml").write_text("ignore = []\n")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[
                types.FileEvent(
                    uri=uri(workspace / "attrlint.toml"), type=types.FileChangeType.Changed
                )
            ]
        )
    )
    await until(
        lambda: len(published(client, story)) == 3 and len(published(client, draft)) > count + 1
    )
    assert [d.code for d in client.diagnostics[story]] == ["SRC001"]
    assert [d.code for d in client.diagnostics[draft]] == ["SRC001"]
    registered = client.registrations  # type: ignore[attr-defined]
    assert registered and registered[0].registrations[0].method == (
        types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    )


async def test_front_matter_settings_apply(client: LanguageClient, workspace: Path) -> None:
    target = uri(workspace / "front.md")
    open_document(client, target, "---\nattrlint:\n  ignore: [SRC001]\n---\n" + EMOJI_LINE + "\n")
    assert await diagnostics(client, target, 1) == []


async def test_a_bad_configuration_is_shown_not_raised(
    client: LanguageClient, workspace: Path
) -> None:
    target = uri(workspace / "broken" / "story.md")
    open_document(client, target, EMOJI_LINE + "\n")
    assert await diagnostics(client, target, 1) == []
    shown = [m.message for m in client.messages if "selct" in m.message]
    assert shown and shown[0].startswith("attrlint: ") and "did you mean 'select'" in shown[0]
    assert "Traceback" not in "".join(m.message for m in client.log_messages)
