"""Learned cross-script scoring: how Arabic letters are spelt in Latin, and how often.

The table ``data/learned/transliteration.tsv`` is a small stochastic
transducer learned by ``scripts/learn_transliteration.py`` (EM over monotone
alignments) from real Arabic-English name pairs: google/transliteration ar-en
``train.tsv`` (Apache-2.0) and the training rows of NETransliteration (CC0-1.0);
see ``data/learned/README.md``. It says what the hand-made skeleton alphabet of
``keys`` cannot: that ``ك`` is ``k`` far more often than ``c``, that ``ش`` is
``ch`` at least as often as ``sh`` in these (mostly non-Arabic) names, that a final
``ه`` is ``a`` or ``e``, which Latin vowels follow which letter, and how often.

The model reads an Arabic token as a chain of events: a *gap* before the first
letter, then each letter followed by a gap. A letter emits a Latin chunk of 0
to 3 letters, ``P(chunk | letter, position)`` with the position initial,
medial or final; a gap emits 0 to 2 Latin vowels (the short vowels Arabic does
not write), ``P(chunk | previous letter, what follows)``. Alignments are
monotone. A Latin token is scored by its best alignment (Viterbi): its cost
``-log P(latin | arabic)`` per Latin letter, on a linear scale from 1 to 0.

Examples
--------
>>> round(transliteration_similarity("خليفه", "khalifa"), 2) > round(transliteration_similarity("خليفه", "kuwait"), 2)
True
>>> 0.0 <= transliteration_similarity("حفتر", "haftar") <= 1.0
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Final

try:  # the compiled Viterbi, when the build had a C++ compiler and Cython (setup.py)
    from . import _transducer
except ImportError:  # pragma: no cover - a pure-Python build scores with ``_viterbi``
    _transducer = None  # type: ignore[assignment]

__all__ = [
    "EMIT",
    "EMPTY_CHUNK",
    "GAP",
    "MAX_EMIT_CHUNK",
    "MAX_GAP_CHUNK",
    "START",
    "TransliterationModel",
    "event_keys",
    "load_model",
    "transliteration_similarity",
]

#: Row kind of a letter's emission, ``P(latin chunk | letter, position)``.
EMIT: Final = "emit"
#: Row kind of a gap's emission, ``P(latin vowels | previous letter, what follows)``.
GAP: Final = "gap"
#: Row kind of a scalar parameter of the scorer.
PARAM: Final = "param"
#: How the empty Latin chunk (a silent letter, an empty gap) is written in the table.
EMPTY_CHUNK: Final = "_"
#: The "previous letter" of the gap before the first letter.
START: Final = "^"
#: Longest Latin chunk one Arabic letter emits (``ش`` as ``sch``).
MAX_EMIT_CHUNK: Final = 3
#: Longest Latin chunk one gap emits (``ou``, ``ee``).
MAX_GAP_CHUNK: Final = 2
#: Positions of a letter in its token (a gap at the end is ``final`` too).
INITIAL, MEDIAL, FINAL = "initial", "medial", "final"
#: Positions of a gap: what the next letter is.
BEFORE_VOWEL, BEFORE_CONSONANT = "before-vowel", "before-consonant"
#: Latin letters a gap emits (the short vowels Arabic does not write); any other
#: letter from a gap costs ``unseen_cost`` and is never learned.
GAP_LETTERS: Final = frozenset("aeiouy")
_VOWEL_LETTERS: Final = frozenset("اويع")
_FINAL_VOWEL_LETTER: Final = "ه"  # ة, folded: a final a
#: Parameter rows: cost of an unseen chunk of 0 or 1 letter, and the cost scale of the similarity.
UNSEEN_COST_PARAM: Final = "unseen_cost"
SCALE_PARAM: Final = "similarity_scale"
_COLUMNS: Final = 5
_LATIN_LETTERS: Final = "abcdefghijklmnopqrstuvwxyz"
#: Event key of a letter the table does not know: every chunk of 0 or 1 letter at the unseen cost.
_UNKNOWN: Final[tuple[str, str, str]] = ("", "", "")
_TABLE_PACKAGE: Final = "entity_resolve"
_TABLE_PATH: Final = ("data", "learned", "transliteration.tsv")
_ARABIC_ARTICLE: Final = "ال"
#: Tokens longer than this are scored on their first letters only (a name token is short).
_MAX_TOKEN: Final = 40
_INF: Final = math.inf

EventKey = tuple[str, str, str]
"""``(kind, position, arabic letter)``: the row key of one event's distribution."""


def _gap_position(arabic: str, following: int) -> str:
    """Where a gap stands: before a vowel letter, before a consonant, or at the end."""
    if following >= len(arabic):
        return FINAL
    letter = arabic[following]
    vowel_like = letter in _VOWEL_LETTERS or (letter == _FINAL_VOWEL_LETTER and following == len(arabic) - 1)
    return BEFORE_VOWEL if vowel_like else BEFORE_CONSONANT


def event_keys(arabic: str) -> list[EventKey]:
    """The chain of events that spells a folded Arabic token in Latin.

    One gap before the first letter, then each letter and the gap after it:
    ``2 * len(arabic) + 1`` events. A letter's position is initial, medial or
    final; a gap is keyed by the letter before it (``^`` at the start) and by
    what follows it: a vowel letter (ا و ي ع, final ه), a consonant, or the end.
    The learning script and the scorer share this definition.

    Parameters
    ----------
    arabic : str
        A folded Arabic token (``normalize_name(...).tokens``).

    Returns
    -------
    list of (kind, position, letter)

    Examples
    --------
    >>> for key in event_keys("بنا"):
    ...     print(*key)
    gap before-consonant ^
    emit initial ب
    gap before-consonant ب
    emit medial ن
    gap before-vowel ن
    emit final ا
    gap final ا
    """
    keys: list[EventKey] = [(GAP, _gap_position(arabic, 0), START)]
    last = len(arabic) - 1
    for index, letter in enumerate(arabic):
        position = INITIAL if index == 0 else FINAL if index == last else MEDIAL
        keys.append((EMIT, position, letter))
        keys.append((GAP, _gap_position(arabic, index + 1), letter))
    return keys


Event = tuple[dict[str, float], int]
"""One event of a chain: its chunk costs and its longest chunk."""
Chain = tuple[tuple[Event, ...], tuple[int, ...]]
"""The events of an Arabic token and, per event, the most Latin letters it and the later ones can emit."""


@dataclass(frozen=True)
class TransliterationModel:
    """A learned table: per event key, the cost (``-log P``) of each Latin chunk.

    Attributes
    ----------
    costs : dict
        ``(kind, position, letter) -> {latin chunk: cost}``; the empty chunk is ``""``.
    unseen_cost : float
        Cost of a chunk of 0 or 1 letter that the table does not list (longer
        unlisted chunks are impossible).
    scale : float
        Cost per Latin letter (plus one) at which the similarity reaches 0.
    """

    costs: dict[EventKey, dict[str, float]]
    unseen_cost: float
    scale: float
    _events: dict[EventKey, Event] = field(default_factory=dict, init=False, repr=False, compare=False)
    #: Event number of each key (its place in ``_events``), and the compiled ``_transducer.Transducer``
    #: of the events when there is one (a list of at most one: the dataclass is frozen).
    _numbers: dict[EventKey, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _compiled: list[_transducer.Transducer] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # every chunk of 0 or 1 letter is listed, unseen ones at unseen_cost: the DP never falls back
        unseen = dict.fromkeys(("", *_LATIN_LETTERS), self.unseen_cost)
        self._events[_UNKNOWN] = (unseen, 1)
        for key, table in self.costs.items():
            self._events[key] = (unseen | table, max(1, max((len(chunk) for chunk in table), default=1)))
        for number, key in enumerate(self._events):
            self._numbers[key] = number
        self._compiled.extend(_compiled_events(list(self._events.values())))

    def __reduce__(self) -> tuple[type[TransliterationModel], tuple[dict[EventKey, dict[str, float]], float, float]]:
        # pickled as its table, the events and compiled transducer made again on loading
        # (see ``NameIndex.__reduce__``)
        return (TransliterationModel, (self.costs, self.unseen_cost, self.scale))

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> TransliterationModel:
        """Parse the TSV table (``#`` lines are comments, the first other line is the header).

        Raises
        ------
        ValueError
            On a malformed row or a missing parameter.

        Examples
        --------
        >>> rows = ["# a comment", "kind\\tposition\\tarabic\\tlatin\\tcost",
        ...         "param\\t_\\t_\\tunseen_cost\\t9.0", "param\\t_\\t_\\tsimilarity_scale\\t7.0",
        ...         "emit\\tinitial\\tب\\tb\\t0.1", "emit\\tinitial\\tب\\t_\\t4.5"]
        >>> model = TransliterationModel.from_lines(rows)
        >>> model.costs[("emit", "initial", "ب")], model.scale
        ({'b': 0.1, '': 4.5}, 7.0)
        """
        costs: dict[EventKey, dict[str, float]] = {}
        params: dict[str, float] = {}
        header_seen = False
        for number, raw in enumerate(lines, start=1):
            line = raw.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != _COLUMNS:
                raise ValueError(f"transliteration table line {number}: expected {_COLUMNS} fields, got {len(fields)}")
            if not header_seen:
                header_seen = True
                continue
            kind, position, letter, latin, cost = fields
            if kind == PARAM:
                params[latin] = float(cost)
            elif kind in (EMIT, GAP):
                chunk = "" if latin == EMPTY_CHUNK else latin
                costs.setdefault((kind, position, letter), {})[chunk] = float(cost)
            else:
                raise ValueError(f"transliteration table line {number}: unknown kind {kind!r}")
        missing = {UNSEEN_COST_PARAM, SCALE_PARAM} - params.keys()
        if missing:
            raise ValueError(f"transliteration table: missing parameter(s) {', '.join(sorted(missing))}")
        return cls(costs, params[UNSEEN_COST_PARAM], params[SCALE_PARAM])

    def chain(self, arabic: str) -> Chain:
        """The events of ``arabic`` and, per event, the most Latin letters it and the later ones can emit."""
        unknown = self._events[_UNKNOWN]
        events = tuple(self._events.get(key, unknown) for key in event_keys(arabic))
        reach = [0] * (len(events) + 1)
        for t in range(len(events) - 1, -1, -1):
            reach[t] = reach[t + 1] + events[t][1]
        return events, tuple(reach)

    def event_numbers(self, arabic: str) -> tuple[int, ...]:
        """The numbers of the events of ``arabic``: the chain that the compiled Viterbi reads.

        Examples
        --------
        >>> model = load_model()
        >>> len(model.event_numbers("بنا")) == len(event_keys("بنا"))
        True
        """
        unknown = self._numbers[_UNKNOWN]
        return tuple([self._numbers.get(key, unknown) for key in event_keys(arabic)])

    @property
    def compiled(self) -> bool:
        """Whether ``cost`` runs the compiled Viterbi (``_transducer``) rather than ``_viterbi``."""
        return bool(self._compiled)

    def cost(self, arabic: str, latin: str) -> float:
        """``-log P(latin | arabic)`` of the best alignment (``inf`` when there is none).

        Parameters
        ----------
        arabic : str
            A folded Arabic token.
        latin : str
            A lower-case Latin token.

        Examples
        --------
        >>> model = load_model()
        >>> model.cost("بن", "ben") < model.cost("بن", "bond") < 100.0
        True
        """
        if self._compiled:
            return float(self._compiled[0].cost(self.event_numbers(arabic[:_MAX_TOKEN]), latin[:_MAX_TOKEN]))
        return _viterbi(self.chain(arabic[:_MAX_TOKEN]), latin[:_MAX_TOKEN])

    def similarity(self, arabic: str, latin: str) -> float:
        """``max(0, 1 - cost / ((len(latin) + 1) * scale))``: the cost per Latin letter, on a scale of 1 to 0."""
        if not arabic or not latin:
            return 1.0 if arabic == latin else 0.0
        return _from_cost(self.cost(arabic, latin), len(latin), self.scale)


def _compiled_events(events: list[Event]) -> list[_transducer.Transducer]:
    """The compiled Viterbi of ``events`` (in their numbers' order), as a list of one; none without
    ``_transducer`` (no C++ compiler at build time) or for chunks other than a-z (not the shipped table's)."""
    if _transducer is None:
        return []
    try:
        return [_transducer.Transducer([table for table, _ in events], [longest for _, longest in events])]
    except ValueError:
        return []


def load_model(path: Path | None = None) -> TransliterationModel:
    """Load a transliteration table; the shipped one (cached) when ``path`` is None.

    Examples
    --------
    >>> load_model().unseen_cost > 0
    True
    """
    if path is not None:
        with path.open(encoding="utf-8") as handle:
            return TransliterationModel.from_lines(handle)
    return _shipped_model()


@lru_cache(maxsize=1)
def _shipped_model() -> TransliterationModel:
    resource = resources.files(_TABLE_PACKAGE).joinpath(*_TABLE_PATH)
    with resource.open(encoding="utf-8") as handle:
        return TransliterationModel.from_lines(handle)


@lru_cache(maxsize=65_536)
def _shipped_chain(arabic: str) -> Chain:
    return _shipped_model().chain(arabic[:_MAX_TOKEN])


@lru_cache(maxsize=65_536)
def _shipped_event_numbers(arabic: str) -> tuple[int, ...]:
    return _shipped_model().event_numbers(arabic[:_MAX_TOKEN])


def _shipped_cost(arabic: str, latin: str) -> float:
    """``_shipped_model().cost(arabic, latin)`` of a Latin token already cut to ``_MAX_TOKEN``, chains kept."""
    model = _shipped_model()
    if model._compiled:
        return float(model._compiled[0].cost(_shipped_event_numbers(arabic), latin))
    return _viterbi(_shipped_chain(arabic), latin)


@lru_cache(maxsize=65_536)
def _latin_chunks(latin: str) -> tuple[tuple[tuple[str, int], ...], ...]:
    """Per start position, the chunks of 1 to ``MAX_EMIT_CHUNK`` letters starting there, with their ends."""
    length = len(latin)
    return tuple(
        tuple((latin[start:end], end) for end in range(start + 1, min(start + MAX_EMIT_CHUNK, length) + 1))
        for start in range(length + 1)
    )


def _viterbi(chain: Chain, latin: str) -> float:
    """Cheapest way for a chain of events to emit exactly ``latin`` (a left-to-right push DP).

    The reference of the compiled ``_transducer.Transducer.cost`` and the
    fallback of a build without it: both give the same cost.
    """
    events, reach = chain
    length = len(latin)
    chunks = _latin_chunks(latin)
    previous = [0.0] + [_INF] * length
    highest = 0  # the most letters the events so far can have emitted
    for t, (table, longest) in enumerate(events):
        current = [_INF] * (length + 1)
        empty = table[""]
        for start in range(max(0, length - reach[t]), min(highest, length) + 1):
            base = previous[start]
            if base == _INF:
                continue
            cost = base + empty
            if cost < current[start]:
                current[start] = cost
            for chunk, end in chunks[start]:
                step = table.get(chunk)  # compiled, the dict's own lookup: faster than a bound ``get``
                if step is not None:
                    cost = base + step
                    if cost < current[end]:
                        current[end] = cost
        highest += longest
        previous = current
    return previous[length]


def _from_cost(cost: float, latin_length: int, scale: float) -> float:
    return max(0.0, 1.0 - cost / ((latin_length + 1) * scale))


#: The pairs scored, kept: the two tokens joined by ``_PAIR_JOINER`` to the similarity. A plain dict
#: from strings to floats, which the garbage collector stops tracking (it walks every entry of an
#: ``lru_cache`` in each full collection); emptied when it holds ``_PAIRS_KEPT``.
_kept_pairs: Final[dict[str, float]] = {}
_PAIRS_KEPT: Final = 262_144
_PAIR_JOINER: Final = "\x1f"  # never in a normalised token


def transliteration_similarity(arabic_token: str, latin_token: str) -> float:
    """Similarity in [0, 1] of an Arabic token and a Latin token under the learned table.

    The cost ``-log P(latin | arabic)`` of the best alignment, per Latin letter
    (plus one), on a linear scale: ``max(0, 1 - cost / ((len(latin) + 1) *
    scale))``, ``scale`` set when learning so that the median training pair
    scores 0.9. An Arabic token with the article (الاسد) is also read without
    it, and the better reading counts.

    Parameters
    ----------
    arabic_token : str
        A folded Arabic token, as in ``normalize_name(...).tokens``.
    latin_token : str
        A lower-case ASCII Latin token. The caller decides which side is
        Arabic; the function does not look at the scripts.

    Returns
    -------
    float
        Near 1 for the likeliest spellings, 0 for unrelated tokens.

    Notes
    -----
    Viterbi over ``2 * len(arabic) + 1`` events and ``len(latin) + 1``
    positions, compiled (``_transducer``) when the build had a C++ compiler;
    each Arabic token's chain of events is cached, and so is every pair.

    Examples
    --------
    >>> good = transliteration_similarity("خليفه", "khalifa")
    >>> bad = transliteration_similarity("خليفه", "kuwait")
    >>> good > 0.8 > bad >= 0.0
    True
    >>> transliteration_similarity("", "khalifa")
    0.0
    """
    key = arabic_token + _PAIR_JOINER + latin_token
    found = _kept_pairs.get(key)
    if found is None:
        found = _worked_out_similarity(arabic_token, latin_token)
        if len(_kept_pairs) >= _PAIRS_KEPT:
            _kept_pairs.clear()
        _kept_pairs[key] = found
    return found


def _worked_out_similarity(arabic_token: str, latin_token: str) -> float:
    """``transliteration_similarity``, worked out."""
    if not arabic_token or not latin_token:
        return 1.0 if arabic_token == latin_token else 0.0
    latin = latin_token[:_MAX_TOKEN]
    best = _shipped_cost(arabic_token, latin)
    if arabic_token.startswith(_ARABIC_ARTICLE) and len(arabic_token) > len(_ARABIC_ARTICLE) + 1:
        best = min(best, _shipped_cost(arabic_token[len(_ARABIC_ARTICLE) :], latin))
    return _from_cost(best, len(latin), _shipped_model().scale)
