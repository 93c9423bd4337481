"""Flags per 1,000 words for each rule over a folder of articles (e.g. the BBC corpus).

    python benchmarks/flag_rates.py ../shared/corpora/bbc-news --limit 100 [--show RULES]

Articles are taken in sorted path order, every ``step``-th one so that a limit spreads across the
corpus's categories. Files that cannot be decoded are counted and skipped. ``--show RULE`` prints each
finding of that rule with its sentence, for reading precision by eye.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from attrlint.document import load_document
from attrlint.document.decode import decode
from attrlint.engine import lint_documents
from attrlint.errors import InputError
from attrlint.rules import load_rules, select_rules

WORD = re.compile(r"\b\w+\b")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument(
        "--show",
        metavar="RULE",
        help="print every finding of these rules or families (comma-separated)",
    )
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.rglob("*.txt") if p.name[0].isdigit())
    step = max(1, len(files) // args.limit) if args.limit else 1
    chosen = files[::step][: args.limit] if args.limit else files
    documents, undecodable = [], 0
    for path in chosen:
        try:
            documents.append(load_document(decode(path.read_bytes(), str(path)), str(path)))
        except InputError:
            undecodable += 1
    rules = select_rules(load_rules(), None, None)
    results = lint_documents(documents, rules)
    words = sum(len(WORD.findall(d.prose)) for d in documents)
    counts: Counter[str] = Counter(d.rule for r in results for d in r.diagnostics)
    print(f"{len(documents)} articles, {words} words, {undecodable} undecodable")
    print(f"{'rule':<8} {'flags':>6} {'per 1k words':>13}")
    for rule in rules:
        n = counts[rule.id]
        print(f"{rule.id:<8} {n:>6} {1000 * n / max(words, 1):>13.2f}")
    total = sum(counts.values())
    print(f"{'all':<8} {total:>6} {1000 * total / max(words, 1):>13.2f}")
    if args.show:
        for result in results:
            for diag in result.diagnostics:
                if not diag.rule.startswith(tuple(args.show.upper().split(","))):
                    continue
                analysis = result.analysis
                sentence = (
                    next((s for s in analysis.sentences if s.span.contains(diag.span)), None)
                    if analysis
                    else None
                )
                context = result.document.excerpt(sentence.span) if sentence else ""
                excerpt = result.document.excerpt(diag.span)
                print(f"\n{result.path}: {diag.rule} [{excerpt}] {diag.message}\n    {context}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
