"""NUM003 false-precision: more than two decimals, "about" with an exact figure, padded conversions."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import NumberClass, Sentence
from attrlint.analysis.figures import (
    Figure,
    NumberWords,
    decimals,
    figures_in,
    has_phrase,
    load_number_words,
    lower_words,
    mention_at,
    significant_digits,
)
from attrlint.checks.base import CheckContext, Finding
from attrlint.types import Edit, Span

NOT_MEASURES = frozenset(
    {
        NumberClass.NAME,
        NumberClass.DATE,
        NumberClass.TIME,
        NumberClass.YEAR,
        NumberClass.AGE,
        NumberClass.ORDINAL,
        NumberClass.SCORE,
    }
)


def _rounded(fig: Figure, digits: int = 2) -> str:
    """The numeral rounded to ``digits`` significant figures, written as before ("1,300")."""
    text = fig.text.replace(",", "")
    value = float(text)
    if value == 0:
        return fig.text
    rounded = float(f"{value:.{digits}g}")
    out = f"{rounded:,.0f}" if rounded >= 10 ** (digits - 1) or "," in fig.text else f"{rounded:g}"
    if "," not in fig.text:
        out = out.replace(",", "")
    return out


def _rounding_marker(sent: Sentence, fig: Figure, words: NumberWords) -> str | None:
    """ "about", "around", "some"... right before the figure."""
    doc = sent.sent.doc
    i = fig.first - 1
    if i >= sent.sent.start and doc[i].lower_ in words.rounding_markers:
        return doc[i].text
    return None


def _conversion(sent: Sentence, fig: Figure, figures: list[Figure]) -> Figure | None:
    """The bracketed figure right after ``fig``: "100 miles (160.9km)"."""
    doc = sent.sent.doc
    after = fig.last + 1
    if fig.unit and after < sent.sent.end and doc[after].lower_ == fig.unit:
        after += 1  # "100 miles (": the unit word after the numeral
    if after >= sent.sent.end or doc[after].text != "(":
        return None
    return next((f for f in figures if f.first == after + 1), None)


def _padded(fig: Figure, conv: Figure, marker: str | None) -> bool:
    """A conversion with more significant figures than the figure it converts can support."""
    whole = fig.text.replace(",", "").partition(".")[0]
    round_figure = not decimals(fig.text) and whole.endswith("0")
    if fig.money and marker is None:
        return False  # "$50m (£26.5m)": an exact amount at the day's rate
    if not (marker or round_figure):
        return False
    have, made = significant_digits(fig.text), significant_digits(conv.text)
    return made >= 3 and made >= have + 2


def check(ctx: CheckContext) -> Iterator[Finding]:
    """Rounded-yet-exact figures, long decimals and padded conversions."""
    words = load_number_words()
    analysis = ctx.analysis
    for sent in analysis.sentences:
        if sent.heading or sent.quoted_block:
            continue
        lowered = lower_words(sent.sent)
        if has_phrase(lowered, words.precision_contexts):
            continue  # batting averages, blood alcohol, exchange rates, timings
        rates = bool(set(lowered) & words.currency_words)  # "43.305 rupees per US dollar"
        figures = figures_in(sent)
        for fig in figures:
            span = fig.span(sent)
            number = mention_at(analysis, sent, fig)
            if analysis.in_quote(span) or number is None or number.cls in NOT_MEASURES:
                continue
            marker = _rounding_marker(sent, fig, words)
            conv = _conversion(sent, fig, figures)
            if marker and significant_digits(fig.text) >= 4:
                yield _approximate(sent, fig, marker)
            elif _too_many_decimals(fig) and not rates:
                yield Finding(span, {"n": fig.written(sent.sent.doc)})
            elif conv is not None and _padded(fig, conv, marker):
                doc = sent.sent.doc
                last = conv.last
                if conv.unit and last + 1 < sent.sent.end and doc[last + 1].lower_ == conv.unit:
                    last += 1  # "160.9km": the unit is part of what is flagged
                yield Finding(
                    sent.range_span(doc[conv.first], doc[last]),
                    {"n": doc[conv.first : last + 1].text, "original": fig.written(doc)},
                    message_key="conversion",
                )


def _too_many_decimals(fig: Figure) -> bool:
    """More than two decimals in a measured figure; not a scaled amount or a currency rate."""
    if fig.money or fig.scaled:
        return False  # "$1.3666 to the euro", "3.997 billion barrels": exact as reported
    return decimals(fig.text) > 2 and significant_digits(fig.text) >= 4


def _approximate(sent: Sentence, fig: Figure, marker: str) -> Finding:
    """ "about 1,287.46": flagged from the marker, with the figure rounded to two digits."""
    doc = sent.sent.doc
    start = sent.tok_span(doc[fig.first - 1]).start
    numeral = doc[fig.number]
    edit = Edit(sent.tok_span(numeral), _rounded(fig) + _suffix(numeral.text, fig.text))
    return Finding(
        Span(start, fig.span(sent).end),
        {"n": fig.written(doc), "marker": marker},
        message_key="approximate",
        fix=(edit,),
    )


def _suffix(token: str, numeral: str) -> str:
    """What follows the digits in the token: "bn" in "1.287bn"."""
    return token[len(numeral) :]
