"""Entity round 45 (issue 18, wrong merges): a news title is not its media group.

Link ``name_tail`` joins a company's short name to the longer name it opens with sector or legal words
("Nexstar" and "Nexstar Media Group"); ``pipeline/stages/reconcile/publishers.py`` refuses it when the short
name is a news title (its last word one of ``title_words`` in entities.toml) and the longer adds "Media":
dev9 1408 ("Telegraph" and "The Telegraph Media Group", gold two entities) and fresh 2025 leads on the same
sale (daily8/Reuters, May 2025; The Independent, November 2025). Joins of the same shape that must stay:
"Post" and "Post Holdings" (no "Media"), "Nexstar" and "Nexstar Media Group" (no title).
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.core.schema import SCHEMAS
from pipeline.stages.reconcile import reconcile
from tests.reconcile_rows import cands, lexicon  # noqa: F401  (lexicon is a fixture)
from pipeline.stages.reconcile.publishers import REFUSED, title_words


def by_text(doc: str, lead: str, names: list[tuple[str, str, int]], lexicon: dict) -> dict[str, tuple[str, object]]:
    frame = pd.DataFrame(cands(doc, lead, names), columns=SCHEMAS["mention_candidates"].names)
    _, mentions = reconcile(frame, lexicon=lexicon)
    return {m.text: (m.entity_id, m.link) for m in mentions.itertuples()}


# daily8.com, Reuters copy, 2025-05-23: the group and the paper, each an actor
DAILY8 = ("A consortium led by RedBird Capital Partners has agreed to buy the publisher of Britain's Daily Telegraph "
          "newspaper. Redbird said it has reached an agreement in principle to become the controlling owner of the "
          "Telegraph Media Group. The sale marks the start of a new era for The Telegraph.")
# The Independent, 2025-11-22: DMGT's deal, the paper in lower-case "the Telegraph"
INDEPENDENT = ("Daily Mail and General Trust (DMGT) has agreed a £500 million deal to acquire Telegraph Media Group. "
               "DMGT plans to invest substantially in the Telegraph.")
# dev9 1408's wording (UK media, 2025): the headline's short title, the group with its article
DEV9 = ("Daily Mail and Telegraph to join forces\n"
        "The owner of the Daily Mail has reached an agreement to acquire The Telegraph Media Group in a £500 million "
        "deal. Lord Rothermere expressed his admiration for The Telegraph.")

APART = {
    "daily8/Reuters 2025: The Telegraph is not Telegraph Media Group": (
        "d8", DAILY8, [("RedBird Capital Partners", "ORG", 0), ("Daily Telegraph", "ORG", 0),
                       ("Telegraph Media Group", "ORG", 0), ("Telegraph", "ORG", 2)],
        ("Telegraph", "Telegraph Media Group")),
    "independent 2025: the Telegraph is not Telegraph Media Group": (
        "ind", INDEPENDENT, [("Daily Mail and General Trust", "ORG", 0), ("DMGT", "ORG", 0),
                             ("Telegraph Media Group", "ORG", 0), ("Telegraph", "ORG", 1)],
        ("Telegraph", "Telegraph Media Group")),
    "dev9 1408 wording: Telegraph is not The Telegraph Media Group": (
        "d9", DEV9, [("Daily Mail", "ORG", 0), ("Telegraph", "ORG", 0), ("The Telegraph Media Group", "ORG", 0),
                     ("Telegraph", "ORG", 2)],
        ("Telegraph", "The Telegraph Media Group")),
}


@pytest.mark.parametrize("case", sorted(APART))
def test_a_title_stays_apart_from_its_media_group(case, lexicon):
    doc, lead, names, (title, group) = APART[case]
    ids = by_text(doc, lead, names, lexicon)
    assert ids[title][0] != ids[group][0]
    assert ids[title][1] == REFUSED  # the reason the join was refused, on the mention


# stocktitan.net via viralles.com, 2025-08: the cereal maker's short name is a title word, no "Media" added
POST = ("Post Holdings (NYSE:POST) reported strong Q3 2025 results with net sales of $2.0 billion. "
        "Based on strong performance, Post raised its FY2025 Adjusted EBITDA guidance.")
# dev8 1312's shape (Nexstar, 2025): "Media Group" after a name that is no title
NEXSTAR = ("Nexstar to buy Tegna\n"
           "Nexstar Media Group agreed to acquire Tegna in a deal valued at $6.2 billion, Nexstar said.")

JOINED = {
    "stocktitan 2025: Post is Post Holdings (no Media added)": (
        "post", POST, [("Post Holdings", "ORG", 0), ("Post", "ORG", 1)], ("Post", "Post Holdings")),
    "dev8 1312 shape: Nexstar is Nexstar Media Group (no title)": (
        "nex", NEXSTAR, [("Nexstar", "ORG", 0), ("Tegna", "ORG", 0), ("Nexstar Media Group", "ORG", 0)],
        ("Nexstar", "Nexstar Media Group")),
}


@pytest.mark.parametrize("case", sorted(JOINED))
def test_other_short_names_keep_their_name_tail(case, lexicon):
    doc, lead, names, (short, long) = JOINED[case]
    ids = by_text(doc, lead, names, lexicon)
    assert ids[short][0] == ids[long][0]
    assert ids[short][1] == "name_tail"


def test_title_words_must_be_org_suffixes():
    assert "telegraph" in title_words({"org_suffixes": ["Telegraph"], "title_words": ["Telegraph"]})
    with pytest.raises(ValueError, match="E220"):
        title_words({"org_suffixes": ["Group"], "title_words": ["Telegraph"]})
