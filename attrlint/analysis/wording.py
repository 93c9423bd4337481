"""More wording cues: boosters, doubt qualifiers, editorialising adverbs, unsourced reports,
judgements and wrongdoing. Each finder yields ``(kind, first_token, last_token)`` like cues.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrlint.analysis.cues import Found, phrases
from attrlint.analysis.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

PERCEPTION_OR_SPEECH = frozenset(
    {
        "speak",
        "say",
        "see",
        "hear",
        "write",
        "explain",
        "state",
        "visible",
        "mark",
        "label",
        "define",
        "understand",
        "remember",
    }
)
EVER = frozenset({"ever", "yet"})
# Adverbs that also describe manner ("spoke clearly", "clearly visible", "naturally occurring").
MANNER_READINGS = frozenset({"clearly", "plainly", "naturally", "evidently", "obviously"})


def _manner(tok: Token) -> bool:
    """ "spoke clearly", "clearly visible", "naturally occurring": how, not how sure."""
    if tok.lower_ not in MANNER_READINGS:
        return False
    head = tok.head
    return (
        head.lemma_.lower() in PERCEPTION_OR_SPEECH
        or head.pos_ in ("ADJ", "ADV")
        or (head.tag_ == "VBG" and head.dep_ == "amod")
    )


def find_boosters(sent: SpacySpan, lex: Lexicon) -> Iterator[Found]:
    for tok in sent:
        lower = tok.lower_
        if lower in lex.booster_words and tok.pos_ == "ADV" and not _manner(tok):
            yield ("booster", tok, tok)
        elif (
            tok.lemma_.lower() in lex.booster_verbs
            and tok.pos_ == "VERB"
            and any(c.dep_ == "ccomp" for c in tok.children)
            and not any(c.dep_ == "acomp" for c in tok.children)
        ):
            yield ("booster", tok, tok)  # "the data prove that"; not "proved decisive"
    yield from phrases(sent, lex.booster_phrases, "booster")


def find_doubt_qualifiers(sent: SpacySpan, lex: Lexicon) -> Iterator[Found]:
    toks = list(sent)  # one Token object per word, not one per read
    words = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
    legal = bool(words & lex.legal_process_terms - {"alleged", "allegedly", "allege", "claim"})
    for k, tok in enumerate(toks):
        lower = tok.lower_
        # "so-called" and "self-styled" are tokenised as three words
        if lower in ("so", "self", "would") and k + 2 < len(toks) and toks[k + 1].text == "-":
            joined = f"{lower}-{toks[k + 2].lower_}"
            if joined in lex.doubt_qualifiers:
                yield ("doubt_qualifier", tok, toks[k + 2])
            continue
        if lower in lex.doubt_qualifiers and tok.pos_ in ("ADJ", "ADV", "VERB"):
            if lower in ("alleged", "allegedly") and legal:
                continue  # "alleged" for a charged, unproven offence is the right word
            if lower in ("supposed",) and any(c.dep_ == "xcomp" for c in tok.children):
                continue  # "was supposed to arrive": an obligation or plan
            if tok.dep_ in ("amod", "advmod"):
                yield ("doubt_qualifier", tok, tok)


def find_editorial(sent: SpacySpan, lex: Lexicon) -> Iterator[Found]:
    for tok in sent:
        if tok.lower_ in lex.editorial_adverbs and tok.pos_ == "ADV" and tok.dep_ == "advmod":
            yield ("editorial", tok, tok)
    yield from phrases(sent, lex.editorial_phrases, "editorial")


def find_reportedly(sent: SpacySpan, lex: Lexicon) -> Iterator[Found]:
    for tok in sent:
        if tok.lower_ in lex.reportedly_terms:
            yield ("reportedly", tok, tok)
    yield from phrases(sent, lex.reportedly_terms, "reportedly", min_words=2)


def find_evaluations(sent: SpacySpan, lex: Lexicon) -> Iterator[Found]:
    """Puffery and labels, records, and superlatives framed as a ranking ("Europe's largest")."""
    doc = sent.doc
    for tok in sent:
        lower = tok.lower_
        if tok.ent_type_ in ("ORG", "PERSON", "WORK_OF_ART", "EVENT", "FAC", "LAW", "PRODUCT"):
            continue  # part of a name: "the Historic Royal Palaces"
        if lower in lex.evaluation_terms and tok.pos_ in ("ADJ", "ADV"):
            yield ("evaluation", tok, tok)
        elif (
            lower in lex.record_nouns
            and tok.dep_ in ("amod", "compound", "attr", "dobj", "pobj")
            and (
                (tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in lex.record_heads)
                or any(c.lower_ in ("a", "new", "all-time") for c in tok.children)
            )
        ):
            yield ("evaluation", tok, tok)  # "a record high", "set a new record"
        elif tok.tag_ == "JJS":
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
            possessed = (
                tok.i > 1
                and doc[tok.i - 1].dep_ == "case"
                and doc[tok.i - 2].ent_type_ in ("GPE", "LOC", "NORP")
            )
            ever = any(t.lower_ in EVER for t in (nxt, after) if t is not None)
            if possessed or ever:
                yield ("evaluation", tok, tok)


def find_wrongdoing(sent: SpacySpan, lex: Lexicon) -> Iterator[Found]:
    toks = list(sent)
    for k, tok in enumerate(toks):
        if k + 2 < len(toks) and toks[k + 1].text == "-":
            joined = f"{tok.lower_}-{toks[k + 2].lower_}"  # "cover-up"
            if joined in lex.wrongdoing_terms:
                yield ("wrongdoing", tok, toks[k + 2])
                continue
        term = tok.lemma_.lower() in lex.wrongdoing_terms or tok.lower_ in lex.wrongdoing_terms
        if term and tok.pos_ in ("VERB", "NOUN", "ADJ", "ADV"):
            yield ("wrongdoing", tok, tok)
