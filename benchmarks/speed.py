"""attrlint's speed and memory against spaCy's own, measured in the same run (issue 7).

    python benchmarks/speed.py ../shared/corpora/bbc-news [--articles 300] [--repeat 3]
        [--only throughput,parallel,cold,cached,server,memory] [--big-mb 10]

Every figure is a median over ``--repeat`` runs (the cold run: twice as many), and every ratio is
to a baseline timed in the same run, alternating with it, so that other load on the machine falls
on both sides. The load average is printed with each section.

1. throughput: a full lint (decode, mask, parse, analysis, rules, suppression) of N articles in
   one warm process, in words per second, against raw ``nlp.pipe`` of the same texts with the full
   model (spaCy's default batch size, and batch 64 for reference). Target: ratio >= 1.0.
2. parallel: ``attrlint check --no-cache --jobs 2`` against ``--jobs 1`` over the same N files
   (whole command lines, start-up included); their outputs must be identical. Target: >= 1.7x.
3. cold: ``attrlint check`` of one ~600-word article (bbc-news/politics/137.txt) in a fresh
   interpreter, against ``python -c 'import spacy; nlp = spacy.load(MODEL); nlp(text)'``; with
   ``--no-cache`` and as a commit hook meets it (a cache folder that holds earlier runs but not
   this text). Target: <= 1.3x.
4. cached: ``attrlint check`` of 50 articles that are all in the cache. Target: <= 0.25 s, and
   spaCy never imported (checked with ``python -X importtime``).
5. server: runs benchmarks/server.py on the same article if it is there (the language server's
   re-lint after an edit).
6. memory: peak resident memory (the kernel's high-water mark) of the lint in 1, of the cold run
   in 3, of each worker in 2, and of ``attrlint check`` on a generated Markdown file of
   ``--big-mb`` MB and of one a quarter that size (made from the corpus articles in a temporary
   folder, deleted afterwards). Target: <= 600 MB per process, and the big file's peak not
   growing with its size beyond the text itself.

Articles are read where they lie; nothing from the corpus is copied into the project.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

WORD = re.compile(r"\b\w+\b")
HERE = Path(__file__).resolve().parent
COLD_ARTICLE = Path("politics", "137.txt")
SECTIONS = ("throughput", "parallel", "cold", "cached", "server", "memory")


# --- corpus ---------------------------------------------------------------------------------


def articles(corpus: Path, count: int) -> list[Path]:
    """``count`` UTF-8 articles spread over the corpus (every n-th in path order)."""
    files = sorted(p for p in corpus.rglob("*.txt") if p.name[0].isdigit())
    step = max(1, len(files) // max(count, 1))
    chosen: list[Path] = []
    for path in files[::step]:
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        chosen.append(path)
        if len(chosen) == count:
            break
    return chosen


def words(texts: list[str]) -> int:
    return sum(len(WORD.findall(t)) for t in texts)


def model_name() -> str:
    from attrlint.nlp import resolve_model

    return resolve_model(None)


# --- processes ------------------------------------------------------------------------------


class Run:
    """One command run to the end: wall seconds, exit code, output, and peak RSS in MiB.

    The child's own peak comes from ``wait4`` (exact); its descendants' (worker processes) from
    polling their VmHWM in /proc.
    """

    def __init__(self, command: list[str], env: dict[str, str] | None = None) -> None:
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            start = time.perf_counter()
            process = subprocess.Popen(command, stdout=out, stderr=err, env=env, text=True)
            watch = _Peaks(process.pid)
            _, status, usage = os.wait4(process.pid, 0)
            self.wall = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            peaks = watch.stop()
            out.seek(0)
            err.seek(0)
            self.stdout, self.stderr = out.read(), err.read()
        self.code = process.returncode
        self.peak_mib = usage.ru_maxrss / 1024  # Linux reports KiB
        self.worker_peaks = [v for pid, v in peaks.items() if pid != process.pid]
        self.timeline = watch.timeline

    def rss_at(self, fraction: float) -> float:
        """The process's RSS (MiB) at this fraction of its run."""
        moment = fraction * self.wall
        if not self.timeline:
            return self.peak_mib
        return min(self.timeline, key=lambda sample: abs(sample[0] - moment))[1]

    def json(self) -> dict[str, Any]:
        lines = [line for line in self.stdout.splitlines() if line.startswith("{")]
        if self.code != 0 or not lines:
            sys.exit(f"benchmark child failed ({self.code}): {self.stderr.strip()[-2000:]}")
        result: dict[str, Any] = json.loads(lines[-1])
        return result


class _Peaks:
    """Polls /proc for a process and its descendants: each one's VmHWM (peak RSS), and the
    process's own VmRSS over time."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.peaks: dict[int, float] = {}
        self.timeline: list[tuple[float, float]] = []  # (seconds since start, RSS MiB)
        self._start = time.perf_counter()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        while not self._done.is_set():
            for pid in _family(self.root):
                peak = _status_mib(pid, "VmHWM")
                if peak is not None:
                    self.peaks[pid] = max(self.peaks.get(pid, 0.0), peak)
            rss = _status_mib(self.root, "VmRSS")
            if rss is not None:
                self.timeline.append((time.perf_counter() - self._start, rss))
            self._done.wait(0.2)

    def stop(self) -> dict[int, float]:
        self._done.set()
        self._thread.join()
        return self.peaks


def _status_mib(pid: int, field: str) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _family(root: int) -> list[int]:
    """``root`` and its descendants, from /proc (Linux); just ``root`` elsewhere."""
    parents: dict[int, int] = {}
    try:
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                    parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
    except OSError:
        return [root]
    family, frontier = [root], [root]
    while frontier:
        children = [pid for pid, parent in parents.items() if parent in frontier]
        family += children
        frontier = children
    return family


def attrlint(*args: str) -> list[str]:
    return [sys.executable, "-m", "attrlint", *args]


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def median(values: list[float]) -> float:
    return statistics.median(values)


def _env(scratch: Path) -> dict[str, str]:
    """Bytecode cached as an installed package has it (in the scratch folder), no colour."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    env["NO_COLOR"] = "1"
    return env


# --- 1. throughput (child) ------------------------------------------------------------------


def full_lint(texts: list[str], paths: list[str]) -> list[Any]:
    """What ``attrlint check --no-cache --jobs 1`` does with the texts: every default rule."""
    from attrlint.config import FileSettings
    from attrlint.document import load_document
    from attrlint.engine import Job, lint_jobs
    from attrlint.rules import load_rules, select_rules

    settings = FileSettings(rules=select_rules(load_rules(), None, None))
    jobs = [Job(load_document(t, p), settings) for t, p in zip(texts, paths, strict=True)]
    return lint_jobs(jobs, keep_analysis=False)


def child_throughput(corpus: Path, count: int, repeat: int) -> dict[str, Any]:
    """Alternating runs of raw nlp.pipe and a full lint, in this one warm process."""
    import spacy

    chosen = articles(corpus, count)
    texts = [p.read_text("utf-8") for p in chosen]
    paths = [str(p) for p in chosen]
    raw = spacy.load(model_name())  # spaCy's own pipeline, untouched by attrlint
    deque(raw.pipe(texts[:10]), maxlen=0)
    full_lint(texts[:10], paths[:10])
    timings: dict[str, list[tuple[float, float]]] = {"raw": [], "raw64": [], "lint": []}

    def timed(name: str, work: Callable[[], object]) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        timings[name].append((time.perf_counter() - wall, time.process_time() - cpu))

    for _ in range(repeat):
        timed("raw", lambda: deque(raw.pipe(texts), maxlen=0))
        timed("lint", lambda: full_lint(texts, paths))
        timed("raw64", lambda: deque(raw.pipe(texts, batch_size=64), maxlen=0))
    return {"articles": len(texts), "words": words(texts), "timings": timings}


def child_lint_once(corpus: Path, count: int) -> dict[str, Any]:
    """One full lint of the articles, alone in its process (its peak RSS is the figure)."""
    chosen = articles(corpus, count)
    texts = [p.read_text("utf-8") for p in chosen]
    start = time.perf_counter()
    results = full_lint(texts, [str(p) for p in chosen])
    elapsed = time.perf_counter() - start
    return {"seconds": elapsed, "diagnostics": sum(len(r.diagnostics) for r in results)}


def throughput(corpus: Path, count: int, repeat: int) -> None:
    print(f"\n## 1. Warm throughput, one process ({load()})")
    run = Run(
        [
            sys.executable,
            __file__,
            str(corpus),
            "--child",
            "throughput",
            "--articles",
            str(count),
            "--repeat",
            str(repeat),
        ]
    )
    data = run.json()
    n_words = data["words"]
    print(f"{data['articles']} articles, {n_words:,} words, {repeat} alternating runs each")
    print(f"{'':<34} {'wall s':>8} {'words/s':>9} {'CPU s':>8} {'words/CPU s':>12}")
    medians: dict[str, tuple[float, float]] = {}
    for name, label in (
        ("raw", "raw nlp.pipe, full model"),
        ("raw64", "raw nlp.pipe, batch_size=64"),
        ("lint", "attrlint full lint"),
    ):
        wall = median([w for w, _ in data["timings"][name]])
        cpu = median([c for _, c in data["timings"][name]])
        medians[name] = (wall, cpu)
        print(
            f"{label:<34} {wall:>8.2f} {n_words / wall:>9,.0f} {cpu:>8.2f} {n_words / cpu:>12,.0f}"
        )
    for base in ("raw", "raw64"):
        wall_ratio = medians[base][0] / medians["lint"][0]
        cpu_ratio = medians[base][1] / medians["lint"][1]
        print(f"lint vs {base}: {wall_ratio:.2f}x (wall), {cpu_ratio:.2f}x (CPU)")
    print(
        f"target: lint vs raw >= 1.0x -> {'met' if medians['raw'][0] >= medians['lint'][0] else 'NOT met'}"
    )
    once = Run(
        [sys.executable, __file__, str(corpus), "--child", "lint-once", "--articles", str(count)]
    )
    once.json()
    print(f"peak RSS of a full lint of the {count} articles alone: {once.peak_mib:.0f} MiB")


# --- 2. parallel ----------------------------------------------------------------------------


def parallel(corpus: Path, count: int, repeat: int, scratch: Path) -> None:
    print(f"\n## 2. All cores: attrlint check --jobs 2 vs --jobs 1 ({load()})")
    files = [str(p) for p in articles(corpus, count)]
    n_words = words([Path(f).read_text("utf-8") for f in files])
    env = _env(scratch)
    runs: dict[int, list[Run]] = {1: [], 2: []}
    for _ in range(repeat):
        for jobs in (1, 2):
            run = Run(attrlint("check", "--no-cache", "--jobs", str(jobs), *files), env)
            if run.code not in (0, 1):
                sys.exit(f"attrlint check failed ({run.code}): {run.stderr.strip()[-2000:]}")
            runs[jobs].append(run)
    outputs = {r.stdout for rs in runs.values() for r in rs}
    one, two = (median([r.wall for r in runs[j]]) for j in (1, 2))
    print(f"{len(files)} files, {n_words:,} words, {repeat} alternating runs each")
    print(f"--jobs 1: {one:.2f} s ({n_words / one:,.0f} words/s)")
    print(f"--jobs 2: {two:.2f} s ({n_words / two:,.0f} words/s)")
    print(f"speed-up: {one / two:.2f}x; outputs identical: {len(outputs) == 1}")
    print(f"target: >= 1.7x -> {'met' if one / two >= 1.7 else 'NOT met'}")
    peaks = [p for r in runs[2] for p in r.worker_peaks]
    main_peaks = [r.peak_mib for r in runs[2]]
    if peaks:
        print(
            f"peak RSS with --jobs 2: parent {max(main_peaks):.0f} MiB, "
            f"largest other process {max(peaks):.0f} MiB"
        )
    print(f"peak RSS with --jobs 1: {max(r.peak_mib for r in runs[1]):.0f} MiB")


# --- 3. cold --------------------------------------------------------------------------------


def cold(corpus: Path, repeat: int, scratch: Path) -> None:
    print(f"\n## 3. Cold run on one article ({load()})")
    article = corpus / COLD_ARTICLE
    text = article.read_text("utf-8")
    model = model_name()
    env = _env(scratch)
    baseline = [
        sys.executable,
        "-c",
        f"import spacy; nlp = spacy.load({model!r}); nlp(open({str(article)!r}).read())",
    ]
    template = scratch / "hook-cache"
    other = scratch / "other.txt"
    other.write_text("The minister said the plan would cost £3m, officials said.\n", "utf-8")
    Run(attrlint("check", "--cache-dir", str(template), str(other)), env)  # earlier commits
    Run(attrlint("--version"), env)  # bytecode compiled before timing
    times: dict[str, list[Run]] = {"spacy": [], "no-cache": [], "hook": []}
    for i in range(repeat * 2):
        times["spacy"].append(Run(baseline, env))
        times["no-cache"].append(Run(attrlint("check", "--no-cache", str(article)), env))
        fresh = scratch / f"hook-{i}"
        shutil.copytree(template, fresh)
        times["hook"].append(Run(attrlint("check", "--cache-dir", str(fresh), str(article)), env))
    base = median([r.wall for r in times["spacy"]])
    print(f"{COLD_ARTICLE} ({words([text])} words), {repeat * 2} alternating runs each")
    print(f"{'':<52} {'wall s':>7} {'ratio':>6} {'peak MiB':>9}")
    for name, label in (
        ("spacy", "python -c 'import spacy; spacy.load(..)(text)'"),
        ("no-cache", "attrlint check --no-cache FILE"),
        ("hook", "attrlint check FILE (cache holds earlier runs)"),
    ):
        wall = median([r.wall for r in times[name]])
        peak = max(r.peak_mib for r in times[name])
        print(f"{label:<52} {wall:>7.3f} {wall / base:>6.2f} {peak:>9.0f}")
    worst = max(median([r.wall for r in times[n]]) for n in ("no-cache", "hook")) / base
    print(f"target: <= 1.3x -> {'met' if worst <= 1.3 else 'NOT met'} (worst {worst:.2f}x)")
    _import_profile(article, env)


def _import_profile(article: Path, env: dict[str, str]) -> None:
    """Where a cold run's import time goes: the ten costliest top-level imports."""
    run = Run(
        [sys.executable, "-X", "importtime", "-m", "attrlint", "check", "--no-cache", str(article)],
        env,
    )
    top: list[tuple[int, str]] = []
    for line in run.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\S.*)$", line)
        if match and not match.group(2).startswith(" "):
            top.append((int(match.group(1)), match.group(2)))
    top.sort(reverse=True)
    print(
        "costliest top-level imports of that run (cumulative ms): "
        + ", ".join(f"{name} {us / 1000:.0f}" for us, name in top[:8])
    )


# --- 4. cached ------------------------------------------------------------------------------


def cached(corpus: Path, repeat: int, scratch: Path) -> None:
    print(f"\n## 4. Fifty cached files ({load()})")
    files = [str(p) for p in articles(corpus, 50)]
    env = _env(scratch)
    cache = scratch / "cache50"
    command = attrlint("check", "--cache-dir", str(cache), *files)
    first = Run(command, env)
    runs = [Run(command, env) for _ in range(repeat * 2)]
    if any(r.stdout != first.stdout for r in runs):
        sys.exit("a cached run printed something other than the first run")
    wall = median([r.wall for r in runs])
    probe = Run([sys.executable, "-X", "importtime", *command[1:]], env)
    spacy_imported = any(re.search(r"\|\s+spacy(\.|$)", line) for line in probe.stderr.splitlines())
    print(
        f"first run {first.wall:.2f} s; cached runs: median {wall:.3f} s, best {min(r.wall for r in runs):.3f} s of {len(runs)}"
    )
    print(f"spaCy imported in a cached run: {spacy_imported}")
    print(f"peak RSS of a cached run: {max(r.peak_mib for r in runs):.0f} MiB")
    met = wall <= 0.25 and not spacy_imported
    print(f"target: <= 0.25 s and no spaCy -> {'met' if met else 'NOT met'}")


# --- 5. server ------------------------------------------------------------------------------


def server(corpus: Path, repeat: int) -> None:
    script = HERE / "server.py"
    if not script.exists():
        print("\n## 5. Language server: benchmarks/server.py is not there; skipped")
        return
    print(f"\n## 5. Language server: benchmarks/server.py ({load()})")
    run = subprocess.run(
        [
            sys.executable,
            str(script),
            str(corpus / COLD_ARTICLE),
            "--repeat",
            str(max(5, repeat * 5)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    print(run.stdout.rstrip() or run.stderr.strip()[-2000:])


# --- 6. memory of a large file --------------------------------------------------------------


def big_markdown(corpus: Path, size: int, path: Path) -> int:
    """A Markdown file of about ``size`` bytes: articles as sections, repeated as needed."""
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            for article in articles(corpus, 10_000):
                title, _, body = article.read_text("utf-8").partition("\n")
                paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
                section = f"# {title.strip()}\n\n" + "\n\n".join(paragraphs) + "\n\n"
                out.write(section)
                written += len(section.encode("utf-8"))
                if written >= size:
                    break
    return written


def memory(corpus: Path, mb: float, scratch: Path) -> None:
    print(f"\n## 6. Memory of one large Markdown file ({load()})")
    env = _env(scratch)
    rows = []
    for fraction in (0.25, 1.0):
        path = scratch / f"big-{fraction}.md"
        size = big_markdown(corpus, int(mb * fraction * 1_000_000), path)
        run = Run(attrlint("check", "--no-cache", "--jobs", "1", str(path)), env)
        if run.code not in (0, 1):
            sys.exit(f"attrlint check failed ({run.code}): {run.stderr.strip()[-2000:]}")
        findings = sum(1 for line in run.stdout.splitlines() if line.startswith(str(path)))
        rows.append((size, run))
        print(
            f"{size / 1e6:5.1f} MB: {run.wall:7.1f} s, peak RSS {run.peak_mib:.0f} MiB, "
            f"{findings} findings; RSS at "
            + ", ".join(f"{f:.0%} {run.rss_at(f):.0f}" for f in (0.1, 0.25, 0.5, 0.75, 0.95))
            + " of the run"
        )
        path.unlink()
    (small, a), (large, b) = rows
    growth = (b.peak_mib - a.peak_mib) / ((large - small) / 2**20)
    print(
        f"peak RSS grows {b.peak_mib - a.peak_mib:.0f} MiB for {(large - small) / 1e6:.1f} MB more "
        f"text ({growth:.1f} MiB per MiB of text)"
    )
    print(f"target: <= 600 MiB -> {'met' if b.peak_mib <= 600 else 'NOT met'}")


# --- main -----------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default=",".join(SECTIONS))
    parser.add_argument("--big-mb", type=float, default=10.0)
    parser.add_argument("--child", choices=["throughput", "lint-once"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "throughput":
        print(json.dumps(child_throughput(args.corpus, args.articles, args.repeat)))
        return 0
    if args.child == "lint-once":
        print(json.dumps(child_lint_once(args.corpus, args.articles)))
        return 0
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress as it goes
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = sorted(set(chosen) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown sections {unknown}; choose from {', '.join(SECTIONS)}")
    from importlib.metadata import version

    print(
        f"attrlint speed benchmark: spaCy {version('spacy')}, model {model_name()}, Python {sys.version.split()[0]}"
    )
    print(load())
    with tempfile.TemporaryDirectory(prefix="attrlint-speed-") as folder:
        scratch = Path(folder)
        if "throughput" in chosen:
            throughput(args.corpus, args.articles, args.repeat)
        if "parallel" in chosen:
            parallel(args.corpus, args.articles, args.repeat, scratch)
        if "cold" in chosen:
            cold(args.corpus, args.repeat, scratch)
        if "cached" in chosen:
            cached(args.corpus, args.repeat, scratch)
        if "server" in chosen:
            server(args.corpus, args.repeat)
        if "memory" in chosen:
            memory(args.corpus, args.big_mb, scratch)
    print(f"\n{load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
