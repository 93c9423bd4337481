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
    misread_modal,
    source_span,
    source_text,
    subject_of,
    subtree_span,
    trimmed,
)
from attrlint.analysis.sources import age_noun, classify
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


def _is_tag(verb: Token, lex: Lexicon) -> bool:
    """ "Prices rose, officials said": a speech verb tacked on after the clause it attributes."""
    if verb.head.i == verb.i or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if verb.dep_ == "parataxis":
        return True
    if _as_clause(verb, lex):
        return True
    before = verb.left_edge.i - 1
    return (
        verb.dep_ in TAG_DEPS
        and verb.i > verb.head.i
        and before >= 0
        and verb.doc[before].text in TAG_MARKS
    )


def _as_clause(verb: Token, lex: Lexicon) -> bool:
    """ "As the mayor noted, ...", "The bridge is old, as she has said": the clause the verb
    hangs from is what was said. Not "as he knew the area well" (an object of its own), nor a
    time ("as he spoke", "as she was speaking")."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ != "VBG"
        and verb_lemma(verb) in lex.as_clause_verbs
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children)
        and not any(
            c.dep_ in ("ccomp", "xcomp", "dobj") and c.lower_ != "it" for c in verb.children
        )
    )


def _negated(verb: Token) -> bool:
    """ "did not disclose", "failed to reveal": a statement that was not made."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("fail", "refuse", "decline")


OPENING_MARKS = frozenset({'"', "“", "‘", "'", "``"})
CLOSING_MARKS = frozenset({'"', "”", "’", "'", "''"})
CLOSING_PUNCT = frozenset({",", ".", "?", "!", "...", "…"})


def _with_marks(sent: Sentence, span: Span | None) -> Span | None:
    """A quoted content with its quotation marks and the comma or stop inside the closing one:
    '“We will win,” she said' -- as attribution annotators mark it."""
    if span is None:
        return None
    doc = sent.sent.doc
    tokens = [t for t in sent.sent if span.start <= sent.base + t.idx < span.end]
    if not tokens:
        return span
    first, last = tokens[0], tokens[-1]
    if first.i > sent.sent.start and doc[first.i - 1].text in OPENING_MARKS:
        end = last.i + 1
        while end < sent.sent.end and doc[end].text in CLOSING_PUNCT:
            end += 1
        if end < sent.sent.end and doc[end].text in CLOSING_MARKS:
            return sent.range_span(doc[first.i - 1], doc[end])
    return span


def _content(sent: Sentence, verb: Token, lex: Lexicon) -> Span | None:
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp"):
            return _with_marks(sent, subtree_span(sent, child))
    if _is_tag(verb, lex):
        # "Prices rose, officials said": the content is the rest of the head clause
        before = [t for t in verb.head.subtree if t.i < verb.left_edge.i]
        after = [t for t in verb.head.subtree if t.i > verb.right_edge.i]
        return _with_marks(sent, trimmed(sent, before) or trimmed(sent, after))
    for child in verb.children:
        if child.dep_ == "dobj" and verb_lemma(verb) in ADDRESSEE_VERBS and _people(child, lex):
            continue  # "told reporters": whom, not what; but "told a different story"
        if child.dep_ in ("parataxis", "dobj") and child.i > verb.i:
            return subtree_span(sent, child)
        if child.dep_ == "prep" and child.i > verb.i:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and (
                objs[0].lemma_.lower() in lex.medium_nouns or objs[0].ent_type_ in TIME_LABELS
            ):
                continue  # "said in a statement", "said on Tuesday": where and when, not what
            if child.i == verb.i + 1 and child.lower_ in lex.particles(verb_lemma(verb)) and objs:
                # "talked about the economy": "about" belongs to the cue
                return subtree_span(sent, objs[0])
            return subtree_span(sent, child)
    return None


def _people(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun phrase's head names people or a body: "reporters", "him", "the BBC"."""
    lemma = tok.lemma_.lower()
    return (
        tok.pos_ == "PRON"
        or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or lemma in lex.person_nouns
        or lemma in lex.institution_nouns
    )


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
    if lemma in lex.stance_verbs:
        return "stance"
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


def _text(sent: Sentence, span: Span | None) -> str:
    return "" if span is None else sent.text_of(span)


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
    span = source_span(sent, source) if source is not None else None
    return Attribution(
        cue=cue,
        cue_lemma=lemma,
        sentence=sent.index,
        kind=kind,
        source=span,
        content=_content(sent, verb, lex),
        source_text=_text(sent, span),
        cue_text=sent.text_of(cue),
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


MEDIUM_PREPS = frozenset({"in", "on"})
# Speech verbs whose object is the one spoken to: "told reporters", "assured voters".
ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "remind", "brief", "notify", "update"})
PARTICLE_ONLY = frozenset({"point", "talk"})
TIME_LABELS = frozenset({"DATE", "TIME"})


def _extend_right(verb: Token, last: Token, end: int, lex: Lexicon) -> Token:
    """What follows the verb inside the cue: "said Tuesday", "said in a statement", "said:"."""
    doc = verb.doc
    for _ in range(3):
        nxt = last.i + 1
        if nxt >= end:
            break
        tok = doc[nxt]
        if tok.head.i == verb.i and tok.dep_ == "npadvmod" and tok.ent_type_ in TIME_LABELS:
            last = tok.right_edge if tok.right_edge.i < end else tok  # "said Tuesday"
            continue
        if tok.head.i == verb.i and tok.dep_ == "advmod" and tok.lower_ == "back":
            last = tok  # "fired back", "hit back"
            continue
        if tok.head.i == verb.i and tok.dep_ == "prep" and tok.lower_ in MEDIUM_PREPS:
            objs = [c for c in tok.children if c.dep_ == "pobj"]
            if objs and objs[0].lemma_.lower() in lex.medium_nouns and objs[0].i < end:
                last = objs[0]  # "said in a statement", "wrote on Facebook"
                continue
        if tok.text == ":":
            last = tok
        break
    return last


def _cue_span(sent: Sentence, verb: Token, lemma: str, lex: Lexicon) -> tuple[Span, str] | None:
    """The verb group that makes the cue: auxiliaries, adverbs of the group, the verb, its
    particle, a day and the medium, and a colon.

    "has also said", "called for", "pointed out", "said Tuesday in a statement:" -- annotators of
    attribution (PolNeAR) mark the whole group; a suggested fix rewrites only the verb
    (``Attribution.verb``).
    """
    particles = lex.particles(lemma)
    attached = [
        c
        for c in verb.children
        if c.dep_ in ("prt", "prep") and c.lower_ in particles and c.i == verb.i + 1
    ]
    if (
        lemma in PARTICLE_ONLY
        and not attached
        and not any(c.dep_ == "ccomp" for c in verb.children)
    ):
        return None  # "point" and "talk" alone are not speech verbs ("talked up the dollar")
    if any(c.dep_ == "prt" and c.lower_ not in particles for c in verb.children):
        return None  # "show up", "add up", "turn out": another verb altogether
    doc = verb.doc
    first = verb
    name = misread_modal(verb)  # "May said": the subject, not part of the cue
    while first.i > sent.sent.start:
        prev = doc[first.i - 1]
        if (
            (name is None or prev.i != name.i)
            and prev.head.i == verb.i
            and (
                prev.dep_ in ("aux", "auxpass", "neg")
                or (prev.dep_ == "advmod" and _cue_adverb(prev, lex))
            )
        ):
            first = prev
        else:
            break
    last = _extend_right(verb, attached[0] if attached else verb, sent.sent.end, lex)
    cue_lemma = f"{lemma} {attached[0].lower_}" if attached else lemma
    return sent.range_span(first, last), cue_lemma


def _cue_adverb(tok: Token, lex: Lexicon) -> bool:
    """ "also said", "repeatedly warned", "angrily denied": an adverb of time, frequency or manner
    belongs to the cue; a booster, hedge, verdict or comment in the reporter's voice ("clearly
    showed", "reportedly said", "falsely claimed", "notably added") stays a word of its own."""
    lower = tok.lower_
    if lower in lex.cue_adverbs:
        return True
    return (
        tok.tag_ == "RB"
        and lower.endswith("ly")
        and lower not in lex.booster_words
        and lower not in lex.hedge_adverbs
        and lower not in lex.editorial_adverbs
        and lower not in lex.allegation_words
        and lower not in lex.verdict_adverbs
    )


# The small model's lemmatiser strips some verbs to another word ("hoping" -> "hop").
LEMMA_FIXES = {
    "hoping": "hope",
    "hoped": "hope",
    "hopes": "hope",
    "retweeted": "retweet",
    "retweeting": "retweet",
}
# Verbs that attribute only through what they put out: "issued a statement", "released a poll".
PUBLISHING_VERBS = frozenset({"issue", "release", "unveil"})
PUBLISHED_NOUNS = frozenset(
    {"ad", "advertisement", "video", "message", "proposal", "list", "op-ed"}
)
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "who"})
AGENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def verb_lemma(verb: Token) -> str:
    lower = verb.lower_
    return LEMMA_FIXES.get(lower, verb.lemma_.lower())


def _agentive(tok: Token, lex: Lexicon) -> bool:
    """A person, a body or a group: someone who can take a side ("Democrats", "she", "the party")."""
    if tok.pos_ == "PRON":
        return tok.lower_ in PERSONAL_PRONOUNS
    if tok.ent_type_ in AGENT_LABELS or tok.pos_ == "PROPN":
        return True
    lemma = tok.lemma_.lower()
    return (
        lemma in lex.people_nouns
        or lemma in lex.agent_nouns
        or lemma in lex.vague_source_nouns
        or lemma in lex.institution_nouns
        or lemma in lex.group_pronouns
    )


SHARE_WORDS = frozenset({"percent", "half", "third", "quarter", "quarters", "thirds", "%"})
# Verbs that attribute only beside a quote or before a colon: '"...," he continued.'
QUOTE_ONLY_VERBS = frozenset({"continue"})


def _colon_led(sent: Sentence, cue: Span) -> bool:
    """The cue ends in a colon: what was said follows ("She declared: ...")."""
    return sent.text_of(Span(cue.end - 1, cue.end)) == ":"


def _share(subj: Token) -> bool:
    """A share of respondents as subject: "52 percent", "nine in 10", "half of voters" (not a
    bare number: "Five admitted" may be Channel Five)."""
    if subj.ent_type_ in ("DATE", "TIME", "MONEY"):
        return False
    if subj.lower_ in ("total", "majority", "minority"):  # "a total of 48% of agents"
        return any(
            c.dep_ == "prep" and c.lower_ == "of" and any(_share(g) for g in c.children)
            for c in subj.children
        )
    return (
        subj.ent_type_ == "PERCENT"
        or subj.lower_ in SHARE_WORDS
        or (
            (subj.like_num or subj.ent_type_ == "CARDINAL")
            and any(c.dep_ == "prep" and c.lower_ in ("of", "in") for c in subj.children)
        )
    )


def _stranded_subject(verb: Token) -> Token | None:
    """The name right before a main verb the parser left without a subject ("..., Sen.
    Elizabeth Warren (D-MA) said ..."): the noun phrase that ends where the verb group starts."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    i = verb.i - 1
    doc = verb.doc
    while i >= 0 and doc[i].head.i == verb.i and doc[i].dep_ in ("aux", "neg", "advmod"):
        i -= 1
    if i >= 0 and doc[i].text == ")":  # a party label: "(D-MA)"
        while i >= 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    if i >= 0 and doc[i].text == ",":
        i = _named_before_aside(verb, i)
    if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN") or doc[i].ent_type_ in ("DATE", "TIME"):
        return None
    found = doc[i]
    while found.head.i < verb.i:
        if found.dep_ in ("compound", "flat"):
            found = found.head
        elif found.dep_ == "pobj" and found.head.head.pos_ in ("PROPN", "NOUN"):
            found = found.head.head  # "the Office for National Statistics"
        else:
            break
    return found if found.i < verb.i and not found.is_ancestor(verb) else None


NAME_PARTS = frozenset({"det", "compound", "amod", "nummod", "flat", "poss", "case", "punct"})


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker after an inverted verb that the parser hung on a later verb ('"...," said
    David Brock, a confidant who heads ...'): the noun phrase that starts right after the verb,
    when a quotation mark or a comma comes right before it."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ") or verb.i == verb.sent.start or verb.i + 1 >= verb.sent.end:
        return None
    if not (
        doc[verb.i - 1].is_quote
        or (
            doc[verb.i - 1].text == ","
            and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
        )
    ):
        return None  # not "Instead, said Mr Dean, the rules ...": what is said comes first
    j = verb.i + 1  # the first word of the phrase that is not a determiner or modifier
    while j < verb.sent.end and doc[j].dep_ in NAME_PARTS and not doc[j].is_punct:
        j += 1
    if j == verb.sent.end:
        return None
    found = doc[j]
    if any(not found.i >= doc[k].head.i > verb.i for k in range(verb.i + 1, j)):
        return None  # a modifier of some other word
    if found.pos_ not in ("PROPN", "NOUN") or found.is_ancestor(verb):
        return None
    if found.head.i == found.i + 1 and found.head.pos_ == "VERB":
        return None  # "said Scotland rugby coach ...", "rugby" read as a verb: no phrase to trust
    if found.head.i == verb.i:
        # '"...," added another Vermont Democrat': read as the object of a verb that takes none
        # beside the clause it reports
        inverted = verb_lemma(verb) in INVERTED_VERBS and any(
            c.dep_ == "ccomp" and c.i < verb.i for c in verb.children
        )
        return found if inverted and found.dep_ == "dobj" else None
    return found if found.dep_ in ("nsubj", "nsubjpass", "dobj", "appos", "npadvmod") else None


# Verbs whose speaker may follow them ('"...," added X') and that never take a person as object.
INVERTED_VERBS = frozenset({"say", "add", "write", "explain", "reply", "continue"})


ASIDE = 14  # words an aside between a speaker and "said" may run to


def _named_before_aside(verb: Token, comma: int) -> int:
    """ "..., Jake Sullivan, said", "... Ann Bell, wearing a yellow coat, said": the last word of
    the person named before the aside that ends at ``comma``, or -1. Never across a quotation
    mark, a sentence start or another comma-free stretch longer than an aside."""
    doc = verb.doc
    start = max(verb.sent.start, comma - ASIDE)
    for j in range(comma - 1, start - 1, -1):
        tok = doc[j]
        if tok.is_quote or tok.text in (";", ":"):
            return -1
        if tok.ent_type_ == "PERSON" and doc[j + 1].ent_type_ != "PERSON":  # j + 1 <= comma
            return j if doc[j + 1].text == "," else -1
    return -1


def _name_before_role(subj: Token) -> Token | None:
    """The first word of the person named right before a bare role that the parser made the
    subject ("a development Tom Reyes, researcher on ..., sees as"): the person speaks. Not a
    name in a phrase of its own ("After meeting Johnson, lawmakers said")."""
    doc = subj.doc
    comma = subj.left_edge.i - 1
    if (
        subj.tag_ != "NN"
        or comma - 1 < subj.sent.start
        or doc[comma].text != ","
        or any(c.dep_ in ("det", "poss") for c in subj.children)
    ):
        return None
    last = doc[comma - 1]
    if last.ent_type_ != "PERSON" or last.dep_ in ("pobj", "dobj", "dative", "pcomp"):
        return None
    first = last
    while first.i > subj.sent.start and first.ent_iob_ == "I":
        first = doc[first.i - 1]
    return first


def _asked_about(verb: Token) -> bool:
    return verb.lemma_ == "ask" and any(
        c.dep_ == "prep" and c.lower_ in ("about", "whether") for c in verb.children
    )


def _documentary(tok: Token, lex: Lexicon) -> bool:
    return tok.lemma_.lower() in lex.document_nouns or tok.lower_ in lex.document_nouns


def _modified(verb: Token, lex: Lexicon) -> Token | None:
    """The noun a present participle describes: "Trump, saying ...", "a memo warning that ..."."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if _documentary(head, lex):
        return head
    aside = verb.i > 0 and verb.doc[verb.i - 1].text == ","  # "Trump, saying ..."
    return head if aside and _agentive(head, lex) else None


def _publisher(verb: Token, lex: Lexicon) -> Token | None:
    """The verb of putting out a document that a participle describes, when someone is its
    subject: "issued a statement saying", "released an ad accusing", "put out a memo arguing"."""
    document = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or document.dep_ != "dobj":
        return None
    put = document.head
    lemma = verb_lemma(put)
    if not (lemma in PUBLISHING_VERBS or (lemma == "put" and _has_particle(put, "out"))):
        return None
    if not (_documentary(document, lex) or document.lemma_.lower() in PUBLISHED_NOUNS):
        return None
    subj = subject_of(put)
    return put if subj is not None and _agentive(subj, lex) else None


def _has_particle(verb: Token, particle: str) -> bool:
    return any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children)


def _published(verb: Token, lex: Lexicon) -> bool:
    """ "issued a statement", "released a new ad": the object is something put out to be read."""
    return any(
        c.dep_ == "dobj"
        and (c.lemma_.lower() in lex.document_nouns or c.lemma_.lower() in PUBLISHED_NOUNS)
        for c in verb.children
    )


def _verb_attribution(
    sent: Sentence, verb: Token, lex: Lexicon, quoted: bool
) -> Attribution | None:
    """A speech, belief or evidence verb with its source; ``quoted``: a quote sits beside it."""
    lemma = verb_lemma(verb)
    speech = lemma in lex.speech_verbs
    cognition = lemma in lex.cognition_verbs
    evidence = lemma in lex.evidence_verbs
    attitude = lemma in lex.attitude_verbs
    intention = lemma in lex.intention_verbs
    as_view = lemma in lex.as_view_verbs
    stance = lemma in lex.stance_verbs
    if not (speech or cognition or evidence or attitude or intention or as_view or stance):
        return None
    if lemma in PUBLISHING_VERBS and not _published(verb, lex):
        return None
    found = _cue_span(sent, verb, lemma, lex)
    if found is None:
        return None
    cue, cue_lemma = found
    has_clause = any(c.dep_ in CLAUSE_DEPS for c in verb.children) or _is_tag(verb, lex)
    has_object = any(c.dep_ in ("dobj", "oprd") for c in verb.children)
    has_as = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    clausal = has_clause or quoted
    relation = _relation(lemma, lex, evidence and not (speech or cognition or attitude))
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if relation != "intention" and not quoted and not passive and _to_infinitive_only(verb):
        relation = "intention"  # "agreed to lease", "promised to build": an undertaking
    finite = verb.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.children)
    if (
        verb.tag_ == "VBN"
        and not finite  # "Trump joked that ...", with "joked" tagged as a participle
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    ):
        # a participle: "photos alleged to be of her", "the figures cited"; but "a plan
        # criticised by the unions" credits the unions
        agent = agent_of(verb) if verb.dep_ == "acl" and relation != "evidence" else None
        if agent is not None and _agentive(agent, lex):
            return _make(
                sent, verb, cue, cue_lemma, classify(agent, lex), agent, clausal, relation, lex
            )
        if verb.dep_ == "advcl" and verb.i == sent.sent.start and lemma in ("ask", "press"):
            # "Asked about the deal, Ms Ruiz said ...": a question put by someone unnamed
            return _make(sent, verb, cue, cue_lemma, SourceKind.NONE, None, True, relation, lex)
        return None
    if passive:
        agent = agent_of(verb)
        subj = subject_of(verb)
        if agent is not None and (
            has_clause
            or speech
            or lemma == "quote"
            or ((attitude or stance) and _agentive(agent, lex))
        ):  # "was criticised by his rivals", "is backed by the unions"
            return _make(
                sent, verb, cue, cue_lemma, classify(agent, lex), agent, clausal, relation, lex
            )
        if lemma == "quote" and subj is not None:  # "X was quoted as saying"
            return _make(sent, verb, cue, cue_lemma, classify(subj, lex), subj, True, relation, lex)
        if subj is not None and subj.lower_ == "it" and has_clause:  # "it is believed that"
            return _make(sent, verb, cue, cue_lemma, SourceKind.NONE, None, True, relation, lex)
        if subj is not None and agent is None and (has_clause or has_as or _asked_about(verb)):
            # "the bill is expected to pass", "she is seen as a moderate", "he was asked about":
            # a view or a question with no one named behind it
            return _make(
                sent, verb, cue, cue_lemma, SourceKind.NONE, None, has_clause, relation, lex
            )
        return None
    publisher = _publisher(verb, lex)
    if publisher is not None:  # "the senator issued a statement saying ...": the senator says
        group = _cue_span(sent, publisher, verb_lemma(publisher), lex)
        if group is not None:
            cue = Span(group[0].start, cue.end)
    subj = (
        (subject_of(publisher) if publisher is not None else subject_of(verb))
        or _modified(verb, lex)
        or _stranded_subject(verb)
        or _inverted_subject(verb)
    )
    if subj is None or subj.lower_ in ("there", "this", "what"):
        return None
    if subj.lower_ in ("that", "which") and not (
        verb.dep_ == "relcl" and (_agentive(verb.head, lex) or _documentary(verb.head, lex))
    ):  # "a group that advocates for", "a poll that shows"; not "this" or "that" alone
        return None
    if _share(subj) and (speech or cognition or stance):
        # "52 percent said", "nine in 10 say": what a share of a poll's respondents answered
        return _make(
            sent, verb, cue, cue_lemma, SourceKind.VAGUE_GROUP, subj, clausal, "response", lex
        )
    if (
        subj.lemma_.lower() in lex.non_speaker_subjects
        or subj.like_num
        or (
            subj.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT")
            and not age_noun(subj)
        )
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
        if not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children) and not (
            has_object and _agentive(referent, lex)
        ):  # "wants to build", "is seeking the nomination"
            return None
    elif stance:
        if not _agentive(referent, lex) or not (
            has_object
            or has_clause
            or any(c.dep_ == "prep" and c.i > verb.i for c in verb.children)
        ):
            return None
    elif as_view and not (speech or cognition or attitude):
        if not has_as:
            return None
    elif lemma in QUOTE_ONLY_VERBS:
        if not (quoted or _colon_led(sent, cue)):
            return None
    elif not (
        has_clause
        or lemma in lex.core_speech_verbs
        or quoted
        or (speech and _colon_led(sent, cue))  # "In a speech, he declared:" and the words follow
        or (attitude and (has_object or cue_lemma != lemma))
        or (lemma in VIEW_VERBS and has_object)
        or (evidence and kind in (SourceKind.DOCUMENT, SourceKind.INSTITUTION))
        or (
            speech
            and ((has_object and lemma in lex.object_speech_verbs) or cue_lemma != lemma)
            and _agentive(referent, lex)
        )
    ):
        return None
    if (
        lemma in PERSON_ONLY
        and not has_clause
        and kind in (SourceKind.NAMED_PERSON, SourceKind.ANONYMOUS, SourceKind.NONE)
    ):
        return None
    name = _name_before_role(subj)
    if name is not None:  # "Tom Reyes, researcher on ..., sees": Tom Reyes, with his role
        made = _make(
            sent, verb, cue, cue_lemma, SourceKind.NAMED_PERSON, name, clausal, relation, lex
        )
        span = Span(sent.tok_span(name).start, source_span(sent, subj).end)
        return dataclasses.replace(made, source=span, source_text=_text(sent, span))
    made = _make(sent, verb, cue, cue_lemma, kind, subj, clausal, relation, lex)
    if referent.i != subj.i:  # the source is "who"; the speaker is the noun it stands for
        speaker = source_text(sent, referent, without=verb).rstrip(" ,;:-–—")
        return dataclasses.replace(made, speaker=speaker)
    return made


def _object_source(
    sent: Sentence, cue: Span, lemma: str, obj: Token, content: Span | None, lex: Lexicon
) -> Attribution:
    span = source_span(sent, obj)
    return Attribution(
        cue=cue,
        cue_lemma=lemma,
        sentence=sent.index,
        kind=classify(obj, lex),
        source=span,
        content=content,
        source_text=_text(sent, span),
        cue_text=sent.text_of(cue),
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


# Evidence verbs the tagger may read as nouns when they close a sentence ("a trade show").
CLOSING_EVIDENCE = frozenset({"show", "shows", "suggest", "suggests"})
CLOSING_PHRASE = 12  # words the source before a closing "show" may run to


def _closing_show(sent: Sentence, tok: Token, lex: Lexicon) -> Attribution | None:
    """ "The economy grew 8.1%, figures from the trade ministry show.": a closing "show" the tagger
    read as a noun. After a comma, a document noun and its owner, and before the full stop, it is
    the evidence verb; the clause before the comma is what it shows."""
    doc = tok.doc
    end = sent.sent.end
    if tok.lower_ not in CLOSING_EVIDENCE or any(
        not doc[i].is_punct for i in range(tok.i + 1, end)
    ):
        return None
    comma = next((i for i in range(tok.i - 1, sent.sent.start, -1) if doc[i].text == ","), None)
    if comma is None or comma + 1 >= tok.i:
        return None
    phrase = doc[comma + 1 : tok.i]
    head = next((t for t in phrase if _documentary(t, lex)), None)
    if (
        head is None
        or not (head.tag_ == "NNS" or head.lower_ in lex.mass_evidence_nouns)  # not "video show"
        or len(phrase) > CLOSING_PHRASE
        or any(
            t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "PART") for t in phrase if t.i < head.i
        )
    ):
        return None  # "official figures from ...", "the latest ONS data", not "as the bank"
    source = sent.range_span(phrase[0], phrase[-1])
    first = next(t for t in doc[sent.sent.start : comma + 1] if not t.is_space)
    if first.i == comma:
        return None
    return Attribution(
        cue=sent.tok_span(tok),
        cue_lemma="show" if tok.lower_.startswith("show") else "suggest",
        sentence=sent.index,
        kind=classify(head, lex),
        source=source,
        content=sent.range_span(first, doc[comma - 1]),  # "grew 8%", with its "%"
        source_text=_text(sent, source),
        cue_text=tok.text,
        source_head=sent.tok_span(head),
        source_lemma=head.lemma_.lower(),
        cue_tag="VBP",
        verb=sent.tok_span(tok),
        clausal=True,
        relation="evidence",
    )


def find_attributions(sent: Sentence, analysis: Analysis, lex: Lexicon) -> Iterator[Attribution]:
    """Every attribution cue in one sentence, skipping cues inside quoted speech."""
    quotes = analysis.quotes_overlapping(sent.span)
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
            closing = _closing_show(sent, tok, lex)
            if closing is not None:
                verbal.append(closing)
                continue
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
    # "put out a memo arguing" holds "put out": keep the longer cue of one source
    yield from (
        a
        for a in verbal
        if not any(
            b is not a
            and b.source == a.source
            and b.cue.start <= a.cue.start
            and a.cue.end < b.cue.end
            for b in verbal
        )
    )
    for noun in nominal:
        if not any(
            v.source and noun.source and v.source.overlaps(noun.source) and v.relation != "response"
            for v in verbal
        ):  # "63% of respondents in the Times poll thought": the poll's owner still sources it
            yield noun
