"""The claims section: one filterable table row per claim, linked to its sentence, values and dates."""
from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd

from pipeline.tools.report.cells import cell_ids, cell_text, is_missing
from pipeline.tools.report.describe import describe_date, describe_quantity, short_value
from pipeline.tools.report.style import esc


def _claim_values(ids: list[str], rows: dict[str, object], describe: Callable, rendered: set[str]) -> str:
    """A list of a claim's quantities or dates: the span's text (linked to it) and its normalised value."""
    items = []
    for span_id in ids:
        row = rows.get(span_id)
        if row is None:
            items.append(f"<li>{esc(span_id)} <span class=\"muted\">(not in table)</span></li>")
            continue
        full = esc(f"{describe(row)} · {span_id}")
        text = (f'<a href="#{esc(span_id)}" title="{full}">{esc(row.text)}</a>' if span_id in rendered
                else f'<span title="{full}">{esc(row.text)}</span>')
        items.append(f'<li>{text} <span class="muted">→ {esc(short_value(row))}</span></li>')
    return f'<ul class="values">{"".join(items)}</ul>' if items else ""


def _evidence(claim, mentions: dict[str, object], rendered: set[str]) -> str:
    """Which rule chose the subject, the mention it was resolved to (a pronoun's antecedent), and the confidence."""
    parts = []
    rule = getattr(claim, "subject_rule", None)
    if not is_missing(rule):
        parts.append(f"by {esc(rule)}")
    mention = mentions.get(cell_text(getattr(claim, "subject_mention_id", None)))
    if mention is not None:
        where = f"“{esc(mention.text)}” at {int(mention.start)}"
        parts.append(f'from <a href="#{esc(mention.mention_id)}">{where}</a>' if mention.mention_id in rendered
                     else f"from {where}")
    confidence = getattr(claim, "confidence", None)
    if not is_missing(confidence):
        evidence = getattr(claim, "confidence_evidence", None)
        # the classes that cost something; a named subject alone is the clean case
        weaker = [] if is_missing(evidence) else [name for name in str(evidence).split() if name != "subject.name"]
        parts.append(f"confidence {float(confidence):.2f}" + (f" ({esc(', '.join(weaker))})" if weaker else ""))
    return f'<br><span class="muted evidence">{" · ".join(parts)}</span>' if parts else ""


def claims_section(claims: pd.DataFrame, doc_names: dict[str, tuple[str, str]], entities: dict[str, dict],
                   quantities: dict[str, object], dates: dict[str, object], rendered: set[str],
                   mentions: dict[str, object] | None = None) -> str:
    """The claims table; each subject shows the evidence that decided it (rule, resolved mention, confidence)."""
    mentions = mentions or {}
    if claims.empty:
        return ('<section id="claims" aria-labelledby="claims-h"><h2 id="claims-h">Claims</h2>'
                "<p>No claims.</p></section>")
    rows, entity_choices, kinds, docs = [], {}, set(), {}
    for claim in claims.itertuples(index=False):
        claim_id = str(claim.claim_id)
        related = cell_ids(claim.entity_ids) + [cell_text(claim.subject_entity_id), cell_text(claim.speaker_entity_id)]
        related = sorted({e for e in related if e})
        for entity_id in related:
            entity_choices[entity_id] = entities.get(entity_id, {}).get("name", entity_id)
        kinds.add(str(claim.kind))
        doc_id = str(claim.doc_id)
        short, full = doc_names.get(doc_id, (str(claim.source), str(claim.source)))
        docs[doc_id] = full
        text = esc(claim.text)
        link = f'<a href="#{esc(claim_id)}">{text}</a>' if claim_id in rendered else text
        none = '<span class="muted">none</span>'
        values = _claim_values(cell_ids(claim.quantity_ids), quantities, describe_quantity, rendered) or none
        when = _claim_values(cell_ids(claim.date_ids), dates, describe_date, rendered) or none
        subject = esc(cell_text(claim.subject, "—"))
        if not is_missing(claim.predicate):
            subject += f' <span class="muted">({esc(claim.predicate)})</span>'
        subject += _evidence(claim, mentions, rendered)
        document = esc(short)
        if f"doc-{doc_id}" in rendered:
            document = f'<a href="#{esc("doc-" + doc_id)}" title="{esc(full)}">{document}</a>'
        rows.append(
            f'<tr data-doc="{esc(doc_id)}" data-kind="{esc(claim.kind)}" data-entities="{esc(" ".join(related))}">'
            f'<td class="wrap" data-label="Claim">{link}</td>'
            f'<td data-label="Subject">{subject}</td>'
            f'<td data-label="Speaker">{esc(cell_text(claim.speaker, "—"))}</td>'
            f'<td class="wrap" data-label="Values">{values}</td>'
            f'<td data-label="Date">{when}</td>'
            f'<td data-label="Kind">{esc(claim.kind)}</td>'
            f'<td data-label="Document">{document}</td></tr>'
        )

    def options(pairs: Iterable[tuple[str, str]], everything: str) -> str:
        return f'<option value="">{everything}</option>' + "".join(
            f'<option value="{esc(v)}">{esc(label)}</option>' for v, label in pairs)

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
