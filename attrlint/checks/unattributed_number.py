"""ATR001 unattributed-number: a statistic in the reporter's voice with no identified source."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.checks.base import CheckContext, Finding


def _describe(source_text: str, cue_text: str) -> str:
    if source_text:
        return f'"{source_text}"'
    return f'an unnamed source ("{cue_text}")'


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
