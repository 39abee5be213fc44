"""Clustering benchmark: ``entity_resolve.cluster`` beside baselines, on the same mentions.

Data
----
arabic-name-romanizer's ``resources/names.sqlite3``, table ``full_names``,
rows whose ``source`` is ``wikidata``. Rows are grouped by Arabic full name
(the romanizer's normalised key: أ إ آ → ا, ة → ه, no tashkeel) and country;
one group is one person and a *true cluster* whose mentions are its distinct
Latin spellings and the Arabic name itself. Groups with at least
``MIN_LATIN_SPELLINGS`` Latin spellings are sampled (seeded); then
*distractor singletons*: one mention (its Latin spelling or its Arabic name,
seeded) of other persons, each a gold cluster of its own. A group or
distractor is skipped when one of its mentions has the same normalised form
(``benchmarks.systems.exact_key``) as a mention already taken from another
person: such namesakes (one Arabic name in two countries, say) cannot be told
apart by any name-only method. Mentions are shuffled with the seed. Without
the sqlite file a tiny hand-made dataset is used (noted in the report).

Systems
-------
- ``entity_resolve`` with an *empty* gazetteer: the persons come from the
  same source as the built-in gazetteer (``scripts/build_gazetteer.py``
  builds one person per group), so clustering against it would mostly be a
  lookup. This row measures name matching alone.
- ``entity_resolve`` with the built-in gazetteer, labelled as such (not in
  ``--quick``): most mentions resolve to the very entity that was built from
  their group.
- ``exact``: one cluster per normalised form (``normalize_name(...).tokens``
  joined); mentions without name tokens stay alone.
- ``rapidfuzz``: connected components of the pairs with
  ``fuzz.token_sort_ratio >= 85`` after ``utils.default_process``, all pairs
  scored with ``process.cdist`` (full matrix in row chunks, all cores).
- ``anyascii+rapidfuzz``: the same after ``anyascii`` (when importable).

Metrics
-------
Every mention is in exactly one gold and one predicted cluster.

- B-cubed: per mention *m*, precision ``|C(m) ∩ G(m)| / |C(m)|`` and recall
  ``|C(m) ∩ G(m)| / |G(m)|`` (``C`` predicted, ``G`` gold cluster), averaged
  over mentions; F1 is the harmonic mean of the two averages.
- CEAF-m (mention-based CEAF, Luo 2005): the one-to-one alignment of
  predicted and gold clusters that maximises the total number of shared
  mentions Φ; precision Φ / mentions predicted, recall Φ / mentions in gold.
  Both partitions cover the same mentions, so precision = recall = F1.
  The alignment is solved per connected component of the overlap graph with
  ``scipy.optimize.linear_sum_assignment`` when scipy is importable, else
  ``networkx.max_weight_matching``.

Examples
--------
>>> m = b_cubed(["a", "a", "b"], ["x", "x", "x"])
>>> round(m.precision, 3), round(m.recall, 3)
(1.0, 0.556)
>>> ceaf_m(["a", "a", "b"], ["x", "x", "x"])
0.6666666666666666
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import random
import sqlite3
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import networkx as nx
import numpy as np
from rapidfuzz import fuzz, process, utils

import entity_resolve as er
from entity_resolve.normalize import detect_script

from . import data
from .accuracy import DEFAULT_SEED
from .report import git_commit, markdown_table, write_json, write_text
from .systems import CDIST_CELLS, anyascii_available, anyascii_text, exact_key

__all__ = [
    "BCubed",
    "ClusterDataset",
    "PersonGroup",
    "SystemResult",
    "b_cubed",
    "build_dataset",
    "ceaf_m",
    "ceaf_overlap",
    "failure_cases",
    "fuzzy_labels",
    "load_groups",
    "main",
    "romanizer_db",
    "scipy_available",
    "synthetic_groups",
]

#: True clusters sampled by default and with --quick.
DEFAULT_PERSONS = 1_000
QUICK_PERSONS = 60
#: Distractor singletons per true cluster.
DISTRACTOR_RATIO = 0.5
#: A person becomes a true cluster when it has at least this many distinct Latin spellings.
MIN_LATIN_SPELLINGS = 2
#: The romanizer rows used (the other source, dzirinames, has first names only).
ROMANIZER_SOURCE = "wikidata"
ROMANIZER_PACKAGE = "arabic_name_romanizer"
ROMANIZER_DB = Path("resources") / "names.sqlite3"
#: rapidfuzz token_sort_ratio (0-100) at which two mentions are joined.
FUZZY_CLUSTER_CUTOFF = 85.0
#: The accuracy issue's goal for entity_resolve's B-cubed F1.
GOAL_BCUBED_F1 = 0.95
#: Failure cases listed per entity_resolve row and kind (merged, split).
FAILURE_EXAMPLES = 8
RESULTS_DIR = Path(__file__).resolve().parent / "results"
#: Resolved once before timing the built-in gazetteer row, so that its index is loaded.
WARMUP_MENTION = "Khalifa Haftar"

#: Gold labels of distractors start with this.
DISTRACTOR_PREFIX = "distractor:"
ARABIC, LATIN, DISTRACTOR = "arabic", "latin", "distractor"
Solver = Literal["auto", "scipy", "networkx"]

#: The dataset used when the romanizer's sqlite file is missing: (Arabic, country, Latin spellings).
SYNTHETIC_PERSONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("خليفه حفتر", "LY", ("Khalifa Haftar", "Khalifa Hifter", "Khalifa Belqasim Haftar")),
    ("فايز السراج", "LY", ("Fayez al-Sarraj", "Fayez Serraj", "Fayiz al-Sarraj")),
    ("عبد الفتاح السيسي", "EG", ("Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi", "Abd al-Fattah as-Sisi")),
    ("معمر القذافي", "LY", ("Muammar Gaddafi", "Moammar Qadhafi", "Muammar al-Qaddafi")),
    ("عقيله صالح", "LY", ("Aguila Saleh", "Aqila Salih")),
    ("بشار الاسد", "SY", ("Bashar al-Assad", "Bashar Assad")),
    ("نوري المالكي", "IQ", ("Nouri al-Maliki", "Nuri al-Maliki")),
    ("حسن نصر الله", "LB", ("Hassan Nasrallah", "Hasan Nasrallah")),
    ("محمود عباس", "PS", ("Mahmoud Abbas", "Mahmud Abbas")),
    ("عبد العزيز بوتفليقه", "DZ", ("Abdelaziz Bouteflika", "Abd al-Aziz Butaflika")),
    ("راشد الغنوشي", "TN", ("Rached Ghannouchi",)),
    ("قيس سعيد", "TN", ("Kais Saied",)),
    ("نجيب ميقاتي", "LB", ("Najib Mikati",)),
    ("مصطفي الكاظمي", "IQ", ("Mustafa Al-Kadhimi",)),
    ("عبد الحميد الدبيبه", "LY", ("Abdul Hamid Dbeibeh",)),
    ("محمد المنفي", "LY", ("Mohamed al-Menfi",)),
)


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- metrics ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class BCubed:
    """B-cubed precision, recall and F1 (NaN for no mentions)."""

    precision: float
    recall: float
    f1: float


def _check_labels(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> None:
    if len(predicted) != len(gold):
        raise ValueError(f"predicted has {len(predicted)} labels, gold {len(gold)}: one label per mention in each")


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


def b_cubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> BCubed:
    """B-cubed scores of a predicted clustering against gold (Bagga & Baldwin 1998).

    Parameters
    ----------
    predicted, gold : sequence of hashable
        One cluster label per mention, in the same mention order; labels of
        the two sides need not be comparable.

    Returns
    -------
    BCubed
        Per-mention precision and recall averaged over mentions, and their
        harmonic mean.

    Notes
    -----
    Computed from the contingency counts: precision is
    ``sum(n_kg ** 2 / n_k) / n`` over predicted ``k`` and gold ``g``
    clusters sharing ``n_kg`` mentions, recall ``sum(n_kg ** 2 / n_g) / n``.

    Examples
    --------
    >>> b_cubed([1, 2, 3], ["a", "b", "c"])
    BCubed(precision=1.0, recall=1.0, f1=1.0)
    >>> b_cubed([0, 0, 0, 0], ["a", "a", "b", "b"]).precision
    0.5
    """
    _check_labels(predicted, gold)
    n = len(gold)
    if n == 0:
        return BCubed(float("nan"), float("nan"), float("nan"))
    joint = Counter(zip(predicted, gold, strict=True))
    predicted_sizes = Counter(predicted)
    gold_sizes = Counter(gold)
    precision = sum(count * count / predicted_sizes[k] for (k, _g), count in joint.items()) / n
    recall = sum(count * count / gold_sizes[g] for (_k, g), count in joint.items()) / n
    return BCubed(precision, recall, _f1(precision, recall))


def scipy_available() -> bool:
    """Whether ``scipy`` can be imported (CEAF alignment with linear_sum_assignment)."""
    return importlib.util.find_spec("scipy") is not None


def _align_scipy(weights: np.ndarray) -> int:
    from scipy.optimize import linear_sum_assignment

    rows, columns = linear_sum_assignment(weights, maximize=True)
    return int(weights[rows, columns].sum())


def _align_networkx(weights: np.ndarray) -> int:
    graph = nx.Graph()
    for row, column in zip(*np.nonzero(weights), strict=True):
        graph.add_edge(("p", int(row)), ("g", int(column)), weight=int(weights[row, column]))
    matching = nx.max_weight_matching(graph)
    return sum(int(graph.edges[a, b]["weight"]) for a, b in matching)


def ceaf_overlap(predicted: Sequence[Hashable], gold: Sequence[Hashable], *, solver: Solver = "auto") -> int:
    """Φ of mention-based CEAF: mentions shared under the best one-to-one cluster alignment.

    Parameters
    ----------
    predicted, gold : sequence of hashable
        One cluster label per mention, in the same mention order.
    solver : {"auto", "scipy", "networkx"}
        ``scipy.optimize.linear_sum_assignment`` or ``networkx.max_weight_matching``;
        "auto" takes scipy when importable.

    Returns
    -------
    int
        The largest total overlap of a one-to-one alignment.

    Notes
    -----
    Predicted and gold clusters are nodes of a bipartite graph whose edges
    weigh their shared mentions; an optimal alignment is optimal on each
    connected component, so each is solved alone. A component with one
    cluster on a side takes its heaviest edge.

    Examples
    --------
    >>> ceaf_overlap(["a", "a", "b", "b"], [1, 1, 1, 2], solver="networkx")
    3
    """
    _check_labels(predicted, gold)
    if solver == "auto":
        solver = "scipy" if scipy_available() else "networkx"
    if solver not in ("scipy", "networkx"):
        raise ValueError(f"unknown solver {solver!r}: 'auto', 'scipy' or 'networkx'")
    align = _align_scipy if solver == "scipy" else _align_networkx
    joint = Counter(zip(predicted, gold, strict=True))
    graph = nx.Graph()
    for (k, g), count in joint.items():
        graph.add_edge(("p", k), ("g", g), weight=count)
    total = 0
    for component in nx.connected_components(graph):
        left = sorted((node[1] for node in component if node[0] == "p"), key=repr)
        right = sorted((node[1] for node in component if node[0] == "g"), key=repr)
        if len(left) == 1 or len(right) == 1:
            total += max(joint[(k, g)] for k in left for g in right)
            continue
        weights = np.array([[joint.get((k, g), 0) for g in right] for k in left], dtype=np.int64)
        total += align(weights)
    return total


def ceaf_m(predicted: Sequence[Hashable], gold: Sequence[Hashable], *, solver: Solver = "auto") -> float:
    """Mention-based CEAF (precision = recall = F1 when both sides cover the same mentions).

    Examples
    --------
    >>> ceaf_m([0, 0, 1, 1], ["a", "a", "b", "b"])
    1.0
    >>> ceaf_m([0, 0, 0, 0], ["a", "a", "b", "b"], solver="networkx")
    0.5
    """
    _check_labels(predicted, gold)
    if not gold:
        return float("nan")
    return ceaf_overlap(predicted, gold, solver=solver) / len(gold)


# -- data ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PersonGroup:
    """The romanizer's rows of one Arabic full name and country: one person."""

    arabic: str
    country: str
    latin: tuple[str, ...]

    @property
    def key(self) -> str:
        """A label unique to the person."""
        return f"{self.arabic}|{self.country}"


@dataclass(frozen=True, slots=True)
class ClusterDataset:
    """Mentions with their gold cluster labels.

    Attributes
    ----------
    mentions : tuple of str
        Distinct strings, shuffled with the seed.
    gold : tuple of str
        The gold cluster label of each mention (a person's key; distractors
        start with ``DISTRACTOR_PREFIX``).
    kinds : tuple of str
        ``"arabic"`` or ``"latin"`` for a true cluster's mentions, ``"distractor"``.
    source : str
        Where the persons come from.
    stats : dict
        Counts for the report.
    """

    mentions: tuple[str, ...]
    gold: tuple[str, ...]
    kinds: tuple[str, ...]
    source: str
    stats: dict[str, int] = field(default_factory=dict)


def romanizer_db() -> Path | None:
    """The romanizer's ``names.sqlite3``, None when the package or the file is missing."""
    spec = importlib.util.find_spec(ROMANIZER_PACKAGE)
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / ROMANIZER_DB
    return path if path.is_file() else None


def _clean(text: str) -> str:
    return " ".join(text.split())


def load_groups(db: Path) -> list[PersonGroup]:
    """Every person of the romanizer's Wikidata full-name rows, sorted by key.

    Latin spellings not in Latin script and groups whose name is not in
    Arabic script are dropped.

    Parameters
    ----------
    db : Path
        The romanizer's ``names.sqlite3``.

    Returns
    -------
    list of PersonGroup
        Each with its distinct Latin spellings, sorted.
    """
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT arabic_key, country, latin FROM full_names WHERE source = ?", (ROMANIZER_SOURCE,)
        ).fetchall()
    finally:
        connection.close()
    spellings: dict[tuple[str, str], set[str]] = defaultdict(set)
    for arabic, country, latin in rows:
        arabic, latin = _clean(arabic), _clean(latin)
        if detect_script(arabic) == "arabic" and detect_script(latin) == "latin":
            spellings[(arabic, country or "")].add(latin)
    return [
        PersonGroup(arabic, country, tuple(sorted(latin))) for (arabic, country), latin in sorted(spellings.items())
    ]


def synthetic_groups() -> list[PersonGroup]:
    """The hand-made persons of ``SYNTHETIC_PERSONS``."""
    return [PersonGroup(arabic, country, latin) for arabic, country, latin in SYNTHETIC_PERSONS]


def _keys(mentions: Iterable[str]) -> set[str]:
    return {key for key in map(exact_key, mentions) if key}


def build_dataset(
    groups: Sequence[PersonGroup],
    *,
    persons: int,
    seed: int,
    distractor_ratio: float = DISTRACTOR_RATIO,
    source: str = "",
) -> ClusterDataset:
    """Sample true clusters and distractor singletons (see the module docstring).

    Parameters
    ----------
    groups : sequence of PersonGroup
        Every person available.
    persons : int
        True clusters wanted (fewer when fewer persons qualify).
    seed : int
        Seed of the samples and of the mention order.
    distractor_ratio : float
        Distractor singletons per true cluster.
    source : str
        Recorded in the dataset.

    Returns
    -------
    ClusterDataset

    Examples
    --------
    >>> ds = build_dataset(synthetic_groups(), persons=3, seed=1)
    >>> ds.stats["true clusters"], ds.stats["distractors"], len(ds.mentions) == len(set(ds.mentions))
    (3, 2, True)
    """
    rng = random.Random(f"{seed}:clustering")
    eligible = [g for g in groups if len(g.latin) >= MIN_LATIN_SPELLINGS]
    singles = [g for g in groups if len(g.latin) < MIN_LATIN_SPELLINGS]
    taken_keys: set[str] = set()
    taken_text: set[str] = set()
    rows: list[tuple[str, str, str]] = []
    skipped = Counter[str]()

    def free(texts: Sequence[str]) -> bool:
        return not (_keys(texts) & taken_keys) and not (set(texts) & taken_text)

    true_clusters = 0
    trivial = 0
    for group in rng.sample(eligible, len(eligible)):
        if true_clusters == persons:
            break
        texts = [*group.latin, group.arabic]
        if not free(texts):
            skipped["namesake true clusters skipped"] += 1
            continue
        taken_keys |= _keys(texts)
        taken_text |= set(texts)
        rows += [(latin, group.key, LATIN) for latin in group.latin]
        rows.append((group.arabic, group.key, ARABIC))
        true_clusters += 1
        trivial += len({exact_key(latin) for latin in group.latin}) == 1
    wanted = round(true_clusters * distractor_ratio)
    distractors = 0
    for group in rng.sample(singles, len(singles)):
        if distractors == wanted:
            break
        text = rng.choice([group.latin[0], group.arabic]) if group.latin else group.arabic
        if not free([text]):
            skipped["namesake distractors skipped"] += 1
            continue
        taken_keys |= _keys([text])
        taken_text.add(text)
        rows.append((text, DISTRACTOR_PREFIX + group.key, DISTRACTOR))
        distractors += 1
    rng.shuffle(rows)
    stats = {
        "persons available": len(eligible),
        "true clusters": true_clusters,
        "true clusters whose Latin spellings share one normalised form": trivial,
        "distractors": distractors,
        "mentions": len(rows),
        **skipped,
    }
    mentions, gold, kinds = zip(*rows, strict=True) if rows else ((), (), ())
    return ClusterDataset(tuple(mentions), tuple(gold), tuple(kinds), source, stats)


# -- systems ---------------------------------------------------------------------------------
def _union_labels(size: int, pairs: Iterable[tuple[int, int]]) -> list[int]:
    """Connected components of ``size`` nodes: each node's label is the smallest node of its component."""
    parent = list(range(size))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [root(node) for node in range(size)]


def fuzzy_labels(
    mentions: Sequence[str], *, cutoff: float = FUZZY_CLUSTER_CUTOFF, transliterate: bool = False
) -> list[int]:
    """Connected components of the pairs with ``token_sort_ratio >= cutoff`` (default_process).

    Every pair is scored (``process.cdist``, rows in chunks, all cores).

    Examples
    --------
    >>> fuzzy_labels(["Ahmed Fahmy", "Fahmy, Ahmed", "Omar Sharif", "عمر"])
    [0, 0, 2, 3]
    """
    processed = [str(utils.default_process(anyascii_text(m) if transliterate else m)) for m in mentions]
    size = len(processed)
    chunk = max(1, CDIST_CELLS // max(1, size))
    pairs: list[tuple[int, int]] = []
    for start in range(0, size, chunk):
        scores = process.cdist(
            processed[start : start + chunk],
            processed,
            scorer=fuzz.token_sort_ratio,
            processor=None,
            score_cutoff=cutoff,
            dtype=np.float32,
            workers=-1,
        )
        rows, columns = np.nonzero(scores >= cutoff)
        pairs += [(start + int(r), int(c)) for r, c in zip(rows, columns, strict=True) if start + int(r) < int(c)]
    return _union_labels(size, pairs)


def exact_labels(mentions: Sequence[str]) -> list[str]:
    """One cluster per normalised form; a mention without name tokens stays alone.

    Examples
    --------
    >>> exact_labels(["Anas al-Sharif", "ANAS AL SHARIF", "!"])
    ['anas sharif', 'anas sharif', '\\x002']
    """
    return [exact_key(m) or f"\x00{position}" for position, m in enumerate(mentions)]


def cluster_labels(mentions: Sequence[str], resolver: er.Resolver) -> tuple[list[str], int]:
    """``er.cluster`` labels per mention (the cluster id), and how many mentions a gazetteer entity took."""
    positions: dict[str, list[int]] = defaultdict(list)
    for position, mention in enumerate(mentions):
        positions[mention].append(position)
    labels = [""] * len(mentions)
    resolved = 0
    for found in er.cluster(mentions, resolver=resolver):
        for member in found.members:
            text = member if isinstance(member, str) else member.text
            labels[positions[text].pop(0)] = found.id
        resolved += len(found.members) if found.entity is not None else 0
    return labels, resolved


@dataclass(slots=True)
class SystemResult:
    """One system's clustering of the dataset and its scores."""

    system: str
    labels: list[Hashable]
    seconds: float
    clusters: int
    b_cubed: BCubed
    ceaf_m: float
    whole_groups: float
    arabic_joined: float
    resolved: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready scores (without the labels)."""
        return {
            "system": self.system,
            "seconds": self.seconds,
            "clusters": self.clusters,
            "b_cubed": asdict(self.b_cubed),
            "ceaf_m": self.ceaf_m,
            "whole_groups": self.whole_groups,
            "arabic_joined": self.arabic_joined,
            "resolved_mentions": self.resolved,
        }


def _members(labels: Sequence[Hashable]) -> dict[Hashable, list[int]]:
    members: dict[Hashable, list[int]] = defaultdict(list)
    for position, label in enumerate(labels):
        members[label].append(position)
    return members


def group_scores(dataset: ClusterDataset, labels: Sequence[Hashable]) -> tuple[float, float]:
    """Share of true clusters predicted exactly, and share whose Arabic mention joins one of its Latin spellings.

    Examples
    --------
    >>> kinds = ("latin", "latin", "arabic", "distractor")
    >>> ds = ClusterDataset(("Ali Omar", "Aly Omar", "علي عمر", "Zaid"), ("p", "p", "p", "d"), kinds, "")
    >>> group_scores(ds, [0, 0, 1, 2])
    (0.0, 0.0)
    >>> group_scores(ds, [0, 0, 0, 1])
    (1.0, 1.0)
    """
    predicted = _members(labels)
    whole = joined = groups = 0
    for positions in _members(dataset.gold).values():
        if dataset.kinds[positions[0]] == DISTRACTOR:
            continue
        groups += 1
        whole += sorted(predicted[labels[positions[0]]]) == positions
        arabic = [p for p in positions if dataset.kinds[p] == ARABIC]
        joined += any(labels[a] == labels[p] for a in arabic for p in positions if dataset.kinds[p] == LATIN)
    return (whole / groups, joined / groups) if groups else (float("nan"), float("nan"))


def score_system(
    name: str, dataset: ClusterDataset, run: Callable[[Sequence[str]], tuple[Sequence[Hashable], int | None]]
) -> SystemResult:
    """Run one system on the dataset's mentions, time it and score it."""
    _log(f"clustering: {name} on {len(dataset.mentions)} mentions")
    started = time.perf_counter()
    labels, resolved = run(dataset.mentions)
    seconds = time.perf_counter() - started
    whole, joined = group_scores(dataset, labels)
    return SystemResult(
        system=name,
        labels=list(labels),
        seconds=seconds,
        clusters=len(set(labels)),
        b_cubed=b_cubed(labels, dataset.gold),
        ceaf_m=ceaf_m(labels, dataset.gold),
        whole_groups=whole,
        arabic_joined=joined,
        resolved=resolved,
    )


# -- failure cases ---------------------------------------------------------------------------
def failure_cases(dataset: ClusterDataset, labels: Sequence[Hashable], limit: int = FAILURE_EXAMPLES) -> dict[str, Any]:
    """Wrongly merged predicted clusters and split gold clusters, the first ``limit`` of each.

    Each example is a list of parts (lists of mentions): a merge's parts are
    its members grouped by gold cluster, a split's parts are the gold
    cluster's members grouped by predicted cluster. "First" is by the first
    member's position in the (seed-shuffled) mentions.

    Examples
    --------
    >>> ds = ClusterDataset(("a", "b", "c"), ("x", "x", "y"), ("latin",) * 3, "")
    >>> failure_cases(ds, [0, 1, 1])["merged"]
    [[['b'], ['c']]]
    >>> failure_cases(ds, [0, 1, 1])["split"]
    [[['a'], ['b']]]
    """

    def parts(positions: Sequence[int], by: Sequence[Hashable]) -> list[list[str]]:
        grouped: dict[Hashable, list[str]] = {}
        for p in positions:
            grouped.setdefault(by[p], []).append(dataset.mentions[p])
        return list(grouped.values())

    merged = [parts(ps, dataset.gold) for ps in _members(labels).values() if len({dataset.gold[p] for p in ps}) > 1]
    split = [parts(ps, labels) for ps in _members(dataset.gold).values() if len({labels[p] for p in ps}) > 1]
    return {
        "merged_clusters": len(merged),
        "split_gold_clusters": len(split),
        "merged": merged[:limit],
        "split": split[:limit],
    }


# -- report ----------------------------------------------------------------------------------
def _fraction(value: float) -> str:
    return "—" if value != value else f"{value:.3f}"


def _parts(parts: Sequence[Sequence[str]]) -> str:
    return " + ".join("{" + ", ".join(f"`{m}`" for m in part) + "}" for part in parts)


def render_markdown(
    dataset: ClusterDataset,
    results: Sequence[SystemResult],
    failures: Mapping[str, Mapping[str, Any]],
    notes: list[str],
) -> str:
    """The report: dataset line, score table, the goal, failure cases and notes."""
    rows = [
        [
            r.system,
            f"{r.clusters:,}",
            _fraction(r.b_cubed.precision),
            _fraction(r.b_cubed.recall),
            _fraction(r.b_cubed.f1),
            _fraction(r.ceaf_m),
            _fraction(r.whole_groups),
            _fraction(r.arabic_joined),
            f"{r.seconds:.2f}",
        ]
        for r in results
    ]
    header = ["system", "clusters", "B³ P", "B³ R", "B³ F1", "CEAF-m", "whole groups", "Arabic joined", "seconds"]
    gold_clusters = dataset.stats["true clusters"] + dataset.stats["distractors"]
    lines = [
        "# Clustering benchmark",
        "",
        f"{dataset.source}: {dataset.stats['true clusters']:,} true clusters (persons) and "
        f"{dataset.stats['distractors']:,} distractor singletons, {len(dataset.mentions):,} mentions, "
        f"{gold_clusters:,} gold clusters.",
        "",
        markdown_table(header, rows),
        "",
        "B³ = B-cubed; CEAF-m = mention-based CEAF (precision = recall = F1 here); whole groups = share of "
        "true clusters predicted exactly; Arabic joined = share of true clusters whose Arabic name shares a "
        "predicted cluster with one of its Latin spellings; seconds = wall time of the clustering call.",
        "",
    ]
    if results:
        main_row = results[0]
        verdict = "met" if main_row.b_cubed.f1 >= GOAL_BCUBED_F1 else "not met"
        lines += [
            f"Goal (B-cubed F1 >= {GOAL_BCUBED_F1}) for {main_row.system}: **{verdict}** "
            f"({_fraction(main_row.b_cubed.f1)}).",
            "",
        ]
    for system, found in failures.items():
        lines += [
            f"## Failure cases: {system}",
            "",
            f"{found['merged_clusters']:,} predicted clusters mix gold clusters; "
            f"{found['split_gold_clusters']:,} gold clusters are split. First examples (parts by gold cluster "
            "for merges, by predicted cluster for splits):",
            "",
        ]
        lines += [f"- merged: {_parts(parts)}" for parts in found["merged"]]
        lines += [f"- split: {_parts(parts)}" for parts in found["split"]]
        lines.append("")
    lines += ["Notes:", "", *(f"- {note}" for note in notes)]
    return "\n".join(lines)


# -- entry point -----------------------------------------------------------------------------
def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def load_dataset(*, persons: int, seed: int, db: Path | None, notes: list[str]) -> ClusterDataset:
    """The romanizer's persons when its sqlite file is found, else the hand-made ones (noted)."""
    path = db if db is not None else romanizer_db()
    if path is not None and path.is_file():
        source = f"arabic-name-romanizer {_version('arabic-name-romanizer')} full_names, source {ROMANIZER_SOURCE}"
        groups = load_groups(path)
    else:
        source = "hand-made persons (SYNTHETIC_PERSONS)"
        notes.append(f"the romanizer's {ROMANIZER_DB} was not found: the tiny hand-made dataset is used")
        groups = synthetic_groups()
    dataset = build_dataset(groups, persons=persons, seed=seed, source=source)
    if dataset.stats["true clusters"] < persons:
        notes.append(f"{persons:,} true clusters asked, {dataset.stats['true clusters']:,} available")
    return dataset


SYSTEM_NOTES = (
    "entity_resolve (empty gazetteer) = er.cluster(mentions, gazetteer=<empty Gazetteer>) with default "
    "threshold and candidate_floor: name matching alone. The persons come from the same source as the "
    "built-in gazetteer (one person per Arabic name and country), so the built-in row is mostly a lookup "
    "of the very entities built from these groups and is reported separately, not as the measure",
    "exact = normalize_name(...).tokens joined, one cluster per form; rapidfuzz = connected components of "
    f"pairs with fuzz.token_sort_ratio >= {FUZZY_CLUSTER_CUTOFF:.0f} after utils.default_process, every pair "
    "scored (process.cdist, full matrix in row chunks, all cores); anyascii+rapidfuzz = the same after anyascii",
    "data: groups of the romanizer's Wikidata rows by Arabic full name (its normalised key) and country; a "
    f"true cluster = a person with >= {MIN_LATIN_SPELLINGS} distinct Latin spellings, its mentions those "
    "spellings and the Arabic name; distractors = one mention (Latin or Arabic, seeded) of a person with one "
    "spelling; a person is skipped when a mention has the normalised form of a mention of another person "
    "already taken (namesakes no name-only method can separate); mentions shuffled with the seed",
)


def main(
    *,
    quick: bool = False,
    seed: int = DEFAULT_SEED,
    persons: int | None = None,
    out: Path | None = None,
    db: Path | None = None,
    builtin: bool | None = None,
) -> int:
    """Run the clustering benchmark, print its markdown and write markdown and JSON.

    Parameters
    ----------
    quick : bool
        ``QUICK_PERSONS`` true clusters and no built-in gazetteer row.
    seed : int
        Seed of the samples and of the mention order.
    persons : int, optional
        True clusters (default ``DEFAULT_PERSONS``, ``QUICK_PERSONS`` with ``quick``).
    out : Path, optional
        Output folder (default ``benchmarks/results``, ``.../results/quick`` with ``quick``).
    db : Path, optional
        The romanizer's sqlite file (default: found in the installed package;
        when missing, a hand-made dataset).
    builtin : bool, optional
        Also cluster with the built-in gazetteer (default: not with ``quick``).

    Returns
    -------
    int
        The exit status.
    """
    persons = persons if persons is not None else (QUICK_PERSONS if quick else DEFAULT_PERSONS)
    if persons < 1:
        raise ValueError(f"persons must be positive, got {persons}")
    builtin = (not quick) if builtin is None else builtin
    out = out or (RESULTS_DIR / "quick" if quick else RESULTS_DIR)
    notes: list[str] = [f"seed {seed}; entity_resolve {er.__version__}; commit {git_commit(data.repo_root())}"]
    dataset = load_dataset(persons=persons, seed=seed, db=db, notes=notes)
    notes += list(SYSTEM_NOTES)
    if dataset.stats.get("true clusters whose Latin spellings share one normalised form"):
        notes.append(
            f"{dataset.stats['true clusters whose Latin spellings share one normalised form']:,} true clusters "
            "have Latin spellings that differ only in case, spaces or punctuation"
        )
    empty = er.Resolver(er.Gazetteer.from_records([], origin="empty"))
    systems: list[tuple[str, Callable[[Sequence[str]], tuple[Sequence[Hashable], int | None]]]] = [
        ("entity_resolve (empty gazetteer)", lambda ms: cluster_labels(ms, empty)),
    ]
    if builtin:
        _log("clustering: loading the built-in gazetteer")
        started = time.perf_counter()
        resolver = er.Resolver()
        resolver.resolve(WARMUP_MENTION)  # the index loads on first use
        notes.append(
            f"built-in gazetteer: {len(resolver.gazetteer):,} entities, loaded in "
            f"{time.perf_counter() - started:.0f} s with a first resolve (not in its row's seconds)"
        )
        systems.append(
            ("entity_resolve (built-in gazetteer: same source, mostly lookup)", lambda ms: cluster_labels(ms, resolver))
        )
    else:
        notes.append("--quick: the built-in gazetteer row is skipped (it loads the built-in index)")
    systems += [
        ("exact", lambda ms: (exact_labels(ms), None)),
        ("rapidfuzz", lambda ms: (fuzzy_labels(ms), None)),
    ]
    if anyascii_available():
        systems.append(("anyascii+rapidfuzz", lambda ms: (fuzzy_labels(ms, transliterate=True), None)))
    else:
        notes.append("anyascii is not importable (pip install anyascii): its baseline is skipped")
    notes.append(
        "CEAF alignment: "
        + ("scipy.optimize.linear_sum_assignment" if scipy_available() else "networkx.max_weight_matching")
        + " per connected component of the overlap graph"
    )
    started = time.perf_counter()
    results = [score_system(name, dataset, run) for name, run in systems]
    for result in results:
        if result.resolved is not None:
            notes.append(f"{result.system}: {result.resolved:,} of {len(dataset.mentions):,} mentions resolved")
    failures = {r.system: failure_cases(dataset, r.labels) for r in results if r.system.startswith("entity_resolve")}
    notes.append(f"total time {time.perf_counter() - started:.0f} s")
    markdown = render_markdown(dataset, results, failures, notes)
    write_text(out / "clustering.md", markdown + "\n")
    write_json(
        out / "clustering.json",
        {
            "notes": notes,
            "seed": seed,
            "source": dataset.source,
            "dataset": dataset.stats,
            "goal_b_cubed_f1": GOAL_BCUBED_F1,
            "rows": [r.as_dict() for r in results],
            "failures": failures,
        },
    )
    print(markdown)
    return 0
