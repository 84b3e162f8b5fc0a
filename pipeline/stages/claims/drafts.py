"""Drafts: one ``claim_drafts`` row from a claim's head, values, frame and subject."""
from __future__ import annotations

from collections.abc import Sequence

from pipeline.core.ids import span_id
from pipeline.stages.claims.attribution import Frame, frame_for
from pipeline.stages.claims.clauses import clause_range
from pipeline.stages.claims.confidence import claim_confidence, hedge_of
from pipeline.stages.claims.context import ArticleContext
from pipeline.stages.claims.grammar import VERBAL, verb_lemma
from pipeline.stages.claims.subjects import claim_subject
from pipeline.stages.claims.values import carried_mentions, claim_kind
from pipeline.stages.claims.words import mention_text


def claim_row(ctx: ArticleContext, sent, head, heads: Sequence, group: list[tuple[dict, object]],
              frames: Sequence[Frame], quote_speaker: dict | None, topic: dict | None,
              subject: tuple | None = None) -> dict:
    """One ``claim_drafts`` row for the values of one claim head (``subject``: already resolved).

    One claim in the sentence spans the sentence; one of several, its clause. The
    speaker is the innermost attribution's, else the quotation's.
    """
    doc, article, rules = ctx.doc, ctx.article, ctx.rules
    if len(heads) == 1:
        low, high = sent.start, sent.end
    else:
        value_tokens = []
        for row, _ in group:
            span = doc.char_span(row["start"] - article.start, row["end"] - article.start, alignment_mode="expand")
            value_tokens.append((span.start, span.end))
        low, high = clause_range(head, sent, heads, value_tokens)
    local_start = doc[low].idx
    local_end = doc[high - 1].idx + len(doc[high - 1])
    text = article.text[local_start:local_end]
    local_start += len(text) - len(text.lstrip())
    local_end -= len(text) - len(text.rstrip())
    frame = frame_for(head, frames)
    speaker = frame.speaker if frame is not None else None
    quoted = any(ctx.index.quote_at(token.idx) is not None for token in [head, *(t for _, t in group)])
    if not quoted:
        quote_speaker = None
    elif frame is None:
        speaker = quote_speaker
    subject, subject_text, verb, subject_rule = subject or claim_subject(head, group, ctx, quote_speaker or speaker,
                                                                         frames, topic)
    predicate = verb_lemma(verb, rules) if verb.pos_ in VERBAL else None
    confidence = claim_confidence(
        rules, subject_rule=subject_rule, has_values=bool(group), hedge=hedge_of(verb, rules) or hedge_of(head, rules),
        clause_cut=len(heads) > 1, unattributed_quote=quoted and speaker is None)
    start, end = article.start + local_start, article.start + local_end
    draft = {"claim_id": span_id("c_", article.source, start, end, head.i)}
    draft.update(article.span_columns(local_start, local_end))
    draft.update(
        subject_mention_id=subject["mention_id"] if subject else None,
        subject=subject_text,
        predicate=predicate,
        quantity_ids=[row["quantity_id"] for row, _ in group if "quantity_id" in row],
        date_ids=[row["date_id"] for row, _ in group if "date_id" in row],
        mention_ids=carried_mentions(ctx.index, local_start, local_end, subject),
        speaker_mention_id=speaker["mention_id"] if speaker else None,
        speaker=mention_text(speaker) if speaker else None,
        kind=claim_kind(group, head if group else verb, rules),
        subject_rule=subject_rule,
        confidence=confidence,
    )
    return draft
