"""The article decides a letter marker several currencies write ("P": the Philippine peso or Botswana's pula)."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from pipeline.stages.quantities.lexicon import Lexicon
from pipeline.stages.quantities.operands import Quantity


def other_amounts_currencies(money: list[Quantity], q: Quantity, choices: frozenset[str]) -> Counter[str]:
    """How often the article's money amounts other than ``q`` name each currency of ``choices`` ("PHP 6.793
    trillion", "PKR 50 billion"): what a shared marker's own article says it is (here and shared_markers.py)."""
    return Counter(p.unit for p in money if p is not q and p.unit in choices)


def decide_shared_letters(found: list[tuple[Quantity, str | None]], lex: Lexicon
                          ) -> tuple[list[tuple[Quantity, str | None]], list[tuple[Quantity, frozenset[str]]]]:
    """``found`` with each amount in a shared letter ("P250 billion") given the one currency of that letter the
    article's other amounts name ("PHP 6.793 trillion", "₱928.5 billion"), unit_rule "letter_symbol_context:PHP";
    and the amounts whose article names none of them, or several, with their choices: they get no row (a wrong
    currency is worse than a miss) and the caller records them."""
    money = [q for q, _ in found if q.kind == "money"]
    kept, undecided = [], []
    for q, approx in found:
        choices = lex.shared_letters.get(q.unit or "") if q.kind == "money" else None
        if choices is None:
            kept.append((q, approx))
            continue
        named = other_amounts_currencies(money, q, choices)
        if len(named) == 1:
            code = next(iter(named))
            kept.append((replace(q, unit=code, unit_rule=f"letter_symbol_context:{code}"), approx))
        else:
            undecided.append((q, choices))
    return kept, undecided
