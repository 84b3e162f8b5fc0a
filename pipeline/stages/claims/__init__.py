"""Claims: one row per checkable statement, with its values, actors and speaker.

A claim is a sentence (or one clause of it) that states at least one quantity or
date found by the earlier stages. For each article, ``ClaimExtractor`` reads the
spaCy parse that the nlp stage already made:

1. Sentences that state nothing are skipped: boilerplate (the segmenter's flag),
   headings (no finite verb, a short title-case line, or a short unpunctuated line
   of its own), questions and repeats.
2. Each value (quantity or date row) is attached to a *claim head*: from the value's
   head token up the dependency tree to the nearest verb that heads a clause, then
   further up until the clause is independent (the sentence root, a coordinated
   clause with its own subject) or is a subordinate clause about a named actor.
   Values that share a head form one claim. One claim in a sentence: the span is
   the sentence; several: each claim's span is its clause.
3. The subject is the clause's grammatical subject resolved to an entity mention:
   names directly, "he"/"she" to the last named person, "it"/"they" to the named
   subject before them, "we"/"our" inside a quotation to its speaker, "who"/"which"
   to the antecedent, "All 27 EU leaders" to the name inside the noun phrase. A
   nameless subject after a clause-initial "For X," states X's view: X. A clausal
   subject ("What Germany spends ...") is about the first participant named in it
   (its subject, then its object, then its prepositional objects); a definite
   phrase ("This agreement") about the name it repeats a few sentences before.
   A clause the parser left without a subject after a "since" it read as a
   preposition takes that preposition's object ("since the meeting ... spiralled").
   Failing that: the entity the quantity describes, the nearest name in the clause,
   the named subject of the article's lead while the text keeps naming it, and last
   the subject's own words.
   For reported speech the subject comes from the reported clause ("The Commission
   is trying ..., an official said"), the speaker's own when the value dates the
   saying and the speaker comes first ("X told lawmakers on Monday that ...").
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
- ``values``: the values and mentions a claim carries, and the kind they give it.
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
