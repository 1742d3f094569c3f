"""Dated meetings and report deadlines, generated from a regulation's rules.

``reg.calendar(start, end)`` (or [`calendar`][steering.schedule.calendar]) turns the regulation's
[`MeetingRule`][steering.rules.MeetingRule] and [`ReportRule`][steering.rules.ReportRule]
values into a sorted tuple of [`Occurrence`][steering.schedule.Occurrence], each cited.

**Meetings.** A regular meeting rule yields, for every cadence it names, one
occurrence per period ("một quý một lần": one per quarter): ``opens`` and
``closes`` are the first and last day of the period (Q1 = 01/01-31/03, H1 =
01/01-30/06, the calendar year, the month). A rule with several cadences
("họp định kỳ theo quý, 6 tháng, năm", Vũng Tàu 2024 Điều 9 khoản 1) is read,
by default, as one sitting per quarter whose second and fourth sittings are
also the six-month and year meetings (option ``reviews="combined"``): the
genre words its period reviews that way (Thanh Hóa 2024 Điều 7 khoản 1 "họp
định kỳ một quý một lần" with Điều 9 khoản 2 "báo cáo hàng quý, 06 tháng và
báo cáo năm"; a frequency of its own is written "sáu tháng một lần", Tùng
Châu 2023 Điều 7 khoản 1). ``reviews="separate"`` lists each cadence's
sittings. ``times > 1`` yields that many occurrences of the same window,
numbered by ``sequence``.

**Reports.** A report rule with cadences yields, for each reporter and
period, an occurrence whose ``opens`` is the start of the data period of
Nghị định 09/2019/NĐ-CP, Điều 12 (the 15th of the month before the period)
and whose ``data_period_end`` is its cut-off (the 14th of the period's last
month). Where the regulation states a deadline, ``closes`` and ``due`` are
that deadline, moved off a day off by the shift policy (Bộ luật Dân sự 2015,
Điều 148 khoản 5 by default; ``shifted_from`` keeps the computed date).
Where it states none, the library invents none: ``due`` is ``None``,
``status`` is ``"not_specified"`` and ``closes`` is the data cut-off.

**Not specified.** A regular meeting or periodic report whose cadence the
regulation leaves open yields no occurrence; [`calendar_gaps`][steering.schedule.calendar_gaps]
lists it
(and every report whose deadline is not stated).

**Inside the range.** An occurrence belongs to ``[start, end]`` (both
included) when its ``closes`` date lies in it. Each occurrence so belongs to
exactly one of two adjacent ranges, and
``calendar(a, c) == calendar(a, b) + calendar(b + 1 day, c)``.

Nothing here reads the clock.
"""

from __future__ import annotations

import typing

from steering.errors import QueryError
from steering.regulation import Regulation
from steering.rules import (
    MeetingKind,
)
from steering.schedule._build import calendar
from steering.schedule._periods import body_label, in_force_from, with_local_days
from steering.schedule._types import (
    CALENDAR_OPTIONS,
    DATA_PERIOD_CITATIONS,
    REVIEWS,
    CalendarGap,
    Occurrence,
    OccurrenceKind,
    OccurrenceStatus,
)

__all__ = [
    "CALENDAR_OPTIONS",
    "DATA_PERIOD_CITATIONS",
    "REVIEWS",
    "CalendarGap",
    "Occurrence",
    "OccurrenceKind",
    "OccurrenceStatus",
    "body_label",
    "calendar",
    "calendar_gaps",
    "in_force_from",
    "with_local_days",
]

def calendar_gaps(reg: Regulation) -> tuple[CalendarGap, ...]:
    """What the regulation asks to recur but leaves undated, in file order.

    A regular meeting with no cadence ("họp định kỳ hoặc đột xuất") and a
    periodic report with no cadence are ``missing="cadence"``: they get no
    dated occurrence. Every other report whose deadline the regulation does
    not state is ``missing="deadline"``: a periodic one's occurrences carry
    ``status="not_specified"``; one made on request or when needed ("khi có
    yêu cầu", "đột xuất") gets no dated occurrence at all.
    """
    if not isinstance(reg, Regulation):
        raise QueryError(f"reg must be a Regulation; found {type(reg).__name__}")
    gaps: list[CalendarGap] = []
    for i, meeting in enumerate(reg.meetings):
        if meeting.kind is MeetingKind.REGULAR and not meeting.cadences:
            gaps.append(
                CalendarGap(
                    regulation=reg.id,
                    body=body_label(reg, meeting.body),
                    kind=OccurrenceKind.meeting(meeting.kind),
                    rule=f"meetings[{i}]",
                    missing="cadence",
                    citation=meeting.citation,
                    note=meeting.note,
                )
            )
    for report in reg.reports:
        missing = ""
        if report.periodic and not report.cadences:
            missing = "cadence"
        elif report.deadline is None:
            # Every report without a stated due date, periodic or not ("khi có yêu cầu",
            # "đột xuất", a one-off): the calendar cannot date it.
            missing = "deadline"
        if not missing:
            continue
        for reporter in dict.fromkeys(report.reporters):
            gaps.append(
                CalendarGap(
                    regulation=reg.id,
                    body=body_label(reg, reporter),
                    kind=OccurrenceKind.REPORT,
                    rule=report.id,
                    missing=missing,
                    citation=report.citation,
                    note=report.note,
                )
            )
    return tuple(gaps)


# Re-exported: documented and shown under this package's public name. Their annotations
# are resolved first, where they were written, so tools that read them (the web API's
# OpenAPI schema) need not find the names in this package.
for _public in (CalendarGap, Occurrence, OccurrenceKind, OccurrenceStatus):
    _public.__annotations__ = typing.get_type_hints(_public)
    _public.__module__ = __name__
