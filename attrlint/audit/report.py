"""``report.html``: one self-contained page (inline CSS and SVG, no network) an editor can open.

Every value that comes from the archive (desks, headlines, ids, phrasings, paths) is escaped; a
Content-Security-Policy forbids any fetch and allows only the page's own script, by hash, so even
a mistake in escaping could not run a headline's script. That script only counts the drawn chart
marks into ``#render-check``, which the tests read from headless Chromium.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from attrlint.audit import charts
from attrlint.audit.aggregate import Aggregate, Bucket
from attrlint.rules import FAMILIES, RuleSpec

FAMILY_COLOURS = {
    "ATR": "#0072B2",
    "SRC": "#D55E00",
    "VRB": "#CC79A7",
    "HDG": "#E69F00",
    "NUM": "#009E73",
    "REL": "#56B4E9",
    "LNT": "#999999",
}
SOURCE_SERIES = [
    ("named", "named people and organisations", "#0072B2"),
    ("institution", "institutions", "#56B4E9"),
    ("document", "documents", "#009E73"),
    ("vague", "vague groups", "#E69F00"),
    ("anonymous", "anonymous", "#D55E00"),
]
CHECK_SCRIPT = (
    "(function(){var charts=document.querySelectorAll('svg.chart'),drawn=0,marks=0,empty=[];"
    "charts.forEach(function(svg){var n=0;svg.querySelectorAll('.mark').forEach(function(m){"
    "var b=m.getBBox();if(b.width>0||b.height>0){n++;}});marks+=n;"
    "if(n>0){drawn++;}else{empty.push(svg.getAttribute('data-chart'));}});"
    "var el=document.getElementById('render-check');"
    "el.textContent='charts='+charts.length+' drawn='+drawn+' marks='+marks+' empty='+empty.join(',');"
    "el.setAttribute('data-state','done');})();"
)
STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:62rem;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #ddd}
.lede{color:#555;margin-top:0}.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.8rem}
.figures div{background:#f4f6f8;border-radius:6px;padding:.6rem .8rem}.figures b{display:block;font-size:1.4rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}th,td{padding:.25rem .6rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.note{color:#666;font-size:.9rem}
svg.chart{max-width:100%;height:auto;display:block;margin:.5rem 0}details{margin:.3rem 0 1rem}summary{cursor:pointer;color:#0060a0}
code{background:#f4f6f8;padding:0 .2rem}ol.figs{margin:.2rem 0 .8rem;padding-left:1.5rem;font-size:.9rem}
"""


@dataclass(frozen=True, slots=True)
class ReportInfo:
    input: str
    kind: str
    complete: bool = True


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _rate(value: float) -> str:
    return f"{value:.2f}"


def _table(head: list[str], rows: list[list[str]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    cells = "".join(
        f"<th{' class=n' if i in numeric else ''}>{_e(h)}</th>" for i, h in enumerate(head)
    )
    body = "".join(
        "<tr>"
        + "".join(f"<td{' class=n' if i in numeric else ''}>{c}</td>" for i, c in enumerate(r))
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def _details(table: str, label: str = "The numbers") -> str:
    return f"<details><summary>{_e(label)}</summary>{table}</details>"


def _families(agg: Aggregate) -> list[str]:
    return [f for f in FAMILIES if agg.total.families.get(f)]


def _by_desk(agg: Aggregate) -> str:
    desks = sorted(agg.desks.items(), key=lambda kv: (-kv[1].per_1k(), kv[0]))[:30]
    families = _families(agg)
    if not desks or not agg.total.findings:
        return "<p class=note>No findings to chart.</p>"
    series = [(f, FAMILY_COLOURS[f]) for f in families]
    rows = [(name, [b.per_1k(b.families[f]) for f in families]) for name, b in desks]
    svg = charts.hbar("desk", "Findings per 1,000 words by desk", rows, series)
    table = _table(
        ["desk", "articles", "words", "findings", "per 1,000 words", *families],
        [
            [_e(name), str(b.articles), str(b.words), str(b.findings), _rate(b.per_1k())]
            + [_rate(b.per_1k(b.families[f])) for f in families]
            for name, b in desks
        ],
        set(range(1, 6 + len(families))),
    )
    return svg + _details(table)


def _by_month(agg: Aggregate) -> str:
    months = sorted(agg.months)
    if not months:
        return (
            "<p class=note>This input has no publication dates, so there is no trend to draw.</p>"
        )
    buckets = [agg.months[m] for m in months]
    series = [
        ("all findings", "#444444", [b.per_1k() for b in buckets]),
        (
            "unattributed figures (ATR001)",
            FAMILY_COLOURS["ATR"],
            [b.per_1k(b.unattributed) for b in buckets],
        ),
        ("sourcing (SRC)", FAMILY_COLOURS["SRC"], [b.per_1k(b.families["SRC"]) for b in buckets]),
    ]
    svg = charts.lines("month", "Findings per 1,000 words by month", months, series)
    table = _table(
        [
            "month",
            "articles",
            "words",
            "findings",
            "per 1,000 words",
            "ATR001 per 1,000",
            "SRC per 1,000",
        ],
        [
            [
                _e(m),
                str(b.articles),
                str(b.words),
                str(b.findings),
                _rate(b.per_1k()),
                _rate(b.per_1k(b.unattributed)),
                _rate(b.per_1k(b.families["SRC"])),
            ]
            for m, b in zip(months, buckets, strict=True)
        ],
        {1, 2, 3, 4, 5, 6},
    )
    note = (
        f"<p class=note>Left out: {agg.undated:,} {'article' if agg.undated == 1 else 'articles'} without a usable date.</p>"
        if agg.undated
        else ""
    )
    return svg + note + _details(table)


def _sources(agg: Aggregate) -> str:
    dated = [m for m in sorted(agg.months) if sum(agg.months[m].sources.values())]
    groups: list[tuple[str, Bucket]]
    if dated:
        groups, note = [(m, agg.months[m]) for m in dated], ""
    else:
        groups = sorted(agg.desks.items())
        note = "<p class=note>No publication dates in this input: shares by desk instead of over time.</p>"
    if not sum(agg.total.sources.values()):
        return "<p class=note>No attributed sources were found.</p>"
    series = [(label, colour) for _, label, colour in SOURCE_SERIES]
    counts = [[b.sources[k] for k, _, _ in SOURCE_SERIES] for _, b in groups]
    svg = charts.shares(
        "sources", "Share of sources by kind", [g for g, _ in groups], series, counts
    )
    head = ["month" if dated else "desk", "sources"] + [label for _, label, _ in SOURCE_SERIES]
    rows = []
    for (name, _), values in zip(groups, counts, strict=True):
        total = sum(values)
        rows.append(
            [_e(name), str(total)]
            + [f"{v} ({100 * v / total:.0f}%)" if total else "0" for v in values]
        )
    return note + svg + _details(_table(head, rows, set(range(1, 2 + len(SOURCE_SERIES)))))


def _phrases(agg: Aggregate, family: str, what: str) -> str:
    top = agg.top_phrases(family)
    if not top:
        return f"<p class=note>No {what} found.</p>"
    rows = [(f"“{phrase}”", [float(n)]) for phrase, n, _ in top]
    svg = charts.hbar(
        f"phrases-{family}",
        f"Most frequent {what}",
        rows,
        [(what, FAMILY_COLOURS[family])],
        counts=True,
    )
    table = _table(["phrasing", "times", "rules"], [[_e(p), str(n), _e(r)] for p, n, r in top], {1})
    return svg + _details(table)


def _link(path: str | None, url: str | None) -> str:
    if url and urlsplit(url).scheme in ("http", "https"):
        return f"<a href='{_e(url)}' rel='noreferrer noopener'>open</a>"
    if path:
        return f"<a href='{_e(Path(path).as_uri())}'>file</a>"
    return ""


def _top(agg: Aggregate) -> str:
    top = agg.top_articles()
    if not top:
        return "<p class=note>No unattributed figures (ATR001) were found.</p>"
    rows, notes = [], []
    for rank, art in enumerate(top, 1):
        title = art.headline or art.id
        rows.append(
            [
                str(rank),
                f"<a href='#a{rank}'>{_e(title)}</a><br><code>{_e(art.id)}</code>",
                _e(art.desk or ""),
                _e(art.month or ""),
                str(art.words),
                str(art.count),
                _rate(art.per_1k),
                _link(art.path, art.url),
            ]
        )
        figures = "".join(f"<li>line {f.line}: <q>{_e(f.excerpt)}</q></li>" for f in art.figures)
        notes.append(
            f"<h3 id='a{rank}'>{rank}. {_e(title)}</h3><p><code>{_e(art.id)}</code></p><ol class=figs>{figures}</ol>"
        )
    table = _table(
        ["#", "article", "desk", "month", "words", "unattributed", "per 1,000", "source"],
        rows,
        {0, 4, 5, 6},
    )
    return table + _details("".join(notes), "The figures in these articles")


def _rules(agg: Aggregate, rules: tuple[RuleSpec, ...]) -> str:
    names = {r.id: r.name for r in rules}
    ranked = sorted(agg.rules.items(), key=lambda kv: (-kv[1], kv[0]))
    rows = [
        [_e(rule), _e(names.get(rule, "")), str(n), _rate(agg.total.per_1k(n))]
        for rule, n in ranked
    ]
    return _table(["rule", "name", "findings", "per 1,000 words"], rows, {2, 3}) if rows else ""


def render_report(agg: Aggregate, info: ReportInfo, rules: tuple[RuleSpec, ...]) -> str:
    total = agg.total
    sources = sum(total.sources.values())
    named = total.sources["named"] + total.sources["institution"] + total.sources["document"]
    figures = [
        ("articles audited", f"{total.articles:,}"),
        ("failed", f"{agg.failed:,}"),
        ("words", f"{total.words:,}"),
        ("findings per 1,000 words", _rate(total.per_1k())),
        ("unattributed figures per 1,000 words", _rate(total.per_1k(total.unattributed))),
        ("sources named or identified", f"{100 * named / sources:.0f}%" if sources else "–"),
    ]
    grid = "".join(f"<div><b>{_e(v)}</b>{_e(k)}</div>" for k, v in figures)
    incomplete = (
        ""
        if info.complete
        else "<p><strong>This audit did not finish: the figures cover only the articles audited before it stopped.</strong></p>"
    )
    digest = base64.b64encode(hashlib.sha256(CHECK_SCRIPT.encode()).digest()).decode()
    csp = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{digest}'"
    body = [
        f"<h1>Sourcing audit</h1><p class=lede><code>{_e(info.input)}</code> ({_e(info.kind)})</p>",
        incomplete,
        f"<div class=figures>{grid}</div>",
        "<h2 id=desks>Findings per 1,000 words by desk</h2>",
        _by_desk(agg),
        "<h2 id=months>Findings per 1,000 words by month</h2>",
        _by_month(agg),
        "<h2 id=sources>Who is cited: named, vague and anonymous sources</h2>",
        "<p class=note>Distinct sources per article, by kind, as shares of all sources cited.</p>",
        _sources(agg),
        "<h2 id=vague>Most frequent vague-source phrasings (SRC)</h2>",
        _phrases(agg, "SRC", "vague-source phrasings"),
        "<h2 id=hedges>Most frequent hedge phrasings (HDG)</h2>",
        _phrases(agg, "HDG", "hedge phrasings"),
        "<h2 id=unattributed>Articles with the most unattributed figures</h2>",
        _top(agg),
        "<h2 id=rules>Findings by rule</h2>",
        _rules(agg, rules),
        "<p class=note>Tables: <a href='articles.csv'>articles.csv</a>, <a href='findings.csv'>findings.csv</a>, "
        "<a href='failed.csv'>failed.csv</a> (and the same as Parquet). Made by attrlint audit.</p>",
        "<p id=render-check hidden>pending</p>",
        f"<script>{CHECK_SCRIPT}</script>",
    ]
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{csp}\">"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        f"<title>Sourcing audit: {_e(info.input)}</title><style>{STYLE}</style></head><body>"
        + "\n".join(body)
        + "</body></html>\n"
    )
