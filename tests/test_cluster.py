"""cluster: mentions grouped by entity, known or new, with stable ids."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import entity_resolve as er
from entity_resolve.cluster import (
    MAX_BLOCK_SIZE,
    NAME_MATCH_THRESHOLD,
    ORDER_PENALTY,
    _candidate_pairs,
    common_tokens,
    name_similarity,
    pair_similarity,
)
from entity_resolve.normalize import normalize_name

ROOT = Path(__file__).resolve().parent.parent

DABBAGH = ["Samer Dabbagh", "Samir al-Dabbagh", "سامر الدباغ"]
# names no small-gazetteer entity is close to, in several spellings
UNKNOWN_POOL = [
    *DABBAGH,
    "سمير الدباغ",
    "Samir Dabbag",
    "Omar Dabbagh",
    "Dabbagh",
    "Aguila Saleh",
    "Aguila Salah",
    "عقيلة صالح",
    "Ahmed Maiteeq",
    "Ahmad Mitig",
    "أحمد معيتيق",
    "Samer Khalil",
    "Omar Khalil",
]
KNOWN_POOL = [
    "Khalifa Haftar",
    "حفتر",
    "Chalifa Haftar",
    "الجنرال هوثر",
    "Fayez al-Sarraj",
    "فايز السراج",
    "Bashar al-Assad",
    "Benghazi",
    "مجلس الأمن الدولي",
    "Hifta",
    "Sarag",
]
JUNK = ["", "   ", "!!!", "42", "الجنرال"]


def summary(clusters: list[er.Cluster]) -> list[tuple[str, list[str]]]:
    return [(c.id, [m if isinstance(m, str) else m.text for m in c.members]) for c in clusters]


def is_subsequence(part: list[object], whole: list[object]) -> bool:
    remaining = iter(whole)
    return all(any(item == other for other in remaining) for item in part)


def check_partition(mentions: list[str | er.Mention], clusters: list[er.Cluster]) -> None:
    """Every input in exactly one cluster, members in input order, clusters by first member, ids unique."""
    assert Counter(m for c in clusters for m in c.members) == Counter(mentions)
    for c in clusters:
        assert c.members
        assert is_subsequence(list(c.members), list(mentions))
    # equal mentions always share a cluster, so a member's first occurrence is in its cluster
    firsts = [mentions.index(c.members[0]) for c in clusters]
    assert firsts == sorted(firsts)
    assert len({c.id for c in clusters}) == len(clusters)
    assert all(c.id == c.entity.id for c in clusters if c.entity is not None)
    assert all(c.id.startswith("new:") for c in clusters if c.entity is None)


def test_unresolved_variants_share_a_new_cluster(small_resolver: er.Resolver) -> None:
    clusters = er.cluster(DABBAGH, resolver=small_resolver)
    assert len(clusters) == 1
    (only,) = clusters
    assert only.entity is None
    assert only.id.startswith("new:")
    assert len(only.id) == len("new:") + 12
    assert only.members == tuple(DABBAGH)


@pytest.fixture(scope="module")
def empty_resolver() -> er.Resolver:
    return er.Resolver(er.Gazetteer.from_records([], origin="empty"))


def members(clusters: list[er.Cluster]) -> list[list[str]]:
    return [[m if isinstance(m, str) else m.text for m in c.members] for c in clusters]


def test_a_chain_through_a_common_given_name_does_not_merge_two_people(empty_resolver: er.Resolver) -> None:
    orabi = ["Mohamed Orabi", "Mohamed El Orabi", "محمد العرابي"]
    sebaie = ["Mohamed Sebaie", "Mohamed El Sebaei", "محمد السباعي"]
    # العلبي is close to both العرابي and السباعي: single links would chain all seven names
    bridge = "محمد العلبي"
    forms = {m: normalize_name(m).tokens for m in [*orabi, *sebaie, bridge]}
    assert pair_similarity(forms[bridge], forms["محمد العرابي"]) >= NAME_MATCH_THRESHOLD
    assert pair_similarity(forms[bridge], forms["محمد السباعي"]) >= NAME_MATCH_THRESHOLD
    found = members(er.cluster([*orabi, bridge, *sebaie], resolver=empty_resolver))
    assert sebaie in found
    assert not any(set(orabi) & set(group) and set(sebaie) & set(group) for group in found)


def test_a_name_with_one_more_part_joins(empty_resolver: er.Resolver) -> None:
    mentions = ["Hassan Mohaghegh", "Mohammad Hassan Mohaghegh", "Hasan Mohaghegh"]
    assert members(er.cluster(mentions, resolver=empty_resolver)) == [mentions]


def test_words_written_as_one_join_their_spelling_apart(empty_resolver: er.Resolver) -> None:
    mentions = ["Amir Hossein Rostami", "Zohreh Fakour-Sabour", "اميرحسين رستمي", "زهره فكورصبور"]
    assert members(er.cluster(mentions, resolver=empty_resolver)) == [
        ["Amir Hossein Rostami", "اميرحسين رستمي"],
        ["Zohreh Fakour-Sabour", "زهره فكورصبور"],
    ]


def test_names_of_common_words_only_still_meet(empty_resolver: er.Resolver) -> None:
    # more Muhammads and Khans than MAX_BLOCK_SIZE: each word's keys are too common to block on, the word pair is not
    rare = [first + last for first in ("Bar", "Dor", "Fen", "Gul", "Hum", "Jor", "Kel", "Lom") for last in "anekirosu"]
    assert len(rare) > MAX_BLOCK_SIZE
    corpus = [*(f"Muhammad {name}" for name in rare), *(f"{name} Khan" for name in rare)]
    three = ["Khan Muhammad", "Khan Mohammad", "خان محمد"]
    found = members(er.cluster([three[0], *corpus, *three[1:]], resolver=empty_resolver))
    assert any(set(three) <= set(group) for group in found)


def test_common_words_do_not_anchor_a_contained_name() -> None:
    common = common_tokens([("muhammad", "khan", f"x{number}") for number in range(10)])
    assert common == {"muhammad", "khan"}
    short, longer = ("muhammad", "khan"), ("banaras", "muhammad", "khan")
    assert pair_similarity(short, longer) >= NAME_MATCH_THRESHOLD > pair_similarity(short, longer, common=common)
    # a rare name within a longer one whose extra word is common: Yahya Khan is Muhammad Yahya Khan
    short, longer = ("yahya", "khan"), ("muhammad", "yahya", "khan")
    assert pair_similarity(short, longer, common=common) >= NAME_MATCH_THRESHOLD > pair_similarity(short, longer)


def test_pair_similarity_is_one_scale_across_scripts() -> None:
    latin, arabic = normalize_name("Samer Dabbagh").tokens, normalize_name("سامر الدباغ").tokens
    assert pair_similarity(latin, arabic) == pair_similarity(arabic, latin)
    assert pair_similarity(latin, arabic) > name_similarity(latin, arabic)
    assert pair_similarity(latin, latin) == 1.0


def test_resolved_mentions_cluster_under_the_gazetteer_id(small_resolver: er.Resolver) -> None:
    mentions = ["حفتر", "Samer Dabbagh", "Chalifa Haftar", "Fayez al-Sarraj", "سامر الدباغ", "Khalifa Haftar"]
    assert summary(er.cluster(mentions, resolver=small_resolver)) == [
        ("person:khalifa-haftar", ["حفتر", "Chalifa Haftar", "Khalifa Haftar"]),
        (er.cluster(["Samer Dabbagh", "سامر الدباغ"], resolver=small_resolver)[0].id, ["Samer Dabbagh", "سامر الدباغ"]),
        ("person:fayez-al-sarraj", ["Fayez al-Sarraj"]),
    ]


def test_new_id_depends_on_the_members_only(small_resolver: er.Resolver) -> None:
    alone = er.cluster(DABBAGH, resolver=small_resolver)[0].id
    shuffled = er.cluster([*reversed(DABBAGH), "Benghazi"], resolver=small_resolver)
    assert shuffled[0].id == alone
    assert er.cluster(DABBAGH[:2], resolver=small_resolver)[0].id != alone


def test_weak_candidate_joins_an_entity_named_elsewhere(small_resolver: er.Resolver) -> None:
    assert small_resolver.resolve("Hifta").entity is None
    with_full_name = er.cluster(["Khalifa Haftar", "Hifta"], resolver=small_resolver)
    assert summary(with_full_name) == [("person:khalifa-haftar", ["Khalifa Haftar", "Hifta"])]
    # without another mention of Haftar, the guess is not made
    alone = er.cluster(["Hifta"], resolver=small_resolver)
    assert alone[0].entity is None
    assert er.cluster(["Khalifa Haftar", "Hifta"], resolver=small_resolver, candidate_floor=None)[1].entity is None


def test_cannot_link_splits_a_component_with_two_entities(small_resolver: er.Resolver) -> None:
    # threshold 0 joins the two unresolved mentions; each leans to another entity
    mentions = ["Khalifa Haftar", "Fayez al-Sarraj", "Hafter Samer", "Sarraj Samer"]
    clusters = er.cluster(mentions, resolver=small_resolver, threshold=0.0, candidate_floor=0.3)
    assert summary(clusters) == [
        ("person:khalifa-haftar", ["Khalifa Haftar", "Hafter Samer"]),
        ("person:fayez-al-sarraj", ["Fayez al-Sarraj", "Sarraj Samer"]),
    ]


def test_mentions_from_resolve_text(small_resolver: er.Resolver) -> None:
    text = "قال خليفة حفتر في بنغازي إن الجنرال هوثر لن يلتقي فايز السراج. Later Khalifa Haftar left Benghazi."
    mentions = er.resolve_text(text, resolver=small_resolver)
    inputs: list[str | er.Mention] = [*mentions, "Samer Dabbagh"]
    clusters = er.cluster(inputs, resolver=small_resolver)
    check_partition(inputs, clusters)
    by_id = {c.id: c for c in clusters}
    haftar = by_id["person:khalifa-haftar"]
    assert [m.text for m in haftar.members if isinstance(m, er.Mention)] == [
        "خليفة حفتر",
        "الجنرال هوثر",
        "Khalifa Haftar",
    ]
    assert all(isinstance(m, er.Mention) for m in haftar.members)
    assert [m.text for m in by_id["place:benghazi"].members if isinstance(m, er.Mention)] == ["بنغازي", "Benghazi"]


def test_junk_mentions_each_land_in_one_cluster(small_resolver: er.Resolver) -> None:
    mentions = [*JUNK, "", "Samer Dabbagh"]
    clusters = er.cluster(mentions, resolver=small_resolver)
    check_partition(list(mentions), clusters)
    assert all(c.entity is None for c in clusters)


def test_empty_input(small_resolver: er.Resolver) -> None:
    assert er.cluster([], resolver=small_resolver) == []
    assert er.cluster(iter(()), resolver=small_resolver) == []


def test_bad_input(small_resolver: er.Resolver) -> None:
    with pytest.raises(TypeError, match="not str"):
        er.cluster("Haftar", resolver=small_resolver)
    with pytest.raises(TypeError, match=r"mentions\[1\] must be a str or Mention, not int"):
        er.cluster(["Haftar", 3], resolver=small_resolver)  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not int"):
        er.cluster(3, resolver=small_resolver)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="threshold"):
        er.cluster(["Haftar"], resolver=small_resolver, threshold=1.5)
    with pytest.raises(ValueError, match="candidate_floor"):
        er.cluster(["Haftar"], resolver=small_resolver, candidate_floor=-0.1)


def test_same_clusters_twice(small_resolver: er.Resolver) -> None:
    mentions = [*KNOWN_POOL, *UNKNOWN_POOL, *JUNK]
    assert er.cluster(mentions, resolver=small_resolver) == er.cluster(mentions, resolver=small_resolver)


_SUBPROCESS = """
import json
import entity_resolve as er
from tests.conftest import SMALL_RECORDS
from tests.test_cluster import JUNK, KNOWN_POOL, UNKNOWN_POOL
resolver = er.Resolver(er.Gazetteer.from_records(SMALL_RECORDS))
clusters = er.cluster([*KNOWN_POOL, *UNKNOWN_POOL, *JUNK], resolver=resolver)
print(json.dumps([(c.id, list(c.members)) for c in clusters], ensure_ascii=False))
"""


def test_same_ids_in_another_process_with_another_hash_seed(small_resolver: er.Resolver) -> None:
    expected = [
        [c.id, list(c.members)] for c in er.cluster([*KNOWN_POOL, *UNKNOWN_POOL, *JUNK], resolver=small_resolver)
    ]
    outputs = []
    for seed in ("1", "4242"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _SUBPROCESS],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        outputs.append(json.loads(run.stdout))
    assert outputs[0] == outputs[1] == expected


def naive_partition(mentions: list[str], threshold: float) -> set[frozenset[int]]:
    """Reference: every pair of distinct names scored, groups merged by the documented linkage, naively."""
    forms = [normalize_name(m).tokens or ("\x00" + m.strip(),) for m in mentions]
    distinct = list(dict.fromkeys(forms))
    tokens = [form if not form[0].startswith("\x00") else () for form in distinct]
    common = common_tokens(tokens)
    similarity = {
        (i, j): pair_similarity(tokens[i], tokens[j], common=common)
        for i in range(len(distinct))
        for j in range(len(distinct))
        if i != j
    }

    def best_matches(names: list[int], others: list[int]) -> float:
        return sum(max(similarity[x, y] for y in others) for x in names) / len(names)

    def linkage(left: list[int], right: list[int]) -> float:
        if len(left) == len(right):
            return min(best_matches(left, right), best_matches(right, left))
        small, large = (left, right) if len(left) < len(right) else (right, left)
        return best_matches(small, large)

    groups = {number: [number] for number in range(len(distinct))}
    while True:
        scored = [
            (linkage(groups[g], groups[h]), -g, -h)
            for g in groups
            for h in groups
            if g < h and any(similarity[x, y] >= threshold for x in groups[g] for y in groups[h])
        ]
        if not scored or max(scored)[0] < threshold:
            break
        _link, g, h = max(scored)
        groups[-g].extend(groups.pop(-h))
    group_of = {number: key for key, members in groups.items() for number in members}
    by_group: dict[int, set[int]] = {}
    for position, form in enumerate(forms):
        by_group.setdefault(group_of[distinct.index(form)], set()).add(position)
    return {frozenset(group) for group in by_group.values()}


def partition(mentions: list[str], clusters: list[er.Cluster]) -> set[frozenset[int]]:
    """Clusters as sets of input positions (equal strings share a cluster, so positions follow)."""
    cluster_of = {m: number for number, c in enumerate(clusters) for m in c.members}
    groups: dict[int, set[int]] = {}
    for position, mention in enumerate(mentions):
        groups.setdefault(cluster_of[mention], set()).add(position)
    return {frozenset(group) for group in groups.values()}


@settings(max_examples=30, deadline=None)
@given(
    mentions=st.lists(st.sampled_from([*UNKNOWN_POOL, *JUNK[:3]]), max_size=10),
    threshold=st.sampled_from([0.7, 0.8, NAME_MATCH_THRESHOLD, 0.9, 0.95]),
)
def test_blocked_clustering_equals_all_pairs_reference(
    small_resolver: er.Resolver, mentions: list[str], threshold: float
) -> None:
    assert all(small_resolver.resolve(m).entity is None for m in mentions)
    clusters = er.cluster(mentions, resolver=small_resolver, threshold=threshold, candidate_floor=None)
    assert partition(mentions, clusters) == naive_partition(mentions, threshold)


@settings(max_examples=40, deadline=None)
@given(
    mentions=st.lists(st.sampled_from([*KNOWN_POOL, *UNKNOWN_POOL, *JUNK]), max_size=12),
    threshold=st.sampled_from([0.0, 0.5, NAME_MATCH_THRESHOLD]),
    floor=st.sampled_from([None, 0.3, 0.7]),
)
def test_partition_and_cannot_link_properties(
    small_resolver: er.Resolver, mentions: list[str], threshold: float, floor: float | None
) -> None:
    clusters = er.cluster(mentions, resolver=small_resolver, threshold=threshold, candidate_floor=floor)
    check_partition(list(mentions), clusters)
    for c in clusters:
        resolved = {small_resolver.resolve(m).entity for m in c.members if isinstance(m, str)} - {None}
        # cannot-link: never two entities in a cluster, and a resolved mention sits with its entity
        assert len(resolved) <= 1
        if resolved:
            assert c.entity in resolved


def test_persian_and_pashto_letters_meet_their_latin_spelling(empty_resolver: er.Resolver) -> None:
    # Persian v for و and z for ض (Javad, Razavian), Pashto ګ (Mangal)
    mentions = ["Javad Razavian", "Mina Mangal", "جواد رضويان", "مینه منګل"]
    assert members(er.cluster(mentions, resolver=empty_resolver)) == [
        ["Javad Razavian", "جواد رضويان"],
        ["Mina Mangal", "مینه منګل"],
    ]


def test_names_in_another_word_order_weigh_less() -> None:
    def similarity(a: str, b: str) -> float:
        return pair_similarity(normalize_name(a).tokens, normalize_name(b).tokens)

    # a family name written first still joins; two names sharing a word in another place do not
    assert similarity("Saleh Salem", "Salem Saleh") == 1.0 - ORDER_PENALTY >= NAME_MATCH_THRESHOLD
    assert similarity("Osama Hamada", "احمد عصمان") < NAME_MATCH_THRESHOLD <= similarity("Osama Hamada", "عصمان احمد")


def _crowd_sharing(word: str) -> list[tuple[str, ...]]:
    """More two-word names starting with ``word`` than ``MAX_BLOCK_SIZE``, their second words rare."""
    rare = [first + last for first in ("Bar", "Dor", "Fen", "Gul", "Hum", "Jor", "Kel", "Lom") for last in "anekirosu"]
    forms = [normalize_name(f"{word} {name}").tokens for name in rare]
    assert len(forms) > MAX_BLOCK_SIZE
    return forms


def test_words_written_as_one_are_blocked_past_a_common_given_name() -> None:
    # more Alis than MAX_BLOCK_SIZE: only the joined words key Vajed Samimi to Vajedsamimi
    forms = _crowd_sharing("Ali")
    forms += [normalize_name("Ali Vajed-Samimi").tokens, normalize_name("Ali Vajedsamimi").tokens]
    assert (len(forms) - 2, len(forms) - 1) in _candidate_pairs(forms)


def test_one_word_names_are_blocked_among_one_word_names() -> None:
    # more two-word names with Iman than MAX_BLOCK_SIZE: the word's own keys are too common to block on
    forms = _crowd_sharing("Iman")
    forms += [normalize_name("Iman").tokens, normalize_name("ايمان").tokens]
    assert (len(forms) - 2, len(forms) - 1) in _candidate_pairs(forms)


def test_readme_corpus_example_holds(builtin_resolver: er.Resolver) -> None:
    # the README's cluster example, on the built-in gazetteer: a known person and an unknown one
    clusters = er.cluster(
        ["Chalifa Haftar", "حفتر", "Samer Kabbani", "Samir Qabbani", "سامر القباني"], resolver=builtin_resolver
    )
    shown = [(c.id, c.entity.name if c.entity else None, c.members) for c in clusters]
    assert shown == [
        ("person:khalifa-haftar", "Khalifa Haftar", ("Chalifa Haftar", "حفتر")),
        ("new:a47bbc973e26", None, ("Samer Kabbani", "Samir Qabbani", "سامر القباني")),
    ]
