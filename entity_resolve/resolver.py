"""Resolver: normalise, look up candidates, score, decide.

Examples
--------
>>> from entity_resolve.gazetteer import Gazetteer
>>> g = Gazetteer.from_records([
...     {"id": "person:khalifa-haftar", "type": "person", "name": "Khalifa Haftar",
...      "aliases": ["خليفة حفتر", "حفتر"], "prior": 0.95},
...     {"id": "person:fayez-al-sarraj", "type": "person", "name": "Fayez al-Sarraj",
...      "aliases": ["فايز السراج"]},
... ])
>>> resolver = Resolver(g)
>>> r = resolver.resolve("الجنرال هوثر")
>>> r.entity.name, r.score > 0.7
('Khalifa Haftar', True)
>>> resolver.resolve("Angela Merkel").entity is None
True
"""

from __future__ import annotations

import heapq
import os
import threading
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Final

import numpy as np

from .common_words import is_common_spelling, is_word_of_its_own
from .config import Settings
from .context import CountrySpellings, DocumentContext, countries_of_words, entity_skeletons, evidence_skeletons
from .decide import link_probability
from .display import resolution_html
from .gazetteer import Entity, EntityType, Gazetteer
from .index import ARABIC_NAME, ENTITY_TYPE_ORDER, FOREIGN_LETTERS, NameIndex, cached_index
from .keys import fine_skeleton, fine_skeleton_variants
from .normalize import (
    TITLE_WORDS,
    NormalizedName,
    begins_with_article,
    detect_script,
    has_foreign_letters,
    normalize_as_name,
    normalize_name,
    strip_clitic,
    strip_proclitics,
)
from .score import NameMatch, TokenMatch, is_particle, match_name, token_weight

__all__ = ["Candidate", "Explanation", "Resolution", "Resolver", "resolve", "resolver_for"]

#: Every title cue (General, الرئيس, Dr, ...) names a person.
_CUE_TYPE: EntityType = "person"
_CACHE_ENV = "ENTITY_RESOLVE_CACHE"
#: Score factor of the other readings (no proclitic, title kept): a name that really starts
#: with و ب ل (وليد, بشار) keeps its own reading first.
_ALTERNATIVE_READING_FACTOR = 0.98
#: ... and of an inexact match through it: بنقازي is a garble of Benghazi (بنغازي), not
#: ب ("in") before a garble of Ngozi (نقوزي).
_INEXACT_ALTERNATIVE_READING_FACTOR = 0.95
#: A first word spelt as a word of this many names or more is a name word, not a proclitic
#: and a name (وليد, كريم); one of fewer names may be either (لبيروت, in "الضاحية الجنوبية لبيروت").
_NAME_WORD_MIN_NAMES = 3
#: An exact match of a whole name through another reading (و + حماس) stands for its entity
#: instead of an inexact match through the first reading (وحماس ~ حماس) unless that one
#: scores this much more: the reading factor's cost on an exact score.
_EXACT_READING_EDGE = 1.0 - _ALTERNATIVE_READING_FACTOR
#: Score factor of a match through a Persian or Urdu spelling (پ چ ک ی) when the
#: mention has none of those letters.
_FOREIGN_SPELLING_FACTOR = 0.95
#: The reasons of those factors, as ``Explanation.penalties`` names them.
ALTERNATIVE_READING: Final = "alternative reading"
OTHER_COUNTRY: Final = "other country"
FOREIGN_SPELLING: Final = "foreign spelling"
ORGANIZATION_WORD: Final = "organisation word"
GIVEN_NAME: Final = "given name"
#: Score factor of a name of one word of an entity known less than ``_GIVEN_NAME_MAX_PRIOR`` matched by a
#: bare mention of one word that begins the names of many persons (``NameIndex.given_names``): "Ahmad"
#: alone is one of them, not Al Ahmadi in Kuwait (a GeoNames alias); "Hassan" not the Indian town,
#: "Fatima" not Fátima, "بلال" not the one person of Wikidata named Bilal alone.
_GIVEN_NAME_FACTOR = 0.8
_GIVEN_NAME_MAX_PRIOR = 0.8
#: Score factor of a person or place matched by a mention that begins (in Latin script: or ends)
#: with a word typical of organisation names that no name word explains: "وزارة الصحة في قطاع
#: غزة" is the ministry, not the Gaza Strip; "Islamic Republic of Iran Army" the army, not Iran.
_ORGANIZATION_WORD_FACTOR = 0.8
#: A mention word paired this alike is the name word, spelt otherwise (``score``'s bar of a different word).
_SAME_WORD_SIMILARITY = 0.6
#: Penalties that say the mention names something else than the name: such a match gets no relief.
_OTHER_THING: Final = frozenset({OTHER_COUNTRY, ORGANIZATION_WORD})
#: A person less known than this (``Entity.prior``: most Wikidata persons) whose surname, the last
#: word of the name matched, the mention resembles less than this, is no link: a namesake by the
#: given name alone ("فريد الاجي" is no Farid El Guindi, فريد الجندي, when the gazetteer lacks the one meant).
_LOOSE_SURNAME_MAX_PRIOR = 0.3
_LOOSE_SURNAME_SIMILARITY = 0.75
#: Score factor of a match that pairs a word naming one country (تركيا، التركية، Syrian) with a word
#: naming another: the Turkish ministry of defence is not the American one, however alike the rest.
_OTHER_COUNTRY_FACTOR = 0.8
#: A word of an organisation's or place's name that names a country, paired with a mention word of
#: its script less similar than this that is more like another country's name or adjective, is
#: paired with that other country, garbled: "وزارة الداخلية الكويية" (Kuwaiti, garbled) is not
#: Libya's ministry (الليبية, 0.62), "مصرف يبيا المركزي" not the Central Bank of Syria. Not
#: persons: their country words are surnames. Chosen on the MT-noise dev seeds (11 and 13).
_GARBLED_OTHER_COUNTRY_SIMILARITY = 0.75
#: Least likeness of such a word to the other country's spellings (``CountrySpellings.nearest``).
_GARBLED_COUNTRY_MIN_SIMILARITY = 0.6
#: The countries of a word that names none.
_NO_COUNTRIES: Final[frozenset[str]] = frozenset()
#: Names scored again with the learned model are those within this much of the best first score. The
#: hand-made skeletons score a chance resemblance across scripts too high (Beletwein for بلتون) and a
#: transliteration's own spelling too low: at 0.15, a point of acc@1 of the transliteration tuning
#: slice was missed.
_RESCORE_REACH = 0.3
#: Entities scored again with the learned transliteration model, at least.
_RESCORED_ENTITIES = 8
#: A fuzzy match of a bare mention with this many consonants or fewer needs EXTRA more margin.
_SHORT_NAME_CONSONANTS = 3
_SHORT_NAME_EXTRA = 0.03
#: A bare mention that leaves words of the matched name unmatched (one word of a longer
#: name) needs this much more margin: it is just as often a complete other name.
_PARTIAL_NAME_EXTRA = 0.15
#: An inexact match through another reading (a proclitic و ب ل ك taken off) needs this
#: much more margin: taking a letter off is one more change to the mention.
_OTHER_READING_EXTRA = 0.05
#: An Arabic mention without Persian or Urdu letters matched through a spelling with them
#: (a GeoNames exonym, بیڑ) needs this much more margin: MT output rarely comes from them.
_FOREIGN_SPELLING_EXTRA = 0.1
#: An inexact match that leaves words of the mention unexplained needs this much more margin.
_UNEXPLAINED_WORD_EXTRA = 0.05
#: A match of a person or place that pairs the mention's words with the name's in another
#: order needs this much more margin: a rival close behind is likelier the name written in
#: the mention's order (بلقاسم خليفة حفتر is Belgasem Haftar, not Khalifa Belgasem Haftar).
#: Translated organisation names reorder their words (Central Libyan Bank) and are exempt.
_REORDERED_EXTRA = 0.1
#: A bare one-word mention matched inexactly in its own script must lead the best rival
#: that matches as completely by this share of its own shortfall (1 - name similarity):
#: the further a garble is from the name, the likelier it is to be another name of the
#: neighbourhood (GeoNames holds many small places one letter apart) ...
_ONE_WORD_LEAD_SHARE = 1.5
_ONE_WORD_LEAD_CAP = 0.1
#: ... unless the candidate is this well known (Baghdad, Reuters): a garble of a famous
#: name is likelier a mention of it than of an obscure neighbour.
_WELL_KNOWN_PRIOR = 0.8
#: ... and the garble resembles its name this much at least (name similarity): importance
#: does not make a loose resemblance (طبرك ~ تركيا, 0.76) a mention of Turkey.
_WELL_KNOWN_MIN_SIMILARITY = 0.85
#: A bare one-word Latin mention that resembles a place only through another Latin name of it
#: than its main one (an exonym: Chine, Spagna, Sijetl), and inexactly, must resemble that name
#: this much (name similarity): machine translation into English garbles the name the press uses,
#: and a loose resemblance to one of a famous place's many exonyms is mostly chance ("Eschine"
#: ~ Chine is no China, "Speakin" ~ Spagna no Spain). Garbles of English exonyms stay closer
#: ("Irac" ~ Irak 0.91, "Beiruth" ~ Beyrouth 0.93).
_EXONYM_GARBLE_MIN_SIMILARITY = 0.9
#: An entity this important (``Entity.prior``, the default's) that the mention names exactly by an
#: attested name is not held back by another entity's untagged alias of that spelling.
_UNCONTESTED_PRIOR = 0.5
#: Of entities that the mention names exactly, one this much more important (``Entity.prior``)
#: than each other is the one meant, though their scores are within the margin, when the others
#: are all less important than ``_LITTLE_KNOWN_PRIOR``: the Polisario leader Mohamed Abdelaziz
#: (0.3), not three namesakes of Wikidata (0.2). Oman and Amman (عمان) both stay in play.
_BETTER_KNOWN_NAMESAKE_LEAD = 0.1
_LITTLE_KNOWN_PRIOR = 0.3
#: A mention that matches every word of a name, word for word, is accepted below the
#: threshold when far enough ahead: (fewest words, lowest score, lead over the runner-up),
#: most words first. Two or three words garbled yet all aligned are rarely a chance resemblance.
_WHOLE_NAME_RELIEF = ((3, 0.7, 0.1), (2, 0.75, 0.2))
#: ... when every word pair is this similar at least: "الجبهة الديمقراطية لتحرير فلسطين" (the
#: Democratic Front for the Liberation of Palestine) is not the Popular Front (الشعبية, 0.23),
#: though every word aligns. Chosen on the MT-noise dev seeds 11 and 13: with each sampled
#: entity taken out (countries kept), 54 and 57 fewer false links; 7 and 8 right links lost
#: (organisations with a word replaced by a synonym: القومية for الوطنية).
_RELIEF_LEAST_PAIR = 0.4
#: A whole name matched across scripts is accepted below the threshold when far enough ahead of
#: the next entity: (least lead, lowest score), widest lead first (see ``_transliteration_threshold``).
_TRANSLITERATION_RELIEF = ((0.15, 0.75), (0.1, 0.78))
#: ... and a name of two words or more, every word aligned, from this score this far ahead: two
#: words or more transliterated alike are rarely a chance resemblance (``_transliteration_threshold``).
_TRANSLITERATION_THRESHOLD_WORDS = 0.75
_TRANSLITERATION_LEAD_WORDS = 0.08
#: The type whose names may leave out their country where the context names it (see
#: ``Resolver._without_country_words``). Not persons: a skeleton of a country's name is also a
#: given name (سعود, Saud, is a skeleton of السعودية), and "Faisal" is no Faisal bin Saud.
_INSTITUTION_TYPE = "organization"
#: Share of a titled one-word name ("Sheikh Khalifa") that its word alone covers.
_TITLED_WORD_COVERAGE = 0.5
#: Candidates that the decision looks at, however few are returned.
_DECISION_DEPTH = 5
#: Mentions with fewer letters than this are not names ("x").
_MIN_LETTERS = 2
#: How much lower the partial-name floor is for places (half of it for organisations).
_PARTIAL_PENALTY_OTHER_TYPES = 0.1
#: Entities whose context skeletons a resolver keeps (``Resolver._entity_skeletons``).
_SKELETONS_KEPT = 65_536
#: Gazetteers at least this large have their index saved (building costs seconds).
_CACHE_MIN_ENTITIES = 5_000
#: The title cues of a name when the mention has none (they are not read then).
_NO_CUES: frozenset[str] = frozenset()


@dataclass(slots=True)
class _Scored:
    """A scored name before it becomes a ``Candidate`` (kept cheap: most are dropped)."""

    score: float
    entity_position: int
    alias_position: int
    name_number: int
    query: NormalizedName
    matched: NameMatch
    type_factor: float
    context_bonus: float
    context_support: float
    penalties: tuple[tuple[str, float], ...]


@dataclass(slots=True)
class _MatchedName:
    """An indexed name matched with one reading of a mention: the part of a score that no context changes."""

    reading_number: int
    name_number: int
    entity_position: int
    alias_position: int
    matched: NameMatch
    name_cues: frozenset[str]
    penalty: float  # the product of the factors of ``penalties``
    # what scoring needs of the entity, read off the index (``Resolver._entity`` reads the entity itself)
    entity_type: str
    prior: float
    country: str | None
    penalties: tuple[tuple[str, float], ...]  # (reason, factor) of each, in ``Explanation.penalties``
    # the match with the name's words that name its entity's country left out, when those
    # are all the words the mention misses: it counts where the document names that country
    without_country: NameMatch | None = None


@dataclass(slots=True)
class _PreparedMention:
    """A mention's readings and matched names, in the order ``resolve`` scores them (see ``Resolver._prepare``)."""

    mention: str
    readings: tuple[NormalizedName, ...]
    lone_title: bool  # made of titles only: must match a whole name
    naming_country: tuple[bool, ...]  # of each reading: some word names a country (``Resolver._names_a_country``)
    # of each reading: its first word (Latin script: and last) if typical of organisation names
    organization_edges: tuple[tuple[str, ...], ...]
    # (reading number, name number) of each shortlisted name of a wanted type
    shortlisted: list[tuple[int, int]] = field(default_factory=list)
    matches: list[_MatchedName] | None = None  # of the shortlisted names, made when first needed
    # the learned model's matches, made when first needed, by (reading number, name number)
    learned: dict[tuple[int, int], _MatchedName] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Explanation:
    """The parts of a candidate's score.

    Attributes
    ----------
    query : str
        The mention's normalised tokens, joined.
    matched_name : str
        The name of the entity that matched best (as listed in the gazetteer).
    alignment : tuple of TokenMatch
        Which mention token matched which name token, and how well.
    name_similarity : float
        Similarity of the mention to ``matched_name``.
    aligned, whole, coverage : float
        Token-alignment score, whole-skeleton score, share of the name covered.
    prior : float
        The entity's importance.
    type_factor : float
        1.0, or the penalty for a title cue of another type.
    context_bonus : float
        What the context added to the score: its support, scaled by how
        uncertain the match is (nothing for an exact match).
    missed : int
        Words of ``matched_name`` (particles aside) that the mention left
        unmatched: a surname alone misses one.
    context_support : float
        Support for the entity found in the context, from 0 to
        ``Settings.context_weight`` (two pieces of evidence: its other names,
        description words, its country), before scaling. It settles a tie
        between entities of the same exact name: عمان with الأردن in the text
        is Amman, with مسقط Oman.
    penalties : tuple of (str, float)
        Further factors the score was multiplied by (besides ``type_factor``
        and the parts above), each with its reason:
        "alternative reading" (a proclitic read off the first word, or a
        title read as a name word), "other country" (a mention word that
        names another country, or is more like another country's name
        garbled, paired with a name word naming this one's: the Turkish
        ministry of defence is not the American one; or a mention word naming
        a country, paired with an unlike word of the name of an organisation
        or place of another country, or of an organisation of none: the
        Syrian National Army is not Algeria's People's National Army),
        "foreign spelling"
        (a Persian or Urdu spelling matched by Arabic letters), "organisation
        word" (a person or place matched by a mention headed by a word of
        organisation names that no name word explains: وزارة، ministry,
        army), "given name" (a little-known entity's name of one word
        matched by a bare given name: "Ahmad" is no Al Ahmadi). Empty for
        most matches.
    """

    query: str
    matched_name: str
    alignment: tuple[TokenMatch, ...]
    name_similarity: float
    aligned: float
    whole: float
    coverage: float
    prior: float
    type_factor: float
    context_bonus: float
    missed: int = 0
    context_support: float = 0.0
    penalties: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entity that a mention may refer to, with its score and why."""

    entity: Entity
    score: float
    explanation: Explanation


@dataclass(frozen=True, slots=True)
class Resolution:
    """The answer for one mention.

    Attributes
    ----------
    mention : str
        The mention as given.
    entity : Entity or None
        The resolved entity, or None ("no entity": nothing close enough, or
        two entities too close to call).
    score : float
        Score of the best candidate in [0, 1] (0.0 when there is none).
    candidates : tuple of Candidate
        Best first, one per entity, at most ``top_k``: by score, except that
        of entities of the same exact name, the one the context supports
        (``Explanation.context_support``) comes first, and that entities
        the mention names exactly come before better-known entities it
        only resembles (``score`` is then the first candidate's).
    cues : tuple of str
        Title cues found in the mention.
    """

    mention: str
    entity: Entity | None
    score: float
    candidates: tuple[Candidate, ...] = ()
    cues: tuple[str, ...] = ()

    def _repr_html_(self) -> str:
        """Notebook display: the decision and the ranked candidates with their score parts."""
        return resolution_html(self)


def _default_cache_dir() -> Path | None:
    configured = os.environ.get(_CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "entity_resolve"


class Resolver:
    """Resolves mentions against one gazetteer; holds its index.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        Defaults to the built-in gazetteer.
    settings : Settings, optional
        Tuning values; keyword options (``threshold=0.8``) override fields.
    cache_dir : path, optional
        Where the index is saved and reloaded (default: ``$ENTITY_RESOLVE_CACHE``
        or ``~/.cache/entity_resolve``; an empty ``ENTITY_RESOLVE_CACHE``
        disables saving). Indexes of gazetteers under 5,000 entities are
        built in memory unless a directory is given.

    Notes
    -----
    Safe to share between threads: resolving reads the index only.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        settings: Settings | None = None,
        cache_dir: str | Path | None = None,
        **options: float,
    ) -> None:
        if gazetteer is not None and not isinstance(gazetteer, Gazetteer):
            raise TypeError(f"gazetteer must be a Gazetteer, not {type(gazetteer).__name__}")
        self.gazetteer = Gazetteer.default() if gazetteer is None else gazetteer
        self.settings = replace(settings or Settings(), **options)  # type: ignore[arg-type]
        if cache_dir is not None:
            directory: Path | None = Path(cache_dir)
        elif len(self.gazetteer) >= _CACHE_MIN_ENTITIES:
            directory = _default_cache_dir()
        else:
            directory = None
        self.index: NameIndex = cached_index(self.gazetteer, directory)
        # scoring reads what it needs of the entities off the index; only the entities of the candidates
        # returned, or of a context or title cue to weigh, are read (a lazy gazetteer parses them then,
        # some 11 µs an entity, and keeps the last few thousand)
        self._entity_at = self.gazetteer.entity_at
        index = self.index
        self._entity_types: tuple[str, ...] = tuple(ENTITY_TYPE_ORDER[code] for code in index.entity_types.tolist())
        self._entity_priors: tuple[float, ...] = tuple(index.entity_priors.tolist())
        self._entity_countries: tuple[str | None, ...] = tuple(code or None for code in index.entity_countries)
        # where each entity's names start in the index (None if they are not listed entity by entity)
        name_entity = self.index.name_entity
        listed = bool(np.all(name_entity[1:] >= name_entity[:-1]))
        self._name_starts = np.searchsorted(name_entity, np.arange(len(self.gazetteer) + 1)) if listed else None
        self._skeletons: dict[int, frozenset[str]] = {}
        # every spelling of a country's name or adjective (0.02 s to build on the built-in gazetteer)
        self._spellings = CountrySpellings(countries_of_words(self.index.country_words))
        # a surname alone names a person; half a place or organisation name rarely names it
        self._partial_floor = {
            "person": self.settings.partial_floor,
            "organization": self.settings.partial_floor - _PARTIAL_PENALTY_OTHER_TYPES / 2,
            "place": self.settings.partial_floor - _PARTIAL_PENALTY_OTHER_TYPES,
        }

    def __repr__(self) -> str:
        return f"<Resolver over {self.gazetteer!r}, {len(self.index)} names>"

    # -- query preparation -------------------------------------------------------
    def _readings(self, mention: str, proclitics: int = 2) -> tuple[tuple[NormalizedName, ...], bool]:
        """Readings of a mention, the first as written, and whether it is made of titles only.

        Also: without a proclitic on its first word (لخليفة حفتر, وحماس) unless
        that word is spelt as a word of ``_NAME_WORD_MIN_NAMES`` names or more
        (وليد is Walid, not و + Lead; كريم is Karim, not ك + ريم) or is an
        everyday word of its own (``is_word_of_its_own``: ورقة is "paper", not و +
        Raqqa; كبيرا "big", not ك + Beira), then without
        the preposition after a conjunction too (وبحمص: حمص), up to
        ``proclitics`` of them, and, when a title was split off, with the
        title kept as a name word (General National Congress, Prince Sultan
        Air Base). A mention of titles only is read as a name (Samaha, Sheikh),
        which must then match a whole name.
        """
        normalized = normalize_name(mention)
        if normalized.cues and not normalized.tokens:
            as_name = normalize_as_name(mention)
            return (as_name,), bool(as_name.tokens)
        found = [normalized]
        first_word = normalized.tokens[0] if normalized.tokens else ""
        # each proclitic taken off while the word is no name word (وبحمص: بحمص, then حمص); the
        # second only from a word that is no common word as written (وبالتالي, "and therefore")
        word = first_word
        for stripped in strip_proclitics(first_word)[:proclitics] if first_word else ():
            if (
                self.index.names_with_word(word) >= _NAME_WORD_MIN_NAMES
                or (word != first_word and is_common_spelling(first_word))
                or is_word_of_its_own(word, stripped)
            ):
                break
            found.append(replace(normalized, tokens=(stripped, *normalized.tokens[1:])))
            word = stripped
        if normalized.cues:
            found.append(normalize_name(mention, titles=False))
        return tuple(found), False

    # -- scoring -----------------------------------------------------------------
    def _context_bonus(
        self, entity: Entity, matched: NameMatch, context: DocumentContext, position: int | None = None
    ) -> float:
        """Bonus in [0, ``context_weight``]: two pieces of evidence give the whole bonus.

        ``position`` (the entity's, when known) reads its skeletons off the index.
        """
        # the name's matched words, and the mention's own words, are no evidence of it: الجزيرة
        # in a text is no sign of Algiers, whose other name الجزائر it spells in skeleton
        matched_tokens = {fine_skeleton(m.name_token) for m in matched.alignment} | {
            variant for m in matched.alignment for variant in fine_skeleton_variants(m.query_token)
        }
        skeletons = entity_skeletons(entity) if position is None else self._entity_skeletons(position)
        evidence = context.support_from(skeletons, entity, matched_tokens, self.index.country_names)
        return self.settings.context_weight * min(1.0, len(evidence) / 2.0)

    def _entity_skeletons(self, position: int) -> frozenset[str]:
        """``entity_skeletons`` of the entity at ``position``, read off its indexed names, kept per resolver.

        The index holds each name's tokens as ``normalize_as_name`` reads them,
        which is how ``normalize_name`` reads them unless the name is made of
        titles only (then ``normalize_name`` finds no name words); an entity with
        a name that may be one (every word a title word) is read the slow way,
        as is every entity when the index does not list names by entity.
        """
        cache = self._skeletons
        found = cache.get(position)
        if found is None:
            if len(cache) >= _SKELETONS_KEPT:
                cache.clear()
            found = cache[position] = self._read_entity_skeletons(position)
        return found

    def _read_entity_skeletons(self, position: int) -> frozenset[str]:
        entity = self._entity_at(position)
        if self._name_starts is None:
            return entity_skeletons(entity)
        names = [
            self.index.name_token_tuple(name)
            for name in range(int(self._name_starts[position]), int(self._name_starts[position + 1]))
        ]
        if any(all(token in TITLE_WORDS or strip_clitic(token) in TITLE_WORDS for token in name) for name in names):
            return entity_skeletons(entity)
        description = normalize_name(entity.description).tokens if entity.description else ()
        return evidence_skeletons([*(token for name in names for token in name), *description])

    def _score(
        self,
        query: NormalizedName,
        entity: Entity,
        matched: NameMatch,
        context: DocumentContext,
        name_cues: frozenset[str] = frozenset(),
        position: int | None = None,
    ) -> tuple[float, float, float, float]:
        """Final score of a matched name: similarity, importance, type cue, context.

        A title cue that the matched name carries itself (the Sheikh of الشيخ زويد, a
        town) is part of the name, not a sign of another type. Returns the score, the
        type factor, the context bonus and the context support it was scaled from.
        ``position`` is the entity's, when known.
        """
        support = self._context_bonus(entity, matched, context, position) if context else 0.0
        return self._score_with_support(query, entity.type, entity.prior, matched, support, name_cues)

    def _score_with_support(
        self,
        query: NormalizedName,
        entity_type: str,
        prior: float,
        matched: NameMatch,
        support: float,
        name_cues: frozenset[str] = frozenset(),
    ) -> tuple[float, float, float, float]:
        """``_score`` of an entity of ``entity_type`` and ``prior``, given the context's support (in [0,
        ``context_weight``]); the score grows with it."""
        settings = self.settings
        similarity = matched.similarity
        other_type = query.cues and entity_type != _CUE_TYPE and not name_cues.issuperset(query.cues)
        type_factor = settings.type_mismatch_factor if other_type else 1.0
        # Importance moves an uncertain score, never an exact one.
        prior_shift = settings.prior_weight * (prior - 0.5) * (1.0 - similarity)
        bonus = support * (1.0 - similarity) * 2.0
        adjusted = (similarity + prior_shift + bonus) * type_factor
        tiebreak = settings.prior_tiebreak
        score = min(1.0, max(0.0, (1.0 - tiebreak) * adjusted + tiebreak * prior))
        return score, type_factor, bonus, support

    def _other_script(self, query: NormalizedName, name_number: int) -> bool:
        """True when the indexed name is written in the other script than the mention."""
        name_arabic = bool(self.index.name_flags[name_number] & ARABIC_NAME)
        return name_arabic != (query.script == "arabic") or query.script == "mixed"

    def _candidate(self, scored: _Scored, entity: Entity) -> Candidate:
        """The candidate of a scored name of ``entity``."""
        matched = scored.matched
        matched_name = entity.names[scored.alias_position]
        if matched_name not in _name_tokens_seen:  # the index holds its tokens: ``_reordered`` need not normalise it
            _remember_name_tokens(matched_name, self.index.name_token_tuple(scored.name_number))
        explanation = Explanation(  # positional: the dataclass's interpreted ``__init__`` binds them faster
            " ".join(scored.query.tokens),  # query
            matched_name,
            matched.alignment,
            _rounded(matched.similarity),  # name_similarity
            _rounded(matched.aligned),
            _rounded(matched.whole),
            _rounded(matched.coverage),
            entity.prior,
            scored.type_factor,
            _rounded(scored.context_bonus),
            matched.missed,
            _rounded(scored.context_support),
            scored.penalties,
        )
        return Candidate(entity, round(scored.score, 6), explanation)

    # -- public ------------------------------------------------------------------
    def resolve(
        self,
        mention: str,
        *,
        context: str | Iterable[str] | DocumentContext | None = None,
        types: Iterable[str] | str | None = None,
        top_k: int = 5,
    ) -> Resolution:
        """Resolve one mention to an entity of the gazetteer, or to None.

        Parameters
        ----------
        mention : str
            A name as written: any script, titles and clitics allowed.
        context : str, iterable of str or DocumentContext, optional
            The document or other mentions; names of the entity found there
            (its first name, its organisation, its country) raise an uncertain
            score. For many mentions of one long document, read it once with
            ``DocumentContext.from_text`` and pass that.
        types : str or iterable of str, optional
            Only entities of these types ("person", "organization", "place").
        top_k : int
            How many candidates to keep in ``Resolution.candidates``.

        Returns
        -------
        Resolution
            ``entity`` is None when the best score is below the threshold or
            less than the margin ahead of another entity.

        Raises
        ------
        TypeError
            If ``mention`` is not a str.
        """
        if not isinstance(mention, str):
            raise TypeError(f"mention must be a str, not {type(mention).__name__}")
        return self._resolve_prepared(self._prepare(mention, types), context=context, top_k=top_k)

    def _prepare(
        self, mention: str, types: Iterable[str] | str | None = None, *, proclitics: int = 2
    ) -> _PreparedMention:
        """The context-free work of ``resolve``: readings, shortlisted names and their matches.

        ``resolve`` is ``_resolve_prepared(_prepare(mention, types), ...)``; a caller
        that resolves one mention several times (``resolve_text``: once without
        context, then with it) prepares it once. ``proclitics``: how many proclitics
        of the first word may be read off (``strip_proclitics``).
        """
        wanted = _wanted_types(types)
        readings, lone_title = self._readings(mention, proclitics)
        query = readings[0]
        naming_country = tuple(self._names_a_country(reading.tokens) for reading in readings)
        organization_edges = tuple(self._organization_edges(reading) for reading in readings)
        prepared = _PreparedMention(mention, readings, lone_title, naming_country, organization_edges)
        if sum(map(len, query.tokens)) < _MIN_LETTERS:
            return prepared
        for reading_number, reading in enumerate(readings):
            for name_number in self.index.shortlist(reading.tokens, limit=self.settings.max_candidates):
                if wanted is None or self._entity_types[self.index.name_entity.item(name_number)] in wanted:
                    prepared.shortlisted.append((reading_number, name_number))
        return prepared

    def _matches(self, prepared: _PreparedMention) -> list[_MatchedName]:
        """The shortlisted names of a prepared mention matched with its readings, made once."""
        if prepared.matches is None:
            prepared.matches = [
                self._match_name(prepared, reading_number, name_number, learned=False)
                for reading_number, name_number in prepared.shortlisted
            ]
        return prepared.matches

    def _match_name(
        self, prepared: _PreparedMention, reading_number: int, name_number: int, *, learned: bool
    ) -> _MatchedName:
        """Match one indexed name with one reading of the mention.

        With ``prepared.lone_title``, a mention that covers part of the name keeps no partial floor.
        """
        query = prepared.readings[reading_number]
        index = self.index
        entity_position: int = index.name_entity.item(name_number)
        entity_type = self._entity_types[entity_position]
        prior = self._entity_priors[entity_position]
        country = self._entity_countries[entity_position]
        name_tokens = index.name_token_tuple(name_number, recall_readings=True)  # its words' readings saved
        partial_floor = 0.0 if prepared.lone_title else self._partial_floor[entity_type]
        leading_descriptor = 1 if query.cues else 2
        settings = self.settings
        matched = match_name(
            query.tokens,
            name_tokens,
            settings,
            partial_floor=partial_floor,
            leading_descriptor=leading_descriptor,
            learned=learned,
        )
        without_country = None
        if matched.missed and country and entity_type == _INSTITUTION_TYPE:
            kept = self._without_country_words(name_tokens, matched, country)
            if kept:
                without_country = match_name(
                    query.tokens,
                    kept,
                    settings,
                    partial_floor=partial_floor,
                    leading_descriptor=leading_descriptor,
                    learned=learned,
                )
        alias_position: int = index.name_alias.item(name_number)
        name_cues = _NO_CUES
        if query.cues:
            name_cues = _name_cues(self._entity_at(entity_position).names[alias_position])
        elif len(name_tokens) == 1 and entity_type == "person":
            entity = self._entity_at(entity_position)
            if _title_left_out(entity, entity.names[alias_position], name_tokens):
                matched = _without_title(matched, partial_floor)
        penalties: tuple[tuple[str, float], ...] = ()
        if reading_number:  # a proclitic taken off, or a title read as a name word: one guess, or two when inexact
            exact = matched.similarity >= 1.0
            penalties = (
                (ALTERNATIVE_READING, _ALTERNATIVE_READING_FACTOR if exact else _INEXACT_ALTERNATIVE_READING_FACTOR),
            )
        if self._pairs_other_countries(matched, prepared.naming_country[reading_number], entity_type, country):
            penalties = (*penalties, (OTHER_COUNTRY, _OTHER_COUNTRY_FACTOR))
        if len(name_tokens) == 1 and prior < _GIVEN_NAME_MAX_PRIOR and self._bare_given_name(query):
            penalties = (*penalties, (GIVEN_NAME, _GIVEN_NAME_FACTOR))
        edges = prepared.organization_edges[reading_number]
        if edges and entity_type != _INSTITUTION_TYPE and _unexplained(edges, matched):
            penalties = (*penalties, (ORGANIZATION_WORD, _ORGANIZATION_WORD_FACTOR))
        if index.name_flags.item(name_number) & FOREIGN_LETTERS and not query.foreign_letters:
            # a Persian or Urdu spelling matched by a mention in Arabic spelling: GeoNames lists Urdu and
            # Persian exonyms (فن لینڈ for Finland); MT output in Arabic rarely uses their letters, and
            # common Arabic words (في حين) happen to resemble them
            penalties = (*penalties, (FOREIGN_SPELLING, _FOREIGN_SPELLING_FACTOR))
        penalty = 1.0
        for _reason, factor in penalties:
            penalty *= factor
        return _MatchedName(
            reading_number,
            name_number,
            entity_position,
            alias_position,
            matched,
            name_cues,
            penalty,
            entity_type,
            prior,
            country,
            penalties,
            without_country,
        )

    def _pairs_other_countries(
        self, matched: NameMatch, mention_names_a_country: bool, entity_type: str, country: str | None
    ) -> bool:
        """A mention word paired with a name word that names another country (or is the adjective of
        one): "وزارة الدفاع التركية" (Turkish) matched with "وزارة الدفاع الأمريكية" (American).

        ``mention_names_a_country``: some mention word names a country (``_names_a_country``).
        For organisations and places (the country words of persons are surnames), two more:

        - a mention word that names no country but, garbled, is more like another country's name
          or adjective than the name word's (``CountrySpellings.nearest``), and is less similar to
          the name word than ``_GARBLED_OTHER_COUNTRY_SIMILARITY``, names that other country too;
        - a mention word that names a country, paired with a name word that names none and is as
          unlike it, names another country than the entity's (``country``), or than none for an
          organisation: "الجيش الوطني السوري" (Syrian) is no garble of the Algerian "الجيش الوطني
          الشعبي", "البنك المركزي التركي" (Turkish) not of the European Central Bank. A word alike
          is the name word garbled into a country's spelling (مصر of مصرف, Chin of Schin Bet).
        """
        read_garbles = entity_type != "person"
        if not (mention_names_a_country or read_garbles):
            return False
        # a country-less place says nothing; a country-less organisation is of none (international)
        has_country = read_garbles and bool(country or entity_type == "organization")
        for pair in matched.alignment:
            query_token, name_token = pair.query_token, pair.name_token
            if query_token == name_token:
                continue
            # the cheap tests first: most pairs are alike, or their name word names no country
            unlike = read_garbles and pair.similarity < _GARBLED_OTHER_COUNTRY_SIMILARITY
            named_by_mention = self._countries_named(query_token) if mention_names_a_country else _NO_COUNTRIES
            if not (named_by_mention or unlike):
                continue
            named_by_name = self._countries_named(name_token)
            if not named_by_name:
                if named_by_mention and unlike and has_country and country not in named_by_mention:
                    return True
                continue
            if named_by_mention:
                if named_by_mention.isdisjoint(named_by_name):
                    return True
                continue
            if detect_script(query_token) != detect_script(name_token):
                continue  # across scripts, a transliteration: its likeness is another matter
            nearest, similarity = self._spellings.nearest(query_token, floor=_GARBLED_COUNTRY_MIN_SIMILARITY)
            if similarity >= _GARBLED_COUNTRY_MIN_SIMILARITY and nearest.isdisjoint(named_by_name):
                return True
        return False

    def _bare_given_name(self, reading: NormalizedName) -> bool:
        """A mention of one word, without a title or article, that is a given name (``NameIndex.given_names``):
        "Khalil", not "Al-Khalil" (Hebron)."""
        return (
            not reading.cues
            and len(reading.tokens) == 1
            and reading.tokens[0] in self.index.given_names
            and not begins_with_article(reading.original)
        )

    def _given_name_alone(self, query: NormalizedName, best: Candidate) -> bool:
        """A bare given name (``_bare_given_name``) that matches the first word of a longer name of a
        person, and nothing in the context supports that person.

        "Ahmed" alone is any of thousands of Ahmeds, not the best known of the
        gazetteer (Ahmed al-Sharaa); a surname alone (Haftar) names its person,
        and so does a given name that the text ties to someone named in full
        (``resolve_text``), or a title before it ("President Ahmed").
        """
        explanation = best.explanation
        if best.entity.type != "person" or explanation.coverage >= 1.0 or explanation.context_support > 0.0:
            return False
        if len(explanation.alignment) != 1 or not self._bare_given_name(query):
            return False
        return explanation.alignment[0].name_token == _name_tokens(explanation.matched_name)[0]

    def _organization_edges(self, reading: NormalizedName) -> tuple[str, ...]:
        """The first word of a mention of two words or more, and its last in Latin script (English puts
        the head last: "Iran Army"), that are organisation words (``NameIndex.organization_words``);
        none after a title (a role: "وزير الخارجية", minister of foreign affairs, before a person)."""
        tokens = reading.tokens
        if reading.cues or len(tokens) < 2:
            return ()
        edges = (tokens[0], tokens[-1]) if reading.script == "latin" else (tokens[0],)
        words = self.index.organization_words
        return tuple(token for token in edges if token in words)

    def _names_a_country(self, tokens: tuple[str, ...]) -> bool:
        """Some token names a country or is its adjective (most mentions have none: their matches need
        no pair checked); read once per reading of a mention (``_PreparedMention.naming_country``)."""
        return any(self._countries_named(token) for token in tokens)

    def _countries_named(self, token: str) -> frozenset[str]:
        """``context.countries_named`` of a token, read from the spellings it knows (one lookup)."""
        return self._spellings.countries(token)

    def _without_country_words(
        self, name_tokens: tuple[str, ...], matched: NameMatch, country: str
    ) -> tuple[str, ...] | None:
        """An organisation's name without the words that name ``country``, when those are all the words
        ``matched`` misses.

        News leaves out the country of its own institutions: in a Libyan
        report, "House of Representatives" and "مجلس النواب" are the House of
        Representatives of Libya (مجلس النواب الليبي). The words missed, in
        their order, must spell one whole name of the country (Libya, الليبي,
        Saudi Arabia; not the "South" of South Sudan). Particles left at either
        end go too ("House of Representatives of"). None when the name keeps
        nothing or misses other words.
        """
        country_lines = self.index.country_name_lines.get(country)
        if not country_lines:
            return None
        aligned = {pair.name_token for pair in matched.alignment}
        missed = [token for token in name_tokens if token not in aligned and not is_particle(token)]
        # the words missed, in order, are one whole name of the country ("South" alone names no country)
        if not missed or " ".join(fine_skeleton(token) for token in missed) not in country_lines:
            return None
        kept = [token for token in name_tokens if token not in missed]
        while kept and is_particle(kept[-1]):
            kept.pop()
        while kept and is_particle(kept[0]):
            kept.pop(0)
        return tuple(kept) or None

    def _in_document(self, matched: _MatchedName, document: DocumentContext) -> NameMatch:
        """The match that counts in ``document``: without the country's words when the document names it."""
        if matched.without_country is None or not document:
            return matched.matched
        country = matched.country
        named = self.index.country_names.get(country or "", frozenset()) & document.skeletons
        return matched.without_country if named else matched.matched

    def _learned_match(self, prepared: _PreparedMention, matched: _MatchedName) -> _MatchedName:
        """``matched`` scored again with the learned model, kept in ``prepared``."""
        key = (matched.reading_number, matched.name_number)
        found = prepared.learned.get(key)
        if found is None:
            found = self._match_name(prepared, matched.reading_number, matched.name_number, learned=True)
            prepared.learned[key] = found
        return found

    def _scored(self, prepared: _PreparedMention, matched: _MatchedName, document: DocumentContext) -> _Scored:
        """Score a matched name in a document's context."""
        query = prepared.readings[matched.reading_number]
        if not document:
            return self._scored_alone(query, matched)
        name_match = self._in_document(matched, document)
        entity = self._entity_at(matched.entity_position)
        parts = self._score(query, entity, name_match, document, matched.name_cues, matched.entity_position)
        return _scored_match(query, matched, name_match, parts)

    def _scored_alone(self, query: NormalizedName, matched: _MatchedName) -> _Scored:
        """``_scored`` without a context (``query`` is the reading that ``matched`` was matched with)."""
        name_match = matched.matched
        parts = self._score_with_support(query, matched.entity_type, matched.prior, name_match, 0.0, matched.name_cues)
        return _scored_match(query, matched, name_match, parts)

    def _first_scores(
        self, prepared: _PreparedMention, document: DocumentContext, depth: int
    ) -> tuple[dict[int, _Scored], dict[int, list[tuple[_Scored, _MatchedName]]]]:
        """Each entity's best scored name and all its scored names, for the entities that may rank
        among the ``depth`` best.

        Context only raises a score, by a support of at most ``context_weight``.
        With context, entities are scored in the order of their best score with
        the most support, and scoring stops at the first one whose best possible
        score is below the ``depth``-th best score found: reading a name against
        the context (``entity_skeletons`` of every candidate) is the costly part.
        """
        first: dict[int, _Scored] = {}
        tried: dict[int, list[tuple[_Scored, _MatchedName]]] = {}
        if not document:  # every entity is scored: one pass
            readings = prepared.readings
            for matched in self._matches(prepared):
                scored = self._scored_alone(readings[matched.reading_number], matched)
                position = matched.entity_position
                if position in first:
                    tried[position].append((scored, matched))
                    if scored.score > first[position].score:
                        first[position] = scored
                else:
                    tried[position] = [(scored, matched)]
                    first[position] = scored
            return first, tried
        by_entity: dict[int, list[_MatchedName]] = {}
        for matched in self._matches(prepared):
            by_entity.setdefault(matched.entity_position, []).append(matched)
        ceilings: dict[int, float] = {}
        for position, matches in by_entity.items():
            ceilings[position] = max(self._ceiling(prepared, matched, document) for matched in matches)
        best_scores: list[float] = []  # a heap of the ``depth`` best scores so far
        for position in sorted(by_entity, key=lambda p: -ceilings[p]):
            if len(best_scores) >= depth and ceilings[position] < best_scores[0]:
                break
            tried[position] = [(self._scored(prepared, matched, document), matched) for matched in by_entity[position]]
            for scored, _matched in tried[position]:
                if position not in first or scored.score > first[position].score:
                    first[position] = scored
            heapq.heappush(best_scores, first[position].score)
            if len(best_scores) > depth:
                heapq.heappop(best_scores)
        return first, tried

    def _entity_candidate(
        self, prepared: _PreparedMention, entity_position: int, document: DocumentContext
    ) -> Candidate | None:
        """One entity's best-scored name for a prepared mention, every name of it scored (no shortlist).

        For a mention that the document ties to one entity (``resolve_text``'s
        coreference of a surname): the score it gets, whatever other entities it resembles.
        """
        best: _Scored | None = None
        for reading_number in range(len(prepared.readings)):
            for name_number in self.index.names_of_entity(entity_position):
                matched = self._match_name(prepared, reading_number, name_number, learned=False)
                if self._other_script(prepared.readings[reading_number], name_number):
                    matched = self._learned_match(prepared, matched)
                scored = self._scored(prepared, matched, document)
                if best is None or _stands_for_entity(scored, best):
                    best = scored
        return None if best is None else self._candidate(best, self._entity_at(entity_position))

    def _ceiling(self, prepared: _PreparedMention, matched: _MatchedName, document: DocumentContext) -> float:
        """The score of a matched name with the most support that a context can give."""
        query = prepared.readings[matched.reading_number]
        support = self.settings.context_weight
        name_match = self._in_document(matched, document)
        score = self._score_with_support(
            query, matched.entity_type, matched.prior, name_match, support, matched.name_cues
        )[0]
        return score * matched.penalty

    def _resolve_prepared(
        self,
        prepared: _PreparedMention,
        *,
        context: str | Iterable[str] | DocumentContext | None = None,
        top_k: int = 5,
    ) -> Resolution:
        """``resolve`` of a prepared mention (see ``_prepare``): a mention too short for candidates gets none."""
        ranked = self._ranked(prepared, context=context, top_k=top_k)
        return self._decide(prepared.mention, prepared.readings[0], ranked, top_k)

    def _ranked(
        self,
        prepared: _PreparedMention,
        *,
        context: str | Iterable[str] | DocumentContext | None = None,
        top_k: int = 5,
    ) -> list[Candidate]:
        """The best candidates of a prepared mention, one per entity, best first: what ``_decide`` decides on.

        At least ``_DECISION_DEPTH`` of them when there are as many. A mention
        with fewer than ``_MIN_LETTERS`` letters has none.
        """
        query = prepared.readings[0]
        if sum(map(len, query.tokens)) < _MIN_LETTERS:
            return []
        # title cues are evidence too: "الملك" supports an entity described as King
        document = DocumentContext.from_text(context)
        if query.cues:
            document = document | DocumentContext.from_text(query.cues)
        # ranked by the hand-made skeletons first; the best few are scored again with the learned model
        depth = max(top_k, _RESCORED_ENTITIES)
        first, tried = self._first_scores(prepared, document, depth)
        shortlist = sorted(first, key=lambda p: (-first[p].score, p))[:depth]
        reach = (first[shortlist[0]].score - _RESCORE_REACH) if shortlist else 1.0
        best: dict[int, _Scored] = {}
        for position in shortlist:
            for scored, matched in tried[position]:
                # only across scripts does the learned model count, and only near the top
                if scored.score >= reach and self._other_script(scored.query, matched.name_number):
                    scored = self._scored(prepared, self._learned_match(prepared, matched), document)
                if position not in best or _stands_for_entity(scored, best[position]):
                    best[position] = scored
        priors, ids = self._entity_priors, self.index.entity_ids
        ranked_positions = sorted(best, key=lambda p: (-best[p].score, -priors[p], ids[p]))
        return [self._candidate(best[p], self._entity_at(p)) for p in ranked_positions[: max(top_k, _DECISION_DEPTH)]]

    def _decide(self, mention: str, query: NormalizedName, ranked: Sequence[Candidate], top_k: int) -> Resolution:
        """The entity of the best candidate when it clears the threshold and the margin, or when the
        learned probability that it is the entity meant (``decide.link_probability``) reaches
        ``Settings.link_relief``; else None.

        Entities of the same exact name are settled first: by the context
        (``_settled_by_context``), else in favour of exact matches of main
        names and attested names over old aliases and inexact matches
        (``_exact_namesakes``).
        """
        if not ranked:
            return Resolution(mention=mention, entity=None, score=0.0, cues=query.cues)
        best = ranked[0]
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        margin = self.settings.margin + _extra_margin(query, best.explanation, best.entity.type)
        lead = best.score - runner_up
        threshold = min(
            self.settings.threshold,
            _relieved_threshold(best.explanation, lead),
            _transliteration_threshold(query, best.explanation, lead),
        )
        settled = _settled_by_context(ranked, threshold, margin, round(self.settings.context_weight, 4))
        named = _exact_namesakes(ranked, threshold) if settled is None else None
        if named is not None and query.cues:
            named = _spelling_the_titles(mention, named)
        chosen: Entity | None
        if settled is not None:
            ranked = [settled, *(candidate for candidate in ranked if candidate is not settled)]
            chosen = settled.entity
        elif named is not None:
            # only the names spelt exactly compete; the best must lead the next by its margin, or be
            # the one of them that the press knows
            lead = named[0].score - max((candidate.score for candidate in named[1:]), default=0.0)
            margin = self.settings.margin + _extra_margin(query, named[0].explanation, named[0].entity.type)
            ranked = [*named, *(candidate for candidate in ranked if candidate not in named)]
            rivals_prior = max((candidate.entity.prior for candidate in named[1:]), default=0.0)
            better_known = (
                lead > 0.0
                and _spelt_as_named(named[0])
                and rivals_prior < _LITTLE_KNOWN_PRIOR
                and round(named[0].entity.prior - rivals_prior, 6) >= _BETTER_KNOWN_NAMESAKE_LEAD
            )
            chosen = named[0].entity if lead >= margin or better_known else None
        else:
            # the threshold and margin, overruled by the learned probability when it is low or high enough;
            # a title cue is evidence the model never saw (it learned from bare names): it vetoes nothing then
            accepted = best.score >= threshold and best.score - runner_up >= margin
            veto = self.settings.link_veto if not query.cues else 0.0
            if accepted and veto > 0.0:
                accepted = link_probability(query, ranked) >= veto
            elif not accepted and self.settings.link_relief < 1.0:
                accepted = link_probability(query, ranked) >= self.settings.link_relief
            if accepted and _one_word_garble(query, best.explanation):
                shortfall = 1.0 - best.explanation.name_similarity
                lead = min(_ONE_WORD_LEAD_CAP, _ONE_WORD_LEAD_SHARE * shortfall)
                accepted = best.score - _rival(best, ranked[1:]) >= lead
            if accepted and _loose_other_name(query, best):
                accepted = False
            if accepted and _loose_surname_of_little_known_person(best):
                accepted = False
            if accepted and self._given_name_alone(query, best):
                accepted = False
            chosen = best.entity if accepted else None
        return Resolution(
            mention=mention,
            entity=chosen,
            score=ranked[0].score,
            candidates=tuple(ranked[: max(0, top_k)]),
            cues=query.cues,
        )

    def resolve_many(
        self,
        mentions: Iterable[str],
        *,
        context: str | Iterable[str] | DocumentContext | None = None,
        types: Iterable[str] | str | None = None,
        top_k: int = 5,
    ) -> list[Resolution]:
        """Resolve every mention, in input order (one result per input, none dropped).

        Raises
        ------
        TypeError
            If ``mentions`` is a str (pass a list) or holds a non-string,
            naming its position.
        """
        if isinstance(mentions, str):
            raise TypeError("mentions must be an iterable of str, not a single str")
        items = list(mentions)
        for position, mention in enumerate(items):
            if not isinstance(mention, str):
                raise TypeError(f"mentions[{position}] must be a str, not {type(mention).__name__}")
        return [self.resolve(m, context=context, types=types, top_k=top_k) for m in items]


def _scored_match(
    query: NormalizedName, matched: _MatchedName, name_match: NameMatch, parts: tuple[float, float, float, float]
) -> _Scored:
    """The ``_Scored`` of ``matched`` from its score parts (score, type factor, bonus, support)."""
    score, type_factor, bonus, support = parts
    return _Scored(
        score * matched.penalty,
        matched.entity_position,
        matched.alias_position,
        matched.name_number,
        query,
        name_match,
        type_factor,
        bonus,
        support,
        matched.penalties,
    )


@lru_cache(maxsize=65_536)
def _name_cues(name: str) -> frozenset[str]:
    """Title cues written in a gazetteer name (الشيخ of the town الشيخ زويد).

    Examples
    --------
    >>> sorted(_name_cues("الشيخ زويد")), sorted(_name_cues("Zuweid"))
    (['sheikh'], [])
    """
    return frozenset(normalize_name(name).cues)


@lru_cache(maxsize=65_536)
def _titled_word(name: str) -> bool:
    """Whether a gazetteer name is one word after a title ("Sheikh Khalifa", الملك سلمان).

    Examples
    --------
    >>> _titled_word("Sheikh Khalifa"), _titled_word("Khalifa Haftar"), _titled_word("Sheikh")
    (True, False, False)
    """
    normalized = normalize_name(name)
    return bool(normalized.cues) and len(normalized.tokens) == 1


def _title_left_out(entity: Entity, alias: str, name_tokens: tuple[str, ...]) -> bool:
    """Whether ``alias`` is a person's title and one word, and the entity has no name of that word alone.

    A person's title only: an organisation's title-like word is part of its
    name (لواء زينبيون, the Zainebiyoun Brigade). Khomeini is named الخميني
    as well as آية الله الخميني.
    """
    if entity.type != "person" or len(name_tokens) != 1 or not _titled_word(alias):
        return False
    return name_tokens not in _untitled_names(entity.names)


@lru_cache(maxsize=16_384)
def _untitled_names(names: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """The tokens of each of an entity's names that carry no title (read once per entity: a king or
    a sheikh has dozens of names, and each of his titled names asks).

    Examples
    --------
    >>> sorted(_untitled_names(("King Salman", "Salman", "Salman bin Abdulaziz")))
    [('salman',), ('salman', 'bin', 'abd', 'aziz')]
    """
    untitled = (normalize_name(name) for name in names)
    return frozenset(normalized.tokens for normalized in untitled if not normalized.cues)


def _without_title(matched: NameMatch, partial_floor: float) -> NameMatch:
    """A match of a titled one-word name by its word alone: the title is a word the mention misses.

    "Khalifa" alone is no more "Sheikh Khalifa" (Khalifa bin Zayed) than it is
    Khalifa Haftar: like a given name alone, it covers half the name.
    """
    factor = partial_floor + (1.0 - partial_floor) * _TITLED_WORD_COVERAGE
    return NameMatch(
        matched.similarity * factor,
        matched.aligned * factor,
        matched.whole * factor,
        matched.coverage * _TITLED_WORD_COVERAGE,
        matched.alignment,
        matched.missed + 1,
    )


#: Normalised tokens of gazetteer names (``normalize_as_name``), by name: read off the index as
#: candidates are made (``Resolver._candidate``), at most ``_NAME_TOKENS_KEPT``.
_name_tokens_seen: dict[str, tuple[str, ...]] = {}
_NAME_TOKENS_KEPT = 65_536


def _loose_surname_of_little_known_person(candidate: Candidate) -> bool:
    """A person less known than ``_LOOSE_SURNAME_MAX_PRIOR`` matched by words of which the one paired with
    the name's last word, the surname, resembles it less than ``_LOOSE_SURNAME_SIMILARITY``.

    A given name is shared by thousands; a surname garbled beyond that resemblance is as often
    another surname. On the MT-noise model's dev seeds 11 and 13, with each sampled entity
    taken out of the gazetteer, 68 and 57 fewer false links; in the closed world 5 and 17 right
    links lost (little-known Wikidata persons), 4 and 6 wrong ones fewer.
    """
    explanation = candidate.explanation
    if candidate.entity.type != "person" or candidate.entity.prior >= _LOOSE_SURNAME_MAX_PRIOR:
        return False
    if len(explanation.alignment) < 2:
        return False
    surname = _name_tokens(explanation.matched_name)[-1]
    return any(
        pair.name_token == surname and pair.similarity < _LOOSE_SURNAME_SIMILARITY for pair in explanation.alignment
    )


def _name_tokens(name: str) -> tuple[str, ...]:
    """The tokens of a gazetteer name as the index holds them (``normalize_as_name``), kept per name.

    Examples
    --------
    >>> _name_tokens("Khalifa Belgasem Haftar")
    ('khalifa', 'belgasem', 'haftar')
    """
    found = _name_tokens_seen.get(name)
    if found is None:
        found = normalize_as_name(name).tokens
        _remember_name_tokens(name, found)
    return found


def _remember_name_tokens(name: str, tokens: tuple[str, ...]) -> None:
    """Keep the normalised tokens of a gazetteer name for ``_name_tokens``."""
    if len(_name_tokens_seen) >= _NAME_TOKENS_KEPT:
        _name_tokens_seen.clear()
    _name_tokens_seen[name] = tokens


def _rounded(value: float) -> float:
    """``round(value, 4)``, without rounding 0.0 and 1.0 (most parts of an explanation; ``round`` formats).

    Examples
    --------
    >>> _rounded(0.123456), _rounded(1.0), _rounded(0.0)
    (0.1235, 1.0, 0.0)
    """
    return value if value == 0.0 or value == 1.0 else round(value, 4)


def _consonants(tokens: Sequence[str]) -> int:
    return sum(len(fine_skeleton(token)) for token in tokens)


def _extra_margin(query: NormalizedName, explanation: Explanation, entity_type: EntityType) -> float:
    """Margin over the runner-up required on top of ``Settings.margin``, for weakly supported matches.

    A title cue is evidence of its own: with one, no extra margin is asked.
    """
    if query.cues:
        return 0.0
    extra = 0.0
    inexact = explanation.name_similarity < 1.0
    if inexact and _consonants(query.tokens) <= _SHORT_NAME_CONSONANTS:
        # one letter changed in a short name makes another real name: a bare short garble
        # must stand clear of the runner-up (the context may settle it instead)
        extra += _SHORT_NAME_EXTRA
    if explanation.missed:
        extra += _PARTIAL_NAME_EXTRA
    if inexact and explanation.query != " ".join(query.tokens):
        extra += _OTHER_READING_EXTRA
    if inexact and _unexplained_words(explanation):
        extra += _UNEXPLAINED_WORD_EXTRA
    if entity_type != "organization" and _reordered(explanation):
        extra += _REORDERED_EXTRA
    if query.script == "arabic" and not query.foreign_letters and has_foreign_letters(explanation.matched_name):
        extra += _FOREIGN_SPELLING_EXTRA
    return extra


def _transliteration_threshold(query: NormalizedName, explanation: Explanation, lead: float) -> float:
    """The threshold of a whole name matched across scripts, far ahead of any other (1.0 otherwise).

    A transliteration never scores as high as the same spelling (the
    cross-script ceiling and the learned model's doubt): "ألمودوبار" and
    "Almodovar" score 0.81. Every mention word aligned with a name of the
    other script, with no name word missed, is accepted from 0.78 when 0.1
    ahead of the next entity and from 0.75 when 0.15 ahead
    (``_TRANSLITERATION_RELIEF``); never a match that names another country
    (``OTHER_COUNTRY``). Chosen on the tuning slice of
    google/transliteration ``train.tsv`` (the rows kept out of training,
    never dev), both directions, the gazetteer of each holding the other
    side's spellings: accepted 76.5 -> 82.1 % (Arabic to Latin) and 76.2 ->
    81.8 % (Latin to Arabic), wrong links unchanged (0.7 and 0.4 %); with half
    the names taken out (open world), false links 1.2 -> 1.4 and 1.5 %; with
    20,000 other training names added as distractors, accepted +2.9 and +2.9,
    wrong +0.1 and +0.1, open-world false links 8.5 -> 9.5 and 8.7 -> 9.5 %;
    on the slice's NETransliteration rows, accepted +3.5 and +3.7 points,
    open-world false links +1.0 and +1.0. A lead of 0.05 adds more right
    links and many more false ones there.

    A name of two words or more, each aligned, is accepted from
    ``_TRANSLITERATION_THRESHOLD_WORDS`` when ``_TRANSLITERATION_LEAD_WORDS``
    ahead: English names read back into Arabic letters word by word ("رامادن
    شيلاه", Ramadan Shalah). Chosen on the MT-noise model's dev seeds 11 and 13
    (never the benchmark's): 69 and 69 more right links among about 8,600
    garbles each, 0 and 1 more wrong; with each sampled entity taken out of
    the gazetteer (open world), 3 and 4 more false links.

    Examples
    --------
    >>> import entity_resolve as er
    >>> er.resolve("رامادن شيلاه").entity.name
    'Ramadan Shalah'
    """
    words = len(explanation.alignment) >= 2
    if explanation.missed or detect_script(explanation.matched_name) == query.script:
        return 1.0
    if len(explanation.alignment) != len(explanation.query.split()) or _names_something_else(explanation):
        return 1.0
    if words:
        return _TRANSLITERATION_THRESHOLD_WORDS if lead >= _TRANSLITERATION_LEAD_WORDS else 1.0
    for least_lead, threshold in _TRANSLITERATION_RELIEF:
        if lead >= least_lead:
            return threshold
    return 1.0


def _relieved_threshold(explanation: Explanation, lead: float) -> float:
    """The threshold of a word-for-word match of a whole name of several words (1.0 for other matches).

    The mention's words before those aligned with the name, if any, are a role
    or a description (``match_name`` weighs them little). Every pair must be
    ``_RELIEF_LEAST_PAIR`` alike, and name no other country (``OTHER_COUNTRY``).
    """
    if explanation.missed or explanation.whole > explanation.aligned or _names_something_else(explanation):
        return 1.0
    if any(pair.similarity < _RELIEF_LEAST_PAIR for pair in explanation.alignment):
        return 1.0  # a word unlike its pair: not every word of the name is there
    # every word of the name, aligned with the mention's last words: before them, a role at most
    # ("قائد قسد مزلوم عبدي": SDF commander Mazloum Abdi)
    aligned = [pair.query_token for pair in explanation.alignment]
    words = len(aligned)
    word_for_word = explanation.query.split()[-words:] == aligned
    if word_for_word:
        for fewest_words, threshold, least_lead in _WHOLE_NAME_RELIEF:
            if words >= fewest_words and lead >= least_lead:
                return threshold
    return 1.0


def _unexplained(words: tuple[str, ...], matched: NameMatch) -> bool:
    """Some of ``words`` is in no pair of ``matched`` as alike as two spellings of one word."""
    explained = {pair.query_token for pair in matched.alignment if pair.similarity >= _SAME_WORD_SIMILARITY}
    return any(word not in explained for word in words)


def _names_something_else(explanation: Explanation) -> bool:
    """The mention names another country than a word of the name (``OTHER_COUNTRY``), or begins with
    an organisation word no name word explains (``ORGANIZATION_WORD``): not all its words are the
    name's, however many align."""
    return any(reason in _OTHER_THING for reason, _factor in explanation.penalties)


def _reordered(explanation: Explanation) -> bool:
    """Whether the mention's words, in their order, pair with the name's words out of order.

    Examples
    --------
    >>> from entity_resolve.score import TokenMatch
    >>> def explained(pairs):
    ...     alignment = tuple(TokenMatch(q, n, 1.0) for q, n in pairs)
    ...     return Explanation("", "Khalifa Belgasem Haftar", alignment, 1.0, 1.0, 0.0, 1.0, 0.5, 1.0, 0.0)
    >>> _reordered(explained([("belgasem", "belgasem"), ("khalifa", "khalifa"), ("haftar", "haftar")]))
    True
    >>> _reordered(explained([("khalifa", "khalifa"), ("haftar", "haftar")]))
    False
    """
    if len(explanation.alignment) < 2:
        return False
    name_tokens = _name_tokens(explanation.matched_name)
    used: set[int] = set()
    positions: list[int] = []
    for pair in explanation.alignment:  # in the mention's order; a repeated word takes its first free place
        position = next((j for j, token in enumerate(name_tokens) if token == pair.name_token and j not in used), None)
        if position is None:
            return False
        used.add(position)
        positions.append(position)
    return positions != sorted(positions)


def _unexplained_words(explanation: Explanation) -> int:
    """Words of the mention (particles aside) in no aligned pair."""
    aligned = {pair.query_token for pair in explanation.alignment}
    return sum(1 for token in explanation.query.split() if token not in aligned and token_weight(token) >= 1.0)


def _one_word_garble(query: NormalizedName, explanation: Explanation) -> bool:
    """A bare one-word mention that matches a name of its own script inexactly, of a little-known
    entity, or of a well-known one that it resembles only loosely (طبرك is no garble of تركيا)."""
    return (
        not query.cues
        and len(query.tokens) == 1
        and explanation.name_similarity < 1.0
        and (explanation.prior < _WELL_KNOWN_PRIOR or explanation.name_similarity < _WELL_KNOWN_MIN_SIMILARITY)
        and detect_script(explanation.matched_name) == query.script
    )


def _loose_other_name(query: NormalizedName, best: Candidate) -> bool:
    """A bare one-word Latin mention matched inexactly with a Latin name of ``best`` other than its main one,
    when that name is an acronym or a place's exonym resembled less than ``_EXONYM_GARBLE_MIN_SIMILARITY``.

    Acronyms are written as they are: "Ouan" is no ONU, "Whaou" no WHO.

    Examples
    --------
    >>> from entity_resolve.gazetteer import Gazetteer
    >>> g = Gazetteer.from_records([
    ...     {"id": "cn", "type": "place", "name": "China", "aliases": ["Chine", "Chiny"], "prior": 0.95},
    ...     {"id": "un", "type": "organization", "name": "United Nations", "aliases": ["UN", "ONU"]}])
    >>> r = Resolver(g)
    >>> [r.resolve(m).entity for m in ("Eschine", "Ouan")]
    [None, None]
    >>> [r.resolve(m).entity.id for m in ("Chine", "Chyna", "ONU")]
    ['cn', 'cn', 'un']
    """
    explanation = best.explanation
    matched = explanation.matched_name
    if query.cues or len(query.tokens) != 1 or query.script != "latin" or explanation.name_similarity >= 1.0:
        return False
    if matched == best.entity.name or detect_script(matched) != "latin":
        return False
    if " " not in matched and matched.isupper():
        return True
    return best.entity.type == "place" and explanation.name_similarity < _EXONYM_GARBLE_MIN_SIMILARITY


def _settled_by_context(
    ranked: Sequence[Candidate], threshold: float, margin: float, full_support: float
) -> Candidate | None:
    """Of entities of the same exact name, the one the context supports, if it settles the choice.

    When the best candidate matches a whole name exactly, so may others (عمان
    is Oman and Amman; Tripoli is in Libya and in Lebanon): their scores then
    differ by importance alone. Of those exact matches scoring ``threshold``
    or more, the one with more ``context_support`` than each other one wins
    when it is within ``margin`` of the best (عمان beside الأردن is Amman), or
    when it has full support (``full_support``: two pieces of evidence) and
    the best has none (Tripoli beside Lebanon). The context is read by
    skeletons and can mislead, so it does not overturn a clear lead on its own
    (Rome beside "جورجيا ميلوني" stays in Italy). None when it settles nothing.
    """
    best = ranked[0]
    if not _exact_candidate(best):
        return None
    namesakes = [c for c in ranked if _exact_candidate(c) and c.score >= threshold]
    if len(namesakes) < 2:
        return None
    supported = max(namesakes, key=lambda c: c.explanation.context_support)
    support = supported.explanation.context_support
    if support <= max(c.explanation.context_support for c in namesakes if c is not supported):
        return None
    tied = best.score - supported.score < margin
    clear = support >= full_support and best.explanation.context_support == 0.0
    return supported if tied or clear else None


def _exact_namesakes(ranked: Sequence[Candidate], threshold: float) -> list[Candidate] | None:
    """The candidates that the mention names exactly, when only they compete, best first.

    An entity's importance is part of every score, so a well-known entity
    can outscore another whose own name the mention is. Only exact matches
    of a whole name, in order, scoring ``threshold`` or more, compete:

    - through an attested name, their main name (``Entity.name``) or an
      alias tagged with a language in ``Entity.extra["lang"]``, unless the
      best candidate matches through an untagged alias. "السويداء" is
      Suwayda's own name, though Sweden (السويد) is better known;
      "منظمة السياحة العالمية" is the World Tourism Organization, not the
      World Health Organization; "Abdulaziz bin Salman" is not his father
      Salman bin Abdulaziz; the "International Energy Agency" is not the
      IAEA. Exact matches through untagged aliases (GeoNames' names of no
      language) come after them as rivals: they cannot win, but they keep
      the margin (بلال is a given name, a little-known person and a
      village), unless the best attested one is of ``_UNCONTESTED_PRIOR``
      or more (Homs is Homs, not Khoms, which lists "Homs" among its names;
      صور is Tyre, not Sur in Oman). A garble that happens to spell an
      untagged alias (فازان, a name of Agen) is thus no evidence against the
      entity it garbles.
    - through their main name, when the best candidate matches through an
      untagged alias. "Islamabad" is also an old name of Chattogram, a
      larger city than Islamabad; "Salisbury" one of Harare.

    The winner is the first, if it leads every other one by the margin.
    None when no candidate qualifies.
    """
    best = ranked[0]
    exact = [c for c in ranked if _exact_in_order(c) and c.score >= threshold]
    if _exact_in_order(best) and not _attested_match(best):
        return [c for c in exact[1:] if c.explanation.matched_name == c.entity.name] or None
    attested = [c for c in exact if _attested_match(c)]
    if not attested:
        return None
    if attested[0].entity.prior >= _UNCONTESTED_PRIOR:
        return attested  # Homs is Homs, though Khoms lists "Homs" among its untagged names
    return [*attested, *(c for c in exact if c not in attested)]


def _spelling_the_titles(mention: str, named: list[Candidate]) -> list[Candidate]:
    """Of exact matches of a mention with titles, those whose name spells the most of its words.

    A title word may be part of a name: "الفريق قايد صالح" is General Ahmed
    Gaïd Salah, not commander (قائد) Saleh; "لواء جولاني" is the Golani
    Brigade, not general (لواء) al-Julani. A name that spells more of the
    words as written, titles included, counted from the end, is better
    evidence than one matching what is left without them.

    A proclitic on the title is no part of it: "واللواء عباس إبراهيم" (and Major
    General Abbas Ibrahim) spells اللواء عباس إبراهيم.

    Examples
    --------
    >>> _spelling_the_titles("Haftar", [])
    []
    """
    written = normalize_name(mention, titles=False).tokens
    # each written word as spelt, and without its proclitics ("واللواء" spells اللواء)
    spellings = [
        {word, *(form for bare in strip_proclitics(word) for form in normalize_name(bare, titles=False).tokens[:1])}
        for word in written
    ]

    def words_spelt(candidate: Candidate) -> int:
        name = normalize_name(candidate.explanation.matched_name, titles=False).tokens
        if not 0 < len(name) <= len(written):
            return 0
        offset = len(written) - len(name)
        return len(name) if all(word in spellings[offset + k] for k, word in enumerate(name)) else 0

    spelt = [words_spelt(candidate) for candidate in named]
    most = max(spelt, default=0)
    return [candidate for candidate, count in zip(named, spelt, strict=True) if count == most]


def _spelt_as_named(candidate: Candidate) -> bool:
    """Whether every word of the matched name is aligned with a word of the mention, none left out.

    "Central Bank" matches Saudi Central Bank whole when the context names a
    country (its country word may be left out), but it is no namesake of it.
    """
    explanation = candidate.explanation
    return len(explanation.alignment) == len(normalize_as_name(explanation.matched_name).tokens)


def _attested_match(candidate: Candidate) -> bool:
    """Whether the candidate matched through its main name or an alias tagged with a language."""
    return candidate.explanation.matched_name == candidate.entity.name or _tagged_match(candidate)


def _tagged_match(candidate: Candidate) -> bool:
    """Whether the candidate matched through a name that a language tag attests (``Entity.extra["lang"]``)."""
    return candidate.explanation.matched_name in candidate.entity.extra.get("lang", {})


def _exact_in_order(candidate: Candidate) -> bool:
    return _exact_candidate(candidate) and not _reordered(candidate.explanation)


def _exact_candidate(candidate: Candidate) -> bool:
    return _exact_whole(candidate.explanation.name_similarity, candidate.explanation.coverage)


def _stands_for_entity(scored: _Scored, current: _Scored) -> bool:
    """Whether ``scored`` rather than ``current`` (another match of the same entity) represents it.

    The higher score wins, except that an exact match of a whole name wins
    over an inexact one scoring less than ``_EXACT_READING_EDGE`` more:
    "وحماس" read as و + حماس (exact, through the clitic reading) is better
    evidence than وحماس ~ حماس (the و taken for a vowel), though the clitic
    reading pays the reading factor.
    """
    exact = _exact_whole(scored.matched.similarity, scored.matched.coverage)
    current_exact = _exact_whole(current.matched.similarity, current.matched.coverage)
    if exact and not current_exact:
        return scored.score > current.score - _EXACT_READING_EDGE
    if current_exact and not exact:
        return scored.score > current.score + _EXACT_READING_EDGE
    return scored.score > current.score


def _exact_whole(similarity: float, coverage: float) -> bool:
    """A match of a whole name, exact: the same words, every one of the name's covered."""
    return similarity >= 1.0 and coverage >= 1.0


def _rival(best: Candidate, others: Sequence[Candidate]) -> float:
    """Score of the best other candidate that matches another name as completely as ``best`` (0.0 if none).

    A rival matching part of a longer name only needs a wide margin of its own to win,
    so it does not count against a candidate that matches a whole name; a namesake
    (the same name words matched) is left to the ordinary margin.
    """
    complete = best.explanation.missed == 0
    words = _matched_words(best)
    return max(
        (c.score for c in others if not (complete and c.explanation.missed) and _matched_words(c) != words),
        default=0.0,
    )


def _matched_words(candidate: Candidate) -> tuple[str, ...]:
    return tuple(sorted(pair.name_token for pair in candidate.explanation.alignment))


def _wanted_types(types: Iterable[str] | str | None) -> frozenset[str] | None:
    if types is None:
        return None
    wanted = frozenset((types,) if isinstance(types, str) else types)
    unknown = wanted - {"person", "organization", "place"}
    if unknown:
        raise ValueError(f"unknown entity type(s): {', '.join(sorted(unknown))}")
    return wanted


_resolvers: weakref.WeakKeyDictionary[Gazetteer, Resolver] = weakref.WeakKeyDictionary()
_resolvers_lock = threading.Lock()


def resolver_for(gazetteer: Gazetteer | None = None, resolver: Resolver | None = None) -> Resolver:
    """The resolver to use: ``resolver`` if given, else the one of ``gazetteer``.

    The resolver of each gazetteer (the built-in one for None) is built once
    and kept while the gazetteer lives.

    Raises
    ------
    TypeError
        If ``gazetteer`` or ``resolver`` is of the wrong type.
    ValueError
        If both are given and the resolver serves another gazetteer.
    """
    if resolver is not None:
        if not isinstance(resolver, Resolver):
            raise TypeError(f"resolver must be a Resolver, not {type(resolver).__name__}")
        if gazetteer is not None and resolver.gazetteer is not gazetteer:
            raise ValueError("resolver and gazetteer disagree: pass one of them")
        return resolver
    if gazetteer is not None and not isinstance(gazetteer, Gazetteer):
        raise TypeError(f"gazetteer must be a Gazetteer, not {type(gazetteer).__name__}")
    if gazetteer is None:
        gazetteer = Gazetteer.default()
    with _resolvers_lock:
        resolver = _resolvers.get(gazetteer)
        if resolver is None:
            resolver = Resolver(None if gazetteer is Gazetteer.default() else gazetteer)
            _resolvers[gazetteer] = resolver
        return resolver


def resolve(
    mention: str,
    *,
    gazetteer: Gazetteer | None = None,
    context: str | Iterable[str] | DocumentContext | None = None,
    types: Iterable[str] | str | None = None,
    top_k: int = 5,
) -> Resolution:
    """Resolve one mention; see ``Resolver.resolve``.

    The resolver of each gazetteer (the built-in one for ``gazetteer=None``) is
    built once and kept while the gazetteer lives.
    """
    if not isinstance(mention, str):
        raise TypeError(f"mention must be a str, not {type(mention).__name__}")
    return resolver_for(gazetteer).resolve(mention, context=context, types=types, top_k=top_k)
