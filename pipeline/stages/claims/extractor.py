"""The stage: claim drafts for one article, sentence by sentence, from its Doc and its value and mention rows."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from pipeline.core.article import Article
from pipeline.stages.claims.attribution import attribution_frames, quote_speakers, speech_contents
from pipeline.stages.claims.clauses import claim_groups, frames_claim, scoping_dates, share_scoping_dates, times_claim
from pipeline.stages.claims.context import ArticleContext
from pipeline.stages.claims.drafts import claim_row, main_clause, relative_claim_row
from pipeline.stages.claims.fallbacks import article_topic
from pipeline.stages.claims.facts import fact_claim
from pipeline.stages.claims.grammar import clause_head, own_subject, verb_lemma
from pipeline.stages.claims.filters import (background_clause, body_start, first_person_opinion, interprets,
                                             is_data_line, is_headline, states_nothing)
from pipeline.stages.claims.rules import ClaimRules, compile_rules
from pipeline.stages.claims.sources import about_source
from pipeline.stages.claims.asides import dash_aside_values
from pipeline.stages.claims.contrasts import contrast_clause_values
from pipeline.stages.claims.values import (POINT_CLASSES, claim_values, concessive_values, relative_clause_values,
                                           subject_relative, values_by_sentence)


class ClaimExtractor:
    """Build claim drafts for one article from its Doc and its date, quantity and mention rows."""

    def __init__(self, lexicon: dict | None = None, *, gazetteer: Mapping | None = None) -> None:
        self.rules = compile_rules(lexicon, gazetteer=gazetteer)

    def __call__(self, doc, article: Article, *, dates: Sequence[dict], quantities: Sequence[dict],
                 mentions: Sequence[dict]) -> list[dict]:
        return extract_claims(doc, article, dates=dates, quantities=quantities, mentions=mentions, rules=self.rules)


def stated_clause(verb, rules: ClaimRules):
    """What a speech verb reports ("X said ‹we are in an extraordinary situation›"), else ``verb`` itself."""
    if verb_lemma(verb, rules) not in rules.speech_verbs:
        return verb
    contents = speech_contents(verb, rules)
    return contents[0] if contents else verb


def interpretation_only(head, group: list[tuple[dict, object]], sent, *, single: bool, rules: ClaimRules) -> bool:
    """True when the claim of ``head`` reads a meaning into events (``interprets``) and its values add no fact.

    A quantity compares a figure; a date in a clause of its own below the verb states
    that clause's fact ("which left the EU five years ago"): either keeps the claim.
    """
    if any("quantity_id" in row for row, _ in group):
        return False
    verb = stated_clause(main_clause(head, sent, rules) if single else head, rules)
    if not interprets(verb, rules):
        return False
    return not any(clause_head(token, rules).i != verb.i and own_subject(clause_head(token, rules), rules) is not None
                   for _, token in group)


def extract_claims(doc, article: Article, *, dates: Sequence[dict], quantities: Sequence[dict],
                   mentions: Sequence[dict], rules: ClaimRules | None = None) -> list[dict]:
    """Claim drafts (``claim_drafts`` rows) for one article, in text order.

    ``dates``, ``quantities`` and ``mentions`` are this article's rows with absolute
    offsets; rows outside the article are ignored, so a claim never crosses an
    article boundary.
    """
    rules = rules or compile_rules({})
    if not len(doc):
        return []
    if not doc.has_annotation("DEP"):
        raise ValueError("[E603] claims need the dependency parse, but this Doc has none: "
                         "keep the 'parser' out of model.disable in configs/pipeline.toml")
    ctx = ArticleContext.build(doc, article, mentions, rules)
    sentences = ctx.index.sentences
    frames = [attribution_frames(sent, ctx.index, ctx.speakers, rules) for sent in sentences]
    quoted_by = quote_speakers(ctx.index, sentences, frames)
    by_sentence = values_by_sentence(ctx.index, dates=dates, quantities=quantities)
    topic = article_topic(ctx, sentences)
    rows: list[dict] = []
    seen_texts: set[str] = set()
    first_body = body_start(article.text, rules)
    for index, sent in enumerate(sentences):
        in_sentence = claim_values(by_sentence.get(index, []), frames[index], rules,
                                   dateline=ctx.index.dateline_tokens, mention_of=ctx.index.mention_of)
        linked = {id(row) for row, _ in in_sentence}
        set_aside = [row for row, _ in by_sentence.get(index, []) if id(row) not in linked]
        if article.is_boilerplate(sent.start_char) or not (in_sentence or rules.fact_claims):
            continue
        folded = " ".join(sent.text.split())
        if folded in seen_texts or is_headline(sent, article.text, rules, first_body):
            continue
        quote_speaker = quoted_by[index]
        if states_nothing(sent, rules):
            if is_data_line(sent, in_sentence, rules):
                seen_texts.add(folded)
                rows.append(claim_row(ctx, sent, sent.root, [sent.root], in_sentence, frames[index],
                                      quote_speaker, topic, set_aside=set_aside))
            continue
        if not in_sentence:
            row = fact_claim(ctx, sent, frames[index], quote_speaker, topic)
            if row is not None:
                seen_texts.add(folded)
                rows.append(row)
            continue
        seen_texts.add(folded)
        claims = claim_groups(in_sentence, ctx, quote_speaker)
        if not claims:
            # only weak dates ("will now take place"): a claim as if the sentence stated no value
            row = fact_claim(ctx, sent, frames[index], quote_speaker, topic) if rules.fact_claims else None
            if row is not None:
                rows.append(row)
            continue
        claims = [(head, group) for head, group in claims if not first_person_opinion(head, rules)]
        # an interpretation with only a date ("It marks the Footsie's strong performance in 2026")
        # states nothing checkable; with a quantity it compares a figure, and a date in a clause
        # of its own ("The involvement of the U.K., which left the EU five years ago, is another
        # sign ...") states a fact of that clause: both are kept
        single = len(claims) == 1
        claims = [(head, group) for head, group in claims
                  if not interpretation_only(head, group, sent, single=single, rules=rules)]
        heads = [head for head, _ in claims]
        # a verb that only frames another claim makes no row, but still cuts that claim's clause
        framing = {head.i for head in heads if frames_claim(head, heads)}
        # a light or finding verb that only places another claim in time or reports it ("The conviction yesterday
        # came when ...", "..., government data showed Wednesday") makes no row either
        framing |= {head.i for head, group in claims
                    if len(heads) > 1 and times_claim(head, heads, group, rules, ctx.article.start)}
        # a clause of circumstance whose subject names no one and that states only a time sets the scene
        framing |= {head.i for head, group in claims
                    if len(heads) > 1 and background_clause(head, group, ctx.index, rules)}
        # a clause only about the source ("The report provides data on ...") makes no row but still cuts (sources.py)
        framing |= {head.i for head, group in claims if about_source(head, group, rules)}
        set_aside += [row for head, group in claims if head.i in framing for row, _ in group]
        sentence_rows = []
        for head, group in claims:
            if head.i in framing:
                continue
            # a relative clause's figure about another noun is that noun's fact, accounted for but not linked
            subject_head = main_clause(head, sent, rules) if len(heads) == 1 else head
            group, described, relatives = relative_clause_values(group, head, own_subject(subject_head, rules), rules)
            # a phrase of concession's figures are the fact it concedes, not the claim's
            group, conceded = concessive_values(group, head, rules)
            # a dash aside's figures comment on the claim's own (asides.py)
            group, dashed = dash_aside_values(group, head)
            # a "while" clause with a subject of its own states that subject's fact (contrasts.py)
            group, contrasted = contrast_clause_values(group, subject_head, rules)
            conceded = [*conceded, *dashed, *contrasted]
            row = claim_row(ctx, sent, head, heads, group, frames[index], quote_speaker, topic,
                            set_aside=[*set_aside, *(row for row, _ in [*described, *conceded, *(
                                item for _, rows in relatives for item in rows)])], relative_values=bool(relatives),
                            dash_aside=bool(dashed), contrast_clause=bool(contrasted))
            # the dates of a relative clause on the subject stating only a time (values.subject_clause_dates)
            subject_dates = [(r, t) for r, t in described if r.get("tclass") in POINT_CLASSES
                             and subject_relative(t, head, own_subject(subject_head, rules), rules) is not None]
            if subject_dates and not group and row["subject_mention_id"] is None:
                # a claim left with no value and no named subject would make no row (resolve drops it): it keeps the
                # subject's relative clause's dates. Another noun's relative clause's figures stay that clause's own
                # row's: the claim is kept with no value (evidence relative_values; claims round 48: dev4 333_, dev9
                # 421_ and 425_, dev10 450_, dev11 471_, judged so)
                group = subject_dates
                described = [item for item in described if not any(item[0] is r for r, _ in subject_dates)]
                row = claim_row(ctx, sent, head, heads, group, frames[index], quote_speaker, topic,
                                set_aside=[*set_aside, *(row for row, _ in [*described, *conceded, *(
                                    item for _, rows in relatives for item in rows)])])
            sentence_rows.append(row)
            # a non-restrictive relative clause with a figure of its own is a claim of its own, about its noun
            for relative, own in relatives:
                sentence_rows.append(relative_claim_row(ctx, sent, relative, head, own, frames[index], quote_speaker,
                                                        topic, set_aside=[*set_aside, *(row for row, _ in group)],
                                                        others=[other for other, _ in relatives if other.i != relative.i]))
        share_scoping_dates(sentence_rows, scoping_dates(claims, sent, rules))
        rows.extend(sentence_rows)
    rows.sort(key=lambda row: (row["start"], row["end"]))
    return rows
