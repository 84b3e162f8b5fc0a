"""The quantities stage: anchors from a Matcher, the grammar's readings, then one row per quantity."""
from __future__ import annotations

import math
from collections.abc import Sequence

from spacy.matcher import Matcher
from spacy.tokens import Doc

from pipeline.core.article import Article
from pipeline.core.errors import severity
from pipeline.core.ids import span_id
from pipeline.core.schema import SCHEMAS
from pipeline.stages.quantities.exclusions import DateSpans, excluded
from pipeline.stages.quantities.grammar import read
from pipeline.stages.quantities.lakh_grouping import keep_lakh_grouping, lakh_suffix
from pipeline.stages.quantities.lexicon import compile_lexicon
from pipeline.stages.quantities.measures import SiConverter
from pipeline.stages.quantities.operands import Quantity
from pipeline.stages.quantities.pound_weight import weigh_pounds
from pipeline.stages.quantities.qualifiers import approx_after, approx_before
from pipeline.stages.quantities.currency_counts import currency_counts
from pipeline.stages.quantities.letter_country import letters_by_country
from pipeline.stages.quantities.shared_letters import decide_shared_letters
from pipeline.stages.quantities.shared_markers import decide_shared_markers, undecided_warning
from pipeline.stages.quantities.view import TokenView

COLUMNS: tuple[str, ...] = tuple(SCHEMAS["quantities"].names)


class QuantityExtractor:
    """Find the quantities of one article: rows of the ``quantities`` table, in text order."""

    def __init__(self, lexicon: dict) -> None:
        self.lex = compile_lexicon(lexicon)
        self.si = SiConverter(self.lex.pint_names, self.lex.no_si)
        self._vocab = None
        self._matcher: Matcher | None = None

    def _anchors(self, doc: Doc) -> list[int]:
        """Indices of the tokens a quantity can start from: any token with a digit, or a
        number word. The Matcher is compiled once per vocabulary (the model's)."""
        if self._matcher is None or self._vocab is not doc.vocab:
            matcher = Matcher(doc.vocab)
            matcher.add("DIGITS", [[{"TEXT": {"REGEX": r"\d"}}]])
            matcher.add("WORDS", [[{"LOWER": {"IN": sorted(self.lex.number_words)}}]])
            # "by a point": no number word, the indefinite before a point word anchors it
            matcher.add("POINT", [[{"LOWER": {"IN": sorted(self.lex.indefinite)}},
                                   {"LOWER": {"IN": sorted(self.lex.point_words)}}]])
            self._vocab, self._matcher = doc.vocab, matcher
        return sorted({start for _, start, _ in self._matcher(doc)})

    def __call__(self, doc: Doc, article: Article, *, date_spans: Sequence[tuple[int, int]] = ()) -> list[dict]:
        """Rows (``pipeline.schema.SCHEMAS["quantities"]`` columns) for ``doc``, built from ``article``.

        ``date_spans`` are absolute (start, end) offsets of the article's date rows: no
        number inside one is a quantity. Values beyond float64 are null (``extract`` also says which).
        """
        return self.extract(doc, article, date_spans=date_spans)[0]

    def extract(self, doc: Doc, article: Article, *,
                date_spans: Sequence[tuple[int, int]] = ()) -> tuple[list[dict], list[dict]]:
        """The rows of ``__call__``, one ``errors`` row (code E410) per quantity whose value overflows float64 and one
        (E411, shared_markers.py) per amount whose currency marker the article leaves open."""
        if len(doc.text) != len(article.text):
            raise ValueError(
                f"[E402] doc has {len(doc.text)} characters but article {article.doc_id!r} has "
                f"{len(article.text)}: build the Doc from view_text(article.text)"
            )
        dates = DateSpans([(s - article.start, e - article.start) for s, e in date_spans])
        view = TokenView(doc, self.lex)
        anchors = self._anchors(doc)
        found: list[tuple[Quantity, str | None]] = []
        done = 0
        for i in anchors:
            if i < done:
                continue
            q = read(view, i)
            if q is None:
                continue
            if q.drop:
                done = q.end
                continue
            approx = approx_before(view, q.start, q.kind) or q.inner_approx or approx_after(view, q.end)
            if excluded(view, dates, q, approx):
                continue
            found.append((q, approx))
            done = q.end
        found = currency_counts(found, self.lex)  # "200 billion dong", "5,624 million Tk": money, never a count
        approx_at = {q.start: approx for q, approx in found}
        found, open_letters = decide_shared_letters(found, self.lex)  # "P250 billion": the article's "₱" or "PHP"
        found, open_letters = letters_by_country(found, open_letters, doc, approx_at)  # "Philippines ... P5 billion"
        found = weigh_pounds(found, doc, self.lex)  # "5 pounds of beef", "weighed 240 pounds": a weight, no money
        found, open_markers = decide_shared_markers(found, doc, self.lex)  # "Rs17.6 trillion": "PKR" or places decide
        found = keep_lakh_grouping(found, doc)  # "Tk 7,61,785 crore": only where BDT, INR or the article groups so
        # nothing is dropped silently: an amount whose shared marker the article leaves open gets an E411 warning
        undecided = open_letters + open_markers
        dollar, dollar_rule = self._article_dollar(found)
        rows = []
        for q, approx in found:
            unit, rule = q.unit, q.unit_rule
            if q.kind == "money" and unit == "$":
                unit, rule = dollar, dollar_rule + lakh_suffix(q.unit_rule)  # "$1,50,000" keeps its grouping's rule
            row = self._row(doc, article, q, unit, rule, approx)
            # a measure's point value in SI base units, so "5kW" and "5,000 watts" compare
            row["si_value"], row["si_unit"] = self.si(unit, row["value"]) if row["kind"] == "measure" else (None, None)
            rows.append(row)
        warnings = [undecided_warning(doc, article, q, choices) for q, choices in sorted(undecided, key=_first)]
        return rows, [overflow_warning(row) for row in rows if _bound(row)] + warnings

    def _article_dollar(self, found: list[tuple[Quantity, str | None]]) -> tuple[str, str]:
        """Which dollar a bare "$" means in this article.

        USD, unless the article marks US amounts explicitly ("US$", "USD", "U.S. dollars"),
        so that its bare "$" cannot be the US dollar, and names exactly one other dollar
        ("C$", "Canadian dollars"): then the bare "$" is that one (Canadian Press style
        "$5bn (US$3.7bn)"). Wire style "C$5bn ($3.7bn)" keeps USD.
        """
        default = self.lex.default_dollar
        named = {q.unit for q, _ in found if q.kind == "money" and q.unit in self.lex.dollar_family}
        others = named - {default}
        if default in named and len(others) == 1:
            other = next(iter(others))
            return other, f"dollar_context:{other}"
        return default, f"dollar_default_{default.lower()}"

    @staticmethod
    def _row(doc: Doc, article: Article, q: Quantity, unit: str | None, rule: str | None, approx: str | None) -> dict:
        start = doc[q.start].idx
        last = doc[q.end - 1]
        end = last.idx + len(last.text) - q.trim
        cols = article.span_columns(start, end)
        point = None if q.is_range else q.low
        return {
            "quantity_id": span_id("q_", article.source, cols["start"], cols["end"]),
            **cols,
            # a bare decimal ("between 0.4 and 1.0") is a ratio; a bare whole number a count
            "kind": q.kind or ("ratio" if q.decimal and q.factor == 1.0 else "count"),
            "value": point,
            "value_low": q.low,
            "value_high": q.high,
            "unit": unit,
            "approx": approx,
            "unit_rule": rule,
        }


_VALUE_COLUMNS = ("value", "value_low", "value_high")


def _first(undecided: tuple[Quantity, frozenset[str]]) -> int:
    """The first token of an undecided amount: its E411 warnings come in the article's order."""
    return undecided[0].start


def _bound(row: dict) -> bool:
    """Null ``row``'s values when any is beyond float64 ("10" followed by 400 digits parses as inf); True if so."""
    if all(row[c] is None or math.isfinite(row[c]) for c in _VALUE_COLUMNS):
        return False
    for column in _VALUE_COLUMNS:
        row[column] = None
    return True


def overflow_warning(row: dict) -> dict:
    """The ``errors`` row saying that ``row``'s value is too large to store and was left null."""
    text = row["text"] if len(row["text"]) <= 40 else row["text"][:37] + "..."
    message = (f"[E410] {row['source']}: the quantity {text!r} at {row['start']}-{row['end']} is beyond the "
               "largest storable number (float64), so its value is null; nothing to do unless the number is a typo")
    return {"source": row["source"], "stage": "quantities", "error_class": "ValueOverflow", "code": "E410",
            "severity": severity("E410"), "message": message, "line": None}
