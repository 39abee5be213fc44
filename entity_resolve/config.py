"""Settings: every tuning value of the resolver in one frozen dataclass.

Examples
--------
>>> Settings().threshold
0.81
>>> Settings(threshold=0.8).threshold
0.8
>>> Settings(threshold=2.0)
Traceback (most recent call last):
...
ValueError: threshold must lie in [0, 1], got 2.0
"""

from __future__ import annotations

from dataclasses import dataclass, fields

__all__ = ["Settings"]


@dataclass(frozen=True, slots=True)
class Settings:
    """Tuning values of scoring and decision.

    Attributes
    ----------
    threshold : float
        Lowest score at which the best candidate is accepted.
    margin : float
        Lowest lead of the best candidate over the best candidate of another
        entity; a smaller lead means "no entity" (ambiguous).
    fine_weight : float
        Share of the fine skeleton in a token's cross-script similarity; the
        rest goes to the coarse (confusable-class) skeleton.
    vowel_weight : float
        Share of the vowels in a token similarity (vocalic skeletons compared;
        across scripts, mostly how many of the Arabic letters, long vowels
        included, the Latin spelling has): tells Bashar from Bashir.
    partial_floor : float
        Score factor of a name matched by part of its tokens only (a surname
        alone): the factor grows from this floor to 1 with the share of the
        name that the mention covers.
    prior_weight : float
        How far an entity's importance moves an uncertain score (none at an
        exact match).
    prior_tiebreak : float
        Share of the score given by importance alone, so that of two exact
        matches (Tripoli, Libya and Tripoli, Lebanon) the likelier ranks first.
    type_mismatch_factor : float
        Factor applied when a title cue names another type ("General" before
        an organisation).
    context_weight : float
        Largest bonus for a candidate whose other names or description occur
        in the context.
    max_candidates : int
        Names handed from the index to the scorer (``NameIndex.shortlist``).
    link_veto : float
        A best candidate that clears the threshold and the margin is not
        linked when the learned probability that it is the entity meant
        (``decide.link_probability``) is below this (0.0: never vetoed).
    link_relief : float
        A best candidate that does not clear them is linked when that
        probability is at least this (1.0: never).
    """

    threshold: float = 0.81
    margin: float = 0.01
    fine_weight: float = 0.35
    vowel_weight: float = 0.3
    partial_floor: float = 0.85
    prior_weight: float = 0.5
    prior_tiebreak: float = 0.06
    type_mismatch_factor: float = 0.75
    context_weight: float = 0.15
    max_candidates: int = 16
    link_veto: float = 0.0
    link_relief: float = 0.8

    def __post_init__(self) -> None:
        for spec in fields(self):
            value = getattr(self, spec.name)
            if spec.name == "max_candidates":
                if not isinstance(value, int) or value < 1:
                    raise ValueError(f"max_candidates must be a positive int, got {value!r}")
            elif not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
                raise ValueError(f"{spec.name} must lie in [0, 1], got {value!r}")
