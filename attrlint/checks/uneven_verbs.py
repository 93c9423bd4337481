"""VRB002 uneven-attribution-verbs: one side "claims" while the other side "says".

Two sides, not merely two sources: the note needs a doubt verb (claim, allege, purport, contend;
"insist" is emphasis, VRB001's business) for one named source and only neutral verbs for another,
close by and in visible conflict with it: a "but" or "however" between them, a denial or
rejection, a rebuttal in the neutral side's words ("it was not true"), or one side's words naming
the other. Sources that share a name ("Tory leader Michael Howard" and "the Tories") are one side.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from attrlint.analysis import Analysis, Attribution, Lexicon, Sentence, SourceKind
from attrlint.checks.base import CheckContext, Finding
from attrlint.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

NEUTRAL = frozenset({"say", "tell", "state", "add", "write", "announce"})
DOUBT = frozenset({"claim", "allege", "purport", "contend"})
NEAR = 4  # sentences between the two sides' statements
CONTRAST = frozenset({"but", "however", "whereas", "although", "though", "yet", "nevertheless"})
REBUTTAL = frozenset(
    {
        "deny",
        "reject",
        "dismiss",
        "dispute",
        "refute",
        "rebut",
        "counter",
        "respond",
        "response",
        "contradict",
        "challenge",
        "false",
        "untrue",
        "baseless",
        "unfounded",
        "nonsense",
        "inaccurate",
        "misleading",
        "wrong",
        "denial",
    }
)
CLAIM_NOUNS = frozenset({"claim", "allegation", "accusation", "charge", "suggestion", "assertion"})
SOURCE_POS = frozenset({"NOUN", "PROPN", "PRON"})
# Legal words that are also everyday speech verbs: not a sign of a legal process on their own.
LOOSE = frozenset(
    {"claim", "allege", "alleged", "allegedly", "deny", "denied", "admit", "admitted"}
)
# People who take sides, beyond the lexicon's people and bodies.
SIDES = frozenset(
    {
        "owner",
        "supporter",
        "shareholder",
        "fan",
        "player",
        "coach",
        "manager",
        "chairman",
        "director",
        "minister",
        "secretary",
        "leader",
        "spokesman",
        "spokeswoman",
        "pair",
        "family",
        "man",
        "woman",
        "artist",
    }
)
ARBITERS = frozenset({"tribunal", "court", "judge", "jury", "coroner", "magistrate", "referee"})
PUBLICATIONS = frozenset({"book", "newspaper", "paper", "magazine", "article", "reports"})
CAPITALISED = re.compile(r"\b[A-Z][\w'’-]{2,}")
COMMON = frozenset({"the", "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "its", "his", "her"})


@dataclass(frozen=True, slots=True)
class _Side:
    attribution: Attribution
    key: str
    verb: Token | None


def _key(attribution: Attribution) -> str:
    return (attribution.speaker or attribution.source_text).strip()


def _stem(word: str) -> str:
    word = word.lower().strip("'’")
    for suffix, repl in (("ies", "y"), ("'s", ""), ("’s", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    return word


def _names(text: str) -> set[str]:
    """Stems of the capitalised words of a source: "Tory leader Michael Howard" -> tory, michael,
    howard; "the Tories" -> tory."""
    return {_stem(w) for w in CAPITALISED.findall(text)} - COMMON


def _token(sent: Sentence, span: Span | None) -> Token | None:
    if span is None:
        return None
    return next((t for t in sent.sent if sent.tok_span(t).start == span.start), None)


def _well_formed(analysis: Analysis, attribution: Attribution, lexicon: Lexicon) -> bool:
    """A clausal statement by a noun-phrase source, outside headlines."""
    sent = analysis.sentences[attribution.sentence]
    if sent.heading or attribution.source is None or not attribution.clausal:
        return False
    if attribution.source_head is not None and analysis.in_quote(attribution.source_head):
        return False  # a subject read out of someone's quote: "We will go to Twickenham"
    head = _token(sent, attribution.source_head)
    words = attribution.source_text.split()
    return (head is None or _agentive(head, lexicon)) and 0 < len(words) <= 8


def _agentive(head: Token, lexicon: Lexicon) -> bool:
    """Someone who can take a side: a name, a pronoun, a group or a body; not "the party's sums"."""
    if head.pos_ in ("PROPN", "PRON") or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lemma = head.lemma_.lower()
    return head.pos_ == "NOUN" and (
        lemma in lexicon.people_nouns
        or lemma in lexicon.vague_source_nouns
        or lemma in lexicon.institution_nouns
        or lemma in lexicon.group_pronouns
        or lemma in lexicon.obliged_nouns
        or lemma in SIDES
    )


def _arbiter(attribution: Attribution, lexicon: Lexicon) -> bool:
    """A judge, a tribunal or a prosecutor: the one who rules on a dispute is not a side of it."""
    words = {w.lower().strip(",.'’") for w in attribution.source_text.split()}
    return attribution.legal or bool(words & (lexicon.legal_subjects | ARBITERS))


def _doubting(analysis: Analysis, side: _Side, lexicon: Lexicon) -> bool:
    """ "claimed that ...": not "claims to represent", "for the minister to claim", the noun
    "claims", a report's or a book's claim, nor a formal allegation ("the lawsuit alleges",
    "the attorney general alleges", "sued by a woman who alleges")."""
    attribution, verb = side.attribution, side.verb
    if attribution.cue_lemma not in DOUBT or attribution.legal or verb is None:
        return False
    if verb.pos_ != "VERB" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in verb.children
    ):
        return False
    if attribution.kind in (SourceKind.NONE, SourceKind.DOCUMENT):
        return False  # a report or a book "claims": what it says is unconfirmed, not a side
    sent = analysis.sentences[attribution.sentence]
    head = _token(sent, attribution.source_head)
    if head is not None and head.ent_type_ == "WORK_OF_ART":
        return False  # "The Da Vinci Code claims"
    lemma = attribution.source_lemma
    if lemma in lexicon.document_nouns or lemma in PUBLICATIONS:
        return False
    if attribution.cue_lemma == "allege":
        words = {w.lower().strip(",.") for w in attribution.source_text.split()}
        nearby = [sent] + ([analysis.sentences[sent.index - 1]] if sent.index > 0 else [])
        lemmas = {t.lemma_.lower() for s in nearby for t in s.sent}
        if words & lexicon.legal_subjects or lemmas & (lexicon.legal_process_terms - LOOSE):
            return False
    return True


def _content_tokens(analysis: Analysis, attribution: Attribution) -> list[Token]:
    if attribution.content is None:
        return []
    sent = analysis.sentences[attribution.sentence]
    return [t for t in sent.sent if attribution.content.contains(sent.tok_span(t))]


def _contrast(analysis: Analysis, side: _Side) -> bool:
    """ "But the company said", "The union, however, claimed", "..., but the firm said"."""
    sent = analysis.sentences[side.attribution.sentence]
    words = [t for t in sent.sent if not t.is_punct and not analysis.in_quote(sent.tok_span(t))]
    if any(t.lower_ in CONTRAST for t in words[:2]):
        return True
    if any(t.lower_ in ("however", "nevertheless") for t in words):
        return True
    verb = side.verb
    return verb is not None and any(
        c.dep_ in ("cc", "mark") and c.lower_ in CONTRAST for c in verb.children
    )


def _rebuts(analysis: Analysis, side: _Side) -> bool:
    """The neutral side denies or rejects: "The firm rejected this and said ..."."""
    sent = analysis.sentences[side.attribution.sentence]
    return any(
        t.lemma_.lower() in REBUTTAL and not analysis.in_quote(sent.tok_span(t)) for t in sent.sent
    )


def _conflict(analysis: Analysis, doubter: _Side, other: _Side) -> bool:
    """Evidence that the two statements are two sides of one dispute."""
    if _contrast(analysis, doubter) or _contrast(analysis, other) or _rebuts(analysis, other):
        return True
    answer = _content_tokens(analysis, other.attribution)
    if any(t.dep_ == "neg" for t in answer):
        return True  # "the company said it had not ..."
    if any(t.lemma_.lower() in CLAIM_NOUNS for t in answer):
        return True  # "the firm said the claims were ..."
    claim_text = " ".join(t.text for t in _content_tokens(analysis, doubter.attribution))
    answer_text = " ".join(t.text for t in answer)
    return bool(_names(other.key) & _names(claim_text) or _names(doubter.key) & _names(answer_text))


def _same(analysis: Analysis, source: str, doubter: _Side, other: _Side) -> bool:
    """One speaker or one side: "the unions" twice, "Tory leader Michael Howard" and "the
    Tories", or "Chairman Steve Vaughan claims" and "the Chester chairman"."""
    if _plain(doubter.key) == _plain(other.key) or _names(_who(other)) & _names(_who(doubter)):
        return True  # also "Emmanuel Gaillard, a lawyer for Yukos" and "Yukos"
    for one, two in ((doubter, other), (other, doubter)):
        words = _plain(two.key).split()
        if len(words) >= 2 and words[-1].isalpha() and two.key.split()[-1].islower():
            role = re.escape(words[-1])
            text = analysis.sentences[one.attribution.sentence].sent.text.lower()
            if re.search(rf"\b{role}\b", text):
                return True  # the role of the one is named beside the other
            surname = one.key.split()[-1] if one.key.split() else ""
            if surname[:1].isupper() and re.search(
                rf"\b{role}(?:\W+\w+){{0,3}}?\W+{re.escape(surname)}\b", source, re.I
            ):
                return True  # "Chester chairman Steve Vaughan" elsewhere in the story
    return False


def _who(side: _Side) -> str:
    return f"{side.key} {side.attribution.source_text}"


def _plain(key: str) -> str:
    words = key.lower().split()
    return " ".join(w for w in words if w not in ("the", "a", "an"))


def check(ctx: CheckContext) -> Iterator[Finding]:
    analysis = ctx.analysis
    sides: dict[str, list[_Side]] = {}
    doubters: list[_Side] = []
    for attribution in analysis.attributions:
        if not _well_formed(analysis, attribution, ctx.lexicon):
            continue
        sent = analysis.sentences[attribution.sentence]
        side = _Side(attribution, _key(attribution), _token(sent, attribution.verb))
        if attribution.kind.identified:
            sides.setdefault(side.key, []).append(side)
        if _doubting(analysis, side, ctx.lexicon):
            doubters.append(side)
    neutral = [
        s
        for key, group in sides.items()
        if all(g.attribution.cue_lemma in NEUTRAL for g in group)
        for s in group
        if not _arbiter(s.attribution, ctx.lexicon)
    ]
    story = ctx.story_prose()
    for doubter in doubters:
        for other in neutral:
            if abs(other.attribution.sentence - doubter.attribution.sentence) > NEAR:
                continue
            if _same(analysis, story, doubter, other):
                continue
            if not _conflict(analysis, doubter, other):
                continue
            target = doubter.attribution.verb or doubter.attribution.cue
            verb = ctx.document.source[target.start : target.end]
            yield Finding(target, {"a": doubter.key, "verb": verb, "b": other.key})
            return  # a story-level note: the first uneven verb says it
