# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
# distutils: language = c++
"""The ranking loop of ``NameIndex.lookup`` in C++: postings to the best supported names.

``index._rank_names_numpy`` is the same computation in NumPy (the reference
and the fallback of a build without a C compiler); ``tests/test_index.py``
checks that both give the same names, entities and votes. Per query this
loop replaces some forty NumPy calls, whose fixed cost was most of
``lookup``'s time for the few thousand postings of a mention.

A call's votes are tallied in a hash table of its own, sized to its
postings (open addressing): a few hundred kilobytes that stay in the
processor's cache, where arrays over every name of the index would miss it
at nearly every posting. No state outlives a call: threads may share it.
"""

from cpython.buffer cimport PyBUF_C_CONTIGUOUS, PyBUF_FORMAT, PyBuffer_Release, PyObject_GetBuffer
from libc.stdint cimport int32_t, int64_t, uint32_t, uint64_t
from libc.string cimport memcpy, strcmp
from libcpp.algorithm cimport nth_element, sort
from libcpp.pair cimport pair
from libcpp.vector cimport vector

ctypedef pair[pair[double, float], int32_t] RankKey  # (-support, -prior, name): ascending is best first

cdef extern from *:
    """
    #if defined(__GNUC__) || defined(__clang__)
    #define ENTITY_RESOLVE_PREFETCH(address) __builtin_prefetch(address)
    #else
    #define ENTITY_RESOLVE_PREFETCH(address) ((void)0)
    #endif
    """
    void _prefetch "ENTITY_RESOLVE_PREFETCH"(const void* address) noexcept nogil


cdef struct Tally:
    int32_t key      # the name's number plus one; 0: a free slot (a zeroed table is empty)
    int32_t word     # the last query word (part) that voted for the name
    int32_t votes    # how many query words voted for it
    double best      # that word's best key weight for the name
    double support   # the sum of the best weights of the words before it


cdef inline Py_ssize_t _slot(const Tally* table, int32_t key, Py_ssize_t mask) noexcept nogil:
    """The slot of ``key`` (a name's number plus one) in an open-addressing table whose free slots hold 0
    (Fibonacci hashing, linear probing)."""
    cdef Py_ssize_t slot = <Py_ssize_t>((<uint64_t>key * 11400714819323198485u) >> 40) & mask
    while table[slot].key != key and table[slot].key != 0:
        slot = (slot + 1) & mask
    return slot


cdef class _Buffers:
    """The buffers of one call's query-word arrays, read through the buffer protocol (cheaper than a
    typed memoryview for a few short arrays) and released when the call drops the object."""

    cdef vector[Py_buffer] views
    cdef Py_ssize_t taken

    def __cinit__(self, Py_ssize_t count):
        self.views.resize(count)
        self.taken = 0

    def __dealloc__(self):
        cdef Py_ssize_t held
        for held in range(self.taken):
            PyBuffer_Release(&self.views[held])

    cdef const void* data(self, object array, const char* format) except NULL:
        """The data of a contiguous one-dimensional array of ``format`` (``"i"`` int32, ``"d"`` float64)."""
        if self.taken >= <Py_ssize_t>self.views.size():
            raise IndexError("more arrays than buffers")
        cdef Py_buffer* view = &self.views[self.taken]
        PyObject_GetBuffer(array, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT)
        self.taken += 1
        if view.ndim != 1 or view.format == NULL or strcmp(view.format, format) != 0:
            raise ValueError(f"expected a one-dimensional array of format {format.decode()!r}")
        return view.buf

    cdef Py_ssize_t length(self, Py_ssize_t number) noexcept:
        """The length of the ``number``-th array taken."""
        return self.views[number].shape[0]


def rank_names(
    list parts,
    const int32_t[::1] postings,
    const uint64_t[::1] name_facts,
    const int32_t[::1] name_entity,
    const double[::1] divisors,
    const double[::1] script_factors,
    int64_t max_postings_per_key,
    Py_ssize_t pool,
):
    """``index._rank_names_numpy``, compiled: see there for the parameters and the result."""
    cdef Py_ssize_t part_count = len(parts)
    cdef vector[const int32_t*] part_starts
    cdef vector[const int32_t*] part_counts
    cdef vector[const double*] part_weights
    cdef vector[Py_ssize_t] part_keys
    cdef Py_ssize_t p, k, position, end, slot, keys, total = 0
    cdef _Buffers buffers = _Buffers(3 * part_count)
    for p in range(part_count):
        starts, counts, weights = parts[p]
        part_starts.push_back(<const int32_t*>buffers.data(starts, b"i"))
        part_counts.push_back(<const int32_t*>buffers.data(counts, b"i"))
        part_weights.push_back(<const double*>buffers.data(weights, b"d"))
        keys = buffers.length(3 * p)
        if buffers.length(3 * p + 1) != keys or buffers.length(3 * p + 2) != keys:
            raise ValueError(f"query word {p}: starts, counts and weights of unequal lengths")
        part_keys.push_back(keys)
        for k in range(keys):
            total += min(<int64_t>part_counts[p][k], max_postings_per_key)
    cdef Py_ssize_t capacity = 16
    while capacity < 2 * total:
        capacity *= 2
    cdef Py_ssize_t mask = capacity - 1
    cdef vector[Tally] table = vector[Tally](capacity)  # zeroed: every slot free; a few hundred kB at most
    cdef vector[Py_ssize_t] occupied
    occupied.reserve(total)
    cdef Tally* tally
    cdef int32_t name, key
    cdef double weight
    # one vote per (query word, name): the weight of its best key; votes add up in word order
    for p in range(part_count):
        for k in range(part_keys[p]):
            weight = part_weights[p][k]
            position = part_starts[p][k]
            end = position + min(<int64_t>part_counts[p][k], max_postings_per_key)
            while position < end:
                name = postings[position]
                position += 1
                key = name + 1
                slot = _slot(table.data(), key, mask)
                tally = &table[slot]
                if tally.key == 0:
                    tally.key = key
                    tally.word = <int32_t>p
                    tally.votes = 1
                    tally.best = weight
                    occupied.push_back(slot)
                    _prefetch(&name_facts[name])  # read after the tally: fetched meanwhile
                elif tally.word != p:  # this word's first vote: the last word's best joins the sum
                    tally.support += tally.best
                    tally.word = <int32_t>p
                    tally.votes += 1
                    tally.best = weight
                elif weight > tally.best:
                    tally.best = weight

    # the support scaled by the entity's prior, the name's length and its script, as lookup documents
    cdef vector[RankKey] ranked
    ranked.reserve(occupied.size())
    cdef uint64_t facts
    cdef uint32_t code, low
    cdef float prior, factor
    cdef double support
    for slot in range(<Py_ssize_t>occupied.size()):
        tally = &table[occupied[slot]]
        name = tally.key - 1
        facts = name_facts[name]
        code = <uint32_t>(facts >> 32)
        low = <uint32_t>(facts & 0xFFFFFFFFu)  # the prior's float32 bits
        memcpy(&prior, &low, 4)
        factor = <float>1.0 + prior
        support = (tally.support + tally.best) * <double>factor
        support = support / divisors[code]
        support = support * script_factors[code]
        ranked.push_back(RankKey(pair[double, float](-support, -prior), name))
    cdef Py_ssize_t kept = min(pool, <Py_ssize_t>ranked.size())
    if kept < <Py_ssize_t>ranked.size():
        nth_element(ranked.begin(), ranked.begin() + kept, ranked.end())
    sort(ranked.begin(), ranked.begin() + kept)
    names_out = [ranked[slot].second for slot in range(kept)]
    entities_out = [name_entity[ranked[slot].second] for slot in range(kept)]
    votes_out = [table[_slot(table.data(), ranked[slot].second + 1, mask)].votes for slot in range(kept)]
    return names_out, entities_out, votes_out
