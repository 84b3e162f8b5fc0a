"""A count whose unit names a currency ("200 billion dong", "5,624 million Tk") read as money, or no row."""
from __future__ import annotations

from dataclasses import replace

from pipeline.stages.quantities.lexicon import Lexicon
from pipeline.stages.quantities.operands import Quantity


def currency_counts(found: list[tuple[Quantity, str | None]], lex: Lexicon) -> list[tuple[Quantity, str | None]]:
    """``found`` with each counted noun that is a currency made money or dropped (round 75). A CLDR name word kept out
    of the currency words because it is also an English word or a name (configs/quantities.toml [currency]
    scaled_words: "dong", "leones") is money after a scaled number ("200 billion dong": unit_rule
    "currency_word_scaled") and no row after a bare one ("5 dong"): never a count in a currency. A currency symbol of
    letters written after a scaled number ("5,624 million Tk", "5 billion NIS") is money too ("symbol_after_scaled");
    a bare number before one stays as it was ("5 Tk" is rare and may be anything)."""
    kept = []
    for q, approx in found:
        if q.kind != "count" or q.unit_rule != "counted_noun" or not q.unit:
            kept.append((q, approx))
            continue
        scaled = q.factor > 1
        code = lex.scaled_currency_words.get(q.unit.lower())
        if code is not None:
            if scaled:
                kept.append((replace(q, kind="money", unit=code, unit_rule="currency_word_scaled"), approx))
            continue  # "5 dong": no count in a currency
        code = lex.symbols.get(q.unit) if q.unit.isalpha() else None
        if code is not None and scaled and code not in lex.bare_dollar:
            q = replace(q, kind="money", unit=code, unit_rule="symbol_after_scaled")
        kept.append((q, approx))
    return kept
