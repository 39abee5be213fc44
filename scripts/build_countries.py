#!/usr/bin/env python
"""Build ``entity_resolve/data/gazetteer/countries.tsv``: the countries the library knows whatever the gazetteer.

A user's own gazetteer (a sanctions list, a register of companies) rarely
holds the countries themselves, yet the resolver needs their names: to tell
that "وزارة الدفاع المصرية" (Egyptian) is not the Syrian ministry, that
"House of Representatives" in a Libyan report is Libya's, that a document
naming ليبيا supports a Libyan candidate. This table gives every country of
the built-in gazetteer (``context.is_country``: GeoNames' countries with the
CLDR territory names in ar, fa, ur, en, fr, de, es, it, tr, and the curated
layer's names) with all its names; ``NameIndex.build`` adds them to the
countries of any gazetteer (``context.with_builtin_countries``).

One row per country, sorted by ISO code: ``code``, ``id`` (the gazetteer's
id of the country), ``names`` (separated by ``|``, canonical name first, as
in the gazetteer), ``source`` (the gazetteer record's source). Deterministic:
the same ``gazetteer.jsonl`` gives a byte-identical file. Run from the
repository root after ``scripts/build_gazetteer.py``::

    python scripts/build_countries.py            # writes the file
    python scripts/build_countries.py --check    # rebuild in memory, exit 1 if the file differs
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from entity_resolve.context import COUNTRY_COLUMNS, is_country  # noqa: E402
from entity_resolve.gazetteer import Gazetteer  # noqa: E402

OUTPUT = REPO_ROOT / "entity_resolve" / "data" / "gazetteer" / "countries.tsv"
GAZETTEER = REPO_ROOT / "entity_resolve" / "data" / "gazetteer" / "gazetteer.jsonl"
#: Characters that would break a row: the column and name separators, line ends.
FORBIDDEN = frozenset("\t|\n\r")


def country_rows(gazetteer: Gazetteer) -> list[str]:
    """The table's lines, header first: one per country of ``gazetteer``, by ISO code.

    Raises
    ------
    ValueError
        If two entities are countries of one code, or a field holds a separator.
    """
    rows: dict[str, str] = {}
    for entity in gazetteer:
        if not is_country(entity) or entity.country is None:
            continue
        if entity.country in rows:
            raise ValueError(f"{entity.id}: a second country of code {entity.country}")
        fields = (entity.country, entity.id, *entity.names, entity.source or "")
        if any(FORBIDDEN.intersection(field) for field in fields):
            raise ValueError(f"{entity.id}: a tab, '|' or line end in its code, names or source")
        rows[entity.country] = "\t".join((entity.country, entity.id, "|".join(entity.names), entity.source or ""))
    return ["\t".join(COUNTRY_COLUMNS), *(rows[code] for code in sorted(rows))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file differs from a rebuild")
    arguments = parser.parse_args(argv)
    text = "\n".join(country_rows(Gazetteer.load(GAZETTEER))) + "\n"
    if arguments.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print(f"{OUTPUT.relative_to(REPO_ROOT)}: {'up to date' if same else 'differs from a rebuild'}")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(REPO_ROOT)}: {text.count(chr(10)) - 1} countries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
