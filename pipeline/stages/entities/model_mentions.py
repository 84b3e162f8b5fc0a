"""Model mentions: the model's and the ruler's ``doc.ents``, rejoined where the model cut a name, cut at real line breaks and cleaned."""
from __future__ import annotations

from dataclasses import replace

from pipeline.stages.entities.cleaning import SpanCleaner
from pipeline.stages.entities.context import ArticleContext, Mention, flat
from pipeline.stages.entities.headings import is_capitals_line, is_title_case_line, unattested_in_capitals
from pipeline.stages.entities.options import Options
from pipeline.stages.entities.stocknames import alliances, join_legal_forms, shed_market_prefixes
from pipeline.stages.entities.trimming import split_at_breaks
from pipeline.stages.reconcile import fold_whitespace


def model_mentions(ctx: ArticleContext, opts: Options, cleaner: SpanCleaner) -> list[Mention]:
    """Clean mentions from ``doc.ents`` (model and ruler), cut at real line breaks."""
    raw: list[Mention] = []
    for ent in ctx.doc.ents:
        if ent.label_ not in opts.labels:
            continue
        entry = ctx.gaz.get((ent.start_char, ent.end_char))
        detector = "gazetteer" if entry is not None else "model"
        raw.append(Mention(ent.start_char, ent.end_char, ent.label_, detector, entry))
    out: list[Mention] = []
    raw = join_legal_forms(ctx, shed_market_prefixes(ctx, raw, opts), opts)
    for m in _join_dangling(ctx, _merge_particles(ctx, raw, opts), opts):
        pieces = split_at_breaks(ctx, m.start, m.end)
        if len(pieces) > 1:
            m = replace(m, entry=None, detector="model")  # the pieces of a match are not the name
        for start, end in pieces:
            out.extend(cleaner.clean(ctx, replace(m, start=start, end=end)))
    out = alliances(ctx, _fix_headlines(ctx, opts, out), opts)
    return flat(out)


def _join_dangling(ctx: ArticleContext, mentions: list[Mention], opts: Options) -> list[Mention]:
    """Join "Central Bank of" + "Russia": a name the model cut after a function word."""
    out: list[Mention] = []
    for m in mentions:
        if out:
            prev = out[-1]
            words = fold_whitespace(ctx.text[prev.start:prev.end]).split(" ")
            if (len(words) >= 2 and words[-1] in opts.function_words and ctx.text[prev.end:m.start] == " "
                    and ctx.text[m.start:m.start + 1].isupper() and m.label in ("GPE", "LOC", "ORG")):
                out[-1] = Mention(prev.start, m.end, prev.label, "rule:dangling")
                continue
        out.append(m)
    return out


def _merge_particles(ctx: ArticleContext, mentions: list[Mention], opts: Options) -> list[Mention]:
    """Join "Ursula von" / "von der" + "Leyen" that the model cut around a name particle."""
    out: list[Mention] = []
    for m in mentions:
        if out:
            prev = out[-1]
            gap = ctx.text[prev.end:m.start]
            last_word = fold_whitespace(ctx.text[prev.start:prev.end]).split(" ")[-1]
            gap_words = gap.split()
            joined_by_particles = all(w in opts.particles for w in gap_words) and (
                last_word in opts.particles or bool(gap_words))
            if (0 < len(gap) <= 16 and gap[:1].isspace() and gap[-1:].isspace() and "\n\n" not in gap
                    and joined_by_particles and ctx.text[m.start:m.start + 1].isupper()
                    and "PERSON" in (prev.label, m.label)
                    and prev.entry is None and m.entry is None):
                out[-1] = Mention(prev.start, m.end, "PERSON", "rule:name_particle")
                continue
        out.append(m)
    return out


def _fix_headlines(ctx: ArticleContext, opts: Options, mentions: list[Mention]) -> list[Mention]:
    """In a title-case heading, a model span around gazetteer names is just those names.

    "German Bundestag Approves" -> "Bundestag"; a span ending in an organisation word
    ("Dublin City University" on a byline) is a longer name and stays whole, and so is a
    span of a capitals line that the text also writes on another line ("BANK OF JAPAN").
    """
    out = []
    for m in mentions:
        last_word = fold_whitespace(ctx.text[m.start:m.end]).split(" ")[-1]
        # a capitals line's span the text writes elsewhere is a name of its own ("BANK OF JAPAN")
        attested = is_capitals_line(ctx, m.start) and not unattested_in_capitals(
            ctx, m.start, m.end, fold_whitespace(ctx.text[m.start:m.end]))
        if m.entry is None and last_word not in opts.org_words and not attested and is_title_case_line(ctx, m.start):
            inner = sorted(
                (s, e, entry) for (s, e), entry in ctx.gaz.items() if m.start <= s and e <= m.end and (s, e) != (m.start, m.end)
            )
            if inner:
                out.extend(Mention(s, e, entry.label, "gazetteer", entry) for s, e, entry in inner)
                continue
        out.append(m)
    return out
