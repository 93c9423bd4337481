"""The generated rule reference is checked in; this fails when it is stale."""

from __future__ import annotations

from pathlib import Path

from attrlint.report.rules_markdown import render_rules_markdown
from attrlint.rules import load_rules

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_rule_reference_is_up_to_date() -> None:
    expected = render_rules_markdown(load_rules())
    assert DOCS.read_text("utf-8") == expected, (
        "docs/rules.md is stale: run `attrlint rules --format markdown -o docs/rules.md`"
    )


def test_reference_covers_every_rule_with_its_examples() -> None:
    text = render_rules_markdown(load_rules())
    for rule in load_rules():
        assert f"### {rule.id}" in text
        assert rule.rationale.splitlines()[0] in text
