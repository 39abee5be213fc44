"""Score: how well a normalised mention matches one name of an entity.

Every edit distance is rapidfuzz's. A token pair is compared on its coarse
skeleton (confusable classes, Indel similarity: a dropped or inserted letter
costs little), its fine skeleton (Levenshtein) and, when both tokens are in the
same script, its spelling. Multi-word names are aligned token by token,
order-free, and the whole name is also compared as one string (for names
tokenised differently, "Abdelaziz" against "عبد العزيز"). A mention that covers
part of a name (a surname alone) keeps most of its score.

Examples
--------
>>> round(token_similarity("حفتر", "haftar"), 2)
0.86
>>> round(token_similarity("هوثر", "حفتر"), 2) > round(token_similarity("طاهر", "حفتر"), 2)
True
>>> match = match_name(("هوثر",), ("khalifa", "haftar"))
>>> [(m.query_token, m.name_token) for m in match.alignment]
[('هوثر', 'haftar')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, TypeVar

from rapidfuzz.distance import Indel, LCSseq, Levenshtein

from .config import Settings
from .keys import PlainReading, cross_script_form, fine_skeleton, latin_comparable, latin_phonetic_code, plain_readings
from .learned import transliteration_similarity
from .name_parts import are_different_names
from .normalize import may_be_one_word

__all__ = ["NameMatch", "TokenMatch", "is_particle", "match_name", "token_similarity", "token_weight"]

_DEFAULT_SETTINGS = Settings()
#: Tokens that are particles of Arabic names: they count half.
_PARTICLES: Final = frozenset(
    {
        "of",
        "the",
        "and",
        "for",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "et",
        "der",
        "die",
        "das",
        "und",
        "von",
        "van",
        "del",
        "di",
        "da",
        "abd",
        "abu",
        "abou",
        "bin",
        "ben",
        "ibn",
        "bint",
        "ould",
        "umm",
        "abi",
        "عبد",
        "ابو",
        "ابي",
        "ابا",
        "بن",
        "ابن",
        "بنت",
        "ولد",
        "ام",
    }
)
_PARTICLE_WEIGHT: Final = 0.5
#: Best similarity of two tokens in different scripts: a transliteration is
#: never as sure as the same spelling.
CROSS_SCRIPT_CEILING: Final = 0.95
#: Share of the recall of the Arabic letters in the cross-script vowel agreement
#: (the rest is the symmetric Indel similarity, which counts extra Latin vowels).
_RECALL_SHARE: Final = 0.7
#: Within Arabic script, long vowels are what garbles insert and drop: they weigh half.
_ARABIC_VOWEL_SHARE: Final = 0.5
#: Share of the skeleton similarity in a cross-script token similarity; the rest
#: is the learned transducer's (``learned.py``). Chosen on a tuning slice of the
#: training pairs (scripts/eval_learned.py), never on dev.
_SKELETON_SHARE: Final = 0.3
#: Factor of two tokens that the name-part lexicon knows as two different names.
_DIFFERENT_NAMES_FACTOR: Final = 0.85
#: A final ي on one Arabic token only (a nisba adjective or surname) marks another word.
_NISBA: Final = "ي"
_NISBA_FACTOR: Final = 0.93
_NISBA_MIN_LETTERS: Final = 4
#: Skeletons shorter than this lean on their vowels.
_SHORT_SKELETON: Final = 3
#: Share of the plain spelling in a Latin-to-Latin token similarity.
_LATIN_SURFACE_SHARE: Final = 0.3
#: Token pairs less similar than this are different tokens: half credit.
_DIFFERENT_TOKEN: Final = 0.6
#: Share of a name's weight a partial mention must cover to keep the whole partial floor.
_MIN_PARTIAL_COVERAGE: Final = 0.3
#: Weight of the words of a role or description before a fully matched name.
_DESCRIPTOR_WEIGHT: Final = 0.25
#: Agreement of jellyfish metaphone codes lifts a Latin pair to at least this.
_PHONETIC_MATCH_FLOOR: Final = 0.9
#: Two names the name-part lexicon tells apart are not lifted when their spellings differ by
#: more letters inserted or deleted (Indel distance) than this: metaphone drops the vowels that
#: tell Hassan from Hussein and Saeed from Saad, while Kamel and Kamal, Leila and Laila, Nouman
#: and Numan (a vowel changed or added: one name spelt two ways as often as not) stay lifted.
_DIFFERENT_NAMES_MAX_LIFTED_EDITS: Final = 2
#: Letters shared by a word and two neighbouring words of the other name written as one
#: (Indel similarity) for them to be read as one compound (Nasrullah ~ Nasr Allah).
_WRITTEN_TOGETHER_SIMILARITY: Final = 0.8
#: A one-word name compared whole with a mention of several words joined (or the other way
#: round), in one script, loses this many times its distance again: a compound written apart
#: keeps its letters.
_WRITTEN_APART_COST: Final = 1.0


@dataclass(frozen=True, slots=True)
class TokenMatch:
    """One aligned pair of tokens and their similarity in [0, 1]."""

    query_token: str
    name_token: str
    similarity: float

    def __reduce__(self) -> tuple[type[TokenMatch], tuple[str, str, float]]:
        # pickled (and copied) as its constructor's arguments: compiled by mypyc, a frozen
        # dataclass refuses the attribute setting that pickle's default way does
        return (TokenMatch, (self.query_token, self.name_token, self.similarity))


@dataclass(frozen=True, slots=True)
class NameMatch:
    """How a mention's tokens match a name's tokens.

    Attributes
    ----------
    similarity : float
        The match score in [0, 1]: the better of ``aligned`` and ``whole``.
    aligned : float
        Token-alignment score (precision over the mention, scaled by coverage).
    whole : float
        Similarity of the whole skeletons, tokens joined in order.
    coverage : float
        Weighted share of the name's tokens matched.
    alignment : tuple of TokenMatch
        The aligned pairs, in mention order.
    missed : int
        The name's words that no mention token matched, particles (of, bin,
        عبد) not counted: 0 when the mention covers the whole name.
    """

    similarity: float
    aligned: float
    whole: float
    coverage: float
    alignment: tuple[TokenMatch, ...]
    missed: int = 0

    def __reduce__(self) -> tuple[type[NameMatch], tuple[float, float, float, float, tuple[TokenMatch, ...], int]]:
        # pickled as its constructor's arguments (see ``TokenMatch.__reduce__``)
        return (NameMatch, (self.similarity, self.aligned, self.whole, self.coverage, self.alignment, self.missed))


#: Set a field of a frozen dataclass instance, past its ``__setattr__`` that refuses it: the
#: field's own slot descriptor (a member descriptor, or mypyc's getset descriptor when compiled),
#: what ``object.__setattr__`` ends at after looking the name up.
_set_query_token: Final = vars(TokenMatch)["query_token"].__set__
_set_name_token: Final = vars(TokenMatch)["name_token"].__set__
_set_token_similarity: Final = vars(TokenMatch)["similarity"].__set__
_set_similarity: Final = vars(NameMatch)["similarity"].__set__
_set_aligned: Final = vars(NameMatch)["aligned"].__set__
_set_whole: Final = vars(NameMatch)["whole"].__set__
_set_coverage: Final = vars(NameMatch)["coverage"].__set__
_set_alignment: Final = vars(NameMatch)["alignment"].__set__
_set_missed: Final = vars(NameMatch)["missed"].__set__


def _token_match(query_token: str, name_token: str, similarity: float) -> TokenMatch:
    """``TokenMatch(query_token, name_token, similarity)``, made without the dataclass's ``__init__``.

    The ``__init__`` that ``dataclass`` generates is interpreted even when this
    module is compiled; setting the three fields through their descriptors costs
    a third of it, and scoring makes one per aligned pair. Same object.

    Examples
    --------
    >>> _token_match("hftr", "haftar", 0.9) == TokenMatch("hftr", "haftar", 0.9)
    True
    """
    made = TokenMatch.__new__(TokenMatch)
    _set_query_token(made, query_token)
    _set_name_token(made, name_token)
    _set_token_similarity(made, similarity)
    return made


def _name_match(
    similarity: float, aligned: float, whole: float, coverage: float, alignment: tuple[TokenMatch, ...], missed: int
) -> NameMatch:
    """``NameMatch(...)`` made without the dataclass's ``__init__`` (see ``_token_match``): one per scored name.

    Examples
    --------
    >>> _name_match(1.0, 1.0, 0.0, 0.5, (), 1) == NameMatch(1.0, 1.0, 0.0, 0.5, (), 1)
    True
    """
    made = NameMatch.__new__(NameMatch)
    _set_similarity(made, similarity)
    _set_aligned(made, aligned)
    _set_whole(made, whole)
    _set_coverage(made, coverage)
    _set_alignment(made, alignment)
    _set_missed(made, missed)
    return made


def _is_arabic(token: str) -> bool:
    return bool(token) and "\u0600" <= token[0] <= "\u06ff"


def is_particle(token: str) -> bool:
    """Whether a normalised token is a particle of names (of, de, bin, عبد): it counts half.

    Examples
    --------
    >>> is_particle("of"), is_particle("بن"), is_particle("libya")
    (True, True, False)
    """
    return token in _PARTICLES


#: Work kept between calls, in plain dicts from strings to numbers: the garbage collector stops
#: tracking such a dict, where it walks every entry of an ``lru_cache`` (and of a dict of tuples) in
#: each full collection, hundreds of thousands in a long run. Each is emptied when it holds
#: ``_KEPT`` entries.
_KEPT: Final = 262_144
_Kept = TypeVar("_Kept")  # what a dict of ``_kept`` holds
_kept_weights: Final[dict[str, float]] = {}
#: Token-pair similarities by the two weights of their settings and whether the learned model counts:
#: each a dict from the two tokens joined by ``_PAIR_JOINER`` (in the order given) to the similarity.
_kept_similarities: Final[dict[tuple[float, float, int], dict[str, float]]] = {}
_PAIR_JOINER: Final = "\x1f"  # never in a normalised token
#: At most this many (weights, kind) dicts are kept: the default settings' three and a few others.
_WEIGHT_SETS_KEPT: Final = 12
#: The kinds of similarity kept: the skeletons' (``_token_similarity``), and ``_pair_similarity``'s
#: with and without the learned model.
_SKELETONS: Final = 0
_LEARNED: Final = 1
_NOT_LEARNED: Final = 2


_DEFAULT_FINE_WEIGHT: Final = _DEFAULT_SETTINGS.fine_weight
_DEFAULT_VOWEL_WEIGHT: Final = _DEFAULT_SETTINGS.vowel_weight
#: The default settings' three dicts, read without a tuple made and hashed per call.
_default_similarities: Final = tuple(
    _kept_similarities.setdefault((_DEFAULT_FINE_WEIGHT, _DEFAULT_VOWEL_WEIGHT, kind), {})
    for kind in (_SKELETONS, _LEARNED, _NOT_LEARNED)
)


def _kept(kept: dict[str, _Kept], key: str, value: _Kept) -> None:
    """Keep ``value`` under ``key``, emptying ``kept`` first when it is full."""
    if len(kept) >= _KEPT:
        kept.clear()
    kept[key] = value


def _similarities(fine_weight: float, vowel_weight: float, kind: int) -> dict[str, float]:
    """The dict that keeps the similarities of one kind under one pair of weights (``_kept_similarities``)."""
    if fine_weight == _DEFAULT_FINE_WEIGHT and vowel_weight == _DEFAULT_VOWEL_WEIGHT:
        return _default_similarities[kind]  # the common case, without a tuple made and hashed
    found = _kept_similarities.get((fine_weight, vowel_weight, kind))
    if found is None:
        if len(_kept_similarities) >= _WEIGHT_SETS_KEPT:  # a sweep over settings: let the others' go
            for weights in [w for w in _kept_similarities if w[:2] != (_DEFAULT_FINE_WEIGHT, _DEFAULT_VOWEL_WEIGHT)]:
                del _kept_similarities[weights]
        found = _kept_similarities[(fine_weight, vowel_weight, kind)] = {}
    return found


def token_weight(token: str) -> float:
    """Weight of a token in a name: its consonant count, particles halved.

    Examples
    --------
    >>> token_weight("haftar"), token_weight("bin")
    (4.0, 0.5)
    """
    found = _kept_weights.get(token)
    if found is None:
        found = _PARTICLE_WEIGHT if token in _PARTICLES else float(max(1, len(fine_skeleton(token))))
        _kept(_kept_weights, token, found)
    return found


#: A token's readings as the scorer compares them: ``(fine, coarse, vocalic, indexed)`` each
#: (``keys.plain_readings``; across scripts, ``_cross_script_forms``).
_Forms = tuple[PlainReading, ...]
#: ``_cross_script_forms``'s forms, kept (emptied when full). Within one script the scorer reads
#: ``keys.plain_readings`` as they are.
_kept_cross_script_forms: Final[dict[str, _Forms]] = {}


def _cross_script_forms(token: str) -> _Forms:
    """The readings of a token as compared across scripts (an Arabic vocalic skeleton as Latin shows it).

    ``cross_script_form`` maps letter to letter: each form's fine skeleton is as long as the reading's.
    """
    found = _kept_cross_script_forms.get(token)
    if found is None:
        arabic = _is_arabic(token)
        found = tuple(
            [
                (
                    cross_script_form(fine),
                    coarse,
                    cross_script_form(latin_comparable(vocalic) if arabic else vocalic),
                    indexed,
                )
                for fine, coarse, vocalic, indexed in plain_readings(token)
            ]
        )
        _kept(_kept_cross_script_forms, token, found)
    return found


_DIGIT_RUN: Final = re.compile("[0-9]+")


def _with_numbers(a: str, b: str) -> tuple[str, str] | None:
    """The letters of two tokens of which one holds a number, or None when they cannot match.

    A number matches itself only: the numbers of the two tokens must be the same (24 is
    not 12, G20 is not G7) and both tokens have letters beside them or neither (G20 is
    not 20). A number is no tiny garble of some word.
    """
    if _DIGIT_RUN.findall(a) != _DIGIT_RUN.findall(b):
        return None
    letters_a, letters_b = _DIGIT_RUN.sub("", a), _DIGIT_RUN.sub("", b)
    if not (letters_a and letters_b):
        return None
    return letters_a, letters_b


def _has_digit(a: str, b: str) -> bool:
    # tokens are letters and digits: a token of letters only is the common case, checked fast
    if a.isalpha() and b.isalpha():
        return False
    return _DIGIT_RUN.search(a) is not None or _DIGIT_RUN.search(b) is not None


def _is_repeated_letter(token: str) -> bool:
    """One letter repeated (aa, ppp): an acronym as written (AA, PPP), which matches only itself."""
    return len(token) > 1 and token.count(token[0]) == len(token) and token.isalpha()


def _token_similarity(a: str, b: str, fine_weight: float, vowel_weight: float) -> float:
    """The skeleton similarity of two tokens (across scripts: without the learned model), kept."""
    kept = _similarities(fine_weight, vowel_weight, _SKELETONS)
    key = a + _PAIR_JOINER + b
    found = kept.get(key)
    if found is None:
        found = _skeleton_similarity(a, b, fine_weight, vowel_weight)
        _kept(kept, key, found)
    return found


def _skeleton_similarity(a: str, b: str, fine_weight: float, vowel_weight: float) -> float:
    """``_token_similarity``, worked out."""
    if a == b:
        return 1.0
    if _is_repeated_letter(a) or _is_repeated_letter(b):
        return 0.0  # FF is not a tiny garble of VAE, nor ZZ of Zaouia
    if _has_digit(a, b):
        letters = _with_numbers(a, b)
        if letters is None:
            return 0.0
        first, second = sorted(letters)
        return _token_similarity(first, second, fine_weight, vowel_weight)
    arabic_a, arabic_b = "\u0600" <= a[:1] <= "\u06ff", "\u0600" <= b[:1] <= "\u06ff"
    cross_script = arabic_a != arabic_b
    if arabic_b and not arabic_a:
        a, b = b, a  # the Arabic token first
    if not cross_script and arabic_a:
        vowel_weight *= _ARABIC_VOWEL_SHARE
    forms = _cross_script_forms if cross_script else plain_readings
    best = _best_reading_pair(forms(a), forms(b), fine_weight, vowel_weight, cross_script)
    different_names = are_different_names(a, b)
    if different_names:
        best *= _DIFFERENT_NAMES_FACTOR  # محمود is not a garble of محمد: both are names
    if cross_script:
        return CROSS_SCRIPT_CEILING * best
    if arabic_a and (a[-1] == _NISBA) != (b[-1] == _NISBA) and min(len(a), len(b)) >= _NISBA_MIN_LETTERS:
        best *= _NISBA_FACTOR  # البغدادي is of Baghdad, not Baghdad; السوداني is not السودان
    if not arabic_a:
        # Latin spellings of one script: the letters themselves count too (however is not Hoover)
        best = (1.0 - _LATIN_SURFACE_SHARE) * best + _LATIN_SURFACE_SHARE * _indel(a, b)
        if best < _PHONETIC_MATCH_FLOOR and _phonetic_agreement(a, b) and not _told_apart(a, b, different_names):
            best = _PHONETIC_MATCH_FLOOR
    return best


def _told_apart(a: str, b: str, different_names: bool) -> bool:
    """Two Latin tokens that the name-part lexicon knows as different names and whose spellings differ
    by more than ``_DIFFERENT_NAMES_MAX_LIFTED_EDITS`` letters inserted or deleted: no phonetic lift.

    Examples
    --------
    >>> _told_apart("hassan", "hussein", True), _told_apart("kamel", "kamal", True)
    (True, False)
    """
    return different_names and Indel.distance(a, b) > _DIFFERENT_NAMES_MAX_LIFTED_EDITS


def _phonetic_agreement(a: str, b: str) -> bool:
    """Two Latin tokens of one metaphone code that keeps all their consonants.

    Metaphone follows English: it drops the gh of Dabbagh as in "though", so
    Dabbagh and Taieb share the code TB. A code shorter than a token's
    consonant skeleton has lost letters and agrees by chance.
    """
    code = latin_phonetic_code(a)
    if not code or code != latin_phonetic_code(b):
        return False
    return len(code) >= max(len(fine_skeleton(a)), len(fine_skeleton(b)))


def _best_reading_pair(
    forms_a: _Forms, forms_b: _Forms, fine_weight: float, vowel_weight: float, cross_script: bool
) -> float:
    """Best similarity over every reading of one token against every reading of the other.

    The same sums as ``_vowel_agreement`` and ``_vowel_share``, written out: this is the
    innermost loop of scoring.
    """
    coarse_weight = 1.0 - fine_weight
    best = 0.0
    for fine_a, coarse_a, vocalic_a, _indexed_a in forms_a:
        consonants_a = len(fine_a)
        for fine_b, coarse_b, vocalic_b, _indexed_b in forms_b:
            consonants_b = len(fine_b)
            # equal skeletons are similar 1.0 without asking rapidfuzz (readings of related names often are)
            fine = 1.0 if fine_a == fine_b else _levenshtein(fine_a, fine_b)
            coarse = 1.0 if coarse_a == coarse_b else _indel(coarse_a, coarse_b)
            skeleton = fine_weight * fine + coarse_weight * coarse
            consonants = consonants_a if consonants_a < consonants_b else consonants_b
            weight = vowel_weight if consonants >= _SHORT_SKELETON else _vowel_share(vowel_weight, consonants)
            if (1.0 - weight) * skeleton + weight <= best:
                continue  # no better whatever the vowels (their agreement is at most 1.0)
            if not cross_script:
                vowels = 1.0 if vocalic_a == vocalic_b else _indel(vocalic_a, vocalic_b)
            elif vocalic_a:
                common = _lcs(vocalic_a, vocalic_b)
                written = len(vocalic_a)
                vowels = _RECALL_SHARE * common / written + (1 - _RECALL_SHARE) * 2.0 * common / (
                    written + len(vocalic_b)
                )
            else:
                vowels = _vowel_agreement(vocalic_a, vocalic_b, cross_script)
            similarity = (1.0 - weight) * skeleton + weight * vowels
            if similarity > best:
                best = similarity
    return best


_levenshtein: Final = Levenshtein.normalized_similarity
_indel: Final = Indel.normalized_similarity
_lcs: Final = LCSseq.similarity


def _vowel_agreement(written: str, other: str, cross_script: bool) -> float:
    """Agreement of vocalic skeletons: Indel similarity, and across scripts mostly
    the share of the Arabic token's written letters found in order in the Latin one."""
    if not cross_script:
        return _indel(written, other)
    if not written:  # nothing written to find; extra Latin vowels still count against
        return _RECALL_SHARE + (1 - _RECALL_SHARE) * (0.0 if other else 1.0)
    common = LCSseq.similarity(written, other)
    return _RECALL_SHARE * common / len(written) + (1 - _RECALL_SHARE) * 2.0 * common / (len(written) + len(other))


def _vowel_share(vowel_weight: float, consonants: int) -> float:
    """Vowels weigh more in short names: two consonants say little (Seeb, Usbu')."""
    if consonants >= _SHORT_SKELETON:
        return vowel_weight
    return vowel_weight + (1.0 - vowel_weight) * (_SHORT_SKELETON - consonants) / _SHORT_SKELETON


def token_similarity(a: str, b: str, settings: Settings = _DEFAULT_SETTINGS, *, learned: bool = True) -> float:
    """Similarity in [0, 1] of two normalised tokens, any scripts.

    Symmetric; 1.0 for identical tokens and for cross-script tokens with the
    same skeleton.

    Examples
    --------
    >>> round(token_similarity("khalifa", "خليفه"), 2), token_similarity("x", "x")
    (0.89, 1.0)
    """
    return _pair_similarity(a, b, settings.fine_weight, settings.vowel_weight, learned)


def _pair_similarity(a: str, b: str, fine_weight: float, vowel_weight: float, learned: bool) -> float:
    """``token_similarity``, kept by its arguments (the settings enter through their two weights)."""
    kept = _similarities(fine_weight, vowel_weight, _LEARNED if learned else _NOT_LEARNED)
    key = a + _PAIR_JOINER + b
    found = kept.get(key)
    if found is None:
        found = _worked_out_pair_similarity(a, b, fine_weight, vowel_weight, learned)
        _kept(kept, key, found)
    return found


def _worked_out_pair_similarity(a: str, b: str, fine_weight: float, vowel_weight: float, learned: bool) -> float:
    """``_pair_similarity``, worked out."""
    if a > b:
        a, b = b, a
    if a != b and (_is_repeated_letter(a) or _is_repeated_letter(b)):
        return 0.0
    if a != b and _has_digit(a, b):
        letters = _with_numbers(a, b)
        return 0.0 if letters is None else _pair_similarity(*letters, fine_weight, vowel_weight, learned)
    skeleton = _token_similarity(a, b, fine_weight, vowel_weight)
    if not learned:
        return skeleton
    arabic_a, arabic_b = _is_arabic(a), _is_arabic(b)
    if arabic_a == arabic_b or a == b:
        return skeleton
    # across scripts, the hand-made skeletons blended with the transducer learned from real name pairs
    arabic, latin = (a, b) if arabic_a else (b, a)
    return _SKELETON_SHARE * skeleton + (1.0 - _SKELETON_SHARE) * CROSS_SCRIPT_CEILING * transliteration_similarity(
        arabic, latin
    )


def match_name(
    query: Sequence[str],
    name: Sequence[str],
    settings: Settings = _DEFAULT_SETTINGS,
    *,
    partial_floor: float | None = None,
    leading_descriptor: int = 2,
    learned: bool = True,
) -> NameMatch:
    """Align a mention's tokens with a name's tokens and score the match.

    Parameters
    ----------
    query, name : sequence of str
        Normalised tokens (``normalize_name(...).tokens``).
    settings : Settings
        Weights; see ``Settings``.
    partial_floor : float, optional
        Score factor of a mention that covers none of the name's other tokens;
        defaults to ``settings.partial_floor``.
    leading_descriptor : int
        Fewest unmatched words before a fully matched multi-word name that
        read as a role ("رئيس المجلس الرئاسي محمد المنفي") and count little;
        fewer are a different first name (أيهم نادر الشماع is not Nader
        al-Shammaa). The resolver lowers it to 1 after a title cue.
    learned : bool
        Blend the learned transducer into cross-script token pairs (the
        default). The resolver ranks its candidates without it first, then
        scores the best few with it.

    Returns
    -------
    NameMatch
        ``similarity`` in [0, 1] with its parts.

    Notes
    -----
    Alignment is greedy on the similarity matrix (best pair first), which is
    optimal for the two or three tokens of most names; cost is
    O(len(query) * len(name)) token comparisons, each cached. A compound
    written as one word on one side and as two on the other (نصرالله and
    نصر الله, Abubakr and Abu Bakr) is also matched joined, and the better
    match kept (see ``_written_together``). A one-word name is also compared
    whole with the mention's words joined (and a one-word mention with the
    name's), in one script at twice the distance (``_whole_similarity``): a
    compound written apart keeps its letters, while two words that only
    resemble one name joined (تاريك ازز, a garbled Tariq Aziz, joined against
    تركيا) do not.

    Examples
    --------
    >>> match_name(("haftar",), ("khalifa", "haftar")).similarity < 1.0
    True
    >>> match_name(("haftar", "khalifa"), ("khalifa", "haftar")).similarity
    1.0
    """
    if not query or not name:
        return NameMatch(0.0, 0.0, 0.0, 0.0, ())
    if partial_floor is None:
        partial_floor = settings.partial_floor
    query, name = tuple(query), tuple(name)
    matched = _match_tokens(query, name, settings, partial_floor, leading_descriptor, learned)
    if matched.similarity < 1.0 and min(len(query), len(name)) >= 2 and len(query) != len(name):
        for joined_query, joined_name in _written_together(query, name):
            rejoined = match_name(
                joined_query,
                joined_name,
                settings,
                partial_floor=partial_floor,
                leading_descriptor=leading_descriptor,
                learned=learned,
            )
            if rejoined.similarity > matched.similarity:
                matched = rejoined
    return matched


def _written_together(query: tuple[str, ...], name: tuple[str, ...]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The mention and name with two neighbouring words of the longer one written as one word,
    where the other spells that word (nearly) so.

    Compounds of Arabic names are written apart or together: نصر الله and
    نصرالله, Abu Bakr and Abubakr, Awad Allah and Awadallah, Salah al-Din and
    Salaheddine, Bin Laden and Binladen. Only words that
    ``normalize.may_be_one_word`` joins are joined (Ali Hassan is not Alhassan), and only
    words of one script are compared, by their letters (Indel similarity at
    least ``_WRITTEN_TOGETHER_SIMILARITY``).

    Examples
    --------
    >>> _written_together(("hassan", "nasrallah"), ("hassan", "nasr", "allah"))
    [(('hassan', 'nasrallah'), ('hassan', 'nasrallah'))]
    >>> _written_together(("alhassan", "salem"), ("ali", "hassan", "salem"))
    []
    """
    query_longer = len(query) > len(name)
    longer, shorter = (query, name) if query_longer else (name, query)
    found: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for position in range(len(longer) - 1):
        first, second = longer[position], longer[position + 1]
        if _is_arabic(first) != _is_arabic(second) or not may_be_one_word(first, second):
            continue
        together = first + second
        if not any(
            _is_arabic(word) == _is_arabic(together) and _indel(word, together) >= _WRITTEN_TOGETHER_SIMILARITY
            for word in shorter
        ):
            continue
        joined = (*longer[:position], together, *longer[position + 2 :])
        found.append((joined, shorter) if query_longer else (shorter, joined))
    return found


def _match_tokens(
    query: tuple[str, ...],
    name: tuple[str, ...],
    settings: Settings,
    partial_floor: float,
    leading_descriptor: int,
    learned: bool,
) -> NameMatch:
    """``match_name`` of the tokens as they are written apart."""
    chosen = _align(query, name, settings, learned)
    query_weights, query_total = _weights(query)
    name_weights, name_total = _weights(name)
    if len(query) - len(name) >= leading_descriptor and _is_descriptor_then_name(chosen, len(query), len(name)):
        # "رئيس المجلس الرئاسي محمد المنفي": a role before a fully matched name counts little
        first = min(i for i, _j, _sim in chosen)
        descriptor_weights = [w * _DESCRIPTOR_WEIGHT if i < first else w for i, w in enumerate(query_weights)]
        query_weights, query_total = tuple(descriptor_weights), sum(descriptor_weights)
    # the credited similarities summed in one pass, in alignment order: a pair less similar than
    # _DIFFERENT_TOKEN is two different tokens, credited half
    precise, covered, recalled = 0.0, 0.0, 0.0
    for i, j, sim in chosen:
        credit = sim if sim >= _DIFFERENT_TOKEN else sim / 2.0
        precise += query_weights[i] * credit
        covered += name_weights[j]
        recalled += name_weights[j] * credit
    precision = precise / query_total
    coverage = covered / name_total
    recall = recalled / name_total
    # a mention that covers a sliver of the name ("of" in "Party of God") keeps little of the floor
    floor = partial_floor * min(1.0, coverage / _MIN_PARTIAL_COVERAGE)
    aligned = precision * (floor + (1.0 - floor) * recall)
    # one side written as one word (Nasrallah / نصر الله): compare the whole names
    tokenised_apart = min(len(query), len(name)) == 1 < max(len(query), len(name))
    whole = _whole_similarity("".join(query), "".join(name), settings, learned) if tokenised_apart else 0.0
    alignment = tuple([_token_match(query[i], name[j], sim) for i, j, sim in chosen])
    partial = coverage < 1.0 and whole <= aligned
    missed = _missed_words(name_weights, {j for _i, j, _sim in chosen}) if partial else 0
    return _name_match(min(1.0, max(aligned, whole)), aligned, whole, coverage, alignment, missed)


def _whole_similarity(joined_query: str, joined_name: str, settings: Settings, learned: bool) -> float:
    """The similarity of a mention and a name, their words joined, one side being one word.

    Within one script a compound written apart keeps its letters, so the
    distance counts ``1 + _WRITTEN_APART_COST`` times; across scripts letters
    change anyway, and the similarity counts as it is.
    """
    similarity = _pair_similarity(joined_query, joined_name, settings.fine_weight, settings.vowel_weight, learned)
    if _is_arabic(joined_query) != _is_arabic(joined_name):
        return similarity
    return max(0.0, similarity - _WRITTEN_APART_COST * (1.0 - similarity))


def _missed_words(name_weights: tuple[float, ...], matched: set[int]) -> int:
    """How many words of a name (particles not counted) are in no aligned pair."""
    return sum(1 for j, weight in enumerate(name_weights) if j not in matched and weight > _PARTICLE_WEIGHT)


def _weights(tokens: tuple[str, ...]) -> tuple[tuple[float, ...], float]:
    """The weight of each token and their sum (each token's is kept: ``token_weight``)."""
    weights = [token_weight(token) for token in tokens]
    return tuple(weights), sum(weights)


def _is_descriptor_then_name(chosen: list[tuple[int, int, float]], query_length: int, name_length: int) -> bool:
    """True when every token of a multi-word name is matched by the last tokens of a longer mention."""
    if name_length < 2 or query_length <= name_length or len(chosen) < name_length:
        return False
    if any(sim < _DIFFERENT_TOKEN for _i, _j, sim in chosen):
        return False
    return sorted(i for i, _j, _sim in chosen) == list(range(query_length - name_length, query_length))


def _best_query_token(
    query: tuple[str, ...], token: str, fine_weight: float, vowel_weight: float, learned: bool
) -> tuple[int, int, float]:
    """``_align`` of a name of one token: ``(query_i, 0, similarity)`` of the first most similar query token.

    No similarity exceeds 1.0, so the first query token as similar stops the search.
    """
    best_position, best_similarity = 0, -1.0
    for position, other in enumerate(query):
        similarity = _similarity(other, token, fine_weight, vowel_weight, learned)
        if similarity > best_similarity:
            best_position, best_similarity = position, similarity
            if similarity >= 1.0:
                break
    return best_position, 0, best_similarity


def _similarity(query_token: str, name_token: str, fine_weight: float, vowel_weight: float, learned: bool) -> float:
    """``_pair_similarity``, through ``_token_similarity`` (one cache lookup) without the learned model."""
    if learned:
        return _pair_similarity(query_token, name_token, fine_weight, vowel_weight, True)
    if query_token <= name_token:
        return _token_similarity(query_token, name_token, fine_weight, vowel_weight)
    return _token_similarity(name_token, query_token, fine_weight, vowel_weight)


def _align_two_by_two(
    query: tuple[str, ...], name: tuple[str, ...], fine_weight: float, vowel_weight: float, learned: bool
) -> list[tuple[int, int, float]]:
    """``_align`` of a mention of two words with a name of two words.

    The greedy alignment pairs the most similar words first (the first of
    equals in mention, then name order), then the other two: word for word
    when that first pair is (0, 0) or (1, 1), crosswise otherwise. No
    similarity exceeds 1.0, so a pair similar 1.0 (the same word) is first
    unless an earlier pair is as similar, and the pair it leaves out is not
    compared.

    Examples
    --------
    >>> [(i, j) for i, j, _ in _align_two_by_two(("haftar", "khalifa"), ("khalifa", "haftar"), 0.35, 0.3, False)]
    [(0, 1), (1, 0)]
    """
    same_first = _similarity(query[0], name[0], fine_weight, vowel_weight, learned)
    if same_first >= 1.0:
        return [(0, 0, same_first), (1, 1, _similarity(query[1], name[1], fine_weight, vowel_weight, learned))]
    crossed_first = _similarity(query[0], name[1], fine_weight, vowel_weight, learned)
    crossed_second = _similarity(query[1], name[0], fine_weight, vowel_weight, learned)
    if crossed_first >= 1.0 or crossed_second >= 1.0:
        return [(0, 1, crossed_first), (1, 0, crossed_second)]
    same_second = _similarity(query[1], name[1], fine_weight, vowel_weight, learned)
    if same_first >= crossed_first and same_first >= crossed_second and same_first >= same_second:
        crosswise = False  # (0, 0) first
    elif crossed_first >= crossed_second and crossed_first >= same_second:
        crosswise = True  # (0, 1) first
    else:
        crosswise = crossed_second >= same_second  # (1, 0) first, else (1, 1)
    if crosswise:
        return [(0, 1, crossed_first), (1, 0, crossed_second)]
    return [(0, 0, same_first), (1, 1, same_second)]


def _align(
    query: tuple[str, ...], name: tuple[str, ...], settings: Settings, learned: bool = True
) -> list[tuple[int, int, float]]:
    """Greedy one-to-one alignment, best pair first: ``(query_i, name_j, similarity)`` by ``query_i``.

    Tuples, not any sequence: compiled, their items are read directly.
    """
    fine_weight, vowel_weight = settings.fine_weight, settings.vowel_weight
    if len(query) == 1:  # the first most similar name token; none is more similar than 1.0
        token = query[0]
        best_position, best_similarity = 0, -1.0
        for position, other in enumerate(name):
            similarity = _similarity(token, other, fine_weight, vowel_weight, learned)
            if similarity > best_similarity:
                best_position, best_similarity = position, similarity
                if similarity >= 1.0:
                    break
        return [(0, best_position, best_similarity)]
    if len(name) == 1:  # the best query token, the first of equals (as the sort below would pair it)
        return [_best_query_token(query, name[0], fine_weight, vowel_weight, learned)]
    if len(query) == 2 and len(name) == 2:  # the commonest shape, without the sort
        return _align_two_by_two(query, name, fine_weight, vowel_weight, learned)
    # (negated similarity, query position, name position): best pair first, ties in mention then name order
    if learned:
        pairs = [
            (-_pair_similarity(q, n, fine_weight, vowel_weight, True), i, j)
            for i, q in enumerate(query)
            for j, n in enumerate(name)
        ]
    else:
        pairs = [
            (
                -_token_similarity(q, n, fine_weight, vowel_weight)
                if q <= n
                else -_token_similarity(n, q, fine_weight, vowel_weight),
                i,
                j,
            )
            for i, q in enumerate(query)
            for j, n in enumerate(name)
        ]
    pairs.sort()
    pair_count = min(len(query), len(name))
    used_query: set[int] = set()
    used_name: set[int] = set()
    chosen: list[tuple[int, int, float]] = []
    for negated, i, j in pairs:
        if i in used_query or j in used_name:
            continue
        used_query.add(i)
        used_name.add(j)
        chosen.append((i, j, -negated))
        if len(chosen) == pair_count:  # every word of the shorter side is paired: the rest would be skipped
            break
    return sorted(chosen)
