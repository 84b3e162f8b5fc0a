"""Clause finding: which clause of a sentence makes the claim a value belongs to, and the span of that clause."""
from __future__ import annotations

from collections.abc import Sequence

from pipeline.stages.claims.attribution import (
    is_attribution_tag,
    speaker_subject,
    speech_contents,
)
from pipeline.stages.claims.context import ArticleContext
from pipeline.stages.claims.grammar import EDGE_DEPS, PLURAL_TAGS, VERBAL, clause_head, own_subject, verb_lemma
from pipeline.stages.claims.rules import ClaimRules
from pipeline.stages.claims.words import fold


def is_comparison_term(verb, rules: ClaimRules) -> bool:
    """True for the second term of a comparison ("... in three months than NATO countries do in a year").

    It completes the claim it compares with: split off, neither half states the fact.
    """
    if verb.dep_ == "pcomp" and verb.head.lower_ in rules.comparison_words:
        return True
    return any(child.dep_ == "mark" and child.lower_ in rules.comparison_words for child in verb.children)


def is_claim_head(head, ctx: ArticleContext, quote_speaker: dict | None) -> bool:
    """True when the clause headed by ``head`` makes a claim of its own.

    The root does; a coordinated clause with its own subject does; a subordinate
    clause does when its subject names an actor ("after his CDU won 28.6% of the vote"),
    else its values belong to the clause above. A relative or participle clause never
    does: it describes a noun of the clause above ("allies such as Russia, which pumps
    half the world's oil"), and cut off it is a fragment, not a claim.
    """
    rules = ctx.rules
    if head.head.i == head.i or head.dep_ == "ROOT":
        return True
    if head.dep_ in {"relcl", "acl"}:
        return False
    subject = own_subject(head, rules)
    if subject is None or subject.dep_ == "expl":
        return False
    if is_attribution_tag(head, rules) or is_comparison_term(head, rules):
        return False
    # the absolute clause of a "with" ("..., with imports ending by June and contracts phased out
    # by December", which the tagger may read as finite): no finite verb of its own, so cut off it
    # is a fragment; its values join the clause above
    if any(c.dep_ == "mark" and c.lower_ in rules.absolute_marks for c in head.children) \
            or bare_participle(head, rules):
        return False
    if head.dep_ in rules.coordinate_deps:
        return True
    # an adverbial clause with a subject phrase of its own states its own fact ("..., while U.S.
    # futures rose 0.3%"): its values are not the main clause's
    if head.dep_ == "advcl" and subject.pos_ in {"NOUN", "PROPN"}:
        return True
    if governs_own_values(head, subject, rules):
        return True
    return ctx.coreference.resolve_subject_token(subject, head, quote_speaker) is not None


def bare_participle(head, rules: ClaimRules) -> bool:
    """True for a clause headed by a participle with no auxiliary (``participle_tags``): an absolute clause.

    "..., with BYD losing over 2 percent, and XPeng and Li Auto dropping over 1 percent" (dev10 448_), "..., with
    PIF rolling over its existing 9.9 percent stake" (dev4 329_): the parser hangs "with" as a preposition, or on
    the first of two coordinated phrases only, yet the clause has no finite verb. A conjunct shares the auxiliary
    of the clause it is coordinated with ("Stocks are rising and bonds falling"), so that one keeps its claim.
    """
    if head.tag_ not in rules.participle_tags:
        return False
    node = head
    while True:
        if any(child.dep_ in {"aux", "auxpass"} for child in node.children):
            return False
        if node.dep_ != "conj" or node.head.i == node.i:
            return True
        node = node.head


def governs_own_values(head, subject, rules: ClaimRules) -> bool:
    """True for a finite clause with a subject phrase of its own that the parser hung before a verb as its complement.

    A value belongs to the clause whose finite verb governs it. "Although global coverage rose from
    17 percent in 2000 to 76 percent in 2024, immunity gaps have fueled a resurgence" (the parser
    may hang "rose" on "fueled" as its complement when "Although" is lost): the figures are the
    coverage's, not the gaps'. English puts a verb's complement after it, so one before it, set off
    by a comma, is a clause of its own; a quotation before a verb of saying, thinking or showing
    ("“Prices rose 5%,” analysts estimate") is what is reported, and a complement after its verb
    ("In 2025, the study found prices rose 5%") is the content of the claim. A pronoun subject
    ("it", "they") is left to coreference.
    """
    if head.dep_ != "ccomp" or subject.pos_ not in {"NOUN", "PROPN"} or head.head.pos_ not in VERBAL \
            or head.i > head.head.i or head.right_edge.i + 1 >= len(head.doc) \
            or head.doc[head.right_edge.i + 1].text != ",":
        return False
    finite = head.tag_ in rules.finite_tags or any(
        child.dep_ in {"aux", "auxpass"} and child.tag_ in rules.finite_tags for child in head.children)
    above = verb_lemma(head.head, rules)
    return finite and above not in rules.speech_verbs | rules.attitude_lemmas | rules.content_verbs \
        | rules.reporting_verbs


def restated_clause(token, head, rules: ClaimRules):
    """The clause a comma-set noun phrase sums up when the parser hung the phrase on the verb above, else None.

    "Sunday's meeting comes after oil prices fell more than 18% in 2025, their steepest yearly
    drop since 2020": the phrase right after the "after" clause restates that clause's fact (the
    fall was the steepest drop since 2020), so its values are that clause's, not the meeting's.
    The phrase's own possessive pronoun tells whose fact it sums up: it must agree in number with
    the clause's subject ("their": "oil prices") and not with ``head``'s ("Shares rose 4% after
    the firm posted a profit, their best day since 2019" stays the shares'). A phrase without
    one, or with no clause before its comma ("The bank cut rates, its first cut since 2020"),
    stays the verb's.
    """
    node = token
    while node.head.i != head.i:
        if node.head.i == node.i:
            return None
        node = node.head
    if node.dep_ not in rules.restating_deps or node.i < head.i or node.left_edge.i < 1:
        return None
    comma = node.left_edge.i - 1
    owner = next((child for child in node.children if child.dep_ == "poss"
                  and child.lower_ in rules.group_pronouns | rules.thing_pronouns), None)
    if node.doc[comma].text != "," or owner is None:
        return None
    plural = owner.lower_ in rules.group_pronouns
    for clause in head.children:
        if head.i < clause.i < node.i and clause.right_edge.i in (comma - 1, comma) and clause.pos_ in VERBAL \
                and clause.dep_ in rules.clause_deps:
            subject, main_subject = own_subject(clause, rules), own_subject(head, rules)
            if subject is not None and (subject.tag_ in PLURAL_TAGS) is plural and (
                    main_subject is None or (main_subject.tag_ in PLURAL_TAGS) is not plural):
                return clause
    return None


def claim_head(token, ctx: ArticleContext, quote_speaker: dict | None, inside: frozenset[int] = frozenset()):
    """The head of the claim a value token belongs to (see ``is_claim_head``; ``restated_clause``).

    ``inside``: the indices of the sentence's value tokens. A verb among them is a word of a
    value the tagger misread ("posted 43.53 trillion won in operating profit and 332.8 trillion
    won in revenue": the currency read as the verb "win"), so it heads no clause of its own.
    """
    head = clause_head(token, ctx.rules)
    head = restated_clause(token, head, ctx.rules) or head
    while (head.i in inside and head.head.i != head.i and head.dep_ != "ROOT") \
            or not is_claim_head(head, ctx, quote_speaker):
        above = clause_head(head.head, ctx.rules)
        head = (bare_participle(head, ctx.rules) and nearer_clause(above, head, ctx, quote_speaker)) or above
    return head


def in_bare_participle(token, head, rules: ClaimRules) -> bool:
    """True when ``token`` sits in an absolute clause (``bare_participle``) below the claim ``head``: the row names
    the evidence ``absolute_clause`` (claims round 42)."""
    node = token
    while node.i != head.i and node.head.i != node.i:
        if node.pos_ in VERBAL and bare_participle(node, rules) and own_subject(node, rules) is not None:
            return True
        node = node.head
    return False


def nearer_clause(above, participle, ctx: ArticleContext, quote_speaker: dict | None):
    """The last claim clause that ends between ``above`` and an absolute ``participle`` clause, else None.

    "Some financial shares also lost ground, ..., while shares of auto firms were also under pressure, with BYD
    losing over 2 percent" (dev10 448_): an absolute clause tells the figures of the clause right before it, which
    the parser may skip when it hangs the "with" on the sentence's root.
    """
    found = None
    for token in above.doc[above.i + 1:participle.left_edge.i]:
        if token.pos_ in VERBAL and token.dep_ in ctx.rules.clause_deps and token.right_edge.i < participle.left_edge.i \
                and token.left_edge.i > above.i and not bare_participle(token, ctx.rules) \
                and is_claim_head(token, ctx, quote_speaker):
            found = token
    return found


def value_start(row: dict, token, offset: int) -> int:
    """The index of a value's first token (``row``: a value with source offsets; ``token``: its head; ``offset``:
    the article's start in its source)."""
    first = token.i
    while first > 0 and token.doc[first - 1].idx + offset >= row["start"]:
        first -= 1
    return first


def claim_groups(values: Sequence[tuple[dict, object]], ctx: ArticleContext,
                 quote_speaker: dict | None) -> list[tuple[object, list[tuple[dict, object]]]]:
    """The claims of one sentence: (claim head, its values) in the heads' order, from its (value, token) pairs.

    Values that share a claim head form one claim. A claim of weak dates alone
    ("will now take place") is none.
    """
    rules = ctx.rules
    groups: dict[int, list[tuple[dict, object]]] = {}
    heads: dict[int, object] = {}
    inside = frozenset(i for row, token in values
                       for i in range(value_start(row, token, ctx.article.start), row["last"] + 1))
    for row, token in values:
        head = claim_head(token, ctx, quote_speaker, inside)
        groups.setdefault(head.i, []).append((row, token))
        heads[head.i] = head
    for key in list(groups):
        # the date of saying belongs to what was said when that is a claim of its own:
        # "“We need 300,000 troops,” Rutte told reporters on Thursday" is one claim
        if speaker_subject(heads[key], rules) is None:
            continue
        content = next((c for c in speech_contents(heads[key], rules) if c.i in groups), None)
        if content is not None:
            groups[content.i].extend(groups.pop(key))
    for key in list(groups):
        if all("date_id" in row and fold(row["text"]) in rules.weak_dates for row, _ in groups[key]):
            del groups[key]
    return [(heads[i], groups[i]) for i in sorted(groups)]



def frames_claim(head, heads: Sequence) -> bool:
    """True when nothing follows ``head``'s verb in its clause but the clausal complement another claim heads.

    "Preliminary results show [the ruling party has won ...]", "The agreement, which was first
    announced back in March, will see [the K2s will be delivered ...]": the verb only frames
    that claim, and cut from it states nothing of its own (its figures, in a relative clause or
    a dateline, are accounted for but not linked).
    """
    others = {other.i for other in heads if other.i != head.i}
    after = [child for child in head.children if child.i > head.i and child.dep_ not in EDGE_DEPS]
    return bool(after) and all(child.dep_ == "ccomp" and child.i in others for child in after)


def times_claim(head, heads: Sequence, group: Sequence[tuple[dict, object]], rules: ClaimRules, offset: int) -> bool:
    """True when ``head`` is a light or finding verb whose clause holds only its subject, a time and another claim's clause.

    A time is a date's words, or a preposition governing nothing but them ("showed on Monday").

    "The conviction yesterday came [when Justices ... voted to find Bolsonaro guilty ...]" (dev8 410_),
    "[Japan's exports ... dropped 13.8 percent ...], government data showed Wednesday." (dev10 447_): the verb
    places the other claim in time or reports it, and cut from it states nothing but a date (a report's release
    date is not the reported fact's). Its values (dates, or figures inside its own subject) are accounted for but
    not linked. A verb with an object, a complement or a phrase of its own ("Shares rose on Tuesday as ...",
    "The Fed cut rates Wednesday when ...") is left alone, as is any other verb ("Shares rose Tuesday as ...").
    """
    if verb_lemma(head, rules) not in rules.light_verbs | rules.content_verbs | rules.finding_verbs:
        return False
    others = {other.i for other in heads if other.i != head.i}
    subject = own_subject(head, rules)
    subject_span = range(subject.left_edge.i, subject.right_edge.i + 1) if subject is not None else range(0)
    dates = set()
    for row, token in group:
        tokens = range(value_start(row, token, offset), row["last"] + 1)
        if "date_id" in row:
            dates.update(tokens)
        elif not all(i in subject_span for i in tokens):
            return False
    clauses = [child for child in head.children if child.i in others and child.dep_ in {"ccomp", "advcl"}]
    rest = [child for child in head.children
            if child.dep_ not in EDGE_DEPS and child not in clauses and child.dep_ not in {"nsubj", "nsubjpass", "aux"}
            and not all(t.i in dates for t in child.subtree if not (t.i == child.i and child.dep_ == "prep"))]
    return bool(clauses) and not rest


def clause_range(head, sent, heads: Sequence, value_tokens: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """Token range of one claim's clause when a sentence holds several claims.

    The head's subtree (the whole sentence for the root), minus the other claims'
    clauses inside it: of the pieces left, the one holding the head. Leading and
    trailing conjunctions, subordinators and punctuation are shed.
    """
    doc = head.doc
    if head.i == sent.root.i or head.dep_ == "ROOT":
        low, high = sent.start, sent.end
    else:
        low, high = head.left_edge.i, head.right_edge.i + 1
    whole_low = low
    cuts = []
    for other in heads:
        if other.i == head.i:
            continue
        o_low, o_high = other.left_edge.i, other.right_edge.i + 1
        if o_low <= head.i < o_high or not (low <= o_low and o_high <= high):
            continue
        cuts.append(o_high)
        if o_high <= head.i:
            low = max(low, o_high)
        else:
            high = min(high, o_low)
    for first, last in value_tokens:
        if first < low:
            # a value left of the head's piece, cut off from it by another claim's clause ("the trade deficit
            # grew by 26.16 per cent [as exports decreased ...], it added"): the row starts where the value's
            # own piece starts, not at the value's first word, which leaves its clause's subject out
            first = max([whole_low, *(cut for cut in cuts if cut <= first)])
        low, high = min(low, first), max(high, last)
    while low < high - 1 and (doc[low].dep_ in EDGE_DEPS or doc[low].is_space) and doc[low].i != head.i \
            and not any(first == low for first, _ in value_tokens):
        low += 1
    while high - 1 > low and high < sent.end and (doc[high - 1].dep_ in EDGE_DEPS or doc[high - 1].is_space) \
            and doc[high - 1].i != head.i and not any(last == high for _, last in value_tokens):
        high -= 1
    return low, high


def scoping_dates(claims: Sequence[tuple[object, list[tuple[dict, object]]]], sent, rules: ClaimRules) -> list[dict]:
    """The dates that scope a whole sentence of several claims: a fronted time phrase of its main clause.

    "During 2025, the CAC 40 has climbed 10% while the DAX 40 is up 22%": the phrase set off
    by a comma before the main clause's subject places every clause after it, though the parse
    hangs it on the main verb alone. A date inside a clause ("..., which was announced in
    March, ...") or after the subject ("The CAC 40 climbed 10% in 2025 while ...") places its
    own clause only.
    """
    if len(claims) < 2:
        return []
    root = sent.root
    subject = own_subject(root, rules)
    if subject is None:
        return []
    doc = root.doc
    found = []
    for head, group in claims:
        if head.i != root.i:
            continue
        for row, token in group:
            if "date_id" not in row:
                continue
            node = token
            while node.head.i != root.i and node.head.i != node.i and node.pos_ not in VERBAL:
                node = node.head
            after = node.right_edge.i + 1
            if node.head.i == root.i and node.pos_ not in VERBAL and node.dep_ in rules.scoping_deps \
                    and after < subject.left_edge.i and doc[after].text == ",":
                found.append(row)
    return found


def share_scoping_dates(rows: list[dict], dates: Sequence[dict]) -> None:
    """Link the sentence's scoping ``dates`` (``scoping_dates``) to each of its claim rows that states no date of its own.

    A clause with a time of its own ("During 2025, X climbed 10% while in 2024 Y fell") keeps it alone.
    """
    for row in rows:
        if not row["date_ids"]:
            row["date_ids"] = [date["date_id"] for date in dates]
