"""Helpers for the robustness tests: a watchdog for in-process hangs and a subprocess runner."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


class Hang(BaseException):
    """Raised by :func:`deadline`; not an Exception, so that no ``except`` in attrlint swallows it."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the block runs longer than ``seconds``.

    The alarm interrupts pure Python, the regex engine and blocking reads alike, and repeats
    every second in case something swallows it; without SIGALRM the block runs unguarded.
    """
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise Hang(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def attrlint(
    args: list[str], cwd: Path, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m attrlint ARGS`` in ``cwd``; a run longer than ``timeout`` fails the test."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("ATTRLINT_")}
    environment.update(env or {})
    try:
        return subprocess.run(
            [sys.executable, "-m", "attrlint", *args],
            cwd=cwd,
            env=environment,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"attrlint {' '.join(args)} still running after {timeout} s: a hang")


def json_diagnostics(out: str) -> dict[str, list[dict[str, Any]]]:
    """Path -> diagnostics from ``--format json`` output."""
    payload = json.loads(out)
    return {entry["path"]: entry["diagnostics"] for entry in payload["files"]}


def assert_clean_error(err: str, *names: str) -> None:
    """Every named file is reported on stderr, with no traceback."""
    assert "Traceback" not in err, err
    assert "internal error" not in err, err
    for name in names:
        assert any(name in line for line in err.splitlines()), (name, err)
