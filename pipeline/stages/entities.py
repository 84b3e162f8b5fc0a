"""Entity mention detection: the model's entities plus the gazetteer's, cleaned by rules.

Two parts, both driven by data in ``configs/`` (gazetteer.toml, entities.toml):

* ``add_entity_ruler`` puts a spaCy SpanRuler after the model's ``ner``, built from the
  gazetteer's aliases, so the one spaCy pass already yields the gazetteer's entities:
  every raw match is kept in ``doc.spans["gazetteer"]`` and, in ``doc.ents``, a match
  replaces the model entities it overlaps unless a model entity is a longer proper name
  around it ("Carnegie Russia Eurasia Center" around "Russia").
* ``MentionExtractor`` turns one article's ``Doc`` into ``mention_candidates`` rows. It
  fixes the small model's systematic errors with general rules: entities cut at real
  line breaks (hard-wrapped lines are joined, paragraph and heading breaks are not),
  titles and forms of address left out ("Prime Minister Keir Starmer" -> "Keir
  Starmer"), possessives, a leading "the" and stray punctuation trimmed, "Long Name
  (ACR)" split in two, references to numbered publications and provisions dropped
  ("SWP Research Paper 2/2023", "Art. 346"); and it adds what the model misses:
  datelines ("BRUSSELS —"), acronym definitions ("Long Name (ACR)", "(Long Name –
  ACR)"), "the <Head>" back-references ("the Partnership"), "Sir Keir", "<person>
  administration", "<organisation> summit", "<state>-<state> war", person names the
  model labels as organisations. It also drops
  dates, amounts and references the model calls names ("Sep 28", "USD 1.7", "Fig 1"),
  words capitalised only by their position (sentence start, headings, run-in headings
  such as "Budget and Arms Production Growth. Russia plans ..."), heading words in
  capitals that the text never writes elsewhere ("RENEWED ENERGY IN"), generic phrases
  ("Heads of State and Government", "Allies"); splits an organisation's possessive
  ("Parliament’s Committee on Budgets") and a nationality from an equipment designator
  ("Danish F-16s") or a person ("Estonian Pevkur"), joins "Central Bank of" + "Russia",
  "Maritime" + "and Fisheries Fund" and a first name the model left out ("Władysław" +
  "Kosiniak-Kamysz"), and relabels "<place> Summit" as EVENT, "<...> Treaty/Law" as LAW,
  "F-16s", "Super Sonic Strike Missile" and a name before a weapon noun ("G95 assault
  rifles") as PRODUCT.

Offsets: the Doc was built from a length-preserving view of ``article.text``, so a Doc
character offset is an article offset; the ``text`` column is always sliced from
``article.text``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry

from pipeline.core.article import Article
from pipeline.core.ids import span_id
from pipeline.stages.reconcile import (
    ENTITY_LABELS,
    GazetteerEntry,
    acronym_matches,
    alias_variants,
    fold_whitespace,
    gazetteer_entries,
)

GAZETTEER_SPANS_KEY = "gazetteer"
RULER_NAME = "gazetteer_ruler"
ENTS_FILTER = "pipeline.gazetteer_ents_filter.v1"

_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_DETERMINERS = frozenset({"the", "The"})
_LEADING_PUNCT = "\"'“”‘’«»([{*•·,;:!?&–—-/|"
_TRAILING_PUNCT = "\"'“”‘’«»)]}*•·,;:!?&–—-/|."
_INITIALISM_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_REPORT_NUMBER = re.compile(r"^\s*\d+(?:[/.]\d+)*\b")
_NUMBER_SLASH = re.compile(r"\d+/\d{2,4}")
# "BRUSSELS —", "NEW DELHI –", "BRUSSELS (May 19, 2025) —": a place in capitals opening a
# line, then a dash, perhaps after a date or an agency in brackets
_DATELINE = re.compile(r"(?m)^[^\S\n]*([A-Z][A-Z.'’\-]*(?:[^\S\n][A-Z][A-Z.'’\-]*){0,2})[^\S\n]+"
                       r"(?:\([^()\n]{1,40}\)[^\S\n]*)?[—–]")


def dateline_places(text: str) -> list[tuple[int, int]]:
    """(start, end) of the place naming each dateline in ``text`` ("BRUSSELS —", "NEW DELHI –").

    The place an article was filed from: a name of at least three letters in capitals
    opening a line, then a dash.
    """
    return [(g.start(1), g.end(1)) for g in _DATELINE.finditer(text) if sum(c.isalpha() for c in g.group(1)) >= 3]


_BRACKETED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]*[A-Z][A-Za-z]*)\s*\)")
# "(Common Agricultural Policy – CAP)": the long form and its acronym inside one bracket
_DASHED_DEFINITION = re.compile(r"\(\s*([A-Z][^()\n]{2,80}?)\s+[–—-]\s+([A-Z][A-Za-z0-9&]*[A-Z][A-Za-z]*)\s*\)")
# Penn tags of plural common nouns, verbs and adverbs: a capitalised sentence-initial word
# with one of them is capitalised by its position only
_COMMON_TAGS = frozenset({"NNS", "RB", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
_NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "conj", "appos", "attr", "ROOT"})


# ------------------------------------------------------------------ the ruler


def gazetteer_patterns(lexicon: dict) -> list[dict]:
    """SpanRuler phrase patterns for every alias variant of the gazetteer, sorted."""
    seen: dict[str, dict] = {}
    for entry in gazetteer_entries(lexicon):
        for alias in entry.aliases:
            for form in alias_variants(alias):
                seen.setdefault(form, {"label": entry.label, "pattern": form, "id": entry.name})
    return [seen[form] for form in sorted(seen)]


def add_entity_ruler(nlp, lexicon: dict) -> None:
    """Add the gazetteer's SpanRuler after the model's ``ner`` (replacing an earlier one).

    Raw matches go to ``doc.spans["gazetteer"]``; ``doc.ents`` gets the matches merged
    with the model's entities by ``gazetteer_ents_filter``.
    """
    if RULER_NAME in nlp.pipe_names:
        nlp.remove_pipe(RULER_NAME)
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(
        "span_ruler",
        name=RULER_NAME,
        config={
            "spans_key": GAZETTEER_SPANS_KEY,
            "annotate_ents": True,
            "overwrite": False,
            "ents_filter": {"@misc": ENTS_FILTER},
            "validate": False,
        },
        **where,
    )
    ruler.add_patterns(gazetteer_patterns(lexicon))


@registry.misc(ENTS_FILTER)
def make_gazetteer_ents_filter():
    """Registry factory of ``gazetteer_ents_filter`` for the SpanRuler's config."""
    return gazetteer_ents_filter


def gazetteer_ents_filter(entities, spans) -> list[Span]:
    """Merge the model's entities with the gazetteer's matches into non-overlapping ents.

    A match wins over the model entities it overlaps, except when a model entity
    strictly contains it and extends it with further capitalised words and no
    possessive follows the match inside the entity (a longer proper name); adjectives
    in front of the match do not extend it ("Ukrainian NATO membership"). Of a model
    entity that loses, any run of two or more words outside the matches stays ("Trump's
    National Security" -> "Trump" + "National Security"), and so does a capitalised
    adjective, as a nationality ("Ukrainian"); a date or number keeps its digits.
    """
    matches = filter_spans(spans)
    kept: list[Span] = []
    suppressed: set[tuple[int, int]] = set()
    for ent in entities:
        inside = [m for m in matches if m.start < ent.end and ent.start < m.end]
        if not inside:
            kept.append(ent)
        elif _extends_name(ent, inside):
            kept.append(ent)
            suppressed.update((m.start, m.end) for m in inside)
        else:
            for start, end, label in _leftover_runs(ent, inside):
                kept.append(Span(ent.doc, start, end, label=label))
    kept.extend(m for m in matches if (m.start, m.end) not in suppressed)
    return sorted(filter_spans(kept), key=lambda s: (s.start, s.end))


def _covered(token_i: int, matches: list[Span]) -> bool:
    """True when token ``token_i`` lies inside one of the gazetteer matches."""
    return any(m.start <= token_i < m.end for m in matches)


def _extends_name(ent: Span, inside: list[Span]) -> bool:
    """True when model entity ``ent`` is a longer proper name around the matches ``inside``."""
    if not all(ent.start <= m.start and m.end <= ent.end for m in inside):
        return False
    for m in inside:
        # "Trump's National Security": an owner; "Central Bank of Russia's" is the whole name's
        if m.end + 1 < ent.end and ent.doc[m.end].text in _POSSESSIVES:
            return False
    extra = [t for t in ent if not _covered(t.i, inside) and not t.is_space]
    if extra and extra[0].i == ent.start and extra[0].text in _DETERMINERS:
        extra = extra[1:]
    first = min(m.start for m in inside)
    if extra and all(t.i < first and t.tag_ == "JJ" for t in extra):
        return False  # "Ukrainian NATO": an adjective in front of the name
    return any(t.is_alpha and t.text[:1].isupper() for t in extra)


def _leftover_runs(ent: Span, inside: list[Span]) -> list[tuple[int, int, str]]:
    """Token ranges of ``ent`` outside the matches that still deserve to be entities."""
    numeric = ent.label_ not in ENTITY_LABELS
    runs, start = [], None
    for i in range(ent.start, ent.end + 1):
        free = i < ent.end and not _covered(i, inside) and ent.doc[i].text not in _POSSESSIVES
        if free and start is None:
            start = i
        elif not free and start is not None:
            runs.append((start, i))
            start = None
    out = []
    for a, b in runs:
        while a < b and not (ent.doc[a].is_alpha or ent.doc[a].like_num) or (a < b and ent.doc[a].text in _DETERMINERS):
            a += 1
        while b > a and not (ent.doc[b - 1].is_alpha or ent.doc[b - 1].like_num):
            b -= 1
        if a >= b:
            continue
        tokens = ent.doc[a:b]
        if numeric and any(t.like_num for t in tokens):
            out.append((a, b, ent.label_))
        elif not numeric and b - a >= 2 and tokens[0].text[:1].isupper():
            out.append((a, b, ent.label_))
        elif not numeric and b - a == 1 and tokens[0].tag_ == "JJ" and tokens[0].text[:1].isupper():
            out.append((a, b, "NORP"))
    return out


# ------------------------------------------------------------------ options


@dataclass(frozen=True)

class _Options:
    labels: frozenset
    titles: re.Pattern | None
    prefix_modifiers: re.Pattern | None
    law_heads: frozenset
    honorifics: tuple
    particles: frozenset
    anaphor_heads: frozenset
    anaphor_determiners: tuple
    anaphor_modifiers: tuple
    event_heads: tuple
    conflict_heads: tuple
    person_org_heads: tuple
    person_nouns: frozenset
    person_verbs: frozenset
    org_words: frozenset
    generic_words: frozenset
    reference_words: frozenset
    function_words: frozenset
    acronym_fillers: frozenset
    date_words: frozenset
    unit_words: frozenset
    designator: re.Pattern | None
    demonyms: frozenset
    equipment_heads: frozenset
    equipment_nouns: tuple
    equipment_modifiers: tuple

    @classmethod
    def from_lexicon(cls, lexicon: dict) -> _Options:
        cfg = (lexicon or {}).get("entities") or {}
        titles = ((lexicon or {}).get("gazetteer") or {}).get("titles", [])
        return cls(
            labels=frozenset(cfg.get("labels", ENTITY_LABELS)),
            titles=title_pattern(titles),
            prefix_modifiers=title_pattern(cfg.get("prefix_modifiers", [])),
            law_heads=frozenset(cfg.get("law_heads", [])),
            honorifics=tuple(cfg.get("honorifics", [])),
            particles=frozenset(w.casefold() for w in cfg.get("name_particles", [])),
            anaphor_heads=frozenset(cfg.get("anaphor_heads", [])),
            anaphor_determiners=tuple(cfg.get("anaphor_determiners", [])),
            anaphor_modifiers=tuple(cfg.get("anaphor_modifiers", [])),
            event_heads=tuple(cfg.get("event_heads", [])),
            conflict_heads=tuple(cfg.get("conflict_heads", [])),
            person_org_heads=tuple(cfg.get("person_org_heads", [])),
            person_nouns=frozenset(w.casefold() for w in cfg.get("person_nouns", [])),
            person_verbs=frozenset(cfg.get("person_verbs", [])),
            org_words=frozenset(cfg.get("org_words", [])),
            generic_words=frozenset(cfg.get("generic_words", [])),
            reference_words=frozenset(cfg.get("reference_words", [])),
            function_words=frozenset(cfg.get("name_function_words", [])),
            acronym_fillers=frozenset(w.casefold() for w in cfg.get("acronym_fillers", [])),
            date_words=frozenset(cfg.get("date_words", [])),
            unit_words=frozenset(cfg.get("unit_words", [])),
            designator=re.compile(cfg["designator_pattern"]) if cfg.get("designator_pattern") else None,
            # the gazetteer's nationality adjectives, as written ("Dutch", "South Korean")
            demonyms=frozenset(" ".join(w.capitalize() for w in key.split())
                               for key in ((lexicon or {}).get("gazetteer") or {}).get("nationalities", {})),
            equipment_heads=frozenset(cfg.get("equipment_heads", [])),
            equipment_nouns=tuple(cfg.get("equipment_nouns", [])),
            equipment_modifiers=tuple(cfg.get("equipment_modifiers", [])),
        )


def title_pattern(titles: list[str]) -> re.Pattern | None:
    """One case-insensitive regex for a list of titles, longest first; None for no titles."""
    if not titles:
        return None
    parts = []
    for title in sorted(set(titles), key=lambda t: (-len(t), t)):
        body = r"\s+".join(re.escape(w) for w in title.split())
        # "then-" and "ex-" glue to the next word; other titles end at a word boundary
        parts.append(body if title.endswith("-") else body + r"(?![\w-])")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + ")", re.IGNORECASE)


def _alternation(words: tuple) -> str:
    """A regex alternation of ``words``, escaped, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _compile(template: str, words: tuple) -> re.Pattern | None:
    """``template`` with ``{}`` replaced by an alternation of ``words``; None without words."""
    return re.compile(template.format(_alternation(words))) if words else None


# ------------------------------------------------------------------ the extractor


@dataclass
class _Mention:
    start: int
    end: int
    label: str
    detector: str
    entry: GazetteerEntry | None = None


@dataclass
class _Context:
    """What the rules need to know about one article, computed once."""

    doc: Doc
    text: str
    line_starts: list[int]
    wrap_width: int
    title_ranges: list[tuple[int, int]]
    gaz: dict[tuple[int, int], GazetteerEntry] = field(default_factory=dict)
    gpe_openers: frozenset = frozenset()
    lower_words: frozenset = frozenset()
    norp_words: frozenset = frozenset()

    def __post_init__(self) -> None:
        self._title_ends = [end for _, end in self.title_ranges]

    def titles_within(self, start: int, end: int) -> list[tuple[int, int]]:
        """Title matches overlapping [start, end); they come from one finditer, so never overlap."""
        i = bisect.bisect_left(self.title_ranges, (end, end))
        j = bisect.bisect_right(self._title_ends, start, 0, i)
        return self.title_ranges[j:i]

    def line_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.line_starts, pos) - 1
        start = self.line_starts[i]
        end = self.text.find("\n", start)
        return start, (len(self.text) if end == -1 else end)

    def is_wrap(self, newline: int) -> bool:
        """True when the line break at ``newline`` only wraps a long line (hard wrap)."""
        line_start, _ = self.line_of(newline)
        line = self.text[line_start:newline].rstrip()
        rest = self.text[newline + 1:]
        nxt = rest.lstrip().split(maxsplit=1)
        next_word = nxt[0] if nxt else ""
        return len(line) + 1 + len(next_word) > self.wrap_width


class MentionExtractor:
    """Turn one article's Doc into ``mention_candidates`` rows (see the module docstring).

    ``lexicon`` is ``{"gazetteer": <gazetteer.toml>, "entities": <entities.toml or {}>}``.
    """

    def __init__(self, lexicon: dict) -> None:
        self.options = opts = _Options.from_lexicon(lexicon)
        self.entries = {e.name: e for e in gazetteer_entries(lexicon)}
        self.by_surface: dict[str, GazetteerEntry] = {}
        for entry in self.entries.values():
            for alias in entry.aliases:
                for form in alias_variants(alias):
                    self.by_surface.setdefault(form, entry)
        # what may follow a mention to grow it (one line break allowed: hard wraps)
        gap = r"[^\S\n]*\n?[^\S\n]*"
        self._person_org = _compile(gap + r"(?:{})\b", opts.person_org_heads)
        self._pair_event = _compile(r"[-–][A-Z][\w.]*" + gap + r"({})\b(?![-’'])", opts.conflict_heads + opts.event_heads)
        self._event = _compile(gap + r"(?:{})\b(?![-’'])", opts.event_heads)
        self._honorific = _compile(r"\b(?:{})\s+([A-Z][\w’'\-]+(?:[^\S\n]+[A-Z][\w’'\-]+){{0,2}})", opts.honorifics)
        # "Patriot missile batteries", "G95 assault rifles": modifiers, then the weapon noun
        modifiers = r"(?:(?:" + _alternation(opts.equipment_modifiers) + r")[^\S\n]+){{0,3}}" if opts.equipment_modifiers else ""
        self._equipment = _compile(r"[^\S\n]+" + modifiers + r"(?:{})(?![-\w])", opts.equipment_nouns)
        self._anaphor = None
        if opts.anaphor_heads and opts.anaphor_determiners:
            modifiers = r"(?:(?:" + _alternation(opts.anaphor_modifiers) + r")\s+)?" if opts.anaphor_modifiers else ""
            # "the Partnership", "This new Partnership", not "the Commission President"
            self._anaphor = re.compile(
                r"\b(" + _alternation(opts.anaphor_determiners) + r")\s+" + modifiers
                + r"(" + _alternation(tuple(opts.anaphor_heads)) + r")\b(?![-\w]|\s+[A-Z])"
            )

    def __call__(self, doc: Doc, article: Article) -> list[dict]:
        if len(doc.text) != len(article.text):
            raise ValueError(
                f"[E201] doc has {len(doc.text)} characters but article {article.doc_id!r} has "
                f"{len(article.text)}; build the Doc from view_text(article.text)"
            )
        ctx = self._context(doc, article)
        mentions = self._from_ents(ctx)
        mentions = [self._relabel(ctx, m) for m in mentions]
        mentions = self._extend(ctx, mentions)
        mentions = self._add_rules(ctx, mentions)
        return self._rows(ctx, article, mentions)

    # -------------------------------------------------------------- context

    def _context(self, doc: Doc, article: Article) -> _Context:
        """Lines, wrap width, title matches and gazetteer matches of one article."""
        text = article.text
        line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        lengths = sorted(len(line.rstrip()) for line in text.split("\n") if line.strip())
        # hard-wrapped text has most lines near one width (a stray long line is ignored
        # once there are enough lines); otherwise its lines are paragraphs
        if len(lengths) >= 20:
            wrap_width = lengths[int(0.95 * (len(lengths) - 1))]
        else:
            wrap_width = lengths[-1] if lengths else 0
        titles = []
        if self.options.titles is not None:
            titles = [(m.start(), m.end()) for m in self.options.titles.finditer(text)]
        # first words of multi-word GPEs ("Saudi" of "Saudi Arabia") for clipped mentions
        openers = frozenset(
            e.text.split()[0] for e in doc.ents if e.label_ == "GPE" and len(e.text.split()) > 1
        )
        # what the model calls a nationality somewhere in the text ("Dutch")
        norp_words = frozenset(e.text for e in doc.ents if e.label_ == "NORP")
        # words the text writes in lower case: a capitalised form of them at a sentence or
        # heading start is a common word, not a name ("Supporters liken ...", "Missile Systems:")
        lower = frozenset(re.findall(r"(?<![\w’'\-])[a-z][a-z’'\-]*", text))
        ctx = _Context(doc, text, line_starts, wrap_width, titles, gpe_openers=openers, lower_words=lower,
                       norp_words=norp_words)
        for span in doc.spans.get(GAZETTEER_SPANS_KEY, []):
            entry = self.entries.get(span.id_) or self.by_surface.get(span.text)
            if entry is not None:
                ctx.gaz.setdefault((span.start_char, span.end_char), entry)
        return ctx

    # -------------------------------------------------------------- model + ruler ents

    def _from_ents(self, ctx: _Context) -> list[_Mention]:
        """Clean mentions from ``doc.ents`` (model and ruler), cut at real line breaks."""
        raw: list[_Mention] = []
        for ent in ctx.doc.ents:
            if ent.label_ not in self.options.labels:
                continue
            entry = ctx.gaz.get((ent.start_char, ent.end_char))
            detector = "gazetteer" if entry is not None else "model"
            raw.append(_Mention(ent.start_char, ent.end_char, ent.label_, detector, entry))
        out: list[_Mention] = []
        for m in _join_dangling(ctx, _merge_particles(ctx, raw, self.options), self.options):
            pieces = _split_at_breaks(ctx, m.start, m.end)
            if len(pieces) > 1:
                m = replace(m, entry=None, detector="model")  # the pieces of a match are not the name
            for start, end in pieces:
                out.extend(self._clean(ctx, replace(m, start=start, end=end)))
        out = self._fix_headlines(ctx, out)
        return _flat(out)

    def _clean(self, ctx: _Context, m: _Mention) -> list[_Mention]:
        """Trim one raw span into zero, one or two clean mentions."""
        text = ctx.text
        start, end = _trim(text, m.start, m.end)
        if start >= end:
            return []
        # "Long Name (ACR)": two mentions; "Article 41(2": close the bracket
        span_text = text[start:end]
        if "(" in span_text:
            open_at = start + span_text.index("(")
            inner = re.match(r"\(\s*([A-Z][A-Za-z0-9&.\-]*)\s*\)?", text[open_at:end])
            if inner and sum(c.isupper() for c in inner.group(1)) >= 2:
                acr_start = open_at + inner.start(1)
                parts = [replace(m, start=start, end=open_at, entry=None, detector=m.detector),
                         replace(m, start=acr_start, end=acr_start + len(inner.group(1)), entry=None)]
                return [x for part in parts for x in self._clean(ctx, part)]
            if span_text.count("(") > span_text.count(")") and text[end:end + 1] == ")":
                end += 1
            elif span_text.count("(") > span_text.count(")"):
                start, end = _trim(text, start, open_at)
        if start >= end:
            return []
        parts = (self._split_owner(ctx, start, end, m) or self._split_designator(ctx, start, end, m)
                 or self._split_nationality(ctx, start, end, m))
        if parts:
            return [x for part in parts for x in self._clean(ctx, part)]
        # "Central Bank of": a name never ends in a function word
        while True:
            tail = re.search(r"\s+(\S+)$", text[start:end])
            if not tail or tail.group(1) not in self.options.function_words:
                break
            end = start + tail.start()
        surface = fold_whitespace(text[start:end])
        gaz_exact = self.by_surface.get(surface)
        # a leading "the": kept only where the gazetteer's alias has it ("the bloc")
        if not (gaz_exact and surface[:4].casefold() == "the "):
            det = re.match(r"(the|The)\s+", text[start:end])
            if det and (det.group(1) == "the" or not _the_in_name(ctx, start)):
                # 'the "Belem Mission': the quote after "the" goes too
                start, end = _trim(text, start + det.end(), end)
        if start >= end:
            return []
        cut_end = end
        start, end = self._strip_titles(ctx, start, end, m)
        if start >= end:
            return []
        out = replace(m, start=start, end=end)
        surface = fold_whitespace(text[start:end])
        if (end < cut_end and " " not in surface and m.label != "PERSON"
                and any(t_start >= end for t_start, _ in ctx.titles_within(end, cut_end))):
            # "British" of "British Defence Secretary": a lone word before a title is a nationality
            out.label = "NORP"
        entry = ctx.gaz.get((start, end)) or self.by_surface.get(surface) or m.entry
        if entry is not None:
            out.entry = entry
            out.label = entry.label
        elif self._is_noise(ctx, start, end, m):
            return []
        return [out]

    def _split_owner(self, ctx: _Context, start: int, end: int, m: _Mention) -> list[_Mention]:
        """"Parliament’s Committee on Budgets": an organisation's possessive ends its name.

        The model runs an owner and the thing owned into one span; when the words before
        the possessive are a whole organisation name (a gazetteer alias or ending in an
        organisation word), both are mentions of their own. "King’s College" stays whole.
        """
        g = re.search(r"[’']s\s+(?=[A-Z])", ctx.text[start:end])
        if g is None or m.entry is not None:
            return []
        owner = fold_whitespace(ctx.text[start:start + g.start()])
        entry = self.by_surface.get(owner)
        if entry is None and owner.split(" ")[-1] not in self.options.org_words:
            return []
        return [_Mention(start, start + g.start(), entry.label if entry else "ORG", m.detector, entry),
                _Mention(start + g.end(), end, m.label, m.detector)]

    def _split_designator(self, ctx: _Context, start: int, end: int, m: _Mention) -> list[_Mention]:
        """"Danish F-16s": a nationality and an equipment designator, two mentions.

        The words before the designator are a nationality when the tagger calls them
        adjectives, the model calls them NORP elsewhere in the text or they are known
        nationality adjectives (``demonyms``, the gazetteer's ``nationalities``: "Dutch F-35s").
        """
        designator = self.options.designator
        if designator is None or m.entry is not None:
            return []
        words = list(re.finditer(r"\S+", ctx.text[start:end]))
        if len(words) < 2 or not designator.fullmatch(words[-1].group(0)):
            return []
        span = ctx.doc.char_span(start, start + words[-2].end(), alignment_mode="expand")
        if span is None or not all(t.text[:1].isupper() for t in span):
            return []
        if not (all(t.tag_ == "JJ" for t in span) or span.text in ctx.norp_words
                or all(t.text in self.options.demonyms for t in span)):
            return []
        return [_Mention(start, start + words[-2].end(), "NORP", "rule:designator"),
                _Mention(start + words[-1].start(), end, "PRODUCT", "rule:designator")]

    def _split_nationality(self, ctx: _Context, start: int, end: int, m: _Mention) -> list[_Mention]:
        """"Estonian Pevkur": a nationality adjective in front of a person's name, two mentions.

        Only for the model's persons whose first word is one of ``demonyms`` and whose rest
        is capitalised; organisations keep theirs ("Polish Ministry of National Defense").
        """
        if m.label != "PERSON" or m.entry is not None:
            return []
        g = re.match(r"(\S+)\s+(?=[A-Z])", ctx.text[start:end])
        if g is None or g.group(1) not in self.options.demonyms:
            return []
        return [_Mention(start, start + len(g.group(1)), "NORP", "rule:nationality"),
                _Mention(start + g.end(), end, "PERSON", m.detector)]

    def _strip_titles(self, ctx: _Context, start: int, end: int, m: _Mention) -> tuple[int, int]:
        """Leave titles and forms of address out of a name; drop a span that is all title."""
        text = ctx.text
        if self.options.prefix_modifiers is not None:
            lead = self.options.prefix_modifiers.match(text, start, end)
            if lead and lead.end() < end:
                start, end = _trim(text, lead.end(), end)
        for _ in range(4):
            cut = None
            for t_start, t_end in ctx.titles_within(start, end):
                if start < t_start < end < t_end:
                    # "British Defence" + "Secretary": the span ends inside a title
                    return _trim(text, start, t_start)
                if t_start <= start and t_end >= end:
                    # the whole span is (part of) a title: "State" of "Secretary of State"
                    full = fold_whitespace(text[start:end])
                    if self.by_surface.get(full) is None and m.label != "PERSON":
                        return start, start
                    continue
                lead = text[start:max(start, t_start)].split()
                rest = text[t_end:end].strip()
                if len(lead) <= 3 and all(w[:1].isupper() for w in lead) and rest[:1].isupper():
                    # only a person's name sheds a title: "General Dynamics" stays whole
                    rest_entry = self.by_surface.get(fold_whitespace(rest)) or m.entry
                    if m.label == "PERSON" or (rest_entry is not None and rest_entry.label == "PERSON"):
                        cut = t_end
            if cut is None:
                break
            start = cut
            start, end = _trim(text, start, end)
        return start, end

    def _is_noise(self, ctx: _Context, start: int, end: int, m: _Mention) -> bool:
        """Model spans that are not names: fragments, generic words, references."""
        text, opts = ctx.text, self.options
        surface = fold_whitespace(text[start:end])
        words = surface.split(" ")
        if not any(c.isalpha() for c in surface) or not any(c.isupper() for c in surface):
            return True
        if surface[:1].islower() and words[0].casefold() not in opts.particles:
            return True  # "pre-Summit": a name starts with a capital (or a particle: "von der Leyen")
        if any(c.isdigit() for c in surface) and _only_numbers_and(words, opts.date_words | opts.unit_words | opts.reference_words):
            return True  # "Sep 28", "USD 1.7", "Fig 1": a date, an amount, a reference
        if self._positional_common(ctx, start, end, words):
            return True
        if surface in opts.generic_words or (len(words) == 1 and surface.casefold() in STOP_WORDS):
            return True
        if _is_capitals_line(ctx, start) and _unattested_in_capitals(ctx, start, end, surface):
            return True  # "RENEWED ENERGY IN": a heading in capitals names only what the text names
        if any(w.isalpha() and w.islower() and w not in opts.function_words for w in words):
            return True
        if _NUMBER_SLASH.search(surface) or surface in opts.reference_words:
            return True
        after = text[end:end + 16]
        if _REPORT_NUMBER.match(after) and not _REPORT_NUMBER.match(after).group(0).strip().isdigit():
            return True  # "SWP Research Paper 2/2023"
        if words[-1] in opts.reference_words or words[-1].rstrip(".") in opts.reference_words:
            return True
        return False

    def _positional_common(self, ctx: _Context, start: int, end: int, words: list[str]) -> bool:
        """True for common words capitalised only by where they stand.

        At a sentence start, a line start or in a heading (title case, capitals or run-in), a
        span whose every word the document also writes in lower case ("Missile Systems:",
        "EASTERN SENTRY") is no name; nor is one sentence-initial word that the tagger
        calls a plural common noun, a verb or an adverb ("Supporters liken"). (A singular
        noun tag is no evidence: the small model gives it to unknown names, "Euroclear".)
        In a heading, three or more words with no organisation word are heading words
        already when all but one of them, the last included, are written in lower case
        ("Budget and Arms Production Growth." with "budget" and "production" in the text).
        """
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) == 1 and span[0].is_sent_start:
            tag = span[0].tag_
            if tag in _COMMON_TAGS:
                return True
        content = [w for w in words if w.casefold() not in self.options.function_words]
        if not content:
            return False
        lowered = [w for w in content if _written_lower(w, ctx.lower_words)]
        if len(lowered) < len(content):
            return (len(content) >= 3 and len(lowered) == len(content) - 1
                    and _written_lower(content[-1], ctx.lower_words)
                    and not any(w in self.options.org_words for w in content) and _is_heading(ctx, start))
        line_start, _ = ctx.line_of(start)
        if re.fullmatch(r"\s*(?:[-•*–]|\d+[.)])?\s*", ctx.text[line_start:start]):
            return True
        if _is_heading(ctx, start):
            return True
        return span is not None and len(span) > 0 and bool(span[0].is_sent_start)

    def _fix_headlines(self, ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
        """In a title-case heading, a model span around gazetteer names is just those names.

        "German Bundestag Approves" -> "Bundestag"; a span ending in an organisation word
        ("Dublin City University" on a byline) is a longer name and stays whole.
        """
        out = []
        for m in mentions:
            last_word = fold_whitespace(ctx.text[m.start:m.end]).split(" ")[-1]
            if m.entry is None and last_word not in self.options.org_words and _is_title_case_line(ctx, m.start):
                inner = sorted(
                    (s, e, entry) for (s, e), entry in ctx.gaz.items() if m.start <= s and e <= m.end and (s, e) != (m.start, m.end)
                )
                if inner:
                    out.extend(_Mention(s, e, entry.label, "gazetteer", entry) for s, e, entry in inner)
                    continue
            out.append(m)
        return out

    # -------------------------------------------------------------- relabelling

    def _relabel(self, ctx: _Context, m: _Mention) -> _Mention:
        """Correct the model's label from context: clipped GPEs, persons, laws."""
        if m.entry is not None or m.detector != "model":
            return m
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return m
        words = fold_whitespace(ctx.text[m.start:m.end]).split(" ")
        # "heading to Saudi": a nationality word used as a noun that opens a longer GPE
        if m.label == "NORP" and len(words) == 1 and span.root.dep_ in _NOMINAL_DEPS and words[0] in ctx.gpe_openers:
            return replace(m, label="GPE", detector="rule:clipped_gpe")
        if m.label != "PERSON" and 2 <= len(words) <= 4 and self._looks_like_person(span, words):
            return replace(m, label="PERSON", detector="rule:person_context")
        # "Ukrainian President" as PERSON: an adjective the model calls NORP elsewhere in the text
        if (m.label in ("ORG", "PERSON", "GPE", "FAC", "PRODUCT", "WORK_OF_ART") and len(span) == 1
                and span[0].tag_ == "JJ" and words[0] in ctx.norp_words):
            return replace(m, label="NORP", detector="rule:adjective")
        # "Trade and Cooperation Agreement", "1949 North Atlantic Treaty", "Basic Law": a law
        if m.label in ("ORG", "EVENT", "GPE", "PRODUCT", "WORK_OF_ART") and len(words) >= 2 and words[-1] in self.options.law_heads:
            return replace(m, label="LAW", detector="rule:law_head")
        # "Washington Summit", "The Hague Summit": a meeting, whatever place opens it
        if m.label in ("ORG", "GPE", "LOC", "FAC", "NORP") and len(words) >= 2 and words[-1] in self.options.event_heads and words[-1][:1].isupper():
            return replace(m, label="EVENT", detector="rule:event")
        # "F-16s", "Su-27": an equipment designator is a product, never a person or place
        designator = self.options.designator
        if designator is not None and m.label != "PRODUCT" and len(words) == 1 and designator.fullmatch(words[0]):
            return replace(m, label="PRODUCT", detector="rule:designator")
        # "Super Sonic Strike Missile": a name headed by a weapon noun
        if m.label not in ("PRODUCT", "NORP", "LAW") and len(words) >= 2 and words[-1] in self.options.equipment_heads:
            return replace(m, label="PRODUCT", detector="rule:equipment")
        # "Patriot air defence systems", "G95 assault rifles": a name in front of a weapon noun.
        # Persons and works only, and organisations written with a digit: a company or a
        # place in front of the noun is its maker or its target ("Saab jets", "Kyiv drones")
        if ((m.label in ("PERSON", "WORK_OF_ART", "EVENT") or (m.label == "ORG" and any(c.isdigit() for c in words[-1])))
                and self._before_equipment(ctx, m.end)):
            return replace(m, label="PRODUCT", detector="rule:equipment")
        return m

    def _before_equipment(self, ctx: _Context, end: int) -> bool:
        """True when a weapon noun phrase follows ``end`` and ends there ("... rifles from", not "missile launch")."""
        g = self._equipment.match(ctx.text, end) if self._equipment else None
        if g is None:
            return False
        span = ctx.doc.char_span(end, g.end(), alignment_mode="expand")
        if span is None or span.end >= len(ctx.doc):
            return True
        # "drone attack", "missile launch": the weapon noun only modifies the next noun
        return ctx.doc[span.end].tag_ not in ("NN", "NNS")

    def _looks_like_person(self, span: Span, words: list[str]) -> bool:
        """A title-case name in apposition to a person noun, or the subject of a verb of saying."""
        opts = self.options
        for w in words:
            if w in opts.org_words or not (w[:1].isupper() or w.casefold() in opts.particles):
                return False
            if not all(part.isalpha() for part in w.replace("-", " ").replace("’", " ").replace("'", " ").split()):
                return False
        root = span.root
        if root.dep_ == "appos" and root.head.lemma_.casefold() in opts.person_nouns:
            return True
        if any(c.dep_ == "appos" and c.lemma_.casefold() in opts.person_nouns for c in root.children):
            return True
        return root.dep_ == "nsubj" and root.head.lemma_ in opts.person_verbs

    # -------------------------------------------------------------- extensions

    def _extend(self, ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
        """Grow a mention into the larger name it heads or opens."""
        opts, text = self.options, ctx.text
        starts = sorted(m.start for m in mentions)
        out: list[_Mention] = []
        for m in mentions:
            after = text[m.end:m.end + 40]
            grown = None
            # "Władysław" + "Kosiniak-Kamysz": the first name the model left out
            first = self._given_name_start(ctx, m, out[-1].end if out else 0)
            if first is not None:
                m = replace(m, start=first, detector="rule:given_name")
            # "Trump administration": the government a person leads
            g = self._person_org.match(after) if self._person_org and m.label == "PERSON" else None
            if g:
                grown = replace(m, end=m.end + g.end(), label="ORG", detector="rule:person_org", entry=None)
            # "Russia-Ukraine war", "EU-UK summit": a pair of parties and an event noun
            g = self._pair_event.match(after) if self._pair_event and m.label in ("GPE", "NORP", "ORG") else None
            if grown is None and g:
                kind = "rule:conflict" if g.group(1) in opts.conflict_heads else "rule:event"
                grown = replace(m, end=m.end + g.end(), label="EVENT", detector=kind, entry=None)
            # "EU summit", "EU-Canada summit": an organisation's or a pair's meeting
            g = self._event.match(after) if self._event and grown is None else None
            if g and (m.label == "ORG" or re.fullmatch(r"[A-Z][\w.]*[-–][A-Z][\w.]*", text[m.start:m.end])):
                grown = replace(m, end=m.end + g.end(), label="EVENT", detector="rule:event", entry=None)
            if grown is None and m.label in ("ORG", "LAW") and re.search(r"\s(?:of|on|for)\s+[A-Z]\w*$", text[m.start:m.end]):
                # "Partnership on Security" + " and Defence": the model stopped at "and"
                g = re.match(r"[^\S\n]+and[^\S\n]+[A-Z]\w+\b(?!\s+[A-Z])", after)
                if g:
                    grown = replace(m, end=m.end + g.end(), detector="rule:coordination", entry=None)
            if grown is None and m.label == "ORG" and m.entry is None and " " not in text[m.start:m.end]:
                # "Maritime" + " and Fisheries Fund": one name of two fields and an
                # organisation head, when no mention starts in the rest
                g = re.match(r"[^\S\n]+and[^\S\n]+(?:[A-Z][\w’'\-]*[^\S\n]+){0,2}([A-Z]\w*)\b(?![^\S\n]+[A-Z])", after)
                if (g and g.group(1) in opts.org_words
                        and bisect.bisect_left(starts, m.end) == bisect.bisect_left(starts, m.end + g.end())):
                    grown = replace(m, end=m.end + g.end(), detector="rule:coordination", entry=None)
            if grown is not None:
                surface = fold_whitespace(text[grown.start:grown.end])
                entry = self.by_surface.get(surface)
                if entry is not None:
                    grown = replace(grown, entry=entry, label=entry.label)
                out.append(grown)
            else:
                out.append(m)
        return _flat(out)

    def _given_name_start(self, ctx: _Context, m: _Mention, prev_end: int) -> int | None:
        """Start of the first name right before a bare surname that the model left out, or None.

        "Władysław Kosiniak-Kamysz" after the model found only the surname: the word before
        is one capitalised proper noun, one space away, in no other mention, and no title
        ("Defence Minister"), nationality ("Polish"), date or generic word.
        """
        opts = self.options
        if m.label != "PERSON" or m.entry is not None or " " in fold_whitespace(ctx.text[m.start:m.end]):
            return None
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.start == 0:
            return None
        tok = ctx.doc[span.start - 1]
        word = tok.text
        if tok.idx < prev_end or ctx.text[tok.idx + len(word):m.start] != " ":
            return None
        if tok.tag_ != "NNP" or not (word.isalpha() and word[:1].isupper() and word[1:].islower()):
            return None
        if (word in opts.date_words or word in opts.generic_words or word in opts.demonyms or word in opts.org_words
                or word.casefold() in STOP_WORDS or ctx.titles_within(tok.idx, tok.idx + len(word))):
            return None
        return tok.idx

    # -------------------------------------------------------------- additions

    def _add_rules(self, ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
        """Add what the model and the ruler missed, where nothing is found yet."""
        added: list[_Mention] = []
        taken = sorted((m.start, m.end) for m in mentions)

        def free(start: int, end: int) -> bool:
            i = bisect.bisect_left(taken, (end, end))
            return not any(s < end and start < e for s, e in taken[max(0, i - 8):i + 1])

        def add(m: _Mention) -> None:
            if m.start < m.end and free(m.start, m.end):
                surface = fold_whitespace(ctx.text[m.start:m.end])
                entry = self.by_surface.get(surface)
                if entry is not None:
                    m = replace(m, entry=entry, label=entry.label)
                added.append(m)
                bisect.insort(taken, (m.start, m.end))

        datelines = {(m.start, m.end): m for m in self._datelines(ctx)}
        for i, m in enumerate(mentions):
            # the place of a dateline, whatever the model made of it ("TALLINN" as ORG)
            if (m.start, m.end) in datelines and m.entry is None:
                mentions[i] = replace(m, label="GPE", detector="rule:dateline")
        for m in datelines.values():
            add(m)
        index = {(m.start, m.end): i for i, m in enumerate(mentions)}
        for long_form, acronym in self._acronyms(ctx, mentions):
            # an acronym takes the label of the name it abbreviates ("MoD" after "Ministry of Defence")
            at = index.get((acronym.start, acronym.end))
            if at is not None and mentions[at].entry is None and mentions[at].label != long_form.label:
                mentions[at] = replace(mentions[at], label=long_form.label, detector="rule:acronym")
            add(long_form)
            add(acronym)
        for m in self._honorific_names(ctx):
            add(m)
        for m in self._anaphors(ctx, mentions + added):
            at = index.get((m.start, m.end))
            if at is not None and mentions[at].entry is None and mentions[at].label != m.label:
                mentions[at] = replace(mentions[at], label=m.label, detector="rule:anaphor")
            add(m)
        for m in self._surnames(ctx, mentions + added):
            add(m)
        return _flat(mentions + added)

    def _surnames(self, ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
        """A bare surname the model missed ("Wilders admitted defeat" after "Geert Wilders") as a PERSON.

        The last word of a person's full name found in the article, written again on its
        own, names that person. A surname that is also a date word ("May") or that the text
        also writes in lower case ("Young", "young") is left to the model.
        """
        opts = self.options
        text = ctx.text
        surnames = set()
        for m in mentions:
            words = fold_whitespace(text[m.start:m.end]).split(" ")
            last = words[-1]
            if (m.label == "PERSON" and len(words) >= 2 and len(last) >= 3 and last[:1].isupper()
                    and last.isalpha() and last not in opts.date_words and last not in opts.org_words
                    and not _written_lower(last, ctx.lower_words)):
                surnames.add(last)
        if not surnames:
            return []
        pattern = re.compile(r"(?<![\w-])(" + _alternation(tuple(sorted(surnames))) + r")(?![\w-])")
        return [_Mention(g.start(1), g.end(1), "PERSON", "rule:surname") for g in pattern.finditer(text)]

    def _datelines(self, ctx: _Context) -> list[_Mention]:
        """The place of each dateline ("BRUSSELS —") as a GPE."""
        return [_Mention(start, end, "GPE", "rule:dateline") for start, end in dateline_places(ctx.text)]

    def _acronyms(self, ctx: _Context, mentions: list[_Mention]) -> list[tuple[_Mention, _Mention]]:
        """"Long Name (ACR)" and "(Long Name – ACR)": the long form and the acronym, both as mentions."""
        text = ctx.text
        existing = {(m.start, m.end): m for m in mentions}
        out = []
        for g in _BRACKETED_ACRONYM.finditer(text):
            acronym = g.group(1)
            long_span = _long_form(text, g.start(), acronym, self.options.acronym_fillers)
            if long_span is None:
                continue
            l_start, l_end = long_span
            long_text = fold_whitespace(text[l_start:l_end])
            known = self.by_surface.get(acronym) or self.by_surface.get(long_text)
            if known is None and not any(w[:1].isupper() for w in long_text.split(" ")):
                continue  # "small and medium-sized enterprises (SMEs)": not a name
            label = "ORG"
            for key in ((g.start(1), g.end(1)), (l_start, l_end)):
                if key in existing:
                    label = existing[key].label
            if known is not None:
                label = known.label
            out.append((_Mention(l_start, l_end, label, "rule:acronym"),
                        _Mention(g.start(1), g.end(1), label, "rule:acronym")))
        for g in _DASHED_DEFINITION.finditer(text):
            l_start, l_end = _trim(text, g.start(1), g.end(1))
            long_text, acronym = fold_whitespace(text[l_start:l_end]), g.group(2)
            if not acronym_matches(acronym, long_text, self.options.acronym_fillers):
                continue
            known = self.by_surface.get(acronym) or self.by_surface.get(long_text)
            label = known.label if known is not None else next(
                (existing[key].label for key in ((l_start, l_end), (g.start(2), g.end(2))) if key in existing), "ORG")
            out.append((_Mention(l_start, l_end, label, "rule:acronym"),
                        _Mention(g.start(2), g.end(2), label, "rule:acronym")))
        return out

    def _honorific_names(self, ctx: _Context) -> list[_Mention]:
        """The name after a form of address ("Sir Keir" -> "Keir") as a PERSON."""
        if self._honorific is None:
            return []
        out = []
        for g in self._honorific.finditer(ctx.text):
            start, end = _trim(ctx.text, g.start(1), g.end(1))
            if start < end:
                out.append(_Mention(start, end, "PERSON", "rule:honorific"))
        return out

    def _anaphors(self, ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
        """"the Partnership" after "Security and Defence Partnership": a back-reference."""
        text = ctx.text
        if self._anaphor is None:
            return []
        full_names = sorted(
            (m.start, fold_whitespace(text[m.start:m.end]).split(" ")[-1], m.label)
            for m in mentions if " " in fold_whitespace(text[m.start:m.end])
        )
        out = []
        for g in self._anaphor.finditer(text):
            head = g.group(2)
            before = [(s, lab) for s, last, lab in full_names if s < g.start() and last == head]
            if not before:
                continue
            start = g.start(1) if g.group(1).casefold() == "the" else g.start(2)
            out.append(_Mention(start, g.end(2), before[-1][1], "rule:anaphor"))
        return out

    # -------------------------------------------------------------- rows

    def _rows(self, ctx: _Context, article: Article, mentions: list[_Mention]) -> list[dict]:
        """``mention_candidates`` rows with source offsets, sliced from ``article.text``."""
        rows = []
        for m in mentions:
            if m.label not in self.options.labels:
                continue
            cols = article.span_columns(m.start, m.end)
            rows.append({
                "mention_id": span_id("m_", cols["source"], cols["start"], cols["end"]),
                **cols,
                "label": m.label,
                "detector": m.detector,
                "canonical_hint": m.entry.name if m.entry else None,
                "kb_id": m.entry.kb_id if m.entry else None,
            })
        return rows


# ------------------------------------------------------------------ helpers


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace, stray punctuation and a possessive from both ends of a span."""
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in _LEADING_PUNCT):
            start += 1
        while start < end and text[end - 1].isspace():
            end -= 1
        if start < end and text[end - 1] in _TRAILING_PUNCT:
            chunk = text[start:end]
            if text[end - 1] == "." and _INITIALISM_END.search(chunk):
                pass
            elif text[end - 1] == ")" and chunk.count("(") >= chunk.count(")"):
                pass
            else:
                end -= 1
        for poss in ("’s", "'s"):
            if text[start:end].endswith(poss) and end - start > len(poss):
                end -= len(poss)
        if (start, end) == before:
            return start, end


def _split_at_breaks(ctx: _Context, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a span at blank lines and at line breaks that end a line (not a hard wrap)."""
    pieces, cursor = [], start
    for g in re.finditer(r"\s*\n\s*", ctx.text[start:end]):
        run_start, run_end = start + g.start(), start + g.end()
        newlines = g.group(0).count("\n")
        if newlines >= 2 or not ctx.is_wrap(start + g.group(0).index("\n") + g.start()):
            pieces.append((cursor, run_start))
            cursor = run_end
    pieces.append((cursor, end))
    return [(a, b) for a, b in pieces if a < b]


def _the_in_name(ctx: _Context, start: int) -> bool:
    """True for a capital "The" inside running text ("in The Hague"), part of the name."""
    prev = start - 1
    while prev >= 0 and ctx.text[prev].isspace():
        prev -= 1
    if prev < 0 or not (ctx.text[prev] == "," or ctx.text[prev].islower()):
        return False
    gap = ctx.text[prev + 1:start]
    if "\n" in gap:
        return ctx.is_wrap(prev + 1 + gap.index("\n"))
    return True


def _only_numbers_and(words: list[str], allowed: frozenset) -> bool:
    """True when every word is a number or one of ``allowed`` ("Sep 28", "USD 1.7")."""
    return all(w in allowed or re.fullmatch(r"[\d.,:/\-–]+(?:st|nd|rd|th|s)?", w) for w in words)


def _written_lower(word: str, lower_words: frozenset) -> bool:
    """True when the document writes ``word`` in lower case, singular or plural."""
    low = word.casefold()
    return low in lower_words or (low.endswith("s") and low[:-1] in lower_words) or low + "s" in lower_words


def _is_capitals_line(ctx: _Context, pos: int) -> bool:
    """True when the line holding ``pos`` is written in capitals ("OPERATION EASTERN SENTRY")."""
    line_start, line_end = ctx.line_of(pos)
    letters = [c for c in ctx.text[line_start:line_end] if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def _join_dangling(ctx: _Context, mentions: list[_Mention], opts: _Options) -> list[_Mention]:
    """Join "Central Bank of" + "Russia": a name the model cut after a function word."""
    out: list[_Mention] = []
    for m in mentions:
        if out:
            prev = out[-1]
            words = fold_whitespace(ctx.text[prev.start:prev.end]).split(" ")
            if (len(words) >= 2 and words[-1] in opts.function_words and ctx.text[prev.end:m.start] == " "
                    and ctx.text[m.start:m.start + 1].isupper() and m.label in ("GPE", "LOC", "ORG")):
                out[-1] = _Mention(prev.start, m.end, prev.label, "rule:dangling")
                continue
        out.append(m)
    return out


def _is_title_case_line(ctx: _Context, pos: int) -> bool:
    """True when the line holding ``pos`` is a heading written in title case."""
    line_start, line_end = ctx.line_of(pos)
    line = ctx.text[line_start:line_end].strip()
    words = re.findall(r"[A-Za-z][\w’'\-]*", line)
    long_words = [w for w in words if len(w) > 3]
    if len(words) < 3 or not long_words or line[-1:] in ".?!:”\"":
        return False
    return sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)


_HEADING_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
_LIST_MARKER = re.compile(r"[^\S\n]*(?:(?:[-•*–]|\d+[.)])[^\S\n]*)?")
# the end of a run-in heading: a colon, question mark or full stop before a space or the line end
_RUN_IN_END = re.compile(r"[:?.](?=\s|$)")


def _all_capitalised(words: list[str]) -> bool:
    """True when every word longer than three letters starts with a capital (and there is one)."""
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and all(w[0].isupper() for w in long_words)


def _run_in_heading(ctx: _Context, pos: int) -> tuple[int, int] | None:
    """The run-in heading that opens the line of ``pos``, as a char range, or None.

    It ends at the line's first colon, question mark or full stop, the line goes on
    after it, and it has two to eight words, every long one capitalised ("Budget and Arms
    Production Growth. Russia plans ...", "2. Stinger Missiles Replenishment: The
    committee ..."). Abbreviations end it early ("U.S. Army" gives one word).
    """
    line_start, line_end = ctx.line_of(pos)
    body_start = _LIST_MARKER.match(ctx.text, line_start, line_end).end()
    end = _RUN_IN_END.search(ctx.text, body_start, line_end)
    if end is None or not ctx.text[end.end():line_end].strip():
        return None
    words = _HEADING_WORD.findall(ctx.text[body_start:end.start()])
    if not 2 <= len(words) <= 8 or not _all_capitalised(words):
        return None
    return body_start, end.start()


def _is_heading(ctx: _Context, pos: int) -> bool:
    """True when ``pos`` lies in a heading: a title-case or capitals line, or a run-in heading.

    A title-case line may end in a colon, question mark or full stop when it has at most
    twelve words and every long one is capitalised ("NATO 5% GDP Defence Spending
    Target:", "Committing to 2.5%: Is Help at Hand for the UK's Defences?").
    """
    if _is_title_case_line(ctx, pos) or _is_capitals_line(ctx, pos):
        return True
    line_start, line_end = ctx.line_of(pos)
    line = ctx.text[line_start:line_end].strip()
    words = _HEADING_WORD.findall(line)
    if line[-1:] in ":?." and 2 <= len(words) <= 12 and _all_capitalised(words):
        return True
    heading = _run_in_heading(ctx, pos)
    return heading is not None and heading[0] <= pos < heading[1]


def _unattested_in_capitals(ctx: _Context, start: int, end: int, surface: str) -> bool:
    """True for a span of a capitals line that the text never writes on another kind of line.

    A heading in capitals repeats names of the text ("RHEINMETALL WINS ORDER" and
    "Rheinmetall said"); a capitalised run found nowhere else is heading words
    ("RENEWED ENERGY IN"). A name alone on its line ("MARTA KOWALSKA" of a byline) stays.
    """
    line_start, line_end = ctx.line_of(start)
    if ctx.text[line_start:line_end].strip() == ctx.text[start:end]:
        return False
    words = [re.escape(w) for w in surface.split(" ")]
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
    return all(_is_capitals_line(ctx, g.start()) for g in pattern.finditer(ctx.text))


def _long_form(text: str, paren: int, acronym: str, fillers: frozenset) -> tuple[int, int] | None:
    """The words right before "(ACR)" that the acronym abbreviates, as a char range.

    The longest run of words ending at the bracket that ``acronym_matches`` accepts and
    that does not start with a function word ("the European Union (EU)" -> "European
    Union").
    """
    window_start = max(0, paren - 200)
    blank = text.rfind("\n\n", window_start, paren)
    if blank != -1:
        window_start = blank + 2
    chunk = text[window_start:paren]
    # stop at sentence punctuation, brackets, a blank line or a possessive (the owner is
    # not part of the name: "the EU's external action service (EEAS)")
    words = list(re.finditer(r"[^\s]+", chunk))
    picked: list[re.Match] = []
    for w in reversed(words):
        token = w.group(0)
        if re.search(r"[.;:!?()\[\]“”\"]$", token) or token.endswith(("’s", "'s")) or re.search(r"[()\[\]“”\"]", token):
            break
        picked.insert(0, w)
        if len(picked) > len(acronym) + 4:
            break
    if not picked:
        return None
    best = None
    for k in range(len(picked), 0, -1):
        if picked[-k].group(0).casefold() in fillers:
            continue
        candidate = " ".join(w.group(0) for w in picked[-k:]).rstrip(",")
        if acronym_matches(acronym, candidate, fillers):
            best = (window_start + picked[-k].start(), window_start + picked[-1].end())
            break
    if best is None:
        return None
    start, end = _trim(text, *best)
    return (start, end) if start < end else None


def _merge_particles(ctx: _Context, mentions: list[_Mention], opts: _Options) -> list[_Mention]:
    """Join "Ursula von" / "von der" + "Leyen" that the model cut around a name particle."""
    out: list[_Mention] = []
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
                out[-1] = _Mention(prev.start, m.end, "PERSON", "rule:name_particle")
                continue
        out.append(m)
    return out


def _flat(mentions: list[_Mention]) -> list[_Mention]:
    """Sort mentions and drop exact duplicates and spans overlapping an earlier longer one."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), m.detector))
    out: list[_Mention] = []
    for m in ordered:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
