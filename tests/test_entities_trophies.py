"""Entity round 44 (issue 18, labels): a competition named by "Trophy" is an EVENT, as one named by "Cup" is.

"Trophy" joins ``event_heads_cue`` (configs/entities.toml), so the ``events`` finder and the ``event_name`` cue take one
to three capitalised words before it. Dev articles: dev6 1109 ("the 1998 KnockOut Trophy, later renamed as the ICC
Champions Trophy", both ORG before) and dev10 1510 ("the reigning Ranji Trophy champions", PERSON before). Phrases from
fresh 2025 news: ETV Bharat and Sportskeeda (March 2025, Ranji Trophy final), The National and Times of Karachi (March
2025, Champions Trophy final). Look-alikes: the lower-case trophy, and one capitalised word alone.
"""
from __future__ import annotations

import pytest

from tests.test_entities import detect, extractor, lexicon  # noqa: F401 (fixtures)

FOUND = [
    # (text, name) -> EVENT
    # ETV Bharat, 2 March 2025
    ("Nagpur: Vidarbha were crowned as the Ranji Trophy champions on Sunday as they played a draw in the final "
     "against Kerala.", "Ranji Trophy"),
    # Sportskeeda, 2 March 2025
    ("This is their third Ranji Trophy title in seven years.", "Ranji Trophy"),
    # The National, 9 March 2025
    ("India's dominance continued as they won the 2025 Champions Trophy at Dubai International Stadium.",
     "Champions Trophy"),
    # Times of Karachi, March 2025
    ("India made history by becoming the first team to win the ICC Champions Trophy three times.",
     "ICC Champions Trophy"),
    # dev6 1109's shape
    ("The Proteas' last piece of ICC silverware was the 1998 KnockOut Trophy, later renamed.", "KnockOut Trophy"),
]


@pytest.mark.parametrize("text, name", FOUND, ids=[f"{f[1]}-{i}" for i, f in enumerate(FOUND)])
def test_a_trophy_names_an_event(nlp, extractor, text, name):
    rows = [r for r in detect(nlp, extractor, text) if r["text"] == name]
    assert rows and all(r["label"] == "EVENT" for r in rows), detect(nlp, extractor, text)


NOT_EVENTS = [
    # (text, word that must be no EVENT mention's last word)
    # Indian Express, March 2025: the lower-case trophy
    ("Vidarbha's euphoric cricketers kept the trophy at the centre of the 22-yard strip.", "trophy"),
    # one capitalised word alone is no competition's name
    ("Trophy hunting remains legal in several southern African countries, officials said.", "Trophy"),
]


@pytest.mark.parametrize("text, word", NOT_EVENTS, ids=[f"{n[1]}-{i}" for i, n in enumerate(NOT_EVENTS)])
def test_no_event_without_a_name_before_the_trophy(nlp, extractor, text, word):
    rows = detect(nlp, extractor, text)
    assert not [r for r in rows if r["label"] == "EVENT" and r["text"].split()[-1] == word], rows
