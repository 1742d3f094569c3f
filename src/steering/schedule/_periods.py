"""Dated periods, names, and the checks of the calendar's options and arguments."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

import attrs
import pendulum

from steering.errors import QueryError
from steering.regulation import Regulation
from steering.rules import (
    Cadence,
    Deadline,
    LocalDayKind,
    Period,
)
from steering.schedule._types import _MONTHS, _ROMAN, CALENDAR_OPTIONS, REVIEWS
from steering.text import label
from steering.workdays import (
    MAX_YEAR,
    MIN_YEAR,
    VIETNAM,
    ShiftPolicy,
    WorkingDays,
    coerce_policy,
)

# -- periods -------------------------------------------------------------------


@attrs.frozen
class _Span:
    """One period of a cadence, as month arithmetic settles it."""

    code: str
    label: str
    first: pendulum.Date
    last: pendulum.Date
    data_start: pendulum.Date
    data_end: pendulum.Date
    last_month: int  # absolute month index of the period's last month: year * 12 + month - 1


def _month_end(year: int, month: int) -> pendulum.Date:
    return pendulum.Date(year, month, _calendar.monthrange(year, month)[1])


def _ym(abs_month: int) -> tuple[int, int]:
    return abs_month // 12, abs_month % 12 + 1


@functools.cache
def _spans(period: Period, year: int) -> tuple[_Span, ...]:
    n = _MONTHS[period]
    out = []
    for last in range(n, 13, n):
        first = last - n + 1
        before_y, before_m = _ym(year * 12 + first - 2)
        if period is Period.MONTH:
            code, said = f"{year:04d}-{last:02d}", label("period_month", "vi").format(
                month=last, year=year)
        elif period is Period.QUARTER:
            q = last // 3
            code, said = f"{year:04d}-Q{q}", label("period_quarter", "vi").format(
                roman=_ROMAN[q - 1], q=q, year=year)
        elif period is Period.HALF_YEAR:
            h = last // 6
            code, said = f"{year:04d}-H{h}", label(f"period_half_{h}", "vi").format(year=year)
        else:
            code, said = f"{year:04d}", label("period_year", "vi").format(year=year)
        out.append(
            _Span(
                code=code,
                label=said,
                first=pendulum.Date(year, first, 1),
                last=_month_end(year, last),
                data_start=pendulum.Date(before_y, before_m, 15),
                data_end=pendulum.Date(year, last, 14),
                last_month=year * 12 + last - 1,
            )
        )
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def _due(
    deadline: Deadline, last_month: int, policy: ShiftPolicy, workdays: WorkingDays
) -> tuple[pendulum.Date, pendulum.Date]:
    """The regulation's deadline for a period ending in ``last_month``: (computed, shifted)."""
    y, m = _ym(last_month + deadline.month_offset)
    day = deadline.day - 1 if deadline.before else deadline.day
    if day < 1:  # "trước ngày 1": the last day of the month before
        raw = _month_end(*_ym(last_month + deadline.month_offset - 1))
    else:
        # A day the month lacks ("ngày 31" in a 30-day month) is its last day,
        # as Bộ luật Dân sự 2015, Điều 148 khoản 3 reads a missing day.
        raw = pendulum.Date(y, m, min(day, _calendar.monthrange(y, m)[1]))
    if not MIN_YEAR <= raw.year <= MAX_YEAR:
        return raw, raw  # outside the covered years, so outside any range asked
    return raw, workdays.shift(raw, policy)


# -- bodies and names ------------------------------------------------------------


def body_label(reg: Regulation, node_id: str) -> str:
    """The `Occurrence.body` for a rule's body or reporter id.

    ``"committee"`` stays; a working group becomes ``"working_group"`` when the
    regulation has one and ``"working_group:<id>"`` when it has several; any
    other id (a post or an outside body) stays as it is.
    """
    groups = reg.working_groups
    if any(g.id == node_id for g in groups):
        return "working_group" if len(groups) == 1 else f"working_group:{node_id}"
    return node_id


def _name(reg: Regulation, node_id: str) -> str:
    try:
        return reg.name_of(node_id)
    except KeyError:
        return node_id


# -- options and arguments ----------------------------------------------------------


def in_force_from(reg: Regulation) -> dt.date:
    """The first day the regulation can be in force (`Regulation.in_force_from`).

    A partial date gives its first possible day ("tháng 01 năm 2021" is
    01/01/2021), so a calendar leaves out nothing the regulation may already govern.

    Raises:
        UnknownFactError: The signing date is unknown and unbounded below.

    """
    return reg.in_force_from


def with_local_days(reg: Regulation, workdays: WorkingDays = VIETNAM) -> WorkingDays:
    """``workdays`` with the days off and swaps the regulation's file declares (``local_days``).

    A local decision's day off is a day off, and its working day a working day,
    in every calendar and deadline computed for the regulation, on top of the
    calendar given (the file's days win over the national ones, as a local
    decision does for the locality's agencies).
    """
    if not reg.local_days:
        return workdays
    off = {d.date for d in reg.local_days if d.kind is LocalDayKind.DAY_OFF}
    work = {d.date for d in reg.local_days if d.kind is LocalDayKind.WORKING_DAY}
    names: tuple[tuple[dt.date, str], ...] = tuple(
        (d.date, d.name) for d in reg.local_days if d.kind is LocalDayKind.DAY_OFF
    )
    return attrs.evolve(
        workdays,
        extra_days_off=(workdays.extra_days_off - work) | off,
        extra_working_days=(workdays.extra_working_days - off) | work,
        day_off_names=(*names, *workdays.day_off_names),
    )


def _options(options: Mapping[str, Any]) -> tuple[ShiftPolicy, WorkingDays, bool, bool]:
    unknown = sorted(set(options) - set(CALENDAR_OPTIONS))
    if unknown:
        allowed = "; ".join(f"{k}: {v}" for k, v in CALENDAR_OPTIONS.items())
        raise QueryError(f"unknown calendar option(s) {', '.join(unknown)}; allowed: {allowed}")
    policy = coerce_policy(options.get("policy", ShiftPolicy.NEXT_WORKING_DAY))
    workdays = options.get("workdays", VIETNAM)
    if not isinstance(workdays, WorkingDays):
        raise QueryError(
            f"workdays must be a steering.workdays.WorkingDays; found {type(workdays).__name__}"
        )
    in_force_only = options.get("in_force_only", True)
    if not isinstance(in_force_only, bool):
        raise QueryError(
            f"in_force_only must be true or false; found {type(in_force_only).__name__}"
        )
    reviews = options.get("reviews", "combined")
    if not isinstance(reviews, str) or reviews not in REVIEWS:
        raise QueryError(f"reviews: found {reviews!r}; allowed: {', '.join(REVIEWS)}")
    return policy, workdays, in_force_only, reviews == "combined"


def _check_cadence(where: str, cadence: object) -> Cadence:
    if not isinstance(cadence, Cadence) or not isinstance(cadence.period, Period):
        raise QueryError(f"{where}: found {cadence!r}; allowed: a Cadence")
    if isinstance(cadence.times, bool) or not isinstance(cadence.times, int) or cadence.times < 1:
        raise QueryError(f"{where}.times: found {cadence.times!r}; allowed: an integer >= 1")
    return cadence


def _check_deadline(where: str, deadline: Deadline) -> None:
    if not 1 <= deadline.day <= 31:
        raise QueryError(f"{where}.day: found {deadline.day!r}; allowed: a day of month 1-31")
    if not 0 <= deadline.month_offset <= 12:
        raise QueryError(f"{where}.month_offset: found {deadline.month_offset!r}; allowed: 0-12")


def _join_notes(*notes: str) -> str:
    return " ".join(n for n in notes if n)
