"""The table of checks: one entry per rule id, with the pipeline components it needs."""

from __future__ import annotations

from dataclasses import dataclass

from attrlint.checks import (
    hedge,
    loaded_verb,
    passive_attribution,
    unattributed_number,
    vague_source,
    weasel_quantifier,
)
from attrlint.checks.base import Check, CheckContext, Finding

__all__ = ["CHECKS", "Check", "CheckContext", "Finding", "Registered", "components_for"]

# Every check reads the parse, tags and lemmas; "ner" is needed where source kinds matter.
BASE_COMPONENTS = frozenset({"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"})


@dataclass(frozen=True, slots=True)
class Registered:
    check: Check
    needs_ner: bool


CHECKS: dict[str, Registered] = {
    "ATR001": Registered(unattributed_number.check, needs_ner=True),
    "SRC001": Registered(vague_source.check, needs_ner=True),
    "SRC005": Registered(passive_attribution.check, needs_ner=False),
    "SRC007": Registered(weasel_quantifier.check, needs_ner=True),
    "HDG001": Registered(hedge.check, needs_ner=False),
    "VRB001": Registered(loaded_verb.check, needs_ner=False),
}


def components_for(rule_ids: list[str] | tuple[str, ...]) -> frozenset[str]:
    """The pipeline components that the given rules need."""
    if any(CHECKS[r].needs_ner for r in rule_ids if r in CHECKS):
        return BASE_COMPONENTS | {"ner"}
    return BASE_COMPONENTS
