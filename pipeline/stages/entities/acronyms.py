"""Acronym definitions: "Long Name (ACR)" and "(Long Name – ACR)" as mentions; "photovoltaic (PV)" as jargon."""
from __future__ import annotations

import re

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.trimming import trim
from pipeline.stages.reconcile import GazetteerEntry, acronym_matches, fold_whitespace

_BRACKETED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]*[A-Z][A-Za-z]*)\s*\)")
# "(Common Agricultural Policy – CAP)": the long form and its acronym inside one bracket
# an acronym in brackets right after words in lower case ("medium-altitude long-endurance (MALE)";
# the first may open a sentence: "Real internal growth (RIG)")
_LOWER_DEFINITION = re.compile(r"((?<![\w-])(?:[A-Za-z][a-z-]*[^\S\n]+)?(?:[a-z][a-z-]*[^\S\n]+){0,4}[a-z][a-z-]*[a-z])[^\S\n]*\(\s*([A-Z][A-Za-z0-9&]*[A-Z])s?\s*\)")
_BRACKET_AFTER = re.compile(r"[^\S\n]*\(\s*([A-Z][A-Za-z0-9&]*[A-Z])s?\s*\)")
_DASHED_DEFINITION = re.compile(r"\(\s*([A-Z][^()\n]{2,80}?)\s+[–—-]\s+([A-Z][A-Za-z0-9&]*[A-Z][A-Za-z]*)\s*\)")


def acronym_definitions(ctx: ArticleContext, mentions: list[Mention], fillers: frozenset,
                        by_surface: dict[str, GazetteerEntry], *,
                        possessives: frozenset = frozenset()) -> list[tuple[Mention, Mention]]:
    """"Long Name (ACR)" and "(Long Name – ACR)": the long form and the acronym, both as mentions."""
    text = ctx.text
    existing = {(m.start, m.end): m for m in mentions}
    out = []
    for g in _BRACKETED_ACRONYM.finditer(text):
        acronym = g.group(1)
        long_span = _long_form(text, g.start(), acronym, fillers, possessives)
        if long_span is None:
            continue
        l_start, l_end = long_span
        long_text = fold_whitespace(text[l_start:l_end])
        known = by_surface.get(acronym) or by_surface.get(long_text)
        if known is None and not any(w[:1].isupper() for w in long_text.split(" ")):
            continue  # "small and medium-sized enterprises (SMEs)": not a name
        label = "ORG"
        for key in ((g.start(1), g.end(1)), (l_start, l_end)):
            if key in existing:
                label = existing[key].label
        if known is not None:
            label = known.label
        out.append((Mention(l_start, l_end, label, "rule:acronym"),
                    Mention(g.start(1), g.end(1), label, "rule:acronym")))
    for g in _DASHED_DEFINITION.finditer(text):
        l_start, l_end = trim(text, g.start(1), g.end(1))
        long_text, acronym = fold_whitespace(text[l_start:l_end]), g.group(2)
        if not acronym_matches(acronym, long_text, fillers):
            continue
        known = by_surface.get(acronym) or by_surface.get(long_text)
        label = known.label if known is not None else next(
            (existing[key].label for key in ((l_start, l_end), (g.start(2), g.end(2))) if key in existing), "ORG")
        out.append((Mention(l_start, l_end, label, "rule:acronym"),
                    Mention(g.start(2), g.end(2), label, "rule:acronym")))
    return out


def _long_form(text: str, paren: int, acronym: str, fillers: frozenset,
               possessives: frozenset = frozenset()) -> tuple[int, int] | None:
    """The words right before "(ACR)" that the acronym abbreviates, as a char range.

    The longest run of words ending at the bracket that ``acronym_matches`` accepts and
    that does not start with a function word ("the European Union (EU)" -> "European
    Union").
    """
    window_start = max(0, paren - 200)
    blank = text.rfind("\n\n", window_start, paren)
    if blank != -1:
        window_start = blank + 2
    chunk = text[window_start:paren]
    # stop at sentence punctuation, brackets, a blank line or a possessive (the owner is
    # not part of the name: "the EU's external action service (EEAS)"), unless the possessive
    # is a plural noun's that belongs to the name ("the People's Progressive Party (PPP)")
    words = list(re.finditer(r"[^\s]+", chunk))
    picked: list[re.Match] = []
    for w in reversed(words):
        token = w.group(0)
        if re.search(r"[.;:!?()\[\]“”\"]$", token) or (token.endswith(("’s", "'s")) and token.replace("’", "'").casefold() not in possessives) or re.search(r"[()\[\]“”\"]", token):
            break
        picked.insert(0, w)
        if len(picked) > len(acronym) + 4:
            break
    if not picked:
        return None
    best = None
    for k in range(len(picked), 0, -1):
        if picked[-k].group(0).casefold() in fillers:
            continue
        candidate = " ".join(w.group(0) for w in picked[-k:]).rstrip(",")
        if acronym_matches(acronym, candidate, fillers):
            best = (window_start + picked[-k].start(), window_start + picked[-1].end())
            break
    if best is None:
        return None
    start, end = trim(text, *best)
    return (start, end) if start < end else None


def common_acronyms(text: str, fillers: frozenset) -> frozenset[str]:
    """Acronyms the article spells out in lower-case words, a common noun phrase and never a name.

    "medium-altitude long-endurance (MALE)", "liquefied natural gas (LNG)", "photovoltaic (PV)":
    the words' initials (or one word's letters, in order) spell the acronym. "the state oil
    firm (NNPC)" spells nothing: the bracket names the firm, which stays a name.
    """
    out = set()
    for g in _LOWER_DEFINITION.finditer(text):
        words, acronym = g.group(1).split(), g.group(2)
        if any(acronym_matches(acronym, " ".join(words[k:]), fillers) for k in range(len(words) - 1)) or _letters_in(acronym, words[-1]):
            out.add(acronym)
    return frozenset(out)


def spells_common(text: str, start: int, end: int, common: frozenset[str]) -> bool:
    """True for such an acronym ("the MALE drones", "UAVs") and for the phrase right before its bracket ("Real internal growth (RIG)")."""
    surface = text[start:end]
    if surface in common or (surface.endswith("s") and surface[:-1] in common):
        return True
    bracket = _BRACKET_AFTER.match(text, end)
    return bracket is not None and bracket.group(1) in common


def _letters_in(acronym: str, word: str) -> bool:
    """True when one word holds the acronym's letters in order, from its first ("photovoltaic" -> PV)."""
    letters, rest = acronym.casefold(), iter(word.casefold())
    return word[:1].casefold() == letters[:1] and all(ch in rest for ch in letters)
