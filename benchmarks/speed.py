"""Speed benchmark: latency, build and load time, memory.

In one process, after a warm-up, every mixed query (attested names, MT-noise
garbles, negatives) is timed with ``Resolver.resolve`` on the built-in
gazetteer, beside an exact dict lookup of the normalised name and brute-force
``rapidfuzz.process.extractOne`` over every name (single-threaded, on a seeded
sample of the queries: it takes about half a second per query).

Fresh subprocesses measure what a user meets first: building the index (empty
cache folder), loading it from the cache, and the first ``resolve``; each
reports its peak resident memory (``resource.getrusage``).

``resolve_text`` is timed on a seeded set of synthetic news articles (half
Arabic, half English: gazetteer names, a quarter of them garbled, in news
sentences), in characters per second of process time, beside a plain
per-token exact dictionary lookup over the same texts.

A long run resolves ``LONG_RUN_QUERIES`` new mixed mentions one after
another in a fresh process, as a service does, and reports each garbage
collection the interpreter ran: how often, for how long in all, the longest
pause, and the slowest mentions (a full collection walks every object the
collector tracks, so caches of tracked objects lengthen it).

``--million`` adds a scaling run: a synthetic gazetteer of 1,000,000 names
(500,000 persons, each a Latin and an Arabic name, given and family names
combined at random from the person names of the built-in gazetteer).
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process, utils

import entity_resolve as er
from entity_resolve.gazetteer import Entity

from . import data, noise
from .report import git_commit, markdown_table, write_json, write_text
from .systems import NameTable, exact_key

__all__ = [
    "latency_summary",
    "main",
    "million_worker",
    "mixed_queries",
    "synthetic_records",
    "text_articles",
    "text_throughput",
]

DEFAULT_QUERIES = 1_000
#: Shares of the mixed queries: attested names, garbles, negatives (the rest).
ATTESTED_SHARE = 0.4
GARBLED_SHARE = 0.4
WARMUP_QUERIES = 100
#: The long run: new mixed mentions resolved one after another in a fresh process (garbage collection).
LONG_RUN_QUERIES = 20_000
BRUTE_FORCE_QUERIES = 50
#: Scaling run: synthetic persons (two names each) and timed queries.
MILLION_ENTITIES = 500_000
MILLION_QUERIES = 500
RESULTS_DIR = Path(__file__).resolve().parent / "results"
#: ``resolve_text`` throughput: articles timed, sentences per article, share of garbled names.
TEXT_ARTICLES = 20
TEXT_SENTENCES = 12
TEXT_GARBLED_SHARE = 0.25
#: News sentences of the synthetic articles: three names each, by script.
_ARABIC_FRAMES = (
    "قال {a} إن الوضع في {b} يزداد سوءا، بينما دعا {c} إلى الحوار.",
    "التقى {a} مع {b} في {c} أمس لبحث التعاون بين البلدين.",
    "وأكد المتحدث باسم {a} أن القوات وصلت إلى {b} صباح اليوم بعد لقاء مع {c}.",
    "وفي {a}، أعلن الرئيس {b} عن خطة جديدة بالتعاون مع {c}.",
    "واتهم {a} حكومة {b} بخرق الاتفاق الموقع في {c} العام الماضي.",
)
_LATIN_FRAMES = (
    "{a} said on Monday that the situation in {b} was getting worse, while {c} called for talks.",
    "Officials from {a} met {b} in {c} to discuss the ceasefire.",
    "A spokesman for {a} said troops had reached {b} early on Tuesday after talks with {c}.",
    "In {a}, President {b} announced a new plan with {c}.",
    "{a} accused the government of {b} of breaking the deal signed in {c} last year.",
)
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_WORD = re.compile(r"[^\W\d_]+")

#: Synthetic negatives (names no built-in entity has) when negatives.csv is short.
_NEGATIVE_GIVEN = (
    "Angela",
    "Olaf",
    "Emmanuel",
    "Giorgia",
    "Pedro",
    "Justin",
    "Kenji",
    "Ingrid",
    "Wojciech",
    "Siobhan",
    "Hiroshi",
    "Marta",
    "Sven",
    "Lucia",
    "Dmitri",
)
_NEGATIVE_FAMILY = (
    "Merkel",
    "Scholz",
    "Macron",
    "Meloni",
    "Sanchez",
    "Trudeau",
    "Tanaka",
    "Larsen",
    "Kowalski",
    "Byrne",
    "Yamamoto",
    "Novak",
    "Lindqvist",
    "Ferreira",
    "Petrov",
)
_NEGATIVE_WORDS = (
    "الطقس",
    "المباراة النهائية",
    "أسعار النفط",
    "الذكاء الاصطناعي",
    "كأس العالم",
    "weather report",
    "stock market",
    "quarterly earnings",
    "football final",
    "climate summit",
)


# -- queries ------------------------------------------------------------------------
def _negatives(count: int, rng: random.Random) -> list[str]:
    found = [row.mention for row in data.load_negatives()]
    synthetic = [f"{g} {f}" for g in _NEGATIVE_GIVEN for f in _NEGATIVE_FAMILY] + list(_NEGATIVE_WORDS)
    pool = found + [s for s in synthetic if s not in found]
    return [pool[i % len(pool)] for i in range(count)] if len(pool) < count else rng.sample(pool, count)


def _garbles(entities: Sequence[Entity], count: int, rng: random.Random) -> list[str]:
    variants: list[str] = []
    while len(variants) < count:
        entity = rng.choice(entities)
        name = rng.choice(entity.names)
        kinds = noise.applicable_kinds(name, entity.type)
        if kinds:
            variants.append(noise.garble(name, rng.choice(kinds), rng))
    return variants


def mixed_queries(gazetteer: er.Gazetteer, count: int, seed: int) -> list[tuple[str, str]]:
    """``count`` seeded (category, mention) pairs: attested names, garbles, negatives, shuffled."""
    rng = random.Random(seed)
    entities = list(gazetteer)
    attested = int(count * ATTESTED_SHARE)
    garbled = int(count * GARBLED_SHARE)
    queries = [("attested", rng.choice(rng.choice(entities).names)) for _ in range(attested)]
    queries += [("garbled", g) for g in _garbles(entities, garbled, rng)]
    queries += [("negative", n) for n in _negatives(count - attested - garbled, rng)]
    rng.shuffle(queries)
    return queries


def _article_name(entity: Entity, arabic: bool, rng: random.Random) -> str | None:
    """A name of ``entity`` in one script, garbled (MT noise) at ``TEXT_GARBLED_SHARE``."""
    names = [name for name in entity.names if bool(_ARABIC_SCRIPT.search(name)) == arabic]
    if not names:
        return None
    name = rng.choice(names)
    kinds = noise.applicable_kinds(name, entity.type)
    if kinds and rng.random() < TEXT_GARBLED_SHARE:
        return noise.garble(name, rng.choice(kinds), rng)
    return name


def text_articles(gazetteer: er.Gazetteer, count: int, seed: int) -> list[str]:
    """``count`` seeded news articles, Arabic and English in turn, of ``TEXT_SENTENCES`` sentences.

    Each sentence names three random entities of the gazetteer in the
    article's script (the curated and well-known ones as often as the rest).
    """
    rng = random.Random(seed)
    entities = list(gazetteer)
    articles: list[str] = []
    for number in range(count):
        arabic = number % 2 == 0
        frames = _ARABIC_FRAMES if arabic else _LATIN_FRAMES
        sentences: list[str] = []
        while len(sentences) < TEXT_SENTENCES:
            names = [_article_name(rng.choice(entities), arabic, rng) for _ in range(3)]
            if all(names):
                a, b, c = names
                sentences.append(rng.choice(frames).format(a=a, b=b, c=c))
        articles.append(" ".join(sentences))
    return articles


def text_throughput(resolver: er.Resolver, seed: int, count: int = TEXT_ARTICLES) -> dict[str, Any]:
    """Characters per second of ``resolve_text`` on ``text_articles``, and of an exact per-token lookup.

    Two articles of another seed are resolved first (warm-up); times are
    process time. The baseline normalises every word of the same texts and
    looks it up in a dict of the normalised names (no spans, no fuzzy match).
    """
    gazetteer = resolver.gazetteer
    for article in text_articles(gazetteer, 2, seed + 1):
        er.resolve_text(article, resolver=resolver)
    articles = text_articles(gazetteer, count, seed)
    characters = sum(map(len, articles))
    started = time.process_time()
    mentions = sum(len(er.resolve_text(article, resolver=resolver)) for article in articles)
    seconds = time.process_time() - started
    exact = {exact_key(name) for entity in gazetteer for name in entity.names}
    started = time.process_time()
    found = sum(exact_key(word) in exact for article in articles for word in _WORD.findall(article))
    exact_seconds = time.process_time() - started
    return {
        "articles": count,
        "characters": characters,
        "seconds": round(seconds, 3),
        "chars_per_s": round(characters / seconds),
        "mentions": mentions,
        "exact_token_lookup_chars_per_s": round(characters / exact_seconds),
        "exact_token_lookup_hits": found,
    }


# -- timing -------------------------------------------------------------------------
def _time_each(function: Callable[[str], object], mentions: Sequence[str]) -> list[float]:
    """Seconds per call."""
    timings = []
    for mention in mentions:
        started = time.perf_counter()
        function(mention)
        timings.append(time.perf_counter() - started)
    return timings


def latency_summary(seconds: Sequence[float]) -> dict[str, float]:
    """Median, p95, mean and max in milliseconds.

    Examples
    --------
    >>> latency_summary([0.001] * 19 + [0.002])["median_ms"]
    1.0
    """
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(ordered),
        "median_ms": round(1000 * statistics.median(ordered), 4),
        "p95_ms": round(1000 * p95, 4),
        "mean_ms": round(1000 * statistics.fmean(ordered), 4),
        "max_ms": round(1000 * ordered[-1], 4),
    }


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)


def in_process(count: int, seed: int) -> dict[str, Any]:
    """Latencies of entity_resolve, exact lookup and brute force in this process."""
    started = time.perf_counter()
    resolver = er.Resolver()
    ready = time.perf_counter() - started
    gazetteer = resolver.gazetteer
    queries = mixed_queries(gazetteer, count, seed)
    mentions = [m for _, m in queries]
    for mention in mentions[:WARMUP_QUERIES]:
        resolver.resolve(mention)
    timings = _time_each(resolver.resolve, mentions)
    # the same mentions again: what a stream that repeats its names (a news archive) pays
    repeated = _time_each(resolver.resolve, mentions)
    by_category: dict[str, list[float]] = {}
    for (category, _), seconds in zip(queries, timings, strict=True):
        by_category.setdefault(category, []).append(seconds)
    table = NameTable.from_entities(list(gazetteer))
    exact: dict[str, str] = {}
    for name, owner in zip(table.names, table.owner, strict=True):
        exact.setdefault(exact_key(name), table.ids[owner])
    names = list(table.names)
    sample = random.Random(seed).sample(mentions, min(BRUTE_FORCE_QUERIES, len(mentions)))
    brute = _time_each(
        lambda m: process.extractOne(m, names, scorer=fuzz.WRatio, processor=utils.default_process), sample
    )
    return {
        "gazetteer": {"entities": len(gazetteer), "names": len(names), "indexed_names": len(resolver.index)},
        "resolver_ready_s": round(ready, 3),
        "entity_resolve": latency_summary(timings),
        "entity_resolve_by_category": {k: latency_summary(v) for k, v in sorted(by_category.items())},
        "entity_resolve_repeated": latency_summary(repeated),
        "exact_dict_lookup": latency_summary(_time_each(lambda m: exact.get(exact_key(m)), mentions)),
        "rapidfuzz_extractone": latency_summary(brute),
        "resolve_text": text_throughput(resolver, seed),
        "peak_rss_mb": _peak_rss_mb(),
    }


# -- fresh subprocesses ----------------------------------------------------------------
_PROBE = """
import json, resource, sys, time
started = time.perf_counter()
import entity_resolve as er
imported = time.perf_counter()
resolver = er.Resolver(cache_dir=sys.argv[1])
ready = time.perf_counter()
resolver.resolve(sys.argv[2])
first = time.perf_counter()
resolver.resolve(sys.argv[3])
second = time.perf_counter()
print(json.dumps({
    "import_s": round(imported - started, 3),
    "resolver_s": round(ready - imported, 3),
    "first_resolve_ms": round(1000 * (first - ready), 2),
    "second_resolve_ms": round(1000 * (second - first), 2),
    "start_to_first_answer_s": round(first - started, 3),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
"""
_PROBE_MENTIONS = ("الجنرال خليفة حفتر", "Chalifa Hafter")


def _run_python(arguments: Sequence[str]) -> dict[str, Any]:
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(data.repo_root()), environment.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, *arguments],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
        cwd=data.repo_root(),
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def fresh_processes() -> dict[str, Any]:
    """Build (empty cache), load from cache, first resolve: each in a fresh interpreter."""
    with tempfile.TemporaryDirectory(prefix="er-speed-") as cache:
        build = _run_python(["-c", _PROBE, cache, *_PROBE_MENTIONS])
        load = _run_python(["-c", _PROBE, cache, *_PROBE_MENTIONS])
        cached_bytes = sum(p.stat().st_size for p in Path(cache).rglob("*") if p.is_file())
    return {"build": build, "load": load, "cache_mb": round(cached_bytes / 2**20, 1)}


# -- long run --------------------------------------------------------------------------
def long_run_worker(path: str) -> dict[str, Any]:
    """Resolve the mentions saved in ``path`` (JSON) one after another, timing each garbage collection.

    Run in a fresh process: only the resolver's own objects are there for the collector to walk.
    The first ``WARMUP_QUERIES`` mentions warm it up, untimed.
    """
    import gc

    with open(path, encoding="utf-8") as file:
        mentions: list[str] = json.load(file)
    resolver = er.Resolver()
    for mention in mentions[:WARMUP_QUERIES]:  # warm-up, as in_process: not timed
        resolver.resolve(mention)
    mentions = mentions[WARMUP_QUERIES:]
    pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}
    began = [0.0]

    def on_collection(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            began[0] = time.perf_counter()
        else:
            pauses[info["generation"]].append(time.perf_counter() - began[0])

    gc.callbacks.append(on_collection)
    started = time.perf_counter()
    try:
        timings = _time_each(resolver.resolve, mentions)
    finally:
        gc.callbacks.remove(on_collection)
    seconds = time.perf_counter() - started
    ordered = sorted(timings)
    return {
        "mentions": len(mentions),
        "seconds": round(seconds, 2),
        "median_ms": round(1000 * statistics.median(ordered), 4),
        "p99_ms": round(1000 * ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))], 4),
        "max_ms": round(1000 * ordered[-1], 2),
        "collections": {
            str(generation): {
                "count": len(found),
                "total_ms": round(1000 * sum(found), 1),
                "longest_ms": round(1000 * max(found, default=0.0), 1),
            }
            for generation, found in pauses.items()
        },
        "gc_share": round(sum(map(sum, pauses.values())) / seconds, 4),
        "tracked_objects": len(gc.get_objects()),
    }


#: The long run's fresh process: ``long_run_worker`` of the mentions file named by its argument.
_LONG_RUN = (
    "import json, sys\nfrom benchmarks.speed import long_run_worker\nprint(json.dumps(long_run_worker(sys.argv[1])))"
)


def long_run(gazetteer: er.Gazetteer, seed: int, count: int = LONG_RUN_QUERIES) -> dict[str, Any]:
    """``long_run_worker`` over ``count`` distinct new mixed mentions (``mixed_queries``), in a fresh process."""
    mentions = list(dict.fromkeys(m for _, m in mixed_queries(gazetteer, count, seed + 1)))
    with tempfile.TemporaryDirectory(prefix="er-long-run-") as folder:
        path = Path(folder) / "mentions.json"
        path.write_text(json.dumps(mentions, ensure_ascii=False), encoding="utf-8")
        return _run_python(["-c", _LONG_RUN, str(path)])


# -- scaling ---------------------------------------------------------------------------
def _two_token_pairs(gazetteer: er.Gazetteer) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(Latin, Arabic) given names and family names of two-token persons of the gazetteer."""
    given: set[tuple[str, str]] = set()
    family: set[tuple[str, str]] = set()
    for entity in gazetteer:
        if entity.type != "person":
            continue
        latin = entity.name.split()
        arabic = next((n.split() for n in entity.names if data.has_arabic(n)), [])
        if len(latin) == 2 and len(arabic) == 2 and latin[1][:1].isupper():
            given.add((latin[0], arabic[0]))
            family.add((latin[1], arabic[1]))
    return sorted(given), sorted(family)


def synthetic_records(
    given: Sequence[tuple[str, str]], family: Sequence[tuple[str, str]], count: int, seed: int
) -> list[dict[str, Any]]:
    """``count`` seeded persons, distinct (given, family) combinations, a Latin and an Arabic name each.

    Examples
    --------
    >>> records = synthetic_records([("Ali", "علي")], [("Omar", "عمر"), ("Said", "سعيد")], 2, 1)
    >>> sorted(r["name"] for r in records), records[0]["aliases"][0].startswith("علي")
    (['Ali Omar', 'Ali Said'], True)
    """
    combinations = random.Random(seed).sample(range(len(given) * len(family)), count)
    records = []
    for number, code in enumerate(combinations):
        (g_latin, g_arabic), (f_latin, f_arabic) = given[code // len(family)], family[code % len(family)]
        records.append(
            {
                "id": f"syn:{number}",
                "type": "person",
                "name": f"{g_latin} {f_latin}",
                "aliases": [f"{g_arabic} {f_arabic}"],
            }
        )
    return records


def million_worker(seed: int) -> dict[str, Any]:
    """The scaling run (meant for a fresh process: its peak memory is the run's)."""
    given, family = _two_token_pairs(er.Gazetteer.default())
    records = synthetic_records(given, family, MILLION_ENTITIES, seed)
    baseline_rss = _peak_rss_mb()
    started = time.perf_counter()
    gazetteer = er.Gazetteer.from_records(records, origin="synthetic")
    loaded = time.perf_counter()
    resolver = er.Resolver(gazetteer)
    built = time.perf_counter()
    rng = random.Random(seed)
    picks = rng.sample(records, MILLION_QUERIES)
    mentions = [rng.choice([r["name"], *r["aliases"]]) for r in picks[: MILLION_QUERIES // 2]]
    mentions += _garbles([gazetteer[r["id"]] for r in picks[MILLION_QUERIES // 2 :]], MILLION_QUERIES // 2, rng)
    for mention in mentions[:WARMUP_QUERIES]:
        resolver.resolve(mention)
    return {
        "given_names": len(given),
        "family_names": len(family),
        "entities": len(gazetteer),
        "names": sum(len(e.names) for e in gazetteer),
        "gazetteer_s": round(loaded - started, 2),
        "index_build_s": round(built - loaded, 2),
        "peak_rss_mb": _peak_rss_mb(),
        "rss_before_mb": baseline_rss,
        "resolve": latency_summary(_time_each(resolver.resolve, mentions)),
    }


# -- report ----------------------------------------------------------------------------
def _text_table(own: dict[str, Any]) -> list[str]:
    """The ``resolve_text`` throughput table and a blank line (nothing for results without one)."""
    text = own.get("resolve_text")
    if not text:
        return []
    rows = [
        ["entity_resolve `resolve_text`", f"{text['chars_per_s']:,}", f"{text['mentions']:,} mentions"],
        [
            "exact per-token lookup (normalise + dict)",
            f"{text['exact_token_lookup_chars_per_s']:,}",
            f"{text['exact_token_lookup_hits']:,} words found",
        ],
    ]
    caption = (
        f"whole texts: {text['articles']} seeded articles (Arabic and English, {text['characters']:,} characters, "
        f"a quarter of the names garbled), process time"
    )
    return [caption, "", markdown_table(["system", "chars/s", "found"], rows), ""]


def _long_run_table(run: dict[str, Any] | None) -> list[str]:
    """The long run's latencies and garbage collections, after a blank line (nothing without one)."""
    if not run:
        return []
    caption = (
        f"long run: {run['mentions']:,} new mixed mentions one after another in a fresh process (after "
        f"{WARMUP_QUERIES} warm-up), "
        f"{run['seconds']:.1f} s; latency median {run['median_ms']:.3f} ms, p99 {run['p99_ms']:.3f} ms, "
        f"slowest {run['max_ms']:.1f} ms; {100 * run['gc_share']:.1f} % of the time in garbage collection; "
        f"{run['tracked_objects']:,} objects tracked by the collector at the end"
    )
    rows = [
        [f"generation {generation}", f"{c['count']:,}", f"{c['total_ms']:,.0f}", f"{c['longest_ms']:.1f}"]
        for generation, c in run["collections"].items()
    ]
    return ["", caption, "", markdown_table(["garbage collections", "count", "total ms", "longest ms"], rows)]


def render_markdown(result: dict[str, Any]) -> str:
    """Markdown tables of a speed result."""
    own = result["in_process"]
    rows = [
        ["entity_resolve `Resolver.resolve`", own["entity_resolve"]],
        *[[f"… {k} queries", v] for k, v in own["entity_resolve_by_category"].items()],
        *(
            [["… the same mentions a second time (their words seen)", own["entity_resolve_repeated"]]]
            if "entity_resolve_repeated" in own
            else []
        ),
        ["exact dict lookup (normalise + dict)", own["exact_dict_lookup"]],
        [
            f"rapidfuzz extractOne, all names (sample of {own['rapidfuzz_extractone']['n']})",
            own["rapidfuzz_extractone"],
        ],
    ]
    table = markdown_table(
        ["system", "n", "median ms", "p95 ms", "mean ms"],
        [[name, str(s["n"]), f"{s['median_ms']:.3f}", f"{s['p95_ms']:.3f}", f"{s['mean_ms']:.3f}"] for name, s in rows],
    )
    gazetteer = own["gazetteer"]
    fresh = result["fresh"]
    startup = markdown_table(
        ["fresh process", "resolver ready s", "first resolve ms", "start to first answer s", "peak RSS MB"],
        [
            [
                label,
                f"{p['resolver_s']:.2f}",
                f"{p['first_resolve_ms']:.1f}",
                f"{p['start_to_first_answer_s']:.2f}",
                f"{p['peak_rss_mb']:.0f}",
            ]
            for label, p in (
                ("index build (empty cache)", fresh["build"]),
                ("load from cache", fresh["load"]),
            )
        ],
    )
    parts = [
        "# Speed benchmark",
        "",
        f"- {result['notes']}",
        f"- built-in gazetteer: {gazetteer['entities']:,} entities, {gazetteer['names']:,} names "
        f"({gazetteer['indexed_names']:,} indexed); {own['entity_resolve']['n']} mixed queries after "
        f"{WARMUP_QUERIES} warm-up; cache on disk {fresh['cache_mb']} MB; peak RSS of this process "
        f"{own['peak_rss_mb']:.0f} MB",
        "",
        table,
        "",
        *_text_table(own),
        startup,
        *_long_run_table(result.get("long_run")),
    ]
    scaling = result.get("million")
    if scaling:
        parts += [
            "",
            markdown_table(
                [
                    "scaling run",
                    "entities",
                    "names",
                    "gazetteer s",
                    "index build s",
                    "peak RSS MB",
                    "median ms",
                    "p95 ms",
                ],
                [
                    [
                        "synthetic persons",
                        f"{scaling['entities']:,}",
                        f"{scaling['names']:,}",
                        f"{scaling['gazetteer_s']:.1f}",
                        f"{scaling['index_build_s']:.1f}",
                        f"{scaling['peak_rss_mb']:.0f}",
                        f"{scaling['resolve']['median_ms']:.3f}",
                        f"{scaling['resolve']['p95_ms']:.3f}",
                    ]
                ],
            ),
        ]
    return "\n".join(parts)


def main(*, million: bool = False, seed: int = 20_250_101, out: Path | None = None, queries: int | None = None) -> int:
    """Run the speed benchmark, print markdown, write ``speed.json`` and ``speed.md``."""
    out = out or RESULTS_DIR
    count = queries or DEFAULT_QUERIES
    print("speed: fresh-process build and load ...", file=sys.stderr, flush=True)
    result: dict[str, Any] = {
        "notes": f"seed {seed}; entity_resolve {er.__version__}; commit {git_commit(data.repo_root())}; "
        f"python {sys.version.split()[0]}; {os.cpu_count()} CPUs",
        "fresh": fresh_processes(),
    }
    print("speed: in-process latencies ...", file=sys.stderr, flush=True)
    result["in_process"] = in_process(count, seed)
    print("speed: long run in a fresh process ...", file=sys.stderr, flush=True)
    result["long_run"] = long_run(er.Gazetteer.default(), seed, LONG_RUN_QUERIES if queries is None else count)
    if million:
        print("speed: 1,000,000-name scaling run ...", file=sys.stderr, flush=True)
        result["million"] = _run_python(
            [
                "-c",
                f"import json; from benchmarks.speed import million_worker; print(json.dumps(million_worker({seed})))",
            ]
        )
    markdown = render_markdown(result)
    write_json(out / ("speed_million.json" if million else "speed.json"), result)
    write_text(out / ("speed_million.md" if million else "speed.md"), markdown + "\n")
    print(markdown)
    return 0
