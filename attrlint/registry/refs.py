"""Which registry entries a story leans on: its attribution sources and its links, matched.

A source matches an entry when one of the entry's names stands for it (see
:mod:`attrlint.registry.names`): "the Daily Courier reported", "the Daily Courier's report", "a
spokesman for Acme Corp", "The Evening Post, citing the Daily Rumour" (both), "The Evening Post
and the Daily Courier said" (both). A pronoun or "the company" matches through the speaker the
analysis resolved it to, when the entry's kind fits the noun. A link matches by its URL's domain,
or by an entry's name in its text.

Outlets that cite one another in a story ("X, citing Y, reported") and entries linked by
``derives_from`` form one group: they count as one source.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from attrlint.analysis.model import Analysis, Attribution, Sentence, SourceKind
from attrlint.document.model import Document, Link
from attrlint.registry.model import Entry, Registry, alias_key
from attrlint.registry.names import names_source, sentence_matches
from attrlint.registry.unknown import Unknown, find_unknown
from attrlint.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

MATCHED_KINDS = frozenset(
    {
        SourceKind.NAMED_ORGANISATION,
        SourceKind.DOCUMENT,
        SourceKind.INSTITUTION,
        SourceKind.NAMED_PERSON,
        SourceKind.VAGUE_GROUP,
        SourceKind.ANONYMOUS,
    }
)
OUTLETS = frozenset({"wire", "newspaper", "magazine", "broadcaster", "online", "social"})
# what a pronoun or a generic noun may stand for when the analysis resolved it to a name: "the
# company" is Acme Mining, but "the council" is not the Daily Rumour however recently it was named
STAND_INS: dict[str, frozenset[str] | None] = {
    "it": None,
    "they": None,
    "its": None,
    **dict.fromkeys(
        ("company", "firm", "business", "bank", "airline", "retailer"), frozenset({"company"})
    ),
    **dict.fromkeys(
        (
            "newspaper",
            "paper",
            "tabloid",
            "outlet",
            "site",
            "website",
            "broadcaster",
            "network",
            "channel",
            "station",
            "magazine",
            "publication",
            "agency",
            "service",
        ),
        OUTLETS,
    ),
    **dict.fromkeys(
        ("council", "authority", "ministry", "department", "government"), frozenset({"government"})
    ),
    "party": frozenset({"party"}),
    "union": frozenset({"union"}),
    "charity": frozenset({"charity", "advocacy"}),
    "campaign": frozenset({"campaign", "advocacy"}),
    "group": frozenset({"company", "campaign", "advocacy", "charity", "union", "think-tank"}),
}


@dataclass(frozen=True, slots=True)
class Reference:
    """A place where the story leans on a registry entry."""

    entry: Entry
    span: Span  # the name as written, the pronoun that stands for it, or the link text
    text: str
    sentence: int
    block: int
    origin: str  # "source" (named in the source phrase), "speaker" (resolved), or "link"
    attribution: int | None = None  # index into Analysis.attributions
    relation: str = "link"  # the attribution's relation ("citation" for "citing X")


@dataclass(frozen=True, slots=True, eq=False)
class Sourcing:
    """The registry entries one story leans on, and which of them count as one source."""

    registry: Registry
    references: tuple[Reference, ...] = ()
    unknown: tuple[Unknown, ...] = ()
    _by_attribution: Mapping[int, Reference] = field(default_factory=dict, repr=False)
    _by_cue: Mapping[tuple[int, int], Reference] = field(default_factory=dict, repr=False)
    _groups: Mapping[str, str] = field(default_factory=dict, repr=False)

    def for_index(self, index: int) -> Reference | None:
        """The reference made by attribution ``index``, if it names an entry."""
        return self._by_attribution.get(index)

    def for_attribution(self, attribution: Attribution) -> Reference | None:
        return self._by_cue.get(_key(attribution))

    def entry_at(self, index: int) -> tuple[str, str] | None:
        """(id, tier) of the entry attribution ``index`` names, for the source ledger."""
        ref = self._by_attribution.get(index)
        return (ref.entry.id, ref.entry.tier) if ref is not None else None

    def group(self, entry_id: str) -> str:
        """Entries that repackage or cite one another in this story share a group."""
        return self._groups.get(entry_id, self.registry.group(entry_id))

    def independent(self, a: Entry, b: Entry) -> bool:
        return self.group(a.id) != self.group(b.id)

    def in_sentence(self, sentence: int) -> list[Reference]:
        return [r for r in self.references if r.sentence == sentence]

    def in_block(self, block: int) -> list[Reference]:
        return [r for r in self.references if r.block == block]


def _key(attribution: Attribution) -> tuple[int, int]:
    return (attribution.cue.start, attribution.source.start if attribution.source else -1)


# --- building ---------------------------------------------------------------------------------


class _Builder:
    def __init__(self, document: Document, analysis: Analysis, registry: Registry) -> None:
        self.document = document
        self.analysis = analysis
        self.registry = registry
        self._matches: dict[int, list[tuple[list[Token], Entry]]] = {}
        self.starts = [s.span.start for s in analysis.sentences]

    def matches(self, index: int) -> list[tuple[list[Token], Entry]]:
        if index not in self._matches:
            self._matches[index] = sentence_matches(self.analysis.sentences[index], self.registry)
        return self._matches[index]

    def head_token(self, sent: Sentence, span: Span) -> Token | None:
        return next((t for t in sent.sent if sent.tok_span(t) == span), None)

    def attribution_refs(self) -> Iterator[tuple[int, list[Reference]]]:
        """Per attribution: the entry it credits first, then any co-sources ("X and Y said")."""
        last: tuple[int, Reference | None] | None = None  # the last body credited, and its entry
        for index, a in enumerate(self.analysis.attributions):
            if a.source is None or a.relation == "intention":
                continue
            sent = self.analysis.sentences[a.sentence]
            if a.kind not in MATCHED_KINDS:
                it = self._it(index, a, sent, last)  # "It said", the entity recogniser at fault
                if it is not None:
                    last = (a.sentence, it)
                    yield index, [it]
                continue
            refs = self._by_source(index, a, sent)
            if not refs:
                speaker = self._by_speaker(index, a, sent)
                refs = [speaker] if speaker is not None else []
            if refs:
                yield index, refs
            if refs or a.kind.is_body:
                last = (a.sentence, refs[0] if refs else None)

    def _it(
        self,
        index: int,
        a: Attribution,
        sent: Sentence,
        last: tuple[int, Reference | None] | None,
    ) -> Reference | None:
        """ "It said" that the analysis could not resolve, in the sentence after an entry was
        the subject of a speech verb (and no other body since): that entry."""
        if a.source is None or a.source_text.lower() != "it" or last is None:
            return None
        sentence, earlier = last
        if earlier is None or earlier.attribution is None or a.sentence - sentence > 1:
            return None
        if self.analysis.attributions[earlier.attribution].verb is None:
            return None  # "according to the Courier. It said": "it" may be anything before
        return dataclasses.replace(
            earlier,
            span=a.source,
            text=self.document.excerpt(a.source),
            sentence=a.sentence,
            block=sent.block,
            origin="speaker",
            attribution=index,
            relation=a.relation,
        )

    def _by_source(self, index: int, a: Attribution, sent: Sentence) -> list[Reference]:
        assert a.source is not None
        head = self.head_token(sent, a.source_head) if a.source_head else None
        if head is None:
            return []
        heads = [head, *(t for t in head.conjuncts if t.i > head.i)]
        found: list[Reference] = []
        for tokens, entry in self.matches(a.sentence):
            span = sent.range_span(tokens[0], tokens[-1])
            if not (span.overlaps(a.source) or any(t.i in {h.i for h in heads} for t in tokens)):
                continue
            if any(names_source(tokens, h, a.kind) for h in heads):
                found.append(
                    Reference(
                        entry,
                        span,
                        self.document.excerpt(span),
                        a.sentence,
                        sent.block,
                        "source",
                        index,
                        a.relation,
                    )
                )
        return found

    def _by_speaker(self, index: int, a: Attribution, sent: Sentence) -> Reference | None:
        """ "It said", "the company said": the resolved speaker names the entry."""
        assert a.source is not None
        if not a.speaker or alias_key(a.speaker) == alias_key(a.source_text):
            return None
        entry = self.registry.by_name(a.speaker)
        if entry is None or not any(ch.isupper() for ch in a.speaker):
            return None
        words = a.source_text.lower().split()
        if not words or words[-1] not in STAND_INS or len(words) > 2:
            return None  # only a pronoun or "the company" stands for a name said before
        kinds = STAND_INS[words[-1]]
        if kinds is not None and entry.kind != "other" and entry.kind not in kinds:
            return None
        return Reference(
            entry,
            a.source,
            self.document.excerpt(a.source),
            a.sentence,
            sent.block,
            "speaker",
            index,
            a.relation,
        )

    def sentence_of(self, offset: int) -> int | None:
        """The sentence a link belongs to: the one it sits in, else the one it follows or, failing
        that, precedes in the same paragraph (a URL is blanked out of the prose, often after the
        full stop: "… the Courier reported. <https://…>")."""
        sentences = self.analysis.sentences
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < sentences[i].span.end:
            return i
        source = self.document.source
        if i >= 0 and not _paragraph_break(source[sentences[i].span.end : offset]):
            return i
        if i + 1 < len(sentences) and not _paragraph_break(
            source[offset : sentences[i + 1].span.start]
        ):
            return i + 1
        return None

    def link_refs(self, link: Link) -> Iterator[Reference]:
        index = self.sentence_of(link.span.start)
        if index is None:
            return
        sent = self.analysis.sentences[index]
        text = self.document.excerpt(link.span)
        entry = self.registry.by_url(link.url)
        seen: set[str] = set()
        if entry is not None:
            seen.add(entry.id)
            yield Reference(entry, link.span, text, index, sent.block, "link")
        for tokens, named in self.matches(index):
            span = sent.range_span(tokens[0], tokens[-1])
            if link.span.contains(span) and named.id not in seen:
                seen.add(named.id)
                yield Reference(named, span, self.document.excerpt(span), index, sent.block, "link")


def _paragraph_break(text: str) -> bool:
    """A blank line: two line breaks with only spaces between them."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return len(lines) > 2 and any(not line.strip() for line in lines[1:-1])


def _citing(analysis: Analysis, refs: list[Reference], cited: Reference) -> list[Reference]:
    """The references that a "citing" attribution hangs off: "The Evening Post, citing the Daily
    Rumour, reported" credits the Post, through it the Rumour. Found through the verb that
    "citing" modifies; failing that, the one other entry in the sentence."""
    assert cited.attribution is not None
    attribution = analysis.attributions[cited.attribution]
    sent = analysis.sentences[cited.sentence]
    cue = next((t for t in sent.sent if sent.tok_span(t) == attribution.cue), None)
    others = [
        r
        for r in refs
        if r.sentence == cited.sentence
        and r.origin != "link"
        and r.attribution is not None
        and r.entry.id != cited.entry.id
    ]
    for verb_token in (cue.head, cue.head.head) if cue is not None else ():
        where = sent.tok_span(verb_token)
        hanging = [
            r
            for r in others
            if (verb := analysis.attributions[r.attribution or 0].verb) is not None
            and verb.contains(where)
        ]
        if hanging:
            return hanging
    return others if len({r.entry.id for r in others}) == 1 else []


def _citation_groups(
    analysis: Analysis, refs: list[Reference], registry: Registry
) -> dict[str, str]:
    """Derivation groups, merged further where one outlet cites another in the story."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for ref in refs:
        root(registry.group(ref.entry.id))
    for ref in refs:
        if ref.relation != "citation" or ref.attribution is None:
            continue
        for other in _citing(analysis, refs, ref):
            a, b = sorted(
                (root(registry.group(ref.entry.id)), root(registry.group(other.entry.id)))
            )
            parent[b] = a
    return {ref.entry.id: root(registry.group(ref.entry.id)) for ref in refs}


def resolve(document: Document, analysis: Analysis, registry: Registry) -> Sourcing:
    """The registry entries ``document`` leans on."""
    builder = _Builder(document, analysis, registry)
    found = dict(builder.attribution_refs())
    by_attribution = {index: refs[0] for index, refs in found.items()}
    refs = [ref for group in found.values() for ref in group]
    for link in document.links:
        for ref in builder.link_refs(link):
            if not any(r.entry.id == ref.entry.id and r.span.overlaps(ref.span) for r in refs):
                refs.append(ref)
    refs.sort(key=lambda r: (r.span.start, r.span.end, r.entry.id))
    by_cue = {_key(analysis.attributions[i]): r for i, r in by_attribution.items()}
    return Sourcing(
        registry,
        tuple(refs),
        tuple(find_unknown(document, analysis, set(by_attribution))),
        by_attribution,
        by_cue,
        _citation_groups(analysis, refs, registry),
    )
