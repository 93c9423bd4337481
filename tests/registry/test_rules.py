"""The REL rules, NUM006 and SRC009 with a registry written in the test, on the real model."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from attrlint.engine import FileResult
from attrlint.registry import Registry
from attrlint.registry.refs import resolve
from attrlint.types import Diagnostic

Lint = Callable[..., list[Diagnostic]]


def _found(lint: Lint, text: str, rule: str, registry: Registry) -> list[str]:
    """The excerpts that ``rule`` flags in ``text``."""
    return [text[d.span.start : d.span.end] for d in lint(text, [rule], registry=registry)]


# --- matching: case, possessives, "the", chains, links -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The pier will close, the GOSSIP GAZETTE reported.",
        "The pier will close, according to the Gossip Gazette's report.",
        "The Gossip gazette said the pier will close.",
        "A report in the Gossip Gazette said the pier will close.",
        "The Morning Bugle, citing the Gossip Gazette, said the pier will close.",
        "The pier will close, [the paper said](https://www.gossipgazette.example/pier).",
        "The pier will close, says <https://news.gossipgazette.example/pier>.",
    ],
)
def test_rel001_finds_the_entry_however_it_is_written(
    lint: Lint, registry: Registry, text: str
) -> None:
    found = lint(text, ["REL001"], registry=registry)
    assert len(found) == 1, text
    assert 'entry "gossip-gazette"' in found[0].message
    assert "deprecated" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "The gossip gazette of the village hall is a noticeboard.",  # lower case: not a name
        "The council said the Gossip Gazette had got the story wrong.",  # in the content
        "Jane Okoro, a former reporter for the Gossip Gazette, said the pier will close.",
        "The Gossip Gazette was fined £40,000 by the regulator.",  # a story about it
        '"The Gossip Gazette says the pier will close," the mayor said.',  # quoted speech
        "# The Gossip Gazette says the pier will close\n\nThe pier will close, the mayor said.",
    ],
)
def test_rel001_leaves_other_mentions_alone(lint: Lint, registry: Registry, text: str) -> None:
    assert lint(text, ["REL001"], registry=registry) == []


def test_a_pronoun_resolves_to_the_entry_and_the_message_names_it(
    lint: Lint, registry: Registry
) -> None:
    text = "The Gossip Gazette reported that the pier will close. It said 30 jobs would go."
    found = lint(text, ["REL001"], registry=registry)
    assert [text[d.span.start : d.span.end] for d in found] == ["Gossip Gazette", "It"]
    assert all("Gossip Gazette" in d.message for d in found)


def test_blocked_links_use_the_link_message(lint: Lint, registry: Registry) -> None:
    text = "The pier will close ([details](https://linkfarm.example/pier-closing))."
    (found,) = lint(text, ["REL001"], registry=registry)
    assert text[found.span.start : found.span.end] == "details"
    assert found.message.startswith("This link goes to Linkfarm Today, blocked")


def test_plain_text_bare_urls_are_links(lint: Lint, registry: Registry) -> None:
    text = "The pier will close, according to www.linkfarm.example/pier.\n"
    (found,) = lint(text, ["REL001"], registry=registry, path="story.txt")
    assert text[found.span.start : found.span.end] == "www.linkfarm.example/pier"


# --- REL002 and corroboration ------------------------------------------------------------


def test_rel002_flags_an_unreliable_source_alone(lint: Lint, registry: Registry) -> None:
    text = "The ferry will stop in May, WhisperNet reported."
    assert _found(lint, text, "REL002", registry) == ["WhisperNet"]


@pytest.mark.parametrize(
    "text",
    [
        "The ferry will stop in May, WhisperNet reported; the Kestrel Wire confirmed it.",
        "WhisperNet said the ferry will stop in May. The Tidewater Courier reported the same.",
        "The ferry will stop in May, WhisperNet reported; the harbour board confirmed the date.",
        "WhisperNet, citing the Kestrel Wire, said the ferry will stop in May.",
    ],
)
def test_rel002_is_quiet_when_a_reliable_independent_source_backs_it(
    lint: Lint, registry: Registry, text: str
) -> None:
    assert _found(lint, text, "REL002", registry) == []


def test_derived_and_citing_outlets_do_not_corroborate(lint: Lint, registry: Registry) -> None:
    # Bugle Digest is rated reliable but derives from WhisperNet: one source, not two
    derived = "WhisperNet said the ferry will stop in May. Bugle Digest reported the same."
    assert _found(lint, derived, "REL002", registry) == ["WhisperNet"]
    # the Courier is reliable, but here it only repeats WhisperNet: outlets citing each other
    citing = (
        "WhisperNet said the ferry will stop in May. "
        "The Tidewater Courier, citing WhisperNet, reported the same."
    )
    assert _found(lint, citing, "REL002", registry) == ["WhisperNet", "WhisperNet"]


def test_a_paragraph_break_ends_the_statement(lint: Lint, registry: Registry) -> None:
    text = "The ferry will stop in May, WhisperNet reported.\n\nThe Kestrel Wire said fares rose.\n"
    assert _found(lint, text, "REL002", registry) == ["WhisperNet"]


def test_citing_chains_form_one_group(
    lint_result: Callable[..., FileResult], registry: Registry
) -> None:
    text = (
        "The Morning Bugle, citing the Gossip Gazette, said the pier will close, "
        "while the Kestrel Wire said it would stay open."
    )
    result = lint_result(text, ["ATR001"], registry=registry)
    assert result.analysis is not None
    sourcing = resolve(result.document, result.analysis, registry)
    ids = {r.entry.id for r in sourcing.references}
    assert ids == {"morning-bugle", "gossip-gazette", "kestrel-wire"}
    assert sourcing.group("morning-bugle") == sourcing.group("gossip-gazette")
    assert sourcing.group("kestrel-wire") != sourcing.group("gossip-gazette")


# --- REL003, REL004 ----------------------------------------------------------------------


def test_rel003_flags_a_figure_or_allegation_on_one_mixed_source(
    lint: Lint, registry: Registry
) -> None:
    assert _found(lint, "The Morning Bugle said 200 jobs would go.", "REL003", registry) == [
        "Morning Bugle"
    ]
    allegation = "The harbour master took bribes, the Morning Bugle reported."
    (found,) = lint(allegation, ["REL003"], registry=registry)
    assert "backs this allegation" in found.message
    quiet = [
        "The Morning Bugle said the pier will close.",
        "The Morning Bugle said 200 jobs would go; the Kestrel Wire said 180.",
        "The Morning Bugle said 200 jobs would go, and the union confirmed the figure.",
    ]
    for text in quiet:
        assert _found(lint, text, "REL003", registry) == [], text


def test_rel004_lists_each_unrated_organisation_once(lint: Lint, registry: Registry) -> None:
    text = (
        "The pier will close, the Northgate Herald reported. The Northgate Herald said 30 jobs "
        "would go. The Morning Bugle said the same. The mayor, Ruth Okafor, said she was sad."
    )
    assert _found(lint, text, "REL004", registry) == ["Northgate Herald"]


def test_without_a_registry_the_rel_rules_report_nothing(lint: Lint) -> None:
    text = "The pier will close, the Gossip Gazette reported. WhisperNet said 30 jobs would go."
    assert lint(text, ["REL"]) == []


# --- NUM006 and SRC009 read the registry ----------------------------------------------------


def test_num006_uses_kind_and_interested_in(lint: Lint, registry: Registry) -> None:
    company = "Ferrovia Holdings said 80% of passengers back the new timetable."
    (found,) = lint(company, ["NUM006"], registry=registry)
    assert 'entry "ferrovia"' in found.message and "company" in found.message
    assert lint(company, ["NUM006"]) == []  # a named company is not recognised without one
    topic = "The Saltmarsh Trust said 40% of the wetland had been lost to the sea."
    (found,) = lint(topic, ["NUM006"], registry=registry)
    assert 'entry "saltmarsh-trust"' in found.message
    off_topic = "The Saltmarsh Trust said 40% of visitors came by bus."
    assert lint(off_topic, ["NUM006"], registry=registry) == []


STORY = (
    "The ferry between Tidewater and the islands will stop running in May, {a} reported on "
    "Monday. The service has run since 1962 and carries about 90,000 passengers a year, most of "
    "them islanders travelling to work, school and hospital appointments on the mainland. "
    "{b} said the operator had lost money on the route for five years and could no longer "
    "afford to run it without a subsidy from the county. Talks with the county ended last week "
    "without a deal, {b} said. A petition against the closure has been signed by residents of "
    "every island. The last sailing is expected in the second week of May, and the ferry will "
    "then be sold. Islanders will have to use the private boats that already carry post and "
    "freight, which take twice as long and cost more."
)


def test_src009_counts_derived_outlets_once_and_names_the_entry(
    lint: Lint, registry: Registry
) -> None:
    text = STORY.format(a="WhisperNet", b="Bugle Digest")
    (found,) = lint(text, ["SRC009"], registry=registry)
    assert 'registry entry "whisper-net"' in found.message
    assert lint(text, ["SRC009"]) == []  # two names without the registry
    independent = STORY.format(a="WhisperNet", b="the Kestrel Wire")
    assert lint(independent, ["SRC009"], registry=registry) == []


def test_src009_warns_when_the_one_source_is_a_stakeholder(lint: Lint, registry: Registry) -> None:
    text = STORY.format(a="Ferrovia Holdings", b="Ferrovia Holdings").replace("ferry", "rail ferry")
    (found,) = lint(text, ["SRC009"], registry=registry)
    assert found.severity.label == "warning"
    assert 'registry entry "ferrovia", company, mixed' in found.message
