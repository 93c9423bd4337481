"""report.html: self-contained, escaped, and drawn, as headless Chromium renders it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.audit.conftest import table_rows, write_jsonl
from tests.cli_runner import run

pytestmark = pytest.mark.slow

CHARTS = {"desk", "month", "sources", "phrases-SRC", "phrases-HDG"}
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run installs it)")
    return found


def dump_dom(page: Path, profile: Path) -> str:
    """The page's DOM after its scripts ran, from a real headless Chromium."""
    done = subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_report_renders_its_charts_and_escapes_headlines(
    tmp_path: Path, scheduler: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = table_rows()
    # Untrusted metadata: markup in a headline, a desk and an id, and a script address.
    rows[0]["headline"] = "<script>document.title='pwned'</script>Tram plan"
    rows[0]["id"] = "<b>A1</b>"
    rows[0]["url"] = "javascript:alert(1)"
    rows[3]["section"] = '"><img src=x onerror="document.title=\'pwned\'">'
    source = write_jsonl(tmp_path / "export.jsonl", rows)
    out = tmp_path / "out"
    code, _, stderr = run(
        ["audit", str(source), "--out", str(out), "--scheduler", scheduler], capsys
    )
    assert code == 0, stderr
    html = (out / "report.html").read_text("utf-8")

    # Self-contained: nothing is loaded from anywhere, and a policy forbids it.
    assert not re.search(r"<(link|img|iframe|object|embed)\b|<[a-z][^>]*\ssrc=|@import|url\(", html)
    assert "default-src 'none'" in html
    links = re.findall(r"href='([^']*)'", html)
    allowed = ("https://example.org/news/", "#a", "articles.csv", "findings.csv", "failed.csv")
    assert links and all(link.startswith(allowed) for link in links), links
    assert "javascript:" not in html

    dom = dump_dom(out / "report.html", tmp_path / "profile")
    check = re.search(r'<p id="render-check"[^>]*data-state="done"[^>]*>([^<]*)</p>', dom)
    assert check, "the page's script did not run"
    found = dict(part.split("=", 1) for part in check.group(1).split())
    assert int(found["charts"]) == len(CHARTS) and int(found["drawn"]) == len(CHARTS), found
    assert found["empty"] == "" and int(found["marks"]) > 20
    assert set(re.findall(r'data-chart="([^"]+)"', dom)) == CHARTS
    # The markup stayed text: no element was injected and the title is untouched.
    assert "<title>Sourcing audit:" in dom and "pwned" not in dom.split("</title>")[0]
    assert "<img" not in dom and "<b>A1</b>" not in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;Tram plan" in dom
    assert "&lt;b&gt;A1&lt;/b&gt;" in dom
