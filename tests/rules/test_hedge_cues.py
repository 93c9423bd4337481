"""Uncertainty cues the analysis records (before HDG001's voice filter), by kind. These feed the
hedge benchmark and the JSON analysis; HDG001 itself flags only kind "hedge" in the reporter's
voice. Sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from attrlint.engine import FileResult

RECORDED = [
    # (text, cue text, kind)
    ("The ferry firm said it expects a loss of about £3m this year.", "expects", "hedge_belief"),
    ("She did not believe the plan would work.", "believe", "hedge_belief"),
    ("The board considers the merger vital to its future.", "considers", "hedge_belief"),
    ("The new timetable should ease crowding on the line.", "should", "hedge_context"),
    ("A deal is less likely now that the talks have stalled.", "likely", "hedge"),
    ("The missing yacht is most likely in the bay.", "likely", "hedge"),
]

NOT_RECORDED = [
    # (text, word that must not be an uncertainty cue)
    ("The chairman is considering bidding for the club.", "considering"),  # an intention
    ("The buyer assumed all of the firm's debts.", "assumed"),  # took on
    ("Nor should tenants have to wait a year for repairs.", "should"),  # an obligation
    ("The council should pay for the repairs.", "should"),  # an obligation
    ("Cyclists are three times more likely to be hurt at junctions.", "likely"),  # a rate
    ("Sales rose faster than expected in March.", "expected"),
]


@pytest.mark.parametrize(("text", "cue", "kind"), RECORDED)
def test_uncertainty_cue_is_recorded(
    lint_result: Callable[..., FileResult], text: str, cue: str, kind: str
) -> None:
    analysis = lint_result(text, ["HDG001"]).analysis
    assert analysis is not None
    found = {(c.text, c.kind) for c in analysis.cues if c.kind.startswith("hedge")}
    assert (cue, kind) in found, found


@pytest.mark.parametrize(("text", "word"), NOT_RECORDED)
def test_not_an_uncertainty_cue(
    lint_result: Callable[..., FileResult], text: str, word: str
) -> None:
    analysis = lint_result(text, ["HDG001"]).analysis
    assert analysis is not None
    found = {c.text for c in analysis.cues if c.kind.startswith("hedge")}
    assert word not in found, found
