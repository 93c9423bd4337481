"""Property tests: the prose mask keeps lengths, characters, line breaks and positions exact."""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attrlint.document import Document, LineIndex, decode, load_document
from attrlint.errors import InputError

KEEP = "\x01"  # placeholder for a unique word that must survive masking
QUOTED = "\x02"  # the same, inside a blockquote
HIDE = "\x03"  # placeholder for a unique word that must be blanked
KEPT_RE = re.compile(r"k[qb]\d+x")
HIDDEN_RE = re.compile(r"hz\d+x")

SETTINGS = settings(
    max_examples=int(os.environ.get("ATTRLINT_HYPOTHESIS_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

WORDS = st.sampled_from(
    [
        "the",
        "mayor",
        "said",
        "4,000",
        "12%",
        "naïve",
        "cafe\u0301",
        "\U0001f4f0",
        "\U0001f1fa\U0001f1f8",
        "\u05e9\u05dc\u05d5\u05dd",
        "\u0645\u0631\u062d\u0628\u0627",
        "\u4e2d\u6587",
        "zo\u00eb",
        "a\tb",
        "x&amp;y",
    ]
)


def inline_element(mark: str) -> st.SearchStrategy[str]:
    """One inline construct; ``mark`` is the placeholder for words that must be kept."""
    return st.one_of(
        WORDS,
        st.just(mark),
        st.sampled_from(["*{}*", "**{}**", "_{}_", "__{}__", "~~{}~~", "\\*{}", "***{}***"]).map(
            lambda wrap: wrap.format(mark)
        ),
        st.just(f"`{HIDE} {HIDE}`"),
        st.just(f'[{mark} *{mark}*](https://{HIDE}.example/{HIDE} "{HIDE}")'),
        st.just(f"[{mark}][ref]"),
        st.just(f"![{HIDE}]({HIDE}.png)"),
        st.just(f"<https://{HIDE}.example/a>"),
        st.just(f"https://{HIDE}.example/p"),
        st.just(f"<!-- {HIDE} -->"),
        st.just(f'<span title="{HIDE}">{mark}</span>'),
        st.just(f"{mark}<br/>"),
    )


def line(mark: str) -> st.SearchStrategy[str]:
    """A line of inline elements that starts with a plain word, so it never opens a block."""
    parts = st.tuples(
        WORDS, st.lists(inline_element(mark), max_size=5), st.sampled_from(["", "  "])
    )
    return parts.map(lambda p: " ".join([p[0], *p[1]]) + p[2])


def paragraph(mark: str) -> st.SearchStrategy[list[str]]:
    return st.lists(line(mark), min_size=1, max_size=3)


def table() -> st.SearchStrategy[list[str]]:
    cell = st.lists(inline_element(KEEP), min_size=1, max_size=2).map(" ".join)
    row = st.lists(cell, min_size=2, max_size=2).map(lambda cells: "| " + " | ".join(cells) + " |")
    return st.lists(row, min_size=1, max_size=3).map(
        lambda rows: [rows[0], "| --- | :-: |", *rows[1:]]
    )


def block() -> st.SearchStrategy[list[str]]:
    """A block as a list of lines (joined later with the document's line breaks)."""
    quote_prefix = st.sampled_from(["> ", ">", ">\t", "> > ", " > "])
    list_marker = st.sampled_from(["- ", "* ", "+ ", "1. ", "2) ", "-\t"])
    return st.one_of(
        paragraph(KEEP),
        st.tuples(st.integers(1, 6), line(KEEP), st.sampled_from(["", " #", " ###"])).map(
            lambda h: ["#" * h[0] + " " + h[1] + h[2]]
        ),
        st.tuples(paragraph(KEEP), st.sampled_from(["===", "---"])).map(lambda s: [*s[0], s[1]]),
        st.lists(st.tuples(list_marker, line(KEEP)), min_size=1, max_size=3).map(
            lambda items: [marker + text for marker, text in items]
        ),
        st.tuples(quote_prefix, paragraph(QUOTED)).map(lambda q: [q[0] + x for x in q[1]]),
        st.tuples(st.sampled_from(["```", "~~~", "```text"]), st.lists(st.just(HIDE))).map(
            lambda f: [f[0], *f[1], f[0][:3]]
        ),
        st.just([f"        {HIDE} = 1", f"\t\t{HIDE}"]),
        st.just(["<div>", f"{HIDE} <b>x</b>", "</div>"]),
        st.just([f"<!-- {HIDE}", f"{HIDE} -->"]),
        table(),
        st.sampled_from([["***"], ["- - -"], ["___"]]),
        st.just([f"[ref]: https://{HIDE}.example 'x'"]),
    )


@st.composite
def markdown_documents(draw: st.DrawFn) -> str:
    """A Markdown document with placeholders replaced by unique kept/hidden words."""
    blocks = draw(st.lists(block(), min_size=1, max_size=6))
    lines = [text for lines in blocks for text in [*lines, ""]]
    if draw(st.booleans()):
        lines = ["---", f"title: {HIDE}", "---", *lines]
    style = draw(st.sampled_from(["\n", "\r\n", "\r", "mixed"]))
    breaks = ["\n", "\r\n", "\r"] if style == "mixed" else [style]
    out = [lines[0]]
    for text in lines[1:]:
        # "\r" + "" + "\n" would fuse into one "\r\n" break and drop a blank line.
        fused = out[-1] == "" and len(out) > 1 and out[-2] == "\r"
        out.append(draw(st.sampled_from([b for b in breaks if not (fused and b == "\n")])))
        out.append(text)
    source = "".join(out)
    counter = iter(range(1_000_000))
    return re.sub(
        "[\x01\x02\x03]",
        lambda m: {KEEP: "kq", QUOTED: "kb", HIDE: "hz"}[m.group()] + f"{next(counter)}x",
        source,
    )


def check_mask(document: Document) -> None:
    """Invariants shared by every format."""
    source, prose = document.source, document.prose
    assert len(prose) == len(source)
    for index, char in enumerate(prose):
        original = source[index]
        if original in "\r\n":
            assert char == original
        else:
            assert char in (" ", original)
    previous_end = 0
    covered = [False] * len(source)
    for block in document.blocks:
        start, end = block.span.start, block.span.end
        assert previous_end <= start < end <= len(source)
        previous_end = end
        excerpt = document.excerpt(block.span)
        assert not excerpt[0].isspace() and not excerpt[-1].isspace()
        assert not prose[start].isspace() and not prose[end - 1].isspace()
        covered[start:end] = [True] * (end - start)
    for index, char in enumerate(prose):
        assert char.isspace() or covered[index], f"prose outside blocks at {index}"
    for comment in document.comments:
        assert 0 <= comment.span.start < comment.span.end <= len(source)
        assert not prose[comment.span.start : comment.span.end].strip()


@SETTINGS
@given(markdown_documents())
def test_generated_markdown_masks_exactly(source: str) -> None:
    document = load_document(source, "gen.md")
    check_mask(document)
    prose = document.prose
    for match in KEPT_RE.finditer(source):
        assert prose[match.start() : match.end()] == match.group(), match.group()
        (block,) = [b for b in document.blocks if b.span.start <= match.start() < b.span.end]
        assert block.quoted == match.group().startswith("kb"), match.group()
    for match in HIDDEN_RE.finditer(source):
        assert not prose[match.start() : match.end()].strip(), match.group()
    for comment in document.comments:
        excerpt = document.excerpt(comment.span)
        assert excerpt.startswith("<!--") and excerpt.endswith("-->")
    assert (document.front_matter is not None) == source.startswith("---")


MARKDOWNISH = st.lists(
    st.sampled_from(
        [*"ab 1.\t*_`[]()!<>#-+=|\\~&:\"'/\n\r", "\U0001f600", "e\u0301", "\u05d0", "<!--", "-->"]
    ),
    max_size=200,
).map("".join)


@SETTINGS
@given(MARKDOWNISH)
def test_arbitrary_markdownish_text_keeps_invariants(source: str) -> None:
    check_mask(load_document(source, "fuzz.md"))


@SETTINGS
@given(MARKDOWNISH)
def test_arbitrary_plain_text_keeps_invariants(source: str) -> None:
    document = load_document(source, "fuzz.txt")
    check_mask(document)
    if document.front_matter is None and not document.comments and "www." not in source:
        assert "://" in source or document.prose == source


@SETTINGS
@given(markdown_documents())
def test_generated_markdown_as_plain_text(source: str) -> None:
    check_mask(load_document(source, "gen.txt"))


def naive_positions(source: str) -> list[tuple[int, int]]:
    """(line, column) of every offset 0..len(source), by walking the characters and counting breaks.

    A "\r" directly followed by "\n" is not a break by itself: the pair breaks after its "\n".
    """
    positions = []
    line = column = 1
    for index, char in enumerate(source):
        positions.append((line, column))
        if char == "\n" or (char == "\r" and source[index + 1 : index + 2] != "\n"):
            line, column = line + 1, 1
        else:
            column += 1
    positions.append((line, column))
    return positions


def check_positions(source: str, index: LineIndex) -> None:
    """LineIndex agrees with the naive walk, and offset() inverts position() everywhere."""
    for offset, expected in enumerate(naive_positions(source)):
        assert index.position(offset) == expected
        assert index.offset(*expected) == offset
    pieces = re.split(r"\r\n|\r|\n", source)
    assert index.line_count == len(pieces)
    for number, piece in enumerate(pieces, start=1):
        assert source[index.line_start(number) : index.line_end(number)] == piece


LINEY = st.text(alphabet=st.sampled_from(["a", " ", "\t", "\r", "\n", "\U0001f600", "\u0301"]))


@SETTINGS
@given(LINEY)
def test_line_index_matches_naive_reference_and_round_trips(source: str) -> None:
    check_positions(source, LineIndex(source))


@SETTINGS
@given(markdown_documents())
def test_document_positions_agree_with_naive_reference(source: str) -> None:
    document = load_document(source, "gen.md")
    check_positions(source, document.lines)
    positions = naive_positions(source)
    for match in KEPT_RE.finditer(document.prose):
        for offset in (match.start(), match.end()):
            assert document.lines.position(offset) == positions[offset]


@SETTINGS
@given(st.binary(max_size=200))
def test_decode_returns_text_or_input_error(data: bytes) -> None:
    try:
        text = decode(data, "blob")
    except InputError as error:
        assert error.path == "blob"
        assert error.reason
    else:
        if b"\x00" not in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            assert text == data.decode("utf-8-sig")
