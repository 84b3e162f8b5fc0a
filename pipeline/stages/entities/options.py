"""The extractor's options: the word lists and patterns of entities.toml and the gazetteer, compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.stages.entities.patterns import title_pattern
from pipeline.stages.reconcile import ENTITY_LABELS, GazetteerEntry, alias_variants


@dataclass(frozen=True)
class Options:
    """What the rules read from the lexicon: word sets, tuples for regex alternations, compiled patterns."""

    labels: frozenset
    titles: re.Pattern | None
    prefix_modifiers: re.Pattern | None
    law_heads: frozenset
    honorifics: tuple
    particles: frozenset
    anaphor_heads: frozenset
    anaphor_determiners: tuple
    anaphor_modifiers: tuple
    event_heads: tuple
    conflict_heads: tuple
    person_org_heads: tuple
    person_nouns: frozenset
    person_verbs: frozenset
    person_speech_after: tuple
    person_pronouns: tuple
    org_words: frozenset
    generic_words: frozenset
    lone_heads: frozenset
    of_name_heads: frozenset
    reference_words: frozenset
    function_words: frozenset
    acronym_fillers: frozenset
    name_possessives: frozenset
    date_words: frozenset
    unit_words: frozenset
    designator: re.Pattern | None
    demonyms: frozenset
    equipment_heads: frozenset
    equipment_nouns: tuple
    equipment_modifiers: tuple
    org_suffixes: frozenset
    company_name_tails: tuple
    org_context_before: tuple
    org_context_after: tuple
    org_context_after_found: tuple
    ticker_exchanges: tuple
    bracket_name_stops: frozenset
    person_context_after: tuple
    legal_forms: tuple
    byline_tails: tuple
    holiday_nouns: frozenset
    securities_words: frozenset
    securities_tenor_before: str
    securities_nouns: tuple
    product_context_before: tuple
    product_context_after: tuple
    work_context_before: tuple
    compass_words: frozenset
    region_openers: frozenset
    place_words_before: tuple
    place_nouns_after: tuple
    jargon: frozenset
    jargon_patterns: tuple
    non_name_openers: frozenset
    descriptor_openers: frozenset
    market_prefixes: tuple
    alliance_heads: tuple
    event_heads_cue: frozenset
    event_patterns: tuple
    stock_indices: tuple
    event_context_before: tuple
    event_context_after: tuple
    stock_index_prefixes: tuple
    stock_index_after: tuple
    facility_heads: frozenset
    facility_context_after: tuple
    club_suffixes: frozenset
    club_context_before: tuple
    club_context_after: tuple
    club_city_blockers: frozenset
    club_score_before: tuple
    club_score_after: tuple
    club_transfer_before: tuple
    club_transfer_after: tuple
    club_move_before: tuple
    craft_nouns: tuple
    craft_heads: frozenset
    drug_stems: tuple
    drug_nouns: tuple
    club_sport_words: tuple
    sport_words: tuple
    institution_buildings: frozenset
    institution_context_before: tuple
    institution_context_after: tuple
    venue_context_before: tuple
    venue_context_after: tuple
    glued_figure: re.Pattern | None
    currency_nouns: tuple
    person_compound_suffixes: frozenset
    name_pair_heads: frozenset
    vessel_prefixes: frozenset
    court_name_ends: frozenset

    @classmethod
    def from_lexicon(cls, lexicon: dict) -> Options:
        cfg = (lexicon or {}).get("entities") or {}
        titles = ((lexicon or {}).get("gazetteer") or {}).get("titles", [])
        return cls(
            labels=frozenset(cfg.get("labels", ENTITY_LABELS)),
            titles=title_pattern(titles),
            prefix_modifiers=title_pattern(cfg.get("prefix_modifiers", [])),
            law_heads=frozenset(cfg.get("law_heads", [])),
            honorifics=tuple(cfg.get("honorifics", [])),
            particles=frozenset(w.casefold() for w in cfg.get("name_particles", [])),
            anaphor_heads=frozenset(cfg.get("anaphor_heads", [])),
            anaphor_determiners=tuple(cfg.get("anaphor_determiners", [])),
            anaphor_modifiers=tuple(cfg.get("anaphor_modifiers", [])),
            event_heads=tuple(cfg.get("event_heads", [])),
            conflict_heads=tuple(cfg.get("conflict_heads", [])),
            person_org_heads=tuple(cfg.get("person_org_heads", [])),
            person_nouns=frozenset(w.casefold() for w in cfg.get("person_nouns", [])),
            person_verbs=frozenset(cfg.get("person_verbs", [])),
            person_speech_after=tuple(cfg.get("person_speech_after", [])),
            person_pronouns=tuple(cfg.get("person_pronouns", [])),
            org_words=frozenset(cfg.get("org_words", [])),
            generic_words=frozenset(cfg.get("generic_words", [])),
            lone_heads=frozenset(cfg.get("lone_heads", [])),
            of_name_heads=frozenset(cfg.get("of_name_heads", [])),
            reference_words=frozenset(cfg.get("reference_words", [])),
            function_words=frozenset(cfg.get("name_function_words", [])),
            acronym_fillers=frozenset(w.casefold() for w in cfg.get("acronym_fillers", [])),
            name_possessives=frozenset(w.casefold() for w in cfg.get("name_possessives", [])),
            date_words=frozenset(cfg.get("date_words", [])),
            unit_words=frozenset(cfg.get("unit_words", [])),
            designator=re.compile(cfg["designator_pattern"]) if cfg.get("designator_pattern") else None,
            # the gazetteer's nationality adjectives, as written ("Dutch", "South Korean")
            demonyms=frozenset(" ".join(w.capitalize() for w in key.split())
                               for key in ((lexicon or {}).get("gazetteer") or {}).get("nationalities", {})),
            equipment_heads=frozenset(cfg.get("equipment_heads", [])),
            equipment_nouns=tuple(cfg.get("equipment_nouns", [])),
            equipment_modifiers=tuple(cfg.get("equipment_modifiers", [])),
            org_suffixes=frozenset(cfg.get("org_suffixes", []) + cfg.get("legal_forms", [])),
            company_name_tails=tuple(cfg.get("company_name_tails", []) + cfg.get("legal_forms", [])),
            org_context_before=tuple(cfg.get("org_context_before", [])),
            org_context_after=tuple(cfg.get("org_context_after", [])),
            org_context_after_found=tuple(cfg.get("org_context_after_found", [])),
            ticker_exchanges=tuple(cfg.get("ticker_exchanges", [])),
            bracket_name_stops=frozenset(cfg.get("bracket_name_stops", []) + cfg.get("ticker_exchanges", [])),
            person_context_after=tuple(cfg.get("person_context_after", [])),
            legal_forms=tuple(cfg.get("legal_forms", [])),
            byline_tails=tuple(cfg.get("byline_tails", [])),
            holiday_nouns=frozenset(cfg.get("holiday_nouns", [])),
            securities_words=frozenset(cfg.get("securities_words", [])),
            securities_tenor_before=cfg.get("securities_tenor_before", ""),
            securities_nouns=tuple(cfg.get("securities_nouns", [])),
            product_context_before=tuple(cfg.get("product_context_before", [])),
            product_context_after=tuple(cfg.get("product_context_after", [])),
            work_context_before=tuple(cfg.get("work_context_before", [])),
            compass_words=frozenset(cfg.get("compass_words", [])),
            region_openers=frozenset(cfg.get("region_openers", [])),
            place_words_before=tuple(cfg.get("place_words_before", [])),
            place_nouns_after=tuple(cfg.get("place_nouns_after", [])),
            jargon=frozenset(cfg.get("jargon", [])),
            jargon_patterns=tuple(cfg.get("jargon_patterns", [])),
            non_name_openers=frozenset(cfg.get("non_name_openers", [])),
            descriptor_openers=frozenset(cfg.get("descriptor_openers", [])),
            market_prefixes=tuple(cfg.get("market_prefixes", [])),
            alliance_heads=tuple(cfg.get("alliance_heads", [])),
            event_heads_cue=frozenset(cfg.get("event_heads_cue", [])),
            event_patterns=tuple(cfg.get("event_patterns", [])),
            stock_indices=tuple(cfg.get("stock_indices", [])),
            event_context_before=tuple(cfg.get("event_context_before", [])),
            event_context_after=tuple(cfg.get("event_context_after", [])),
            stock_index_prefixes=tuple(cfg.get("stock_index_prefixes", [])),
            stock_index_after=tuple(cfg.get("stock_index_after", [])),
            facility_heads=frozenset(cfg.get("facility_heads", [])),
            facility_context_after=tuple(cfg.get("facility_context_after", [])),
            club_suffixes=frozenset(cfg.get("club_suffixes", [])),
            club_context_before=tuple(cfg.get("club_context_before", [])),
            club_context_after=tuple(cfg.get("club_context_after", [])),
            club_city_blockers=frozenset(cfg.get("club_city_blockers", [])),
            club_score_before=tuple(cfg.get("club_score_before", [])),
            club_score_after=tuple(cfg.get("club_score_after", [])),
            club_transfer_before=tuple(cfg.get("club_transfer_before", [])),
            club_transfer_after=tuple(cfg.get("club_transfer_after", [])),
            club_move_before=tuple(cfg.get("club_move_before", [])),
            craft_nouns=tuple(cfg.get("craft_nouns", [])),
            craft_heads=frozenset(cfg.get("craft_heads", [])),
            drug_stems=tuple(cfg.get("drug_stems", [])),
            drug_nouns=tuple(cfg.get("drug_nouns", [])),
            club_sport_words=tuple(cfg.get("club_sport_words", [])),
            sport_words=tuple(cfg.get("sport_words", [])),
            institution_buildings=frozenset(cfg.get("institution_buildings", [])),
            institution_context_before=tuple(cfg.get("institution_context_before", [])),
            institution_context_after=tuple(cfg.get("institution_context_after", [])),
            venue_context_before=tuple(cfg.get("venue_context_before", [])),
            venue_context_after=tuple(cfg.get("venue_context_after", [])),
            glued_figure=re.compile(cfg["glued_figure_pattern"]) if cfg.get("glued_figure_pattern") else None,
            currency_nouns=tuple(cfg.get("currency_nouns", [])),
            person_compound_suffixes=frozenset(cfg.get("person_compound_suffixes", [])),
            name_pair_heads=frozenset(cfg.get("name_pair_heads", [])),
            vessel_prefixes=frozenset(cfg.get("vessel_prefixes", [])),
            court_name_ends=frozenset(e.casefold() for e in cfg.get("court_name_ends", [])),
        )


def surface_index(entries) -> dict[str, GazetteerEntry]:
    """Every alias variant of the gazetteer ``entries``, mapped to the first entry that has it."""
    by_surface: dict[str, GazetteerEntry] = {}
    for entry in entries:
        for alias in entry.aliases:
            for form in alias_variants(alias):
                by_surface.setdefault(form, entry)
    return by_surface
