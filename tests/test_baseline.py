"""Baselines through the command line, and the fingerprints that SARIF and GitLab will reuse."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from attrlint.baseline import fingerprint, fingerprints, sentence_text
from attrlint.document import load_document
from attrlint.types import Diagnostic, Severity, Span
from tests.cli_runner import run

LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z]{3}\d{3}) \[\w+\] ")
OLD = "Experts say the harbour wall is unsafe.\n\nThe port spent £2.7m on repairs last year.\n"


def found(out: str) -> list[tuple[str, int, str]]:
    rows = [LINE.match(line) for line in out.splitlines()]
    return [(Path(m["path"]).name, int(m["line"]), m["rule"]) for m in rows if m]


@pytest.fixture(autouse=True)
def sandbox(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "drafts").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ATTRLINT_CONFIG", raising=False)
    monkeypatch.setenv("ATTRLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    return tmp_path


def test_write_then_check_reports_only_new_findings(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = sandbox / "drafts" / "harbour.md"
    story.write_text(OLD, encoding="utf-8")
    code, out, err = run(["check", "drafts", "--write-baseline", "baseline.json"], capsys)
    assert (code, out) == (0, "")
    assert "attrlint: wrote 2 findings in 1 file to baseline.json" in err
    data = json.loads((sandbox / "baseline.json").read_text("utf-8"))
    assert data["version"] == 1 and list(data["files"]) == ["drafts/harbour.md"]
    entries = data["files"]["drafts/harbour.md"]
    assert sorted(entries) == ["ATR001", "SRC001"]
    assert list(entries["SRC001"].values()) == ["Experts"]
    assert all(re.fullmatch(r"[0-9a-f]{32}", k) for marks in entries.values() for k in marks)

    assert run(["check", "drafts", "--baseline", "baseline.json"], capsys)[:2] == (0, "")
    # Lines move, a paragraph is re-wrapped, and one new finding appears.
    story.write_text(
        "# Harbour repairs\n\nThe mayor spoke on Monday, the council said.\n\n"
        "Experts   say the harbour\nwall is unsafe.\n\n"
        "The port spent £2.7m on repairs last year. Critics say the work is slow.\n",
        encoding="utf-8",
    )
    code, out, _ = run(["check", "drafts", "--baseline", "baseline.json"], capsys)
    assert code == 1 and found(out) == [("harbour.md", 8, "SRC001")]
    assert "Which critics?" in out


def test_fingerprints_count_repeated_sentences(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = sandbox / "drafts" / "repeat.md"
    story.write_text("Critics say the tram is late.\n", encoding="utf-8")
    run(["check", "drafts", "--write-baseline", "baseline.json"], capsys)
    story.write_text(
        "Critics say the tram is late.\n\nA new line.\n\nCritics say the tram is late.\n",
        encoding="utf-8",
    )
    code, out, _ = run(["check", "drafts", "--baseline", "baseline.json"], capsys)
    assert code == 1 and found(out) == [("repeat.md", 5, "SRC001")]


def test_stale_entries_are_noted_and_pruned(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = sandbox / "drafts" / "harbour.md"
    other = sandbox / "drafts" / "other.md"
    gone = sandbox / "drafts" / "gone.md"
    for path in (story, other, gone):
        path.write_text(OLD, encoding="utf-8")
    run(["check", "drafts", "--write-baseline", "baseline.json"], capsys)
    gone.unlink()
    story.write_text("Experts say the harbour wall is unsafe.\n", encoding="utf-8")
    before = (sandbox / "baseline.json").read_bytes()
    code, out, err = run(["check", "drafts/harbour.md", "--baseline", "baseline.json"], capsys)
    assert (code, out) == (0, "")
    assert "note: 3 entries in baseline.json matched no finding; --prune-baseline" in err
    assert before == (sandbox / "baseline.json").read_bytes()  # a note never rewrites the file
    # Only the SRC001 run: the ATR001 entry is not judged, so it is kept.
    argv = ["check", "drafts/harbour.md", "--baseline", "baseline.json", "--prune-baseline"]
    code, _, err = run([*argv, "--select", "SRC001"], capsys)
    assert code == 0 and "pruned 2 stale entries from baseline.json" in err
    files = json.loads((sandbox / "baseline.json").read_text("utf-8"))["files"]
    assert sorted(files) == ["drafts/harbour.md", "drafts/other.md"]  # gone.md's entries went
    assert sorted(files["drafts/harbour.md"]) == ["ATR001", "SRC001"]
    code, _, err = run(argv, capsys)
    assert code == 0 and "pruned 1 stale entry from baseline.json" in err
    files = json.loads((sandbox / "baseline.json").read_text("utf-8"))["files"]
    assert sorted(files["drafts/harbour.md"]) == ["SRC001"]
    assert sorted(files["drafts/other.md"]) == ["ATR001", "SRC001"]  # not linted: kept


def test_paths_are_relative_to_the_baseline_file(
    sandbox: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (sandbox / "drafts" / "harbour.md").write_text(OLD, encoding="utf-8")
    (sandbox / "ci").mkdir()
    run(["check", "drafts", "--write-baseline", "ci/baseline.json"], capsys)
    files = json.loads((sandbox / "ci" / "baseline.json").read_text("utf-8"))["files"]
    assert list(files) == ["../drafts/harbour.md"]
    monkeypatch.chdir(sandbox / "drafts")
    assert run(["check", ".", "--baseline", "../ci/baseline.json"], capsys)[:2] == (0, "")


def test_write_baseline_keeps_other_files_and_drops_clean_ones(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = sandbox / "drafts" / "a.md", sandbox / "drafts" / "b.md"
    a.write_text(OLD, encoding="utf-8")
    b.write_text(OLD, encoding="utf-8")
    run(["check", "drafts", "--write-baseline", "baseline.json"], capsys)
    a.write_text("The harbour master said the ferry would sail at noon.\n", encoding="utf-8")
    run(["check", "drafts/a.md", "--write-baseline", "baseline.json"], capsys)
    files = json.loads((sandbox / "baseline.json").read_text("utf-8"))["files"]
    assert list(files) == ["drafts/b.md"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "missing.json: baseline file not found"),
        ("{not json", "not an attrlint baseline (invalid JSON"),
        ('{"version": 2, "files": {}}', "version 2; this attrlint reads version 1"),
        ('{"version": 1, "files": []}', '"files" must map paths to rules'),
        ('{"version": 1, "files": {"a.md": {"SRC001": ["x"]}}}', "files.a.md.SRC001 must map"),
        ("[]", 'expected an object with "version" and "files"'),
    ],
)
def test_bad_baseline_files_exit_2(
    content: str | None, message: str, sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (sandbox / "drafts" / "harbour.md").write_text(OLD, encoding="utf-8")
    name = "missing.json" if content is None else "baseline.json"
    if content is not None:
        (sandbox / name).write_text(content, encoding="utf-8")
    code, out, err = run(["check", "drafts", "--baseline", name], capsys)
    assert code == 2 and out == "" and message in err, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    if content is not None:  # never clobbered by --write-baseline either
        code, _, err = run(["check", "drafts", "--write-baseline", name], capsys)
        assert code == 2 and message in err
        assert (sandbox / name).read_text("utf-8") == content


def test_baseline_flag_combinations(sandbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (sandbox / "drafts" / "harbour.md").write_text(OLD, encoding="utf-8")
    code, _, err = run(["check", "drafts", "--prune-baseline"], capsys)
    assert code == 2 and "--prune-baseline needs --baseline FILE" in err
    code, _, err = run(["check", "drafts", "--baseline", "a", "--write-baseline", "b"], capsys)
    assert code == 2 and "use --baseline or --write-baseline, not both" in err
    code, _, err = run(["check", "drafts", "--write-baseline", "no/such/dir/b.json"], capsys)
    assert code == 0 and (sandbox / "no/such/dir/b.json").is_file()


def _diagnostic(rule: str, start: int, end: int) -> Diagnostic:
    return Diagnostic(rule, "name", Severity.WARNING, "message", Span(start, end))


def test_fingerprint_ignores_position_wrapping_case_and_quotes() -> None:
    first = load_document("Intro.\n\nCritics say the tram is “late”.\n", "a.md")
    second = load_document(
        '# Title\n\nMore intro here.\n\ncritics   say the tram\nis "late". Then more.\n', "b.md"
    )
    a = _diagnostic("SRC001", 8, 15)
    b = _diagnostic("SRC001", 27, 34)
    assert sentence_text(first, a.span) == 'critics say the tram is "late".'
    assert sentence_text(second, b.span) == 'critics say the tram is "late".'
    assert fingerprints(first, [a]) == fingerprints(second, [b])
    assert fingerprints(first, [a])[0] == fingerprint("SRC001", "Critics say the tram is “late”.")
    assert fingerprint("SRC001", "x") != fingerprint("SRC007", "x")
    assert fingerprint("SRC001", "x", 0) != fingerprint("SRC001", "x", 1)


def test_fingerprints_number_occurrences_in_offset_order() -> None:
    document = load_document("Critics say critics say so.\n", "a.md")
    early, late = _diagnostic("SRC001", 0, 7), _diagnostic("SRC001", 12, 19)
    sentence = "critics say critics say so."
    assert fingerprints(document, [late, early]) == [
        fingerprint("SRC001", sentence, 1),
        fingerprint("SRC001", sentence, 0),
    ]
