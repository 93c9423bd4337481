"""``attrlint check --jobs N``: worker processes give the output one process gives.

The pool only starts for enough text (``MIN_CHARS_PER_WORKER``); these tests lower that bar so that
a handful of short articles go through real worker processes with the real model.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from attrlint import parallel
from attrlint.engine import Job
from tests.cli_runner import LINE, run

ARTICLES = {
    "council.md": (
        "# Council approves budget\n\n"
        "The council approved a budget of £4.2m on Tuesday. Experts say the plan is risky.\n\n"
        "Officials said the cuts would clearly hurt 3,000 families, according to sources.\n"
    ),
    "harbour.md": (
        "# Harbour reopens\n\n"
        "The harbour reopened after 40% of the boats were repaired. It is believed that the "
        "storm cost millions.\n\n"
        '"We are relieved," said Maria Lopez, the harbour master.\n'
    ),
    "school.txt": (
        "School results\n\n"
        "Many say the new school is the best in the region. Pupils scored 12% higher this year.\n\n"
        "The head teacher admitted that the figures were reportedly incomplete.\n"
    ),
    "rail.md": (
        "# Rail fares\n\n"
        "Fares will rise by 5% in January, the operator said. Critics slammed the decision.\n\n"
        "Some 2,400 passengers signed a petition, campaigners claimed.\n"
    ),
    "hospital.md": (
        "# Hospital waiting times\n\n"
        "Waiting times fell to 18 weeks, a study shows. Sources close to the board said more "
        "cuts were presumably coming.\n\n"
        'Dr Aisha Khan, who runs the clinic, said: "The trend is encouraging."\n'
    ),
    "market.txt": (
        "Market day\n\n"
        "Traders sold 15,000 kilos of apples, up from 9,000 last year. Obviously the weather "
        "helped, many believe.\n"
    ),
}


@pytest.fixture()
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of short articles, with workers allowed for however little text."""
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(parallel, "MIN_CHARS_PER_WORKER", 1)
    return tmp_path


@pytest.fixture()
def starts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the worker processes started in this (parent) process."""
    started: list[int] = []
    real = parallel._start

    def counting(task: parallel.Task) -> parallel._Worker:
        started.append(1)
        return real(task)

    monkeypatch.setattr(parallel, "_start", counting)
    return started


@pytest.fixture()
def deadline() -> Iterator[None]:
    """Fail instead of hanging if the pool never returns."""

    def expired(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError("the worker pool did not finish within 180 s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(180)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_two_workers_print_the_bytes_one_process_prints(
    newsroom: Path, starts: list[int], fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    one = run(["check", "--no-cache", "--jobs", "1", "--format", fmt, "."], capsys)
    assert not starts
    two = run(["check", "--no-cache", "--jobs", "2", "--format", fmt, "."], capsys)
    assert len(starts) == 2
    assert one == two
    assert one[0] == 1 and "SRC001" in one[1]


def test_workers_get_only_the_files_the_cache_lacks(
    newsroom: Path,
    starts: list[int],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cache = ["--cache-dir", str(newsroom / ".cache")]
    expected = run(["check", "--no-cache", "--jobs", "1", "."], capsys)
    first = run(["check", *cache, "--jobs", "2", "."], capsys)
    assert first == expected and len(starts) == 2
    sent: list[list[str]] = []
    real = parallel.check_in_workers

    def spy(jobs: list[Job], results: list[object], pending: list[int], workers: int) -> None:
        sent.append(sorted(Path(jobs[i].document.path).name for i in pending))
        real(jobs, results, pending, workers)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "check_in_workers", spy)
    again = run(["check", *cache, "--jobs", "2", "."], capsys)
    assert again == expected and not sent and len(starts) == 2  # all cached: no pool at all
    for name in ("rail.md", "school.txt"):
        path = newsroom / name
        path.write_text(path.read_text("utf-8") + "\nExperts say the figures are wrong.\n", "utf-8")
    edited = run(["check", *cache, "--jobs", "2", "."], capsys)
    assert sent == [["rail.md", "school.txt"]]
    assert edited == run(["check", "--no-cache", "--jobs", "1", "."], capsys)


def crash_on_marker(jobs: list[Job]) -> list[parallel.Outcome]:
    """A worker task that kills its process on one file, as a segfault in a library would."""
    if any("CRASH-ME" in job.document.source for job in jobs):
        os._exit(3)
    return parallel.check_chunk(jobs)


def raise_on_marker(jobs: list[Job]) -> list[parallel.Outcome]:
    """A worker task that raises on one file, as a bug would."""
    if any("RAISE-ME" in job.document.source for job in jobs):
        raise RuntimeError("a bug met RAISE-ME")
    return parallel.check_chunk(jobs)


@pytest.mark.parametrize(
    ("task", "marker", "message"),
    [
        (
            crash_on_marker,
            "CRASH-ME",
            "the worker process checking this file stopped (exit code 3)",
        ),
        (raise_on_marker, "RAISE-ME", "internal error: RuntimeError: a bug met RAISE-ME"),
    ],
)
def test_a_file_that_breaks_its_worker_is_an_error_for_that_file_alone(
    newsroom: Path,
    deadline: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    task: parallel.Task,
    marker: str,
    message: str,
) -> None:
    expected = run(["check", "--no-cache", "--jobs", "1", "."], capsys)
    (newsroom / "broken.md").write_text(f"# Broken\n\nThe mayor said {marker} twice.\n", "utf-8")
    monkeypatch.setattr(parallel, "check_chunk", task)
    code, out, err = run(["check", "--no-cache", "--jobs", "2", "."], capsys)
    assert code == 2
    assert err.strip().splitlines() == [f"attrlint: error: broken.md: {message}"]
    findings = [line for line in out.splitlines() if LINE.match(line)]
    assert findings == [line for line in expected[1].splitlines() if LINE.match(line)]
    assert findings  # every other file's findings, as one process reports them


def test_few_or_small_files_stay_in_one_process(
    tmp_path: Path, starts: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.md"
    story.write_text(ARTICLES["council.md"], "utf-8")
    code, out, _ = run(["check", "--no-cache", "--jobs", "4", str(story), str(story)], capsys)
    assert code == 1 and "SRC001" in out and not starts


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "--jobs", "0", "."], capsys)
    assert code == 2 and "--jobs" in err
