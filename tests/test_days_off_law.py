"""Days off as law: pinned 2020-2030, each day cited; the `holidays` package is checked.

Bộ luật Lao động 2019 Điều 112 khoản 1 (2012: Điều 115) names the holidays,
Điều 111 khoản 3 the compensatory days; the yearly civil-service swaps are the
Government's instruments. A `holidays` release that adds or drops a day makes
``test_package_agrees_with_the_cited_list`` fail until
``steering/data/public_holidays.toml`` cites the instrument that explains it.
"""

from __future__ import annotations

import datetime as dt
import warnings

import holidays
import pytest

from steering import days_off_law as law
from steering import workdays
from steering.errors import HolidayDataWarning, QueryError

# Every day off (holidays, compensatory days, swapped days, weekend holidays included)
# of state agencies, year by year, as mm-dd. Each is cited in public_holidays.toml.
PINNED: dict[int, tuple[str, ...]] = {
    2020: (
        "01-01", "01-23", "01-24", "01-25", "01-26", "01-27", "01-28", "01-29", "04-02",
        "04-30", "05-01", "09-02",
    ),
    2021: (
        "01-01", "02-10", "02-11", "02-12", "02-13", "02-14", "02-15", "02-16", "04-21",
        "04-30", "05-01", "05-03", "09-02", "09-03",
    ),
    2022: (
        "01-01", "01-03", "01-31", "02-01", "02-02", "02-03", "02-04", "04-10", "04-11",
        "04-30", "05-01", "05-02", "05-03", "09-01", "09-02",
    ),
    2023: (
        "01-01", "01-02", "01-20", "01-21", "01-22", "01-23", "01-24", "01-25", "01-26",
        "04-29", "04-30", "05-01", "05-02", "05-03", "09-01", "09-02", "09-04",
    ),
    2024: (
        "01-01", "02-08", "02-09", "02-10", "02-11", "02-12", "02-13", "02-14", "04-18",
        "04-29", "04-30", "05-01", "09-02", "09-03",
    ),
    2025: (
        "01-01", "01-27", "01-28", "01-29", "01-30", "01-31", "02-01", "04-07", "04-30",
        "05-01", "05-02", "09-01", "09-02",
    ),
    2026: (
        "01-01", "01-02", "02-16", "02-17", "02-18", "02-19", "02-20", "04-26", "04-27",
        "04-30", "05-01", "08-31", "09-01", "09-02",
    ),
    2027: (
        "01-01", "02-04", "02-05", "02-06", "02-07", "02-08", "02-09", "02-10", "04-16",
        "04-30", "05-01", "05-03", "09-02", "09-03",
    ),
    2028: (
        "01-01", "01-03", "01-24", "01-25", "01-26", "01-27", "01-28", "01-29", "04-04",
        "04-30", "05-01", "05-02", "09-01", "09-02", "09-04",
    ),
    2029: (
        "01-01", "02-12", "02-13", "02-14", "02-15", "02-16", "04-23", "04-30", "05-01",
        "09-02", "09-03", "09-04",
    ),
    2030: (
        "01-01", "01-31", "02-01", "02-02", "02-03", "02-04", "02-05", "02-06", "04-12",
        "04-30", "05-01", "09-02", "09-03",
    ),
}

WORKED: dict[int, tuple[str, ...]] = {
    2024: ("05-04",),  # Công văn 2450/VPCP-KGVX
    2025: ("04-26",),  # Thông báo 6150/TB-BLĐTBXH
    2026: (
        "01-10", "08-22",
    ),  # Công văn 12729/VPCP-KGVX; the 2026 Quốc khánh swap
}


def _dates(year: int, days: tuple[str, ...]) -> set[dt.date]:
    return {dt.date.fromisoformat(f"{year}-{md}") for md in days}


@pytest.mark.parametrize("year", sorted(PINNED))
def test_pinned_days_off(year: int) -> None:
    assert set(workdays.days_off(year)) == _dates(year, PINNED[year])
    assert set(law.cited_days_off(year)) == _dates(year, PINNED[year])


@pytest.mark.parametrize("year", sorted(PINNED))
def test_every_day_is_cited(year: int) -> None:
    for day, cited in law.cited_days_off(year).items():
        b = cited.basis
        assert b.document, day
        if b.document.startswith("Bộ luật Lao động 2019"):
            # Điều 112 khoản 1 (a holiday) or Điều 111 khoản 3 (its compensatory day).
            assert (b.article, b.clause) in {(112, 1), (111, 3)}, day
        elif b.document.startswith("Bộ luật Lao động 2012"):
            assert (b.article, b.clause) == (115, 1), day
            assert year == 2020
        else:
            # A civil-service swap: the instrument names the weekend day worked.
            assert cited.name.startswith("Ngày nghỉ (thay cho ngày "), day
            assert b.worked, day
        if b.point == "đ" and b.document.endswith("2019"):
            assert cited.name == "Quốc khánh"


@pytest.mark.parametrize("year", sorted(PINNED))
def test_worked_weekend_days(year: int) -> None:
    assert law.cited_worked_days(year) == _dates(year, WORKED.get(year, ()))
    for day in law.cited_worked_days(year):
        assert day.weekday() == 5
        assert workdays.is_working_day(day)


@pytest.mark.parametrize("year", sorted(PINNED))
def test_package_agrees_with_the_cited_list(year: int) -> None:
    """Fails when a `holidays` release changes a day the cited list does not explain."""
    package = holidays.country_holidays("VN", years=year, language="vi")
    cited = set(law.cited_days_off(year))
    shipped_swaps = {s.day_off for s in workdays.swaps() if s.day_off.year == year}
    listed = set(package) | shipped_swaps
    explained = set(law.excluded())
    assert listed - explained == cited, "the holidays package changed a day off"
    assert {d for d in getattr(package, "weekend_workdays", ()) if d.year == year} | {
        s.working_day for s in workdays.swaps() if s.working_day.year == year
    } == law.cited_worked_days(year)


def test_no_warning_with_the_tested_package() -> None:
    workdays._year.cache_clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error", HolidayDataWarning)
        for year in range(2019, 2032):
            workdays.days_off(year)


def test_culture_day_is_not_a_day_off_in_law() -> None:
    # Nghị quyết 80-NQ/TW chose 24/11; Nghị quyết 30/NQ-CP only directed an amendment
    # of Điều 112 khoản 1. No enacted amendment found: a working day (Tuesday).
    day = dt.date(2026, 11, 24)
    assert workdays.is_working_day(day)
    assert "Ngày Văn hóa" in law.excluded()[day].name
    assert "30/NQ-CP" in law.excluded()[day].reason
    # Outside the pinned years too (the package keeps listing it).
    assert workdays.is_working_day(dt.date(2031, 11, 24))


def test_a_package_change_warns_and_the_cited_list_wins() -> None:
    off = {d: c.name for d, c in law.cited_days_off(2027).items()}
    off[dt.date(2027, 6, 1)] = "Ngày mới"
    del off[dt.date(2027, 1, 1)]
    with pytest.warns(HolidayDataWarning, match=r"adds 2027-06-01.*drops 2027-01-01"):
        got, _ = law.reconcile(2027, off, frozenset())
    assert dt.date(2027, 6, 1) not in got
    assert got[dt.date(2027, 1, 1)] == "Tết Dương lịch"


def test_an_unknown_name_outside_the_pinned_years_warns() -> None:
    with pytest.warns(HolidayDataWarning, match="Ngày mới"):
        got, _ = law.reconcile(2040, {dt.date(2040, 6, 1): "Ngày mới",
                                      dt.date(2040, 1, 1): "Tết Dương lịch"}, frozenset())
    assert list(got) == [dt.date(2040, 1, 1)]


def test_labels_and_bad_years() -> None:
    a = law.bases()["a"]
    assert a.label() == "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a"
    assert a.label("en") == "Bộ luật Lao động 2019, Article 112(1)(a)"
    with pytest.raises(QueryError, match="2019"):
        law.cited_days_off(2019)
    with pytest.raises(QueryError, match="integer"):
        law.cited_worked_days("2020")  # type: ignore[arg-type]
