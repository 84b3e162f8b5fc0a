"""Claims: clause splitting, subjects, speakers, filters, ID integrity, and the seed run."""
from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.core.article import Article, Sentence
from pipeline.stages.claims import ClaimExtractor, ClaimsConfigError, compile_rules, quote_regions, resolve_claims
from pipeline.core.ids import span_id
from pipeline.stages.nlp import view_text
from pipeline.core.schema import SCHEMAS

ENTITY_LABELS = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"}


@pytest.fixture(scope="module")
def extractor(config):
    return ClaimExtractor(config.lexicon("claims"), gazetteer=config.lexicon("gazetteer"))


class Built:
    """One test article: its rows in, the claim drafts out, and lookups by surface text."""

    def __init__(self, article, doc, dates, quantities, mentions, rows):
        self.article, self.doc = article, doc
        self.dates, self.quantities, self.mentions, self.rows = dates, quantities, mentions, rows
        self.source_text = " " * article.start + article.text

    def value_id(self, text: str, occ: int = 1) -> str:
        hits = [r for r in [*self.dates, *self.quantities] if r["text"] == text]
        row = hits[occ - 1]
        return row.get("date_id") or row.get("quantity_id")

    def mention_text(self, mention_id: str | None) -> str | None:
        return next((m["text"] for m in self.mentions if m["mention_id"] == mention_id), None)

    def row_with(self, text: str) -> dict:
        """The one claim row that links the value ``text``."""
        wanted = self.value_id(text)
        found = [r for r in self.rows if wanted in r["quantity_ids"] or wanted in r["date_ids"]]
        assert len(found) == 1, (text, self.rows)
        return found[0]


def _find(text: str, needle: str, occ: int = 1) -> int:
    at = -1
    for _ in range(occ):
        at = text.find(needle, at + 1)
        assert at >= 0, f"{needle!r} not in {text!r}"
    return at


@pytest.mark.parametrize("text, dates, quantities, starts", [
    # dev8 418_ (Pakistan's trade, 2025): the figure's clause is cut from the root "it added" by the "as" clause;
    # the row starts at the clause's opening, not at "26.16"
    ("On a year-on-year basis, the trade deficit of the country grew by 26.16 per cent as exports decreased by "
     "10.07 per cent, it added.", [], [("26.16 per cent", "percent"), ("10.07 per cent", "percent")],
     ["On a year-on-year basis, the trade deficit", "exports decreased"]),
    # dev10 447_ (Japan's exports, 2025): the same cut by a "while" clause before "the Finance Ministry said"
    ("The trade surplus with the United States shrank 50.5 percent to 324 billion yen, while imports grew 11.6 "
     "percent to 1.06 trillion yen, the Finance Ministry said in a preliminary report.", [],
     [("50.5 percent", "percent"), ("324 billion yen", "money"), ("11.6 percent", "percent"),
      ("1.06 trillion yen", "money")], ["The trade surplus", "imports grew"]),
    # look-alike: a figure inside the head's own piece keeps the piece's start
    ("Germany raised its defence budget by 10% in 2024, and France cut its spending by 5% in 2025.", ["2024", "2025"],
     [("10%", "percent"), ("5%", "percent")], ["Germany raised", "France cut"]),
])
def test_a_value_cut_from_its_heads_piece_brings_its_own_piece(nlp, extractor, text, dates, quantities, starts):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    got = sorted(built.rows, key=lambda r: r["start"])
    assert [row["text"][:len(start)] for row, start in zip(got, starts)] == starts and len(got) == len(starts)
    for row in got:
        assert built.source_text[row["start"]:row["end"]] == row["text"]


@pytest.mark.parametrize("text, dates, quantities, rows", [
    # dev8 410_ (Bolsonaro's sentence, 2025): "came" only places the "when" clause in time
    ("The conviction yesterday came when Justices Carmen Lucia and Cristiano Zanin voted to find Bolsonaro guilty "
     "of plotting a coup after his 2022 election defeat.", ["yesterday", "2022"], [], ["when Justices"]),
    # dev10 447_ (Japan's exports, 2025): "government data showed Wednesday" only reports the claim before it
    ("Japan's exports to the United States in August dropped 13.8 percent from a year earlier, as auto shipments "
     "plunged amid higher tariffs, government data showed Wednesday.", ["August", "a year earlier", "Wednesday"],
     [("13.8 percent", "percent")], ["Japan's exports"]),
    # the same with the day after a preposition ("showed on Monday")
    ("Japan's exports fell 1.0 per cent in February from a year earlier as car shipments slumped, Ministry of "
     "Finance data showed on Wednesday.", ["February", "a year earlier", "Wednesday"], [("1.0 per cent", "percent")],
     ["Japan's exports"]),
    # look-alikes: a verb of its own meaning ("rose", "cut") keeps its row
    ("Shares rose Tuesday as oil prices fell 5%.", ["Tuesday"], [("5%", "percent")], ["Shares rose", "oil prices"]),
    ("The Fed cut rates on Wednesday as inflation fell to 2.4%.", ["Wednesday"], [("2.4%", "percent")],
     ["The Fed cut", "inflation fell"]),
])
def test_a_light_or_finding_verb_that_only_times_another_claim_makes_no_row(nlp, extractor, text, dates, quantities,
                                                                            rows):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    got = sorted(built.rows, key=lambda r: r["start"])
    assert [row["text"][:len(start)] for row, start in zip(got, rows)] == rows and len(got) == len(rows), got


@pytest.mark.parametrize("first, dates, quantities, is_row", [
    # dev9 430_ (AFP via geo.tv and 10bmnews, July 2025): the wire lead printed without its full stop
    ("Dubai International Airport welcomed a record 46 million passengers in the first half of this year, authorities "
     "said on Tuesday, despite disruptions due to the Iran-Israel war", ["the first half of this year", "Tuesday"],
     [("46 million passengers", "count")], True),
    # dev6 375_ (Star-Advertiser, Reuters, January 2026): a dateline lead after the headline
    ("NEW YORK >> The Dow and S&P 500 indexes ended higher today, starting 2026 by snapping a four-day losing streak, "
     "helped by gains in chip makers Nvidia, Intel and Boeing", ["today", "2026"], [], True),
    # look-alikes that stay headings: a long headline in the present tense (dev 014_), a standfirst in the present
    # perfect (dev 022_), a short headline in the past tense (dev5 350_), a short one in the present (qazinform, 2025)
    ("Dow gains almost 500 points, S&P 500 ends shy of record high after Fed's final rate cut of 2025 bolsters case "
     "for early start to 'Santa Claus rally'", ["2025"], [("almost 500 points", "count")], False),
    ("According to Copernicus and ECMWF, the past three years have averaged above the critical +1.5°C threshold "
     "compared to pre-industrial levels", ["the past three years"], [("+1.5°C", "temperature")], False),
    ("Inflation eased slightly in January but remained well above the Fed's target", ["January"], [], False),
    ("King Abdulaziz International Airport welcomes 25.5 mln passengers in H1 2025", ["H1 2025"],
     [("25.5 mln passengers", "count")], False),
])
def test_an_unpunctuated_opening_line_in_the_past_tense_is_the_lead(nlp, extractor, first, dates, quantities, is_row):
    text = first + "\n\nThe facility marked its busiest first half on record, the operator said in a statement.\n"
    built = build(nlp, extractor, text, dates=dates, quantities=quantities, lines=True)
    assert any(row["start"] < len(first) for row in built.rows) is is_row, built.rows


def build(nlp, extractor, text: str, *, dates=(), quantities=(), offset: int = 0, boilerplate=(),
          source: str = "t.txt", lines: bool = False) -> Built:
    """Parse ``text`` as one article starting at ``offset`` of its source, with hand-made value rows.

    ``dates`` are surface strings, (surface, tclass) pairs or (surface, tclass, granularity) triples; ``quantities``
    are (surface, kind) pairs; a
    ``"text#2"`` names the second occurrence. Mentions come from the model's
    entities (with the project's gazetteer ruler). ``boilerplate`` lists sentence
    indexes flagged as boilerplate. ``lines`` starts a sentence at every line, as the
    segmenter does at paragraph breaks (the view text has no line breaks left to see).
    """
    if lines:
        doc = nlp.make_doc(view_text(text))
        for token in doc[1:]:
            token.is_sent_start = text[token.idx - 1] == "\n" or None
        for _, component in nlp.pipeline:
            doc = component(doc)
    else:
        doc = nlp(view_text(text))
    sentences = tuple(
        Sentence(f"s{i}", offset + sent.start_char, offset + sent.end_char, 0, i in boilerplate)
        for i, sent in enumerate(doc.sents))
    article = Article(doc_id="d1", source=source, start=offset, end=offset + len(text), text=text,
                      sentences=sentences)

    def row(surface: str, prefix: str) -> dict:
        needle, _, occ = surface.partition("#")
        local = _find(text, needle, int(occ or 1))
        start, end = offset + local, offset + local + len(needle)
        return {"doc_id": "d1", "source": source, "start": start, "end": end, "text": needle,
                "sentence_id": None, f"{prefix}_id": span_id(prefix[0] + "_", source, start, end)}

    # a date is a surface string (its class guessed) or a (surface, tclass) pair
    date_rows = [dict(row(d[0], "date"), tclass=d[1], **({"granularity": d[2]} if len(d) > 2 else {})) for d in (
        d if isinstance(d, tuple) else (d, "duration" if re.search(r"years?\b", d) else "date") for d in dates)]
    quantity_rows = [dict(row(q, "quantity"), kind=kind) for q, kind in quantities]
    mention_rows = []
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS:
            start, end = offset + ent.start_char, offset + ent.end_char
            mention_rows.append({"mention_id": span_id("m_", source, start, end), "doc_id": "d1", "source": source,
                                 "start": start, "end": end, "text": text[ent.start_char:ent.end_char],
                                 "sentence_id": None, "label": ent.label_, "detector": "model",
                                 "canonical_hint": None, "kb_id": None})
    rows = extractor(doc, article, dates=date_rows, quantities=quantity_rows, mentions=mention_rows)
    return Built(article, doc, date_rows, quantity_rows, mention_rows, rows)


# ----------------------------------------------------------------------------------- speakers


def test_quoted_statement_is_attributed_to_its_speaker_across_a_pronoun(nlp, extractor):
    built = build(nlp, extractor,
                  "Anna Petrov is Estonia's finance minister. "
                  "“We will raise defence spending to 3% of GDP by 2027,” she said.",
                  dates=["2027"], quantities=[("3%", "percent")])
    row = built.row_with("3%")
    assert built.mention_text(row["speaker_mention_id"]) == "Anna Petrov"
    assert row["speaker"] == "Anna Petrov"
    # "we" inside her quotation is the speaker's side: the claim is about her
    assert row["subject"] == "Anna Petrov"
    assert set(row["date_ids"]) == {built.value_id("2027")}


def test_a_pronoun_speaker_skips_names_inside_the_quotation(nlp, extractor):
    built = build(nlp, extractor,
                  "Mark Rutte spoke to reporters in Brussels. "
                  "“Ursula von der Leyen has promised €800 billion by 2030,” he said.",
                  dates=["2030"], quantities=[("€800 billion", "money")])
    row = built.row_with("€800 billion")
    assert row["speaker"] == "Mark Rutte"
    assert row["subject"] == "Ursula von der Leyen"


def test_a_quotation_over_several_sentences_takes_the_attribution_of_its_last(nlp, extractor):
    built = build(nlp, extractor,
                  "Mark Rutte opened the meeting. “Our budget grew by 12% last year. "
                  "Allies will buy 1,000 air defence systems,” Rutte said.",
                  dates=["last year"], quantities=[("12%", "percent"), ("1,000 air defence systems", "count")])
    first, second = built.row_with("12%"), built.row_with("1,000 air defence systems")
    assert first["speaker"] == "Rutte" and second["speaker"] == "Rutte"
    assert first["subject"] == "Rutte"  # "our budget" in his own words


def test_an_attribution_before_the_quotation_covers_its_later_sentences(nlp, extractor):
    built = build(nlp, extractor,
                  "Kaja Kallas said: “The agreement shows our shared responsibility. "
                  "With this we will keep our citizens safer in the years to come.”",
                  dates=["the years to come"])
    row = built.row_with("the years to come")
    assert row["speaker"] == "Kaja Kallas"
    assert row["subject"] == "Kaja Kallas"


@pytest.mark.parametrize("text, value, speaker, subject", [
    # inverted "said X"
    ("NATO will need 40 new brigades by 2030, said Mark Rutte.", "40 new brigades", "Mark Rutte", "NATO"),
    # trailing attribution: the claim is about the content, the speaker is credited
    ("The United Kingdom will spend 2.5% of GDP on defence, Keir Starmer said on Sunday.", "2.5%",
     "Keir Starmer", "United Kingdom"),
    # "according to X"
    ("According to Reuters, Germany sent €10 billion in aid to Ukraine in 2024.", "€10 billion", "Reuters",
     "Germany"),
    # "X told reporters"
    ("Emmanuel Macron told reporters that France would send 2,000 troops.", "2,000 troops", "Emmanuel Macron",
     "France"),
    # a nameless speaker is no speaker: "officials" credit nobody in the tables
    ("Officials said Poland would buy 96 Apache helicopters.", "96 Apache helicopters", None, "Poland"),
])
def test_attribution_forms(nlp, extractor, text, value, speaker, subject):
    kind = "money" if "€" in value else ("percent" if "%" in value else "count")
    built = build(nlp, extractor, text, quantities=[(value, kind)])
    row = built.row_with(value)
    assert row["speaker"] == speaker
    assert row["subject"] is not None and subject in row["subject"]


@pytest.mark.parametrize("text, value", [
    # a speech verb with no reported clause is an event, not an attribution
    ("The European Union announced a €5 billion fund on Monday.", "€5 billion"),
    # a passive subject is not a speaker: the EU was told, it did not tell
    ("The European Union was told that Russia would spend €120 billion on its army.", "€120 billion"),
    # "says" inside a quotation is quoted speech, not this sentence's attribution
    ("“As Emmanuel Macron always says, NATO needs 5% of GDP,” the minister wrote.", "5%"),
])
def test_no_named_speaker(nlp, extractor, text, value):
    kind = "money" if "€" in value else "percent"
    built = build(nlp, extractor, text, quantities=[(value, kind)])
    assert built.row_with(value)["speaker_mention_id"] is None


@pytest.mark.parametrize("text", [
    "By John Smith. \"Defence spending rose by 4% in 2024,\" he said.",
    "By John Smith. \"Defence spending rose by 4% in 2024,\" John Smith writes.",
])
def test_the_author_in_a_byline_is_never_the_speaker(nlp, extractor, text):
    built = build(nlp, extractor, text, dates=["2024"], quantities=[("4%", "percent")], boilerplate={0})
    assert built.row_with("4%")["speaker_mention_id"] is None


@pytest.mark.parametrize("text, dates, quantities, rows", [
    # dev7 404_ (The New Indian Express, 2025): a "while" clause whose speech verb takes an object states its own
    # subject's fact, it credits nothing to it
    ("While Kerala reported 3,871 dengue cases and 16 deaths from April to June this year, Tamil Nadu recorded "
     "3,023 cases and two deaths in the same period.", ["April to June", "this year"],
     [("3,871 dengue cases", "count"), ("16 deaths", "count"), ("3,023 cases", "count"), ("two deaths", "count")],
     [("Kerala", None, ["3,871 dengue cases", "16 deaths", "April to June", "this year"]),
      ("Tamil Nadu", None, ["3,023 cases", "two deaths"])]),
    # smarteconomy24.com (January 2026), Boeing's orders: "while Airbus reported 889"
    ("The US planemaker recorded 1,173 net orders for 2025, boosted by 175 deals in December, while Airbus "
     "reported 889.", ["2025", "December"], [("1,173 net orders", "count"), ("175 deals", "count"), ("889", "count")],
     [("The US planemaker", None, ["1,173 net orders", "2025", "175 deals", "December"]), ("Airbus", None, ["889"])]),
    # look-alikes that stay attribution tags: no contrast subordinator
    ("Germany will spend €10 billion on defence in 2026, Friedrich Merz said on Sunday.", ["2026", "Sunday"],
     [("€10 billion", "money")], [("Germany", "Friedrich Merz", ["€10 billion", "2026", "Sunday"])]),
    ("Oil prices fell 3% on Monday, as Reuters reported.", ["Monday"], [("3%", "percent")],
     [("Oil prices", "Reuters", ["3%", "Monday"])]),
])
def test_a_contrast_clause_with_a_speech_verb_is_a_claim_of_its_own(nlp, extractor, text, dates, quantities, rows):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    got = sorted(built.rows, key=lambda r: r["start"])
    assert len(got) == len(rows), got
    for row, (subject, speaker, values) in zip(got, rows):
        assert row["subject"] is not None and subject in row["subject"]
        assert row["speaker"] == speaker
        assert set(row["quantity_ids"]) | set(row["date_ids"]) == {built.value_id(v) for v in values}
        assert built.source_text[row["start"]:row["end"]] == row["text"]


# ---------------------------------------------------------------------------------- clauses


def test_a_sentence_with_two_claims_is_split_into_two_rows_with_their_own_values(nlp, extractor):
    text = "Germany raised its defence budget by 10% in 2024, and France cut its spending by 5% in 2025."
    built = build(nlp, extractor, text, dates=["2024", "2025"], quantities=[("10%", "percent"), ("5%", "percent")])
    assert len(built.rows) == 2
    germany, france = sorted(built.rows, key=lambda r: r["start"])
    assert germany["quantity_ids"] == [built.value_id("10%")] and germany["date_ids"] == [built.value_id("2024")]
    assert france["quantity_ids"] == [built.value_id("5%")] and france["date_ids"] == [built.value_id("2025")]
    assert germany["subject"] == "Germany" and france["subject"] == "France"
    assert germany["predicate"] == "raise" and france["predicate"] == "cut"
    assert germany["end"] <= france["start"]
    assert germany["text"].startswith("Germany raised") and france["text"].startswith("France cut")


def test_a_relative_clause_joins_the_claim_of_the_clause_it_describes(nlp, extractor):
    """A relative clause describes a noun of the clause above: cut off, it would be a fragment, not a claim."""
    text = "Keir Starmer, who came to power in July 2024, pledged £2 billion for Ukraine on Monday."
    built = build(nlp, extractor, text, dates=["July 2024", "Monday"], quantities=[("£2 billion", "money")])
    (row,) = [row for row in built.rows if row["text"] == text]
    assert row["subject"] == "Keir Starmer" and row["predicate"] == "pledge"
    # the clause states only a time, an event of the subject's own: its date is its own row's, not the pledge's
    # (claims round 47; test_a_subjects_relative_clause_stating_only_a_time_is_its_own_claim)
    assert set(row["date_ids"]) == {built.value_id("Monday")}
    assert row["kind"] == "target"
    # look-alike: "which" after a list ends no claim of its own either
    text = "The FTSE 100 rose 22% in 2025, ahead of the FTSE 250 index, which has climbed 9%."
    built = build(nlp, extractor, text, dates=["2025"], quantities=[("22%", "percent"), ("9%", "percent")])
    assert all(not row["text"].startswith("which") for row in built.rows)


def test_the_date_of_saying_joins_the_claim_it_reports(nlp, extractor):
    text = ("“We need at least 300,000 troops on high readiness,” NATO Secretary General Mark Rutte "
            "told reporters in Brussels on Thursday.")
    built = build(nlp, extractor, text, dates=["Thursday"], quantities=[("300,000 troops", "count")])
    (row,) = built.rows
    assert row["text"] == text
    assert set(row["date_ids"]) == {built.value_id("Thursday")}
    # (the "we" of NATO's Secretary General is NATO: the body named with the speaker)
    assert row["speaker"] == "Mark Rutte" and row["subject"] == "NATO"


def test_values_of_a_nameless_subordinate_clause_stay_with_the_main_claim(nlp, extractor):
    text = "Poland will buy 96 helicopters after the talks that ended on Friday."
    built = build(nlp, extractor, text, dates=["Friday"], quantities=[("96 helicopters", "count")])
    assert len(built.rows) == 1
    assert built.rows[0]["text"] == text
    assert built.rows[0]["subject"] == "Poland"


def test_one_claim_in_a_sentence_spans_the_whole_sentence(nlp, extractor):
    text = "On 19 May, the European Union and the United Kingdom concluded a partnership."
    built = build(nlp, extractor, text, dates=["19 May"])
    (row,) = built.rows
    assert row["text"] == text and row["kind"] == "event_date"
    assert row["subject"].endswith("European Union")


# ---------------------------------------------------------------------------------- subjects


@pytest.mark.parametrize("text, value, subject", [
    # a reported statement is about what it reports: the reporters are its speaker
    ("Starmer's officials claim 20 countries are ready to join.", "20 countries", "20 countries"),
    ("All 27 EU leaders agreed on the plan on Thursday.", "Thursday", "EU"),
    # "he" resolves to the last named person
    ("Zelenskyy met Donald Trump in Washington. Later he imposed tariffs of 10% on Canada.", "10%", "Trump"),
    # "they" resolves to the subject of the sentence before, a coordinated one whatever its label
    ("Estonia and Latvia want more troops. They will spend 3% of GDP in 2026.", "3%", "Estonia"),
    ("Macron and Merz met in Paris on Friday. They agreed to spend €2 billion on a new jet.", "€2 billion", "Macron"),
    # expletive subject: the entity the quantity describes
    ("There are 27 member states in the European Union.", "27 member states", "European Union"),
])
def test_subject_resolution(nlp, extractor, text, value, subject):
    kind = "percent" if "%" in value else "money" if "€" in value else "count" if value[0].isdigit() else "date"
    if kind == "date":
        built = build(nlp, extractor, text, dates=[value])
    else:
        built = build(nlp, extractor, text, quantities=[(value, kind)])
    row = built.row_with(value)
    assert row["subject"] is not None and subject in row["subject"]
    # a named subject points to the mention it was resolved to; a stated phrase to none
    assert row["subject_mention_id"] in {m["mention_id"] for m in built.mentions} or (
        row["subject_rule"] == "phrase" and row["subject_mention_id"] is None)


# Each subject rule: a table of sentences it must resolve and of look-alikes it must leave alone.
# The sentences are written for these tests, not taken from the seeds.


def _claim_for(nlp, extractor, text: str, value: str) -> tuple[Built, dict]:
    """Build ``text`` with one value (a date, or a quantity whose kind follows its surface) and return its row."""
    if "%" in value:
        built = build(nlp, extractor, text, quantities=[(value, "percent")])
    elif value[0] in "€£$":
        built = build(nlp, extractor, text, quantities=[(value, "money")])
    elif value[0].isdigit() and not re.fullmatch(r"\d{4}|.*\byears?\b.*|.*\bmonths?\b.*", value):
        built = build(nlp, extractor, text, quantities=[(value, "count")])
    else:
        built = build(nlp, extractor, text, dates=[value])
    return built, built.row_with(value)


@pytest.mark.parametrize("text, value, subject", [
    # the nameless subject yields to the holder of the view, even over a name inside the subject phrase
    ("For the Kremlin, the deployment of 4,000 NATO troops in Finland is a provocation.", "4,000 NATO troops",
     "Kremlin"),
    # a clausal subject too, over the seller it names
    ("For Poland's government, buying 96 Apache helicopters from the United States was the right call.",
     "96 Apache helicopters", "Poland"),
    # inside the content of a reported statement, over the owner inside the subject phrase
    ("For the European Commission, the new rules of the World Trade Organization adopted in March 2025 are a "
     "turning point, an official said.", "March 2025", "European Commission"),
])
def test_a_fronted_for_phrase_names_whose_view_a_nameless_subject_states(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] is not None and subject in row["subject"]


@pytest.mark.parametrize("text, value, subject", [
    # a time, not a holder: the named subject stands
    ("For years, Germany spent less than 2% of GDP on defence.", "2%", "Germany"),
    # a named subject is never overridden by the fronted phrase
    ("For Ukraine, Germany pledged €5 billion in 2024.", "€5 billion", "Germany"),
    # a fronted phrase of time or place states no view: the owner in the subject phrase stands
    ("After the Paris summit, the leaders of NATO agreed to spend 5% of GDP.", "5%", "NATO"),
    ("For example, the leaders of NATO agreed to spend 5% of GDP.", "5%", "NATO"),
])
def test_a_fronted_for_phrase_that_names_no_holder_changes_nothing(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject


@pytest.mark.parametrize("text, value, subject, mentioned", [
    # the clause's own subject first
    ("What Germany spends on defence has doubled since 2022.", "2022", "Germany", True),
    # then its object, before a name deeper in the clause it chains to
    ("Persuading Hungary to lift its veto on sanctions against Russia took 3 months.", "3 months", "Hungary", True),
    # then the object of its preposition
    ("Negotiating with Brussels took Britain's diplomats 18 months.", "18 months", "Brussels", True),
    # no name inside the clause: its own words, never the article's topic
    ("Germany wants a new treaty with France. Negotiating such a deal requires the approval of all 27 member "
     "states.", "27 member states", "Negotiating such a deal", False),
])
def test_a_clausal_subject_is_about_the_first_participant_named_inside_it(nlp, extractor, text, value, subject,
                                                                           mentioned):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] is not None and subject in row["subject"]
    assert (row["subject_mention_id"] is not None) == mentioned


@pytest.mark.parametrize("text, value, subject", [
    ("Kyiv and Warsaw signed the Lublin Agreement in 2023. The agreement runs for 10 years.", "10 years",
     "Lublin Agreement"),
    ("Leaders met at the Vilnius Summit in July 2023. This summit approved 3 regional defence plans.",
     "3 regional defence plans", "Vilnius Summit"),
    # a modifier the name itself carries keeps the link
    ("Ministers adopted the Strategic Compass in 2022. The strategic compass sets 5 goals for 2030.", "5 goals",
     "Strategic Compass"),
])
def test_a_definite_noun_phrase_points_back_to_the_name_it_repeats(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] is not None and subject in row["subject"]


@pytest.mark.parametrize("text, value, subject", [
    # named parties together make, sign or join a named thing: the claim is about the thing
    ("On 12 March, Poland and Lithuania signed the Lublin Agreement in Warsaw.", "12 March", "Lublin Agreement"),
    ("In 1951 France, Italy and West Germany founded the European Coal and Steel Community.", "1951",
     "European Coal and Steel Community"),
    # one named party: the subject stands
    ("On 12 March, Poland signed the Lublin Agreement in Warsaw.", "12 March", "Poland"),
    # a person or a place as object is not made together: the first party stands
    ("On 12 March, Macron and Merz discussed Ukraine in Paris.", "12 March", "Macron"),
    # no named object: the first party stands
    ("On 12 March, Poland and Lithuania signed 6 agreements in Warsaw.", "6 agreements", "Poland"),
])
def test_a_joint_act_of_named_parties_is_about_the_named_thing_they_act_on(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] is not None and subject in row["subject"]


LEAD = "Leaders met at the Vilnius Summit in July 2023. "


@pytest.mark.parametrize("text, value", [
    # a modifier the name lacks, an indefinite, another number, a restrictive modifier: another summit
    (LEAD + "The next summit will be held in Washington in 2024.", "2024"),
    (LEAD + "Another summit will be held in 2024.", "2024"),
    (LEAD + "The summits cost €40 million.", "€40 million"),
    (LEAD + "The summit in Madrid approved 3 regional defence plans.", "3 regional defence plans"),
    # too far back: by then "the summit" may be any summit
    (LEAD + "Officials were relieved. " * 7 + "The summit approved 3 regional defence plans.",
     "3 regional defence plans"),
])
def test_a_noun_phrase_that_introduces_a_new_referent_does_not_point_back(nlp, extractor, text, value):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] is None or "Vilnius" not in row["subject"]


@pytest.mark.parametrize("text, value, subject, predicate", [
    # one claim in the sentence: it is about the main clause's subject, whichever clause holds the value
    ("Germany has raised spending since the meeting between Scholz and Biden ended in a row on Monday.", "Monday",
     "Germany", "raise"),
    # a real prepositional phrase: no clause, the main subject stands
    ("Germany has spent €100 billion since the start of the war in 2022.", "2022", "Germany", "spend"),
])
def test_a_clause_after_since_gets_the_subject_the_parser_hung_on_since(nlp, extractor, text, value, subject,
                                                                         predicate):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] is not None and subject in row["subject"]
    assert row["predicate"] == predicate


# ---------------------------------------------------------------------------------- filters


@pytest.mark.parametrize("text, dates, quantities", [
    ("Defence Spending Rises 5% in 2024", ["2024"], [("5%", "percent")]),  # title-case heading
    ("Sunday, February 01, 2026", ["Sunday, February 01, 2026"], []),  # date line, no verb
    ("Will NATO members spend 2% of GDP in 2025?", ["2025"], [("2%", "percent")]),  # a question asserts nothing
    ("Partnerships on three levels", [], [("three levels", "count")]),  # heading without a verb
])
def test_headings_and_questions_make_no_claims(nlp, extractor, text, dates, quantities):
    assert build(nlp, extractor, text, dates=dates, quantities=quantities).rows == []


def test_boilerplate_sentences_make_no_claims(nlp, extractor):
    text = "First published on June 4, 2025 by the newspaper. The EU approved €150 billion on May 27."
    built = build(nlp, extractor, text, dates=["June 4, 2025", "May 27"], quantities=[("€150 billion", "money")],
                  boilerplate={0})
    assert [r["date_ids"] for r in built.rows] == [[built.value_id("May 27")]]


def test_a_repeated_pull_quote_makes_one_claim(nlp, extractor):
    text = ("NATO allies agreed to spend 5% of GDP by 2035. Officials were relieved. "
            "NATO allies agreed to spend 5% of GDP by 2035.")
    built = build(nlp, extractor, text, dates=["2035", "2035#2"],
                  quantities=[("5%", "percent"), ("5%#2", "percent")])
    assert len(built.rows) == 1 and built.rows[0]["start"] == 0


@pytest.mark.parametrize("text, dates, quantities, linked", [
    # dev7 407_ (Kursiv Media, December 2025)
    ("This is the highest number of deaths in a month this year.",
     [("a month", "duration"), ("this year", "date")], [], ["this year"]),
    # Xinhua via People's Daily (September 2025): "in a single day" hung on the superlative noun
    ("A total of 845 people were diagnosed with dengue fever in the past 24 hours on Sunday, the highest number in a "
     "single day so far this year.", [("the past 24 hours", "duration"), ("Sunday", "date"),
                                      ("a single day", "duration"), ("this year", "date")],
     [("845 people", "count")], ["845 people", "the past 24 hours", "Sunday", "this year"]),
    # Prothom Alo (November 2025): hung on the verb whose object the superlative noun is
    ("The latest 24-hour count marks the highest number of deaths in a single day from dengue this year.",
     [("a single day", "duration"), ("this year", "date")], [], ["this year"]),
    # look-alikes that keep the period: no record counted in it, or a definite period that places the claim
    ("Bangladesh recorded 99 dengue deaths in a month, up from 40 in 2024.", [("a month", "duration"), ("2024", "date")],
     [("99 dengue deaths", "count"), ("40", "count")], ["99 dengue deaths", "a month", "40", "2024"]),
    ("It was the highest number of deaths in the past month, with 99 recorded.", [("the past month", "duration")],
     [("99", "count")], ["the past month", "99"]),
])
def test_a_period_a_record_is_counted_in_is_no_value(nlp, extractor, text, dates, quantities, linked):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    ids = {i for row in built.rows for i in [*row["quantity_ids"], *row["date_ids"]]}
    assert ids == {built.value_id(v) for v in linked}, built.rows


@pytest.mark.parametrize("text, dates, quantities, linked", [
    # dev9 430_ (10BM News / AFP, July 2025): the disruptions' months, inside the "despite" phrase
    ("The facility marked its busiest first half on record with a 2.3% year-on-year growth, Dubai Airports said in a "
     "statement, despite temporary regional airspace disruptions in May and June.",
     [("May", "date"), ("June", "date")], [("2.3%", "percent")], ["2.3%"]),
    # a fronted "despite" clause with its own subject and figure, beside the claim's own figure
    ("Despite individual investors posting a record net sell-off of 3.1 trillion won, institutional investors bought "
     "2.9 trillion won of shares.", [], [("3.1 trillion won", "amount"), ("2.9 trillion won", "amount")],
     ["2.9 trillion won"]),
    # look-alikes: a value outside the phrase stays; with no value of its own the claim keeps the phrase's (dev7 399_,
    # dev 028_: a claim left without values would make no row, and the date there places it)
    ("Shares rose 2% on Monday despite the strike.", [("Monday", "date")], [("2%", "percent")], ["2%", "Monday"]),
    ("Despite individual investors posting a record net sell-off of 3.1082 trillion won, institutional investors "
     "absorbed most of the volume.", [], [("3.1082 trillion won", "amount")], ["3.1082 trillion won"]),
    ("The FTSE 100 index ended the year close to a new record despite a slight retreat on Wednesday.",
     [("Wednesday", "date")], [], ["Wednesday"]),
])
def test_a_concessive_phrase_s_values_are_its_own(nlp, extractor, text, dates, quantities, linked):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    ids = {i for row in built.rows for i in [*row["quantity_ids"], *row["date_ids"]]}
    assert ids == {built.value_id(v) for v in linked}, built.rows


DAY = ("date", "day")


@pytest.mark.parametrize("text, dates, quantities, linked", [
    # Trinidad Guardian (February 2026): a news release's day, the statistics office's, not the index's
    ("The Central Statistical Office, in a news release yesterday, said on a month-to-month basis, the All Items "
     "Index rose to 125.8 in January 2026.", [("yesterday", *DAY), ("January 2026", "date", "month")],
     [("125.8", "count")], ["125.8", "January 2026"]),
    # dev 206_ (Xinhua, January 2026): official data showed Monday
    ("China's gross domestic product grew 5 percent year on year in 2025, official data showed Monday.",
     [("2025", "date", "year"), ("Monday", *DAY)], [("5 percent", "percent")], ["5 percent", "2025"]),
    # dev5 350_ (US consumer prices, February 2026): the bureau's day, fronted before "said that"
    ("The Bureau of Labor Statistics on Friday said that the consumer price index rose 0.2% in January.",
     [("Friday", *DAY), ("January", "date", "month")], [("0.2%", "percent")], ["0.2%", "January"]),
    # dev9 424_ (Australian jobs, July 2025): "as reported by"
    ("Australia's seasonally adjusted unemployment rate increased to 4.3% in June, as reported by the Australian "
     "Bureau of Statistics (ABS) on Thursday.", [("June", "date", "month"), ("Thursday", *DAY)],
     [("4.3%", "percent")], ["4.3%", "June"]),
    # dev4 328_ (Japan's GDP, November 2025): "according to ... data released on Monday"
    ("Japan's economy contracted an annualized real 1.8 percent in the third quarter of 2025, according to "
     "preliminary government data released on Monday.", [("the third quarter of 2025", "date", "quarter"),
                                                          ("Monday", *DAY)],
     [("1.8 percent", "percent")], ["1.8 percent", "the third quarter of 2025"]),
    # a claim with no date of its own keeps the day, which dates the statement (the seeds' gold: "..., a top EU
    # official said on Monday"): dev10 445_ (Denmark's air defence, September 2025), where "its" ministry is not the
    # country that invests, and seed 000_
    ("Denmark will invest some 58 billion kroner in European-made air defence systems, its defence ministry said "
     "Friday.", [("Friday", *DAY)], [("58 billion kroner", "money")], ["58 billion kroner", "Friday"]),
    ("The European Commission is trying to get member states to give it a mandate to negotiate a partnership, a top "
     "EU official said on Monday.", [("Monday", *DAY)], [], ["Monday"]),
    # look-alikes that keep the day: the subject's own announcement (Nestle, October 2025; dev10 446_, dev8 414_) ...
    ("Nestle announced on Thursday that it will cut 16,000 jobs over the next two years.",
     [("Thursday", *DAY), ("the next two years", "duration")], [("16,000 jobs", "count")],
     ["Thursday", "16,000 jobs", "the next two years"]),
    ("The Federal Reserve on Wednesday announced that it will leave its benchmark interest rate unchanged.",
     [("Wednesday", *DAY)], [], ["Wednesday"]),
    ("The World Health Organization today announced updated figures on the chikungunya outbreak, with 502,264 "
     "reported cases in 2025.", [("today", *DAY), ("2025", "date", "year")], [("502,264 reported cases", "count")],
     ["today", "502,264 reported cases", "2025"]),
    # ... a participle on the subject (dev 212_), a chained verb (dev 205_), the reported fact's own days
    ("The deal, announced on Monday under Denmark's rotating EU presidency, does not include a ban on LNG terminals.",
     [("Monday", *DAY)], [], ["Monday"]),
    ("The Bank of Canada returned to publishing a central forecast for the economy Wednesday.", [("Wednesday", *DAY)],
     [], ["Wednesday"]),
    ("Heavy rain is expected between Thursday and Saturday, the weather office said on Tuesday.",
     [("Thursday", *DAY), ("Saturday", *DAY), ("Tuesday", *DAY)], [], ["Thursday", "Saturday"]),
    ("The final results will be confirmed on Monday, the election commission said.", [("Monday", *DAY)], [],
     ["Monday"]),
])
def test_a_release_day_of_someone_else_is_no_value(nlp, extractor, text, dates, quantities, linked):
    """A day given for a statement or release by someone other than the claim's subject dates the report (claims
    round 38: the judges' convention of session 12), and the row names the evidence ``release_day``."""
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    ids = {i for row in built.rows for i in [*row["quantity_ids"], *row["date_ids"]]}
    assert ids == {built.value_id(v) for v in linked}, built.rows
    dropped = len(dates) + len(quantities) > len(linked)
    assert any("release_day" in row["confidence_evidence"].split() for row in built.rows) == dropped, built.rows


def test_a_weak_date_is_never_a_value_of_a_claim(nlp, extractor):
    built = build(nlp, extractor, "Poland is now the biggest spender. Poland now spends 4% of GDP.",
                  dates=["now", "now#2"], quantities=[("4%", "percent")])
    stated, spent = built.rows
    # the first sentence states a fact of Poland's, but "now" (the time of any statement) dates nothing
    assert stated["date_ids"] == [] and stated["quantity_ids"] == [] and stated["kind"] == "event"
    assert spent["quantity_ids"] == [built.value_id("4%")] and spent["date_ids"] == []


# ------------------------------------------------------------------------------- invariants

POOL = [
    ("Germany raised its defence budget by 10% in 2024, and France cut its spending by 5% in 2025. ",
     ["2024", "2025"], [("10%", "percent"), ("5%", "percent")]),
    ("“We will raise spending to 3% by 2027,” she said. ", ["2027"], [("3%", "percent")]),
    ("Keir Starmer, who came to power in July 2024, pledged £2 billion on Monday. ", ["July 2024", "Monday"],
     [("£2 billion", "money")]),
    ("According to Reuters, Germany sent €10 billion to Ukraine. ", [], [("€10 billion", "money")]),
    ("Defence Spending Rises 5% in 2024\n", ["2024"], [("5%", "percent")]),
    ("The talks lasted 45 years, said Anna Petrov. ", ["45 years"], []),
    ("No value here at all. ", [], []),
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(picks=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=4), offset=st.integers(0, 40))
def test_claim_rows_stay_inside_their_article_and_link_only_given_values(nlp, extractor, picks, offset):
    text, dates, quantities = "", [], []
    for n, pick in enumerate(picks):
        sentence, ds, qs = POOL[pick]
        occ = {}
        for part in [*ds, *(q for q, _ in qs)]:
            occ[part] = (text + sentence).count(part)
        text += sentence
        dates += [f"{d}#{occ[d]}" for d in ds]
        quantities += [(f"{q}#{occ[q]}", k) for q, k in qs]
    built = build(nlp, extractor, text, dates=dates, quantities=quantities, offset=offset)
    article = built.article
    given_ids = {r.get("date_id") or r.get("quantity_id"): r for r in [*built.dates, *built.quantities]}
    mention_ids = {m["mention_id"] for m in built.mentions}
    for row in built.rows:
        assert list(row) == SCHEMAS["claim_drafts"].names
        assert article.start <= row["start"] < row["end"] <= article.end
        assert built.source_text[row["start"]:row["end"]] == row["text"]
        linked = [*row["quantity_ids"], *row["date_ids"]]
        assert linked and set(linked) <= set(given_ids)
        for value_id in linked:  # each value lies inside the span of the claim that states it
            assert row["start"] <= given_ids[value_id]["start"] and given_ids[value_id]["end"] <= row["end"]
        sentence = article.sentence_at(row["start"])
        assert sentence.start <= row["start"] and row["end"] <= sentence.end
        assert set(row["mention_ids"]) <= mention_ids
        assert row["subject_mention_id"] in mention_ids | {None}
        assert row["speaker_mention_id"] in mention_ids | {None}
    # every value is stated by at most one claim
    linked_all = [v for row in built.rows for v in [*row["quantity_ids"], *row["date_ids"]]]
    assert len(linked_all) == len(set(linked_all))


def test_values_outside_the_article_are_ignored(nlp, extractor):
    built = build(nlp, extractor, "Poland will spend 4% of GDP in 2026.", offset=100,
                  dates=["2026"], quantities=[("4%", "percent")])
    outside = {"quantity_id": "q_outside", "doc_id": "d1", "source": "t.txt", "start": 5, "end": 7, "text": "4%",
               "sentence_id": None, "kind": "percent"}
    rows = extractor(built.doc, built.article, dates=built.dates, quantities=[*built.quantities, outside],
                     mentions=built.mentions)
    assert [r["start"] for r in rows] == [100]
    assert all("q_outside" not in r["quantity_ids"] for r in rows)


# ---------------------------------------------------------------------------------- helpers


@pytest.mark.parametrize("text, breaks, regions", [
    ("He said “yes” and “no”.", [], [(8, 13), (18, 22)]),
    ('A "straight" quote.', [], [(2, 12)]),
    ("“First paragraph.\n“Second paragraph,” she said.", [], [(0, 18), (18, 37)]),  # re-opened: continues
    ("No quotes, only an apostrophe’s mark.", [], []),
    ("“Never closed", [], [(0, 13)]),
    # an unclosed quotation ends with its paragraph, and a stray straight mark does not pair across one
    ("“Never closed.\nThen “a quote” follows.", [14], [(0, 14), (20, 29)]),
    ('"Stray mark.\nA "proper" one.', [12], [(0, 12), (15, 23)]),
])
def test_quote_regions(text, breaks, regions):
    assert quote_regions(text, [("“", "”"), ('"', '"')], breaks=breaks) == regions


@pytest.mark.parametrize("lexicon, code", [
    ({"speech_verbs": "say"}, "E601"),
    ({"quote_pairs": [["“"]]}, "E601"),
    ({"nearest_depth": "four"}, "E601"),
    ({"speach_verbs": ["say"]}, "E602"),
])
def test_bad_lexicons_are_rejected_with_a_code(lexicon, code):
    with pytest.raises(ClaimsConfigError, match=code):
        compile_rules(lexicon)


def test_a_doc_without_a_parse_is_refused_with_a_code(nlp, extractor):
    text = "Poland will spend 4% of GDP in 2026."
    doc = nlp.make_doc(text)
    article = Article(doc_id="d1", source="t.txt", start=0, end=len(text), text=text)
    with pytest.raises(ValueError, match="E603"):
        extractor(doc, article, dates=[], quantities=[], mentions=[])


def test_the_shipped_lexicon_compiles(config):
    rules = compile_rules(config.lexicon("claims"))
    assert "say" in rules.speech_verbs and rules.kind_by_quantity["money"] == "amount"


def test_resolve_claims_maps_mentions_to_entities_and_drops_unknown_ones():
    drafts = pd.DataFrame([{
        "claim_id": "c_1", "doc_id": "d1", "source": "t.txt", "start": 0, "end": 10, "text": "x" * 10,
        "sentence_id": "s0", "subject_mention_id": "m_1", "subject": "the EU", "predicate": "spend",
        "quantity_ids": ["q_1"], "date_ids": [], "mention_ids": ["m_1", "m_gone", "m_2"],
        "speaker_mention_id": "m_gone", "speaker": "Somebody", "kind": "amount"}])
    mentions = pd.DataFrame({"mention_id": ["m_1", "m_2"], "entity_id": ["e_eu", "e_uk"]})
    entities = pd.DataFrame({"entity_id": ["e_eu", "e_uk"], "name": ["European Union", "United Kingdom"]})
    claims = resolve_claims(drafts, mentions, entities)
    assert list(claims.columns) == SCHEMAS["claims"].names
    row = claims.iloc[0]
    assert row["subject_entity_id"] == "e_eu" and row["subject"] == "European Union"
    assert list(row["entity_ids"]) == ["e_eu", "e_uk"]
    assert row["speaker_entity_id"] is None and row["speaker"] == "Somebody"
    assert resolve_claims(drafts.iloc[0:0], mentions, entities).empty


# ---------------------------------------------------------------------------------- seed run


def test_seed_claims_carry_subjects_and_link_only_existing_rows(seed_run):
    _, _, tables, texts = seed_run
    claims = tables.claims
    assert len(claims) > 0
    assert claims["subject"].notna().mean() >= 0.9
    ids = {
        "quantity_ids": set(tables.quantities["quantity_id"]),
        "date_ids": set(tables.dates["date_id"]),
        "entity_ids": set(tables.entities["entity_id"]),
    }
    entities = ids["entity_ids"]
    documents = tables.documents
    for row in claims.to_dict("records"):
        for column, known in ids.items():
            assert set(row[column]) <= known, (column, row["claim_id"])
        # a claim states a value, or it is a named actor's act or state (and then names its entity), or its only
        # figures went to a relative clause's own row (claims round 48: evidence relative_values)
        if not len(row["quantity_ids"]) + len(row["date_ids"]):
            assert row["kind"] in {"event", "target"}, row["claim_id"]
            assert row["subject_entity_id"] in entities \
                or "relative_values" in str(row["confidence_evidence"]).split(), row["claim_id"]
        for column in ("subject_entity_id", "speaker_entity_id"):
            assert row[column] is None or row[column] != row[column] or row[column] in entities
        assert texts[row["source"]][row["start"]:row["end"]] == row["text"]
        holder = documents[(documents["doc_id"] == row["doc_id"])].iloc[0]
        assert holder["start"] <= row["start"] and row["end"] <= holder["end"]


# ------------------------------------------------------------------- unseen-text audit rules


def _values(text: str, values: list[str]) -> tuple[list, list]:
    """Split surface values into (dates, quantities) for ``build`` by their look."""
    dates, quantities = [], []
    for value in values:
        if isinstance(value, tuple):
            dates.append(value)
        elif "%" in value or "per cent" in value:
            quantities.append((value, "percent"))
        elif any(mark in value for mark in "€$£"):
            quantities.append((value, "money"))
        elif value[0].isdigit() and not re.fullmatch(r"\d{4}", value):
            quantities.append((value, "count"))
        else:
            dates.append(value)
    return dates, quantities


@pytest.mark.parametrize("text, values, claims", [
    # a sentence-case headline alone on its line, unpunctuated, states nothing of its own
    ("Nato leaders commit to invest 5% of GDP on defence by 2035\n\nNato leaders have committed to invest "
     "5% of GDP by 2035.", ["5%", "5%#2", "2035", "2035#2"], 1),
    ("EU executive backs €38b defence loans for eight member states\nThe Commission endorsed the plans on "
     "Thursday.", ["€38b", "Thursday"], 1),
    ("Ukraine to host coalition leaders Saturday, Zelenskiy says\n\nUkraine will host the meeting on "
     "Saturday, Zelenskiy said.", ["Saturday", "Saturday#2"], 1),
    # look-alikes: a punctuated one-line paragraph, and an unpunctuated sentence that shares its line
    ("Germany raised spending by 5% in 2024.\nFrance did not.", ["5%", "2024"], 1),
    ("Poland spent 4% of GDP in 2024. France spent 2% in 2023", ["4%", "2024", "2%", "2023"], 2),
])
def test_a_headline_on_its_own_line_makes_no_claim(nlp, extractor, text, values, claims):
    dates, quantities = _values(text, values)
    built = build(nlp, extractor, text, dates=dates, quantities=quantities, lines=True)
    assert len(built.rows) == claims
    assert all(not row["text"].startswith(("Nato leaders commit", "EU executive", "Ukraine to host"))
               for row in built.rows)


@pytest.mark.parametrize("text, values, kind", [
    # "plans" as a noun names documents, not a goal
    ("The Commission endorsed investment plans from eight member states worth €38 billion.", ["€38 billion"],
     "amount"),
    ("Members will submit national plans to the alliance by 2029.", ["2029"], "event_date"),
    ("The committee approved 38 procurement plans on Wednesday.", ["38 procurement plans", "Wednesday"], "count"),
    ("Germany's annual budget is approximately €476 billion.", ["€476 billion"], "amount"),
    ("The report reviews progress on 3 goals.", ["3 goals"], "count"),
    # look-alikes: the verb states the goal, or a noun that names one governs the value
    ("The United Kingdom plans to spend £2.2 billion more this year.", ["£2.2 billion"], "target"),
    ("NATO members are expected to adopt a new 5% spending target.", ["5%"], "target"),
    ("Nine members failed to meet the 2% pledge agreed in 2014.", ["2%"], "target"),
    ("Poland aims to reach 5% of GDP by 2026.", ["5%", "2026"], "target"),
])
def test_a_goal_is_stated_by_a_verb_or_a_goal_noun_not_by_plans(nlp, extractor, text, values, kind):
    dates, quantities = _values(text, values)
    (row,) = build(nlp, extractor, text, dates=dates, quantities=quantities).rows
    assert row["kind"] == kind


@pytest.mark.parametrize("text, values, kind", [
    # a recurrence said as an adjective classifies a noun; the other date says when
    ("The annual deficit in 2028 would be the highest since 1990.", [("annual", "set"), "2028", "1990"],
     "event_date"),
    ("Since February 2022, Ukraine has endured nightly bombardments.", [("February 2022", "date"),
                                                                         ("nightly", "set")], "event_date"),
    # look-alikes: a recurrence that says how often the statement's event happens, with a date or alone
    ("Germany will hold the talks annually from 2026.", [("annually", "set"), "2026"], "frequency"),
    ("Ofgem reviews the cap quarterly.", [("quarterly", "set")], "frequency"),
])
def test_an_adjectival_recurrence_does_not_set_the_kind(nlp, extractor, text, values, kind):
    dates, quantities = _values(text, values)
    (row,) = build(nlp, extractor, text, dates=dates, quantities=quantities).rows
    assert row["kind"] == kind


@pytest.mark.parametrize("text, value, speaker", [
    # a document "for" a country is not the country speaking
    ("According to the Forecast for Germany, exports will grow by 3% next year.", "3%", None),
    ("According to the Strategy for Poland, the army will reach 300,000 soldiers by 2035.", "300,000 soldiers",
     None),
    ("According to the Commissioner for Ukraine, aid will rise by 5% in 2026.", "5%", None),
    # look-alikes: a body or person "for" whom someone speaks; "by" and "from" name the author
    ("According to a spokesman for the European Commission, aid rose by 3% in 2024.", "3%", "European Commission"),
    ("According to analysis by the Royal United Services Institute, the gap is £14bn.", "£14bn",
     "Royal United Services Institute"),
    ("According to a report from the European Commission, aid rose by 4% in 2024.", "4%", "European Commission"),
])
def test_a_place_behind_a_preposition_that_names_no_owner_is_no_speaker(nlp, extractor, text, value, speaker):
    dates, quantities = _values(text, [value])
    row = build(nlp, extractor, text, dates=dates, quantities=quantities).row_with(value)
    assert row["speaker"] == speaker or (speaker is not None and row["speaker"].endswith(speaker))


@pytest.mark.parametrize("text, value, predicate, speaker", [
    # an unquoted statement tagged by a later speech verb: its verb is the predicate, whatever
    # the parser hung the value on, and the speaker is credited, not made the subject first
    ("Overall, growth will accelerate significantly in 2027, the Bundesbank President said.", "2027",
     "accelerate", "Bundesbank"),
    ("Starting in the second quarter of 2026, economic growth will strengthen markedly, Joachim Nagel "
     "explained.", "the second quarter of 2026", "strengthen", "Joachim Nagel"),
    ("Germany's economy will grow by 2% in 2025, the Governor of the Bank of England said on Monday.", "2%",
     "grow", "Bank of England"),
])
def test_an_unquoted_statement_before_its_speech_verb_keeps_its_own_predicate(nlp, extractor, text, value,
                                                                                predicate, speaker):
    dates, quantities = _values(text, [value])
    row = build(nlp, extractor, text, dates=dates, quantities=quantities).row_with(value)
    assert row["predicate"] == predicate
    assert row["speaker"] is not None and speaker in row["speaker"]
    if "Germany" in text:
        assert row["subject"] == "Germany"


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: a quotation may be about its speaker; a speech verb reporting a later clause is no tag
    ("“Our budget grew by 12% last year,” Mark Rutte said.", "12%", "Mark Rutte"),
    # a clause a colon closes before the speech verb is a lead-in, not what was said: the sentence reports
    # what follows the colon, and the lead-in's value joins that claim
    ("Later, signs of a thaw emerged after last week's talks: Volodymyr Zelenskyy said he would travel to "
     "Riyadh.", "last week", "Volodymyr Zelenskyy"),
    # look-alike: with no colon, the clause before the verb is the statement and keeps its subject
    ("Signs of a thaw emerged after last week's talks, Volodymyr Zelenskyy said.", "last week", "Signs"),
])
def test_a_quoted_or_leading_statement_may_still_be_about_its_speaker(nlp, extractor, text, value, subject):
    dates, quantities = _values(text, [value])
    row = build(nlp, extractor, text, dates=dates, quantities=quantities).row_with(value)
    assert row["subject"] == subject


_LEAD = "Joe Biden will announce a new aid package for Ukraine on Tuesday. "
# no thing is named before "It", so the pronoun resolves to nothing and the topic may stand in
_NAMELESS_LEAD = "Joe Biden will announce a new aid package on Tuesday. "
_FILLER = "The war has lasted for a long time. Many towns were damaged. Reports came in overnight. Air raids went on. "


@pytest.mark.parametrize("text, value, topic", [
    # the lead's subject stands in for a clause that states no subject (an "it" naming nothing) only while
    # the text keeps naming it; an existential "there" states its subject (subject_rule `existential`)
    (_NAMELESS_LEAD + "It came after two attacks in the capital.", "two attacks", True),
    (_NAMELESS_LEAD + _FILLER + "It came after two attacks in the capital.", "two attacks", False),
    (_NAMELESS_LEAD + _FILLER + "Joe Biden spoke again. It came after two attacks in the capital.", "two attacks", True),
    (_NAMELESS_LEAD + _FILLER + "Biden spoke again. It came after two attacks in the capital.", "two attacks", True),
])
def test_the_article_topic_stands_in_only_while_it_is_named(nlp, extractor, text, value, topic):
    dates, quantities = _values(text, [value])
    row = build(nlp, extractor, text, dates=["Tuesday"] + dates, quantities=quantities).row_with(value)
    assert (row["subject"] == "Joe Biden") is topic
    assert row["subject_rule"] == ("topic" if topic else None)


@pytest.mark.parametrize("sentence, subject", [
    # a subject the text states is what the claim is about, named or not: never the topic or a nearby name
    ("Two people were killed in the attack.", "Two people"),
    ("Treasury yields rose 0.2% in London.", "Treasury yields"),
    ("The S&P 500 rose 0.5% Tuesday.", "The S&P 500"),
])
def test_a_stated_subject_is_never_replaced_by_the_topic(nlp, extractor, sentence, subject):
    text = _LEAD + sentence
    value = next(v for v in ("Two people", "0.2%", "0.5%") if v in sentence)
    dates, quantities = _values(text, [value])
    row = build(nlp, extractor, text, dates=["Tuesday"] + dates, quantities=quantities).row_with(value)
    assert row["subject"] == subject and row["subject_rule"] in {"phrase", "described"}


@pytest.mark.parametrize("text, values, claims", [
    # the second term of a comparison completes the claim
    ("Russia produces more ammunition in three months than NATO countries do in a year.",
     [("three months", "duration"), ("a year", "duration")], 1),
    ("Germany spent more in 2024 than France did in 2023.", ["2024", "2023"], 1),
    # look-alike: two coordinated claims still split
    ("Germany spent €90 billion in 2024, and France spent €60 billion in 2023.",
     ["€90 billion", "2024", "€60 billion", "2023"], 2),
])
def test_a_comparison_is_one_claim(nlp, extractor, text, values, claims):
    dates, quantities = _values(text, values)
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    assert len(built.rows) == claims
    if claims == 1:
        assert built.rows[0]["text"] == text


@pytest.mark.parametrize("text, value, speaker", [
    # "it said" credits the institution named last
    ("The European Commission approved the plans. The Council has four weeks to adopt them, it said.",
     ("four weeks", "duration"), "European Commission"),
    ("Rheinmetall won the contract on Monday. It said 38 vehicles would be delivered.", "38 vehicles",
     "Rheinmetall"),
    # look-alike: with no institution named, "it" credits no one
    ("The weather was bad. Prices will rise by 2% next year, it said.", "2%", None),
])
def test_it_said_credits_the_last_named_institution(nlp, extractor, text, value, speaker):
    dates, quantities = _values(text, [value])
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    row = built.row_with(value if isinstance(value, str) else value[0])
    assert row["speaker"] == speaker


@pytest.mark.parametrize("text, value, subject", [
    # "they" after a nameless plural subject refers to that noun, not to an earlier name
    ("Stinger missiles were ordered by Germany. They can hit aircraft up to six kilometres away.",
     "six kilometres", None),
    # look-alikes: a plural subject that names an entity, and a speech verb's subject
    ("EU leaders met in Brussels. They agreed to spend €5 billion on ammunition.", "€5 billion", "EU"),
])
def test_they_after_a_nameless_plural_subject_stays_unresolved(nlp, extractor, text, value, subject):
    kind = "money" if "€" in value else "measure"
    row = build(nlp, extractor, text, quantities=[(value, kind)]).row_with(value)
    assert row["subject_mention_id"] is None if subject is None else subject in row["subject"]


def test_a_clause_the_tagger_mistagged_still_states_a_claim(nlp, extractor):
    """A subject marks a clause even when the tagger calls its verb something else."""
    text = "Measured against today's gross domestic product, that is 80 billion euros."
    doc = nlp(view_text(text))
    assert not any(t.tag_ in {"VBZ", "VBD", "VBP", "MD"} for t in doc), "the model now tags this verb: pick another"
    built = build(nlp, extractor, text, quantities=[("80 billion euros", "money")])
    assert len(built.rows) == 1


# --------------------------------------------------------------- claims that state no value


def _fact_row(built: Built, sentence: str) -> dict | None:
    """The claim row whose span lies in ``sentence`` (None if there is none)."""
    start = built.article.text.find(sentence)
    assert start >= 0, sentence
    found = [r for r in built.rows if start <= r["start"] and r["end"] <= start + len(sentence)]
    assert len(found) <= 1, found
    return found[0] if found else None


@pytest.mark.parametrize("context, sentence, subject, predicate, kind", [
    ("", "The UK and the European Union have agreed to restart formal talks on defence cooperation.",
     "UK", "agree", "event"),
    ("", "Under current arrangements, the UK is excluded from several EU defence funding mechanisms.",
     "UK", "exclude", "event"),
    ("", "Poland invoked Article 4 of the North Atlantic Treaty.", "Poland", "invoke", "event"),
    ("", "Russia has not commented on the attacks.", "Russia", "comment", "event"),
    ("", "President Karol Nawrocki signed a resolution consenting to NATO force deployments.",
     "Karol Nawrocki", "sign", "event"),
    # a pronoun takes the named subject before it
    ("Germany ordered four frigates. ", "It has also bought Patriot air defence systems.", "Germany", "buy",
     "event"),
    # what a speech verb reports is the claim
    ("", "Officials in Warsaw confirmed that Poland had closed its border with Belarus.", "Poland", "close",
     "event"),
    # a nationality adjective stands for its country when the article names it
    ("Romania found drone debris near the border. ", "Romanian authorities called it a violation of sovereignty.",
     "Romania", "call", "event"),
    # a goal
    ("", "Ukraine is seeking security guarantees from its allies.", "Ukraine", "seek", "target"),
    # a nameless subject right after the lead stands for its topic
    ("The UK and the EU have agreed to restart talks on defence. ",
     "Officials confirmed that discussions will focus on joint procurement.", "UK", "focus", "event"),
    # after a speech verb "would" is the future seen from the past, not a supposition
    ("", "Officials confirmed that Germany would send Patriot systems to Ukraine.", "Germany", "send", "event"),
    ("Brazil hosted the talks. ", "The Brazilian presidency pledged to deliver two roadmaps.", "Brazil", "pledge",
     "target"),
    # an inverted attribution: the statement before the comma is the claim
    ("", "NATO is launching the Baltic Sentry mission to protect undersea cables, announced Secretary General "
     "Mark Rutte at the summit.", "NATO", "launch", "event"),
    # a copula with a noun states what something is
    ("", "The European Defence Agency is an agency of the European Union.", "European Defence Agency", "be",
     "event"),
])
def test_a_named_actors_act_or_state_is_a_claim_without_a_value(nlp, extractor, context, sentence, subject,
                                                                predicate, kind):
    built = build(nlp, extractor, context + sentence)
    row = _fact_row(built, sentence)
    assert row is not None, built.rows
    assert row["subject"] == subject and row["predicate"] == predicate and row["kind"] == kind
    assert row["quantity_ids"] == [] and row["date_ids"] == []
    assert built.mention_text(row["subject_mention_id"]) == subject


@pytest.mark.parametrize("text", [
    "Critics warn that the agreement weakens NATO.",           # an opinion verb reports it
    "Supporters of Germany argue that the deal helps Europe.",
    "Germany could send more tanks to Lithuania.",             # hypothetical
    "Poland should buy more drones from Ukraine.",
    "If the talks succeed, the UK will join the scheme.",      # conditional
    "Hungary believes that the sanctions have failed.",        # attitude
    "Hungary seems isolated in the European Council.",
    "The Kremlin was surprised by the decision.",              # a state of mind
    "The Russian side has expressed optimism about the process.",  # a stance
    "Kallas emphasized the deep alignment between Brussels and London.",
    "Germany would send more tanks to Lithuania.",             # "would" not reported is supposed
    "The EU is ready for a deal with the UK.",                 # a judgement
    "Talks with Turkey are proving difficult for the EU.",
    "Persuading Hungary to join the coalition will be a delicate process.",  # what an activity is like
    "In the end, it was the Belgians who put it best.",        # a cleft's empty "it"
    "“Germany is back,” Merz said.",                           # inside a quotation
    "The strategy of the European Commission includes:",       # the claim is the list after it
    "Is Germany ready to lead Europe?",                        # a question
    "UK and EU Resume Defence Talks",                          # a headline
    "Negotiators met behind closed doors.",                    # no name for the actor
    "The second level, Rutte noted, is a coalition of the willing.",  # a speech tag only credits
])
def test_judgements_suppositions_and_fragments_make_no_claim_without_a_value(nlp, extractor, text):
    assert build(nlp, extractor, text).rows == []


def test_a_verb_standing_for_an_earlier_one_makes_no_claim(nlp, extractor):
    built = build(nlp, extractor, "Germany raised its defence budget. France did not.")
    assert _fact_row(built, "Germany raised its defence budget.") is not None
    assert _fact_row(built, "France did not.") is None


def test_the_place_of_a_dateline_is_never_a_subject_or_antecedent(nlp, extractor):
    text = "BRUSSELS — Sometimes it is better not to know.\nIt has approved the fund."
    built = build(nlp, extractor, text, lines=True)
    assert all(row["subject"] != "BRUSSELS" for row in built.rows)


def test_a_pronoun_inside_its_own_antecedent_phrase_does_not_loop(nlp, extractor):
    # "its" would resolve through the subject "The size of its army", which holds it
    built = build(nlp, extractor, "The size of its army has grown sharply. The budget of its navy rose too.")
    assert all(row["subject_mention_id"] is None or row["subject"] for row in built.rows)


def test_claims_without_values_can_be_switched_off(nlp, config):
    lexicon = dict(config.lexicon("claims"), fact_claims=False)
    extractor = ClaimExtractor(lexicon, gazetteer=config.lexicon("gazetteer"))
    assert build(nlp, extractor, "Poland invoked Article 4 of the North Atlantic Treaty.").rows == []


def test_a_value_less_draft_whose_subject_was_dropped_is_no_claim():
    common = {"doc_id": "d1", "source": "t.txt", "start": 0, "end": 10, "text": "x" * 10, "sentence_id": "s0",
              "predicate": "agree", "mention_ids": [], "speaker_mention_id": None, "speaker": None}
    drafts = pd.DataFrame([
        dict(common, claim_id="c_kept", subject_mention_id="m_1", subject="the EU", quantity_ids=[], date_ids=[],
             kind="event"),
        dict(common, claim_id="c_gone", subject_mention_id="m_gone", subject="Somebody", quantity_ids=[],
             date_ids=[], kind="event"),
        dict(common, claim_id="c_value", subject_mention_id="m_gone", subject="Somebody", quantity_ids=["q_1"],
             date_ids=[], kind="amount"),
    ])
    mentions = pd.DataFrame({"mention_id": ["m_1"], "entity_id": ["e_eu"]})
    entities = pd.DataFrame({"entity_id": ["e_eu"], "name": ["European Union"]})
    claims = resolve_claims(drafts, mentions, entities)
    assert list(claims["claim_id"]) == ["c_kept", "c_value"]


def test_a_value_less_nameless_draft_whose_figures_went_to_a_relative_clause_is_kept():
    """"The steep decline was driven by exports, which dropped to a three-month low" (dev11 471_): the clause's row has
    the figure, the sentence's row none and no named subject; it is a claim all the same (evidence relative_values),
    while a nameless value-less draft with no such evidence is still no claim."""
    common = {"doc_id": "d1", "source": "t.txt", "start": 0, "end": 10, "text": "x" * 10, "sentence_id": "s0",
              "predicate": "drive", "mention_ids": [], "speaker_mention_id": None, "speaker": None,
              "subject_mention_id": None, "subject": "The steep decline", "quantity_ids": [], "date_ids": [],
              "kind": "event"}
    drafts = pd.DataFrame([
        dict(common, claim_id="c_kept", confidence=0.6, confidence_evidence="subject.phrase no_value relative_values"),
        dict(common, claim_id="c_gone", confidence=0.6, confidence_evidence="subject.phrase no_value"),
    ])
    empty = pd.DataFrame({"mention_id": [], "entity_id": []})
    claims = resolve_claims(drafts, empty, pd.DataFrame({"entity_id": [], "name": []}))
    assert list(claims["claim_id"]) == ["c_kept"] and claims.iloc[0]["subject"] == "The steep decline"


def test_a_sentence_whose_only_date_is_weak_is_a_claim_without_a_value(nlp, extractor):
    sentence = "Regular ministerial dialogues will now take place, and the UK will be invited to EU meetings."
    built = build(nlp, extractor, sentence, dates=["now"])
    assert len(built.rows) == 1
    row = built.rows[0]
    assert row["subject"] == "UK" and row["date_ids"] == [] and row["kind"] == "event"


@pytest.mark.parametrize("text, sentence, subject", [
    ("NATO Secretary General Mark Rutte visited Kyiv. ", "The Secretary General met Ukrainian troops.",
     "Mark Rutte"),
    ("French President Emmanuel Macron and U.S. President Donald Trump spoke. ",
     "The French president announced new sanctions on Russia.", "Emmanuel Macron"),
    ("Prime Minister Keir Starmer hosted the summit. ", "The prime minister signed the defence pact.",
     "Keir Starmer"),
])
def test_a_definite_title_points_back_to_the_person_introduced_with_it(nlp, extractor, text, sentence, subject):
    built = build(nlp, extractor, text + sentence)
    row = _fact_row(built, sentence)
    assert row is not None and row["subject"] == subject, built.rows


@pytest.mark.parametrize("text, sentence", [
    # no one was introduced with that title, or with its modifier
    ("Mark Rutte visited Kyiv. ", "The Secretary General met Ukrainian troops."),
    ("U.S. President Donald Trump spoke. ", "The French president announced new sanctions on Russia."),
    # a title with more after it introduces someone else ("the president of Finland")
    ("U.S. President Donald Trump spoke. ", "The president of Finland announced new sanctions on Russia."),
])
def test_a_title_without_its_person_names_no_one(nlp, extractor, text, sentence):
    built = build(nlp, extractor, text + sentence)
    row = _fact_row(built, sentence)
    assert row is None or row["subject"] not in {"Mark Rutte", "Donald Trump"}, row


def test_a_speaker_named_by_title_is_the_person_so_titled(nlp, extractor):
    built = build(nlp, extractor, "Defence Minister Boris Pistorius visited Vilnius. "
                                  "Germany will deploy 5,000 troops, the minister said.",
                  quantities=[("5,000 troops", "count")])
    assert built.row_with("5,000 troops")["speaker"] == "Boris Pistorius"



@pytest.mark.parametrize("text, value, subject", [
    ("Despite some resistance from Spain, the allies committed to spending 5% of GDP.", "5%", "the allies"),
    ("Spending rose to $693 billion, with increases in all countries except Malta.", "$693 billion", "Spending"),
    ("Industry produces too little to keep up with Russia's output of 250,000 shells.", "250,000 shells",
     "Industry"),
    # nor does the place of the event: the subject phrase says what the claim is about
    ("Defence spending rose 5% in Germany.", "5%", "Defence spending"),
])
def test_a_name_behind_a_side_preposition_never_stands_in_for_the_subject(nlp, extractor, text, value, subject):
    kind = "money" if "$" in value else "count" if "shells" in value else "percent"
    built = build(nlp, extractor, text, quantities=[(value, kind)])
    assert built.row_with(value)["subject"] == subject


@pytest.mark.parametrize("text, values, subject", [
    ("Spending in the region reached $243 billion.\nIsrael ($46.5 billion, up 65%).", ["$46.5 billion", "65%"],
     "Israel"),
    ("China: The second-largest spender ($314 billion, up 7%).", ["$314 billion", "7%"], "China"),
])
def test_a_verbless_line_of_figures_is_one_claim(nlp, extractor, text, values, subject):
    dates, quantities = _values(text, values)
    built = build(nlp, extractor, text, dates=dates, quantities=quantities, lines=True)
    row = built.row_with(values[0])
    assert row["subject"] == subject and row["predicate"] is None
    assert len(row["quantity_ids"]) == len(values)


@pytest.mark.parametrize("text, values", [
    ("NATO 5% GDP Defence Spending Target:", ["5%"]),      # opens a list
    ("Source: SIPRI yearbook, 2024.", ["2024"]),           # a date alone is a credit
    ("Up 15% in the Middle East", ["15%"]),                # a heading
])
def test_verbless_lines_that_state_no_figures_make_no_claim(nlp, extractor, text, values):
    dates, quantities = _values(text, values)
    assert build(nlp, extractor, text, dates=dates, quantities=quantities, lines=True).rows == []



def test_a_bad_nationality_table_is_rejected_with_a_code():
    with pytest.raises(ClaimsConfigError, match=r"\[E604\]"):
        compile_rules({}, gazetteer={"nationalities": {"dutch": "Netherlands"}})


@pytest.mark.parametrize("text, value, subject", [
    # a nameless subject that a copula equates with a name is about the name
    ("The biggest spender in 2024 was Poland.", "2024", "Poland"),
    # look-alike: a nameless complement describes the subject, which keeps its own words
    ("The biggest spender in 2024 was a small country.", "2024", "The biggest spender"),
])
def test_a_copula_that_names_its_subject(nlp, extractor, text, value, subject):
    dates, quantities = _values(text, [value])
    row = build(nlp, extractor, text, dates=dates, quantities=quantities).row_with(value)
    assert row["subject"] == subject


def test_subtree_intervals_are_the_parse_subtrees(nlp):
    """The attribution frames' scopes (one depth-first walk of the Doc) hold exactly each token's subtree.

    Sets built from ``Token.subtree`` per speech verb made a run-on "X said Y said ..." sentence cost the
    square of its length; the intervals must not change which tokens a frame covers.
    """
    from pipeline.stages.claims.grammar import Subtrees

    text = ("Kaja Kallas said on Monday that the EU, which had promised €150bn, would lend more, "
            "according to two officials who spoke to Reuters. “We will act,” Starmer said. "
            + "The minister said the EU said " * 30 + "nothing.")
    doc = nlp(text)
    subtrees = Subtrees(doc)
    for token in doc:
        expected = [t.i for t in token.subtree]
        scope = subtrees.of(token)
        assert len(scope) == len(expected) and sorted(scope) == sorted(expected), token
        assert all((t.i in scope) == (t.i in expected) for t in doc), token
        assert subtrees.indices(token) == frozenset(expected)
    assert -1 not in subtrees.of(doc[0]) and len(doc) not in subtrees.of(doc[0])


# A pronoun subject of "mean", "show", "agree" ... hands the claim to the clause it states (content_verbs);
# a named or stated subject keeps it. Phrases from UK energy-price and election reporting.
@pytest.mark.parametrize("text, value, subject, rule", [
    ("Wholesale prices have fallen. This means that, on current policy, bills will rise again in April.",
     "April", "bills", "phrase"),
    ("The Liberals won 169 seats. It means the Liberals will need another party's support to pass a budget "
     "in 2026.", "2026", "Liberals", "name"),
    ("“We've now agreed that the United Kingdom will work with Ukraine on a plan by June,” Starmer said.",
     "June", "United Kingdom", "name"),
    # look-alikes: a stated subject is what the claim is about
    ("Hikes in wholesale costs mean that prices will rise from April 1.", "April 1", "Hikes", "phrase"),
    ("Ofgem said wholesale prices had eased in March.", "March", "wholesale prices", "phrase"),
])
def test_a_pronoun_subject_hands_the_claim_to_the_clause_it_states(nlp, extractor, text, value, subject, rule):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] is not None and subject in row["subject"]
    assert row["subject_rule"] == rule


@pytest.mark.parametrize("text, dates, linked", [
    # a frequency adjective classifies a noun, alone or beside other values
    ("Novo Nordisk jumped after regulators approved the first daily oral medication to treat obesity.",
     [("daily", "set")], []),
    ("Patients will receive a convenient, once-daily pill from January 2026.",
     [("once-daily", "set"), "January 2026"], ["January 2026"]),
    ("NATO leaders meet at the annual summit in The Hague.", [("annual", "set")], []),
    # look-alikes: a frequency said of the event stays linked
    ("The regulator reviews the cap quarterly.", [("quarterly", "set")], ["quarterly"]),
    ("The two leaders will hold the talks annually from 2026.", [("annually", "set"), "2026"],
     ["annually", "2026"]),
])
def test_a_frequency_adjective_is_never_a_claim_value(nlp, extractor, text, dates, linked):
    built = build(nlp, extractor, text, dates=dates)
    linked_ids = {d for row in built.rows for d in row["date_ids"]}
    assert linked_ids == {built.value_id(d) for d in linked}


# A frequency hung on an amount's words past an "of" phrase is the amount's rate, not a time of the claim (claims
# round 43; dev4 335_ and dev 213_, with leads of dpa/MIA, BBC and Rigzone)
@pytest.mark.parametrize("text, dates, quantities, linked", [
    ("Since the turn of the millennium, glaciers around the world have lost around 273 billion tonnes of ice per year.",
     [("per year", "set")], [("273 billion tonnes", "measure")], ["273 billion tonnes"]),
    ("On average, glaciers lost 273 billion tonnes of ice per year in the period, according to research published "
     "in the journal Nature.", [("per year", "set")], [("273 billion tonnes", "measure")], ["273 billion tonnes"]),
    ("The world produced an average of 76.10 million barrels of crude oil per day in the third quarter of 2024.",
     [("per day", "set"), "the third quarter of 2024"], [("76.10 million barrels", "measure")],
     ["76.10 million barrels", "the third quarter of 2024"]),
    ("Glaciers outside the major ice sheets lost around 270 billion tonnes of ice a year between 2000 and 2023.",
     [("a year", "set"), "2000", "2023"], [("270 billion tonnes", "measure")], ["270 billion tonnes", "2000", "2023"]),
    # look-alikes: a frequency hung on the verb says how often the claim's event happens and stays
    ("The move is part of a major restructuring aimed at saving about 8 billion Danish crowns ($1.26 billion) each "
     "year.", [("each year", "set")], [("8 billion Danish crowns", "money"), ("$1.26 billion", "money")],
     ["8 billion Danish crowns", "$1.26 billion", "each year"]),
    ("The two leaders will hold the talks annually from 2026.", [("annually", "set"), "2026"], [],
     ["annually", "2026"]),
])
def test_a_frequency_on_an_amounts_words_is_its_rate_not_the_claims_time(nlp, extractor, text, dates, quantities,
                                                                        linked):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    linked_ids = {v for row in built.rows for v in [*row["date_ids"], *row["quantity_ids"]]}
    assert linked_ids == {built.value_id(v) for v in linked}


# A relative clause on the subject that states only a time tells an event of the subject's own: its date is not the
# claim's, and the clause is a claim of its own about the subject, as the seeds' gold has "British Prime Minister Keir
# Starmer, who came to power last summer" (claims round 47; dev6 384_, dev11 471_ and 475_, with dev10 454_); one with
# a figure or a duration describes the subject and its values stay (dev4 328_, Newsday's 2020 Port Authority lead;
# dev 017_'s Sinner row on the run)
@pytest.mark.parametrize("text, dates, quantities, linked, clauses", [
    ("Prime Minister Jonas Gahr Støre, who has led Labour since 2021, celebrated the victory.", ["2021"], [], [],
     {"Prime Minister Jonas Gahr Støre, who has led Labour since 2021": ["2021"]}),
    ("This figure, which marks the smallest surplus since June 2018, dramatically missed market expectations of AUD "
     "6.2 billion and was down sharply from the revised AUD 6.61 billion reported in July.", ["June 2018", "July"],
     [("AUD 6.2 billion", "money"), ("AUD 6.61 billion", "money")], ["AUD 6.2 billion", "AUD 6.61 billion", "July"],
     {"This figure, which marks the smallest surplus since June 2018": ["June 2018"]}),
    ("Keir Starmer, who came to power in July 2024, pledged £2 billion for Ukraine on Monday.",
     ["July 2024", "Monday"], [("£2 billion", "money")], ["£2 billion", "Monday"],
     {"Keir Starmer, who came to power in July 2024": ["July 2024"]}),
    # look-alikes: a clause with a figure or a duration describes the subject, and all its values stay
    ("Newark Liberty International Airport, which served 46 million passengers in 2019, a record, saw a 1% spike from "
     "2018.", ["2019", "2018"], [("46 million passengers", "count"), ("1%", "percent")],
     ["46 million passengers", "2019", "1%", "2018"], {}),
    ("Japan's auto industry, which accounts for nearly 10 percent of GDP and 8.3 percent of jobs, has taken a heavy "
     "hit from the U.S. tariffs.", [], [("10 percent", "percent"), ("8.3 percent", "percent")],
     ["10 percent", "8.3 percent"], {}),
])
def test_a_subjects_relative_clause_stating_only_a_time_is_its_own_claim(nlp, extractor, text, dates, quantities,
                                                                        linked, clauses):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    (row,) = [row for row in built.rows if row["text"] == text]
    assert set(row["date_ids"]) | set(row["quantity_ids"]) == {built.value_id(v) for v in linked}
    others = {r["text"]: sorted([*r["date_ids"], *r["quantity_ids"]]) for r in built.rows if r["text"] != text}
    assert others == {clause: sorted(built.value_id(v) for v in values) for clause, values in clauses.items()}


# A definite description continues the name a copula equated the last subject with, and records its mention.
@pytest.mark.parametrize("text, value, subject", [
    ("The CDU won 28.6% of the vote. The biggest winner was the AfD, which nearly doubled its share. "
     "The party gained 10 points since 2021.", "2021", "AfD"),
    # look-alike: an indefinite attribute classifies the subject and names no one to continue
    ("The CDU won 28.6% of the vote. The surprise was a party of the far right. "
     "The party gained 10 points since 2021.", "2021", "CDU"),
])
def test_a_description_continues_the_name_a_copula_equated(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] is not None and subject in row["subject"]
    assert row["subject_rule"] == "description"
    assert subject in built.mention_text(row["subject_mention_id"])


@pytest.mark.parametrize("words, heads, deps, pos, subject", [
    # the parser split "center-right" off the party's name and gave the verb two subjects: the nearer is the head
    (["Germany", "’s", "center", "-", "right", "Christian", "Democratic", "Union", "won", "28", "%"],
     [4, 0, 4, 4, 8, 7, 7, 8, 8, 10, 8],
     ["poss", "case", "amod", "punct", "nsubj", "compound", "compound", "nsubj", "ROOT", "nummod", "dobj"],
     ["PROPN", "PART", "NOUN", "PUNCT", "NOUN", "PROPN", "PROPN", "PROPN", "VERB", "NUM", "NOUN"], "Union"),
    # look-alike: one subject is the subject, named or not
    (["The", "ruling", "party", "won", "28", "%"], [2, 2, 3, 3, 5, 3],
     ["det", "amod", "nsubj", "ROOT", "nummod", "dobj"], ["DET", "VERB", "NOUN", "VERB", "NUM", "NOUN"], "party"),
])
def test_of_two_parsed_subjects_the_nearer_is_the_head(nlp, extractor, words, heads, deps, pos, subject):
    from spacy.tokens import Doc

    from pipeline.stages.claims.grammar import own_subject

    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    root = next(token for token in doc if token.dep_ == "ROOT")
    assert own_subject(root, extractor.rules).text == subject


# The model's own two-subject parses: a dateline is no subject; a coordination the parser broke keeps its
# first name.
@pytest.mark.parametrize("text, value, subject", [
    ("LONDON — Military chiefs from about 30 countries will meet in London on Thursday.", "Thursday",
     "Military chiefs"),
    ("The United States, Canada and, in future, Norway are taking part in the project since 2024.", "2024",
     "United States"),
    # look-alikes: a lead-in parsed as a clause of its own, a dateline parsed as an adverb
    ("A particularly alarming finding concerns the past decade: for the first time, the average temperature "
     "has exceeded the 1.5C threshold.", "the past decade", "the average temperature"),
    ("WASHINGTON — The Federal Reserve cut interest rates by a quarter point on Wednesday.", "Wednesday",
     "Federal Reserve"),
])
def test_a_dateline_or_lead_in_the_parser_took_for_a_subject_is_none(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] is not None and subject in row["subject"]


# A phrase followed by the list of its members is about the group; one name in apposition names the head.
# (Phrases after UK bank-results and OPEC+ reporting.)
@pytest.mark.parametrize("text, value, subject, rule", [
    # (what "Three of" counts, and never the members its own description lists)
    ("Three of Britain's largest banks – HSBC, Barclays and Standard Chartered – are set to make a combined "
     "£15.7bn in profits this year.", "£15.7bn", "Britain's largest banks", "phrase"),
    ("The eight – Saudi Arabia, Russia, the UAE, Kuwait and Oman – raised output targets by 3% in 2025.", "3%",
     "The eight", "phrase"),
    # look-alike: a single name in apposition is the head itself
    ("Britain's biggest lender, HSBC, made an £11.8bn profit last year.", "£11.8bn", "HSBC", "phrase_name"),
])
def test_a_list_of_members_names_none_of_them(nlp, extractor, text, value, subject, rule):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and row["subject_rule"] == rule


# --------------------------------------------------------------- values and confidence evidence
# Phrases after energy, markets and chip-maker reporting (2025-2026).


@pytest.mark.parametrize("text, values, linked", [
    # an absolute "with" clause the parser hangs on the credited source states a figure of the claim
    ("The world is on track to add a record amount of renewable capacity in 2025, according to think tank "
     "Ember, with solar and wind installations projected to reach 793 gigawatts, up 11% from 717 GW in 2024.",
     ["2025", ("793 gigawatts", "measure"), "11%", ("717 GW", "measure"), "2024"],
     {"2025", "793 gigawatts", "11%", "717 GW", "2024"}),
    # look-alikes: a count naming the source is the source's, with or without "according to"
    ("Oil output will rise by 3% in March, according to 2 OPEC+ delegates.", ["3%", "March", "2 OPEC+ delegates"],
     {"3%", "March"}),
    ("Oil output will rise by 3% in March, two OPEC+ delegates said.", ["3%", "March", ("two", "count")],
     {"3%", "March"}),
])
def test_a_figure_in_the_credited_source_is_the_source_s_unless_a_clause_of_its_own_states_it(
        nlp, extractor, text, values, linked):
    dates, quantities = [], []
    for value in values:
        if isinstance(value, tuple):
            quantities.append(value)
        else:
            more_dates, more_quantities = _values(text, [value])
            dates += more_dates
            quantities += more_quantities
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    texts = {r["text"] for r in [*built.dates, *built.quantities]
             for row in built.rows for i in [*row["quantity_ids"], *row["date_ids"]]
             if i in (r.get("date_id"), r.get("quantity_id"))}
    assert texts == linked


def _evidence(nlp, extractor, text: str, values: list[str]) -> list[str]:
    dates, quantities = _values(text, values)
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    (row,) = built.rows
    return row["confidence_evidence"].split()


@pytest.mark.parametrize("text, values, present, absent", [
    # a phrase of the verb before its subject
    ("Of the $39.3bn Q4 revenue, $11bn came from sales of the company's new Blackwell chips.",
     ["$39.3bn", "$11bn"], {"fronted_phrase"}, {"quoted", "long_sentence"}),
    ("Nvidia's data center revenue rose 12% to $39.3bn in the fourth quarter.", ["12%", "$39.3bn"],
     set(), {"fronted_phrase", "quoted", "no_value"}),
    # quoted words credited to a speaker
    ("\"We are committing 200 billion zlotys to defense in 2026,\" Domanski told reporters.",
     ["2026"], {"quoted"}, {"unattributed_quote", "fronted_phrase"}),
    # a value in a clause below the claim's with a subject of its own
    ("The projected win came five weeks after Carney triggered a national election.", [("five weeks", "duration")],
     {"value_below"}, {"quoted"}),
    ("The Liberals won 169 seats on Monday.", ["169 seats", "Monday"], set(), {"value_below", "several_clauses"}),
    # claims round 45: a reported clause the row's subject is taken from is the claim itself, not a clause below it
    # (dev6 380_, dev2 302_, dev 215_); a clause below the reported one with a subject of its own still is (dev11 474_)
    ("The ministry said in a statement the disease killed 58 people and sickened 1,293 others between Thursday and "
     "Saturday.", ["58 people", "1,293 others", ("between Thursday and Saturday", "date")], set(), {"value_below"}),
    ("The Commission clarified that the voter turnout in Baghdad province reached 48.76%.", ["48.76%"], set(),
     {"value_below"}),
    ("Market tracker TrendForce said mass-market DRAM prices jumped 45-50 percent in the fourth quarter.",
     ["45-50 percent", ("the fourth quarter", "date")], set(), {"value_below"}),
    ("Shares in Air France-KLM sank on Thursday after the Franco-Dutch group posted a drop in third-quarter net "
     "profit.", ["Thursday", ("third-quarter", "date")], {"value_below"}, set()),
    # a figure no value holds
    ("The third consecutive rate cut was approved in a 9-3 vote in the final meeting of 2025.", ["2025"],
     {"unlinked_number"}, set()),
])
def test_confidence_evidence_names_the_weaker_evidence_a_row_carries(nlp, extractor, text, values, present, absent):
    evidence = _evidence(nlp, extractor, text, values)
    assert evidence[0].startswith("subject.")
    assert present <= set(evidence) and not absent & set(evidence), evidence


def test_a_long_sentence_is_evidence_and_a_short_one_is_not(nlp, extractor):
    short = "The FTSE 100 rose 22% in 2025."
    long_ = ("The FTSE 100 rose 22% in 2025, its best year since 2009, as miners, banks and defence groups led a "
             "rally that carried the blue-chip index past a string of records, ahead of the mid-cap index and "
             "the smaller companies' index, which trailed well behind through most of the year.")
    assert "long_sentence" not in _evidence(nlp, extractor, short, ["22%", "2025"])
    assert "long_sentence" in _evidence(nlp, extractor, long_, ["22%", "2025", "2009"])


def test_every_evidence_class_has_a_penalty_in_the_shipped_lexicon(config):
    """A class the rules can name but configs/claims.toml prices at nothing by omission would be silently free."""
    from pipeline.stages.claims.confidence import claim_confidence, claim_evidence

    rules = compile_rules(config.lexicon("claims"), gazetteer=config.lexicon("gazetteer"))
    names = claim_evidence(subject_rule="pronoun", has_values=False, hedge="may", clause_cut=True,
                           unattributed_quote=True, unlinked_number=True, quoted=True, nested_report=True,
                           several_clauses=True, value_below=True, value_in_modifier=True, long_sentence=True,
                           verbless=True, fronted_phrase=True, vague_time=True, subordinate_clause=True,
                           figure_subject=True, unused_report=True, graded_subject=True)
    assert len(names) == 19 and not set(names) - set(rules.confidence)
    assert claim_confidence(rules, ["subject.name"]) == 1.0
    assert claim_confidence(rules, names) == 0.0  # clipped at 0
    weak = claim_confidence(rules, ["subject.pronoun", "quoted"])
    assert weak == round(max(0.0, 1 - rules.confidence["subject.pronoun"] - rules.confidence["quoted"]), 2)


# Round 14: signs of risk read off the parse (pipeline/stages/claims/risk.py). Each test pairs a phrase from
# the judged sample's dev or dev2 half (a row judged wrong that stood at high confidence, or its class) with a
# look-alike that stays high, so the pair fails on code that names no such risk.


def _risk(nlp, extractor, text: str, values: list, wanted: str) -> tuple[float, list[str]]:
    """The confidence and evidence of the row linking ``wanted`` (a date as (surface, tclass))."""
    dates, quantities = _values(text, values)
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    row = built.row_with(wanted)
    return row["confidence"], row["confidence_evidence"].split()


def test_a_time_with_no_count_is_risk_and_a_counted_one_is_not(nlp, extractor):
    from pipeline.stages.claims.confidence import HIGH_CONFIDENCE

    # (round 17: "on a day of semiconductor sector weakness", this test's first phrase, is no longer linked at all;
    # a count-less time the claim's verb takes is, and stays a risk)
    vague = "AMD shares rose 3.8% after weeks of semiconductor sector weakness."
    confidence, evidence = _risk(nlp, extractor, vague, ["3.8%", ("weeks", "duration")], "3.8%")
    assert "vague_time" in evidence and confidence < HIGH_CONFIDENCE, evidence
    counted = "AMD shares rose notably on Tuesday, gaining 3.8%."
    confidence, evidence = _risk(nlp, extractor, counted, ["3.8%", "Tuesday"], "3.8%")
    assert "vague_time" not in evidence and confidence >= HIGH_CONFIDENCE, evidence


def test_a_clause_cut_from_a_circumstance_is_risk_and_a_contrast_is_not(nlp, extractor):
    from pipeline.stages.claims.confidence import HIGH_CONFIDENCE

    after = ("The index closed at 10,020 points on Friday, just days after the market surged above the "
             "10,000 mark for the first time.")
    confidence, evidence = _risk(nlp, extractor, after, ["10,020 points", "Friday", ("days", "duration"),
                                                          "10,000 mark"], "10,000 mark")
    assert "subordinate_clause" in evidence and confidence < HIGH_CONFIDENCE, evidence
    contrast = "During 2025, the French index has climbed 10% while the German index is up 22%."
    confidence, evidence = _risk(nlp, extractor, contrast, ["2025", "10%", "22%"], "22%")
    assert "subordinate_clause" not in evidence and confidence >= HIGH_CONFIDENCE, evidence


def test_a_figure_heading_the_subject_is_risk_and_a_counted_noun_after_it_is_not(nlp, extractor):
    from pipeline.stages.claims.confidence import HIGH_CONFIDENCE

    figure = "The past 11 years have also been the 11 warmest ever observed."
    confidence, evidence = _risk(nlp, extractor, figure, [("The past 11 years", "duration"), "11#2"],
                                 "The past 11 years")
    # the risk is named; its price is the calibration's (configs/claims.toml [confidence], issue 16)
    assert "figure_subject" in evidence and confidence == _priced(evidence), (confidence, evidence)
    owned = "Global temperatures rose 1.5C over the past 11 years."
    confidence, evidence = _risk(nlp, extractor, owned, [("the past 11 years", "duration"), "1.5C"],
                                 "the past 11 years")
    assert "figure_subject" not in evidence and confidence >= HIGH_CONFIDENCE, evidence


def test_a_reported_clause_the_subject_is_not_taken_from_is_risk(nlp, extractor):
    from pipeline.stages.claims.confidence import HIGH_CONFIDENCE

    confirming = ("The Independent High Electoral Commission announced on Wednesday the preliminary results of the "
                  "legislative elections, confirming that the Development and Construction Coalition topped the "
                  "winners in the capital Baghdad.")
    confidence, evidence = _risk(nlp, extractor, confirming, ["Wednesday"], "Wednesday")
    assert "unused_report" in evidence and confidence < HIGH_CONFIDENCE, evidence
    said = "The Independent High Electoral Commission said on Wednesday that the coalition won 46 seats."
    confidence, evidence = _risk(nlp, extractor, said, ["Wednesday", "46 seats"], "46 seats")
    assert "unused_report" not in evidence and confidence >= HIGH_CONFIDENCE, evidence


# Claims round 33: a nameless subject brought in by an indefinite article and graded by the writer (a comparative,
# an evaluative adjective or noun) is a lead's hook more often than a named actor's fact; a plain indefinite actor
# ("A federal judge", "A high court") or one counted by a figure is not. Penalised rows: dev8 420_, dev4 332_ (and
# dev9 424_ until claims round 68 gave it its subject; all judged wrong at high confidence) and fresh news;
# look-alikes: fresh wire leads and dev rows judged right.
@pytest.mark.parametrize("text, values, graded", [
    # dev8 420_ (gold, Oct 2025), judged not a claim
    ("A weaker U.S. dollar—down 10% this year—has also boosted demand.", ["10%", "this year"], True),
    # dev9 424_ (Australian jobs, Jul 2025), judged wrong with "A deeper dive" as subject: the claim is about
    # full-time employment, which it has since claims round 68 (``shown_object``), so the graded phrase is no
    # longer its subject and no risk
    ("A deeper dive into the numbers reveals a significant drop in full-time employment by 38,200, bringing the total "
     "to 10,063,200 people.", ["38,200", "10,063,200 people"], False),
    # dev4 332_ (Google remedies ruling, Sep 2025), judged not a claim
    ("A significant milestone was reached yesterday in the Justice Department's antitrust litigation against Google "
     "regarding its internet search business.", ["yesterday"], True),
    # Devdiscourse (Reuters, 26 Aug 2025): a plain indefinite actor
    ("A federal judge on Tuesday threw out an unusual lawsuit the U.S. Department of Justice filed against every "
     "federal judge in Maryland.", ["Tuesday"], False),
    # dev6 384_ (Congo, 2025), judged right
    ("A high court in Congo on Tuesday sentenced former Justice Minister Constant Mutamba to three years of forced "
     "labor.", ["Tuesday", ("three years", "duration")], False),
    # dev7 403_ (Mexico Grand Prix, Oct 2025), judged right: counted by a figure, not graded
    ("A 10-second penalty dropped the Ferrari driver to the back of his battle group.", [("10-second", "duration")],
     False),
    # ScanX (Nikkei, 26 Aug 2025): the definite "The stronger yen" points back at a named thing
    ("The stronger yen had a negative impact on major Japanese exporters on Tuesday.", ["Tuesday"], False),
])
def test_a_graded_indefinite_subject_is_risk_and_a_plain_or_definite_one_is_not(nlp, extractor, text, values, graded):
    from pipeline.stages.claims.confidence import HIGH_CONFIDENCE

    dates, quantities = _values(text, values)
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    rows = [row for row in built.rows if text.startswith(row["text"][:20])]
    assert rows, built.rows
    evidence = rows[0]["confidence_evidence"].split()
    assert ("graded_subject" in evidence) == graded, evidence
    if graded:
        assert rows[0]["confidence"] < HIGH_CONFIDENCE, rows[0]


@pytest.mark.parametrize("text, graded", [
    # The Asia Review (Nikkei, May 2025); Business Recorder (Reuters, Tokyo stocks)
    ("A stronger yen made overseas earnings less valuable for Japan's major exporters.", True),
    ("A softer currency inflates the value of overseas revenue when repatriated among Japan's many exporters.", True),
    # look-alikes: a plain indefinite actor (Free Republic, a Fifth Circuit ruling), a definite graded one (ScanX,
    # Aug 2025) and an indefinite subject counted by a figure (dev3 321_)
    ("A federal appeals court on Wednesday stopped the federal government from destroying a fence of razor wire.",
     False),
    ("The stronger yen had a negative impact on major Japanese exporters.", False),
    ("A 39-page list lays out desired purchases of land, air, sea and space weapons.", False),
])
def test_graded_subject_reads_the_subject_phrase(nlp, config, text, graded):
    from pipeline.stages.claims.risk import graded_subject

    rules = compile_rules(config.lexicon("claims"), gazetteer=config.lexicon("gazetteer"))
    doc = nlp(text)
    root = next(sent.root for sent in doc.sents)
    assert graded_subject(root, "phrase", rules) == graded
    assert not graded_subject(root, "name", rules)


@pytest.mark.parametrize("text, values, hedged", [
    ("Prices may rise 5% in 2026.", ["5%", "2026"], True),
    ("The deal could reportedly be worth $5bn.", ["$5bn"], True),
    ("Prices rose 5% in 2025.", ["5%", "2025"], False),
])
def test_a_hedge_is_evidence(nlp, extractor, text, values, hedged):
    """The shipped hedge_words reach the rules (they once sat under a [table] header and were lost)."""
    assert ("hedged" in _evidence(nlp, extractor, text, values)) is hedged


# ------------------------------------------------------------- interpretations make no claim

@pytest.mark.parametrize("text, dates", [
    ("The surge in the coin's value underscores the cryptocurrency's explosive growth in 2025.", ["2025"]),
    ("It marks the index's continued strong performance in 2026.", ["2026"]),
    ("Meanwhile, as Bitcoin continues to shatter records, this development signals strong bullish momentum "
     "in 2025.", ["2025"]),
    ("Federal Energy minister Mathieu Bihet stressed the need for a legally strong text.", []),
    ("WHO Director-General Tedros Adhanom Ghebreyesus has touted the agreement as historic.", []),
    ("The EU-UK Security and Defence Partnership comes at a pivotal time for European security.", []),
    ("NATO's enlargement is a testament to the strength of the alliance.", []),
])
def test_an_interpretation_makes_no_claim(nlp, extractor, text, dates):
    assert build(nlp, extractor, text, dates=dates).rows == []


@pytest.mark.parametrize("text, dates, quantities", [
    # a compared figure is checkable, whatever verb frames it
    ("This marks a significant rise from last year's Rs 6.81 lakh crore allocation.", ["last year"],
     [("Rs 6.81 lakh crore", "money")]),
    # a record is checkable
    ("The decision marks the highest borrowing costs for Japan in three decades.", ["three decades"], []),
    ("The index closed above 10,000 points, which marks the first time it has done so.", [],
     [("10,000 points", "count")]),
    # a verb of the lexicon that reports ("signalled that ...") or acts on no evaluative object
    ("The Bank of Canada signalled on Wednesday that it may be satisfied with the policy rate.", ["Wednesday"], []),
    ("Germany's defence ministry marked 2026 as the year of its largest procurement, ordering 20 jets.", ["2026"],
     [("20 jets", "count")]),
])
def test_look_alikes_of_interpretations_are_claims(nlp, extractor, text, dates, quantities):
    assert build(nlp, extractor, text, dates=dates, quantities=quantities).rows != []


@pytest.mark.parametrize("text, place", [
    ("GENEVA - Measles vaccination rates have improved but remain below pre-COVID-19 levels, "
     "the World Health Organization said Friday.", "GENEVA"),
    ("SEOUL, January 08 (AJP) - Samsung Electronics posted a record operating profit of 20 trillion won.", "SEOUL"),
    ("GENEVA (AP) — The World Health Organization’s member countries on Tuesday approved an agreement.", "AP"),
    ("BEIJING, Jan. 19 (Xinhua) - China's economy grew 5 percent in 2025, official data showed.", "BEIJING"),
])
def test_a_dateline_its_date_and_agency_are_never_the_subject(nlp, extractor, text, place):
    built = build(nlp, extractor, text, dates=[d for d in ("Friday", "Tuesday", "2025") if d in text],
                  quantities=[(q, "money") for q in ("20 trillion won",) if q in text]
                  + [(q, "percent") for q in ("5 percent",) if q in text])
    assert built.rows
    for row in built.rows:
        assert place.lower() not in (row["subject"] or "").lower().split(), row
        assert not (row["subject"] or "").startswith(("GENEVA", "SEOUL", "BEIJING")), row


@pytest.mark.parametrize("text, places", [
    ("GENEVA - Measles rates rose.", ["GENEVA"]),
    ("SEOUL, January 08 (AJP) - Samsung rose.", ["SEOUL"]),
    ("FRANKFURT, 14 June — The ECB cut rates.", ["FRANKFURT"]),
    ("NATO-backed forces advanced - slowly.", []),  # a hyphen inside a word is no dateline dash
    ("UK - EU talks resumed.", []),            # too short to tell from an acronym
])
def test_dateline_forms(text, places):
    from pipeline.stages.entities import dateline_places
    assert [text[a:b] for a, b in dateline_places(text)] == places


def test_an_absolute_with_clause_makes_no_claim_of_its_own(nlp, extractor):
    text = ("New contracts for Russian gas will be banned from 2026, with imports under short-term contracts "
            "ending by June that year and long-term contracts phased out by December 2027.")
    built = build(nlp, extractor, text, dates=["2026", "June", "December 2027"])
    assert len(built.rows) == 1 and built.rows[0]["text"] == text
    assert len(built.rows[0]["date_ids"]) == 3


def test_an_adverbial_clause_with_a_finite_verb_keeps_its_own_claim(nlp, extractor):
    # the look-alike: "while" opens a clause with a finite verb and a subject of its own
    built = build(nlp, extractor, "Exports rose 5% in May, while imports fell 3% in the same month.",
                  quantities=[("5%", "percent"), ("3%", "percent")], dates=["May"])
    assert len(built.rows) == 2


# claims round 42 (issue 16): a participle with a subject and no auxiliary heads an absolute clause however the
# parser hangs its "with" (a preposition, or on the first of two coordinated phrases only): it makes no row of its own
# (dev4 329_, dev10 448_ were judged not claims), its figures join the clause right before it; a finite clause after
# "while" and a conjunct sharing its clause's auxiliary keep rows of their own.
@pytest.mark.parametrize("text, quantities, spans", [
    pytest.param("Under the terms of the agreement, the consortium will acquire 100 percent of EA, with PIF rolling over "
                 "its existing 9.9 percent stake in the company.", [("100 percent", "percent"), ("9.9 percent", "percent")],
                 ["Under the terms of the agreement, the consortium will acquire 100 percent of EA, with PIF rolling over "
                  "its existing 9.9 percent stake in the company."], id="dev4-329-with-pcomp"),
    pytest.param("The Hang Seng Tech Index retreated over 1 percent to close at 5,515, with heavyweights Alibaba and "
                 "Meituan down by about 1 percent and JD.com losing about 2 percent.",
                 [("1 percent", "percent"), ("2 percent", "percent")],
                 ["The Hang Seng Tech Index retreated over 1 percent to close at 5,515, with heavyweights Alibaba and "
                  "Meituan down by about 1 percent and JD.com losing about 2 percent."], id="dev10-448-second-conjunct"),
    # look-alike (bez-kabli.pl, 20 Feb 2026, a Reuters market report): "while" opens a finite clause of its own
    pytest.param("In Hong Kong, Alibaba's shares fell 3.75%, among the bigger drags on the benchmark, while Baidu slid "
                 "5.67%.", [("3.75%", "percent"), ("5.67%", "percent")],
                 ["In Hong Kong, Alibaba's shares fell 3.75%, among the bigger drags on the benchmark", "Baidu slid 5.67%"],
                 id="lookalike-while-finite"),
])
def test_a_bare_participle_clause_makes_no_row_of_its_own(nlp, extractor, text, quantities, spans):
    built = build(nlp, extractor, text, quantities=quantities)
    assert [row["text"] for row in built.rows] == spans
    # the row that took the absolute clause's figures names the evidence that decided
    assert [("absolute_clause" in row["confidence_evidence"].split()) for row in built.rows] == \
        ([True] if len(spans) == 1 else [False] * len(spans))


def test_a_conjunct_sharing_its_clauses_auxiliary_keeps_its_claim():
    from types import SimpleNamespace

    from pipeline.stages.claims.clauses import bare_participle
    rules = SimpleNamespace(participle_tags=frozenset({"VBG"}))

    made = []

    def token(tag, dep, children=(), head=None):
        node = SimpleNamespace(tag_=tag, dep_=dep, children=list(children), i=len(made))
        made.append(node)
        node.head = head or node
        return node
    shared = token("VBG", "ROOT", [token("VBP", "aux")])
    assert not bare_participle(token("VBG", "conj", head=shared), rules)   # "Stocks are rising and bonds falling"
    assert bare_participle(token("VBG", "conj", head=token("VBD", "ROOT")), rules)  # "..., and XPeng dropping"
    assert not bare_participle(token("VBD", "advcl"), rules)


@pytest.mark.parametrize("text, value, subject", [
    # a company's description with a nationality is the company's, not the country's: with no
    # company named before it, the phrase stays
    ("The Swiss food giant reported better-than-expected sales growth in the third quarter.", "the third quarter",
     "The Swiss food giant"),
    ("The Saudi energy giant attributed the drop in profit to a low oil price environment in July.", "July",
     "The Saudi energy giant"),
    # the look-alike: a group of the country's is the country's
    ("The Romanian authorities reported the drone incident in July.", "July", "Romanian"),
])
def test_a_nationality_in_a_company_description_is_not_the_subject(nlp, extractor, text, value, subject):
    assert build(nlp, extractor, text, dates=[value]).row_with(value)["subject"] == subject


def test_it_does_not_continue_a_place_named_as_a_setting(nlp, extractor):
    text = ("After the first three tanks are built abroad, the remaining 61 will be produced in Poland at the "
            "Bumar plant in Gliwice. It follows an order for 180 tanks placed in 2022.")
    assert build(nlp, extractor, text, dates=["2022"]).row_with("2022")["subject"] != "Gliwice"


def test_a_speaker_anticipating_a_figure_reports_it(nlp, extractor):
    text = ("“Market fundamentals remain strong and we anticipate oil demand in the second half of 2025 to be more "
            "than 2 million barrels per day higher than the first half,” Nasser said.")
    built = build(nlp, extractor, text, dates=["the second half of 2025"],
                  quantities=[("2 million barrels per day", "measure")])
    row = built.row_with("2 million barrels per day")
    assert row["subject"] == "oil demand" and row["speaker"] == "Nasser"



# The parser may hang a stated subject on the dateline's place as its apposition: that phrase is the
# subject, not a name found elsewhere (AP, November 2020; the WHO's adoption of the pandemic treaty).
@pytest.mark.parametrize("text, value, subject", [
    ("WASHINGTON (AP) — Supporters of President Donald Trump gathered in Washington, D.C., and some other "
     "cities on Saturday.", "Saturday", "Supporters"),
    ("GENEVA (AP) — The World Health Organization’s member countries on Tuesday approved an agreement.",
     "Tuesday", "The World Health Organization’s member countries"),
    # look-alike: a named subject after the dateline is the name itself
    ("WASHINGTON — The Federal Reserve cut interest rates by a quarter point on Wednesday.", "Wednesday",
     "The Federal Reserve"),
])
def test_a_subject_the_parser_hung_on_a_dateline_is_the_subject(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject, row  # (a phrase subject is its noun chunk: "Supporters")


# A crowd that follows its owner is not its agent: "Trump supporters" (AP, March 2017) are the subject,
# while an owned noun such as "leaders" still gives its owner.
@pytest.mark.parametrize("text, value, subject, rule", [
    ("Trump supporters have held rallies in recent weeks to counter demonstrations against him.",
     "recent weeks", "Trump supporters", "phrase"),
    ("Liverpool fans partied inside and outside Anfield on Sunday.", "Sunday", "Liverpool fans", "phrase"),
    # look-alike: an owned noun
    ("All 27 EU leaders agreed on Thursday to raise defence spending.", "Thursday", "EU", "phrase_name"),
])
def test_fans_and_supporters_are_not_their_owner(nlp, extractor, text, value, subject, rule):
    _, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"] or "").startswith(subject) and row["subject_rule"] == rule, row


# A claim with no value exists only for a named actor: the article's topic never stands in for a subject
# phrase that holds it as a modifier ("Trump fans swarmed his motorcade", AP, November 2020).
@pytest.mark.parametrize("text, subject", [
    ("Donald Trump lost the election. Trump fans swarmed his motorcade when he detoured for a drive-by on his "
     "way out of town.", None),
    ("Liverpool won the league. Liverpool fans partied inside and outside its famous Anfield Stadium.", None),
    # look-alike: a nameless subject phrase without the topic inside it may still stand for it
    ("Liverpool won the league. The club confirmed the signing of a new striker.", "Liverpool"),
    # but only one naming an actor's kind: a thing is what its clause is about, not the topic (dev: Liverpool, K2)
    ("Liverpool won the league. The title was sealed in style after the break.", None),
    ("Poland signed a deal for 180 tanks. The new deal also includes training and repair packages.", None),
])
def test_the_topic_inside_a_subject_phrase_is_no_value_less_subject(nlp, extractor, text, subject):
    second = text.index(". ") + 2
    rows = [r for r in build(nlp, extractor, text).rows if r["start"] >= second]
    assert [r["subject"] for r in rows] == ([subject] if subject else []), rows


# "We" in a quote stands for the body its speaker speaks for when the text names it with the speaker
# (the title's country, the country a description stands for); else for the speaker (Fiji Times, 2023).
@pytest.mark.parametrize("text, value, subject", [
    ("Poland will raise defence spending. This was announced by the country's finance minister, Andrzej "
     "Domanski. \"We are committing a record 200 billion zlotys to defense in 2026,\" Domanski told reporters.",
     "200 billion zlotys", "Poland"),
    ("US President Donald Trump spoke on Monday. \"We agreed to cut the tariff to 18%,\" Trump said.", "18%", "US"),
    # look-alikes: no body named with the speaker; a singular "I"
    ("Finance Minister Professor Biman Prasad welcomed the debate. \"We expect 20 constructive contributions "
     "from the opposition,\" said Professor Prasad.", "20 constructive contributions", "Prasad"),
    ("US President Donald Trump spoke on Monday. \"I agreed to cut the tariff to 18%,\" Trump said.", "18%",
     "Trump"),
])
def test_we_in_a_quote_is_the_body_the_speaker_speaks_for(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject, row


# ------------------------------------------------------------------ values of a relative clause


def test_a_non_restrictive_relative_clause_about_another_thing_keeps_its_figure_out_of_the_claim(nlp, extractor):
    """", which has climbed 9.0%" asserts a fact of the index it describes, not of the claim's subject."""
    text = ("The FTSE 100 has registered a 22% gain over the course of 2025, ahead of the FTSE 250 index, which has "
            "climbed 9.0% and the AIM All-Share index, which has risen 6.4%.")
    built = build(nlp, extractor, text, dates=["2025"],
                  quantities=[("22%", "percent"), ("9.0%", "percent"), ("6.4%", "percent")])
    row = next(row for row in built.rows if row["text"] == text)
    assert row["quantity_ids"] == [built.value_id("22%")] and row["date_ids"] == [built.value_id("2025")]
    # each clause is a claim of its own about its index (claims round 37), the inner one cut off the outer; the
    # names only modify "index", so each row keeps its noun's words (claims round 56)
    assert {(r["text"], r["subject_rule"]) for r in built.rows if r is not row} == {
        ("the FTSE 250 index, which has climbed 9.0%", "relative_phrase"),
        ("the AIM All-Share index, which has risen 6.4%", "relative_phrase")}


@pytest.mark.parametrize("text, dates, quantities, main, relative, subject", [
    # dev9 421_ (Dawn, February 2026): the key record is "capital spending, which crossed Rs2 lakh crore"
    ("A large share of the increase was directed towards capital spending, which crossed Rs2 lakh crore for the first "
     "time.", [], [("Rs2 lakh crore", "money")], set(),
     "capital spending, which crossed Rs2 lakh crore for the first time", "capital spending"),
    # dev10 450_ (Energy Voice, October 2025)
    ("However, this growth was outpaced by solar and wind additions, which met 109% of the increased demand.",
     [], [("109%", "percent")], set(), "solar and wind additions, which met 109% of the increased demand",
     "solar and wind additions"),
    # dev11 471_ (Trading Economics, October 2025): judged with no value on the sentence's row
    ("The steep decline was driven by exports, which dropped to a three-month low.", [("three-month", "duration")],
     [], set(), "exports, which dropped to a three-month low", "exports"),
    # Caixin via Dragonskip (January 2026): the share is the exports' own fact, not the growth's
    ("Growth was driven by mechanical and electrical exports, which for the first time accounted for more than 60 "
     "per cent of outbound shipments.", [], [("more than 60 per cent", "percent")], set(),
     "mechanical and electrical exports, which for the first time accounted for more than 60 per cent of outbound "
     "shipments", "mechanical and electrical exports"),
    # dev10 454_ (Korea JoongAng Daily / Reuters, November 2025): an owned offer is its owner's
    ("Boeing, however, throughout the strike, refused to increase the value of its offer, which includes a 24 percent "
     "general wage increase over five years.", [("five years", "duration")], [("24 percent", "percent")], set(),
     "its offer, which includes a 24 percent general wage increase over five years", "Boeing"),
    # dev 214_ (News.Az / Reuters): judged with "September" on Navratil's row; the clause on the object tells its own
    # event (dev6 384_'s and dev10 454_'s judges), so it is a row of its own now, and the sentence's row keeps no
    # value even where its subject names no entity (claims round 48; the model reads "Navratil" as a place here)
    ("Navratil, formerly head of Nespresso, succeeded Laurent Freixe, who was dismissed in September over an "
     "undisclosed relationship.", ["September"], [], set(),
     "Laurent Freixe, who was dismissed in September over an undisclosed relationship", None),
    # Cryptopolitan (October 2025): beside the claim's own figure
    ("Cereals and bakery products jumped 0.7%, matching the nonalcoholic beverages index, which also rose 0.7%.",
     [], [("0.7%", "percent"), ("0.7%#2", "percent")], {"0.7%"},
     "the nonalcoholic beverages index, which also rose 0.7%", "the nonalcoholic beverages index"),
    # Kyiv Independent via The World Standard (May 2025): a place's own fact, beside the claim's figure
    ("According to the ministry's statement, 70 drones were intercepted over the Crimean Peninsula, which has been "
     "under Russian occupation since 2014.", ["2014"], [("70 drones", "count")], {"70 drones"},
     "the Crimean Peninsula, which has been under Russian occupation since 2014", None),
    # Stock Rover (January 2026): on a noun inside the claim's figure's phrase
    ("December's monthly increase was driven largely by a 0.4% rise in the shelter index, which accounted for about "
     "0.14 percentage points of the overall gain.", [], [("0.4%", "percent"), ("about 0.14 percentage points",
                                                                                "percent")], {"0.4%"},
     "the shelter index, which accounted for about 0.14 percentage points of the overall gain", "the shelter index"),
])
def test_a_non_restrictive_relative_clause_with_a_figure_is_a_claim_of_its_own(nlp, extractor, text, dates,
                                                                             quantities, main, relative, subject):
    """", which crossed Rs2 lakh crore" has a finite verb and a figure of its own (issue 16): its row runs from its
    noun to its end, about that noun (``relative``), and its figures leave the sentence's row, whose span stays
    whole, even when the sentence's claim is left with no value and its subject names no entity (claims round 48:
    dev4 333_, dev9 421_ and 425_, dev10 450_, dev11 471_ judged so): that row names the evidence
    ``relative_values``, by which resolve keeps it (``main``: the values the sentence's row keeps)."""
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    def ids(surfaces):
        return {built.value_id(*(lambda n, _, o: (n, int(o or 1)))(*v.partition("#"))) for v in surfaces}

    own = next(row for row in built.rows if row["text"] == relative)
    assert own["subject_rule"] == "relative" and (subject is None or own["subject"] == subject), own
    inside = {r.get("quantity_id") or r.get("date_id") for r in [*built.quantities, *built.dates]
              if own["start"] <= r["start"] and r["end"] <= own["end"]}
    assert inside and set(own["quantity_ids"]) | set(own["date_ids"]) == inside
    (whole,) = [row for row in built.rows if row["text"] == text]
    assert set(whole["quantity_ids"]) | set(whole["date_ids"]) == ids(main)
    assert ("relative_values" in whole["confidence_evidence"].split()) == (not main), whole
    for row in built.rows:
        assert built.source_text[row["start"]:row["end"]] == row["text"]


@pytest.mark.parametrize("text, dates, quantities, linked", [
    # dev10 453_ (i24NEWS, March 2025): "two of which" is a part of the claim's own four years, not its value
    ("Marine Le Pen is sentenced to four years in prison, two of which are suspended in house arrest, and to five "
     "years of ineligibility for office with immediate effect.", [("four years", "duration"),
                                                                  ("five years", "duration")],
     [("two", "count")], {"four years", "five years"}),
    # the same article's second sentence, which the parser reads as an adverbial clause
    ("Earlier, former Le Pen partner and Perpignan mayor Louis Aliot was sentenced to eighteen months in prison, "
     "twelve of which were suspended.", [("eighteen months", "duration")], [("twelve", "count")],
     {"eighteen months"}),
    # dev5 349_ (Business Standard, 2025): "of which" hung on the verb
    ("The total budgetary allocation for the MoD in FY26 stood at ₹6.81 trillion, of which ₹1.8 trillion was "
     "earmarked for capital outlay on defence services.", [("FY26", "date")],
     [("₹6.81 trillion", "money"), ("₹1.8 trillion", "money")], {"FY26", "₹6.81 trillion"}),
    # look-alike: "of which" with no comma before it ends no claim's value
    ("Shares rose 4% in 2025, a gain most of which came in December.", [("2025", "date"), ("December", "date")],
     [("4%", "percent")], {"4%", "2025", "December"}),
])
def test_a_partitive_relative_clause_on_a_value_keeps_its_figure_out(nlp, extractor, text, dates, quantities, linked):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    (row,) = built.rows
    assert set(row["quantity_ids"]) | set(row["date_ids"]) == {built.value_id(v) for v in linked}


@pytest.mark.parametrize("text, dates, quantities, linked", [
    # dev5 351_ (RTTNews): the place's clause dates the celebrations, not the killing
    ("Russia claimed that Ukraine has killed at least 24 people in a drone attack on a hotel in Ukraine's southern "
     "Kherson region, where New Year celebrations were taking place.", ["New Year"], [("24 people", "count")],
     {"24 people"}),
    # dev5 359_ (SpeedMe): the kei-car share is the market's, not Japan's sales figure
    ("Japan took fourth place with 4.566 million units, a 3.3% rise, where kei-cars make up 37% of the market.",
     [], [("4.566 million units", "count"), ("3.3%", "percent"), ("37%", "percent")],
     {"4.566 million units", "3.3%"}),
])
def test_a_where_clause_after_a_comma_keeps_its_values_out_of_the_claim(nlp, extractor, text, dates, quantities,
                                                                           linked):
    """", where ..." (``relative_adverbs``) states what holds in the noun before the comma, as ", which ..." does."""
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    row = next(row for row in built.rows if row["text"].startswith(text.split()[0]))
    assert set(row["quantity_ids"]) | set(row["date_ids"]) == {built.value_id(v) for v in linked}


@pytest.mark.parametrize("text, dates, quantities, linked", [
    # look-alikes of the "where" clause: a "where" clause on the claim's own value is the value's (dev: FTSE)
    ("The day's peak came at around 16:25, where the Footsie hit 10,009.", ["16:25"], [("10,009", "number")],
     {"16:25", "10,009"}),
    # a "when" clause places its noun in time: it is not set aside (dev4: the Dutch count)
    ("The final result will be confirmed on Monday, when mail ballots cast abroad are counted.", ["Monday"], [],
     {"Monday"}),
    # a restrictive "where" clause (no comma) says which place is meant
    ("Shares rose 4% in the city where the company opened its first plant in 1998.", ["1998"], [("4%", "percent")],
     {"4%", "1998"}),
    # a relative clause on the claim's own value is the value's (Business Insider, December 2025; dev 209_)
    ("Economists expected a 3.1% rate, which would have been the highest since May 2024.", ["May 2024"],
     [("3.1%", "percent")], {"3.1%", "May 2024"}),
    # a relative clause on the subject describes what the claim is about (Business Insider, December 2025)
    ("Core CPI, which excludes volatile food and energy prices, rose 2.6% from a year ago in November.",
     ["a year ago", "November"], [("2.6%", "percent")], {"2.6%", "a year ago", "November"}),
    # a restrictive relative clause whose subject is the claim's actor (dev: Wall Street, Bank of Canada)
    ("The S&P 500 rose 0.5% Tuesday, beating the all-time high it reached earlier this month.",
     ["Tuesday", "earlier this month"], [("0.5%", "percent")], {"0.5%", "Tuesday", "earlier this month"}),
    # ", which" commenting on the whole clause restates its figure (dev: Poland's defence budget)
    ("Poland is committing 200 billion zlotys to defence in 2026, which represents over 4.8% of GDP.",
     ["2026"], [("200 billion zlotys", "money"), ("4.8%", "percent")], {"2026", "200 billion zlotys", "4.8%"}),
])
def test_relative_clause_look_alikes_keep_their_values(nlp, extractor, text, dates, quantities, linked):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    (row,) = built.rows
    ids = {built.value_id(v) for v in linked}
    assert set(row["quantity_ids"]) | set(row["date_ids"]) == ids


# ----------------------------------------------------------------------- headline antecedents


def test_a_name_found_only_in_the_headline_is_no_antecedent(nlp, extractor):
    """A title-case headline is where names are least sure ("Reds Sign Swedish Striker" read as a person)."""
    headline = "Alexander Isak's British Record Transfer: Reds Sign Swedish Striker From Newcastle Utd\n\n"
    body = ("Liverpool have signed Alexander Isak from Newcastle United for a British record £125m.\n"
            "The Swedish striker joins Arne Slot's squad after scoring 54 Premier League goals in three seasons.")
    built = build(nlp, extractor, headline + body, dates=["three seasons"],
                  quantities=[("£125m", "money"), ("54 Premier League goals", "count")], lines=True)
    row = built.row_with("54 Premier League goals")
    assert row["subject_mention_id"] is None or built.mention_text(row["subject_mention_id"]) in body
    assert "Reds Sign" not in (row["subject"] or "")
    # look-alike: the same words in the body are an antecedent like any other
    built = build(nlp, extractor, "Transfer news\n\nThe EU and the UK signed the Security and Defence Partnership "
                  "Agreement in London.\nThe partnership agreement opens a €150 billion fund to British firms.",
                  quantities=[("€150 billion", "money")], lines=True)
    row = built.row_with("€150 billion")
    assert row["subject_rule"] in {"definite", "name"} and "Partnership" in row["subject"]


@pytest.mark.parametrize("words, pos, heads, deps, kept", [
    # "an all-time quarterly high" as the article's parse read it (not an adjective there): it classifies the high
    (["a", "quarterly", "high"], ["DET", "NOUN", "ADJ"], [2, 2, 2], ["det", "npadvmod", "ROOT"], False),
    # look-alike: hung on the verb, the word says how often the claim's event happens
    (["they", "meet", "quarterly"], ["PRON", "VERB", "ADV"], [1, 1, 1], ["nsubj", "ROOT", "advmod"], True),
])
def test_a_one_word_frequency_on_a_noun_or_adjective_is_no_value_of_the_claim(nlp, extractor, words, pos, heads,
                                                                               deps, kept):
    from spacy.tokens import Doc

    from pipeline.stages.claims.values import claim_values

    doc = Doc(nlp.vocab, words=words, pos=pos, heads=heads, deps=deps)
    token = doc[words.index("quarterly")]
    row = {"date_id": "d_1", "tclass": "set", "text": "quarterly", "start": token.idx, "end": token.idx + 9}
    assert bool(claim_values([(row, token)], [], extractor.rules)) is kept


def test_a_hard_wrapped_first_line_is_no_headline_for_antecedents(nlp, extractor):
    """A text wrapped at a fixed width breaks its first sentence mid-line: that line is body, its names antecedents."""
    text = ("When Vladimir Putin sent at least 19 drones into Poland last week, the Russian\n"
            "president was delivering a message: He’s not planning to end his war against the\n"
            "West anytime soon.")
    built = build(nlp, extractor, text, dates=["last week"], quantities=[("at least 19 drones", "count")])
    row = built.row_with("at least 19 drones")
    assert row["subject"] == "Vladimir Putin"


@pytest.mark.parametrize("text, dates, quantities, flagged", [
    # a participle clause on the object: its date may be that clause's (on a noun no verb takes as its object,
    # "an increase on the revenue generated during ...", the date is not linked at all since claims round 9)
    ("Nvidia's sales topped the revenue generated during the previous financial year.",
     ["the previous financial year"], [], True),
    # look-alike: a participle clause on the subject tells the subject's own fact (dev: the K2 tank deal)
    ("The deal, announced on Monday, covers 180 tanks.", ["Monday"], [("180 tanks", "count")], False),
    # look-alike: every value in the clause itself
    ("Nvidia posted revenues of $115.2 billion in 2025.", ["2025"], [("$115.2 billion", "money")], False),
])
def test_a_value_in_a_clause_describing_another_noun_is_weaker_evidence(nlp, extractor, text, dates, quantities,
                                                                         flagged):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    (row,) = built.rows
    assert ("value_in_modifier" in row["confidence_evidence"].split()) is flagged


@pytest.mark.parametrize("text, dates, quantities, relative, subject, rule", [
    # dev 028_ (Proactive Investors, December 2025): "AIM" names the market, not the index
    ("The FTSE 100 has registered a 22% gain over the course of 2025, ahead of the FTSE 250 index, which has climbed "
     "9.0% and the AIM All-Share index, which has risen 6.4%.", ["2025"],
     [("22%", "percent"), ("9.0%", "percent"), ("6.4%", "percent")],
     "the AIM All-Share index, which has risen 6.4%", "the AIM All-Share index", "relative_phrase"),
    # dev4 333_ (Egypt State Information Service, October 2025): the summit, not the town
    ("The signing took place on the sidelines of the Sharm El-Sheikh Peace Summit, which witnessed wide international "
     "participation from more than 30 countries and regional and international organizations.", [],
     [("more than 30 countries", "count")],
     "the Sharm El-Sheikh Peace Summit, which witnessed wide international participation from more than 30 "
     "countries and regional and international organizations", "the Sharm El-Sheikh Peace Summit", "relative_phrase"),
    # dev9 425_ (January 2026): the dollar, not the United States
    ("The rally comes amid a sharp decline in the U.S. dollar, which is grappling with a \"crisis of confidence\" and "
     "trading near four-year lows.", [("four-year", "duration")], [],
     "the U.S. dollar, which is grappling with a \"crisis of confidence\" and trading near four-year lows",
     "the U.S. dollar", "relative_phrase"),
    # look-alikes: a name heading the noun, an owner through a preposition and an owned noun's owner stay the name
    # dev 214_ (News.Az / Reuters, 2025)
    ("Navratil, formerly head of Nespresso, succeeded Laurent Freixe, who was dismissed in September over an "
     "undisclosed relationship.", ["September"], [],
     "Laurent Freixe, who was dismissed in September over an undisclosed relationship", "Laurent Freixe", "relative"),
    # dev5 355_ (Trading Economics, December 2025): a report "from" its author
    ("The decline followed last week's report from the International Energy Agency (IEA), which projected a larger "
     "oil surplus in 2026, citing increasing production from OPEC+ members.", ["2026"], [],
     "last week's report from the International Energy Agency (IEA), which projected a larger oil surplus in 2026",
     "the International Energy Agency", "relative"),
    # dev10 454_ (Korea JoongAng Daily / Reuters, November 2025): an owned offer is its owner's
    ("Boeing, however, throughout the strike, refused to increase the value of its offer, which includes a 24 percent "
     "general wage increase over five years.", [("five years", "duration")], [("24 percent", "percent")],
     "its offer, which includes a 24 percent general wage increase over five years", "Boeing", "relative"),
])
def test_a_name_only_modifying_a_relative_clauses_noun_is_not_its_subject(nlp, extractor, text, dates, quantities,
                                                                          relative, subject, rule):
    """A relative clause's own row is about its noun read as a subject phrase is (claims round 56, dev 028_, dev4
    333_, dev9 425_, dev12 501_): a name or place only modifying the noun ("AIM" of the index, "U.S." of the dollar)
    leaves the noun's own words (``relative_phrase``); a name heading it, an owner reached through a preposition
    ("report from the IEA") or an owned noun's owner ("its offer") is still the subject (``relative``)."""
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    own = next(row for row in built.rows if row["text"] == relative)
    assert (own["subject"], own["subject_rule"]) == (subject, rule), own
    assert (own["subject_mention_id"] is None) == (rule == "relative_phrase"), own
    for row in built.rows:
        assert built.source_text[row["start"]:row["end"]] == row["text"]


def test_a_relative_clause_on_a_noun_deep_in_the_subject_phrase_keeps_its_figure_out(nlp, extractor):
    """"allies such as Russia, which pumps about half the world's oil" inside the subject is Russia's fact (dev: OPEC+)."""
    text = ("The meeting of OPEC members and allies such as Russia, which pumps 10 million barrels, approved a 5% "
            "rise on Sunday.")
    built = build(nlp, extractor, text, dates=["Sunday"], quantities=[("10 million barrels", "measure"),
                                                                     ("5%", "percent")])
    row = next(row for row in built.rows if row["text"] == text)
    assert built.value_id("10 million barrels") not in row["quantity_ids"]
    # Russia's fact is a claim of its own (claims round 37)
    (own,) = [r for r in built.rows if r is not row]
    assert own["text"] == "Russia, which pumps 10 million barrels"
    assert own["quantity_ids"] == [built.value_id("10 million barrels")]
    assert built.value_id("5%") in row["quantity_ids"] and row["date_ids"] == [built.value_id("Sunday")]


@pytest.mark.parametrize("text, linked", [
    # the dateline's date is the day the story was filed (dev: Xinhua)
    ("BEIJING, Jan. 19 (Xinhua) - China's gross domestic product grew 5 percent in 2025, official data showed "
     "Monday.", False),
    # look-alike: the same date in the sentence is the claim's
    ("On Jan. 19 China's gross domestic product data showed growth of 5 percent in 2025.", True),
])
def test_the_date_of_a_dateline_is_no_value_of_the_claim(nlp, extractor, text, linked):
    dates = ["Jan. 19", "2025"] + (["Monday"] if "Monday" in text else [])
    # (one line, one sentence, as the segmenter keeps a dateline with its sentence)
    built = build(nlp, extractor, text, dates=dates, quantities=[("5 percent", "percent")], lines=True)
    row = built.row_with("5 percent")
    assert (built.value_id("Jan. 19") in row["date_ids"]) is linked


def test_a_relative_clause_on_the_owner_of_the_subject_keeps_its_date(nlp, extractor):
    """"The involvement of the U.K., which left the EU five years ago": the owner is what the subject is about."""
    text = ("The prominent involvement of the U.K., which left the EU five years ago, adds 5,000 troops to the "
            "mission.")
    built = build(nlp, extractor, text, dates=["five years ago"], quantities=[("5,000 troops", "count")])
    (row,) = built.rows
    assert row["date_ids"] == [built.value_id("five years ago")]


# ------------------------------------------------------------- which clause a value belongs to (round 6)


@pytest.mark.parametrize("text, dates, quantities, together, apart", [
    # "their" sums up the "after" clause, whose subject is plural, not the meeting's (dev: OPEC+)
    ("Sunday's meeting of eight members of OPEC+ comes after oil prices fell more than 18% in 2025, their steepest "
     "yearly drop since 2020.", ["Sunday", "2025", "2020"], [("eight members", "count"), ("18%", "percent")],
     ("18%", "2020"), ("Sunday", "2020")),
    # look-alike: "their" agrees with the main clause's subject: the shares' best day, not the firm's
    ("Shares rose 4% on Tuesday after the firm posted a profit of $2 billion, their best day since 2019.",
     ["Tuesday", "2019"], [("4%", "percent"), ("$2 billion", "money")], ("4%", "2019"), None),
    # look-alike: no clause before the comma: the phrase sums up the verb's own clause
    ("The bank cut rates by 25 basis points on Wednesday, its first cut since 2020.",
     ["Wednesday", "2020"], [("25 basis points", "percent")], ("25 basis points", "2020"), None),
])
def test_a_phrase_summing_up_the_clause_before_it_takes_that_clauses_values(nlp, extractor, text, dates,
                                                                             quantities, together, apart):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    first, second = (built.row_with(value) for value in together)
    assert first is second
    if apart is not None:
        assert built.row_with(apart[0]) is not built.row_with(apart[1])


@pytest.mark.parametrize("text, dates, quantities, value, subject", [
    # a verb phrase coordinated inside a subjectless infinitive shares the subject above (dev: Orsted)
    ("Orsted shares fell at the Copenhagen Stock Exchange. The proceeds will be used to strengthen the company's "
     "capital structure and ensure it is sufficiently capitalised from 2025-2027, during which Orsted targets to "
     "deliver its 8.1GW offshore wind construction portfolio.", ["2025-2027"], [("8.1GW", "measure")], "2025-2027",
     "The proceeds"),
    # look-alike: coordinated with a clause that has a subject of its own, it keeps its own (dev: Nestle)
    ("Navratil emphasized that driving growth is the company's top priority and announced that Nestlé will increase "
     "its cost-savings target to 3 billion Swiss francs by 2027.", ["2027"], [("3 billion Swiss francs", "money")],
     "2027", "Nestlé"),
])
def test_a_coordinated_verb_phrase_without_a_subject_shares_the_one_above(nlp, extractor, text, dates, quantities,
                                                                          value, subject):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    assert built.row_with(value)["subject"] == subject


@pytest.mark.parametrize("text, quantities, subject, rules", [
    # a count deep in the subject phrase counts a part of another thing: the meeting is the subject (dev: OPEC+)
    ("Sunday's meeting of eight members of the European Union approved a rise of 137,000 barrels.",
     [("eight members", "count"), ("137,000 barrels", "measure")], "Sunday's meeting", {"phrase"}),
    # look-alike: the count heading the subject names the entity it counts
    ("All 27 EU leaders backed a €150 billion defence fund.",
     [("27 EU leaders", "count"), ("€150 billion", "money")], "EU", {"described", "phrase_name"}),
])
def test_only_a_count_heading_a_stated_subject_names_its_entity(nlp, extractor, text, quantities, subject, rules):
    built = build(nlp, extractor, text, quantities=quantities)
    row = built.row_with(quantities[-1][0])
    assert row["subject"] == subject and row["subject_rule"] in rules


# ------------------------------------------------------------------- reporters and owners (round 7)
# Phrases after NATO, markets and company reporting (2025-2026).


@pytest.mark.parametrize("text, value, subject, speaker", [
    # the claims issue's own case: the allies' spending, credited to Rutte
    ("Rutte hailed a 20 per cent rise in spending by European allies.", "20 per cent", "European allies", "Rutte"),
    ("NATO chief Mark Rutte welcomed Europe's 20% increase in defence spending.", "20%", "Europe", "Mark Rutte"),
    ("Analysts cited a 12% fall in Tesla's sales in Europe.", "12%", "Tesla", None),
    ("The minister praised the allies' spending of $50 billion.", "$50 billion", "the allies", None),
    # a value the verb puts on its object
    ("Analysts estimated Tesla's quarterly losses at $2bn.", "$2bn", "Tesla", None),
])
def test_a_reported_object_s_owner_is_the_subject_and_the_reporter_the_speaker(nlp, extractor, text, value,
                                                                                subject, speaker):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and row["subject_rule"] == "object_owner"
    assert row["speaker"] == speaker
    assert "subject.object_owner" in row["confidence_evidence"].split()


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: a verb of doing keeps its actor; an object naming no owner leaves the reporter
    ("Rutte approved a 20 per cent rise in spending by European allies.", "20 per cent", "Rutte"),
    ("Rutte hailed a 20 per cent rise in defence spending.", "20 per cent", "Rutte"),
    ("Merz criticised the 5% tariff imposed by the United States.", "5%", "Merz"),
])
def test_a_reporting_verb_whose_object_names_no_owner_keeps_its_subject(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and row["subject_rule"] == "name"


@pytest.mark.parametrize("text, value, subject, rule", [
    # a share is in the company it is in
    ("Shares in Rheinmetall fell 3% on Monday.", "3%", "Rheinmetall", "phrase_name"),
    # look-alikes: a market's place is no owner, and a price is the phrase's own
    ("Stock prices in London fell 2% on Wednesday.", "2%", "Stock prices", "phrase"),
    ("Shares in Frankfurt trading rose 3.2% on Monday.", "3.2%", "Shares", "phrase"),
])
def test_shares_in_a_company_are_its_own(nlp, extractor, text, value, subject, rule):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and row["subject_rule"] == rule


def test_a_that_clause_the_parser_left_verbless_is_still_what_is_reported(nlp, extractor):
    # "align" tagged a noun after "for 2030": the complement has its own subject, so it is the report
    built, row = _claim_for(nlp, extractor, "The organisation noted that current government targets for 2030 "
                                            "align with only a doubling of capacity.", "2030")
    assert row["subject"] == "current government targets" and row["subject_rule"] == "phrase"


@pytest.mark.parametrize("text, value, subject", [
    # a finding stated first and credited after is its own subject's (after Xinhua's GDP report)
    ("China's gross domestic product grew 5 percent in 2025, official data showed Monday.", "5 percent",
     "China's gross domestic product"),
    # a verb before its finding reports it as well (round 29: the judges of dev7 398_ take "Official data ...
    # showed the rate increased" as the rate's, as dev 003_ and dev4 327_ take "data suggested"); a single figure with
    # a noun finding keeps its subject (test_a_finder_that_is_no_body_of_figures_keeps_its_reading)
    ("The data show the economy grew 5 percent in 2025.", "5 percent", "the economy"),
])
def test_a_finding_tagged_by_a_verb_of_showing_is_about_its_own_subject(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject


@pytest.mark.parametrize("text, value, subject", [
    # a figure taken out of a whole is about the whole (after an Indian defence-budget report)
    ("Out of this total allocation, Rs 2.19 lakh crore has been earmarked for the modernisation of the Armed "
     "Forces.", "Rs 2.19 lakh crore", "this total allocation"),
    # look-alike: a named subject after the fronted phrase stays
    ("Of the ten biggest banks, Barclays cut 3,000 jobs in 2025.", "2025", "Barclays"),
])
def test_a_figure_subject_out_of_a_fronted_whole_is_about_the_whole(nlp, extractor, text, value, subject):
    kind = "money" if value.startswith("Rs") else None
    built = (build(nlp, extractor, text, quantities=[(value, kind)]) if kind else build(nlp, extractor, text,
                                                                                       dates=[value]))
    assert built.row_with(value)["subject"] == subject


# ------------------------------------------------------------------- pronoun antecedents (round 8)
# Phrases after OPEC+, budget, central-bank and WHO reporting (2025-2026).


def test_they_after_a_listed_group_is_the_group_not_one_member(nlp, extractor):
    text = ("The eight – Saudi Arabia, Russia, the UAE and Oman – raised output targets in April. "
            "They agreed in November to pause output hikes.")
    built, row = _claim_for(nlp, extractor, text, "November")
    assert row["subject"] == "The eight" and row["subject_rule"] == "pronoun"
    assert row["subject_mention_id"] is None


@pytest.mark.parametrize("text, value, subject", [
    ("The Union Budget 2026 has raised the defence allocation to $90 billion. "
     "This marks a significant rise from last year's $80 billion.", "$80 billion", "the defence allocation"),
    ("Retail sales rose 5% in March. This marks a rise from 3% in February.", "3%", "Retail sales"),
])
def test_a_demonstrative_subject_is_the_previous_clause_s_event(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and row["subject_rule"] == "demonstrative"
    assert row["subject_mention_id"] is None


def test_a_demonstrative_with_a_noun_is_no_event(nlp, extractor):
    # look-alike: "This agreement" is a phrase of its own, not a summing-up "This"
    text = "Retail sales rose 5% in March. This agreement runs until 2027."
    built, row = _claim_for(nlp, extractor, text, "2027")
    assert row["subject_rule"] != "demonstrative"


# "This marks an increase": a noun of change after a summing-up demonstrative changes the figure before, which is
# in a unit and measures something: the claim is about that, the object figure's subject or the subject figure's
# "of" phrase (claims round 41: dev10 450_, Ember's analysis reported in 2025; dev8 417_, EcoPolitic on the WWEA's
# 2025 figures; short phrases as published)
@pytest.mark.parametrize("text, value, subject", [
    ("According to a new analysis from think tank Ember, renewable energy sources supplied 5,072 TWh of global "
     "electricity, overtaking coal at 4,896 TWh. This marks an increase for renewables from 4,709 TWh in the same "
     "period in 2024.", "4,709 TWh", "renewable energy sources"),
    ("In the first half of the year, 72.2 GW of capacity was added worldwide. Compared to the same period last "
     "year, this represents an increase of almost 64%.", "64%", "capacity"),
])
def test_a_demonstrative_change_of_a_figure_in_a_unit_is_about_what_it_measured(nlp, extractor, text, value,
                                                                                 subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and row["subject_rule"] == "demonstrative"


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: with no noun of change the demonstrative may be the figure itself (dev4 335_, the glacier
    # study: the judges named the 273 billion tonnes, which the event rule gives), and a count that is no unit
    # ("vehicles") is what the event changed, as before
    ("Since the turn of the millennium, glaciers around the world have lost around 273 billion tonnes of ice per "
     "year. This corresponds to about 5.5 times the volume of Lake Constance.", "5.5 times",
     "around 273 billion tonnes"),
    ("Toyota recalled 500,000 vehicles in 2025. This marks an increase from 300,000 in 2024.", "300,000",
     "500,000 vehicles"),
])
def test_a_demonstrative_with_no_change_or_no_unit_keeps_the_event_rule(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject


# "That was down from 2.7%": the demonstrative is the figure the clause before gave, and the claim is about what
# that figure measured (dev5 350_, US consumer prices; dev6 377_, Moldova's election; below, CBS News and Fox
# Business on US consumer prices, 2025-07 and 2026-02, short phrases as published)
@pytest.mark.parametrize("text, value, subject", [
    ("The Bureau of Labor Statistics said Friday that the consumer price index rose 0.2% month-over-month in "
     "January and fell to 2.4% year-over-year. That was slightly lower than the 2.7% in December.", "2.7%",
     "the consumer price index"),
    ("So-called core inflation rose by 2.9% over the past 12 months, according to the Bureau of Labor Statistics. "
     "That's slightly below the 3% predicted by economists polled by FactSet.", "3%", "So-called core inflation"),
    ("With approximately 97 percent of the votes counted, PAS has won 49.7 percent, securing 54 of the 101 seats. "
     "This is fewer than the 61 seats it had in the previous parliament.", "61 seats", "PAS"),
])
def test_a_demonstrative_comparing_a_figure_is_about_what_the_figure_measured(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert subject in row["subject"] and row["subject_rule"] == "demonstrative"


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: a copula that classifies, an event summed up and a demonstrative with a noun of its own are no
    # comparison of the figure before; the other rules answer as they did
    ("The central bank raised its forecast to 5% in March. That was the biggest rise since 2019.", "2019",
     "its forecast"),
    ("Retail sales rose 5% in March. This marks a rise from 3% in February.", "3%", "Retail sales"),
    ("Retail sales rose 5% in March. This figure was higher than the 4% economists expected.", "4%", "This figure"),
])
def test_a_demonstrative_that_compares_no_figure_is_left_to_the_other_rules(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject


@pytest.mark.parametrize("text, value, subject", [
    # a description inside a reported clause is not its reporter (dev5 350_: "The Bureau of Labor Statistics said
    # that the consumer price index rose"); outside one it still points back to the last subject
    ("The Bureau of Labor Statistics on Friday said that the consumer price index rose 0.2% in January.", "0.2%",
     "the consumer price index"),
    ("Samsung Electronics forecast record fourth-quarter profit on Thursday. The company reported sales of "
     "$68.13 billion.", "$68.13 billion", "Samsung Electronics"),
])
def test_a_description_in_a_reported_clause_is_not_its_reporter(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert subject in row["subject"]


@pytest.mark.parametrize("text, value, subject", [
    ("Germany spends heavily on defence. It is expected that prices will rise 3% next year.", "3%", "prices"),
    ("The Bank of Canada held rates. It has been six months since tariffs rose 25%.", "25%", "tariffs"),
])
def test_a_dummy_it_takes_no_antecedent(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and row["subject_rule"] == "phrase"


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: a speech verb's "it" and a raised subject keep their antecedent
    ("The European Commission met on Monday. It said it would spend €5bn in 2026.", "€5bn", "European Commission"),
    ("Apple sold 5 million phones in March. It is expected to grow 3% next year.", "3%", "Apple"),
])
def test_an_it_that_is_no_dummy_keeps_its_antecedent(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject


def test_a_quoted_it_is_never_the_person_who_speaks(nlp, extractor):
    text = "\"It is serious and can be deadly for children under 5,\" Kate O'Brien told reporters in Geneva."
    built, row = _claim_for(nlp, extractor, text, "5")
    assert row["subject"] != "Kate O'Brien" and row["speaker"] == "Kate O'Brien"


def test_a_reported_it_keeps_its_speaker(nlp, extractor):
    # look-alike: reported speech, not a quote: "it" is the body that announces
    text = "Nestle announced on Thursday that it will cut 16,000 jobs over the next two years."
    built, row = _claim_for(nlp, extractor, text, "16,000 jobs")
    assert row["subject"] == "Nestle"


# ------------------------------------------------------------------- the subject (round 10)
# Phrases after earnings-call, WHO, transfer-market and bank-estimate reporting (2025-2026).


def test_a_speech_verb_chained_to_another_reports_its_clause(nlp, extractor):
    text = ("Colette Kress, Nvidia's finance chief, spoke on Wednesday. "
            "She went on to say that data center revenue rose 16% in the quarter.")
    built, row = _claim_for(nlp, extractor, text, "16%")
    assert row["subject"] == "data center revenue" and row["subject_rule"] == "phrase"
    assert row["speaker"] == "Colette Kress"


def test_a_chaining_verb_that_reports_nothing_keeps_its_subject(nlp, extractor):
    # look-alike: "went on to win" reports no clause; she is the actor
    text = "Aryna Sabalenka lost the first set. She went on to win the final in 2025."
    built, row = _claim_for(nlp, extractor, text, "2025")
    assert row["subject"] == "Aryna Sabalenka"


@pytest.mark.parametrize("text, value, subject, rule", [
    # the fact a content noun holds is its clause's subject's
    ("The fact that 25 percent of those outbreaks are happening in rich countries is a big alarm.", "25 percent",
     "those outbreaks", "content_noun"),
    ("The news that Tesla's sales fell 12% in Europe hit the shares.", "12%", "Tesla", "content_noun"),
    # look-alikes: a relative clause on the noun, and a noun with no clause, stay the phrase
    ("The news that the ministry published on Monday put growth at 3%.", "3%", "The news", "phrase"),
    ("The news that prices fell 3% in March lifted the shares.", "3%", "prices", "content_noun"),
    ("The finding surprised analysts: exports rose 5% in 2025.", "2025", "exports", "phrase"),
])
def test_a_content_noun_s_clause_gives_the_subject(nlp, extractor, text, value, subject, rule):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and row["subject_rule"] == rule


def test_a_person_s_role_after_a_nationality_is_the_person_named_before(nlp, extractor):
    text = ("Liverpool have signed Alexander Isak from Newcastle United. "
            "The Swedish striker scored 54 goals in three seasons.")
    built, row = _claim_for(nlp, extractor, text, "three seasons")
    # the sentence before names its one person outside its subject (Liverpool): claims round 79 records that
    assert row["subject"] == "Alexander Isak" and row["subject_rule"] == "description_previous"
    assert built.mention_text(row["subject_mention_id"]) == "Alexander Isak"


def test_a_nationality_before_a_nameless_group_is_still_its_country(nlp, extractor):
    # look-alike: "Romanian authorities" are no person's role; the country stands for them
    text = "Romania held a vote on Sunday. Romanian authorities counted 9 million ballots."
    built, row = _claim_for(nlp, extractor, text, "9 million ballots")
    assert row["subject"] == "Romania" and row["subject_rule"] == "nationality"


@pytest.mark.parametrize("text, value, subject, rule", [
    # the owner the parser hung on the verb: a bank's estimate of another company's figure
    ("Investment banks put operating profit at Samsung's chip division at roughly 17 trillion won.",
     "17 trillion won", "Samsung's chip division", "object_owner"),
    # look-alike: "put" with a value but no owned object keeps its actor
    ("Germany put €5bn into the fund in 2025.", "€5bn", "Germany", "name"),
])
def test_a_value_put_on_an_owned_object_is_its_owner_s(nlp, extractor, text, value, subject, rule):
    built = build(nlp, extractor, text, quantities=[(value, "money")])
    row = built.row_with(value)
    assert row["subject"] == subject and row["subject_rule"] == rule
# ------------------------------------------------------------------ a claim's own values (round 9)


def _linked(built: Built, row: dict) -> set[str]:
    texts = {r.get("date_id") or r.get("quantity_id"): r["text"] for r in [*built.dates, *built.quantities]}
    return {texts[i] for i in [*row["quantity_ids"], *row["date_ids"]]}


@pytest.mark.parametrize("text, dates, quantities, linked", [
    # a participle clause on a noun hung on another noun places that noun, not the claim (dev: Nvidia)
    ("Nvidia posted record-breaking data center revenues of $115.2 billion for FY25, a 142 percent increase on the "
     "revenue generated by the segment during the previous financial year.", ["FY25", "the previous financial year"],
     [("$115.2 billion", "money"), ("142 percent", "percent")], {"$115.2 billion", "142 percent", "FY25"}),
    # look-alike: the participle clause on the verb's object says which thing the claim is about
    ("The company sold the unit acquired in 2019 for $5 billion.", ["2019"], [("$5 billion", "money")],
     {"$5 billion", "2019"}),
    # look-alike: an infinitive on a noun says what it is for (dev: the F1 title decider)
    ("The race ended with three drivers still in contention to clinch the title for the first time in 15 years.",
     ["15 years"], [("three drivers", "count")], {"three drivers", "15 years"}),
    # claims round 26: a participle bounding a period names the period, and its date places the claim (dev5 354_
    # Ishihara Sangyo, dev5 349_ India's MoD "till the third quarter ending December")
    ("The consolidated ordinary profit for the cumulative third quarter of the fiscal year ending March 2026 "
     "surged 2.3 times that of the same period last year, reaching 13.1 billion yen.",
     ["the cumulative third quarter", "March 2026", "the same period last year"], [("13.1 billion yen", "money")],
     {"the cumulative third quarter", "March 2026", "the same period last year", "13.1 billion yen"}),
    ("Till the third quarter ending December, 80 per cent of the budget had been utilised.",
     ["the third quarter", "December"], [("80 per cent", "percent")], {"the third quarter", "December", "80 per cent"}),
    # look-alike: the same participle on a noun that is no period describes that noun
    ("Revenue from the contracts ending in June rose 5% in 2025.", ["June", "2025"], [("5%", "percent")],
     {"5%", "2025"}),
    # look-alike: in a "with" clause the parser reads the predicate as a participle on its subject (dev: EU gas)
    ("New contracts for Russian gas will be banned from 2026, with imports under short-term contracts ending by June "
     "that year and long-term contracts phased out by December 2027.", ["2026", "June", "December 2027"], [],
     {"2026", "June", "December 2027"}),
])
def test_a_participle_clause_on_another_noun_keeps_its_date_out_of_the_claim(nlp, extractor, text, dates,
                                                                             quantities, linked):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    (row,) = built.rows
    assert _linked(built, row) == linked


@pytest.mark.parametrize("text, dates, linked", [
    # "year-on-year" says against what the decline is measured; "a year" cut from it is no time (dev: Aramco)
    ("For the first half of the year, Aramco registered a profit of $48.68bn, a year-on-year decline of 13.6%.",
     [("the first half of the year", "date"), ("a year", "duration")], {"$48.68bn", "13.6%", "the first half of the year"}),
    ("Exports rose 4.1% in March, a month-over-month gain.", ["March", ("a month", "duration")], {"4.1%", "March"}),
    # look-alike: a compound that ends with the unit is a duration of the claim
    ("For the first time, a three-year average has exceeded the +1.5°C threshold.",
     [("three-year", "duration")], {"+1.5°C", "three-year"}),
])
def test_a_date_cut_from_a_unit_on_unit_comparison_is_no_value(nlp, extractor, text, dates, linked):
    quantities = [(q, "percent" if q.endswith("%") else "measure" if q.endswith("C") else "money")
                  for q in ("$48.68bn", "13.6%", "4.1%", "+1.5°C") if q in text]
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    rows = [row for row in built.rows if row["quantity_ids"]]
    assert set().union(*(_linked(built, row) for row in rows)) == linked


def test_a_fronted_time_phrase_places_every_claim_of_its_sentence(nlp, extractor):
    """"During 2025, the CAC 40 has climbed 10% while the DAX 40 is up 22%": both rises are 2025's (dev: FTSE close)."""
    built = build(nlp, extractor, "During 2025, the CAC 40 has climbed 10% while the DAX 40 is up 22%.",
                  dates=["2025"], quantities=[("10%", "percent"), ("22%", "percent")])
    assert _linked(built, built.row_with("22%")) == {"22%", "2025"}
    assert _linked(built, built.row_with("10%")) == {"10%", "2025"}


@pytest.mark.parametrize("text, dates, value, linked", [
    # look-alike: a date after the subject places its own clause only
    ("The CAC 40 has climbed 10% in 2025 while the DAX 40 is up 22%.", ["2025"], "22%", {"22%"}),
    # look-alike: a clause with a time of its own keeps it alone
    ("During 2025, the CAC 40 has climbed 10%, while in 2024 the DAX 40 rose 22%.", ["2025", "2024"], "22%",
     {"22%", "2024"}),
])
def test_a_time_phrase_that_does_not_scope_the_sentence_stays_in_its_clause(nlp, extractor, text, dates, value,
                                                                           linked):
    built = build(nlp, extractor, text, dates=dates, quantities=[("10%", "percent"), ("22%", "percent")])
    assert _linked(built, built.row_with(value)) == linked


def test_a_finite_complement_with_its_own_subject_keeps_its_own_values(nlp, extractor):
    """A value belongs to the clause whose finite verb governs it, also when the parser hangs that clause on
    another verb as its complement (dev: WHO measles; the source glues "Although" to "global")."""
    text = ("Althoughglobal coverage for the second dose rose from 17 percent in 2000 to 76 percent in 2024, "
            "\"immunity gaps have fueled a resurgence of outbreaks, with 59 countries experiencing large or "
            "disruptive outbreaks last year - the highest number since 2003\", the WHO warned.")
    built = build(nlp, extractor, text, dates=["2000", "2024", "last year", "2003"],
                  quantities=[("17 percent", "percent"), ("76 percent", "percent"), ("59 countries", "count")])
    assert _linked(built, built.row_with("17 percent")) == {"17 percent", "2000", "76 percent", "2024"}
    assert _linked(built, built.row_with("59 countries")) == {"59 countries", "last year", "2003"}


@pytest.mark.parametrize("text, dates, quantities", [
    # a reported clause is the claim the report makes; the date of saying joins it
    ("The WHO said on Monday that coverage rose from 17 percent to 76 percent.", ["Monday"],
     [("17 percent", "percent"), ("76 percent", "percent")]),
    # a complement after its verb is the claim's content, not a clause of its own
    ("In 2025, the study found prices rose 5%.", ["2025"], [("5%", "percent")]),
])
def test_a_complement_after_its_verb_stays_one_claim_with_it(nlp, extractor, text, dates, quantities):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    (row,) = built.rows
    assert _linked(built, row) == {*dates, *(q for q, _ in quantities)}


# Claims round 12, from the dev2 articles (tests/claims_judged/, 301_-312_): an apposition names the head,
# also after a nationality ("Another Kenyan, Albert Korir") and before a bracketed abbreviation, which is the
# name's own and no second member of a list ("A Partnership for National Unity (APNU)").
@pytest.mark.parametrize("text, value, subject, rule", [
    ("Meanwhile, the long-standing opposition party, A Partnership for National Unity (APNU), faced a "
     "disappointing result, obtaining only 77,973 votes nationwide.", "77,973 votes",
     "A Partnership for National Unity", "phrase_name"),
    ("Another Kenyan, Albert Korir, was third 37 seconds later.", "37 seconds later", "Albert Korir", "phrase_name"),
    # look-alikes: a list names none of its members; a bracketed abbreviation is the name itself
    ("The three parties – the Agrarian Party, the Socialist Party and the Democratic Party – won 9 seats.",
     "9 seats", "The three parties", "phrase"),
    ("Germany’s center-right Christian Democratic Union (CDU) and its leader Friedrich Merz emerged as the big "
     "winners of German federal elections 2025 with 28% of the vote.", "28%", "Christian Democratic Union", "name"),
])
def test_an_apposition_names_a_nationality_or_a_described_party(nlp, extractor, text, value, subject, rule):
    _, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"] or "").startswith(subject) and row["subject_rule"] == rule


# A reported statement's subject is what it reports, with "clarified" as with "said" (speech_verbs); an
# existential "there" stands for the noun it introduces (subject_rule `existential`), and a noun of change
# there leads on to what changed.
@pytest.mark.parametrize("text, value, subject, rule", [
    ("The Commission clarified that the voter turnout in Baghdad province reached 48.76%.", "48.76%",
     "the voter turnout", "phrase"),
    ("There were 3,513 polling stations nationwide, along with 36 overseas polling stations, according to the "
     "commission.", "3,513 polling stations", "3,513 polling stations", "existential"),
    ("Analysts said there has been a sharp rise in Tesla's sales, up 20% this year.", "20%", "Tesla", "existential"),
    # look-alikes: "clarified" with no clause of its own is the Commission's act; a locative "there" is no subject
    ("The Commission clarified its rules on 48 state aid cases in 2025.", "2025", "Commission", "name"),
    ("Prices there rose 5% in 2025.", "5%", "Prices", "phrase"),
])
def test_clarified_reports_and_there_introduces_the_subject(nlp, extractor, text, value, subject, rule):
    _, row = _claim_for(nlp, extractor, text, value)
    assert subject in (row["subject"] or "") and row["subject_rule"] == rule


# A verb that only frames another claim of its sentence states nothing of its own: "Preliminary results
# show [that ...]" and "... will see [the K2s will be delivered ...]" made fragment rows (dev2 301_, where the
# frame held the dateline's date, and dev 203_); the frame's own date is accounted for, not linked.
@pytest.mark.parametrize("text, dates, quantities, framed, kept", [
    ("Preliminary results released on Monday show that Tajikistan's ruling People's Democratic Party has won "
     "Sunday's parliamentary elections with 51.9 per cent of the vote.",
     ["Monday", "Sunday"], [("51.9 per cent", "percent")], "Monday", "51.9 per cent"),
    ("The agreement, which was first announced back in March, will see the K2s will be delivered between 2026 "
     "and 2030.", ["March", "2026", "2030"], [], "March", "2026"),
    # look-alikes: a verb with words of its own after it keeps its claim
    ("The agreement, which was first announced back in March, will see 180 tanks delivered by 2030.",
     ["March", "2030"], [("180 tanks", "count")], None, "180 tanks"),
    ("Sales rose 5% in March, and analysts now think that profits will double in 2026.",
     ["March", "2026"], [("5%", "percent")], None, "5%"),
])
def test_a_verb_that_only_frames_another_claim_makes_no_row(nlp, extractor, text, dates, quantities, framed, kept):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    assert built.row_with(kept)  # the framed claim keeps its own row
    linked = {value for row in built.rows for value in [*row["date_ids"], *row["quantity_ids"]]}
    assert {d for d in dates if built.value_id(d) not in linked} == ({framed} if framed else set())
    assert not any(row["text"].endswith(("show", "will see")) for row in built.rows)


@pytest.mark.parametrize("text, dates, linked", [
    # a part of the day beside its day is one time: the claim is placed by the day
    ("Orsted shares plunged 31% to DKr212.20 in mid-afternoon trading Monday.",
     [("mid-afternoon", "time"), "Monday"], ["Monday"]),
    # look-alikes: a clock time says more than its day; a part of a day far from any day stays
    ("Shares of the lender fell 3% at 10:35 a.m. Friday.", [("10:35 a.m.", "time"), "Friday"],
     ["10:35 a.m.", "Friday"]),
    ("By mid-afternoon, the index was down 2% after a slide that began on Monday.",
     [("mid-afternoon", "time"), "Monday"], ["mid-afternoon", "Monday"]),
    # "of the year" only says whose months they are (TimeML marks it apart; a reader reads one period)
    ("Revenue rose 5% in the first nine months of the year.", [("the first nine months", "duration"), "the year"],
     ["the first nine months"]),
    # look-alike: a year that scopes the claim is no period's owner
    ("The stock hit a high for the year of $42.87 on Friday.", ["the year", "Friday"], ["the year", "Friday"]),
    # claims round 26: a year in figures is the only word saying which year the period is in, and stays (dev3 316_
    # NCDC Lassa fever; Caliber.Az and El Diario MX, October 2025)
    ("The NCDC has reported a total of 152 deaths from Lassa fever in the first 28 weeks of 2025.",
     [("the first 28 weeks", "duration"), "2025"], ["the first 28 weeks", "2025"]),
    ("China's total import and export of goods rose by 4% year-on-year in the first nine months of 2025.",
     [("the first nine months", "duration"), "2025"], ["the first nine months", "2025"]),
    ("Mexico's trade balance posted a surplus of 776 million dollars in the first nine months of 2025.",
     [("the first nine months", "duration"), "2025"], ["the first nine months", "2025"]),
    # look-alike: "of the year" still only says whose months they are (Xinhua, October 2025)
    ("The growth rate accelerated from an increase of 3.5 percent registered in the first eight months of the year.",
     [("the first eight months", "duration"), "the year"], ["the first eight months"]),
])
def test_a_date_that_only_refines_another_is_not_linked_apart(nlp, extractor, text, dates, linked):
    quantities = [(q, "percent") for q in ("31%", "3%", "2%", "5%", "4%") if q in text]
    quantities += [(q, kind) for q, kind in (("152 deaths", "count"), ("776 million dollars", "money")) if q in text]
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    row = built.rows[0]
    assert len(built.rows) == 1
    assert set(row["date_ids"]) == {built.value_id(d) for d in linked}


# ----------------------------------------------------------------------------------- a claim's own values (round 13)


@pytest.mark.parametrize("text, dateline_date, dates, quantities", [
    # wire datelines in natural case, the date and the agency's credit closed by a colon (dev3: 315_, 322_)
    ("Geneva [Switzerland], August 30 (ANI/WAM): The World Health Organization said 409,222 cholera cases "
     "were reported by August 17.", "August 30", ["August 30", "August 17"], [("409,222 cholera cases", "count")]),
    ("Bhubaneswar (Odisha) [India], May 4 (ANI): FC Goa won the Super Cup for a second time, beating "
     "Jamshedpur 3-0 on Saturday.", "May 4", ["May 4", "Saturday"], [("3-0", "ratio")]),
    ("Kyiv, 14 June (Ukrinform) - Ukraine received 20 air defence systems in May.", "14 June", ["14 June", "May"],
     [("20 air defence systems", "count")]),
    # claims round 52: WAM writes the day as an ordinal (dev12 499_, October 2025; wam.ae's Higher Committee item,
    # October 2025)
    ("SEOUL, 23rd October, 2025 (WAM) -- The Republic of Korea's central bank kept its benchmark interest rate "
     "unchanged Thursday.", "23rd October, 2025", ["23rd October, 2025", "Thursday"], []),
    ("ABU DHABI, 6th October, 2025 (WAM) -- Sheikh Mansour bin Zayed Al Nahyan chaired the Committee's meeting "
     "today at Qasr Al Watan.", "6th October, 2025", ["6th October, 2025", "today"], []),
])
def test_the_date_of_a_natural_case_wire_dateline_is_no_value(nlp, extractor, text, dateline_date, dates, quantities):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    linked = {v for row in built.rows for v in [*row["date_ids"], *row["quantity_ids"]]}
    assert built.rows and built.value_id(dateline_date) not in linked
    assert all(built.value_id(d) in linked for d in dates if d != dateline_date)


@pytest.mark.parametrize("text, date", [
    # look-alikes: a date with a bracketed aside, or a credit with no place line before it, is the claim's own
    ("Prices in Lagos rose 5% on May 4 (Monday): the first rise this year.", "May 4"),
    ("The ministry said on August 30 (Friday) that 152 deaths were recorded.", "August 30"),
    ("Shares rose 3%, Reuters said on May 4 (Thursday).", "May 4"),
    # an ordinal day with a bracketed weekday inside a sentence is no dateline
    ("Trading resumed on 23rd October, 2025 (Thursday) after 152 deaths were recorded.", "23rd October, 2025"),
    ("Seoul, 23rd October, 2025 (Thursday) was the day prices rose 5%.", "23rd October, 2025"),
])
def test_a_date_with_a_bracket_after_it_in_a_sentence_stays_a_value(nlp, extractor, text, date):
    built = build(nlp, extractor, text, dates=[date],
                  quantities=[(q, "count") for q in ("5%", "152 deaths", "3%") if q in text])
    assert any(built.value_id(date) in row["date_ids"] for row in built.rows)


def test_a_date_word_inside_a_longer_name_is_no_value(nlp, extractor):
    """"Challenger, Gray & Christmas" is a firm (dev3: 319_), "The Sunday Times" a paper: the date word names them."""
    text = ("A report from global outplacement firm Challenger, Gray & Christmas said U.S. employers announced "
            "fewer layoffs in September.")
    built = build(nlp, extractor, text, dates=["Christmas", "September"])
    assert any(m["text"] == "Challenger, Gray & Christmas" for m in built.mentions)
    linked = {d for row in built.rows for d in row["date_ids"]}
    assert built.value_id("September") in linked and built.value_id("Christmas") not in linked


@pytest.mark.parametrize("text, date", [
    # look-alikes: the name is the date itself, or the date has a digit
    ("Black Friday sales rose 3% from a year earlier, Adobe said.", "Black Friday"),
    ("The S&P 500 rose 0.3% to its first Christmas Eve record since 2013.", "Christmas Eve"),
    ("Microsoft shares rose 2% on December 24 after the close.", "December 24"),
])
def test_a_date_that_is_the_whole_name_stays_a_value(nlp, extractor, text, date):
    built = build(nlp, extractor, text, dates=[date], quantities=[(q, "percent") for q in ("3%", "0.3%", "2%")
                                                                  if q in text])
    assert any(built.value_id(date) in row["date_ids"] for row in built.rows)


def test_marking_a_record_deep_in_the_object_is_a_claim_not_an_interpretation(nlp, extractor):
    """"marked a record closing high on Thursday" (dev3: 319_): "record" modifies a modifier of the object."""
    text = "The Nasdaq marked a record closing high on Thursday with support from the technology sector."
    built = build(nlp, extractor, text, dates=["Thursday"])
    assert built.row_with("Thursday")["text"].startswith("The Nasdaq marked")


def test_marking_a_performance_with_only_a_date_is_still_an_interpretation(nlp, extractor):
    text = "It marks the Footsie’s continued strong performance in 2026, following years of uncertainty."
    assert build(nlp, extractor, text, dates=["2026"]).rows == []


@pytest.mark.parametrize("mention, inside", [
    ({"start": 9, "end": 37, "label": "ORG"}, True),      # "Challenger, Gray & Christmas"
    ({"start": 9, "end": 37, "label": "EVENT"}, False),   # an event held that day: "the Easter Monday parade"
    ({"start": 28, "end": 37, "label": "ORG"}, False),    # the mention is the date itself
])
def test_within_name_needs_a_longer_mention_that_is_no_event(nlp, mention, inside):
    from pipeline.stages.claims.values import within_name
    doc = nlp("The firm Challenger, Gray & Christmas said so.")
    token = next(t for t in doc if t.text == "Christmas")
    row = {"text": "Christmas", "start": 28, "end": 37, "last": token.i}
    assert within_name(row, token, lambda t: mention if mention["start"] <= t.idx < mention["end"] else None) is inside
@pytest.mark.parametrize("text, dates, quantities, value, subject", [
    # what several named owners share is about none of them alone: the phrase stands
    ("Leaders of Egypt, the United States, Qatar, and Turkey signed a comprehensive document on Sunday.",
     ["Sunday"], [], "Sunday", "Leaders"),
    ("According to LSEG data, average Brent and WTI prices in 2025 hit their lowest levels since 2020.",
     ["2025", "2020"], [], "2025", "average Brent and WTI prices"),
    # look-alikes: one named owner, or a list of nameless owners, keeps the name
    ("Leaders of Egypt signed a comprehensive document on Sunday.", ["Sunday"], [], "Sunday", "Egypt"),
    ("Germany's exports and imports fell 3% in March.", ["March"], [("3%", "percent")], "3%", "Germany"),
])
def test_an_owned_noun_with_several_named_owners_is_about_the_phrase(nlp, extractor, text, dates, quantities,
                                                                      value, subject):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    row = built.row_with(value)
    assert row["subject"] == subject


@pytest.mark.parametrize("text, dates, quantities, value, subject", [
    # a subject "it" continues the main subject before it: a definite description's entity ...
    ("A five judge panel of the New York Court of Appeals ruled on the case on Thursday. The court threw out the "
     "$500 million penalty. It kept nonfinancial penalties in place for two of his children.",
     ["Thursday"], [("$500 million", "money"), ("two", "count")], "two", "New York Court of Appeals"),
    # ... or, when it names nothing, the phrase itself (a dummy "It is striking that" stands for its clause)
    ("The team published the study today in the journal Nature. It is striking that ice loss has accelerated "
     "significantly in recent years. In the second half of the period, it was 36 per cent higher than in the "
     "period from 2000 to 2011.",
     ["today", "recent years", "2000", "2011"], [("36 per cent", "percent")], "36 per cent", "ice loss"),
    ("The team published the study today in the journal Nature. It is striking that ice loss has accelerated "
     "significantly in recent years.", ["today", "recent years"], [], "recent years", "ice loss"),
    # look-alikes: a phrase holding a name leaves "it" to the name; "is planning to" is no dummy
    ("A new year rally for the FTSE 100 led to it passing the milestone on Friday. It also closed at new record "
     "highs on more than 40 occasions.", ["Friday"], [("40 occasions", "count")], "40 occasions", "FTSE"),
    ("Nvidia reported results on Tuesday. It is planning to spend $5bn in 2026.", ["Tuesday", "2026"],
     [("$5bn", "money")], "$5bn", "Nvidia"),
])
def test_a_subject_it_continues_the_main_subject_before_it(nlp, extractor, text, dates, quantities, value, subject):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    row = built.row_with(value)
    assert subject in (row["subject"] or "")
    assert (row["subject_rule"], row["subject_mention_id"] is None) in {("pronoun", False), ("pronoun", True),
                                                                          ("phrase", True), ("name", False)}


@pytest.mark.parametrize("text, dates, quantities, value, subject", [
    # a fronted phrase a comma closes is never the subject, however the parser hung the one after it
    ("Quarter-on-quarter, real gross domestic product (GDP), adjusted for inflation, in the July-September period "
     "declined 0.4 percent from the previous three months.", ["July-September"], [("0.4 percent", "percent")],
     "0.4 percent", "real gross domestic product"),
    ("By category, personal consumption — which accounts for more than half of Japan’s GDP — remained almost "
     "flat, with just a 0.04% increase from the previous quarter.", ["the previous quarter"],
     [("0.04%", "percent"), ("half", "ratio")], "0.04%", "personal consumption"),
    # look-alikes: a subject that names something keeps its apposition; a plain fronted phrase stays out (the
    # sentence above parses well here; in its article the parser joined the subject to "category")
    ("Shares of Nvidia, the chipmaker, rose 5% on Monday.", ["Monday"], [("5%", "percent")], "5%", "Nvidia"),
    ("By March, personal consumption had risen 2%.", ["March"], [("2%", "percent")], "2%", "personal consumption"),
    # deeper in the fronted phrase (claims round 32, dev9 431_, the T20 World Cup, 2026): the parser joined the team
    # to the place ending the fronted phrase and left the verb with no subject; the nearest name was the Cup
    ("In the match played in Chennai, New Zealand avenged the defeat of the last World Cup by defeating Afghanistan "
     "by 5 wickets.", [], [("5 wickets", "count")], "5 wickets", "New Zealand"),
    # look-alikes: a fronted phrase the parser closes well (teluguvaadi, 2026), and places listed before a subject
    ("In a match that turned into a massive run-fest, India posted a daunting total of 253/7 on Thursday.",
     ["Thursday"], [], "Thursday", "India"),
    ("In the ties played in Madrid, Barcelona and Seville, prices rose 3% in March 2025.", ["March 2025"],
     [("3%", "percent")], "3%", "prices"),
])
def test_a_fronted_phrase_closed_by_a_comma_is_not_the_subject(nlp, extractor, text, dates, quantities, value,
                                                              subject):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    assert built.row_with(value)["subject"] == subject


# ----------------------------------------------------------------------------------- claims round 16: where a claim ends


def test_a_currency_the_tagger_reads_as_a_verb_heads_no_clause(nlp, extractor):
    """"posted 43.53 trillion won in operating profit and 332.8 trillion won in revenue, up 33 percent and 10.6 percent,
    respectively" (dev: 215_): the tagger reads "won" as the verb "win", which cut the sentence in two, the second half
    with no subject; the currency is part of its value, so the sentence is one claim."""
    text = ("For the full year, Samsung posted 43.53 trillion won in operating profit and 332.8 trillion won in revenue, "
            "up 33 percent and 10.6 percent, respectively.")
    values = ["43.53 trillion won", "332.8 trillion won", "33 percent", "10.6 percent"]
    built = build(nlp, extractor, text, quantities=[(v, "money" if "won" in v else "percent") for v in values])
    assert len(built.rows) == 1 and built.rows[0]["text"] == text
    assert set(built.rows[0]["quantity_ids"]) == {built.value_id(v) for v in values}


def test_the_verb_win_outside_a_value_still_heads_its_own_clause(nlp, extractor):
    # look-alike: "won" is the verb, each side's seats its own claim
    text = "Labour won 412 seats, and the Conservatives won 121 seats."
    built = build(nlp, extractor, text, quantities=[("412 seats", "count"), ("121 seats", "count")])
    assert built.row_with("412 seats") is not built.row_with("121 seats")


@pytest.mark.parametrize("text, kept, background", [
    # dev3 313_, dev2 304_, dev3 319_: the "as" clause sets the scene, its time dates the mood
    ("Oil prices eased on Tuesday as market participants considered the potential for an OPEC+ decision to further "
     "increase output during a meeting scheduled later this week.", "Tuesday", "later this week"),
    ("Oil prices dipped on Wednesday as concerns grow over oversupply in a year marked by wars and higher tariffs.",
     "Wednesday", "a year"),
    ("The Nasdaq closed at a record on Thursday as investors cautiously monitored labor market data in the second "
     "day of a government shutdown.", "Thursday", "second day"),
])
def test_a_nameless_circumstance_that_states_only_a_time_makes_no_claim(nlp, extractor, text, kept, background):
    built = build(nlp, extractor, text, dates=[(kept, "date"), (background, "date")])
    assert len(built.rows) == 1
    row = built.rows[0]
    assert built.value_id(kept) in row["date_ids"] and built.value_id(background) not in row["date_ids"]
    assert not row["text"].endswith(text[text.index(background):].rstrip("."))


@pytest.mark.parametrize("text, values", [
    # look-alikes: a circumstance with a quantity, a named actor, or a contrast states a fact of its own
    ("Stocks rose on Monday as investors poured $2 billion into technology funds.", [("$2 billion", "money")]),
    ("Oil prices eased on Tuesday as OPEC+ met on Monday.", [("Monday", "date")]),
    ("The CAC 40 fell on Friday while investors waited for data due on Monday.", [("Monday", "date")]),
])
def test_a_circumstance_with_a_quantity_an_actor_or_a_contrast_stays_a_claim(nlp, extractor, text, values):
    first = "Monday" if "Stocks" in text else ("Tuesday" if "Tuesday" in text else "Friday")
    built = build(nlp, extractor, text, dates=[first, *(v for v, k in values if k == "date")],
                  quantities=[(v, k) for v, k in values if k != "date"])
    wanted = built.value_id(values[0][0])
    assert any(wanted in row["date_ids"] or wanted in row["quantity_ids"] for row in built.rows)


@pytest.mark.parametrize("text, dates", [
    # dev3 323_, dev2 307_: a judgement worded as a fact, with only a date
    ("Kylian Mbappé, Scott McTominay, and Sunderland were the standout winners over the weekend, while Aston Villa and "
     "Lazio experienced particularly disappointing results.", ["the weekend"]),
    ("Our results this quarter reflect solid execution toward that goal.", ["this quarter"]),
])
def test_a_judgement_with_only_a_date_makes_no_claim(nlp, extractor, text, dates):
    assert build(nlp, extractor, text, dates=dates).rows == []


@pytest.mark.parametrize("text, dates, quantities", [
    # look-alikes: what is delivered or reflected is a figure, or no evaluative word judges it
    ("Tencent delivered strong third-quarter results with revenue increasing 15% year-over-year.", ["third-quarter"],
     [("15%", "percent")]),
    ("Boeing delivered 40 jets in March.", ["March"], [("40 jets", "count")]),
    ("The United States delivered significant military aid to Ukraine in 2024.", ["2024"], []),
    ("The Abu Dhabi Grand Prix delivered a title-deciding finale on Sunday.", ["Sunday"], []),
    ("The outlook reflects net earnings of at least $14.90 per share in 2025.", ["2025"], [("$14.90", "money")]),
    ("The fall in the company's profit reflects weaker demand in China in 2025.", ["2025"], []),
])
def test_delivering_or_reflecting_a_fact_stays_a_claim(nlp, extractor, text, dates, quantities):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    assert built.row_with(dates[0])


@pytest.mark.parametrize("text, date", [
    # look-alikes: a specific thing, a measured thing or a movement in the circumstance is a fact of its own
    ("Gold rose on Monday as the dollar weakened on Friday.", "Friday"),
    ("Stocks slipped on Monday as bond yields rose on Friday.", "Friday"),
    ("Shares fell on Monday as oil prices eased on Friday.", "Friday"),
])
def test_a_circumstance_about_a_specific_or_measured_thing_stays_a_claim(nlp, extractor, text, date):
    built = build(nlp, extractor, text, dates=["Monday", date])
    assert built.row_with(date)["text"] != text


@pytest.mark.parametrize("text, date", [
    # look-alikes: a circumstance that orders events, or reports a finding, states a fact
    ("Gold rose on Friday after data showed inflation slowed in March.", "March"),
    ("Gold rose on Friday as data showed inflation slowed in March.", "March"),
])
def test_a_circumstance_that_orders_events_or_reports_a_finding_stays_a_claim(nlp, extractor, text, date):
    built = build(nlp, extractor, text, dates=["Friday", date])
    assert built.row_with(date)
# ----------------------------------------------------------------------------------- a claim's own values (round 17)


@pytest.mark.parametrize("text, dates, quantities, linked", [
    # a time with no count in a relative clause describes the clause's noun (dev4: 331_, 326_; dev2: 311_)
    ("The ruling was 323 pages long and reflected a rare split decision on how to treat a landmark suit that began "
     "with James as the plaintiff and stretched through years of higher court arguments.", [("years", "duration")],
     [("323 pages", "count")], {"323 pages"}),
    ("The series ended in a 2-2 draw, with a flurry of milestones that underlined just how extraordinary the "
     "cricket was over the past few weeks.", [("the past few weeks", "duration")], [("2-2", "ratio")], {"2-2"}),
    # a count-less time heading an "of" phrase is the setting its noun fills (dev2: 309_; dev4: 333_)
    ("AMD shares rose notably on a day of semiconductor sector weakness, gaining 3.8%.", [("a day", "duration")],
     [("3.8%", "percent")], {"3.8%"}),
    ("Leaders of Egypt, the United States, Qatar, and Turkey signed a comprehensive document on Sunday outlining a "
     "final agreement to end the war in Gaza, marking a pivotal moment in months of intense diplomatic "
     "negotiations.", ["Sunday", ("months", "duration")], [], {"Sunday"}),
    # look-alike: a preposition of time order sets the claim after the span (dev: 011_)
    ("India on Thursday signed a $7 billion order for 97 Tejas fighter jets as its air force retires its outgoing "
     "Russian MiG-21 jets after decades of use.", ["Thursday", ("decades", "duration")],
     [("$7 billion", "money"), ("97", "count")], {"Thursday", "$7 billion", "97", "decades"}),
    ("The Russian incursion into NATO airspace follows weeks of aerial attacks in Ukraine that killed dozens of "
     "civilians.", [("weeks", "duration")], [("dozens of civilians", "count")], {"weeks", "dozens of civilians"}),
    # look-alikes: a counted time in a relative clause, and a count-less time the claim's own verb takes, stay
    ("The ruling was 323 pages long and ended a suit that began five years ago.", [("five years ago", "date")],
     [("323 pages", "count")], {"323 pages", "five years ago"}),
    ("Netflix and Paramount have been duelling over the $72 billion deal for months.", [("months", "duration")],
     [("$72 billion", "money")], {"$72 billion", "months"}),
])
def test_a_count_less_time_describing_a_noun_is_no_value(nlp, extractor, text, dates, quantities, linked):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    assert set().union(*(_linked(built, row) for row in built.rows)) == linked


def test_a_count_less_time_in_a_relative_clause_stays_when_the_claim_has_no_other_value(nlp, extractor):
    """Look-alike: with no value of its own the claim keeps the relative clause's time, as it keeps a relative
    clause's date (the seeds' gold links "years" here; dev4 326_'s "a process that usually takes months" is
    judged the other way and stays wrong)."""
    text = ("Security experts caution that progress will depend on trust, which remains fragile after years of "
            "political tension.")
    built = build(nlp, extractor, text, dates=[("years", "duration")])
    assert any(built.value_id("years") in row["date_ids"] for row in built.rows)


@pytest.mark.parametrize("text, dates, quantities, linked", [
    # a participle's date says which thing is meant and places a claim that names no time of its own
    # (dev2: 310_, the record "set been by" as the page writes it; dev3: 324_)
    ("Hellen Obiri finished in 2:19:51, nearly three minutes faster than the previous record of 2:22.31 set been by "
     "Margaret Okaya in 2003.", [("nearly three minutes", "duration"), "2003"], [],
     {"nearly three minutes", "2003"}),
    ("Reportedly, 350 million of this amount has already been included in a record 4.5 billion military aid "
     "package for Kiev, scheduled for 2025.", ["2025"], [("350 million", "money"), ("4.5 billion", "money")],
     {"350 million", "4.5 billion", "2025"}),
])
def test_a_participle_date_places_a_claim_with_no_date_of_its_own(nlp, extractor, text, dates, quantities, linked):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    (row,) = built.rows
    assert _linked(built, row) == linked


@pytest.mark.parametrize("text, quantities, linked", [
    # an amount is never a speaker's count, whatever an attribution took for its source (dev2: 306_; the second a
    # renewable capacity report on a fresh page, tengele.com)
    ("The EIA expects 32.5 GW of new utility-scale solar capacity in 2025, following a record 30 GW added in 2024.",
     [("32.5 GW", "measure"), ("30 GW", "measure")], {"32.5 GW", "30 GW", "2025", "2024"}),
    ("Battery storage is also set for record growth, with 18.2 GW projected for 2025, up from 10.3 GW in 2024.",
     [("18.2 GW", "measure"), ("10.3 GW", "measure")], {"18.2 GW", "10.3 GW", "2025", "2024"}),
    ("The total capacity reached 4,448 gigawatts, with 585 GW added in 2024.",
     [("4,448 gigawatts", "measure"), ("585 GW", "measure")], {"4,448 gigawatts", "585 GW", "2024"}),
])
def test_an_amount_beside_an_attribution_is_the_claims_value(nlp, extractor, text, quantities, linked):
    dates = [d for d in ("2025", "2024") if d in text]
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    assert set().union(*(_linked(built, row) for row in built.rows)) == linked


def test_a_count_that_names_the_speaker_stays_out(nlp, extractor):
    """Look-alike: "one OPEC+ delegate said" counts the speaker, not the claim's fact (dev: OPEC+)."""
    text = "Output will stay at 2.2 million barrels a day in March, one OPEC+ delegate said."
    built = build(nlp, extractor, text, dates=["March"],
                  quantities=[("2.2 million barrels", "measure"), ("one OPEC+ delegate", "count")])
    assert set().union(*(_linked(built, row) for row in built.rows)) == {"2.2 million barrels", "March"}


@pytest.mark.parametrize("text, value, name", [
    # the description takes up the words that introduced the name, over the main clause's subject before it
    ("The Nasdaq marked a record closing high on Thursday while the blue-chip Dow Jones Industrial Average barely "
     "managed to notch a record close. The blue-chip index's valuation was around its highest level since 2020.",
     "2020", "Dow Jones Industrial Average"),
    # an index described: the subject of the sentence before
    ("With four days to go, the Nasdaq is up 21% on the year. Barring a catastrophe, the benchmark index will post "
     "its third consecutive annual gain, bringing its total rise over that period to 80%.", "80%", "Nasdaq"),
])
def test_a_described_index_is_the_index_named_before(nlp, extractor, text, value, name):
    built, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"]) == (name, "description")
    assert row["subject_mention_id"] in {m["mention_id"] for m in built.mentions if m["text"] == name}


@pytest.mark.parametrize("text, value, other", [
    # look-alikes: an index with a name of its own is not a description of the one before
    ("The FTSE 100 index closed up 0.2% on Wednesday. The FTSE 250 index ended down 75.93 points, 0.3%, at "
     "22,482.43.", "0.3%", "FTSE 100"),
    ("The Nasdaq Composite rose 0.5% to 23,561.84. The Russell 2000 index of smaller companies fell 17.66 points, or "
     "0.7%, to 2,541.12.", "0.7%", "Nasdaq Composite"),
])
def test_an_index_with_a_name_of_its_own_is_no_description(nlp, extractor, text, value, other):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] != other and row["subject_rule"] != "description"


def test_a_possessor_description_without_its_article_is_definite(nlp, extractor):
    # news drops the article before a possessor: the description still points back to the company
    text = ("Tesla shares declined Tuesday after unveiling lower-cost models. Electric vehicle maker's shares dropped "
            "about 5% after announcing cheaper versions of Model 3 and Model Y.")
    _, row = _claim_for(nlp, extractor, text, "5%")
    assert (row["subject"], row["subject_rule"]) == ("Tesla", "description")


@pytest.mark.parametrize("text", [
    # look-alikes: an indefinite possessor introduces a new company
    "Tesla shares declined Tuesday after unveiling lower-cost models. A Chinese carmaker's shares dropped about 5% "
    "after announcing cheaper versions of its sedans.",
])
def test_an_indefinite_possessor_description_points_back_to_nothing(nlp, extractor, text):
    _, row = _claim_for(nlp, extractor, text, "5%")
    assert row["subject"] != "Tesla"


@pytest.mark.parametrize("text, value, subject", [
    # a pronoun that states its subject by quantity or pointing is the subject's own words, never a name elsewhere
    ("Kipchoge finished 17th in New York City. In the end, both were given the same time of two hours.", "two hours",
     "both"),
    ("NASA will launch the telescope in 2027. Those that are smaller than about 500 feet in diameter are nearly "
     "impossible to see from Earth but not from space.", "500 feet", "Those"),
])
def test_a_quantifying_pronoun_subject_stands_as_stated(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"]) == (subject, "phrase")


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: "both" beside a named subject leaves it the subject; a plural "they" still has an antecedent
    ("Kenya and Ethiopia both won five medals in 2024.", "2024", "Kenya"),
    ("Kenya and Ethiopia sent big teams. They both won five medals in 2024.", "2024", "Kenya"),
])
def test_both_beside_a_named_subject_leaves_the_name(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject


def test_a_bare_pointing_pronoun_is_not_a_stated_subject(nlp, extractor):
    # look-alike: "These" with nothing restricting it points back; it is no subject of its own words
    text = ("The EU has several new defence instruments. These include the SAFE Regulation, adopted in May 2025.")
    _, row = _claim_for(nlp, extractor, text, "May 2025")
    assert (row["subject"], row["subject_rule"]) != ("These", "phrase")


# ------------------------------------------------- a summing-up "This" equated with its object (claims round 20)
# Phrases after central-bank and public-health reporting (dev4: 327_, dev3: 316_).


@pytest.mark.parametrize("text, value", [
    # an ordinal counts the events of a kind: checkable, however evaluative the verb
    ("The Reserve Bank of Australia cut interest rates by 25 basis points to 3.6% today. "
     "This marks the third rate cut in 2025.", "2025"),
    ("Arsenal beat Chelsea 2-0 on Sunday. This marks their 14th win in 2025.", "2025"),
])
def test_marking_an_ordinal_count_is_a_claim_about_the_count(nlp, extractor, text, value):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["text"].startswith("This marks") and row["subject_rule"] == "demonstrative"
    assert row["subject"].split()[-1] in {"cut", "win"}


def test_marking_a_performance_without_an_ordinal_stays_an_interpretation(nlp, extractor):
    # look-alike: no ordinal, no record, only a date: an interpretation, no row
    text = "The RBA cut rates by 25 basis points today. This marks the bank's continued easing in 2025."
    built = build(nlp, extractor, text, dates=["2025"], quantities=[("25 basis points", "percent")])
    assert not any(row["text"].startswith("This marks") for row in built.rows)


def test_a_this_equated_with_a_measured_object_is_about_that_object(nlp, extractor):
    text = ("The NCDC has reported a total of 152 deaths from Lassa fever in 2025. This marks a higher case "
            "fatality rate (CFR) of 18.7 per cent compared to 17.3 per cent within the same period in 2024.")
    built = build(nlp, extractor, text, dates=["2024", "2025"],
                  quantities=[("152 deaths", "count"), ("18.7 per cent", "percent"), ("17.3 per cent", "percent")])
    row = built.row_with("18.7 per cent")
    assert (row["subject"], row["subject_rule"]) == ("a higher case fatality rate", "demonstrative")


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: a figure that is the object itself, or a date that places it, measures no object
    ("Germany raised defence spending in 2025. That is 80 billion euros more than in 2024.", "80 billion euros",
     "defence spending"),
    ("Sales rose 5% in 2025. That is the highest level since 2019, at 5%.", "2019", "Sales"),
])
def test_a_this_equated_with_a_figure_or_a_dated_object_keeps_the_event(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: a noun of change with its figure is still the change of what the event before changed
    ("Retail sales rose 5% in March. This marks a rise of 2% from February.", "2%", "Retail sales"),
    # and an object a clause describes is that clause's fact, not the object's
    ("Retail sales rose 5% in March. This marks the first time sales rose in 2025.", "2025", None),
])
def test_a_this_over_a_change_or_a_described_object_keeps_its_old_reading(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert not (row["subject"] or "").startswith(("a rise", "the first time"))
    if subject is not None:
        assert row["subject"] == subject


# ------------------------------------------- a second speech verb's report in a value-less sentence (claims round 20)
# Phrase after trade-deal reporting (dev: 034_).


def test_a_second_speech_verb_reports_the_fact_when_the_first_names_no_actor(nlp, extractor):
    text = ("Trump, in a post on his Truth Social platform, said the deal was reached out of friendship for Modi, "
            "and added that India has committed to remove tariffs on US goods.")
    rows = build(nlp, extractor, text).rows
    assert len(rows) == 1 and rows[0]["subject"] == "India"


def test_the_first_report_that_names_an_actor_keeps_the_claim(nlp, extractor):
    # look-alike: the first statement names its actor, so the added one does not replace it
    text = "The minister said Poland has signed the contract, and added that India has committed to buy the tanks."
    rows = build(nlp, extractor, text).rows
    assert len(rows) == 1 and rows[0]["subject"] == "Poland"


# ------------------------------------------------- a report inside a report: the innermost clause (claims round 22)
# Classes seen in dev 003_ (Powell: "said ... available data suggested there has been ...") and dev 302_ (the Iraqi
# commission: "confirmed that ..., indicating that the overall voter turnout was 56.11%"); the NABE survey phrase is
# from The Epoch Times via thethinkingconservative.com (Nov 2024), the look-alikes from The Nation Thailand
# (2025-02-03), Investing.com (Steelcase, 2025) and dev 319_.


@pytest.mark.parametrize("text, value, subject, rule", [
    # a reported clause whose verb reports in its turn, with a subject of its own: the innermost clause
    ("Fed Chair Jerome Powell said that while important government data was delayed due to the government shutdown "
     "that ended in mid-November after 43 days, available data suggested there has been a moderate expansion of "
     "economic activity.", "43 days", "economic activity", "existential"),
    # a participle of speech holding the value reports the fact
    ("The Independent High Electoral Commission in Iraq confirmed in a press conference that the electoral process was "
     "conducted successfully and smoothly across all provinces, indicating that the overall voter turnout was 56.11%.",
     "56.11%", "the overall voter turnout", "phrase"),
    ("Most of the panelists also expect inflation to cool further, predicting that the Consumer Price Index (CPI) will "
     "slow to 2.3 percent in annual terms by the end of 2025.", "2.3 percent", "the Consumer Price Index", "phrase"),
])
def test_a_report_inside_a_report_is_about_the_innermost_clause(nlp, extractor, text, value, subject, rule):
    if value.endswith("percent"):
        built = build(nlp, extractor, text, quantities=[(value, "percent")])
        row = built.row_with(value)
    else:
        _, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"]) == (subject, rule)


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: one level of report keeps its own clause's subject
    ("The EC reported that 931,290 ballots, or 5.69%, were invalid.", "5.69%", "931,290 ballots"),
    # a reporting verb with an object, not a clause, reports nothing further
    ("A report from global outplacement firm Challenger, Gray & Christmas said U.S. employers announced fewer layoffs "
     "in September.", "September", "U.S. employers"),
    # a participle of speech with an object and no clause ("indicating healthy demand") leaves the main clause
    ("The company’s backlog stood at $694 million at quarter-end, up 11% from the previous year, indicating healthy "
     "demand going forward.", "$694 million", "The company’s backlog"),
    # (constructed) a pronoun between the reporter and the clause ("said he estimated") is the speaker's side: left as it was
    ("The minister said he estimated that exports rose 2.7% in May.", "2.7%", "The minister"),
])
def test_one_level_of_report_keeps_its_own_subject(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject


# --------------------------------------------------- a share with an owner of its own measures that owner (claims round 22)
# dev 314_ (TASS: "LNG's share of global gas trade"); the fresh ones from insightfultake.com (China's 2025 trade surplus)
# and The Economist via aheadoftheherd.com (2025); the look-alikes keep the whole the share is of.


@pytest.mark.parametrize("text, value, subject", [
    ("By the end of 2025, the U.S. share of China’s exports hit a record low of 11%.", "11%", "U.S."),
    ("America is still the single biggest destination for Chinese exports of goods. Yet its share of China’s "
     "shipments has fallen sharply since trade tensions soared, from nearly 20% in the first nine months of 2018 to "
     "less than 12% in the same period this year.", "less than 12%", "America"),
    ("China's share of global-merchandise trade jumped from 13.6 percent in the last quarter of 2019 to 17.2 percent "
     "in the second quarter this year.", "17.2 percent", "China"),
])
def test_a_share_with_an_owner_is_about_the_owner(nlp, extractor, text, value, subject):
    built = build(nlp, extractor, text, quantities=[(value, "percent")])
    row = built.row_with(value)
    assert row["subject"] == subject


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: a share with no owner of its own measures the whole it is of
    # (constructed)
    ("The share of renewables in the power mix rose to 45% in 2025.", "45%", "renewables"),
    # (the phrase measured_thing's docstring has carried since an earlier round)
    ("About 90% of the rare earth magnets used in Europe come from China.", "About 90%", "the rare earth magnets"),
])
def test_a_share_without_an_owner_is_about_its_whole(nlp, extractor, text, value, subject):
    built = build(nlp, extractor, text, quantities=[(value, "percent")])
    assert built.row_with(value)["subject"] == subject


# ------------------------------------------ an "as" clause holding the figures names the actor (claims round 22)
# Class seen in dev2 303_ (Guyana: "..., as the newly-formed We Invest in Nationhood (WIN) party secured second place
# with 109,015 votes") and dev2 310_ (the NYC marathon); look-alikes from Benzinga (2025-09-23), athens-times.com
# (2025-07) and dev2 312_ (NewsNation).


def test_an_as_clause_holding_the_figures_names_the_actor(nlp, extractor):
    text = ("In the women's race, a record was broken for the NYC Marathon, as 35-year-old Kenyan Hellen Obiri "
            "finished in 2:19:51, nearly three minutes faster than the previous record of 2:22.31 set been by "
            "Margaret Okaya in 2003.")
    _, row = _claim_for(nlp, extractor, text, "2003")
    assert row["subject_rule"] == "as_clause" and "Hellen Obiri" in row["subject"]


@pytest.mark.parametrize("text, value", [
    # the main clause holds a figure: its own subject stays
    ("Shares of Firefly Aerospace Inc. FLY were down 12% to $43.76 as the company posted a second-quarter loss of "
     "$5.78 per share, versus a year-ago loss of $4.60 per share.", "12%"),
    ("U.S. stocks closed in mixed directions on the first trading day of the second half of 2025, as investors "
     "rotated away from tech stocks and into other sectors.", "2025"),
    # an "as" clause before the main one sets its scene
    ("As NASA astronauts Butch Wilmore and Suni Williams returned to Earth on Tuesday, the space agency is getting "
     "ready for its next mission.", "Tuesday"),
])
def test_an_as_clause_without_all_the_figures_or_before_the_main_one_leaves_the_subject(nlp, extractor, text, value):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] != "as_clause"


# ------------------------------- an "as" clause read as a preposition, or with a nameless subject that moves (claims round 49)
# Class seen in dev9 425_ (AInvest-style gold report, 2026-01: "Global commodity markets witnessed a historic surge as spot
# gold climbed to $5,243.58 per ounce": "as" parsed as a preposition on "surge") and dev11 477_ (ASX report, 2025: "The
# Australian stock market reached unprecedented heights as the S&P/ASX 200 index breached the 8,900 level": "as" a
# preposition on "heights", "breached" a conj); a scene clause the parser reads right with a nameless subject that moves
# from ryxel.ai (2026-01-29, Brent); look-alikes from The New Indian Express (2025-06-26, the rupee's mood clause and
# the dollar index with its own figure), dev6 374_ (a subject phrase holding the clause's only value) and the round 22 set.


@pytest.mark.parametrize("text, value, subject, rule", [
    ("Global commodity markets witnessed a historic surge as spot gold climbed to $5,243.58 per ounce, briefly "
     "touching a record high of $5,247.21.", "$5,243.58", "spot gold", "as_clause_misparsed"),
    ("Energy stocks climbed on Thursday as Brent crude oil surged to its highest level in four months, driven by "
     "escalating geopolitical tensions between the United States and Iran that threaten to disrupt global oil "
     "supplies.", "four months", "Brent crude oil", "as_clause"),
])
def test_an_as_clause_whose_nameless_subject_moves_names_the_subject(nlp, extractor, text, value, subject, rule):
    _, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"]) == (subject, rule)


@pytest.mark.parametrize("text, value, subject", [
    # a mood, not a movement: the main clause keeps its subject
    ("The unit opened the day at 85.92 and as the market sentiment improved continued to gain through the session and "
     "closed with 40 paise gains at 85.69.", "40 paise", "The unit"),
    # the clause's only value sits in its subject's own phrase: no figure of a movement
    ("The deceleration largely reflects base effects, as higher readings from a year ago drop out of the annual "
     "calculation.", "a year ago", "The deceleration"),
    # the main clause's own figure
    ("Energy stocks climbed on Thursday as Brent crude oil surged to its highest level in four months.", "Thursday",
     "Energy stocks"),
    ("The dollar index dropped sharply to fall below the 97.00-mark as the Israel-Iran ceasefire held on for the "
     "second day, a trader said.", "the second day", "The dollar index"),
])
def test_an_as_clause_of_mood_or_without_a_figure_of_its_own_leaves_the_subject(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and not row["subject_rule"].startswith("as_clause"), (row["subject"], row["subject_rule"])


class _Names:
    """An ``ArticleIndex`` stand-in whose mentions are the given character spans."""

    def __init__(self, spans):
        self.spans = spans

    def mentions_in(self, start, end):
        return [{"start": s, "end": e} for s, e in self.spans if s < end and start < e]


@pytest.mark.parametrize("text, named, value, found", [
    # dev11 477_: the noun's phrase holds a name; "breached" is no movement word
    ("The Australian stock market reached unprecedented heights as the S&P/ASX 200 index breached the 8,900 level for "
     "the first time in its history.", "S&P/ASX 200", "8,900", ("index", "breached")),
    # the same clause with no name in it and no movement: a scene of mood
    ("The Australian stock market reached unprecedented heights as the S&P/ASX 200 index breached the 8,900 level for "
     "the first time in its history.", None, "8,900", None),
    # no finite verb after the noun ("served as chairman until 2020")
    ("The veteran lawyer served as chairman until 2020.", None, "2020", None),
])
def test_an_as_clause_read_as_a_preposition_is_found_by_its_verb(nlp, extractor, text, named, value, found):
    from pipeline.stages.claims.scenes import misparsed_scene

    doc = nlp(text)
    head = next(token for token in doc if token.dep_ == "ROOT")
    spans = [(text.index(named), text.index(named) + len(named))] if named else []
    token = next(token for token in doc if token.text == value)
    result = misparsed_scene(head, [({}, token)], _Names(spans), extractor.rules)
    assert (None if result is None else (result[0].text, result[1].text)) == found


# ----------------------------------------- "per cent" written apart measures what its "of" phrase names (claims round 23)
# The parser heads "80 per cent" with "cent": dev6 373_, since dropped as dev5 349_'s page (Business Standard, 2026-01-01: "80 per cent -- approximately
# ₹1.2 trillion -- of the ₹1.49 trillion capital acquisition ... budget ... had also been utilised") and Business
# Standard's census report (business-standard.com, "16.1 per cent of WHH had a radio or transistor"); the look-alikes
# keep a "per cent" with no "of" phrase, and "%" as before.


@pytest.mark.parametrize("text, value, subject", [
    ("For example, 16.1 per cent of WHH had a radio or transistor; it was 20.3 in MHH.", "16.1 per cent", "WHH"),
    ("Only 2.5 per cent of the households owned a computer or a laptop with internet facilities.",
     "2.5 per cent", "the households"),
])
def test_a_per_cent_written_apart_is_about_what_it_is_of(nlp, extractor, text, value, subject):
    built = build(nlp, extractor, text, quantities=[(value, "percent")])
    row = built.row_with(value)
    assert row["subject"] == subject


@pytest.mark.parametrize("text, value", [
    # no "of" phrase: the figure's own phrase stays
    ("About 27 million households, constituting 11 per cent of the total, were headed by females.", "11 per cent"),
    ("The proportion of male-headed households declined 0.6 per cent in 2011 compared to 2001.", "0.6 per cent"),
])
def test_a_per_cent_that_is_no_subject_leaves_the_subject(nlp, extractor, text, value):
    built = build(nlp, extractor, text, quantities=[(value, "percent")])
    assert "per cent" not in (built.row_with(value)["subject"] or "")


# ---------------------------------- a noun of change an observation verb reports is about what moved (claims round 23)
# dev6 374_ (Trading Economics, 2026-02: "A decline was also seen in prices for used cars and trucks"), bta.bg (BTA,
# 2024-07-08: "An increase of 1.1% was recorded in the mining and quarrying industry") and forexlive.com (2024-02-05:
# "price increases were recorded for capital goods (+2.8%)"); the look-alikes keep a change that names what moved
# itself, a date in the verb's phrase, and a verb of doing.


@pytest.mark.parametrize("text, value, subject", [
    ("A decline was also seen in prices for used cars and trucks (-2% vs 1.6%) while inflation slowed for food.",
     "-2%", "prices"),
    ("An increase of 1.1% was recorded in the mining and quarrying industry, while no change in prices was observed "
     "in manufacturing.", "1.1%", "the mining and quarrying industry"),
    ("Instead, price increases were recorded for capital goods (+2.8%), durable consumer goods (+3.0%), and "
     "non-durable consumer goods (+3.2%).", "+2.8%", "capital goods"),
])
def test_an_observed_change_is_about_what_moved(nlp, extractor, text, value, subject):
    built = build(nlp, extractor, text, quantities=[(value, "percent")])
    row = built.row_with(value)
    assert (row["subject"], row["subject_rule"]) == (subject, "existential")


@pytest.mark.parametrize("text, value", [
    # the change names what moved itself ("decline in prices"): left to the other rules
    ("Specifically, a year-on-year decline in prices was recorded in March for fresh fruit (14.2%).", "14.2%"),
    # a verb of doing: the change is what was made
    ("A cut of 25 basis points was approved in December by the central bank's board.", "25 basis points"),
])
def test_a_change_not_observed_at_a_site_keeps_its_rule(nlp, extractor, text, value):
    built = build(nlp, extractor, text, quantities=[(value, "percent")])
    assert built.row_with(value)["subject_rule"] != "existential"


# ------------------------------------------------ a round count in words measures what its "of" phrase names (claims round 23)
# dev6 377_ (Radar Armenia, 2025-09: "Dozens of people were arrested before the vote") and MENAFN (2025-09-07: "thousands
# of people took to the streets of Washington, DC"); the look-alike: a count with no "of" phrase stays.


@pytest.mark.parametrize("text, value, subject", [
    ("Dozens of people were arrested before the vote on charges of preparing mass unrest.", "Dozens of people",
     "people"),
    ("On Saturday, thousands of people took to the streets of Washington, DC, in one of the largest protests.",
     "thousands of people", "people"),
])
def test_a_round_count_in_words_is_about_what_it_counts(nlp, extractor, text, value, subject):
    built = build(nlp, extractor, text, quantities=[(value, "count")])
    assert built.row_with(value)["subject"] == subject


def test_a_count_in_figures_without_an_of_phrase_stays_the_phrase(nlp, extractor):
    # occasionaldigest.com (Al Jazeera, 2025-09-22)
    text = "More than 8,200 people were evacuated to safety in Cagayan, while 1,220 fled to emergency shelters."
    built = build(nlp, extractor, text, quantities=[("More than 8,200 people", "count")])
    assert built.row_with("More than 8,200 people")["subject"] == "More than 8,200 people"



# Round 24: the description and demonstrative subject rules re-priced on the six dev halves pooled (14/23 and 5/9
# right; wrong at high confidence before: 352_ and 354_ of dev5, 377_ of dev6, 316_ of dev3). A description standing
# for a name given before (208_'s blue-chip index) is named in the row's evidence and priced as configs/claims.toml
# says (the calibration of issue 16 re-derived it on the 15 dev halves: 32/41 right, 0.05); the name in its place
# carries no such evidence and stays above the high line.
@pytest.mark.parametrize("text, value, rule, high", [
    ("The Nasdaq marked a record closing high on Thursday while the blue-chip Dow Jones Industrial Average barely "
     "managed to notch a record close. The blue-chip index's valuation was around its highest level since 2020.",
     "2020", "subject.description", None),
    # look-alike: the same sentence naming the index
    ("The Nasdaq marked a record closing high on Thursday while the blue-chip Dow Jones Industrial Average barely "
     "managed to notch a record close. The Dow Jones Industrial Average's valuation was around its highest level "
     "since 2020.", "2020", None, True),
])
def test_a_description_subject_is_priced_as_configured_and_a_name_is_high(nlp, extractor, text, value, rule, high):
    from pipeline.stages.claims.confidence import HIGH_CONFIDENCE

    _, row = _claim_for(nlp, extractor, text, value)
    evidence = row["confidence_evidence"].split()
    assert rule is None or evidence[0] == rule, evidence
    assert row["confidence"] == _priced(evidence), (row["confidence"], evidence)
    if high is not None:
        assert (row["confidence"] >= HIGH_CONFIDENCE) is high, (row["confidence"], evidence)


def _priced(evidence: list[str]) -> float:
    """The confidence ``[confidence]`` of configs/claims.toml gives a row of this evidence (read here, not from the code)."""
    import tomllib

    from tests.conftest import ROOT

    with open(ROOT / "configs" / "claims.toml", "rb") as handle:
        penalties = tomllib.load(handle)["confidence"]
    return round(max(0.0, 1.0 - sum(penalties.get(name, 0.0) for name in evidence)), 2)


# Round 29: a body of figures that "showed" or "found" a clause is the reporter's evidence; the reported clause's
# subject is the claim's (dev7 398_, UK unemployment: "Official data released Tuesday showed the rate increased";
# dev 206_, China's GDP: "..., official data showed Monday"; below, the same shapes from ABC News via WOKV and The
# New York Times via Joe.My.God. on US consumer prices, 2025-10 and 2025-07, and Reuters on Treasuries, 2025-09,
# short phrases as published; the two tags already read so before this round and guard it)
@pytest.mark.parametrize("text, value, subject", [
    ("Official data released Tuesday showed the rate increased from 4.7% in the previous quarter, AFP reported.",
     "4.7%", "the rate"),
    ("Official data released Tuesday showed the unemployment rate rose to 5%.", "5%", "the unemployment rate"),
    ("Consumer prices rose 3% in September compared to a year ago, government data on Friday showed.", "3%",
     "Consumer prices"),
    ("The Consumer Price Index rose 2.7 percent from a year ago, data released by the Bureau of Labor Statistics "
     "showed on Tuesday.", "2.7 percent", "Consumer Price Index"),
    ("A survey released on Monday found that factory output fell 2% in March.", "2%", "factory output"),
    # Reuters on US Treasuries, 2025-09-25
    ("Further data showed that existing home sales declined in August amid affordability issues.", "August",
     "existing home sales"),
])
def test_data_that_showed_a_clause_reports_it(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert subject in row["subject"] and "data" not in row["subject"].lower() \
        and "survey" not in row["subject"].lower()


@pytest.mark.parametrize("text, value, subject", [
    # a person or a body that found that something holds is its speaker, and the clause's subject is the claim's, since
    # claims round 77 (that_clause: dev14 553_'s judge has "The European Commission has found that ... Google has
    # abused" as Google's claim, as the issue has a reported statement); before it this phrase kept "Analysts"
    ("Analysts found that factory output fell 2% in March.", "2%", "factory output"),
    # a single value showing a noun keeps its words; a body of figures showing one gives way to it since claims round
    # 68 ("The data showed a 2% fall in factory output": factory output, test_claims_shown.py), as dev9 424_'s and
    # dev13 543_ and 550_'s judges have it
    ("The inflation figure showed a 2% fall in factory output in March.", "2%", "The inflation figure"),
])
def test_a_finder_that_is_no_body_of_figures_keeps_its_reading(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject


# Round 29: a nameless "driver", "force" or "winner" a copula equates with a definite phrase only points at it
# (dev3 314_, "The main driver will be countries in the Asia-Pacific region"; dev7 408_, "The driving force behind
# this growth was international travel"; below, Qazinform on US GDP, 2025-12: "The main drivers of growth were
# resilient consumer spending")
@pytest.mark.parametrize("text, value, subject", [
    ("The main driver will be countries in the Asia-Pacific region, which are expected to account for 40% of the "
     "increase.", "40%", "countries"),
    ("In 2025, the driving force behind this growth was international travel.", "2025", "international travel"),
    ("In the third quarter of 2025, the main drivers of growth were resilient consumer spending and exports.",
     "the third quarter of 2025", "resilient consumer spending"),
])
def test_a_pointing_subject_a_copula_equates_is_about_the_complement(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"]) == (subject, "attribute")


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: an indefinite complement classifies, another head keeps its words, and a figure is a value
    ("In 2025, the driving force was a rebound in travel.", "2025", "the driving force"),
    ("In 2025, the rate was the highest level since 2020.", "2020", "the rate"),
    ("Construction was the largest contributor to growth in 2025.", "2025", "Construction"),
])
def test_a_subject_that_points_at_nothing_definite_keeps_its_words(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and row["subject_rule"] != "attribute"


# Round 29: a title's office is the word before its "of" or "for" ("Secretary of State": the secretary); the words
# after it own nothing, so "Trump's tariff policy" is a thing of its own, not Trump (dev7 406_, the conventions'
# "Trump's deadline"), while an office still belongs to its owner ("the country's secretary of state")
@pytest.mark.parametrize("text, value, subject", [
    ("President Donald Trump's erratic tariff policy has so far failed to curb imports in 2025.", "2025",
     "President Donald Trump's erratic tariff policy"),
    # look-alike: an office named by a title still belongs to its owner
    ("Germany's secretary of state arrived in Kyiv on Monday.", "Monday", "Germany"),
])
def test_the_words_after_a_titles_preposition_own_nothing(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject


# Round 30: a line of business and what it ships belong to their company, as its revenues do ("its memory business",
# "its non-memory segment": dev8 413_, Gartner's 2025 chip revenue via Startupbydoc, 2026-01; "The company's gaming
# segment": dev3 317_, Investing.com on Tencent, 2025-11), so a pronoun or a description owning one names the company
@pytest.mark.parametrize("text, value, subject", [
    ("Samsung Electronics retained its position as the world's second-largest chipmaker. While its memory business "
     "grew 13% year-on-year, its non-memory segment declined 8%.", "13%", "Samsung"),
    ("Samsung Electronics retained its position as the world's second-largest chipmaker. While its memory business "
     "grew 13% year-on-year, its non-memory segment declined 8%.", "8%", "Samsung"),
    ("Tencent Holdings delivered strong third-quarter results. The company's gaming segment showed 23% growth.",
     "23%", "Tencent"),
])
def test_an_owned_business_or_segment_is_its_companys(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert subject in row["subject"] and row["subject_rule"] in {"phrase_name", "description"}, row["subject"]


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: a business with no owner keeps its words, and a division stays a thing of its own (dev 215_)
    ("Business activity in the euro zone grew 1.2% in March.", "1.2%", "Business activity"),
    ("Samsung's chip division made an operating profit of 5% in 2025.", "2025", "Samsung's chip division"),
])
def test_an_unowned_business_or_a_division_keeps_its_words(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject


# Round 30: a site's credit opening a paragraph ("Investing.com --") stands where a wire dateline stands: the publisher,
# never the actor (dev3 317_, Investing.com on Tencent, 2025-11; Investing.com on Austria's inflation, 2025-10, short
# phrases as published)
@pytest.mark.parametrize("text, value, subject", [
    ("Investing.com -- Chinese tech giant Tencent Holdings delivered strong third-quarter results with revenue "
     "increasing 15% year-over-year.", "15%", "Tencent"),
    ("Investing.com -- Austria's inflation rate rose in September, according to a flash estimate released by "
     "Statistics Austria on Friday.", "September", "Austria"),
])
def test_a_site_credit_is_no_subject(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert subject in row["subject"] and "Investing" not in row["subject"], row["subject"]


@pytest.mark.parametrize("text, value, subject", [
    # look-alike: the site as a sentence's own subject, with no dash after it, stays the subject
    ("Investing.com launched a new trading app in March 2025.", "March 2025", "Investing.com"),
])
def test_a_site_named_in_a_sentence_keeps_its_place(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert subject in row["subject"], row["subject"]


# Round 30: a unit of measure counted by a figure, with an "of" phrase, says how much of something, as a percentage does:
# the claim is about what was measured (dev8 417_, EcoPolitic on the WWEA's wind figures, 2025: "72.2 GW of capacity
# was added"; Anadolu on Global Energy Monitor's pipeline, 2025: "About 758 gigawatts of capacity worldwide is
# currently under construction")
@pytest.mark.parametrize("text, value, subject", [
    ("In the first half of the year, 72.2 GW of capacity was added worldwide.", "the first half of the year",
     "capacity"),
    ("In China, 25.8 GW of wind power capacity was added in the first half of 2024.", "the first half of 2024",
     "wind power capacity"),
    ("About 758 gigawatts of capacity worldwide is currently under construction, the report said in 2025.", "2025",
     "capacity"),
])
def test_a_counted_unit_is_about_what_it_measures(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: a counted noun that is no unit, and a unit with no "of" phrase, keep their words
    ("In March 2025, three students of the school died.", "March 2025", "three students"),
    ("In the first half of 2025, 72.2 GW were added worldwide.", "the first half of 2025", "72.2 GW"),
])
def test_a_counted_noun_or_a_bare_unit_keeps_its_words(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject


# Round 32: a "from" phrase on goods or fares on the move names where they come from, not their owner (dev9 426_,
# Drewry's container index, 2026: "Spot rates from Shanghai to New York slid 7% to $2,969"; dev9 432_, India's
# January 2026 trade data: "Imports from China in the April-January period rose"; Statista, 2026: "imports from China
# were down"; Business Recorder's Pakistan trade figures in dev8 418_: "Exports from the country ... were recorded")
@pytest.mark.parametrize("text, value, subject", [
    ("Spot rates from Shanghai to New York slid 7% to $2,969.", "7%", "Spot rates"),
    ("Imports from China in the April-January period rose to $108.18 billion.", "$108.18 billion", "Imports"),
    ("Exports from Pakistan during May 2025 were recorded at $2.553 billion.", "$2.553 billion", "Exports"),
])
def test_a_place_goods_come_from_is_not_their_owner(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and row["subject_rule"] == "phrase", (row["subject"], row["subject_rule"])


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: a possessive or an "of" still names the owner (the importer, not where the goods come from); an
    # official from a body is still the body's
    ("China's imports rose 5% in March 2025.", "5%", "China"),
    ("Imports of India rose 9% in January 2026.", "9%", "India"),
    ("An official from the European Commission resigned on Monday.", "Monday", "European Commission"),
])
def test_an_owner_of_goods_still_owns_them(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] is not None and subject in row["subject"], row["subject"]


# Round 32: a bare count as a clause's subject is the subject itself, not a name elsewhere in the clause (dev9 428_,
# the Sensex's last session of 2025: "162 remained unchanged on the BSE"; Financial Express, January 2026: "1,683
# advanced, while 1,448 declined, and 92 remained unchanged")
@pytest.mark.parametrize("text, value, subject", [
    ("A total of 2,799 stocks advanced, while 1,413 declined and 162 remained unchanged on the BSE.", "162", "162"),
    ("During the session, out of 3,223 trading stocks, 1,683 advanced, while 1,448 declined, and 92 remained "
     "unchanged.", "92", "92"),
])
def test_a_bare_count_is_its_own_subject(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and row["subject_rule"] == "phrase", (row["subject"], row["subject_rule"])


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: a year as subject is a date, and a counted noun keeps its words
    ("In March 2025, 99 dengue patients died in Dhaka.", "March 2025", "99 dengue patients"),
    ("Tesla sold 1,200 cars in Norway in March 2025.", "1,200 cars", "Tesla"),
])
def test_a_count_with_a_noun_or_a_name_keeps_its_subject(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] is not None and subject in row["subject"], row["subject"]


# Round 32: a main clause that only rates its nameless subject (a copula with an adjective) frames the figures an
# absolute "with" phrase states about a subject of its own (dev 031_, the 2025 Abu Dhabi Grand Prix: "The
# anticipation could not have been higher ..., with three drivers still in contention"; dev8 413_, Gartner's 2025
# chip revenue: "the momentum remains strong, with AI infrastructure spending projected to cross $1.3 trillion")
@pytest.mark.parametrize("text, value, subject", [
    ("The anticipation could not have been higher ahead of the final race, with three drivers still in contention "
     "to clinch the title for the first time in 15 years.", "15 years", "three drivers"),
    ("The analysts said the momentum remains strong, with infrastructure spending projected to cross $1.3 trillion "
     "in 2026.", "$1.3 trillion", "infrastructure spending"),
])
def test_an_absolute_with_phrase_after_a_rating_states_the_figures(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and row["subject_rule"] == "with_clause", (row["subject"], row["subject_rule"])


@pytest.mark.parametrize("text, value, subject", [
    # look-alikes: a main clause that states an act or a change keeps its subject (dev 219_, the WHO on measles;
    # dev7 398_, the ONS on payrolls), and so does a "with" phrase with no subject of its own
    ("Immunity gaps have fueled a resurgence of outbreaks, with 59 countries experiencing large outbreaks in 2024.",
     "2024", "Immunity gaps"),
    ("The number of people on payroll is falling, with revised tax data showing falls in most of the last 12 months.",
     "the last 12 months", "The number"),
    ("The outlook remains strong, with a 4% rise in orders in 2025.", "4%", "The outlook"),
])
def test_a_with_phrase_after_a_stated_act_leaves_the_subject(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] is not None and row["subject"].startswith(subject), (row["subject"], row["subject_rule"])


# Claims round 39 (issue 16): a nameless description is the entity it describes. Pooled on dev..dev10, the
# subjects kept as descriptions where the judges wanted the name: "The benchmark" (dev5 357_, the Nikkei 225;
# dev10 448_, the Hang Seng Index), a person's standing ("The two-time major winner", dev10 451_; "the founder
# of the National Rally", dev10 453_) and a nationality standing alone ("The Italian", dev10 451_; "The Kenyan",
# dev2 310_). The phrases below are the articles' own or fresh leads' (Caixin on the Hang Seng).
@pytest.mark.parametrize("text, value, name", [
    # ("The benchmark" needs the stock-index rule's PRODUCT mention, which this model-only harness lacks: dev5 357_
    # and dev10 448_ are checked by tests/test_claims_judged.py)
    # dev10 453_ (Le Pen verdict, 2025): the person the paragraph is about, over a nameless subject between
    ("Marine Le Pen is sentenced to four years in prison. The verdict was announced in her absence. According to "
     "the court, the founder of the National Rally cannot run in the presidential election scheduled for 2027.",
     "2027", "Marine Le Pen"),
    # dev10 451_ (Australian Open, Jan 2025): a winner's standing
    ("Jannik Sinner beat Alexander Zverev in the final on Sunday. The two-time major winner has claimed victory in "
     "36 of his past 37 matches.", "36", "Jannik Sinner"),
])
def test_a_nameless_description_is_the_entity_named_before(nlp, extractor, text, value, name):
    built, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"]) == (name, "description")
    assert built.mention_text(row["subject_mention_id"]) == name


@pytest.mark.parametrize("text, value, name", [
    # dev10 451_ (Sinner, Jan 2025): a nationality alone as the subject (dev2 310_'s "The Kenyan, who turns 41 ...,
    # finished 17th" still misses: the parse gives its row no subject token, so the nearest name decides)
    ("Jannik Sinner extended his winning spree on Sunday. The Italian also extended his win streak at the "
     "hard-court majors to 21 matches.", "21 matches", "Jannik Sinner"),
])
def test_a_nationality_alone_as_a_subject_is_the_person_it_describes(nlp, extractor, text, value, name):
    built, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"]) == (name, "description")
    assert built.mention_text(row["subject_mention_id"]) == name


@pytest.mark.parametrize("text, value, kept", [
    # look-alikes: no compatible antecedent, no description rule
    # (dev5 356_: "THE nation will vaccinate ..." opens the article)
    ("The benchmark hit a two-week peak on Friday, boosted by broad sectoral strength.", "two-week", "The benchmark"),
    ("The founder of the company said 40 jobs would go in 2026.", "40 jobs", "The founder"),
    # a plural nationality is a team or a people, not the person named before
    ("Jannik Sinner won in Melbourne on Sunday. The Italians won 12 medals in 2026.", "12 medals", "The Italians"),
])
def test_a_description_with_no_antecedent_of_its_kind_keeps_its_words(nlp, extractor, text, value, kept):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] != "description" and row["subject"] != "Jannik Sinner", row


def test_a_copula_naming_the_winner_is_no_description(nlp, extractor):
    # dev 008_ (German election, 2025): "the biggest winner was the AfD" is named by its copula, not the last person
    text = ("Friedrich Merz will be chancellor. In the recent election, the biggest winner was the right-wing populist "
            "AfD, which won 20.8% of the vote.")
    built = build(nlp, extractor, text, quantities=[("20.8%", "percent")])
    assert not any(r["subject"] == "Friedrich Merz" and "winner" in r["text"] for r in built.rows)


# Round 40 (issue 16): a place compounded on an owned noun only says where the thing is, and the phrase is the subject
# (dev10 448_, RTHK: "Hong Kong stocks wrapped up 2025 with losses"; dev8 412_, The MortgagePoint: "U.S. home prices
# rose an estimated 2.2%"); fresh leads: Trading Economics, February 2026 ("Hong Kong stocks slumped 404 points");
# Quilter, January 2026 ("Average UK house prices rose by 2.5%"); Europe Says on the EIA's weekly data, September 2025
# ("U.S. crude oil production saw a decline")
@pytest.mark.parametrize("text, value, subject", [
    ("Hong Kong stocks slumped 404 points, or 1.5%, to 26,488 in early Friday trade.", "1.5%", "Hong Kong stocks"),
    ("Average UK house prices rose by 2.5% in the year to November.", "2.5%", "Average UK house prices"),
    ("U.S. crude oil production saw a decline, slipping by 308,000 barrels per day.", "308,000 barrels",
     "U.S. crude oil production"),
])
def test_a_place_modifying_an_owned_noun_is_not_its_owner(nlp, extractor, text, value, subject):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and row["subject_rule"] == "place_modifier", (row["subject"], row["subject_rule"])
    assert row["subject_mention_id"] is None


@pytest.mark.parametrize("text, value, subject, rule", [
    # look-alikes: a possessive owns what it qualifies (Kaohoon International on the ONS, December 2025; Devdiscourse,
    # August 2025; dev9 432_ "India's merchandise trade deficit"), and a place heading the phrase is the subject
    # (VnExpress via MP Logistics, October 2025)
    ("Britain's economy expanded by 0.1% in the third quarter of 2025.", "0.1%", "Britain", "phrase_name"),
    ("Britain's economy outpaced expectations by growing 0.3% in the second quarter of 2025.", "0.3%", "Britain",
     "phrase_name"),
    ("In the first seven months of 2025, Vietnam exported 5.5 million tonnes of rice.", "5.5 million tonnes",
     "Vietnam", "name"),
])
def test_a_possessive_or_a_heading_place_is_still_the_subject(nlp, extractor, text, value, subject, rule):
    built, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] is not None and subject in row["subject"] and row["subject_rule"] == rule, (
        row["subject"], row["subject_rule"])


# Round 44 (issue 16): a subject of two coordinated modifiers and their head noun ("food and drink price rises") is the
# whole phrase; the parser reads the second modifier as a verb (or a noun given an object) or joins the first modifier
# to the modified phrase, and the claim was cut to the first word (dev11 472_, Xinhua: "Cholera and mpox outbreaks ...
# have claimed"; dev11 478_, BBC: "food and drink price rises have accelerated"); fresh leads: Medical Dialogues, July
# 2025 ("Cholera and Monkeypox Outbreaks Kill Thousands Across Africa in 2025"); Shropshire Star (PA), July 2025
# ("Surging meat and tea prices sent food price inflation up"). Look-alikes: a coordination inside an "of" or "for"
# phrase (dev11 478_; NAM, October 2025), one the parser reads right (Factually, December 2025), a title before a name
# (dev10 453_).
@pytest.mark.parametrize("text, value, subject, rule", [
    ("UK inflation remained unchanged last month but food and drink price rises have accelerated for the fifth month "
     "in a row, new official figures show.", "fifth month", "food and drink price rises", "coordination"),
    ("Cholera and mpox outbreaks in various parts of Africa have claimed more than 8,000 lives so far in 2025.", "2025",
     "Cholera and mpox outbreaks", "coordination"),
    ("Cholera and monkeypox outbreaks kill thousands across Africa in 2025.", "2025", "Cholera and monkeypox outbreaks",
     "coordination"),
    ("Surging meat and tea prices sent food price inflation up for the sixth consecutive month in July.", "July",
     "Surging meat and tea prices", "coordination"),
    # look-alikes
    ("However, the rate of food and drink inflation rose to 5.1% in August.", "5.1%", "the rate", "phrase"),
    ("Meanwhile, prices for used cars and trucks decreased 0.4% over the month.", "0.4%", "prices", "phrase"),
    ("Energy and food prices followed different trajectories from 2024 into 2025.", "2025", "Energy and food prices",
     "phrase"),
])
def test_coordinated_modifiers_and_their_head_are_one_subject(nlp, extractor, text, value, subject, rule):
    _, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"]) == (subject, rule)
    assert row["subject_mention_id"] is None


def test_a_title_before_a_name_is_no_coordinated_phrase(nlp, extractor):
    # dev10 453_ (Le Pen verdict): "partner and Perpignan mayor" are titles of the name after them
    text = ("Earlier, former Le Pen partner and Perpignan mayor Louis Aliot was sentenced to eighteen months in prison.")
    _, row = _claim_for(nlp, extractor, text, "eighteen months")
    assert row["subject_rule"] != "coordination", row


# Round 50 (issue 16): a bare common noun subject (no article, owner or count) names a kind of thing, never the
# article's topic, and a claim with no value and no named subject makes no row (dev12 500_, US Inflation Calculator,
# February 2026: "Energy costs provided much of the near-term relief"; dev12 495_, FreshFruitPortal: "Year-to-date
# regional import data shows strong growth"; dev10 455_ "sea ice grows"; dev6 375_ "several market heavyweights
# such as Apple and Microsoft fell"; dev5 353_ "Runs flowed"); fresh leads: wichitaliberty.org on January 2026's CPI
# ("Services inflation remains the stubborn component here"), eciks.org, February 2026 ("Housing-related costs ...")
@pytest.mark.parametrize("text, subject", [
    ("The United States reported its inflation figures. Energy costs provided much of the near-term relief, while "
     "longer-running drivers such as shelter continued a gradual slowdown.", None),
    ("North America lagged the other regions. Year-to-date regional import data shows strong growth across all "
     "regions except North America.", None),
    ("The United States reported its inflation figures. Services inflation remains the stubborn component here.",
     None),
    # look-alikes: an actor's kind with its article, and a lone bare noun that may point back to the matter just
    # told (the seeds' 002_: "discussions" are the UK-EU talks), still stand for the topic
    ("Lando Norris won in Mexico City. The McLaren driver delivered a masterful performance to overtake teammate "
     "Oscar Piastri in the standings.", "Lando Norris"),
    ("The UK and the EU have agreed to restart formal talks. Officials on both sides confirmed that discussions "
     "will focus on access to shared defence initiatives.", "UK"),
])
def test_a_bare_generic_subject_never_stands_for_the_topic(nlp, extractor, text, subject):
    second = text.index(". ") + 2
    rows = [r for r in build(nlp, extractor, text).rows if r["start"] >= second]
    assert [r["subject"] for r in rows] == ([subject] if subject else []), rows


@pytest.mark.parametrize("text, topic, generic", [
    ("Typically, sea ice grows and spreads across the Arctic during the dark, cold winter months.",
     {"text": "Arctic"}, True),
    ("Walgreens will become a private entity upon deal close.", {"text": "Walgreens Boots Alliance"}, False),
    ("The title was sealed in style.", {"text": "Liverpool"}, False),
    ("Liverpool fans partied inside and outside Anfield.", {"text": "Liverpool"}, True),
    ("Runs flowed from the bats of Sanju Samson and Ishan Kishan.", {"text": "ICC T20 World Cup"}, False),
])
def test_generic_phrase(nlp, text, topic, generic):
    from pipeline.stages.claims.nameless import generic_phrase

    doc = nlp(text)
    subject = next(t for t in doc if t.dep_ in {"nsubj", "nsubjpass"})
    assert generic_phrase(subject, topic) is generic


# Round 50 (issue 16): a subject noun the parser made the sentence's root, with the clause's finite verb hung on it
# as a modifier, is the stated subject: its own words, never the nearest name (dev12 501_, Channels TV, February 2026:
# "The findings, published to coincide with World Cancer Day on February 4, 2026, draw on a Nature Medicine study";
# dev10 449_: "The announcement by the Malawi Electoral Commission (MEC) on Wednesday evening marks Mutharika's return")
@pytest.mark.parametrize("text, value, subject", [
    ("The findings, published to coincide with World Cancer Day on February 4, 2026, draw on a Nature Medicine "
     "study that analysed data from 185 countries and 36 cancer types.", "185 countries", "The findings"),
    ("The announcement by the Malawi Electoral Commission (MEC) on Wednesday evening marks Mutharika's return to "
     "the presidency.", "Wednesday evening", "The announcement"),
])
def test_a_subject_the_parser_made_the_root_keeps_its_words(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and row["subject_rule"] == "noun_root", (row["subject"], row["subject_rule"])
    assert row["subject_mention_id"] is None


@pytest.mark.parametrize("text, value", [
    # look-alikes: a root noun whose verb has a subject of its own, or no finite verb at all (a headline), is left
    # to the other rules (AP, "Nvidia's revenue ... rose"; Reuters-style headline "Copper near $13,000 record")
    ("Nvidia's revenue, which rose 62% in the quarter, beat estimates.", "62%"),
    ("Copper near $13,000 record on Monday as US stockpiles grow.", "$13,000"),
])
def test_a_root_noun_with_no_misread_verb_is_not_noun_root(nlp, extractor, text, value):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] != "noun_root", row
# ------------------------------------------- a speech verb that takes a figure states its own fact (claims round 52)


@pytest.mark.parametrize("text, quantities, rows", [
    # "add" as a market verb: the second conjunct is the Topix's own row (dev12 504_, ts2.tech, January 2026)
    ("The Nikkei rose 1.32% to 52,518.08 and the Topix added 1.75% to 3,538.44.",
     [("1.32%", "percent"), ("52,518.08", "count"), ("1.75%", "percent"), ("3,538.44", "count")],
     [["1.32%", "52,518.08"], ["1.75%", "3,538.44"]]),
    ("The benchmark index fell 0.5% to 4,210 and the broader index added 120 points.",
     [("0.5%", "percent"), ("4,210", "count"), ("120 points", "count")],
     [["0.5%", "4,210"], ["120 points"]]),
])
def test_a_speech_verb_taking_a_figure_is_no_attribution_tag(nlp, extractor, text, quantities, rows):
    built = build(nlp, extractor, text, quantities=quantities)
    assert [sorted(row["quantity_ids"]) for row in built.rows] == [
        sorted(built.value_id(v) for v in values) for values in rows]
    assert all(not row["speaker"] for row in built.rows)


@pytest.mark.parametrize("text, value, speaker", [
    # look-alikes: a tag with no figure of its own still reports the clause it hangs on
    ("The United Kingdom will spend 2.5% of GDP on defence, Keir Starmer added.", "2.5%", "Keir Starmer"),
    ("The United Kingdom will spend 2.5% of GDP on defence, Keir Starmer said Dec. 5.", "2.5%", "Keir Starmer"),
    ("NATO will need 40 new brigades by 2030, Mark Rutte added on Thursday.", "40 new brigades", "Mark Rutte"),
])
def test_a_speech_verb_with_no_figure_object_stays_a_tag(nlp, extractor, text, value, speaker):
    kind = "percent" if "%" in value else "count"
    built = build(nlp, extractor, text, quantities=[(value, kind)])
    assert len(built.rows) == 1 and built.row_with(value)["speaker"] == speaker


# ------------------------------------------------- claims round 54: a reported "it"/"they" continues its reporter


@pytest.mark.parametrize("text, dates, quantities, clause, subject", [
    # dev6 383_ (AFP, Feb 2026): the dateline's city is not the court that said it had sentenced
    ("Beijing, Feb 2 (AFP) A court in China said on Monday it had sentenced a former justice minister to life in "
     "prison after finding him guilty of accepting bribes totalling almost $20 million over more than a decade.",
     ["Monday", "more than a decade"], [("almost $20 million", "money")], "A court in China said", "A court"),
    # dev8 410_ (Sept 2025): the lawyers appeal, not the Supreme Court an earlier sentence named
    ("Brazil ex-President, Jair Bolsonaro, has been sentenced to 27 years and three months in prison after a "
     "Supreme Court panel convicted him of attempting a coup. The 70-year-old former president, who is currently "
     "under house arrest, has denied any wrongdoing. His lawyers have announced that they will appeal the verdict "
     "to the full Supreme Court of 11 justices.",
     ["27 years and three months"], [("11 justices", "count")], "His lawyers", "His lawyers"),
], ids=["383-court-said-it", "410-lawyers-announced-they"])
def test_a_reported_pronoun_continues_its_nameless_reporter(nlp, extractor, text, dates, quantities, clause, subject):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    row = next(r for r in built.rows if r["text"].startswith(clause))
    assert (row["subject"], row["subject_rule"], row["subject_mention_id"]) == (subject, "pronoun", None)


@pytest.mark.parametrize("text, dates, quantities, clause, subject", [
    # UOKiK (grcreport.com, Feb 2026): a named reporter is its own antecedent
    ("According to Poland's consumer watchdog, that promise quietly broke down for thousands of Orange Polska "
     "customers. On 4 February 2026, Poland's Office of Competition and Consumer Protection (UOKiK) announced that "
     "it had fined Orange Polska roughly $8.5 million (PLN 34,030,000) for unlawfully charging fees to pre-paid "
     "customers who were deemed inactive.",
     ["4 February 2026"], [("roughly $8.5 million", "money")], "On 4 February 2026",
     "Office of Competition and Consumer Protection"),
    # GMA Network (Aug 2025): so is a named committee
    ("The House Committee on Appropriations on Monday said it has established a subcommittee to review budget "
     "amendments, with the stated aim of ensuring transparency.",
     ["Monday"], [], "The House Committee", "The House Committee on Appropriations"),
    # AP (Sept 2025): a reporter a name owns or apposes is left to the name rules
    ("A high court in Congo on Tuesday sentenced a former justice minister to three years in prison after "
     "convicting him of embezzling $19 million in public funds intended to finance a prison project in the country. "
     "Mutamba's lawyer, Joel Kitenge, condemned the decision and suggested that it was flawed.",
     ["Tuesday", "three years"], [("$19 million", "money")], "Mutamba's lawyer", "Joel Kitenge"),
], ids=["uokik-named-reporter", "gma-named-committee", "congo-named-lawyer"])
def test_a_reported_pronoun_after_a_named_reporter_is_left_alone(nlp, extractor, text, dates, quantities, clause,
                                                                 subject):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    row = next(r for r in built.rows if r["text"].startswith(clause))
    assert row["subject"] == subject
    assert row["subject_rule"] != "pronoun" or row["subject_mention_id"] is not None


# Round 57 (issue 16): a subject phrase the parser cut at a bracket inside it, reading the words before the bracket
# as a second subject of the same verb, keeps its whole words (``bracket_phrase``): dev8 419_ (BEA, "The personal
# consumption expenditures (PCE) price index increased by 2.1 percent"), dev 209_ (Ftse 100 close): dev sentences,
# since the fresh 2025 copies found (uCapital's and FX.co's PCE releases) capitalise the words before the bracket,
# which the entity stage takes as one name ("The US Personal Consumption Expenditures"), another class (issue 18).
@pytest.mark.parametrize("text, value, subject", [
    ("The personal consumption expenditures (PCE) price index increased by 2.1 percent.", "2.1 percent",
     "The personal consumption expenditures (PCE) price index"),
    ("The Ftse ( Financial Times Stock Exchange) 100 stock market index has closed above 10,000 points for the "
     "first time on record.", "10,000 points", "The Ftse ( Financial Times Stock Exchange) 100 stock market index"),
])
def test_a_subject_phrase_cut_at_a_bracket_keeps_its_words(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject and row["subject_rule"] == "bracket_phrase", (row["subject"], row["subject_rule"])
    assert row["subject_mention_id"] is None


@pytest.mark.parametrize("text, value", [
    # look-alikes: a bracket after the head ("Real gross domestic product (GDP) in the United States grew", dev8
    # 419_), a bracket after each of two joined subjects (dev2 306_), and an acronym after the head (aznews.biz,
    # August PMI report: "The Purchasing Managers' Index (PMI) has risen to 47.2%")
    ("Real gross domestic product (GDP) in the United States grew at an annual rate of 3.8 percent.", "3.8 percent"),
    ("Texas (11.6 GW) and California (2.9 GW) will account for almost half of the new installations.", "11.6 GW"),
    ("The Purchasing Managers' Index (PMI) has risen to 47.2% in August.", "47.2%"),
])
def test_a_bracket_after_the_head_is_no_cut_phrase(nlp, extractor, text, value):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] != "bracket_phrase", row


# Round 57 (issue 16): a bare owned noun heading a clause joined ("but", "even though") to a clause whose subject is a
# name is that name's measure (``clause_owner``, the name's mention kept): dev5 358_ (Wolf Street, US auto sales 2025)
# and dev5 359_ (global auto sales 2025), dev sentences; ien.com's Q3 2020 auto results (older copy, same shape).
def _clause_row(nlp, extractor, text: str, values: list[tuple[str, str]], value: str) -> dict:
    """Build ``text`` with its figures (text, kind), so that its clauses are cut as in the article; ``value``'s row."""
    return build(nlp, extractor, text, quantities=values).row_with(value)


@pytest.mark.parametrize("text, values, value, subject", [
    ("Honda also eked out a gain for the year, but sales were still down 13% from the peak in 2017.", [("13%", "percent")], "13%",
     "Honda"),
    ("Looking at country-level statistics, Italy held onto 10th place among the largest markets with 1.714 million "
     "cars sold, even though volume dipped by 2.4%.", [("1.714 million cars", "count"), ("2.4%", "percent")], "2.4%",
     "Italy"),
    ("Fiat Chrysler posted a 10.2% drop in sales, but profits surged by 26% to $3 billion.",
     [("10.2%", "percent"), ("26%", "percent"), ("$3 billion", "money")], "26%", "Fiat Chrysler"),
])
def test_a_bare_owned_noun_joined_to_a_named_clause_is_the_names(nlp, extractor, text, values, value, subject):
    row = _clause_row(nlp, extractor, text, values, value)
    assert row["subject"] == subject and row["subject_rule"] == "clause_owner", (row["subject"], row["subject_rule"])
    assert row["subject_mention_id"] is not None


@pytest.mark.parametrize("text, values, value, subject", [
    # look-alikes: the main clause's subject names nothing (dev4 328_, dev10 447_), the noun stands alone (dev 215_),
    # and a noun that is nobody's measure (rain) after a named clause
    ("Exports decreased 1.2 percent from the April-June period while imports were down 0.1 percent.",
     [("1.2 percent", "percent"), ("0.1 percent", "percent")], "0.1 percent", "imports"),
    ("The trade surplus with the United States shrank 50.5 percent to 324 billion yen, while imports grew 11.6 "
     "percent to 1.06 trillion yen.", [("50.5 percent", "percent"), ("324 billion yen", "money"),
                                       ("11.6 percent", "percent"), ("1.06 trillion yen", "money")], "11.6 percent",
     "imports"),
    ("Revenue rose 22.7 percent to 93 trillion won, also an all-time quarterly high.",
     [("22.7 percent", "percent"), ("93 trillion won", "money")], "22.7 percent", "Revenue"),
    ("Italy won the first set 6-4, but rain delayed the second by 90 minutes.", [("90 minutes", "count")],
     "90 minutes", "rain"),
])
def test_a_bare_noun_with_no_named_clause_keeps_its_words(nlp, extractor, text, values, value, subject):
    row = _clause_row(nlp, extractor, text, values, value)
    assert row["subject_rule"] != "clause_owner" and row["subject"] == subject, (row["subject"], row["subject_rule"])
