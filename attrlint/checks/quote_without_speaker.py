"""ATR004 quote-without-speaker: a direct quote that no one is credited with.

Besides the quotes the analysis ties to an attribution, a quote counts as credited when the
sentence names its speaker in a way the attribution layer does not record: a speech verb tagging
it ('"...," said the 34-year-old'), a by-agent ('was called the "..." by the director Marc
Forster'), or a name leading the paragraph ('- Newcastle boss Graeme Souness "We deserved it."').
A quote that continues a credited one in its paragraph, or opens the next, is credited too.

Not quotes of anyone: titles and names ('the album "Night Trains"', 'originally dubbed "Jerry's
Guide to the World Wide Web"', 'the "Make love not spam" campaign'), words written on a sign,
a wall or a van ('see written on it, "Are you strong..."'), and the writer quoting a saying in
first-person copy.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrlint.analysis import Quote, Sentence
from attrlint.analysis.spans import SentenceIndex, ents
from attrlint.checks.base import CheckContext, Finding

if TYPE_CHECKING:
    from spacy.tokens import Token

MIN_WORDS = 4  # shorter quoted stretches are titles or scare quotes (HDG003's business)
# A verbless phrase woven into the sentence, shorter than this, is a borrowed phrase rather than
# a quotation ('the "war on living rooms"'); longer ones still need their source.
PHRASE_WORDS = 6
GAP = 40  # characters between a quote and the speech verb that tags it
# Things that carry written words: what they say is text, not a person's speech.
WRITTEN = frozenset(
    {
        "sign",
        "banner",
        "slogan",
        "placard",
        "poster",
        "caption",
        "inscription",
        "graffiti",
        "message",
        "motto",
        "logo",
        "sticker",
        "t-shirt",
        "shirt",
        "billboard",
        "advert",
        "advertisement",
        "notice",
        "label",
        "plaque",
        "wall",
        "screen",
        "headline",
        "tagline",
        "strapline",
        "legend",
    }
)
WRITING_VERBS = frozenset(
    {
        "write",
        "inscribe",
        "emblazon",
        "print",
        "paint",
        "carve",
        "engrave",
        "scrawl",
        "daub",
        "spray",
        "read",
        "bear",
        "display",
        "flash",
    }
)
# Verbs that give a name: 'originally dubbed "..."'.
NAMING = frozenset({"dub", "nickname", "title", "entitle", "name", "christen", "rename", "bill"})
# Verbs that tag a quote with its speaker, beyond the lexicon's speech verbs: '"...,"
# whispered the party official', '"...," a BBC statement read'.
TAGS = frozenset(
    {"whisper", "mutter", "murmur", "shout", "yell", "scream", "cry", "read", "sing", "chant"}
)
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
WRITER = frozenset({"i", "my", "me", "mine", "myself"})
PEOPLE = frozenset({"he", "she", "they", "i", "we"})
# The words of a label that names a speaker: "Newcastle boss Graeme Souness".
NAME_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PART", "CCONJ"})


def _tokens(sent: Sentence, start: int, end: int) -> list[Token]:
    """The sentence's tokens that start in [start, end), found by bisection, not a walk."""
    doc, base = sent.sent.doc, sent.base
    index = bisect_left(
        range(sent.sent.start, sent.sent.end), start - base, key=lambda i: doc[i].idx
    )
    found = []
    for i in range(sent.sent.start + index, sent.sent.end):
        if doc[i].idx + base >= end:
            break
        found.append(doc[i])
    return found


def _near(sent: Sentence, quote: Quote, gap: int) -> list[Token]:
    """The sentence's tokens that end at most ``gap`` characters before the quote and start at
    most ``gap`` after it (the only ones that can tag it), found by bisection, not a walk."""
    doc, base = sent.sent.doc, sent.base
    first = bisect_left(
        range(sent.sent.start, sent.sent.end),
        quote.span.start - gap - base,
        key=lambda i: doc[i].idx + len(doc[i]),
    )
    start = sent.sent.start + first
    if start >= sent.sent.end:
        return []
    return _tokens(sent, base + doc[start].idx, quote.span.end + gap + 1)


def _title(text: str) -> bool:
    """ "Free Mojtaba and Arash Day", "How Soon is Now?": every long word capitalised."""
    words = [w.strip("'\"‘’“”?!.,:;()") for w in text.split()]
    long = [w for w in words if len(w) > 3]
    capitals = [w for w in words if w[:1].isupper()]
    return len(capitals) >= 2 and bool(long) and all(w[:1].isupper() for w in long)


def _tagged(ctx: CheckContext, sent: Sentence, quote: Quote) -> bool:
    """A speech verb with a speaker right after or right before the quote: '"...," said the
    34-year-old', '"...," admitted Kiely', 'May said: "..."' (ages and a "May" the entity
    recogniser takes for dates, which the attribution layer passes over)."""
    speech = ctx.lexicon.speech_verbs | TAGS
    doc = sent.sent.doc
    for tok in _near(sent, quote, GAP):
        if tok.lemma_.lower() not in speech and tok.lower_ not in speech:
            continue
        if tok.pos_ != "VERB" and not any(c.dep_ == "nsubj" for c in tok.children):
            continue  # a verb the tagger took for a noun keeps its subject: "a statement read"
        span = sent.tok_span(tok)
        after = 0 <= span.start - quote.span.end <= GAP
        before = 0 <= quote.span.start - span.end <= 3
        between = ctx.document.source[span.end : quote.span.start]
        if (
            not before
            and 0 <= len(between) <= GAP
            and between.rstrip().endswith(":")
            and tok.i + 1 < sent.sent.end
            and doc[tok.i + 1].is_title
        ):
            return True  # 'Said Williams: "..."'
        if not (after or before) or quote.span.contains(span):
            continue
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            if subject.lower_ not in ("this", "that", "what", "which"):
                return True
            continue
        if after and tok.i + 1 < sent.sent.end:
            following = doc[tok.i + 1]  # 'said the 30-year-old', 'said England coach Mike Friday'
            if following.pos_ in ("PROPN", "DET", "PRON", "NUM") or following.is_title:
                return True
        if before and tok.i > sent.sent.start and doc[tok.i - 1].is_title:
            return True  # 'May said: "..."'
        if (
            before
            and tok.tag_ == "VBG"
            and any(c.dep_ == "nsubj" for a in tok.ancestors for c in a.children)
        ):
            return True  # 'Groening heaped praise on the show, saying: "..."'
    return False


def _governed(ctx: CheckContext, sent: Sentence, quote: Quote) -> bool:
    """A partial quote inside what a named person says: 'Mrs Kumaratunga called for the
    tragedy to be "the start of a new beginning"'."""
    inside = _tokens(sent, quote.content.start, quote.content.end)
    verbs = ctx.lexicon.speech_verbs | ctx.lexicon.attitude_verbs
    if not inside:
        return False
    for verb in inside[0].ancestors:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
            continue
        if quote.span.contains(sent.tok_span(verb)):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and (
            subject.ent_type_ == "PERSON" or subject.pos_ == "PROPN" or subject.lower_ in PEOPLE
        ):
            return True
    return False


def _by_agent(sent: Sentence, quote: Quote) -> bool:
    """'was called the "fifth child of the group" by the director Marc Forster'."""
    inside = _tokens(sent, quote.content.start, quote.content.end)
    if not inside:
        return False
    for verb in {t.head for t in inside} | {a for t in inside for a in t.ancestors}:
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for tok in agent.subtree:
                if tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.ent_type_ == ""):
                    return True
    return False


def _led_by_name(ctx: CheckContext, sent: Sentence, quote: Quote) -> bool:
    """A paragraph that opens with a name and then the quote: '- Newcastle boss Graeme Souness
    "We deserved the win."' (the colon the speaker labels expect is missing)."""
    block = ctx.document.blocks[quote.block]
    content = ctx.document.source[quote.content.start : quote.content.end]
    if not content[:1].isupper():
        return False
    lead = [t for t in sent.sent if block.span.start <= sent.tok_span(t).start < quote.span.start]
    words = [t for t in lead if not t.is_punct]
    if not words or len(words) > 8 or any(t.pos_ not in NAME_POS for t in words):
        return False  # 'Tony Blair's plan to "modernise"' is a sentence, not a label
    names = [e for e in ents(sent.sent) if e.label_ == "PERSON"]
    return any(block.span.start <= sent.base + e.start_char < quote.span.start for e in names)


def _written(sent: Sentence, quote: Quote) -> bool:
    """Words on a sign, a wall or a van: 'see written on it, "Are you strong..."'."""
    before = [t for t in sent.sent if sent.tok_span(t).end <= quote.span.start][-10:]
    return any(
        t.lemma_.lower() in WRITTEN
        or (t.lemma_.lower() in WRITING_VERBS and t.tag_ in ("VBN", "VBZ"))
        or (t.lemma_.lower() in NAMING and t.tag_ == "VBN")
        for t in before
    )


def _name(sent: Sentence, quote: Quote) -> bool:
    """A quote between a determiner and a noun: 'Lycos's "Make love not spam" campaign'."""
    before = [t for t in sent.sent if sent.tok_span(t).end <= quote.span.start]
    after = [t for t in sent.sent if sent.tok_span(t).start >= quote.span.end]
    if not before or not after or after[0].pos_ not in ("NOUN", "PROPN"):
        return False
    last = before[-1]
    return last.dep_ in ("det", "case", "poss") or last.tag_ in ("DT", "POS", "PRP$")


def _phrase(source: str, sent: Sentence, quote: Quote) -> bool:
    """A short verbless phrase inside a sentence of the reporter's: 'the "war on living rooms"'."""
    if sent.span.start == quote.span.start:
        return False
    inside = _tokens(sent, quote.content.start, quote.content.end)
    words = len(source[quote.content.start : quote.content.end].split())
    return words < PHRASE_WORDS and not any(t.tag_ in FINITE for t in inside)


def _first_person(sent: Sentence, quote: Quote) -> bool:
    """The writer quoting a saying in a column: 'My advice to gaming widows is "..."'."""
    return any(t.lower_ in WRITER and not quote.span.contains(sent.tok_span(t)) for t in sent.sent)


def _credited_here(ctx: CheckContext, quote: Quote, sentences: list[Sentence]) -> bool:
    if not sentences:
        return False
    first = sentences[0]
    return (
        _tagged(ctx, sentences[-1], quote)
        or _tagged(ctx, first, quote)
        or _governed(ctx, first, quote)
        or _by_agent(first, quote)
        or _led_by_name(ctx, first, quote)
    )


def _not_speech(ctx: CheckContext, quote: Quote, sentences: list[Sentence]) -> bool:
    source = ctx.document.source
    content = source[quote.content.start : quote.content.end]
    if _title(content):
        return True
    block = ctx.document.blocks[quote.block]
    if block.span.start == quote.span.start and len(content.split()) < PHRASE_WORDS:
        whole = ctx.document.source[quote.span.end : block.span.end].strip()
        if not whole:
            return True  # a paragraph of a few quoted words: a heading ("'My memories of ...'")
    if not sentences:
        return False
    first = sentences[0]
    mid_sentence = first.span.start < quote.span.start
    return mid_sentence and (
        _written(first, quote)
        or _name(first, quote)
        or _phrase(source, first, quote)
        or first.personal
        or _first_person(first, quote)
    )


def check(ctx: CheckContext) -> Iterator[Finding]:
    analysis = ctx.analysis
    source = ctx.document.source
    if any(a.cue_lemma == ":" for a in analysis.attributions):
        return  # a transcript: speakers are labels, not attributions
    blocks = ctx.document.blocks
    by_span = SentenceIndex(analysis.sentences)
    credited_block = -2  # the block of the last credited quote
    for index, quote in enumerate(analysis.quotes):
        sentences = by_span.overlapping(quote.span)
        credited = index in analysis.quote_speakers or _credited_here(ctx, quote, sentences)
        if not credited and quote.block - credited_block <= 1:
            credited = True  # it continues the last credited speaker
        if credited:
            credited_block = quote.block
            continue
        if blocks[quote.block].quoted:
            continue
        if len(source[quote.content.start : quote.content.end].split()) < MIN_WORDS:
            continue
        if any(s.heading and s.span.overlaps(quote.span) for s in analysis.sentences):
            continue  # a headline quotes the story below it
        if _not_speech(ctx, quote, sentences):
            continue
        yield Finding(quote.span, {"quote": source[quote.content.start : quote.content.end][:40]})
