"""A real LSP client (pytest-lsp) driving ``python -m attrlint server`` in a subprocess."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER = [sys.executable, "-m", "attrlint", "server", "--debounce-ms", "250"]
TIMEOUT = 120.0  # the first lint loads the model


def _make_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics (with its version)."""
    client = LanguageClient(converter_factory=default_converter)
    published: dict[str, list[types.PublishDiagnosticsParams]] = {}
    registrations: list[types.RegistrationParams] = []

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = list(params.diagnostics)
        published.setdefault(params.uri, []).append(params)

    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        registrations.append(params)

    features = {
        **DEFAULT_CLIENT_FEATURES,
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
        types.CLIENT_REGISTER_CAPABILITY: register,
    }
    register_lsp_features(client, features)
    client.published = published  # type: ignore[attr-defined]
    client.registrations = registrations  # type: ignore[attr-defined]
    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=_make_client)


def uri(path: Path) -> str:
    found = from_fs_path(str(path))
    assert isinstance(found, str)
    return found


def published(client: LanguageClient, target: str) -> list[types.PublishDiagnosticsParams]:
    found: dict[str, list[types.PublishDiagnosticsParams]] = client.published  # type: ignore[attr-defined]
    return found.get(target, [])


async def diagnostics(
    client: LanguageClient, target: str, version: int | None
) -> list[types.Diagnostic]:
    """The diagnostics published for ``target`` at ``version``, waiting for them."""

    async def wait() -> list[types.Diagnostic]:
        while True:
            for params in reversed(published(client, target)):
                if params.version == version:
                    return list(params.diagnostics)
            await asyncio.sleep(0.02)

    return await asyncio.wait_for(wait(), TIMEOUT)


async def until(condition: Callable[[], bool]) -> None:
    """Wait (at most TIMEOUT seconds) until ``condition()`` holds."""

    async def wait() -> None:
        while not condition():
            await asyncio.sleep(0.02)

    await asyncio.wait_for(wait(), TIMEOUT)


async def initialize(
    client: LanguageClient,
    root: Path,
    capabilities: types.ClientCapabilities,
    options: Any = None,
) -> types.InitializeResult:
    return await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities,
            root_uri=uri(root),
            workspace_folders=[types.WorkspaceFolder(uri=uri(root), name="news")],
            initialization_options=options,
        )
    )


def open_document(
    client: LanguageClient, target: str, text: str, version: int = 1, language: str = "markdown"
) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=target, language_id=language, version=version, text=text
            )
        )
    )


def change_document(client: LanguageClient, target: str, text: str, version: int) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=target, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def apply_edit(text: str, edit: types.WorkspaceEdit, target: str) -> str:
    """Apply a workspace edit's changes to ``target`` as a client would (UTF-16 positions)."""
    from attrlint.server.positions import PositionMap

    edits: list[types.TextEdit] = []
    if edit.document_changes:
        for change in edit.document_changes:
            assert isinstance(change, types.TextDocumentEdit)
            assert change.text_document.uri == target
            edits += [e for e in change.edits if isinstance(e, types.TextEdit)]
    elif edit.changes:
        edits = list(edit.changes[target])
    positions = PositionMap(text)
    spans = [
        (
            positions.offset(e.range.start.line, e.range.start.character),
            positions.offset(e.range.end.line, e.range.end.character),
            e.new_text,
        )
        for e in edits
    ]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text
