"""Numeric expressions and their class: a statistic (count, money, percent, quantity) or not.

Dates, times, ages, years, ordinals, scores and numbers inside names are recognised so that no
rule mistakes them for statistics.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrlint.analysis.model import NumberClass, NumberMention, Sentence
from attrlint.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

ENTITY_CLASSES = {
    "PERCENT": NumberClass.PERCENT,
    "MONEY": NumberClass.MONEY,
    "QUANTITY": NumberClass.QUANTITY,
    "CARDINAL": NumberClass.COUNT,
    "DATE": NumberClass.DATE,
    "TIME": NumberClass.TIME,
    "ORDINAL": NumberClass.ORDINAL,
}
NAME_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "PRODUCT",
        "FAC",
        "WORK_OF_ART",
        "LAW",
        "EVENT",
        "LOC",
        "GPE",
        "NORP",
        "LANGUAGE",
    }
)
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")
SCORE = re.compile(r"^\d{1,3}\s*[-–]\s*\d{1,3}$")
DIGIT = re.compile(r"\d")
PENCE = re.compile(r"^\d+(\.\d+)?p$")
LEADING_APPROX = frozenset(
    {
        "about",
        "around",
        "approximately",
        "roughly",
        "nearly",
        "almost",
        "some",
        "estimated",
        "over",
        "under",
    }
)
CURRENCY = frozenset("£$€¥₹")
MAGNITUDE = frozenset(
    {
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "bn",
        "m",
        "k",
        "hundred",
        "hundreds",
        "dozen",
        "dozens",
    }
)
AGE_BEFORE = frozenset({"aged", "age", "ages"})
AGE_AFTER = re.compile(r"^(-?year-olds?|-?years?-old|-?month-old)$", re.I)
APPROX = frozenset(
    {
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "nearly",
        "almost",
        "estimated",
        "over",
        "under",
        "up",
        "least",
        "than",
        "close",
        "or",
        "so",
    }
)
SMALL_WORDS = frozenset(
    {
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "a",
        "an",
        "single",
        "zero",
        "no",
        "half",
        "both",
        "dozen",
        "ten",
    }
)
NAME_PREFIXES = frozenset(
    {
        "no",
        "no.",
        "number",
        "article",
        "section",
        "clause",
        "chapter",
        "page",
        "room",
        "flight",
        "route",
        "channel",
        "radio",
        "bbc",
        "level",
        "grade",
        "class",
        "category",
        "stage",
        "phase",
        "version",
        "series",
        "model",
        "rule",
        "resolution",
        "paragraph",
        "schedule",
        "highway",
        "g",
        "top",
        "size",
        "platform",
        "gate",
        "row",
        "seat",
        "tier",
        "division",
    }
)
NAME_SUFFIXES = frozenset({"certificate", "rating", "-rated"})


def _value(span: SpacySpan) -> str:
    return " ".join(t.lower_ for t in span if DIGIT.search(t.text) or t.lower_ in MAGNITUDE)


def _is_age(span: SpacySpan) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.lower_ in AGE_BEFORE:
        return True
    if after is not None and AGE_AFTER.match(after.text):
        return True
    if any(AGE_AFTER.search(t.text) for t in span):
        return True
    # "Jane Smith, 45, said", "The striker, 23, scored": a number between commas right after a
    # name, or a whole number of years after a noun for a person
    if before is not None and after is not None and before.text == "," and after.text == ",":
        prev = doc[span.start - 2] if span.start > 1 else None
        if prev is None:
            return False
        if prev.ent_type_ == "PERSON" or prev.pos_ == "PROPN":
            return True
        return (
            prev.pos_ == "NOUN"
            and prev.tag_ == "NN"
            and len(span) == 1
            and span[0].text.isdigit()
            and 0 < int(span[0].text) <= 120
        )
    return False


def _is_name(span: SpacySpan) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in NAME_PREFIXES:
        return True
    if len(span) > 1 and span[0].lower_ in NAME_PREFIXES:
        return True  # "at number 19": the recogniser took the label in
    # "Boeing 737", "Windows 95", "Apollo 11": a proper noun directly before, not a month
    if (
        before is not None
        and before.pos_ == "PROPN"
        and before.ent_type_ not in ("DATE", "GPE", "NORP", "MONEY")
    ):
        return not before.is_sent_start or before.ent_type_ in NAME_LABELS
    return any(t.ent_type_ in NAME_LABELS for t in span)


def _bracketed(span: SpacySpan) -> bool:
    doc = span.doc
    return (
        span.start > 0
        and doc[span.start - 1].text in ("(", ";")
        and span.end < len(doc)
        and doc[span.end].text in (")", ";")
    )


def _score_pair(span: SpacySpan) -> bool:
    """ "won 19-13" split into three tokens: a number, a dash, a number."""
    doc = span.doc
    dash = ("-", "–")
    after = span.end + 1 < len(doc) and doc[span.end].text in dash and doc[span.end + 1].is_digit
    before = span.start > 1 and doc[span.start - 1].text in dash and doc[span.start - 2].is_digit
    pct = span.end < len(doc) and doc[span.end].text == "%"
    return (after or before) and not pct and all(len(t.text) <= 3 for t in span if t.is_digit)


MONTHS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)
EVENT_NOUNS = frozenset(
    {
        "hope",
        "final",
        "race",
        "title",
        "record",
        "champion",
        "runner",
        "event",
        "heat",
        "heats",
        "relay",
        "hurdles",
        "freestyle",
        "medal",
        "medallist",
        "winner",
        "specialist",
        "world",
    }
)
RANGE_WORDS = frozenset({"and", "to", "-", "–"})


def _compound_modifier(span: SpacySpan) -> bool:
    """ "the 12-nation eurozone", "a 60,000-seat stadium": a number that describes a noun."""
    doc = span.doc
    end = span.end
    return (
        end + 1 < len(doc)
        and doc[end].text in ("-", "–")
        and doc[end + 1].pos_ in ("NOUN", "ADJ")
        and not doc[end + 1].like_num
    )


def _date_range(span: SpacySpan) -> bool:
    """ "between 6 and 12 December": the first day of a range of dates."""
    doc = span.doc
    end = span.end
    return (
        end + 2 < len(doc)
        and doc[end].lower_ in RANGE_WORDS
        and doc[end + 1].is_digit
        and doc[end + 2].lower_ in MONTHS
    )


def _event(span: SpacySpan) -> bool:
    """ "the 10,000m hope", "the 800m final": a distance that names a race."""
    doc = span.doc
    last = doc[span.end - 1]
    after = doc[span.end] if span.end < len(doc) else None
    unit = last.lower_.rstrip(".")
    metric = unit in ("m", "km") or (unit.endswith(("m", "km")) and last.text[0].isdigit())
    if not metric:
        return False
    if after is not None and after.lower_ in EVENT_NOUNS:
        return True
    # "finished third in the 400m", "the men's 800m": the distance is the noun itself
    before = doc[span.start - 1] if span.start > 0 else None
    return (
        before is not None
        and before.lower_ in ("the", "'s", "’s")
        and (
            after is None
            or last.text.endswith(".")  # "the 10,000m." (the tokenizer keeps the full stop)
            or after.is_punct
            or after.is_space
            or bool(after.is_sent_start)
            or after.pos_ in ("ADP", "CCONJ")
        )
    )


def _classify(span: SpacySpan, label: str) -> NumberClass:
    text = span.text
    cls = ENTITY_CLASSES.get(label, NumberClass.COUNT)
    if cls is NumberClass.COUNT and any(PENCE.match(t.text) for t in span):
        cls = NumberClass.MONEY  # "210p"
    if cls in (NumberClass.DATE, NumberClass.TIME, NumberClass.ORDINAL):
        return cls
    if _bracketed(span):  # "$1bn (£530m)", "Everitt for Mapletoft (53)"
        return NumberClass.CONVERSION if cls is NumberClass.MONEY else NumberClass.NAME
    if _score_pair(span):
        return NumberClass.SCORE
    if _date_range(span):
        return NumberClass.DATE
    if _compound_modifier(span) or _event(span):
        return NumberClass.NAME
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lower_ in NAME_SUFFIXES:
        return NumberClass.NAME
    if label in NAME_LABELS:
        return NumberClass.NAME
    digits = [t for t in span if DIGIT.search(t.text)]
    if cls is NumberClass.COUNT and len(digits) == 1 and YEAR.match(digits[0].text):
        return NumberClass.YEAR
    if SCORE.match(text.strip()):
        return NumberClass.SCORE
    if _is_age(span):
        return NumberClass.AGE
    if cls is NumberClass.COUNT and _is_name(span):
        return NumberClass.NAME
    if cls is NumberClass.COUNT and not digits and not any(t.lower_ in MAGNITUDE for t in span):
        words = [t.lower_ for t in span if t.like_num]
        if all(w in SMALL_WORDS for w in words):
            return NumberClass.SMALL
    if cls is NumberClass.COUNT and digits and len(digits) == 1:
        try:
            if float(digits[0].text.replace(",", "")) < 10 and not any(
                t.lower_ in MAGNITUDE for t in span
            ):
                return NumberClass.SMALL
        except ValueError:
            pass
    return cls


def _mention(sent: Sentence, span: SpacySpan, label: str) -> NumberMention:
    doc = span.doc
    span = _trimmed(span)
    if (
        span.start > sent.sent.start
        and doc[span.start - 1].lower_ in LEADING_APPROX
        and (doc[span.start - 1].head.i in range(span.start, span.end))
    ):
        span = doc[span.start - 1 : span.end]  # "Around 9,000": the approximation is the figure's
    words = list(span)
    where = sent.range_span(words[0], words[-1])
    text = span.text
    if len(text) > 1 and text.endswith(".") and text[-2].isalnum():  # "400m." ending a sentence
        where, text = Span(where.start, where.end - 1), text[:-1]
    return NumberMention(
        span=where,
        text=text,
        cls=_classify(span, label),
        sentence=sent.index,
        value=_value(span),
        approximate=any(t.lower_ in APPROX for t in span),
    )


def _trimmed(span: SpacySpan) -> SpacySpan:
    """Without the white space, quote marks or brackets the entity recogniser sometimes takes in
    at either end ("1,000" followed by two spaces, a line break or a „)."""
    doc, start, end = span.doc, span.start, span.end

    def edge(token: Token) -> bool:
        return token.is_space or token.is_quote or token.is_bracket

    while end - start > 1 and edge(doc[end - 1]):
        end -= 1
    while end - start > 1 and edge(doc[start]):
        start += 1
    return span if (start, end) == (span.start, span.end) else doc[start:end]


def find_numbers(sent: Sentence) -> Iterator[NumberMention]:
    """Numeric entities in the sentence, plus number tokens the entity recogniser missed."""
    seen: set[int] = set()
    for ent in sent.entities:
        if not any(t.like_num or DIGIT.search(t.text) for t in ent):
            continue
        start, end = ent.start, ent.end
        if ent.label_ in ("CARDINAL", "MONEY"):
            first, last, label = _expand(ent[0]), _expand(ent[-1]), ent.label_
            start, end = min(start, first[0]), max(end, last[1])
            label = (
                first[2] if first[2] != "CARDINAL" else last[2] if last[2] != "CARDINAL" else label
            )
        else:
            label = ent.label_
        seen.update(range(start, end))
        yield _mention(sent, ent.doc[start:end], label)
    for tok in sent.sent:
        if tok.i in seen or not (tok.like_num and DIGIT.search(tok.text)):
            continue
        start, end, label = _expand(tok)
        seen.update(range(start, end))
        yield _mention(sent, tok.doc[start:end], label)


def _expand(tok: Token) -> tuple[int, int, str]:
    """A bare number token widened to its currency sign, magnitude and percent sign."""
    doc = tok.doc
    start, end, label = tok.i, tok.i + 1, "CARDINAL"
    if start > 0 and (doc[start - 1].tag_ == "$" or doc[start - 1].text in CURRENCY):
        start, label = start - 1, "MONEY"
    if end < len(doc) and doc[end].lower_.rstrip(".") in MAGNITUDE:
        end += 1  # "£120m." at a sentence end is tokenised "£", "120", "m."
    if end < len(doc) and doc[end].text == "%":
        end, label = end + 1, "PERCENT"
    elif end + 1 < len(doc) and doc[end].lower_ == "per" and doc[end + 1].lower_ == "cent":
        end, label = end + 2, "PERCENT"
    elif end < len(doc) and doc[end].lower_ == "percent":
        end, label = end + 1, "PERCENT"
    return start, end, label
