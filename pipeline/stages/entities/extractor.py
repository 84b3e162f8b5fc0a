"""The mention extractor: one article's ``Doc`` into ``mention_candidates`` rows, the rule steps in order.

``MentionExtractor`` fixes the small model's systematic errors with general rules:
entities cut at real line breaks (hard-wrapped lines are joined, paragraph and heading
breaks are not), titles and forms of address left out ("Prime Minister Keir Starmer" ->
"Keir Starmer"), possessives, a leading "the" and stray punctuation trimmed, "Long Name
(ACR)" split in two, references to numbered publications and provisions dropped ("SWP
Research Paper 2/2023", "Art. 346"); and it adds what the model misses: datelines
("BRUSSELS —"), acronym definitions ("Long Name (ACR)", "(Long Name – ACR)"), "the
<Head>" back-references ("the Partnership"), "Sir Keir", "<person> administration",
"<organisation> summit", "<state>-<state> war", person names the model labels as
organisations. It also drops dates, amounts and references the model calls names ("Sep
28", "USD 1.7", "Fig 1"), words capitalised only by their position (sentence start,
headings, run-in headings such as "Budget and Arms Production Growth. Russia plans ..."),
heading words in capitals that the text never writes elsewhere ("RENEWED ENERGY IN"),
generic phrases ("Heads of State and Government", "Allies"); splits an organisation's
possessive ("Parliament’s Committee on Budgets") and a nationality from an equipment
designator ("Danish F-16s") or a person ("Estonian Pevkur"), joins "Central Bank of" +
"Russia", "Maritime" + "and Fisheries Fund" and a first name the model left out
("Władysław" + "Kosiniak-Kamysz"), and relabels "<place> Summit" as EVENT, "<...>
Treaty/Law" as LAW, "F-16s", "Super Sonic Strike Missile" and a name before a weapon
noun ("G95 assault rifles") as PRODUCT. Last, ``evidence`` drops jargon ("FX", "FY26"),
trims stray neighbours ("Multiple European", "European Nato") and records the cue that
decides each mention's label (legal and sector suffixes, context, ISO 3166 places, titles,
first names, languages), and ``namewords`` an organisation's word inside a name the model calls
a person ("Imagene Bio") or a nationality alone called an organisation ("Canadian investors"); a name listed with names of one kind then takes their label
(``coordination``). A model ORG of two or three words of no English word, no place and no organisation's word
is a person (``rarenames``) when a known first name opens it or the article reports a sport; a model PERSON
ending in a place a surname never is ("Airtel Kenya", "Wynn Las Vegas") an organisation (``placednames``); a name
right after a role noun or an age ("point guard Tyrese Haliburton", "24-year-old Franjo von Allmen") a person (``rolenames``). Last, ``edges`` cuts an edition's ordinal ("297th") and an office's title
("CBN Governor") from a name's edges, and ``shapes`` adds a work's title in quotes after a work word,
a lower-case brand after a company noun ("airline flydubai") and a maker's model ("Airbus A350"), ``credits``
a work's title credited to a person ("Sentimental Value by Joachim Trier") and ``quotedtitles`` one in quotes
no work word announces ("with 'Wrong Husband', 'Blue Heron'");
``wordplaces`` a country or city WordNet also lists that the model and ``propn`` miss ("Angola quit the group");
``portfolios`` drops a public office's portfolio read as a name ("Finance" of "Finance Minister") and
``topicheads`` a section's topic heading ("Vaccine News").

Offsets: the Doc was built from a length-preserving view of ``article.text``, so a Doc
character offset is an article offset; the ``text`` column is always sliced from
``article.text``.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.core.article import Article
from pipeline.core.ids import span_id
from pipeline.stages.entities.abbrevdots import AbbreviationDots
from pipeline.stages.entities.additions import Additions
from pipeline.stages.entities.cleaning import SpanCleaner
from pipeline.stages.entities.companycues import CompanyCues
from pipeline.stages.entities.tradenouns import TradeNouns
from pipeline.stages.entities.countrycues import CountryNames
from pipeline.stages.entities.credits import WorkCredits
from pipeline.stages.entities.context import ArticleContext, Mention, flat
from pipeline.stages.entities.connectors import join_connectors
from pipeline.stages.entities.coordination import coordinated_labels
from pipeline.stages.entities.edges import NameEdges
from pipeline.stages.entities.governments import Governments
from pipeline.stages.entities.evidence import LabelEvidence
from pipeline.stages.entities.lowercased import LowerCased
from pipeline.stages.entities.openers import drop_opener_words
from pipeline.stages.entities.honorifics import Honorifics
from pipeline.stages.entities.placecues import PlaceCues, place_names
from pipeline.stages.entities.portfolios import Portfolios
from pipeline.stages.entities.growth import NameGrowth
from pipeline.stages.entities.headline_tails import cut_headline_tails
from pipeline.stages.entities.headlines import confirm_headlines, cut_at_verbs
from pipeline.stages.entities.labels import LabelRules
from pipeline.stages.entities.model_mentions import model_mentions
from pipeline.stages.entities.namewords import NameWords
from pipeline.stages.entities.orgcues import organisations
from pipeline.stages.entities.quotedtitles import QuotedTitles
from pipeline.stages.entities.rarenames import rare_person
from pipeline.stages.entities.rolenames import role_persons
from pipeline.stages.entities.placednames import foreign_country_names, placed_organisation
from pipeline.stages.entities.patterns import either
from pipeline.stages.entities.options import Options, surface_index
from pipeline.stages.entities.shapes import NameShapes
from pipeline.stages.entities.topicheads import TopicHeadings
from pipeline.stages.entities.wordplaces import word_places
from pipeline.stages.reconcile import gazetteer_entries, strip_possessive


#: "U.S.-China", "Russia–Ukraine": two capitalised names joined by a hyphen or an en dash, nothing else
_PLACE_PAIR = re.compile(r"([A-Z][\w.]*)[-–]([A-Z][\w.]*)")


class MentionExtractor:
    """Turn one article's Doc into ``mention_candidates`` rows (see the module docstring).

    ``lexicon`` is ``{"gazetteer": <gazetteer.toml>, "entities": <entities.toml or {}>}``.
    """

    def __init__(self, lexicon: dict) -> None:
        self.options = Options.from_lexicon(lexicon)
        self.entries = {e.name: e for e in gazetteer_entries(lexicon)}
        self.by_surface = surface_index(self.entries.values())
        self.cleaner = SpanCleaner(self.options, self.by_surface)
        self.label_rules = LabelRules(self.options)
        self.growth = NameGrowth(self.options, self.by_surface)
        self.evidence = LabelEvidence(self.options, self.by_surface)
        ev, opts = self.evidence, self.options
        # a colon dateline's place must be one the place lists know ("BENGALURU:")
        self.additions = Additions(self.options, self.by_surface, {**ev.cities, **ev.subdivisions, **ev.countries})
        cfg = (lexicon or {}).get("entities") or {}
        self.places = frozenset({*ev.countries, *ev.subdivisions, *ev.cities, *ev.known_places})
        self.rare_places = self.places | frozenset(ev.continents)  # words no person's name of ``rarenames`` holds
        self.team_words = opts.org_words | opts.club_suffixes | opts.org_suffixes
        self.edges = NameEdges(cfg, self.by_surface, opts.function_words, opts.demonyms, self.places)
        self.shapes = NameShapes(cfg, self.by_surface)
        self.credits = WorkCredits(cfg, self.by_surface, ev.first_names)  # entity round 62: "<Title> by <Person>"
        self.quoted_titles = QuotedTitles(cfg)  # entity round 62: a title in quotes no work word announces
        self.companies = CompanyCues(cfg)
        self.trade = TradeNouns(cfg, opts.demonyms)  # "Mining giant Rio Tinto": trade_apposition (round 69)
        self.name_words = NameWords(cfg, demonyms=opts.demonyms)
        self.role_nouns = opts.person_nouns | frozenset(w.casefold() for w in cfg.get("role_nouns", []))
        self.honorifics = Honorifics(cfg, self.by_surface)
        self.place_cues = PlaceCues(opts, {**place_names(), **ev.towns, **ev.cities, **ev.subdivisions, **ev.countries},
                                    ev.first_names)
        self.country_names = CountryNames(opts, ev.countries)
        named = {*ev.countries, *foreign_country_names()}  # entity round 58: "Airtel Kenya", "Wynn Las Vegas"
        self.placed = dict(countries=frozenset(c for c in named if " " not in c), continents=frozenset(ev.continents),
                           long_places=frozenset(p for p in {*named, *ev.subdivisions, *ev.cities, *ev.continents} if " " in p),
                           first_names=ev.first_names, places=self.rare_places, demonyms=opts.demonyms,
                           person_after=either(opts.person_context_after))
        self.topic_headings = TopicHeadings(cfg)
        self.word_places = {**ev.cities, **ev.countries}  # entity round 70: places WordNet also lists (wordplaces.py)
        self.lowercased = LowerCased(cfg)  # entity round 65
        # entity round 66: heads a name cut at its own "and" / "&" / "/" ends in ("Daily Mail and General Trust")
        self.connector_heads = frozenset().union(opts.org_suffixes, opts.org_words, opts.anaphor_heads, opts.event_heads_cue,
                                                 cfg.get("edition_heads", []))
        self.abbrev_dots = AbbreviationDots(opts.legal_forms, self.by_surface, self.places)  # entity round 68
        self.governments = Governments(self.by_surface, self.places, opts.demonyms)  # entity round 71
        self.portfolios = Portfolios(cfg, self.by_surface, self.places, opts.demonyms, opts.org_words | opts.org_suffixes)

    def __call__(self, doc: Doc, article: Article) -> list[dict]:
        if len(doc.text) != len(article.text):
            raise ValueError(
                f"[E214] doc has {len(doc.text)} characters but article {article.doc_id!r} has "
                f"{len(article.text)}; build the Doc from view_text(article.text)"
            )
        ctx = ArticleContext.read(doc, article.text, self.options.titles, self.entries, self.by_surface)
        words = self.options.function_words
        mentions = cut_at_verbs(ctx, model_mentions(ctx, self.options, self.cleaner), words)
        mentions = [self.label_rules.relabel(ctx, m) for m in mentions]
        mentions = self._split_place_pairs(ctx, self.growth.extend(ctx, mentions))
        mentions = self.honorifics(ctx, self.additions.add_missing(ctx, mentions))
        mentions = drop_opener_words(ctx, flat(self.evidence.apply(ctx, mentions)))  # "Glass products maker" (openers.py)
        mentions = self.lowercased(ctx, mentions)  # "Prosperity through Cooperatives" ... "cooperatives" (lowercased.py)
        mentions = self.name_words(ctx, organisations(ctx, mentions, places=self.places,
                                                      team_words=self.team_words, first_names=self.evidence.first_names))
        mentions = coordinated_labels(ctx, mentions, first_name_opens=self.evidence.first_name_opens,
                                      unsupported=lambda surface, label: self._unsupported(ctx, surface, label),
                                      role_nouns=self.role_nouns)
        mentions = [rare_person(ctx, m, options=self.options, first_names=self.evidence.first_names, places=self.rare_places,
                                sport_article=self.evidence.clubs.sport_article) for m in mentions]
        mentions = [placed_organisation(ctx, m, **self.placed) for m in mentions]
        mentions = role_persons(ctx, mentions, options=self.options, role_nouns=self.role_nouns, places=self.rare_places)
        mentions = confirm_headlines(ctx, mentions, words, first_name_opens=self.evidence.first_name_opens)
        mentions = cut_headline_tails(ctx, mentions, words, first_name_opens=self.evidence.first_name_opens)
        mentions = self.shapes(ctx, self.trade(ctx, self.companies(ctx, self.country_names(ctx, self.place_cues(ctx, self.edges(ctx, mentions))))))
        mentions = self.quoted_titles(ctx, self.credits(ctx, mentions))
        mentions = join_connectors(ctx, mentions, self.connector_heads, self.places)  # "Daily Mail and General Trust"
        mentions = self.abbrev_dots(ctx, mentions)  # "Remi Sales & Engg. Ltd.", "G.J. Gardner Homes Tauihi" (abbrevdots.py)
        mentions = word_places(ctx, mentions, self.word_places, self.evidence.first_names)  # "Angola quit" (round 70)
        mentions = self.governments(ctx, mentions)  # "Turkish Government" -> "Turkish" (governments.py, round 71)
        return self._rows(article, self.topic_headings(ctx, self.portfolios(ctx, mentions)))

    def _split_place_pairs(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        """Two places joined by a hyphen are two mentions: "U.S.-China" is the United States and China.

        The model keeps "U.S.-China" whole where it splits "Russia-Ukraine" at the hyphen; a pair that
        grew into an event ("EU-UK summit") has grown by now and is kept. Both sides must be names
        the gazetteer lists as places or ISO 3166 / GeoNames places; the pieces carry ``rule:place_pair``.
        """
        out: list[Mention] = []
        for m in mentions:
            whole = ctx.text[m.start:m.end]
            # "Guinea-Bissau", "Baden-Württemberg": a place whose own name holds the hyphen stays whole
            pair = (_PLACE_PAIR.fullmatch(ctx.text, m.start, m.end)
                    if m.label in ("GPE", "NORP", "ORG") and whole not in self.places and whole not in self.by_surface
                    else None)
            if pair is not None:
                sides = [(pair.start(i), pair.end(i), self.by_surface.get(pair.group(i))) for i in (1, 2)]
                if all((e is not None and e.label == "GPE") or ctx.text[s:t] in self.places for s, t, e in sides):
                    out.extend(Mention(s, t, "GPE", "rule:place_pair", e) for s, t, e in sides)
                    continue
            out.append(m)
        return out

    def _unsupported(self, ctx: ArticleContext, surface: str, label: str) -> bool:
        """True for a model guess nothing else supports: a place no place list knows, a person's name no known first name opens.

        A nationality is never such a guess: "Ukrainian" the model calls a place is a nationality.
        A person's name opened by a first name that only one country's list holds ("Novo" of
        "Novo Nordisk", which opens company names as often as people's) is one, unless the article
        writes the surname alone.
        """
        surface = strip_possessive(surface)
        if surface in self.options.demonyms:
            return False
        if label == "GPE":
            return surface not in self.places
        words = surface.split(" ")
        if label != "PERSON" or len(words) < 2:
            return False
        first = words[0].casefold()
        if first not in self.evidence.first_names:
            return True
        return first not in self.evidence.common_first_names and not self.evidence.surname_written(ctx, words)

    def _rows(self, article: Article, mentions: list[Mention]) -> list[dict]:
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
                "kb_id": m.entry.kb_id if m.entry else m.kb_id,
                "evidence": m.evidence,
            })
        return rows
