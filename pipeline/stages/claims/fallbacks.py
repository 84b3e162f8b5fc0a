"""Subjects beyond the clause's own: nearby names, described quantities, joint objects, phrase words, the topic."""
from __future__ import annotations

from collections.abc import Sequence

from pipeline.core.article import Article
from pipeline.stages.claims.attribution import speaker_subject, speech_contents
from pipeline.stages.claims.brackets import bracket_start
from pipeline.stages.claims.context import ArticleContext
from pipeline.stages.claims.coreference import lists_members
from pipeline.stages.claims.filters import states_nothing
from pipeline.stages.claims.grammar import is_pronoun, own_clause, subject_of, tree_distance
from pipeline.stages.claims.rules import ClaimRules
from pipeline.stages.claims.words import fold, name_words


def nearest_name(verb, ctx: ArticleContext, subject_tokens: set[int], speaker_ids: set[str]) -> dict | None:
    """The nearest name in ``verb``'s clause, outside the subject phrases already tried and the speakers.

    Only a few edges from the verb (``nearest_depth``): deeper names, and names behind
    a side preposition, are side actors.
    """
    rules, token_mention, doc = ctx.rules, ctx.index.token_mention, verb.doc
    best = None
    for i in own_clause(verb, rules):
        row = token_mention[i]
        if row is None or i in subject_tokens or row["mention_id"] in speaker_ids:
            continue
        key = (tree_distance(verb, doc[i]), abs(i - verb.i))
        if key[0] > rules.nearest_depth or behind_side_preposition(doc[i], verb, rules):
            continue
        if best is None or key < best[0]:
            best = (key, row)
    return best[1] if best is not None else None


def behind_side_preposition(token, head, rules: ClaimRules) -> bool:
    """True when ``token`` hangs below ``head`` through a preposition of ``side_preps``.

    A name "despite resistance from Spain" or "to keep up with Russia's pace" is a side
    actor of the clause, never what its claim is about.
    """
    node = token
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in rules.side_preps:
            return True
        node = node.head
    return False


def described(group: list[tuple[dict, object]], ctx: ArticleContext, quote_speaker: dict | None) -> dict | None:
    """The entity a claim's quantity is about: "one exception in Hungary's Viktor Orban", "27 EU leaders"."""
    for row, token in group:
        if "quantity_id" in row and not lists_members(token):
            found = ctx.coreference.resolve_phrase(token, quote_speaker, preps=ctx.rules.described_preps)
            if found is not None:
                return found
    return None


def joint_object(subject, verb, ctx: ArticleContext) -> dict | None:
    """The named thing several named parties act on together, or None.

    "The EU and the UK concluded a Security and Defence Partnership on 19 May" is a
    fact about the partnership: with a coordination of names as subject, no one party
    is what the claim is about, while the named agreement, event or body they make,
    sign or join is. Only names whose label is in ``joint_object_labels`` count: "the
    EU and the UK discussed Ukraine" stays about the EU.
    """
    rules, index = ctx.rules, ctx.index
    if not rules.joint_object_labels or not any(
            child.dep_ == "conj" and index.mention_of(child) is not None for child in subject.children):
        return None
    for child in verb.children:
        if child.dep_ == "dobj":
            row = index.mention_of(child)
            if row is not None and row["label"] in rules.joint_object_labels:
                return row
    return None


def phrase_text(token, article: Article, chunk_of: Sequence[tuple[int, int] | None], *,
                skip: frozenset[int] = frozenset()) -> str | None:
    """The words of the subject phrase: its noun chunk ("All 27 EU leaders"), a clausal subject whole.

    ``chunk_of`` maps a token to its noun chunk (``ArticleIndex.chunk_of``). None for
    pronouns, which say nothing without their antecedent. ``skip``: tokens that are no
    words of any phrase (a dateline the parser joined to it: "GENEVA - Measles vaccination rates").
    """
    if token.pos_ == "PRON":
        return None
    if token.dep_ in {"csubj", "csubjpass"}:
        first, last = token.left_edge, token.right_edge
    else:
        doc = token.doc
        bounds = chunk_of[token.i]
        # no noun chunk ("€218 billion is earmarked"): the words before the head that hang on it
        first, last = (doc[bounds[0]], doc[bounds[1] - 1]) if bounds is not None else (token.left_edge, token)
        # a bracket the parser cut the phrase at ("The personal consumption expenditures (PCE) price index")
        first = bracket_start(token) or first
    doc = token.doc
    while first.i in skip and first.i < last.i:
        first = doc[first.i + 1]
    # a word the tokenizer cut at a hyphen ("sub-themes") stays whole
    while last.i + 1 < len(doc) and not last.whitespace_ and (doc[last.i + 1].is_alpha or doc[last.i + 1].text == "-"):
        last = doc[last.i + 1]
    # a number that ends a name the parser hung on it stays with it ("the CAC 40", "FTSE 250")
    while last.i + 1 < len(doc) and doc[last.i + 1].like_num and doc[last.i + 1].head.i in range(first.i, last.i + 1) \
            and doc[last.i + 1].dep_ in {"nummod", "compound", "appos", "npadvmod"}:
        last = doc[last.i + 1]
    text = " ".join(article.text[first.idx:last.idx + len(last)].split())
    # a list's bullet ("- Finance at scale: ...") is layout, not words of the phrase
    text = text.lstrip("-–—•*·▪► ").strip()
    return text or None


def article_topic(ctx: ArticleContext, sentences: Sequence) -> dict | None:
    """What the article is about: the named subject of its lead sentence (None when it has none).

    Only the lead counts: news puts the main actor there, while a later sentence's
    subject is as likely a side actor.
    """
    rules = ctx.rules
    for sent in sentences:
        if ctx.article.is_boilerplate(sent.start_char) or states_nothing(sent, rules):
            continue
        head = sent.root
        if speaker_subject(head, rules) is not None:
            head = speech_contents(head, rules)[0]
        subject = subject_of(head, rules)
        if subject is None or is_pronoun(subject, rules) or ctx.index.quote_at(subject.idx) is not None:
            return None
        return ctx.coreference.resolve_phrase(subject, None)
    return None


def named_lately(ctx: ArticleContext, row: dict, token, reach: int | None = None) -> bool:
    """True when the entity of ``row`` is named in ``token``'s sentence or the ``reach`` before it.

    ``reach`` defaults to ``topic_reach``.

    A name counts when it has the same label and the same text, or shares a word
    of four letters or more with ``row`` ("Biden" for "Joe Biden"), so the
    article's topic stays what a nameless sentence is about only while the text
    keeps naming it.
    """
    index = ctx.index
    position = index.sentence_of[token.i]
    low = index.sentence_chars[max(0, position - (ctx.rules.topic_reach if reach is None else reach))]
    high = index.sentences[position].end_char
    folded, words = fold(row["text"]), name_words(row["text"])
    for other in index.mentions_in(low, high):
        if other["label"] != row["label"] or index.in_boilerplate(other["start"] - ctx.article.start):
            continue
        if fold(other["text"]) == folded or words & name_words(other["text"]):
            return True
    return False
