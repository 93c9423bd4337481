"""The result tables: each partition is written as it arrives, then joined in input order.

``DIR/.parts/`` holds one Parquet file per finished partition and table, so nothing computed is
lost if the run is interrupted; at the end they are joined, one at a time, into
``articles``, ``findings`` and ``failed`` as Parquet and CSV (written beside, then renamed).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from attrlint.audit.model import ArticleRow, Failure, Finding
from attrlint.audit.worker import SOURCE_COLUMNS
from attrlint.rules import FAMILIES

TABLES = ("articles", "findings", "failed")
META_COLUMNS = ("headline", "author", "desk", "published", "month", "url")
FINDING_COLUMNS = Finding._fields
FAILED_COLUMNS = Failure._fields


def per_1k(count: int, words: int) -> float | None:
    return round(1000 * count / words, 3) if words else None


def schemas(rule_ids: list[str]) -> dict[str, Any]:
    import pyarrow as pa

    text, count, rate = pa.string(), pa.int64(), pa.float64()
    articles = [("id", text), ("path", text), *((c, text) for c in META_COLUMNS)]
    articles += [("words", count), ("findings", count), ("findings_per_1k", rate)]
    articles += [("unattributed_per_1k", rate), ("sources", count)]
    articles += [(f"sources_{k}", count) for k in SOURCE_COLUMNS]
    articles += [(f"findings_{f}", count) for f in FAMILIES]
    articles += [(r, count) for r in rule_ids] + [("cached", pa.bool_())]
    ints = {"line", "column", "end_line", "end_column", "offset", "end_offset"}
    findings = [(c, count if c in ints else text) for c in FINDING_COLUMNS]
    return {
        "articles": pa.schema(articles),
        "findings": pa.schema(findings),
        "failed": pa.schema([(c, text) for c in FAILED_COLUMNS]),
    }


def article_record(row: ArticleRow, rule_ids: list[str]) -> dict[str, Any]:
    total = sum(row.rules.values())
    record: dict[str, Any] = {"id": row.id, "path": row.path}
    record |= {c: getattr(row.meta, c) for c in META_COLUMNS if c != "month"}
    record |= {"month": row.month, "words": row.words, "findings": total}
    record["findings_per_1k"] = per_1k(total, row.words)
    record["unattributed_per_1k"] = per_1k(row.rules.get("ATR001", 0), row.words)
    record["sources"] = sum(row.sources.values())
    record |= {f"sources_{k}": row.sources.get(k, 0) for k in SOURCE_COLUMNS}
    for family in FAMILIES:
        record[f"findings_{family}"] = sum(n for r, n in row.rules.items() if r[:3] == family)
    record |= {r: row.rules.get(r, 0) for r in rule_ids}
    record["cached"] = row.cached
    return record


class TableWriter:
    """Writes partition parts under ``out/.parts`` and joins them at the end."""

    def __init__(self, out: Path, rule_ids: list[str]) -> None:
        self.out = out
        self.parts = out / ".parts"
        shutil.rmtree(self.parts, ignore_errors=True)  # a previous, interrupted run's parts
        self.parts.mkdir(parents=True)
        self.rule_ids = rule_ids
        self.schemas = schemas(rule_ids)
        self.written: dict[str, list[tuple[tuple[int, ...], Path]]] = {t: [] for t in TABLES}
        self.rows = dict.fromkeys(TABLES, 0)

    def add(
        self,
        key: tuple[int, ...],
        articles: Iterable[ArticleRow] = (),
        findings: Iterable[Finding] = (),
        failed: Iterable[Failure] = (),
    ) -> None:
        records = {
            "articles": [article_record(a, self.rule_ids) for a in articles],
            "findings": [f._asdict() for f in findings],
            "failed": [f._asdict() for f in failed],
        }
        import pyarrow as pa
        import pyarrow.parquet as pq

        label = ".".join(f"{k:08d}" for k in key)
        for table, rows in records.items():
            if not rows:
                continue
            path = self.parts / f"{label}.{table}.parquet"
            pq.write_table(pa.Table.from_pylist(rows, schema=self.schemas[table]), path)
            self.written[table].append((key, path))
            self.rows[table] += len(rows)

    def finish(self) -> dict[str, int]:
        """Join the parts in input order into Parquet and CSV; remove the parts."""
        import pyarrow.csv as pcsv
        import pyarrow.parquet as pq

        for table in TABLES:
            schema = self.schemas[table]
            final = {s: self.out / f"{table}.{s}" for s in ("parquet", "csv")}
            temp = {s: p.with_name(f".{p.name}.tmp") for s, p in final.items()}
            with (
                pq.ParquetWriter(temp["parquet"], schema) as parquet,
                pcsv.CSVWriter(temp["csv"], schema) as text,
            ):
                for _, path in sorted(self.written[table]):
                    part = pq.read_table(path, schema=schema)
                    parquet.write_table(part)
                    text.write_table(part)
            for suffix, path in final.items():
                os.replace(temp[suffix], path)
        shutil.rmtree(self.parts, ignore_errors=True)
        return dict(self.rows)
