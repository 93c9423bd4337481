"""NUM006 interested-party-number: a figure whose only source has a stake in it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrlint.analysis import Attribution, NumberClass, NumberMention, SourceKind
from attrlint.analysis.figures import NumberWords, clause_head, clause_tokens, load_number_words
from attrlint.checks.base import CheckContext, Finding

if TYPE_CHECKING:
    from spacy.tokens import Token

OWN = frozenset({"it", "we", "its", "our", "us"})
MODALS = frozenset({"would", "will", "could", "should", "may", "might", "must", "can"})
DETERMINERS = frozenset({"the", "a", "an"})
NORMATIVE = frozenset({"should", "must", "ought"})


def _generic(words: list[str], nouns: frozenset[str], lowercase: bool = False) -> bool:
    """One of ``nouns`` as a common noun, not inside a name ("the union", not "European Union")."""
    for i, word in enumerate(words):
        if word.lower() not in nouns or (lowercase and not word.islower()):
            continue
        before = words[i - 1] if i else ""
        if before[:1].isupper() and before.lower() not in DETERMINERS:
            continue
        if i and word[:1].isupper():
            continue
        return True
    return False


def _party(attribution: Attribution, split: list[str], words: NumberWords) -> bool:
    """The source is a party, or speaks for one: "the Tories", "Tory leader Michael Howard"."""
    lowered = [w.lower().strip(",") for w in split]
    if set(lowered) & words.institution_words:
        return False  # "the Federal Labour Agency"
    if attribution.source_lemma.lower() in words.party_names:
        return True
    for i, word in enumerate(split):
        for size in (2, 1):
            name = " ".join(lowered[i : i + size])
            role = lowered[i + size] if i + size < len(lowered) else ""
            if word[:1].isupper() and name in words.party_names and role in words.party_roles:
                return True
    return False


def interest(attribution: Attribution, words: NumberWords) -> str | None:
    """Why the source is a stakeholder: "stakeholder", "party" or "company"; None if not."""
    text = attribution.source_text
    split = text.replace("'s", "").replace("’s", "").split()
    lowered = [w.lower().strip(",") for w in split]
    if _generic(split, words.interested_nouns):
        return "party" if {"party", "parties"} & set(lowered) else "stakeholder"
    if _party(attribution, split, words):
        return "party"
    if lowered[:1] in (["the"], ["a"]) and _generic(split[1:], words.company_nouns, True):
        return "company"
    if "the company" in text.lower() or "the firm" in text.lower():
        return "company"  # "a spokesman for the firm"
    return None


def _stake(
    ctx: CheckContext, attribution: Attribution, words: NumberWords, sentence: int
) -> str | None:
    """:func:`interest`, or the registry's word when it lists the source."""
    ref = ctx.sourcing.for_attribution(attribution) if ctx.sourcing is not None else None
    if ref is None:
        return interest(attribution, words)
    return ref.entry.stake(ctx.analysis.sentences[sentence].sent.text)  # kind, interested_in


def _independent(ctx: CheckContext, number: NumberMention, words: NumberWords) -> bool:
    """A source with no stake here or in the next sentence ("police put it at 18,000")."""
    analysis = ctx.analysis
    here = analysis.sentences[number.sentence]
    nearby = list(analysis.window(number.sentence))
    following = number.sentence + 1
    if following < len(analysis.sentences) and analysis.sentences[following].block == here.block:
        nearby += analysis.attributions_in(following)
    return any(
        a.kind.identified
        and a.relation != "intention"
        and _stake(ctx, a, words, number.sentence) is None
        for a in nearby
    )


def _not_a_claim(
    ctx: CheckContext, attribution: Attribution, number: NumberMention, kind: str
) -> bool:
    """Results, plans, own business, a ballot, a proposal, or data: not a claim of the source's."""
    assert attribution.content is not None
    content = attribution.content
    sent = ctx.analysis.sentences[number.sentence]
    inside = [t for t in sent.sent if content.contains(sent.tok_span(t))]
    tokens = {t.lower_ for t in inside} | {t.lemma_.lower() for t in inside}
    words = load_number_words()
    lex = ctx.lexicon
    before = [t for t in inside if sent.tok_span(t).end <= number.span.start]
    if any(t.lower_ in lex.document_nouns | {"data", "figures", "statistics"} for t in before):
        return True  # "given data showing the economy grew 0.1%"
    if any(_reports(t, lex.evidence_verbs) for t in before):
        return True  # "Democrats pointed out that the inspector general found 12 messages"
    if tokens & words.ballot_words:
        return True  # a union's or a party's own ballot
    if kind == "party":
        if tokens & NORMATIVE:
            return True  # "the stake should be cut to 49%": a proposal
        if number.cls is NumberClass.MONEY:
            return False  # a party's costings are claims, its own or its rivals'
        if tokens & words.own_money_words:
            return True  # "a joint fundraising committee of 11 state parties"
        pledge = tokens & (words.intention_words | MODALS)
        return bool(pledge and tokens & (OWN | {"they", "party"}))  # "would cut MPs by a fifth"
    if tokens & (MODALS | words.intention_words):
        return True
    if tokens & (lex.financial_nouns | lex.market_nouns | words.own_money_words):
        return True  # results, fundraising, prices: on record
    if kind == "company":
        return _owned(ctx, number) or not _about_people(ctx, number, words)
    return False


def _reports(verb: Token, evidence: frozenset[str]) -> bool:
    """ "the inspector general found": someone else's finding, reported by the source."""
    return verb.lemma_.lower() in evidence and any(
        c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children
    )


def _about_people(ctx: CheckContext, number: NumberMention, words: NumberWords) -> bool:
    """A share or a count of people: "90% of PCs", "2 million people" (not "2,766 hours")."""
    if number.cls is NumberClass.PERCENT:
        return True
    after = ctx.document.source[number.span.end : number.span.end + 40].split()
    return (
        bool(after) and after[0].lower().strip(",.") in words.people_nouns | words.respondent_nouns
    )


def _owned(ctx: CheckContext, number: NumberMention) -> bool:
    """The figure is about the company itself: "14 of its projects", "it has 500 stores"."""
    sent = ctx.analysis.sentences[number.sentence]
    tokens = [t for t in sent.sent if number.span.contains(sent.tok_span(t))]
    if not tokens:
        return False
    doc = sent.sent.doc
    clause = clause_tokens(clause_head(tokens[-1]))
    return any(doc[i].lower_ in OWN for i in clause)


def check(ctx: CheckContext) -> Iterator[Finding]:
    """Figures that only a stakeholder vouches for, once per attribution."""
    words = load_number_words()
    analysis = ctx.analysis
    done: set[int] = set()
    for number in analysis.numbers:
        if not number.cls.statistic:
            continue
        sent = analysis.sentences[number.sentence]
        if sent.heading or sent.quoted_block or analysis.in_quote(number.span):
            continue
        around = [
            a
            for a in analysis.attributions_in(number.sentence)
            if a.content is not None
            and a.content.contains(number.span)
            and a.source is not None
            and not a.source.overlaps(number.span)
        ]
        covering = [
            a
            for a in around
            if a.relation != "intention" and a.clausal and a.cue_lemma not in words.proposal_verbs
        ]
        if not covering or any(id(a) in done for a in covering):
            continue
        if any(
            _stake(ctx, a, words, number.sentence) is None and a.kind.identified for a in around
        ):
            continue  # "Democrats pointed out that the inspector general found 12 messages"
        kinds = [_stake(ctx, a, words, number.sentence) for a in covering]
        if None in kinds or _independent(ctx, number, words):
            continue
        first, kind = covering[0], kinds[0]
        if kind is None or _not_a_claim(ctx, first, number, kind):
            continue
        done.update(id(a) for a in covering)
        ref = ctx.sourcing.for_attribution(first) if ctx.sourcing is not None else None
        if ref is None:
            yield Finding(number.span, {"source": _mid_sentence(first), "n": number.text})
        else:  # the finding names the registry entry it used
            args = {"source": _mid_sentence(first), "n": number.text, "entry": ref.entry.id}
            yield Finding(number.span, {**args, "kind": ref.entry.kind}, message_key="registry")


def _mid_sentence(attribution: Attribution) -> str:
    """The source phrase as it reads inside the message: "the company", "organisers", but
    "Tory leader Michael Howard"."""
    source = attribution.source_text
    first, _, rest = source.partition(" ")
    if first in ("The", "A", "An"):
        return f"{first.lower()} {rest}".rstrip()
    lemma = attribution.source_lemma
    named = attribution.kind in (SourceKind.NAMED_PERSON, SourceKind.NAMED_ORGANISATION)
    common = bool(lemma) and lemma == lemma.lower() and first.lower().startswith(lemma[:3])
    if named or not common or first.isupper():
        return source  # a name keeps its capital ("Labour"; spaCy keeps a name's case in its lemma)
    return first[:1].lower() + source[1:]
