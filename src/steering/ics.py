r"""iCalendar (RFC 5545) export of calendars, with the `icalendar` package.

`to_ics` writes a calendar a secretary can import into any calendar
application (several import only ``VEVENT``s):

- a **meeting window** ("họp định kỳ mỗi quý một lần") is an all-day
  ``VEVENT`` on the window's **last day** (``closes``): the day by which the
  meeting must have been held. The whole window ("trong khoảng 01/01/2026 -
  31/03/2026") is in the description, and the entry is
  ``TRANSP:TRANSPARENT``, so a quarter's window neither paints three months
  of a diary nor blocks a day;
- a **report deadline** is, by default (``deadlines="event"``), an all-day
  ``VEVENT`` on its due day with a ``VALARM`` reminder the day before
  (``REMINDER``); with ``deadlines="todo"`` it is a ``VTODO`` whose
  ``DTSTART`` is the start of its data period and ``DUE`` the end of its due
  day (23:59:59), both in ``Asia/Ho_Chi_Minh`` (Bộ luật Dân sự 2015, Điều
  148: a time limit ends at the end of its last day). A report whose
  regulation states no deadline gets no due date and no reminder: the library
  does not invent one. As an event it sits on its data period's last day,
  and its summary and description say that no deadline is stated.

Descriptions are Vietnamese: the authors' English reading notes of a rule stay
in ``X-STEERING-NOTE`` (for `from_ics`) and are not written into the
description; the Vietnamese notes on what happened after the text (a
reorganisation, a replacing decision) are.

Each component's ``UID`` is [`uid`][steering.schedule.Occurrence.uid] (a hash
of regulation, body, kind, rule and period), so re-importing an updated
calendar updates the same entries. Text stays Vietnamese, in UTF-8, NFC.
Every field of the occurrence is also written, as JSON, in ``X-STEERING-*``
properties, so [`from_ics`][steering.ics.from_ics] reads the file back to the very same
occurrences; the ``X-STEERING-*`` values are authoritative when reading back.

Names come from a regulation file, that is from a stranger. Every text value
(``SUMMARY``, ``DESCRIPTION``, ``X-WR-CALNAME``) goes through icalendar's
``vText``, which escapes backslashes, commas, semicolons and line breaks (a
lone CR included) as RFC 5545 section 3.3.11 asks, so a name cannot end its
line and start a property or a component of its own; other controls (ESC,
NUL, C1, bidirectional overrides) are written as their visible escape
(``\x1b``), as RFC 5545 allows no controls but tab in text. The
``X-STEERING-*`` values are JSON on one line: JSON escapes quotes, backslashes
and C0 controls, and the remaining controls (DEL, C1, U+2028, bidirectional)
are written as ``\u`` escapes; they are not TEXT-escaped because icalendar's
unescaping is not the exact inverse of its escaping for backslashes, which
JSON needs. [`from_ics`][steering.ics.from_ics] reads a stranger's file too: each value is
bounded in size and JSON nesting, and an occurrence that closes before it
opens is refused.

Nothing here reads the clock: ``DTSTAMP`` is the ``stamp`` argument, or, when
none is given, midnight UTC of the occurrence's ``opens`` date, so the same
calendar always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import icalendar
import pendulum

from steering._escape import json_text, text_value
from steering._json import jsonable
from steering.errors import ArgumentTypeError, QueryError
from steering.loader import MAX_BYTES
from steering.regulation import Regulation
from steering.rules import Citation, MeetingKind, Period
from steering.schedule import Occurrence, OccurrenceKind, OccurrenceStatus, with_local_days
from steering.text import word
from steering.workdays import VIETNAM

__all__ = [
    "DEADLINE_FORMS",
    "MAX_JSON_DEPTH",
    "MAX_VALUE_CHARS",
    "PRODID",
    "REMINDER",
    "TIMEZONE",
    "from_ics",
    "to_ics",
]

#: The time zone every date-time of the export is written in.
TIMEZONE = "Asia/Ho_Chi_Minh"
#: The ``PRODID`` of exported calendars.
PRODID = "-//steering//Lịch Ban Chỉ đạo//VI"

_TZ = ZoneInfo(TIMEZONE)
_X = "X-STEERING-"
#: The occurrence's fields written as ``X-STEERING-<NAME>`` (upper case, "-" for "_"), in
#: this order, each as the one JSON converter (`steering._json`) writes it.
_EXTRAS = (
    "regulation", "body", "kind", "rule", "cadence", "sequence", "times", "period", "title",
    "status", "opens", "closes", "recipients", "through", "subject", "condition", "note",
    "participants", "data_period_end", "due", "shifted_from", "citations",
)
_END_OF_DAY = dt.time(23, 59, 59)
#: When a deadline's reminder fires: the day before, at the start of the all-day event's day.
REMINDER = dt.timedelta(days=-1)
#: The forms a report deadline may take (`to_ics`'s ``deadlines``).
DEADLINE_FORMS = ("event", "todo")
# A note's Vietnamese part: what happened after the text (steering.world), "Từ dd/mm/yyyy, ...".
_AFTER_TEXT = re.compile(r"(?:^|(?<=\. ))(Từ \d{2}/\d{2}/\d{4}, .*)$", re.DOTALL)
MAX_JSON_DEPTH = 4
"""The deepest JSON an ``X-STEERING-*`` value may hold (citations: a list of objects)."""
MAX_VALUE_CHARS = MAX_BYTES
"""The longest ``X-STEERING-*`` value [`from_ics`][steering.ics.from_ics] reads, in characters."""


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
            lines.append("Hạn nộp: Quy chế không quy định (mục này đặt vào ngày cuối kỳ số liệu).")
        elif occ.shifted_from is not None:
            days = with_local_days(reg) if reg is not None else VIETNAM
            reason = days.day_off_reason(occ.shifted_from) or "ngày nghỉ"
            lines.append(
                f"Hạn nộp: {_d(occ.due)} (ngày {_d(occ.shifted_from)} là ngày nghỉ: {reason})"
            )
        else:
            lines.append(f"Hạn nộp: {_d(occ.due)}")
    else:
        lines.append(f"Thời gian họp: trong khoảng {_d(occ.opens)} - {_d(occ.closes)} "
                     "(mục lịch đặt vào ngày cuối của khoảng)")
        if occ.condition:
            lines.append(f"Điều kiện: {occ.condition}")
        if occ.participants:
            lines.append(f"Thành phần: {occ.participants}")
    for c in occ.citations:
        lines.append(f"Căn cứ: {c.label()}: “{c.quote}”")
    after = _AFTER_TEXT.search(occ.note) if occ.note else None
    if after is not None:
        lines.append(f"Ghi chú: {after.group(1)}")
    return "\n".join(lines)


def _category(kind: str) -> str:
    """The category a calendar app shows: the kind in the regulation's words ("báo cáo")."""
    if kind == "report":
        return "báo cáo"
    for meeting in MeetingKind:
        if kind == f"{meeting.value}_meeting":
            return word(meeting, "vi")
    return kind


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _stamp(occ: Occurrence, stamp: dt.datetime | None) -> dt.datetime:
    if stamp is not None:
        return stamp.astimezone(dt.UTC)
    return dt.datetime(occ.opens.year, occ.opens.month, occ.opens.day, tzinfo=dt.UTC)


def _summary(occ: Occurrence) -> str:
    if occ.kind == "report" and occ.due is None:
        return f"{occ.title} (quy chế không quy định hạn nộp)"
    return occ.title


def _reminder(occ: Occurrence) -> Any:
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", REMINDER)
    alarm.add("description", icalendar.vText(text_value(f"Hạn nộp ngày mai: {occ.title}")))
    return alarm


def _component(
    occ: Occurrence, reg: Regulation | None, stamp: dt.datetime | None, deadlines: str,
) -> Any:
    opens = dt.date(occ.opens.year, occ.opens.month, occ.opens.day)
    closes = dt.date(occ.closes.year, occ.closes.month, occ.closes.day)
    comp: Any
    if occ.kind == "report" and deadlines == "todo":
        comp = icalendar.Todo()
        comp.add("dtstart", dt.datetime.combine(opens, dt.time(0, 0), tzinfo=_TZ))
        if occ.due is not None:
            comp.add("due", dt.datetime.combine(closes, _END_OF_DAY, tzinfo=_TZ))
        comp.add("status", "NEEDS-ACTION")
    else:
        # One all-day event on the day that matters: the due day of a report, the
        # data period's last day of a report with no deadline, a window's last day.
        comp = icalendar.Event()
        comp.add("dtstart", closes)
        comp.add("dtend", closes + dt.timedelta(days=1))
        comp.add("transp", "TRANSPARENT")
        if occ.kind == "report" and occ.due is not None:
            comp.add_component(_reminder(occ))
    comp.add("uid", occ.uid)
    comp.add("dtstamp", _stamp(occ, stamp))
    comp.add("summary", icalendar.vText(text_value(_summary(occ))))
    comp.add("description", icalendar.vText(text_value(_description(occ, reg))))
    comp.add("categories", [_category(occ.kind)])
    # icalendar writes X- properties raw (no TEXT escaping), so each value is
    # JSON on one line (json_text escapes what json.dumps leaves raw: DEL, C1,
    # U+2028/U+2029, bidi controls): no name can end the line, and the value
    # reads back exactly.
    data = jsonable(occ)
    fields = {name.upper().replace("_", "-"): data[name] for name in _EXTRAS}
    for key, value in fields.items():
        comp.add(_X + key, json_text(json.dumps(value, ensure_ascii=False)))
    return comp


def to_ics(
    occurrences: Iterable[Occurrence],
    *,
    name: str = "",
    regulation: Regulation | None = None,
    stamp: dt.datetime | None = None,
    deadlines: str = "event",
) -> bytes:
    """Write occurrences as an iCalendar file (UTF-8 bytes), in the order given.

    Meeting windows are all-day events on their last day; report deadlines are
    all-day events with a reminder (or, with ``deadlines="todo"``, to-dos);
    see the module notes.

    Args:
        occurrences: Occurrences, e.g. ``reg.calendar(start, end)``.
        name: The calendar's display name (``X-WR-CALNAME``); by default the
            committee's name when ``regulation`` is given, else "Lịch Ban Chỉ đạo".
        regulation: The regulation, to name posts and bodies in descriptions
            in the regulation's own words (ids are used without it).
        stamp: An aware date-time for every ``DTSTAMP`` (see the module notes).
        deadlines: ``"event"`` (the default: an all-day ``VEVENT`` with a
            ``VALARM``, which every calendar application imports) or
            ``"todo"`` (a ``VTODO``, for task lists).

    Raises:
        QueryError: An item is not an `Occurrence`, ``stamp`` is naive, or
            ``deadlines`` is neither ``"event"`` nor ``"todo"``.

    """
    if stamp is not None and not isinstance(stamp, dt.datetime):
        raise ArgumentTypeError(f"stamp: found {type(stamp).__name__}; allowed: an aware "
                                "datetime or None")
    if not isinstance(deadlines, str) or deadlines not in DEADLINE_FORMS:
        raise QueryError(
            f"deadlines: found {deadlines!r}; allowed: {', '.join(map(repr, DEADLINE_FORMS))}"
        )
    if stamp is not None and (stamp.tzinfo is None or stamp.utcoffset() is None):
        raise QueryError(f"stamp must be an aware datetime; found naive {stamp!r}")
    if not isinstance(name, str):
        raise ArgumentTypeError(f"name: found {type(name).__name__}; allowed: a string")
    if regulation is not None and not isinstance(regulation, Regulation):
        raise ArgumentTypeError(f"regulation: found {type(regulation).__name__}; allowed: a "
                                "Regulation or None")
    if isinstance(occurrences, str | bytes) or not isinstance(occurrences, Iterable):
        raise ArgumentTypeError(f"occurrences: found {type(occurrences).__name__}; allowed: an "
                                "iterable of Occurrence (reg.calendar(...))")
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
    kind = regulation.committee.kind.word("vi") if regulation is not None else "Ban Chỉ đạo"
    title = name or (regulation.committee.name if regulation is not None else "") or f"Lịch {kind}"
    # X-WR-CALNAME is TEXT, but icalendar only knows its type when told.
    cal.add("x-wr-calname", icalendar.vText(text_value(title)))
    cal.add("x-wr-timezone", TIMEZONE)
    for occ in items:
        cal.add_component(_component(occ, regulation, stamp, deadlines))
    reports = [o for o in items if o.kind == "report"] if deadlines == "todo" else []
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


def _json_depth(text: str) -> int:
    """How deeply arrays and objects nest in JSON ``text`` (one linear pass, strings skipped)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _get(comp: Any, key: str) -> Any:
    raw = comp.get(_X + key)
    where = f"{comp.name} {text_value(str(comp.get('uid', '?')))[:80]!r}: {_X + key}"
    if raw is None:
        raise QueryError(f"{where}: missing")
    if isinstance(raw, list):
        raise QueryError(f"{where}: appears more than once")
    text = str(raw)
    if len(text) > MAX_VALUE_CHARS:
        raise QueryError(
            f"{where}: found {len(text)} characters; allowed: at most {MAX_VALUE_CHARS}"
        )
    if _json_depth(text) > MAX_JSON_DEPTH:
        raise QueryError(
            f"{where}: found JSON nested deeper than {MAX_JSON_DEPTH} levels; "
            f"allowed: at most {MAX_JSON_DEPTH}"
        )
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise QueryError(f"{where}: found {text[:60]!r}; allowed: a JSON value") from None


def _str(comp: Any, key: str) -> str:
    value = _get(comp, key)
    if not isinstance(value, str):
        raise QueryError(f"{_X + key}: found {value!r}; allowed: a string")
    return unicodedata.normalize("NFC", value)


_E = TypeVar("_E", OccurrenceKind, OccurrenceStatus)


def _member(comp: Any, key: str, cls: type[_E]) -> _E:
    value = _str(comp, key)
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in cls)
        raise QueryError(f"{_X + key}: found {value!r}; allowed: {allowed}") from None


def _strs(comp: Any, key: str) -> tuple[str, ...]:
    value = _get(comp, key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise QueryError(f"{_X + key}: found {value!r}; allowed: an array of strings")
    return tuple(unicodedata.normalize("NFC", v) for v in value)


def _int(comp: Any, key: str) -> int:
    value = _get(comp, key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise QueryError(f"{_X + key}: found {value!r}; allowed: an integer")
    return value


def _date(comp: Any, key: str) -> pendulum.Date | None:
    value = _get(comp, key)
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise QueryError(f"{_X + key}: found {value!r}; allowed: a date YYYY-MM-DD") from None
    return pendulum.Date(day.year, day.month, day.day)


def _required_date(comp: Any, key: str) -> pendulum.Date:
    day = _date(comp, key)
    if day is None:
        raise QueryError(f"{_X + key}: found null; allowed: a date YYYY-MM-DD")
    return day


def _citations(comp: Any) -> tuple[Citation, ...]:
    value = _get(comp, "CITATIONS")
    if not isinstance(value, list):
        raise QueryError(f"{_X}CITATIONS: found {value!r}; allowed: an array")
    out = []
    for item in value:
        if not isinstance(item, dict):
            raise QueryError(f"{_X}CITATIONS: found {item!r:.80}; allowed: an object")
        try:
            out.append(Citation(**item))
        except (TypeError, ValueError) as e:
            raise QueryError(f"{_X}CITATIONS: cannot read {item!r} ({e})") from None
    return tuple(out)


def _occurrence(comp: Any) -> Occurrence:
    cadence_text = _str(comp, "CADENCE")
    try:
        cadence = Period(cadence_text)
    except ValueError:
        allowed = ", ".join(repr(p.value) for p in Period)
        raise QueryError(f"{_X}CADENCE: found {cadence_text!r}; allowed: {allowed}") from None
    opens = _required_date(comp, "OPENS")
    closes = _required_date(comp, "CLOSES")
    if closes < opens:
        raise QueryError(
            f"{_X}CLOSES: found {closes.isoformat()}, before {_X}OPENS {opens.isoformat()}; "
            "allowed: a day on or after it"
        )
    return Occurrence(
        regulation=_str(comp, "REGULATION"),
        body=_str(comp, "BODY"),
        kind=_member(comp, "KIND", OccurrenceKind),
        opens=opens,
        closes=closes,
        citations=_citations(comp),
        rule=_str(comp, "RULE"),
        cadence=cadence,
        sequence=_int(comp, "SEQUENCE"),
        times=_int(comp, "TIMES"),
        period=_str(comp, "PERIOD"),
        title=_str(comp, "TITLE"),
        status=_member(comp, "STATUS", OccurrenceStatus),
        recipients=_strs(comp, "RECIPIENTS"),
        through=_strs(comp, "THROUGH"),
        subject=_str(comp, "SUBJECT"),
        data_period_end=_date(comp, "DATA-PERIOD-END"),
        due=_date(comp, "DUE"),
        shifted_from=_date(comp, "SHIFTED-FROM"),
        condition=_str(comp, "CONDITION"),
        note=_str(comp, "NOTE"),
        participants=_str(comp, "PARTICIPANTS"),
    )


def from_ics(data: bytes | str) -> tuple[Occurrence, ...]:
    """Read back the occurrences of a calendar written by `to_ics`, in file order.

    Components without ``X-STEERING-REGULATION`` (events a user added by hand)
    are skipped.

    Raises:
        QueryError: The data is not iCalendar, or a steering component lacks
            or garbles one of its properties (a value longer than
            [`MAX_VALUE_CHARS`][steering.ics.MAX_VALUE_CHARS], JSON nested deeper than
            [`MAX_JSON_DEPTH`][steering.ics.MAX_JSON_DEPTH], an occurrence that closes before it
            opens).

    """
    if not isinstance(data, bytes | str):
        raise QueryError(f"found {type(data).__name__}; allowed: iCalendar bytes or str")
    try:
        cal = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError, TypeError, AttributeError, RecursionError) as e:
        # icalendar's parser raises these on malformed input; none is ours.
        message = text_value(" ".join(str(e).split()))[:200]
        raise QueryError(f"not an iCalendar file: {type(e).__name__}: {message}") from None
    out: list[Occurrence] = []
    for comp in cal.walk():
        if comp.name in {"VEVENT", "VTODO"} and comp.get(_X + "REGULATION") is not None:
            out.append(_occurrence(comp))
    return tuple(out)
