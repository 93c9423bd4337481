"""ATR003 unattributed-allegation: wrongdoing stated as fact about someone identifiable.

The accused has to be in the grammar, not merely somewhere in the sentence: the subject of an
active wrongdoing verb ("Holt lied"), the owner or by-agent of a wrongdoing noun ("Holt's fraud",
"bribery by the firm"), the subject of a verb that commits one ("took bribes", "ran a cover-up"),
or the subject or noun a wrongdoing adjective describes ("the mayor was corrupt", "the corrupt
mayor"). Not an allegation: a victim ("stolen items", "the harassed manager"), a general issue
("fight corruption"), a metaphor ("stole the limelight"), a title ("Assault on Precinct 13"), and
wrongdoing asked about or supposed ("whether he abused his position", "if they cheated").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrlint.analysis import Lexicon, Sentence, Voice
from attrlint.analysis.phrases import agent_of
from attrlint.analysis.spans import ents
from attrlint.checks.base import CheckContext, Finding

if TYPE_CHECKING:
    from spacy.tokens import Token

NAMED = frozenset({"PERSON", "ORG", "GPE"})
NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "EVENT", "LAW", "FAC", "PRODUCT"})
PRONOUNS = frozenset({"he", "she", "him", "her"})
RELATIVES = frozenset({"who", "that", "which"})
# Roles and bodies that, made definite ("the mayor", "the firm"), point at someone identifiable.
ROLES = frozenset(
    {
        "mayor",
        "minister",
        "president",
        "chairman",
        "chairwoman",
        "chair",
        "boss",
        "chief",
        "executive",
        "director",
        "manager",
        "owner",
        "officer",
        "councillor",
        "senator",
        "governor",
        "leader",
        "secretary",
        "treasurer",
        "founder",
        "regime",
        "businessman",
        "businesswoman",
        "tycoon",
        "mp",
    }
)
# Verbs whose subject commits the wrongdoing named by their object: "took bribes", "ran a scam".
PERPETRATION = frozenset(
    {
        "commit",
        "take",
        "accept",
        "receive",
        "pay",
        "offer",
        "run",
        "orchestrate",
        "mastermind",
        "perpetrate",
        "tell",
        "operate",
        "conduct",
        "organise",
        "organize",
        "plot",
        "sell",
        "make",
        "hide",
        "practise",
        "practice",
        "carry",
        "demand",
        "solicit",
        "host",
        "broadcast",
    }
)
# "was involved in fraud", "engaged in bribery": the subject takes part in it.
PARTAKING = frozenset({"involve", "engage", "implicate", "participate", "embroil"})
# What one "steals" or "cheats" in sport and business copy without anyone being robbed.
METAPHORS = frozenset(
    {
        "victory",
        "win",
        "limelight",
        "spotlight",
        "show",
        "spot",
        "place",
        "march",
        "headline",
        "share",
        "point",
        "title",
        "lead",
        "ball",
        "base",
        "glance",
        "kiss",
        "heart",
        "thunder",
        "moment",
        "scene",
        "goal",
        "initiative",
        "crown",
        "race",
        "game",
        "match",
        "possession",
        "yard",
        "attention",
        "death",
        "advantage",
        "edge",
        "momentum",
        "honour",
        "glory",
        "medal",
        "customer",
        "audience",
        "viewer",
        "market",
        "business",
        "fan",
        "nap",
        "look",
        "time",
    }
)
# Only these readings of a term are wrongdoing: "rig" the verb, not the oil rig; "steal" as a
# verb, not "a steal at £10".
VERB_ONLY = frozenset({"rig", "steal", "forge", "launder", "embezzle", "extort", "swindle"})
# Nouns whose clause is a claim, a question or a possibility: "allegations that he lied".
HOLDERS = frozenset({"evidence", "proof", "question", "suspicion", "claim", "allegation"})
QUESTION_MARKS = frozenset({"if", "whether", "unless"})


def _tokens(sent: Sentence, start: int, end: int) -> list[Token]:
    return [t for t in sent.sent if start <= sent.tok_span(t).start < end]


def _term(tokens: list[Token]) -> Token:
    """The token that carries the term: the one whose head lies outside it ("cover-up")."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])


def _name(tok: Token) -> bool:
    """A person's or a body's name: not a date, a sum or a title the tagger calls a proper noun."""
    return tok.ent_type_ in NAMED or (tok.pos_ == "PROPN" and tok.ent_type_ in ("", "NORP"))


def _identifiable(tok: Token, lex: Lexicon) -> bool:
    """A named person or body, "he" or "she", or a definite role ("the mayor", "the firm")."""
    if _name(tok):
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in PRONOUNS
    lemma = tok.lemma_.lower()
    agentive = (
        lemma in ROLES
        or lemma in lex.institution_nouns
        or lemma in lex.people_nouns
        or lemma in lex.vague_source_nouns
    )
    if not agentive:
        return False  # "Fox hunting", "an illegal Claude Davey tackle": an act, not an actor
    for child in tok.children:
        if child.dep_ in ("compound", "poss", "appos") and _name(child):
            return True  # "Enron executives", "the firm's boss", "the director, Ann Lee"
        if (
            child.dep_ == "prep"
            and child.lower_ in ("of", "at")
            and any(_name(g) for g in child.children)
        ):
            return True  # "the board of Westfield Rovers"
    definite = any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "any", "no")
        for c in tok.children
    )
    return definite and tok.tag_ == "NN" and (lemma in ROLES or lemma in lex.institution_nouns)


def _subject(verb: Token) -> Token | None:
    """The doer of an active verb: its subject, or the subject it shares ("took cash and lied")."""
    node = verb
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "csubj")), None)
        if subject is not None:
            if subject.lower_ in RELATIVES and node.dep_ == "relcl":
                return node.head  # "the mayor, who took bribes"
            return subject
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _passive(verb: Token) -> bool:
    return verb.tag_ == "VBN" and (
        verb.dep_ in ("acl", "amod")
        or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    )


def _doer(verb: Token, metaphors: bool) -> Token | None:
    """Who does what ``verb`` says, when it is stated as done."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "did not steal"
    if metaphors:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects and objects[0].lemma_.lower() in METAPHORS:
            return None  # "stole the limelight", "stole top spot"
        if (
            verb.lemma_.lower() == "steal"
            and not objects
            and not _passive(verb)
            and not any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)
        ):
            return None  # "stole in at the far post"
    if _passive(verb):
        if verb.dep_ == "amod":
            return None  # "stolen items", "the harassed manager": a victim, not an accused
        return agent_of(verb)  # "was stolen by his aide"; with no agent, no one is accused
    return _subject(verb)


def _owner(noun: Token, lex: Lexicon) -> Token | None:
    """Who a wrongdoing noun is pinned on: "Smith's fraud", "bribery by the firm", "took
    bribes", "was involved in fraud". Not a compound: "ID fraud", "benefit fraud" name a kind."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "at"):
            found = next((g for g in child.children if g.dep_ == "pobj"), None)
            if found is not None and (child.lower_ == "by" or _name(found)):
                return found
    node = noun
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "bribery and fraud"
    head = node.head
    if node.dep_ == "dobj" and head.lemma_.lower() in PERPETRATION:
        return _doer(head, metaphors=False)
    if node.dep_ == "pobj" and head.lower_ == "in":
        verb = head.head
        if verb.lemma_.lower() in PARTAKING and not any(c.dep_ == "neg" for c in verb.children):
            return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _described(adjective: Token, lex: Lexicon) -> Token | None:
    """Who a wrongdoing adjective is said of: "the corrupt mayor", "the mayor was corrupt",
    "the firm's illegal dumping"."""
    head = adjective.head
    if adjective.dep_ == "amod":
        return head if _identifiable(head, lex) else _owner(head, lex)
    if adjective.dep_ in ("acomp", "attr") and not any(c.dep_ == "neg" for c in head.children):
        return next((c for c in head.children if c.dep_ == "nsubj"), None)
    return None


def accused(term: Token, lex: Lexicon) -> Token | None:
    """The person or body a wrongdoing term accuses, if the grammar names one."""
    lemma = term.lemma_.lower()
    if term.pos_ in ("VERB", "AUX"):
        return _doer(term, metaphors=True)
    if lemma in VERB_ONLY:
        return None
    if term.pos_ == "ADV":
        verb = term.head
        return _doer(verb, metaphors=False) if verb.pos_ in ("VERB", "AUX") else None
    if term.pos_ == "ADJ":
        return _described(term, lex)
    return _owner(term, lex)


def _supposed(term: Token, lex: Lexicon) -> bool:
    """Asked about, supposed or claimed rather than stated: "whether he abused his position",
    "if they cheated", "allegations that she lied", "Did he lie?"."""
    node = term
    while node.head.i != node.i:
        if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in node.children):
            return True
        if node.dep_ in ("acl", "ccomp", "relcl") and (
            node.head.lemma_.lower() in HOLDERS or node.head.lemma_.lower() in lex.stance_nouns
        ):
            return True
        node = node.head
    return any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in node.children) or (
        term.sent.text.rstrip().rstrip("\"'”’").endswith("?")
    )


def _title(term: Token) -> bool:
    """Part of a name or a title: "the Serious Fraud Office", "Assault on Precinct 13"."""
    if term.ent_type_ in NAME_LABELS:
        return True
    return term.is_title and term.i > term.sent.start and not term.sent.text.isupper()


def _target_text(sent: Sentence, tok: Token, source: str) -> str:
    ent = next((e for e in ents(sent.sent) if e.start <= tok.i < e.end), None)
    if ent is not None:
        span = sent.range_span(ent[0], ent[-1])
    elif len(list(tok.subtree)) <= 8:
        span = sent.range_span(tok.left_edge, tok.right_edge)
    else:
        span = sent.range_span(tok.left_edge, tok)
    text = source[span.start : span.end]
    return text.removesuffix("'s").removesuffix("’s")


def check(ctx: CheckContext) -> Iterator[Finding]:
    analysis = ctx.analysis
    legal = ctx.lexicon.legal_process_terms
    for cue in analysis.cues:
        if cue.kind != "wrongdoing" or cue.voice is not Voice.REPORTER:
            continue
        sent = analysis.sentences[cue.sentence]
        if sent.heading or ctx.window(cue.sentence):
            continue
        nearby = [sent] + ([analysis.sentences[cue.sentence - 1]] if cue.sentence > 0 else [])
        words = {t.lemma_.lower() for s in nearby for t in s.sent} | {
            t.lower_ for s in nearby for t in s.sent
        }
        if words & legal:
            continue  # a charge, a court or an investigation is named
        tokens = _tokens(sent, cue.span.start, cue.span.end)
        if not tokens:
            continue
        term = _term(tokens)
        if _title(term) or _supposed(term, ctx.lexicon):
            continue
        target = accused(term, ctx.lexicon)
        if target is None or not _identifiable(target, ctx.lexicon):
            continue  # no one identifiable is accused
        yield Finding(
            cue.span,
            {"target": _target_text(sent, target, ctx.document.source), "term": cue.text},
        )
