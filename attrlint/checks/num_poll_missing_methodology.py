"""NUM007 poll-missing-methodology: poll findings without who, how many, when, how and margin."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from attrlint.analysis import Analysis, Sentence
from attrlint.analysis.figures import (
    Figure,
    NumberWords,
    figures_in,
    has_phrase,
    load_number_words,
    lower_words,
    margin_of_error,
    respondent_share,
)
from attrlint.analysis.spans import ents
from attrlint.checks.base import CheckContext, Finding
from attrlint.types import Severity

if TYPE_CHECKING:
    from spacy.tokens import Token

SAMPLE_FILLERS = frozenset(
    {
        "more",
        "than",
        "over",
        "some",
        "nearly",
        "almost",
        "about",
        "around",
        "a",
        "the",
        "just",
        "under",
    }
)
OUT_OF = re.compile(r"\b(?:\w+|\d+) (?:out of|in) (?:10|ten|every|five|four|three)\b", re.I)
GENERIC_NAME_WORDS = frozenset(
    {"the", "and", "for", "news", "poll", "survey", "university", "research", "group", "center"}
)
ITEMS = ("sponsor", "sample size", "dates", "method", "margin of error")


@dataclass(slots=True)
class Poll:
    """One poll the story reports, and what it says about how the poll was done."""

    sentence: int
    noun: Token
    found: set[str]
    results: bool
    text: str = ""  # the sentences that discuss it, lower case, to match "the Mori survey"
    names: set[str] = field(default_factory=set)  # "mori", "countryfile": names it was given
    mentions: int = 1  # sentences that discuss it


def _poll_noun(tok: Token, words: NumberWords) -> bool:
    """ "poll", "survey": not the election, the poll tax or "the 5 May poll"."""
    if tok.tag_ not in ("NN", "NNP") or tok.lower_ not in words.poll_nouns:
        return False  # not "the polls": the election, or polls in general
    if tok.dep_ == "compound":
        return False  # "poll tax", "survey team"
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    return not mods & words.not_poll_modifiers and not any(
        c.ent_type_ == "DATE" for c in tok.children
    )


def _sponsor_in(sent: Sentence, noun: Token | None, words: NumberWords) -> bool:
    """Who ran or paid for the poll: "a YouGov poll", "for the BBC", "PwC conducted"."""
    text = lower_words(sent.sent)
    if has_phrase(text, words.pollsters):
        return True
    if noun is not None:
        for child in noun.children:
            if child.dep_ in ("compound", "poss", "nmod", "amod") and (
                child.pos_ == "PROPN" or child.ent_type_ in ("ORG", "PERSON", "NORP")
            ):
                return True
    for tok in sent.sent:
        if tok.lower_ in words.sponsor_words or tok.lemma_.lower() in words.poll_run_verbs:
            after = tok.doc[tok.i + 1 : min(tok.i + 4, sent.sent.end)]
            if any(_named(t) or t.lower_ in words.company_nouns for t in after):
                return True  # "by ICM", "for the BBC", "a survey by the firm"
        runs = words.poll_run_verbs | words.asked_verbs
        if tok.lemma_.lower() in runs and tok.pos_ == "VERB" and _named_subject(tok):
            return True  # "PwC conducted the survey", "RSA, which carried out the poll"
    return False


def _named(tok: Token) -> bool:
    """A proper name or a named entity."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "PERSON")


def _named_subject(verb: Token) -> bool:
    """The verb's subject or agent is named: "PwC conducted", "RSA, which carried out"."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "agent"):
            subject = child
            if subject.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
                subject = verb.head
            return any(_named(t) for t in subject.subtree)
    return False


def _sample_in(sent: Sentence, words: NumberWords) -> bool:
    """ "A poll of 1,313 people", "questioned 1,943 adults", "1,000 adults quizzed by ICM"."""
    doc = sent.sent.doc
    floor, end = sent.sent.start, sent.sent.end
    for fig in figures_in(sent):
        if fig.percent or fig.points or fig.money or fig.value < 20:
            continue
        before = [
            t for t in doc[max(floor, fig.first - 5) : fig.first] if t.lower_ not in SAMPLE_FILLERS
        ]
        if before and (
            before[-1].lemma_.lower() in words.asked_verbs
            or (
                before[-1].lower_ == "of"
                and len(before) > 1
                and (before[-2].lemma_.lower() in words.poll_nouns or before[-2].lower_ == "sample")
            )
        ):
            return True
        after = doc[fig.last + 1 : min(end, fig.last + 9)]
        if any(t.lower_ == "respondents" for t in after[:2]) or any(
            t.lemma_.lower() in words.asked_verbs and t.tag_ in ("VBN", "VBD") for t in after
        ):
            return True
    return False


def _details(sent: Sentence, noun: Token | None, words: NumberWords) -> set[str]:
    """Which of sponsor, sample size, dates, method and margin the sentence gives."""
    text = lower_words(sent.sent)
    found: set[str] = set()
    if _sponsor_in(sent, noun, words):
        found.add("sponsor")
    if _sample_in(sent, words):
        found.add("sample size")
    if any(e.label_ == "DATE" for e in ents(sent.sent)):
        found.add("dates")
    if has_phrase(text, words.method_words):
        found.add("method")
    if has_phrase(text, words.margin_phrases) or "±" in sent.sent.text:
        found.add("margin of error")
    return found


def _about_polls(sent: Sentence, words: NumberWords) -> bool:
    """A sentence that says how a poll was done: it names a poll, a pollster, or who was asked."""
    text = lower_words(sent.sent)
    lemmas = {t.lemma_.lower() for t in sent.sent}
    return bool(
        has_phrase(text, words.poll_nouns)
        or has_phrase(text, words.pollsters)
        or lemmas & words.asked_verbs & {"question", "survey", "poll", "interview", "sample"}
        or has_phrase(text, words.margin_phrases)
    )


def _results(analysis: Analysis, index: int, words: NumberWords) -> bool:
    """Shares of respondents reported in this sentence or the next one of the paragraph."""
    here = analysis.sentences[index]
    for other in analysis.sentences[index : index + 2]:
        if other.block != here.block:
            break
        if any(respondent_share(other, f, words) for f in figures_in(other)):
            return True
        if OUT_OF.search(other.sent.text):
            return True  # "eight out of 10 voters"
    return False


def _polls(ctx: CheckContext, words: NumberWords) -> list[Poll]:
    """Each poll the story reports, with the details given wherever it is discussed."""
    analysis = ctx.analysis
    polls: list[Poll] = []
    for sent in analysis.sentences:
        if sent.heading or sent.quoted_block:
            continue
        text = lower_words(sent.sent)
        noun = next(
            (
                t
                for t in sent.sent
                if _poll_noun(t, words) and not analysis.in_quote(sent.tok_span(t))
            ),
            None,
        )
        if noun is None:
            if polls and _about_polls(sent, words):
                polls[-1].found |= _details(sent, None, words)
                polls[-1].text += " " + sent.sent.text.lower()
                polls[-1].mentions += 1
            continue
        results = _results(analysis, sent.index, words)
        earlier = _earlier(polls, noun, words)
        if earlier is not None:
            earlier.found |= _details(sent, noun, words)  # "the poll", "the Mori survey"
            earlier.results |= results
            earlier.text += " " + sent.sent.text.lower()
            earlier.names |= _names(noun)
            earlier.mentions += 1
            continue
        if has_phrase(text, words.vote_poll_words):
            continue  # a readers' or viewers' vote, not an opinion poll
        found = _details(sent, noun, words)
        polls.append(Poll(sent.index, noun, found, results, sent.sent.text.lower(), _names(noun)))
    return polls


def _names(noun: Token) -> set[str]:
    """The names a poll noun carries: "the Daily Telegraph poll" → {"daily telegraph"}."""
    return {
        " ".join(t.lower_ for t in c.subtree if t.dep_ != "case" and t.lower_ not in ("'s", "the"))
        for c in noun.children
        if c.dep_ in ("compound", "poss") and _named(c)
    }


def _earlier(polls: list[Poll], noun: Token, words: NumberWords) -> Poll | None:
    """The poll "the poll" or "the Mori survey" refers to; None for a new one ("a poll")."""
    # "the Mail on Sunday survey" after "the Mori survey for Countryfile" is another poll;
    # "the YouGov poll" after "the Daily Telegraph poll" may be the same one.
    modifiers = {c.lower_ for c in noun.children if c.dep_ in ("det", "amod", "nummod")}
    if not polls:
        return None
    if modifiers & words.same_poll_words:
        return polls[-1]  # "a similar survey", "this new poll"
    if modifiers & words.new_poll_words:
        return None
    names = _names(noun)
    if not names:
        return polls[-1]
    distinct = {w for n in names for w in re.findall(r"[a-z0-9]+", n)} - GENERIC_NAME_WORDS
    distinct = {w for w in distinct if len(w) > 2}
    named = next((p for p in reversed(polls) if any(w in p.text for w in distinct)), None)
    if named is not None:
        return named
    last = polls[-1]
    pollster = {n for n in names if n in words.pollsters}
    if (pollster and not last.names & words.pollsters) or (
        names - pollster and not last.names - words.pollsters
    ):
        return last
    return None


def _lead_gap(figures: list[Figure]) -> float | None:
    """The gap a lead claims: "a three-point lead", "leads 43% to 40%"."""
    points = [f for f in figures if f.points]
    if points:
        return points[0].value
    shares = [f.value for f in figures if f.percent]
    if len(shares) >= 2:
        return abs(shares[0] - shares[1])
    return None


def _horse_race(ctx: CheckContext, words: NumberWords) -> Iterator[Finding]:
    """A "lead" inside the margin of error; a "statistical tie" between unequal figures."""
    analysis = ctx.analysis
    margin = margin_of_error(ctx.story_prose())
    for sent in analysis.sentences:
        if sent.heading or sent.quoted_block:
            continue
        figures = figures_in(sent)
        text = lower_words(sent.sent)
        tie = has_phrase(text, words.tie_phrases)
        shares = [f.value for f in figures if f.percent]
        if tie and len(shares) >= 2 and shares[0] != shares[1]:
            first = next(t for t in sent.sent if t.lower_ == tie.split()[0])
            last = sent.sent.doc[first.i + len(tie.split()) - 1]
            span = sent.range_span(first, last)
            if not analysis.in_quote(span):
                yield Finding(
                    span,
                    {
                        "phrase": ctx.document.source[span.start : span.end],
                        "a": f"{shares[0]:g}",
                        "b": f"{shares[1]:g}",
                    },
                    message_key="tie",
                )
            continue
        if margin is None:
            continue
        for tok in sent.sent:
            if tok.lemma_.lower() not in words.lead_words or analysis.in_quote(sent.tok_span(tok)):
                continue
            gap = _lead_gap(figures)
            if gap is not None and 0 < gap <= margin:
                yield Finding(
                    sent.tok_span(tok),
                    {"d": f"{gap:g}", "moe": f"{margin:g}"},
                    message_key="lead",
                    severity=Severity.ERROR,
                )
                break


def _missing(found: set[str]) -> str:
    """ "a sample size, fieldwork dates and a margin of error"."""
    names = {
        "sponsor": "a sponsor",
        "sample size": "a sample size",
        "dates": "fieldwork dates",
        "method": "a method",
        "margin of error": "a margin of error",
    }
    missing = [names[i] for i in ITEMS if i not in found]
    return ", ".join(missing[:-1]) + (" and " if len(missing) > 1 else "") + missing[-1]


def _story_rests_on(ctx: CheckContext, poll: Poll) -> bool:
    """The poll is the story's subject: it is in the lead, or discussed in several sentences."""
    leads = [s.index for s in ctx.analysis.sentences if not s.heading][:2]
    return poll.mentions > 1 or poll.sentence in leads


def check(ctx: CheckContext) -> Iterator[Finding]:
    """Polls without sponsor or sample; leads inside the margin; "statistical ties"."""
    words = load_number_words()
    polls = _polls(ctx, words)
    for poll in polls:
        if not poll.results or {"sponsor", "sample size"} <= poll.found:
            continue
        if "sponsor" in poll.found and not _story_rests_on(ctx, poll):
            continue  # a named poll cited in passing: its sponsor is enough to look it up
        sent = ctx.analysis.sentences[poll.sentence]
        yield Finding(sent.tok_span(poll.noun), {"missing": _missing(poll.found)})
    if polls:
        yield from _horse_race(ctx, words)
