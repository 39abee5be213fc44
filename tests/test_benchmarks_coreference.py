"""benchmarks.coreference: texts that name a person in full, then a garbled surname."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

import entity_resolve as er
from benchmarks import coreference

RECORDS = [
    {"id": "p:haftar", "type": "person", "name": "Khalifa Haftar", "aliases": ["خليفة حفتر", "حفتر"]},
    {"id": "p:sarraj", "type": "person", "name": "Fayez al-Sarraj", "aliases": ["فايز السراج"]},
    {"id": "p:ismail", "type": "person", "name": "Sherif Ismail", "aliases": ["شريف إسماعيل"]},
    {"id": "c:cairo", "type": "place", "name": "Cairo", "aliases": ["القاهرة"]},
]


def test_coreference_doctests() -> None:
    assert doctest.testmod(coreference).failed == 0


@pytest.mark.parametrize("script", ["arabic", "latin"])
def test_render_places_the_surname_where_it_says(script: str) -> None:
    text, start = coreference.render(script, "Khalifa Haftar", "Hafter")
    assert text[start : start + len("Hafter")] == "Hafter"
    assert text.index("Khalifa Haftar") < start


def test_cases_are_seeded_garbled_and_controlled_by_another_person() -> None:
    entities = list(er.Gazetteer.from_records(RECORDS))
    cases = coreference.build_cases(entities, seed=3)
    assert cases == coreference.build_cases(entities, seed=3)
    assert cases, "every person here has surnames the noise model garbles"
    for case in cases:
        assert case.surname != case.full_name.split()[-1]
        assert case.control_id != case.entity_id
        assert case.control_name
        assert case.control_id.startswith("p:")
    assert {case.script for case in cases} == {"arabic", "latin"}


def test_run_counts_every_case_once_per_system() -> None:
    resolver = er.Resolver(er.Gazetteer.from_records(RECORDS))
    cases = coreference.build_cases(list(resolver.gazetteer), seed=3)
    counts = coreference.run(resolver, cases)
    assert set(counts) == {"resolve_text", "resolve (document as context)", "resolve (alone)"}
    for groups in counts.values():
        tally = groups["all"]
        assert tally["n"] == len(cases)
        assert tally["right"] + tally["wrong"] <= tally["n"]
        assert sum(groups[script]["n"] for script in ("arabic", "latin")) == len(cases)
    # the text's own evidence links garbles that the gazetteer alone cannot tell
    assert counts["resolve_text"]["all"]["right"] > counts["resolve (alone)"]["all"]["right"]


def test_quick_run_writes_markdown_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert coreference.main(quick=True, seed=7, out=tmp_path) == 0
    printed = capsys.readouterr().out
    assert "| resolve_text | all |" in printed
    payload = json.loads((tmp_path / "coreference.json").read_text(encoding="utf-8"))
    assert payload["cases"] == payload["counts"]["resolve_text"]["all"]["n"] > 0
    assert (tmp_path / "coreference.md").read_text(encoding="utf-8") == printed.rstrip("\n") + "\n"
