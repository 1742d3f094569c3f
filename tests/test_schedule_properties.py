"""The calendar laws of design section 7, over generated rules and years 2020-2035.

- occurrences are sorted, unique and inside the asked window (``closes`` in
  ``[start, end]``);
- calendars of adjacent ranges add up: ``occ(a, c) == occ(a, b) + occ(b + 1, c)``;
- a quarterly rule yields exactly 4 meetings a year (and every cadence its
  number of periods, times ``times``);
- no deadline falls on a day off, under either moving policy and any
  working-day calendar;
- a report with no deadline gets none; data periods of one cadence are
  contiguous; meeting windows of one cadence tile the year.

Regulations come from two composite strategies: a shipped preset whose
meeting and report rules are replaced by generated ones (below), and the
valid-by-construction regulations of ``strategies.py``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import steering
import strategies
from steering import world
from steering.regulation import Regulation
from steering.roles import COMMITTEE
from steering.rules import Cadence, Citation, Deadline, MeetingKind, MeetingRule, Period, ReportRule
from steering.schedule import Occurrence
from steering.workdays import VIETNAM, ShiftPolicy, WorkingDays

D = dt.date
FIRST, LAST = D(2020, 1, 1), D(2035, 12, 31)
PERIODS_A_YEAR = {Period.MONTH: 12, Period.QUARTER: 4, Period.HALF_YEAR: 2, Period.YEAR: 1}
CITE = Citation(document="regulation", article=1, clause=1, quote="định kỳ")

years = st.integers(2020, 2035)
cadences = st.builds(Cadence, st.sampled_from(Period), st.integers(1, 3))
deadlines = st.builds(
    Deadline,
    day=st.integers(1, 31),
    before=st.booleans(),
    month_offset=st.integers(0, 2),
)
policies = st.sampled_from([ShiftPolicy.NEXT_WORKING_DAY, ShiftPolicy.PREVIOUS_WORKING_DAY])
working_day_calendars = st.one_of(
    st.just(VIETNAM),
    st.builds(
        WorkingDays,
        extra_days_off=st.frozensets(st.dates(FIRST, LAST), max_size=30),
        civil_service_swaps=st.booleans(),
    ),
)


@st.composite
def generated_rules(draw: st.DrawFn) -> Regulation:
    """A shipped preset with its meeting and report rules replaced by generated ones."""
    base = steering.presets.load(draw(st.sampled_from(steering.presets.names())))
    bodies = [COMMITTEE, *(g.id for g in base.working_groups)]
    nodes = list(base.node_ids())
    meetings = tuple(
        MeetingRule(
            body=draw(st.sampled_from(bodies)),
            kind=draw(st.sampled_from(MeetingKind)),
            cadences=tuple(draw(st.lists(cadences, max_size=3))),
            citation=CITE,
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    reports = tuple(
        ReportRule(
            id=f"r{i}",
            reporters=tuple(draw(st.lists(st.sampled_from(nodes), min_size=1, max_size=3))),
            recipients=(COMMITTEE,),
            cadences=tuple(draw(st.lists(cadences, max_size=3))),
            periodic=draw(st.booleans()),
            deadline=draw(st.none() | deadlines),
            citation=CITE,
        )
        for i in range(draw(st.integers(0, 3)))
    )
    return attrs.evolve(base, meetings=meetings, reports=reports)


regulations = st.one_of(generated_rules(), strategies.regulations())


@st.composite
def ranges(draw: st.DrawFn, max_days: int = 800) -> tuple[D, D]:
    start = draw(st.dates(FIRST, LAST))
    length = draw(st.integers(0, max_days))
    return start, min(LAST, start + dt.timedelta(days=length))


@st.composite
def split_ranges(draw: st.DrawFn) -> tuple[D, D, D]:
    """``a <= b < c``: [a, b] and [b + 1, c] are adjacent."""
    a, c = draw(ranges())
    if a == c:
        c = a + dt.timedelta(days=1)
    b = a + dt.timedelta(days=draw(st.integers(0, (c - a).days - 1)))
    return a, b, c


def whole_year(reg: Regulation, y: int, **options: Any) -> tuple[Occurrence, ...]:
    """A year of the rules' full pattern: the laws below are about the rules, so the
    regulation's own start (``in_force_only``, tested apart) does not cut it."""
    options.setdefault("in_force_only", False)
    return reg.calendar(D(y, 1, 1), D(y, 12, 31), **options)  # type: ignore[no-any-return]


# -- sorted, unique, inside -----------------------------------------------------------------


@given(regulations, ranges(), policies)
def test_sorted_unique_and_inside(
    reg: Regulation, window: tuple[D, D], policy: ShiftPolicy
) -> None:
    start, end = window
    occs = reg.calendar(start, end, policy=policy)
    keys = [o.sort_key for o in occs]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys), "unique"
    assert len(set(occs)) == len(occs)
    assert len({o.uid for o in occs}) == len(occs)
    assert all(start <= o.closes <= end for o in occs), "inside"
    assert all(o.opens <= o.closes or o.kind == "report" for o in occs)


@given(regulations, split_ranges())
def test_adjacent_ranges_add_up(reg: Regulation, abc: tuple[D, D, D]) -> None:
    a, b, c = abc
    left = reg.calendar(a, b)
    right = reg.calendar(b + dt.timedelta(days=1), c)
    assert reg.calendar(a, c) == left + right


# -- counts ----------------------------------------------------------------------------------


@given(generated_rules(), years, st.integers(1, 3))
def test_a_quarterly_rule_yields_four_meetings_a_year(reg: Regulation, y: int, times: int) -> None:
    rule = MeetingRule(body=COMMITTEE, cadences=(Cadence(Period.QUARTER, times),), citation=CITE)
    reg = attrs.evolve(reg, meetings=(rule,), reports=())
    occs = whole_year(reg, y)
    assert len(occs) == 4 * times
    assert {(o.opens.month, o.closes.month) for o in occs} == {(1, 3), (4, 6), (7, 9), (10, 12)}
    quarterly = MeetingRule(body=COMMITTEE, cadences=(Cadence.quarterly(),), citation=CITE)
    assert len(whole_year(attrs.evolve(reg, meetings=(quarterly,)), y)) == 4


@given(regulations, years)
def test_nothing_closes_before_the_regulation_can_be_in_force(reg: Regulation, y: int) -> None:
    """By default a calendar leaves out exactly what closes before the regulation's effective
    date (else its signing date): Thanh Hóa 2021, in force from 01/2021, dates nothing in 2020."""
    first = steering.schedule.in_force_from(reg)
    full = whole_year(reg, y)
    clipped = reg.calendar(D(y, 1, 1), D(y, 12, 31))
    assert clipped == tuple(o for o in full if o.closes >= first)
    if y > first.year:
        assert clipped == full


@given(regulations, years)
def test_every_cadence_yields_its_periods_each_year(reg: Regulation, y: int) -> None:
    occs = whole_year(reg, y)
    count: dict[tuple[str, str, Period, int], int] = defaultdict(int)
    for o in occs:
        if o.kind != "report":
            count[(o.rule, o.body, o.cadence, o.times)] += 1
    for (_, _, period, times), n in count.items():
        assert n == PERIODS_A_YEAR[period] * times


@given(regulations, years)
def test_meeting_windows_of_a_cadence_tile_the_year(reg: Regulation, y: int) -> None:
    occs = whole_year(reg, y)
    series: dict[tuple[str, str, Period, int, int], list[Occurrence]] = defaultdict(list)
    for o in occs:
        if o.kind != "report":
            series[(o.rule, o.body, o.cadence, o.times, o.sequence)].append(o)
    for items in series.values():
        items.sort(key=lambda o: o.opens)
        assert items[0].opens == D(y, 1, 1)
        assert items[-1].closes == D(y, 12, 31)
        for before, after in itertools.pairwise(items):
            assert after.opens == before.closes + dt.timedelta(days=1)


# -- reports and deadlines ------------------------------------------------------------------


@given(regulations, ranges(), policies, working_day_calendars)
def test_no_deadline_falls_on_a_day_off(
    reg: Regulation, window: tuple[D, D], policy: ShiftPolicy, days: WorkingDays
) -> None:
    occs = reg.calendar(*window, policy=policy, workdays=days)
    for o in occs:
        if o.due is None:
            continue
        assert o.closes == o.due
        assert days.is_working_day(o.due), f"{o.due} is {days.day_off_reason(o.due)}"
        if o.shifted_from is not None:
            assert not days.is_working_day(o.shifted_from)
            if policy is ShiftPolicy.NEXT_WORKING_DAY:
                assert o.shifted_from < o.due
                assert days.working_days_between(o.shifted_from, o.due) == 1
            else:
                assert o.due < o.shifted_from


@given(regulations, years)
def test_reports_without_a_deadline_get_none_and_data_periods_are_contiguous(
    reg: Regulation, y: int
) -> None:
    occs = reg.calendar(D(y, 1, 1), D(min(2035, y + 1), 12, 31))
    first_unknown = world.applicability_unknown_from(reg)
    series: dict[tuple[str, str, Period, int, int], list[Occurrence]] = defaultdict(list)
    for o in occs:
        if o.kind != "report":
            continue
        assert o.data_period_end is not None
        assert o.opens.day == 15
        assert o.data_period_end.day == 14
        rule = next(r for r in reg.reports if r.id == o.rule)
        if rule.deadline is None:
            assert o.status == "not_specified"
            assert o.due is None
            assert o.shifted_from is None
            assert o.closes == o.data_period_end
        elif first_unknown is not None and o.closes >= first_unknown:
            # Past the locality's reorganisation or a successor's start (steering.world).
            assert o.status == "not_specified"
            assert o.due == o.closes
        else:
            assert o.status == "decided"
            assert o.due == o.closes
        series[(o.rule, o.body, o.cadence, o.times, o.sequence)].append(o)
    for items in series.values():
        items.sort(key=lambda o: o.opens)
        for before, after in itertools.pairwise(items):
            assert before.data_period_end is not None
            assert after.opens == before.data_period_end + dt.timedelta(days=1)


@given(regulations, ranges(max_days=400))
def test_the_none_policy_keeps_the_computed_date(reg: Regulation, window: tuple[D, D]) -> None:
    for o in reg.calendar(*window, policy=ShiftPolicy.NONE):
        assert o.shifted_from is None
