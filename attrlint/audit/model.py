"""Values shared by the client and the workers: articles, partitions and what a partition yields.

Everything here is pickled between the client and Dask workers, so it stays plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from attrlint.errors import AttrlintError

FIELDS = ("headline", "author", "desk", "published", "url")


class AuditError(AttrlintError):
    """An audit that cannot start or go on: bad input table, no cluster, missing extra (exit 2)."""


class TaskError(Exception):
    """A worker-side failure that is not one article's fault (no model, broken installation)."""


@dataclass(frozen=True, slots=True)
class Meta:
    """An article's metadata; every value is text as the input gave it, or None."""

    headline: str | None = None
    author: str | None = None
    desk: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One article as the client knows it: table rows carry their text, files are read by workers."""

    id: str
    meta: Meta = Meta()
    text: str | None = None
    path: str | None = None  # absolute path of a file in a folder input
    error: str | None = None  # the client could not read this row (a bad JSON line, say)


@dataclass(frozen=True, slots=True)
class Columns:
    """Which input column holds the text and each metadata field (None: not in this input)."""

    text: str
    id: str | None = None
    headline: str | None = None
    author: str | None = None
    desk: str | None = None
    published: str | None = None
    url: str | None = None

    def wanted(self) -> list[str]:
        names = [self.text, self.id, *(getattr(self, f) for f in FIELDS)]
        return list(dict.fromkeys(n for n in names if n is not None))


@dataclass(frozen=True, slots=True)
class ParquetSlice:
    """Rows ``start:stop`` of one row group of a Parquet file, read by the worker itself."""

    path: str
    display: str  # the file relative to the input, for ids made from row numbers
    row_group: int
    first_row: int  # the row group's first row number in the file (0-based)
    start: int
    stop: int
    columns: Columns


@dataclass(frozen=True, slots=True)
class Partition:
    """A unit of work: articles (or a Parquet slice) in input order; ``key`` orders the output."""

    key: tuple[int, ...]
    articles: tuple[Article, ...] = ()
    parquet: ParquetSlice | None = None
    text_format: str | None = None  # table rows: "text" or "markdown"; files: by extension

    @property
    def size(self) -> int:
        if self.parquet is not None:
            return self.parquet.stop - self.parquet.start
        return len(self.articles)

    @property
    def label(self) -> str:
        return ".".join(str(k) for k in self.key)

    def split(self) -> tuple[Partition, Partition]:
        """Two halves, for isolating an article that kills its worker."""
        half = self.size // 2
        if self.parquet is not None:
            cut = self.parquet.start + half
            a = _replace_slice(self.parquet, self.parquet.start, cut)
            b = _replace_slice(self.parquet, cut, self.parquet.stop)
            return (
                Partition((*self.key, 0), parquet=a, text_format=self.text_format),
                Partition((*self.key, 1), parquet=b, text_format=self.text_format),
            )
        first, second = self.articles[:half], self.articles[half:]
        return (
            Partition((*self.key, 0), first, text_format=self.text_format),
            Partition((*self.key, 1), second, text_format=self.text_format),
        )


def _replace_slice(part: ParquetSlice, start: int, stop: int) -> ParquetSlice:
    return ParquetSlice(
        part.path, part.display, part.row_group, part.first_row, start, stop, part.columns
    )


class Finding(NamedTuple):
    id: str
    rule: str
    name: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int
    message: str
    excerpt: str


class Failure(NamedTuple):
    id: str
    path: str | None
    reason: str


@dataclass(slots=True)
class ArticleRow:
    """What one article yielded: metadata, words, findings per rule and sources per kind."""

    id: str
    path: str | None
    meta: Meta
    month: str | None
    words: int
    rules: dict[str, int]
    sources: dict[str, int]
    cached: bool


@dataclass(slots=True)
class PartitionResult:
    key: tuple[int, ...]
    articles: list[ArticleRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    worker: int = 0  # process id
    peak_rss: int = 0  # bytes, the worker process's high-water mark so far
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # the worker process's processor time for this partition
    cache_problem: str | None = None
