"""``attrlint server`` on the command line: its help, and a clear error without pygls."""

from __future__ import annotations

import sys

import pytest

from tests.cli_runner import run


def test_server_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["server", "--help"], capsys)
    assert code == 0
    assert "language server" in out and "--debounce-ms" in out


def test_without_pygls_one_line_names_the_install_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in list(sys.modules):
        if name.split(".")[0] == "pygls" or name.startswith("attrlint.server."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pygls", None)  # makes `import pygls…` fail
    code, out, err = run(["server"], capsys)
    assert code == 2 and out == ""
    assert err == (
        "attrlint: error: the language server needs pygls, which is not installed: "
        "pip install 'attrlint[lsp]'\n"
    )


def test_a_bad_debounce_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["server", "--debounce-ms", "-5"], capsys)
    assert code == 2 and "--debounce-ms" in err and "Traceback" not in err
