"""``--format github``: workflow commands GitHub can parse, then the text report."""

from __future__ import annotations

import re

from attrlint.report.github import escape_data, escape_property
from tests.cli_runner import LINE
from tests.report.conftest import Newsroom, json_diagnostics

COMMAND = re.compile(r"^::(?P<level>error|warning|notice)(?: (?P<props>[^:]*))?::(?P<message>.*)$")


def unescape(text: str) -> str:
    """The runner's decoding: each escape back to its character, ``%25`` last."""
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse_commands(out: str) -> list[tuple[str, dict[str, str], str]]:
    """``(level, properties, message)`` of each workflow command, decoded."""
    commands = []
    for line in out.splitlines():
        match = COMMAND.match(line)
        if match:
            props = dict(part.split("=", 1) for part in (match["props"] or "").split(",") if part)
            commands.append(
                (
                    match["level"],
                    {key: unescape(value) for key, value in props.items()},
                    unescape(match["message"]),
                )
            )
    return commands


def test_escaping_follows_actions_core() -> None:
    assert escape_data("50% up\r\nthen: a, b") == "50%25 up%0D%0Athen: a, b"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert unescape(escape_property("%3A stays literal, 100%")) == "%3A stays literal, 100%"


def test_commands_decode_to_the_findings_then_the_text_report(newsroom: Newsroom) -> None:
    # A path with the characters a property must escape, and a message with a percent sign.
    odd = "drafts/q1, 2025: rents.md"
    newsroom.write(odd, "Rents in the old town rose by 38% this year.\n")
    paths = ("drafts/story.md", "drafts/experts.md", "drafts/wire.txt", odd)
    want = json_diagnostics(newsroom, *paths)
    output = newsroom.lint("github", *paths)
    assert output.code == 1, output.err
    lines = output.out.splitlines()
    commands = parse_commands(output.out)
    assert len(commands) == len(want)
    # Every command comes before the text report, which lists every finding in GNU form.
    assert all(line.startswith("::") for line in lines[: len(commands)])
    text = lines[len(commands) :]
    assert [LINE.match(line) is not None for line in text[:-1]] == [True] * len(want)
    assert text[-1].startswith(f"Found {len(want)} problems")
    # Most severe first; the level follows the severity.
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    order = {"error": 0, "warning": 1, "notice": 2}
    assert [order[c[0]] for c in commands] == sorted(order[c[0]] for c in commands)
    assert {c[0] for c in commands} == {"error", "warning", "notice"}
    decoded = sorted((c[1]["file"], c[1]["title"], c[2], c[0]) for c in commands)
    assert decoded == sorted(
        (d["path"], f"{d['rule']} {d['name']}", d["message"], levels[d["severity"]]) for d in want
    )
    raw = next(line for line in lines if "rents.md" in line)
    assert "file=drafts/q1%2C 2025%3A rents.md," in raw
    assert "38%25" in raw.split("::", 2)[2]


def test_unreadable_file_is_an_error_annotation(newsroom: Newsroom) -> None:
    (newsroom.root / "drafts/latin1.md").write_bytes("Caf\xe9 prices rose.\n".encode("latin-1"))
    output = newsroom.lint("github", "drafts/latin1.md", "drafts/clean.md")
    assert output.code == 2
    [(level, props, message)] = parse_commands(output.out)
    assert (level, props["file"]) == ("error", "drafts/latin1.md")
    assert "UTF-8" in message and "latin1.md" in output.err


def test_nothing_found_prints_nothing(newsroom: Newsroom) -> None:
    output = newsroom.lint("github", "drafts/clean.md")
    assert (output.code, output.out) == (0, "")
