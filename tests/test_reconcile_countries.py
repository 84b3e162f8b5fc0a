"""Entity round 51 (issue 18, wrong merges): a generic institution name across articles of different countries.

``pipeline/stages/reconcile/countries.py`` (words ``generic_institution_heads`` and ``generic_institution_words`` of
entities.toml, links ``country_scoped`` and ``country_qualified``). The class, from the claims sample run as one batch:
dev7 407 (Bangladesh, "The Health Department") took the name of dev14 556's (Philippines) "Department of Health
(DOH)"; dev13 552's British "Ministry of Defence" joined the Indian one of dev 201, dev9 421 and dev 011; dev9 432's
Indian "Commerce Ministry" a Thai one. Joined still: one country's body named in two articles, a name written with its
country and the bare name of that country's article, and proper names of bodies (no generic word list holds them).
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.core.schema import SCHEMAS
from pipeline.stages.reconcile import reconcile
from tests.reconcile_rows import cands, lexicon  # noqa: F401  (lexicon is a fixture)

#: the kb_id the entities stage gives these places (evidence ``place``)
PLACES = {"Bangladesh": "iso3166:BD", "Philippines": "iso3166:PH", "India": "iso3166:IN", "Brazil": "iso3166:BR",
          "Yeovil": "iso3166:GB-SOM", "England": "iso3166:GB-ENG", "Delhi": "iso3166:IN-DL",
          "Kerala": "iso3166:IN-KL", "Japan": "iso3166:JP", "United States": "iso3166:US"}

# dev7 407 (BizTrend24, 2025-12-09) and dev14 556 (Good Choices PH, 2025)
DHAKA = "Bangladesh dengue deaths pass 400. The Health Department has reported 401 deaths so far this year."
MANILA = ("The Philippines has recorded a surge in measles infections in the first months of 2025, with 2,068 "
          "confirmed cases between January 1 and May 10, according to Department of Health (DOH) data.")
# patrika.com (2025-06-02) and timelinedaily.com (2025-05): India's Health Ministry
PATRIKA = ("Data from the Health Ministry's website shows 3758 active COVID-19 cases in the country, not only in "
           "Delhi but also in Kerala.")
# evrimagaci.org (2025-02-14) and outbreaknewstoday (2025-01): Brazil's
EVRIM = ("Brazil has reported a significant decrease of approximately 60% in dengue cases during the first six weeks "
         "of 2025, as highlighted by the Ministry of Health.")
OUTBREAK = ("In 2024, Brazil reported record numbers in dengue fever. Through the first 22 days of 2025, the Ministry "
            "of Health has recorded 99,000 probable cases.")
# dev10 1508 (Agencia Brasil, 2025): the nationality in front
AGENCIA = "The Brazilian Health Ministry said the vaccines would reach the states this month."
# dev13 552 (Malay Mail, AFP) and dev 201 (India TV News), dev9 421 (Forbes India)
LONDON = ("The deal will help secure 3,300 jobs at Britain's last military helicopter manufacturing site in Yeovil, "
          "southwest England, the Ministry of Defence said.")
INDIA_TV = ("India's defence budget rose. The heightened allocation comes at a time when the Ministry of Defence is "
            "processing major procurement programmes.")
FORBES = "India raised defence spending. The total allocation for the Ministry of Defence includes pensions."


def rows_of(doc: str, lead: str, names: list[tuple[str, str, int]]) -> list[dict]:
    rows = cands(doc, lead, names)
    for row in rows:
        if row["label"] == "GPE" and row["text"] in PLACES:
            row["kb_id"], row["evidence"] = PLACES[row["text"]], "place"
    return rows


def run(*docs) -> dict[tuple[str, str], tuple[str, object, str]]:
    rows = [r for doc in docs for r in rows_of(*doc)]
    entities, mentions = reconcile(pd.DataFrame(rows, columns=SCHEMAS["mention_candidates"].names), lexicon=LEX[0])
    names = dict(zip(entities.entity_id, entities.name))
    return {(m.doc_id, m.text): (m.entity_id, m.link, names[m.entity_id]) for m in mentions.itertuples()}


LEX: list[dict] = []


@pytest.fixture(autouse=True)
def _lexicon(lexicon):
    LEX[:] = [lexicon]


def test_two_countries_health_departments_stay_apart():
    got = run(("d407", DHAKA, [("Bangladesh", "GPE", 0), ("Health Department", "ORG", 0)]),
              ("d556", MANILA, [("Philippines", "GPE", 0), ("Department of Health", "ORG", 0), ("DOH", "ORG", 0)]))
    dhaka, manila = got[("d407", "Health Department")], got[("d556", "Department of Health")]
    assert dhaka[0] != manila[0]
    assert dhaka[2] == "Health Department"  # its own name, not the Philippine article's
    assert dhaka[1] == manila[1] == "country_scoped"
    assert got[("d556", "DOH")][0] == manila[0]


def test_two_countries_health_ministries_stay_apart():
    got = run(("in", PATRIKA, [("Health Ministry", "ORG", 0), ("Delhi", "GPE", 0), ("Kerala", "GPE", 0)]),
              ("br", EVRIM, [("Brazil", "GPE", 0), ("Ministry of Health", "ORG", 0)]))
    assert got[("in", "Health Ministry")][0] != got[("br", "Ministry of Health")][0]


def test_two_countries_defence_ministries_apart_one_country_joined():
    got = run(("uk", LONDON, [("Britain", "GPE", 0), ("Yeovil", "GPE", 0), ("England", "GPE", 0),
                              ("Ministry of Defence", "ORG", 0)]),
              ("tv", INDIA_TV, [("India", "GPE", 0), ("Ministry of Defence", "ORG", 0)]),
              ("fb", FORBES, [("India", "GPE", 0), ("Ministry of Defence", "ORG", 0)]))
    uk, tv, fb = (got[(d, "Ministry of Defence")][0] for d in ("uk", "tv", "fb"))
    assert tv == fb != uk


def test_one_country_two_articles_join_as_before():
    got = run(("br1", EVRIM, [("Brazil", "GPE", 0), ("Ministry of Health", "ORG", 0)]),
              ("br2", OUTBREAK, [("Brazil", "GPE", 0), ("Ministry of Health", "ORG", 0)]))
    one, two = got[("br1", "Ministry of Health")], got[("br2", "Ministry of Health")]
    assert one[0] == two[0]
    assert one[1] is None or pd.isna(one[1])  # one scope in the corpus: nothing to record


def test_qualified_name_joins_the_bare_name_of_its_country():
    got = run(("ab", AGENCIA, [("Brazilian Health Ministry", "ORG", 0)]),
              ("br", EVRIM, [("Brazil", "GPE", 0), ("Ministry of Health", "ORG", 0)]),
              ("in", PATRIKA, [("Health Ministry", "ORG", 0), ("Delhi", "GPE", 0)]))
    qualified, brazil, india = got[("ab", "Brazilian Health Ministry")], got[("br", "Ministry of Health")], \
        got[("in", "Health Ministry")]
    assert qualified[0] == brazil[0] != india[0]
    assert qualified[1] == "country_qualified"


def test_article_of_no_country_keeps_its_own():
    got = run(("d407", "The Health Department has reported 401 deaths so far this year.",
               [("Health Department", "ORG", 0)]),
              ("d556", MANILA, [("Philippines", "GPE", 0), ("Department of Health", "ORG", 0)]))
    assert got[("d407", "Health Department")][0] != got[("d556", "Department of Health")][0]


# look-alikes: proper names of bodies join across articles of different countries as before
PROPER = {
    "Bank of England": ("The Bank of England held rates, the Reserve Bank of India said.", "India",
                        "Japan's yen fell after the Bank of England spoke.", "Japan"),
    "Federal Reserve": ("India's rupee slipped as the Federal Reserve held rates.", "India",
                        "Japan's exporters watched the Federal Reserve closely.", "Japan"),
    "European Commission": ("India and the European Commission closed talks.", "India",
                            "Japan and the European Commission signed a pact.", "Japan"),
}


@pytest.mark.parametrize("name", sorted(PROPER))
def test_proper_bodies_still_join(name):
    lead1, place1, lead2, place2 = PROPER[name]
    got = run(("a", lead1, [(place1, "GPE", 0), (name, "ORG", 0)]),
              ("b", lead2, [(place2, "GPE", 0), (name, "ORG", 0)]))
    assert got[("a", name)][0] == got[("b", name)][0]
