"""Finding expressions: every rule's matches, longest first, vetoed by context, normalised and qualified."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline.stages.dates.anaphora import resolve_anaphora
from pipeline.stages.dates.calendar import _Anchor
from pipeline.stages.dates.context import _Context
from pipeline.stages.dates.grammar import _Grammar
from pipeline.stages.dates.normalise import NORMALISERS, normalise
from pipeline.stages.dates.shapes import _CURRENCY, _NUMERIC_CODES, _Unit
from pipeline.stages.dates.timex import _Norm, _period_value
from pipeline.stages.dates.units import _neighbour, _units


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    norm: _Norm
    first: int  # unit indices of the span
    last: int
    kind: str


_GRAMMARS: dict[int, tuple[dict, _Grammar]] = {}
# kinds of rule that only claim their words and yield no expression: an age ("a 45-year-old") is no
# time, and without its rule a shorter one would read "45-year" in it
_ABSORBED = frozenset({"age"})


def _grammar_for(lexicon: dict) -> _Grammar:
    """Compile ``lexicon`` once per lexicon object, for the kinds of rule there are normalisers for."""
    cached = _GRAMMARS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cached = (lexicon, _Grammar(lexicon, NORMALISERS.keys() | _ABSORBED))
        _GRAMMARS[id(lexicon)] = cached
    return cached[1]


def _identifier_context(units: list[_Unit], i: int, g: _Grammar) -> bool:
    """True when an identifier cue names the number at unit ``i`` ("ISSN (Print) 1861-1761",
    "SWP Comment 3/2022", "tel. +32 2 281"): the cue is the nearest word before it, skipping
    punctuation and one parenthesised label."""
    k = i - 1
    skipped_parenthesis = False
    while k >= 0:
        u = units[k]
        if u.code == "|" or u.text in ("+", ":", "#", "-"):
            k -= 1
        elif u.text == ")" and not skipped_parenthesis:
            while k >= 0 and units[k].text != "(":
                k -= 1
            k -= 1
            skipped_parenthesis = True
        else:
            return u.key in g.identifier_cues
    return False


def _vetoed(units: list[_Unit], i: int, j: int, doc, g: _Grammar) -> bool:
    """Context vetoes shared by all rules: identifiers, currency, names."""
    span = [u for u in units[i:j] if u.code != "|"]
    numeric = any(u.code in _NUMERIC_CODES or u.code == "D" for u in span)
    if numeric and _identifier_context(units, i, g):
        return True
    prev = _neighbour(units, i, -1)
    if numeric and prev is not None and (prev.text in _CURRENCY or prev.text.endswith("/")):
        return True
    if len(span) <= 2 and not numeric:
        # a lone month, weekday, season or "now" inside a name ("Theresa May", "The Sunday Times")
        head = span[0]
        tok = doc[head.tok]
        if tok.ent_type_ in g.veto_labels and len(span) == 1 and head.code != "H":
            return True
        nxt = _neighbour(units, j - 1, +1)
        if (
            prev is not None and prev.key == "the" and nxt is not None and nxt.code == "x"
            and nxt.text[:1].isupper() and (g.is_(head, "WEEKDAY") or g.is_(head, "MONTH"))
        ):
            return True
    return False


def _discourse_opener(units: list[_Unit], i: int, j: int, doc, g: _Grammar) -> bool:
    """True for "Now," or "Currently," opening a sentence (after quotes at most), set off by a comma: a
    discourse marker TimeBank leaves unmarked (``[settings] discourse_openers``)."""
    if j - i != 1 or units[i].key not in g.discourse_openers:
        return False
    nxt = _neighbour(units, i, +1)
    if nxt is None or nxt.code != ",":
        return False
    tok = doc[units[i].tok]
    return all(t.is_punct or t.is_quote for t in doc[tok.sent.start:tok.i])


def _qualifier(units: list[_Unit], i: int, g: _Grammar) -> tuple[str, int] | None:
    """The TIMEX3 mod of a qualifier just before the span ("up to 45 years") and the unit the span
    then starts at: the qualifier's first word when TimeML keeps it in the extent ("nearly two
    years", "about two years ago"), else ``i`` (``[settings] qualifiers_outside``: "up to 45 years")."""
    keys: list[str] = []
    at: list[int] = []
    k = i - 1
    while k >= 0 and len(keys) < 3:
        if units[k].code != "|":
            keys.insert(0, units[k].key)
            at.insert(0, k)
        k -= 1
    for phrase, mod in g.qualifiers:
        if tuple(keys[-len(phrase):]) == phrase:
            return mod, (i if phrase in g.qualifiers_outside else at[-len(phrase)])
    return None


def _counted(first: _Unit, g: _Grammar) -> bool:
    """True when a span opens with its number ("45 years"), the only place a qualifier binds."""
    return first.code in _NUMERIC_CODES or g.is_(first, "NUMWORD") or first.key in ("a", "an", "half")


def _extract(doc, text: str, g: _Grammar, anchor: _Anchor | None) -> tuple[list[_Found], list[_Unit]]:
    """All temporal expressions of one article, normalised, in text order (and the units)."""
    doc_len = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if doc_len != len(text):
        raise ValueError(f"[E308] Doc has {doc_len} characters but the article has {len(text)}")
    units = _units(doc, text, g)
    codes = "".join(u.code for u in units)
    candidates = []
    for rule in g.rules:
        for m in rule.regex.finditer(codes):
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), rule))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2].order))
    taken = bytearray(len(units))
    ctx = _Context(doc, text, units, g, anchor)
    found: list[_Found] = []
    for i, j, rule in candidates:
        if any(taken[i:j]):
            i = _untaken_tail(units, taken, codes, i, j, rule)
            if i is None:
                continue
        if _vetoed(units, i, j, doc, g) or (rule.kind == "ref" and _discourse_opener(units, i, j, doc, g)):
            continue
        if rule.kind in _ABSORBED:
            taken[i:j] = b"\x01" * (j - i)
            continue
        norm = normalise(ctx, i, j, rule)
        if norm is None:
            continue
        qualifiable = norm.tclass == "duration" or rule.kind in ("year", "decade", "ago")
        if norm.mod is None and qualifiable and _counted(units[i], g):
            qualified = _qualifier(units, i, g)
            if qualified is not None and (norm.tclass == "duration" or rule.kind == "ago" or qualified[0] == "APPROX"):
                norm.mod = qualified[0]
                if not any(taken[qualified[1]:i]):
                    i = qualified[1]
        while units[j - 1].code == "|":
            j -= 1
        taken[i:j] = b"\x01" * (j - i)
        found.append(_Found(units[i].start, units[j - 1].end, norm, i, j, rule.kind))
    found.sort(key=lambda f: (f.start, f.end))
    _coordinated_months(found, units, text, anchor)
    resolve_anaphora(found, ctx, anchor)
    _date_clock_times(found, units, doc, anchor)
    return _join_clock_and_day(found, text), units


def _untaken_tail(units: list[_Unit], taken: bytearray, codes: str, i: int, j: int, rule) -> int | None:
    """The start of what is left of match ``i:j`` after a longer match took its head, when the rule
    still matches it ("rose 3.5 per cent on a year earlier last month": "a year earlier" takes
    "earlier", and "earlier last month" leaves "last month"); None otherwise."""
    k = i
    while k < j and (taken[k] or units[k].code == "|"):
        k += 1
    if k == i or k >= j or any(taken[k:j]) or rule.regex.fullmatch(codes, k, j) is None:
        return None
    return k


_MONTH_VALUE = re.compile(r"\d{4}-\d{2}")
_LIST_WORDS = frozenset({",", "and", "or"})


def _coordinated_months(found: list[_Found], units: list[_Unit], text: str, anchor: _Anchor | None) -> None:
    """A bare month listed after another ("pause hikes for January, February and March") is the next instance after
    it, not one the tense picks alone (which put February and March 2025 beside January 2026); a list the tense put
    in the past stays there ("cut rates in February, May and August", written in March: May of the year before)."""
    if anchor is None:
        return
    now = anchor.date.replace(day=1)
    for prev, f in zip(found, found[1:]):
        if f.kind != "calendar" or not f.norm.anchored or f.last - f.first != 1 or prev.norm.granularity != "month" \
                or not _MONTH_VALUE.fullmatch(prev.norm.value or "") or not _MONTH_VALUE.fullmatch(f.norm.value or ""):
            continue
        between = [u for u in units[prev.last:f.first] if u.code != "|"]
        if not between or any(u.key not in _LIST_WORDS for u in between):
            continue
        year, month = int(prev.norm.value[:4]), int(prev.norm.value[5:])
        mine = int(f.norm.value[5:])
        if mine == month % 12 + 1 or mine > month:  # a list runs forward: "November, December and January"
            d = dt.date(year + (mine < month), mine, 1)
            if dt.date(year, month, 1) < now < d:
                continue  # a past list would cross into the future
            f.norm.value, f.norm.granularity, f.norm.interval = _period_value(d, "month")
            f.norm.reference = f"text '{' '.join(text[prev.start:prev.end].split())}'"


def _join_clock_and_day(found: list[_Found], text: str) -> list[_Found]:
    """A clock time and the day right after it are one time ("9 a.m. Tuesday", "noon Thursday")."""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.kind == "clock" and f.norm.granularity == "day" and f.norm.tclass == "date"
            and prev.norm.value and prev.norm.interval is not None and prev.norm.interval == f.norm.interval
            and text[prev.end:f.start] == " "
        ):
            prev.end, prev.last = f.end, f.last
            continue
        out.append(f)
    return out


def _date_clock_times(found: list[_Found], units: list[_Unit], doc, anchor: _Anchor | None) -> None:
    """Give a clock time ("3 p.m.") the day of a date in its sentence, else the anchor's."""
    for f in found:
        if f.kind != "clock" or not f.norm.value.startswith("T"):
            continue
        sent = doc[units[f.first].tok].sent
        days = [
            o for o in found
            if o is not f and o.norm.granularity == "day" and o.norm.interval
            and o.norm.interval[0] == o.norm.interval[1] and sent.start_char <= o.start < sent.end_char
        ]
        if days:
            other = min(days, key=lambda o: abs(o.start - f.start))
            d = other.norm.interval[0]
            f.norm.value = d.isoformat() + f.norm.value
            f.norm.interval = (d, d)
            f.norm.anchored = other.norm.anchored
        elif anchor is not None and anchor.allows("day"):
            f.norm.value = anchor.date.isoformat() + f.norm.value
            f.norm.interval = (anchor.date, anchor.date)
        else:
            f.norm.value = "XXXX-XX-XX" + f.norm.value if anchor is None else None
