"""Inline suppression comments and LNT001, through the command line on real files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from attrlint.rules import RuleSpec, data_dir, load_rules
from tests.cli_runner import run

LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z]{3}\d{3}) \[\w+\] ")
MARK = re.compile(r"\[\[(.+?)\]\]")
LNT001 = next(r for r in load_rules() if r.id == "LNT001")


@pytest.fixture(autouse=True)
def sandbox(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ATTRLINT_CONFIG", raising=False)
    monkeypatch.setenv("ATTRLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    return tmp_path


def lint(
    sandbox: Path, name: str, text: str, capsys: pytest.CaptureFixture[str], *flags: str
) -> list[tuple[int, int, str]]:
    """``(line, column, rule)`` of each finding in one file."""
    (sandbox / name).write_text(text, encoding="utf-8")
    code, out, err = run(["check", name, *flags], capsys)
    assert code in (0, 1), err
    rows = [LINE.match(line) for line in out.splitlines()]
    return [(int(m["line"]), int(m["col"]), m["rule"]) for m in rows if m]


def test_disable_and_enable_regions(sandbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "<!-- attrlint-disable -->\n"
        "Experts say the ferry is unsafe. The tram may stop.\n"
        "<!-- attrlint-enable SRC001 -->\n"
        "Critics say the bus may stop.\n"
        "<!-- attrlint-enable -->\n"
        "Observers say the bridge is shut. The pier may close.\n"
        "\n"
        "<!-- attrlint-disable vague-source, HDG -- the sources are named in the box below -->\n"
        "Analysts say the toll may rise.\n"
    )
    assert lint(sandbox, "s.md", text, capsys, "--ignore", "LNT001") == [
        (4, 1, "SRC001"),
        (6, 1, "SRC001"),
        (6, 44, "HDG001"),
    ]


def test_disable_next_line_line_and_file(sandbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "<!-- attrlint-disable-file VRB001 -->\n"
        "\n"
        "<!-- attrlint-disable-next-line SRC001 -- source protected, approved by the editor -->\n"
        "Experts say the ferry is unsafe.\n"
        "Critics say the tram is late.\n"
        "\n"
        "The bakery may close. <!-- attrlint-disable-line HDG001 -->\n"
        "The minister admitted the budget was late.\n"
    )
    assert lint(sandbox, "s.md", text, capsys) == [(5, 1, "SRC001")]


def test_plain_text_hash_lines_and_html_comments(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "# attrlint-disable-next-line SRC001\n"
        "Experts say the ferry is unsafe.\n"
        "Critics say the tram is late.\n"
        "<!-- attrlint-disable HDG001 -->\n"
        "The bakery may close.\n"
        "  # attrlint-enable HDG001\n"
        "The mill may close.\n"
    )
    assert lint(sandbox, "s.txt", text, capsys) == [(3, 1, "SRC001"), (7, 10, "HDG001")]
    # In Markdown a "#" line is a heading, not a directive.
    found = lint(
        sandbox, "s.md", "# attrlint-disable-file SRC001\n\nCritics say the tram is late.\n", capsys
    )
    assert [rule for _, _, rule in found] == ["SRC001"]


def test_comments_in_code_are_not_directives(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "```\n<!-- attrlint-disable-file -->\n```\n\nCritics say the tram is late.\n"
    assert [r for _, _, r in lint(sandbox, "s.md", text, capsys)] == ["SRC001"]


def test_unused_suppressions_are_reported_unless_ignored(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "<!-- attrlint-disable-next-line SRC001, HDG001 -->\n"
        "Critics say the tram is late.\n"
        "\n"
        "<!-- attrlint-disable-next-line ATR001 -->\n"
        "The harbour master said the ferry would sail at noon.\n"
        "\n"
        "<!-- attrlint-disable-file SRC011, vague-sauce -->\n"
        "<!-- attrlint-disabel HDG001 -->\n"
        "<!-- attrlint-enable -->\n"
        "<!-- attrlint-disable -->\n"
        "<!-- a note for the editor, not a directive -->\n"
    )
    assert lint(sandbox, "s.md", text, capsys, "--ignore", "LNT001") == []
    found = lint(sandbox, "s.md", text, capsys)
    assert found == [(line, 1, "LNT001") for line in (1, 4, 7, 8, 9, 10)]
    out = run(["check", "s.md", "--extend-select", "unused-suppression"], capsys)[1]
    lines = out.splitlines()
    assert lines[0].endswith(
        "LNT001 [warning] Suppression of HDG001 suppresses nothing here: remove it, "
        "or fix its rule list."
    )
    assert "Suppression of ATR001 suppresses nothing" in lines[1]
    assert "Unknown rule 'SRC011', 'vague-sauce' in a suppression comment" in lines[2]
    assert 'Unknown directive "attrlint-disabel"' in lines[3]
    assert '"attrlint-enable" re-enables nothing' in lines[4]
    assert "Suppression of all rules suppresses nothing" in lines[5]


def test_a_suppression_of_a_rule_that_is_not_enabled_is_unused(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "<!-- attrlint-disable-next-line HDG001 -->\nThe bakery may close.\n"
    assert lint(sandbox, "s.md", text, capsys, "--extend-select", "LNT") == []
    found = lint(sandbox, "s.md", text, capsys, "--select", "SRC,LNT001")
    assert found == [(1, 1, "LNT001")]


def test_unused_suppression_findings_can_themselves_be_suppressed(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "<!-- attrlint-disable-file LNT001 -->\n"
        "<!-- attrlint-disable-next-line SRC001 -->\n"
        "The harbour master said the ferry would sail at noon.\n"
    )
    assert lint(sandbox, "s.md", text, capsys, "--extend-select", "LNT001") == []
    assert lint(sandbox, "s.md", text, capsys, "--extend-select", "LNT001", "--ignore", "LNT") == []


def test_json_output_with_lnt001_validates(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Critics say the tram is late.\n\n<!-- attrlint-disable-line VRB001 -->\n"
    (sandbox / "s.md").write_text(text, encoding="utf-8")
    code, out, _ = run(["check", "s.md", "--format", "json", "--extend-select", "LNT001"], capsys)
    payload = json.loads(out)
    schema = json.loads((data_dir("schemas") / "diagnostics.schema.json").read_text("utf-8"))
    jsonschema.validate(payload, schema)
    unused = [d for d in payload["files"][0]["diagnostics"] if d["rule"] == "LNT001"]
    assert code == 1 and len(unused) == 1
    assert unused[0]["excerpt"] == "<!-- attrlint-disable-line VRB001 -->"
    end = 1 + len("<!-- attrlint-disable-line VRB001 -->")
    assert (unused[0]["line"], unused[0]["column"], unused[0]["end_column"]) == (3, 1, end)


def _unmark(text: str) -> tuple[str, list[tuple[int, int]]]:
    spans: list[tuple[int, int]] = []
    plain, last = "", 0
    for match in MARK.finditer(text):
        plain += text[last : match.start()]
        spans.append((len(plain), len(plain) + len(match.group(1))))
        plain += match.group(1)
        last = match.end()
    return plain + text[last:], spans


@pytest.mark.parametrize(
    ("kind", "index"),
    [("bad", i) for i in range(len(LNT001.bad))] + [("good", i) for i in range(len(LNT001.good))],
)
def test_lnt001_record_examples(
    kind: str, index: int, sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec: RuleSpec = LNT001
    text, marked = _unmark(getattr(spec, kind)[index].text)
    (sandbox / "example.md").write_text(text, encoding="utf-8")
    code, out, err = run(["check", "example.md", "--select", "ALL", "--format", "json"], capsys)
    assert code in (0, 1), err
    spans = [
        (d["offset"], d["end_offset"])
        for d in json.loads(out)["files"][0]["diagnostics"]
        if d["rule"] == "LNT001"
    ]
    if kind == "bad":
        assert spans and all(span in spans for span in marked), (text, spans)
    else:
        assert spans == [], text
