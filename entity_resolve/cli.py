"""Command line: ``entity-resolve resolve MENTION ...``, ``entity-resolve text FILE ...`` and ``entity-resolve info``.

``entity-resolve resolve "الجنرال هوثر" "Chalifa Haftar"`` prints a table of
mention, entity, id, type and score; ``--json`` prints one JSON object per
line with the ranked candidates; with no mention it reads one per line from
standard input. ``entity-resolve text article.txt`` finds and resolves the
mentions of a whole text (a file, or standard input) and prints them with
their character offsets. ``python -m entity_resolve`` is the same program.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import unicodedata
from collections import Counter
from collections.abc import Sequence
from contextlib import nullcontext
from typing import TextIO

from . import __version__
from .gazetteer import Gazetteer
from .resolver import Resolution, Resolver
from .text import Mention, resolve_text

__all__ = ["format_mentions", "format_table", "main"]

_NO_ENTITY = "(no entity)"


def _display_width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _display_width(text))


def format_table(resolutions: Sequence[Resolution]) -> str:
    """Render resolutions as an aligned plain-text table.

    Examples
    --------
    >>> from entity_resolve.resolver import Resolution
    >>> print(format_table([Resolution(mention="xyz", entity=None, score=0.0)]))
    mention  entity       id  type  score
    -------  -----------  --  ----  -----
    xyz      (no entity)  -   -     0.00
    """
    header = ("mention", "entity", "id", "type", "score")
    rows = [
        (
            r.mention.replace("\n", " "),
            r.entity.name if r.entity else _NO_ENTITY,
            r.entity.id if r.entity else "-",
            r.entity.type if r.entity else "-",
            f"{r.score:.2f}",
        )
        for r in resolutions
    ]
    return _table(header, rows)


def format_mentions(mentions: Sequence[Mention]) -> str:
    """Render the mentions of a text as an aligned plain-text table.

    Examples
    --------
    >>> print(format_mentions([]))
    start  end  mention  entity  id  type  score
    -----  ---  -------  ------  --  ----  -----
    """
    header = ("start", "end", "mention", "entity", "id", "type", "score")
    rows = [
        (
            str(m.start),
            str(m.end),
            m.text.replace("\n", " "),
            m.entity.name if m.entity else _NO_ENTITY,
            m.entity.id if m.entity else "-",
            m.entity.type if m.entity else "-",
            f"{m.score:.2f}",
        )
        for m in mentions
    ]
    return _table(header, rows)


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    widths = [max(_display_width(row[i]) for row in (header, *rows)) for i in range(len(header))]
    lines = ["  ".join(_pad(cell, w) for cell, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows)
    return "\n".join(lines)


def _mention_json(mention: Mention, source: str) -> dict[str, object]:
    entity = mention.entity
    return {
        "source": source,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "entity": None if entity is None else {"id": entity.id, "name": entity.name, "type": entity.type},
        "score": round(mention.score, 4),
    }


def _as_json(resolution: Resolution) -> dict[str, object]:
    return {
        "mention": resolution.mention,
        "entity": None
        if resolution.entity is None
        else {"id": resolution.entity.id, "name": resolution.entity.name, "type": resolution.entity.type},
        "score": round(resolution.score, 4),
        "cues": list(resolution.cues),
        "candidates": [
            {
                "id": c.entity.id,
                "name": c.entity.name,
                "type": c.entity.type,
                "score": round(c.score, 4),
                "matched_name": c.explanation.matched_name,
                "name_similarity": c.explanation.name_similarity,
                "prior": c.explanation.prior,
            }
            for c in resolution.candidates
        ],
    }


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="entity-resolve",
        description="Resolve Arabic and Latin name mentions to canonical entities.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    resolve = commands.add_parser("resolve", help="resolve mentions (arguments, or one per line on stdin)")
    resolve.add_argument("mentions", nargs="*", help="mentions; none or '-' reads stdin")
    resolve.add_argument("--gazetteer", help="a .jsonl, .csv or .tsv gazetteer (default: built-in)")
    resolve.add_argument("--types", help="comma-separated: person,organization,place")
    resolve.add_argument("--top-k", type=int, default=3, help="candidates kept per mention (JSON)")
    resolve.add_argument("--threshold", type=float, help="override the acceptance threshold")
    resolve.add_argument("--json", action="store_true", help="one JSON object per line")
    text = commands.add_parser("text", help="find and resolve the mentions of texts (files, or stdin)")
    text.add_argument("files", nargs="*", help="UTF-8 text files; none or '-' reads stdin")
    text.add_argument("--gazetteer", help="a .jsonl, .csv or .tsv gazetteer (default: built-in)")
    text.add_argument("--types", help="comma-separated: person,organization,place")
    text.add_argument("--json", action="store_true", help="one JSON object per mention")
    info = commands.add_parser("info", help="describe a gazetteer")
    info.add_argument("--gazetteer", help="a .jsonl, .csv or .tsv gazetteer (default: built-in)")
    return parser


def _load(path: str | None) -> Gazetteer | None:
    return Gazetteer.load(path) if path else None


def _read_mentions(arguments: Sequence[str], stdin: TextIO) -> list[str]:
    if arguments and list(arguments) != ["-"]:
        return list(arguments)
    return [line.rstrip("\n") for line in stdin if line.strip()]


def _show_progress() -> None:
    """Send the library's progress notes (index building) to stderr."""
    logger = logging.getLogger("entity_resolve")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("entity-resolve: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    out = stdout or sys.stdout
    args = _parser().parse_args(argv)
    _show_progress()
    try:
        gazetteer = _load(args.gazetteer)
        if args.command == "info":
            g = gazetteer or Gazetteer.default()
            counts = Counter(entity.type for entity in g)
            names = sum(len(entity.names) for entity in g)
            print(f"{g.origin}: {len(g)} entities, {names} names", file=out)
            for kind in sorted(counts):
                print(f"  {kind}: {counts[kind]}", file=out)
            return 0
        types = [t.strip() for t in args.types.split(",")] if args.types else None
        if args.command == "text":
            return _run_text(args.files, Resolver(gazetteer), types, as_json=args.json, out=out)
        options = {} if args.threshold is None else {"threshold": args.threshold}
        resolver = Resolver(gazetteer, **options)
        mentions = _read_mentions(args.mentions, sys.stdin)
        results = resolver.resolve_many(mentions, types=types, top_k=args.top_k)
    except (ValueError, OSError) as error:
        print(f"entity-resolve: error: {error}", file=sys.stderr)
        return 2
    if args.json:
        for result in results:
            print(json.dumps(_as_json(result), ensure_ascii=False), file=out)
    else:
        print(format_table(results), file=out)
    return 0


def _run_text(files: Sequence[str], resolver: Resolver, types: list[str] | None, *, as_json: bool, out: TextIO) -> int:
    """Resolve the mentions of each file (stdin for none or '-'), one table (or JSON lines) per file."""
    sources = list(files) if files and list(files) != ["-"] else ["-"]
    for number, source in enumerate(sources):
        with open(source, encoding="utf-8") if source != "-" else nullcontext(sys.stdin) as handle:
            found = resolve_text(handle.read(), resolver=resolver, types=types)
        if as_json:
            for mention in found:
                print(json.dumps(_mention_json(mention, source), ensure_ascii=False), file=out)
            continue
        if len(sources) > 1:
            print(("\n" if number else "") + f"== {source}", file=out)
        print(format_mentions(found), file=out)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
