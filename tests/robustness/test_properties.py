"""Properties over generated Markdown and plain text (headings, lists, quotes, code, links, front
matter, odd whitespace and Unicode): no exception, every excerpt is its source slice, and the
text, JSON and SARIF reports state the same positions.

The CI profile is small; ``ATTRLINT_FUZZ_EXAMPLES=N`` scales it, and ``benchmarks/fuzz.py`` runs
the same grammar and checks for long campaigns.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attrlint.document import load_document
from attrlint.engine import lint_documents
from attrlint.nlp import resolve_model
from attrlint.rules import load_rules, select_rules
from tests.robustness.generate import DrawPicker, article
from tests.robustness.invariants import check_document, check_result

EXAMPLES = int(os.environ.get("ATTRLINT_FUZZ_EXAMPLES", "40"))
RULES = load_rules()
ENABLED = select_rules(RULES, None, None)


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, str]:
    return article(DrawPicker(draw))


@settings(max_examples=EXAMPLES * 10, deadline=None, database=None)
@given(doc=articles())
def test_the_document_layer_holds_for_any_article(doc: tuple[str, str]) -> None:
    text, path = doc
    check_document(load_document(text, path))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(doc=articles())
def test_the_whole_pipeline_holds_for_any_article(doc: tuple[str, str]) -> None:
    text, path = doc
    document = load_document(text, path)
    (result,) = lint_documents([document], ENABLED, resolve_model(None))
    check_result(result, RULES)


@settings(max_examples=EXAMPLES * 5, deadline=None, database=None)
@given(text=st.text(st.characters(codec="utf-8"), max_size=300), markdown=st.booleans())
def test_arbitrary_unicode_never_breaks_the_document_layer(text: str, markdown: bool) -> None:
    check_document(load_document(text, "x.md" if markdown else "x.txt"))


def test_the_generator_reaches_the_rules() -> None:
    """Guards the properties against generating nothing a rule would flag."""
    from tests.robustness.generate import RandomPicker

    texts = [article(RandomPicker(seed)) for seed in range(40)]
    results = lint_documents([load_document(t, p) for t, p in texts], ENABLED, resolve_model(None))
    found = {d.rule for r in results for d in r.diagnostics}
    assert {"ATR001", "SRC001", "SRC005", "HDG001", "VRB001"} <= found, found
    assert any(p.endswith(".txt") for _, p in texts) and any(p.endswith(".md") for _, p in texts)
