"""The table of checks: one entry per rule id, with the pipeline components it needs."""

from __future__ import annotations

from dataclasses import dataclass

from attrlint.checks import (
    according_to_person,
    allegation,
    anonymity,
    anonymous_opinion,
    bare_source,
    booster,
    doubt_qualifier,
    editorial,
    evaluation,
    hedge,
    loaded_verb,
    num_bound_only_figure,
    num_conflicting_figures,
    num_false_precision,
    num_interested_party_number,
    num_percent_vs_points,
    num_percent_without_base,
    num_poll_missing_methodology,
    passive_attribution,
    plural_sources,
    quote_without_speaker,
    rel_deprecated_source,
    rel_unknown_source,
    rel_unreliable_source,
    rel_weak_single_source,
    reportedly,
    said_bookism,
    single_source,
    unattributed_number,
    uneven_verbs,
    vague_source,
    weasel_quantifier,
)
from attrlint.checks.base import Check, CheckContext, Finding

__all__ = [
    "CHECKS",
    "ENGINE_RULES",
    "Check",
    "CheckContext",
    "Finding",
    "Registered",
    "components_for",
]

# Rules the engine itself reports (suppression bookkeeping), with no check over the analysis.
ENGINE_RULES = frozenset({"LNT001"})

# Every check reads the parse, tags and lemmas; "ner" is needed where source kinds matter.
BASE_COMPONENTS = frozenset({"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"})


@dataclass(frozen=True, slots=True)
class Registered:
    check: Check
    needs_ner: bool


CHECKS: dict[str, Registered] = {
    "ATR001": Registered(unattributed_number.check, needs_ner=True),
    "ATR002": Registered(evaluation.check, needs_ner=True),
    "ATR003": Registered(allegation.check, needs_ner=True),
    "ATR004": Registered(quote_without_speaker.check, needs_ner=True),
    "SRC001": Registered(vague_source.check, needs_ner=True),
    "SRC002": Registered(anonymity.check, needs_ner=True),
    "SRC003": Registered(bare_source.check, needs_ner=True),
    "SRC004": Registered(anonymous_opinion.check, needs_ner=True),
    "SRC005": Registered(passive_attribution.check, needs_ner=False),
    "SRC006": Registered(reportedly.check, needs_ner=True),
    "SRC007": Registered(weasel_quantifier.check, needs_ner=True),
    "SRC008": Registered(plural_sources.check, needs_ner=True),
    "SRC009": Registered(single_source.check, needs_ner=True),
    "VRB001": Registered(loaded_verb.check, needs_ner=False),
    "VRB002": Registered(uneven_verbs.check, needs_ner=True),
    "VRB003": Registered(said_bookism.check, needs_ner=False),
    "VRB004": Registered(according_to_person.check, needs_ner=True),
    "NUM001": Registered(num_percent_without_base.check, needs_ner=True),
    "NUM002": Registered(num_percent_vs_points.check, needs_ner=True),
    "NUM003": Registered(num_false_precision.check, needs_ner=True),
    "NUM004": Registered(num_bound_only_figure.check, needs_ner=True),
    "NUM005": Registered(num_conflicting_figures.check, needs_ner=True),
    "NUM006": Registered(num_interested_party_number.check, needs_ner=True),
    "NUM007": Registered(num_poll_missing_methodology.check, needs_ner=True),
    "HDG001": Registered(hedge.check, needs_ner=False),
    "HDG002": Registered(booster.check, needs_ner=False),
    "HDG003": Registered(doubt_qualifier.check, needs_ner=False),
    "HDG004": Registered(editorial.check, needs_ner=False),
    "REL001": Registered(rel_deprecated_source.check, needs_ner=True),
    "REL002": Registered(rel_unreliable_source.check, needs_ner=True),
    "REL003": Registered(rel_weak_single_source.check, needs_ner=True),
    "REL004": Registered(rel_unknown_source.check, needs_ner=True),
}


def components_for(rule_ids: list[str] | tuple[str, ...]) -> frozenset[str]:
    """The pipeline components that the given rules need."""
    if any(CHECKS[r].needs_ner for r in rule_ids if r in CHECKS):
        return BASE_COMPONENTS | {"ner"}
    return BASE_COMPONENTS
