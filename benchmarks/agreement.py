"""How far PolNeAR's own annotators agree, and attrlint with them, on the articles several annotated.

    python benchmarks/agreement.py ../shared/corpora/polnear/train ../shared/corpora/polnear/dev
        [--cache DIR]

Some PolNeAR articles carry five or six annotation files, one per annotator. For every ordered
pair of annotators of the same article, one file is scored as the prediction and the other as
gold, with the matching of ``benchmarks/attribution.py`` (one to one, exact offsets or any
overlap). The same articles are then scored for attrlint's outermost attributions against each
annotator. Human agreement is the ceiling a span score on this data can be read against: a system
can pass it only by learning one annotator's habits.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter, defaultdict
from pathlib import Path

from attribution import ROLES, Gold, Span, match, nested, parse_article, prf, read_ann

from attrlint.analysis import analyse, load_lexicon
from attrlint.nlp import get_nlp, resolve_model


def tally(counts: dict[str, Counter[str]], pred: Gold, gold: Gold) -> None:
    for role in ROLES:
        p: list[Span] = getattr(pred, role)
        g: list[Span] = getattr(gold, role)
        for kind, exact in (("exact", True), ("overlap", False)):
            c = counts[f"{role} {kind}"]
            c["hit"] += match(p, g, exact=exact)
            c["pred"] += len(p)
            c["gold"] += len(g)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", type=Path, nargs="+", help="PolNeAR split folders")
    parser.add_argument("--cache", type=Path, help="keep parses here (outside the project)")
    args = parser.parse_args()
    nlp = get_nlp(resolve_model(None))
    lex = load_lexicon()
    humans: dict[str, Counter[str]] = defaultdict(Counter)
    machine: dict[str, Counter[str]] = defaultdict(Counter)
    articles = pairs = 0
    for split in args.splits:
        files: dict[str, list[Path]] = defaultdict(list)
        for ann in sorted((split / "attributions").glob("*.ann")):
            files[ann.stem.rsplit("_", 1)[0]].append(ann)
        for article, anns in files.items():
            if len(anns) < 2:
                continue
            articles += 1
            golds = [read_ann(ann) for ann in anns]
            for one, other in itertools.permutations(golds, 2):
                pairs += 1
                tally(humans, one, other)
            text = (split / "text" / f"{article}.txt").read_text("utf-8")
            document, parsed, _ = parse_article(nlp, text, article, args.cache)
            attributions = analyse(document, parsed, lex).attributions
            scored = [a for a in attributions if a.relation != "citation"]
            inner = nested(scored)
            ours = Gold()
            for a in scored:
                if id(a) in inner:
                    continue
                for role in ROLES:
                    span = getattr(a, role)
                    if span is not None:
                        getattr(ours, role).append((span.start, span.end))
            for gold in golds:
                tally(machine, ours, gold)
    if not articles:
        print("no article here has more than one annotation file")
        return 1
    print(f"{articles} articles with several annotators, {pairs} ordered pairs of annotators")
    print(
        f"{'role':<8} {'':>7}  {'annotator vs annotator F1':>26}  {'attrlint vs annotator F1':>25}"
    )
    for role in ROLES:
        for kind in ("exact", "overlap"):
            h = humans[f"{role} {kind}"]
            m = machine[f"{role} {kind}"]
            human_f1 = prf(h["hit"], h["pred"], h["gold"])[2]
            machine_f1 = prf(m["hit"], m["pred"], m["gold"])[2]
            print(f"{role:<8} {kind:>7}  {human_f1:26.1f}  {machine_f1:25.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
