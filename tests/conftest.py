"""Shared fixtures: a small hand-made gazetteer and the built-in resolver."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

# Keep the index cache of the test run out of the user's home, before any import builds one;
# a directory made here (45 MB for the built-in gazetteer) goes when the run ends.
_MADE_CACHE: str | None = None
if "ENTITY_RESOLVE_CACHE" not in os.environ:
    _MADE_CACHE = tempfile.mkdtemp(prefix="entity-resolve-test-cache-")
    os.environ["ENTITY_RESOLVE_CACHE"] = _MADE_CACHE

import entity_resolve as er  # noqa: E402 (imported once the cache directory is set)

# No hypothesis deadline: the test machines are shared and noisy, and the first example of a
# run may load the learned model; speed is measured by the benchmark scripts, not by tests.
settings.register_profile("shared-machine", deadline=None)
settings.load_profile("shared-machine")

GOLDEN = Path(__file__).parent / "golden"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remove the index cache that this run made (a cache the caller named stays)."""
    if _MADE_CACHE is not None:
        shutil.rmtree(_MADE_CACHE, ignore_errors=True)


SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def script_module(name: str) -> ModuleType:
    """The script ``scripts/<name>.py``, imported from its path once (scripts are no package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


SMALL_RECORDS = [
    {
        "id": "person:khalifa-haftar",
        "type": "person",
        "name": "Khalifa Haftar",
        "aliases": ["خليفة حفتر", "حفتر", "Khalifa Hifter", "Khalifa Belqasim Haftar", "Chalifa Haftar"],
        "country": "LY",
        "prior": 0.95,
    },
    {
        "id": "person:fayez-al-sarraj",
        "type": "person",
        "name": "Fayez al-Sarraj",
        "aliases": ["فايز السراج", "Fayez Serraj", "Fajis as-Sarradsch"],
        "country": "LY",
        "prior": 0.8,
    },
    {
        "id": "person:bashar-al-assad",
        "type": "person",
        "name": "Bashar al-Assad",
        "aliases": ["بشار الأسد", "Bachar el-Assad", "Baschar al-Assad"],
        "country": "SY",
        "prior": 0.95,
    },
    {
        "id": "person:abdel-fattah-el-sisi",
        "type": "person",
        "name": "Abdel Fattah el-Sisi",
        "aliases": ["عبد الفتاح السيسي", "Abdel Fattah al-Sisi", "Abd al-Fattah as-Sisi"],
        "country": "EG",
        "prior": 0.9,
    },
    {
        "id": "org:un-security-council",
        "type": "organization",
        "name": "United Nations Security Council",
        "aliases": [
            "مجلس الأمن الدولي",
            "مجلس الأمن",
            "UN Security Council",
            "UNSC",
            "Conseil de sécurité des Nations unies",
        ],
        "prior": 0.9,
    },
    {
        "id": "org:government-of-national-accord",
        "type": "organization",
        "name": "Government of National Accord",
        "aliases": ["حكومة الوفاق الوطني", "حكومة الوفاق", "GNA"],
        "country": "LY",
        "prior": 0.8,
    },
    {
        "id": "place:tripoli-libya",
        "type": "place",
        "name": "Tripoli",
        "aliases": ["طرابلس", "Tarabulus", "Tripolis"],
        "country": "LY",
        "prior": 0.9,
    },
    {
        "id": "place:tripoli-lebanon",
        "type": "place",
        "name": "Tripoli",
        "aliases": ["طرابلس", "Trablous"],
        "country": "LB",
        "prior": 0.6,
    },
    {
        "id": "place:benghazi",
        "type": "place",
        "name": "Benghazi",
        "aliases": ["بنغازي", "Bengasi"],
        "country": "LY",
        "prior": 0.8,
    },
    {
        "id": "place:misrata",
        "type": "place",
        "name": "Misrata",
        "aliases": ["مصراتة", "Misurata", "Misratah"],
        "country": "LY",
        "prior": 0.7,
    },
]


@pytest.fixture(scope="session")
def small_gazetteer() -> er.Gazetteer:
    return er.Gazetteer.from_records(SMALL_RECORDS)


@pytest.fixture(scope="session")
def small_resolver(small_gazetteer: er.Gazetteer) -> er.Resolver:
    return er.Resolver(small_gazetteer)


@pytest.fixture(scope="session")
def builtin_resolver() -> er.Resolver:
    return er.Resolver()
