from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from entity_resolve.keys import (
    COARSE_CLASS,
    coarse_skeleton,
    fine_skeleton,
    fine_skeleton_variants,
    latin_phonetic_code,
    readings,
    vocalic_skeleton,
)
from entity_resolve.normalize import normalize_name

TABLE = list(csv.DictReader((Path(__file__).parent / "data" / "skeletons.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("row", TABLE, ids=[row["token"] for row in TABLE])
def test_skeleton_table(row: dict[str, str]) -> None:
    assert fine_skeleton(row["token"]) == row["fine"]
    assert coarse_skeleton(row["fine"]) == row["coarse"]


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("خليفه", "khalifa"),
        ("حفتر", "haftar"),
        ("بشار", "bashar"),
        ("بنغازي", "benghazi"),
        ("فايز", "fayez"),
        ("سراج", "sarraj"),
        ("قذافي", "qadhafi"),
    ],
)
def test_both_scripts_meet_on_the_fine_skeleton(arabic: str, latin: str) -> None:
    assert fine_skeleton(arabic) == fine_skeleton(latin)


@pytest.mark.parametrize(
    ("written", "latin"),
    [("ڕەشت", "rasht"), ("ڕەقە", "raqqa"), ("ھەولێر", "hewler"), ("کوڵستان", "kolestan"), ("ڕاوالپنډی", "rawalpindi")],
)
def test_kurdish_and_uyghur_letters_keep_their_consonants(written: str, latin: str) -> None:
    (token,) = normalize_name(written).tokens
    assert fine_skeleton(token) == fine_skeleton(latin)


def test_latin_ch_has_german_french_and_english_readings() -> None:
    assert fine_skeleton_variants("chahed") == ("xhd", "Shd", "tShd")
    assert fine_skeleton_variants("schalke") == ("Slk",)


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [("مودريتش", "Modric"), ("ماكسيموفيتش", "Maksimovic"), ("فوتشيتش", "Vučić"), ("ريتشارد", "Richard")],
)
def test_slavic_and_english_ch_meet_arabic_tsh(arabic: str, latin: str) -> None:
    latin_token = normalize_name(latin).tokens[0]
    assert fine_skeleton(arabic) in fine_skeleton_variants(latin_token)


def test_vocalic_skeleton_keeps_written_vowels() -> None:
    assert vocalic_skeleton("بشير") == "bSir"
    assert vocalic_skeleton("bashir") == "baSir"


def test_latin_phonetic_code_is_empty_for_arabic() -> None:
    assert latin_phonetic_code("حفتر") == ""
    assert latin_phonetic_code("haftar") != ""


@given(st.text(max_size=30))
def test_skeletons_use_only_the_shared_alphabets(token: str) -> None:
    for fine in fine_skeleton_variants(token):
        assert set(fine) <= set(COARSE_CLASS)
        assert set(coarse_skeleton(fine)) <= set(COARSE_CLASS.values())


def test_dhal_and_zah_are_also_read_as_zain_by_the_scorer_only() -> None:
    from entity_resolve.keys import readings
    from entity_resolve.score import token_similarity

    assert [(r.fine, r.indexed) for r in readings("الكاظميه")][:2] == [("kDm", True), ("kzm", False)]
    assert len(readings("ثامر")) == 1  # ث is as often a garble of ت: no sibilant reading
    garble_of_gaza = token_similarity("غذه", "غزه")
    assert 0.8 < garble_of_gaza < 1.0  # close, yet below the same spelling
    assert token_similarity("الكازميه", "الكاظميه") > 0.95


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("جواد", "Javad"),
        ("پرويز", "Parviz"),
        ("رضوي", "Razavi"),
        ("رمضان", "Ramazan"),
        ("عيوضي", "Eivazi"),
        ("نژاد", "Nezhad"),
    ],
)
def test_persian_v_z_and_zh_meet_waw_dad_and_zhe(arabic: str, latin: str) -> None:
    arabic_token, latin_token = normalize_name(arabic).tokens[0], normalize_name(latin).tokens[0]
    assert {r.fine for r in readings(arabic_token)} & {r.fine for r in readings(latin_token)}
    # scorer-only: the index keeps the letters' usual readings
    assert fine_skeleton(arabic_token) not in fine_skeleton_variants(latin_token)


def test_latin_ch_meets_persian_che_folded_to_jim() -> None:
    chamran = normalize_name("چمران").tokens[0]
    assert fine_skeleton(chamran) in {r.fine for r in readings("chamran")}
    assert fine_skeleton(chamran) not in fine_skeleton_variants("chamran")  # scorer only


def test_numbers_survive_into_every_skeleton_alike_in_both_scripts() -> None:
    from entity_resolve.index import name_keys

    arabic, latin = normalize_name("فرانس ٢٤").tokens, normalize_name("France 24").tokens
    assert arabic[1] == latin[1] == "24"
    assert [fine_skeleton(token) for token in arabic] == [fine_skeleton(token) for token in latin] == ["frns", "24"]
    assert readings("24")[0].vocalic == "24"
    assert coarse_skeleton(fine_skeleton("g20")) == "K20"
    assert fine_skeleton("2200") == "2200"  # digits are never collapsed like doubled letters
    assert "~24" in name_keys("24")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("24", "24", True),
        ("g20", "g20", True),
        ("24", "12", False),
        ("g20", "g7", False),
        ("g20", "20", False),  # a number is not a word with the number
        ("g7", "g77", False),
        ("24", "haftar", False),
        ("2", "a", False),  # a number is no vowel-less tiny garble of a word
        ("france", "24", False),
    ],
)
def test_numbers_match_only_the_same_number(a: str, b: str, same: bool) -> None:
    from entity_resolve.score import token_similarity

    for first, second in ((a, b), (b, a)):
        assert (token_similarity(first, second) == 1.0) is same
        assert same or token_similarity(first, second, learned=False) < 0.6


def test_kept_readings_are_plain_and_not_walked_by_the_garbage_collector() -> None:
    # a long run keeps hundreds of thousands of tokens' readings: as Reading objects, every full
    # collection would walk them all; plain tuples of strings the collector stops tracking
    import gc

    from entity_resolve import keys

    for token in ("هوثر", "chalifa", "الاسد", "adham"):
        assert keys.plain_readings(token) == tuple((r.fine, r.coarse, r.vocalic, r.indexed) for r in readings(token))
    gc.collect()
    gc.collect()
    assert not any(gc.is_tracked(found) for found in keys._known_readings.values())


def test_kept_work_is_in_dicts_the_garbage_collector_does_not_walk() -> None:
    # what the scorer and the index keep between calls are dicts of strings to numbers and strings,
    # which the collector never tracks, and the name-part lexicon's tuples, which it stops tracking
    import gc

    import entity_resolve as er
    from entity_resolve import index, keys, learned, name_parts, score

    resolver = er.Resolver(
        er.Gazetteer.from_records([{"id": "h", "type": "person", "name": "Khalifa Haftar", "aliases": ["خليفة حفتر"]}])
    )
    for mention in ("الجنرال هوثر", "Chalifa Haftar", "Khalifa Hafter", "حفتر"):
        resolver.resolve(mention)
    kept = [
        *score._default_similarities,
        score._kept_weights,
        learned._kept_pairs,
        index._kept_digests,
        keys._kept_codes,
    ]
    assert all(kept)
    assert not any(gc.is_tracked(found) for found in kept)
    assert name_parts.are_different_names("محمد", "محمود")
    gc.collect()
    gc.collect()
    assert not gc.is_tracked(name_parts._lexicon())
    assert not gc.is_tracked(name_parts._group_arabic())
