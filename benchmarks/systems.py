"""The systems compared by the benchmarks: entity_resolve and baselines.

Every system answers a list of mentions with ``Prediction`` objects (entity
ids best first and the accepted id or None), so one set of metrics serves all.

- ``entity_resolve``: ``Resolver.resolve_many(mentions, top_k=5)``.
- ``exact``: the normalised tokens of ``entity_resolve.normalize.normalize_name``
  joined; a mention links when exactly one entity has a name with that key.
- ``rapidfuzz``: brute force over every name with ``fuzz.WRatio`` and
  ``utils.default_process``, the top name accepted at a score of at least 85.
  Equivalent to ``process.extractOne(query, names, scorer=WRatio,
  processor=default_process)``, computed with ``process.cdist`` on all cores
  (ties go to the first name, as with extractOne); the ranking goes on to
  the next distinct entities for acc@5. Raw strings: across scripts it finds
  nothing, and that is the point of the row.
- ``anyascii+rapidfuzz``: the same after ``anyascii`` on both sides.
- ``metaphone``: ``jellyfish.metaphone`` of each token of the anyascii form;
  a mention links when exactly one entity has a name with the same code.
- ``rigour``: a small matcher built from OpenSanctions ``rigour`` primitives
  (name-part symbols from its Wikidata synonym groups, its budgeted
  Levenshtein, metaphone); not nomenklatura's full logic. Only when importable.
- ``nomenklatura logic-v2`` and ``nomenklatura name-based``: blocker +
  nomenklatura scoring (``NomenklaturaSystem``): the candidates of an
  ``AnyasciiBlocker`` scored by OpenSanctions ``nomenklatura``'s algorithm as
  FollowTheMoney entities, linked at ``NOMENKLATURA_THRESHOLD``. Only when
  importable (the ``bench`` extra).

Examples
--------
>>> from entity_resolve import Gazetteer
>>> g = Gazetteer.from_records([
...     {"id": "a", "type": "person", "name": "Khalifa Haftar", "aliases": ["خليفة حفتر"]},
...     {"id": "b", "type": "person", "name": "Fayez al-Sarraj"},
... ])
>>> table = NameTable.from_entities(list(g))
>>> ExactSystem(table).predict(["khalifa  HAFTAR", "Haftar"])[0]
Prediction(ranked=('a',), accepted='a')
>>> FuzzySystem(table).predict(["Khalifa Hafter"])[0].accepted
'a'
"""

from __future__ import annotations

import bisect
import hashlib
import importlib
import importlib.util
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import jellyfish
import numpy as np
from rapidfuzz import fuzz, process, utils

import entity_resolve as er
from entity_resolve.gazetteer import Entity
from entity_resolve.normalize import normalize_name

__all__ = [
    "BLOCKER_ENTITIES",
    "BLOCKER_NAMES",
    "FTM_SCHEMATA",
    "FUZZY_CUTOFF",
    "NOMENKLATURA_ALGORITHMS",
    "NOMENKLATURA_THRESHOLD",
    "TOP_K",
    "AnyasciiBlocker",
    "ExactSystem",
    "FuzzySystem",
    "MetaphoneSystem",
    "NameTable",
    "NomenklaturaSystem",
    "Prediction",
    "ResolverSystem",
    "RigourSystem",
    "System",
    "anyascii_available",
    "anyascii_text",
    "ftm_proxy",
    "nomenklatura_available",
    "rigour_available",
]

#: Candidates kept per query (acc@5 needs five).
TOP_K = 5
#: rapidfuzz WRatio score (0-100) at which the brute-force baselines accept.
FUZZY_CUTOFF = 85.0
#: Score matrix cells per cdist chunk (float32: 4 bytes each).
CDIST_CELLS = 12_000_000
#: Names examined per query when walking the brute-force ranking to distinct entities.
FUZZY_POOL = 64
#: rigour matcher: candidate names scored per query, and the acceptance score.
RIGOUR_POOL = 200
RIGOUR_THRESHOLD = 0.7
#: nomenklatura algorithms benchmarked (``nomenklatura.matching.get_algorithm`` names).
NOMENKLATURA_ALGORITHMS = ("logic-v2", "name-based")
#: Link at this score or more. nomenklatura's algorithms define no threshold of
#: their own; 0.7 is the default match threshold of OpenSanctions' matching API (yente).
NOMENKLATURA_THRESHOLD = 0.7
#: Blocker of the nomenklatura systems: best names read, distinct entities kept.
BLOCKER_NAMES = 100
BLOCKER_ENTITIES = 30
#: FollowTheMoney schema of each gazetteer entity type.
FTM_SCHEMATA = {"person": "Person", "organization": "Organization", "place": "Address"}


@dataclass(frozen=True, slots=True)
class Prediction:
    """A system's answer: entity ids best first, and the accepted id (None: abstain)."""

    ranked: tuple[str, ...]
    accepted: str | None


class System(Protocol):
    """What the benchmarks need of a system."""

    name: str
    #: Brute force: run on a query sample when the gazetteer is large.
    slow: bool

    def predict(self, mentions: Sequence[str]) -> list[Prediction]:
        """One prediction per mention, in order."""
        ...


@dataclass(frozen=True, slots=True)
class NameTable:
    """Every name of every entity, flattened: ``names[i]`` belongs to ``ids[owner[i]]``."""

    names: tuple[str, ...]
    owner: tuple[int, ...]
    ids: tuple[str, ...]
    priors: tuple[float, ...]
    types: tuple[str, ...]

    @classmethod
    def from_entities(cls, entities: Sequence[Entity]) -> NameTable:
        """Flatten the names of ``entities`` (in order)."""
        names: list[str] = []
        owner: list[int] = []
        for position, entity in enumerate(entities):
            for name in dict.fromkeys(entity.names):
                names.append(name)
                owner.append(position)
        return cls(
            names=tuple(names),
            owner=tuple(owner),
            ids=tuple(e.id for e in entities),
            priors=tuple(e.prior for e in entities),
            types=tuple(e.type for e in entities),
        )

    def names_of(self, entity_position: int) -> tuple[str, ...]:
        """The names of one entity (``owner`` is sorted: entities are flattened in order)."""
        start = bisect.bisect_left(self.owner, entity_position)
        return self.names[start : bisect.bisect_right(self.owner, entity_position, lo=start)]

    def order(self, entity_positions: set[int]) -> list[str]:
        """Entity ids by decreasing prior, then id."""
        ranked = sorted(entity_positions, key=lambda p: (-self.priors[p], self.ids[p]))
        return [self.ids[p] for p in ranked]


def anyascii_available() -> bool:
    """Whether ``anyascii`` (the ``bench`` extra) can be imported."""
    return importlib.util.find_spec("anyascii") is not None


def anyascii_text(text: str) -> str:
    """ASCII transliteration with ``anyascii``.

    Examples
    --------
    >>> anyascii_text("خليفة حفتر")
    'khlyfh hftr'
    """
    from anyascii import anyascii

    return str(anyascii(text))


def _unique_key_prediction(table: NameTable, index: dict[str, set[int]], key: str) -> Prediction:
    ids = table.order(index.get(key, set())) if key else []
    return Prediction(ranked=tuple(ids[:TOP_K]), accepted=ids[0] if len(ids) == 1 else None)


def _build_key_index(table: NameTable, key: Callable[[str], str]) -> dict[str, set[int]]:
    index: dict[str, set[int]] = {}
    for name, owner in zip(table.names, table.owner, strict=True):
        code = key(name)
        if code:
            index.setdefault(code, set()).add(owner)
    return index


# -- entity_resolve -----------------------------------------------------------------
class ResolverSystem:
    """``entity_resolve.Resolver`` as a benchmark system."""

    slow = False

    def __init__(self, resolver: er.Resolver, name: str = "entity_resolve") -> None:
        self.resolver = resolver
        self.name = name

    def predict(self, mentions: Sequence[str]) -> list[Prediction]:
        """Resolve every mention with ``resolve_many``."""
        return [
            Prediction(
                ranked=tuple(c.entity.id for c in r.candidates),
                accepted=None if r.entity is None else r.entity.id,
            )
            for r in self.resolver.resolve_many(list(mentions), top_k=TOP_K)
        ]


# -- exact and phonetic keys --------------------------------------------------------
def exact_key(text: str) -> str:
    """Normalised tokens joined by spaces.

    Examples
    --------
    >>> exact_key("Gen. Khalifa HAFTAR")
    'khalifa haftar'
    """
    return " ".join(normalize_name(text).tokens)


def metaphone_key(text: str) -> str:
    """Metaphone codes of the tokens of the anyascii form, joined.

    Examples
    --------
    >>> metaphone_key("خليفة حفتر"), metaphone_key("Khalifa Haftar")
    ('KHLFH HFTR', 'KHLF HFTR')
    """
    tokens = utils.default_process(anyascii_text(text)).split()
    return " ".join(jellyfish.metaphone(token) for token in tokens)


class ExactSystem:
    """Exact match of normalised names; links only a unique entity."""

    slow = False
    name = "exact"

    def __init__(self, table: NameTable) -> None:
        self.table = table
        self.index = _build_key_index(table, exact_key)

    def predict(self, mentions: Sequence[str]) -> list[Prediction]:
        """Look every mention's key up."""
        return [_unique_key_prediction(self.table, self.index, exact_key(m)) for m in mentions]


class MetaphoneSystem:
    """Exact match of metaphone codes of the anyascii form; links only a unique entity."""

    slow = False
    name = "metaphone"

    def __init__(self, table: NameTable) -> None:
        self.table = table
        self.index = _build_key_index(table, metaphone_key)

    def predict(self, mentions: Sequence[str]) -> list[Prediction]:
        """Look every mention's code up."""
        return [_unique_key_prediction(self.table, self.index, metaphone_key(m)) for m in mentions]


# -- brute-force rapidfuzz ------------------------------------------------------------
class FuzzySystem:
    """Brute-force rapidfuzz WRatio over every name (optionally after anyascii)."""

    slow = True

    def __init__(self, table: NameTable, *, transliterate: bool = False, cutoff: float = FUZZY_CUTOFF) -> None:
        self.table = table
        self.transliterate = transliterate
        self.cutoff = cutoff
        self.name = "anyascii+rapidfuzz" if transliterate else "rapidfuzz"
        self.choices = [self._process(name) for name in table.names]

    def _process(self, text: str) -> str:
        return str(utils.default_process(anyascii_text(text) if self.transliterate else text))

    def predict(self, mentions: Sequence[str]) -> list[Prediction]:
        """Score every mention against every name, chunk by chunk on all cores."""
        queries = [self._process(m) for m in mentions]
        chunk = max(1, CDIST_CELLS // max(1, len(self.choices)))
        predictions: list[Prediction] = []
        for start in range(0, len(queries), chunk):
            block = queries[start : start + chunk]
            scores = process.cdist(
                block, self.choices, scorer=fuzz.WRatio, processor=None, dtype=np.float32, workers=-1
            )
            predictions.extend(self._rank(row) for row in scores)
        return predictions

    def _rank(self, row: np.ndarray) -> Prediction:
        pool = min(FUZZY_POOL, row.size)
        if pool == 0:
            return Prediction(ranked=(), accepted=None)
        top = np.argpartition(-row, pool - 1)[:pool]
        top = top[np.lexsort((top, -row[top]))]
        ranked: list[str] = []
        for name_position in top:
            if row[name_position] <= 0:
                break
            entity_id = self.table.ids[self.table.owner[int(name_position)]]
            if entity_id not in ranked:
                ranked.append(entity_id)
            if len(ranked) == TOP_K:
                break
        accepted = ranked[0] if ranked and row[top[0]] >= self.cutoff else None
        return Prediction(ranked=tuple(ranked), accepted=accepted)


# -- rigour -----------------------------------------------------------------------
def rigour_available() -> bool:
    """Whether OpenSanctions ``rigour`` can be imported."""
    return importlib.util.find_spec("rigour") is not None


@dataclass(frozen=True, slots=True)
class _RigourName:
    forms: tuple[str, ...]
    symbols: tuple[frozenset[str], ...]
    phonetic: tuple[str | None, ...]


def _tagged_person_name(text: str) -> Any:
    """``text`` as a rigour ``Name`` with its person-name symbols, in rigour 1.x or 2.x.

    rigour 1.x (the ``build`` extra) tags with ``tag_person_name``; rigour 2.x
    (pulled in by nomenklatura, the ``bench`` extra) with ``analyze_names``,
    here without its prefix rewriting, as 1.x did none.
    """
    rigour_names: Any = importlib.import_module("rigour.names")
    if hasattr(rigour_names, "tag_person_name"):
        return rigour_names.tag_person_name(rigour_names.Name(text), rigour_names.normalize_name)
    analysed = rigour_names.analyze_names(rigour_names.NameTypeTag.PER, [text], consolidate=False, rewrite=False)
    return next(iter(analysed)) if analysed else rigour_names.Name(text)


def _rigour_name(text: str) -> _RigourName:
    from rigour.names import Symbol

    name = _tagged_person_name(text)
    symbols: list[set[str]] = [set() for _ in name.parts]
    for span in name.spans:
        if span.symbol.category == Symbol.Category.INITIAL:
            continue
        for part in span.parts:
            symbols[name.parts.index(part) if part.index is None else part.index].add(str(span.symbol))
    return _RigourName(
        forms=tuple(p.comparable for p in name.parts),
        symbols=tuple(frozenset(s) for s in symbols),
        phonetic=tuple(p.metaphone for p in name.parts),
    )


def _rigour_part_similarity(query: _RigourName, i: int, name: _RigourName, j: int) -> float:
    from rigour.text.distance import levenshtein_similarity

    if query.symbols[i] & name.symbols[j] or query.forms[i] == name.forms[j]:
        return 1.0
    return float(levenshtein_similarity(query.forms[i], name.forms[j]))


def _rigour_similarity(query: _RigourName, name: _RigourName) -> float:
    """Greedy one-to-one alignment of parts, scored like a Dice coefficient."""
    if not query.forms or not name.forms:
        return 0.0
    used: set[int] = set()
    total = 0.0
    for i in range(len(query.forms)):
        best, best_j = 0.0, -1
        for j in range(len(name.forms)):
            if j not in used:
                similarity = _rigour_part_similarity(query, i, name, j)
                if similarity > best:
                    best, best_j = similarity, j
        if best_j >= 0:
            used.add(best_j)
            total += best
    return 2.0 * total / (len(query.forms) + len(name.forms))


class RigourSystem:
    """Candidates by shared rigour symbols, forms or metaphone codes; Dice score of aligned parts."""

    slow = False
    name = "rigour"

    def __init__(self, table: NameTable) -> None:
        self.table = table
        self.parsed = [_rigour_name(name) for name in table.names]
        self.postings: dict[str, list[int]] = {}
        for position, parsed in enumerate(self.parsed):
            for key in set(self._keys(parsed)):
                self.postings.setdefault(key, []).append(position)

    @staticmethod
    def _keys(parsed: _RigourName) -> list[str]:
        keys = [f"f:{form}" for form in parsed.forms]
        keys += [f"p:{code}" for code in parsed.phonetic if code]
        keys += [f"s:{symbol}" for symbols in parsed.symbols for symbol in symbols]
        return keys

    def _predict_one(self, mention: str) -> Prediction:
        query = _rigour_name(mention)
        hits: Counter[int] = Counter()
        for key in set(self._keys(query)):
            hits.update(self.postings.get(key, ()))
        pool = sorted(hits.items(), key=lambda item: (-item[1], item[0]))[:RIGOUR_POOL]
        best: dict[int, float] = {}
        for name_position, _ in pool:
            owner = self.table.owner[name_position]
            score = _rigour_similarity(query, self.parsed[name_position])
            best[owner] = max(best.get(owner, 0.0), score)
        ranked = sorted(best.items(), key=lambda item: (-item[1], -self.table.priors[item[0]], item[0]))
        ranked = [(owner, score) for owner, score in ranked if score > 0][:TOP_K]
        clear = len(ranked) == 1 or (len(ranked) > 1 and ranked[0][1] > ranked[1][1])
        accepted = ranked[0][0] if ranked and ranked[0][1] >= RIGOUR_THRESHOLD and clear else None
        return Prediction(
            ranked=tuple(self.table.ids[o] for o, _ in ranked),
            accepted=None if accepted is None else self.table.ids[accepted],
        )

    def predict(self, mentions: Sequence[str]) -> list[Prediction]:
        """Match every mention."""
        return [self._predict_one(m) for m in mentions]


# -- nomenklatura -------------------------------------------------------------------
def nomenklatura_available() -> bool:
    """Whether OpenSanctions ``nomenklatura`` (the ``bench`` extra) and ``anyascii`` can be imported."""
    return importlib.util.find_spec("nomenklatura") is not None and anyascii_available()


def _top_entities(row: np.ndarray, table: NameTable, names: int, entities: int) -> tuple[int, ...]:
    """Entity positions owning the best-scored names of ``row`` (score > 0), best first, distinct."""
    pool = min(names, row.size)
    if pool == 0:
        return ()
    top = np.argpartition(-row, pool - 1)[:pool]
    top = top[np.lexsort((top, -row[top]))]
    owners: dict[int, None] = {}
    for name_position in top:
        if row[name_position] <= 0 or len(owners) == entities:
            break
        owners.setdefault(table.owner[int(name_position)], None)
    return tuple(owners)


class AnyasciiBlocker:
    """Candidate entities of a mention: the owners of its best names by rapidfuzz WRatio after anyascii.

    Both sides go through ``anyascii`` and ``utils.default_process``; every
    name of the table is scored (``process.cdist``), the ``names`` best are
    read in order of score (ties: table order) and their first ``entities``
    distinct owners kept. Answers are cached per mention, so systems that
    share a blocker pay for it once.
    """

    def __init__(self, table: NameTable, *, names: int = BLOCKER_NAMES, entities: int = BLOCKER_ENTITIES) -> None:
        self.table = table
        self.names = names
        self.entities = entities
        self.choices = [str(utils.default_process(anyascii_text(name))) for name in table.names]
        self._found: dict[str, tuple[int, ...]] = {}

    def candidates(self, mentions: Sequence[str]) -> list[tuple[int, ...]]:
        """Entity positions of the candidates of every mention, best first."""
        missing = [m for m in dict.fromkeys(mentions) if m not in self._found]
        chunk = max(1, CDIST_CELLS // max(1, len(self.choices)))
        for start in range(0, len(missing), chunk):
            block = missing[start : start + chunk]
            queries = [str(utils.default_process(anyascii_text(m))) for m in block]
            scores = process.cdist(
                queries, self.choices, scorer=fuzz.WRatio, processor=None, dtype=np.float32, workers=-1
            )
            for mention, row in zip(block, scores, strict=True):
                self._found[mention] = _top_entities(row, self.table, self.names, self.entities)
        return [self._found[m] for m in mentions]


def _proxy_id(*parts: str) -> str:
    """A content-derived FtM id: nomenklatura caches name analysis by entity id, process-wide."""
    return "er-" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def ftm_proxy(schema: str, names: Sequence[str]) -> Any:
    """A FollowTheMoney entity of ``schema``: the first name in ``name``, the others in ``alias``.

    An ``Address`` gets every name in ``full`` as well (logic-v2 compares
    addresses by ``full``; its name matcher skips addresses).

    Examples
    --------
    >>> proxy = ftm_proxy("Person", ["Khalifa Haftar", "خليفة حفتر"])  # doctest: +SKIP
    >>> proxy.get("name"), proxy.get("alias")  # doctest: +SKIP
    (['Khalifa Haftar'], ['خليفة حفتر'])
    """
    from followthemoney import model

    proxy = model.make_entity(schema)
    proxy.id = _proxy_id(schema, *names)
    proxy.add("name", names[0])
    proxy.add("alias", list(names[1:]))
    if schema == "Address":
        proxy.add("full", list(names))
    return proxy


class NomenklaturaSystem:
    """Blocker + nomenklatura scoring: one OpenSanctions ``nomenklatura.matching`` algorithm.

    The candidates are those of an ``AnyasciiBlocker`` (anyascii + rapidfuzz
    WRatio over every name, the first ``BLOCKER_ENTITIES`` distinct entities
    among the ``BLOCKER_NAMES`` best names), so a gold entity the blocker
    misses is missed. Each candidate becomes a FollowTheMoney entity of the
    schema ``FTM_SCHEMATA`` gives its type (names in ``name`` and ``alias``),
    the mention a ``LegalEntity`` (an ``Address`` against places), and
    ``algorithm.compare(query, candidate, algorithm.default_config())``
    scores it. Candidates scored above 0 are ranked by score (ties: prior,
    then id); the best is linked at ``NOMENKLATURA_THRESHOLD`` or more.
    Systems sharing a blocker share its answers: the first to see a mention
    pays for blocking it.
    """

    slow = True

    def __init__(self, table: NameTable, algorithm: str, blocker: AnyasciiBlocker) -> None:
        from nomenklatura.matching import get_algorithm

        found = get_algorithm(algorithm)
        if found is None:
            raise ValueError(f"nomenklatura has no matching algorithm {algorithm!r}")
        self.table = table
        self.blocker = blocker
        self.algorithm = found
        self.config = found.default_config()
        self.name = f"nomenklatura {algorithm}"
        self._candidates: dict[int, Any] = {}

    def _candidate(self, position: int) -> Any:
        proxy = self._candidates.get(position)
        if proxy is None:
            proxy = ftm_proxy(FTM_SCHEMATA[self.table.types[position]], self.table.names_of(position))
            self._candidates[position] = proxy
        return proxy

    def _predict_one(self, mention: str, candidates: Sequence[int]) -> Prediction:
        queries: dict[str, Any] = {}
        scored: list[tuple[float, int]] = []
        for position in candidates:
            candidate = self._candidate(position)
            schema = "Address" if candidate.schema.name == "Address" else "LegalEntity"
            if schema not in queries:
                queries[schema] = ftm_proxy(schema, [mention])
            score = float(self.algorithm.compare(queries[schema], candidate, self.config).score)
            if score > 0:
                scored.append((score, position))
        scored.sort(key=lambda item: (-item[0], -self.table.priors[item[1]], self.table.ids[item[1]]))
        ranked = tuple(self.table.ids[p] for _, p in scored[:TOP_K])
        accepted = ranked[0] if scored and scored[0][0] >= NOMENKLATURA_THRESHOLD else None
        return Prediction(ranked=ranked, accepted=accepted)

    def predict(self, mentions: Sequence[str]) -> list[Prediction]:
        """Block every mention, then score its candidates with the algorithm."""
        blocked = self.blocker.candidates(mentions)
        return [self._predict_one(m, c) for m, c in zip(mentions, blocked, strict=True)]
