"""Registry names in a parsed sentence, and whether a name stands for an attribution's source.

Names are matched without regard to case, a leading "the" or a possessive, but must be written
with a capital somewhere ("the times" is not "The Times") and must not be part of a longer name
("Radio Times", "Financial Times Deutschland"). A name stands for the source when it is the
source's head word, or hangs off it as an owner or affiliation: "the Courier's report", "a report
in the Courier", "a spokesman for Acme Corp"; a named person is matched by their own name only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrlint.analysis.model import Sentence, SourceKind
from attrlint.registry.model import Entry, Registry, name_words

if TYPE_CHECKING:
    from spacy.tokens import Token

# how an owner hangs off the source's head word: "the Courier's report", "a report in the Courier"
ATTACHMENTS = frozenset({"poss", "compound", "nmod", "appos", "pobj", "npadvmod", "amod"})
OWNER_PREPS = frozenset({"of", "for", "from", "by", "in", "at", "with", "on"})


def sentence_matches(sent: Sentence, registry: Registry) -> list[tuple[list[Token], Entry]]:
    """Every registry name in the sentence, longest first, as (tokens, entry)."""
    words: list[tuple[str, Token] | None] = []
    for tok in sent.sent:
        if tok.tag_ == "POS" or tok.text in ("'", "’") or tok.is_space:
            continue
        found = name_words(tok.text)
        if not found:
            words.append(None)  # punctuation: a name never runs across it
        words.extend((word, tok) for word in found)
    out: list[tuple[list[Token], Entry]] = []
    i = 0
    while i < len(words):
        hit: tuple[int, Entry] | None = None
        for size in range(min(registry.longest, len(words) - i), 0, -1):
            window = words[i : i + size]
            if any(w is None for w in window):
                continue
            key = tuple(w[0] for w in window if w is not None)
            entry = registry.by_words(key)
            if entry is not None:
                hit = (size, entry)
                break
        if hit is None:
            i += 1
            continue
        size, entry = hit
        tokens: list[Token] = []
        for w in words[i : i + size]:
            if w is not None and (not tokens or tokens[-1].i != w[1].i):
                tokens.append(w[1])
        if any(ch.isupper() for t in tokens for ch in t.text) and not _inside_longer_name(tokens):
            out.append((tokens, entry))
        i += size
    return out


def _name_word(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper()


def _inside_longer_name(tokens: list[Token]) -> bool:
    """The alias is part of a longer proper name: "Radio Times" is not "The Times", nor is
    "Financial Times Deutschland" the "Financial Times"."""
    doc = tokens[0].doc
    before = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    return (before is not None and _name_word(before)) or (after is not None and _name_word(after))


def attached(tok: Token, head: Token, limit: int = 6) -> bool:
    """``tok`` hangs off ``head`` as an owner or affiliation, not in a clause of its own."""
    while tok.i != head.i and limit:
        if tok.dep_ == "prep":
            if tok.lower_ not in OWNER_PREPS:
                return False
        elif tok.dep_ not in ATTACHMENTS:
            return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        limit -= 1
    return tok.i == head.i


def names_source(tokens: list[Token], head: Token, kind: SourceKind) -> bool:
    if any(t.i == head.i for t in tokens):
        return True
    if kind is SourceKind.NAMED_PERSON:
        return False  # "Jane Doe, a reporter for the Courier" speaks for herself
    indexes = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in indexes or t.head.i == t.i]
    return any(attached(t, head) for t in roots)
