"""Building a calendar: meetings and reports, year by year, dated and cited."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import attrs
import pendulum

from steering import world
from steering._args import as_day
from steering.errors import QueryError
from steering.regulation import Regulation
from steering.rules import (
    Cadence,
    Citation,
    LocalDayKind,
    MeetingPurpose,
    MeetingRule,
    ProcedureKind,
    ReportRule,
)
from steering.schedule._periods import (
    _check_cadence,
    _check_deadline,
    _due,
    _join_notes,
    _name,
    _options,
    _Span,
    _spans,
    body_label,
    with_local_days,
)
from steering.schedule._types import (
    _DECIDED,
    _MONTHS,
    _NOT_SPECIFIED,
    DATA_PERIOD_CITATIONS,
    Occurrence,
    OccurrenceKind,
    OccurrenceStatus,
    _pdate,
)
from steering.text import label, word
from steering.workdays import (
    DEADLINE_SHIFT_CITATION,
    MIN_YEAR,
    VIETNAM,
    ShiftPolicy,
    WorkingDays,
)

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
            joined_also = f" {label('and', 'vi')} ".join(also)
            serves = label("title_serves", "vi").format(periods=joined_also) if also else ""
            reading = _COMBINED_NOTE if served else ""
            purposes = stated.get(span.last, ()) if cadence.period is finest_period else ()
            serves += "".join(label("title_serves_purpose", "vi").format(purpose=p.name)
                              for p in purposes)
            joined = "; ".join(x for x in (rule.participants,
                                           *(p.participants for p in purposes)) if x)
            cites = (rule.citation, *(p.citation for p in purposes))
            for seq in range(1, cadence.times + 1):
                extra = (label("title_times", "vi").format(n=seq, of=cadence.times)
                         if cadence.times > 1 else "")
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
                        title=label("title_meeting", "vi").format(
                            name=name, kind=word(rule.kind, "vi"), period=span.label,
                            serves=serves, times=extra),
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
            extra = label("title_times", "vi").format(n=seq, of=times) if times > 1 else ""
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
                    title=label("title_report", "vi").format(name=name, period=p.span.label,
                                                             times=extra),
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
                    title=label("title_report_before", "vi").format(name=name,
                                                                    sitting=sitting.title),
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
    a, b = as_day(start, "start"), as_day(end, "end")
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
