"""Accuracy metrics of entity resolution.

A query has a *gold set* of entity ids (empty for a negative: a mention that
names no entity of the gazetteer). A system returns a ranking of entity ids
(best first) and an *accepted* entity, or None when it abstains.

- ``acc@k``: a gold id is among the first ``k`` ranked ids (the top candidate
  counts even when the system abstained).
- ``accepted``: the accepted entity is gold ("accepted accuracy").
- ``wrong_link``: an entity was accepted and it is not gold.
- ``abstain``: no entity was accepted.

For positives ``accepted + wrong_link + abstain == 1``. For negatives every
accepted entity is a wrong link (the false-link rate) and acc@k is undefined
(reported as NaN).

Examples
--------
>>> outcomes = [
...     Outcome(gold=frozenset({"a"}), ranked=("a", "b"), accepted="a"),
...     Outcome(gold=frozenset({"a"}), ranked=("b", "a"), accepted=None),
...     Outcome(gold=frozenset({"c"}), ranked=("b",), accepted="b"),
...     Outcome(gold=frozenset(), ranked=("b",), accepted=None),
... ]
>>> m = compute_metrics(outcomes[:3])
>>> m.n, round(m.acc_at_1, 3), round(m.acc_at_5, 3), round(m.wrong_link, 3), round(m.abstain, 3)
(3, 0.333, 0.667, 0.333, 0.333)
>>> compute_metrics(outcomes[3:]).false_link
0.0
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

__all__ = ["Metrics", "Outcome", "acc_at_k", "compute_metrics", "group_metrics"]

#: The ranks reported as acc@k.
TOP_RANKS = (1, 5)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a system answered for one query.

    Attributes
    ----------
    gold : frozenset of str
        Ids that count as correct; empty for a negative query.
    ranked : tuple of str
        Entity ids, best first (at least the top 5 where the system has them).
    accepted : str or None
        The entity the system links to, None when it abstains.
    """

    gold: frozenset[str]
    ranked: tuple[str, ...]
    accepted: str | None

    @property
    def is_negative(self) -> bool:
        """Whether the query names no entity of the gazetteer."""
        return not self.gold


@dataclass(frozen=True, slots=True)
class Metrics:
    """Rates over a set of queries (fractions in [0, 1]; NaN when undefined).

    Attributes
    ----------
    n : int
        Number of queries.
    acc_at_1, acc_at_5 : float
        Share of positives with a gold id among the top 1 / 5 ranked ids.
    accepted : float
        Share of positives whose accepted entity is gold.
    wrong_link : float
        Share of queries (positive or negative) linked to a non-gold entity.
    abstain : float
        Share of queries with no accepted entity.
    false_link : float
        Share of negatives linked to any entity.
    """

    n: int
    acc_at_1: float
    acc_at_5: float
    accepted: float
    wrong_link: float
    abstain: float
    false_link: float

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict (NaN becomes None)."""
        return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in asdict(self).items()}


def acc_at_k(outcome: Outcome, k: int) -> bool:
    """Whether a gold id is among the first ``k`` ranked ids.

    Examples
    --------
    >>> o = Outcome(gold=frozenset({"x"}), ranked=("a", "x"), accepted="a")
    >>> acc_at_k(o, 1), acc_at_k(o, 2)
    (False, True)
    """
    return any(entity_id in outcome.gold for entity_id in outcome.ranked[:k])


def _rate(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else math.nan


def compute_metrics(outcomes: Iterable[Outcome]) -> Metrics:
    """Rates of a list of outcomes (see the module docstring)."""
    items = list(outcomes)
    positives = [o for o in items if not o.is_negative]
    negatives = [o for o in items if o.is_negative]
    return Metrics(
        n=len(items),
        acc_at_1=_rate([acc_at_k(o, 1) for o in positives]),
        acc_at_5=_rate([acc_at_k(o, 5) for o in positives]),
        accepted=_rate([o.accepted in o.gold for o in positives]),
        wrong_link=_rate([o.accepted is not None and o.accepted not in o.gold for o in items]),
        abstain=_rate([o.accepted is None for o in items]),
        false_link=_rate([o.accepted is not None for o in negatives]),
    )


def group_metrics(items: Sequence[T], outcomes: Sequence[Outcome], key: Callable[[T], Hashable]) -> dict[str, Metrics]:
    """Metrics per group of queries, groups sorted by name.

    Examples
    --------
    >>> o = [Outcome(frozenset({"a"}), ("a",), "a"), Outcome(frozenset({"a"}), ("b",), None)]
    >>> {k: m.accepted for k, m in group_metrics(["x", "y"], o, key=str).items()}
    {'x': 1.0, 'y': 0.0}
    """
    groups: dict[str, list[Outcome]] = {}
    for item, outcome in zip(items, outcomes, strict=True):
        groups.setdefault(str(key(item)), []).append(outcome)
    return {name: compute_metrics(groups[name]) for name in sorted(groups)}
