"""Fixtures for the audit: my own small articles, written as a folder or as CMS tables, and a
real Dask LocalCluster (worker processes, one thread each) shared by the tests that need one."""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

# Each article: id (folder path), desk, headline, published date, text. Own sentences only.
ARTICLES: list[dict[str, Any]] = [
    {
        "id": "politics/tram.txt",
        "desk": "politics",
        "headline": "Council votes on tram plan",
        "published": "2024-01-10",
        "text": "Council votes on tram plan\n\nExperts say the new tram line will be late. "
        "The council spent £4.2m on the survey.\n\nThe mayor claimed the budget was fine. "
        "Councillor Jane Doe said the vote would be close.\n",
    },
    {
        "id": "politics/budget.txt",
        "desk": "politics",
        "headline": "Budget talks stall",
        "published": "2024-01-24",
        "text": "Budget talks stall\n\nIt is believed the deficit reached £2bn last year. "
        "Sources close to the minister said the talks had stalled.\n",
    },
    {
        "id": "politics/vote.txt",
        "desk": "politics",
        "headline": "Housing vote delayed",
        "published": "2024-02-03",
        "text": "Housing vote delayed\n\nPresumably the vote will pass next month. Many residents "
        "oppose the plan. The council said 1,200 homes would be built.\n",
    },
    {
        "id": "business/harbour.txt",
        "desk": "business",
        "headline": "Harbour closes for repairs",
        "published": "2024-02-11",
        "text": "Harbour closes for repairs\n\nThe harbour will close for six weeks. About 140 "
        "boats use it every day.\n\nIt is believed the repairs will cost more than planned. "
        "Officials said the work was overdue.\n",
    },
    {
        "id": "business/bakery.txt",
        "desk": "business",
        "headline": "Bakery chain grows",
        "published": "2024-02-20",
        "text": "Bakery chain grows\n\nSales rose 12% last year, the company said. Reportedly, "
        "the owner plans to sell the chain.\n",
    },
    {
        "id": "business/shops.txt",
        "desk": "business",
        "headline": "Shops close in the centre",
        "published": "2024-03-02",
        "text": "Shops close in the centre\n\nSome 300 shops closed in the city centre last "
        "year. Critics say the rents are too high.\n",
    },
    {
        "id": "sport/final.txt",
        "desk": "sport",
        "headline": "Rovers win the cup",
        "published": "2024-03-15",
        "text": "Rovers win the cup\n\nThe team won 3-1 on Saturday. Clearly, the coach's "
        "tactics worked. Officials said 40,000 fans attended.\n",
    },
    {
        "id": "sport/transfer.txt",
        "desk": "sport",
        "headline": "Striker joins United",
        "published": "2024-03-28",
        "text": "Striker joins United\n\nThe club paid £30m for the striker, it is understood. "
        "Fans were reportedly delighted.\n",
    },
]
POISON = "ZZ-POISON-ZZ"  # the worker-death test makes any text holding this kill its worker


def write_folder(root: Path, articles: list[dict[str, Any]] = ARTICLES) -> Path:
    for article in articles:
        path = root / article["id"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article["text"], encoding="utf-8")
    return root


def table_rows(articles: list[dict[str, Any]] = ARTICLES) -> list[dict[str, Any]]:
    """The articles as CMS rows: ids A1…, metadata columns, and a web address."""
    return [
        {
            "id": f"A{i}",
            "headline": a["headline"],
            "author": "Sam Reporter" if i % 2 else "Alex Writer",
            "section": a["desk"],
            "published": a["published"],
            "url": f"https://example.org/news/{i}",
            "text": a["text"],
        }
        for i, a in enumerate(articles, 1)
    ]


def write_jsonl(path: Path, rows: list[dict[str, Any]], extra_lines: Sequence[str] = ()) -> Path:
    lines = [json.dumps(row, ensure_ascii=False) for row in rows] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_csv(path: Path, rows: list[dict[str, Any]], rename: dict[str, str] | None = None) -> Path:
    rename = rename or {}
    names = [rename.get(k, k) for k in rows[0]]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(names)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row.values()])
    return path


def write_parquet(path: Path, rows: list[dict[str, Any]], row_group_size: int = 3) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=row_group_size)
    return path


def read_table(out: Path, name: str) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    rows: list[dict[str, Any]] = pq.read_table(out / f"{name}.parquet").to_pylist()
    return rows


def read_csv(out: Path, name: str) -> list[dict[str, str]]:
    with (out / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def scheduler() -> Iterator[str]:
    """A real local Dask cluster: two worker processes with one thread each, as the CLI starts."""
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # a free port, never a clash with 8787
            silence_logs=logging.CRITICAL,
        )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()
