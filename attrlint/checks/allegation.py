"""ATR003 unattributed-allegation: wrongdoing stated as fact about someone identifiable."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import Voice
from attrlint.checks.base import CheckContext, Finding

TARGETS = ("PERSON", "ORG")


def check(ctx: CheckContext) -> Iterator[Finding]:
    analysis = ctx.analysis
    legal = ctx.lexicon.legal_process_terms
    for cue in analysis.cues:
        if cue.kind != "wrongdoing" or cue.voice is not Voice.REPORTER:
            continue
        sent = analysis.sentences[cue.sentence]
        if sent.heading or ctx.window(cue.sentence):
            continue
        nearby = [sent] + ([analysis.sentences[cue.sentence - 1]] if cue.sentence > 0 else [])
        words = {t.lemma_.lower() for s in nearby for t in s.sent} | {
            t.lower_ for s in nearby for t in s.sent
        }
        if words & legal:
            continue  # a charge, a court or an investigation is named
        targets = [e for e in sent.sent.ents if e.label_ in TARGETS]
        if not targets:
            continue  # no one identifiable is accused
        yield Finding(cue.span, {"target": targets[0].text, "term": cue.text})
