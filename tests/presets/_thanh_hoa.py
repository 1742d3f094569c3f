"""What the two Thanh Hóa regulations say alike: the clauses 2024 kept from 2021.

Quyết định 2024 re-issued much of the 2021 Quy chế word for word. The tests of those
clauses are stated once, here, and each preset's module runs them against its own
regulation (`TestClausesKeptFrom2021`), so a clause the two share is checked in both and
written once. A clause whose words changed stays in its own module.
"""

from __future__ import annotations

from steering.regulation import Regulation
from steering.roles import BodyKind
from steering.rules import Cadence, MeetingKind

from ._assert import cites, only, quotes


class ThanhHoaClauses:
    """The shared clauses; a subclass named ``Test...`` in each module runs them."""

    def test_decision_number_is_blank_in_the_draft(self, reg: Regulation) -> None:
        """'Số: /QĐ-BCĐ': the number is left blank, so it is '' (not invented)."""
        assert reg.identity.decision_number == ""

    def test_dieu_10_khoan_1_funding_from_the_provincial_budget(self, reg: Regulation) -> None:
        """Điều 10 khoản 1: budgeted with Sở Thông tin và Truyền thông, which manages it."""
        funding = only(
            reg.committee.funding, lambda f: f.citation.clause == 1, "Điều 10 khoản 1 funding"
        )
        cites(funding, "Điều 10 khoản 1")
        assert "ngân sách tỉnh" in funding.source
        assert reg.name_of(funding.manager) == "Sở Thông tin và Truyền thông"

    def test_no_second_tier_of_substitution_is_invented(self, reg: Regulation) -> None:
        """Nothing is said for head and standing deputy both absent, or for any other post."""
        assert len(reg.substitutions) == 1

    def test_dieu_3_khoan_4_head_answers_to_tinh_uy_hdnd_ubnd(self, reg: Regulation) -> None:
        """Điều 3 khoản 4: 'Chịu trách nhiệm trước Tỉnh ủy, HĐND, UBND tỉnh'."""
        a = only(reg.accountability, lambda x: x.subject == "head", "head accountability")
        assert [reg.name_of(b) for b in a.to] == ["Tỉnh ủy", "HĐND tỉnh", "UBND tỉnh"]
        kinds = {b.id: b.kind for b in reg.bodies}
        assert [kinds[b] for b in a.to] == [
            BodyKind.PARTY_COMMITTEE,
            BodyKind.PEOPLES_COUNCIL,
            BodyKind.PEOPLES_COMMITTEE,
        ]
        cites(a, "Điều 3 khoản 4")

    def test_dieu_4_khoan_2_diem_a_deputy_answers_to_head(self, reg: Regulation) -> None:
        """Điều 4 khoản 2 điểm a: 'Chịu trách nhiệm trước Trưởng Ban'."""
        a = only(reg.accountability, lambda x: x.subject == "deputy", "deputy accountability")
        assert a.to == ("head",)
        cites(a, "Điều 4 khoản 2 điểm a")

    def test_standing_deputy_accountability_is_not_specified(self, reg: Regulation) -> None:
        """No clause says to whom the Phó Trưởng Ban thường trực answers."""
        assert [a for a in reg.accountability if a.subject == "standing_deputy"] == []

    def test_dieu_10_khoan_2_so_tttt_settles_the_accounts(self, reg: Regulation) -> None:
        """Điều 10 khoản 2: Sở Thông tin và Truyền thông 'đồng thời chịu trách nhiệm thanh
        quyết toán theo quy định hiện hành'; the clause names no source of money."""
        assert [f.citation.clause for f in reg.committee.funding] == [1, 2]
        f = only(reg.committee.funding, lambda x: x.citation.clause == 2, "Điều 10 khoản 2 funding")
        cites(f, "Điều 10 khoản 2")
        quotes(f, "đồng thời chịu trách nhiệm thanh quyết toán theo quy định hiện hành")
        assert f.source == ""
        first = only(reg.committee.funding, lambda x: x.citation.clause == 1, "Điều 10 khoản 1")
        assert f.manager == first.manager
        assert reg.name_of(f.manager) == "Sở Thông tin và Truyền thông"

    def test_dieu_7_khoan_1_committee_meets_quarterly(self, reg: Regulation) -> None:
        """Điều 7 khoản 1: 'Ban Chỉ đạo họp định kỳ một quý một lần'."""
        m = only(
            reg.meetings,
            lambda x: x.body == "committee" and x.kind is MeetingKind.REGULAR,
            "regular committee meeting",
        )
        assert m.cadences == (Cadence.quarterly(),)
        cites(m, "Điều 7 khoản 1")

    def test_dieu_3_khoan_3_head_convenes_and_chairs(self, reg: Regulation) -> None:
        """Điều 3 khoản 3: 'Triệu tập và chủ trì các cuộc họp định kỳ hoặc đột xuất'."""
        rules = [c for c in reg.convening if (c.citation.article, c.citation.clause) == (3, 3)]
        assert {c.meeting for c in rules} == {MeetingKind.REGULAR, MeetingKind.EXTRAORDINARY}
        assert all(c.conveners == ("head",) and c.chairs for c in rules)

    def test_dieu_7_khoan_1_chair_decides_who_attends(self, reg: Regulation) -> None:
        """Điều 7 khoản 1: 'Thành phần tham dự cuộc họp do người chủ trì cuộc họp quyết định'."""
        co = only(reg.compositions, lambda _: True, "composition rule")
        assert (co.body, co.decided_by) == ("committee", "chair")
        cites(co, "Điều 7 khoản 1")

    def test_no_channels_or_delegations(self, reg: Regulation) -> None:
        """The text names no information channel and no written authorisation."""
        assert reg.channels == ()
        assert reg.delegations == ()
