"""decode() and read_document(): UTF-8/UTF-16 handling and readable input errors."""

from __future__ import annotations

import codecs
import os
import pathlib

import pytest

from attrlint.document import decode, read_document
from attrlint.errors import InputError


def test_plain_utf8() -> None:
    assert decode("Le maire a parlé.\n".encode(), "a.md") == "Le maire a parlé.\n"


def test_utf8_bom_is_stripped() -> None:
    assert decode(codecs.BOM_UTF8 + b"Council met.", "a.md") == "Council met."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    text = "Votes \U0001f5f3 counted.\r\n"
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    assert decode(bom + text.encode(codec), "a.txt") == text


def test_nul_byte_means_binary() -> None:
    with pytest.raises(InputError) as caught:
        decode(b"PNG\x89\x00\x01", "img.md")
    assert caught.value.path == "img.md"
    assert caught.value.reason == "binary file (NUL byte at byte offset 4)"
    assert str(caught.value) == "img.md: binary file (NUL byte at byte offset 4)"


def test_invalid_utf8_names_byte_offset_and_line() -> None:
    data = b"First line.\r\nSecond line.\rThird caf\xe9 line.\n"
    with pytest.raises(InputError) as caught:
        decode(data, "story.txt")
    offset = data.index(b"\xe9")
    assert caught.value.reason == (
        f"not valid UTF-8 (byte 0xE9 at byte offset {offset}, line 3); convert the file to UTF-8,"
        " or name its encoding with --encoding (e.g. --encoding latin-1)"
    )


def test_invalid_utf8_offset_counts_the_bom() -> None:
    with pytest.raises(InputError) as caught:
        decode(codecs.BOM_UTF8 + b"ab\xff", "x.md")
    assert "byte 0xFF at byte offset 5, line 1" in caught.value.reason


def test_truncated_sequence_at_end() -> None:
    with pytest.raises(InputError) as caught:
        decode(b"ok " + "€".encode()[:2], "x.md")
    assert "byte 0xE2 at byte offset 3" in caught.value.reason


def test_bad_utf16_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        decode(codecs.BOM_UTF16_LE + b"a\x00b", "x.md")  # odd length
    assert "not valid UTF-16" in caught.value.reason
    with pytest.raises(InputError) as caught:
        decode(codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"), "x.md")
    assert caught.value.reason == "binary file (NUL character at byte offset 4)"


def test_read_document_detects_format_and_decodes(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "story.md"
    path.write_bytes(codecs.BOM_UTF8 + b"# Budget\r\n\r\nThe council voted.\r\n")
    document = read_document(path, "drafts/story.md")
    assert document.path == "drafts/story.md"
    assert document.format == "markdown"
    assert document.source.startswith("# Budget")


def test_read_document_missing_file(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InputError) as caught:
        read_document(tmp_path / "gone.md", "gone.md")
    assert caught.value.reason == "No such file or directory"


def test_read_document_directory(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InputError) as caught:
        read_document(tmp_path, "drafts")
    assert str(caught.value) == "drafts: is a directory"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_read_document_permission_denied(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Sealed.")
    path.chmod(0)
    try:
        with pytest.raises(InputError) as caught:
            read_document(path, "locked.txt")
        assert caught.value.reason == "Permission denied"
    finally:
        path.chmod(0o600)


def test_read_document_reports_decode_errors_with_display_path(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Garçon".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_document(path, "in/latin1.txt")
    assert caught.value.path == "in/latin1.txt"
    assert "byte 0xE7 at byte offset 3, line 1" in caught.value.reason
