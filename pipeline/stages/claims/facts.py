"""Claims without a value: a named actor's act or state ("The UK and the EU have agreed to restart talks")."""
from __future__ import annotations

from collections.abc import Sequence

from pipeline.stages.claims.accused import accused_party
from pipeline.stages.claims.attribution import Frame, pronoun_content, speaker_subject, speech_contents
from pipeline.stages.claims.context import ArticleContext
from pipeline.stages.claims.coreference import nationality_of
from pipeline.stages.claims.drafts import claim_row
from pipeline.stages.claims.fallbacks import joint_object, named_lately
from pipeline.stages.claims.filters import asserts_fact, interprets, is_cleft
from pipeline.stages.claims.grammar import VERBAL, own_subject, subject_of, verb_lemma
from pipeline.stages.claims.misread import verdict_clause
from pipeline.stages.claims.nameless import generic_phrase
from pipeline.stages.claims.reports import chained_speech
from pipeline.stages.claims.sources import about_source
from pipeline.stages.claims.subjects import resolve_subject
from pipeline.stages.claims.words import fold, mention_text, name_words


def fact_claim(ctx: ArticleContext, sent, frames: Sequence[Frame], quote_speaker: dict | None,
               topic: dict | None) -> dict | None:
    """The claim of a sentence that states no value: a named actor's act or state, else None.

    "The UK and European Union have agreed to restart formal talks" and "the UK is
    excluded from several EU defence funding mechanisms" are checkable with no number
    or date. The sentence's main clause (or what its speech verb reports: "Officials
    confirmed that ..."), else the first clause coordinated with it that has its own
    subject ("Dialogues will take place, and the UK will be invited ..."), must assert,
    not judge, suppose (``asserts_fact``) or interpret (``interprets``), and name its actor (``fact_subject``). An
    opinion verb ("Critics warn that ...") reports no fact.
    """
    rules = ctx.rules
    root = sent.root
    if root.pos_ not in VERBAL:
        return None
    contents = speech_contents(root, rules) if verb_lemma(root, rules) in rules.speech_verbs else []
    # "X said that ...", and the inverted "‹statement›, announced Secretary General X"
    if contents and (speaker_subject(root, rules) is not None or
                     (own_subject(root, rules) is None and all(c.i < root.i for c in contents))):
        if verb_lemma(root, rules) in rules.opinion_verbs:
            return None
        main, reported = contents[0], True
    else:
        # "She went on to say that Blackwell production was ...": what the chained speech verb reports
        chained = chained_speech(root, rules)
        reported_clauses = speech_contents(chained, rules) if chained is not None else []
        if reported_clauses and verb_lemma(chained, rules) in rules.opinion_verbs:
            return None
        main, reported = (reported_clauses[0], True) if reported_clauses else (root, False)
    ruled = verdict_clause(root, rules)
    if ruled is not None and asserts_fact(ruled[1], ctx.index, rules, reported=True) \
            and not interprets(ruled[1], rules):
        # "The Court of Cassation ruled that Mutamba deliberately diverted funds": the ruled clause's named actor,
        # the court its speaker (claims round 62); a nameless one ("concluded that the government's proposed
        # divestitures went ...") leaves the sentence to the rules below, as a row with no value needs a name
        found, _ = fact_subject(ruled[1], ctx, quote_speaker, topic)
        if found is not None:
            return claim_row(ctx, sent, root, [root], [], frames, quote_speaker, topic,
                             subject=(found, mention_text(found), ruled[1], "verdict_clause"))
    accused = accused_party(root, rules)
    if accused is not None and asserts_fact(root, ctx.index, rules, reported=False) and not interprets(root, rules):
        # "Scott Bessent has accused India of “profiteering”": the accused if named, the accuser its speaker (round 72)
        found, _ = resolve_subject(accused[0], root, ctx, quote_speaker)
        if found is not None:
            return claim_row(ctx, sent, root, [root], [], frames, quote_speaker, topic,
                             subject=(found, mention_text(found), root, "accused_party"))
    # "It means the Liberals will ...", "“We agreed that the UK will ...”": the stated clause's subject acts
    stated = pronoun_content(main, rules)
    if stated is not None:
        main, reported = stated, True
    # (a speech verb hung on the statement, "The second level, Rutte noted, is ...", only credits it)
    clauses = [main] + [child for child in main.children if child.dep_ in rules.coordinate_deps
                        and child.pos_ in VERBAL and own_subject(child, rules) is not None
                        and verb_lemma(child, rules) not in rules.speech_verbs]
    if reported and main.head.i == root.i:
        # "Trump said the deal was reached ..., and added that India has committed to ...": a speech
        # verb sharing the speaker reports a second statement, tried when the first names no actor
        clauses += [content for verb in root.children if verb.dep_ in rules.coordinate_deps
                    and verb_lemma(verb, rules) in rules.speech_verbs and own_subject(verb, rules) is None
                    for content in speech_contents(verb, rules)]
    for content in clauses:
        # "The partnership comes at a pivotal time": an interpretation, nothing to check; "The report provides data
        # on ...": about the source, not the story (sources.py)
        if (not asserts_fact(content, ctx.index, rules, reported=reported) or interprets(content, rules)
                or about_source(content, [], rules)):
            continue
        found, rule = fact_subject(content, ctx, quote_speaker, topic)
        if found is not None:
            return claim_row(ctx, sent, root, [root], [], frames, quote_speaker, topic,
                             subject=(found, mention_text(found), content, rule))
    return None


def fact_subject(verb, ctx: ArticleContext, quote_speaker: dict | None,
                 topic: dict | None) -> tuple[dict | None, str | None]:
    """(the named actor of a clause that states no value, the rule that found it), or (None, None).

    Its grammatical subject must name it, as a name, a pronoun or definite phrase
    standing for one, a possessor ("the leaders of the EU"), a participant of a clausal
    subject or a nationality ("Romanian authorities"), or a coordination of names acting
    on a named thing (``joint_object``). A nameless noun phrase stands for the article's
    topic only when the topic is named in its sentence or the ``fact_topic_reach`` before
    it, and never when it points back to a thing (``_points_to_a_thing``) or names a kind of
    thing with no article, owner or count (``nameless.generic_phrase``: "Energy costs provided
    much of the near-term relief" is no fact about the United States; a nameless claim with no
    value makes no row). Names merely nearby in the clause never stand in: they are side actors. The
    empty "it" of a cleft ("it was the Belgians who ...") names nothing.
    """
    rules = ctx.rules
    token = subject_of(verb, rules)
    if token is None or token.dep_ == "expl" or is_cleft(token, verb, rules):
        return None, None
    found, rule = resolve_subject(token, verb, ctx, quote_speaker)
    if found is None and (found := nationality_of(token, ctx.index, rules)) is not None:
        # no value to hold the phrase's own words ("Analysts said that Indian equities rose"): a row with no
        # value needs a name, and the nationality's country stays the actor (``national``, claims round 67)
        rule = "nationality"
    if found is not None:
        joint = joint_object(token, verb, ctx)
        return (joint, "joint_object") if joint is not None else (found, rule)
    if (topic is not None and token.pos_ == "NOUN" and token.dep_ not in {"csubj", "csubjpass"}
            and not _points_to_a_thing(token, rules) and not generic_phrase(token, topic)
            and named_lately(ctx, topic, verb, rules.fact_topic_reach)):
        # unless the topic is only a modifier inside the subject phrase ("Liverpool fans partied"):
        # the phrase, not its modifier, acts, and it names no actor of its own
        return (None, None) if _names_inside(ctx, topic, token) else (topic, "topic")
    return None, None


def _names_inside(ctx: ArticleContext, topic: dict, token) -> bool:
    """True when a mention of the entity ``topic`` lies inside ``token``'s own phrase."""
    doc = token.doc
    first, last = doc[token.left_edge.i], doc[token.right_edge.i]
    folded, words = fold(topic["text"]), name_words(topic["text"])
    # the same name as ``named_lately`` counts it: its text, or a long word of it ("Trump" for "Donald Trump")
    return any(m["label"] == topic["label"] and (fold(m["text"]) == folded or words & name_words(m["text"]))
               for m in ctx.index.mentions_in(first.idx, last.idx + len(last.text)))


def _points_to_a_thing(token, rules) -> bool:
    """True for a definite phrase whose noun names no actor's kind: "The title", "The new deal", "This instrument".

    A definite article or demonstrative (``anaphoric_determiners``) points back to one thing
    spoken of; unless its noun is an actor's kind ("the club", "the company":
    ``description_nouns``), that thing, not the article's topic, is what the clause is
    about ("The title was sealed in style" is not a fact about Liverpool).
    """
    return token.lemma_.lower() not in rules.description_nouns and any(
        child.dep_ == "det" and child.lower_ in rules.anaphoric_determiners for child in token.children)
