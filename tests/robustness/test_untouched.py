"""attrlint never writes to what it checks: after a run in any output format, every input file is
byte-identical with the same modification time and mode, and no file appears beside them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from attrlint.report import FORMATS
from tests.cli_runner import run

FILES = {
    "story.md": "# Depot\n\nThe depot cost £4.2m. Critics say the minister admitted it was late.\n",
    "notes.txt": "It is believed 300 jobs may go.\r\nThe plant may close.\r\n",
    "front.md": "---\nattrlint:\n  ignore: [SRC001]\n---\nExperts say the roof leaks.\n",
    "quiet.md": "Experts say so. <!-- attrlint-disable-line SRC001 -->\n",
}
RAW = {
    "bom.md": b"\xef\xbb\xbfMany residents oppose the plan.\n",
    "latin1.md": "Caf\xe9 owners said prices rose 12%.\n".encode("latin-1"),
    "image.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
}
Snapshot = dict[str, tuple[bytes, int, int]]


def snapshot(folder: Path) -> Snapshot:
    return {
        str(path.relative_to(folder)): (
            path.read_bytes(),
            path.stat().st_mtime_ns,
            path.stat().st_mode,
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    (folder / "sub").mkdir(parents=True)
    for name, text in FILES.items():
        (folder / name).write_bytes(text.encode("utf-8"))
        (folder / "sub" / name).write_bytes(text.encode("utf-8"))
    for name, data in RAW.items():
        (folder / name).write_bytes(data)
    (folder / ".attrlint.toml").write_text('extend-select = ["HDG"]\n', encoding="utf-8")
    for index, path in enumerate(sorted(folder.rglob("*"))):
        if path.is_file():
            os.utime(
                path, ns=(1_000_000_000_000_000_000 + index, 1_000_000_000_000_000_000 + index)
            )
    return folder


@pytest.mark.parametrize("fmt", FORMATS)
def test_inputs_are_untouched_in_every_format(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    before = snapshot(desk)
    listing = sorted(p.name for p in desk.rglob("*"))
    code, _, err = run(["check", "--format", fmt, str(desk), str(desk / "story.md")], capsys)
    assert code == 2, err  # the Latin-1 and PNG files are input errors
    report = tmp_path / "out" / f"report.{fmt}"
    report.parent.mkdir()
    code, _, _ = run(["check", "--format", fmt, "-o", str(report), str(desk)], capsys)
    assert code == 2 and report.exists()
    code, _, _ = run(["check", "--format", fmt, "--no-cache", str(desk / "sub")], capsys)
    assert code == 1
    assert snapshot(desk) == before
    assert sorted(p.name for p in desk.rglob("*")) == listing


def test_inputs_are_untouched_when_the_cache_and_a_baseline_are_written(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(desk)
    baseline = tmp_path / "baseline.json"
    cache = ["--cache-dir", str(tmp_path / "cache")]
    run(["check", *cache, "--write-baseline", str(baseline), str(desk)], capsys)
    run(["check", *cache, "--baseline", str(baseline), str(desk)], capsys)
    assert baseline.exists() and snapshot(desk) == before
