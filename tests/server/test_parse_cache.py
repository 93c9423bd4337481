"""Parse reuse: the same diagnostics as a fresh parse, only edited blocks parsed again, bounded."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrlint.config import FileSettings
from attrlint.document import load_document
from attrlint.engine import Job, lint_jobs, load_pipeline
from attrlint.parse_cache import ParseCache
from attrlint.rules import load_rules, select_rules
from attrlint.server.session import Linter
from attrlint.types import Diagnostic
from tests.server.texts import ARTICLE

PARAGRAPHS = ARTICLE.split("\n\n")


def _lint(text: str, settings: FileSettings, parses: ParseCache | None) -> list[Diagnostic]:
    result = lint_jobs([Job(load_document(text, "story.md"), settings)], parses=parses)[0]
    assert not result.errors, result.errors
    return result.diagnostics


def _edits() -> list[str]:
    """The article, then edits an editor session makes: inside a paragraph, insert, delete, move."""
    edited = ARTICLE.replace("unsafe for heavy lorries", "unsafe for lorries and buses")
    inserted = "\n\n".join(
        [*PARAGRAPHS[:3], "Analysts say the bypass was never finished.", *PARAGRAPHS[3:]]
    )
    deleted = "\n\n".join(PARAGRAPHS[:2] + PARAGRAPHS[3:])
    moved = "\n\n".join([PARAGRAPHS[0], PARAGRAPHS[4], *PARAGRAPHS[1:4], *PARAGRAPHS[5:]])
    return [ARTICLE, edited, inserted, deleted, moved, ARTICLE]


@pytest.fixture(scope="module")
def settings(model_name: str) -> FileSettings:
    return FileSettings(rules=tuple(r for r in load_rules() if r.enabled), model=model_name)


def test_reuse_gives_the_same_diagnostics_as_fresh_parses(settings: FileSettings) -> None:
    cache = ParseCache()
    seen: set[str] = set()
    for text in _edits():
        reused = _lint(text, settings, cache)
        fresh = _lint(text, settings, None)
        assert reused == fresh
        seen |= {d.rule for d in fresh}
    assert seen >= {"SRC001", "VRB001", "VRB002", "SRC005", "ATR001"}
    assert cache.stats.hits > 20  # the comparison above did exercise reused parses


def test_an_edit_inside_one_paragraph_parses_only_that_paragraph(settings: FileSettings) -> None:
    cache = ParseCache()
    _lint(ARTICLE, settings, cache)
    blocks = len(load_document(ARTICLE, "story.md").blocks)
    assert (cache.stats.misses, cache.stats.hits) == (blocks, 0)
    _lint(ARTICLE.replace("six weeks", "seven weeks"), settings, cache)
    assert (cache.stats.misses, cache.stats.hits) == (blocks + 1, blocks - 1)


def test_repeated_blocks_in_one_document_are_parsed_once(settings: FileSettings) -> None:
    cache = ParseCache()
    twice = "Experts say the bridge is unsafe.\n\nExperts say the bridge is unsafe.\n"
    diagnostics = _lint(twice, settings, cache)
    assert cache.stats.misses == 1 and len(cache) == 1
    assert diagnostics == _lint(twice, settings, None)
    assert [d.rule for d in diagnostics].count("SRC001") == 2


def test_the_pipeline_is_part_of_the_key(model_name: str, settings: FileSettings) -> None:
    cache = ParseCache()
    light = FileSettings(rules=select_rules(load_rules(), ["VRB001"], None), model=model_name)
    text = "The mayor claimed the budget was balanced.\n"
    _lint(text, light, cache)
    _lint(text, settings, cache)  # this rule set needs the named-entity recogniser too
    assert cache.stats.misses == 2 and len(cache) == 2


def test_the_cache_is_bounded_least_recently_used_first(settings: FileSettings) -> None:
    cache = ParseCache(max_bytes=60_000)
    for number in range(30):
        _lint(f"Experts say bridge number {number} is unsafe.\n", settings, cache)
    assert 0 < cache.size <= 60_000
    assert cache.stats.evictions > 0 and len(cache) < 30
    misses = cache.stats.misses
    _lint("Experts say bridge number 29 is unsafe.\n", settings, cache)  # recent: kept
    assert cache.stats.misses == misses
    _lint("Experts say bridge number 0 is unsafe.\n", settings, cache)  # oldest: evicted
    assert cache.stats.misses == misses + 1


def test_memory_zone_lints_leave_the_string_store_as_it_was(
    tmp_path: Path, settings: FileSettings, model_name: str
) -> None:
    linter = Linter(tmp_path)
    nlp = load_pipeline(settings.rules, model_name)
    linter.lint("Experts say the bridge is unsafe.\n", None, "markdown")
    before = len(nlp.vocab.strings)
    invented = "Qelbrix Ontuvar claimed 37% of Pramstead voters backed the Vorlith plan."
    first = linter.lint(invented + "\n\n" + ARTICLE, None, "markdown")
    again = linter.lint(invented + "\n\n" + ARTICLE, None, "markdown")  # every block reused
    assert len(nlp.vocab.strings) == before
    assert "Qelbrix" not in nlp.vocab.strings
    assert first.diagnostics == again.diagnostics
    plain = _lint(invented + "\n\n" + ARTICLE, settings, None)
    assert list(first.diagnostics) == plain
    assert "VRB001" in {d.rule for d in plain}
