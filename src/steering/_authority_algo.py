"""Pure algorithms behind :mod:`steering.authority`: no graph, no text, no I/O.

Substitution is resolved tier by tier exactly as the regulation states it and
never transitively: if a regulation says who acts for the head but not who
acts for that substitute, the library does not chain the two.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from steering._text import fold, nfc
from steering.rules import Delegation, MonitorTarget, Substitution

__all__ = [
    "Resolution",
    "delegation_in_force",
    "document_matches",
    "locality_key",
    "match_targets",
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
    """Whether a document kind asked about falls under one of ``kinds`` (forgiving).

    Folded equality, or one folded name containing the other ("giấy mời" is
    covered by "Giấy mời họp của Tổ giúp việc").
    """
    q = fold(query)
    if not q:
        return False
    for k in kinds:
        fk = fold(k)
        if fk and (fk == q or q in fk or fk in q):
            return True
    return False


def delegation_in_force(d: Delegation, on: dt.date | None, document: str | None) -> bool:
    """Whether ``d`` covers ``document`` on date ``on`` (both must be given)."""
    if on is None or document is None:
        return False
    return d.start <= on <= d.end and document_matches(document, d.documents)


def redelegations(delegations: Sequence[Delegation]) -> list[tuple[int, int]]:
    """Pairs ``(i, j)`` where delegation ``j`` re-delegates authority received by ``i``.

    Nghị định 30/2020/NĐ-CP, Điều 13 khoản 3: "Người được ký thừa ủy quyền
    không được ủy quyền lại cho người khác ký." A delegation re-delegates
    when its delegator is the delegate of another delegation overlapping in
    time and in document kinds.
    """
    found: list[tuple[int, int]] = []
    for i, a in enumerate(delegations):
        for j, b in enumerate(delegations):
            if (
                b.delegator == a.delegate
                and b.start <= a.end
                and a.start <= b.end
                and any(document_matches(x, a.documents) for x in b.documents)
            ):
                found.append((i, j))
    return found


# -- forgiving names of localities and sectors ---------------------------------

_UNITS = {
    "thanh pho": "thành phố",
    "tp": "thành phố",
    "thi xa": "thị xã",
    "tx": "thị xã",
    "thi tran": "thị trấn",
    "tt": "thị trấn",
    "huyen": "huyện",
    "h": "huyện",
    "xa": "xã",
    "phuong": "phường",
    "p": "phường",
}
_LONG = r"thanh pho|thi xa|thi tran|huyen|phuong|xa"
_SHORT = r"tp|tx|tt|h|p"
_UNIT_RE = re.compile(rf"^(?:({_LONG})\s+|({_SHORT})(?:\.\s*|\s+))(.+)$")
_LEAD_RE = re.compile(r"^(?:nganh|linh vuc|cac huyen|cac)\s*:?\s+")
#: Misspellings the seeds themselves use that folding does not already absorb,
#: mapped to the usual spelling (folded). Folding covers "Bim Sơn" = "Bỉm Sơn"
#: and "Thanh Hoá" = "Thanh Hóa".
_ALIASES: dict[str, str] = {}


def locality_key(text: str) -> tuple[str, str]:
    """``(unit, bare name)`` of a locality or sector name, folded.

    ``"TP Thanh Hóa"``, ``"TP.Thanh Hóa"`` and ``"Thành phố Thanh Hoá"`` all
    give ``("thành phố", "thanh hoa")``; ``"Đông Sơn"`` gives ``("", "dong son")``.
    """
    f = fold(text)
    f = _LEAD_RE.sub("", f)
    m = _UNIT_RE.match(f)
    if m:
        unit = _UNITS[m.group(1) or m.group(2)]
        bare = m.group(3).strip()
    else:
        unit, bare = "", f
    return unit, _ALIASES.get(bare, bare)


def match_targets(
    query: str, targets: Sequence[tuple[str, MonitorTarget]]
) -> tuple[tuple[str, MonitorTarget], ...]:
    """The ``(post, target)`` pairs a locality or sector name designates.

    First exact matches of the bare folded name (and of the unit, where both
    the query and the target name one); failing that, targets whose folded
    text contains the query or is contained in it (sectors: "Y tế" finds
    "Ngành Y tế").
    """
    q_unit, q_bare = locality_key(query)
    if not q_bare:
        return ()
    exact: list[tuple[str, MonitorTarget]] = []
    for post, t in targets:
        for cand in (t.name, t.text):
            unit, bare = locality_key(cand)
            if t.unit:
                unit = _UNITS.get(fold(t.unit), t.unit)
            if bare == q_bare and (not q_unit or not unit or unit == q_unit):
                exact.append((post, t))
                break
    if exact:
        return tuple(exact)
    if len(q_bare) < 3:
        return ()
    # Loosely: whole words of the bare names, never the unit words ("Thanh" must not
    # find "Thành phố Sầm Sơn" through "Thành phố").
    q_words = _words(q_bare)
    loose: list[tuple[str, MonitorTarget]] = []
    for post, t in targets:
        bares = {locality_key(t.name)[1], locality_key(t.text)[1]}
        if any(x and (_within(q_words, _words(x)) or _within(_words(x), q_words)) for x in bares):
            loose.append((post, t))
    # Where some loose matches keep the query's own diacritics, they are the ones meant:
    # "Quan" finds "Huyện Quan Hóa" and "Huyện Quan Sơn", not "Ban Quản lý ..." (Thanh Hóa).
    q_exact = _words(nfc(query).casefold())
    strict = [(p, t) for p, t in loose
              if any(_within(q_exact, _words(nfc(x).casefold())) for x in (t.name, t.text))]
    return tuple(strict or loose)


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text))


def _within(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether the words ``part`` occur in ``whole`` as a contiguous run."""
    n = len(part)
    return n > 0 and any(whole[i : i + n] == part for i in range(len(whole) - n + 1))
