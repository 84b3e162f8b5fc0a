"""The review page: exact text, nested spans, working links, escaping, and a real browser's view of it."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import re
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.tools.report import (
    Highlight,
    content_security_policy,
    format_number,
    money_by_currency,
    render_marked_text,
    render_report,
    report_command,
)
from pipeline.core.schema import SCHEMAS, to_arrow, write_table

CHROMIUM = Path("/usr/bin/chromium")
VOID = {"meta", "br", "input", "img", "hr", "link", "col", "wbr", "source", "area", "base", "embed"}
PAYLOADS = ('<script>alert(1);document.title="PWNED"</script>',
            '<img src=x onerror="alert(2);document.documentElement.setAttribute(\'data-pwned\',\'img\')">',
            '"><svg onload="document.documentElement.setAttribute(\'data-pwned\',\'svg\')">',
            "'><a href=\"javascript:alert(3)\">x</a>")


# ---------------------------------------------------------------- synthetic tables

SOURCE = "001_demo.txt"
TEXT = ("Menu | Subscribe\r\n"
        "EU leaders met in Brussels on 19 May 2025. The European Commission said it will spend "
        "€150bn by 2030, about 5 per cent more.\n"
        "Prices rose 2% to £50,000 to £100,000, said Kaja Kallas.\n")


def _at(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    return index, index + len(needle)


def _span(doc_id: str, source: str, text: str, needle: str, occurrence: int = 1, **extra) -> dict:
    start, end = _at(text, needle, occurrence)
    return {"doc_id": doc_id, "source": source, "start": start, "end": end, "text": text[start:end],
            "sentence_id": None, **extra}


def _tables(rows: dict[str, list[dict]]) -> dict:
    """Frames shaped exactly as pipeline.load returns them (through the real schema)."""
    return {name: to_arrow(name, rows.get(name, [])).to_pandas() for name in SCHEMAS}


def demo_rows(text: str = TEXT, source: str = SOURCE, *, entity_name: str = "European Commission",
              title: str | None = "A demo article", unit: str = "EUR") -> dict[str, list[dict]]:
    """One document with every kind of span, a boilerplate line, nested and crossing spans."""
    doc = "d1"
    date_row = dict(tclass="date", value="2025-05-19", range_start=dt.date(2025, 5, 19),
                    range_end=dt.date(2025, 5, 19), granularity="day", anchored=False, anchor=None, mod=None,
                    reference=None)
    dates = [
        _span(doc, source, text, "19 May 2025", date_id="t-may", **date_row),
        _span(doc, source, text, "2030", date_id="t-2030", **{**date_row, "value": "2030", "granularity": "year",
                                                                "range_start": dt.date(2030, 1, 1),
                                                                "range_end": dt.date(2030, 12, 31)}),
    ]
    quantity = dict(value_low=None, value_high=None, approx=None, unit_rule=None, si_value=None, si_unit=None)
    quantities = [
        _span(doc, source, text, "€150bn", quantity_id="q-150", kind="money", value=150e9,
              **{**quantity, "value_low": 150e9, "value_high": 150e9, "unit": unit}),
        _span(doc, source, text, "5 per cent", quantity_id="q-5", kind="percent", value=5.0,
              **{**quantity, "unit": "%", "approx": "about"}),
        _span(doc, source, text, "2%", quantity_id="q-2", kind="percent", value=2.0, **{**quantity, "unit": "%"}),
        _span(doc, source, text, "£50,000 to £100,000", quantity_id="q-range", kind="money", value=None,
              **{**quantity, "value_low": 50000.0, "value_high": 100000.0, "unit": "GBP"}),
    ]
    mention = dict(detector="model", link=None)
    mentions = [
        _span(doc, source, text, "EU", mention_id="m-eu", entity_id="e-eu", label="ORG", **mention),
        _span(doc, source, text, "Brussels", mention_id="m-bru", entity_id="e-bru", label="GPE", **mention),
        # a mention inside a date, and one crossing the date's start
        _span(doc, source, text, "May", mention_id="m-may", entity_id="e-may", label="PERSON", **mention),
        _span(doc, source, text, "on 19", mention_id="m-cross", entity_id="e-may", label="PERSON", **mention),
        _span(doc, source, text, "European Commission", mention_id="m-ec", entity_id="e-ec", label="ORG", **mention),
        _span(doc, source, text, "Kaja Kallas", mention_id="m-kk", entity_id="e-kk", label="PERSON", **mention),
    ]
    entities = [
        {"entity_id": "e-eu", "name": "European Union", "label": "ORG", "aliases": ["EU"], "mentions": 1,
         "documents": 1, "kb_id": "Q458", "label_evidence": None},
        {"entity_id": "e-bru", "name": "Brussels", "label": "GPE", "aliases": ["Brussels"], "mentions": 1,
         "documents": 1, "kb_id": None, "label_evidence": None},
        {"entity_id": "e-may", "name": "May", "label": "PERSON", "aliases": ["May", "on 19"], "mentions": 2,
         "documents": 1, "kb_id": None, "label_evidence": None},
        {"entity_id": "e-ec", "name": entity_name, "label": "ORG", "aliases": [entity_name, "the Commission"],
         "mentions": 1, "documents": 1, "kb_id": None, "label_evidence": None},
        {"entity_id": "e-kk", "name": "Kaja Kallas", "label": "PERSON", "aliases": ["Kaja Kallas"], "mentions": 1,
         "documents": 1, "kb_id": None, "label_evidence": None},
    ]
    claim = dict(predicate="spend", entity_ids=[], speaker_entity_id=None, speaker=None, kind="forecast",
                 subject_mention_id=None, subject_rule=None, speaker_mention_id=None, confidence=1.0,
                 confidence_evidence=None)
    first = "The European Commission said it will spend €150bn by 2030, about 5 per cent more."
    claims = [
        _span(doc, source, text, first, claim_id="c-spend", subject_entity_id="e-ec", subject=entity_name,
              quantity_ids=["q-150", "q-5"], date_ids=["t-2030"], **{**claim, "entity_ids": ["e-ec"]}),
        # a second claim overlapping the first one's end: it must be split, not break the markup
        _span(doc, source, text, "about 5 per cent more.\nPrices rose 2%", claim_id="c-cross",
              subject_entity_id=None, subject=None, quantity_ids=["q-5", "q-2"], date_ids=["t-may"],
              **{**claim, "kind": "statistic", "predicate": None}),
        _span(doc, source, text, "Prices rose 2% to £50,000 to £100,000, said Kaja Kallas.", claim_id="c-prices",
              subject_entity_id=None, subject="Prices", quantity_ids=["q-2", "q-range"], date_ids=[],
              **{**claim, "kind": "statistic", "predicate": "rose", "speaker_entity_id": "e-kk",
                 "speaker": "Kaja Kallas", "entity_ids": ["e-kk"]}),
    ]
    start, end = _at(text, "Menu | Subscribe")
    sentences = [{"sentence_id": "s-menu", "doc_id": doc, "source": source, "start": start, "end": end,
                  "text": text[start:end], "paragraph": 0, "boilerplate": True, "boilerplate_reason": "navigation"}]
    documents = [{"doc_id": doc, "source": source, "start": 0, "end": len(text), "title": title,
                  "published": dt.date(2025, 5, 19), "published_from": "metadata", "published_precision": "day",
                  "published_evidence": None,
                  "encoding": "utf-8", "sha256": "ab" * 32, "article": 0}]
    return {"documents": documents, "sentences": sentences, "entities": entities, "mentions": mentions,
            "dates": dates, "quantities": quantities, "claims": claims}


# ---------------------------------------------------------------- a small HTML reader

class PageReader(HTMLParser):
    """Reads the page the way a browser builds it: tags, ids, links, and the text of spans and documents."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.ids: list[str] = []
        self.spans: dict[str, str] = {}
        self.fragments: dict[str, int] = {}
        self.docs: dict[str, str] = {}
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if "data-span" in attrs:
            self.spans.setdefault(attrs["data-span"], "")
            self.fragments[attrs["data-span"]] = self.fragments.get(attrs["data-span"], 0) + 1
        if "data-doc" in attrs and "doc-text" in attrs.get("class", ""):
            self.docs[attrs["data-doc"]] = ""
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "script":
            self.scripts.append(data)
        for tag, attrs in self.stack:
            if "data-span" in attrs:
                self.spans[attrs["data-span"]] += data
            if "data-doc" in attrs and "doc-text" in attrs.get("class", ""):
                self.docs[attrs["data-doc"]] += data


def read_page(page: str) -> PageReader:
    reader = PageReader()
    reader.feed(page)
    reader.close()
    return reader


def _span_rows(rows: dict[str, list[dict]]):
    for name, key in (("mentions", "mention_id"), ("dates", "date_id"), ("quantities", "quantity_id"),
                      ("claims", "claim_id")):
        for row in rows[name]:
            yield row[key], row["text"]


# ---------------------------------------------------------------- unit tests on synthetic tables

@pytest.fixture(scope="module")
def demo_page() -> tuple[dict, str, PageReader]:
    rows = demo_rows()
    page = render_report(_tables(rows), texts={SOURCE: TEXT})
    return rows, page, read_page(page)


def test_document_text_is_exactly_the_source_slice(demo_page):
    _, page, reader = demo_page
    assert reader.docs == {"d1": TEXT}
    assert "&#13;" in page  # the CR of "\r\n" survives the browser's newline normalisation


def test_markup_nests_and_ids_are_unique(demo_page):
    _, _, reader = demo_page
    assert reader.errors == []
    assert reader.stack == []
    assert len(reader.ids) == len(set(reader.ids))


def test_every_span_is_highlighted_with_its_table_text(demo_page):
    rows, _, reader = demo_page
    for span_id, text in _span_rows(rows):
        assert span_id in reader.ids, span_id
        assert reader.spans[span_id] == text, span_id


def test_crossing_spans_are_split_into_fragments(demo_page):
    _, _, reader = demo_page
    # the date "19 May 2025" starts inside the mention "on 19" and outlives it: the later span is split;
    # likewise "c-cross" starts inside "c-spend" and runs past its end
    assert reader.fragments["t-may"] == 2 and reader.fragments["m-cross"] == 1
    assert reader.fragments["c-cross"] == 2 and reader.fragments["c-spend"] == 1
    assert reader.fragments["m-may"] == 1 and reader.fragments["q-150"] == 1
    focusable = [a for _, a in reader.tags if a.get("data-span") == "t-may" and a.get("tabindex") == "0"]
    assert len(focusable) == 1  # one tab stop per span, on the fragment that carries the id


def test_every_internal_link_has_a_target(demo_page):
    rows, _, reader = demo_page
    hrefs = [a["href"][1:] for tag, a in reader.tags if tag == "a" and a.get("href", "").startswith("#")]
    assert set(hrefs) <= set(reader.ids)
    for claim in rows["claims"]:
        assert claim["claim_id"] in hrefs


def test_highlights_carry_value_and_ids_for_hover_and_focus(demo_page):
    _, _, reader = demo_page
    attrs = {a["id"]: a for _, a in reader.tags if "id" in a}
    assert "money 150,000,000,000 EUR" in attrs["q-150"]["title"] and "q-150" in attrs["q-150"]["title"]
    assert "50,000 to 100,000 GBP" in attrs["q-range"]["title"]
    assert "percent 5 % (about)" in attrs["q-5"]["title"]
    assert "2025-05-19" in attrs["t-may"]["title"]
    assert "European Union" in attrs["m-eu"]["title"] and "e-eu" in attrs["m-eu"]["title"]
    assert "Q458" in attrs["m-eu"]["title"]
    for span_id in ("q-150", "t-may", "m-eu", "c-spend"):
        assert attrs[span_id]["tabindex"] == "0"
    assert "hl-qty-money" in attrs["q-150"]["class"] and "hl-ent-org" in attrs["m-eu"]["class"]
    assert "boiler" in attrs["boiler-s-menu"]["class"] and "tabindex" not in attrs["boiler-s-menu"]


def test_claim_rows_carry_filter_keys_and_values(demo_page):
    _, page, reader = demo_page
    rows = [a for tag, a in reader.tags if tag == "tr" and "data-kind" in a]
    assert [r["data-kind"] for r in rows] == ["forecast", "statistic", "statistic"]
    assert rows[2]["data-entities"] == "e-kk"
    assert all(r["data-doc"] == "d1" for r in rows)
    options = [a.get("value") for tag, a in reader.tags if tag == "option"]
    assert {"e-ec", "e-kk", "forecast", "statistic", "d1"} <= set(options)
    assert re.search(r'<form id="claim-filters"[^>]* hidden>', page)  # shown only when the script runs


def test_summary_counts_entities_timeline_and_money(demo_page):
    _, page, reader = demo_page
    assert '<tr><th scope="row">claims</th><td>3</td></tr>' in page
    assert '<tr><th scope="row">errors</th><td>0</td></tr>' in page
    timeline = re.search(r'<svg[^>]*aria-labelledby="timeline-t".*?</svg>', page, re.S).group(0)
    assert 'href="#c-spend"' in timeline and 'href="#c-cross"' in timeline
    assert 'href="#c-prices"' not in timeline  # it has no date
    money = re.search(r'<svg[^>]*aria-labelledby="money-t".*?</svg>', page, re.S).group(0)
    assert "EUR" in money and "GBP" in money
    assert "the Commission" in page  # aliases of the most mentioned entities


def test_page_is_self_contained_and_runs_only_its_own_script(demo_page):
    _, page, reader = demo_page
    assert not [a for _, a in reader.tags if "src" in a]
    assert "url(" not in page and "@import" not in page
    assert not re.search(r"(?:href|src)=\"(?:https?:)?//", page)
    assert len(reader.scripts) == 1
    digest = base64.b64encode(hashlib.sha256(reader.scripts[0].encode()).digest()).decode()
    csp = [a["content"] for tag, a in reader.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp == [content_security_policy()]
    assert f"script-src 'sha256-{digest}'" in csp[0] and "default-src 'none'" in csp[0]
    assert "unsafe-inline" not in csp[0]


def test_same_tables_give_the_same_bytes():
    rows = demo_rows()
    assert render_report(_tables(rows), texts={SOURCE: TEXT}) == render_report(_tables(rows), texts={SOURCE: TEXT})


def injected_rows() -> tuple[dict, str]:
    """The demo document with script-injection payloads in its text, title, entity names and units."""
    text = TEXT + "".join(f"Payload {i}: {p}\n" for i, p in enumerate(PAYLOADS))
    rows = demo_rows(text, entity_name=PAYLOADS[1], title=PAYLOADS[0], unit=PAYLOADS[2])
    payload_start = text.index("Payload 0")
    rows["mentions"].append({**_span("d1", SOURCE, text, PAYLOADS[0]), "mention_id": 'm-"><x', "entity_id": "e-ec",
                             "label": 'ORG" onfocus="alert(4)', "detector": "model", "link": None})
    rows["sentences"].append({"sentence_id": "s-payload", "doc_id": "d1", "source": SOURCE, "start": payload_start,
                              "end": len(text), "text": text[payload_start:], "paragraph": 3, "boilerplate": True,
                              "boilerplate_reason": PAYLOADS[3]})
    return rows, text


def test_injected_markup_renders_as_text():
    rows, text = injected_rows()
    page = render_report(_tables(rows), texts={SOURCE: text}, title=PAYLOADS[3])
    reader = read_page(page)
    assert reader.errors == []
    assert [t for t, _ in reader.tags if t in {"img", "iframe", "object", "embed"}] == []
    assert len(reader.scripts) == 1  # the page's own
    assert [(t, k) for t, a in reader.tags for k in a if k.startswith("on")] == []
    assert not [a for _, a in reader.tags if a.get("href", "").startswith("javascript:")]
    svg_tags = [a for t, a in reader.tags if t == "svg"]
    assert all("aria-labelledby" in a for a in svg_tags)  # only the two charts: no injected <svg>
    assert reader.docs == {"d1": text}
    assert reader.spans['m-"><x'] == PAYLOADS[0]


def test_claims_of_an_unrendered_document_are_listed_without_a_dead_link():
    rows = demo_rows()
    page = render_report(_tables(rows), texts={})  # the source cannot be read
    reader = read_page(page)
    hrefs = {a["href"][1:] for tag, a in reader.tags if tag == "a" and a.get("href", "").startswith("#")}
    assert hrefs <= set(reader.ids)
    assert "could not be read" in page
    assert "The European Commission said it will spend" in page


def test_a_span_text_that_disagrees_with_its_source_is_flagged():
    rows = demo_rows()
    rows["quantities"][0]["text"] = "€150m"
    page = render_report(_tables(rows), texts={SOURCE: TEXT})
    assert "1 quantities row(s) whose text differs from source_text[start:end]" in page


def test_errors_of_the_run_are_listed_escaped():
    tables = _tables(demo_rows())
    tables["errors"] = to_arrow("errors", [{"source": "scan.txt", "stage": "segment", "error_class": "InputError",
                                            "code": "E013", "severity": "error", "message": "[E013] binary <PDF>", "line": None}]).to_pandas()
    page = render_report(tables, texts={SOURCE: TEXT})
    assert "<td data-label=\"Code\">E013</td>" in page and "binary &lt;PDF&gt;" in page
    assert '<td data-label="Severity">error</td>' in page
    assert '<tr><th scope="row">errors</th><td>1</td></tr>' in page


def test_render_needs_source_texts():
    with pytest.raises(TypeError, match=r"\[E901\]"):
        render_report(_tables(demo_rows()))


@pytest.mark.parametrize("value, expected", [
    (150e9, "150,000,000,000"), (2.0, "2"), (0.4, "0.4"), (1234.5, "1,234.5"), (None, "?"), (-3.0, "-3"),
])
def test_format_number(value, expected):
    assert format_number(value) == expected


def test_money_by_currency_counts_ranges_at_their_midpoint_and_skips_other_kinds():
    tables = _tables(demo_rows())
    stats = money_by_currency(tables["quantities"])
    assert stats == [
        {"currency": "EUR", "count": 1, "total": 150e9, "min": 150e9, "max": 150e9},
        {"currency": "GBP", "count": 1, "total": 75000.0, "min": 75000.0, "max": 75000.0},
    ]


@st.composite
def texts_and_spans(draw):
    text = draw(st.text(alphabet=st.sampled_from(list("ab <>&\"'\r\n€")), min_size=0, max_size=40))
    base = draw(st.integers(0, 5))
    layers = ["boilerplate", "claim", "date", "quantity", "mention"]
    spans = []
    for index in range(draw(st.integers(0, 8))):
        start = draw(st.integers(base, base + len(text)))
        end = draw(st.integers(start, base + len(text)))
        layer = draw(st.sampled_from(layers))
        spans.append(Highlight(start, end, layer, f"s{index}", "hl", f"tip <{index}>",
                               tag="span" if layer in ("claim", "boilerplate") else "mark"))
    return text, base, spans


@settings(max_examples=150, deadline=None)
@given(texts_and_spans())
def test_any_spans_nest_and_keep_the_text(case):
    text, base, spans = case
    reader = read_page(f'<div class="doc-text" data-doc="x">{render_marked_text(text, base, spans)}</div>')
    assert reader.errors == [] and reader.stack == []
    assert reader.docs["x"] == text
    for span in spans:
        assert span.span_id in reader.ids
        assert reader.spans[span.span_id] == text[span.start - base:span.end - base]


# ---------------------------------------------------------------- the command

def _write_run(tmp_path: Path, rows: dict, text: str) -> Path:
    raw, out = tmp_path / "raw", tmp_path / "outputs"
    raw.mkdir()
    (raw / SOURCE).write_text(text, encoding="utf-8", newline="")
    for name in ("documents", "sentences", "entities", "mentions", "dates", "quantities", "claims"):
        write_table(name, rows[name], out / f"{name}.parquet")
    (out / "manifest.json").write_text(json.dumps({"raw_dir": str(raw), "schema_version": "1"}))
    return out


def test_report_command_writes_the_page(tmp_path):
    out = _write_run(tmp_path, demo_rows(), TEXT)
    target = tmp_path / "site" / "review.html"
    result = CliRunner().invoke(report_command, [str(out), "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert "1 documents, 3 claims" in result.output
    reader = read_page(target.read_text(encoding="utf-8"))
    assert reader.docs == {"d1": TEXT}


def test_report_command_names_an_unreadable_source_in_one_line(tmp_path):
    out = _write_run(tmp_path, demo_rows(), TEXT)
    (tmp_path / "raw" / SOURCE).unlink()
    result = CliRunner().invoke(report_command, [str(out), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert "[E902]" in result.output and SOURCE in result.output and "Traceback" not in result.output


def test_report_command_help_has_an_example():
    result = CliRunner().invoke(report_command, ["--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "--raw" in result.output


# ---------------------------------------------------------------- in headless Chromium

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="headless Chromium is not installed: apt-get install -y chromium chromium-driver (Debian)")

#: recorded before any page content, so an injected alert() would be caught
ALERT_TRAP = "window.__alerts=[];window.alert=function(m){window.__alerts.push(String(m));};"
#: runs after the page's own script and writes what it found into <pre id="selfcheck">
SELF_CHECK = r"""
(function () {
  var out = {missing: [], claimRows: 0, linkedRows: 0, spans: {}, docs: {}, alerts: window.__alerts,
             title: document.title, scripts: document.scripts.length, images: document.images.length,
             pwned: document.documentElement.getAttribute('data-pwned'), unfocusable: 0, tooltip: ''};
  document.querySelectorAll('a[href^="#"]').forEach(function (a) {
    var id = decodeURIComponent(a.getAttribute('href').slice(1));
    if (!document.getElementById(id)) { out.missing.push(id); }
  });
  document.querySelectorAll('#claims-table tbody tr').forEach(function (row) {
    out.claimRows += 1;
    var link = row.querySelector('td a[href^="#"]');
    if (link && document.getElementById(link.getAttribute('href').slice(1))) { out.linkedRows += 1; }
  });
  document.querySelectorAll('[data-span]').forEach(function (el) {
    var id = el.getAttribute('data-span');
    out.spans[id] = (out.spans[id] || '') + el.textContent;
  });
  document.querySelectorAll('.doc-text').forEach(function (el) {
    out.docs[el.getAttribute('data-doc')] = el.textContent;
  });
  document.querySelectorAll('mark[id], .claim[id]').forEach(function (el) {
    if (el.tabIndex < 0) { out.unfocusable += 1; }
  });
  var first = document.querySelector('mark.hl[id]');
  if (first) { first.focus(); out.tooltip = getComputedStyle(first, '::after').getPropertyValue('content'); }
  var form = document.getElementById('claim-filters');
  out.filtersShown = !!form && !form.hidden;
  function shownWith(name, value) {
    form.reset();
    form.elements[name].value = value;
    form.dispatchEvent(new Event('change'));
    var n = document.querySelectorAll('#claims-table tbody tr:not([hidden])').length;
    form.reset();
    form.dispatchEvent(new Event('change'));
    return n;
  }
  out.filters = {};
  if (form) {
    ['entity', 'kind', 'doc'].forEach(function (name) {
      var value = form.elements[name].options[1] ? form.elements[name].options[1].value : '';
      out.filters[name] = [value, shownWith(name, value)];
    });
  }
  out.pageWidth = document.documentElement.scrollWidth;
  out.viewport = window.innerWidth;
  out.wide = [];  // what sticks out of the viewport (outside the charts' and tables' own scroll boxes)
  document.querySelectorAll('body *').forEach(function (el) {
    if (el.getBoundingClientRect().right > out.viewport + 1 && !el.closest('.chart-wrap svg, .table-wrap table')) {
      out.wide.push(el.tagName + '.' + el.getAttribute('class') + ': ' + el.textContent.slice(0, 60));
    }
  });
  out.phoneLayout = window.matchMedia('(max-width: 760px)').matches;
  // headless windows are at least 500 px wide: squeeze the body to a 360 px phone and measure what sticks out
  document.body.style.width = '360px';
  out.narrowWidth = document.body.scrollWidth;
  document.body.style.width = '';
  var pre = document.createElement('pre');
  pre.id = 'selfcheck';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
"""


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def instrument(page: str) -> str:
    """The page with the alert trap first and the self-check last, both allowed by the page's own CSP."""
    page = page.replace("script-src ", f"script-src {_hash(ALERT_TRAP)} {_hash(SELF_CHECK)} ", 1)
    page = page.replace('<meta name="viewport"', f"<script>{ALERT_TRAP}</script><meta name=\"viewport\"", 1)
    return page.replace("</body>", f"<script>{SELF_CHECK}</script></body>", 1)


def chromium(tmp_path: Path, page_path: Path, *args: str) -> subprocess.CompletedProcess:
    """Headless Chromium with no network, a throwaway profile and console messages on stderr."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
               f"--user-data-dir={profile}", "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
               "--enable-logging=stderr", "--v=0", *args, page_path.as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, f"chromium exited {result.returncode}: {result.stderr[-2000:]}"
    return result


def self_check(tmp_path: Path, page: str, name: str, *args: str) -> tuple[dict, str]:
    """Open the instrumented page; return the self-check's findings and the browser's console lines."""
    path = tmp_path / name
    path.write_text(instrument(page), encoding="utf-8")
    result = chromium(tmp_path, path, "--dump-dom", *(args or ("--window-size=1280,900",)))
    found = re.search(r'<pre id="selfcheck">(.*?)</pre>', result.stdout, re.S)
    assert found, f"self-check did not run: {result.stderr[-2000:]}"
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line]
    return json.loads(html.unescape(found.group(1))), "\n".join(console)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "not a PNG"
    return struct.unpack(">II", data[16:24])


@needs_chromium
@pytest.mark.slow
def test_seed_report_in_headless_chromium(seed_run, tmp_path):
    _, _, tables, texts = seed_run
    assert len(tables.claims) and len(tables.mentions), "the seed run produced nothing to review"
    page = render_report(tables)
    found, console = self_check(tmp_path, page, "report.html")
    assert console == "", console
    assert found["missing"] == []
    assert found["claimRows"] == len(tables.claims) == found["linkedRows"]
    assert found["filtersShown"] is True
    for doc in tables.documents.itertuples():
        assert found["docs"][doc.doc_id] == texts[doc.source][doc.start:doc.end], doc.source
    for name, key in (("mentions", "mention_id"), ("dates", "date_id"), ("quantities", "quantity_id"),
                      ("claims", "claim_id")):
        frame = tables[name]
        wrong = [row[key] for row in frame.to_dict("records") if found["spans"].get(row[key]) != row["text"]]
        assert wrong == [], f"{len(wrong)} {name} highlights differ from their table text"
    assert found["unfocusable"] == 0
    assert "mention" in found["tooltip"] or "date" in found["tooltip"] or "quantity" in found["tooltip"]
    claims = tables.claims
    entity, shown = found["filters"]["entity"]
    about = claims.apply(lambda c: entity in {*c["entity_ids"], c["subject_entity_id"], c["speaker_entity_id"]}, axis=1)
    assert shown == int(about.sum()) > 0
    kind, shown = found["filters"]["kind"]
    assert shown == int((claims["kind"] == kind).sum()) > 0
    doc, shown = found["filters"]["doc"]
    assert shown == int((claims["doc_id"] == doc).sum()) > 0
    assert found["pageWidth"] <= found["viewport"]

    phone, _ = self_check(tmp_path, page, "phone.html", "--window-size=390,900")
    assert phone["phoneLayout"] and phone["pageWidth"] <= phone["viewport"], phone["wide"]
    assert phone["narrowWidth"] <= 360, "something sticks out of a 360 px wide page"

    shot = tmp_path / "report.png"
    (tmp_path / "plain.html").write_text(page, encoding="utf-8")
    chromium(tmp_path, tmp_path / "plain.html", f"--screenshot={shot}", "--window-size=1280,2000", "--hide-scrollbars")
    assert png_size(shot) == (1280, 2000) and shot.stat().st_size > 20_000
    phone = tmp_path / "phone.png"
    chromium(tmp_path, tmp_path / "plain.html", f"--screenshot={phone}", "--window-size=390,1600", "--hide-scrollbars")
    assert png_size(phone) == (390, 1600) and phone.stat().st_size > 10_000


@needs_chromium
def test_injected_scripts_do_not_run_in_chromium(tmp_path):
    rows, text = injected_rows()
    page = render_report(_tables(rows), texts={SOURCE: text}, title="Injection check")
    found, console = self_check(tmp_path, page, "injected.html")
    assert found["alerts"] == [] and found["pwned"] is None
    assert found["title"] == "Injection check"
    assert found["images"] == 0 and found["scripts"] == 3  # the page's own, the trap and the self-check
    assert console == "", console  # no CSP refusal: nothing even tried to run
    assert found["docs"]["d1"] == text
    assert found["missing"] == []


@needs_chromium
def test_the_injection_check_catches_unescaped_markup(tmp_path):
    """The detector itself works: the same payload pasted raw into a page without a CSP does run."""
    trap = f"<script>{ALERT_TRAP}</script>"
    page = (f"<!DOCTYPE html><html><head><title>Injection check</title>{trap}</head><body>"
            + "".join(PAYLOADS) + f"<script>{SELF_CHECK}</script></body></html>")
    path = tmp_path / "raw.html"
    path.write_text(page, encoding="utf-8")
    result = chromium(tmp_path, path, "--dump-dom")
    found = json.loads(html.unescape(re.search(r'<pre id="selfcheck">(.*?)</pre>', result.stdout, re.S).group(1)))
    assert found["alerts"] and found["title"] == "PWNED"



def test_a_claim_shows_the_evidence_that_chose_its_subject():
    """The review page names the subject's rule, the mention a pronoun was resolved to, and the confidence."""
    from types import SimpleNamespace

    import pandas as pd

    from pipeline.tools.report.claims import claims_section

    claims = pd.DataFrame([{
        "claim_id": "c1", "doc_id": "d1", "source": "a.txt", "start": 40, "end": 60, "text": "It cut rates by 25bp.",
        "sentence_id": "s2", "subject_entity_id": "e-fed", "subject": "Federal Reserve", "predicate": "cut",
        "quantity_ids": [], "date_ids": [], "entity_ids": ["e-fed"], "speaker_entity_id": None, "speaker": None,
        "kind": "share", "subject_mention_id": "m-fed", "subject_rule": "pronoun", "speaker_mention_id": None,
        "confidence": 0.65}])
    mention = SimpleNamespace(mention_id="m-fed", text="The Federal Reserve", start=0)
    html = claims_section(claims, {"d1": ("a", "a.txt")}, {"e-fed": {"name": "Federal Reserve"}}, {}, {},
                          {"m-fed"}, {"m-fed": mention})
    assert "by pronoun" in html and "confidence 0.65" in html
    assert '<a href="#m-fed">“The Federal Reserve” at 0</a>' in html
    plain = claims_section(claims.assign(subject_rule=None, subject_mention_id=None), {"d1": ("a", "a.txt")},
                           {}, {}, {}, set(), {})
    assert "by pronoun" not in plain and "confidence 0.65" in plain
