"""The word lists behind the analysis, loaded once from ``attrlint/data/lexicon.yaml``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

from attrlint.errors import RuleDataError
from attrlint.safe_yaml import load_packaged


def _set(data: dict[str, Any], key: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleDataError(f"lexicon.yaml: {key!r} must be a list of strings")
    return frozenset(v.lower() for v in value)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every list as a frozenset of lower-case lemmas or phrases."""

    speech_verbs: frozenset[str]
    core_speech_verbs: frozenset[str]
    attitude_verbs: frozenset[str]
    intention_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    medium_nouns: frozenset[str]
    cue_adverbs: frozenset[str]
    verdict_adverbs: frozenset[str]
    object_speech_verbs: frozenset[str]
    agent_nouns: frozenset[str]
    individual_nouns: frozenset[str]
    person_nouns: frozenset[str]  # agent, individual and people nouns together, built on load
    rank_modifiers: frozenset[str]
    as_view_verbs: frozenset[str]
    as_clause_verbs: frozenset[str]
    legal_subjects: frozenset[str]
    not_speaker_labels: frozenset[str]
    non_speaker_subjects: frozenset[str]
    cognition_verbs: frozenset[str]
    evidence_verbs: frozenset[str]
    document_nouns: frozenset[str]
    document_cue_nouns: frozenset[str]
    institution_nouns: frozenset[str]
    vague_source_nouns: frozenset[str]
    group_pronouns: frozenset[str]
    weasel_quantifiers: frozenset[str]
    weasel_quantifier_phrases: frozenset[str]
    weasel_group_nouns: frozenset[str]
    weasel_relative_heads: frozenset[str]
    passive_ranking_participles: frozenset[str]
    people_nouns: frozenset[str]
    opinion_verbs: frozenset[str]
    weasel_evidence_nouns: frozenset[str]
    mass_evidence_nouns: frozenset[str]
    weasel_evidence_verbs: frozenset[str]
    passive_it_participles: frozenset[str]
    passive_to_participles: frozenset[str]
    passive_as_participles: frozenset[str]
    passive_as_requires_adverb: frozenset[str]
    passive_intensifiers: frozenset[str]
    stance_nouns: frozenset[str]
    hedge_modals: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_adjectives: frozenset[str]
    hedge_phrases: frozenset[str]
    belief_hedge_verbs: frozenset[str]
    expectation_verbs: frozenset[str]
    obliged_nouns: frozenset[str]
    allegation_words: frozenset[str]
    epistemic_nouns: frozenset[str]
    uncertain_adjectives: frozenset[str]
    condition_marks: frozenset[str]
    doubt_verbs: frozenset[str]
    guilt_verbs: frozenset[str]
    truth_verbs: frozenset[str]
    truth_particle_verbs: tuple[tuple[str, str], ...]
    said_forms: tuple[tuple[str, str], ...]
    cue_particles: tuple[tuple[str, frozenset[str]], ...]
    approximators: frozenset[str]
    evaluation_terms: frozenset[str]
    record_nouns: frozenset[str]
    body_nouns: frozenset[str]
    named_body_nouns: frozenset[str]
    acronym_body_nouns: frozenset[str]
    record_measures: frozenset[str]
    record_periods: frozenset[str]
    wrongdoing_terms: frozenset[str]
    legal_process_terms: frozenset[str]
    anonymity_rationale: frozenset[str]
    anonymity_knowledge: frozenset[str]
    anonymity_markers: frozenset[str]
    bare_source_nouns: frozenset[str]
    opinion_terms: frozenset[str]
    reportedly_terms: frozenset[str]
    plural_anonymous_nouns: frozenset[str]
    emotive_speech_verbs: frozenset[str]
    booster_words: frozenset[str]
    booster_phrases: frozenset[str]
    booster_verbs: frozenset[str]
    doubt_qualifiers: frozenset[str]
    editorial_adverbs: frozenset[str]
    editorial_phrases: frozenset[str]
    financial_nouns: frozenset[str]
    market_nouns: frozenset[str]
    tally_nouns: frozenset[str]

    @property
    def record_heads(self) -> frozenset[str]:
        """Nouns after "record" that make it a claim: "a record high", "a record year"."""
        return self.record_measures | self.record_periods

    def particles(self, lemma: str) -> frozenset[str]:
        return dict(self.cue_particles).get(lemma, frozenset())

    def said_form(self, tag: str) -> str:
        return dict(self.said_forms).get(tag, "said")


@functools.cache
def load_lexicon() -> Lexicon:
    """Parse and check the packaged lexicon."""
    text = resources.files("attrlint.data").joinpath("lexicon.yaml").read_text("utf-8")
    data = load_packaged(text)
    if not isinstance(data, dict):
        raise RuleDataError("lexicon.yaml: expected a mapping")
    loaded = data.get("loaded_verbs", {})
    said = data.get("said_forms", {})
    particles = loaded.get("truth_particle", {})
    plain = {
        name: _set(data, name)
        for name in Lexicon.__dataclass_fields__
        if name
        not in {
            "doubt_verbs",
            "guilt_verbs",
            "truth_verbs",
            "truth_particle_verbs",
            "said_forms",
            "cue_particles",
            "person_nouns",
        }
    }
    return Lexicon(
        **plain,
        person_nouns=plain["agent_nouns"] | plain["individual_nouns"] | plain["people_nouns"],
        doubt_verbs=_set(loaded, "doubt"),
        guilt_verbs=_set(loaded, "guilt"),
        truth_verbs=_set(loaded, "truth"),
        truth_particle_verbs=tuple(sorted((str(k), str(v)) for k, v in particles.items())),
        said_forms=tuple(sorted((str(k), str(v)) for k, v in said.items())),
        cue_particles=tuple(
            sorted(
                (str(k), frozenset(map(str, v))) for k, v in data.get("cue_particles", {}).items()
            )
        ),
    )
