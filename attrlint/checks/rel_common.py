"""What the REL rules share: one reference per entry and statement, and who else backs it.

A *statement* is a paragraph: news paragraphs carry one point, and a confirmation usually
follows the claim in the same paragraph ("…, the Daily Rumour reported; the council confirmed
the figure"). Another source backs a statement when it is independent of the entry: not the
same entry, not linked to it by ``derives_from``, and not citing it or cited by it in the story.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.checks.base import CheckContext
from attrlint.registry.model import DOUBTFUL
from attrlint.registry.refs import STAND_INS, Reference

CONFIRMING = frozenset({"confirm", "verify", "corroborate", "substantiate"})


def statements(ctx: CheckContext, tiers: frozenset[str]) -> Iterator[Reference]:
    """The first reference to each entry in each sentence whose tier is in ``tiers``.

    Headings are skipped: a headline repeats what the story below it sources.
    """
    if ctx.sourcing is None:
        return
    seen: set[tuple[str, int]] = set()
    for ref in ctx.sourcing.references:
        if ref.entry.tier not in tiers or ctx.analysis.sentences[ref.sentence].heading:
            continue
        key = (ref.entry.id, ref.sentence)
        if key not in seen:
            seen.add(key)
            yield ref


def source_label(ref: Reference) -> str:
    """How a finding names the source: as written, or by its registry name for "it"."""
    return ref.text if ref.origin == "source" else ref.entry.name


def _block_sentences(ctx: CheckContext, block: int) -> list[int]:
    return [s.index for s in ctx.analysis.sentences if s.block == block]


def backed_by_reliable(ctx: CheckContext, ref: Reference) -> bool:
    """An independent ``reliable`` entry, or a named body confirming, in the same paragraph; or
    the outlet only relays ("citing …") a reliable one."""
    sourcing = ctx.sourcing
    assert sourcing is not None
    for other in sourcing.in_block(ref.block):
        if other.entry.tier != "reliable" or other.relation == "intention":
            continue
        if sourcing.independent(other.entry, ref.entry):
            return True
        if other.relation == "citation" and other.sentence == ref.sentence:
            return True  # "the Rumour Digest, citing the Coastal Wire, reported"
    for index in _block_sentences(ctx, ref.block):
        for attribution in ctx.analysis.attributions_in(index):
            lemma = attribution.cue_lemma.split()[0] if attribution.cue_lemma else ""
            if lemma not in CONFIRMING or attribution.negated or not attribution.kind.identified:
                continue
            own = sourcing.for_attribution(attribution)
            if own is None or (
                own.entry.tier == "reliable" and sourcing.independent(own.entry, ref.entry)
            ):
                return True  # "the council confirmed the figure"
    return False


def corroborated(ctx: CheckContext, ref: Reference) -> bool:
    """Any other named or described source in the paragraph that is independent of the entry
    and not itself rated unreliable or worse."""
    sourcing = ctx.sourcing
    assert sourcing is not None
    for other in sourcing.in_block(ref.block):
        if other.entry.tier not in DOUBTFUL and sourcing.independent(other.entry, ref.entry):
            return True
    for index in _block_sentences(ctx, ref.block):
        for attribution in ctx.analysis.attributions_in(index):
            if attribution.relation == "intention" or attribution.negated:
                continue
            if not attribution.kind.identified or _stand_in(attribution.source_text, ref):
                continue  # "it said", "the paper said": the same outlet again, most likely
            if sourcing.for_attribution(attribution) is None:
                return True  # a source the registry does not rate: the council, a named person
    return False


def _stand_in(text: str, ref: Reference) -> bool:
    """A pronoun, or a generic noun that fits the entry: "the paper" after a newspaper."""
    words = text.lower().split()
    if not words or len(words) > 2 or words[-1] not in STAND_INS:
        return False
    kinds = STAND_INS[words[-1]]
    return kinds is None or ref.entry.kind in kinds
