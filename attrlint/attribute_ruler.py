"""A faster, exact ``match`` for the model's attribute_ruler (the tag → POS and morphology table).

spaCy's AttributeRuler runs a general Matcher over every token; in en_core_web_sm that is about 12 %
of the whole pipeline. Its patterns there are all one or two tokens long, with only equality and
``IN``/``NOT_IN`` tests on TAG, LOWER, DEP and IS_SPACE, so they compile to dictionary look-ups on
the token's hashed attributes. The matches returned are the ones spaCy's matcher finds, in the same
order, and annotations are still set by spaCy's own ``set_annotations``. A ruler with any other kind
of pattern is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Token attributes a compiled pattern may test, in the column order of ``Doc.to_array``.
ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_COLUMN = {name: i for i, name in enumerate(ATTRS)}
SELECTIVITY = (1, 2, 0, 3)  # LOWER, DEP, TAG, IS_SPACE: the column a pattern is filed under

Match = tuple[int, int, int, int]  # (rule index, match id, start, end), as AttributeRuler.match


@dataclass(frozen=True, slots=True)
class _Test:
    """One attribute of one token: its value (hashed) must be in, or not in, ``values``."""

    column: int
    values: frozenset[int]
    negate: bool = False

    def passes(self, row: tuple[int, ...], strings: Any) -> bool:
        return (row[self.column] in self.values) is not self.negate


@dataclass(frozen=True, slots=True)
class _Regex:
    """One attribute of one token must contain a match of ``regex`` (results kept by value)."""

    column: int
    regex: re.Pattern[str]
    seen: dict[int, bool] = field(default_factory=dict, compare=False)

    def passes(self, row: tuple[int, ...], strings: Any) -> bool:
        value = row[self.column]
        if value not in self.seen:
            self.seen[value] = self.regex.search(strings[value]) is not None
        return self.seen[value]


@dataclass(frozen=True, slots=True)
class _Pattern:
    rule: int
    match_id: int
    tokens: tuple[tuple[_Test | _Regex, ...], ...]


def _value(value: Any, intern: Callable[[str], int]) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return intern(value)
    raise ValueError(value)


def _test(name: str, spec: Any, intern: Callable[[str], int]) -> _Test | _Regex:
    if name not in _COLUMN:
        raise ValueError(name)
    if isinstance(spec, dict):
        if len(spec) != 1 or next(iter(spec)) not in ("IN", "NOT_IN", "REGEX"):
            raise ValueError(spec)
        ((operator, values),) = spec.items()
        if operator == "REGEX":
            if name in ("IS_SPACE",) or not isinstance(values, str):
                raise ValueError(spec)
            return _Regex(_COLUMN[name], re.compile(values))
        return _Test(
            _COLUMN[name], frozenset(_value(v, intern) for v in values), operator == "NOT_IN"
        )
    return _Test(_COLUMN[name], frozenset({_value(spec, intern)}))


Row = tuple[int, ...]  # a token's hashed TAG, LOWER, DEP and IS_SPACE
MEMO_LIMIT = 50_000  # distinct rows remembered (some 12 MB) before the memo starts again


class CompiledMatcher:
    """The ruler's patterns as look-ups.

    Whether a token passes a pattern's first-token tests depends on nothing but its row, so that is
    worked out once per distinct row and remembered; only the later tokens of longer patterns (two
    in the model) are tested where the first one passed.
    """

    def __init__(self, patterns: list[_Pattern], strings: Any) -> None:
        self.strings = strings
        # Each pattern is filed under one value its first token must have (the most selective
        # column), or under ``always`` when it has no such value; rows look up their candidates.
        self.index: tuple[dict[int, list[_Pattern]], ...] = tuple({} for _ in ATTRS)
        self.always: list[_Pattern] = []
        for pattern in patterns:
            key = next(
                (
                    test
                    for column in SELECTIVITY
                    for test in pattern.tokens[0]
                    if isinstance(test, _Test) and not test.negate and test.column == column
                ),
                None,
            )
            if key is None:
                self.always.append(pattern)
                continue
            for value in key.values:
                self.index[key.column].setdefault(value, []).append(pattern)
        self.memo: dict[Row, tuple[tuple[Match, ...], tuple[_Pattern, ...]]] = {}

    def _row(self, row: Row) -> tuple[tuple[Match, ...], tuple[_Pattern, ...]]:
        """The one-token matches at offset 0, and the longer patterns whose first token passes."""
        known = self.memo.get(row)
        if known is None:
            if len(self.memo) >= MEMO_LIMIT:
                self.memo.clear()
            candidates = [p for c in SELECTIVITY for p in self.index[c].get(row[c], ())]
            first = [
                p
                for p in candidates + self.always
                if all(t.passes(row, self.strings) for t in p.tokens[0])
            ]
            single = {(p.rule, p.match_id, 0, 1) for p in first if len(p.tokens) == 1}
            known = (tuple(sorted(single)), tuple(p for p in first if len(p.tokens) > 1))
            self.memo[row] = known
        return known

    def __call__(self, doc: Doc) -> list[Match]:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        if not len(doc):
            return []
        columns: list[list[int]] = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).T.tolist()
        rows: list[Row] = list(zip(*columns, strict=True))
        found: set[Match] = set()
        for start, row in enumerate(rows):
            single, longer = self._row(row)
            for rule, match_id, _, _ in single:
                found.add((rule, match_id, start, start + 1))
            for pattern in longer:
                end = start + len(pattern.tokens)
                if end <= len(rows) and all(
                    test.passes(rows[start + k], self.strings)
                    for k in range(1, len(pattern.tokens))
                    for test in pattern.tokens[k]
                ):
                    found.add((pattern.rule, pattern.match_id, start, end))
        return sorted(found)


def compile_ruler(ruler: Any) -> CompiledMatcher | None:
    """A compiled matcher for an AttributeRuler, or None if some pattern is beyond it."""
    strings = ruler.vocab.strings
    patterns: list[_Pattern] = []
    try:
        for rule, entry in enumerate(ruler.patterns):
            match_id = strings.add(str(rule))
            for pattern in entry["patterns"]:
                tokens = tuple(
                    tuple(_test(name, spec, strings.add) for name, spec in token.items())
                    for token in pattern
                )
                if not tokens or not all(tokens):
                    return None
                patterns.append(_Pattern(rule, match_id, tokens))
    except (ValueError, TypeError, AttributeError, KeyError):
        return None
    return CompiledMatcher(patterns, strings)


def speed_up(nlp: Language) -> bool:
    """Give the pipeline's attribute_ruler the compiled ``match``; False if it was left as it is."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler: Any = nlp.get_pipe("attribute_ruler")
    compiled = compile_ruler(ruler)
    if compiled is None:
        return False
    ruler.match = compiled  # an instance attribute: AttributeRuler.__call__ looks it up on self
    return True
