"""Claims round 66 (issue 16): a nationality on a nameless reporter's head names nothing (``antecedents``).

"LONDON, March 2 — The British government announced Monday it had agreed a £1 billion ... contract with the UK arm of
Italian defence group Leonardo" (dev13 552_, a dev sentence) and Reuters' headline as Japan Today ran it on 26 October
2025, "Israeli military says it conducted 'targeted strike' in central Gaza": the reported "it" continues the
reporter, a body the text describes but does not name; "British" and "Israeli" (NORP) say whose it is, as "the French
president" credits no French (``speaker_modifier_labels``). Before, the nationality counted as a name inside the
reporter, "it" resolved to nothing and the nearest name in the clause (Leonardo) became the subject. Look-alikes keep
their rule: a reporter holding a name that credits (an organisation: "A top EU official", "The Tesla board"), an owner
other than a person ("The company's executives ... they"), a possessive country ("China's commerce ministry", Livemint,
8 April 2025).
"""
from __future__ import annotations

import pytest

from pipeline.stages.claims.antecedents import enclosing_subject
from pipeline.stages.claims.index import ArticleIndex
from tests.test_claims import build, extractor  # noqa: F401 (fixture)


def _reporter(nlp, extractor, text: str, quantities=(), dates=()):
    built = build(nlp, extractor, text, quantities=quantities, dates=dates)
    rules = extractor.rules
    index = ArticleIndex(built.doc, built.article, built.mentions, rules.quote_pairs)
    pronoun = next(t for t in built.doc if t.lower_ in {"it", "they"} and t.dep_ in {"nsubj", "nsubjpass"})
    found = enclosing_subject(pronoun, index, rules)
    return built, (found.text if found is not None else None)


@pytest.mark.parametrize("text, quantities, reporter", [
    pytest.param("LONDON, March 2 — The British government announced Monday it had agreed a £1 billion contract with "
                 "the UK arm of Italian defence group Leonardo.", [("£1 billion", "money")], "government",
                 id="552_-dev-british-government"),
    pytest.param("Israeli military says it conducted 'targeted strike' in central Gaza", [], "military",
                 id="japantoday-reuters-2025-10-israeli-military-says-it"),
])
def test_a_nationality_on_the_reporter_names_nothing(nlp, extractor, text, quantities, reporter):
    built, found = _reporter(nlp, extractor, text, quantities)
    assert any(m["label"] == "NORP" for m in built.mentions), built.mentions  # the nationality is a mention
    assert found == reporter


def test_the_dev_row_names_the_government_not_the_nearest_name(nlp, extractor):
    text = ("LONDON, March 2 — The British government announced Monday it had agreed a £1 billion contract with the UK "
            "arm of Italian defence group Leonardo.")
    built = build(nlp, extractor, text, quantities=[("£1 billion", "money")])
    row = built.row_with("£1 billion")
    assert (row["subject"], row["subject_rule"]) == ("The British government", "pronoun"), row


@pytest.mark.parametrize("text", [
    pytest.param("A top EU official said on Monday it would fine Apple.", id="organisation-credits"),
    pytest.param("The Tesla board said on Monday it had approved the pay package.", id="company-name-credits"),
    pytest.param("The company's executives said on Monday they had cut jobs.", id="owner-not-a-person"),
    pytest.param("China's commerce ministry declared on Tuesday that it would resist US tariffs.",
                 id="livemint-2025-04-possessive-country"),
])
def test_a_name_that_credits_keeps_the_pronoun_for_other_rules(nlp, extractor, text):
    _, found = _reporter(nlp, extractor, text)
    assert found is None
