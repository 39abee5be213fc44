from __future__ import annotations

import concurrent.futures
import copy
import multiprocessing
import pickle
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import entity_resolve as er
from entity_resolve.context import DocumentContext, entity_skeletons
from entity_resolve.keys import readings
from entity_resolve.score import match_name
from tests.conftest import SMALL_RECORDS

DESIGN_CARD = [
    "هوثر",
    "هوتر",
    "حفتر",
    "الجنرال هوثر",
    "Chalifa Haftar",
    "General Hafter",
    "لخليفة حفتر",
    "والجنرال حفتر",
    "المشير حفتر",
]


def _assert_links(resolver: er.Resolver, mention: str, expected_id: str) -> None:
    """``mention`` resolves to the entity ``expected_id`` (the best two candidates shown when it abstains)."""
    result = resolver.resolve(mention)
    assert result.entity is not None, result.candidates[:2]
    assert result.entity.id == expected_id


@pytest.mark.parametrize("mention", DESIGN_CARD)
def test_design_card_variants_resolve_to_haftar(small_resolver: er.Resolver, mention: str) -> None:
    result = small_resolver.resolve(mention)
    assert result.entity is not None, result.candidates
    assert result.entity.id == "person:khalifa-haftar"
    assert 0.0 < result.score <= 1.0


def test_resolution_explains_its_score(small_resolver: er.Resolver) -> None:
    result = small_resolver.resolve("الجنرال هوثر")
    best = result.candidates[0]
    assert best.entity == result.entity
    assert result.cues == ("general",)
    explanation = best.explanation
    assert explanation.matched_name in best.entity.names
    assert [(m.query_token, m.name_token) for m in explanation.alignment] == [("هوثر", "حفتر")]
    assert 0.0 < explanation.name_similarity < 1.0
    assert explanation.type_factor == 1.0


def test_candidates_are_ranked_one_per_entity(small_resolver: er.Resolver) -> None:
    result = small_resolver.resolve("Tripoli", top_k=5)
    scores = [c.score for c in result.candidates]
    assert scores == sorted(scores, reverse=True)
    ids = [c.entity.id for c in result.candidates]
    assert len(ids) == len(set(ids))
    assert ids[:2] == ["place:tripoli-libya", "place:tripoli-lebanon"]


def test_title_cue_penalises_other_types(small_resolver: er.Resolver) -> None:
    result = small_resolver.resolve("General Tripoli")
    assert result.entity is None
    penalised = small_resolver._score(
        small_resolver._readings("General Tripoli")[0][0],
        small_resolver.gazetteer["place:tripoli-libya"],
        match_name(("tripoli",), ("tripoli",)),
        DocumentContext.from_text(None),
    )
    assert penalised[1] < 1.0


def test_types_filter(small_resolver: er.Resolver) -> None:
    assert small_resolver.resolve("طرابلس", types="person").entity is None
    assert small_resolver.resolve("بنغازي", types=["place"]).entity is not None
    with pytest.raises(ValueError, match="unknown entity type"):
        small_resolver.resolve("طرابلس", types=["planet"])


def test_unknown_names_get_no_entity(small_resolver: er.Resolver) -> None:
    for mention in ["Angela Merkel", "محمد بن زايد", "Volkswagen", "xqzt"]:
        assert small_resolver.resolve(mention).entity is None, mention


@pytest.mark.parametrize("mention", ["", "   ", "!!!", "2024", "\u200f\u200e"])
def test_empty_or_meaningless_input_resolves_to_none(small_resolver: er.Resolver, mention: str) -> None:
    result = small_resolver.resolve(mention)
    assert result.entity is None
    assert result.score == 0.0
    assert result.mention == mention


def test_a_mention_of_titles_only_is_read_as_a_whole_name() -> None:
    """سماحة and Sheikh are titles and surnames: alone, they name whoever is called so, never part of a name."""
    gazetteer = er.Gazetteer.from_records(
        [
            {"id": "p:samaha", "type": "person", "name": "Samaha", "aliases": ["سماحة"]},
            {"id": "p:sheikh", "type": "person", "name": "Sheikh"},
            {"id": "g:stroessner", "type": "place", "name": "Presidente Stroessner"},
            {"id": "p:haftar", "type": "person", "name": "Khalifa Haftar", "aliases": ["حفتر"]},
        ]
    )
    resolver = er.Resolver(gazetteer)
    assert resolver.resolve("سماحة").entity.id == "p:samaha"
    assert resolver.resolve("Samaha").entity.id == "p:samaha"
    assert resolver.resolve("Sheikh").entity.id == "p:sheikh"
    assert resolver.resolve("President").entity is None  # a title is not half of a place name
    assert resolver.resolve("General").entity is None
    assert resolver.resolve("Mr.").score == 0.0  # an abbreviation names no one
    assert resolver.resolve("سماحة حفتر").entity.id == "p:haftar"  # before a name, still a title


@pytest.mark.parametrize("bad", [None, 1, 2.5, b"haftar", ["haftar"]])
def test_non_string_raises_type_error(small_resolver: er.Resolver, bad: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        small_resolver.resolve(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str"):
        er.resolve(bad, gazetteer=er.Gazetteer.from_records(SMALL_RECORDS))  # type: ignore[arg-type]


def test_huge_input_returns_promptly(small_resolver: er.Resolver) -> None:
    started = time.perf_counter()
    result = small_resolver.resolve("حفتر " * 200_000)
    assert time.perf_counter() - started < 5.0  # generous: a bound, not a benchmark
    assert isinstance(result, er.Resolution)


def test_resolve_many_keeps_order_and_length(small_resolver: er.Resolver) -> None:
    mentions = ["بنغازي", "", "nobody at all", "Misurata", "حفتر", "بنغازي"]
    results = small_resolver.resolve_many(mentions)
    assert [r.mention for r in results] == mentions
    assert results[0] == results[5]
    assert results[1].entity is None


def test_resolve_many_rejects_bad_items(small_resolver: er.Resolver) -> None:
    with pytest.raises(TypeError, match=r"mentions\[1\] must be a str"):
        small_resolver.resolve_many(["حفتر", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not a single str"):
        small_resolver.resolve_many("حفتر")


def test_context_lifts_an_uncertain_candidate(small_resolver: er.Resolver) -> None:
    alone = small_resolver.resolve("هوتر")
    in_context = small_resolver.resolve("هوتر", context="قوات خليفة في بنغازي")
    assert in_context.score > alone.score
    assert in_context.candidates[0].explanation.context_bonus > 0


def test_custom_gazetteer_through_module_function(small_gazetteer: er.Gazetteer) -> None:
    result = er.resolve("Fajez as-Sarradsch", gazetteer=small_gazetteer)
    assert result.entity is not None
    assert result.entity.id == "person:fayez-al-sarraj"


def test_settings_are_validated() -> None:
    with pytest.raises(ValueError, match="threshold"):
        er.Settings(threshold=1.5)
    with pytest.raises(TypeError):
        er.Resolver(er.Gazetteer.from_records(SMALL_RECORDS), no_such_option=1)


def test_results_are_identical_across_threads(small_resolver: er.Resolver) -> None:
    mentions = ["هوثر", "Chalifa Haftar", "طرابلس", "مجلس الامن", "Bashar", "Sisi"] * 20
    expected = [small_resolver.resolve(m) for m in mentions]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(small_resolver.resolve, mentions))
    assert got == expected


@pytest.mark.parametrize("copier", [copy.copy, copy.deepcopy, lambda value: pickle.loads(pickle.dumps(value))])
def test_results_pickle_and_copy_with_their_explanations(small_resolver: er.Resolver, copier: Any) -> None:
    """A process pool returns its results pickled, and users copy them: every part of a result
    (candidates, explanations, aligned token pairs, the normalised mention) survives, compiled or not."""
    for mention in ["الجنرال هوثر", "Chalifa Haftar", "مجلس الامن"]:
        result = small_resolver.resolve(mention)
        assert result.candidates[0].explanation.alignment  # the compiled classes are inside
        assert copier(result) == result
    reading = readings("haftar")[0]
    assert copier(reading) == reading
    matched = match_name(("haftar",), ("khalifa", "haftar"))
    assert copier(matched) == matched


def _resolved_by(resolver: er.Resolver, mention: str) -> er.Resolution:
    return resolver.resolve(mention)


def test_a_process_pool_that_spawns_its_workers_resolves_as_this_process_does(small_resolver: er.Resolver) -> None:
    """Spawned workers (macOS's and Windows's default) get the resolver pickled and send results back so."""
    mentions = ["هوثر", "Chalifa Haftar", "طرابلس", "مجلس الامن"]
    spawning = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=spawning) as pool:
        got = list(pool.map(_resolved_by, [small_resolver] * len(mentions), mentions))
    assert got == [small_resolver.resolve(mention) for mention in mentions]


names_strategy = st.sampled_from([name for record in SMALL_RECORDS for name in [record["name"], *record["aliases"]]])


@settings(max_examples=60, deadline=None)
@given(names_strategy)
def test_every_listed_name_resolves_to_an_entity_that_lists_it(small_resolver: er.Resolver, name: str) -> None:
    result = small_resolver.resolve(name)
    assert result.candidates
    assert result.candidates[0].score >= 0.9
    owners = {r["id"] for r in SMALL_RECORDS if name in (r["name"], *r["aliases"])}
    assert result.candidates[0].entity.id in owners


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("وبحمص", "place:homs"),  # and in Homs: a conjunction and a preposition
        ("ولمصراتة", "place:misrata"),  # and to Misrata
        ("وبالشارقة", "place:sharjah"),
        ("وبريطانيا", "place:united-kingdom"),  # and Britain: the ب is the name's own
        ("واللواء عباس إبراهيم", "person:abbas-ibrahim"),  # the title, with its و, spelt by his alias
        ("للواء جولاني", "org:golani-brigade"),  # to the Golani Brigade, not to general al-Julani
        # a proclitic before a name makes a word rarer than the name (is_word_of_its_own: بالرباط is
        # written 0.4 times as often as الرباط), unlike ورقة or كبيرا, words of their own
        ("والعراق", "place:iraq"),
        ("بالرياض", "place:riyadh"),
        ("لتركيا", "place:turkey"),
        ("بالرباط", "place:rabat"),
    ],
)
def test_proclitics_are_read_off_a_mention(builtin_resolver: er.Resolver, mention: str, expected: str) -> None:
    resolution = builtin_resolver.resolve(mention)
    assert resolution.entity is not None
    assert resolution.entity.id == expected


def test_names_of_the_builtin_gazetteer_find_their_entities(builtin_resolver: er.Resolver) -> None:
    """Any listed name, in any script, finds its entity and never links one that lists no such name."""
    import random

    from entity_resolve.normalize import normalize_as_name

    gazetteer = builtin_resolver.gazetteer
    owners: dict[tuple[str, ...], set[str]] = {}
    for entity in gazetteer:
        for name in entity.names:
            owners.setdefault(normalize_as_name(name).tokens, set()).add(entity.id)
    rng = random.Random(1)
    sample = [(entity, rng.choice(entity.names)) for entity in rng.sample(list(gazetteer), 400)]
    unrelated, missing = [], []
    for entity, name in sample:
        resolution = builtin_resolver.resolve(name)
        if resolution.entity is not None and resolution.entity.id not in owners[normalize_as_name(name).tokens]:
            unrelated.append((name, resolution.entity.id))
        if entity.id not in {candidate.entity.id for candidate in resolution.candidates}:
            missing.append((name, entity.id))  # a name many entities share may leave it out of the top five
    assert len(unrelated) <= 1, unrelated
    assert len(missing) <= 8, missing


def test_a_garbled_full_name_is_not_linked_to_a_longer_name_it_only_overlaps() -> None:
    # "Hassan Basher" is a whole name: that it is also two words of a famous longer
    # name is weak evidence, so the longer name must stand far clear to be chosen
    gazetteer = er.Gazetteer.from_records(
        [
            {"id": "bashir", "type": "person", "name": "Omar Hassan al-Bashir", "prior": 0.85},
            {"id": "other", "type": "person", "name": "Hassan Bashir", "prior": 0.2},
        ]
    )
    result = er.Resolver(gazetteer).resolve("Hassan Basher")
    assert result.candidates[0].entity.id == "bashir"
    assert result.candidates[0].explanation.missed == 1
    assert result.entity is None


def test_a_surname_alone_still_resolves_when_nothing_competes(small_resolver: er.Resolver) -> None:
    result = small_resolver.resolve("Sarraj")
    assert result.entity is not None
    assert result.entity.id == "person:fayez-al-sarraj"


def _places(prior: float) -> er.Resolver:
    return er.Resolver(
        er.Gazetteer.from_records(
            [
                {"id": "tobruk", "type": "place", "name": "Tobruk", "prior": prior},
                {"id": "dobric", "type": "place", "name": "Dobric", "prior": 0.4},
                {"id": "tabarka", "type": "place", "name": "Tabarka", "prior": 0.39},
            ]
        )
    )


def test_a_one_word_garble_between_little_known_names_abstains() -> None:
    # "Tubrug" is as far from Dobric and Tabarka as from Tobruk: among names of
    # similar importance, a garble this far from all of them is no evidence
    result = _places(0.6).resolve("Tubrug")
    assert result.candidates[0].entity.id == "tobruk"
    assert result.entity is None


def test_a_one_word_garble_of_a_well_known_name_resolves() -> None:
    assert _places(0.9).resolve("Tubrug").entity.id == "tobruk"


def test_a_one_word_garble_resolves_when_nothing_else_is_close() -> None:
    alone = er.Resolver(er.Gazetteer.from_records([{"id": "tobruk", "type": "place", "name": "Tobruk", "prior": 0.6}]))
    assert alone.resolve("Tubrug").entity.id == "tobruk"


@pytest.mark.parametrize(
    "word",
    # everyday words and surnames that resembled a famous place through one of its exonyms
    # (Chine, Spagna, Pérou, Allemagne, Halapia, Rihad) or an organisation through its acronym
    ["Eschine", "Speakin", "Pierro", "Dallemagne", "Koontz", "Hulpe", "Rhodia", "Quasars", "Ouan", "Whaou", "Iws"],
)
def test_a_word_resembling_an_exonym_or_acronym_loosely_is_no_entity(builtin_resolver: er.Resolver, word: str) -> None:
    assert builtin_resolver.resolve(word).entity is None


@pytest.mark.parametrize(
    ("mention", "expected"),
    [("Irac", "place:iraq"), ("Beiruth", "place:beirut"), ("Benghassi", "place:benghazi"), ("Mosoul", "place:mosul")],
)
def test_a_close_garble_of_an_exonym_resolves(builtin_resolver: er.Resolver, mention: str, expected: str) -> None:
    _assert_links(builtin_resolver, mention, expected)


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        # global companies and platforms of the news; before they were curated, a brand name
        # linked to the place it resembles or that lists it among GeoNames' alternate names
        ("Samsung", "org:samsung"),  # was Samsun, Turkey
        ("سامسونج", "org:samsung"),
        ("Google", "org:google"),  # was Topeka, whose GeoNames alternate names hold "Google"
        ("غوغل", "org:google"),
        ("جوجل", "org:google"),
        ("مايكروسوفت", "org:microsoft"),
        ("Telegram", "org:telegram"),
        ("تلغرام", "org:telegram"),
        ("جنرال إلكتريك", "org:general-electric"),
        ("فايزر", "org:pfizer"),
        ("تيك توك", "org:tiktok"),
        ("Amazon rainforest", "place:amazon-rainforest"),
        ("Samsun", "gn:740264"),  # the place keeps its name
        ("Elon Musk", "person:elon-musk"),  # and the heads of those companies
        ("إيلون ماسك", "person:elon-musk"),
        ("زوكربيرغ", "person:mark-zuckerberg"),
        ("موديز", "org:moodys"),  # and bodies of finance and politics the news names
        ("Moody's", "org:moodys"),  # was Moody, a US town of that name
        ("مجلس الدوما", "org:state-duma"),
        ("آسيان", "org:asean"),
        ("وول ستريت", "place:wall-street"),  # was The Wall Street Journal, one word short
    ],
)
def test_builtin_gazetteer_global_companies_and_their_heads_in_both_scripts(
    builtin_resolver: er.Resolver, mention: str, expected: str
) -> None:
    _assert_links(builtin_resolver, mention, expected)


@pytest.mark.parametrize(
    ("mention", "expected_id"),
    [
        ("جهن بلتون", "person:john-bolton"),
        ("اولف شولس", "person:olaf-scholz"),
        ("مارك ربتح", "person:mark-rutte"),
        ("اوربيان اونون", "org:european-union"),
        ("ديوتشي ويلي", "org:deutsche-welle"),
        ("توركستن ايسلامك برتي", "org:turkistan-islamic-party"),
        ("ارلد تردي ارجنزاتيون", "org:wto"),
    ],
)
def test_a_latin_name_garbled_in_arabic_letters_is_read_by_the_learned_model(
    builtin_resolver: er.Resolver, mention: str, expected_id: str
) -> None:
    # the best candidate is right, but its lead was too short: a chance resemblance across scripts
    # (Beletwein for جهن بلتون, 0.61 against 0.81) kept the hand-made skeletons' score; the learned
    # transliteration model, asked for every name within 0.3 of the best, scores it lower
    _assert_links(builtin_resolver, mention, expected_id)


def test_a_long_name_garbled_in_every_word_resolves_when_far_ahead() -> None:
    # each word read back from a French spelling: a low score, but all four words align
    # with the four words of one name, and no other name comes close
    gazetteer = er.Gazetteer.from_records(
        [
            {"id": "fotouh", "type": "person", "name": "Abdel Moneim Abol Fotouh", "prior": 0.5},
            {"id": "other", "type": "person", "name": "Fayez al-Sarraj", "prior": 0.5},
        ]
    )
    result = er.Resolver(gazetteer).resolve("ابدال مونييم ابول فوتوه")
    assert result.score < er.Settings().threshold
    assert result.entity is not None
    assert result.entity.id == "fotouh"


def test_an_arabic_spelling_is_not_linked_through_an_urdu_exonym_against_a_close_rival() -> None:
    # GeoNames lists بیڑ (Urdu letters) for Beed; the Arabic بير folds to the same letters,
    # but machine translation into Arabic rarely writes Urdu: with بيرة close by, abstain
    resolver = er.Resolver(
        er.Gazetteer.from_records(
            [
                {"id": "beed", "type": "place", "name": "Beed", "aliases": ["بیڑ"], "prior": 0.5},
                {"id": "bira", "type": "place", "name": "Bira", "aliases": ["بيرة"], "prior": 0.5},
            ]
        )
    )
    assert resolver.resolve("بير").entity is None
    written = resolver.resolve("بیڑ").entity
    assert written is not None
    assert written.id == "beed"


def test_a_two_word_name_garbled_in_both_words_resolves_when_far_ahead() -> None:
    gazetteer = er.Gazetteer.from_records(
        [
            {"id": "hamza", "type": "organization", "name": "Hamza Division", "prior": 0.5},
            {"id": "other", "type": "person", "name": "Fayez al-Sarraj", "prior": 0.5},
        ]
    )
    result = er.Resolver(gazetteer).resolve("همزا دفسين")
    assert result.score < er.Settings().threshold
    assert result.entity is not None
    assert result.entity.id == "hamza"


def test_reordered_garble_needs_a_wider_lead(builtin_resolver: er.Resolver) -> None:
    # Khalifa Haftar's full name is خليفة بلقاسم حفتر; his son is Belgasem Haftar
    in_order = builtin_resolver.resolve("خليوة بلقاسم حفتر")
    reordered = builtin_resolver.resolve("بلقاسم خليوة حفتر")
    assert in_order.entity is not None
    assert in_order.entity.id == "person:khalifa-haftar"
    assert reordered.candidates[0].entity.id == "person:khalifa-haftar"
    assert reordered.entity is None  # 0.04 ahead of Belgasem Haftar is not enough out of order


def test_title_that_is_part_of_a_place_name_is_no_type_cue(builtin_resolver: er.Resolver) -> None:
    # الشيخ is read as a title (a person cue), but the town's own name carries it
    resolution = builtin_resolver.resolve("الشيخ زويد")
    assert resolution.entity is not None
    assert resolution.entity.id == "place:sheikh-zuweid"
    assert resolution.candidates[0].explanation.type_factor == 1.0
    person = builtin_resolver.resolve("الشيخ محمد بن زايد")  # a person keeps the cue's support
    assert person.entity is not None
    assert person.entity.id == "person:mohamed-bin-zayed"


@pytest.mark.parametrize(
    ("mention", "expected"),
    [("وحماس", "org:hamas"), ("ومأرب", "place:marib"), ("ودرنة", "place:derna"), ("لبيروت", "place:beirut")],
)
def test_proclitic_before_a_short_name_resolves(builtin_resolver: er.Resolver, mention: str, expected: str) -> None:
    # "and Hamas": the exact match of حماس through the clitic reading speaks for Hamas,
    # not the inexact وحماس ~ حماس (which asked a short garble's margin and abstained)
    resolution = builtin_resolver.resolve(mention)
    assert resolution.entity is not None
    assert resolution.entity.id == expected
    assert resolution.candidates[0].explanation.name_similarity == 1.0


@pytest.mark.parametrize("given_name", ["وليد", "كريم", "وائل", "بلال", "كمال"])
def test_given_name_is_not_read_as_a_proclitic_and_a_place(builtin_resolver: er.Resolver, given_name: str) -> None:
    # وليد is Walid, not و + ليد (Lead, South Dakota); كريم is Karim, not ك + ريم (Rome)
    resolution = builtin_resolver.resolve(given_name)
    assert resolution.entity is None


@pytest.mark.parametrize(
    "word",
    # paper, big, in favour of, early, I broke, safely, violin (also)
    ["ورقة", "كبيرا", "لصالح", "باكرا", "كسرت", "بأمان", "كمان"],
)
def test_an_everyday_word_is_not_read_as_a_proclitic_and_a_name(builtin_resolver: er.Resolver, word: str) -> None:
    # ورقة is "paper", written more often than رقة: not و + Raqqa; كبيرا not ك + Beira
    assert builtin_resolver.resolve(word).entity is None


@pytest.mark.parametrize(
    ("mention", "context", "expected"),
    [
        ("عمان", "زار الملك عبد الله الثاني الأردن", "place:amman"),
        ("عمان", "قال السلطان هيثم بن طارق في مسقط", "place:oman"),
        ("Tripoli", "the northern city of Lebanon", "place:tripoli-lebanon"),
        ("Tripoli", "the capital of Libya", "place:tripoli-libya"),
    ],
)
def test_context_settles_entities_of_the_same_exact_name(
    builtin_resolver: er.Resolver, mention: str, context: str, expected: str
) -> None:
    resolution = builtin_resolver.resolve(mention, context=context)
    assert resolution.entity is not None
    assert resolution.entity.id == expected
    assert resolution.candidates[0].entity.id == expected
    assert resolution.candidates[0].explanation.context_support > 0.0


@pytest.mark.parametrize(
    ("mention", "context", "expected"),
    [
        ("House of Representatives", "Aguila Saleh met him in Benghazi, Libya", "org:house-of-representatives-libya"),
        ("مجلس النواب", "عقد عقيلة صالح اجتماعا في بنغازي شرق ليبيا", "org:house-of-representatives-libya"),
        ("مجلس النواب", "وقال مصدر في القاهرة إن مصر ترفض ذلك", "org:house-of-representatives-egypt"),
        ("Interior Ministry", "Police in Cairo, Egypt, arrested three men", "org:egyptian-ministry-of-interior"),
    ],
)
def test_an_institution_without_its_country_is_the_one_of_the_country_in_context(
    builtin_resolver: er.Resolver, mention: str, context: str, expected: str
) -> None:
    # news leaves out the country of its own institutions: "مجلس النواب" in a Libyan report
    resolution = builtin_resolver.resolve(mention, context=context)
    assert resolution.entity is not None
    assert resolution.entity.id == expected
    assert resolution.candidates[0].explanation.missed == 0
    assert builtin_resolver.resolve(mention).entity is None  # without context: several countries have one


def test_a_generic_word_of_a_countrys_long_name_does_not_name_it(builtin_resolver: er.Resolver) -> None:
    # "الدولية" (international) is spelt like دولة of "دولة فلسطين" (the State of Palestine): the
    # Iranian security forces are not the Palestinian ones, though "قوات الأمن" is their name
    # without their country
    iranian = "قالت منظمة العفو الدولية إن قوات الأمن الإيرانية اعتقلت مئات المحتجين في طهران"
    assert builtin_resolver.resolve("قوات الأمن", context=iranian).entity is None
    palestinian = "قالت السلطة الفلسطينية إن قوات الأمن انتشرت في جنين"
    assert builtin_resolver.resolve("قوات الأمن", context=palestinian).entity.id == "org:palestinian-security-forces"
    from entity_resolve.keys import fine_skeleton

    generic = {fine_skeleton(word) for word in ("دوله", "state", "republic", "العربيه", "الاراضي", "united")}
    assert len(generic) == 6
    for code in ("PS", "LY", "SA", "AE", "SY", "EG", "SD", "JO", "US", "GB"):
        assert not generic & builtin_resolver.index.country_names[code], code


def test_a_word_of_a_country_name_is_no_country(builtin_resolver: er.Resolver) -> None:
    # "South" alone names no country: Sudan beside South Kordofan is not South Sudan
    context = "The army shelled Kadugli in South Kordofan and El Fasher in North Darfur."
    resolution = builtin_resolver.resolve("Sudan", context=context)
    assert resolution.entity is not None
    assert resolution.entity.id == "place:sudan"


def test_a_given_name_alone_takes_no_country_from_the_context(builtin_resolver: er.Resolver) -> None:
    # only an organisation's country words may be left out: "Saud" of Saud al-Faisal spells
    # السعودية in skeleton, but "Faisal" in a Saudi report is not Saud al-Faisal
    resolution = builtin_resolver.resolve("Faisal", context="قال مسؤول في الرياض إن السعودية ترحب")
    by_id = {candidate.entity.id: candidate for candidate in resolution.candidates}
    assert by_id["person:saud-al-faisal"].explanation.missed == 1
    assert resolution.entity is None


def test_a_title_word_that_is_a_given_name_before_bin_is_the_name(builtin_resolver: er.Resolver) -> None:
    # "Prince Sultan bin Abdulaziz" had lost Sultan as a title: "Abdulaziz" alone matched it whole
    assert builtin_resolver.resolve("Abdulaziz").entity is None
    resolution = builtin_resolver.resolve("Prince Sultan bin Abdulaziz")
    assert resolution.entity is not None
    assert resolution.entity.id == "person:sultan-bin-abdulaziz"


@pytest.mark.parametrize("given_name", ["Ahmed", "Ismail", "Mahmoud", "محمود", "أحمد"])
def test_a_bare_given_name_is_no_link_to_the_best_known_of_its_bearers(
    builtin_resolver: er.Resolver, given_name: str
) -> None:
    # "Ahmed" alone is any of thousands of Ahmeds, not Ahmed al-Sharaa, whose name it begins
    resolution = builtin_resolver.resolve(given_name)
    assert resolution.entity is None
    assert resolution.candidates[0].entity.type == "person"  # still ranked first, for a reader to see


@pytest.mark.parametrize(
    ("mention", "entity_id"),
    [
        ("Haftar", "person:khalifa-haftar"),  # a surname alone names its person
        ("President Ahmed al-Sharaa", "person:ahmed-al-sharaa"),
        ("Abdullah", "person:abdullah-ii"),  # an attested name of one word: the whole name
    ],
)
def test_a_surname_or_whole_name_alone_still_links(builtin_resolver: er.Resolver, mention: str, entity_id: str) -> None:
    resolution = builtin_resolver.resolve(mention)
    assert resolution.entity is not None
    assert resolution.entity.id == entity_id


def test_a_titled_one_word_name_needs_its_title(builtin_resolver: er.Resolver) -> None:
    # "Sheikh Khalifa" names Khalifa bin Zayed; "Khalifa" alone is as much Khalifa Haftar
    assert builtin_resolver.resolve("Khalifa").entity is None
    titled = builtin_resolver.resolve("Sheikh Khalifa")
    assert titled.entity is not None
    assert titled.entity.id == "person:khalifa-bin-zayed"
    bare = builtin_resolver.resolve("Khalifa", top_k=5)
    by_id = {candidate.entity.id: candidate for candidate in bare.candidates}
    assert by_id["person:khalifa-bin-zayed"].explanation.missed == 1
    # an organisation's name keeps its title-like word: لواء (brigade) is part of the name
    brigade = builtin_resolver.resolve("زينبيون")
    assert brigade.entity is not None
    assert brigade.entity.id == "org:liwa-zainebiyoun"


def test_without_context_namesakes_tie_or_go_by_importance(builtin_resolver: er.Resolver) -> None:
    assert builtin_resolver.resolve("عمان").entity is None  # Oman or Amman: no context, no guess
    tripoli = builtin_resolver.resolve("Tripoli")
    assert tripoli.entity is not None
    assert tripoli.entity.id == "place:tripoli-libya"


def test_of_exact_namesakes_the_better_known_is_meant() -> None:
    """Namesakes spelt alike tie unless one is known and the others are little known."""
    records = [
        {"id": "leader", "type": "person", "name": "Mohamed Abdelaziz", "prior": 0.3},
        {"id": "footballer", "type": "person", "name": "Mohamed Abdelaziz", "prior": 0.2},
        {"id": "actor", "type": "person", "name": "Mohamed Abdel Aziz", "prior": 0.2},
        {"id": "oman", "type": "place", "name": "Oman", "aliases": ["عمان"], "prior": 0.9},
        {"id": "amman", "type": "place", "name": "Amman", "aliases": ["عمان"], "prior": 0.8},
        {"id": "ali-1", "type": "person", "name": "Ali Omari", "prior": 0.2},
        {"id": "ali-2", "type": "person", "name": "Ali al-Omari", "prior": 0.2},
    ]
    resolver = er.Resolver(er.Gazetteer.from_records(records))
    leader = resolver.resolve("Mohamed Abdelaziz")
    assert leader.entity is not None
    assert leader.entity.id == "leader"
    assert resolver.resolve("عمان").entity is None  # both well known: no guess
    assert resolver.resolve("Ali Omari").entity is None  # equally little known


def test_an_organisation_named_without_its_country_word_is_no_namesake(builtin_resolver: er.Resolver) -> None:
    # "Central Bank" matches Saudi Central Bank and Qatar Central Bank whole, their country words
    # left out; the better known of the two is not therefore the one meant
    resolution = builtin_resolver.resolve("Central Bank", context="On Monday the Katar Central Bank said")
    assert resolution.entity is None or resolution.entity.id != "org:saudi-central-bank"


def test_weak_context_does_not_overturn_a_clear_lead(builtin_resolver: er.Resolver) -> None:
    # "جورجيا" (Giorgia Meloni) reads like Georgia, the state of Rome, Georgia: Rome stays in Italy
    text = "التقى رئيس الوزراء الإيطالي جورجيا ميلوني في روما"
    resolution = builtin_resolver.resolve("روما", context=text)
    assert resolution.entity is not None
    assert resolution.entity.id == "gn:3169070"


@pytest.mark.parametrize(
    ("mention", "expected", "resembled"),
    [
        ("السويداء", "place:suwayda", "gn:2661886"),  # not Sweden, السويد
        ("منظمة السياحة العالمية", "org:unwto", "org:who"),  # tourism, not health
        ("Good Party", "org:iyi-party", "org:hezbollah"),  # not the Party of God
        ("Abdulaziz bin Salman", "person:abdulaziz-bin-salman", "person:salman-bin-abdulaziz"),  # not his father
        ("Prince Abdulaziz bin Salman", "person:abdulaziz-bin-salman", "person:salman-bin-abdulaziz"),
        ("سنار", "place:sennar", "person:yahya-sinwar"),
        ("بلقاسم حفتر", "person:belgasem-haftar", "person:khalifa-haftar"),
        ("Mocha", "place:mocha", "gn:524901"),  # the Yemeni port, not Moscow
    ],
)
def test_an_exact_attested_name_beats_a_better_known_lookalike(
    builtin_resolver: er.Resolver, mention: str, expected: str, resembled: str
) -> None:
    resolution = builtin_resolver.resolve(mention)
    scores = {c.entity.id: c.score for c in resolution.candidates}
    assert scores[resembled] > scores[expected]  # importance alone ranks the lookalike higher
    assert resolution.entity is not None
    assert resolution.entity.id == expected
    assert resolution.candidates[0].entity.id == expected
    assert resolution.score == resolution.candidates[0].score


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("International Energy Agency", "org:international-energy-agency"),  # IAEA close behind
        ("الخميني", "person:ruhollah-khomeini"),  # Khamenei (الخامنئي) close behind
        ("النصيرات", "place:nuseirat"),  # Nazareth (الناصرة) close behind
        ("Mutaib bin Abdullah", "person:mutaib-bin-abdullah"),  # Abdullah bin Mutaib, reordered
    ],
)
def test_an_exact_attested_name_needs_no_margin_over_lookalikes(
    builtin_resolver: er.Resolver, mention: str, expected: str
) -> None:
    resolution = builtin_resolver.resolve(mention)
    first, second = resolution.candidates[:2]
    assert first.entity.id == expected
    assert first.score - second.score < builtin_resolver.settings.margin
    assert resolution.entity is not None
    assert resolution.entity.id == expected


def test_exact_rivals_through_untagged_aliases_keep_the_margin(builtin_resolver: er.Resolver) -> None:
    # بلال is a given name: a little-known one-word Wikidata person and an Iranian village (untagged alias) tie
    resolution = builtin_resolver.resolve("بلال")
    assert resolution.entity is None
    assert [c.explanation.name_similarity for c in resolution.candidates[:2]] == [1.0, 1.0]


@pytest.mark.parametrize(
    ("mention", "expected", "rival"),
    [
        ("Homs", "place:homs", "place:khoms"),  # Khoms lists "Homs" among its untagged GeoNames names
        ("صور", "place:tyre", "gn:286245"),  # Sur, Oman
        ("IRNA", "org:irna", "gn:3168673"),  # Irna, an old name of Salerno
    ],
)
def test_a_known_entity_is_not_held_back_by_an_untagged_alias(
    builtin_resolver: er.Resolver, mention: str, expected: str, rival: str
) -> None:
    resolution = builtin_resolver.resolve(mention)
    first, second = resolution.candidates[:2]
    assert (first.entity.id, second.entity.id) == (expected, rival)
    assert first.score - second.score < builtin_resolver.settings.margin  # no margin ...
    assert second.explanation.name_similarity == 1.0  # ... over another exact match
    assert resolution.entity is not None
    assert resolution.entity.id == expected


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("قايد صالح", "person:ahmed-gaid-salah"),  # not commander (قائد) + Ali Abdullah Saleh
        ("الفريق قايد صالح", "person:ahmed-gaid-salah"),
        ("لواء جولاني", "org:golani-brigade"),  # not general (لواء) + al-Julani
    ],
)
def test_a_title_word_spelt_by_a_name_is_part_of_it(builtin_resolver: er.Resolver, mention: str, expected: str) -> None:
    resolution = builtin_resolver.resolve(mention)
    assert resolution.cues  # the word reads as a title ...
    assert resolution.entity is not None
    assert resolution.entity.id == expected  # ... yet the name that spells it wins


def test_a_garble_spelling_an_untagged_alias_is_no_exact_name(builtin_resolver: er.Resolver) -> None:
    # فازان (Fezzan garbled) is an untagged GeoNames alias of Agen, France: no evidence for Agen
    resolution = builtin_resolver.resolve("فازان")
    assert resolution.entity is None or resolution.entity.id != "gn:3038634"


@pytest.mark.parametrize(
    ("mention", "expected", "merged_source"),
    [
        ("يوسف القرضاوي", "person:yusuf-al-qaradawi", "anr:ff5db81acf50"),
        ("Khaled Mashal", "person:khaled-mashal", "anr:387806d699da"),
        ("John Garang", "person:john-garang", "anr:cad54030707e"),
        ("زلمي خليلزاد", "person:zalmay-khalilzad", "anr:a45f3bddbeb1"),
    ],
)
def test_a_curated_person_and_its_wikidata_row_are_one_entity(
    builtin_resolver: er.Resolver, mention: str, expected: str, merged_source: str
) -> None:
    # the romanizer files these persons under another country (Qaradawi: Egypt; curated: Qatar);
    # the curated record's same_as merges them, so the name no longer ties two copies of one man
    assert merged_source not in builtin_resolver.gazetteer
    assert merged_source in builtin_resolver.gazetteer[expected].extra["source_ids"]
    resolution = builtin_resolver.resolve(mention)
    assert resolution.entity is not None
    assert resolution.entity.id == expected


def test_a_main_name_beats_another_entitys_alias(builtin_resolver: er.Resolver) -> None:
    # GeoNames lists "Islamabad" among the old names of Chattogram, a larger city
    islamabad = builtin_resolver.resolve("Islamabad")
    assert islamabad.entity is not None
    assert islamabad.entity.name == "Islamabad"
    assert islamabad.candidates[0].explanation.matched_name == "Islamabad"
    # "Salisbury" is an old name of Harare and the main name of several towns of close importance
    salisbury = builtin_resolver.resolve("Salisbury")
    assert salisbury.entity is None or salisbury.entity.name == "Salisbury"


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("France 24", "org:france-24"),
        ("فرانس 24", "org:france-24"),
        ("فرانس ٢٤", "org:france-24"),
        ("France", "gn:3017382"),  # the country stays the country
        ("G20", "org:g20"),
        ("G 20", "org:g20"),
        ("G7", "org:g7"),
        ("N12", "org:channel-12-israel"),
        ("Channel 12", "org:channel-12-israel"),
        ("القناة 12", "org:channel-12-israel"),
        ("2M", "org:2m-tv"),
        ("El Al", "org:el-al"),
        ("AA", "org:anadolu-agency"),
    ],
)
def test_numbers_articles_and_acronyms_are_parts_of_names(
    builtin_resolver: er.Resolver, mention: str, expected: str
) -> None:
    _assert_links(builtin_resolver, mention, expected)


@pytest.mark.parametrize(
    "mention", ["France 12", "Channel 13", "G77", "24", "٢٠٢٤", "xxxx", "ططط", "FF", "ZZ", "BBB", "SS"]
)
def test_another_number_is_another_name(builtin_resolver: er.Resolver, mention: str) -> None:
    # nor is a number or an acronym of one letter repeated a tiny garble of a short name (FF of VAE)
    assert builtin_resolver.resolve(mention).entity is None


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Washington", "place:washington-dc"),
        ("واشنطن", "place:washington-dc"),
        ("Washington D.C.", "place:washington-dc"),
        ("واشنطن العاصمة", "place:washington-dc"),
        ("Persia", "place:iran"),
        ("بلاد فارس", "place:iran"),
        ("Persien", "place:iran"),
        ("Tedros Adhanom Ghebreyesus", "person:tedros-adhanom-ghebreyesus"),
        ("تيدروس أدهانوم غيبريسوس", "person:tedros-adhanom-ghebreyesus"),
        ("Shehbaz Sharif", "person:shehbaz-sharif"),
        ("شهباز شريف", "person:shehbaz-sharif"),
        ("HE Muhammad Shehbaz Sharif", "person:shehbaz-sharif"),
        ("الصليب الأحمر", "org:icrc"),
        ("Bakhmut", "place:bakhmut"),
        ("مخيم شاتيلا", "place:shatila-camp"),
        ("بيت لحم", "place:bethlehem"),
        ("الزاوية", "place:zawiya"),
        ("Ansarullah", "org:houthis"),
        ("أحمد الطيبي", "person:ahmad-tibi"),
        ("إبراهيم جابر", "person:ibrahim-jaber"),
    ],
)
def test_names_the_news_uses_resolve_in_the_builtin_gazetteer(
    builtin_resolver: er.Resolver, mention: str, expected: str
) -> None:
    resolution = builtin_resolver.resolve(mention)
    assert resolution.entity is not None
    assert resolution.entity.id == expected


def test_bare_fars_is_not_iran(builtin_resolver: er.Resolver) -> None:
    # فارس is also Fars province, Fars News and the given name Fares: it is no alias of Iran
    iran = builtin_resolver.gazetteer.get("place:iran")
    assert iran is not None
    assert "فارس" not in iran.names
    fars = builtin_resolver.resolve("فارس").entity
    assert fars is None or fars.id != "place:iran"


def test_shehbaz_sharif_is_not_his_son_hamza(builtin_resolver: er.Resolver) -> None:
    son = builtin_resolver.resolve("Hamza Shahbaz Sharif")
    assert son.candidates[0].entity.id != "person:shehbaz-sharif"
    father = builtin_resolver.resolve("Shehbaz Sharif", context="Pakistan's prime minister met the army chief")
    assert father.entity is not None
    assert father.entity.id == "person:shehbaz-sharif"


def test_entity_skeletons_read_off_the_index_equal_the_normalised_names(builtin_resolver: er.Resolver) -> None:
    """The resolver's context skeletons of an entity (its indexed names' tokens) are ``entity_skeletons``,
    also for names made of titles only, which the index reads as names and ``normalize_name`` does not."""
    titled = er.Gazetteer.from_records(
        [
            {"id": "p", "type": "person", "name": "Sultan", "aliases": ["السلطان", "Marechal"], "description": "poet"},
            {"id": "q", "type": "place", "name": "Sheikh Zuweid", "aliases": ["الشيخ زويد", "Samaha"]},
            {"id": "r", "type": "person", "name": "Khalifa Haftar", "aliases": ["خليفة حفتر", "المشير حفتر"]},
        ]
    )
    resolver = er.Resolver(titled)
    for position, entity in enumerate(titled):
        assert resolver._entity_skeletons(position) == entity_skeletons(entity), entity.id
    gazetteer = builtin_resolver.gazetteer
    for position in range(0, len(gazetteer), 97):
        entity = gazetteer.entity_at(position)
        assert builtin_resolver._entity_skeletons(position) == entity_skeletons(entity), entity.id


@pytest.mark.parametrize("mention", ["القزافي", "قزافي", "العقيد القزافي"])
def test_a_z_written_for_dhal_finds_the_name(builtin_resolver: er.Resolver, mention: str) -> None:
    # ز for ذ, the Egyptian and Levantine sibilant (Qazafi): القذافي is posted under its own
    # spelling only, so the index must look the ذ up for the scorer to see the name at all
    resolution = builtin_resolver.resolve(mention)
    assert resolution.entity is not None
    assert resolution.entity.id == "person:muammar-gaddafi"


def test_a_garble_beats_a_proclitic_before_another_garble(builtin_resolver: er.Resolver) -> None:
    # بنقازي is Benghazi with ق for غ, not ب ("in") + نقازي, a garble of Ngozi (نقوزي):
    # taking a clitic off and reading a garble are two guesses
    resolution = builtin_resolver.resolve("بنقازي")
    assert resolution.entity is not None
    assert resolution.entity.id == "place:benghazi"


@pytest.mark.parametrize("mention", ["طبرك", "Lepany"])
def test_a_loose_resemblance_to_a_famous_name_is_no_link(builtin_resolver: er.Resolver, mention: str) -> None:
    # طبرك (a garble of Tobruk) resembles تركيا only loosely (0.76): Turkey's importance
    # alone must not make it a mention of Turkey; nor "Lepany" (of Lipany) one of Lebanon (Liban)
    resolution = builtin_resolver.resolve(mention)
    assert resolution.entity is None or resolution.entity.id not in {"place:turkey", "place:lebanon"}


def test_a_role_before_a_whole_garbled_name_is_relieved_like_the_name(builtin_resolver: er.Resolver) -> None:
    # "SDF commander Mazloum Abdi", مزلوم for مظلوم: every word of the name aligned, a role before
    # it, far ahead of any other entity; it used to fall just short of the threshold
    resolution = builtin_resolver.resolve("قائد قسد مزلوم عبدي")
    assert resolution.entity is not None
    assert resolution.entity.id == "person:mazloum-abdi"


def test_name_tokens_read_off_the_index_are_those_of_normalising_the_name(builtin_resolver: er.Resolver) -> None:
    # candidates leave their matched name's indexed tokens for ``_reordered``: they must be
    # exactly what normalising the name gives (garbles, namesakes, titles, both scripts)
    from entity_resolve import resolver as resolver_module
    from entity_resolve.normalize import normalize_as_name

    resolver_module._name_tokens_seen.clear()
    for mention in ["الجنرال هوثر", "Khalifa Haftar", "طرابلس", "Sheikh Zayed", "عبد العزيز بن سلمان", "Amman"]:
        builtin_resolver.resolve(mention, top_k=10)
    seen = dict(resolver_module._name_tokens_seen)
    assert len(seen) >= 20
    assert {name: normalize_as_name(name).tokens for name in seen} == seen


def test_a_transliteration_far_ahead_is_accepted_below_the_threshold() -> None:
    # a transliteration never scores as high as the same spelling: أندوخار ~ Andujar scores 0.785,
    # under the threshold (0.81), and leads the next entity by 0.5; a weaker one (0.70) still abstains
    gazetteer = er.Gazetteer.from_records(
        [
            {"id": "andujar", "type": "person", "name": "Andujar"},
            {"id": "andrea", "type": "person", "name": "Andrea"},
            {"id": "oxenstierna", "type": "person", "name": "Oxenstierna"},
        ]
    )
    resolver = er.Resolver(gazetteer)
    found = resolver.resolve("أندوخار")
    assert found.entity is not None
    assert found.entity.id == "andujar"
    assert found.score < resolver.settings.threshold
    assert resolver.resolve("أكسنسترنا").entity is None


def test_a_transliteration_ahead_by_a_tenth_or_from_075_by_015_is_accepted() -> None:
    # pairs of the tuning slice of google/transliteration train (kept out of training, never dev):
    # جوبلن ~ Joplin scores 0.81 under the threshold, 0.13 ahead of Dublin; بيورلين ~ Bjorlin
    # scores 0.775, far ahead of any other name
    latin = er.Resolver(
        er.Gazetteer.from_records(
            [
                {"id": "joplin", "type": "person", "name": "Joplin"},
                {"id": "dublin", "type": "person", "name": "Dublin"},
            ]
        )
    )
    found = latin.resolve("جوبلن")
    assert found.entity is not None
    assert found.entity.id == "joplin"
    assert found.score < latin.settings.threshold
    assert found.score - found.candidates[1].score < 0.15
    arabic = er.Resolver(
        er.Gazetteer.from_records(
            [
                {"id": "bjorlin", "type": "person", "name": "بيورلين"},
                {"id": "garland", "type": "person", "name": "غارلند"},
            ]
        )
    )
    found = arabic.resolve("Bjorlin")
    assert found.entity is not None
    assert found.entity.id == "bjorlin"
    assert found.score < 0.78


@pytest.mark.parametrize(
    ("mention", "expected_id"),
    [
        ("ابدلهكيم بلهج", "person:abdelhakim-belhadj"),
        ("ابدولتيف ال زاياني", "person:abdullatif-al-zayani"),
        ("ابدلاه بن ابدولازيز ال ساود", "person:abdullah-bin-abdulaziz"),
    ],
)
def test_abd_spelt_letter_by_letter_resolves(builtin_resolver: er.Resolver, mention: str, expected_id: str) -> None:
    """A Latin Abdel-/Abdul- name read back into Arabic letter by letter (ابدل...) is عبد ال..."""
    result = builtin_resolver.resolve(mention)
    assert result.entity is not None, result.candidates[:2]
    assert result.entity.id == expected_id


@pytest.mark.parametrize(
    ("mention", "expected_id"),
    [
        ("Binladen", "person:osama-bin-laden"),
        ("أسامة بنلادن", "person:osama-bin-laden"),
        ("Ban Kimoon", "person:ban-ki-moon"),
        ("بان كيمون", "person:ban-ki-moon"),
        ("Abudhabi", "place:abu-dhabi"),
        ("زين العابدين بنعلي", "person:zine-el-abidine-ben-ali"),
        ("خانيونس", "place:khan-younis"),
        ("Khanyounis", "place:khan-younis"),
    ],
)
def test_a_name_written_apart_is_found_written_together(
    builtin_resolver: er.Resolver, mention: str, expected_id: str
) -> None:
    """Surname particles, compounds and short syllables are also written as one word."""
    result = builtin_resolver.resolve(mention)
    assert result.entity is not None, result.candidates[:2]
    assert result.entity.id == expected_id


@pytest.mark.parametrize(
    ("mention", "expected_id"),
    [
        ("تشاليفا هافتار", "person:khalifa-haftar"),  # German Chalifa Haftar read back letter by letter
        ("لاتشدر برهمي", "person:lakhdar-brahimi"),  # Lachdar Brahimi
        ("تشايرات الشتر", "person:khairat-el-shater"),  # Chairat el-Schater
    ],
)
def test_a_latin_ch_read_back_into_arabic_is_kha_or_shin(
    builtin_resolver: er.Resolver, mention: str, expected_id: str
) -> None:
    result = builtin_resolver.resolve(mention)
    assert result.entity is not None, result.candidates[:2]
    assert result.entity.id == expected_id


def test_a_word_of_another_country_is_no_garble_of_the_country_in_a_name() -> None:
    # the Turkish ministry of defence is not the American one, though every other word is spelt alike
    gazetteer = er.Gazetteer.from_records(
        [
            {
                "id": "tr",
                "type": "place",
                "name": "Turkey",
                "aliases": ["تركيا"],
                "country": "TR",
                "description": "country",
            },
            {
                "id": "us",
                "type": "place",
                "name": "United States",
                "aliases": ["أمريكا", "America"],
                "country": "US",
                "description": "country",
            },
            {
                "id": "dod",
                "type": "organization",
                "name": "United States Department of Defense",
                "aliases": ["وزارة الدفاع الأمريكية", "American Ministry of Defence"],
                "country": "US",
            },
        ]
    )
    resolver = er.Resolver(gazetteer)
    assert resolver.resolve("وزارة الدفاع الأمريكية").entity.id == "dod"
    assert resolver.resolve("وزارة الدفاع الأميركية").entity.id == "dod"  # another spelling of one adjective
    turkish = resolver.resolve("وزارة الدفاع التركية")
    assert turkish.entity is None
    assert turkish.candidates[0].explanation.penalties == (("other country", 0.8),)  # the reason, shown
    assert resolver.resolve("وزارة الدفاع الأمريكية").candidates[0].explanation.penalties == ()
    assert resolver.resolve("Turkish Ministry of Defence").entity is None
    assert resolver.resolve("وزارة الدفاع الامركية").entity.id == "dod"  # a garbled adjective names no country


def test_a_garbled_word_of_another_country_is_no_garble_of_the_country_in_a_name() -> None:
    # the Kuwaiti ministry (الكويتية, a letter lost) is not the Libyan one; a garbled Libyan still is
    gazetteer = er.Gazetteer.from_records(
        [
            {
                "id": "ly",
                "type": "place",
                "name": "Libya",
                "aliases": ["ليبيا"],
                "country": "LY",
                "description": "country",
            },
            {
                "id": "kw",
                "type": "place",
                "name": "Kuwait",
                "aliases": ["الكويت"],
                "country": "KW",
                "description": "country",
            },
            {
                "id": "moi",
                "type": "organization",
                "name": "Ministry of Interior of Libya",
                "aliases": ["وزارة الداخلية الليبية"],
                "country": "LY",
            },
        ]
    )
    resolver = er.Resolver(gazetteer)
    assert resolver.resolve("وزارة الداخلية الليبية").entity.id == "moi"
    assert resolver.resolve("وزارة الداخلية الليية").entity.id == "moi"  # Libyan, garbled
    assert resolver.resolve("وزارة الداخلية الكويية").entity is None  # Kuwaiti, garbled
    assert resolver.resolve("Ministry of Interior of Lybia").entity.id == "moi"
    assert resolver.resolve("Ministry of Interior of Kowait").entity is None


#: A user's own gazetteer without a single country: a register of institutions and persons.
NO_COUNTRY_RECORDS = [
    {
        "id": "mod-sy",
        "type": "organization",
        "name": "Ministry of Defense (Syria)",
        "aliases": ["وزارة الدفاع السورية", "Syrian Ministry of Defense"],
        "country": "SY",
    },
    {
        "id": "hor-ly",
        "type": "organization",
        "name": "House of Representatives of Libya",
        "aliases": ["مجلس النواب الليبي"],
        "country": "LY",
    },
    {"id": "haftar", "type": "person", "name": "Khalifa Haftar", "aliases": ["خليفة حفتر"], "country": "LY"},
]


@pytest.mark.parametrize(
    "mention",
    ["وزارة الدفاع المصرية", "Egyptian Ministry of Defense", "وزارة الدفاع الإسرائيلية", "وزارة الدفاع الكويية"],
)
def test_another_countrys_institution_is_not_linked_though_the_gazetteer_holds_no_country(mention: str) -> None:
    # the countries' names come with the library (data/gazetteer/countries.tsv), not from the user's gazetteer
    result = er.Resolver(er.Gazetteer.from_records(NO_COUNTRY_RECORDS)).resolve(mention)
    assert result.entity is None, result.candidates[:1]
    assert result.candidates[0].explanation.penalties == (("other country", 0.8),)


def test_a_gazetteer_without_countries_still_reads_them() -> None:
    resolver = er.Resolver(er.Gazetteer.from_records(NO_COUNTRY_RECORDS))
    assert resolver.resolve("وزارة الدفاع السورية").entity.id == "mod-sy"
    assert resolver.resolve("Syrian Ministry of Defence").entity.id == "mod-sy"
    # a Libyan report leaves out Libya: the built-in names of Libya tell which words are the country's
    in_libya = resolver.resolve("مجلس النواب", context="عقد مجلس النواب في ليبيا جلسة")
    assert in_libya.entity.id == "hor-ly"
    assert in_libya.score > resolver.resolve("مجلس النواب").score
    # and a document naming the country supports a garbled name of its people
    garbled = resolver.resolve("هوثر", context="قال المشير في ليبيا")
    assert garbled.candidates[0].entity.id == "haftar"
    assert garbled.candidates[0].explanation.context_support > 0.0


def test_the_builtin_country_table_is_the_builtin_gazetteers_countries(builtin_resolver: er.Resolver) -> None:
    from entity_resolve.context import builtin_countries, is_country

    builtin_gazetteer = builtin_resolver.gazetteer
    table = {country.country: set(country.names) for country in builtin_countries()}
    in_gazetteer = {entity.country: set(entity.names) for entity in builtin_gazetteer if is_country(entity)}
    assert table == in_gazetteer
    assert len(table) >= 250  # every country of GeoNames, with the curated ones merged into theirs
    assert {"PS", "AE", "KM", "EH", "LY", "SY"} <= set(table)
    assert all(country.source for country in builtin_countries())  # every row credits its source


_COUNTRY_SPELLINGS = [
    "الليبية",
    "ليبيا",
    "السورية",
    "العراقي",
    "تونس",
    "libyan",
    "syria",
    "tunisian",
    "iraqi",
    "morocco",
]


@st.composite
def _edited_spellings(draw: st.DrawFn) -> str:
    """A country's spelling with one to three letters replaced, inserted or dropped: the near misses."""
    word = list(draw(st.sampled_from(_COUNTRY_SPELLINGS)))
    letters = "اأبتثجحخدذرسشصضطظعغفقكلمنهويةى" if "\u0600" <= word[0] <= "\u06ff" else "abcdefghiklmnorstuyz"
    for _ in range(draw(st.integers(1, 3))):
        position = draw(st.integers(0, max(0, len(word) - 1)))
        edit = draw(st.sampled_from(["replace", "insert", "drop"]))
        if edit == "drop" and len(word) > 1:
            del word[position]
        elif edit == "insert":
            word.insert(position, draw(st.sampled_from(letters)))
        else:
            word[position] = draw(st.sampled_from(letters))
    return "".join(word)


@settings(max_examples=400, deadline=None)
@given(
    word=st.text(alphabet="اأبتثجحخدذرسشصضطظعغفقكلمنهويةى", min_size=1, max_size=12)
    | st.text(alphabet="abcdefghiklmnorstuyzé", min_size=1, max_size=12)
    | _edited_spellings(),
    floor=st.sampled_from([0.5, 0.6, 0.75, 0.9]),
)
def test_a_floor_on_country_likeness_changes_no_likeness_at_or_above_it(
    builtin_resolver: er.Resolver, word: str, floor: float
) -> None:
    """``CountrySpellings.nearest`` with a floor searches only the spellings whose lengths and letters
    can reach it: the answer is the unbounded one whenever that is at least the floor, and none otherwise."""
    spellings = builtin_resolver._spellings
    unbounded = spellings.nearest(word)
    bounded = spellings.nearest(word, floor=floor)
    assert bounded == (unbounded if unbounded[1] >= floor else (frozenset(), 0.0))


@settings(max_examples=300, deadline=None)
@given(
    word=st.text(alphabet="abcdeخليفة", max_size=9),
    spellings=st.lists(st.text(alphabet="abcdeخليفةx", min_size=1, max_size=9), min_size=1, max_size=12),
    share=st.sampled_from([0.1, 0.25, 0.4, 0.5]),
)
def test_letter_counts_never_leave_out_a_spelling_few_edits_away(word: str, spellings: list[str], share: float) -> None:
    """The bound that ``CountrySpellings`` searches within: any spelling at most ``share`` of the longer
    length away in Levenshtein edits is kept (it may keep others)."""
    from rapidfuzz.distance import Levenshtein

    from entity_resolve.context import _LetterCounts

    spellings = sorted(spellings, key=len)
    kept = set(_LetterCounts(spellings).within(word, share).tolist())
    for position, spelling in enumerate(spellings):
        if Levenshtein.distance(word, spelling) <= share * max(len(word), len(spelling)):
            assert position in kept, spelling


def test_garbled_country_adjectives_still_name_their_country(builtin_resolver: er.Resolver) -> None:
    spellings = builtin_resolver._spellings
    for garble, country in [("الليبيه", "LY"), ("التركيا", "TR"), ("libyen", "LY"), ("syrain", "SY")]:
        countries, likeness = spellings.nearest(garble, floor=0.6)
        assert country in countries, garble
        assert likeness >= 0.6, garble


#: Five ministries and five armies make "وزارة", "ministry" and "army" organisation words; a place
#: and a person that such mentions contain.
ORGANIZATION_WORD_RECORDS = [
    *(
        {"id": f"mo-{n}", "type": "organization", "name": f"Ministry of {english}", "aliases": [f"وزارة {arabic}"]}
        for n, (english, arabic) in enumerate(
            [
                ("Interior", "الداخلية"),
                ("Defence", "الدفاع"),
                ("Finance", "المالية"),
                ("Justice", "العدل"),
                ("Foreign Affairs", "الخارجية"),
            ]
        )
    ),
    *(
        {"id": f"army-{n}", "type": "organization", "name": f"{country} Army"}
        for n, country in enumerate(["Syrian Arab", "Libyan National", "Lebanese", "Jordanian", "Sudanese"])
    ),
    {"id": "gaza", "type": "place", "name": "Gaza Strip", "aliases": ["قطاع غزة"], "country": "PS"},
    {
        "id": "iran",
        "type": "place",
        "name": "Iran",
        "aliases": ["Islamic Republic of Iran", "إيران"],
        "country": "IR",
        "description": "country",
    },
    {"id": "haftar", "type": "person", "name": "Khalifa Haftar", "aliases": ["خليفة حفتر"], "country": "LY"},
]


@pytest.mark.parametrize(
    "mention", ["وزارة الصحة في قطاع غزة", "Islamic Republic of Iran Army", "Gaza Strip Army", "وزارة حفتر"]
)
def test_a_mention_headed_by_an_organisation_word_is_no_place_or_person(mention: str) -> None:
    # the ministry of health in Gaza is not the Gaza Strip, Iran's army not Iran
    result = er.Resolver(er.Gazetteer.from_records(ORGANIZATION_WORD_RECORDS)).resolve(mention)
    assert result.entity is None, result.candidates[:1]
    contained = next(candidate for candidate in result.candidates if candidate.entity.type != "organization")
    assert ("organisation word", 0.8) in contained.explanation.penalties


def test_organisation_words_leave_places_persons_and_roles_alone() -> None:
    resolver = er.Resolver(er.Gazetteer.from_records(ORGANIZATION_WORD_RECORDS))
    assert resolver.index.organization_words >= {"وزاره", "ministry", "army"}
    assert not resolver.index.organization_words & {"of", "syrian", "libyan", "gaza"}  # particles, countries
    assert resolver.resolve("قطاع غزة").entity.id == "gaza"
    assert resolver.resolve("Islamic Republic of Iran").entity.id == "iran"
    assert resolver.resolve("Iran").candidates[0].explanation.penalties == ()
    assert resolver.resolve("وزارة الدفاع").entity.id == "mo-1"
    # after a title the words are a role: the minister, not his ministry
    assert resolver.resolve("المشير خليفة حفتر").entity.id == "haftar"
    # a gazetteer of fewer organisations has no organisation words
    assert not er.Resolver(er.Gazetteer.from_records(ORGANIZATION_WORD_RECORDS[:4])).index.organization_words


#: Fifty persons named Ahmad ... and Jordan ..., a little-known place with the GeoNames alias
#: "Ahmad", and a country named Jordan.
GIVEN_NAME_RECORDS = [
    *(
        {"id": f"{given}-{n}", "type": "person", "name": f"{given} {surname}"}
        for given in ("Ahmad", "Jordan")
        for n, surname in enumerate(f"Surname{chr(97 + n // 26)}{chr(97 + n % 26)}" for n in range(50))
    ),
    {
        "id": "ahmadi",
        "type": "place",
        "name": "Al Ahmadi",
        "aliases": ["Ahmad", "الأحمدي"],
        "country": "KW",
        "prior": 0.72,
    },
    {
        "id": "jordan",
        "type": "place",
        "name": "Jordan",
        "aliases": ["الأردن"],
        "country": "JO",
        "prior": 0.95,
        "description": "country",
    },
]


def test_a_bare_given_name_is_no_little_known_place() -> None:
    # "Ahmad" alone is one of the persons so named, not Al Ahmadi in Kuwait (a GeoNames alias)
    resolver = er.Resolver(er.Gazetteer.from_records(GIVEN_NAME_RECORDS))
    assert resolver.index.given_names >= {"ahmad", "jordan"}
    assert resolver.resolve("Ahmad").entity is None
    as_place = resolver.resolve("Ahmad", types="place")
    assert as_place.entity is None
    assert as_place.candidates[0].entity.id == "ahmadi"
    assert as_place.candidates[0].explanation.penalties == (("given name", 0.8),)
    assert resolver.resolve("Al Ahmadi").entity.id == "ahmadi"
    assert resolver.resolve("Al-Ahmad").entity.id == "ahmadi"  # with an article, no given name
    assert resolver.resolve("Jordan").entity.id == "jordan"  # a well-known place keeps its name
    assert resolver.resolve("الأحمدي").entity.id == "ahmadi"
    # a gazetteer of few persons has no given names
    assert not er.Resolver(er.Gazetteer.from_records(GIVEN_NAME_RECORDS[-2:])).index.given_names


def test_a_word_unlike_its_pair_gets_no_relief_below_the_threshold() -> None:
    # every word aligns, but the Democratic Front is not the Popular Front (الشعبية)
    gazetteer = er.Gazetteer.from_records(
        [
            {
                "id": "pflp",
                "type": "organization",
                "name": "Popular Front for the Liberation of Palestine",
                "aliases": ["الجبهة الشعبية لتحرير فلسطين"],
            }
        ]
    )
    resolver = er.Resolver(gazetteer)
    assert resolver.resolve("الجبهة الشعبية لتحرير فلسطين").entity.id == "pflp"
    assert resolver.resolve("الجبهة الشعبيه لتحرير فلسطن").entity.id == "pflp"  # garbled
    democratic = resolver.resolve("الجبهة الديمقراطية لتحرير فلسطين")
    assert democratic.entity is None
    assert democratic.candidates[0].entity.id == "pflp"  # still the best candidate, for a reader to weigh


def test_a_loose_surname_is_no_link_to_a_little_known_namesake_by_the_given_name() -> None:
    gazetteer = er.Gazetteer.from_records(
        [
            {"id": "fg", "type": "person", "name": "Farid El Guindi", "aliases": ["فريد الجندي"], "prior": 0.2},
            {"id": "sg", "type": "person", "name": "Samir Geagea", "aliases": ["سمير جعجع"], "prior": 0.45},
        ]
    )
    resolver = er.Resolver(gazetteer)
    assert resolver.resolve("فريد الجندى").entity.id == "fg"  # the surname spelt alike
    assert resolver.resolve("فريد الاجي").entity is None  # another surname, by all the mention shows
    assert resolver.resolve("سمير ججع").entity.id == "sg"  # a better-known person keeps a garbled surname


def test_resolve_reads_only_the_entities_it_returns(tmp_path: Path) -> None:
    # a lazy gazetteer parses an entity when it is first read; scoring a shortlisted name reads what
    # it needs off the index, so a mention reads the entities of its candidates only (no title cue)
    import json

    from entity_resolve.gazetteer import _lazy_gazetteer

    records = [
        {"id": f"p{n}", "type": "person", "name": f"{given} Haftar", "country": "LY", "prior": 0.3 + n / 100}
        for n, given in enumerate(["Khalifa", "Saddam", "Khaled", "Belgassem", "Siddiq", "Aouad", "Ahmed"])
    ] + [{"id": "pl", "type": "place", "name": "Hafr al-Batin", "aliases": ["حفر الباطن"]}]
    data = "\n".join(json.dumps(record) for record in records).encode()
    gazetteer = _lazy_gazetteer(data, tmp_path / "lazy.jsonl", "lazy")
    resolver = er.Resolver(gazetteer)
    lazy = gazetteer._entities
    lazy._cache.clear()  # the index build read them all: forget them
    found = resolver.resolve("Haftar", top_k=5)
    read = set(lazy._cache)
    assert len(found.candidates) == 5  # seven persons shortlisted, five returned
    assert read == {gazetteer.position_of(candidate.entity.id) for candidate in found.candidates}


def test_another_given_name_is_no_spelling_of_it(builtin_resolver: er.Resolver) -> None:
    # Husain is a spelling of حسين (Hussein al-Sheikh); Hasan is حسن, another name that metaphone
    # codes alike (HSN): with Hassan Sheikh Mohamud as close, that mention is left unlinked
    assert builtin_resolver.resolve("Husain al-Sheikh").entity.id == "person:hussein-al-sheikh"
    hasan = builtin_resolver.resolve("Hasan al-Sheikh")
    assert hasan.entity is None or hasan.entity.id != "person:hussein-al-sheikh"


def test_an_organisation_of_another_country_named_in_the_mention_is_penalised() -> None:
    # "Syrian" paired with "الشعبي" (People's): the Syrian National Army is no garble of Algeria's army
    gazetteer = er.Gazetteer.from_records(
        [
            {
                "id": "dz",
                "type": "organization",
                "name": "People's National Army (Algeria)",
                "aliases": ["الجيش الوطني الشعبي"],
                "country": "DZ",
                "prior": 0.45,
            },
            {
                "id": "bank",
                "type": "organization",
                "name": "Central Bank of Libya",
                "aliases": ["مصرف ليبيا المركزي"],
                "country": "LY",
            },
        ]
    )
    resolver = er.Resolver(gazetteer)
    syrian = resolver.resolve("الجيش الوطني السوري")
    assert syrian.entity is None
    assert ("other country", 0.8) in syrian.candidates[0].explanation.penalties
    assert resolver.resolve("الجيش الوطني الشعبي").entity.id == "dz"
    # a name word garbled into a country's spelling (مصرف -> مصر, Egypt) is no other country
    assert resolver.resolve("مصر ليبيا المركزي").candidates[0].explanation.penalties == ()


def test_an_international_organisation_is_no_national_one_named_in_the_mention() -> None:
    # "التركي" (Turkish) paired with "الأوروبي" (European): Turkey's central bank is not the ECB
    gazetteer = er.Gazetteer.from_records(
        [{"id": "ecb", "type": "organization", "name": "European Central Bank", "aliases": ["البنك المركزي الأوروبي"]}]
    )
    resolver = er.Resolver(gazetteer)
    turkish = resolver.resolve("البنك المركزي التركي")
    assert turkish.entity is None
    assert ("other country", 0.8) in turkish.candidates[0].explanation.penalties
    assert resolver.resolve("البنك المركزي الاوروبي").entity.id == "ecb"
