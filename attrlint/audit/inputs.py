"""The audit's input: a folder of articles or a CMS table (JSON Lines, CSV, Parquet), in partitions.

The client reads only what it must. A folder is walked (as ``check`` walks it, honouring excludes
and .gitignore) and workers read the files; a Parquet file is split by row groups and workers read
their slices; JSON Lines and CSV are streamed through the client, which sends each partition's rows.
A table that cannot be read at all stops the audit before it starts (exit 2); a row that cannot be
read is one failed article.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from attrlint.audit.model import Article, AuditError, Columns, Meta, ParquetSlice, Partition
from attrlint.audit.values import row_article
from attrlint.inputs import EXTENSIONS, WalkPolicy, collect

KINDS = ("folder", "jsonl", "csv", "parquet")
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv"}
SUFFIXES |= {".parquet": "parquet", ".pq": "parquet"}
CANDIDATES = {
    "text": ("text", "body", "content", "article", "article_text"),
    "id": ("id", "article_id", "uuid", "guid"),
    "headline": ("headline", "title"),
    "author": ("author", "byline", "authors"),
    "desk": ("desk", "section", "category"),
    "published": ("published", "published_at", "publish_date", "pubdate", "date"),
    "url": ("url", "link", "canonical_url"),
}


@dataclass(frozen=True, slots=True)
class Plan:
    """What will be audited: the kind of input, how many articles, and the partitions."""

    kind: str
    total: int | None
    columns: Columns | None
    partitions: Callable[[], Iterator[Partition]]


def detect(path: Path, kind: str) -> str:
    """The input kind: as asked, by suffix, or a folder holding Parquet files (one level down)."""
    if kind != "auto":
        return kind
    if path.is_dir():
        near = [*path.glob("*.parquet"), *path.glob("*/*.parquet")]
        texts = [p for p in path.iterdir() if p.suffix.lower() in EXTENSIONS]
        return "parquet" if near and not texts else "folder"
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    if suffixes and suffixes[-1] in SUFFIXES:
        return SUFFIXES[suffixes[-1]]
    raise AuditError(
        f"{path}: cannot tell the input format from the name; use a folder, a .jsonl, .csv or "
        ".parquet file, or --input-format"
    )


def pick_columns(names: list[str], asked: dict[str, str | None], where: str) -> Columns:
    """Resolve ``--text-column`` and friends against a table's columns (auto: common names)."""
    lower = {n.lower(): n for n in names}
    chosen: dict[str, str | None] = {}
    for field, candidates in CANDIDATES.items():
        wanted = asked.get(field)
        if wanted is not None:
            if wanted not in names and wanted.lower() not in lower:
                listing = ", ".join(names) or "none"
                raise AuditError(f"{where}: no column {wanted!r} (columns: {listing})")
            chosen[field] = wanted if wanted in names else lower[wanted.lower()]
        else:
            chosen[field] = next((lower[c] for c in candidates if c in lower), None)
    text = chosen.pop("text")
    if text is None:
        raise AuditError(
            f"{where}: no text column (looked for {', '.join(CANDIDATES['text'])}; "
            f"columns: {', '.join(names) or 'none'}); name it with --text-column"
        )
    return Columns(text=text, **chosen)


def plan(
    path: Path,
    kind: str,
    asked: dict[str, str | None],
    size: int,
    text_format: str,
    policy: WalkPolicy,
) -> Plan:
    kind = detect(path, kind)
    if not path.exists():
        raise AuditError(f"{path}: No such file or directory")
    if kind == "folder":
        return _folder(path, size, policy)
    if kind == "parquet":
        return _parquet(path, asked, size, text_format)
    if path.is_dir():
        raise AuditError(f"{path}: is a folder, not a {kind} file")
    if kind == "jsonl":
        return _jsonl(path, asked, size, text_format)
    return _csv(path, asked, size, text_format)


def _chunks(articles: Iterator[Article], size: int, text_format: str | None) -> Iterator[Partition]:
    batch: list[Article] = []
    index = 0
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield Partition((index,), tuple(batch), text_format=text_format)
            batch, index = [], index + 1
    if batch:
        yield Partition((index,), tuple(batch), text_format=text_format)


# --- folders --------------------------------------------------------------------------------


def _folder(path: Path, size: int, policy: WalkPolicy) -> Plan:
    if not path.is_dir():
        raise AuditError(f"{path}: not a folder")
    targets, _ = collect([str(path)], None, policy)
    articles = []
    for target in targets:
        assert target.path is not None
        relative = target.path.relative_to(path)
        desk = relative.parts[0] if len(relative.parts) > 1 else None
        absolute = str(target.path.absolute())
        articles.append(Article(relative.as_posix(), Meta(desk=desk), path=absolute))
    if not articles:
        raise AuditError(f"{path}: no articles ({', '.join(EXTENSIONS)} files) in this folder")
    return Plan("folder", len(articles), None, lambda: _chunks(iter(articles), size, None))


# --- JSON Lines and CSV, streamed through the client ---------------------------------------


def _open_text(path: Path) -> IO[str]:
    """Text with undecodable bytes kept as surrogates, so one bad row fails alone."""
    opener: Any = gzip.open if path.suffix.lower() == ".gz" else open
    handle: IO[str] = opener(path, "rt", encoding="utf-8", errors="surrogateescape", newline="")
    return handle


def _jsonl(path: Path, asked: dict[str, str | None], size: int, text_format: str) -> Plan:
    name = path.name
    total = 0
    first: Any = None
    try:
        with _open_text(path) as handle:
            for line in handle:
                if line.strip():
                    total += 1
                    if first is None:
                        first = _json_line(line)
    except (OSError, EOFError) as exc:
        raise AuditError(f"{path}: cannot read: {exc}") from None
    if total == 0:
        raise AuditError(f"{path}: no rows")
    if not isinstance(first, dict):
        kind = "a JSON array" if isinstance(first, list) else "not JSON Lines"
        raise AuditError(f"{path}: {kind}: each line must be one JSON object (one article)")
    columns = pick_columns(list(first), asked, str(path))

    def rows() -> Iterator[Article]:
        with _open_text(path) as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                where = f"{name}:{number}"
                data = _json_line(line)
                if isinstance(data, str):
                    yield Article(where, error=f"line {number}: {data}")
                elif not isinstance(data, dict):
                    yield Article(where, error=f"line {number}: not a JSON object")
                else:
                    yield row_article(data, columns, where)

    return Plan("jsonl", total, columns, lambda: _chunks(rows(), size, text_format))


def _json_line(line: str) -> Any:
    """The parsed line, or a string saying why it is not JSON."""
    try:
        return json.loads(line)
    except UnicodeEncodeError:
        return "not valid UTF-8"
    except ValueError as exc:
        reason = str(exc)
        if "surrogate" in reason:
            return "not valid UTF-8"
        return f"not valid JSON ({reason})"


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """``(line, fields)`` of each record; a structural error raises AuditError naming the line."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with _open_text(path) as handle:
        reader = csv.reader(handle, strict=True)
        line = 1
        try:
            for record in reader:
                yield line, record
                line = reader.line_num + 1
        except csv.Error as exc:
            raise AuditError(f"{path}: malformed CSV at line {reader.line_num}: {exc}") from None


def _csv(path: Path, asked: dict[str, str | None], size: int, text_format: str) -> Plan:
    try:
        rows = _csv_rows(path)
        header = next(rows, None)
        if header is None or not any(h.strip() for h in header[1]):
            raise AuditError(f"{path}: no header row")
        names = [h.strip() for h in header[1]]
        columns = pick_columns(names, asked, str(path))
        total = sum(1 for _, record in rows if record)  # validates the whole file up front
    except (OSError, EOFError) as exc:
        raise AuditError(f"{path}: cannot read: {exc}") from None
    if total == 0:
        raise AuditError(f"{path}: no rows below the header")

    def articles() -> Iterator[Article]:
        stream = _csv_rows(path)
        next(stream)
        for number, (line, record) in enumerate((r for r in stream if r[1]), 1):
            where = f"{path.name}:{number}"
            if len(record) != len(names):
                yield Article(
                    where, error=f"line {line}: {len(record)} fields, the header has {len(names)}"
                )
            else:
                yield row_article(dict(zip(names, record, strict=True)), columns, where)

    return Plan("csv", total, columns, lambda: _chunks(articles(), size, text_format))


# --- Parquet: workers read their own slices -------------------------------------------------


def _parquet(path: Path, asked: dict[str, str | None], size: int, text_format: str) -> Plan:
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = sorted(path.rglob("*.parquet")) if path.is_dir() else [path]
    if not files:
        raise AuditError(f"{path}: no .parquet files in this folder")
    columns: Columns | None = None
    layout: list[tuple[Path, str, list[int]]] = []
    for file in files:
        display = file.relative_to(path).as_posix() if path.is_dir() else file.name
        try:
            meta = pq.ParquetFile(file).metadata
        except (OSError, pa.ArrowException) as exc:
            raise AuditError(f"{file}: not a readable Parquet file: {exc}") from None
        names = list(meta.schema.to_arrow_schema().names)
        if columns is None:
            columns = pick_columns(names, asked, str(file))
        missing = [c for c in columns.wanted() if c not in names]
        if missing:
            raise AuditError(f"{file}: no column {missing[0]!r} (columns: {', '.join(names)})")
        layout.append(
            (file, display, [meta.row_group(i).num_rows for i in range(meta.num_row_groups)])
        )
    assert columns is not None
    total = sum(sum(groups) for _, _, groups in layout)
    if total == 0:
        raise AuditError(f"{path}: no rows")
    found = columns

    def partitions() -> Iterator[Partition]:
        index = 0
        for file, display, groups in layout:
            first = 0
            for group, rows in enumerate(groups):
                for start in range(0, rows, size):
                    piece = ParquetSlice(
                        str(file.absolute()),
                        display,
                        group,
                        first,
                        start,
                        min(rows, start + size),
                        found,
                    )
                    yield Partition((index,), parquet=piece, text_format=text_format)
                    index += 1
                first += rows

    return Plan("parquet", total, columns, partitions)


def fallback_ids(partition: Partition) -> list[tuple[str, str | None]]:
    """``(id, path)`` of each article, for failures the worker could not report itself."""
    if partition.parquet is None:
        return [(a.id, a.path) for a in partition.articles]
    part = partition.parquet
    ids: list[str | None] = [None] * partition.size
    if part.columns.id is not None:
        try:
            import pyarrow.parquet as pq

            table = pq.ParquetFile(part.path).read_row_group(part.row_group, [part.columns.id])
            column = table.column(0).slice(part.start, partition.size).to_pylist()
            ids = [None if v is None else str(v) for v in column]
        except Exception:  # unreadable slice: fall back to row numbers
            pass
    first = part.first_row + part.start + 1
    return [(ident or f"{part.display}:{first + i}", None) for i, ident in enumerate(ids)]
