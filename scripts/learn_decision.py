#!/usr/bin/env python
"""Learn the decision model (``entity_resolve/data/learned/decision.json``) from labelled mentions.

Each row is one mention's best candidate, described by
``entity_resolve.decide.FEATURES``, labelled 1 when it is the entity meant.
The mentions are:

- **MT garbles** of the built-in gazetteer: the accuracy benchmark's noise
  model (task C) on the training seeds ``TRAINING_SEEDS``, never the
  benchmark's seed (20250101) nor the dev seeds (11, 13) that choices are
  measured on; each seed also in the open world (its sampled entities taken
  out of the gazetteer, so that every best candidate is wrong);
- **transliteration pairs**: every other query (even positions, by sorted
  spelling) of the tuning slice of the training data that
  ``scripts/learn_transliteration.py`` keeps out of training (google/
  transliteration ar-en train and NETransliteration), both directions, each
  gazetteer holding the other side's spellings; also in the open world (half
  the spellings taken out). The dev splits are never read.

Only mentions that the threshold and margin decide are kept (not those that
entities of the same exact name settle, ``_exact_namesakes``). The model is
scikit-learn's ``HistGradientBoostingClassifier`` (``MODEL_PARAMETERS``: few
small trees, monotonic in the score, the lead, the name similarity and the
runner-up's importance), written out tree by tree as JSON; the script checks
that the written model gives scikit-learn's probabilities. The build is
deterministic. Run from the repository root with the ``build`` extra (about
15 minutes on 2 cores, most of it resolving the garbles)::

    python scripts/learn_decision.py [--out entity_resolve/data/learned/decision.json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
for _beside in (REPO_ROOT, REPO_ROOT / "scripts"):  # benchmarks and the other scripts live beside the package
    if str(_beside) not in sys.path:
        sys.path.insert(0, str(_beside))

import learn_transliteration  # noqa: E402

import entity_resolve as er  # noqa: E402
from benchmarks import accuracy, data  # noqa: E402
from entity_resolve import resolver as resolver_module  # noqa: E402
from entity_resolve.decide import FEATURES, _model_from_json, decision_features  # noqa: E402

#: Seeds of the noise model's garbles learned from (the benchmark reports seed 20250101; 11 and 13 are for measuring).
TRAINING_SEEDS = (101, 102, 103)
#: Sampled entities per type and seed (the dev checks' size).
PER_TYPE = 100
#: Seed of the spellings taken out of the transliteration gazetteers (open world).
OPEN_WORLD_SEED = 5
MODEL_PARAMETERS = {
    "max_iter": 100,
    "learning_rate": 0.1,
    "max_leaf_nodes": 6,
    "early_stopping": False,
    "random_state": 0,
}
#: +1: the probability never falls as the feature grows; -1: never rises.
MONOTONIC = {"score": 1, "lead": 1, "name_similarity": 1, "runner_up_prior": -1}
#: One mention's best candidate: its features (``decide.FEATURES``) and 1 when it is the entity meant.
Row = tuple[tuple[float, ...], int]
DEFAULT_OUT = REPO_ROOT / "entity_resolve" / "data" / "learned" / "decision.json"
_TOLERANCE = 1e-9


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def labelled_rows(resolver: er.Resolver, queries: Sequence[accuracy.Query]) -> list[Row]:
    """``(features, label)`` of each query whose best candidate the threshold and margin decide."""
    rows = []
    threshold = resolver.settings.threshold
    for query in queries:
        prepared = resolver._prepare(query.mention)
        ranked = resolver._ranked(prepared)
        if not ranked or resolver_module._exact_namesakes(ranked, threshold) is not None:
            continue
        label = int(ranked[0].entity.id in query.gold)
        rows.append((decision_features(prepared.readings[0], ranked), label))
    return rows


def garble_rows(seeds: Iterable[int]) -> dict[str, list[Row]]:
    """Rows of the noise model's garbles on each seed, closed and open world."""
    gazetteer = er.Gazetteer.default()
    resolver = er.Resolver(gazetteer)
    owners = accuracy.name_owner_map(gazetteer)
    sets = {}
    for seed in seeds:
        entities = data.sample_entities(gazetteer, per_type=PER_TYPE, curated_share=accuracy.CURATED_SHARE, seed=seed)
        queries, _dropped = accuracy.noise_queries(entities, owners, seed=seed)
        sets[f"garbles seed {seed}"] = labelled_rows(resolver, queries)
        kept, open_queries = accuracy.open_world_queries(queries, gazetteer, {entity.id for entity in entities})
        sets[f"garbles seed {seed}, open world"] = labelled_rows(er.Resolver(kept), open_queries)
        _log(f"seed {seed}: {len(sets[f'garbles seed {seed}'])} rows, {len(open_queries)} open-world garbles")
    return sets


def transliteration_rows() -> dict[str, list[Row]]:
    """Rows of the tuning slice's even queries, per source and direction, closed and open world."""
    splits = learn_transliteration.make_splits(
        learn_transliteration.training_rows(), learn_transliteration.dev_arabic_keys()
    )
    chooser = random.Random(OPEN_WORLD_SEED)
    sets = {}
    for source in ("google", "netranslit"):
        rows = [row for row in splits.tuning_rows if row.source.startswith(source)]
        for direction in ("Arabic -> Latin", "Latin -> Arabic"):
            gold: dict[str, set[str]] = defaultdict(set)
            for row in rows:
                query, target = (row.arabic, row.latin) if direction.startswith("Arabic") else (row.latin, row.arabic)
                gold[query].add(target)
            targets = sorted({target for spellings in gold.values() for target in spellings})
            ids = {target: f"t{number}" for number, target in enumerate(targets)}
            queries = [
                accuracy.Query(mention, frozenset(ids[target] for target in gold[mention]))
                for position, mention in enumerate(sorted(gold))
                if position % 2 == 0
            ]
            records = [{"id": ids[target], "type": "person", "name": target} for target in targets]
            sets[f"{source} {direction}"] = labelled_rows(er.Resolver(er.Gazetteer.from_records(records)), queries)
            removed = {ids[target] for target in chooser.sample(targets, len(targets) // 2)}
            kept = er.Gazetteer.from_records([record for record in records if record["id"] not in removed])
            open_queries = [query for query in queries if query.gold <= removed]
            sets[f"{source} {direction}, open world"] = labelled_rows(er.Resolver(kept), open_queries)
            _log(f"{source} {direction}: {len(sets[f'{source} {direction}'])} rows")
    return sets


def fit(rows: Sequence[Row]) -> tuple[Any, np.ndarray]:
    """The classifier fitted to ``rows``, and the rows' features as an array (scikit-learn is imported here only)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    features = np.array([row for row, _label in rows], dtype=np.float64)
    labels = np.array([label for _row, label in rows], dtype=np.int64)
    monotonic = [MONOTONIC.get(name, 0) for name in FEATURES]
    model = HistGradientBoostingClassifier(monotonic_cst=monotonic, **MODEL_PARAMETERS)
    return model.fit(features, labels), features


def exported_trees(model: Any) -> list[dict[str, list[Any]]]:
    """Each fitted tree as parallel node lists (``decide.DecisionModel``'s layout)."""
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        inner = ~nodes["is_leaf"].astype(bool)
        trees.append(
            {
                "feature": np.where(inner, nodes["feature_idx"], -1).tolist(),
                "threshold": np.where(inner, nodes["num_threshold"], 0.0).tolist(),
                "left": np.where(inner, nodes["left"], 0).tolist(),
                "right": np.where(inner, nodes["right"], 0).tolist(),
                "value": np.where(inner, 0.0, nodes["value"]).tolist(),
            }
        )
    return trees


def build(sets: dict[str, list[Row]]) -> dict[str, object]:
    """The JSON document of the model learned from ``sets``, checked against scikit-learn."""
    import sklearn

    sets = dict(sorted(sets.items()))
    model, features = fit([row for rows in sets.values() for row in rows])
    document: dict[str, object] = {
        "generated_by": "scripts/learn_decision.py; do not edit by hand",
        "features": list(FEATURES),
        "model": f"scikit-learn {sklearn.__version__} HistGradientBoostingClassifier",
        "parameters": {**MODEL_PARAMETERS, "monotonic_cst": MONOTONIC},
        "training_rows": {
            name: {"rows": len(rows), "right": sum(label for _, label in rows)} for name, rows in sets.items()
        },
        "sources": [
            "the built-in gazetteer (entity_resolve/data/gazetteer/SOURCES.md), garbled by the noise model of "
            "benchmarks/accuracy.py",
            "google/transliteration ar-en train.tsv (Apache-2.0, © Google), tuning slice",
            "NETransliteration-COLING2018 Arabic (CC0-1.0), tuning slice",
        ],
        "baseline": float(np.ravel(model._baseline_prediction)[0]),
        "trees": exported_trees(model),
    }
    written = _model_from_json(json.loads(json.dumps(document)), "the written model")
    expected = model.predict_proba(features)[:, 1]
    worst = max(abs(written.probability(row) - want) for row, want in zip(features.tolist(), expected, strict=True))
    if worst > _TOLERANCE:
        raise RuntimeError(f"the written model differs from scikit-learn's by {worst}")
    return document


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the model")
    args = parser.parse_args(list(argv) if argv is not None else None)
    sets = {**garble_rows(TRAINING_SEEDS), **transliteration_rows()}
    document = build(sets)
    args.out.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    _log(f"wrote {args.out}: {len(document['trees'])} trees from {sum(map(len, sets.values()))} rows")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
