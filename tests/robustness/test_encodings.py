"""Bytes that are not plain UTF-8: each file gets correct findings or a clear error naming it, and
one bad file never stops the others being linted (exit 2 when any file could not be read)."""

from __future__ import annotations

import codecs
import io
import json
import sys
from pathlib import Path

import pytest

from tests.cli_runner import run
from tests.robustness.conftest import assert_clean_error

# My own sentences: one figure with no source, one vague source.
STORY = "The depot cost £4.2m to build. Critics say the roof leaks.\n"
FIGURE = "£4.2m"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n"
ZIP = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml"


def excerpts_and_columns(out: str) -> dict[str, list[tuple[str, int, int]]]:
    payload = json.loads(out)
    return {
        Path(entry["path"]).name: [
            (d["excerpt"], d["line"], d["column"]) for d in entry["diagnostics"]
        ]
        for entry in payload["files"]
    }


def test_bad_files_are_named_with_a_reason_and_the_rest_still_linted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a-good.md").write_text(STORY, encoding="utf-8")
    broken = STORY.encode("utf-8")
    (tmp_path / "b-broken.md").write_bytes(broken[:20] + b"\xc3\x28" + broken[20:])
    (tmp_path / "c-latin1.txt").write_bytes(("Caf\xe9 owners said\n" + STORY).encode("latin-1"))
    (tmp_path / "d-nul.md").write_bytes(STORY.encode("utf-8") + b"\x00\x00trailer")
    (tmp_path / "e-image.md").write_bytes(PNG)
    (tmp_path / "f-report.md").write_bytes(PDF)
    (tmp_path / "g-draft.md").write_bytes(ZIP)
    (tmp_path / "h-utf16.txt").write_bytes(STORY.encode("utf-16-le"))
    (tmp_path / "z-good.txt").write_text(STORY, encoding="utf-8")
    code, out, err = run(["check", "--format", "json", str(tmp_path)], capsys)
    assert code == 2
    found = excerpts_and_columns(out)
    column = STORY.index(FIGURE) + 1
    assert (FIGURE, 1, column) in found["a-good.md"] and (FIGURE, 1, column) in found["z-good.txt"]
    assert_clean_error(err, "b-broken.md", "c-latin1.txt", "d-nul.md", "e-image.md")
    lines = {Path(line.split(": ")[2]).name: line for line in err.splitlines()}
    assert "not valid UTF-8 (byte 0xC3 at byte offset 20, line 1" in lines["b-broken.md"]
    assert "byte 0xE9 at byte offset 3, line 1" in lines["c-latin1.txt"]
    assert "--encoding" in lines["c-latin1.txt"]
    assert f"NUL byte at byte offset {len(STORY.encode())}" in lines["d-nul.md"]
    assert "binary file (a PNG image)" in lines["e-image.md"]
    assert "binary file (a PDF document)" in lines["f-report.md"]
    assert "binary file (a zip archive" in lines["g-draft.md"]
    assert "use --encoding utf-16-le" in lines["h-utf16.txt"]
    reported = {Path(e["path"]).name for e in json.loads(out)["errors"]}
    assert reported == {name for name in lines if name not in ("a-good.md", "z-good.txt")}


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_a_byte_order_mark_decides_and_positions_ignore_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bom: bytes, codec: str
) -> None:
    text = "# Roof\r\n\r\n" + STORY
    story = tmp_path / "story.md"
    story.write_bytes(bom + text.encode(codec))
    code, out, err = run(["check", "--format", "json", str(story)], capsys)
    assert code == 1, err
    found = excerpts_and_columns(out)["story.md"]
    assert (FIGURE, 3, STORY.index(FIGURE) + 1) in found
    # a named encoding does not override the mark
    code, again, _ = run(["check", "--format", "json", "--encoding", "latin-1", str(story)], capsys)
    assert code == 1 and excerpts_and_columns(again) == excerpts_and_columns(out)


def test_encoding_option_decodes_legacy_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes(("Café \t" + STORY).encode("latin-1"))
    quotes = tmp_path / "word.md"
    # cp1252 curly quotes (0x93 0x94) around a quote with a figure in it
    quotes.write_bytes(b"\x93Rents rose 12%,\x94 one tenant said. Critics say it is unfair.\n")
    code, out, err = run(
        ["check", "--format", "json", "--encoding", "cp1252", str(tmp_path)], capsys
    )
    assert code == 1, err
    found = excerpts_and_columns(out)
    assert (FIGURE, 1, len("Café \t") + STORY.index(FIGURE) + 1) in found["latin.txt"]
    decoded = quotes.read_bytes().decode("cp1252")
    assert decoded.startswith("\u201cRents")
    assert ("Critics", 1, decoded.index("Critics") + 1) in found["word.md"]


def test_encoding_option_applies_to_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(("Café. " + STORY).encode("latin-1")))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(["check", "-", "--encoding", "latin-1", "--format", "json"], capsys)
    assert code == 1
    assert (FIGURE, 1, 7 + STORY.index(FIGURE)) in excerpts_and_columns(out)["-"]


@pytest.mark.parametrize("name", ["no-such-codec", "base64", "rot13"])
def test_an_unknown_or_non_text_encoding_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    story = tmp_path / "story.md"
    story.write_text(STORY, encoding="utf-8")
    code, out, err = run(["check", "--encoding", name, str(story)], capsys)
    assert code == 2 and out == ""
    assert f"'{name}' is not a text encoding" in err and "Traceback" not in err


def test_binary_despite_a_named_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "image.md").write_bytes(PNG)
    (tmp_path / "nul.md").write_bytes(b"Plain words\x00then more")
    code, _, err = run(["check", "--encoding", "latin-1", str(tmp_path)], capsys)
    assert code == 2
    assert_clean_error(err, "image.md", "nul.md")
    assert "binary file (NUL character at byte offset 11)" in err
