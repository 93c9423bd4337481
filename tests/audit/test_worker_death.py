"""A worker that dies mid-run: its articles are re-run in halves, only the culprit fails."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from tests.audit.conftest import ARTICLES, POISON, read_table, write_folder
from tests.cli_runner import run

pytestmark = pytest.mark.slow


def test_an_article_that_kills_its_worker_fails_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import cloudpickle
    import dask
    from distributed import Client, LocalCluster

    from tests.audit import poison

    articles = [dict(a) for a in ARTICLES]
    articles[2] = {**articles[2], "text": articles[2]["text"] + f"\nThe code word is {POISON}.\n"}
    root = write_folder(tmp_path / "archive", articles)
    cloudpickle.register_pickle_by_value(poison)  # the workers need not import the tests
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = LocalCluster(
            n_workers=1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # a free port, never a clash with 8787
            silence_logs=logging.CRITICAL,
        )
    try:
        with Client(cluster) as client:
            client.register_plugin(poison.Poison(POISON))
            before = set(client.run(lambda: __import__("os").getpid()).values())
            out = tmp_path / "out"
            argv = ["audit", str(root), "--out", str(out), "--scheduler", cluster.scheduler_address]
            code, stdout, stderr = run([*argv, "--partition-size", "4", "--no-cache"], capsys)
            after = set(client.run(lambda: __import__("os").getpid()).values())
    finally:
        cluster.close()
        cloudpickle.unregister_pickle_by_value(poison)

    assert code == 2, stderr
    assert before.isdisjoint(after)  # the worker really died and the nanny started a new one
    failed = read_table(out, "failed")
    assert [(f["id"], f["path"]) for f in failed] == [
        ("politics/vote.txt", str(root / "politics" / "vote.txt"))
    ]
    assert "worker process died" in failed[0]["reason"]
    audited = [a["id"] for a in read_table(out, "articles")]
    assert audited == sorted(
        a["id"] for a in articles if a["id"] != "politics/vote.txt"
    )  # none lost
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["splits_after_worker_death"] >= 2 and summary["complete"] is True
    assert "re-run in halves" in stdout
    assert "politics/vote.txt: the worker process died" in stderr
