"""Drafts: one ``claim_drafts`` row from a claim's head, values, frame and subject."""
from __future__ import annotations

from collections.abc import Sequence

from pipeline.core.ids import span_id
from pipeline.stages.claims.accused import accused_party
from pipeline.stages.claims.attribution import Frame, frame_for
from pipeline.stages.claims.clauses import clause_range, in_bare_participle
from pipeline.stages.claims.confidence import claim_confidence, claim_evidence, hedge_of, uncovered_number
from pipeline.stages.claims.context import ArticleContext
from pipeline.stages.claims.counted import count_phrase
from pipeline.stages.claims.fallbacks import phrase_text
from pipeline.stages.claims.grammar import VERBAL, own_subject, verb_lemma
from pipeline.stages.claims.kinds import sized_kind_left_out
from pipeline.stages.claims.misread import QUOTE_MARKS, misread_statement, verdict_clause
from pipeline.stages.claims.relatives import names_only_a_modifier
from pipeline.stages.claims.risk import (figure_subject, graded_subject, subordinate_clause, unused_report,
                                         vague_time)
from pipeline.stages.claims.scenes import misparsed_scene, states_fact
from pipeline.stages.claims.that_clauses import that_clause, that_words
from pipeline.stages.claims.subjects import absolute_subject, claim_subject, resolve_subject
from pipeline.stages.claims.values import carried_mentions, claim_kind, names_subject, release_day_values
from pipeline.stages.claims.words import mention_text


def main_clause(head, sent, rules):
    """The sentence's main verb when ``head`` heads a clause subordinate to it, else ``head``.

    A sentence that makes one claim spans the sentence, and says it about its main
    clause's subject, even when the values sit in a clause below it ("The projected win
    came five weeks after Carney triggered an election"; "Poland is a key ally, while
    Ukraine is struggling with the invasion that began in 2022"). A clause coordinated
    with the main one ("X rose, and Y fell 2%") has a subject of its own, or the subject of
    the clause it is coordinated with; a verb phrase coordinated inside a subjectless
    infinitive shares the subject above ("The proceeds will be used to strengthen the
    balance sheet and ensure it is capitalised from 2025-2027": the proceeds).
    """
    node = head
    while node.i != sent.root.i and node.head.i != node.i:
        if node.dep_ in rules.coordinate_deps and (own_subject(node, rules) is not None
                                                   or own_subject(node.head, rules) is not None):
            return head
        node = node.head
    return node if node.i == sent.root.i else head


def scene_with_values(head, group, rules):
    """The clause after ``head`` opened by a ``scene_marks`` word ("as") that holds all of a claim's values, or None.

    "a record was broken for the NYC Marathon, as 35-year-old Kenyan Hellen Obiri finished in 2:19:51": the
    clause runs alongside the main one and has a subject of its own (a noun or a name, not a pronoun); the
    figures state its fact. A clause before the main one ("As NASA astronauts returned on Tuesday, the space
    agency ...") sets the scene of what follows and is left alone.
    """
    if not group:
        return None
    for child in head.children:
        if child.dep_ != "advcl" or child.i < head.i or child.pos_ not in VERBAL \
                or not any(c.dep_ == "mark" and c.lower_ in rules.scene_marks for c in child.children):
            continue
        inner = own_subject(child, rules)
        if inner is None or inner.pos_ not in {"NOUN", "PROPN"}:
            continue
        if all(child.left_edge.i <= token.i <= child.right_edge.i for _, token in group):
            return child
    return None


def subject_clauses(sent, rules) -> list:
    """The clauses of a sentence with a subject of their own, attributions ("X said") and relative clauses left out."""
    return [token for token in sent if token.pos_ in VERBAL and token.dep_ != "relcl"
            and verb_lemma(token, rules) not in rules.speech_verbs and own_subject(token, rules) is not None]


def below_own_subject(token, head, rules) -> bool:
    """True when a value sits in a clause below ``head`` with a subject of its own ("after oil prices fell 18%")."""
    node = token
    while node.i != head.i and node.head.i != node.i:
        if node.pos_ in VERBAL and node.dep_ in rules.clause_deps and node.dep_ not in {"xcomp", "ROOT"} \
                and own_subject(node, rules) is not None:
            return True
        node = node.head
    return False


def reported_clause(verb, head, token):
    """The clause a value of the row is measured from for `value_below`: the claim's own verb when the subject was
    taken from a clause below ``head`` that holds the value ("The ministry said in a statement the disease killed 58
    people": "killed", whose subject is the row's), else ``head``.

    The reported clause is the claim (the judges' convention), so its own figures are not in a clause below it; a
    clause below the reported one with a subject of its own still is ("X said Y rose 3% after Z fell 2%").
    """
    if verb.pos_ in VERBAL and verb.i != head.i and verb in head.subtree and token in verb.subtree:
        return verb
    return head


def in_modifier_clause(token, head, rules) -> bool:
    """True when a value sits below ``head`` in a clause that describes a noun outside the subject, or adds a circumstance.

    A participle or relative clause on another noun ("a 142 percent increase on the revenue
    generated during the previous financial year", "the lowest it has been in nearly three
    years") or an absolute "with" clause ("..., with three drivers still in contention"): the
    value may be that clause's fact rather than the claim's. One describing the subject
    or its apposition ("The deal, announced on Monday, ...", "Sinner, who served a three-month
    ban, ...") tells the claim's own subject's fact.
    """
    subject = own_subject(head, rules)
    node = token
    while node.i != head.i and node.head.i != node.i:
        if (node.dep_ in {"acl", "relcl"} and not names_subject(node.head, subject)) \
                or (node.dep_ in {"prep", "mark"} and node.lower_ in rules.absolute_marks):
            return True
        node = node.head
    return False


def fronted_phrase(verb, rules) -> bool:
    """True when a phrase of the verb's stands before its subject ("Of the $39.3bn Q4 revenue, $11bn came ...",
    "In a stunning reversal of expectations, the Liberal Party ..."): the parser attaches such openers less surely."""
    subject = own_subject(verb, rules)
    return subject is not None and any(
        child.dep_ in {"prep", "advcl", "npadvmod", "advmod"} and child.i < subject.left_edge.i
        and child.right_edge.i + 1 < subject.left_edge.i and child.i - child.left_edge.i + child.right_edge.i - child.i >= 2
        for child in verb.children)


def noun_subject(noun, verb, ctx: ArticleContext, speaker):
    """The entity a subject noun resolves to (or None) and the words that name it: the entity's mention, else the
    noun's own phrase; for the rules that find a clause's subject the parser hid (rounds 49 and 62)."""
    named, _ = resolve_subject(noun, verb, ctx, speaker)
    return named, mention_text(named) if named is not None else phrase_text(noun, ctx.article, ctx.index.chunk_of)


def relative_claim_row(ctx: ArticleContext, sent, relative, head, group: list[tuple[dict, object]],
                       frames: Sequence[Frame], quote_speaker: dict | None, topic: dict | None,
                       set_aside: Sequence[dict] = (), others: Sequence = ()) -> dict:
    """The row of a non-restrictive relative clause that states a fact of its own (``own_relative_claim``).

    Its span runs from the noun it is on to the clause's end ("capital spending, which crossed Rs2 lakh crore
    for the first time"), inside the row of the claim ``head`` makes, whose span it leaves whole; its subject is
    that noun, reached through the relative pronoun (``relative``; when it names no entity, the noun's own words
    with no ``subject_mention_id``, as a pronoun's phrase antecedent; ``relative_phrase`` when a name in its phrase
    only modifies it: ``relatives``).
    """
    noun = relative.head
    low, high = noun.left_edge.i, relative.right_edge.i + 1
    for other in others:
        # another such clause nested at its end makes its own row, and is cut off this one's
        if relative.i < other.head.left_edge.i < high:
            high = other.head.left_edge.i
    while high - 1 > low and (relative.doc[high - 1].dep_ in {"punct", "cc"} or relative.doc[high - 1].is_space):
        high -= 1
    subject = claim_subject(relative, group, ctx, quote_speaker, frames, topic)
    if subject[3] != "relative":
        text = phrase_text(noun, ctx.article, ctx.index.chunk_of) or noun.text
        # a name only modifying the noun ("the AIM All-Share index"): the noun's words, not the name (round 56)
        rule = "relative_phrase" if names_only_a_modifier(noun, ctx.coreference, quote_speaker) else "relative"
        subject = (None, text, relative, rule)
    return claim_row(ctx, sent, relative, [head, relative], group, frames, quote_speaker, topic, subject=subject,
                     set_aside=set_aside, span=(low, high))


def claim_row(ctx: ArticleContext, sent, head, heads: Sequence, group: list[tuple[dict, object]],
              frames: Sequence[Frame], quote_speaker: dict | None, topic: dict | None,
              subject: tuple | None = None, set_aside: Sequence[dict] = (),
              span: tuple[int, int] | None = None, relative_values: bool = False, dash_aside: bool = False,
              contrast_clause: bool = False) -> dict:
    """One ``claim_drafts`` row for the values of one claim head (``subject``: already resolved).

    One claim in the sentence spans the sentence; one of several, its clause. The
    speaker is the innermost attribution's, else the quotation's. ``set_aside``: the
    sentence's values the value rules left out (an age, an aside's figure); their
    figures are accounted for, so they do not count as numbers no value holds. A day of someone else's statement
    or release is left out once the subject is known (``values.release_day_values``: evidence ``release_day``).
    ``relative_values``: the claim's only figures were left to a relative clause's own row (evidence
    ``relative_values``; a row with it and no value is kept by ``resolve``, whatever its subject names).
    ``dash_aside``: a duration of a dash aside was left out (``asides.dash_aside_values``: evidence ``dash_aside``).
    ``contrast_clause``: a "while" clause's values about another subject were left out (``contrasts``).
    """
    doc, article, rules = ctx.doc, ctx.article, ctx.rules
    if span is not None:
        low, high = span
    elif len(heads) == 1:
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
    subject_head = main_clause(head, sent, rules) if len(heads) == 1 else head
    found = subject or claim_subject(subject_head, group, ctx, quote_speaker or speaker, frames, topic)
    misread = misread_statement(subject_head, rules) if subject is None and found[3] in {"name", "phrase"} else None
    if misread is not None:
        # "ANO Party secured victory ..., public broadcaster Ceska televize reported": the statement's verb was read
        # as a modifier, the reporter is its speaker (claims round 62)
        noun, said_verb = misread
        named, words = noun_subject(noun, said_verb, ctx, quote_speaker or speaker)
        words = (words or "").strip(QUOTE_MARKS)
        if words:
            found = (named, words, said_verb, "misread_report")
    ruled = verdict_clause(subject_head, rules) if subject is None and found[3] in {"name", "phrase"} else None
    if ruled is not None:
        # "The Court of Cassation ruled that Mutamba deliberately diverted funds": the ruled clause's subject, the court
        # its speaker (claims round 62)
        noun, ruled_verb = ruled
        named, words = noun_subject(noun, ruled_verb, ctx, quote_speaker or speaker)
        if words:
            found = (named, words, ruled_verb, "verdict_clause")
    from_head = subject is None and getattr(found[2], "i", None) == subject_head.i
    stated = that_clause(subject_head, group, rules) if from_head else None
    if stated is not None:  # "The Commission has found that ... Google has abused": the clause's (claims round 77)
        named, words = noun_subject(*stated, ctx, quote_speaker or speaker)
        found = (named, words if named is not None else that_words(stated[0], words), stated[1], "that_clause") \
            if words else found
    accused = accused_party(subject_head, rules) if subject is None and found[3] in {"name", "phrase"} else None
    if accused is not None:  # "Prosecutors accused Combs of ...": the accused, the accuser its speaker (claims round 72)
        named, words = noun_subject(*accused, ctx, quote_speaker or speaker)
        found = (named, words, accused[1], "accused_party") if words else found
    if subject is None and found[3] == "phrase":
        # "The election results highlighted a major shift ..., as the newly-formed WIN party secured second place
        # with 109,015 votes": the main clause names no one and the figures are the "as" clause's actor's
        scene = scene_with_values(subject_head, group, rules)
        named = claim_subject(scene, group, ctx, quote_speaker or speaker, frames, topic) if scene is not None else None
        if named is not None and (named[0] is not None and named[3] in {"name", "phrase_name"} or named[3] == "phrase"
                                  and states_fact(own_subject(scene, ctx.rules), scene, group, ctx.index, ctx.rules)):
            # a nameless subject only when it states a fact of its own: "as Brent crude climbed 3%" (claims round 49)
            found = (named[0], named[1], named[2], "as_clause")
    if subject is None and found[3] in {"phrase", "nationality", "nationality_modifier"}:
        # "Global commodity markets witnessed a historic surge as spot gold climbed to $5,243.58": the parser
        # read the "as" clause as a preposition; its noun is the subject of the figures (claims round 49)
        misread = misparsed_scene(subject_head, group, ctx.index, ctx.rules)
        if misread is not None:
            noun, scene_verb = misread
            named, words = noun_subject(noun, scene_verb, ctx, quote_speaker or speaker)
            if words:
                found = (named, words, scene_verb, "as_clause_misparsed")
    if subject is None and found[3] == "phrase":
        # "the momentum remains strong, with AI infrastructure spending projected to cross $1.3 trillion": the
        # figures are the absolute phrase's subject's (claims round 32)
        absolute = absolute_subject(found[2], group, ctx, quote_speaker or speaker)
        if absolute is not None and absolute[1]:
            found = (absolute[0], absolute[1], absolute[2], "with_clause")
    if subject is None and found[3] == "phrase" and found[2].pos_ in VERBAL:  # "the number of towns ...": round 73
        counted = count_phrase(found[2], found[1], ctx.article, lambda t: phrase_text(
            t, ctx.article, ctx.index.chunk_of, skip=ctx.index.dateline_tokens), rules, ctx.index.dateline_tokens)
        found = (None, counted, found[2], "count_phrase") if counted else found
    subject, subject_text, verb, subject_rule = found
    # a day given for someone else's statement or release dates the report, not the fact
    group, released = release_day_values(group, verb if verb.pos_ in VERBAL else None,
                                         own_subject(verb, rules) if verb.pos_ in VERBAL else None, subject, rules,
                                         mention_of=ctx.index.mention_of)
    set_aside = [*set_aside, *(row for row, _ in released)]
    if subject_rule in {"misread_report", "verdict_clause", "that_clause"} and speaker is None:
        # the trailing reporter, the court or judge that rules: the one who reports is the speaker (claims round 62)
        speaker = ctx.speakers.resolve_speaker(own_subject(sent.root, rules))
    if subject_rule in {"object_owner", "accused_party"} and speaker is None:
        # "Rutte hailed a 20 per cent rise in spending by European allies", "Bessent accused India of": the one who
        # reports is the speaker
        speaker = ctx.speakers.resolve_speaker(own_subject(verb, rules))
    predicate = verb_lemma(verb, rules) if verb.pos_ in VERBAL else None
    # figures the row holds: its values, and names with digits in them ("FTSE 100", "G7")
    covered = [(row["start"] - article.start - local_start, row["end"] - article.start - local_start)
               for row, _ in group]
    covered += [(row["start"] - article.start - local_start, row["end"] - article.start - local_start)
                for row in set_aside]
    covered += [(row["start"] - article.start - local_start, row["end"] - article.start - local_start)
                for row in ctx.index.mentions_in(local_start, local_end)]
    evidence = claim_evidence(
        subject_rule=subject_rule, has_values=bool(group), hedge=hedge_of(verb, rules) or hedge_of(head, rules),
        clause_cut=len(heads) > 1, unattributed_quote=quoted and speaker is None,
        unlinked_number=uncovered_number(article.text[local_start:local_end], covered),
        quoted=quoted and speaker is not None,
        nested_report=sum(head.i in frame.scope for frame in frames) > 1,
        several_clauses=len(heads) == 1 and len(subject_clauses(sent, rules)) > 1,
        value_below=any(below_own_subject(token, reported_clause(verb, subject_head, token), rules) for _, token in group),
        value_in_modifier=any(in_modifier_clause(token, subject_head, rules) for _, token in group),
        long_sentence=sum(not token.is_punct and not token.is_space for token in sent) > rules.long_sentence_words,
        verbless=not any(token.tag_ in rules.finite_tags for token in sent),
        fronted_phrase=fronted_phrase(verb if verb.pos_ in VERBAL else subject_head, rules),
        vague_time=vague_time(doc, group, article.start), subordinate_clause=subordinate_clause(head, heads, rules),
        figure_subject=figure_subject(verb, group, article.start, rules),
        unused_report=unused_report(verb, doc[low:high], rules),
        graded_subject=graded_subject(verb, subject_rule, rules), release_day=bool(released),
        absolute_clause=any(in_bare_participle(token, head, rules) for _, token in group),
        relative_values=relative_values and not group,
        sized_kind=sized_kind_left_out(set_aside, doc, article.start, low, high, rules,
                                       others=[r for r, _ in group]),
        dash_aside=dash_aside, contrast_clause=contrast_clause)
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
        confidence=claim_confidence(rules, evidence),
        confidence_evidence=" ".join(evidence),
    )
    return draft
