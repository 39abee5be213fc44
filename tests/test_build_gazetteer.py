"""Checks of the committed, generated gazetteer and of the build script's helpers.

The generated files are checked as committed (no rebuild: that needs the
pinned source packages; ``python scripts/build_gazetteer.py --check`` does it).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

import entity_resolve as er
from tests.conftest import script_module

REPO_ROOT = Path(__file__).resolve().parents[1]
GAZETTEER_DIR = REPO_ROOT / "entity_resolve" / "data" / "gazetteer"
GAZETTEER_FILE = GAZETTEER_DIR / "gazetteer.jsonl"
NAME_PARTS_FILE = GAZETTEER_DIR / "name_parts.tsv"

#: Lower bounds that the committed build meets (see SOURCES.md for the counts).
MIN_PLACES = 30_000
MIN_PERSONS = 50_000
MIN_NAME_PART_GROUPS = 15_000

ARABIC_RE = re.compile("[\u0600-\u06ff]")
LATIN_RE = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
ID_RE = re.compile(r"^(gn:\d+|anr:[0-9a-f]{12}|wd:Q\d+|person:\S+|org:\S+|place:\S+)$")
FIELD_ORDER = (
    "id",
    "type",
    "name",
    "aliases",
    "lang",
    "country",
    "description",
    "wikidata",
    "prior",
    "source",
    "source_ids",
)


@pytest.fixture(scope="module")
def records() -> list[dict]:
    """Every record of the committed gazetteer, in file order."""
    with GAZETTEER_FILE.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture(scope="module")
def build_module() -> ModuleType:
    """The build script, imported from its path (it is not a package module)."""
    return script_module("build_gazetteer")


def test_ids_unique_and_sorted(records: list[dict]) -> None:
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)
    assert all(ID_RE.match(i) for i in ids)


def test_counts_per_type(records: list[dict]) -> None:
    counts = Counter(r["type"] for r in records)
    assert set(counts) <= {"person", "organization", "place"}
    assert counts["place"] >= MIN_PLACES
    assert counts["person"] >= MIN_PERSONS


def test_schema_of_every_record(records: list[dict]) -> None:
    for record in records:
        keys = list(record)
        assert keys == [k for k in FIELD_ORDER if k in record], record["id"]
        assert record["name"].strip(), record["id"]
        assert record["source"], record["id"]
        aliases = record["aliases"]
        assert aliases[0] == record["name"], record["id"]
        assert len(aliases) == len(set(aliases)), record["id"]
        assert set(record.get("lang", {})) <= set(aliases), record["id"]
        assert 0.0 <= record.get("prior", 0.5) <= 1.0, record["id"]
        if "country" in record:
            assert re.fullmatch(r"[A-Z]{2}", record["country"]), record["id"]


def test_every_entity_has_arabic_and_latin_name(records: list[dict]) -> None:
    for record in records:
        names = record["aliases"]
        assert any(ARABIC_RE.search(n) for n in names), record["id"]
        assert any(LATIN_RE.search(n) for n in names), record["id"]
        assert LATIN_RE.search(record["name"]), record["id"]


def test_tripoli_in_libya_and_lebanon(records: list[dict]) -> None:
    tripolis = [r for r in records if r["type"] == "place" and "Tripoli" in r["aliases"] and "طرابلس" in r["aliases"]]
    assert {"LY", "LB"} <= {r.get("country") for r in tripolis}


def test_name_parts_file() -> None:
    lines = NAME_PARTS_FILE.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# GENERATED")
    groups = lines[1:]
    assert len(groups) >= MIN_NAME_PART_GROUPS
    ids = set()
    for line in groups:
        group_id, forms = line.split("\t")
        ids.add(group_id)
        parts = forms.split("|")
        assert any(ARABIC_RE.search(p) for p in parts), line
        assert any(LATIN_RE.search(p) for p in parts), line
    assert len(ids) == len(groups)


def test_script_helpers(build_module: ModuleType) -> None:
    b = build_module
    assert b.name_script("T\u02bbrip\u02bboli") == "latin"  # modifier letters are neutral
    assert b.name_script("طرابلس") == "arabic"
    assert b.name_script("Триполи") is None
    assert b.name_script("Gaza غزة") is None
    assert b.arabic_match_key("إِدْلِب") == b.arabic_match_key("ادلب")
    assert b.arabic_match_key("عبد الله") == b.arabic_match_key("عبدالله")
    assert b.latin_match_key("Ar-Raqqah") == "ar raqqah"
    assert b.population_prior(0) == b.PLACE_PRIOR_MIN
    assert b.population_prior(10**9) == b.PLACE_PRIOR_MAX
    assert b.population_prior(15_000) < b.population_prior(1_000_000) < b.population_prior(10_000_000)
    assert b.spelling_prior(1) == b.PERSON_PRIOR_MIN
    assert b.spelling_prior(50) == b.PERSON_PRIOR_MAX


def test_curated_merge_is_conservative(build_module: ModuleType) -> None:
    b = build_module
    city = b.Entity(id="gn:1", type="place", name="Gaza", aliases=["Gaza", "غزة"], country="PS")
    person = b.Entity(id="anr:1", type="person", name="Bashar al-Assad", aliases=["بشار الاسد"], country="SY")
    town = b.Entity(id="place:gaza", type="place", name="Gaza", aliases=["غزة"], country="PS", prior=0.9)
    strip = b.Entity(id="place:gaza-strip", type="place", name="Gaza Strip", aliases=["غزة"], country="PS")
    assad = b.Entity(id="person:assad", type="person", name="Bashar Assad", aliases=["بشار الأسد"])
    merged, stats = b.merge_curated([city, person], [town, strip, assad])
    by_id = {e.id: e for e in merged}
    assert set(by_id) == {"place:gaza", "place:gaza-strip", "person:assad"}
    assert by_id["place:gaza"].source_ids == ["gn:1"]
    assert by_id["place:gaza"].prior == 0.9
    assert by_id["place:gaza-strip"].source_ids == []
    assert by_id["person:assad"].source_ids == ["anr:1"]
    assert stats["curated places merged"] == 1


def test_a_city_without_an_arabic_name_is_kept_only_for_a_curated_same_as(build_module: ModuleType) -> None:
    # GeoNames and CLDR give Washington, D.C. no Arabic-script name; the curated record brings واشنطن
    b = build_module
    city = {
        "geonameid": 4140963,
        "name": "Washington",
        "alternatenames": ["Washington D.C.", "District of Columbia"],
        "countrycode": "US",
        "population": 689545,
        "timezone": "America/New_York",
    }
    skipped, stats = b.build_cities({"4140963": city}, {}, b.PINNED_VERSIONS)
    assert skipped == []
    assert stats["cities without an Arabic-script name (skipped)"] == 1
    kept, _ = b.build_cities({"4140963": city}, {}, b.PINNED_VERSIONS, frozenset({"gn:4140963"}))
    assert [e.id for e in kept] == ["gn:4140963"]
    capital = b.Entity(
        id="place:washington-dc", type="place", name="Washington, D.C.", aliases=["واشنطن"], country="US", prior=0.9
    )
    capital.same_as = ["gn:4140963"]
    merged, _ = b.merge_curated(kept, [capital])
    assert [e.id for e in merged] == ["place:washington-dc"]
    assert merged[0].source_ids == ["gn:4140963"]
    assert {"Washington", "District of Columbia", "واشنطن"} <= set(merged[0].aliases)


def test_an_english_style_is_not_part_of_a_romanizer_name(build_module: ModuleType) -> None:
    strip = build_module.strip_style_prefix
    assert strip("HE Muhammad Shehbaz Sharif") == "Muhammad Shehbaz Sharif"
    assert strip("H.E. Muhammad Shehbaz Sharif") == "Muhammad Shehbaz Sharif"
    assert strip("Engr Shujaat Khan") == "Shujaat Khan"
    # titles that are also names stay: Sheikh, Sayed, Mian, Dame (Dame Traoré is a given name)
    for name in ("Sheikh Jarrah Ali", "Sayed Abdel Razzaq", "Mian Muhammad Shehbaz Sharif", "Dame Traoré"):
        assert strip(name) == name
    assert strip("HE Sharif") == "HE Sharif"  # one word left: not stripped


def test_romanizer_canonical_names_carry_no_english_style(records: list[dict]) -> None:
    styles = {"HE", "H.E.", "Engr"}
    styled = [r["name"] for r in records if r["id"].startswith("anr:") and r["name"].split()[0] in styles]
    assert styled == []


def test_curated_country_merges_with_the_country_not_its_capital(build_module: ModuleType) -> None:
    b = build_module
    country = b.Entity(id="gn:10", type="place", name="Kuwait", aliases=["Kuwait", "الكويت"], country="KW")
    country.description = "country"
    capital = b.Entity(id="gn:11", type="place", name="Kuwait", aliases=["Kuwait", "الكويت"], country="KW")
    curated = b.Entity(id="place:kuwait", type="place", name="Kuwait", aliases=["الكويت"], country="KW")
    curated.description = "Country in the Persian Gulf"
    merged, _ = b.merge_curated([country, capital], [curated])
    assert {e.id for e in merged} == {"place:kuwait", "gn:11"}
    assert next(e for e in merged if e.id == "place:kuwait").source_ids == ["gn:10"]


def test_a_city_named_like_its_country_yields_to_the_country(build_module: ModuleType) -> None:
    b = build_module
    country = b.Entity(id="place:tunisia", type="place", name="Tunisia", aliases=["تونس"], country="TN", prior=0.9)
    country.description = "Country in North Africa"
    capital = b.Entity(id="gn:1", type="place", name="Tunis", aliases=["Tunis", "تونس"], country="TN", prior=0.85)
    other = b.Entity(id="gn:2", type="place", name="Sfax", aliases=["Sfax", "صفاقس"], country="TN", prior=0.85)
    abroad = b.Entity(id="gn:3", type="place", name="Tunis", aliases=["تونس"], country="US", prior=0.5)
    assert b.yield_to_countries([country, capital, other, abroad]) == 1
    assert capital.prior == pytest.approx(0.9 - b.COUNTRY_SENSE_GAP)
    assert (other.prior, abroad.prior, country.prior) == (0.85, 0.5, 0.9)


@pytest.mark.parametrize(
    ("mention", "expected"),
    [("تونس", "place:tunisia"), ("الجزائر", "place:algeria"), ("الكويت", "place:kuwait"), ("Kuwait", "place:kuwait")],
)
def test_country_names_resolve_to_the_country(builtin_resolver: er.Resolver, mention: str, expected: str) -> None:
    assert builtin_resolver.resolve(mention).entity.id == expected


def test_the_country_table_is_built_from_the_committed_gazetteer(builtin_resolver: er.Resolver) -> None:
    # scripts/build_countries.py --check, without reading the gazetteer file a second time
    rows = script_module("build_countries").country_rows(builtin_resolver.gazetteer)
    assert (GAZETTEER_DIR / "countries.tsv").read_text(encoding="utf-8").splitlines() == rows
