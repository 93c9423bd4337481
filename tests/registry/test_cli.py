"""The registry through the command line: configuration, --registry, the cache, --summary,
`attrlint sources` and `attrlint registry check`, on real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from attrlint.rules import data_dir
from tests.cli_runner import run

STORY = (
    "The pier will close in May, the Gossip Gazette reported. WhisperNet said 300 people had "
    "signed a petition.\n\nThe mayor, Ruth Okafor, said the board would meet in March. "
    "Officials said the vote would be close.\n"
)


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.md"
    path.write_text(STORY, encoding="utf-8")
    return path


def _rules(out: str) -> list[str]:
    return [line.split(": ", 1)[1].split()[0] for line in out.splitlines() if ": REL" in line]


def test_registry_from_the_configuration_is_relative_to_it(
    tmp_path: Path,
    story: Path,
    registry_file: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "desk").mkdir()
    registry_file.rename(tmp_path / "desk" / "sources.yaml")
    (tmp_path / "attrlint.toml").write_text('registry = "desk/sources.yaml"\n', encoding="utf-8")
    (tmp_path / ".git").mkdir()  # the repository root: discovery stops here
    monkeypatch.chdir(tmp_path / "desk")
    code, out, err = run(["check", str(story), "--select", "REL"], capsys)
    assert code == 1, err
    assert _rules(out) == ["REL001", "REL002"]
    assert 'entry "gossip-gazette"' in out and 'entry "whisper-net"' in out


def test_registry_option_and_no_registry(
    story: Path, registry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        ["check", str(story), "--select", "REL", "--registry", str(registry_file)], capsys
    )
    assert code == 1 and _rules(out) == ["REL001", "REL002"]
    code, out, err = run(["check", str(story), "--select", "REL", "--isolated"], capsys)
    assert (code, out) == (0, "")
    assert "the REL rules need a source registry" in err


def test_an_invalid_registry_stops_the_run(
    story: Path, write, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write("sources:\n  - id: a\n    names: [A Post]\n    tier: shaky\n", "bad.yaml")
    code, out, err = run(["check", str(story), "--registry", str(bad)], capsys)
    assert code == 2 and out == ""
    assert "bad.yaml:4: entry 'a': sources[0].tier: 'shaky' is not allowed" in err
    assert "Traceback" not in err
    code, _, err = run(["check", str(story), "--registry", str(bad.parent / "none.yaml")], capsys)
    assert code == 2 and "registry file not found" in err


def test_editing_the_registry_invalidates_the_cache(
    tmp_path: Path, story: Path, registry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["check", str(story), "--select", "REL001", "--registry", str(registry_file)]
    argv += ["--cache-dir", str(tmp_path / "cache")]
    first = run(argv, capsys)
    assert first[0] == 1 and _rules(first[1]) == ["REL001"]
    assert any((tmp_path / "cache").rglob("*.json"))
    assert run(argv, capsys) == first  # from the cache
    text = registry_file.read_text("utf-8")
    registry_file.write_text(text.replace("tier: deprecated", "tier: reliable"), encoding="utf-8")
    code, out, _ = run(argv, capsys)
    assert (code, out) == (0, "")
    registry_file.write_text(text, encoding="utf-8")
    assert run(argv, capsys) == first


def test_summary_ends_the_text_report_with_a_sourcing_line(
    story: Path, registry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", str(story), "--registry", str(registry_file), "--summary"], capsys)
    assert code == 1
    assert out.splitlines()[-1] == (
        f"{story}: 4 sources: 3 named or described, 1 vague, 0 anonymous; "
        "2 unreliable (gossip-gazette: deprecated, whisper-net: unreliable)"
    )
    code, out, _ = run(
        ["check", str(story), "--summary", "--isolated", "--select", "SRC001"], capsys
    )
    assert out.splitlines()[-1].endswith("1 vague, 0 anonymous; no source registry")
    code, _, err = run(["check", str(story), "--summary", "--format", "json"], capsys)
    assert code == 2 and "--summary" in err


def test_sources_table_and_json_show_entries_and_tiers(
    story: Path, registry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["sources", str(story), "--registry", str(registry_file)], capsys)
    assert code == 0
    rows = {line.split()[-1]: line for line in out.splitlines() if line.startswith("  ")}
    assert "gossip-gazette" in rows["(deprecated)"] and "WhisperNet" in rows["(unreliable)"]
    assert "Ruth Okafor" in out and out.count("  -\n") == 2  # unmatched sources
    assert "2 unreliable (gossip-gazette: deprecated, whisper-net: unreliable)" in out
    code, out, _ = run(
        ["sources", str(story), "--registry", str(registry_file), "--format", "json"], capsys
    )
    (entry,) = json.loads(out)
    tiers = {s["name"]: (s["registry"], s["tier"]) for s in entry["sources"]}
    assert tiers["WhisperNet"] == ("whisper-net", "unreliable")
    assert tiers["Officials"] == (None, None)


def test_analysis_json_carries_registry_fields_and_validates(
    story: Path, registry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["check", str(story), "--format", "json", "--analysis", "--registry", str(registry_file)]
    _, out, _ = run(argv, capsys)
    payload = json.loads(out)
    schema = json.loads((data_dir("schemas") / "diagnostics.schema.json").read_text("utf-8"))
    jsonschema.validate(payload, schema)
    analysis = payload["files"][0]["analysis"]
    assert {(r["registry"], r["origin"], r["text"]) for r in analysis["references"]} == {
        ("gossip-gazette", "source", "Gossip Gazette"),
        ("whisper-net", "source", "WhisperNet"),
    }
    assert {s["tier"] for s in analysis["sources"]} == {"deprecated", "unreliable", None}


def test_registry_check_exit_codes_and_output(
    registry_file: Path, write, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = write(
        "sources:\n  - id: a\n    names: [Alpha Post]\n    tier: reliable\n    reviewed: 2026-01-01\n",
        "clean.yaml",
    )
    code, out, _ = run(["registry", "check", str(clean), "--today", "2026-06-01"], capsys)
    assert (code, out) == (0, f"{clean}: 1 entry; no problems\n")
    code, out, _ = run(["registry", "check", str(clean), "--today", "2027-06-01"], capsys)
    assert code == 1
    assert f"{clean}:2:1: [warning] a: last reviewed 2026-01-01, 516 days ago" in out
    shared = write(
        "sources:\n  - id: a\n    names: [Alpha Post]\n    tier: reliable\n    reviewed: 2026-01-01\n"
        "  - id: b\n    names: [alpha post]\n    tier: mixed\n    derives_from: [zeta]\n"
        "    reviewed: 2026-01-01\n",
        "shared.yaml",
    )
    code, out, _ = run(
        ["registry", "check", str(shared), "--today", "2026-02-01", "--format", "json"], capsys
    )
    assert code == 1
    payload = json.loads(out)
    assert payload["summary"] == {"errors": 2, "warnings": 0, "info": 0}
    assert [p["entry"] for p in payload["problems"]] == ["b", "b"]
    invalid = write("sources:\n  - id: A\n    names: [x]\n    tier: mixed\n", "invalid.yaml")
    code, out, err = run(["registry", "check", str(invalid)], capsys)
    assert code == 2 and out == "" and "invalid.yaml:2:" in err and "sources[0].id" in err
    # the entries with no review date are noted, not failed
    code, out, _ = run(["registry", "check", str(registry_file), "--today", "2026-02-01"], capsys)
    assert code == 0 and "[info] tidewater-courier: no `reviewed` date" in out


def test_explain_says_the_rel_rules_need_a_registry(capsys: pytest.CaptureFixture[str]) -> None:
    for rule in ("REL001", "REL002", "REL003", "REL004"):
        code, out, _ = run(["explain", rule], capsys)
        assert code == 0
        assert "With no registry configured this rule reports nothing" in " ".join(out.split())


def test_a_cached_run_with_a_registry_imports_neither_spacy_nor_jsonschema(
    tmp_path: Path, story: Path, registry_file: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATTRLINT_")}
    command = [sys.executable, "-X", "importtime", "-m", "attrlint", "check", str(story)]
    command += ["--registry", str(registry_file), "--cache-dir", str(tmp_path / "cache")]
    cold = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert cold.returncode == 1 and _rules(cold.stdout) == ["REL001", "REL002"]
    warm = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert (warm.returncode, warm.stdout) == (1, cold.stdout)
    imported = {line.split("|")[-1].strip() for line in warm.stderr.splitlines() if "|" in line}
    assert "spacy" not in imported and "jsonschema" not in imported, "slow imports on a warm run"
    assert "attrlint.registry.load" in imported
