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
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from pipeline.core.article import Article
from pipeline.stages.entities import dateline_places, title_pattern
from pipeline.core.ids import span_id

__all__ = ["ClaimExtractor", "ClaimRules", "ClaimsConfigError", "compile_rules", "extract_claims",
           "quote_regions", "resolve_claims"]

_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "PRON"})
_CLAIM_COLUMNS = ["claim_id", "doc_id", "source", "start", "end", "text", "sentence_id", "subject_entity_id",
                  "subject", "predicate", "quantity_ids", "date_ids", "entity_ids", "speaker_entity_id", "speaker",
                  "kind"]
# leading/trailing tokens a clause span sheds ("and", "while", commas)
_EDGE_DEPS = frozenset({"cc", "mark", "punct"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# clauses a clausal subject chains to ("Trying to persuade Hungary to ..."): still the subject's words
_CHAINED_DEPS = frozenset({"xcomp", "ccomp", "conj"})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# what ``main_subject_before`` answers when the antecedent is a common noun: resolve to nothing
_NAMELESS: dict = {"mention_id": None, "label": None, "text": ""}


class ClaimsConfigError(ValueError):
    """The claims lexicon (configs/claims.toml) has an unknown key or a value of the wrong type."""


@dataclass(frozen=True)
class ClaimRules:
    """The claims lexicon, checked and turned into sets (see configs/claims.toml for each key)."""

    speech_verbs: frozenset[str]
    attribution_phrases: tuple[tuple[str, ...], ...]
    clause_deps: frozenset[str]
    coordinate_deps: frozenset[str]
    subject_deps: frozenset[str]
    content_deps: frozenset[str]
    possessor_deps: frozenset[str]
    possessor_preps: frozenset[str]
    described_preps: frozenset[str]
    stance_preps: frozenset[str]
    anaphoric_determiners: frozenset[str]
    object_deps: frozenset[str]
    subordinating_preps: frozenset[str]
    comparison_words: frozenset[str]
    possessor_depth: int
    nearest_depth: int
    pronoun_reach: int
    backreference_reach: int
    topic_reach: int
    person_pronouns: frozenset[str]
    first_person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    person_labels: frozenset[str]
    group_labels: frozenset[str]
    thing_labels: frozenset[str]
    speaker_labels: frozenset[str]
    speaker_modifier_labels: frozenset[str]
    place_labels: frozenset[str]
    quote_pairs: tuple[tuple[str, str], ...]
    weak_dates: frozenset[str]
    heading_max_words: int
    heading_title_share: float
    finite_tags: frozenset[str]
    final_punctuation: frozenset[str]
    question_marks: frozenset[str]
    target_lemmas: frozenset[str]
    target_nouns: frozenset[str]
    joint_object_labels: frozenset[str]
    fact_claims: bool
    attitude_lemmas: frozenset[str]
    opinion_verbs: frozenset[str]
    hypothetical_modals: frozenset[str]
    fact_kind: str
    fact_topic_reach: int
    copular_lemmas: frozenset[str]
    pro_verbs: frozenset[str]
    reported_modals: frozenset[str]
    side_preps: frozenset[str]
    list_openers: frozenset[str]
    conditional_marks: frozenset[str]
    contractions: Mapping[str, str]
    kind_by_quantity: Mapping[str, str]
    kind_by_date: Mapping[str, str]
    # from gazetteer.toml: the titles that precede a name, as folded word tuples, and a
    # regex for one ending a text; nationality adjective -> the folded names of its country
    titles: frozenset[tuple[str, ...]] = frozenset()
    title_before_name: re.Pattern | None = None
    nationality_countries: Mapping[str, frozenset[str]] = field(default_factory=dict)


_LIST_KEYS = ("speech_verbs", "clause_deps", "coordinate_deps", "subject_deps", "content_deps", "possessor_deps",
              "possessor_preps", "described_preps", "stance_preps", "anaphoric_determiners", "object_deps",
              "subordinating_preps", "comparison_words", "person_pronouns", "first_person_pronouns",
              "group_pronouns", "thing_pronouns", "relative_pronouns", "person_labels", "group_labels",
              "thing_labels", "speaker_labels", "speaker_modifier_labels", "place_labels", "weak_dates",
              "finite_tags", "final_punctuation", "question_marks", "target_lemmas", "target_nouns",
              "joint_object_labels", "attitude_lemmas", "opinion_verbs", "hypothetical_modals",
              "conditional_marks", "copular_lemmas", "pro_verbs",
              "reported_modals", "side_preps",
              "list_openers")
# word lists compared lower-cased (the others are labels, tags or punctuation, compared as written)
_LOWERED = frozenset({"speech_verbs", "possessor_preps", "described_preps", "stance_preps", "anaphoric_determiners",
                      "subordinating_preps", "comparison_words", "person_pronouns", "first_person_pronouns",
                      "group_pronouns", "thing_pronouns", "relative_pronouns", "weak_dates", "target_lemmas",
                      "target_nouns", "attitude_lemmas", "opinion_verbs", "hypothetical_modals",
                      "conditional_marks", "copular_lemmas", "pro_verbs",
                      "reported_modals", "side_preps"})
_DEFAULTS: dict[str, object] = {
    "attribution_phrases": [["according", "to"]],
    "clause_deps": ["ROOT", "conj", "advcl", "relcl", "ccomp", "parataxis", "csubj", "acl", "xcomp", "pcomp"],
    "coordinate_deps": ["conj", "parataxis"],
    "subject_deps": ["nsubj", "nsubjpass", "csubj", "csubjpass", "expl"],
    "content_deps": ["ccomp", "parataxis"],
    "possessor_deps": ["compound", "poss", "nmod", "appos", "pobj", "npadvmod"],
    "possessor_preps": ["of", "from", "between", "at", "by"],
    "described_preps": ["of", "from", "between", "at", "by", "in"],
    "stance_preps": ["for"],
    "anaphoric_determiners": ["the", "this", "that", "these", "those"],
    "object_deps": ["dobj", "dative", "attr", "oprd"],
    "subordinating_preps": ["since", "after", "before", "until", "till"],
    "comparison_words": ["than"],
    "possessor_depth": 4,
    "nearest_depth": 4,
    "pronoun_reach": 6,
    "backreference_reach": 6,
    "topic_reach": 4,
    "person_pronouns": ["he", "she", "him", "her", "his", "hers", "himself", "herself"],
    "first_person_pronouns": ["i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"],
    "group_pronouns": ["they", "them", "their", "theirs", "themselves"],
    "thing_pronouns": ["it", "its", "itself"],
    "relative_pronouns": ["who", "whom", "whose", "which", "that"],
    "person_labels": ["PERSON"],
    "group_labels": ["ORG", "GPE", "NORP"],
    "thing_labels": ["ORG", "GPE", "LAW", "EVENT", "PRODUCT", "FAC", "WORK_OF_ART"],
    "speaker_labels": ["PERSON", "ORG", "GPE", "NORP"],
    "speaker_modifier_labels": ["PERSON", "ORG", "GPE"],
    "place_labels": ["GPE", "LOC"],
    "quote_pairs": [["“", "”"], ['"', '"']],
    "weak_dates": [],
    "heading_max_words": 16,
    "heading_title_share": 0.6,
    "finite_tags": ["VBD", "VBP", "VBZ", "MD"],
    "final_punctuation": [".", "!", "?", "…", ":", ";"],
    "question_marks": ["?"],
    "speech_verbs": [],
    "target_lemmas": [],
    "target_nouns": [],
    "joint_object_labels": [],
    "fact_claims": False,
    "attitude_lemmas": [],
    "opinion_verbs": [],
    "hypothetical_modals": [],
    "fact_kind": "event",
    "fact_topic_reach": 1,
    "copular_lemmas": ["be"],
    "pro_verbs": [],
    "reported_modals": [],
    "side_preps": [],
    "list_openers": [":"],
    "conditional_marks": [],
    "contractions": {},
    "kind_by_quantity": {},
    "kind_by_date": {},
}


def _apostrophe(text: str) -> str:
    return text.replace("’", "'")


def verb_lemma(token, rules: ClaimRules) -> str:
    """The lemma of a verb, lower-cased, with contractions read as their verbs ("it’s" -> "be").

    The small model leaves a contraction written with a curly apostrophe as its own
    lemma ("’s"), which would hide the copula from every rule that asks for "be".
    """
    lemma = token.lemma_.lower()
    return rules.contractions.get(_apostrophe(lemma), lemma)


def _title_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[\w.]+", text.lower().replace("-", " ")) if w != ".")


def compile_rules(lexicon: Mapping | None, *, gazetteer: Mapping | None = None) -> ClaimRules:
    """Check the claims lexicon and build the rule sets; missing keys take the defaults above.

    From ``gazetteer`` (configs/gazetteer.toml) come the ``titles`` that precede names
    ("the Secretary General" then points back to the person so titled) and the
    ``nationalities`` ("Romanian authorities" are about Romania).

    Raises ClaimsConfigError ([E601] wrong type, [E602] unknown key) so a typo in
    configs/claims.toml never silently switches a rule off.
    """
    raw = dict(lexicon or {})
    unknown = sorted(set(raw) - set(_DEFAULTS))
    if unknown:
        raise ClaimsConfigError(f"[E602] configs/claims.toml has unknown keys {unknown}; known keys: {sorted(_DEFAULTS)}")
    merged = {**_DEFAULTS, **raw}
    values: dict[str, object] = {}
    for key in _LIST_KEYS:
        items = merged[key]
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise ClaimsConfigError(f"[E601] configs/claims.toml: {key!r} must be a list of strings, not {items!r}")
        values[key] = frozenset(item.lower() if key in _LOWERED else item for item in items)
    phrases = merged["attribution_phrases"]
    if not isinstance(phrases, list) or not all(
            isinstance(p, list) and p and all(isinstance(w, str) for w in p) for p in phrases):
        raise ClaimsConfigError("[E601] configs/claims.toml: 'attribution_phrases' must be a list of word lists, "
                                f"e.g. [[\"according\", \"to\"]], not {phrases!r}")
    pairs = merged["quote_pairs"]
    if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(c, str) and len(c) == 1 for c in p) for p in pairs):
        raise ClaimsConfigError("[E601] configs/claims.toml: 'quote_pairs' must be a list of [opening, closing] "
                                f"single characters, not {pairs!r}")
    gazetteer = gazetteer or {}
    titles = gazetteer.get("titles", ())
    countries = gazetteer.get("nationalities", {})
    if not isinstance(countries, Mapping) or not all(
            isinstance(v, list) and all(isinstance(n, str) for n in v) for v in countries.values()):
        raise ClaimsConfigError("[E604] configs/gazetteer.toml: [nationalities] must map a nationality to a "
                                f"list of country names, not {countries!r}")
    for key in ("kind_by_quantity", "kind_by_date", "contractions"):
        table = merged[key]
        if not isinstance(table, Mapping) or not all(isinstance(v, str) for v in table.values()):
            raise ClaimsConfigError(f"[E601] configs/claims.toml: [{key}] must map kinds to strings, not {table!r}")
    if not isinstance(merged["fact_claims"], bool):
        raise ClaimsConfigError("[E601] configs/claims.toml: 'fact_claims' must be true or false, "
                                f"not {merged['fact_claims']!r}")
    if not isinstance(merged["fact_kind"], str) or not merged["fact_kind"]:
        raise ClaimsConfigError("[E601] configs/claims.toml: 'fact_kind' must be a non-empty string, "
                                f"not {merged['fact_kind']!r}")
    for key, kind in (("possessor_depth", int), ("nearest_depth", int), ("pronoun_reach", int),
                      ("backreference_reach", int), ("topic_reach", int), ("fact_topic_reach", int),
                      ("heading_max_words", int), ("heading_title_share", (int, float))):
        if not isinstance(merged[key], kind) or isinstance(merged[key], bool):
            raise ClaimsConfigError(f"[E601] configs/claims.toml: {key!r} must be a number, not {merged[key]!r}")
    # the entities stage's regex for the titles, here for one that ends a text before a name
    any_title = title_pattern(list(titles))
    return ClaimRules(
        titles=frozenset(_title_words(t) for t in titles if t.strip()),
        title_before_name=re.compile(rf"({any_title.pattern})[^\S\n]+$", any_title.flags) if any_title else None,
        attribution_phrases=tuple(tuple(w.lower() for w in p) for p in phrases),
        quote_pairs=tuple((p[0], p[1]) for p in pairs),
        possessor_depth=int(merged["possessor_depth"]),
        nearest_depth=int(merged["nearest_depth"]),
        pronoun_reach=int(merged["pronoun_reach"]),
        backreference_reach=int(merged["backreference_reach"]),
        topic_reach=int(merged["topic_reach"]),
        fact_topic_reach=int(merged["fact_topic_reach"]),
        heading_max_words=int(merged["heading_max_words"]),
        heading_title_share=float(merged["heading_title_share"]),
        kind_by_quantity=dict(merged["kind_by_quantity"]),
        kind_by_date=dict(merged["kind_by_date"]),
        fact_claims=merged["fact_claims"],
        fact_kind=merged["fact_kind"],
        nationality_countries={_fold(k): frozenset(_fold(n) for n in v) for k, v in countries.items()},
        contractions={_apostrophe(k).lower(): v.lower() for k, v in merged["contractions"].items()},
        **values,
    )


class ClaimExtractor:
    """Build claim drafts for one article from its Doc and its date, quantity and mention rows."""

    def __init__(self, lexicon: dict | None = None, *, gazetteer: Mapping | None = None) -> None:
        self.rules = compile_rules(lexicon, gazetteer=gazetteer)

    def __call__(self, doc, article: Article, *, dates: Sequence[dict], quantities: Sequence[dict],
                 mentions: Sequence[dict]) -> list[dict]:
        return extract_claims(doc, article, dates=dates, quantities=quantities, mentions=mentions, rules=self.rules)


# ---------------------------------------------------------------------------------------------
# quotations


def quote_regions(text: str, pairs: Sequence[tuple[str, str]], *, breaks: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of quoted text in ``text``, quotation marks included, in order.

    ``breaks`` are the offsets where paragraphs end. A curly quotation opened again
    before it was closed (news style for a quote running over several paragraphs)
    continues up to the new mark; one never closed ends with its paragraph. A mark
    that both opens and closes (the straight ``"``) alternates within a paragraph,
    so one stray mark cannot turn the rest of an article into a quotation.
    """
    breaks = sorted(breaks)

    def paragraph_end(at: int) -> int:
        i = bisect.bisect_right(breaks, at)
        return breaks[i] if i < len(breaks) else len(text)

    regions: list[tuple[int, int]] = []
    for opening, closing in pairs:
        start: int | None = None
        limit = len(text)
        for i, char in enumerate(text):
            if start is not None and i >= limit and (opening == closing or char == opening):
                # the quotation ran past its paragraph unclosed: it ends there
                regions.append((start, limit))
                start = None
            if opening == closing:
                if char == opening:
                    if start is None:
                        start, limit = i, paragraph_end(i)
                    else:
                        regions.append((start, i + 1))
                        start = None
                continue
            if char == opening:
                if start is not None:
                    regions.append((start, i))
                start, limit = i, paragraph_end(i)
            elif char == closing and start is not None:
                regions.append((start, i + 1))
                start = None
        if start is not None:
            regions.append((start, limit))
    regions.sort()
    merged: list[tuple[int, int]] = []
    for start, end in regions:
        # "„...“" and "“...”" can both match the same marks: keep the outermost
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# ---------------------------------------------------------------------------------------------
# the per-article context


@dataclass
class _Frame:
    """One attribution in a sentence: who is credited, and which tokens it covers."""

    verb: object  # the speech verb or attribution word (a Token)
    speaker: dict | None
    scope: frozenset[int]
    # the tokens naming the source ("an official from the Elysee"): never the claim's subject
    source: frozenset[int] = frozenset()


class _Context:
    """One article's Doc, mentions, quotations and boilerplate, with the lookups the rules need."""

    def __init__(self, doc, article: Article, mentions: Sequence[dict], rules: ClaimRules) -> None:
        self.doc = doc
        self.article = article
        self.rules = rules
        length = len(article.text)
        # mentions as article-local (start, end, row), longest first per start so the widest wins
        # the place of a dateline is where the article was filed, never an actor or antecedent
        datelines = set(dateline_places(article.text))
        local = []
        for row in mentions:
            start, end = row["start"] - article.start, row["end"] - article.start
            if 0 <= start < end <= length and (start, end) not in datelines:
                local.append((start, end, row))
        local.sort(key=lambda item: (item[0], -item[1]))
        self.mentions = local
        self.mention_starts = [m[0] for m in local]
        self.token_mention: list[dict | None] = [None] * len(doc)
        # names by the word that heads them ("agreement" for "Security and Defence Partnership
        # Agreement"), in text order: what a definite "this agreement" can point back to
        self.named_heads: dict[str, list[tuple[int, dict, frozenset[str], bool]]] = {}
        for start, end, row in sorted(local, key=lambda item: item[0] - item[1]):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                if self.token_mention[token.i] is None:
                    self.token_mention[token.i] = row
            root = span.root
            entry = (start, row, frozenset(t.lower_ for t in span), root.tag_ in _PLURAL_TAGS)
            for key in {root.lemma_.lower(), root.lower_}:
                self.named_heads.setdefault(key, []).append(entry)
        for entries in self.named_heads.values():
            entries.sort(key=lambda entry: entry[0])
        self.sentences = list(doc.sents)
        self.sentence_chars = [sent.start_char for sent in self.sentences]
        # token -> its sentence and its noun chunk, computed once: Token.sent and
        # Span.noun_chunks rescan the Doc on every call
        self.sentence_of: list[int] = [0] * len(doc)
        for index, sent in enumerate(self.sentences):
            self.sentence_of[sent.start:sent.end] = [index] * (sent.end - sent.start)
        self.chunk_of: list[tuple[int, int] | None] = [None] * len(doc)
        for chunk in doc.noun_chunks:
            self.chunk_of[chunk.start:chunk.end] = [(chunk.start, chunk.end)] * (chunk.end - chunk.start)
        breaks = [a.end - article.start for a, b in zip(article.sentences, article.sentences[1:])
                  if a.paragraph != b.paragraph]
        self.quotes = quote_regions(article.text, rules.quote_pairs, breaks=breaks)
        self.quote_starts = [q[0] for q in self.quotes]
        self.boilerplate = sorted((s.start - article.start, s.end - article.start)
                                  for s in article.sentences if s.boilerplate)
        self.boilerplate_starts = [b[0] for b in self.boilerplate]
        # names in bylines and credit lines belong to the author or publisher, who is never the speaker
        self.authors = {_fold(row["text"]) for start, end, row in local if self._in_boilerplate(start)}
        # subject tokens whose antecedent search is under way (``main_subject_before``)
        self._resolving: set[int] = set()
        # people introduced with a title ("NATO Secretary General Mark Rutte"), in text order:
        # (start, title words, the words just before the title, mention)
        self.titled: list[tuple[int, tuple[str, ...], frozenset[str], dict]] = []
        if rules.title_before_name is not None:
            text = article.text
            for start, end, row in local:
                if row["label"] not in rules.person_labels:
                    continue
                line_start = text.rfind("\n", 0, start) + 1
                found = rules.title_before_name.search(text[max(line_start, start - 80):start])
                if found is None:
                    continue
                before = text[max(line_start, start - 80):start][:found.start(1)]
                context = frozenset(_title_words(" ".join(before.split()[-3:])))
                self.titled.append((start, _title_words(found.group(1)), context, row))

    # --- positions

    def sent(self, token):
        """The sentence Span holding ``token`` (cached; ``Token.sent`` rescans the Doc)."""
        return self.sentences[self.sentence_of[token.i]]

    def _in_boilerplate(self, local_start: int) -> bool:
        i = bisect.bisect_right(self.boilerplate_starts, local_start) - 1
        return i >= 0 and local_start < self.boilerplate[i][1]

    def sentence_index(self, local: int) -> int:
        """Index in ``self.sentences`` of the sentence holding article-local offset ``local``."""
        return max(0, bisect.bisect_right(self.sentence_chars, local) - 1)

    def mentions_in(self, local_start: int, local_end: int) -> list[dict]:
        """Mention rows overlapping the article-local span, in text order."""
        # a mention starting before the span can still reach into it; names are short, so look back a little
        i = bisect.bisect_left(self.mention_starts, local_start)
        while i > 0 and self.mentions[i - 1][1] > local_start:
            i -= 1
        found = []
        for start, end, row in self.mentions[i:]:
            if start >= local_end:
                break
            if end > local_start:
                found.append(row)
        return found

    def quote_at(self, local: int) -> tuple[int, int] | None:
        """The quotation holding article-local offset ``local`` (None outside quotations)."""
        i = bisect.bisect_right(self.quote_starts, local) - 1
        if i >= 0 and local < self.quotes[i][1]:
            return self.quotes[i]
        return None

    def last_mention_before(self, local: int, labels: frozenset[str], *, skip_quotes: bool = False,
                            not_before: int | None = None) -> dict | None:
        """The last mention with one of ``labels`` ending at or before ``local`` (not in boilerplate).

        The search reaches back ``pronoun_reach`` sentences at most (or to ``not_before``).
        """
        if not_before is None:
            reach = max(0, self.sentence_index(local) - self.rules.pronoun_reach)
            not_before = self.sentence_chars[reach] if self.sentence_chars else 0
        i = bisect.bisect_left(self.mention_starts, local)
        for start, end, row in reversed(self.mentions[:i]):
            if start < not_before:
                return None
            if end > local or row["label"] not in labels or self._in_boilerplate(start):
                continue
            if skip_quotes and self.quote_at(start) is not None:
                continue
            return row
        return None

    def named_lately(self, row: dict, token, reach: int | None = None) -> bool:
        """True when the entity of ``row`` is named in ``token``'s sentence or the ``reach`` before it.

        ``reach`` defaults to ``topic_reach``.

        A name counts when it has the same label and the same text, or shares a word
        of four letters or more with ``row`` ("Biden" for "Joe Biden"), so the
        article's topic stays what a nameless sentence is about only while the text
        keeps naming it.
        """
        index = self.sentence_of[token.i]
        low = self.sentence_chars[max(0, index - (self.rules.topic_reach if reach is None else reach))]
        high = self.sentences[index].end_char
        folded, words = _fold(row["text"]), _name_words(row["text"])
        for other in self.mentions_in(low, high):
            if other["label"] != row["label"] or self._in_boilerplate(other["start"] - self.article.start):
                continue
            if _fold(other["text"]) == folded or words & _name_words(other["text"]):
                return True
        return False

    # --- resolving a token to the entity mention it stands for

    def mention_of(self, token) -> dict | None:
        return self.token_mention[token.i]

    def resolve_pronoun(self, token, quote_speaker: dict | None, *, speaker: bool = False) -> dict | None:
        """The antecedent mention of a pronoun token, or None (not a pronoun, or unresolved)."""
        rules = self.rules
        word = token.lower_
        if word in rules.person_pronouns:
            return self.last_mention_before(token.idx, rules.person_labels, skip_quotes=speaker)
        if word in rules.first_person_pronouns:
            return quote_speaker if self.quote_at(token.idx) is not None else None
        # "it said" credits an institution ("The Council has four weeks ..., it said"): speaker labels filter later
        if word in rules.group_pronouns or word in rules.thing_pronouns:
            labels = rules.group_labels if word in rules.group_pronouns else rules.thing_labels
            found = self.main_subject_before(token, labels)
            if found is _NAMELESS:
                return None
            if found is not None:
                return found
            if word in rules.group_pronouns:
                return self.last_mention_before(token.idx, labels, skip_quotes=speaker)
            # "it" reaches back one sentence at most: further back it is mostly about an event
            sent_start = self.sent(token).start
            previous = self.sent(self.doc[sent_start - 1]).start if sent_start > 0 else sent_start
            return self.last_mention_before(token.idx, labels, skip_quotes=speaker, not_before=self.doc[previous].idx)
        return None

    def main_subject_before(self, token, labels: frozenset[str]) -> dict | None:
        """The named subject of the main clause before ``token``: its own sentence's, else the previous one's.

        Subjects are the likeliest antecedents of "it" and "they" ("The EU said it
        would ..."; "The EU has ... It has also ..."), more than the last name seen.
        ``_NAMELESS`` when "they" follows a subject that is a plural common noun naming
        nothing ("Stinger missiles were bought ... They are portable"): that noun is the
        antecedent, so no earlier name may stand in for it.
        """
        sent = self.sent(token)
        candidates = [sent]
        if sent.start > 0:
            candidates.append(self.sent(self.doc[sent.start - 1]))
        for index, candidate in enumerate(candidates):
            subject = subject_of(candidate.root, self.rules)
            if subject is None or (index == 0 and subject.i >= token.i) or self.is_pronoun(subject):
                continue
            # the pronoun's own phrase is not its antecedent ("The size of its army grew"), and
            # a chain of possessive pronouns back through the text ends at the first repeat
            if subject.left_edge.i <= token.i <= subject.right_edge.i or subject.i in self._resolving:
                continue
            self._resolving.add(subject.i)
            try:
                found = self.mention_of(subject) or self.resolve_phrase(subject, None)
            finally:
                self._resolving.discard(subject.i)
            # a coordinated subject ("Macron and Merz met ... They agreed") is plural whatever its label
            plural = token.lower_ in self.rules.group_pronouns and any(c.dep_ == "conj" for c in subject.children)
            # (not a speech verb's subject: "this is quick, officials insist" is about "this")
            if found is None and token.lower_ in self.rules.group_pronouns and subject.pos_ == "NOUN" \
                    and subject.tag_ in _PLURAL_TAGS and candidate.root.lemma_.lower() not in self.rules.speech_verbs \
                    and self.back_reference(subject) is None:
                return _NAMELESS
            if found is not None and (found["label"] in labels or plural) \
                    and not self._in_boilerplate(candidate.start_char):
                return found
        return None

    def is_pronoun(self, token) -> bool:
        rules = self.rules
        return token.pos_ == "PRON" or token.lower_ in (
            rules.person_pronouns | rules.first_person_pronouns | rules.group_pronouns | rules.thing_pronouns)

    def resolve_phrase(self, token, quote_speaker: dict | None, *, labels: frozenset[str] | None = None,
                       prefer_person: bool = False, any_prep: bool = False,
                       preps: frozenset[str] | None = None) -> dict | None:
        """The mention a noun phrase headed by ``token`` is about.

        The head itself when it is (part of) a name; else a possessive pronoun's
        antecedent; else the nearest name reached through possessors, compounds,
        appositions and owner prepositions ("the leaders of the EU"). ``any_prep``
        also follows the other prepositions, but not to a place (a speaker's title:
        "High Representative for Foreign Affairs, Kaja Kallas"; "a spokesman for the
        Commission"; "the Forecast for Germany" credits no one), ``preps`` replaces the
        owner prepositions;
        ``prefer_person`` ranks people first.
        """
        rules = self.rules
        preps = rules.possessor_preps if preps is None else preps
        own = self.mention_of(token)
        if own is not None and (labels is None or own["label"] in labels):
            return own
        best: tuple | None = None
        # (node, depth, topic): past a preposition that names no owner a place is what the
        # phrase is about ("the Forecast for Germany", "Minister for Europe"), not who it is,
        # while a person or body still is ("a spokesman for the Commission")
        frontier = [(token, 0, False)]
        seen = {token.i}
        while frontier:
            node, depth, topic = frontier.pop(0)
            if depth >= rules.possessor_depth:
                continue
            for child in node.children:
                if child.i in seen:
                    continue
                seen.add(child.i)
                if child.dep_ == "prep":
                    if child.lower_ in preps:
                        frontier.append((child, depth, topic))
                    elif any_prep:
                        frontier.append((child, depth, True))
                    continue
                if child.dep_ not in rules.possessor_deps:
                    continue
                if child.dep_ == "poss" and self.is_pronoun(child):
                    found = self.resolve_pronoun(child, quote_speaker)
                else:
                    found = self.mention_of(child)
                if found is not None and (labels is None or found["label"] in labels) \
                        and not (topic and found["label"] in rules.place_labels):
                    person = found["label"] in rules.person_labels
                    # an apposition names the phrase's head itself ("Trump's Secretary of State,
                    # Marco Rubio"), ahead of its owner at the same depth
                    key = (not person if prefer_person else 0, depth, child.dep_ != "appos", child.i)
                    if best is None or key < best[0]:
                        best = (key, found)
                frontier.append((child, depth + 1, topic))
        return best[1] if best else None

    def resolve_subject_token(self, token, head, quote_speaker: dict | None) -> dict | None:
        """The mention a clause's subject token stands for (names, pronouns, relative pronouns, phrases)."""
        if self.mention_of(token) is not None:
            return self.mention_of(token)
        if token.lower_ in self.rules.relative_pronouns and head.dep_ == "relcl":
            return self.resolve_phrase(head.head, quote_speaker)
        if self.is_pronoun(token):
            return self.resolve_pronoun(token, quote_speaker)
        return self.resolve_phrase(token, quote_speaker)

    def back_reference(self, token) -> dict | None:
        """The name a definite common-noun phrase points back to, or None.

        "This agreement" after "... concluded a Security and Defence Partnership
        Agreement" is that agreement: the phrase is an anaphoric determiner, modifiers
        that all occur in the name ("the partnership agreement") and a head noun that
        heads the name, in the same number, named at most ``backreference_reach``
        sentences before. Anything after the head ("the summit in June"), a modifier the
        name lacks ("the next summit") or an indefinite ("another summit", "such a pact")
        introduces a referent of its own, so it resolves to nothing.
        """
        rules = self.rules
        if token.pos_ != "NOUN" or self.mention_of(token) is not None or token.right_edge.i != token.i:
            return None
        doc = token.doc
        first = doc[token.left_edge.i]
        if first.dep_ != "det" or first.lower_ not in rules.anaphoric_determiners:
            return None
        modifiers = [t.lower_ for t in doc[first.i + 1:token.i]]
        reach = max(0, self.sentence_index(token.idx) - rules.backreference_reach)
        not_before = self.sentence_chars[reach]
        plural = token.tag_ in _PLURAL_TAGS
        best = None
        for key in {token.lemma_.lower(), token.lower_}:
            entries = self.named_heads.get(key, ())
            # the latest fitting name before the phrase, walking back from it (entries are in text order)
            for at in range(bisect.bisect_left(entries, (token.idx,)) - 1, -1, -1):
                start, row, words, named_plural = entries[at]
                if start < not_before or (best is not None and start <= best[0]):
                    break
                if named_plural == plural and not self._in_boilerplate(start) \
                        and all(word in words for word in modifiers):
                    best = (start, row)
                    break
        return best[1] if best else None

    def nationality_of(self, token) -> dict | None:
        """The country a nameless phrase belongs to by its nationality adjective ("Romanian authorities"), or None.

        The adjective must be a NORP mention of a country's nationality (a key of the
        gazetteer's ``nationalities`` with names): "European" or "Western" leaders belong to
        no one party, and neither do "European and Canadian leaders". The country is its last mention
        before the phrase (else its first after, in the article) under one of the names the
        table gives; when the article never names it, the nationality stands for itself.
        """
        if token.pos_ != "NOUN":
            return None
        for child in token.children:
            if child.dep_ != "amod" or child.i > token.i:
                continue
            row = self.mention_of(child)
            if row is None or row["label"] != "NORP" or any(c.dep_ == "conj" for c in child.children):
                continue
            names = self.rules.nationality_countries.get(_fold(row["text"]))
            if not names:
                return None
            before = after = None
            for start, end, other in self.mentions:
                if _fold(other["text"]) not in names or self._in_boilerplate(start):
                    continue
                if start < child.idx:
                    before = other
                elif after is None:
                    after = other
            return before or after or row
        return None

    def title_reference(self, token) -> dict | None:
        """The person a definite title phrase points back to ("the Secretary General", "the French president").

        The phrase is an anaphoric determiner, perhaps modifiers, then a title of
        ``titles`` ending at its head, with nothing after the head. It names the last
        person before it introduced with that title, or a longer one it ends ("Defence
        Minister Boris Pistorius" for "the minister"), whose introduction also carries the
        modifiers ("French President Emmanuel Macron" for "the French president").
        """
        if not self.titled or self.mention_of(token) is not None or token.right_edge.i != token.i:
            return None
        doc = token.doc
        first = doc[token.left_edge.i]
        if first.dep_ != "det" or first.lower_ not in self.rules.anaphoric_determiners or first.i == token.i:
            return None
        words = _title_words(doc[first.i + 1:token.i + 1].text)
        split = next((k for k in range(len(words)) if words[k:] in self.rules.titles), None)
        if split is None:
            return None
        title, modifiers = words[split:], words[:split]
        best = None
        for start, titled, context, row in self.titled:
            if start >= token.idx:
                break
            # "the minister" after "Defence Minister X": the phrase's title may end a longer one
            if titled[-len(title):] == title and all(word in context or word in titled for word in modifiers):
                best = row
        return best

    def resolve_noun(self, token, quote_speaker: dict | None) -> dict | None:
        """The mention a noun phrase names: through its own words (``resolve_phrase``), else as a back-reference."""
        return self.resolve_phrase(token, quote_speaker) or self.back_reference(token)

    def fronted_stance(self, verb, subject, quote_speaker: dict | None) -> dict | None:
        """The entity named by a clause-initial "For X," whose view or stake the clause states, or None.

        "For the EU's external action service (EEAS), closer cooperation with the UK is
        a must": the comma-closed phrase before the subject names the holder of the
        view, which the nameless subject ("closer cooperation") does not. The phrase is
        found by position, not by where the parser hung it: the parser often attaches
        it to a clausal subject instead of the main verb.
        """
        doc = verb.doc
        i = verb.left_edge.i
        while i < subject.i and (doc[i].dep_ in _EDGE_DEPS or doc[i].is_punct or doc[i].is_space):
            i += 1
        prep = doc[i]
        if prep.dep_ != "prep" or prep.lower_ not in self.rules.stance_preps:
            return None
        close = prep.right_edge.i + 1
        # the phrase ends in a comma before the subject's head (it may sit inside the subject's
        # subtree when the parser hung it on a clausal subject)
        if close >= subject.i or doc[close].text != ",":
            return None
        target = next((child for child in prep.children if child.dep_ == "pobj"), None)
        return self.resolve_noun(target, quote_speaker) if target is not None else None

    def inside_clausal_subject(self, verb, quote_speaker: dict | None) -> dict | None:
        """The entity a clausal subject is about ("Negotiating such a pact with the UK requires ...").

        A clause has no name at its head, so the claim is about a participant of the
        clause, taken in this order: its own subject or passive agent ("What Germany
        spends ..."), then its object ("Joining NATO took ..."), then the objects of
        its prepositions ("Talking to Moscow ..."). Verbs the clause chains to
        ("Trying to join NATO") count one level deeper, ``possessor_depth`` levels at
        most; within a rank the shallowest, then the leftmost, wins.
        """
        rules = self.rules
        best: tuple | None = None
        frontier = [(verb, 0)]
        while frontier:
            node, depth = frontier.pop()
            for child in node.children:
                found, rank = None, None
                if child.dep_ in {"nsubj", "nsubjpass"}:
                    found, rank = self.resolve_subject_token(child, node, quote_speaker), 0
                elif child.dep_ == "agent":
                    target = next((c for c in child.children if c.dep_ == "pobj"), None)
                    found, rank = (self.resolve_noun(target, quote_speaker) if target is not None else None), 0
                elif child.dep_ in rules.object_deps:
                    found, rank = self.resolve_noun(child, quote_speaker), 1
                elif child.dep_ == "prep":
                    target = next((c for c in child.children if c.dep_ == "pobj"), None)
                    found, rank = (self.resolve_noun(target, quote_speaker) if target is not None else None), 2
                elif child.pos_ in _VERBAL and child.dep_ in _CHAINED_DEPS and depth < rules.possessor_depth:
                    frontier.append((child, depth + 1))
                if found is not None and (best is None or (rank, depth, child.i) < best[0]):
                    best = ((rank, depth, child.i), found)
        return best[1] if best else None

    def resolve_speaker(self, token) -> dict | None:
        """The mention credited by an attribution whose subject (or object) is ``token``."""
        rules = self.rules
        if self.is_pronoun(token):
            found = self.resolve_pronoun(token, None, speaker=True)
        else:
            found = self.mention_of(token)
            if found is None:
                found = self.resolve_phrase(token, None, labels=rules.speaker_modifier_labels, prefer_person=True,
                                            any_prep=True) or self.title_reference(token)
        if found is None or found["label"] not in rules.speaker_labels or _fold(found["text"]) in self.authors:
            return None
        return found


# ---------------------------------------------------------------------------------------------
# sentence filters


def _fold(text: str) -> str:
    return _POSSESSIVE.sub("", " ".join(text.split())).lower()


def _name_words(text: str) -> set[str]:
    """The words of a name long enough to identify it ("biden"; not "the", "of" or "joe")."""
    return {word for word in re.findall(r"\w+", _fold(text)) if len(word) > 3}


def is_headline(sent, text: str, rules: ClaimRules) -> bool:
    """True for a short line of its own without final punctuation: a headline or section title.

    News headlines are often in sentence case ("Nato leaders commit to invest 5% GDP
    by 2035"), so capitals cannot tell them; standing alone on a line unpunctuated can.
    """
    words = text[sent.start_char:sent.end_char]
    # the sentence without the line breaks the parser may have attached to either end
    start = sent.start_char + len(words) - len(words.lstrip())
    end = sent.start_char + len(words.rstrip())
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False
    stripped = text[start:end].rstrip().rstrip("”\"’')]»")
    if not stripped or stripped[-1] in rules.final_punctuation:
        return False
    return sum(1 for token in sent if token.is_alpha) <= rules.heading_max_words


def is_data_line(sent, values: Sequence[tuple[dict, object]], rules: ClaimRules) -> bool:
    """True for a verbless sentence that still states figures: "Israel ($46.5 billion, up 65%)."

    Data-heavy news lists figures with the verb left out ("In 2022 — $65 billion.",
    "China: the second-largest spender ($314 billion, up 7%)."). Such a line is one claim
    when it ends like a sentence (a heading does not, nor a line opening a list: "NATO 5%
    Defence Spending Target:") and states a quantity: a date alone ("Source: SIPRI,
    2024.") is a credit, not a fact.
    """
    if not any("quantity_id" in row for row, _ in values):
        return False
    stripped = sent.text.rstrip().rstrip("”\"’')]»")
    return bool(stripped) and stripped[-1] in rules.final_punctuation and stripped[-1] not in rules.question_marks \
        and stripped[-1] not in rules.list_openers and not any(token.tag_ in rules.finite_tags for token in sent)


def states_nothing(sent, rules: ClaimRules) -> bool:
    """True for headings, fragments and questions: sentences that assert no checkable fact.

    A heading has no finite verb ("Background", "Sunday, February 01, 2026"), or is a
    short title-case line without final punctuation ("UK and EU Resume Defence Talks").
    """
    # a word that is not nominal and has a subject heads a clause, whatever its tag: the tagger
    # reads "The authors ... raise" as VB and "that is 80 billion euros" with "is" as an adverb
    if not any(token.tag_ in rules.finite_tags
               or (token.pos_ not in _NOMINAL and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children))
               for token in sent):
        return True
    words = [token for token in sent if token.is_alpha]
    text = sent.text.rstrip()
    stripped = text.rstrip("”\"’')]»")
    if stripped and stripped[-1] in rules.question_marks:
        return True
    ends = bool(stripped) and stripped[-1] in rules.final_punctuation
    if not ends and words and len(words) <= rules.heading_max_words:
        capitalised = sum(1 for token in words if token.text[0].isupper())
        if capitalised / len(words) >= rules.heading_title_share:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# clauses


def own_subject(head, rules: ClaimRules):
    """The first child of ``head`` that is its grammatical subject, or None.

    Also the subject the parser misread as the object of a conjunction it took for a
    preposition (see ``misread_subject``).
    """
    for child in head.children:
        if child.dep_ in rules.subject_deps:
            return child
    return misread_subject(head, rules)


def misread_subject(verb, rules: ClaimRules):
    """The subject of an adverbial clause that the parser hung on its conjunction as an object, or None.

    In "... since the meeting between Trump and Zelenskyy spiralled on Friday" the
    parser often reads "since" as a preposition with "the meeting" as its object and
    leaves "spiralled" without a subject. A finite verb that follows such an object
    directly can only be its predicate: English puts nothing else between a clause's
    subject and its verb, while a real prepositional phrase ("since 2022, prices
    rose") is followed by a comma or the main clause's own subject.
    """
    if verb.dep_ != "advcl" or verb.pos_ not in _VERBAL:
        return None
    if verb.tag_ not in rules.finite_tags and not any(
            c.dep_ in {"aux", "auxpass"} and c.tag_ in rules.finite_tags for c in verb.children):
        return None
    for sibling in verb.head.children:
        if sibling.i >= verb.i:
            break
        if sibling.dep_ != "prep" or sibling.lower_ not in rules.subordinating_preps:
            continue
        target = next((c for c in sibling.children if c.dep_ == "pobj"), None)
        if target is not None and target.right_edge.i + 1 == verb.left_edge.i:
            return target
    return None


def subject_of(head, rules: ClaimRules, depth: int = 0):
    """The subject of a clause, inherited through shared-subject links ("pledged to dig": "they").

    A subject the parser hung on an adverb of the clause ("relations ... have been
    de facto blocked") still counts.
    """
    found = own_subject(head, rules)
    if found is not None or depth > 6:
        return found
    if head.pos_ in _VERBAL:
        for child in head.children:
            if child.i < head.i and child.pos_ not in _VERBAL:
                stray = next((g for g in child.children if g.dep_ in rules.subject_deps and g.i < head.i), None)
                if stray is not None:
                    return stray
    if head.head.i != head.i and head.dep_ in {"conj", "xcomp", "advcl", "pcomp", "acl"} and head.head.pos_ in _VERBAL:
        return subject_of(head.head, rules, depth + 1)
    return None


def clause_head(token, rules: ClaimRules):
    """The nearest verb at or above ``token`` that heads a clause (the root at worst)."""
    current = token
    while not (current.head.i == current.i or current.dep_ == "ROOT"
               or (current.dep_ in rules.clause_deps and current.pos_ in _VERBAL)):
        current = current.head
    return current


def _is_claim_head(head, ctx: _Context, quote_speaker: dict | None) -> bool:
    """True when the clause headed by ``head`` makes a claim of its own.

    The root does; a coordinated clause with its own subject does; a subordinate
    clause does when its subject names an actor ("who came to power last summer"
    about Starmer), else its values belong to the clause above.
    """
    rules = ctx.rules
    if head.head.i == head.i or head.dep_ == "ROOT":
        return True
    subject = own_subject(head, rules)
    if subject is None or subject.dep_ == "expl":
        return False
    if is_attribution_tag(head, rules) or is_comparison_term(head, rules):
        return False
    if head.dep_ in rules.coordinate_deps:
        return True
    return ctx.resolve_subject_token(subject, head, quote_speaker) is not None


def is_comparison_term(verb, rules: ClaimRules) -> bool:
    """True for the second term of a comparison ("... in three months than NATO countries do in a year").

    It completes the claim it compares with: split off, neither half states the fact.
    """
    if verb.dep_ == "pcomp" and verb.head.lower_ in rules.comparison_words:
        return True
    return any(child.dep_ == "mark" and child.lower_ in rules.comparison_words for child in verb.children)


def is_attribution_tag(verb, rules: ClaimRules) -> bool:
    """True for a speech verb hung on the statement it reports ("The UK will act, Starmer said on Sunday")."""
    return (verb.lemma_.lower() in rules.speech_verbs and verb.head.i != verb.i
            and verb.dep_ in {"parataxis", "ccomp", "advcl", "conj"} and not _speech_contents(verb, rules))


def claim_head(token, ctx: _Context, quote_speaker: dict | None):
    """The head of the claim a value token belongs to (see ``_is_claim_head``)."""
    head = clause_head(token, ctx.rules)
    while not _is_claim_head(head, ctx, quote_speaker):
        head = clause_head(head.head, ctx.rules)
    return head


def _value_token(doc, local_start: int, local_end: int):
    """The syntactic head of a value's tokens (None when the offsets fall outside the Doc)."""
    span = doc.char_span(local_start, local_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def _clause_range(head, sent, heads: Sequence, value_tokens: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """Token range of one claim's clause when a sentence holds several claims.

    The head's subtree (the whole sentence for the root), minus the other claims'
    clauses inside it: of the pieces left, the one holding the head. Leading and
    trailing conjunctions, subordinators and punctuation are shed.
    """
    doc = head.doc
    if head.i == sent.root.i or head.dep_ == "ROOT":
        low, high = sent.start, sent.end
    else:
        low, high = head.left_edge.i, head.right_edge.i + 1
    for other in heads:
        if other.i == head.i:
            continue
        o_low, o_high = other.left_edge.i, other.right_edge.i + 1
        if o_low <= head.i < o_high or not (low <= o_low and o_high <= high):
            continue
        if o_high <= head.i:
            low = max(low, o_high)
        else:
            high = min(high, o_low)
    for first, last in value_tokens:
        low, high = min(low, first), max(high, last)
    while low < high - 1 and (doc[low].dep_ in _EDGE_DEPS or doc[low].is_space) and doc[low].i != head.i \
            and not any(first == low for first, _ in value_tokens):
        low += 1
    while high - 1 > low and high < sent.end and (doc[high - 1].dep_ in _EDGE_DEPS or doc[high - 1].is_space) \
            and doc[high - 1].i != head.i and not any(last == high for _, last in value_tokens):
        high -= 1
    return low, high


# ---------------------------------------------------------------------------------------------
# attribution


def _speech_contents(verb, rules: ClaimRules) -> list:
    return [child for child in verb.children if child.dep_ in rules.content_deps and child.pos_ in _VERBAL]


def attribution_frames(sent, ctx: _Context) -> list[_Frame]:
    """Every attribution in a sentence: speech verbs outside quotations, and "according to X"."""
    rules = ctx.rules
    frames: list[_Frame] = []
    quoted = any(ctx.quote_at(t.idx) is not None for t in sent)
    for token in sent:
        if token.lemma_.lower() in rules.speech_verbs and token.pos_ == "VERB" and ctx.quote_at(token.idx) is None:
            subject = own_subject(token, rules)
            if subject is None or subject.dep_ not in {"nsubj", "csubj"}:
                continue
            contents = _speech_contents(token, rules)
            if contents:
                scope = frozenset(t.i for t in token.subtree)
            elif is_attribution_tag(token, rules):
                # a tag hung on the statement it reports: "The UK will act, he said."
                scope = frozenset(t.i for t in token.head.subtree)
            elif quoted:
                scope = frozenset(t.i for t in sent)
            else:
                continue
            frames.append(_Frame(token, ctx.resolve_speaker(subject), scope, frozenset(t.i for t in subject.subtree)))
        for phrase in rules.attribution_phrases:
            words = [sent.doc[token.i + k].lower_ if token.i + k < sent.end else None for k in range(len(phrase))]
            if tuple(words) != phrase or ctx.quote_at(token.idx) is not None:
                continue
            last = sent.doc[token.i + len(phrase) - 1]
            objects = [child for child in last.children if child.dep_ in {"pobj", "dobj", "pcomp"}]
            if not objects:
                continue
            governor = clause_head(token.head, rules) if token.head.i != token.i else token
            frames.append(_Frame(token, ctx.resolve_speaker(objects[0]), frozenset(t.i for t in governor.subtree),
                                 frozenset(t.i for t in token.subtree) | {t.i for t in objects[0].subtree}))
    return frames


def _frame_for(head, frames: Sequence[_Frame]) -> _Frame | None:
    """The innermost attribution whose scope holds the claim head."""
    holding = [frame for frame in frames if head.i in frame.scope]
    return min(holding, key=lambda frame: len(frame.scope)) if holding else None


def _quote_speakers(ctx: _Context, sentences: Sequence, frames: Sequence[Sequence[_Frame]]) -> list[dict | None]:
    """For each sentence, the speaker of the quotation it lies in (None outside quotations).

    A quotation's speaker is named by an attribution outside the quotation marks in
    one of the sentences it spans: the closing one ("“...,” Petrov said.") or the
    opening one ("Petrov said: “..."). A quotation with no attribution of its own
    continues the speaker of the quotation just before it.
    """
    regions_of: list[list[tuple[int, int]]] = [[] for _ in sentences]
    by_region: dict[tuple[int, int], dict | None] = {}
    for region in ctx.quotes:
        first, last = ctx.sentence_index(region[0]), ctx.sentence_index(max(region[0], region[1] - 1))
        spanned = list(range(first, last + 1))
        for i in spanned:
            regions_of[i].append(region)
        speaker = None
        # the closing sentence names the speaker most often, then the opening one
        for i in sorted(spanned, key=lambda i: (i != spanned[-1], i != spanned[0], i)):
            named = [f for f in frames[i] if ctx.quote_at(f.verb.idx) is None and f.speaker is not None]
            if named:
                speaker = named[0].speaker
                break
        by_region[region] = speaker
    speakers: list[dict | None] = []
    previous: dict | None = None
    previous_index = -2
    for i in range(len(sentences)):
        regions = regions_of[i]
        speaker = next((by_region[r] for r in regions if by_region[r] is not None), None)
        if regions and speaker is None and previous is not None and previous_index >= i - 1:
            speaker = previous
        if regions and speaker is not None:
            previous, previous_index = speaker, i
        speakers.append(speaker if regions else None)
    return speakers


# ---------------------------------------------------------------------------------------------
# subject, predicate, kind


def _mention_text(row: dict) -> str:
    return _POSSESSIVE.sub("", row["text"]).strip()


def _phrase_text(token, article: Article, chunk_of: list | None = None) -> str | None:
    """The words of the subject phrase: its noun chunk ("All 27 EU leaders"), a clausal subject whole.

    None for pronouns, which say nothing without their antecedent.
    """
    if token.pos_ == "PRON":
        return None
    if token.dep_ in {"csubj", "csubjpass"}:
        first, last = token.left_edge, token.right_edge
    else:
        doc = token.doc
        if chunk_of is not None:
            bounds = chunk_of[token.i]
        else:
            chunk = next((c for c in token.sent.noun_chunks if c.start <= token.i < c.end), None)
            bounds = (chunk.start, chunk.end) if chunk is not None else None
        # no noun chunk ("€218 billion is earmarked"): the words before the head that hang on it
        first, last = (doc[bounds[0]], doc[bounds[1] - 1]) if bounds is not None else (token.left_edge, token)
    doc = token.doc
    # a word the tokenizer cut at a hyphen ("sub-themes") stays whole
    while last.i + 1 < len(doc) and not last.whitespace_ and (doc[last.i + 1].is_alpha or doc[last.i + 1].text == "-"):
        last = doc[last.i + 1]
    text = " ".join(article.text[first.idx:last.idx + len(last)].split())
    return text or None


def _described(group: list[tuple[dict, object]], ctx: _Context, quote_speaker: dict | None) -> dict | None:
    """The entity a claim's quantity is about: "one exception in Hungary's Viktor Orban", "27 EU leaders"."""
    for row, token in group:
        if "quantity_id" in row:
            found = ctx.resolve_phrase(token, quote_speaker, preps=ctx.rules.described_preps)
            if found is not None:
                return found
    return None


def own_clause(head, rules: ClaimRules) -> list[int]:
    """Token indices of ``head``'s clause, without the clauses inside it that have subjects of their own."""
    tokens = []
    stack = [head]
    while stack:
        node = stack.pop()
        tokens.append(node.i)
        for child in node.children:
            if child.pos_ in _VERBAL and child.dep_ in rules.clause_deps and own_subject(child, rules) is not None:
                continue
            stack.append(child)
    return sorted(tokens)


def _resolve_subject(token, verb, ctx: _Context, quote_speaker: dict | None) -> dict | None:
    """The mention a clause's subject token stands for, by the subject rules in order (None if none applies).

    1. A name is itself; a pronoun, its antecedent.
    2. A nameless subject after a clause-initial "For X," is X's view ("For the
       EEAS, closer cooperation with the UK is a must"): the fronted phrase names
       the holder, and outranks names inside the subject phrase, which are side
       actors of the view.
    3. The phrase's possessor, owner or apposition ("Starmer's officials", "the
       leaders of the EU").
    4. A clausal subject: the first participant named inside it, its own subject
       before its object before its prepositional objects ("What Germany spends
       ..."). A definite noun phrase: the name it repeats ("This agreement").
    5. A definite title: the person introduced with it ("the Secretary General").
    6. A nameless phrase with a nationality adjective: the country ("British
       negotiators": the United Kingdom), else the nationality itself.
    """
    if ctx.mention_of(token) is None and not ctx.is_pronoun(token):
        found = ctx.fronted_stance(verb, token, quote_speaker)
        if found is not None:
            return found
    found = ctx.resolve_subject_token(token, verb, quote_speaker)
    if found is not None or ctx.is_pronoun(token):
        return found
    if token.dep_ in {"csubj", "csubjpass"}:
        return ctx.inside_clausal_subject(token, quote_speaker)
    return ctx.back_reference(token) or ctx.title_reference(token) or ctx.nationality_of(token)


def _subject(head, group: list[tuple[dict, object]], ctx: _Context, quote_speaker: dict | None,
             frames: Sequence[_Frame], topic: dict | None) -> tuple[dict | None, str | None, object]:
    """(subject mention, subject string, predicate token) of one claim.

    In order: the grammatical subject resolved to a mention (``_resolve_subject``:
    names, pronouns, a fronted "For X,", possessors, the participants of a clausal
    subject, the name a definite phrase repeats); the entity a quantity describes;
    the nearest name in the clause; the article's topic (the subject of its lead),
    while the text keeps naming it (``topic_reach``); the subject's own words. For a
    speech verb the claim is about its content ("The Commission is trying ..., an
    official said on Monday": the Commission) unless the value dates the saying and
    the speaker comes first ("X told lawmakers on Monday that ..."): then X. An
    unquoted statement tagged by a later speech verb ("Growth will pick up in 2027,
    Nagel said") takes its speaker only after the names inside it. A plural pronoun ("With one
    exception in Hungary's Orban, they pledged") yields first to the entity a
    quantity describes: "they" is the vaguest subject there is. The article's topic
    never stands in for a clausal subject ("Negotiating such a pact requires ...").
    """
    rules = ctx.rules
    candidates: list[tuple[object, object]] = []  # (subject token, predicate token)
    speaker_subject = _speaker_subject(head, rules)
    search_head = head
    if speaker_subject is not None:
        contents = _speech_contents(head, rules)
        value_tokens = [token for _, token in group]
        content = next((c for c in contents if any(c.left_edge.i <= t.i <= c.right_edge.i for t in value_tokens)),
                       contents[0])
        on_verb = any(not (content.left_edge.i <= t.i <= content.right_edge.i) for t in value_tokens)
        pair_content = (subject_of(content, rules), content)
        pair_speaker = (speaker_subject, head)
        # an unquoted statement tagged by a speech verb after it ("Growth will pick up in 2027,
        # he said") is not about the speaker: a value the parser hung on the verb belongs to the
        # statement. A quotation may be about its speaker ("our budget"), and a verb that reports
        # a clause after it ("X emerged: Y said he would ...") is no tag.
        tag = all(c.i < head.i for c in contents) and ctx.quote_at(content.idx) is None
        candidates = [pair_content] if tag else \
            [pair_content, pair_speaker] if content.i < head.i or not on_verb else [pair_speaker, pair_content]
        search_head = content
    else:
        tag = False
        candidates = [(subject_of(head, rules), head)]
    predicate = candidates[0][1]
    fallback_text = None
    clausal = False
    subject_tokens: set[int] = set()
    for frame in frames:
        subject_tokens.update(frame.source)
    for token, verb in candidates:
        if token is None:
            continue
        clausal = clausal or (token is candidates[0][0] and token.dep_ in {"csubj", "csubjpass"})
        subject_tokens.update(t.i for t in token.subtree)
        if token.dep_ == "expl":
            continue
        if speaker_subject is not None and token.i == speaker_subject.i:
            found = ctx.resolve_speaker(token)
        else:
            if token.lower_ in rules.group_pronouns:
                found = _described(group, ctx, quote_speaker)
                if found is not None:
                    return found, _mention_text(found), verb
            found = _resolve_subject(token, verb, ctx, quote_speaker)
        if found is not None:
            if speaker_subject is None:
                found = joint_object(token, verb, ctx) or found
            return found, _mention_text(found), verb
        if fallback_text is None and not ctx.is_pronoun(token):
            fallback_text = _phrase_text(token, ctx.article, ctx.chunk_of)
    found = _described(group, ctx, quote_speaker)
    if found is not None:
        return found, _mention_text(found), predicate
    # the nearest name in the clause (a few edges from its verb: deeper ones are side
    # actors), outside the subject phrases already tried and the speakers
    speaker_ids = {frame.speaker["mention_id"] for frame in frames if frame.speaker}
    best = None
    for i in own_clause(search_head, rules):
        row = ctx.token_mention[i]
        if row is None or i in subject_tokens or row["mention_id"] in speaker_ids:
            continue
        key = (_tree_distance(search_head, head.doc[i]), abs(i - search_head.i))
        if key[0] > rules.nearest_depth or _behind_side_preposition(head.doc[i], search_head, rules):
            continue
        if best is None or key < best[0]:
            best = (key, row)
    if best is not None:
        return best[1], _mention_text(best[1]), predicate
    if tag:
        # the speaker is named in the sentence; the topic may lie paragraphs back
        found = ctx.resolve_speaker(speaker_subject)
        if found is not None:
            return found, _mention_text(found), predicate
    if topic is not None and not clausal and ctx.named_lately(topic, head):
        return topic, _mention_text(topic), predicate
    return None, fallback_text, predicate


def joint_object(subject, verb, ctx: _Context) -> dict | None:
    """The named thing several named parties act on together, or None.

    "The EU and the UK concluded a Security and Defence Partnership on 19 May" is a
    fact about the partnership: with a coordination of names as subject, no one party
    is what the claim is about, while the named agreement, event or body they make,
    sign or join is. Only names whose label is in ``joint_object_labels`` count: "the
    EU and the UK discussed Ukraine" stays about the EU.
    """
    rules = ctx.rules
    if not rules.joint_object_labels or not any(
            child.dep_ == "conj" and ctx.mention_of(child) is not None for child in subject.children):
        return None
    for child in verb.children:
        if child.dep_ == "dobj":
            row = ctx.mention_of(child)
            if row is not None and row["label"] in rules.joint_object_labels:
                return row
    return None


def _speaker_subject(verb, rules: ClaimRules):
    """The active subject of a speech verb that reports a clause ("X said (that) ..."), else None."""
    if verb.lemma_.lower() not in rules.speech_verbs or not _speech_contents(verb, rules):
        return None
    subject = own_subject(verb, rules)
    return subject if subject is not None and subject.dep_ == "nsubj" else None


def _behind_side_preposition(token, head, rules: ClaimRules) -> bool:
    """True when ``token`` hangs below ``head`` through a preposition of ``side_preps``.

    A name "despite resistance from Spain" or "to keep up with Russia's pace" is a side
    actor of the clause, never what its claim is about.
    """
    node = token
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in rules.side_preps:
            return True
        node = node.head
    return False


def _tree_distance(a, b) -> int:
    ancestors = {a.i: 0}
    for depth, node in enumerate(a.ancestors, start=1):
        ancestors[node.i] = depth
    steps = 0
    node = b
    while node.i not in ancestors:
        if node.head.i == node.i:
            return 99
        node = node.head
        steps += 1
    return steps + ancestors[node.i]


def _depth_below(token, head) -> int:
    depth = 0
    node = token
    while node.i != head.i and node.head.i != node.i:
        node = node.head
        depth += 1
    return depth if node.i == head.i else 99


def _kind(group: list[tuple[dict, object]], head, rules: ClaimRules) -> str:
    """Claim kind: "target" for goals ("aims to cut ... by 55%", "a 5% target"), else by the key value's kind.

    A goal is stated by a verb of ``target_lemmas`` or a noun of ``target_nouns`` between
    the value and the claim head: "plans to spend" is a goal, "endorsed investment plans"
    and "the annual budget" are not.
    """
    for _, token in group:
        node = token
        while True:
            lemma = node.lemma_.lower()
            # the value's own noun counts things ("three goals"), it does not set one
            if lemma in (rules.target_lemmas if node.pos_ in _VERBAL else
                         rules.target_nouns if node.i != token.i else ()):
                return "target"
            if node.i == head.i or node.head.i == node.i:
                break
            node = node.head
    if not group:
        return "target" if verb_lemma(head, rules) in rules.target_lemmas else rules.fact_kind
    quantities = [(row, token) for row, token in group if "quantity_id" in row]
    if quantities:
        row, _ = min(quantities, key=lambda item: (_depth_below(item[1], head), item[1].i))
        return rules.kind_by_quantity.get(row.get("kind"), row.get("kind") or "amount")
    row, _ = min(group, key=lambda item: (describes_noun(item[0], item[1]), _depth_below(item[1], head), item[1].i))
    return rules.kind_by_date.get(row.get("tclass"), "event_date")


def describes_noun(row: dict, token) -> bool:
    """True for a recurrence said as an adjective of a noun ("its annual summit", "nightly bombardments").

    Such a word classifies the thing; it does not say when or how often the statement's
    event happens, so another date sets the claim's kind before it.
    """
    return row.get("tclass") == "set" and token.dep_ == "amod"



# ---------------------------------------------------------------------------------------------
# the stage


def article_topic(ctx: _Context, sentences: Sequence) -> dict | None:
    """What the article is about: the named subject of its lead sentence (None when it has none).

    Only the lead counts: news puts the main actor there, while a later sentence's
    subject is as likely a side actor.
    """
    for sent in sentences:
        if ctx.article.is_boilerplate(sent.start_char) or states_nothing(sent, ctx.rules):
            continue
        head = sent.root
        if _speaker_subject(head, ctx.rules) is not None:
            head = _speech_contents(head, ctx.rules)[0]
        subject = subject_of(head, ctx.rules)
        if subject is None or ctx.is_pronoun(subject) or ctx.quote_at(subject.idx) is not None:
            return None
        return ctx.resolve_phrase(subject, None)
    return None


def extract_claims(doc, article: Article, *, dates: Sequence[dict], quantities: Sequence[dict],
                   mentions: Sequence[dict], rules: ClaimRules | None = None) -> list[dict]:
    """Claim drafts (``claim_drafts`` rows) for one article, in text order.

    ``dates``, ``quantities`` and ``mentions`` are this article's rows with absolute
    offsets; rows outside the article are ignored, so a claim never crosses an
    article boundary.
    """
    rules = rules or compile_rules({})
    if not len(doc):
        return []
    if not doc.has_annotation("DEP"):
        raise ValueError("[E603] claims need the dependency parse, but this Doc has none: "
                         "keep the 'parser' out of model.disable in configs/pipeline.toml")
    ctx = _Context(doc, article, mentions, rules)
    sentences = ctx.sentences
    frames = [attribution_frames(sent, ctx) for sent in sentences]
    quote_speakers = _quote_speakers(ctx, sentences, frames)
    length = len(article.text)
    # (value, its head token); each value keeps only the keys the rules read, so a
    # quantity is told from a date by its ID column alone
    values: list[tuple[dict, object]] = []
    picked = [({"quantity_id": r["quantity_id"], "kind": r.get("kind")}, r) for r in quantities]
    picked += [({"date_id": r["date_id"], "tclass": r.get("tclass")}, r) for r in dates]
    for value, row in picked:
        local_start, local_end = row["start"] - article.start, row["end"] - article.start
        if 0 <= local_start < local_end <= length:
            token = _value_token(doc, local_start, local_end)
            if token is not None:
                value.update(start=row["start"], end=row["end"], text=row["text"])
                values.append((value, token))
    values.sort(key=lambda item: (item[0]["start"], item[0]["end"]))
    by_sentence: dict[int, list[tuple[dict, object]]] = {}
    for row, token in values:
        by_sentence.setdefault(ctx.sentence_index(token.idx), []).append((row, token))
    topic = article_topic(ctx, sentences)
    rows: list[dict] = []
    seen_texts: set[str] = set()
    for index, sent in enumerate(sentences):
        in_sentence = by_sentence.get(index, [])
        if article.is_boilerplate(sent.start_char) or not (in_sentence or rules.fact_claims):
            continue
        folded = " ".join(sent.text.split())
        if folded in seen_texts or is_headline(sent, article.text, rules):
            continue
        quote_speaker = quote_speakers[index]
        if states_nothing(sent, rules):
            if is_data_line(sent, in_sentence, rules):
                seen_texts.add(folded)
                rows.append(_claim_row(ctx, sent, sent.root, [sent.root], in_sentence, frames[index],
                                       quote_speaker, topic))
            continue
        if not in_sentence:
            row = fact_claim(ctx, sent, frames[index], quote_speaker, topic)
            if row is not None:
                seen_texts.add(folded)
                rows.append(row)
            continue
        seen_texts.add(folded)
        groups: dict[int, list[tuple[dict, object]]] = {}
        heads: dict[int, object] = {}
        for row, token in in_sentence:
            head = claim_head(token, ctx, quote_speaker)
            groups.setdefault(head.i, []).append((row, token))
            heads[head.i] = head
        for key in list(groups):
            # the date of saying belongs to what was said when that is a claim of its own:
            # "“We need 300,000 troops,” Rutte told reporters on Thursday" is one claim
            if _speaker_subject(heads[key], rules) is None:
                continue
            content = next((c for c in _speech_contents(heads[key], rules) if c.i in groups), None)
            if content is not None:
                groups[content.i].extend(groups.pop(key))
        for key in list(groups):
            if all("date_id" in row and _fold(row["text"]) in rules.weak_dates for row, _ in groups[key]):
                del groups[key]
        if not groups:
            # only weak dates ("will now take place"): a claim as if the sentence stated no value
            row = fact_claim(ctx, sent, frames[index], quote_speaker, topic) if rules.fact_claims else None
            if row is not None:
                rows.append(row)
            continue
        head_list = [heads[i] for i in sorted(groups)]
        for head in head_list:
            group = groups[head.i]
            rows.append(_claim_row(ctx, sent, head, head_list, group, frames[index], quote_speaker, topic))
    rows.sort(key=lambda row: (row["start"], row["end"]))
    return rows


def fact_claim(ctx: _Context, sent, frames: Sequence[_Frame], quote_speaker: dict | None,
               topic: dict | None) -> dict | None:
    """The claim of a sentence that states no value: a named actor's act or state, else None.

    "The UK and European Union have agreed to restart formal talks" and "the UK is
    excluded from several EU defence funding mechanisms" are checkable with no number
    or date. The sentence's main clause (or what its speech verb reports: "Officials
    confirmed that ..."), else the first clause coordinated with it that has its own
    subject ("Dialogues will take place, and the UK will be invited ..."), must assert,
    not judge or suppose (``asserts_fact``), and name its actor (``fact_subject``). An
    opinion verb ("Critics warn that ...") reports no fact.
    """
    rules = ctx.rules
    root = sent.root
    if root.pos_ not in _VERBAL:
        return None
    contents = _speech_contents(root, rules) if verb_lemma(root, rules) in rules.speech_verbs else []
    # "X said that ...", and the inverted "‹statement›, announced Secretary General X"
    if contents and (_speaker_subject(root, rules) is not None or
                     (own_subject(root, rules) is None and all(c.i < root.i for c in contents))):
        if verb_lemma(root, rules) in rules.opinion_verbs:
            return None
        main, reported = contents[0], True
    else:
        main, reported = root, False
    # (a speech verb hung on the statement, "The second level, Rutte noted, is ...", only credits it)
    clauses = [main] + [child for child in main.children if child.dep_ in rules.coordinate_deps
                        and child.pos_ in _VERBAL and own_subject(child, rules) is not None
                        and verb_lemma(child, rules) not in rules.speech_verbs]
    for content in clauses:
        if not asserts_fact(content, ctx, reported=reported):
            continue
        found = fact_subject(content, ctx, quote_speaker, topic)
        if found is not None:
            return _claim_row(ctx, sent, root, [root], [], frames, quote_speaker, topic,
                              subject=(found, _mention_text(found), content))
    return None


def fact_subject(verb, ctx: _Context, quote_speaker: dict | None, topic: dict | None) -> dict | None:
    """The named actor of a clause that states no value, or None.

    Its grammatical subject must name it, as a name, a pronoun or definite phrase
    standing for one, a possessor ("the leaders of the EU"), a participant of a clausal
    subject or a nationality ("Romanian authorities"), or a coordination of names acting
    on a named thing (``joint_object``). A nameless noun phrase stands for the article's
    topic only when the topic is named in its sentence or the ``fact_topic_reach`` before
    it. Names merely nearby in the clause never stand in: they are side actors. The
    empty "it" of a cleft ("it was the Belgians who ...") names nothing.
    """
    rules = ctx.rules
    token = subject_of(verb, rules)
    if token is None or token.dep_ == "expl" or is_cleft(token, verb, rules):
        return None
    found = _resolve_subject(token, verb, ctx, quote_speaker)
    if found is not None:
        return joint_object(token, verb, ctx) or found
    if (topic is not None and token.pos_ == "NOUN" and token.dep_ not in {"csubj", "csubjpass"}
            and ctx.named_lately(topic, verb, rules.fact_topic_reach)):
        return topic
    return None


def asserts_fact(verb, ctx: _Context, *, reported: bool = False) -> bool:
    """True when the clause headed by ``verb`` asserts something rather than judging or supposing it.

    ``reported``: the clause is what a speech verb reports, where "would" is the future
    seen from the past ("He confirmed that changes would be made"), not a supposition.
    """
    rules = ctx.rules
    modals = rules.hypothetical_modals - rules.reported_modals if reported else rules.hypothetical_modals
    if verb.pos_ not in _VERBAL or ctx.quote_at(verb.idx) is not None:
        return False
    lemma = verb_lemma(verb, rules)
    if lemma in rules.attitude_lemmas:
        return False
    children = list(verb.children)
    if any(c.dep_ == "aux" and _apostrophe(c.lower_) in modals for c in children):
        return False
    # "If it goes ahead, it will allow ...": supposed, not asserted
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in rules.conditional_marks for m in c.children)
           for c in children):
        return False
    # "this is quick", "talks are proving difficult": a judgement; "it is a framework",
    # "is excluded" are facts
    if lemma in rules.copular_lemmas and any(c.dep_ == "acomp" for c in children) \
            and not any(c.dep_ in {"attr", "auxpass"} for c in children):
        return False
    # "Persuading the VVD to join will be a delicate process": what an activity is like
    if lemma in rules.copular_lemmas and any(c.dep_ in {"csubj", "csubjpass"} for c in children):
        return False
    # "France did not.", "they already did": the verb stands for one said before
    if lemma in rules.pro_verbs and not any(c.dep_ in rules.object_deps or c.dep_ in {"ccomp", "xcomp", "acomp"}
                                            for c in children):
        return False
    # "This strategy includes:": the statement is the list that follows
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.text == ":" and not any(c.dep_ in rules.object_deps for c in children):
        return False
    return True


def is_cleft(subject, verb, rules: ClaimRules) -> bool:
    """True for the empty "it" of a cleft or extraposition ("it was the Belgians who put it best")."""
    if subject.lower_ != "it" or verb_lemma(verb, rules) != "be":
        return False
    return any(c.dep_ in {"attr", "acomp"} and any(g.dep_ in {"relcl", "ccomp", "xcomp"} for g in c.children)
               or c.dep_ in {"ccomp", "xcomp"} for c in verb.children)


def _claim_row(ctx: _Context, sent, head, heads: Sequence, group: list[tuple[dict, object]],
               frames: Sequence[_Frame], quote_speaker: dict | None, topic: dict | None,
               subject: tuple | None = None) -> dict:
    """One ``claim_drafts`` row for the values of one claim head (``subject``: already resolved)."""
    doc, article, rules = ctx.doc, ctx.article, ctx.rules
    if len(heads) == 1:
        low, high = sent.start, sent.end
    else:
        value_tokens = []
        for row, _ in group:
            span = doc.char_span(row["start"] - article.start, row["end"] - article.start, alignment_mode="expand")
            value_tokens.append((span.start, span.end))
        low, high = _clause_range(head, sent, heads, value_tokens)
    local_start = doc[low].idx
    local_end = doc[high - 1].idx + len(doc[high - 1])
    text = article.text[local_start:local_end]
    local_start += len(text) - len(text.lstrip())
    local_end -= len(text) - len(text.rstrip())
    frame = _frame_for(head, frames)
    speaker = frame.speaker if frame is not None else None
    quoted = any(ctx.quote_at(token.idx) is not None for token in [head, *(t for _, t in group)])
    if not quoted:
        quote_speaker = None
    elif frame is None:
        speaker = quote_speaker
    subject, subject_text, verb = subject or _subject(head, group, ctx, quote_speaker or speaker, frames, topic)
    predicate = verb_lemma(verb, rules) if verb.pos_ in _VERBAL else None
    start, end = article.start + local_start, article.start + local_end
    mention_ids: list[str] = []
    for row in ctx.mentions_in(local_start, local_end):
        if row["mention_id"] not in mention_ids:
            mention_ids.append(row["mention_id"])
    if subject is not None and subject["mention_id"] not in mention_ids:
        mention_ids.append(subject["mention_id"])
    draft = {"claim_id": span_id("c_", article.source, start, end, head.i)}
    draft.update(article.span_columns(local_start, local_end))
    draft.update(
        subject_mention_id=subject["mention_id"] if subject else None,
        subject=subject_text,
        predicate=predicate,
        quantity_ids=[row["quantity_id"] for row, _ in group if "quantity_id" in row],
        date_ids=[row["date_id"] for row, _ in group if "date_id" in row],
        mention_ids=mention_ids,
        speaker_mention_id=speaker["mention_id"] if speaker else None,
        speaker=_mention_text(speaker) if speaker else None,
        kind=_kind(group, head if group else verb, rules),
    )
    return draft


# ---------------------------------------------------------------------------------------------
# global: mentions -> entities


def _present(value) -> bool:
    return value is not None and not (isinstance(value, float) and value != value)


def resolve_claims(drafts: pd.DataFrame, mentions: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """Turn claim drafts into ``claims`` rows: mention IDs become corpus entity IDs and names.

    A mention that reconciliation dropped leaves its slot empty (the subject keeps
    its surface text), so every ID in the result exists in ``entities``. A claim that
    states no value exists only for its named subject (``fact_claim``): when
    reconciliation dropped that subject's mention, the draft is no claim and is left out.
    """
    known = set(entities["entity_id"]) if len(entities) else set()
    entity_of = {m: e for m, e in zip(mentions["mention_id"], mentions["entity_id"]) if e in known}
    name_of = dict(zip(entities["entity_id"], entities["name"]))
    rows = []
    for draft in drafts.to_dict("records"):
        subject_entity = entity_of.get(draft["subject_mention_id"]) if _present(draft["subject_mention_id"]) else None
        speaker_entity = entity_of.get(draft["speaker_mention_id"]) if _present(draft["speaker_mention_id"]) else None
        entity_ids: list[str] = []
        for mention_id in draft["mention_ids"]:
            entity_id = entity_of.get(mention_id)
            if entity_id and entity_id not in entity_ids:
                entity_ids.append(entity_id)
        if subject_entity is None and not len(draft["quantity_ids"]) and not len(draft["date_ids"]):
            continue
        subject = name_of[subject_entity] if subject_entity else draft["subject"]
        speaker = name_of[speaker_entity] if speaker_entity else draft["speaker"]
        rows.append({
            "claim_id": draft["claim_id"], "doc_id": draft["doc_id"], "source": draft["source"],
            "start": draft["start"], "end": draft["end"], "text": draft["text"], "sentence_id": draft["sentence_id"],
            "subject_entity_id": subject_entity,
            "subject": subject if _present(subject) else None,
            "predicate": draft["predicate"] if _present(draft["predicate"]) else None,
            "quantity_ids": list(draft["quantity_ids"]), "date_ids": list(draft["date_ids"]),
            "entity_ids": entity_ids,
            "speaker_entity_id": speaker_entity,
            "speaker": speaker if _present(speaker) else None,
            "kind": draft["kind"],
        })
    return pd.DataFrame.from_records(rows, columns=_CLAIM_COLUMNS)
