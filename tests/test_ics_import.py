"""Calendars that import (issue #17, item 3).

Every preset's 2026 calendar, in both deadline forms, is

- parsed by an independent iCalendar library (`ical`, which validates the
  components it reads with RFC 5545's rules: a DISPLAY alarm needs a
  DESCRIPTION, value types must match ...),
- checked against the RFC 5545 rules for the components this library writes
  (`rfc5545_problems` below, which `ical` does not enforce: UID, DTEND after
  DTSTART, one value type per event, lines of at most 75 octets ...), and
- imported back with `icalendar` to the very same occurrences.

Deadlines are all-day VEVENTs by default, and UIDs are stable: the same
entry exported from another range keeps its UID, so a re-import updates.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import pytest

import steering
from steering.ics import from_ics, to_ics

ical_stream = pytest.importorskip("ical.calendar_stream", reason="'ical' not installed")
ical_exceptions = pytest.importorskip("ical.exceptions")

D = dt.date
FORMS = ("event", "todo")


def _year(preset: str) -> tuple[Any, Any]:
    reg = steering.presets.load(preset)
    return reg, reg.calendar(D(2026, 1, 1), D(2026, 12, 31))


def _one(comp: Any, name: str, problems: list[str], where: str) -> Any:
    value = comp.get(name)
    if value is None or isinstance(value, list):
        problems.append(f"{where}: {name.upper()} must occur exactly once (RFC 5545 3.6.1)")
        return None
    return value


def _component_problems(comp: Any, where: str) -> list[str]:
    problems: list[str] = []
    _one(comp, "uid", problems, where)
    stamp = _one(comp, "dtstamp", problems, where)
    if stamp is not None and (not isinstance(stamp.dt, dt.datetime)
                              or stamp.dt.utcoffset() != dt.timedelta(0)):
        problems.append(f"{where}: DTSTAMP must be a UTC date-time (3.8.7.2)")
    start = _one(comp, "dtstart", problems, where)
    end_name = "dtend" if comp.name == "VEVENT" else "due"
    end = comp.get(end_name)
    if end is not None and comp.get("duration") is not None:
        problems.append(f"{where}: {end_name.upper()} and DURATION both given (3.6.1, 3.6.2)")
    if start is not None and end is not None:
        if isinstance(start.dt, dt.datetime) != isinstance(end.dt, dt.datetime):
            problems.append(f"{where}: DTSTART and {end_name.upper()} differ in value type")
        elif comp.name == "VEVENT" and not end.dt > start.dt:
            problems.append(f"{where}: DTEND must be after DTSTART (3.8.2.2)")
        elif comp.name == "VTODO" and end.dt < start.dt:
            problems.append(f"{where}: DUE must not be before DTSTART (3.8.2.3)")
    for alarm in comp.walk("VALARM"):
        if alarm.get("action") is None or alarm.get("trigger") is None:
            problems.append(f"{where}: VALARM needs ACTION and TRIGGER (3.6.6)")
        if str(alarm.get("action")) == "DISPLAY" and alarm.get("description") is None:
            problems.append(f"{where}: a DISPLAY alarm needs DESCRIPTION (3.6.6)")
    return problems


def rfc5545_problems(data: bytes) -> list[str]:
    """What breaks RFC 5545 in ``data``, for the components `to_ics` writes."""
    problems: list[str] = []
    if not data.endswith(b"\r\n") or b"\n" in data.replace(b"\r\n", b""):
        problems.append("lines must end in CRLF (3.1)")
    problems += [f"line {i + 1} is longer than 75 octets (3.1)"
                 for i, line in enumerate(data.split(b"\r\n")) if len(line) > 75]
    cal = icalendar.Calendar.from_ical(data)
    if str(cal.get("version")) != "2.0" or cal.get("prodid") is None:
        problems.append("VCALENDAR needs VERSION:2.0 and PRODID (3.6)")
    uids: set[str] = set()
    for comp in cal.walk():
        if comp.name not in {"VEVENT", "VTODO"}:
            continue
        where = f"{comp.name} {comp.get('uid')}"
        problems += _component_problems(comp, where)
        if str(comp.get("uid")) in uids:
            problems.append(f"{where}: UID not unique (3.8.4.7)")
        uids.add(str(comp.get("uid")))
    return problems


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("preset", steering.presets.names())
def test_every_preset_2026_calendar_is_valid_and_imports_back(preset: str, form: str) -> None:
    reg, occs = _year(preset)
    data = to_ics(occs, regulation=reg, deadlines=form)
    assert rfc5545_problems(data) == []
    cal = ical_stream.IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    reports = [o for o in occs if o.kind == "report"]
    if form == "event":
        # Every deadline is an all-day VEVENT; nothing needs VTODO support.
        assert len(cal.events) == len(occs)
        assert not cal.todos
        events = {e.uid: e for e in cal.events}
        for o in reports:
            assert isinstance(events[o.uid].dtstart, dt.date)
            assert not isinstance(events[o.uid].dtstart, dt.datetime)
            assert bool(events[o.uid].alarm) == (o.due is not None)
    else:
        assert len(cal.todos) == len(reports)
    assert from_ics(data) == occs
    # Vietnamese entries: the authors' English reading notes are not in the descriptions.
    text = data.decode("utf-8").replace("\r\n ", "")
    for phrase in ("is not taken", "The regulation states no deadline", "Calendar reading"):
        assert f"DESCRIPTION:{phrase}" not in text
        assert all(phrase not in str(c.get("description"))
                   for c in icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_the_conformance_checks_find_broken_files() -> None:
    """The checks can fail: a VEVENT ending before it starts, or without a UID, is found."""
    reg, occs = _year("dak-nong-2021")
    good = to_ics(occs[:1], regulation=reg)
    assert rfc5545_problems(good) == []
    cal = icalendar.Calendar.from_ical(good)
    (event,) = cal.walk("VEVENT")
    event["dtend"] = icalendar.vDDDTypes(D(2020, 1, 1))
    del event["uid"]
    problems = rfc5545_problems(cal.to_ical())
    assert any("DTEND must be after DTSTART" in p for p in problems)
    assert any("UID must occur exactly once" in p for p in problems)
    with pytest.raises(ical_exceptions.CalendarParseError):
        # A DISPLAY alarm with no DESCRIPTION: the independent parser refuses it.
        ical_stream.IcsCalendarStream.calendar_from_ics(
            good.decode().replace("END:VEVENT", "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1D\r\n"
                           "END:VALARM\r\nEND:VEVENT"))


def test_uids_are_stable_across_ranges() -> None:
    """Re-exporting the same entry from another range gives the same UID: an import updates."""
    reg = steering.presets.load("vung-tau-2024")
    def key(o: Any) -> tuple[str, ...]:
        return (o.rule, o.body, o.kind, o.period, str(o.sequence))

    year = reg.calendar(D(2026, 1, 1), D(2026, 12, 31))
    whole = {key(o): o.uid for o in year}
    assert len(whole) == len(year)
    half = reg.calendar(D(2026, 1, 1), D(2026, 6, 30))
    assert half
    for o in half:
        assert whole[key(o)] == o.uid
    a = to_ics(half, regulation=reg)
    assert a == to_ics(reg.calendar(D(2026, 1, 1), D(2026, 6, 30)), regulation=reg)
