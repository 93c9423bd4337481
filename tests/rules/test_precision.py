"""Regression cases from reading real findings: each pattern that cried wolf, and each one an
editor must still see. Sentences are written for these tests."""

from __future__ import annotations

import pytest

FLAGGED = [
    # (rule, text, excerpt that must be flagged)
    (
        "ATR001",
        "It is thought that roughly 8,000 homes were damaged in the floods.",
        "roughly 8,000",
    ),
    ("SRC005", "It is thought the minister is planning a visit to the region.", "It is thought"),
    ("ATR001", "Around 9,000 people were left without power after the storm.", "Around 9,000"),
    ("SRC001", "The launch failed, analysts in Oslo speculated on Monday.", "analysts in Oslo"),
    (
        "ATR001",
        "The drone flew for 40 minutes, reaching 3,000km, according to sources in Riga.",
        "3,000km",
    ),
    ("SRC007", "Some economists classify the slowdown as a recession.", "Some economists"),
    ("SRC005", "The old mill is estimated to be worth twice its price.", "is estimated to"),
    ("VRB001", "The mayor has claimed that the bridge is safe.", "claimed"),
    ("SRC007", "Some note that the ferries are always late.", "Some"),
    ("SRC007", "The majority of residents feel that the park is unsafe.", "The majority"),
    ("SRC007", "A growing number of economists believe the slump is over.", "A growing number"),
    ("SRC007", "There are those who argue that the tower is unsafe.", "those"),
    ("SRC005", "The album is considered one of the finest of the decade.", "is considered"),
]

NOT_FLAGGED = [
    # (rule, text): each one a pattern that produced a false alarm
    ("SRC007", "The minister is among those who have called for an apology."),
    ("SRC007", "For those who like their gadgets small, the new phone is a treat."),
    ("SRC007", "The majority of the 40 staff said they would strike."),
    ("SRC005", "He is considered a flight risk."),
    (
        "ATR001",
        "According to the statistics office, exports rose in March. Imports fell 2% and the "
        "trade gap narrowed to £1.4bn.",
    ),
    ("ATR001", "Shares in Norbury closed down 6% at 210p on Tuesday."),
    (
        "ATR001",
        "Harlow Foods is to buy its rival for $2bn (£1.6bn), creating a chain of 900 stores.",
    ),
    ("ATR001", "The 15-nation bloc meets in Vienna next week."),
    ("ATR001", "Tickets go on sale between 4 and 9 March."),
    ("ATR001", "She is the 1,500m hope for the national team."),
    ("ATR001", "United beat City 24-18 in a bruising game."),
    ("ATR001", "I would happily pay £40m for a player like that."),
    ("ATR001", "£30m for a striker?"),
    ("ATR001", "Lopez came off for Grant (61) after a knock."),
    ("HDG001", "Anyone who could swim was asked to help."),
    ("HDG001", "If the talks fail, the union may strike."),
    ("HDG001", "It may be goals that win games, but defence wins titles."),
    ("HDG001", "Smokers are four times more likely to develop the disease."),
    ("HDG001", "Double-sided printing is possible on the new model."),
    ("HDG001", "Fears that the plant could close have grown."),
    ("HDG001", "You may need a second access point in a large house."),
    ("HDG001", "No amount of money could replace the lost archive."),
    ("VRB001", "The firm failed to disclose that its chairman owned the supplier."),
    ("VRB001", "Prosecutors allege that the broker rigged the bids."),
    ("VRB001", "The lawsuit claims the printers stop working after a fixed date."),
    ("VRB001", "A study by the county council revealed that the roads were in poor repair."),
    ("SRC001", "Lawyers for the couple said the claims were false."),
    ("SRC001", "Critics of the bill, including Baroness Hale, said it went too far."),
    ("SRC001", "Official figures show the economy grew in the spring."),
    ("SRC005", "Corruption was said to be widespread, according to the auditor's report."),
    (
        "SRC007",
        "A Mori survey of 2,000 adults was published on Friday. Most commuters back the plan.",
    ),
]


@pytest.mark.parametrize(
    ("rule", "text", "excerpt"), FLAGGED, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(FLAGGED)]
)
def test_still_flagged(rule: str, text: str, excerpt: str, lint) -> None:
    found = [text[d.span.start : d.span.end] for d in lint(text, select=[rule]) if d.rule == rule]
    assert excerpt in found, found


@pytest.mark.parametrize(
    ("rule", "text"), NOT_FLAGGED, ids=[f"{r}-{i}" for i, (r, _) in enumerate(NOT_FLAGGED)]
)
def test_no_false_alarm(rule: str, text: str, lint) -> None:
    found = [text[d.span.start : d.span.end] for d in lint(text, select=[rule]) if d.rule == rule]
    assert found == []


def test_inverted_evidence_verb_does_not_crash(lint) -> None:
    """ "..., says research": the verb before its subject once produced a backwards span."""
    text = "Children learn faster with games, says research published on Monday."
    for diag in lint(text):
        assert 0 <= diag.span.start <= diag.span.end <= len(text)
