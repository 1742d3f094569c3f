"""iCalendar export: it parses back, with `icalendar`, to the very same occurrences."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import steering
import strategies
from steering.errors import QueryError
from steering.ics import PRODID, TIMEZONE, from_ics, to_ics
from steering.regulation import Regulation
from steering.schedule import Occurrence, OccurrenceKind

D = dt.date
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def year(preset: str, y: int) -> tuple[Regulation, tuple[Occurrence, ...]]:
    reg = steering.presets.load(preset)
    return reg, reg.calendar(D(y, 1, 1), D(y, 12, 31))


def components(data: bytes) -> list[Any]:
    cal = icalendar.Calendar.from_ical(data)
    return [c for c in cal.walk() if c.name in {"VEVENT", "VTODO"}]


@pytest.mark.parametrize("preset", steering.presets.names())
def test_each_preset_year_round_trips(preset: str) -> None:
    reg, occs = year(preset, 2026)
    assert occs
    assert from_ics(to_ics(occs, regulation=reg)) == occs
    assert from_ics(to_ics(occs)) == occs, "names in descriptions do not matter"


# Writing iCalendar is slow (icalendar builds every property); fewer examples suffice.
@settings(max_examples=min(settings().max_examples, 40))
@given(strategies.regulations(), st.integers(2020, 2035))
def test_generated_calendars_round_trip(reg: Regulation, y: int) -> None:
    occs = reg.calendar(D(y, 1, 1), D(y, 12, 31))
    data = to_ics(occs, regulation=reg)
    assert from_ics(data) == occs
    assert len(components(data)) == len(occs)


def test_meeting_windows_are_all_day_events_on_their_last_day() -> None:
    """Điều 11 khoản 1 (Đắk Nông): the Q1 2026 window is 01/01-31/03; the entry is one all-day
    VEVENT on 31/03 (the day the meeting must have been held by), the window in the
    description, so the import does not paint three months of a calendar (issue #17)."""
    reg, occs = year("dak-nong-2021", 2026)
    data = to_ics(occs, regulation=reg)
    comps = {c["uid"]: c for c in components(data)}
    meeting = next(o for o in occs if o.kind == "regular_meeting" and o.body == "committee")
    event = comps[meeting.uid]
    assert event.name == "VEVENT"
    assert event["dtstart"].dt == D(2026, 3, 31)
    assert not isinstance(event["dtstart"].dt, dt.datetime)
    assert event["dtend"].dt == D(2026, 4, 1)
    assert "trong khoảng 01/01/2026 - 31/03/2026" in str(event["description"])
    assert not event.walk("VALARM")
    assert str(event["transp"]) == "TRANSPARENT"
    assert str(event["summary"]) == meeting.title
    assert "Ban Chỉ đạo chuyển đổi số tỉnh Đắk Nông họp định kỳ quý I/2026" in str(event["summary"])
    assert "Điều 11 khoản 1" in str(event["description"])


def test_deadlines_are_all_day_events_with_a_reminder_by_default() -> None:
    """Vũng Tàu Điều 11 khoản 2: the February 2026 report, moved off Tết to 23/02/2026, is an
    all-day VEVENT on 23/02 with a display alarm the day before; no VTODO by default."""
    reg, occs = year("vung-tau-2024", 2026)
    data = to_ics(occs, regulation=reg)
    assert not icalendar.Calendar.from_ical(data).walk("VTODO")
    feb = next(o for o in occs if o.body == "member" and o.period == "2026-02")
    event = {c["uid"]: c for c in components(data)}[feb.uid]
    assert event.name == "VEVENT"
    assert event["dtstart"].dt == D(2026, 2, 23)
    assert event["dtend"].dt == D(2026, 2, 24)
    (alarm,) = event.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm["trigger"].dt == dt.timedelta(days=-1)
    assert "Hạn nộp: 23/02/2026 (ngày 14/02/2026 là ngày nghỉ: Thứ Bảy)" in str(
        event["description"])
    assert from_ics(data) == occs


def test_a_bad_deadline_form_is_refused() -> None:
    reg, occs = year("vung-tau-2024", 2026)
    with pytest.raises(QueryError, match="deadlines: found 'task'; allowed: 'event', 'todo'"):
        to_ics(occs, regulation=reg, deadlines="task")


def test_reports_are_todos_on_request_due_at_the_end_of_the_day_in_ho_chi_minh_city() -> None:
    """Vũng Tàu Điều 11 khoản 2: the February 2026 report, moved off Tết to 23/02/2026."""
    reg, occs = year("vung-tau-2024", 2026)
    data = to_ics(occs, regulation=reg, deadlines="todo")
    assert from_ics(data) == occs
    comps = {c["uid"]: c for c in components(data)}
    feb = next(o for o in occs if o.body == "member" and o.period == "2026-02")
    todo = comps[feb.uid]
    assert todo.name == "VTODO"
    due = todo["due"].dt
    assert due == dt.datetime(2026, 2, 23, 23, 59, 59, tzinfo=HCM)
    assert str(due.tzinfo) == TIMEZONE
    assert todo["dtstart"].dt == dt.datetime(2026, 1, 15, 0, 0, tzinfo=HCM)
    description = str(todo["description"])
    assert "Hạn nộp: 23/02/2026 (ngày 14/02/2026 là ngày nghỉ: Thứ Bảy)" in description
    assert "Thông qua: Cơ quan thường trực" in description
    cal = icalendar.Calendar.from_ical(data)
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == [TIMEZONE]
    assert str(cal["x-wr-timezone"]) == TIMEZONE
    assert str(cal["prodid"]) == PRODID


def test_a_report_without_a_deadline_has_no_due() -> None:
    """Đắk Nông Điều 10 khoản 6 states no deadline: the to-do has no DUE and says so; the
    event sits on the data period's last day with no reminder, and its summary says so."""
    reg, occs = year("dak-nong-2021", 2026)
    report = next(o for o in occs if o.kind == "report")
    assert report.due is None
    todo = {c["uid"]: c for c in components(to_ics(occs, regulation=reg, deadlines="todo"))}[
        report.uid]
    assert "due" not in todo
    assert "Hạn nộp: Quy chế không quy định" in str(todo["description"])
    event = {c["uid"]: c for c in components(to_ics(occs, regulation=reg))}[report.uid]
    assert event.name == "VEVENT"
    assert event["dtstart"].dt == report.closes
    assert not event.walk("VALARM")
    assert str(event["summary"]).endswith("(quy chế không quy định hạn nộp)")


def test_vietnamese_text_survives_byte_for_byte() -> None:
    reg, occs = year("tung-chau-2023", 2026)
    data = to_ics(occs, regulation=reg)
    text = data.decode("utf-8").replace("\r\n ", "")  # unfold RFC 5545 lines
    assert unicodedata.is_normalized("NFC", text)
    assert "Ban Chỉ đạo chuyển đổi số xã Tùng Châu họp định kỳ 6 tháng đầu năm 2026" in text
    assert "căn cứ tình hình thực tế" in text
    summaries = [str(c["summary"]) for c in components(data)]
    assert len(summaries) == len(occs)
    for summary, o in zip(summaries, occs, strict=True):
        assert summary.startswith(o.title)


def test_uids_are_the_occurrence_uids_and_output_is_deterministic() -> None:
    reg, occs = year("vung-tau-2024", 2025)
    data = to_ics(occs, regulation=reg)
    assert [str(c["uid"]) for c in components(data)] == [o.uid for o in occs]
    assert len({o.uid for o in occs}) == len(occs)
    assert to_ics(occs, regulation=reg) == data
    assert b"DTSTAMP:20241215T000000Z" in data, "default stamp: midnight UTC of opens"


def test_a_stamp_can_be_given() -> None:
    reg, occs = year("dak-nong-2021", 2025)
    stamp = dt.datetime(2025, 1, 2, 8, 30, tzinfo=HCM)
    data = to_ics(occs, regulation=reg, stamp=stamp, name="Lịch BCĐ")
    assert {c["dtstamp"].dt for c in components(data)} == {
        dt.datetime(2025, 1, 2, 1, 30, tzinfo=dt.UTC)
    }
    assert str(icalendar.Calendar.from_ical(data)["x-wr-calname"]) == "Lịch BCĐ"


def test_an_empty_calendar_is_valid() -> None:
    data = to_ics(())
    assert from_ics(data) == ()
    assert str(icalendar.Calendar.from_ical(data)["x-wr-calname"]) == "Lịch Ban Chỉ đạo"


def test_events_added_by_hand_are_skipped() -> None:
    reg, occs = year("dak-nong-2021", 2025)
    cal = icalendar.Calendar.from_ical(to_ics(occs, regulation=reg))
    own = icalendar.Event()
    own.add("uid", "lunch@example")
    own.add("summary", "Ăn trưa")
    own.add("dtstart", D(2025, 3, 3))
    cal.add_component(own)
    assert from_ics(cal.to_ical()) == occs


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: to_ics(["not an occurrence"]), "Occurrence"),  # type: ignore[list-item]
        (lambda: to_ics((), stamp=dt.datetime(2025, 1, 1)), "aware"),
        (lambda: from_ics(b"this is not a calendar"), "iCalendar"),
        (
            lambda: from_ics(
                b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nX-STEERING-REGULATION:{oops\r\n"
                b"END:VEVENT\r\nEND:VCALENDAR\r\n"
            ),
            "X-STEERING-",
        ),
    ],
)
def test_bad_input_raises_query_error(call: Any, match: str) -> None:
    with pytest.raises(QueryError, match=match):
        call()


def test_a_garbled_steering_property_raises_query_error() -> None:
    reg, occs = year("dak-nong-2021", 2025)
    good = to_ics(occs[:1], regulation=reg)
    data = good.replace(b'X-STEERING-CADENCE:"quarter"', b'X-STEERING-CADENCE:"fortnight"')
    assert data != good
    with pytest.raises(QueryError, match="CADENCE"):
        from_ics(data)


def test_categories_name_the_kind_in_vietnamese() -> None:
    """A calendar app shows CATEGORIES to people: "họp định kỳ" (Đắk Nông Điều 11 khoản 1) and
    "báo cáo" (Điều 10 khoản 6), not the ids ``regular_meeting`` and ``report``."""
    reg, occs = year("dak-nong-2021", 2026)
    comps = {c["uid"]: c for c in components(to_ics(occs, regulation=reg))}
    kinds = {o.kind: comps[o.uid] for o in occs}
    assert kinds[OccurrenceKind.REGULAR_MEETING].categories == ["họp định kỳ"]
    assert kinds[OccurrenceKind.REPORT].categories == ["báo cáo"]
    assert from_ics(to_ics(occs, regulation=reg)) == occs
