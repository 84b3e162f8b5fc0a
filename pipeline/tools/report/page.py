"""Page assembly: render_report gathers highlights per document and puts every section into one HTML page."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import pandas as pd

from pipeline.tools.report.cells import cell_text, table_frame
from pipeline.tools.report.charts import chart_wrap, money_by_currency, money_section, timeline_points, timeline_svg
from pipeline.tools.report.claims import claims_section
from pipeline.tools.report.documents import document_names, legend, render_document
from pipeline.tools.report.highlights import (
    boilerplate_highlights,
    claim_highlights,
    date_highlights,
    mention_highlights,
    quantity_highlights,
)
from pipeline.tools.report.marking import Highlight
from pipeline.tools.report.style import CSS, SCRIPT, content_security_policy, esc
from pipeline.tools.report.summary import counts_table, entities_table, errors_table, manifest_facts, problems_found


def _by_doc(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    if frame.empty or "doc_id" not in frame:
        return {}
    return {str(doc): group for doc, group in frame.groupby("doc_id", sort=False)}


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

    documents = table_frame(tables, "documents")
    sentences, mentions = table_frame(tables, "sentences"), table_frame(tables, "mentions")
    mention_rows = {row.mention_id: row for row in mentions.itertuples(index=False)} if len(mentions) else {}
    dates, quantities = table_frame(tables, "dates"), table_frame(tables, "quantities")
    claims = table_frame(tables, "claims")
    entity_frame = table_frame(tables, "entities")
    entities = {str(r.entity_id): {"name": str(r.name), "kb_id": cell_text(r.kb_id)}
                for r in entity_frame.itertuples(index=False)}

    per_doc: dict[str, list[Highlight]] = defaultdict(list)
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for layer, frame, make in (("boilerplate", sentences, boilerplate_highlights),
                               ("claims", claims, claim_highlights),
                               ("dates", dates, date_highlights),
                               ("quantities", quantities, quantity_highlights),
                               ("mentions", mentions, None)):
        for doc_id, group in _by_doc(frame).items():
            items = list(mention_highlights(group, entities) if make is None else make(group))
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
        doc_sections.append(render_document(doc, names[str(doc.doc_id)][1], text, highlights,
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

    problems = problems_found(tables, text_of)
    problems += [f"source {s} could not be read; its documents are not shown" for s in missing_sources]
    problem_html = ('<div class="problems" role="note"><p><strong>Check these:</strong></p><ul>'
                    + "".join(f"<li>{esc(p)}</li>" for p in problems) + "</ul></div>") if problems else ""
    doc_nav = "".join(f'<li><a href="#{esc("doc-" + doc_id)}">{esc(label)}</a></li>'
                      for doc_id, _, label in lanes if f"doc-{doc_id}" in rendered)

    body = (
        '<a class="skip" href="#claims">Skip to the claims</a>'
        f"<header><h1>{esc(title)}</h1>"
        '<nav aria-label="Sections"><ul><li><a href="#summary">Summary</a></li><li><a href="#claims">Claims</a></li>'
        '<li><a href="#documents">Documents</a></li></ul></nav></header><main>'
        f'<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>{problem_html}'
        f"{errors_table(table_frame(tables, 'errors'))}"
        f'<div class="grid"><div>{counts_table(tables)}</div>'
        f"<div>{entities_table(entity_frame, first_mention, top_entities)}"
        f"</div></div><h3>Timeline of dated claims</h3>"
        '<p class="muted">One lane per document; a dot is a day, a bar a longer interval. '
        "Each mark links to its claim.</p>"
        f"{chart_wrap(timeline_svg(points, lanes), 'Timeline')}"
        f"{money_section(money_by_currency(quantities))}</section>"
        f"{claims_section(claims, names, entities, quantity_rows, date_rows, rendered, mention_rows)}"
        f'<section id="documents" aria-labelledby="documents-h"><h2 id="documents-h">Documents</h2>{legend()}'
        f'<nav aria-label="Documents"><ul>{doc_nav}</ul></nav>{"".join(doc_sections)}</section></main>'
        f"<footer>{manifest_facts(getattr(tables, 'manifest', None))}"
        "<p>Generated by <code>pipeline report</code>; self-contained, no network needed.</p></footer>"
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{esc(content_security_policy())}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head>"
        f"<body>{body}<script>{SCRIPT}</script></body></html>\n"
    )
