"""The number rules (NUM001-NUM007): their own examples, and sentences written for these tests
from patterns seen on real copy, both the ones that must be flagged and the ones that cried wolf."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from attrlint.analysis.figures import load_number_words, margin_of_error, significant_digits
from attrlint.checks import (
    CHECKS,
    Registered,
    num_bound_only_figure,
    num_conflicting_figures,
    num_false_precision,
    num_interested_party_number,
    num_percent_vs_points,
    num_percent_without_base,
    num_poll_missing_methodology,
)
from attrlint.rules import Example, RuleSpec, load_rules
from attrlint.types import Severity

NUM_CHECKS = {
    "NUM001": num_percent_without_base.check,
    "NUM002": num_percent_vs_points.check,
    "NUM003": num_false_precision.check,
    "NUM004": num_bound_only_figure.check,
    "NUM005": num_conflicting_figures.check,
    "NUM006": num_interested_party_number.check,
    "NUM007": num_poll_missing_methodology.check,
}
MARK = re.compile(r"\[\[(.+?)\]\]")
RULES = [r for r in load_rules() if r.id in NUM_CHECKS]


@pytest.fixture(autouse=True)
def registered(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The NUM checks in the engine's table, whether or not ``CHECKS`` lists them yet."""
    for rule_id, check in NUM_CHECKS.items():
        monkeypatch.setitem(CHECKS, rule_id, Registered(check, needs_ner=True))
    yield


def _unmark(text: str) -> tuple[str, list[tuple[int, int]]]:
    spans: list[tuple[int, int]] = []
    plain, last = "", 0
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


def _found(lint, rule: str, text: str) -> list[str]:
    return [text[d.span.start : d.span.end] for d in lint(text, select=[rule]) if d.rule == rule]


def test_every_num_rule_has_a_record() -> None:
    assert {r.id for r in RULES} == set(NUM_CHECKS)


@pytest.mark.parametrize(("rule", "example"), _cases("bad"))
def test_bad_example_flagged_at_the_marked_span(rule: RuleSpec, example: Example, lint) -> None:
    text, marked = _unmark(example.text)
    found = [d for d in lint(text, select=[rule.id]) if d.rule == rule.id]
    spans = [(d.span.start, d.span.end) for d in found]
    for span in marked:
        assert span in spans, (text[span[0] : span[1]], [text[a:b] for a, b in spans])
    if example.fixed is not None:
        edits = sorted((e for d in found for e in d.fix), key=lambda e: e.span.start, reverse=True)
        for edit in edits:
            text = text[: edit.span.start] + edit.replacement + text[edit.span.end :]
        assert text == example.fixed


@pytest.mark.parametrize(("rule", "example"), _cases("good"))
def test_good_example_not_flagged(rule: RuleSpec, example: Example, lint) -> None:
    assert not _found(lint, rule.id, example.text)


FLAGGED = [
    # (rule, text, excerpt that must be flagged)
    ("NUM001", "The number of British films made in the UK fell 40% in 2004.", "40%"),
    ("NUM001", "Downloads of TV programmes had increased by 150% in the last year.", "150%"),
    ("NUM001", "The risk of heart attack doubled in patients taking the drug.", "doubled"),
    ("NUM001", "There were 20% more visitors this summer.", "20%"),
    ("NUM001", "A tenfold increase in complaints was recorded.", "tenfold"),
    ("NUM001", "Asylum applications were down 40% on the year.", "40%"),
    ("NUM002", "Turnout fell 2% to 59% from 61% last time.", "2%"),
    ("NUM002", "Unemployment levels edged up 0.1% to 4.7%, slightly above forecast.", "0.1%"),
    ("NUM002", "Support rose from 10% to 15%, a rise of 5%.", "5%"),
    ("NUM003", "Around 12,347 people attended the match.", "Around 12,347"),
    ("NUM003", "The plan would save about $3bn (£1.58bn) a year.", "£1.58bn"),
    ("NUM003", "The firm owes about $12.05bn to its creditors.", "about $12.05bn"),
    ("NUM004", "The plant will create up to 500 jobs.", "up to 500"),
    ("NUM004", "As many as 100 people may have died in the fire.", "As many as 100"),
    ("NUM004", "Fares rise up to 30%.", "up to 30%"),
    ("NUM004", "Analysts say the unit could sell for up to £350m.", "up to £350m"),
    ("NUM004", "The firm could cut up to 45,000 jobs over the next five years.", "up to 45,000"),
    ("NUM005", "The fire killed 12 people, police said.\n\nThe blaze killed 15 people.", "15"),
    (
        "NUM005",
        "Thirty people were killed in the attack.\n\nOfficials said 45 people were killed.",
        "45",
    ),
    (
        "NUM006",
        "Tory leader Michael Howard says his party can save £35bn by tackling waste.",
        "£35bn",
    ),
    ("NUM006", "The Tories say 47 other countries impose such requirements.", "47"),
    ("NUM006", "Union officials said the closures left 6,650 workers jobless.", "6,650"),
    (
        "NUM007",
        "Last year, a street survey found that 70% of people would reveal a password.",
        "survey",
    ),
    ("NUM007", "A survey by the firm found 75% of managers fear a data breach.", "survey"),
    (
        "NUM007",
        "Voters oppose the cuts, a new Gazette poll finds. In the poll, 58% of those asked said "
        "the funding should stay.",
        "poll",
    ),
    (
        "NUM001",
        "The county cut the number of polling places by 85 percent since 2008.",
        "85 percent",
    ),
    ("NUM006", "Organizers claimed nearly 400 delegates took part in the call.", "nearly 400"),
]

NOT_FLAGGED = [
    # (rule, text): each one a pattern that produced a false alarm on real copy
    ("NUM001", "Toyota sales jumped 11% while rival Nissan notched up a 10% increase."),
    ("NUM001", "The firm cut production in North America by 3%."),
    ("NUM001", "Crude is still 30% more expensive than at the start of the year."),
    ("NUM001", "The most popular blog racks up only 0.0051% of all net visits per day."),
    ("NUM001", "The number of blogs has doubled every five and a half months."),
    ("NUM001", "There are 1.7m people needing care and the number could quadruple by 2050."),
    ("NUM001", "Passenger numbers rose 8.1% in January."),
    ("NUM001", "The carmaker sold 2.1% more cars in 2004 than in the previous year."),
    ("NUM001", "It would nearly double the number of its hotspots from 12,300 to 20,000."),
    ("NUM001", "Calleri won the singles and doubles titles in 1998."),
    ("NUM001", "Last year, investors in the fund lost 20.5 percent."),
    ("NUM002", "Its shares fell nearly 3% as the bank sold stock equal to 10% of its capital."),
    ("NUM002", "The rate rose about 5% from around 10% to 10.5%."),
    ("NUM003", "The rupee climbed to 43.305 per US dollar on Thursday."),
    ("NUM003", "BP put production for the year at 3.997 billion barrels."),
    ("NUM003", "The weekend's top films took an estimated $121.9m."),
    ("NUM003", "Version 2.6.11 of the kernel was released."),
    ("NUM004", "Minutes of the meeting which pushed rates up to 2.25% showed worries."),
    ("NUM004", "The deal brings the order book up to 225 firm orders."),
    ("NUM004", "Shares in the builder fell as much as 19% on Tuesday."),
    ("NUM004", "Banks will be able to sell up to 49% of their units."),
    ("NUM004", "The Edinburgh MSP earns up to £30,000 a year from the law firm."),
    ("NUM004", "The laser bridges work across distances of up to 4km."),
    ("NUM004", "HDTV offers up to 1,080 active lines."),
    ("NUM004", "The G7 backed plans to write off up to 100% of the debts."),
    (
        "NUM004",
        "Buyers pay almost £11,500 for the basic model, and the sports model costs up to £17,730.",
    ),
    ("NUM005", "Gordon Brown said 12,500 jobs had gone.\n\nHe plans to axe 104,000 jobs."),
    ("NUM005", "The firm agreed a £2bn deal.\n\nThe £2.3bn deal is the biggest in the sector."),
    ("NUM005", "The blast killed 12 people.\n\nTwelve people died in the blast."),
    ("NUM005", "Police said 30 people died.\n\nThirty-five people were killed, the hospital said."),
    ("NUM006", "On Wednesday, the German Federal Labour Agency said the jobless total reached 5m."),
    ("NUM006", "The company also said it had agreed terms on 14 of its biggest projects."),
    ("NUM006", "Conservatives in parliament say the stake should be cut from 70% to 49%."),
    (
        "NUM006",
        "The Conservative Party would cut the number of MPs by a fifth, Michael Howard said.",
    ),
    ("NUM006", "Opposition parties said the move was ill-timed given data showing growth of 0.1%."),
    ("NUM006", "Its distributor has said the film is to be released in 50 countries."),
    ("NUM006", "A British Muslim group has criticised the new series of the drama 24."),
    ("NUM006", "Surveys of Republican primary voters indicated that 33% were undecided."),
    (
        "NUM006",
        "Gerry Smith, a GOP political consultant, notes that 20% of the vote wins a delegate.",
    ),
    ("NUM006", "The co-pilot had logged 2,766 flying hours with the carrier, the airline said."),
    ("NUM006", "The Smith campaign says it raised more than $21 million in January."),
    ("NUM006", "Democrats pointed out that the inspector general also found 12 such messages."),
    ("NUM006", "A Carrier executive said 1,400 jobs would move to Mexico."),
    (
        "NUM007",
        "Eight out of 10 voters distrust politicians, a new poll conducted for the BBC suggests. "
        "And 87% of the 1,000 adults quizzed by ICM said promises were broken.",
    ),
    (
        "NUM007",
        "A survey for the charity suggests 69% of over-55s always vote. A total of 3,028 adults "
        "aged 18 or over were interviewed for the study.",
    ),
    (
        "NUM007",
        "Almost 70% of those asked in a poll said net firms do too little. The survey of more "
        "than 1,000 people was carried out by security firm RSA.",
    ),
    (
        "NUM007",
        "Support for a ban has fallen, a poll suggests.\n\nLess than half want a ban, the Mori "
        "survey of 2,000 adults for Countryfile suggests. In the Countryfile survey, 47% said "
        "they supported the law.",
    ),
    ("NUM007", "The general election poll on 5 May will decide it; 40% are undecided."),
    (
        "NUM007",
        "The senator is popular at home. He faces no rival.\n\nA Washington Post-ABC News poll "
        "last week found that 63 percent of Americans want hearings.",
    ),
    (
        "NUM007",
        "Voters oppose the cuts, a new Gazette/Suffolk University Poll finds. By 58%-33%, those "
        "surveyed said the funding should stay. The Gazette/Suffolk Poll of 1,000 adults was "
        "taken by phone.",
    ),
]


@pytest.mark.parametrize(
    ("rule", "text", "excerpt"), FLAGGED, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(FLAGGED)]
)
def test_still_flagged(rule: str, text: str, excerpt: str, lint) -> None:
    found = _found(lint, rule, text)
    assert found, text
    if excerpt:
        assert excerpt in found, found


@pytest.mark.parametrize(
    ("rule", "text"), NOT_FLAGGED, ids=[f"{r}-{i}" for i, (r, _) in enumerate(NOT_FLAGGED)]
)
def test_not_flagged(rule: str, text: str, lint) -> None:
    assert not _found(lint, rule, text)


def test_points_error_carries_its_message_and_fix(lint) -> None:
    text = "Support for the plan rose 5% from 10% to 15%."
    (diag,) = [d for d in lint(text, select=["NUM002"]) if d.rule == "NUM002"]
    assert diag.severity is Severity.ERROR
    assert diag.message == 'That is a 5-point change (50% relative). Write "percentage points".'
    assert [e.replacement for e in diag.fix] == ["5 percentage points,"]


def test_rate_with_one_level_is_a_warning(lint) -> None:
    text = "The Reserve Bank lifted interest rates 0.25% to 5.5% on Tuesday."
    (diag,) = [d for d in lint(text, select=["NUM002"]) if d.rule == "NUM002"]
    assert diag.severity is Severity.WARNING
    assert "(5.5%)" in diag.message


def test_lead_inside_the_margin_is_an_error(lint) -> None:
    text = (
        "A Gazette poll of 1,000 voters puts Smith on 43% and Jones on 40%, with a margin of "
        "error of plus or minus 3 points. Smith leads Jones by three points."
    )
    found = [d for d in lint(text, select=["NUM007"]) if d.rule == "NUM007"]
    assert [(d.severity, d.message) for d in found] == [
        (Severity.ERROR, "Gap of 3 points is within ±3: say the race is about even.")
    ]


def test_poll_message_lists_what_is_missing(lint) -> None:
    text = "A survey by Acme found 60% of parents back the plan."
    (diag,) = [d for d in lint(text, select=["NUM007"]) if d.rule == "NUM007"]
    assert diag.message == (
        "Poll lacks a sample size, fieldwork dates, a method and a margin of error."
    )


def test_conflict_message_names_both_values(lint) -> None:
    text = "The storm killed 1,800 people.\n\nThe toll of 2,344 makes it the worst in years."
    (diag,) = [d for d in lint(text, select=["NUM005"]) if d.rule == "NUM005"]
    assert diag.message.startswith('Figures for "the dead" differ (1,800 vs 2,344).')


def test_interested_party_message_names_the_source(lint) -> None:
    text = "Organisers said 50,000 people marched through the city."
    (diag,) = [d for d in lint(text, select=["NUM006"]) if d.rule == "NUM006"]
    assert diag.message.startswith("Only organisers vouches for 50,000.")


def test_fold_and_risk_messages(lint) -> None:
    fold = [d.message for d in lint("The number of visitors doubled.", select=["NUM001"])]
    risk = [d.message for d in lint("Smokers are 50% more likely to fall ill.", select=["NUM001"])]
    assert fold == ['"doubled" from what? Give the before and after figures.']
    assert risk and risk[0].startswith("A relative change in risk (50%)")


@pytest.mark.parametrize(
    ("numeral", "digits"),
    [("1,287.46", 6), ("1,500", 2), ("0.0012", 2), ("100", 1), ("160.9", 4), ("three", 1)],
)
def test_significant_digits(numeral: str, digits: int) -> None:
    assert significant_digits(numeral) == digits


@pytest.mark.parametrize(
    ("text", "margin"),
    [
        ("with a margin of error of plus or minus 3 percentage points", 3.0),
        ("The margin of error is 2.5 points.", 2.5),
        ("(±4)", 4.0),
        ("no margin here", None),
    ],
)
def test_margin_of_error(text: str, margin: float | None) -> None:
    assert margin_of_error(text) == margin


def test_word_lists_load() -> None:
    words = load_number_words()
    assert "organisers" in words.interested_nouns
    assert "up to" in words.bound_phrases
    assert words.measure_verbs["dead"] >= {"kill", "die"}


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The company said 90% of home routers carry the flaw.", "Only the company vouches"),
        ("Labour says 47 other countries impose such a levy.", "Only Labour vouches"),
    ],
)
def test_interested_party_message_reads_mid_sentence(lint, text: str, start: str) -> None:
    messages = [d.message for d in lint(text, select=["NUM006"]) if d.rule == "NUM006"]
    assert messages and messages[0].startswith(start), messages
