"""A bug that raises on one file (in a rule, in the analysis, in reading) is reported as an error
for that file, naming the rule where there is one (exit 2); other rules and files still report,
and nothing from the failed file is cached."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import attrlint.analysis
import attrlint.inputs
from attrlint.checks import CHECKS, CheckContext, Finding, Registered
from tests.cli_runner import run

GOOD = "The depot cost £4.2m to build. Critics say the roof leaks.\n"
CURSED = "Kaboom. The depot cost £4.2m to build. Critics say the roof leaks.\n"


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "a-good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-cursed.md").write_text(CURSED, encoding="utf-8")
    (tmp_path / "c-good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def rules_by_file(out: str) -> dict[str, set[str]]:
    return {
        Path(e["path"]).name: {d["rule"] for d in e["diagnostics"]}
        for e in json.loads(out)["files"]
    }


def test_a_rule_that_raises_on_one_file(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = CHECKS["SRC001"]

    def broken(ctx: CheckContext) -> Iterator[Finding]:
        if "Kaboom" in ctx.document.source:
            raise ZeroDivisionError("a deliberate bug")
        yield from real.check(ctx)

    monkeypatch.setitem(CHECKS, "SRC001", Registered(broken, real.needs_ner))
    cache = ["--cache-dir", str(tmp_path / "cache")]
    code, out, err = run(["check", "--format", "json", *cache, str(desk)], capsys)
    assert code == 2
    assert err.count("internal error") == 1 and "Traceback" not in err
    assert "b-cursed.md: internal error in rule SRC001: ZeroDivisionError: a deliberate bug" in err
    found = rules_by_file(out)
    assert found["a-good.md"] >= {"ATR001", "SRC001"} and found["c-good.txt"] >= {"SRC001"}
    assert "ATR001" in found["b-cursed.md"] and "SRC001" not in found["b-cursed.md"]
    (problem,) = json.loads(out)["errors"]
    assert problem["path"].endswith("b-cursed.md") and "SRC001" in problem["message"]
    # The bug fixed, the same cache re-lints the file that failed instead of serving a partial result.
    monkeypatch.setitem(CHECKS, "SRC001", real)
    code, out, err = run(["check", "--format", "json", *cache, str(desk)], capsys)
    assert code == 1 and err == ""
    assert rules_by_file(out)["b-cursed.md"] >= {"ATR001", "SRC001"}


def test_an_analysis_that_raises_on_one_file(
    desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = attrlint.analysis.analyse

    def broken(document: Any, *args: Any, **kwargs: Any) -> Any:
        if "Kaboom" in document.source:
            raise IndexError("a deliberate bug")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(attrlint.analysis, "analyse", broken)
    code, out, err = run(["check", "--no-cache", "--format", "json", str(desk)], capsys)
    assert code == 2 and "Traceback" not in err
    assert "b-cursed.md: internal error in the analysis: IndexError: a deliberate bug" in err
    found = rules_by_file(out)
    assert found["a-good.md"] >= {"ATR001", "SRC001"} and found["b-cursed.md"] == set()


def test_reading_that_raises_on_one_file(
    desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = attrlint.inputs.load

    def broken(target: attrlint.inputs.Target, *args: Any, **kwargs: Any) -> Any:
        if target.display.endswith("b-cursed.md"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(target, *args, **kwargs)

    monkeypatch.setattr(attrlint.inputs, "load", broken)
    code, out, err = run(["check", "--no-cache", "--format", "json", str(desk)], capsys)
    assert code == 2 and "Traceback" not in err
    assert "b-cursed.md: internal error: RecursionError: maximum recursion depth exceeded" in err
    assert set(rules_by_file(out)) == {"a-good.md", "c-good.txt"}
