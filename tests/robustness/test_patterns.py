"""User-supplied patterns (excludes, per-file ignores, .gitignore) cannot make a run hang.

The only patterns users give attrlint are globs; rule data and lexicons hold word lists, not
regexes. Globs used to become backtracking regexes, exponential in their stars on long paths.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attrlint.globs import Glob
from attrlint.inputs import glob_match
from tests.cli_runner import run
from tests.robustness.conftest import deadline

STORY = "The depot cost £4.2m to build. Critics say the roof leaks.\n"
EVIL = "**a" * 12 + "**b"  # backtracking regex: exponential in the 13 stars
EVIL_NAME = "a" * 120


def _reference(pattern: str) -> re.Pattern[str]:
    """The regex translation attrlint used before (correct, but it backtracks)."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and (close := pattern.find("]", i + 2)) > 0:
            out.append("[" + pattern[i + 1 : close] + "]")
            i = close + 1
        elif pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


PIECES = ["a", "b", "/", ".", "*", "?", "**", "**/", "[ab]", "[a-c]", "\\*", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=7).map("".join), st.text("ab/.x*", max_size=10))
def test_globs_match_as_the_regex_translation_did(pattern: str, path: str) -> None:
    assert Glob(pattern).fullmatch(path) == bool(_reference(pattern).fullmatch(path))


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("drafts/**", "drafts/2024/x.md", True),
        ("*.md", "x.md", True),
        ("*.md", "a/x.md", False),
        ("**/archive/*.md", "archive/x.md", True),
        ("**/archive/*.md", "a/b/archive/x.md", True),
        ("?.md", "/.md", False),
        ("[!a].md", "/.md", False),  # classes never match a folder separator
        ("[!a].md", "b.md", True),
        ("[^a].md", "a.md", False),
        ("[z-a].md", "z.md", False),  # a reversed range matches nothing (was a regex error)
        ("\\*.md", "*.md", True),
        ("\\*.md", "x.md", False),
        ("a[", "a[", True),
    ],
)
def test_glob_semantics(pattern: str, path: str, matches: bool) -> None:
    assert Glob(pattern).fullmatch(path) is matches


def test_prefix_matching_is_one_pass() -> None:
    glob = Glob("drafts")
    assert glob.matches_a_prefix("drafts/2024/x.md") and glob.matches_a_prefix("drafts")
    assert not glob.matches_a_prefix("drafts2/x.md")
    assert glob_match("drafts", Path("/r"), Path("/r/drafts/2024/x.md"))
    assert glob_match("*.txt", Path("/r"), Path("/r/a/b/notes.txt"))
    assert not glob_match("a/*.txt", Path("/r"), Path("/r/b/a/notes.txt"))


def test_a_catastrophic_glob_is_linear() -> None:
    path = "/".join([EVIL_NAME] * 30)
    with deadline(5):
        assert not Glob(EVIL).fullmatch(path)
        assert not Glob(EVIL).matches_a_prefix(path)
        assert Glob(EVIL[:-1] + "a").fullmatch(path)


@pytest.fixture
def deep_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    folder = tmp_path / EVIL_NAME / EVIL_NAME
    folder.mkdir(parents=True)
    (folder / f"{EVIL_NAME}.md").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ATTRLINT_CONFIG", raising=False)
    return tmp_path


@pytest.mark.parametrize(
    "config",
    [
        f'exclude = ["{EVIL}"]\n',
        f'extend-exclude = ["{EVIL}", "[z-a]"]\n',
        f'[per-file-ignores]\n"{EVIL}" = ["SRC001"]\n',
    ],
)
def test_catastrophic_globs_in_configuration(
    deep_repo: Path, capsys: pytest.CaptureFixture[str], config: str
) -> None:
    (deep_repo / ".attrlint.toml").write_text(config, encoding="utf-8")
    with deadline(30):
        code, out, err = run(["check", "--no-cache", "."], capsys)
    assert code == 1, err
    assert "SRC001" in out  # nothing matched, nothing excluded or ignored


def test_catastrophic_globs_on_the_command_line(
    deep_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with deadline(30):
        code, out, err = run(
            ["check", "--no-cache", "--exclude", EVIL, "--extend-exclude", "[z-a]", "."], capsys
        )
    assert code == 1 and "SRC001" in out, err


def test_hostile_gitignore(deep_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [EVIL, "x" + " " * 1_000_000 + "y", " " * 1_000_000, "[z-a]", "\\ "]
    (deep_repo / ".gitignore").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (deep_repo / "ignored.md").write_text(STORY, encoding="utf-8")
    (deep_repo / ".gitignore").write_text(
        (deep_repo / ".gitignore").read_text("utf-8") + "ignored.md   \n", encoding="utf-8"
    )
    with deadline(30):
        code, out, err = run(["check", "--no-cache", "."], capsys)
    assert code == 1, err
    assert "SRC001" in out and "ignored.md" not in out
