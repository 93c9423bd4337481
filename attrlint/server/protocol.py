"""The pygls language server: diagnostics, hover and code actions over stdio.

Buffers are linted as the editor holds them (full-text sync; the file on disk is never read or
written) on one worker thread, so that spaCy and its memory zones are used by one thread only and
the protocol stays responsive. A change is linted after ``debounce`` seconds of quiet; an open,
a save or a configuration change at once.
"""

from __future__ import annotations

import asyncio
import contextlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from attrlint import __version__
from attrlint.config import CONFIG_FILES
from attrlint.errors import AttrlintError
from attrlint.rules import RuleSpec
from attrlint.server import features
from attrlint.server.positions import PositionMap
from attrlint.server.session import Linter, Outcome, document_format
from attrlint.types import Diagnostic

WATCH_ID = "attrlint-config-files"
CONFIG_GLOB = "**/{" + ",".join(CONFIG_FILES) + "}"


@dataclass(frozen=True, slots=True)
class Buffer:
    """An open document as the editor last sent it."""

    text: str
    version: int | None
    language_id: str | None


@dataclass(frozen=True, slots=True)
class Published:
    """The last lint published for a document, kept for hover and code actions."""

    version: int | None
    positions: PositionMap
    outcome: Outcome
    diagnostics: tuple[types.Diagnostic, ...]  # one for each of ``outcome.diagnostics``
    problem: types.Diagnostic | None = None

    @property
    def sent(self) -> list[types.Diagnostic]:
        return ([self.problem] if self.problem is not None else []) + list(self.diagnostics)


def _path(uri: str) -> Path | None:
    path = to_fs_path(uri) if uri.startswith("file:") else None
    return Path(path) if path else None


def _settings_value(settings: Any, key: str) -> Any:
    """``settings.attrlint.key`` or ``settings.key`` from initialisation options or settings."""
    if isinstance(settings, dict):
        section = settings.get("attrlint", settings)
        if isinstance(section, dict):
            return section.get(key)
    return None


class AttrlintServer(LanguageServer):
    """attrlint's language server; handlers are registered by :func:`create_server`."""

    def __init__(self, debounce: float) -> None:
        super().__init__(
            "attrlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.debounce = debounce
        self.linter: Linter | None = None
        self.buffers: dict[str, Buffer] = {}
        self.published: dict[str, Published] = {}
        self.timers: dict[str, asyncio.Task[None]] = {}
        self.lint_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="attrlint-lint")
        self.specs: dict[str, RuleSpec] = {}
        self.shown: set[str] = set()

    # --- reporting (never a traceback) ------------------------------------------------------

    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=f"attrlint: {message}"))

    def problem(self, message: str) -> None:
        """Log an error, and show it once (until the configuration is re-read)."""
        self.log(message, types.MessageType.Error)
        if message not in self.shown:
            self.shown.add(message)
            self.window_show_message(
                types.ShowMessageParams(
                    type=types.MessageType.Error, message=f"attrlint: {message}"
                )
            )

    def internal(self, where: str, exc: BaseException) -> None:
        self.problem(f"internal error in {where}: {type(exc).__name__}: {exc}")

    # --- settings ---------------------------------------------------------------------------

    def apply_settings(self, settings: Any) -> None:
        value = _settings_value(settings, "debounceMs")
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
            self.debounce = min(float(value), 10_000.0) / 1000

    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding
        return str(getattr(encoding, "value", encoding) or types.PositionEncodingKind.Utf16.value)

    def client_supports(self, *path: str) -> bool:
        node: Any = self.client_capabilities
        for name in path:
            node = getattr(node, name, None)
            if node is None:
                return False
        return bool(node)

    # --- linting ----------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing any lint still waiting for it."""
        pending = self.timers.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self.timers[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    def relint_all(self) -> None:
        for uri in list(self.buffers):
            self.schedule(uri, 0)

    async def _lint_later(self, uri: str, delay: float) -> None:
        try:
            if delay > 0:
                await asyncio.sleep(delay)
            await self.lint(uri)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug: tell the client, keep serving
            self.internal(f"linting {uri}", exc)

    async def lint(self, uri: str) -> None:
        buffer, linter = self.buffers.get(uri), self.linter
        if buffer is None or linter is None:
            return
        loop = asyncio.get_running_loop()
        try:
            outcome = await loop.run_in_executor(
                self.lint_thread, linter.lint, buffer.text, _path(uri), buffer.language_id
            )
        except AttrlintError as exc:
            self.problem(str(exc))
            self.publish(uri, buffer.version, [])
            return
        if self.buffers.get(uri) is not buffer:
            return  # the buffer changed while it was linted; a newer lint is scheduled
        for message in outcome.errors:
            self.problem(message)
        positions = PositionMap(buffer.text, self.encoding)
        found = features.to_lsp(outcome.diagnostics, positions, self.specs, buffer.version)
        problem = None
        if outcome.problem is not None:
            problem = features.problem_diagnostic(positions, outcome.problem)
        published = Published(buffer.version, positions, outcome, tuple(found), problem)
        self.published[uri] = published
        self.publish(uri, buffer.version, published.sent)

    def publish(self, uri: str, version: int | None, found: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version)
        )

    def close(self, uri: str) -> None:
        pending = self.timers.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self.buffers.pop(uri, None)
        self.published.pop(uri, None)
        self.publish(uri, None, [])

    def reload(self) -> None:
        """Re-read the configuration files and lint every open buffer again."""
        self.shown.clear()
        if self.linter is not None:
            self.linter.reload()
        self.relint_all()

    # --- hover and code actions -------------------------------------------------------------

    def under(
        self, published: Published, position: types.Position
    ) -> list[tuple[RuleSpec, Diagnostic, types.Range]]:
        """The published findings at ``position``, with their rule and LSP range."""
        offset = published.positions.offset(position.line, position.character)
        return [
            (spec, d, sent.range)
            for d, sent in zip(published.outcome.diagnostics, published.diagnostics, strict=True)
            if (d.span.start <= offset < d.span.end or d.span.start == d.span.end == offset)
            and (spec := self.specs.get(d.rule)) is not None
        ]

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        published = self.published.get(params.text_document.uri)
        hits = self.under(published, params.position) if published is not None else []
        if not hits:
            return None
        formats = getattr(
            getattr(getattr(self.client_capabilities, "text_document", None), "hover", None),
            "content_format",
            None,
        )
        markdown = formats is None or types.MarkupKind.Markdown in formats
        text = features.hover_text(((spec, d) for spec, d, _ in hits), markdown)
        kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
        return types.Hover(contents=types.MarkupContent(kind=kind, value=text), range=hits[0][2])

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        only = params.context.only
        quickfix = types.CodeActionKind.QuickFix.value
        if only and not any(k in ("", quickfix) or quickfix.startswith(f"{k}.") for k in only):
            return []
        uri = params.text_document.uri
        buffer = self.buffers.get(uri)
        if buffer is None:
            return []
        versioned = self.client_supports("workspace", "workspace_edit", "document_changes")
        fmt = document_format(str(_path(uri) or ""), buffer.language_id)
        fixes: list[types.CodeAction] = []
        disables: list[types.CodeAction] = []
        seen: set[tuple[str, int]] = set()
        for diag in params.context.diagnostics:
            if diag.source != features.SOURCE or not isinstance(diag.code, str):
                continue
            data = diag.data if isinstance(diag.data, dict) else self._stored_data(uri, diag)
            if data.get("fix") and data.get("version") == buffer.version:
                action = features.fix_action(uri, diag, data, versioned)
                if action is not None:
                    fixes.append(action)
            if (diag.code, diag.range.start.line) not in seen:
                seen.add((diag.code, diag.range.start.line))
                disables.append(
                    features.disable_action(
                        uri,
                        diag,
                        diag.code,
                        buffer.text,
                        fmt,
                        self.encoding,
                        buffer.version,
                        versioned,
                    )
                )
        return fixes + disables

    def _stored_data(self, uri: str, diag: types.Diagnostic) -> dict[str, Any]:
        """The data of a published diagnostic, for clients that do not send it back."""
        published = self.published.get(uri)
        for mine in published.sent if published is not None else ():
            if mine.code == diag.code and mine.range == diag.range and isinstance(mine.data, dict):
                return mine.data
        return {}


def create_server(debounce: float = 0.3) -> AttrlintServer:
    """The server with its handlers registered; ``start_io()`` runs it on stdio."""
    server = AttrlintServer(debounce)

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        try:
            from attrlint.rules import load_rules

            folders = params.workspace_folders or []
            root = (
                _path(folders[0].uri)
                if folders
                else (_path(params.root_uri) if params.root_uri else None)
            )
            if root is None and params.root_path:
                root = Path(params.root_path)
            server.apply_settings(params.initialization_options)
            server.linter = Linter(root or Path.cwd())
            server.specs = {r.id: r for r in load_rules()}
        except Exception as exc:
            server.internal("initialize", exc)

    @server.feature(types.INITIALIZED)
    async def initialized(params: types.InitializedParams) -> None:
        if server.client_supports("workspace", "did_change_watched_files", "dynamic_registration"):
            watcher = types.FileSystemWatcher(glob_pattern=CONFIG_GLOB)
            registration = types.Registration(
                id=WATCH_ID,
                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions([watcher]),
            )
            try:
                await server.client_register_capability_async(
                    types.RegistrationParams(registrations=[registration])
                )
            except Exception as exc:  # the client refused: config changes need a reload
                server.log(f"could not watch configuration files: {exc}")
        linter = server.linter
        if linter is not None:
            try:
                await asyncio.get_running_loop().run_in_executor(server.lint_thread, linter.warm)
            except AttrlintError as exc:
                server.problem(str(exc))
            except Exception as exc:
                server.internal("loading the model", exc)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        doc = params.text_document
        server.buffers[doc.uri] = Buffer(doc.text, doc.version, doc.language_id)
        server.schedule(doc.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        old = server.buffers.get(uri)
        whole = [
            c
            for c in params.content_changes
            if isinstance(c, types.TextDocumentContentChangeWholeDocument)
        ]
        if whole and len(whole) == len(params.content_changes):
            text = whole[-1].text
        else:  # a client sending ranges despite full sync: pygls has applied them
            text = server.workspace.get_text_document(uri).source
        language = old.language_id if old is not None else None
        server.buffers[uri] = Buffer(text, params.text_document.version, language)
        server.schedule(uri, server.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = _path(uri)
        if path is not None and path.name in CONFIG_FILES:
            server.reload()
        elif uri in server.buffers:
            server.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        server.close(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(params: types.DidChangeConfigurationParams) -> None:
        server.apply_settings(params.settings)
        pull = _settings_value(params.settings, "debounceMs") is None
        if pull and server.client_supports("workspace", "configuration"):
            item = types.ConfigurationItem(section="attrlint")
            try:  # clients that send no settings expect to be asked for them
                values = await server.workspace_configuration_async(
                    types.ConfigurationParams(items=[item])
                )
                server.apply_settings({"attrlint": values[0] if values else None})
            except Exception as exc:
                server.log(f"could not read the client's settings: {exc}")
        server.reload()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        names = {(_path(change.uri) or Path()).name for change in params.changes}
        if names & set(CONFIG_FILES):
            server.reload()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        try:
            return server.hover(params)
        except Exception as exc:
            server.internal("hover", exc)
            return None

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        try:
            return server.code_actions(params)
        except Exception as exc:
            server.internal("code actions", exc)
            return None

    @server.feature(types.SHUTDOWN)
    def shutdown(params: None) -> None:
        for task in server.timers.values():
            task.cancel()
        server.timers.clear()
        with contextlib.suppress(Exception):
            server.lint_thread.shutdown(wait=False, cancel_futures=True)

    return server
