"""Inline suppression comments, and LNT001 for those that suppress nothing.

``attrlint-disable [RULES]`` … ``attrlint-enable [RULES]`` (no rules: every rule),
``attrlint-disable-next-line RULES``, ``attrlint-disable-line RULES`` and
``attrlint-disable-file RULES``, with an optional reason after ``--``. They are read from HTML
comments and, in plain text, from lines starting with ``# attrlint-`` (see ``Document.comments``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from attrlint.config import match_selector
from attrlint.document.model import Comment, Document
from attrlint.rules import RuleSpec
from attrlint.types import Diagnostic

UNUSED = "LNT001"
KINDS = ("disable", "enable", "disable-next-line", "disable-line", "disable-file")
_DIRECTIVE = re.compile(r"attrlint-(?P<kind>[A-Za-z]+(?:-[A-Za-z]+)*)(?P<rest>(?:\s.*)?)\Z", re.S)
_SPLIT = re.compile(r"[\s,]+")
_ALL = "all rules"


@dataclass(slots=True)
class Directive:
    """One suppression comment: what it covers, and which of its rules hid a finding."""

    kind: str
    comment: Comment
    first_line: int
    last_line: int
    selectors: tuple[str, ...]  # as written; empty means every rule
    targets: tuple[frozenset[str] | None, ...]  # rule ids per selector; None if unknown
    reason: str
    used: set[int] = field(default_factory=set)  # indexes into selectors; -1 for every rule

    @property
    def word(self) -> str:
        return f"attrlint-{self.kind}"

    def covers(self, rule: str) -> list[int]:
        """The selector indexes that name ``rule`` ([-1] for a directive without rules)."""
        if not self.selectors:
            return [] if rule == UNUSED else [-1]
        return [i for i, t in enumerate(self.targets) if t is not None and rule in t]


def parse(
    document: Document, rules: Sequence[RuleSpec]
) -> tuple[list[Directive], list[tuple[Comment, str]]]:
    """The directives in a document, and the ``attrlint-…`` comments that are not directives."""
    directives: list[Directive] = []
    invalid: list[tuple[Comment, str]] = []
    for comment in document.comments:
        if not comment.text.startswith("attrlint-"):
            continue
        match = _DIRECTIVE.match(comment.text)
        if match is None or match["kind"].lower() not in KINDS:
            word = f"attrlint-{match['kind']}" if match else comment.text.split()[0]
            invalid.append((comment, word))
            continue
        kind = match["kind"].lower()
        listed, _, reason = match["rest"].partition("--")
        selectors = tuple(s for s in _SPLIT.split(listed.strip()) if s)
        first = document.lines.position(comment.span.start)[0]
        last = document.lines.position(max(comment.span.start, comment.span.end - 1))[0]
        targets = tuple(match_selector(rules, s) for s in selectors)
        directives.append(Directive(kind, comment, first, last, selectors, targets, reason.strip()))
    return directives, invalid


def _owner(directives: list[Directive], rule: str, line: int, offset: int) -> Directive | None:
    """The directive that hides a finding of ``rule`` starting at ``offset`` on ``line``."""
    for d in directives:
        if d.covers(rule) and (
            d.kind == "disable-file"
            or (d.kind == "disable-next-line" and line == d.last_line + 1)
            or (d.kind == "disable-line" and d.first_line <= line <= d.last_line)
        ):
            return d
    default: Directive | None = None
    explicit: dict[str, Directive | None] = {}
    for d in directives:
        if d.comment.span.start >= offset:
            break
        if d.kind not in ("disable", "enable"):
            continue
        value = d if d.kind == "disable" else None
        if not d.selectors:
            default, explicit = value, {}
        else:
            for target in d.targets:
                explicit.update(dict.fromkeys(target or (), value))
    owner = explicit.get(rule, default)
    return owner if owner is not None and owner.covers(rule) else None


def _hide(directives: list[Directive], document: Document, diag: Diagnostic) -> bool:
    line = document.lines.position(diag.span.start)[0]
    owner = _owner(directives, diag.rule, line, diag.span.start)
    if owner is None:
        return False
    owner.used.update(owner.covers(diag.rule))
    return True


def _enables_nothing(directives: list[Directive]) -> list[Directive]:
    """``attrlint-enable`` comments with no open ``attrlint-disable`` to close."""
    idle: list[Directive] = []
    default = False
    explicit: dict[str, bool] = {}
    for d in directives:
        if d.kind not in ("disable", "enable"):
            continue
        ids = set().union(*(t or () for t in d.targets))
        if d.kind == "enable" and not (
            (default or any(explicit.values()))
            if not d.selectors
            else any(explicit.get(rule, default) for rule in ids)
        ):
            idle.append(d)
        if not d.selectors:
            default, explicit = d.kind == "disable", {}
        else:
            explicit.update(dict.fromkeys(ids, d.kind == "disable"))
    return idle


def _report(spec: RuleSpec, comment: Comment, key: str | None, **args: str) -> Diagnostic:
    return Diagnostic(
        rule=spec.id,
        name=spec.name,
        severity=spec.severity,
        message=spec.template(key).format_map(args),
        span=comment.span,
    )


def _unused(
    spec: RuleSpec, directives: list[Directive], invalid: list[tuple[Comment, str]]
) -> list[Diagnostic]:
    found = [_report(spec, c, "invalid", directive=word) for c, word in invalid]
    for d in _enables_nothing(directives):
        named = ", ".join(d.selectors) or _ALL
        found.append(_report(spec, d.comment, "enable", directive=d.word, rules=named))
    for d in directives:
        if d.kind == "enable":
            continue
        unknown = [s for s, t in zip(d.selectors, d.targets, strict=True) if t is None]
        if unknown:
            named = ", ".join(repr(s) for s in unknown)
            found.append(_report(spec, d.comment, "unknown", rules=named))
        if not d.selectors:
            if -1 not in d.used:
                found.append(_report(spec, d.comment, None, rules=_ALL))
            continue
        idle = [
            s
            for i, (s, t) in enumerate(zip(d.selectors, d.targets, strict=True))
            if t is not None and i not in d.used and UNUSED not in t
        ]
        if idle:
            found.append(_report(spec, d.comment, None, rules=", ".join(idle)))
    return found


def apply(
    document: Document,
    diagnostics: list[Diagnostic],
    rules: Sequence[RuleSpec],
    unused: RuleSpec | None = None,
) -> list[Diagnostic]:
    """Drop the diagnostics the document's comments suppress; add LNT001 findings if ``unused``.

    ``rules`` is the whole catalogue (a comment may name any rule); ``unused`` is the LNT001
    record when that rule is enabled for this file.
    """
    directives, invalid = parse(document, rules)
    if not directives and not invalid:
        return diagnostics
    kept = [d for d in diagnostics if not _hide(directives, document, d)]
    if unused is not None:
        kept += [
            d for d in _unused(unused, directives, invalid) if not _hide(directives, document, d)
        ]
    return kept
