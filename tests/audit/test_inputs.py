"""What the audit checks before any cluster starts, and its small pure parts. Fast: no Dask."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from attrlint.audit.aggregate import normalise
from attrlint.audit.charts import hbar, nice_max
from attrlint.audit.inputs import detect, pick_columns
from attrlint.audit.model import Article, AuditError, Columns, ParquetSlice, Partition
from attrlint.audit.values import month_of, row_article
from tests.audit.conftest import table_rows, write_csv, write_folder, write_jsonl, write_parquet
from tests.cli_runner import run


@pytest.mark.parametrize(
    ("value", "month"),
    [
        ("2024-03-05", "2024-03"),
        ("2024-03-05T23:59:00+05:00", "2024-03"),  # as written, not shifted to UTC
        ("2024-11", "2024-11"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03"),
        ("2024-13-01", None),
        ("last Tuesday", None),
        (None, None),
    ],
)
def test_month_of(value: str | None, month: str | None) -> None:
    assert month_of(value) == month


def test_phrasings_are_grouped_as_an_editor_would() -> None:
    assert normalise("“Experts”") == normalise("experts,") == "experts"
    assert normalise("It  is\nbelieved") == "it is believed"


def test_chart_labels_are_escaped() -> None:
    svg = hbar("x", "t<", [("<script>alert(1)</script>", [2.0])], [("a'b", "#000")])
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&lt;" in svg
    assert svg.count("class='mark'") == 1


def test_axis_maximum_is_round() -> None:
    assert nice_max(7.5) == (8, 2)
    assert nice_max(0) == (1.0, 0.25)
    assert nice_max(1234)[0] == 1500


def test_partitions_split_in_halves() -> None:
    articles = tuple(Article(str(i)) for i in range(5))
    first, second = Partition((3,), articles).split()
    assert (first.key, second.key) == ((3, 0), (3, 1))
    assert [a.id for a in first.articles + second.articles] == [str(i) for i in range(5)]
    piece = ParquetSlice("f.parquet", "f.parquet", 0, 0, 10, 15, Columns("text"))
    a, b = Partition((1,), parquet=piece).split()
    assert [(p.parquet.start, p.parquet.stop) for p in (a, b) if p.parquet] == [(10, 12), (12, 15)]


def test_rows_become_articles_with_metadata() -> None:
    columns = pick_columns(["ID", "Title", "Body", "Section", "date"], {}, "t")
    assert (columns.id, columns.headline, columns.text, columns.desk, columns.published) == (
        "ID",
        "Title",
        "Body",
        "Section",
        "date",
    )
    article = row_article(
        {"ID": 7, "Title": "A", "Body": "x", "date": "2024-01-02"}, columns, "t:1"
    )
    assert (article.id, article.meta.headline, article.meta.published, article.text) == (
        "7",
        "A",
        "2024-01-02",
        "x",
    )
    assert row_article({"Body": None}, columns, "t:2").id == "t:2"


def test_input_kind_is_detected(tmp_path: Path) -> None:
    assert detect(write_folder(tmp_path / "f"), "auto") == "folder"
    (tmp_path / "p" / "month=2024-01").mkdir(parents=True)
    write_parquet(tmp_path / "p" / "month=2024-01" / "part-0.parquet", table_rows()[:1])
    assert detect(tmp_path / "p", "auto") == "parquet"
    assert detect(tmp_path / "x.ndjson.gz", "auto") == "jsonl"
    with pytest.raises(AuditError, match="--input-format"):
        detect(tmp_path / "x.xml", "auto")


def audit_error(argv: list[str], capsys: pytest.CaptureFixture[str], out: Path) -> str:
    """Run an audit that must stop before anything is written: exit 2, one line on stderr."""
    code, stdout, stderr = run(["audit", *argv, "--out", str(out)], capsys)
    assert code == 2 and not stdout
    assert stderr.startswith("attrlint: error: ") and stderr.count("\n") == 1, stderr
    assert not out.exists()
    return stderr


def test_malformed_csv_stops_before_the_audit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_csv(tmp_path / "export.csv", table_rows()[:3])
    with source.open("a", encoding="utf-8") as handle:
        handle.write('A9,"an unterminated quote\n')
    message = audit_error([str(source)], capsys, tmp_path / "out")
    assert "export.csv: malformed CSV at line" in message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("export.jsonl", '[{"text": "a"}]\n', "a JSON array"),
        ("export.jsonl", "not json at all\n", "not JSON Lines"),
        ("export.jsonl", "\n\n", "no rows"),
        ("export.parquet", "PAR1 but not really", "not a readable Parquet file"),
        ("export.csv", "", "no header row"),
    ],
)
def test_unreadable_tables(
    name: str, content: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    assert expected in audit_error([str(source)], capsys, tmp_path / "out")


def test_missing_columns_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"id": 1, "words": "no text column here"}]
    source = write_jsonl(tmp_path / "export.jsonl", rows)
    message = audit_error([str(source)], capsys, tmp_path / "out")
    assert "no text column" in message and "columns: id, words" in message
    message = audit_error([str(source), "--text-column", "body"], capsys, tmp_path / "out")
    assert "no column 'body' (columns: id, words)" in message


def test_a_folder_without_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert "no articles" in audit_error([str(tmp_path / "empty")], capsys, tmp_path / "out")


def test_without_the_extra_one_line_names_the_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    root = write_folder(tmp_path / "archive")
    message = audit_error([str(root)], capsys, tmp_path / "out")
    assert "pip install 'attrlint[audit]'" in message
