"""Rule-agnostic facts about a document, each positioned by offsets into its source."""

from __future__ import annotations

import bisect
import enum
import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from attrlint.analysis.spans import doc_text
from attrlint.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


class SourceKind(enum.Enum):
    NAMED_PERSON = "named_person"
    NAMED_ORGANISATION = "named_organisation"
    DOCUMENT = "document"
    INSTITUTION = "institution"
    VAGUE_GROUP = "vague_group"
    ANONYMOUS = "anonymous"
    NONE = "none"

    @property
    def identified(self) -> bool:
        """True for sources a reader could check: named people and bodies, documents, institutions."""
        return self not in (SourceKind.VAGUE_GROUP, SourceKind.ANONYMOUS, SourceKind.NONE)

    @property
    def is_body(self) -> bool:
        """True for organisations, institutions and documents: not a person or a crowd."""
        return self in (SourceKind.NAMED_ORGANISATION, SourceKind.INSTITUTION, SourceKind.DOCUMENT)


class Voice(enum.Enum):
    REPORTER = "reporter"
    ATTRIBUTED = "attributed"
    QUOTED = "quoted"


@dataclass(frozen=True, slots=True, eq=False)
class Sentence:
    """One sentence; ``base`` maps the spaCy span's character offsets to source offsets."""

    index: int
    block: int
    span: Span
    sent: SpacySpan
    base: int
    quoted_block: bool
    heading: bool
    first_in_block: bool
    personal: bool = False  # the writer speaks as "I", "we" or "you" outside quotes
    entities: tuple[SpacySpan, ...] = ()  # spans.ents(sent), read once for every use
    text: str = ""  # sent.text, built once: spaCy joins the words again on every read

    def text_of(self, span: Span) -> str:
        """The source text of ``span``, a stretch of this sentence (source offsets)."""
        start = span.start - self.base - self.sent.start_char
        end = span.end - self.base - self.sent.start_char
        if self.text and 0 <= start <= end <= len(self.text):
            return self.text[start:end]
        return doc_text(self.sent, span.start - self.base, span.end - self.base)

    def tok_span(self, token: Token) -> Span:
        return Span(self.base + token.idx, self.base + token.idx + len(token.text))

    def range_span(self, first: Token, last: Token) -> Span:
        return Span(self.base + first.idx, self.base + last.idx + len(last.text))


@dataclass(frozen=True, slots=True)
class Quote:
    """A stretch of direct speech: ``span`` includes the quotation marks, ``content`` excludes them."""

    span: Span
    content: Span
    block: int
    closed: bool


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who (source) says (cue) what (content)."""

    cue: Span
    cue_lemma: str
    sentence: int
    kind: SourceKind
    source: Span | None = None
    content: Span | None = None
    source_text: str = ""
    cue_text: str = ""
    source_head: Span | None = None  # the head word of the source phrase ("Experts")
    source_lemma: str = ""  # that head word's lemma ("expert")
    cue_tag: str = ""  # the cue verb's fine-grained tag (VBD, VBZ...), for suggested fixes
    verb: Span | None = None  # the lexical verb inside the cue ("claimed" in "has claimed")
    # the cue introduces a clause or a quote: a speech act, not "claimed the title"
    clausal: bool = False
    negated: bool = False  # "did not disclose", "failed to reveal"
    legal: bool = False  # the source is a prosecutor, a lawsuit or the like ("prosecutors allege")
    wh_content: bool = False  # the content is a wh-clause: "revealed who told them"
    # speech, belief, evidence, intention, stance, document, or citation (the source that a "citing"
    # names: "media, citing NIS sources, reported" credits the media and, through them, the NIS)
    relation: str = "speech"
    speaker: str = ""  # who the source is, pronouns and short names resolved ("Oliver Jia")


class NumberClass(enum.Enum):
    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    QUANTITY = "quantity"
    DATE = "date"
    TIME = "time"
    AGE = "age"
    YEAR = "year"
    ORDINAL = "ordinal"
    SCORE = "score"
    NAME = "name"  # a number that names or labels: "Boeing 737", "Article 50", "top 40", "(53)"
    CONVERSION = "conversion"  # a conversion in brackets: "$1bn (£530m)"
    SMALL = "small"  # a spelled-out count under ten: rarely a statistic

    @property
    def statistic(self) -> bool:
        return self in (
            NumberClass.COUNT,
            NumberClass.MONEY,
            NumberClass.PERCENT,
            NumberClass.QUANTITY,
        )


@dataclass(frozen=True, slots=True)
class NumberMention:
    span: Span
    text: str
    cls: NumberClass
    sentence: int
    value: str  # the digits and magnitude words, normalised, for "same figure" checks
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class CueMention:
    """A word or phrase a rule cares about (a hedge, a passive attribution...) and its voice."""

    kind: str
    span: Span
    text: str
    sentence: int
    voice: Voice


@dataclass(slots=True)
class Analysis:
    """Everything the rules see for one document."""

    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    cues: list[CueMention] = field(default_factory=list)
    quote_speakers: dict[int, int] = field(default_factory=dict)  # quote index -> attribution index
    _quote_starts: list[int] = field(default_factory=list)
    _quote_reach: list[int] = field(default_factory=list)  # the furthest end of quotes[: i + 1]
    _by_sentence: dict[int, list[Attribution]] = field(default_factory=dict)
    _indexed: list[Attribution] = field(default_factory=list)

    def index_quotes(self) -> None:
        self.quotes.sort(key=lambda q: q.span.start)
        self._quote_starts = [q.span.start for q in self.quotes]
        self._quote_reach = list(itertools.accumulate((q.span.end for q in self.quotes), max))

    def quote_at(self, offset: int) -> Quote | None:
        """The quote whose marks enclose ``offset``, if any."""
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        if i >= 0 and offset < self.quotes[i].span.end:
            return self.quotes[i]
        return None

    def in_quote(self, span: Span) -> bool:
        quote = self.quote_at(span.start)
        return quote is not None and span.end <= quote.span.end

    def quotes_overlapping(self, span: Span) -> list[Quote]:
        """The quotes, in order, that overlap ``span``, found by bisection (a walk over every
        quote, for every sentence, is quadratic)."""
        end = bisect.bisect_left(self._quote_starts, span.end)
        first = bisect.bisect_right(self._quote_reach, span.start, 0, end)
        return [q for q in self.quotes[first:end] if q.span.overlaps(span)]

    def attributions_in(self, sentence: int) -> list[Attribution]:
        if len(self._indexed) != len(self.attributions):
            self._by_sentence = {}
            for attribution in self.attributions:
                self._by_sentence.setdefault(attribution.sentence, []).append(attribution)
            self._indexed = list(self.attributions)
        return list(self._by_sentence.get(sentence, ()))

    def window(self, sentence: int, lead_looks_ahead: bool = False) -> list[Attribution]:
        """Attributions that can source a sentence, nearest first.

        The sentence itself; every earlier sentence of its paragraph (a paragraph that opens
        "According to the ONS, ..." sources the figures that follow); the sentence just before,
        even across a paragraph break. With ``lead_looks_ahead``, the story's first sentence may
        also lean on the next one (a lead sourced high, as Reuters allows).
        """
        found = self.sourcing(sentence)
        here = self.sentences[sentence]
        previous = sentence - 1
        while previous >= 0 and self.sentences[previous].block == here.block:
            found += self.sourcing(previous)
            previous -= 1
        if sentence > 0 and self.sentences[sentence - 1].block != here.block:
            found += self.sourcing(sentence - 1)
        if lead_looks_ahead and self.is_lead(sentence) and sentence + 1 < len(self.sentences):
            found += self.sourcing(sentence + 1)
        return found

    def sourcing(self, sentence: int) -> list[Attribution]:
        """Attributions that can vouch for a claim: not intentions ("Zelenskyy is aiming to"),
        stances ("Democrats oppose the bill") nor a poll's answers ("52 percent said")."""
        return [
            a
            for a in self.attributions_in(sentence)
            if a.relation not in ("intention", "stance", "response")
        ]

    def is_lead(self, sentence: int) -> bool:
        """The first sentence of the story that is not a heading."""
        lead = next((s.index for s in self.sentences if not s.heading), None)
        return lead == sentence

    def number_attributed(self, number: NumberMention) -> bool:
        """Quoted, or with an identified source in its window."""
        if self.in_quote(number.span) or self.sentences[number.sentence].quoted_block:
            return True
        return any(a.kind.identified for a in self.window(number.sentence, lead_looks_ahead=True))
