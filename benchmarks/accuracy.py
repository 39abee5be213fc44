"""Accuracy benchmark: entity_resolve beside baselines, on the same queries.

Tasks
-----
A. Cross-script retrieval on real dev data (google/transliteration ar-en dev
   and the held-out slice of NETransliteration, see ``benchmarks.data``): a
   gazetteer of one entity per distinct Latin spelling (type person), each
   distinct Arabic spelling queried; then the reverse (one entity per Arabic
   spelling, Latin spellings queried). *Hit rule*: a query's gold set holds
   every entity whose name is paired with the query in the data, so where one
   Arabic word has several English spellings, any of them counts.
B. The golden garble table ``tests/golden/garbles.csv``, the attested
   variants ``tests/golden/attested.csv`` (when present) and the negatives
   ``tests/golden/negatives.csv`` against the built-in gazetteer.
C. Seeded machine-translation noise (``benchmarks.noise``) on a sample of the
   built-in gazetteer: every applicable kind once per entity. Variants equal
   to a name of the gazetteer are dropped. The gold set is every entity that
   has the garbled source name (namesakes count).

Systems: see ``benchmarks.systems``. Brute-force systems run on a seeded
sample of the queries when the gazetteer is large; the other systems are then
also reported on that sample, so that rows with the same scope compare the
same queries.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import random
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

import entity_resolve as er
from entity_resolve.gazetteer import Entity
from entity_resolve.index import NameIndex
from entity_resolve.keys import fine_skeleton
from entity_resolve.normalize import normalize_name

from . import data, noise
from .metrics import Metrics, Outcome, compute_metrics, group_metrics
from .report import bar_plot, git_commit, markdown_table, percent, write_json, write_text
from .systems import (
    BLOCKER_ENTITIES,
    BLOCKER_NAMES,
    FUZZY_CUTOFF,
    NOMENKLATURA_ALGORITHMS,
    NOMENKLATURA_THRESHOLD,
    AnyasciiBlocker,
    ExactSystem,
    FuzzySystem,
    MetaphoneSystem,
    NameTable,
    NomenklaturaSystem,
    ResolverSystem,
    RigourSystem,
    System,
    anyascii_available,
    nomenklatura_available,
    rigour_available,
)

__all__ = ["Query", "TaskResult", "main", "run_task"]

DEFAULT_SEED = 20_250_101
#: Entities sampled per type for the noise task, and the largest curated share.
NOISE_PER_TYPE = 300
CURATED_SHARE = 2 / 3
#: Queries given to brute-force systems when the gazetteer is large.
BRUTE_FORCE_SAMPLE = 200
#: The query group whose values share the brute-force sample equally.
SAMPLE_STRATUM = "kind"
#: Gazetteers with more names than this get brute force on a sample only.
BRUTE_FORCE_FULL_NAMES = 50_000
#: --quick: transliteration pairs per dataset.
QUICK_PAIRS = 60
RESULTS_DIR = Path(__file__).resolve().parent / "results"

#: --quick: a tiny custom gazetteer (no built-in index is built).
QUICK_RECORDS: tuple[dict[str, Any], ...] = (
    {"id": "q:haftar", "type": "person", "name": "Khalifa Haftar", "aliases": ["خليفة حفتر"]},
    {"id": "q:sarraj", "type": "person", "name": "Fayez al-Sarraj", "aliases": ["فايز السراج"]},
    {"id": "q:sisi", "type": "person", "name": "Abdel Fattah el-Sisi", "aliases": ["عبد الفتاح السيسي"]},
    {"id": "q:gaddafi", "type": "person", "name": "Muammar Gaddafi", "aliases": ["معمر القذافي"]},
    {"id": "q:saleh", "type": "person", "name": "Aguila Saleh", "aliases": ["عقيلة صالح"]},
    {
        "id": "q:gna",
        "type": "organization",
        "name": "Government of National Accord",
        "aliases": ["حكومة الوفاق الوطني"],
    },
    {
        "id": "q:lna",
        "type": "organization",
        "name": "Libyan National Army",
        "aliases": ["الجيش الوطني الليبي"],
    },
    {"id": "q:g7", "type": "organization", "name": "Group of Seven", "aliases": ["مجموعة الدول السبع"]},
    {"id": "q:tripoli", "type": "place", "name": "Tripoli", "aliases": ["طرابلس"]},
    {"id": "q:benghazi", "type": "place", "name": "Benghazi", "aliases": ["بنغازي"]},
    {"id": "q:misrata", "type": "place", "name": "Misrata", "aliases": ["مصراتة"]},
    {"id": "q:sirte", "type": "place", "name": "Sirte", "aliases": ["سرت"]},
)


@dataclass(frozen=True, slots=True)
class Query:
    """A benchmark query: a mention, its gold entity ids, and the groups it belongs to."""

    mention: str
    gold: frozenset[str]
    groups: Mapping[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class SystemRow:
    """One system's metrics over one scope of a task's queries."""

    system: str
    scope: str
    metrics: Metrics
    seconds: float | None = None


@dataclass(slots=True)
class TaskResult:
    """Everything measured on one task."""

    key: str
    title: str
    queries: int
    gazetteer: str
    rows: list[SystemRow]
    breakdowns: dict[str, dict[str, dict[str, Metrics]]]
    notes: list[str]


# -- running ---------------------------------------------------------------------
def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _sample_positions(queries: Sequence[Query], size: int, seed: str, stratum: str) -> list[int]:
    """A seeded sample of query positions, drawn round-robin over the values of group ``stratum``."""
    if len(queries) <= size:
        return list(range(len(queries)))
    rng = random.Random(seed)
    strata: dict[str, list[int]] = {}
    for position, query in enumerate(queries):
        strata.setdefault(query.groups.get(stratum, ""), []).append(position)
    pools = [rng.sample(strata[key], len(strata[key])) for key in sorted(strata)]
    chosen: list[int] = []
    while len(chosen) < size:
        for pool in pools:
            if pool and len(chosen) < size:
                chosen.append(pool.pop())
    return sorted(chosen)


def run_task(
    key: str,
    title: str,
    queries: Sequence[Query],
    systems: Sequence[System],
    table: NameTable,
    *,
    seed: int,
    sample_size: int = BRUTE_FORCE_SAMPLE,
    notes: Iterable[str] = (),
) -> TaskResult:
    """Run every system on the task's queries and compute its metrics.

    Slow (brute-force) systems get a seeded sample of ``sample_size`` queries
    (equal shares per noise kind where queries have one) when the gazetteer
    has more than ``BRUTE_FORCE_FULL_NAMES`` names.
    """
    everything = list(range(len(queries)))
    sampled = len(table.names) > BRUTE_FORCE_FULL_NAMES and len(queries) > sample_size
    sample = _sample_positions(queries, sample_size, f"{seed}:{key}", SAMPLE_STRATUM) if sampled else everything
    outcomes: dict[str, dict[int, Outcome]] = {}
    rows: list[SystemRow] = []
    for system in systems:
        positions = sample if system.slow else everything
        _log(f"  {key}: {system.name} on {len(positions)} queries")
        started = time.perf_counter()
        predictions = system.predict([queries[p].mention for p in positions])
        seconds = time.perf_counter() - started
        outcomes[system.name] = {
            p: Outcome(gold=queries[p].gold, ranked=pr.ranked, accepted=pr.accepted)
            for p, pr in zip(positions, predictions, strict=True)
        }
        scope = "sample" if positions is sample and sampled else "all"
        rows.append(SystemRow(system.name, scope, compute_metrics(outcomes[system.name].values()), seconds))
    if sampled:
        for system in systems:
            if not system.slow:
                chosen = [outcomes[system.name][p] for p in sample]
                rows.append(SystemRow(system.name, "sample", compute_metrics(chosen)))
    rows.sort(key=lambda row: row.scope != "all")
    return TaskResult(
        key=key,
        title=title,
        queries=len(queries),
        gazetteer=f"{len(table.ids):,} entities, {len(table.names):,} names",
        rows=rows,
        breakdowns=_breakdowns(queries, outcomes),
        notes=list(notes) + ([_sample_note(len(sample))] if sampled else []),
    )


def _sample_note(size: int) -> str:
    return (
        f"brute-force systems: a seeded sample of {size} queries (equal shares per kind where there are "
        "kinds); rows with scope 'sample' compare every system on those same queries"
    )


def _breakdowns(
    queries: Sequence[Query], outcomes: Mapping[str, Mapping[int, Outcome]]
) -> dict[str, dict[str, dict[str, Metrics]]]:
    fields = sorted({name for q in queries for name in q.groups})
    result: dict[str, dict[str, dict[str, Metrics]]] = {}
    for name in fields:
        by_group: dict[str, dict[str, Metrics]] = {}
        for system, answered in outcomes.items():
            positions = sorted(answered)
            grouped = group_metrics(
                positions, [answered[p] for p in positions], key=lambda p: queries[p].groups.get(name, "—")
            )
            for group, metrics in grouped.items():
                by_group.setdefault(group, {})[system] = metrics
        result[name] = dict(sorted(by_group.items()))
    return result


# -- systems -----------------------------------------------------------------------
def build_systems(
    resolver: er.Resolver, table: NameTable, *, use_rigour: bool, use_nomenklatura: bool = False
) -> list[System]:
    """entity_resolve and every baseline over one gazetteer (those whose packages import).

    The nomenklatura systems share one ``AnyasciiBlocker``.
    """
    systems: list[System] = [ResolverSystem(resolver), ExactSystem(table), FuzzySystem(table, cutoff=FUZZY_CUTOFF)]
    if anyascii_available():
        systems += [FuzzySystem(table, transliterate=True, cutoff=FUZZY_CUTOFF), MetaphoneSystem(table)]
    if use_rigour:
        systems.append(RigourSystem(table))
    if use_nomenklatura:
        blocker = AnyasciiBlocker(table)
        systems += [NomenklaturaSystem(table, algorithm, blocker) for algorithm in NOMENKLATURA_ALGORITHMS]
    return systems


def _rigour_note(requested: bool, quick: bool) -> tuple[bool, str]:
    """Whether to run the rigour baseline, and a note saying so."""
    if not rigour_available():
        return False, "rigour is not importable: its baseline is skipped"
    if quick:
        return False, "--quick: the rigour baseline is skipped (its name tagger loads slowly)"
    if not requested:
        return False, "the rigour baseline is off (--no-rigour)"
    return True, f"rigour {_version('rigour')} baseline: see benchmarks/systems.py"


def _nomenklatura_note(requested: bool) -> tuple[bool, str]:
    """Whether to run the nomenklatura baselines, and a note saying so."""
    if not nomenklatura_available():
        return False, (
            "nomenklatura (or anyascii) is not importable: its baselines are skipped "
            '(pip install -e ".[bench]", see benchmarks/README.md)'
        )
    if not requested:
        return False, "the nomenklatura baselines are off (--no-nomenklatura)"
    algorithms = " and ".join(NOMENKLATURA_ALGORITHMS)
    return True, (
        f"nomenklatura {_version('nomenklatura')} (rigour {_version('rigour')}, followthemoney "
        f"{_version('followthemoney')}) baselines {algorithms} = blocker + nomenklatura scoring: the blocker "
        f"keeps the first {BLOCKER_ENTITIES} distinct entities among the {BLOCKER_NAMES} names closest by "
        "rapidfuzz WRatio after anyascii (both sides), so a gold entity it misses is missed; each is scored "
        "by the algorithm's compare() with its default config as a FollowTheMoney entity (Person, "
        "Organization; places as Address, names also in full) against the mention as a LegalEntity (an "
        f"Address against places); linked when the best score is >= {NOMENKLATURA_THRESHOLD} (nomenklatura "
        "sets no threshold; 0.7 is the default of OpenSanctions' matching API, yente); the blocker's seconds "
        "are counted in the first of them, the other reuses its candidates"
    )


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "?"


#: One line per system for the report.
SYSTEM_LEGEND = (
    "systems: entity_resolve = Resolver.resolve_many(top_k=5); exact = normalize_name tokens joined, "
    "linked when one entity has that key; rapidfuzz = brute-force WRatio + default_process over every "
    f"name, accepted at >= {FUZZY_CUTOFF:.0f} (same answer as process.extractOne); anyascii+rapidfuzz = "
    "the same after anyascii on both sides; metaphone = jellyfish metaphone of the anyascii tokens, "
    "linked when one entity has that code; rigour = rigour name symbols + Levenshtein, Dice >= 0.7; "
    f"nomenklatura logic-v2 and nomenklatura name-based = anyascii+WRatio blocker ({BLOCKER_ENTITIES} "
    f"entities) + the algorithm's own score, linked at >= {NOMENKLATURA_THRESHOLD}"
)


A_NOTES = (
    "hit rule: the gold set of a query is every entity whose name the data pairs with it; "
    "acc@k and accepted count any of them",
    "a query with 2+ gold spellings has two or more equally right entities, so a margin rule tends to "
    "abstain there: compare acc@1 in the per-gold-spellings table",
)


# -- task A ----------------------------------------------------------------------------
def _pair_records(names: Iterable[str], prefix: str) -> list[dict[str, Any]]:
    return [{"id": f"{prefix}:{name}", "type": "person", "name": name} for name in sorted(set(names))]


def cross_script_queries(
    pairs: Sequence[data.TranslitPair], query_side: str
) -> tuple[list[dict[str, Any]], list[Query]]:
    """Gazetteer records of one side and queries of the other (see the hit rule).

    Parameters
    ----------
    pairs : sequence of TranslitPair
    query_side : {"arabic", "latin"}
        The side whose spellings are queried; the other side is the gazetteer.

    Examples
    --------
    >>> pairs = [data.TranslitPair("حسن", "hassan", 1), data.TranslitPair("حسن", "hasan", 1)]
    >>> records, queries = cross_script_queries(pairs, "arabic")
    >>> [r["id"] for r in records], sorted(queries[0].gold)
    (['lat:hasan', 'lat:hassan'], ['lat:hasan', 'lat:hassan'])
    """
    target_side = "latin" if query_side == "arabic" else "arabic"
    prefix = "lat" if target_side == "latin" else "ara"
    gold: dict[str, set[str]] = {}
    for pair in pairs:
        gold.setdefault(getattr(pair, query_side), set()).add(f"{prefix}:{getattr(pair, target_side)}")
    records = _pair_records((getattr(p, target_side) for p in pairs), prefix)
    queries = [
        Query(mention=m, gold=frozenset(ids), groups={"gold spellings": "1" if len(ids) == 1 else "2+"})
        for m, ids in sorted(gold.items())
    ]
    return records, queries


def _load_pair_sets(quick: bool, notes: list[str]) -> list[tuple[str, str, list[data.TranslitPair]]]:
    sets: list[tuple[str, str, list[data.TranslitPair]]] = []
    loaders: list[tuple[str, str, Callable[[], list[data.TranslitPair]]]] = [
        ("google", "google/transliteration ar-en dev", data.google_dev),
        ("netranslit", "NETransliteration held-out 10%", data.netranslit_heldout),
    ]
    for key, label, loader in loaders:
        try:
            pairs = loader()
        except FileNotFoundError as error:
            notes.append(f"{label}: skipped ({error.filename} not found; set {data.SHARED_ENV})")
            continue
        if quick:
            pairs = _quick_pairs(pairs)
        sets.append((key, label, pairs))
    return sets


def _quick_pairs(pairs: Sequence[data.TranslitPair]) -> list[data.TranslitPair]:
    arabic = sorted({p.arabic for p in pairs})
    chosen = set(random.Random(DEFAULT_SEED).sample(arabic, min(QUICK_PAIRS, len(arabic))))
    return [p for p in pairs if p.arabic in chosen]


def task_cross_script(
    *, seed: int, quick: bool, use_rigour: bool, notes: list[str], use_nomenklatura: bool = False
) -> list[TaskResult]:
    """Task A: both directions on both datasets."""
    results = []
    for key, label, pairs in _load_pair_sets(quick, notes):
        for query_side, arrow in (("arabic", "Arabic → Latin"), ("latin", "Latin → Arabic")):
            records, queries = cross_script_queries(pairs, query_side)
            gazetteer = er.Gazetteer.from_records(records, origin=f"{key}-{query_side}")
            table = NameTable.from_entities(list(gazetteer))
            _log(f"A {label}, {arrow}: {len(records)} entities, {len(queries)} queries")
            systems = build_systems(
                er.Resolver(gazetteer), table, use_rigour=use_rigour, use_nomenklatura=use_nomenklatura
            )
            results.append(run_task(f"A-{key}-{query_side}", f"A {label}: {arrow}", queries, systems, table, seed=seed))
    return results


# -- task B ----------------------------------------------------------------------------
def golden_queries(rows: Sequence[data.GoldenRow], gazetteer: er.Gazetteer, name: str, notes: list[str]) -> list[Query]:
    """Positive queries of a golden table; rows whose id the gazetteer lacks are skipped (noted)."""
    if not rows:
        notes.append(f"tests/golden/{name} is absent or empty: skipped")
    unknown = sorted({row.expected_id for row in rows if row.expected_id not in gazetteer})
    if unknown:
        shown = ", ".join(unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        notes.append(f"{name}: {len(unknown)} expected id(s) not in the gazetteer, rows skipped: {shown}")
    return [
        Query(
            mention=row.mention,
            gold=frozenset({row.expected_id}),
            groups={"kind": row.kind, "type": gazetteer[row.expected_id].type, "split": row.split},
        )
        for row in rows
        if row.expected_id in gazetteer
    ]


def negative_queries(notes: list[str]) -> list[Query]:
    """Queries of ``negatives.csv``: mentions that name no entity (empty gold set)."""
    negatives = data.load_negatives()
    if not negatives:
        notes.append("tests/golden/negatives.csv is absent or empty: skipped")
    return [Query(mention=row.mention, gold=frozenset(), groups={}) for row in negatives]


# -- task C ----------------------------------------------------------------------------
def _source_name(entity: Entity, kind: str, rng: random.Random) -> str | None:
    """The attested name of ``entity`` that ``kind`` garbles (None if none fits)."""
    if kind in noise.LATIN_KINDS:
        latin = [n for n in entity.names if noise.applies(n, kind)]
        return entity.name if entity.name in latin else (latin[0] if latin else None)
    fitting = [n for n in entity.names if noise.applies(n, kind)]
    arabic = [n for n in fitting if data.has_arabic(n)]
    pool = arabic or fitting
    return rng.choice(pool) if pool else None


def noise_queries(
    entities: Sequence[Entity], name_owners: Mapping[str, frozenset[str]], *, seed: int
) -> tuple[list[Query], dict[str, int]]:
    """One garbled query per entity and applicable kind, and counts of dropped variants.

    ``name_owners`` maps every name of the gazetteer to the ids that have it.
    """
    queries: list[Query] = []
    dropped = {"equals one of its names": 0, "equals another entity's name": 0}
    for entity in entities:
        origin = "curated" if data.is_curated(entity) else "generated"
        for kind in noise.KINDS:
            if kind in noise.ORGANIZATION_KINDS and entity.type != "organization":
                continue
            rng = random.Random(f"{seed}:{entity.id}:{kind}")
            source = _source_name(entity, kind, rng)
            if source is None:
                continue
            variant = noise.garble(source, kind, rng)
            owners = name_owners.get(variant)
            if owners is not None:
                label = "equals one of its names" if entity.id in owners else "equals another entity's name"
                dropped[label] += 1
                continue
            gold = name_owners.get(source, frozenset()) | {entity.id}
            queries.append(
                Query(mention=variant, gold=gold, groups={"kind": kind, "type": entity.type, "origin": origin})
            )
    return queries, dropped


def skeleton_ambiguity(queries: Sequence[Query], index: NameIndex) -> list[Query]:
    """The queries, each labelled in ``groups["ambiguity"]`` "clear" or "ambiguous".

    A garble is ambiguous when a name of another entity is at least as close
    to it as the nearest name of its gold entities: Levenshtein distance
    between fine-skeleton lines (each token's consonant skeleton in the shared
    Arabic-Latin alphabet of ``entity_resolve.keys``, tokens joined by spaces),
    over every name of ``index``. Noise that turns a name into the spelling of
    another (حتر, one consonant short of حفتر, is nearer other names) can only
    be resolved by guessing importance; the split shows how much of a score
    such garbles decide. A query whose gold has no indexed name is ambiguous.

    Examples
    --------
    >>> g = er.Gazetteer.from_records([{"id": "k", "type": "place", "name": "Karaman"},
    ...     {"id": "r", "type": "place", "name": "Kremlin"}])
    >>> index = er.Resolver(g).index
    >>> queries = [Query("Karamann", frozenset({"k"})), Query("Karamlin", frozenset({"k"}))]
    >>> [q.groups["ambiguity"] for q in skeleton_ambiguity(queries, index)]
    ['clear', 'ambiguous']
    """
    lines = list(index.name_skeletons)
    entity_of = {entity_id: position for position, entity_id in enumerate(index.entity_ids)}
    names_of: dict[int, list[int]] = {}
    for name, position in enumerate(index.name_entity.tolist()):
        names_of.setdefault(position, []).append(name)
    labelled = []
    for query in queries:
        line = " ".join(fine_skeleton(token) for token in normalize_name(query.mention).tokens)
        gold = {entity_of[gid] for gid in query.gold if gid in entity_of}
        gold_lines = [lines[name] for position in gold for name in names_of.get(position, [])]
        ambiguous = True
        if gold_lines:
            nearest = min(Levenshtein.distance(line, gold_line) for gold_line in gold_lines)
            rivals = process.extract(line, lines, scorer=Levenshtein.distance, score_cutoff=nearest, limit=None)
            ambiguous = any(int(index.name_entity[name]) not in gold for _, _, name in rivals)
        groups = {**query.groups, "ambiguity": "ambiguous" if ambiguous else "clear"}
        labelled.append(Query(mention=query.mention, gold=query.gold, groups=groups))
    return labelled


def name_owner_map(entities: Iterable[Entity]) -> dict[str, frozenset[str]]:
    """Every name -> the ids of the entities that have it."""
    owners: dict[str, set[str]] = {}
    for entity in entities:
        for name in entity.names:
            owners.setdefault(name, set()).add(entity.id)
    return {name: frozenset(ids) for name, ids in owners.items()}


def task_noise(
    gazetteer: er.Gazetteer, systems: Sequence[System], table: NameTable, *, seed: int, quick: bool
) -> TaskResult:
    """Task C on ``gazetteer``."""
    if quick:
        entities = list(gazetteer)
    else:
        entities = data.sample_entities(gazetteer, per_type=NOISE_PER_TYPE, curated_share=CURATED_SHARE, seed=seed)
    counts = {t: sum(e.type == t for e in entities) for t in sorted({e.type for e in entities})}
    queries, dropped = noise_queries(entities, name_owner_map(gazetteer), seed=seed)
    queries = skeleton_ambiguity(queries, er.Resolver(gazetteer).index)
    ambiguous = sum(q.groups["ambiguity"] == "ambiguous" for q in queries)
    notes = [
        "sampled entities: " + ", ".join(f"{n} {t}" for t, n in counts.items()),
        "variants dropped: " + ", ".join(f"{n} {why}" for why, n in dropped.items()),
        f"ambiguity: {ambiguous} of {len(queries)} garbles are ambiguous: a name of another entity is at least "
        "as close to them as their entity's nearest name (Levenshtein distance of fine-skeleton lines, over every "
        "name of the gazetteer); the rest are clear (see skeleton_ambiguity)",
    ]
    _log(f"C: {len(entities)} entities, {len(queries)} garbled queries")
    where = "tiny custom gazetteer" if quick else "built-in gazetteer sample"
    return run_task("C-noise", f"C MT-noise model ({where})", queries, systems, table, seed=seed, notes=notes)


def open_world_queries(
    queries: Sequence[Query], gazetteer: er.Gazetteer, taken_out: Set[str]
) -> tuple[er.Gazetteer, list[Query]]:
    """The gazetteer without the entities ``taken_out``, and the queries of those entities that then name
    no entity: each gold id taken out (no namesake of the garbled name is left), gold emptied.

    Examples
    --------
    >>> g = er.Gazetteer.from_records([{"id": "a", "type": "place", "name": "Aleppo"},
    ...     {"id": "b", "type": "place", "name": "Beirut"}])
    >>> kept, open_queries = open_world_queries([Query("Alepo", frozenset({"a"}), {"kind": "x"}),
    ...     Query("Beyrut", frozenset({"b"}))], g, {"a"})
    >>> len(kept), [(q.mention, sorted(q.gold)) for q in open_queries]
    (1, [('Alepo', [])])
    """
    kept = er.Gazetteer([entity for entity in gazetteer if entity.id not in taken_out], origin="open world")
    open_queries = [
        Query(mention=query.mention, gold=frozenset(), groups=query.groups)
        for query in queries
        if query.gold <= taken_out
    ]
    return kept, open_queries


def task_noise_open_world(
    gazetteer: er.Gazetteer, *, seed: int, use_rigour: bool, use_nomenklatura: bool
) -> TaskResult:
    """Task C in the open world: task C's garbles resolved against the gazetteer without their entities.

    A user's mention often names someone or something that no gazetteer
    holds; the honest answer is then "no entity". The sampled entities of
    task C are taken out of the gazetteer and their garbles (those with no
    namesake left in it) resolved: any link is a false link.
    """
    entities = data.sample_entities(gazetteer, per_type=NOISE_PER_TYPE, curated_share=CURATED_SHARE, seed=seed)
    queries, _ = noise_queries(entities, name_owner_map(gazetteer), seed=seed)
    kept, open_queries = open_world_queries(queries, gazetteer, {entity.id for entity in entities})
    _log(f"C open world: {len(open_queries)} garbles of {len(entities)} entities taken out of the gazetteer")
    table = NameTable.from_entities(list(kept))
    resolver = er.Resolver(kept)  # its index is cached beside the built-in one's
    systems = build_systems(resolver, table, use_rigour=use_rigour, use_nomenklatura=use_nomenklatura)
    notes = [
        f"the {len(entities)} entities sampled for task C are taken out of the gazetteer; their {len(open_queries)} "
        f"garbles that no entity left has a name of (of {len(queries)}) are resolved: any link is a false link",
    ]
    title = "C MT-noise model, open world (garbled entities taken out of the gazetteer)"
    return run_task("C-open-world", title, open_queries, systems, table, seed=seed, notes=notes)


# -- rendering ---------------------------------------------------------------------------
_METRIC_HEADER = ["system", "scope", "n", "acc@1", "acc@5", "accepted", "wrong-link", "abstain", "s"]


def _task_table(task: TaskResult) -> str:
    rows = [
        [
            row.system,
            row.scope,
            str(row.metrics.n),
            percent(row.metrics.acc_at_1),
            percent(row.metrics.acc_at_5),
            percent(row.metrics.accepted),
            percent(row.metrics.wrong_link),
            percent(row.metrics.abstain),
            "" if row.seconds is None else f"{row.seconds:.1f}",
        ]
        for row in task.rows
    ]
    return markdown_table(_METRIC_HEADER, rows)


def _breakdown_table(name: str, by_group: Mapping[str, Mapping[str, Metrics]], systems: Sequence[str]) -> str:
    header = [name, "n", *systems]
    rows = []
    for group, by_system in by_group.items():
        n = max(m.n for m in by_system.values())
        cells = []
        for system in systems:
            metrics = by_system.get(system)
            if metrics is None:
                cells.append("")
                continue
            rates = (metrics.acc_at_1, metrics.accepted, metrics.wrong_link)
            cell = " / ".join(percent(rate) for rate in rates)
            cells.append(cell + (f" (n={metrics.n})" if metrics.n != n else ""))
        rows.append([group, str(n), *cells])
    return markdown_table(header, rows)


def render_markdown(tasks: Sequence[TaskResult], notes: Sequence[str]) -> str:
    """The whole report: a summary, then each task with its breakdowns."""
    parts = ["# Accuracy benchmark", ""]
    parts += [f"- {note}" for note in notes]
    parts += [
        "- rates in %; acc@k counts the top candidates even when the system abstained; "
        "accepted = linked to a gold entity; wrong-link = linked to another entity "
        "(on negatives: the false-link rate); abstain = no entity; s = seconds",
        "",
        _summary_table(tasks),
        "",
    ]
    for task in tasks:
        parts += [f"## {task.title}", "", f"{task.queries} queries; gazetteer: {task.gazetteer}.", ""]
        parts += [f"- {note}" for note in task.notes]
        parts += ["", _task_table(task), ""]
        systems = list(dict.fromkeys(row.system for row in task.rows if row.seconds is not None))
        for name, by_group in task.breakdowns.items():
            parts += [f"Per {name} (acc@1 / accepted / wrong-link, %; abstain = 100 - accepted - wrong-link):", ""]
            parts += [_breakdown_table(name, by_group, systems), ""]
    return "\n".join(parts)


def _summary_table(tasks: Sequence[TaskResult]) -> str:
    systems = list(dict.fromkeys(row.system for task in tasks for row in task.rows))
    rows = []
    for task in tasks:
        own = {row.system: row for row in task.rows if row.seconds is not None}
        rows.append([task.title, str(task.queries), *_summary_cells(systems, own, lambda row: row.metrics)])
        for group, by_system in task.breakdowns.get("ambiguity", {}).items():
            n = max((metrics.n for metrics in by_system.values()), default=0)
            cells = _summary_cells(systems, own, lambda row, found=by_system: found.get(row.system))
            rows.append([f"{task.title}: {group} garbles", str(n), *cells])
    legend = (
        "Summary: acc@1 / accepted / wrong-link (%) per task "
        "(on negatives wrong-link is the false-link rate); * = on the brute-force query sample; "
        "ambiguous garbles are as close to another entity's name as to their own (see the task's notes)"
    )
    return legend + "\n\n" + markdown_table(["task", "n", *systems], rows)


def _summary_cells(
    systems: Sequence[str], own: Mapping[str, SystemRow], metrics_of: Callable[[SystemRow], Metrics | None]
) -> list[str]:
    """One summary cell per system: acc@1 / accepted / wrong-link of ``metrics_of(row)``."""
    cells = []
    for system in systems:
        row = own.get(system)
        metrics = metrics_of(row) if row is not None else None
        if row is None or metrics is None:
            cells.append("")
            continue
        mark = "*" if row.scope == "sample" else ""
        rates = (metrics.acc_at_1, metrics.accepted, metrics.wrong_link)
        cells.append(" / ".join(percent(rate) for rate in rates) + mark)
    return cells


# -- entry point -----------------------------------------------------------------------
def _plot_series(tasks: Sequence[TaskResult]) -> list[tuple[str, dict[str, dict[str, float]]]]:
    series = []
    for task in tasks:
        own = {row.system: row.metrics for row in task.rows if row.seconds is not None}
        series.append((task.title, {s: {"accepted": m.accepted, "wrong_link": m.wrong_link} for s, m in own.items()}))
    return series


def _task_json(task: TaskResult) -> dict[str, Any]:
    return {
        "key": task.key,
        "title": task.title,
        "queries": task.queries,
        "gazetteer": task.gazetteer,
        "notes": task.notes,
        "rows": [
            {"system": r.system, "scope": r.scope, "seconds": r.seconds, **r.metrics.as_dict()} for r in task.rows
        ],
        "breakdowns": {
            name: {group: {s: m.as_dict() for s, m in by_system.items()} for group, by_system in by_group.items()}
            for name, by_group in task.breakdowns.items()
        },
    }


def builtin_tasks(*, seed: int, use_rigour: bool, notes: list[str], use_nomenklatura: bool = False) -> list[TaskResult]:
    """Tasks B and C on the built-in gazetteer (builds or loads its index)."""
    _log("built-in gazetteer: loading the resolver and the baselines")
    resolver = er.Resolver()
    gazetteer = resolver.gazetteer
    table = NameTable.from_entities(list(gazetteer))
    systems = build_systems(resolver, table, use_rigour=use_rigour, use_nomenklatura=use_nomenklatura)
    results = []
    golden = (
        ("B-golden", "B golden garbles", golden_queries(data.load_garbles(), gazetteer, "garbles.csv", notes)),
        ("B-attested", "B golden attested", golden_queries(data.load_attested(), gazetteer, "attested.csv", notes)),
        ("B-negatives", "B golden negatives", negative_queries(notes)),
    )
    for key, title, queries in golden:
        if queries:
            results.append(run_task(key, title, queries, systems, table, seed=seed))
    results.append(task_noise(gazetteer, systems, table, seed=seed, quick=False))
    results.append(
        task_noise_open_world(gazetteer, seed=seed, use_rigour=use_rigour, use_nomenklatura=use_nomenklatura)
    )
    return results


def quick_tasks(*, seed: int, notes: list[str], use_nomenklatura: bool = False) -> list[TaskResult]:
    """Task C on the tiny custom gazetteer of ``QUICK_RECORDS``."""
    gazetteer = er.Gazetteer.from_records(QUICK_RECORDS, origin="quick")
    table = NameTable.from_entities(list(gazetteer))
    systems = build_systems(er.Resolver(gazetteer), table, use_rigour=False, use_nomenklatura=use_nomenklatura)
    notes.append("--quick: golden tables skipped (they need the built-in gazetteer)")
    return [task_noise(gazetteer, systems, table, seed=seed, quick=True)]


def main(
    *,
    quick: bool = False,
    seed: int = DEFAULT_SEED,
    out: Path | None = None,
    rigour: bool = True,
    nomenklatura: bool = True,
) -> int:
    """Run the accuracy benchmark, print its markdown and write JSON, markdown and PNG.

    Parameters
    ----------
    quick : bool
        Small samples and a tiny custom gazetteer (no built-in index).
    seed : int
        Seed of every sample and garble.
    out : Path, optional
        Output folder (default ``benchmarks/results``, ``.../results/quick`` with ``quick``).
    rigour : bool
        Run the rigour baseline when importable.
    nomenklatura : bool
        Run the nomenklatura baselines (logic-v2, name-based) when importable.

    Returns
    -------
    int
        The exit status.
    """
    out = out or (RESULTS_DIR / "quick" if quick else RESULTS_DIR)
    notes: list[str] = [f"seed {seed}; entity_resolve {er.__version__}; commit {git_commit(data.repo_root())}"]
    use_rigour, rigour_note = _rigour_note(rigour, quick)
    use_nomenklatura, nomenklatura_note = _nomenklatura_note(nomenklatura)
    notes += [SYSTEM_LEGEND, rigour_note, nomenklatura_note]
    if not anyascii_available():
        notes.append("anyascii is not importable (pip install anyascii): its two baselines are skipped")
    started = time.perf_counter()
    tasks = task_cross_script(
        seed=seed, quick=quick, use_rigour=use_rigour, notes=notes, use_nomenklatura=use_nomenklatura
    )
    if quick:
        tasks += quick_tasks(seed=seed, notes=notes, use_nomenklatura=use_nomenklatura)
    else:
        tasks += builtin_tasks(seed=seed, use_rigour=use_rigour, notes=notes, use_nomenklatura=use_nomenklatura)
    notes.append(f"total time {time.perf_counter() - started:.0f} s")
    plot_note = bar_plot(out / "accuracy.png", _plot_series(tasks))
    if plot_note:
        notes.append(plot_note)
    markdown = render_markdown(tasks, notes)
    write_text(out / "accuracy.md", markdown + "\n")
    write_json(out / "accuracy.json", {"notes": notes, "seed": seed, "tasks": [_task_json(t) for t in tasks]})
    print(markdown)
    return 0
