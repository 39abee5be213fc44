"""Benchmark data: real transliteration pairs, golden tables, entity samples.

The held-out slice of NETransliteration is defined here and only here
(``netranslit_heldout``). **Training and tuning code must use
``netranslit_train()`` and never read the held-out rows**; otherwise the
cross-script figures of ``python -m benchmarks accuracy`` are no longer
held-out figures.

The split is by Arabic spelling, not by row: a row is held out when
``sha1(arabic) % 10 == 0`` (the Arabic letters joined, UTF-8). Every English
spelling of a held-out Arabic name is therefore held out with it, and no Arabic
name of the held-out slice occurs in the training rows.

Examples
--------
>>> row = TranslitPair(arabic="حفتر", latin="haftar", occurrences=1)
>>> is_heldout_arabic(row.arabic) in (True, False)
True
"""

from __future__ import annotations

import csv
import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from entity_resolve.gazetteer import Entity

__all__ = [
    "CURATED_PREFIXES",
    "HELDOUT_MODULUS",
    "SHARED_ENV",
    "GoldenRow",
    "NegativeRow",
    "TranslitPair",
    "golden_dir",
    "google_dev",
    "has_arabic",
    "is_heldout_arabic",
    "load_attested",
    "load_garbles",
    "load_negatives",
    "netranslit_heldout",
    "netranslit_rows",
    "netranslit_train",
    "repo_root",
    "sample_entities",
    "shared_dir",
]

#: Environment variable naming the shared folder (datasets, design notes).
SHARED_ENV = "ENTITY_RESOLVE_SHARED"
#: One row in HELDOUT_MODULUS is held out (sha1 of the Arabic spelling).
HELDOUT_MODULUS = 10
#: Id prefixes of the hand-curated domain layer of the built-in gazetteer.
CURATED_PREFIXES = ("person:", "org:", "place:")
_GOOGLE_DEV = ("datasets", "google-ar2en", "dev.tsv")
_NETRANSLIT = ("datasets", "netranslit-ar", "train.tsv")


class TranslitPair(NamedTuple):
    """One transliteration pair: an Arabic spelling, a Latin spelling, how often it was seen."""

    arabic: str
    latin: str
    occurrences: int


@dataclass(frozen=True, slots=True)
class GoldenRow:
    """One row of ``tests/golden/garbles.csv``."""

    mention: str
    expected_id: str
    kind: str
    note: str
    split: str


@dataclass(frozen=True, slots=True)
class NegativeRow:
    """One row of ``tests/golden/negatives.csv`` (a mention that names no entity)."""

    mention: str
    note: str


def repo_root() -> Path:
    """The repository root (the folder holding ``benchmarks/``)."""
    return Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """The shared folder: ``$ENTITY_RESOLVE_SHARED`` or ``../shared`` beside the repo."""
    configured = os.environ.get(SHARED_ENV)
    if configured:
        return Path(configured)
    return repo_root().parent / "shared"


def golden_dir() -> Path:
    """The folder of golden variant tables."""
    return repo_root() / "tests" / "golden"


def has_arabic(text: str) -> bool:
    """Whether ``text`` holds an Arabic-script letter.

    Examples
    --------
    >>> has_arabic("حفتر"), has_arabic("Haftar")
    (True, False)
    """
    return any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in text)


# -- real transliteration pairs ---------------------------------------------------
def _read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle if line.strip()]


def google_dev(path: Path | None = None) -> list[TranslitPair]:
    """The dev split of google/transliteration ar-en (Arabic, English, count 1).

    Raises
    ------
    FileNotFoundError
        If the shared dataset is missing.
    """
    path = path or shared_dir().joinpath(*_GOOGLE_DEV)
    return [TranslitPair(arabic=a.strip(), latin=e.strip(), occurrences=1) for a, e in _read_tsv(path)]


@lru_cache(maxsize=2)
def _netranslit_cached(path: Path) -> tuple[TranslitPair, ...]:
    rows = []
    for english, letters, count in _read_tsv(path):
        rows.append(TranslitPair(arabic=letters.replace(" ", ""), latin=english.strip(), occurrences=int(count)))
    return tuple(rows)


def netranslit_rows(path: Path | None = None) -> tuple[TranslitPair, ...]:
    """Every row of NETransliteration ar (Arabic letters joined)."""
    return _netranslit_cached(path or shared_dir().joinpath(*_NETRANSLIT))


def is_heldout_arabic(arabic: str) -> bool:
    """Whether an Arabic spelling belongs to the held-out slice (sha1 % 10 == 0)."""
    digest = hashlib.sha1(arabic.encode("utf-8")).hexdigest()
    return int(digest, 16) % HELDOUT_MODULUS == 0


def netranslit_heldout(path: Path | None = None) -> list[TranslitPair]:
    """The held-out 10 % of NETransliteration, for evaluation only.

    Training code must exclude these rows: use ``netranslit_train``.
    """
    return [row for row in netranslit_rows(path) if is_heldout_arabic(row.arabic)]


def netranslit_train(path: Path | None = None) -> list[TranslitPair]:
    """The other 90 % of NETransliteration: the only rows training may read."""
    return [row for row in netranslit_rows(path) if not is_heldout_arabic(row.arabic)]


# -- golden tables --------------------------------------------------------------
def _read_csv(path: Path, required: Sequence[str]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = set(required) - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]


def _load_golden(path: Path, default_kind: str) -> list[GoldenRow]:
    if not path.exists():
        return []
    rows = _read_csv(path, ("mention", "expected_id"))
    return [
        GoldenRow(
            mention=row["mention"],
            expected_id=row["expected_id"],
            kind=row.get("kind") or default_kind,
            note=row.get("note", ""),
            split=row.get("split") or "unspecified",
        )
        for row in rows
        if row["mention"] and row["expected_id"]
    ]


def load_garbles(path: Path | None = None) -> list[GoldenRow]:
    """Rows of ``tests/golden/garbles.csv`` (empty list if the file is absent)."""
    return _load_golden(path or golden_dir() / "garbles.csv", "unspecified")


def load_attested(path: Path | None = None) -> list[GoldenRow]:
    """Rows of ``tests/golden/attested.csv`` (kind "attested"; empty list if absent)."""
    return _load_golden(path or golden_dir() / "attested.csv", "attested")


def load_negatives(path: Path | None = None) -> list[NegativeRow]:
    """Rows of ``tests/golden/negatives.csv`` (empty list if the file is absent)."""
    path = path or golden_dir() / "negatives.csv"
    if not path.exists():
        return []
    rows = _read_csv(path, ("mention",))
    return [NegativeRow(mention=row["mention"], note=row.get("note", "")) for row in rows if row["mention"]]


# -- entity samples ---------------------------------------------------------------
def is_curated(entity: Entity) -> bool:
    """Whether an entity belongs to the hand-curated domain layer."""
    return entity.id.startswith(CURATED_PREFIXES)


def _sample_rank(entity_id: str, seed: int) -> bytes:
    """Where an entity stands in the sample order of ``seed``: a seeded hash of its id."""
    return hashlib.blake2b(f"{seed}\x1f{entity_id}".encode(), digest_size=8).digest()


def sample_entities(
    entities: Iterable[Entity],
    *,
    per_type: int,
    curated_share: float,
    seed: int,
) -> list[Entity]:
    """A seeded sample of entities with an Arabic-script name, per type.

    Up to ``curated_share * per_type`` curated entities are drawn first, then
    generated ones fill the sample up to ``per_type``. An entity is drawn by a
    seeded hash of its id (``_sample_rank``), not by a random stream: a
    gazetteer that grows keeps the sample but for the new entities that rank
    among the first, so the figures before and after measure mostly the same
    garbles (a random stream reshuffles every type's sample when one type's
    pool grows by one entity).

    Parameters
    ----------
    entities : iterable of Entity
    per_type : int
        Entities per type at most.
    curated_share : float
        Largest share of curated entities in a type's sample.
    seed : int

    Returns
    -------
    list of Entity
        Sorted by type, then id (deterministic).

    Examples
    --------
    >>> from entity_resolve.gazetteer import Gazetteer
    >>> records = [{"id": f"place:p{n}", "type": "place", "name": f"P{n}", "aliases": ["ب"]} for n in range(50)]
    >>> before = sample_entities(Gazetteer.from_records(records), per_type=5, curated_share=1.0, seed=3)
    >>> grown = records + [{"id": f"place:q{n}", "type": "place", "name": f"Q{n}", "aliases": ["ب"]} for n in range(5)]
    >>> after = sample_entities(Gazetteer.from_records(grown), per_type=5, curated_share=1.0, seed=3)
    >>> len(before), len({e.id for e in before} & {e.id for e in after}) >= 3
    (5, True)
    """
    pools: dict[tuple[str, bool], list[Entity]] = {}
    for entity in entities:
        if any(has_arabic(name) for name in entity.names):
            pools.setdefault((entity.type, is_curated(entity)), []).append(entity)
    chosen: list[Entity] = []
    for entity_type in sorted({t for t, _ in pools}):
        curated = sorted(pools.get((entity_type, True), []), key=lambda e: _sample_rank(e.id, seed))
        generated = sorted(pools.get((entity_type, False), []), key=lambda e: _sample_rank(e.id, seed))
        take = min(len(curated), round(per_type * curated_share))
        picked = curated[:take] + generated[: max(0, per_type - take)]
        chosen.extend(sorted(picked, key=lambda e: e.id))
    return chosen
