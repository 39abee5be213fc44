"""Type stub of the compiled ranking loop (``_ranking.pyx``); ``index._rank_names_numpy`` documents it."""

import numpy as np

def rank_names(
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
    postings: np.ndarray,
    name_facts: np.ndarray,
    name_entity: np.ndarray,
    divisors: np.ndarray,
    script_factors: np.ndarray,
    max_postings_per_key: int,
    pool: int,
) -> tuple[list[int], list[int], list[int]]: ...
