"""Line breaks, blanks and Unicode that shift offsets: positions stay exact, and agree between the
text, JSON and SARIF reports."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from attrlint.cli import main
from attrlint.report import FORMATS
from tests.robustness import views
from tests.test_positions import naive_position

FIGURE = "£4.2m"
PARAGRAPHS = [
    "# Depot row",
    "The depot cost £4.2m to build. Critics say the roof leaks.",
    "> The roof will be fixed soon, one reader wrote.",
    "It is believed some residents may move out. The council admitted the repairs were late.",
]


def joined(breaks: list[str], paragraphs: list[str] = PARAGRAPHS) -> str:
    """Paragraphs separated by blank lines, using the given breaks in turn."""
    out = []
    for index, paragraph in enumerate(paragraphs):
        brk = breaks[index % len(breaks)]
        out.append(paragraph + brk + brk)
    return "".join(out)


def replace_in(paragraphs: list[str], old: str, new: str) -> list[str]:
    return [p.replace(old, new) for p in paragraphs]


VARIANTS: dict[str, Callable[[], str]] = {
    "crlf": lambda: joined(["\r\n"]),
    "lone-cr": lambda: joined(["\r"]),
    "mixed-breaks": lambda: joined(["\r\n", "\r", "\n"]),
    "tabs": lambda: joined(["\n"], replace_in(PARAGRAPHS, ". ", ".\t")).replace("# ", "#\t"),
    "form-feed": lambda: joined(["\n\f\n", "\n"]).replace("Critics", "\fCritics"),
    "vertical-tab": lambda: joined(["\n"], replace_in(PARAGRAPHS, ". ", ".\x0b ")),
    "zero-width": lambda: joined(
        ["\n"], ["\u200b" + p.replace(". ", ".\u200d \u2060") + "\ufeff" for p in PARAGRAPHS]
    ),
    "emoji": lambda: joined(
        ["\n"], [f"🚧 {p} 👩\u200d👩\u200d👧 🇬🇧" if p[0].isalpha() else p for p in PARAGRAPHS]
    ),
    "combining": lambda: (
        "Cafe\u0301 owners, Zoe\u0308 and the ho\u0302tel: n\u0303.\n\n" + joined(["\n"])
    ),
    "right-to-left": lambda: (
        "שלום עולם. مرحبا بالعالم.\n\n\u202eReversed\u202c text.\n\n" + joined(["\n"])
    ),
    "control-characters": lambda: joined(
        ["\n"], replace_in(PARAGRAPHS, ". ", ".\x07\x1b \x7f\x1f\x9b")
    ),
    "unicode-separators": lambda: joined(
        ["\n"], replace_in(PARAGRAPHS, "to build.", "to\u00a0build.\u2028\u2029\x85")
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("odd")
    for name, make in VARIANTS.items():
        (root / f"{name}.md").write_bytes(make().encode("utf-8"))
        (root / f"{name}.txt").write_bytes(make().encode("utf-8"))
    return root


@pytest.fixture(scope="module")
def reports(folder: Path) -> dict[str, str]:
    """One run per format over every variant (in-process: the real CLI and model)."""
    return {
        fmt: _output(["check", "--no-cache", "--format", fmt, str(folder)])
        for fmt in ("json", "text", "sarif")
        if fmt in FORMATS
    }


def _output(argv: list[str]) -> str:
    stdout, stderr = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
        pytest.raises(SystemExit) as exit_info,
    ):
        main(argv)
    assert exit_info.value.code == 1, stderr.getvalue()
    assert stderr.getvalue() == ""
    return stdout.getvalue()


@pytest.mark.parametrize("name", sorted(VARIANTS))
@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_positions_are_exact(name: str, suffix: str, folder: Path, reports: dict[str, str]) -> None:
    text = (folder / f"{name}{suffix}").read_bytes().decode("utf-8")
    spans = [s for s in views.from_json(reports["json"]) if s[0] == f"{name}{suffix}"]
    assert spans, "every variant has findings"
    figure = text.index(FIGURE)
    assert (*naive_position(text, figure), *naive_position(text, figure + len(FIGURE)), FIGURE) in [
        s[2:] for s in spans
    ]
    for _, _, line, column, end_line, end_column, excerpt in spans:
        start = _offset(text, line, column)
        assert text[start : start + len(excerpt)] == excerpt
        assert naive_position(text, start + len(excerpt)) == (end_line, end_column)
        assert excerpt and excerpt == excerpt.strip()


def test_every_format_states_the_same_positions(reports: dict[str, str]) -> None:
    spans = views.from_json(reports["json"])
    assert views.from_text(reports["text"]) == views.starts(spans)
    if "sarif" in reports:
        assert views.from_sarif(reports["sarif"]) == spans


def test_odd_whitespace_does_not_change_what_is_found(reports: dict[str, str]) -> None:
    """The same rules fire on every variant of the same story (nothing lost or invented)."""
    rules: dict[str, set[str]] = {}
    for name, rule, *_ in views.from_json(reports["json"]):
        rules.setdefault(name, set()).add(rule)
    plain = rules["crlf.md"]
    assert {"ATR001", "SRC001", "SRC005"} <= plain
    for name in VARIANTS:
        assert rules[f"{name}.md"] >= plain - {"VRB001"}, name


def _offset(text: str, line: int, column: int) -> int:
    """The offset of a 1-based (line, column), counted the slow way."""
    for offset in range(len(text) + 1):
        if naive_position(text, offset) == (line, column):
            return offset
    raise AssertionError(f"no offset at {line}:{column}")
