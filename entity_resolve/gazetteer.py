"""Gazetteer: the read-only collection of entities that mentions resolve to.

Records are dictionaries (see ``data/gazetteer/README.md`` for the schema):
``{"id", "type", "name", "aliases", ...optional}``. ``Gazetteer.load`` reads
JSON Lines, CSV and TSV files; every malformed record raises ``ValueError``
naming the file and line.

Examples
--------
>>> g = Gazetteer.from_records([
...     {"id": "p1", "type": "person", "name": "Khalifa Haftar", "aliases": ["خليفة حفتر"]},
... ])
>>> len(g), "p1" in g, g["p1"].names
(1, True, ('Khalifa Haftar', 'خليفة حفتر'))
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, overload

__all__ = ["DEFAULT_PRIOR", "ENTITY_TYPES", "Entity", "EntityType", "Gazetteer"]

EntityType = Literal["person", "organization", "place"]
ENTITY_TYPES: frozenset[str] = frozenset({"person", "organization", "place"})
#: Importance of an entity whose record gives none.
DEFAULT_PRIOR = 0.5
_TYPE_ALIASES = {"organisation": "organization", "org": "organization", "location": "place"}
_DEFAULT_FILE = "gazetteer.jsonl"
_LIST_SEPARATOR = "|"


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity of a gazetteer.

    Attributes
    ----------
    id : str
        Stable identifier (``person:khalifa-haftar``, ``gn:2210247``, ...).
    type : {"person", "organization", "place"}
    name : str
        Canonical name, Latin script.
    names : tuple of str
        Every known name, all scripts, canonical name first.
    country : str or None
        ISO 3166-1 alpha-2 code.
    description : str or None
    wikidata : str or None
    prior : float
        Importance in [0, 1] (population, prominence); breaks ties.
    source : str or None
    """

    id: str
    type: EntityType
    name: str
    names: tuple[str, ...]
    country: str | None = None
    description: str | None = None
    wikidata: str | None = None
    prior: float = DEFAULT_PRIOR
    source: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def _repr_html_(self) -> str:
        """Notebook display: name, id, type, country and other names."""
        from .display import entity_html

        return entity_html(self)


_KNOWN_FIELDS = frozenset({"id", "type", "name", "aliases", "country", "description", "wikidata", "prior", "source"})


def _as_names(value: Any, where: str) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        value = value.split(_LIST_SEPARATOR)
    elif not isinstance(value, list | tuple):
        raise ValueError(f"{where}: 'aliases' must be a list of strings")
    if not set(map(type, value)) <= {str}:
        raise ValueError(f"{where}: 'aliases' must be a list of strings")
    return [alias for alias in map(str.strip, value) if alias]


def _as_prior(value: Any, where: str) -> float:
    if value is None or value == "":
        return DEFAULT_PRIOR
    try:
        prior = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{where}: 'prior' must be a number") from None
    if not 0.0 <= prior <= 1.0:  # also false for NaN
        raise ValueError(f"{where}: 'prior' must lie in [0, 1], got {prior}")
    return prior


def entity_from_record(record: Mapping[str, Any], origin: str = "record") -> Entity:
    """Validate one record and build its ``Entity``.

    Raises
    ------
    ValueError
        On a missing id, an unknown type, an empty name, bad aliases or a prior
        outside [0, 1]; the message starts with ``origin`` (file:line).

    Examples
    --------
    >>> entity_from_record({"id": "x", "type": "org", "name": "NATO", "aliases": "ناتو|OTAN"}).names
    ('NATO', 'ناتو', 'OTAN')
    >>> entity_from_record({"id": "x", "type": "planet", "name": "Mars"})
    Traceback (most recent call last):
    ...
    ValueError: record (id 'x'): unknown type 'planet' (expected one of organization, person, place)
    """
    if not isinstance(record, Mapping):
        raise ValueError(f"{origin}: a record must be a mapping, not {type(record).__name__}")
    entity_id = record.get("id")
    entity_id = "" if entity_id is None else str(entity_id).strip()
    if not entity_id:
        raise ValueError(f"{origin}: missing 'id'")
    where = f"{origin} (id {entity_id!r})"
    raw_type = record.get("type")
    entity_type = raw_type if raw_type in ENTITY_TYPES else str(raw_type or "").strip().lower()
    entity_type = _TYPE_ALIASES.get(entity_type, entity_type)
    if entity_type not in ENTITY_TYPES:
        expected = ", ".join(sorted(ENTITY_TYPES))
        raise ValueError(f"{where}: unknown type {entity_type!r} (expected one of {expected})")
    name = record.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: empty or missing 'name'")
    name = name.strip()
    names = tuple(dict.fromkeys([name, *_as_names(record.get("aliases"), where)]))
    extra = {k: v for k, v in record.items() if k not in _KNOWN_FIELDS} if len(record) > 4 else {}
    return Entity(
        id=entity_id,
        type=entity_type,  # type: ignore[arg-type]
        name=name,
        names=names,
        country=record.get("country") or None,
        description=record.get("description") or None,
        wikidata=record.get("wikidata") or None,
        prior=_as_prior(record.get("prior"), where),
        source=record.get("source") or None,
        extra=extra,
    )


def _read_jsonl(data: bytes, path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    decode = json.JSONDecoder().decode
    for number, line in enumerate(data.decode("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = decode(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number}: invalid JSON ({error.msg})") from None
        yield f"{path}:{number}", record


def _read_delimited(data: bytes, path: Path, delimiter: str) -> Iterator[tuple[str, dict[str, Any]]]:
    with io.StringIO(data.decode("utf-8"), newline="") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        if reader.fieldnames is None or not {"id", "type", "name"} <= set(reader.fieldnames):
            raise ValueError(f"{path}:1: header must name at least id, type and name")
        for row in reader:
            origin = f"{path}:{reader.line_num}"
            if None in row:
                raise ValueError(f"{origin}: more fields than the header names")
            yield origin, {k: v for k, v in row.items() if v not in (None, "")}


class Gazetteer:
    """A read-only collection of entities, keyed by id.

    Build one with ``Gazetteer.default()`` (the built-in gazetteer),
    ``Gazetteer.load(path)`` or ``Gazetteer.from_records(records)``; combine
    them with ``extend``.

    Examples
    --------
    >>> g = Gazetteer.from_records([{"id": "a", "type": "place", "name": "Sirte", "aliases": ["سرت"]}])
    >>> [e.name for e in g], g.get("missing") is None
    (['Sirte'], True)
    """

    __slots__ = ("__weakref__", "_entities", "_fingerprint", "_positions", "origin")

    def __init__(self, entities: Iterable[Entity], *, origin: str = "records") -> None:
        self._entities: Sequence[Entity] = tuple(entities)
        self._positions: dict[str, int] = {}
        for position, entity in enumerate(self._entities):
            if entity.id in self._positions:
                raise ValueError(f"{origin}: duplicate id {entity.id!r}")
            self._positions[entity.id] = position
        self._fingerprint: str | None = None
        self.origin = origin

    # -- construction -------------------------------------------------------
    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]], *, origin: str = "records") -> Gazetteer:
        """Build a gazetteer from dictionaries (see the schema)."""
        rows = ((f"{origin}[{number}]", record) for number, record in enumerate(records, start=1))
        return cls(_entities_from_rows(rows), origin=origin)

    @classmethod
    def load(cls, path: str | Path) -> Gazetteer:
        """Load a gazetteer from a ``.jsonl``, ``.csv`` or ``.tsv`` file (UTF-8).

        In CSV and TSV, ``aliases`` holds names separated by ``|``.

        Raises
        ------
        ValueError
            On a malformed record, naming ``file:line``.
        FileNotFoundError
            If the file does not exist.
        """
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in (".jsonl", ".ndjson", ".csv", ".tsv"):
            raise ValueError(f"{path}: unsupported gazetteer format {suffix!r} (use .jsonl, .csv or .tsv)")
        data = path.read_bytes()
        try:
            if suffix in (".jsonl", ".ndjson"):
                rows = _read_jsonl(data, path)
            else:
                rows = _read_delimited(data, path, "," if suffix == ".csv" else "\t")
            entities = _entities_from_rows(rows)
        except UnicodeDecodeError as error:
            raise ValueError(f"{path}: not UTF-8 text ({error.reason})") from None
        gazetteer = cls(entities, origin=str(path))
        gazetteer._fingerprint = hashlib.blake2b(data, digest_size=16).hexdigest()
        return gazetteer

    @classmethod
    def default(cls) -> Gazetteer:
        """The built-in gazetteer, loaded once per process and cached."""
        return _default_gazetteer()

    def extend(self, other: Gazetteer | Iterable[Mapping[str, Any]]) -> Gazetteer:
        """A new gazetteer with the entities of ``self`` and ``other``.

        ``other`` may be a ``Gazetteer`` or records; an id present in both
        raises ``ValueError``.

        Examples
        --------
        >>> a = Gazetteer.from_records([{"id": "a", "type": "place", "name": "Sirte"}])
        >>> len(a.extend([{"id": "b", "type": "place", "name": "Derna"}]))
        2
        """
        if not isinstance(other, Gazetteer):
            other = Gazetteer.from_records(other)
        return Gazetteer((*self, *other), origin=f"{self.origin}+{other.origin}")

    # -- collection protocol --------------------------------------------------
    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return (self._entities[position] for position in range(len(self._entities)))

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._positions

    def __getitem__(self, entity_id: str) -> Entity:
        return self._entities[self._positions[entity_id]]

    def get(self, entity_id: str, default: Entity | None = None) -> Entity | None:
        """The entity with ``entity_id``, or ``default``."""
        position = self._positions.get(entity_id)
        return default if position is None else self._entities[position]

    def entity_at(self, position: int) -> Entity:
        """The entity at ``position`` in iteration order (what indexes refer to)."""
        return self._entities[position]

    def position_of(self, entity_id: str) -> int:
        """The position of the entity ``entity_id`` in iteration order (``entity_at``'s inverse).

        Raises
        ------
        KeyError
            If no entity has ``entity_id``.
        """
        return self._positions[entity_id]

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self)} entities from {self.origin}>"

    @property
    def fingerprint(self) -> str:
        """A digest of every entity's id, type, names and prior (keys saved indexes)."""
        if self._fingerprint is None:
            digest = hashlib.blake2b(digest_size=16)
            for entity in self:
                digest.update("\x1f".join((entity.id, entity.type, *entity.names, repr(entity.prior))).encode())
                digest.update(b"\x1e")
            self._fingerprint = digest.hexdigest()
        return self._fingerprint


#: Parsed entities a lazy gazetteer keeps (``_LazyEntities``); emptied when it holds this many.
_PARSED_KEPT = 8_192


class _LazyEntities(Sequence[Entity]):
    """Entities of a trusted JSON Lines file, parsed on access.

    The built-in gazetteer is validated when it is built (and by its tests);
    reading its 100,000 records eagerly would cost a second at every start,
    while a resolver touches a few dozen per mention. The last ``_PARSED_KEPT``
    entities parsed are kept (a news stream names the same entities again),
    not all: each is an object with dicts that the garbage collector walks in
    every full collection, and a long stream of mentions parses tens of
    thousands of them (42,000 in the speed benchmark's long run, whose full
    collections then took 120 ms). Parsing one again costs some 11 µs.
    """

    __slots__ = ("_cache", "_lines", "_path")

    def __init__(self, lines: list[str], path: Path) -> None:
        # a tuple of strings, which the garbage collector stops tracking: a list of 100,000 lines
        # it would walk in each full collection
        self._lines = tuple(lines)
        self._path = path
        self._cache: dict[int, Entity] = {}

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, position: int) -> Entity: ...
    @overload
    def __getitem__(self, position: slice) -> Sequence[Entity]: ...
    def __getitem__(self, position: int | slice) -> Entity | Sequence[Entity]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        entity = self._cache.get(position)
        if entity is None:
            line = self._lines[position]  # IndexError for a position out of range, as a sequence raises
            origin = f"{self._path}:{position % len(self._lines) + 1}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{origin}: invalid JSON ({error.msg})") from None
            entity = entity_from_record(record, origin)
            if len(self._cache) >= _PARSED_KEPT:
                self._cache.clear()
            self._cache[position] = entity
        return entity


_LEADING_ID = re.compile(r'\{"id":\s*"([^"\\]+)"')


def _lazy_gazetteer(data: bytes, path: Path, origin: str) -> Gazetteer:
    """A gazetteer over a trusted JSON Lines file whose records start with ``{"id":"..."``."""
    lines = [line for line in data.decode("utf-8").split("\n") if line.strip()]
    positions: dict[str, int] = {}
    for position, line in enumerate(lines):
        match = _LEADING_ID.match(line)
        entity_id = match.group(1) if match else str(json.loads(line).get("id", ""))
        if not entity_id or entity_id in positions:
            raise ValueError(f"{path}:{position + 1}: missing or duplicate id {entity_id!r}")
        positions[entity_id] = position
    gazetteer = Gazetteer((), origin=origin)
    gazetteer._entities = _LazyEntities(lines, path)
    gazetteer._positions = positions
    gazetteer._fingerprint = hashlib.blake2b(data, digest_size=16).hexdigest()
    return gazetteer


def _entities_from_rows(rows: Iterable[tuple[str, Mapping[str, Any]]]) -> list[Entity]:
    """Validate ``(origin, record)`` rows; a duplicate id names both places."""
    entities: list[Entity] = []
    seen: dict[str, str] = {}
    for origin, record in rows:
        entity = entity_from_record(record, origin)
        if entity.id in seen:
            raise ValueError(f"{origin}: duplicate id {entity.id!r} (first at {seen[entity.id]})")
        seen[entity.id] = origin
        entities.append(entity)
    return entities


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    resource = resources.files("entity_resolve").joinpath("data", "gazetteer", _DEFAULT_FILE)
    with resources.as_file(resource) as path:
        return _lazy_gazetteer(path.read_bytes(), Path(path), origin="built-in")
