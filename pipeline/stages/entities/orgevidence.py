"""Organisation and product cues of the label evidence: a name's suffix or prefix, a stock ticker after it, a product's context."""
# ``ev`` is evidence.py's LabelEvidence, which calls this room: passed in, not imported
from __future__ import annotations

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.namecues import vessel_cue
from pipeline.stages.entities.options import Options
from pipeline.stages.entities.personevidence import _CONTEXT_CHARS


def _suffix_cue(opts: Options, ctx: ArticleContext, words: list[str]) -> str | None:
    """The cue of a name's first or last words: a ship's prefix (``vessel_prefix``: "BRP Diego Silang"), a court's head
    of ``court_name_ends`` in any case (``court_name``: "Delhi High Court", "BOMBAY HIGH COURT"), an organisation's suffix
    (``org_suffix``: "Munich Re"), else None."""
    if cue := vessel_cue(opts, words):
        return cue
    if len(words) >= 3 and " ".join(words[-2:]).casefold() in opts.court_name_ends and words[0][:1].isupper():
        return "court_name"  # "Delhi High Court", "DELHI HIGH COURT": a court, never a person (entity round 50)
    if (len(words) >= 2 and words[-1] in opts.org_suffixes and words[0] not in opts.compass_words
            and words[0] not in opts.demonyms and words[0] not in ctx.norp_words):  # not "Soviet Union"
        return "org_suffix"
    return None


def _ticked(ev, ctx: ArticleContext, m: Mention, words: list[str]) -> bool:
    """True when a stock ticker in brackets follows the name: an exchange and a symbol ("(NYSE: BMY)"), or a symbol alone.

    A symbol alone ("Pfizer (PFE)") only when it is not the name's initials ("European Union
    (EU)", "Democratic Republic of Congo (DRC)": an acronym, any kind of name), not a country's
    ISO code ("Simone Biles (USA)": a results list's country) and the name shows no person.
    """
    g = ev._ticker.match(ctx.text, m.end)
    if g is None:
        return False
    if g.group(1) is not None:
        return True
    symbol = g.group(2)
    if len(symbol) < 2:
        return False
    initials = "".join(w[0] for w in words if w[:1].isupper())
    return (symbol != initials and symbol not in ev._country_codes
            and not (m.label == "PERSON" and ev._person_evidence(ctx, m, words)))


def _product(ev, ctx: ArticleContext, m: Mention) -> bool:
    """True when the words around the name tell a product ("its new Blackwell chips", "the drug Wegovy").

    The words after it only for a name the model calls a person: "Nvidia chips" are a
    company's.
    """
    text = ctx.text
    return ((ev._product_before is not None and ev._product_before.search(text, max(0, m.start - _CONTEXT_CHARS), m.start) is not None)
            or (m.label == "PERSON" and ev._product_after is not None and ev._product_after.match(text, m.end) is not None))
