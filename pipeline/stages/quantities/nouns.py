"""Counted nouns: what a bare number counts ("27 member states", "dozens of civilians", "five of the drones")."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from pipeline.stages.quantities.lexicon import DASHES, Lexicon
from pipeline.stages.quantities.operands import Quantity, unit_after
from pipeline.stages.quantities.view import TokenView, normalise_space


def complete(view: TokenView, q: Quantity) -> Quantity:
    """Add the unit written after a number, or else its counted noun."""
    q = unit_after(view, q)
    return q if q.kind or q.drop else attach_noun(view, q)


def attach_noun(view: TokenView, q: Quantity) -> Quantity:
    """Attach the counted noun ("27 member states", "dozens of civilians", "five of the drones")."""
    j = q.end
    if view.lower(j) == "of":
        return _of_phrase(view, q, j)
    head = _head_noun(view, q, j)
    if head is None:
        return q
    if view.doc[head].lower_ in view.lex.noun_stoplist:
        return q
    if view.doc[head].lower_ in view.lex.number_named_heads and q.low != 1:
        return replace(q, drop=True)  # "the FTSE 100 stock market index": the number names it
    if _is_time_word(view, head):
        return replace(q, drop=True)  # "the next two weeks": a duration
    # "26 players-- a record": the tokenizer keeps a dash glued after the noun; it stays outside the span
    noun = view.doc[head].text
    trim = len(noun) - len(noun.rstrip(DASHES)) if noun.rstrip(DASHES) else 0
    unit = _unit_text(view, j, head)
    return replace(q, end=head + 1, kind="count", unit=unit[:len(unit) - trim], unit_rule="counted_noun", trim=trim)


def _unit_text(view: TokenView, first: int, head: int) -> str:
    """The counted noun as written, plural kept: the head with the common nouns compounded
    before it ("member states", "sub-themes"), without adjectives or names ("EU leaders")."""
    doc = view.doc
    start = head
    title = doc[head].pos_ == "PROPN"  # "27 Member States": its title-case compounds too
    while start > first and (
        doc[start - 1].pos_ in view.lex.unit_pos
        or (doc[start - 1].text in DASHES and view.glued(start - 2) and view.glued(start - 1))
        or (title and doc[start - 1].dep_ == "compound" and doc[start - 1].text.istitle())
    ):
        start -= 1
    while start < head and doc[start].text in DASHES:
        start += 1
    return normalise_space(doc[start:head + 1].text)


def _is_time_word(view: TokenView, k: int) -> bool:
    """True when token k names a unit of time ("weeks", "decade")."""
    t = view.doc[k]
    for key in (t.lower_, t.lemma_.lower()):
        hit = view.lex.suffix_phrases.get(key)
        if hit and hit[0] == "time":
            return True
    return False


def _head_noun(view: TokenView, q: Quantity, j: int) -> int | None:
    """Index of the counted noun after the number, or None when nothing countable follows."""
    lex = view.lex
    doc = view.doc
    limit = min(view.n, j + lex.max_gap + 1)

    def allowed(k: int) -> bool:
        t = doc[k]
        if k > j and t.is_sent_start:
            return False
        if t.text in DASHES:
            return view.glued(k - 1) and view.glued(k) and k > j
        if any(c.isdigit() for c in t.text):
            # a model or code name between number and noun: "12 F-16 jets", "two new 737 Max jets"
            return any(c.isalpha() for c in t.text) or (k + 1 < limit and doc[k + 1].text[:1].isupper())
        if t.pos_ == "VERB":
            # a participle modifying a noun ahead ("25 newly trained soldiers"), not one
            # heading its own clause ("nine dead following strikes")
            return (t.tag_ in ("VBN", "VBG") and k + 1 < view.n and doc[k + 1].pos_ in lex.noun_pos | {"ADJ"}
                    and t.head.i > k)
        return t.pos_ in lex.modifier_pos

    def is_noun(k: int) -> bool:
        t = doc[k]
        return (t.pos_ in lex.noun_pos or t.tag_ in lex.noun_tags or _invariant_title(t, lex)) and not any(
            c.isdigit() for c in t.text)

    number = doc[q.num_end - 1]
    head = number.head.i
    if j <= head < limit and (is_noun(head) or _plural_title(number, lex)) and all(
        allowed(k) for k in range(j, head + 1)
    ):
        return _compound_end(view, head)
    k = j
    while k < limit and allowed(k):
        if is_noun(k):
            nxt = k + 1
            if nxt < view.n and (
                (doc[nxt].pos_ in lex.noun_pos and allowed(nxt) and nxt < limit and doc[nxt].tag_ != "NNP")
                or (doc[nxt].text in DASHES and allowed(nxt))
            ):
                k += 1
                continue
            return k
        k += 1
    return None


def _plural_title(number: Token, lex: Lexicon) -> bool:
    """True when the number counts a capitalised plural the tagger calls a name: "the 27
    Member States", "all 32 Allies" (the number modifies it; a name's number follows it)."""
    head = number.head
    return (number.dep_ in lex.count_deps and head.pos_ == "PROPN" and head.text[:1].isupper()
            and head.text.endswith(lex.plural_suffixes) and not head.text.endswith(lex.plural_exceptions))


def _invariant_title(t: Token, lex: Lexicon) -> bool:
    """True for a capitalised plural without a plural ending the tagger calls a name ("97 Light
    Combat Aircraft"): a counted noun, as "27 Member States" is."""
    return t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ in lex.invariant_plurals


def _compound_end(view: TokenView, head: int) -> int:
    """Move a head that is only the first part of a compound to its end ("sub-themes")."""
    doc = view.doc
    while head + 2 < view.n:
        if doc[head + 1].text in DASHES and view.glued(head) and view.glued(head + 1) and doc[head + 2].is_alpha:
            head += 2
        elif doc[head].dep_ == "compound" and doc[head].head.i == head + 1 and doc[head + 1].pos_ in view.lex.noun_pos:
            head += 1
        else:
            break
    return head


def _of_phrase(view: TokenView, q: Quantity, j: int) -> Quantity:
    """ "dozens of civilians", "millions of euros", "five of the drones", "one of" (pronoun)."""
    lex = view.lex
    if not q.vague:
        if q.words and q.low == 1:
            return replace(q, drop=True)  # "one of those instruments": a pronoun
        k = j + 1
        if view.lower(k) not in lex.partitive_determiners:
            return q
        if view.doc[k].pos_ == "PRON":
            return replace(q, kind="count")
        first = k + 2 if view.doc[k + 1].like_num else k + 1  # "2,500 of the 5,000 troops"
        if view.tok(first + 1) is not None and view.doc[first + 1].tag_ in lex.possessive_tags:
            first += 2  # "two of the world's largest economies": the economies are counted, not the world
        head = _head_noun(view, q, first) if first < view.n else None
        if head is None:
            return q
        return replace(q, kind="count", unit=_unit_text(view, first, head), unit_rule="counted_noun")
    # vague: "tens of thousands of people", "hundreds of millions of dollars"
    k = j
    while view.lower(k) == "of" and (view.lower(k + 1) in lex.vague or view.lower(k + 1) in lex.magnitude_words):
        k += 2
    end = k
    if view.lower(k) == "of":
        hit = view.suffix_at(k + 1)
        if hit and hit[0] == "currency":
            rule = "iso_code" if view.doc[k + 1].text in lex.codes else "currency_word"
            return replace(q, end=k + 1 + hit[2], kind="money", unit=hit[1], unit_rule=rule)
        if hit and hit[0] == "time":
            return replace(q, drop=True)  # "hundreds of years"
        head = _head_noun(view, q, k + 1)
        if head is not None and view.lower(head) not in lex.noun_stoplist:
            return replace(q, end=head + 1, kind="count", unit=_unit_text(view, k + 1, head),
                           unit_rule="counted_noun")
    return replace(q, end=end)
