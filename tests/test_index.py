from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

import entity_resolve as er
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


def test_corrupt_cache_is_rebuilt(tmp_path: Path, small_gazetteer: er.Gazetteer) -> None:
    path = tmp_path / f"index-{INDEX_FORMAT}-{code_fingerprint()}-{small_gazetteer.fingerprint}.npz"
    path.write_bytes(b"not an npz file")
    index = cached_index(small_gazetteer, tmp_path)
    assert len(index) > 0
    assert NameIndex.load(path, fingerprint=small_gazetteer.fingerprint) is not None


def test_saved_index_holds_no_pickle(tmp_path: Path, small_gazetteer: er.Gazetteer) -> None:
    import numpy as np

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
