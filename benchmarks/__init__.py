"""Benchmarks of entity_resolve: accuracy and speed beside baselines.

Run from the repository root::

    python -m benchmarks accuracy [--quick] [--seed N] [--out DIR] [--no-rigour]
    python -m benchmarks speed [--million] [--seed N] [--out DIR]

Each prints a markdown table and writes JSON (and markdown) under
``benchmarks/results/``; accuracy also draws a PNG bar plot when matplotlib is
installed. Benchmarks are scripts, never timed tests.

The held-out slice of NETransliteration is defined in
``benchmarks.data.netranslit_heldout``; training code must use
``benchmarks.data.netranslit_train`` only.
"""

from __future__ import annotations

from .data import netranslit_heldout, netranslit_train

__all__ = ["netranslit_heldout", "netranslit_train"]
