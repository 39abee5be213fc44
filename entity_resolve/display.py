"""Display: HTML for Jupyter notebooks (``_repr_html_`` of results).

Arabic names are shown right to left (``dir="auto"``); every value is escaped.

Examples
--------
>>> from entity_resolve.gazetteer import Entity
>>> html = entity_html(Entity(id="p1", type="person", name="Khalifa Haftar", names=("Khalifa Haftar", "خليفة حفتر")))
>>> "Khalifa Haftar" in html and 'dir="auto"' in html
True
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .gazetteer import Entity
    from .resolver import Candidate, Resolution

__all__ = ["candidates_html", "entity_html", "resolution_html"]

_MAX_NAMES_SHOWN = 8
_TABLE = 'style="border-collapse:collapse;font-family:sans-serif;font-size:13px"'
_CELL = 'style="padding:2px 8px;border-bottom:1px solid #ddd;text-align:left"'


def _text(value: object) -> str:
    return f'<span dir="auto">{escape(str(value))}</span>'


def _bar(score: float) -> str:
    width = round(max(0.0, min(1.0, score)) * 80)
    return (
        f'<span style="display:inline-block;width:{width}px;height:8px;background:#4a7;margin-right:4px"></span>'
        f"{score:.2f}"
    )


def entity_html(entity: Entity) -> str:
    """An entity as a short HTML block: name, id, type, country and its other names."""
    names = [n for n in entity.names if n != entity.name]
    shown = ", ".join(_text(n) for n in names[:_MAX_NAMES_SHOWN])
    more = f" (+{len(names) - _MAX_NAMES_SHOWN} more)" if len(names) > _MAX_NAMES_SHOWN else ""
    country = f", {escape(entity.country)}" if entity.country else ""
    description = f"<br><i>{_text(entity.description)}</i>" if entity.description else ""
    return (
        f"<div><b>{_text(entity.name)}</b> <code>{escape(entity.id)}</code> "
        f"({escape(entity.type)}{country}){description}<br>"
        f"<small>also: {shown or '-'}{more}</small></div>"
    )


def candidates_html(candidates: Sequence[Candidate]) -> str:
    """Ranked candidates as an HTML table with the parts of each score."""
    header = "".join(
        f"<th {_CELL}>{label}</th>"
        for label in ("entity", "id", "type", "score", "matched name", "name sim.", "prior", "context")
    )
    rows = []
    for candidate in candidates:
        explanation = candidate.explanation
        cells = (
            _text(candidate.entity.name),
            f"<code>{escape(candidate.entity.id)}</code>",
            escape(candidate.entity.type),
            _bar(candidate.score),
            _text(explanation.matched_name),
            f"{explanation.name_similarity:.2f}",
            f"{explanation.prior:.2f}",
            f"{explanation.context_bonus:+.2f}",
        )
        rows.append("<tr>" + "".join(f"<td {_CELL}>{cell}</td>" for cell in cells) + "</tr>")
    return f"<table {_TABLE}><tr>{header}</tr>{''.join(rows)}</table>"


def resolution_html(resolution: Resolution) -> str:
    """A resolution: the mention, the decision and the ranked candidates.

    Examples
    --------
    >>> from entity_resolve.resolver import Resolution
    >>> "no entity" in resolution_html(Resolution(mention="<b>x</b>", entity=None, score=0.0))
    True
    >>> "<b>x</b>" in resolution_html(Resolution(mention="<b>x</b>", entity=None, score=0.0))
    False
    """
    if resolution.entity is None:
        decision = "<b>no entity</b>"
    else:
        decision = f"<b>{_text(resolution.entity.name)}</b> <code>{escape(resolution.entity.id)}</code>"
    cues = f" (cues: {escape(', '.join(resolution.cues))})" if resolution.cues else ""
    table = candidates_html(resolution.candidates) if resolution.candidates else ""
    return f"<div>{_text(resolution.mention)} &rarr; {decision} score {resolution.score:.2f}{cues}</div>{table}"
