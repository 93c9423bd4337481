"""NUM005 conflicting-figures: one story, one measure (the dead, jobs, a deal), two values."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from attrlint.analysis import Analysis, NumberClass, Sentence
from attrlint.analysis.figures import (
    Figure,
    NumberWords,
    clause_head,
    clause_tokens,
    figures_in,
    has_phrase,
    interval,
    load_number_words,
    lower_words,
    measure_of,
    mention_at,
)
from attrlint.analysis.spans import ents
from attrlint.checks.base import CheckContext, Finding

COUNTED = (NumberClass.COUNT, NumberClass.SMALL, NumberClass.MONEY)
LABELS = {
    "dead": "the dead",
    "injured": "the injured",
    "missing": "the missing",
    "displaced": "people displaced",
    "arrested": "arrests",
    "protesters": "protesters",
    "jobs": "jobs",
}
PLACES = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class Value:
    """One stated value of a measure, with what else the story says about it."""

    key: str
    sentence: int
    figure: Figure
    low: float
    high: float
    places: frozenset[str]
    dates: frozenset[str]
    source: str  # who it is attributed to, lower case; "" if no one


def _context(sent: Sentence, fig: Figure) -> tuple[frozenset[str], frozenset[str]]:
    """Places and dates stated in the figure's clause."""
    doc = sent.sent.doc
    clause = clause_tokens(clause_head(doc[fig.number]))
    places = {e.text.lower() for e in ents(sent.sent) if e.label_ in PLACES and e.start in clause}
    dates = {e.text.lower() for e in ents(sent.sent) if e.label_ == "DATE" and e.start in clause}
    return frozenset(places), frozenset(dates)


def _source(analysis: Analysis, sentence: int) -> str:
    """Who the sentence's figures are credited to, named or not ("police", "officials")."""
    found = analysis.window(sentence)
    return (found[0].speaker or found[0].source_text or found[0].cue_text).lower() if found else ""


def _values(ctx: CheckContext, words: NumberWords) -> Iterator[Value]:
    """Every keyed value of the story, skipping updates, parts, plans and breakdowns."""
    analysis = ctx.analysis
    for sent in analysis.sentences:
        if sent.heading or sent.quoted_block:
            continue
        if has_phrase(lower_words(sent.sent), words.update_markers):
            continue  # "rose to", "a further 200", "of them", "last year": not the same measure
        keyed: list[tuple[str, Figure]] = []
        for fig in figures_in(sent):
            number = mention_at(analysis, sent, fig)
            if number is None or number.cls not in COUNTED or fig.percent:
                continue
            if analysis.in_quote(fig.span(sent)):
                continue
            measure = measure_of(sent, fig, words)
            if measure is not None:
                keyed.append((measure[0], fig))
        keys = [k for k, _ in keyed]
        for key, fig in keyed:
            if keys.count(key) > 1:
                continue  # a breakdown or a range in one sentence
            low, high = interval(sent.sent.doc, fig, sent.sent.start)
            places, dates = _context(sent, fig)
            yield Value(
                key, sent.index, fig, low, high, places, dates, _source(analysis, sent.index)
            )


def _comparable(a: Value, b: Value) -> bool:
    """Same measure, same place and time, not credited to two different sources."""
    if a.places and b.places and a.places != b.places:
        return False
    if a.dates and b.dates and a.dates != b.dates:
        return False
    return not (a.source and b.source and a.source != b.source)


def check(ctx: CheckContext) -> Iterator[Finding]:
    """The first value of each measure that no earlier comparable value allows."""
    words = load_number_words()
    values = list(_values(ctx, words))
    flagged: set[str] = set()
    for i, later in enumerate(values):
        if later.key in flagged:
            continue
        places = {p for v in values if v.key == later.key for p in v.places}
        if len(places) > 1:
            continue  # figures for several places: a breakdown, not one total
        for earlier in values[:i]:
            if earlier.key != later.key or earlier.sentence == later.sentence:
                continue
            if not _comparable(earlier, later):
                continue
            if earlier.high < later.low or later.high < earlier.low:
                doc_a = ctx.analysis.sentences[earlier.sentence].sent.doc
                doc_b = ctx.analysis.sentences[later.sentence].sent.doc
                sent = ctx.analysis.sentences[later.sentence]
                flagged.add(later.key)
                yield Finding(
                    later.figure.span(sent),
                    {
                        "noun": LABELS.get(later.key, later.key.partition(":")[2] or later.key),
                        "a": earlier.figure.written(doc_a),
                        "b": later.figure.written(doc_b),
                    },
                )
                break
