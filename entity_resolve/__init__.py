"""entity_resolve: resolve noisy Arabic and Latin name mentions to canonical entities.

Examples
--------
>>> import entity_resolve as er
>>> g = er.Gazetteer.from_records([
...     {"id": "person:khalifa-haftar", "type": "person", "name": "Khalifa Haftar",
...      "aliases": ["خليفة حفتر", "حفتر", "Khalifa Hifter"]},
... ])
>>> er.resolve("Chalifa Haftar", gazetteer=g).entity.id
'person:khalifa-haftar'
"""

from __future__ import annotations

__version__ = "0.1.0"

from .cluster import Cluster, cluster
from .config import Settings
from .gazetteer import Entity, Gazetteer
from .resolver import Candidate, Explanation, Resolution, Resolver, resolve
from .score import TokenMatch
from .text import Mention, resolve_text

__all__ = [
    "Candidate",
    "Cluster",
    "Entity",
    "Explanation",
    "Gazetteer",
    "Mention",
    "Resolution",
    "Resolver",
    "Settings",
    "TokenMatch",
    "__version__",
    "cluster",
    "resolve",
    "resolve_text",
]
