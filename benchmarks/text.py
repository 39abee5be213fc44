"""Running-text benchmark: machine-translation garbles read by ``resolve_text``.

Two tasks, each on the built-in gazetteer:

**Garbles in a sentence.** The MT-noise garbles of the accuracy benchmark's
task C (``accuracy.noise_queries``: persons, organisations and places
sampled with ``data.sample_entities``, seeded), each set in a one-sentence
news template of its type and script (``SENTENCES``: a place after "in",
a person or organisation before "said"). ``resolve_text`` must find the
garble's span and link it; ``Resolver.resolve`` of the garble alone shows
what a reader who already knows where the name is would get.

**Coreference.** News names a person in full once, then by the surname
alone, and machine translation garbles that surname (خليفة حفتر ... هوثر).
For each sampled person with a name of two to four words, in Arabic script
and in Latin script, the last word (the surname) is garbled by each noise kind
of ``benchmarks.noise`` that applies (the Arabic kinds; the English, French
and German respellings for Latin). A *text* names the person in full, then
the garbled surname in a second sentence (``TEMPLATES``). A *control text*
holds the same garbled surname after another sampled person's full name (the
same script): linking it to that person is a false coreference. Systems:
``resolve_text`` (the entity of the surname's span); ``Resolver.resolve`` of
the garbled surname with the whole text as ``context``; ``Resolver.resolve``
of it alone.

**Everyday words.** No name at all: the most frequent Arabic words (by the
frequencies ``entity_resolve/data/words/common_arabic.txt`` ships) and a
seeded sample of everyday English words (``everyday_english.txt``) set in a
sentence (``EVERYDAY_SENTENCES``: an Arabic one, an English one that the word
begins, capitalised, and one that holds it in lowercase). Any link of the
word's span is a false link; ``Resolver.resolve`` of the word alone shows
what resolving every word of a text would link.

**Namesakes.** The same texts with the surname, or the given name, spelt
exactly as in the full name (صدام حفتر ... صدام). The word alone often names
someone better known (Saddam Hussein); the text says it is the person it
named. A name whose last word follows ``bin`` has no surname case (محمد بن
سلمان: سلمان is the father). The "namesake" rows are the cases where
``Resolver.resolve`` of the word alone links another entity.

Examples
--------
>>> text, start = render("arabic", "خليفة حفتر", "هوثر")
>>> text[start:start + 4]
'هوثر'
>>> sentence, start = in_sentence("place", "Tripolis")
>>> sentence[start:start + 8]
'Tripolis'
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

import entity_resolve as er

from . import data, noise
from .accuracy import DEFAULT_SEED, Query, name_owner_map, noise_queries
from .report import git_commit, markdown_table, percent, write_json, write_text

RESULTS_DIR = Path(__file__).resolve().parent / "results"
#: Persons sampled for the coreference task (``data.sample_entities(per_type=...)``), and with ``--quick``.
DEFAULT_PERSONS = 300
QUICK_PERSONS = 20
#: Entities per type whose garbles are set in sentences, and with ``--quick``.
DEFAULT_GARBLED_PER_TYPE = 100
QUICK_GARBLED_PER_TYPE = 8
#: Share of curated entities in the samples (as in the accuracy benchmark).
CURATED_SHARE = 2 / 3
#: A sentence per entity type and script: ``{mention}`` is the garble.
SENTENCES = {
    ("person", "arabic"): "وقال {mention} في بيان إن المحادثات ستستمر الأسبوع المقبل.",
    ("person", "latin"): "On Monday {mention} said in a statement that the talks would continue next week.",
    ("organization", "arabic"): "وقالت {mention} في بيان إن المحادثات ستستمر الأسبوع المقبل.",
    ("organization", "latin"): "On Monday the {mention} said in a statement that the talks would continue.",
    ("place", "arabic"): "واندلعت اشتباكات عنيفة في {mention} مساء أمس بحسب مصادر محلية.",
    ("place", "latin"): "Heavy fighting broke out in {mention} on Monday evening, local sources said.",
}
#: Everyday words per language set in sentences, and with ``--quick``.
DEFAULT_EVERYDAY_WORDS = 2_000
QUICK_EVERYDAY_WORDS = 50
#: A sentence per group of everyday words: ``{word}`` is the word.
EVERYDAY_SENTENCES = {
    "arabic": "وأضاف المصدر أن {word} كان حاضرا في الاجتماع.",
    "english, beginning a sentence": "{word} was the main issue, officials said on Monday.",
    "english, inside a sentence": "Officials said on Monday that the {word} was the main issue.",
}
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
#: Words before a father's name (محمد بن سلمان): the word after one is no surname.
_NASAB_WORDS = frozenset({"bin", "ibn", "ben", "bint", "بن", "ابن", "بنت"})


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


def in_sentence(entity_type: str, mention: str) -> tuple[str, int]:
    """``mention`` in the sentence of its type and script, and where it starts there."""
    template = SENTENCES[(entity_type, "arabic" if data.has_arabic(mention) else "latin")]
    head, _, _ = template.partition("{mention}")
    return template.format(mention=mention), len(head)


def _span_entity(mentions: Sequence[er.Mention], start: int, length: int) -> str | None:
    """The entity id of the mention that overlaps ``start .. start + length``, or None."""
    for mention in mentions:
        if mention.start < start + length and start < mention.end:
            return mention.entity.id if mention.entity else None
    return None


def garble_queries(gazetteer: er.Gazetteer, *, per_type: int, seed: int) -> list[Query]:
    """Task C's MT-noise garbles of ``per_type`` sampled entities per type (seeded)."""
    entities = data.sample_entities(gazetteer, per_type=per_type, curated_share=CURATED_SHARE, seed=seed)
    queries, _ = noise_queries(entities, name_owner_map(gazetteer), seed=seed)
    return queries


def run_garbles(resolver: er.Resolver, queries: Sequence[Query]) -> dict[str, Any]:
    """Right and wrong counts of ``resolve_text`` (garble in a sentence) and ``resolve`` (garble alone)."""
    counts: dict[str, dict[str, dict[str, int]]] = {"resolve_text": {}, "resolve (the garble alone)": {}}
    for number, query in enumerate(queries):
        if number and number % 1000 == 0:
            _log(f"text: {number:,} of {len(queries):,} garbles")
        entity_type = query.groups["type"]
        sentence, start = in_sentence(entity_type, query.mention)
        found = {
            "resolve_text": _span_entity(er.resolve_text(sentence, resolver=resolver), start, len(query.mention)),
            "resolve (the garble alone)": _entity_id(resolver.resolve(query.mention)),
        }
        script = "arabic" if data.has_arabic(query.mention) else "latin"
        for system, linked in found.items():
            for group in ("all", f"{entity_type}/{script}"):
                tally = counts[system].setdefault(group, {"n": 0, "right": 0, "wrong": 0})
                tally["n"] += 1
                tally["right"] += linked in query.gold
                tally["wrong"] += linked is not None and linked not in query.gold
    return counts


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


def build_namesake_cases(entities: Sequence[er.Entity]) -> list[Case]:
    """Every (person, script, word): the full name, then its surname or given name spelt as in it.

    ``Case.kind`` is "surname" or "given name"; ``Case.surname`` holds the word.

    Examples
    --------
    >>> g = er.Gazetteer.from_records([{"id": "s", "type": "person", "name": "Saddam Haftar",
    ...     "aliases": ["صدام حفتر"]}, {"id": "m", "type": "person", "name": "Mohammed bin Salman"}])
    >>> [(c.script, c.kind, c.surname) for c in build_namesake_cases(list(g))]  # doctest: +NORMALIZE_WHITESPACE
    [('arabic', 'surname', 'حفتر'), ('arabic', 'given name', 'صدام'), ('latin', 'surname', 'Haftar'),
     ('latin', 'given name', 'Saddam'), ('latin', 'given name', 'Mohammed')]
    """
    cases: list[Case] = []
    for entity in entities:
        if entity.type != "person":
            continue
        for script in KINDS:
            full_name = _full_name(entity, script)
            if full_name is None:
                continue
            words = full_name.split()
            if words[-2].casefold() not in _NASAB_WORDS:
                cases.append(Case(script, "surname", entity.id, full_name, words[-1]))
            cases.append(Case(script, "given name", entity.id, full_name, words[0]))
    return cases


def everyday_words(count: int, *, seed: int) -> dict[str, list[str]]:
    """The words of each ``EVERYDAY_SENTENCES`` group: the ``count`` most frequent Arabic words (ties in
    alphabetical order), and a seeded sample of ``count`` everyday English words (capitalised to begin
    a sentence).

    Examples
    --------
    >>> words = everyday_words(3, seed=1)
    >>> [len(found) for found in words.values()], words["english, beginning a sentence"][0][0].isupper()
    ([3, 3, 3], True)
    """
    folder = resources.files("entity_resolve").joinpath("data", "words")
    arabic: list[tuple[float, str]] = []
    for line in folder.joinpath("common_arabic.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, zipf = line.partition("\t")
            arabic.append((-float(zipf), word))
    english = [
        line
        for line in folder.joinpath("everyday_english.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    sample = random.Random(seed).sample(english, min(count, len(english)))
    return {
        "arabic": [word for _, word in sorted(arabic)[:count]],
        "english, beginning a sentence": [word.capitalize() for word in sample],
        "english, inside a sentence": sample,
    }


def run_everyday(resolver: er.Resolver, words: dict[str, list[str]]) -> dict[str, Any]:
    """Links of everyday words set in ``EVERYDAY_SENTENCES``: by ``resolve_text`` (the word's span), and
    by ``resolve`` of the word alone. Every link is a false one."""
    systems = ("resolve_text", "resolve (the word alone)")
    counts: dict[str, dict[str, dict[str, int]]] = {system: {} for system in systems}
    for group, found in words.items():
        for word in found:
            sentence = EVERYDAY_SENTENCES[group].format(word=word)
            start = sentence.index(word)
            linked = {
                "resolve_text": _linked(resolver, sentence, start, word),
                "resolve (the word alone)": _entity_id(resolver.resolve(word)),
            }
            for system, entity_id in linked.items():
                for tally_group in ("all", group):
                    tally = counts[system].setdefault(tally_group, {"n": 0, "false link": 0})
                    tally["n"] += 1
                    tally["false link"] += entity_id is not None
    return counts


def run_namesakes(resolver: er.Resolver, cases: Sequence[Case]) -> dict[str, Any]:
    """Right and wrong counts of the word after the full name: ``resolve_text``, and ``resolve`` of it alone."""
    systems = ("resolve_text", "resolve (alone)")
    counts: dict[str, dict[str, dict[str, int]]] = {system: {} for system in systems}
    for number, case in enumerate(cases):
        if number and number % 500 == 0:
            _log(f"text: {number:,} of {len(cases):,} namesake cases")
        text, start = render(case.script, case.full_name, case.surname)
        alone = _entity_id(resolver.resolve(case.surname))
        found = {"resolve_text": _linked(resolver, text, start, case.surname), "resolve (alone)": alone}
        groups = ["all", f"{case.script}/{case.kind}"]
        if alone is not None and alone != case.entity_id:
            groups.append("namesake")
        for system, linked in found.items():
            for group in groups:
                tally = counts[system].setdefault(group, {"n": 0, "right": 0, "wrong": 0})
                tally["n"] += 1
                tally["right"] += linked == case.entity_id
                tally["wrong"] += linked is not None and linked != case.entity_id
    return counts


def _linked(resolver: er.Resolver, text: str, start: int, surname: str) -> str | None:
    """The entity id that ``resolve_text`` gives the span of ``surname`` at ``start``, or None."""
    for mention in er.resolve_text(text, resolver=resolver):
        if mention.start <= start < mention.end or start <= mention.start < start + len(surname):
            return mention.entity.id if mention.entity else None
    return None


def _entity_id(resolution: er.Resolution) -> str | None:
    return resolution.entity.id if resolution.entity else None


def run_coreference(resolver: er.Resolver, cases: Sequence[Case]) -> dict[str, Any]:
    """Right, wrong and false-coreference counts per system, script and kind."""
    systems = ("resolve_text", "resolve (document as context)", "resolve (alone)")
    counts: dict[str, dict[str, dict[str, int]]] = {system: {} for system in systems}
    for number, case in enumerate(cases):
        if number and number % 500 == 0:
            _log(f"text: {number:,} of {len(cases):,} coreference cases")
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


def _table(counts: dict[str, Any], groups_header: str, rates: Sequence[str]) -> str:
    """Rows per system and group: n, then each of ``rates`` as a percentage of n."""
    rows = []
    for system, groups in counts.items():
        for group in sorted(groups, key=lambda g: (g != "all", "/" in g, g)):
            tally = groups[group]
            rows.append([system, group, f"{tally['n']:,}", *(percent(tally[rate] / tally["n"]) for rate in rates)])
    header = ["system", groups_header, "n", *(f"{rate} %" for rate in rates)]
    return markdown_table(header, rows)


def render_markdown(
    garbles: dict[str, Any],
    coreference: dict[str, Any],
    namesakes: dict[str, Any],
    notes: Sequence[str],
    everyday: dict[str, Any] | None = None,
) -> str:
    """The tasks' tables, then the notes."""
    lines = [
        "# Running text: machine-translation garbles read by resolve_text",
        "",
        "## Garbles in a sentence",
        "",
        _table(garbles, "type/script", ("right", "wrong")),
        "",
        "## Coreference: a garbled surname after the full name",
        "",
        _table(coreference, "texts", ("right", "wrong", "false coreference")),
        "",
        "## Namesakes: the surname or given name alone after the full name",
        "",
        _table(namesakes, "texts", ("right", "wrong")),
        "",
    ]
    if everyday is not None:
        lines += ["## Everyday words: no name at all", "", _table(everyday, "words", ("false link",)), ""]
    lines += [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"


def main(*, quick: bool = False, seed: int = DEFAULT_SEED, out: Path | None = None) -> int:
    """Run both running-text tasks, print their markdown and write markdown and JSON.

    Parameters
    ----------
    quick : bool
        Small samples (``QUICK_GARBLED_PER_TYPE``, ``QUICK_PERSONS``).
    seed : int
        Seed of the samples, the garbles and the control pairs.
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
    per_type = QUICK_GARBLED_PER_TYPE if quick else DEFAULT_GARBLED_PER_TYPE
    queries = garble_queries(resolver.gazetteer, per_type=per_type, seed=seed)
    _log(f"text: {len(queries):,} garbles in sentences ({per_type} entities per type)")
    garbles = run_garbles(resolver, queries)
    persons = QUICK_PERSONS if quick else DEFAULT_PERSONS
    entities = data.sample_entities(resolver.gazetteer, per_type=persons, curated_share=CURATED_SHARE, seed=seed)
    cases = build_cases(entities, seed=seed)
    _log(f"text: {len(cases):,} coreference cases from {persons} sampled persons")
    coreference = run_coreference(resolver, cases)
    namesake_cases = build_namesake_cases(entities)
    _log(f"text: {len(namesake_cases):,} namesake cases")
    namesakes = run_namesakes(resolver, namesake_cases)
    words = everyday_words(QUICK_EVERYDAY_WORDS if quick else DEFAULT_EVERYDAY_WORDS, seed=seed)
    _log(f"text: {sum(map(len, words.values())):,} everyday words in sentences")
    everyday = run_everyday(resolver, words)
    notes = [
        f"seed {seed}; entity_resolve {er.__version__}; commit {git_commit(data.repo_root())}",
        f"garbles: task C's MT-noise garbles of {per_type} sampled entities per type, one per sentence; right: "
        "the span that overlaps the garble is linked to its entity; wrong: to another entity",
        f"coreference: {len(cases):,} texts (and as many control texts) from {persons} sampled persons; false "
        "coreference: in a control text naming another person, the garbled surname linked to that person",
        f"namesakes: {len(namesake_cases):,} texts from the same persons, the surname or given name spelt as in "
        "the full name; namesake: the cases where resolve of the word alone links another entity",
        f"everyday words: the {len(words['arabic']):,} most frequent Arabic words of "
        "entity_resolve/data/words/common_arabic.txt (wordfreq) and a seeded sample of "
        f"{len(words['english, inside a sentence']):,} of everyday_english.txt, each in a sentence "
        "(EVERYDAY_SENTENCES); a link of the word is a false link",
        f"{time.perf_counter() - started:.0f} s",
    ]
    markdown = render_markdown(garbles, coreference, namesakes, notes, everyday)
    print(markdown)
    write_text(out / "text.md", markdown)
    write_json(
        out / "text.json",
        {
            "seed": seed,
            "garbles": len(queries),
            "cases": len(cases),
            "counts": garbles,
            "coreference": coreference,
            "namesake_cases": len(namesake_cases),
            "namesakes": namesakes,
            "everyday_words": sum(map(len, words.values())),
            "everyday": everyday,
            "notes": notes,
        },
    )
    return 0
