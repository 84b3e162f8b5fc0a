"""Corpus-wide resolution: claim drafts' article-local mention IDs become the reconciled entities' IDs and names."""
from __future__ import annotations

import pandas as pd

from pipeline.stages.claims.confidence import claim_confidence, unresolved_confidence
from pipeline.stages.claims.row_signals import row_signals
from pipeline.stages.claims.rules import ClaimRules, compile_rules

_CLAIM_COLUMNS = ["claim_id", "doc_id", "source", "start", "end", "text", "sentence_id", "subject_entity_id",
                  "subject", "predicate", "quantity_ids", "date_ids", "entity_ids", "speaker_entity_id", "speaker",
                  "kind", "subject_mention_id", "subject_rule", "speaker_mention_id", "confidence",
                  "confidence_evidence"]


def _present(value) -> bool:
    return value is not None and not (isinstance(value, float) and value != value)


def resolve_claims(drafts: pd.DataFrame, mentions: pd.DataFrame, entities: pd.DataFrame, *,
                   rules: ClaimRules | None = None) -> pd.DataFrame:
    """Turn claim drafts into ``claims`` rows: mention IDs become corpus entity IDs and names.

    A mention that reconciliation dropped leaves its slot empty (the subject keeps
    its surface text), so every ID in the result exists in ``entities``. A claim that
    states no value exists only for its named subject (``fact_claim``): when
    reconciliation dropped that subject's mention, the draft is no claim and is left out; one whose only figures
    went to a relative clause's own row (evidence ``relative_values``, claims round 48) is a claim whatever its
    subject names, and is kept.
    A claim with a value whose subject mention was dropped keeps the subject's words and
    loses the ``unresolved`` share of its confidence (``rules``: the claims lexicon).

    ``subject_mention_id`` and ``speaker_mention_id`` stay on the row: the mention a
    pronoun or description was resolved to, for the review page and for explaining it.
    """
    rules = rules or compile_rules({})
    known = set(entities["entity_id"]) if len(entities) else set()
    entity_of = {m: e for m, e in zip(mentions["mention_id"], mentions["entity_id"]) if e in known}
    name_of = dict(zip(entities["entity_id"], entities["name"]))
    rows = []
    for draft in drafts.to_dict("records"):
        subject_entity = entity_of.get(draft["subject_mention_id"]) if _present(draft["subject_mention_id"]) else None
        speaker_entity = entity_of.get(draft["speaker_mention_id"]) if _present(draft["speaker_mention_id"]) else None
        entity_ids: list[str] = []
        for mention_id in draft["mention_ids"]:
            entity_id = entity_of.get(mention_id)
            if entity_id and entity_id not in entity_ids:
                entity_ids.append(entity_id)
        if subject_entity is None and not len(draft["quantity_ids"]) and not len(draft["date_ids"]) \
                and "relative_values" not in str(draft.get("confidence_evidence") or "").split():
            continue
        subject = name_of[subject_entity] if subject_entity else draft["subject"]
        confidence = draft.get("confidence", 1.0)
        evidence = draft.get("confidence_evidence") if _present(draft.get("confidence_evidence")) else None
        if subject_entity is None and _present(draft["subject_mention_id"]):
            confidence = unresolved_confidence(rules, confidence)
            evidence = f"{evidence} unresolved" if evidence else "unresolved"
        signals = row_signals(kind=draft["kind"], entity_ids=entity_ids)
        if signals and evidence:  # the row's own shape (row_signals): priced as the rest of its evidence
            evidence = " ".join([*evidence.split(), *signals])
            confidence = claim_confidence(rules, evidence.split())
        speaker = name_of[speaker_entity] if speaker_entity else draft["speaker"]
        rows.append({
            "claim_id": draft["claim_id"], "doc_id": draft["doc_id"], "source": draft["source"],
            "start": draft["start"], "end": draft["end"], "text": draft["text"], "sentence_id": draft["sentence_id"],
            "subject_entity_id": subject_entity,
            "subject": subject if _present(subject) else None,
            "predicate": draft["predicate"] if _present(draft["predicate"]) else None,
            "quantity_ids": list(draft["quantity_ids"]), "date_ids": list(draft["date_ids"]),
            "entity_ids": entity_ids,
            "speaker_entity_id": speaker_entity,
            "speaker": speaker if _present(speaker) else None,
            "kind": draft["kind"],
            "subject_mention_id": draft["subject_mention_id"] if subject_entity else None,
            "subject_rule": draft.get("subject_rule") if _present(draft.get("subject_rule")) else None,
            "speaker_mention_id": draft["speaker_mention_id"] if speaker_entity else None,
            "confidence": float(confidence),
            "confidence_evidence": evidence,
        })
    return pd.DataFrame.from_records(rows, columns=_CLAIM_COLUMNS)
