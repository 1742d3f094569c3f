"""Quy chế hoạt động Ban Chỉ đạo chuyển đổi số xã Tùng Châu (64/QĐ-BCĐ, 30/03/2023).

The source is the Quy chế alone: no issuing decision, no signature block.
Each test states what the regulation says and checks the clause it cites.
The model's facts first, then what the engines answer from them (`TestAuthority`,
`TestCalendar`), then the checks every preset passes (`TestEveryPreset`).
"""

from __future__ import annotations

import pytest

from steering.regulation import EffectiveKind, Level, PartialDate, Regulation
from steering.roles import BodyKind, Role
from steering.rules import AttendanceCondition, Cadence, MeetingKind

from ._assert import assert_loads_clean, cites, only, quotes, timing_not_specified, where
from ._engines import (
    HALVES_2026,
    QUARTER_CUTOFFS_2025,
    D,
    PresetCase,
    assert_ruling,
    gaps,
    graph,
    no_deadline_invented,
    occ_cites,
    pick,
    windows,
    year,
)

DEPUTIES = {"standing_deputy", "deputy"}


@pytest.fixture(scope="module")
def reg() -> Regulation:
    return assert_loads_clean("tung-chau-2023")


def test_loads_and_validates_with_zero_problems(reg: Regulation) -> None:
    assert reg.committee.name == "Ban Chỉ đạo chuyển đổi số xã Tùng Châu"


# ---------------------------------------------------------------- identity


def test_header_quyet_dinh_64_of_30_03_2023(reg: Regulation) -> None:
    """Header: "Ban hành kèm theo Quyết định số: 64/ QĐ-BCĐ ngày 30 /03/2023"."""
    ident = reg.identity
    assert ident.decision_number == "64/QĐ-BCĐ"
    assert ident.signed == PartialDate(2023, 3, 30)
    assert ident.signed_citation is not None  # the text gives the date
    cites(ident.signed_citation, None)
    quotes(ident.signed_citation, "64/ QĐ-BCĐ ngày 30 /03/2023")
    assert ident.issuer == "Trưởng ban Chỉ đạo chuyển đổi số xã Tùng Châu"


def test_effective_date_not_specified(reg: Regulation) -> None:
    """The text carries no effective-date clause: not specified, not guessed."""
    eff = reg.identity.effective
    assert eff.kind is EffectiveKind.NOT_SPECIFIED
    assert eff.date is None
    assert eff.citation is None


def test_no_signature_block_and_no_province(reg: Regulation) -> None:
    """The text has no signature block and never names the province."""
    ident = reg.identity
    assert ident.signature is None
    assert (ident.level, ident.locality, ident.province) == (Level.COMMUNE, "xã Tùng Châu", "")


# ---------------------------------------------------------------- committee


def test_dieu_8_khoan_1_members_work_part_time(reg: Regulation) -> None:
    """Điều 8 khoản 1: các thành viên Ban Chỉ đạo và Tổ công tác làm việc theo chế độ kiêm nhiệm."""
    assert reg.committee.part_time is not None
    cites(reg.committee.part_time, "Điều 8 khoản 1")


def test_dieu_8_khoan_1_working_group_works_part_time_too(reg: Regulation) -> None:
    """Điều 8 khoản 1 names "Tổ công tác" alongside the committee: its members are part time."""
    (wg,) = reg.working_groups
    assert wg.part_time is not None
    cites(wg.part_time, "Điều 8 khoản 1")
    quotes(wg.part_time, "Ban Chỉ đạo và Tổ công tác làm việc theo chế độ kiêm nhiệm")
    assert wg.part_time == reg.committee.part_time  # one sentence, cited once


def test_dieu_2_principles_clause_by_clause(reg: Regulation) -> None:
    """Điều 2 khoản 1: Ban Chỉ đạo làm việc dân chủ, công khai và do Trưởng ban quyết định."""
    assert [p.citation.clause for p in reg.committee.principles] == [1, 2, 3, 4, 5]
    first = reg.committee.principles[0]
    cites(first, "Điều 2 khoản 1")
    quotes(first, "do Trưởng ban quyết định")


def test_no_article_on_the_committee_own_tasks(reg: Regulation) -> None:
    """Chương II lists the members' duties only: the committee's own functions are not stated."""
    assert reg.committee.functions == ()


def test_dieu_9_khoan_1_funding_managed_by_the_culture_official(reg: Regulation) -> None:
    """Điều 9 khoản 1: dự toán của ngành Văn hóa và Thông tin xã; công chức VH&TT quản lý."""
    (funding,) = reg.committee.funding
    cites(funding, "Điều 9 khoản 1")
    assert "ngành Văn hóa và Thông tin xã" in funding.source
    assert funding.manager == "standing_agency"


def test_dieu_11_khoan_2_standing_agency_is_a_single_official(reg: Regulation) -> None:
    """Điều 11 khoản 2: Cơ quan thường trực Ban Chỉ đạo (Công chức Văn hóa và Thông tin xã)."""
    sa = reg.post(reg.committee.standing_agency)
    assert sa.role is Role.STANDING_AGENCY
    assert sa.office == "Công chức Văn hóa và Thông tin xã"
    assert sa.agency == ""
    cites(sa, "Điều 11 khoản 2")
    assert {(d.citation.article, d.citation.clause) for d in sa.duties} == {
        (11, 2),
        (9, 1),
        (9, 2),
    }


# ---------------------------------------------------------------- posts


def test_no_post_names_its_holder(reg: Regulation) -> None:
    """Điều 3-6 define the seats but name no office that holds them ex officio."""
    holders = {p.id for p in reg.posts if p.holder is not None}
    assert holders == {"standing_agency"}
    assert reg.head.id == "head"
    assert reg.head.office == ""


def test_dieu_3_head_duties_clause_by_clause(reg: Regulation) -> None:
    """Điều 3 khoản 1-3: Trưởng Ban Chỉ đạo."""
    assert [d.citation.clause for d in reg.head.duties] == [1, 2, 3]
    cites(reg.head, "Điều 3")


def test_dieu_4_khoan_2_deputy_duties_bullet_by_bullet(reg: Regulation) -> None:
    """Điều 4 khoản 2: the five "- " duties of the Phó Trưởng ban."""
    deputy = reg.post("deputy")
    assert deputy.role is Role.DEPUTY
    own = [d for d in deputy.duties if d.citation.article == 4]
    assert len(own) == 5
    for duty in own:
        cites(duty, "Điều 4 khoản 2")


def test_dieu_5_members_duties_clause_by_clause(reg: Regulation) -> None:
    """Điều 5 khoản 1-7: các Ủy viên Ban Chỉ đạo (a class of seats)."""
    member = reg.post("member")
    assert member.plural
    assert [d.citation.clause for d in member.duties if d.citation.article == 5] == [
        1, 2, 2, 3, 4, 4, 5, 5, 5, 6, 6, 7,
    ]


@pytest.mark.parametrize(
    ("at", "words"),
    [
        ("Điều 5 khoản 2", "chỉ đạo lồng ghép các nội dung về chuyển đổi số"),
        ("Điều 5 khoản 4", "đề xuất sáng kiến, giải pháp tháo gỡ vướng mắc, khó khăn"),
        ("Điều 5 khoản 5", "Tham dự đầy đủ các cuộc họp Ban Chỉ đạo"),
        ("Điều 5 khoản 5", "cùng các Ủy viên Ban Chỉ đạo xem xét, trao đổi"),
        ("Điều 5 khoản 6", "tạo điều kiện cho những cán bộ này hoàn thành tốt nhiệm vụ"),
        ("Điều 5 khoản 6", "Kịp thời thay thế những cán bộ không đáp ứng yêu cầu nhiệm vụ"),
        ("Điều 8 khoản 3", "phối hợp với Tổ công tác trong thực hiện nhiệm vụ"),
    ],
)
def test_every_part_of_a_members_clause_is_a_duty(reg: Regulation, at: str, words: str) -> None:
    """Điều 5 khoản 2 (also "chỉ đạo lồng ghép"), khoản 4 (also "đề xuất sáng kiến"), khoản 5,
    khoản 6 (also support and replace the staff sent) and Điều 8 khoản 3 (also "phối hợp với Tổ
    công tác"): each thing the clause asks of the Ủy viên is one of their duties."""
    article, clause, _ = where(at)
    duty = only(
        reg.post("member").duties,
        lambda d: (d.citation.article, d.citation.clause) == (article, clause)
        and " ".join(words.split()) in " ".join(d.text.split()),
        "duty",
    )
    cites(duty, at)


def test_dieu_5_khoan_5_members_carry_out_the_conclusions_a_duty_not_accountability(
    reg: Regulation,
) -> None:
    """Điều 5 khoản 5: chịu trách nhiệm triển khai thực hiện các ý kiến kết luận của Trưởng ban,
    Phó Trưởng ban liên quan đến ngành, lĩnh vực, cơ quan mình phụ trách. No "trước" anyone."""
    duty = only(reg.post("member").duties, lambda d: "ý kiến kết luận" in d.text, "duty")
    cites(duty, "Điều 5 khoản 5")
    quotes(
        duty,
        "chịu trách nhiệm triển khai thực hiện các ý kiến kết luận của Trưởng ban, Phó Trưởng ban"
        " liên quan đến ngành, lĩnh vực, cơ quan mình phụ trách",
    )
    assert duty.topic
    assert all((a.citation.article, a.citation.clause) != (5, 5) for a in reg.accountability)
    assert any("chịu trách nhiệm triển khai thực hiện" in n for n in reg.notes)


def test_dieu_8_khoan_4_typo_quoted_as_written(reg: Regulation) -> None:
    """Điều 8 khoản 4: "tại phòng hopjcuar UBND xã" is quoted verbatim, typo included."""
    duty = only(reg.post("wg_lead").duties, lambda d: d.citation.article == 8)
    cites(duty, "Điều 8 khoản 4")
    quotes(duty, "phòng hopjcuar UBND xã")


def test_dieu_6_working_group_duties(reg: Regulation) -> None:
    """Điều 6: Tổ công tác giúp việc Ban Chỉ đạo; "Ban Chỉ đao" (khoản 1) quoted as written."""
    (wg,) = reg.working_groups
    assert (wg.id, wg.lead) == ("to_cong_tac", "wg_lead")
    cites(wg, "Điều 1 khoản 2")
    assert [d.citation.clause for d in wg.duties if d.citation.article == 6] == [
        1, 2, 3, 3, 4, 5, 6, 6, 7, 9, 10, 11,
    ]
    quotes(wg.duties[0], "Ban Chỉ đao")
    quotes(wg.duties[0], "và kết luận, chỉ đạo của Trưởng ban, Phó Trưởng ban.")


def test_dieu_6_khoan_6_working_group_follows_up_conclusions_and_reviews(
    reg: Regulation,
) -> None:
    """Điều 6 khoản 6: đôn đốc, kiểm tra tình hình thực hiện kết luận, chỉ đạo ...; triển khai
    thực hiện 4 việc sơ kết (the stray "4" quoted as written)."""
    (wg,) = reg.working_groups
    duty = only(wg.duties, lambda d: "sơ kết" in d.text, "duty")
    cites(duty, "Điều 6 khoản 6")
    quotes(duty, "đôn đốc, kiểm tra tình hình thực hiện kết luận, chỉ đạo của Trưởng ban")
    quotes(duty, "triển khai thực hiện 4 việc sơ kết")


def test_dieu_6_khoan_1_and_3_reports_with_no_named_recipient_stay_duties(reg: Regulation) -> None:
    """Điều 6 khoản 1 "Báo cáo tình hình thực hiện ..." and khoản 3 "kịp thời báo cáo và tham
    mưu" name no recipient: they are duties of the Tổ công tác, not report flows."""
    (wg,) = reg.working_groups
    assert any("kịp thời báo cáo" in d.text and d.citation.clause == 3 for d in wg.duties)
    assert any(
        "Báo cáo tình hình thực hiện" in d.text and d.citation.clause == 1 for d in wg.duties
    )
    flows = [r for r in reg.reports if r.citation.article == 6 and r.citation.clause in (1, 3)]
    assert [r.id for r in flows] == ["wg_annual_plan"]
    assert all("Báo cáo tình hình" not in r.citation.quote for r in flows)


def test_dieu_6_khoan_1_working_group_submits_the_yearly_plans_to_the_head(
    reg: Regulation,
) -> None:
    """Điều 6 khoản 1: Xây dựng, trình Trưởng Ban Chỉ đạo ban hành chương trình, kế hoạch công
    tác, kế hoạch kiểm tra hằng năm. The plans are yearly; no submission date is stated."""
    rule = only(reg.reports, lambda r: r.id == "wg_annual_plan")
    assert (rule.reporters, rule.recipients) == (("to_cong_tac",), ("head",))
    assert rule.subject == (
        "chương trình, kế hoạch công tác, kế hoạch kiểm tra hằng năm của Ban Chỉ đạo"
    )
    timing_not_specified(rule)
    cites(rule, "Điều 6 khoản 1")
    quotes(rule, "trình Trưởng Ban Chỉ đạo ban hành")
    assert "hằng năm" in rule.note
    (wg,) = reg.working_groups
    duty = only(wg.duties, lambda d: d.citation.article == 6 and d.citation.clause == 1, "duty")
    quotes(duty, "Xây dựng, trình Trưởng Ban Chỉ đạo ban hành")


def test_outside_bodies(reg: Regulation) -> None:
    """UBND xã and its Chủ tịch (Điều 10 khoản 2), heads of ban, ngành, thôn xóm (Điều 10)."""
    kinds = {b.id: b.kind for b in reg.bodies}
    assert kinds["ubnd_xa"] is BodyKind.PEOPLES_COMMITTEE
    assert kinds["chu_tich_ubnd_xa"] is BodyKind.OFFICIAL
    assert kinds["agency_heads"] is BodyKind.AGENCY_HEADS
    assert kinds["cap_co_tham_quyen"] is BodyKind.OTHER  # Điều 6 khoản 6 "cấp có thẩm quyền"
    assert reg.name_of("cap_co_tham_quyen") == "cấp có thẩm quyền"


# ---------------------------------------------------------------- substitution


def test_dieu_4_khoan_1_head_absent_standing_deputy_acts(reg: Regulation) -> None:
    """Điều 4 khoản 1: Khi Trưởng ban vắng mặt, Phó Trưởng ban Thường trực thay mặt Trưởng ban."""
    (rule,) = reg.substitutions
    assert (rule.principal, rule.substitutes, rule.rank) == ("head", ("standing_deputy",), 1)
    assert rule.also_absent == ()
    cites(rule, "Điều 4 khoản 1")


# ---------------------------------------------------------------- accountability


def test_dieu_4_khoan_2_deputy_answers_to_head(reg: Regulation) -> None:
    """Điều 4 khoản 2: Phó Trưởng ban - Chịu trách nhiệm trước Trưởng Ban Chỉ đạo."""
    rule = only(reg.accountability, lambda a: a.subject == "deputy")
    assert rule.to == ("head",)
    cites(rule, "Điều 4 khoản 2")


def test_dieu_5_khoan_2_members_answer_to_head(reg: Regulation) -> None:
    """Điều 5 khoản 2: Ủy viên chịu trách nhiệm trước Trưởng ban."""
    rule = only(reg.accountability, lambda a: a.subject == "member")
    assert rule.to == ("head",)
    cites(rule, "Điều 5 khoản 2")


def test_dieu_10_khoan_2_agency_heads_answer_to_ubnd_xa(reg: Regulation) -> None:
    """Điều 10 khoản 2: Chịu trách nhiệm trước UBND xã, Chủ tịch UBND xã."""
    rule = only(reg.accountability, lambda a: a.subject == "agency_heads")
    assert set(rule.to) == {"ubnd_xa", "chu_tich_ubnd_xa"}
    cites(rule, "Điều 10 khoản 2")


def test_standing_deputy_accountability_not_specified(reg: Regulation) -> None:
    """No clause says to whom the Phó Trưởng ban Thường trực answers."""
    assert all(a.subject != "standing_deputy" for a in reg.accountability)


# ---------------------------------------------------------------- directions


def test_dieu_3_khoan_1_head_assigns_members(reg: Regulation) -> None:
    """Điều 3 khoản 1: Trưởng ban phân công nhiệm vụ các thành viên Ban Chỉ đạo."""
    rule = only(reg.directions, lambda d: d.citation.article == 3 and d.objects != ("committee",))
    assert rule.subjects == ("head",)
    assert set(rule.objects) == {"standing_deputy", "deputy", "member"}
    cites(rule, "Điều 3 khoản 1")
    whole = only(reg.directions, lambda d: d.citation.article == 3 and d.objects == ("committee",))
    assert whole.subjects == ("head",)
    quotes(whole, "Chỉ đạo toàn diện về tổ chức, chức năng, nhiệm vụ của Ban Chỉ đạo")


def test_dieu_9_khoan_2_special_expenses_with_the_finance_official(reg: Regulation) -> None:
    """Điều 9 khoản 2: Công chức Văn hóa và Thông tin xã chủ trì, phối hợp với công chức Tài
    chính xã để xem xét hoặc trình cấp có thẩm quyền xem xét, quyết định: the Tài chính official
    prepares it with the standing agency, which leads ("chủ trì"); not merely consulted."""
    rule = only(reg.reports, lambda r: r.id == "special_expenses")
    assert rule.reporters == ("standing_agency",)
    assert rule.partners == ("cong_chuc_tai_chinh_xa",)
    assert rule.consult == ()
    quotes(rule, "chủ trì, phối hợp với công chức Tài chính xã")
    assert "partner" in rule.note
    assert rule.recipients == ("cap_co_tham_quyen",)
    assert rule.ad_hoc  # "Trường hợp có phát sinh"
    cites(rule, "Điều 9 khoản 2")


def test_dieu_10_khoan_1_committee_supervises_agency_heads(reg: Regulation) -> None:
    """Điều 10 khoản 1: chịu sự giám sát, kiểm tra của Ban Chỉ đạo."""
    rule = only(reg.directions, lambda d: d.objects == ("agency_heads",))
    assert rule.subjects == ("committee",)
    cites(rule, "Điều 10 khoản 1")


def test_dieu_10_khoan_1_agency_heads_direct_their_staff_to_work_with_the_group(
    reg: Regulation,
) -> None:
    """Điều 10 khoản 1: Chỉ đạo các bộ phận, cán bộ chuyên môn phối hợp chặt chẽ với Tổ công
    tác thực hiện nhiệm vụ được giao."""
    rule = only(reg.directions, lambda d: d.subjects == ("agency_heads",))
    assert rule.objects == ("bo_phan_can_bo_chuyen_mon",)
    assert reg.name_of("bo_phan_can_bo_chuyen_mon") == "các bộ phận, cán bộ chuyên môn"
    cites(rule, "Điều 10 khoản 1")
    quotes(rule, "phối hợp chặt chẽ với Tổ công tác")


# ---------------------------------------------------------------- reports


def test_dieu_6_khoan_9_working_group_reports_quarterly(reg: Regulation) -> None:
    """Điều 6 khoản 9: Định kỳ hằng quý báo cáo Trưởng ban, Phó Trưởng ban và các Ủy viên."""
    rule = only(reg.reports, lambda r: r.id == "wg_quarterly")
    assert rule.periodic
    assert rule.cadences == (Cadence.quarterly(),)
    assert rule.reporters == ("to_cong_tac",)
    assert set(rule.recipients) == {"head", "member", *DEPUTIES}
    assert rule.deadline is None
    cites(rule, "Điều 6 khoản 9")


def test_dieu_5_khoan_4_members_report_issues_promptly(reg: Regulation) -> None:
    """Điều 5 khoản 4: Kịp thời báo cáo Trưởng ban, Phó Trưởng ban."""
    rule = only(reg.reports, lambda r: r.id == "member_issues")
    assert rule.ad_hoc
    assert set(rule.recipients) == {"head", *DEPUTIES}
    cites(rule, "Điều 5 khoản 4")


def test_dieu_8_khoan_2_working_sessions_cadence_not_specified(reg: Regulation) -> None:
    """Điều 8 khoản 2: "định kỳ hoặc đột xuất" with no period named."""
    rule = only(reg.reports, lambda r: r.id == "working_sessions")
    assert (rule.periodic, rule.ad_hoc, rule.cadences) == (True, True, ())
    cites(rule, "Điều 8 khoản 2")


def test_dieu_11_khoan_2_feedback_through_the_standing_agency(reg: Regulation) -> None:
    """Điều 11 khoản 2: phản ánh về Cơ quan thường trực để tổng hợp trình Trưởng Ban Chỉ đạo."""
    rule = only(reg.reports, lambda r: r.id == "feedback_on_regulation")
    assert rule.through == ("standing_agency",)
    assert rule.recipients == ("head",)
    cites(rule, "Điều 11 khoản 2")


# ---------------------------------------------------------------- seals and signing


def test_seal_not_specified(reg: Regulation) -> None:
    """The regulation has no seal clause: no seal rule, which is "not specified" (not "no seal")."""
    assert reg.seals == ()


def test_signing_not_specified(reg: Regulation) -> None:
    """No clause says who signs what."""
    assert reg.signing == ()


# ---------------------------------------------------------------- meetings


def test_dieu_7_khoan_1_committee_meets_every_six_months(reg: Regulation) -> None:
    """Điều 7 khoản 1: họp định kỳ sáu tháng một lần (căn cứ tình hình thực tế)."""
    rule = only(
        reg.meetings, lambda m: m.body == "committee" and m.kind is MeetingKind.REGULAR
    )
    assert rule.cadences == (Cadence.half_yearly(),)
    assert rule.condition == "căn cứ tình hình thực tế"
    cites(rule, "Điều 7 khoản 1")


def test_dieu_7_khoan_3_working_group_meets_monthly(reg: Regulation) -> None:
    """Điều 7 khoản 3: Tổ công tác họp định kỳ một tháng một lần."""
    rule = only(reg.meetings, lambda m: m.body == "to_cong_tac")
    assert rule.kind is MeetingKind.REGULAR
    assert rule.cadences == (Cadence.monthly(),)
    cites(rule, "Điều 7 khoản 3")


def test_dieu_7_khoan_2_expanded_meeting_by_head(reg: Regulation) -> None:
    """Điều 7 khoản 2: Trưởng Ban Chỉ đạo quyết định triệu tập cuộc họp mở rộng."""
    meeting = only(reg.meetings, lambda m: m.kind is MeetingKind.EXPANDED)
    cites(meeting, "Điều 7 khoản 2")
    rule = only(reg.convening, lambda c: c.meeting is MeetingKind.EXPANDED)
    assert rule.conveners == ("head",)
    cites(rule, "Điều 7 khoản 2")


def test_dieu_7_khoan_1_only_the_head_convenes_extraordinary(reg: Regulation) -> None:
    """Điều 7 khoản 1: Ban Chỉ đạo có thể họp đột xuất theo triệu tập của Trưởng ban."""
    rule = only(
        reg.convening,
        lambda c: c.body == "committee" and c.citation.article == 7
        and c.meeting is MeetingKind.EXTRAORDINARY,
    )
    assert rule.conveners == ("head",)
    assert rule.on_proposal_of == ()
    cites(rule, "Điều 7 khoản 1")


def test_dieu_7_khoan_3_working_group_lead_calls_extra_meetings(reg: Regulation) -> None:
    """Điều 7 khoản 3: "và theo yêu cầu của lãnh đạo Tổ công tác"."""
    rule = only(reg.convening, lambda c: c.body == "to_cong_tac")
    assert rule.conveners == ("wg_lead",)
    cites(rule, "Điều 7 khoản 3")


def test_dieu_5_khoan_5_members_report_matters_for_the_head_to_decide(reg: Regulation) -> None:
    """Điều 5 khoản 5: cùng các Ủy viên ... báo cáo Trưởng ban quyết định các vấn đề liên quan."""
    rule = only(reg.reports, lambda r: r.id == "member_matters_for_decision")
    assert (rule.reporters, rule.recipients) == (("member",), ("head",))
    timing_not_specified(rule)
    cites(rule, "Điều 5 khoản 5")


@pytest.mark.parametrize(
    ("report", "at"),
    [
        ("member_results", "Điều 8 khoản 3"),
        ("wg_annual_plan", "Điều 6 khoản 1"),
        ("wg_opinions", "Điều 6 khoản 4"),
        ("wg_rewards", "Điều 6 khoản 6"),
    ],
)
def test_reports_with_no_period_and_no_occasion_have_timing_not_specified(
    reg: Regulation, report: str, at: str
) -> None:
    """Điều 8 khoản 3, Điều 6 khoản 4 and 6 say "báo cáo" with no period and no "kịp thời";
    Điều 6 khoản 1 submits yearly plans but states no date for the submission."""
    rule = only(reg.reports, lambda r: r.id == report)
    timing_not_specified(rule)
    cites(rule, at)


def test_dieu_6_khoan_6_rewards_proposed_to_the_competent_level(reg: Regulation) -> None:
    """Điều 6 khoản 6: Báo cáo, đề nghị cấp có thẩm quyền khen thưởng."""
    rule = only(reg.reports, lambda r: r.id == "wg_rewards")
    assert rule.recipients == ("cap_co_tham_quyen",)
    quotes(rule, "đề nghị cấp có thẩm quyền khen thưởng")


@pytest.mark.parametrize(
    ("subjects", "objects", "at"),
    [
        (("head",), ("deputy",), "Điều 4 khoản 2"),
        (("ubnd_xa", "chu_tich_ubnd_xa"), ("member",), "Điều 5 khoản 2"),
        (("head", "standing_deputy", "deputy"), ("member",), "Điều 5 khoản 3"),
        (("head",), ("member",), "Điều 5 khoản 7"),
        (("head", "standing_deputy", "deputy"), ("member",), "Điều 8 khoản 3"),
        (("wg_lead",), ("wg_member",), "Điều 8 khoản 4"),
    ],
)
def test_directions_clause_by_clause(
    reg: Regulation, subjects: tuple[str, ...], objects: tuple[str, ...], at: str
) -> None:
    """Who assigns tasks to whom: Điều 4 khoản 2 ("theo phân công của Trưởng ban"), Điều 5
    khoản 2 ("được UBND xã, Chủ tịch UBND xã giao"), khoản 3 ("theo chỉ đạo của Trưởng ban,
    Phó Trưởng ban"), khoản 7, Điều 8 khoản 3 ("được Trưởng ban, Phó Trưởng ban giao") and
    khoản 4 ("được trưng tập các thành viên của Tổ công tác")."""
    article, clause, _ = where(at)
    rule = only(
        reg.directions,
        lambda d: (d.citation.article, d.citation.clause) == (article, clause)
        and d.subjects == subjects,
    )
    assert rule.objects == objects
    cites(rule, at)


def test_dieu_5_khoan_6_wg_lead_proposes_replacing_staff(reg: Regulation) -> None:
    """Điều 5 khoản 6: thay thế những cán bộ ... theo đề nghị của Tổ trưởng Tổ công tác."""
    duty = only(reg.post("wg_lead").duties, lambda d: d.citation.article == 5, "duty")
    cites(duty, "Điều 5 khoản 6")


def test_dieu_3_khoan_3_head_convenes_and_chairs(reg: Regulation) -> None:
    """Điều 3 khoản 3: Triệu tập và chủ trì các cuộc họp định kỳ hoặc đột xuất."""
    rule = only(reg.convening, lambda c: c.meeting is MeetingKind.REGULAR)
    assert (rule.conveners, rule.chairs) == (("head",), True)
    cites(rule, "Điều 3 khoản 3")


def test_dieu_7_khoan_1_chair_decides_who_attends(reg: Regulation) -> None:
    """Điều 7 khoản 1: Thành phần tham dự do người chủ trì cuộc họp quyết định."""
    (rule,) = reg.compositions
    assert (rule.body, rule.decided_by) == ("committee", "chair")
    cites(rule, "Điều 7 khoản 1")


def test_dieu_5_khoan_5_attendance_and_written_proxy(reg: Regulation) -> None:
    """Điều 5 khoản 5: ủy quyền cho người dự họp thay phải tham gia ý kiến bằng văn bản."""
    (rule,) = reg.attendance
    assert rule.posts == ("member",)
    assert rule.must_attend
    assert set(rule.absence_conditions) == {
        AttendanceCondition.REPORT_TO_CHAIR,
        AttendanceCondition.CHAIR_CONSENT,
    }
    assert rule.proxy_allowed is True
    assert rule.proxy_conditions == (AttendanceCondition.WRITTEN_OPINION,)
    cites(rule, "Điều 5 khoản 5")


def test_what_the_regulation_does_not_say(reg: Regulation) -> None:
    """No information channels, no monitoring annex, no written authorisations."""
    assert reg.channels == ()
    assert reg.monitoring is None
    assert reg.delegations == ()


def test_dieu_11_khoan_1_members_and_working_group_carry_out_the_regulation(
    reg: Regulation,
) -> None:
    """Điều 11 khoản 1: "Các thành viên Ban Chỉ đạo, Tổ công tác ... có trách nhiệm nghiêm túc
    thực hiện Quy chế này": a duty of the deputies and the Ủy viên (every thành viên, as in
    Điều 3 khoản 1) and of the Tổ công tác; not of the Trưởng ban, who assigns the tasks."""
    (wg,) = reg.working_groups
    holders = [reg.post(p).duties for p in ("standing_deputy", "deputy", "member")]
    for duties in (*holders, wg.duties):
        d = only(duties, lambda x: x.citation.article == 11, "Điều 11 duty")
        cites(d, "Điều 11 khoản 1")
        quotes(d, "có trách nhiệm nghiêm túc thực hiện Quy chế này")
    assert not any(x.citation.article == 11 and x.citation.clause == 1
                   for x in reg.post("head").duties)


# ---- The engines on this regulation: authority queries, then its calendar ----


class TestAuthority:
    """What the authority graph answers, clause by clause."""

    g = staticmethod(lambda: graph("tung-chau-2023"))

    def test_head_absent_standing_deputy_acts_dieu_4_khoan_1(self) -> None:
        assert_ruling(
            self.g().acting_for("head", absent={"head"}),
            "decided",
            ("standing_deputy",),
            "Điều 4 khoản 1",
        )

    def test_no_seal_clause_and_no_signature_block(self) -> None:
        """The Quy chế has no seal clause and the text carries no signature block."""
        g = self.g()
        for post in g.post_ids:
            r = g.seal_for(post)
            assert r.status == "not_specified", post
            assert r.signing_form is None, post
        r = g.signature_block("head")
        assert_ruling(r, "not_specified", ())
        assert r.lines == ()

    def test_extraordinary_meeting_head_only_dieu_7_khoan_1(self) -> None:
        assert_ruling(self.g().conveners("extraordinary"), "decided", ("head",), "Điều 7 khoản 1")

    def test_expanded_meeting_dieu_7_khoan_2(self) -> None:
        assert_ruling(self.g().conveners("expanded"), "decided", ("head",), "Điều 7 khoản 2")

    def test_agency_heads_accountable_to_commune_dieu_10_khoan_2(self) -> None:
        r = self.g().accountable_to("agency_heads")
        assert_ruling(r, "decided", ("ubnd_xa", "chu_tich_ubnd_xa"), "Điều 10 khoản 2")

    def test_member_proxy_dieu_5_khoan_5(self) -> None:
        assert_ruling(self.g().proxy("member"), "decided", ("allowed",), "Điều 5 khoản 5")


class TestCalendar:
    """Its meetings and reports over whole years, clause by clause."""

    preset = "tung-chau-2023"

    def test_committee_meets_every_six_months_as_circumstances_allow(self) -> None:
        """Điều 7 khoản 1: "Ban Chỉ đạo họp định kỳ sáu tháng một lần (căn cứ tình hình
        thực tế)"."""
        meetings = pick(year(self.preset, 2026), "committee", "regular_meeting")
        assert windows(meetings) == HALVES_2026
        assert {o.condition for o in meetings} == {"căn cứ tình hình thực tế"}
        occ_cites(self.preset, meetings, 7, 1, "Ban Chỉ đạo họp định kỳ sáu tháng một lần")

    def test_working_group_meets_every_month(self) -> None:
        """Điều 7 khoản 3: "Tổ công tác họp định kỳ một tháng một lần"; February 2026 holds Tết."""
        meetings = pick(year(self.preset, 2026), "working_group", "regular_meeting")
        assert len(meetings) == 12
        assert windows(meetings)[1] == (D(2026, 2, 1), D(2026, 2, 28))
        assert [o.period for o in meetings][:3] == ["2026-01", "2026-02", "2026-03"]
        occ_cites(self.preset, meetings, 7, 3, "Tổ công tác họp định kỳ một tháng một lần")

    def test_working_group_reports_each_quarter(self) -> None:
        """Điều 6 khoản 9: "Định kỳ hằng quý báo cáo ..." with no deadline."""
        reports = pick(year(self.preset, 2025), "working_group", "report")
        assert [(o.opens, o.closes) for o in reports] == QUARTER_CUTOFFS_2025
        no_deadline_invented(reports)
        occ_cites(self.preset, reports, 6, 9, "Định kỳ hằng quý báo cáo")

    def test_whole_tet_year_count(self) -> None:
        """2026: 2 committee meetings + 12 working-group meetings + 4 reports."""
        occs = year(self.preset, 2026)
        assert len(occs) == 18
        assert ("working_group", "report", "wg_quarterly", "deadline") in gaps(self.preset)


class TestEveryPreset(PresetCase):
    """The checks every preset passes (tests/presets/_engines.py), on this one."""

    preset = "tung-chau-2023"
