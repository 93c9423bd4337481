"""Regression cases from reading real findings: each pattern that cried wolf, and each one an
editor must still see. Sentences are written for these tests."""

from __future__ import annotations

import pytest

FLAGGED = [
    # SRC007: polling, like research, is a body of evidence with no one behind it
    ("SRC007", "Polling shows that most voters back the plan.", "Polling shows"),
    # ATR001: a distance run is still a figure, without the full stop that ends the sentence
    ("ATR001", "The ferry carried 1,200 passengers a day.", "1,200"),
    ("ATR001", "The new track runs for 400m.", "400m"),
    (
        "ATR001",
        "The storm reached the coast on Monday. About 4,000 homes in the town flooded overnight. "
        "The mayor, Ines Marlow, said help was coming.",
        "About 4,000",
    ),
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
    # ATR002: puffery and unmeasured rankings still flag
    ("ATR002", "The iconic bridge reopened on Monday.", "iconic"),
    ("ATR002", "It was the greatest album ever made in Dunmore.", "greatest"),
    # ATR003: the accused is the doer
    ("ATR003", "Tom Bell stole £40,000 from the club's accounts.", "stole"),
    ("ATR003", "Harlow Council's fraud went unnoticed for years.", "fraud"),
    # ATR004: a quote with no speaker anywhere near
    (
        "ATR004",
        'The depot closed in May. "Nobody asked us what we wanted for the town."',
        '"Nobody asked us what we wanted for the town."',
    ),
    # SRC004: unnamed sources with a verdict
    ("SRC004", "The stadium plan is a disaster, critics say.", "critics"),
    ("SRC004", "Analysts said the bank should cut its rates.", "Analysts"),
    # VRB002: two sides, one doubted
    (
        "VRB002",
        "The union claimed the plant was unsafe. But the company said it met every standard.",
        "claimed",
    ),
]

NOT_FLAGGED = [
    # ATR001: a survey's scope carries past its respondents' answers
    (
        "ATR001",
        "House prices fell in November, the Royal Institute of Surveyors found.\n\nA total of 48%"
        " of estate agents reported lower prices. Meanwhile the number of sales dropped 32% to an"
        " average of 22 per agent.",
    ),
    # ATR001: "show" closing the sentence, read by the tagger as a noun ("a trade show")
    ("ATR001", "Ticket sales rose by 4.1% last year, figures from the trade ministry show."),
    # ATR001: an interview's answer is the interviewee's, not the reporter's
    (
        "ATR001",
        "Ann Bell ran the camp.\n\nQ: How did it go?\n\nA: The council spent 300,000 pounds on it.",
    ),
    # ATR001: a figure in the clause an "as" clause credits
    ("ATR001", "As the council noted, 300 homes were flooded."),
    # ATR001: ages after a noun for a person, and races named by their distance
    ("ATR001", "The goalkeeper, 31, signed a new contract on Friday."),
    ("ATR001", "She finished third in the 800m and won the 400m."),
    ("ATR001", "He dropped out of the 10,000m. Britain's relay team won bronze."),
    ("ATR001", "The women's 1500m was run in heavy rain."),
    ("ATR001", "The album entered the chart at number 19 on Sunday."),
    ("ATR001", "Attendance\n\n8,661"),
    # ATR001: a company's head count is its own public figure
    (
        "ATR001",
        "The storm reached the coast on Monday. Acme Ltd employs 77,000 people in 30 countries.",
    ),
    # ATR001: record-book tallies
    ("ATR001", "The lock forward won 61 caps before he retired in June."),
    ("ATR001", "The drama has received 12 nominations for the festival's awards."),
    # ATR001: figures leading up to their report in one paragraph rest on it
    (
        "ATR001",
        "The storm reached the coast on Monday. About 4,000 homes in the town flooded overnight. "
        "Help was on its way, a council report said.",
    ),
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
    # ATR002: measurable rankings, measured records and plays are facts, not judgements
    ("ATR002", "Norland Air, India's biggest airline, floated its shares."),
    ("ATR002", "It was the fourth fastest time ever recorded at the track."),
    ("ATR002", "The firm launched its cheapest model yet on Monday."),
    ("ATR002", "Exports hit record levels in September."),
    ("ATR002", "Dallow curled a brilliant cross into the box."),
    # ATR003: metaphors, titles, victims, issues and questions accuse no one
    ("ATR003", "Jade Dunn stole top spot from Ann Lee with her final jump."),
    ("ATR003", "The new handset will steal market share from Norland."),
    ("ATR003", "Assault on Precinct 13, starring Ethan Hawke, was third."),
    ("ATR003", "Ann Lee plays the harassed airport manager in the film."),
    ("ATR003", "Ann Lee has made it her aim to fight corruption in Dunmore."),
    ("ATR003", "Ministers will decide whether Mr Kerr abused his position."),
    ("ATR003", "Ann Lee listed the six stolen paintings at a press conference."),
    # ATR004: labels, continuations, by-agents, tags the attribution layer misses, signs
    ("ATR004", '- Harlow boss Tom Reyes: "We know they can hurt us on the break."'),
    (
        "ATR004",
        "Committee chairman John Dent said the rules were weak.\n\n"
        '"The committee believes that drink should never excuse a crime."',
    ),
    (
        "ATR004",
        'Mr Fox said the powers were too weak. "If you close a bar for a day on a Sunday, '
        'nobody notices."',
    ),
    (
        "ATR004",
        'The record was hailed as "the finest thing the band has ever made" by the critic Ann Forde.',
    ),
    ("ATR004", 'Visitors see written on the wall, "Are you strong enough to carry the load?"'),
    ("ATR004", '"I am so happy and I will try to break the record soon," said the 22-year-old.'),
    # SRC004: surnames, awards, events, questions and rights are not anonymous opinions
    ("SRC004", 'Tom Connors opened the academy. "Britain has the right attitude," said Connors.'),
    ("SRC004", "Bookmakers predict Ann Forde will be named best supporting actress."),
    ("SRC004", "One e-mail came from someone who claimed he had lost his family in the disaster."),
    ("SRC004", "How dare people suggest we are lazy for taking these jobs?"),
    ("SRC004", "Analysts said the firm would exercise its right to buy the shares."),
    # VRB002: one side, emphasis, and "claims to" are not uneven treatment
    (
        "VRB002",
        "Tory leader Tom Kerr has claimed that taxes will rise. The Tories say their plan is costed.",
    ),
    ("VRB002", "Dallow insisted the pressure had eased. Marten says the team is ready."),
    (
        "VRB002",
        "The league claimed to represent every club. Ann Lee said the season starts in May.",
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
