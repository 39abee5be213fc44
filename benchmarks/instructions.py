"""Instruction counts: the speed benchmark's resolves under callgrind, beside an exact lookup.

Wall-clock latency on a shared machine moves by a tenth from one process to
the next; the instructions that a resolve executes do not, for one build and
the same data and mentions (the subprocess fixes ``PYTHONHASHSEED``: string
hashes decide the order of dicts and sets, and so some of the work; objects
hashed by address can still move a count by a few per cent between two builds).
``python -m benchmarks instructions`` runs the speed benchmark's seeded mixed
mentions (``speed.mixed_queries``, after the same warm-up) in a subprocess
under valgrind's callgrind, which counts only the three loops timed by
``speed``: ``Resolver.resolve`` over every mention, the same mentions a second
time, and the exact dict lookup baseline. It prints instructions per call and
their ratio to the exact lookup, and writes ``results/instructions.{md,json}``.

Instructions are not time: a cache miss costs many of them, a loop that
waits on memory few. Use the count to compare two versions of the code (it
is repeatable to the instruction), the speed benchmark for what a user
waits. Needs valgrind (Debian and Ubuntu: ``apt install valgrind``); a run
takes a few minutes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from . import data
from .report import git_commit, markdown_table, write_json, write_text

__all__ = ["PHASES", "dump_totals", "main", "render_markdown", "worker"]

#: The loops counted, in the order the worker runs them (each is one callgrind dump).
PHASES = ("resolve", "repeated", "exact")
_RESULTS_DIR = Path(__file__).resolve().parent / "results"
_TOTALS = re.compile(r"^(?:totals|summary):\s*(\d+)", re.MULTILINE)


def dump_totals(text: str) -> int:
    """The instructions counted in one callgrind dump (its ``totals`` or ``summary`` line).

    Examples
    --------
    >>> dump_totals("version: 1\\ncmd: python\\nevents: Ir\\nfn=main\\n1 5\\nsummary: 1234\\ntotals: 1234\\n")
    1234
    """
    found = _TOTALS.search(text)
    if found is None:
        raise ValueError("no totals line in the callgrind dump")
    return int(found.group(1))


def _callgrind(*arguments: str) -> None:
    """Send a command to the callgrind that runs this process (``callgrind_control``)."""
    subprocess.run(["callgrind_control", *arguments, str(os.getpid())], check=True, capture_output=True)


def worker(seed: int, count: int) -> None:
    """Run under callgrind with instrumentation off: the speed benchmark's loops, each counted and dumped."""
    import entity_resolve as er

    from .speed import WARMUP_QUERIES, mixed_queries
    from .systems import NameTable, exact_key

    resolver = er.Resolver()
    mentions = [mention for _, mention in mixed_queries(resolver.gazetteer, count, seed)]
    table = NameTable.from_entities(list(resolver.gazetteer))
    exact: dict[str, str] = {}
    for name, owner in zip(table.names, table.owner, strict=True):
        exact.setdefault(exact_key(name), table.ids[owner])
    for mention in mentions[:WARMUP_QUERIES]:
        resolver.resolve(mention)
        exact.get(exact_key(mention))
    _callgrind("--instr=on")
    for mention in mentions:
        resolver.resolve(mention)
    _callgrind("--dump=resolve")
    for mention in mentions:
        resolver.resolve(mention)
    _callgrind("--dump=repeated")
    for mention in mentions:
        exact.get(exact_key(mention))
    _callgrind("--dump=exact")
    _callgrind("--instr=off")
    print(json.dumps({"mentions": len(mentions)}))


def _count(seed: int, count: int) -> dict[str, Any]:
    """Run ``worker`` under callgrind; instructions per phase."""
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(data.repo_root()), environment.get("PYTHONPATH")]))
    environment["PYTHONHASHSEED"] = "0"  # str hashes, and so dict and set orders, the same in every run
    with tempfile.TemporaryDirectory(prefix="er-instructions-") as folder:
        out = Path(folder) / "callgrind.out"
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={out}",
                sys.executable,
                "-c",
                f"from benchmarks.instructions import worker; worker({seed}, {count})",
            ],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
            cwd=data.repo_root(),
        )
        mentions = int(json.loads(done.stdout.strip().splitlines()[-1])["mentions"])
        # one dump per phase, numbered in order (out.1, out.2, ...); the last, at exit, is empty
        dumps = sorted(Path(folder).glob("callgrind.out.*"), key=lambda path: int(path.suffix[1:]))
        totals = [dump_totals(path.read_text(encoding="utf-8", errors="replace")) for path in dumps[: len(PHASES)]]
    if len(totals) != len(PHASES):
        raise RuntimeError(f"expected {len(PHASES)} callgrind dumps, found {len(totals)}")
    return {"mentions": mentions, "instructions": dict(zip(PHASES, totals, strict=True))}


def render_markdown(result: dict[str, Any]) -> str:
    """The markdown table of a result: instructions per call and their ratio to the exact lookup.

    Examples
    --------
    >>> print(render_markdown({"notes": "n", "mentions": 2,
    ...     "instructions": {"resolve": 8_000_000, "repeated": 2_000_000, "exact": 20_000}}))
    # Instruction counts (callgrind)
    <BLANKLINE>
    - n
    <BLANKLINE>
    | loop | calls | instructions per call | × exact lookup |
    | --- | --- | --- | --- |
    | entity_resolve `Resolver.resolve` | 2 | 4,000,000 | 400 |
    | … the same mentions a second time | 2 | 1,000,000 | 100 |
    | exact dict lookup (normalise + dict) | 2 | 10,000 | 1 |
    """
    calls = result["mentions"]
    per_call = {phase: result["instructions"][phase] / calls for phase in PHASES}
    labels = {
        "resolve": "entity_resolve `Resolver.resolve`",
        "repeated": "… the same mentions a second time",
        "exact": "exact dict lookup (normalise + dict)",
    }
    rows = [
        [labels[phase], calls, f"{per_call[phase]:,.0f}", f"{per_call[phase] / per_call['exact']:,.0f}"]
        for phase in PHASES
    ]
    table = markdown_table(["loop", "calls", "instructions per call", "× exact lookup"], rows)
    return f"# Instruction counts (callgrind)\n\n- {result['notes']}\n\n{table}"


def main(*, seed: int, out: Path | None = None, queries: int | None = None) -> int:
    """Count, print markdown, write ``instructions.json`` and ``instructions.md``; 2 without valgrind."""
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        print("instructions: valgrind is not installed (Debian and Ubuntu: apt install valgrind)", file=sys.stderr)
        return 2
    import entity_resolve as er

    from .speed import DEFAULT_QUERIES

    print("instructions: the speed benchmark's loops under callgrind (a few minutes) ...", file=sys.stderr, flush=True)
    counted = _count(seed, queries or DEFAULT_QUERIES)
    result: dict[str, Any] = {
        "notes": f"seed {seed}; entity_resolve {er.__version__}; commit {git_commit(data.repo_root())}; "
        f"python {sys.version.split()[0]}; {counted['mentions']} mixed mentions after "
        "the speed benchmark's warm-up; instructions counted by valgrind's callgrind",
        **counted,
    }
    markdown = render_markdown(result)
    out = out or _RESULTS_DIR
    write_json(out / "instructions.json", result)
    write_text(out / "instructions.md", markdown + "\n")
    print(markdown)
    return 0
