"""The server's linter: configuration as the CLI finds it, buffers never read from disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrlint.config import ConfigError
from attrlint.server.session import Linter, document_format
from tests.server.texts import EMOJI_LINE

VAGUE = EMOJI_LINE + "\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    return tmp_path


@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        ("a.md", None, "markdown"),
        ("a.MARKDOWN", "plaintext", "markdown"),
        ("a.txt", "markdown", "text"),
        (None, "markdown", "markdown"),
        ("notes", "plaintext", "text"),
        (None, None, "text"),
    ],
)
def test_document_format(path: str | None, language: str | None, expected: str) -> None:
    assert document_format(path, language) == expected


def test_a_buffer_whose_file_does_not_exist_is_linted(root: Path) -> None:
    outcome = Linter(root).lint(VAGUE, root / "never-saved.md")
    assert [d.rule for d in outcome.diagnostics] == ["SRC001"]
    assert not (root / "never-saved.md").exists()


def test_force_exclude_leaves_the_file_alone(root: Path) -> None:
    (root / "attrlint.toml").write_text('exclude = ["archive"]\nforce-exclude = true\n')
    (root / "archive").mkdir()
    linter = Linter(root)
    assert linter.lint(VAGUE, root / "archive" / "old.md").excluded
    assert [d.rule for d in linter.lint(VAGUE, root / "new.md").diagnostics] == ["SRC001"]


def test_reload_reads_the_configuration_again(root: Path) -> None:
    linter = Linter(root)
    assert linter.lint(VAGUE, root / "a.md").diagnostics
    (root / "attrlint.toml").write_text('ignore = ["SRC"]\n')
    assert linter.lint(VAGUE, root / "a.md").diagnostics  # still the configuration read before
    linter.reload()
    assert not linter.lint(VAGUE, root / "a.md").diagnostics
    (root / "attrlint.toml").write_text('ignre = ["SRC"]\n')
    linter.reload()
    with pytest.raises(ConfigError, match="ignre"):
        linter.lint(VAGUE, root / "a.md")


def test_an_unnamed_buffer_uses_the_workspace_configuration(root: Path) -> None:
    (root / "attrlint.toml").write_text('ignore = ["SRC001"]\n')
    assert not Linter(root).lint(VAGUE, None, "markdown").diagnostics


def test_debounce_settings() -> None:
    from attrlint.server.protocol import create_server

    server = create_server(0.3)
    server.apply_settings({"attrlint": {"debounceMs": 50}})
    assert server.debounce == pytest.approx(0.05)
    server.apply_settings({"debounceMs": 0})  # initialisation options may leave out the section
    assert server.debounce == 0
    bad: object
    for bad in ({"attrlint": {"debounceMs": -1}}, {"attrlint": {"debounceMs": "1"}}, None, []):
        server.apply_settings(bad)
        assert server.debounce == 0
    server.apply_settings({"attrlint": {"debounceMs": 10**9}})
    assert server.debounce == 10.0
