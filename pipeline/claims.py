"""Claims: one row per checkable statement, with its values, actors and speaker.

A claim is a sentence (or one clause of it) that states at least one quantity or
date found by the earlier stages. Per article, ``ClaimExtractor`` reads the spaCy
parse to find clauses, the subject and main verb of each, and who is credited as
saying it; it links rows by mention ID. ``resolve_claims`` later maps mentions to
the corpus-wide entities built by reconciliation.
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .article import Article
from .ids import span_id

_CLAUSE_DEPS = {"conj", "ccomp", "advcl", "parataxis"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
_PERSONAL_PRONOUNS = {"he", "she", "him", "her"}


class ClaimExtractor:
    """Build claim drafts for one article from its Doc and its date, quantity and mention rows."""

    def __init__(self, lexicon: dict | None = None) -> None:
        lexicon = lexicon or {}
        self.speech_verbs = frozenset(lexicon.get("speech_verbs", []))
        self.according_to = tuple(lexicon.get("according_to", ["according to"]))
        self.kind_by_quantity = dict(lexicon.get("kind_by_quantity", {}))
        self.target_lemmas = frozenset(lexicon.get("target_lemmas", []))

    def __call__(self, doc, article: Article, *, dates: Sequence[dict], quantities: Sequence[dict],
                 mentions: Sequence[dict]) -> list[dict]:
        return extract_claims(
            doc, article, dates=dates, quantities=quantities, mentions=mentions,
            speech_verbs=self.speech_verbs, kind_by_quantity=self.kind_by_quantity,
            target_lemmas=self.target_lemmas,
        )


def _in(row: dict, start: int, end: int) -> bool:
    return start <= row["start"] and row["end"] <= end


def _mention_at(mentions: Sequence[dict], start: int, end: int) -> dict | None:
    """The first mention overlapping [start, end) (absolute offsets)."""
    for row in mentions:
        if row["start"] < end and start < row["end"]:
            return row
    return None


def _clauses(sent) -> list[tuple[int, int, object]]:
    """Split a parsed sentence into clauses: (token start, token end, head verb) triples.

    A coordinated or paratactic verb with its own subject starts a new clause, so
    "X rose 5% and Y fell 3%" yields two. Otherwise the sentence is one clause.
    """
    root = sent.root
    heads = [root]
    for token in sent:
        if token.dep_ in {"conj", "parataxis"} and token.pos_ in {"VERB", "AUX"} and token.head == root \
                and any(child.dep_ in _SUBJECT_DEPS for child in token.children):
            heads.append(token)
    if len(heads) == 1:
        return [(sent.start, sent.end, root)]
    heads.sort(key=lambda t: t.i)
    bounds = []
    for index, head in enumerate(heads):
        left = min(t.i for t in head.subtree) if head is not root else sent.start
        bounds.append(max(left, sent.start))
    bounds[0] = sent.start
    clauses = []
    for index, head in enumerate(heads):
        start = bounds[index]
        end = bounds[index + 1] if index + 1 < len(heads) else sent.end
        # a coordinating conjunction or punctuation right before the next clause stays with this one
        clauses.append((start, end, head))
    return clauses


def _speaker(sent, article: Article, mentions: Sequence[dict], last_person: dict | None,
             speech_verbs: frozenset[str]) -> dict | None:
    """The mention credited with saying ``sent``: "X said", "according to X", pronoun -> last person."""
    for token in sent:
        if token.lemma_.lower() in speech_verbs and token.pos_ in {"VERB", "AUX"}:
            for child in token.children:
                if child.dep_ in {"nsubj", "nsubjpass"}:
                    if child.lower_ in _PERSONAL_PRONOUNS:
                        return last_person
                    span = child.subtree
                    tokens = list(span)
                    start = article.start + tokens[0].idx
                    end = article.start + tokens[-1].idx + len(tokens[-1])
                    hit = _mention_at(mentions, start, end)
                    if hit is not None and hit["label"] in {"PERSON", "ORG", "GPE", "NORP"}:
                        return hit
        if token.lower_ == "according" and token.i + 1 < sent.end and sent.doc[token.i + 1].lower_ == "to":
            rest = sent.doc[token.i + 2: sent.end]
            if len(rest):
                hit = _mention_at(mentions, article.start + rest[0].idx, article.start + rest[-1].idx + len(rest[-1]))
                if hit is not None:
                    return hit
    return None


def _subject(head, article: Article, mentions: Sequence[dict], clause_start: int, clause_end: int) -> tuple[dict | None, str | None]:
    """The subject mention of a clause head (its nsubj subtree), else the clause's first actor."""
    doc = head.doc
    for child in head.children:
        if child.dep_ in _SUBJECT_DEPS:
            tokens = list(child.subtree)
            start = article.start + tokens[0].idx
            end = article.start + tokens[-1].idx + len(tokens[-1])
            hit = _mention_at(mentions, start, end)
            if hit is not None:
                return hit, hit["text"]
            if child.pos_ != "PRON":
                return None, article.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]
    start = article.start + doc[clause_start].idx
    end = article.start + doc[clause_end - 1].idx + len(doc[clause_end - 1])
    hit = _mention_at(mentions, start, end)
    return (hit, hit["text"]) if hit else (None, None)


def _kind(quantities: Sequence[dict], dates: Sequence[dict], predicate: str | None,
          kind_by_quantity: dict, target_lemmas: frozenset[str]) -> str:
    if predicate and predicate in target_lemmas and quantities:
        return "target"
    if quantities:
        return kind_by_quantity.get(quantities[0]["kind"], quantities[0]["kind"])
    if any(row["tclass"] == "duration" for row in dates):
        return "duration"
    return "event_date"


def extract_claims(doc, article: Article, *, dates: Sequence[dict], quantities: Sequence[dict],
                   mentions: Sequence[dict], speech_verbs: frozenset[str] = frozenset(),
                   kind_by_quantity: dict | None = None, target_lemmas: frozenset[str] = frozenset()) -> list[dict]:
    """Claim drafts (``claim_drafts`` rows) for one article, in text order."""
    kind_by_quantity = kind_by_quantity or {}
    rows: list[dict] = []
    last_person: dict | None = None
    for sent in doc.sents:
        sent_start = article.start + sent.start_char
        sent_end = article.start + sent.end_char
        sent_mentions = [m for m in mentions if _in(m, sent_start, sent_end)]
        speaker = _speaker(sent, article, sent_mentions, last_person, speech_verbs)
        for mention in sent_mentions:
            if mention["label"] == "PERSON":
                last_person = mention
        if article.is_boilerplate(sent.start_char):
            continue
        sent_dates = [d for d in dates if _in(d, sent_start, sent_end)]
        sent_quantities = [q for q in quantities if _in(q, sent_start, sent_end)]
        if not sent_dates and not sent_quantities:
            continue
        for token_start, token_end, head in _clauses(sent):
            span = doc[token_start:token_end]
            text = span.text
            local_start = span.start_char + (len(text) - len(text.lstrip()))
            local_end = span.end_char - (len(text) - len(text.rstrip()))
            start, end = article.start + local_start, article.start + local_end
            clause_dates = [d for d in sent_dates if _in(d, start, end)]
            clause_quantities = [q for q in sent_quantities if _in(q, start, end)]
            if not clause_dates and not clause_quantities:
                continue
            subject_mention, subject = _subject(head, article, mentions, token_start, token_end)
            predicate = head.lemma_.lower() if head.pos_ in {"VERB", "AUX"} else None
            clause_mentions = [m for m in sent_mentions if _in(m, start, end)]
            row = article.span_columns(local_start, local_end)
            row.update(
                claim_id=span_id("c_", article.source, start, end),
                subject_mention_id=subject_mention["mention_id"] if subject_mention else None,
                subject=subject,
                predicate=predicate,
                quantity_ids=[q["quantity_id"] for q in clause_quantities],
                date_ids=[d["date_id"] for d in clause_dates],
                mention_ids=[m["mention_id"] for m in clause_mentions],
                speaker_mention_id=speaker["mention_id"] if speaker else None,
                speaker=speaker["text"] if speaker else None,
                kind=_kind(clause_quantities, clause_dates, predicate, kind_by_quantity, target_lemmas),
            )
            rows.append(row)
    return rows


def resolve_claims(drafts: pd.DataFrame, mentions: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """Turn claim drafts into ``claims`` rows: mention IDs become corpus entity IDs and names."""
    entity_of = dict(zip(mentions["mention_id"], mentions["entity_id"]))
    name_of = dict(zip(entities["entity_id"], entities["name"]))
    rows = []
    for draft in drafts.to_dict("records"):
        subject_entity = entity_of.get(draft["subject_mention_id"]) if draft["subject_mention_id"] else None
        speaker_entity = entity_of.get(draft["speaker_mention_id"]) if draft["speaker_mention_id"] else None
        entity_ids: list[str] = []
        for mention_id in draft["mention_ids"]:
            entity_id = entity_of.get(mention_id)
            if entity_id and entity_id not in entity_ids:
                entity_ids.append(entity_id)
        rows.append({
            "claim_id": draft["claim_id"], "doc_id": draft["doc_id"], "source": draft["source"],
            "start": draft["start"], "end": draft["end"], "text": draft["text"], "sentence_id": draft["sentence_id"],
            "subject_entity_id": subject_entity,
            "subject": name_of.get(subject_entity, draft["subject"]) if subject_entity else draft["subject"],
            "predicate": draft["predicate"],
            "quantity_ids": list(draft["quantity_ids"]), "date_ids": list(draft["date_ids"]),
            "entity_ids": entity_ids,
            "speaker_entity_id": speaker_entity,
            "speaker": name_of.get(speaker_entity, draft["speaker"]) if speaker_entity else draft["speaker"],
            "kind": draft["kind"],
        })
    return pd.DataFrame.from_records(rows, columns=[
        "claim_id", "doc_id", "source", "start", "end", "text", "sentence_id", "subject_entity_id", "subject",
        "predicate", "quantity_ids", "date_ids", "entity_ids", "speaker_entity_id", "speaker", "kind"])
