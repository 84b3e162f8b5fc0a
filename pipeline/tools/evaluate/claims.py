"""Scoring key claims: one row must cover the claim's span, link its value or date and name its subject.

claims
    A gold claim's quantity (date) span is the gold quantity (date) record with that
    text that overlaps the claim, else the one nearest to it; when no record has that
    text, the nearest occurrence of the text in the source. A gold claim is *found*
    when one ``claims`` row of the same source
    (1) overlaps the claim's span,
    (2) links its quantity or date: one of the row's ``quantity_ids`` (``date_ids``) is
        the ID of a ``quantities`` (``dates``) row of that source overlapping the gold
        quantity (date) span; holds trivially when the gold claim has neither, and
    (3) names its subject: the row's ``subject_entity_id`` is the match (see
        entities) of the gold entity whose canonical is the claim's subject, or it
        resolves in ``entities`` to an entity whose ``name`` or an alias equals the
        subject; or the row's ``subject`` string equals the subject or an alias of
        that gold entity. These comparisons fold whitespace, apostrophes and a
        trailing possessive ("'s", "'"); case is kept.
    ``key_claim_recall`` = found / gold claims. Diagnostics: ``span_recall``,
    ``link_recall``, ``subject_recall`` = share of gold claims for which some
    overlapping row meets (1), (1)+(2), (1)+(3). ``overlap_precision`` (informative
    only: gold claims are a selection) = share of predicted claims starting in the
    region that overlap some gold claim.
"""
from __future__ import annotations

from collections.abc import Mapping

from pipeline.tools.evaluate.gold import GoldClaim, GoldFile
from pipeline.tools.evaluate.matching import fold_subject, overlap
from pipeline.tools.evaluate.rows import group_by_source, predicted_in_region, row_text
from pipeline.tools.evaluate.tally import Ratio, error_entry, new_table, put_ratio
from pipeline.tools.evaluate.values import as_list


def score_claims(files: list[GoldFile], claims: list[dict], tables: Mapping[str, list[dict]],
                 entity_rows: list[dict], pairings: Mapping[str, dict[int, str]]) -> dict:
    """Key-claim recall (span, link and subject on one row), its three diagnostics and overlap precision."""
    out = new_table()
    by_source = group_by_source(claims)
    spans = {kind: {(str(r["source"]), str(r[id_col])): (r["start"], r["end"])
                    for r in tables[kind] if r.get(id_col) is not None}
             for kind, id_col in (("quantities", "quantity_id"), ("dates", "date_id"))}
    entities = {str(r["entity_id"]): r for r in entity_rows}
    found, span_ok, link_ok, subject_ok, precision = Ratio(), Ratio(), Ratio(), Ratio(), Ratio()
    for gf in files:
        gold_claims = [c for c in gf.claims if gf.region.contains(c.span.start)]
        rows = by_source.get(gf.source, [])
        for c in gold_claims:
            overlapping = [r for r in rows if overlap(r["start"], r["end"], c.span.start, c.span.end) > 0]
            links = [_links(r, c, gf.source, spans) for r in overlapping]
            names = [_names_subject(r, c, gf, entities, pairings.get(gf.name, {})) for r in overlapping]
            ok = any(lk and nm for lk, nm in zip(links, names))
            found.add(ok)
            span_ok.add(bool(overlapping))
            link_ok.add(any(links))
            subject_ok.add(any(names))
            if not ok:
                out["misses"].append(error_entry(
                    gf, c.span.start, c.span.end, c.span.text,
                    # "same_row": each condition holds on some row, but never all on one
                    problems=[n for n, good in (("span", bool(overlapping)), ("link", any(links)),
                                                ("subject", any(names))) if not good] or ["same_row"],
                    gold={"subject": c.subject, "quantity": c.quantity.text if c.quantity else "",
                          "date": c.date.text if c.date else ""},
                    predicted={"claim_ids": [r.get("claim_id") for r in overlapping],
                               "subjects": [r.get("subject") for r in overlapping]}))
        for r in predicted_in_region(gf, by_source):
            hit = any(overlap(r["start"], r["end"], c.span.start, c.span.end) > 0 for c in gold_claims)
            precision.add(hit)
            if not hit:
                out["false_positives"].append(error_entry(
                    gf, r["start"], r["end"], row_text(r, gf.text),
                    predicted={"claim_id": r.get("claim_id"), "subject": r.get("subject"), "kind": r.get("kind")}))
    m, f = out["metrics"], out["fractions"]
    put_ratio(m, f, "key_claim_recall", found)
    put_ratio(m, f, "span_recall", span_ok)
    put_ratio(m, f, "link_recall", link_ok)
    put_ratio(m, f, "subject_recall", subject_ok)
    put_ratio(m, f, "overlap_precision", precision)
    out["counts"] = {"gold": found.den, "found": found.num, "predicted_in_region": precision.den}
    return out


def _links(row: dict, claim: GoldClaim, source: str, spans: Mapping[str, Mapping[tuple[str, str], tuple[int, int]]]) -> bool:
    """Condition (2): the row links a table row overlapping the gold quantity or date."""
    if claim.quantity is None and claim.date is None:
        return True
    for gold_span, kind, column in ((claim.quantity, "quantities", "quantity_ids"), (claim.date, "dates", "date_ids")):
        if gold_span is None:
            continue
        for linked_id in as_list(row.get(column)):
            where = spans[kind].get((source, str(linked_id)))
            if where and overlap(where[0], where[1], gold_span.start, gold_span.end) > 0:
                return True
    return False


def _names_subject(row: dict, claim: GoldClaim, gf: GoldFile, entities: Mapping[str, dict],
                   pairs: Mapping[int, str]) -> bool:
    """Condition (3): the row's subject entity or subject string is the gold subject."""
    wanted = fold_subject(claim.subject)
    gold_entities = [gi for gi, g in enumerate(gf.entities) if fold_subject(g.canonical) == wanted]
    forms = {wanted} | {fold_subject(a) for gi in gold_entities for a in gf.entities[gi].aliases}
    eid = row.get("subject_entity_id")
    if eid is not None:
        eid = str(eid)
        if any(pairs.get(gi) == eid for gi in gold_entities):
            return True
        entity = entities.get(eid)
        if entity is not None:
            names = [entity.get("name"), *as_list(entity.get("aliases"))]
            if wanted in {fold_subject(n) for n in names if isinstance(n, str)}:
                return True
    subject = row.get("subject")
    return isinstance(subject, str) and fold_subject(subject) in forms
