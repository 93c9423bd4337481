"""``--format gitlab``: a Code Quality report GitLab accepts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.conftest import PATHS, Newsroom, json_diagnostics

KEYS = {"type", "description", "check_name", "fingerprint", "severity", "location"}


def test_issues_carry_what_gitlab_reads(newsroom: Newsroom) -> None:
    want = json_diagnostics(newsroom, *PATHS)
    output = newsroom.lint("gitlab", *PATHS)
    assert output.code == 1, output.err
    issues = output.json()
    assert isinstance(issues, list) and len(issues) == len(want)
    severities = {"error": "major", "warning": "minor", "info": "info"}
    for issue, diag in zip(issues, want, strict=True):
        assert set(issue) == KEYS and issue["type"] == "issue"
        assert issue["check_name"] == diag["rule"]
        assert issue["description"] == f"{diag['rule']} {diag['message']}"
        assert issue["severity"] == severities[diag["severity"]]
        assert issue["location"] == {
            "path": diag["path"],
            "lines": {"begin": diag["line"], "end": diag["end_line"]},
        }
    assert {i["severity"] for i in issues} == set(severities.values())


def test_fingerprints_are_unique_and_survive_moves(newsroom: Newsroom) -> None:
    # Two findings of one rule in one sentence, and the same sentence in another file: the
    # baseline fingerprints differ by occurrence, the GitLab ones by path as well.
    sentence = "The region now has 41,000 empty homes and 9,300 empty shops.\n"
    newsroom.write("drafts/a.md", sentence)
    newsroom.write("drafts/b.md", sentence)
    issues = newsroom.lint("gitlab", "drafts/a.md", "drafts/b.md").json()
    assert [i["check_name"] for i in issues] == ["ATR001"] * 4
    marks = [i["fingerprint"] for i in issues]
    assert len(set(marks)) == len(marks)
    assert all(len(m) == 32 and int(m, 16) >= 0 for m in marks)
    # A file's fingerprints do not depend on which other files were linted with it.
    alone = newsroom.lint("gitlab", "drafts/b.md").json()
    assert [i["fingerprint"] for i in alone] == marks[2:]
    newsroom.write("drafts/a.md", "The mayor opened the library.\n\n" + sentence)
    moved = newsroom.lint("gitlab", "drafts/a.md", "drafts/b.md").json()
    assert [i["fingerprint"] for i in moved] == marks
    assert [i["location"]["lines"]["begin"] for i in moved] != [
        i["location"]["lines"]["begin"] for i in issues
    ]


def test_paths_are_relative_to_the_gitlab_project(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI_PROJECT_DIR", str(newsroom.root / "drafts"))
    issues = newsroom.lint("gitlab", str(Path("drafts/wire.txt").resolve())).json()
    assert [i["location"]["path"] for i in issues] == ["wire.txt"]


def test_unreadable_file_is_an_issue(newsroom: Newsroom) -> None:
    (newsroom.root / "drafts/latin1.md").write_bytes("Caf\xe9 prices rose.\n".encode("latin-1"))
    output = newsroom.lint("gitlab", "drafts/latin1.md")
    assert output.code == 2
    [issue] = output.json()
    assert issue["check_name"] == "input-error" and issue["severity"] == "critical"
    assert issue["location"] == {"path": "drafts/latin1.md", "lines": {"begin": 1}}
    assert "UTF-8" in issue["description"]
