"""Odd files and paths: nothing to lint, files that vanish or change kind mid-run, pipes and
devices, symlink loops, and the same file named twice (linted once, as ruff does)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import attrlint.inputs
from attrlint.errors import InputError
from attrlint.inputs import Target, collect, load
from tests.cli_runner import run
from tests.robustness.conftest import assert_clean_error, deadline

STORY = "The depot cost £4.2m to build. Critics say the roof leaks.\n"
POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="POSIX file types")


def names(out: str) -> list[str]:
    return [Path(entry["path"]).name for entry in json.loads(out)["files"]]


def test_files_with_nothing_to_lint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    contents = {
        "empty.md": b"",
        "spaces.md": b"   \n\t\n\r\n\x0c\n",
        "bom-only.md": b"\xef\xbb\xbf",
        "front-matter-only.md": b"---\ntitle: Budget\nattrlint:\n  ignore: [SRC001]\n---\n",
        "unclosed-front-matter.md": b"---\ntitle: Budget\n",
        "front-matter-only.txt": b"---\ntitle: Budget\n---",
        "comment-only.md": b"<!-- a note to the desk -->\n",
        "code-only.md": b"```\nExperts say 40% may go.\n```\n",
    }
    for name, data in contents.items():
        (tmp_path / name).write_bytes(data)
    code, out, err = run(["check", "--format", "json", str(tmp_path)], capsys)
    assert (code, err) == (0, ""), err
    payload = json.loads(out)
    assert sorted(names(out)) == sorted(contents)
    assert payload["summary"]["diagnostics"] == 0


Change = Callable[[Path], None]


def _to_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _to_loop(path: Path) -> None:
    path.unlink()
    path.symlink_to(path.name)


def _to_pipe(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _to_empty(path: Path) -> None:
    path.write_bytes(b"")


CHANGES: dict[str, tuple[Change, str | None]] = {
    "deleted": (Path.unlink, "No such file or directory"),
    "now-a-folder": (_to_folder, "is a directory"),
    "now-a-symlink-loop": (_to_loop, "Too many levels of symbolic links"),
    "now-a-pipe": (_to_pipe, "not a regular file (a named pipe)"),
    "emptied": (_to_empty, None),
}


@POSIX_ONLY
def test_files_that_change_after_they_were_collected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run lists the folder, then each file is deleted or replaced before it is read."""
    for name in [*CHANGES, "steady"]:
        (tmp_path / f"{name}.md").write_text(STORY, encoding="utf-8")
    real_collect = attrlint.inputs.collect

    def collect_then_change(*args: object, **kwargs: object) -> tuple[list[Target], list[object]]:
        found = real_collect(*args, **kwargs)  # type: ignore[arg-type]
        for name, (change, _) in CHANGES.items():
            change(tmp_path / f"{name}.md")
        return found  # type: ignore[return-value]

    monkeypatch.setattr(attrlint.inputs, "collect", collect_then_change)
    with deadline(60):  # a pipe with no writer must not block the read
        code, out, err = run(["check", "--format", "json", str(tmp_path)], capsys)
    assert code == 2
    assert_clean_error(err, *(f"{n}.md" for n, (_, reason) in CHANGES.items() if reason))
    for name, (_, reason) in CHANGES.items():
        if reason is not None:
            assert f"{name}.md: {reason}" in err, (name, err)
    linted = names(out)
    assert "steady.md" in linted and "emptied.md" in linted
    steady = next(e for e in json.loads(out)["files"] if e["path"].endswith("steady.md"))
    assert {d["rule"] for d in steady["diagnostics"]} >= {"ATR001", "SRC001"}


def test_load_reports_a_file_removed_after_collect(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text(STORY, encoding="utf-8")
    (target,), errors = collect([str(tmp_path)], None)
    assert not errors
    story.unlink()
    with pytest.raises(InputError) as caught:
        load(target)
    assert caught.value.path == str(story) and "No such file" in caught.value.reason


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_a_file_made_unreadable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked.md"
    locked.write_text(STORY, encoding="utf-8")
    (tmp_path / "open.md").write_text(STORY, encoding="utf-8")
    locked.chmod(0)
    try:
        code, out, err = run(["check", "--format", "json", str(tmp_path)], capsys)
    finally:
        locked.chmod(0o600)
    assert code == 2 and "locked.md: Permission denied" in err
    assert names(out) == ["open.md"]


@POSIX_ONLY
def test_pipes_devices_and_oversized_files_are_refused_without_blocking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    os.mkfifo(tmp_path / ".gitignore")  # read for every folder walked: must not block either
    (tmp_path / "zeros.md").symlink_to("/dev/zero")
    with open(tmp_path / "huge.md", "wb") as handle:  # sparse: no disk space used
        handle.truncate(65 * 1024 * 1024)
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    with deadline(60):
        code, out, err = run(["check", "--format", "json", str(tmp_path)], capsys)
    assert code == 2
    assert_clean_error(err, "pipe.md", "zeros.md", "huge.md")
    assert "pipe.md: not a regular file (a named pipe)" in err
    assert "zeros.md: not a regular file (a character device)" in err
    assert "huge.md: too large (over 64 MiB)" in err
    assert names(out) == ["story.md"]


@POSIX_ONLY
def test_symlink_loops(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = tmp_path / "tree"
    (tree / "desk").mkdir(parents=True)
    (tree / "desk" / "story.md").write_text(STORY, encoding="utf-8")
    (tree / "desk" / "up.d").symlink_to("..")  # a folder loop: folder links are not followed
    (tree / "round").symlink_to("round")  # a link to itself
    (tree / "a.md").symlink_to("b.md")  # two links that point at each other
    (tree / "b.md").symlink_to("a.md")
    (tmp_path / "self").symlink_to("self")
    with deadline(60):
        code, out, err = run(
            ["check", "--format", "json", str(tree), str(tmp_path / "self")], capsys
        )
    assert code == 2
    assert_clean_error(err, "a.md", "b.md", "self")
    assert names(out) == ["story.md"]  # found once, not again through up.d


def test_the_same_file_named_twice_is_linted_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "story.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "alias.md").symlink_to(desk / "story.md")
    monkeypatch.chdir(tmp_path)
    argv = ["desk/story.md", "desk/story.md", "./desk/story.md", "desk/../desk/story.md"]
    argv += ["desk", str(desk / "story.md"), "alias.md"]
    code, out, err = run(["check", "--format", "json", *argv], capsys)
    assert code == 1, err
    payload = json.loads(out)
    assert [e["path"] for e in payload["files"]] == ["desk/story.md"]
    once = payload["summary"]["diagnostics"]
    code, text, _ = run(["check", *argv], capsys)
    lines = [line for line in text.splitlines() if line.startswith("desk/story.md:")]
    assert len(lines) == len(set(lines)) == once
