"""Coordination: a name listed with names of one kind ("Luis Diaz, Alexis Mac Allister and Cody Gakpo") is of that kind."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from pipeline.stages.entities.context import ArticleContext, Mention

#: labels a list may correct: the model's guess for a capitalised name
_GUESSED = frozenset({"ORG", "GPE", "PERSON", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"})
#: labels a list may give; never a place, which takes place data ("classic films like Citizen Kane and Casablanca")
_GIVEN = frozenset({"ORG", "PERSON", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART"})


def coordinated_labels(ctx: ArticleContext, mentions: list[Mention], *,
                       first_name_opens: Callable[[str], bool],
                       unsupported: Callable[[str, str], bool],
                       role_nouns: frozenset = frozenset()) -> list[Mention]:
    """Relabel an uncued model name by the names it is coordinated with, with evidence ``coordination``.

    A list holds names of one kind, so the others' labels outvote the model's guess for
    one of them: the names whose label a cue (or the gazetteer) decided, when they agree;
    else at least two uncued names of one label. A name with a cue of its own keeps it, and
    a person's name opened by a known first name never becomes an organisation, which a
    misparsed list of titled people would make it ("Chicago Fed President Austan Goolsbee and Kansas City Fed President
    Jeffrey Schmid", where the parse coordinates the Fed with Schmid), unless ``unsupported``
    tells it ("Novo Nordisk" beside "Eli Lilly": a first name of one country's list, no surname alone).

    A pair is enough against a guess nothing supports: a person's name no first name opens
    or a place no place list knows, listed only with organisations, is one too ("Eli Lilly
    and Novo Nordisk", "strategies from Netflix and Disney"); ``unsupported(surface, label)``
    tells such a guess.

    A person's name right after a lower-case noun of ``role_nouns``, or in a list whose first name is
    ("director Libby Ewing", "forwards Youssef En-Nesyri and Ayoub El Kaabi") is the person that noun names: the list never makes it an organisation, which
    a parse that coordinates it with a film's or a club's name would (entity round 44: dev8 1310, dev10 1506); it
    keeps PERSON with evidence ``role_noun``.
    """
    by_token: dict[int, int] = {}
    spans = []
    for i, m in enumerate(mentions):
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        spans.append(span)
        if span is not None and len(span) > 0:
            by_token[span.root.i] = i
    out = list(mentions)
    for i, m in enumerate(mentions):
        span = spans[i]
        if m.evidence is not None or m.entry is not None or m.label not in _GUESSED or span is None or len(span) == 0:
            continue
        others = [mentions[by_token[t.i]] for t in span.root.conjuncts if t.i in by_token and by_token[t.i] != i]
        cued = {o.label for o in others if o.evidence is not None}
        guessed = [o.label for o in others if o.evidence is None]
        if len(cued) == 1:
            label = next(iter(cued))
        elif not cued and len(guessed) >= 2 and len(set(guessed)) == 1:
            label = guessed[0]
        elif (not cued and guessed and set(guessed) == {"ORG"} and m.label in ("PERSON", "GPE")
              and unsupported(" ".join(ctx.text[m.start:m.end].split()), m.label)):
            label = "ORG"
        else:
            continue
        if label == m.label or label not in _GIVEN:
            continue
        surface = " ".join(ctx.text[m.start:m.end].split())
        if label == "ORG" and m.label == "PERSON" and first_name_opens(surface) and not unsupported(surface, "PERSON"):
            continue
        if label == "ORG" and m.label == "PERSON" and (after_role_noun(ctx, span, role_nouns)
                                                       or after_role_noun(ctx, _first_conjunct(span, spans, by_token), role_nouns)):
            out[i] = replace(m, evidence="role_noun")
            continue
        out[i] = replace(m, label=label, evidence="coordination")
    return out


def after_role_noun(ctx: ArticleContext, span, role_nouns: frozenset) -> bool:
    """True when the word right before ``span`` is a lower-case noun naming a person's role ("director", "forwards")."""
    if span is None or span.start == 0 or not role_nouns:
        return False
    prev = ctx.doc[span.start - 1]
    return prev.is_lower and (prev.lower_ in role_nouns or prev.lemma_.casefold() in role_nouns)


def _first_conjunct(span, spans: list, by_token: dict[int, int]):
    """The span of the first name of the list ``span`` closes ("Ayoub El Kaabi" of "... El Kaabi and Youssef En-Nesyri")."""
    if span is None or len(span) == 0:
        return None
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.i == span.root.i or tok.i not in by_token:
        return None
    return spans[by_token[tok.i]]
