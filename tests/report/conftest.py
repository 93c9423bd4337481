"""A small newsroom folder with drafts that are hard to position, linted through the real CLI."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runner import run

# Each hard case in a file of its own, so that a finding does not hang on the rest of a story.
# CRLF line breaks, and before the finding on its line a combining diaeresis and acute and an emoji
# with a skin-tone modifier:
STORY = (
    "# Cafe\u0301 \U0001f6a2 notes\r\n\r\n"
    "Zoe\u0308 Marsh, who owns the cafe\u0301 \U0001f44d\U0001f3fd, insisted the rent had doubled.\r\n"
)
# CRLF, and a flag (two regional indicators) and a ZWJ family sequence before the figure:
FIGURES = (
    "# Harbour \U0001f6a2 report\r\n\r\n"
    "\U0001f1ec\U0001f1e7 \U0001f469\u200d\U0001f469\u200d\U0001f467 The region now has 41,000"
    " empty homes.\r\n"
)
EXPERTS = "Experts say the quay wall is failing.\n"
# A figure whose span crosses a line break.
WIRE = "The ferry carried about\n2,700 passengers in June.\n"
CLEAN = "The mayor opened the new library on Tuesday.\n"
PATHS = (
    "drafts/story.md",
    "drafts/figures.md",
    "drafts/experts.md",
    "drafts/wire.txt",
    "drafts/clean.md",
)
# SRC001 becomes an error and VRB001 info, so that every severity appears.
CONFIG = '[severity]\nSRC001 = "error"\nVRB001 = "info"\n'


@dataclass
class Output:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@dataclass
class Newsroom:
    """A temporary working folder; ``lint`` runs ``attrlint check`` in it."""

    root: Path
    capsys: pytest.CaptureFixture[str]

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        return path

    def lint(self, fmt: str, *paths: str, extra: tuple[str, ...] = ()) -> Output:
        code, out, err = run(["check", "--format", fmt, *extra, *paths], self.capsys)
        return Output(code, out, err)


@pytest.fixture
def newsroom(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Newsroom:
    root = tmp_path / "newsroom"
    root.mkdir()
    monkeypatch.chdir(root)
    monkeypatch.delenv("ATTRLINT_OUTPUT_FORMAT", raising=False)
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    room = Newsroom(root, capsys)
    room.write("attrlint.toml", CONFIG)
    room.write("drafts/story.md", STORY)
    room.write("drafts/figures.md", FIGURES)
    room.write("drafts/experts.md", EXPERTS)
    room.write("drafts/wire.txt", WIRE)
    room.write("drafts/clean.md", CLEAN)
    return room


def json_diagnostics(room: Newsroom, *paths: str) -> list[dict[str, Any]]:
    """The JSON format's diagnostics for ``paths``, each with its file's path added."""
    output = room.lint("json", *paths)
    assert output.code in (0, 1), output.err
    return [
        {"path": file["path"], **diag}
        for file in output.json()["files"]
        for diag in file["diagnostics"]
    ]
