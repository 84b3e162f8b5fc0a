"""The grammar's view of one Doc: bounds-safe token lookups and the unit phrase starting at a token."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.stages.quantities.basis_points import capitalised_unit
from pipeline.stages.quantities.case_variants import CASE_VARIANT
from pipeline.stages.quantities.lexicon import DASHES, Lexicon
from pipeline.stages.quantities.numbers import currency_of, parse_number_token


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace to one space (for `unit` and `approx`, never `text`)."""
    return " ".join(text.split())


class TokenView:
    """One Doc and the lexicon, with the lookups every rule of the grammar makes."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.n = len(doc)
        self.lex = lex

    def tok(self, i: int) -> Token | None:
        return self.doc[i] if 0 <= i < self.n else None

    def lower(self, i: int) -> str:
        return self.doc[i].lower_ if 0 <= i < self.n else ""

    def glued(self, i: int) -> bool:
        """True when token i is written with no space before token i + 1."""
        return 0 <= i < self.n - 1 and not self.doc[i].whitespace_

    def currency_token(self, i: int) -> tuple[str, str] | None:
        t = self.tok(i)
        if t is None:
            return None
        if t.text in self.lex.symbols:
            return currency_of(t.text, self.lex)  # type: ignore[return-value]
        if t.text in self.lex.codes:
            return self.lex.codes[t.text], "iso_code"
        if len(t.text) > 1 and t.text in self.lex.letter_symbols and self._scaled_digits(i + 1):
            # "Shs 37.4 trillion": a marker of two or more letters spaced before a number that a scale
            # follows (a lone "R" or "N" is read glued only; "Shs 5" stays a bare number)
            return currency_of(t.text, self.lex)  # type: ignore[return-value]
        if t.text in self.lex.case_variants and self._scaled_digits(i + 1):
            return self.lex.case_variants[t.text], CASE_VARIANT  # round 76: "Php 297.6 billion", "Tsh 2 trillion"
        if t.lower_ in self.lex.currency_words_before and self._digits_not_percent(i + 1):
            return self.lex.currency_words_before[t.lower_], "currency_word_before"
        return None

    def _scaled_digits(self, i: int) -> bool:
        """True when token i is digits with a scale glued ("72.4tn") or written next ("37.4 trillion")."""
        t = self.tok(i)
        if t is None or not t.text[:1].isdigit():
            return False
        tn = parse_number_token(t.text, self.lex)
        if tn is None or tn.unit_kind:
            return False
        after = self.lower(i + 1)
        return tn.scaled or after in self.lex.magnitude_words or after in self.lex.magnitude_suffixes

    def _digits_not_percent(self, i: int) -> bool:
        """True when token i is digits that no percent sign or word follows: "yen 1.2tn", not "the yen 2%"."""
        t = self.tok(i)
        if t is None or not t.text[:1].isdigit() or "%" in t.text:
            return False
        hit = self.suffix_at(i + 1)
        return hit is None or hit[0] != "percent"

    def dotted_symbol(self, i: int) -> bool:
        """True when token i and a full stop glued to it form a currency symbol ("Rs" + "." = "Rs.")."""
        return self.dotted_currency(i) is not None

    def dotted_currency(self, i: int) -> tuple[str, str] | None:
        """(currency, rule) of token i and a full stop glued to it ("Rs" + "." = "Rs."; round 76: "Kshs" + "." before a
        scaled number, "Kshs. 659.5 billion"), else None."""
        if not (0 <= i < self.n - 2 and self.glued(i) and self.doc[i + 1].text == "."):
            return None
        dotted = self.doc[i].text + "."
        if dotted in self.lex.symbols:
            return self.lex.symbols[dotted], "symbol"
        if dotted in self.lex.case_variants and self._scaled_digits(i + 2):
            return self.lex.case_variants[dotted], CASE_VARIANT
        return None

    def measure_before_stop(self, j: int) -> tuple[str, int] | None:
        """(unit, tokens) of a measure phrase at token j whose last token keeps the sentence's full stop
        ("8.6 mb/d." tokenised "mb", "/", "d."), else None; the stop stays outside the span."""
        key = ""
        for k in range(j, min(self.n, j + self.lex.suffix_max_tokens)):
            text = self.doc[k].lower_
            if k > j and self.doc[k].is_sent_start:
                return None
            if text.endswith(".") and len(text) > 1:
                hit = self.lex.suffix_phrases.get(key + text[:-1])
                return (hit[1], k - j + 1) if hit and hit[0] == "measure" else None  # type: ignore[return-value]
            if not self.glued(k):
                return None
            key += text
        return None

    def unit_before_dash(self, j: int) -> tuple[tuple[str, object, int], int] | None:
        """((kind, unit, tokens), dash characters) of a percent unit at token j whose last token keeps a dash glued
        after it ("26 per cent--", "5 percent—the"), else None; the dash stays outside the span."""
        key = ""
        for k in range(j, min(self.n, j + self.lex.suffix_max_tokens)):
            text = self.doc[k].lower_
            if k > j and self.doc[k].is_sent_start:
                return None
            word = text.rstrip(DASHES)
            if word != text and word:
                hit = self.lex.suffix_phrases.get(key + word)
                return ((hit[0], hit[1], k - j + 1), len(text) - len(word)) if hit and hit[0] == "percent" else None
            key += text + (" " if self.doc[k].whitespace_ else "")
        return None

    def suffix_at(self, j: int) -> tuple[str, object, int] | None:
        """The longest unit phrase starting at token j: (kind, unit, tokens) or None."""
        t = self.tok(j)
        if t is None:
            return None
        if t.text in self.lex.codes:
            return "currency", self.lex.codes[t.text], 1
        best = None
        key = ""
        for k in range(j, min(self.n, j + self.lex.suffix_max_tokens)):
            if k > j and self.doc[k].is_sent_start:
                break
            key += self.doc[k].lower_
            hit = self.lex.suffix_phrases.get(key)
            if hit and not capitalised_unit(t, self.lex.lower_case_only_units):  # "2 BP executives": the company
                best = (hit[0], hit[1], k - j + 1)
            key += " " if self.doc[k].whitespace_ else ""
        return best
