"""A long fuzz campaign over generated articles (not run in CI).

    python benchmarks/fuzz.py --document 100000 --blank 20000 --model 2000 --out /tmp/fuzz

Three tiers, each checked with the invariants of the property tests
(``tests/robustness/invariants.py``):

- ``document``: decode (every tenth case starts from random bytes) and mask; the prose, blocks,
  comments and line table must agree with the source.
- ``blank``: the whole pipeline with the ``blank`` model (tokenizer and sentencizer), so the
  analysis, every check and the text, JSON and SARIF reports run at thousands of cases a minute.
- ``model``: the whole pipeline with the real spaCy model, batched through ``nlp.pipe``.

The campaign keeps going after a failure: each failing case is written to ``--out`` with its seed
and reason, and the summary (counts, failures, the slowest cases) is printed as JSON at the end.
Each case is reproducible from its seed: ``RandomPicker(seed)`` in tests/robustness/generate.py.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from attrlint.document import Document, load_document
from attrlint.document.decode import decode
from attrlint.engine import lint_documents
from attrlint.errors import InputError
from attrlint.nlp import resolve_model
from attrlint.rules import load_rules, select_rules
from tests.robustness.generate import RandomPicker, article
from tests.robustness.invariants import check_document, check_result

BATCH = 64


class Tier:
    """Counts, failures and the slowest cases of one tier."""

    def __init__(self, name: str, out: Path | None) -> None:
        self.name = name
        self.out = out
        self.cases = 0
        self.characters = 0
        self.failures: list[dict[str, Any]] = []
        self.slowest: list[tuple[float, int, int]] = []  # seconds, seed, length
        self.started = time.monotonic()

    def timed(self, seed: int, length: int, seconds: float) -> None:
        self.cases += 1
        self.characters += length
        if self.cases % 10_000 == 0:
            failed = len(self.failures)
            print(
                f"{self.name}: {self.cases} cases, {failed} failures", file=sys.stderr, flush=True
            )
        self.slowest = sorted([*self.slowest, (seconds, seed, length)], reverse=True)[:5]

    def fail(self, seed: int, text: str | bytes, error: BaseException) -> None:
        reason = f"{type(error).__name__}: {error}"
        self.failures.append({"seed": seed, "reason": reason[:500]})
        if self.out is not None:
            self.out.mkdir(parents=True, exist_ok=True)
            stem = self.out / f"{self.name}-{seed}"
            data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
            stem.with_suffix(".input").write_bytes(data)
            stem.with_suffix(".txt").write_text(
                reason + "\n\n" + traceback.format_exc(), encoding="utf-8"
            )

    def summary(self) -> dict[str, Any]:
        elapsed = time.monotonic() - self.started
        return {
            "cases": self.cases,
            "characters": self.characters,
            "seconds": round(elapsed, 1),
            "cases_per_second": round(self.cases / elapsed, 1) if elapsed else None,
            "failures": len(self.failures),
            "first_failures": self.failures[:10],
            "distinct_reasons": sorted({f["reason"].split(" (")[0] for f in self.failures})[:20],
            "slowest": [
                {"seconds": round(s, 3), "seed": seed, "length": n} for s, seed, n in self.slowest
            ],
        }


def random_bytes(seed: int) -> bytes:
    rng = random.Random(seed)
    pool = [b"\x00", b"\xff", b"\xfe", b"\xef\xbb\xbf", b"\r", b"\n", b"\xc3", b"\xa9", b"a", b" "]
    return b"".join(rng.choice(pool) for _ in range(rng.randint(0, 200)))


def document_tier(count: int, seed: int, minutes: float, out: Path | None) -> Tier:
    tier = Tier("document", out)
    deadline = time.monotonic() + minutes * 60
    for case in range(seed, seed + count):
        if time.monotonic() > deadline:
            break
        data: str | bytes = ""
        try:
            started = time.perf_counter()
            if case % 10 == 0:
                data = random_bytes(case)
                try:
                    text, path = decode(data, "fuzz.md"), "fuzz.md"
                except InputError:
                    tier.timed(case, len(data), time.perf_counter() - started)
                    continue
            else:
                text, path = article(RandomPicker(case))
                data = text
            check_document(load_document(text, path))
            tier.timed(case, len(text), time.perf_counter() - started)
        except Exception as exc:  # a finding: record it and go on
            tier.cases += 1
            tier.fail(case, data, exc)
    return tier


def pipeline_tier(
    name: str, model: str, count: int, seed: int, minutes: float, out: Path | None
) -> Tier:
    tier = Tier(name, out)
    rules = load_rules()
    enabled = select_rules(rules, None, None)
    deadline = time.monotonic() + minutes * 60
    case = seed
    while case < seed + count and time.monotonic() < deadline:
        batch = list(range(case, min(case + BATCH, seed + count)))
        case = batch[-1] + 1
        made = {n: article(RandomPicker(n)) for n in batch}
        documents: dict[int, Document] = {}
        for n, (text, path) in made.items():
            try:
                documents[n] = load_document(text, path)
            except Exception as exc:
                tier.cases += 1
                tier.fail(n, text, exc)
        started = time.perf_counter()
        try:
            results = dict(
                zip(
                    documents, lint_documents(list(documents.values()), enabled, model), strict=True
                )
            )
        except Exception:  # isolate the case that broke the batch
            results = {}
            for n, document in documents.items():
                try:
                    results[n] = lint_documents([document], enabled, model)[0]
                except Exception as exc:
                    tier.cases += 1
                    tier.fail(n, made[n][0], exc)
        each = (time.perf_counter() - started) / max(1, len(documents))
        for n, result in results.items():
            started = time.perf_counter()
            try:
                check_result(result, rules)
            except Exception as exc:
                tier.cases += 1
                tier.fail(n, made[n][0], exc)
                continue
            tier.timed(n, len(made[n][0]), each + time.perf_counter() - started)
    return tier


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--document", type=int, default=100_000, help="cases for the document tier")
    parser.add_argument("--blank", type=int, default=20_000, help="cases with the blank model")
    parser.add_argument("--model", type=int, default=2_000, help="cases with the real model")
    parser.add_argument(
        "--seed", type=int, default=0, help="first seed (cases use seed, seed+1, …)"
    )
    parser.add_argument("--minutes", type=float, default=600, help="time limit per tier")
    parser.add_argument("--out", type=Path, help="folder for failing inputs and their reasons")
    args = parser.parse_args()
    tiers: list[Callable[[], Tier]] = [
        lambda: document_tier(args.document, args.seed, args.minutes, args.out),
        lambda: pipeline_tier("blank", "blank", args.blank, args.seed, args.minutes, args.out),
        lambda: pipeline_tier(
            "model", resolve_model(None), args.model, args.seed, args.minutes, args.out
        ),
    ]
    report: dict[str, Any] = {}
    for run in tiers:
        tier = run()
        report[tier.name] = tier.summary()
        print(json.dumps({tier.name: report[tier.name]}), file=sys.stderr, flush=True)
    print(json.dumps(report, indent=2))
    return 1 if any(t["failures"] for t in report.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
