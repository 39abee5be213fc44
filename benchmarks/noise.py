"""A seeded model of machine-translation noise in names.

``garble(name, kind, rng)`` returns one variant of a name as a machine
translator that does not know the name might write it. Every kind imitates a
mechanism seen in real MT output:

===================  ========  =====================================================
kind                 input     what happens
===================  ========  =====================================================
``letter_class``     Arabic    one or two letters swapped within a class that MT
                               confuses (ح/ه/خ, ت/ط/ث/د/ذ/ض, ق/ك/غ/ج, ف/و/ب, س/ص/ث, ز/ذ/ظ)
``long_vowel``       Arabic    a long-vowel letter (ا و ي) inserted or dropped
``consonant_drop``   Arabic    one consonant dropped
``consonant_double`` Arabic    one consonant written twice (a shadda spelled out)
``persian``          Arabic    Persian letters: ی and ک throughout, sometimes پ چ گ ژ
``latin_en``         Latin     another English spelling (vowel shifts, q/k/g, el-/al-)
``latin_fr``         Latin     French conventions (ou, ch, dj, k)
``latin_de``         Latin     German conventions (ch, sch, dsch, j, s/ss)
``roundtrip_en``     Latin     English spelling read back into Arabic letter by letter
``roundtrip_fr``     Latin     French spelling read back into Arabic as English
``roundtrip_de``     Latin     German spelling read back into Arabic as English
``synonym``          any       an organisation word replaced by a synonym
                               (الوفاق/التوافق/الإجماع, Accord/Consensus, ...)
``agreement``        Arabic    number or gender agreement changed (السبع/السبعة, الوطنية/الوطني)
===================  ========  =====================================================

A kind that does not apply to a name (``applies(name, kind)`` is False)
returns the name unchanged; a kind that applies always changes it.

Examples
--------
>>> import random
>>> garble("خليفة حفتر", "letter_class", random.Random(1)) != "خليفة حفتر"
True
>>> garble("Khalifa Haftar", "latin_de", random.Random(0)).split()[0]
'Chalifa'
>>> garble("حكومة الوفاق الوطني", "synonym", random.Random(3)) != "حكومة الوفاق الوطني"
True
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable

__all__ = [
    "ARABIC_KINDS",
    "KINDS",
    "LATIN_KINDS",
    "ORGANIZATION_KINDS",
    "applicable_kinds",
    "applies",
    "garble",
    "latin_to_arabic",
    "respell_latin",
]

ARABIC_KINDS = ("letter_class", "long_vowel", "consonant_drop", "consonant_double", "persian")
LATIN_KINDS = ("latin_en", "latin_fr", "latin_de", "roundtrip_en", "roundtrip_fr", "roundtrip_de")
#: Kinds applied to organisation names only.
ORGANIZATION_KINDS = ("synonym", "agreement")
KINDS = (*ARABIC_KINDS, *LATIN_KINDS, *ORGANIZATION_KINDS)

#: Letters that machine translation confuses, by class.
LETTER_CLASSES: tuple[str, ...] = ("حهخ", "تطثدذض", "قكغج", "فوب", "سصث", "زذظ")
LONG_VOWELS = "اوي"
#: Chance of a second letter swap in ``letter_class``.
SECOND_SWAP_CHANCE = 0.3
#: Chance of a Persian sound letter (پ چ گ ژ) besides the ی/ک spelling.
PERSIAN_SOUND_CHANCE = 0.5
#: Chance that a short Latin vowel is left unwritten when read back into Arabic.
SHORT_VOWEL_DROP_CHANCE = 0.4
#: Chance that a word-initial vowel keeps its long-vowel letter after the alef (Ekrem: ايكرم, not اكرم).
INITIAL_VOWEL_LETTER_CHANCE = 0.5

_ARABIC = re.compile("[\u0600-\u06ff]")
_CONFUSABLE: dict[str, str] = {}
for _class in LETTER_CLASSES:
    for _letter in _class:
        _CONFUSABLE[_letter] = _CONFUSABLE.get(_letter, "") + _class.replace(_letter, "")
_PERSIAN_SYSTEMATIC = {"ي": "ی", "ى": "ی", "ك": "ک"}
_PERSIAN_SOUND = {"ب": "پ", "ج": "چ", "ك": "گ", "ز": "ژ"}

#: Synonym groups of organisation words; a word is replaced by another of its group.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("الوفاق", "التوافق", "الإجماع"),
    ("الوطني", "القومي"),
    ("الوطنية", "القومية"),
    ("جيش", "قوات"),
    ("الجيش", "القوات"),
    ("المجلس", "الهيئة"),
    ("مجلس", "هيئة"),
    ("الانتقالي", "المؤقت"),
    ("الانتقالية", "المؤقتة"),
    ("الأعلى", "العالي"),
    ("التحرير", "التحرر"),
    ("الشعبية", "الجماهيرية"),
    ("الديمقراطي", "الديموقراطي"),
    ("الديمقراطية", "الديموقراطية"),
    ("الاتحاد", "الإتحاد"),
    ("المتحدة", "الموحدة"),
    ("منظمة", "هيئة"),
    ("حركة", "تيار"),
    ("العدالة", "العدل"),
    ("التنمية", "التطوير"),
    ("الإنقاذ", "الخلاص"),
    ("السلام", "الصلح"),
    ("Accord", "Consensus", "Concord"),
    ("National", "Nationalist"),
    ("Army", "Forces"),
    ("Council", "Assembly"),
    ("Transitional", "Interim"),
    ("Front", "Bloc"),
    ("Liberation", "Freedom"),
    ("Justice", "Equity"),
    ("Development", "Progress"),
    ("Salvation", "Rescue"),
    ("Supreme", "High"),
    ("Union", "Federation"),
    ("Organization", "Organisation"),
    ("United", "Unified"),
    ("Popular", "People's"),
    ("Movement", "Current"),
    ("Government", "Cabinet"),
)
_SYNONYM_OF: dict[str, tuple[str, ...]] = {}
for _group in SYNONYMS:
    for _word in _group:
        _SYNONYM_OF[_word] = tuple(w for w in _group if w != _word)

#: Number words whose agreement (with or without ة) MT output often changes.
NUMBER_WORDS = ("ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر")

# Latin respelling rules: (pattern, replacement) applied in order to lower-case text.
_FRENCH_RULES = (
    (r"sh", "ch"),
    (r"(?<!o)u", "ou"),
    (r"w", "ou"),
    (r"j", "dj"),
    (r"q", "k"),
    (r"dh", "d"),
    (r"ee", "i"),
    (r"oo", "ou"),
)
_GERMAN_RULES = (
    (r"sh", "sch"),
    (r"(?<!s)ch", "tsch"),
    (r"kh", "ch"),
    (r"j", "dsch"),
    (r"\by", "j"),
    (r"ou", "u"),
    (r"oo", "u"),
    (r"ee", "i"),
    (r"q", "k"),
    (r"z", "s"),
    (r"(?<=[aeiou])s(?=[aeiou])", "ss"),
)
_ENGLISH_OPTIONAL_RULES = (
    (r"q", "k"),
    (r"q", "g"),
    (r"\bal-", "el-"),
    (r"\bel-", "al-"),
    (r"ou", "u"),
    (r"u", "ou"),
    (r"ee", "i"),
    (r"dh", "z"),
    (r"(?<=[^aeiou\s-])a(?=[^aeiou\s-])", "e"),
    (r"(?<=[^aeiou\s-])u(?=[^aeiou\s-])", "o"),
    (r"(?<=[^aeiou\s-])i(?=[^aeiou\s-])", "e"),
    (r"(?<=[^aeiou\s-])e(?=[^aeiou\s-])", "a"),
)
# Latin read back into Arabic letters as an English-reading translator would.
_LATIN_TO_ARABIC = (
    ("tsch", "تش"),
    ("dsch", "ج"),
    ("sch", "ش"),
    ("kh", "خ"),
    ("sh", "ش"),
    ("ch", "تش"),
    ("th", "ث"),
    ("dh", "ذ"),
    ("gh", "غ"),
    ("ph", "ف"),
    ("dj", "ج"),
    ("ck", "ك"),
    ("ou", "و"),
    ("oo", "و"),
    ("ee", "ي"),
    ("aa", "ا"),
    ("ai", "اي"),
    ("ay", "اي"),
    ("b", "ب"),
    ("c", "ك"),
    ("d", "د"),
    ("f", "ف"),
    ("g", "ج"),
    ("h", "ه"),
    ("j", "ج"),
    ("k", "ك"),
    ("l", "ل"),
    ("m", "م"),
    ("n", "ن"),
    ("p", "ب"),
    ("q", "ق"),
    ("r", "ر"),
    ("s", "س"),
    ("t", "ت"),
    ("v", "ف"),
    ("w", "و"),
    ("x", "كس"),
    ("y", "ي"),
    ("z", "ز"),
    ("a", "ا"),
    ("e", "ي"),
    ("i", "ي"),
    ("o", "و"),
    ("u", "و"),
)
_SHORT_VOWELS = "aeiou"


# -- helpers ----------------------------------------------------------------------
def _is_arabic(name: str) -> bool:
    return bool(_ARABIC.search(name))


def _article_end(word: str) -> int:
    """Position after a leading ال (0 if none); its letters are never garbled."""
    return 2 if word.startswith("ال") and len(word) > 3 else 0


def _positions(name: str, wanted: Callable[[str, int, str], bool]) -> list[int]:
    """Character positions of ``name`` whose letter passes ``wanted(word, i, letter)``."""
    found: list[int] = []
    start = 0
    for word in name.split(" "):
        protected = _article_end(word)
        found.extend(start + i for i, ch in enumerate(word) if i >= protected and wanted(word, i, ch))
        start += len(word) + 1
    return found


def _consonant(word: str, i: int, ch: str) -> bool:
    return _is_arabic(ch) and ch not in LONG_VOWELS and ch not in "ةءئؤأإآى" and len(word) > 2


def _vowel_inside(word: str, i: int, ch: str) -> bool:
    return ch in LONG_VOWELS and i > 0 and len(word) > 3


def _before_vowel_slot(word: str, i: int, ch: str) -> bool:
    """A consonant that a long vowel may follow: not the word's last letter."""
    return _consonant(word, i, ch) and i < len(word) - 1


def _replace_at(text: str, position: int, new: str) -> str:
    return text[:position] + new + text[position + 1 :]


# -- Arabic kinds ----------------------------------------------------------------
def _letter_class(name: str, rng: random.Random) -> str:
    positions = _positions(name, lambda w, i, ch: ch in _CONFUSABLE)
    swaps = 2 if len(positions) > 1 and rng.random() < SECOND_SWAP_CHANCE else 1
    for position in sorted(rng.sample(positions, swaps)):
        name = _replace_at(name, position, rng.choice(_CONFUSABLE[name[position]]))
    return name


def _long_vowel(name: str, rng: random.Random) -> str:
    drops = _positions(name, _vowel_inside)
    inserts = _positions(name, _before_vowel_slot)
    if drops and (not inserts or rng.random() < 0.5):
        return _replace_at(name, rng.choice(drops), "")
    position = rng.choice(inserts)
    vowel = rng.choice([v for v in LONG_VOWELS if v != name[position + 1]])
    return name[: position + 1] + vowel + name[position + 1 :]


def _consonant_drop(name: str, rng: random.Random) -> str:
    return _replace_at(name, rng.choice(_positions(name, _consonant)), "")


def _consonant_double(name: str, rng: random.Random) -> str:
    position = rng.choice(_positions(name, _consonant))
    return _replace_at(name, position, name[position] * 2)


def _persian(name: str, rng: random.Random) -> str:
    result = "".join(_PERSIAN_SYSTEMATIC.get(ch, ch) for ch in name)
    sounds = [i for i, ch in enumerate(name) if ch in _PERSIAN_SOUND]
    if sounds and (result == name or rng.random() < PERSIAN_SOUND_CHANCE):
        position = rng.choice(sounds)
        result = _replace_at(result, position, _PERSIAN_SOUND[name[position]])
    return result


def _agreement_options(name: str) -> list[tuple[int, str]]:
    """(word position, new word) pairs that change one word's agreement."""
    options = []
    for position, word in enumerate(name.split(" ")):
        bare = word[2:] if word.startswith("ال") else word
        article = word[: len(word) - len(bare)]
        if bare in NUMBER_WORDS:
            options.append((position, article + bare + "ة"))
        elif (bare.endswith("ة") and bare[:-1] in NUMBER_WORDS) or (article and bare.endswith("ية") and len(bare) > 4):
            options.append((position, article + bare[:-1]))
        elif article and bare.endswith("ي") and len(bare) > 3:
            options.append((position, article + bare + "ة"))
    return options


def _agreement(name: str, rng: random.Random) -> str:
    position, new = rng.choice(_agreement_options(name))
    words = name.split(" ")
    words[position] = new
    return " ".join(words)


def _synonym(name: str, rng: random.Random) -> str:
    words = name.split(" ")
    positions = [i for i, w in enumerate(words) if w in _SYNONYM_OF]
    position = rng.choice(positions)
    words[position] = rng.choice(_SYNONYM_OF[words[position]])
    return " ".join(words)


# -- Latin kinds -----------------------------------------------------------------
def _apply_rules(text: str, rules: tuple[tuple[str, str], ...]) -> str:
    for pattern, replacement in rules:
        text = re.sub(pattern, replacement, text)
    return text


def _optional_variation(text: str, rng: random.Random) -> str:
    """One random English-style respelling that changes ``text`` (or ``text``)."""
    rules = [rule for rule in _ENGLISH_OPTIONAL_RULES if re.search(rule[0], text)]
    rng.shuffle(rules)
    for pattern, replacement in rules:
        matches = list(re.finditer(pattern, text))
        match = rng.choice(matches)
        changed = text[: match.start()] + replacement + text[match.end() :]
        if changed != text:
            return changed
    return text


def _recase(original: str, respelled: str) -> str:
    """Copy the capitalisation of each word (split at spaces and hyphens) of ``original``."""
    old_parts = re.split(r"([\s-])", original)
    new_parts = re.split(r"([\s-])", respelled)
    if len(old_parts) != len(new_parts):
        return respelled
    return "".join(
        new[:1].upper() + new[1:] if old[:1].isupper() else new for old, new in zip(old_parts, new_parts, strict=True)
    )


def respell_latin(name: str, language: str, rng: random.Random) -> str:
    """A Latin name respelled by the conventions of ``language`` ("en", "fr", "de").

    French and German rules apply throughout; when they change nothing, or for
    English, one optional respelling is made (a vowel shift, q/k, el-/al-).

    Examples
    --------
    >>> respell_latin("Khalifa Haftar", "de", random.Random(0)).split()[0]
    'Chalifa'
    >>> respell_latin("Youssef Shaheen", "fr", random.Random(0))
    'Youssef Chahin'
    """
    lower = name.lower()
    rules = {"fr": _FRENCH_RULES, "de": _GERMAN_RULES, "en": ()}[language]
    respelled = _apply_rules(lower, rules)
    if respelled == lower:
        respelled = _optional_variation(lower, rng)
    return _recase(name, respelled)


def latin_to_arabic(name: str, rng: random.Random) -> str:
    """Read a Latin name into Arabic letters as an English-reading translator would.

    Letters with diacritics are read as their base letter (ğ as g, é as e);
    doubled letters are written once; short vowels inside a word are sometimes
    left unwritten; a word-initial vowel is written with an alef, as Arabic
    spelling requires (Ekrem: اكرم or ايكرم, Omar: اومار); ``al-``/``el-`` and
    a separate ``al``/``el`` become the article ال of the next word.

    Examples
    --------
    >>> latin_to_arabic("Haftar", random.Random(1))
    'هفتار'
    >>> latin_to_arabic("El Alamein", random.Random(1))[:2]
    'ال'
    >>> latin_to_arabic("İmamoğlu", random.Random(1))[0]
    'ا'
    """
    words = []
    article = ""
    for word in re.split(r"[\s]+", _base_letters(name).lower()):
        match = re.match(r"^(al|el|ul)-", word)
        if match:
            article, word = "ال", word[match.end() :]
        elif word in _SEPARATE_ARTICLES:
            article = "ال"
            continue
        word = re.sub(r"([a-z])\1", r"\1", re.sub(r"[^a-z]", "", word))
        words.append(article + _letters_to_arabic(word, rng))
        article = ""
    return " ".join(w for w in words if w)


#: The Arabic article written as a word of its own (El Alamein, Al Jazeera).
_SEPARATE_ARTICLES = frozenset({"al", "el"})
#: Letters that NFKD does not take apart, to the base letters a translator reads in them.
_UNDECOMPOSED = str.maketrans({"ı": "i", "ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "œ": "oe"})


def _base_letters(text: str) -> str:
    """Latin letters without their diacritics (İmamoğlu: Imamoglu), as a translator reads them."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _letters_to_arabic(word: str, rng: random.Random) -> str:
    out = []
    i = 0
    while i < len(word):
        for latin, arabic in _LATIN_TO_ARABIC:
            if word.startswith(latin, i):
                inner = i > 0 and i + len(latin) < len(word)
                skip = len(latin) == 1 and latin in _SHORT_VOWELS and inner
                if i == 0 and latin[0] in _SHORT_VOWELS:
                    out.append(_initial_vowel(arabic, rng))
                elif not (skip and rng.random() < SHORT_VOWEL_DROP_CHANCE):
                    out.append(arabic)
                i += len(latin)
                break
        else:
            i += 1
    return "".join(out)


def _initial_vowel(arabic: str, rng: random.Random) -> str:
    """A word-initial vowel: an alef, with its long-vowel letter half the time (Ekrem: اكرم, ايكرم)."""
    if arabic.startswith("ا"):
        return arabic
    return "ا" + arabic if rng.random() < INITIAL_VOWEL_LETTER_CHANCE else "ا"


# -- dispatch ---------------------------------------------------------------------
_ARABIC_GARBLERS: dict[str, Callable[[str, random.Random], str]] = {
    "letter_class": _letter_class,
    "long_vowel": _long_vowel,
    "consonant_drop": _consonant_drop,
    "consonant_double": _consonant_double,
    "persian": _persian,
    "agreement": _agreement,
}


def applies(name: str, kind: str) -> bool:
    """Whether ``kind`` can garble ``name``.

    Examples
    --------
    >>> applies("حفتر", "letter_class"), applies("Haftar", "letter_class"), applies("Haftar", "latin_fr")
    (True, False, True)
    """
    if kind not in KINDS:
        raise ValueError(f"unknown noise kind {kind!r} (expected one of {', '.join(KINDS)})")
    arabic = _is_arabic(name)
    checks: dict[str, Callable[[], bool]] = {
        "letter_class": lambda: arabic and bool(_positions(name, lambda w, i, ch: ch in _CONFUSABLE)),
        "long_vowel": lambda: arabic and bool(_positions(name, _before_vowel_slot) or _positions(name, _vowel_inside)),
        "consonant_drop": lambda: arabic and bool(_positions(name, _consonant)),
        "consonant_double": lambda: arabic and bool(_positions(name, _consonant)),
        "persian": lambda: arabic and any(ch in _PERSIAN_SYSTEMATIC or ch in _PERSIAN_SOUND for ch in name),
        "agreement": lambda: arabic and bool(_agreement_options(name)),
        "synonym": lambda: any(word in _SYNONYM_OF for word in name.split(" ")),
    }
    if kind in LATIN_KINDS:
        return not arabic and bool(re.search("[A-Za-z]", name))
    return checks[kind]()


def applicable_kinds(name: str, entity_type: str) -> tuple[str, ...]:
    """Every kind that can garble ``name``; ``synonym`` and ``agreement`` only for organisations.

    Examples
    --------
    >>> applicable_kinds("Tripoli", "place")[:2]
    ('latin_en', 'latin_fr')
    """
    kinds = [k for k in KINDS if k not in ORGANIZATION_KINDS or entity_type == "organization"]
    return tuple(k for k in kinds if applies(name, k))


def garble(name: str, kind: str, rng: random.Random) -> str:
    """One machine-translation variant of ``name``.

    Parameters
    ----------
    name : str
        An attested name (Arabic script for the Arabic kinds, Latin for the
        Latin and round-trip kinds).
    kind : str
        One of ``KINDS`` (see the module docstring).
    rng : random.Random
        The only source of randomness: the same seed gives the same variant.

    Returns
    -------
    str
        The variant; ``name`` itself when the kind does not apply.

    Raises
    ------
    ValueError
        On an unknown kind.
    """
    if not applies(name, kind):
        return name
    if kind in _ARABIC_GARBLERS:
        return _ARABIC_GARBLERS[kind](name, rng)
    if kind == "synonym":
        return _synonym(name, rng)
    language = kind.rsplit("_", 1)[1]
    respelled = respell_latin(name, language, rng)
    if kind.startswith("latin_"):
        return respelled
    return latin_to_arabic(respelled, rng)
