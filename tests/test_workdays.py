"""Working days of Vietnamese state agencies and the shifting of deadlines.

Days off: Bộ luật Lao động 2019, Điều 112 (through the `holidays` package),
weekends, and the Government's yearly civil-service swaps (the shipped data
file adds those the package misses). Deadlines on a day off: Bộ luật Dân sự
2015, Điều 148 khoản 5 by default.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from importlib import resources

import holidays
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import steering
from steering import workdays
from steering.errors import QueryError, SteeringError
from steering.workdays import (
    DEADLINE_SHIFT_CITATION,
    VIETNAM,
    ShiftPolicy,
    WorkingDays,
    add_working_days,
    day_off_reason,
    days_off,
    is_working_day,
    next_working_day,
    previous_working_day,
    shift_deadline,
    swaps,
    working_days_between,
)

D = dt.date


# -- holidays of Bộ luật Lao động 2019, Điều 112 ---------------------------------------


def test_new_year_and_national_days_are_off_with_their_vietnamese_names() -> None:
    assert day_off_reason(D(2025, 1, 1)) == "Tết Dương lịch"
    assert day_off_reason(D(2025, 4, 30)) == "Ngày Chiến thắng"
    assert day_off_reason(D(2025, 5, 1)) == "Ngày Quốc tế Lao động"
    assert day_off_reason(D(2025, 9, 2)) == "Quốc khánh"
    # "02/9 ... và 01 ngày liền kề trước hoặc sau": 01/9/2025 (Monday).
    assert day_off_reason(D(2025, 9, 1)) == "Quốc khánh"


def test_tet_2025_gives_five_weekdays_off() -> None:
    """Tết Ất Tỵ: 27/01-31/01/2025 off, joined to the weekends around it (25/01-02/02)."""
    tet = [D(2025, 1, d) for d in range(27, 32)]
    assert all(not is_working_day(d) for d in tet)
    assert day_off_reason(D(2025, 1, 29)) == "Tết Nguyên Đán"
    assert day_off_reason(D(2025, 1, 28)) == "Giao thừa Tết Nguyên Đán"
    assert next_working_day(D(2025, 1, 24)) == D(2025, 2, 3)
    assert working_days_between(D(2025, 1, 25), D(2025, 2, 2)) == 0


def test_tet_2026_and_hung_kings_day_on_a_sunday_gets_a_compensatory_day() -> None:
    assert [d.day for d in days_off(2026) if d.month == 2] == [16, 17, 18, 19, 20]
    # Giỗ Tổ Hùng Vương 10/3 âm lịch = 26/04/2026, a Sunday: 27/04 is the compensatory day.
    assert day_off_reason(D(2026, 4, 26)) == "Ngày Giỗ Tổ Hùng Vương"
    assert day_off_reason(D(2026, 4, 27)) == "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"


def test_weekends_are_off_for_state_agencies() -> None:
    assert day_off_reason(D(2025, 3, 15)) == "Thứ Bảy"
    assert day_off_reason(D(2025, 3, 16)) == "Chủ nhật"
    assert is_working_day(D(2025, 3, 17))


# -- civil-service swaps ---------------------------------------------------------------


def test_the_package_swaps_are_used_both_ways() -> None:
    """2024: 29/04 off, 04/05 (Saturday) worked; 2025: 02/05 off, 26/04 (Saturday) worked."""
    assert day_off_reason(D(2024, 4, 29)) == "Ngày nghỉ (thay cho ngày 04/05/2024)"
    assert is_working_day(D(2024, 5, 4))
    assert day_off_reason(D(2025, 5, 2)) == "Ngày nghỉ (thay cho ngày 26/04/2025)"
    assert is_working_day(D(2025, 4, 26))


def test_the_2026_new_year_swap_comes_from_the_shipped_file() -> None:
    """12729/VPCP-KGVX: Friday 02/01/2026 off, Saturday 10/01/2026 worked."""
    package = holidays.country_holidays("VN", years=2026, language="vi")
    assert D(2026, 1, 2) not in package, "the package now lists it: drop it from the data file"
    assert day_off_reason(D(2026, 1, 2)) == "Ngày nghỉ (thay cho ngày 10/01/2026)"
    assert is_working_day(D(2026, 1, 10))
    assert next_working_day(D(2025, 12, 31)) == D(2026, 1, 5)
    assert add_working_days(D(2026, 1, 9), 1) == D(2026, 1, 10)


def test_the_shipped_swaps_are_cited_weekday_for_weekend_and_missing_from_the_package() -> None:
    text = resources.files("steering").joinpath("data/civil_service_swaps.toml").read_text("utf-8")
    assert tomllib.loads(text)["format"] == 1
    assert swaps(), "the data file ships at least the 2026 swap"
    for swap in swaps():
        assert swap.reference.strip()
        assert swap.day_off.weekday() < 5, swap
        assert swap.working_day.weekday() >= 5, swap
        package = holidays.country_holidays(
            "VN", years=(swap.day_off.year, swap.working_day.year), language="vi"
        )
        assert swap.day_off not in package, f"{swap.day_off}: the package already has it"
        assert swap.working_day not in set(package.weekend_workdays)


def test_swaps_can_be_switched_off_and_local_days_added() -> None:
    plain = WorkingDays(civil_service_swaps=False)
    assert plain.is_working_day(D(2026, 1, 2))
    assert not plain.is_working_day(D(2026, 1, 10))
    assert plain.is_working_day(D(2024, 4, 29))
    assert not plain.is_working_day(D(2026, 1, 1)), "a public holiday stays a holiday"
    local = WorkingDays(extra_days_off={D(2025, 3, 10)}, extra_working_days={D(2025, 3, 15)})
    assert local.day_off_reason(D(2025, 3, 10)) == "Ngày nghỉ (quy định riêng)"
    assert local.is_working_day(D(2025, 3, 15))
    assert D(2025, 3, 10) in local.days_off(2025)


def test_a_swap_is_known_by_its_basis_inside_the_cited_years_and_the_package_outside() -> None:
    """Without the swaps, a swapped day off is a working day, and a holiday stays one.

    2025-05-02 is a swap of the cited list (Thông báo 6150/TB-BLĐTBXH, for Saturday
    26/04/2025); 2018-12-31 one the `holidays` package gives (for Saturday 05/01/2019),
    before the cited years.
    """
    plain = WorkingDays(civil_service_swaps=False)
    for day_off, worked in ((D(2025, 5, 2), D(2025, 4, 26)), (D(2018, 12, 31), D(2019, 1, 5))):
        assert not VIETNAM.is_working_day(day_off)
        assert VIETNAM.is_working_day(worked)
        assert plain.is_working_day(day_off)
        assert not plain.is_working_day(worked)
        assert day_off in VIETNAM.days_off(day_off.year)
        assert day_off not in plain.days_off(day_off.year)
    assert plain.days_off(2025)[D(2025, 5, 1)] == VIETNAM.days_off(2025)[D(2025, 5, 1)]


def test_a_six_day_week_is_possible() -> None:
    sunday_only = WorkingDays(weekend={6})
    assert sunday_only.is_working_day(D(2025, 3, 15))
    assert not sunday_only.is_working_day(D(2025, 3, 16))


# -- shifting deadlines: Bộ luật Dân sự 2015, Điều 148 khoản 5 ------------------------------


def test_a_deadline_on_a_working_day_stays() -> None:
    for policy in ShiftPolicy:
        assert shift_deadline(D(2025, 3, 14), policy) == D(2025, 3, 14)


def test_a_deadline_on_a_day_off_ends_on_the_next_working_day_by_default() -> None:
    """Saturday 14/02/2026 before Tết: the next working day is Monday 23/02/2026."""
    assert shift_deadline(D(2026, 2, 14)) == D(2026, 2, 23)
    assert shift_deadline(D(2026, 2, 14), "next_working_day") == D(2026, 2, 23)
    assert DEADLINE_SHIFT_CITATION.article == 148
    assert DEADLINE_SHIFT_CITATION.clause == 5
    assert "ngày làm việc tiếp theo" in DEADLINE_SHIFT_CITATION.quote


def test_other_policies_move_back_or_not_at_all() -> None:
    assert shift_deadline(D(2026, 2, 14), ShiftPolicy.PREVIOUS_WORKING_DAY) == D(2026, 2, 13)
    assert shift_deadline(D(2026, 2, 14), ShiftPolicy.NONE) == D(2026, 2, 14)
    # 28/04/2024 (Sunday), then the swap day 29/04, then 30/04 and 01/05: Thursday 02/05.
    assert shift_deadline(D(2024, 4, 28)) == D(2024, 5, 2)


def test_results_are_pendulum_dates() -> None:
    assert isinstance(next_working_day(D(2025, 3, 14)), pendulum.Date)
    assert isinstance(shift_deadline(pendulum.Date(2025, 3, 15)), pendulum.Date)


# -- arithmetic -------------------------------------------------------------------------


def test_add_working_days_counts_only_working_days() -> None:
    assert add_working_days(D(2025, 3, 14), 1) == D(2025, 3, 17)
    assert add_working_days(D(2025, 3, 17), -1) == D(2025, 3, 14)
    assert add_working_days(D(2025, 3, 15), 0) == D(2025, 3, 15)
    assert add_working_days(D(2025, 1, 24), 5) == D(2025, 2, 7)
    assert previous_working_day(D(2025, 2, 3)) == D(2025, 1, 24)


def test_the_top_level_names_are_the_module_functions() -> None:
    assert steering.is_working_day is is_working_day
    assert steering.add_working_days is add_working_days
    assert steering.next_working_day is next_working_day
    assert steering.ShiftPolicy is ShiftPolicy
    assert steering.WorkingDays is WorkingDays
    assert WorkingDays() == workdays.VIETNAM


dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2035, 12, 31))


@given(dates, st.integers(min_value=-30, max_value=30))
def test_adding_working_days_lands_on_a_working_day_and_counts_right(day: D, n: int) -> None:
    there = add_working_days(day, n)
    if n == 0:
        assert there == day
        return
    assert is_working_day(there)
    assert (there > day) == (n > 0)
    on = 1 if is_working_day(day) else 0
    assert working_days_between(min(day, there), max(day, there)) == abs(n) + on
    if on:
        assert add_working_days(there, -n) == day


@given(dates)
def test_shifted_deadlines_are_working_days_and_never_earlier_under_article_148(day: D) -> None:
    nxt = shift_deadline(day)
    prev = shift_deadline(day, ShiftPolicy.PREVIOUS_WORKING_DAY)
    assert is_working_day(nxt)
    assert is_working_day(prev)
    assert prev <= day <= nxt
    assert (nxt == day) == is_working_day(day)
    # Between the day and the shifted deadline, every day is a day off.
    assert working_days_between(day, nxt) == 1


@given(dates)
def test_every_day_is_exactly_one_of_working_or_named_off(day: D) -> None:
    reason = day_off_reason(day)
    assert (reason is None) == is_working_day(day)
    if reason is not None and day.weekday() < 5:
        assert days_off(day.year).get(day) == reason


# -- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: is_working_day("2025-01-01"),  # type: ignore[arg-type]
        lambda: is_working_day(dt.datetime(2025, 1, 1, 8)),
        lambda: is_working_day(D(1800, 1, 1)),
        lambda: shift_deadline(D(2025, 1, 1), "sometime"),
        lambda: add_working_days(D(2025, 1, 1), 1.5),  # type: ignore[arg-type]
        lambda: add_working_days(D(2025, 1, 1), True),
        lambda: working_days_between(D(2025, 2, 1), D(2025, 1, 1)),
        lambda: days_off(3000),
        lambda: WorkingDays(weekend={0, 1, 2, 3, 4, 5, 6}),
        lambda: WorkingDays(weekend={9}),
        lambda: WorkingDays(extra_days_off={"2025-01-01"}),  # type: ignore[arg-type]
        lambda: next_working_day(D(2100, 12, 31)),
    ],
)
def test_bad_arguments_raise_a_query_error(call: object) -> None:
    with pytest.raises(QueryError) as info:
        call()  # type: ignore[operator]
    assert isinstance(info.value, SteeringError)
    assert isinstance(info.value, ValueError)
    assert str(info.value)


def test_a_calendar_with_no_working_day_fails_loudly() -> None:
    always_off = WorkingDays(weekend={0, 1, 2, 3, 4, 5})
    assert always_off.next_working_day(D(2025, 3, 10)) == D(2025, 3, 16)
    # (Without the swaps: Saturday 26/04/2025 is a swap working day.)
    sundays_off = WorkingDays(
        civil_service_swaps=False,
        weekend={0, 1, 2, 3, 4, 5},
        extra_days_off={D(2025, 3, 16) + dt.timedelta(days=7 * k) for k in range(20)},
    )
    # However far it is, the first working day is found: the 21st Sunday.
    assert sundays_off.next_working_day(D(2025, 3, 10)) == D(2025, 8, 3)
    # A calendar with no working day left in the covered years says so, every time.
    last = WorkingDays(
        weekend={0, 1, 2, 3, 4, 5},
        extra_days_off={D(2100, 1, 3) + dt.timedelta(days=7 * k) for k in range(52)},
    )
    for _ in range(2):
        with pytest.raises(QueryError, match="no working day found inside the covered years"):
            last.next_working_day(D(2099, 12, 31))
    assert last.previous_working_day(D(2100, 1, 4)) == D(2099, 12, 27)


def test_default_calendar_is_hashable_and_equal_to_a_fresh_one() -> None:
    assert hash(VIETNAM) == hash(WorkingDays())
