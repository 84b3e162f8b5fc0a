"""Units: the Doc's tokens split, merged (numeric dates, holiday names) and coded for the grammar."""
from __future__ import annotations

from spacy.attrs import IDX, IS_SPACE, LENGTH

from pipeline.stages.dates.grammar import _Grammar
from pipeline.stages.dates.shapes import _DASH_SPLIT, _HAS_DIGIT, _RE_NUMDATE, _Unit, _key, _shape

_FINITE_VERB_TAGS = frozenset({"VB", "VBP", "VBZ", "VBD"})
# "`" is the typewriter opening quote of wire copy ("``Today is a sad day,'' she said")
_OPENERS = frozenset("\"'“‘`(«[-–—•*>")


#: the last Doc's units: publication-date inference and extraction read the same Doc in turn
_LAST_UNITS: list = [None, None, None, None]


def _units(doc, text: str, g: _Grammar) -> list[_Unit]:
    """The Doc's grammar units, computed once per Doc (the units never change after coding)."""
    last_doc, last_text, last_grammar, last_units = _LAST_UNITS
    if last_doc is doc and last_text is text and last_grammar is g:
        return last_units
    units = _make_units(doc, text, g)
    _LAST_UNITS[:] = [doc, text, g, units]
    return units


def _make_units(doc, text: str, g: _Grammar) -> list[_Unit]:
    """Split the Doc into grammar units, merge numeric dates and holiday names, code them."""
    units: list[_Unit] = []
    # token offsets from one array call: creating a Token object per token costs more
    # than everything else this stage does
    table = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist() if len(doc) else []
    for i, (idx, length, space) in enumerate(table):
        t = text[idx:idx + length]
        if space:
            # a blank line ends every expression; a lone line break ("\r\n") does not
            if text.count("\n", max(idx - 1, 0), idx + length) >= 2:
                units.append(_Unit(idx, idx + length, t, "", i, "|"))
            continue
        if "-" not in t and "\u2010" not in t and "\u2011" not in t and "\u2013" not in t:
            units.append(_Unit(idx, idx + length, t, _key(t), i))
            continue
        prev = 0
        for m in _DASH_SPLIT.finditer(t):
            c = m.start()
            if c > prev:
                units.append(_Unit(idx + prev, idx + c, t[prev:c], _key(t[prev:c]), i))
            units.append(_Unit(idx + c, idx + c + 1, t[c], t[c], i))
            prev = c + 1
        units.append(_Unit(idx + prev, idx + length, t[prev:], _key(t[prev:]), i))
    units = _merge_numeric_dates(units, text)
    units = _merge_holidays(units, g)
    _code_units(units, doc, text, g)
    return units


def _merge_numeric_dates(units: list[_Unit], text: str) -> list[_Unit]:
    """Merge the tokens of "2025-05-19" / "19/05/2025" into one NUMDATE unit."""
    if not _HAS_DIGIT(text):
        return units
    by_start = {u.start: i for i, u in enumerate(units)}
    drop: set[int] = set()
    for m in _RE_NUMDATE.finditer(text):
        i = by_start.get(m.start())
        if i is None:
            continue
        j = i
        while j < len(units) and units[j].end < m.end() and units[j].code != "|":
            j += 1
        if j >= len(units) or units[j].end != m.end():
            continue
        first = units[i]
        units[i] = _Unit(first.start, m.end(), text[first.start:m.end()], "", first.tok, "D", m.groupdict())
        drop.update(range(i + 1, j + 1))
    return [u for k, u in enumerate(units) if k not in drop] if drop else units


def _merge_holidays(units: list[_Unit], g: _Grammar) -> list[_Unit]:
    """Merge the words of a holiday name ("New Year's Day") into one HOLIDAY unit."""
    out: list[_Unit] = []
    i = 0
    while i < len(units):
        u = units[i]
        options = g.holidays.get(u.key) if u.text[:1].isupper() else None
        merged = False
        for keys, spec in options or ():
            if i + len(keys) <= len(units) and all(units[i + k].key == keys[k] for k in range(len(keys))):
                last = units[i + len(keys) - 1]
                out.append(_Unit(u.start, last.end, "", "", u.tok, "H", spec))
                i += len(keys)
                merged = True
                break
        if not merged:
            out.append(u)
            i += 1
    return out


def _sentence_initial(doc, text: str, u: _Unit) -> bool:
    """True when the unit starts a sentence or a line (so it may be capitalised)."""
    tok = doc[u.tok]
    if u.start != tok.idx:
        return False
    if tok.is_sent_start:
        return True
    k = u.start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k < 0 or text[k] in "\n\r":
        return True
    j = tok.i - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in _OPENERS):
        if doc[j].is_sent_start:
            return True
        j -= 1
    return j < 0 or doc[j].text in {".", "!", "?", ":"}


def _case_ok(u: _Unit, classes: frozenset[str], g: _Grammar, doc, text: str) -> bool:
    """Names of months and days are capitalised; every other temporal word is not."""
    t = u.text
    if not any(c.isupper() for c in t):
        return not classes or bool(classes - g.proper)
    if classes & g.proper and t[0].isupper():
        return True
    common = not classes or bool(classes - g.proper)
    all_caps = t.isupper() and sum(c.isalpha() for c in t) > 1
    return common and (all_caps or _sentence_initial(doc, text, u))


def _code_units(units: list[_Unit], doc, text: str, g: _Grammar) -> None:
    """Give every unit its code character (shape, lexicon word, or "x")."""
    for u in units:
        if u.code in ("|", "D", "H"):
            continue
        shape = _shape(u.text, g.year_min, g.year_max)
        if shape is not None:
            u.code = shape
            continue
        key = u.key
        char = g.word_char.get(key)
        if char is None and key.endswith(".") and len(key) > 2:
            key = key.rstrip(".")
            char = g.word_char.get(key)
        if char is None:
            u.code = "x"
            continue
        classes = g.word_classes[key]
        ok = _case_ok(u, classes, g, doc, text)
        if ok and classes and classes <= g.verb_sensitive and doc[u.tok].tag_ in _FINITE_VERB_TAGS:
            ok = False  # "to last two days", "to end the war": a verb, not a date modifier
        u.code = char if ok else "x"
        u.key = key
    # "May"/"March" are months only beside a number or after a date word
    month_chars = g.class_chars.get("MONTH", frozenset())
    context = set()
    for cls in ("TPREP", "MOD", "REL", "LATER"):
        context |= g.class_chars.get(cls, frozenset())
    for i, u in enumerate(units):
        if u.code not in month_chars or u.key not in g.ambiguous_months:
            continue
        prev = _neighbour(units, i, -1)
        nxt = _neighbour(units, i, +1)
        beside_number = (prev is not None and prev.code in "do") or (nxt is not None and nxt.code in "doy")
        # "in February, May and August": one of a list of months
        listed = any(
            j is not None and units[j].key in g.list_joiners
            and _is_plain_month(units, _neighbour_index(units, j, step), month_chars, g.ambiguous_months)
            for step, j in ((-1, _neighbour_index(units, i, -1)), (+1, _neighbour_index(units, i, +1))))
        mid_hyphen = prev is not None and prev.code == "-" and i >= 2 and units[i - 2].key == "mid"
        after_word = prev is not None and (prev.code in context or mid_hyphen)
        if not (beside_number or listed or (after_word and doc[u.tok].tag_ != "MD")):
            u.code = "x"


def _is_plain_month(units: list[_Unit], j: int | None, month_chars: frozenset[str], ambiguous: frozenset[str]) -> bool:
    """True when unit ``j`` is a month name that is never anything else ("February", not "May")."""
    return j is not None and units[j].code in month_chars and units[j].key not in ambiguous


def _neighbour_index(units: list[_Unit], i: int, step: int) -> int | None:
    """Index of the nearest unit before (step -1) or after (step +1) unit ``i``, skipping whitespace."""
    j = i + step
    while 0 <= j < len(units) and units[j].code == "|":
        j += step
    return j if 0 <= j < len(units) else None


def _neighbour(units: list[_Unit], i: int, step: int) -> _Unit | None:
    """The nearest unit before (step -1) or after (step +1) unit ``i``, skipping whitespace."""
    j = _neighbour_index(units, i, step)
    return None if j is None else units[j]
