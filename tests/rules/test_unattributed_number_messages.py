"""What ATR001 says a figure leans on: the sources near it, or an agentless cue about the figure
itself, never an agentless cue about something else in the sentence. Sentences are written for
these tests."""

from __future__ import annotations

import pytest

from tests.conftest import LintFn

# (text, the figure, what the message names, or None for "has no source")
LEANS = [
    (
        "About 500,000 visitors are expected to pass through the gates.",
        "About 500,000",
        "are expected",
    ),
    ("It is believed that 12,000 troops crossed the river overnight.", "12,000", "is believed"),
    ("Analysts say the merger will cut 3,000 jobs.", "3,000", '"Analysts"'),
    # the expectation is about the finish, not the cost
    (
        "The new sea wall will cost £18.5m, and the work is expected to finish in May.",
        "£18.5m",
        None,
    ),
]


@pytest.mark.parametrize(("text", "figure", "leans_on"), LEANS)
def test_the_message_names_what_the_figure_leans_on(
    lint: LintFn, text: str, figure: str, leans_on: str | None
) -> None:
    (finding,) = [d for d in lint(text, select=["ATR001"]) if figure in d.message]
    if leans_on is None:
        assert "has no source" in finding.message
    else:
        assert "rests only on" in finding.message and leans_on in finding.message
