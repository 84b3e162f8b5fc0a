"""Operands: one number with its currency, scale words and unit ("£50,000", "150 billion euros", "3 percent")."""
from __future__ import annotations

from dataclasses import dataclass, replace

from pipeline.stages.quantities.fahrenheit_letter import RULE as FAHRENHEIT_RULE
from pipeline.stages.quantities.fahrenheit_letter import glued_fahrenheit, spaced_fahrenheit
from pipeline.stages.quantities.lexicon import DASHES, Lexicon
from pipeline.stages.quantities.numbers import (
    SCALED_ONLY,
    TokenNumber,
    parse_number_token,
    parse_number_words,
)
from pipeline.stages.quantities.view import TokenView


@dataclass(frozen=True)
class Quantity:
    """A quantity being read: token extent [start, end) and what it states."""

    start: int
    end: int
    num_start: int
    num_end: int
    low: float | None
    high: float | None
    kind: str | None = None  # money | percent | measure | count | ratio
    unit: str | None = None
    unit_rule: str | None = None
    scaled: bool = False
    factor: float = 1.0  # the scale written after the number ("billion" -> 1e9)
    trim: int = 0  # characters of the last token outside the span (the full stop of "£1m.")
    is_range: bool = False
    decimal: bool = False
    words: bool = False  # spelled out ("two"), not digits
    vague: bool = False  # "dozens": an amount with no value
    drop: bool = False  # a duration or a date: the dates table owns it
    inner_approx: str | None = None  # a qualifier of a range's second end ("10 to over 20"), normalised


def number_at(view: TokenView, i: int, money: bool, *, skip: int = 0) -> Quantity | None:
    """The number starting at token i (after its first ``skip`` characters) with its scale words, or None."""
    t = view.tok(i)
    if t is None:
        return None
    lex = view.lex
    text = t.text[skip:]
    if any(c.isdigit() for c in text):
        tn = parse_number_token(text, lex)
        body, sign, mark = text, 1.0, None
        if tn is None and text[-1:] in lex.approx_after_glued:
            # "7%+", "$5bn+": a lower bound glued to an amount that carries its unit
            tn = parse_number_token(text[:-1], lex)
            if tn is not None and (tn.unit_kind == "percent" or tn.currency):
                mark = lex.approx_after_glued[text[-1]]
            else:
                tn = None
        if tn is None:
            tn, cut = _before_glued_dash(text, lex)
            if tn is not None:  # "2.7%—its highest": the tokenizer kept the dash and the next word
                q = Quantity(i, i + 1, i, i + 1, tn.low, tn.high, decimal=tn.decimal, trim=len(text) - cut)
                return (replace(q, kind="percent", unit=tn.unit, unit_rule="percent") if tn.unit_kind == "percent"
                        else replace(q, kind="money", unit=tn.currency, unit_rule=tn.currency_rule))
        if tn is None and text[:1] in lex.percent_signs and _may_sign(view, i):
            body, sign = text[1:], lex.percent_signs[text[:1]]
            tn = _signed(view, i, body)
        if tn is None:
            return _glued_measure(view, i, body, sign)
        q = Quantity(i, i + 1, i, i + 1, tn.low * sign, tn.high * sign, scaled=tn.scaled, factor=tn.factor,
                     is_range=tn.is_range, decimal=tn.decimal)
        if tn.unit_kind == "percent":
            q = replace(q, kind="percent", unit=tn.unit, unit_rule="percent")
        if tn.currency:
            q = replace(q, kind="money", unit=tn.currency, unit_rule=tn.currency_rule)
        if mark is not None:
            return None if tn.currency_rule in SCALED_ONLY and not tn.scaled else replace(q, trim=1, inner_approx=mark)
        q = _scale(view, q, money or tn.currency is not None)
        if tn.currency_rule in SCALED_ONLY and not q.scaled:
            return None  # "N1", "N95", "Sh2": a road, a mask, a name; "N34.8tn", "Sh2.1 billion" are money
        return q
    lower = t.lower_
    if lower in lex.vague:
        return Quantity(i, i + 1, i, i + 1, None, None, words=True, vague=True)
    words = [view.lower(k) for k in range(i, min(view.n, i + 16))]  # "twenty - eight thousand six hundred ..."
    parsed = parse_number_words(words, lex)
    if parsed is None:
        return None
    value, size = parsed
    q = Quantity(i, i + size, i, i + size, value, value, words=True)
    return _scale(view, q, money)


def _before_glued_dash(text: str, lex: Lexicon) -> tuple[TokenNumber | None, int]:
    """The amount before a dash glued to a word ("2.7%—its", "$5bn—a"), and where it ends; only an
    amount that carries its unit, since a bare "1850–1900" or "20-21" is a range or a code."""
    cut = next((k for k, c in enumerate(text) if c in DASHES and k + 1 < len(text) and text[k + 1].isalpha()), 0)
    tn = parse_number_token(text[:cut], lex) if cut else None
    if tn is None or tn.is_range or not (tn.unit_kind == "percent" or tn.currency):
        return None, 0
    if tn.currency_rule in SCALED_ONLY and not tn.scaled:
        return None, 0  # "N95-type": a name, not naira
    return tn, cut


def _converted_measure(view: TokenView, i: int, j: int) -> bool:
    """True when number token i and its glued "m" at token j stand alone in brackets right after a
    measure ("18ft (5m)", "100 feet (30.5m)"): the same length converted, in metres, not millions."""
    if view.lower(i - 1) != "(" or view.lower(j + 1) != ")" or i < 3:
        return False
    unit = view.doc[i - 2]
    if view.lex.glued_unit_re.match(unit.text):
        return True
    hit = view.suffix_at(i - 2)
    return bool(hit and hit[0] == "measure" and hit[2] == 1 and view.doc[i - 3].like_num)


def _may_sign(view: TokenView, i: int) -> bool:
    """True when the sign glued to token i's number may be one: apart from a preceding word or
    number ("COVID-19", "2 -3%": a name or a range) and not the tail of "+/-"."""
    if i == 0:
        return True
    prev = view.doc[i - 1].text
    if view.glued(i - 1) and (prev[-1:].isalnum() or prev[-1:] in "/+±" or prev[-1:] in DASHES):
        return False
    return not view.doc[i - 1].like_num


def _signed(view: TokenView, i: int, body: str) -> TokenNumber | None:
    """The number of a signed change or level ("+29 %", "-3%", "−0.5pp", "+1.47°C"), read
    without its sign. A sign makes an amount only before a percent or measure unit: "+49 30"
    (a dialling code) stays a code."""
    tn = parse_number_token(body, view.lex)
    if tn is None or tn.currency or tn.is_range:
        return None  # a signed range ("-2-3%") has no reading we can trust
    if tn.unit_kind == "percent":
        return tn
    hit = view.suffix_at(i + 1)
    return tn if tn.unit_kind is None and hit is not None and hit[0] in ("percent", "measure") else None


def _glued_measure(view: TokenView, i: int, body: str, sign: float) -> Quantity | None:
    """A number with its unit glued in one token ("5kW", "120Hz", "2.4GHz", "-5kW"), else None."""
    m = view.lex.glued_unit_re.match(body)
    if m is None:  # round 74: "104F" in an article about the weather
        if (f := glued_fahrenheit(view, body)) is None:
            return None
        return Quantity(i, i + 1, i, i + 1, f[0] * sign, f[0] * sign, kind="measure", unit=f[1],
                        unit_rule=FAHRENHEIT_RULE, decimal=f[2], trim=f[3])
    digits = m.group("n")
    if len(digits) > 1 and digits[0] == "0" and digits[1] != ".":
        return None  # "07kW": a code
    if m.group("u") in view.lex.glued_letter_units and any(
            (t := view.tok(k)) is not None and t.pos_ in view.lex.noun_pos | {"PROPN"} for k in (i - 1, i + 1)):
        return None  # "flat 5C", "a 5C cable": a code
    value = float(digits.replace(",", "")) * sign
    return Quantity(i, i + 1, i, i + 1, value, value, kind="measure", unit=view.lex.glued_units[m.group("u")],
                    unit_rule="measure_unit", decimal="." in digits, trim=1 if m.group("dot") else 0)


def _scale(view: TokenView, q: Quantity, money: bool) -> Quantity:
    """Apply the scale words after a number ("150 billion", "5 bn", "£3 m", "2 dozen")."""
    lex = view.lex
    j, factor, scaled = q.end, 1.0, q.scaled
    while j < view.n:
        t = view.doc[j]
        if j > q.start and t.is_sent_start:
            break
        lower = t.lower_
        glued = view.glued(j - 1)
        trim = 0
        if lower in DASHES and glued and view.glued(j) and view.lower(j + 1) in lex.magnitude_words:
            j += 1  # "$72-billion", "€3.5-billion": the scale word joined by a hyphen
            lower = view.lower(j)
        if lower.endswith(".") and lower[:-1] in lex.magnitude_suffixes and glued:
            # the tokenizer keeps "m." of "£1m." as an abbreviation: scale plus full stop
            lower, trim = lower[:-1], 1
        elif len(dashed := lower.rstrip(DASHES)) < len(lower) and dashed in lex.magnitude_words:
            # "₹1.8 trillion-- accounting for ...": the tokenizer keeps a dash glued after the word
            lower, trim = dashed, len(lower) - len(dashed)
        if lower in lex.magnitude_words:
            factor *= lex.magnitude_words[lower]
        elif lower in lex.multipliers and not q.words and (
            lex.multipliers[lower] != 100 or view.lower(j + 1) in lex.magnitude_words
        ):  # "4 hundred million"; "2 hundred" alone is rare and mostly a typo
            factor *= lex.multipliers[lower]
        elif lower == lex.spaced_m and glued and not money and j == q.end and _converted_measure(view, q.start, j):
            break  # "18ft (5m)": metres, read by unit_after
        elif lower in lex.magnitude_suffixes and not scaled and (
            glued or lower not in lex.money_only_spaced or money or _currency_follows(view, j + 1)
        ):
            factor *= lex.magnitude_suffixes[lower]
        else:
            break
        scaled = True
        j += 1
        if trim:
            break
    if j == q.end:
        return q
    low = q.low * factor if q.low is not None else None
    high = q.high * factor if q.high is not None else None
    return replace(q, end=j, num_end=j, low=low, high=high, scaled=True, factor=q.factor * factor, trim=trim)


def _currency_follows(view: TokenView, j: int) -> bool:
    hit = view.suffix_at(j)
    return bool(hit and hit[0] in ("currency", "subunit"))


def operand_at(view: TokenView, i: int) -> Quantity | None:
    """Optional currency, number, scale and unit from token i ("£50,000", "3 percent")."""
    cur = view.currency_token(i)
    skip, width = 0, 1
    if (dotted := view.dotted_currency(i)) is not None:
        cur, width = dotted, 2
    elif cur is not None and view.glued(i) and (marker := _dollar_marker(view, i)) is not None:
        cur, skip = marker  # "$A82m", "$US113 trillion": the country letters follow the "$"
    if cur is not None:
        q = number_at(view, i + width, money=True, skip=skip)
        if q is None or q.kind == "percent":
            return None
        if cur[1] in SCALED_ONLY and not q.scaled:
            return None  # "Shs 5": a letter marker spaced before a number with no scale is not read
        if q.kind != "money":
            q = replace(q, kind="money", unit=cur[0], unit_rule=cur[1])
        q = replace(q, start=i)
    else:
        q = number_at(view, i, money=False)
        if q is None:
            return None
    return unit_after(view, q)


def _dollar_marker(view: TokenView, i: int) -> tuple[tuple[str, str], int] | None:
    """ "$A82m": the tokenizer splits "$" from "A82m"; the letters glued after it name the dollar."""
    text = view.doc[i + 1].text if i + 1 < view.n else ""
    letters = len(text) - len(text.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if not letters or not text[letters:letters + 1].isdigit():
        return None
    key = view.doc[i].text + text[:letters]
    if key not in view.lex.symbols:
        return None
    return (view.lex.symbols[key], "symbol"), letters


def unit_after(view: TokenView, q: Quantity) -> Quantity:
    """Attach a percent, currency, measure or time unit written right after the number."""
    lex = view.lex
    j = q.end
    if q.kind == "percent" and q.is_range and view.glued(j - 1):
        hit = view.suffix_at(j)  # "5.25%-5.5" + "%": the tokenizer split the last sign off
        if hit and hit[0] == "percent" and hit[1] == q.unit:
            return replace(q, end=j + hit[2])
    if q.kind in ("money", "percent", "measure") or q.trim:
        return q  # the token already said it: "£5bn", "65%", "50p", "5kW"
    if view.glued(j - 1) and view.lower(j) in DASHES and view.glued(j):
        # a number glued to a word by a hyphen: "10-year", "1,300-mile", "a 27-member bloc"
        hit = view.suffix_at(j + 1)
        if hit and hit[0] == "time":  # a duration: the dates table owns it
            return replace(q, drop=True)
        if hit and hit[0] == "measure":
            return replace(q, end=j + 1 + hit[2], kind="measure", unit=hit[1], unit_rule="measure_unit")
        if hit and hit[0] == "percent":  # "95-percent", "a 25-basis-point cut"
            return replace(q, end=j + 1 + hit[2], kind="percent", unit=hit[1], unit_rule="percent")
        if hit and hit[0] == "currency" and view.lower(j + 1) in lex.pound_words and not q.words:
            # round 72: "a 70-pound catfish", "a 5-pound note": pound_weight.py tells a weight from money
            return replace(q, end=j + 2, kind="money", unit=hit[1], unit_rule="currency_word")
        nxt = view.doc[j + 1]
        if nxt.lower_ == lex.fold_suffix and q.kind is None:  # "10-fold", "five-fold"
            return replace(q, end=j + 2, kind="ratio")
        if nxt.is_alpha and nxt.lower_ not in lex.number_words:
            return replace(q, drop=True)  # an attribute of the next noun, not an amount
    after = view.tok(j)
    if after is not None and after.text in lex.symbols_after and not q.vague and view.doc[j - 1].whitespace_ in ("", " "):
        # "1,200€", "500 ₦": the symbol written after the number
        return replace(q, end=j + 1, kind="money", unit=lex.symbols[after.text], unit_rule="symbol_after")
    if (view.glued(j - 1) and view.lower(j) in lex.glued_only_units and not q.words and not q.vague
            and not (view.tok(j + 1) is not None and view.doc[j + 1].like_num)):  # "rose 5in 2024": a typo
        # "15.7in": the tokenizer splits the unit off; with a space "in" is the preposition
        return replace(q, end=j + 1, kind="measure", unit=lex.glued_only_units[view.lower(j)],
                       unit_rule="measure_unit")
    if (fahrenheit := spaced_fahrenheit(view, q)) is not None:  # round 74: "104 F (40 C)"
        return replace(q, end=j + 1, kind="measure", unit=fahrenheit, unit_rule=FAHRENHEIT_RULE)
    hit = view.suffix_at(j)
    if hit is None and (dashed := view.unit_before_dash(j)) is not None and not q.vague:
        # "over 26 per cent-- was earmarked": the tokenizer keeps a dash glued after the unit's last word
        (kind, unit, size), trim = dashed
        return replace(q, end=j + size, kind=kind, unit=unit, unit_rule=kind, trim=trim)
    if hit is None and (stop := view.measure_before_stop(j)) is not None and not q.vague:
        return _measure(view, replace(q, end=j + stop[1], trim=1), stop[0])
    if hit is None:
        if view.lower(j) == lex.spaced_m and view.tok(j) is not None and not q.kind and not q.vague:
            return replace(q, end=j + 1, kind="measure", unit=lex.spaced_m, unit_rule="measure_unit")
        return q
    kind, unit, size = hit
    if kind == "time":
        return replace(q, drop=True)
    if kind == "percent":
        return replace(q, end=j + size, kind="percent", unit=unit, unit_rule="percent")
    if kind == "currency":
        rule = "iso_code" if view.doc[j].text in lex.codes else "currency_word"
        return replace(q, end=j + size, kind="money", unit=unit, unit_rule=rule)
    if kind == "subunit":
        code, factor = unit  # type: ignore[misc]
        low = q.low * factor if q.low is not None else None
        high = q.high * factor if q.high is not None else None
        return replace(q, end=j + size, kind="money", unit=code, unit_rule="currency_word", low=low, high=high)
    return _measure(view, replace(q, end=j + size), unit)  # type: ignore[arg-type]


def _measure(view: TokenView, q: Quantity, unit: str) -> Quantity:
    """``q`` as a measure in ``unit``, its value moved to the base unit when the symbol carries a scale ("mb/d")."""
    base, factor = view.lex.scaled_units.get(unit, (unit, 1.0))
    low = q.low * factor if q.low is not None else None
    high = q.high * factor if q.high is not None else None
    return replace(q, kind="measure", unit=base, unit_rule="measure_unit", low=low, high=high)
