"""Error analysis of attrlint's attribution analysis on a PolNeAR split: aggregates only.

    python benchmarks/attribution_errors.py ../shared/corpora/polnear/train [--limit N]
        [--cache DIR] [--top N] [--section NAME ...]

Reads the corpus where it lies and prints counts (parts of speech, lemmas, dependency patterns,
boundary differences), never article text. Use the training split for mining and tuning and keep
the development split for measuring (``benchmarks/attribution.py``).

Sections:
- ``cues``: missed gold cues by the part of speech, lemma and dependency label of their head word;
  cue-boundary differences where a predicted cue overlaps a gold one without matching it.
- ``sources``: where the gold source sits relative to the cue (subject, possessive, by-agent, "of"
  / "from" / "for" / "in" object, ...), for attributions found and missed; source-boundary
  differences by the first or last word that one side has and the other lacks.
- ``spurious``: predicted cues with no gold cue overlapping, by lemma and relation.
- ``precision``: the share of predicted sources that match a gold source exactly, by relation and
  by cue lemma (which patterns and word lists pay their way).
- ``lemmas``: for every lemma heading a gold cue, how often it does among all its occurrences with
  that part of speech (a cue-word list's precision if it took every occurrence).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from attribution import parse_article

from attrlint.analysis import Analysis, Lexicon, analyse, load_lexicon
from attrlint.nlp import get_nlp, resolve_model

if TYPE_CHECKING:
    from spacy.tokens import Token

Span = tuple[int, int]
SECTIONS = ("cues", "sources", "spurious", "precision", "lemmas")


@dataclass(frozen=True)
class GoldAttribution:
    cue: Span
    source: Span | None
    content: Span | None


def _bounds(field: str) -> Span:
    numbers = [int(x) for x in field.replace(";", " ").split()[1:]]
    return min(numbers), max(numbers)


def read_triples(path: Path) -> list[GoldAttribution]:
    spans: dict[str, Span] = {}
    lines = path.read_text("utf-8").splitlines()
    for line in lines:
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            spans[parts[0]] = _bounds(parts[1])
    found: list[GoldAttribution] = []
    for line in lines:
        if not line.startswith("E"):
            continue
        roles: dict[str, Span] = {}
        for arg in line.split("\t")[1].split(" ")[1:]:
            role, _, ref = arg.partition(":")
            if ref in spans:
                roles[role.lower()] = spans[ref]
        if "cue" in roles:
            found.append(GoldAttribution(roles["cue"], roles.get("source"), roles.get("content")))
    return found


class Tokens:
    """Character offsets to tokens for one parsed article."""

    def __init__(self, analysis: Analysis) -> None:
        self.tokens: list[tuple[int, int, Token]] = []
        for sent in analysis.sentences:
            for tok in sent.sent:
                if not tok.is_space:
                    start = sent.base + tok.idx
                    self.tokens.append((start, start + len(tok.text), tok))

    def within(self, span: Span) -> list[Token]:
        return [t for s, e, t in self.tokens if s < span[1] and span[0] < e]

    def head(self, span: Span) -> Token | None:
        """The word of the span whose syntactic head lies outside it."""
        toks = self.within(span)
        if not toks:
            return None
        ids = {t.i for t in toks}
        outer = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
        content = [t for t in outer if not t.is_punct] or outer or toks
        return content[0]


def _why(head: Token, cue: Span, analysis: Analysis, lex: Lexicon) -> str:
    """A first guess at why a gold cue was missed."""
    from attrlint.types import Span as TextSpan

    lemma = head.lemma_.lower()
    lists = [
        name
        for name in (
            "speech_verbs",
            "cognition_verbs",
            "evidence_verbs",
            "attitude_verbs",
            "intention_verbs",
            "as_view_verbs",
            "stance_verbs",
            "document_cue_nouns",
        )
        if lemma in getattr(lex, name)
    ]
    where = "inside a quote" if analysis.in_quote(TextSpan(*cue)) else "outside quotes"
    if not lists:
        return f"{head.pos_} lemma in no list, {where}"
    return f"{head.pos_} lemma listed ({lists[0]}), {where}, {head.tag_} {head.dep_}"


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def source_position(source: Token, cue: Token) -> str:
    """How the source's head word hangs from the cue's head word, as a short pattern."""
    if source.i == cue.i:
        return "same word"
    if source.head.i == cue.i:
        return f"{source.dep_} of cue"
    if source.head.head.i == cue.i and source.head.dep_ in ("prep", "agent"):
        return f"{source.head.lower_}-object of cue"
    if cue.head.i == source.i:
        return f"cue is {cue.dep_} of source"
    if cue.head.i == source.head.i and source.head.i != source.i:
        return f"sibling: {source.dep_} / cue {cue.dep_}"
    if source.head.i == cue.head.i:
        return f"sibling: {source.dep_}"
    # the subject of a governing verb ("went on to say", "wants to")
    node = cue
    for _ in range(3):
        if node.head.i == node.i:
            break
        node = node.head
        if source.head.i == node.i:
            return f"{source.dep_} of an ancestor"
    if source.sent.start != cue.sent.start:
        return "other sentence"
    return "elsewhere in the sentence"


def boundary_diff(pred: Span, gold: Span, tokens: Tokens) -> Iterator[str]:
    """Words one span has and the other lacks, at either end, by part of speech and word."""
    only_gold = [t for t in tokens.within(gold) if not overlaps(_tok_span(t), pred)]
    only_pred = [t for t in tokens.within(pred) if not overlaps(_tok_span(t), gold)]
    for label, words, side in (("gold adds", only_gold, gold), ("we add", only_pred, pred)):
        if not words:
            continue
        left = [t for t in words if _tok_span(t)[0] < (pred[0] if side is gold else gold[0])]
        right = [t for t in words if t not in left]
        for where, group in (("left", left), ("right", right)):
            if group:
                first = group[0] if where == "left" else group[-1]
                word = first.lower_ if first.pos_ in _CLOSED else first.pos_
                yield f"{label} {where}: {len(group) if len(group) < 4 else '4+'} word(s), {first.dep_}/{word}"


_CLOSED = frozenset({"DET", "ADP", "PART", "AUX", "PUNCT", "PRON", "CCONJ", "SCONJ"})


def _tok_span(tok: Token) -> Span:
    return tok.idx + _BASES[tok.doc], tok.idx + _BASES[tok.doc] + len(tok.text)


_BASES: dict[object, int] = {}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--section", action="append", choices=SECTIONS)
    args = parser.parse_args()
    sections = set(args.section or SECTIONS)
    anns = sorted((args.split / "attributions").glob("*.ann"))
    if args.limit:
        anns = anns[: args.limit]
    nlp = get_nlp(resolve_model(None))
    lex = load_lexicon()
    c: dict[str, Counter[str]] = defaultdict(Counter)
    occurrences: Counter[str] = Counter()
    cue_heads: Counter[str] = Counter()
    analysed: dict[str, tuple[Analysis, Tokens]] = {}
    for ann in anns:
        article = ann.stem.rsplit("_", 1)[0]
        if article not in analysed:
            text = (args.split / "text" / f"{article}.txt").read_text("utf-8")
            document, parsed, _ = parse_article(nlp, text, article, args.cache)
            for piece in parsed:
                _BASES[piece.doc] = piece.base
            analysis = analyse(document, parsed, lex)
            tokens = Tokens(analysis)
            analysed[article] = (analysis, tokens)
        analysis, tokens = analysed[article]
        for _, _, tok in tokens.tokens:  # per annotation file, as the gold cues are counted
            occurrences[f"{tok.pos_} {tok.lemma_.lower()}"] += 1
        gold = read_triples(ann)
        preds = [a for a in analysis.attributions if a.relation != "citation"]
        pred_cues = [(a.cue.start, a.cue.end) for a in preds]
        for g in gold:
            head = tokens.head(g.cue)
            if head is None:
                continue
            cue_heads[f"{head.pos_} {head.lemma_.lower()}"] += 1
            hit = [a for a in preds if overlaps((a.cue.start, a.cue.end), g.cue)]
            exact = [a for a in hit if (a.cue.start, a.cue.end) == g.cue]
            status = "exact" if exact else "overlap" if hit else "missed"
            c["cue status"][status] += 1
            if status == "missed":
                c["missed cue, why"][_why(head, g.cue, analysis, lex)] += 1
                c["missed cue POS"][head.pos_] += 1
                c["missed cue lemma"][f"{head.pos_} {head.lemma_.lower()}"] += 1
                c["missed cue dep"][f"{head.pos_} {head.dep_}"] += 1
                words = len(tokens.within(g.cue))
                c["missed cue length"][str(words if words < 5 else "5+")] += 1
            elif status == "overlap":
                a = hit[0]
                for diff in boundary_diff((a.cue.start, a.cue.end), g.cue, tokens):
                    c["cue boundary"][diff] += 1
            if g.source is None:
                c["gold source"]["none"] += 1
                continue
            src = tokens.head(g.source)
            if src is None:
                continue
            position = source_position(src, head)
            key = "found" if hit else "missed"
            c[f"source position ({key} cue)"][f"{head.pos_} cue: {position}"] += 1
            got = [a.source for a in hit if a.source is not None]
            if not got:
                c["source status"][f"{key} cue, no source predicted"] += 1
                continue
            s = got[0]
            if (s.start, s.end) == g.source:
                c["source status"][f"{key} cue, source exact"] += 1
            elif overlaps((s.start, s.end), g.source):
                c["source status"][f"{key} cue, source overlaps"] += 1
                for diff in boundary_diff((s.start, s.end), g.source, tokens):
                    c["source boundary"][diff] += 1
            else:
                c["source status"][f"{key} cue, other source"] += 1
        gold_sources = {g.source for g in gold if g.source is not None}
        for a in preds:
            key = f"{a.relation} {a.cue_lemma}"
            right = int(a.source is not None and (a.source.start, a.source.end) in gold_sources)
            c["predicted by lemma"][key] += 1
            c["source exact by lemma"][key] += right
            c["predicted by relation"][a.relation] += 1
            c["source exact by relation"][a.relation] += right
            if not any(overlaps((a.cue.start, a.cue.end), g.cue) for g in gold):
                c["spurious cue relation"][a.relation] += 1
                c["spurious cue lemma"][f"{a.relation} {a.cue_lemma}"] += 1
                c["spurious cue kind"][a.kind.value] += 1
        del pred_cues
    print(f"{len(anns)} annotation files, {len(analysed)} articles")
    wanted = {
        "cues": (
            "cue status",
            "missed cue, why",
            "missed cue POS",
            "missed cue dep",
            "missed cue length",
            "missed cue lemma",
            "cue boundary",
        ),
        "sources": (
            "source status",
            "source position (found cue)",
            "source position (missed cue)",
            "source boundary",
        ),
        "spurious": ("spurious cue relation", "spurious cue kind", "spurious cue lemma"),
    }
    for section, names in wanted.items():
        if section not in sections:
            continue
        for name in names:
            counter = c[name]
            total = sum(counter.values())
            print(f"\n## {name} ({total})")
            for key, n in counter.most_common(args.top):
                print(f"{n:6d} {100 * n / total:5.1f}%  {key}")
    if "precision" in sections:
        for what in ("relation", "lemma"):
            print(f"\n## exact source precision by {what}: hits / predicted")
            predicted = c[f"predicted by {what}"]
            for key, n in predicted.most_common(args.top * 2):
                hits = c[f"source exact by {what}"][key]
                print(f"{hits:6d} / {n:6d} = {100 * hits / n:5.1f}%  {key}")
    if "lemmas" in sections:
        print("\n## cue head lemmas: gold cue heads / all occurrences")
        for key, n in cue_heads.most_common(args.top * 3):
            print(
                f"{n:6d} / {occurrences[key]:6d} = {100 * n / max(1, occurrences[key]):5.1f}%  {key}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
