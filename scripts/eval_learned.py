#!/usr/bin/env python
"""Measure the learned transliteration similarity against the current token similarity.

Cross-script retrieval, brute force: for every distinct spelling of one side
of a data set, every distinct spelling of the other side is a candidate,
ranked by a name similarity; acc@1 counts a query as found when a spelling the
data pairs with it ranks first (ties shared: a gold among ``k`` tied top
candidates counts ``1/k``). Both directions, Arabic → Latin and Latin → Arabic.

Similarities compared (token level; a name of several tokens is compared token
by token in order when both sides have as many tokens, else as one joined
token):

- ``current``: ``entity_resolve.score.token_similarity``, the hand-made
  skeletons (with ``learned=False`` when score.py already blends the learned
  similarity in);
- ``learned``: ``entity_resolve.learned.transliteration_similarity``;
- ``max``: the larger of the two;
- ``w=...``: ``w * current + (1 - w) * learned``.

The blend is **chosen on the tuning slice of the training data** (the rows
that ``scripts/learn_transliteration.py`` keeps out of training), by mean
acc@1 over both sources and both directions; the dev sets (google/transliteration
ar-en dev, the NETransliteration held-out slice) are only reported. Both sources
are mostly names of non-Arabic origin, so a supplementary check, also only
reported, pairs the Arabic (``lang`` ar) and Latin tokens of the curated persons
of the built-in gazetteer, names of mostly Arabic origin. Run from the
repository root (about 12 minutes on 2 cores)::

    python scripts/eval_learned.py [--workers 2] [--json results.json]
"""

from __future__ import annotations

import argparse
import functools
import inspect
import json
import multiprocessing
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = Path(__file__).resolve().parent
for folder in (REPO_ROOT, SCRIPTS):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import learn_transliteration as learning  # noqa: E402

from benchmarks import data  # noqa: E402
from entity_resolve.learned import transliteration_similarity  # noqa: E402
from entity_resolve.normalize import normalize_name  # noqa: E402
from entity_resolve.score import token_similarity  # noqa: E402

#: Weights of the current similarity in the linear blends reported.
REPORTED_WEIGHTS = (0.3, 0.5, 0.7)
#: Weights tried when choosing the blend on the tuning slice.
CANDIDATE_WEIGHTS = tuple(round(0.1 * step, 1) for step in range(1, 10))
CURATED_PERSONS = REPO_ROOT / "entity_resolve" / "data" / "gazetteer" / "curated" / "persons.jsonl"
#: Arabic names per task handed to a worker.
BLOCK = 64
TokenSimilarity = Callable[[str, str], float]


@dataclass(frozen=True, slots=True)
class PairSet:
    """Distinct spellings of both sides and which pairs the data joins."""

    name: str
    arabic: list[str]
    latin: list[str]
    gold: np.ndarray  # bool, (arabic, latin)


def pair_set(name: str, pairs: Sequence[tuple[str, str]]) -> PairSet:
    """Distinct spellings (sorted) and the gold matrix of ``(arabic, latin)`` pairs."""
    arabic = sorted({a for a, _ in pairs})
    latin = sorted({b for _, b in pairs})
    row = {spelling: i for i, spelling in enumerate(arabic)}
    column = {spelling: j for j, spelling in enumerate(latin)}
    gold = np.zeros((len(arabic), len(latin)), dtype=bool)
    for a, b in pairs:
        gold[row[a], column[b]] = True
    return PairSet(name, arabic, latin, gold)


def load_sets() -> tuple[list[PairSet], list[PairSet]]:
    """The tuning sets (training rows kept out of training) and the dev sets."""
    splits = learning.make_splits(learning.training_rows(), learning.dev_arabic_keys())
    tuning = []
    labels = (("google", "google train, tuning slice"), ("netranslit", "NETransliteration train, tuning slice"))
    for source, label in labels:
        rows = [(row.arabic, row.latin) for row in splits.tuning_rows if row.source.startswith(source)]
        tuning.append(pair_set(label, rows))
    dev = [
        pair_set("google/transliteration ar-en dev", [(p.arabic, p.latin) for p in data.google_dev()]),
        pair_set("NETransliteration held-out 10%", [(p.arabic, p.latin) for p in data.netranslit_heldout()]),
    ]
    return tuning, dev


def curated_person_pairs(path: Path = CURATED_PERSONS) -> PairSet:
    """Token pairs of the curated persons: Arabic (``lang`` ar) and Latin names of one person, tokens in order.

    Only names with as many tokens on both sides are paired.
    """
    pairs: set[tuple[str, str]] = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            names = [record["name"], *record.get("aliases", [])]
            languages = record.get("lang", {})
            arabic = [normalize_name(n).tokens for n in names if data.has_arabic(n) and languages.get(n, "ar") == "ar"]
            latin = [normalize_name(n).tokens for n in names if not data.has_arabic(n)]
            for a in arabic:
                for b in latin:
                    if len(a) == len(b):
                        pairs.update(zip(a, b, strict=True))
    return pair_set("curated persons (tokens)", sorted(pairs))


def name_similarity(similarity: TokenSimilarity, arabic: tuple[str, ...], latin: tuple[str, ...]) -> float:
    """Token by token in order when both names have as many tokens, else the joined tokens.

    Examples
    --------
    >>> name_similarity(lambda a, b: float(len(a) == len(b)), ("ab", "c"), ("xy", "zz"))
    0.5
    """
    if not arabic or not latin:
        return 0.0
    if len(arabic) == len(latin):
        return sum(similarity(a, b) for a, b in zip(arabic, latin, strict=True)) / len(arabic)
    return similarity("".join(arabic), "".join(latin))


def current_similarity() -> TokenSimilarity:
    """The hand-made cross-script scorer: ``token_similarity``, without the learned blend if it has one."""
    if "learned" in inspect.signature(token_similarity).parameters:
        return functools.partial(token_similarity, learned=False)
    return token_similarity


_WORK: dict[str, list[tuple[str, ...]]] = {}


def _block(start: int) -> tuple[int, np.ndarray, np.ndarray]:
    arabic = _WORK["arabic"][start : start + BLOCK]
    latin = _WORK["latin"]
    hand_made = current_similarity()
    current = np.zeros((len(arabic), len(latin)), dtype=np.float32)
    learned = np.zeros_like(current)
    for i, a in enumerate(arabic):
        for j, b in enumerate(latin):
            current[i, j] = name_similarity(hand_made, a, b)
            learned[i, j] = name_similarity(transliteration_similarity, a, b)
    return start, current, learned


def similarity_matrices(pairs: PairSet, workers: int) -> tuple[np.ndarray, np.ndarray]:
    """Current and learned name similarity of every (Arabic, Latin) spelling pair."""
    _WORK["arabic"] = [normalize_name(a).tokens for a in pairs.arabic]
    _WORK["latin"] = [normalize_name(b).tokens for b in pairs.latin]
    starts = list(range(0, len(pairs.arabic), BLOCK))
    shape = (len(pairs.arabic), len(pairs.latin))
    current, learned = np.zeros(shape, dtype=np.float32), np.zeros(shape, dtype=np.float32)
    if workers > 1:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.imap_unordered(_block, starts)
            for start, cur, lrn in results:
                current[start : start + len(cur)], learned[start : start + len(lrn)] = cur, lrn
    else:
        for start in starts:
            _, cur, lrn = _block(start)
            current[start : start + len(cur)], learned[start : start + len(lrn)] = cur, lrn
    return current, learned


def acc_at_1(scores: np.ndarray, gold: np.ndarray) -> float:
    """Mean over query rows of the share of gold candidates among the top-scored ones.

    Examples
    --------
    >>> acc_at_1(np.array([[0.9, 0.9], [0.2, 0.8]]), np.array([[True, False], [False, True]]))
    0.75
    """
    top = scores.max(axis=1, keepdims=True)
    tied = scores >= top
    return float(np.mean((tied & gold).sum(axis=1) / tied.sum(axis=1)))


def systems(current: np.ndarray, learned: np.ndarray, weights: Sequence[float]) -> dict[str, np.ndarray]:
    """Every similarity compared, as score matrices."""
    found = {"current": current, "learned": learned, "max": np.maximum(current, learned)}
    for weight in weights:
        found[f"w={weight:g}"] = weight * current + (1.0 - weight) * learned
    return found


def directions(scores: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """acc@1 of Arabic queries (rows) and of Latin queries (columns), in percent."""
    return 100.0 * acc_at_1(scores, gold), 100.0 * acc_at_1(scores.T, gold.T)


Results = dict[str, dict[str, tuple[float, float]]]


def evaluate(sets: Sequence[PairSet], weights: Sequence[float], workers: int) -> Results:
    """``{set name: {system: (Arabic → Latin, Latin → Arabic)}}``."""
    results: Results = {}
    for pairs in sets:
        started = time.perf_counter()
        current, learned = similarity_matrices(pairs, workers)
        results[pairs.name] = {
            name: directions(scores, pairs.gold) for name, scores in systems(current, learned, weights).items()
        }
        print(
            f"{pairs.name}: {len(pairs.arabic)} Arabic x {len(pairs.latin)} Latin spellings "
            f"({time.perf_counter() - started:.0f} s)",
            file=sys.stderr,
            flush=True,
        )
    return results


def choose(results: Results) -> str:
    """The system with the best mean acc@1 over every set and direction (ties: the first listed)."""
    names = list(next(iter(results.values())))
    return max(names, key=lambda name: sum(sum(by_system[name]) for by_system in results.values()))


def render(results: Results, chosen: str, title: str) -> str:
    """A Markdown table: one row per system, two columns (directions) per set."""
    sets = list(results)
    header = "| system | " + " | ".join(f"{name}: A→L | {name}: L→A" for name in sets) + " | mean |"
    lines = [f"### {title}", "", header, "| --- |" + " --- |" * (2 * len(sets) + 1)]
    for system in results[sets[0]]:
        values = [value for name in sets for value in results[name][system]]
        mark = " (chosen)" if system == chosen else ""
        cells = " | ".join(f"{value:.1f}" for value in values)
        lines.append(f"| {system}{mark} | {cells} | {sum(values) / len(values):.2f} |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: choose the blend on the tuning slice, report dev."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    tuning_sets, dev_sets = load_sets()
    tuning = evaluate(tuning_sets, CANDIDATE_WEIGHTS, args.workers)
    chosen = choose(tuning)
    chosen_weights = (float(chosen.removeprefix("w=")),) if chosen.startswith("w=") else ()
    reported_weights = sorted({*REPORTED_WEIGHTS, *chosen_weights})
    dev = evaluate(dev_sets, reported_weights, args.workers)
    domain = evaluate([curated_person_pairs()], reported_weights, args.workers)
    print(render(tuning, chosen, "Tuning slice of the training data (where the blend is chosen): acc@1 %"))
    print(render(dev, chosen, "Dev (reported only): acc@1 %"))
    print(render(domain, chosen, "Arabic-origin names, curated persons of the gazetteer (reported only): acc@1 %"))
    if args.json:
        figures = {"chosen": chosen, "tuning": tuning, "dev": dev, "curated": domain}
        args.json.write_text(json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
