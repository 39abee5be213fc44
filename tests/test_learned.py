"""Checks of the learned transliteration table, its scorer and the learning script (fast)."""

from __future__ import annotations

import itertools
import math
import os
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entity_resolve import learned
from entity_resolve.learned import TransliterationModel, load_model, transliteration_similarity
from tests.conftest import script_module

REPO_ROOT = Path(__file__).resolve().parents[1]
TABLE = REPO_ROOT / "entity_resolve" / "data" / "learned" / "transliteration.tsv"
#: The committed table stays small.
MAX_TABLE_ROWS = 5_000


def _learning_script() -> ModuleType:
    return script_module("learn_transliteration")


# -- the shipped table --------------------------------------------------------------
def test_table_loads_with_provenance() -> None:
    model = load_model()
    assert model.unseen_cost > 0
    assert model.scale > 0
    assert ("emit", "medial", "ب") in model.costs
    text = TABLE.read_text(encoding="utf-8")
    assert "Apache-2.0" in text
    assert "CC0-1.0" in text
    assert "learn_transliteration.py" in text
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert len(rows) <= MAX_TABLE_ROWS
    assert all(cost >= 0 for table in model.costs.values() for cost in table.values())


def test_readme_credits_sources() -> None:
    readme = (TABLE.parent / "README.md").read_text(encoding="utf-8")
    for needle in ("Apache-2.0", "CC0-1.0", "google/transliteration", "NETransliteration", "learn_transliteration"):
        assert needle in readme


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [("خليفه", "khalifa"), ("حفتر", "haftar"), ("الاسد", "assad"), ("ب", "zzzzzzzzzzzzzzzzz"), ("ع", "")],
)
def test_similarity_in_unit_interval(arabic: str, latin: str) -> None:
    assert 0.0 <= transliteration_similarity(arabic, latin) <= 1.0


@pytest.mark.parametrize(
    ("arabic", "right", "wrong"),
    [
        ("خليفه", "khalifa", "kuwait"),
        ("بشار", "bashar", "bashir"),
        ("محمد", "mohamed", "hamid"),
        ("فاطمه", "fatima", "fadila"),
        ("الاسد", "assad", "osman"),
        ("شيراك", "chirac", "sharif"),
    ],
)
def test_known_pairs_rank_first(arabic: str, right: str, wrong: str) -> None:
    assert transliteration_similarity(arabic, right) > transliteration_similarity(arabic, wrong)


def test_viterbi_matches_brute_force() -> None:
    """The DP finds the cheapest of every segmentation of the Latin token."""
    model = load_model()
    for arabic, latin in [("بن", "ben"), ("خليفه", "khalifa"), ("عمر", "omar"), ("شو", "chou"), ("ي", "yyy")]:
        assert model.cost(arabic, latin) == pytest.approx(_brute_force_cost(model, arabic, latin))


def _brute_force_cost(model: TransliterationModel, arabic: str, latin: str) -> float:
    keys = learned.event_keys(arabic)
    longest = [learned.MAX_GAP_CHUNK if kind == learned.GAP else learned.MAX_EMIT_CHUNK for kind, _, _ in keys]

    @cache
    def best(event: int, start: int) -> float:
        if event == len(keys):
            return 0.0 if start == len(latin) else math.inf
        table = model.costs.get(keys[event], {})
        found = math.inf
        for length in range(longest[event] + 1):
            if start + length > len(latin):
                break
            chunk = latin[start : start + length]
            step = table.get(chunk, model.unseen_cost if length <= 1 else math.inf)
            found = min(found, step + best(event + 1, start + length))
        return found

    return best(0, 0)


def _compiled_transducer() -> ModuleType:
    """The compiled Viterbi: required of a compiled install under test, else skipped when not built."""
    if os.environ.get("ENTITY_RESOLVE_EXPECT_COMPILED") == "1":
        assert learned._transducer is not None, "the compiled install has no _transducer"
        return learned._transducer
    return pytest.importorskip("entity_resolve._transducer")


#: Letters of the shipped table's events, and one it does not know (an unknown event).
_TABLE_LETTERS = "".join(sorted({letter for _kind, _position, letter in load_model().costs if letter != "^"})) + "ڤ"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=_TABLE_LETTERS, max_size=9),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=12) | st.text(alphabet="aehiklorstu0-é", max_size=8),
)
def test_compiled_viterbi_equals_python(arabic: str, latin: str) -> None:
    """The compiled Viterbi gives the reference's cost to the last bit (``inf`` where no alignment exists),
    Latin letters outside a-z included (no chunk holds them)."""
    transducer = _compiled_transducer()
    model = load_model()
    events = list(model._events.values())
    compiled = transducer.Transducer([table for table, _ in events], [longest for _, longest in events])
    expected = learned._viterbi(model.chain(arabic), latin)
    assert compiled.cost(model.event_numbers(arabic), latin) == expected
    assert model.cost(arabic, latin) == expected


def test_compiled_transducer_refuses_chunks_it_cannot_hold() -> None:
    transducer = _compiled_transducer()
    with pytest.raises(ValueError, match="two or three letters"):
        transducer.Transducer([{"": 1.0, "abcd": 2.0}], [4])
    with pytest.raises(ValueError, match="a-z"):
        transducer.Transducer([{"": 1.0, "é": 2.0}], [1])
    with pytest.raises(IndexError):
        transducer.Transducer([{"": 1.0}], [1]).cost((0, 1), "a")


def test_model_with_other_chunks_scores_in_python() -> None:
    """A table that the compiled Viterbi cannot hold (a chunk outside a-z) still scores, in Python."""
    rows = [
        "kind\tposition\tarabic\tlatin\tcost",
        "param\t_\t_\tunseen_cost\t9.0",
        "param\t_\t_\tsimilarity_scale\t7.0",
        "emit\tinitial\tع\t'a\t0.5",
    ]
    model = TransliterationModel.from_lines(rows)
    assert not model.compiled
    assert model.cost("ع", "'a") == 0.5 + 2 * 9.0  # the chunk and two empty gaps


def test_shipped_model_is_compiled_in_a_compiled_install() -> None:
    if os.environ.get("ENTITY_RESOLVE_EXPECT_COMPILED") != "1":
        pytest.skip("not a compiled install under test")
    assert load_model().compiled


# -- the learning script --------------------------------------------------------------
TINY_ROWS = [
    ("خليفة", "Khalifa"),
    ("خليفه", "Chalifa"),
    ("بشار", "Bashar"),
    ("بشير", "Bashir"),
    ("حفتر", "Haftar"),
    ("حسن", "Hassan"),
    ("حسن", "Hasan"),
    ("عمر", "Omar"),
    ("شريف", "Sharif"),
    ("محمد", "Mohammed"),
    ("محمد", "Muhammad"),
    ("فاطمة", "Fatima"),
]


def _tiny_rows() -> list:
    script = _learning_script()
    return [script.Row(arabic, latin, "tiny") for arabic, latin in TINY_ROWS]


def test_learning_is_deterministic() -> None:
    script = _learning_script()
    first = script.build(_tiny_rows(), frozenset(), iterations=3, workers=1, log=False)
    again = script.build(_tiny_rows(), frozenset(), iterations=3, workers=1, log=False)
    assert first == again
    model = TransliterationModel.from_lines(first.splitlines())
    assert model.costs
    assert model.scale > 0


def test_learning_leaves_out_dev_and_tuning_rows() -> None:
    script = _learning_script()
    dev_keys = frozenset({script.arabic_key("حفتر")})
    splits = script.make_splits(_tiny_rows(), dev_keys)
    trained_arabic = {arabic for arabic, _ in splits.train}
    assert "حفتر" not in trained_arabic
    assert splits.rows_dropped_dev == 1
    for row in splits.tuning_rows:
        assert script.arabic_key(row.arabic) not in trained_arabic
    keys = [script.arabic_key(row.arabic) for row in _tiny_rows()]
    trained_rows = [key for key in keys if key not in dev_keys and not script.is_tuning(key)]
    assert splits.rows_dropped_dev + splits.rows_tuning + len(trained_rows) == len(TINY_ROWS)


def test_token_pairs_pair_in_order_or_join() -> None:
    script = _learning_script()
    assert script.token_pairs(script.Row("أبو بكر", "Abou Bakr", "x")) == [("ابو", "abou"), ("بكر", "bakr")]
    assert script.token_pairs(script.Row("حفتر", "", "x")) == []


def test_event_chain_length() -> None:
    for token in ("ب", "بن", "خليفه"):
        keys = learned.event_keys(token)
        assert len(keys) == 2 * len(token) + 1
        kinds = [kind for kind, _, _ in keys]
        assert kinds == [learned.GAP, *itertools.chain.from_iterable((learned.EMIT, learned.GAP) for _ in token)]
