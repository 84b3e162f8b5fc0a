"""A definite description whose kind the sentence right before names once, outside its subject (claims round 79)."""
from __future__ import annotations

from pipeline.stages.claims.antecedent_checks import description_labels, introduced_as, is_setting, kind_reference
from pipeline.stages.claims.reporters import pass_over, source_mention


def previous_name(token, coreference) -> dict | None:
    """The one entity of the description ``token``'s kind the sentence right before names outside its subject.

    "The index's best performance came from Nike. The sneaker and apparel giant got a tech-boost" (dev3 320_) and
    "Meanwhile, it did not help that Tesla went into reverse. The electric vehicle maker gave up initial gains" (dev3
    319_): news takes up the actor it has just named, wherever the sentence before put it (an object, an extraposed
    "that" clause). ``description_reference`` looks for the kind in the subjects of the sentences before, so it found
    none in the first (the phrase was kept) and, in the second, a subject four sentences back ("A report from global
    outplacement firm Challenger, Gray & Christmas said ..."; there the entities stage reads Tesla as a nationality, so
    that row is left as it was). When neither the description's own sentence (before it)
    nor the sentence right before names the kind in its subject, and the sentence right before names exactly one entity
    of the kind (out of quotations, not as a setting: "produced in Poland"), that entity is the one meant; the own
    sentence naming one of the kind before the description leaves it ambiguous, and the other rules decide.
    ``subject_rule`` ``description_previous``.
    """
    described = description_labels(token, coreference)
    if described is None:
        return None
    head, labels = described
    index = coreference.index
    if introduced_as(head, labels, coreference) is not None \
            or kind_reference(head, labels, coreference, reach=1) is not None:
        return None  # its introducing words or a subject of its kind: description_reference's
    position = index.sentence_of[head.i]
    own, before = index.sentences[position], index.sentences[position - 1] if position else None
    if before is None or index.in_boilerplate(before.start_char) or before.end_char <= coreference.body:
        return None
    named: dict[str, dict] = {}
    sources: dict[str, dict] = {}  # "..., The Times reported": no antecedent (round 83, ``reporters``)
    for start, end, row in index.mentions:
        if row["label"] not in labels or index.quote_at(start) is not None \
                or is_setting(start, end, row, index, coreference.rules):
            continue
        if own.start_char <= start < head.idx:
            return None  # its own sentence named one first: ambiguous
        if before.start_char <= start and end <= before.end_char:
            kept = sources if source_mention(start, end, index, coreference.rules) else named
            kept[row.get("entity_id") or row["text"]] = row
    found = next(iter(named.values())) if len(named) == 1 else None
    if sources and (len(named) == 1 or len({*named, *sources}) == 1):  # the reporter decided, or would have
        pass_over(coreference, token, next(iter(sources.values())))
    return found
