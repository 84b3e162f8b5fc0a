"""The review page: one self-contained HTML file showing every extraction inside its source text.

``render_report(tables)`` is pure: output tables (and the source texts) in, one HTML
string out. The page needs no network: CSS and the small filter script are inline,
the charts are SVG drawn here at build time, and a Content-Security-Policy allows
only the page's own script (by hash), so nothing injected through a document could
run even if escaping were ever missed. Every piece of source text and every value is
escaped with ``html.escape``.

Nested and crossing spans (a quantity inside a claim sentence, a mention inside a
date, two claims sharing words) are laid out as properly nested elements: a span that
crosses the end of an enclosing one is split into fragments that share its
``data-span`` attribute, and the first fragment carries the element ``id``. The text
nodes of a document's container, read in order, are exactly ``source_text[start:end]``.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import heapq
import html
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import click
import pandas as pd

from pipeline.core.schema import CONTRACT_TABLES, empty_frame, write_bytes_atomic

#: nesting rank when two spans have the same extent: lower ranks enclose higher ones
RANK = {"boilerplate": 0, "claim": 1, "date": 2, "quantity": 3, "mention": 4}
#: colour group (CSS class suffix) of each OntoNotes entity label
ENTITY_GROUP = {
    "PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "norp",
}
ENTITY_GROUP_NAMES = {"person": "person", "org": "organisation", "place": "place (GPE, LOC, FAC)",
                      "norp": "nationality or group (NORP)", "other": "other entity (LAW, EVENT, ...)"}
QUANTITY_KINDS = ("money", "percent", "count", "measure", "ratio")
_SCALE_WORDS = ((1e12, "tn"), (1e9, "bn"), (1e6, "M"), (1e3, "k"))


# ---------------------------------------------------------------- small helpers

def _esc(value: object) -> str:
    """HTML-escape any value for text or a quoted attribute; carriage returns as references.

    A literal CR would be folded into LF by the browser's input stream normalisation;
    ``&#13;`` survives it, so the page's text stays character-exact.
    """
    return html.escape("" if value is None else str(value), quote=True).replace("\r", "&#13;")


def _missing(value: object) -> bool:
    """True for None, NaN, NaT and pandas' NA (but not for lists or arrays)."""
    if value is None:
        return True
    if isinstance(value, (list, tuple, dict, set)) or hasattr(value, "__len__") and not isinstance(value, str):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _str(value: object, default: str = "") -> str:
    """``value`` as text, or ``default`` when it is missing."""
    if _missing(value):
        return default
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.isoformat()[:10]
    return str(value)


def _ids(value: object) -> list[str]:
    """A list column's cell (list, array or missing) as a list of strings."""
    if _missing(value):
        return []
    return [str(v) for v in value if not _missing(v)]


def _float(value: object) -> float | None:
    if _missing(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _date(value: object) -> dt.date | None:
    """A date cell (date, Timestamp or ISO string) as ``datetime.date``."""
    if _missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def format_number(value: float | None) -> str:
    """A number for people: thousands separators, no spurious decimals (``150,000,000,000``)."""
    if value is None:
        return "?"
    if float(value).is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def short_number(value: float) -> str:
    """A compact number with a scale word (``150bn``, ``2.5M``, ``950``)."""
    for scale, word in _SCALE_WORDS:
        if abs(value) >= scale:
            return f"{value / scale:.3g}{word}"
    return f"{value:.3g}"


def _clip(text: str, size: int) -> str:
    """``text`` cut to ``size`` characters with an ellipsis (for chart labels; the full text goes in a title)."""
    return text if len(text) <= size else text[:size - 1] + "…"


def _frame(tables: Mapping, name: str) -> pd.DataFrame:
    frame = tables.get(name) if hasattr(tables, "get") else None
    return empty_frame(name) if frame is None else frame


def _script_hash(script: str) -> str:
    """The CSP source expression allowing exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


# ---------------------------------------------------------------- highlighting

@dataclass(frozen=True)
class Highlight:
    """One span to mark in a document's text: absolute offsets, the element to draw, its tooltip."""

    start: int
    end: int
    layer: str
    span_id: str
    css: str
    tip: str
    tag: str = "mark"
    focusable: bool = True


def _open_tag(h: Highlight, first: bool) -> str:
    """The start tag of one fragment: the first carries the id and the tab stop."""
    attrs = [f'class="{_esc(h.css)}"', f'data-span="{_esc(h.span_id)}"']
    if first:
        attrs.insert(0, f'id="{_esc(h.span_id)}"')
        if h.focusable:
            attrs.append('tabindex="0"')
    else:
        attrs.append('data-part="more"')
    if h.tip:
        attrs.append(f'title="{_esc(h.tip)}"')
    return f"<{h.tag} {' '.join(attrs)}>"


def render_marked_text(text: str, base: int, highlights: Iterable[Highlight]) -> str:
    """Escape ``text`` (which starts at source offset ``base``) with every highlight as nested elements.

    Spans are opened in (start, longest first, layer rank) order; one that would cross
    the end of the innermost open span is split there and its remainder queued again,
    so the markup always nests. Highlights reaching outside the text are clipped to it.
    """
    limit = base + len(text)
    marks = [h for h in highlights if h.end >= base and h.start <= limit and h.end >= h.start]
    queue = [(max(h.start, base), -min(h.end, limit), RANK.get(h.layer, 9), i, 0) for i, h in enumerate(marks)]
    heapq.heapify(queue)
    out: list[str] = []
    stack: list[tuple[int, Highlight]] = []
    cursor = base

    def advance(to: int) -> None:
        nonlocal cursor
        if to > cursor:
            out.append(_esc(text[cursor - base:to - base]))
            cursor = to

    while queue:
        start, neg_end, rank, index, part = heapq.heappop(queue)
        end, mark = -neg_end, marks[index]
        while stack and stack[-1][0] <= start:
            advance(stack[-1][0])
            out.append(f"</{stack.pop()[1].tag}>")
        if stack and end > stack[-1][0]:
            # crossing: keep the part inside the enclosing span, queue the rest after it
            split = stack[-1][0]
            heapq.heappush(queue, (split, -end, rank, index, part + 1))
            end = split
        advance(start)
        out.append(_open_tag(mark, part == 0))
        stack.append((end, mark))
    while stack:
        advance(stack[-1][0])
        out.append(f"</{stack.pop()[1].tag}>")
    advance(limit)
    return "".join(out)


def _entity_css(label: str) -> str:
    return "hl hl-ent hl-ent-" + ENTITY_GROUP.get(label, "other")


def _mention_highlights(mentions: pd.DataFrame, entities: dict[str, dict]) -> Iterable[Highlight]:
    for row in mentions.itertuples(index=False):
        entity = entities.get(_str(row.entity_id), {})
        tip = [f"{row.label} mention: {entity.get('name', '?')}",
               f"entity {row.entity_id} · mention {row.mention_id}"]
        if entity.get("kb_id"):
            tip.append(f"kb {entity['kb_id']}")
        yield Highlight(int(row.start), int(row.end), "mention", str(row.mention_id), _entity_css(row.label),
                        "\n".join(tip))


def describe_date(row) -> str:
    """One line saying what a date row was normalised to (``date 2025-05-19 (day), anchored ...``)."""
    parts = [f"{row.tclass} {_str(row.value, 'no value')}"]
    if not _missing(row.granularity):
        parts.append(f"({row.granularity})")
    low, high = _str(row.range_start), _str(row.range_end)
    if low or high:
        parts.append(f"= {low}" if low == high else f"= {low or '?'} to {high or '?'}")
    if bool(row.anchored):
        parts.append(f"anchored to {_str(row.anchor, '?')}")
    mod = getattr(row, "mod", None)
    if not _missing(mod):
        parts.append(f"mod {mod}")
    return " ".join(parts)


def describe_quantity(row) -> str:
    """One line saying what a quantity row was normalised to (``money 150,000,000,000 EUR``)."""
    low, high, value = _float(row.value_low), _float(row.value_high), _float(row.value)
    is_range = (low is not None and high is not None and low != high) or (
        value is None and (low is not None or high is not None))
    if is_range:
        amount = f"{format_number(low)} to {format_number(high)}"
    else:
        amount = format_number(value)
    text = f"{row.kind} {amount} {_str(row.unit)}".rstrip()
    if not _missing(row.approx):
        text += f" ({row.approx})"
    return text


def _date_highlights(dates: pd.DataFrame) -> Iterable[Highlight]:
    for row in dates.itertuples(index=False):
        yield Highlight(int(row.start), int(row.end), "date", str(row.date_id), f"hl hl-date hl-date-{row.tclass}",
                        f"{describe_date(row)}\ndate {row.date_id}")


def _quantity_highlights(quantities: pd.DataFrame) -> Iterable[Highlight]:
    for row in quantities.itertuples(index=False):
        yield Highlight(int(row.start), int(row.end), "quantity", str(row.quantity_id),
                        f"hl hl-qty hl-qty-{row.kind if row.kind in QUANTITY_KINDS else 'other'}",
                        f"{describe_quantity(row)}\nquantity {row.quantity_id}")


def _claim_highlights(claims: pd.DataFrame) -> Iterable[Highlight]:
    for row in claims.itertuples(index=False):
        who = [f"subject {_str(row.subject, '?')}"]
        if not _missing(row.predicate):
            who.append(f"predicate {row.predicate}")
        if not _missing(row.speaker):
            who.append(f"speaker {row.speaker}")
        yield Highlight(int(row.start), int(row.end), "claim", str(row.claim_id), f"claim claim-{row.kind}",
                        f"{row.kind} claim: {' · '.join(who)}\nclaim {row.claim_id}", tag="span")


def _boilerplate_highlights(sentences: pd.DataFrame) -> Iterable[Highlight]:
    for row in sentences.itertuples(index=False):
        if bool(row.boilerplate):
            reason = _str(getattr(row, "boilerplate_reason", None))
            yield Highlight(int(row.start), int(row.end), "boilerplate", f"boiler-{row.sentence_id}", "boiler",
                            f"boilerplate{': ' + reason if reason else ''}", tag="span", focusable=False)


# ---------------------------------------------------------------- page parts

def _by_doc(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    if frame.empty or "doc_id" not in frame:
        return {}
    return {str(doc): group for doc, group in frame.groupby("doc_id", sort=False)}


def document_names(documents: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Each document's short name (its source, ``#n`` when a source holds several) and full name (title first)."""
    per_source = documents["source"].value_counts().to_dict() if not documents.empty else {}
    names = {}
    for doc in documents.itertuples(index=False):
        short = str(doc.source)
        if per_source.get(doc.source, 0) > 1:
            article = getattr(doc, "article", None)
            short += f" #{int(article) + 1}" if not _missing(article) else f" @{int(doc.start)}"
        title = _str(doc.title)
        names[str(doc.doc_id)] = (short, f"{title} ({short})" if title else short)
    return names


def _render_document(doc, name: str, text: str, highlights: list[Highlight], counts: dict[str, int]) -> str:
    source_slice = text[int(doc.start):int(doc.end)]
    published = _str(doc.published, "unknown")
    origin = _str(doc.published_from, "no source")
    precision = _str(getattr(doc, "published_precision", None))
    facts = [
        ("Source", _esc(doc.source)),
        ("Document", _esc(doc.doc_id)),
        ("Characters", f"{int(doc.start):,}–{int(doc.end):,}"),
        ("Published", f"{_esc(published)} <span class=\"muted\">(from {_esc(origin)}"
                      f"{', precision ' + _esc(precision) if precision else ''})</span>"),
        ("Encoding", _esc(doc.encoding)),
        ("SHA-256", f"<code>{_esc(_str(doc.sha256)[:16])}…</code>"),
        ("Found", ", ".join(f"{n} {_esc(k)}" for k, n in counts.items())),
    ]
    dl = "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in facts)
    doc_anchor = _esc(f"doc-{doc.doc_id}")
    return (
        f'<section class="doc" id="{doc_anchor}" aria-labelledby="{doc_anchor}-h">'
        f'<h3 id="{doc_anchor}-h">{_esc(name)}</h3>'
        f'<dl class="facts">{dl}</dl>'
        f'<div class="doc-text" data-doc="{_esc(doc.doc_id)}">'
        f"{render_marked_text(source_slice, int(doc.start), highlights)}</div>"
        f'<p class="back"><a href="#claims">Back to the claims</a></p></section>'
    )


def _legend() -> str:
    items = [f'<li><mark class="hl hl-ent hl-ent-{g}">{_esc(n)}</mark></li>' for g, n in ENTITY_GROUP_NAMES.items()]
    items += ['<li><mark class="hl hl-date hl-date-date">date or time</mark></li>',
              '<li><mark class="hl hl-date hl-date-duration">duration or set</mark></li>']
    items += [f'<li><mark class="hl hl-qty hl-qty-{k}">{k}</mark></li>' for k in QUANTITY_KINDS]
    items += ['<li><span class="claim">claim sentence</span></li>', '<li><span class="boiler">boilerplate</span></li>']
    return (
        '<div class="legend"><p>Colours by kind. Hover a highlight, or reach it with Tab, to see its '
        'normalised value and IDs.</p><ul>' + "".join(items) + "</ul></div>"
    )


def _claim_values(ids: list[str], rows: dict[str, object], describe: Callable, rendered: set[str]) -> str:
    """A list of a claim's quantities or dates: the span's text (linked to it) and its normalised value."""
    items = []
    for span_id in ids:
        row = rows.get(span_id)
        if row is None:
            items.append(f"<li>{_esc(span_id)} <span class=\"muted\">(not in table)</span></li>")
            continue
        full = _esc(f"{describe(row)} · {span_id}")
        text = (f'<a href="#{_esc(span_id)}" title="{full}">{_esc(row.text)}</a>' if span_id in rendered
                else f'<span title="{full}">{_esc(row.text)}</span>')
        items.append(f'<li>{text} <span class="muted">→ {_esc(short_value(row))}</span></li>')
    return f'<ul class="values">{"".join(items)}</ul>' if items else ""


def short_value(row) -> str:
    """A date's TIMEX3 value, or a quantity's amount and unit, for a table cell."""
    if hasattr(row, "date_id"):
        return _str(row.value, "no value")
    value, low, high = _float(row.value), _float(row.value_low), _float(row.value_high)
    if value is None or (low is not None and high is not None and low != high):
        amount = f"{short_number(low)}–{short_number(high)}" if low is not None and high is not None else "?"
    else:
        amount = short_number(value) if abs(value) >= 1e6 else format_number(value)
    return f"{amount} {_str(row.unit)}".rstrip()


def _claims_section(claims: pd.DataFrame, doc_names: dict[str, tuple[str, str]], entities: dict[str, dict],
                    quantities: dict[str, object], dates: dict[str, object], rendered: set[str]) -> str:
    if claims.empty:
        return ('<section id="claims" aria-labelledby="claims-h"><h2 id="claims-h">Claims</h2>'
                "<p>No claims.</p></section>")
    rows, entity_choices, kinds, docs = [], {}, set(), {}
    for claim in claims.itertuples(index=False):
        claim_id = str(claim.claim_id)
        related = _ids(claim.entity_ids) + [_str(claim.subject_entity_id), _str(claim.speaker_entity_id)]
        related = sorted({e for e in related if e})
        for entity_id in related:
            entity_choices[entity_id] = entities.get(entity_id, {}).get("name", entity_id)
        kinds.add(str(claim.kind))
        doc_id = str(claim.doc_id)
        short, full = doc_names.get(doc_id, (str(claim.source), str(claim.source)))
        docs[doc_id] = full
        text = _esc(claim.text)
        link = f'<a href="#{_esc(claim_id)}">{text}</a>' if claim_id in rendered else text
        none = '<span class="muted">none</span>'
        values = _claim_values(_ids(claim.quantity_ids), quantities, describe_quantity, rendered) or none
        when = _claim_values(_ids(claim.date_ids), dates, describe_date, rendered) or none
        subject = _esc(_str(claim.subject, "—"))
        if not _missing(claim.predicate):
            subject += f' <span class="muted">({_esc(claim.predicate)})</span>'
        document = _esc(short)
        if f"doc-{doc_id}" in rendered:
            document = f'<a href="#{_esc("doc-" + doc_id)}" title="{_esc(full)}">{document}</a>'
        rows.append(
            f'<tr data-doc="{_esc(doc_id)}" data-kind="{_esc(claim.kind)}" data-entities="{_esc(" ".join(related))}">'
            f'<td class="wrap" data-label="Claim">{link}</td>'
            f'<td data-label="Subject">{subject}</td>'
            f'<td data-label="Speaker">{_esc(_str(claim.speaker, "—"))}</td>'
            f'<td class="wrap" data-label="Values">{values}</td>'
            f'<td data-label="Date">{when}</td>'
            f'<td data-label="Kind">{_esc(claim.kind)}</td>'
            f'<td data-label="Document">{document}</td></tr>'
        )

    def options(pairs: Iterable[tuple[str, str]], everything: str) -> str:
        return f'<option value="">{everything}</option>' + "".join(
            f'<option value="{_esc(v)}">{_esc(label)}</option>' for v, label in pairs)

    entity_options = sorted(entity_choices.items(), key=lambda kv: (kv[1].casefold(), kv[0]))
    form = (
        '<form id="claim-filters" class="filters" hidden>'
        f'<label>Entity <select name="entity">{options(entity_options, "any entity")}</select></label>'
        f'<label>Kind <select name="kind">{options(((k, k) for k in sorted(kinds)), "any kind")}</select></label>'
        f'<label>Document <select name="doc">{options(sorted(docs.items(), key=lambda kv: kv[1]), "any document")}'
        '</select></label><button type="reset">Show all</button>'
        f'<p id="claim-count" role="status" aria-live="polite">{len(rows)} claims</p></form>'
    )
    return (
        '<section id="claims" aria-labelledby="claims-h"><h2 id="claims-h">Claims</h2>'
        "<p>Each claim links to its sentence in the documents below; values and dates link to their spans.</p>"
        f'{form}<div class="table-wrap"><table id="claims-table" class="cards">'
        "<caption class=\"sr-only\">Claims with their subject, speaker, values and dates</caption>"
        "<thead><tr><th scope=\"col\">Claim</th><th scope=\"col\">Subject</th><th scope=\"col\">Speaker</th>"
        "<th scope=\"col\">Values</th><th scope=\"col\">Date</th><th scope=\"col\">Kind</th>"
        "<th scope=\"col\">Document</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _counts_table(tables: Mapping) -> str:
    rows = []
    for name in (*CONTRACT_TABLES, "errors"):
        rows.append(f"<tr><th scope=\"row\">{name}</th><td>{len(_frame(tables, name)):,}</td></tr>")
    return ('<table class="compact"><caption>Rows per table</caption>'
            '<thead><tr><th scope="col">table</th><th scope="col">rows</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _entities_table(entities: pd.DataFrame, first_mention: dict[str, str], top: int) -> str:
    if entities.empty:
        return "<p>No entities.</p>"
    ranked = entities.sort_values(["mentions", "documents", "name"], ascending=[False, False, True], kind="mergesort")
    rows = []
    for row in ranked.head(top).itertuples(index=False):
        entity_id = str(row.entity_id)
        name = _esc(row.name)
        if entity_id in first_mention:
            name = f'<a href="#{_esc(first_mention[entity_id])}">{name}</a>'
        aliases = ", ".join(_esc(a) for a in _ids(row.aliases))
        kb = _esc(_str(row.kb_id, "—"))
        rows.append(
            f'<tr><td class="wrap" data-label="Entity">{name}<br><code class="muted">{_esc(entity_id)}</code></td>'
            f'<td data-label="Label">{_esc(row.label)}</td><td data-label="Mentions">{int(row.mentions)}</td>'
            f'<td data-label="Documents">{int(row.documents)}</td><td class="wrap" data-label="Aliases">{aliases}</td>'
            f'<td data-label="KB">{kb}</td></tr>'
        )
    return (
        f'<div class="table-wrap"><table class="cards"><caption>Most mentioned entities (top {min(top, len(entities))} '
        f"of {len(entities)}), linked to their first mention</caption><thead><tr><th scope=\"col\">Entity</th>"
        "<th scope=\"col\">Label</th><th scope=\"col\">Mentions</th><th scope=\"col\">Documents</th>"
        "<th scope=\"col\">Aliases</th><th scope=\"col\">KB</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


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
        for date_id in _ids(claim.date_ids):
            row = date_rows.get(date_id)
            low = _date(row.range_start) if row is not None else None
            high = _date(row.range_end) if row is not None else None
            if low is None and high is None:
                continue  # durations, sets and vague references have no place on a calendar
            low, high = low or high, high or low
            points.append({"claim_id": str(claim.claim_id), "doc_id": str(claim.doc_id), "low": min(low, high),
                           "high": max(low, high), "linked": str(claim.claim_id) in rendered,
                           "label": f"{row.text} ({_str(row.value, '?')}): {_str(claim.text)[:160]}"})
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
                     f"{_esc(tick.isoformat()[:7] if tick.day == 1 else tick.isoformat())}</text>")
    for index, (doc_id, name, label) in enumerate(used):
        y = top + lane_h * index + lane_h / 2
        short = _clip(name, 28)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#eee"/>'
                     f'<text x="{left - 8}" y="{y + 4:.1f}" font-size="12" text-anchor="end" fill="#222">'
                     f"<title>{_esc(label)}</title>{_esc(short)}</text>")
        for point in (p for p in points if p["doc_id"] == doc_id):
            x1, x2 = x(point["low"]), x(point["high"] + dt.timedelta(days=1))
            shape = (f'<circle cx="{(x1 + x2) / 2:.1f}" cy="{y:.1f}" r="6" fill="#b45309" fill-opacity="0.8"/>'
                     if x2 - x1 < 8 else
                     f'<rect x="{x1:.1f}" y="{y - 6:.1f}" width="{x2 - x1:.1f}" height="12" rx="3" '
                     f'fill="#b45309" fill-opacity="0.35" stroke="#b45309"/>')
            inner = f'<title>{_esc(point["label"])}</title>{shape}'
            parts.append(f'<a href="#{_esc(point["claim_id"])}">{inner}</a>' if point["linked"] else f"<g>{inner}</g>")
    parts.append("</svg>")
    return "".join(parts)


def money_by_currency(quantities: pd.DataFrame) -> list[dict]:
    """Money amounts grouped by currency: count, total, smallest and largest, biggest total first.

    An amount is the point ``value``; a range without one counts at its midpoint.
    """
    groups: dict[str, list[float]] = defaultdict(list)
    if not quantities.empty:
        for row in quantities[quantities["kind"] == "money"].itertuples(index=False):
            value, low, high = _float(row.value), _float(row.value_low), _float(row.value_high)
            if value is None and low is not None and high is not None:
                value = (low + high) / 2
            value = value if value is not None else (high if high is not None else low)
            if value is not None:
                groups[_str(row.unit, "unknown")].append(value)
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
             + _esc("; ".join(f"{s['currency']} {short_number(s['total'])} in {s['count']} amounts" for s in positive))
             + "</title>"]
    for power in range(lo, hi + 1):
        tx = x(10.0 ** power)
        parts.append(f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{height - 26}" stroke="#e2e2e2"/>'
                     f'<text x="{tx:.1f}" y="{height - 10}" font-size="12" text-anchor="middle" fill="#444">'
                     f"{_esc(short_number(10.0 ** power))}</text>")
    for index, stat in enumerate(positive):
        y = top + bar_h * index
        end = max(x(stat["total"]), left + 2)
        parts.append(
            f'<text x="{left - 8}" y="{y + bar_h / 2 + 4:.1f}" font-size="13" text-anchor="end" fill="#222">'
            f'<title>{_esc(stat["currency"])}</title>{_esc(_clip(stat["currency"], 8))}</text>'
            f'<rect x="{left}" y="{y + 4}" width="{end - left:.1f}" height="{bar_h - 8}" fill="#a16207"/>'
            f'<text x="{end + 6:.1f}" y="{y + bar_h / 2 + 4:.1f}" font-size="12" fill="#222">'
            f'{_esc(short_number(stat["total"]))} ({stat["count"]} amount{"s" if stat["count"] != 1 else ""})</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _chart_wrap(svg: str, label: str) -> str:
    """A chart in a box that scrolls sideways on narrow screens (and can be scrolled with the keyboard)."""
    if not svg.startswith("<svg"):
        return svg
    return f'<div class="chart-wrap" role="region" aria-label="{_esc(label)}" tabindex="0">{svg}</div>'


def _money_section(stats: list[dict]) -> str:
    rows = "".join(
        f'<tr><th class="wrap" scope="row">{_esc(s["currency"])}</th><td>{s["count"]}</td>'
        f'<td>{_esc(format_number(s["total"]))}</td>'
        f'<td>{_esc(format_number(s["min"]))}</td><td>{_esc(format_number(s["max"]))}</td></tr>' for s in stats)
    table = ('<div class="table-wrap"><table class="compact"><caption>Money amounts by currency (base units)</caption>'
             '<thead><tr><th scope="col">currency</th><th scope="col">amounts</th><th scope="col">total</th>'
             '<th scope="col">smallest</th><th scope="col">largest</th></tr></thead>'
             f"<tbody>{rows}</tbody></table></div>"
             if stats else "")
    return (
        '<h3>Money by currency</h3><p class="muted">Sum of the money amounts stated in the text, each mention '
        "counted once, ranges at their midpoint; bars on a log scale because currencies differ by orders of "
        f"magnitude.</p>{_chart_wrap(money_svg(stats), 'Money by currency chart')}{table}"
    )


def _problems(tables: Mapping, text_of: Callable[[str], str | None]) -> list[str]:
    """Contract breaches worth an analyst's eye: spans whose text is not their source slice."""
    lines = []
    for name in ("sentences", "mentions", "dates", "quantities", "claims"):
        frame = _frame(tables, name)
        bad = 0
        for row in frame.itertuples(index=False):
            text = text_of(str(row.source))
            if text is not None and text[int(row.start):int(row.end)] != row.text:
                bad += 1
        if bad:
            lines.append(f"{bad} {name} row(s) whose text differs from source_text[start:end]")
    return lines


def _errors_table(errors: pd.DataFrame) -> str:
    """The problems the run recorded (errors.parquet), one row each."""
    if errors.empty:
        return ""
    rows = "".join(
        f'<tr><td data-label="Source">{_esc(_str(e.source, "—"))}</td><td data-label="Stage">{_esc(e.stage)}</td>'
        f'<td data-label="Code">{_esc(e.code)}</td><td class="wrap" data-label="Message">{_esc(e.message)}</td></tr>'
        for e in errors.itertuples(index=False))
    return ('<div class="table-wrap"><table class="cards"><caption>Errors recorded by the run</caption>'
            '<thead><tr><th scope="col">source</th><th scope="col">stage</th><th scope="col">code</th>'
            f'<th scope="col">message</th></tr></thead><tbody>{rows}</tbody></table></div>')


def _manifest_facts(manifest: Mapping | None) -> str:
    """The run's versions, configuration hash and input folder from manifest.json (timings left out)."""
    if not manifest:
        return ""
    facts = []
    for key, value in sorted(manifest.items()):
        if key.startswith("seconds"):
            continue
        if isinstance(value, Mapping):
            facts += [(f"{key}.{k}", v) for k, v in sorted(value.items()) if isinstance(v, (str, int, float))]
        elif isinstance(value, (str, int, float)):
            facts.append((key, value))
    if not facts:
        return ""
    items = "".join(f"<div><dt>{_esc(k)}</dt><dd>{_esc(v)}</dd></div>" for k, v in facts)
    return f'<h2>Run</h2><dl class="facts">{items}</dl>'


# ---------------------------------------------------------------- the page

CSS = """
:root{--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--focus:#1a56db}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5em;z-index:20}
.skip:focus{left:.5em}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 1.25rem}
header{padding-top:1rem;border-bottom:1px solid var(--line)}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0;margin:.5rem 0 1rem}
h1{font-size:1.6rem;margin:.2rem 0;overflow-wrap:anywhere}
h2{font-size:1.35rem;margin-top:2.2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.1rem;margin-top:1.6rem;overflow-wrap:anywhere}
a{color:#0b57d0}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.muted{color:var(--muted)}
code{font-size:.85em}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.grid{display:grid;grid-template-columns:minmax(12rem,1fr) minmax(0,3.5fr);gap:1.5rem;align-items:start}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top;
  overflow-wrap:break-word}
thead th{white-space:nowrap}
td.wrap{overflow-wrap:anywhere}
#claims-table{min-width:56rem}
#claims-table td:first-child{width:36%}
#claims-table td:nth-child(4){width:20%}
thead th{background:var(--soft)}
table.compact{width:auto;min-width:16rem}
ul.values{list-style:none;margin:0;padding:0}
ul.values li{margin:0 0 .2rem}
.filters{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:end;margin:.8rem 0;padding:.7rem;
  background:var(--soft);border-radius:6px}
.filters label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600}
.filters select,.filters button{font:inherit;font-weight:400;padding:.3rem;max-width:18rem}
.filters p{margin:0;flex-basis:100%;font-size:.9rem}
.chart-wrap{overflow-x:auto}
.chart{width:100%;height:auto;max-width:1000px;min-width:720px;display:block;margin:.5rem 0}
.legend ul{display:flex;flex-wrap:wrap;gap:.4rem .8rem;list-style:none;padding:0}
.doc{border-top:2px solid var(--line);margin-top:2rem}
.facts{display:flex;flex-wrap:wrap;gap:.2rem 1.5rem;margin:.5rem 0 1rem;font-size:.9rem}
.facts dt{font-weight:600;display:inline}
.facts dd{display:inline;margin:0 0 0 .35rem;overflow-wrap:anywhere}
.facts div{max-width:100%}
.doc-text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1rem;line-height:1.9;max-width:75ch}
.back{font-size:.9rem}
mark.hl{color:inherit;border-radius:3px;padding:0}
.hl-ent-person{background:#fde2ef;box-shadow:inset 0 -2px #c2185b}
.hl-ent-org{background:#dbeafe;box-shadow:inset 0 -2px #1d4ed8}
.hl-ent-place{background:#dcfce7;box-shadow:inset 0 -2px #15803d}
.hl-ent-norp{background:#ede9fe;box-shadow:inset 0 -2px #6d28d9}
.hl-ent-other{background:#e5e7eb;box-shadow:inset 0 -2px #4b5563}
.hl-date{background:#ffedd5;box-shadow:inset 0 -2px #c2410c}
.hl-date-duration,.hl-date-set{background:#fff7ed;box-shadow:inset 0 -2px #c2410c;outline:1px dashed #c2410c}
.hl-qty{background:#fef9c3;box-shadow:inset 0 -3px #a16207}
.hl-qty-percent{background:#ccfbf1;box-shadow:inset 0 -3px #0f766e}
.hl-qty-count,.hl-qty-measure,.hl-qty-ratio,.hl-qty-other{background:#cffafe;box-shadow:inset 0 -3px #0e7490}
.claim{border-bottom:2px dotted #6b7280}
.claim:hover,.claim:focus{background:#f3f4f6}
.boiler{color:#6b6b6b;font-style:italic}
.hl:target,.claim:target{outline:3px solid #dc2626;outline-offset:2px;background:#fef2f2}
/* the focused highlight's details in a bar pinned to the window's foot: never off-screen, even on a phone */
.hl:focus::after,.claim:focus::after{content:attr(title);position:fixed;left:.75rem;right:.75rem;bottom:.75rem;
  z-index:10;max-width:40rem;white-space:pre-line;background:#1f2328;color:#fff;font:13px/1.45 system-ui,sans-serif;
  font-style:normal;padding:.5em .75em;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.3);pointer-events:none}
.problems{background:#fef2f2;border-left:4px solid #dc2626;padding:.5rem 1rem}
footer{margin-top:3rem;padding-bottom:2rem;border-top:1px solid var(--line);font-size:.9rem}
@media (max-width:760px){
  body{font-size:15px}
  header,main,footer{padding:0 .75rem}
  .grid{grid-template-columns:1fr}
  table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table.cards,table.cards caption,table.cards tbody,table.cards tr{display:block;width:100%}
  #claims-table{min-width:0}
  table.cards tr{border:1px solid var(--line);border-radius:6px;margin:0 0 .8rem;padding:.3rem}
  table.cards td,#claims-table td:first-child,#claims-table td:nth-child(4){display:block;width:auto;border:0;
    position:relative;padding:.2rem .3rem .2rem 6rem;min-height:1.6rem}
  table.cards td::before{content:attr(data-label);position:absolute;left:.3rem;width:5.4rem;font-size:.8rem;
    font-weight:600;color:var(--muted)}
  .doc-text{line-height:1.8}
}
"""

# small and dependency-free; without it the page still shows every claim (the filters stay hidden)
SCRIPT = """
(function () {
  var form = document.getElementById('claim-filters');
  if (!form) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll('#claims-table tbody tr'));
  var status = document.getElementById('claim-count');
  function apply() {
    var entity = form.elements.entity.value, kind = form.elements.kind.value, doc = form.elements.doc.value;
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!entity || (' ' + row.getAttribute('data-entities') + ' ').indexOf(' ' + entity + ' ') >= 0)
        && (!kind || row.getAttribute('data-kind') === kind)
        && (!doc || row.getAttribute('data-doc') === doc);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    status.textContent = shown + ' of ' + rows.length + ' claims shown';
  }
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
"""


def content_security_policy() -> str:
    """The page's CSP: no network at all, and only this module's own style and script may apply or run."""
    return (f"default-src 'none'; style-src {_script_hash(CSS)}; script-src {_script_hash(SCRIPT)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def render_report(tables: Mapping, *, title: str = "Extraction review",
                  texts: Mapping[str, str] | None = None, top_entities: int = 15) -> str:
    """Render one self-contained HTML review page for a run's output tables.

    ``tables`` maps table names to DataFrames (as ``pipeline.load`` returns; missing
    tables count as empty). Source texts come from ``texts`` (source -> decoded text)
    when given, else from ``tables.source_text(source)``. The same tables give the same
    bytes: nothing here reads a clock, a file or the network.
    """
    if texts is None and not callable(getattr(tables, "source_text", None)):
        raise TypeError("[E901] render_report needs the source texts: pass texts= or a Tables from pipeline.load")
    cache: dict[str, str | None] = {}

    def text_of(source: str) -> str | None:
        if source not in cache:
            if texts is not None:
                cache[source] = texts.get(source)
            else:
                try:
                    cache[source] = tables.source_text(source)
                except (FileNotFoundError, ValueError) as exc:  # InputError is a ValueError
                    raise FileNotFoundError(f"[E902] cannot read source {source!r} for the report: {exc}") from exc
        return cache[source]

    documents = _frame(tables, "documents")
    sentences, mentions = _frame(tables, "sentences"), _frame(tables, "mentions")
    dates, quantities, claims = _frame(tables, "dates"), _frame(tables, "quantities"), _frame(tables, "claims")
    entity_frame = _frame(tables, "entities")
    entities = {str(r.entity_id): {"name": str(r.name), "kb_id": _str(r.kb_id)}
                for r in entity_frame.itertuples(index=False)}

    per_doc: dict[str, list[Highlight]] = defaultdict(list)
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for layer, frame, make in (("boilerplate", sentences, _boilerplate_highlights),
                               ("claims", claims, _claim_highlights),
                               ("dates", dates, _date_highlights),
                               ("quantities", quantities, _quantity_highlights),
                               ("mentions", mentions, None)):
        for doc_id, group in _by_doc(frame).items():
            items = list(_mention_highlights(group, entities) if make is None else make(group))
            per_doc[doc_id].extend(items)
            if layer != "boilerplate":
                counts[doc_id][layer] = len(items)

    names = document_names(documents)
    ordered_docs = documents.sort_values(["source", "start"], kind="mergesort") if not documents.empty else documents
    doc_sections, rendered, missing_sources = [], set(), []
    for doc in ordered_docs.itertuples(index=False):
        text = text_of(str(doc.source))
        if text is None:
            missing_sources.append(str(doc.source))
            continue
        highlights = per_doc.get(str(doc.doc_id), [])
        doc_sections.append(_render_document(doc, names[str(doc.doc_id)][1], text, highlights,
                                             counts.get(str(doc.doc_id), {})))
        rendered.update(h.span_id for h in highlights)
        rendered.add(f"doc-{doc.doc_id}")

    first_mention: dict[str, str] = {}
    for row in mentions.itertuples(index=False):
        if str(row.mention_id) in rendered:
            first_mention.setdefault(str(row.entity_id), str(row.mention_id))
    quantity_rows = {str(r.quantity_id): r for r in quantities.itertuples(index=False)}
    date_rows = {str(r.date_id): r for r in dates.itertuples(index=False)}

    lanes = [(str(d.doc_id), *names[str(d.doc_id)]) for d in ordered_docs.itertuples(index=False)]
    points = timeline_points(claims, date_rows, rendered)

    problems = _problems(tables, text_of)
    problems += [f"source {s} could not be read; its documents are not shown" for s in missing_sources]
    problem_html = ('<div class="problems" role="note"><p><strong>Check these:</strong></p><ul>'
                    + "".join(f"<li>{_esc(p)}</li>" for p in problems) + "</ul></div>") if problems else ""
    doc_nav = "".join(f'<li><a href="#{_esc("doc-" + doc_id)}">{_esc(label)}</a></li>'
                      for doc_id, _, label in lanes if f"doc-{doc_id}" in rendered)

    body = (
        '<a class="skip" href="#claims">Skip to the claims</a>'
        f"<header><h1>{_esc(title)}</h1>"
        '<nav aria-label="Sections"><ul><li><a href="#summary">Summary</a></li><li><a href="#claims">Claims</a></li>'
        '<li><a href="#documents">Documents</a></li></ul></nav></header><main>'
        f'<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>{problem_html}'
        f"{_errors_table(_frame(tables, 'errors'))}"
        f'<div class="grid"><div>{_counts_table(tables)}</div>'
        f"<div>{_entities_table(entity_frame, first_mention, top_entities)}"
        f"</div></div><h3>Timeline of dated claims</h3>"
        '<p class="muted">One lane per document; a dot is a day, a bar a longer interval. '
        "Each mark links to its claim.</p>"
        f"{_chart_wrap(timeline_svg(points, lanes), 'Timeline')}"
        f"{_money_section(money_by_currency(quantities))}</section>"
        f"{_claims_section(claims, names, entities, quantity_rows, date_rows, rendered)}"
        f'<section id="documents" aria-labelledby="documents-h"><h2 id="documents-h">Documents</h2>{_legend()}'
        f'<nav aria-label="Documents"><ul>{doc_nav}</ul></nav>{"".join(doc_sections)}</section></main>'
        f"<footer>{_manifest_facts(getattr(tables, 'manifest', None))}"
        "<p>Generated by <code>pipeline report</code>; self-contained, no network needed.</p></footer>"
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{_esc(content_security_policy())}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{_esc(title)}</title><style>{CSS}</style></head>"
        f"<body>{body}<script>{SCRIPT}</script></body></html>\n"
    )


@click.command(name="report")
@click.argument("outputs", type=click.Path(path_type=Path, exists=True, file_okay=False), default="outputs")
@click.option("--out", "out_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="HTML file to write [default: OUTPUTS/report.html].")
@click.option("--raw", "raw_dir", type=click.Path(path_type=Path, exists=True, file_okay=False), default=None,
              help="Input folder the outputs were built from [default: the one in manifest.json].")
@click.option("--title", default="Extraction review", show_default=True, help="The page's title.")
def report_command(outputs: Path, out_path: Path | None, raw_dir: Path | None, title: str) -> None:
    """Write one self-contained HTML page to review a run: spans highlighted in their text, claims, charts.

    The page needs no network and runs no external code; open it in any browser.

    \b
    Example:
        pipeline report outputs --out outputs/report.html
        pipeline report my_outputs --raw my_corpus --out review.html
    """
    from pipeline.tools.load import load

    try:
        tables = load(outputs, raw_dir=raw_dir)
        page = render_report(tables, title=title)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    out_path = out_path or outputs / "report.html"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    # a lone surrogate cannot be UTF-8; as a character reference it shows as U+FFFD instead of crashing
    write_bytes_atomic(page.encode("utf-8", errors="xmlcharrefreplace"), out_path)
    claims = len(tables["claims"]) if "claims" in tables else 0
    click.echo(f"wrote {out_path}: {len(tables['documents'])} documents, {claims} claims")
