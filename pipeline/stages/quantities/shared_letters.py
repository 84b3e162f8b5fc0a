"""The article decides a letter marker several currencies write ("P": the Philippine peso or Botswana's pula)."""
from __future__ import annotations

from dataclasses import replace

from pipeline.stages.quantities.lexicon import Lexicon
from pipeline.stages.quantities.operands import Quantity


def decide_shared_letters(found: list[tuple[Quantity, str | None]],
                          lex: Lexicon) -> list[tuple[Quantity, str | None]]:
    """``found`` with each amount in a shared letter ("P250 billion") given the one currency of that letter the
    article's other amounts name ("PHP 6.793 trillion", "₱928.5 billion"), unit_rule "letter_symbol_context:PHP";
    an amount whose article names none of them, or several, is dropped: a wrong currency is worse than a miss."""
    named = {q.unit for q, _ in found if q.kind == "money" and q.unit not in lex.shared_letters}
    kept = []
    for q, approx in found:
        choices = lex.shared_letters.get(q.unit or "") if q.kind == "money" else None
        if choices is None:
            kept.append((q, approx))
            continue
        decided = choices & named
        if len(decided) == 1:
            code = next(iter(decided))
            kept.append((replace(q, unit=code, unit_rule=f"letter_symbol_context:{code}"), approx))
    return kept
