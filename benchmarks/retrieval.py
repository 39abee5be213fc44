"""Retrieval benchmark: where a garble's own entity is lost on its way to the first rank.

The accuracy benchmark says how often a garble resolves to its entity; this
one says *why not*. Each garble of the MT-noise task (the same seeded sample
of the built-in gazetteer as ``python -m benchmarks accuracy``, task C) is
put in the first of these stages that its gold entity does not pass:

1. ``first``: the gold entity is the best candidate of ``Resolver.resolve``;
2. ``outranked``: a name of it is among the names scored (the shortlist of
   some reading of the mention), but another entity scores higher;
3. ``not shortlisted``: the index's keys reach a name of it (``NameIndex.lookup``
   ranks it among the first ``LOOKUP_DEPTH`` names), but neither the best
   supported names nor the closest skeletons of the pool include it;
4. ``key cap``: a key of a mention word is posted under a name of it, but
   beyond the ``MAX_POSTINGS_PER_KEY`` most important names that a key reads
   (or under a deletion key too common to read): a name of a common
   skeleton, of an entity less important than hundreds of others;
5. ``no key``: no key of the mention is posted under any name of it.

Stages 3 to 5 are losses of retrieval, which no scoring can repair; stage 2
is the scorer's. Run ``python -m benchmarks retrieval`` (about 3 minutes);
it writes ``benchmarks/results/retrieval.{md,json}``.

Examples
--------
>>> g = er.Gazetteer.from_records([{"id": "k", "type": "place", "name": "Karaman"},
...     {"id": "r", "type": "place", "name": "Kremlin"}])
>>> resolver = er.Resolver(g)
>>> [stage_of(resolver, accuracy.Query(m, frozenset({"k"}))) for m in ("Karamann", "Kremlin", "Xyzzy")]
['first', 'outranked', 'no key']
"""

from __future__ import annotations

import collections
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

import entity_resolve as er
from entity_resolve import index as index_module
from entity_resolve.index import NameIndex, _query_digest, token_keys

from . import accuracy, data
from .report import git_commit, markdown_table, percent, write_json, write_text

__all__ = ["STAGES", "entity_positions", "main", "render_markdown", "stage_counts", "stage_of"]

#: The stages, in the order a garble's entity passes them (see the module's docstring).
STAGES = ("first", "outranked", "not shortlisted", "key cap", "no key")
#: How deep in ``NameIndex.lookup``'s ranking a name counts as reached by the keys.
LOOKUP_DEPTH = 5_000
RESULTS_DIR = Path(__file__).resolve().parent / "results"
#: Entities per type sampled with ``--quick`` (the full run samples ``accuracy.NOISE_PER_TYPE``).
QUICK_PER_TYPE = 10


def stage_of(resolver: er.Resolver, query: accuracy.Query, positions: Mapping[str, int] | None = None) -> str:
    """The first stage (``STAGES``) that the gold entity of ``query`` does not pass; ``first`` when it passes all.

    ``positions``: each entity id's position in ``resolver.index`` (``entity_positions``), made when not given.
    The names scored are the resolver's own shortlist of the mention's readings (``Resolver._prepare``).
    """
    index = resolver.index
    positions = entity_positions(index) if positions is None else positions
    gold = frozenset(positions[entity_id] for entity_id in query.gold if entity_id in positions)
    prepared = resolver._prepare(query.mention)  # ``resolve`` is ``_resolve_prepared(_prepare(mention))``
    best = resolver._resolve_prepared(prepared).candidates
    if best and best[0].entity.id in query.gold:
        return "first"
    if any(int(index.name_entity[name]) in gold for _reading, name in prepared.shortlisted):
        return "outranked"
    readings = [reading.tokens for reading in prepared.readings if reading.tokens]
    if any(
        int(index.name_entity[name]) in gold for tokens in readings for name in index.lookup(tokens, limit=LOOKUP_DEPTH)
    ):
        return "not shortlisted"
    words = {word for tokens in readings for word in tokens}
    if any(_posted_unread(index, word, gold) for word in sorted(words)):
        return "key cap"
    return "no key"


def entity_positions(index: NameIndex) -> dict[str, int]:
    """Each entity id's position in ``index`` (what ``index.name_entity`` holds)."""
    return {entity_id: position for position, entity_id in enumerate(index.entity_ids)}


def _posted_unread(index: NameIndex, word: str, gold: frozenset[int]) -> bool:
    """Whether a key of ``word`` is posted under a name of ``gold`` that a lookup does not read."""
    for key, family in token_keys(word):
        digest = _query_digest(key)
        slot = int(index.key_hashes.searchsorted(digest))
        if slot >= len(index.key_hashes) or int(index.key_hashes[slot]) != digest:
            continue
        start, end = int(index.key_offsets[slot]), int(index.key_offsets[slot + 1])
        read = min(end - start, index_module.MAX_POSTINGS_PER_KEY)
        if family < 1.0 and end - start > index_module.MAX_DELETION_POSTINGS:
            read = 0  # a deletion key this common is not read at all
        unread = index.postings[start + read : end]
        if len(unread) and np.isin(index.name_entity[unread], list(gold)).any():
            return True
    return False


def stage_counts(
    resolver: er.Resolver, queries: Sequence[accuracy.Query]
) -> dict[str, dict[str, collections.Counter[str]]]:
    """Per grouping (``all``, ``ambiguity``, ``kind``, ``type``) and group, how many queries stop at each stage."""
    counts: dict[str, dict[str, collections.Counter[str]]] = collections.defaultdict(
        lambda: collections.defaultdict(collections.Counter)
    )
    positions = entity_positions(resolver.index)
    for query in queries:
        stage = stage_of(resolver, query, positions)
        counts["all"]["all"][stage] += 1
        for grouping in ("ambiguity", "kind", "type"):
            counts[grouping][query.groups.get(grouping, "?")][stage] += 1
    return counts


def _table(by_group: Mapping[str, collections.Counter[str]]) -> str:
    """Markdown: one row per group, the share (%) of its queries stopping at each stage."""
    rows = []
    for group in sorted(by_group):
        counter = by_group[group]
        total = sum(counter.values())
        rows.append([group, str(total), *(percent(counter[stage] / total) for stage in STAGES)])
    return markdown_table(["group", "n", *STAGES], rows)


def render_markdown(counts: Mapping[str, Mapping[str, collections.Counter[str]]], notes: Sequence[str]) -> str:
    """The report: notes, then one table per grouping."""
    parts = ["# Retrieval benchmark", "", *(f"- {note}" for note in notes), ""]
    parts += ["Share of garbles (%) whose own entity stops at each stage (see `benchmarks/retrieval.py`):", ""]
    for grouping in ("all", "ambiguity", "type", "kind"):
        if grouping in counts:
            parts += [f"## {grouping}", "", _table(counts[grouping]), ""]
    return "\n".join(parts)


def main(*, quick: bool = False, seed: int = accuracy.DEFAULT_SEED, out: Path | None = None) -> int:
    """Run the retrieval benchmark on the MT-noise garbles, print its markdown and write markdown and JSON.

    Parameters
    ----------
    quick : bool
        ``QUICK_PER_TYPE`` entities per type instead of ``accuracy.NOISE_PER_TYPE``.
    seed : int
        Seed of the entity sample and of the garbles (the accuracy benchmark's by default).
    out : Path, optional
        Output folder (default ``benchmarks/results``, ``.../results/quick`` with ``quick``).

    Returns
    -------
    int
        The exit status.
    """
    out = out or (RESULTS_DIR / "quick" if quick else RESULTS_DIR)
    started = time.perf_counter()
    gazetteer = er.Gazetteer.default()
    resolver = er.Resolver(gazetteer)
    per_type = QUICK_PER_TYPE if quick else accuracy.NOISE_PER_TYPE
    entities = data.sample_entities(gazetteer, per_type=per_type, curated_share=accuracy.CURATED_SHARE, seed=seed)
    queries, _dropped = accuracy.noise_queries(entities, accuracy.name_owner_map(gazetteer), seed=seed)
    queries = accuracy.skeleton_ambiguity(queries, resolver.index)
    counts = stage_counts(resolver, queries)
    notes = [
        f"seed {seed}; entity_resolve {er.__version__}; commit {git_commit(data.repo_root())}",
        f"{len(queries)} garbles of {len(entities)} sampled entities (the accuracy benchmark's task C)",
        f"a key reads at most {index_module.MAX_POSTINGS_PER_KEY} names; lookup depth {LOOKUP_DEPTH}; "
        f"{time.perf_counter() - started:.0f} s",
    ]
    text = render_markdown(counts, notes)
    print(text)
    payload: dict[str, Any] = {
        "notes": notes,
        "stages": list(STAGES),
        "counts": {
            grouping: {group: dict(counter) for group, counter in groups.items()} for grouping, groups in counts.items()
        },
    }
    write_text(out / "retrieval.md", text + "\n")
    write_json(out / "retrieval.json", payload)
    return 0
