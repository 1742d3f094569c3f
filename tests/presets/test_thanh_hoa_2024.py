"""Thanh Hóa 2024: Quy chế hoạt động của Ban Chỉ đạo chuyển đổi số tỉnh Thanh Hóa.

A draft decision of 2024 (number and day blank) issuing a Quy chế of 12 articles
and an annex "Phân công theo dõi, đôn đốc thực hiện chuyển đổi số" that assigns
24 member agencies to sectors and to the 27 district-level units of the province.
Each test states what the regulation says and checks the clause it cites: the model's
facts first, then what the engines answer from them (`TestAuthority`, `TestCalendar`),
then the checks every preset passes (`TestEveryPreset`).
"""

from __future__ import annotations

from collections import Counter

import pytest

import steering
from steering._text import fold
from steering.regulation import EffectiveKind, Level, PartialDate, Regulation
from steering.roles import Role
from steering.rules import (
    AttendanceCondition,
    Cadence,
    Citation,
    MeetingKind,
    Period,
    ReportRule,
    SigningForm,
    TargetKind,
)
from steering.schedule import (
    calendar_gaps,
)
from steering.sources import SourceText, check_quote

from ._assert import assert_loads_clean, cites, only, quotes, timing_not_specified
from ._engines import (
    ND30,
    QUARTER_CUTOFFS_2025,
    QUARTERS_2025,
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
from ._thanh_hoa import ThanhHoaClauses

PRESET = "thanh-hoa-2024"
DEPUTIES = ("standing_deputy", "deputy")

#: The annex, row by row: member post id, the row's member title, the agency, its localities.
ANNEX = (
    ("member_so_tttt", "Sở Thông tin và Truyền thông", ("Mường Lát", "Thanh Hóa")),
    ("member_vp_ubnd", "Văn phòng UBND tỉnh", ("Quảng Xương", "Hà Trung")),
    ("member_ban_dan_toc", "Ban Dân tộc", ("Quan Hóa",)),
    (
        "member_bql_kkt",
        "Ban Quản lý Khu Kinh tế Nghi Sơn và các Khu công nghiệp",
        ("Nghi Sơn",),
    ),
    ("member_so_ct", "Sở Công Thương", ("Như Thanh",)),
    ("member_so_gddt", "Sở Giáo dục và Đào tạo", ("Cẩm Thủy",)),
    ("member_so_gtvt", "Sở Giao thông vận tải", ("Vĩnh Lộc",)),
    ("member_so_khdt", "Sở Kế hoạch và Đầu tư", ("Nông Cống",)),
    ("member_so_khcn", "Sở Khoa học và Công nghệ", ("Nga Sơn", "Bim Sơn")),
    ("member_so_ldtbxh", "Sở Lao động, Thương binh và Xã hội", ("Yên Định",)),
    ("member_so_nv", "Sở Nội vụ", ("Triệu Sơn",)),
    ("member_so_ngv", "Sở Ngoại vụ", ("Như Xuân",)),
    ("member_so_nnptnt", "Sở Nông nghiệp và Phát triển nông thôn", ("Thiệu Hóa",)),
    ("member_so_tc", "Sở Tài chính", ("Hậu Lộc",)),
    ("member_so_tnmt", "Sở Tài nguyên và Môi trường", ("Quan Sơn",)),
    ("member_so_tp", "Sở Tư pháp", ("Thường Xuân",)),
    ("member_so_vhttdl", "Sở Văn hóa, Thể thao và Du lịch", ("Thạch Thành",)),
    ("member_so_xd", "Sở Xây dựng", ("Hoằng Hóa",)),
    ("member_so_yt", "Sở Y tế", ("Ngọc Lặc",)),
    ("member_thanh_tra", "Thanh tra tỉnh", ("Lang Chánh",)),
    ("member_cong_an", "Công an tỉnh", ("Thọ Xuân",)),
    ("member_cuc_thue", "Cục Thuế Thanh Hóa", ("Bá Thước",)),
    ("member_cuc_thong_ke", "Cục Thống kê Thanh Hóa", ("Sầm Sơn",)),
    ("member_nhnn", "Ngân hàng Nhà nước, Chi nhánh Thanh Hóa", ("Đông Sơn",)),
)
MEMBERS = tuple(row[0] for row in ANNEX)

#: The 27 district-level units of Thanh Hóa before 2025 (official spelling), kept
#: independent of the annex so the test checks the annex covers the province.
DISTRICT_UNITS = {
    ("thành phố", "Thanh Hóa"),
    ("thành phố", "Sầm Sơn"),
    ("thị xã", "Bỉm Sơn"),
    ("thị xã", "Nghi Sơn"),
    *(
        ("huyện", name)
        for name in (
            "Mường Lát", "Quan Hóa", "Quan Sơn", "Bá Thước", "Lang Chánh", "Ngọc Lặc",
            "Cẩm Thủy", "Thạch Thành", "Hà Trung", "Vĩnh Lộc", "Yên Định", "Thọ Xuân",
            "Thường Xuân", "Như Xuân", "Như Thanh", "Triệu Sơn", "Thiệu Hóa", "Đông Sơn",
            "Nông Cống", "Quảng Xương", "Hoằng Hóa", "Hậu Lộc", "Nga Sơn",
        )
    ),
}


@pytest.fixture(scope="module")
def reg() -> Regulation:
    return assert_loads_clean(PRESET)


# ---------------------------------------------------------------- identity


def test_preset_loads_and_validates_with_zero_problems(reg: Regulation) -> None:
    """Every rule resolves and every quote sits in the clause it cites."""
    assert reg.id == PRESET
    assert reg.origin.endswith("thanh-hoa-2024.toml")


def test_signing_date_is_known_only_to_the_year(reg: Regulation) -> None:
    """'Thanh Hóa, ngày tháng năm 2024': day and month blank."""
    signed = reg.identity.signed
    assert signed == PartialDate(2024)
    assert str(signed) == "2024"
    assert not signed.complete
    assert reg.identity.signed_citation is not None  # the text gives the date
    cites(reg.identity.signed_citation, None, document="decision")
    quotes(reg.identity.signed_citation, "ngày tháng năm 2024")


def test_preamble_bounds_the_signing_date_from_below(reg: Regulation) -> None:
    """Preamble: 'Căn cứ các Quyết định: ... số 1655/QĐ-UBND ngày 24/04/2024' and 'Tờ trình số
    893/TTr-STTT ngày 19/4/2024'. The decision rests on a decision of 24/04/2024, so it was signed
    no earlier than that day. The model holds no lower bound: signed stays '2024', and the
    notes state the bound, citing both in words."""
    source = SourceText.parse(
        steering.presets.source_path(PRESET).read_text(encoding="utf-8")
    )
    for words in ("số 1655/QĐ-UBND ngày 24/04/2024", "Tờ trình số 893/TTr-STTT ngày 19/4/2024"):
        assert check_quote(Citation(document="decision", quote=words), source) is None, words
    assert reg.identity.signed == PartialDate(2024)
    (note,) = [n for n in reg.notes if "no earlier than 24/04/2024" in n]
    assert "số 1655/QĐ-UBND ngày 24/04/2024" in note
    assert "Tờ trình số 893/TTr-STTT ngày 19/4/2024" in note


def test_quyet_dinh_dieu_2_effective_on_signing(reg: Regulation) -> None:
    """Quyết định Điều 2: 'có hiệu lực kể từ ngày ký'; the day of signing is blank."""
    eff = reg.identity.effective
    assert eff.kind is EffectiveKind.ON_SIGNING
    assert eff.date == PartialDate(2024)
    assert eff.citation is not None
    cites(eff.citation, "Điều 2", document="decision")


def test_quyet_dinh_dieu_2_replaces_1943_and_1969_of_2022(reg: Regulation) -> None:
    """Quyết định Điều 2: replaces 1943/QĐ-BCĐ (06/6/2022) and 1969/QĐ-BCĐ (08/6/2022)."""
    replaced = {(r.number, str(r.date)) for r in reg.identity.replaces}
    assert replaced == {("1943/QĐ-BCĐ", "2022-06-06"), ("1969/QĐ-BCĐ", "2022-06-08")}
    for r in reg.identity.replaces:
        cites(r, "Điều 2", document="decision")
        quotes(r, r.number)
        assert r.preset == ""  # the 2022 decisions are not shipped


def test_signature_block_is_kt_truong_ban_signed_by_a_deputy(reg: Regulation) -> None:
    """'KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN / PHÓ CHỦ TỊCH UBND TỈNH / Mai Xuân Liêm'."""
    sig = reg.identity.signature
    assert sig is not None
    assert sig.lines == ("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")
    assert sig.form is SigningForm.KT
    assert sig.role is Role.DEPUTY
    assert sig.post == ""  # which deputy post signed is not specified
    assert sig.office == "PHÓ CHỦ TỊCH UBND TỈNH"
    assert sig.name == "Mai Xuân Liêm"
    cites(sig, None, document="decision")


def test_level_locality_and_names(reg: Regulation) -> None:
    """Điều 1 khoản 1: the provincial Ban Chỉ đạo chuyển đổi số of Thanh Hóa."""
    ident = reg.identity
    assert ident.level is Level.PROVINCE
    assert (ident.locality, ident.province) == ("Thanh Hóa", "Thanh Hóa")
    assert ident.title == "Quy chế hoạt động của Ban Chỉ đạo chuyển đổi số tỉnh Thanh Hóa"
    assert reg.committee.name == "Ban Chỉ đạo chuyển đổi số tỉnh Thanh Hóa"


# ---------------------------------------------------------------- committee


def test_dieu_2_khoan_1_to_5_working_principles(reg: Regulation) -> None:
    """Điều 2 khoản 1-5: dân chủ, công khai; không làm thay; trách nhiệm cá nhân; ..."""
    principles = reg.committee.principles
    assert [p.citation.clause for p in principles] == [1, 2, 3, 4, 5]
    for p in principles:
        assert p.citation.article == 2
    quotes(principles[0], "Ban Chỉ đạo làm việc dân chủ, công khai và do Trưởng Ban quyết định.")


def test_dieu_2_khoan_6_forms_of_work(reg: Regulation) -> None:
    """Điều 2 khoản 6: phiên họp định kỳ, họp đột xuất, hội nghị, hội thảo, ý kiến bằng văn bản."""
    form = only(reg.committee.working_forms, lambda _: True, "working-forms provision")
    cites(form, "Điều 2 khoản 6")
    quotes(form, "cho ý kiến bằng văn bản")


def test_dieu_8_khoan_1_members_work_part_time(reg: Regulation) -> None:
    """Điều 8 khoản 1: 'làm việc theo chế độ kiêm nhiệm'."""
    part_time = reg.committee.part_time
    assert part_time is not None
    cites(part_time, "Điều 8 khoản 1")
    quotes(part_time, "kiêm nhiệm")


def test_dieu_8_khoan_1_working_group_works_part_time_too(reg: Regulation) -> None:
    """Điều 8 khoản 1: 'Các thành viên Ban Chỉ đạo và Tổ công tác làm việc theo chế độ kiêm
    nhiệm': the Tổ công tác too."""
    wg = only(reg.working_groups, lambda _: True, "working group")
    assert wg.part_time is not None
    cites(wg.part_time, "Điều 8 khoản 1")
    quotes(wg.part_time, "Tổ công tác làm việc theo chế độ kiêm nhiệm")
    assert reg.committee.part_time is not None  # the committee keeps its own


def test_standing_agency_is_not_named(reg: Regulation) -> None:
    """Điều 9 khoản 2, 10, 12: a 'Cơ quan thường trực' acts; the text never says which agency."""
    sa = reg.post(reg.committee.standing_agency)
    assert sa.role is Role.STANDING_AGENCY
    assert sa.title == "Cơ quan thường trực"
    assert sa.holder is None
    assert sa.agency == ""
    cites(sa, "Điều 9 khoản 2")


# ---------------------------------------------------------------- posts


def test_dieu_3_one_head_with_no_named_holder(reg: Regulation) -> None:
    """Điều 3: the Trưởng Ban Chỉ đạo; who holds the post ex officio is not said."""
    assert len(reg.posts_with_role(Role.HEAD)) == 1
    head = reg.head
    assert head.title == "Trưởng Ban Chỉ đạo"
    assert head.holder is None
    cites(head, "Điều 3")
    assert [d.citation.clause for d in head.duties] == [1, 2, 3, 4]


def test_dieu_4_standing_deputy_and_a_deputy(reg: Regulation) -> None:
    """Điều 4 khoản 1, 2: a Phó Trưởng Ban thường trực and a Phó Trưởng Ban.

    Khoản 2 speaks of 'Phó Trưởng Ban' in the singular; the heading's 'Các' covers both
    seats (khoản 3). How many non-standing deputies there are is not specified, so the
    deputy post is not a plural class.
    """
    sd = only(reg.posts, lambda p: p.role is Role.STANDING_DEPUTY, "standing deputy")
    assert sd.title == "Phó Trưởng Ban thường trực"
    cites(sd, "Điều 4 khoản 1")
    deputy = only(reg.posts, lambda p: p.role is Role.DEPUTY, "deputy post")
    assert not deputy.plural
    cites(deputy, "Điều 4 khoản 2")
    assert [d.citation.point for d in deputy.duties] == ["a", "b", "b", "c"]


def test_phu_luc_one_member_post_per_annex_row(reg: Regulation) -> None:
    """Phụ lục: 24 rows 'Thành viên <agency>', each a member post held by that agency."""
    members = reg.posts_with_role(Role.MEMBER)
    assert [p.id for p in members] == list(MEMBERS)
    for (pid, agency, _), post in zip(ANNEX, members, strict=True):
        assert post.id == pid
        assert post.title == f"Thành viên {agency}"
        assert post.agency == agency
        assert not post.plural
        cites(post, None, document="annex")
        quotes(post, post.title)


def test_dieu_5_member_duties_clause_by_clause(reg: Regulation) -> None:
    """Điều 5 khoản 1-8 and Điều 8 khoản 3 bind every member; a clause joining distinct
    tasks (khoản 2, 4 and 7; Điều 8 khoản 3) gives one duty per task."""
    for post in reg.posts_with_role(Role.MEMBER):
        where = [(d.citation.article, d.citation.clause) for d in post.duties]
        assert where == [
            (5, 1), (5, 2), (5, 2), (5, 3), (5, 4), (5, 4), (5, 5), (5, 6),
            (5, 7), (5, 7), (5, 7), (5, 8), (8, 3), (8, 3),
        ]


@pytest.mark.parametrize(
    ("at", "words"),
    [
        ("Điều 5 khoản 2", "thực hiện lồng ghép các nội dung trên vào trong các chiến lược, "
         "chương trình, dự án, nhiệm vụ của các ngành, đơn vị"),
        ("Điều 5 khoản 4", "đề xuất sáng kiến, giải pháp tháo gỡ vướng mắc, khó khăn"),
        ("Điều 5 khoản 5", "Quyết định số 176/QĐ-UBND ngày 10/01/2022"),
        ("Điều 5 khoản 5", "đối với lĩnh vực, địa phương được giao phụ trách"),
        ("Điều 5 khoản 7", "tạo điều kiện cho cán bộ, chuyên gia này hoàn thành tốt nhiệm vụ "
         "được lãnh đạo Tổ công tác giao"),
        ("Điều 5 khoản 7", "Kịp thời thay thế những cán bộ, chuyên gia không đáp ứng yêu cầu "
         "nhiệm vụ được giao theo đề nghị của Tổ trưởng Tổ công tác"),
        ("Điều 8 khoản 3", "phối hợp với Tổ công tác trong thực hiện nhiệm vụ"),
    ],
)
def test_every_part_of_a_members_clause_is_a_duty_of_every_member(
    reg: Regulation, at: str, words: str
) -> None:
    """Điều 5 khoản 2, 4, 5, 7 and Điều 8 khoản 3, to their last words, bind every member."""
    for post in reg.posts_with_role(Role.MEMBER):
        found = [d for d in post.duties if words in d.citation.quote]
        assert len(found) == 1, f"{post.id}: {len(found)} duties quote {words!r}"
        cites(found[0], at)


def test_dieu_5_khoan_7_replacing_staff_is_the_members_duty_on_the_wg_leads_proposal(
    reg: Regulation,
) -> None:
    """Điều 5 khoản 7: the members 'Kịp thời thay thế những cán bộ, chuyên gia ... theo đề nghị
    của Tổ trưởng Tổ công tác'. The members replace; the Tổ trưởng proposes, and keeps the
    sentence among its duties."""
    words = "Kịp thời thay thế những cán bộ, chuyên gia"
    lead = reg.post("wg_lead")
    d = only(lead.duties, lambda x: words in x.citation.quote, "wg_lead replacement duty")
    cites(d, "Điều 5 khoản 7")
    quotes(d, "theo đề nghị của Tổ trưởng Tổ công tác")
    for post in reg.posts_with_role(Role.MEMBER):
        assert any(words in x.citation.quote for x in post.duties), post.id


def test_dieu_6_working_group_and_its_posts(reg: Regulation) -> None:
    """Điều 1 khoản 2, Điều 6: the Tổ công tác giúp việc, led by its Tổ trưởng."""
    wg = only(reg.working_groups, lambda _: True, "working group")
    assert wg.name == "Tổ công tác giúp việc Ban Chỉ đạo"
    cites(wg, "Điều 1 khoản 2")
    assert [d.citation.clause for d in wg.duties] == [1, 1, 2, 3, 3, 4, 5, 5, 5, 6, 7, 8, 9, 10]
    assert all(d.citation.article == 6 for d in wg.duties)
    lead = reg.post(wg.lead)
    assert (lead.role, lead.title, lead.group) == (Role.WG_LEAD, "Tổ trưởng Tổ công tác", wg.id)
    cites(lead, "Điều 6 khoản 7")
    member = only(reg.posts, lambda p: p.role is Role.WG_MEMBER, "working-group member post")
    assert member.group == wg.id
    assert member.plural
    cites(member, "Điều 8 khoản 4")


@pytest.mark.parametrize(
    ("at", "words"),
    [
        ("Điều 6 khoản 2", "tạo thuận lợi cho việc triển khai cuộc Cách mạng công nghiệp lần "
         "thứ tư"),
        ("Điều 6 khoản 3", "tại các sở, ban, ngành, UBND các huyện, thị xã, thành phố"),
        ("Điều 6 khoản 3", "kịp thời báo cáo tham mưu đề xuất các giải pháp nhằm tháo gỡ khó "
         "khăn, vướng mắc"),
        ("Điều 6 khoản 4", "Chuẩn bị các ý kiến về các vấn đề liên quan đến xây dựng"),
        ("Điều 6 khoản 5", "Nghiên cứu, xây dựng báo cáo"),
        ("Điều 6 khoản 5", "đôn đốc, kiểm tra tình hình thực hiện kết luận của Trưởng Ban, Phó "
         "Trưởng Ban"),
        ("Điều 6 khoản 5", "triển khai thực hiện việc sơ kết, đánh giá tình hình, kết quả triển "
         "khai nhiệm vụ, giải pháp trọng tâm"),
    ],
)
def test_every_part_of_a_working_group_clause_is_a_duty(
    reg: Regulation, at: str, words: str
) -> None:
    """Điều 6 khoản 2-5, to their last words, are duties of the Tổ công tác."""
    wg = only(reg.working_groups, lambda _: True, "working group")
    d = only(wg.duties, lambda x: words in x.citation.quote, "working-group duty")
    cites(d, at)


def test_dieu_8_khoan_4_wg_lead_gathers_members_for_a_purpose(reg: Regulation) -> None:
    """Điều 8 khoản 4: the Tổ trưởng 'được trung tập các thành viên ... để nghiên cứu, xây dựng
    các đề án, dự án, dự thảo văn bản quy phạm pháp luật và thực hiện các nhiệm vụ khác'."""
    lead = reg.post("wg_lead")
    d = only(lead.duties, lambda x: x.citation.article == 8, "Điều 8 duty of the Tổ trưởng")
    cites(d, "Điều 8 khoản 4")
    quotes(d, "để nghiên cứu, xây dựng các đề án, dự án, dự thảo văn bản quy phạm pháp luật")


# ---------------------------------------------------------------- substitution


def test_dieu_4_khoan_1_standing_deputy_acts_for_absent_head(reg: Regulation) -> None:
    """Điều 4 khoản 1: 'khi Trưởng Ban vắng mặt, Phó Trưởng Ban thường trực thay mặt'."""
    s = only(reg.substitutions, lambda x: x.principal == "head", "substitution for the head")
    assert s.substitutes == ("standing_deputy",)
    assert s.rank == 1
    assert s.also_absent == ()
    cites(s, "Điều 4 khoản 1")
    quotes(s, "khi Trưởng Ban vắng mặt")


# ---------------------------------------------------------------- accountability


def test_dieu_5_khoan_2_and_5_each_member_answers_to_head_and_deputies(
    reg: Regulation,
) -> None:
    """Điều 5 khoản 2: to the head; khoản 5: to the head and the Phó Trưởng Ban (Điều 4 khoản 3)."""
    for pid in MEMBERS:
        rules = {a.citation.clause: a for a in reg.accountability if a.subject == pid}
        assert set(rules) == {2, 5}
        assert rules[2].to == ("head",)
        cites(rules[2], "Điều 5 khoản 2")
        assert rules[5].to == ("head", *DEPUTIES)
        cites(rules[5], "Điều 5 khoản 5")


# ---------------------------------------------------------------- direction


def test_dieu_12_khoan_1_head_and_deputies_direct_members_agency_and_group(
    reg: Regulation,
) -> None:
    """Điều 12 khoản 1: Trưởng Ban, Phó Trưởng Ban chỉ đạo Ủy viên, Cơ quan thường trực, Tổ."""
    d = only(reg.directions, lambda x: x.citation.article == 12, "Điều 12 direction")
    cites(d, "Điều 12 khoản 1")
    assert d.subjects == ("head", *DEPUTIES)
    assert set(d.objects) == {*MEMBERS, "standing_agency", "to_cong_tac"}


def test_dieu_6_khoan_7_wg_lead_assigns_the_working_group(reg: Regulation) -> None:
    """Điều 6 khoản 7: nhóm công tác 'do Tổ trưởng Tổ công tác quyết định và phân công nhiệm vụ'."""
    d = only(
        reg.directions,
        lambda x: (x.citation.article, x.citation.clause) == (6, 7),
        "Điều 6 khoản 7 direction",
    )
    assert (d.subjects, d.objects) == (("wg_lead",), ("wg_member",))


def test_dieu_11_khoan_2_agency_heads_are_supervised_by_the_committee(reg: Regulation) -> None:
    """Điều 11 khoản 2: 'chịu sự giám sát, kiểm tra của Ban Chỉ đạo'."""
    d = only(reg.directions, lambda x: x.objects == ("agency_heads",), "Điều 11 direction")
    assert d.subjects == ("committee",)
    cites(d, "Điều 11 khoản 2")


def test_dieu_11_khoan_1_agency_heads_direct_their_own_agencies(reg: Regulation) -> None:
    """Điều 11 khoản 1: 'Chỉ đạo tổ chức triển khai các nhiệm vụ ... thuộc cơ quan, đơn vị mình'.
    'chịu trách nhiệm về các nhiệm vụ được giao' names nobody answered to: no accountability."""
    d = only(reg.directions, lambda x: x.subjects == ("agency_heads",), "Điều 11 khoản 1")
    cites(d, "Điều 11 khoản 1")
    assert [reg.name_of(x) for x in d.objects] == ["các cơ quan, đơn vị"]
    quotes(d, "thuộc cơ quan, đơn vị mình")
    assert not [a for a in reg.accountability if a.subject == "agency_heads"]


def test_dieu_11_what_the_model_cannot_hold_is_in_the_notes(reg: Regulation) -> None:
    """Điều 11 khoản 1 'thực hiện chế độ thông tin, báo cáo theo quy định' and khoản 2 'Phối
    hợp chặt chẽ với Tổ công tác đề xuất, kiến nghị ...' name no recipient, and an outside
    body carries no duties: the notes say so, and do not claim them kept as duties."""
    notes = " ".join(reg.notes)
    assert "Phối hợp chặt chẽ với Tổ công tác đề xuất, kiến nghị" in notes
    assert "recorded in these notes only" in notes
    (reports_note,) = [n for n in reg.notes if n.startswith("Reports whose recipient")]
    kept, _, rest = reports_note.partition("are kept as duties")
    assert "Điều 11" not in kept
    assert "Điều 11 khoản 1 'thực hiện chế độ thông tin, báo cáo theo quy định'" in rest


# ---------------------------------------------------------------- reports


def _report(reg: Regulation, report_id: str) -> ReportRule:
    return only(reg.reports, lambda r: r.id == report_id, f"report {report_id}")


def test_dieu_5_khoan_4_members_report_issues_at_once(reg: Regulation) -> None:
    """Điều 5 khoản 4: 'Kịp thời báo cáo Trưởng Ban, Phó Trưởng Ban'."""
    r = _report(reg, "member_issues")
    assert r.ad_hoc
    assert not r.periodic
    assert r.reporters == MEMBERS
    assert r.recipients == ("head", *DEPUTIES)
    cites(r, "Điều 5 khoản 4")


def test_dieu_6_khoan_1_working_group_submits_the_annual_plan_to_the_head(
    reg: Regulation,
) -> None:
    """Điều 6 khoản 1: 'Xây dựng, trình Trưởng Ban ban hành chương trình, kế hoạch công tác, kế
    hoạch kiểm tra hàng năm'. The plan is yearly, but no submission date is stated."""
    r = _report(reg, "wg_annual_plan")
    assert r.reporters == ("to_cong_tac",)
    assert r.recipients == ("head",)
    assert r.subject == (
        "chương trình, kế hoạch công tác, kế hoạch kiểm tra hàng năm của Ban Chỉ đạo"
    )
    timing_not_specified(r)
    cites(r, "Điều 6 khoản 1")
    quotes(r, "trình Trưởng Ban ban hành")
    assert "no submission date" in r.note
    wg = only(reg.working_groups, lambda _: True, "working group")
    duty = only(wg.duties, lambda d: "trình Trưởng Ban" in d.citation.quote, "plan duty")
    cites(duty, "Điều 6 khoản 1")  # the duty is kept


def test_dieu_6_khoan_8_working_group_reports_quarterly(reg: Regulation) -> None:
    """Điều 6 khoản 8: 'Định kỳ hàng quý báo cáo Trưởng Ban, Phó Trưởng Ban và các Ủy viên'."""
    r = _report(reg, "wg_quarterly")
    assert r.periodic
    assert r.cadences == (Cadence.quarterly(),)
    assert r.reporters == ("to_cong_tac",)
    assert r.recipients == ("head", *DEPUTIES, *MEMBERS)
    assert r.deadline is None  # no deadline stated
    cites(r, "Điều 6 khoản 8")


def test_dieu_8_khoan_3_members_report_results_to_head(reg: Regulation) -> None:
    """Điều 8 khoản 3: 'báo cáo Trưởng Ban về kết quả thực hiện'."""
    r = _report(reg, "member_results")
    assert r.recipients == ("head",)
    cites(r, "Điều 8 khoản 3")


@pytest.mark.parametrize(
    ("report", "at"),
    [
        ("member_matters_for_decision", "Điều 5 khoản 6"),
        ("wg_annual_plan", "Điều 6 khoản 1"),
        ("wg_opinions", "Điều 6 khoản 4"),
        ("member_results", "Điều 8 khoản 3"),
    ],
)
def test_reports_with_no_period_and_no_occasion_have_timing_not_specified(
    reg: Regulation, report: str, at: str
) -> None:
    """Điều 5 khoản 6, Điều 6 khoản 4, Điều 8 khoản 3 say 'báo cáo' with no period and no
    'kịp thời' / 'đột xuất': when they are made is not specified."""
    r = _report(reg, report)
    timing_not_specified(r)
    cites(r, at)


def test_dieu_8_khoan_3_members_carry_out_tasks_given_by_head_and_deputies(
    reg: Regulation,
) -> None:
    """Điều 8 khoản 3: 'thực hiện nhiệm vụ được Trưởng Ban, Phó Trưởng Ban giao'."""
    d = only(reg.directions, lambda x: x.citation.article == 8 and x.citation.clause == 3)
    assert d.subjects == ("head", *DEPUTIES)
    assert d.objects == MEMBERS
    cites(d, "Điều 8 khoản 3")


def test_dieu_10_khoan_1_funding_managed_by_so_tttt(reg: Regulation) -> None:
    """Điều 10 khoản 1: 'Sở Thông tin và Truyền thông có trách nhiệm quản lý, sử dụng kinh phí'."""
    f = only(reg.committee.funding, lambda x: x.citation.clause == 1, "Điều 10 khoản 1 funding")
    assert reg.name_of(f.manager) == "Sở Thông tin và Truyền thông"
    cites(f, "Điều 10 khoản 1")
    quotes(f, "Sở Thông tin và Truyền thông có trách nhiệm quản lý, sử dụng kinh phí")


def test_dieu_10_khoan_2_special_expenses_prepared_with_so_tai_chinh(reg: Regulation) -> None:
    """Điều 10 khoản 2: 'Cơ quan thường trực Ban Chỉ đạo chủ trì, phối hợp với Sở Tài chính để
    thống nhất nội dung trình Trưởng Ban': joint preparation led by the standing agency, not a
    consultation; made only 'Trường hợp phát sinh'."""
    r = _report(reg, "special_expenses")
    assert r.reporters == ("standing_agency",)
    assert r.recipients == ("head",)
    assert [reg.name_of(x) for x in r.partners] == ["Sở Tài chính"]
    assert r.consult == ()
    assert r.ad_hoc
    assert not r.periodic
    cites(r, "Điều 10 khoản 2")
    quotes(r, "chủ trì, phối hợp với Sở Tài chính")


def test_dieu_9_khoan_1_forms_of_members_reports(reg: Regulation) -> None:
    """Điều 9 khoản 1: trực tiếp, bằng văn bản, thông qua các phiên họp."""
    r = _report(reg, "member_report_forms")
    assert r.forms == (
        "báo cáo trực tiếp",
        "báo cáo bằng văn bản",
        "báo cáo thông qua các phiên họp định kỳ, đột xuất của Ban Chỉ đạo",
    )
    assert r.cadences == ()
    cites(r, "Điều 9 khoản 1")


def test_dieu_9_khoan_2_standing_agency_reports_quarterly_half_year_and_year(
    reg: Regulation,
) -> None:
    """Điều 9 khoản 2: báo cáo hàng quý, 06 tháng, năm, 'gửi xin ý kiến các Ủy viên' first."""
    r = _report(reg, "standing_agency_periodic")
    assert r.reporters == ("standing_agency",)
    assert r.recipients == ("head",)
    assert r.consult == MEMBERS
    assert r.partners == ()  # consulted, not preparing it together
    assert r.periodic
    assert r.cadences == (Cadence.quarterly(), Cadence.half_yearly(), Cadence.yearly())
    cites(r, "Điều 9 khoản 2")


def test_dieu_10_khoan_2_budget_plan_reported_to_head(reg: Regulation) -> None:
    """Điều 10 khoản 2: Sở TTTT lập dự toán 'báo cáo Trưởng Ban và trình cơ quan có thẩm quyền'."""
    r = _report(reg, "budget_plan")
    assert [reg.name_of(x) for x in r.reporters] == ["Sở Thông tin và Truyền thông"]
    assert r.recipients[0] == "head"
    cites(r, "Điều 10 khoản 2")


def test_dieu_12_khoan_2_issues_go_through_the_standing_agency(reg: Regulation) -> None:
    """Điều 12 khoản 2: Ủy viên 'gửi Cơ quan thường trực để tổng hợp, báo cáo Trưởng Ban'."""
    r = _report(reg, "issues_with_regulation")
    assert r.through == ("standing_agency",)
    assert r.recipients == ("head",)
    cites(r, "Điều 12 khoản 2")


# ---------------------------------------------------------------- seals and signing


def test_seals_are_not_specified(reg: Regulation) -> None:
    """The 2024 text has no seal clause: no seal rule, so every seal answer is 'not specified'."""
    assert reg.seals == ()
    assert reg.signing == ()
    assert any("not specified" in n and "seal" in n.lower() for n in reg.notes)


# ---------------------------------------------------------------- meetings


def test_dieu_7_khoan_3_working_group_cadence_not_specified(reg: Regulation) -> None:
    """Điều 7 khoản 3: 'Tổ công tác họp định kỳ hoặc đột xuất' with no period named."""
    m = only(reg.meetings, lambda x: x.body == "to_cong_tac", "working-group meeting")
    assert m.kind is MeetingKind.REGULAR
    assert m.cadences == ()
    cites(m, "Điều 7 khoản 3")


def test_dieu_7_khoan_1_head_or_deputies_call_extraordinary_meetings(reg: Regulation) -> None:
    """Điều 7 khoản 1: 'họp đột xuất theo chỉ đạo của Trưởng Ban, Phó Trưởng Ban'."""
    c = only(
        reg.convening,
        lambda x: x.body == "committee"
        and x.meeting is MeetingKind.EXTRAORDINARY
        and x.citation.article == 7,
        "Điều 7 extraordinary convening",
    )
    assert c.conveners == ("head", *DEPUTIES)
    cites(c, "Điều 7 khoản 1")


def test_dieu_7_khoan_2_head_calls_expanded_meetings(reg: Regulation) -> None:
    """Điều 7 khoản 2: 'Trưởng Ban quyết định triệu tập cuộc họp mở rộng'."""
    c = only(reg.convening, lambda x: x.meeting is MeetingKind.EXPANDED, "expanded convening")
    assert c.conveners == ("head",)
    cites(c, "Điều 7 khoản 2")
    m = only(reg.meetings, lambda x: x.kind is MeetingKind.EXPANDED, "expanded meeting")
    assert "chuyên gia" in m.participants


def test_dieu_7_khoan_3_wg_lead_calls_extraordinary_working_group_meetings(
    reg: Regulation,
) -> None:
    """Điều 7 khoản 3: 'họp định kỳ hoặc đột xuất theo yêu cầu của lãnh đạo Tổ công tác'.

    'theo yêu cầu' attaches to 'đột xuất' (as in Đắk Nông Điều 11 khoản 3): the Tổ trưởng
    calls extraordinary meetings; who convenes the regular ones is not specified.
    """
    c = only(reg.convening, lambda c: c.body == "to_cong_tac", "working-group convening")
    assert c.meeting is MeetingKind.EXTRAORDINARY
    assert c.conveners == ("wg_lead",)
    cites(c, "Điều 7 khoản 3")


def test_dieu_5_khoan_6_members_attend_or_send_a_proxy_with_written_opinion(
    reg: Regulation,
) -> None:
    """Điều 5 khoản 6: báo cáo and consent to be absent; a proxy needs a written opinion."""
    at = only(reg.attendance, lambda _: True, "attendance rule")
    assert at.posts == MEMBERS
    assert at.must_attend
    assert at.absence_conditions == (
        AttendanceCondition.REPORT_TO_CHAIR,
        AttendanceCondition.CHAIR_CONSENT,
    )
    assert at.proxy_allowed is True
    assert at.proxy_conditions == (AttendanceCondition.WRITTEN_OPINION,)
    cites(at, "Điều 5 khoản 6")


# ---------------------------------------------------------------- monitoring (Phụ lục)


def test_dieu_5_khoan_1_establishes_the_annex(reg: Regulation) -> None:
    """Điều 5 khoản 1: 'địa phương được phân công (có phụ lục kèm theo)'."""
    mon = reg.monitoring
    assert mon is not None
    cites(mon.basis, "Điều 5 khoản 1")
    assert mon.exclusive_localities


def test_phu_luc_has_24_rows_in_order(reg: Regulation) -> None:
    """Phụ lục: 24 rows, one per member, in the annex's order, each cited to its row."""
    mon = reg.monitoring
    assert mon is not None
    assert [a.post for a in mon.assignments] == list(MEMBERS)
    for i, a in enumerate(mon.assignments, 1):
        cites(a, None, document="annex")
        assert a.citation.quote.startswith(f"{i}. Thành viên ")


def test_phu_luc_each_of_the_27_district_units_is_assigned_once(reg: Regulation) -> None:
    """Phụ lục: every huyện, thị xã and thành phố of the province appears exactly once."""
    mon = reg.monitoring
    assert mon is not None
    seen = [
        (fold(t.unit), fold(t.name))
        for a in mon.assignments
        for t in a.targets
        if t.kind is TargetKind.LOCALITY
    ]
    assert len(seen) == 27
    assert len(set(seen)) == 27
    assert set(seen) == {(fold(u), fold(n)) for u, n in DISTRICT_UNITS}
    by_post = {
        a.post: tuple(t.name for t in a.targets if t.kind is TargetKind.LOCALITY)
        for a in mon.assignments
    }
    assert by_post == {pid: localities for pid, _, localities in ANNEX}


def test_phu_luc_dong_son_is_monitored_by_the_state_bank_member(reg: Regulation) -> None:
    """Phụ lục row 24: 'Thành viên Ngân hàng Nhà nước, Chi nhánh Thanh Hóa' – Huyện Đông Sơn."""
    mon = reg.monitoring
    assert mon is not None
    a = only(
        mon.assignments,
        lambda x: any(t.name == "Đông Sơn" for t in x.targets),
        "assignment of Đông Sơn",
    )
    assert a.post == "member_nhnn"
    assert reg.post(a.post).title == "Thành viên Ngân hàng Nhà nước, Chi nhánh Thanh Hóa"
    quotes(a, "Huyện Đông Sơn")


def test_phu_luc_keeps_the_annex_spelling(reg: Regulation) -> None:
    """Phụ lục rows 1 and 9: 'TP Thanh Hóa' and 'Thị xã Bim Sơn' (official name Bỉm Sơn)."""
    mon = reg.monitoring
    assert mon is not None
    targets = {t.text: t for a in mon.assignments for t in a.targets}
    tp = targets["TP Thanh Hóa"]
    assert (tp.kind, tp.unit, tp.name) == (TargetKind.LOCALITY, "thành phố", "Thanh Hóa")
    bim = targets["Thị xã Bim Sơn"]
    assert (bim.kind, bim.unit, bim.name) == (TargetKind.LOCALITY, "thị xã", "Bim Sơn")
    assert "Bỉm Sơn" in mon.note


def test_phu_luc_sectors_and_agencies(reg: Regulation) -> None:
    """Phụ lục: 'Ngành ...' and 'Lĩnh vực ...' are sectors; named offices are agencies."""
    mon = reg.monitoring
    assert mon is not None
    row = {a.post: a for a in mon.assignments}
    sectors = [t for t in row["member_cuc_thue"].targets if t.kind is TargetKind.SECTOR]
    assert [(t.text, t.name) for t in sectors] == [("Lĩnh vực Thuế", "Thuế")]
    agencies = [t.text for t in row["member_so_khdt"].targets if t.kind is TargetKind.AGENCY]
    assert agencies == ["Sở Kế hoạch và Đầu tư", "Các Hội, Hiệp hội Doanh nghiệp"]


# ---------------------------------------------------------------- what the text does not contain


# ---- The engines on this regulation: authority queries, then its calendar ----


class TestClausesKeptFrom2021(ThanhHoaClauses):
    """The clauses the 2024 decision kept word for word from 2021, asked of this one."""


class TestAuthority:
    """What the authority graph answers, clause by clause."""

    g = staticmethod(lambda: graph("thanh-hoa-2024"))

    def test_head_absent_standing_deputy_acts_dieu_4_khoan_1(self) -> None:
        assert_ruling(
            self.g().acting_for("head", absent={"head"}),
            "decided",
            ("standing_deputy",),
            "Điều 4 khoản 1",
        )

    def test_no_transitive_substitution_beyond_dieu_4_khoan_1(self) -> None:
        """Điều 4 names only the standing deputy; the deputy is not inferred as next."""
        r = self.g().acting_for("head", absent={"head", "standing_deputy"})
        assert_ruling(r, "nobody_available", (), "Điều 4 khoản 1")

    def test_no_seal_clause_every_post_not_specified(self) -> None:
        g = self.g()
        for post in g.post_ids:
            r = g.seal_for(post)
            assert r.status == "not_specified", post
            assert r.seal is None

    def test_kt_truong_ban_pho_truong_ban_from_the_signature_block(self) -> None:
        """The decision is signed "KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN": the head regime, khoản 1."""
        r = self.g().signature_block("standing_deputy")
        assert_ruling(r, "decided", ("standing_deputy",), f"Điều 13 khoản 1 {ND30}")
        assert r.signing_form is SigningForm.KT
        assert r.lines == ("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")
        head = self.g().signature_block("head")
        assert head.signing_form is SigningForm.DIRECT
        assert head.lines == ("TRƯỞNG BAN",)

    def test_head_accountable_to_party_council_and_committee_dieu_3_khoan_4(self) -> None:
        r = self.g().accountable_to("head")
        assert_ruling(r, "decided", ("tinh_uy", "hdnd_tinh", "ubnd_tinh"), "Điều 3 khoản 4")

    def test_deputy_transitively_accountable_dieu_4_khoan_2_diem_a(self) -> None:
        r = self.g().accountable_to("deputy", transitive=True)
        assert_ruling(
            r,
            "decided",
            ("head", "tinh_uy", "hdnd_tinh", "ubnd_tinh"),
            ("Điều 4 khoản 2 điểm a", "Điều 3 khoản 4"),
        )

    def test_extraordinary_conveners_dieu_7_khoan_1(self) -> None:
        r = self.g().conveners("extraordinary")
        assert_ruling(r, "decided", ("head", "standing_deputy", "deputy"), "Điều 7 khoản 1")

    def test_member_proxy_dieu_5_khoan_6(self) -> None:
        r = self.g().proxy("member_so_tttt")
        assert_ruling(r, "decided", ("allowed",), "Điều 5 khoản 6")
        assert r.conditions == (AttendanceCondition.WRITTEN_OPINION,)

    @pytest.mark.parametrize(
        ("query", "member", "target"),
        [
            ("Bỉm Sơn", "member_so_khcn", "Thị xã Bim Sơn"),  # the annex misspells Bỉm Sơn
            ("Bim Sơn", "member_so_khcn", "Thị xã Bim Sơn"),
            ("TX Bỉm Sơn", "member_so_khcn", "Thị xã Bim Sơn"),
            ("thi xa bim son", "member_so_khcn", "Thị xã Bim Sơn"),
            ("TP Thanh Hóa", "member_so_tttt", "TP Thanh Hóa"),
            ("Thành phố Thanh Hoá", "member_so_tttt", "TP Thanh Hóa"),
            ("Đông Sơn", "member_nhnn", "Huyện Đông Sơn"),
            ("H. Đông Sơn", "member_nhnn", "Huyện Đông Sơn"),
            ("Sầm Sơn", "member_cuc_thong_ke", "Thành phố Sầm Sơn"),
            ("Y tế", "member_so_yt", "Ngành Y tế"),
        ],
    )
    def test_monitor_of_annex_forgiving(self, query: str, member: str, target: str) -> None:
        r = self.g().monitor_of(query)
        assert_ruling(r, "decided", (member,), ("Điều 5 khoản 1", "Phụ lục"))
        assert r.targets == (target,)

    def test_unassigned_locality_not_specified(self) -> None:
        assert_ruling(self.g().monitor_of("Hà Nội"), "not_specified", (), "Điều 5 khoản 1")

    def test_monitored_by_annex_row_1(self) -> None:
        r = self.g().monitored_by("member_so_tttt")
        assert_ruling(r, "decided", cite="Phụ lục")
        assert r.answer == ("Ngành Thông tin và Truyền thông", "Huyện Mường Lát", "TP Thanh Hóa")

    def test_every_annex_locality_has_exactly_one_monitor(self) -> None:
        reg = steering.presets.load("thanh-hoa-2024")
        assert reg.monitoring is not None
        for asg in reg.monitoring.assignments:
            for t in asg.targets:
                if t.kind.value == "locality":
                    assert self.g().monitor_of(t.text).answer == (asg.post,), t.text


class TestCalendar:
    """Its meetings and reports over whole years, clause by clause."""

    preset = "thanh-hoa-2024"

    def test_committee_meets_once_a_quarter(self) -> None:
        """Điều 7 khoản 1: "Ban Chỉ đạo họp định kỳ một quý một lần"."""
        meetings = pick(year(self.preset, 2025), "committee", "regular_meeting")
        assert windows(meetings) == QUARTERS_2025
        occ_cites(self.preset, meetings, 7, 1, "Ban Chỉ đạo họp định kỳ một quý một lần")

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
        occ_cites(self.preset, reports, 9, 2, "báo cáo hàng quý, 06 tháng và báo cáo năm")

    def test_working_group_reports_each_quarter(self) -> None:
        """Điều 6 khoản 8: "Định kỳ hàng quý báo cáo Trưởng Ban, Phó Trưởng Ban và các Ủy viên"."""
        reports = pick(year(self.preset, 2025), "working_group", "report")
        assert [(o.opens, o.closes) for o in reports] == QUARTER_CUTOFFS_2025
        no_deadline_invented(reports)
        assert len(reports[0].recipients) == 27
        occ_cites(self.preset, reports, 6, 8, "Định kỳ hàng quý báo cáo Trưởng Ban")

    def test_whole_tet_year_count(self) -> None:
        """2026: 4 committee meetings, 4 working-group reports, 7 standing-agency reports."""
        assert len(year(self.preset, 2026)) == 15
        g = gaps(self.preset)
        assert sum(n for (_, _, rule, _), n in g.items() if rule == "working_sessions") == 25


def test_loose_locality_match_ignores_unit_words_thanh_hoa_2024_phu_luc() -> None:
    """The annex gives "Thành phố Sầm Sơn" to the Cục Thống kê member (row 23). Asking for
    "Thanh" must not reach it through the unit word "Thành phố"; it still finds the names
    that contain the word (TP Thanh Hóa, Như Thanh, Thạch Thành, Thanh tra tỉnh)."""
    g = graph("thanh-hoa-2024")
    r = g.monitor_of("Thanh")
    assert_ruling(r, "ambiguous", cite="Phụ lục")
    assert "member_cuc_thong_ke" not in r.candidates
    assert "Thành phố Sầm Sơn" not in r.targets
    assert {"TP Thanh Hóa", "Huyện Như Thanh"} <= set(r.targets)
    assert g.monitor_of("Sầm Sơn").answer == ("member_cuc_thong_ke",)
    # A fragment of one entry ("Các Hội, Hiệp hội Doanh nghiệp") is a candidate, not an answer.
    r = g.monitor_of("Hiệp hội Doanh nghiệp")
    assert (r.status, r.candidates) == ("ambiguous", ("member_so_khdt",))
    assert g.monitor_of("Pho").status == "not_specified"


def test_reports_to_same_statement_once_thanh_hoa_2024_dieu_5_8_9() -> None:
    """Điều 5 khoản 6, Điều 8 khoản 3 and Điều 9 khoản 1 each have members report to the
    Trưởng Ban: one statement citing the three clauses."""
    r = graph("thanh-hoa-2024").reports_to("member_so_tttt")
    assert_ruling(r, "decided", cite=("Điều 5 khoản 6", "Điều 8 khoản 3", "Điều 9 khoản 1"))
    assert "báo cáo Trưởng Ban Chỉ đạo (Điều 5 khoản 6; Điều 8 khoản 3; Điều 9 khoản 1)" in (
        r.explain("vi")
    )


class TestEveryPreset(PresetCase):
    """The checks every preset passes (tests/presets/_engines.py), on this one."""

    preset = "thanh-hoa-2024"
