"""Malformed configuration and front matter: read safely (no objects built from YAML), within
size, depth and alias limits, with a clear error naming the file, never a traceback or a hang."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.cli_runner import run
from tests.robustness.conftest import assert_clean_error, deadline

STORY = "The depot cost £4.2m to build. Critics say the roof leaks.\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ATTRLINT_CONFIG", raising=False)
    return tmp_path


BAD_CONFIGS = {
    "syntax": (b"select = [SRC001\n", "invalid TOML"),
    "string-for-list": (b'select = "SRC001"\n', "select: expected a list, got the string"),
    "number-for-globs": (b"exclude = 5\n", "exclude: expected a list, got the number 5"),
    "list-for-table": (b'per-file-ignores = ["x"]\n', "per-file-ignores: expected a table"),
    "bad-severity": (b"[severity]\nSRC001 = 3\n", "severity.SRC001"),
    "unknown-key": (b"selct = []\n", "unknown key 'selct' (did you mean 'select'?)"),
    "deep-arrays": (b"select = " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply"),
    "deep-tables": (b"select = " + b"{a=" * 3000 + b"1" + b"}" * 3000 + b"\n", "nested too"),
    "moderately-deep": (b"select = " + b"[" * 40 + b"]" * 40 + b"\n", "nested more than 16"),
    "latin-1": ("# Café\nselect = []\n".encode("latin-1"), "not valid UTF-8"),
    "huge": (b"# " + b"x" * (2 * 1024 * 1024) + b"\n", "too large (over 1 MiB)"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00", "not valid UTF-8"),
}


@pytest.mark.parametrize("case", sorted(BAD_CONFIGS))
def test_a_bad_configuration_file_is_a_clear_error(
    repo: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    data, reason = BAD_CONFIGS[case]
    (repo / ".attrlint.toml").write_bytes(data)
    with deadline(30):
        code, out, err = run(["check", "--no-cache", "story.md"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("attrlint: error: .attrlint.toml: "), err
    assert reason in err and "Traceback" not in err and "internal error" not in err


def test_bad_pyproject_table(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text("[tool.attrlint]\nselect = [1]\n", encoding="utf-8")
    code, _, err = run(["check", "--no-cache", "story.md"], capsys)
    assert code == 2 and "pyproject.toml: tool.attrlint.select[0]: expected a string" in err


@pytest.mark.skipif(os.name != "posix", reason="named pipes")
def test_a_configuration_that_is_a_pipe_does_not_block(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(repo / "piped.toml")
    with deadline(30):
        code, _, err = run(["check", "--no-cache", "--config", "piped.toml", "story.md"], capsys)
    assert code == 2 and "piped.toml: cannot read: not a regular file (a named pipe)" in err


def _bomb(levels: int = 9, key: str = "extend-select") -> str:
    """Front matter whose last anchor expands to 10**levels values ("billion laughs")."""
    lines = ["lol0: &a0 [SRC001, SRC001, SRC001, SRC001, SRC001, SRC001, SRC001, SRC001, SRC001]"]
    for level in range(1, levels + 1):
        lines.append(f"lol{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    lines.append(f"attrlint:\n  {key}: *a{levels}")
    return "\n".join(lines)


MARKER = "attrlint-robustness-marker"
BAD_FRONT_MATTER = {
    "not-a-table": ("attrlint: 5", "front matter: attrlint: expected a table, got the number 5"),
    "string-for-list": ("attrlint:\n  ignore: SRC001", "attrlint.ignore: expected a list"),
    "list-for-string": (
        "attrlint:\n  profile: [news]",
        "attrlint.profile: ['news'] is not allowed",
    ),
    "unknown-rule": ("attrlint:\n  ignore: [SRC999]", "unknown rule or family 'SRC999'"),
    "invalid-yaml": ("attrlint: [unclosed", "front matter: not valid YAML"),
    "python-tag": (
        f"attrlint: !!python/object/apply:pathlib.Path.touch [{MARKER}]",
        "front matter: not valid YAML",
    ),
    "alias-bomb": (_bomb(), "more than 10000 values once its aliases are expanded"),
    "recursive-alias": ("attrlint: &loop\n  ignore: [*loop]", "refers to a value that contains it"),
    "deep": ("attrlint:\n  ignore: " + "[" * 3000 + "]" * 3000, "nested more than 64 levels"),
    "huge": ("attrlint:\n  ignore: [" + "SRC001, " * 40_000 + "]", "too long"),
}


def test_bad_front_matter_fails_that_file_only(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, (yaml_text, _) in BAD_FRONT_MATTER.items():
        (repo / f"{name}.md").write_text(f"---\n{yaml_text}\n---\n{STORY}", encoding="utf-8")
    # An alias bomb in front matter without attrlint settings is never parsed at all.
    harmless = _bomb(key="tags").replace("attrlint:", "other:")
    (repo / "other-bomb.md").write_text(f"---\n{harmless}\n---\n{STORY}", encoding="utf-8")
    with deadline(60):
        code, out, err = run(["check", "--no-cache", "--format", "json", "."], capsys)
    assert code == 2
    assert_clean_error(err, *(f"{name}.md" for name in BAD_FRONT_MATTER))
    for name, (_, reason) in BAD_FRONT_MATTER.items():
        line = next(line for line in err.splitlines() if f"{name}.md:" in line)
        assert reason in line, (name, line)
    linted = {Path(e["path"]).name for e in json.loads(out)["files"]}
    assert linted == {"story.md", "other-bomb.md"}
    assert not (repo / MARKER).exists() and not Path(MARKER).exists()


def test_aliases_within_bounds_still_work(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "story.md").write_text(
        f"---\nquiet: &quiet [SRC001]\nattrlint:\n  ignore: *quiet\n---\n{STORY}", encoding="utf-8"
    )
    code, out, err = run(["check", "--no-cache", "--format", "json", "story.md"], capsys)
    assert code == 1, err
    rules = {d["rule"] for e in json.loads(out)["files"] for d in e["diagnostics"]}
    assert "ATR001" in rules and "SRC001" not in rules
