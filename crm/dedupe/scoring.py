"""Pairs of likely duplicates: found by blocking on keys, then scored with their reasons."""

import contextlib
import gc
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from django.db import models
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz

from .keys import latin_tokens


class Reason(models.TextChoices):
    EMAIL = "email", _("same e-mail")
    PHONE = "phone", _("same phone number")
    CHINESE_IS_NATIVE = "chinese_is_native", _("official Chinese name equals a native name")
    SAME_SCRIPT_NAME = "cjk_name", _("same name in Chinese, Japanese or Korean script")
    NAME_ORDER = "name_order", _("same name in another order, case or punctuation")
    ROMANISATION = "romanisation", _("romanisation variant of the same name")
    SIMILAR = "similar", _("similar spelling")


# How sure each reason alone makes a pair (0 to 1); several reasons together are surer.
WEIGHTS = {
    Reason.EMAIL: 0.95,
    Reason.PHONE: 0.85,
    Reason.CHINESE_IS_NATIVE: 0.9,
    Reason.SAME_SCRIPT_NAME: 0.9,
    Reason.NAME_ORDER: 0.9,
}
# A key shared by more records than this says nothing (an office switchboard, "Kim").
MAX_BLOCK = 40
# Sorted-neighbourhood window and the similarity a neighbour needs to count as a typo.
WINDOW = 6
SIMILAR_AT = 90
LISTED_FROM = 0.6


@contextlib.contextmanager
def without_gc():
    """Pause the cyclic garbage collector while building many small acyclic objects.

    Tens of thousands of keys, tuples and sets make CPython's collector walk every live
    object again and again; measured, it took ten times the work itself at 20,000 people.
    Nothing built here forms a cycle, so reference counting frees it all the same.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class Candidate:
    """Two records that may be one, how likely (0-100) and why."""

    first: int
    second: int
    score: int = 0
    reasons: list = field(default_factory=list)

    @property
    def reason_labels(self):
        return [Reason(code).label for code in self.reasons]


def sorted_name(text):
    """The Latin words of a name in alphabetical order, folded: 'CHRISTENSEN, Brent'."""
    return " ".join(sorted(latin_tokens(text)))


def _name_weight(first, second):
    """How alike two romanisation-key-equal names still look, as a weight."""
    if first == second:
        return Reason.NAME_ORDER, WEIGHTS[Reason.NAME_ORDER]
    # Skeletons met; how much of the letters also agree decides between Guoyu/Kuo-yu (close)
    # and John/Jane (far).
    similarity = fuzz.ratio(first.replace(" ", ""), second.replace(" ", "")) / 100
    return Reason.ROMANISATION, 0.35 + 0.6 * similarity


def combine(weights):
    """1 - prod(1 - w): two independent hints together are surer than either."""
    remaining = 1.0
    for weight in weights:
        remaining *= 1 - weight
    return 1 - remaining


@dataclass(frozen=True)
class Entry:
    """What the scorer needs of one record: its id, keys and sortable Latin name."""

    pk: int
    keys: tuple
    name: str
    cjk_roles: tuple = ()  # ("native", form) / ("chinese", form)
    tiers: frozenset = frozenset()  # an organisation's tiers of government (city, region)


NAME_REASONS = frozenset({Reason.NAME_ORDER, Reason.ROMANISATION, Reason.SIMILAR})
# Two records whose Chinese, Japanese or Korean names both exist and differ are probably two
# people (Austrian and Australian Office Taipei: 奧地利 and 澳洲); their Latin names count half.
CONFLICT_FACTOR = 0.5
# A city and a prefecture of one name (熊本市, 熊本県) are two bodies: their names count little.
TIER_FACTOR = 0.25


def _cjk_forms(entry):
    return {form for _role, form in entry.cjk_roles}


def similar_spelling(first, second):
    """rapidfuzz's ratio of two sorted names (0-1), or 0 where a short word differs.

    Li and Liu, Yang and Wang are different family names, not typos: a difference in a word of
    four letters or fewer does not count as similar spelling.
    """
    if not (first and second):
        return 0
    ratio = fuzz.ratio(first, second)
    if ratio < SIMILAR_AT:
        return 0
    words, others = first.split(), second.split()
    if len(words) == len(others):
        for word, other in zip(words, others, strict=True):
            if word != other and min(len(word), len(other)) <= 4:
                return 0
    return ratio / 100


def score_pair(first, second, shared, similarity=0):
    """{reason: weight} for two entries, the keys they share and their spelling similarity."""
    reasons = {}
    for reason, _key in shared:
        if reason == "romanisation":
            code, weight = _name_weight(first.name, second.name)
        elif reason == "cjk_name":
            crossed = {(role, form) for role, form in first.cjk_roles} & {
                ({"native": "chinese", "chinese": "native"}.get(role), form)
                for role, form in second.cjk_roles
            }
            code = Reason.CHINESE_IS_NATIVE if crossed else Reason.SAME_SCRIPT_NAME
            weight = WEIGHTS[code]
        else:
            code = Reason(reason)
            weight = WEIGHTS[code]
        reasons[code] = max(weight, reasons.get(code, 0))
    if similarity and not reasons:
        reasons[Reason.SIMILAR] = 0.3 + 0.6 * similarity
    if first.tiers and second.tiers and not first.tiers & second.tiers:
        for code in reasons.keys() - {Reason.EMAIL, Reason.PHONE}:
            reasons[code] *= TIER_FACTOR
    first_cjk, second_cjk = _cjk_forms(first), _cjk_forms(second)
    if first_cjk and second_cjk and not first_cjk & second_cjk:
        for code in NAME_REASONS & reasons.keys():
            reasons[code] *= CONFLICT_FACTOR
    return reasons


def _candidate(first_pk, second_pk, reasons, listed_from):
    score = combine(reasons.values())
    if score < listed_from:
        return None
    ordered = sorted(reasons, key=lambda code: -reasons[code])
    return Candidate(first_pk, second_pk, round(score * 100), ordered)


def find_candidates(entries, *, listed_from=LISTED_FROM):
    """Scored pairs among entries, found by blocking: never every pair against every pair.

    Pairs come from records sharing a key (blocks larger than MAX_BLOCK are skipped) and from
    neighbours in alphabetical order of their sorted Latin names (a typo that changed a
    consonant); each pair is scored once with all its reasons.
    """
    entries = list(entries)
    by_pk = {entry.pk: entry for entry in entries}
    blocks = defaultdict(list)
    for entry in entries:
        for key in entry.keys:
            blocks[key].append(entry.pk)
    shared = defaultdict(set)
    for key, members in blocks.items():
        if 1 < len(members) <= MAX_BLOCK:
            for pair in combinations(sorted(members), 2):
                shared[pair].add(key)
    similar = {}
    named = sorted((entry for entry in entries if entry.name), key=lambda e: e.name)
    for index, entry in enumerate(named):
        for other in named[index + 1 : index + 1 + WINDOW]:
            similarity = similar_spelling(entry.name, other.name)
            if similarity:
                similar[tuple(sorted((entry.pk, other.pk)))] = similarity
    candidates = []
    for pair in shared.keys() | similar.keys():
        first, second = by_pk[pair[0]], by_pk[pair[1]]
        reasons = score_pair(first, second, shared.get(pair, ()), similar.get(pair, 0))
        candidate = _candidate(pair[0], pair[1], reasons, listed_from)
        if candidate is not None:
            candidates.append(candidate)
    candidates.sort(key=lambda c: (-c.score, c.first, c.second))
    return candidates


def candidates_for(new, entries, *, listed_from=LISTED_FROM):
    """Scored matches of one unsaved entry among existing entries (the pk of `new` is 0)."""
    keys = set(new.keys)
    results = []
    for entry in entries:
        shared = keys.intersection(entry.keys)
        similarity = similar_spelling(new.name, entry.name)
        if not (shared or similarity):
            continue
        candidate = _candidate(
            new.pk, entry.pk, score_pair(new, entry, shared, similarity), listed_from
        )
        if candidate is not None:
            results.append(candidate)
    results.sort(key=lambda c: (-c.score, c.second))
    return results


def candidates_among(new, existing, *, listed_from=LISTED_FROM, limit=5):
    """{new pk: scored matches among existing entries}, in one pass over `existing`.

    The batch form of candidates_for, for an import: the new entries' keys are put in blocks
    first, then each existing entry (streamed from the database once) is looked up by its
    keys; typos are caught by the sorted-neighbourhood window over new and existing names
    together. The cost grows with the file plus the database, never their product. A key that
    more than MAX_BLOCK existing records share says nothing and is dropped.
    """
    new = list(new)
    by_key = defaultdict(list)
    for entry in new:
        for key in entry.keys:
            by_key[key].append(entry.pk)
    shared = defaultdict(set)
    block_sizes = defaultdict(int)
    kept = {}
    named = [(entry.name, 0, entry) for entry in new if entry.name]
    for entry in existing:
        for key in entry.keys:
            members = by_key.get(key)
            if members is None:
                continue
            block_sizes[key] += 1
            kept[entry.pk] = entry
            for pk in members:
                shared[(pk, entry.pk)].add(key)
        if entry.name:
            named.append((entry.name, 1, entry))
    crowded = {key for key, size in block_sizes.items() if size > MAX_BLOCK}
    similar = {}
    named.sort(key=lambda item: (item[0], item[1]))
    # Each new name meets the WINDOW nearest existing names before and after it.
    for ordering in (named, named[::-1]):
        recent = []
        for _name, side, entry in ordering:
            if side == 1:
                recent.append(entry)
                del recent[:-WINDOW]
                continue
            for other in recent:
                similarity = similar_spelling(entry.name, other.name)
                if similarity:
                    similar[(entry.pk, other.pk)] = similarity
                    kept[other.pk] = other
    by_new = {entry.pk: entry for entry in new}
    found = defaultdict(list)
    for pair in shared.keys() | similar.keys():
        keys = shared.get(pair, set()) - crowded
        similarity = similar.get(pair, 0)
        if not (keys or similarity):
            continue
        first, second = by_new[pair[0]], kept[pair[1]]
        candidate = _candidate(
            pair[0], pair[1], score_pair(first, second, keys, similarity), listed_from
        )
        if candidate is not None:
            found[pair[0]].append(candidate)
    for candidates in found.values():
        candidates.sort(key=lambda c: (-c.score, c.second))
        del candidates[limit:]
    return dict(found)
