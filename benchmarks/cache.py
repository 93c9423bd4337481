"""Cold run vs fully cached run of ``attrlint check`` over BBC articles (issue 5's cache target).

    python benchmarks/cache.py ../shared/corpora/bbc-news [--files 50] [--repeat 5]

Runs the real command line in subprocesses, so interpreter start-up and imports count as a writer
feels them. A fresh cache folder in a temporary directory: one cold run fills it, then ``--repeat``
fully cached runs. Prints the cold time, the best and median cached times, and the ratio of the
median to the cold run (target: at most 0.25 s and 30 %). The articles are read where they lie;
nothing is copied.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from speed import articles  # the same spread of UTF-8 articles as the speed benchmark


def _run(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"attrlint failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    chosen = articles(args.corpus, args.files)
    with tempfile.TemporaryDirectory(prefix="attrlint-bench-") as scratch:
        # Bytecode is cached as an installed or used checkout would have it, but in the scratch
        # folder (PYTHONDONTWRITEBYTECODE would otherwise make every run recompile attrlint).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(scratch, "pycache"))
        command = [
            sys.executable,
            "-m",
            "attrlint",
            "check",
            "--cache-dir",
            str(Path(scratch, "c")),
        ]
        command += [str(p) for p in chosen]
        cold, expected = _run(command, env)
        warm = []
        for _ in range(args.repeat):
            elapsed, output = _run(command, env)
            if output != expected:
                sys.exit("a cached run printed something other than the cold run")
            warm.append(elapsed)
    median = statistics.median(warm)
    print(f"{len(chosen)} articles from {args.corpus}")
    print(f"cold run:   {cold:.3f} s")
    print(f"cached run: {median:.3f} s median, {min(warm):.3f} s best of {len(warm)}")
    print(f"ratio:      {100 * median / cold:.1f} % of the cold run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
