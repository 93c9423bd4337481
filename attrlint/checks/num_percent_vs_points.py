"""NUM002 percent-vs-points: "rose 5% from 10% to 15%" is a 5-point rise, a 50% relative one."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import Sentence
from attrlint.analysis.figures import (
    Change,
    Figure,
    NumberWords,
    change_of,
    figures_in,
    from_to,
    load_number_words,
)
from attrlint.checks.base import CheckContext, Finding
from attrlint.types import Edit, Severity, Span

POINT_TOLERANCE = 0.051  # figures rounded to one decimal place


def _number(value: float) -> str:
    """A value with at most two decimals: "5", "0.25"."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _confused(change: float, start: float, end: float) -> bool:
    """The stated change equals the difference in points and not the relative change."""
    if start <= 0:
        return False
    points = abs(end - start)
    relative = 100 * points / start
    return (
        points > 0
        and abs(change - points) <= POINT_TOLERANCE
        and abs(change - relative) > max(0.5, 0.05 * relative)
    )


def _of_a_rate(change: Change, words: NumberWords) -> bool:
    """The changed thing is itself a percentage: a rate, a share, turnout."""
    measured = change.measured
    if measured is None:
        return False
    names = {measured.lower_, measured.lemma_.lower()}
    names |= {c.lower_ for c in measured.children if c.dep_ in ("compound", "amod")}
    return bool(names & words.percent_quantities)


def _fix(sent: Sentence, change: Change, fig: Figure) -> Edit:
    """ "5%" → "5 percentage points" (before a noun: "a 5 percentage point rise")."""
    doc = sent.sent.doc
    unit = "percentage point"
    before_noun = change.kind == "noun" and fig.last < change.word.i  # "a 5% rise"
    if not before_noun and fig.text not in ("1", "one"):
        unit += "s"
    text = f"{doc[fig.number].text} {unit}"
    nxt = doc[fig.last + 1] if fig.last + 1 < sent.sent.end else None
    if change.kind == "verb" and nxt is not None and nxt.lower_ in ("from", "to"):
        text += ","  # "rose 5 percentage points, from 10% to 15%"
    return Edit(Span(sent.tok_span(doc[fig.number]).start, fig.span(sent).end), text)


def check(ctx: CheckContext) -> Iterator[Finding]:
    """Percentage changes between two percentages that are really differences in points."""
    words = load_number_words()
    analysis = ctx.analysis
    for sent in analysis.sentences:
        if sent.heading:
            continue
        figures = figures_in(sent)
        for fig in figures:
            change = change_of(sent, fig, words)
            if change is None or change.kind == "comparative":
                continue
            start, end = from_to(sent, change, figures)
            span = Span(sent.tok_span(sent.sent.doc[fig.number]).start, fig.span(sent).end)
            if analysis.in_quote(span) or sent.quoted_block:
                continue  # a speaker's words: the reporter cannot reword them
            if (start is None) != (end is None):
                level = start or end
                if level is not None and level.percent and _of_a_rate(change, words):
                    yield Finding(
                        span,
                        {"pct": fig.written(sent.sent.doc), "level": level.written(sent.sent.doc)},
                        message_key="level",
                        severity=Severity.WARNING,
                        fix=(_fix(sent, change, fig),),
                    )
                continue
            if start is None or end is None or not _confused(fig.value, start.value, end.value):
                continue
            points = abs(end.value - start.value)
            relative = 100 * points / start.value
            yield Finding(
                span,
                {"d": _number(points), "r": f"{relative:.0f}", "pct": fig.written(sent.sent.doc)},
                fix=(_fix(sent, change, fig),),
            )
