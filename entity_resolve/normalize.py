"""Normalise a name mention: script, letters, tokens, titles and clitics.

Arabic is folded with pyarabic primitives (tashkeel, tatweel, ligatures, alef
and hamza forms) plus a table for Persian and Urdu letters; Latin is decomposed
(NFKD), stripped of combining marks and case folded. Invisible controls (bidi
marks, zero-width joiners) go first. Titles and honorifics are split off and
kept as *cues* (a title hints at a type), never thrown away.

Examples
--------
>>> n = normalize_name("الجنرال خليفة حفتر")
>>> n.tokens, n.cues, n.script
(('خليفه', 'حفتر'), ('general',), 'arabic')
>>> normalize_name("Gen. Khalifa Belqasim HAFTAR").tokens
('khalifa', 'belqasim', 'haftar')
>>> normalize_name("Abdel Fattah el-Sisi").tokens
('abd', 'fattah', 'sisi')
>>> normalize_name("France 24").tokens, normalize_name("G20").tokens
(('france', '24'), ('g20',))
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

import pyarabic.araby as araby

__all__ = [
    "COMPOUND_HEADS",
    "COMPOUND_TAILS",
    "MAX_MENTION_CHARS",
    "MIN_TITLE_NAME_LETTERS",
    "PROCLITIC_PREPOSITIONS",
    "TITLE_WORDS",
    "NormalizedName",
    "Script",
    "begins_with_article",
    "detect_script",
    "fold_arabic",
    "fold_digits",
    "fold_latin",
    "has_foreign_letters",
    "has_foreign_sounds",
    "may_be_one_word",
    "normalize_as_name",
    "normalize_name",
    "strip_clitic",
    "strip_proclitics",
]

Script = Literal["arabic", "latin", "mixed", "none"]

#: Mentions longer than this are cut before normalisation (a name is short;
#: a megabyte of text is not a name and must not cost seconds).
MAX_MENTION_CHARS = 256
#: A mention of titles only is read as a name (Sheikh, Malik) from this many letters
#: on; shorter ones are abbreviations (Mr, Dr, Gen) that name no one.
MIN_TITLE_NAME_LETTERS = 4

_INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

#: Persian, Urdu and other Arabic-script letters folded to their Arabic base.
_ARABIC_LETTER_FOLD = str.maketrans(
    {
        "ک": "ك",  # keheh
        "ڪ": "ك",
        "گ": "ك",  # gaf: usually written for g; ك is the closest Arabic letter
        "ی": "ي",  # Farsi yeh
        "ې": "ي",
        "ۍ": "ي",
        "ے": "ي",  # yeh barree
        "ى": "ي",  # alef maqsura
        "پ": "ب",
        "چ": "ج",
        "ژ": "ز",
        "ڤ": "ف",
        "ڨ": "ق",  # Maghrebi gaf
        "ڭ": "ك",
        "ګ": "ك",  # Pashto gaf (منګل, Mangal)
        "ټ": "ت",  # Pashto tteh, retroflex like Urdu ٹ
        "ډ": "د",  # Pashto ddal
        "ړ": "ر",  # Pashto rreh
        "ڼ": "ن",  # Pashto rnoon
        "ږ": "ز",  # Pashto zhe, read like ژ
        "ښ": "ش",  # Pashto shin (x̌), written sh
        "ځ": "ز",  # Pashto dze, written z or dz
        "څ": "س",  # Pashto tse, written ts or s
        "ہ": "ه",
        "ۀ": "ه",
        "ھ": "ه",
        "ة": "ه",
        "ٹ": "ت",
        "ڈ": "د",
        "ڑ": "ر",
        "ں": "ن",
        "ٱ": "ا",
        "ٲ": "ا",
        "ۃ": "ه",  # teh marbuta goal (Urdu)
        # Kurdish (Sorani) and Uyghur letters: their consonants would otherwise vanish from
        # the skeleton (ڕەقە, Raqqa, would read q), their vowels are the vowel letters
        "ڕ": "ر",  # Kurdish heavy r
        "ڵ": "ل",  # Kurdish heavy l
        "ۋ": "و",  # Uyghur and Kazakh v/w
        "ۆ": "و",  # Kurdish and Uyghur o
        "ۇ": "و",  # Uyghur u
        "ۈ": "و",  # Uyghur ü
        "ۄ": "و",  # Kashmiri o
        "ێ": "ي",  # Kurdish long e
        "ە": "ا",  # Kurdish and Uyghur e (word-final, ه: see _FINAL_AE)
        # Sindhi letters, to the Arabic letter of the nearest sound
        "ٽ": "ت",
        "ٺ": "ت",
        "ڊ": "د",
        "ڌ": "د",
        "ڏ": "د",
        "ڙ": "ر",
        "ڀ": "ب",
        "ٻ": "ب",
        "ڄ": "ج",
        "ڻ": "ن",
        "٫": " ",
        "،": " ",
        "؛": " ",
        "؟": " ",
    }
)

#: A word-final Kurdish ە is the final vowel that Arabic writes ة (ڕەقە ~ الرقة).
_FINAL_AE = re.compile("\u06d5(?![\u0600-\u06ff])")

#: Latin letters that NFKD does not decompose, and letters whose sound their base letter
#: does not spell: Slavic and Turkish č ć ç ş š ž (Vučić, Çelik, Şahin ~ فوتشيتش, شاهين).
_LATIN_LETTER_FOLD = str.maketrans(
    {
        "č": "ch",
        "Č": "Ch",
        "ć": "ch",
        "Ć": "Ch",
        "ç": "ch",
        "Ç": "Ch",
        "š": "sh",
        "Š": "Sh",
        "ş": "sh",
        "Ş": "Sh",
        "ș": "sh",
        "Ș": "Sh",
        "ž": "zh",
        "Ž": "Zh",
        "Đ": "Dj",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "ł": "l",
        "đ": "dj",
        "ð": "dh",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "ʿ": "",
        "ʾ": "",
        "ʻ": "",
        "ʼ": "",
        "'": "",
        "’": "",
        "‘": "",
        "`": "",
        "´": "",
    }
)

#: Letters of Persian, Urdu, Pashto, Kurdish, Uyghur... absent from Arabic spelling.
_FOREIGN_ARABIC_LETTERS = re.compile(
    "[\u067e\u0686\u0698\u06a9\u06af\u06cc\u06d2\u06c1\u06c0\u06be"
    "\u06c7\u06c6\u06c8\u06cb\u06d0\u0688\u0679\u0691\u06ba\u06b5\u06ce\u0695"
    "\u06ab\u067c\u0689\u0693\u06bc\u0696\u069a\u0681\u0685]"  # Pashto
)
#: Those of them that only draw an Arabic letter another way (keheh ک for kaf, Farsi yeh ی, the Urdu
#: heh ہ ۀ ھ and yeh barree ے): the others spell sounds Arabic has no letter for (پ چ ژ گ ڈ ۆ ...).
_ARABIC_LETTER_FORMS = "\u06a9\u06cc\u06d2\u06c1\u06c0\u06be"
_FOREIGN_SOUND_LETTERS = re.compile(f"(?![{_ARABIC_LETTER_FORMS}]){_FOREIGN_ARABIC_LETTERS.pattern}")
_ARABIC_CHAR = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_CHAR = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
#: A name token: letters and digits (G20, 2M, i24NEWS); a run of digits alone is a token too.
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
#: Digits written in other scripts (Arabic-Indic ٢٤, Persian ۲۴, ...), folded to ASCII.
_NON_ASCII_DIGIT = re.compile(r"(?![0-9])\d")
#: An Arabic word and the digits glued to it are two tokens (فرانس24: فرانس, 24).
_DIGIT = re.compile("[0-9]")
_DIGITS_OR_NOT = re.compile(r"[0-9]+|[^0-9]+")
#: A word of one capital letter repeated, as written (AA, PPP): an acronym, not noise. Not
#: II and III: regnal numbers, which the name is known without ("Abdullah" is Abdullah II).
_REPEATED_CAPITAL = re.compile(r"\b([A-HJ-Z])\1+\b")

# Titles and honorifics, folded forms, mapped to the cue they leave behind.
# Multi-word titles are matched before their parts.
_ARABIC_TITLES: dict[tuple[str, ...], str] = {
    ("الجنرال",): "general",
    ("جنرال",): "general",
    ("اللواء",): "general",
    ("لواء",): "general",
    ("الفريق", "اول"): "general",
    ("الفريق",): "general",
    ("المشير",): "field marshal",
    ("مشير",): "field marshal",
    ("العقيد",): "colonel",
    ("عقيد",): "colonel",
    ("العميد",): "brigadier",
    ("الرائد",): "major",
    ("النقيب",): "captain",
    ("القائد",): "commander",
    ("السيد",): "mr",
    ("السيده",): "mrs",
    ("الانسه",): "miss",
    ("الدكتور",): "dr",
    ("الدكتوره",): "dr",
    ("د",): "dr",
    ("الشيخ",): "sheikh",
    ("الشيخه",): "sheikha",
    ("الملك",): "king",
    ("الملكه",): "queen",
    ("الامير",): "prince",
    ("الاميره",): "princess",
    ("ولي", "العهد"): "crown prince",
    ("السلطان",): "sultan",
    ("الرئيس",): "president",
    ("الرئيس", "السابق"): "president",
    ("الرئيس", "الراحل"): "president",
    ("الرئيس", "المعزول"): "president",
    ("الرئيس", "المخلوع"): "president",
    ("الرئيس", "الانتقالي"): "president",
    ("الرئيس", "الأسبق"): "president",
    ("الراحل",): "late",
    ("الامين", "العام"): "secretary-general",
    ("الأمين", "العام"): "secretary-general",
    ("وزير", "الداخليه"): "interior minister",
    ("زعيم",): "leader",
    ("قائد",): "commander",
    ("رئيس", "الوزراء"): "prime minister",
    ("رئيس", "الحكومه"): "prime minister",
    ("رئيس", "مجلس", "الوزراء"): "prime minister",
    ("رئيس", "مجلس", "النواب"): "speaker",
    ("رئيس", "مجلس", "الشعب"): "speaker",
    ("رئيس", "مجلس", "الامه"): "speaker",
    ("رئيس", "البرلمان"): "speaker",
    ("رئيس", "مجلس", "السياده"): "president",
    ("رئيس", "المجلس", "الرياسي"): "president",
    ("وزير", "الخارجيه"): "foreign minister",
    ("وزير", "الدفاع"): "defence minister",
    ("الوزير",): "minister",
    ("المبعوث",): "envoy",
    ("المرشد", "الاعلي"): "supreme leader",
    ("الامام",): "imam",
    ("سماحه",): "his eminence",
    ("فضيله",): "his eminence",
    # clerical and scholarly honorifics of Iran, Iraq, Afghanistan and Pakistan
    ("آية", "الله"): "ayatollah",
    ("آية", "الله", "العظمى"): "grand ayatollah",
    ("حجة", "الإسلام"): "hojatoleslam",
    ("حجة", "الإسلام", "والمسلمين"): "hojatoleslam",
    ("المفتي",): "mufti",
    ("مفتي",): "mufti",
    ("المولوي",): "mawlawi",
    ("مولوي",): "mawlawi",
    ("مولانا",): "maulana",
    ("العلامة",): "allama",
}

_LATIN_TITLES: dict[tuple[str, ...], str] = {
    ("general",): "general",
    ("gen",): "general",
    ("genl",): "general",
    ("lieutenant", "general"): "general",
    ("lt", "gen"): "general",
    ("major", "general"): "general",
    ("maj", "gen"): "general",
    ("field", "marshal"): "field marshal",
    ("marshal",): "field marshal",
    ("marechal",): "field marshal",
    ("colonel",): "colonel",
    ("col",): "colonel",
    ("brigadier",): "brigadier",
    ("commander",): "commander",
    ("mr",): "mr",
    ("mrs",): "mrs",
    ("ms",): "mrs",
    ("miss",): "miss",
    ("dr",): "dr",
    ("doctor",): "dr",
    ("prof",): "dr",
    ("professor",): "dr",
    ("sheikh",): "sheikh",
    ("shaikh",): "sheikh",
    ("cheikh",): "sheikh",
    ("scheich",): "sheikh",
    ("king",): "king",
    ("roi",): "king",
    ("konig",): "king",
    ("queen",): "queen",
    ("crown", "prince"): "crown prince",
    ("supreme", "leader"): "supreme leader",
    ("prince",): "prince",
    ("sultan",): "sultan",
    ("emir",): "prince",
    ("ayatullah",): "ayatollah",
    ("grand", "ayatollah"): "grand ayatollah",
    ("hojatoleslam",): "hojatoleslam",
    ("hojjatoleslam",): "hojatoleslam",
    ("hujjatul", "islam"): "hojatoleslam",
    ("hojjat", "al", "eslam"): "hojatoleslam",
    ("mufti",): "mufti",
    ("grand", "mufti"): "mufti",
    ("mawlawi",): "mawlawi",
    ("maulvi",): "mawlawi",
    ("maulana",): "maulana",
    ("mawlana",): "maulana",
    ("allama",): "allama",
    ("allamah",): "allama",
    ("hazrat",): "hazrat",
    ("president",): "president",
    ("former",): "former",
    ("late",): "late",
    ("ousted",): "former",
    ("deposed",): "former",
    ("interim",): "interim",
    ("feldmarschall",): "field marshal",
    ("marschall",): "field marshal",
    ("oberst",): "colonel",
    ("secretary", "general"): "secretary-general",
    ("leader",): "leader",
    ("chief",): "leader",
    ("presidente",): "president",
    ("prasident",): "president",
    ("prime", "minister"): "prime minister",
    ("foreign", "minister"): "foreign minister",
    ("defence", "minister"): "defence minister",
    ("defense", "minister"): "defence minister",
    ("interior", "minister"): "interior minister",
    ("premier",): "prime minister",
    ("pm",): "prime minister",
    ("minister",): "minister",
    ("ministre",): "minister",
    ("envoy",): "envoy",
    ("spokesman",): "spokesperson",
    ("spokeswoman",): "spokesperson",
    ("spokesperson",): "spokesperson",
    ("ambassador",): "ambassador",
    ("governor",): "governor",
    ("mayor",): "mayor",
    ("imam",): "imam",
    ("ayatollah",): "ayatollah",
    ("sir",): "mr",
    ("monsieur",): "mr",
    ("m",): "mr",
    ("herr",): "mr",
    ("madame",): "mrs",
    ("mme",): "mrs",
    ("frau",): "mrs",
}

_LONGEST_TITLE = max(len(k) for k in (*_ARABIC_TITLES, *_LATIN_TITLES))

# Latin articles and particles that are spellings of the Arabic article.
_LATIN_ARTICLES = frozenset({"al", "el", "ul", "il"})
_LATIN_ASSIMILATED_ARTICLE = re.compile(r"\b(?:al|el|ul|an|ar|as|ash|at|ath|ad|adh|az|ed|es|er|et|ez|en)-(?=[a-z])")
# "Abdel", "Abdul", "Abdoul", "Abd-al" ... + name: the article joins the next word.
_LATIN_ABD = re.compile(r"^(abd|abdu|abdou)(?:el|al|ul|ol|il|oul|ou|u)?(?=[a-z]{3,})")
_LATIN_ABD_PREFIX = re.compile(r"^abd(?:el|al|ul|ol|il|oul|ou|u)$")

_ARABIC_ARTICLE = "ال"
#: Words whose next word is part of one compound name, folded: Abd al-Malik (عبد الملك),
#: Abu Bakr (أبو بكر, Abubakr). The next word is never a title (الملك of عبد الملك is no king).
COMPOUND_HEADS = frozenset({"عبد", "ابو", "ابي", "ابا", "بو", "abd", "abu", "abou", "abo", "bou"})
#: Words that form one compound name with the word before them (Nasr Allah, Nasrallah;
#: Salah al-Din, Salaheddine), folded.
COMPOUND_TAILS = frozenset(
    {"allah", "ullah", "ollah", "illah", "alla", "الله", "din", "eddin", "eddine", "uddin", "deen", "الدين", "دين"}
)
#: Words written together with the word after them: of surnames, Bin Laden (بنلادن), Ben Ali
#: (Benali), Ould Cheikh (Ouldcheikh); of places, Khan Younis (خانيونس), Kafr Nabl (كفرنبل). Folded.
#: Particles of descent (son of, daughter of), and title words that are also given names: such a
#: title word before such a particle is the name ("Prince Sultan bin Abdulaziz" is Sultan, son of
#: Abdulaziz; "الوزير بن غفير" is still the minister Ben Gvir).
_PATRONYMIC_PARTICLES = frozenset({"bin", "ben", "ibn", "bint", "بن", "ابن", "بنت", "ould", "ولد"})
_TITLES_THAT_ARE_NAMES = frozenset({"sultan", "malik", "amir"})
_JOINING_PARTICLES = frozenset({"bin", "ben", "ibn", "بن", "ابن", "ould", "ولد", "خان", "كفر", "khan", "kafr", "kfar"})
#: Syllables of this many letters or fewer are written together with their neighbour (Ki-moon, Kimoon).
_JOINING_SYLLABLE = 2
#: Possessive pronouns that a title may carry ("its", "their": قائده، زعيمها، رئيسهم), folded.
_POSSESSIVE_SUFFIXES = ("هما", "هم", "ها", "ه")
_ARABIC_ABD = re.compile("^(عبد|ابو|ابي|ابا)(ال)?(?=\\w{3,})")
#: "Abdel", "Abdul" spelt letter by letter in Arabic (ابدلعزيز, ابدولتيف, ابد الراهمان): عبد.
#: The ل may also begin the next word (ابدولتيف, Abdullatif): the rest is read with an article, both ways.
_ARABIC_SPELT_ABD = re.compile("^ابد[او]?ل(?=\\w{3,}|ا?ه$|له$)")
#: Single-letter proclitics: wa- (and), bi- (with), li- (for), fa- (so), ka- (as).
_ARABIC_PROCLITICS = ("و", "ب", "ل", "ف", "ك")
#: Proclitics that may come before another: a conjunction, then a preposition (وب, ول, فل).
#: Not ك (as): before a name it is rare, in common words frequent (وكسرت, "and broke", is no Sirte).
_CONJUNCTIONS = ("و", "ف")
#: The prepositions that may stand as proclitics before a word (بحمص, "in Homs"; للعراق, "to Iraq").
PROCLITIC_PREPOSITIONS = ("ب", "ل")


@dataclass(frozen=True, slots=True)
class NormalizedName:
    """A mention after normalisation.

    Attributes
    ----------
    original : str
        The input as given (cut to ``MAX_MENTION_CHARS``).
    tokens : tuple of str
        Folded name tokens, titles and articles removed.
    script : {"arabic", "latin", "mixed", "none"}
        The script(s) the letters of the mention are written in.
    cues : tuple of str
        Titles and honorifics found before the name (``"general"``, ``"mr"``).
    foreign_letters : bool
        The mention uses letters of Persian, Urdu or other non-Arabic
        languages written in Arabic script (پ چ ژ گ ک ی ے ہ).
    """

    original: str
    tokens: tuple[str, ...]
    script: Script
    cues: tuple[str, ...] = ()
    foreign_letters: bool = False

    @property
    def is_empty(self) -> bool:
        """True when no name token is left (empty, punctuation, numbers, titles only)."""
        return not self.tokens


def has_foreign_letters(text: str) -> bool:
    """True when ``text`` has letters that Arabic spelling does not use (Persian, Urdu, ...).

    Examples
    --------
    >>> has_foreign_letters("پاکستان"), has_foreign_letters("باكستان")
    (True, False)
    """
    return _FOREIGN_ARABIC_LETTERS.search(text) is not None


def has_foreign_sounds(text: str) -> bool:
    """True when ``text`` has letters for sounds that Arabic spelling has no letter for (پ چ ژ گ ...).

    A subset of ``has_foreign_letters``: Persian and Urdu also draw some Arabic
    letters their own way (ک for ك, ی for ي), and such a spelling reads as the
    Arabic one.

    Examples
    --------
    >>> has_foreign_sounds("چین"), has_foreign_sounds("کاسابلانکا"), has_foreign_letters("کاسابلانکا")
    (True, False, True)
    """
    return _FOREIGN_SOUND_LETTERS.search(text) is not None


def detect_script(text: str) -> Script:
    """Tell which script(s) the letters of ``text`` are written in.

    Examples
    --------
    >>> detect_script("حفتر"), detect_script("Haftar"), detect_script("Haftar حفتر")
    ('arabic', 'latin', 'mixed')
    >>> detect_script("123 !")
    'none'
    """
    has_arabic = _ARABIC_CHAR.search(text) is not None
    has_latin = _LATIN_CHAR.search(text) is not None
    if has_arabic and has_latin:
        return "mixed"
    if has_arabic:
        return "arabic"
    if has_latin:
        return "latin"
    return "none"


def fold_arabic(text: str) -> str:
    """Fold Arabic-script text to a canonical spelling.

    Removes tashkeel and tatweel, splits ligatures, unifies alef and hamza
    forms (أ إ آ ؤ ئ), folds alef maqsura and teh marbuta, and maps Persian,
    Urdu, Pashto, Kurdish, Uyghur and Sindhi letters (ک ی پ چ گ ژ ګ ښ ڕ ڵ ۋ ە) to
    their Arabic base.

    Examples
    --------
    >>> fold_arabic("خَلِيفَة")
    'خليفه'
    >>> fold_arabic("مصطفى"), fold_arabic("پاکستان")
    ('مصطفي', 'باكستان')
    >>> fold_arabic("ڕەقە"), fold_arabic("ھەولێر")
    ('راقه', 'هاولير')
    """
    text = araby.strip_tashkeel(text)
    text = araby.strip_tatweel(text)
    text = araby.normalize_ligature(text)
    text = araby.normalize_hamza(text, method="tasheel")
    text = text.replace("ء", "")
    text = _FINAL_AE.sub("ه", text)
    return text.translate(_ARABIC_LETTER_FOLD)


#: The English possessive after a word ("Libya's", "Haftar’s"): no name's own letters.
_LATIN_POSSESSIVE = re.compile(r"(?<=[^\W_])['’ʼ][sS]\b")
#: A French or Italian article elided before a word ("l'ONU", "d'Alger"): no name's own letters.
_LATIN_ELISION = re.compile(r"(?<![^\W\d_])[lLdD]['’ʼ](?=[^\W\d_])")


def fold_latin(text: str) -> str:
    """Fold Latin-script text: decompose, drop accents, the English possessive and apostrophes, case fold.

    Examples
    --------
    >>> fold_latin("Mouammar Kadhafi"), fold_latin("Ḥaftar"), fold_latin("Ba'ath")
    ('mouammar kadhafi', 'haftar', 'baath')
    >>> fold_latin("Vučić"), fold_latin("Çavuşoğlu"), fold_latin("Đoković")
    ('vuchich', 'chavushoglu', 'djokovich')
    >>> fold_latin("Libya's parliament"), fold_latin("Netanyahu’s"), fold_latin("Sana'a")
    ('libya parliament', 'netanyahu', 'sanaa')
    >>> fold_latin("l'ONU"), fold_latin("Côte d'Ivoire")
    ('onu', 'cote ivoire')
    """
    text = _LATIN_POSSESSIVE.sub("", text)
    text = _LATIN_ELISION.sub("", text)
    text = text.translate(_LATIN_LETTER_FOLD)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold().translate(_LATIN_LETTER_FOLD)


# Title tables are written as people spell them; match them in folded form.
_ARABIC_TITLES = {tuple(fold_arabic(word) for word in title): cue for title, cue in _ARABIC_TITLES.items()}
#: Every word of a title, folded, Arabic or Latin: a name of such words only may be titles only.
TITLE_WORDS = frozenset(word for title in (*_ARABIC_TITLES, *_LATIN_TITLES) for word in title)


def strip_clitic(token: str) -> str | None:
    """Remove one Arabic proclitic (و ب ل ف ك, and the لل of li + al) from a token.

    Returns None when the token does not start with one or would become too
    short. The resolver decides whether the stripped form is the right reading.

    Examples
    --------
    >>> strip_clitic("لخليفه"), strip_clitic("للجيش"), strip_clitic("والجنرال")
    ('خليفه', 'الجيش', 'الجنرال')
    >>> strip_clitic("حفتر") is None
    True
    """
    if token.startswith("لل") and len(token) > 4:
        return "ال" + token[2:]
    if token.startswith(_ARABIC_PROCLITICS) and len(token) > 3:
        return token[1:]
    return None


def strip_proclitics(token: str) -> tuple[str, ...]:
    """Readings of a token without its proclitics: one off (``strip_clitic``), then, after a
    conjunction (و ف), the preposition too (ب ل, and the لل of li + al).

    "وبحمص" (and in Homs) is بحمص, then حمص; "ولمصراتة" (and to Misrata) is لمصراتة,
    then مصراتة. Which reading is right (بريطانيا is Britain, not ب + ريطانيا) is the
    resolver's to decide.

    Examples
    --------
    >>> strip_proclitics("وبحمص"), strip_proclitics("وللجيش"), strip_proclitics("والجنرال")
    (('بحمص', 'حمص'), ('للجيش', 'الجيش'), ('الجنرال',))
    >>> strip_proclitics("حفتر"), strip_proclitics("وبعد")
    ((), ('بعد',))
    """
    once = strip_clitic(token)
    if once is None:
        return ()
    if token.startswith(_CONJUNCTIONS) and once.startswith(PROCLITIC_PREPOSITIONS):
        twice = strip_clitic(once)
        if twice is not None:
            return (once, twice)
    return (once,)


def _title_of_owner(token: str, titles: dict[tuple[str, ...], str]) -> str | None:
    """The cue of a one-word title with a possessive pronoun (قائده "its commander",
    زعيمها "its leader"), or None.

    Examples
    --------
    >>> [_title_of_owner(fold_arabic(word), _ARABIC_TITLES) for word in ("قائده", "زعيمها")]
    ['commander', 'leader']
    >>> _title_of_owner("طه", _ARABIC_TITLES) is None
    True
    """
    for suffix in _POSSESSIVE_SUFFIXES:
        if token.endswith(suffix) and len(token) > len(suffix) + 2:
            cue = titles.get((token[: -len(suffix)],))
            if cue is not None:
                return cue
    return None


def _clitic_title_width(stripped: str, following: list[str], titles: dict[tuple[str, ...], str]) -> int:
    """Words of the longest title that a word without its proclitic begins (0 if none)."""
    for width in range(_LONGEST_TITLE, 0, -1):
        window = (stripped, *following[: width - 1])
        if len(window) == width and window in titles:
            return width
    return 0


def _split_titles(tokens: list[str], titles: dict[tuple[str, ...], str]) -> tuple[list[str], list[str]]:
    """Split leading titles (and titles right after clitics) off ``tokens``."""
    cues: list[str] = []
    position = 0
    while position < len(tokens):
        next_word = tokens[position + 1] if position + 1 < len(tokens) else ""
        if tokens[position] in _TITLES_THAT_ARE_NAMES and next_word in _PATRONYMIC_PARTICLES:
            break  # a given name, not a title: Sultan bin Abdulaziz
        for width in range(_LONGEST_TITLE, 0, -1):
            window = tuple(tokens[position : position + width])
            if len(window) == width and window in titles:
                cues.append(titles[window])
                position += width
                break
        else:
            stripped = strip_clitic(tokens[position])
            # بالرئيس; a title of several words only first: "برئيس مجلس النواب" (with the speaker),
            # but in "الرئيس برئيس الوزراء" (the president ... with the prime minister) ب begins another phrase
            following = tokens[position + 1 :] if position == 0 else []
            width = _clitic_title_width(stripped, following, titles) if stripped else 0
            if stripped and width:
                cues.append(titles[(stripped, *tokens[position + 1 : position + width])])
                position += width
                continue
            owner_title = _title_of_owner(tokens[position], titles)
            if owner_title is not None:
                cues.append(owner_title)
                position += 1
                continue
            break
    rest = tokens[position:]
    # A title may also follow the name ("Haftar, General" is rare); keep it simple:
    # only leading titles are cues, and a name made only of titles keeps nothing.
    return rest, cues


def begins_with_article(text: str) -> bool:
    """Whether a name in Latin script begins with an Arabic article that normalising leaves out:
    "Al-Khalil" (Hebron) is no bare given name Khalil.

    Examples
    --------
    >>> begins_with_article("Al-Khalil"), begins_with_article("El Fasher"), begins_with_article("Khalil")
    (True, True, False)
    """
    words = _TOKEN.findall(fold_latin(text))
    return bool(words) and words[0] in _LATIN_ARTICLES


def _latin_tokens(text: str) -> list[str]:
    """Tokenise folded Latin text, splitting Arabic articles and ``Abd``-compounds."""
    tokens: list[str] = []
    for raw in _TOKEN.findall(text):
        if raw in _LATIN_ARTICLES:
            continue
        if _LATIN_ABD_PREFIX.match(raw):
            tokens.append("abd")
            continue
        match = _LATIN_ABD.match(raw)
        if match:
            tokens.extend(("abd", raw[match.end() :]))
            continue
        tokens.append(raw)
    return tokens


def may_be_one_word(first: str, second: str) -> bool:
    """Whether two neighbouring name words may be one word written apart.

    Compounds (``COMPOUND_HEADS`` before a word, ``COMPOUND_TAILS`` after
    one), surname particles (Bin Laden, Ben Ali, Ould Cheikh) and syllables
    of two letters (Ban Ki-moon) are also written as one word; two full
    names are not (Ali Hassan is not Alhassan).

    Examples
    --------
    >>> may_be_one_word("nasr", "allah"), may_be_one_word("bin", "laden"), may_be_one_word("ki", "moon")
    (True, True, True)
    >>> may_be_one_word("ali", "hassan")
    False
    """
    return (
        first in COMPOUND_HEADS
        or second in COMPOUND_TAILS
        or first in _JOINING_PARTICLES
        or min(len(first), len(second)) <= _JOINING_SYLLABLE
    )


def _arabic_tokens(tokens: list[str]) -> list[str]:
    """Split ``عبدالعزيز``-style compounds and drop a lone article (آل, ال).

    The article of a word (الأسد) stays: it may be part of the name (ألبان,
    Alban); ``keys.readings`` reads such a token both ways.
    """
    result: list[str] = []
    for token in tokens:
        spelt = _ARABIC_SPELT_ABD.match(token)
        if spelt:
            result.append("عبد")
            token = _ARABIC_ARTICLE + token[spelt.end() :]
        match = None if spelt else _ARABIC_ABD.match(token)
        if match:
            result.append(match.group(1))
            token = token[len(match.group(1)) :]
        if token and token != _ARABIC_ARTICLE:
            result.append(token)
    return result


def normalize_name(mention: str, *, titles: bool = True) -> NormalizedName:
    """Normalise a name mention into folded tokens, script and title cues.

    Parameters
    ----------
    mention : str
        A name as written in a document, any script, any case.
    titles : bool
        Split leading titles off as cues (the default). False keeps them as
        name words ("General National Congress" is an organisation).

    Returns
    -------
    NormalizedName
        Tokens without titles or articles; ``cues`` keeps the titles.

    Raises
    ------
    TypeError
        If ``mention`` is not a ``str``.

    Notes
    -----
    Numbers are parts of names: a word keeps its digits (G20, 2M), a number
    is a token of its own (France 24), and digits of every script are written
    as ASCII (فرانس ٢٤ is فرانس 24). A mention without a letter is no name
    (it is empty). A name made only of articles (El Al) keeps them, and a word
    of one capital letter repeated (AA, PPP) is an acronym, not noise.

    Idempotent on its own output: ``normalize_name(" ".join(n.tokens)).tokens``
    equals ``n.tokens`` for Latin and Arabic names, except that the folded
    acronym of one repeated letter (``aa``) reads as noise. Input is cut to
    ``MAX_MENTION_CHARS`` characters, so the cost is bounded.

    Examples
    --------
    >>> normalize_name("والجنرال حفتر").tokens
    ('حفتر',)
    >>> normalize_name("France 24").tokens, normalize_name("فرانس ٢٤").tokens, normalize_name("G20").tokens
    (('france', '24'), ('فرانس', '24'), ('g20',))
    >>> normalize_name("").is_empty, normalize_name(" ?! 42 ").is_empty, normalize_name("٢٠٢٤").is_empty
    (True, True, True)
    >>> normalize_name("El Al").tokens, normalize_name("AA").tokens, normalize_name("xxxx").tokens
    (('el', 'al'), ('aa',), ())
    >>> normalize_name("the White House").tokens, normalize_name("The President Erdogan").tokens
    (('white', 'house'), ('erdogan',))
    """
    if not isinstance(mention, str):
        raise TypeError(f"mention must be a str, not {type(mention).__name__}")
    original = mention[:MAX_MENTION_CHARS]
    text = _INVISIBLE.sub("", original)
    script = detect_script(text)
    text_before_fold = text
    text = text.replace("+", " plus ")  # OPEC+ is not OPEC
    folded = fold_digits(fold_latin(fold_arabic(text)))
    has_digits = _DIGIT.search(folded) is not None
    raw_tokens = _TOKEN.findall(_LATIN_ASSIMILATED_ARTICLE.sub(" ", folded))
    if has_digits:
        raw_tokens = _split_arabic_digits(raw_tokens)
    # a lone Arabic letter (و written apart) is no name word, nor does it hide a title after it
    raw_tokens = [token for token in raw_tokens if not (len(token) == 1 and _ARABIC_CHAR.match(token))]
    arabic_part = [t for t in raw_tokens if _ARABIC_CHAR.match(t)]
    if script == "arabic":
        rest, cues = _split_titles(raw_tokens, _ARABIC_TITLES) if titles else (raw_tokens, [])
        tokens = _arabic_tokens(rest)
    elif script == "latin":
        raw_tokens = _without_leading_the(raw_tokens)
        rest, cues = _split_titles(raw_tokens, _LATIN_TITLES) if titles else (raw_tokens, [])
        tokens = _latin_tokens(" ".join(rest))
    elif script == "mixed":
        rest, cues = _split_titles(raw_tokens, {**_ARABIC_TITLES, **_LATIN_TITLES}) if titles else (raw_tokens, [])
        tokens = [
            part
            for token in rest
            for part in (_arabic_tokens([token]) if token in arabic_part else _latin_tokens(token))
        ]
    else:
        tokens, cues = [], []
    if not tokens and not cues and script != "arabic":
        tokens = _articles_as_name(folded)
    if any(_is_noise(token) for token in tokens):
        acronyms = {match.group().casefold() for match in _REPEATED_CAPITAL.finditer(text_before_fold)}
        tokens = [token for token in tokens if token in acronyms or not _is_noise(token)]
    if has_digits and all(token.isdigit() for token in tokens):
        tokens = []  # numbers alone are not names
    return NormalizedName(
        original=original,
        tokens=tuple(tokens),
        script=script,
        cues=tuple(cues),
        foreign_letters=has_foreign_letters(text_before_fold),
    )


def _without_leading_the(tokens: list[str]) -> list[str]:
    """Tokens without a leading English "the" (the White House, The Hague), unless it is the only word.

    Examples
    --------
    >>> _without_leading_the(["the", "white", "house"]), _without_leading_the(["the"])
    (['white', 'house'], ['the'])
    """
    return tokens[1:] if len(tokens) > 1 and tokens[0] == "the" else tokens


def fold_digits(text: str) -> str:
    """Write the digits of any script (Arabic-Indic ٢٤, Persian ۲۴) as ASCII digits.

    Examples
    --------
    >>> fold_digits("فرانس ٢٤"), fold_digits("القناة ۱۲"), fold_digits("G20")
    ('فرانس 24', 'القناة 12', 'G20')
    """
    if _NON_ASCII_DIGIT.search(text) is None:
        return text
    return _NON_ASCII_DIGIT.sub(lambda match: str(unicodedata.decimal(match.group())), text)


def _split_arabic_digits(tokens: list[str]) -> list[str]:
    """Split the digits off Arabic words (فرانس24 -> فرانس, 24); Latin words keep theirs (g20)."""
    return [
        part for token in tokens for part in (_DIGITS_OR_NOT.findall(token) if _ARABIC_CHAR.search(token) else [token])
    ]


def _articles_as_name(folded: str) -> list[str]:
    """The words of a Latin name made of articles only (El Al), when long enough to be a name."""
    words = _TOKEN.findall(folded)
    if words and all(word in _LATIN_ARTICLES for word in words) and sum(map(len, words)) >= MIN_TITLE_NAME_LETTERS:
        return words
    return []


def normalize_as_name(mention: str) -> NormalizedName:
    """``normalize_name``, except that a mention made of titles only is read as a name.

    سماحة, Sheikh, Malik and Sultan are titles and also surnames: alone,
    they are the name, and there are no cues. Abbreviations (Mr, Dr, Gen:
    fewer than ``MIN_TITLE_NAME_LETTERS`` letters) name no one.

    Examples
    --------
    >>> normalize_as_name("Sheikh").tokens, normalize_as_name("Sheikh").cues
    (('sheikh',), ())
    >>> normalize_as_name("Sheikh Zayed").tokens, normalize_as_name("Sheikh Zayed").cues
    (('zayed',), ('sheikh',))
    >>> normalize_as_name("Mr.").tokens
    ()
    """
    normalized = normalize_name(mention)
    if normalized.tokens or not normalized.cues:
        return normalized
    as_name = normalize_name(mention, titles=False)
    if sum(map(len, as_name.tokens)) < MIN_TITLE_NAME_LETTERS:
        return normalized
    return as_name


def _is_noise(token: str) -> bool:
    """A lone Arabic letter (و, ب: a conjunction or clitic) or one letter repeated (ططط, xxxx).

    A number is never noise (11, 2000).
    """
    if len(token) == 1:
        return _ARABIC_CHAR.match(token) is not None
    return len(set(token)) == 1 and not token.isdigit()
