"""benchmarks.text: MT garbles in sentences, and garbled surnames after the full name."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

import entity_resolve as er
from benchmarks import text as text_benchmark
from benchmarks.accuracy import Query

RECORDS = [
    {"id": "p:haftar", "type": "person", "name": "Khalifa Haftar", "aliases": ["خليفة حفتر", "حفتر"]},
    {"id": "p:sarraj", "type": "person", "name": "Fayez al-Sarraj", "aliases": ["فايز السراج"]},
    {"id": "p:ismail", "type": "person", "name": "Sherif Ismail", "aliases": ["شريف إسماعيل"]},
    {"id": "c:cairo", "type": "place", "name": "Cairo", "aliases": ["القاهرة"]},
]


def test_text_benchmark_doctests() -> None:
    assert doctest.testmod(text_benchmark).failed == 0


@pytest.mark.parametrize("script", ["arabic", "latin"])
def test_render_places_the_surname_where_it_says(script: str) -> None:
    rendered, start = text_benchmark.render(script, "Khalifa Haftar", "Hafter")
    assert rendered[start : start + len("Hafter")] == "Hafter"
    assert rendered.index("Khalifa Haftar") < start


@pytest.mark.parametrize("entity_type", ["person", "organization", "place"])
@pytest.mark.parametrize("mention", ["هوثر", "Chalifa Haftar"])
def test_every_type_and_script_has_a_sentence_that_holds_the_mention(entity_type: str, mention: str) -> None:
    sentence, start = text_benchmark.in_sentence(entity_type, mention)
    assert sentence[start : start + len(mention)] == mention
    assert len(sentence) > len(mention) + 20  # a sentence around it, not the mention alone


def test_cases_are_seeded_garbled_and_controlled_by_another_person() -> None:
    entities = list(er.Gazetteer.from_records(RECORDS))
    cases = text_benchmark.build_cases(entities, seed=3)
    assert cases == text_benchmark.build_cases(entities, seed=3)
    assert cases, "every person here has surnames the noise model garbles"
    for case in cases:
        assert case.surname != case.full_name.split()[-1]
        assert case.control_id != case.entity_id
        assert case.control_name
        assert case.control_id.startswith("p:")
    assert {case.script for case in cases} == {"arabic", "latin"}


def test_coreference_counts_every_case_once_per_system() -> None:
    resolver = er.Resolver(er.Gazetteer.from_records(RECORDS))
    cases = text_benchmark.build_cases(list(resolver.gazetteer), seed=3)
    counts = text_benchmark.run_coreference(resolver, cases)
    assert set(counts) == {"resolve_text", "resolve (document as context)", "resolve (alone)"}
    for groups in counts.values():
        tally = groups["all"]
        assert tally["n"] == len(cases)
        assert tally["right"] + tally["wrong"] <= tally["n"]
        assert sum(groups[script]["n"] for script in ("arabic", "latin")) == len(cases)
    # the text's own evidence links garbles that the gazetteer alone cannot tell
    assert counts["resolve_text"]["all"]["right"] > counts["resolve (alone)"]["all"]["right"]


def test_namesake_cases_take_the_surname_and_given_name_as_spelt_in_the_full_name() -> None:
    entities = list(
        er.Gazetteer.from_records([*RECORDS, {"id": "p:mbs", "type": "person", "name": "Mohammed bin Salman"}])
    )
    cases = text_benchmark.build_namesake_cases(entities)
    words = {(case.entity_id, case.script, case.kind): case.surname for case in cases}
    assert words[("p:haftar", "arabic", "surname")] == "حفتر"
    assert words[("p:haftar", "latin", "given name")] == "Khalifa"
    assert words[("p:sarraj", "latin", "surname")] == "al-Sarraj"
    assert ("p:mbs", "latin", "surname") not in words  # Salman is his father's name
    assert words[("p:mbs", "latin", "given name")] == "Mohammed"


def test_namesakes_count_the_cases_where_the_word_alone_links_another_entity() -> None:
    records = [
        *RECORDS,
        {
            "id": "p:saddam-hussein",
            "type": "person",
            "name": "Saddam Hussein",
            "aliases": ["صدام حسين", "صدام", "Saddam"],
            "prior": 0.95,
        },
        {"id": "p:saddam-haftar", "type": "person", "name": "Saddam Haftar", "aliases": ["صدام حفتر"], "prior": 0.4},
    ]
    resolver = er.Resolver(er.Gazetteer.from_records(records))
    cases = [
        case
        for case in text_benchmark.build_namesake_cases(list(resolver.gazetteer))
        if case.entity_id == "p:saddam-haftar" and case.kind == "given name"
    ]
    counts = text_benchmark.run_namesakes(resolver, cases)
    assert counts["resolve (alone)"]["namesake"] == {"n": 2, "right": 0, "wrong": 2}
    assert counts["resolve_text"]["namesake"] == {"n": 2, "right": 2, "wrong": 0}
    assert counts["resolve_text"]["all"]["n"] == len(cases) == 2


def test_garbles_in_sentences_are_counted_right_wrong_or_missed() -> None:
    resolver = er.Resolver(er.Gazetteer.from_records(RECORDS))
    queries = [
        Query("Kairo", frozenset({"c:cairo"}), {"type": "place"}),
        Query("Fayiz al-Siraj", frozenset({"p:sarraj"}), {"type": "person"}),
        Query("Fayiz al-Siraj", frozenset({"p:haftar"}), {"type": "person"}),  # a wrong gold: a wrong link
    ]
    counts = text_benchmark.run_garbles(resolver, queries)
    assert counts["resolve_text"]["all"]["n"] == 3
    assert counts["resolve_text"]["person/latin"] == {"n": 2, "right": 1, "wrong": 1}
    assert counts["resolve (the garble alone)"]["place/latin"]["n"] == 1


def test_everyday_words_are_the_most_frequent_arabic_and_a_seeded_english_sample() -> None:
    words = text_benchmark.everyday_words(20, seed=3)
    assert words == text_benchmark.everyday_words(20, seed=3)
    assert words["english, beginning a sentence"] == [w.capitalize() for w in words["english, inside a sentence"]]
    assert "في" in words["arabic"]  # "in": the commonest Arabic word
    assert set(words) == set(text_benchmark.EVERYDAY_SENTENCES)


def test_every_link_of_an_everyday_word_is_counted_false() -> None:
    resolver = er.Resolver(er.Gazetteer.from_records(RECORDS))
    words = {"arabic": ["حفتر", "كان"], "english, beginning a sentence": ["Cairo"], "english, inside a sentence": []}
    counts = text_benchmark.run_everyday(resolver, words)
    assert counts["resolve_text"]["arabic"] == {"n": 2, "false link": 1}
    assert counts["resolve (the word alone)"]["all"] == {"n": 3, "false link": 2}


def test_quick_run_writes_markdown_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert text_benchmark.main(quick=True, seed=7, out=tmp_path) == 0
    printed = capsys.readouterr().out
    assert "## Garbles in a sentence" in printed
    assert "| resolve_text | all |" in printed
    payload = json.loads((tmp_path / "text.json").read_text(encoding="utf-8"))
    assert payload["garbles"] == payload["counts"]["resolve_text"]["all"]["n"] > 0
    assert payload["cases"] == payload["coreference"]["resolve_text"]["all"]["n"] > 0
    assert payload["namesake_cases"] == payload["namesakes"]["resolve_text"]["all"]["n"] > 0
    assert "## Namesakes" in printed
    assert "## Everyday words" in printed
    assert payload["everyday_words"] == payload["everyday"]["resolve_text"]["all"]["n"] > 0
    assert (tmp_path / "text.md").read_text(encoding="utf-8") == printed.rstrip("\n") + "\n"
