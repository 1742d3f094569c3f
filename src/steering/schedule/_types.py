"""The calendar's values: options, occurrences, gaps, and the kinds and statuses they take."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from collections.abc import Mapping
from typing import Any

import attrs
import pendulum

from steering import national_law
from steering._text import nfc
from steering.rules import (
    Citation,
    MeetingKind,
    Period,
)

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
