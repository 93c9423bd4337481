"""ATR001 unattributed-number: a statistic in the reporter's voice with no identified source."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import Attribution, NumberClass, NumberMention, Sentence, SourceKind
from attrlint.checks.base import CheckContext, Finding
from attrlint.types import Span

RECORD_CLASSES = (NumberClass.MONEY, NumberClass.PERCENT, NumberClass.COUNT)
COMPANY_WORDS = frozenset({"its", "their", "firm", "company", "group", "business", "bank", "club"})
CARRY = 6  # sentences a named report or survey keeps sourcing the figures after it
SUBJECT_GAP = 40  # characters from a figure in a subject to the agentless cue after it


def _describe(source_text: str, cue_text: str) -> str:
    if source_text:
        return f'"{source_text}"'
    return f'an unnamed source ("{cue_text}")'


def _about(ctx: CheckContext, attribution: Attribution, figure: Span) -> bool:
    """Whether an agentless cue is about the figure: the figure is in what it says ("it is
    believed that 12,000 ..."), or in the subject just before it ("about 500,000 visitors are
    expected"); not "£18.5m, and the work is expected to finish in March"."""
    if attribution.content is not None and attribution.content.contains(figure):
        return True
    between = ctx.document.source[figure.end : attribution.cue.start]
    return (
        0 <= attribution.cue.start - figure.end <= SUBJECT_GAP
        and not any(mark in between for mark in ",;:()—–\n")
        and not any(f" {word} " in f" {between} " for word in ("and", "but", "or", "while"))
    )


def _leaning(window: list[Attribution]) -> str:
    """What an unsourced figure leans on: 'South Korean media', citing 'NIS sources'."""
    direct = [a for a in window if a.relation != "citation"]
    cited = [a for a in window if a.relation == "citation"]
    first = direct[0] if direct else cited[0]
    text = _describe(first.source_text, first.cue_text)
    if direct and cited:
        text += f", citing {_describe(cited[0].source_text, cited[0].cue_text)}"
    return text


def _public_record(
    ctx: CheckContext, number: NumberMention, sent: Sentence, seen: dict[int, set[str]]
) -> bool:
    """A company's reported results or deal terms, or a market price: public record.

    Money, percentages and counts, in a sentence that speaks of a market, or of results or deals
    with an organisation named here or in the sentence before (not a country: "Moscow has deployed
    12,000 troops" is a claim).
    """
    if number.cls not in RECORD_CLASSES:
        return False
    if number.cls is NumberClass.COUNT and _tally(ctx, number, sent):
        return True
    words = seen.get(sent.index)
    if words is None:  # once per sentence: a sentence may hold thousands of figures
        words = seen[sent.index] = {t.lemma_.lower() for t in sent.sent} | {
            t.lower_ for t in sent.sent
        }
    if words & ctx.lexicon.market_nouns and number.cls is not NumberClass.COUNT:
        return True
    if not words & ctx.lexicon.financial_nouns:
        return False
    previous = ctx.analysis.sentences[sent.index - 1] if sent.index > 0 else None
    nearby = [sent] + ([previous] if previous is not None else [])
    return any(e.label_ == "ORG" for s in nearby for e in s.entities) or bool(words & COMPANY_WORDS)


def _tally(ctx: CheckContext, number: NumberMention, sent: Sentence) -> bool:
    """A count of a record-book tally: "made 49 appearances", "12 nominations", "45 caps"."""
    last = next(
        (t for t in sent.sent if sent.tok_span(t).end == number.span.end and t.like_num), None
    )
    if last is None or last.dep_ != "nummod":
        return False
    return last.head.lemma_.lower() in ctx.lexicon.tally_nouns


def _carried(ctx: CheckContext, sentence: int) -> bool:
    """The last attribution before this sentence is a named report, survey or data set (or "according
    to" a named body), within a few sentences: "According to the survey, ... . Of those asked,
    59% ..." -- its scope carries until another source takes over."""
    for earlier in range(sentence - 1, max(-1, sentence - 1 - CARRY), -1):
        found = ctx.analysis.sourcing(earlier)  # a poll's answers or a stance take nothing over
        if found:
            last = found[-1]
            return last.kind is SourceKind.DOCUMENT or (
                last.kind.identified
                and (last.relation == "evidence" or last.cue_lemma == "according to")
            )
    return False


def _closed_by_document(ctx: CheckContext, sentence: int) -> bool:
    """The next attribution in the paragraph is a report, survey or data set: "Of those asked,
    59% were men ... . Ownership doubled in a year, the survey found." -- figures that lead up to
    their source in one paragraph rest on it."""
    analysis = ctx.analysis
    block = analysis.sentences[sentence].block
    for later in range(sentence + 1, len(analysis.sentences)):
        if analysis.sentences[later].block != block:
            return False
        found = analysis.sourcing(later)
        if found:
            return found[0].kind is SourceKind.DOCUMENT
    return False


def check(ctx: CheckContext) -> Iterator[Finding]:
    analysis = ctx.analysis
    attributed: set[str] = set()
    flagged: set[str] = set()
    words: dict[int, set[str]] = {}
    for number in analysis.numbers:
        if not number.cls.statistic:
            continue
        sent = analysis.sentences[number.sentence]
        if sent.heading or sent.quoted_block or sent.personal or analysis.in_quote(number.span):
            continue
        if ctx.document.source[sent.span.end - 1 : sent.span.end] == "?":
            continue  # a question asserts nothing
        if not any(t.is_alpha for t in sent.sent):
            continue  # a figure standing alone (a table cell, an attendance line) asserts nothing
        window = ctx.window(number.sentence, lead_looks_ahead=True)
        if any(a.kind.identified for a in window):
            attributed.add(number.value)
            continue
        if number.value in attributed or number.value in flagged:
            continue  # a figure already sourced, or already flagged, earlier in the story
        if any(a.source is not None and a.source.contains(number.span) for a in window):
            continue  # the figure is part of the source: "two officials said"
        if _public_record(ctx, number, sent, words) or (
            not window
            and (_carried(ctx, number.sentence) or _closed_by_document(ctx, number.sentence))
        ):
            continue
        flagged.add(number.value)
        leaned = [a for a in window if a.source is not None or _about(ctx, a, number.span)]
        if leaned:
            yield Finding(
                number.span,
                {"number": number.text, "source": _leaning(leaned)},
                message_key="leans",
            )
        else:
            yield Finding(number.span, {"number": number.text})
