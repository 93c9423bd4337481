"""``--format junit``: JUnit XML for CI test reports (GitLab ``artifacts:reports:junit``, Jenkins).

As ruff does it: one ``<testsuite>`` per file with findings, one failing ``<testcase>`` per finding
(``name`` ``attrlint.RULE``, ``classname`` the path without its extension, plus ``line`` and
``column``), and a single passing test case when there is nothing to report. A file that could
not be linted is a test case with an ``<error>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import PurePosixPath

from attrlint.report import Report
from attrlint.report.positions import locate
from attrlint.report.xmltext import clean, serialise

PACKAGE = "org.attrlint"


def _classname(path: str) -> str:
    pure = PurePosixPath(path.replace("\\", "/"))
    return clean(str(pure.with_suffix("")) if pure.suffix else str(pure))


def _suite(root: ET.Element, name: str, tests: int, failures: int, errors: int) -> ET.Element:
    return ET.SubElement(
        root,
        "testsuite",
        name=clean(name),
        tests=str(tests),
        disabled="0",
        errors=str(errors),
        failures=str(failures),
        package=PACKAGE,
    )


def render_junit(report: Report) -> str:
    root = ET.Element("testsuites", name="attrlint")
    tests = failures = errors = 0
    for result in report.results:
        if not result.diagnostics:
            continue
        count = len(result.diagnostics)
        suite = _suite(root, result.path, count, count, 0)
        for diag in result.diagnostics:
            where = locate(result.document, diag.span)
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"attrlint.{diag.rule}",
                classname=_classname(result.path),
                line=str(where.line),
                column=str(where.column),
            )
            failure = ET.SubElement(
                case, "failure", message=clean(diag.message), type=diag.severity.label
            )
            failure.text = clean(
                f"line {where.line}, col {where.column}, {diag.rule} {diag.name}: {diag.message}"
            )
        tests += count
        failures += count
    for problem in report.errors:
        suite = _suite(root, problem.path, 1, 0, 1)
        case = ET.SubElement(
            suite, "testcase", name="attrlint.input-error", classname=_classname(problem.path)
        )
        ET.SubElement(case, "error", message=clean(problem.message)).text = clean(problem.message)
        tests += 1
        errors += 1
    if not tests:
        suite = _suite(root, "attrlint", 1, 0, 0)
        ET.SubElement(suite, "testcase", name="No errors found", classname="attrlint")
        tests = 1
    root.set("tests", str(tests))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    return serialise(root)
