"""The schedule engine on hand-made rules: windows, data periods, deadlines, gaps, bad input.

Per-preset calendars are in ``tests/presets/test_<preset>.py`` (``TestCalendar``); the
calendar laws over generated rules in ``test_schedule_properties.py``.
"""

from __future__ import annotations

import datetime as dt
import inspect
from typing import Any

import attrs
import pendulum
import pytest

import steering
from steering import schedule, workdays
from steering.errors import QueryError, SteeringError
from steering.regulation import Regulation
from steering.roles import WorkingGroup
from steering.rules import (
    Cadence,
    Citation,
    Deadline,
    MeetingKind,
    MeetingRule,
    Period,
    ReportRule,
)
from steering.schedule import (
    DATA_PERIOD_CITATIONS,
    CalendarGap,
    Occurrence,
    OccurrenceKind,
    calendar_gaps,
)
from steering.workdays import DEADLINE_SHIFT_CITATION, ShiftPolicy, WorkingDays

D = dt.date
CITE = Citation(document="regulation", article=9, clause=1, quote="họp định kỳ")
BASE = steering.presets.load("dak-nong-2021")


def reg_with(
    meetings: tuple[MeetingRule, ...] = (),
    reports: tuple[ReportRule, ...] = (),
    groups: tuple[WorkingGroup, ...] | None = None,
) -> Regulation:
    """Đắk Nông's regulation with its meeting and report rules replaced."""
    return attrs.evolve(
        BASE,
        meetings=meetings,
        reports=reports,
        working_groups=BASE.working_groups if groups is None else groups,
    )


def meeting(*cadences: Cadence, body: str = "committee", **kw: Any) -> MeetingRule:
    return MeetingRule(body=body, cadences=cadences, citation=CITE, **kw)


def report(*cadences: Cadence, deadline: Deadline | None = None, **kw: Any) -> ReportRule:
    kw.setdefault("id", "r")
    kw.setdefault("reporters", ("member",))
    kw.setdefault("recipients", ("head",))
    return ReportRule(cadences=cadences, periodic=True, deadline=deadline, citation=CITE, **kw)


def windows(occs: tuple[Occurrence, ...]) -> list[tuple[D, D]]:
    return [(o.opens, o.closes) for o in occs]


YEAR_2025 = (D(2025, 1, 1), D(2025, 12, 31))


# -- meeting windows ------------------------------------------------------------------


def test_quarterly_windows_are_the_calendar_quarters() -> None:
    occs = schedule.calendar(reg_with(meetings=(meeting(Cadence.quarterly()),)), *YEAR_2025)
    assert windows(occs) == [
        (D(2025, 1, 1), D(2025, 3, 31)),
        (D(2025, 4, 1), D(2025, 6, 30)),
        (D(2025, 7, 1), D(2025, 9, 30)),
        (D(2025, 10, 1), D(2025, 12, 31)),
    ]
    assert [o.period for o in occs] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    assert {o.kind for o in occs} == {"regular_meeting"}
    assert {o.body for o in occs} == {"committee"}
    assert all(o.citations == (CITE,) for o in occs)
    assert all(o.due is None and o.data_period_end is None for o in occs)
    assert occs[0].title == "Ban Chỉ đạo chuyển đổi số tỉnh Đắk Nông họp định kỳ quý I/2025"


def test_half_year_year_and_month_windows() -> None:
    """With reviews="separate", every cadence of a rule gets its own windows."""
    reg = reg_with(meetings=(meeting(Cadence.half_yearly(), Cadence.yearly(), Cadence.monthly()),))
    occs = schedule.calendar(reg, *YEAR_2025, reviews="separate")
    by = {p: [o for o in occs if o.cadence is p] for p in Period}
    assert windows(tuple(by[Period.HALF_YEAR])) == [
        (D(2025, 1, 1), D(2025, 6, 30)),
        (D(2025, 7, 1), D(2025, 12, 31)),
    ]
    assert windows(tuple(by[Period.YEAR])) == [(D(2025, 1, 1), D(2025, 12, 31))]
    months = by[Period.MONTH]
    assert len(months) == 12
    assert (months[1].opens, months[1].closes) == (D(2025, 2, 1), D(2025, 2, 28))
    assert [o.period for o in by[Period.HALF_YEAR]] == ["2025-H1", "2025-H2"]
    assert by[Period.YEAR][0].period == "2025"
    assert months[2].period == "2025-03"


def test_a_leap_february_window() -> None:
    occs = schedule.calendar(
        reg_with(meetings=(meeting(Cadence.monthly()),)), D(2024, 2, 1), D(2024, 2, 29)
    )
    assert windows(occs) == [(D(2024, 2, 1), D(2024, 2, 29))]


def test_several_times_a_period_gives_numbered_occurrences_of_one_window() -> None:
    occs = schedule.calendar(
        reg_with(meetings=(meeting(Cadence(Period.QUARTER, 2)),)), D(2025, 1, 1), D(2025, 3, 31)
    )
    assert [(o.sequence, o.times) for o in occs] == [(1, 2), (2, 2)]
    assert windows(occs) == [(D(2025, 1, 1), D(2025, 3, 31))] * 2
    assert occs[0].uid != occs[1].uid
    assert occs[1].title.endswith("(lần 2/2)")


def test_the_condition_travels_with_the_meeting() -> None:
    rule = meeting(Cadence.half_yearly(), condition="căn cứ tình hình thực tế")
    occs = schedule.calendar(reg_with(meetings=(rule,)), *YEAR_2025)
    assert {o.condition for o in occs} == {"căn cứ tình hình thực tế"}


def test_meetings_without_a_cadence_are_not_dated_but_listed_as_gaps() -> None:
    reg = reg_with(
        meetings=(
            meeting(body="to_giup_viec"),
            MeetingRule(body="committee", kind=MeetingKind.EXTRAORDINARY, citation=CITE),
        )
    )
    assert schedule.calendar(reg, *YEAR_2025) == ()
    gaps = calendar_gaps(reg)
    assert gaps == (
        CalendarGap(
            regulation="dak-nong-2021",
            body="working_group",
            kind=OccurrenceKind.REGULAR_MEETING,
            rule="meetings[0]",
            missing="cadence",
            citation=CITE,
        ),
    ), "an extraordinary meeting has no cadence by nature and is no gap"
    assert gaps[0].status == "not_specified"


# -- bodies ------------------------------------------------------------------------------


def test_one_working_group_is_working_group_several_are_qualified() -> None:
    wg = BASE.working_groups[0]
    rule = meeting(Cadence.yearly(), body=wg.id)
    one = schedule.calendar(reg_with(meetings=(rule,)), *YEAR_2025)
    assert [o.body for o in one] == ["working_group"]
    other = attrs.evolve(wg, id="to_tu_van", name="Tổ tư vấn")
    two = schedule.calendar(reg_with(meetings=(rule,), groups=(wg, other)), *YEAR_2025)
    assert [o.body for o in two] == [f"working_group:{wg.id}"]


def test_each_reporter_owes_its_own_report_and_duplicates_collapse() -> None:
    rule = report(Cadence.yearly(), reporters=("member", "standing_member", "member"))
    occs = schedule.calendar(reg_with(reports=(rule,)), *YEAR_2025)
    assert sorted(o.body for o in occs) == ["member", "standing_member"]
    assert all(o.recipients == ("head",) for o in occs)


# -- report data periods: Nghị định 09/2019/NĐ-CP, Điều 12 ----------------------------------


@pytest.mark.parametrize(
    ("cadence", "expected", "clause"),
    [
        (Cadence.monthly(), (D(2024, 12, 15), D(2025, 1, 14)), 1),
        (Cadence.quarterly(), (D(2024, 12, 15), D(2025, 3, 14)), 2),
        (Cadence.half_yearly(), (D(2024, 12, 15), D(2025, 6, 14)), 3),
        (Cadence.yearly(), (D(2024, 12, 15), D(2025, 12, 14)), 4),
    ],
)
def test_data_periods_follow_decree_09_2019_article_12(
    cadence: Cadence, expected: tuple[D, D], clause: int
) -> None:
    occs = schedule.calendar(reg_with(reports=(report(cadence),)), *YEAR_2025)
    first = occs[0]
    assert (first.opens, first.data_period_end) == expected
    assert first.citations == (CITE, DATA_PERIOD_CITATIONS[cadence.period])
    assert first.citations[1].document == "Nghị định 09/2019/NĐ-CP"
    assert (first.citations[1].article, first.citations[1].clause) == (12, clause)


def test_second_half_year_data_period_runs_from_15_june_to_14_december() -> None:
    occs = schedule.calendar(reg_with(reports=(report(Cadence.half_yearly()),)), *YEAR_2025)
    assert [(o.period, o.opens, o.data_period_end) for o in occs] == [
        ("2025-H1", D(2024, 12, 15), D(2025, 6, 14)),
        ("2025-H2", D(2025, 6, 15), D(2025, 12, 14)),
    ]


def test_a_report_without_a_deadline_gets_none_invented() -> None:
    occs = schedule.calendar(reg_with(reports=(report(Cadence.quarterly()),)), *YEAR_2025)
    assert len(occs) == 4
    for o in occs:
        assert o.status == "not_specified"
        assert o.due is None
        assert o.shifted_from is None
        assert o.closes == o.data_period_end
    # 14/06/2025 is a Saturday: a data cut-off is not a deadline and does not move.
    assert occs[1].closes == D(2025, 6, 14)
    assert [g.missing for g in calendar_gaps(reg_with(reports=(report(Cadence.quarterly()),)))] == [
        "deadline"
    ]


def test_a_periodic_report_without_a_cadence_is_a_gap_and_an_ad_hoc_one_lacks_a_deadline() -> None:
    """calendar_gaps lists every report whose deadline is not stated (issue 12, finding 7)."""
    periodic = report(id="p")
    ad_hoc = ReportRule(id="a", reporters=("member",), ad_hoc=True, citation=CITE)
    reg = reg_with(reports=(periodic, ad_hoc))
    assert schedule.calendar(reg, *YEAR_2025) == ()
    assert [(g.rule, g.missing, g.kind) for g in calendar_gaps(reg)] == [
        ("p", "cadence", "report"),
        ("a", "deadline", "report"),
    ]


# -- deadlines ----------------------------------------------------------------------------


def test_before_the_15th_means_the_14th_of_the_period_last_month() -> None:
    rule = report(Cadence.quarterly(), deadline=Deadline(day=15))
    occs = schedule.calendar(reg_with(reports=(rule,)), *YEAR_2025)
    assert [o.due for o in occs] == [
        D(2025, 3, 14),
        D(2025, 6, 16),  # 14/06/2025 is a Saturday
        D(2025, 9, 15),  # 14/09/2025 is a Sunday
        D(2025, 12, 15),  # 14/12/2025 is a Sunday
    ]
    assert [o.shifted_from for o in occs] == [
        None,
        D(2025, 6, 14),
        D(2025, 9, 14),
        D(2025, 12, 14),
    ]
    assert all(o.closes == o.due for o in occs)
    # BASE is Đắk Nông's regulation: merged into tỉnh Lâm Đồng on 01/07/2025 (202/2025/QH15),
    # after which its dated items are not decided (steering.world).
    assert [o.status for o in occs] == ["decided", "decided", "not_specified", "not_specified"]
    assert occs[0].citations == (CITE, DATA_PERIOD_CITATIONS[Period.QUARTER])
    assert occs[1].citations[-1] == DEADLINE_SHIFT_CITATION


def test_month_offset_day_and_on_the_day_deadlines() -> None:
    after = report(Cadence.quarterly(), deadline=Deadline(day=20, before=False, month_offset=1))
    occs = schedule.calendar(reg_with(reports=(after,)), D(2025, 1, 1), D(2025, 12, 31))
    assert [o.period for o in occs] == ["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"]
    assert [o.due for o in occs] == [
        D(2025, 1, 20),
        D(2025, 4, 21),
        D(2025, 7, 21),
        D(2025, 10, 20),
    ]


def test_before_the_first_is_the_last_day_of_the_month_before() -> None:
    rule = report(Cadence.monthly(), deadline=Deadline(day=1, month_offset=1))
    occs = schedule.calendar(reg_with(reports=(rule,)), D(2025, 2, 1), D(2025, 3, 31))
    # January: before 01/02 = 31/01/2025, Tết (mùng ba): moved to Monday 03/02.
    # February: before 01/03 = 28/02/2025 (a Friday). March: 31/03 (a Monday).
    assert [(o.period, o.due, o.shifted_from) for o in occs] == [
        ("2025-01", D(2025, 2, 3), D(2025, 1, 31)),
        ("2025-02", D(2025, 2, 28), None),
        ("2025-03", D(2025, 3, 31), None),
    ]


def test_a_day_the_month_lacks_is_its_last_day() -> None:
    rule = report(Cadence.monthly(), deadline=Deadline(day=31, before=False))
    occs = schedule.calendar(reg_with(reports=(rule,)), D(2025, 6, 3), D(2025, 6, 30))
    assert [(o.period, o.due) for o in occs] == [("2025-06", D(2025, 6, 30))]
    feb = schedule.calendar(reg_with(reports=(rule,)), D(2025, 2, 4), D(2025, 2, 28))
    assert [(o.period, o.due) for o in feb] == [("2025-02", D(2025, 2, 28))]


def test_the_policy_is_configurable_and_recorded() -> None:
    rule = report(Cadence.monthly(), deadline=Deadline(day=15))
    reg = reg_with(reports=(rule,))
    feb = (D(2026, 2, 1), D(2026, 2, 28))
    # 14/02/2026 is the Saturday before Tết (16-20/02).
    default = reg.calendar(*feb)
    assert [(o.due, o.shifted_from) for o in default] == [(D(2026, 2, 23), D(2026, 2, 14))]
    back = reg.calendar(*feb, policy=ShiftPolicy.PREVIOUS_WORKING_DAY)
    assert [(o.due, o.shifted_from) for o in back] == [(D(2026, 2, 13), D(2026, 2, 14))]
    assert DEADLINE_SHIFT_CITATION not in back[0].citations
    none = reg.calendar(*feb, policy="none")
    assert [(o.due, o.shifted_from) for o in none] == [(D(2026, 2, 14), None)]
    assert default[0].uid == back[0].uid == none[0].uid, "the same obligation keeps its UID"


def test_a_local_working_day_calendar_is_used() -> None:
    rule = report(Cadence.monthly(), deadline=Deadline(day=15))
    reg = reg_with(reports=(rule,))
    local = WorkingDays(extra_days_off={D(2025, 3, 14)})
    occs = reg.calendar(D(2025, 3, 1), D(2025, 3, 31), workdays=local)
    assert [(o.due, o.shifted_from) for o in occs] == [(D(2025, 3, 17), D(2025, 3, 14))]


def test_notes_carry_the_readings_of_rule_and_deadline() -> None:
    rule = report(
        Cadence.monthly(),
        deadline=Deadline(day=15, note="read as the 14th"),
        note="three cadences",
    )
    occs = schedule.calendar(reg_with(reports=(rule,)), D(2025, 3, 1), D(2025, 3, 31))
    assert occs[0].note == "three cadences read as the 14th"


# -- the range, order and identity ---------------------------------------------------------------


def test_an_occurrence_is_inside_when_its_closes_date_is() -> None:
    reg = reg_with(meetings=(meeting(Cadence.quarterly()),))
    assert schedule.calendar(reg, D(2025, 1, 1), D(2025, 3, 30)) == ()
    assert len(schedule.calendar(reg, D(2025, 3, 31), D(2025, 3, 31))) == 1
    assert len(schedule.calendar(reg, D(2025, 2, 1), D(2025, 4, 30))) == 1


def test_occurrences_are_sorted_and_comparable() -> None:
    reg = reg_with(
        meetings=(meeting(Cadence.quarterly()),),
        reports=(report(Cadence.quarterly(), deadline=Deadline(day=15)),),
    )
    occs = reg.calendar(*YEAR_2025)
    assert list(occs) == sorted(occs)
    assert occs[0] < occs[1]
    assert occs[1] >= occs[0]
    assert occs[0] <= occs[0]
    assert not occs[0] > occs[1]
    assert [o.sort_key for o in occs] == sorted(o.sort_key for o in occs)
    assert occs[0].__lt__(object()) is NotImplemented


def test_uids_are_stable_and_distinct() -> None:
    reg = reg_with(meetings=(meeting(Cadence.quarterly()), meeting(Cadence.quarterly())))
    occs = reg.calendar(*YEAR_2025)
    assert len(occs) == 8
    assert len({o.uid for o in occs}) == 8
    again = attrs.evolve(reg, origin="elsewhere").calendar(*YEAR_2025)
    assert [o.uid for o in again] == [o.uid for o in occs]
    assert all(o.uid.endswith("@steering") for o in occs)


def test_pendulum_dates_in_and_out() -> None:
    reg = reg_with(meetings=(meeting(Cadence.yearly()),))
    occs = reg.calendar(pendulum.Date(2025, 1, 1), pendulum.Date(2025, 12, 31))
    assert isinstance(occs[0].opens, pendulum.Date)
    assert isinstance(occs[0].closes, pendulum.Date)
    assert occs == schedule.calendar(reg, *YEAR_2025)


def test_regulation_calendar_is_the_schedule_function() -> None:
    reg = reg_with(meetings=(meeting(Cadence.yearly()),))
    assert reg.calendar(*YEAR_2025) == schedule.calendar(reg, *YEAR_2025)
    assert steering.Occurrence is Occurrence
    assert steering.calendar_gaps is calendar_gaps


# -- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "options", "match"),
    [
        ((D(2025, 2, 1), D(2025, 1, 1)), {}, "after end"),
        (("2025-01-01", D(2025, 1, 1)), {}, "must be a date"),
        ((D(2025, 1, 1), dt.datetime(2025, 2, 1, 9)), {}, "must be a date"),
        ((D(1800, 1, 1), D(2025, 1, 1)), {}, "outside"),
        ((D(2025, 1, 1), D(2025, 2, 1)), {"tz": "UTC"}, "unknown calendar option"),
        ((D(2025, 1, 1), D(2025, 2, 1)), {"policy": "soon"}, "unknown shift policy"),
        ((D(2025, 1, 1), D(2025, 2, 1)), {"workdays": "VN"}, "WorkingDays"),
    ],
)
def test_bad_arguments_raise_query_error(
    args: tuple[Any, Any], options: dict[str, Any], match: str
) -> None:
    with pytest.raises(QueryError, match=match) as info:
        BASE.calendar(*args, **options)
    assert isinstance(info.value, SteeringError)


def test_a_non_regulation_is_refused() -> None:
    with pytest.raises(QueryError):
        schedule.calendar("dak-nong-2021", *YEAR_2025)  # type: ignore[arg-type]
    with pytest.raises(QueryError):
        calendar_gaps(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "deadline", [Deadline(day=0), Deadline(day=32), Deadline(day=15, month_offset=-1)]
)
def test_an_impossible_deadline_is_a_query_error(deadline: Deadline) -> None:
    reg = reg_with(reports=(report(Cadence.monthly(), deadline=deadline),))
    with pytest.raises(QueryError, match="deadline"):
        reg.calendar(*YEAR_2025)


def test_a_bad_cadence_is_a_query_error() -> None:
    reg = reg_with(meetings=(meeting(Cadence(Period.MONTH, 0)),))
    with pytest.raises(QueryError, match="times"):
        reg.calendar(*YEAR_2025)


# -- time is an argument ----------------------------------------------------------------------


def test_no_clock_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def clock(*_: object, **__: object) -> None:
        raise AssertionError("the library read the clock")

    for name in ("now", "today", "tomorrow", "yesterday"):
        monkeypatch.setattr(pendulum, name, clock)
    reg = reg_with(
        meetings=(meeting(Cadence.quarterly()),),
        reports=(report(Cadence.monthly(), deadline=Deadline(day=15)),),
    )
    assert len(reg.calendar(D(2031, 1, 1), D(2031, 12, 31))) == 16
    for module in (schedule, workdays):
        source = inspect.getsource(module)
        for call in ("today(", "now(", "utcnow(", "time.time("):
            assert call not in source, f"{module.__name__} calls {call}"


def test_the_first_and_last_covered_years_work() -> None:
    rule = report(Cadence.monthly(), deadline=Deadline(day=15, month_offset=1))
    reg = reg_with(meetings=(meeting(Cadence.quarterly()),), reports=(rule,))
    last = reg.calendar(D(2100, 1, 1), D(2100, 12, 31))
    reports = [o.period for o in last if o.kind == "report"]
    # Due the month after: December 2099 to November 2100; December 2100's is due in 2101.
    assert reports[0] == "2099-12"
    assert reports[-1] == "2100-11"
    assert len(last) == 4 + 12
    # Đắk Nông's rules date nothing before it took effect (25/11/2021) unless asked to.
    assert reg.calendar(D(1901, 1, 1), D(1901, 12, 31)) == ()
    first = reg.calendar(D(1901, 1, 1), D(1901, 12, 31), in_force_only=False)
    assert first[0].period == "1900-12", "a period of 1900 with its due date in 1901"


def test_a_regulation_dates_nothing_before_it_takes_effect() -> None:
    """Đắk Nông 2044/QĐ-BCĐ "có hiệu lực thi hành kể từ ngày ký" (Điều 2), signed 25/11/2021:
    its quarterly meetings (Điều 11 khoản 1) begin with the quarter open on that day."""
    dak_nong = steering.presets.load("dak-nong-2021")
    assert steering.schedule.in_force_from(dak_nong) == D(2021, 11, 25)
    occs = dak_nong.calendar(D(2021, 1, 1), D(2021, 12, 31))
    meetings = [o.period for o in occs if o.kind == "regular_meeting" and o.body == "committee"]
    assert meetings == ["2021-Q4"]
    assert all(o.closes >= D(2021, 11, 25) for o in occs)
    assert dak_nong.calendar(D(2020, 1, 1), D(2020, 12, 31)) == ()
    full = dak_nong.calendar(D(2021, 1, 1), D(2021, 12, 31), in_force_only=False)
    assert [o for o in full if o.closes >= D(2021, 11, 25)] == list(occs)


def test_partial_effective_date_keeps_what_it_may_govern() -> None:
    """Thanh Hóa 2021 is in force from signing in "tháng 01 năm 2021" (day blank), not before
    08/01/2021 (its preamble cites "Quyết định số 76/QĐ-UBND ngày 08/01/2021"): everything
    closing from then is kept, nothing of 2020."""
    th = steering.presets.load("thanh-hoa-2021")
    assert steering.schedule.in_force_from(th) == D(2021, 1, 8)
    assert th.calendar(D(2020, 1, 1), D(2020, 12, 31)) == ()
    assert len([o for o in th.calendar(D(2021, 1, 1), D(2021, 12, 31))
                if o.kind == "regular_meeting"]) == 4


def test_in_force_only_must_be_a_boolean() -> None:
    with pytest.raises(steering.SteeringError, match="in_force_only must be true or false"):
        BASE.calendar(D(2025, 1, 1), D(2025, 12, 31), in_force_only="no")  # type: ignore[arg-type]


def test_nested_cadences_combine_by_default() -> None:
    """A rule "theo tháng, 6 tháng, năm" sits once a month by default; June and December
    sittings also serve the half-years and December the year."""
    reg = reg_with(meetings=(meeting(Cadence.half_yearly(), Cadence.yearly(), Cadence.monthly()),))
    occs = schedule.calendar(reg, *YEAR_2025)
    assert [o.cadence for o in occs] == [Period.MONTH] * 12
    assert occs[5].title.endswith("tháng 6/2025, kiêm họp 6 tháng đầu năm 2025")
    assert occs[11].title.endswith("kiêm họp 6 tháng cuối năm 2025 và năm 2025")
    assert "kiêm" not in occs[0].title


def test_reviews_must_be_combined_or_separate() -> None:
    with pytest.raises(steering.SteeringError, match="reviews: found 'both'; allowed: combined"):
        schedule.calendar(BASE, *YEAR_2025, reviews="both")
