"""VRB002 uneven-attribution-verbs: one side "claims" while the other side "says"."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.checks.base import CheckContext, Finding

NEUTRAL = frozenset({"say", "tell", "state", "add", "write", "announce"})


def check(ctx: CheckContext) -> Iterator[Finding]:
    doubt = ctx.lexicon.doubt_verbs
    by_speaker: dict[str, list[str]] = {}
    for attribution in ctx.analysis.attributions:
        if attribution.source is None or not attribution.clausal or not attribution.kind.identified:
            continue  # sides are named sources, not "experts"
        key = (attribution.speaker or attribution.source_text).strip()
        by_speaker.setdefault(key, []).append(attribution.cue_lemma)
    neutral = [
        s for s, lemmas in by_speaker.items() if lemmas and all(v in NEUTRAL for v in lemmas)
    ]
    if not neutral:
        return
    for attribution in ctx.analysis.attributions:
        if attribution.cue_lemma not in doubt or not attribution.clausal or attribution.legal:
            continue
        speaker = (attribution.speaker or attribution.source_text).strip()
        other = next((s for s in neutral if s != speaker), None)
        if other is None:
            continue
        target = attribution.verb or attribution.cue
        verb = ctx.document.source[target.start : target.end]
        yield Finding(target, {"a": speaker, "verb": verb, "b": other})
        return  # a story-level note: the first uneven verb says it
