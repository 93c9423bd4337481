"""Wall time of ``attrlint audit`` on 1 and 2 Dask workers against ``attrlint check`` (issue 10).

    python benchmarks/audit.py ../shared/corpora/bbc-news [--workers 1 2] [--partition-size 50]

Runs the real command lines in subprocesses over the whole folder (read in place, never copied),
without the cache, so every article is parsed: ``audit --workers N`` for each N, then ``check``
(and ``check --jobs N`` where that option exists). Then a cold and a warm audit with a cache, for
the re-use on a re-run. Prints a Markdown table: wall time, articles per second, scaling
efficiency (T1 / (N * TN)), peak memory per worker (from summary.json), the ratio to ``check``,
and the load average before and after each run: the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CPU: list[float] = []  # processor seconds of each run's whole process tree, in order


def _cpu() -> float:
    """Processor time of finished child processes (and their reaped children: Dask workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(command: list[str], ok: tuple[int, ...]) -> tuple[float, tuple[float, float]]:
    before = os.getloadavg()[0]
    CPU.append(_cpu())
    start = time.perf_counter()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    CPU[-1] = _cpu() - CPU[-1]
    if done.returncode not in ok:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return elapsed, (before, os.getloadavg()[0])


def _audit(corpus: Path, out: Path, workers: int, size: int, cache: Path | None) -> dict[str, Any]:
    command = [sys.executable, "-m", "attrlint", "audit", str(corpus), "--out", str(out)]
    command += ["--workers", str(workers), "--partition-size", str(size), "--no-progress"]
    command += ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    # Exit code 2: some articles failed (the BBC corpus has one file that is not UTF-8).
    wall, load = _run(command, (0, 2))
    summary: dict[str, Any] = json.loads((out / "summary.json").read_text("utf-8"))
    return {"wall": wall, "load": load, "cpu": CPU[-1], **summary}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=50)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    cpus = len(os.sched_getaffinity(0))
    print(f"{args.corpus}: {cpus} cores, load average {os.getloadavg()[0]:.2f} at start")
    figures: dict[str, Any] = {"cores": cpus, "audit": {}, "check": {}}
    with tempfile.TemporaryDirectory(prefix="attrlint-audit-bench-") as scratch:
        runs = {}
        for n in args.workers:
            result = _audit(args.corpus, Path(scratch, f"out{n}"), n, args.partition_size, None)
            runs[n] = result
            figures["audit"][n] = result
            print(f"audit --workers {n}: {result['wall']:.1f} s", flush=True)
        check = [
            sys.executable,
            "-m",
            "attrlint",
            "check",
            str(args.corpus),
            "--no-cache",
            "--format",
            "json",
        ]
        check_wall, check_load = _run(check, (0, 1, 2))
        check_cpu = CPU[-1]
        figures["check"]["1"] = {"wall": check_wall, "load": check_load, "cpu": check_cpu}
        print(f"check: {check_wall:.1f} s", flush=True)
        helps = subprocess.run([*check[:4], "--help"], capture_output=True, text=True, check=False)
        jobs: dict[int, tuple[float, tuple[float, float]]] = {}
        if "--jobs" in helps.stdout:
            for n in args.workers:
                if n > 1:
                    jobs[n] = _run([*check, "--jobs", str(n)], (0, 1, 2))
                    figures["check"][str(n)] = {
                        "wall": jobs[n][0],
                        "load": jobs[n][1],
                        "cpu": CPU[-1],
                    }
                    print(f"check --jobs {n}: {jobs[n][0]:.1f} s", flush=True)
        top = max(args.workers)
        cache = Path(scratch, "cache")
        cold = _audit(args.corpus, Path(scratch, "cold"), top, args.partition_size, cache)
        warm = _audit(args.corpus, Path(scratch, "warm"), top, args.partition_size, cache)
        figures["cache"] = {"cold": cold, "warm": warm}
    first = runs[min(args.workers)]
    articles = first["articles"] + first["failed"]
    print()
    print(f"{articles} articles ({first['failed']} failed), {first['words']:,} words")
    print()
    head = "| run | wall s | articles/s | scaling efficiency | CPU s, all processes | peak MB per worker"
    print(head + " | wall vs check | load avg before → after |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    base = runs[min(args.workers)]["wall"] * min(args.workers)
    for n, result in runs.items():
        eff = base / (n * result["wall"])
        memory = ", ".join(str(m) for m in result["peak_rss_mb"])
        cells = [
            f"audit --workers {n}",
            f"{result['wall']:.1f}",
            f"{articles / result['wall']:.1f}",
            f"{eff:.2f}",
            f"{result['cpu']:.0f}",
            memory,
            f"{result['wall'] / check_wall:.2f}",
            "{:.2f} → {:.2f}".format(*result["load"]),
        ]
        print("| " + " | ".join(cells) + " |")
    checks = {1: (check_wall, check_load)} | jobs
    for n, (wall, load) in checks.items():
        name = "check --no-cache" + (f" --jobs {n}" if n > 1 else "")
        cpu = figures["check"][str(n)]["cpu"]
        cells = [name, f"{wall:.1f}", f"{articles / wall:.1f}", "", f"{cpu:.0f}", ""]
        cells += [f"{wall / check_wall:.2f}", f"{load[0]:.2f} → {load[1]:.2f}"]
        print("| " + " | ".join(cells) + " |")
    busy = first.get("worker_cpu_seconds") or first["worker_seconds"]
    print()
    print(
        f"linting per core: {first['articles'] / busy:.1f} articles per processor second "
        f"({busy:.0f} s of worker processor time, {min(args.workers)} worker)"
    )
    print(
        f"cache: cold audit {cold['wall']:.1f} s, warm re-run {warm['wall']:.1f} s "
        f"({warm['cached']} of {warm['articles']} articles from the cache)"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
