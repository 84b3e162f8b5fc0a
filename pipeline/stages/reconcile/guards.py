"""What another article may decide about this one's names: guards on the corpus-wide links (entity round 37).

An analyst expects an article's rows not to change because an unrelated article joined the
run. Two corpus-wide links let one article's text rename, and relabel, another's name of a
different real entity:

* a one-word name the model read as an organisation, place, nationality or title joins the one
  person of the corpus with that surname (link ``surname_corpus``). When some article of the
  corpus marks that word as an organisation by its own cue (a ticker, a company's context,
  a legal suffix: ``ORG_CUES``), the word is a company's name, not a surname: "Amazon"
  (NASDAQ:AMZN) stays the company although another article's "Beyond Amazon" was read as a
  person; and an acronym the model did not read as a person is no surname either ("SALT", the
  tax deduction, is not another article's cricketer "Phil Salt"; "CDC" is not the surname of a
  misread "Africa CDC"); the link is kept for a name the model read as a person ("James" and
  "Letitia James");
* an acronym defined nowhere joins the one multi-word name of the corpus its initials spell,
  of its own label, else of any label (link ``initials``: "CAP" and "Common Agricultural
  Policy"). An acronym the model read as a place ("MD", "N.C.", GPE) joins only a place of
  another label: never another article's "Ministry of Defence" or "Nasdaq Composite".
"""
from __future__ import annotations

from collections.abc import Iterable

from pipeline.stages.reconcile.names import is_acronym
from pipeline.stages.reconcile.rows import Row

#: ``evidence`` values the entities stage records for an organisation read from its own text
ORG_CUES = frozenset({"org_suffix", "org_context", "ticker", "org_reference", "org_name_repeat", "outlet",
                      "no_person"})
#: labels of places: a place acronym joins only a place's name
PLACE_LABELS = frozenset({"GPE", "LOC"})


def org_words(rows: Iterable[Row]) -> set[str]:
    """Keys of the one-word names that the text around them marks as an organisation (facts of one partition)."""
    return {row.key for row in rows
            if " " not in row.key and row.label == "ORG" and row.record.get("evidence") in ORG_CUES}


def may_take_surname(row: Row, org_keys: frozenset[str] | set[str]) -> bool:
    """Whether ``row`` (a one-word name, no person of its own) may join another article's person by surname."""
    if row.label == "PERSON":
        return True
    return not is_acronym(row.surface) and row.key not in org_keys


def initials_named(label: str, named: list[tuple]) -> list[tuple]:
    """The corpus's names, (target, label, key), an acronym of ``label`` defined nowhere may join by initials."""
    same = [n for n in named if n[1] == label]
    if same:
        return same
    if label in PLACE_LABELS:
        return [n for n in named if n[1] in PLACE_LABELS]
    return named
