"""Company names around stock-market words and legal forms, fixed on the model's raw spans.

- "Shares of Nvidia rose", "Shares in Porsche plunged": the market words that open the sentence
  (``market_prefixes`` of entities.toml) are no part of the name; a span of only those words
  ("Shares of", which the model then ran into "Nvidia") is no name.
- "ISHIHARA SANGYO KAISHA, LTD.", "KYOKUYO CO., LTD.": a legal form after a comma belongs to the
  name before it. The model cuts such capitals names at the comma, or keeps only the legal form
  ("LTD"); the span is grown back over the name, marked ``rule:legal_form``, and the full stop of an
  abbreviated legal form in capitals stays ("LTD.", ``trimming``).
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.options import Options

#: a word of a name written in capitals: "ISHIHARA", "CO.", "S&P", "KINKAI"
_CAPS_WORD = re.compile(r"[A-Z][A-Z0-9&'.-]*")


def shed_market_prefixes(ctx: ArticleContext, mentions: list[Mention], opts: Options) -> list[Mention]:
    """Cut "Shares of" / "Shares in" off the start of a raw span; drop a span that is only those words."""
    out: list[Mention] = []
    for m in mentions:
        text = ctx.text[m.start:m.end]
        prefix = next((p for p in opts.market_prefixes if text == p or text.startswith(p + " ")), None)
        if prefix is None or m.entry is not None:
            out.append(m)
            continue
        if text == prefix:
            continue  # "Shares of" the model tagged before "Nvidia"
        start = m.start + len(prefix) + 1
        out.append(replace(m, start=start, detector="rule:market_prefix"))
    return out


def _legal_form(word: str, opts: Options) -> bool:
    """"LTD", "Ltd.", "INC": a legal form of entities.toml, also in capitals."""
    forms = {f.casefold().rstrip(".") for f in opts.legal_forms if len(f.rstrip(".")) >= 2}
    return word.casefold().rstrip(".") in forms


def join_legal_forms(ctx: ArticleContext, mentions: list[Mention], opts: Options) -> list[Mention]:
    """Join a legal form after a comma to the name before it ("ISHIHARA SANGYO KAISHA, LTD.").

    A raw span that is a legal form and follows "<name>," (a comma, then at most one space) joins the span
    ending at that comma ("KYOKUYO CO." + "LTD"); with no such span it grows back over the words written
    in capitals before the comma on the same line ("ISHIHARA SANGYO KAISHA"). Title-case names ("Elan Co.,
    Ltd.", "Apple, Inc.") the model keeps whole and are left as they are.
    """
    out: list[Mention] = []
    for m in mentions:
        surface = ctx.text[m.start:m.end]
        comma = re.search(r",[^\S\n]?$", ctx.text[max(0, m.start - 2):m.start])
        if m.entry is not None or comma is None or not _legal_form(surface, opts) or " " in surface.strip():
            out.append(m)
            continue
        name_end = m.start - len(comma.group(0))
        if not surface.endswith(".") and ctx.text[m.end:m.end + 1] == ".":
            m = replace(m, end=m.end + 1)  # "LTD" + ".": trimming decides whether the full stop closes the abbreviation
        if out and out[-1].end == name_end and out[-1].label in ("ORG", "PERSON", "GPE", "FAC", "NORP"):
            prev = out[-1]
            out[-1] = Mention(prev.start, m.end, "ORG", "rule:legal_form")
            continue
        start = name_end
        words = 0
        for w in reversed(list(re.finditer(r"\S+", ctx.text[ctx.text.rfind("\n", 0, name_end) + 1:name_end]))):
            if not _CAPS_WORD.fullmatch(w.group(0)) or sum(c.isalpha() for c in w.group(0)) < 2 or words == 6:
                break
            start = ctx.text.rfind("\n", 0, name_end) + 1 + w.start()
            words += 1
        if words == 0 or any(o.end > start for o in out if o.start < name_end):
            out.append(m)
            continue
        out.append(Mention(start, m.end, "ORG", "rule:legal_form"))
    return out


#: "pro-European", "pro-Russian": a stance word before an alliance's name
_STANCE = r"pro-[A-Z][a-z]+[^\S\n]+"


def alliances(ctx: ArticleContext, mentions: list[Mention], opts: Options) -> list[Mention]:
    """Add an electoral alliance the model missed: "the Patriotic Bloc", "the pro-European Alternative bloc".

    One to three title-case words before a head of ``alliance_heads`` (lower-case too after a "pro-<Demonym>"
    stance word) name the alliance; never a nationality or compass word ("Soviet bloc", "Eastern Bloc"). A raw
    span inside the name (the model's "Alternative") gives way to it; one that overlaps it otherwise keeps it out.
    Runs on the cleaned mentions: the lower-case head is part of the name, which the noise rules would refuse.
    """
    if not opts.alliance_heads:
        return mentions
    heads = "|".join(map(re.escape, opts.alliance_heads))
    lower = "|".join(re.escape(h.lower()) for h in opts.alliance_heads)
    pattern = re.compile(r"(?<![\w-])(?:(?P<stance>" + _STANCE + r"))?(?P<name>(?:(?!The\b)[A-Z][a-z]+[^\S\n]+){1,3}(?:"
                         + heads + r"|(?P<lower>" + lower + r")))(?![\w-])")
    found = []
    for g in pattern.finditer(ctx.text):
        if g.group("lower") and not g.group("stance"):
            continue
        words = g.group("name").split()
        if words[0] in opts.demonyms or words[0] in opts.compass_words or words[0] in ("A", "An"):
            continue
        found.append(Mention(g.start("name"), g.end("name"), "ORG", "rule:alliance", evidence="alliance"))
    if not found:
        return mentions
    kept = [m for m in mentions
            if not any(a.start <= m.start and m.end <= a.end and (m.start, m.end) != (a.start, a.end) for a in found)]
    new = [a for a in found if not any(m.start < a.end and a.start < m.end for m in kept)]
    return sorted(kept + new, key=lambda m: (m.start, m.end))
