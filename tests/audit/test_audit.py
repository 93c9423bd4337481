"""``attrlint audit`` end to end on a real Dask cluster, the real model, and my own articles.

Every table is checked against ``attrlint check --format json`` on the same texts: the audit must
lint exactly as ``check`` does (same configuration, rules and positions).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from attrlint.cache import code_digest
from tests.audit.conftest import (
    ARTICLES,
    read_csv,
    read_table,
    table_rows,
    write_csv,
    write_folder,
    write_jsonl,
    write_parquet,
)
from tests.cli_runner import run

pytestmark = pytest.mark.slow

FindingKey = tuple[str, str, str, int, int, int, int, str, str]


def check_findings(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[FindingKey]:
    """``attrlint check --format json`` over ``root`` (the working folder), as comparable rows."""
    code, out, err = run(["check", ".", "--format", "json", "--no-cache", *extra], capsys)
    assert code in (0, 1, 2), err  # 2: a file that cannot be read, as in the audit
    return sorted(
        (
            f["path"],
            d["rule"],
            d["severity"],
            d["line"],
            d["column"],
            d["end_line"],
            d["end_column"],
            d["message"],
            d["excerpt"],
        )
        for f in json.loads(out)["files"]
        for d in f["diagnostics"]
    )


def audit_findings(out: Path, rename: dict[str, str] | None = None) -> list[FindingKey]:
    rename = rename or {}
    return sorted(
        (
            rename.get(f["id"], f["id"]),
            f["rule"],
            f["severity"],
            f["line"],
            f["column"],
            f["end_line"],
            f["end_column"],
            f["message"],
            f["excerpt"],
        )
        for f in read_table(out, "findings")
    )


def summary(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "summary.json").read_text("utf-8"))
    return data


def assert_csv_matches_parquet(out: Path) -> None:
    for name in ("articles", "findings", "failed"):
        parquet, text = read_table(out, name), read_csv(out, name)
        assert len(parquet) == len(text), name
        for p, t in zip(parquet, text, strict=True):
            assert set(p) == set(t)
            assert t["id"] == p["id"]
            for key, value in p.items():
                if value is None:
                    assert t[key] == "", (name, key)
                elif isinstance(value, bool):
                    assert t[key] == str(value).lower()
                elif isinstance(value, float):
                    assert float(t[key]) == pytest.approx(value)
                else:
                    assert t[key] == str(value), (name, key)


def assert_counts_match_findings(out: Path) -> None:
    """Per-article rule and family counts are the findings table, counted."""
    findings = Counter((f["id"], f["rule"]) for f in read_table(out, "findings"))
    for row in read_table(out, "articles"):
        total = 0
        for column, value in row.items():
            if len(column) == 6 and column[:3].isupper() and column[3:].isdigit():
                assert value == findings[(row["id"], column)], (row["id"], column)
                total += value
        assert row["findings"] == total
        families = sum(v for k, v in row.items() if k.startswith("findings_") and k[9:].isupper())
        assert families == total
        if row["words"]:
            assert row["unattributed_per_1k"] == pytest.approx(
                round(1000 * row["ATR001"] / row["words"], 3)
            )


def test_folder_on_a_local_cluster_agrees_with_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default path: `--workers 1` starts a LocalCluster; config discovered as `check` does."""
    root = write_folder(tmp_path / "archive")
    (root / ".git").mkdir()  # the configuration search stops here, for both commands
    (root / "attrlint.toml").write_text('ignore = ["VRB001"]\n', encoding="utf-8")
    (root / "business" / "latin1.txt").write_bytes("Caf\xe9 prices rise\n".encode("latin-1"))
    (root / "business" / "empty.txt").write_text("  \n", encoding="utf-8")
    (root / "note.md").write_text(
        "---\ntitle: A note from the editor\ndesk: opinion\ndate: 2024-04-01\n---\n"
        "Many readers wrote to us. We will reply to each letter.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    expected = [
        f for f in check_findings(root, capsys) if not f[0].endswith(("latin1.txt", "empty.txt"))
    ]
    out = tmp_path / "out"
    code, stdout, stderr = run(["audit", ".", "--out", str(out), "--workers", "1"], capsys)

    assert code == 2, stderr  # two articles failed
    assert audit_findings(out) == expected
    assert not any(f[1] == "VRB001" for f in expected)  # the configuration was honoured
    articles = {a["id"]: a for a in read_table(out, "articles")}
    assert sorted(articles) == sorted([a["id"] for a in ARTICLES] + ["note.md"])
    tram = articles["politics/tram.txt"]
    assert (tram["desk"], tram["headline"], tram["path"]) == (
        "politics",
        "Council votes on tram plan",
        str(root / "politics" / "tram.txt"),
    )
    note = articles["note.md"]
    assert (note["desk"], note["headline"], note["month"]) == (
        "opinion",
        "A note from the editor",
        "2024-04",
    )
    assert tram["words"] == len(re.findall(r"\b\w+\b", ARTICLES[0]["text"]))  # all prose
    assert tram["sources_vague"] >= 1 and tram["sources_named"] >= 1
    failed = {f["id"]: f["reason"] for f in read_table(out, "failed")}
    assert set(failed) == {"business/latin1.txt", "business/empty.txt"}
    assert "not valid UTF-8" in failed["business/latin1.txt"]
    assert "no text" in failed["business/empty.txt"]
    assert_counts_match_findings(out)
    assert_csv_matches_parquet(out)
    facts = summary(out)
    assert (facts["articles"], facts["failed"], facts["exit_code"], facts["complete"]) == (
        9,
        2,
        2,
        True,
    )
    assert facts["findings"] == len(expected)
    assert "audited 9 articles (2 failed)" in stdout
    assert "business/latin1.txt: not valid UTF-8" in stderr
    assert (out / "report.html").is_file()


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_tables_with_metadata_and_bad_rows(
    kind: str,
    tmp_path: Path,
    scheduler: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = table_rows()
    rows.append({**rows[0], "id": "EMPTY", "text": None})
    rows.append({**rows[0], "id": "BLANK", "text": "   \n"})
    args: list[str] = []
    if kind == "jsonl":
        source = write_jsonl(tmp_path / "export.jsonl", rows, ['{"id": "BROKEN", "text": '])
    elif kind == "csv":  # other column names, named on the command line
        rename = {"id": "story_id", "text": "body_text", "published": "first_published"}
        source = write_csv(tmp_path / "export.csv", rows, rename)
        with source.open("a", encoding="utf-8") as handle:
            handle.write("SHORT,only two fields\n")
        args = [
            "--id-column",
            "story_id",
            "--text-column",
            "body_text",
            "--date-column",
            "first_published",
        ]
    else:
        source = write_parquet(tmp_path / "export.parquet", rows)
    texts = tmp_path / "texts"  # the same texts as files, for `check`
    for row in rows[:-2]:
        write_folder(texts, [{"id": f"{row['id']}.txt", "text": row["text"]}])
    monkeypatch.chdir(texts)
    expected = check_findings(texts, capsys, "--isolated")

    out = tmp_path / "out"
    argv = [
        "audit",
        str(source),
        "--out",
        str(out),
        "--scheduler",
        scheduler,
        "--partition-size",
        "2",
        "--isolated",
    ]
    code, _stdout, stderr = run(argv + args, capsys)

    assert code == 2, stderr
    assert audit_findings(out, {r["id"]: f"{r['id']}.txt" for r in rows}) == expected
    articles = read_table(out, "articles")
    assert [a["id"] for a in articles] == [
        f"A{i}" for i in range(1, len(ARTICLES) + 1)
    ]  # input order
    first = articles[0]
    assert (
        first["headline"],
        first["author"],
        first["desk"],
        first["published"],
        first["month"],
    ) == ("Council votes on tram plan", "Sam Reporter", "politics", "2024-01-10", "2024-01")
    assert first["url"] == "https://example.org/news/1" and first["path"] is None
    failed = {f["id"]: f["reason"] for f in read_table(out, "failed")}
    bad = {"jsonl": "export.jsonl:11", "csv": "export.csv:11"}.get(kind)
    assert set(failed) == {"EMPTY", "BLANK"} | ({bad} if bad else set())
    assert failed["EMPTY"].startswith("no text")
    if kind == "jsonl":
        assert "not valid JSON" in failed[bad or ""]
    if kind == "csv":
        assert "2 fields, the header has 7" in failed[bad or ""]
    assert_counts_match_findings(out)
    assert_csv_matches_parquet(out)
    assert summary(out)["kind"] == kind


def test_cache_is_reused_on_a_grown_archive(
    tmp_path: Path, scheduler: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second run lints only what is new; articles that `check` cached get their sources too."""
    root = write_folder(tmp_path / "archive", ARTICLES[:5])
    cache = tmp_path / "cache"
    common = [
        "--scheduler",
        scheduler,
        "--isolated",
        "--cache-dir",
        str(cache),
        "--partition-size",
        "2",
    ]
    # `check` fills the cache first: diagnostics only, so the audit must parse again for sources.
    # The cache key holds a digest of attrlint's code, computed once per process: start both
    # sides afresh, so that they agree even if the tree was edited while the suite ran.
    from distributed import Client

    code_digest.cache_clear()
    with Client(scheduler) as client:
        client.run(code_digest.cache_clear)
    code, _, err = run(["check", str(root), "--isolated", "--cache-dir", str(cache)], capsys)
    assert code == 1, err
    first = tmp_path / "first"
    assert run(["audit", str(root), "--out", str(first), *common], capsys)[0] == 0
    assert summary(first)["cached"] == 5

    write_folder(root, ARTICLES[5:])
    second = tmp_path / "second"
    code, stdout, err = run(["audit", str(root), "--out", str(second), *common], capsys)
    assert code == 0, err
    assert (summary(second)["cached"], summary(second)["articles"]) == (5, len(ARTICLES))
    assert f"from the cache: 5 of {len(ARTICLES)} articles" in stdout

    fresh = tmp_path / "fresh"  # no cache at all: the reference
    run(
        [
            "audit",
            str(root),
            "--out",
            str(fresh),
            "--scheduler",
            scheduler,
            "--isolated",
            "--no-cache",
        ],
        capsys,
    )
    strip = lambda rows: [{k: v for k, v in r.items() if k != "cached"} for r in rows]  # noqa: E731
    assert strip(read_table(second, "articles")) == strip(read_table(fresh, "articles"))
    assert read_table(second, "findings") == read_table(fresh, "findings")
    cached = {r["id"]: r["cached"] for r in read_table(second, "articles")}
    assert [cached[a["id"]] for a in ARTICLES] == [True] * 5 + [False] * (len(ARTICLES) - 5)
    assert summary(fresh)["sources"]["vague"] > 0


def test_default_cache_lives_in_the_output_folder(
    tmp_path: Path,
    scheduler: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ATTRLINT_CACHE_DIR", raising=False)
    root = write_folder(tmp_path / "archive", ARTICLES[:2])
    out = tmp_path / "out"
    for expected in (0, 2):
        code, _, err = run(
            ["audit", str(root), "--out", str(out), "--scheduler", scheduler, "--isolated"], capsys
        )
        assert code == 0, err
        assert summary(out)["cached"] == expected
    assert list((out / ".cache").glob("v*/audit/??/*.json"))
    assert not (out / ".parts").exists()
