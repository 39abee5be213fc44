# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# distutils: language = c++
"""The learned transducer's Viterbi in C++: the cost of the best way a chain of events spells a Latin token.

``learned._viterbi`` is the same dynamic programme in Python (the reference
and the fallback of a build without a C compiler); ``tests/test_learned.py``
checks that both give the same cost, to the last bit. Compiled, a pair of
tokens costs a microsecond or two instead of some forty: the learned model
rescores the best candidates of every mention across scripts.

The tables are copied into flat arrays once per model: per event, the cost
of the empty chunk, of each single letter a-z, and of its chunks of two and
three letters (sorted codes, found by binary search). A Latin letter outside
a-z is in no chunk, as in the reference, whose tables hold a-z only (a table
with other chunks is refused, and its model scores in Python). No state
outlives a call: threads may share a ``Transducer``.
"""

from libc.math cimport INFINITY
from libc.stdint cimport int32_t
from libcpp.algorithm cimport lower_bound
from libcpp.vector cimport vector

cdef int _LETTERS = 26
#: Codes of chunks of three letters come after every code of two (26 * 26 of them).
cdef int32_t _THREE_LETTER_BASE = 26 * 26


cdef inline int _letter(Py_UCS4 character) noexcept:
    """0-25 for a-z, -1 for any other character (in no chunk)."""
    if u"a" <= character <= u"z":
        return <int>character - <int>u"a"
    return -1


def _chunk_code(str chunk):
    """The code of a chunk of two or three letters a-z, or None for any other chunk."""
    cdef int32_t code = 0
    cdef int letter
    if not 2 <= len(chunk) <= 3:
        return None
    for character in chunk:
        letter = _letter(character)
        if letter < 0:
            return None
        code = code * _LETTERS + letter
    return code + _THREE_LETTER_BASE if len(chunk) == 3 else code


cdef class Transducer:
    """A transliteration model's event tables, packed for ``cost``.

    Parameters
    ----------
    tables : list of dict
        Per event number, the cost of each Latin chunk (``""`` the empty one);
        chunks are of zero to three letters a-z.
    longest : list of int
        Per event number, the longest chunk it emits.

    Raises
    ------
    ValueError
        On a chunk the packed tables cannot hold, or lists of unequal lengths.
    """

    cdef vector[double] _empty
    cdef vector[double] _single
    cdef vector[int] _longest
    cdef vector[Py_ssize_t] _offsets
    cdef vector[int32_t] _codes
    cdef vector[double] _costs

    def __init__(self, list tables, list longest):
        if len(tables) != len(longest):
            raise ValueError(f"{len(tables)} tables but {len(longest)} longest chunks")
        cdef int letter
        self._offsets.push_back(0)
        for table, most in zip(tables, longest):
            self._longest.push_back(most)
            self._empty.push_back(table.get("", INFINITY))
            for letter in range(_LETTERS):
                self._single.push_back(table.get(chr(ord("a") + letter), INFINITY))
            several = []
            for chunk, cost in table.items():
                if len(chunk) <= 1:
                    if chunk and _letter(chunk[0]) < 0:
                        raise ValueError(f"chunk {chunk!r} is not a letter a-z")
                    continue
                code = _chunk_code(chunk)
                if code is None:
                    raise ValueError(f"chunk {chunk!r} is not two or three letters a-z")
                several.append((code, cost))
            for code, cost in sorted(several):
                self._codes.push_back(code)
                self._costs.push_back(cost)
            self._offsets.push_back(self._codes.size())

    cdef inline double _chunk_cost(self, int event, int32_t code) noexcept:
        """The cost of a chunk of two or three letters, INFINITY when the event does not emit it."""
        cdef const int32_t* first = self._codes.data() + self._offsets[event]
        cdef const int32_t* last = self._codes.data() + self._offsets[event + 1]
        cdef const int32_t* found = lower_bound(first, last, code)
        if found != last and found[0] == code:
            return self._costs[found - self._codes.data()]
        return INFINITY

    def cost(self, tuple events, str latin):
        """The cheapest way the events, in order, emit exactly ``latin`` (``inf`` when there is none).

        ``learned._viterbi`` of the same tables: see there.
        """
        cdef Py_ssize_t event_count = len(events)
        cdef Py_ssize_t length = len(latin)
        cdef Py_ssize_t table_count = self._longest.size()
        cdef vector[int] numbers = vector[int](event_count)
        cdef vector[Py_ssize_t] reach = vector[Py_ssize_t](event_count + 1, 0)
        cdef vector[int] letters = vector[int](length)
        cdef vector[double] previous = vector[double](length + 1, INFINITY)
        cdef vector[double] current = vector[double](length + 1, INFINITY)
        cdef Py_ssize_t t, start, low, high, highest = 0
        cdef int event, width
        cdef int32_t code
        cdef double base, step, candidate
        for t in range(event_count):
            event = events[t]
            if not 0 <= event < table_count:
                raise IndexError(f"event {event} of a transducer of {table_count}")
            numbers[t] = event
        for t in range(event_count - 1, -1, -1):
            reach[t] = reach[t + 1] + self._longest[numbers[t]]
        for start in range(length):
            letters[start] = _letter(latin[start])
        previous[0] = 0.0
        for t in range(event_count):
            event = numbers[t]
            for start in range(length + 1):
                current[start] = INFINITY
            low = length - reach[t] if length > reach[t] else 0
            high = highest if highest < length else length
            for start in range(low, high + 1):
                base = previous[start]
                if base == INFINITY:
                    continue
                candidate = base + self._empty[event]
                if candidate < current[start]:
                    current[start] = candidate
                # the chunks of one to three letters that start here: a letter outside a-z ends them
                code = 0
                for width in range(1, 4):
                    if start + width > length or letters[start + width - 1] < 0:
                        break
                    code = code * _LETTERS + letters[start + width - 1]
                    if width == 1:
                        step = self._single[event * _LETTERS + code]
                    else:
                        step = self._chunk_cost(event, code + _THREE_LETTER_BASE if width == 3 else code)
                    candidate = base + step
                    if candidate < current[start + width]:
                        current[start + width] = candidate
            highest += self._longest[event]
            previous.swap(current)
        return previous[length]
