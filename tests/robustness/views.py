"""The positions a report states, read back from text, JSON and SARIF output for comparison."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from tests.cli_runner import LINE

Where = tuple[str, str, int, int]  # file name, rule, line, column
Span = tuple[str, str, int, int, int, int, str]  # ... end line, end column, excerpt


def from_text(out: str) -> list[Where]:
    found = []
    for line in out.splitlines():
        match = LINE.match(line)
        if match:
            found.append(
                (Path(match["path"]).name, match["rule"], int(match["line"]), int(match["col"]))
            )
    return sorted(found)


def from_json(out: str) -> list[Span]:
    payload = json.loads(out)
    return sorted(
        (
            Path(entry["path"]).name,
            d["rule"],
            d["line"],
            d["column"],
            d["end_line"],
            d["end_column"],
            d["excerpt"],
        )
        for entry in payload["files"]
        for d in entry["diagnostics"]
    )


def from_sarif(out: str) -> list[Span]:
    log: dict[str, Any] = json.loads(out)
    (run,) = log["runs"]
    assert run.get("columnKind", "unicodeCodePoints") == "unicodeCodePoints"
    names = [Path(unquote(a["location"]["uri"])).name for a in run.get("artifacts", [])]
    found = []
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        artifact = location["artifactLocation"]
        name = (
            names[artifact["index"]] if "index" in artifact else Path(unquote(artifact["uri"])).name
        )
        region = location["region"]
        found.append(
            (
                name,
                result["ruleId"],
                region["startLine"],
                region["startColumn"],
                region["endLine"],
                region["endColumn"],
                region["snippet"]["text"],
            )
        )
    return sorted(found)


def starts(spans: list[Span]) -> list[Where]:
    return sorted(span[:4] for span in spans)
