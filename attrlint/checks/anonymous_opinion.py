"""SRC004 anonymous-opinion: an unnamed source supplies an opinion, a prediction or an attack.

The opinion words are read in context: "right" and "wrong" as judgements ("the plan is wrong"),
not a legal right or "the wrong cartridge"; "best" and "worst" as verdicts ("it would be the best
way"), not an award ("best supporting actress") or a ranking ("the worst-affected areas"); a
noun such as "disaster" as a verdict ("the plan is a disaster"), not the name of an event ("the
disaster" of the story); "should" and "must" in what the source asserts, not in a relative clause
or a question. Not anonymous: a source inside a named person's statement ("he denied activists
had forced the changes") and a rhetorical question ("How dare people suggest we are lazy?").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrlint.analysis import Analysis, Attribution, Sentence, SourceKind
from attrlint.checks.base import CheckContext, Finding
from attrlint.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

UNNAMED = (SourceKind.ANONYMOUS, SourceKind.VAGUE_GROUP)
JUDGEMENTS = frozenset({"right", "wrong"})
RANKS = frozenset({"best", "worst"})
MODALS = frozenset({"should", "must", "ought"})
# Award categories: "best supporting actress", "best film".
AWARDS = frozenset(
    {
        "actor",
        "actress",
        "film",
        "picture",
        "director",
        "album",
        "song",
        "single",
        "newcomer",
        "act",
        "group",
        "band",
        "artist",
        "video",
        "documentary",
        "screenplay",
        "score",
        "drama",
        "comedy",
        "novel",
        "book",
        "player",
        "goal",
        "animation",
        "musical",
        "play",
        "show",
        "programme",
        "title",
        "category",
        "award",
        "prize",
    }
)
PREDICATIVE = frozenset({"attr", "acomp", "oprd"})
SUPPOSED = frozenset({"if", "whether", "unless"})
EMBEDDING = frozenset({"relcl", "acl"})
SOURCE_POS = frozenset({"NOUN", "PROPN", "PRON"})
# Things that "say" what they contain: not people who could be named.
THINGS = frozenset(
    {"comment", "guidance", "message", "text", "advice", "rule", "law", "guideline", "code"}
)


def _token(sent: Sentence, span: Span | None) -> Token | None:
    if span is None:
        return None
    return next((t for t in sent.sent if sent.tok_span(t).start == span.start), None)


def _asserted(tok: Token, root: Token | None) -> bool:
    """Not inside a relative clause, a whether/if clause or a question below the cue verb."""
    node = tok
    while node.head.i != node.i and (root is None or node.i != root.i):
        if node.dep_ in EMBEDDING and node.i != tok.i:
            return False
        if any(c.dep_ == "mark" and c.lower_ in SUPPOSED for c in node.children):
            return False
        node = node.head
    return True


def _opinion(tok: Token, lex_terms: frozenset[str], root: Token | None) -> bool:
    """``tok`` is an opinion, prediction or attack word used as one."""
    lower = tok.lower_
    if lower not in lex_terms:
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text == "-":
        return False  # "worst-affected", "right-wing"
    if lower in JUDGEMENTS:
        return tok.pos_ == "ADJ" and tok.dep_ not in ("amod", "compound")
    if lower in RANKS:
        if tok.dep_ == "advmod" or tok.pos_ == "ADV":
            return False  # "best known", "at best"
        if tok.dep_ == "amod":
            noun = tok.head
            if noun.lemma_.lower() in AWARDS or any(
                c.lower_ == "supporting" for c in noun.children
            ):
                return False  # "best supporting actress"
            return noun.dep_ in PREDICATIVE  # "would be the best way forward"
        return _asserted(tok, root)
    if lower in MODALS:
        subject = next((c for c in tok.head.children if c.dep_.startswith("nsubj")), None)
        if subject is not None and subject.i > tok.i:
            return False  # "Should that happen, ...": a condition
        return _asserted(tok, root)
    if tok.pos_ in ("NOUN", "PROPN"):
        specific = any(
            c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "no") for c in tok.children
        )
        if specific and tok.dep_ not in PREDICATIVE:
            return False  # "the disaster", "December's tsunami disaster": an event, not a verdict
    return _asserted(tok, root)


def _embedded(analysis: Analysis, attribution: Attribution) -> bool:
    """The source is part of what an identified speaker says: "He denied activists had ..."."""
    return any(
        other is not attribution
        and other.kind.identified
        and other.content is not None
        and other.content.contains(attribution.cue)
        and other.cue.start < attribution.cue.start  # "He denied ...", not "..., the paper said"
        and (other.source is None or not other.source.overlaps(attribution.cue))
        for other in analysis.attributions_in(attribution.sentence)
    )


def _voiced_by_other(analysis: Analysis, attribution: Attribution, span: Span) -> bool:
    """The word is inside a quote whose speaker is an identified source, not this one."""
    quote = analysis.quote_at(span.start)
    if quote is None:
        return False
    index = analysis.quotes.index(quote)
    speaker = analysis.quote_speakers.get(index)
    if speaker is None:
        return False
    other = analysis.attributions[speaker]
    return other is not attribution and other.kind.identified


def _infinitive(verb: Token | None) -> bool:
    """ "voted to say in law that": a statement not made, but agreed or planned."""
    return (
        verb is not None
        and verb.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def check(ctx: CheckContext) -> Iterator[Finding]:
    analysis = ctx.analysis
    opinion = ctx.lexicon.opinion_terms
    for attribution in analysis.attributions:
        content = attribution.content
        if attribution.kind not in UNNAMED or content is None or attribution.source is None:
            continue
        if attribution.relation not in ("speech", "belief") or analysis.in_quote(attribution.cue):
            continue
        sent = analysis.sentences[attribution.sentence]
        if sent.sent.text.rstrip().rstrip("\"'”’").endswith("?"):
            continue  # a rhetorical question: "How dare people suggest we are lazy?"
        head = _token(sent, attribution.source_head)
        if head is not None and (
            head.pos_ not in SOURCE_POS
            or head.lower_ in ("that", "which", "what")
            or head.lemma_.lower() in THINGS
            or head.lemma_.lower() in ctx.lexicon.document_nouns
        ):
            continue  # not people: "how much", "using the wrong cartridge", "a message"
        verb = _token(sent, attribution.verb)
        if _infinitive(verb) or _embedded(analysis, attribution):
            continue
        words = [
            t
            for t in sent.sent
            if content.contains(sent.tok_span(t))
            and _opinion(t, opinion, verb)
            and not _voiced_by_other(analysis, attribution, sent.tok_span(t))
        ]
        if words:
            yield Finding(
                attribution.source, {"source": attribution.source_text, "term": words[0].text}
            )
