"""``--format json-lines``: one diagnostic per line, as in the JSON format plus the path."""

from __future__ import annotations

import json

import jsonschema

from attrlint.rules import data_dir
from tests.report.conftest import PATHS, Newsroom, json_diagnostics


def test_lines_are_the_json_diagnostics_with_their_path(newsroom: Newsroom) -> None:
    want = json_diagnostics(newsroom, *PATHS)
    output = newsroom.lint("json-lines", *PATHS)
    assert output.code == 1, output.err
    lines = output.out.splitlines()
    assert len(lines) == len(want) and output.out.endswith("\n")
    got = [json.loads(line) for line in lines]
    assert got == want
    assert all(next(iter(item)) == "path" for item in got)
    # Without the path, each line is a diagnostic the published JSON schema accepts.
    schema = json.loads((data_dir("schemas") / "diagnostics.schema.json").read_text("utf-8"))
    document = {
        **json.loads(newsroom.lint("json", *PATHS).out),
        "files": [
            {
                "path": path,
                "diagnostics": [
                    {k: v for k, v in item.items() if k != "path"}
                    for item in got
                    if item["path"] == path
                ],
            }
            for path in PATHS
        ],
    }
    jsonschema.validate(document, schema)
    assert all("\n" not in line for line in lines)
