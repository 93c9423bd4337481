"""Plain-text documents: all prose except front matter and comments; paragraph splitting."""

from __future__ import annotations

from attrlint.document import BlockKind, Document, load_document


def txt(source: str) -> Document:
    document = load_document(source, "story.txt")
    assert document.format == "text"
    assert len(document.prose) == len(source)
    return document


def blocks(document: Document) -> list[tuple[str, BlockKind]]:
    return [(document.excerpt(b.span), b.kind) for b in document.blocks]


P, H = BlockKind.PARAGRAPH, BlockKind.HEADING


def test_whole_file_is_prose_including_markdown_like_characters() -> None:
    source = "Shares fell *sharply* on `Monday` - about 3%.\n> Not a quote block here.\n"
    assert txt(source).prose == source


def test_front_matter_is_blanked_and_returned() -> None:
    source = "---\nslug: harbour-fire\n---\nThe fire began at dawn.\n"
    document = txt(source)
    assert document.front_matter == "slug: harbour-fire"
    assert document.prose.startswith("   \n" + " " * len("slug: harbour-fire") + "\n   \n")
    assert blocks(document) == [("The fire began at dawn.", P)]


def test_front_matter_closed_by_dots_and_crlf() -> None:
    source = "---\r\na: 1\r\n...\r\nBody text.\r\n"
    document = txt(source)
    assert document.front_matter == "a: 1"
    assert blocks(document) == [("Body text.", P)]


def test_unclosed_or_late_front_matter_is_prose() -> None:
    assert txt("---\nno close here\n").front_matter is None
    document = txt("Intro.\n---\nx: 1\n---\n")
    assert document.front_matter is None
    assert document.prose == document.source


def test_blocks_split_at_blank_and_whitespace_only_lines() -> None:
    source = "The port reopened\nafter two days.\n \t \nShips queued.\n\n\nCrews worked.\n"
    assert blocks(txt(source)) == [
        ("The port reopened\nafter two days.", P),
        ("Ships queued.", P),
        ("Crews worked.", P),
    ]


def test_one_paragraph_per_line_exports_split_at_sentence_ends() -> None:
    source = (
        "The council met on Tuesday.\n"
        'She said: "We will vote."\n'
        "Was it legal?  \n"
        "Nobody knew (yet.)\n"
        "It passed\u2019\n"
        "Final words!\u201d\n"
    )
    assert [text for text, _ in blocks(txt(source))] == [
        "The council met on Tuesday.",
        'She said: "We will vote."',
        "Was it legal?",
        "Nobody knew (yet.)",
        "It passed\u2019\nFinal words!\u201d",
    ]


def test_hard_wrapped_sentence_ending_in_an_abbreviation_continues_in_lowercase() -> None:
    source = "Turnout rose approx.\nten points in the east.\n"
    assert blocks(txt(source)) == [(source.rstrip("\n"), P)]


def test_title_line_becomes_a_heading() -> None:
    source = "Harbour fire destroys three warehouses\n\nThe fire started at dawn.\n"
    assert blocks(txt(source)) == [
        ("Harbour fire destroys three warehouses", H),
        ("The fire started at dawn.", P),
    ]


def test_title_rules_punctuation_length_blank_line_and_position() -> None:
    assert blocks(txt("A short title.\n\nBody.\n"))[0][1] is P
    long_line = " ".join(["word"] * 16)
    assert blocks(txt(f"{long_line}\n\nBody.\n"))[0][1] is P
    assert blocks(txt(f"{' '.join(['word'] * 15)}\n\nBody.\n"))[0][1] is H
    assert blocks(txt("Title without blank\nBody.\n"))[0][1] is P
    assert blocks(txt("Only a title line\n"))[0][1] is P
    assert [kind for _, kind in blocks(txt("First.\n\nSecond heading like\n\nBody.\n"))] == [
        P,
        P,
        P,
    ]


def test_title_after_front_matter_and_comment() -> None:
    source = "---\nk: v\n---\n<!-- attrlint-disable NUM001 -->\nCity budget passes\n\nIt passed.\n"
    assert blocks(txt(source))[0] == ("City budget passes", H)


def test_html_and_hash_comments_are_recorded_and_blanked() -> None:
    source = (
        "Rents rose <!-- attrlint-disable-line SRC002 --> again.\n"
        "  # attrlint-disable-next-line HDG001\n"
        "# Not a directive, just a hash line.\n"
        "<!-- spans\ntwo lines -->\n"
    )
    document = txt(source)
    assert [c.text for c in document.comments] == [
        "attrlint-disable-line SRC002",
        "attrlint-disable-next-line HDG001",
        "spans\ntwo lines",
    ]
    assert [document.excerpt(c.span) for c in document.comments][1] == (
        "# attrlint-disable-next-line HDG001"
    )
    for comment in document.comments:
        assert not document.prose[comment.span.start : comment.span.end].strip()
    assert "# Not a directive, just a hash line." in document.prose
    assert blocks(document) == [
        ("Rents rose <!-- attrlint-disable-line SRC002 --> again.", P),
        ("# Not a directive, just a hash line.", P),
    ]


def test_unclosed_html_comment_stays_prose() -> None:
    source = "Odd <!-- never closed\n"
    document = txt(source)
    assert document.comments == ()
    assert document.prose == source


def test_bare_urls_are_blanked_but_trailing_punctuation_kept() -> None:
    source = "Data at https://data.example/v2?id=7. Also www.example.org/page, then more.\n"
    document = txt(source)
    assert document.prose == (
        "Data at "
        + " " * len("https://data.example/v2?id=7")
        + ". Also "
        + " " * len("www.example.org/page")
        + ", then more.\n"
    )


def test_cr_only_and_crlf_line_breaks() -> None:
    for brk in ("\r", "\r\n"):
        source = f"Headline here{brk}{brk}First claim.{brk}Second claim.{brk}"
        document = txt(source)
        assert blocks(document) == [
            ("Headline here", H),
            ("First claim.", P),
            ("Second claim.", P),
        ]
        offset = document.prose.index("Second")
        assert document.lines.position(offset) == (4, 1)


def test_empty_and_blank_documents() -> None:
    assert txt("").blocks == ()
    assert txt(" \n\t\n").blocks == ()
