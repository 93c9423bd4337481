"""Whole sessions with Neovim's and Emacs's capabilities; the file on disk is never touched."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

from attrlint.server.positions import PositionMap
from tests.server.lsp_client import (
    CONFIG,
    change_document,
    diagnostics,
    initialize,
    open_document,
    uri,
)
from tests.server.texts import ARTICLE, EMOJI_LINE

pytestmark = [pytest.mark.slow, pytest.mark.asyncio]

TEXT = EMOJI_LINE + "\n\n" + ARTICLE
# Neovim 0.11 prefers UTF-8 and sends no documentChanges; Emacs 29 (eglot) prefers UTF-32 and
# does not send a diagnostic's data back with a code action request.
CLIENTS = {"neovim": "utf-8", "emacs": "utf-32"}
PAST = 1_600_000_000_000_000_000  # an mtime (ns) in the past, so that any write would show


def _disk_state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    path = tmp_path / "story.md"
    path.write_text(TEXT, encoding="utf-8")
    os.utime(path, ns=(PAST, PAST))
    return path


@pytest_lsp.fixture(config=CONFIG, params=sorted(CLIENTS))  # type: ignore[untyped-decorator]
async def client(
    lsp_client: LanguageClient, request: pytest.FixtureRequest, story: Path
) -> AsyncIterator[None]:
    result = await initialize(lsp_client, story.parent, client_capabilities(request.param))
    assert result.capabilities.position_encoding == CLIENTS[request.param]
    yield
    await lsp_client.shutdown_session()
    assert _disk_state(story) == (TEXT.encode("utf-8"), PAST)


async def test_a_session_in_another_editor(client: LanguageClient, story: Path) -> None:
    assert client.capabilities is not None
    utf8 = _prefers(client.capabilities) == "utf-8"  # Neovim; else Emacs, UTF-32
    target = uri(story)
    open_document(client, target, TEXT)
    found = await diagnostics(client, target, 1)
    first = next(d for d in found if d.code == "SRC001")
    assert first.range.start == types.Position(0, 18 if utf8 else 15)  # 🌊: 4 bytes, 1 char
    loaded = next(d for d in found if d.code == "VRB001")
    sent = (
        loaded
        if utf8
        else types.Diagnostic(  # eglot: no data comes back
            range=loaded.range, message=loaded.message, code=loaded.code, source=loaded.source
        )
    )
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=target),
            range=loaded.range,
            context=types.CodeActionContext(diagnostics=[sent]),
        )
    )
    assert actions is not None
    fix = next(a for a in actions if isinstance(a, types.CodeAction) and a.is_preferred)
    assert fix.edit is not None
    if utf8:
        assert fix.edit.changes is not None and fix.edit.document_changes is None
        (edit,) = fix.edit.changes[target]
    else:
        assert fix.edit.document_changes is not None
        (change,) = fix.edit.document_changes
        assert isinstance(change, types.TextDocumentEdit) and change.text_document.version == 1
        (edit,) = [e for e in change.edits if isinstance(e, types.TextEdit)]
    positions = PositionMap(TEXT, "utf-8" if utf8 else "utf-32")
    start = positions.offset(edit.range.start.line, edit.range.start.character)
    end = positions.offset(edit.range.end.line, edit.range.end.character)
    assert TEXT[start:end] == "claimed"
    fixed = TEXT[:start] + edit.new_text + TEXT[end:]
    change_document(client, target, fixed, 2)
    after = [d for d in await diagnostics(client, target, 2) if d.code == "VRB001"]
    assert len(after) == len([d for d in found if d.code == "VRB001"]) - 1
    assert loaded.range.start not in [d.range.start for d in after]
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=target))
    )
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=target))
    )
    assert await diagnostics(client, target, None) == []
    assert _disk_state(story) == (TEXT.encode("utf-8"), PAST)


def _prefers(capabilities: types.ClientCapabilities) -> str | None:
    encodings = capabilities.general.position_encodings if capabilities.general else None
    return str(encodings[0]) if encodings else None
