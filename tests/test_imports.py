"""What a run imports: spaCy only when some text needs parsing, markdown-it only for Markdown.

Each case runs the real command in a fresh interpreter with ``python -X importtime`` and reads
the modules it imported; nothing is timed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def imported(args: list[str], cwd: Path) -> tuple[int, set[str]]:
    """The exit code of ``attrlint ARGS`` and every module it imported."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "attrlint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    modules = {
        line.rsplit("|", 1)[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    return done.returncode, modules


@pytest.mark.parametrize(
    "args", [["--help"], ["--version"], ["check", "--help"], ["rules"], ["explain", "SRC001"]]
)
def test_commands_that_parse_nothing_never_import_spacy(args: list[str], tmp_path: Path) -> None:
    code, modules = imported(args, tmp_path)
    assert code == 0
    assert "attrlint.cli" in modules
    assert "spacy" not in modules
    assert "thinc" not in modules


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".attrlint.toml", "selekt = ['SRC']\n"),  # an unknown key
        ("attrlint.toml", "select = 'SRC001'\n"),  # a string where a list belongs
        ("pyproject.toml", "[tool.attrlint\n"),  # not TOML
    ],
)
def test_a_configuration_error_exits_2_without_importing_spacy(
    name: str, text: str, tmp_path: Path
) -> None:
    (tmp_path / name).write_text(text, "utf-8")
    (tmp_path / "story.md").write_text("Experts say the plan will fail.\n", "utf-8")
    code, modules = imported(["check", "story.md"], tmp_path)
    assert code == 2
    assert "spacy" not in modules


def test_an_unknown_rule_exits_2_without_importing_spacy(tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text("Experts say the plan will fail.\n", "utf-8")
    code, modules = imported(["check", "--select", "XYZ999", "story.md"], tmp_path)
    assert code == 2
    assert "spacy" not in modules


def test_a_cached_run_imports_neither_spacy_nor_the_pool(tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text("Experts say the plan will fail.\n", "utf-8")
    args = ["check", "--cache-dir", str(tmp_path / "cache"), "story.md"]
    first, modules = imported(args, tmp_path)
    assert first == 1 and "spacy" in modules
    again, modules = imported(args, tmp_path)
    assert again == 1
    assert "spacy" not in modules
    assert "multiprocessing.connection" not in modules


def test_plain_text_is_checked_without_markdown_it(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Experts say the plan will fail.\n", "utf-8")
    code, modules = imported(["check", "--no-cache", "story.txt"], tmp_path)
    assert code == 1
    assert "spacy" in modules
    assert "markdown_it" not in modules
