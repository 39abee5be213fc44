#!/usr/bin/env python
"""Learn the Arabic-letter to Latin-chunk table of ``entity_resolve.learned``.

Reads **training rows only**: google/transliteration ar-en ``train.tsv``
(Apache-2.0) and ``benchmarks.data.netranslit_train()`` (NETransliteration,
CC0-1.0). The google dev split and the NETransliteration held-out slice are
read for one purpose: every training row whose normalised Arabic spelling also
occurs there is dropped, so that no dev name is trained on. A further *tuning
slice* of the training rows (``sha1(arabic) % 10 == TUNING_BUCKET``) is kept
out of training too: ``scripts/eval_learned.py`` chooses the blend with the
current scorer on it.

The model (see ``entity_resolve.learned``): an Arabic token is a chain of
events, a gap before the first letter, then each letter and the gap after it.
A letter emits a Latin chunk of 0-3 letters, ``P(chunk | letter, position)``;
a gap emits 0-2 letters, ``P(chunk | previous letter, position)``. Alignments
are monotone. The probabilities are fitted by EM (forward-backward over every
segmentation of the Latin token), from a uniform start, for ``ITERATIONS``
rounds; chunks rarer than ``MIN_TABLE_PROB`` are pruned from the written table.

Deterministic: the same inputs give a byte-identical table (data in sorted
order, fixed shards summed in order whatever the number of worker processes,
costs rounded). Run from the repository root::

    python scripts/learn_transliteration.py            # writes entity_resolve/data/learned/transliteration.tsv
    python scripts/learn_transliteration.py --check    # rebuild in memory, exit 1 if the file differs
"""

from __future__ import annotations

import argparse
import hashlib
import math
import multiprocessing
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # benchmarks.data lives beside the package
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks import data  # noqa: E402
from entity_resolve.learned import (  # noqa: E402
    EMPTY_CHUNK,
    GAP,
    GAP_LETTERS,
    MAX_EMIT_CHUNK,
    MAX_GAP_CHUNK,
    PARAM,
    SCALE_PARAM,
    UNSEEN_COST_PARAM,
    EventKey,
    TransliterationModel,
    event_keys,
)
from entity_resolve.normalize import normalize_name  # noqa: E402

OUTPUT = REPO_ROOT / "entity_resolve" / "data" / "learned" / "transliteration.tsv"
GOOGLE_TRAIN = ("datasets", "google-ar2en", "train.tsv")
GOOGLE_DEV = ("datasets", "google-ar2en", "dev.tsv")
#: Training rows whose Arabic spelling hashes to this bucket (of TUNING_MODULUS) are the tuning slice.
TUNING_BUCKET = 1
TUNING_MODULUS = 10
#: EM rounds from the uniform start (the mean log-likelihood moves < 0.002 per round by then).
ITERATIONS = 20
#: Probability of a chunk of 0 or 1 letter that an event has never emitted (smoothing).
UNSEEN_PROB = 1e-5
#: Chunks less likely than this are dropped between EM rounds (speed) ...
TRAIN_MIN_PROB = 1e-5
#: ... and from the written table (size); the unseen cost covers them.
MIN_TABLE_PROB = 2e-3
#: Costs are written with this many decimals.
COST_DECIMALS = 3
#: The similarity scale is set so that the median training pair scores this.
TARGET_MEDIAN_SIMILARITY = 0.9
#: Fixed number of shards of the E-step (the sums do not depend on the worker count).
SHARDS = 16
#: Tokens longer than this are not trained on (lists, garbage).
MAX_TOKEN_LENGTH = 24
_LATIN_TOKEN = re.compile("[a-z]+")
_ARABIC_TOKEN = re.compile("[\u0621-\u064a]+")

Pair = tuple[str, str]
Probs = dict[EventKey, dict[str, float]]


@dataclass(frozen=True, slots=True)
class Row:
    """One source row: Arabic spelling, Latin spelling, which source."""

    arabic: str
    latin: str
    source: str


# -- data ---------------------------------------------------------------------------
def read_google(path: Path) -> list[Row]:
    """Rows of a google/transliteration TSV (``arabic<TAB>english``)."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 2 and fields[0].strip() and fields[1].strip():
                rows.append(Row(fields[0].strip(), fields[1].strip(), "google-ar2en/train.tsv"))
    return rows


def training_rows(shared: Path | None = None) -> list[Row]:
    """Every training row of both sources (google train, NETransliteration train slice)."""
    shared = shared or data.shared_dir()
    google = read_google(shared.joinpath(*GOOGLE_TRAIN))
    netranslit = [Row(p.arabic, p.latin, "netranslit-ar/train.tsv") for p in data.netranslit_train()]
    return google + netranslit


def arabic_key(arabic: str) -> str:
    """The normalised Arabic spelling of a row (its tokens joined): the unit of every split."""
    return "".join(normalize_name(arabic).tokens)


def dev_arabic_keys(shared: Path | None = None) -> frozenset[str]:
    """Normalised Arabic spellings of the dev data (google dev, NETransliteration held-out)."""
    shared = shared or data.shared_dir()
    dev = data.google_dev(shared.joinpath(*GOOGLE_DEV))
    heldout = data.netranslit_heldout()
    return frozenset(arabic_key(p.arabic) for p in (*dev, *heldout))


def is_tuning(key: str) -> bool:
    """Whether a row (by its normalised Arabic spelling) belongs to the tuning slice.

    Examples
    --------
    >>> is_tuning("حفتر") in (True, False)
    True
    """
    digest = hashlib.sha1(("tuning:" + key).encode("utf-8")).hexdigest()
    return int(digest, 16) % TUNING_MODULUS == TUNING_BUCKET


def token_pairs(row: Row) -> list[Pair]:
    """Aligned (Arabic token, Latin token) pairs of a row.

    Tokens are those of ``normalize_name``; when both sides have as many
    tokens they pair in order, otherwise each side is joined into one token.

    Examples
    --------
    >>> token_pairs(Row("أبو بكر", "Abou Bakr", "x"))
    [('ابو', 'abou'), ('بكر', 'bakr')]
    >>> token_pairs(Row("أبوبكر", "Aboubakar", "x"))
    [('ابوبكر', 'aboubakar')]
    """
    arabic = normalize_name(row.arabic).tokens
    latin = normalize_name(row.latin).tokens
    if not arabic or not latin:
        return []
    if len(arabic) != len(latin):
        arabic, latin = ("".join(arabic),), ("".join(latin),)
    return [(a, b) for a, b in zip(arabic, latin, strict=True) if _usable(a, b)]


def _usable(arabic: str, latin: str) -> bool:
    if not _ARABIC_TOKEN.fullmatch(arabic) or not _LATIN_TOKEN.fullmatch(latin):
        return False
    if len(arabic) > MAX_TOKEN_LENGTH or len(latin) > MAX_TOKEN_LENGTH:
        return False
    # every Latin letter must be reachable by the chain of events
    return len(latin) <= MAX_EMIT_CHUNK * len(arabic) + MAX_GAP_CHUNK * (len(arabic) + 1)


@dataclass(frozen=True, slots=True)
class Splits:
    """Token pairs for training and tuning, and what was left out."""

    train: list[Pair]
    tuning_rows: list[Row]
    rows_read: int
    rows_dropped_dev: int
    rows_tuning: int


def make_splits(rows: Sequence[Row], dev_keys: frozenset[str]) -> Splits:
    """Drop rows whose Arabic spelling is a dev spelling; split the rest into training and tuning."""
    train: set[Pair] = set()
    tuning: list[Row] = []
    dropped = 0
    for row in rows:
        key = arabic_key(row.arabic)
        if key in dev_keys:
            dropped += 1
        elif is_tuning(key):
            tuning.append(row)
        else:
            train.update(token_pairs(row))
    return Splits(sorted(train), tuning, len(rows), dropped, len(tuning))


# -- EM -----------------------------------------------------------------------------
def _max_chunk(key: EventKey) -> int:
    return MAX_GAP_CHUNK if key[0] == GAP else MAX_EMIT_CHUNK


def _learnable(key: EventKey, chunk: str) -> bool:
    """Letters emit any chunk; gaps only vowels (a gap's consonant keeps the unseen cost)."""
    return key[0] != GAP or all(letter in GAP_LETTERS for letter in chunk)


def _chunk_prob(table: dict[str, float] | None, chunk: str, learnable: bool) -> float:
    if not learnable:
        return UNSEEN_PROB if len(chunk) <= 1 else 0.0
    if table is None:  # the uniform start: every chunk alike
        return 1.0
    found = table.get(chunk)
    if found is not None:
        return found
    return UNSEEN_PROB if len(chunk) <= 1 else 0.0


def pair_posteriors(arabic: str, latin: str, probs: Probs | None) -> tuple[float, list[tuple[EventKey, str, float]]]:
    """Forward-backward over every segmentation of ``latin`` by the events of ``arabic``.

    Returns
    -------
    (float, list)
        ``log P(latin | arabic)`` and the posterior weight of every (event, chunk)
        used; ``(-inf, [])`` when no segmentation exists.
    """
    keys = event_keys(arabic)
    length = len(latin)
    count = len(keys)
    # step weights: weights[t][start][k] = P(event t emits latin[start:start+k])
    weights: list[list[list[float]]] = []
    for key in keys:
        table = None if probs is None else probs.get(key, {})
        longest = _max_chunk(key)
        weights.append(
            [
                [
                    _chunk_prob(table, chunk, _learnable(key, chunk))
                    for chunk in (latin[start : start + k] for k in range(min(longest, length - start) + 1))
                ]
                for start in range(length + 1)
            ]
        )
    alpha = [[0.0] * (length + 1) for _ in range(count + 1)]
    alpha[0][0] = 1.0
    for t in range(count):
        before, after, step = alpha[t], alpha[t + 1], weights[t]
        for start in range(length + 1):
            mass = before[start]
            if mass:
                for k, weight in enumerate(step[start]):
                    if weight:
                        after[start + k] += mass * weight
    total = alpha[count][length]
    if total <= 0.0:
        return -math.inf, []
    beta = [[0.0] * (length + 1) for _ in range(count + 1)]
    beta[count][length] = 1.0
    for t in range(count - 1, -1, -1):
        later, here, step = beta[t + 1], beta[t], weights[t]
        for start in range(length + 1):
            here[start] = sum(weight * later[start + k] for k, weight in enumerate(step[start]) if weight)
    used: list[tuple[EventKey, str, float]] = []
    for t, key in enumerate(keys):
        before, later, step = alpha[t], beta[t + 1], weights[t]
        for start in range(length + 1):
            mass = before[start]
            if not mass:
                continue
            for k, weight in enumerate(step[start]):
                if weight:
                    posterior = mass * weight * later[start + k] / total
                    if posterior > 0.0 and _learnable(key, latin[start : start + k]):
                        used.append((key, latin[start : start + k], posterior))
    return math.log(total), used


def _e_step_shard(args: tuple[Sequence[Pair], Probs | None]) -> tuple[float, int, dict[EventKey, dict[str, float]]]:
    pairs, probs = args
    counts: dict[EventKey, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    loglik = 0.0
    aligned = 0
    for arabic, latin in pairs:
        logp, used = pair_posteriors(arabic, latin, probs)
        if not used:
            continue
        aligned += 1
        loglik += logp
        for key, chunk, posterior in used:
            counts[key][chunk] += posterior
    return loglik, aligned, {key: dict(table) for key, table in counts.items()}


def _shards(pairs: Sequence[Pair]) -> list[Sequence[Pair]]:
    return [pairs[index::SHARDS] for index in range(SHARDS)]


def normalise(counts: dict[EventKey, dict[str, float]], min_prob: float) -> Probs:
    """Counts to probabilities per event key, dropping chunks below ``min_prob`` (renormalised)."""
    probs: Probs = {}
    for key in sorted(counts):
        table = counts[key]
        total = sum(table[chunk] for chunk in sorted(table))
        if total <= 0.0:
            continue
        kept = {chunk: table[chunk] / total for chunk in sorted(table) if table[chunk] / total >= min_prob}
        kept_total = sum(kept.values())
        probs[key] = {chunk: value / kept_total for chunk, value in kept.items()}
    return probs


def train(pairs: Sequence[Pair], iterations: int = ITERATIONS, workers: int = 2, log: bool = True) -> Probs:
    """EM from the uniform start; returns ``P(chunk | event key)`` after ``iterations`` rounds."""
    probs: Probs | None = None
    shards = _shards(pairs)
    context = multiprocessing.get_context("fork")
    pool = context.Pool(workers) if workers > 1 else None
    try:
        for iteration in range(1, iterations + 1):
            started = time.perf_counter()
            jobs = [(shard, probs) for shard in shards]
            results = pool.map(_e_step_shard, jobs) if pool else [_e_step_shard(job) for job in jobs]
            merged: dict[EventKey, dict[str, float]] = defaultdict(lambda: defaultdict(float))
            loglik = 0.0
            aligned = 0
            for shard_loglik, shard_aligned, counts in results:  # fixed order: deterministic sums
                loglik += shard_loglik
                aligned += shard_aligned
                for key in sorted(counts):
                    for chunk in sorted(counts[key]):
                        merged[key][chunk] += counts[key][chunk]
            probs = normalise({key: dict(table) for key, table in merged.items()}, TRAIN_MIN_PROB)
            if log:
                _log(
                    f"EM round {iteration}: {aligned} pairs aligned, mean log-likelihood "
                    f"{loglik / max(1, aligned):.4f}, {sum(map(len, probs.values()))} chunks "
                    f"({time.perf_counter() - started:.1f} s)"
                )
    finally:
        if pool:
            pool.close()
            pool.join()
    return probs or {}


# -- the table ----------------------------------------------------------------------
def _cost(prob: float) -> float:
    return round(-math.log(prob), COST_DECIMALS) + 0.0  # + 0.0: no "-0.000"


def table_model(probs: Probs, scale: float = 1.0) -> TransliterationModel:
    """The pruned table as the scorer will read it (costs rounded as written)."""
    costs = normalise(probs, MIN_TABLE_PROB)
    return TransliterationModel(
        {key: {chunk: _cost(p) for chunk, p in table.items()} for key, table in costs.items()},
        _cost(UNSEEN_PROB),
        scale,
    )


def calibrate_scale(model: TransliterationModel, pairs: Sequence[Pair]) -> float:
    """The similarity scale at which the median training pair scores ``TARGET_MEDIAN_SIMILARITY``.

    The similarity is ``1 - cost / ((len(latin) + 1) * scale)``; the scale
    follows from the median cost per Latin letter (plus one).
    """
    per_letter = []
    for arabic, latin in pairs:
        cost = model.cost(arabic, latin)
        if cost < math.inf:
            per_letter.append(cost / (len(latin) + 1))
    median = statistics.median(per_letter) if per_letter else 1.0
    return round(max(median, 1e-3) / (1.0 - TARGET_MEDIAN_SIMILARITY), COST_DECIMALS)


def render_table(model: TransliterationModel, splits: Splits, sources: Sequence[tuple[str, int]]) -> str:
    """The TSV text: provenance header, parameters, then rows sorted by kind, position, letter, cost."""
    lines = [
        "# entity_resolve learned transliteration table: P(Latin chunk | Arabic letter, position) as costs -ln P",
        "# Made by scripts/learn_transliteration.py (EM over monotone alignments); do not edit by hand.",
        "# Sources (training rows only; see entity_resolve/data/learned/README.md):",
        "#   google/transliteration ar-en train.tsv, Apache-2.0, (c) Google; Rosca & Breuel 2016, arXiv:1610.09565",
        "#   NETransliteration-COLING2018 (steveash), CC0-1.0; Merhav & Ash, COLING 2018; rows of",
        "#     benchmarks.data.netranslit_train() (sha1(arabic) % 10 != 0)",
        "# Rows read per source: " + ", ".join(f"{name} {count}" for name, count in sources),
        f"# Dropped: {splits.rows_dropped_dev} rows whose normalised Arabic spelling occurs in google dev.tsv "
        "or the NETransliteration held-out slice;",
        f"#   {splits.rows_tuning} rows of the tuning slice (sha1('tuning:' + arabic) % {TUNING_MODULUS} == "
        f"{TUNING_BUCKET}), kept for scripts/eval_learned.py.",
        f"# Trained on {len(splits.train)} distinct (Arabic token, Latin token) pairs; {ITERATIONS} EM rounds; "
        f"chunks with P < {MIN_TABLE_PROB} pruned.",
        "# Columns: kind (emit: a letter's chunk | gap: the vowels after a letter | param), position (emit: "
        "initial/medial/final; gap: before-vowel/before-consonant/final),",
        "#   arabic (the letter; for a gap the letter before it, ^ = token start), latin (the chunk, _ = nothing), "
        "cost (-ln P; unlisted chunks of 0-1 letter cost unseen_cost).",
        "kind\tposition\tarabic\tlatin\tcost",
        f"{PARAM}\t_\t_\t{UNSEEN_COST_PARAM}\t{model.unseen_cost:.{COST_DECIMALS}f}",
        f"{PARAM}\t_\t_\t{SCALE_PARAM}\t{model.scale:.{COST_DECIMALS}f}",
    ]
    for key in sorted(model.costs):
        kind, position, letter = key
        for chunk, cost in sorted(model.costs[key].items(), key=lambda item: (item[1], item[0])):
            lines.append(f"{kind}\t{position}\t{letter}\t{chunk or EMPTY_CHUNK}\t{cost:.{COST_DECIMALS}f}")
    return "\n".join(lines) + "\n"


def build(
    rows: Sequence[Row],
    dev_keys: frozenset[str],
    *,
    iterations: int = ITERATIONS,
    workers: int = 2,
    log: bool = True,
) -> str:
    """Everything from rows to the table text (the tested, deterministic core)."""
    splits = make_splits(rows, dev_keys)
    if log:
        _log(
            f"{splits.rows_read} rows; {splits.rows_dropped_dev} dropped (dev spellings); "
            f"{splits.rows_tuning} in the tuning slice; {len(splits.train)} training token pairs"
        )
    probs = train(splits.train, iterations, workers, log)
    model = table_model(probs)
    model = table_model(probs, calibrate_scale(model, splits.train))
    sources: dict[str, int] = {}
    for row in rows:
        sources[row.source] = sources.get(row.source, 0) + 1
    return render_table(model, splits, sorted(sources.items()))


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: Iterable[str] | None = None) -> int:
    """Command line: learn the table and write it (or ``--check`` it)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the written table differs from a rebuild")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--iterations", type=int, default=ITERATIONS)
    args = parser.parse_args(list(argv) if argv is not None else None)
    started = time.perf_counter()
    text = build(training_rows(), dev_arabic_keys(), iterations=args.iterations, workers=args.workers)
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        _log(f"{args.out}: {'up to date' if same else 'DIFFERS from a rebuild'}")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    _log(f"wrote {args.out} ({text.count(chr(10))} lines) in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
