"""The project's own code stays ruff-clean, ruff-formatted and type-checked under mypy strict.

These run the real tools from the dev extra, so CI enforces what was only run by hand before.
The tool versions are bounded in pyproject.toml, so a new release cannot fail CI on its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CODE = ["attrlint", "benchmarks", "tests"]


def _run(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "RUFF_CACHE_DIR": str(cache / "ruff")},
    )


def test_ruff_finds_nothing(tmp_path: Path) -> None:
    done = _run("ruff", "check", "--no-fix", *CODE, cache=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_changes_nothing(tmp_path: Path) -> None:
    done = _run("ruff", "format", "--check", *CODE, cache=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("target", ["attrlint", "benchmarks"])
def test_mypy_strict_finds_nothing(target: str, tmp_path: Path) -> None:
    done = _run("mypy", "--cache-dir", str(tmp_path / "mypy"), target, cache=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
