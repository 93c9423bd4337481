"""Attributions marked by layout rather than grammar.

- Transcript labels: a paragraph opening "WALLACE: Do you ..." is spoken by WALLACE.
- Headline labels: a paragraph opening "Graham: Trump's rhetoric ..." credits what follows to the
  name before the colon, when the parse says that name is a person, a body or a document.
- Credit lines after a quote: "“It is a disgrace.” ― Ana Ruiz" credits the quote to Ana Ruiz.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrlint.analysis.lexicon import Lexicon
from attrlint.analysis.model import Attribution, Quote, Sentence, SourceKind
from attrlint.analysis.sources import classify
from attrlint.document.model import Document
from attrlint.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

# An upper-case name of one to four words, then a colon, at the start of a paragraph; of single
# letters, only an interview's "Q:" and "A:".
LABEL = re.compile(r"[\"“]?([QA]|[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}):[ \t]+(?=\S)")
# A capitalised name of one to five words (a lower-case word may follow the first: "Clinton camp"),
# then a colon, at the start of a paragraph or of a bulleted one ("- Blackburn boss Mark Hughes:").
HEADLINE = re.compile(r"(?:[-–—•*][ \t]+)?[\"“]?([A-Z][\w.'’\-]*(?: [\w.'’\-]+){0,4}):[ \t]+(?=\S)")
HEADLINE_WORDS = 5
# A dash, then a capitalised name of one to five words, right after a closing quote.
CREDIT = re.compile(
    r"[ \t\u00a0]*([―—–]|--)[ \t\u00a0]*([A-Z][\w.'’\-]+(?:[ \u00a0][A-Z][\w.'’\-]+){0,4})"
)


def _sentence_at(sentences: list[Sentence], offset: int) -> int | None:
    for sent in sentences:
        if sent.span.start <= offset < sent.span.end:
            return sent.index
    return None


def _label_head(sent: Sentence, name: Span) -> Token | None:
    """The word of the label that the others hang from, if the label is one noun phrase."""
    tokens = [t for t in sent.sent if name.contains(sent.tok_span(t))]
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return heads[0] if len(heads) == 1 else None


def _surnames(sentences: list[Sentence]) -> frozenset[str]:
    """The last word of each of the story's full person names: "Matthews" for "Chris Matthews"."""
    return frozenset(
        ent.text.split()[-1]
        for sent in sentences
        for ent in sent.entities
        if ent.label_ == "PERSON" and len(ent.text.split()) > 1
    )


def _headline_label(
    document: Document,
    block_start: int,
    sentences: list[Sentence],
    lex: Lexicon,
    surnames: frozenset[str],
) -> Attribution | None:
    """ "Graham: Trump's rhetoric is destroying the party" -- the name, then what it said."""
    match = HEADLINE.match(document.prose, block_start)
    if match is None or match.group(1).lower().rstrip(".") in lex.not_speaker_labels:
        return None
    index = _sentence_at(sentences, match.start(1))
    if index is None:
        return None
    sent = sentences[index]
    name = Span(match.start(1), match.end(1))
    head = _label_head(sent, name)
    if head is None:
        return None
    surname = head.text in surnames and len(name) == len(head.text)
    if surname:
        kind = SourceKind.NAMED_PERSON  # "Lopez: ...", a surname of the story's, mistagged
    elif head.pos_ not in ("PROPN", "NOUN") or head.ent_type_ in ("DATE", "TIME"):
        return None
    else:
        kind = classify(head, lex)
    if kind in (SourceKind.NONE, SourceKind.ANONYMOUS) or (
        head.pos_ == "NOUN"
        and not surname
        and head.lemma_.lower() not in lex.document_nouns | lex.institution_nouns
    ):
        return None  # "Why it matters:", "Bottom line:" name no one
    block_end = document.prose.find("\n", match.end())
    return Attribution(
        cue=Span(match.end(1), match.end(1) + 1),
        cue_lemma="headline",
        sentence=index,
        kind=kind,
        source=name,
        content=Span(match.end(), block_end if block_end >= 0 else len(document.prose)),
        source_text=match.group(1),
        cue_text=":",
        source_head=sent.tok_span(head),
        source_lemma=head.lemma_.lower(),
        clausal=True,
        relation="speech",
    )


def _interview(document: Document) -> bool:
    """Questions and answers labelled "Q:" and "A:": an interview printed as it went."""
    labels = {
        match.group(1)
        for block in document.blocks
        if (match := LABEL.match(document.prose, block.span.start)) is not None
    }
    return {"Q", "A"} <= labels


def transcript_labels(
    document: Document, sentences: list[Sentence], lex: Lexicon
) -> Iterator[Attribution]:
    surnames = _surnames(sentences)
    interview = _interview(document)
    for block in document.blocks:
        match = LABEL.match(document.prose, block.span.start)
        if match is None:
            headline = _headline_label(document, block.span.start, sentences, lex, surnames)
            if headline is not None:
                yield headline
            continue
        if match.group(1).lower().rstrip(".") in lex.not_speaker_labels:
            continue
        if len(match.group(1).replace(".", "")) < 2 and not (
            interview and match.group(1) in ("Q", "A")
        ):
            continue  # a lone "A:" names no one, but in an interview it is the one who answers
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
