"""Attributions marked by layout rather than grammar.

- Transcript labels: a paragraph opening "WALLACE: Do you ..." is spoken by WALLACE.
- Credit lines after a quote: "“It is a disgrace.” ― Ana Ruiz" credits the quote to Ana Ruiz.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrlint.analysis.lexicon import Lexicon
from attrlint.analysis.model import Attribution, Quote, Sentence, SourceKind
from attrlint.document.model import Document
from attrlint.types import Span

# An upper-case name of one to four words, then a colon, at the start of a paragraph.
LABEL = re.compile(r"[\"“]?([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}):[ \t]+(?=\S)")
# A dash, then a capitalised name of one to five words, right after a closing quote.
CREDIT = re.compile(
    r"[ \t\u00a0]*([―—–]|--)[ \t\u00a0]*([A-Z][\w.'’\-]+(?:[ \u00a0][A-Z][\w.'’\-]+){0,4})"
)


def _sentence_at(sentences: list[Sentence], offset: int) -> int | None:
    for sent in sentences:
        if sent.span.start <= offset < sent.span.end:
            return sent.index
    return None


def transcript_labels(
    document: Document, sentences: list[Sentence], lex: Lexicon
) -> Iterator[Attribution]:
    for block in document.blocks:
        match = LABEL.match(document.prose, block.span.start)
        if match is None or match.group(1).lower().rstrip(".") in lex.not_speaker_labels:
            continue
        if len(match.group(1).replace(".", "")) < 2:
            continue  # "Q:" and "A:" name no one
        index = _sentence_at(sentences, match.start(1))
        if index is None:
            continue
        name = Span(match.start(1), match.end(1))
        colon = Span(match.end(1), match.end(1) + 1)
        content = Span(match.end(), block.span.end)
        yield Attribution(
            cue=colon,
            cue_lemma=":",
            sentence=index,
            kind=SourceKind.NAMED_PERSON,
            source=name,
            content=content,
            source_text=match.group(1),
            cue_text=":",
            source_head=name,
            clausal=True,
            relation="speech",
        )


def quote_credits(
    document: Document, quotes: list[Quote], sentences: list[Sentence]
) -> Iterator[Attribution]:
    for quote in quotes:
        if not quote.closed:
            continue
        match = CREDIT.match(document.prose, quote.span.end)
        if match is None:
            continue
        index = _sentence_at(sentences, match.start(2))
        if index is None:
            continue
        name = Span(match.start(2), match.end(2))
        yield Attribution(
            cue=Span(match.start(1), match.end(1)),
            cue_lemma="―",
            sentence=index,
            kind=SourceKind.NAMED_PERSON,
            source=name,
            content=quote.content,
            source_text=match.group(2),
            cue_text=match.group(1),
            source_head=name,
            clausal=True,
            relation="speech",
        )
