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
