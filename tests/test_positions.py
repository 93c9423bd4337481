"""Exact positions as properties: for generated documents, every diagnostic's excerpt is the source
slice and its line and column agree with its offset, through the real model and the JSON reporter."""

from __future__ import annotations

import json
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attrlint.document import load_document
from attrlint.engine import FileResult
from attrlint.report.json_report import render_json
from attrlint.rules import load_rules

# Sentences written for these tests, each meant to trigger at least one rule.
TRIGGERS = [
    "Experts say the bridge is unsafe.",
    "The council spent £4.2m on the depot.",
    "It is understood the talks have stalled.",
    "Many residents oppose the plan.",
    "The plant may close next year.",
    "The minister admitted the budget was late.",
    "Unemployment rose to 9.4% in March.",
]
NOISE = ["🚀", "é", "e\u0301", "שלום", "\u200b", "\t", "  ", "“quoted 40%”", "`code 12%`", "**"]
BREAKS = ["\n", "\r\n", "\r"]


def naive_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column counted the slow way: CRLF, CR and LF are each one break."""
    line, col, i = 1, 1, 0
    while i < offset:
        if text[i] == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            if i + 1 == offset:  # the offset points between CR and LF: still this line
                return line, col + 1
            i += 2
            line, col = line + 1, 1
            continue
        if text[i] in "\r\n":
            line, col = line + 1, 1
        else:
            col += 1
        i += 1
    return line, col


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, str]:
    blocks = []
    for _ in range(draw(st.integers(1, 5))):
        prefix = draw(st.sampled_from(["", "# ", "- ", "> ", "1. ", "   "]))
        words = draw(st.lists(st.sampled_from(TRIGGERS + NOISE), min_size=1, max_size=4))
        blocks.append(prefix + " ".join(words))
    brk = draw(st.sampled_from(BREAKS))
    text = (brk * draw(st.integers(1, 2))).join(blocks) + draw(st.sampled_from(["", brk]))
    if draw(st.booleans()):
        text = f"---{brk}title: Test 12%{brk}---{brk}" + text
    return text, draw(st.sampled_from(["story.md", "story.txt"]))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(doc=documents())
def test_every_diagnostic_points_at_its_excerpt(
    doc: tuple[str, str], lint_result: Callable[..., FileResult]
) -> None:
    text, path = doc
    result = lint_result(text, None, path)
    assert not result.errors
    payload = json.loads(render_json([result], load_rules()))
    for diag in payload["files"][0]["diagnostics"]:
        assert text[diag["offset"] : diag["end_offset"]] == diag["excerpt"]
        assert diag["excerpt"].strip() == diag["excerpt"] and diag["excerpt"]
        assert (diag["line"], diag["column"]) == naive_position(text, diag["offset"])
        assert (diag["end_line"], diag["end_column"]) == naive_position(text, diag["end_offset"])


def test_the_generator_reaches_the_rules(lint_result: Callable[..., FileResult]) -> None:
    """Guards the property test against silently generating nothing a rule would flag."""
    text = "\r\n\r\n".join(TRIGGERS)
    rules = {d.rule for d in lint_result(text, None, "story.md").diagnostics}
    assert rules == {"ATR001", "SRC001", "SRC005", "SRC007", "HDG001", "VRB001"}


def test_code_and_front_matter_never_reach_the_rules(
    lint_result: Callable[..., FileResult],
) -> None:
    text = (
        "---\nnote: costs rose 40%\n---\n\n```\nExperts say 12% may go.\n```\n\nText `12%` here.\n"
    )
    assert lint_result(text, None, "story.md").diagnostics == []
    assert load_document(text, "story.md").prose.strip() == "Text" + " " * 7 + "here."
