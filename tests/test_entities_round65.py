"""Entity round 65 (issue 18, spurious organisations): a common word capitalised only because it opens a sentence or
line, that ``no_person`` or ``no_place`` made an organisation, is no entity (``rule:opener_word``; ``openers.py``).

Dev: dev3 713 "Exit polls", dev9 1410 "Glass products maker", dev12 1704 "| Buyer cannot", dev14 1910 "Telecom
companies". Look-alikes: the model's own ORG at a sentence's head ("Apple has ..."), a cue the text gives, a word the
text also capitalises inside a sentence, a word opening a longer capitalised name, a word that is no English word.
"""
from __future__ import annotations

import pytest

from pipeline.stages.entities.context import Mention
from pipeline.stages.entities.openers import opener_word
from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)

# (text, word): the dev phrases (shortened) whose word a default cue made ORG: no mention of it may remain
DROPPED = [
    # (dev3 713's "Exit polls" needs its article: alone, the model calls it ORG itself; in UNIT below)
    ("Glass products maker AGC America Inc. has agreed to shell out nearly $600,000 to wrap up a lawsuit.", "Glass"),
    ("BOMBAY HIGH COURT | Buyer cannot reject goods after use; Rs 4.25 crore Arbitral award against Godrej & Boyce, "
     "upheld", "Buyer"),
    ("Telecom companies across the globe are accelerating network expansion, innovation, and strategic "
     "investments.", "Telecom"),
]

# (text, word, evidence): the rule's decision on a mention the default cue made ORG
UNIT = [
    ("Glass products maker AGC America Inc. has agreed.", "Glass", "no_person", True),
    ("Exit polls show Merz ahead.", "Exit", "no_place", True),
    ("It rose. Telecom companies are fast.", "Telecom", "no_place", True),
    ("Figures: Buyer demand fell.", "Buyer", "no_person", True),
    # the model's own ORG, or a cue the text gives, keeps it
    ("Apple has said it will sell phones.", "Apple", None, False),
    ("Glass products maker AGC America Inc. has agreed.", "Glass", "org_context", False),
    # the text capitalises it inside a sentence too: a name
    ("Glass products rose. Shares of Glass fell.", "Glass", "no_person", False),
    # a capitalised word follows: the head of a longer name
    ("Exit Polls Ltd said so.", "Exit", "no_person", False),
    # no English word
    ("Crusoe builds data centres. It said so.", "Crusoe", "no_person", False),
    # not at a sentence's head
    ("The developer Crusoe said it. Developer Crusoe agreed.", "Crusoe", "no_person", False),
    ("He said Glass products rose.", "Glass", "no_person", False),
    # capitals: an acronym, never an opener word
    ("NASA scientists said so.", "NASA", "no_person", False),
]


@pytest.mark.parametrize("text,word,evidence,dropped", UNIT)
def test_opener_word(text, word, evidence, dropped):
    start = text.index(word)
    m = Mention(start, start + len(word), "ORG", "model", evidence=evidence)
    assert opener_word(text, m) is dropped


def test_other_labels_untouched():
    text = "Glass products maker AGC America Inc. has agreed."
    assert not opener_word(text, Mention(0, 5, "PERSON", "model", evidence="no_person"))


@pytest.mark.parametrize("text,word", DROPPED)
def test_opener_dropped(nlp, extractor, text, word):
    rows = detect(nlp, extractor, text)
    assert not [r for r in rows if r["text"] == word and r["label"] == "ORG"], rows


# (text, name): organisations at a sentence's head that stay
KEPT = [
    ("Apple has said it will stop selling the phone in Europe.", "Apple"),
    ("Disney has agreed to buy the studio for $2 billion.", "Disney"),
    ("Alphabet shares rose 3% on Monday after the results.", "Alphabet"),
    ("Oracle reported results. Shares of Oracle rose 5%.", "Oracle"),
]


@pytest.mark.parametrize("text,name", KEPT)
def test_organisation_opening_kept(nlp, extractor, text, name):
    assert named(detect(nlp, extractor, text), name)


# Second class (``lowercased.py``, ``rule:lowercase_word``): a common word inside a title or list the model calls ORG
# while the article writes it in lower case. Dev: dev7 1211 "Justice", dev8 1306 "Cooperatives", dev14 1913
# "Development" (dev12 1704 "Buyer" is the first class's).
LOWER_DROPPED = [
    ("The Minister of Agriculture addressed a national seminar in Mumbai themed ‘Prosperity through Cooperatives’. "
     "He underscored the transformative role of cooperatives in India’s rural economy.", "Cooperatives"),
    ("The meeting included the Minister of Economy, Planning, and Development, Niálé Kaba. They reaffirmed their "
     "mutual commitment to transformative development.", "Development"),
]

LOWER_KEPT = [
    # an institution's word of the configs
    ("The party was turned out of Parliament almost altogether, though a hung parliament loomed.", "Parliament"),
    # the capitalised word acts: a company named by a common word
    ("Target cut its forecast on Tuesday. The retailer missed its sales target for the quarter.", "Target"),
    ("Shell said it would sell assets. Analysts called it a shell of a plan.", "Shell"),
]


@pytest.mark.parametrize("text,word", LOWER_DROPPED)
def test_lowercase_word_dropped(nlp, extractor, text, word):
    rows = detect(nlp, extractor, text)
    assert not [r for r in rows if r["text"] == word and r["label"] == "ORG"], rows


def _lowercased(nlp, text: str, word: str) -> list:
    from types import SimpleNamespace

    from pipeline.stages.entities.lowercased import LowerCased
    from pipeline.stages.entities.options import Options  # noqa: F401 (the configs' lists below)
    import tomllib
    from pathlib import Path

    cfg = tomllib.loads((Path(__file__).resolve().parents[1] / "configs" / "entities.toml").read_text(encoding="utf-8"))
    ctx = SimpleNamespace(text=text, doc=nlp(text))
    start = text.index(word)
    return LowerCased(cfg)(ctx, [Mention(start, start + len(word), "ORG", "model")])


@pytest.mark.parametrize("text,word", LOWER_DROPPED)
def test_lowercase_word_rule_drops(nlp, text, word):
    assert _lowercased(nlp, text, word) == []


@pytest.mark.parametrize("text,word", LOWER_KEPT)
def test_lowercase_word_kept(nlp, text, word):
    assert len(_lowercased(nlp, text, word)) == 1


def test_lowercase_word_needs_the_lower_case(nlp):
    assert len(_lowercased(nlp, "A seminar themed ‘Prosperity through Cooperatives’ opened.", "Cooperatives")) == 1
