"""Each preset's calendar over whole years, read like its regulation.

Every test says what the regulation says, names the clause, and checks that
the occurrences cite it. Years are chosen for Tết: 2025 (Tết 27/01-31/01),
2026 (Tết 16/02-20/02, and the 02/01 civil-service swap). Only Vũng Tàu
states a report deadline ("trước ngày 15 hàng tháng/quý/năm"), so only its
calendar has deadlines that move; for the others the test shows that no
deadline is invented and nothing moves, even when a data cut-off falls on a
Saturday.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import steering
from steering.rules import MeetingKind, Period
from steering.schedule import (
    DATA_PERIOD_CITATIONS,
    CalendarGap,
    Occurrence,
    OccurrenceStatus,
    calendar_gaps,
)
from steering.sources import SourceText, check_quote
from steering.workdays import DEADLINE_SHIFT_CITATION, ShiftPolicy, is_working_day

D = dt.date
QUARTERS_2025 = [
    (D(2025, 1, 1), D(2025, 3, 31)),
    (D(2025, 4, 1), D(2025, 6, 30)),
    (D(2025, 7, 1), D(2025, 9, 30)),
    (D(2025, 10, 1), D(2025, 12, 31)),
]
HALVES_2026 = [(D(2026, 1, 1), D(2026, 6, 30)), (D(2026, 7, 1), D(2026, 12, 31))]
QUARTER_CUTOFFS_2025 = [
    (D(2024, 12, 15), D(2025, 3, 14)),
    (D(2025, 3, 15), D(2025, 6, 14)),  # 14/06/2025: a Saturday
    (D(2025, 6, 15), D(2025, 9, 14)),  # 14/09/2025: a Sunday
    (D(2025, 9, 15), D(2025, 12, 14)),  # 14/12/2025: a Sunday
]


def year(preset: str, y: int, **options: Any) -> tuple[Occurrence, ...]:
    reg = steering.presets.load(preset)
    return reg.calendar(D(y, 1, 1), D(y, 12, 31), **options)  # type: ignore[no-any-return]


def pick(
    occs: tuple[Occurrence, ...], body: str, kind: str, cadence: Period | None = None
) -> list[Occurrence]:
    return [
        o
        for o in occs
        if o.body == body and o.kind == kind and (cadence is None or o.cadence is cadence)
    ]


def cites(preset: str, occs: list[Occurrence], article: int, clause: int, words: str) -> None:
    """Every occurrence cites Điều ``article`` khoản ``clause`` of the regulation first,
    its quote contains ``words``, and the quote is found in that clause of the source text."""
    assert occs, "no occurrence to check"
    source = SourceText.parse(steering.presets.source_path(preset).read_text(encoding="utf-8"))
    for o in occs:
        c = o.citations[0]
        assert (c.document, c.article, c.clause) == ("regulation", article, clause), c.label()
        assert words in c.quote
        assert check_quote(c, source) is None, check_quote(c, source)


def windows(occs: list[Occurrence]) -> list[tuple[D, D]]:
    return [(o.opens, o.closes) for o in occs]


def no_deadline_invented(occs: list[Occurrence]) -> None:
    for o in occs:
        assert o.status == "not_specified"
        assert o.due is None
        assert o.shifted_from is None
        assert o.closes == o.data_period_end
        assert DEADLINE_SHIFT_CITATION not in o.citations


def gaps(preset: str) -> Counter[tuple[str, str, str, str]]:
    return Counter(
        (g.body, g.kind, g.rule, g.missing) for g in calendar_gaps(steering.presets.load(preset))
    )


# -- Đắk Nông 2021 (2044/QĐ-BCĐ) -------------------------------------------------------------


class TestDakNong2021:
    preset = "dak-nong-2021"

    def test_committee_meets_once_a_quarter(self) -> None:
        """Điều 11 khoản 1: "Ban Chỉ đạo họp định kỳ một quý một lần"."""
        meetings = pick(year(self.preset, 2025), "committee", "regular_meeting")
        assert windows(meetings) == QUARTERS_2025
        cites(self.preset, meetings, 11, 1, "Ban Chỉ đạo họp định kỳ một quý một lần")

    def test_working_group_meets_once_a_quarter(self) -> None:
        """Điều 11 khoản 3: "Tổ giúp việc Ban Chỉ đạo họp định kỳ một quý một lần"."""
        meetings = pick(year(self.preset, 2025), "working_group", "regular_meeting")
        assert windows(meetings) == QUARTERS_2025
        cites(self.preset, meetings, 11, 3, "Tổ giúp việc Ban Chỉ đạo họp định kỳ một quý một lần")

    def test_working_group_reports_each_quarter_with_no_deadline_in_a_tet_year(self) -> None:
        """Điều 10 khoản 6: "Định kỳ hàng quý báo cáo ..." names no deadline: the data
        periods follow Nghị định 09/2019/NĐ-CP Điều 12 khoản 2; 2025 is a Tết year and
        14/06/2025 is a Saturday, yet no deadline is invented or moved."""
        reports = pick(year(self.preset, 2025), "working_group", "report")
        assert [(o.opens, o.closes) for o in reports] == QUARTER_CUTOFFS_2025
        no_deadline_invented(reports)
        assert all(o.citations[1] == DATA_PERIOD_CITATIONS[Period.QUARTER] for o in reports)
        rule = next(r for r in steering.presets.load(self.preset).reports if r.id == "wg_quarterly")
        assert {o.recipients for o in reports} == {rule.recipients}
        assert {"head", "standing_deputy", "member"} <= set(rule.recipients)
        cites(self.preset, reports, 10, 6, "Định kỳ hàng quý báo cáo Trưởng ban")

    def test_whole_year_count(self) -> None:
        occs = year(self.preset, 2026)
        assert len(occs) == 12
        assert Counter(o.kind for o in occs) == {"regular_meeting": 8, "report": 4}
        assert ("working_group", "report", "wg_quarterly", "deadline") in gaps(self.preset)


# -- Thanh Hóa 2024 ---------------------------------------------------------------------------


class TestThanhHoa2024:
    preset = "thanh-hoa-2024"

    def test_committee_meets_once_a_quarter(self) -> None:
        """Điều 7 khoản 1: "Ban Chỉ đạo họp định kỳ một quý một lần"."""
        meetings = pick(year(self.preset, 2025), "committee", "regular_meeting")
        assert windows(meetings) == QUARTERS_2025
        cites(self.preset, meetings, 7, 1, "Ban Chỉ đạo họp định kỳ một quý một lần")

    def test_working_group_cadence_is_not_specified(self) -> None:
        """Điều 7 khoản 3: "Tổ công tác họp định kỳ hoặc đột xuất" names no period: no
        dated meeting, a gap instead."""
        assert pick(year(self.preset, 2025), "working_group", "regular_meeting") == []
        assert ("working_group", "regular_meeting", "meetings[2]", "cadence") in gaps(self.preset)
        gap = next(
            g for g in calendar_gaps(steering.presets.load(self.preset)) if g.rule == "meetings[2]"
        )
        assert (gap.citation.article, gap.citation.clause) == (7, 3)

    def test_standing_agency_reports_quarter_half_year_and_year(self) -> None:
        """Điều 9 khoản 2: "báo cáo hàng quý, 06 tháng và báo cáo năm" with no deadline."""
        occs = year(self.preset, 2026)
        reports = pick(occs, "standing_agency", "report")
        assert Counter(o.cadence for o in reports) == {
            Period.QUARTER: 4,
            Period.HALF_YEAR: 2,
            Period.YEAR: 1,
        }
        yearly = pick(occs, "standing_agency", "report", Period.YEAR)
        assert [(o.opens, o.closes) for o in yearly] == [(D(2025, 12, 15), D(2026, 12, 14))]
        halves = pick(occs, "standing_agency", "report", Period.HALF_YEAR)
        assert [(o.opens, o.closes) for o in halves] == [
            (D(2025, 12, 15), D(2026, 6, 14)),
            (D(2026, 6, 15), D(2026, 12, 14)),
        ]
        no_deadline_invented(reports)
        cites(self.preset, reports, 9, 2, "báo cáo hàng quý, 06 tháng và báo cáo năm")

    def test_working_group_reports_each_quarter(self) -> None:
        """Điều 6 khoản 8: "Định kỳ hàng quý báo cáo Trưởng Ban, Phó Trưởng Ban và các Ủy viên"."""
        reports = pick(year(self.preset, 2025), "working_group", "report")
        assert [(o.opens, o.closes) for o in reports] == QUARTER_CUTOFFS_2025
        no_deadline_invented(reports)
        assert len(reports[0].recipients) == 27
        cites(self.preset, reports, 6, 8, "Định kỳ hàng quý báo cáo Trưởng Ban")

    def test_whole_tet_year_count(self) -> None:
        """2026: 4 committee meetings, 4 working-group reports, 7 standing-agency reports."""
        assert len(year(self.preset, 2026)) == 15
        g = gaps(self.preset)
        assert sum(n for (_, _, rule, _), n in g.items() if rule == "working_sessions") == 25


# -- Thanh Hóa 2021 ---------------------------------------------------------------------------


class TestThanhHoa2021:
    preset = "thanh-hoa-2021"

    def test_committee_meets_once_a_quarter(self) -> None:
        """Điều 7 khoản 1: "Ban Chỉ đạo họp định kỳ một quý một lần."."""
        meetings = pick(year(self.preset, 2025), "committee", "regular_meeting")
        assert windows(meetings) == QUARTERS_2025
        cites(self.preset, meetings, 7, 1, "Ban Chỉ đạo họp định kỳ một quý một lần")

    def test_working_group_cadence_is_not_specified(self) -> None:
        """Điều 7 khoản 3: "Tổ giúp việc họp định kỳ hoặc đột xuất" names no period."""
        assert pick(year(self.preset, 2025), "working_group", "regular_meeting") == []
        assert ("working_group", "regular_meeting", "meetings[2]", "cadence") in gaps(self.preset)

    def test_standing_agency_reports_half_year_and_year_only(self) -> None:
        """Điều 9 khoản 2: "báo cáo 06 tháng và báo cáo năm" (no quarterly report, no deadline)."""
        reports = pick(year(self.preset, 2025), "standing_agency", "report")
        assert [(o.period, o.opens, o.closes) for o in reports] == [
            ("2025-H1", D(2024, 12, 15), D(2025, 6, 14)),
            # Same cut-off: the longer data period (opened earlier) sorts first.
            ("2025", D(2024, 12, 15), D(2025, 12, 14)),
            ("2025-H2", D(2025, 6, 15), D(2025, 12, 14)),
        ]
        no_deadline_invented(reports)
        cites(self.preset, reports, 9, 2, "báo cáo 06 tháng và báo cáo năm")

    def test_working_group_reports_each_quarter(self) -> None:
        """Điều 6 khoản 8: "Định kỳ hàng quý báo cáo Trưởng Ban, Phó Trưởng Ban Chỉ đạo"."""
        reports = pick(year(self.preset, 2025), "working_group", "report")
        assert [(o.opens, o.closes) for o in reports] == QUARTER_CUTOFFS_2025
        no_deadline_invented(reports)
        cites(self.preset, reports, 6, 8, "Định kỳ hàng quý báo cáo")

    def test_whole_tet_year_count(self) -> None:
        assert len(year(self.preset, 2026)) == 11


# -- Tùng Châu 2023 (64/QĐ-BCĐ) -----------------------------------------------------------------


class TestTungChau2023:
    preset = "tung-chau-2023"

    def test_committee_meets_every_six_months_as_circumstances_allow(self) -> None:
        """Điều 7 khoản 1: "Ban Chỉ đạo họp định kỳ sáu tháng một lần (căn cứ tình hình
        thực tế)"."""
        meetings = pick(year(self.preset, 2026), "committee", "regular_meeting")
        assert windows(meetings) == HALVES_2026
        assert {o.condition for o in meetings} == {"căn cứ tình hình thực tế"}
        cites(self.preset, meetings, 7, 1, "Ban Chỉ đạo họp định kỳ sáu tháng một lần")

    def test_working_group_meets_every_month(self) -> None:
        """Điều 7 khoản 3: "Tổ công tác họp định kỳ một tháng một lần"; February 2026 holds Tết."""
        meetings = pick(year(self.preset, 2026), "working_group", "regular_meeting")
        assert len(meetings) == 12
        assert windows(meetings)[1] == (D(2026, 2, 1), D(2026, 2, 28))
        assert [o.period for o in meetings][:3] == ["2026-01", "2026-02", "2026-03"]
        cites(self.preset, meetings, 7, 3, "Tổ công tác họp định kỳ một tháng một lần")

    def test_working_group_reports_each_quarter(self) -> None:
        """Điều 6 khoản 9: "Định kỳ hằng quý báo cáo ..." with no deadline."""
        reports = pick(year(self.preset, 2025), "working_group", "report")
        assert [(o.opens, o.closes) for o in reports] == QUARTER_CUTOFFS_2025
        no_deadline_invented(reports)
        cites(self.preset, reports, 6, 9, "Định kỳ hằng quý báo cáo")

    def test_whole_tet_year_count(self) -> None:
        """2026: 2 committee meetings + 12 working-group meetings + 4 reports."""
        occs = year(self.preset, 2026)
        assert len(occs) == 18
        assert ("working_group", "report", "wg_quarterly", "deadline") in gaps(self.preset)


# -- Vũng Tàu 2024 ---------------------------------------------------------------------------------


class TestVungTau2024:
    preset = "vung-tau-2024"

    def test_committee_and_working_group_meet_once_a_quarter_by_default(self) -> None:
        """Điều 9 khoản 1 and khoản 3: "họp định kỳ theo quý, 6 tháng, năm", read as the genre
        words period reviews (issue 12, finding 3): four sittings a year, the second and fourth
        quarter's also being the six-month and year meetings."""
        occs = year(self.preset, 2026)
        for body, clause, words in (
            ("committee", 1, "Ban Chỉ đạo họp định kỳ theo quý, 6 tháng, năm"),
            ("working_group", 3, "Tổ giúp việc họp định kỳ theo quý, 6 tháng, năm"),
        ):
            meetings = pick(occs, body, "regular_meeting")
            assert [o.period for o in meetings] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
            assert meetings[1].title.endswith("quý II/2026, kiêm họp 6 tháng đầu năm 2026")
            assert meetings[3].title.endswith(
                "quý IV/2026, kiêm họp 6 tháng cuối năm 2026 và năm 2026")
            assert "reviews='combined'" in meetings[0].note
            cites(self.preset, meetings, 9, clause, words)

    def test_committee_and_working_group_meet_by_quarter_half_year_and_year(self) -> None:
        """The other reading, as an option (reviews="separate"): each cadence is listed
        (4 + 2 + 1 windows a year for each body)."""
        occs = year(self.preset, 2026, reviews="separate")
        for body, clause, words in (
            ("committee", 1, "Ban Chỉ đạo họp định kỳ theo quý, 6 tháng, năm"),
            ("working_group", 3, "Tổ giúp việc họp định kỳ theo quý, 6 tháng, năm"),
        ):
            meetings = pick(occs, body, "regular_meeting")
            assert Counter(o.cadence for o in meetings) == {
                Period.QUARTER: 4,
                Period.HALF_YEAR: 2,
                Period.YEAR: 1,
            }
            assert windows(pick(occs, body, "regular_meeting", Period.HALF_YEAR)) == HALVES_2026
            assert windows(pick(occs, body, "regular_meeting", Period.YEAR)) == [
                (D(2026, 1, 1), D(2026, 12, 31))
            ]
            cites(self.preset, meetings, 9, clause, words)

    def test_reports_before_the_15th_move_off_tet_and_weekends(self) -> None:
        """Điều 11 khoản 2: "báo cáo định kỳ trước ngày 15 hàng tháng/quý/năm": due the 14th of
        the period's last month (the preset's reading); a 14th on a day off moves to the next
        working day (Bộ luật Dân sự 2015, Điều 148 khoản 5). February 2026: the 14th is the
        Saturday before Tết (16-20/02), so the report is due Monday 23/02/2026."""
        occs = year(self.preset, 2026)
        monthly = pick(occs, "member", "report", Period.MONTH)
        assert [(o.due.day if o.due else None) for o in monthly] == [
            14,
            23,
            16,
            14,
            14,
            15,
            14,
            14,
            14,
            14,
            16,
            14,
        ]
        feb = monthly[1]
        assert (feb.period, feb.opens, feb.data_period_end) == (
            "2026-02",
            D(2026, 1, 15),
            D(2026, 2, 14),
        )
        assert (feb.due, feb.shifted_from, feb.closes) == (
            D(2026, 2, 23),
            D(2026, 2, 14),
            D(2026, 2, 23),
        )
        assert feb.citations[-1] == DEADLINE_SHIFT_CITATION
        assert feb.recipients == ("committee",)
        assert feb.through == ("standing_agency",)
        cites(self.preset, monthly, 11, 2, "trước ngày 15 hàng tháng/quý/năm")
        for o in pick(occs, "member", "report"):
            assert o.status == "not_specified"  # 2026: past the 2025 reorganisation
            assert o.due is not None
            assert is_working_day(o.due)

    def test_quarterly_and_yearly_deadlines(self) -> None:
        """Điều 11 khoản 2, "hàng quý/năm": the 14th of March, June, September, December."""
        occs = year(self.preset, 2026)
        quarterly = pick(occs, "wg_member", "report", Period.QUARTER)
        assert [(o.due, o.shifted_from) for o in quarterly] == [
            (D(2026, 3, 16), D(2026, 3, 14)),
            (D(2026, 6, 15), D(2026, 6, 14)),
            (D(2026, 9, 14), None),
            (D(2026, 12, 14), None),
        ]
        yearly = pick(occs, "related_agencies", "report", Period.YEAR)
        assert [(o.opens, o.due) for o in yearly] == [(D(2025, 12, 15), D(2026, 12, 14))]

    def test_the_previous_working_day_policy_moves_tet_deadlines_back(self) -> None:
        occs = year(self.preset, 2026, policy=ShiftPolicy.PREVIOUS_WORKING_DAY)
        feb = pick(occs, "member", "report", Period.MONTH)[1]
        assert (feb.due, feb.shifted_from) == (D(2026, 2, 13), D(2026, 2, 14))

    def test_the_compiled_report_has_no_deadline(self) -> None:
        """Điều 11 khoản 2: the standing agency compiles "để tổng hợp, báo cáo UBND tỉnh ..."
        with no deadline of its own."""
        reports = pick(year(self.preset, 2026), "standing_agency", "report")
        assert len(reports) == 17
        no_deadline_invented(reports)

    def test_whole_tet_year_count(self) -> None:
        """2026: 8 meetings (4 a body); 3 reporters x 17 reports with deadlines; 17 compiled."""
        occs = year(self.preset, 2026)
        assert len(occs) == 76
        assert len(year(self.preset, 2026, reviews="separate")) == 82
        # On 01/07/2025 thành phố Vũng Tàu ended as a district-level unit (Luật 72/2025/QH15):
        # whether the regulation applies in 2026 is not specified, so nothing is decided.
        assert Counter(o.status for o in occs) == {"not_specified": 76}
        assert all("Luật 72/2025/QH15" in o.note for o in occs)
        # Before 01/07/2025 its items are decided.
        assert Counter(o.status for o in year(self.preset, 2025) if o.closes < dt.date(2025, 7, 1))[
            OccurrenceStatus.DECIDED
        ] > 0
        assert Counter(o.body for o in occs if o.kind == "report") == {
            "member": 17,
            "wg_member": 17,
            "related_agencies": 17,
            "standing_agency": 17,
        }
        moved = {o.period for o in occs if o.shifted_from is not None}
        assert moved == {"2026-02", "2026-03", "2026-06", "2026-11", "2026-Q1", "2026-Q2"}


# -- every preset -------------------------------------------------------------------------------


@pytest.mark.parametrize("preset", steering.presets.names())
def test_every_dated_occurrence_cites_a_meeting_or_report_clause_of_its_regulation(
    preset: str,
) -> None:
    reg = steering.presets.load(preset)
    rules = {m.citation for m in reg.meetings} | {r.citation for r in reg.reports}
    occs = year(preset, 2025)
    assert occs
    for o in occs:
        assert o.regulation == preset
        assert o.citations[0] in rules
        if o.due is not None:
            assert is_working_day(o.due)
    for g in calendar_gaps(reg):
        assert isinstance(g, CalendarGap)
        assert g.citation in rules


# -- the docs list every reading --------------------------------------------------------------


def _readings_section(preset: str) -> str:
    page = Path(__file__).resolve().parent.parent / "docs" / "calendars.md"
    text = page.read_text(encoding="utf-8")
    start = text.index(f"### {preset}\n")
    end = text.find("\n### ", start + 1)
    return text[start : end if end != -1 else len(text)]


@pytest.mark.parametrize("preset", steering.presets.names())
def test_the_calendars_page_lists_every_reading_of_the_preset(preset: str) -> None:
    """Every meeting or periodic-report rule that records a reading (a note on the rule or on
    its deadline) is listed, by its clause, under the preset on docs/calendars.md."""
    reg = steering.presets.load(preset)
    section = _readings_section(preset)
    cited = [m.citation for m in reg.meetings if m.note and m.kind is MeetingKind.REGULAR]
    cited += [
        r.citation
        for r in reg.reports
        if (r.cadences or r.periodic) and (r.note or (r.deadline and r.deadline.note))
    ]
    assert cited, f"{preset} records no calendar reading"
    for c in cited:
        label = c.label()
        assert label in section, (
            f"docs/calendars.md does not list the reading of {label} under {preset}"
        )
