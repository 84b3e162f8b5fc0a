"""Each table's rows as highlights: the element, colour class and tooltip of every span layer."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from pipeline.tools.report.cells import cell_text, is_missing
from pipeline.tools.report.describe import describe_date, describe_quantity
from pipeline.tools.report.marking import Highlight

#: colour group (CSS class suffix) of each OntoNotes entity label
ENTITY_GROUP = {
    "PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "norp",
}
ENTITY_GROUP_NAMES = {"person": "person", "org": "organisation", "place": "place (GPE, LOC, FAC)",
                      "norp": "nationality or group (NORP)", "other": "other entity (LAW, EVENT, ...)"}
QUANTITY_KINDS = ("money", "percent", "count", "measure", "ratio")


def _entity_css(label: str) -> str:
    return "hl hl-ent hl-ent-" + ENTITY_GROUP.get(label, "other")


def mention_highlights(mentions: pd.DataFrame, entities: dict[str, dict]) -> Iterable[Highlight]:
    for row in mentions.itertuples(index=False):
        entity = entities.get(cell_text(row.entity_id), {})
        tip = [f"{row.label} mention: {entity.get('name', '?')}",
               f"entity {row.entity_id} · mention {row.mention_id}"]
        if entity.get("kb_id"):
            tip.append(f"kb {entity['kb_id']}")
        yield Highlight(int(row.start), int(row.end), "mention", str(row.mention_id), _entity_css(row.label),
                        "\n".join(tip))


def date_highlights(dates: pd.DataFrame) -> Iterable[Highlight]:
    for row in dates.itertuples(index=False):
        yield Highlight(int(row.start), int(row.end), "date", str(row.date_id), f"hl hl-date hl-date-{row.tclass}",
                        f"{describe_date(row)}\ndate {row.date_id}")


def quantity_highlights(quantities: pd.DataFrame) -> Iterable[Highlight]:
    for row in quantities.itertuples(index=False):
        yield Highlight(int(row.start), int(row.end), "quantity", str(row.quantity_id),
                        f"hl hl-qty hl-qty-{row.kind if row.kind in QUANTITY_KINDS else 'other'}",
                        f"{describe_quantity(row)}\nquantity {row.quantity_id}")


def claim_highlights(claims: pd.DataFrame) -> Iterable[Highlight]:
    for row in claims.itertuples(index=False):
        who = [f"subject {cell_text(row.subject, '?')}"]
        if not is_missing(row.predicate):
            who.append(f"predicate {row.predicate}")
        if not is_missing(row.speaker):
            who.append(f"speaker {row.speaker}")
        yield Highlight(int(row.start), int(row.end), "claim", str(row.claim_id), f"claim claim-{row.kind}",
                        f"{row.kind} claim: {' · '.join(who)}\nclaim {row.claim_id}", tag="span")


def boilerplate_highlights(sentences: pd.DataFrame) -> Iterable[Highlight]:
    for row in sentences.itertuples(index=False):
        if bool(row.boilerplate):
            reason = cell_text(getattr(row, "boilerplate_reason", None))
            yield Highlight(int(row.start), int(row.end), "boilerplate", f"boiler-{row.sentence_id}", "boiler",
                            f"boilerplate{': ' + reason if reason else ''}", tag="span", focusable=False)
