"""Bytes to text: UTF-8 (BOM optional) or BOM-marked UTF-16, with a readable error otherwise."""

from __future__ import annotations

import codecs

from attrlint.errors import InputError

_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_ADVICE = "convert the file to UTF-8"


def decode(data: bytes, path: str) -> str:
    """Decode a file's bytes; raise ``InputError(path, reason)`` for binary or mis-encoded data."""
    for bom, codec in _UTF16_BOMS:
        if data.startswith(bom):
            return _decode_utf16(data, len(bom), codec, path)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(path, f"binary file (NUL byte at byte offset {nul})")
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        where = skip + exc.start
        reason = (
            f"not valid UTF-8 (byte 0x{data[where]:02X} at byte offset {where}, "
            f"line {_line_of(data, where)}); {_ADVICE}"
        )
        raise InputError(path, reason) from None


def _decode_utf16(data: bytes, skip: int, codec: str, path: str) -> str:
    """Decode BOM-marked UTF-16 and reject text that contains NUL characters."""
    try:
        text = data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        where = skip + exc.start
        raise InputError(
            path, f"not valid UTF-16 ({exc.reason} at byte offset {where}); {_ADVICE}"
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        where = skip + len(text[:nul].encode(codec))
        raise InputError(path, f"binary file (NUL character at byte offset {where})")
    return text


def _line_of(data: bytes, offset: int) -> int:
    """Return the 1-based line of a byte offset, counting "\\r\\n", "\\r" and "\\n" as breaks."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
