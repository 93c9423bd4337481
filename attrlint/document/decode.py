"""Bytes to text: UTF-8 (BOM optional), BOM-marked UTF-16 or UTF-32, or a codec the user names,
with a readable error for binary or mis-encoded data."""

from __future__ import annotations

import codecs

from attrlint.errors import InputError

# UTF-32 first: its little-endian BOM begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# File signatures of formats that turn up in newsroom repositories under the wrong name.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive, perhaps a .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Word or Office document"),
    (b"\x1f\x8b", "a gzip archive"),
)
_ADVICE = (
    "convert the file to UTF-8, or name its encoding with --encoding (e.g. --encoding latin-1)"
)


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode a file's bytes; raise ``InputError(path, reason)`` for binary or mis-encoded data.

    A byte-order mark decides the encoding; otherwise ``encoding`` (a Python codec name; default
    UTF-8) does. Text that holds a NUL character is binary whatever the encoding.
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"binary file ({kind})")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_with(data, len(bom), codec, path)
    if encoding is not None and codecs.lookup(encoding).name != "utf-8":
        return _decode_with(data, 0, encoding, path)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(path, f"binary file (NUL byte at byte offset {nul}){_utf16_hint(data)}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = exc.start
        reason = (
            f"not valid UTF-8 (byte 0x{data[where]:02X} at byte offset {where}, "
            f"line {_line_of(data, where)}); {_ADVICE}"
        )
        raise InputError(path, reason) from None


def _utf16_hint(data: bytes) -> str:
    """A hint when NUL bytes alternate with text, as in UTF-16 saved without a byte-order mark."""
    sample = data[:4096]
    for start, codec in ((1, "utf-16-le"), (0, "utf-16-be")):
        zeros = sample[start::2]
        if len(sample) >= 4 and zeros.count(0) >= 0.9 * len(zeros):
            return (
                f"; if it is {codec.upper()} text without a byte-order mark, use --encoding {codec}"
            )
    return ""


def _decode_with(data: bytes, skip: int, codec: str, path: str) -> str:
    """Decode ``data[skip:]`` with ``codec`` and reject text that contains NUL characters."""
    name = codecs.lookup(codec).name.upper()
    try:
        text = data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        where = skip + exc.start
        line = f", line {_line_of(data, where)}" if _ascii_breaks(codec) else ""
        advice = f"it begins with a {name} byte-order mark" if skip else _ADVICE
        raise InputError(
            path,
            f"not valid {name} (byte 0x{data[where]:02X} at byte offset {where}{line}: "
            f"{exc.reason}); {advice}",
        ) from None
    except (UnicodeError, ValueError) as exc:  # codecs such as idna raise without a position
        raise InputError(path, f"cannot be decoded as {name}: {exc}") from None
    nul = text.find("\x00")
    if nul >= 0:
        try:  # less what the codec writes for no text at all (a BOM, for "utf-16")
            where = skip + len(text[:nul].encode(codec)) - len("".encode(codec))
        except UnicodeError:
            raise InputError(path, f"binary file (NUL character at character {nul})") from None
        raise InputError(path, f"binary file (NUL character at byte offset {where})")
    return text


def _ascii_breaks(codec: str) -> bool:
    """Whether ``codec`` writes line breaks as the ASCII bytes (so lines can be counted in bytes)."""
    try:
        return "\r\n".encode(codec) == b"\r\n"
    except UnicodeError:
        return False


def _line_of(data: bytes, offset: int) -> int:
    """Return the 1-based line of a byte offset, counting "\\r\\n", "\\r" and "\\n" as breaks."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
