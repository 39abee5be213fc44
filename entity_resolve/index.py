"""Candidate index: finds the few names worth scoring without scanning them all.

Every name of every entity is normalised and each token's coarse skeleton is
posted under itself and its one-deletion neighbourhood (symmetric deletion, as
in SymSpell): a query token within one coarse edit of a name token shares at
least one key with it. Keys are 64-bit BLAKE2 digests kept in a sorted array
(compressed sparse rows), so a lookup is a binary search, the index is a few
NumPy arrays, and it saves to a versioned ``.npz`` file without pickle.

Examples
--------
>>> from entity_resolve.gazetteer import Gazetteer
>>> g = Gazetteer.from_records([
...     {"id": "p1", "type": "person", "name": "Khalifa Haftar", "aliases": ["حفتر"]},
...     {"id": "p2", "type": "person", "name": "Fayez al-Sarraj"},
... ])
>>> index = NameIndex.build(g)
>>> [index.entity_ids[index.name_entity[n]] for n in index.lookup(["هوثر"])]
['p1', 'p1']
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import math
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Final

import numpy as np
from rapidfuzz import fuzz, process

from . import __version__
from .context import (
    COUNTRY_TABLE,
    countries_named,
    countries_of_words,
    country_name_lines,
    country_names,
    country_words,
    is_country,
    with_builtin_countries,
)
from .gazetteer import Gazetteer
from .keys import (
    PlainReading,
    Reading,
    coarse_skeleton,
    fine_skeleton,
    fine_skeleton_variants,
    knows_readings,
    packed_readings,
    plain_readings,
    readings,
    remember_readings,
    unpacked_readings,
)
from .normalize import COMPOUND_HEADS, NormalizedName, may_be_one_word, normalize_as_name
from .score import is_particle

try:  # the compiled ranking loop, when the build had a C++ compiler and Cython (setup.py)
    from . import _ranking
except ImportError:  # pragma: no cover - a pure-Python build ranks with NumPy
    _ranking = None  # type: ignore[assignment]

__all__ = [
    "ENTITY_TYPE_ORDER",
    "INDEX_FORMAT",
    "NameIndex",
    "cached_index",
    "name_keys",
    "pair_keys",
    "token_keys",
    "whole_name_key",
]

_log = logging.getLogger("entity_resolve")

#: Bumped whenever keys, normalisation or the file layout change.
INDEX_FORMAT = 17
#: How a saved index writes "no country" (an empty line would be lost when the only one).
_NO_COUNTRY: Final = "-"
#: The entity types in the order ``NameIndex.entity_types`` numbers them.
ENTITY_TYPE_ORDER: Final = ("person", "organization", "place")
#: Weight of a key reached through a deletion, relative to an exact coarse key.
DELETION_KEY_WEIGHT: Final = 0.7
#: Weight of a key reached through a deletion on both sides (a substitution).
SUBSTITUTION_KEY_WEIGHT: Final = 0.5
#: Support bonus of a name in the query's script.
SAME_SCRIPT_BONUS: Final = 0.05
#: Weight of a word-pair key (it proves two words at once).
PAIR_KEY_WEIGHT: Final = 1.5
#: Weight of the whole-name key (every word spelt as in the name, in its order).
WHOLE_NAME_KEY_WEIGHT: Final = 2.0
#: Weight of the keys of a reading that only the scorer makes (not indexed).
SCORER_READING_WEIGHT: Final = 0.9
#: Weight of the exact fine skeleton and of the exact spelling of a token.
FINE_KEY_WEIGHT: Final = 1.3
SURFACE_KEY_WEIGHT: Final = 1.6
#: The ز of a mention may stand for ذ (see ``_sibilant_spelt``).
_SIBILANT_Z: Final = "ز"
_DHAL: Final = "ذ"
#: Names of one entity handed to the scorer at most (an entity may have 40 aliases).
MAX_NAMES_PER_ENTITY = 3
#: Keys posted under more names than this are used only when exact (too common).
MAX_DELETION_POSTINGS = 2_000
#: Postings read per key at most (the most important entities come first).
MAX_POSTINGS_PER_KEY = 300
#: Support of a name is divided by ``1 + EXTRA_TOKEN_PENALTY * k`` for each of its ``k``
#: tokens beyond the mention's: Hussein Ibrahim before Ahmed Hussein Ibrahim Abbas.
EXTRA_TOKEN_PENALTY = 1.0
#: Bits of ``NameIndex.name_flags``.
ARABIC_NAME: Final = 1
FOREIGN_LETTERS: Final = 2
#: Saved indexes kept per cache directory (one per gazetteer in use).
MAX_CACHED_INDEXES = 4
#: How many names the index hands to the scorer at most.
MAX_CANDIDATE_NAMES = 64
#: A word of the names of this many organisations or more, at least ``ORGANIZATION_WORD_SHARE``
#: of the entities whose names have it, is an organisation word (``organization_words``).
ORGANIZATION_WORD_MIN_ENTITIES = 5
ORGANIZATION_WORD_SHARE = 0.8
#: A word that begins the names of this many persons or more is a given name (``NameIndex.given_names``).
GIVEN_NAME_MIN_PERSONS = 50
#: ``shortlist`` draws on this many times ``limit`` best supported names ...
SHORTLIST_POOL_FACTOR = 5
#: ... keeps the best supported few as they are and fills the rest by skeleton similarity.
SHORTLIST_KEPT_BY_SUPPORT = 10


def _digest(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little") >> 1


#: ``_query_digest``'s digests: a plain dict of strings to integers, which the garbage collector stops
#: tracking (an ``lru_cache`` it walks entry by entry in each full collection); emptied when full.
_kept_digests: Final[dict[str, int]] = {}
_DIGESTS_KEPT: Final = 65_536


def _query_digest(key: str) -> int:
    """``_digest`` of a key that a query looks up, kept: tokens share most of their keys (``HTR``, ``-TR``)."""
    found = _kept_digests.get(key)
    if found is None:
        found = _digest(key)
        if len(_kept_digests) >= _DIGESTS_KEPT:
            _kept_digests.clear()
        _kept_digests[key] = found
    return found


def _deletions(coarse: str) -> list[str]:
    """One-deletion variants of a coarse skeleton of three classes or more."""
    if len(coarse) < 3:
        return []
    return [coarse[:position] + coarse[position + 1 :] for position in range(len(coarse))]


@lru_cache(maxsize=131_072)
def name_keys(token: str) -> tuple[str, ...]:
    """Keys under which a gazetteer name token is posted.

    Its spelling (``=``), each reading's fine skeleton (``~``), coarse
    skeleton, and the coarse skeleton's one-deletion variants (``-``).

    Examples
    --------
    >>> name_keys("حفتر")
    ('=حفتر', '~hftr', 'HBTR', '-BTR', '-HTR', '-HBR', '-HBT')
    """
    keys: dict[str, None] = {"=" + token: None}
    for fine in fine_skeleton_variants(token):
        coarse = coarse_skeleton(fine)
        if fine:
            keys["~" + fine] = None
        if coarse:
            keys[coarse] = None
            keys.update(dict.fromkeys("-" + variant for variant in _deletions(coarse)))
    return tuple(keys)


@lru_cache(maxsize=131_072)
def token_keys(token: str) -> tuple[tuple[str, float], ...]:
    """Keys looked up for a query token, each with the weight of what it proves.

    Exact spelling (``SURFACE_KEY_WEIGHT``) > exact fine skeleton
    (``FINE_KEY_WEIGHT``) > exact coarse skeleton (1.0) > one coarse letter
    more or less (``DELETION_KEY_WEIGHT``) > one coarse letter changed
    (``SUBSTITUTION_KEY_WEIGHT``): symmetric deletion, as in SymSpell, finds
    every name token within one coarse edit. Readings that only the scorer
    makes (هوثر with و as a consonant: ``HBTR``) are looked up as well.

    Examples
    --------
    >>> [key for key, _ in token_keys("هوثر")][:6]
    ['=هوثر', '~hTr', 'HTR', '-HTR', 'TR', '-TR']
    >>> dict(token_keys("هوثر"))["HBTR"]
    0.9
    """
    keys: dict[str, float] = {"=" + token: SURFACE_KEY_WEIGHT}
    for reading in (*readings(token), *_sibilant_spelt(token)):
        # readings the index does not hold (و as a consonant) are looked up too, a little lower
        scale = 1.0 if reading.indexed else SCORER_READING_WEIGHT
        fine, coarse = reading.fine, reading.coarse
        if fine and reading.indexed:
            keys.setdefault("~" + fine, FINE_KEY_WEIGHT)
        if not coarse:
            continue
        keys.setdefault(coarse, scale)
        keys.setdefault("-" + coarse, DELETION_KEY_WEIGHT * scale)  # the name has one letter more
        for variant in _deletions(coarse):
            keys.setdefault(variant, DELETION_KEY_WEIGHT * scale)  # the name has one letter less
            keys.setdefault("-" + variant, SUBSTITUTION_KEY_WEIGHT * scale)  # one letter differs
    return tuple(keys.items())


def _sibilant_spelt(token: str) -> tuple[Reading, ...]:
    """An Arabic token's ز read as the ذ it may stand for, as a reading the index does not hold.

    The scorer reads a name's ذ and ظ also as ز (القذافي ~ القزافي, the
    Egyptian and Levantine sibilant), but the index posts each name under
    its own spelling only, so a mention with ز must look up the ذ it may
    stand for.

    Examples
    --------
    >>> [(r.coarse, r.indexed) for r in _sibilant_spelt("القزافي")][:1]
    [('KTB', False)]
    >>> _sibilant_spelt("حفتر")
    ()
    """
    if _SIBILANT_Z not in token or not "\u0600" <= token[0] <= "\u06ff":
        return ()
    spelt = token.replace(_SIBILANT_Z, _DHAL)
    return tuple(Reading(r.fine, r.coarse, r.vocalic, indexed=False) for r in readings(spelt) if r.indexed)


def _unpack_country_names(packed: np.ndarray, separator: str | None = None) -> dict[str, frozenset[str]]:
    rows = (line.split("\t") for line in _unpack(packed))
    return {code: frozenset(names.split(separator)) for code, names in rows}


def _pack(strings: Sequence[str]) -> np.ndarray:
    """Strings as one UTF-8 byte array, newline-separated (compact, no pickle)."""
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _unpack(packed: np.ndarray) -> tuple[str, ...]:
    text = packed.tobytes().decode("utf-8")
    return tuple(text.split("\n")) if text else ()


def _readings_of_words(name_tokens: Sequence[str]) -> dict[str, np.ndarray]:
    """``NameIndex``'s ``reading_words``, ``reading_word_offsets``, ``reading_offsets`` and
    ``reading_text`` of names (each name's tokens joined by spaces). A word whose readings cannot
    be packed has no line (word number -1): ``keys.readings`` works it out when asked.

    Examples
    --------
    >>> arrays = _readings_of_words(["khalifa haftar", "حفتر", "haftar"])
    >>> arrays["reading_words"].tolist(), arrays["reading_word_offsets"].tolist()
    ([0, 1, 2, 1], [0, 2, 3, 4])
    >>> start, end = arrays["reading_offsets"][1:3]
    >>> arrays["reading_text"][start:end].tobytes().decode()
    'hftr,HBTR,haftar,1'
    """
    number_of_word: dict[str, int] = {}
    lines: list[bytes] = []
    words: list[int] = []
    word_offsets = [0]
    for tokens in name_tokens:
        for word in tokens.split(" ") if tokens else ():
            number = number_of_word.get(word)
            if number is None:
                packed = packed_readings(plain_readings(word))
                number = -1 if packed is None else len(lines)
                if packed is not None:
                    lines.append(packed.encode())
                number_of_word[word] = number
            words.append(number)
        word_offsets.append(len(words))
    lengths = np.array([len(line) for line in lines], dtype=np.int64)
    offsets = np.concatenate([np.zeros(1, dtype=np.int64), np.cumsum(lengths)])
    # int32 while they fit (the built-in gazetteer's: 7.5 MB of text, 0.7 million words)
    dtype = np.int32 if max(int(offsets[-1]), len(words)) < np.iinfo(np.int32).max else np.int64
    return {
        "reading_words": np.array(words, dtype=np.int32),
        "reading_word_offsets": np.array(word_offsets, dtype=dtype),
        "reading_offsets": offsets.astype(dtype),
        "reading_text": np.frombuffer(b"".join(lines), dtype=np.uint8),
    }


def pair_keys(tokens: Sequence[str]) -> tuple[str, ...]:
    """Keys of word pairs: the coarse skeletons of neighbouring words and of words one apart.

    A pair is far more specific than its words: "محمد استية" finds Mohammad
    Shtayyeh (محمد اشتية) among thousands of Mohammeds and hundreds of
    two-consonant names.

    Examples
    --------
    >>> pair_keys(("محمد", "بن", "سلمان"))
    ('|MHMT|BN', '|BN|SLMN', '|MHMT|SLMN')
    """
    skeletons = [plain_readings(token)[0][1] for token in tokens]
    keys: dict[str, None] = {}
    for gap in (1, 2):
        for first in range(len(skeletons) - gap):
            left, right = skeletons[first], skeletons[first + gap]
            if left and right:
                keys[f"|{left}|{right}"] = None
    return tuple(keys)


def whole_name_key(tokens: Sequence[str]) -> str | None:
    """The key of a name of two words or more spelt exactly so: its normalised words, in order.

    Each word's own keys are read from at most ``MAX_POSTINGS_PER_KEY``
    names, the most important first; a name of common words only (Ahmed
    Mohamed Ali, among thousands of Ahmeds, Mohameds and Alis) would be out
    of reach of its own spelling. This key is posted under the names spelt
    exactly so and nothing else. A name of one word has none: a given name
    alone is a word of thousands of names, and a village or a mononym spelt
    so is no better reading of it than they are. The head of a compound
    (Abd, Abu) is no word of its own: Abdul Aziz is one word, and "محمد عبد"
    (Mohammad Abdul, cut short) is a name word and a head, which the start
    of Mohamed Abdelaziz spells.

    Examples
    --------
    >>> whole_name_key(("ahmed", "mohamed", "ali")), whole_name_key(("abd", "aziz")), whole_name_key(("ali",))
    ('@ahmed mohamed ali', None, None)
    >>> whole_name_key(("محمد", "عبد"))
    """
    words = sum(token not in COMPOUND_HEADS for token in tokens)
    return "@" + " ".join(tokens) if words > 1 else None


def joined_keys(tokens: Sequence[str]) -> tuple[str, ...]:
    """Fine and coarse skeletons of neighbouring words of one script written as one word.

    A name written apart is often written together: بان كي مون and كيمون,
    Bin Laden and Binladen, Abu Dhabi and Abudhabi. A mention's word
    then finds the name through the skeleton of the two words joined. Only
    words that ``normalize.may_be_one_word`` joins are joined, as the scorer
    does: joining every pair brought in more rivals than names (on MT-noise dev
    queries, more wrong links).

    Examples
    --------
    >>> joined_keys(("ban", "ki", "moon")), joined_keys(("بن", "لادن"))
    (('~bnk', 'BNK', '~kmn', 'KMN'), ('~bnldn', 'BNLTN'))
    """
    keys: dict[str, None] = {}
    for first, second in itertools.pairwise(tokens):
        if ("\u0600" <= first[:1] <= "\u06ff") != ("\u0600" <= second[:1] <= "\u06ff"):
            continue
        if not may_be_one_word(first, second):
            continue
        fine, coarse, _vocalic, _indexed = plain_readings(first + second)[0]
        if fine:
            keys["~" + fine] = None
        if coarse:
            keys[coarse] = None
    return tuple(keys)


@lru_cache(maxsize=262_144)
def _name_key_hashes(token: str) -> tuple[int, ...]:
    return tuple(_digest(key) for key in name_keys(token))


def _split_tokens(joined: str) -> tuple[str, ...]:
    # not kept: splitting costs about what a cache lookup does, and a cache of tuples is walked by
    # the garbage collector in each full collection
    return tuple(joined.split(" "))


def _skeleton_line(joined: str) -> str:
    """Fine skeletons of space-joined normalised tokens, space-joined.

    Examples
    --------
    >>> _skeleton_line("khalifa haftar"), _skeleton_line("خليفه حفتر")
    ('xlf hftr', 'xlf hftr')
    """
    return " ".join(fine_skeleton(token) for token in joined.split(" "))


def _distinct_forms(names: Sequence[str]) -> list[tuple[int, NormalizedName]]:
    """One ``(position, normalised name)`` per distinct token sequence of an entity's names, in order.

    Of names that normalise alike, one without Persian or Urdu letters is kept
    when there is one: آرمینیا (Urdu) and أرمينيا (Arabic) are one form, and
    the form must not be discounted as a foreign spelling.

    Examples
    --------
    >>> [(position, n.foreign_letters) for position, n in _distinct_forms(["Armenia", "آرمینیا", "أرمينيا"])]
    [(0, False), (2, False)]
    """
    kept: dict[tuple[str, ...], tuple[int, NormalizedName]] = {}
    for position, name in enumerate(names):
        normalized = normalize_as_name(name)  # a name of titles only (Samaha) too
        if not normalized.tokens:
            continue
        seen = kept.get(normalized.tokens)
        if seen is None or (seen[1].foreign_letters and not normalized.foreign_letters):
            kept[normalized.tokens] = (position, normalized)
    return sorted(kept.values(), key=lambda kept_name: kept_name[0])


#: Bits of ``NameIndex._name_facts``: the prior's float32 bits, then the token count, then the script.
_PRIOR_BITS: Final = np.uint64(0xFFFF_FFFF)
_LENGTH_SHIFT: Final = 32
_LENGTH_MASK: Final = np.uint64(0xFF)
_ARABIC_SHIFT: Final = 40
#: Query tokens whose index postings a ``NameIndex`` keeps at most.
_TOKEN_CACHE_SIZE: Final = 16_384
#: Keys whose postings (where they start, how many) a ``NameIndex`` keeps at most.
_KEY_CACHE_SIZE: Final = 65_536
#: Every token count a name can have (``NameIndex.name_length``).
_TOKEN_COUNTS: Final = np.arange(256, dtype=np.int64)
#: Support factor of a name by its script bit (1: Arabic), for a Latin query and for an Arabic
#: query: a name in the query's script gets the bonus.
_SCRIPT_FACTORS_BY_QUERY: Final = (np.array([1.0 + SAME_SCRIPT_BONUS, 1.0]), np.array([1.0, 1.0 + SAME_SCRIPT_BONUS]))


@lru_cache(maxsize=64)
def _length_divisors(query_length: int) -> np.ndarray:
    """Support divisor of a name of each token count for a query of ``query_length`` tokens (read-only).

    A name longer than the mention is a looser fit than one of its length (BM25's length norm).

    Examples
    --------
    >>> _length_divisors(2)[:5].tolist()
    [1.0, 1.0, 1.0, 2.0, 3.0]
    """
    divisors = 1.0 + EXTRA_TOKEN_PENALTY * np.maximum(0, _TOKEN_COUNTS - query_length)
    divisors.flags.writeable = False
    return divisors


@lru_cache(maxsize=128)
def _support_factors(query_length: int, query_arabic: bool) -> tuple[np.ndarray, np.ndarray]:
    """Support divisor and script factor of a name by its ``_name_facts >> _LENGTH_SHIFT`` (read-only).

    That code is the name's token count, plus 256 for a name in Arabic script:
    the divisor is ``_length_divisors(query_length)`` of the count, the factor
    ``_SCRIPT_FACTORS_BY_QUERY[query_arabic]`` of the script.

    Examples
    --------
    >>> divisors, factors = _support_factors(2, False)
    >>> divisors[[3, 256 + 3]].tolist(), factors[[3, 256 + 3]].tolist()
    ([2.0, 2.0], [1.05, 1.0])
    """
    codes = np.arange(2 << (_ARABIC_SHIFT - _LENGTH_SHIFT), dtype=np.int64)
    divisors = _length_divisors(query_length)[codes & int(_LENGTH_MASK)]
    factors = _SCRIPT_FACTORS_BY_QUERY[query_arabic][codes >> (_ARABIC_SHIFT - _LENGTH_SHIFT)]
    divisors.flags.writeable = False
    factors.flags.writeable = False
    return divisors, factors


def organization_words(
    entities_of_word: Mapping[str, Sequence[int]], words_of_countries: Mapping[str, frozenset[str]]
) -> frozenset[str]:
    """Words typical of organisation names: "وزارة", "ministry", "حزب", "army", "agency".

    ``entities_of_word`` gives, per normalised word, how many organisations
    and how many other entities have it in a name. A word of
    ``ORGANIZATION_WORD_MIN_ENTITIES`` organisations or more, which are
    ``ORGANIZATION_WORD_SHARE`` of its entities at least, is one; not
    particles (of, for, في) and not the names of countries or their adjectives
    (``context.countries_named``: "syrian" is in many organisation names, and
    before a person's name too). Read off the gazetteer: a gazetteer of a few
    organisations has none.

    Examples
    --------
    >>> sorted(organization_words({"ministry": [12, 0], "for": [9, 1], "syrian": [8, 1], "hassan": [6, 900],
    ...     "party": [3, 0]}, {"SY": frozenset({"syria"})}))
    ['ministry']
    """
    country_of_word = countries_of_words(words_of_countries)
    return frozenset(
        word
        for word, (organizations, others) in entities_of_word.items()
        if organizations >= ORGANIZATION_WORD_MIN_ENTITIES
        and organizations >= ORGANIZATION_WORD_SHARE * (organizations + others)
        and not is_particle(word)
        and not countries_named(word, country_of_word)
    )


def _capped_per_entity(ranked: list[int], entities: list[int], votes: list[int], limit: int) -> list[int]:
    """The first ``limit`` of ``ranked`` names, at most ``MAX_NAMES_PER_ENTITY`` of each entity (``entities[k]``
    is the entity of ``ranked[k]``), each entity with its name of most votes (``votes[k]``: how many query
    words voted for ``ranked[k]``).

    An entity ranks by its best supported names, but the name that spells the
    most words of the mention must be among those scored, though longer and
    so less supported: "Islamic Jihad Movement" is Islamic Jihad Movement in
    Palestine, not Islamic Jihad or Palestinian Islamic Jihad (then Hamas,
    the Islamic Resistance Movement, would outscore them). It takes the place
    of the entity's last name chosen. Only names ranked before the ``limit``
    is reached are weighed (one pass).

    Typed lists read by position: compiled, the loop reads them without iterator objects.

    Examples
    --------
    >>> _capped_per_entity([7, 8, 9, 10, 11], [1, 1, 1, 1, 2], [1, 1, 1, 1, 1], 10)
    [7, 8, 9, 11]
    >>> _capped_per_entity([7, 8, 9], [1, 2, 3], [1, 1, 1], 2)
    [7, 8]
    >>> _capped_per_entity([7, 8, 9, 10, 11], [1, 1, 1, 1, 2], [2, 2, 2, 3, 1], 10)
    [7, 8, 10, 11]
    """
    chosen: list[int] = []
    chosen_entities: list[int] = []
    chosen_votes: list[int] = []
    per_entity: dict[int, int] = {}
    passed_over: list[int] = []  # positions of names of capped entities with more than one vote
    for position in range(len(ranked)):
        entity = entities[position]
        count = per_entity.get(entity, 0)
        if count >= MAX_NAMES_PER_ENTITY:
            if votes[position] > 1:  # every name chosen has one vote at least
                passed_over.append(position)
            continue
        per_entity[entity] = count + 1
        chosen.append(ranked[position])
        chosen_entities.append(entity)
        chosen_votes.append(votes[position])
        if len(chosen) >= limit:
            break
    for position in passed_over:  # best supported first: of names of as many votes, the first stays
        entity = entities[position]
        slots = [slot for slot in range(len(chosen)) if chosen_entities[slot] == entity]
        if votes[position] > max(chosen_votes[slot] for slot in slots):
            chosen[slots[-1]] = ranked[position]
            chosen_votes[slots[-1]] = votes[position]
    return chosen


def _posting_positions(starts: np.ndarray, taken: np.ndarray) -> np.ndarray:
    """Positions ``starts[k], ..., starts[k] + taken[k] - 1`` of every key ``k``, concatenated.

    Examples
    --------
    >>> _posting_positions(np.array([10, 3]), np.array([2, 3])).tolist()
    [10, 11, 3, 4, 5]
    """
    ends = taken.cumsum()
    return np.arange(ends[-1]) + (starts - (ends - taken)).repeat(taken)


def _run_ends(ordered: np.ndarray) -> np.ndarray:
    """Whether a run of equal values ends at each position of a sorted, non-empty array (a mask).

    Examples
    --------
    >>> _run_ends(np.array([3, 3, 5])).tolist()
    [False, True, True]
    """
    ends = np.empty(len(ordered), dtype=bool)
    ends[-1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=ends[:-1])
    return ends


def _run_starts(ordered: np.ndarray) -> np.ndarray:
    """Positions where a run of equal values starts in a sorted, non-empty array."""
    starts = np.empty(len(ordered), dtype=bool)
    starts[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=starts[1:])
    return starts.nonzero()[0]


def _rank_names_numpy(
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
    postings: np.ndarray,
    name_facts: np.ndarray,
    name_entity: np.ndarray,
    divisors: np.ndarray,
    script_factors: np.ndarray,
    max_postings_per_key: int,
    pool: int,
) -> tuple[list[int], list[int], list[int]]:
    """The ``pool`` best supported names of a query's postings, their entities and votes.

    ``parts`` holds, per query word (then word pairs, then the whole name),
    where its keys' postings start, how many there are and each key's weight
    (``NameIndex._postings_of_keys``); at most ``max_postings_per_key`` of a
    key's postings are read. Each word votes once per name with the weight of
    its best key, and the votes add up in word order. The sum is scaled by
    ``1 + prior``, divided by ``divisors`` and multiplied by
    ``script_factors`` of the name's length-and-script code (``name_facts >>
    _LENGTH_SHIFT``). Names are ranked by support, then prior, then name
    number; votes count the words that voted for each.

    This is the reference of the compiled ``_ranking.rank_names`` (its
    fallback when the build had no C compiler).

    Examples
    --------
    >>> facts = np.array([0, 1 << _LENGTH_SHIFT, 1 << _LENGTH_SHIFT], dtype=np.uint64)  # priors 0, lengths 0, 1, 1
    >>> words = [(np.array([0], dtype=np.int32), np.array([2], dtype=np.int32), np.array([1.0])),
    ...          (np.array([2], dtype=np.int32), np.array([1], dtype=np.int32), np.array([0.5]))]
    >>> divisors, factors = _support_factors(1, False)
    >>> _rank_names_numpy(words, np.array([1, 2, 1], dtype=np.int32), facts, np.array([0, 0, 1], dtype=np.int32),
    ...     divisors, factors, 300, 5)
    ([1, 2], [0, 1], [2, 1])
    """
    starts = np.concatenate([part[0] for part in parts])
    if not len(starts):
        return [], [], []
    counts = np.concatenate([part[1] for part in parts])
    idf = np.concatenate([part[2] for part in parts])
    owners = np.arange(len(parts), dtype=np.int64).repeat([len(part[0]) for part in parts])
    taken = np.minimum(counts, max_postings_per_key)
    names = postings[_posting_positions(starts, taken)]
    # one vote per (query word, name): the weight of its best key. Each posting is coded as the
    # bit fields (name, word, rank of its key's weight among the word's keys), so that one sort
    # groups the votes of a (name, word) pair and ends each group with its best, and the grouping
    # shifts and masks instead of dividing.
    key_count = len(idf)
    by_weight = np.lexsort((idf, owners))
    weight_rank = by_weight.argsort()  # the inverse permutation
    rank_bits = (key_count - 1).bit_length()
    owner_bits = (len(parts) - 1).bit_length()
    codes = np.left_shift(names, owner_bits + rank_bits, dtype=np.int64)
    codes |= ((owners << rank_bits) | weight_rank).repeat(taken)
    codes.sort()
    best_codes = codes[_run_ends(codes >> rank_bits)]
    best_weights = idf[by_weight][best_codes & ((1 << rank_bits) - 1)]
    pair_names = best_codes >> (owner_bits + rank_bits)
    # pair_names is sorted, so names of one name number are adjacent (and their votes add up in word order)
    name_starts = _run_starts(pair_names)
    unique_names = pair_names[name_starts]
    support = np.add.reduceat(best_weights, name_starts)
    # what the ranking needs of each name, read in one gather: prior, token count, script
    facts = name_facts[unique_names]
    prior = facts.astype(np.uint32).view(np.float32)  # the low 32 bits
    support = support * (1.0 + prior)
    length_and_script = facts >> _LENGTH_SHIFT
    support = support / divisors[length_and_script]
    support = support * script_factors[length_and_script]
    order = np.lexsort((unique_names, -prior, -support))[:pool]
    ranked = unique_names[order]
    votes = np.diff(np.append(name_starts, len(pair_names)))[order]
    return ranked.tolist(), name_entity[ranked].tolist(), votes.tolist()


#: ``lookup``'s ranking: the compiled loop when the build made it, else ``_rank_names_numpy`` (the same results).
_rank_names: Final = _rank_names_numpy if _ranking is None else _ranking.rank_names


@dataclass(frozen=True, slots=True, eq=False)
class NameIndex:
    """Inverted index from skeleton keys to names of a gazetteer.

    Attributes
    ----------
    entity_ids : tuple of str
        Entity ids, in gazetteer order.
    entity_types, entity_priors, entity_countries
        Each entity's type (a number: its place in ``ENTITY_TYPE_ORDER``),
        prior (float64, as the entity has it) and country code ("" for none),
        in gazetteer order: what scoring a name needs of its entity, without
        reading the entity (a lazy gazetteer parses an entity on first access).
    name_entity : numpy.ndarray
        For each indexed name, the position of its entity in ``entity_ids``.
    name_alias : numpy.ndarray
        For each indexed name, its position in ``Entity.names``.
    country_names : dict
        Fine skeletons that name each country in a document, by ISO code
        (``context.country_names``: context evidence).
    country_name_lines : dict
        Each country's whole names as lines of fine skeletons, by ISO code
        (``context.country_name_lines``).
    country_words : dict
        Each country's names of one word, normalised, by ISO code
        (``context.country_words``).
    organization_words : frozenset of str
        Normalised words typical of organisation names (``organization_words``).
    given_names : frozenset of str
        Normalised words that begin the names (of two words or more) of
        ``GIVEN_NAME_MIN_PERSONS`` persons or more: Ahmad, حسن، Fatima.
    name_flags : numpy.ndarray
        For each indexed name, ``ARABIC_NAME`` (written in Arabic script) and
        ``FOREIGN_LETTERS`` (with Persian or Urdu letters) bits.
    name_tokens : tuple of str
        For each indexed name, its normalised tokens joined by spaces.
    name_skeletons : tuple of str
        For each indexed name, the fine skeletons of its tokens joined by spaces.
    name_length : numpy.ndarray
        For each indexed name, its number of tokens (at most 255).
    reading_words, reading_word_offsets, reading_offsets, reading_text : numpy.ndarray
        The readings (``keys.readings``) of the words of the names, worked out
        once when the index is built and saved with it. The words of name ``n``
        are numbered ``reading_words[reading_word_offsets[n]:reading_word_offsets[n + 1]]``
        (-1: none saved); word ``w``'s readings are ``keys.packed_readings`` in
        ``reading_text`` (UTF-8) between ``reading_offsets[w]`` and
        ``reading_offsets[w + 1]``. See ``name_token_tuple``.
    """

    entity_ids: tuple[str, ...]
    entity_types: np.ndarray
    entity_priors: np.ndarray
    entity_countries: tuple[str, ...]
    name_entity: np.ndarray
    name_alias: np.ndarray
    name_flags: np.ndarray
    name_tokens: tuple[str, ...]
    name_skeletons: tuple[str, ...]
    key_hashes: np.ndarray
    key_offsets: np.ndarray
    postings: np.ndarray
    name_prior: np.ndarray
    name_length: np.ndarray
    country_names: dict[str, frozenset[str]]
    country_name_lines: dict[str, frozenset[str]]
    country_words: dict[str, frozenset[str]]
    organization_words: frozenset[str]
    given_names: frozenset[str]
    reading_words: np.ndarray
    reading_word_offsets: np.ndarray
    reading_offsets: np.ndarray
    reading_text: np.ndarray
    fingerprint: str
    _name_facts: np.ndarray = field(init=False, repr=False)
    _token_postings_cache: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = field(init=False, repr=False)
    _shortlist_cache: dict[tuple[tuple[str, ...], int], tuple[int, ...]] = field(init=False, repr=False)
    _key_postings_cache: dict[str, tuple[int, int]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # each name's prior (float32 bits), token count and script packed in one word: a lookup
        # gathers them for a few thousand names at once, and one random read costs less than three
        facts = (
            self.name_prior.astype(np.float32).view(np.uint32).astype(np.uint64)
            | (self.name_length.astype(np.uint64) << np.uint64(_LENGTH_SHIFT))
            | ((self.name_flags & ARABIC_NAME > 0).astype(np.uint64) << np.uint64(_ARABIC_SHIFT))
        )
        object.__setattr__(self, "_name_facts", facts)
        object.__setattr__(self, "_token_postings_cache", {})
        object.__setattr__(self, "_shortlist_cache", {})
        object.__setattr__(self, "_key_postings_cache", {})

    def __reduce__(self) -> tuple[type[NameIndex], tuple[object, ...]]:
        # pickled as its constructor's arguments, its caches left behind (a process pool that spawns
        # its workers sends them the resolver so): compiled by mypyc, a frozen dataclass refuses
        # the attribute setting that pickle's default way does
        return (NameIndex, tuple(getattr(self, spec.name) for spec in fields(self) if spec.init))

    @classmethod
    def build(cls, gazetteer: Gazetteer) -> NameIndex:
        """Index every name of every entity of ``gazetteer``.

        Notes
        -----
        Time and memory are linear in the number of name tokens (about six
        keys per token).
        """
        name_entity: list[int] = []
        name_alias: list[int] = []
        name_flags: list[int] = []
        name_tokens: list[str] = []
        key_of_posting: list[int] = []
        name_of_posting: list[int] = []
        name_prior: list[float] = []
        entities_of_word: dict[str, list[int]] = {}  # per word: organisations, other entities with it
        persons_of_first_word: dict[str, int] = {}  # per word: persons with a name of 2+ words it begins
        # what scoring reads of each entity (``entity_types``, ``entity_priors``, ``entity_countries``)
        entity_ids: list[str] = []
        entity_types: list[int] = []
        entity_priors: list[float] = []
        entity_countries: list[str] = []
        for entity_position, entity in enumerate(gazetteer):
            entity_ids.append(entity.id)
            entity_types.append(ENTITY_TYPE_ORDER.index(entity.type))
            entity_priors.append(entity.prior)
            entity_countries.append(entity.country or "")
            entity_words: set[str] = set()
            entity_first_words: set[str] = set()
            for alias_position, normalized in _distinct_forms(entity.names):
                tokens = normalized.tokens
                entity_words.update(tokens)
                if len(tokens) >= 2:
                    entity_first_words.add(tokens[0])
                name_flags.append(
                    (ARABIC_NAME if normalized.script == "arabic" else 0)
                    | (FOREIGN_LETTERS if normalized.foreign_letters else 0)
                )
                name_number = len(name_tokens)
                name_entity.append(entity_position)
                name_alias.append(alias_position)
                name_tokens.append(" ".join(tokens))
                token_hashes: set[int] = set()
                for token in tokens:
                    token_hashes.update(_name_key_hashes(token))
                token_hashes.update(_digest(key) for key in pair_keys(tokens))
                token_hashes.update(_digest(key) for key in joined_keys(tokens))
                whole_name = whole_name_key(tokens)
                if whole_name is not None:
                    token_hashes.add(_digest(whole_name))
                for key_hash in sorted(token_hashes):
                    key_of_posting.append(key_hash)
                    name_of_posting.append(name_number)
                name_prior.append(entity.prior)
            slot = 0 if entity.type == "organization" else 1
            for word in entity_words:
                entities_of_word.setdefault(word, [0, 0])[slot] += 1
            if entity.type == "person":
                for word in entity_first_words:
                    persons_of_first_word[word] = persons_of_first_word.get(word, 0) + 1
        # the built-in countries too: a gazetteer of persons or companies still needs their names
        countries = [entity for entity in with_builtin_countries(gazetteer) if is_country(entity)]
        country_lines = country_name_lines(countries)
        country_evidence = country_names(countries)
        words_of_countries = country_words(countries)
        keys = np.array(key_of_posting, dtype=np.int64)
        names = np.array(name_of_posting, dtype=np.int32)
        importance = np.array(name_prior, dtype=np.float64)[names]
        # within a key, the most important entities first: truncation keeps them
        order = np.lexsort((names, -importance, keys))
        keys, names = keys[order], names[order]
        key_hashes, starts = np.unique(keys, return_index=True)
        offsets = np.append(starts, len(keys)).astype(np.int32)
        return cls(
            entity_ids=tuple(entity_ids),
            entity_types=np.array(entity_types, dtype=np.uint8),
            entity_priors=np.array(entity_priors, dtype=np.float64),
            entity_countries=tuple(entity_countries),
            name_entity=np.array(name_entity, dtype=np.int32),
            name_alias=np.array(name_alias, dtype=np.int32),
            name_flags=np.array(name_flags, dtype=np.uint8),
            name_tokens=tuple(name_tokens),
            name_skeletons=tuple(_skeleton_line(tokens) for tokens in name_tokens),
            key_hashes=key_hashes,
            key_offsets=offsets,
            postings=names,
            name_prior=np.array(name_prior, dtype=np.float32),
            name_length=np.array([min(255, len(tokens.split(" "))) for tokens in name_tokens], dtype=np.uint8),
            country_names=country_evidence,
            country_name_lines=country_lines,
            country_words=words_of_countries,
            organization_words=organization_words(entities_of_word, words_of_countries),
            given_names=frozenset(
                word for word, persons in persons_of_first_word.items() if persons >= GIVEN_NAME_MIN_PERSONS
            ),
            **_readings_of_words(name_tokens),
            fingerprint=gazetteer.fingerprint,
        )

    def __len__(self) -> int:
        return len(self.name_tokens)

    def names_of_entity(self, position: int) -> range:
        """The name numbers of the entity at ``position`` (names are indexed in gazetteer order).

        Examples
        --------
        >>> from entity_resolve.gazetteer import Gazetteer
        >>> index = NameIndex.build(Gazetteer.from_records([
        ...     {"id": "w", "type": "person", "name": "Walid Jumblatt", "aliases": ["وليد جنبلاط"]},
        ...     {"id": "m", "type": "person", "name": "Walid Muallem"}]))
        >>> [index.name_tokens[n] for n in index.names_of_entity(0)], list(index.names_of_entity(1))
        (['walid jumblatt', 'وليد جنبلاط'], [2])
        """
        first = int(self.name_entity.searchsorted(position, side="left"))
        return range(first, int(self.name_entity.searchsorted(position, side="right")))

    def name_token_tuple(self, name: int, *, recall_readings: bool = False) -> tuple[str, ...]:
        """The normalised tokens of indexed name number ``name``.

        With ``recall_readings``, those of its words whose readings ``keys.readings``
        does not keep are handed to it as the index worked them out when it was
        built: read back (a microsecond or two a word), not worked out again (ten or
        more). The scorer reads every word of the names a mention shortlists; a
        process that loaded its index from the cache has read none.

        Examples
        --------
        >>> from entity_resolve.gazetteer import Gazetteer
        >>> from entity_resolve import keys
        >>> index = NameIndex.build(Gazetteer.from_records([{"id": "h", "type": "person", "name": "Khalifa Haftar"}]))
        >>> index.built_readings(0) == tuple(keys._as_plain(keys._read(word)) for word in ("khalifa", "haftar"))
        True
        >>> keys._known_readings.clear()  # as in a process that loaded the index from its cache
        >>> index.name_token_tuple(0, recall_readings=True), keys.knows_readings("haftar")
        (('khalifa', 'haftar'), True)
        >>> keys.readings("haftar") == keys._read("haftar")
        True
        """
        tokens = _split_tokens(self.name_tokens[name])
        if recall_readings:
            self._recall_readings(name, tokens)
        return tokens

    def _recall_readings(self, name: int, tokens: tuple[str, ...]) -> None:
        """``name_token_tuple``'s ``recall_readings`` of name number ``name``, whose tokens are ``tokens``."""
        first = -1  # where the name's word numbers start, read when a word is not kept
        for position, token in enumerate(tokens):
            if knows_readings(token):
                continue
            if first < 0:
                first = self.reading_word_offsets.item(name)
            found = self._saved_readings(self.reading_words.item(first + position))
            if found is not None:
                remember_readings(token, found)

    def built_readings(self, name: int) -> tuple[tuple[PlainReading, ...] | None, ...]:
        """The readings saved for each word of indexed name number ``name``, as ``keys.plain_readings``
        gives them (None: not saved)."""
        words = self.reading_words[self.reading_word_offsets.item(name) : self.reading_word_offsets.item(name + 1)]
        return tuple(self._saved_readings(word) for word in words.tolist())

    def _saved_readings(self, word: int) -> tuple[PlainReading, ...] | None:
        """The readings saved for word number ``word`` (``reading_words``); None for -1."""
        if word < 0:
            return None
        start: int = self.reading_offsets.item(word)
        end: int = self.reading_offsets.item(word + 1)
        return unpacked_readings(self.reading_text[start:end].tobytes().decode("utf-8"))

    def _postings_of_keys(self, hashes: np.ndarray, families: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Where the postings of the usable keys start, how many there are, and each key's weight.

        A key is usable when the index holds it and it is exact or, reached
        through a deletion, posted under at most ``MAX_DELETION_POSTINGS`` names.
        Its weight is its inverse document frequency times its family weight.
        """
        slots = np.minimum(self.key_hashes.searchsorted(hashes), len(self.key_hashes) - 1)
        found = self.key_hashes[slots] == hashes
        starts = self.key_offsets[slots]
        counts = self.key_offsets[slots + 1] - starts
        usable = found & ((families >= 1.0) | (counts <= MAX_DELETION_POSTINGS))
        counts = counts[usable]
        idf = np.log1p(max(len(self.name_tokens), 1) / counts) * families[usable]
        return starts[usable], counts, idf

    def _token_postings(self, token: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``_postings_of_keys`` of a query token's keys, kept per token (at most ``_TOKEN_CACHE_SIZE``)."""
        cache = self._token_postings_cache
        found = cache.get(token)
        if found is None:
            if len(cache) >= _TOKEN_CACHE_SIZE:
                cache.clear()
            found = cache[token] = self._postings_of_token_keys(token_keys(token))
        return found

    def _postings_of_token_keys(self, keys: tuple[tuple[str, float], ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``_postings_of_keys`` of a token's ``(key, family weight)`` pairs, each key searched once per index.

        A new token shares most of its keys with tokens seen before (its
        deletion variants, its coarse skeleton): where each key's postings start
        and how many there are (none: not held) is kept per key (at most
        ``_KEY_CACHE_SIZE``), and only the keys never asked are digested and
        searched.

        Examples
        --------
        >>> from entity_resolve.gazetteer import Gazetteer
        >>> index = NameIndex.build(Gazetteer.from_records([{"id": "h", "type": "person", "name": "Khalifa Haftar"}]))
        >>> keys = token_keys("hafter")
        >>> hashes = np.array([_query_digest(key) for key, _ in keys])
        >>> expected = index._postings_of_keys(hashes, np.array([weight for _, weight in keys]))
        >>> all(np.array_equal(got, want) and got.dtype == want.dtype
        ...     for got, want in zip(index._postings_of_token_keys(keys), expected))
        True
        """
        known = self._key_postings_cache
        entries = [known.get(key) for key, _ in keys]
        missing = [position for position, entry in enumerate(entries) if entry is None]
        if missing:
            if len(known) >= _KEY_CACHE_SIZE:
                known.clear()
            hashes = np.array([_query_digest(keys[position][0]) for position in missing], dtype=np.int64)
            slots = np.minimum(self.key_hashes.searchsorted(hashes), len(self.key_hashes) - 1)
            starts = self.key_offsets[slots]
            counts = np.where(self.key_hashes[slots] == hashes, self.key_offsets[slots + 1] - starts, 0)
            for position, start, count in zip(missing, starts.tolist(), counts.tolist(), strict=True):
                entries[position] = known[keys[position][0]] = (start, count)
        usable_starts: list[int] = []
        usable_counts: list[int] = []
        families: list[float] = []
        for (_key, family), entry in zip(keys, entries, strict=True):
            start, count = entry if entry is not None else (0, 0)  # every entry is filled above
            # held, and exact or, reached through a deletion, posted under at most MAX_DELETION_POSTINGS names
            if count and (family >= 1.0 or count <= MAX_DELETION_POSTINGS):
                usable_starts.append(start)
                usable_counts.append(count)
                families.append(family)
        counts_array = np.array(usable_counts, dtype=self.key_offsets.dtype)
        idf = np.log1p(max(len(self.name_tokens), 1) / counts_array) * np.array(families, dtype=np.float64)
        return np.array(usable_starts, dtype=self.key_offsets.dtype), counts_array, idf

    def _query_postings(self, tokens: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """``_postings_of_keys`` of each query token, then of all its word pairs as one more "word",
        then of the whole name as one more."""
        parts = [self._token_postings(token) for token in tokens]
        pairs_of_words = pair_keys(tokens)
        if pairs_of_words:
            pair_hashes = np.array([_query_digest(key) for key in pairs_of_words], dtype=np.int64)
            parts.append(self._postings_of_exact_keys(pair_hashes, PAIR_KEY_WEIGHT))
        whole_name = whole_name_key(tokens)
        whole = self._whole_name_postings(whole_name) if whole_name is not None else None
        if whole is not None:
            parts.append(whole)
        return parts

    def _whole_name_postings(self, key: str) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """``_postings_of_exact_keys`` of one whole-name key, None when no name is spelt so (most
        mentions): one scalar search, no arrays built for nothing.

        Examples
        --------
        >>> from entity_resolve.gazetteer import Gazetteer
        >>> index = NameIndex.build(Gazetteer.from_records([{"id": "s", "type": "person", "name": "محمد اشتية"}]))
        >>> key = whole_name_key(index.name_token_tuple(0))
        >>> hashes = np.array([_digest(key)])
        >>> [part.tolist() for part in index._whole_name_postings(key)] == [
        ...     part.tolist() for part in index._postings_of_exact_keys(hashes, WHOLE_NAME_KEY_WEIGHT)]
        True
        >>> index._whole_name_postings(whole_name_key(("محمد", "عباس"))) is None
        True
        """
        key_hash = _digest(key)
        slot = int(self.key_hashes.searchsorted(key_hash))
        if slot >= len(self.key_hashes) or int(self.key_hashes[slot]) != key_hash:
            return None
        start = int(self.key_offsets[slot])
        count = int(self.key_offsets[slot + 1]) - start
        idf = math.log1p(max(len(self.name_tokens), 1) / count) * WHOLE_NAME_KEY_WEIGHT
        dtype = self.key_offsets.dtype
        return np.array([start], dtype=dtype), np.array([count], dtype=dtype), np.array([idf])

    def _postings_of_exact_keys(self, hashes: np.ndarray, weight: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``_postings_of_keys`` of keys that are all exact (family ``weight`` >= 1.0): every key found is usable.

        Examples
        --------
        >>> from entity_resolve.gazetteer import Gazetteer
        >>> index = NameIndex.build(Gazetteer.from_records([{"id": "s", "type": "person", "name": "محمد اشتية"}]))
        >>> hashes = np.array([_query_digest(key) for key in (*pair_keys(["محمد", "اشتية"]), "|X|Y")])
        >>> [part.tolist() for part in index._postings_of_exact_keys(hashes, PAIR_KEY_WEIGHT)] == [
        ...     part.tolist() for part in index._postings_of_keys(hashes, np.full(len(hashes), PAIR_KEY_WEIGHT))]
        True
        """
        slots = np.minimum(self.key_hashes.searchsorted(hashes), len(self.key_hashes) - 1)
        slots = slots[self.key_hashes[slots] == hashes]
        starts = self.key_offsets[slots]
        counts = self.key_offsets[slots + 1] - starts
        return starts, counts, np.log1p(max(len(self.name_tokens), 1) / counts) * weight

    def lookup_entities(self, tokens: Sequence[str], *, limit: int) -> frozenset[int] | None:
        """Every entity with a name that shares a key with ``tokens``; None when too many to tell.

        Too many: ``lookup(tokens, limit=limit)`` finds ``limit`` names, or a
        key of the tokens is posted under more than ``MAX_POSTINGS_PER_KEY``
        names. ``lookup`` reads only the most important of those, so the names
        it leaves out may be the ones meant: "ben" shares its key with
        thousands of names, "Saif bin Zayed Al Nahyan" among them.

        Cheaper than ``lookup``: the names are not ranked when all of them fit
        in its pool (``limit * MAX_NAMES_PER_ENTITY`` names), which holds for
        one or two tokens since each key gives at most ``MAX_POSTINGS_PER_KEY``
        names; otherwise ``lookup`` itself is asked.

        Examples
        --------
        >>> from entity_resolve.gazetteer import Gazetteer
        >>> index = NameIndex.build(Gazetteer.from_records([
        ...     {"id": "w", "type": "person", "name": "وليد جنبلاط"},
        ...     {"id": "m", "type": "person", "name": "وليد المعلم"}]))
        >>> sorted(index.lookup_entities(["وليد"], limit=10)), index.lookup_entities(["وليد"], limit=2)
        ([0, 1], None)
        >>> crowded = NameIndex.build(Gazetteer.from_records([
        ...     {"id": f"p{n}", "type": "person", "name": f"Walid {n}"} for n in range(MAX_POSTINGS_PER_KEY + 1)]))
        >>> crowded.lookup_entities(["walid"], limit=10_000) is None
        True
        """
        if not tokens or not len(self.key_hashes):
            return frozenset()
        parts = self._query_postings(tokens)
        starts = np.concatenate([part[0] for part in parts])
        if not len(starts):
            return frozenset()
        counts = np.concatenate([part[1] for part in parts])
        if int(counts.max()) > MAX_POSTINGS_PER_KEY:  # the key's postings are cut: its names are not all read
            return None
        names = np.unique(self.postings[_posting_positions(starts, counts)])
        if len(names) > limit * MAX_NAMES_PER_ENTITY:  # ``lookup`` keeps its best supported names only
            ranked = self.lookup(tokens, limit=limit)
            return None if len(ranked) >= limit else frozenset(self.name_entity[ranked].tolist())
        entities, names_per_entity = np.unique(self.name_entity[names], return_counts=True)
        # ``lookup`` returns at most MAX_NAMES_PER_ENTITY names of each entity, stopping at ``limit``
        if int(np.minimum(names_per_entity, MAX_NAMES_PER_ENTITY).sum()) >= limit:
            return None
        return frozenset(entities.tolist())

    def lookup(self, tokens: Sequence[str], *, limit: int = MAX_CANDIDATE_NAMES) -> list[int]:
        """Names that share keys with ``tokens``, best supported first.

        Each query token votes once per name with the weight of its best key:
        the key's inverse document frequency times its family weight; the sum
        is scaled by ``1 + prior`` so that a salient entity one edit away is
        not crowded out by obscure exact namesakes, and divided by ``1 +
        EXTRA_TOKEN_PENALTY`` per name token beyond the query's, so that a
        name of the mention's length comes before longer names that contain
        it (a surname alone still finds the full names). Ties go to the more
        important entity. At most ``MAX_NAMES_PER_ENTITY`` names of
        one entity are returned.

        Parameters
        ----------
        tokens : sequence of str
            Normalised query tokens.
        limit : int
            How many names to return at most.

        Returns
        -------
        list of int
            Name numbers, by decreasing support, ties by name number.

        Notes
        -----
        One binary search per key (about eight keys per token), then work
        linear in the postings of the keys found; keys reached only through
        a deletion and posted under more than ``MAX_DELETION_POSTINGS`` names
        are skipped.
        """
        if not tokens or not len(self.key_hashes):
            return []
        parts = self._query_postings(tokens)
        divisors, script_factors = _support_factors(len(tokens), "\u0600" <= tokens[0][:1] <= "\u06ff")
        ranked, entities, votes = _rank_names(
            parts,
            self.postings,
            self._name_facts,
            self.name_entity,
            divisors,
            script_factors,
            MAX_POSTINGS_PER_KEY,
            limit * MAX_NAMES_PER_ENTITY,
        )
        return _capped_per_entity(ranked, entities, votes, limit)

    def names_with_word(self, token: str) -> int:
        """How many indexed names have a word spelt exactly as ``token`` (normalised).

        Examples
        --------
        >>> from entity_resolve.gazetteer import Gazetteer
        >>> index = NameIndex.build(Gazetteer.from_records([
        ...     {"id": "w", "type": "person", "name": "وليد جنبلاط"},
        ...     {"id": "m", "type": "person", "name": "وليد المعلم"}]))
        >>> index.names_with_word("وليد"), index.names_with_word("وحماس")
        (2, 0)
        """
        key = _query_digest("=" + token)
        slot = int(self.key_hashes.searchsorted(key))
        if slot >= len(self.key_hashes) or int(self.key_hashes[slot]) != key:
            return 0
        return int(self.key_offsets[slot + 1] - self.key_offsets[slot])

    def shortlist(self, tokens: Sequence[str], *, limit: int) -> list[int]:
        """The names worth scoring: the best supported, then those whose skeletons are closest.

        Key support alone ranks a garble's own name below names that share
        more of its (few, common) keys: a dropped or changed consonant leaves
        the name only deletion keys, often over-common ones. So ``lookup``
        draws ``SHORTLIST_POOL_FACTOR * limit`` names; the
        ``SHORTLIST_KEPT_BY_SUPPORT`` best supported stay first, and the rest
        of the ``limit`` are those of the pool whose fine skeleton (the
        mention's words joined) is most similar to the mention's (rapidfuzz
        ratio), ties by support. A mention spelt exactly as its best supported
        name gets the best supported names only (clean text pays no more).
        Shortlists are kept per tokens (at most ``_TOKEN_CACHE_SIZE``): a news
        stream repeats its names and spans.

        Parameters
        ----------
        tokens : sequence of str
            Normalised query tokens.
        limit : int
            How many names to return at most.

        Returns
        -------
        list of int
            Name numbers.

        Examples
        --------
        >>> from entity_resolve.gazetteer import Gazetteer
        >>> g = Gazetteer.from_records([{"id": f"e{n}", "type": "place", "name": name}
        ...     for n, name in enumerate(["Kerman", "Karaman", "Kremlin", "Kerem"])])
        >>> index = NameIndex.build(g)
        >>> [index.name_tokens[n] for n in index.shortlist(["krmlin"], limit=1)]
        ['kremlin']
        """
        key = (tuple(tokens), limit)
        cache = self._shortlist_cache
        found = cache.get(key)
        if found is None:
            if len(cache) >= _TOKEN_CACHE_SIZE:
                cache.clear()
            found = cache[key] = tuple(self._shortlist_of(tokens, limit))
        return list(found)

    def _shortlist_of(self, tokens: Sequence[str], limit: int) -> list[int]:
        """``shortlist``, not kept."""
        pool = self.lookup(tokens, limit=limit * SHORTLIST_POOL_FACTOR)
        if len(pool) <= limit:
            return pool
        if self.name_tokens[pool[0]] == " ".join(tokens):  # spelt as the best supported name: no garble to chase
            return pool[:limit]
        query_line = _skeleton_line(" ".join(tokens))
        kept_count = min(limit, SHORTLIST_KEPT_BY_SUPPORT)
        kept, rest = pool[:kept_count], pool[kept_count:]
        skeletons = [self.name_skeletons[name] for name in rest]
        similarity = process.cdist([query_line], skeletons, scorer=fuzz.ratio, dtype=np.float32)[0]
        by_similarity = (-similarity).argsort(kind="stable")[: limit - len(kept)]
        return kept + [rest[position] for position in by_similarity.tolist()]

    # -- persistence -----------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write the index to ``path`` (``.npz``, no pickle), atomically."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays = {
            "meta": np.array([str(INDEX_FORMAT), code_fingerprint(), self.fingerprint]),
            "entity_ids": _pack(self.entity_ids),
            "entity_types": self.entity_types,
            "entity_priors": self.entity_priors,
            "entity_countries": _pack([country or _NO_COUNTRY for country in self.entity_countries]),
            "name_entity": self.name_entity,
            "name_alias": self.name_alias,
            "name_flags": self.name_flags,
            "name_tokens": _pack(self.name_tokens),
            "name_skeletons": _pack(self.name_skeletons),
            "key_hashes": self.key_hashes,
            "key_offsets": self.key_offsets,
            "postings": self.postings,
            "name_prior": self.name_prior,
            "name_length": self.name_length,
            "country_names": _pack(
                [f"{code}\t{' '.join(sorted(names))}" for code, names in sorted(self.country_names.items())]
            ),
            "country_name_lines": _pack(
                [f"{code}\t{'|'.join(sorted(lines))}" for code, lines in sorted(self.country_name_lines.items())]
            ),
            "country_words": _pack(
                [f"{code}\t{' '.join(sorted(words))}" for code, words in sorted(self.country_words.items())]
            ),
            "organization_words": _pack(sorted(self.organization_words)),
            "given_names": _pack(sorted(self.given_names)),
            "reading_words": self.reading_words,
            "reading_word_offsets": self.reading_word_offsets,
            "reading_offsets": self.reading_offsets,
            "reading_text": self.reading_text,
        }
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".npz.tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                np.savez(stream, allow_pickle=False, **arrays)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: str | Path, *, fingerprint: str) -> NameIndex | None:
        """Read an index saved by ``save``; None if stale, foreign or unreadable."""
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = [str(value) for value in data["meta"]]
                if meta != [str(INDEX_FORMAT), code_fingerprint(), fingerprint]:
                    return None
                return cls(
                    entity_ids=_unpack(data["entity_ids"]),
                    entity_types=data["entity_types"],
                    entity_priors=data["entity_priors"],
                    entity_countries=tuple(
                        "" if country == _NO_COUNTRY else country for country in _unpack(data["entity_countries"])
                    ),
                    name_entity=data["name_entity"],
                    name_alias=data["name_alias"],
                    name_flags=data["name_flags"],
                    name_tokens=_unpack(data["name_tokens"]),
                    name_skeletons=_unpack(data["name_skeletons"]),
                    key_hashes=data["key_hashes"],
                    key_offsets=data["key_offsets"],
                    postings=data["postings"],
                    name_prior=data["name_prior"],
                    name_length=data["name_length"],
                    country_names=_unpack_country_names(data["country_names"]),
                    country_name_lines=_unpack_country_names(data["country_name_lines"], separator="|"),
                    country_words=_unpack_country_names(data["country_words"]),
                    organization_words=frozenset(_unpack(data["organization_words"])),
                    given_names=frozenset(_unpack(data["given_names"])),
                    reading_words=data["reading_words"],
                    reading_word_offsets=data["reading_word_offsets"],
                    reading_offsets=data["reading_offsets"],
                    reading_text=data["reading_text"],
                    fingerprint=fingerprint,
                )
        except (OSError, ValueError, KeyError):
            return None


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Digest of the code and data that decide what an index holds (normalize, keys, index; context and
    the built-in country table for its country names) and the library version.

    A saved index is reused only by the same code: any change to how names are
    normalised or keyed rebuilds it, without anyone having to remember to bump
    ``INDEX_FORMAT``.
    """
    digest = hashlib.blake2b(f"{INDEX_FORMAT}:{__version__}".encode(), digest_size=8)
    package = resources.files("entity_resolve")
    for parts in (("normalize.py",), ("keys.py",), ("index.py",), ("context.py",), COUNTRY_TABLE):
        digest.update(package.joinpath(*parts).read_bytes())
    return digest.hexdigest()


def cached_index(gazetteer: Gazetteer, cache_dir: Path | None) -> NameIndex:
    """Load the index of ``gazetteer`` from ``cache_dir``, building and saving it if needed.

    Indexes of an older ``INDEX_FORMAT`` and all but the ``MAX_CACHED_INDEXES``
    newest ones are removed when a new one is saved.
    """
    if cache_dir is None:
        return NameIndex.build(gazetteer)
    path = cache_dir / f"index-{INDEX_FORMAT}-{code_fingerprint()}-{gazetteer.fingerprint}.npz"
    index = NameIndex.load(path, fingerprint=gazetteer.fingerprint) if path.exists() else None
    if index is None:
        _log.info("building the name index of %d entities (once; cached in %s)", len(gazetteer), cache_dir)
        index = NameIndex.build(gazetteer)
        try:
            index.save(path)
            _prune_cache(cache_dir, keep=path)
        except OSError as error:  # a read-only cache is not an error; the index is still usable
            _log.warning("could not save the name index: %s", error)
    return index


def _prune_cache(cache_dir: Path, keep: Path) -> None:
    current = f"index-{INDEX_FORMAT}-"
    saved = sorted(cache_dir.glob("index-*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)
    fresh = [p for p in saved if p.name.startswith(current)]
    stale = [p for p in saved if not p.name.startswith(current)] + fresh[MAX_CACHED_INDEXES:]
    for old in stale:
        if old != keep:
            old.unlink(missing_ok=True)
