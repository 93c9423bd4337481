"""``attrlint server``: a language server (LSP over stdio) for editors; needs ``attrlint[lsp]``.

Diagnostics on open, change (debounced) and save; hover with the rule's rationale; quick fixes
and "Disable RULE for this line". See ``attrlint.server.protocol``.
"""

from __future__ import annotations

import logging
import sys

from attrlint.errors import AttrlintError

LSP_HINT = "pip install 'attrlint[lsp]'"
DEFAULT_DEBOUNCE_MS = 300


class _Plain(logging.Formatter):
    """Log lines without tracebacks: the client shows stderr to users."""

    def format(self, record: logging.LogRecord) -> str:
        plain = logging.makeLogRecord(
            {**record.__dict__, "exc_info": None, "exc_text": None, "stack_info": None}
        )
        return super().format(plain)


def serve(debounce_ms: int = DEFAULT_DEBOUNCE_MS) -> None:
    """Run the server on standard input and output until the client says ``exit``."""
    try:
        from attrlint.server.protocol import create_server
    except ImportError as exc:
        if exc.name and exc.name.split(".")[0] in ("pygls", "lsprotocol", "cattrs"):
            raise AttrlintError(
                f"the language server needs pygls, which is not installed: {LSP_HINT}"
            ) from None
        raise
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Plain("attrlint server: %(levelname)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
    create_server(debounce_ms / 1000).start_io()
