"""English common words: the WordNet lemma index the installed English model ships, shared by the stages."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """English common words: the lemma index (WordNet) an installed English model's lemmatizer ships, empty without one."""
    from spacy.lookups import Lookups
    from spacy.util import get_installed_models, get_package_path

    for name in sorted(n for n in get_installed_models() if n.startswith("en_")):
        for path in sorted(get_package_path(name).glob("*/lemmatizer/lookups/lookups.bin")):
            lookups = Lookups().from_disk(path.parent)
            if lookups.has_table("lemma_index"):
                return frozenset(w for words in lookups.get_table("lemma_index").values() for w in words)
    return frozenset()


def is_common_word(word: str) -> bool:
    """True when ``word`` (or its singular) is an English common word of the index ("Precautions", "Level")."""
    low, words = word.casefold(), common_words()
    return low in words or (low.endswith("s") and low[:-1] in words) or (low.endswith("es") and low[:-2] in words)
