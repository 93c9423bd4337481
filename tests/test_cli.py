"""The command line through its real entry point, on real files in temporary folders."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from attrlint.rules import data_dir
from tests.cli_runner import run

LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z]{3}\d{3}) \[(?P<sev>\w+)\] "
)
FLAGGED = "The council spent £4.2m on the new depot last year.\n"
CLEAN = "The mayor said the council would meet on Tuesday.\n"


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    return json.loads((data_dir("schemas") / "diagnostics.schema.json").read_text("utf-8"))


def test_findings_exit_1_in_gnu_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.md"
    story.write_text(FLAGGED, encoding="utf-8")
    code, out, err = run(["check", str(story)], capsys)
    assert code == 1, err
    first = out.splitlines()[0]
    match = LINE.match(first)
    assert match, first
    assert match["path"] == str(story) and match["rule"] == "ATR001"
    assert (match["line"], match["col"]) == ("1", str(FLAGGED.index("£4.2m") + 1))
    assert "\x1b[" not in out  # not a terminal: no colour


def test_clean_and_empty_files_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n\t\n", encoding="utf-8")
    code, out, err = run(["check", str(tmp_path)], capsys)
    assert (code, out, err) == (0, "", "")


def test_bad_inputs_are_reported_and_the_rest_still_linted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "a-good.md"
    good.write_text(FLAGGED, encoding="utf-8")
    (tmp_path / "b-latin1.txt").write_bytes("Caf\xe9 owners said prices rose.\n".encode("latin-1"))
    (tmp_path / "c-binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "d-dangling.md").symlink_to(tmp_path / "nowhere.md")
    code, out, err = run(["check", str(tmp_path), str(tmp_path / "missing.md")], capsys)
    assert code == 2
    assert "ATR001" in out and str(good) in out
    assert "b-latin1.txt" in err and "not valid UTF-8" in err and "0xE9" in err
    assert "c-binary.md" in err and "binary" in err
    assert "d-dangling.md" in err and "missing.md" in err
    assert "Traceback" not in err


def test_utf16_and_bom_files_are_decoded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "utf16.txt").write_bytes(FLAGGED.encode("utf-16"))
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf" + FLAGGED.encode("utf-8"))
    code, out, _ = run(["check", str(tmp_path), "--format", "json"], capsys)
    assert code == 1
    payload = json.loads(out)
    for entry in payload["files"]:
        assert [d["excerpt"] for d in entry["diagnostics"]] == ["£4.2m"]
        assert entry["diagnostics"][0]["column"] == FLAGGED.index("£4.2m") + 1


def test_stdin_with_a_display_name(capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    import io

    fake = io.TextIOWrapper(io.BytesIO(FLAGGED.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    code, out, _ = run(["check", "-", "--stdin-filename", "drafts/story.md"], capsys)
    assert code == 1
    assert out.startswith("drafts/story.md:1:")


def test_json_validates_and_excerpts_are_source_slices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], schema: dict[str, object]
) -> None:
    text = (
        "# Depot plans\r\n\r\nExperts say the depot will cost £4.2m. 🚧 It is believed 300 jobs"
        " may go.\r\n\r\n> Many residents oppose it, one reader wrote.\r\n"
    )
    story = tmp_path / "story.md"
    story.write_bytes(text.encode("utf-8"))
    code, out, _ = run(["check", str(story), "--format", "json", "--analysis"], capsys)
    assert code == 1
    payload = json.loads(out)
    jsonschema.validate(payload, schema)
    diagnostics = payload["files"][0]["diagnostics"]
    assert {d["rule"] for d in diagnostics} >= {"SRC001", "SRC005", "ATR001"}
    for diag in diagnostics:
        assert text[diag["offset"] : diag["end_offset"]] == diag["excerpt"]
    analysis = payload["files"][0]["analysis"]
    assert any(a["kind"] == "vague_group" for a in analysis["attributions"])
    assert payload["summary"]["diagnostics"] == len(diagnostics)


def test_select_and_ignore_by_id_name_and_family(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Experts say the plant is unsafe. The owners may close it next year.\n", encoding="utf-8"
    )
    _, out, _ = run(["check", str(story), "--select", "vague-source"], capsys)
    assert {LINE.match(x)["rule"] for x in out.splitlines() if LINE.match(x)} == {"SRC001"}
    _, out, _ = run(["check", str(story), "--select", "SRC,HDG001", "--ignore", "SRC001"], capsys)
    assert {LINE.match(x)["rule"] for x in out.splitlines() if LINE.match(x)} == {"HDG001"}
    code, _, err = run(["check", str(story), "--select", "XYZ999"], capsys)
    assert code == 2 and "unknown rule or family 'XYZ999'" in err


def test_exit_zero_and_fail_level(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text("The plant may close next year.\n", encoding="utf-8")  # info only
    assert run(["check", str(story)], capsys)[0] == 0
    assert run(["check", str(story), "--fail-level", "info"], capsys)[0] == 1
    story.write_text(FLAGGED, encoding="utf-8")
    assert run(["check", str(story), "--exit-zero"], capsys)[0] == 0
    assert run(["check", str(story), "--fail-level", "error"], capsys)[0] == 0


def test_colour_is_opt_in_and_no_color_wins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(FLAGGED, encoding="utf-8")
    assert "\x1b[" in run(["check", str(story), "--color", "always"], capsys)[1]
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(["check", str(story)], capsys)[1]


def test_files_are_never_modified(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.md"
    story.write_bytes(FLAGGED.encode("utf-8"))
    os.utime(story, (1_000_000_000, 1_000_000_000))
    before = (story.read_bytes(), story.stat().st_mtime_ns)
    for fmt in ("text", "json"):
        run(["check", str(story), "--format", fmt], capsys)
    assert (story.read_bytes(), story.stat().st_mtime_ns) == before


def test_folder_walk_takes_markdown_and_text_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a.md", "b.markdown", "c.txt", "d.text", "e.py", "f.html"):
        (tmp_path / name).write_text(FLAGGED, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text(FLAGGED, encoding="utf-8")
    _, out, _ = run(["check", str(tmp_path), str(tmp_path / "a.md")], capsys)
    paths = sorted({Path(LINE.match(x)["path"]).name for x in out.splitlines() if LINE.match(x)})
    assert paths == ["a.md", "b.markdown", "c.txt", "d.text"]


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", "--format", "json"], capsys)
    listed = json.loads(out)
    assert code == 0 and {r["id"] for r in listed} >= {"ATR001", "SRC001", "VRB001"}
    assert all({"id", "name", "family", "severity", "enabled", "summary"} <= set(r) for r in listed)
    code, out, _ = run(["explain", "unattributed-number"], capsys)
    assert code == 0 and "ATR001" in out and "Reuters" in out and "✗" in out and "✓" in out
    code, _, err = run(["explain", "NOPE001"], capsys)
    assert code == 2 and "NOPE001" in err


def test_missing_model_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    import importlib.util

    from attrlint import nlp

    real = importlib.util.find_spec
    monkeypatch.setattr(
        nlp.importlib.util, "find_spec", lambda name, *a: None if "core_web" in name else real(name)
    )
    story = tmp_path / "story.md"
    story.write_text(FLAGGED, encoding="utf-8")
    code, out, err = run(["check", str(story)], capsys)
    assert code == 2 and out == ""
    assert "no spaCy English model is installed" in err and "pip install" in err


def test_console_script_and_module_agree() -> None:
    module = subprocess.run(
        [sys.executable, "-m", "attrlint", "--version"], capture_output=True, text=True, check=False
    )
    assert module.returncode == 0 and module.stdout.startswith("attrlint, version 0.1.0")
    usage = subprocess.run(
        [sys.executable, "-m", "attrlint", "check", "--format", "nope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_sources_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.md"
    story.write_text(
        "Councillor Amira Haddad said the depot would close. Experts say the site is unsafe.\n\n"
        '"We will fight it," Haddad said. A person familiar with the plans said talks had failed.\n',
        encoding="utf-8",
    )
    code, out, _ = run(["sources", str(story)], capsys)
    assert code == 0
    assert "Amira Haddad" in out and "named person" in out and "vague group" in out
    assert "3 sources: 1 named or described, 1 vague, 1 anonymous" in out
    code, out, _ = run(["sources", str(story), "--format", "json"], capsys)
    ledger = json.loads(out)[0]["sources"]
    haddad = next(s for s in ledger if s["name"] == "Amira Haddad")
    assert (haddad["statements"], haddad["quotes"]) == (2, 1)


def test_sources_ledger_lists_an_outlet_once_and_as_an_outlet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.md"
    story.write_text(
        "In a Daily Courier report, it was revealed that the port had been closed for a week.\n\n"
        "The harbour master was quoted by the Daily Courier as saying, "
        '"We have never seen it so quiet."\n\n'
        "The Associated Press reported that ferries were cancelled. A ferry captain was quoted by "
        "the AP as saying the sea was too rough.\n",
        encoding="utf-8",
    )
    code, out, _ = run(["sources", str(story), "--format", "json"], capsys)
    assert code == 0
    ledger = json.loads(out)[0]["sources"]
    # first met as a report's owner, then quoting someone: one outlet, with and without "the"
    (courier,) = [s for s in ledger if "daily courier" in s["name"].lower()]
    assert (courier["kind"], courier["statements"]) == ("named_organisation", 2)
    # an acronym is the name it spells
    (press,) = [s for s in ledger if "press" in s["name"].lower() or s["name"].endswith("AP")]
    assert (press["name"], press["statements"]) == ("The Associated Press", 2)


# (story, the ledger's names): acronyms join a body's name either way round, never a person's
ACRONYMS = [
    (
        "The AP reported that ferries were cancelled. The Associated Press later said the port "
        "was shut.",
        ["The AP"],
    ),
    (
        "The Harbour Safety Agency (HSA) said the port was shut. The HSA said it would reopen.",
        ["The Harbour Safety Agency (HSA)"],
    ),
    (
        "Ann Price said the ferry was late. The AP reported that three sailings were cancelled.",
        ["Ann Price", "The AP"],
    ),
]


@pytest.mark.parametrize(("text", "names"), ACRONYMS)
def test_sources_ledger_joins_an_acronym_to_its_body_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, names: list[str]
) -> None:
    story = tmp_path / "story.md"
    story.write_text(text + "\n", encoding="utf-8")
    code, out, _ = run(["sources", str(story), "--format", "json"], capsys)
    assert code == 0
    assert [s["name"] for s in json.loads(out)[0]["sources"]] == names


def test_rules_markdown_writes_the_reference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "rules.md"
    assert run(["rules", "--format", "markdown", "-o", str(target)], capsys)[0] == 0
    text = target.read_text("utf-8")
    assert text.startswith("# attrlint rules") and "### VRB004" in text and "off by default" in text


def test_output_file_and_format_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "story.md"
    story.write_text(FLAGGED, encoding="utf-8")
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    monkeypatch.setenv("ATTRLINT_OUTPUT_FORMAT", "json")
    code, out, _ = run(["check", "--no-cache", "-o", str(report), str(story)], capsys)
    assert code == 1 and out == ""
    payload = json.loads(report.read_text("utf-8"))
    assert [d["rule"] for f in payload["files"] for d in f["diagnostics"]] == ["ATR001"]
    assert list(report.parent.iterdir()) == [report]  # no temporary file left behind
    code, out, _ = run(["check", "--no-cache", "--format", "text", str(story)], capsys)
    assert LINE.match(out.splitlines()[0])  # the option beats the environment
    code, _, err = run(
        ["check", "--no-cache", "-o", str(tmp_path / "nope" / "r"), str(story)], capsys
    )
    assert code == 2 and "nope" in err and "Traceback" not in err
