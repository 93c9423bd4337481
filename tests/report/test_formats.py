"""Every format: a valid empty document when nothing is found; env var and ``-o`` agree."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from attrlint.report import FORMATS
from tests.cli_runner import run
from tests.report.conftest import Newsroom

MACHINE = [f for f in FORMATS if f != "text"]


def test_all_ci_formats_are_registered() -> None:
    assert {"sarif", "github", "gitlab", "rdjsonl", "checkstyle", "junit", "json-lines"} <= set(
        FORMATS
    )


@pytest.mark.parametrize("fmt", MACHINE)
def test_nothing_found_is_a_valid_empty_document(newsroom: Newsroom, fmt: str) -> None:
    output = newsroom.lint(fmt, "drafts/clean.md")
    assert (output.code, output.err) == (0, ""), output.err
    out = output.out
    if fmt in ("github", "rdjsonl", "json-lines"):
        assert out == ""  # line formats: no lines
    elif fmt == "gitlab":
        assert json.loads(out) == []
    elif fmt == "json":
        assert json.loads(out)["summary"]["diagnostics"] == 0
    elif fmt == "sarif":
        assert json.loads(out)["runs"][0]["results"] == []
    elif fmt == "checkstyle":
        root = ET.fromstring(out)
        assert [f.get("name") for f in root] == ["drafts/clean.md"]
        assert list(root.iter("error")) == []
    elif fmt == "junit":
        root = ET.fromstring(out)
        [suite] = root.findall("testsuite")
        [case] = suite.findall("testcase")
        assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "0", "0")
        assert case.get("name") == "No errors found" and list(case) == []
    else:
        pytest.fail(f"no emptiness check for {fmt}")


@pytest.mark.parametrize("fmt", ["sarif", "gitlab", "junit"])
def test_environment_variable_and_output_file(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    direct = newsroom.lint(fmt, "drafts/wire.txt")
    monkeypatch.setenv("ATTRLINT_OUTPUT_FORMAT", fmt)
    code, out, err = run(["check", "drafts/wire.txt"], newsroom.capsys)
    assert (code, out) == (1, direct.out), err
    target = Path("report.out")
    written = newsroom.lint(fmt, "drafts/wire.txt", extra=("-o", str(target)))
    assert (written.code, written.out) == (1, "")
    assert target.read_text("utf-8") == direct.out


def test_readme_lists_every_format() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    section = readme.split("\n## Editors and CI\n", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `([\w-]+)` \|", section, re.MULTILINE)
    assert listed == list(FORMATS)
