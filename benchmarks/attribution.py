"""Score attrlint's attribution analysis on PolNeAR (brat standoff), and time it against spaCy.

    python benchmarks/attribution.py ../shared/corpora/polnear/dev [--limit N] [--errors FILE]
        [--cache DIR] [--skip RELATION ...]

``--cache DIR`` keeps each article's spaCy parse in DIR (outside the project) for quick iteration;
the parse time is then not measured, so the time ratio needs a run without it.

Each annotator's file counts as its own gold document (some articles have two). Spans are matched
one to one, first by exact offsets and then, for the overlap score, by any overlap. Content spans
are scored too, though attrlint records content only where a clause or quote is in view.

Source kinds are scored where the gold source can be checked without a human: a gold source that is
a pronoun or a name the entity recogniser tags PERSON should be "named_person"; one whose head is
a plural vague noun ("experts", "sources") should be "vague_group".
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from attrlint.analysis import Analysis, Attribution, ParsedBlock, analyse, load_lexicon
from attrlint.document import load_document
from attrlint.document.model import Document
from attrlint.engine import _pieces
from attrlint.nlp import get_nlp, model_info, resolve_model

if TYPE_CHECKING:
    from spacy.language import Language

Span = tuple[int, int]
ROLES = ("source", "cue", "content")
PRONOUNS = {"he", "she", "they", "i", "we", "him", "her", "them"}


@dataclass
class Gold:
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)
    source_text: list[str] = field(default_factory=list)


def read_ann(path: Path) -> Gold:
    spans: dict[str, tuple[str, Span, str]] = {}
    gold = Gold()
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            label, *offsets = parts[1].split(" ")
            if ";" in parts[1]:  # a discontinuous span: take its outer bounds
                numbers = [int(x) for x in re.findall(r"\d+", " ".join(offsets))]
                offsets = [str(min(numbers)), str(max(numbers))]
            spans[parts[0]] = (label, (int(offsets[0]), int(offsets[1])), parts[2])
    for line in path.read_text("utf-8").splitlines():
        if not line.startswith("E"):
            continue
        for arg in line.split("\t")[1].split(" ")[1:]:
            if ":" not in arg:
                continue
            role, ref = arg.split(":", 1)
            if ref in spans and role.lower() in ROLES:
                getattr(gold, role.lower()).append(spans[ref][1])
                if role == "Source":
                    gold.source_text.append(spans[ref][2])
    return gold


VAGUE = {
    "experts",
    "sources",
    "analysts",
    "officials",
    "critics",
    "observers",
    "insiders",
    "economists",
    "scientists",
    "researchers",
    "diplomats",
    "aides",
    "advisers",
    "some",
    "others",
    "many",
}
ANONYMOUS = (
    "a source",
    "a person familiar",
    "a senior",
    "an official",
    "one official",
    "a person close",
    "people familiar",
)


def expected_kind(text: str, entity: str | None) -> str | None:
    """The source kind a gold source must have, where that needs no human judgement."""
    lower = text.lower().strip()
    if lower in PRONOUNS:
        return "named_person"
    if lower in VAGUE:
        return "vague_group"
    if lower.startswith(ANONYMOUS):
        return "anonymous"
    if entity == "PERSON":  # ORG is left out: the recogniser often tags surnames ORG
        return "named_person"
    return None


def match(pred: list[Span], gold: list[Span], exact: bool) -> int:
    used: set[int] = set()
    hits = 0
    for p in sorted(pred):
        for i, g in enumerate(gold):
            if i in used:
                continue
            if (p == g) if exact else (p[0] < g[1] and g[0] < p[1]):
                used.add(i)
                hits += 1
                break
    return hits


SCOPES = {
    "outermost": "outermost attributions (PolNeAR's scheme: one whose cue lies inside another's "
    "content is left out)",
    "all": "every attribution, nested ones included",
}


def nested(attributions: list[Attribution]) -> set[int]:
    """The ids of attributions whose cue lies inside another attribution's content ("Police said
    a witness told them ..."): PolNeAR annotates the outer one only."""
    contents = [(id(a), a.content) for a in attributions if a.content is not None]
    return {
        id(a)
        for a in attributions
        if any(
            other != id(a) and c.start <= a.cue.start and a.cue.end <= c.end
            for other, c in contents
        )
    }


def prf(hits: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    return 100 * p, 100 * r, 100 * (2 * p * r / (p + r) if p + r else 0.0)


def parse_article(
    nlp: Language, text: str, name: str, cache: Path | None
) -> tuple[Document, list[ParsedBlock], float]:
    """The article as attrlint reads it, its parsed blocks, and the seconds spaCy took (0 if cached)."""
    from spacy.tokens import DocBin

    document = load_document(text, name, "text")
    pieces = list(_pieces(document))
    stored = cache / model_info(nlp) / f"{name}.spacy" if cache else None
    if stored is not None and stored.exists():
        docs = list(DocBin().from_disk(stored).get_docs(nlp.vocab))
        elapsed = 0.0
    else:
        start = time.perf_counter()
        docs = list(nlp.pipe(t for _, _, t in pieces))
        elapsed = time.perf_counter() - start
        if stored is not None:
            stored.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs).to_disk(stored)
    parsed = [ParsedBlock(b, base, d) for (b, base, _), d in zip(pieces, docs, strict=True)]
    return document, parsed, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "split", type=Path, help="a PolNeAR split folder with text/ and attributions/"
    )
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--errors", type=Path, help="write missed and spurious sources here")
    parser.add_argument("--cache", type=Path, help="keep parses here (outside the project)")
    parser.add_argument(
        "--skip",
        nargs="*",
        default=["citation"],
        metavar="RELATION",
        help="relations left out of the score (default: citation); e.g. 'citation document' also "
        "leaves out document-owner facts ('the ministry's figures'), which PolNeAR does not annotate",
    )
    args = parser.parse_args()
    anns = sorted((args.split / "attributions").glob("*.ann"))
    if args.limit:
        anns = anns[: args.limit]
    nlp = get_nlp(resolve_model(None))
    lex = load_lexicon()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    t_parse = t_analyse = 0.0
    words = 0
    errors: list[str] = []
    cache: dict[str, tuple[Document, Analysis]] = {}
    for ann in anns:
        article = ann.stem.rsplit("_", 1)[0]
        text = (args.split / "text" / f"{article}.txt").read_text("utf-8")
        gold = read_ann(ann)
        if article not in cache:
            document, parsed, elapsed = parse_article(nlp, text, article, args.cache)
            t_parse += elapsed
            start = time.perf_counter()
            analysis = analyse(document, parsed, lex)
            t_analyse += time.perf_counter() - start
            words += len(text.split())
            cache[article] = (document, analysis)
        document, analysis = cache[article]
        # "citation": the far end of a "citing" chain; PolNeAR credits the one who cites
        scored = [a for a in analysis.attributions if a.relation not in args.skip]
        inner = nested(scored)
        for scope in SCOPES:
            pred: dict[str, list[Span]] = {role: [] for role in ROLES}
            for a in scored:
                if scope == "outermost" and id(a) in inner:
                    continue
                for role in ROLES:
                    span = getattr(a, role)
                    if span is not None:
                        pred[role].append((span.start, span.end))
            for role in ROLES:
                g = getattr(gold, role)
                tally = counts[f"{scope} {role}"]
                tally["gold"] += len(g)
                tally["pred"] += len(pred[role])
                tally["exact"] += match(pred[role], g, exact=True)
                tally["overlap"] += match(pred[role], g, exact=False)
        by_source = {(a.source.start, a.source.end): a for a in analysis.attributions if a.source}
        entities = {
            (s.base + e.start_char, s.base + e.end_char): e.label_
            for s in analysis.sentences
            for e in s.sent.ents
        }
        for span, text_ in zip(gold.source, gold.source_text, strict=True):
            found = by_source.get(span)
            expected = expected_kind(text_, entities.get(span))
            if expected and found is not None:
                kinds["checked"] += 1
                kinds["right"] += found.kind.value == expected
                if found.kind.value != expected:
                    confusion[(expected, found.kind.value)] += 1
                    if args.errors:
                        errors.append(f"KIND {expected}->{found.kind.value}\t{text_}")
        if args.errors:
            predicted = {(a.source.start, a.source.end) for a in scored if a.source}
            for span, text_ in zip(gold.source, gold.source_text, strict=True):
                if span not in predicted:
                    errors.append(
                        f"MISS {ann.stem}\t{text_}\t{text[max(0, span[0] - 60) : span[1] + 60]!r}"
                    )
            gold_set = set(gold.source)
            for span in predicted - gold_set:
                errors.append(f"SPUR {ann.stem}\t{text[span[0] : span[1]]}")
    print(f"{len(anns)} annotation files, {len(cache)} articles, {words} words")
    for scope in SCOPES:
        print(f"\n{SCOPES[scope]}")
        print(f"{'role':<8} {'gold':>5} {'pred':>5}  {'exact P/R/F1':>20}  {'overlap P/R/F1':>20}")
        for role in ROLES:
            c = counts[f"{scope} {role}"]
            e = prf(c["exact"], c["pred"], c["gold"])
            o = prf(c["overlap"], c["pred"], c["gold"])
            print(
                f"{role:<8} {c['gold']:>5} {c['pred']:>5}  {e[0]:6.1f}{e[1]:7.1f}{e[2]:7.1f}  {o[0]:6.1f}{o[1]:7.1f}{o[2]:7.1f}"
            )
    print()
    if kinds["checked"]:
        print(
            f"source kind right on {kinds['right']}/{kinds['checked']} checkable gold sources "
            f"({100 * kinds['right'] / kinds['checked']:.1f}%)"
        )
    if t_parse:
        print(
            f"spaCy parse {t_parse:.2f}s, analysis {t_analyse:.2f}s: analysis adds "
            f"{100 * t_analyse / t_parse:.1f}% to the parse"
        )
    else:
        print(f"analysis {t_analyse:.2f}s (parses from the cache: no time ratio)")
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
