"""The document layer records where links point, so that the registry can match their domains."""

from __future__ import annotations

from attrlint.document import load_document

MARKDOWN = """\
The [Morning Bugle](https://www.bugle.example/a) reported it; see <https://gossipgazette.example/x>
and www.whispernet.example/y. A [reference][r], an ![image](https://img.example/a.png) and an
[](https://empty.example).

> a [quoted
> link](https://quoted.example) and `https://code.example` in code

[r]: https://linkfarm.example/z
"""


def test_markdown_links_keep_their_text_span_and_destination() -> None:
    document = load_document(MARKDOWN, "story.md")
    found = [(document.excerpt(link.span), link.url) for link in document.links]
    assert found == [
        ("Morning Bugle", "https://www.bugle.example/a"),
        ("<https://gossipgazette.example/x>", "https://gossipgazette.example/x"),
        ("www.whispernet.example/y", "www.whispernet.example/y"),
        ("reference", "https://linkfarm.example/z"),
        ("[](https://empty.example)", "https://empty.example"),
        ("quoted\n> link", "https://quoted.example"),
    ]
    assert len(document.prose) == len(MARKDOWN)
    assert "bugle.example" not in document.prose  # destinations still never reach the rules


def test_plain_text_bare_urls_are_links() -> None:
    text = "Figures from www.bugle.example/jobs, and (https://linkfarm.example/a).\n"
    document = load_document(text, "story.txt")
    found = [(document.excerpt(link.span), link.url) for link in document.links]
    assert found == [
        ("www.bugle.example/jobs", "www.bugle.example/jobs"),
        ("https://linkfarm.example/a", "https://linkfarm.example/a"),
    ]
