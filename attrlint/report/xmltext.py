"""Shared by the XML formats: text XML 1.0 can hold, and serialisation with a declaration."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

# Characters XML 1.0 forbids even as references: C0 controls other than tab, LF and CR, lone
# surrogates, and U+FFFE/U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` with characters XML cannot carry replaced by U+FFFD."""
    return _FORBIDDEN.sub("\ufffd", text)


def serialise(root: ET.Element) -> str:
    """The document, indented, with an XML declaration and a final newline."""
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
