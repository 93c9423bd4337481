"""Table cells to article fields: text values, publication months, and rows to articles."""

from __future__ import annotations

import datetime as dt
import email.utils
import math
import re
from collections.abc import Mapping
from typing import Any

from attrlint.audit.model import Article, Columns, Meta

_MONTH = re.compile(r"(\d{4})-(\d{2})(?:-\d{2})?")
_SURROGATE = re.compile(r"[\udc80-\udcff]")


def text_value(value: Any) -> str | None:
    """A cell as text: dates in ISO form; None, NaN and blank cells as None; bad bytes as U+FFFD."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = _SURROGATE.sub("\ufffd", str(value)).strip()
    return text or None


def month_of(published: str | None) -> str | None:
    """``YYYY-MM`` of an ISO 8601 or RFC 2822 date (as written, no time-zone shift); else None."""
    if not published:
        return None
    text = published.strip()
    match = _MONTH.match(text)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{match.group(1)}-{match.group(2)}"
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return f"{parsed.year:04d}-{parsed.month:02d}"


def undecodable(text: str) -> bool:
    """Whether text read with ``surrogateescape`` held bytes that are not UTF-8."""
    return bool(_SURROGATE.search(text))


def row_article(row: Mapping[str, Any], columns: Columns, fallback_id: str) -> Article:
    """One table row as an article; a row with no text keeps ``text=None`` (the worker fails it)."""
    ident = text_value(row.get(columns.id)) if columns.id else None
    meta = Meta(
        **{
            name: text_value(row.get(column)) if column else None
            for name, column in (
                ("headline", columns.headline),
                ("author", columns.author),
                ("desk", columns.desk),
                ("published", columns.published),
                ("url", columns.url),
            )
        }
    )
    raw = row.get(columns.text)
    text = raw if isinstance(raw, str) else text_value(raw)
    return Article(ident or fallback_id, meta, text=text)
