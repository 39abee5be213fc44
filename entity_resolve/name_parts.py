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
>>> are_different_names("taieb", "tayeb")  # two groups that both write الطيب
False
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Final

from .normalize import fold_arabic, fold_latin

__all__ = ["are_different_names", "name_groups"]

_FILE: Final = ("data", "gazetteer", "name_parts.tsv")
_SINGLE_WORD: Final = re.compile(r"^[^\W\d_]+$")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[int, ...]]:
    """Folded single-word form -> the groups it belongs to, ascending (loaded once).

    Tuples of numbers, not frozensets: the garbage collector stops tracking them (and then the dict),
    where it would walk tens of thousands of frozensets in each full collection.
    """
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
    return {word: tuple(sorted(found)) for word, found in groups.items()}


def name_groups(token: str) -> frozenset[int]:
    """The lexicon groups of a normalised token (empty when it is not an attested name part)."""
    return frozenset(_lexicon().get(token, ()))


@lru_cache(maxsize=1)
def _group_arabic() -> dict[int, tuple[str, ...]]:
    """Group -> its Arabic-script forms, sorted: the name it stands for, in its own script (tuples, which
    the garbage collector stops tracking)."""
    forms: dict[int, set[str]] = {}
    for word, groups in _lexicon().items():
        if "\u0600" <= word[0] <= "\u06ff":
            for group in groups:
                forms.setdefault(group, set()).add(word)
    return {group: tuple(sorted(words)) for group, words in forms.items()}


@lru_cache(maxsize=65_536)
def _arabic_names_of(word: str) -> tuple[tuple[str, ...], ...]:
    """The Arabic spellings of each group of ``word`` (sorted, ``_group_arabic``), each once, groups
    without any left out: tuples, which the garbage collector stops tracking, where it walked the
    frozensets of thousands of words in each full collection."""
    group_arabic = _group_arabic()
    return tuple(sorted({group_arabic[group] for group in _lexicon().get(word, ()) if group in group_arabic}))


def are_different_names(a: str, b: str) -> bool:
    """True when both tokens are attested name parts of no common group, and no group of
    one is written in Arabic exactly as a group of the other.

    Wikidata keeps one item per Latin spelling, so one Arabic name may be in
    several groups: Tayeb and Taïeb are two groups that both write only
    الطيب, and thus one name. Omar (عمر) stays another name than Amr, whose
    group writes عمرو and, by a slip, عمر.

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
    if any(group in groups_b for group in groups_a):  # a few groups each
        return False
    return set(_arabic_names_of(a)).isdisjoint(_arabic_names_of(b))
