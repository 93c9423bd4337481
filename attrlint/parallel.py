"""Checking many files on several cores: worker processes that each load the model once.

The parent sends chunks of uncached files (their Jobs, pickled) to workers over pipes and gets
back each file's diagnostics and errors. Suppression, severities, order and the cache stay in the
parent (``engine.lint_jobs``), so the output is the one a single process gives. A worker whose
chunk raises retries it file by file; a chunk whose worker dies is split and its files tried one
at a time, and a file that ends a worker on its own is reported as an error for that file.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections import deque
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # multiprocessing itself is imported only when a pool starts
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from attrlint.engine import FileResult, Job
    from attrlint.types import Diagnostic

# Below this much text per worker, starting one (interpreter, spaCy, model) costs more than the
# parse it takes over: small runs, such as a commit hook's, stay in one process.
MIN_CHARS_PER_WORKER = 40_000
# A chunk is at most this much text (some 6 s of parsing), and there are at least eight per
# worker, so that workers finish close together.
MAX_CHUNK_CHARS = 200_000
CHUNKS_PER_WORKER = 8

Outcome = tuple[list["Diagnostic"], list[str]]  # one file's diagnostics and errors
Task = Callable[[list["Job"]], list[Outcome]]


def available_cores() -> int:
    """The cores this process may run on (its affinity where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def check_chunk(jobs: list[Job]) -> list[Outcome]:
    """What a worker does with a chunk: parse and check it, keeping no analysis."""
    from attrlint.engine import FileResult, _check

    results = [FileResult(job.document.path, job.document) for job in jobs]
    _check(jobs, results, list(range(len(jobs))), keep_analysis=False)
    return [(result.diagnostics, result.errors) for result in results]


def _failure(job: Job, exc: BaseException) -> Outcome:
    return [], [f"{job.document.path}: internal error: {type(exc).__name__}: {exc}"]


def _serve(conn: Connection, task: Task) -> None:
    """A worker's loop: chunks in, outcomes out, until the parent sends None or goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            chunk: list[Job] | None = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        try:
            outcomes = task(chunk)
        except Exception:  # find the file that raised, and keep the others' findings
            outcomes = []
            for job in chunk:
                try:
                    outcomes.extend(task([job]))
                except Exception as exc:
                    outcomes.append(_failure(job, exc))
        conn.send(outcomes)


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    conn: Connection
    chunk: list[int] | None = None

    def stop(self) -> None:
        with suppress(OSError, ValueError):
            self.conn.send(None)
        self.conn.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _start(task: Task) -> _Worker:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context: Any = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    parent, child = context.Pipe()
    process = context.Process(target=_serve, args=(child, task), daemon=True)
    process.start()
    child.close()
    return _Worker(process, parent)


def _chunks(jobs: list[Job], pending: list[int], workers: int) -> list[list[int]]:
    """Runs of pending files in order, each at most a share of the text (and MAX_CHUNK_CHARS)."""
    total = sum(len(jobs[i].document.source) for i in pending)
    limit = max(1, min(MAX_CHUNK_CHARS, total // (workers * CHUNKS_PER_WORKER)))
    chunks: list[list[int]] = [[]]
    size = 0
    for i in pending:
        if chunks[-1] and size >= limit:
            chunks.append([])
            size = 0
        chunks[-1].append(i)
        size += len(jobs[i].document.source)
    return chunks


def workers_for(jobs: list[Job], pending: list[int], workers: int) -> int:
    """How many of ``workers`` processes these pending files are worth (1: stay in this one)."""
    chars = sum(len(jobs[i].document.source) for i in pending)
    return max(1, min(workers, len(pending), chars // max(1, MIN_CHARS_PER_WORKER)))


def _crashed(job: Job, worker: _Worker) -> str:
    worker.process.join(timeout=5)
    code = worker.process.exitcode
    how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    return f"{job.document.path}: the worker process checking this file stopped ({how})"


def check_in_workers(
    jobs: list[Job],
    results: list[FileResult],
    pending: list[int],
    workers: int,
    task: Task | None = None,
) -> None:
    """Fill ``results[i]`` (diagnostics, errors) for each pending job, on up to ``workers`` cores.

    ``task`` is what a worker does with a chunk (default: ``check_chunk``); it is pickled by name.
    """
    from multiprocessing.connection import wait

    from attrlint.engine import _check

    task = task or check_chunk

    count = workers_for(jobs, pending, workers)
    if count <= 1:
        _check(jobs, results, pending, keep_analysis=False)
        return
    queue = deque(_chunks(jobs, pending, count))
    live: list[_Worker] = []

    def refill() -> None:
        """Give every idle worker a chunk, starting workers (up to ``count``) as needed."""
        while queue:
            worker = next((w for w in live if w.chunk is None), None)
            if worker is None:
                if len(live) >= count:
                    return
                worker = _start(task)
                live.append(worker)
            chunk = queue.popleft()
            try:
                worker.conn.send([jobs[i] for i in chunk])
            except (pickle.PicklingError, TypeError, AttributeError):
                _check(jobs, results, chunk, keep_analysis=False)  # cannot be sent: do it here
                continue
            except OSError:  # the worker is gone: the chunk waits for another
                queue.appendleft(chunk)
                live.remove(worker)
                worker.conn.close()
                continue
            worker.chunk = chunk

    try:
        refill()
        while busy := {w.conn: w for w in live if w.chunk is not None}:
            for conn in wait(list(busy)):
                worker = busy[conn]  # type: ignore[index]
                chunk, worker.chunk = worker.chunk or [], None
                try:
                    outcomes: list[Outcome] = worker.conn.recv()
                except (EOFError, OSError):  # the worker died with this chunk
                    live.remove(worker)
                    worker.conn.close()
                    if len(chunk) > 1:  # try its files one at a time to find the culprit
                        queue.extendleft([i] for i in reversed(chunk))
                    else:
                        results[chunk[0]].errors.append(_crashed(jobs[chunk[0]], worker))
                    continue
                for i, (diagnostics, errors) in zip(chunk, outcomes, strict=True):
                    results[i].diagnostics = diagnostics
                    results[i].errors.extend(errors)
            refill()
    finally:
        for worker in live:
            worker.stop()
