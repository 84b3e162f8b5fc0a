"""The summary's tables: rows per table, top entities, the run's recorded errors, contract breaches and run facts."""
from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from pipeline.core.schema import CONTRACT_TABLES
from pipeline.tools.report.cells import cell_ids, cell_text, table_frame
from pipeline.tools.report.style import esc


def counts_table(tables: Mapping) -> str:
    rows = []
    for name in (*CONTRACT_TABLES, "errors"):
        rows.append(f"<tr><th scope=\"row\">{name}</th><td>{len(table_frame(tables, name)):,}</td></tr>")
    return ('<table class="compact"><caption>Rows per table</caption>'
            '<thead><tr><th scope="col">table</th><th scope="col">rows</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def entities_table(entities: pd.DataFrame, first_mention: dict[str, str], top: int) -> str:
    if entities.empty:
        return "<p>No entities.</p>"
    ranked = entities.sort_values(["mentions", "documents", "name"], ascending=[False, False, True], kind="mergesort")
    rows = []
    for row in ranked.head(top).itertuples(index=False):
        entity_id = str(row.entity_id)
        name = esc(row.name)
        if entity_id in first_mention:
            name = f'<a href="#{esc(first_mention[entity_id])}">{name}</a>'
        aliases = ", ".join(esc(a) for a in cell_ids(row.aliases))
        kb = esc(cell_text(row.kb_id, "—"))
        rows.append(
            f'<tr><td class="wrap" data-label="Entity">{name}<br><code class="muted">{esc(entity_id)}</code></td>'
            f'<td data-label="Label">{esc(row.label)}</td><td data-label="Mentions">{int(row.mentions)}</td>'
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


def problems_found(tables: Mapping, text_of: Callable[[str], str | None]) -> list[str]:
    """Contract breaches worth an analyst's eye: spans whose text is not their source slice."""
    lines = []
    for name in ("sentences", "mentions", "dates", "quantities", "claims"):
        frame = table_frame(tables, name)
        bad = 0
        for row in frame.itertuples(index=False):
            text = text_of(str(row.source))
            if text is not None and text[int(row.start):int(row.end)] != row.text:
                bad += 1
        if bad:
            lines.append(f"{bad} {name} row(s) whose text differs from source_text[start:end]")
    return lines


def errors_table(errors: pd.DataFrame) -> str:
    """The problems the run recorded (errors.parquet), one row each."""
    if errors.empty:
        return ""
    rows = "".join(
        f'<tr><td data-label="Source">{esc(cell_text(e.source, "—"))}</td><td data-label="Stage">{esc(e.stage)}</td>'
        f'<td data-label="Code">{esc(e.code)}</td><td data-label="Severity">{esc(e.severity)}</td>'
        f'<td class="wrap" data-label="Message">{esc(e.message)}</td></tr>'
        for e in errors.itertuples(index=False))
    return ('<div class="table-wrap"><table class="cards"><caption>Errors and warnings recorded by the run</caption>'
            '<thead><tr><th scope="col">source</th><th scope="col">stage</th><th scope="col">code</th>'
            f'<th scope="col">severity</th><th scope="col">message</th></tr></thead><tbody>{rows}</tbody></table></div>')


def manifest_facts(manifest: Mapping | None) -> str:
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
    items = "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in facts)
    return f'<h2>Run</h2><dl class="facts">{items}</dl>'
