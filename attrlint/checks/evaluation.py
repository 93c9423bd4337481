"""ATR002 unattributed-evaluation: "renowned", "unprecedented", "Britain's best" unsourced.

Judgements, not measurements: a superlative of a measurable dimension ("India's biggest airline",
"the fastest time ever recorded", "its cheapest model yet") and a record whose measure is named or
given ("prices at record levels", "a record £2bn", "a world record") state a checkable fact. They
may need a source as any figure does, but they are not the reporter's opinion. Left too: a word
praising a play in a match report ("a brilliant cross", "a stunning volley"), which describes what
the reporter watched.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrlint.analysis import Sentence
from attrlint.checks.base import CheckContext, Finding

if TYPE_CHECKING:
    from spacy.tokens import Token

# Superlatives (by lemma) of dimensions one can measure: size, speed, price, height, age, wealth...
MEASURABLE = frozenset(
    {
        "big",
        "large",
        "small",
        "tiny",
        "huge",
        "fast",
        "quick",
        "slow",
        "cheap",
        "dear",
        "expensive",
        "high",
        "low",
        "old",
        "young",
        "new",
        "long",
        "short",
        "tall",
        "heavy",
        "light",
        "rich",
        "wealthy",
        "poor",
        "busy",
        "wide",
        "narrow",
        "deep",
        "early",
        "late",
        "hot",
        "cold",
        "warm",
        "wet",
        "dry",
        "strong",
        "weak",
        "near",
        "far",
        "close",
        "few",
        "many",
        "much",
        "great",  # in "the greatest number"; "the greatest band" is kept by the noun check below
    }
)
# Nouns that make "greatest" a quantity ("the greatest number", "the greatest share").
QUANTITY_NOUNS = frozenset(
    {"number", "share", "amount", "rise", "fall", "increase", "drop", "loss", "gain", "margin"}
)
# Records kept by a body ("a world record", "the British record") and a "track record".
KEPT = frozenset(
    {
        "world",
        "national",
        "british",
        "european",
        "olympic",
        "commonwealth",
        "championship",
        "club",
        "course",
        "personal",
        "track",
        "career",
        "league",
        "test",
        "all-time",
        "uk",
        "us",
        "english",
        "scottish",
        "irish",
        "welsh",
        "french",
        "american",
        "indoor",
        "outdoor",
        "junior",
        "meeting",
        "stadium",
        "ground",
    }
)
NUMBER_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
# Plays and moves in a match report: "a brilliant cross", "a stunning volley", "some brilliant
# defence". Wider words ("victory", "performance", "comeback") are left to the rule.
PLAYS = frozenset(
    {
        "tackle",
        "volley",
        "cross",
        "drive",
        "shot",
        "shot-making",
        "pass",
        "header",
        "finish",
        "strike",
        "save",
        "stop",
        "kick",
        "kicking",
        "catch",
        "rally",
        "serve",
        "return",
        "lob",
        "chip",
        "dribble",
        "turn",
        "run",
        "break",
        "defence",
        "defense",
        "try",
        "point",
        "ace",
        "winner",
        "backhand",
        "forehand",
        "solo",
        "free-kick",
        "goal",
        "display",
        "block",
        "dunk",
        "putt",
        "innings",
        "delivery",
        "ball",
        "over",
        "knock",
    }
)


def _token(sent: Sentence, start: int) -> Token | None:
    return next((t for t in sent.sent if sent.tok_span(t).start == start), None)


def _measured_record(tok: Token, measures: frozenset[str]) -> bool:
    """ "record levels", "a record £2bn", "a world record", "a track record": a fact, or no claim."""
    head = tok.head
    if tok.dep_ in ("amod", "compound", "nmod") and head.lemma_.lower() in measures:
        return True
    following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if following is not None and following.lemma_.lower() in measures:
        return True  # "a record high", parsed as "record" and an adverb
    measured = [a for a in tok.ancestors if a.pos_ in ("NOUN", "PROPN")]
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is not None:
        measured += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(n.lemma_.lower() in measures for n in measured):
        return True  # "jobless rate at new record", "the price hit a new record"
    if any(c.lower_ in KEPT or c.lemma_.lower() in KEPT for c in tok.children):
        return True  # "a world record", "his personal record"
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ in KEPT:
        return True
    return any(t.ent_type_ in NUMBER_LABELS or t.like_num for t in tok.sent)


def _measurable(tok: Token) -> bool:
    """ "the biggest airline", "the fastest time", "its cheapest model": a ranking by a measure."""
    lemma = tok.lemma_.lower()
    if lemma == "great" or tok.lower_ == "greatest":
        return tok.head.lemma_.lower() in QUANTITY_NOUNS
    return lemma in MEASURABLE or tok.lower_.removesuffix("est") in MEASURABLE


def _play(tok: Token) -> bool:
    """A move in a match praised by the reporter who saw it: "Jeannin's brilliant cross"."""
    head = tok.head
    nouns = [head] + [c for c in head.children if c.dep_ == "conj"]
    return tok.dep_ == "amod" and any(n.lemma_.lower() in PLAYS for n in nouns)


def _level(tok: Token) -> bool:
    """ "a historic high": a record level, not a judgement."""
    return tok.lower_ == "historic" and tok.head.lemma_.lower() in ("high", "low", "level")


def check(ctx: CheckContext) -> Iterator[Finding]:
    analysis = ctx.analysis
    records = ctx.lexicon.record_nouns
    for cue in analysis.cues:
        if cue.kind != "evaluation" or not ctx.own_voice(cue):
            continue
        if any(a.kind.identified for a in ctx.window(cue.sentence)):
            continue
        tok = _token(analysis.sentences[cue.sentence], cue.span.start)
        if tok is not None:
            if tok.lower_ in records and _measured_record(tok, ctx.lexicon.record_measures):
                continue
            if tok.tag_ == "JJS" and _measurable(tok):
                continue
            if _play(tok) or _level(tok):
                continue
        yield Finding(cue.span, {"term": cue.text})
