"""The claims lexicon: configs/claims.toml (and the titles and nationalities of gazetteer.toml) checked into ClaimRules."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from pipeline.stages.claims.words import apostrophe, fold, title_words
from pipeline.stages.entities import title_pattern


class ClaimsConfigError(ValueError):
    """The claims lexicon (configs/claims.toml) has an unknown key or a value of the wrong type."""


@dataclass(frozen=True)
class ClaimRules:
    """The claims lexicon, checked and turned into sets (see configs/claims.toml for each key)."""

    speech_verbs: frozenset[str]
    attribution_phrases: tuple[tuple[str, ...], ...]
    clause_deps: frozenset[str]
    coordinate_deps: frozenset[str]
    subject_deps: frozenset[str]
    content_deps: frozenset[str]
    possessor_deps: frozenset[str]
    possessor_preps: frozenset[str]
    described_preps: frozenset[str]
    stance_preps: frozenset[str]
    anaphoric_determiners: frozenset[str]
    object_deps: frozenset[str]
    subordinating_preps: frozenset[str]
    comparison_words: frozenset[str]
    possessor_depth: int
    nearest_depth: int
    pronoun_reach: int
    backreference_reach: int
    topic_reach: int
    person_pronouns: frozenset[str]
    first_person_pronouns: frozenset[str]
    plural_first_person: frozenset[str]
    group_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    person_labels: frozenset[str]
    #: labels a description of one kind stands for the last mention of, when no earlier subject names one
    last_named_labels: frozenset[str]
    group_labels: frozenset[str]
    thing_labels: frozenset[str]
    speaker_labels: frozenset[str]
    speaker_modifier_labels: frozenset[str]
    place_labels: frozenset[str]
    apposed_labels: frozenset[str]
    quote_pairs: tuple[tuple[str, str], ...]
    weak_dates: frozenset[str]
    heading_max_words: int
    long_sentence_words: int
    heading_title_share: float
    finite_tags: frozenset[str]
    participle_tags: frozenset[str]
    final_punctuation: frozenset[str]
    question_marks: frozenset[str]
    target_lemmas: frozenset[str]
    target_nouns: frozenset[str]
    joint_object_labels: frozenset[str]
    fact_claims: bool
    attitude_lemmas: frozenset[str]
    opinion_verbs: frozenset[str]
    hypothetical_modals: frozenset[str]
    fact_kind: str
    fact_topic_reach: int
    copular_lemmas: frozenset[str]
    pro_verbs: frozenset[str]
    reported_modals: frozenset[str]
    side_preps: frozenset[str]
    list_openers: frozenset[str]
    conditional_marks: frozenset[str]
    contractions: Mapping[str, str]
    kind_by_quantity: Mapping[str, str]
    kind_by_date: Mapping[str, str]
    hedge_words: frozenset[str] = frozenset()
    content_verbs: frozenset[str] = frozenset()
    evidence_nouns: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    source_verbs: frozenset[str] = frozenset()
    finding_verbs: frozenset[str] = frozenset()
    single_value_nouns: frozenset[str] = frozenset()
    looking_preps: frozenset[str] = frozenset()
    count_nouns: frozenset[str] = frozenset()
    verdict_verbs: frozenset[str] = frozenset()
    accusation_verbs: frozenset[str] = frozenset()
    accusation_preps: frozenset[str] = frozenset()
    specifying_nouns: frozenset[str] = frozenset()
    content_pronouns: frozenset[str] = frozenset()
    stated_pronouns: frozenset[str] = frozenset()
    restricted_pronouns: frozenset[str] = frozenset()
    content_nouns: frozenset[str] = frozenset()
    owned_nouns: frozenset[str] = frozenset()
    portion_nouns: frozenset[str] = frozenset()
    unit_nouns: frozenset[str] = frozenset()
    stake_nouns: frozenset[str] = frozenset()
    origin_preps: frozenset[str] = frozenset()
    origin_nouns: frozenset[str] = frozenset()
    place_serving_nouns: frozenset[str] = frozenset()
    traded_nouns: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    reported_object_preps: frozenset[str] = frozenset()
    change_nouns: frozenset[str] = frozenset()
    change_preps: frozenset[str] = frozenset()
    observation_verbs: frozenset[str] = frozenset()
    observation_preps: frozenset[str] = frozenset()
    valuation_preps: frozenset[str] = frozenset()
    evaluative_verbs: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    evaluative_nouns: frozenset[str] = frozenset()
    evaluative_adjectives: frozenset[str] = frozenset()
    record_words: frozenset[str] = frozenset()
    ordinal_words: frozenset[str] = frozenset()
    measure_preps: frozenset[str] = frozenset()
    locative_preps: frozenset[str] = frozenset()
    absolute_marks: frozenset[str] = frozenset()
    relative_adverbs: frozenset[str] = frozenset()
    concessive_preps: frozenset[str] = frozenset()
    release_verbs: frozenset[str] = frozenset()
    kind_nouns: frozenset[str] = frozenset()
    rate_preps: frozenset[str] = frozenset()
    period_end_lemmas: frozenset[str] = frozenset()
    period_nouns: frozenset[str] = frozenset()
    parallel_marks: frozenset[str] = frozenset()
    compared_words: frozenset[str] = frozenset()
    indefinite_determiners: frozenset[str] = frozenset()
    scene_marks: frozenset[str] = frozenset()
    witness_verbs: frozenset[str] = frozenset()
    restating_deps: frozenset[str] = frozenset()
    scoping_deps: frozenset[str] = frozenset()
    description_nouns: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # the confidence a claim row loses for each piece of weaker evidence (see configs/claims.toml)
    confidence: Mapping[str, float] = field(default_factory=dict)
    # from gazetteer.toml: the titles that precede a name, as folded word tuples, and a
    # regex for one ending a text; nationality adjective -> the folded names of its country
    titles: frozenset[tuple[str, ...]] = frozenset()
    title_before_name: re.Pattern | None = None
    nationality_countries: Mapping[str, frozenset[str]] = field(default_factory=dict)


_LIST_KEYS = ("speech_verbs", "clause_deps", "coordinate_deps", "subject_deps", "content_deps", "possessor_deps",
              "possessor_preps", "described_preps", "stance_preps", "anaphoric_determiners", "object_deps",
              "subordinating_preps", "comparison_words", "person_pronouns", "first_person_pronouns",
              "plural_first_person", "group_pronouns", "thing_pronouns", "relative_pronouns", "person_labels", "last_named_labels", "group_labels",
              "thing_labels", "speaker_labels", "speaker_modifier_labels", "place_labels", "apposed_labels",
              "weak_dates", "finite_tags", "participle_tags", "final_punctuation", "question_marks", "target_lemmas", "target_nouns",
              "joint_object_labels", "attitude_lemmas", "opinion_verbs", "hypothetical_modals",
              "conditional_marks", "copular_lemmas", "pro_verbs",
              "reported_modals", "side_preps",
              "list_openers", "hedge_words", "owned_nouns", "portion_nouns", "unit_nouns", "stake_nouns", "reporting_verbs",
              "origin_preps", "origin_nouns", "reported_object_preps", "change_nouns", "change_preps", "observation_verbs", "observation_preps",
              "valuation_preps", "place_serving_nouns", "traded_nouns",
              "content_verbs", "evidence_nouns", "source_nouns", "source_verbs", "finding_verbs", "verdict_verbs", "accusation_verbs", "accusation_preps", "specifying_nouns",
              "single_value_nouns", "looking_preps", "count_nouns",
              "content_pronouns", "stated_pronouns", "restricted_pronouns", "content_nouns", "evaluative_verbs",
              "light_verbs", "evaluative_nouns", "evaluative_adjectives", "record_words", "ordinal_words",
              "measure_preps", "locative_preps",
              "absolute_marks", "relative_adverbs", "restating_deps", "scoping_deps", "parallel_marks", "scene_marks", "witness_verbs",
              "period_end_lemmas", "period_nouns", "concessive_preps", "indefinite_determiners", "compared_words",
              "release_verbs", "kind_nouns", "rate_preps")
# word lists compared lower-cased (the others are labels, tags or punctuation, compared as written)
_LOWERED = frozenset({"speech_verbs", "possessor_preps", "described_preps", "stance_preps", "anaphoric_determiners",
                      "subordinating_preps", "comparison_words", "person_pronouns", "first_person_pronouns",
                      "plural_first_person", "group_pronouns", "thing_pronouns", "relative_pronouns", "weak_dates", "target_lemmas",
                      "target_nouns", "attitude_lemmas", "opinion_verbs", "hypothetical_modals",
                      "conditional_marks", "copular_lemmas", "pro_verbs",
                      "reported_modals", "side_preps", "hedge_words", "owned_nouns", "portion_nouns", "unit_nouns",
                      "stake_nouns", "origin_preps", "origin_nouns", "place_serving_nouns", "reporting_verbs", "reported_object_preps", "change_nouns", "change_preps",
                      "traded_nouns", "observation_verbs", "observation_preps",
                      "valuation_preps", "single_value_nouns", "looking_preps", "count_nouns",
                      "content_verbs", "evidence_nouns", "source_nouns", "source_verbs", "finding_verbs", "verdict_verbs", "accusation_verbs", "accusation_preps", "specifying_nouns", "content_pronouns", "stated_pronouns", "restricted_pronouns",
                      "content_nouns", "evaluative_verbs", "light_verbs", "evaluative_nouns",
                      "evaluative_adjectives", "record_words", "ordinal_words", "measure_preps",
                      "locative_preps", "absolute_marks", "relative_adverbs", "parallel_marks", "scene_marks", "witness_verbs",
                      "period_end_lemmas", "period_nouns", "concessive_preps", "indefinite_determiners", "compared_words",
                      "release_verbs", "kind_nouns", "rate_preps"})
_DEFAULTS: dict[str, object] = {
    "attribution_phrases": [["according", "to"]],
    "clause_deps": ["ROOT", "conj", "advcl", "relcl", "ccomp", "parataxis", "csubj", "acl", "xcomp", "pcomp"],
    "coordinate_deps": ["conj", "parataxis"],
    "subject_deps": ["nsubj", "nsubjpass", "csubj", "csubjpass", "expl"],
    "content_deps": ["ccomp", "parataxis"],
    "possessor_deps": ["compound", "poss", "nmod", "appos", "pobj", "npadvmod"],
    "possessor_preps": ["of", "from", "between", "at", "by"],
    "described_preps": ["of", "from", "between", "at", "by", "in"],
    "stance_preps": ["for"],
    "anaphoric_determiners": ["the", "this", "that", "these", "those"],
    "object_deps": ["dobj", "dative", "attr", "oprd"],
    "subordinating_preps": ["since", "after", "before", "until", "till"],
    "comparison_words": ["than"],
    "possessor_depth": 4,
    "nearest_depth": 4,
    "pronoun_reach": 6,
    "backreference_reach": 6,
    "topic_reach": 4,
    "person_pronouns": ["he", "she", "him", "her", "his", "hers", "himself", "herself"],
    "first_person_pronouns": ["i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"],
    "plural_first_person": ["we", "us", "our", "ours", "ourselves"],
    "group_pronouns": ["they", "them", "their", "theirs", "themselves"],
    "thing_pronouns": ["it", "its", "itself"],
    "relative_pronouns": ["who", "whom", "whose", "which", "that"],
    "person_labels": ["PERSON"],
    "last_named_labels": ["PERSON"],
    "group_labels": ["ORG", "GPE", "NORP"],
    "thing_labels": ["ORG", "GPE", "LAW", "EVENT", "PRODUCT", "FAC", "WORK_OF_ART"],
    "speaker_labels": ["PERSON", "ORG", "GPE", "NORP"],
    "speaker_modifier_labels": ["PERSON", "ORG", "GPE"],
    "place_labels": ["GPE", "LOC"],
    "apposed_labels": [],
    "quote_pairs": [["“", "”"], ['"', '"']],
    "weak_dates": [],
    "heading_max_words": 16,
    "long_sentence_words": 40,
    "heading_title_share": 0.6,
    "finite_tags": ["VBD", "VBP", "VBZ", "MD"],
    "participle_tags": [],
    "final_punctuation": [".", "!", "?", "…", ":", ";"],
    "question_marks": ["?"],
    "speech_verbs": [],
    "content_verbs": [],
    "evidence_nouns": [],
    "source_nouns": [],
    "source_verbs": [],
    "finding_verbs": [],
    "single_value_nouns": [],
    "looking_preps": [],
    "count_nouns": [],
    "verdict_verbs": [],
    "accusation_verbs": [],
    "accusation_preps": [],
    "specifying_nouns": [],
    "content_pronouns": [],
    "stated_pronouns": [],
    "restricted_pronouns": [],
    "content_nouns": [],
    "target_lemmas": [],
    "target_nouns": [],
    "joint_object_labels": [],
    "fact_claims": False,
    "attitude_lemmas": [],
    "opinion_verbs": [],
    "hypothetical_modals": [],
    "fact_kind": "event",
    "fact_topic_reach": 1,
    "copular_lemmas": ["be"],
    "pro_verbs": [],
    "reported_modals": [],
    "side_preps": [],
    "list_openers": [":"],
    "conditional_marks": [],
    "contractions": {},
    "kind_by_quantity": {},
    "kind_by_date": {},
    "hedge_words": [],
    "owned_nouns": [],
    "portion_nouns": [],
    "unit_nouns": [],
    "stake_nouns": [],
    "origin_preps": [],
    "origin_nouns": [],
    "place_serving_nouns": [],
    "traded_nouns": [],
    "reporting_verbs": [],
    "reported_object_preps": [],
    "change_nouns": [],
    "change_preps": [],
    "observation_verbs": [],
    "observation_preps": [],
    "valuation_preps": [],
    "evaluative_verbs": [],
    "light_verbs": [],
    "evaluative_nouns": [],
    "evaluative_adjectives": [],
    "record_words": [],
    "ordinal_words": [],
    "measure_preps": [],
    "locative_preps": [],
    "absolute_marks": [],
    "relative_adverbs": [],
    "concessive_preps": [],
    "release_verbs": [],
    "kind_nouns": [],
    "rate_preps": [],
    "period_end_lemmas": [],
    "period_nouns": [],
    "parallel_marks": [],
    "compared_words": [],
    "indefinite_determiners": [],
    "scene_marks": [],
    "witness_verbs": [],
    "restating_deps": [],
    "scoping_deps": [],
    "description_nouns": {},
    "confidence": {},
}


def compile_rules(lexicon: Mapping | None, *, gazetteer: Mapping | None = None) -> ClaimRules:
    """Check the claims lexicon and build the rule sets; missing keys take the defaults above.

    From ``gazetteer`` (configs/gazetteer.toml) come the ``titles`` that precede names
    ("the Secretary General" then points back to the person so titled) and the
    ``nationalities`` ("Romanian authorities" are about Romania).

    Raises ClaimsConfigError ([E601] wrong type, [E602] unknown key) so a typo in
    configs/claims.toml never silently switches a rule off.
    """
    raw = dict(lexicon or {})
    unknown = sorted(set(raw) - set(_DEFAULTS))
    if unknown:
        raise ClaimsConfigError(f"[E602] configs/claims.toml has unknown keys {unknown}; known keys: {sorted(_DEFAULTS)}")
    merged = {**_DEFAULTS, **raw}
    values: dict[str, object] = {}
    for key in _LIST_KEYS:
        items = merged[key]
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise ClaimsConfigError(f"[E601] configs/claims.toml: {key!r} must be a list of strings, not {items!r}")
        values[key] = frozenset(item.lower() if key in _LOWERED else item for item in items)
    phrases = merged["attribution_phrases"]
    if not isinstance(phrases, list) or not all(
            isinstance(p, list) and p and all(isinstance(w, str) for w in p) for p in phrases):
        raise ClaimsConfigError("[E601] configs/claims.toml: 'attribution_phrases' must be a list of word lists, "
                                f"e.g. [[\"according\", \"to\"]], not {phrases!r}")
    pairs = merged["quote_pairs"]
    if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(c, str) and len(c) == 1 for c in p) for p in pairs):
        raise ClaimsConfigError("[E601] configs/claims.toml: 'quote_pairs' must be a list of [opening, closing] "
                                f"single characters, not {pairs!r}")
    gazetteer = gazetteer or {}
    titles = gazetteer.get("titles", ())
    countries = gazetteer.get("nationalities", {})
    if not isinstance(countries, Mapping) or not all(
            isinstance(v, list) and all(isinstance(n, str) for n in v) for v in countries.values()):
        raise ClaimsConfigError("[E604] configs/gazetteer.toml: [nationalities] must map a nationality to a "
                                f"list of country names, not {countries!r}")
    for key in ("kind_by_quantity", "kind_by_date", "contractions"):
        table = merged[key]
        if not isinstance(table, Mapping) or not all(isinstance(v, str) for v in table.values()):
            raise ClaimsConfigError(f"[E601] configs/claims.toml: [{key}] must map kinds to strings, not {table!r}")
    descriptions = merged["description_nouns"]
    if not isinstance(descriptions, Mapping) or not all(
            isinstance(v, list) and all(isinstance(label, str) for label in v) for v in descriptions.values()):
        raise ClaimsConfigError("[E601] configs/claims.toml: [description_nouns] must map a noun to a list of "
                                f"entity labels, not {descriptions!r}")
    weights = merged["confidence"]
    if not isinstance(weights, Mapping) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1 for v in weights.values()):
        raise ClaimsConfigError("[E601] configs/claims.toml: [confidence] must map evidence names to penalties "
                                f"between 0 and 1, not {weights!r}")
    if not isinstance(merged["fact_claims"], bool):
        raise ClaimsConfigError("[E601] configs/claims.toml: 'fact_claims' must be true or false, "
                                f"not {merged['fact_claims']!r}")
    if not isinstance(merged["fact_kind"], str) or not merged["fact_kind"]:
        raise ClaimsConfigError("[E601] configs/claims.toml: 'fact_kind' must be a non-empty string, "
                                f"not {merged['fact_kind']!r}")
    for key, kind in (("possessor_depth", int), ("nearest_depth", int), ("pronoun_reach", int),
                      ("backreference_reach", int), ("topic_reach", int), ("fact_topic_reach", int),
                      ("heading_max_words", int), ("long_sentence_words", int), ("heading_title_share", (int, float))):
        if not isinstance(merged[key], kind) or isinstance(merged[key], bool):
            raise ClaimsConfigError(f"[E601] configs/claims.toml: {key!r} must be a number, not {merged[key]!r}")
    # the entities stage's regex for the titles, here for one that ends a text before a name
    any_title = title_pattern(list(titles))
    return ClaimRules(
        titles=frozenset(title_words(t) for t in titles if t.strip()),
        title_before_name=re.compile(rf"({any_title.pattern})[^\S\n]+$", any_title.flags) if any_title else None,
        attribution_phrases=tuple(tuple(w.lower() for w in p) for p in phrases),
        quote_pairs=tuple((p[0], p[1]) for p in pairs),
        possessor_depth=int(merged["possessor_depth"]),
        nearest_depth=int(merged["nearest_depth"]),
        pronoun_reach=int(merged["pronoun_reach"]),
        backreference_reach=int(merged["backreference_reach"]),
        topic_reach=int(merged["topic_reach"]),
        fact_topic_reach=int(merged["fact_topic_reach"]),
        heading_max_words=int(merged["heading_max_words"]),
        long_sentence_words=int(merged["long_sentence_words"]),
        heading_title_share=float(merged["heading_title_share"]),
        kind_by_quantity=dict(merged["kind_by_quantity"]),
        kind_by_date=dict(merged["kind_by_date"]),
        confidence={key: float(value) for key, value in weights.items()},
        description_nouns={noun.lower(): frozenset(labels) for noun, labels in descriptions.items()},
        fact_claims=merged["fact_claims"],
        fact_kind=merged["fact_kind"],
        nationality_countries={fold(k): frozenset(fold(n) for n in v) for k, v in countries.items()},
        contractions={apostrophe(k).lower(): v.lower() for k, v in merged["contractions"].items()},
        **values,
    )
