"""Parses of unchanged blocks, reused: an edit inside one paragraph re-parses only that paragraph.

spaCy parses each block on its own (sentences never cross blocks, DESIGN.md §2), so a block's
parse depends only on the pipeline and the block's text: the key is (model, excluded components,
text). Entries hold ``Doc.to_dict`` data, not Docs. A Doc made inside ``nlp.memory_zone()`` must
not outlive the zone, while this data (the text, the token attribute array and the strings it
names) is plain Python, turned back into a Doc in whichever zone the next lint runs.

The cache is bounded (least recently used entries go first) and is not thread-safe: one caller
(the language server's single lint thread) uses it at a time.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Fields of Doc.to_dict that no analysis reads: the tok2vec tensor is most of a Doc's size.
_EXCLUDE = ("tensor", "user_data", "user_hooks")
DEFAULT_MAX_BYTES = 8 * 1024 * 1024  # some 600 paragraphs of 70 words

PipelineKey = tuple[str, tuple[str, ...]]  # (model, excluded components)


@dataclass(frozen=True, slots=True)
class _Entry:
    data: dict[str, Any]
    size: int


@dataclass(slots=True)
class CacheStats:
    hits: int = 0
    misses: int = 0
    evictions: int = 0


def _size(text: str, data: dict[str, Any]) -> int:
    body = data.get("array_body")
    return len(text) * 2 + int(getattr(body, "nbytes", 0)) + 64 * len(data.get("strings", ()))


class ParseCache:
    """A bounded LRU of parsed blocks keyed by (model, excluded components, block text)."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self.stats = CacheStats()
        self._entries: OrderedDict[tuple[str, tuple[str, ...], str], _Entry] = OrderedDict()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size(self) -> int:
        """Approximate bytes held."""
        return self._bytes

    def clear(self) -> None:
        self._entries.clear()
        self._bytes = 0

    def parse(self, nlp: Language, pipeline: PipelineKey, texts: Iterable[str]) -> list[Doc]:
        """One Doc per text, in order: cached parses rebuilt, the rest parsed in one batch."""
        from spacy.tokens import Doc

        from attrlint.nlp import parse_texts

        model, exclude = pipeline
        wanted = list(texts)
        docs: list[Doc | None] = [None] * len(wanted)
        missing: dict[str, list[int]] = {}
        for index, text in enumerate(wanted):
            key = (model, exclude, text)
            entry = self._entries.get(key)
            if entry is None:
                missing.setdefault(text, []).append(index)
                continue
            self._entries.move_to_end(key)
            self.stats.hits += 1
            docs[index] = Doc(nlp.vocab).from_dict(entry.data)
        if missing:
            self.stats.misses += len(missing)
            for text, doc in zip(missing, parse_texts(nlp, list(missing)), strict=True):
                positions = missing[text]
                docs[positions[0]] = doc
                data = doc.to_dict(exclude=_EXCLUDE)
                for other in positions[1:]:
                    docs[other] = Doc(nlp.vocab).from_dict(data)
                self._store((model, exclude, text), data)
        return [doc for doc in docs if doc is not None]

    def _store(self, key: tuple[str, tuple[str, ...], str], data: dict[str, Any]) -> None:
        entry = _Entry(data, _size(key[2], data))
        if entry.size > self.max_bytes:
            return
        self._entries[key] = entry
        self._bytes += entry.size
        while self._bytes > self.max_bytes:
            _, old = self._entries.popitem(last=False)
            self._bytes -= old.size
            self.stats.evictions += 1
