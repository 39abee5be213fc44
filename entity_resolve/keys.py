"""Keys: one phonetic alphabet for Arabic and Latin script.

A name token becomes a *fine skeleton*: its consonants written in a shared
alphabet, vowels, semivowels (و ي w y), ʿayn and hamza dropped, doubled letters
collapsed. Both scripts meet there: ``خليفه`` and ``khalifa`` both give
``"xlf"``. The *coarse skeleton* maps each fine letter to the class that
transliteration and machine translation confuse (ح/ه/خ; ت/ط/ث/د/ذ/ض; س/ص/ز/ش;
ق/ك/غ/ج/g; ف/ب/p/v), so that the garbles ``هوثر`` and ``هوتر`` meet ``حفتر``
within one edit.

Fine alphabet (one character per sound)::

    b f m n l r   t (ت ط)  T (ث, th)  d (د ض)  D (ذ ظ, dh)
    s (س ص)  z (ز)  S (ش, sh, sch)   h (ح ه)  x (خ, kh, ch)
    G (غ, gh)  q (ق)  k (ك, k, c)  g (latin g)  j (ج, j, dj)
    0-9 (digits: each its own symbol in every skeleton, never collapsed)

Examples
--------
>>> fine_skeleton("حفتر"), fine_skeleton("haftar"), fine_skeleton("hifter")
('hftr', 'hftr', 'hftr')
>>> fine_skeleton("24"), fine_skeleton("g20"), coarse_skeleton(fine_skeleton("g20"))
('24', 'g20', 'K20')
>>> coarse_skeleton(fine_skeleton("هوثر")), coarse_skeleton(fine_skeleton("حفتر"))
('HTR', 'HBTR')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

import jellyfish

__all__ = [
    "AYN",
    "COARSE_CLASS",
    "FINAL_TEH",
    "FINAL_YEH",
    "Reading",
    "coarse_skeleton",
    "cross_script_form",
    "fine_skeleton",
    "fine_skeleton_variants",
    "latin_comparable",
    "latin_phonetic_code",
    "plain_readings",
    "readings",
    "vocalic_skeleton",
]

_ARABIC_TO_FINE: Final[dict[str, str]] = {
    "ب": "b",
    "ت": "t",
    "ث": "T",
    "ج": "j",
    "ح": "h",
    "خ": "x",
    "د": "d",
    "ذ": "D",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "S",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "D",
    "غ": "G",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
}
"""Arabic letters (after ``normalize.fold_arabic``) to fine symbols.

Letters absent here (ا و ي ع and any stray mark) are not consonants of the
skeleton."""

# Latin graphemes, longest first. A value of "" drops the grapheme.
_LATIN_GRAPHEMES: Final[tuple[tuple[str, str], ...]] = (
    ("dsch", "j"),
    ("tsch", "tS"),
    ("sch", "S"),
    ("tch", "tS"),
    ("sh", "S"),
    ("ch", "x"),
    ("kh", "x"),
    ("gh", "G"),
    ("th", "T"),
    ("dh", "D"),
    ("dj", "j"),
    ("dg", "j"),
    ("zh", "j"),
    ("ph", "f"),
    ("ck", "k"),
    ("b", "b"),
    ("p", "b"),
    ("f", "f"),
    ("v", "f"),
    ("m", "m"),
    ("n", "n"),
    ("l", "l"),
    ("r", "r"),
    ("t", "t"),
    ("d", "d"),
    ("s", "s"),
    ("z", "z"),
    ("h", "h"),
    ("q", "q"),
    ("k", "k"),
    ("g", "g"),
    ("j", "j"),
    ("x", "ks"),
)
_LATIN_PATTERN: Final = re.compile(
    "|".join(re.escape(grapheme) for grapheme, _ in _LATIN_GRAPHEMES) + "|c(?=[eiy])|c|."
)
_LATIN_TO_FINE: Final = dict(_LATIN_GRAPHEMES) | {"c": "k"}
_LATIN_VOWELS: Final = frozenset("aeiouy")
#: Alternative readings of Latin ``ch``: German ``x`` (Chalifa), French ``S`` (Chahed), and
#: English and Slavic ``tS`` (Richard ~ ريتشارد, Vučić folded to vuchich ~ فوتشيتش).
_LATIN_CH_ALTERNATIVES: Final = ("S", "tS")
#: Latin ``ch`` also spells Persian and Urdu چ, which ``normalize.fold_arabic`` folds to ج.
_LATIN_CH_AS_CHEH: Final = "j"
#: A final ``ic`` of this many letters or more is also read as the Slavic ``ić`` written
#: without its accent (Modric, Maksimovic ~ مودريتش, ماكسيموفيتش).
_SLAVIC_IC_MIN_LETTERS: Final = 5
#: Latin z also spells ذ and ظ (as Egyptian and Levantine Arabic pronounce them).
_LATIN_Z_ALTERNATIVE: Final = "D"
#: Latin v also spells و, read v in Persian, Urdu and Turkish (Javad ~ جواد, Parviz ~ پرويز):
#: the Arabic reading of و is a vowel, so this reading takes v for the vowel ``w`` spells.
_LATIN_V_AS_WAW: Final = "w"
#: Digraphs that may also be two letters (Adham, Fathi, Ishaq, Edgar).
_AMBIGUOUS_DIGRAPHS: Final = frozenset({"dh", "th", "sh", "kh", "gh", "dg", "zh"})
#: Ambiguous digraphs expanded per token (each doubles the readings).
_MAX_AMBIGUITIES: Final = 2
_ARABIC_ARTICLE: Final = "ال"
#: Letters of Arabic vocalic skeletons that Latin spells variously: ʿayn (as a
#: vowel or nothing), final ة (a) and final ي/ى (i, a or nothing). They count
#: within Arabic script (جدا is not جدة, بغداد is not البغدادي); across
#: scripts ``latin_comparable`` maps them to what Latin writes.
AYN: Final = "'"
FINAL_TEH: Final = "A"
FINAL_YEH: Final = "Y"
#: Written vowels of Arabic, and ʿayn, which Latin spells as a vowel or not at all.
_ARABIC_VOWELS: Final = {"ا": "a", "و": "u", "ي": "i", "ع": AYN}
_LATIN_VOWELS_TO_VOCALIC: Final = {"a": "a", "e": "i", "i": "i", "o": "u", "u": "u", "y": "i", "w": "u"}
#: Graphemes read one way wherever they stand (not h, ch, z or c).
_LATIN_PLAIN_SYMBOLS: Final = {
    grapheme: symbol for grapheme, symbol in _LATIN_GRAPHEMES if grapheme not in ("h", "ch", "z", "c")
} | {digit: digit for digit in "0123456789"}

COARSE_CLASS: Final[dict[str, str]] = {
    "b": "B",
    "f": "B",
    "m": "M",
    "n": "N",
    "l": "L",
    "r": "R",
    "t": "T",
    "T": "T",
    "d": "T",
    "D": "T",
    "s": "S",
    "z": "S",
    "S": "S",
    "w": "B",
    "h": "H",
    "x": "H",
    "G": "K",
    "q": "K",
    "k": "K",
    "g": "K",
    "j": "K",
} | {digit: digit for digit in "0123456789"}
"""Fine symbol to its confusable class (the coarse alphabet). ``w`` only occurs in
readings of و as a consonant, which machine translation confuses with ف and ب.
A digit is a class of its own in every alphabet: a number is written alike in
both scripts and is confused with no letter."""


class _DropUnknown(dict[int, str]):
    """A ``str.translate`` table that drops every character it does not map."""

    def __missing__(self, key: int) -> None:
        return None


_COARSE_TABLE: Final = _DropUnknown({ord(symbol): coarse for symbol, coarse in COARSE_CLASS.items()})


_VOWEL_MARK: Final = "."
#: Digits are symbols of every skeleton, the same in both scripts (24 is 24 in فرانس 24 and France 24).
_DIGITS: Final = frozenset("0123456789")


def _collapse(symbols: str) -> str:
    """Collapse runs of the same symbol (shadda is not written; ``ss`` is one s).

    A ``_VOWEL_MARK`` separates letters that a dropped vowel stood between
    (``sisi`` keeps both s) and is removed. Digits are never collapsed (2200 is not 20).
    """
    kept: list[str] = []
    last = ""
    for symbol in symbols:
        if symbol != last or symbol == _VOWEL_MARK or symbol in _DIGITS:
            kept.append(symbol)
        last = symbol
    return "".join(kept).replace(_VOWEL_MARK, "")


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a token: its fine, coarse and vocalic skeletons.

    ``indexed`` is False for readings that only the scorer tries (the و of a
    garble read as the consonant it replaced: هوثر as h-w-th-r ~ حفتر); the
    index reaches them through its deletion keys.
    """

    fine: str
    coarse: str
    vocalic: str
    indexed: bool = True

    def __reduce__(self) -> tuple[type[Reading], tuple[str, str, str, bool]]:
        # pickled (and copied) as its constructor's arguments: compiled by mypyc, a frozen
        # dataclass refuses the attribute setting that pickle's default way does
        return (Reading, (self.fine, self.coarse, self.vocalic, self.indexed))


#: Set a field of a frozen dataclass instance past its ``__setattr__`` that refuses it: the
#: field's own slot descriptor (``score._set_query_token`` says more).
_set_fine: Final = vars(Reading)["fine"].__set__
_set_coarse: Final = vars(Reading)["coarse"].__set__
_set_vocalic: Final = vars(Reading)["vocalic"].__set__
_set_indexed: Final = vars(Reading)["indexed"].__set__


def _reading(fine: str, coarse: str, vocalic: str, indexed: bool) -> Reading:
    """``Reading(fine, coarse, vocalic, indexed)``, made without the dataclass's ``__init__``.

    The ``__init__`` that ``dataclass`` generates is interpreted even when this
    module is compiled; setting the fields from here costs less, and every new
    token's readings are made on the scoring path. Same object.

    Examples
    --------
    >>> _reading("hftr", "HBTR", "haftar", True) == Reading("hftr", "HBTR", "haftar")
    True
    """
    made = Reading.__new__(Reading)
    _set_fine(made, fine)
    _set_coarse(made, coarse)
    _set_vocalic(made, vocalic)
    _set_indexed(made, indexed)
    return made


_WAW_MARK: Final = "\uffff"  # a medial و read as a consonant


def _arabic_reading(token: str, waw_consonant: bool = False, sibilant: bool = False) -> Reading:
    if waw_consonant:  # a medial و read as the consonant a garble put there
        token = token[0] + token[1:-1].replace("و", _WAW_MARK) + token[-1]
    body, final_fine, final_vocalic = token, "", ""
    if len(token) > 2 and token[-1] in "هي":
        # final ة (folded to ه) is an a; final ي may be ى (a) or the i of a nisba
        body, final_fine = token[:-1], _VOWEL_MARK
        final_vocalic = FINAL_TEH if token[-1] == "ه" else FINAL_YEH
    # the sibilant reading changes the consonants only: its vowel skeleton keeps ذ ظ, so a
    # match through it stays a little below the same spelling (ذكي is near زكي, not it)
    consonants = body.translate(_SIBILANT_TABLE) if sibilant else body
    fine_text = _collapse(_NOT_FINE.sub(_VOWEL_MARK, consonants.translate(_ARABIC_FINE_TABLE)) + final_fine)
    vocalic_text = _collapse(_NOT_VOCALIC.sub("", body.translate(_ARABIC_VOCALIC_TABLE)) + final_vocalic)
    return _reading(fine_text, coarse_skeleton(fine_text), vocalic_text, not (waw_consonant or sibilant))


def _arabic_tables() -> tuple[dict[int, str], dict[int, str]]:
    """``str.translate`` tables of Arabic letters to fine and vocalic symbols."""
    letters = {chr(code) for code in range(0x0600, 0x0700)} | set(_ARABIC_TO_FINE) | set(_ARABIC_VOWELS)
    fine = {ord(letter): _ARABIC_TO_FINE.get(letter, _VOWEL_MARK) for letter in letters}
    vocalic = {ord(letter): _ARABIC_TO_FINE.get(letter) or _ARABIC_VOWELS.get(letter, "") for letter in letters}
    fine[ord(_WAW_MARK)] = vocalic[ord(_WAW_MARK)] = "w"
    return fine, vocalic


_ARABIC_FINE_TABLE, _ARABIC_VOCALIC_TABLE = _arabic_tables()
#: Anything a stray character left that is not a symbol of the alphabets.
_NOT_FINE: Final = re.compile("[^bfmnlrtTdDszShxGqkgjw.0-9]")
_NOT_VOCALIC: Final = re.compile(f"[^bfmnlrtTdDszShxGqkgjwaiu0-9{AYN}{FINAL_TEH}{FINAL_YEH}]")


#: The Egyptian and Levantine sibilant pronunciation of ذ and ظ (ذكي zaki, ظابط zabet), which
#: transliteration and garbles write as ز (غذة for غزة, الكازمية for الكاظمية). Not ث: as often
#: a garble of ت (هوثر for حفتر) as of س, and read as س it meets other names (هوسر, Hisar).
_SIBILANT_TABLE: Final = str.maketrans("ذظ", "زز")
#: تش spells the ch of a Latin spelling read back into Arabic letter by letter, as machine
#: translation does with a German or French spelling it does not know: the ch of Chaled,
#: Chalifa is خ, of Chahed ش (تشاليد ~ خالد, تشاليفا هافتار ~ خليفة حفتر).
_TSH: Final = "تش"
_TSH_READ_AS: Final = "خش"
#: ض is read z in Persian and Urdu (Razavi ~ رضوي, Ramazan ~ رمضان).
_DAD: Final = "ض"
_DAD_AS_Z: Final = "ز"


def _arabic_readings(token: str) -> list[Reading]:
    found = [_arabic_reading(token)]
    if "و" in token[1:-1]:
        found.append(_arabic_reading(token, waw_consonant=True))
    if any(letter in token for letter in "ذظ"):
        found.append(_arabic_reading(token, sibilant=True))
    if _DAD in token:  # the Persian and Urdu z of ض: scorer only
        dad_read_z = _arabic_reading(token.replace(_DAD, _DAD_AS_Z))
        found.append(_reading(dad_read_z.fine, dad_read_z.coarse, dad_read_z.vocalic, False))
    if _TSH in token:  # a Latin ch read back letter by letter (Chaled: تشالد): scorer only
        for letter in _TSH_READ_AS:
            spelt = _arabic_reading(token.replace(_TSH, letter))
            found.append(_reading(spelt.fine, spelt.coarse, spelt.vocalic, False))
    return found


def _latin_graphemes(token: str) -> list[list[str]]:
    """Grapheme sequences of a Latin token: an ambiguous digraph (Adham: d+h, not dh) splits in two."""
    graphemes = _LATIN_PATTERN.findall(token)
    if _AMBIGUOUS_DIGRAPHS.isdisjoint(graphemes):
        return [graphemes]
    sequences: list[list[str]] = [[]]
    ambiguities = 0
    for grapheme in graphemes:
        if grapheme in _AMBIGUOUS_DIGRAPHS and ambiguities < _MAX_AMBIGUITIES:
            ambiguities += 1
            split = [grapheme[0], grapheme[1]]
            sequences = [*([*seq, grapheme] for seq in sequences), *(seq + split for seq in sequences)]
        else:
            for seq in sequences:
                seq.append(grapheme)
    return sequences


def _latin_reading(graphemes: list[str], ch: str, z: str = "z", indexed: bool = True) -> Reading:
    fine: list[str] = []
    vocalic: list[str] = []
    last = len(graphemes) - 1
    for position, grapheme in enumerate(graphemes):
        vowel = _LATIN_VOWELS_TO_VOCALIC.get(grapheme)
        if vowel is not None:
            fine.append(_VOWEL_MARK)
            vocalic.append(vowel)
            continue
        symbol = _LATIN_PLAIN_SYMBOLS.get(grapheme)
        if symbol is None:
            if grapheme == "h" and 0 < position == last and graphemes[position - 1] in _LATIN_VOWELS:
                continue  # word-final h after a vowel spells the vowel (Fatimah, Abdullah ~ ه)
            if grapheme == "ch":
                symbol = ch
            elif grapheme == "z":
                symbol = z
            elif grapheme == "c":
                following = graphemes[position + 1] if position < last else ""
                symbol = "s" if following[:1] in ("e", "i", "y") else "k"
            else:
                symbol = _LATIN_TO_FINE.get(grapheme, _VOWEL_MARK)
        fine.append(symbol)
        vocalic.append(symbol if symbol != _VOWEL_MARK else "")
    fine_text = _collapse("".join(fine))
    return _reading(fine_text, coarse_skeleton(fine_text), _collapse("".join(vocalic)), indexed)


#: A ``Reading``'s fields as a plain tuple: ``(fine, coarse, vocalic, indexed)``.
PlainReading = tuple[str, str, str, bool]

#: The readings of the tokens read so far, as plain tuples, at most ``_READINGS_KEPT``; an index also
#: hands in those of its names' words, worked out when it was built (``remember_readings``). Plain
#: tuples of strings, not ``Reading`` objects: the garbage collector stops tracking them, where it
#: would walk every ``Reading`` kept here in each full collection (hundreds of thousands in a long run).
_known_readings: Final[dict[str, tuple[PlainReading, ...]]] = {}
_READINGS_KEPT: Final = 262_144


def readings(token: str) -> tuple[Reading, ...]:
    """Every reading of a normalised token, the most likely first (kept: see ``remember_readings``).

    An Arabic token with the article (الأسد) is read without and with it
    (Assad, Alban); a Latin token with ``ch`` is read the German (``x``), the
    French (``S``) and the English (``tS``) way, one ending in ``ic`` also
    as the Slavic ``ić`` (Modric ~ مودريتش), one with ``dh``, ``th``, ``sh``, ``kh``, ``gh`` or
    ``dg`` as one sound and as two letters (Adham is d+h), one with ``z``
    also as ذ (Kazafi), one with ``zh`` also as the Persian ژ that folding
    writes ز (Nezhad ~ نژاد), one with ``v`` also as the و of Persian, Urdu and
    Turkish (Javad ~ جواد) and one with ``ch`` also as the Persian and Urdu
    چ that folding wrote ج (Chowdhury ~ چودھري); an Arabic token with a
    medial و also reads it as a consonant (the garble هوثر of حفتر), one with
    ذ or ظ also as the sibilant ز (غذة ~ غزة) and one with ض also as the
    Persian and Urdu z (Razavi ~ رضوي), one with تش also as خ and as ش (the
    ch of a German or French spelling read back: تشالد ~ خالد). The last eight
    are scorer-only readings.

    Examples
    --------
    >>> [r.fine for r in readings("الاسد")], [r.fine for r in readings("adham")]
    (['sd', 'lsd'], ['Dm', 'dhm'])
    >>> readings("بشار")[0]
    Reading(fine='bSr', coarse='BSR', vocalic='bSar', indexed=True)
    >>> [(r.coarse, r.indexed) for r in readings("هوثر")]
    [('HTR', True), ('HBTR', False)]
    >>> [(r.fine, r.indexed) for r in readings("غذه")]
    [('GD', True), ('Gz', False)]
    >>> [(r.fine, r.indexed) for r in readings("تشالد")]
    [('tSld', True), ('xld', False), ('Sld', False)]
    """
    return tuple([_reading(fine, coarse, vocalic, indexed) for fine, coarse, vocalic, indexed in plain_readings(token)])


def plain_readings(token: str) -> tuple[PlainReading, ...]:
    """``readings(token)`` as plain ``(fine, coarse, vocalic, indexed)`` tuples, kept.

    What the scorer reads of a token, without making a ``Reading`` object per call.

    Examples
    --------
    >>> plain_readings("هوثر")
    (('hTr', 'HTR', 'huTr', True), ('hwTr', 'HBTR', 'hwTr', False))
    """
    found = _known_readings.get(token)
    if found is None:
        found = _as_plain(_read(token))
        remember_readings(token, found)
    return found


def _as_plain(found: tuple[Reading, ...]) -> tuple[PlainReading, ...]:
    """Readings as plain ``(fine, coarse, vocalic, indexed)`` tuples."""
    return tuple([(r.fine, r.coarse, r.vocalic, r.indexed) for r in found])


def remember_readings(token: str, found: tuple[PlainReading, ...]) -> None:
    """Keep ``found`` as the readings of ``token``, which must be ``plain_readings(token)`` worked
    out earlier (a saved index's words: ``NameIndex.name_token_tuple``). A cache: all it keeps is
    let go when it holds ``_READINGS_KEPT`` tokens.

    Examples
    --------
    >>> remember_readings("hafter", plain_readings("hafter")); readings("hafter")[0].fine
    'hftr'
    """
    if len(_known_readings) >= _READINGS_KEPT:
        _known_readings.clear()
    _known_readings[token] = found


def knows_readings(token: str) -> bool:
    """Whether the readings of ``token`` are kept (``readings`` would not work them out)."""
    return token in _known_readings


#: Separators of ``packed_readings``: no skeleton alphabet has them.
_FIELD_SEPARATOR: Final = ","
_READING_SEPARATOR: Final = "|"


def packed_readings(found: tuple[PlainReading, ...]) -> str | None:
    """Readings (``plain_readings``) as one line of text (``unpacked_readings`` reads it back), or
    None when a skeleton holds a separator and cannot be packed so.

    Examples
    --------
    >>> packed_readings(plain_readings("هوثر"))
    'hTr,HTR,huTr,1|hwTr,HBTR,hwTr,0'
    >>> unpacked_readings(packed_readings(plain_readings("هوثر"))) == plain_readings("هوثر")
    True
    """
    fields = [(fine, coarse, vocalic, "1" if indexed else "0") for fine, coarse, vocalic, indexed in found]
    if any(_FIELD_SEPARATOR in text or _READING_SEPARATOR in text for field in fields for text in field):
        return None
    return _READING_SEPARATOR.join(_FIELD_SEPARATOR.join(field) for field in fields)


def unpacked_readings(line: str) -> tuple[PlainReading, ...]:
    """The readings of a ``packed_readings`` line, as plain tuples (``plain_readings``)."""
    found: list[PlainReading] = []
    for packed in line.split(_READING_SEPARATOR):
        fine, coarse, vocalic, indexed = packed.split(_FIELD_SEPARATOR)
        found.append((fine, coarse, vocalic, indexed == "1"))
    return tuple(found)


def _read(token: str) -> tuple[Reading, ...]:
    """``readings``, worked out."""
    if not token:
        return (Reading("", "", ""),)
    if "\u0600" <= token[0] <= "\u06ff":
        if token.startswith(_ARABIC_ARTICLE) and len(token) > 3:
            # with the article, its alef is no written vowel: Latin spells it al-, el-, ul- or l
            # (Abdallah, Abdul-Rahman), and the article's own token was dropped
            with_article = [
                _reading(r.fine, r.coarse, r.vocalic.removeprefix("a"), r.indexed) for r in _arabic_readings(token)
            ]
            return _unique([*_arabic_readings(token[2:]), *with_article])
        return _unique(_arabic_readings(token))
    found: list[Reading] = []
    sequences = _latin_graphemes(token)
    for graphemes in sequences:
        found.append(_latin_reading(graphemes, ch="x"))
        if "ch" in graphemes:
            found.extend(_latin_reading(graphemes, ch=ch) for ch in _LATIN_CH_ALTERNATIVES)
    for graphemes in sequences:
        if "ch" in graphemes:  # Persian and Urdu چ, folded to ج (Chowdhury ~ چودھري): scorer only
            found.append(_latin_reading(graphemes, ch=_LATIN_CH_AS_CHEH, indexed=False))
    if token.endswith("ic") and len(token) >= _SLAVIC_IC_MIN_LETTERS:
        found.extend(_latin_reading([*graphemes[:-1], "ch"], ch="tS") for graphemes in sequences)
    if "z" in token:  # Egyptian and Levantine z for ذ and ظ (Kazafi, Mazhar): scorer only
        found.extend(
            _latin_reading(graphemes, ch="x", z=_LATIN_Z_ALTERNATIVE, indexed=False) for graphemes in sequences
        )
    if "zh" in token:  # Persian zh for ژ, which folding writes ز (Nezhad ~ نژاد): scorer only
        found.extend(
            _latin_reading(["z" if g == "zh" else g for g in graphemes], ch="x", indexed=False)
            for graphemes in sequences
        )
    if "v" in token:  # Persian, Urdu and Turkish v for و (Javad ~ جواد): scorer only
        found.extend(
            _latin_reading([_LATIN_V_AS_WAW if g == "v" else g for g in graphemes], ch="x", indexed=False)
            for graphemes in sequences
        )
    return _unique(found)


def _unique(found: list[Reading]) -> tuple[Reading, ...]:
    """The distinct readings, in order (compared by their fields, without hashing a ``Reading``)."""
    if len(found) == 1:
        return (found[0],)
    kept: dict[tuple[str, str, str, bool], Reading] = {}
    for reading in found:
        kept.setdefault((reading.fine, reading.coarse, reading.vocalic, reading.indexed), reading)
    return tuple(kept.values())


def fine_skeleton_variants(token: str) -> tuple[str, ...]:
    """The distinct fine skeletons of a token's indexed readings, the most likely first.

    Examples
    --------
    >>> fine_skeleton_variants("chahed")
    ('xhd', 'Shd', 'tShd')
    >>> fine_skeleton_variants("شاهد")
    ('Shd',)
    """
    return tuple(dict.fromkeys(fine for fine, _coarse, _vocalic, indexed in plain_readings(token) if indexed))


def fine_skeleton(token: str) -> str:
    """The fine skeleton of a normalised token's most likely reading.

    Parameters
    ----------
    token : str
        One token from ``normalize.normalize_name``: folded Arabic or
        lower-case Latin.

    Examples
    --------
    >>> fine_skeleton("خليفه"), fine_skeleton("khalifa"), fine_skeleton("chalifa")
    ('xlf', 'xlf', 'xlf')
    >>> fine_skeleton("ghaddafi"), fine_skeleton("قذافي")
    ('Gdf', 'qDf')
    """
    return plain_readings(token)[0][0]


def coarse_skeleton(fine: str) -> str:
    """Map a fine skeleton to its confusable classes, collapsing repeats.

    Examples
    --------
    >>> coarse_skeleton("GDf"), coarse_skeleton("qDf")
    ('KTB', 'KTB')
    """
    return _collapse(fine.translate(_COARSE_TABLE))


#: ``latin_phonetic_code``'s codes: a plain dict of strings, which the garbage collector stops tracking
#: (an ``lru_cache`` it walks entry by entry in each full collection); emptied when full.
_kept_codes: Final[dict[str, str]] = {}
_CODES_KEPT: Final = 65_536


def latin_phonetic_code(token: str) -> str:
    """Metaphone code of a Latin token (jellyfish), for Latin-to-Latin agreement.

    Returns an empty string for Arabic-script tokens.

    Examples
    --------
    >>> latin_phonetic_code("mohammed") == latin_phonetic_code("muhamed")
    True
    """
    found = _kept_codes.get(token)
    if found is None:
        found = "" if not token or "\u0600" <= token[0] <= "\u06ff" else str(jellyfish.metaphone(token))
        if len(_kept_codes) >= _CODES_KEPT:
            _kept_codes.clear()
        _kept_codes[token] = found
    return found


_LATIN_COMPARABLE: Final = str.maketrans({AYN: None, FINAL_YEH: None, FINAL_TEH: "a"})


_CROSS_SCRIPT_FOLD: Final = str.maketrans({"q": "k", "G": "k", "g": "k"})


def cross_script_form(skeleton: str) -> str:
    """A fine or vocalic skeleton with the letters one script cannot tell apart in the other merged.

    Latin spells ق, ك and غ as q, k, g or gh by language and region (Nateghi,
    Sadeghi for ناطقي, صادقي); across scripts they are one sound.

    Examples
    --------
    >>> cross_script_form("ntq"), cross_script_form("ntG")
    ('ntk', 'ntk')
    """
    return skeleton.translate(_CROSS_SCRIPT_FOLD)


def latin_comparable(vocalic: str) -> str:
    """An Arabic vocalic skeleton as Latin spelling can show it.

    Examples
    --------
    >>> latin_comparable(readings("جده")[0].vocalic), latin_comparable(readings("عباسي")[0].vocalic)
    ('jda', 'bas')
    """
    return vocalic.translate(_LATIN_COMPARABLE)


def vocalic_skeleton(token: str) -> str:
    """Fine skeleton of the most likely reading with vowels kept as ``a``, ``i``, ``u``.

    Arabic writes long vowels only (ا و ي, and ة as a final ``a``); Latin writes
    every vowel. Comparing the Arabic vocalic skeleton with the Latin one tells
    ``Bashar`` (بشار) from ``Bashir`` (بشير), which the consonants cannot.

    Examples
    --------
    >>> vocalic_skeleton("بشار"), vocalic_skeleton("bashar"), vocalic_skeleton("bashir")
    ('bSar', 'baSar', 'baSir')
    >>> vocalic_skeleton("خليفه"), vocalic_skeleton("khalifa")
    ('xlifA', 'xalifa')
    """
    return plain_readings(token)[0][2]
