"""The Markdown prose mask: what is kept, what is blanked, blocks, comments and positions."""

from __future__ import annotations

import pytest

from attrlint.document import BlockKind, Document, load_document


def md(source: str) -> Document:
    document = load_document(source, "story.md")
    assert document.format == "markdown"
    assert len(document.prose) == len(source)
    return document


def kept(document: Document, text: str, occurrence: int = 0) -> bool:
    """Whether the ``occurrence``-th ``text`` in the source is kept verbatim in the prose."""
    start = -1
    for _ in range(occurrence + 1):
        start = document.source.index(text, start + 1)
    return document.prose[start : start + len(text)] == text


def blanked(document: Document, text: str) -> bool:
    """Whether every occurrence of ``text`` in the source is blank in the prose."""
    start = document.source.find(text)
    assert start >= 0, text
    while start >= 0:
        if document.prose[start : start + len(text)].strip():
            return False
        start = document.source.find(text, start + 1)
    return True


def excerpts(document: Document) -> list[tuple[str, str, bool]]:
    return [(document.excerpt(b.span), b.kind.value, b.quoted) for b in document.blocks]


def test_fenced_indented_inline_code_are_blanked() -> None:
    document = md(
        "The mayor said `rate = 4.5%` twice.\n\n"
        "```python\nbudget = 12_000\n```\n\n"
        "~~~\ntilde fence 77\n~~~\n\n"
        "    indented 300 lines\n\n"
        "Closing line.\n"
    )
    for code in ("`rate = 4.5%`", "```python", "budget = 12_000", "tilde fence 77", "~~~"):
        assert blanked(document, code), code
    assert blanked(document, "indented 300 lines")
    assert kept(document, "The mayor said")
    assert kept(document, "twice.")
    assert kept(document, "Closing line.")


def test_code_span_with_longer_fence_and_unmatched_backtick() -> None:
    document = md("Use ``a ` b`` here, and a stray ` stays.\n")
    assert blanked(document, "``a ` b``")
    assert kept(document, "a stray ` stays.")


def test_front_matter_is_blanked_and_returned() -> None:
    source = "---\r\ntitle: Flood report\r\ndesk: metro\r\n---\r\nWater rose overnight.\r\n"
    document = md(source)
    assert document.front_matter == "title: Flood report\r\ndesk: metro"
    assert blanked(document, "title: Flood report")
    assert blanked(document, "---")
    assert kept(document, "Water rose overnight.")
    assert document.prose.count("\r\n") == source.count("\r\n")


def test_no_front_matter_when_not_at_the_start() -> None:
    document = md("Intro line.\n\n---\nnot: yaml\n---\n")
    assert document.front_matter is None


def test_html_blocks_and_comments_are_blanked_and_comments_recorded() -> None:
    source = (
        "<!-- attrlint-disable SRC001 -->\n"
        '<div class="box">\nboxed 99 words\n</div>\n\n'
        "Officials met <!-- attrlint-disable-line HDG002 --> on Tuesday.\n\n"
        "```\n<!-- not a comment, code -->\n```\n"
    )
    document = md(source)
    assert blanked(document, '<div class="box">')
    assert blanked(document, "boxed 99 words")
    assert blanked(document, "<!-- attrlint-disable-line HDG002 -->")
    assert kept(document, "Officials met")
    assert kept(document, "on Tuesday.")
    assert [c.text for c in document.comments] == [
        "attrlint-disable SRC001",
        "attrlint-disable-line HDG002",
    ]
    for comment in document.comments:
        excerpt = document.excerpt(comment.span)
        assert excerpt.startswith("<!--") and excerpt.endswith("-->")
        assert comment.text in excerpt


def test_multiline_inline_comment_in_a_blockquote() -> None:
    source = "> Rain fell <!-- attrlint-ignore\n> VRB001 --> all day.\n"
    document = md(source)
    (comment,) = document.comments
    assert document.excerpt(comment.span) == "<!-- attrlint-ignore\n> VRB001 -->"
    assert comment.text == "attrlint-ignore\nVRB001"
    assert kept(document, "all day.")
    assert blanked(document, "VRB001 -->")


def test_empty_and_minimal_comments() -> None:
    document = md("A <!----> b <!-- x --> c.\n\n<!-->\n")
    assert [c.text for c in document.comments] == ["", "x", ""]


def test_link_text_kept_destination_and_title_blanked() -> None:
    document = md('See [the audit report](https://example.org/audit.pdf "PDF, 2 MB") today.\n')
    assert kept(document, "the audit report")
    assert blanked(document, '](https://example.org/audit.pdf "PDF, 2 MB")')
    assert blanked(document, "[")
    assert kept(document, "today.")


def test_reference_links_and_definitions() -> None:
    document = md(
        "The [census office][stats] and [others] reported.\n\n"
        "[stats]: https://stats.example/2021 'Census'\n"
        "[others]: <https://other.example>\n"
    )
    assert kept(document, "census office")
    assert kept(document, "others", 0)
    assert blanked(document, "][stats]")
    assert blanked(document, "https://stats.example/2021")
    assert blanked(document, "[others]: <https://other.example>")
    assert [b for b, _, _ in excerpts(document)] == [
        "The [census office][stats] and [others] reported."
    ]


def test_images_are_blanked_entirely() -> None:
    document = md("Before ![Chart of 40% growth](chart.png) after.\n")
    assert blanked(document, "![Chart of 40% growth](chart.png)")
    assert kept(document, "Before")
    assert kept(document, "after.")


def test_linked_image_is_blanked_entirely() -> None:
    document = md("[![Logo 2024](logo.png)](https://example.com)\n\nNext.\n")
    assert blanked(document, "[![Logo 2024](logo.png)](https://example.com)")
    assert excerpts(document) == [("Next.", "paragraph", False)]


def test_autolinks_and_bare_urls_are_blanked() -> None:
    document = md("Mail <desk@example.com> or see <https://a.example/x> and https://b.example/y.\n")
    assert blanked(document, "<desk@example.com>")
    assert blanked(document, "<https://a.example/x>")
    assert blanked(document, "https://b.example/y")
    assert document.prose.rstrip().endswith(".")


def test_inline_html_tags_blanked_their_text_kept() -> None:
    document = md("Up <span class='n'>12%</span> on<br/>Friday.\n")
    assert blanked(document, "<span class='n'>")
    assert blanked(document, "</span>")
    assert blanked(document, "<br/>")
    assert kept(document, "12%")
    assert kept(document, "Friday.")


def test_emphasis_and_strikethrough_markers_are_blanked() -> None:
    document = md("Troops: **12,000** and *some* _more_ __here__ ~~none~~ ***both***.\n")
    start = document.source.index("**12,000**")
    assert document.prose[start : start + 10] == "  12,000  "
    for word in ("some", "more", "here", "none", "both"):
        assert kept(document, word)
    for marker in ("*", "_", "~"):
        assert blanked(document, marker)


def test_literal_asterisks_underscores_and_tildes_stay() -> None:
    document = md("Rates rose 5 * 3 times; file_name_here and ~approx stay; a ** b.\n")
    assert kept(document, "5 * 3 times")
    assert kept(document, "file_name_here")
    assert kept(document, "~approx")
    assert kept(document, "a ** b.")


def test_backslash_escapes_blank_only_the_backslash() -> None:
    source = "Not \\*emphasis\\* and C:\\path kept\\\nbreak.\n"
    document = md(source)
    start = source.index("\\*emphasis")
    assert document.prose[start : start + 12] == " *emphasis *"
    assert kept(document, "C:\\path")  # "\p" is not an escape: the backslash is literal
    assert blanked(document, "\\\n")


def test_headings_atx_closing_and_setext() -> None:
    document = md("## Budget ## \n\nCouncil\n=======\n\nSub head\n---\n\n#### Tail #x\n")
    assert excerpts(document) == [
        ("Budget", "heading", False),
        ("Council", "heading", False),
        ("Sub head", "heading", False),
        ("Tail #x", "heading", False),
    ]
    assert blanked(document, "##")
    assert blanked(document, "=======")
    assert blanked(document, "---")


def test_lists_markers_blanked_items_are_list_blocks() -> None:
    document = md("- first item\n* second\n  continued\n\n1. ordered\n2) paren\n\n-\ttabbed item\n")
    assert excerpts(document) == [
        ("first item", "list_item", False),
        ("second\n  continued", "list_item", False),
        ("ordered", "list_item", False),
        ("paren", "list_item", False),
        ("tabbed item", "list_item", False),
    ]
    for marker in ("- ", "* ", "1. ", "2) "):
        assert blanked(document, marker)


def test_blockquotes_are_quoted_at_any_depth() -> None:
    document = md(
        "> The minister said it was over.\n> Twice.\n>\n> > Nested > quote here.\n\n"
        "> - quoted item\n\nPlain prose.\n"
    )
    assert excerpts(document) == [
        ("The minister said it was over.\n> Twice.", "paragraph", True),
        ("Nested > quote here.", "paragraph", True),
        ("quoted item", "list_item", True),
        ("Plain prose.", "paragraph", False),
    ]
    assert kept(document, "Nested > quote here.")
    line = document.source.index("> > Nested")
    assert document.prose[line : line + 4] == "    "


def test_lazy_continuation_line_in_blockquote() -> None:
    document = md("> Quoted start\ncontinues lazily.\n")
    assert excerpts(document) == [("Quoted start\ncontinues lazily.", "paragraph", True)]


def test_tables_cells_are_blocks_and_pipes_and_delimiters_blanked() -> None:
    source = (
        "| Region | Share |\n"
        "| :----- | ----: |\n"
        "| North  | 41%   |\n"
        "| a \\| b | `x\\|` |\n"
        "South | 9% \n"
    )
    document = md(source)
    cells = [(text, kind) for text, kind, _ in excerpts(document)]
    assert cells == [
        ("Region", "table_cell"),
        ("Share", "table_cell"),
        ("North", "table_cell"),
        ("41%", "table_cell"),
        ("a \\| b", "table_cell"),
        ("South", "table_cell"),
        ("9%", "table_cell"),
    ]
    assert blanked(document, "| :----- | ----: |")
    assert blanked(document, "`x\\|`")
    row = source.index("| a")
    assert document.prose[row : row + 7] == "  a  | "


def test_table_in_blockquote_is_quoted() -> None:
    document = md("> | Name | Votes |\n> | --- | --- |\n> | Ada | 12 |\n")
    assert [(t, q) for t, _, q in excerpts(document)] == [
        ("Name", True),
        ("Votes", True),
        ("Ada", True),
        ("12", True),
    ]


def test_thematic_breaks_are_blanked() -> None:
    document = md("Above.\n\n***\n\n- - -\n\nBelow.\n")
    assert blanked(document, "***")
    assert blanked(document, "- - -")


def test_paragraph_block_spans_are_trimmed_prose() -> None:
    document = md("  **Lead** sentence here `code`\n")
    assert excerpts(document) == [("Lead** sentence here", "paragraph", False)]


def test_block_of_only_markup_produces_no_block() -> None:
    document = md("`only code`\n\n![img](x.png)\n")
    assert document.blocks == ()


def test_crlf_positions_of_a_word_on_line_three() -> None:
    source = "# Title\r\n\r\nOfficials said 4,000 people left.\r\n"
    document = md(source)
    offset = document.prose.index("4,000")
    assert offset == source.index("4,000")
    assert document.lines.position(offset) == (3, 16)
    assert document.lines.position(offset + 5) == (3, 21)


def test_lone_cr_file() -> None:
    source = "# Title\r\rFirst para\rsecond line.\r\r> Quoted.\r"
    document = md(source)
    assert excerpts(document) == [
        ("Title", "heading", False),
        ("First para\rsecond line.", "paragraph", False),
        ("Quoted.", "paragraph", True),
    ]
    assert document.lines.position(document.source.index("second")) == (4, 1)
    assert document.prose.count("\r") == source.count("\r")


def test_non_bmp_emoji_counts_as_one_column() -> None:
    source = "Intro.\n\n\U0001f4f0 Figures rose.\n"
    document = md(source)
    offset = document.prose.index("Figures")
    assert document.lines.position(offset) == (3, 3)


def test_rtl_combining_and_tabs_survive_unchanged() -> None:
    source = "Caf\u0065\u0301 \u05e9\u05dc\u05d5\u05dd\tstat \u0645\u0631\u062d\u0628\u0627.\n"
    document = md(source)
    assert document.prose == source


def test_nul_character_does_not_break_alignment() -> None:
    source = "Value\x00 here *now*.\n"
    document = md(source)
    assert kept(document, "Value\x00 here")
    assert kept(document, "now")


@pytest.mark.parametrize("name", ["a.md", "b.MARKDOWN", "dir.md/c.Md"])
def test_markdown_extensions(name: str) -> None:
    assert load_document("x", name).format == "markdown"


def test_explicit_format_wins_and_unknown_format_is_rejected() -> None:
    assert load_document("*x*", "a.txt", "markdown").prose == " x "
    assert load_document("*x*", "a.md", "text").prose == "*x*"
    with pytest.raises(ValueError):
        load_document("x", "a.md", "rst")


def test_document_kinds_are_block_kind_members() -> None:
    document = md("Para.\n")
    assert document.blocks[0].kind is BlockKind.PARAGRAPH
