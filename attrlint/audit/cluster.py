"""The Dask side: a local cluster or a connection to one, and the loop that feeds it partitions.

Partitions are submitted a window at a time (twice the cluster's threads), so the client, the
scheduler and the network hold only what is being worked on, whatever the archive's size. A
partition whose worker died (``KilledWorker``: the process crashed or ran out of memory, and the
nanny restarted it) is split in two and resubmitted, down to single articles; one of those is
recorded as failed only if its worker dies again while it runs alone. Every other article still
gets audited.
"""

from __future__ import annotations

import logging
import queue
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from attrlint.audit.model import AuditError, Partition, PartitionResult, TaskError
from attrlint.audit.worker import Setup, lint_partition, probe

if TYPE_CHECKING:
    from distributed import Client

POLL = 5.0  # seconds between looks at the cluster while waiting for a result
NO_WORKERS_TIMEOUT = 120.0
DEAD_WORKER = (
    "the worker process died while linting this article, also when it ran alone "
    "(a crash in the parser, or the worker ran out of memory)"
)


@contextmanager
def connect(workers: int, scheduler: str | None) -> Iterator[Client]:
    """A client on ``scheduler``, or on a new local cluster of ``workers`` processes."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="20s", set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise AuditError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        try:
            yield client
        finally:
            client.close()
        return
    # One failure is enough for the scheduler to give up on a task: the audit then splits the
    # partition itself and retries the halves, which isolates the article at fault.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # a free port, never a clash with 8787
            silence_logs=logging.CRITICAL,
        )
    client = Client(cluster, set_as_default=False)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def check_workers(client: Client, setup: Setup) -> int:
    """Wait for at least one worker and make sure each can load the configuration and model."""
    try:
        client.wait_for_workers(1, timeout=60)
    except TimeoutError:
        raise AuditError("the Dask scheduler has no workers (waited 60 s)") from None
    try:
        client.run(probe, setup)
    except TaskError as exc:
        raise AuditError(f"a Dask worker cannot run the audit: {exc}") from None
    except ImportError as exc:
        raise AuditError(f"a Dask worker cannot import attrlint: {exc}") from None
    return sum(client.nthreads().values())


class Progress:
    """A one-line bar on a terminal; elsewhere a line at every tenth of the way."""

    def __init__(self, total: int | None, enabled: bool, stream: IO[str] | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.started = time.monotonic()
        self.last = 0.0
        self.step = 0

    def update(self, done: int, failed: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        elapsed = max(now - self.started, 1e-6)
        rate = done / elapsed
        share = done / self.total if self.total else None
        if self.tty:
            if now - self.last < 0.2 and done != self.total:
                return
            self.last = now
            bar = ""
            if share is not None:
                filled = int(30 * share)
                bar = f"[{'#' * filled}{'.' * (30 - filled)}] {100 * share:3.0f}% "
            left = ""
            if share and rate > 0 and self.total:
                left = f" · {_duration((self.total - done) / rate)} left"
            of = f"/{self.total:,}" if self.total else ""
            extra = f" · {failed:,} failed" if failed else ""
            line = f"\rauditing {bar}{done:,}{of} articles · {rate:.1f}/s{left}{extra}"
            self.stream.write(line.ljust(100))
            self.stream.flush()
        elif share is not None and int(10 * share) > self.step:
            self.step = int(10 * share)
            self.stream.write(f"audit: {done:,}/{self.total:,} articles ({100 * share:.0f}%)\n")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\n")
            self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h {seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m {seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


@dataclass(slots=True)
class Outcome:
    done: int = 0  # articles finished, audited or failed
    failed: int = 0
    splits: int = 0  # partitions split after their worker died
    stopped: str | None = None  # why the audit stopped early
    idle_since: float | None = None  # when the cluster was first seen without workers


def schedule(
    client: Client,
    partitions: Iterator[Partition],
    setup: Setup,
    on_result: Callable[[PartitionResult], None],
    on_failed: Callable[[Partition, str], int],
    progress: Progress,
) -> Outcome:
    """Run every partition; results and failures go to the callbacks as they arrive.

    When a worker dies, every task it held fails with ``KilledWorker``, the guilty one and the
    innocent ones queued beside it alike. So a partition is split in halves until single
    articles remain, and a single article is then run alone on the cluster (nothing else in
    flight): only if its worker dies then too is it recorded as failed.
    """
    from distributed.scheduler import KilledWorker

    outcome = Outcome()
    halves: deque[Partition] = deque()  # split after a worker died; they go before new input
    suspects: deque[Partition] = deque()  # single articles whose worker died: run alone
    inflight: dict[Any, Partition] = {}
    alone: list[Any] = []  # the future of the suspect now running alone, if any
    done: queue.Queue[Any] = queue.Queue()  # futures, as they finish (a Dask callback thread)
    exhausted = False
    threads = [sum(client.nthreads().values()), time.monotonic()]
    submitted = 0

    def window() -> int:
        if time.monotonic() - threads[1] > 5:  # workers may join or leave
            threads[:] = [sum(client.nthreads().values()), time.monotonic()]
        return max(2, 2 * int(threads[0]))

    def submit(part: Partition) -> Any:
        nonlocal submitted
        submitted += 1
        key = f"attrlint-audit-{setup.run}-{part.label}-{submitted}"
        future = client.submit(lint_partition, part, setup, pure=False, key=key)
        inflight[future] = part
        future.add_done_callback(done.put)
        return future

    def fresh() -> Partition | None:
        nonlocal exhausted
        if halves:
            return halves.popleft()
        if exhausted:
            return None
        try:
            return next(partitions)
        except StopIteration:
            exhausted = True
        except AuditError as exc:  # the input turned out unreadable part way
            outcome.stopped = str(exc)
        return None

    def top_up() -> None:
        if outcome.stopped is not None or alone:
            return
        if suspects:  # let the others drain, then run the suspect by itself
            if not inflight:
                alone.append(submit(suspects.popleft()))
            return
        limit = window()
        while len(inflight) < limit and (part := fresh()) is not None:
            submit(part)

    def finished(part: Partition, failed: int) -> None:
        outcome.done += part.size
        outcome.failed += failed

    try:
        top_up()
        while inflight:
            future = _next_done(done, client, outcome)
            if future is None:
                if outcome.stopped:
                    break
                continue
            part = inflight.pop(future)
            was_alone = future in alone
            if was_alone:
                alone.clear()
            try:
                result = future.result()
            except KilledWorker:
                if was_alone:
                    finished(part, on_failed(part, DEAD_WORKER))
                elif part.size > 1:
                    halves.extend(part.split())
                    outcome.splits += 1
                else:
                    suspects.append(part)
            except TaskError as exc:
                outcome.stopped = f"a worker could not go on: {exc}"
            except Exception as exc:
                if _connection_lost(client):
                    outcome.stopped = "lost the connection to the Dask scheduler"
                    break
                finished(part, on_failed(part, f"{type(exc).__name__}: {exc}"))
            else:
                on_result(result)
                finished(part, len(result.failed))
            future.release()
            progress.update(outcome.done, outcome.failed)
            top_up()
    finally:
        if inflight:
            client.cancel(list(inflight))
        progress.close()
    return outcome


def _next_done(done: queue.Queue[Any], client: Client, outcome: Outcome) -> Any:
    """The next finished future; None after a quiet spell (and a stop if no worker is left)."""
    try:
        return done.get(timeout=POLL)
    except queue.Empty:
        pass
    if _connection_lost(client):
        outcome.stopped = "lost the connection to the Dask scheduler"
    elif client.nthreads():
        outcome.idle_since = None
    elif outcome.idle_since is None:
        outcome.idle_since = time.monotonic()
    elif time.monotonic() - outcome.idle_since > NO_WORKERS_TIMEOUT:
        outcome.stopped = f"no Dask worker was left for {NO_WORKERS_TIMEOUT:.0f} s"
    return None


def _connection_lost(client: Client) -> bool:
    return client.status not in ("running", "connecting", "newly-created")
