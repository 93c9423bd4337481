"""Wording cues with their voice: hedges, agentless passives, weasel quantifiers, vague sources.

Each finder yields ``(kind, first_token, last_token)``; ``analyse`` turns them into positioned
``CueMention``s and decides the voice (quoted, attributed or the reporter's own).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from attrlint.analysis.lexicon import Lexicon
from attrlint.analysis.phrases import misread_modal

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

Found = tuple[str, "Token", "Token"]
PENALTY_VERBS = frozenset({"face", "get", "receive", "serve"})
NOT_HEDGE_AFTER_COULD = frozenset({"not", "n't", "never"})


CONDITION_MARKS = frozenset({"if", "unless", "whether"})
PURPOSE_MARKS = frozenset({"so", "that"})
CONTRAST = frozenset({"but", "yet", "although", "though", "while"})
COMPARATIVES = frozenset({"more", "less", "most", "least", "as", "times"})
NEGATIVE_DETS = frozenset({"no", "nothing", "nobody", "none", "neither"})
PERSONAL = frozenset({"i", "we", "you"})


def _is_condition(tok: Token) -> bool:
    """In or governing an "if"/"unless" clause, or in a question: a condition, not a hedge."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children
        ):
            return True
        node = node.head
    verb = tok.head
    if any(
        c.dep_ == "advcl"
        and any(g.dep_ == "mark" and g.lower_ in CONDITION_MARKS for g in c.children)
        for c in verb.children
    ):
        return True  # "If it joins, Turkey may have to ..."
    return tok.sent[-1].text == "?" or tok.sent.text.rstrip().endswith("?")


def _is_concession(tok: Token) -> bool:
    """ "It may be tries that win games, but ...": granted, then answered."""
    return any(t.lower_ in CONTRAST and t.i > tok.i for t in tok.sent)


def _negative_subject(verb: Token) -> bool:
    return any(
        c.dep_.startswith("nsubj")
        and (c.lower_ in NEGATIVE_DETS or any(g.lower_ in NEGATIVE_DETS for g in c.children))
        for c in verb.children
    )


def _ability_could(tok: Token) -> bool:
    """ "someone who could crawl up walls", "so they could be arranged", "the best he could do"."""
    node = tok.head
    if node.dep_ in ("relcl", "acl"):
        return True
    return node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in PURPOSE_MARKS for c in node.children
    )


def _epistemic_should(tok: Token, lex: Lexicon) -> bool:
    """ "should be", "should have", or a thing as subject ("the move should help"): an
    expectation, not an obligation ("the council should pay")."""
    if tok.lower_ != "should" or any(c.dep_ == "neg" for c in tok.head.children):
        return False
    if tok.head.lemma_ == "have" and any(c.dep_ == "xcomp" for c in tok.head.children):
        return False  # "should have to travel": an obligation
    if any(c.lower_ in ("be", "have") for c in (tok.head, *tok.head.children)):
        return True
    subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(_is_thing(s, lex) for s in subjects)


AGENT_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
AGENT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who", "everyone", "people"})


def _is_thing(subject: Token, lex: Lexicon) -> bool:
    """A subject that cannot be obliged: not a person, group, organisation or place."""
    if subject.lower_ in AGENT_PRONOUNS or subject.ent_type_ in AGENT_ENTITIES:
        return False
    return (
        subject.pos_ in ("NOUN", "PRON")
        and subject.lemma_.lower() not in lex.obliged_nouns | lex.people_nouns
    )


def _modal_kind(tok: Token, lex: Lexicon) -> str | None:
    if tok.tag_ == "MD" and _epistemic_should(tok, lex):
        return "hedge_context"  # recorded for measurement; HDG001 leaves it alone
    if tok.tag_ == "MD" and tok.lower_ == "would" and _is_condition(tok):
        return "hedge_condition"  # "if the deal fails, prices would rise"
    if tok.tag_ != "MD" or tok.lower_ not in lex.hedge_modals:
        return None
    verb = tok.head
    name = misread_modal(verb)
    if name is not None and name.i == tok.i:
        return None  # "May said": a name
    if tok.lower_ == "could" and (
        any(c.dep_ == "neg" for c in verb.children)
        or _negative_subject(verb)
        or _ability_could(tok)
    ):
        return None  # "could not be reached", "no amount could", "who could climb": ability
    if verb.lemma_.lower() in PENALTY_VERBS or _is_condition(tok) or _is_concession(tok):
        return "hedge_context"  # "may face up to five years", "if ..., it may", "may ..., but"
    return "hedge"


NOT_EPISTEMIC_HEADS = frozenset(
    {
        "customer",
        "buyer",
        "client",
        "investor",
        "candidate",
        "voter",
        "partner",
        "bidder",
        "recruit",
        "employer",
        "donor",
        "user",
    }
)


def _word_kind(tok: Token, lex: Lexicon) -> str | None:
    lemma = tok.lemma_.lower()
    lower = tok.lower_
    if lower in ("likely", "unlikely") and _rate_comparison(tok):
        return None  # "four times more likely", "more likely than men": a comparison of rates
    if tok.pos_ == "ADV" and lower in lex.hedge_adverbs:
        return "hedge" if lower not in ("likely", "unlikely") or tok.dep_ == "advmod" else None
    if lower in lex.allegation_words or lemma in lex.allegation_words:
        return "hedge_report"  # the doubt belongs to reports and accusers (SRC006, HDG003)
    if tok.pos_ == "ADJ" and lemma in lex.hedge_adjectives | {"potential"}:
        if tok.dep_ == "amod":
            after_superlative = tok.i > 0 and tok.doc[tok.i - 1].tag_ == "JJS"
            if after_superlative or tok.head.lemma_.lower() in NOT_EPISTEMIC_HEADS:
                return None  # "the fastest possible time", "potential buyers"
            return "hedge" if tok.head.lemma_ == "it" else "hedge_context"
        if lemma == "possible":  # predicative: only "it is possible that"; else "feasible"
            feasible = not (
                any(c.lower_ == "it" for c in tok.head.children)
                and any(c.dep_ == "ccomp" for c in (*tok.children, *tok.head.children))
            )
            return None if feasible else "hedge"
        return "hedge" if tok.dep_ in ("acomp", "oprd") else None
    if tok.pos_ == "ADJ" and lemma in lex.uncertain_adjectives and tok.ent_type_ == "":
        return "hedge_context"  # "it is unclear whether": honest uncertainty, not a hedge to fix
    if tok.pos_ == "NOUN" and lemma in lex.epistemic_nouns:
        return "hedge_context"
    if tok.pos_ == "VERB" and lemma in lex.hedge_verbs:
        if lemma in ("appear", "seem"):
            return (
                "hedge"
                if any(c.dep_ in ("xcomp", "ccomp", "acomp", "oprd") for c in tok.children)
                else None
            )
        clause = any(c.dep_ == "ccomp" for c in tok.children)
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if clause and subj and subj[0].lower_ in ("this", "that", "it", "which"):
            return "hedge"  # "this suggests ...": the reporter's own inference
        return "hedge_belief" if clause and lemma == "suggest" else None
    if tok.pos_ == "VERB" and lemma in lex.belief_hedge_verbs:
        if _expected_comparison(tok):
            return None  # "than expected", "as expected"
        clauses = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "oprd")]
        if lemma == "assume":
            clauses = [c for c in clauses if c.dep_ == "ccomp"]  # not "assumed its debts"
        if any(c.tag_ != "VBG" for c in clauses) or tok.dep_ == "parataxis":
            return (
                "hedge_belief"  # "thinks it will", "does not believe he was", "considers it vital"
            )
        if lemma in lex.expectation_verbs and any(c.dep_ == "dobj" for c in tok.children):
            return "hedge_belief"  # "expects revenue of about $28m"
        return None
    if tok.dep_ == "mark" and lower in lex.condition_marks:
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ in ("not", "necessary", "any", "so", "ever"):
            return None
        return "hedge_condition"
    if (
        lower == "until"
        and tok.dep_ == "mark"
        and any(c.dep_ == "aux" or c.tag_ in ("VBZ", "VBP") for c in (tok.head, *tok.head.children))
    ):
        return "hedge_condition"  # "until the deal is signed"
    return None


def _rate_comparison(tok: Token) -> bool:
    """ "twice as likely", "three times more likely", "more likely than": rates compared, which
    "less and less likely" and "most likely" are not."""
    if not any(c.lower_ in COMPARATIVES for c in tok.children):
        return False
    nearby = tok.doc[max(tok.i - 4, tok.sent.start) : min(tok.i + 8, tok.sent.end)]
    return any(t.lower_ in ("times", "twice", "than") or t.like_num for t in nearby)


def _expected_comparison(tok: Token) -> bool:
    doc = tok.doc
    before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return before in ("than", "as") or tok.dep_ in ("amod", "acomp")


def _owned(tok: Token, lex: Lexicon) -> bool:
    """Inside a clause that completes a stance noun: "fears that Opec could cut output"."""
    node = tok
    while node.head.i != node.i:
        if (
            node.dep_ in ("acl", "ccomp", "relcl")
            and node.head.pos_ == "NOUN"
            and (node.head.lemma_.lower() in lex.stance_nouns)
        ):
            return True
        node = node.head
    return False


def is_personal(sent: SpacySpan, quoted: Callable[[int], bool]) -> bool:
    """The writer speaks as "I", "we" or "you" (outside quotes): advice, comment or a reader's
    letter rather than a report. ``quoted`` tells whether a character offset of the sentence's
    document is inside a quote."""
    return any(
        t.dep_.startswith("nsubj") and t.lower_ in PERSONAL and not quoted(t.idx) for t in sent
    )


def find_hedges(sent: SpacySpan, lex: Lexicon) -> Iterator[Found]:
    """Every uncertainty cue, by kind: "hedge" for those HDG001 judges, "hedge_<why>" for
    uncertainty that belongs to a condition, a belief, a report or the context."""
    found: list[Found] = []
    for tok in sent:
        kind = _modal_kind(tok, lex) or _word_kind(tok, lex)
        if kind is None:
            continue
        if kind == "hedge" and _owned(tok, lex):
            kind = "hedge_context"  # "fears that the plant could close"
        found.append((kind, tok, tok))
    matched = list(phrases(sent, lex.hedge_phrases, "hedge"))
    # a phrase ("it seems") replaces the single word it contains ("seems")
    covered = {t.i for _, first, last in matched for t in sent.doc[first.i : last.i + 1]}
    yield from (f for f in found if f[1].i not in covered)
    yield from matched


@functools.cache
def _by_first_word(
    wanted: frozenset[str], min_words: int
) -> dict[int, tuple[tuple[str, tuple[int, ...]], ...]]:
    """The phrases of ``min_words`` or more words, as (phrase, hashes of its words), indexed by
    the hash of their first word (longest first): spaCy's ``Token.lower`` is that hash, and
    reading it costs less than decoding ``lower_``."""
    from spacy.strings import get_string_id

    index: dict[int, list[tuple[str, tuple[int, ...]]]] = {}
    for phrase in sorted(wanted, key=lambda p: (-len(p.split()), p)):
        parts = phrase.split()
        if len(parts) >= max(min_words, 1):
            hashes = tuple(get_string_id(w) for w in parts)
            index.setdefault(hashes[0], []).append((" ".join(parts), hashes))
    return {first: tuple(group) for first, group in index.items()}


_last_words: list[tuple[object, list[int]]] = [(None, [])]  # (sentence, its words)


def _lower_hashes(sent: SpacySpan) -> list[int]:
    """The hashes of the sentence's lower-cased words. Every phrase list is matched against the
    same sentence in turn, so the last sentence's words are kept: the entry is read once, so a
    thread that replaces it meanwhile does no harm, and holding the span keeps its identity from
    being reused."""
    kept, words = _last_words[0]
    if kept is sent:
        return words
    words = [t.lower for t in sent]
    _last_words[0] = (sent, words)
    return words


def phrases(
    sent: SpacySpan, wanted: frozenset[str], kind: str, min_words: int = 1
) -> Iterator[Found]:
    """Every occurrence of a phrase of ``wanted`` (lower-case words; those of at least
    ``min_words`` words) in the sentence, in one pass over its words."""
    index = _by_first_word(wanted, min_words)
    words = _lower_hashes(sent)
    for i, word in enumerate(words):
        for phrase, parts in index.get(word, ()):
            n = len(parts)
            if tuple(words[i : i + n]) == parts:
                first, last = sent[i], sent[i + n - 1]
                if phrase == "in part" and (
                    (i > 0 and sent[i - 1].lemma_ == "take")
                    or (i + n < len(words) and sent[i + n].lower_ == "of")
                ):
                    continue
                if (
                    phrase in ("kind of", "sort of")
                    and i > 0
                    and sent[i - 1].pos_ in ("DET", "PRON")
                ):
                    continue  # "this kind of analysis": a noun, not a hedge
                yield (kind, first, last)


def find_passive_attributions(sent: SpacySpan, lex: Lexicon) -> Iterator[Found]:
    """ "it is believed", "is said to", "is widely regarded as", with no by-agent."""
    for tok in sent:
        if tok.tag_ != "VBN":
            continue
        children = list(tok.children)
        aux = [c for c in children if c.dep_ == "auxpass"]
        if any(c.dep_ == "agent" for c in children):
            continue
        lemma = tok.lemma_.lower()
        if not aux:
            # a reduced passive: "investigations thought to involve 5% of staff"
            markers = [
                g
                for x in children
                if x.dep_ == "xcomp"
                for g in x.children
                if g.dep_ == "aux" and g.lower_ == "to"
            ]
            if tok.dep_ == "acl" and lemma in lex.passive_to_participles and markers:
                yield ("passive_attribution", tok, markers[0])
            continue
        subj = [c for c in children if c.dep_ == "nsubjpass"]
        if (
            subj
            and subj[0].lower_ == "it"
            and lemma in lex.passive_it_participles
            and any(c.dep_ in ("ccomp",) for c in children)
        ):
            yield ("passive_attribution", subj[0], tok)
            continue
        xcomp = [c for c in children if c.dep_ == "xcomp"]
        if (
            lemma in lex.passive_to_participles
            and xcomp
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in xcomp[0].children)
        ):
            to = next(g for g in xcomp[0].children if g.lower_ == "to")
            yield ("passive_attribution", aux[0], to)
            continue
        as_prep = [c for c in children if c.dep_ in ("prep", "oprd") and c.lower_ == "as"]
        if lemma in lex.passive_as_participles and as_prep:
            adverbs = [
                c for c in children if c.dep_ == "advmod" and c.lower_ in lex.passive_intensifiers
            ]
            if lemma in lex.passive_as_requires_adverb and not adverbs:
                continue
            start = min([aux[0], *adverbs], key=lambda t: t.i)
            yield ("passive_attribution", start, as_prep[0])
            continue
        ranked = [c for c in children if c.dep_ in ("oprd", "attr", "acomp") and _ranks(c)]
        if lemma in lex.passive_ranking_participles and ranked and not as_prep:
            yield ("passive_attribution", aux[0], tok)  # "is considered one of the finest"


def _ranks(complement: Token) -> bool:
    """A complement that ranks its subject: a superlative, or "one of the ..."."""
    words = list(complement.subtree)
    return any(t.tag_ in ("JJS", "RBS") for t in words) or (
        complement.lower_ == "one" and any(c.lower_ == "of" for c in complement.children)
    )


def _quantifier(head: Token, lex: Lexicon) -> Token | None:
    for child in head.children:
        if (
            child.dep_ in ("amod", "det", "nummod", "quantmod")
            and child.lower_ in lex.weasel_quantifiers
        ):
            if any(g.lower_ in ("too", "how", "so", "as") for g in child.children):
                return None
            return child
    return None


def _of_base(tok: Token) -> bool:
    """ "many of the 40 workers": a base is given."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return any(
                g.like_num or g.lower_ in ("the", "these", "those", "its", "their")
                for g in child.subtree
            )
    return False


def _group_of_people(tok: Token, lex: Lexicon) -> bool:
    """ "majority of residents", "a number of economists": people, uncounted."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "of"
        and any(
            g.dep_ == "pobj" and (g.lemma_.lower() in lex.people_nouns or g.tag_ == "NNS")
            for g in child.children
        )
        for child in tok.children
    )


def find_weasels(sent: SpacySpan, lex: Lexicon) -> Iterator[Found]:
    """ "many people say", "some argue", "studies show": support implied, no one named."""
    for tok in sent:
        if (
            tok.lower_ == "who"
            and tok.dep_ == "nsubj"
            and tok.head.dep_ == "relcl"
            and tok.head.lemma_.lower() in lex.opinion_verbs
            and tok.head.head.lower_ in lex.weasel_relative_heads
            and tok.head.head.dep_ in ("attr", "nsubj", "nsubjpass")
            and any(c.dep_ == "ccomp" for c in tok.head.children)
        ):  # not "among those who have called for", "for those who like gadgets"
            yield ("weasel", tok.head.head, tok.head.head)  # "there are those who say"
            continue
        if tok.dep_ not in (
            "nsubj",
            "nsubjpass",
        ) or tok.head.lemma_.lower() not in lex.opinion_verbs | (lex.weasel_evidence_verbs):
            continue
        verb = tok.head
        lemma = tok.lemma_.lower()
        if lemma in lex.weasel_quantifiers or tok.lower_ in ("others",):
            if (
                verb.lemma_.lower() in lex.opinion_verbs
                and not _of_base(tok)
                and not any(g.lower_ in ("too", "how", "so") for g in tok.children)
            ):
                nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
                if nxt is None or not nxt.like_num:
                    yield ("weasel", tok, tok)
            continue
        if (
            lemma in lex.people_nouns or tok.tag_ == "NNS"
        ) and verb.lemma_.lower() in lex.opinion_verbs:
            quant = _quantifier(tok, lex)
            if quant is not None and not _of_base(quant) and not _of_base(tok):
                yield ("weasel", quant, tok)
            continue
        if lemma in lex.weasel_group_nouns and verb.lemma_.lower() in lex.opinion_verbs:
            if _group_of_people(tok, lex) and not _of_base(tok):
                first = min(
                    [tok, *(c for c in tok.children if c.dep_ in ("det", "amod"))],
                    key=lambda t: t.i,
                )
                yield ("weasel", first, tok)  # "the majority of residents feel"
            continue
        if (
            tok.lower_ in lex.weasel_evidence_nouns
            and verb.lemma_.lower() in lex.weasel_evidence_verbs
        ):
            specific = [
                c
                for c in tok.children
                if c.dep_ in ("det", "poss", "compound", "prep", "nummod", "acl", "relcl", "appos")
                and c.lower_ not in ("some", "many", "several", "most", "numerous")
            ]
            if (
                not specific
                and tok.tag_ in ("NNS", "NN")
                and (tok.tag_ == "NNS" or tok.lower_ in lex.mass_evidence_nouns)
            ):
                first = min(
                    [tok, *[c for c in tok.children if c.dep_ in ("amod", "det")]],
                    key=lambda t: t.i,
                )
                yield ("weasel", first, verb)
