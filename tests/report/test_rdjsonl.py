"""``--format rdjsonl``: reviewdog's line-delimited diagnostics."""

from __future__ import annotations

import json

from tests.report.conftest import PATHS, Newsroom, json_diagnostics


def test_each_line_is_a_reviewdog_diagnostic(newsroom: Newsroom) -> None:
    want = json_diagnostics(newsroom, *PATHS)
    output = newsroom.lint("rdjsonl", *PATHS)
    assert output.code == 1, output.err
    assert output.out.endswith("\n")
    got = [json.loads(line) for line in output.out.splitlines()]
    assert len(got) == len(want)
    severities = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
    for item, diag in zip(got, want, strict=True):
        assert item["message"] == diag["message"]
        assert item["severity"] == severities[diag["severity"]]
        assert item["code"] == {"value": diag["rule"], "url": diag["url"]}
        assert item["source"]["name"] == "attrlint"
        assert item["location"]["path"] == diag["path"]
        if diag["fix"]:
            [edit] = diag["fix"]["edits"]
            [suggestion] = item["suggestions"]
            assert suggestion["text"] == edit["replacement"]
            # The suggestion replaces exactly the flagged word, in bytes as for the finding.
            assert suggestion["range"] == item["location"]["range"]
        else:
            assert "suggestions" not in item
    assert {i["severity"] for i in got} == set(severities.values())


def test_ascii_columns_are_unchanged(newsroom: Newsroom) -> None:
    [diag] = json_diagnostics(newsroom, "drafts/wire.txt")
    [item] = [
        json.loads(line) for line in newsroom.lint("rdjsonl", "drafts/wire.txt").out.splitlines()
    ]
    assert item["location"]["range"] == {
        "start": {"line": diag["line"], "column": diag["column"]},
        "end": {"line": diag["end_line"], "column": diag["end_column"]},
    }


def test_unreadable_file_is_an_error_without_range(newsroom: Newsroom) -> None:
    (newsroom.root / "drafts/latin1.md").write_bytes("Caf\xe9 prices rose.\n".encode("latin-1"))
    output = newsroom.lint("rdjsonl", "drafts/latin1.md")
    assert output.code == 2
    [item] = [json.loads(line) for line in output.out.splitlines()]
    assert item["severity"] == "ERROR" and item["location"] == {"path": "drafts/latin1.md"}
