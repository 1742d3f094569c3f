"""iCalendar (RFC 5545) export of calendars, with the `icalendar` package.

:func:`to_ics` writes a calendar a secretary can import:

- a **meeting window** is an all-day ``VEVENT`` from ``opens`` to ``closes``
  (``DTEND`` is the day after ``closes``, as RFC 5545 counts all-day events),
  marked ``TRANSP:TRANSPARENT`` so a three-month window does not block a diary;
- a **report** is a ``VTODO``: ``DTSTART`` is the start of its data period and
  ``DUE`` the end of its due day (23:59:59), both in ``Asia/Ho_Chi_Minh``
  (Bộ luật Dân sự 2015, Điều 148: a time limit ends at the end of its last day).
  A report whose regulation states no deadline gets no ``DUE``: the library
  does not invent one; its description says so.

Each component's ``UID`` is :attr:`~steering.schedule.Occurrence.uid` (a hash
of regulation, body, kind, rule and period), so re-importing an updated
calendar updates the same entries. Text stays Vietnamese, in UTF-8, NFC.
Every field of the occurrence is also written in ``X-STEERING-*`` properties,
so :func:`from_ics` reads the file back to the very same occurrences.

Nothing here reads the clock: ``DTSTAMP`` is the ``stamp`` argument, or, when
none is given, midnight UTC of the occurrence's ``opens`` date, so the same
calendar always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import icalendar
import pendulum

from steering.errors import QueryError
from steering.regulation import Regulation
from steering.rules import Citation, Period
from steering.schedule import Occurrence
from steering.workdays import VIETNAM

__all__ = ["PRODID", "TIMEZONE", "from_ics", "to_ics"]

#: The time zone every date-time of the export is written in.
TIMEZONE = "Asia/Ho_Chi_Minh"
#: The ``PRODID`` of exported calendars.
PRODID = "-//steering//Lịch Ban Chỉ đạo//VI"

_TZ = ZoneInfo(TIMEZONE)
_X = "X-STEERING-"
_END_OF_DAY = dt.time(23, 59, 59)


def _d(value: dt.date) -> str:
    return f"{value:%d/%m/%Y}"


def _name(reg: Regulation | None, node_id: str) -> str:
    if reg is None:
        return node_id
    try:
        return reg.name_of(node_id)
    except KeyError:
        return node_id


def _names(reg: Regulation | None, ids: Iterable[str]) -> str:
    return ", ".join(_name(reg, i) for i in ids)


def _description(occ: Occurrence, reg: Regulation | None) -> str:
    lines = [occ.title]
    if occ.kind == "report":
        if occ.subject:
            lines.append(f"Nội dung: {occ.subject}")
        if occ.recipients:
            lines.append(f"Gửi: {_names(reg, occ.recipients)}")
        if occ.through:
            lines.append(f"Thông qua: {_names(reg, occ.through)}")
        end = occ.data_period_end or occ.closes
        lines.append(f"Kỳ số liệu: {_d(occ.opens)} - {_d(end)}")
        if occ.due is None:
            lines.append("Hạn nộp: Quy chế không quy định.")
        elif occ.shifted_from is not None:
            reason = VIETNAM.day_off_reason(occ.shifted_from) or "ngày nghỉ"
            lines.append(
                f"Hạn nộp: {_d(occ.due)} (ngày {_d(occ.shifted_from)} là ngày nghỉ: {reason})"
            )
        else:
            lines.append(f"Hạn nộp: {_d(occ.due)}")
    else:
        lines.append(f"Thời gian họp: trong khoảng {_d(occ.opens)} - {_d(occ.closes)}")
        if occ.condition:
            lines.append(f"Điều kiện: {occ.condition}")
    for c in occ.citations:
        lines.append(f"Căn cứ: {c.label()}: “{c.quote}”")
    if occ.note:
        lines.append(f"Ghi chú: {occ.note}")
    return "\n".join(lines)


def _stamp(occ: Occurrence, stamp: dt.datetime | None) -> dt.datetime:
    if stamp is not None:
        return stamp.astimezone(dt.UTC)
    return dt.datetime(occ.opens.year, occ.opens.month, occ.opens.day, tzinfo=dt.UTC)


def _component(occ: Occurrence, reg: Regulation | None, stamp: dt.datetime | None) -> Any:
    opens = dt.date(occ.opens.year, occ.opens.month, occ.opens.day)
    closes = dt.date(occ.closes.year, occ.closes.month, occ.closes.day)
    comp: Any
    if occ.kind == "report":
        comp = icalendar.Todo()
        comp.add("dtstart", dt.datetime.combine(opens, dt.time(0, 0), tzinfo=_TZ))
        if occ.due is not None:
            comp.add("due", dt.datetime.combine(closes, _END_OF_DAY, tzinfo=_TZ))
        comp.add("status", "NEEDS-ACTION")
    else:
        comp = icalendar.Event()
        comp.add("dtstart", opens)
        comp.add("dtend", closes + dt.timedelta(days=1))
        comp.add("transp", "TRANSPARENT")
    comp.add("uid", occ.uid)
    comp.add("dtstamp", _stamp(occ, stamp))
    comp.add("summary", occ.title)
    comp.add("description", _description(occ, reg))
    comp.add("categories", [occ.kind])
    fields: list[tuple[str, str]] = [
        ("REGULATION", occ.regulation),
        ("BODY", occ.body),
        ("KIND", occ.kind),
        ("RULE", occ.rule),
        ("CADENCE", occ.cadence.value),
        ("SEQUENCE", str(occ.sequence)),
        ("TIMES", str(occ.times)),
        ("PERIOD", occ.period),
        ("STATUS", occ.status),
        ("OPENS", occ.opens.isoformat()),
        ("CLOSES", occ.closes.isoformat()),
        ("RECIPIENTS", json.dumps(list(occ.recipients), ensure_ascii=False)),
        ("THROUGH", json.dumps(list(occ.through), ensure_ascii=False)),
        ("SUBJECT", occ.subject),
        ("CONDITION", occ.condition),
        ("NOTE", occ.note),
    ]
    optional: tuple[tuple[str, dt.date | None], ...] = (
        ("DATA-PERIOD-END", occ.data_period_end),
        ("DUE", occ.due),
        ("SHIFTED-FROM", occ.shifted_from),
    )
    for label, day in optional:
        if day is not None:
            fields.append((label, day.isoformat()))
    for key, value in fields:
        comp.add(_X + key, value)
    for c in occ.citations:
        comp.add(_X + "CITATION", json.dumps(attrs.asdict(c), ensure_ascii=False))
    return comp


def to_ics(
    occurrences: Iterable[Occurrence],
    *,
    name: str = "",
    regulation: Regulation | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """Write occurrences as an iCalendar file (UTF-8 bytes), in the order given.

    Args:
        occurrences: Occurrences, e.g. ``reg.calendar(start, end)``.
        name: The calendar's display name (``X-WR-CALNAME``); by default the
            committee's name when ``regulation`` is given, else "Lịch Ban Chỉ đạo".
        regulation: The regulation, to name posts and bodies in descriptions
            in the regulation's own words (ids are used without it).
        stamp: An aware date-time for every ``DTSTAMP`` (see the module notes).

    Raises:
        QueryError: An item is not an :class:`~steering.schedule.Occurrence`,
            or ``stamp`` is naive.

    """
    if stamp is not None and (stamp.tzinfo is None or stamp.utcoffset() is None):
        raise QueryError(f"stamp must be an aware datetime; found naive {stamp!r}")
    items = list(occurrences)
    for i, occ in enumerate(items):
        if not isinstance(occ, Occurrence):
            raise QueryError(
                f"occurrences[{i}]: found {type(occ).__name__}; allowed: steering Occurrence"
            )
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    title = (
        name or (regulation.committee.name if regulation is not None else "") or "Lịch Ban Chỉ đạo"
    )
    cal.add("x-wr-calname", title)
    cal.add("x-wr-timezone", TIMEZONE)
    for occ in items:
        cal.add_component(_component(occ, regulation, stamp))
    reports = [o for o in items if o.kind == "report"]
    if reports:
        # VTIMEZONE only for the span the calendar uses (Asia/Ho_Chi_Minh has
        # been UTC+7 since 1975), not icalendar's default 1970-2038 history.
        first = min(o.opens for o in reports)
        last = max(o.closes for o in reports) + dt.timedelta(days=1)
        cal.add_missing_timezones(
            first_date=dt.date(first.year, first.month, first.day),
            last_date=dt.date(last.year, last.month, last.day),
        )
    data: bytes = cal.to_ical()
    return data


# -- reading back -----------------------------------------------------------------


def _text(comp: Any, key: str, default: str | None = None) -> str:
    value = comp.get(_X + key)
    if value is None:
        if default is not None:
            return default
        raise QueryError(f"{comp.name} {comp.get('uid', '?')}: missing property {_X + key}")
    if isinstance(value, list):
        raise QueryError(f"{comp.name} {comp.get('uid', '?')}: {_X + key} appears more than once")
    return unicodedata.normalize("NFC", str(value))


def _date(comp: Any, key: str) -> pendulum.Date | None:
    text = _text(comp, key, "")
    if not text:
        return None
    try:
        return pendulum.Date.fromisoformat(text)
    except ValueError:
        raise QueryError(f"{_X + key}: found {text!r}; allowed: a date YYYY-MM-DD") from None


def _date_of(value: Any) -> dt.date:
    d = value.dt if hasattr(value, "dt") else value
    if isinstance(d, dt.datetime):
        return d.astimezone(_TZ).date() if d.tzinfo is not None else d.date()
    if isinstance(d, dt.date):
        return d
    raise QueryError(f"found {d!r}; allowed: a date or date-time")


def _citations(comp: Any) -> tuple[Citation, ...]:
    raw = comp.get(_X + "CITATION")
    if raw is None:
        return ()
    values = raw if isinstance(raw, list) else [raw]
    out = []
    for v in values:
        try:
            data = json.loads(str(v))
            out.append(Citation(**data))
        except (ValueError, TypeError) as e:
            raise QueryError(f"{_X}CITATION: cannot read {str(v)[:60]!r} ({e})") from None
    return tuple(out)


def _ids(comp: Any, key: str) -> tuple[str, ...]:
    text = _text(comp, key, "[]")
    try:
        values = json.loads(text)
    except ValueError:
        raise QueryError(f"{_X + key}: found {text[:60]!r}; allowed: a JSON array") from None
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise QueryError(f"{_X + key}: found {text[:60]!r}; allowed: a JSON array of strings")
    return tuple(unicodedata.normalize("NFC", v) for v in values)


def _int(comp: Any, key: str) -> int:
    text = _text(comp, key, "1")
    try:
        return int(text)
    except ValueError:
        raise QueryError(f"{_X + key}: found {text!r}; allowed: an integer") from None


def _occurrence(comp: Any) -> Occurrence:
    opens: dt.date = _date(comp, "OPENS") or _date_of(comp["dtstart"])
    closes: dt.date | None = _date(comp, "CLOSES")
    if closes is None:
        if comp.name == "VEVENT":
            closes = _date_of(comp["dtend"]) - dt.timedelta(days=1)
        elif comp.get("due") is not None:
            closes = _date_of(comp["due"])
        else:
            raise QueryError(f"{comp.name} {comp.get('uid', '?')}: no closing date")
    cadence_text = _text(comp, "CADENCE")
    try:
        cadence = Period(cadence_text)
    except ValueError:
        allowed = ", ".join(repr(p.value) for p in Period)
        raise QueryError(f"{_X}CADENCE: found {cadence_text!r}; allowed: {allowed}") from None
    return Occurrence(
        regulation=_text(comp, "REGULATION"),
        body=_text(comp, "BODY"),
        kind=_text(comp, "KIND"),
        opens=pendulum.Date(opens.year, opens.month, opens.day),
        closes=pendulum.Date(closes.year, closes.month, closes.day),
        citations=_citations(comp),
        rule=_text(comp, "RULE"),
        cadence=cadence,
        sequence=_int(comp, "SEQUENCE"),
        times=_int(comp, "TIMES"),
        period=_text(comp, "PERIOD"),
        title=unicodedata.normalize("NFC", str(comp.get("summary", ""))),
        status=_text(comp, "STATUS"),
        recipients=_ids(comp, "RECIPIENTS"),
        through=_ids(comp, "THROUGH"),
        subject=_text(comp, "SUBJECT", ""),
        data_period_end=_date(comp, "DATA-PERIOD-END"),
        due=_date(comp, "DUE"),
        shifted_from=_date(comp, "SHIFTED-FROM"),
        condition=_text(comp, "CONDITION", ""),
        note=_text(comp, "NOTE", ""),
    )


def from_ics(data: bytes | str) -> tuple[Occurrence, ...]:
    """Read back the occurrences of a calendar written by :func:`to_ics`, in file order.

    Components without ``X-STEERING-REGULATION`` (events a user added by hand)
    are skipped.

    Raises:
        QueryError: The data is not iCalendar, or a steering component lacks
            or garbles one of its properties.

    """
    try:
        cal = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as e:
        raise QueryError(f"not an iCalendar file: {e}") from None
    out: list[Occurrence] = []
    for comp in cal.walk():
        if comp.name in {"VEVENT", "VTODO"} and comp.get(_X + "REGULATION") is not None:
            out.append(_occurrence(comp))
    return tuple(out)
