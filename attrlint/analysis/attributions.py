"""Attribution relations from the dependency parse: "X said (that) ...", "according to X", ...

Verb cues take their subject (or by-agent) as source and their clause as content; "according to
X" and "citing X" take their object; a document noun with an owner ("the ministry's figures")
is a cue of its own unless a verb in the sentence already credits the same source.
Each attribution records its relation: speech, belief, evidence, intention or document.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrlint.analysis.lexicon import Lexicon
from attrlint.analysis.model import Analysis, Attribution, Sentence, SourceKind
from attrlint.analysis.phrases import (
    agent_of,
    antecedent,
    source_span,
    source_text,
    subject_of,
    subtree_span,
    trimmed,
)
from attrlint.analysis.sources import classify
from attrlint.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
TAG_DEPS = frozenset({"parataxis", "ccomp", "advcl", "conj"})
TAG_MARKS = frozenset({",", '"', "”", "'", "’", "—", "–", "―"})
QUOTE_GAP = 40  # characters between a quote and the verb that tags it
VIEW_VERBS = frozenset(
    {"expect", "forecast", "predict", "estimate", "project", "calculate", "speculate"}
)
PERSON_ONLY = frozenset(
    {"show", "find", "record", "put", "count", "list", "learn", "hear", "understand", "know"}
)


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
        and verb.doc[before].text in TAG_MARKS
    )


def _negated(verb: Token) -> bool:
    """ "did not disclose", "failed to reveal": a statement that was not made."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("fail", "refuse", "decline")


def _content(sent: Sentence, verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp"):
            return subtree_span(sent, child)
    if _is_tag(verb):
        # "Prices rose, officials said": the content is the rest of the head clause
        before = [t for t in verb.head.subtree if t.i < verb.left_edge.i]
        after = [t for t in verb.head.subtree if t.i > verb.right_edge.i]
        return trimmed(sent, before) or trimmed(sent, after)
    for child in verb.children:
        if child.dep_ in ("parataxis", "dobj", "prep") and child.i > verb.i:
            return subtree_span(sent, child)
    return None


def _to_infinitive_only(verb: Token) -> bool:
    """The verb's only complement is a to-infinitive: "agreed to lease", "vowed to fight"."""
    complements = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    return bool(complements) and all(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in complements
    )


def _relation(lemma: str, lex: Lexicon, evidence_only: bool) -> str:
    if lemma in lex.intention_verbs:
        return "intention"
    if evidence_only:
        return "evidence"
    if lemma in lex.cognition_verbs or lemma in lex.as_view_verbs:
        return "belief"
    return "speech"


def _particle(verb: Token, lemma: str, lex: Lexicon) -> Token:
    """The last token of the lexical verb: "pointed out" ends at "out"."""
    base = lemma.split()[0]
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if (
        nxt is not None
        and nxt.head.i == verb.i
        and nxt.lower_ in lex.particles(base)
        and nxt.dep_ == "prt"
    ):
        return nxt
    return verb


def _make(
    sent: Sentence,
    verb: Token,
    cue: Span,
    lemma: str,
    kind: SourceKind,
    source: Token | None,
    clausal: bool,
    relation: str,
    lex: Lexicon,
) -> Attribution:
    return Attribution(
        cue=cue,
        cue_lemma=lemma,
        sentence=sent.index,
        kind=kind,
        source=source_span(sent, source) if source is not None else None,
        content=_content(sent, verb),
        source_text=source_text(sent, source) if source is not None else "",
        cue_text=sent.sent.doc.text[cue.start - sent.base : cue.end - sent.base],
        source_head=sent.tok_span(source) if source is not None else None,
        source_lemma=source.lemma_.lower() if source is not None else "",
        cue_tag=verb.tag_,
        verb=sent.range_span(verb, _particle(verb, lemma, lex)),
        clausal=clausal,
        negated=_negated(verb),
        legal=source is not None and source.lemma_.lower() in lex.legal_subjects,
        wh_content=any(
            c.dep_ == "ccomp" and c.left_edge.tag_ in ("WP", "WRB", "WDT", "WP$")
            for c in verb.children
        ),
        relation=relation,
    )


GROUP_ADVERBS = frozenset(
    {
        "also",
        "now",
        "then",
        "again",
        "once",
        "even",
        "further",
        "later",
        "previously",
        "repeatedly",
        "publicly",
        "privately",
        "still",
        "already",
    }
)


def _cue_span(sent: Sentence, verb: Token, lemma: str, lex: Lexicon) -> tuple[Span, str] | None:
    """The verb group that makes the cue: auxiliaries, the verb, its particle and a colon.

    "has also said", "called for", "pointed out", "said:" -- annotators of attribution (PolNeAR)
    mark the whole group; a suggested fix rewrites only the verb (``Attribution.verb``).
    """
    particles = lex.particles(lemma)
    attached = [
        c
        for c in verb.children
        if c.dep_ in ("prt", "prep") and c.lower_ in particles and c.i == verb.i + 1
    ]
    if lemma == "point" and not attached:
        return None  # "point" alone is not a speech verb
    if any(c.dep_ == "prt" and c.lower_ not in particles for c in verb.children):
        return None  # "show up", "add up", "turn out": another verb altogether
    doc = verb.doc
    first = verb
    while first.i > sent.sent.start:
        prev = doc[first.i - 1]
        if prev.head.i == verb.i and (
            prev.dep_ in ("aux", "auxpass", "neg")
            or (prev.dep_ == "advmod" and prev.lower_ in GROUP_ADVERBS)
        ):
            first = prev
        else:
            break
    last = attached[0] if attached else verb
    if last.i + 1 < sent.sent.end and doc[last.i + 1].text == ":":
        last = doc[last.i + 1]
    cue_lemma = f"{lemma} {attached[0].lower_}" if attached else lemma
    return sent.range_span(first, last), cue_lemma


def _verb_attribution(
    sent: Sentence, verb: Token, lex: Lexicon, quoted: bool
) -> Attribution | None:
    """A speech, belief or evidence verb with its source; ``quoted``: a quote sits beside it."""
    lemma = verb.lemma_.lower()
    speech = lemma in lex.speech_verbs
    cognition = lemma in lex.cognition_verbs
    evidence = lemma in lex.evidence_verbs
    attitude = lemma in lex.attitude_verbs
    intention = lemma in lex.intention_verbs
    as_view = lemma in lex.as_view_verbs
    if not (speech or cognition or evidence or attitude or intention or as_view):
        return None
    found = _cue_span(sent, verb, lemma, lex)
    if found is None:
        return None
    cue, cue_lemma = found
    if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None  # a participle: "photos alleged to be of her", "the figures cited"
    has_clause = any(c.dep_ in CLAUSE_DEPS for c in verb.children) or _is_tag(verb)
    has_object = any(c.dep_ in ("dobj", "oprd") for c in verb.children)
    has_as = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    clausal = has_clause or quoted
    relation = _relation(lemma, lex, evidence and not (speech or cognition or attitude))
    if relation != "intention" and not quoted and _to_infinitive_only(verb):
        relation = "intention"  # "agreed to lease", "promised to build": an undertaking
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        agent = agent_of(verb)
        subj = subject_of(verb)
        if agent is not None and (has_clause or speech or lemma == "quote"):
            return _make(
                sent, verb, cue, cue_lemma, classify(agent, lex), agent, clausal, relation, lex
            )
        if lemma == "quote" and subj is not None:  # "X was quoted as saying"
            return _make(sent, verb, cue, cue_lemma, classify(subj, lex), subj, True, relation, lex)
        if subj is not None and subj.lower_ == "it" and has_clause:  # "it is believed that"
            return _make(sent, verb, cue, cue_lemma, SourceKind.NONE, None, True, relation, lex)
        return None
    subj = subject_of(verb)
    if subj is None or subj.lower_ in ("there", "this", "that", "which", "what"):
        return None
    if (
        subj.lemma_.lower() in lex.non_speaker_subjects
        or subj.like_num
        or subj.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT")
    ):
        return None
    if subj.lower_ == "it" and lemma not in lex.core_speech_verbs:
        return None  # "it said" may be the ministry; "it shows" is rarely anyone
    if verb.head.lemma_ == "let" and verb.dep_ == "ccomp":
        return None  # "let's say"
    referent = antecedent(subj, verb)
    kind = classify(referent, lex)
    if relation == "evidence":
        documentary = subj.lemma_.lower() in lex.document_nouns
        named = kind in (SourceKind.DOCUMENT, SourceKind.NAMED_ORGANISATION) or (
            kind is SourceKind.INSTITUTION and subj.lemma_.lower() in lex.institution_nouns
        )
        if not named and not (kind is SourceKind.VAGUE_GROUP and documentary):  # "studies show"
            return None
        if lemma == "put" and not any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children):
            return None
    elif intention:
        if not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
            return None
    elif as_view and not (speech or cognition or attitude):
        if not has_as:
            return None
    elif not (
        has_clause
        or lemma in lex.core_speech_verbs
        or quoted
        or (attitude and (has_object or cue_lemma != lemma))
        or (lemma in VIEW_VERBS and has_object)
        or (evidence and kind in (SourceKind.DOCUMENT, SourceKind.INSTITUTION))
    ):
        return None
    if (
        lemma in PERSON_ONLY
        and not has_clause
        and kind in (SourceKind.NAMED_PERSON, SourceKind.ANONYMOUS, SourceKind.NONE)
    ):
        return None
    made = _make(sent, verb, cue, cue_lemma, kind, subj, clausal, relation, lex)
    if referent.i != subj.i:  # the source is "who"; the speaker is the noun it stands for
        return dataclasses.replace(made, speaker=source_text(sent, referent))
    return made


def _object_source(
    sent: Sentence, cue: Span, lemma: str, obj: Token, content: Span | None, lex: Lexicon
) -> Attribution:
    return Attribution(
        cue=cue,
        cue_lemma=lemma,
        sentence=sent.index,
        kind=classify(obj, lex),
        source=source_span(sent, obj),
        content=content,
        source_text=source_text(sent, obj),
        cue_text=sent.sent.doc.text[cue.start - sent.base : cue.end - sent.base],
        source_head=sent.tok_span(obj),
        source_lemma=obj.lemma_.lower(),
        relation={"document": "document", "cite": "citation"}.get(lemma, "speech"),
    )


def _according_to(sent: Sentence, tok: Token, lex: Lexicon) -> Attribution | None:
    if tok.i + 1 >= len(tok.doc) or tok.nbor(1).lower_ != "to":
        return None
    to = tok.nbor(1)
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    obj = objs[0]
    head = tok.head
    rest = [t for t in head.subtree if not (tok.left_edge.i <= t.i <= obj.right_edge.i)]
    return _object_source(
        sent, sent.range_span(tok, to), "according to", obj, trimmed(sent, rest), lex
    )


def _citing(sent: Sentence, tok: Token, lex: Lexicon) -> Attribution | None:
    if tok.lemma_.lower() != "cite" or tok.tag_ != "VBG":
        return None
    objs = [c for c in tok.children if c.dep_ in ("dobj", "pobj")]
    if not objs:
        return None
    return _object_source(sent, sent.tok_span(tok), "cite", objs[0], None, lex)


def _owner(tok: Token, lex: Lexicon) -> Token | None:
    for child in tok.children:
        if (child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN")) or (
            child.dep_ == "compound"
            and (child.ent_type_ in ("ORG", "PERSON") or child.pos_ == "PROPN")
        ):
            return child
        if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by", "of"):
            pobj = [g for g in child.children if g.dep_ == "pobj"]
            if pobj and (
                pobj[0].ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
                or pobj[0].pos_ == "PROPN"
                or pobj[0].lemma_.lower() in lex.institution_nouns
            ):
                return pobj[0]
    return None


def _document_owner(sent: Sentence, tok: Token, lex: Lexicon) -> Attribution | None:
    """ "the ministry's figures", "a report by the OECD", "ONS data": a document with an owner."""
    if (
        tok.lemma_.lower() not in lex.document_cue_nouns
        and tok.lower_ not in lex.document_cue_nouns
    ):
        return None
    owner = _owner(tok, lex)
    if owner is None or not classify(owner, lex).identified:
        return None
    found = _object_source(sent, sent.tok_span(tok), "document", owner, None, lex)
    return dataclasses.replace(found, kind=SourceKind.DOCUMENT, cue_lemma=tok.lemma_.lower())


def find_attributions(sent: Sentence, analysis: Analysis, lex: Lexicon) -> Iterator[Attribution]:
    """Every attribution cue in one sentence, skipping cues inside quoted speech."""
    quotes = [q for q in analysis.quotes if q.span.overlaps(sent.span)]
    verbal: list[Attribution] = []
    nominal: list[Attribution] = []
    for tok in sent.sent:
        span = sent.tok_span(tok)
        if analysis.in_quote(span):
            continue
        if tok.lower_ == "according":
            found = _according_to(sent, tok, lex)
        elif tok.pos_ == "VERB":
            near = any(
                0 <= span.start - q.span.end <= QUOTE_GAP or 0 <= q.span.start - span.end <= 3
                for q in quotes
            )
            found = _verb_attribution(sent, tok, lex, near)
            cited = _citing(sent, tok, lex)
            if cited is not None:  # "media, citing NIS sources, reported": the chain's far end
                verbal.append(cited)
        elif tok.pos_ == "NOUN":
            found = _document_owner(sent, tok, lex)
            if found is not None:
                nominal.append(found)
            continue
        else:
            found = None
        if found is not None and not (
            found.source_head is not None and analysis.in_quote(found.source_head)
        ):  # a subject borrowed from inside a quote is the quote's, not the speaker
            verbal.append(found)
    yield from verbal
    for noun in nominal:
        if not any(v.source and noun.source and v.source.overlaps(noun.source) for v in verbal):
            yield noun
