"""The source registry as values: entries, their tiers, and lookups by name and by web domain."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

TIERS = ("reliable", "mixed", "unreliable", "deprecated", "blocked")
BARRED = frozenset({"deprecated", "blocked"})  # REL001
DOUBTFUL = frozenset({"unreliable", "deprecated", "blocked"})  # counted as unreliable
# kinds whose own figures need an independent check (NUM006) and whose word alone is weak (SRC009)
STAKEHOLDER_KINDS = frozenset({"company", "party", "campaign", "advocacy", "union"})

_WORD = re.compile(r"[^\W_]+(?:[&.+\-][^\W_]+)*\.?|&")
_POSSESSIVE = re.compile(r"(?<=\w)['’](?:s\b)?|(?<=s)['’]", re.IGNORECASE)
_LEADING = frozenset({"the"})
_TOPIC_WORD = re.compile(r"[^\W_]+")


def name_words(text: str) -> tuple[str, ...]:
    """A name as lower-case words: no possessive, no trailing full stop, apostrophes unified.

    "The Daily Courier's" and "daily courier" give the same words; "U.S. News" keeps its dots.
    """
    text = _POSSESSIVE.sub("", text.replace("’", "'"))
    words = []
    for match in _WORD.finditer(text.lower()):
        word = match.group()
        if word.endswith(".") and word.count(".") == 1:
            word = word[:-1]  # "Corp." is "corp"; "u.s." keeps its dots
        words.append(word)
    return tuple(words)


def alias_key(text: str) -> tuple[str, ...]:
    """The words an alias is looked up by: its name words without a leading "the"."""
    words = name_words(text)
    while words and words[0] in _LEADING:
        words = words[1:]
    return words


def host_of(url: str) -> str | None:
    """The lower-case host of a URL ("https://www.x.example/a" → "x.example"), if it has one."""
    text = url.strip()
    if not text:
        return None
    if "://" not in text and not text.startswith("//"):
        if text.lower().startswith(("mailto:", "tel:", "#", "/")):
            return None
        text = "//" + text  # "www.x.example/a"
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.rstrip(".").lower()
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True, slots=True)
class Entry:
    """One source the newsroom has rated."""

    id: str
    names: tuple[str, ...]
    tier: str
    kind: str = "other"
    domains: tuple[str, ...] = ()
    expertise: tuple[str, ...] = ()
    interested_in: tuple[str, ...] = ()
    derives_from: tuple[str, ...] = ()
    reviewed: date | None = None
    notes: str = ""
    line: int = 0  # where the entry starts in the registry file (1-based), for messages

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def stakeholder(self) -> bool:
        return self.kind in STAKEHOLDER_KINDS

    def stake(self, text: str) -> str | None:
        """Why this source has a stake in what ``text`` says: "company" or "party" (its kind),
        "stakeholder" (another interested kind, or one of its ``interested_in`` topics is in
        ``text``); None if it has none."""
        if self.kind in ("company", "party"):
            return self.kind
        if self.stakeholder:
            return "stakeholder"
        words = _padded(text)
        if any(_padded(topic) in words for topic in self.interested_in):
            return "stakeholder"
        return None


@dataclass(frozen=True, slots=True, eq=False)
class Registry:
    """The entries of one registry file, with lookup tables built once.

    ``digest`` is a hash of the parsed content (not the bytes, so comments and spacing do not
    count); it is part of every cache key, so editing the registry invalidates cached results.
    """

    path: str
    digest: str
    entries: tuple[Entry, ...]
    _by_id: Mapping[str, Entry] = field(default_factory=dict, repr=False)
    _by_alias: Mapping[tuple[str, ...], Entry] = field(default_factory=dict, repr=False)
    _by_domain: Mapping[str, Entry] = field(default_factory=dict, repr=False)
    _groups: Mapping[str, str] = field(default_factory=dict, repr=False)
    longest: int = 0  # words in the longest alias

    @classmethod
    def build(cls, path: str, digest: str, entries: tuple[Entry, ...]) -> Registry:
        """Index ``entries``: the first entry to claim an alias or a domain keeps it."""
        by_id = {e.id: e for e in entries}
        by_alias: dict[tuple[str, ...], Entry] = {}
        by_domain: dict[str, Entry] = {}
        for entry in entries:
            for name in entry.names:
                key = alias_key(name)
                if key:
                    by_alias.setdefault(key, entry)
            for domain in entry.domains:
                by_domain.setdefault(_bare_domain(domain), entry)
        return cls(
            path,
            digest,
            entries,
            by_id,
            by_alias,
            by_domain,
            _derivation_groups(entries, by_id),
            max((len(k) for k in by_alias), default=0),
        )

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def by_name(self, text: str) -> Entry | None:
        """The entry whose alias is exactly ``text`` (ignoring case, "the" and a possessive)."""
        key = alias_key(text)
        return self._by_alias.get(key) if key else None

    def by_words(self, words: tuple[str, ...]) -> Entry | None:
        return self._by_alias.get(words)

    def by_url(self, url: str) -> Entry | None:
        """The entry whose domain is the URL's host or a parent of it."""
        host = host_of(url)
        while host and "." in host:
            found = self._by_domain.get(host)
            if found is not None:
                return found
            host = host.split(".", 1)[1]
        return None

    def group(self, entry_id: str) -> str:
        """The entry at the root of ``derives_from`` links: repackagers count as their source."""
        return self._groups.get(entry_id, entry_id)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def _padded(text: str) -> str:
    return " " + " ".join(_TOPIC_WORD.findall(text.lower())) + " "


def _bare_domain(domain: str) -> str:
    domain = domain.strip().rstrip(".").lower()
    return domain[4:] if domain.startswith("www.") else domain


def _derivation_groups(entries: tuple[Entry, ...], by_id: Mapping[str, Entry]) -> dict[str, str]:
    """Entry id → a representative id shared by every entry linked to it by ``derives_from``."""
    parent = {e.id: e.id for e in entries}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for entry in entries:
        for other in entry.derives_from:
            if other in by_id:
                a, b = sorted((root(entry.id), root(other)))
                parent[b] = a
    return {key: root(key) for key in parent}
