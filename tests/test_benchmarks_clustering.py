"""Fast tests of the clustering benchmark: metrics, data, baselines and the quick run."""

from __future__ import annotations

import doctest
import itertools
import json
import math
import sqlite3
from collections.abc import Hashable, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks import clustering
from benchmarks.clustering import (
    DISTRACTOR_PREFIX,
    BCubed,
    PersonGroup,
    b_cubed,
    build_dataset,
    ceaf_m,
    ceaf_overlap,
    exact_labels,
    failure_cases,
    fuzzy_labels,
    load_groups,
    scipy_available,
    synthetic_groups,
)

#: Labels drawn by the property tests: few, so that clusters overlap.
LABELS = st.integers(0, 4)
MAX_MENTIONS = 9


# -- brute-force references --------------------------------------------------------------------
def bcubed_per_mention(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> BCubed:
    """B-cubed straight from its definition: a loop over mentions and their cluster mates."""
    n = len(gold)
    precision = recall = 0.0
    for i in range(n):
        mine = [j for j in range(n) if predicted[j] == predicted[i]]
        true = [j for j in range(n) if gold[j] == gold[i]]
        both = [j for j in mine if gold[j] == gold[i]]
        precision += len(both) / len(mine)
        recall += len(both) / len(true)
    precision, recall = precision / n, recall / n
    return BCubed(precision, recall, 2 * precision * recall / (precision + recall))


def ceaf_permutations(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> int:
    """Φ of CEAF-m by trying every one-to-one alignment."""
    left, right = sorted(set(predicted), key=repr), sorted(set(gold), key=repr)
    overlap = {
        (k, g): sum(p == k and q == g for p, q in zip(predicted, gold, strict=True)) for k in left for g in right
    }
    small, large = (left, right) if len(left) <= len(right) else (right, left)
    best = 0
    for chosen in itertools.permutations(large, len(small)):
        pairs = zip(small, chosen, strict=True) if small is left else zip(chosen, small, strict=True)
        best = max(best, sum(overlap[(k, g)] for k, g in pairs))
    return best


def close(a: BCubed, b: BCubed) -> bool:
    return all(
        math.isclose(x, y, abs_tol=1e-12)
        for x, y in zip((a.precision, a.recall, a.f1), (b.precision, b.recall, b.f1), strict=True)
    )


# -- metrics on hand-made examples --------------------------------------------------------------
GOLD = ["a", "a", "a", "b", "b", "c"]


def test_perfect_clustering_scores_one_whatever_the_labels() -> None:
    predicted = [7, 7, 7, "x", "x", None]
    assert b_cubed(predicted, GOLD) == BCubed(1.0, 1.0, 1.0)
    assert ceaf_m(predicted, GOLD, solver="networkx") == 1.0


def test_all_in_one_cluster() -> None:
    # precision per mention: 3/6 (a), 2/6 (b), 1/6 (c) -> (3*3 + 2*2 + 1) / 36; recall 1
    m = b_cubed([0] * 6, GOLD)
    assert m.precision == pytest.approx(14 / 36)
    assert m.recall == 1.0
    assert m.f1 == pytest.approx(2 * (14 / 36) / (1 + 14 / 36))
    assert ceaf_m([0] * 6, GOLD, solver="networkx") == pytest.approx(3 / 6)


def test_all_singletons() -> None:
    # recall per mention: 1/3 (a, three times), 1/2 (b, twice), 1 (c) -> (1 + 1 + 1) / 6
    m = b_cubed(list(range(6)), GOLD)
    assert m.precision == 1.0
    assert m.recall == pytest.approx(3 / 6)
    assert ceaf_m(list(range(6)), GOLD, solver="networkx") == pytest.approx(3 / 6)


def test_a_hand_made_partial_clustering() -> None:
    predicted = [0, 0, 1, 1, 1, 2]
    # P: a,a in {a,a} -> 1, 1; a in {a,b,b} -> 1/3; b,b -> 2/3, 2/3; c -> 1; sum = 14/3
    # R: a,a -> 2/3, 2/3; a -> 1/3; b,b -> 1, 1; c -> 1; sum = 14/3
    m = b_cubed(predicted, GOLD)
    assert m.precision == pytest.approx(14 / 18)
    assert m.recall == pytest.approx(14 / 18)
    # best alignment: {0,1}->a (2), {2,3,4}->b (2), {5}->c (1)
    assert ceaf_overlap(predicted, GOLD, solver="networkx") == 5


def test_metrics_reject_mismatched_lengths_and_unknown_solvers() -> None:
    with pytest.raises(ValueError, match="one label per mention"):
        b_cubed([0, 1], ["a"])
    with pytest.raises(ValueError, match="unknown solver"):
        ceaf_m([0], ["a"], solver="hungarian")  # type: ignore[arg-type]
    assert math.isnan(b_cubed([], []).f1)
    assert math.isnan(ceaf_m([], []))


@settings(max_examples=200, deadline=None)
@given(pairs=st.lists(st.tuples(LABELS, LABELS), min_size=1, max_size=MAX_MENTIONS))
def test_bcubed_equals_the_per_mention_definition(pairs: list[tuple[int, int]]) -> None:
    predicted, gold = [p for p, _ in pairs], [g for _, g in pairs]
    assert close(b_cubed(predicted, gold), bcubed_per_mention(predicted, gold))
    # swapping the sides swaps precision and recall
    swapped = b_cubed(gold, predicted)
    assert swapped.precision == pytest.approx(b_cubed(predicted, gold).recall)


@settings(max_examples=150, deadline=None)
@given(pairs=st.lists(st.tuples(LABELS, LABELS), min_size=1, max_size=MAX_MENTIONS))
def test_ceaf_equals_the_best_of_every_alignment(pairs: list[tuple[int, int]]) -> None:
    predicted, gold = [p for p, _ in pairs], [f"g{g}" for _, g in pairs]
    best = ceaf_permutations(predicted, gold)
    assert ceaf_overlap(predicted, gold, solver="networkx") == best
    if scipy_available():
        assert ceaf_overlap(predicted, gold, solver="scipy") == best


def test_scipy_and_networkx_alignments_agree_on_a_small_case() -> None:
    pytest.importorskip("scipy", reason="scipy is not installed: the networkx alignment is used alone")
    # one component where the greedy choice (p0 -> g0 for 3, then p2 -> g1 for 1) is not optimal:
    # p0 -> g1 (2) and p1 -> g0 (3) give 5
    predicted = ["p0"] * 3 + ["p0"] * 2 + ["p1"] * 3 + ["p2"]
    gold = ["g0"] * 3 + ["g1"] * 2 + ["g0"] * 3 + ["g1"]
    assert ceaf_overlap(predicted, gold, solver="scipy") == ceaf_overlap(predicted, gold, solver="networkx") == 5
    assert ceaf_permutations(predicted, gold) == 5


# -- data ------------------------------------------------------------------------------------------
def _write_db(path: Path, rows: Sequence[tuple[str, str, str, str, int, str]]) -> None:
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TABLE full_names (arabic_key TEXT NOT NULL, latin TEXT NOT NULL, latin_lang TEXT NOT NULL DEFAULT '', "
        "country TEXT NOT NULL DEFAULT '', count INTEGER NOT NULL, source TEXT NOT NULL)"
    )
    connection.executemany("INSERT INTO full_names VALUES (?, ?, ?, ?, ?, ?)", rows)
    connection.commit()
    connection.close()


def test_load_groups_keeps_wikidata_rows_grouped_by_arabic_name_and_country(tmp_path: Path) -> None:
    db = tmp_path / "names.sqlite3"
    _write_db(
        db,
        [
            ("احمد فهمي", "Ahmed Fahmy", "en", "EG", 3, "wikidata"),
            ("احمد فهمي", "Ahmad Fahmi", "fr", "EG", 1, "wikidata"),
            ("احمد فهمي", "Ahmed  Fahmy", "alias", "EG", 1, "wikidata"),  # same after spaces
            ("احمد فهمي", "Ahmed Fahmi", "en", "SA", 1, "wikidata"),  # another country: another person
            ("احمد فهمي", "أحمد", "en", "EG", 1, "wikidata"),  # not Latin script
            ("ابتسام", "Ibtessam", "en", "DZ", 1, "dzirinames"),  # another source
        ],
    )
    groups = load_groups(db)
    assert groups == [
        PersonGroup("احمد فهمي", "EG", ("Ahmad Fahmi", "Ahmed Fahmy")),
        PersonGroup("احمد فهمي", "SA", ("Ahmed Fahmi",)),
    ]


def test_dataset_is_seeded_and_skips_namesakes() -> None:
    groups = [
        *synthetic_groups(),
        # the same Arabic name as Haftar's in another country: a namesake, never sampled with it
        PersonGroup("خليفه حفتر", "EG", ("Khalifa Hefter", "Khalifa Haftar Jr")),
    ]
    first = build_dataset(groups, persons=100, seed=3)
    assert first == build_dataset(groups, persons=100, seed=3)
    assert first.mentions != build_dataset(groups, persons=100, seed=4).mentions
    assert first.stats["true clusters"] == 10
    assert first.stats["namesake true clusters skipped"] == 1
    assert len(set(first.mentions)) == len(first.mentions)
    owners: dict[str, set[str]] = {}
    for mention, gold in zip(first.mentions, first.gold, strict=True):
        owners.setdefault(exact_labels([mention])[0], set()).add(gold)
    assert all(len(golds) == 1 for golds in owners.values())
    per_gold: dict[str, list[str]] = {}
    for gold, kind in zip(first.gold, first.kinds, strict=True):
        per_gold.setdefault(gold, []).append(kind)
    for gold, kinds in per_gold.items():
        if gold.startswith(DISTRACTOR_PREFIX):
            assert kinds == ["distractor"]
        else:
            assert kinds.count("arabic") == 1
            assert kinds.count("latin") >= clustering.MIN_LATIN_SPELLINGS


# -- baselines -------------------------------------------------------------------------------------
def test_fuzzy_labels_are_connected_components() -> None:
    mentions = ["Ahmed Fahmy", "Ahmed Fahmi", "Ahmad Fahmi", "Omar Sharif", "", "خالد"]
    labels = fuzzy_labels(mentions, cutoff=85)
    assert labels[0] == labels[1] == labels[2]
    assert len(set(labels[3:])) == 3
    # a chunk smaller than the input gives the same components
    assert fuzzy_labels(mentions * 3) == fuzzy_labels(mentions * 3, cutoff=85)


def test_fuzzy_labels_do_not_depend_on_the_chunk_size(monkeypatch: pytest.MonkeyPatch) -> None:
    mentions = ["Ahmed Fahmy", "Omar Sharif", "Ahmad Fahmi", "Omar Sherif", "Ahmed Fahmi", "Zaid"]
    whole = fuzzy_labels(mentions)
    monkeypatch.setattr(clustering, "CDIST_CELLS", len(mentions))  # one row per chunk
    assert fuzzy_labels(mentions) == whole


def test_failure_cases_list_merges_and_splits() -> None:
    dataset = build_dataset(synthetic_groups(), persons=2, seed=0, distractor_ratio=0)
    everything = failure_cases(dataset, [0] * len(dataset.mentions))
    assert everything["merged_clusters"] == 1
    assert everything["split_gold_clusters"] == 0
    alone = failure_cases(dataset, list(range(len(dataset.mentions))))
    assert alone["merged_clusters"] == 0
    assert alone["split_gold_clusters"] == 2


def test_clustering_doctests() -> None:
    assert doctest.testmod(clustering).failed == 0


# -- the quick run -----------------------------------------------------------------------------------
def test_quick_run_on_the_hand_made_dataset_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = clustering.main(quick=True, seed=1, out=tmp_path, db=tmp_path / "missing.sqlite3")
    assert status == 0
    printed = capsys.readouterr().out
    assert "| system | clusters | B³ P |" in printed
    assert "entity_resolve (empty gazetteer)" in printed
    assert "hand-made dataset" in printed
    report = json.loads((tmp_path / "clustering.json").read_text(encoding="utf-8"))
    assert report["dataset"]["true clusters"] == 10
    systems = [row["system"] for row in report["rows"]]
    assert systems[:3] == ["entity_resolve (empty gazetteer)", "exact", "rapidfuzz"]
    for row in report["rows"]:
        assert 0.0 <= row["b_cubed"]["f1"] <= 1.0
        assert 0.0 <= row["ceaf_m"] <= 1.0
    assert (tmp_path / "clustering.md").read_text(encoding="utf-8").startswith("# Clustering benchmark")


def test_quick_run_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    runs = []
    for name in ("one", "two"):
        clustering.main(quick=True, seed=5, out=tmp_path / name, db=tmp_path / "missing.sqlite3")
        report = json.loads((tmp_path / name / "clustering.json").read_text(encoding="utf-8"))
        runs.append(([{k: v for k, v in row.items() if k != "seconds"} for row in report["rows"]], report["failures"]))
    capsys.readouterr()
    assert runs[0] == runs[1]
