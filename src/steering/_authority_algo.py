"""Pure algorithms behind [`steering.authority`][steering.authority]: no graph, no text, no I/O.

Substitution is resolved tier by tier exactly as the regulation states it and
never transitively: if a regulation says who acts for the head but not who
acts for that substitute, the library does not chain the two.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import attrs

from steering._matching import DocumentMatch, documents_overlap, match_document
from steering.rules import Delegation, Substitution

__all__ = [
    "Resolution",
    "delegation_in_force",
    "delegation_partial",
    "document_matches",
    "document_partial",
    "reachable",
    "redelegations",
    "resolve_substitution",
]


@attrs.frozen
class Resolution:
    """The outcome of resolving who acts for a principal.

    Attributes:
        kind: ``"present"`` (the principal acts itself), ``"decided"``,
            ``"nobody"`` (every substitute of every applicable tier is absent),
            ``"no_rule"`` (no rule names the principal) or ``"no_case"``
            (rules exist but none covers this set of absences).
        acting: The posts that act (the principal, or one tier's present substitutes).
        used: The rules the reasoning used, in order: every applicable tier
            tried, ending with the one that decided.
        skipped: Rules whose condition (``also_absent``) is not met.

    """

    kind: str
    acting: tuple[str, ...] = ()
    used: tuple[Substitution, ...] = ()
    skipped: tuple[Substitution, ...] = ()


def resolve_substitution(
    principal: str, absent: frozenset[str], rules: Sequence[Substitution]
) -> Resolution:
    """Who acts for ``principal`` when the posts in ``absent`` are absent.

    ``rules`` are the principal's substitution rules sorted by rank. A rule
    applies when every post in its ``also_absent`` is absent; applicable rules
    are tried in rank order and the first with a present substitute decides.
    Substitutes of one rule are returned in the rule's order, which the
    regulation does not make an order of precedence.
    """
    if principal not in absent:
        return Resolution("present", (principal,))
    if not rules:
        return Resolution("no_rule")
    used: list[Substitution] = []
    skipped: list[Substitution] = []
    for rule in rules:
        if not all(p in absent for p in rule.also_absent):
            skipped.append(rule)
            continue
        used.append(rule)
        present = tuple(s for s in rule.substitutes if s not in absent)
        if present:
            return Resolution("decided", present, tuple(used), tuple(skipped))
    if used:
        return Resolution("nobody", (), tuple(used), tuple(skipped))
    return Resolution("no_case", (), (), tuple(skipped))


def reachable(start: str, succ: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """Every node reachable from ``start`` (excluded), breadth first, in edge order."""
    seen = {start}
    order: list[str] = []
    frontier = [start]
    while frontier:
        nxt: list[str] = []
        for node in frontier:
            for t in succ.get(node, ()):
                if t not in seen:
                    seen.add(t)
                    order.append(t)
                    nxt.append(t)
        frontier = nxt
    return tuple(order)


def document_matches(query: str, kinds: Iterable[str]) -> bool:
    """Whether a document kind asked about falls under one of ``kinds``, as kinds.

    See [`steering._matching.match_document`][steering._matching.match_document]: the same name, or
    a listed
    bare kind ("thông báo") covering a qualified one; never a substring.
    """
    return any(match_document(query, k) is DocumentMatch.MATCH for k in kinds)


def document_partial(query: str, kinds: Iterable[str]) -> tuple[str, ...]:
    """The listed kinds ``query`` names only partly ("Báo cáo" against "Báo cáo tình hình ...")."""
    return tuple(k for k in kinds if match_document(query, k) is DocumentMatch.PARTIAL)


def delegation_in_force(d: Delegation, on: dt.date | None, document: str | None) -> bool:
    """Whether ``d`` covers ``document`` on date ``on`` (both must be given)."""
    if on is None or document is None:
        return False
    return d.start <= on <= d.end and document_matches(document, d.documents)


def delegation_partial(d: Delegation, on: dt.date | None, document: str | None) -> tuple[str, ...]:
    """The kinds of ``d``, in force on ``on``, that ``document`` names only partly."""
    if on is None or document is None or not d.start <= on <= d.end:
        return ()
    return document_partial(document, d.documents)


def redelegations(
    delegations: Sequence[Delegation], limit: int = 100
) -> list[tuple[int, int]]:
    """Pairs ``(i, j)`` where delegation ``j`` re-delegates authority received by ``i``.

    Nghị định 30/2020/NĐ-CP, Điều 13 khoản 3: "Người được ký thừa ủy quyền
    không được ủy quyền lại cho người khác ký." A delegation re-delegates
    when its delegator is the delegate of another delegation overlapping in
    time and in document kinds.
    """
    # Delegations grouped by delegator and sorted by start. For each ``a`` only the
    # delegations of its delegate that can overlap it in time are looked at: those that
    # start by ``a.end`` and no earlier than ``a.start`` less the group's longest term.
    # The work is n log n plus the pairs that may overlap in time (at most ``limit``
    # re-delegations are reported); see docs/security.md for the one costly shape left.
    by_delegator: dict[str, list[tuple[dt.date, int]]] = {}
    longest: dict[str, dt.timedelta] = {}
    for j, b in enumerate(delegations):
        by_delegator.setdefault(b.delegator, []).append((b.start, j))
        term = max(b.end - b.start, dt.timedelta(0))
        longest[b.delegator] = max(longest.get(b.delegator, term), term)
    for members in by_delegator.values():
        members.sort()
    found: list[tuple[int, int]] = []
    n = len(delegations)
    for i, a in enumerate(delegations):
        group = by_delegator.get(a.delegate, [])
        if not group:
            continue
        try:
            earliest = a.start - longest[a.delegate]
        except OverflowError:
            earliest = dt.date.min
        lo = bisect.bisect_left(group, (earliest, -1))
        hi = bisect.bisect_right(group, (a.end, n))
        for k in range(lo, hi):
            j = group[k][1]
            b = delegations[j]
            if a.start <= b.end and documents_overlap(a.documents, b.documents):
                found.append((i, j))
                if len(found) >= limit:
                    return sorted(found)
    return sorted(found)
