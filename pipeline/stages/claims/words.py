"""How claims compare names and words: folded text, the words that tell a name, the words of a title."""
from __future__ import annotations

import re

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def fold(text: str) -> str:
    """``text`` with its whitespace collapsed, a trailing possessive dropped and lower-cased."""
    return _POSSESSIVE.sub("", " ".join(text.split())).lower()


def name_words(text: str) -> set[str]:
    """The words of a name long enough to identify it ("biden"; not "the", "of" or "joe")."""
    return {word for word in re.findall(r"\w+", fold(text)) if len(word) > 3}


def title_words(text: str) -> tuple[str, ...]:
    """The folded words of a title ("Secretary-General" -> ("secretary", "general"))."""
    return tuple(w for w in re.findall(r"[\w.]+", text.lower().replace("-", " ")) if w != ".")


def apostrophe(text: str) -> str:
    """``text`` with curly apostrophes made straight."""
    return text.replace("’", "'")


def mention_text(row: dict) -> str:
    """A mention's words as a claim shows them: without a trailing possessive."""
    return _POSSESSIVE.sub("", row["text"]).strip()


def digit_ordinal(word: str) -> bool:
    """True for an ordinal in digits ("24th", "3rd"), which counts events as "third" does."""
    return len(word) > 2 and word[:-2].isdigit() and word[-2:] in {"st", "nd", "rd", "th"}
