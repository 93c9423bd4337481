"""NUM001 percent-without-base: a relative change with no start value, end value or count."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import Analysis, Sentence
from attrlint.analysis.figures import (
    NOT_BASE,
    Change,
    Figure,
    NumberWords,
    change_of,
    clause_head,
    figures_in,
    fold_changes,
    is_count,
    load_number_words,
    mention_at,
)
from attrlint.checks.base import CheckContext, Finding


def _has_base(analysis: Analysis, sent: Sentence, change: Change, figures: list[Figure]) -> bool:
    """Another figure (a start, an end, a count, a whole) here or in the sentence before."""
    words = load_number_words()
    previous = analysis.sentences[sent.index - 1] if sent.index > 0 else None
    nearby = [(sent, figures)]
    if previous is not None and previous.block == sent.block:
        nearby.append((previous, figures_in(previous)))
    for where, found in nearby:
        for fig in found:
            if fig is change.figure:
                continue
            number = mention_at(analysis, where, fig)
            if number is not None and number.cls in NOT_BASE:
                continue
            if change_of(where, fig, words) is None:
                return True
    return False


def _agent(change: Change, words: NumberWords) -> bool:
    """The measured noun is the people doing the changing: "investors lost", "voters cut"."""
    measured = change.measured
    return (
        measured is not None
        and measured.dep_ in ("nsubj", "nsubjpass")
        and change.word.lemma_.lower() in words.agent_change_verbs
        and measured.lemma_.lower() in words.people_nouns | words.respondent_nouns
    )


def _periodic(change: Change) -> bool:
    """ "Doubled every five months": a growth rate, not a change with a missing base."""
    return any(t.lower_ in ("every", "each", "per") for t in change.word.subtree)


def _skipped(ctx: CheckContext, sent: Sentence) -> bool:
    """Headings, block quotes, the writer's own voice and questions."""
    source = ctx.document.source
    return (
        sent.heading
        or sent.quoted_block
        or sent.personal
        or source[sent.span.end - 1 : sent.span.end] == "?"
    )


def _changes(sent: Sentence, figures: list[Figure], words: NumberWords) -> Iterator[Change]:
    """Percentage changes, then "doubled" and "tenfold"."""
    for fig in figures:
        change = change_of(sent, fig, words)
        if change is not None:
            yield change
    yield from fold_changes(sent, words)


def check(ctx: CheckContext) -> Iterator[Finding]:
    """Relative changes in counts or risks with no figure to anchor them."""
    words = load_number_words()
    analysis = ctx.analysis
    for sent in analysis.sentences:
        if _skipped(ctx, sent):
            continue
        figures = figures_in(sent)
        for change in _changes(sent, figures, words):
            if {
                change.word.lemma_.lower(),
                clause_head(change.word).lemma_.lower(),
            } & words.priced_verbs:
                continue  # "sold 2.1% more cars", "can cost 250% more": sales and prices
            if not is_count(change.measured, words):
                continue  # prices, rates, results, output: a relative change is their measure
            if _agent(change, words):
                continue  # "investors lost 20.5%": of their money, not of the investors
            if _periodic(change):
                continue  # "doubled every five months": a growth rate
            if _has_base(analysis, sent, change, figures):
                continue
            if change.figure is not None:
                span = change.figure.span(sent)
                text = change.figure.written(sent.sent.doc)
            else:
                span = sent.tok_span(change.word)
                text = change.word.text
            if analysis.in_quote(span):
                continue
            yield Finding(span, {"pct": text}, message_key=_message(change, words))


def _message(change: Change, words: NumberWords) -> str | None:
    """The message for a risk, a "doubled", or a plain percentage."""
    measured = change.measured
    if measured is not None and measured.lemma_.lower() in words.risk_words:
        return "risk"
    return "fold" if change.figure is None else None
