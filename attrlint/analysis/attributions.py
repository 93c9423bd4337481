"""Attribution relations from the dependency parse: "X said (that) ...", "according to X", ...

First version: verb cues with their subject (or by-agent) as source and their clause as content;
"according to X"; "citing X"; and document nouns with an owner ("the ministry's figures").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrlint.analysis.lexicon import Lexicon
from attrlint.analysis.model import Analysis, Attribution, Sentence, SourceKind
from attrlint.analysis.sources import classify
from attrlint.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
TAG_DEPS = frozenset({"parataxis", "ccomp", "advcl", "conj"})
QUOTE_GAP = 40  # characters between a quote and the verb that tags it
LEGAL_SUBJECTS = frozenset(
    {
        "prosecutor",
        "prosecution",
        "police",
        "lawsuit",
        "suit",
        "complaint",
        "indictment",
        "charge",
        "plaintiff",
        "claimant",
        "regulator",
        "investigator",
        "attorney",
        "lawyer",
        "writ",
        "filing",
    }
)
# Verbs that attribute with a subject alone, even with no clause in view ('"...," he said.').
CORE_SPEECH = frozenset(
    {
        "say",
        "tell",
        "add",
        "report",
        "announce",
        "state",
        "write",
        "reply",
        "explain",
        "confirm",
        "warn",
        "tweet",
        "post",
        "testify",
        "respond",
        "comment",
        "estimate",
    }
)
VIEW_VERBS = frozenset(
    {"expect", "forecast", "predict", "estimate", "project", "calculate", "speculate"}
)


def _subtree_span(sent: Sentence, token: Token) -> Span:
    return sent.range_span(token.left_edge, token.right_edge)


def _trim(sent: Sentence, tokens: list[Token]) -> Span | None:
    """The span from the first to the last token that is not punctuation or a space."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words:
        return None
    return sent.range_span(words[0], words[-1])


def _agent(verb: Token) -> Token | None:
    """The by-agent of a passive cue, also when the parser hung it lower ("reported as X by Y")."""
    for child in verb.subtree:
        if (
            child.dep_ in ("agent", "prep")
            and child.lower_ == "by"
            and (child.dep_ == "agent" or child.head.i == verb.i or child.head.dep_ == "pcomp")
        ):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    # "went on to speculate", "and told reporters", "pointed to X as saying": borrow the subject
    # of the verb this one hangs from
    node = verb
    for _ in range(3):
        if node.dep_ not in ("conj", "xcomp", "pcomp", "prep", "advcl") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            for child in node.children:
                if child.dep_ in SUBJECT_DEPS:
                    return child
    return None


def _is_tag(verb: Token) -> bool:
    """ "Prices rose, officials said": a speech verb tacked on after the clause it attributes."""
    if verb.head.i == verb.i or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if verb.dep_ == "parataxis":
        return True
    before = verb.left_edge.i - 1
    return (
        verb.dep_ in TAG_DEPS
        and verb.i > verb.head.i
        and before >= 0
        and verb.doc[before].text in (",", '"', "”", "'", "’", "—", "–")
    )


def _negated(verb: Token) -> bool:
    """ "did not disclose", "failed to reveal": a statement that was not made."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("fail", "refuse", "decline")


def _content(sent: Sentence, verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp"):
            return _subtree_span(sent, child)
    if _is_tag(verb):
        # "Prices rose, officials said": the content is the rest of the head clause
        before = [t for t in verb.head.subtree if t.i < verb.left_edge.i]
        after = [t for t in verb.head.subtree if t.i > verb.right_edge.i]
        return _trim(sent, before) or _trim(sent, after)
    for child in verb.children:
        if child.dep_ == "parataxis":
            return _subtree_span(sent, child)
    return None


def _phrase(tok: Token) -> str:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text


def _make(
    sent: Sentence,
    verb: Token,
    cue: Span,
    lemma: str,
    kind: SourceKind,
    source: Token | None,
    clausal: bool,
) -> Attribution:
    return Attribution(
        cue=cue,
        cue_lemma=lemma,
        sentence=sent.index,
        kind=kind,
        source=_subtree_span(sent, source) if source is not None else None,
        content=_content(sent, verb),
        source_text=_phrase(source) if source is not None else "",
        cue_text=sent.sent.doc.text[cue.start - sent.base : cue.end - sent.base],
        source_head=sent.tok_span(source) if source is not None else None,
        cue_tag=verb.tag_,
        clausal=clausal,
        negated=_negated(verb),
        legal=source is not None and source.lemma_.lower() in LEGAL_SUBJECTS,
        wh_content=any(
            c.dep_ == "ccomp" and c.left_edge.tag_ in ("WP", "WRB", "WDT", "WP$")
            for c in verb.children
        ),
    )


def _verb_attribution(
    sent: Sentence, verb: Token, lex: Lexicon, quoted: bool
) -> Attribution | None:
    """A speech, belief or evidence verb with its source; ``quoted``: a quote sits beside it."""
    lemma = verb.lemma_.lower()
    speech = lemma in lex.speech_verbs
    cognition = lemma in lex.cognition_verbs
    evidence = lemma in lex.evidence_verbs
    if not (speech or cognition or evidence):
        return None
    cue = sent.tok_span(verb)
    if lemma == "point":  # "pointed out that": the particle is part of the cue
        particle = [c for c in verb.children if c.dep_ == "prt" and c.lower_ == "out"]
        if not particle:
            return None
        cue = sent.range_span(verb, particle[0])
        lemma = "point out"
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None  # a participle: "photos alleged to be of her", "the figures cited"
    has_clause = any(c.dep_ in CLAUSE_DEPS for c in verb.children) or _is_tag(verb)
    clausal = has_clause or quoted
    if passive:
        agent = _agent(verb)
        subj = _subject(verb)
        if agent is not None and (has_clause or lemma in CORE_SPEECH or lemma == "quote"):
            return _make(sent, verb, cue, lemma, classify(agent, lex), agent, clausal)
        if lemma == "quote" and subj is not None:  # "X was quoted as saying"
            return _make(sent, verb, cue, lemma, classify(subj, lex), subj, True)
        if subj is not None and subj.lower_ == "it" and has_clause:  # "it is believed that"
            return _make(sent, verb, cue, lemma, SourceKind.NONE, None, True)
        return None
    subj = _subject(verb)
    if subj is None:
        return None
    kind = classify(subj, lex)
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    if evidence and not speech and not cognition:
        if kind not in (SourceKind.DOCUMENT, SourceKind.INSTITUTION, SourceKind.NAMED_ORGANISATION):
            return None
        if lemma == "put" and not any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children):
            return None
    elif cognition and not speech:
        if not (has_clause or (lemma in VIEW_VERBS and has_object)):
            return None
    elif not (
        has_clause
        or lemma in CORE_SPEECH
        or quoted
        or (lemma in VIEW_VERBS and has_object)
        or (evidence and kind in (SourceKind.DOCUMENT, SourceKind.INSTITUTION))
    ):
        return None
    if (
        lemma in ("show", "find", "record", "put", "count", "list", "learn", "hear", "understand")
        and kind in (SourceKind.NAMED_PERSON, SourceKind.ANONYMOUS, SourceKind.NONE)
        and not has_clause
    ):
        return None
    return _make(sent, verb, cue, lemma, kind, subj, clausal)


def _according_to(sent: Sentence, tok: Token, lex: Lexicon) -> Attribution | None:
    if tok.lower_ != "according" or tok.i + 1 >= len(tok.doc) or tok.nbor(1).lower_ != "to":
        return None
    to = tok.nbor(1)
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    obj = objs[0]
    cue = sent.range_span(tok, to)
    head = tok.head
    rest = [t for t in head.subtree if not (tok.left_edge.i <= t.i <= obj.right_edge.i)]
    return Attribution(
        cue,
        "according to",
        sent.index,
        classify(obj, lex),
        _subtree_span(sent, obj),
        _trim(sent, rest),
        _phrase(obj),
        "according to",
        sent.tok_span(obj),
    )


def _citing(sent: Sentence, tok: Token, lex: Lexicon) -> Attribution | None:
    if tok.lemma_.lower() != "cite" or tok.tag_ != "VBG":
        return None
    objs = [c for c in tok.children if c.dep_ in ("dobj", "pobj")]
    if not objs:
        return None
    obj = objs[0]
    return Attribution(
        sent.tok_span(tok),
        "cite",
        sent.index,
        classify(obj, lex),
        _subtree_span(sent, obj),
        None,
        _phrase(obj),
        tok.text,
        sent.tok_span(obj),
    )


def _document_owner(sent: Sentence, tok: Token, lex: Lexicon) -> Attribution | None:
    """ "the ministry's figures", "a report by the OECD", "ONS data": a document with an owner."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.document_nouns:
        return None
    owner: Token | None = None
    for child in tok.children:
        if (child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN")) or (
            child.dep_ == "compound"
            and (child.ent_type_ in ("ORG", "PERSON") or child.pos_ == "PROPN")
        ):
            owner = child
        elif child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by", "of"):
            pobj = [g for g in child.children if g.dep_ == "pobj"]
            if pobj and (
                pobj[0].ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
                or pobj[0].pos_ == "PROPN"
                or pobj[0].lemma_.lower() in lex.institution_nouns
            ):
                owner = pobj[0]
        if owner is not None:
            break
    if owner is None:
        return None
    kind = classify(owner, lex)
    if not kind.identified:
        return None
    return Attribution(
        sent.tok_span(tok),
        tok.lemma_.lower(),
        sent.index,
        SourceKind.DOCUMENT,
        _subtree_span(sent, owner),
        None,
        _phrase(owner),
        tok.text,
        sent.tok_span(owner),
    )


def find_attributions(sent: Sentence, analysis: Analysis, lex: Lexicon) -> Iterator[Attribution]:
    """Every attribution cue in one sentence, skipping cues inside quoted speech."""
    quotes = [q for q in analysis.quotes if q.span.overlaps(sent.span)]
    for tok in sent.sent:
        span = sent.tok_span(tok)
        if analysis.in_quote(span):
            continue
        found: Attribution | None = None
        if tok.lower_ == "according":
            found = _according_to(sent, tok, lex)
        elif tok.pos_ == "VERB":
            start = sent.base + tok.idx
            near = any(
                0 <= start - q.span.end <= QUOTE_GAP or 0 <= q.span.start - (start + len(tok)) <= 3
                for q in quotes
            )
            found = _verb_attribution(sent, tok, lex, near) or _citing(sent, tok, lex)
        elif tok.pos_ == "NOUN":
            found = _document_owner(sent, tok, lex)
        if found is not None:
            yield found
