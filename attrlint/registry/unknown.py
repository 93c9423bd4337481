"""REL004's candidates: named organisations credited as sources that the registry does not list.

Only what the entity recogniser tags as an organisation counts, standing as the source or owning
it in a way that speaks for it ("Zenith Holdings said", "a Zenith Holdings spokesman said",
"Zenith Holdings data show"), once per name; not "the Blues boss" or "Mr Kilroy-Silk".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from attrlint.analysis.model import Analysis, Attribution, Sentence, SourceKind
from attrlint.document.model import Document
from attrlint.registry.model import alias_key
from attrlint.registry.names import names_source
from attrlint.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

UNKNOWN_KINDS = frozenset(
    {SourceKind.NAMED_ORGANISATION, SourceKind.DOCUMENT, SourceKind.INSTITUTION}
)
# heads that speak or stand for the organisation that owns them: "a UKIP spokesman", "ONS data"
SPEAKS_FOR = frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representative",
        "official",
        "statement",
        "report",
        "study",
        "survey",
        "poll",
        "data",
        "datum",
        "figure",
        "research",
        "analysis",
        "estimate",
        "forecast",
        "review",
        "audit",
    }
)
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "baroness", "dame"})


@dataclass(frozen=True, slots=True)
class Unknown:
    """A named organisation or outlet credited as a source that the registry does not list."""

    span: Span
    text: str
    sentence: int


def find_unknown(document: Document, analysis: Analysis, matched: set[int]) -> Iterator[Unknown]:
    """Named organisations credited as sources with no entry (``matched``: attribution indexes
    that name one): once per name."""
    seen: set[tuple[str, ...]] = set()
    for index, a in enumerate(analysis.attributions):
        if index in matched or a.source is None or a.kind not in UNKNOWN_KINDS:
            continue
        if a.relation == "intention" or a.source_head is None:
            continue
        sent = analysis.sentences[a.sentence]
        head = next((t for t in sent.sent if sent.tok_span(t) == a.source_head), None)
        if head is None:
            continue
        name = _organisation(sent, a, head)
        if name is None:
            continue
        key = alias_key(document.excerpt(name))
        if key and key not in seen:
            seen.add(key)
            yield Unknown(name, document.excerpt(name), a.sentence)


def _organisation(sent: Sentence, a: Attribution, head: Token) -> Span | None:
    """An organisation the entity recogniser found, standing as the source or its owner:
    without a possessive, a leading "the" or an unclosed bracket."""
    assert a.source is not None
    for ent in sent.sent.ents:
        words = [t for t in ent if t.tag_ != "POS" and t.text not in ("'", "’")]
        if "(" in (t.text for t in words) and ")" not in (t.text for t in words):
            words = words[: [t.text for t in words].index("(")]  # "Institute (IFS"
        while words and words[0].lower_ == "the":
            words = words[1:]
        if ent.label_ != "ORG" or not words or not words[0].text[:1].isupper():
            continue
        span = sent.range_span(words[0], words[-1])
        if not a.source.contains(span) or not names_source(words, head, a.kind):
            continue
        if all(t.i != head.i for t in words) and head.lemma_.lower() not in SPEAKS_FOR:
            continue  # "the Blues boss", "a Karachi broker": a person, not the body
        first = words[0].i
        if first > 0 and words[0].doc[first - 1].lower_.rstrip(".") in TITLES:
            continue  # "Mr Kilroy-Silk", tagged as an organisation
        return span
    return None
