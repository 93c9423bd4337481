"""Direct quotes from quotation marks: which stretches are quoted, with exact spans."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from attrlint.analysis.quotes import find_quotes


def quoted(text: str, offset: int = 0) -> list[str]:
    """The content of each quote found in ``text``, with ``offset`` characters before it."""
    prose = " " * offset + text
    return [
        prose[q.content.start : q.content.end] for q in find_quotes(prose, offset, len(prose), 0)
    ]


def test_curly_and_straight_quotes_with_the_speaker_anywhere() -> None:
    assert quoted("“We will rebuild the pier,” the mayor said.") == ["We will rebuild the pier,"]
    assert quoted('The mayor said: "We will rebuild it."') == ["We will rebuild it."]
    assert quoted('"We will," she said, "rebuild it."') == ["We will,", "rebuild it."]


def test_a_stray_space_before_the_closing_mark_still_closes_the_quote() -> None:
    assert quoted('"The deal was fair, " the mayor said.') == ["The deal was fair,"]
    assert quoted('He called it "a disgrace ". Then he left.') == ["a disgrace"]
    (quote,) = find_quotes('"It was fair, " she said.', 0, 25, 0)
    assert quote.closed and quote.span.end == 15


def test_a_quote_left_open_runs_to_the_end_of_its_paragraph() -> None:
    (quote,) = find_quotes('She said: "The work will take a year', 0, 36, 0)
    assert not quote.closed and quote.content.end == 36


def test_an_unbalanced_mark_starts_a_new_quote() -> None:
    assert quoted('"We tried. "It failed," he said.') == ["We tried.", "It failed,"]


def test_an_opening_mark_typed_for_a_closing_one_closes_the_quote() -> None:
    assert quoted("“It is unusual,“ said Ann Bell. “It is hard.”") == [
        "It is unusual,",
        "It is hard.",
    ]
    assert quoted("“It is late“ for “reform”.") == ["It is late“ for “reform"]  # no mark before


def test_apostrophes_open_no_quote() -> None:
    for text in (
        "The workers' union met in the '90s.",
        "It was rock 'n' roll, the band's manager said.",
        "Don't tell the council's officers.",
    ):
        assert quoted(text) == [], text


def test_a_year_cut_short_opens_no_quote() -> None:
    text = "Ann Bell said in ‘08 that voters were “tired of the ‘blame game’ and more,” she added."
    assert quoted(text) == ["tired of the ‘blame game’ and more,"]
    assert quoted("He called it ‘100 days of chaos’ on Monday.") == ["100 days of chaos"]
    assert quoted("The paper headlined it ‘50 dead in floods’ on Monday.") == ["50 dead in floods"]
    assert quoted("Music of the '90s was loud, in ‘08 too.") == []


def test_single_quotes_close_within_the_paragraph() -> None:
    assert quoted("The board called it 'a fair price' on Monday.") == ["a fair price"]


def test_doubled_apostrophes_stand_for_a_double_quote() -> None:
    assert quoted("''We will appeal,'' the club said.") == ["We will appeal,"]


MARKS = st.sampled_from(list("\"'“”‘’„«» .,abc\n"))


@given(text=st.lists(MARKS, max_size=60).map("".join), offset=st.integers(0, 5))
def test_spans_stay_in_the_block_and_never_overlap(text: str, offset: int) -> None:
    prose = "x" * offset + text
    quotes = find_quotes(prose, offset, len(prose), 3)
    last = offset
    for quote in quotes:
        assert offset <= quote.span.start < quote.span.end <= len(prose)
        assert quote.span.start <= quote.content.start <= quote.content.end <= quote.span.end
        assert quote.span.start >= last  # sorted and disjoint
        last = quote.span.end
        assert quote.block == 3
