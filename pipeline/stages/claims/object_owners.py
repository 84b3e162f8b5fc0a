"""Object owners: the owner of what a reported or evaluated object measures, who the claim is then about."""
from __future__ import annotations

from pipeline.stages.claims.context import ArticleContext
from pipeline.stages.claims.grammar import is_pronoun, own_subject
from pipeline.stages.claims.words import mention_text


def reported_owner(verb, group: list[tuple[dict, object]], ctx: ArticleContext,
                   quote_speaker: dict | None) -> tuple[dict | None, str] | None:
    """(mention, words) of the owner a reported or evaluated object names, when it holds the claim's value; else None.

    "Rutte hailed a 20 per cent rise in spending by European allies" is a fact about the
    allies' spending, which Rutte only reports: a ``reporting_verbs`` verb whose direct
    object (or "to"/"of" object: "pointed to", "warned of") holds one of the claim's
    values, or a ``valuation_preps`` phrase after it does ("Analysts estimated Tesla's
    quarterly losses at $2bn"), hands the claim to the owner or agent of what that object measures
    (``object_owner``). Its own subject is then the speaker, not the actor.
    """
    rules = ctx.rules
    if verb.lemma_.lower() not in rules.reporting_verbs:
        return None
    reporter = own_subject(verb, rules)
    if reporter is None or reporter.dep_ != "nsubj":
        return None
    objects = [child for child in verb.children if child.dep_ == "dobj"]
    objects += [target for child in verb.children if child.dep_ == "prep" and child.lower_ in rules.reported_object_preps
                for target in child.children if target.dep_ == "pobj"]
    # a value the verb puts on its object ("estimated Tesla's quarterly losses at $2bn")
    valuations = [child for child in verb.children if child.dep_ == "prep" and child.lower_ in rules.valuation_preps]
    values = [token.i for _, token in group]
    for obj in objects:
        if any(obj.left_edge.i <= i <= obj.right_edge.i for i in values) or any(
                prep.i > obj.i and prep.left_edge.i <= i <= prep.right_edge.i for prep in valuations for i in values):
            found = object_owner(obj, ctx, quote_speaker)
            if found is None and ctx.coreference.owns(obj) and direct_owner(obj, ctx) is None:
                # the parser may hang the object's owner on the verb ("put operating profit at Samsung's chip
                # division at roughly 17 trillion won"): an owner phrase right after the object, holding no value
                owner = next((child for child in verb.children if child.dep_ == "prep" and child.i == obj.right_edge.i + 1
                              and child.lower_ in rules.possessor_preps
                              and not any(child.left_edge.i <= i <= child.right_edge.i for i in values)), None)
                target = next((t for t in owner.children if t.dep_ == "pobj"), None) if owner is not None else None
                if target is not None and target.pos_ in {"NOUN", "PROPN"}:
                    row = ctx.index.mention_of(target)
                    found = (row, mention_text(row)) if row is not None else (
                        None, " ".join(ctx.article.text[target.left_edge.idx:target.idx + len(target)].split()))
            return found
    return None


def object_owner(obj, ctx: ArticleContext, quote_speaker: dict | None) -> tuple[dict | None, str] | None:
    """(mention, words) of the owner of what the noun phrase ``obj`` measures, else None.

    Down the parse from the object's head, one owner at a time: a noun of change ("rise",
    ``change_nouns``) or an owned noun ("spending", ``owned_nouns``) is about its possessor,
    a name compounded with it, or the object of an owner preposition or agent "by"
    ("Europe's 20% increase", "spending by European allies", "profit at Samsung's chip
    division"): a name is the owner; an owned noun with an owner of its own leads on to that
    one; any other noun is the owner in its own words ("European allies", "Samsung's chip
    division": a division is a thing of its own, not its parent's). A noun of change with no
    owner leads on through ``change_preps`` to what changed ("a rise in Tesla's sales"). A
    figure is never an owner ("an increase of 20%"). Nothing found, None: the phrase names no
    owner ("a rise in defence spending") and the verb's subject stays the actor.
    """
    rules, coreference, index = ctx.rules, ctx.coreference, ctx.index
    node = obj
    for _ in range(rules.possessor_depth):
        change = node.lemma_.lower() in rules.change_nouns
        if not (change or coreference.owns(node)):
            return None
        owner = direct_owner(node, ctx)
        if owner is not None:
            found = (coreference.resolve_pronoun(owner, quote_speaker) if is_pronoun(owner, rules)
                     else index.mention_of(owner))
            if found is not None:
                return found, mention_text(found)
            if is_pronoun(owner, rules):
                return None
            if not (coreference.owns(owner) and direct_owner(owner, ctx) is not None):
                # the owner's own words, without what it owns ("the allies' spending": "the allies")
                return None, " ".join(ctx.article.text[owner.left_edge.idx:owner.idx + len(owner)].split())
            node = owner
            continue
        thing = next((target for child in node.children if child.dep_ == "prep" and child.lower_ in rules.change_preps
                      for target in child.children if target.dep_ == "pobj" and target.pos_ == "NOUN"
                      and not any(t.like_num for t in target.subtree)), None) if change else None
        if thing is None:
            return None
        node = thing
    return None


def direct_owner(node, ctx: ArticleContext):
    """The token naming ``node``'s owner one edge away: possessor, named compound, owner preposition's or agent's object."""
    rules, index = ctx.rules, ctx.index
    for child in node.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and index.mention_of(child) is not None):
            return child
        if (child.dep_ == "prep" and child.lower_ in rules.possessor_preps) or (child.dep_ == "agent"
                                                                                 and child.lower_ == "by"):
            target = next((t for t in child.children if t.dep_ == "pobj" and t.pos_ in {"NOUN", "PROPN"}
                           and not any(g.like_num for g in t.subtree)), None)
            if target is not None:
                return target
    return None
