"""Authority queries on every shipped preset: what each regulation says, and where it says it.

Each test names the clause in its name or docstring and checks the ruling's
citations point there, including where the answer is "not specified".
"""

from __future__ import annotations

import functools

import pytest

import steering
from steering.authority import AuthorityGraph
from steering.rules import AttendanceCondition, SealKind, SigningForm
from steering.ruling import Ruling, Status

ND30 = "Nghị định 30/2020/NĐ-CP"


@functools.cache
def graph(preset: str) -> AuthorityGraph:
    return steering.presets.load(preset).authority()


def labels(r: Ruling) -> list[str]:
    return [c.label() for c in r.citations]


def assert_ruling(
    r: Ruling,
    status: Status | str,
    answer: tuple[str, ...] | None = None,
    cite: str | tuple[str, ...] = (),
) -> None:
    """Status, answer, and that every cited label in ``cite`` is among the ruling's citations."""
    assert r.status == status, r.explain("en")
    if answer is not None:
        assert r.answer == answer, r.explain("en")
    for c in (cite,) if isinstance(cite, str) else cite:
        assert c in labels(r), f"{c} not in {labels(r)}"
        assert c in r.explain("vi"), r.explain("vi")
    assert r.explain("vi")
    assert r.explain("en")


# ---------------------------------------------------------------- Đắk Nông 2021


class TestDakNong2021:
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


# ---------------------------------------------------------------- Thanh Hóa 2024


class TestThanhHoa2024:
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


# ---------------------------------------------------------------- Thanh Hóa 2021


class TestThanhHoa2021:
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


# ---------------------------------------------------------------- Tùng Châu 2023


class TestTungChau2023:
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


# ---------------------------------------------------------------- Vũng Tàu 2024


class TestVungTau2024:
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


# ---------------------------------------------------------------- all presets


@pytest.mark.parametrize("preset", steering.presets.names())
def test_seal_and_signing_queries_are_total(preset: str) -> None:
    g = graph(preset)
    for post in g.post_ids:
        r = g.seal_for(post)
        assert r.status in (Status.DECIDED, Status.NOT_SPECIFIED)
        assert (r.seal is None) == (r.status is Status.NOT_SPECIFIED)
        assert r.explain("vi")
        assert r.explain("en")


@pytest.mark.parametrize("preset", steering.presets.names())
def test_every_query_kind_answers_every_post(preset: str) -> None:
    g = graph(preset)
    for post in g.post_ids:
        for r in (
            g.acting_for(post, absent={post}),
            g.accountable_to(post),
            g.reports_to(post),
            g.proxy(post),
            g.monitored_by(post),
            g.signature_block(post),
        ):
            assert isinstance(r.status, Status)
            assert r.explain("vi")
            assert r.explain("en")
            hash(r)


# ---------------------------------------------------------------- QA regressions: wording


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


@pytest.mark.parametrize("preset", steering.presets.names())
def test_explanations_start_with_a_capital(preset: str) -> None:
    """Vũng Tàu writes "thành viên Ban Chỉ đạo" (Điều 6) in lower case; a sentence still opens
    with a capital letter, in both languages, whatever post it names first."""
    g = graph(preset)
    for post in g.post_ids:
        for r in (
            g.acting_for(post, absent={post}),
            g.seal_for(post),
            g.accountable_to(post),
            g.reports_to(post),
            g.proxy(post),
            g.monitored_by(post),
            g.signature_block(post),
        ):
            for lang in ("vi", "en"):
                text = r.explain(lang)
                assert text[:1].isupper(), text
                assert ". thành viên" not in text, text


def test_vung_tau_member_seal_sentence_dieu_10_khoan_1() -> None:
    r = graph("vung-tau-2024").seal_for("member")
    assert_ruling(r, "decided", ("own_agency",), "Điều 10 khoản 1")
    assert r.explain("vi").startswith("Thành viên Ban Chỉ đạo sử dụng con dấu của cơ quan mình")


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


def test_nobody_available_single_substitute_vung_tau_dieu_4_khoan_1() -> None:
    r = graph("vung-tau-2024").acting_for("head", absent={"head", "standing_deputy"})
    assert_ruling(r, "nobody_available", (), "Điều 4 khoản 1")
    assert "người quy chế giao thay là Phó Trưởng ban Thường trực cũng vắng mặt" in r.explain("vi")
    assert "so is the substitute the regulation names, Phó Trưởng ban Thường trực" in r.explain(
        "en"
    )


def test_two_posts_absent_together_are_both_absent_dak_nong_dieu_6_khoan_1() -> None:
    r = graph("dak-nong-2021").acting_for("standing_deputy", absent={"standing_deputy"})
    assert_ruling(r, "not_specified", (), "Điều 6 khoản 1")
    assert "are both absent" in r.explain("en")


@pytest.mark.parametrize("preset", ["thanh-hoa-2021", "tung-chau-2023"])
def test_same_conveners_in_two_clauses_said_once_dieu_3_khoan_3_and_dieu_7_khoan_1(
    preset: str,
) -> None:
    """Điều 3 khoản 3 (the Trưởng Ban convenes and chairs) and Điều 7 khoản 1 (extraordinary
    meetings at the Trưởng Ban's call) name the same convener: one statement, both cited."""
    r = graph(preset).conveners("extraordinary")
    assert_ruling(r, "decided", ("head",), ("Điều 3 khoản 3", "Điều 7 khoản 1"))
    vi = r.explain("vi")
    assert vi.count("triệu tập") == 1, vi
    assert "(Điều 3 khoản 3; Điều 7 khoản 1)" in vi
    assert r.explain("en").count("convene") == 1


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


def test_reports_to_says_periodic_and_ad_hoc_vung_tau_dieu_11_khoan_2() -> None:
    """Điều 11 khoản 2: members report "định kỳ trước ngày 15 hàng tháng/quý/năm hoặc đột xuất";
    the explanation keeps both halves."""
    r = graph("vung-tau-2024").reports_to("member")
    assert_ruling(r, "decided", cite=("Điều 11 khoản 2", "Điều 6 khoản 4", "Điều 10 khoản 3"))
    assert "định kỳ hàng tháng, hàng quý, hàng năm hoặc đột xuất (Điều 11 khoản 2)" in r.explain(
        "vi"
    )
    assert "monthly, quarterly, yearly or as needed (Article 11(2))" in r.explain("en")


def test_reports_to_same_statement_once_thanh_hoa_2024_dieu_5_8_9() -> None:
    """Điều 5 khoản 6, Điều 8 khoản 3 and Điều 9 khoản 1 each have members report to the
    Trưởng Ban: one statement citing the three clauses."""
    r = graph("thanh-hoa-2024").reports_to("member_so_tttt")
    assert_ruling(r, "decided", cite=("Điều 5 khoản 6", "Điều 8 khoản 3", "Điều 9 khoản 1"))
    assert "báo cáo Trưởng Ban Chỉ đạo (Điều 5 khoản 6; Điều 8 khoản 3; Điều 9 khoản 1)" in (
        r.explain("vi")
    )


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


def test_a_deputys_form_is_read_off_the_regime_thanh_hoa_2021() -> None:
    """Thanh Hóa 2021 says nothing of a deputy signing; its block shows the head signing in
    person (chế độ thủ trưởng), so under Nghị định 30/2020 Điều 13 khoản 1 a deputy signs KT.
    what is assigned. The answer says that it is a reading, not a clause."""
    r = steering.presets.load("thanh-hoa-2021").authority().seal_for("deputy")
    assert r.signing_form is SigningForm.KT
    assert "Quy chế không quy định riêng việc Phó Trưởng Ban ký" in r.explain("vi")
    assert "says nothing of" in r.explain("en")
