"""decide: how likely the best candidate is the entity meant, learned from labelled mentions.

The threshold and the margin see two numbers: the best score and its lead.
Whether a link is right also shows in the rest of the explanation: a
mention of three words transliterated word for word is rarely a chance
resemblance at a score of 0.7, while a one-word garble of an obscure place
at 0.9 often is the spelling of a better-known one. ``link_probability``
reads those parts (``FEATURES``) with a small gradient-boosted tree model
(``data/learned/decision.json``, made by ``scripts/learn_decision.py``) and
returns the probability that the best candidate is the entity meant. The
resolver accepts a candidate that the threshold and margin refuse when that
probability is at least ``Settings.link_relief`` (0.8), and can veto one
they allow when it is below ``Settings.link_veto`` (0.0 by default: never).

The veto is off because what it learned conflicts with what the design asks
for. Half of the model's lessons are open-world mentions, garbles of
entities taken out of the gazetteer, whose best candidate is always wrong.
From them it learned that a one-word garble close to a well-known name is
often something else: هوثر scores 0.08, although Khalifa Haftar is what it
garbles. A screener who prefers abstaining to a false link may set
``link_veto``: at 0.45 it vetoes half the wrong links of the noise model's
garbles, and a point of right ones (``data/learned/README.md``).

Examples
--------
>>> import entity_resolve as er
>>> ranked = er.resolve("Khalifa Haftar").candidates
>>> from entity_resolve.normalize import normalize_name
>>> query = normalize_name("Khalifa Haftar")
>>> round(link_probability(query, ranked), 2) > 0.9
True
>>> link_probability(query, ())
0.0
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from .keys import fine_skeleton
from .normalize import NormalizedName, detect_script

if TYPE_CHECKING:
    from .resolver import Candidate

__all__ = ["FEATURES", "DecisionModel", "decision_features", "link_probability", "load_model"]

#: What the model reads of the best candidate, in the order of its feature numbers.
FEATURES: Final = (
    "score",  # the best candidate's score
    "lead",  # its lead over the next entity's score (its whole score when alone)
    "name_similarity",  # how alike the mention and the name matched are
    "cross_script",  # 1.0 when the name matched is of the other script
    "query_words",  # the mention's words (at most _MOST_WORDS)
    "aligned_words",  # the word pairs aligned (at most _MOST_WORDS)
    "missed_words",  # words of the name that the mention leaves out
    "coverage",  # the share of the name that the mention covers
    "prior",  # the entity's importance
    "runner_up_prior",  # the next entity's importance (0.0 when alone)
    "least_pair_similarity",  # the least alike aligned word pair
    "consonants",  # consonants of the mention (at most _MOST_CONSONANTS)
    "penalties",  # how many penalties the score took (other country, foreign spelling, ...)
    "close_rivals",  # other entities scored within _CLOSE_LEAD of the best (at most _MOST_WORDS)
)
_MOST_WORDS: Final = 6
_MOST_CONSONANTS: Final = 12
_CLOSE_LEAD: Final = 0.05
_MODEL_PACKAGE: Final = "entity_resolve"
_MODEL_PATH: Final = ("data", "learned", "decision.json")


@dataclass(frozen=True, slots=True)
class DecisionModel:
    """A sum of regression trees over ``FEATURES``, and the logistic link to a probability.

    Each tree is five parallel tuples over its nodes: the feature number
    (-1 at a leaf), the threshold (a node sends ``features[feature] <=
    threshold`` left), the left and right child, and the leaf's value.

    Attributes
    ----------
    baseline : float
        The raw score before any tree (log-odds).
    trees : tuple
        ``(feature, threshold, left, right, value)`` per tree.
    """

    baseline: float
    trees: tuple[tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]], ...]

    def probability(self, features: Sequence[float]) -> float:
        """The probability (logistic of the raw score) for one row of ``FEATURES``.

        Examples
        --------
        >>> stump = DecisionModel(0.0, (((0, -1, -1), (0.5, 0.0, 0.0), (1, 0, 0), (2, 0, 0), (0.0, -1.0, 1.0)),))
        >>> round(stump.probability([0.9] + [0.0] * 13), 3), round(stump.probability([0.1] + [0.0] * 13), 3)
        (0.731, 0.269)
        """
        raw = self.baseline
        for feature, threshold, left, right, value in self.trees:
            node = 0
            while feature[node] >= 0:
                node = left[node] if features[feature[node]] <= threshold[node] else right[node]
            raw += value[node]
        return 1.0 / (1.0 + math.exp(-raw))


def decision_features(query: NormalizedName, ranked: Sequence[Candidate]) -> tuple[float, ...]:
    """``FEATURES`` of the best of ``ranked`` (candidates of distinct entities, best first) for ``query``.

    Examples
    --------
    >>> import entity_resolve as er
    >>> from entity_resolve.normalize import normalize_name
    >>> query = normalize_name("Khalifa Haftar")
    >>> features = dict(zip(FEATURES, decision_features(query, er.resolve("Khalifa Haftar").candidates)))
    >>> features["name_similarity"], features["query_words"], features["cross_script"]
    (1.0, 2.0, 0.0)
    """
    best = ranked[0]
    explanation = best.explanation
    runner_up = ranked[1] if len(ranked) > 1 else None
    alignment = explanation.alignment
    return (
        best.score,
        best.score - (runner_up.score if runner_up is not None else 0.0),
        explanation.name_similarity,
        1.0 if detect_script(explanation.matched_name) != query.script else 0.0,
        float(min(len(query.tokens), _MOST_WORDS)),
        float(min(len(alignment), _MOST_WORDS)),
        float(explanation.missed),
        explanation.coverage,
        best.entity.prior,
        runner_up.entity.prior if runner_up is not None else 0.0,
        min((pair.similarity for pair in alignment), default=0.0),
        float(min(sum(len(fine_skeleton(token)) for token in query.tokens), _MOST_CONSONANTS)),
        float(len(explanation.penalties)),
        float(min(sum(1 for other in ranked[1:] if best.score - other.score < _CLOSE_LEAD), _MOST_WORDS)),
    )


def link_probability(query: NormalizedName, ranked: Sequence[Candidate], model: DecisionModel | None = None) -> float:
    """The probability that the best of ``ranked`` is the entity ``query`` means (0.0 without candidates).

    Parameters
    ----------
    query : NormalizedName
        The mention's reading that the candidates were scored with.
    ranked : sequence of Candidate
        Candidates of distinct entities, best first (``Resolution.candidates``).
    model : DecisionModel, optional
        Defaults to the shipped model.

    Returns
    -------
    float
        In [0, 1].
    """
    if not ranked:
        return 0.0
    return (model or _shipped_model()).probability(decision_features(query, ranked))


def load_model(path: str | Path) -> DecisionModel:
    """A model from a JSON file written by ``scripts/learn_decision.py``.

    Raises
    ------
    ValueError
        If the file is not such a model (naming the file and what is wrong).
    """
    path = Path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{path}: not JSON ({error})") from error
    return _model_from_json(document, str(path))


def _model_from_json(document: dict[str, Any], origin: str) -> DecisionModel:
    """The model of a parsed ``decision.json``, checked node by node."""
    if not isinstance(document, dict) or document.get("features") != list(FEATURES):
        raise ValueError(f"{origin}: the model's features are not entity_resolve.decide.FEATURES")
    try:
        return _checked_model(document, origin)
    except (KeyError, TypeError) as error:
        raise ValueError(f"{origin}: not a decision model ({type(error).__name__}: {error})") from error


def _checked_model(document: dict[str, Any], origin: str) -> DecisionModel:
    """``_model_from_json`` of a document that names the right features."""
    trees = []
    for number, tree in enumerate(document["trees"]):
        feature = tuple(int(value) for value in tree["feature"])
        parts = (feature, tuple(map(float, tree["threshold"])), tuple(map(int, tree["left"])))
        right, value = tuple(map(int, tree["right"])), tuple(map(float, tree["value"]))
        nodes = len(feature)
        if any(len(part) != nodes for part in (*parts, right, value)):
            raise ValueError(f"{origin}: tree {number}: node lists of unequal lengths")
        for node, used in enumerate(feature):
            inner = used >= 0
            if inner and not (used < len(FEATURES) and node < parts[2][node] < nodes and node < right[node] < nodes):
                raise ValueError(f"{origin}: tree {number}, node {node}: a feature or child out of range")
        trees.append((*parts, right, value))
    return DecisionModel(baseline=float(document["baseline"]), trees=tuple(trees))


@lru_cache(maxsize=1)
def _shipped_model() -> DecisionModel:
    resource = resources.files(_MODEL_PACKAGE).joinpath(*_MODEL_PATH)
    return _model_from_json(json.loads(resource.read_text(encoding="utf-8")), "/".join(_MODEL_PATH))
