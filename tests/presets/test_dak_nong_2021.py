"""Quy chế hoạt động Ban Chỉ đạo chuyển đổi số tỉnh Đắk Nông (2044/QĐ-BCĐ, 25/11/2021).

Each test states what the regulation says and checks the clause it cites.
The model's facts first, then what the engines answer from them (`TestAuthority`,
`TestCalendar`), then the checks every preset passes (`TestEveryPreset`).
"""

from __future__ import annotations

from collections import Counter

import pytest

import steering
from steering.regulation import EffectiveKind, Level, PartialDate, Regulation
from steering.roles import BodyKind, Role
from steering.rules import (
    AttendanceCondition,
    Cadence,
    MeetingKind,
    Period,
    SealKind,
    SigningForm,
)
from steering.schedule import (
    DATA_PERIOD_CITATIONS,
)

from ._assert import assert_loads_clean, cites, only, quotes, timing_not_specified, where
from ._engines import (
    ND30,
    QUARTER_CUTOFFS_2025,
    QUARTERS_2025,
    PresetCase,
    assert_ruling,
    gaps,
    graph,
    labels,
    no_deadline_invented,
    occ_cites,
    pick,
    windows,
    year,
)

DEPUTIES = {"deputy_tttt", "deputy_vpubnd"}
ALL_DEPUTIES = {"standing_deputy", *DEPUTIES}
# "các thành viên Ban Chỉ đạo" read as every member of the committee (see the preset notes).
ALL_MEMBERS = {*ALL_DEPUTIES, "standing_member", "member"}


@pytest.fixture(scope="module")
def reg() -> Regulation:
    return assert_loads_clean("dak-nong-2021")


def test_loads_and_validates_with_zero_problems(reg: Regulation) -> None:
    assert reg.committee.name == "Ban Chỉ đạo chuyển đổi số tỉnh Đắk Nông"


# ---------------------------------------------------------------- identity


def test_quyet_dinh_2044_signed_25_11_2021_in_force_from_signing(reg: Regulation) -> None:
    """Quyết định 2044/QĐ-BCĐ, Đắk Nông ngày 25/11/2021; Điều 2: hiệu lực kể từ ngày ký."""
    ident = reg.identity
    assert ident.decision_number == "2044/QĐ-BCĐ"
    assert ident.signed == PartialDate(2021, 11, 25)
    assert ident.signed_citation is not None  # the text gives the date
    cites(ident.signed_citation, None, document="decision")
    assert ident.effective.kind is EffectiveKind.ON_SIGNING
    assert ident.effective.date == ident.signed
    assert ident.effective.citation is not None
    cites(ident.effective.citation, "Điều 2", document="decision")
    assert (ident.level, ident.locality, ident.province) == (Level.PROVINCE, "Đắk Nông", "Đắk Nông")
    assert ident.replaces == ()


def test_signed_tm_ban_chi_dao_truong_ban(reg: Regulation) -> None:
    """Signature block: "TM. BAN CHỈ ĐẠO / TRƯỞNG BAN", Hồ Văn Mười."""
    sig = reg.identity.signature
    assert sig is not None
    assert sig.form is SigningForm.TM
    assert sig.lines == ("TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN")
    assert (sig.post, sig.role, sig.name) == ("head", Role.HEAD, "Hồ Văn Mười")
    cites(sig, None, document="decision")


# ---------------------------------------------------------------- committee


def test_dieu_12_khoan_1_members_work_part_time(reg: Regulation) -> None:
    """Điều 12 khoản 1: các thành viên ... làm việc theo chế độ kiêm nhiệm."""
    assert reg.committee.part_time is not None
    cites(reg.committee.part_time, "Điều 12 khoản 1")
    quotes(reg.committee.part_time, "kiêm nhiệm")


def test_dieu_12_khoan_1_working_group_works_part_time(reg: Regulation) -> None:
    """Điều 12 khoản 1: "Các thành viên Ban Chỉ đạo và Tổ giúp việc làm việc theo chế độ
    kiêm nhiệm": the Tổ giúp việc too."""
    (wg,) = reg.working_groups
    assert wg.part_time is not None
    cites(wg.part_time, "Điều 12 khoản 1")
    quotes(wg.part_time, "Các thành viên Ban Chỉ đạo và Tổ giúp việc làm việc theo chế độ kiêm"
                         " nhiệm.")


def test_dieu_2_principles_clause_by_clause(reg: Regulation) -> None:
    """Điều 2 khoản 1-5: nguyên tắc hoạt động."""
    clauses = [p.citation.clause for p in reg.committee.principles]
    assert clauses == [1, 2, 3, 4, 5]
    cites(reg.committee.principles[0], "Điều 2 khoản 1")
    quotes(reg.committee.principles[0], "tập trung, thống nhất, dân chủ, công khai")


def test_dieu_3_committee_functions(reg: Regulation) -> None:
    """Điều 3 khoản 1-4: nhiệm vụ của Ban Chỉ đạo."""
    assert [f.citation.clause for f in reg.committee.functions] == [1, 2, 2, 3, 4]
    cites(reg.committee.functions[0], "Điều 3 khoản 1")


def test_dieu_3_khoan_2_helps_direct_and_coordinates(reg: Regulation) -> None:
    """Điều 3 khoản 2 imposes two things: "Giúp UBND tỉnh, Chủ tịch UBND tỉnh chỉ đạo ...
    thực hiện các mục tiêu, nhiệm vụ và các giải pháp ..." and "điều phối, đôn đốc, kiểm tra
    việc thực hiện các chiến lược, chương trình ... có tính chất liên ngành"."""
    direct, coordinate = [f for f in reg.committee.functions if f.citation.clause == 2]
    for f in (direct, coordinate):
        cites(f, "Điều 3 khoản 2")
    quotes(direct, "Giúp UBND tỉnh, Chủ tịch UBND tỉnh chỉ đạo các sở, ban, ngành")
    quotes(direct, "thực hiện các mục tiêu, nhiệm vụ và các giải pháp")
    assert coordinate.topic == "điều phối, đôn đốc, kiểm tra"
    quotes(coordinate, "điều phối, đôn đốc, kiểm tra việc thực hiện các chiến lược")
    quotes(coordinate, "có tính chất liên ngành")


def test_dieu_14_khoan_1_funding_from_provincial_budget(reg: Regulation) -> None:
    """Điều 14 khoản 1: kinh phí do ngân sách tỉnh đảm bảo, dự toán của Sở TT&TT.

    The clause names the source only, not who manages the money.
    """
    funding = only(reg.committee.funding, lambda f: f.citation.article == 14, "funding")
    cites(funding, "Điều 14 khoản 1")
    assert "ngân sách tỉnh" in funding.source
    assert funding.manager == ""


def test_dieu_9_khoan_3_standing_agency_manages_the_funds(reg: Regulation) -> None:
    """Điều 9 khoản 3: the cơ quan thường trực (Sở TT&TT) "quản lý, sử dụng và thực hiện
    thanh, quyết toán theo quy định hiện hành"; the clause names no source."""
    funding = only(reg.committee.funding, lambda f: f.citation.article == 9, "funding")
    cites(funding, "Điều 9 khoản 3")
    quotes(funding, "quản lý, sử dụng và thực hiện thanh, quyết toán theo quy định hiện hành")
    assert funding.manager == reg.committee.standing_agency == "standing_agency"
    assert funding.source == ""
    assert len(reg.committee.funding) == 2


def test_dieu_9_khoan_2_standing_agency_proposes_policies_and_solutions(reg: Regulation) -> None:
    """Điều 9 khoản 2: Nghiên cứu, đề xuất về chủ trương, ..., chính sách (bao gồm cơ chế tài
    chính) và giải pháp thúc đẩy ...: the solutions too."""
    duty = only(reg.post("standing_agency").duties,
                lambda d: (d.citation.article, d.citation.clause) == (9, 2), "duty")
    quotes(duty, "(bao gồm cơ chế tài chính) và giải pháp thúc đẩy")


def test_dieu_9_standing_agency_is_so_tttt(reg: Regulation) -> None:
    """Điều 9: Nhiệm vụ cơ quan thường trực (Sở Thông tin và Truyền thông)."""
    sa = reg.post(reg.committee.standing_agency)
    assert sa.role is Role.STANDING_AGENCY
    assert sa.agency == "Sở Thông tin và Truyền thông"
    cites(sa, "Điều 9")
    assert [d.citation.clause for d in sa.duties if d.citation.article == 9] == [1, 2, 3]


# ---------------------------------------------------------------- posts


def test_dieu_13_holders_of_head_and_deputies(reg: Regulation) -> None:
    """Điều 13 khoản 2-5 name who holds the head and the three deputy posts."""
    expect = {
        "head": ("Chủ tịch UBND tỉnh", "Điều 13 khoản 2"),
        "standing_deputy": ("Phó Chủ tịch Thường trực UBND tỉnh", "Điều 13 khoản 3"),
        "deputy_tttt": ("Giám đốc Sở Thông tin và Truyền thông", "Điều 13 khoản 4"),
        "deputy_vpubnd": ("Chánh Văn phòng UBND tỉnh", "Điều 13 khoản 5"),
    }
    for post_id, (office, at) in expect.items():
        post = reg.post(post_id)
        assert post.office == office
        assert post.holder is not None
        cites(post.holder, at)
    assert {p.id for p in reg.posts_with_role(Role.DEPUTY)} == DEPUTIES
    assert reg.head.id == "head"


def test_dieu_4_head_duties_clause_by_clause(reg: Regulation) -> None:
    """Điều 4 khoản 1-3: nhiệm vụ và quyền hạn Trưởng ban."""
    assert [d.citation.clause for d in reg.head.duties] == [1, 2, 3]
    cites(reg.head.duties[2], "Điều 4 khoản 3")
    # khoản 2 lists every field the head directs, chuyển đổi số among them
    cites(reg.head.duties[1], "Điều 4 khoản 2")
    quotes(reg.head.duties[1], "phát triển chính quyền điện tử, chính quyền số, chuyển đổi số")


@pytest.mark.parametrize("post", ["standing_member", "wg_lead"])
def test_dieu_7_duties_of_the_standing_member_and_the_wg_lead(reg: Regulation, post: str) -> None:
    """Điều 7 khoản 1-6: "Nhiệm vụ và quyền hạn Thành viên thường trực, Tổ trưởng Tổ Giúp
    việc": every clause binds both seats."""
    clauses = {d.citation.clause for d in reg.post(post).duties if d.citation.article == 7}
    assert clauses == {1, 2, 3, 4, 5, 6}


@pytest.mark.parametrize("post", ["standing_member", "wg_lead"])
def test_dieu_7_khoan_1_2_whole_clauses(reg: Regulation, post: str) -> None:
    """Điều 7 khoản 1 also has them help "sơ kết, đánh giá tình hình, kết quả triển khai các
    nhiệm vụ, giải pháp trọng tâm" and "theo dõi, đôn đốc"; khoản 2 covers the "đề án, dự án,
    giải pháp có tính chất liên ngành" too."""
    duties = reg.post(post).duties
    k1 = only(duties, lambda d: (d.citation.article, d.citation.clause) == (7, 1), "duty")
    quotes(k1, "sơ kết, đánh giá tình hình, kết quả triển khai các nhiệm vụ, giải pháp trọng tâm")
    quotes(k1, "theo dõi, đôn đốc")
    k2 = only(duties, lambda d: (d.citation.article, d.citation.clause) == (7, 2), "duty")
    quotes(k2, "đề án, dự án, giải pháp có tính chất liên ngành")


def test_dieu_8_member_duties(reg: Regulation) -> None:
    """Điều 8 khoản 1-6: các Thành viên Ban Chỉ đạo (a class of seats)."""
    member = reg.post("member")
    assert member.plural
    clauses = [d.citation.clause for d in member.duties if d.citation.article == 8]
    assert clauses == [1, 2, 2, 3, 4, 4, 5, 5, 6]


@pytest.mark.parametrize(
    ("at", "text"),
    [
        ("Điều 8 khoản 2", "chỉ đạo lồng ghép các nội dung về xây dựng, phát triển đô thị"),
        ("Điều 8 khoản 4", "đề xuất sáng kiến, giải pháp tháo gỡ vướng mắc, khó khăn"),
        ("Điều 8 khoản 5", "chịu trách nhiệm triển khai thực hiện các ý kiến kết luận"),
    ],
)
def test_dieu_8_second_duties_of_a_clause(reg: Regulation, at: str, text: str) -> None:
    """Điều 8 khoản 2, 4, 5 each impose a second duty after the first: lồng ghép into the
    member's own sector's programmes; đề xuất sáng kiến, giải pháp; triển khai the conclusions
    of the Trưởng ban, các Phó Trưởng ban."""
    article, clause, _ = where(at)
    duty = only(
        reg.post("member").duties,
        lambda d: (d.citation.article, d.citation.clause) == (article, clause)
        and text in d.citation.quote,
        "duty",
    )
    cites(duty, at)


@pytest.mark.parametrize("post", sorted(ALL_MEMBERS))
def test_dieu_16_members_carry_out_the_regulation(reg: Regulation, post: str) -> None:
    """Điều 16: Các thành viên Ban Chỉ đạo có trách nhiệm triển khai thực hiện Quy chế này.

    "các thành viên Ban Chỉ đạo" is every member: the deputies, the standing deputy and the
    Thành viên thường trực as well as the ordinary members.
    """
    duty = only(reg.post(post).duties, lambda d: d.citation.article == 16, "duty")
    cites(duty, "Điều 16")
    quotes(duty, "Các thành viên Ban Chỉ đạo có trách nhiệm triển khai thực hiện Quy chế này.")


def test_dieu_16_duty_not_given_to_the_head_or_the_wg_lead(reg: Regulation) -> None:
    """The Trưởng ban is named apart from "các thành viên" (Điều 4 khoản 1, Điều 10 khoản 6,
    Điều 16 sends the feedback to him); whether the Tổ trưởng sits on the committee is not
    specified."""
    for post in ("head", "wg_lead"):
        assert not [d for d in reg.post(post).duties if d.citation.article == 16], post


def test_dieu_12_khoan_3_binds_the_standing_member_and_the_members(reg: Regulation) -> None:
    """Điều 12 khoản 3: Các thành viên Ban Chỉ đạo được quyền giao đơn vị đầu mối chủ trì ...
    trong thực hiện nhiệm vụ được Trưởng ban, các Phó Trưởng ban giao; phối hợp với Tổ giúp
    việc trong thực hiện nhiệm vụ; báo cáo Trưởng ban, các Phó Trưởng ban về kết quả thực hiện.

    The members who take tasks from and report to "Trưởng ban, các Phó Trưởng ban": the
    Thành viên thường trực and the ordinary members, not the deputies (who assign and receive)
    nor the standing deputy (whom the Phó Trưởng ban help, Điều 6 khoản 1).
    """
    bound = {"standing_member", "member"}
    for post in bound:
        duties = [d for d in reg.post(post).duties
                  if (d.citation.article, d.citation.clause) == (12, 3)]
        assert len(duties) == 2, post
        for d in duties:
            cites(d, "Điều 12 khoản 3")
        quotes(duties[0], "được quyền giao đơn vị đầu mối chủ trì và huy động đội ngũ cán bộ")
        quotes(duties[1], "phối hợp với Tổ giúp việc trong thực hiện nhiệm vụ")
    for post in ALL_DEPUTIES:
        assert not [d for d in reg.post(post).duties
                    if (d.citation.article, d.citation.clause) == (12, 3)], post
    tasks = only(reg.directions, lambda d: (d.citation.article, d.citation.clause) == (12, 3))
    assert set(tasks.subjects) == {"head", *DEPUTIES}
    assert set(tasks.objects) == bound
    cites(tasks, "Điều 12 khoản 3")
    results = only(reg.reports, lambda r: r.id == "member_results")
    assert set(results.reporters) == bound
    assert set(results.recipients) == {"head", *DEPUTIES}


def test_dieu_5_one_standing_deputy_seat(reg: Regulation) -> None:
    """Điều 5 heading says "các Phó Trưởng ban Thường trực"; Điều 13 khoản 3 names one holder."""
    (sd,) = reg.posts_with_role(Role.STANDING_DEPUTY)
    assert not sd.plural


def test_dieu_10_working_group(reg: Regulation) -> None:
    """Điều 10: Tổ giúp việc, led by the Tổ trưởng; duties khoản 2-8."""
    (wg,) = reg.working_groups
    assert (wg.id, wg.lead) == ("to_giup_viec", "wg_lead")
    cites(wg, "Điều 10")
    assert [d.citation.clause for d in wg.duties] == [2, 3, 4, 5, 6, 7, 8]
    assert reg.post("wg_member").group == "to_giup_viec"


def test_outside_bodies(reg: Regulation) -> None:
    """UBND tỉnh, Chủ tịch UBND tỉnh, Sở Tài chính and "cấp có thẩm quyền" (Điều 9 khoản 3,
    Điều 14 khoản 2), and the heads of sở, ngành, UBND huyện (Điều 15)."""
    kinds = {b.id: b.kind for b in reg.bodies}
    assert kinds == {
        "ubnd_tinh": BodyKind.PEOPLES_COMMITTEE,
        "chu_tich_ubnd_tinh": BodyKind.OFFICIAL,
        "so_tai_chinh": BodyKind.AGENCY,
        "cap_co_tham_quyen": BodyKind.OTHER,
        "agency_heads": BodyKind.AGENCY_HEADS,
    }


# ---------------------------------------------------------------- substitution


def test_dieu_5_khoan_1_head_absent_standing_deputy_acts(reg: Regulation) -> None:
    """Điều 5 khoản 1: Khi Trưởng ban vắng mặt, Phó Trưởng ban Thường trực thay mặt."""
    rule = only(reg.substitutions, lambda s: s.principal == "head" and s.rank == 1)
    assert rule.substitutes == ("standing_deputy",)
    assert rule.also_absent == ()
    cites(rule, "Điều 5 khoản 1")


def test_dieu_6_khoan_1_both_absent_the_deputies_act(reg: Regulation) -> None:
    """Điều 6 khoản 1: the head and the standing deputy both absent, the deputies act.

    "Khi Trưởng ban, Phó Trưởng ban Thường trực vắng mặt, Phó Trưởng ban thay mặt ..."
    """
    rule = only(reg.substitutions, lambda s: s.principal == "head" and s.rank == 2)
    assert set(rule.substitutes) == DEPUTIES
    assert rule.also_absent == ("standing_deputy",)
    cites(rule, "Điều 6 khoản 1")
    for_sd = only(reg.substitutions, lambda s: s.principal == "standing_deputy")
    assert set(for_sd.substitutes) == DEPUTIES
    cites(for_sd, "Điều 6 khoản 1")


# ---------------------------------------------------------------- accountability


def test_dieu_5_khoan_2_standing_deputy_answers_to_head(reg: Regulation) -> None:
    """Điều 5 khoản 2: Phó Trưởng ban Thường trực chịu trách nhiệm trước Trưởng ban."""
    rule = only(reg.accountability, lambda a: a.subject == "standing_deputy")
    assert rule.to == ("head",)
    cites(rule, "Điều 5 khoản 2")


@pytest.mark.parametrize("deputy", sorted(DEPUTIES))
def test_dieu_6_khoan_2_deputies_answer_to_head_and_standing_deputy(
    reg: Regulation, deputy: str
) -> None:
    """Điều 6 khoản 2: chịu trách nhiệm trước Trưởng ban, Phó Trưởng ban Thường trực."""
    rule = only(reg.accountability, lambda a: a.subject == deputy)
    assert set(rule.to) == {"head", "standing_deputy"}
    cites(rule, "Điều 6 khoản 2")


def test_dieu_10_khoan_1_wg_lead_answers_to_head(reg: Regulation) -> None:
    """Điều 10 khoản 1: Tổ trưởng chịu trách nhiệm trước Trưởng ban về hoạt động của Tổ."""
    rule = only(reg.accountability, lambda a: a.subject == "wg_lead")
    assert rule.to == ("head",)
    cites(rule, "Điều 10 khoản 1")


def test_dieu_15_agency_heads_answer_to_the_committee(reg: Regulation) -> None:
    """Điều 15: người đứng đầu các sở, ngành, UBND huyện chịu trách nhiệm trước Ban Chỉ đạo."""
    rule = only(reg.accountability, lambda a: a.subject == "agency_heads")
    assert rule.to == ("committee",)
    cites(rule, "Điều 15")


def test_dieu_8_khoan_2_members_answer_to_head(reg: Regulation) -> None:
    """Điều 8 khoản 2: Thành viên chịu trách nhiệm trước Trưởng ban."""
    rule = only(reg.accountability, lambda a: a.subject == "member")
    assert rule.to == ("head",)
    cites(rule, "Điều 8 khoản 2")


# ---------------------------------------------------------------- directions


def test_dieu_4_khoan_1_head_assigns_members(reg: Regulation) -> None:
    """Điều 4 khoản 1: Trưởng ban phân công nhiệm vụ các thành viên Ban Chỉ đạo."""
    rule = only(reg.directions, lambda d: d.citation.article == 4 and d.objects != ("committee",))
    assert rule.subjects == ("head",)
    assert {"standing_deputy", "member", *DEPUTIES} <= set(rule.objects)
    cites(rule, "Điều 4 khoản 1")
    whole = only(reg.directions, lambda d: d.citation.article == 4 and d.objects == ("committee",))
    assert whole.subjects == ("head",)
    quotes(whole, "Chỉ đạo toàn diện về tổ chức, chức năng, nhiệm vụ của Ban Chỉ đạo")


def test_dieu_9_khoan_3_and_dieu_14_khoan_2_budget_submissions(reg: Regulation) -> None:
    """Điều 9 khoản 3: Lập dự toán kinh phí ... trình cấp có thẩm quyền xem xét, phê duyệt;
    Điều 14 khoản 2: chi đặc thù: Sở TT&TT chủ trì, phối hợp với Sở Tài chính trình cấp có
    thẩm quyền xem xét, quyết định."""
    budget = only(reg.reports, lambda r: r.id == "budget_plan")
    assert (budget.reporters, budget.recipients) == (("standing_agency",), ("cap_co_tham_quyen",))
    timing_not_specified(budget)
    cites(budget, "Điều 9 khoản 3")
    special = only(reg.reports, lambda r: r.id == "special_expenses")
    # "Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính trình": a partner in
    # the submission, the standing agency leading; not a consultation.
    assert special.reporters == ("standing_agency",)
    assert special.partners == ("so_tai_chinh",)
    assert special.consult == ()
    quotes(special, "chủ trì, phối hợp với Sở Tài chính trình cấp có thẩm quyền")
    assert special.recipients == ("cap_co_tham_quyen",)
    assert special.ad_hoc  # "Trường hợp có phát sinh"
    cites(special, "Điều 14 khoản 2")


def test_dieu_10_khoan_1_wg_lead_assigns_wg_members(reg: Regulation) -> None:
    """Điều 10 khoản 1: Tổ trưởng phân công nhiệm vụ cho các tổ viên."""
    rule = only(reg.directions, lambda d: d.objects == ("wg_member",) and d.citation.article == 10)
    assert rule.subjects == ("wg_lead",)
    cites(rule, "Điều 10 khoản 1")


def test_dieu_12_khoan_4_wg_lead_summons_wg_members(reg: Regulation) -> None:
    """Điều 12 khoản 4: Tổ trưởng Tổ giúp việc được triệu tập các thành viên của Tổ giúp việc."""
    rule = only(reg.directions, lambda d: d.citation.article == 12 and d.citation.clause == 4)
    assert (rule.subjects, rule.objects) == (("wg_lead",), ("wg_member",))
    cites(rule, "Điều 12 khoản 4")


def test_dieu_5_khoan_1_head_assigns_the_standing_deputy(reg: Regulation) -> None:
    """Điều 5 khoản 1: Phó Trưởng ban Thường trực ... theo phân công của Trưởng ban."""
    rule = only(reg.directions, lambda d: d.citation.article == 5)
    assert (rule.subjects, rule.objects) == (("head",), ("standing_deputy",))
    cites(rule, "Điều 5 khoản 1")


def test_dieu_8_khoan_2_and_dieu_3_khoan_4_ubnd_tinh_assigns_tasks(reg: Regulation) -> None:
    """Điều 8 khoản 2: nhiệm vụ ... được UBND tỉnh, Chủ tịch UBND tỉnh giao (to members);
    Điều 3 khoản 4: nhiệm vụ khác theo yêu cầu của UBND tỉnh, Chủ tịch UBND tỉnh (to the committee).
    """
    to_members = only(reg.directions, lambda d: d.citation.article == 8 and d.citation.clause == 2)
    assert set(to_members.subjects) == {"ubnd_tinh", "chu_tich_ubnd_tinh"}
    assert to_members.objects == ("member",)
    cites(to_members, "Điều 8 khoản 2")
    to_committee = only(reg.directions, lambda d: d.citation.article == 3)
    assert set(to_committee.subjects) == {"ubnd_tinh", "chu_tich_ubnd_tinh"}
    assert to_committee.objects == ("committee",)
    cites(to_committee, "Điều 3 khoản 4")


def test_dieu_6_definition_pho_truong_ban_excludes_the_standing_deputy(reg: Regulation) -> None:
    """Điều 6: "các Phó Trưởng ban Chỉ đạo (sau đây gọi tắt là Phó Trưởng ban)".

    Every later rule naming "các Phó Trưởng ban" (Điều 7, 8, 10 khoản 8, 11, 12) names the
    non-standing deputies, never the standing deputy.
    """
    directions = [d for d in reg.directions if d.citation.article in (7, 8, 10, 12)]
    ids = {"member_issues", "member_results", "working_sessions", "standing_member_results"}
    reports = [r for r in reg.reports if r.id in ids]
    assert len(reports) == 4
    assert directions
    for d in directions:
        assert "standing_deputy" not in d.subjects, d.citation.label()
    for r in reports:
        assert "standing_deputy" not in r.recipients, r.id
        assert set(r.recipients) & DEPUTIES, r.id
    conv = only(reg.convening, lambda c: c.citation.article == 11 and c.body == "committee"
                and c.meeting is MeetingKind.EXTRAORDINARY)
    assert "standing_deputy" not in conv.conveners


# ---------------------------------------------------------------- reports


def test_dieu_10_khoan_6_working_group_reports_quarterly(reg: Regulation) -> None:
    """Điều 10 khoản 6: Định kỳ hàng quý báo cáo Trưởng ban, các Phó Trưởng ban, thành viên."""
    rule = only(reg.reports, lambda r: r.id == "wg_quarterly")
    assert rule.periodic
    assert rule.cadences == (Cadence.quarterly(),)
    assert rule.reporters == ("to_giup_viec",)
    assert {"head", "member", "standing_member", *ALL_DEPUTIES} == set(rule.recipients)
    assert rule.deadline is None
    cites(rule, "Điều 10 khoản 6")
    quotes(rule, "các thành viên Ban Chỉ đạo")


def test_dieu_7_khoan_1_report_covers_the_conclusions_too(reg: Regulation) -> None:
    """Điều 7 khoản 1: báo cáo ... kết quả thực hiện các chương trình, kế hoạch của Ban Chỉ
    đạo và kết luận, chỉ đạo của Trưởng ban, các Phó Trưởng ban."""
    rule = only(reg.reports, lambda r: r.id == "standing_member_results")
    assert set(rule.reporters) == {"standing_member", "wg_lead"}
    cites(rule, "Điều 7 khoản 1")
    quotes(rule, "và kết luận, chỉ đạo của Trưởng ban, các Phó Trưởng ban.")


def test_dieu_10_khoan_4_working_group_carries_out_the_review(reg: Regulation) -> None:
    """Điều 10 khoản 4 ends: "triển khai thực hiện việc sơ kết, đánh giá tình hình, kết quả
    triển khai các nhiệm vụ, giải pháp trọng tâm ..."."""
    (wg,) = reg.working_groups
    duty = only(wg.duties, lambda d: d.citation.clause == 4, "duty")
    cites(duty, "Điều 10 khoản 4")
    quotes(duty, "triển khai thực hiện việc sơ kết, đánh giá tình hình, kết quả triển khai")


def test_dieu_8_khoan_5_members_report_matters_for_the_head_to_decide(reg: Regulation) -> None:
    """Điều 8 khoản 5: cùng các thành viên ... báo cáo Trưởng ban quyết định các vấn đề liên quan.

    No period and no occasion is named: the timing is not specified.
    """
    rule = only(reg.reports, lambda r: r.id == "member_matters_for_decision")
    assert (rule.reporters, rule.recipients) == (("member",), ("head",))
    timing_not_specified(rule)
    cites(rule, "Điều 8 khoản 5")


@pytest.mark.parametrize(("report", "at"), [("standing_member_results", "Điều 7 khoản 1"),
                                              ("member_results", "Điều 12 khoản 3")])
def test_reports_with_no_period_and_no_occasion_have_timing_not_specified(
    reg: Regulation, report: str, at: str
) -> None:
    """Điều 7 khoản 1, Điều 12 khoản 3: "báo cáo Trưởng ban, các Phó Trưởng ban" with no timing."""
    rule = only(reg.reports, lambda r: r.id == report)
    timing_not_specified(rule)
    assert set(rule.recipients) == {"head", *DEPUTIES}
    cites(rule, at)


def test_dieu_8_khoan_4_members_report_issues_promptly(reg: Regulation) -> None:
    """Điều 8 khoản 4: Kịp thời báo cáo Trưởng ban, các Phó Trưởng ban."""
    rule = only(reg.reports, lambda r: r.id == "member_issues")
    assert rule.ad_hoc
    assert not rule.periodic
    cites(rule, "Điều 8 khoản 4")


def test_dieu_12_khoan_2_working_sessions_periodic_cadence_not_specified(reg: Regulation) -> None:
    """Điều 12 khoản 2: "định kỳ hoặc đột xuất" with no period: cadence not specified."""
    rule = only(reg.reports, lambda r: r.id == "working_sessions")
    assert rule.periodic
    assert rule.ad_hoc
    assert rule.cadences == ()
    cites(rule, "Điều 12 khoản 2")


def test_dieu_16_feedback_in_writing_through_standing_agency(reg: Regulation) -> None:
    """Điều 16: phản ánh bằng văn bản về cơ quan thường trực ... tham mưu cho Trưởng Ban."""
    rule = only(reg.reports, lambda r: r.id == "feedback_on_regulation")
    # "Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thành phố Gia Nghĩa, các thành
    # viên Ban Chỉ đạo": the agency heads of Điều 15 and every member of the committee.
    assert set(rule.reporters) == {"agency_heads", *ALL_MEMBERS}
    assert rule.ad_hoc  # "nếu có khó khăn, vướng mắc"
    assert rule.through == ("standing_agency",)
    assert rule.recipients == ("head",)
    assert rule.forms == ("bằng văn bản",)
    cites(rule, "Điều 16")


# ---------------------------------------------------------------- seals and signing


def test_dieu_13_khoan_1_committee_has_no_seal_of_its_own(reg: Regulation) -> None:
    """Điều 13 khoản 1: Ban Chỉ đạo không sử dụng con dấu riêng."""
    rule = only(reg.seals, lambda s: "committee" in s.posts)
    assert rule.seal.kind is SealKind.NONE
    cites(rule, "Điều 13 khoản 1")


@pytest.mark.parametrize(
    ("post", "agency", "at"),
    [
        ("head", "UBND tỉnh", "Điều 13 khoản 2"),
        ("standing_deputy", "UBND tỉnh", "Điều 13 khoản 3"),
        ("deputy_tttt", "Sở Thông tin và Truyền thông", "Điều 13 khoản 4"),
        ("deputy_vpubnd", "Văn phòng UBND tỉnh", "Điều 13 khoản 5"),
    ],
)
def test_dieu_13_seal_of_each_leader(reg: Regulation, post: str, agency: str, at: str) -> None:
    """Điều 13 khoản 2-5: each leader uses the seal of their own office, named."""
    rule = only(reg.seals, lambda s: post in s.posts)
    assert rule.seal.kind is SealKind.AGENCY
    assert rule.seal.agency == agency
    assert rule.documents == ()
    cites(rule, at)


def test_dieu_7_khoan_3_standing_member_signs_notices_and_minutes(reg: Regulation) -> None:
    """Điều 7 khoản 3: ký các thông báo, biên bản họp của Ban Chỉ đạo."""
    (rule,) = reg.signing
    assert set(rule.posts) == {"standing_member", "wg_lead"}
    assert "biên bản họp" in rule.documents
    cites(rule, "Điều 7 khoản 3")


# ---------------------------------------------------------------- meetings


def test_dieu_11_khoan_1_committee_meets_quarterly(reg: Regulation) -> None:
    """Điều 11 khoản 1: Ban Chỉ đạo họp định kỳ một quý một lần."""
    rule = only(
        reg.meetings, lambda m: m.body == "committee" and m.kind is MeetingKind.REGULAR
    )
    assert rule.cadences == (Cadence.quarterly(),)
    cites(rule, "Điều 11 khoản 1")


def test_dieu_11_khoan_3_working_group_meets_quarterly(reg: Regulation) -> None:
    """Điều 11 khoản 3: Tổ giúp việc họp định kỳ một quý một lần."""
    rule = only(reg.meetings, lambda m: m.body == "to_giup_viec")
    assert rule.cadences == (Cadence.quarterly(),)
    cites(rule, "Điều 11 khoản 3")


def test_dieu_11_khoan_2_expanded_meeting_by_head(reg: Regulation) -> None:
    """Điều 11 khoản 2: Trưởng ban quyết định triệu tập cuộc họp mở rộng."""
    meeting = only(reg.meetings, lambda m: m.kind is MeetingKind.EXPANDED)
    assert "chuyên gia" in meeting.participants
    cites(meeting, "Điều 11 khoản 2")
    rule = only(reg.convening, lambda c: c.meeting is MeetingKind.EXPANDED)
    assert rule.conveners == ("head",)
    cites(rule, "Điều 11 khoản 2")


def test_dieu_11_khoan_1_extraordinary_on_proposal_of_standing_member(reg: Regulation) -> None:
    """Điều 11 khoản 1: extraordinary meetings.

    "họp đột xuất theo triệu tập của Trưởng ban, các Phó Trưởng ban hoặc theo đề nghị
    của Ủy viên thường trực Ban Chỉ đạo"
    """
    rule = only(
        reg.convening,
        lambda c: c.citation.article == 11 and c.meeting is MeetingKind.EXTRAORDINARY
        and c.body == "committee",
    )
    assert set(rule.conveners) == {"head", *DEPUTIES}  # Điều 6: "Phó Trưởng ban"
    assert rule.on_proposal_of == ("standing_member",)
    cites(rule, "Điều 11 khoản 1")


def test_dieu_4_khoan_3_head_convenes_and_chairs(reg: Regulation) -> None:
    """Điều 4 khoản 3: Triệu tập và chủ trì các cuộc họp định kỳ hoặc đột xuất."""
    rules = [c for c in reg.convening if c.citation.article == 4]
    assert {c.meeting for c in rules} == {MeetingKind.REGULAR, MeetingKind.EXTRAORDINARY}
    for rule in rules:
        assert rule.conveners == ("head",)
        assert rule.chairs
        cites(rule, "Điều 4 khoản 3")


def test_dieu_11_khoan_1_chair_decides_who_attends(reg: Regulation) -> None:
    """Điều 11 khoản 1: Thành phần tham dự cuộc họp do người Chủ trì cuộc họp quyết định."""
    (rule,) = reg.compositions
    assert (rule.body, rule.decided_by) == ("committee", "chair")
    cites(rule, "Điều 11 khoản 1")


def test_dieu_8_khoan_5_attendance_and_written_proxy(reg: Regulation) -> None:
    """Điều 8 khoản 5: vắng phải báo cáo và được đồng ý; ủy quyền phải có ý kiến bằng văn bản."""
    (rule,) = reg.attendance
    assert rule.posts == ("member",)
    assert rule.must_attend
    assert set(rule.absence_conditions) == {
        AttendanceCondition.REPORT_TO_CHAIR,
        AttendanceCondition.CHAIR_CONSENT,
    }
    assert rule.proxy_allowed is True
    assert rule.proxy_conditions == (AttendanceCondition.WRITTEN_OPINION,)
    cites(rule, "Điều 8 khoản 5")


def test_what_the_regulation_does_not_say(reg: Regulation) -> None:
    """No channels, no monitoring annex, no written authorisations in the text."""
    assert reg.channels == ()
    assert reg.monitoring is None
    assert reg.delegations == ()


# ---- The engines on this regulation: authority queries, then its calendar ----


class TestAuthority:
    """What the authority graph answers, clause by clause."""

    g = staticmethod(lambda: graph("dak-nong-2021"))

    def test_head_absent_standing_deputy_acts_dieu_5_khoan_1(self) -> None:
        assert_ruling(
            self.g().acting_for("head", absent={"head"}),
            "decided",
            ("standing_deputy",),
            "Điều 5 khoản 1",
        )

    def test_head_and_standing_deputy_absent_both_deputies_unordered_dieu_6_khoan_1(self) -> None:
        r = self.g().acting_for("head", absent={"head", "standing_deputy"})
        assert_ruling(r, "decided", ("deputy_tttt", "deputy_vpubnd"), "Điều 6 khoản 1")
        assert r.unordered
        assert "không quy định thứ tự" in r.explain("vi")
        assert "does not order" in r.explain("en")
        assert labels(r) == ["Điều 5 khoản 1", "Điều 6 khoản 1"]  # reasoning order

    def test_one_deputy_also_absent_the_other_acts_dieu_6_khoan_1(self) -> None:
        r = self.g().acting_for("head", absent={"head", "standing_deputy", "deputy_tttt"})
        assert_ruling(r, "decided", ("deputy_vpubnd",), "Điều 6 khoản 1")
        assert not r.unordered

    def test_everyone_named_absent_nobody_available(self) -> None:
        absent = {"head", "standing_deputy", "deputy_tttt", "deputy_vpubnd"}
        r = self.g().acting_for("head", absent=absent)
        assert_ruling(r, "nobody_available", (), ("Điều 5 khoản 1", "Điều 6 khoản 1"))

    def test_standing_deputy_alone_absent_is_not_specified_dieu_6_khoan_1(self) -> None:
        """Điều 6 khoản 1 covers the standing deputy only when the head is absent too."""
        r = self.g().acting_for("standing_deputy", absent={"standing_deputy"})
        assert_ruling(r, "not_specified", (), "Điều 6 khoản 1")
        r = self.g().acting_for("standing_deputy", absent={"standing_deputy", "head"})
        assert_ruling(r, "decided", ("deputy_tttt", "deputy_vpubnd"), "Điều 6 khoản 1")

    def test_present_post_acts_itself(self) -> None:
        assert_ruling(self.g().acting_for("head", absent=()), "decided", ("head",))

    def test_member_substitute_not_specified(self) -> None:
        assert_ruling(self.g().acting_for("member", absent={"member"}), "not_specified", ())

    def test_committee_has_no_seal_of_its_own_dieu_13_khoan_1(self) -> None:
        r = self.g().seal_for("committee")
        assert_ruling(r, "decided", ("none",), "Điều 13 khoản 1")
        assert r.seal is not None
        assert r.seal.kind is SealKind.NONE

    @pytest.mark.parametrize(
        ("post", "agency", "at"),
        [
            ("head", "UBND tỉnh", "Điều 13 khoản 2"),
            ("standing_deputy", "UBND tỉnh", "Điều 13 khoản 3"),
            ("deputy_tttt", "Sở Thông tin và Truyền thông", "Điều 13 khoản 4"),
            ("deputy_vpubnd", "Văn phòng UBND tỉnh", "Điều 13 khoản 5"),
        ],
    )
    def test_seals_of_head_and_deputies_dieu_13(self, post: str, agency: str, at: str) -> None:
        assert_ruling(self.g().seal_for(post), "decided", (agency,), at)

    def test_members_seal_not_specified_but_committee_has_none_dieu_13_khoan_1(self) -> None:
        r = self.g().seal_for("member")
        assert_ruling(r, "not_specified", (), "Điều 13 khoản 1")
        assert r.seal is None

    def test_head_signs_tm_ban_chi_dao_as_the_signature_block_shows(self) -> None:
        r = self.g().seal_for("head")
        assert r.signing_form is SigningForm.TM
        # The block prints "TM. BAN CHỈ ĐẠO / TRƯỞNG BAN" and the name, no office line.
        assert r.lines == ("TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN")
        assert "Quyết định ban hành (phần ký)" in labels(r)
        nd = [c for c in r.citations if c.document == ND30]
        assert [(c.article, c.clause) for c in nd] == [(13, 2)]

    def test_deputy_signs_tm_and_kt_nd30_dieu_13_khoan_2(self) -> None:
        r = self.g().signature_block("deputy_tttt")
        assert_ruling(r, "decided", ("deputy_tttt",), f"Điều 13 khoản 2 {ND30}")
        assert r.signing_form is SigningForm.KT
        assert r.lines[:3] == ("TM. BAN CHỈ ĐẠO", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")

    def test_signature_block_when_head_absent_kt_by_standing_deputy(self) -> None:
        r = self.g().signature_block("head", absent={"head"})
        assert_ruling(
            r, "decided", ("standing_deputy",), ("Điều 5 khoản 1", f"Điều 13 khoản 1 {ND30}")
        )
        assert r.lines[:2] == ("TM. BAN CHỈ ĐẠO", "KT. TRƯỞNG BAN")

    def test_standing_member_may_sign_notices_form_not_specified_dieu_7_khoan_3(self) -> None:
        r = self.g().signature_block("standing_member")
        assert_ruling(r, "not_specified", (), "Điều 7 khoản 3")
        assert "thông báo" in r.documents

    def test_accountability_dieu_5_6_8(self) -> None:
        g = self.g()
        assert_ruling(g.accountable_to("standing_deputy"), "decided", ("head",), "Điều 5 khoản 2")
        assert_ruling(
            g.accountable_to("deputy_tttt"),
            "decided",
            ("head", "standing_deputy"),
            "Điều 6 khoản 2",
        )
        assert_ruling(g.accountable_to("member"), "decided", ("head",), "Điều 8 khoản 2")
        assert_ruling(g.accountable_to("head"), "not_specified", ())

    def test_accountability_transitive(self) -> None:
        r = self.g().accountable_to("deputy_tttt", transitive=True)
        assert r.answer == ("head", "standing_deputy")
        assert set(r.answer) >= set(self.g().accountable_to("deputy_tttt").answer)

    def test_working_group_reports_quarterly_dieu_10_khoan_6(self) -> None:
        r = self.g().reports_to("to_giup_viec")
        assert_ruling(r, "decided", cite="Điều 10 khoản 6")
        assert "head" in r.answer
        assert "member" in r.answer

    def test_feedback_goes_through_standing_agency_dieu_16(self) -> None:
        r = self.g().reports_to("agency_heads")
        assert_ruling(r, "decided", ("head",), "Điều 16")
        assert "standing_agency" in r.chain

    def test_extraordinary_meeting_conveners_and_proposal_dieu_11_khoan_1(self) -> None:
        """Điều 11 khoản 1: "theo triệu tập của Trưởng ban, các Phó Trưởng ban".

        Điều 6 defines "Phó Trưởng ban" as the deputies other than the standing
        deputy, so the standing deputy is not among the conveners.
        """
        r = self.g().conveners("extraordinary")
        assert_ruling(r, "decided", cite="Điều 11 khoản 1")
        assert set(r.answer) == {"head", "deputy_tttt", "deputy_vpubnd"}
        assert r.on_proposal_of == ("standing_member",)

    def test_expanded_meeting_head_dieu_11_khoan_2(self) -> None:
        assert_ruling(self.g().conveners("expanded"), "decided", ("head",), "Điều 11 khoản 2")

    def test_working_group_regular_convener_not_specified(self) -> None:
        r = self.g().conveners("regular", body="to_giup_viec")
        assert_ruling(r, "not_specified", ())

    def test_member_proxy_needs_written_opinion_dieu_8_khoan_5(self) -> None:
        r = self.g().proxy("member")
        assert_ruling(r, "decided", ("allowed",), "Điều 8 khoản 5")
        assert r.allowed is True
        assert r.conditions == (AttendanceCondition.WRITTEN_OPINION,)

    def test_head_proxy_not_specified(self) -> None:
        assert_ruling(self.g().proxy("head"), "not_specified", ())

    def test_no_monitoring_annex(self) -> None:
        assert_ruling(self.g().monitor_of("Gia Nghĩa"), "not_specified", ())
        assert_ruling(self.g().monitored_by("member"), "not_specified", ())


class TestCalendar:
    """Its meetings and reports over whole years, clause by clause."""

    preset = "dak-nong-2021"

    def test_committee_meets_once_a_quarter(self) -> None:
        """Điều 11 khoản 1: "Ban Chỉ đạo họp định kỳ một quý một lần"."""
        meetings = pick(year(self.preset, 2025), "committee", "regular_meeting")
        assert windows(meetings) == QUARTERS_2025
        occ_cites(self.preset, meetings, 11, 1, "Ban Chỉ đạo họp định kỳ một quý một lần")

    def test_working_group_meets_once_a_quarter(self) -> None:
        """Điều 11 khoản 3: "Tổ giúp việc Ban Chỉ đạo họp định kỳ một quý một lần"."""
        meetings = pick(year(self.preset, 2025), "working_group", "regular_meeting")
        assert windows(meetings) == QUARTERS_2025
        occ_cites(
            self.preset, meetings, 11, 3, "Tổ giúp việc Ban Chỉ đạo họp định kỳ một quý một lần"
        )

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
        occ_cites(self.preset, reports, 10, 6, "Định kỳ hàng quý báo cáo Trưởng ban")

    def test_whole_year_count(self) -> None:
        occs = year(self.preset, 2026)
        assert len(occs) == 12
        assert Counter(o.kind for o in occs) == {"regular_meeting": 8, "report": 4}
        assert ("working_group", "report", "wg_quarterly", "deadline") in gaps(self.preset)


def test_nobody_available_reads_as_one_sentence_dak_nong_dieu_5_6() -> None:
    """Điều 5 khoản 1 and Điều 6 khoản 1 name every substitute of the Trưởng ban; when all are
    away the explanation lists them once, without parentheses inside parentheses."""
    g = graph("dak-nong-2021")
    r = g.acting_for("head", absent={"head", "standing_deputy", "deputy_tttt", "deputy_vpubnd"})
    assert_ruling(r, "nobody_available", (), ("Điều 5 khoản 1", "Điều 6 khoản 1"))
    vi, en = r.explain("vi"), r.explain("en")
    assert vi.startswith(
        "Trưởng ban (Chủ tịch UBND tỉnh) vắng mặt và những người quy chế giao thay là "
        "Phó Trưởng ban Thường trực (Phó Chủ tịch Thường trực UBND tỉnh), "
    ), vi
    assert "cũng đều vắng mặt (Điều 5 khoản 1; Điều 6 khoản 1)" in vi
    assert "))" not in vi
    assert "tỉnh))" not in en
    assert en.startswith("Trưởng ban (head; Chủ tịch UBND tỉnh) is absent and so are all the "
                         "substitutes the regulation names: "), en


def test_two_posts_absent_together_are_both_absent_dak_nong_dieu_6_khoan_1() -> None:
    r = graph("dak-nong-2021").acting_for("standing_deputy", absent={"standing_deputy"})
    assert_ruling(r, "not_specified", (), "Điều 6 khoản 1")
    assert "are both absent" in r.explain("en")


def test_signing_a_kind_not_listed_says_so_dak_nong_dieu_7_khoan_3() -> None:
    """Điều 7 khoản 3 lets the Thành viên thường trực sign notices, minutes and documents on
    the committee's organisation; for a "Quyết định" the regulation does not say."""
    g = graph("dak-nong-2021")
    r = g.seal_for("standing_member", document="Quyết định")
    assert_ruling(r, "not_specified", (), ("Điều 13 khoản 1", "Điều 7 khoản 3"))
    assert "chỉ được ký “thông báo”" in r.explain("vi")
    assert "với “Quyết định” thì quy chế không quy định" in r.explain("vi")
    minutes = g.signature_block("standing_member", document="biên bản họp")
    assert "được ký “biên bản họp” (Điều 7 khoản 3)" in minutes.explain("vi")


class TestEveryPreset(PresetCase):
    """The checks every preset passes (tests/presets/_engines.py), on this one."""

    preset = "dak-nong-2021"
