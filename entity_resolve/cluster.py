"""Cluster mentions: one cluster per gazetteer entity, stable new clusters for the rest.

Mentions (strings, or ``Mention`` objects from ``resolve_text``) become nodes
of a networkx graph together with the entities they resolve to. A resolved
mention is joined to its entity; an unresolved one to its best candidate
when that entity is named by another mention and the candidate scores at
least ``candidate_floor``; unresolved mentions are grouped by their names.
Two names are compared (``pair_similarity``: ``match_name`` both ways, a
second look with adjacent words joined and, across scripts, with the learned
transliteration model) only when they share an index key (``token_keys``
against ``name_keys``: a token within one confusable-class edit, a pair
of words, two adjacent words written as one, or a name of one word among
such names), never all pairs; words matching in another order count a little
less (``ORDER_PENALTY``). Groups of names merge average-link style: most
names of one must match a name of the other (``_merge_groups``), so a chain
through a common given name does not join two people. A
component never holds two entities (cannot-link): such a component is split,
each mention going to its best entity. Each component is a ``Cluster``:
the entity's id, or ``new:`` and a digest of its members' normalised forms.

Examples
--------
>>> from entity_resolve.gazetteer import Gazetteer
>>> g = Gazetteer.from_records([
...     {"id": "person:khalifa-haftar", "type": "person", "name": "Khalifa Haftar",
...      "aliases": ["خليفة حفتر", "حفتر"]},
... ])
>>> clusters = cluster(["Khalifa Haftar", "Samer Dabbagh", "حفتر", "Samir al-Dabbagh"], gazetteer=g)
>>> [(c.id, c.members) for c in clusters]
[('person:khalifa-haftar', ('Khalifa Haftar', 'حفتر')), ('new:77cc7bfb8c13', ('Samer Dabbagh', 'Samir al-Dabbagh'))]
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass

import networkx as nx
from rapidfuzz.distance import Indel

from .config import Settings
from .gazetteer import Entity, Gazetteer
from .index import name_keys, token_keys
from .keys import plain_readings, readings
from .normalize import normalize_name
from .resolver import Candidate, Resolver, resolver_for
from .score import CROSS_SCRIPT_CEILING, NameMatch, match_name, token_weight
from .text import Mention

__all__ = [
    "CANDIDATE_EDGE_FLOOR",
    "MAX_BLOCK_SIZE",
    "NAME_MATCH_THRESHOLD",
    "ORDER_PENALTY",
    "Cluster",
    "cluster",
    "common_tokens",
    "name_similarity",
    "pair_similarity",
]

#: Lowest similarity at which two groups of unresolved mentions merge: the mean,
#: over the names of the smaller group, of each one's best ``pair_similarity`` in
#: the other group (two single names: their own similarity).
NAME_MATCH_THRESHOLD = 0.88
#: Lowest score at which an unresolved mention joins its best candidate, when
#: another mention of the input resolves to that entity.
CANDIDATE_EDGE_FLOOR = 0.7
#: Keys shared by more distinct unresolved names than this are too common to
#: block on (a shared "Mohammed"); the names are still compared through their other tokens.
MAX_BLOCK_SIZE = 60
#: Taken off the similarity of two names whose words match in another order (Mahmoud Abdel Aziz and
#: Abdel Aziz Mahmoud, Mubarak Ali and Alaa Mubarak): a family name written first is a real variant,
#: but two different people more often share two names in another order.
ORDER_PENALTY = 0.1
#: Pairs of names of different lengths at least this similar are scored again with adjacent words joined.
JOIN_FLOOR = 0.25
#: Pairs across scripts at least this similar are scored again with the learned model.
RESCORE_FLOOR = 0.5
#: Added to the learned cross-script similarity, which runs lower than the skeleton scale.
LEARNED_LIFT = 0.15
#: Candidate pairs whose joined coarse skeletons are less similar than this are not scored: on a
#: 30,000-pair sample of the clustering benchmark's candidate pairs no pair scoring 0.8 or more was
#: below 0.5; 0.55 moved one mention of 3,724 and halves the pairs scored.
SKELETON_FLOOR = 0.55
#: A token in this share of the distinct unresolved names, and in at least so many of them, is common: it
#: does not anchor a shorter name found within a longer one (Khan Muhammad within Banaras Muhammad Khan).
COMMON_TOKEN_SHARE = 0.005
COMMON_TOKEN_MIN_NAMES = 5
#: A name of at least this many words, each matched at least this well inside a
#: longer name, with at least this much weight (no particles alone), matches it.
_MIN_CONTAINED_TOKENS = 2
_CONTAINED_TOKEN_SIMILARITY = 0.85
_MIN_CONTAINED_WEIGHT = 4.0
#: Hex digits of the digest in a new cluster's id.
NEW_ID_DIGITS = 12
NEW_ID_PREFIX = "new:"
# Joins the member forms before hashing; cannot occur inside a form.
_FORM_SEPARATOR = "\x1f"
# Marks the form of a mention without name tokens (punctuation, digits, titles only).
_EMPTY_FORM = "\x00"

# Graph nodes: a mention is its input position (int), an entity its id (str).
_Node = int | str
_RESOLVED = "resolved"
_CANDIDATE = "candidate"
_NAME_MATCH = "name"
# Edge kinds by strength, strongest first: a mention goes to the entity it resolved to.
_KIND_ORDER = {_RESOLVED: 0, _CANDIDATE: 1}


@dataclass(frozen=True, slots=True)
class Cluster:
    """Mentions of one entity, known or new.

    Attributes
    ----------
    id : str
        The gazetteer id of ``entity``; for a new entity, ``"new:"`` and 12
        hex digits of a BLAKE2b digest of the members' sorted normalised
        forms (the same members give the same id in every process).
    entity : Entity or None
        The gazetteer entity, or None for a new one.
    members : tuple
        The input mentions (str or Mention) of the cluster, in input order.
    """

    id: str
    entity: Entity | None
    members: tuple[str | Mention, ...]


@dataclass(frozen=True, slots=True)
class _Item:
    """What clustering knows of one input mention."""

    position: int
    form: str  # normalised tokens joined, or _EMPTY_FORM + the text when there are none
    tokens: tuple[str, ...]
    entity: Entity | None
    best: Candidate | None  # the best candidate, for an unresolved mention


def _form(text: str) -> tuple[str, tuple[str, ...]]:
    tokens = normalize_name(text).tokens
    return (" ".join(tokens) if tokens else _EMPTY_FORM + text.strip()), tokens


def _items(items: Sequence[str | Mention], resolver: Resolver) -> list[_Item]:
    """Resolve the strings (each distinct one once); take ``Mention`` objects as resolved."""
    resolved: dict[str, tuple[Entity | None, Candidate | None]] = {}
    nodes: list[_Item] = []
    for position, item in enumerate(items):
        if isinstance(item, Mention):
            text, entity = item.text, item.entity
            best = item.candidates[0] if item.candidates else None
        else:
            text = item
            if text not in resolved:
                resolution = resolver.resolve(text, top_k=1)
                resolved[text] = (resolution.entity, resolution.candidates[0] if resolution.candidates else None)
            entity, best = resolved[text]
        form, tokens = _form(text)
        nodes.append(_Item(position, form, tokens, entity, None if entity is not None else best))
    return nodes


def name_similarity(
    a: Sequence[str], b: Sequence[str], settings: Settings | None = None, *, common: Container[str] = frozenset()
) -> float:
    """Similarity of two normalised names, both ways: the lower of the two ``match_name`` scores.

    Symmetric and conservative: a surname alone does not match a full name
    (which would chain "Assad" to every Assad). A name of two words or more
    all found in a longer one (one more middle or family name) matches it,
    unless its words are all ``common`` ones (Khan Muhammad is not found in
    Banaras Muhammad Khan); a shorter such name (Yahya Khan) matches a longer
    one whose extra words are all common (Muhammad Yahya Khan).

    Parameters
    ----------
    a, b : sequence of str
        Normalised tokens (``normalize_name(...).tokens``).
    settings : Settings, optional
        Scoring weights.
    common : container of str
        Tokens too frequent to identify anyone (the given names most of the
        names being compared share); by default none.

    Examples
    --------
    >>> a, b = normalize_name("Samer Dabbagh").tokens, normalize_name("سامر الدباغ").tokens
    >>> name_similarity(a, b) == name_similarity(b, a) > 0.85
    True
    >>> name_similarity(("dabbagh",), a) < 0.85
    True
    """
    return _name_similarity(a, b, settings or Settings(), common)[0]


def _name_similarity(
    a: Sequence[str], b: Sequence[str], settings: Settings, common: Container[str]
) -> tuple[float, bool]:
    """``name_similarity``, and whether the words of the shorter name match the longer one's in another order."""
    if not a or not b:
        return 0.0, False
    # the skeleton scale, on which NAME_MATCH_THRESHOLD was set (the learned blend runs lower across scripts)
    forward, backward = match_name(a, b, settings, learned=False), match_name(b, a, settings, learned=False)
    shorter, longer = (forward, backward) if len(a) <= len(b) else (backward, forward)
    longer_tokens = b if len(a) <= len(b) else a
    crossed = len(shorter.alignment) >= 2 and shorter.aligned >= shorter.whole and not _in_order(shorter, longer_tokens)
    if min(len(a), len(b)) >= _MIN_CONTAINED_TOKENS and _contained(shorter, longer_tokens, common):
        # "Alireza Soleimani" within "Alireza Soleimani Karbalaei": a full name with one more part
        return shorter.similarity, crossed
    return min(shorter.similarity, longer.similarity), crossed


def pair_similarity(
    a: Sequence[str], b: Sequence[str], settings: Settings | None = None, *, common: Container[str] = frozenset()
) -> float:
    """Similarity of two normalised names for clustering, in [0, 1], one scale for any two scripts.

    ``name_similarity``, then two second looks for a pair at least ``JOIN_FLOOR``
    similar: the longer name with a pair of adjacent words written as one
    (اميرحسين رستمي against Amir Hossein Rostami, Asadzadeh against Asad Zade),
    and, across scripts, from ``RESCORE_FLOOR``, the learned transliteration
    model (lifted by ``LEARNED_LIFT``, as it runs lower than the skeleton
    scale). The best score counts; across scripts it is divided by
    ``CROSS_SCRIPT_CEILING`` (a transliteration is never scored as sure as
    the same spelling), so that one threshold serves every pair. Names whose
    words match in another order lose ``ORDER_PENALTY``.

    Parameters
    ----------
    a, b : sequence of str
        Normalised tokens (``normalize_name(...).tokens``).
    settings : Settings, optional
        Scoring weights.
    common : container of str
        Tokens too frequent to identify anyone; see ``name_similarity``.

    Examples
    --------
    >>> a, b = normalize_name("Amir Hossein Rostami").tokens, normalize_name("اميرحسين رستمي").tokens
    >>> name_similarity(a, b) < NAME_MATCH_THRESHOLD <= pair_similarity(a, b)
    True
    """
    settings = settings or Settings()
    best, crossed = _name_similarity(a, b, settings, common)
    cross_script = bool(a) and bool(b) and _is_arabic(a[0]) != _is_arabic(b[0])
    if JOIN_FLOOR <= best < 1.0 and len(a) != len(b):
        shorter, longer = (a, b) if len(a) < len(b) else (b, a)
        for joined in _joined(longer):
            similarity = name_similarity(shorter, joined, settings, common=common)
            if similarity > best:
                best, a, b = similarity, shorter, joined
    if cross_script and RESCORE_FLOOR <= best < 1.0:
        forward = match_name(a, b, settings).similarity
        backward = match_name(b, a, settings).similarity
        best = max(best, min(forward, backward) + LEARNED_LIFT)
    best = min(1.0, best / CROSS_SCRIPT_CEILING if cross_script else best)
    return max(0.0, best - ORDER_PENALTY) if crossed else best


def _joined(tokens: Sequence[str]) -> list[tuple[str, ...]]:
    """The name with one pair of adjacent words written as one, for each pair."""
    return [
        (*tokens[:i], tokens[i] + tokens[i + 1], *tokens[i + 2 :])
        for i in range(len(tokens) - 1)
        if _is_arabic(tokens[i]) == _is_arabic(tokens[i + 1])
    ]


def _is_arabic(token: str) -> bool:
    return bool(token) and "\u0600" <= token[0] <= "\u06ff"


def _contained(match: NameMatch, longer: Sequence[str], common: Container[str]) -> bool:
    """Every word of the shorter name matched well and in order, not all of them common, and either enough
    of them that are not particles (bin, abu, al) or only common words left over in the longer name."""
    if any(pair.similarity < _CONTAINED_TOKEN_SIMILARITY for pair in match.alignment):
        return False
    if all(pair.query_token in common or pair.name_token in common for pair in match.alignment):
        return False
    if not _in_order(match, longer):
        return False  # Alaa Mubarak is not found in Mubarak Ali Gilani
    if sum(token_weight(pair.query_token) for pair in match.alignment) >= _MIN_CONTAINED_WEIGHT:
        return True
    matched = Counter(pair.name_token for pair in match.alignment)
    return all(token in common for token in (Counter(longer) - matched).elements())


def _in_order(match: NameMatch, longer: Sequence[str]) -> bool:
    """The shorter name's words are found in the longer name in their own order."""
    positions: list[int] = []
    for pair in match.alignment:
        found = [j for j, token in enumerate(longer) if token == pair.name_token and j not in positions]
        if not found:
            return False
        positions.append(found[0])
    return positions == sorted(positions)


def _word_pair_keys(tokens: Sequence[str]) -> set[str]:
    """Keys of two words of a name (neighbours or one apart) in either order: their coarse skeletons (every reading).

    A pair of common words is still specific (Khan Muhammad, سعيد احمد), where each word's
    own keys are too common to block on.

    Examples
    --------
    >>> _word_pair_keys(("saeed", "ahmed")) == _word_pair_keys(("احمد", "سعيد"))
    True
    """
    skeletons = [sorted({reading.coarse for reading in readings(token) if reading.coarse}) for token in tokens]
    return {
        "|" + "|".join(sorted((one, other)))
        for gap in (1, 2)
        for first in range(len(skeletons) - gap)
        for one in skeletons[first]
        for other in skeletons[first + gap]
    }


def _one_word_keys(tokens: Sequence[str]) -> set[str]:
    """Keys of a name of one word among names of one word: its coarse skeletons (Iman ~ ايمان, whose
    word keys are too common to block on among longer names)."""
    if len(tokens) != 1:
        return set()
    return {"1|" + reading.coarse for reading in readings(tokens[0]) if reading.coarse}


def _joined_keys(tokens: Sequence[str]) -> set[str]:
    """Keys of each pair of adjacent words of one script written as one (Vajed Samimi ~ Vajedsamimi): the coarse
    skeletons of its readings, which a name writing the two words as one token also has among its ``name_keys``."""
    return {
        reading.coarse
        for i in range(len(tokens) - 1)
        if _is_arabic(tokens[i]) == _is_arabic(tokens[i + 1])
        for reading in readings(tokens[i] + tokens[i + 1])
        if reading.coarse
    }


def _candidate_pairs(forms: Sequence[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Pairs of distinct forms that share a key: a query key of one is a name key of the other.

    Symmetric deletion (``token_keys`` against ``name_keys``) finds every token
    pair within one confusable-class edit; two adjacent words written as one
    are keyed as a token too (Vajed Samimi, محمدرضا), and word pairs by every
    reading of their words. Keys of more than ``MAX_BLOCK_SIZE`` forms are skipped.
    """
    postings: dict[str, list[int]] = {}
    for number, tokens in enumerate(forms):
        keys = {key for token in tokens for key in name_keys(token)} | _word_pair_keys(tokens) | _joined_keys(tokens)
        keys |= _one_word_keys(tokens)
        for key in sorted(keys):
            postings.setdefault(key, []).append(number)
    pairs: set[tuple[int, int]] = set()
    for number, tokens in enumerate(forms):
        keys = {key for token in tokens for key, _weight in token_keys(token)}
        keys |= _word_pair_keys(tokens) | _joined_keys(tokens) | _one_word_keys(tokens)
        for key in keys:
            block = postings.get(key, ())
            if len(block) > MAX_BLOCK_SIZE:
                continue
            for other in block:
                if other != number:
                    pairs.add((min(number, other), max(number, other)))
    return sorted(pairs)


def common_tokens(forms: Iterable[Sequence[str]]) -> frozenset[str]:
    """Tokens in at least ``COMMON_TOKEN_SHARE`` of the distinct names and at least ``COMMON_TOKEN_MIN_NAMES`` of them.

    Examples
    --------
    >>> names = [("mohamed", "orabi"), ("mohamed", "sebaie"), ("ali", "orabi")] * 4
    >>> sorted(common_tokens([(*name, str(n)) for n, name in enumerate(names)]))
    ['mohamed', 'orabi']
    """
    counts: Counter[str] = Counter()
    names = 0
    for tokens in forms:
        names += 1
        counts.update(set(tokens))
    floor = max(COMMON_TOKEN_MIN_NAMES, COMMON_TOKEN_SHARE * names)
    return frozenset(token for token, count in counts.items() if count >= floor)


def _skeletons(tokens: Sequence[str]) -> tuple[str, str]:
    """The name's coarse skeletons joined in order and in sorted order (blind to spaces and word order)."""
    coarse = [found[0][1] if (found := plain_readings(token)) else "" for token in tokens]
    return "".join(coarse), "".join(sorted(coarse))


def _skeleton_similarity(a: tuple[str, str], b: tuple[str, str]) -> float:
    """A cheap look at two names: the Indel similarity of their joined coarse skeletons, the better order."""
    return max(Indel.normalized_similarity(a[0], b[0]), Indel.normalized_similarity(a[1], b[1]))


def _name_links(forms: Sequence[tuple[str, ...]], threshold: float, settings: Settings) -> list[tuple[int, int, float]]:
    """The name-match edges of the distinct unresolved names: ``(a, b, similarity)`` by form number.

    Candidate pairs (shared blocking keys, joined coarse skeletons at least
    ``SKELETON_FLOOR`` alike) at least ``threshold`` similar bridge groups of
    names; ``_merge_groups`` decides which bridges join (other pairs are
    scored when a linkage needs them).
    """
    similarities: dict[tuple[int, int], float] = {}
    common = common_tokens(forms)
    skeletons = [_skeletons(tokens) for tokens in forms]

    def similarity(a: int, b: int) -> float:
        key = (min(a, b), max(a, b))
        if key not in similarities:
            similarities[key] = pair_similarity(forms[key[0]], forms[key[1]], settings, common=common)
        return similarities[key]

    strong = [
        (a, b, similarity(a, b))
        for a, b in _candidate_pairs(forms)
        if _skeleton_similarity(skeletons[a], skeletons[b]) >= SKELETON_FLOOR
    ]
    bridges = [(a, b, value) for a, b, value in strong if value >= threshold]
    return _merge_groups(len(forms), bridges, similarity, threshold)


def _merge_groups(
    size: int, strong: Iterable[tuple[int, int, float]], similarity: Callable[[int, int], float], threshold: float
) -> list[tuple[int, int, float]]:
    """Agglomerative merging of names into groups; the bridges that joined two groups are returned.

    Two groups merge only when a ``strong`` pair bridges them and their
    linkage is at least ``threshold``; the highest linkage merges first. The
    linkage is the mean, over the names of the smaller group, of each one's
    best similarity in the larger (the lower of both directions for groups of
    one size), so a single strong pair does not chain two groups of different
    people through a common given name (Mohamed Orabi, محمد العرابي, محمد
    العلبي, Mohamed Sebaie): most names of one must have a match in the other.

    Groups are keyed by their smallest member and ties are broken by those
    keys, so the result does not depend on set or dict order.
    """
    members: dict[int, list[int]] = {number: [number] for number in range(size)}
    bridges: dict[int, dict[int, tuple[float, int, int]]] = {number: {} for number in range(size)}
    for a, b, value in strong:
        for one, other in ((a, b), (b, a)):
            bridges[one][other] = max(bridges[one].get(other, (value, a, b)), (value, a, b))

    def best_matches(names: list[int], others: list[int]) -> float:
        return sum(max(similarity(x, y) for y in others) for x in names) / len(names)

    def linkage(one: int, other: int) -> float:
        left, right = members[one], members[other]
        if len(left) == len(right):
            return min(best_matches(left, right), best_matches(right, left))
        small, large = (left, right) if len(left) < len(right) else (right, left)
        return best_matches(small, large)

    # entries: (-linkage, group, group, versions of both); a group's version grows with each merge
    version = dict.fromkeys(members, 0)
    heap = [(-bridges[a][b][0], a, b, 0, 0) for a in sorted(bridges) for b in sorted(bridges[a]) if a < b]
    heapq.heapify(heap)
    kept: list[tuple[int, int, float]] = []
    while heap:
        negative, one, other, version_one, version_other = heapq.heappop(heap)
        if -negative < threshold:
            break
        if one not in members or other not in members or (version[one], version[other]) != (version_one, version_other):
            continue  # a group merged since this entry was pushed
        value, a, b = bridges[one][other]
        kept.append((a, b, value))
        members[one].extend(members.pop(other))
        version[one] += 1
        for neighbour, bridge in bridges.pop(other).items():
            del bridges[neighbour][other]
            if neighbour != one:
                best = max(bridges[one].get(neighbour, bridge), bridge)
                bridges[one][neighbour] = bridges[neighbour][one] = best
        for neighbour in sorted(bridges[one]):
            low, high = min(one, neighbour), max(one, neighbour)
            heapq.heappush(heap, (-linkage(one, neighbour), low, high, version[low], version[high]))
    return kept


def _split(graph: nx.Graph, component: set[_Node]) -> dict[str, list[int]]:
    """Split a component holding several entities: each mention goes to its best entity.

    A mention joined to entities directly takes the strongest edge (resolved
    over candidate, then score, then id); the others join, strongest
    name-match edge first, the entity of the mention they are joined to
    (a maximum spanning forest grown from the joined mentions).
    """
    owner: dict[int, str] = {}
    for position in sorted(node for node in component if isinstance(node, int)):
        links = [
            (_KIND_ORDER[data["kind"]], -data["weight"], other)
            for other, data in graph[position].items()
            if isinstance(other, str)
        ]
        if links:
            owner[position] = min(links)[2]
    heap: list[tuple[float, int, int]] = []

    def push(source: int) -> None:
        for other, data in graph[source].items():
            if isinstance(other, int) and other not in owner:
                heapq.heappush(heap, (-data["weight"], other, source))

    for position in sorted(owner):
        push(position)
    while heap:
        _weight, position, source = heapq.heappop(heap)
        if position not in owner:
            owner[position] = owner[source]
            push(position)
    groups: dict[str, list[int]] = {}
    for position in sorted(owner):
        groups.setdefault(owner[position], []).append(position)
    return groups


def _new_id(forms: Iterable[str]) -> str:
    joined = _FORM_SEPARATOR.join(sorted(set(forms)))
    digest = hashlib.blake2b(joined.encode("utf-8"), digest_size=(NEW_ID_DIGITS + 1) // 2).hexdigest()
    return NEW_ID_PREFIX + digest[:NEW_ID_DIGITS]


def _check_unit(name: str, value: float | None) -> None:
    if value is not None and (not isinstance(value, int | float) or not 0.0 <= value <= 1.0):
        raise ValueError(f"{name} must lie in [0, 1], got {value!r}")


def cluster(
    mentions: Iterable[str | Mention],
    *,
    gazetteer: Gazetteer | None = None,
    resolver: Resolver | None = None,
    threshold: float = NAME_MATCH_THRESHOLD,
    candidate_floor: float | None = CANDIDATE_EDGE_FLOOR,
) -> list[Cluster]:
    """Group mentions by the entity they name, known to the gazetteer or new.

    Parameters
    ----------
    mentions : iterable of str or Mention
        Names as written, or ``Mention`` objects (their ``entity`` is taken
        as resolved; they are not resolved again).
    gazetteer : Gazetteer, optional
        Defaults to the built-in gazetteer; its resolver is built once.
    resolver : Resolver, optional
        A resolver to use instead (its gazetteer must be ``gazetteer`` when both are given).
    threshold : float
        Lowest linkage at which two groups of unresolved mentions merge: the
        mean, over the names of the smaller group, of each one's best
        ``pair_similarity`` in the other; for two single names, their
        ``pair_similarity``.
    candidate_floor : float or None
        Lowest score at which an unresolved mention joins its best candidate
        entity, when another mention resolves to that entity; None never joins.

    Returns
    -------
    list of Cluster
        Every input mention in exactly one cluster; clusters ordered by the
        position of their first member; no two clusters share an id.

    Raises
    ------
    TypeError
        If ``mentions`` is a str or holds something other than str and
        Mention (naming its position), or ``gazetteer``/``resolver`` has the
        wrong type.
    ValueError
        If ``threshold`` or ``candidate_floor`` is outside [0, 1], or
        ``resolver`` belongs to another gazetteer.

    See Also
    --------
    resolve_text : finds and resolves the mentions of a text.

    Notes
    -----
    Nodes are the mentions and the entities they resolve to; edges join a
    mention to the entity it resolved to, an unresolved mention to its best
    candidate (see ``candidate_floor``), and unresolved mentions whose
    groups of names match (``threshold``; identical normalised names always). A
    component never holds two entities: it is split, each mention going to
    the entity it resolved to, else along its strongest edges. Everything is
    sorted, so the clusters and their ids do not depend on hash seeds or set
    order.

    Cost, for n mentions of which u distinct unresolved names of t tokens
    each: one resolver call per distinct string; blocking O(u t k) for k
    keys per token (about 20) and O(t) word-pair keys; name comparisons at
    most ``MAX_BLOCK_SIZE`` per key, so O(u t k MAX_BLOCK_SIZE) in the
    worst case and close to linear for names that differ; merging groups
    O(e log e) heap operations for e bridging pairs, each linkage costing
    the product of the two group sizes; connected components and splitting
    O(n + e log e).

    Examples
    --------
    >>> from entity_resolve.gazetteer import Gazetteer
    >>> g = Gazetteer.from_records([
    ...     {"id": "p:sarraj", "type": "person", "name": "Fayez al-Sarraj", "aliases": ["فايز السراج"]},
    ...     {"id": "p:assad", "type": "person", "name": "Bashar al-Assad", "aliases": ["بشار الأسد"]},
    ... ])
    >>> for c in cluster(["فايز السراج", "Bashar al-Assad", "Fayez Serraj", "Omar Dabbagh"], gazetteer=g):
    ...     print(c.id, c.entity.name if c.entity else None, c.members)
    p:sarraj Fayez al-Sarraj ('فايز السراج', 'Fayez Serraj')
    p:assad Bashar al-Assad ('Bashar al-Assad',)
    new:e70e99a86ff7 None ('Omar Dabbagh',)
    """
    if isinstance(mentions, str) or not isinstance(mentions, Iterable):
        raise TypeError(f"mentions must be an iterable of str or Mention, not {type(mentions).__name__}")
    items = list(mentions)
    for position, item in enumerate(items):
        if not isinstance(item, str | Mention):
            raise TypeError(f"mentions[{position}] must be a str or Mention, not {type(item).__name__}")
    _check_unit("threshold", threshold)
    _check_unit("candidate_floor", candidate_floor)
    chosen_resolver = resolver_for(gazetteer, resolver)
    nodes = _items(items, chosen_resolver)

    graph = nx.Graph()
    graph.add_nodes_from(node.position for node in nodes)
    entities: dict[str, Entity] = {}
    for node in nodes:
        if node.entity is not None:
            entities.setdefault(node.entity.id, node.entity)
            graph.add_edge(node.position, node.entity.id, kind=_RESOLVED, weight=1.0)
    for node in nodes:
        best = node.best
        if (
            candidate_floor is not None
            and best is not None
            and best.entity.id in entities
            and best.score >= candidate_floor
        ):
            graph.add_edge(node.position, best.entity.id, kind=_CANDIDATE, weight=best.score)

    # unresolved mentions: identical names always, similar names above the threshold
    first_of_form: dict[str, int] = {}
    for node in nodes:
        if node.entity is None:
            anchor = first_of_form.setdefault(node.form, node.position)
            if anchor != node.position:
                graph.add_edge(anchor, node.position, kind=_NAME_MATCH, weight=1.0)
    anchors = list(first_of_form.values())
    token_forms = [nodes[anchor].tokens for anchor in anchors]
    settings = chosen_resolver.settings
    for a, b, similarity in _name_links(token_forms, threshold, settings):
        graph.add_edge(anchors[a], anchors[b], kind=_NAME_MATCH, weight=similarity)

    groups: list[tuple[str | None, list[int]]] = []
    for component in nx.connected_components(graph):
        entity_ids = sorted(node for node in component if isinstance(node, str))
        positions = sorted(node for node in component if isinstance(node, int))
        if len(entity_ids) <= 1:
            groups.append((entity_ids[0] if entity_ids else None, positions))
        else:
            groups.extend(_split(graph, component).items())
    groups.sort(key=lambda group: group[1][0])
    return [
        Cluster(
            id=entity_id if entity_id is not None else _new_id(nodes[p].form for p in positions),
            entity=entities[entity_id] if entity_id is not None else None,
            members=tuple(items[p] for p in positions),
        )
        for entity_id, positions in groups
    ]
