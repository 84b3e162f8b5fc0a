"""The documents section: each document's facts and its text with every span highlighted, and the legend."""
from __future__ import annotations

import pandas as pd

from pipeline.tools.report.cells import cell_text, is_missing
from pipeline.tools.report.highlights import ENTITY_GROUP_NAMES, QUANTITY_KINDS
from pipeline.tools.report.marking import Highlight, render_marked_text
from pipeline.tools.report.style import esc


def document_names(documents: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Each document's short name (its source, ``#n`` when a source holds several) and full name (title first)."""
    per_source = documents["source"].value_counts().to_dict() if not documents.empty else {}
    names = {}
    for doc in documents.itertuples(index=False):
        short = str(doc.source)
        if per_source.get(doc.source, 0) > 1:
            article = getattr(doc, "article", None)
            short += f" #{int(article) + 1}" if not is_missing(article) else f" @{int(doc.start)}"
        title = cell_text(doc.title)
        names[str(doc.doc_id)] = (short, f"{title} ({short})" if title else short)
    return names


def render_document(doc, name: str, text: str, highlights: list[Highlight], counts: dict[str, int]) -> str:
    source_slice = text[int(doc.start):int(doc.end)]
    published = cell_text(doc.published, "unknown")
    origin = cell_text(doc.published_from, "no source")
    precision = cell_text(getattr(doc, "published_precision", None))
    facts = [
        ("Source", esc(doc.source)),
        ("Document", esc(doc.doc_id)),
        ("Characters", f"{int(doc.start):,}–{int(doc.end):,}"),
        ("Published", f"{esc(published)} <span class=\"muted\">(from {esc(origin)}"
                      f"{', precision ' + esc(precision) if precision else ''})</span>"),
        ("Encoding", esc(doc.encoding)),
        ("SHA-256", f"<code>{esc(cell_text(doc.sha256)[:16])}…</code>"),
        ("Found", ", ".join(f"{n} {esc(k)}" for k, n in counts.items())),
    ]
    dl = "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in facts)
    doc_anchor = esc(f"doc-{doc.doc_id}")
    return (
        f'<section class="doc" id="{doc_anchor}" aria-labelledby="{doc_anchor}-h">'
        f'<h3 id="{doc_anchor}-h">{esc(name)}</h3>'
        f'<dl class="facts">{dl}</dl>'
        f'<div class="doc-text" data-doc="{esc(doc.doc_id)}">'
        f"{render_marked_text(source_slice, int(doc.start), highlights)}</div>"
        f'<p class="back"><a href="#claims">Back to the claims</a></p></section>'
    )


def legend() -> str:
    items = [f'<li><mark class="hl hl-ent hl-ent-{g}">{esc(n)}</mark></li>' for g, n in ENTITY_GROUP_NAMES.items()]
    items += ['<li><mark class="hl hl-date hl-date-date">date or time</mark></li>',
              '<li><mark class="hl hl-date hl-date-duration">duration or set</mark></li>']
    items += [f'<li><mark class="hl hl-qty hl-qty-{k}">{k}</mark></li>' for k in QUANTITY_KINDS]
    items += ['<li><span class="claim">claim sentence</span></li>', '<li><span class="boiler">boilerplate</span></li>']
    return (
        '<div class="legend"><p>Colours by kind. Hover a highlight, or reach it with Tab, to see its '
        'normalised value and IDs.</p><ul>' + "".join(items) + "</ul></div>"
    )
