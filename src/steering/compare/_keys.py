"""Keys of compared facts: cadences and attendance as comparable values, names of classes."""

from __future__ import annotations

from collections.abc import Iterable

from steering.roles import Role
from steering.rules import AttendanceRule, Cadence, Citation, Period

#: Roles whose posts are compared as one class: a regulation may speak of
#: "các Ủy viên" as one plural post, or enumerate them (an annex row each).
_CLASS_ROLES = frozenset({Role.MEMBER, Role.WG_MEMBER})


#: How a class of posts is named (the regulations' words, the same in every language).
_CLASS_NAMES = {
    Role.MEMBER: "các Ủy viên, Thành viên Ban Chỉ đạo",
    Role.WG_MEMBER: "các thành viên Tổ giúp việc",
}


def _unique_citations(items: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(dict.fromkeys(items))


_PERIOD_ORDER = {Period.MONTH: 0, Period.QUARTER: 1, Period.HALF_YEAR: 2, Period.YEAR: 3}


def _cadence_key(c: Cadence) -> str:
    return f"{c.period.value}x{c.times}"


def _sorted_cadences(cs: Iterable[Cadence]) -> list[Cadence]:
    return sorted(set(cs), key=lambda c: (_PERIOD_ORDER[c.period], c.times))


def _attendance_value(rule: AttendanceRule) -> str:
    """An attendance rule as a comparable value."""
    proxy = {True: "yes", False: "no", None: "?"}[rule.proxy_allowed]
    return "|".join((
        "must" if rule.must_attend else "",
        "+".join(sorted(c.value for c in rule.absence_conditions)),
        proxy,
        "+".join(sorted(c.value for c in rule.proxy_conditions)),
    ))
