"""Score attrlint's hedge and weasel detection on the Szeged uncertainty corpus and CoNLL-2010.

    python benchmarks/uncertainty.py [CORPORA] [--errors FILE] [--isolated] [--limit N]

CORPORA defaults to ../shared/corpora seen from the project root; the text is read from there and
never copied into the project.

1. Hedge detection (issue 4) on ``szeged/factbank-dev.xml`` (news) and ``szeged/wiki-dev.xml``: a
   gold sentence is uncertain when it holds at least one ``<ccue type="speculation_...">``; attrlint
   predicts uncertain when the analysis finds a cue of kind "hedge" (or "hedge_*") in it, in any
   voice (detection before the voice filter of HDG001). Each Szeged document is linted as one
   article, its ``DocumentPart``s as paragraphs, so that quotes and paragraphs keep their context;
   cues are mapped back to gold sentences by offset (``--isolated`` lints every sentence on its own
   instead). FactBank's PTB quotes (``...'') are read as typewriter quotes. Cue level: a predicted
   hedge cue is right when it overlaps a gold cue of its sentence; a gold cue is found when a
   predicted hedge cue overlaps it. An informational line also counts the uncertainty-like cue
   kinds that are not hedges (agentless passives, weasel quantifiers, "allegedly", "reportedly").
2. Weasel and vague wording on ``conll2010-wikipedia/``: a sentence is predicted uncertain when any
   SRC or HDG finding, or any hedge cue, falls in it (all SRC and HDG rules selected). Each sentence
   is its own document. Sentences are de-duplicated (whitespace-normalised text) within each file;
   the combined line is the union of both files, a sentence shared by both counted once (their
   labels agree on every shared sentence). PTB escapes in ``liew_train.csv`` (-LRB-, ``, '') and
   HTML entities (&quot;) are turned back into the characters they stand for.

With ``--errors FILE``, false negatives (with the gold cue words) and false positives (with what
attrlint matched) are written there, each section headed by its most frequent words.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import html
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from attrlint.document import load_document
from attrlint.engine import FileResult, lint_documents
from attrlint.rules import RuleSpec, load_rules, select_rules

DEFAULT_CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
PARAGRAPH = "\n\n"
PTB = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
    "``": '"',
    "''": '"',
}
PTB_RE = re.compile("|".join(re.escape(k) for k in PTB))
TOP = 40
# Cue kinds that the Szeged scheme would call uncertainty, for the informational line.
UNCERTAIN_KINDS = frozenset({"passive_attribution", "weasel", "doubt_qualifier", "reportedly"})


def is_hedge(kind: str) -> bool:
    """ "hedge", or a sub-kind such as "hedge_condition" should the analysis split them."""
    return kind == "hedge" or kind.startswith("hedge_")


@dataclass(frozen=True, slots=True)
class GoldCue:
    start: int  # offsets into the sentence text
    end: int
    text: str
    type: str


@dataclass(slots=True)
class Item:
    """One gold sentence, and what attrlint found in it."""

    ident: str
    text: str
    uncertain: bool
    cues: list[GoldCue] = field(default_factory=list)
    hedges: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, text)
    other_cues: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    findings: list[str] = field(default_factory=list)  # "SRC007: many people"


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: bool, gold: bool) -> None:
        self.tp += predicted and gold
        self.fp += predicted and not gold
        self.fn += gold and not predicted

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 100 * p, 100 * r, 100 * (2 * p * r / (p + r) if p + r else 0.0)

    def line(self, label: str) -> str:
        p, r, f = self.prf()
        return (
            f"  {label:<34} P {p:5.1f}  R {r:5.1f}  F1 {f:5.1f}"
            f"   (tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )


# --- reading the corpora -----------------------------------------------------------------------


def _flat(text: str | None) -> str:
    """Line breaks and tabs become spaces, so that a sentence never breaks a paragraph; PTB quotes
    (FactBank's ``...'') become typewriter quotes padded to the same length, keeping offsets."""
    text = re.sub(r"[\r\n\t]", " ", text or "")
    return text.replace("``", ' "').replace("''", '" ')


def read_szeged(path: Path) -> list[list[list[Item]]]:
    """Documents, each a list of paragraphs (``DocumentPart``), each a list of sentences."""
    documents: list[list[list[Item]]] = []
    for document in ET.parse(path).getroot().iter("Document"):
        doc_id = (document.findtext("DocID") or "?").strip()
        paragraphs: list[list[Item]] = []
        for part in document.iter("DocumentPart"):
            sentences: list[Item] = []
            for sentence in part.iter("Sentence"):
                text = _flat(sentence.text)
                cues: list[GoldCue] = []
                for child in sentence:
                    start = len(text)
                    text += _flat("".join(child.itertext()))
                    if child.tag == "ccue":
                        cue_text = text[start:]
                        cues.append(
                            GoldCue(start, len(text), cue_text, child.get("type", "").strip())
                        )
                    text += _flat(child.tail)
                if not text.strip():
                    continue
                ident = f"{doc_id} {sentence.get('id', '?')}"
                sentences.append(Item(ident, text, bool(cues), cues))
            if sentences:
                paragraphs.append(sentences)
        if paragraphs:
            documents.append(paragraphs)
    return documents


def _clean(text: str) -> str:
    """PTB escapes and HTML entities (``&quot;``) back to characters; whitespace collapsed."""
    return " ".join(html.unescape(PTB_RE.sub(lambda m: PTB[m.group()], text)).split())


def read_conll(
    path: Path, text_col: int, label_col: int, uncertain: str, header: bool
) -> list[Item]:
    """Unique sentences of one CoNLL-2010 CSV file, in file order."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    if header:
        rows = rows[1:]
    seen: dict[str, Item] = {}
    for number, row in enumerate(rows, start=2 if header else 1):
        if len(row) <= max(text_col, label_col):
            continue
        text = _clean(row[text_col])
        if text and text not in seen:
            seen[text] = Item(f"{path.name}:{number}", text, row[label_col].strip() == uncertain)
    return list(seen.values())


# --- running attrlint --------------------------------------------------------------------------


def _layout(paragraphs: Sequence[Sequence[Item]]) -> tuple[str, list[tuple[int, int, Item]]]:
    """The article text, and each sentence's ``(start, end, item)`` in it."""
    parts: list[str] = []
    spans: list[tuple[int, int, Item]] = []
    pos = 0
    for p, paragraph in enumerate(paragraphs):
        if p:
            parts.append(PARAGRAPH)
            pos += len(PARAGRAPH)
        for s, item in enumerate(paragraph):
            if s:
                parts.append(" ")
                pos += 1
            parts.append(item.text)
            spans.append((pos, pos + len(item.text), item))
            pos += len(item.text)
    return "".join(parts), spans


def run(
    articles: Sequence[Sequence[Sequence[Item]]], rules: tuple[RuleSpec, ...], model: str | None
) -> float:
    """Lint every article in one batch and record, per gold sentence, what attrlint found.

    Returns the wall time in seconds."""
    started = time.perf_counter()
    layouts = [_layout(paragraphs) for paragraphs in articles]
    documents = [
        load_document(text, f"article-{i}.txt", "text") for i, (text, _) in enumerate(layouts)
    ]
    results = lint_documents(documents, rules, model)
    for (_, spans), result in zip(layouts, results, strict=True):
        _record(result, spans)
    return time.perf_counter() - started


def _record(result: FileResult, spans: list[tuple[int, int, Item]]) -> None:
    if result.errors:
        for error in result.errors:
            print(f"warning: {error}", file=sys.stderr)
    starts = [start for start, _, _ in spans]

    def owner(offset: int) -> tuple[int, Item] | None:
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0 or offset >= spans[i][1]:
            return None  # in the space between two sentences
        return spans[i][0], spans[i][2]

    source = result.document.source
    if result.analysis is not None:
        for cue in result.analysis.cues:
            found = owner(cue.span.start)
            if found is None:
                continue
            base, item = found
            if is_hedge(cue.kind):
                item.hedges.append((cue.span.start - base, cue.span.end - base, cue.text))
            else:
                item.other_cues.append((cue.kind, cue.text))
    for diagnostic in result.diagnostics:
        found = owner(diagnostic.span.start)
        if found is not None:
            text = source[diagnostic.span.start : diagnostic.span.end]
            found[1].findings.append(f"{diagnostic.rule}: {' '.join(text.split())}")


# --- scoring and reporting ---------------------------------------------------------------------


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_szeged(items: Iterable[Item]) -> tuple[Score, Score, Score]:
    """Sentence level (hedge cues), cue level (overlap), sentence level (any cue kind)."""
    sentence, cue, any_cue = Score(), Score(), Score()
    for item in items:
        sentence.add(bool(item.hedges), item.uncertain)
        other = any(kind in UNCERTAIN_KINDS for kind, _ in item.other_cues)
        any_cue.add(bool(item.hedges) or other, item.uncertain)
        gold = [(c.start, c.end) for c in item.cues]
        for start, end, _ in item.hedges:
            hit = any(_overlaps((start, end), g) for g in gold)
            cue.tp += hit
            cue.fp += not hit
        cue.fn += sum(not any(_overlaps((s, e), g) for s, e, _ in item.hedges) for g in gold)
    return sentence, cue, any_cue


def conll_predicted(item: Item) -> bool:
    return bool(item.findings or item.hedges)


def score_conll(items: Iterable[Item]) -> Score:
    score = Score()
    for item in items:
        score.add(conll_predicted(item), item.uncertain)
    return score


def everything_uncertain(items: Iterable[Item]) -> Score:
    """The score of a predictor that calls every sentence uncertain: the floor that the share of
    uncertain sentences alone sets for F1."""
    score = Score()
    for item in items:
        score.add(True, item.uncertain)
    return score


def _matched(item: Item) -> list[str]:
    return [f"hedge: {t}" for _, _, t in item.hedges] + item.findings + _others(item)


def _others(item: Item) -> list[str]:
    return [f"{kind}: {text}" for kind, text in item.other_cues]


def _counter_block(title: str, counts: Counter[str]) -> list[str]:
    lines = [f"-- {title} (top {TOP}) --"]
    lines += [f"{n:5d}  {word}" for word, n in counts.most_common(TOP)]
    return [*lines, ""]


def szeged_errors(name: str, items: list[Item]) -> list[str]:
    fn = [i for i in items if i.uncertain and not i.hedges]
    fp = [i for i in items if i.hedges and not i.uncertain]
    missed_cues = Counter(
        " ".join(c.text.lower().split())
        for i in items
        for c in i.cues
        if not any(_overlaps((c.start, c.end), (s, e)) for s, e, _ in i.hedges)
    )
    out = [f"==== {name} ====", ""]
    out += _counter_block(
        "gold cue words in false-negative sentences",
        Counter(" ".join(c.text.lower().split()) for i in fn for c in i.cues),
    )
    out += _counter_block("gold cues missed at cue level (any sentence)", missed_cues)
    out += _counter_block(
        "hedge matches in false-positive sentences",
        Counter(t.lower() for i in fp for _, _, t in i.hedges),
    )
    out += _counter_block(
        "spurious hedge cues (no gold cue overlaps), any sentence",
        Counter(
            t.lower()
            for i in items
            for s, e, t in i.hedges
            if not any(_overlaps((s, e), (c.start, c.end)) for c in i.cues)
        ),
    )
    out.append(f"-- false negatives ({len(fn)}) --")
    for item in fn:
        cues = " | ".join(f"{c.text} [{c.type.removeprefix('speculation_')}]" for c in item.cues)
        other = f"   (other cues: {'; '.join(_others(item))})" if item.other_cues else ""
        out += [f"[{item.ident}] gold: {cues}{other}", f"    {item.text.strip()}"]
    out += ["", f"-- false positives ({len(fp)}) --"]
    for item in fp:
        out += [
            f"[{item.ident}] matched: {' | '.join(_matched(item))}",
            f"    {item.text.strip()}",
        ]
    return [*out, ""]


def conll_errors(name: str, items: list[Item]) -> list[str]:
    fn = [i for i in items if i.uncertain and not conll_predicted(i)]
    fp = [i for i in items if conll_predicted(i) and not i.uncertain]
    out = [f"==== {name} ====", ""]
    out += _counter_block(
        "matches in false-positive sentences",
        Counter(
            m.lower() for i in fp for m in [f"hedge: {t}" for _, _, t in i.hedges] + i.findings
        ),
    )
    out.append(f"-- false negatives ({len(fn)}) --")
    for item in fn:
        other = f"   (other cues: {'; '.join(_others(item))})" if item.other_cues else ""
        out += [f"[{item.ident}]{other}", f"    {item.text}"]
    out += ["", f"-- false positives ({len(fp)}) --"]
    for item in fp:
        out += [
            f"[{item.ident}] matched: {' | '.join(_matched(item))}",
            f"    {item.text}",
        ]
    return [*out, ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "corpora", type=Path, nargs="?", default=DEFAULT_CORPORA, help="the corpora folder"
    )
    parser.add_argument("--errors", type=Path, help="write false negatives and positives here")
    parser.add_argument(
        "--isolated", action="store_true", help="lint Szeged sentences one by one, not as articles"
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents/rows")
    parser.add_argument("--model", help="spaCy model (default: attrlint's resolution order)")
    parser.add_argument("--only", choices=("factbank", "szeged", "conll"), help="run one part only")
    args = parser.parse_args(argv)
    corpora: Path = args.corpora
    limit: int | None = args.limit or None
    rules = select_rules(load_rules(), ["SRC", "HDG"], None)
    print(f"rules: {', '.join(r.id for r in rules)}")
    report: list[str] = []
    total_start = time.perf_counter()

    print("\nHedge detection, Szeged uncertainty corpus (any hedge cue, any voice)")
    names = {"factbank": ("factbank-dev",), "conll": ()}.get(
        args.only, ("factbank-dev", "wiki-dev")
    )
    for name in names:
        docs = read_szeged(corpora / "szeged" / f"{name}.xml")[:limit]
        articles: list[list[list[Item]]] = (
            [[[s]] for d in docs for p in d for s in p] if args.isolated else docs
        )
        seconds = run(articles, rules, args.model)
        items = [s for d in docs for p in d for s in p]
        sentence, cue, any_cue = score_szeged(items)
        uncertain = sum(i.uncertain for i in items)
        print(
            f"{name}: {len(items)} sentences ({uncertain} uncertain, "
            f"{sum(len(i.cues) for i in items)} gold cues), {len(docs)} documents, {seconds:.1f}s"
        )
        print(sentence.line("sentence, hedge cues"))
        print(cue.line("cue overlap, hedge cues"))
        print(any_cue.line("sentence, + passive/weasel (info)"))
        report += szeged_errors(name, items)

    print("\nWeasel and hedge sentences, CoNLL-2010 Wikipedia (any SRC/HDG finding or hedge cue)")
    conll = corpora / "conll2010-wikipedia"
    if args.only in ("factbank", "szeged"):
        return _finish(report, args.errors, total_start)
    files = {
        "liew_train": read_conll(conll / "liew_train.csv", 0, 1, "1", header=True)[:limit],
        "pattern_uncertainty": read_conll(
            conll / "pattern_uncertainty-conll2010.csv", 1, 0, "-1", header=False
        )[:limit],
    }
    union: dict[str, Item] = {}
    for name, items in files.items():
        files[name] = [union.setdefault(item.text, item) for item in items]
    seconds = run([[[item]] for item in union.values()], rules, args.model)
    print(f"{len(union)} unique sentences linted in {seconds:.1f}s")
    for name, items in [*files.items(), ("combined (deduplicated)", list(union.values()))]:
        uncertain = sum(i.uncertain for i in items)
        print(score_conll(items).line(f"{name}: {len(items)} ({uncertain} unc.)"))
        print(everything_uncertain(items).line("  (every sentence called uncertain)"))
    for name, items in files.items():
        report += conll_errors(f"conll2010 {name}", items)

    return _finish(report, args.errors, total_start)


def _finish(report: list[str], errors: Path | None, start: float) -> int:
    print(f"\nwall time {time.perf_counter() - start:.1f}s")
    if errors:
        errors.write_text("\n".join(report), "utf-8")
        print(f"errors written to {errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
