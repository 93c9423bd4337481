"""Every format puts each finding where the JSON format does, on text that is hard to position."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import unquote

from tests.report.conftest import PATHS, Newsroom, json_diagnostics
from tests.report.test_github import parse_commands

Position = tuple[str, str, int, int, int, int]  # path, rule, line, column, end line, end column


def expected(room: Newsroom) -> list[dict[str, Any]]:
    diags = json_diagnostics(room, *PATHS)
    crlf = [d for d in diags if d["path"] in ("drafts/story.md", "drafts/figures.md")]
    # The hard cases are really exercised: findings after combining marks and emoji on CRLF
    # lines, a span across a line break, and a fix.
    assert {(d["path"], d["line"]) for d in crlf if d["column"] > 20} == {
        ("drafts/story.md", 3),
        ("drafts/figures.md", 3),
    }, crlf
    assert any(d["end_line"] > d["line"] for d in diags), diags
    assert any(d["fix"] for d in diags), diags
    return diags


def positions(diags: list[dict[str, Any]]) -> list[Position]:
    return [
        (d["path"], d["rule"], d["line"], d["column"], d["end_line"], d["end_column"])
        for d in diags
    ]


def test_sarif_regions_match_json(newsroom: Newsroom) -> None:
    want = expected(newsroom)
    log = newsroom.lint("sarif", *PATHS).json()
    got = []
    for result in log["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        region = location["region"]
        got.append(
            (
                unquote(location["artifactLocation"]["uri"]),
                result["ruleId"],
                region["startLine"],
                region["startColumn"],
                region["endLine"],
                region["endColumn"],
            )
        )
    assert got == positions(want)
    snippets = [
        r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]
        for r in log["runs"][0]["results"]
    ]
    assert snippets == [d["excerpt"] for d in want]


def test_github_annotations_match_json(newsroom: Newsroom) -> None:
    want = expected(newsroom)
    output = newsroom.lint("github", *PATHS)
    got = {}
    for level, props, _message in parse_commands(output.out):
        rule = props["title"].split()[0]
        line, end_line = int(props["line"]), int(props["endLine"])
        key = (props["file"], rule, line)
        if line == end_line:
            got[key] = (int(props["col"]), end_line, int(props["endColumn"]))
        else:  # GitHub takes no columns on multi-line annotations
            assert "col" not in props and "endColumn" not in props
            got[key] = (None, end_line, None)
        assert level in ("error", "warning", "notice")
    for d in want:
        column, end_line, end_column = got.pop((d["path"], d["rule"], d["line"]))
        assert end_line == d["end_line"]
        if d["line"] == d["end_line"]:
            assert (column, end_column) == (d["column"], d["end_column"])
    assert not got


def test_gitlab_lines_match_json(newsroom: Newsroom) -> None:
    want = expected(newsroom)
    issues = newsroom.lint("gitlab", *PATHS).json()
    got = [
        (
            i["location"]["path"],
            i["check_name"],
            i["location"]["lines"]["begin"],
            i["location"]["lines"]["end"],
        )
        for i in issues
    ]
    assert got == [(d["path"], d["rule"], d["line"], d["end_line"]) for d in want]


def utf8_column(path: str, line: int, column: int) -> int:
    """Column ``column`` (code points) of ``line`` in the file on disk, as a 1-based byte count."""
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    lines = text.replace("\r\n", "\n").split("\n")
    return len(lines[line - 1][: column - 1].encode("utf-8")) + 1


def test_rdjsonl_byte_columns_match_json(newsroom: Newsroom) -> None:
    want = expected(newsroom)
    output = newsroom.lint("rdjsonl", *PATHS)
    got = [json.loads(line) for line in output.out.splitlines()]
    assert len(got) == len(want)
    for d, r in zip(want, got, strict=True):
        start, end = r["location"]["range"]["start"], r["location"]["range"]["end"]
        assert (r["location"]["path"], r["code"]["value"]) == (d["path"], d["rule"])
        assert start == {
            "line": d["line"],
            "column": utf8_column(d["path"], d["line"], d["column"]),
        }
        assert end == {
            "line": d["end_line"],
            "column": utf8_column(d["path"], d["end_line"], d["end_column"]),
        }
    # Counted by hand: "Zoë Marsh, who owns the café 👍🏽, " is 35 code points and 43 bytes.
    verb = next(r for r in got if r["code"]["value"] == "VRB001")
    prefix = "Zoe\u0308 Marsh, who owns the cafe\u0301 \U0001f44d\U0001f3fd, "
    assert (len(prefix), len(prefix.encode())) == (35, 43)
    assert verb["location"]["range"]["start"] == {"line": 3, "column": 44}


def test_checkstyle_and_junit_positions_match_json(newsroom: Newsroom) -> None:
    want = expected(newsroom)
    checkstyle = ET.fromstring(newsroom.lint("checkstyle", *PATHS).out)
    got = [
        (
            f.get("name"),
            e.get("source", "").removeprefix("attrlint."),
            int(e.get("line", 0)),
            int(e.get("column", 0)),
        )
        for f in checkstyle.iter("file")
        for e in f.iter("error")
    ]
    assert got == [(d["path"], d["rule"], d["line"], d["column"]) for d in want]
    junit = ET.fromstring(newsroom.lint("junit", *PATHS).out)
    got = [
        (
            s.get("name"),
            c.get("name", "").removeprefix("attrlint."),
            int(c.get("line", 0)),
            int(c.get("column", 0)),
        )
        for s in junit.iter("testsuite")
        for c in s.iter("testcase")
    ]
    assert got == [(d["path"], d["rule"], d["line"], d["column"]) for d in want]


def test_json_lines_equal_json_diagnostics(newsroom: Newsroom) -> None:
    want = expected(newsroom)
    output = newsroom.lint("json-lines", *PATHS)
    assert [json.loads(line) for line in output.out.splitlines()] == want
