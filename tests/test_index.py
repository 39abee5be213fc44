from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

import entity_resolve as er
from entity_resolve import index as index_module
from entity_resolve import keys
from entity_resolve.index import INDEX_FORMAT, NameIndex, cached_index, code_fingerprint, name_keys, token_keys
from entity_resolve.keys import coarse_skeleton, fine_skeleton


def test_lookup_finds_garbles_within_one_class_edit(small_gazetteer: er.Gazetteer) -> None:
    index = NameIndex.build(small_gazetteer)
    hits = {index.entity_ids[index.name_entity[n]] for n in index.lookup(["هوثر"])}
    assert "person:khalifa-haftar" in hits
    assert index.lookup([]) == []
    assert index.lookup(["mnmnmnmn"]) == []


def test_lookup_caps_names_per_entity(small_gazetteer: er.Gazetteer) -> None:
    index = NameIndex.build(small_gazetteer)
    names = index.lookup(["haftar"], limit=50)
    owners = [int(index.name_entity[n]) for n in names]
    assert max(owners.count(owner) for owner in set(owners)) <= 3


def test_save_and_load_round_trip(tmp_path: Path, small_gazetteer: er.Gazetteer) -> None:
    index = NameIndex.build(small_gazetteer)
    path = tmp_path / "index.npz"
    index.save(path)
    loaded = NameIndex.load(path, fingerprint=small_gazetteer.fingerprint)
    assert loaded is not None
    assert loaded.name_tokens == index.name_tokens
    assert loaded.lookup(["حفتر"]) == index.lookup(["حفتر"])
    assert NameIndex.load(path, fingerprint="another gazetteer") is None
    assert NameIndex.load(tmp_path / "missing.npz", fingerprint=small_gazetteer.fingerprint) is None


def test_saved_readings_are_the_readings_worked_out(tmp_path: Path, small_gazetteer: er.Gazetteer) -> None:
    # the readings an index saves for its names' words are keys.readings' own, after a save and load too
    index = NameIndex.build(small_gazetteer)
    index.save(tmp_path / "index.npz")
    loaded = NameIndex.load(tmp_path / "index.npz", fingerprint=small_gazetteer.fingerprint)
    assert loaded is not None
    for name in range(len(index)):
        expected = tuple(keys._as_plain(keys._read(word)) for word in index.name_token_tuple(name))
        assert index.built_readings(name) == loaded.built_readings(name) == expected
    words = {word for name in range(len(index)) for word in index.name_token_tuple(name)}
    assert len(index.reading_offsets) == len(words) + 1  # each word's readings saved once


def test_builtin_index_readings(builtin_resolver: er.Resolver) -> None:
    index = builtin_resolver.index
    for name in range(0, len(index), 211):
        expected = tuple(keys._as_plain(keys._read(word)) for word in index.name_token_tuple(name))
        assert index.built_readings(name) == expected


def test_recalled_readings_resolve_alike(small_gazetteer: er.Gazetteer) -> None:
    # a resolver whose name words' readings come back from its index answers as one that works them out
    resolver = er.Resolver(small_gazetteer)
    mentions = ["الجنرال هوثر", "Chalifa Haftar", "فايز السراج", "Fajis as-Sarradsch", "بشار الاسد"]
    keys._known_readings.clear()  # as in a process that loaded the index from its cache
    recalled = [resolver.resolve(mention) for mention in mentions]
    assert keys.knows_readings("حفتر")
    keys._known_readings.clear()
    original = NameIndex._recall_readings
    try:
        NameIndex._recall_readings = lambda self, name, tokens: None  # type: ignore[method-assign]
        worked_out = [resolver.resolve(mention) for mention in mentions]
    except (TypeError, AttributeError):  # compiled: a native class's methods cannot be replaced
        pytest.skip("NameIndex is compiled")
    finally:
        NameIndex._recall_readings = original  # type: ignore[method-assign]
    assert recalled == worked_out


@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءةى khalifatrzcv'", max_size=12))
def test_packed_readings_round_trip(token: str) -> None:
    found = keys._as_plain(keys._read(token))
    packed = keys.packed_readings(found)
    assert packed is not None
    assert keys.unpacked_readings(packed) == found


def test_corrupt_cache_is_rebuilt(tmp_path: Path, small_gazetteer: er.Gazetteer) -> None:
    path = tmp_path / f"index-{INDEX_FORMAT}-{code_fingerprint()}-{small_gazetteer.fingerprint}.npz"
    path.write_bytes(b"not an npz file")
    index = cached_index(small_gazetteer, tmp_path)
    assert len(index) > 0
    assert NameIndex.load(path, fingerprint=small_gazetteer.fingerprint) is not None


def test_saved_index_holds_no_pickle(tmp_path: Path, small_gazetteer: er.Gazetteer) -> None:

    path = tmp_path / "index.npz"
    NameIndex.build(small_gazetteer).save(path)
    with np.load(path, allow_pickle=False) as data:
        assert all(data[name].dtype != object for name in data.files)


consonants = st.text(alphabet=st.sampled_from(list("بتجحدرسشفقكلمنه")), min_size=3, max_size=7)


@settings(max_examples=60, deadline=None)
@given(st.lists(consonants, min_size=1, max_size=25, unique=True), consonants)
def test_lookup_matches_brute_force_within_one_coarse_edit(names: list[str], query: str) -> None:
    """Every name whose coarse skeleton is within one edit of the query is a candidate.

    Deletion keys are made for skeletons of three classes or more: a two-class
    skeleton one edit from a one-class skeleton is too unselective to index.
    """
    gazetteer = er.Gazetteer.from_records(
        {"id": f"e{i}", "type": "person", "name": f"n{i}", "aliases": [name]} for i, name in enumerate(names)
    )
    index = NameIndex.build(gazetteer)
    found = {index.entity_ids[index.name_entity[n]] for n in index.lookup([query], limit=1000)}
    query_coarse = coarse_skeleton(fine_skeleton(query))
    for i, name in enumerate(names):
        name_coarse = coarse_skeleton(fine_skeleton(name))
        if max(len(name_coarse), len(query_coarse)) >= 3 and Levenshtein.distance(name_coarse, query_coarse) <= 1:
            assert f"e{i}" in found


def test_token_keys_rank_what_they_prove() -> None:
    keys = dict(token_keys("haftar"))
    assert keys["=haftar"] > keys["~hftr"] > keys["HBTR"] > keys["HTR"] > keys["-HTR"]
    assert set(name_keys("haftar")) >= {"=haftar", "~hftr", "HBTR", "-HTR"}


def _reference_lookup(index: NameIndex, tokens: list[str], limit: int) -> list[int]:
    """``NameIndex.lookup`` written plainly: one vote per (token, name) through an argsort, as before
    the single integer sort and the packed per-name facts."""

    from entity_resolve import index as module

    hashes, families, owners = [], [], []
    for position, token in enumerate(tokens):
        for key, family in token_keys(token):
            hashes.append(module._digest(key))
            families.append(family)
            owners.append(position)
    for key in module.pair_keys(tokens):
        hashes.append(module._digest(key))
        families.append(module.PAIR_KEY_WEIGHT)
        owners.append(len(tokens))
    whole_name = module.whole_name_key(tokens)
    if whole_name is not None:
        hashes.append(module._digest(whole_name))
        families.append(module.WHOLE_NAME_KEY_WEIGHT)
        owners.append(len(tokens) + 1)
    hash_array, family_array = np.array(hashes, dtype=np.int64), np.array(families)
    slots = np.minimum(np.searchsorted(index.key_hashes, hash_array), len(index.key_hashes) - 1)
    found = index.key_hashes[slots] == hash_array
    starts = index.key_offsets[slots]
    counts = index.key_offsets[slots + 1] - starts
    usable = found & ((family_array >= 1.0) | (counts <= module.MAX_DELETION_POSTINGS))
    if not usable.any():
        return []
    starts, counts = starts[usable], counts[usable]
    idf = np.log1p(max(len(index.name_tokens), 1) / counts) * family_array[usable]
    taken = np.minimum(counts, module.MAX_POSTINGS_PER_KEY)
    names = np.concatenate([index.postings[s : s + t] for s, t in zip(starts, taken, strict=True)]).astype(np.int64)
    weights = np.repeat(idf, taken)
    stride = len(tokens) + 3
    pairs = names * stride + np.repeat(np.array(owners)[usable], taken)
    order = np.argsort(pairs)
    pairs, weights = pairs[order], weights[order]
    boundaries = np.flatnonzero(np.r_[True, pairs[1:] != pairs[:-1]])
    best_weights = np.maximum.reduceat(weights, boundaries)
    pair_names = pairs[boundaries] // stride
    name_starts = np.flatnonzero(np.r_[True, pair_names[1:] != pair_names[:-1]])
    unique_names = pair_names[name_starts]
    votes = dict(zip(unique_names.tolist(), np.diff(np.r_[name_starts, len(pair_names)]).tolist(), strict=True))
    support = np.add.reduceat(best_weights, name_starts) * (1.0 + index.name_prior[unique_names])
    extra = np.maximum(0, index.name_length[unique_names].astype(np.int64) - len(tokens))
    support = support / (1.0 + module.EXTRA_TOKEN_PENALTY * extra)
    query_arabic = "\u0600" <= tokens[0][:1] <= "\u06ff"
    same_script = ((index.name_flags[unique_names] & module.ARABIC_NAME) > 0) == query_arabic
    support = support * np.where(same_script, 1.0 + module.SAME_SCRIPT_BONUS, 1.0)
    # the pool: the best by support, then prior, then name number (ties at its edge too)
    order = np.lexsort((unique_names, -index.name_prior[unique_names], -support))
    order = order[: limit * module.MAX_NAMES_PER_ENTITY]
    ranked = unique_names[order].tolist()
    chosen: list[int] = []
    passed_over: list[int] = []
    for name in ranked:
        if len(chosen) >= limit:
            break
        entity = int(index.name_entity[name])
        if sum(int(index.name_entity[other]) == entity for other in chosen) < module.MAX_NAMES_PER_ENTITY:
            chosen.append(name)
        else:
            passed_over.append(name)
    # an entity's name passed over with more votes than any of its chosen names replaces its last one
    for entity in {int(index.name_entity[name]) for name in passed_over}:
        mine = [slot for slot, name in enumerate(chosen) if int(index.name_entity[name]) == entity]
        others = [name for name in passed_over if int(index.name_entity[name]) == entity]
        best = max(others, key=lambda name: (votes[name], -others.index(name)))
        if votes[best] > max(votes[chosen[slot]] for slot in mine):
            chosen[mine[-1]] = best
    return chosen


words = st.sampled_from(
    ["حفتر", "خليفه", "محمد", "بن", "سلمان", "haftar", "khalifa", "mohammed", "bin", "salman", "ali"]
)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(words, min_size=1, max_size=4), min_size=1, max_size=30),
    st.lists(st.sampled_from([0.0, 0.25, 0.5, 0.9]), min_size=30, max_size=30),
    st.lists(words, min_size=1, max_size=4),
)
def test_lookup_ranks_as_plain_vote_counting(names: list[list[str]], priors: list[float], query: list[str]) -> None:
    """The grouped integer sort and the per-token postings cache rank exactly as plain vote counting."""
    gazetteer = er.Gazetteer.from_records(  # two names per entity: the per-entity cap is exercised
        {
            "id": f"e{i}",
            "type": "person",
            "name": " ".join(name),
            "aliases": [" ".join(names[i - 1])],
            "prior": priors[i],
        }
        for i, name in enumerate(names)
    )
    index = NameIndex.build(gazetteer)
    for limit in (1, 3, 64):
        expected = _reference_lookup(index, query, limit)
        assert index.lookup(query, limit=limit) == expected
        assert index.lookup(query, limit=limit) == expected  # the second time from the token cache


def test_a_name_of_common_words_finds_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each word's postings are read for the most important names only; the whole name is read in full."""
    monkeypatch.setattr(index_module, "MAX_POSTINGS_PER_KEY", 3)
    # every word and every word pair of the obscure name is posted under four more important names
    pairs = [("ahmed", "mohamed"), ("mohamed", "ali"), ("ahmed", "ali")] * 4
    records = [
        {"id": f"famous{n}", "type": "person", "name": f"{first} {last}", "prior": 0.9}
        for n, (first, last) in enumerate(pairs)
    ]
    records.append({"id": "obscure", "type": "person", "name": "Ahmed Mohamed Ali", "prior": 0.1})
    gazetteer = er.Gazetteer.from_records(records)
    index = NameIndex.build(gazetteer)
    found = [index.entity_ids[index.name_entity[n]] for n in index.lookup(["ahmed", "mohamed", "ali"], limit=16)]
    assert "obscure" in found
    resolution = er.Resolver(gazetteer).resolve("Ahmed Mohamed Ali")
    assert resolution.entity is not None
    assert resolution.entity.id == "obscure"


def test_an_entity_is_scored_through_its_name_of_most_mention_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """A longer alias that spells every word of the mention is scored, though shorter aliases rank first."""
    monkeypatch.setattr(index_module, "MAX_NAMES_PER_ENTITY", 2)  # as the built-in gazetteer's many aliases do
    gazetteer = er.Gazetteer.from_records(
        [
            {
                "id": "pij",
                "type": "organization",
                "name": "Palestinian Islamic Jihad",
                "aliases": [
                    "Islamic Jihad",
                    "Djihad islamique",
                    "Jihad islamique palestinien",
                    "Islamic Jihad Movement in Palestine",
                ],
                "prior": 0.7,
            },
            {"id": "hamas", "type": "organization", "name": "Hamas", "aliases": ["Islamic Resistance Movement"]},
        ]
    )
    index = NameIndex.build(gazetteer)
    names = [index.name_tokens[n] for n in index.lookup(["islamic", "jihad", "movement"], limit=4)]
    assert "islamic jihad movement in palestine" in names
    resolution = er.Resolver(gazetteer).resolve("Islamic Jihad Movement")
    assert resolution.candidates[0].entity.id == "pij"


def test_shortlist_brings_in_the_names_closest_in_skeleton(builtin_resolver: er.Resolver) -> None:
    index = builtin_resolver.index
    tokens = ["mohammad", "schtaje"]  # a German-style garble of Mohammad Shtayyeh
    shtayyeh = index.entity_ids.index("person:mohammad-shtayyeh")
    supported = index.lookup(tokens, limit=20)
    shortlisted = index.shortlist(tokens, limit=20)
    assert shtayyeh not in {int(index.name_entity[n]) for n in supported}
    assert shtayyeh in {int(index.name_entity[n]) for n in shortlisted}
    # the best supported names stay first; the rest come from a wider pool of supported names
    assert shortlisted[:10] == supported[:10]
    assert len(shortlisted) == 20
    assert set(shortlisted) <= set(index.lookup(tokens, limit=100))


def test_shortlist_of_an_exact_spelling_is_the_best_supported(builtin_resolver: er.Resolver) -> None:
    index = builtin_resolver.index
    tokens = list(index.name_token_tuple(index.lookup(["haftar"], limit=1)[0]))
    assert index.shortlist(tokens, limit=20) == index.lookup(tokens, limit=20)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.integers(0, 39), st.integers(1, 12), st.sampled_from([0.5, 1.0, 2.5])), max_size=5),
        min_size=1,
        max_size=6,
    ),
    st.lists(st.integers(0, 29), min_size=40, max_size=40),
    st.lists(st.sampled_from([0.0, 0.25, 0.9]), min_size=30, max_size=30),
    st.integers(1, 40),
    st.integers(1, 12),
    st.booleans(),
)
def test_compiled_ranking_equals_numpy(
    words: list[list[tuple[int, int, float]]],
    postings: list[int],
    priors: list[float],
    pool: int,
    cap: int,
    arabic_query: bool,
) -> None:
    """The compiled ranking loop gives the names, entities and votes of its NumPy reference, ties included
    (few distinct weights and priors: many names tie, at the edge of the pool too)."""
    ranking = pytest.importorskip("entity_resolve._ranking") if not _expect_compiled() else index_module._ranking
    parts = [
        (
            np.array([min(start, len(postings) - 1) for start, _count, _weight in keys], dtype=np.int32),
            np.array([min(count, len(postings) - min(start, len(postings) - 1)) for start, count, _ in keys], np.int32),
            np.array([weight for _start, _count, weight in keys], dtype=np.float64),
        )
        for keys in words
    ]
    facts = (
        np.array(priors, dtype=np.float32).view(np.uint32).astype(np.uint64)
        | (np.arange(30, dtype=np.uint64) % np.uint64(4) << np.uint64(32))
        | (np.arange(30, dtype=np.uint64) % np.uint64(3) == 0).astype(np.uint64) << np.uint64(40)
    )
    arguments = (
        parts,
        np.array(postings, dtype=np.int32),
        facts,
        np.arange(30, dtype=np.int32) // 2,
        *index_module._support_factors(2, arabic_query),
        cap,
        pool,
    )
    assert ranking.rank_names(*arguments) == index_module._rank_names_numpy(*arguments)


def _expect_compiled() -> bool:
    """A compiled install under test (``.ci/run`` sets the variable when a C compiler is there)."""
    return os.environ.get("ENTITY_RESOLVE_EXPECT_COMPILED") == "1"


def test_entity_facts_are_the_entities_own(tmp_path: Path, small_gazetteer: er.Gazetteer) -> None:
    # what scoring reads of an entity off the index (type, prior, country) is what the entity says
    from entity_resolve.index import ENTITY_TYPE_ORDER

    index = NameIndex.build(small_gazetteer)
    index.save(tmp_path / "index.npz")
    loaded = NameIndex.load(tmp_path / "index.npz", fingerprint=small_gazetteer.fingerprint)
    assert loaded is not None
    for built in (index, loaded):
        assert [ENTITY_TYPE_ORDER[code] for code in built.entity_types.tolist()] == [e.type for e in small_gazetteer]
        assert built.entity_priors.tolist() == [e.prior for e in small_gazetteer]  # float64: exactly
        assert built.entity_countries == tuple(e.country or "" for e in small_gazetteer)


def test_builtin_entity_facts(builtin_resolver: er.Resolver) -> None:
    from entity_resolve.index import ENTITY_TYPE_ORDER

    index, gazetteer = builtin_resolver.index, builtin_resolver.gazetteer
    for position in range(0, len(gazetteer), 97):
        entity = gazetteer.entity_at(position)
        assert ENTITY_TYPE_ORDER[index.entity_types.item(position)] == entity.type
        assert index.entity_priors.item(position) == entity.prior
        assert index.entity_countries[position] == (entity.country or "")
