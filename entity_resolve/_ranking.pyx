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

from libc.stdint cimport int32_t, int64_t, uint32_t, uint64_t
from libc.string cimport memcpy
from libcpp.algorithm cimport nth_element, sort
from libcpp.pair cimport pair
from libcpp.vector cimport vector

ctypedef pair[pair[double, float], int32_t] RankKey  # (-support, -prior, name): ascending is best first


cdef struct Tally:
    int32_t name     # -1: a free slot
    int32_t word     # the last query word (part) that voted for the name
    int32_t votes    # how many query words voted for it
    double best      # that word's best key weight for the name
    double support   # the sum of the best weights of the words before it


cdef inline Py_ssize_t _slot(Tally* table, int32_t name, Py_ssize_t mask) noexcept nogil:
    """The slot of ``name`` in an open-addressing table (Fibonacci hashing, linear probing)."""
    cdef Py_ssize_t slot = <Py_ssize_t>((<uint64_t>name * 11400714819323198485u) >> 40) & mask
    while table[slot].name != name and table[slot].name != -1:
        slot = (slot + 1) & mask
    return slot


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
    cdef const int32_t[::1] starts
    cdef const int32_t[::1] counts
    cdef const double[::1] weights
    cdef Py_ssize_t p, k, position, end, slot, total = 0
    for p in range(part_count):
        starts, counts, weights = parts[p][0], parts[p][1], parts[p][2]
        part_keys.push_back(starts.shape[0])
        part_starts.push_back(&starts[0] if starts.shape[0] else NULL)
        part_counts.push_back(&counts[0] if starts.shape[0] else NULL)
        part_weights.push_back(&weights[0] if starts.shape[0] else NULL)
        for k in range(starts.shape[0]):
            total += min(<int64_t>counts[k], max_postings_per_key)
    cdef Py_ssize_t capacity = 16
    while capacity < 2 * total:
        capacity *= 2
    cdef Py_ssize_t mask = capacity - 1
    cdef Tally free_slot
    free_slot.name = -1
    free_slot.word = -1
    free_slot.votes = 0
    free_slot.best = 0.0
    free_slot.support = 0.0
    cdef vector[Tally] table = vector[Tally](capacity, free_slot)  # a few hundred kB at most
    cdef vector[Py_ssize_t] occupied
    cdef Tally* tally
    cdef int32_t name
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
                slot = _slot(table.data(), name, mask)
                tally = &table[slot]
                if tally.name == -1:
                    tally.name = name
                    tally.word = <int32_t>p
                    tally.votes = 1
                    tally.best = weight
                    occupied.push_back(slot)
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
        facts = name_facts[tally.name]
        code = <uint32_t>(facts >> 32)
        low = <uint32_t>(facts & 0xFFFFFFFFu)  # the prior's float32 bits
        memcpy(&prior, &low, 4)
        factor = <float>1.0 + prior
        support = (tally.support + tally.best) * <double>factor
        support = support / divisors[code]
        support = support * script_factors[code]
        ranked.push_back(RankKey(pair[double, float](-support, -prior), tally.name))
    cdef Py_ssize_t kept = min(pool, <Py_ssize_t>ranked.size())
    if kept < <Py_ssize_t>ranked.size():
        nth_element(ranked.begin(), ranked.begin() + kept, ranked.end())
    sort(ranked.begin(), ranked.begin() + kept)
    names_out = [ranked[slot].second for slot in range(kept)]
    entities_out = [name_entity[ranked[slot].second] for slot in range(kept)]
    votes_out = [table[_slot(table.data(), ranked[slot].second, mask)].votes for slot in range(kept)]
    return names_out, entities_out, votes_out
