"""Big and pathological inputs: every one finishes in bounded time with exact positions.

Quadratic walks used to hide in the analysis (a megabyte on one line took 37 minutes, 100,000
quote marks more than an hour); each case here runs under a watchdog, so a regression fails
instead of hanging the suite. The full-size runs through the CLI use ``--model blank``
(tokenizer and sentencizer only), which exercises the same analysis and checks; smaller runs
use the real model.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from attrlint.document import MAX_BLOCK_CHARS, load_document
from tests.cli_runner import run
from tests.robustness.conftest import attrlint, deadline

# My own sentences.
SENTENCES = [
    "The depot cost £4.2m to build.",
    "Critics say the roof leaks.",
    '"We will not pay for it," the mayor said.',
    "It is believed 300 jobs may go.",
    "Some residents may move out.",
    "The council admitted the repairs were late.",
    "Rents rose 12% in a year, the agency said.",
]
FLAGGED = "Critics say the roof leaks."


def article(size: int, seed: int = 7) -> str:
    """Markdown of about ``size`` characters: paragraphs, headings, lists, quotes, code, tables."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        kind = rng.randrange(10)
        body = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 6)))
        if kind == 0:
            part = f"## {rng.choice(SENTENCES)}\n\n"
        elif kind == 1:
            part = "".join(f"- {rng.choice(SENTENCES)}\n" for _ in range(3)) + "\n"
        elif kind == 2:
            part = f"> {body}\n\n"
        elif kind == 3:
            part = f"```\n{body}\n```\n\n"
        elif kind == 4:
            part = "| a | b |\n|---|---|\n| 12% | [link](https://example.org/x) |\n\n"
        else:
            part = body + "\n\n"
        parts.append(part)
        total += len(part)
    return "".join(parts)


def json_spans(out: str, text: str) -> list[tuple[str, str]]:
    """(rule, excerpt) of every finding, checking each excerpt against the source."""
    payload = json.loads(out)
    found = []
    for entry in payload["files"]:
        for diag in entry["diagnostics"]:
            assert text[diag["offset"] : diag["end_offset"]] == diag["excerpt"]
            found.append((diag["rule"], diag["excerpt"]))
    return found


def assert_blocks_sound(text: str, fmt: str) -> None:
    document = load_document(text, f"x.{'md' if fmt == 'markdown' else 'txt'}")
    assert len(document.prose) == len(text)
    previous = 0
    for block in document.blocks:
        assert previous <= block.span.start < block.span.end <= len(text)
        assert block.span.end - block.span.start <= MAX_BLOCK_CHARS
        previous = block.span.end


@pytest.mark.slow
def test_a_ten_megabyte_article(tmp_path: Path) -> None:
    text = article(10 * 1024 * 1024)
    with deadline(120):
        assert_blocks_sound(text, "markdown")
    story = tmp_path / "archive.md"
    story.write_text(text, encoding="utf-8")
    # Read, decode, mask, suppress and report the whole file (LNT001 needs no parse).
    done = attrlint(["check", "--no-cache", "--select", "LNT001", "--format", "json", str(story)],
                    tmp_path, timeout=180)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["files"] == 1


@pytest.mark.slow
def test_a_one_megabyte_line(tmp_path: Path) -> None:
    rng = random.Random(3)
    line = " ".join(rng.choice(SENTENCES) for _ in range(1024 * 1024 // 32))
    with deadline(60):
        assert_blocks_sound(line, "markdown")
        assert_blocks_sound(line, "text")
    story = tmp_path / "line.md"
    story.write_text(line, encoding="utf-8")
    done = attrlint(["check", "--no-cache", "--model", "blank", "--format", "json", str(story)],
                    tmp_path, timeout=150)  # fmt: skip
    assert done.returncode == 1, done.stderr
    found = json_spans(done.stdout, line)
    assert ("ATR001", "£4.2m") in found and len(found) > 1000


@pytest.mark.slow
def test_a_long_line_with_the_real_model(tmp_path: Path) -> None:
    """Beyond one block and past what used to be quadratic (100 KB took minutes)."""
    rng = random.Random(4)
    line = " ".join(rng.choice(SENTENCES) for _ in range(100_000 // 32))
    story = tmp_path / "line.txt"
    story.write_text(line, encoding="utf-8")
    done = attrlint(["check", "--no-cache", "--format", "json", str(story)], tmp_path, 150)
    assert done.returncode == 1, done.stderr
    found = json_spans(done.stdout, line)
    assert ("SRC001", "Critics") in found and ("SRC005", "It is believed") in found


@pytest.mark.slow
def test_a_hundred_thousand_inline_quotes(tmp_path: Path) -> None:
    text = '"a" ' * 100_000  # 100,000 quotations
    with deadline(60):
        assert_blocks_sound(text, "markdown")
    story = tmp_path / "quotes.md"
    story.write_text(text + "\n\n" + FLAGGED + "\n", encoding="utf-8")
    done = attrlint(["check", "--no-cache", "--model", "blank", "--format", "json", str(story)],
                    tmp_path, timeout=180)  # fmt: skip
    assert done.returncode == 1, done.stderr
    found = json_spans(done.stdout, story.read_text("utf-8"))
    assert len(found) >= 100_000 and found[-1] == ("HDG003", '"a"')


def test_thousands_of_quote_marks_with_the_real_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = '"No" "yes" "maybe" ' * 1000 + "\n\n" + FLAGGED + "\n"
    story = tmp_path / "marks.md"
    story.write_text(text, encoding="utf-8")
    with deadline(90):
        code, out, err = run(["check", "--no-cache", "--format", "json", str(story)], capsys)
    assert code == 1, err
    assert ("SRC001", "Critics") in json_spans(out, text)


NESTINGS = {
    "blockquotes": "> " * 10_000,
    "tight-blockquotes": ">" * 10_000 + " ",
    "bullets": "- " * 10_000,
    "numbers": "1. " * 10_000,
    "mixed": "> - 1. " * 3_400,
    "emphasis": "*" * 10_000,
    "brackets": "[" * 10_000,
    "links": "[a](" * 10_000,
    "html": "<div>" * 10_000,
    "backticks": "Text " + "`" * 10_000,  # at a line start it would open a code fence
}


@pytest.fixture(scope="module")
def nested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("nested")
    for name, opening in NESTINGS.items():
        (folder / f"{name}.md").write_text(
            f"{opening}The depot cost £4.2m.\n\n{FLAGGED}\n", encoding="utf-8"
        )
    lines = "".join("  " * depth + "- The depot cost £4.2m.\n" for depth in range(200))
    (folder / "indented-list.md").write_text(lines + f"\n{FLAGGED}\n", encoding="utf-8")
    items = "".join(f"- item {i}\n" for i in range(2_000))
    (folder / "long-list.md").write_text(items + f"\n{FLAGGED}\n", encoding="utf-8")
    quotes = "".join("> " * (depth % 60 + 1) + "a line\n" for depth in range(2_000))
    (folder / "deep-quote-lines.md").write_text(quotes + f"\n{FLAGGED}\n", encoding="utf-8")
    return folder


def test_ten_thousand_levels_of_nesting(nested: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with deadline(120):
        code, out, err = run(["check", "--no-cache", "--format", "json", str(nested)], capsys)
    assert code == 1 and "Traceback" not in err and "error" not in err, err
    payload = json.loads(out)
    assert len(payload["files"]) == len(NESTINGS) + 3
    for entry in payload["files"]:
        text = Path(entry["path"]).read_text("utf-8")
        found = json_spans(json.dumps({"files": [entry]}), text)
        critics = text.rindex(FLAGGED)
        assert any(
            d["rule"] == "SRC001" and d["offset"] == critics for d in entry["diagnostics"]
        ), (entry["path"], found)


def test_quote_marks_inside_words_and_unclosed_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = {
        "apostrophes.md": "Fans of rock 'n' roll say the '90s and O'Neill's songs were better.\n\n",
        "curly.md": "Fans of rock ‘n’ roll say the ’90s were better; ’tis so.\n\n",
        "unclosed.md": 'The mayor said: "The depot will close and the roof leaks.\n\n',
        "unclosed-end.md": 'The mayor said: "The depot will close',
        "lone.md": '"\n\n',
        "doubled.md": "He said ''yes'' and ``no'' and \"\"\"maybe\"\"\".\n\n",
    }
    for name, head in cases.items():
        tail = "" if name == "unclosed-end.md" else f"{FLAGGED}\n"
        (tmp_path / name).write_text(head + tail, encoding="utf-8")
    code, out, err = run(
        ["check", "--no-cache", "--format", "json", "--analysis", str(tmp_path)], capsys
    )
    assert code == 1 and err == "", err
    payload = {Path(e["path"]).name: e for e in json.loads(out)["files"]}
    for name in cases:
        entry = payload[name]
        text = (tmp_path / name).read_text("utf-8")
        json_spans(json.dumps({"files": [entry]}), text)
        for quote in entry["analysis"]["quotes"]:
            assert text[quote["offset"] : quote["end_offset"]] == quote["text"]
            assert "\n\n" not in quote["text"]  # a quote never runs past its paragraph
        if name != "unclosed-end.md":
            assert any(d["rule"] == "SRC001" for d in entry["diagnostics"]), name
    words = [q["text"] for q in payload["apostrophes.md"]["analysis"]["quotes"]]
    assert not any("90s" in w or "Neill" in w for w in words), words
