"""``--format checkstyle``: Checkstyle XML, read by reviewdog (``-f=checkstyle``), Jenkins and others.

One ``<file>`` per file linted, one ``<error>`` per finding with 1-based code-point ``line`` and
``column``; ``source`` is ``attrlint.RULE``. A file that could not be linted carries an
``<exception>`` element, as Checkstyle's own XML logger writes for unreadable files.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from attrlint.report import Report
from attrlint.report.positions import locate
from attrlint.report.xmltext import clean, serialise

CHECKSTYLE_VERSION = "4.3"


def render_checkstyle(report: Report) -> str:
    root = ET.Element("checkstyle", version=CHECKSTYLE_VERSION)
    for result in report.results:
        file = ET.SubElement(root, "file", name=clean(result.path))
        for diag in result.diagnostics:
            where = locate(result.document, diag.span)
            ET.SubElement(
                file,
                "error",
                line=str(where.line),
                column=str(where.column),
                severity=diag.severity.label,
                message=clean(diag.message),
                source=f"attrlint.{diag.rule}",
            )
    for problem in report.errors:
        file = ET.SubElement(root, "file", name=clean(problem.path))
        ET.SubElement(file, "exception").text = clean(problem.message)
    return serialise(root)
