from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entity_resolve.normalize import normalize_name
from entity_resolve.score import match_name, token_similarity

letters = st.text(
    alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzابتثجحخدذرزسشصضطظعغفقكلمنهوي")),
    min_size=1,
    max_size=12,
)


@given(letters, letters)
def test_token_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    forward = token_similarity(a, b)
    assert 0.0 <= forward <= 1.0
    assert forward == token_similarity(b, a)


@given(letters)
def test_token_is_identical_to_itself(a: str) -> None:
    assert token_similarity(a, a) == 1.0


@given(st.lists(letters, min_size=1, max_size=4), st.lists(letters, min_size=1, max_size=4))
def test_name_match_is_bounded(query: list[str], name: list[str]) -> None:
    match = match_name(tuple(query), tuple(name))
    assert 0.0 <= match.similarity <= 1.0
    assert 0.0 <= match.coverage <= 1.0
    assert len(match.alignment) == min(len(query), len(name))


@given(st.lists(letters, min_size=1, max_size=4))
def test_name_matches_itself_in_any_order(tokens: list[str]) -> None:
    assert match_name(tuple(tokens), tuple(tokens)).similarity == 1.0
    assert match_name(tuple(reversed(tokens)), tuple(tokens)).similarity == pytest.approx(1.0)


def tokens(text: str) -> tuple[str, ...]:
    return normalize_name(text).tokens


@pytest.mark.parametrize(
    ("garble", "true", "decoy"),
    [
        ("هوثر", "حفتر", "طاهر"),
        ("Chalifa Haftar", "خليفة حفتر", "خالد حفتر"),
        ("Bashar al-Assad", "بشار الأسد", "بشير سعد"),
        ("مصرته", "مصراتة", "مرسى"),
        ("Baschar al-Assad", "Bashar al-Assad", "Bushra al-Assad"),
    ],
)
def test_garble_is_closer_to_its_name_than_to_a_decoy(garble: str, true: str, decoy: str) -> None:
    assert match_name(tokens(garble), tokens(true)).similarity > match_name(tokens(garble), tokens(decoy)).similarity


def test_surname_alone_scores_below_full_name() -> None:
    full = match_name(tokens("Khalifa Haftar"), tokens("خليفة حفتر"))
    surname = match_name(tokens("Haftar"), tokens("خليفة حفتر"))
    assert full.similarity > surname.similarity > 0.7
    assert surname.coverage < 1.0


def test_alignment_reports_token_pairs() -> None:
    match = match_name(tokens("Sisi Abdel Fattah"), tokens("عبد الفتاح السيسي"))
    pairs = {(m.query_token, m.name_token) for m in match.alignment}
    assert ("sisi", "السيسي") in pairs
    assert ("fattah", "الفتاح") in pairs


def test_missed_counts_unmatched_name_words_but_not_particles() -> None:
    assert match_name(tokens("Haftar"), tokens("Khalifa Haftar")).missed == 1
    assert match_name(tokens("Khalifa Haftar"), tokens("Khalifa Haftar")).missed == 0
    assert match_name(tokens("God Party"), tokens("Party of God")).missed == 0


def test_metaphone_agreement_counts_only_when_no_consonant_is_lost() -> None:
    # metaphone drops the gh of Dabbagh as English does ("though"): Dabbagh and Taieb share TB
    assert token_similarity("dabbagh", "taieb") < 0.6
    assert match_name(("samir", "dabbagh"), ("samir", "taieb")).similarity < 0.8
    # codes that keep every consonant still agree: Samir ~ Samer, Mohamed ~ Muhammad
    assert token_similarity("samir", "samer") >= 0.9
    assert token_similarity("mohamed", "muhammad") >= 0.9


@pytest.mark.parametrize(
    ("together", "apart"),
    [
        ("حسن نصرالله", "حسن نصر الله"),
        ("Hassan Nasrallah", "Hassan Nasr Allah"),
        ("Abubakr al-Baghdadi", "Abu Bakr al-Baghdadi"),
        ("صلاحالدين السباعي", "صلاح الدين السباعي"),
    ],
)
def test_a_compound_matches_written_together_or_apart(together: str, apart: str) -> None:
    assert match_name(tokens(together), tokens(apart)).similarity == 1.0
    assert match_name(tokens(apart), tokens(together)).similarity == 1.0


@pytest.mark.parametrize(
    ("apart", "one_word"),
    [("نصر الله", "نصرالله"), ("Abu Bakr", "Abubakr"), ("Bin Laden", "Binladen"), ("Nasr Allah", "Nasrallah")],
)
def test_a_compound_written_apart_matches_its_one_word_name_whole(apart: str, one_word: str) -> None:
    assert match_name(tokens(apart), tokens(one_word)).whole == 1.0
    assert match_name(tokens(one_word), tokens(apart)).whole == 1.0


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("تاريك ازز", "تركيا"),  # Tariq Aziz garbled is no Turkey with a letter too many
        ("نيو بيرلين", "برلين"),  # New Berlin is not Berlin
        ("چینی كان", "كينيا"),
    ],
)
def test_words_joined_that_do_not_spell_a_one_word_name_lose_twice_their_distance(mention: str, name: str) -> None:
    matched = match_name(tokens(mention), tokens(name))
    joined = token_similarity("".join(tokens(mention)), "".join(tokens(name)))
    assert matched.whole == pytest.approx(max(0.0, 2.0 * joined - 1.0))
    assert matched.similarity < joined


def test_across_scripts_words_joined_count_as_they_are() -> None:
    # letters change in any transliteration: Nasr Allah against نصرالله loses nothing for the space
    for mention, name in (("Nasr Allah", "نصرالله"), ("نصر الله", "Nasrallah"), ("Nasrallah", "نصر الله")):
        joined = token_similarity("".join(tokens(mention)), "".join(tokens(name)))
        assert match_name(tokens(mention), tokens(name)).whole == pytest.approx(joined)


def test_a_garbled_compound_written_apart_keeps_most_of_its_whole_score() -> None:
    assert match_name(tokens("Nasr Alah"), tokens("Nasrallah")).similarity > 0.95
    assert match_name(tokens("ابظبی"), tokens("أبو ظبي")).similarity > 0.95


def test_only_compounds_are_read_as_written_together() -> None:
    # Alhassan is al-Hassan, not Ali Hassan: "ali" is no compound head
    assert match_name(tokens("Mohammed Alhassan"), tokens("Mohammed Ali Hassan")).similarity < 0.9


@pytest.mark.parametrize(
    ("first", "second"), [("hassan", "hussein"), ("hasan", "hosein"), ("saeed", "saad"), ("vahid", "fahad")]
)
def test_metaphone_does_not_lift_two_names_told_apart(first: str, second: str) -> None:
    # one metaphone code (HSN, ST, FHT), but حسن and حسين, سعيد and سعد are two names
    assert token_similarity(first, second) < 0.8


@pytest.mark.parametrize(
    ("first", "second"), [("kamel", "kamal"), ("leila", "laila"), ("hamdy", "hamdi"), ("nouman", "numan")]
)
def test_metaphone_still_lifts_spellings_a_vowel_apart(first: str, second: str) -> None:
    # the lexicon tells some of these apart, but a vowel changed or added is one name spelt two ways as often as not
    assert token_similarity(first, second) >= 0.9


def test_two_wikidata_groups_of_one_arabic_spelling_are_one_name() -> None:
    # Tayeb and Taïeb are two name groups that both write الطيب: the same name, no penalty
    assert token_similarity("taieb", "tayeb") > 0.9
    assert token_similarity("omar", "amr") < 0.9  # عمر and عمرو stay two names


def _greedy_alignment(query: tuple[str, ...], name: tuple[str, ...], learned: bool) -> list[tuple[int, int, float]]:
    """``score._align`` as first written: every pair sorted, then the greedy pass over all of them."""
    from entity_resolve.score import _DEFAULT_SETTINGS, token_similarity

    similarity = [[token_similarity(q, n, _DEFAULT_SETTINGS, learned=learned) for n in name] for q in query]
    pairs = sorted((-similarity[i][j], i, j) for i in range(len(query)) for j in range(len(name)))
    used_query: set[int] = set()
    used_name: set[int] = set()
    chosen = []
    for negated, i, j in pairs:
        if i not in used_query and j not in used_name:
            used_query.add(i)
            used_name.add(j)
            chosen.append((i, j, -negated))
    return sorted(chosen)


_WORDS = ["haftar", "hifter", "khalifa", "ali", "al", "bin", "حفتر", "خليفه", "علي", "بن", "سلمان", "salman"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4),
    st.booleans(),
)
def test_alignment_is_the_greedy_pass_over_every_pair(query: list[str], name: list[str], learned: bool) -> None:
    from entity_resolve.score import _DEFAULT_SETTINGS, _align

    assert _align(tuple(query), tuple(name), _DEFAULT_SETTINGS, learned) == _greedy_alignment(
        tuple(query), tuple(name), learned
    )


_Forms = tuple[tuple[str, str, str, bool], ...]


def _every_reading_pair(
    forms_a: _Forms, forms_b: _Forms, fine_weight: float, vowel_weight: float, cross_script: bool
) -> float:
    """``score._best_reading_pair`` as first written: every reading pair compared in full."""
    from entity_resolve.score import _indel, _levenshtein, _vowel_agreement, _vowel_share

    best = 0.0
    for fine_a, coarse_a, vocalic_a, _indexed_a in forms_a:
        for fine_b, coarse_b, vocalic_b, _indexed_b in forms_b:
            consonants_a, consonants_b = len(fine_a), len(fine_b)  # a form's consonants: its fine skeleton
            skeleton = fine_weight * _levenshtein(fine_a, fine_b) + (1.0 - fine_weight) * _indel(coarse_a, coarse_b)
            vowels = _vowel_agreement(vocalic_a, vocalic_b, cross_script)
            weight = _vowel_share(vowel_weight, min(consonants_a, consonants_b))
            best = max(best, (1.0 - weight) * skeleton + weight * vowels)
    return best


@settings(max_examples=300, deadline=None)
@given(letters, letters, st.sampled_from([(0.35, 0.3), (0.35, 0.15), (0.6, 0.5)]))
def test_best_reading_pair_equals_every_pair_compared_in_full(a: str, b: str, weights: tuple[float, float]) -> None:
    """Skipping a pair whose skeleton cannot win (whatever its vowels) changes no similarity."""
    from entity_resolve.keys import plain_readings
    from entity_resolve.score import _best_reading_pair, _cross_script_forms

    fine_weight, vowel_weight = weights
    for forms, cross_script in ((plain_readings, False), (_cross_script_forms, True)):
        expected = _every_reading_pair(forms(a), forms(b), fine_weight, vowel_weight, cross_script)
        assert _best_reading_pair(forms(a), forms(b), fine_weight, vowel_weight, cross_script) == expected


def test_similarities_under_many_settings_keep_a_bounded_number_of_caches() -> None:
    # a sweep over settings keeps the default settings' similarities and a few others, not one cache per try
    from entity_resolve import score
    from entity_resolve.config import Settings

    default = score.token_similarity("haftar", "hafter")
    for step in range(40):
        swept = Settings(fine_weight=0.2 + step / 100)
        assert 0.0 <= score.token_similarity("haftar", "hafter", swept) <= 1.0
    assert len(score._kept_similarities) <= score._WEIGHT_SETS_KEPT
    assert score.token_similarity("haftar", "hafter") == default
    weights = (score._DEFAULT_FINE_WEIGHT, score._DEFAULT_VOWEL_WEIGHT)
    for kind, kept in enumerate(score._default_similarities):
        assert kept is score._kept_similarities[(*weights, kind)]
