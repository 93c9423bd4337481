"""Runs the real console entry point in-process and parses its GNU-style lines."""

from __future__ import annotations

import re

import pytest

from attrlint.cli import main

LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z]{3}\d{3}) \[(?P<sev>\w+)\] "
)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``(exit code, stdout, stderr)`` of ``attrlint ARGV``."""
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0), out, err
