"""Filters: sentences that state nothing (headings, questions) and clauses that judge or suppose rather than assert."""
from __future__ import annotations

from collections.abc import Sequence

from pipeline.stages.claims.grammar import NOMINAL, VERBAL, verb_lemma
from pipeline.stages.claims.index import ArticleIndex
from pipeline.stages.claims.rules import ClaimRules
from pipeline.stages.claims.words import apostrophe, digit_ordinal


def body_start(text: str, rules: ClaimRules) -> int:
    """Where the first line ending in final punctuation ends: the lines before it are headings."""
    at = 0
    for line in text.splitlines(keepends=True):
        at += len(line)
        if line.strip() and line.rstrip().rstrip("”\"’')]»")[-1:] in rules.final_punctuation:
            return at
    return len(text)


def is_headline(sent, text: str, rules: ClaimRules, first_body: int | None = None) -> bool:
    """True for a short line of its own without final punctuation: a headline or section title.

    News headlines are often in sentence case ("Nato leaders commit to invest 5% GDP
    by 2035"), so capitals cannot tell them; standing alone on a line unpunctuated can.
    """
    words = text[sent.start_char:sent.end_char]
    # the sentence without the line breaks the parser may have attached to either end
    start = sent.start_char + len(words) - len(words.lstrip())
    end = sent.start_char + len(words.rstrip())
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False
    stripped = text[start:end].rstrip().rstrip("”\"’')]»")
    if not stripped or stripped[-1] in rules.final_punctuation:
        return False
    # every unpunctuated line before the article's first punctuated one (``body_start``) is
    # its headline, kicker or standfirst, however long ("Dow gains almost 500 points, ..."),
    # unless it tells a past event in a lead's words (``tells_lead``)
    if line_start < (body_start(text, rules) if first_body is None else first_body):
        return not tells_lead(sent, rules)
    return sum(1 for token in sent if token.is_alpha) <= rules.heading_max_words


def tells_lead(sent, rules: ClaimRules) -> bool:
    """True for an unpunctuated opening line that is the article's lead, not its headline.

    Headlines tell news in the present tense and in few words ("Dow gains almost 500 points, S&P 500
    ends shy of record high ...", "Inflation eased slightly in January but remained well above the Fed's
    target"); a lead whose final full stop the page lost tells it in the past tense, at more than
    ``heading_max_words`` words, in sentence case: "Dubai International Airport welcomed a record 46 million
    passengers in the first half of this year, authorities said on Tuesday, ..." (dev9 430_), "NEW YORK >> The
    Dow and S&P 500 indexes ended higher today, ..." (dev6 375_). A standfirst in the present perfect ("According
    to Copernicus and ECMWF, the past three years have averaged above ...", dev 022_) stays a heading.
    """
    words = [token for token in sent if token.is_alpha]
    if len(words) <= rules.heading_max_words:
        return False
    if sum(1 for token in words if token.text[0].isupper()) / len(words) >= rules.heading_title_share:
        return False
    return sent.root.tag_ == "VBD"


def headings_end(sentences: Sequence, text: str, rules: ClaimRules) -> int:
    """Where an article's leading headings end: its opening sentences that are headlines (``is_headline``).

    The headline, kicker and standfirst make no claim. 0 when the article opens with a
    sentence, as a hard-wrapped text whose first line breaks mid-sentence does.
    """
    first_body = body_start(text, rules)
    end = 0
    for sent in sentences:
        if sent.start_char >= first_body or not is_headline(sent, text, rules, first_body):
            break
        end = sent.end_char
    return end


def is_data_line(sent, values: Sequence[tuple[dict, object]], rules: ClaimRules) -> bool:
    """True for a verbless sentence that still states figures: "Israel ($46.5 billion, up 65%)."

    Data-heavy news lists figures with the verb left out ("In 2022 — $65 billion.",
    "China: the second-largest spender ($314 billion, up 7%)."). Such a line is one claim
    when it ends like a sentence (a heading does not, nor a line opening a list: "NATO 5%
    Defence Spending Target:") and states a quantity: a date alone ("Source: SIPRI,
    2024.") is a credit, not a fact.
    """
    if not any("quantity_id" in row for row, _ in values):
        return False
    stripped = sent.text.rstrip().rstrip("”\"’')]»")
    return bool(stripped) and stripped[-1] in rules.final_punctuation and stripped[-1] not in rules.question_marks \
        and stripped[-1] not in rules.list_openers and not any(token.tag_ in rules.finite_tags for token in sent)


def states_nothing(sent, rules: ClaimRules) -> bool:
    """True for headings, fragments and questions: sentences that assert no checkable fact.

    A heading has no finite verb ("Background", "Sunday, February 01, 2026"), or is a
    short title-case line without final punctuation ("UK and EU Resume Defence Talks").
    """
    # a word that is not nominal and has a subject heads a clause, whatever its tag: the tagger
    # reads "The authors ... raise" as VB and "that is 80 billion euros" with "is" as an adverb
    if not any(token.tag_ in rules.finite_tags
               or (token.pos_ not in NOMINAL and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children))
               for token in sent):
        return True
    words = [token for token in sent if token.is_alpha]
    text = sent.text.rstrip()
    stripped = text.rstrip("”\"’')]»")
    if stripped and stripped[-1] in rules.question_marks:
        return True
    ends = bool(stripped) and stripped[-1] in rules.final_punctuation
    if not ends and words and len(words) <= rules.heading_max_words:
        capitalised = sum(1 for token in words if token.text[0].isupper())
        if capitalised / len(words) >= rules.heading_title_share:
            return True
    return False


def asserts_fact(verb, index: ArticleIndex, rules: ClaimRules, *, reported: bool = False) -> bool:
    """True when the clause headed by ``verb`` asserts something rather than judging or supposing it.

    ``reported``: the clause is what a speech verb reports, where "would" is the future
    seen from the past ("He confirmed that changes would be made"), not a supposition.
    """
    modals = rules.hypothetical_modals - rules.reported_modals if reported else rules.hypothetical_modals
    if verb.pos_ not in VERBAL or index.quote_at(verb.idx) is not None:
        return False
    lemma = verb_lemma(verb, rules)
    if lemma in rules.attitude_lemmas:
        return False
    children = list(verb.children)
    if any(c.dep_ == "aux" and apostrophe(c.lower_) in modals for c in children):
        return False
    # "If it goes ahead, it will allow ...": supposed, not asserted
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in rules.conditional_marks for m in c.children)
           for c in children):
        return False
    # "this is quick", "talks are proving difficult": a judgement; "it is a framework",
    # "is excluded" are facts
    if lemma in rules.copular_lemmas and any(c.dep_ == "acomp" for c in children) \
            and not any(c.dep_ in {"attr", "auxpass"} for c in children):
        return False
    # "Persuading the VVD to join will be a delicate process": what an activity is like
    if lemma in rules.copular_lemmas and any(c.dep_ in {"csubj", "csubjpass"} for c in children):
        return False
    # "France did not.", "they already did": the verb stands for one said before
    if lemma in rules.pro_verbs and not any(c.dep_ in rules.object_deps or c.dep_ in {"ccomp", "xcomp", "acomp"}
                                            for c in children):
        return False
    # "This strategy includes:": the statement is the list that follows
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.text == ":" and not any(c.dep_ in rules.object_deps for c in children):
        return False
    return True


def interprets(verb, rules: ClaimRules) -> bool:
    """True when the clause of ``verb`` reads a meaning into events rather than stating one.

    "The surge underscores the growth", "It marks the Footsie's continued strong
    performance" (``evaluative_verbs`` with a direct object and no clausal complement: "X
    signalled that it may cut" reports); "is a testament to", "comes at a pivotal time",
    "play a vital role" (a ``light_verbs`` verb whose object, complement or prepositional
    object is an ``evaluative_nouns`` noun or is described by an ``evaluative_adjectives``
    one). An object that states a record ("marks the highest costs in three decades", "the
    first time", "a record closing high": a superlative or ``record_words`` before or below
    the noun) is checkable, and so is an ordinal count ("marks the third rate cut in 2025",
    "its 24th title"). The caller keeps a clause
    that states a quantity: a compared figure is checkable.
    """
    if verb.pos_ not in VERBAL:
        return False
    lemma = verb_lemma(verb, rules)
    children = list(verb.children)
    objects = [c for c in children if c.dep_ in rules.object_deps]
    objects += [g for c in children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    # "marks the highest borrowing costs in three decades", "the first time": a record, checkable; the
    # record word may sit deeper among the words before the noun ("marked a record closing high")
    if any(c.tag_ == "JJS" or c.lower_ in rules.record_words | rules.ordinal_words or digit_ordinal(c.lower_)
           for o in objects for c in (*o.children, *o.doc[o.left_edge.i:o.i])):
        return False
    if lemma in rules.evaluative_verbs and any(c.dep_ == "dobj" for c in children) \
            and not any(c.dep_ in rules.content_deps for c in children):
        return True
    if lemma not in rules.light_verbs:
        return False
    return any(o.lemma_.lower() in rules.evaluative_nouns or o.lower_ in rules.evaluative_nouns
               or any(c.dep_ in {"amod", "compound"} and c.lower_ in rules.evaluative_adjectives for c in o.children)
               for o in objects)


def is_cleft(subject, verb, rules: ClaimRules) -> bool:
    """True for the empty "it" of a cleft or extraposition ("it was the Belgians who put it best")."""
    if subject.lower_ != "it" or verb_lemma(verb, rules) != "be":
        return False
    return any(c.dep_ in {"attr", "acomp"} and any(g.dep_ in {"relcl", "ccomp", "xcomp"} for g in c.children)
               or c.dep_ in {"ccomp", "xcomp"} for c in verb.children)


def first_person_opinion(head, rules: ClaimRules) -> bool:
    """True when the clause of ``head`` is what a speaker thinks of it ("I think it's great we made a deal today").

    A verb of attitude (``attitude_lemmas``) with a first-person subject, at or above the
    head through the clauses it governs, makes the whole an opinion, however many
    values it names.
    """
    node = head
    while True:
        if verb_lemma(node, rules) in rules.attitude_lemmas and any(
                child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ in rules.first_person_pronouns
                for child in node.children):
            return True
        if node.head.i == node.i or node.dep_ not in {"ccomp", "xcomp", "acomp", "advcl", "conj", "parataxis"}:
            return False
        node = node.head


def background_clause(head, group, index: ArticleIndex, rules: ClaimRules) -> bool:
    """True for a clause of circumstance cut from a sentence, about a generic crowd or mood, stating only a time.

    "Oil prices eased on Tuesday as market participants considered a decision due later this
    week", "heading for an annual loss as concerns grow over oversupply in a year marked by
    wars": the clause sets the scene of the one above and asserts nothing checkable of its own
    (its time dates the mood, not a fact). Its subject is a bare noun phrase (no article,
    possessive or number: "investors", "concerns") naming no entity and no measured thing
    (``owned_nouns``: "as oil prices fell on Friday"), and its verb is no movement
    (``change_nouns`` read as verbs: "as yields rose on Friday"), finding or statement ("as data
    showed ..."). It runs alongside the clause above (``scene_marks``: "as"; "after data showed
    inflation slowed in March" orders events). A specific thing ("as the dollar weakened on
    Friday"), one stating a quantity, or one whose subject names an actor (a name, a pronoun,
    "the company") still makes a claim; the clause is still cut from the one above.
    """
    if head.dep_ != "advcl" or any("quantity_id" in row for row, _ in group):
        return False
    if not any(c.dep_ == "mark" and c.lower_ in rules.scene_marks for c in head.children):
        return False
    subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    # a movement ("as yields rose on Friday") or a finding or statement ("as data showed ...") is a fact
    if subject is None or subject.pos_ != "NOUN" or verb_lemma(head, rules) in \
            rules.change_nouns | rules.content_verbs | rules.speech_verbs:
        return False
    lemma = subject.lemma_.lower()
    if lemma in rules.description_nouns or lemma in rules.owned_nouns \
            or any(c.dep_ in {"det", "poss", "nummod"} for c in subject.children):
        return False
    first, last = head.doc[subject.left_edge.i], head.doc[subject.right_edge.i]
    return not index.mentions_in(first.idx, last.idx + len(last.text))
