"""Thanh Hóa 2021: Quy chế hoạt động của Ban Chỉ đạo xây dựng Chính quyền điện tử tỉnh Thanh Hóa.

A draft decision of January 2021 (number and day blank), signed directly by the
Chủ tịch UBND tỉnh as Trưởng Ban, issuing a Quy chế of 12 articles with no annex.
Each test states what the regulation says and checks the clause it cites: the model's
facts first, then what the engines answer from them (`TestAuthority`, `TestCalendar`),
then the checks every preset passes (`TestEveryPreset`).
"""

from __future__ import annotations

import pytest

import steering
from steering.regulation import EffectiveKind, Level, PartialDate, Regulation
from steering.roles import Role
from steering.rules import (
    AttendanceCondition,
    Cadence,
    MeetingKind,
    ReportRule,
    SealKind,
    SigningForm,
)

from ._assert import assert_loads_clean, cites, only, quotes, timing_not_specified
from ._engines import (
    QUARTER_CUTOFFS_2025,
    QUARTERS_2025,
    D,
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
from ._thanh_hoa import ThanhHoaClauses

PRESET = "thanh-hoa-2021"
DEPUTIES = ("standing_deputy", "deputy")


@pytest.fixture(scope="module")
def reg() -> Regulation:
    return assert_loads_clean(PRESET)


def _report(reg: Regulation, report_id: str) -> ReportRule:
    return only(reg.reports, lambda r: r.id == report_id, f"report {report_id}")


# ---------------------------------------------------------------- identity


def test_preset_loads_and_validates_with_zero_problems(reg: Regulation) -> None:
    """Every rule resolves and every quote sits in the clause it cites."""
    assert reg.id == PRESET
    assert reg.origin.endswith("thanh-hoa-2021.toml")


def test_signing_date_is_known_only_to_the_month(reg: Regulation) -> None:
    """'Thanh Hoá, ngày tháng 01 năm 2021': the day is blank."""
    signed = reg.identity.signed
    assert signed == PartialDate(2021, 1)
    assert str(signed) == "2021-01"
    assert not signed.complete
    assert reg.identity.signed_citation is not None  # the text gives the date
    cites(reg.identity.signed_citation, None, document="decision")
    quotes(reg.identity.signed_citation, "tháng 01 năm 2021")


def test_quyet_dinh_dieu_2_effective_on_signing(reg: Regulation) -> None:
    """Quyết định Điều 2: 'có hiệu lực thi hành kể từ ngày ký'."""
    eff = reg.identity.effective
    assert eff.kind is EffectiveKind.ON_SIGNING
    assert eff.date == PartialDate(2021, 1)
    assert eff.citation is not None
    cites(eff.citation, "Điều 2", document="decision")


def test_quyet_dinh_dieu_2_replaces_4095_of_2018(reg: Regulation) -> None:
    """Quyết định Điều 2: 'thay thế Quyết định số 4095/QĐ-BCĐ ngày 19/10/2018'."""
    r = only(reg.identity.replaces, lambda _: True, "replaced decision")
    assert (r.number, str(r.date)) == ("4095/QĐ-BCĐ", "2018-10-19")
    assert r.preset == ""  # not shipped
    cites(r, "Điều 2", document="decision")
    quotes(r, "4095/QĐ-BCĐ ngày 19/10/2018")


def test_signature_block_is_the_head_signing_directly(reg: Regulation) -> None:
    """'TRƯỞNG BAN / CHỦ TỊCH UBND TỈNH / Đỗ Minh Tuấn', no TM./KT. prefix."""
    sig = reg.identity.signature
    assert sig is not None
    assert sig.lines == ("TRƯỞNG BAN",)
    assert sig.form is SigningForm.DIRECT
    assert (sig.post, sig.role) == ("head", Role.HEAD)
    assert sig.office == "CHỦ TỊCH UBND TỈNH"
    assert sig.name == "Đỗ Minh Tuấn"
    cites(sig, None, document="decision")


def test_level_locality_and_names(reg: Regulation) -> None:
    """Điều 1 khoản 1: the provincial Ban Chỉ đạo xây dựng Chính quyền điện tử of Thanh Hóa."""
    ident = reg.identity
    assert ident.level is Level.PROVINCE
    assert (ident.locality, ident.province) == ("Thanh Hóa", "Thanh Hóa")
    assert reg.committee.name == "Ban Chỉ đạo xây dựng Chính quyền điện tử tỉnh Thanh Hóa"
    assert ident.title.startswith("Quy chế hoạt động của Ban Chỉ đạo xây dựng Chính quyền")


# ---------------------------------------------------------------- committee


def test_dieu_2_khoan_1_to_5_working_principles(reg: Regulation) -> None:
    """Điều 2 khoản 1-5; khoản 6 is the seal clause, encoded as seal rules."""
    principles = reg.committee.principles
    assert [(p.citation.article, p.citation.clause) for p in principles] == [
        (2, k) for k in range(1, 6)
    ]
    quotes(principles[0], "Ban Chỉ đạo làm việc dân chủ, công khai")


def test_forms_of_work_are_not_specified(reg: Regulation) -> None:
    """The 2021 text has no clause on forms of work (2024 adds Điều 2 khoản 6)."""
    assert reg.committee.working_forms == ()


def test_dieu_8_khoan_1_members_work_part_time(reg: Regulation) -> None:
    """Điều 8 khoản 1: 'làm việc theo chế độ kiêm nhiệm'."""
    part_time = reg.committee.part_time
    assert part_time is not None
    cites(part_time, "Điều 8 khoản 1")
    quotes(part_time, "Tổ giúp việc làm việc theo chế độ kiêm nhiệm")


def test_dieu_8_khoan_1_working_group_works_part_time_too(reg: Regulation) -> None:
    """Điều 8 khoản 1: 'Các thành viên Ban Chỉ đạo và Tổ giúp việc làm việc theo chế độ kiêm
    nhiệm': the Tổ giúp việc too."""
    wg = only(reg.working_groups, lambda _: True, "working group")
    assert wg.part_time is not None
    cites(wg.part_time, "Điều 8 khoản 1")
    quotes(wg.part_time, "Tổ giúp việc làm việc theo chế độ kiêm nhiệm")
    assert reg.committee.part_time is not None  # the committee keeps its own


def test_standing_agency_is_not_named(reg: Regulation) -> None:
    """Điều 2 khoản 6, 9, 10, 12: a 'Cơ quan Thường trực' acts; the text never says which."""
    sa = reg.post(reg.committee.standing_agency)
    assert sa.role is Role.STANDING_AGENCY
    assert sa.title == "Cơ quan Thường trực"
    assert sa.holder is None
    cites(sa, "Điều 9 khoản 2")


# ---------------------------------------------------------------- posts


def test_head_is_held_by_the_chu_tich_ubnd_tinh(reg: Regulation) -> None:
    """Signature block: the Chủ tịch UBND tỉnh signs as Trưởng Ban (Điều 3 sets the post)."""
    assert len(reg.posts_with_role(Role.HEAD)) == 1
    head = reg.head
    assert head.title == "Trưởng Ban Chỉ đạo"
    cites(head, "Điều 3")
    assert (head.office, head.agency) == ("Chủ tịch UBND tỉnh", "UBND tỉnh")
    assert head.holder is not None
    cites(head.holder, None, document="decision")
    quotes(head.holder, "CHỦ TỊCH UBND TỈNH")
    assert [d.citation.clause for d in head.duties] == [1, 2, 3, 4]


def test_other_holders_are_not_specified(reg: Regulation) -> None:
    """No clause names who holds the deputy, member or working-group posts."""
    assert [p.id for p in reg.posts if p.holder is not None] == ["head"]


def test_dieu_4_standing_deputy_and_a_deputy(reg: Regulation) -> None:
    """Điều 4 khoản 1, 2: a Phó Trưởng Ban thường trực and a Phó Trưởng Ban (singular).

    How many non-standing deputies there are is not specified: the post is not a plural class.
    """
    sd = only(reg.posts, lambda p: p.role is Role.STANDING_DEPUTY, "standing deputy")
    assert sd.title == "Phó Trưởng Ban thường trực"
    cites(sd, "Điều 4 khoản 1")
    deputy = only(reg.posts, lambda p: p.role is Role.DEPUTY, "deputy post")
    assert not deputy.plural
    cites(deputy, "Điều 4 khoản 2")
    assert [d.citation.point for d in deputy.duties] == ["a", "b", "b", "c"]


def test_dieu_5_members_are_one_plural_post(reg: Regulation) -> None:
    """Điều 5: 'Các Ủy viên Ban Chỉ đạo', not enumerated; no annex assigns them."""
    member = only(reg.posts, lambda p: p.role is Role.MEMBER, "member post")
    assert member.plural
    assert member.title == "Ủy viên Ban Chỉ đạo"
    cites(member, "Điều 5")
    where = [(d.citation.article, d.citation.clause) for d in member.duties]
    assert where == [
        (5, 1), (5, 2), (5, 2), (5, 3), (5, 4), (5, 4), (5, 5),
        (5, 6), (5, 6), (5, 6), (5, 7), (8, 3), (8, 3),
    ]


@pytest.mark.parametrize(
    ("at", "words"),
    [
        ("Điều 5 khoản 2", "theo nhiệm vụ được UBND tỉnh, Chủ tịch UBND tỉnh giao"),
        ("Điều 5 khoản 2", "thực hiện lồng ghép các nội dung về xây dựng, phát triển Chính quyền "
         "điện tử"),
        ("Điều 5 khoản 3", "trực tiếp chỉ đạo, đôn đốc thực hiện đảm bảo đúng thời hạn và các "
         "vấn đề được xin ý kiến"),
        ("Điều 5 khoản 4", "đề xuất sáng kiến, giải pháp tháo gỡ vướng mắc, khó khăn"),
        ("Điều 5 khoản 6", "tạo điều kiện cho những cán bộ, chuyên gia này hoàn thành tốt nhiệm "
         "vụ được lãnh đạo Tổ giúp việc giao"),
        ("Điều 5 khoản 6", "Kịp thời thay thế những cán bộ, chuyên gia không đáp ứng yêu cầu "
         "nhiệm vụ được giao theo đề nghị của Tổ trưởng Tổ giúp việc"),
        ("Điều 8 khoản 3", "phối hợp với Tổ giúp việc trong thực hiện nhiệm vụ"),
    ],
)
def test_every_part_of_a_members_clause_is_a_member_duty(
    reg: Regulation, at: str, words: str
) -> None:
    """Điều 5 khoản 2, 3, 4, 6 and Điều 8 khoản 3, to their last words, bind the members."""
    member = only(reg.posts, lambda p: p.role is Role.MEMBER, "member post")
    d = only(member.duties, lambda x: words in x.citation.quote, "member duty")
    cites(d, at)


def test_dieu_5_khoan_6_replacing_staff_is_the_members_duty_on_the_wg_leads_proposal(
    reg: Regulation,
) -> None:
    """Điều 5 khoản 6: the members 'Kịp thời thay thế những cán bộ, chuyên gia ... theo đề nghị
    của Tổ trưởng Tổ giúp việc'. The members replace; the Tổ trưởng proposes, and keeps the
    sentence among its duties."""
    words = "Kịp thời thay thế những cán bộ, chuyên gia"
    for pid in ("member", "wg_lead"):
        d = only(reg.post(pid).duties, lambda x: words in x.citation.quote, f"{pid} duty")
        cites(d, "Điều 5 khoản 6")
        quotes(d, "theo đề nghị của Tổ trưởng Tổ giúp việc")


def test_dieu_6_working_group_and_its_posts(reg: Regulation) -> None:
    """Điều 1 khoản 2, Điều 6: the Tổ giúp việc, led by its Tổ trưởng."""
    wg = only(reg.working_groups, lambda _: True, "working group")
    assert wg.name == "Tổ giúp việc Ban Chỉ đạo"
    cites(wg, "Điều 1 khoản 2")
    assert [d.citation.clause for d in wg.duties] == [1, 1, 2, 3, 3, 4, 5, 5, 5, 6, 7, 8, 9, 10]
    assert all(d.citation.article == 6 for d in wg.duties)
    lead = reg.post(wg.lead)
    assert (lead.role, lead.title, lead.group) == (Role.WG_LEAD, "Tổ trưởng Tổ giúp việc", wg.id)
    cites(lead, "Điều 6 khoản 7")
    member = only(reg.posts, lambda p: p.role is Role.WG_MEMBER, "working-group member post")
    assert (member.group, member.plural) == (wg.id, True)
    cites(member, "Điều 8 khoản 4")


@pytest.mark.parametrize(
    ("at", "words"),
    [
        ("Điều 6 khoản 2", "tạo thuận lợi cho việc triển khai Cách mạng công nghiệp lần thứ tư"),
        ("Điều 6 khoản 3", "tại các sở, ban, ngành, UBND các huyện, thị xã, thành phố"),
        ("Điều 6 khoản 3", "kịp thời báo cáo tham mưu đề xuất các giải pháp nhằm tháo gỡ khó "
         "khăn, vướng mắc"),
        ("Điều 6 khoản 4", "Chuẩn bị các ý kiến về các vấn đề liên quan đến xây dựng"),
        ("Điều 6 khoản 5", "Nghiên cứu, xây dựng báo cáo"),
        ("Điều 6 khoản 5", "đôn đốc, kiểm tra tình hình thực hiện kết luận của Trưởng Ban, Phó "
         "Trưởng Ban Chỉ đạo"),
        ("Điều 6 khoản 5", "triển khai thực hiện việc sơ kết, đánh giá tình hình, kết quả triển "
         "khai nhiệm vụ, giải pháp trọng tâm"),
    ],
)
def test_every_part_of_a_working_group_clause_is_a_duty(
    reg: Regulation, at: str, words: str
) -> None:
    """Điều 6 khoản 2-5, to their last words, are duties of the Tổ giúp việc."""
    wg = only(reg.working_groups, lambda _: True, "working group")
    d = only(wg.duties, lambda x: words in x.citation.quote, "working-group duty")
    cites(d, at)


def test_dieu_8_khoan_4_wg_lead_gathers_members_for_a_purpose(reg: Regulation) -> None:
    """Điều 8 khoản 4: the Tổ trưởng 'được trưng tập các thành viên ... để nghiên cứu, biên tập
    các đề án, dự án, dự thảo văn bản quy phạm pháp luật và thực hiện các nhiệm vụ khác'."""
    lead = reg.post("wg_lead")
    d = only(lead.duties, lambda x: x.citation.article == 8, "Điều 8 duty of the Tổ trưởng")
    cites(d, "Điều 8 khoản 4")
    quotes(d, "để nghiên cứu, biên tập các đề án, dự án, dự thảo văn bản quy phạm pháp luật")


# ---------------------------------------------------------------- substitution


def test_dieu_4_khoan_1_standing_deputy_acts_for_absent_head(reg: Regulation) -> None:
    """Điều 4 khoản 1: 'Khi Trưởng Ban vắng mặt, Phó Trưởng Ban thường trực thay mặt'."""
    s = only(reg.substitutions, lambda x: x.principal == "head", "substitution for the head")
    assert s.substitutes == ("standing_deputy",)
    assert (s.rank, s.also_absent) == (1, ())
    cites(s, "Điều 4 khoản 1")
    quotes(s, "Khi Trưởng Ban vắng mặt")


# ---------------------------------------------------------------- accountability


def test_dieu_5_khoan_2_members_answer_to_head_only(reg: Regulation) -> None:
    """Điều 5 khoản 2: 'chịu trách nhiệm trước Trưởng Ban Chỉ đạo'; khoản 5 names no one."""
    a = only(reg.accountability, lambda x: x.subject == "member", "member accountability")
    assert a.to == ("head",)
    cites(a, "Điều 5 khoản 2")


# ---------------------------------------------------------------- direction


def test_dieu_3_khoan_1_head_assigns_the_members(reg: Regulation) -> None:
    """Điều 3 khoản 1: 'phân công nhiệm vụ các thành viên Ban Chỉ đạo'."""
    d = only(
        reg.directions,
        lambda x: x.citation.article == 3 and x.objects != ("committee",),
        "Điều 3 assignment",
    )
    assert d.subjects == ("head",)
    assert d.objects == ("standing_deputy", "deputy", "member")
    cites(d, "Điều 3 khoản 1")


def test_dieu_5_khoan_2_ubnd_and_chu_tich_assign_member_tasks(reg: Regulation) -> None:
    """Điều 5 khoản 2: 'theo nhiệm vụ được UBND tỉnh, Chủ tịch UBND tỉnh giao'."""
    d = only(reg.directions, lambda x: x.citation.article == 5 and x.citation.clause == 2)
    assert [reg.name_of(s) for s in d.subjects] == ["UBND tỉnh", "Chủ tịch UBND tỉnh"]
    assert d.objects == ("member",)


def test_dieu_12_khoan_1_head_and_deputies_direct_members_agency_and_group(
    reg: Regulation,
) -> None:
    """Điều 12 khoản 1: Trưởng Ban, Phó Trưởng Ban chỉ đạo Ủy viên, Cơ quan Thường trực, Tổ."""
    d = only(reg.directions, lambda x: x.citation.article == 12, "Điều 12 direction")
    cites(d, "Điều 12 khoản 1")
    assert d.subjects == ("head", *DEPUTIES)
    assert d.objects == ("member", "standing_agency", "to_giup_viec")


def test_dieu_11_khoan_1_agency_heads_are_supervised_by_the_committee(reg: Regulation) -> None:
    """Điều 11 khoản 1: 'Quán triệt các nội dung chỉ đạo ... và chịu sự giám sát, kiểm tra
    của Ban Chỉ đạo'; one direction for the clause, as in Thanh Hóa 2024 Điều 11 khoản 2."""
    d = only(reg.directions, lambda d: d.objects == ("agency_heads",), "Điều 11 direction")
    assert d.subjects == ("committee",)
    cites(d, "Điều 11 khoản 1")
    quotes(d, "chịu sự giám sát, kiểm tra của Ban Chỉ đạo")
    assert not [a for a in reg.accountability if a.subject == "agency_heads"]


def test_dieu_11_khoan_1_agency_heads_direct_their_units_to_work_with_the_group(
    reg: Regulation,
) -> None:
    """Điều 11 khoản 1: 'Chỉ đạo các đơn vị thuộc cơ quan quản lý phối hợp chặt chẽ với Tổ giúp
    việc thực hiện nhiệm vụ được giao'."""
    d = only(
        reg.directions,
        lambda x: x.subjects == ("agency_heads",) and x.citation.clause == 1,
        "Điều 11 khoản 1 direction of the heads",
    )
    cites(d, "Điều 11 khoản 1")
    assert [reg.name_of(x) for x in d.objects] == ["các đơn vị thuộc cơ quan quản lý"]
    quotes(d, "phối hợp chặt chẽ với Tổ giúp việc")


def test_dieu_11_khoan_2_agency_heads_direct_their_own_agencies(reg: Regulation) -> None:
    """Điều 11 khoản 2: 'Chỉ đạo tổ chức triển khai các nhiệm vụ ... thuộc cơ quan, đơn vị phụ
    trách'. 'chịu trách nhiệm về các nhiệm vụ được giao' names nobody answered to."""
    d = only(
        reg.directions,
        lambda x: x.subjects == ("agency_heads",) and x.citation.clause == 2,
        "Điều 11 khoản 2 direction",
    )
    cites(d, "Điều 11 khoản 2")
    assert [reg.name_of(x) for x in d.objects] == ["các cơ quan, đơn vị"]
    quotes(d, "thuộc cơ quan, đơn vị phụ trách")


def test_dieu_11_what_the_model_cannot_hold_is_in_the_notes(reg: Regulation) -> None:
    """Điều 11 khoản 1 'Phối hợp với Tổ giúp việc đề xuất, kiến nghị ...' and khoản 2 'thực hiện
    chế độ thông tin, báo cáo theo quy định' name no recipient, and an outside body carries no
    duties: the notes say so, and do not claim them kept as duties."""
    notes = " ".join(reg.notes)
    assert "Phối hợp với Tổ giúp việc đề xuất, kiến nghị" in notes
    assert "recorded in these notes only" in notes
    (reports_note,) = [n for n in reg.notes if n.startswith("Reports whose recipient")]
    kept, _, rest = reports_note.partition("are kept as duties")
    assert "Điều 11" not in kept
    assert "Điều 11 khoản 2 'thực hiện chế độ thông tin, báo cáo theo quy định'" in rest


def test_dieu_8_khoan_3_members_carry_out_tasks_given_by_head_and_deputies(
    reg: Regulation,
) -> None:
    """Điều 8 khoản 3: 'trong thực thi nhiệm vụ được Trưởng Ban, Phó Trưởng Ban Chỉ đạo giao'."""
    d = only(reg.directions, lambda x: x.citation.article == 8 and x.citation.clause == 3)
    assert d.subjects == ("head", "standing_deputy", "deputy")
    assert d.objects == ("member",)
    cites(d, "Điều 8 khoản 3")


@pytest.mark.parametrize(
    ("report", "at"),
    [
        ("member_matters_for_decision", "Điều 5 khoản 5"),
        ("wg_annual_plan", "Điều 6 khoản 1"),
        ("wg_opinions", "Điều 6 khoản 4"),
        ("member_results", "Điều 8 khoản 3"),
    ],
)
def test_reports_with_no_period_and_no_occasion_have_timing_not_specified(
    reg: Regulation, report: str, at: str
) -> None:
    """Điều 5 khoản 5, Điều 6 khoản 4, Điều 8 khoản 3 say 'báo cáo' with no period and no
    'kịp thời' / 'đột xuất': when they are made is not specified."""
    r = only(reg.reports, lambda x: x.id == report)
    timing_not_specified(r)
    cites(r, at)


def test_dieu_10_khoan_1_funding_managed_by_so_tttt(reg: Regulation) -> None:
    """Điều 10 khoản 1: 'Sở Thông tin và Truyền thông có trách nhiệm quản lý kinh phí'."""
    f = only(reg.committee.funding, lambda x: x.citation.clause == 1, "Điều 10 khoản 1 funding")
    assert reg.name_of(f.manager) == "Sở Thông tin và Truyền thông"
    quotes(f, "Sở Thông tin và Truyền thông có trách nhiệm quản lý kinh phí")


# ---------------------------------------------------------------- reports


def test_dieu_5_khoan_4_members_report_issues_at_once(reg: Regulation) -> None:
    """Điều 5 khoản 4: 'Kịp thời báo cáo Trưởng Ban, Phó Trưởng Ban Chỉ đạo'."""
    r = _report(reg, "member_issues")
    assert (r.ad_hoc, r.periodic) == (True, False)
    assert r.recipients == ("head", *DEPUTIES)
    cites(r, "Điều 5 khoản 4")


def test_dieu_6_khoan_1_working_group_submits_the_annual_plan_to_the_head(
    reg: Regulation,
) -> None:
    """Điều 6 khoản 1: 'Xây dựng, trình Trưởng Ban Chỉ đạo ban hành chương trình, kế hoạch công
    tác, kế hoạch kiểm tra hàng năm'. The plan is yearly, but no submission date is stated."""
    r = _report(reg, "wg_annual_plan")
    assert r.reporters == ("to_giup_viec",)
    assert r.recipients == ("head",)
    assert r.subject == (
        "chương trình, kế hoạch công tác, kế hoạch kiểm tra hàng năm của Ban Chỉ đạo"
    )
    timing_not_specified(r)
    cites(r, "Điều 6 khoản 1")
    quotes(r, "trình Trưởng Ban Chỉ đạo ban hành")
    assert "no submission date" in r.note
    wg = only(reg.working_groups, lambda _: True, "working group")
    duty = only(wg.duties, lambda d: "trình Trưởng Ban" in d.citation.quote, "plan duty")
    cites(duty, "Điều 6 khoản 1")  # the duty is kept


def test_dieu_6_khoan_8_working_group_reports_quarterly(reg: Regulation) -> None:
    """Điều 6 khoản 8: 'Định kỳ hàng quý báo cáo Trưởng Ban, Phó Trưởng Ban ... và các Ủy viên'."""
    r = _report(reg, "wg_quarterly")
    assert r.periodic
    assert r.cadences == (Cadence.quarterly(),)
    assert r.reporters == ("to_giup_viec",)
    assert r.recipients == ("head", *DEPUTIES, "member")
    cites(r, "Điều 6 khoản 8")


def test_dieu_8_khoan_3_members_report_results_to_head(reg: Regulation) -> None:
    """Điều 8 khoản 3: 'báo cáo Trưởng Ban Chỉ đạo về kết quả thực hiện'."""
    r = _report(reg, "member_results")
    assert r.recipients == ("head",)
    cites(r, "Điều 8 khoản 3")


def test_dieu_9_khoan_1_forms_of_members_reports(reg: Regulation) -> None:
    """Điều 9 khoản 1: trực tiếp, bằng văn bản, thông qua các phiên họp."""
    r = _report(reg, "member_report_forms")
    assert r.forms == (
        "báo cáo trực tiếp",
        "báo cáo bằng văn bản",
        "báo cáo thông qua các phiên họp định kỳ, đột xuất của Ban Chỉ đạo",
    )
    cites(r, "Điều 9 khoản 1")


def test_dieu_9_khoan_2_standing_agency_reports_half_year_and_year(reg: Regulation) -> None:
    """Điều 9 khoản 2: báo cáo 06 tháng và năm, 'gửi xin ý kiến các Ủy viên' first; no quarter."""
    r = _report(reg, "standing_agency_periodic")
    assert (r.reporters, r.recipients, r.consult) == (("standing_agency",), ("head",), ("member",))
    assert r.partners == ()  # consulted, not preparing it together
    assert r.periodic
    assert r.cadences == (Cadence.half_yearly(), Cadence.yearly())
    assert r.deadline is None
    cites(r, "Điều 9 khoản 2")


def test_dieu_10_khoan_2_budget_plan_goes_through_the_head(reg: Regulation) -> None:
    """Điều 10 khoản 2: dự toán 'thông qua Trưởng Ban Chỉ đạo, trình cơ quan có thẩm quyền'."""
    r = _report(reg, "budget_plan")
    assert r.through == ("head",)
    assert [reg.name_of(x) for x in r.recipients] == ["cơ quan có thẩm quyền"]
    cites(r, "Điều 10 khoản 2")


def test_dieu_10_khoan_2_special_expenses_prepared_with_so_tai_chinh(reg: Regulation) -> None:
    """Điều 10 khoản 2: 'cơ quan Thường trực Ban Chỉ đạo chủ trì, phối hợp với Sở Tài chính để
    thống nhất nội dung trình Trưởng Ban Chỉ đạo': joint preparation led by the standing agency,
    not a consultation; made only 'Trường hợp phát sinh'."""
    r = _report(reg, "special_expenses")
    assert r.reporters == ("standing_agency",)
    assert r.recipients == ("head",)
    assert [reg.name_of(x) for x in r.partners] == ["Sở Tài chính"]
    assert r.consult == ()
    assert (r.ad_hoc, r.periodic) == (True, False)
    cites(r, "Điều 10 khoản 2")
    quotes(r, "chủ trì, phối hợp với Sở Tài chính")


def test_dieu_12_khoan_2_issues_go_through_the_standing_agency(reg: Regulation) -> None:
    """Điều 12 khoản 2: 'báo cáo Cơ quan Thường trực để tổng hợp, báo cáo Trưởng Ban'."""
    r = _report(reg, "issues_with_regulation")
    assert (r.through, r.recipients) == (("standing_agency",), ("head",))
    cites(r, "Điều 12 khoản 2")


# ---------------------------------------------------------------- seals


def test_dieu_2_khoan_6_head_and_deputies_use_the_ubnd_seal(reg: Regulation) -> None:
    """Điều 2 khoản 6: 'Trưởng Ban, Phó Trưởng Ban Chỉ đạo sử dụng con dấu của UBND tỉnh'."""
    s = only(reg.seals, lambda x: "head" in x.posts, "seal rule of the head")
    assert s.posts == ("head", *DEPUTIES)
    assert (s.seal.kind, s.seal.agency) == (SealKind.AGENCY, "UBND tỉnh")
    assert s.documents == ()
    cites(s, "Điều 2 khoản 6")


def test_dieu_2_khoan_6_standing_agency_and_members_use_their_own_seal(reg: Regulation) -> None:
    """Điều 2 khoản 6: 'được sử dụng con dấu của cơ quan mình'."""
    s = only(reg.seals, lambda x: "member" in x.posts, "seal rule of the members")
    assert s.posts == ("standing_agency", "member")
    assert s.seal.kind is SealKind.OWN_AGENCY
    cites(s, "Điều 2 khoản 6")


def test_working_group_seal_and_committee_seal_are_not_specified(reg: Regulation) -> None:
    """Điều 2 khoản 6 says nothing of the Tổ giúp việc or of a seal of the committee itself."""
    sealed = {p for s in reg.seals for p in s.posts}
    assert not sealed & {"wg_lead", "wg_member", "to_giup_viec", "committee"}
    assert reg.signing == ()


# ---------------------------------------------------------------- meetings


def test_dieu_7_khoan_3_working_group_cadence_not_specified(reg: Regulation) -> None:
    """Điều 7 khoản 3: 'Tổ giúp việc họp định kỳ hoặc đột xuất' with no period named."""
    m = only(reg.meetings, lambda x: x.body == "to_giup_viec", "working-group meeting")
    assert (m.kind, m.cadences) == (MeetingKind.REGULAR, ())
    cites(m, "Điều 7 khoản 3")


def test_dieu_7_khoan_1_only_the_head_calls_extraordinary_meetings(reg: Regulation) -> None:
    """Điều 7 khoản 1: 'họp đột xuất theo chỉ đạo của Trưởng Ban' (2024 adds the deputies)."""
    conveners = {
        x
        for c in reg.convening
        if c.body == "committee" and c.meeting is MeetingKind.EXTRAORDINARY
        for x in c.conveners
    }
    assert conveners == {"head"}
    c = only(
        reg.convening,
        lambda x: x.meeting is MeetingKind.EXTRAORDINARY and x.citation.article == 7
        and x.body == "committee",
        "Điều 7 extraordinary convening",
    )
    cites(c, "Điều 7 khoản 1")


def test_dieu_7_khoan_2_head_calls_expanded_meetings(reg: Regulation) -> None:
    """Điều 7 khoản 2: 'Trưởng Ban Chỉ đạo quyết định triệu tập cuộc họp mở rộng'."""
    c = only(reg.convening, lambda x: x.meeting is MeetingKind.EXPANDED, "expanded convening")
    assert c.conveners == ("head",)
    cites(c, "Điều 7 khoản 2")


def test_dieu_7_khoan_3_wg_lead_calls_extraordinary_working_group_meetings(
    reg: Regulation,
) -> None:
    """Điều 7 khoản 3: 'họp định kỳ hoặc đột xuất theo yêu cầu của lãnh đạo Tổ giúp việc'.

    'theo yêu cầu' attaches to 'đột xuất': the Tổ trưởng calls extraordinary meetings; who
    convenes the regular ones is not specified.
    """
    c = only(reg.convening, lambda c: c.body == "to_giup_viec", "working-group convening")
    assert c.meeting is MeetingKind.EXTRAORDINARY
    assert c.conveners == ("wg_lead",)
    cites(c, "Điều 7 khoản 3")


def test_dieu_5_khoan_5_members_attend_or_send_a_proxy_with_written_opinion(
    reg: Regulation,
) -> None:
    """Điều 5 khoản 5: báo cáo and consent to be absent; a proxy needs a written opinion."""
    at = only(reg.attendance, lambda _: True, "attendance rule")
    assert at.posts == ("member",)
    assert at.must_attend
    assert at.absence_conditions == (
        AttendanceCondition.REPORT_TO_CHAIR,
        AttendanceCondition.CHAIR_CONSENT,
    )
    assert (at.proxy_allowed, at.proxy_conditions) == (True, (AttendanceCondition.WRITTEN_OPINION,))
    cites(at, "Điều 5 khoản 5")


# ---------------------------------------------------------------- what the text does not contain


def test_no_annex_so_monitoring_is_not_specified(reg: Regulation) -> None:
    """The 2021 text has no Phụ lục: nobody is assigned to sectors or localities."""
    assert reg.monitoring is None


def test_dieu_2_khoan_6_standing_agency_and_members_may_use_their_own_seals(
    reg: Regulation,
) -> None:
    """Điều 2 khoản 6: the Trưởng Ban and Phó Trưởng Ban "sử dụng con dấu của UBND tỉnh";
    the Cơ quan Thường trực and the Ủy viên "được sử dụng con dấu của cơ quan mình", a
    permission, not a plain statement."""
    leaders = only(reg.seals, lambda r: "head" in r.posts, "seal rule for the head")
    own = only(reg.seals, lambda r: "member" in r.posts, "seal rule for the members")
    cites(leaders, "Điều 2 khoản 6")
    cites(own, "Điều 2 khoản 6")
    assert not leaders.permitted
    assert own.permitted
    quotes(own, "được sử dụng con dấu của cơ quan mình")
    g = reg.authority()
    assert "Ủy viên Ban Chỉ đạo được sử dụng con dấu của cơ quan mình" in (
        g.seal_for("member").explain("vi"))
    assert "may use the seal" in g.seal_for("member").explain("en")


# ---- The engines on this regulation: authority queries, then its calendar ----


class TestClausesKeptFrom2021(ThanhHoaClauses):
    """The clauses the 2024 decision kept word for word from 2021, asked of this one."""


class TestAuthority:
    """What the authority graph answers, clause by clause."""

    g = staticmethod(lambda: graph("thanh-hoa-2021"))

    def test_head_absent_standing_deputy_acts_dieu_4_khoan_1(self) -> None:
        assert_ruling(
            self.g().acting_for("head", absent={"head"}),
            "decided",
            ("standing_deputy",),
            "Điều 4 khoản 1",
        )

    @pytest.mark.parametrize("post", ["head", "standing_deputy", "deputy"])
    def test_leaders_use_the_provincial_committee_seal_dieu_2_khoan_6(self, post: str) -> None:
        assert_ruling(self.g().seal_for(post), "decided", ("UBND tỉnh",), "Điều 2 khoản 6")

    @pytest.mark.parametrize("post", ["member", "standing_agency"])
    def test_members_use_their_own_agency_seal_dieu_2_khoan_6(self, post: str) -> None:
        r = self.g().seal_for(post)
        assert_ruling(r, "decided", ("own_agency",), "Điều 2 khoản 6")
        assert r.seal is not None
        assert r.seal.kind is SealKind.OWN_AGENCY

    def test_working_group_seal_not_specified(self) -> None:
        assert_ruling(self.g().seal_for("wg_lead"), "not_specified", ())

    def test_head_signs_truong_ban_directly_as_the_decision_shows(self) -> None:
        r = self.g().signature_block("head")
        assert r.signing_form is SigningForm.DIRECT
        assert r.lines == ("TRƯỞNG BAN", "CHỦ TỊCH UBND TỈNH")
        assert "Quyết định ban hành (phần ký)" in labels(r)

    def test_head_accountable_dieu_3_khoan_4(self) -> None:
        assert_ruling(
            self.g().accountable_to("head"),
            "decided",
            ("tinh_uy", "hdnd_tinh", "ubnd_tinh"),
            "Điều 3 khoản 4",
        )

    def test_member_proxy_dieu_5_khoan_5(self) -> None:
        r = self.g().proxy("member")
        assert_ruling(r, "decided", ("allowed",), "Điều 5 khoản 5")


class TestCalendar:
    """Its meetings and reports over whole years, clause by clause."""

    preset = "thanh-hoa-2021"

    def test_committee_meets_once_a_quarter(self) -> None:
        """Điều 7 khoản 1: "Ban Chỉ đạo họp định kỳ một quý một lần."."""
        meetings = pick(year(self.preset, 2025), "committee", "regular_meeting")
        assert windows(meetings) == QUARTERS_2025
        occ_cites(self.preset, meetings, 7, 1, "Ban Chỉ đạo họp định kỳ một quý một lần")

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
        occ_cites(self.preset, reports, 9, 2, "báo cáo 06 tháng và báo cáo năm")

    def test_working_group_reports_each_quarter(self) -> None:
        """Điều 6 khoản 8: "Định kỳ hàng quý báo cáo Trưởng Ban, Phó Trưởng Ban Chỉ đạo"."""
        reports = pick(year(self.preset, 2025), "working_group", "report")
        assert [(o.opens, o.closes) for o in reports] == QUARTER_CUTOFFS_2025
        no_deadline_invented(reports)
        occ_cites(self.preset, reports, 6, 8, "Định kỳ hàng quý báo cáo")

    def test_whole_tet_year_count(self) -> None:
        assert len(year(self.preset, 2026)) == 11


def test_a_deputys_form_is_read_off_the_regime_thanh_hoa_2021() -> None:
    """Thanh Hóa 2021 says nothing of a deputy signing; its block shows the head signing in
    person (chế độ thủ trưởng), so under Nghị định 30/2020 Điều 13 khoản 1 a deputy signs KT.
    what is assigned. The answer says that it is a reading, not a clause."""
    r = steering.presets.load("thanh-hoa-2021").authority().seal_for("deputy")
    assert r.signing_form is SigningForm.KT
    assert "Quy chế không quy định riêng việc Phó Trưởng Ban ký" in r.explain("vi")
    assert "says nothing of" in r.explain("en")


class TestEveryPreset(PresetCase):
    """The checks every preset passes (tests/presets/_engines.py), on this one."""

    preset = "thanh-hoa-2021"
