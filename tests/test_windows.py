"""Very long documents are analysed in windows of whole blocks; story-level checks read only
their window's text, so that their cost follows the window and not the whole file."""

from __future__ import annotations

from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from attrlint import engine
from attrlint.checks import CheckContext
from attrlint.document import load_document

PARAGRAPHS = [
    "The harbour board met on Tuesday.",
    "Its chair, Ines Marlow, said the pier would reopen in spring.",
    "Repairs were delayed by a storm in March.",
    "A spokesman for the contractor declined to comment.",
]


def article(picks: list[int]) -> str:
    return "\n\n".join(PARAGRAPHS[i] for i in picks) + "\n"


@given(
    picks=st.lists(st.integers(0, len(PARAGRAPHS) - 1), min_size=1, max_size=40),
    limit=st.integers(30, 400),
)
def test_windows_partition_the_blocks_in_order(picks: list[int], limit: int) -> None:
    document = load_document(article(picks), "story.md")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "WINDOW_CHARS", limit)
        windows = engine._windows(document)
    assert [b for w in windows for b in w.blocks] == list(document.blocks)
    for window in windows:
        width = window.blocks[-1].span.end - window.blocks[0].span.start
        assert width <= limit or len(window.blocks) == 1
        assert window.source is document.source  # offsets stay the file's


@given(picks=st.lists(st.integers(0, len(PARAGRAPHS) - 1), min_size=2, max_size=30))
def test_story_prose_is_the_text_of_the_window_blocks(picks: list[int]) -> None:
    document = load_document(article(picks), "story.md")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "WINDOW_CHARS", 120)
        windows = engine._windows(document)
    assert len(windows) > 1 or len(document.prose) <= 120
    for window in windows:
        context = CheckContext(window, cast(Any, None), cast(Any, None))
        story = context.story_prose()
        first, last = window.blocks[0].span, window.blocks[-1].span
        assert story == document.prose[first.start : last.end]
        assert all(document.prose[b.span.start : b.span.end] in story for b in window.blocks)
