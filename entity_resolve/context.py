"""Context: what a document says about the candidates of a mention.

A garble such as هوتر is close to many names; the document around it tells
which one is meant. ``DocumentContext`` keeps the fine skeletons of the
document's tokens; a candidate is supported when its other names (Khalifa for
a garbled Haftar), the words of its description or the name of its country
(ليبيا, Libya) occur there.

Examples
--------
>>> from entity_resolve.gazetteer import Gazetteer
>>> g = Gazetteer.from_records([
...     {"id": "ly", "type": "place", "name": "Libya", "aliases": ["ليبيا"], "country": "LY",
...      "description": "country"},
...     {"id": "kh", "type": "person", "name": "Khalifa Haftar", "aliases": ["خليفة حفتر"], "country": "LY"},
... ])
>>> countries = country_names(g)
>>> context = DocumentContext.from_text("قال المشير خليفة في ليبيا")
>>> sorted(context.support(g["kh"], {"hftr"}, countries))
['country', 'name:xlf']
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import chain, pairwise
from typing import Final

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .common_words import is_common_word
from .gazetteer import Entity
from .keys import fine_skeleton
from .normalize import normalize_name
from .score import is_particle

__all__ = [
    "COUNTRY_COLUMNS",
    "COUNTRY_TABLE",
    "MAX_CONTEXT_CHARS",
    "CountrySpellings",
    "DocumentContext",
    "builtin_countries",
    "countries_named",
    "countries_of_words",
    "country_name_lines",
    "country_names",
    "country_words",
    "entity_skeletons",
    "evidence_forms",
    "evidence_skeletons",
    "is_country",
    "with_builtin_countries",
]

#: Context text read at most (a long article is cut, not refused).
MAX_CONTEXT_CHARS = 100_000
_CHUNK = 200
#: Shortest fine skeleton that counts as evidence (two letters are too common) ...
_MIN_EVIDENCE = 3
#: ... but a country's own name of one word counts from two (ليبيا, Libya: lb).
_MIN_COUNTRY_NAME = 2
_COUNTRY_DESCRIPTIONS = ("country",)
#: Columns of the built-in country table ``data/gazetteer/countries.tsv`` (``scripts/build_countries.py``).
COUNTRY_COLUMNS: Final = ("code", "id", "names", "source")
#: Where it is inside the package.
COUNTRY_TABLE: Final = ("data", "gazetteer", "countries.tsv")
_ARTICLE = "ال"
_LI_ARTICLE = "لل"  # li- + al-: للسودان
_PROCLITICS = frozenset("وبفكل")
_MIN_LEFT_LETTERS = 4


def _skeletons(text: str, minimum: int) -> set[str]:
    found: set[str] = set()
    text = text[:MAX_CONTEXT_CHARS]
    for start in range(0, len(text), _CHUNK):
        for token in normalize_name(text[start : start + _CHUNK]).tokens:
            for form in evidence_forms(token):
                fine = fine_skeleton(form)
                if len(fine) >= minimum:
                    found.add(fine)
    return found


def evidence_forms(token: str) -> tuple[str, ...]:
    """A document's normalised token as evidence: itself, and without a proclitic.

    Running text joins "in", "and", "to", "so", "as" to the next word: بالمغرب
    (in Morocco), والعراق, بلبنان, للسودان (li- + al-), لليبيا (li- + Libya).
    A word is read without one when four letters or more are left (بمصر is
    not read as مصر: too many short words begin with those letters). A
    wrong reading is rarely evidence of anything: it must spell a name of the
    entity or of its country.

    Examples
    --------
    >>> evidence_forms("بالمغرب"), evidence_forms("بلبنان"), evidence_forms("سوريا")
    (('بالمغرب', 'المغرب'), ('بلبنان', 'لبنان'), ('سوريا',))
    >>> evidence_forms("للسودان")
    ('للسودان', 'لسودان', 'السودان')
    """
    forms = [token]
    if token[:1] in _PROCLITICS and len(token) > _MIN_LEFT_LETTERS:
        forms.append(token[1:])
    if token.startswith(_LI_ARTICLE) and len(token) > _MIN_LEFT_LETTERS + 1:
        forms.append(_ARTICLE + token[len(_LI_ARTICLE) :])
    return tuple(forms)


@lru_cache(maxsize=65_536)
def entity_skeletons(entity: Entity) -> frozenset[str]:
    """Fine skeletons (three letters or more) of an entity's names and description words, cached."""
    texts = (*entity.names, entity.description or "")
    return evidence_skeletons(token for text in texts for token in normalize_name(text).tokens)


def evidence_skeletons(tokens: Iterable[str]) -> frozenset[str]:
    """The fine skeletons of normalised tokens that count as evidence (three letters or more).

    Examples
    --------
    >>> sorted(evidence_skeletons(["khalifa", "al", "haftar"]))
    ['hftr', 'xlf']
    """
    return frozenset(fine for token in tokens if len(fine := fine_skeleton(token)) >= _MIN_EVIDENCE)


def is_country(entity: Entity) -> bool:
    """A place with a country code whose description starts with "country".

    Examples
    --------
    >>> from entity_resolve.gazetteer import Entity
    >>> is_country(Entity("ly", "place", "Libya", ("Libya",), country="LY", description="country"))
    True
    """
    description = (entity.description or "").lower()
    return entity.type == "place" and bool(entity.country) and description.startswith(_COUNTRY_DESCRIPTIONS)


@lru_cache(maxsize=1)
def builtin_countries() -> tuple[Entity, ...]:
    """The countries known whatever the gazetteer: those of the built-in one, with every name it gives
    them (GeoNames, CLDR in nine languages, the curated layer), read once from ``countries.tsv``.

    A user's gazetteer of persons or companies rarely holds the countries
    themselves; their names still tell the resolver that "وزارة الدفاع
    المصرية" (Egyptian) is not the Syrian ministry (``with_builtin_countries``).

    Examples
    --------
    >>> egypt = next(country for country in builtin_countries() if country.country == "EG")
    >>> egypt.name, "مصر" in egypt.names, is_country(egypt)
    ('Egypt', True, True)
    """
    text = resources.files("entity_resolve").joinpath(*COUNTRY_TABLE).read_text(encoding="utf-8")
    where = "/".join(COUNTRY_TABLE)
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != COUNTRY_COLUMNS:
        raise ValueError(f"{where}:1: expected the header {' '.join(COUNTRY_COLUMNS)!r}")
    countries: list[Entity] = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(COUNTRY_COLUMNS) or not all(fields[:3]):
            raise ValueError(f"{where}:{number}: expected {len(COUNTRY_COLUMNS)} tab-separated fields")
        code, entity_id, names, source = fields
        spelt = tuple(names.split("|"))
        country = Entity(entity_id, "place", spelt[0], spelt, country=code, description="country", source=source)
        countries.append(country)
    return tuple(countries)


def with_builtin_countries(gazetteer: Iterable[Entity]) -> Iterator[Entity]:
    """The entities of ``gazetteer``, then ``builtin_countries``: what the country tables read.

    A country the gazetteer holds too gets the names of both (its ISO code joins them).

    Examples
    --------
    >>> from entity_resolve.gazetteer import Gazetteer
    >>> g = Gazetteer.from_records([{"id": "m", "type": "organization", "name": "Ministry of Defense (Syria)",
    ...     "aliases": ["وزارة الدفاع السورية"], "country": "SY"}])
    >>> sorted(country_words(g)), {"egypt", "مصر"} <= country_words(with_builtin_countries(g))["EG"]
    ([], True)
    """
    return chain(gazetteer, builtin_countries())


def country_names(gazetteer: Iterable[Entity]) -> dict[str, frozenset[str]]:
    """Fine skeletons of two letters or more that name each country in a document, by ISO code
    (countries as ``is_country`` tells): its names of one word, and the words of its longer names
    that are in no other country's names, are no common word and have three letters or more in
    their skeletons ("Saudi" of Saudi Arabia). Not
    "Arabia", "Republic", "State", دولة or الأراضي: "الدولية" (international, the skeleton of
    دولة) names neither Libya nor Palestine (دولة ليبيا، دولة فلسطين).

    Examples
    --------
    >>> from entity_resolve.gazetteer import Gazetteer
    >>> g = Gazetteer.from_records([
    ...     {"id": "ly", "type": "place", "name": "Libya", "aliases": ["ليبيا", "دولة ليبيا", "State of Libya"],
    ...      "country": "LY", "description": "country"},
    ...     {"id": "kw", "type": "place", "name": "Kuwait", "aliases": ["الكويت", "دولة الكويت", "State of Kuwait"],
    ...      "country": "KW", "description": "country"}])
    >>> {code: sorted(found) for code, found in sorted(country_names(g).items())}
    {'KW': ['kt'], 'LY': ['lb']}
    """
    whole: dict[str, set[str]] = {}  # a name of one word names its country, common or shared or not
    words: dict[str, set[str]] = {}  # the other words of longer names
    for code, tokens in _country_name_tokens(gazetteer):
        if len(tokens) == 1:
            whole.setdefault(code, set()).add(fine_skeleton(tokens[0]))
            continue
        found = words.setdefault(code, set())
        found.update(fine_skeleton(token) for token in tokens if not is_particle(token) and not is_common_word(token))
    countries_of_word = Counter(word for found in words.values() for word in found)
    return {
        code: frozenset(
            {word for word in whole.get(code, ()) if len(word) >= _MIN_COUNTRY_NAME}
            | {word for word in words.get(code, ()) if countries_of_word[word] == 1 and len(word) >= _MIN_EVIDENCE}
        )
        for code in sorted(whole.keys() | words.keys())
    }


def country_name_lines(gazetteer: Iterable[Entity]) -> dict[str, frozenset[str]]:
    """Every country's whole names as lines of fine skeletons, by ISO code.

    A line is the fine skeletons of a name's tokens joined by spaces: "Saudi
    Arabia" is one line, not two names; "South" of "South Sudan" is no name of
    South Sudan on its own.

    Examples
    --------
    >>> from entity_resolve.gazetteer import Gazetteer
    >>> g = Gazetteer.from_records([{"id": "ss", "type": "place", "name": "South Sudan",
    ...     "aliases": ["جنوب السودان", "Südsudan"], "country": "SS", "description": "country"}])
    >>> sorted(country_name_lines(g)["SS"])
    ['jnb sdn', 'sT sdn', 'sdsdn']
    """
    lines: dict[str, set[str]] = {}
    for code, tokens in _country_name_tokens(gazetteer):
        lines.setdefault(code, set()).add(" ".join(fine_skeleton(token) for token in tokens))
    return {code: frozenset(line for line in found if line.strip()) for code, found in lines.items()}


def country_words(gazetteer: Iterable[Entity]) -> dict[str, frozenset[str]]:
    """Every country's names of one word, normalised (``normalize_name``), by ISO code.

    Examples
    --------
    >>> from entity_resolve.gazetteer import Gazetteer
    >>> g = Gazetteer.from_records([{"id": "tr", "type": "place", "name": "Turkey",
    ...     "aliases": ["تركيا", "Republic of Turkey"], "country": "TR", "description": "country"}])
    >>> sorted(country_words(g)["TR"])
    ['turkey', 'تركيا']
    """
    words: dict[str, set[str]] = {}
    for code, tokens in _country_name_tokens(gazetteer):
        if len(tokens) == 1:
            words.setdefault(code, set()).add(tokens[0])
    return {code: frozenset(found) for code, found in words.items()}


def countries_of_words(words_of_countries: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """``country_words`` inverted: each word to the countries it is a name of (``countries_named``
    reads it).

    Examples
    --------
    >>> sorted(countries_of_words({"CG": frozenset({"congo"}), "CD": frozenset({"congo", "zaire"})})["congo"])
    ['CD', 'CG']
    """
    countries: dict[str, set[str]] = {}
    for code, words in words_of_countries.items():
        for word in words:
            countries.setdefault(word, set()).add(code)
    return {word: frozenset(codes) for word, codes in countries.items()}


def _country_name_tokens(gazetteer: Iterable[Entity]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """``(ISO code, normalised tokens)`` of every name of every country (``is_country``)."""
    for entity in gazetteer:
        if is_country(entity) and entity.country is not None:
            for name in entity.names:
                yield entity.country, normalize_name(name).tokens


#: Endings of the adjective of a country (Arabic nisba: سوري، السورية، العراقيون; English:
#: Syrian, Iraqi, Lebanese) taken off, and what the country's name may end in instead.
_ADJECTIVE_ENDINGS: Final = ("يون", "يين", "يات", "يه", "ي", "ians", "ian", "ans", "an", "ese", "ish", "is", "i")
_NAME_ENDINGS: Final = ("", "ا", "يا", "a", "ia", "ey", "on", "o")
_ARABIC_ARTICLE: Final = "ال"


def countries_named(token: str, country_of_word: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The countries whose name a normalised token spells, or whose adjective it is; empty for
    other words. ``country_of_word`` maps each ``country_words`` word to its countries
    (``countries_of_words``).

    Spelt exactly, not resembled: a garbled adjective (التكية for التركية) names no country.

    Examples
    --------
    >>> table = {"تركيا": frozenset({"TR"}), "مصر": frozenset({"EG"}), "turkey": frozenset({"TR"}),
    ...     "العراق": frozenset({"IQ"}), "syria": frozenset({"SY"})}
    >>> [sorted(countries_named(word, table)) for word in ("التركيه", "المصري", "العراقيون", "turkish", "syrian")]
    [['TR'], ['EG'], ['IQ'], ['TR'], ['SY']]
    >>> countries_named("التكيه", table), countries_named("الوطني", table)
    (frozenset(), frozenset())
    """
    found = country_of_word.get(token)
    if found:
        return found
    bare = token.removeprefix(_ARABIC_ARTICLE)
    for ending in _ADJECTIVE_ENDINGS:
        stem = bare.removesuffix(ending)
        if stem == bare or len(stem) < 2:
            continue
        for name_ending in _NAME_ENDINGS:
            for prefix in ("", _ARABIC_ARTICLE):
                found = country_of_word.get(prefix + stem + name_ending)
                if found:
                    return found
    return frozenset()


def _arabic_word(word: str) -> bool:
    """A normalised word (or ending) in Arabic script: its first letter tells."""
    return "\u0600" <= word[:1] <= "\u06ff"


def _adjective_forms(word: str) -> Iterator[str]:
    """The spellings ``countries_named`` reads as the country named by ``word`` (a name of one word):
    the word, and its adjectives with and without the article (Arabic), or its adjectives (Latin)."""
    yield word
    arabic = _arabic_word(word)
    prefixes = ("", _ARABIC_ARTICLE) if arabic else ("",)
    # an Arabic name that begins with ال is read with and without it as an article (المانيا: Germany)
    bases = {word, word.removeprefix(_ARABIC_ARTICLE)} if arabic else {word}
    for base in sorted(bases):
        for name_ending in _NAME_ENDINGS:
            if not base.endswith(name_ending):
                continue
            stem = base[: len(base) - len(name_ending)]
            if len(stem) < 2:
                continue
            for ending in _ADJECTIVE_ENDINGS:
                if _arabic_word(ending) == arabic:
                    for prefix in prefixes:
                        yield prefix + stem + ending


class CountrySpellings:
    """Which country a word names or, garbled, resembles most: every country's names of one word
    and their adjectives, searched with rapidfuzz.

    Parameters
    ----------
    country_of_word : mapping of str to frozenset of str
        Each ``country_words`` word to its countries.

    Examples
    --------
    >>> spellings = CountrySpellings({"الكويت": frozenset({"KW"}), "ليبيا": frozenset({"LY"}),
    ...     "kuwait": frozenset({"KW"}), "libya": frozenset({"LY"})})
    >>> spellings.nearest("الكوييه")  # الكويتية (Kuwaiti), a letter lost
    (frozenset({'KW'}), 0.875)
    >>> spellings.nearest("libyen")
    (frozenset({'LY'}), 0.833)
    >>> spellings.nearest("")
    (frozenset(), 0.0)

    With a ``floor``, only spellings that may be that similar are compared
    (a fraction of them: the others are too long, too short or of too many
    other letters, ``_LetterCounts``):

    >>> spellings.nearest("libyen", floor=0.9), spellings.nearest("libyen", floor=0.8)
    ((frozenset(), 0.0), (frozenset({'LY'}), 0.833))
    """

    __slots__ = ("_codes", "_counts", "_forms", "_nearest")

    def __init__(self, country_of_word: Mapping[str, frozenset[str]]) -> None:
        codes: dict[str, frozenset[str]] = {}
        for word in sorted(country_of_word):
            for form in _adjective_forms(word):
                named = countries_named(form, country_of_word)
                if named and form not in codes:
                    codes[form] = named
        self._codes = codes
        # each script's spellings by length, so that a floor of similarity bounds the lengths searched
        arabic = sorted((form for form in codes if _arabic_word(form)), key=lambda form: (len(form), form))
        latin = sorted((form for form in codes if not _arabic_word(form)), key=lambda form: (len(form), form))
        self._forms = (latin, arabic)
        self._counts = (_LetterCounts(latin), _LetterCounts(arabic))
        self._nearest: dict[tuple[str, float], tuple[frozenset[str], float]] = {}

    def countries(self, token: str) -> frozenset[str]:
        """``countries_named(token, country_of_word)``: every spelling it reads as a country is here.

        Examples
        --------
        >>> spellings = CountrySpellings({"ليبيا": frozenset({"LY"}), "libya": frozenset({"LY"})})
        >>> spellings.countries("الليبيه"), spellings.countries("libyan"), spellings.countries("الليية")
        (frozenset({'LY'}), frozenset({'LY'}), frozenset())
        """
        return self._codes.get(token, _NONE)

    def nearest(self, token: str, *, floor: float = 0.0) -> tuple[frozenset[str], float]:
        """The countries of the spellings of its script most like ``token`` (normalised Levenshtein
        similarity) and that similarity, or ``(frozenset(), 0.0)`` when none is at least ``floor``
        similar; kept per token and floor (at most ``_NEAREST_KEPT``)."""
        key = (token, floor)
        found = self._nearest.get(key)
        if found is None:
            if len(self._nearest) >= _NEAREST_KEPT:
                self._nearest.clear()
            found = self._nearest[key] = self._search(token, floor)
        return found

    def _search(self, token: str, floor: float) -> tuple[frozenset[str], float]:
        arabic = _arabic_word(token)
        forms = self._forms[arabic]
        if floor > 0.0:
            forms = [forms[position] for position in self._counts[arabic].within(token, 1.0 - floor)]
        # rapidfuzz drops some scores equal to its cutoff (0.6 for 2 edits in 5 letters): ask lower, then compare
        cutoff = floor - _CUTOFF_SLACK if floor > 0.0 else None
        found = process.extractOne(token, forms, scorer=Levenshtein.normalized_similarity, score_cutoff=cutoff)
        if found is None or found[1] <= 0.0 or found[1] < floor:
            return frozenset(), 0.0
        top = found[1]
        ties = process.extract(
            token, forms, scorer=Levenshtein.normalized_similarity, limit=None, score_cutoff=top - _CUTOFF_SLACK
        )
        # the first spellings in alphabetical order of those as similar as the best
        nearest = sorted(form for form, score, _ in ties if score >= top)[:_NEAREST_LOOKED_AT]
        codes = frozenset().union(*(self._codes[form] for form in nearest))
        return codes, round(top, 3)


class _LetterCounts:
    """How often each letter occurs in each of a list of spellings: a bound on their edit distances.

    The spellings come sorted by length. A normalised Levenshtein similarity
    is at most the shorter length over the longer, so a share of edits bounds
    the lengths worth reading: a band of the list. An edit changes the letter
    counts by at most two (a substitution) or one (an insertion or deletion,
    which also changes the length by one), so the Levenshtein distance of two
    strings is at least half the sum of the L1 distance of their letter
    counts and their length difference: one NumPy pass over the band leaves
    rapidfuzz the few spellings that may be close enough.

    Examples
    --------
    >>> counts = _LetterCounts(["libya", "syria", "sudan"])
    >>> counts.within("libyen", 0.4).tolist()  # two edits allowed in 6 letters: libya only
    [0]
    """

    __slots__ = ("_alphabet", "_by_letter", "_lengths")

    def __init__(self, spellings: list[str]) -> None:
        if any(len(first) > len(second) for first, second in pairwise(spellings)):
            raise ValueError("spellings must be sorted by length")
        letters = sorted({letter for spelling in spellings for letter in spelling})
        self._alphabet = {letter: row for row, letter in enumerate(letters)}
        # one row per letter, one column per spelling: a word's few letters are read as a few rows
        rows = np.array([self._alphabet[letter] for spelling in spellings for letter in spelling], dtype=np.int64)
        columns = np.repeat(np.arange(len(spellings)), [len(spelling) for spelling in spellings])
        by_letter = np.zeros((len(letters), len(spellings)), dtype=np.int16)
        np.add.at(by_letter, (rows, columns), 1)
        self._by_letter = by_letter
        self._lengths = by_letter.sum(axis=0)

    def within(self, word: str, share: float) -> np.ndarray:
        """Positions of the spellings that may be at most ``share`` (below 1) of the longer length away
        from ``word`` in edits."""
        least = 1.0 - share  # the similarity asked
        shortest = math.ceil(len(word) * least - _ROUNDING)
        longest = math.floor(len(word) / least + _ROUNDING)
        start = int(np.searchsorted(self._lengths, shortest, side="left"))
        end = int(np.searchsorted(self._lengths, longest, side="right"))
        counted = Counter(word)
        known = [letter for letter in sorted(counted) if letter in self._alphabet]
        unknown = len(word) - sum(counted[letter] for letter in known)  # no spelling has them
        lengths = self._lengths[start:end]
        # the L1 distance of the counts: a spelling's letters that the word lacks count whole (its
        # length), and each letter of the word counts its difference instead of the spelling's count
        block = self._by_letter[[self._alphabet[letter] for letter in known], start:end]
        wanted = np.array([counted[letter] for letter in known], dtype=np.int16)[:, None]
        apart = lengths + (np.abs(block - wanted) - block).sum(axis=0) + unknown
        differences = apart + np.abs(lengths - len(word))
        allowed = share * np.maximum(lengths, len(word))
        return start + np.flatnonzero(differences <= 2.0 * allowed + _ROUNDING)


_NONE: Final[frozenset[str]] = frozenset()
#: Spellings ``CountrySpellings.nearest`` weighs (of those as similar as the best, the first in
#: alphabetical order) and tokens kept.
_NEAREST_LOOKED_AT: Final = 8
_NEAREST_KEPT: Final = 16_384
#: Slack for the float products that bound the lengths a floor admits (5 * 0.6 is 3.0000000000000004).
_ROUNDING: Final = 1e-9
#: Slack below a similarity asked of rapidfuzz as a cutoff (scores below the similarity are then left out).
_CUTOFF_SLACK: Final = 0.01


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """The fine skeletons of a document's tokens."""

    skeletons: frozenset[str]

    @classmethod
    def from_text(cls, context: str | Iterable[str] | DocumentContext | None) -> DocumentContext:
        """Read a document (str) or other mentions (iterable of str); None is empty.

        A ``DocumentContext`` is returned as it is: read a long document once and
        pass the result with every mention of it.
        """
        if isinstance(context, DocumentContext):
            return context
        if context is None:
            return cls(frozenset())
        texts = (context,) if isinstance(context, str) else [str(item) for item in context]
        skeletons: set[str] = set()
        for text in texts:
            skeletons |= _skeletons(text, minimum=2)
        return cls(frozenset(skeletons))

    def __bool__(self) -> bool:
        return bool(self.skeletons)

    def __or__(self, other: DocumentContext) -> DocumentContext:
        return DocumentContext(self.skeletons | other.skeletons)

    def support(self, entity: Entity, matched: Set[str], countries: dict[str, frozenset[str]]) -> set[str]:
        """Evidence for ``entity`` in the document, besides the matched tokens.

        Returns labels: ``name:<skeleton>`` for each other name or description
        word found, ``country`` when the entity's country is named.
        """
        return self.support_from(entity_skeletons(entity), entity, matched, countries)

    def support_from(
        self, skeletons: frozenset[str], entity: Entity, matched: Set[str], countries: dict[str, frozenset[str]]
    ) -> set[str]:
        """``support`` given the entity's ``entity_skeletons`` (read some cheaper way)."""
        evidence = {f"name:{fine}" for fine in skeletons & self.skeletons if fine not in matched}
        if entity.country and countries.get(entity.country, frozenset()) & (self.skeletons - matched):
            evidence.add("country")
        return evidence
