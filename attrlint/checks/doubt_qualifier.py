"""HDG003 doubt-qualifier: "so-called", "supposed", "self-styled", scare quotes, in your voice."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis.spans import SentenceIndex
from attrlint.checks.base import CheckContext, Finding

NAMING = frozenset(
    {
        "called",
        "dubbed",
        "titled",
        "entitled",
        "named",
        "nicknamed",
        "word",
        "term",
        "phrase",
        "slogan",
        "motto",
        "album",
        "film",
        "song",
        "book",
        "show",
        "single",
        "headline",
        "label",
        "brand",
        "known",
        "as",
        "marked",
        "read",
        "reading",
    }
)
MAX_SCARE_WORDS = 2
# Verbs that report someone's characterisation: a quoted word beside them is that someone's.
CHARACTERISING = frozenset(
    {
        "criticise",
        "criticize",
        "accuse",
        "condemn",
        "brand",
        "describe",
        "call",
        "rule",
        "label",
        "complain",
        "deem",
        "attack",
        "praise",
        "hail",
        "denounce",
        "slam",
        "blast",
        "dismiss",
        "question",
    }
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    analysis = ctx.analysis
    source = ctx.document.source
    for cue in analysis.cues:
        if cue.kind == "doubt_qualifier" and ctx.own_voice(cue):
            yield Finding(cue.span, {"term": cue.text})
    sentences = SentenceIndex(analysis.sentences)
    characterising: dict[int, bool] = {}  # by sentence: read each sentence's words once
    for index, quote in enumerate(analysis.quotes):
        if index in analysis.quote_speakers or not quote.closed:
            continue
        sentence = next(iter(sentences.overlapping(quote.span)), None)
        if sentence is None or sentence.heading or analysis.attributions_in(sentence.index):
            continue
        if sentence.index not in characterising:
            lemmas = (t.lemma_.lower() for t in sentence.sent)
            characterising[sentence.index] = any(w in CHARACTERISING for w in lemmas)
        if characterising[sentence.index]:
            continue  # "criticised for sending 'offensive' ads": someone's word, quoted
        content = source[quote.content.start : quote.content.end]
        words = content.split()
        if not words or len(words) > MAX_SCARE_WORDS or not content[:1].islower():
            continue  # a title, a name, or a real quote
        before = source[max(0, quote.span.start - 30) : quote.span.start].lower().split()
        if before and before[-1].strip(",:") in NAMING:
            continue  # "dubbed 'the beast'": a name being reported
        yield Finding(quote.span, {"term": source[quote.span.start : quote.span.end]})
