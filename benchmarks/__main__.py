"""Command line: ``python -m benchmarks accuracy|speed|instructions|clustering|text|retrieval [options]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .accuracy import DEFAULT_SEED


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    accuracy = commands.add_parser("accuracy", help="accuracy of entity_resolve and baselines")
    accuracy.add_argument("--quick", action="store_true", help="small samples, tiny custom gazetteer")
    accuracy.add_argument("--no-rigour", action="store_true", help="skip the rigour baseline")
    accuracy.add_argument(
        "--no-nomenklatura", action="store_true", help="skip the nomenklatura baselines (logic-v2, name-based)"
    )
    speed = commands.add_parser("speed", help="latency, build time and memory")
    speed.add_argument("--million", action="store_true", help="also the 1,000,000-name scaling run (slow)")
    speed.add_argument("--queries", type=int, default=None, help="mixed queries timed (default 1000)")
    instructions = commands.add_parser(
        "instructions", help="instructions per resolve under callgrind (repeatable; needs valgrind)"
    )
    instructions.add_argument("--queries", type=int, default=None, help="mixed queries counted (default 1000)")
    clustering = commands.add_parser("clustering", help="clustering of name variants: B-cubed and CEAF-m")
    clustering.add_argument("--quick", action="store_true", help="60 persons, no built-in gazetteer row")
    clustering.add_argument("--persons", type=int, default=None, help="true clusters sampled (default 1000)")
    text = commands.add_parser("text", help="resolve_text on MT garbles: in a sentence, and a surname's coreference")
    text.add_argument("--quick", action="store_true", help="small samples (8 entities per type, 20 persons)")
    retrieval = commands.add_parser("retrieval", help="where MT garbles lose their entity: keys, shortlist or scoring")
    retrieval.add_argument("--quick", action="store_true", help="10 entities per type")
    for command in (accuracy, speed, instructions, clustering, text, retrieval):
        command.add_argument("--seed", type=int, default=DEFAULT_SEED)
        command.add_argument("--out", type=Path, default=None, help="output folder")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and run one benchmark."""
    args = _parser().parse_args(argv)
    if args.command == "accuracy":
        from . import accuracy

        return accuracy.main(
            quick=args.quick,
            seed=args.seed,
            out=args.out,
            rigour=not args.no_rigour,
            nomenklatura=not args.no_nomenklatura,
        )
    if args.command == "clustering":
        from . import clustering

        return clustering.main(quick=args.quick, seed=args.seed, persons=args.persons, out=args.out)
    if args.command == "instructions":
        from . import instructions as instruction_counts

        return instruction_counts.main(seed=args.seed, out=args.out, queries=args.queries)
    if args.command == "retrieval":
        from . import retrieval

        return retrieval.main(quick=args.quick, seed=args.seed, out=args.out)
    if args.command == "text":
        from . import text

        return text.main(quick=args.quick, seed=args.seed, out=args.out)
    from . import speed

    return speed.main(million=args.million, seed=args.seed, out=args.out, queries=args.queries)


if __name__ == "__main__":
    sys.exit(main())
