"""Every rule's own examples are test cases: bad ones trigger it at the marked span, good ones don't."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from attrlint.checks import CHECKS, ENGINE_RULES
from attrlint.registry import Registry, load_registry
from attrlint.rules import RuleSpec, load_rules

MARK = re.compile(r"\[\[(.+?)\]\]")
RULES = [r for r in load_rules() if r.id in CHECKS]
# The REL rules' examples assume the example registry (their rationale says so).
EXAMPLE_REGISTRY = Path(__file__).resolve().parents[2] / "examples" / "registry.yaml"


def _registry(rule: RuleSpec) -> Registry | None:
    return load_registry(EXAMPLE_REGISTRY) if rule.family == "REL" else None


def _unmark(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The example without ``[[...]]`` marks, and the spans the marks enclosed."""
    spans: list[tuple[int, int]] = []
    plain = ""
    last = 0
    for match in MARK.finditer(text):
        plain += text[last : match.start()]
        spans.append((len(plain), len(plain) + len(match.group(1))))
        plain += match.group(1)
        last = match.end()
    return plain + text[last:], spans


def _cases(kind: str) -> list[pytest.param]:
    return [
        pytest.param(rule, example, id=f"{rule.id}-{kind}-{i}")
        for rule in RULES
        for i, example in enumerate(getattr(rule, kind))
    ]


@pytest.mark.parametrize(("rule", "example"), _cases("bad"))
def test_bad_example_is_flagged_at_the_marked_span(rule: RuleSpec, example, lint) -> None:
    text, marked = _unmark(example.text)
    found = [d for d in lint(text, [rule.id], registry=_registry(rule)) if d.rule == rule.id]
    assert found, f"{rule.id} did not flag: {text}"
    spans = [(d.span.start, d.span.end) for d in found]
    for span in marked:
        assert span in spans, (
            f"expected {text[span[0] : span[1]]!r}, got {[text[a:b] for a, b in spans]}"
        )
    if example.fixed is not None:
        edits = sorted((e for d in found for e in d.fix), key=lambda e: e.span.start, reverse=True)
        assert edits, "a fixed text is given but the rule suggested no fix"
        for edit in edits:
            text = text[: edit.span.start] + edit.replacement + text[edit.span.end :]
        assert text == example.fixed


@pytest.mark.parametrize(("rule", "example"), _cases("good"))
def test_good_example_is_not_flagged(rule: RuleSpec, example, lint) -> None:
    found = [
        d for d in lint(example.text, [rule.id], registry=_registry(rule)) if d.rule == rule.id
    ]
    assert not found, [(d.message) for d in found]


def test_every_check_has_a_record_and_every_enabled_record_a_check() -> None:
    ids = {r.id for r in load_rules()}
    assert set(CHECKS) <= ids
    assert {r.id for r in load_rules() if r.enabled} <= set(CHECKS) | ENGINE_RULES
