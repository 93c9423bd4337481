"""``--format checkstyle`` and ``--format junit``: well-formed, escaped XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.report.conftest import Newsroom, json_diagnostics

# A file name with every character XML must escape, and a control character it cannot hold.
AWKWARD = 'drafts/Q&A <"rents"> \'24\x0c.md'
SEEN_AS = AWKWARD.replace("\x0c", "\ufffd")


def test_checkstyle_lists_every_file_and_finding(newsroom: Newsroom) -> None:
    newsroom.write(AWKWARD, "Rents in the old town rose by 38% this year.\n")
    paths = ("drafts/story.md", "drafts/clean.md", AWKWARD)
    want = json_diagnostics(newsroom, *paths)
    output = newsroom.lint("checkstyle", *paths)
    assert output.code == 1, output.err
    assert output.out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(output.out)
    assert root.tag == "checkstyle" and root.get("version") == "4.3"
    files = root.findall("file")
    assert [f.get("name") for f in files] == ["drafts/story.md", "drafts/clean.md", SEEN_AS]
    assert files[1].findall("error") == []  # a clean file is listed, empty
    errors = [e for f in files for e in f.findall("error")]
    assert [
        (e.get("severity"), e.get("message"), e.get("source"), e.get("line"), e.get("column"))
        for e in errors
    ] == [
        (d["severity"], d["message"], f"attrlint.{d['rule']}", str(d["line"]), str(d["column"]))
        for d in want
    ]


def test_junit_has_one_failing_case_per_finding(newsroom: Newsroom) -> None:
    newsroom.write(AWKWARD, "Rents in the old town rose by 38% this year.\n")
    paths = ("drafts/story.md", "drafts/clean.md", AWKWARD)
    want = json_diagnostics(newsroom, *paths)
    output = newsroom.lint("junit", *paths)
    assert output.code == 1, output.err
    root = ET.fromstring(output.out)
    assert root.tag == "testsuites" and root.get("name") == "attrlint"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == (
        str(len(want)),
        str(len(want)),
        "0",
    )
    suites = root.findall("testsuite")
    # Only files with findings get a suite, as in ruff.
    assert [s.get("name") for s in suites] == ["drafts/story.md", SEEN_AS]
    cases = [c for s in suites for c in s.findall("testcase")]
    assert len(cases) == len(want)
    for case, diag in zip(cases, want, strict=True):
        failure = case.find("failure")
        assert failure is not None
        assert case.get("name") == f"attrlint.{diag['rule']}"
        assert failure.get("message") == diag["message"]
        assert failure.get("type") == diag["severity"]
        assert failure.text == (
            f"line {diag['line']}, col {diag['column']}, {diag['rule']} {diag['name']}: "
            f"{diag['message']}"
        )
    assert cases[0].get("classname") == "drafts/story"
    for suite in suites:
        assert suite.get("tests") == suite.get("failures") == str(len(suite.findall("testcase")))


def test_unreadable_files(newsroom: Newsroom) -> None:
    (newsroom.root / "drafts/latin1.md").write_bytes("Caf\xe9 prices rose.\n".encode("latin-1"))
    output = newsroom.lint("checkstyle", "drafts/latin1.md", "drafts/clean.md")
    assert output.code == 2
    files = ET.fromstring(output.out).findall("file")
    assert [f.get("name") for f in files] == ["drafts/clean.md", "drafts/latin1.md"]
    exception = files[1].find("exception")
    assert exception is not None and "UTF-8" in (exception.text or "")
    output = newsroom.lint("junit", "drafts/latin1.md", "drafts/clean.md")
    root = ET.fromstring(output.out)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "0", "1")
    error = root.find("testsuite/testcase/error")
    assert error is not None and "UTF-8" in (error.get("message") or "")
