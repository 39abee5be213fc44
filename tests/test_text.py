"""resolve_text: spotting and resolving the names of a running text."""

from __future__ import annotations

import dataclasses
import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import entity_resolve as er
from entity_resolve.index import MAX_POSTINGS_PER_KEY
from entity_resolve.resolver import _PreparedMention
from entity_resolve.text import (
    MAX_SPAN_TOKENS,
    MAX_TEXT_CHARS,
    MIN_ALIGNED_SIMILARITY,
    PROBE_TOP_K,
    _begins_sentence,
    _Spotter,
    _structure_ok,
)

ARABIC_PARAGRAPH = (
    "طرابلس (رويترز) - قال المتحدث باسم الجيش إن قوات المشير خليفة حفتر سيطرت على مدينة بنغازي "
    "بعد معارك عنيفة في شرق البلاد. وأضاف أن رئيس حكومة الوفاق الوطني فايز السراج دعا مجلس الأمن "
    "الدولي إلى عقد جلسة طارئة. وفي مصراتة، قال مسؤولون إن الجنرال هوثر رفض الدعوة إلى وقف إطلاق النار."
)

LATIN_PARAGRAPH = (
    "Forces loyal to eastern commander Khalifa Haftar took control of Benghazi on Tuesday, a spokesman "
    "said. Prime Minister Fayez al-Sarraj of the Government of National Accord asked the UN Security "
    "Council for an emergency session. In Misrata, officials said General Hafter had rejected a ceasefire, "
    "while President Abdel Fattah el-Sisi met Bashar al-Assad."
)


def linked(text: str, resolver: er.Resolver) -> dict[str, str]:
    """What ``resolve_text`` links in ``text``: span text -> entity id."""
    return {m.text: m.entity.id for m in er.resolve_text(text, resolver=resolver) if m.entity}


def found(mentions: list[er.Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.entity.id if m.entity else "-") for m in mentions]


def read_checked(text: str, resolver: er.Resolver) -> list[er.Mention]:
    """``resolve_text`` of ``text``, its mentions checked against ``check_invariants``."""
    mentions = er.resolve_text(text, resolver=resolver)
    check_invariants(text, mentions)
    return mentions


def check_invariants(text: str, mentions: list[er.Mention]) -> None:
    previous_end = 0
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.start >= previous_end, "mentions overlap or are out of order"
        assert mention.entity is not None
        assert 0.0 < mention.score <= 1.0
        previous_end = mention.end


def test_arabic_paragraph_about_haftar(small_resolver: er.Resolver) -> None:
    mentions = er.resolve_text(ARABIC_PARAGRAPH, resolver=small_resolver)
    check_invariants(ARABIC_PARAGRAPH, mentions)
    assert found(mentions) == [
        ("طرابلس", "place:tripoli-libya"),
        ("المشير خليفة حفتر", "person:khalifa-haftar"),
        ("بنغازي", "place:benghazi"),
        ("حكومة الوفاق الوطني", "org:government-of-national-accord"),
        ("فايز السراج", "person:fayez-al-sarraj"),
        ("مجلس الأمن الدولي", "org:un-security-council"),
        ("مصراتة", "place:misrata"),
        ("الجنرال هوثر", "person:khalifa-haftar"),
    ]
    garble = mentions[-1]
    assert garble.cues == ("general",)
    assert garble.candidates[0].entity.id == "person:khalifa-haftar"


def test_longest_confident_match_wins(small_resolver: er.Resolver) -> None:
    text = "التقى خليفة حفتر أمس"
    assert found(er.resolve_text(text, resolver=small_resolver)) == [("خليفة حفتر", "person:khalifa-haftar")]


def test_latin_paragraph(small_resolver: er.Resolver) -> None:
    mentions = er.resolve_text(LATIN_PARAGRAPH, resolver=small_resolver)
    check_invariants(LATIN_PARAGRAPH, mentions)
    assert found(mentions) == [
        ("commander Khalifa Haftar", "person:khalifa-haftar"),
        ("Benghazi", "place:benghazi"),
        ("Prime Minister Fayez al-Sarraj", "person:fayez-al-sarraj"),
        ("Government of National Accord", "org:government-of-national-accord"),
        ("UN Security Council", "org:un-security-council"),
        ("Misrata", "place:misrata"),
        ("General Hafter", "person:khalifa-haftar"),
        ("President Abdel Fattah el-Sisi", "person:abdel-fattah-el-sisi"),
        ("Bashar al-Assad", "person:bashar-al-assad"),
    ]


def test_garble_after_title_links_to_the_person_named_earlier(small_gazetteer: er.Gazetteer) -> None:
    text = "Khalifa Haftar spoke in Benghazi. Later, Gen. Hifta said the army would stay."
    mentions = er.resolve_text(text, gazetteer=small_gazetteer)
    assert ("Gen. Hifta", "person:khalifa-haftar") in found(mentions)


def test_common_words_and_short_tokens_are_not_mentions(small_resolver: er.Resolver) -> None:
    # في resembles nothing useful; "of", "in" and 2-letter tokens are never spans on their own
    assert er.resolve_text("في من إلى of in the on at Al El", resolver=small_resolver) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the committee presented a working paper ..., and the government spent a big sum in favour of
        # those harmed in Iraq and in Libya": ورقة (paper) is no و + Raqqa, كبيرا (big) no ك + Beira,
        # لصالح (in favour of) no ل + Saleh
        (
            "وقدمت اللجنة ورقة عمل تدعو إلى دعم المزارعين، "
            "وأنفقت الحكومة مبلغا كبيرا لصالح المتضررين في العراق وفي ليبيا",
            {"العراق": "place:iraq", "ليبيا": "place:libya"},
        ),
        ("وقال فيمن حضر الاجتماع إن الوضع صعب", {}),  # "among whom": no ف + Yemen
        ("وسافر للحج هذا العام", {}),  # "for the Hajj": no Lahij
        (
            "وصل الوفد والعراق بالرياض لتركيا",
            {"والعراق": "place:iraq", "بالرياض": "place:riyadh", "لتركيا": "place:turkey"},
        ),
    ],
)
def test_everyday_words_that_begin_like_a_proclitic_are_no_names(
    builtin_resolver: er.Resolver, text: str, expected: dict[str, str]
) -> None:
    assert linked(text, builtin_resolver) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "he said the revolution has gone on for months, and that one day the solution will come":
        # الثورة is no Tabqa (a name of it), أشهر (months) no Alaşehir, يوما (one day) no Yuma
        ("وقال إن الثورة مستمرة منذ أشهر، وإن يوما ما سيأتي الحل", {}),
        ("ونشرت الصفحة صور الضحايا", {}),  # "pictures of the victims", not Tyre
        # a word of place before the everyday word, or a place known well enough: linked
        ("وقصفت الطائرات مدينة دوما وبلدات في صور", {"دوما": "place:douma", "صور": "place:tyre"}),
        ("وأكدت باريس أن المحادثات ستستمر", {"باريس": "gn:2988507"}),
        # an everyday word that the text has named a person by keeps its link to that person: جمال,
        # alone a word and a town (Djemmal), is Jamal Khashoggi after his full name
        (
            "قال جمال خاشقجي في مؤتمر صحفي إن الوضع مستقر. وأضاف جمال أن المحادثات ستستمر.",
            {"جمال خاشقجي": "person:jamal-khashoggi", "جمال": "person:jamal-khashoggi"},
        ),
    ],
)
def test_an_everyday_word_alone_names_a_little_known_place_only_after_a_word_of_place(
    builtin_resolver: er.Resolver, text: str, expected: dict[str, str]
) -> None:
    assert linked(text, builtin_resolver) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # capitalised only because they begin a sentence: Rest is no Rasht (an alias), Total no
        # TotalEnergies, Sun no Anshun, Man no Man (Côte d'Ivoire), Hit no Hit (Iraq) there
        (
            "Rest of the convoy reached Tripoli on Sunday. Total losses were small, officials said. "
            "Sun and wind slowed the rescue.",
            {"Tripoli": "place:tripoli-libya"},
        ),
        ('The army said: "Man the checkpoints." Hit by shells, the people of Hit fled.', {"Hit": "place:hit"}),
        # a well-known place spelt as its main name, a person: linked at the start of a sentence too
        (
            "Turkey condemned the attack. Trump said he would call Erdogan.",
            {"Turkey": "place:turkey", "Trump": "person:donald-trump", "Erdogan": "person:recep-tayyip-erdogan"},
        ),
        # an organisation by one of its names, though an English word: "pentagon" is a shape
        ("Pentagon officials said the strikes would go on.", {"Pentagon": "org:pentagon"}),
        # an acronym is no capitalised word, though "un" is one (French, and a prefix)
        (
            "UN envoy Hans Grundberg arrived. EU leaders met.",
            {"UN": "org:united-nations", "envoy Hans Grundberg": "person:hans-grundberg", "EU": "org:european-union"},
        ),
    ],
)
def test_an_everyday_english_word_beginning_a_sentence_is_no_name_of_its_own(
    builtin_resolver: er.Resolver, text: str, expected: dict[str, str]
) -> None:
    assert linked(text, builtin_resolver) == expected
    if "people of Hit" in text:  # the town named inside the sentence is linked; the verb beginning one is not
        assert [m.start for m in er.resolve_text(text, resolver=builtin_resolver)] == [text.rindex("Hit")]


def test_a_role_before_a_garbled_name_is_read_as_its_title(builtin_resolver: er.Resolver) -> None:
    # "Yehia" is one letter class from "Yahya": after the role word, the name is read as a person's
    text = "Houthi spokesman Yehia Sarie said the group targeted a ship."
    assert linked(text, builtin_resolver)["spokesman Yehia Sarie"] == "person:yahya-saree"


#: ``_begins_sentence`` as a regular expression: the reference it must agree with (the function is
#: linear in the gap; a regex search over a long run of line breaks is quadratic).
SENTENCE_BREAK = re.compile(r"(?:[.!?…؟:][\"'»”’)\]]*\s|\n)[\s\"'«“‘(\[]*$")


@given(st.text(alphabet=".!?…؟:\"'»”’)]«“‘([ \t\n\u00a0,;#-", max_size=12))
def test_a_sentence_begins_after_a_break_as_the_reference_expression_says(gap: str) -> None:
    assert _begins_sentence(gap) is (SENTENCE_BREAK.search(gap) is not None)


def test_a_long_gap_of_line_breaks_is_read_in_one_pass(small_resolver: er.Resolver) -> None:
    text = "Haftar" + "\n" * 50_000 + "# Rest of the convoy left Benghazi."
    assert [m.text for m in er.resolve_text(text, resolver=small_resolver) if m.entity] == ["Haftar", "Benghazi"]


def test_a_name_with_a_word_of_thousands_of_names_is_found_in_a_sentence() -> None:
    """The word "ben", spelt so in some names, shares its index key with more names than the index
    reads per key (better-known ones first): a little-known "Saif bin Zayed" is still a candidate of
    the span "Saif ben Zayed"."""
    syllables = ["ka", "mo", "ri", "tu", "le", "na", "di", "go"]
    words = ["".join(pair).capitalize() for pair in itertools.product(syllables, repeat=2)]
    others = [
        {"id": f"p{n}", "type": "person", "name": f"{given} ben {family}", "prior": 0.6}
        for n, (given, family) in enumerate(itertools.product(words, reversed(words)))
        if n <= MAX_POSTINGS_PER_KEY
    ]
    saif = {"id": "saif", "type": "person", "name": "Saif bin Zayed Al Nahyan", "prior": 0.2}
    resolver = er.Resolver(er.Gazetteer.from_records([*others, saif]))
    text = "On Monday Saif ben Zayed Al Nahyan said in a statement that the talks would continue."
    assert linked(text, resolver) == {"Saif ben Zayed Al Nahyan": "saif"}


def test_names_with_bin_and_al_are_found_in_sentences_on_the_builtin_gazetteer(builtin_resolver: er.Resolver) -> None:
    text = "On Monday Saif ben Zayed Al Nahyan said in a statement that the talks would continue next week."
    assert linked(text, builtin_resolver) == {"Saif ben Zayed Al Nahyan": "person:saif-bin-zayed"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday Lahur Scheich Dschangi said that the talks would continue.", "person:lahur-sheikh-jangi"),
        ("On Monday the Kataib el-Imam Ali said that the talks would continue.", "org:kataib-al-imam-ali"),
        ("وقالت كتائب الإمام علوي في بيان إن المحادثات ستستمر.", "org:kataib-al-imam-ali"),
        (
            "On Monday the Syrian Interim Govarnment said that the talks would continue.",
            "org:syrian-interim-government",
        ),
    ],
)
def test_a_title_word_inside_a_name_is_part_of_it(builtin_resolver: er.Resolver, text: str, expected: str) -> None:
    """Sheikh, Imam, Interim are titles before a name, and words of some names too."""
    assert list(linked(text, builtin_resolver).values()) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The French daily Le Monde reported that the talks had stalled.", {"Le Monde": "org:le-monde"}),
        (
            "Sudanese rebel leader Abdel Wahid al-Nur said the talks had stalled.",
            {"leader Abdel Wahid al-Nur": "person:abdel-wahid-al-nur"},
        ),
        # capitalised at the start of a sentence, or in a title-case headline, they stay function words
        ("Die Regierung in Berlin hat am Montag gesprochen.", {"Berlin": "gn:2950159"}),
        ("Dozens Die In Attack On Tripoli", {"Tripoli": "place:tripoli-libya"}),
    ],
)
def test_a_french_or_german_function_word_capitalised_in_a_sentence_is_part_of_a_name(
    builtin_resolver: er.Resolver, text: str, expected: dict[str, str]
) -> None:
    assert linked(text, builtin_resolver) == expected


def test_types_filter(small_resolver: er.Resolver) -> None:
    mentions = er.resolve_text(LATIN_PARAGRAPH, resolver=small_resolver, types="place")
    assert mentions
    assert {m.entity.type for m in mentions if m.entity} == {"place"}


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "!!! 42 ،؛؟", "\u200f\u200e"])
def test_empty_and_meaningless_text(small_resolver: er.Resolver, text: str) -> None:
    assert er.resolve_text(text, resolver=small_resolver) == []


@pytest.mark.parametrize("bad", [None, b"Haftar", 42, ["Haftar"]])
def test_non_string_text_raises_type_error(small_resolver: er.Resolver, bad: object) -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        er.resolve_text(bad, resolver=small_resolver)  # type: ignore[arg-type]


def test_bad_arguments(small_gazetteer: er.Gazetteer, small_resolver: er.Resolver) -> None:
    with pytest.raises(TypeError, match="gazetteer must be a Gazetteer"):
        er.resolve_text("Haftar", gazetteer="small")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="resolver must be a Resolver"):
        er.resolve_text("Haftar", resolver=small_gazetteer)  # type: ignore[arg-type]
    other = er.Gazetteer.from_records([{"id": "x", "type": "place", "name": "Xanadu"}])
    with pytest.raises(ValueError, match="disagree"):
        er.resolve_text("Haftar", gazetteer=other, resolver=small_resolver)
    with pytest.raises(ValueError, match="unknown entity type"):
        er.resolve_text("Khalifa Haftar", resolver=small_resolver, types="planet")


def test_long_text_is_cut(small_resolver: er.Resolver) -> None:
    filler = "1 " * (MAX_TEXT_CHARS // 2)
    text = "خليفة حفتر " + filler + " فايز السراج"
    assert len(text) > MAX_TEXT_CHARS
    assert found(er.resolve_text(text, resolver=small_resolver)) == [("خليفة حفتر", "person:khalifa-haftar")]


def test_work_grows_linearly_with_the_text(small_gazetteer: er.Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    resolver = er.Resolver(small_gazetteer)
    calls = 0
    original = resolver._resolve_prepared  # every resolution of a span, with context or without

    def counting(prepared: _PreparedMention, **options: object) -> er.Resolution:
        nonlocal calls
        calls += 1
        return original(prepared, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(resolver, "_resolve_prepared", counting)
    counts = []
    for copies in (1, 4):
        calls = 0
        er.resolve_text(" ".join([ARABIC_PARAGRAPH] * copies), resolver=resolver)
        counts.append(calls)
    assert counts[0] > 0
    assert counts[1] <= 4 * counts[0]


def _every_span(spotter: _Spotter) -> list[tuple[int, int]]:
    """(start, end) of every run of one to ``MAX_SPAN_TOKENS`` tokens of a text, a title or not."""
    tokens = spotter.tokens
    return [
        (tokens[first].start, tokens[last].end)
        for first in range(len(tokens))
        for last in range(first, min(first + MAX_SPAN_TOKENS, len(tokens)))
    ]


@pytest.mark.parametrize("text", [ARABIC_PARAGRAPH, LATIN_PARAGRAPH])
def test_spans_resolve_as_one_by_one(builtin_resolver: er.Resolver, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shortcuts of ``resolve_text`` change no answer.

    Every span resolves with its context window as ``Resolver.resolve``
    resolves it alone with every entity read against the context (the
    preparation is shared with the probe; entities that cannot be shortlisted
    are left unread), and the prefilter that skips scoring (``may_fit``)
    never skips a span whose plain resolution has a candidate that
    ``promising`` would accept.
    """
    spotter = _Spotter(text, builtin_resolver, None)
    floor = builtin_resolver.settings.threshold - spotter.context_slack
    skipped = 0
    for start, end in _every_span(spotter):
        mention = text[start:end]
        context = spotter.window(start, end)
        with monkeypatch.context() as patched:
            patched.setattr(builtin_resolver, "_ceiling", lambda *_: float("inf"))  # no entity left unread
            alone = builtin_resolver.resolve(mention, context=context)
        assert builtin_resolver._resolve_prepared(spotter.prepared(mention), context=context) == alone
        plain = builtin_resolver.resolve(mention, top_k=PROBE_TOP_K)
        for strict in (True, False):
            acceptable = any(
                candidate.score >= floor
                and _structure_ok(candidate, strict=strict, min_similarity=MIN_ALIGNED_SIMILARITY)
                for candidate in plain.candidates
            )
            fits = spotter.may_fit(mention, strict=strict)
            assert fits or not acceptable, mention
            skipped += not fits
    assert skipped > 0  # the prefilter is exercised


def test_resolve_text_equals_the_one_by_one_spans(builtin_resolver: er.Resolver) -> None:
    """Each mention found is what ``Resolver.resolve`` says of its text with the same context."""
    text = LATIN_PARAGRAPH
    spotter = _Spotter(text, builtin_resolver, None)
    mentions = er.resolve_text(text, resolver=builtin_resolver)
    first_pass = [m for m in mentions if m.text != "General Hafter"]  # the second pass adds the document's names
    assert len(first_pass) >= 5
    for mention in first_pass:
        alone = builtin_resolver.resolve(mention.text, context=spotter.window(mention.start, mention.end))
        assert (alone.entity, alone.score, alone.candidates, alone.cues) == (
            mention.entity,
            mention.score,
            mention.candidates,
            mention.cues,
        )


def test_results_are_deterministic_and_frozen(small_resolver: er.Resolver) -> None:
    first = er.resolve_text(ARABIC_PARAGRAPH + " " + LATIN_PARAGRAPH, resolver=small_resolver)
    second = er.resolve_text(ARABIC_PARAGRAPH + " " + LATIN_PARAGRAPH, resolver=small_resolver)
    assert first == second
    with pytest.raises(dataclasses.FrozenInstanceError):
        first[0].start = 3  # type: ignore[misc]


def test_diacritics_and_invisible_marks_keep_original_offsets(small_resolver: er.Resolver) -> None:
    text = "وصل خَلِيفَة\u200f حفـتر إلى بنغازي"
    mentions = read_checked(text, small_resolver)
    assert found(mentions) == [("خَلِيفَة\u200f حفـتر", "person:khalifa-haftar"), ("بنغازي", "place:benghazi")]


KNOWN = {
    "خليفة حفتر": "person:khalifa-haftar",
    "Fayez al-Sarraj": "person:fayez-al-sarraj",
    "بنغازي": "place:benghazi",
    "Bashar al-Assad": "person:bashar-al-assad",
    "مجلس الأمن الدولي": "org:un-security-council",
}
FILLER = st.text(
    alphabet=st.sampled_from(list("abcXYZ -.'\n\t0129") + list("بتثجحخدذرسشصعفقكلمنهوي") + ["\u064e", "\u200f", "ـ"]),
    max_size=40,
)


@settings(max_examples=40, deadline=None)
@given(before=FILLER, after=FILLER, name=st.sampled_from(sorted(KNOWN)))
def test_offsets_hold_for_arbitrary_text_around_a_known_name(
    small_resolver: er.Resolver, before: str, after: str, name: str
) -> None:
    text = f"{before} ، {name} ، {after}"
    mentions = read_checked(text, small_resolver)
    start = len(before) + 3
    assert (start, start + len(name), KNOWN[name]) in [(m.start, m.end, m.entity.id) for m in mentions if m.entity]


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=80))
def test_offsets_hold_for_any_text(small_resolver: er.Resolver, text: str) -> None:
    check_invariants(text, er.resolve_text(text, resolver=small_resolver))


def test_builtin_gazetteer_news_paragraph(builtin_resolver: er.Resolver) -> None:
    mentions = er.resolve_text(LATIN_PARAGRAPH, resolver=builtin_resolver)
    check_invariants(LATIN_PARAGRAPH, mentions)
    pairs = found(mentions)
    for expected in [
        ("commander Khalifa Haftar", "person:khalifa-haftar"),
        ("Benghazi", "place:benghazi"),
        ("UN Security Council", "org:un-security-council"),
        ("General Hafter", "person:khalifa-haftar"),
        ("Bashar al-Assad", "person:bashar-al-assad"),
    ]:
        assert expected in pairs
    # no common word of the paragraph is taken for a name
    assert not {"Tuesday", "said", "session", "officials", "spokesman"} & {m.text for m in mentions}


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        # one name read whole beats its pieces read as two entities
        (
            "التقى رئيس الوزراء الإيطالي جورجيا ميلوني في روما",
            ("جورجيا ميلوني", "person:giorgia-meloni"),
            "جورجيا",
        ),
        ("وقال سيف الإسلام القذافي إنه سيترشح", ("سيف الإسلام القذافي", "person:saif-al-islam-gaddafi"), "القذافي"),
        (
            "Syrian President Ahmed al-Sharaa said Hayat Tahrir al-Sham had been dissolved.",
            ("Hayat Tahrir al-Sham", "org:hayat-tahrir-al-sham"),
            "al-Sham",
        ),
        ("وقال زعيم حزب الله حسن نصر الله إن", ("حسن نصر الله", "person:hassan-nasrallah"), "الله حسن نصر"),
        ("وقال زعيم حزب الله حسن نصر الله إن", ("حزب الله", "org:hezbollah"), "زعيم حزب الله"),
        # a country's adjective after a title is the title's, not a surname
        (
            "قال الرئيس السوري أحمد الشرع إن الهيئة حلت",
            ("أحمد الشرع", "person:ahmed-al-sharaa"),
            "الرئيس السوري أحمد",
        ),
        (
            "أعلن رئيس الوزراء العراقي محمد شياع السوداني أن",
            ("محمد شياع السوداني", "person:mohammed-shia-al-sudani"),
            "السوداني",
        ),
        # a title with a possessive ("its commander") is a title: قائده is no garble of غادة
        (
            "أعلن الحرس الثوري أن قائده حسين سلامي التقى",
            ("قائده حسين سلامي", "person:hossein-salami"),
            "قائده حسين",
        ),
        # the word after عبد is part of the name, not a title: الملك is no king here
        (
            "وقال عبد الملك الحوثي إن الهجمات ستستمر",
            ("عبد الملك الحوثي", "person:abdul-malik-al-houthi"),
            "الملك الحوثي",
        ),
    ],
)
def test_builtin_gazetteer_spans_read_whole_names(
    builtin_resolver: er.Resolver, text: str, expected: tuple[str, str], not_expected: str
) -> None:
    mentions = read_checked(text, builtin_resolver)
    assert expected in found(mentions)
    assert not_expected not in {m.text for m in mentions}


def test_builtin_gazetteer_country_adjective_after_title_is_no_person(builtin_resolver: er.Resolver) -> None:
    # السعودي ("Saudi") after ولي العهد ("crown prince") once linked to Bashar al-Assad (الأسد)
    text = "استقبل ولي العهد السعودي في الرياض وزير الخارجية الإيراني، وقال المتحدث السوري إن"
    mentions = read_checked(text, builtin_resolver)
    assert ("الرياض", "place:riyadh") in found(mentions)
    assert not [m for m in mentions if m.entity is not None and m.entity.type == "person"]


@pytest.mark.parametrize(
    "text",
    [
        "Hassan, a father of three, said the strike hit his home in Gaza.",
        "Ahmad, a resident of Khan Younis, said the family had fled twice.",
        "وقالت فاطمة إن القصف أصاب منزلها في غزة.",
    ],
)
def test_builtin_gazetteer_a_bare_given_name_is_no_little_known_place(builtin_resolver: er.Resolver, text: str) -> None:
    # GeoNames lists a town Hassan (India), Al Ahmadi alias Ahmad (Kuwait), Fátima (Portugal)
    mentions = read_checked(text, builtin_resolver)
    first_word = text.split()[0].strip(",") if text.isascii() else "فاطمة"
    assert not [m for m in mentions if m.entity is not None and m.text == first_word and m.entity.type == "place"]


def test_builtin_gazetteer_a_lone_given_name_is_the_person_named_in_full(builtin_resolver: er.Resolver) -> None:
    text = "Hassan Nasrallah spoke on Monday. Hassan added that the war would go on."
    assert linked(text, builtin_resolver) == {
        "Hassan Nasrallah": "person:hassan-nasrallah",
        "Hassan": "person:hassan-nasrallah",
    }
    # على ("on") folds like علي (Ali): a function word is no given name
    text = "قال علي خامنئي إن الوضع مستقر. وأكد على أهمية الحوار."
    assert linked(text, builtin_resolver) == {"علي خامنئي": "person:ali-khamenei"}
    # a given name with no full name before it stays unread
    assert linked("Hassan added that the war would go on.", builtin_resolver) == {}


def test_builtin_gazetteer_bare_arabic_garble_links_to_a_person_named_earlier(builtin_resolver: er.Resolver) -> None:
    # Arabic has no capitals: a garble without a title (هوتر) is re-read because it resembles
    # a word of a name found in the document (حفتر), and links only to that document's entity
    text = "أعلن المشير خليفة حفتر أن قواته ستدخل طرابلس. وقال هوتر في كلمة متلفزة إن الجيش مستعد."
    mentions = read_checked(text, builtin_resolver)
    assert ("هوتر", "person:khalifa-haftar") in found(mentions)
    alone = "وقال هوتر في كلمة متلفزة إن الجيش مستعد."  # no Haftar named: no guess
    assert "هوتر" not in {m.text for m in er.resolve_text(alone, resolver=builtin_resolver)}


@pytest.mark.parametrize(
    ("text", "surname", "entity_id"),
    [
        (
            "قال رئيس الوزراء المصري شريف إسماعيل إن الحكومة ستخفض الدعم، وأضاف إصماعيل أن القرار نهائي.",
            "إصماعيل",
            "person:sherif-ismail",
        ),
        (
            "قال شريف إسماعيل في مؤتمر صحفي إن الوضع مستقر. وأضاف إصماعيل أن المحادثات ستستمر.",
            "إصماعيل",
            "person:sherif-ismail",
        ),
        (
            "Sherif Ismail told reporters the situation was stable. Ismayil added that talks would continue.",
            "Ismayil",
            "person:sherif-ismail",
        ),
        (
            "Le président Emmanuel Macron a reçu Mohammed ben Salmane. Macrone a déclaré que la rencontre était utile.",
            "Macrone",
            "person:emmanuel-macron",
        ),
    ],
)
def test_builtin_gazetteer_garbled_surname_refers_to_the_person_named_in_full(
    builtin_resolver: er.Resolver, text: str, surname: str, entity_id: str
) -> None:
    mentions = read_checked(text, builtin_resolver)
    assert (surname, entity_id) in found(mentions)
    linked = next(m for m in mentions if m.text == surname)
    assert linked.candidates[0].entity.id == entity_id  # its score is its match with that person's names
    assert linked.score == linked.candidates[0].score


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        ("دفيد كمرون", "person:david-cameron"),  # through German spelling: no word spelt as in any name of his
        ("Fayiz al-Siraj", "person:fayez-al-sarraj"),
        ("عبد العزز بن حبتور", "person:abdulaziz-bin-habtour"),  # العزز shares no indexed key with him
        # one word less alike than a garble (سوهل ~ سهيل 0.82) beside a rare word spelt nearly as in the name
        ("سوهل الهسان", "person:suheil-al-hassan"),
        ("تشوك هاجل", "person:chuck-hagel"),
        ("سديك الماهدي", "person:sadiq-al-mahdi"),
    ],
)
def test_builtin_gazetteer_name_garbled_word_for_word_is_read_whole(
    builtin_resolver: er.Resolver, name: str, entity_id: str
) -> None:
    text = (
        f"وقالت مصادر مطلعة إن {name} كان محور المحادثات."
        if "\u0600" <= name[0] <= "\u06ff"
        else f"Sources said on Monday that {name} was at the centre of the talks."
    )
    assert (name, entity_id) in found(read_checked(text, builtin_resolver))


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        # two or three words matched with a Latin name, one of them only no common Arabic word (جيم,
        # the letter jim; ايمن, "right"; دب, "bear"; ريد, "he wants"; الا, "except")
        ("وقال جيم متيس في بيان إن المحادثات ستستمر.", "person:jim-mattis"),
        ("وقالت لبنيسي ريد كروس في بيان إن المحادثات ستستمر.", "org:lebanese-red-cross"),
        ("وقال الا ابد الفيته في بيان إن المحادثات ستستمر.", "person:alaa-abd-el-fattah"),
        ("وقال ايمن الزاواهري في بيان إن المحادثات ستستمر.", "person:ayman-al-zawahiri"),
        ("وقالت دب اوورلد في بيان إن المحادثات ستستمر.", "org:dp-world"),
        # a rare word after the garble: the two are a longer name (Sednaya Prison), not Sudan
        ("وتوفي المعتقلون في سادنايا برسون العام الماضي.", "place:sednaya-prison"),
    ],
)
def test_builtin_gazetteer_a_short_name_read_back_from_english_needs_one_rare_word(
    builtin_resolver: er.Resolver, text: str, entity_id: str
) -> None:
    assert {m.entity.id for m in read_checked(text, builtin_resolver)} == {entity_id}


def test_builtin_gazetteer_two_words_keep_no_least_alike_word(builtin_resolver: er.Resolver) -> None:
    # two rare words, each a little like a word of the United Nations: by chance, not a garble
    assert found(read_checked("وقال الزمام متعهدو في بيان إن المحادثات ستستمر الأسبوع المقبل.", builtin_resolver)) == []


def test_builtin_gazetteer_two_rare_words_like_a_little_known_name_are_no_mention(
    builtin_resolver: er.Resolver,
) -> None:
    # هنافي spells حنفي nearly (Hasan Hanafi, a person of Wikidata known by nothing else): rare words
    # resemble the names of the least known as often as garbles do
    assert found(read_checked("وقال حصنك هنافي في بيان إن المحادثات ستستمر الأسبوع المقبل.", builtin_resolver)) == []


@pytest.mark.parametrize(
    ("text", "name", "entity_id"),
    [
        # one word of each garbled name is spelt as a place of GeoNames, which the first pass linked alone
        ("وقال مثيو ملار في بيان إن المحادثات ستستمر.", "مثيو ملار", "person:matthew-miller"),
        ("وقال جاميل هاسان في بيان إن المحادثات ستستمر.", "جاميل هاسان", "person:jamil-hassan"),
        ("واندلعت اشتباكات في بندر ابيس مساء أمس.", "بندر ابيس", "place:bandar-abbas"),
        # علي حسن is a little-known namesake of Wikidata; هليل garbles خليل
        ("وقال علي حسن هليل في بيان إن المحادثات ستستمر.", "علي حسن هليل", "person:ali-hassan-khalil"),
        # a little-known person of Wikidata, named by rare Arabic words added to a namesake's name
        ("وقال علي مرادي ابراپلي في بيان إن المحادثات ستستمر.", "علي مرادي ابراپلي", "anr:97bb181b6d68"),
    ],
)
def test_builtin_gazetteer_a_span_of_a_little_known_entity_is_read_with_the_rare_words_beside_it(
    builtin_resolver: er.Resolver, text: str, name: str, entity_id: str
) -> None:
    assert found(read_checked(text, builtin_resolver)) == [(name, entity_id)]


@pytest.mark.parametrize(
    ("text", "name", "entity_id"),
    [
        ("واندلعت اشتباكات في حلب لانسيت مساء أمس.", "حلب", "place:aleppo"),
        ("وزار ماكرون الفرية بيروت.", "بيروت", "place:beirut"),
    ],
)
def test_builtin_gazetteer_a_span_of_a_well_known_entity_keeps_its_link_beside_rare_words(
    builtin_resolver: er.Resolver, text: str, name: str, entity_id: str
) -> None:
    assert (name, entity_id) in found(read_checked(text, builtin_resolver))


@pytest.mark.parametrize("text", ["وأكد أن الحل الوحيد هو الحوار.", "وقال إن تطبيق القرار ضروري."])
def test_builtin_gazetteer_common_word_pairs_are_no_little_known_person(
    builtin_resolver: er.Resolver, text: str
) -> None:
    # الحل الوحيد ("the only solution") resembles هلا الحيد word for word, a person known by nothing
    # else than Wikidata: a name garbled in every word must be of a better-known entity
    assert read_checked(text, builtin_resolver) == []


def test_surname_like_two_persons_of_the_text_refers_to_neither() -> None:
    resolver = er.Resolver(
        er.Gazetteer.from_records(
            [
                {"id": "p:ahmad", "type": "person", "name": "Ahmad Salem", "aliases": ["أحمد سالم"]},
                {"id": "p:omar", "type": "person", "name": "Omar Salim", "aliases": ["عمر سليم"]},
                {"id": "p:haftar", "type": "person", "name": "Khalifa Haftar", "aliases": ["خليفة حفتر"]},
                {"id": "c:cairo", "type": "place", "name": "Cairo", "aliases": ["القاهرة"]},
            ]
        )
    )
    after = " في القاهرة. وقال صاليم إن المحادثات مثمرة."
    # صاليم garbles both سالم and سليم: no coreference; with one of them in the text, it is that one
    assert "صاليم" not in {m.text for m in read_checked("التقى أحمد سالم وعمر سليم" + after, resolver)}
    assert ("صاليم", "p:ahmad") in found(read_checked("التقى أحمد سالم وخليفة حفتر" + after, resolver))
    # a surname garble with no person of that surname in the text stays unlinked
    assert "صاليم" not in {m.text for m in read_checked("التقى خليفة حفتر" + after, resolver)}


def test_builtin_gazetteer_common_word_with_the_article_is_no_surname(builtin_resolver: er.Resolver) -> None:
    # القطاع ("the Strip") is 0.82 like الغيط, the article included; without it, 0.59
    text = "قال الأمين العام أحمد أبو الغيط إن الجامعة تتابع الأوضاع في القطاع عن كثب."
    assert "القطاع" not in {m.text for m in read_checked(text, builtin_resolver)}


def test_builtin_gazetteer_surname_refers_to_a_person_named_nearby(builtin_resolver: er.Resolver) -> None:
    named = "قال رئيس الوزراء المصري شريف إسماعيل إن الحكومة ستخفض الدعم."
    garbled = " وأضاف إصماعيل أن القرار نهائي."
    filler = " وتابعت الأسواق التطورات باهتمام كبير خلال الأسبوع الماضي." * 60  # about 3,500 characters
    assert "إصماعيل" in {m.text for m in read_checked(named + garbled, builtin_resolver)}
    # another article of a long file: the person named there is too far to be the referent
    assert "إصماعيل" not in {m.text for m in read_checked(named + filler + garbled, builtin_resolver)}


def test_builtin_gazetteer_words_longer_than_a_garble_are_no_surname(builtin_resolver: er.Resolver) -> None:
    # عسكريا ("militarily") resembles شكري, but has two letters more than a garble adds
    text = "التقى وزير الخارجية المصري سامح شكري في القاهرة بنظيره، وطلب دعما عسكريا لقواته."
    assert "عسكريا" not in {m.text for m in read_checked(text, builtin_resolver)}


def test_builtin_gazetteer_news_verbs_are_no_names(builtin_resolver: er.Resolver) -> None:
    # "التقى وزير" (met the minister) read like تقي الوزيري, a person of Wikidata; فيصل is no
    # proclitic ف + the verb يصل, and the minister's title stays with his name
    text = "التقى وزير الخارجية اسعد الشيباني نظيره السعودي الأمير فيصل بن فرحان في الرياض."
    mentions = read_checked(text, builtin_resolver)
    assert ("وزير الخارجية اسعد الشيباني", "person:asaad-al-shaibani") in found(mentions)
    assert ("الأمير فيصل بن فرحان", "person:faisal-bin-farhan") in found(mentions)
    assert not [m for m in mentions if m.text.startswith("التقى")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2024 Haftar said his forces were ready.", ("Haftar", "person:khalifa-haftar")),
        ("Haftar 2024 campaign posters went up.", ("Haftar", "person:khalifa-haftar")),
        ("وفي عام 2024 قال خليفة حفتر إن قواته مستعدة", ("خليفة حفتر", "person:khalifa-haftar")),
        ("قتل 24 شخصا في قطاع غزة يوم الأحد", ("قطاع غزة", "place:gaza-strip")),
        ("France 24 reported that 24 people were killed.", ("France 24", "org:france-24")),
        ("وقالت قناة فرانس ٢٤ إن ١٢ مدنيا قتلوا", ("فرانس ٢٤", "org:france-24")),
        ("Leaders of the G20 met in Rio in 2024.", ("G20", "org:g20")),
        ("وأعلنت الوحدة 8200 في 3 مارس أن", ("الوحدة 8200", "org:unit-8200")),
        # GeoNames lists "Section 13" (Cheney) and "Station 50" (Waubay) as untagged old names
        ("Under Section 13 of the law, Haftar said Station 50 was closed.", ("Haftar", "person:khalifa-haftar")),
    ],
)
def test_builtin_gazetteer_numbers_join_only_the_names_that_hold_them(
    builtin_resolver: er.Resolver, text: str, expected: tuple[str, str]
) -> None:
    # a bare number never starts a mention nor is one, nor glues onto a name without it
    mentions = read_checked(text, builtin_resolver)
    assert expected in found(mentions)
    assert all(m.text == expected[0] for m in mentions if any(ch.isdigit() for ch in m.text))


def test_builtin_gazetteer_acronyms_of_one_letter_repeated(builtin_resolver: er.Resolver) -> None:
    # AA is a tagged alias of Anadolu Agency; HH and BB are untagged licence-plate codes in GeoNames
    text = "Erdogan told AA that the HH police seized BB guns."
    mentions = read_checked(text, builtin_resolver)
    assert ("AA", "org:anadolu-agency") in found(mentions)
    assert not {"HH", "BB"} & {m.text for m in mentions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Saudi Crown Prince Mohammed bin Salman received the Iraqi Prime Minister Mohammed Shia al-Sudani.",
            [
                ("Crown Prince Mohammed bin Salman", "person:mohammed-bin-salman"),
                ("Prime Minister Mohammed Shia al-Sudani", "person:mohammed-shia-al-sudani"),
            ],
        ),
        (
            "Israeli Prime Minister Benjamin Netanyahu spoke with Iranian Foreign Minister Abbas Araghchi on Monday.",
            [
                ("Prime Minister Benjamin Netanyahu", "person:benjamin-netanyahu"),
                ("Foreign Minister Abbas Araghchi", "person:abbas-araghchi"),
            ],
        ),
    ],
)
def test_builtin_gazetteer_title_words_belong_to_the_name_after_them(
    builtin_resolver: er.Resolver, text: str, expected: list[tuple[str, str]]
) -> None:
    # "Crown Prince Mohammed" once linked to Mohammed Shia al-Sudani and "Salman" to King Salman:
    # a span starting inside a title counted the title's words as name words
    mentions = read_checked(text, builtin_resolver)
    for pair in expected:
        assert pair in found(mentions)
    assert len(mentions) == len(expected)


def test_builtin_gazetteer_two_letter_first_word_starts_a_name(builtin_resolver: er.Resolver) -> None:
    # Xi and شي have two letters: the first word of a name of several words may (a lone one may not)
    for text, expected in [
        ("Chinese President Xi Jinping arrived in Moscow.", "person:xi-jinping"),
        ("وقال الرئيس الصيني شي جين بينغ إن بلاده تدعم الحوار", "person:xi-jinping"),
    ]:
        mentions = read_checked(text, builtin_resolver)
        assert expected in {m.entity.id for m in mentions if m.entity is not None}
    # a name particle (بن) still starts nothing: the name is read from its first name
    text = "التقى الشيخ محمد بن عبد الرحمن آل ثاني في الدوحة"
    mentions = er.resolve_text(text, resolver=builtin_resolver)
    assert not [m for m in mentions if m.text.startswith("بن ")]


def test_builtin_gazetteer_lone_arabic_word_is_not_read_through_a_persian_spelling(
    builtin_resolver: er.Resolver,
) -> None:
    # جين matched China's Persian name چین (China is الصين in Arabic) once the context spoke of China
    text = "وقال الرئيس فلاديمير بوتن إنه سيلتقي الرئيس الصيني شي جين بينج في موسكو."
    mentions = read_checked(text, builtin_resolver)
    assert "جين" not in {m.text for m in mentions}


def test_builtin_gazetteer_words_in_another_order_are_no_place(builtin_resolver: er.Resolver) -> None:
    # "شرق مدينة غزة" (east of Gaza City): "شرق مدينة" matched "مدينة الشارقة" (Sharjah) word for word backwards
    text = "استهدف المقاتلون دبابة في حي الشجاعية شرق مدينة غزة."
    mentions = read_checked(text, builtin_resolver)
    assert "place:sharjah" not in {m.entity.id for m in mentions if m.entity is not None}
    assert ("مدينة غزة", "place:gaza-city") in found(mentions)


def test_builtin_gazetteer_adjective_of_the_un_after_a_title_is_no_name(builtin_resolver: er.Resolver) -> None:
    # الأممي ("of the UN") after الأمين العام once linked to Rashad al-Alimi (العليمي)
    text = "أكد الأمين العام الأممي ضرورة الهدنة، وقال المبعوث الأممي إن الحل قريب."
    mentions = read_checked(text, builtin_resolver)
    assert not [m for m in mentions if m.entity is not None]


@pytest.mark.parametrize("noun", ["ميناء", "جامعة", "الحي", "جزيرة"])
def test_builtin_gazetteer_common_place_nouns_alone_are_no_names(builtin_resolver: er.Resolver, noun: str) -> None:
    # ميناء ("port") had linked to Minna, Nigeria; الحي ("the quarter") to a town in Iraq.
    # They still start names: ميناء الحديدة finds Hodeidah, حي الشجاعية Shuja'iyya
    text = f"وصل الوفد إلى {noun} أمس، ثم إلى ميناء الحديدة ثم إلى حي الشجاعية."
    mentions = read_checked(text, builtin_resolver)
    assert noun not in {m.text for m in mentions if m.entity is not None}
    linked = {m.entity.id for m in mentions if m.entity is not None}
    assert {"place:hodeidah", "place:shujaiya"} <= linked


def test_builtin_gazetteer_little_known_place_named_alone(builtin_resolver: er.Resolver) -> None:
    # villages and camps of the news are little known (prior 0.25) yet named alone: in English by
    # a capitalised word, in Arabic after a word of place (في، بلدة، مخيم، ...). Arabic has no
    # capitals and common words are village names too: "فترة طويلة" (a long time) is not Tawila
    text = "Clashes in Silwan. وسقطت قذيفة في كفرشوبا بعد فترة طويلة من الهدوء."
    mentions = read_checked(text, builtin_resolver)
    assert ("Silwan", "place:silwan") in found(mentions)
    assert ("كفرشوبا", "place:kfarchouba") in found(mentions)
    assert "طويلة" not in {m.text for m in mentions}


def test_builtin_gazetteer_speaker_title_is_read_with_the_name(builtin_resolver: er.Resolver) -> None:
    # "head of the House of Representatives" is the Speaker's title: the span "رئيس مجلس"
    # once linked to Libya's Presidential Council and split Aguila Saleh off
    text = "قال رئيس مجلس النواب عقيلة صالح إن البرلمان سيصوت على الميزانية."
    mentions = read_checked(text, builtin_resolver)
    assert found(mentions) == [("رئيس مجلس النواب عقيلة صالح", "person:aguila-saleh")]


def test_builtin_gazetteer_french_elided_article_is_no_part_of_the_name(builtin_resolver: er.Resolver) -> None:
    text = "Le ministre a rencontré l'envoyé de l'ONU, arrivé d'Alger, puis a parlé de l'Iran."
    mentions = read_checked(text, builtin_resolver)
    assert found(mentions) == [("ONU", "org:united-nations"), ("Alger", "place:algiers"), ("Iran", "place:iran")]


def test_builtin_gazetteer_a_mention_is_no_context_evidence_of_itself(builtin_resolver: er.Resolver) -> None:
    # الجزيرة spells Algeria's name (الجزائر) in skeleton: read as context, the mention itself
    # made Algiers (a city of Algeria) outscore Al Jazeera, whose correspondent this is
    text = "وأفاد مراسل الجزيرة بأن غارات استهدفت مدينة صور جنوبي لبنان."
    mentions = read_checked(text, builtin_resolver)
    assert ("الجزيرة", "org:al-jazeera") in found(mentions)


def test_builtin_gazetteer_an_apostrophe_ending_a_word_does_not_split_a_name(builtin_resolver: er.Resolver) -> None:
    # the ʿayn written as a final apostrophe ("Shia'") split the Prime Minister in two mentions;
    # الشهداء ("the martyrs") is a common word, not the place Ash Shuhada
    text = "Prime Minister Mohammed Shia' al-Sudani met Nechirvan Barzani. وقالت الوزارة إن حصيلة الشهداء ارتفعت."
    mentions = read_checked(text, builtin_resolver)
    assert ("Prime Minister Mohammed Shia' al-Sudani", "person:mohammed-shia-al-sudani") in found(mentions)
    assert "الشهداء" not in {m.text for m in mentions}


def test_builtin_gazetteer_a_two_word_name_written_as_one_word(builtin_resolver: er.Resolver) -> None:
    # خانيونس, Khanyounis, ابوظبي: no name has such a word, but the name's two words joined spell it
    text = "قصف الاحتلال مدينة خانيونس، وغادر الوفد ابوظبي. Israeli strikes hit Khanyounis on Monday."
    mentions = read_checked(text, builtin_resolver)
    assert ("خانيونس", "place:khan-younis") in found(mentions)
    assert ("ابوظبي", "place:abu-dhabi") in found(mentions)
    assert ("Khanyounis", "place:khan-younis") in found(mentions)


def test_builtin_gazetteer_a_spokesman_of_a_group_named_before_him(builtin_resolver: er.Resolver) -> None:
    # باسم ("on behalf of") is also a first name: "باسم الحوثيين محمد" must not read as one person
    text = "وقال المتحدث باسم الحوثيين محمد عبد السلام إن الجماعة سترد."
    mentions = read_checked(text, builtin_resolver)
    assert ("الحوثيين", "org:houthis") in found(mentions)
    assert ("محمد عبد السلام", "person:mohammed-abdulsalam") in found(mentions)


def test_builtin_gazetteer_a_direction_before_a_country_is_no_other_place(builtin_resolver: er.Resolver) -> None:
    # "جنوب سوريا" (south of Syria) read whole was a garble of Janub as-Surrah (جنوب السرة)
    text = "وقعت اشتباكات في جنوب سوريا وفي جنوبي لبنان."
    mentions = read_checked(text, builtin_resolver)
    assert ("سوريا", "place:syria") in found(mentions)
    assert ("جنوبي لبنان", "place:south-lebanon") in found(mentions)


def test_builtin_gazetteer_a_place_head_before_a_name_is_no_other_place(builtin_resolver: er.Resolver) -> None:
    # "مدينة الأبيض" (the city of El Obeid) read whole was a garble of a Yemeni مدينة لبعوس;
    # a name that begins with the head and is spelt exactly stays whole (مخيم اليرموك)
    text = "وصل آلاف النازحين من الفاشر إلى مدينة الأبيض، ثم زار الوفد مخيم اليرموك في دمشق."
    mentions = read_checked(text, builtin_resolver)
    assert ("الأبيض", "place:el-obeid") in found(mentions)
    assert "مدينة الأبيض" not in {m.text for m in mentions}
    assert ("مخيم اليرموك", "place:yarmouk-camp") in found(mentions)


def test_builtin_gazetteer_an_institution_of_the_country_in_the_text(builtin_resolver: er.Resolver) -> None:
    # "House of Representatives" in a Libyan report is Libya's; "الجيش الوطني" is the Libyan National Army
    text = (
        "Speaker of the House of Representatives Aguila Saleh met officials of the Central Bank of Libya. "
        "وفي بنغازي، عقد المشير خليفة حفتر اجتماعا مع قادة الجيش الوطني."
    )
    mentions = read_checked(text, builtin_resolver)
    assert ("House of Representatives", "org:house-of-representatives-libya") in found(mentions)
    assert ("الجيش الوطني", "org:libyan-national-army") in found(mentions)


def test_builtin_gazetteer_a_given_name_before_a_surname_is_not_read_alone(builtin_resolver: er.Resolver) -> None:
    # "Khalifa" read alone was Sheikh Khalifa (bin Zayed), and "Heftar's forces" the LNA
    text = "Khalifa Heftar's forces attacked the Gharyan city."
    mentions = read_checked(text, builtin_resolver)
    assert "person:khalifa-haftar" in {m.entity.id for m in mentions}
    assert "person:khalifa-bin-zayed" not in {m.entity.id for m in mentions}


def test_builtin_gazetteer_ali_before_a_name_is_a_name_not_the_preposition(builtin_resolver: er.Resolver) -> None:
    # على (on) folds to علي (Ali): written with ي before a name it is the name; a phrase of
    # the preposition (علي الحدود, "on the border") is no Ali al-Haddad
    text = "قال المرشد الأعلى الإيراني علي خامنئي إن اشتباكات وقعت علي الحدود مع العراق."
    mentions = read_checked(text, builtin_resolver)
    assert ("علي خامنئي", "person:ali-khamenei") in found(mentions)
    assert {m.entity.id for m in mentions} == {"person:ali-khamenei", "place:iraq"}


def test_builtin_gazetteer_a_country_with_a_proclitic_is_context(builtin_resolver: er.Resolver) -> None:
    # بلبنان (in Lebanon), بالأردن (in Jordan): the country names the namesake's country
    for text, expected in [
        ("زار الرئيس طرابلس بلبنان", ("طرابلس", "place:tripoli-lebanon")),
        ("زار الرئيس طرابلس بليبيا", ("طرابلس", "place:tripoli-libya")),
        ("التقى الوزير نظيره في عمان بالأردن", ("عمان", "place:amman")),
    ]:
        mentions = read_checked(text, builtin_resolver)
        assert expected in found(mentions), text


def test_builtin_gazetteer_a_role_phrase_is_no_garbled_name(builtin_resolver: er.Resolver) -> None:
    # رئيس مجلس (chairman of a board) read as a garble of المجلس الرئاسي (the Presidential Council)
    text = "قال رئيس مجلس إدارة الشركة إن الأرباح ارتفعت، ثم التقى المبعوث برئيس مجلس النواب نبيه بري."
    mentions = read_checked(text, builtin_resolver)
    assert "org:presidential-council-libya" not in {m.entity.id for m in mentions}
    assert ("برئيس مجلس النواب نبيه بري", "person:nabih-berri") in found(mentions)


def test_builtin_gazetteer_a_common_noun_with_the_article_is_no_foreign_place(builtin_resolver: er.Resolver) -> None:
    # الأمل (the hope) read without its article is آمل, Amol in Iran; Arabic writes a name's article
    text = "وقال المسؤول إن الأمل قائم، ثم زار البصرة والموصل."
    mentions = read_checked(text, builtin_resolver)
    assert "الأمل" not in {m.text for m in mentions}
    assert ("البصرة", "place:basra") in found(mentions)


def test_builtin_gazetteer_lowercase_words_of_an_organisation_name(builtin_resolver: er.Resolver) -> None:
    # French and English names with lowercase words are read whole; "Hamas said" is no name
    text = (
        "Ils ont reçu le chef du Parti démocratique du Kurdistan Massoud Barzani, tandis que le "
        "Jihad islamique a rejeté la proposition. Hamas said the national army would respond."
    )
    mentions = read_checked(text, builtin_resolver)
    assert ("Parti démocratique du Kurdistan", "org:kdp") in found(mentions)
    assert ("Jihad islamique", "org:palestinian-islamic-jihad") in found(mentions)
    assert ("Hamas", "org:hamas") in found(mentions)
    assert not any(m.text.startswith("Hamas said") for m in mentions)


def test_builtin_gazetteer_acronyms_written_with_dots(builtin_resolver: er.Resolver) -> None:
    text = "US officials said the U.S. and the U.K. agreed, and the U.N. envoy arrived in a U.S.-led convoy."
    mentions = read_checked(text, builtin_resolver)
    assert ("US", "place:united-states") in found(mentions)
    assert ("U.S.", "place:united-states") in found(mentions)
    assert ("U.K.", "place:united-kingdom") in found(mentions)
    assert ("U.N.", "org:united-nations") in found(mentions)
    assert [m.text for m in mentions].count("U.S.") == 2
    assert read_checked("Let us know what you think, he told us.", builtin_resolver) == []


def test_builtin_gazetteer_lowercase_words_of_a_place_name(builtin_resolver: er.Resolver) -> None:
    # "camp" is lowercase in the English names of refugee camps: the span reads the whole name
    text = "Israeli forces raided Jenin camp on Monday. Women are held at al-Hol camp in Syria."
    mentions = read_checked(text, builtin_resolver)
    assert ("Jenin camp", "place:jenin-camp") in found(mentions)
    assert ("al-Hol camp", "place:al-hol-camp") in found(mentions)
    assert ("Syria", "place:syria") in found(mentions)


def test_builtin_gazetteer_a_long_organisation_name_is_read_whole(builtin_resolver: er.Resolver) -> None:
    # seven words: read as "Popular Front" (Tunisia's) and "Palestine" when spans stopped at five
    text = (
        "The Popular Front for the Liberation of Palestine condemned it. "
        "دعت بعثة الأمم المتحدة للدعم في ليبيا إلى الهدوء."
    )
    mentions = read_checked(text, builtin_resolver)
    assert ("Popular Front for the Liberation of Palestine", "org:pflp") in found(mentions)
    assert ("بعثة الأمم المتحدة للدعم في ليبيا", "org:unsmil") in found(mentions)


@pytest.mark.parametrize(
    ("text", "word", "entity_id"),
    [
        # the word alone is the better-known namesake; after the full name, it is the person named
        ("التقى صدام حفتر بوفد عسكري في بنغازي. وقال صدام إن القوات جاهزة.", "صدام", "person:saddam-haftar"),
        (
            "Saddam Haftar met a delegation in Benghazi. Haftar said the forces were ready.",
            "Haftar",
            "person:saddam-haftar",
        ),
        # both named in full: the resolver's choice among them stands
        ("Khalifa Haftar and his son Saddam Haftar visited Cairo. Haftar said.", "Haftar", "person:khalifa-haftar"),
        # a country keeps its name, and so does an organisation (the name given after the word is not read back)
        ("Israel Katz said on Monday that Israel would respond.", "Israel", "place:israel"),
        ("Houthi leader Abdul-Malik al-Houthi warned against any escalation.", "Houthi", "org:houthis"),
    ],
)
def test_builtin_gazetteer_a_lone_name_word_is_the_person_named_in_full_before_it(
    builtin_resolver: er.Resolver, text: str, word: str, entity_id: str
) -> None:
    assert (word, entity_id) in found(read_checked(text, builtin_resolver))


def test_a_place_named_like_a_person_of_the_text_is_the_place_after_a_word_of_place() -> None:
    resolver = er.Resolver(
        er.Gazetteer.from_records(
            [
                {"id": "p:diab", "type": "person", "name": "Hassan Diab", "aliases": ["حسان دياب"]},
                {"id": "g:hassan", "type": "place", "name": "Hassan", "aliases": ["حسان"], "prior": 0.8},
            ]
        )
    )
    named = "Hassan Diab spoke to reporters on Monday. "
    assert ("Hassan", "p:diab") in found(read_checked(named + "Hassan said the talks would go on.", resolver))
    assert ("Hassan", "g:hassan") in found(read_checked(named + "Clashes broke out in Hassan.", resolver))
    assert ("حسان", "g:hassan") in found(read_checked("التقى حسان دياب بالوفد. واندلعت اشتباكات في حسان.", resolver))


@pytest.mark.parametrize(
    ("text", "word", "entity_id"),
    [
        ("واندلعت اشتباكات عنيفة في طرابلوس مساء أمس.", "طرابلوس", "place:tripoli-libya"),
        ("وتوجه الوفد إلى بنغاظي صباح اليوم.", "بنغاظي", "place:benghazi"),
        # a capitalised Latin word that resembles a Latin name of the place by its letters
        ("Heavy fighting broke out in Pelmyra on Monday evening.", "Pelmyra", "place:palmyra"),
        ("The delegation arrived in Mogedishu late on Sunday.", "Mogedishu", "place:mogadishu"),
        # a letter doubled inside the name, not a demonym's ending after it
        ("Heavy fighting broke out in Tunissia on Monday evening.", "Tunissia", "place:tunisia"),
        ("Heavy fighting broke out in Benghassi on Monday evening.", "Benghassi", "place:benghazi"),
        # a garble of three consonants where the phrase ends with it (an everyday word or "on" after)
        ("واندلعت اشتباكات عنيفة في الففاشر مساء أمس.", "الففاشر", "place:el-fasher"),
        ("Heavy fighting broke out in Mosoul on Monday evening.", "Mosoul", "place:mosul"),
        # shorter still: a well-known place's name with one letter more (a letter doubled, a vowel written)
        ("واندلعت اشتباكات عنيفة في العوراق مساء أمس.", "العوراق", "place:iraq"),
        ("واندلعت اشتباكات عنيفة في عددن مساء أمس.", "عددن", "place:aden"),
        ("Heavy fighting broke out in Doubai on Monday evening.", "Doubai", "place:dubai"),
        # matched through a Persian spelling whose only Persian letters draw Arabic ones (ک for ك)
        ("واندلعت اشتباكات عنيفة في كسابلنكا مساء أمس.", "كسابلنكا", "place:casablanca"),
        ("واندلعت اشتباكات عنيفة في الجيرس مساء أمس.", "الجيرس", "place:algiers"),
        # an Arabic garble of four consonants or more may name a little-known place (prior 0.3 and 0.2)
        ("واندلعت اشتباكات عنيفة في قيرداها مساء أمس.", "قيرداها", "place:qardaha"),
        ("وتوجه الوفد إلى ممركبا صباح اليوم.", "ممركبا", "place:markaba"),
        # after the head of a place phrase, a rare word that garbles the name
        (
            "واندلعت اشتباكات عنيفة في مطار طروابلس الدولي مساء أمس.",
            "مطار طروابلس الدولي",
            "place:tripoli-international-airport",
        ),
    ],
)
def test_builtin_gazetteer_a_garbled_place_after_a_word_of_place(
    builtin_resolver: er.Resolver, text: str, word: str, entity_id: str
) -> None:
    assert (word, entity_id) in found(read_checked(text, builtin_resolver))


@pytest.mark.parametrize(
    "text",
    [
        # everyday words after في resemble places: الحوار (the dialogue) ~ Lahore, تطبيق ~ Tabqa
        "وأكد الوزير أن الحل يكمن في الحوار وفي تطبيق القرار.",
        # an inflected form of a common word (our heroes) is no garble of Badalona
        "وقال إن الفضل في أبطالنا الذين صمدوا.",
        # a capitalised Latin word after "in" may be anything the gazetteer does not know
        "The plan was outlined in Telegrams sent on Monday.",
        # ... and rare words resemble places through their skeletons and sounds (Poland, Madrid, Honduras),
        # a demonym its country's name with an ending
        "Heavy fighting broke out in Pollinate on Monday evening.",
        "The delegation arrived in Motored late on Sunday, with Handers.",
        "Talks were held in Bangladeshis on Sunday.",
        "Talks were held in Tunisians on Sunday.",
        "Talks were held in Cantona on Sunday.",
    ],
)
def test_builtin_gazetteer_no_garbled_place_where_a_word_or_a_longer_name_stands(
    builtin_resolver: er.Resolver, text: str
) -> None:
    assert [m for m in read_checked(text, builtin_resolver) if m.entity.type == "place"] == []


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        # English names read back into Arabic letters, word by word: matched across scripts
        ("وقالت سيرين ابسيرفتوري فور هومن ريغتس في بيان إن القصف استمر.", "org:syrian-observatory-for-human-rights"),
        ("وقال ان سكوريتي كونكيل في بيان إن الجلسة تأجلت.", "org:un-security-council"),
        # "of" read back into Arabic letters (اف) resembles "of" little; a particle, it does not count
        ("وقالت سوبرامي كورت اف اسريل في بيان إن الجلسة تأجلت.", "org:supreme-court-of-israel"),
        ("وقالت برمنينت كورت اف اربتراتيون في بيان إن الجلسة تأجلت.", "org:permanent-court-of-arbitration"),
        # a name of three words or more keeps one word less alike than the others must be
        # (منجمنت ~ management 0.77, اكنومك ~ economic)
        ("وقالت دساستر اند ايمرجينكي منجمنت برسيدينكي في بيان إن المحادثات ستستمر.", "org:afad"),
        ("وقال ورلد اكنومك فوروم في بيان إن المحادثات ستستمر.", "org:world-economic-forum"),
        ("وقالت شانغاي كوبراتيون اورجنستون في بيان إن المحادثات ستستمر.", "org:sco"),
        # ... and so does a garbled name of four words (بين ~ بن and زاييد ~ زايد less alike than garbles)
        ("وقال سايف بين زاييد النهين في بيان إن المحادثات ستستمر.", "person:saif-bin-zayed"),
    ],
)
def test_builtin_gazetteer_a_name_read_back_or_garbled_word_by_word(
    builtin_resolver: er.Resolver, text: str, entity_id: str
) -> None:
    assert entity_id in {m.entity.id for m in read_checked(text, builtin_resolver)}


@pytest.mark.parametrize(
    ("text", "word", "entity_id"),
    [
        ("وقالت كرملن في بيان إن المحادثات ستستمر الأسبوع المقبل.", "كرملن", "org:kremlin"),
        ("On Monday the Knessat said in a statement that the talks would continue.", "Knessat", "org:knesset"),
        ("وقال حافتر في بيان إن المحادثات ستستمر.", "حافتر", "person:khalifa-haftar"),
        # three consonants only: a well-known name with a letter doubled
        ("وقال تبونن في بيان إن المحادثات ستستمر.", "تبونن", "person:abdelmadjid-tebboune"),
        ("وقالت قسسد في بيان إن المحادثات ستستمر.", "قسسد", "org:syrian-democratic-forces"),
    ],
)
def test_builtin_gazetteer_a_lone_garble_of_a_well_known_name(
    builtin_resolver: er.Resolver, text: str, word: str, entity_id: str
) -> None:
    assert (word, entity_id) in found(read_checked(text, builtin_resolver))


@pytest.mark.parametrize(
    ("text", "mention", "entity_id"),
    [
        ("The fighters posted on Telegram that the town had fallen.", "Telegram", "org:telegram"),
        ("ونقلت قناة على تلغرام عن مصادر أن البلدة سقطت.", "تلغرام", "org:telegram"),
        ("وقالت شركة ميتا إنها حذفت آلاف الحسابات.", "شركة ميتا", "org:meta-platforms"),
        ("نشر الفيديو على تيك توك ويوتيوب.", "تيك توك", "org:tiktok"),
        # frequent words of Arabic text because the platforms are: known well enough to be named alone
        ("وقالت جوجل في بيان إنها ستستثمر في المنطقة.", "جوجل", "org:google"),
        ("وكتب على تويتر أن الهجوم فشل.", "تويتر", "org:twitter"),
        ("وقال إيلون ماسك إن المصنع سيفتح العام المقبل.", "إيلون ماسك", "person:elon-musk"),
        ("وخفضت وكالة موديز تصنيف البلاد الائتماني.", "وكالة موديز", "org:moodys"),
        ("وقصفت القوات مدينة دوما في الغوطة الشرقية.", "دوما", "place:douma"),  # the town, not the State Duma
        # the rainforest, not the company: the longer name wins
        ("The Amazon rainforest is burning again.", "Amazon rainforest", "place:amazon-rainforest"),
        ("حرائق غابات الأمازون تتسع.", "غابات الأمازون", "place:amazon-rainforest"),
    ],
)
def test_builtin_gazetteer_global_companies_and_their_heads_in_running_text(
    builtin_resolver: er.Resolver, text: str, mention: str, entity_id: str
) -> None:
    assert (mention, entity_id) in found(read_checked(text, builtin_resolver))


def test_builtin_gazetteer_meta_is_no_everyday_word(builtin_resolver: er.Resolver) -> None:
    # ميتا is also "dead" (وجدوه ميتا, "they found him dead"): only شركة ميتا and ميتا بلاتفورمز name Meta
    linked = {entity_id for _, entity_id in found(read_checked("وجدوه ميتا في الشارع.", builtin_resolver))}
    assert "org:meta-platforms" not in linked


@pytest.mark.parametrize(
    ("text", "mention", "entity_id"),
    [
        ("وقالت شبكة سي إن إن في بيان إن المحادثات ستستمر.", "سي إن إن", "org:cnn"),
        ("وقالت قناة بي بي سي في تقرير إن القصف استمر.", "بي بي سي", "org:bbc"),
        ("وقال مكتب إف بي آي إن التحقيق مستمر.", "إف بي آي", "org:fbi"),
    ],
)
def test_builtin_gazetteer_an_acronym_spelt_out_in_arabic_letter_names(
    builtin_resolver: er.Resolver, text: str, mention: str, entity_id: str
) -> None:
    # its words are two letters long and some are function words (إن "that", في "in")
    assert (mention, entity_id) in found(read_checked(text, builtin_resolver))


@pytest.mark.parametrize(
    "text",
    [
        # the words after بن name the father of someone the gazetteer does not know (عبدالله الحربي is another)
        "وقال محمد بن عبدالله الحربي في بيان إن المحادثات ستستمر.",
        "On Monday Khalid bin Abdullah al-Harbi said in a statement.",
    ],
)
def test_builtin_gazetteer_the_father_of_a_longer_name_is_no_name_of_its_own(
    builtin_resolver: er.Resolver, text: str
) -> None:
    assert read_checked(text, builtin_resolver) == []


def test_builtin_gazetteer_a_name_with_bin_is_read_whole(builtin_resolver: er.Resolver) -> None:
    text = "وقال ولي العهد الأمير محمد بن سلمان إن المحادثات ستستمر."
    assert ("ولي العهد الأمير محمد بن سلمان", "person:mohammed-bin-salman") in found(
        read_checked(text, builtin_resolver)
    )


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        # the first words before بن (bin) alone are no name: Abdullah here is no King Abdullah
        ("On Monday Abdullah ibn Hussayn al-Ahmar said in a statement.", "person:abdullah-al-ahmar"),
        ("On Monday Abdullah bin Khalid al-Harbi said in a statement.", None),
        ("وقال عبدالله بن خالد الحربي في بيان إن المحادثات ستستمر.", None),
    ],
)
def test_builtin_gazetteer_the_words_before_bin_are_no_name_of_their_own(
    builtin_resolver: er.Resolver, text: str, entity_id: str | None
) -> None:
    linked = {entity for _, entity in found(read_checked(text, builtin_resolver))}
    assert "person:abdullah-ii" not in linked
    if entity_id is not None:
        assert entity_id in linked


def test_letter_names_that_spell_no_whole_name_are_no_acronym(builtin_resolver: er.Resolver) -> None:
    assert read_checked("وقال إن إن الأمر محسوم في بي.", builtin_resolver) == []


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        # rare words that resemble a famous short name by a letter changed or two added
        ("واندلعت اشتباكات عنيفة في عروسى مساء أمس.", "gn:2017370"),  # "bride", not Russia (روسيا)
        ("واندلعت اشتباكات عنيفة في يمانيا مساء أمس.", "gn:2921044"),  # not Germany (ألمانيا)
        ("وقال الظريف في بيان إن المحادثات ستستمر.", "person:mohammad-javad-zarif"),  # "the witty one"
        ("وقال الدبابية في بيان إن المحادثات ستستمر.", "person:abdul-hamid-dbeibah"),
    ],
)
def test_builtin_gazetteer_no_short_garble_unless_one_letter_more(
    builtin_resolver: er.Resolver, text: str, entity_id: str
) -> None:
    assert entity_id not in {m.entity.id for m in read_checked(text, builtin_resolver)}


@pytest.mark.parametrize(
    "text",
    [
        # a word of a longer name the gazetteer does not know: بن, a given name, أبو beside it
        "وقال موبارك بن الي الخاتر في بيان إن المحادثات ستستمر.",
        "وقال محمد حافتر في بيان إن المحادثات ستستمر.",
        "وقال أبو حافتر في بيان إن المحادثات ستستمر.",
        "On Monday Mohammed Haftir said in a statement that the talks would continue.",
        # a lone word resembles a country in names the gazetteer does not know
        "On Monday the Agence Maouritanienne d'information said in a statement.",
        # a Latin word capitalised because it begins the sentence
        "Kremlen is a word we made up.",
    ],
)
def test_builtin_gazetteer_no_lone_garble_where_the_word_is_part_of_a_name(
    builtin_resolver: er.Resolver, text: str
) -> None:
    linked = {m.entity.id for m in read_checked(text, builtin_resolver)}
    assert not linked & {"person:hosni-mubarak", "person:khalifa-haftar", "place:mauritania", "org:kremlin"}


def test_builtin_gazetteer_an_everyday_phrase_is_no_name_garbled_in_every_word(builtin_resolver: er.Resolver) -> None:
    # دولي للسلام ("international ... for peace") resembles الدولة الإسلامية, the Islamic State, word for word
    text = "دعا الرئيس الفلسطيني محمود عباس إلى عقد مؤتمر دولي للسلام."
    assert found(read_checked(text, builtin_resolver)) == [("محمود عباس", "person:mahmoud-abbas")]


def test_builtin_gazetteer_a_little_known_person_garbled_in_every_word_in_rare_arabic_words(
    builtin_resolver: er.Resolver,
) -> None:
    # Fatima Salahi is known by Wikidata only (prior below GARBLED_NAME_MIN_PRIOR): neither word is common Arabic
    text = "وقالت فاتيما ساليهي في بيان إن المحادثات ستستمر."
    assert ("فاتيما ساليهي", "anr:001c5aa5a3b8") in found(read_checked(text, builtin_resolver))
    # capitalised rare words in a row may be any name the gazetteer does not know
    assert read_checked("On Monday Toney Shuman said in a statement that talks would go on.", builtin_resolver) == []


@pytest.mark.parametrize(
    ("text", "word", "entity_id"),
    [
        # "Field Marshal Haftar and his son Saddam": the son, not Saddam Hussein
        ("والتقى في بنغازي بالمشير حفتر ونجله صدام.", "صدام", "person:saddam-haftar"),
        ("Khalifa Haftar and his son Saddam visited Cairo.", "Saddam", "person:saddam-haftar"),
        ("Khalifa Haftar's son Saddam visited Cairo.", "Saddam", "person:saddam-haftar"),
        ("التقى بشار الأسد وشقيقه ماهر في دمشق.", "ماهر", "person:maher-al-assad"),
    ],
)
def test_builtin_gazetteer_a_relative_named_by_the_given_name_after_a_word_of_kinship(
    builtin_resolver: er.Resolver, text: str, word: str, entity_id: str
) -> None:
    assert (word, entity_id) in found(read_checked(text, builtin_resolver))


def test_builtin_gazetteer_a_given_name_after_a_word_of_kinship_that_names_no_relative_keeps_its_link(
    builtin_resolver: er.Resolver,
) -> None:
    # "Erdogan Bilal" names nobody else: the word stays as the resolver read it (here: not a name at all)
    mentions = read_checked("Erdogan and his son Bilal met officials.", builtin_resolver)
    assert [m.entity.id for m in mentions if m.text == "Erdogan"] == ["person:recep-tayyip-erdogan"]
    assert all(m.entity.type != "person" or m.text != "Bilal" for m in mentions)


def test_running_text_reads_one_proclitic_off_a_word(builtin_resolver: er.Resolver) -> None:
    # resolve reads "وبحمص" as Homs, but in running text a conjunction and a preposition come far
    # more often before common words that spell some name: "ولصالح" (and in favour of) is no Saleh
    text = "وقال المسؤول إن القرار جاء ولصالح الشعب وبسلامة المدنيين."
    linked = {mention.entity.id for mention in er.resolve_text(text, resolver=builtin_resolver) if mention.entity}
    assert "person:ali-abdullah-saleh" not in linked
    assert "person:ghassan-salame" not in linked
    for word in ("وبدوا", "ولجان", "فليفلة"):  # and they seemed; and committees; a pepper
        assert er.resolve_text(f"وقال المسؤول إن الوضع {word} تغير كثيرا أمس.", resolver=builtin_resolver) == []
