"""The learned decision: the shipped model, its reader, and what it changes in ``resolve``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import entity_resolve as er
from entity_resolve.decide import FEATURES, DecisionModel, _shipped_model, load_model
from tests.conftest import script_module

REPO_ROOT = Path(__file__).resolve().parents[1]
MODEL = REPO_ROOT / "entity_resolve" / "data" / "learned" / "decision.json"
#: Seeds the benchmarks report or measure choices on: never learned from.
HELD_OUT_SEEDS = {11, 13, 20250101}

#: Names transliterated into Arabic word by word (garbles of the noise model's round trips, dev seed 11; the last
#: two, training seeds 101 and 102):
#: every word aligned, far ahead of any other entity, yet scored below the threshold; the model links them.
RELIEVED = [
    ("قاتير تشاريتي", "org:qatar-charity"),
    ("اجنكي ماورتينني دينفورماتيون", "org:agence-mauritanienne-information"),
    ("نورث كردوفين", "place:north-kordofan"),
    # linked since the relief is 0.8 (probabilities 0.80-0.85)
    ("كونكل اف ثي ايوربيان اونيون", "org:council-of-the-european-union"),
    ("فليه الفاييذ", "person:falih-al-fayyadh"),
]


# -- the shipped model -----------------------------------------------------------------
def test_the_shipped_model_reads_the_features_in_order_and_credits_its_sources() -> None:
    document = json.loads(MODEL.read_text(encoding="utf-8"))
    assert document["features"] == list(FEATURES)
    assert "do not edit by hand" in document["generated_by"]
    assert any("Apache-2.0" in source for source in document["sources"])
    assert any("CC0-1.0" in source for source in document["sources"])
    seeds = {int(seed) for name in document["training_rows"] for seed in re.findall(r"seed (\d+)", name)}
    assert seeds
    assert not seeds & HELD_OUT_SEEDS
    assert len(_shipped_model().trees) == len(document["trees"]) > 0


_FEATURE_VALUES = st.lists(st.floats(0.0, 12.0, allow_nan=False), min_size=len(FEATURES), max_size=len(FEATURES))


@settings(max_examples=200, deadline=None)
@given(_FEATURE_VALUES)
def test_a_probability_lies_in_zero_one(features: list[float]) -> None:
    assert 0.0 <= _shipped_model().probability(features) <= 1.0


@settings(max_examples=200, deadline=None)
@given(_FEATURE_VALUES, st.sampled_from(["score", "lead", "name_similarity"]), st.floats(0.0, 1.0))
def test_a_better_score_lead_or_name_similarity_never_lowers_the_probability(
    features: list[float], name: str, raise_by: float
) -> None:
    position = FEATURES.index(name)
    raised = list(features)
    raised[position] += raise_by
    model = _shipped_model()
    assert model.probability(raised) >= model.probability(features) - 1e-12


@settings(max_examples=200, deadline=None)
@given(_FEATURE_VALUES, st.floats(0.0, 1.0))
def test_a_better_known_runner_up_never_raises_the_probability(features: list[float], raise_by: float) -> None:
    position = FEATURES.index("runner_up_prior")
    raised = list(features)
    raised[position] += raise_by
    model = _shipped_model()
    assert model.probability(raised) <= model.probability(features) + 1e-12


# -- reading a model file -------------------------------------------------------------------
def test_a_model_file_is_read_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(MODEL.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_model(path) == _shipped_model()


def test_a_model_of_other_features_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"features": ["score"], "baseline": 0.0, "trees": []}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"model\.json: the model's features"):
        load_model(path)


@pytest.mark.parametrize(
    "text",
    ["{not json", json.dumps(["a list"]), json.dumps({"features": list(FEATURES), "baseline": 0.0})],
)
def test_a_file_that_is_no_model_is_refused_naming_the_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "model.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"model\.json: "):
        load_model(path)


def test_a_tree_that_points_outside_itself_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    tree = {"feature": [0], "threshold": [0.5], "left": [1], "right": [2], "value": [0.0]}
    path.write_text(json.dumps({"features": list(FEATURES), "baseline": 0.0, "trees": [tree]}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"model\.json: tree 0, node 0"):
        load_model(path)


def test_a_stump_sends_its_threshold_left() -> None:
    stump = DecisionModel(0.0, (((1, -1, -1), (0.2, 0.0, 0.0), (1, 0, 0), (2, 0, 0), (0.0, -2.0, 2.0)),))
    at_threshold = [0.0] * len(FEATURES)
    at_threshold[1] = 0.2
    assert stump.probability(at_threshold) < 0.5


# -- what it changes in resolve ----------------------------------------------------------------
@pytest.mark.parametrize(("mention", "expected_id"), RELIEVED)
def test_a_name_transliterated_word_for_word_is_linked_by_the_model(
    builtin_resolver: er.Resolver, mention: str, expected_id: str
) -> None:
    resolution = builtin_resolver.resolve(mention)
    assert resolution.entity is not None
    assert resolution.entity.id == expected_id
    assert resolution.score < builtin_resolver.settings.threshold  # the threshold alone would abstain
    without_model = er.Resolver(builtin_resolver.gazetteer, settings=er.Settings(link_relief=1.0))
    assert without_model.resolve(mention).entity is None


@pytest.mark.parametrize(
    ("mention", "names"),
    [
        # pairs of the tuning slice of google/transliteration train (kept out of training, never dev)
        ("baydawi", ["البيضاوي", "بادواي", "بدوي"]),  # 0.78, 0.15 ahead
        ("إبسن", ["ibsen", "aasen", "bassani"]),  # 0.77, 0.11 ahead
    ],
)
def test_a_surname_transliterated_across_scripts_is_linked_by_the_model(mention: str, names: list[str]) -> None:
    gazetteer = er.Gazetteer.from_records(
        [{"id": f"p{n}", "type": "person", "name": name} for n, name in enumerate(names)]
    )
    resolution = er.Resolver(gazetteer).resolve(mention)
    assert resolution.entity is not None
    assert resolution.entity.name == names[0]
    assert resolution.score < er.Settings().threshold
    assert er.Resolver(gazetteer, link_relief=1.0).resolve(mention).entity is None


def test_the_veto_is_off_by_default_and_a_title_cue_overrules_it(builtin_resolver: er.Resolver) -> None:
    # the design card's garble: the model, which learned from open-world garbles, doubts it (see decide.py)
    assert builtin_resolver.resolve("هوثر").entity.id == "person:khalifa-haftar"
    wary = er.Resolver(builtin_resolver.gazetteer, settings=er.Settings(link_veto=0.45))
    assert wary.resolve("هوثر").entity is None
    assert wary.resolve("الجنرال هوثر").entity.id == "person:khalifa-haftar"
    assert wary.resolve("Chalifa Haftar").entity.id == "person:khalifa-haftar"


# -- the learning script ------------------------------------------------------------------------
def test_the_learning_script_writes_the_model_that_scikit_learn_fitted() -> None:
    pytest.importorskip("sklearn")
    script = script_module("learn_decision")
    right = [(tuple([0.95, 0.3, 1.0] + [1.0] * (len(FEATURES) - 3)), 1)] * 40
    wrong = [(tuple([0.6, 0.01, 0.7] + [1.0] * (len(FEATURES) - 3)), 0)] * 40
    document = script.build({"toy": right + wrong})  # raises when the written model differs from scikit-learn's
    model = DecisionModel(
        document["baseline"],
        tuple(
            (tree["feature"], tree["threshold"], tree["left"], tree["right"], tree["value"])
            for tree in document["trees"]
        ),
    )
    assert model.probability(right[0][0]) > 0.9 > 0.1 > model.probability(wrong[0][0])
