"""Local days off and swaps declared in the regulation file (issue #12: "Users can add
local days off or swaps (a province's own decision) in their file").

A ``[[local_days]]`` entry names a day, whether the locality's agencies rest or work on
it, and the instrument that says so. Every calendar and deadline computed for the
regulation then follows it, and a deadline it moves cites it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import steering
from steering.errors import RegulationFileError
from steering.ics import to_ics
from steering.rules import LocalDayKind
from steering.schedule import with_local_days
from steering.workdays import VIETNAM

PRESET = steering.presets.path("vung-tau-2024")
BASE = PRESET.parent
CITE = '{ document = "Quyết định 99/QĐ-UBND", quote = "cho cán bộ, công chức nghỉ làm việc" }'


def with_days(*entries: tuple[str, str, str]) -> steering.Regulation:
    """vung-tau-2024 with local days (date, kind, name) appended to its file."""
    text = PRESET.read_text(encoding="utf-8")
    for day, kind, name in entries:
        text += (f'\n[[local_days]]\ndate = {day}\nkind = "{kind}"\nname = "{name}"\n'
                 f"citation = {CITE}\n")
    return steering.loads(text, base=BASE)


def reports(reg: steering.Regulation) -> list[steering.schedule.Occurrence]:
    occs = reg.calendar(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    return [o for o in occs if o.kind == "report" and o.due is not None]


def test_a_local_day_off_moves_a_deadline_and_is_cited() -> None:
    # vung-tau-2024 Điều 6 khoản 1: monthly reports "trước ngày 15"; January 2026's falls
    # on Wednesday 14/01/2026, a working day nationally.
    plain = reports(steering.presets.load("vung-tau-2024"))
    jan = [o for o in plain if o.due == dt.date(2026, 1, 14)]
    assert jan
    reg = with_days(("2026-01-14", "day_off", "Ngày hội văn hóa tỉnh"))
    assert steering.validate(reg) == ()
    moved = [o for o in reports(reg) if o.shifted_from == dt.date(2026, 1, 14)]
    assert len(moved) == len(jan)
    for o in moved:
        assert o.due == dt.date(2026, 1, 15)
        assert any(c.document == "Quyết định 99/QĐ-UBND" for c in o.citations)
    ics = to_ics(reg.calendar(dt.date(2026, 1, 1), dt.date(2026, 1, 31)), regulation=reg)
    unfolded = ics.decode("utf-8").replace("\r\n ", "")
    assert "Ngày nghỉ (Ngày hội văn hóa tỉnh)" in unfolded


def test_a_local_working_day_is_worked() -> None:
    # A swap: Saturday 07/03/2026 worked by the locality's decision.
    reg = with_days(("2026-03-07", "working_day", "Làm bù"))
    days = with_local_days(reg)
    assert days.is_working_day(dt.date(2026, 3, 7))
    assert not VIETNAM.is_working_day(dt.date(2026, 3, 7))
    assert reg.local_days[0].kind is LocalDayKind.WORKING_DAY


def test_a_day_declared_twice_is_refused_with_its_path() -> None:
    with pytest.raises(RegulationFileError) as err:
        with_days(("2026-01-14", "day_off", "A"), ("2026-01-14", "working_day", "B"))
    assert "local_days[1].date" in str(err.value)
    assert "already declared at local_days[0]" in str(err.value)


def test_a_day_outside_the_covered_years_is_refused() -> None:
    with pytest.raises(RegulationFileError) as err:
        with_days(("2101-01-03", "day_off", "A"))
    assert "local_days[0].date" in str(err.value)
    assert "1901-2100" in str(err.value)


def test_an_unknown_kind_is_refused_with_what_is_allowed() -> None:
    with pytest.raises(RegulationFileError) as err:
        with_days(("2026-01-14", "holiday", "A"))
    assert "local_days" in str(err.value)


@given(st.dates(dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
def test_no_deadline_falls_on_a_declared_day_off(day: dt.date) -> None:
    reg = with_days((day.isoformat(), "day_off", "Ngày nghỉ địa phương"))
    days = with_local_days(reg)
    assert not days.is_working_day(day)
    for o in reports(reg):
        assert o.due is not None
        assert o.due != day
        assert days.is_working_day(o.due)
