"""The summary's charts: a timeline of dated claims and money per currency, drawn as inline SVG."""
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Mapping

import pandas as pd

from pipeline.tools.report.cells import cell_date, cell_float, cell_ids, cell_text, clip, format_number, short_number
from pipeline.tools.report.style import esc


def _ticks(low: dt.date, high: dt.date) -> list[dt.date]:
    """Calendar ticks for a time axis: years, quarters, months or weeks, whichever gives 2-12."""
    days = (high - low).days
    if days > 3 * 365:
        step = max(1, math.ceil((high.year - low.year + 1) / 10))
        return [dt.date(y, 1, 1) for y in range(low.year + 1, high.year + 1, step)] or [low]
    if days > 120:
        ticks, year, month = [], low.year, low.month
        step = 1 if days <= 400 else 3
        while True:
            month += step
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
            tick = dt.date(year, month, 1)
            if tick > high:
                return ticks or [low]
            ticks.append(tick)
    step = 7 if days > 21 else 1
    count = max(1, days // step)
    stride = max(1, math.ceil(count / 10))
    return [low + dt.timedelta(days=i * step) for i in range(0, count + 1, stride)]


def timeline_points(claims: pd.DataFrame, date_rows: Mapping[str, object], rendered: set[str]) -> list[dict]:
    """One point per (claim, date with a calendar interval): what ``timeline_svg`` draws."""
    points = []
    for claim in claims.itertuples(index=False):
        for date_id in cell_ids(claim.date_ids):
            row = date_rows.get(date_id)
            low = cell_date(row.range_start) if row is not None else None
            high = cell_date(row.range_end) if row is not None else None
            if low is None and high is None:
                continue  # durations, sets and vague references have no place on a calendar
            low, high = low or high, high or low
            points.append({"claim_id": str(claim.claim_id), "doc_id": str(claim.doc_id), "low": min(low, high),
                           "high": max(low, high), "linked": str(claim.claim_id) in rendered,
                           "label": f"{row.text} ({cell_text(row.value, '?')}): {cell_text(claim.text)[:160]}"})
    return points


def timeline_svg(points: list[dict], lanes: list[tuple[str, str, str]]) -> str:
    """An SVG timeline: one lane per document, each dated claim a dot (day) or bar (longer interval).

    ``points`` hold ``claim_id``, ``doc_id``, ``low``, ``high`` (dates), ``label`` and
    ``linked`` (whether the claim's span is on the page); linked marks lead to it.
    ``lanes`` are ``(doc_id, short name, full name)`` in display order.
    """
    if not points:
        return "<p>No claim carries a date with a calendar interval.</p>"
    low = min(p["low"] for p in points)
    high = max(p["high"] for p in points) + dt.timedelta(days=1)
    if (high - low).days < 7:
        low, high = low - dt.timedelta(days=3), high + dt.timedelta(days=3)
    width, left, right, lane_h, top = 1000, 190, 45, 28, 30
    used = [lane for lane in lanes if any(p["doc_id"] == lane[0] for p in points)]
    height = top + lane_h * len(used) + 30
    span_days = (high - low).days

    def x(day: dt.date) -> float:
        return left + (width - left - right) * (day - low).days / span_days

    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="timeline-t" '
             f'xmlns="http://www.w3.org/2000/svg"><title id="timeline-t">Timeline of {len(points)} dated claim '
             f"dates from {low.isoformat()} to {(high - dt.timedelta(days=1)).isoformat()}</title>"]
    for tick in _ticks(low, high):
        tx = x(tick)
        parts.append(f'<line x1="{tx:.1f}" y1="{top - 8}" x2="{tx:.1f}" y2="{height - 24}" stroke="#d8d8d8"/>'
                     f'<text x="{tx:.1f}" y="{height - 8}" font-size="12" text-anchor="middle" fill="#444">'
                     f"{esc(tick.isoformat()[:7] if tick.day == 1 else tick.isoformat())}</text>")
    for index, (doc_id, name, label) in enumerate(used):
        y = top + lane_h * index + lane_h / 2
        short = clip(name, 28)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#eee"/>'
                     f'<text x="{left - 8}" y="{y + 4:.1f}" font-size="12" text-anchor="end" fill="#222">'
                     f"<title>{esc(label)}</title>{esc(short)}</text>")
        for point in (p for p in points if p["doc_id"] == doc_id):
            x1, x2 = x(point["low"]), x(point["high"] + dt.timedelta(days=1))
            shape = (f'<circle cx="{(x1 + x2) / 2:.1f}" cy="{y:.1f}" r="6" fill="#b45309" fill-opacity="0.8"/>'
                     if x2 - x1 < 8 else
                     f'<rect x="{x1:.1f}" y="{y - 6:.1f}" width="{x2 - x1:.1f}" height="12" rx="3" '
                     f'fill="#b45309" fill-opacity="0.35" stroke="#b45309"/>')
            inner = f'<title>{esc(point["label"])}</title>{shape}'
            parts.append(f'<a href="#{esc(point["claim_id"])}">{inner}</a>' if point["linked"] else f"<g>{inner}</g>")
    parts.append("</svg>")
    return "".join(parts)


def money_by_currency(quantities: pd.DataFrame) -> list[dict]:
    """Money amounts grouped by currency: count, total, smallest and largest, biggest total first.

    An amount is the point ``value``; a range without one counts at its midpoint.
    """
    groups: dict[str, list[float]] = defaultdict(list)
    if not quantities.empty:
        for row in quantities[quantities["kind"] == "money"].itertuples(index=False):
            value, low, high = cell_float(row.value), cell_float(row.value_low), cell_float(row.value_high)
            if value is None and low is not None and high is not None:
                value = (low + high) / 2
            value = value if value is not None else (high if high is not None else low)
            if value is not None:
                groups[cell_text(row.unit, "unknown")].append(value)
    stats = [{"currency": c, "count": len(v), "total": sum(v), "min": min(v), "max": max(v)} for c, v in groups.items()]
    return sorted(stats, key=lambda s: (-s["total"], s["currency"]))


def money_svg(stats: list[dict]) -> str:
    """A horizontal SVG bar chart of the money total per currency, on a labelled log scale."""
    positive = [s for s in stats if s["total"] > 0]
    if not positive:
        return "<p>No money amounts.</p>"
    lo = math.floor(math.log10(min(s["total"] for s in positive)))
    hi = max(lo + 1, math.ceil(math.log10(max(s["total"] for s in positive)) + 1e-9))
    width, left, right, bar_h, top = 1000, 70, 190, 26, 12
    height = top + bar_h * len(positive) + 34

    def x(value: float) -> float:
        return left + (width - left - right) * (math.log10(value) - lo) / (hi - lo)

    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="money-t" '
             'xmlns="http://www.w3.org/2000/svg"><title id="money-t">Money stated per currency, log scale: '
             + esc("; ".join(f"{s['currency']} {short_number(s['total'])} in {s['count']} amounts" for s in positive))
             + "</title>"]
    for power in range(lo, hi + 1):
        tx = x(10.0 ** power)
        parts.append(f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{height - 26}" stroke="#e2e2e2"/>'
                     f'<text x="{tx:.1f}" y="{height - 10}" font-size="12" text-anchor="middle" fill="#444">'
                     f"{esc(short_number(10.0 ** power))}</text>")
    for index, stat in enumerate(positive):
        y = top + bar_h * index
        end = max(x(stat["total"]), left + 2)
        parts.append(
            f'<text x="{left - 8}" y="{y + bar_h / 2 + 4:.1f}" font-size="13" text-anchor="end" fill="#222">'
            f'<title>{esc(stat["currency"])}</title>{esc(clip(stat["currency"], 8))}</text>'
            f'<rect x="{left}" y="{y + 4}" width="{end - left:.1f}" height="{bar_h - 8}" fill="#a16207"/>'
            f'<text x="{end + 6:.1f}" y="{y + bar_h / 2 + 4:.1f}" font-size="12" fill="#222">'
            f'{esc(short_number(stat["total"]))} ({stat["count"]} amount{"s" if stat["count"] != 1 else ""})</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def chart_wrap(svg: str, label: str) -> str:
    """A chart in a box that scrolls sideways on narrow screens (and can be scrolled with the keyboard)."""
    if not svg.startswith("<svg"):
        return svg
    return f'<div class="chart-wrap" role="region" aria-label="{esc(label)}" tabindex="0">{svg}</div>'


def money_section(stats: list[dict]) -> str:
    rows = "".join(
        f'<tr><th class="wrap" scope="row">{esc(s["currency"])}</th><td>{s["count"]}</td>'
        f'<td>{esc(format_number(s["total"]))}</td>'
        f'<td>{esc(format_number(s["min"]))}</td><td>{esc(format_number(s["max"]))}</td></tr>' for s in stats)
    table = ('<div class="table-wrap"><table class="compact"><caption>Money amounts by currency (base units)</caption>'
             '<thead><tr><th scope="col">currency</th><th scope="col">amounts</th><th scope="col">total</th>'
             '<th scope="col">smallest</th><th scope="col">largest</th></tr></thead>'
             f"<tbody>{rows}</tbody></table></div>"
             if stats else "")
    return (
        '<h3>Money by currency</h3><p class="muted">Sum of the money amounts stated in the text, each mention '
        "counted once, ranges at their midpoint; bars on a log scale because currencies differ by orders of "
        f"magnitude.</p>{chart_wrap(money_svg(stats), 'Money by currency chart')}{table}"
    )
