"""Tests of the segment stage core: articles, paragraphs, sentences, boilerplate, dates."""
from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.core.ids import stable_id
from pipeline.core.schema import SCHEMAS, to_arrow
from pipeline.stages.segment import (
    BLANK_CHARS,
    Segmenter,
    SegmentConfigError,
    SourceMetadata,
    compile_config,
    parse_date_line,
    segment_source,
)

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
GOLD = ROOT / "tests" / "gold"
DOCUMENT_KEYS = {"doc_id", "source", "start", "end", "title", "published", "published_from",
                 "published_precision", "published_evidence", "article"}


@pytest.fixture(scope="module")
def lexicon() -> dict:
    with (ROOT / "configs" / "segment.toml").open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def cfg(lexicon):
    return compile_config(lexicon)


def raw_text(prefix: str) -> tuple[str, str]:
    path = next(RAW.glob(f"{prefix}_*.txt"))
    return path.name, path.read_text(encoding="utf-8")


def segment(text: str, lexicon: dict, **kwargs):
    return segment_source(text, source=kwargs.pop("source", "test.txt"), lexicon=lexicon, **kwargs)


def texts(sentences: list[dict]) -> list[str]:
    return [s["text"] for s in sentences]


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


def check_invariants(text: str, documents: list[dict], sentences: list[dict]) -> None:
    """The span contract: exact slices, sentences inside their article, articles ordered,
    every non-blank character in exactly one sentence, no blank at a sentence's edges."""
    by_doc = {d["doc_id"]: d for d in documents}
    previous_end = -1
    for index, doc in enumerate(documents):
        assert doc["article"] == index
        assert previous_end <= doc["start"] < doc["end"] <= len(text)
        assert text[doc["start"]] not in BLANK_CHARS and text[doc["end"] - 1] not in BLANK_CHARS
        assert not text[previous_end if previous_end >= 0 else 0:doc["start"]].strip(BLANK_CHARS)
        previous_end = doc["end"]
    assert not text[max(previous_end, 0):].strip(BLANK_CHARS)
    covered = [0] * len(text)
    last = None
    for sentence in sentences:
        assert sentence["text"] == text[sentence["start"]:sentence["end"]]
        doc = by_doc[sentence["doc_id"]]
        assert doc["start"] <= sentence["start"] < sentence["end"] <= doc["end"]
        assert sentence["text"][0] not in BLANK_CHARS and sentence["text"][-1] not in BLANK_CHARS
        assert last is None or last <= sentence["start"]
        last = sentence["end"]
        for i in range(sentence["start"], sentence["end"]):
            covered[i] += 1
    for i, char in enumerate(text):
        if char in BLANK_CHARS:
            assert covered[i] <= 1, (i, char)
        else:
            assert covered[i] == 1, (i, char)


# --------------------------------------------------------------------------- sentences

@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith went to Washington. He arrived on Monday.",
     ["Mr. Smith went to Washington.", "He arrived on Monday."]),
    ("The U.S. President spoke first. The U.K. King listened.",
     ["The U.S. President spoke first.", "The U.K. King listened."]),
    ("“It cannot be reliance on America. It can’t just be U.S. capabilities,” he said.",
     ["“It cannot be reliance on America.", "It can’t just be U.S. capabilities,” he said."]),
    ("Troops stayed in the U.S. The move was planned for weeks.",
     ["Troops stayed in the U.S.", "The move was planned for weeks."]),
    ("J. R. R. Tolkien wrote it. Dr. Who? No.", ["J. R. R. Tolkien wrote it.", "Dr. Who?", "No."]),
    ("Gen. Mark Milley and St. Petersburg officials met. No. 10 said nothing.",
     ["Gen. Mark Milley and St. Petersburg officials met.", "No. 10 said nothing."]),
    ("Shapps posted on X. “But the UK led from the front,” he wrote.",
     ["Shapps posted on X.", "“But the UK led from the front,” he wrote."]),
    ("“Putin is the president of war,” said Petrov. “He has no interest in ending it.”",
     ["“Putin is the president of war,” said Petrov.", "“He has no interest in ending it.”"]),
    ("Prices rose 2.4% in May. The bank paid $3.5 million.",
     ["Prices rose 2.4% in May.", "The bank paid $3.5 million."]),
    ("See e.g. the annex. It lists i.e. every member.", ["See e.g. the annex.", "It lists i.e. every member."]),
    ("Yahoo! announced results. Shares fell.", ["Yahoo! announced results.", "Shares fell."]),
    ("We must innovate … there’s no point waiting. Wait... what? Yes.",
     ["We must innovate … there’s no point waiting.", "Wait... what?", "Yes."]),
    ("He left (in 2020.) Then he came back.", ["He left (in 2020.)", "Then he came back."]),
    ("It is under Article 41(2) of the Treaty on European Union. SAFE would offer loans.",
     ["It is under Article 41(2) of the Treaty on European Union.", "SAFE would offer loans."]),
    ("Results are in the annex (see p. 4). They are clear!", ["Results are in the annex (see p. 4).", "They are clear!"]),
    # a bracket opening on a digit after "a.m." goes on with the sentence (wire copy's local time and GMT)
    ("The blast occurred at 10:35 a.m. (0735 GMT) Friday, toppling a building.",
     ["The blast occurred at 10:35 a.m. (0735 GMT) Friday, toppling a building."]),
    ("The talks ended at 5 p.m. (The minister left early.)", ["The talks ended at 5 p.m.", "(The minister left early.)"]),
])
def test_sentence_splits(lexicon, text, expected):
    documents, sentences = segment(text, lexicon)
    assert texts(sentences) == expected
    check_invariants(text, documents, sentences)


def test_sentences_follow_hard_wrapped_lines(lexicon):
    paragraphs = [
        "Hegseth insisted that every ally had to do its part in the continent’s defense. "
        "“It cannot and will not be reliance on America. It can’t just be U.S. capabilities,” he said.",
        "The ministers at Thursday’s meeting are widely expected to agree on updated capability "
        "targets and to pave the way for a deal later this month on a new spending target.",
        "Bolstering the innovation pipeline",
        "A major hurdle for defense firms is navigating the valley of death. Businesses need support.",
    ]
    text = "\n".join(textwrap.fill(p, width=60) for p in paragraphs)
    documents, sentences = segment(text, lexicon)
    check_invariants(text, documents, sentences)
    got = [(re.sub(r"\s+", " ", s["text"]), s["paragraph"]) for s in sentences]
    assert got == [
        ("Hegseth insisted that every ally had to do its part in the continent’s defense.", 0),
        ("“It cannot and will not be reliance on America.", 0),
        ("It can’t just be U.S. capabilities,” he said.", 0),
        (paragraphs[1], 1),
        ("Bolstering the innovation pipeline", 2),
        ("A major hurdle for defense firms is navigating the valley of death.", 3),
        ("Businesses need support.", 3),
    ]
    # the wrapped sentence keeps its line breaks: spans are never normalised
    assert any("\n" in s["text"] for s in sentences)


def test_wrapped_line_ending_in_abbreviation_that_fits_ends_the_paragraph(lexicon):
    paragraphs = [
        "Leaders held a call on Saturday morning with the allies of Ukraine, NATO, the EU and the "
        "European Council but not the U.S.",
        "Starmer, with French President Emmanuel Macron, is pulling together a coalition of the "
        "willing to protect Ukraine after any peace deal is signed by both of the warring sides.",
        "Major questions remain about what that will look like if a deal is signed without aerial "
        "intelligence and air cover from the United States.",
    ]
    text = "\n".join(textwrap.fill(p, width=60) for p in paragraphs)
    documents, sentences = segment(text, lexicon)
    assert [s["paragraph"] for s in sentences] == [0, 1, 2]
    assert sentences[0]["text"].endswith("U.S.")


def test_a_short_wrapped_text_still_joins_its_lines(lexicon):
    text = "The minister said the\nplan would go ahead next week.\nCritics disagreed.\nwww.example.org\nsee above"
    _, sentences = segment(text, lexicon)
    assert texts(sentences) == ["The minister said the\nplan would go ahead next week.", "Critics disagreed.",
                                "www.example.org", "see above"]


def test_unwrapped_lines_are_paragraphs_and_bullets_their_own(lexicon):
    name, text = raw_text("001")
    documents, sentences = segment(text, lexicon, source=name)
    bullets = [s for s in sentences if s["text"].startswith("- ")]
    assert len(bullets) == 10
    assert len({s["paragraph"] for s in bullets}) == 10
    assert texts(sentences)[0] == "Security and Defence: EU and UK conclude a Security and Defence Partnership"


# --------------------------------------------------------------------------- boilerplate

BODY_BEFORE = "Officials met in Brussels on Monday to discuss the plan for a new defence fund."
BODY_AFTER = "The talks will continue next week, officials said after the meeting ended."


@pytest.mark.parametrize("line, reason", [
    ("Leave a Reply", "site_chrome"),
    ("Leave a comment", "site_chrome"),
    ("Your email address will not be published.", "site_chrome"),
    ("Share this article", "site_chrome"),
    ("Share on Facebook", "site_chrome"),
    ("Advertisement", "site_chrome"),
    ("1 min read", "read_time"),
    ("12 minute read", "read_time"),
    ("by", "byline"),
    ("By John Smith", "byline"),
    ("By Jane Doe and Ahmed Ali, Reuters", "byline"),
    ("Tag - UK defense", "tag_header"),
    ("Tags: Defence, NATO, Ukraine", "tag_header"),
    ("Noah Keate and Matt Honeycombe-Foster contributed reporting from London.", "credit_line"),
    ("First published in Columbia Missourian, June 4, 2025 | By John Darkow", "credit_line"),
    ("Reporting by Andrew Gray; Editing by Alex Richardson", "credit_line"),
    ("Photo: Reuters", "photo_credit"),
    ("This work is licensed under CC BY 4.0", "licence"),
    ("© 2025 POLITICO LLC", "licence"),
    ("All rights reserved.", "licence"),
    ("ISSN (Print) 1861-1761", "issn"),
    ("DOI: 10.18449/2025C29", "issn"),
    ("Telephone +49 30 880 07-0", "footer_address"),
    ("swp@swp-berlin.org", "footer_address"),
    ("www.swp-berlin.org", "footer_address"),
    ("Sunday, February 01, 2026", "dateline_date"),
    ("Published: 3 March 2025", "dateline_date"),
    # look-alikes that are text
    ("By contrast, officials were upbeat about the deal.", None),
    ("By Thursday the talks had collapsed.", None),
    ("Share prices fell 3 percent on Monday.", None),
    ("He said he would leave a reply to the letter later.", None),
    ("The tag line - a slogan - was dropped.", None),
    ("She contributed reporting to the award-winning series.", None),
    ("Copyright law is changing across the EU.", None),
    ("Telephone calls between the leaders resumed.", None),
    ("Sunday, February 01, 2026 was a cold day in Brussels.", None),
    ("1 million people read it.", None),
    ("Comments from the minister were welcome.", None),
    ("Home Secretary Yvette Cooper said the plan was sound.", None),
    ("The ISSN of the journal changed in 2020.", None),
])
def test_boilerplate_lines(lexicon, line, reason):
    text = f"{BODY_BEFORE}\n{line}\n{BODY_AFTER}"
    documents, sentences = segment(text, lexicon)
    assert texts(sentences) == [BODY_BEFORE, line, BODY_AFTER]
    assert [s["boilerplate_reason"] for s in sentences] == [None, reason, None]
    assert [s["boilerplate"] for s in sentences] == [False, reason is not None, False]


def test_cookie_notice_paragraph_is_chrome(lexicon):
    text = f"{BODY_BEFORE}\n\nWe use cookies to improve your experience. By continuing you agree.\n\n{BODY_AFTER}"
    _, sentences = segment(text, lexicon)
    assert [s["boilerplate_reason"] for s in sentences] == [None, "site_chrome", "site_chrome", None]


def test_imprint_footer_of_003(lexicon):
    name, text = raw_text("003")
    documents, sentences = segment(text, lexicon, source=name)
    assert len(documents) == 1
    footer = [s for s in sentences if line_of(text, s["start"]) >= 42]
    body = [s for s in sentences if line_of(text, s["start"]) < 42]
    assert footer and all(s["boilerplate"] for s in footer)
    assert not any(s["boilerplate"] for s in body)
    reasons = {s["text"]: s["boilerplate_reason"] for s in footer}
    assert reasons["This work is licensed under CC BY 4.0"] == "licence"
    assert reasons["ISSN (Online) 2747-5107"] == "issn"
    assert reasons["Ludwigkirchplatz 3–4"] == "footer_address"
    assert reasons["Stiftung Wissenschaft und Politik"] == "footer_address"


def test_short_lines_without_footer_hits_are_not_a_footer(lexicon):
    text = f"{BODY_BEFORE} {BODY_AFTER}\n\nConclusion\n\nEurope\nNATO"
    _, sentences = segment(text, lexicon)
    assert not any(s["boilerplate"] for s in sentences)


def test_pull_quotes_of_004(lexicon):
    name, text = raw_text("004")
    _, sentences = segment(text, lexicon, source=name)
    pulled = [s for s in sentences if s["boilerplate_reason"] == "pull_quote"]
    assert [line_of(text, s["start"]) for s in pulled] == [105, 156]
    # the text they repeat stays content
    original = next(s for s in sentences if s["text"].startswith("“We’ve got to innovate"))
    assert not original["boilerplate"]


@pytest.mark.parametrize("quote, flagged", [
    ("> We have to keep pushing forward and preparing for peace, and a peace that will last.", True),
    ("> Markets in Asia opened lower on Tuesday as traders waited for the central bank decision.", False),
])
def test_marked_quote_is_pull_quote_only_when_it_repeats(lexicon, quote, flagged):
    body = ("Starmer said allies should be prepared to defend any deal themselves. “We have to keep pushing "
            "forward and preparing for peace, and a peace that will be secure and that will last,” he said.")
    text = f"{body}\n{quote}\n{BODY_AFTER}"
    _, sentences = segment(text, lexicon)
    quoted = [s for s in sentences if s["text"].startswith(">")]
    assert quoted and all(s["boilerplate"] is flagged for s in quoted)


def test_repeated_paragraph_without_marker_flags_the_later_copy(lexicon):
    repeated = "The alliance will hold a summit in The Hague next month to agree on a new spending target."
    text = f"{repeated}\n{BODY_BEFORE}\n{repeated}\n{BODY_AFTER}"
    _, sentences = segment(text, lexicon)
    assert [s["boilerplate_reason"] for s in sentences] == [None, None, "pull_quote", None]


# --------------------------------------------------------------------------- picture captions

D019_CAPTION = ("Ukrainian President Volodymyr Zelensky arrives for a meeting with French President Emmanuel Macron "
                "at the Élysée Palace in Paris, France, 3 September 2025.")


@pytest.mark.parametrize("line, reasons", [
    # credits on a line of their own
    ("(Photo by Ludovic Marin / AFP via Getty Images)", ["photo_credit"]),
    ("Image Credit: Getty Images", ["photo_credit"]),
    ("Credit: Ludovic Marin/AFP via Getty Images", ["photo_credit"]),
    ("[Photo: AFP]", ["photo_credit"]),
    ("REUTERS/Gleb Garanich", ["photo_credit"]),
    ("Getty Images", ["photo_credit"]),
    # captions that end with their credit (the first line is verbatim from an unseen news page)
    (f"{D019_CAPTION} Photo: EPA/TERESA SUAREZ / POOL", ["caption", "photo_credit"]),
    ("Ukrainian servicemen fire a howitzer near Bakhmut. Photo: EPA", ["caption", "photo_credit"]),
    ("President Zelensky speaks at a news conference in Kyiv, Ukraine, May 5, 2025. (Reuters/John Smith)",
     ["caption", "photo_credit"]),
    ("A view shows the European Commission headquarters in Brussels, Belgium, May 5, 2025. "
     "REUTERS/Yves Herman/File Photo", ["caption", "photo_credit"]),
    ("Leaders pose for a family photo at the NATO summit in The Hague | John Thys/AFP via Getty Images", ["caption"]),
    ("Ukrainian soldiers fire at Russian positions near Pokrovsk (AP Photo/Efrem Lukatsky)", ["caption"]),
    ("FILE PHOTO: Ukrainian servicemen fire a howitzer near Bakhmut, Ukraine, March 3, 2023.", ["caption"]),
    # look-alikes: news text that mentions a picture, an agency or credit
    ("The photo shows Zelensky meeting Macron in Paris on Wednesday.", [None]),
    ("He was photographed by AFP outside the summit venue.", [None]),
    ("Reuters reported that the talks had collapsed on Monday.", [None]),
    ("(Reuters) – Ukraine will host a meeting of leaders on Saturday, President Volodymyr Zelenskiy said.", [None]),
    ("The Hague, Nov 4, 2025 (AFP)", [None]),
    ("A Reuters/Ipsos poll found that 60% of Americans oppose the tariffs.", [None]),
    ("Reuters/Ipsos Poll Finds Most Americans Oppose New Tariffs", [None]),
    ("The agency, Getty Images, declined to comment on the case.", [None]),
    ("Credit: the squeeze on lending has hurt small firms across the euro zone.", [None]),
    ("EU and NATO officials (EU/NATO) met in Brussels on Monday.", [None]),
    ("Trump says NATO is dead | Reuters", [None]),
    ("Officials said the picture was clear. Analysts credited the reforms (and the weather).", [None, None]),
])
def test_photo_credits_and_captions(lexicon, line, reasons):
    text = f"{BODY_BEFORE}\n{line}\n{BODY_AFTER}"
    _, sentences = segment(text, lexicon)
    assert [s["boilerplate_reason"] for s in sentences] == [None, *reasons, None]
    assert " ".join(texts(sentences)[1:-1]) == line


def test_credit_line_does_not_make_the_paragraph_above_a_caption(lexicon):
    """Only a credit on the same line marks a caption: the paragraph above a credit line may be the story."""
    text = "\n".join([PARAS_A[0], PARAS_A[1], "Photo: John Thys/AFP via Getty Images", PARAS_A[2]])
    _, sentences = segment(text, lexicon)
    assert [s["boilerplate_reason"] for s in sentences] == [None, None, "photo_credit", None]


CAPTION = ("Military chiefs from about 30 countries arrive for talks at the Northwood headquarters near London, "
           "March 2, 2025. REUTERS/Toby Melville")


def test_caption_between_headline_and_dateline_is_head(lexicon):
    """A picture under the headline does not hide the dateline's date."""
    text = f"Allies Plan Peacekeeping Talks\n\n{CAPTION}\n\nLONDON, March 3, 2025 (Reuters) - " + "\n\n".join(PARAS_B)
    documents, sentences = segment(text, lexicon)
    assert (documents[0]["title"], documents[0]["published"]) == ("Allies Plan Peacekeeping Talks", dt.date(2025, 3, 3))
    assert [s["boilerplate_reason"] for s in sentences][:3] == [None, "caption", "photo_credit"]


def test_caption_above_a_dateline_opens_the_next_article(lexicon):
    text = "\n".join(PARAS_A) + f"\n{CAPTION}\nLONDON — " + "\n".join(PARAS_B)
    documents, sentences = segment(text, lexicon)
    assert starts_of(text, documents) == ["The European Commission’", CAPTION[:24]]
    check_invariants(text, documents, sentences)


# --------------------------------------------------------------------------- author bios

BIO_TITLE = "Europe Must Finally Pay for Its Own Defence"
D001_OPENING = ("Mark Leonard is the director and co-founder of the European Council on Foreign Relations (ECFR) and "
                "author of “Surviving Chaos: Geopolitics when the Rules Fail” (Polity Press April 2026). The "
                "international liberal order is ending. In fact, it may already be dead.")
D001_BIO = D001_OPENING.split(" The international")[0]
BIO = "Jane Doe is a senior policy fellow at the European Council on Foreign Relations."
SOURCE_BIO = "Nikolai Petrov is a senior analyst at the New Eurasian Strategies Center."


@pytest.mark.parametrize("paragraphs, flagged", [
    # an opinion page's bio opening the first paragraph (verbatim from an unseen page): only the bio goes
    ([BIO_TITLE, D001_OPENING, BODY_AFTER], [(D001_BIO, "author_bio")]),
    ([BIO_TITLE, BIO, BODY_BEFORE, BODY_AFTER], [(BIO, "author_bio")]),
    # bios closing the article
    ([BIO_TITLE, BODY_BEFORE, BODY_AFTER, BIO], [(BIO, "author_bio")]),
    ([BIO_TITLE, BODY_BEFORE, BODY_AFTER,
      "John Smith is a reporter for Reuters covering European defence. He previously worked for the Financial Times."],
     [("John Smith is a reporter for Reuters covering European defence.", "author_bio"),
      ("He previously worked for the Financial Times.", "author_bio")]),
    ([BIO_TITLE, BODY_BEFORE, BODY_AFTER, BIO, "Dr John Smith is Head of the Europe Programme at Chatham House."],
     [(BIO, "author_bio"), ("Dr John Smith is Head of the Europe Programme at Chatham House.", "author_bio")]),
    ([BIO_TITLE, BODY_BEFORE, BODY_AFTER, "Jane Doe covers EU affairs for POLITICO Europe."],
     [("Jane Doe covers EU affairs for POLITICO Europe.", "author_bio")]),
    ([BIO_TITLE, BODY_BEFORE, BODY_AFTER, "The author is a professor of politics at King’s College London."],
     [("The author is a professor of politics at King’s College London.", "author_bio")]),
    # boilerplate after the bio is skipped
    ([BIO_TITLE, BODY_BEFORE, BODY_AFTER, BIO, "© 2025 POLITICO LLC"], [(BIO, "author_bio"), ("© 2025 POLITICO LLC", "licence")]),
    # under an "About the author" heading any short paragraph is the bio; the label may also lead it
    ([BIO_TITLE, BODY_BEFORE, BODY_AFTER, "About the author", "Jane Doe has written about Russia for twenty years."],
     [("About the author", "author_bio"), ("Jane Doe has written about Russia for twenty years.", "author_bio")]),
    ([BIO_TITLE, BODY_BEFORE, BODY_AFTER, "About the author: Jane Doe has written about Russia for twenty years."],
     [("About the author: Jane Doe has written about Russia for twenty years.", "author_bio")]),
    ([BIO_TITLE, BODY_BEFORE, BODY_AFTER, "The views expressed are the author's own."],
     [("The views expressed are the author's own.", "licence")]),
    # look-alikes: the same words about the people the story quotes
    ([BIO_TITLE, BODY_BEFORE, SOURCE_BIO, BODY_AFTER], []),
    ([BIO_TITLE, BODY_BEFORE, "Alexander Baunov is a senior fellow at the Carnegie Russia Eurasia Center, and he "
                              "says the Kremlin wants to test NATO.", BODY_AFTER], []),
    ([BIO_TITLE, BODY_BEFORE, BODY_AFTER, f"{SOURCE_BIO} He warned that Russia would test NATO again."], []),
    ([BIO_TITLE, BODY_BEFORE, BODY_AFTER, "Fatih Birol is the head of the International Energy Agency."], []),
    ([BIO_TITLE, BODY_BEFORE, BODY_AFTER, "Emmanuel Macron is the president of France."], []),
    ([BIO_TITLE, BODY_BEFORE, BODY_AFTER, "She is a senior fellow at Chatham House."], []),
    ([BIO_TITLE, BODY_BEFORE, BODY_AFTER, "“It is a test,” said Jane Doe, who is a senior fellow at Chatham House."], []),
    ([BIO_TITLE, "Olena Kovalenko is a nurse at a hospital in Kharkiv, and every night she hears the drones. "
                 + BODY_BEFORE, BODY_AFTER], []),
    ([BIO_TITLE, "Fatih Birol is the head of the International Energy Agency, and on Monday he warned of a supply "
                 "crunch.", BODY_BEFORE, BODY_AFTER], []),
    ([BIO_TITLE, f"{BODY_BEFORE} {BIO}", BODY_AFTER, BODY_BEFORE.replace("Monday", "Tuesday")], []),
])
def test_author_bios_at_the_edges_of_an_article(lexicon, paragraphs, flagged):
    text = "\n\n".join(paragraphs)
    documents, sentences = segment(text, lexicon)
    assert len(documents) == 1
    assert [(s["text"], s["boilerplate_reason"]) for s in sentences if s["boilerplate"]] == flagged
    check_invariants(text, documents, sentences)


def test_author_bio_closes_its_own_article(lexicon):
    """Bios are looked for in each article of a source, at that article's end."""
    text = "BERLIN — " + "\n".join(PARAS_A) + f"\n{BIO}\nLONDON — " + "\n".join(PARAS_B)
    documents, sentences = segment(text, lexicon)
    assert starts_of(text, documents) == ["BERLIN — The European Co", "LONDON — Military chiefs"]
    bios = [s for s in sentences if s["boilerplate_reason"] == "author_bio"]
    assert [s["text"] for s in bios] == [BIO] and bios[0]["doc_id"] == documents[0]["doc_id"]


def test_placeholder_cycle_is_a_config_error(lexicon):
    bad = json.loads(json.dumps(lexicon))
    bad["placeholders"]["CREDIT"] = "{AGENCY_CREDIT}"
    with pytest.raises(SegmentConfigError, match=r"\[E203\].*cycle"):
        compile_config(bad)
    bad["placeholders"]["CREDIT"] = 3
    with pytest.raises(SegmentConfigError, match=r"\[E202\].*placeholders.CREDIT"):
        compile_config(bad)


# --------------------------------------------------------------------------- dates and titles

@pytest.mark.parametrize("line, expected", [
    ("Sunday, February 01, 2026", (dt.date(2026, 2, 1), "day")),
    ("Published: 3 March 2025", (dt.date(2025, 3, 3), "day")),
    ("Updated June 4, 2025 at 10:30 a.m. EDT", (dt.date(2025, 6, 4), "day")),
    ("Posted on 19th May 2025", (dt.date(2025, 5, 19), "day")),
    ("2025-05-19", (dt.date(2025, 5, 19), "day")),
    ("Sept. 9, 2025", (dt.date(2025, 9, 9), "day")),
    ("March 2025", (dt.date(2025, 3, 1), "month")),
    ("Feb. 30, 2026", None),
    ("No date on this line", None),
    ("SWP Comment 3/2022", None),
])
def test_date_lines_parse(cfg, line, expected):
    assert parse_date_line(cfg, line) == expected


def test_002_head_title_date_and_chrome(lexicon):
    name, text = raw_text("002")
    documents, sentences = segment(text, lexicon, source=name)
    assert len(documents) == 1
    doc = documents[0]
    assert doc["title"] == "UK and EU Resume Defence Talks in Bid to Strengthen Security Cooperation"
    assert (doc["published"], doc["published_from"], doc["published_precision"]) == (dt.date(2026, 2, 1), "dateline", "day")
    reasons = [(s["text"], s["boilerplate_reason"]) for s in sentences if s["boilerplate"]]
    assert reasons == [
        ("Sunday, February 01, 2026", "dateline_date"), ("by", "byline"), ("1 min read", "read_time"),
        ("UK and EU Resume Defence Talks", "repeated_title"), ("Leave a Reply", "site_chrome"),
        ("Your email address will not be published.", "site_chrome"),
    ]
    assert texts(sentences)[1] == doc["title"]


def test_metadata_wins_over_dateline_and_headline(lexicon):
    name, text = raw_text("002")
    meta = SourceMetadata(published=dt.date(2025, 6, 1), published_precision="month", title="Given title", url=None)
    documents, _ = segment(text, lexicon, source=name, metadata=meta)
    doc = documents[0]
    assert (doc["published"], doc["published_from"], doc["published_precision"], doc["title"]) == (
        dt.date(2025, 6, 1), "metadata", "month", "Given title")


def test_metadata_without_date_keeps_the_dateline(lexicon):
    name, text = raw_text("002")
    documents, _ = segment(text, lexicon, source=name, metadata=SourceMetadata(None, None, None, None))
    assert documents[0]["published_from"] == "dateline"


def test_no_date_and_no_title_stay_null(lexicon):
    name, text = raw_text("000")
    documents, _ = segment(text, lexicon, source=name)
    doc = documents[0]
    assert (doc["title"], doc["published"], doc["published_from"], doc["published_precision"]) == (None, None, None, None)


def test_date_inside_a_wire_dateline(lexicon):
    text = ("WASHINGTON, March 3, 2025 (Reuters) - The U.S. will pause aid, officials said on Monday, "
            "after a meeting that was dated April 30, 2024 in the minutes.")
    documents, _ = segment(text, lexicon)
    assert (documents[0]["published"], documents[0]["published_from"]) == (dt.date(2025, 3, 3), "dateline")


# --------------------------------------------------------------------------- articles

PARAS_A = [
    "The European Commission’s plan to supercharge the continent’s defense industry may violate EU treaties, "
    "according to a legal analysis by Germany’s parliament.",
    "The confidential report by the Bundestag’s legal analysts adds that the loans-for-weapons regulation may "
    "also deliver limited economic value.",
    "The German defense ministry did not immediately reply to a request for comment.",
]
PARAS_B = [
    "Military chiefs from about 30 Kyiv allies will hold a fresh planning meeting in London on Thursday to "
    "game out how they would commit peacekeeping troops.",
    "Starmer told fellow leaders that allied nations should be prepared to defend any deal themselves.",
    "The leaders also discussed further sanctions, Starmer said.",
]


def starts_of(text: str, documents: list[dict]) -> list[str]:
    return [text[d["start"]:d["start"] + 24] for d in documents]


@pytest.mark.parametrize("text, expected_starts", [
    # datelines at a paragraph start
    ("BERLIN — " + "\n".join(PARAS_A) + "\nLONDON — " + "\n".join(PARAS_B),
     ["BERLIN — The European Co", "LONDON — Military chiefs"]),
    # a tag header opens the next article
    ("\n".join(PARAS_A) + "\nTag - UK defense\n" + "\n".join(PARAS_B),
     ["The European Commission’", "Tag - UK defense\nMilitar"]),
    # credit lines close an article even without a dateline after them
    ("\n".join(PARAS_A) + "\nClea Caulcutt contributed reporting from Paris.\n" + "\n".join(PARAS_B),
     ["The European Commission’", "Military chiefs from abo"]),
    # a headline and byline above a dateline belong to the new article
    ("\n\n".join(PARAS_A) + "\n\nAllies Plan Peacekeeping Talks\n\nBy John Smith\n\nLONDON — " + "\n\n".join(PARAS_B),
     ["The European Commission’", "Allies Plan Peacekeeping"]),
    # a page date line starts an article
    ("\n".join(PARAS_A) + "\nMonday, March 3, 2025\n" + "\n".join(PARAS_B),
     ["The European Commission’", "Monday, March 3, 2025\nMi"]),
])
def test_cued_article_boundaries(lexicon, text, expected_starts):
    documents, sentences = segment(text, lexicon)
    assert starts_of(text, documents) == expected_starts
    check_invariants(text, documents, sentences)


@pytest.mark.parametrize("text", [
    # a shouting section head inside an article
    "LONDON — " + "\n".join(PARAS_B) + "\nMILITARIES TO GAME OUT DETAILS\n" + "\n".join(PARAS_A),
    # an acronym and a dash at a paragraph start is not a dateline
    "\n".join(PARAS_A) + "\nNATO — which was founded in 1949 — is not mentioned in the report at all.\n" + PARAS_B[0],
    # a page head: date, headline, byline chrome, then the dateline
    "Sunday, February 01, 2026\n\nUK and EU Resume Defence Talks\n\nby\n1 min read\n\nBRUSSELS — " + "\n\n".join(PARAS_A),
    # a credit line that ends the text opens nothing
    "\n".join(PARAS_A) + "\nClea Caulcutt contributed reporting from Paris.",
])
def test_single_articles_are_not_split(lexicon, text):
    documents, sentences = segment(text, lexicon)
    assert len(documents) == 1
    check_invariants(text, documents, sentences)


def test_imprint_footer_closes_an_article(lexicon):
    name, text = raw_text("003")
    joined = text + "\n" + text
    documents, sentences = segment(joined, lexicon, source=name)
    assert [d["start"] for d in documents] == [0, len(text) + 1]
    assert sum(s["boilerplate"] for s in sentences) == 2 * sum(s["boilerplate"] for s in segment(text, lexicon)[1])


def test_photo_credit_inside_an_article_splits_nothing(lexicon):
    text = "\n".join(PARAS_A[:2] + ["Photo: John Thys/AFP via Getty Images"] + PARAS_A[2:] + PARAS_B)
    documents, sentences = segment(text, lexicon)
    assert len(documents) == 1
    assert [s["boilerplate_reason"] for s in sentences].count("photo_credit") == 1


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_seed_single_article_files_are_one_document(lexicon, prefix):
    name, text = raw_text(prefix)
    documents, sentences = segment(text, lexicon, source=name)
    assert len(documents) == 1
    assert documents[0]["start"] == 0 and documents[0]["end"] == len(text.rstrip())
    check_invariants(text, documents, sentences)


@pytest.mark.parametrize("prefix", ["001", "002", "003"])
@pytest.mark.parametrize("width, separator", [(60, "\n"), (72, "\n"), (80, "\n"), (60, "\n\n")])
def test_rewrapped_seed_segments_like_the_original(lexicon, prefix, width, separator):
    """The seeds re-wrapped at another width (with or without blank lines) keep their
    sentences, boilerplate and title: paragraph detection does not hang on one layout."""
    name, text = raw_text(prefix)
    wrapped = separator.join(textwrap.fill(line, width, break_on_hyphens=False)
                             for line in text.splitlines() if line.strip())
    plain_docs, plain_sentences = segment(text, lexicon, source=name)
    documents, sentences = segment(wrapped, lexicon, source=name)
    check_invariants(wrapped, documents, sentences)
    assert len(documents) == 1
    assert documents[0]["title"] == plain_docs[0]["title"]
    assert [" ".join(s["text"].split()) for s in sentences] == [" ".join(s["text"].split()) for s in plain_sentences]
    assert [s["boilerplate_reason"] for s in sentences] == [s["boilerplate_reason"] for s in plain_sentences]


def test_004_articles(lexicon):
    name, text = raw_text("004")
    documents, sentences = segment(text, lexicon, source=name)
    check_invariants(text, documents, sentences)
    found = [(line_of(text, d["start"]), " ".join(text[d["start"]:d["end"]].split()[:3])) for d in documents]
    assert found == [
        (1, "When Vladimir Putin"), (84, "Tag - UK"), (182, "BERLIN — The"), (230, "NATO allies cannot"),
        (255, "U.K. King Charles"), (285, "LONDON — Sometimes"), (343, "LONDON — Military"),
        (413, "BRUSSELS — In"), (490, "The United Kingdom"),
    ]
    by_text = {s["text"]: s for s in sentences}
    assert by_text["Tag - UK defense"]["boilerplate_reason"] == "tag_header"
    credits = [s for s in sentences if s["boilerplate_reason"] == "credit_line"]
    assert [line_of(text, s["start"]) for s in credits] == [227, 341, 341, 526]
    # credit lines stay with the article they close
    assert [documents.index(next(d for d in documents if d["doc_id"] == s["doc_id"])) for s in credits] == [2, 5, 5, 8]
    head = by_text["MILITARIES TO GAME OUT DETAILS"]
    assert not head["boilerplate"] and head["doc_id"] == documents[6]["doc_id"]
    assert "It can’t just be U.S.\ncapabilities,” he said." in by_text


def test_004_gold_article_records_start_documents(lexicon):
    name, text = raw_text("004")
    documents, _ = segment(text, lexicon, source=name)
    starts = {d["start"] for d in documents}
    records = [json.loads(line) for line in (GOLD / "004_7cab0b9feffd0baa.part3.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = [r for r in records if r.get("type") == "article"]
    assert len(articles) == 2
    for record in articles:
        position = -1
        for _ in range(record["occ"]):
            position = text.find(record["text"], position + 1)
        assert position in starts, record["text"]


def test_uncued_boundary_between_real_articles(lexicon):
    """Two 004 articles in the other order, joined without any cue, still part."""
    _, text = raw_text("004")
    lines = text.split("\n")
    king = "\n".join(lines[254:284])       # "U.K. King Charles III has invited ..."
    peace = "\n".join(lines[489:525])      # "The United Kingdom and France will work ..."
    joined = peace + "\n" + king
    documents, sentences = segment(joined, lexicon)
    assert starts_of(joined, documents) == [peace[:24], king[:24]]
    check_invariants(joined, documents, sentences)


# --------------------------------------------------------------------------- rows and IDs

def test_rows_fit_the_schema_and_ids_are_stable(lexicon):
    name, text = raw_text("004")
    documents, sentences = segment(text, lexicon, source=name)
    again = segment(text, lexicon, source=name)
    assert (documents, sentences) == again
    assert all(set(d) == DOCUMENT_KEYS for d in documents)
    assert all(list(s) == SCHEMAS["sentences"].names for s in sentences)
    to_arrow("sentences", sentences)
    to_arrow("documents", [dict(d, encoding="utf-8", sha256="0" * 64) for d in documents])
    import hashlib
    doc = documents[3]
    article = text[doc["start"]:doc["end"]]
    assert doc["doc_id"] == stable_id("d_", name, doc["start"], doc["end"], hashlib.sha1(article.encode()).hexdigest())
    first = sentences[0]
    assert first["sentence_id"] == stable_id("s_", name, first["start"], first["end"])
    assert len({s["sentence_id"] for s in sentences}) == len(sentences)
    paragraphs = [s["paragraph"] for s in sentences if s["doc_id"] == doc["doc_id"]]
    assert paragraphs[0] == 0 and paragraphs == sorted(paragraphs)


def test_segmenter_class_matches_function(lexicon):
    name, text = raw_text("002")
    assert Segmenter(lexicon)(text, source=name) == segment(text, lexicon, source=name)


@pytest.mark.parametrize("old, new", [("\n", "\r\n"), ("\n", "\r"), (" ", "\u00a0"), ("\n", "\u2028"), (" ", "\t")])
def test_line_endings_and_spaces_do_not_change_the_segmentation(lexicon, old, new):
    name, text = raw_text("004")
    plain_docs, plain_sentences = segment(text, lexicon, source=name)
    variant = text.replace(old, new)
    documents, sentences = segment(variant, lexicon, source=name)
    check_invariants(variant, documents, sentences)
    assert len(documents) == len(plain_docs)
    assert [s["boilerplate_reason"] for s in sentences] == [s["boilerplate_reason"] for s in plain_sentences]


@pytest.mark.parametrize("text, n_documents", [
    ("", 0), ("   \n\t\u00a0\u200b\r\n", 0), ("one", 1), ("no line breaks at all. Just two sentences.", 1),
    ("\ufeffBOM first. Then text.", 1), ("emoji 😀 and e\u0301 combining. Next 🇪🇺 flag.", 1),
])
def test_degenerate_texts(lexicon, text, n_documents):
    documents, sentences = segment(text, lexicon)
    assert len(documents) == n_documents
    check_invariants(text, documents, sentences)


def test_very_long_line_without_breaks(lexicon):
    _, text = raw_text("004")
    long_line = text.replace("\n", " ") * 8
    documents, sentences = segment(long_line, lexicon)
    assert len(documents) == 1 and len(sentences) > 1000
    assert all(s["text"] == long_line[s["start"]:s["end"]] for s in sentences)


def test_config_errors_name_the_key(lexicon):
    broken = {k: v for k, v in lexicon.items() if k != "articles"}
    with pytest.raises(SegmentConfigError, match=r"\[E201\].*articles"):
        compile_config(broken)
    bad = json.loads(json.dumps(lexicon))
    bad["articles"]["dateline"] = "(unclosed"
    with pytest.raises(SegmentConfigError, match=r"\[E203\].*articles.dateline"):
        compile_config(bad)
    with pytest.raises(SegmentConfigError, match=r"\[E200\]"):
        segment_source("text", source="x", lexicon={})


# --------------------------------------------------------------------------- arbitrary text

FRAGMENTS = st.sampled_from([
    "\r\n", "\r", "\n", "\n\n", "\t", "\u00a0", "\u200b", "\u2028", "\ufeff", "😀", "e\u0301", "🇪🇺", " ",
    ". ", "? ", "! ", "…", "”", "“", "’", "—", "> ", "- ", "U.S. ", "Mr. ", "J. R. ",
    "BERLIN — The ", "Tag - UK defense\n", "1 min read\n", "by\n", "Leave a Reply\n",
    "First published in X | By Y\n", "Noah Keate contributed reporting from London.\n",
    "Sunday, February 01, 2026\n", "ISSN 1861-1761\n", "The plan. ", "word ", "Minister Keir Starmer said. ",
    "Photo: EPA/TERESA SUAREZ / POOL\n", " | Getty Images", "(Reuters/John Smith)", "About the author\n",
    "Jane Doe is a senior fellow at Chatham House.\n", "He previously worked for Reuters. ",
])
ARBITRARY = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ARBITRARY)
def test_arbitrary_text_keeps_the_span_contract(lexicon, text):
    documents, sentences = segment(text, lexicon)
    check_invariants(text, documents, sentences)
    assert all(list(s) == SCHEMAS["sentences"].names for s in sentences)


# --------------------------------------------------------------------------- the sentence cap

# a long but ordinary news sentence (about 1,000 characters: clauses, a list, a quotation), hard-wrapped
_LONG_SENTENCE = textwrap.fill(
    "The agreement, which was negotiated over eighteen months by officials from the European Commission, "
    "the UK Cabinet Office and the defence ministries of France, Germany, Poland, Italy, Spain and the "
    "Netherlands, sets out how British companies may take part in joint procurement under the €150bn SAFE "
    "instrument; how much of the value of each contract must come from suppliers in the EU, the European "
    "Economic Area or Ukraine; what share of the costs London will pay up front and what it will recover "
    "later; how disputes between the parties are to be settled, including by an arbitration panel whose "
    "members would be named jointly; and, crucially for industry, whether intellectual property developed "
    "under the scheme may be exported to third countries without the unanimous approval of the member "
    "states, a question that one senior official, speaking on condition of anonymity because the talks are "
    "not yet concluded, described as “the last real obstacle” to a deal that both sides hope to sign "
    "before the summit in Brussels next month.", 78)


def test_sentence_cap_keeps_long_ordinary_sentences(lexicon):
    """Look-alikes of a run-on: long, wrapped, full of clause breaks, or unpunctuated but short."""
    cfg = compile_config(lexicon)
    caption = ("Soldiers of the 47th Mechanised Brigade load shells into a self-propelled howitzer at a position "
               "near the front line in the Zaporizhzhia region, where fighting has intensified over the past "
               "three weeks as Russian forces press towards the regional capital, and where commanders say "
               "they are short of both ammunition and the men needed to rotate exhausted units, in a photo "
               "released by the brigade on Monday")
    assert len(_LONG_SENTENCE) > cfg.max_unpunctuated_chars and len(caption) <= cfg.max_unpunctuated_chars
    for text in (_LONG_SENTENCE, _LONG_SENTENCE.replace("\n", " "), caption, _LONG_SENTENCE + "\n\n" + caption):
        documents, sentences = segment(text, lexicon)
        check_invariants(text, documents, sentences)
        assert [s["text"] for s in sentences] == [p for p in text.split("\n\n")], text[:60]


def test_sentence_cap_cuts_run_ons_at_the_best_break(lexicon):
    cfg = compile_config(lexicon)
    said = ("the EU said " * 1667).strip()  # 20,003 characters, no full stop: one sentence uncapped
    clauses = ("the EU said, " * 2000) + "and stopped."  # punctuated at the end, commas inside
    lines = "\n".join(f"the eu said on monday that talks on item {i} would resume" for i in range(400))
    solid = "x" * 5000
    for text, cap, piece_end in [
        (said, cfg.max_unpunctuated_chars, re.compile(r"the|EU|said")),  # at a blank, whole words
        (clauses, cfg.max_sentence_chars, re.compile(r".*,|stopped\.")),  # after a comma
        (lines, cfg.max_unpunctuated_chars, re.compile(r".*resume")),  # at a line end
        (solid, cfg.max_unpunctuated_chars, re.compile(r"x+")),  # no break at all: at the cap
    ]:
        documents, sentences = segment(text, lexicon)
        check_invariants(text, documents, sentences)
        lengths = [s["end"] - s["start"] for s in sentences]
        assert len(sentences) > 1 and max(lengths) <= cap, (text[:30], max(lengths))
        # pieces are long (the break is looked for in the second half of the window), but the last
        assert min(lengths[:-1]) >= cap // 2, (text[:30], lengths)
        for s in sentences:
            assert piece_end.fullmatch(s["text"].split()[-1]), (text[:30], s["text"][-40:])
    # a solid run is cut exactly at the cap; a sentence one character under it is kept whole
    assert [s["end"] - s["start"] for s in segment(solid, lexicon)[1]][:2] == [cfg.max_unpunctuated_chars] * 2
    under = ("word " * 2000)[:cfg.max_unpunctuated_chars - 1]
    assert len(segment(under, lexicon)[1]) == 1


def test_sentence_cap_config_is_checked(lexicon):
    bad = json.loads(json.dumps(lexicon))
    bad["sentences"]["max_sentence_chars"] = 10
    with pytest.raises(SegmentConfigError, match=r"\[E206\].*max_sentence_chars"):
        compile_config(bad)
    bad["sentences"]["max_sentence_chars"] = lexicon["sentences"]["max_sentence_chars"]
    del bad["sentences"]["max_unpunctuated_chars"]
    with pytest.raises(SegmentConfigError, match=r"\[E201\].*max_unpunctuated_chars"):
        compile_config(bad)
