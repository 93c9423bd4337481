"""SRC007 weasel-quantifier: "many people say", "some argue", "studies show"."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import SourceKind, Voice
from attrlint.checks.base import CheckContext, Finding
from attrlint.types import Span

SURVEYS = frozenset({"survey", "poll", "census", "study", "questionnaire", "ballot", "referendum"})


def _survey_nearby(ctx: CheckContext, sentence: int, span: Span) -> bool:
    """A survey with a name or a size in this or the previous sentence ("a Mori survey of 2,000
    adults"): the quantifier reports its result."""
    sentences = ctx.analysis.sentences
    for index in (sentence - 1, sentence):
        if index < 0 or sentences[index].block != sentences[sentence].block:
            continue
        sent = sentences[index]
        for token in sent.sent:
            if (
                token.lemma_.lower() in SURVEYS
                and not span.contains(sent.tok_span(token))
                and any(t.like_num or t.pos_ == "PROPN" for t in token.subtree)
            ):
                return True
    return False


def check(ctx: CheckContext) -> Iterator[Finding]:
    for cue in ctx.analysis.cues:
        if cue.kind != "weasel" or cue.voice is Voice.QUOTED:
            continue
        if any(
            a.kind is SourceKind.DOCUMENT and not (a.source and a.source.overlaps(cue.span))
            for a in ctx.window(cue.sentence)
        ) or _survey_nearby(ctx, cue.sentence, cue.span):
            continue  # the survey or count behind it is cited alongside
        yield Finding(cue.span, {"phrase": cue.text})
