"""Markdown tables, JSON files and the bar plot of benchmark results.

Examples
--------
>>> print(markdown_table(["a", "b"], [["x", "1"], ["y", "2"]]))
| a | b |
| --- | --- |
| x | 1 |
| y | 2 |
>>> percent(0.1234), percent(float("nan"))
('12.3', '—')
"""

from __future__ import annotations

import json
import math
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = ["bar_plot", "git_commit", "markdown_table", "percent", "write_json", "write_text"]

#: Figure size (inches) per task row of the bar plot.
PLOT_WIDTH = 11.0
PLOT_ROW_HEIGHT = 3.2
PLOT_DPI = 110
#: Share of the figure height kept below the axes for the legend.
LEGEND_SPACE = 0.07


def percent(value: float | None, digits: int = 1) -> str:
    """A rate in [0, 1] as a percentage string, '—' when undefined."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{100.0 * value:.{digits}f}"


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured markdown table."""
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def write_json(path: Path, payload: Mapping[str, Any]) -> None:
    """Write ``payload`` as indented UTF-8 JSON (NaN as null), creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(_clean(payload), ensure_ascii=False, indent=1, sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8), creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def git_commit(root: Path) -> str | None:
    """The commit checked out at ``root``, marked when the package has uncommitted changes.

    Returns None outside git.
    """
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "entity_resolve"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return f"{head} + uncommitted changes in entity_resolve/" if dirty else head or None


def bar_plot(path: Path, tasks: Sequence[tuple[str, Mapping[str, Mapping[str, float]]]]) -> str | None:
    """Grouped bars of accepted accuracy and wrong-link rate per task and system.

    Parameters
    ----------
    path : Path
        Where the PNG goes.
    tasks : sequence of (title, {system: {"accepted": rate, "wrong_link": rate}})

    Returns
    -------
    str or None
        A note when matplotlib is missing (nothing written), else None.
    """
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "matplotlib is not installed: no plot (pip install matplotlib)"
    systems = sorted({s for _, by_system in tasks for s in by_system}, key=_system_order)
    figure, axes = plt.subplots(1, 2, figsize=(PLOT_WIDTH, PLOT_ROW_HEIGHT + 0.35 * len(tasks)), sharey=True)
    width = 0.8 / max(1, len(systems))
    for axis, metric, label in (
        (axes[0], "accepted", "accepted accuracy (%)"),
        (axes[1], "wrong_link", "wrong-link rate (%)"),
    ):
        for number, system in enumerate(systems):
            values = [100.0 * _finite(by_system.get(system, {}).get(metric)) for _, by_system in tasks]
            positions = [row + (number - (len(systems) - 1) / 2) * width for row in range(len(tasks))]
            axis.barh(positions, values, height=width, label=system)
        axis.set_xlabel(label)
        axis.set_xlim(0, 100)
        axis.grid(axis="x", alpha=0.3)
    axes[0].set_yticks(range(len(tasks)), [title for title, _ in tasks], fontsize=8)
    axes[0].invert_yaxis()
    handles, labels = axes[0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="lower center", ncol=len(systems), fontsize=8, frameon=False)
    figure.tight_layout(rect=(0.0, LEGEND_SPACE, 1.0, 1.0))
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=PLOT_DPI)
    plt.close(figure)
    return None


def _finite(value: float | None) -> float:
    return 0.0 if value is None or math.isnan(value) else value


def _system_order(name: str) -> tuple[int, str]:
    return (0 if name == "entity_resolve" else 1, name)
