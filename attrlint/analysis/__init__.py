"""Rule-agnostic analysis of a parsed document (DESIGN.md §2, step 3)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from attrlint.analysis.attributions import find_attributions
from attrlint.analysis.coreference import link_quotes, resolve_speakers
from attrlint.analysis.cues import (
    find_hedges,
    find_passive_attributions,
    find_weasels,
    is_personal,
)
from attrlint.analysis.lexicon import Lexicon, load_lexicon
from attrlint.analysis.model import (
    Analysis,
    Attribution,
    CueMention,
    NumberClass,
    NumberMention,
    Quote,
    Sentence,
    SourceKind,
    Voice,
)
from attrlint.analysis.numbers import find_numbers
from attrlint.analysis.quotes import find_quotes
from attrlint.analysis.spans import ents
from attrlint.analysis.speaker_labels import quote_credits, transcript_labels
from attrlint.analysis.wording import (
    find_boosters,
    find_doubt_qualifiers,
    find_editorial,
    find_evaluations,
    find_reportedly,
    find_wrongdoing,
)
from attrlint.document.model import BlockKind, Document
from attrlint.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "Analysis",
    "Attribution",
    "CueMention",
    "Lexicon",
    "NumberClass",
    "NumberMention",
    "ParsedBlock",
    "Quote",
    "Sentence",
    "SourceKind",
    "Voice",
    "analyse",
    "load_lexicon",
]


@dataclass(frozen=True, slots=True)
class ParsedBlock:
    """The spaCy parse of ``document.prose[base : base + len(doc.text)]``, part of block ``block``."""

    block: int
    base: int
    doc: Doc


def _personal_hedges(found: Iterable[tuple[str, Any, Any]]) -> list[tuple[str, Any, Any]]:
    """In first- or second-person copy every hedge is the writer's avowed opinion: context."""
    return [("hedge_context" if k == "hedge" else k, first, last) for k, first, last in found]


def _quoted_at(analysis: Analysis, base: int, offset: int) -> bool:
    return analysis.in_quote(Span(base + offset, base + offset + 1))


def _sentences(
    document: Document, parsed: Iterable[ParsedBlock], analysis: Analysis
) -> list[Sentence]:
    sentences: list[Sentence] = []
    last_block = -1
    for piece in parsed:
        block = document.blocks[piece.block]
        for sent in piece.doc.sents:
            words = [t for t in sent if not t.is_space]
            if not words:
                continue
            start = piece.base + words[0].idx
            end = piece.base + words[-1].idx + len(words[-1].text)
            sentences.append(
                Sentence(
                    index=len(sentences),
                    block=piece.block,
                    span=Span(start, end),
                    sent=sent,
                    base=piece.base,
                    quoted_block=block.quoted,
                    heading=block.kind is BlockKind.HEADING,
                    first_in_block=piece.block != last_block,
                    personal=is_personal(sent, functools.partial(_quoted_at, analysis, piece.base)),
                    entities=tuple(ents(sent)),
                    text=sent.text,
                )
            )
            last_block = piece.block
    return sentences


def _voice(analysis: Analysis, sent: Sentence, span: Span) -> Voice:
    if sent.quoted_block or analysis.in_quote(span):
        return Voice.QUOTED
    if analysis.sourcing(sent.index) or _quote_follows(analysis, sent):
        return Voice.ATTRIBUTED
    return Voice.REPORTER


def _quote_follows(analysis: Analysis, sent: Sentence) -> bool:
    """The next sentence of the paragraph opens with a speaker's quote: a paraphrase leading in."""
    following = sent.index + 1
    if following >= len(analysis.sentences) or analysis.sentences[following].block != sent.block:
        return False
    start = analysis.sentences[following].span.start
    quote = analysis.quote_at(start)
    if quote is None or quote.span.start != start:
        return False
    return analysis.quotes.index(quote) in analysis.quote_speakers


def analyse(
    document: Document, parsed: Iterable[ParsedBlock], lex: Lexicon | None = None
) -> Analysis:
    """Quotes, sentences, attributions, numbers and wording cues for one document."""
    lex = lex or load_lexicon()
    analysis = Analysis()
    for i, block in enumerate(document.blocks):
        analysis.quotes.extend(find_quotes(document.prose, block.span.start, block.span.end, i))
    analysis.index_quotes()
    analysis.sentences = _sentences(document, parsed, analysis)
    for sent in analysis.sentences:
        analysis.attributions.extend(find_attributions(sent, analysis, lex))
    analysis.attributions.extend(transcript_labels(document, analysis.sentences, lex))
    analysis.attributions.extend(quote_credits(document, analysis.quotes, analysis.sentences))
    analysis.attributions.sort(key=lambda a: (a.sentence, a.cue.start))
    resolve_speakers(analysis, lex)
    link_quotes(analysis)
    for sent in analysis.sentences:
        analysis.numbers.extend(find_numbers(sent))
        found = [
            *(
                _personal_hedges(find_hedges(sent.sent, lex))
                if sent.personal
                else find_hedges(sent.sent, lex)
            ),
            *find_boosters(sent.sent, lex),
            *find_doubt_qualifiers(sent.sent, lex),
            *find_editorial(sent.sent, lex),
            *find_reportedly(sent.sent, lex),
            *find_evaluations(sent.sent, lex),
            *find_wrongdoing(sent.sent, lex),
            *find_passive_attributions(sent.sent, lex),
            *find_weasels(sent.sent, lex),
        ]
        for kind, first, last in found:
            if last.i < first.i:  # "..., says research": the verb comes first
                first, last = last, first
            span = sent.range_span(first, last)
            analysis.cues.append(
                CueMention(
                    kind,
                    span,
                    document.source[span.start : span.end],
                    sent.index,
                    _voice(analysis, sent, span),
                )
            )
    analysis.cues.sort(key=lambda c: (c.span.start, c.kind))
    return analysis
