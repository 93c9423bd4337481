"""VRB001 loaded-attribution-verb: "claimed", "admitted", "revealed" where "said" is meant."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.analysis import SourceKind
from attrlint.checks.base import CheckContext, Finding
from attrlint.types import Edit, Severity


def check(ctx: CheckContext) -> Iterator[Finding]:
    lex = ctx.lexicon
    truth = lex.truth_verbs | {f"{v} {p}" for v, p in lex.truth_particle_verbs}
    for attribution in ctx.analysis.attributions:
        lemma = attribution.cue_lemma
        if (
            attribution.source is None
            or not attribution.clausal
            or ctx.analysis.in_quote(attribution.cue)
        ):
            continue
        if attribution.negated or (attribution.legal and lemma in ("allege", "claim")):
            continue  # "did not disclose"; "prosecutors allege", "the lawsuit claims"
        if lemma in truth and (attribution.kind is SourceKind.DOCUMENT or attribution.wh_content):
            continue  # "the study revealed" is accurate; "reveal who told them" is not a statement
        if lemma in lex.doubt_verbs or lemma in lex.guilt_verbs:
            severity = Severity.WARNING
        elif lemma in truth:
            severity = Severity.INFO
        else:
            continue
        said = lex.said_form(attribution.cue_tag)
        target = attribution.verb or attribution.cue
        verb = ctx.document.source[target.start : target.end]
        if verb[:1].isupper():
            said = said.capitalize()
        yield Finding(
            target,
            {"verb": verb, "said": said},
            severity=severity,
            fix=(Edit(target, said),),
        )
