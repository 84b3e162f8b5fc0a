"""Reconcile entity mentions of the whole corpus into canonical entities.

``reconcile`` takes the ``mention_candidates`` rows of every article and decides which
real-world actor each mention names. It works from the candidate rows alone (surface,
offsets, label, document), helped but not limited by the gazetteer:

* surface variants share one key: whitespace runs folded ("von der\\nLeyen"),
  possessives stripped ("Starmer's"), case, accents, dashes and the dots of initialisms
  ignored ("U.K." = "UK", "BRUSSELS" = "Brussels", "EU–UK" = "EU-UK"); a company's legal
  form is ignored ("Rheinmetall AG" = "Rheinmetall"), and so are the transliteration
  variants of a person's name endings ("Zelenskiy" = "Zelenskyy" = "Zelensky");
* acronyms defined in a text ("Security Action For Europe (SAFE)") join their long form,
  in that document and, when the corpus defines them only one way, in every document;
  an acronym its article defines nowhere but whose initials spell the one multi-word name
  of that article ("PPP" and "People's Progressive Party") joins that name, headline and
  all, never another article's definition ("People Power Party (PPP)");
  an acronym defined nowhere joins the one multi-word name of its label whose initials
  it spells ("U.S." and "United States"), else the one such name of any label ("CAP"
  and "Common Agricultural Policy"), the initials of every word counting too ("BoJ" and
  "Bank of Japan", "BOE" and "Bank of England"), a name an acronym opens the one long name of its
  article whose first words' initials it writes and whose next words it keeps ("CPP Investments" and "Canada
  Pension Plan Investment Board", ``headed``, link ``acronym_headed``), an acronym the one name of its article
  spells by its capitals ("JPM" of "JP Morgan") or, for an institution, by its initials reversed ("BC" of "Central
  Bank", Banco Central) (``capitals``, link ``acronym_capitals``), an acronym read as a place only a place's name
  ("MD" is never another article's "Ministry of Defence", ``guards``), and a short form of ``abbreviations``
  (entities.toml) joins its long form once the corpus writes that ("Fed", "Federal
  Reserve"); of several, the one it spells with every word,
  function words included ("MFF": "Multiannual Financial Framework", not "Maritime and
  Fisheries Fund"); an acronym takes the label of its long form;
* a bare surname joins the full name it shortens within its document; when two people
  in the document share it, the nearest full name before it wins (people sharing a
  surname are never merged), and across documents only a surname that a single full
  name in the corpus carries is linked, and never to a name the model did not read as a person
  that is an acronym or that some article marks as an organisation by its own cue ("Amazon
  (AMZN)" is no surname of a misread "Beyond Amazon", ``guards``); a bare first name with a PERSON label ("Keir"
  from "Sir Keir") joins the single full name that starts with it; a PERSON's other form, a middle name, a
  hyphenated double surname, initials before the surname or of every word ("Lula", "Arias-Vasquez", "A. Khassenov",
  "MBS"), joins the one full name of its document written before it that it abbreviates (``personforms``, link
  ``person_form``);
* "the <Head>" and a bare "<Head>" of an institutional name ("the Partnership", "the
  Commission", "the Bank") join the nearest full name before them with that head, last
  word or opening an "of" name ("Bank of Japan");
* a one-word GPE that opens a longer GPE of the same document ("Saudi" after
  "Saudi Arabia") joins it, and so does an organisation's short name that opens or ends
  the one longer organisation name written before it ("Samsung Electronics ... Samsung",
  "Saudi Aramco ... Aramco"); written first, it is the parent, the longer a subsidiary, unless the
  longer adds only sector or legal words of ``short_name_tails`` (entities.toml): "Flagstar" in a
  headline is the "Flagstar Bank" of the text, "Nexstar" the "Nexstar Media Group" (link ``name_tail``),
  while "Rheinmetall Electronics" stays apart; a short name two longer names open stays apart; a news title
  stays apart from its media group, "Telegraph" and "The Telegraph Media Group" (``publishers``, link
  ``title_publisher`` on the title: the reason the join was refused);
* a company's short name written after the one longer name of its article that opens with it and was
  written before it joins that name whatever labels the model gave the two ("Voyager" PRODUCT after
  "Voyager Technologies", "Capella" after a "Capella Space" read as a person); when a subsidiary's name opens
  with it too, only a full name ending in a legal form ("Huntington Bancshares Incorporated", not "The
  Huntington National Bank") (``introduced``, link ``introduced_name``);
* a name of two words or more the model read as an organisation joins the one law, event or
  other named thing of its document whose name holds it after the first word ("Big Beautiful
  Bill" of "One Big Beautiful Bill Act"), never the organiser that opens it ("UEFA");
* an institution's name without its country joins the article's one name that writes the same body with it
  (``qualified``, link ``place_qualified``): "Supreme Court" and "Supreme Court of India", "Ministry of Health"
  and "Brazilian Health Ministry", when its head is one of ``qualified_heads`` (entities.toml); the body
  written with two countries leaves the bare name apart;
* a generic institution name ("Health Department", "Supreme Court", "Ministry of Defence": every word one of
  ``generic_institution_heads`` or ``generic_institution_words``, entities.toml) that the corpus writes in articles
  of two countries or more joins only across the articles of one country, the most frequent of their GPE mentions
  (``countries``, link ``country_scoped``), and a name written with that country ("Brazilian Health Ministry", link
  ``country_qualified``); an article with no place keeps its own;
* an event named with its year ("2014 Wales Summit") joins the same name without it
  ("Wales Summit") when the corpus gives that name no other year;
* within one article, a name written with one letter off joins the spelling the article
  writes most ("Dealogik" -> "Dealogic"; six letters at least, same label);
* the label of an entity is the gazetteer's, else the label the cues of the entities stage
  give its mentions (``evidence``: legal and sector suffixes, context, ISO 3166 places,
  titles, first names), else the majority of its mentions
  (mentions linked as a person's surname or first name vote PERSON, acronyms vote the
  label of their long form); ``label_evidence`` records which decided; its name is the
  gazetteer's, else the fullest written form (most words, no title, not "the ...").

A document's own acronym definition, or a nearer full name sharing a surname, beats the
gazetteer's alias. Capitals are never folded into their country: they are different surfaces and the
gazetteer lists them as entities of their own.

The corpus-wide half runs in two levels, so that no step holds every mention: facts per
partition of sources (``linking.partition_facts``), merged once over distinct forms
(``corpus_facts``), targets per partition (``resolve_targets``), tallies per target merged
into one decision each (``groups.decide_entities``), mentions per partition. ``reconcile``
runs the same steps over one partition; a Dask run (``pipeline.run.cluster``) over many.
"""
from __future__ import annotations

import pandas as pd

from pipeline.core.schema import SCHEMAS, empty_frame
from pipeline.stages.reconcile.groups import decide_entities, entity_table, partition_mentions, partition_tallies
from pipeline.stages.reconcile.linking import (
    corpus_facts,
    gazetteer_lookups,
    options,
    partition_facts,
    prepare,
    resolve_targets,
)
from pipeline.stages.reconcile.names import (
    ENTITY_LABELS,
    GazetteerEntry,
    PersonName,
    acronym_matches,
    alias_variants,
    fold_whitespace,
    gazetteer_entries,
    is_acronym,
    parse_person,
    person_key,
    strip_possessive,
    surface_form,
    surface_key,
)

__all__ = ["ENTITY_LABELS", "GazetteerEntry", "PersonName", "acronym_matches", "alias_variants", "fold_whitespace",
           "gazetteer_entries", "is_acronym", "parse_person", "person_key", "reconcile", "reconcile_partitions",
           "strip_possessive", "surface_form", "surface_key"]


def reconcile(candidates: pd.DataFrame, *, lexicon: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group the corpus's mention candidates into entities; return (entities, mentions).

    ``candidates`` has the columns of ``SCHEMAS["mention_candidates"]``; the result has
    exactly the columns of ``SCHEMAS["entities"]`` and ``SCHEMAS["mentions"]``, one
    mention per candidate with an OntoNotes name label (other labels are ignored). The
    same rows in any order give the same tables.
    """
    missing = [c for c in SCHEMAS["mention_candidates"].names if c not in candidates.columns]
    if missing:
        raise ValueError(f"[E213] candidates lack columns {missing}")
    if candidates.empty:
        return empty_frame("entities"), empty_frame("mentions")
    return reconcile_partitions([candidates], lexicon=lexicon)


def reconcile_partitions(parts: list[pd.DataFrame], *, lexicon: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``reconcile`` over candidates split into partitions of whole sources, in the cluster's steps, in one process.

    Every source's rows must lie in one partition; any such split gives ``reconcile``'s tables.
    """
    opts = options(lexicon)
    prepared = [prepare(part, lexicon=lexicon) for part in parts if len(part)]
    if not prepared:
        return empty_frame("entities"), empty_frame("mentions")
    facts = corpus_facts([partition_facts(rows, opts) for _, rows in prepared])
    for _, rows in prepared:
        resolve_targets(rows, facts, opts)
    by_name, _ = gazetteer_lookups(gazetteer_entries(lexicon))
    decisions = decide_entities([partition_tallies(rows) for _, rows in prepared], by_name=by_name,
                                titles=opts["titles"])
    labelled = [partition_mentions(frame, rows, decisions) for frame, rows in prepared]
    mentions = (pd.concat([m for m, _ in labelled], ignore_index=True)
                .sort_values(["source", "start", "end", "mention_id"], kind="mergesort").reset_index(drop=True))
    return entity_table(decisions, [counts for _, counts in labelled]), mentions
