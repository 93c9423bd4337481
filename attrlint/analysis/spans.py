"""Views of a spaCy parse that cost what a sentence costs, not what its whole Doc costs.

spaCy's ``Span.ents`` walks every entity of the Doc and ``Doc.text`` joins the text of every
token, on each access. Asked once per sentence or per attribution, both make the analysis
quadratic in the length of a paragraph: minutes for a pasted transcript, hours for a one-line
megabyte. These read only the sentence's own tokens and give the same results.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from attrlint.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from attrlint.analysis.model import Sentence

_INSIDE, _BEGIN = 1, 3  # spaCy's ent_iob codes (0 unset, 1 inside, 2 outside, 3 begin)


def ents(span: SpacySpan) -> list[SpacySpan]:
    """``span.ents``: the entities that lie wholly inside ``span``, read from its tokens' tags."""
    from spacy.tokens import Span as SpacySpan

    doc = span.doc
    found: list[SpacySpan] = []
    start = -1
    label = kb_id = span_id = 0
    for index in range(span.start, span.end):
        token = doc[index]
        if token.ent_iob == _INSIDE:
            continue
        if start >= 0:
            found.append(SpacySpan(doc, start, index, label=label, kb_id=kb_id, span_id=span_id))
            start = -1
        if token.ent_iob == _BEGIN and token.ent_type != 0:
            start, label, kb_id, span_id = index, token.ent_type, token.ent_kb_id, token.ent_id
    runs_on = span.end < len(doc) and doc[span.end].ent_iob == _INSIDE
    if start >= 0 and not runs_on:
        found.append(SpacySpan(doc, start, span.end, label=label, kb_id=kb_id, span_id=span_id))
    return found


def doc_text(span: SpacySpan, start: int, end: int) -> str:
    """``span.doc.text[start:end]`` (Doc character offsets), from ``span`` when it covers them."""
    first = span.start_char
    if first <= start and end <= span.end_char:
        return str(span.text[start - first : end - first])
    return str(span.doc.text[start:end])


class SentenceIndex:
    """The sentences that overlap a span, found by bisection rather than a walk over them all."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = sentences
        self.ends = [s.span.end for s in sentences]
        self.ordered = all(a.span.end <= b.span.start for a, b in pairwise(sentences))

    def overlapping(self, span: Span) -> list[Sentence]:
        """In document order, as ``[s for s in sentences if s.span.overlaps(span)]``."""
        if not self.ordered:
            return [s for s in self.sentences if s.span.overlaps(span)]
        found = []
        index = bisect_right(self.ends, span.start)
        while index < len(self.sentences) and self.sentences[index].span.start < span.end:
            if self.sentences[index].span.overlaps(span):
                found.append(self.sentences[index])
            index += 1
        return found
