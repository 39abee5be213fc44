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

Examples
--------
>>> fine_skeleton("حفتر"), fine_skeleton("haftar"), fine_skeleton("hifter")
('hftr', 'hftr', 'hftr')
>>> coarse_skeleton(fine_skeleton("هوثر")), coarse_skeleton(fine_skeleton("حفتر"))
('HTR', 'HBTR')
"""

from __future__ import annotations

import re
from functools import lru_cache

import jellyfish

__all__ = [
    "COARSE_CLASS",
    "coarse_skeleton",
    "fine_skeleton",
    "fine_skeleton_variants",
    "latin_phonetic_code",
    "vocalic_skeleton",
]

_ARABIC_TO_FINE: dict[str, str] = {
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
_LATIN_GRAPHEMES: tuple[tuple[str, str], ...] = (
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
_LATIN_PATTERN = re.compile("|".join(re.escape(grapheme) for grapheme, _ in _LATIN_GRAPHEMES) + "|c(?=[eiy])|c|.")
_LATIN_TO_FINE = dict(_LATIN_GRAPHEMES) | {"c": "k"}
_LATIN_VOWELS = frozenset("aeiouy")
#: Alternative reading of Latin ``ch``: German ``x`` (Chalifa) or French ``S`` (Chahed).
_LATIN_CH_ALTERNATIVE = "S"

COARSE_CLASS: dict[str, str] = {
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
    "h": "H",
    "x": "H",
    "G": "K",
    "q": "K",
    "k": "K",
    "g": "K",
    "j": "K",
}
"""Fine symbol to its confusable class (the coarse alphabet)."""


_VOWEL_MARK = "."


def _collapse(symbols: str) -> str:
    """Collapse runs of the same symbol (shadda is not written; ``ss`` is one s).

    A ``_VOWEL_MARK`` separates letters that a dropped vowel stood between
    (``sisi`` keeps both s) and is removed.
    """
    return re.sub(r"([^.])\1+", r"\1", symbols).replace(_VOWEL_MARK, "")


def _arabic_fine(token: str) -> str:
    symbols = "".join(_ARABIC_TO_FINE.get(letter, _VOWEL_MARK) for letter in token)
    if token.endswith("ه") and len(token) > 2 and symbols.endswith("h"):
        symbols = symbols[:-1]  # teh marbuta folded to heh: a vowel, not h
    return _collapse(symbols)


def _latin_fine(token: str, ch: str = "x") -> str:
    graphemes = _LATIN_PATTERN.findall(token)
    symbols: list[str] = []
    for position, grapheme in enumerate(graphemes):
        if grapheme == "ch":
            symbols.append(ch)
        elif grapheme == "c":
            following = graphemes[position + 1] if position + 1 < len(graphemes) else ""
            symbols.append("s" if following[:1] in ("e", "i", "y") else "k")
        elif grapheme == "h" and position == len(graphemes) - 1 and position > 0:
            # word-final h after a vowel spells a vowel (Fatimah, Abdullah ~ ه)
            if graphemes[position - 1] not in _LATIN_VOWELS:
                symbols.append("h")
        else:
            symbols.append(_LATIN_TO_FINE.get(grapheme, _VOWEL_MARK))
    return _collapse("".join(symbols))


@lru_cache(maxsize=262_144)
def fine_skeleton_variants(token: str) -> tuple[str, ...]:
    """All fine skeletons of a normalised token, the most likely first.

    A Latin token with ``ch`` has two readings (German ``x``, French ``S``);
    every other token has one.

    Examples
    --------
    >>> fine_skeleton_variants("chahed")
    ('xhd', 'Shd')
    >>> fine_skeleton_variants("شاهد")
    ('Shd',)
    """
    if not token:
        return ("",)
    if "\u0600" <= token[0] <= "\u06ff":
        return (_arabic_fine(token),)
    primary = _latin_fine(token)
    if "ch" in token and "sch" not in token:
        alternative = _latin_fine(token, ch=_LATIN_CH_ALTERNATIVE)
        if alternative != primary:
            return (primary, alternative)
    return (primary,)


def fine_skeleton(token: str) -> str:
    """The fine skeleton of a normalised token (see the module notes).

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
    return fine_skeleton_variants(token)[0]


def coarse_skeleton(fine: str) -> str:
    """Map a fine skeleton to its confusable classes, collapsing repeats.

    Examples
    --------
    >>> coarse_skeleton("GDf"), coarse_skeleton("qDf")
    ('KTB', 'KTB')
    """
    return _collapse("".join(COARSE_CLASS.get(symbol, "") for symbol in fine))


@lru_cache(maxsize=65_536)
def latin_phonetic_code(token: str) -> str:
    """Metaphone code of a Latin token (jellyfish), for Latin-to-Latin agreement.

    Returns an empty string for Arabic-script tokens.

    Examples
    --------
    >>> latin_phonetic_code("mohammed") == latin_phonetic_code("muhamed")
    True
    """
    if not token or "\u0600" <= token[0] <= "\u06ff":
        return ""
    return str(jellyfish.metaphone(token))


_ARABIC_VOWELS = {"ا": "a", "و": "u", "ي": "i"}
_LATIN_VOWELS_TO_VOCALIC = {"a": "a", "e": "i", "i": "i", "o": "u", "u": "u", "y": "i", "w": "u"}


@lru_cache(maxsize=262_144)
def vocalic_skeleton(token: str) -> str:
    """Fine skeleton with vowels kept as ``a``, ``i`` or ``u``.

    Arabic writes long vowels only (ا و ي, and ة as a final ``a``); Latin writes
    every vowel. Comparing the Arabic vocalic skeleton with the Latin one tells
    ``Bashar`` (بشار) from ``Bashir`` (بشير), which the consonants cannot.

    Examples
    --------
    >>> vocalic_skeleton("بشار"), vocalic_skeleton("bashar"), vocalic_skeleton("bashir")
    ('bSar', 'baSar', 'baSir')
    >>> vocalic_skeleton("خليفه"), vocalic_skeleton("khalifa")
    ('xlifa', 'xalifa')
    """
    if not token:
        return ""
    if "\u0600" <= token[0] <= "\u06ff":
        symbols = []
        last = len(token) - 1
        for position, letter in enumerate(token):
            if position == last and position > 1 and letter in "هي":
                # final ة (folded to ه) is an a; final ي may be ى (a) or ي (i): say neither
                symbols.append("a" if letter == "ه" else "")
            else:
                symbols.append(_ARABIC_VOWELS.get(letter) or _ARABIC_TO_FINE.get(letter, ""))
        return _collapse("".join(symbols))
    graphemes = _LATIN_PATTERN.findall(token)
    symbols = []
    for position, grapheme in enumerate(graphemes):
        if grapheme in _LATIN_VOWELS_TO_VOCALIC:
            symbols.append(_LATIN_VOWELS_TO_VOCALIC[grapheme])
        elif grapheme == "h" and 0 < position == len(graphemes) - 1:
            continue  # word-final h after a vowel spells the vowel
        else:
            symbols.append(_latin_fine(grapheme))
    return _collapse("".join(symbols))
