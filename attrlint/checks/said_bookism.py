"""VRB003 said-bookism: "fumed", "quipped", "slammed" where "said" is neutral."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.checks.base import CheckContext, Finding
from attrlint.types import Edit

PARTICLE_VERBS = frozenset({"lash out", "hit back", "hit out"})


def check(ctx: CheckContext) -> Iterator[Finding]:
    lex = ctx.lexicon
    for attribution in ctx.analysis.attributions:
        lemma = attribution.cue_lemma
        emotive = lemma in lex.emotive_speech_verbs or lemma in PARTICLE_VERBS
        if not emotive or not attribution.clausal or attribution.source is None:
            continue
        if ctx.analysis.in_quote(attribution.cue):
            continue
        target = attribution.verb or attribution.cue
        verb = ctx.document.source[target.start : target.end]
        said = lex.said_form(attribution.cue_tag)
        if verb[:1].isupper():
            said = said.capitalize()
        yield Finding(target, {"verb": verb}, fix=(Edit(target, said),))
