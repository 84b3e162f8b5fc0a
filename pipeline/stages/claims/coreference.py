"""Coreference: the mention a pronoun, a definite phrase ("this agreement", "the minister") or a noun phrase stands for."""
from __future__ import annotations

import bisect

from pipeline.stages.claims.antecedent_checks import (
    continues_nameless, copula_name, described_antecedent, description_reference, is_setting, shared_owners,
)
from pipeline.stages.claims.filters import headings_end
from pipeline.stages.claims.grammar import (
    PLURAL_TAGS,
    VERBAL,
    extraposed_clause,
    is_expletive,
    is_pronoun,
    subject_of,
)
from pipeline.stages.claims.index import ArticleIndex
from pipeline.stages.claims.neighbour_clauses import antecedent_rule, pronoun_clause_antecedent  # noqa: F401 (subjects)
from pipeline.stages.claims.places import MODIFIER_DEPS, place_modifier
from pipeline.stages.claims.relatives import relative_antecedent
from pipeline.stages.claims.reporters import pass_over, source_mention, speaks, trailing_reporter
from pipeline.stages.claims.rules import ClaimRules
from pipeline.stages.claims.words import fold, name_words, title_words

# what ``main_subject_before`` answers when the antecedent is a common noun: resolve to nothing
NAMELESS: dict = {"mention_id": None, "label": None, "text": ""}


class NamedHeads:
    """Names by the word that heads them, and the definite phrases that point back to one."""

    def __init__(self, index: ArticleIndex, rules: ClaimRules) -> None:
        self.index = index
        self.rules = rules
        # the headline, kicker and standfirst (the unpunctuated lines before the first sentence) make no
        # claim, and a name found only there is no antecedent either: a title-case headline ("Reds Sign
        # Swedish Striker From Newcastle") is where the entities stage is least sure of its names
        self.body = headings_end(index.sentences, index.article.text, rules)
        # names by the word that heads them ("agreement" for "Security and Defence Partnership
        # Agreement"), in text order: what a definite "this agreement" can point back to
        self.by_head: dict[str, list[tuple[int, dict, frozenset[str], bool]]] = {}
        for start, row, span in index.mention_spans:
            if start < self.body:
                continue
            root = span.root
            entry = (start, row, frozenset(t.lower_ for t in span), root.tag_ in PLURAL_TAGS)
            for key in {root.lemma_.lower(), root.lower_}:
                self.by_head.setdefault(key, []).append(entry)
        for entries in self.by_head.values():
            entries.sort(key=lambda entry: entry[0])

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
        rules, index = self.rules, self.index
        if token.pos_ != "NOUN" or index.mention_of(token) is not None or token.right_edge.i != token.i:
            return None
        doc = token.doc
        first = doc[token.left_edge.i]
        if first.dep_ != "det" or first.lower_ not in rules.anaphoric_determiners:
            return None
        modifiers = [t.lower_ for t in doc[first.i + 1:token.i]]
        reach = max(0, index.sentence_index(token.idx) - rules.backreference_reach)
        not_before = index.sentence_chars[reach]
        plural = token.tag_ in PLURAL_TAGS
        best = None
        for key in {token.lemma_.lower(), token.lower_}:
            entries = self.by_head.get(key, ())
            # the latest fitting name before the phrase, walking back from it (entries are in text order)
            for at in range(bisect.bisect_left(entries, (token.idx,)) - 1, -1, -1):
                start, row, words, named_plural = entries[at]
                if start < not_before or (best is not None and start <= best[0]):
                    break
                if named_plural == plural and not index.in_boilerplate(start) \
                        and all(word in words for word in modifiers):
                    best = (start, row)
                    break
        return best[1] if best else None


class TitledPeople:
    """People introduced with a title ("NATO Secretary General Mark Rutte"), and the phrases that name them so."""

    def __init__(self, index: ArticleIndex, rules: ClaimRules) -> None:
        self.index = index
        self.rules = rules
        # in text order: (start, title words, the words just before the title, mention)
        self.titled: list[tuple[int, tuple[str, ...], frozenset[str], dict]] = []
        if rules.title_before_name is not None:
            text = index.article.text
            for start, end, row in index.mentions:
                if row["label"] not in rules.person_labels:
                    continue
                line_start = text.rfind("\n", 0, start) + 1
                found = rules.title_before_name.search(text[max(line_start, start - 80):start])
                if found is None:
                    continue
                before = text[max(line_start, start - 80):start][:found.start(1)]
                context = frozenset(title_words(" ".join(before.split()[-3:])))
                self.titled.append((start, title_words(found.group(1)), context, row))

    def title_reference(self, token) -> dict | None:
        """The person a definite title phrase points back to ("the Secretary General", "the French president").

        The phrase is an anaphoric determiner, perhaps modifiers, then a title of
        ``titles`` ending at its head, with nothing after the head. It names the last
        person before it introduced with that title, or a longer one it ends ("Defence
        Minister Boris Pistorius" for "the minister"), whose introduction also carries the
        modifiers ("French President Emmanuel Macron" for "the French president").
        """
        if not self.titled or self.index.mention_of(token) is not None or token.right_edge.i != token.i:
            return None
        doc = token.doc
        first = doc[token.left_edge.i]
        if first.dep_ != "det" or first.lower_ not in self.rules.anaphoric_determiners or first.i == token.i:
            return None
        words = title_words(doc[first.i + 1:token.i + 1].text)
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


def title_head(title: tuple[str, ...]) -> str:
    """The word naming the office in a title's folded words: the last one before its first "of" or "for".

    "Secretary of State", "Chief of Staff", "High Representative for Foreign Affairs and Security
    Policy": the office is the secretary, the chief, the representative; the words after the
    preposition say what it serves ("state", "staff", "policy" own nothing: "Trump's tariff
    policy" is a thing of its own, 406_).
    """
    cut = next((k for k, word in enumerate(title) if word in {"of", "for"} and k > 0), len(title))
    return title[cut - 1]


def _in_clause(token, head) -> bool:
    """True when ``token`` lies in a clause inside ``head``'s phrase ("X, who met the EU's envoy"): other actors."""
    while token.i != head.i and token.head.i != token.i:
        if token.pos_ in VERBAL or token.dep_ in {"relcl", "acl", "advcl", "ccomp"}:
            return True
        token = token.head
    return False


def nationality_of(token, index: ArticleIndex, rules: ClaimRules) -> dict | None:
    """The country a nameless phrase belongs to by its nationality adjective ("Romanian authorities"), or None.

    The adjective must be a NORP mention of a country's nationality (a key of the
    gazetteer's ``nationalities`` with names): "European" or "Western" leaders belong to
    no one party, and neither do "European and Canadian leaders". The country is its last mention
    before the phrase (else its first after, in the article) under one of the names the
    table gives; when the article never names it, the nationality stands for itself. A
    description of a company ("the Swiss food giant": a ``description_nouns`` noun of no
    place label) belongs to no country: it is left to the description rule.
    """
    if token.pos_ != "NOUN":
        return None
    # "The Swiss food giant", "the Saudi energy giant": a company of that country, not the country
    kinds = rules.description_nouns.get(token.lemma_.lower())
    if kinds and not kinds & rules.place_labels and "NORP" not in kinds:
        return None
    for child in token.children:
        if child.dep_ != "amod" or child.i > token.i:
            continue
        row = index.mention_of(child)
        if row is None or row["label"] != "NORP" or any(c.dep_ == "conj" for c in child.children):
            continue
        names = rules.nationality_countries.get(fold(row["text"]))
        if not names:
            return None
        before = after = None
        for start, end, other in index.mentions:
            if fold(other["text"]) not in names or index.in_boilerplate(start):
                continue
            if start < child.idx:
                before = other
            elif after is None:
                after = other
        return before or after or row
    return None


def lists_members(token) -> bool:
    """True for a phrase followed by the list of its members ("The eight – Saudi Arabia, Russia, the UAE, ...").

    A list names no one of its members as what the phrase is about, however the parser
    chained it (coordinated, or each name in apposition to the one before). A bracketed
    apposition is the name's own abbreviation, not a second member ("the opposition party,
    A Partnership for National Unity (APNU), ...").
    """
    return any(child.dep_ == "appos" and any(c.dep_ in {"conj", "appos"} and not bracketed(c)
                                             for c in child.subtree if c.i != child.i)
               for child in token.children)


def apposed_name(token, index, rules) -> dict | None:
    """The name in apposition to a phrase a nationality heads ("Another Kenyan, Albert Korir, was third"), else None.

    The nationality only describes that name (``apposed_labels``); a bracketed apposition is
    the name's own abbreviation ("Christian Democratic Union (CDU)"), not another name.
    """
    own = index.mention_of(token)
    if own["label"] not in rules.apposed_labels or any(c.dep_ == "appos" and bracketed(c) for c in token.children):
        return None
    return next((index.mention_of(c) for c in token.children if c.dep_ == "appos" and index.mention_of(c) is not None),
                None)


def apposition_of(token, index: ArticleIndex) -> dict | None:
    """The name standing in apposition to ``token`` ("Trump's envoy for Ukraine, Keith Kellogg")."""
    return next((index.mention_of(c) for c in token.children if c.dep_ == "appos" and index.mention_of(c) is not None),
                None)


def bracketed(token) -> bool:
    """True when ``token`` opens a bracket's contents ("(APNU)")."""
    return token.i > 0 and token.doc[token.i - 1].text in {"(", "["}


class Coreference:
    """Antecedents of pronouns and the names noun phrases are about, in one article."""

    def __init__(self, index: ArticleIndex, rules: ClaimRules, named_heads: NamedHeads) -> None:
        self.index = index
        self.rules = rules
        self.named_heads = named_heads
        self.title_heads = frozenset(title_head(title) for title in rules.titles if title)
        # where the headings end: no antecedent lies before (``NamedHeads``)
        self.body = named_heads.body
        # subject tokens whose antecedent search is under way (``main_subject_before``)
        self._resolving: set[int] = set()
        # pronoun and description tokens whose search passed a reporter or a credited source over (``reporters``)
        self.passed_reporters: dict[int, set[str]] = {}

    def last_mention_before(self, local: int, labels: frozenset[str], *, skip_quotes: bool = False,
                            not_before: int | None = None, skip_settings: bool = False,
                            skip_sources=None) -> dict | None:
        """The last mention with one of ``labels`` ending at or before ``local`` (not in boilerplate).

        The search reaches back ``pronoun_reach`` sentences at most (or to ``not_before``).
        ``skip_settings``: pass over places named as where something happens ("produced in
        Poland at the plant in Gliwice"): the setting of an act is not what "it" continues.
        """
        index = self.index
        if not_before is None:
            reach = max(0, index.sentence_index(local) - self.rules.pronoun_reach)
            not_before = index.sentence_chars[reach] if index.sentence_chars else 0
        i = bisect.bisect_left(index.mention_starts, local)
        for start, end, row in reversed(index.mentions[:i]):
            if start < not_before:
                return None
            if end > local or row["label"] not in labels or index.in_boilerplate(start) or start < self.body:
                continue
            if skip_quotes and index.quote_at(start) is not None:
                continue
            if skip_settings and is_setting(start, end, row, index, self.rules):
                continue
            if skip_sources is not None and source_mention(start, end, index, self.rules):
                pass_over(self, skip_sources, row)  # "according to WHO. It's transmitted ...": round 83
                continue
            return row
        return None

    def resolve_pronoun(self, token, quote_speaker: dict | None, *, speaker: bool = False) -> dict | None:
        """The antecedent mention of a pronoun token, or None (not a pronoun, or unresolved)."""
        rules, index = self.rules, self.index
        word = token.lower_
        if word in rules.person_pronouns:
            return self.last_mention_before(token.idx, rules.person_labels, skip_quotes=speaker)
        if word in rules.first_person_pronouns:
            if index.quote_at(token.idx) is None:
                return None
            # "we" of a person who speaks for a body the text names with them ("US President Donald
            # Trump", "the country's finance minister, X") is that body; else the speaker
            plural = word in rules.plural_first_person and quote_speaker is not None
            return (plural and self.body_of(quote_speaker)) or quote_speaker
        # "it said" credits an institution ("The Council has four weeks ..., it said"): speaker labels filter later
        if is_expletive(token, rules):
            return None
        if word in rules.group_pronouns or word in rules.thing_pronouns:
            labels = rules.group_labels if word in rules.group_pronouns else rules.thing_labels
            found = self.mainsubject_before(token, labels)
            if found is NAMELESS:
                return None
            if found is not None:
                return found
            if word in rules.group_pronouns:
                return self.last_mention_before(token.idx, labels, skip_quotes=speaker)
            # "it" reaches back one sentence at most: further back it is mostly about an event
            sent_start = index.sent(token).start
            previous = index.sent(index.doc[sent_start - 1]).start if sent_start > 0 else sent_start
            return self.last_mention_before(token.idx, labels, skip_quotes=speaker, not_before=index.doc[previous].idx,
                                            skip_settings=True, skip_sources=None if speaks(token, rules) else token)
        return None

    def body_of(self, person: dict) -> dict | None:
        """The organisation or country a person speaks for, as the text names it with the person, or None.

        Read at the person's mentions up to ``person`` (same text, or a long name word in
        common): a group name inside the person's own noun phrase ("US President Donald
        Trump", "Kang Yi, head of the NBS"), else the place a nationality or a definite
        description in it stands for ("Polish Finance Minister X", "the country's finance
        minister, X"). The first mention that names one decides.
        """
        rules, index = self.rules, self.index
        if person.get("label") not in rules.person_labels:
            return None
        folded, words = fold(person["text"]), name_words(person["text"])
        for start, row, span in sorted(index.mention_spans, key=lambda item: item[0]):
            if start > person["start"] - index.article.start:
                break
            if row["label"] in rules.person_labels and (fold(row["text"]) == folded or words & name_words(row["text"])):
                found = affiliation(span, self)
                if found is not None:
                    return found
        return None

    def mainsubject_before(self, token, labels: frozenset[str]) -> dict | None:
        """The named subject of the main clause before ``token``: its own sentence's, else the previous one's.

        Subjects are the likeliest antecedents of "it" and "they" ("The EU said it would ..."), more than
        the last name seen. ``NAMELESS`` when "they" follows a plural common noun naming nothing ("Stinger
        missiles were bought ... They are portable") or a phrase listing its members ("The eight – Saudi
        Arabia, Russia, ... – raised ..."): that phrase is the antecedent, not an earlier name nor a member.
        """
        return self.subject_before(token, labels)[0]

    def subject_before(self, token, labels: frozenset[str]) -> tuple[dict | None, object]:
        """(``main_subject_before``'s answer, its subject token, or None); first a reporter (``antecedents``)."""
        rules, index = self.rules, self.index
        sent = index.sent(token)
        if (reporter := pronoun_clause_antecedent(token, labels, self, nameless=NAMELESS, describe=described_antecedent)):
            return reporter
        candidates = [sent]
        if sent.start > 0:
            candidates.append(index.sent(index.doc[sent.start - 1]))
        for position, candidate in enumerate(candidates):
            # "It is striking that ice loss has accelerated": the clause a dummy "it" stands for holds the subject
            subject = subject_of(extraposed_clause(candidate.root, rules) or candidate.root, rules)
            if subject is None or (position == 0 and subject.i >= token.i) or is_pronoun(subject, rules):
                continue
            # the pronoun's own phrase is not its antecedent ("The size of its army grew"), and
            # a chain of possessive pronouns back through the text ends at the first repeat
            if subject.left_edge.i <= token.i <= subject.right_edge.i or subject.i in self._resolving:
                continue
            found = self._subject_names(subject) or described_antecedent(subject, self)
            # a coordinated subject ("Macron and Merz met ... They agreed") is plural whatever its label
            plural = token.lower_ in rules.group_pronouns and any(c.dep_ == "conj" for c in subject.children)
            if found is not None and (found["label"] in labels or plural) and trailing_reporter(subject, rules) \
                    and not speaks(token, rules):
                pass_over(self, token, found)  # "..., The Times reported": no antecedent (round 83)
                continue
            # (not a speech verb's subject: "this is quick, officials insist" is about "this")
            if token.lower_ in rules.group_pronouns and lists_members(subject):
                return NAMELESS, subject
            if found is None and token.lower_ in rules.group_pronouns and subject.pos_ == "NOUN" \
                    and subject.tag_ in PLURAL_TAGS and candidate.root.lemma_.lower() not in rules.speech_verbs \
                    and self.named_heads.back_reference(subject) is None:
                return NAMELESS, subject
            if found is not None and (found["label"] in labels or plural) \
                    and not index.in_boilerplate(candidate.start_char) and candidate.end_char > self.body:
                return found, subject
            if found is None and continues_nameless(token, subject, candidate, self):
                return NAMELESS, subject
        return None, None

    def resolve_phrase(self, token, quote_speaker: dict | None, *, labels: frozenset[str] | None = None,
                       prefer_person: bool = False, any_prep: bool = False,
                       preps: frozenset[str] | None = None, places_own: bool = True) -> dict | None:
        """The mention a noun phrase headed by ``token`` is about.

        The head itself when it is (part of) a name; else a possessive pronoun's
        antecedent; else the nearest name reached through possessors, compounds,
        appositions and owner prepositions ("the leaders of the EU"). ``any_prep``
        also follows the other prepositions, but not to a place (a speaker's title:
        "High Representative for Foreign Affairs, Kaja Kallas"; "a spokesman for the
        Commission"; "the Forecast for Germany" credits no one), ``preps`` replaces the
        owner prepositions;
        ``prefer_person`` ranks people first; without ``places_own`` a place compounded on the
        phrase's common-noun head, or on a word compounded on it, only says where it is ("Hong Kong stocks",
        "Arctic sea ice": ``places.place_modifier``); past a preposition a compound still leads on ("the price
        of Brent crude oil").
        """
        rules, index = self.rules, self.index
        preps = rules.possessor_preps if preps is None else preps
        own = index.mention_of(token)
        if own is not None and (labels is None or own["label"] in labels):
            return own
        best: tuple | None = None
        # (node, depth, topic): past a preposition that names no owner a place is what the
        # phrase is about ("the Forecast for Germany", "Minister for Europe"), not who it is,
        # while a person or body still is ("a spokesman for the Commission")
        frontier = [(token, 0, False)]
        seen = {token.i}
        # the head and the words compounded on it, one on another ("Arctic sea ice"): no preposition between
        bare = {token.i}
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
                if child.dep_ == "poss" and is_pronoun(child, rules):
                    found = self.resolve_pronoun(child, quote_speaker)
                else:
                    found = index.mention_of(child)
                if node.i in bare and child.dep_ in MODIFIER_DEPS:
                    bare.add(child.i)
                    if not places_own and place_modifier(child, token, found, rules):
                        continue
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
        """The mention a clause's subject token stands for (names, pronouns, relative pronouns, phrases).

        A phrase is about a name inside it only when its head is an owned noun
        (``owned_nouns``: "the firm's revenues", "All 27 EU leaders") or the name stands in
        apposition ("Trump's envoy, Keith Kellogg"). The modifiers of any other head are not
        what it is about ("Treasury yields", "Trump's deadline"), and a proper noun the model
        left unnamed ("Novo Nordisk jumped") is a name of its own. A place compounded on the owned
        noun only says where it is ("Hong Kong stocks", "U.S. home prices": ``places``), while a
        possessive owns it ("India's trade deficit").
        """
        if self.index.mention_of(token) is not None:
            return apposed_name(token, self.index, self.rules) or self.index.mention_of(token)
        if token.lower_ in self.rules.relative_pronouns and head.dep_ == "relcl":
            return relative_antecedent(head.head, self, quote_speaker)
        if is_pronoun(token, self.rules):
            return self.resolve_pronoun(token, quote_speaker)
        if lists_members(token):
            return None
        if token.pos_ in {"NOUN", "PROPN"} and not self.owns(token):
            return apposition_of(token, self.index)
        if shared_owners(token, self.index, self.rules):
            # "Leaders of Egypt, the United States, Qatar and Turkey", "average Brent and WTI prices":
            # what several named owners share is about none of them alone; the phrase stands
            return None
        if token.lemma_.lower() in self.rules.stake_nouns:
            # "Shares in Rheinmetall": a stake is in its company, but not in a place ("shares in London")
            found = self.resolve_phrase(token, quote_speaker, preps=self.rules.possessor_preps | {"in"},
                                      places_own=self.place_owns(token))
            if found is not None and found["label"] not in self.rules.place_labels:
                return found
        if token.lemma_.lower() in self.rules.origin_nouns or token.lower_ in self.rules.origin_nouns:
            # "Imports from China", "Spot rates from Shanghai to New York": where goods or fares come from is
            # not who owns them (``origin_preps``); an "of" or a possessive still is ("China's imports")
            return self.resolve_phrase(token, quote_speaker, preps=self.rules.possessor_preps - self.rules.origin_preps,
                                       places_own=self.place_owns(token))
        return self.resolve_phrase(token, quote_speaker, places_own=self.place_owns(token))

    def place_owns(self, token) -> bool:
        """True when a place compounded on the owned noun ``token`` still owns it: people and bodies that serve it
        (``place_serving_nouns``, title heads: "U.K. ministers", "the U.S. president") and a share word
        (``portion_nouns``: "the U.S. share of China's exports"); else it only says where (``places``)."""
        word, lemma = token.lower_, token.lemma_.lower()
        return lemma in self.rules.place_serving_nouns or word in self.rules.place_serving_nouns \
            or word in self.title_heads or lemma in self.rules.portion_nouns

    def owns(self, token) -> bool:
        """True when the common noun ``token`` names a part, member, measure or act of its owner.

        The words of ``owned_nouns``, and the last word of every title ("the president of
        Finland", "Britain's foreign secretary"): an office belongs to the body it serves.
        """
        rules = self.rules
        return token.pos_ == "NOUN" and (token.lemma_.lower() in rules.owned_nouns or token.lower_ in rules.owned_nouns
                                         or token.lower_ in self.title_heads)

    def description_reference(self, token) -> dict | None:
        """The entity a definite description stands for ("the company"), or None: ``antecedent_checks.description_reference``."""
        return description_reference(token, self)

    def _subject_names(self, subject) -> dict | None:
        """The mention an earlier sentence's subject names, never resolving through itself again."""
        self._resolving.add(subject.i)
        try:
            # else the name a copula equates a nameless subject with ("the biggest winner was the AfD"): that
            # name, not the nameless subject, is the actor a later "the party" continues
            return self.index.mention_of(subject) or self.resolve_phrase(subject, None) \
                or copula_name(subject, subject.head, self.index)
        finally:
            self._resolving.discard(subject.i)

    def resolve_noun(self, token, quote_speaker: dict | None) -> dict | None:
        """The mention a noun phrase names: through its own words (``resolve_phrase``), else as a back-reference."""
        return self.resolve_phrase(token, quote_speaker) or self.named_heads.back_reference(token)


def affiliation(span, coreference: Coreference) -> dict | None:
    """The group named in the noun phrase of the person mention ``span`` (its title, apposition, "of")."""
    rules, index = coreference.rules, coreference.index
    root = span.root
    phrase = root.head if root.dep_ == "appos" else root
    heads = [phrase] + [child for child in root.children if child.dep_ == "appos"]
    inside = {t.i for t in span}
    for head in heads:
        for t in head.subtree:
            if t.i in inside or _in_clause(t, head):
                continue
            row = index.mention_of(t)
            if row is not None and row["label"] in rules.group_labels and row["label"] != "NORP":
                return row
            place = nationality_of(t, index, rules) or (
                coreference.description_reference(t) if t.pos_ == "NOUN" else None)
            if place is not None and place["label"] in rules.group_labels:
                return place
    return None
