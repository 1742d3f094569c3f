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

import calendar as _calendar
import datetime as dt
import enum
import functools
import hashlib
from collections.abc import Mapping
from typing import Any

import attrs
import pendulum

from steering import national_law, world
from steering._text import nfc
from steering._vocab import MEETING_WORDS
from steering.errors import QueryError
from steering.regulation import Regulation
from steering.rules import (
    Cadence,
    Citation,
    Deadline,
    LocalDayKind,
    MeetingKind,
    MeetingPurpose,
    MeetingRule,
    Period,
    ProcedureKind,
    ReportRule,
)
from steering.workdays import (
    DEADLINE_SHIFT_CITATION,
    MAX_YEAR,
    MIN_YEAR,
    VIETNAM,
    ShiftPolicy,
    WorkingDays,
    coerce_policy,
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
]

#: Options [`calendar`][steering.schedule.calendar] accepts, with what each may be.
CALENDAR_OPTIONS: Mapping[str, str] = {
    "policy": "a ShiftPolicy or its value ('next_working_day', 'previous_working_day', 'none')",
    "workdays": "a steering.workdays.WorkingDays calendar",
    "in_force_only": "true (default) to leave out what closes before the regulation can be "
    "in force (its effective date, else its signing date), false for the rules' full pattern",
    "reviews": "'combined' (default) to read a meeting rule 'theo quý, 6 tháng, năm' as one "
    "sitting per quarter, the second and fourth serving as the six-month and year reviews; "
    "'separate' to list each cadence's sittings apart",
}

#: The values of the ``reviews`` calendar option.
REVIEWS = ("combined", "separate")

_MONTHS: dict[Period, int] = {
    Period.MONTH: 1,
    Period.QUARTER: 3,
    Period.HALF_YEAR: 6,
    Period.YEAR: 12,
}

#: Nghị định 09/2019/NĐ-CP, Điều 12: the data cut-off of each periodic report.
DATA_PERIOD_CITATIONS: Mapping[Period, Citation] = {
    period: national_law.citation(f"nd09.period.{period.value}") for period in Period
}

_ROMAN = ("I", "II", "III", "IV")


class OccurrenceKind(enum.StrEnum):
    """What an occurrence is: a report, or a meeting of one of the kinds of `MeetingKind`.

    A ``str`` enum: each member is its value (``OccurrenceKind.REPORT == "report"``), so
    JSON and iCalendar carry the plain words.
    """

    REPORT = "report"
    REGULAR_MEETING = "regular_meeting"  # họp định kỳ
    EXTRAORDINARY_MEETING = "extraordinary_meeting"  # họp đột xuất
    EXPANDED_MEETING = "expanded_meeting"  # họp mở rộng

    @classmethod
    def meeting(cls, kind: MeetingKind) -> OccurrenceKind:
        """The occurrence kind of a meeting of ``kind``."""
        return cls(f"{kind.value}_meeting")


class OccurrenceStatus(enum.StrEnum):
    """Whether an occurrence's date is decided by the regulation (a ``str`` enum)."""

    DECIDED = "decided"
    NOT_SPECIFIED = "not_specified"  # no deadline stated, or not known to apply


_DECIDED = OccurrenceStatus.DECIDED
_NOT_SPECIFIED = OccurrenceStatus.NOT_SPECIFIED


def _pdate(value: dt.date) -> pendulum.Date:
    if isinstance(value, pendulum.Date):
        return value
    return pendulum.Date(value.year, value.month, value.day)


@attrs.frozen(kw_only=True, order=False)
class Occurrence:
    """One dated obligation: a meeting window or a report's data period and deadline.

    Occurrences sort by ``closes``, then ``opens``, kind, body, rule, cadence,
    times and sequence (see [`sort_key`][steering.schedule.Occurrence.sort_key]); ``<`` and friends
    compare that key.

    Attributes:
        regulation: Id of the regulation that sets the obligation.
        body: ``"committee"``; ``"working_group"`` where the regulation has one
            working group, ``"working_group:<id>"`` where it has several; or the
            id of the post or body that reports.
        kind: An `OccurrenceKind`: ``"regular_meeting"`` or ``"report"``.
        opens: First day of the meeting window, or of the report's data period.
        closes: Last day of the meeting window; the report's due date, or, where
            the regulation states no deadline, the data cut-off.
        citations: The rule's citation first, then the outside law used (the
            data period of Nghị định 09/2019/NĐ-CP, Điều 12; Bộ luật Dân sự 2015,
            Điều 148 where a deadline moved).
        rule: The rule: ``"meetings[i]"`` (index in ``reg.meetings``) or the
            report rule's id.
        cadence: The period the obligation repeats over.
        sequence: Which of the cadence's ``times`` per period this is (1-based).
        times: How many times per period the cadence asks for.
        period: The period's code: ``"2024-03"``, ``"2024-Q1"``, ``"2024-H1"``, ``"2024"``.
        title: A Vietnamese line for calendars ("... họp định kỳ quý I/2024").
        status: An `OccurrenceStatus`: ``"decided"``, or ``"not_specified"`` for a
            report whose regulation states no deadline, or an item the regulation may
            not govern.
        recipients: Who receives a report.
        through: Who a report goes through.
        subject: What is reported, in the regulation's words.
        data_period_end: A report's data cut-off (``None`` for meetings).
        due: A report's due date, or ``None`` where the regulation states none
            (always ``None`` for meetings).
        shifted_from: The due date as computed, where it fell on a day off and
            moved; else ``None``.
        condition: A qualifier in the regulation's words ("căn cứ tình hình thực tế").
        note: The readings taken: the rule's and the deadline's notes.
        participants: Who takes part besides the members, in the regulation's words
            ("cùng với Ban Chỉ đạo các bộ, ngành, địa phương"), or ``""``.

    """

    # No converters: calendars build hundreds of thousands of these, from values
    # the model has already normalised (NFC strings, tuples, pendulum Dates).
    regulation: str
    body: str
    kind: OccurrenceKind
    opens: pendulum.Date
    closes: pendulum.Date
    citations: tuple[Citation, ...]
    rule: str
    cadence: Period
    sequence: int = 1
    times: int = 1
    period: str
    title: str = ""
    status: OccurrenceStatus = _DECIDED
    recipients: tuple[str, ...] = ()
    through: tuple[str, ...] = ()
    subject: str = ""
    data_period_end: pendulum.Date | None = None
    due: pendulum.Date | None = None
    shifted_from: pendulum.Date | None = None
    condition: str = ""
    note: str = ""
    participants: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The occurrence as plain JSON data: the form of ``steering calendar --json``."""
        from steering._json import jsonable  # noqa: PLC0415

        data: dict[str, Any] = jsonable(self)
        return data

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict` as JSON text (Vietnamese kept as written)."""
        import json  # noqa: PLC0415

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """The sort key: closes, opens, kind, body, rule, cadence, times, sequence."""
        return (
            self.closes,
            self.opens,
            self.kind,
            self.body,
            self.rule,
            self.cadence.value,
            self.times,
            self.sequence,
        )

    @property
    def uid(self) -> str:
        """A stable id: a hash of regulation, body, kind, rule, cadence, period and sequence.

        (``times`` is hashed too, so "once" and "twice a month" in one rule differ.)

        It does not depend on the shift policy, so the same obligation keeps its
        id when a deadline moves.
        """
        text = "|".join(
            (
                self.regulation,
                self.body,
                self.kind,
                self.rule,
                self.cadence.value,
                str(self.times),
                self.period,
                self.opens.isoformat(),
                str(self.sequence),
            )
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + "@steering"

    def __lt__(self, other: Occurrence) -> bool:
        if not isinstance(other, Occurrence):
            return NotImplemented
        return self.sort_key < other.sort_key

    def __le__(self, other: Occurrence) -> bool:
        if not isinstance(other, Occurrence):
            return NotImplemented
        return self.sort_key <= other.sort_key

    def __gt__(self, other: Occurrence) -> bool:
        if not isinstance(other, Occurrence):
            return NotImplemented
        return self.sort_key > other.sort_key

    def __ge__(self, other: Occurrence) -> bool:
        if not isinstance(other, Occurrence):
            return NotImplemented
        return self.sort_key >= other.sort_key


@attrs.frozen(kw_only=True)
class CalendarGap:
    """Something the regulation asks to recur but leaves undated.

    Attributes:
        regulation: Id of the regulation.
        body: The body, as in `Occurrence.body`.
        kind: An `OccurrenceKind`: ``"regular_meeting"`` or ``"report"``.
        rule: ``"meetings[i]"`` or the report rule's id.
        missing: ``"cadence"`` (the regulation says "định kỳ" and no period) or
            ``"deadline"`` (a report, periodic or not, with no stated due date).
        citation: The rule's citation.
        status: Always ``"not_specified"``.
        note: The rule's note.

    """

    regulation: str = attrs.field(converter=nfc)
    body: str = attrs.field(converter=nfc)
    kind: OccurrenceKind
    rule: str = attrs.field(converter=nfc)
    missing: str
    citation: Citation
    status: OccurrenceStatus = _NOT_SPECIFIED
    note: str = attrs.field(default="", converter=nfc)


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
            code, label = f"{year:04d}-{last:02d}", f"tháng {last}/{year}"
        elif period is Period.QUARTER:
            q = last // 3
            code, label = f"{year:04d}-Q{q}", f"quý {_ROMAN[q - 1]}/{year}"
        elif period is Period.HALF_YEAR:
            h = last // 6
            code = f"{year:04d}-H{h}"
            label = f"6 tháng {'đầu' if h == 1 else 'cuối'} năm {year}"
        else:
            code, label = f"{year:04d}", f"năm {year}"
        out.append(
            _Span(
                code=code,
                label=label,
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


def _check_date(value: object, what: str) -> pendulum.Date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise QueryError(
            f"{what} must be a date (datetime.date or pendulum.Date); found "
            f"{type(value).__name__} {value!r}"
        )
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise QueryError(
            f"{what} {value.isoformat()} is outside the years calendars cover "
            f"({MIN_YEAR}-{MAX_YEAR})"
        )
    return _pdate(value)


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


# -- the calendar ----------------------------------------------------------------

# Calendars are pure functions of immutable values. The dated periods of a rule
# are memoised by value (per rule, year, policy and working-day calendar), so
# committees with the same rules share them, and so are a rule's occurrences
# for one committee and year, in a small cache: a larger one (or one per
# regulation object) keeps so many objects alive across thousands of
# committees that the garbage collector costs more than the work it saves.
_RULE_CACHE_SIZE = 1024


_COMBINED_NOTE = (
    "Calendar reading (option reviews='combined', the default): one sitting per quarter; "
    "the sittings that close a half-year and the year also serve as the six-month and year "
    "meetings, as the genre words its period reviews. reviews='separate' lists the six-month "
    "and year meetings as sittings of their own."
)


@functools.lru_cache(maxsize=_RULE_CACHE_SIZE)
def _meeting_year(
    rule: MeetingRule,
    year: int,
    *,
    reg_id: str,
    body: str,
    name: str,
    rule_id: str,
    combined: bool = True,
) -> tuple[Occurrence, ...]:
    """The occurrences of one meeting rule whose window closes in ``year``.

    With ``combined`` (the usual reading of "họp định kỳ theo quý, 6 tháng,
    năm", Vũng Tàu 2024 Điều 9 khoản 1), a once-per-period cadence whose
    periods end with a finer cadence's period adds no sitting of its own: the
    finer sitting serves it, and says so in its title and note.
    """
    out: list[Occurrence] = []
    kind = OccurrenceKind.meeting(rule.kind)
    cadences = [
        _check_cadence(f"{rule_id}.cadences[{j}]", raw)
        for j, raw in enumerate(dict.fromkeys(rule.cadences))
    ]
    served: dict[pendulum.Date, list[str]] = {}
    if combined and len(cadences) > 1 and all(c.times == 1 for c in cadences):
        finest = min(cadences, key=lambda c: _MONTHS[c.period])
        for c in cadences:
            if c is not finest:
                for span in _spans(c.period, year):
                    served.setdefault(span.last, []).append(span.label)
        cadences = [finest]
    # Purposes the text states (a quarter's sitting that is the six-month review):
    # the finest cadence's sitting ending the purpose's period serves it, cited.
    stated = _stated_purposes(rule, year)
    finest_period = min((c.period for c in cadences), key=lambda p: _MONTHS[p], default=None)
    for cadence in cadences:
        for span in _spans(cadence.period, year):
            also = served.get(span.last, [])
            serves = f", kiêm họp {' và '.join(also)}" if also else ""
            reading = _COMBINED_NOTE if served else ""
            purposes = stated.get(span.last, ()) if cadence.period is finest_period else ()
            serves += "".join(f", kiêm {p.name}" for p in purposes)
            joined = "; ".join(x for x in (rule.participants,
                                           *(p.participants for p in purposes)) if x)
            cites = (rule.citation, *(p.citation for p in purposes))
            for seq in range(1, cadence.times + 1):
                extra = f" (lần {seq}/{cadence.times})" if cadence.times > 1 else ""
                out.append(
                    Occurrence(
                        regulation=reg_id,
                        body=body,
                        kind=kind,
                        opens=span.first,
                        closes=span.last,
                        citations=cites,
                        rule=rule_id,
                        cadence=cadence.period,
                        sequence=seq,
                        times=cadence.times,
                        period=span.code,
                        title=f"{name} {MEETING_WORDS[rule.kind][0]} {span.label}{serves}"
                        f"{extra}",
                        condition=rule.condition,
                        note=_join_notes(rule.note, reading, *(p.note for p in purposes)),
                        participants=joined,
                    )
                )
    return tuple(out)


def _stated_purposes(
    rule: MeetingRule, year: int
) -> dict[pendulum.Date, tuple[MeetingPurpose, ...]]:
    """The purposes a rule states, by the last day of each period they recur over."""
    out: dict[pendulum.Date, list[MeetingPurpose]] = {}
    for purpose in rule.purposes:
        for n, span in enumerate(_spans(purpose.period, year), start=1):
            if not purpose.which or n in purpose.which:
                out.setdefault(span.last, []).append(purpose)
    return {k: tuple(v) for k, v in out.items()}


@attrs.frozen
class _Planned:
    """One dated period of a report rule, before it is given a reporter."""

    span: _Span
    cadence: Cadence
    closes: pendulum.Date
    due: pendulum.Date | None
    moved: pendulum.Date | None
    status: OccurrenceStatus
    citations: tuple[Citation, ...]


@functools.lru_cache(maxsize=_RULE_CACHE_SIZE)
def _report_plan(
    rule: ReportRule, year: int, policy: ShiftPolicy, workdays: WorkingDays
) -> tuple[_Planned, ...]:
    """The periods of one report rule whose ``closes`` is in ``year``, with their dates."""
    out: list[_Planned] = []
    deadline = rule.deadline
    if deadline is not None:
        _check_deadline(f"reports[{rule.id}].deadline", deadline)
    # A due date lies up to `month_offset` months (plus a shift of a few days)
    # after the period's last month: look that far back.
    back = 1 + (deadline.month_offset // 12 + 1 if deadline is not None else 0)
    for j, raw in enumerate(dict.fromkeys(rule.cadences)):
        cadence = _check_cadence(f"reports[{rule.id}].cadences[{j}]", raw)
        basis = DATA_PERIOD_CITATIONS[cadence.period]
        # (A period of the year before MIN_YEAR, or after MAX_YEAR, may fall due inside them.)
        for span_year in range(max(MIN_YEAR - 1, year - back), year + 2):
            for span in _spans(cadence.period, span_year):
                citations: tuple[Citation, ...] = (rule.citation, basis)
                if deadline is None:
                    closes, due, moved, status = span.data_end, None, None, _NOT_SPECIFIED
                else:
                    computed, closes = _due(deadline, span.last_month, policy, workdays)
                    due, status = closes, _DECIDED
                    moved = computed if computed != closes else None
                    if moved is not None and policy is ShiftPolicy.NEXT_WORKING_DAY:
                        citations = (*citations, DEADLINE_SHIFT_CITATION)
                if closes.year == year:
                    out.append(_Planned(span, cadence, closes, due, moved, status, citations))
    return tuple(out)


@functools.lru_cache(maxsize=_RULE_CACHE_SIZE)
def _report_year(
    rule: ReportRule,
    year: int,
    *,
    reg_id: str,
    body: str,
    name: str,
    policy: ShiftPolicy,
    workdays: WorkingDays,
) -> tuple[Occurrence, ...]:
    """The occurrences of one report rule, for one reporter, whose ``closes`` is in ``year``."""
    deadline = rule.deadline
    note = _join_notes(rule.note, deadline.note if deadline is not None else "")
    out: list[Occurrence] = []
    for p in _report_plan(rule, year, policy, workdays):
        times = p.cadence.times
        for seq in range(1, times + 1):
            extra = f" (lần {seq}/{times})" if times > 1 else ""
            out.append(
                Occurrence(
                    regulation=reg_id,
                    body=body,
                    kind=OccurrenceKind.REPORT,
                    opens=p.span.data_start,
                    closes=p.closes,
                    citations=p.citations,
                    rule=rule.id,
                    cadence=p.cadence.period,
                    sequence=seq,
                    times=times,
                    period=p.span.code,
                    title=f"{name}: báo cáo {p.span.label}{extra}",
                    status=p.status,
                    recipients=rule.recipients,
                    through=rule.through,
                    subject=rule.subject,
                    data_period_end=p.span.data_end,
                    due=p.due,
                    shifted_from=p.moved,
                    note=note,
                )
            )
    return tuple(out)


def _sort_key(occ: Occurrence) -> tuple[Any, ...]:
    return occ.sort_key


def _build(
    reg: Regulation,
    a: pendulum.Date,
    b: pendulum.Date,
    policy: ShiftPolicy,
    workdays: WorkingDays,
    *,
    combined: bool = True,
) -> tuple[Occurrence, ...]:
    years = range(a.year, b.year + 1)
    chunks: list[tuple[Occurrence, ...]] = []
    for i, meeting in enumerate(reg.meetings):
        if meeting.cadences:
            body, name = body_label(reg, meeting.body), _name(reg, meeting.body)
            rule_id = f"meetings[{i}]"
            chunks.extend(
                _meeting_year(meeting, y, reg_id=reg.id, body=body, name=name, rule_id=rule_id,
                              combined=combined)
                for y in years
            )
    for report in reg.reports:
        if report.cadences:
            for reporter in dict.fromkeys(report.reporters):
                body, name = body_label(reg, reporter), _name(reg, reporter)
                chunks.extend(
                    _report_year(
                        report,
                        y,
                        reg_id=reg.id,
                        body=body,
                        name=name,
                        policy=policy,
                        workdays=workdays,
                    )
                    for y in years
                )
    chunks.append(_reports_before_meetings(reg, [o for chunk in chunks for o in chunk]))
    whole_years = a.month == 1 and a.day == 1 and b.month == 12 and b.day == 31
    found = [o for chunk in chunks for o in chunk if whole_years or a <= o.closes <= b]
    found.sort(key=_sort_key)
    unique: list[Occurrence] = []
    last: tuple[Any, ...] | None = None
    for occ in found:
        key = occ.sort_key
        if key != last:
            unique.append(occ)
            last = key
    return tuple(unique)


def _reports_before_meetings(
    reg: Regulation, occs: list[Occurrence]
) -> tuple[Occurrence, ...]:
    """A report due before each meeting ("báo cáo ... trước mỗi phiên họp định kỳ").

    One item per actor and regular sitting of the procedure's body, in the sitting's
    window. The sitting's day is not fixed, so neither is the report's: ``due`` is
    ``None`` and ``status`` ``not_specified``, the note saying it is due before the
    sitting.
    """
    rules = [(i, p) for i, p in enumerate(reg.procedures)
             if p.kind is ProcedureKind.REPORT_BEFORE_MEETING]
    if not rules:
        return ()
    out = []
    for i, rule in rules:
        body = body_label(reg, rule.body)
        sittings = [o for o in occs if o.body == body and o.kind is OccurrenceKind.REGULAR_MEETING]
        for actor in dict.fromkeys(rule.actors):
            name = _name(reg, actor)
            for sitting in sittings:
                out.append(attrs.evolve(
                    sitting, body=body_label(reg, actor), kind=OccurrenceKind.REPORT,
                    citations=(rule.citation, *sitting.citations), rule=f"procedures[{i}]",
                    title=f"{name} báo cáo trước phiên họp: {sitting.title}",
                    status=_NOT_SPECIFIED, recipients=(rule.body,), subject=rule.trigger,
                    note=_join_notes("Hạn: trước phiên họp, mà ngày họp không cố định "
                                     "trong kỳ (due before the sitting, whose day the "
                                     "regulation does not fix).", sitting.note),
                    participants="",
                ))
    return tuple(out)


def calendar(
    reg: Regulation,
    start: dt.date,
    end: dt.date,
    *,
    policy: ShiftPolicy | str = ShiftPolicy.NEXT_WORKING_DAY,
    workdays: WorkingDays = VIETNAM,
    in_force_only: bool = True,
    reviews: str = "combined",
    **unknown: Any,
) -> tuple[Occurrence, ...]:
    """The regulation's meetings and report deadlines whose ``closes`` lies in ``[start, end]``.

    Args:
        reg: The regulation.
        start: First day of the range (included).
        end: Last day of the range (included).
        policy: How a deadline on a day off moves: a
            [`ShiftPolicy`][steering.workdays.ShiftPolicy] or its value (default
            ``NEXT_WORKING_DAY``, Bộ luật Dân sự 2015, Điều 148 khoản 5).
        workdays: The [`WorkingDays`][steering.workdays.WorkingDays] calendar (default
            `VIETNAM`).
        in_force_only: Leave out what closes before the regulation can be in force
            ([`in_force_from`][steering.schedule.in_force_from]; default ``True``).
        reviews: ``"combined"`` (default) or ``"separate"``, how a meeting rule with
            nested cadences ("họp định kỳ theo quý, 6 tháng, năm") is read: one
            sitting per finest period, serving the coarser ones, or a sitting per
            cadence and period.
        **unknown: Refused with a `QueryError` that lists the options
            (`CALENDAR_OPTIONS`).

    Returns:
        Occurrences sorted by [`Occurrence.sort_key`][steering.schedule.Occurrence.sort_key], one
        per
        (closes, opens, kind, body, rule, cadence, times, sequence).

    Raises:
        QueryError: ``start`` is after ``end``, a bound is not a date or lies
            outside 1901-2100, an option is unknown or has a bad value, or a
            rule's cadence or deadline cannot be dated.

    """
    if not isinstance(reg, Regulation):
        raise QueryError(f"reg must be a Regulation; found {type(reg).__name__}")
    a, b = _check_date(start, "start"), _check_date(end, "end")
    if a > b:
        raise QueryError(f"start {a.isoformat()} is after end {b.isoformat()}")
    policy, workdays, in_force_only, combined = _options({
        "policy": policy, "workdays": workdays, "in_force_only": in_force_only,
        "reviews": reviews, **unknown,
    })
    workdays = with_local_days(reg, workdays)
    first, surely = reg.in_force_window
    if in_force_only and first is not None:
        # Thanh Hóa 2021 takes effect in 01/2021: its rules date nothing in 2020.
        if first > b:
            return ()
        if first > a:
            a = _pdate(first)
    # Past a reorganisation or a successor's start the items are not decided (steering.world).
    built = _cite_local_days(reg, _build(reg, a, b, policy, workdays, combined=combined))
    if reg.identity.signed is None and (first is None or first != surely):
        built = _unknown_start(reg, built, surely)
    return world.situate_occurrences(reg, built)


def _unknown_start(
    reg: Regulation, occs: tuple[Occurrence, ...], surely: dt.date | None
) -> tuple[Occurrence, ...]:
    """Items dated before the regulation is surely in force, when its signing date is unknown.

    Whether the regulation governed them is not known: ``status`` becomes
    ``"not_specified"`` and the note says why, with the bounds the file gives.
    """
    note = (f"Ngày ký quy chế {reg.identity.signed_text('vi')}: "
            "không rõ quy chế đã có hiệu lực vào thời điểm này chưa.")
    out = []
    for occ in occs:
        day = dt.date(occ.opens.year, occ.opens.month, occ.opens.day)
        if surely is not None and day >= surely:
            out.append(occ)
            continue
        out.append(attrs.evolve(occ, status=_NOT_SPECIFIED, note=f"{occ.note} {note}".strip()))
    return tuple(out)


def _cite_local_days(reg: Regulation, occs: tuple[Occurrence, ...]) -> tuple[Occurrence, ...]:
    """Cite the file's local day off that moved a deadline, beside the national rule."""
    if not reg.local_days:
        return occs
    off = {d.date: d.citation for d in reg.local_days if d.kind is LocalDayKind.DAY_OFF}
    out = []
    for occ in occs:
        cites: list[Citation] = []
        if occ.shifted_from is not None and occ.due is not None:
            lo, hi = sorted(dt.date(x.year, x.month, x.day) for x in (occ.shifted_from, occ.due))
            cites = [c for d, c in sorted(off.items()) if lo <= d <= hi]
        out.append(attrs.evolve(occ, citations=(*occ.citations, *cites)) if cites else occ)
    return tuple(out)


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
