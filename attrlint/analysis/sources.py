"""What kind of source a noun phrase names (DESIGN.md §2: named, document, institution, vague...)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrlint.analysis.lexicon import Lexicon
from attrlint.analysis.model import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Token

PERSON_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "him", "her", "them"})
ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
ANONYMITY_PHRASES = (
    "familiar with",
    "knowledge of",
    "close to",
    "briefed on",
    "not authorised",
    "not authorized",
    "declined to be",
    "asked not to",
    "condition of anonymity",
)
AFFILIATION_PREPS = frozenset({"at", "with", "from", "for", "of", "in"})
BODY_NOUNS = frozenset(
    {
        "ministry",
        "department",
        "government",
        "agency",
        "office",
        "company",
        "university",
        "council",
        "police",
        "commission",
        "service",
        "bank",
    }
)
ONE_OF = frozenset({"a", "an", "another", "one"})
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "two", "three", "several"})
EVERY = frozenset({"every", "any"})  # not "each": "each candidate said" means known people


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"})


def _named(tok: Token) -> bool:
    if tok.pos_ == "PROPN" and any(c.lower_.rstrip(".") in HONORIFICS for c in tok.children):
        return True  # "Mr Sigarchi", even when the recogniser takes him for a place
    return tok.ent_type_ in ("ORG", "PERSON") or (
        tok.pos_ == "PROPN" and tok.ent_type_ not in ("GPE", "LOC")
    )


def _affiliated(head: Token) -> bool:
    """A noun tied to a named body or person: "officials at the Interior Ministry", "Pentagon
    officials", "lawyers for the pair", "opponents of the bill, including Lord Campbell".

    A place is not an affiliation: "sources in Japan" and "analysts in Seoul" stay vague.
    """
    for child in head.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and _named(child):
            return True
        if child.dep_ == "prep" and child.lower_ in ("for", "representing", "including"):
            return True
        if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPS and child.lower_ != "in":
            for tok in child.subtree:
                if _named(tok) or tok.lemma_.lower() in BODY_NOUNS:
                    return True
        if child.dep_ in ("appos", "acl") and any(
            g.dep_ == "prep" and g.lower_ == "including" for g in child.subtree
        ):
            return True
    return False


def age_noun(tok: Token) -> bool:
    """ "the 46-year-old": a person named by age (the recogniser tags it as a date)."""
    return tok.lower_ in ("old", "olds") and any(t.lower_ == "year" for t in tok.lefts)


def classify(head: Token, lex: Lexicon) -> SourceKind:
    """The kind of source whose syntactic head is ``head``."""
    lower = head.lower_
    lemma = head.lemma_.lower()
    if age_noun(head) and any(c.lower_ == "the" for c in head.lefts):
        return SourceKind.NAMED_PERSON  # "the 46-year-old": someone the story has named
    phrase = " ".join(t.lower_ for t in head.subtree)
    if any(p in phrase for p in ANONYMITY_PHRASES):
        return SourceKind.ANONYMOUS
    if head.pos_ == "PRON" or (head.pos_ == "DET" and head.dep_.startswith("nsubj")):
        if lower in PERSON_PRONOUNS:
            return SourceKind.NAMED_PERSON
        if lower in lex.group_pronouns:
            return SourceKind.VAGUE_GROUP  # "some say", "others argue"
        return SourceKind.NONE
    if lemma in lex.group_pronouns and not _affiliated(head):
        return SourceKind.VAGUE_GROUP  # "people say"
    if head.ent_type_ == "PERSON":
        return SourceKind.NAMED_PERSON
    for child in head.children:  # "the country's president, Mikhail Saakashvili"; "body INSEE"
        if child.dep_ in ("appos", "compound") and child.ent_type_ == "PERSON" and child.i > head.i:
            return SourceKind.NAMED_PERSON
        if child.dep_ == "appos" and _named(child):
            return SourceKind.NAMED_ORGANISATION
    if (
        head.ent_type_ == "NORP"
        and head.tag_ in ("NN", "NNP")
        and any(c.dep_ == "det" and c.lower_ in ONE_OF for c in head.children)
    ):
        return SourceKind.ANONYMOUS  # "a Vermont Democrat", "another Republican": one unnamed
    if head.ent_type_ in ORG_LABELS or head.pos_ == "PROPN":
        return SourceKind.NAMED_ORGANISATION
    if lemma in lex.document_nouns or lower in lex.document_nouns:
        specific = [
            c
            for c in head.children
            if c.dep_ in ("det", "poss", "compound", "nummod", "prep", "appos", "acl")
            and c.lower_ not in ("some", "many", "several", "most", "numerous")
        ]
        if not specific and (head.tag_ == "NNS" or lemma in lex.mass_evidence_nouns):
            return SourceKind.VAGUE_GROUP  # "studies show", "research suggests"
        return SourceKind.DOCUMENT
    if lemma in lex.institution_nouns or lower in lex.institution_nouns:
        return SourceKind.INSTITUTION
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "quantmod")}
    if lemma in lex.vague_source_nouns or lower in lex.vague_source_nouns:
        if lemma == "source":  # "sources", even "NIS sources", are unnamed people
            return (
                SourceKind.ANONYMOUS
                if _affiliated(head) or head.tag_ == "NN"
                else (SourceKind.VAGUE_GROUP)
            )
        if _affiliated(head):
            return SourceKind.INSTITUTION
        if head.tag_ == "NN":  # "an official", "a source": one unnamed person
            return SourceKind.ANONYMOUS
        return SourceKind.VAGUE_GROUP
    if _affiliated(head):
        return SourceKind.INSTITUTION
    if head.tag_ == "NNS" and not dets & INDEFINITE:
        return SourceKind.VAGUE_GROUP  # "investors", "Catholics": a group, not a person hidden
    if head.tag_ == "NN" and any(
        c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in head.children
    ):
        return SourceKind.INSTITUTION  # "the charity's director": the one holder of a role
    if dets & EVERY:
        return SourceKind.VAGUE_GROUP  # "every parent knows", "any economist will tell you"
    if dets & INDEFINITE or not dets or lemma in lex.individual_nouns:
        return SourceKind.ANONYMOUS  # "a rival", "the woman": someone unnamed, with no post
    return SourceKind.INSTITUTION  # a definite description: "the researcher", "the club"
