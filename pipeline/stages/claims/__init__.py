"""Claims: one row per checkable statement, with its values, actors and speaker.

A claim is a sentence (or one clause of it) that states at least one quantity or
date found by the earlier stages. For each article, ``ClaimExtractor`` reads the
spaCy parse that the nlp stage already made:

1. Sentences that state nothing are skipped: boilerplate (the segmenter's flag),
   headings (no finite verb, a short title-case line, a short unpunctuated line of
   its own, or any unpunctuated line before the article's first sentence),
   questions, repeats and first-person opinions ("I think it's great ...").
2. Each value (quantity or date row) is attached to a *claim head*: from the value's
   head token up the dependency tree to the nearest verb that heads a clause, then
   further up until the clause is independent (the sentence root, a coordinated
   clause with its own subject), an adverbial clause with a subject phrase of its
   own, or a subordinate clause about a named actor; never a relative clause, whose
   values join the clause it describes. Values that share a head form one claim.
   One claim in a sentence: the span is the sentence, and the subject its main
   clause's; several: each claim's span is its clause. Weak dates, ages, a speaker's
   count and frequencies that qualify an amount are not the claim's values.
3. The subject is the clause's grammatical subject (``subjects``), and the rule that
   decided it is recorded (``subject_rule``): a name; a pronoun's antecedent
   ("he"/"she" the last named person, "it"/"they" the named subject before, "we" in
   a quotation its speaker, "who"/"which" the antecedent); a name owning the phrase
   when its head is an owned noun ("the firm's revenues", "All 27 EU leaders") or in
   apposition; "For X,"; a clausal subject's first participant; the name a definite
   phrase repeats, the person a title points back to, the entity of a description's
   kind ("the company"); a nationality's country. A stated subject phrase that names
   no entity is kept in its own words, never replaced by a name found elsewhere.
   Only a clause that states no subject falls back on the entity a quantity counts,
   the nearest name in the clause, or the article's lead subject while the text
   keeps naming it. A reported statement is about what it reports ("X said that Y
   rose"): Y; the reporter is the speaker, and the subject only when the statement
   names none.
4. The speaker comes from the attribution frame around the claim ("X said", "said
   X", "according to X", "X told reporters") or, for quoted text, from the frame of
   the quotation, which may sit in another sentence of the same quotation. Names in
   bylines and credit lines never speak.

``resolve_claims`` later maps the mention IDs in the drafts to the corpus-wide
entities built by reconciliation. Mention rows are article-local, so every
cross-sentence resolution (pronouns, quotations) happens here, at draft time.

Modules, in the order they build on each other:

- ``words``: how names and words are compared (folding, a name's telling words, title words).
- ``rules``: configs/claims.toml (with gazetteer titles and nationalities) checked into ``ClaimRules``.
- ``grammar``: parse-tree helpers the rules share: verbs, subjects, clause heads, tree distances.
- ``index``: where quotations (``quote_regions``), sentences, chunks, mentions and boilerplate are in an article.
- ``coreference``: what pronouns, definite phrases ("this agreement", "the minister"), nationalities and noun phrases stand for.
- ``attribution``: speech verbs, attribution frames, the speaker they credit and the speakers of quotations.
- ``context``: one article's index, coreference and speakers, built together (``ArticleContext``).
- ``filters``: sentences that state nothing; clauses that judge, suppose or set a condition.
- ``clauses``: the claim head each value belongs to, the claims of a sentence and a claim's clause span.
- ``subjects``: what a claim is about, and the article's topic.
- ``coordination``: subjects of coordinated modifiers the parser cut to their first word ("food and drink price rises").
- ``scenes``: an "as" clause the parser read as a preposition, and whether a scene clause's nameless subject states a fact.
- ``values``: the values and mentions a claim carries, and the kind they give it.
- ``kinds``: sizes that name a kind of counted thing ("1.96 million 20-foot containers"), left out of the values.
- ``confidence``: hedges, and the 0-1 confidence of a row from the evidence behind it.
- ``drafts``: one ``claim_drafts`` row.
- ``facts``: claims that state no value.
- ``extractor``: the stage, ``ClaimExtractor`` and ``extract_claims``.
- ``resolve``: ``resolve_claims``, drafts to corpus-wide ``claims`` rows.
"""
from __future__ import annotations

from pipeline.stages.claims.extractor import ClaimExtractor, extract_claims
from pipeline.stages.claims.index import quote_regions
from pipeline.stages.claims.resolve import resolve_claims
from pipeline.stages.claims.rules import ClaimRules, ClaimsConfigError, compile_rules

__all__ = ["ClaimExtractor", "ClaimRules", "ClaimsConfigError", "compile_rules", "extract_claims",
           "quote_regions", "resolve_claims"]
