"""Subjects: what a claim is about, from its clause's subject phrase, its values, nearby names or the article's topic."""
from __future__ import annotations

from collections.abc import Sequence

from pipeline.stages.claims.antecedent_checks import copula_name
from pipeline.stages.claims.brackets import bracket_start
from pipeline.stages.claims.attribution import Frame, pronoun_content, speaker_subject, speech_contents
from pipeline.stages.claims.context import ArticleContext
from pipeline.stages.claims.coordination import misread_coordination
from pipeline.stages.claims.coreference import antecedent_rule
from pipeline.stages.claims.demonyms import demonym_person
from pipeline.stages.claims.fallbacks import described, joint_object, named_lately, nearest_name, phrase_text
from pipeline.stages.claims.grammar import (
    CHAINED_DEPS,
    EDGE_DEPS,
    VERBAL,
    extraposed_clause,
    is_expletive,
    is_pronoun,
    own_subject,
    subject_of,
)
from pipeline.stages.claims.nameless import rooted_noun
from pipeline.stages.claims.national import modifier_passed_over, national_subject
from pipeline.stages.claims.object_owners import object_owner, reported_owner
from pipeline.stages.claims.owners import clause_owner
from pipeline.stages.claims.previous_names import previous_name
from pipeline.stages.claims.reporters import past_reporter_rule
from pipeline.stages.claims.reports import chained_speech, evidence_subject, inner_report, noun_content, tagged_content
from pipeline.stages.claims.shown import shown_object
from pipeline.stages.claims.subject_phrases import compared_figure, event_phrase, nameless_antecedent, specified_phrase, stated_object
from pipeline.stages.claims.things import (
    existential_thing, fronted_whole, measured_thing, observed_site, stated_phrase, stated_pronoun,
)
from pipeline.stages.claims.witness import seen_subject
from pipeline.stages.claims.topic_entity import TOPIC_RULE, topic_antecedent
from pipeline.stages.claims.words import mention_text


def fronted_stance(verb, subject, ctx: ArticleContext, quote_speaker: dict | None) -> dict | None:
    """The entity named by a clause-initial "For X," whose view or stake the clause states, or None.

    "For the EU's external action service (EEAS), closer cooperation with the UK is
    a must": the comma-closed phrase before the subject names the holder of the
    view, which the nameless subject ("closer cooperation") does not. The phrase is
    found by position, not by where the parser hung it: the parser often attaches
    it to a clausal subject instead of the main verb.
    """
    doc = verb.doc
    i = verb.left_edge.i
    while i < subject.i and (doc[i].dep_ in EDGE_DEPS or doc[i].is_punct or doc[i].is_space):
        i += 1
    prep = doc[i]
    if prep.dep_ != "prep" or prep.lower_ not in ctx.rules.stance_preps:
        return None
    close = prep.right_edge.i + 1
    # the phrase ends in a comma before the subject's head (it may sit inside the subject's
    # subtree when the parser hung it on a clausal subject)
    if close >= subject.i or doc[close].text != ",":
        return None
    target = next((child for child in prep.children if child.dep_ == "pobj"), None)
    return ctx.coreference.resolve_noun(target, quote_speaker) if target is not None else None


def inside_clausal_subject(verb, ctx: ArticleContext, quote_speaker: dict | None) -> dict | None:
    """The entity a clausal subject is about ("Negotiating such a pact with the UK requires ...").

    A clause has no name at its head, so the claim is about a participant of the
    clause, taken in this order: its own subject or passive agent ("What Germany
    spends ..."), then its object ("Joining NATO took ..."), then the objects of
    its prepositions ("Talking to Moscow ..."). Verbs the clause chains to
    ("Trying to join NATO") count one level deeper, ``possessor_depth`` levels at
    most; within a rank the shallowest, then the leftmost, wins.
    """
    rules, coreference = ctx.rules, ctx.coreference
    best: tuple | None = None
    frontier = [(verb, 0)]
    while frontier:
        node, depth = frontier.pop()
        for child in node.children:
            found, rank = None, None
            if child.dep_ in {"nsubj", "nsubjpass"}:
                found, rank = coreference.resolve_subject_token(child, node, quote_speaker), 0
            elif child.dep_ == "agent":
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
                found, rank = (coreference.resolve_noun(target, quote_speaker) if target is not None else None), 0
            elif child.dep_ in rules.object_deps:
                found, rank = coreference.resolve_noun(child, quote_speaker), 1
            elif child.dep_ == "prep":
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
                found, rank = (coreference.resolve_noun(target, quote_speaker) if target is not None else None), 2
            elif child.pos_ in VERBAL and child.dep_ in CHAINED_DEPS and depth < rules.possessor_depth:
                frontier.append((child, depth + 1))
            if found is not None and (best is None or (rank, depth, child.i) < best[0]):
                best = ((rank, depth, child.i), found)
    return best[1] if best else None


def resolve_subject(token, verb, ctx: ArticleContext, quote_speaker: dict | None) -> tuple[dict | None, str | None]:
    """(the mention a clause's subject token stands for, the rule that found it), by the subject rules in order.

    1. A name is itself (``name``); a pronoun, its antecedent (``pronoun``); "who" or
       "which", the phrase it modifies (``relative``).
    2. A nameless subject after a clause-initial "For X," is X's view (``for_phrase``:
       "For the EEAS, closer cooperation with the UK is a must"): the fronted phrase
       names the holder, and outranks names inside the subject phrase, which are side
       actors of the view.
    3. The phrase's possessor, owner or apposition (``phrase_name``: "Starmer's
       officials", "the leaders of the EU").
    4. A clausal subject: the first participant named inside it, its own subject
       before its object before its prepositional objects (``clausal_subject``: "What
       Germany spends ..."). A definite noun phrase: the name it repeats
       (``definite``: "This agreement").
    5. A definite title: the person introduced with it (``title``: "the Secretary General");
       a definite description: the entity of its kind last in subject position
       (``description``: "the company", "the streaming giant").
    6. A nameless phrase with a nationality adjective: the country (``nationality``:
       "British negotiators": the United Kingdom), else the nationality itself.
    7. A nameless subject a copula equates with a name: the name (``attribute``: "the
       biggest winner was the AfD"). A nationality alone as a definite subject ("The Italian") is
       the person it describes (``description``, ``demonyms``).

    (None, None) when no rule applies.
    """
    rules, index = ctx.rules, ctx.index
    found = demonym_person(token, ctx.coreference)
    if found is not None:  # "The Italian also extended ...": the person the nationality describes
        return found, "description"
    if index.mention_of(token) is None and not is_pronoun(token, rules):
        found = fronted_stance(verb, token, ctx, quote_speaker)
        if found is not None:
            return found, "for_phrase"
    found = ctx.coreference.resolve_subject_token(token, verb, quote_speaker)
    if found is not None or is_pronoun(token, rules):
        return found, (_token_rule(token, verb, found, ctx) if found is not None else None)
    if token.dep_ in {"csubj", "csubjpass"}:
        found = inside_clausal_subject(token, ctx, quote_speaker)
        return found, ("clausal_subject" if found is not None else None)
    for rule, find in (("definite", ctx.named_heads.back_reference), ("title", ctx.titled.title_reference),
                       ("description_previous", lambda t: previous_name(t, ctx.coreference)),  # round 79
                       ("description", ctx.coreference.description_reference),
                       ("nationality", lambda t: national_subject(t, ctx.coreference)),
                       ("attribute", lambda t: copula_name(t, verb, ctx.index))):
        found = find(token)
        if found is not None:
            topic = topic_antecedent(token, found, ctx.coreference) if rule in {"definite", "description"} else None
            return (topic, TOPIC_RULE) if topic is not None else (found, rule)
    return None, None


def _token_rule(token, verb, found: dict, ctx: ArticleContext) -> str:
    """Which of ``resolve_subject_token``'s ways resolved ``token`` to ``found``."""
    own = ctx.index.mention_of(token)
    if own is not None:
        # a nationality heading the phrase gave way to the name in apposition to it
        return "name" if own is found else "phrase_name"
    if token.lower_ in ctx.rules.relative_pronouns and verb.dep_ == "relcl":
        return "relative"
    return "pronoun" if is_pronoun(token, ctx.rules) else "phrase_name"


def _candidates(head, group: list[tuple[dict, object]], ctx: ArticleContext):
    """The (subject token, predicate token) pairs a claim's subject is sought in, in order.

    Also the speech verb's own subject (None unless ``head`` reports a clause), the
    verb whose clause the nearest name is sought in, and whether the speech verb
    only tags the statement before it.
    """
    rules = ctx.rules
    speaker_token, speech = speaker_subject(head, rules) or evidence_subject(head, rules), head
    if speaker_token is None:
        speech = chained_speech(head, rules)
        speaker_token = own_subject(head, rules) if speech is not None else None
    if speaker_token is None:
        content = pronoun_content(head, rules) or tagged_content(head, rules) or extraposed_clause(head, rules)
        if content is not None:
            # "It means the Liberals will ...": the complement's subject, the pronoun only if that fails; a
            # dummy "it" ("It has been six months since ...") names nothing, the clause it stands in for may
            return [(subject_of(content, rules), content), (subject_of(head, rules), head)], None, content, False
        return [(subject_of(head, rules), head)], None, head, False
    contents = speech_contents(speech, rules)
    value_tokens = [token for _, token in group]
    content = next((c for c in contents if any(c.left_edge.i <= t.i <= c.right_edge.i for t in value_tokens)),
                   contents[0])
    # "X said: “We've agreed that the UK will ...”": what the reported pronoun agreed states the fact
    content = pronoun_content(content, rules) or content
    pair_content = (subject_of(content, rules), content)
    pair_speaker = (speaker_token, head)
    inner = inner_report(content, value_tokens, rules)
    if inner is not None:
        # "Powell said available data suggested there has been a moderate expansion of economic activity": the
        # innermost reported clause states the fact; the reporter in between is passed over only when its own
        # clause names no one (its subject, then the speaker's, stand behind it)
        pair_content = (subject_of(inner, rules), inner)
        tag = all(c.i < speech.i for c in contents) and ctx.index.quote_at(content.idx) is None
        return ([pair_content, (subject_of(content, rules), content)] if tag else
                [pair_content, (subject_of(content, rules), content), pair_speaker]), speaker_token, inner, tag
    # a reported statement is about what it reports; the one who reports it is its speaker,
    # and its subject only when the statement names no one ("X said it would ...": X). An
    # unquoted statement tagged by a speech verb after it ("Growth will pick up in 2027, he
    # said") is never about the speaker: a value the parser hung on the verb belongs to the
    # statement. A verb that reports a clause after it ("X emerged: Y said ...") is no tag.
    tag = all(c.i < speech.i for c in contents) and ctx.index.quote_at(content.idx) is None
    candidates = [pair_content] if tag else [pair_content, pair_speaker]
    return candidates, speaker_token, content, tag


def claim_subject(head, group: list[tuple[dict, object]], ctx: ArticleContext, quote_speaker: dict | None,
                  frames: Sequence[Frame], topic: dict | None) -> tuple[dict | None, str | None, object, str | None]:
    """(subject mention, subject string, predicate token, subject rule) of one claim.

    In order: the grammatical subject resolved to a mention (``resolve_subject``:
    names, pronouns, a fronted "For X,", owners of an owned noun, appositions, the
    participants of a clausal subject, definite phrases and descriptions); else, when
    the subject is a noun phrase the text states, its own words (``phrase``): a name
    found elsewhere would be a guess. Only a clause with no stated subject (an
    expletive, an unresolved pronoun, none at all) falls back on the entity a quantity
    describes, the nearest name in the clause, a tag's speaker, and the article's
    topic (the subject of its lead) while the text keeps naming it (``topic_reach``).
    For a speech verb the claim is about its content ("The Commission is trying ...,
    an official said on Monday": the Commission; "X announced on Monday that Y and Z
    agreed": Y and Z); the speaker is the subject only when the content names none
    ("X said it would ..." with "it" unresolved). A plural pronoun ("With one
    exception in Hungary's Orban, they pledged") yields first to the entity a quantity
    describes: "they" is the vaguest subject there is. The article's topic never stands
    in for a clausal subject ("Negotiating such a pact requires ...").

    The rule names the evidence that decided: ``resolve_subject``'s rules, or
    ``speaker`` (the speech verb's own subject), ``joint_object``, ``described``,
    ``nearest_name``, ``tag_speaker``, ``topic``, ``phrase`` (the subject's own words,
    no entity; ``place_modifier`` when a place compounded on its owned head was passed over), or None.
    """
    rules = ctx.rules
    candidates, speaker_token, search_head, tag = _candidates(head, group, ctx)
    predicate = candidates[0][1]
    if speaker_token is None:
        owner = reported_owner(head, group, ctx, quote_speaker)
        if owner is not None:
            return owner[0], owner[1], head, "object_owner"
    fallback_text = None
    clausal = False
    unresolved_it = False
    subject_tokens: set[int] = set()
    for frame in frames:
        subject_tokens.update(frame.source)
    for token, verb in candidates:
        via = None
        stated = token is not None and stated_phrase(token, rules)
        if speaker_token is None or token is None or token.i != speaker_token.i:
            fronted = comma_fronted_subject(token, verb, ctx)
            if fronted is not token:
                token, stated = fronted, True
        if token is not None and token.i in ctx.index.dateline_tokens:
            # the parser may hang the real subject on the dateline's place as its apposition
            # ("GENEVA (AP) — The WHO's member countries ... approved"): that phrase is the subject
            token = next((c for c in token.children
                          if c.dep_ == "appos" and c.i not in ctx.index.dateline_tokens), None)
            stated = stated and token is not None and token.pos_ in {"NOUN", "PROPN"}
        if token is None:
            continue
        thing = existential_thing(token)
        if thing is token:
            thing = observed_site(token, verb, rules)
        if thing is not token:
            # "There were 3,513 polling stations": what exists is the subject; a noun of change
            # leads on to what changed ("there has been a moderate expansion of economic activity")
            owner = object_owner(thing, ctx, quote_speaker)
            if owner is not None:
                return owner[0], owner[1], verb, "existential"
            token, via, stated = thing, "existential", True
        token = measured_thing(token, rules)
        token = fronted_whole(token, verb, rules)
        content, led = noun_content(token, rules), "content_noun"  # "The fact that ...": the clause's words
        if content is None:  # "The first half of the year saw overall electricity demand rise": the demand
            content, led = seen_subject(token, verb, ctx.index, rules), "seen_clause"
        if content is None:  # "The latest figures show modest job growth": the growth, what the figures show
            content, led = shown_object(token, verb, rules), "shown_object"
        if content is not None:  # the rule that led from the stated subject to the phrase the claim is about
            token, via = content, led
        clausal = clausal or (token is candidates[0][0] and token.dep_ in {"csubj", "csubjpass"})
        subject_tokens.update(t.i for t in token.subtree)
        if token.dep_ == "expl" or is_expletive(token, rules):
            continue
        if speaker_token is not None and token.i == speaker_token.i:
            found, rule = ctx.speakers.resolve_speaker(token), "speaker"
            if found is not None and found["label"] in rules.person_labels and unresolved_it \
                    and ctx.index.quote_at(search_head.idx) is not None:
                # "“It is serious ...,” O'Brien told reporters": a quoted "it" is never the person who
                # speaks (who says "I"); reported speech ("X said it will ...") keeps its speaker, whose
                # label may be wrong ("Nestle announced that it will ..." with Nestle tagged a person)
                continue
        else:
            if token.lower_ in rules.group_pronouns:
                found = described(group, ctx, quote_speaker)
                if found is not None:
                    return found, mention_text(found), verb, "described"
            joined = misread_coordination(token)
            if joined is not None:  # "food and drink price rises have accelerated": one phrase, read as a verb
                text = " ".join(ctx.article.text[joined[0].idx:joined[1].idx + len(joined[1])].split())
                return None, text, verb, "coordination"
            figure = compared_figure(token, ctx.coreference)
            if figure is not None:
                # "That was down slightly from 2.7%": the figure before, about what that clause's subject measured
                found, _ = resolve_subject(figure, figure.head, ctx, quote_speaker)
                if found is not None:
                    return found, mention_text(found), verb, "demonstrative"
                return None, phrase_text(figure, ctx.article, ctx.index.chunk_of,
                                         skip=ctx.index.dateline_tokens), verb, "demonstrative"
            # "This marks the third rate cut in 2025": the object states the fact itself
            event = stated_object(token, frozenset(t.i for row, t in group if "quantity_id" in row), rules) \
                or event_phrase(token, ctx.coreference)
            if event is not None:
                # "This marks a rise ...": the event before it, told by what it changed, not an entity
                return None, phrase_text(event, ctx.article, ctx.index.chunk_of), verb, "demonstrative"
            found, rule = resolve_subject(token, verb, ctx, quote_speaker)
            via = via or past_reporter_rule(token, found, ctx.coreference)  # round 83
            unresolved_it = found is None and token.lower_ in rules.thing_pronouns
            antecedent = nameless_antecedent(token, ctx.coreference) if found is None and (
                token.lower_ in rules.group_pronouns or token.lower_ == "it") else None
            if antecedent is not None:
                # "The eight – Saudi Arabia, Russia, ... – raised ... They agreed": the phrase, not a member;
                # "ice loss has accelerated ... it was 36 per cent higher": the phrase it continues
                return None, phrase_text(antecedent, ctx.article, ctx.index.chunk_of,
                                         skip=ctx.index.dateline_tokens), verb, antecedent_rule(token, antecedent, ctx.coreference)
            specified = specified_phrase(token, verb, ctx.index, rules) if found is None else None
            if specified is not None:
                # "The driving force behind this growth was international travel": the copula's complement
                return None, phrase_text(specified, ctx.article, ctx.index.chunk_of), verb, "attribute"
        if found is not None:
            if speaker_token is None:
                joint = joint_object(token, verb, ctx)
                if joint is not None:
                    found, rule = joint, "joint_object"
            return found, mention_text(found), verb, via or rule
        if fallback_text is None and stated_pronoun(token, rules):
            # "both were given the same time": the word says who, as a noun would
            stated, fallback_text = True, token.text
        if fallback_text is None and not is_pronoun(token, rules):
            fallback_text = phrase_text(token, ctx.article, ctx.index.chunk_of, skip=ctx.index.dateline_tokens)
        if stated and fallback_text and (speaker_token is None or token.i != speaker_token.i):
            # a subject the text states is what the claim is about, named or not: a name found
            # elsewhere in the clause or the article's topic would be a guess, its own words are not.
            # Only a quantity heading it may name the entity it counts ("All 27 EU leaders"); one
            # deeper in the phrase counts a part of another thing ("Sunday's meeting of eight members
            # of OPEC+" is about the meeting, not OPEC+)
            found = described([(row, t) for row, t in group if t.i == token.i], ctx, quote_speaker)
            if found is not None:
                return found, mention_text(found), verb, via or "described"
            if (owner := clause_owner(token, ctx.index, rules)) is not None:  # "Honda ..., but sales were down"
                return owner, mention_text(owner), verb, via or "clause_owner"
            return None, fallback_text, verb, via or modifier_passed_over(token, ctx.coreference) or (
                "bracket_phrase" if bracket_start(token) else "phrase")
    found = described(group, ctx, quote_speaker)
    if found is not None:
        return found, mention_text(found), predicate, "described"
    rooted = rooted_noun(search_head)
    if rooted is not None:
        # the parser made the stated subject the root ("The findings ..., draw on a ... study"): its words
        return None, phrase_text(rooted, ctx.article, ctx.index.chunk_of), predicate, "noun_root"
    speaker_ids = {frame.speaker["mention_id"] for frame in frames if frame.speaker}
    found = nearest_name(search_head, ctx, subject_tokens, speaker_ids)
    if found is not None:
        return found, mention_text(found), predicate, "nearest_name"
    if tag:
        # the speaker is named in the sentence; the topic may lie paragraphs back
        found = ctx.speakers.resolve_speaker(speaker_token)
        if found is not None:
            return found, mention_text(found), predicate, "tag_speaker"
    if topic is not None and not clausal and named_lately(ctx, topic, head):
        return topic, mention_text(topic), predicate, "topic"
    return None, fallback_text, predicate, ("phrase" if fallback_text else None)


def absolute_subject(verb, group: list[tuple[dict, object]], ctx: ArticleContext,
                     quote_speaker: dict | None) -> tuple[dict | None, str | None, object] | None:
    """(mention, words, predicate) of the subject of an absolute "with" phrase after ``verb`` holding all of a claim's values, else None.

    "Gartner said the momentum remains strong, with AI infrastructure spending projected to cross $1.3 trillion in
    2026" (dev8 413_), "The anticipation could not have been higher ahead of the ... Grand Prix, with three drivers
    still in contention to clinch the World Championship ... for the first time in 15 years" (dev 031_): the main
    clause only rates its nameless subject (a copula, ``copular_lemmas``, with an adjective), and the phrase opened by
    one of ``absolute_marks`` states the figures about a subject of its own, as an "as" clause does (``as_clause``).
    Only asked when the main clause's subject names no entity. A main clause that states an act or a change keeps
    its subject ("immunity gaps have fueled a resurgence of outbreaks, with 59 countries experiencing ...", "The
    number of people on payroll is falling, with revised tax data now showing ..."), and so does a phrase with no
    subject of its own ("with a 0.04% increase") or one holding only some of the values.
    """
    rules = ctx.rules
    if not group or verb.lemma_.lower() not in rules.copular_lemmas \
            or not any(child.dep_ == "acomp" for child in verb.children):
        return None
    for child in verb.children:
        if child.dep_ != "prep" or child.i < verb.i or child.lower_ not in rules.absolute_marks:
            continue
        if not all(child.left_edge.i <= token.i <= child.right_edge.i for _, token in group):
            continue
        for inner_head in child.children:
            if inner_head.dep_ != "pcomp":
                continue
            inner = next((c for c in inner_head.children if c.dep_ in {"nsubj", "nsubjpass"}
                          and c.pos_ in {"NOUN", "PROPN"}), None)
            if inner is None:
                continue
            found = ctx.coreference.resolve_subject_token(inner, inner_head, quote_speaker)
            if found is not None:
                return found, mention_text(found), inner_head
            return None, phrase_text(inner, ctx.article, ctx.index.chunk_of), inner_head
    return None


def comma_fronted_subject(token, verb, ctx: ArticleContext):
    """The noun phrase after a fronted phrase a comma closes, when the parser mistook the two; else ``token``.

    "Quarter-on-quarter, real gross domestic product ... declined": the fronted phrase
    (a nameless phrase with a preposition inside, no article) was made the subject and the
    real one its apposition; "By category, personal consumption ... remained flat": the
    subject was joined to the fronted preposition's object and the verb left with none. A
    phrase that names something ("Shares of Nvidia, the chipmaker, rose") keeps its apposition.
    """
    doc, index = verb.doc, ctx.index
    first = index.sent(verb).start
    while first < verb.i and (doc[first].is_space or doc[first].is_punct):
        first += 1
    if token is not None:
        if token.left_edge.i != first or token.dep_ != "nsubj" or index.mention_of(token) is not None \
                or any(child.dep_ == "det" for child in token.children):
            return token
        comma = next((t for t in doc[token.i + 1:verb.i] if t.text == ","), None)
        if comma is None or not any(c.dep_ == "prep" and c.i < comma.i for c in token.children) \
                or ctx.coreference.resolve_subject_token(token, verb, None) is not None:
            return token
        return next((c for c in token.children if c.dep_ == "appos" and c.i > comma.i and c.pos_ == "NOUN"), token)
    for child in verb.children:
        if child.dep_ != "prep" or child.left_edge.i != first or child.i > verb.i:
            continue
        for target in child.children:
            for conj in target.children if target.dep_ == "pobj" else ():
                if conj.dep_ == "conj" and conj.pos_ in {"NOUN", "PROPN"} and conj.left_edge.i > 0 \
                        and doc[conj.left_edge.i - 1].text == ",":
                    return conj
        # deeper in the fronted phrase, a noun joined after its comma right before the verb: "In the match played in
        # Chennai, New Zealand avenged ..." (the parser joined New Zealand to Chennai; claims round 32)
        for conj in child.subtree:
            if conj.dep_ == "conj" and conj.pos_ in {"NOUN", "PROPN"} and conj.right_edge.i + 1 == verb.i \
                    and conj.left_edge.i > 0 and doc[conj.left_edge.i - 1].text == "," \
                    and not any(t.dep_ == "cc" for t in conj.head.children):
                return conj
    return token
