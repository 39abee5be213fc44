"""Coreference benchmark: a garbled surname in a text that names its person in full.

News names a person in full once, then by the surname alone, and machine
translation garbles that surname (خليفة حفتر ... هوثر). This benchmark
measures how often ``entity_resolve.resolve_text`` links such a surname to
its person, and how often it links the garbled surname of someone else to the
person that a text names (a false coreference).

Data
----
Persons of the built-in gazetteer sampled with ``data.sample_entities``
(seeded). For each person with a name of two to four words, in Arabic script
and in Latin script, the last word (the surname) is garbled by each noise kind
of ``benchmarks.noise`` that applies (the Arabic kinds; the English, French
and German respellings for Latin). A *text* names the person in full, then
the garbled surname in a second sentence (``TEMPLATES``). A *control text*
holds the same garbled surname after another sampled person's full name (the
same script): linking it to that person is a false coreference.

Systems
-------
- ``resolve_text``: the surname's span in the text and its entity.
- ``resolve (document as context)``: ``Resolver.resolve`` of the garbled
  surname alone with the whole text as ``context``.
- ``resolve (alone)``: ``Resolver.resolve`` of the garbled surname alone.

Examples
--------
>>> text, start = render("arabic", "خليفة حفتر", "هوثر")
>>> text[start:start + 4]
'هوثر'
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import entity_resolve as er

from . import data, noise
from .accuracy import DEFAULT_SEED
from .report import git_commit, markdown_table, percent, write_json, write_text

RESULTS_DIR = Path(__file__).resolve().parent / "results"
#: Persons sampled per run (``data.sample_entities(per_type=...)``) and with ``--quick``.
DEFAULT_PERSONS = 300
QUICK_PERSONS = 20
#: A text per script: ``{name}`` is the full name, ``{surname}`` the garbled surname.
TEMPLATES = {
    "arabic": "قال {name} في مؤتمر صحفي إن الوضع مستقر. وأضاف {surname} أن المحادثات ستستمر الأسبوع المقبل.",
    "latin": "{name} told reporters on Monday that the situation was stable. {surname} added that the talks "
    "would continue next week.",
}
#: Noise kinds that garble a surname, per script.
KINDS = {
    "arabic": ("letter_class", "long_vowel", "consonant_drop", "consonant_double", "persian"),
    "latin": ("latin_en", "latin_fr", "latin_de"),
}
_NAME_WORDS = (2, 4)


@dataclass(frozen=True)
class Case:
    """A garbled surname of ``entity_id``, and the full names of its person and of a control person."""

    script: str
    kind: str
    entity_id: str
    full_name: str
    surname: str
    control_id: str = ""
    control_name: str = ""


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def render(script: str, full_name: str, surname: str) -> tuple[str, int]:
    """The text of ``script``'s template and where the surname starts in it."""
    head, _, _ = TEMPLATES[script].partition("{surname}")
    start = len(head.format(name=full_name))
    return TEMPLATES[script].format(name=full_name, surname=surname), start


def _full_name(entity: er.Entity, script: str) -> str | None:
    """The first name of ``entity`` in ``script`` with two to four words, or None."""
    low, high = _NAME_WORDS
    for name in entity.names:
        if (script == "arabic") == data.has_arabic(name) and low <= len(name.split()) <= high:
            if script == "latin" and not name[:1].isupper():
                continue
            return name
    return None


def build_cases(entities: Sequence[er.Entity], *, seed: int) -> list[Case]:
    """Every (person, script, kind) whose garble changes the surname, each with a control person.

    Examples
    --------
    >>> g = er.Gazetteer.from_records([
    ...     {"id": "a", "type": "person", "name": "Khalifa Haftar", "aliases": ["خليفة حفتر"]},
    ...     {"id": "b", "type": "person", "name": "Fayez al-Sarraj", "aliases": ["فايز السراج"]}])
    >>> cases = build_cases(list(g), seed=1)
    >>> sorted({(c.script, c.entity_id != c.control_id) for c in cases})
    [('arabic', True), ('latin', True)]
    """
    cases: list[Case] = []
    for entity in entities:
        if entity.type != "person":
            continue
        for script, kinds in KINDS.items():
            full_name = _full_name(entity, script)
            if full_name is None:
                continue
            surname = full_name.split()[-1]
            for kind in kinds:
                if not noise.applies(surname, kind):
                    continue
                garbled = noise.garble(surname, kind, random.Random(f"{seed}:{entity.id}:{kind}:surname"))
                if garbled != surname:
                    cases.append(Case(script, kind, entity.id, full_name, garbled))
    rng = random.Random(f"{seed}:controls")
    by_script: dict[str, list[Case]] = {}
    for case in cases:
        by_script.setdefault(case.script, []).append(case)
    with_controls: list[Case] = []
    for case in cases:
        same_script = by_script[case.script]
        if all(other.entity_id == case.entity_id for other in same_script):
            continue
        control = same_script[rng.randrange(len(same_script))]
        while control.entity_id == case.entity_id:
            control = same_script[rng.randrange(len(same_script))]
        with_controls.append(replace(case, control_id=control.entity_id, control_name=control.full_name))
    return with_controls


def _linked(resolver: er.Resolver, text: str, start: int, surname: str) -> str | None:
    """The entity id that ``resolve_text`` gives the span of ``surname`` at ``start``, or None."""
    for mention in er.resolve_text(text, resolver=resolver):
        if mention.start <= start < mention.end or start <= mention.start < start + len(surname):
            return mention.entity.id if mention.entity else None
    return None


def _entity_id(resolution: er.Resolution) -> str | None:
    return resolution.entity.id if resolution.entity else None


def run(resolver: er.Resolver, cases: Sequence[Case]) -> dict[str, Any]:
    """Right, wrong and false-coreference counts per system, script and kind."""
    systems = ("resolve_text", "resolve (document as context)", "resolve (alone)")
    counts: dict[str, dict[str, dict[str, int]]] = {system: {} for system in systems}
    for number, case in enumerate(cases):
        if number and number % 500 == 0:
            _log(f"coreference: {number:,} of {len(cases):,} cases")
        text, start = render(case.script, case.full_name, case.surname)
        control, control_start = render(case.script, case.control_name, case.surname)
        found = {
            "resolve_text": (
                _linked(resolver, text, start, case.surname),
                _linked(resolver, control, control_start, case.surname),
            ),
            "resolve (document as context)": (
                _entity_id(resolver.resolve(case.surname, context=text)),
                _entity_id(resolver.resolve(case.surname, context=control)),
            ),
        }
        alone = _entity_id(resolver.resolve(case.surname))
        found["resolve (alone)"] = (alone, alone)
        for system, (linked, control_linked) in found.items():
            for group in ("all", case.script, f"{case.script}/{case.kind}"):
                tally = counts[system].setdefault(group, {"n": 0, "right": 0, "wrong": 0, "false coreference": 0})
                tally["n"] += 1
                tally["right"] += linked == case.entity_id
                tally["wrong"] += linked is not None and linked != case.entity_id
                tally["false coreference"] += control_linked == case.control_id
    return counts


def render_markdown(counts: dict[str, Any], notes: Sequence[str]) -> str:
    """One table: per system and group, right, wrong and false-coreference rates."""
    rows = []
    for system, groups in counts.items():
        for group in sorted(groups, key=lambda g: (g != "all", "/" in g, g)):
            tally = groups[group]
            n = tally["n"]
            rows.append(
                [
                    system,
                    group,
                    f"{n:,}",
                    percent(tally["right"] / n),
                    percent(tally["wrong"] / n),
                    percent(tally["false coreference"] / n),
                ]
            )
    header = ["system", "texts", "n", "surname linked right %", "linked wrong %", "false coreference %"]
    lines = ["# Coreference: a garbled surname after the full name", "", markdown_table(header, rows), ""]
    lines += [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"


def main(*, quick: bool = False, seed: int = DEFAULT_SEED, out: Path | None = None) -> int:
    """Run the coreference benchmark, print its markdown and write markdown and JSON.

    Parameters
    ----------
    quick : bool
        ``QUICK_PERSONS`` persons sampled instead of ``DEFAULT_PERSONS``.
    seed : int
        Seed of the sample, the garbles and the control pairs.
    out : Path, optional
        Output folder (default ``benchmarks/results``, ``.../results/quick`` with ``quick``).

    Returns
    -------
    int
        The exit status.
    """
    out = out or (RESULTS_DIR / "quick" if quick else RESULTS_DIR)
    started = time.perf_counter()
    resolver = er.Resolver()
    persons = QUICK_PERSONS if quick else DEFAULT_PERSONS
    entities = data.sample_entities(resolver.gazetteer, per_type=persons, curated_share=2 / 3, seed=seed)
    cases = build_cases(entities, seed=seed)
    _log(f"coreference: {len(cases):,} cases from {persons} sampled persons")
    counts = run(resolver, cases)
    notes = [
        f"seed {seed}; entity_resolve {er.__version__}; commit {git_commit(data.repo_root())}",
        f"{len(cases):,} texts (and as many control texts) from {persons} sampled persons of the built-in gazetteer",
        "false coreference: in a control text naming another person, the garbled surname linked to that person",
        f"{time.perf_counter() - started:.0f} s",
    ]
    markdown = render_markdown(counts, notes)
    print(markdown)
    write_text(out / "coreference.md", markdown)
    write_json(out / "coreference.json", {"seed": seed, "cases": len(cases), "counts": counts, "notes": notes})
    return 0
