"""ATR001 unattributed-number: a statistic in the reporter's voice with no identified source."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import NumberClass, NumberMention, Sentence
from attrlint.checks.base import CheckContext, Finding

RECORD_CLASSES = (NumberClass.MONEY, NumberClass.PERCENT)


def _describe(source_text: str, cue_text: str) -> str:
    if source_text:
        return f'"{source_text}"'
    return f'an unnamed source ("{cue_text}")'


def _public_record(ctx: CheckContext, number: NumberMention, sent: Sentence) -> bool:
    """A company's reported results or deal terms, or a market price: public record.

    Money and percentages only, in a sentence that names an organisation (not a country: "Moscow
    has deployed 12,000 troops" is a claim) and speaks of results or deals, or of a market.
    """
    if number.cls not in RECORD_CLASSES:
        return False
    lemmas = {t.lemma_.lower() for t in sent.sent} | {t.lower_ for t in sent.sent}
    if lemmas & ctx.lexicon.market_nouns:
        return True
    names_company = any(e.label_ == "ORG" for e in sent.sent.ents)
    return names_company and bool(lemmas & ctx.lexicon.financial_nouns)


def check(ctx: CheckContext) -> Iterator[Finding]:
    analysis = ctx.analysis
    attributed: set[str] = set()
    flagged: set[str] = set()
    for number in analysis.numbers:
        if not number.cls.statistic:
            continue
        sent = analysis.sentences[number.sentence]
        if sent.heading or sent.quoted_block or analysis.in_quote(number.span):
            continue
        window = ctx.window(number.sentence, lead_looks_ahead=True)
        if any(a.kind.identified for a in window):
            attributed.add(number.value)
            continue
        if number.value in attributed or number.value in flagged:
            continue  # a figure already sourced, or already flagged, earlier in the story
        if any(a.source is not None and a.source.contains(number.span) for a in window):
            continue  # the figure is part of the source: "two officials said"
        if _public_record(ctx, number, sent):
            continue
        flagged.add(number.value)
        if window:
            leaning = window[0]
            yield Finding(
                number.span,
                {"number": number.text, "source": _describe(leaning.source_text, leaning.cue_text)},
                message_key="leans",
            )
        else:
            yield Finding(number.span, {"number": number.text})
