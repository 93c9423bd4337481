"""Hand-written inline SVG charts: no library, no script, every label escaped.

Every drawn value is an element with class ``mark`` so the report can check that its charts
were drawn (see ``report.CHECK_SCRIPT``).
"""

from __future__ import annotations

import math
from html import escape

FONT = "font-family='system-ui, sans-serif' font-size='12'"


def _e(text: str) -> str:
    return escape(text, quote=True)


def _short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _num(value: float) -> str:
    return f"{value:.0f}" if value >= 100 else f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def _tick(value: float) -> str:
    """A tick label without needless decimals: 0, 2.5, 5, 7.5; 0.25, 0.5 (steps from nice_max)."""
    return f"{value:.3f}".rstrip("0").rstrip(".")


def nice_max(value: float) -> tuple[float, float]:
    """An axis maximum at or above ``value`` and a tick step (1, 2 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0, 0.25
    raw = value / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return step * math.ceil(value / step - 1e-9), step


def _legend(series: list[tuple[str, str]], x: float, y: float) -> str:
    out = []
    for name, colour in series:
        out.append(f"<rect x='{x:.1f}' y='{y - 9:.1f}' width='10' height='10' fill='{colour}'/>")
        out.append(f"<text x='{x + 14:.1f}' y='{y:.1f}' {FONT}>{_e(name)}</text>")
        x += 24 + 7 * len(name)
    return "".join(out)


def _open(name: str, title: str, width: float, height: float) -> str:
    return (
        f"<svg class='chart' data-chart='{_e(name)}' role='img' xmlns='http://www.w3.org/2000/svg' "
        f"width='{width:.0f}' height='{height:.0f}' viewBox='0 0 {width:.0f} {height:.0f}'>"
        f"<title>{_e(title)}</title>"
    )


def hbar(
    name: str,
    title: str,
    rows: list[tuple[str, list[float]]],
    series: list[tuple[str, str]],
    width: int = 760,
    counts: bool = False,
) -> str:
    """Horizontal bars, one per row, stacked by series; the total is written at the end."""
    show = (lambda v: f"{v:,.0f}") if counts else _num
    left, right, top, bar, gap = 190, 70, 34, 18, 8
    height = top + len(rows) * (bar + gap) + 26
    peak, step = nice_max(max((sum(v) for _, v in rows), default=0))
    scale = (width - left - right) / peak
    out = [_open(name, title, width, height)]
    if len(series) > 1:
        out.append(_legend(series, left, 16))
    tick = 0.0
    while tick <= peak + 1e-9:
        x = left + tick * scale
        out.append(
            f"<line x1='{x:.1f}' y1='{top - 6}' x2='{x:.1f}' y2='{height - 22}' stroke='#ddd'/>"
        )
        out.append(
            f"<text x='{x:.1f}' y='{height - 8}' text-anchor='middle' {FONT} fill='#555'>"
            f"{_tick(tick)}</text>"
        )
        tick += step
    for i, (label, values) in enumerate(rows):
        y = top + i * (bar + gap)
        out.append(
            f"<text x='{left - 8}' y='{y + bar - 5}' text-anchor='end' {FONT}>"
            f"<title>{_e(label)}</title>{_e(_short(label))}</text>"
        )
        x = float(left)
        for (part, colour), value in zip(series, values, strict=True):
            w = value * scale
            if w > 0:
                out.append(
                    f"<rect class='mark' x='{x:.1f}' y='{y}' width='{w:.1f}' height='{bar}' "
                    f"fill='{colour}'><title>{_e(label)} · {_e(part)}: {show(value)}</title></rect>"
                )
            x += w
        out.append(f"<text x='{x + 5:.1f}' y='{y + bar - 5}' {FONT}>{show(sum(values))}</text>")
    out.append("</svg>")
    return "".join(out)


def _x_labels(xs: list[str], x_at: list[float], y: float) -> str:
    every = max(1, math.ceil(len(xs) / 12))
    return "".join(
        f"<text x='{x:.1f}' y='{y:.1f}' text-anchor='middle' {FONT} fill='#555'>{_e(label)}</text>"
        for i, (label, x) in enumerate(zip(xs, x_at, strict=True))
        if i % every == 0 or i == len(xs) - 1
    )


def _y_grid(
    peak: float, step: float, left: float, right: float, top: float, bottom: float, fmt: str = ""
) -> str:
    out = []
    tick = 0.0
    while tick <= peak + 1e-9:
        y = bottom - (bottom - top) * tick / peak
        out.append(f"<line x1='{left}' y1='{y:.1f}' x2='{right}' y2='{y:.1f}' stroke='#ddd'/>")
        label = f"{tick:.0f}%" if fmt == "%" else _tick(tick)
        out.append(
            f"<text x='{left - 6}' y='{y + 4:.1f}' text-anchor='end' {FONT} fill='#555'>{label}</text>"
        )
        tick += step
    return "".join(out)


def lines(
    name: str,
    title: str,
    xs: list[str],
    series: list[tuple[str, str, list[float]]],
    width: int = 760,
) -> str:
    """One line per series over ``xs`` (months), with a dot at each value."""
    left, right, top, bottom = 56, width - 20, 34, 230
    height = bottom + 30
    peak, step = nice_max(max((max(v, default=0) for _, _, v in series), default=0))
    span = (right - left) / max(1, len(xs) - 1)
    x_at = [left + i * span if len(xs) > 1 else (left + right) / 2 for i in range(len(xs))]
    out = [_open(name, title, width, height), _legend([(n, c) for n, c, _ in series], left, 16)]
    out.append(_y_grid(peak, step, left, right, top, bottom))
    for label, colour, values in series:
        points = [
            (x, bottom - (bottom - top) * v / peak) for x, v in zip(x_at, values, strict=True)
        ]
        if len(points) > 1:
            coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            out.append(
                f"<polyline class='mark' points='{coords}' fill='none' stroke='{colour}' stroke-width='2'/>"
            )
        for (x, y), month, value in zip(points, xs, values, strict=True):
            out.append(
                f"<circle class='mark' cx='{x:.1f}' cy='{y:.1f}' r='3' fill='{colour}'>"
                f"<title>{_e(month)} · {_e(label)}: {_num(value)}</title></circle>"
            )
    out.append(_x_labels(xs, x_at, bottom + 18))
    out.append("</svg>")
    return "".join(out)


def shares(
    name: str,
    title: str,
    xs: list[str],
    series: list[tuple[str, str]],
    counts: list[list[int]],
    width: int = 760,
) -> str:
    """100 % stacked columns: each x's counts as shares of its total (empty columns stay empty)."""
    left, right, top, bottom = 56, width - 20, 34, 230
    height = bottom + 30
    slot = (right - left) / max(1, len(xs))
    bar = max(2.0, min(48.0, slot * 0.8))
    out = [_open(name, title, width, height), _legend(series, left, 16)]
    out.append(_y_grid(100, 25, left, right, top, bottom, "%"))
    x_at = []
    for i, values in enumerate(counts):
        x = left + i * slot + (slot - bar) / 2
        x_at.append(x + bar / 2)
        total = sum(values)
        y = float(bottom)
        for (part, colour), value in zip(series, values, strict=True):
            if not total or not value:
                continue
            h = (bottom - top) * value / total
            y -= h
            out.append(
                f"<rect class='mark' x='{x:.1f}' y='{y:.1f}' width='{bar:.1f}' height='{h:.1f}' "
                f"fill='{colour}'><title>{_e(xs[i])} · {_e(part)}: {value} of {total} "
                f"({100 * value / total:.0f}%)</title></rect>"
            )
    out.append(_x_labels(xs, x_at, bottom + 18))
    out.append("</svg>")
    return "".join(out)
