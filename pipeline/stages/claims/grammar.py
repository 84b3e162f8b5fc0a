"""The dependency-parse vocabulary the claim rules share: verbs, subjects, clauses and distances in the tree."""
from __future__ import annotations

from pipeline.stages.claims.broken_lists import broken_list
from pipeline.stages.claims.rules import ClaimRules
from pipeline.stages.claims.words import apostrophe

VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "PRON"})
# leading/trailing tokens a clause span sheds ("and", "while", commas)
EDGE_DEPS = frozenset({"cc", "mark", "punct"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# clauses a clausal subject chains to ("Trying to persuade Hungary to ..."): still the subject's words
CHAINED_DEPS = frozenset({"xcomp", "ccomp", "conj"})


def verb_lemma(token, rules: ClaimRules) -> str:
    """The lemma of a verb, lower-cased, with contractions read as their verbs ("it’s" -> "be").

    The small model leaves a contraction written with a curly apostrophe as its own
    lemma ("’s"), or as the bare apostrophe ("there’s": "’"), which would hide the copula
    from every rule that asks for "be".
    """
    lemma = token.lemma_.lower()
    return rules.contractions.get(apostrophe(lemma)) or rules.contractions.get(apostrophe(token.lower_), lemma)


def is_pronoun(token, rules: ClaimRules) -> bool:
    """True for a pronoun: by its tag, or by the lexicon's pronoun lists."""
    return token.pos_ == "PRON" or token.lower_ in (
        rules.person_pronouns | rules.first_person_pronouns | rules.group_pronouns | rules.thing_pronouns)


def own_subject(head, rules: ClaimRules):
    """The first child of ``head`` that is its grammatical subject, or None.

    A clause has one subject: when the parser gives it two, it has split a modifier off the
    head ("Germany's center-right Christian Democratic Union": "right" and "Union"), taken
    a dateline ("LONDON — Military chiefs ... will hold") or a lead-in ("A particularly
    alarming finding concerns the period 2023–2025: for the first time, a three-year
    average has exceeded ...") for one. English puts the subject next before its verb, so
    the nearest one before the verb is it, unless the two are the halves of one word
    ("sub-themes") or of a coordination the parser broke ("The United States, Canada and,
    in future, the United Kingdom are"): then the first heads the phrase. Also the subject
    the parser misread as the object of a conjunction it took for a preposition (see
    ``misread_subject``).
    """
    subjects = [child for child in head.children if child.dep_ in rules.subject_deps]
    if len(subjects) > 1:
        before = [child for child in subjects if child.i < head.i]
        if len(before) < 2:
            return before[-1] if before else subjects[0]
        first, last, doc = before[0], before[-1], head.doc
        between = doc[first.i + 1:last.left_edge.i]
        joined = not doc[last.left_edge.i - 1].whitespace_ if last.left_edge.i > 0 else False
        if joined or any(token.dep_ == "cc" for token in between) or broken_list(first, last):
            return first
        return last
    if subjects:
        return subjects[0]
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
    if verb.dep_ != "advcl" or verb.pos_ not in VERBAL:
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
    if head.pos_ in VERBAL:
        for child in head.children:
            if child.i < head.i and child.pos_ not in VERBAL:
                stray = next((g for g in child.children if g.dep_ in rules.subject_deps and g.i < head.i), None)
                if stray is not None:
                    return stray
    if head.head.i != head.i and head.dep_ in {"conj", "xcomp", "advcl", "pcomp", "acl"} and head.head.pos_ in VERBAL:
        return subject_of(head.head, rules, depth + 1)
    return None


def clause_head(token, rules: ClaimRules):
    """The nearest verb at or above ``token`` that heads a clause (the root at worst)."""
    current = token
    while not (current.head.i == current.i or current.dep_ == "ROOT"
               or (current.dep_ in rules.clause_deps and current.pos_ in VERBAL)):
        current = current.head
    return current


def own_clause(head, rules: ClaimRules) -> list[int]:
    """Token indices of ``head``'s clause, without the clauses inside it that have subjects of their own."""
    tokens = []
    stack = [head]
    while stack:
        node = stack.pop()
        tokens.append(node.i)
        for child in node.children:
            if child.pos_ in VERBAL and child.dep_ in rules.clause_deps and own_subject(child, rules) is not None:
                continue
            stack.append(child)
    return sorted(tokens)


def tree_distance(a, b) -> int:
    """Edges between two tokens of one tree (99 when they are in different trees)."""
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


def depth_below(token, head) -> int:
    """Edges from ``token`` up to ``head`` (99 when ``head`` is not above it)."""
    depth = 0
    node = token
    while node.i != head.i and node.head.i != node.i:
        node = node.head
        depth += 1
    return depth if node.i == head.i else 99


class Subtree:
    """One token's subtree as an interval of ``Subtrees``' depth-first order.

    Membership and size in constant time: building the set of a subtree's tokens
    costs its size, and the speech verbs of a run-on sentence nest ("X said Y said
    ..."), so sets of every frame's scope grew with the square of the sentence.
    """

    __slots__ = ("_position", "_first", "_size", "_order")

    def __init__(self, position: list[int], order: list[int], first: int, size: int) -> None:
        self._position, self._order, self._first, self._size = position, order, first, size

    def __contains__(self, i: object) -> bool:
        return isinstance(i, int) and 0 <= i < len(self._position) and \
            self._first <= self._position[i] < self._first + self._size

    def __len__(self) -> int:
        return self._size

    def __iter__(self):
        return iter(self._order[self._first:self._first + self._size])


class Subtrees:
    """Every token's subtree of one Doc, from one depth-first walk of its trees (linear in the Doc)."""

    def __init__(self, doc) -> None:
        n = len(doc)
        heads = [token.head.i for token in doc]
        children: list[list[int]] = [[] for _ in range(n)]
        for i, head in enumerate(heads):
            if head != i:
                children[head].append(i)
        order: list[int] = []
        for root in range(n):
            if heads[root] != root:
                continue
            stack = [root]
            while stack:
                node = stack.pop()
                order.append(node)
                stack.extend(reversed(children[node]))
        if len(order) != n:  # not a forest (never from spaCy's parser): no intervals to trust
            raise ValueError(f"[E605] the dependency parse of this Doc is not a tree ({n - len(order)} tokens "
                             "unreachable from a root); rerun the nlp stage to rebuild its DocBin")
        position = [0] * n
        for k, node in enumerate(order):
            position[node] = k
        size = [1] * n
        for node in reversed(order):  # children come after their head in the order
            if heads[node] != node:
                size[heads[node]] += size[node]
        self._position, self._order, self._size = position, order, size

    def of(self, token) -> Subtree:
        """The subtree of ``token`` (the token and everything below it)."""
        return Subtree(self._position, self._order, self._position[token.i], self._size[token.i])

    def indices(self, token) -> frozenset[int]:
        """The token indices of ``token``'s subtree, as a set."""
        return frozenset(self.of(token))


def extraposed_clause(verb, rules: ClaimRules):
    """The clause a dummy "it" stands in for as ``verb``'s subject, or None.

    "It has been six months since ...", "It is expected that ...", "It is clear that ...":
    a copula or a passive verb whose subject "it" has a that-clause or a "since" clause after
    the verb. "It said ..." (a speech verb), "It is serious" (no clause) and "it is expected
    to grow" (the subject of the raised verb) keep their antecedent.
    """
    subject = own_subject(verb, rules)
    if subject is None or subject.lower_ != "it":
        return None
    if subject.dep_ == "nsubj" and verb.lemma_.lower() in rules.speech_verbs:  # "it said" credits a body
        return None
    # "It is striking that ...": the parser may read the adjective as a participle with "is" its auxiliary
    participle = verb.tag_ in {"VBG", "VBN"} and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
    if not (verb.lemma_.lower() == "be" or subject.dep_ == "nsubjpass" or participle):
        return None
    for child in verb.children:
        if child.i < verb.i:
            continue
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        if (child.dep_ == "ccomp" and (not participle or "that" in marks)) or (
                child.dep_ == "advcl" and "since" in marks):
            return child
    return None


def is_expletive(token, rules: ClaimRules) -> bool:
    """True for a dummy "it" the parser tagged a subject ("It has been six months since ...": ``extraposed_clause``)."""
    return token.dep_ in {"nsubj", "nsubjpass"} and token.lower_ == "it" and token.head.i != token.i \
        and extraposed_clause(token.head, rules) is not None


def counted_unit(token, rules: ClaimRules) -> bool:
    """True for a unit of measure (``unit_nouns``) counted by a figure ("72.2 GW of capacity was added", "About 758
    gigawatts of capacity worldwide is currently under construction"): the figure and its unit say how much, as a
    percentage does, and the "of" phrase is what was measured (claims round 30: dev8 417_, EcoPolitic on the WWEA's
    2025 figures, and Anadolu on Global Energy Monitor's 2025 pipeline). A counted noun that is no unit ("Three
    students of the school died") stays what it is."""
    return token.pos_ in {"NOUN", "PROPN"} and token.lower_ in rules.unit_nouns | {f"{u}s" for u in rules.unit_nouns} \
        and any(child.dep_ == "nummod" and child.like_num for child in token.children)
