"""Name parts: which name words are spellings of one name, which are different names.

The lexicon is ``data/gazetteer/name_parts.tsv``: groups of given and family
names across scripts (rigour's Wikidata-derived groups, see SOURCES.md). Two
words that are each attested as a name but never in the same group are two
different names (محمد and محمود, Mohammed and Mahmoud), however alike their
letters: the scorer must not take one for a garble of the other.

Examples
--------
>>> are_different_names("محمد", "محمود"), are_different_names("mohamed", "محمد")
(True, False)
>>> are_different_names("محمد", "xqzt")  # unknown words: no opinion
False
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .normalize import fold_arabic, fold_latin

__all__ = ["are_different_names", "name_groups"]

_FILE = ("data", "gazetteer", "name_parts.tsv")
_SINGLE_WORD = re.compile(r"^[^\W\d_]+$")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[int]]:
    """Folded single-word form -> the groups it belongs to (loaded once)."""
    groups: dict[str, set[int]] = {}
    text = resources.files("entity_resolve").joinpath(*_FILE).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines()):
        if not line or line.startswith("#"):
            continue
        _, _, forms = line.partition("\t")
        for form in forms.split("|"):
            word = fold_latin(fold_arabic(form.strip()))
            if _SINGLE_WORD.match(word):
                groups.setdefault(word, set()).add(number)
    return {word: frozenset(found) for word, found in groups.items()}


def name_groups(token: str) -> frozenset[int]:
    """The lexicon groups of a normalised token (empty when it is not an attested name part)."""
    return _lexicon().get(token, frozenset())


def are_different_names(a: str, b: str) -> bool:
    """True when both tokens are attested name parts of no common group.

    Parameters
    ----------
    a, b : str
        Normalised tokens (``normalize_name(...).tokens``).
    """
    if a == b:
        return False
    lexicon = _lexicon()
    groups_a, groups_b = lexicon.get(a), lexicon.get(b)
    if not groups_a or not groups_b:
        return False
    return not groups_a & groups_b
