"""Code-point offsets ↔ LSP positions (0-based line, character in the negotiated code units).

attrlint's spans are code-point offsets into the document; LSP counts characters in UTF-16 code
units unless client and server agreed on UTF-8 or UTF-32 at initialisation. Lines break at
"\\r\\n", "\\r" and "\\n" only, as in LSP (and in ``attrlint.document.lines``); converting here,
at the server's edge, keeps every other layer in code points.
"""

from __future__ import annotations

from attrlint.document.lines import LineIndex

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """The length of ``text`` in the encoding's code units."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class PositionMap:
    """Converts between offsets into ``text`` and LSP ``(line, character)`` pairs."""

    __slots__ = ("encoding", "lines", "text")

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding if encoding in (UTF8, UTF16, UTF32) else UTF16
        self.lines = LineIndex(text)

    def position(self, offset: int) -> tuple[int, int]:
        """The 0-based line and the character (in code units) of an offset."""
        offset = min(max(offset, 0), len(self.text))
        line, column = self.lines.position(offset)
        start = offset - (column - 1)
        return line - 1, units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The offset of an LSP position, clamped to its line (past the end: the text's end)."""
        if line < 0:
            return 0
        if line >= self.lines.line_count:
            return len(self.text)
        start = self.lines.line_start(line + 1)
        end = self.lines.line_end(line + 1)
        if self.encoding == UTF32:
            return min(start + max(character, 0), end)
        counted = 0
        offset = start
        while offset < end and counted < character:
            counted += units(self.text[offset], self.encoding)
            offset += 1
        return offset

    def line_text(self, line: int) -> str:
        """The text of 0-based ``line``, without its line break ("" past the end)."""
        if not 0 <= line < self.lines.line_count:
            return ""
        return self.text[self.lines.line_start(line + 1) : self.lines.line_end(line + 1)]
