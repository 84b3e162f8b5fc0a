"""Attribution: speech verbs, the frames that credit a statement ("X said", "according to X") and whom they credit."""
from __future__ import annotations

from collections.abc import Container, Sequence, Sized
from dataclasses import dataclass

from pipeline.stages.claims.coreference import Coreference, TitledPeople
from pipeline.stages.claims.grammar import VERBAL, clause_head, is_pronoun, own_subject
from pipeline.stages.claims.index import ArticleIndex
from pipeline.stages.claims.rules import ClaimRules
from pipeline.stages.claims.words import fold


@dataclass
class Frame:
    """One attribution in a sentence: who is credited, and which tokens it covers."""

    verb: object  # the speech verb or attribution word (a Token)
    speaker: dict | None
    # the tokens the attribution covers: a ``Subtree`` or a ``range`` (membership and size in O(1))
    scope: Container[int] | Sized
    # the tokens naming the source ("an official from the Elysee"): never the claim's subject
    source: frozenset[int] = frozenset()


class Speakers:
    """Who an attribution's subject (or object) credits, in one article."""

    def __init__(self, index: ArticleIndex, rules: ClaimRules, coreference: Coreference,
                 titled: TitledPeople) -> None:
        self.index = index
        self.rules = rules
        self.coreference = coreference
        self.titled = titled
        # names in bylines and credit lines belong to the author or publisher, who is never the speaker
        self.authors = {fold(row["text"]) for start, end, row in index.mentions if index.in_boilerplate(start)}

    def resolve_speaker(self, token) -> dict | None:
        """The mention credited by an attribution whose subject (or object) is ``token``."""
        rules = self.rules
        if is_pronoun(token, rules):
            found = self.coreference.resolve_pronoun(token, None, speaker=True)
        else:
            found = self.index.mention_of(token)
            if found is None:
                found = self.coreference.resolve_phrase(token, None, labels=rules.speaker_modifier_labels,
                                                        prefer_person=True, any_prep=True) \
                    or self.titled.title_reference(token)
        if found is None or found["label"] not in rules.speaker_labels or fold(found["text"]) in self.authors:
            return None
        return found


def speech_contents(verb, rules: ClaimRules) -> list:
    """The clauses a verb reports ("said (that) ..."): its clausal complements and parataxis.

    A clause before the verb that a colon closes is a lead-in, not what was said ("Later, more
    signs emerged of a thaw: Zelenskyy said he would travel"), however the parser hung it.
    """
    doc = verb.doc
    # a complement with a subject of its own is a clause even when its verb was tagged a noun
    # ("noted that current government targets for 2030 align with ...")
    return [child for child in verb.children if child.dep_ in rules.content_deps
            and (child.pos_ in VERBAL or any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children))
            and not (child.i < verb.i and any(doc[i].text == ":" for i in range(child.right_edge.i + 1, verb.i)))]


def pronoun_content(verb, rules: ClaimRules):
    """The clause a ``content_verbs`` verb with a pronoun subject states, or None.

    "It means the Liberals will have to find support": the pronoun names no actor, the
    complement's own subject does. Only a complement with a noun-phrase subject counts.
    """
    if verb.lemma_.lower() not in rules.content_verbs:
        return None
    subject = own_subject(verb, rules)
    if subject is None or subject.dep_ != "nsubj" or subject.lower_ not in rules.content_pronouns:
        return None
    for child in speech_contents(verb, rules):
        inner = own_subject(child, rules)
        if inner is not None and inner.dep_ in {"nsubj", "nsubjpass"} and inner.pos_ in {"NOUN", "PROPN"}:
            return child
    return None


def speaker_subject(verb, rules: ClaimRules):
    """The active subject of a speech verb that reports a clause ("X said (that) ..."), else None."""
    if verb.lemma_.lower() not in rules.speech_verbs or not speech_contents(verb, rules):
        return None
    subject = own_subject(verb, rules)
    return subject if subject is not None and subject.dep_ == "nsubj" else None


def is_attribution_tag(verb, rules: ClaimRules) -> bool:
    """True for a speech verb hung on the statement it reports ("The UK will act, Starmer said on Sunday").

    A clause opened by a subordinator of contrast (``parallel_marks``: "While Kerala reported 3,871 dengue cases ...,
    Tamil Nadu recorded 3,023 cases") sets a fact of its own beside the other clause: it reports nothing of it.
    A coordinated verb that takes a figure as its object or measure ("and the Topix added 1.75% to 3,538.44", dev12
    504_; "added" as a market verb in dev 013_ and dev5 357_ too) states a fact of its own subject: it tags nothing
    (``states_own_figure``). A subordinate one is left as it was ("Shares rose 4% after the firm posted a profit of
    $2 billion, their best day since 2019": the summing-up phrase hangs on it and stays the shares').
    """
    return (verb.lemma_.lower() in rules.speech_verbs and verb.head.i != verb.i
            and verb.dep_ in {"parataxis", "ccomp", "advcl", "conj"} and not speech_contents(verb, rules)
            and not any(child.dep_ == "mark" and child.lower_ in rules.parallel_marks for child in verb.children)
            and not (verb.dep_ in {"conj", "parataxis"} and states_own_figure(verb)))


def states_own_figure(verb) -> bool:
    """True when ``verb`` takes as its direct object or measure a phrase holding a number that is no date or time
    ("added 1.75%", "added 120 points"; not "said Dec. 5", "told reporters", nor a figure of a clause inside the
    object: "announced plans to invest $200 billion")."""
    def in_phrase(token, child) -> bool:
        while token.i != child.i:
            if token.pos_ in {"VERB", "AUX"}:
                return False
            token = token.head
        return True
    return any(child.dep_ in {"dobj", "npadvmod"} and any(
        t.like_num and t.ent_type_ not in {"DATE", "TIME"} and in_phrase(t, child) for t in child.subtree)
        for child in verb.children)


def attribution_frames(sent, index: ArticleIndex, speakers: Speakers, rules: ClaimRules) -> list[Frame]:
    """Every attribution in a sentence: speech verbs outside quotations, and "according to X"."""
    frames: list[Frame] = []
    subtrees = index.subtrees
    quoted = any(index.quote_at(t.idx) is not None for t in sent)
    for token in sent:
        if token.lemma_.lower() in rules.speech_verbs and token.pos_ == "VERB" and index.quote_at(token.idx) is None:
            subject, chained = own_subject(token, rules), False
            if subject is None and token.dep_ == "xcomp" and token.head.pos_ in VERBAL:
                # a speech verb chained to another ("She went on to say that ..."): the chaining verb's subject speaks
                subject, chained = own_subject(token.head, rules), True
            if subject is None or subject.dep_ not in {"nsubj", "csubj"}:
                continue
            contents = speech_contents(token, rules)
            if contents:
                scope = subtrees.of(token.head if chained else token)
            elif is_attribution_tag(token, rules):
                # a tag hung on the statement it reports: "The UK will act, he said."
                scope = subtrees.of(token.head)
            elif quoted:
                scope = range(sent.start, sent.end)
            else:
                continue
            frames.append(Frame(token, speakers.resolve_speaker(subject), scope, subtrees.indices(subject)))
        for phrase in rules.attribution_phrases:
            words = [sent.doc[token.i + k].lower_ if token.i + k < sent.end else None for k in range(len(phrase))]
            if tuple(words) != phrase or index.quote_at(token.idx) is not None:
                continue
            last = sent.doc[token.i + len(phrase) - 1]
            objects = [child for child in last.children if child.dep_ in {"pobj", "dobj", "pcomp"}]
            if not objects:
                continue
            governor = clause_head(token.head, rules) if token.head.i != token.i else token
            frames.append(Frame(token, speakers.resolve_speaker(objects[0]), subtrees.of(governor),
                                subtrees.indices(token) | subtrees.indices(objects[0])))
    return frames


def frame_for(head, frames: Sequence[Frame]) -> Frame | None:
    """The innermost attribution whose scope holds the claim head."""
    holding = [frame for frame in frames if head.i in frame.scope]
    return min(holding, key=lambda frame: len(frame.scope)) if holding else None


def quote_speakers(index: ArticleIndex, sentences: Sequence,
                   frames: Sequence[Sequence[Frame]]) -> list[dict | None]:
    """For each sentence, the speaker of the quotation it lies in (None outside quotations).

    A quotation's speaker is named by an attribution outside the quotation marks in
    one of the sentences it spans: the closing one ("“...,” Petrov said.") or the
    opening one ("Petrov said: “..."). A quotation with no attribution of its own
    continues the speaker of the quotation just before it.
    """
    regions_of: list[list[tuple[int, int]]] = [[] for _ in sentences]
    by_region: dict[tuple[int, int], dict | None] = {}
    for region in index.quotes:
        first, last = index.sentence_index(region[0]), index.sentence_index(max(region[0], region[1] - 1))
        spanned = list(range(first, last + 1))
        for i in spanned:
            regions_of[i].append(region)
        speaker = None
        # the closing sentence names the speaker most often, then the opening one
        for i in sorted(spanned, key=lambda i: (i != spanned[-1], i != spanned[0], i)):
            named = [f for f in frames[i] if index.quote_at(f.verb.idx) is None and f.speaker is not None]
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
