"""Glob patterns matched in linear time: ``*`` and ``?`` stay within a folder, ``**`` crosses them.

Globs come from configuration files, the command line and ``.gitignore`` files, so they are
untrusted input. Translated to a backtracking regex, a pattern such as ``**a**a**a**a**b`` takes
time exponential in its stars on a long path. Here a pattern is run as an automaton whose state
sets are memoised as they are met (a lazily built DFA): one step per character, whatever the
pattern. Character classes (``[abc]``, ``[a-z]``, ``[!abc]``/``[^abc]``) never match ``/``, as in
git; an empty or reversed range matches nothing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

_MEMO_LIMIT = 20_000  # transitions kept per pattern before the memo is dropped and rebuilt


class _Kind(enum.Enum):
    LITERAL = "literal"
    ANY = "any"  # ?: one character other than /
    CLASS = "class"  # [...]: one character of a set, never /
    STAR = "star"  # *: any run without /
    GLOBSTAR = "globstar"  # **: any run at all
    FOLDERS = "folders"  # **/: nothing, or any run that ends in /


_UNBOUNDED = frozenset({_Kind.STAR, _Kind.GLOBSTAR, _Kind.FOLDERS})


@dataclass(frozen=True, slots=True)
class _Token:
    kind: _Kind
    char: str = ""
    chars: frozenset[str] = frozenset()
    ranges: tuple[tuple[str, str], ...] = ()
    negate: bool = False

    def accepts(self, char: str) -> bool:
        """Whether this single-character token (literal, ``?`` or a class) accepts ``char``."""
        if self.kind is _Kind.LITERAL:
            return char == self.char
        if char == "/":
            return False
        if self.kind is _Kind.ANY:
            return True
        found = char in self.chars or any(low <= char <= high for low, high in self.ranges)
        return found != self.negate


def _class(body: str) -> _Token:
    negate = body[:1] in ("!", "^")
    body = body[1:] if negate else body
    chars: set[str] = set()
    ranges: list[tuple[str, str]] = []
    index = 0
    while index < len(body):
        if index + 2 < len(body) and body[index + 1] == "-":
            ranges.append((body[index], body[index + 2]))
            index += 3
        else:
            chars.add(body[index])
            index += 1
    return _Token(_Kind.CLASS, chars=frozenset(chars), ranges=tuple(ranges), negate=negate)


def _tokens(pattern: str) -> tuple[_Token, ...]:
    out: list[_Token] = []
    index, length = 0, len(pattern)
    while index < length:
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append(_Token(_Kind.FOLDERS))
            index += 3
            continue
        if pattern.startswith("**", index):
            out.append(_Token(_Kind.GLOBSTAR))
            index += 2
            continue
        if char == "*":
            out.append(_Token(_Kind.STAR))
        elif char == "?":
            out.append(_Token(_Kind.ANY))
        elif char == "[" and (close := pattern.find("]", index + 2)) > 0:
            out.append(_class(pattern[index + 1 : close]))
            index = close + 1
            continue
        elif char == "\\" and index + 1 < length:
            out.append(_Token(_Kind.LITERAL, char=pattern[index + 1]))
            index += 2
            continue
        else:
            out.append(_Token(_Kind.LITERAL, char=char))
        index += 1
    return tuple(out)


class Glob:
    """One compiled glob; :meth:`fullmatch` tells whether it matches a whole (posix) path."""

    __slots__ = ("_accepting", "_ids", "_next", "_sets", "_start", "_tokens", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._tokens = _tokens(pattern)
        self._reset()

    def __repr__(self) -> str:
        return f"Glob({self.pattern!r})"

    def _reset(self) -> None:
        self._sets: list[frozenset[int]] = []
        self._ids: dict[frozenset[int], int] = {}
        self._accepting: list[bool] = []
        self._next: dict[tuple[int, str], int] = {}
        self._start = self._id(self._closure({0}))

    def fullmatch(self, text: str) -> bool:
        """Whether the glob matches all of ``text``."""
        state = self._run(text, None)
        return state is not None and self._accepting[state]

    def matches_a_prefix(self, text: str) -> bool:
        """Whether the glob matches ``text`` or a part of it that ends just before a ``/``."""
        return self._run(text, "/") is None

    def _run(self, text: str, stop_at: str | None) -> int | None:
        """The state after ``text``; None when no state is left, or (with ``stop_at``) when an
        accepting state is reached just before a ``stop_at`` character or at the end."""
        if len(self._next) > _MEMO_LIMIT:
            self._reset()
        state = self._start
        transitions = self._next
        for char in text:
            if stop_at is not None and char == stop_at and self._accepting[state]:
                return None
            following = transitions.get((state, char))
            if following is None:
                following = self._id(self._step(self._sets[state], char))
                transitions[(state, char)] = following
            if not self._sets[following]:
                return None if stop_at is None else state
            state = following
        if stop_at is not None and self._accepting[state]:
            return None
        return state

    def _id(self, states: frozenset[int]) -> int:
        found = self._ids.get(states)
        if found is None:
            found = self._ids[states] = len(self._sets)
            self._sets.append(states)
            self._accepting.append(2 * len(self._tokens) in states)
        return found

    def _closure(self, states: set[int]) -> frozenset[int]:
        """Add the states reachable without reading: past any wildcard that may match nothing.

        State ``2k`` is "before token k"; ``2k + 1`` is "inside the run of a ``**/`` token k".
        """
        work = list(states)
        while work:
            state = work.pop()
            index, inside = divmod(state, 2)
            if not inside and index < len(self._tokens) and self._tokens[index].kind in _UNBOUNDED:
                following = 2 * (index + 1)
                if following not in states:
                    states.add(following)
                    work.append(following)
        return frozenset(states)

    def _step(self, states: frozenset[int], char: str) -> frozenset[int]:
        out: set[int] = set()
        for state in states:
            index, inside = divmod(state, 2)
            if index == len(self._tokens):
                continue
            kind = self._tokens[index].kind
            if inside or kind is _Kind.FOLDERS:
                out.add(2 * index + 1)
                if char == "/":
                    out.add(2 * (index + 1))
            elif kind is _Kind.GLOBSTAR or (kind is _Kind.STAR and char != "/"):
                out.add(state)
            elif kind not in _UNBOUNDED and self._tokens[index].accepts(char):
                out.add(2 * (index + 1))
        return self._closure(out)
