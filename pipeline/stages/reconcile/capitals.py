"""Acronyms a long name's capitals spell, in order ("JPM", "JP Morgan") or word order reversed ("BC", "Central Bank")."""
from __future__ import annotations

from pipeline.stages.reconcile.names import LEADING_THE, is_acronym
from pipeline.stages.reconcile.rows import Row, ref


def _capitals(surface: str) -> str:
    """Every capital letter of a name, in order: "JP Morgan" -> "JPM", "GlaxoSmithKline" -> "GSK"."""
    return "".join(c for c in LEADING_THE.sub("", surface) if c.isupper())


def _reversed_initials(surface: str, fillers: frozenset[str], heads: frozenset[str]) -> str | None:
    """The initials of an institution's content words, last word first ("Central Bank" -> "BC").

    None unless each word is capitalised and the last, the English head, is one of ``qualified_heads``.
    """
    words = [w for w in LEADING_THE.sub("", surface).replace("-", " ").split(" ") if w]
    content = [w for w in words if w.casefold() not in fillers]
    if len(content) < 2 or not all(w[:1].isupper() for w in content) or content[-1].casefold() not in heads:
        return None
    return "".join(w[0] for w in reversed(content)).upper()


def acronym_capitals(row: Row, doc_rows: list[Row], spelled: dict[str, list[Row]],
                     fillers: frozenset[str], heads: frozenset[str]) -> Row | None:
    """The one name of the article whose capitals ``row``, an acronym, spells another way (link ``acronym_capitals``).

    Two ways news writes an acronym that the initials of a name's words, in order, do not spell (entity round 67):
    the capitals inside a word count, three letters or more and at least one word giving two ("JPM" of "JP Morgan",
    "GSK" of "GlaxoSmithKline"); and a name translated from a language that puts the adjective after the noun keeps
    its own acronym, the English words' initials reversed, when the English name ends in an institution's head
    of ``qualified_heads`` (entities.toml) that the other language writes first ("BC" of "Central Bank", Banco
    Central; "PF" of "Federal Police", Polícia Federal). The join needs the evidence inside the article: both forms written there, one such
    name only, no other name of the article whose initials spell the acronym in order, and neither a gazetteer
    entry nor a person's form (a name the model read as a person may be the long name only by its capitals).
    """
    surface = row.surface.replace(".", "")
    if (row.gaz is not None or row.person is not None or row.label == "PERSON" or not is_acronym(row.surface)
            or not surface.isalpha() or not surface.isupper() or len(surface) < 2):
        return None
    found: dict[tuple, Row] = {}
    for other in doc_rows:
        if other is row or other.gaz is not None or is_acronym(other.surface) or other.key == row.key:
            continue
        words = LEADING_THE.sub("", other.surface).split(" ")
        in_order = (len(surface) >= 3 and _capitals(other.surface) == surface
                    and any(sum(c.isupper() for c in w) >= 2 for w in words))
        turned = row.label == other.label == "ORG" and _reversed_initials(other.surface, fillers, heads) == surface
        if in_order or turned:
            found[ref(other)] = other
    if len(found) != 1:
        return None
    long_row = next(iter(found.values()))
    # another name of the article whose initials spell the acronym in order is its more likely long form
    if any(ref(r) != ref(long_row) for r in spelled.get(row.key.replace(".", ""), []) if r is not row):
        return None
    return long_row
