"""NUM004 bound-only-figure: "up to 30%" with no typical figure or range to set it against."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import Analysis, NumberClass, Sentence
from attrlint.analysis.figures import (
    Figure,
    NumberWords,
    bound_before,
    clause_head,
    clause_tokens,
    figures_in,
    load_number_words,
    mention_at,
    significant_digits,
)
from attrlint.checks.base import CheckContext, Finding
from attrlint.types import Span

MEASURES = (NumberClass.COUNT, NumberClass.MONEY, NumberClass.PERCENT, NumberClass.QUANTITY)


def _typical_near(analysis: Analysis, sent: Sentence, words: NumberWords) -> bool:
    """An average or typical value in this sentence or the ones beside it in the paragraph."""
    for index in (sent.index - 1, sent.index, sent.index + 1):
        if not 0 <= index < len(analysis.sentences):
            continue
        other = analysis.sentences[index]
        if other.block != sent.block:
            continue
        lemmas = {t.lower_ for t in other.sent} | {t.lemma_.lower() for t in other.sent}
        if lemmas & words.typical_words:
            return True
    return False


def _range(analysis: Analysis, sent: Sentence, figures: list[Figure], bound: Figure) -> bool:
    """Another figure of the same class in the sentence (not a bracketed conversion): a range."""
    number = mention_at(analysis, sent, bound)
    doc = sent.sent.doc
    for fig in figures:
        if fig is bound or fig.percent != bound.percent:
            continue
        if fig.first > 0 and doc[fig.first - 1].text in ("(", ";"):
            continue  # "$1m (£535,000)"
        other = mention_at(analysis, sent, fig)
        if number is not None and other is not None and other.cls is number.cls:
            return True
    return False


def _limit(sent: Sentence, start: int, words: NumberWords) -> bool:
    """A maximum that is the fact: a fine, a speed limit, a grant, a capacity."""
    doc = sent.sent.doc
    clause = clause_tokens(clause_head(doc[start]))
    near = {doc[i] for i in clause} | set(doc[start].head.ancestors)
    near |= {t for t in doc[max(sent.sent.start, start - 4) : start]}
    return any(t.lower_ in words.limit_words or t.lemma_.lower() in words.limit_words for t in near)


def check(ctx: CheckContext) -> Iterator[Finding]:
    """ "Up to", "as many as", "as much as" before an estimate with nothing to set it against."""
    words = load_number_words()
    analysis = ctx.analysis
    for sent in analysis.sentences:
        if sent.heading or sent.quoted_block:
            continue
        figures = figures_in(sent)
        for fig in figures:
            found = bound_before(sent, fig, words)
            if found is None:
                continue
            start, phrase = found
            number = mention_at(analysis, sent, fig)
            if number is None or number.cls not in MEASURES:
                continue
            if fig.percent and fig.value >= 100 and phrase == "up to":
                continue  # "up to 100% of the debt": all of it, at most
            doc = sent.sent.doc
            span = Span(sent.tok_span(doc[start]).start, fig.span(sent).end)
            if analysis.in_quote(span):
                continue
            if _limit(sent, start, words) or _range(analysis, sent, figures, fig):
                continue
            if significant_digits(fig.text) >= 3:
                continue  # "up to 1,080 lines", "up to £17,730": a specification, not an estimate
            lemmas = {t.lemma_.lower() for t in sent.sent}
            if fig.percent and lemmas & ctx.lexicon.market_nouns:
                continue  # "shares fell as much as 19%": the day's extreme, market record
            if _typical_near(analysis, sent, words):
                continue
            yield Finding(span, {"phrase": doc[start : fig.first].text, "n": fig.written(doc)})
