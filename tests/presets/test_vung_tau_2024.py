"""Quy chế hoạt động Ban Chỉ đạo Chuyển đổi số thành phố Vũng Tàu (draft decision, 8/2024).

Each test states what the regulation says and checks the clause it cites.
The model's facts first, then what the engines answer from them (`TestAuthority`,
`TestCalendar`), then the checks every preset passes (`TestEveryPreset`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

import steering
from steering.regulation import EffectiveKind, Level, PartialDate, Regulation
from steering.roles import BodyKind, Role
from steering.rules import (
    AttendanceCondition,
    Cadence,
    ChannelKind,
    MeetingKind,
    Period,
    SealKind,
    SigningForm,
)
from steering.schedule import (
    OccurrenceStatus,
)
from steering.workdays import DEADLINE_SHIFT_CITATION, ShiftPolicy, is_working_day

from ._assert import assert_loads_clean, cites, only, quotes, timing_not_specified, where
from ._engines import (
    HALVES_2026,
    D,
    PresetCase,
    assert_ruling,
    graph,
    labels,
    no_deadline_invented,
    occ_cites,
    pick,
    windows,
    year,
)

DEPUTIES = {"standing_deputy", "deputy_vhtt"}
WG_DOCUMENTS = (
    "Giấy mời họp của Tổ giúp việc",
    "Thông báo phân công nhiệm vụ các thành viên Tổ giúp việc",
    "Báo cáo tình hình, hoạt động của Tổ giúp việc",
    "Tờ trình, đề xuất của Tổ giúp việc",
)
WG_SCOPE = "các trường hợp khác trong phạm vi chức năng, nhiệm vụ của Tổ giúp việc"
THREE = (Cadence.quarterly(), Cadence.half_yearly(), Cadence.yearly())


@pytest.fixture(scope="module")
def reg() -> Regulation:
    return assert_loads_clean("vung-tau-2024")


def test_loads_and_validates_with_zero_problems(reg: Regulation) -> None:
    assert reg.committee.name == "Ban Chỉ đạo Chuyển đổi số thành phố Vũng Tàu"


# ---------------------------------------------------------------- identity


def test_draft_decision_number_blank_signed_august_2024(reg: Regulation) -> None:
    """"Số: /QĐ-BCĐCĐS", "Vũng Tàu, ngày tháng 8 năm 2024": number blank, date partial."""
    ident = reg.identity
    assert ident.decision_number == ""
    assert ident.signed == PartialDate(2024, 8)
    assert not ident.signed.complete
    assert ident.signed_citation is not None  # the text gives the date
    cites(ident.signed_citation, None, document="decision")
    quotes(ident.signed_citation, "ngày tháng 8 năm 2024")


def test_decision_dieu_2_in_force_from_signing(reg: Regulation) -> None:
    """Điều 2 (Quyết định): Quyết định này có hiệu lực thi hành kể từ ngày ký."""
    eff = reg.identity.effective
    assert eff.kind is EffectiveKind.ON_SIGNING
    assert eff.date == PartialDate(2024, 8)
    assert eff.citation is not None
    cites(eff.citation, "Điều 2", document="decision")


def test_city_of_ba_ria_vung_tau_province(reg: Regulation) -> None:
    """A district-level city; the preamble names "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"."""
    ident = reg.identity
    assert (ident.level, ident.locality, ident.province) == (
        Level.DISTRICT,
        "thành phố Vũng Tàu",
        "Bà Rịa - Vũng Tàu",
    )


def test_signed_truong_ban_chu_tich_ubnd(reg: Regulation) -> None:
    """Signature block: "TRƯỞNG BAN / CHỦ TỊCH UBND TP.VŨNG TÀU", Hoàng Vũ Thanh, no prefix.

    The capacity line is in ``lines``, the office line in ``office`` (as in Thanh Hóa).
    """
    sig = reg.identity.signature
    assert sig is not None
    assert sig.form is SigningForm.DIRECT
    assert sig.lines == ("TRƯỞNG BAN",)
    assert sig.office == "CHỦ TỊCH UBND TP.VŨNG TÀU"
    assert (sig.post, sig.role, sig.name) == ("head", Role.HEAD, "Hoàng Vũ Thanh")
    cites(sig, None, document="decision")


# ---------------------------------------------------------------- committee


def test_dieu_10_khoan_1_members_work_part_time(reg: Regulation) -> None:
    """Điều 10 khoản 1: làm việc theo chế độ kiêm nhiệm."""
    assert reg.committee.part_time is not None
    cites(reg.committee.part_time, "Điều 10 khoản 1")


def test_dieu_10_khoan_1_working_group_works_part_time_too(reg: Regulation) -> None:
    """Điều 10 khoản 1: Các thành viên Ban Chỉ đạo và Tổ giúp việc làm việc theo chế độ kiêm
    nhiệm: the Tổ giúp việc is named alongside the committee."""
    (wg,) = reg.working_groups
    assert wg.part_time is not None
    cites(wg.part_time, "Điều 10 khoản 1")
    quotes(wg.part_time, "Ban Chỉ đạo và Tổ giúp việc làm việc theo chế độ kiêm nhiệm")
    assert wg.part_time == reg.committee.part_time  # one sentence, cited once


def test_dieu_2_principles_bullet_by_bullet(reg: Regulation) -> None:
    """Điều 2: five "- " bullets, cited as clauses 1-5 in order."""
    assert [p.citation.clause for p in reg.committee.principles] == [1, 2, 3, 4, 5]
    cites(reg.committee.principles[0], "Điều 2 khoản 1")
    quotes(reg.committee.principles[0], "do Trưởng ban quyết định")


def test_dieu_10_khoan_2_working_form(reg: Regulation) -> None:
    """Điều 10 khoản 2: Ban Chỉ đạo định kỳ hoặc đột xuất làm việc với Tổ giúp việc."""
    (form,) = reg.committee.working_forms
    cites(form, "Điều 10 khoản 2")


def test_dieu_12_khoan_1_funding_from_the_culture_department(reg: Regulation) -> None:
    """Điều 12 khoản 1: dự toán của Phòng Văn hóa và Thông tin; Phòng quản lý kinh phí."""
    (funding,) = reg.committee.funding
    cites(funding, "Điều 12 khoản 1")
    assert "Phòng Văn hóa và Thông tin" in funding.source
    assert funding.manager == "standing_agency"


def test_dieu_8_standing_agency_is_phong_vhtt(reg: Regulation) -> None:
    """Điều 8: Phòng Văn hóa và Thông tin là Cơ quan thường trực của Ban Chỉ đạo."""
    sa = reg.post(reg.committee.standing_agency)
    assert sa.role is Role.STANDING_AGENCY
    assert sa.agency == "Phòng Văn hóa và Thông tin"
    cites(sa, "Điều 8")


# ---------------------------------------------------------------- posts


def test_head_is_the_chairman_of_the_city_committee(reg: Regulation) -> None:
    """Signature block: the Trưởng ban signs as CHỦ TỊCH UBND TP.VŨNG TÀU."""
    head = reg.head
    assert head.id == "head"
    assert head.office == "Chủ tịch UBND thành phố"
    assert head.holder is not None
    cites(head.holder, None, document="decision")
    assert [d.citation.clause for d in head.duties] == [1, 2, 3]


def test_dieu_5_deputy_is_the_head_of_phong_vhtt(reg: Regulation) -> None:
    """Điều 5: Phó Trưởng ban là Trưởng phòng Văn hóa và Thông tin."""
    deputy = reg.post("deputy_vhtt")
    assert deputy.role is Role.DEPUTY
    assert deputy.office == "Trưởng phòng Văn hóa và Thông tin"
    assert deputy.holder is not None
    cites(deputy.holder, "Điều 5")
    assert len(deputy.duties) == 5
    assert {p.id for p in reg.posts_with_role(Role.DEPUTY)} == {"deputy_vhtt"}


def test_dieu_4_standing_deputy_duties(reg: Regulation) -> None:
    """Điều 4 khoản 1-3: Phó Trưởng ban Thường trực (holder not named)."""
    sd = reg.post("standing_deputy")
    assert sd.holder is None
    assert [d.citation.clause for d in sd.duties] == [1, 2, 3]


def test_dieu_6_members_duties_clause_by_clause(reg: Regulation) -> None:
    """Điều 6 khoản 1-5: các thành viên Ban Chỉ đạo (a class of seats)."""
    member = reg.post("member")
    assert member.plural
    assert [d.citation.clause for d in member.duties if d.citation.article == 6] == [
        1, 2, 2, 3, 4, 5,
    ]


@pytest.mark.parametrize(
    ("at", "words"),
    [
        ("Điều 6 khoản 1", "và nhiệm vụ chuyển đổi số thuộc phạm vi quản lý của cơ quan, đơn vị"),
        ("Điều 6 khoản 2", "chỉ đạo lồng ghép các nội dung về nhiệm vụ chuyển đổi số"),
        ("Điều 6 khoản 3", "ủy quyền cho người dự họp thay phải báo cáo"),
    ],
)
def test_every_part_of_a_members_clause_is_a_duty(reg: Regulation, at: str, words: str) -> None:
    """Điều 6 khoản 1 (advice also on the member's own agency's tasks), khoản 2 (also "chỉ đạo
    lồng ghép"), khoản 3 (attendance, absence and proxy): each part is one of their duties."""
    article, clause, _ = where(at)
    duty = only(
        reg.post("member").duties,
        lambda d: (d.citation.article, d.citation.clause) == (article, clause)
        and " ".join(words.split()) in " ".join(d.text.split()),
        "duty",
    )
    cites(duty, at)


def test_dieu_7_working_group(reg: Regulation) -> None:
    """Điều 7: Tổ giúp việc, led by the Tổ trưởng (khoản 8)."""
    (wg,) = reg.working_groups
    assert (wg.id, wg.lead) == ("to_giup_viec", "wg_lead")
    cites(wg, "Điều 1 khoản 2")
    assert [d.citation.clause for d in wg.duties if d.citation.article == 7] == [
        1, 2, 2, 3, 3, 4, 5, 6, 7, 9,
    ]
    assert reg.post("wg_member").group == "to_giup_viec"


def test_dieu_7_khoan_3_working_group_follows_up_conclusions_and_reviews(
    reg: Regulation,
) -> None:
    """Điều 7 khoản 3: ...; đôn đốc, kiểm tra tình hình thực hiện kết luận, chỉ đạo của Trưởng
    ban và các Phó Trưởng ban; tham mưu tổ chức sơ kết, tổng kết, đánh giá ..."""
    (wg,) = reg.working_groups
    duty = only(wg.duties, lambda d: "sơ kết" in d.text, "duty")
    cites(duty, "Điều 7 khoản 3")
    quotes(duty, "đôn đốc, kiểm tra tình hình thực hiện kết luận, chỉ đạo của Trưởng ban")
    quotes(duty, "tham mưu tổ chức sơ kết, tổng kết, đánh giá tình hình")


def test_outside_bodies(reg: Regulation) -> None:
    """Điều 11 khoản 2 and Điều 13 khoản 2 name bodies outside the committee."""
    kinds = {b.id: b.kind for b in reg.bodies}
    assert kinds["ubnd_tinh"] is BodyKind.PEOPLES_COMMITTEE
    assert kinds["bcd_cds_tinh"] is BodyKind.COMMITTEE
    assert kinds["so_tttt"] is BodyKind.AGENCY
    assert kinds["thuong_truc_thanh_uy"] is BodyKind.PARTY_COMMITTEE
    assert kinds["ubnd_thanh_pho"] is BodyKind.PEOPLES_COMMITTEE
    assert kinds["chu_tich_ubnd_thanh_pho"] is BodyKind.OFFICIAL
    assert kinds["agency_heads"] is BodyKind.AGENCY_HEADS
    names = {b.id: b.name for b in reg.bodies}
    assert names["agencies"] == "các cơ quan, đơn vị"  # Điều 14 khoản 2
    assert names["related_agencies"] == "các cơ quan, đơn vị có liên quan"  # Điều 11 khoản 2
    assert names["agencies_localities"] == "các cơ quan, đơn vị, địa phương"  # Điều 10 khoản 2


# ---------------------------------------------------------------- substitution


def test_dieu_4_khoan_1_head_absent_standing_deputy_acts_and_nothing_more(
    reg: Regulation,
) -> None:
    """Điều 4 khoản 1: thay mặt Trưởng ban ... khi Trưởng ban vắng mặt. No further tier."""
    (rule,) = reg.substitutions
    assert (rule.principal, rule.substitutes, rule.rank) == ("head", ("standing_deputy",), 1)
    cites(rule, "Điều 4 khoản 1")


# ---------------------------------------------------------------- accountability


def test_dieu_4_khoan_2_standing_deputy_answers_for_the_working_group(reg: Regulation) -> None:
    """Điều 4 khoản 2: chịu trách nhiệm trước Trưởng ban về hiệu quả hoạt động của Tổ giúp việc."""
    rule = only(reg.accountability, lambda a: a.subject == "standing_deputy")
    assert rule.to == ("head",)
    cites(rule, "Điều 4 khoản 2")


def test_dieu_6_khoan_2_members_answer_to_head(reg: Regulation) -> None:
    """Điều 6 khoản 2: Trực tiếp chỉ đạo và chịu trách nhiệm trước Trưởng ban."""
    rule = only(reg.accountability, lambda a: a.subject == "member")
    assert rule.to == ("head",)
    cites(rule, "Điều 6 khoản 2")


def test_dieu_13_khoan_2_agency_heads_answer_to_chairman_and_head(reg: Regulation) -> None:
    """Điều 13 khoản 2: Chịu trách nhiệm trước Chủ tịch UBND Thành phố, Trưởng Ban Chỉ đạo."""
    rule = only(reg.accountability, lambda a: a.subject == "agency_heads")
    assert set(rule.to) == {"chu_tich_ubnd_thanh_pho", "head"}
    cites(rule, "Điều 13 khoản 2")


# ---------------------------------------------------------------- directions


def test_dieu_4_khoan_2_standing_deputy_directs_the_working_group(reg: Regulation) -> None:
    """Điều 4 khoản 2: Chỉ đạo hoạt động Tổ giúp việc."""
    rule = only(reg.directions, lambda d: d.subjects == ("standing_deputy",))
    assert rule.objects == ("to_giup_viec",)
    cites(rule, "Điều 4 khoản 2")


def test_dieu_6_khoan_2_city_bodies_give_members_tasks(reg: Regulation) -> None:
    """Điều 6 khoản 2: được UBND thành phố, Chủ tịch UBND thành phố, Trưởng và Phó Ban giao."""
    rule = only(reg.directions, lambda d: "ubnd_thanh_pho" in d.subjects)
    assert set(rule.subjects) == {"ubnd_thanh_pho", "chu_tich_ubnd_thanh_pho", "head", *DEPUTIES}
    assert rule.objects == ("member",)
    cites(rule, "Điều 6 khoản 2")


# ---------------------------------------------------------------- reports


def test_dieu_11_khoan_2_members_report_through_phong_vhtt(reg: Regulation) -> None:
    """Điều 11 khoản 2: báo cáo định kỳ ... về Ban chỉ đạo (thông qua Phòng VH&TT)."""
    rule = only(reg.reports, lambda r: r.id == "periodic_to_committee")
    assert set(rule.reporters) == {"member", "wg_member", "related_agencies"}
    assert rule.recipients == ("committee",)
    assert rule.through == ("standing_agency",)
    assert rule.periodic
    assert rule.ad_hoc
    assert rule.cadences == (Cadence.monthly(), Cadence.quarterly(), Cadence.yearly())
    cites(rule, "Điều 11 khoản 2")


def test_dieu_11_khoan_2_deadline_before_the_15th(reg: Regulation) -> None:
    """Điều 11 khoản 2: "trước ngày 15": the 15th itself is too late; the reading is stated."""
    rule = only(reg.reports, lambda r: r.id == "periodic_to_committee")
    assert rule.deadline is not None
    assert (rule.deadline.day, rule.deadline.before, rule.deadline.month_offset) == (15, True, 0)
    assert "Nghị định 09/2019" in rule.deadline.note


def test_dieu_11_khoan_2_phong_vhtt_compiles_for_province_and_city(reg: Regulation) -> None:
    """Điều 11 khoản 2: để tổng hợp, báo cáo UBND tỉnh, BCĐ CDS tỉnh, Sở TT&TT, ..."""
    rule = only(reg.reports, lambda r: r.id == "compiled_by_standing_agency")
    assert rule.reporters == ("standing_agency",)
    assert set(rule.recipients) == {
        "ubnd_tinh",
        "bcd_cds_tinh",
        "so_tttt",
        "thuong_truc_thanh_uy",
        "head",
        "ubnd_thanh_pho",
        "chu_tich_ubnd_thanh_pho",
    }
    assert rule.deadline is None
    cites(rule, "Điều 11 khoản 2")


def test_dieu_6_khoan_4_ad_hoc_report_on_request(reg: Regulation) -> None:
    """Điều 6 khoản 4: báo cáo đột xuất khi Trưởng ban, các Phó Trưởng ban yêu cầu."""
    rule = only(reg.reports, lambda r: r.id == "member_ad_hoc")
    assert (rule.ad_hoc, rule.periodic) == (True, False)
    assert set(rule.recipients) == {"head", *DEPUTIES}
    cites(rule, "Điều 6 khoản 4")


def test_dieu_13_khoan_2_agency_heads_report_periodically_cadence_not_specified(
    reg: Regulation,
) -> None:
    """Điều 13 khoản 2: chế độ thông tin, báo cáo định kỳ theo quy định: no period named."""
    rule = only(reg.reports, lambda r: r.id == "agency_heads_reports")
    assert (rule.periodic, rule.cadences) == (True, ())
    cites(rule, "Điều 13 khoản 2")


def test_dieu_14_khoan_2_feedback_through_phong_vhtt(reg: Regulation) -> None:
    """Điều 14 khoản 2: phản ánh về Phòng VH&TT - Cơ quan thường trực ... báo cáo Trưởng ban."""
    rule = only(reg.reports, lambda r: r.id == "feedback_on_regulation")
    assert rule.reporters == ("agencies",)
    assert rule.through == ("standing_agency",)
    assert rule.recipients == ("head",)
    assert rule.ad_hoc
    cites(rule, "Điều 14 khoản 2")


@pytest.mark.parametrize(
    ("report", "at"),
    [
        ("deputy_vhtt_results", "Điều 5"),
        ("wg_annual_plan", "Điều 7 khoản 1"),
        ("wg_rewards", "Điều 7 khoản 4"),
        ("wg_results", "Điều 7 khoản 6"),
        ("member_results", "Điều 10 khoản 3"),
    ],
)
def test_reports_with_no_period_and_no_occasion_have_timing_not_specified(
    reg: Regulation, report: str, at: str
) -> None:
    """Điều 5, Điều 7 khoản 6, Điều 10 khoản 3 say "báo cáo" with no period and no
    "kịp thời" / "đột xuất", Điều 7 khoản 1 and 4 say "trình" likewise: when they are made is
    not specified (khoản 1's plans are yearly, their submission has no date)."""
    rule = only(reg.reports, lambda r: r.id == report)
    timing_not_specified(rule)
    cites(rule, at)


def test_dieu_7_khoan_1_working_group_submits_the_yearly_plans_to_the_head(
    reg: Regulation,
) -> None:
    """Điều 7 khoản 1: Xây dựng, trình Trưởng ban ban hành chương trình, kế hoạch công tác, kiểm
    tra hàng năm của Ban Chỉ đạo. The plans are yearly; no submission date is stated."""
    rule = only(reg.reports, lambda r: r.id == "wg_annual_plan")
    assert (rule.reporters, rule.recipients) == (("to_giup_viec",), ("head",))
    assert rule.subject == "chương trình, kế hoạch công tác, kiểm tra hàng năm của Ban Chỉ đạo"
    timing_not_specified(rule)
    cites(rule, "Điều 7 khoản 1")
    quotes(rule, "trình Trưởng ban ban hành")
    assert "hàng năm" in rule.note
    (wg,) = reg.working_groups
    duty = only(wg.duties, lambda d: d.citation.article == 7 and d.citation.clause == 1, "duty")
    quotes(duty, "và tham mưu tổ chức thực hiện")


def test_dieu_7_khoan_4_working_group_submits_rewards_to_committee_and_head(
    reg: Regulation,
) -> None:
    """Điều 7 khoản 4: Tham mưu, trình Ban Chỉ đạo và đồng chí Trưởng ban trong việc khen thưởng."""
    rule = only(reg.reports, lambda r: r.id == "wg_rewards")
    assert (rule.reporters, rule.recipients) == (("to_giup_viec",), ("committee", "head"))
    cites(rule, "Điều 7 khoản 4")
    quotes(rule, "trình Ban Chỉ đạo và đồng chí Trưởng ban trong việc khen thưởng")


def test_dieu_7_khoan_2_report_with_no_named_recipient_stays_a_duty(reg: Regulation) -> None:
    """Điều 7 khoản 2: "kịp thời báo cáo và tham mưu, đề xuất" names no recipient."""
    (wg,) = reg.working_groups
    duty = only(wg.duties, lambda d: "kịp thời báo cáo" in d.text, "duty")
    cites(duty, "Điều 7 khoản 2")
    assert not [r for r in reg.reports if r.citation.article == 7 and r.citation.clause == 2]


@pytest.mark.parametrize(
    ("subjects", "objects", "at", "words"),
    [
        (
            ("committee",),
            ("to_giup_viec", "agencies_localities"),
            "Điều 10 khoản 2",
            "làm việc với các cơ quan, đơn vị, địa phương để chỉ đạo triển khai",
        ),
        (("wg_lead",), ("wg_member",), "Điều 10 khoản 4", "được quyền triệu tập các thành viên"),
        (("committee",), ("agency_heads",), "Điều 13 khoản 1", "Vũng Tàu giao cho"),
        (("head",), ("committee",), "Điều 3 khoản 1", "Chỉ đạo, điều hành toàn diện"),
    ],
)
def test_directions_clause_by_clause(
    reg: Regulation, subjects: tuple[str, ...], objects: tuple[str, ...], at: str, words: str
) -> None:
    """Điều 3 khoản 1 (the head directs the committee as a whole), Điều 10 khoản 2 (the
    committee works with the Tổ giúp việc and with agencies, units and
    localities to direct them), khoản 4 (the Tổ trưởng summons the group's members), Điều 13
    khoản 1 (tasks the committee gives to agency heads, and its supervision)."""
    article, clause, _ = where(at)
    rule = only(
        reg.directions,
        lambda d: (d.citation.article, d.citation.clause) == (article, clause)
        and (d.subjects, d.objects) == (subjects, objects),
    )
    cites(rule, at)
    quotes(rule, words)


# ---------------------------------------------------------------- seals and signing


def test_dieu_10_khoan_1_head_and_standing_deputy_use_the_city_seal(reg: Regulation) -> None:
    """Điều 10 khoản 1: Trưởng ban, Phó Trưởng ban thường trực sử dụng con dấu của UBND ..."""
    rule = only(reg.seals, lambda s: "head" in s.posts)
    assert set(rule.posts) == {"head", "standing_deputy"}
    assert rule.seal.kind is SealKind.AGENCY
    assert rule.seal.agency == "UBND thành phố"
    cites(rule, "Điều 10 khoản 1")


def test_dieu_10_khoan_1_deputy_and_members_use_their_own_agency_seal(reg: Regulation) -> None:
    """Điều 10 khoản 1: ... sử dụng con dấu của cơ quan đang công tác."""
    rule = only(reg.seals, lambda s: "member" in s.posts)
    assert set(rule.posts) == {"deputy_vhtt", "member"}
    assert rule.seal.kind is SealKind.OWN_AGENCY
    cites(rule, "Điều 10 khoản 1")


def test_dieu_7_khoan_8_wg_lead_signs_and_seals_listed_documents(reg: Regulation) -> None:
    """Điều 7 khoản 8: Tổ trưởng ký và sử dụng con dấu của cơ quan đang công tác, (1)-(4);
    "và các trường hợp khác trong phạm vi chức năng, nhiệm vụ của Tổ giúp việc" closes item (4):
    an open-ended tail, not a fifth kind of document."""
    seal = only(reg.seals, lambda s: s.posts == ("wg_lead",))
    assert seal.seal.kind is SealKind.OWN_AGENCY
    signing = only(reg.signing, lambda s: s.posts == ("wg_lead",))
    for rule in (seal, signing):
        assert rule.documents == WG_DOCUMENTS
        assert rule.scope == WG_SCOPE
        cites(rule, "Điều 7 khoản 8")
        quotes(rule, "(1) Phát hành Giấy mời họp của Tổ giúp việc")
        quotes(rule, "(4) Tờ trình, đề xuất của Tổ giúp việc và " + WG_SCOPE)
    assert seal.citation == signing.citation  # the clause is cited once, with one quote


def test_committee_seal_not_specified(reg: Regulation) -> None:
    """Unlike Đắk Nông, nothing says the committee has (or lacks) a seal of its own."""
    assert all("committee" not in s.posts for s in reg.seals)


def test_dieu_5_deputy_signs_documents_on_organisation_and_activity(reg: Regulation) -> None:
    """Điều 5: ký các văn bản liên quan đến tổ chức, hoạt động của Ban Chỉ đạo."""
    rule = only(reg.signing, lambda s: s.posts == ("deputy_vhtt",))
    assert rule.documents == ("văn bản liên quan đến tổ chức, hoạt động của Ban Chỉ đạo",)
    cites(rule, "Điều 5")


# ---------------------------------------------------------------- meetings


def test_dieu_9_khoan_1_committee_meets_quarterly_half_yearly_yearly(reg: Regulation) -> None:
    """Điều 9 khoản 1: Ban Chỉ đạo họp định kỳ theo quý, 6 tháng, năm: three cadences."""
    rule = only(
        reg.meetings, lambda m: m.body == "committee" and m.kind is MeetingKind.REGULAR
    )
    assert rule.cadences == THREE
    assert rule.note
    cites(rule, "Điều 9 khoản 1")


def test_dieu_9_khoan_3_working_group_meets_on_the_same_cadences(reg: Regulation) -> None:
    """Điều 9 khoản 3: Tổ giúp việc họp định kỳ theo quý, 6 tháng, năm."""
    rule = only(reg.meetings, lambda m: m.body == "to_giup_viec")
    assert rule.cadences == THREE
    cites(rule, "Điều 9 khoản 3")


def test_dieu_9_khoan_1_extraordinary_on_proposal_of_standing_agency(reg: Regulation) -> None:
    """Điều 9 khoản 1: đột xuất theo triệu tập của Trưởng ban, Phó Trưởng ban hoặc theo đề nghị của Cơ quan thường trực."""  # noqa: E501 - the clause, verbatim
    rule = only(
        reg.convening,
        lambda c: c.citation.article == 9 and c.meeting is MeetingKind.EXTRAORDINARY
        and c.body == "committee",
    )
    assert set(rule.conveners) == {"head", *DEPUTIES}
    assert rule.on_proposal_of == ("standing_agency",)
    cites(rule, "Điều 9 khoản 1")


def test_dieu_9_khoan_2_head_and_deputies_call_expanded_meetings(reg: Regulation) -> None:
    """Điều 9 khoản 2: Trưởng ban, các Phó Trưởng ban quyết định triệu tập cuộc họp mở rộng."""
    rule = only(reg.convening, lambda c: c.meeting is MeetingKind.EXPANDED)
    assert set(rule.conveners) == {"head", *DEPUTIES}
    cites(rule, "Điều 9 khoản 2")
    meeting = only(reg.meetings, lambda m: m.kind is MeetingKind.EXPANDED)
    cites(meeting, "Điều 9 khoản 2")


def test_dieu_9_khoan_3_wg_lead_calls_extraordinary_meetings(reg: Regulation) -> None:
    """Điều 9 khoản 3: đột xuất theo yêu cầu của Tổ trưởng Tổ giúp việc."""
    rule = only(reg.convening, lambda c: c.body == "to_giup_viec")
    assert (rule.meeting, rule.conveners) == (MeetingKind.EXTRAORDINARY, ("wg_lead",))
    cites(rule, "Điều 9 khoản 3")


def test_dieu_3_khoan_3_head_convenes_and_chairs(reg: Regulation) -> None:
    """Điều 3 khoản 3: Triệu tập và chủ trì các cuộc họp định kỳ hoặc đột xuất."""
    rule = only(reg.convening, lambda c: c.meeting is MeetingKind.REGULAR)
    assert (rule.conveners, rule.chairs) == (("head",), True)
    cites(rule, "Điều 3 khoản 3")


def test_dieu_9_khoan_1_chair_decides_who_attends(reg: Regulation) -> None:
    """Điều 9 khoản 1: Thành phần tham dự cuộc họp do người chủ trì cuộc họp quyết định."""
    (rule,) = reg.compositions
    assert (rule.body, rule.decided_by) == ("committee", "chair")
    cites(rule, "Điều 9 khoản 1")


def test_dieu_6_khoan_3_proxy_needs_report_and_consent_not_writing(reg: Regulation) -> None:
    """Điều 6 khoản 3: ủy quyền cho người dự họp thay phải báo cáo và được sự đồng ý."""
    (rule,) = reg.attendance
    assert rule.posts == ("member",)
    assert rule.must_attend
    both = {AttendanceCondition.REPORT_TO_CHAIR, AttendanceCondition.CHAIR_CONSENT}
    assert set(rule.absence_conditions) == both
    assert rule.proxy_allowed is True
    assert set(rule.proxy_conditions) == both
    assert AttendanceCondition.WRITTEN_OPINION not in rule.proxy_conditions
    cites(rule, "Điều 6 khoản 3")


# ---------------------------------------------------------------- channels


def test_dieu_11_khoan_1_documents_by_idesk_or_direct(reg: Regulation) -> None:
    """Điều 11 khoản 1: gửi qua hệ thống Văn phòng điện tử (iDesk) hoặc gửi trực tiếp."""
    idesk = only(reg.channels, lambda c: c.platform == "iDesk")
    assert idesk.kind is ChannelKind.DOCUMENT_SYSTEM
    cites(idesk, "Điều 11 khoản 1")
    direct = only(reg.channels, lambda c: c.kind is ChannelKind.DIRECT)
    cites(direct, "Điều 11 khoản 1")


def test_dieu_11_khoan_1_zalo_group_excludes_secret_documents(reg: Regulation) -> None:
    """Điều 11 khoản 1: nhóm Zalo "Chuyển đổi số thành phố Vũng Tàu" (trừ văn bản "Mật")."""
    zalo = only(reg.channels, lambda c: c.platform == "Zalo")
    assert zalo.name == "Chuyển đổi số thành phố Vũng Tàu"
    assert zalo.kind is ChannelKind.CHAT_GROUP
    assert any("Mật" in x for x in zalo.excludes)
    assert zalo.administrator == "standing_agency"
    cites(zalo, "Điều 11 khoản 1")


def test_what_the_regulation_does_not_say(reg: Regulation) -> None:
    """No monitoring annex, no written authorisations, no decision replaced."""
    assert reg.monitoring is None
    assert reg.delegations == ()
    assert reg.identity.replaces == ()


def test_dieu_14_khoan_1_members_and_working_group_carry_out_the_regulation(
    reg: Regulation,
) -> None:
    """Điều 14 khoản 1: "Các thành viên Ban Chỉ đạo, Tổ giúp việc, ... có trách nhiệm thực
    hiện nghiêm túc Quy chế này": a duty of the member post and of the Tổ giúp việc."""
    member = reg.post("member")
    (wg,) = reg.working_groups
    for duties in (member.duties, wg.duties):
        d = only(duties, lambda x: x.citation.article == 14, "Điều 14 duty")
        cites(d, "Điều 14 khoản 1")
        quotes(d, "có trách nhiệm thực hiện nghiêm túc Quy chế này")


# ---- The engines on this regulation: authority queries, then its calendar ----


class TestAuthority:
    """What the authority graph answers, clause by clause."""

    g = staticmethod(lambda: graph("vung-tau-2024"))

    def test_head_absent_standing_deputy_acts_dieu_4_khoan_1(self) -> None:
        assert_ruling(
            self.g().acting_for("head", absent={"head"}),
            "decided",
            ("standing_deputy",),
            "Điều 4 khoản 1",
        )

    @pytest.mark.parametrize("post", ["head", "standing_deputy"])
    def test_leaders_use_city_seal_dieu_10_khoan_1(self, post: str) -> None:
        assert_ruling(self.g().seal_for(post), "decided", ("UBND thành phố",), "Điều 10 khoản 1")

    def test_deputy_uses_own_agency_seal_dieu_10_khoan_1(self) -> None:
        r = self.g().seal_for("deputy_vhtt")
        assert_ruling(r, "decided", ("Phòng Văn hóa và Thông tin",), "Điều 10 khoản 1")

    def test_wg_lead_seal_only_for_listed_documents_dieu_7_khoan_8(self) -> None:
        g = self.g()
        r = g.seal_for("wg_lead", document="Giấy mời họp của Tổ giúp việc")
        assert_ruling(r, "decided", cite="Điều 7 khoản 8")
        assert r.seal is not None
        assert r.seal.kind is SealKind.OWN_AGENCY
        other = g.seal_for("wg_lead", document="Quyết định thành lập")
        assert_ruling(other, "not_specified", (), "Điều 7 khoản 8")
        assert "Giấy mời họp của Tổ giúp việc" in other.documents

    def test_head_signature_block_as_printed(self) -> None:
        r = self.g().signature_block("head")
        assert r.signing_form is SigningForm.DIRECT
        assert r.lines == ("TRƯỞNG BAN", "CHỦ TỊCH UBND TP.VŨNG TÀU")

    def test_extraordinary_on_proposal_of_standing_agency_dieu_9_khoan_1(self) -> None:
        r = self.g().conveners("extraordinary")
        assert_ruling(r, "decided", cite="Điều 9 khoản 1")
        assert r.on_proposal_of == ("standing_agency",)

    def test_expanded_meeting_head_and_deputies_dieu_9_khoan_2(self) -> None:
        r = self.g().conveners("expanded")
        assert_ruling(r, "decided", ("head", "standing_deputy", "deputy_vhtt"), "Điều 9 khoản 2")

    def test_member_proxy_needs_report_and_consent_dieu_6_khoan_3(self) -> None:
        r = self.g().proxy("member")
        assert_ruling(r, "decided", ("allowed",), "Điều 6 khoản 3")
        assert set(r.conditions) == {
            AttendanceCondition.REPORT_TO_CHAIR,
            AttendanceCondition.CHAIR_CONSENT,
        }

    def test_standing_deputy_accountable_to_head_dieu_4_khoan_2(self) -> None:
        assert_ruling(
            self.g().accountable_to("standing_deputy"), "decided", ("head",), "Điều 4 khoản 2"
        )


class TestCalendar:
    """Its meetings and reports over whole years, clause by clause."""

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
            occ_cites(self.preset, meetings, 9, clause, words)

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
            occ_cites(self.preset, meetings, 9, clause, words)

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
        occ_cites(self.preset, monthly, 11, 2, "trước ngày 15 hàng tháng/quý/năm")
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


def test_office_named_in_the_title_is_not_repeated_vung_tau_dieu_5() -> None:
    """Điều 5 names the post "Phó Trưởng ban là Trưởng phòng Văn hóa và Thông tin".

    Its holder's office is already in that title, so an explanation must not
    add "(Trưởng phòng Văn hóa và Thông tin)" after it.
    """
    g = graph("vung-tau-2024")
    r = g.seal_for("deputy_vhtt")
    assert_ruling(r, "decided", ("Phòng Văn hóa và Thông tin",), "Điều 10 khoản 1")
    for lang in ("vi", "en"):
        text = r.explain(lang)
        assert "Trưởng phòng Văn hóa và Thông tin (Trưởng phòng" not in text, text
        assert "Trưởng phòng Văn hóa và Thông tin (deputy head; Trưởng phòng" not in text, text
    expanded = g.conveners("expanded").explain("vi")
    assert expanded.count("Trưởng phòng Văn hóa và Thông tin") == 1, expanded


def test_vung_tau_member_seal_sentence_dieu_10_khoan_1() -> None:
    r = graph("vung-tau-2024").seal_for("member")
    assert_ruling(r, "decided", ("own_agency",), "Điều 10 khoản 1")
    assert r.explain("vi").startswith("Thành viên Ban Chỉ đạo sử dụng con dấu của cơ quan mình")


def test_nobody_available_single_substitute_vung_tau_dieu_4_khoan_1() -> None:
    r = graph("vung-tau-2024").acting_for("head", absent={"head", "standing_deputy"})
    assert_ruling(r, "nobody_available", (), "Điều 4 khoản 1")
    assert "người quy chế giao thay là Phó Trưởng ban Thường trực cũng vắng mặt" in r.explain("vi")
    assert "so is the substitute the regulation names, Phó Trưởng ban Thường trực" in r.explain(
        "en"
    )


def test_reports_to_says_periodic_and_ad_hoc_vung_tau_dieu_11_khoan_2() -> None:
    """Điều 11 khoản 2: members report "định kỳ trước ngày 15 hàng tháng/quý/năm hoặc đột xuất";
    the explanation keeps both halves."""
    r = graph("vung-tau-2024").reports_to("member")
    assert_ruling(r, "decided", cite=("Điều 11 khoản 2", "Điều 6 khoản 4", "Điều 10 khoản 3"))
    assert "định kỳ hàng tháng, hàng quý, hàng năm hoặc đột xuất (Điều 11 khoản 2)" in r.explain(
        "vi"
    )
    assert "monthly, quarterly, yearly or as needed (Article 11(2))" in r.explain("en")


def test_seal_for_a_document_names_the_kind_it_falls_under_vung_tau_dieu_7_khoan_8() -> None:
    """Điều 7 khoản 8 lists what the Tổ trưởng may sign and seal; asked about a "giấy mời",
    the ruling names the listed kind it falls under, not the whole list. A bare "giấy mời"
    is a kind, wider than the listed "Giấy mời họp của Tổ giúp việc": not decided."""
    g = graph("vung-tau-2024")
    bare = g.seal_for("wg_lead", document="giấy mời")
    assert_ruling(bare, "ambiguous", (), "Điều 7 khoản 8")
    assert bare.candidates == ("Giấy mời họp của Tổ giúp việc",)
    r = g.seal_for("wg_lead", document="giấy mời họp của Tổ giúp việc")
    assert_ruling(r, "decided", ("own_agency",), "Điều 7 khoản 8")
    assert r.documents == ("Giấy mời họp của Tổ giúp việc",)
    assert "Thông báo phân công" not in r.explain("vi")
    assert "khi ký “Giấy mời họp của Tổ giúp việc” (Điều 7 khoản 8)" in r.explain("vi")


def test_a_decided_signing_form_keeps_what_the_post_may_sign_vung_tau_dieu_5() -> None:
    """Vũng Tàu Điều 5: the Phó Trưởng ban là Trưởng phòng Văn hóa và Thông tin "ký các văn bản
    liên quan đến tổ chức, hoạt động của Ban Chỉ đạo"; the KT. form (Nghị định 30/2020 Điều 13
    khoản 1) must not hide that clause."""
    r = steering.presets.load("vung-tau-2024").authority().seal_for("deputy_vhtt")
    assert r.signing_form is SigningForm.KT
    assert r.documents == ("văn bản liên quan đến tổ chức, hoạt động của Ban Chỉ đạo",)
    assert "Điều 5" in labels(r)
    assert "được ký “văn bản liên quan đến tổ chức, hoạt động của Ban Chỉ đạo” (Điều 5)" in (
        r.explain("vi"))


def test_an_open_list_leaves_an_unlisted_kind_not_specified_vung_tau_dieu_7_khoan_8() -> None:
    """Vũng Tàu Điều 7 khoản 8: the Tổ trưởng signs and seals four kinds "và các trường hợp
    khác trong phạm vi chức năng, nhiệm vụ của Tổ giúp việc": for a "Công văn" the regulation
    leaves open whether it falls within, so the seal is not specified and "only" is never said."""
    g = steering.presets.load("vung-tau-2024").authority()
    r = g.seal_for("wg_lead", document="Công văn")
    assert r.status.value == "not_specified"
    text = r.explain("vi")
    assert "“Công văn” có thuộc các trường hợp khác trong phạm vi chức năng" in text
    assert "chỉ được ký" not in text
    invite = g.seal_for("wg_lead", document="Giấy mời họp của Tổ giúp việc")
    assert invite.status.value == "decided"
    assert invite.documents == ("Giấy mời họp của Tổ giúp việc",)


class TestEveryPreset(PresetCase):
    """The checks every preset passes (tests/presets/_engines.py), on this one."""

    preset = "vung-tau-2024"
