"""Several attrlint processes sharing one cache folder, at once, on overlapping files: each gives
the results of a lone run, and the cache they leave is whole and serves a warm run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

STORIES = [
    "The depot cost £4.2m to build. Critics say the roof leaks.\n",
    "It is believed 300 jobs may go. The minister admitted the budget was late.\n",
    "Many residents oppose the plan, which may cost £3bn.\n",
    '"We will fight it," a source said. Unemployment rose to 9.4% in March.\n',
    "The mayor said the council would meet on Tuesday.\n",
    "Clearly, the so-called reform failed. Reportedly, 40 people were hurt.\n",
]


def diagnostics(out: str) -> dict[str, list[dict[str, Any]]]:
    return {Path(e["path"]).name: e["diagnostics"] for e in json.loads(out)["files"]}


def start(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATTRLINT_")}
    return subprocess.Popen(
        [sys.executable, "-m", "attrlint", "check", "--format", "json", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str]) -> str:
    try:
        out, err = process.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("an attrlint process did not finish: a hang")
    assert process.returncode == 1 and "error" not in err, err
    return out


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    for index, story in enumerate(STORIES):
        (tmp_path / f"story{index}.md").write_text(story, encoding="utf-8")
        (tmp_path / f"copy{index}.txt").write_text(story, encoding="utf-8")
    return tmp_path


@pytest.mark.slow
@pytest.mark.parametrize("processes", [2, 4])
def test_concurrent_runs_share_a_cache(newsroom: Path, processes: int) -> None:
    names = sorted(p.name for p in newsroom.iterdir() if p.suffix in (".md", ".txt"))
    expected = diagnostics(finish(start(["--no-cache", *names], newsroom)))
    cache = newsroom / "shared-cache"
    runs = []
    for index in range(processes):  # overlapping halves, each starting somewhere else
        share = [names[(index * 3 + k) % len(names)] for k in range(len(names) // 2 + 2)]
        runs.append((share, start(["--cache-dir", str(cache), *share], newsroom)))
    for share, process in runs:
        found = diagnostics(finish(process))
        assert found == {name: expected[name] for name in share}
    warm = diagnostics(finish(start(["--cache-dir", str(cache), *names], newsroom)))
    assert warm == expected
    entries = list(cache.rglob("*.json"))
    assert entries and all(isinstance(json.loads(p.read_bytes()), dict | list) for p in entries)
    assert not [p for p in cache.rglob("*") if p.name.endswith(".tmp")]
    assert (cache / "CACHEDIR.TAG").read_text("utf-8").startswith("Signature: 8a477f597d28d1")
