"""Direct quotes found from quotation marks in the prose, block by block.

Straight and curly double quotes may stay open to the end of a paragraph (the newsroom convention
for a quote running over several paragraphs); single quotes count only when closed in the same
paragraph, so that apostrophes ("the '90s", "workers' rights") never open a quote.
"""

from __future__ import annotations

from attrlint.analysis.model import Quote
from attrlint.types import Span

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
OPENING_CONTEXT = " \t\r\n([{—–-/"
CLOSING_CONTEXT = ".,;:!?)]}"
MAX_SINGLE = 400  # a single-quoted stretch longer than this is more likely apostrophes
# and one of a single character is an elision: "rock 'n' roll"


def _prev(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else " "


def _next(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else " "


def _opens_straight(text: str, i: int) -> bool:
    return _prev(text, i) in OPENING_CONTEXT and not _next(text, i).isspace()


YEAR_WORDS = frozenset(
    {"in", "since", "of", "from", "by", "until", "till", "the", "and", "to", "class", "early",
     "late", "mid", "spring", "summer", "autumn", "fall", "winter"}
)  # fmt: skip


def _year_cut_short(text: str, i: int) -> bool:
    """An apostrophe for the century of a year: "the '90s", "in ‘08". Not a quote that opens on
    a number: "‘50 dead in floods’", "‘24/7 coverage’"."""
    if not text[i + 1 : i + 3].isdigit() or text[i + 3 : i + 4].isdigit():
        return False
    if text[i + 3 : i + 4] == "s":
        return True
    before = text[max(0, i - 12) : i].rstrip().rsplit(None, 1)  # the word before, if short
    return bool(before) and before[-1].lower() in YEAR_WORDS


def _is_apostrophe(text: str, i: int) -> bool:
    """An apostrophe rather than a closing single quote: a letter follows directly."""
    return _next(text, i).isalnum()


def _closes_mistyped(text: str, opened: int, i: int) -> bool:
    """An opening curly mark at ``i`` that can only be closing the quote opened at ``opened``:
    it follows punctuation ending the quoted words and comes before a space."""
    return (
        i > opened + 1
        and _prev(text, i) in ".,;:!?"
        and (_next(text, i).isspace() or _next(text, i) in CLOSING_CONTEXT)
    )


def _words_end(text: str, opened: int, at: int) -> int:
    """Where the quote opened at ``opened`` stops, given a mark at ``at`` after white space: at
    the end of its last word (never before the character after the opening mark)."""
    stop = at
    while stop > opened + 1 and text[stop - 1].isspace():
        stop -= 1
    return max(stop, opened + 1)


def find_quotes(prose: str, start: int, end: int, block: int) -> list[Quote]:
    """The quotes in ``prose[start:end]``, with spans in source offsets."""
    raw = prose[start:end]
    text = _pair_apostrophes(raw)
    quotes: list[Quote] = []
    double: int | None = None
    single: int | None = None

    def close(opened: int, at: int, closed: bool = True) -> None:
        stop = at + 1 if closed else len(text)
        content_end = at if closed else len(text)
        quotes.append(
            Quote(
                span=Span(start + opened, start + stop),
                content=Span(start + opened + 1, start + max(opened + 1, content_end)),
                block=block,
                closed=closed,
            )
        )

    for i, ch in enumerate(text):
        if ch == '"':
            if double is None:
                if _opens_straight(text, i):
                    double = i
            elif not _prev(text, i).isspace():
                close(double, i)
                double = None
            else:
                words_end = start + _words_end(text, double, i)  # not the blank before the mark
                content = Span(start + double + 1, words_end)
                if _next(text, i).isspace() or _next(text, i) in CLOSING_CONTEXT:
                    # a stray space before the closing mark: '"It was fair, " the mayor said.'
                    quotes.append(Quote(Span(start + double, start + i + 1), content, block, True))
                    double = None
                else:  # an unbalanced quote: it ends at its last word, and a new one starts here
                    quotes.append(Quote(Span(start + double, words_end), content, block, False))
                    double = i
        elif ch in DOUBLE_OPEN and double is None:
            double = i
        elif ch in DOUBLE_OPEN and double is not None and _closes_mistyped(text, double, i):
            close(double, i)  # an opening mark typed for a closing one: '“It's unusual,“ said'
            double = None
        elif ch in DOUBLE_CLOSE and double is not None:
            close(double, i)
            double = None
        elif ch in SINGLE_OPEN or (ch == "'" and single is None):
            decade = _year_cut_short(text, i)
            if (
                single is None
                and not decade
                and _prev(text, i) in OPENING_CONTEXT + '"“'
                and _next(text, i).isalnum()
            ):
                single = i
        elif ch in (SINGLE_CLOSE, "'") and single is not None and double is None:
            if not _is_apostrophe(text, i) and not _prev(text, i).isspace():
                if 2 < i - single <= MAX_SINGLE:
                    close(single, i)
                single = None
        elif ch in (SINGLE_CLOSE, "'") and single is not None and not _is_apostrophe(text, i):
            if not _prev(text, i).isspace() and 2 < i - single <= MAX_SINGLE:
                close(single, i)
            single = None
    if double is not None:
        close(double, len(text), closed=False)
    quotes.sort(key=lambda q: q.span.start)
    return [_trim_pairs(q, raw, start) for q in _drop_nested(quotes)]


JOINER = "\u2060"


def _pair_apostrophes(text: str) -> str:
    """Two apostrophes used as a double quote (''like this'', common in wire exports) become one
    straight double quote plus an invisible joiner, keeping the text's length."""
    if "''" not in text:
        return text
    out = list(text)
    i = 0
    while i < len(text) - 1:
        if text[i] == "'" and text[i + 1] == "'":
            opening = _prev(text, i) in OPENING_CONTEXT and not _next(text, i + 1).isspace()
            out[i], out[i + 1] = ('"', JOINER) if opening else (JOINER, '"')
            i += 2
        else:
            i += 1
    return "".join(out)


def _trim_pairs(quote: Quote, raw: str, start: int) -> Quote:
    """Keep both apostrophes of a ''pair'' outside the quote's content."""
    lo, hi = quote.content.start - start, quote.content.end - start
    if lo < len(raw) and raw[lo - 1 : lo + 1] == "''":
        lo += 1
    if quote.closed and hi > lo and raw[hi - 1 : hi + 1] == "''":
        hi -= 1
    if (lo, hi) == (quote.content.start - start, quote.content.end - start):
        return quote
    return Quote(quote.span, Span(start + lo, start + max(lo, hi)), quote.block, quote.closed)


def _drop_nested(quotes: list[Quote]) -> list[Quote]:
    """Keep outermost quotes only: a single-quoted phrase inside a quote is part of it."""
    kept: list[Quote] = []
    for quote in quotes:
        if kept and quote.span.start < kept[-1].span.end:
            continue
        kept.append(quote)
    return kept
