"""The AuthorityGraph façade: errors, cycles, written authorisations (TUQ.), exports, values."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import attrs
import networkx as nx
import pytest

import steering
from steering.authority import AuthorityGraph, CycleError, Relation
from steering.errors import QueryError, SteeringError, UnknownIdError, UnknownPostError
from steering.regulation import Regulation
from steering.rules import Accountability, Citation, Delegation, SigningForm, Substitution
from steering.ruling import Question, Ruling, Status

ND30 = "Nghị định 30/2020/NĐ-CP"
JAN = dt.date(2025, 1, 15)


def dak_nong() -> Regulation:
    return steering.presets.load("dak-nong-2021")


def authorisation(**kw: object) -> Delegation:
    values: dict[str, object] = {
        "delegator": "head",
        "delegate": "wg_lead",
        "documents": ("giấy mời họp",),
        "start": dt.date(2025, 1, 1),
        "end": dt.date(2025, 1, 31),
        "reference": "01/GUQ-BCĐ",
        "citation": Citation(document="Giấy ủy quyền 01/GUQ-BCĐ", quote="ủy quyền ký giấy mời họp"),
    }
    values.update(kw)
    return Delegation(**values)  # type: ignore[arg-type]


# ---------------------------------------------------------------- errors


def test_unknown_post_lists_valid_ids() -> None:
    g = dak_nong().authority()
    with pytest.raises(UnknownPostError) as err:
        g.acting_for("boss", absent={"boss"})
    assert "head" in str(err.value)
    assert "standing_deputy" in str(err.value)
    assert isinstance(err.value, SteeringError)
    assert isinstance(err.value, KeyError)


@pytest.mark.parametrize(
    "call",
    [
        lambda g: g.acting_for("head", absent={"nobody"}),
        lambda g: g.seal_for("nobody"),
        lambda g: g.signature_block("nobody"),
        lambda g: g.accountable_to("nobody"),
        lambda g: g.reports_to("nobody"),
        lambda g: g.proxy("nobody"),
        lambda g: g.monitored_by("nobody"),
    ],
)
def test_every_query_raises_unknown_post_error(call: object) -> None:
    g = dak_nong().authority()
    with pytest.raises(UnknownPostError):
        call(g)  # type: ignore[operator]


def test_bad_meeting_kind_and_body() -> None:
    g = dak_nong().authority()
    with pytest.raises(QueryError, match="regular, extraordinary, expanded"):
        g.conveners("weekly")
    with pytest.raises(UnknownIdError, match="to_giup_viec"):
        g.conveners("regular", body="tổ")


def test_bad_language() -> None:
    r = dak_nong().authority().acting_for("head", absent={"head"})
    with pytest.raises(QueryError):
        r.explain("fr")


def test_substitution_cycle_is_named() -> None:
    reg = dak_nong()
    loop = Substitution(
        principal="standing_deputy",
        substitutes=("head",),
        citation=Citation(document="regulation", article=5, clause=1, quote="x"),
    )
    bad = attrs.evolve(reg, substitutions=(*reg.substitutions, loop))
    with pytest.raises(CycleError) as err:
        AuthorityGraph.from_regulation(bad)
    assert "head --> standing_deputy --> head" in str(err.value)
    assert err.value.cycle == ("head", "standing_deputy", "head")
    assert isinstance(err.value, SteeringError)


def test_accountability_cycle_is_named() -> None:
    reg = dak_nong()
    loop = Accountability(
        subject="head",
        to=("member",),
        citation=Citation(document="regulation", article=8, clause=2, quote="x"),
    )
    bad = attrs.evolve(reg, accountability=(*reg.accountability, loop))
    with pytest.raises(CycleError, match="head --> member --> head"):
        bad.authority()


def test_dangling_id_is_a_regulation_error_not_a_networkx_one() -> None:
    reg = dak_nong()
    dangling = Substitution(
        principal="head",
        substitutes=("ghost",),
        rank=9,
        citation=Citation(document="regulation", article=5, clause=1, quote="x"),
    )
    with pytest.raises(steering.RegulationFileError, match="ghost"):
        attrs.evolve(reg, substitutions=(*reg.substitutions, dangling)).authority()


# ---------------------------------------------------------------- written authorisation (TUQ.)


def test_tuq_signature_block_and_delegators_seal_nd30_dieu_13_khoan_3() -> None:
    g = dak_nong().authority()
    d = authorisation()
    r = g.signature_block("wg_lead", on=JAN, document="Giấy mời họp", delegations=[d])
    assert r.status == "decided"
    assert r.signing_form is SigningForm.TUQ
    assert r.lines == ("TUQ. TRƯỞNG BAN", "TỔ TRƯỞNG TỔ GIÚP VIỆC")
    assert r.delegation == d
    seal = g.seal_for("wg_lead", "Giấy mời họp", on=JAN, delegations=[d])
    assert seal.answer == ("UBND tỉnh",)  # the delegator's seal (Điều 13 khoản 2 of the Quy chế)
    assert any(c.document == ND30 and c.clause == 3 for c in seal.citations)
    assert f"Điều 13 khoản 3 {ND30}" in seal.explain("vi")


def test_tuq_bounded_in_time_and_content() -> None:
    g = dak_nong().authority()
    d = authorisation()
    late = g.signature_block(
        "wg_lead", on=dt.date(2025, 2, 1), document="giấy mời họp", delegations=[d]
    )
    assert late.signing_form is None
    other = g.signature_block("wg_lead", on=JAN, document="quyết định", delegations=[d])
    assert other.signing_form is None
    undated = g.signature_block("wg_lead", document="giấy mời họp", delegations=[d])
    assert undated.signing_form is None


def test_tuq_never_redelegated() -> None:
    g = dak_nong().authority()
    first = authorisation()
    again = authorisation(delegator="wg_lead", delegate="member")
    with pytest.raises(QueryError, match="re-delegat"):
        g.signature_block("member", on=JAN, document="giấy mời họp", delegations=[first, again])


def test_malformed_authorisations_rejected() -> None:
    g = dak_nong().authority()
    with pytest.raises(QueryError, match="document kinds"):
        g.seal_for("wg_lead", "x", on=JAN, delegations=[authorisation(documents=())])
    with pytest.raises(QueryError, match="before start"):
        g.seal_for("wg_lead", "x", on=JAN, delegations=[authorisation(end=dt.date(2024, 1, 1))])
    with pytest.raises(UnknownPostError):
        g.seal_for("wg_lead", "x", on=JAN, delegations=[authorisation(delegate="ghost")])


def test_regulation_delegations_are_honoured() -> None:
    reg = attrs.evolve(dak_nong(), delegations=(authorisation(),))
    g = reg.authority()
    r = g.signature_block("wg_lead", on=JAN, document="giấy mời họp")
    assert r.signing_form is SigningForm.TUQ
    relations = [d["relation"] for _, _, d in g.to_networkx().edges(data=True)]
    assert Relation.DELEGATES_TO in relations


def test_regulation_redelegation_rejected_at_construction() -> None:
    reg = attrs.evolve(
        dak_nong(),
        delegations=(authorisation(), authorisation(delegator="wg_lead", delegate="member")),
    )
    with pytest.raises(steering.RegulationFileError, match="re-delegat"):
        reg.authority()


# ---------------------------------------------------------------- graph and values


def test_to_networkx_is_a_copy_and_the_inner_graph_is_frozen() -> None:
    g = dak_nong().authority()
    copy = g.to_networkx()
    copy.add_node("extra")
    assert "extra" not in g.to_networkx()
    assert nx.is_frozen(g._graph)


def test_edges_are_typed_and_cited() -> None:
    nxg = dak_nong().authority().to_networkx()
    rels = {d["relation"] for _, _, d in nxg.edges(data=True)}
    assert {
        "acts_for",
        "accountable_to",
        "reports_to",
        "directs",
        "convenes",
        "uses_seal",
        "may_sign",
        "member_of",
        "proposes",
    } <= rels
    for _, _, d in nxg.edges(data=True):
        assert isinstance(d["citation"], Citation)
    acts = [(u, v, d) for u, v, d in nxg.edges(data=True) if d["relation"] == "acts_for"]
    assert ("standing_deputy", "head") in {(u, v) for u, v, _ in acts}


def test_rulings_are_frozen_hashable_values() -> None:
    g = dak_nong().authority()
    a = g.acting_for("head", absent={"head"})
    b = dak_nong().authority().acting_for("head", absent=frozenset({"head"}))
    assert a == b
    assert len({a, b}) == 1
    assert a.question is Question.ACTING_FOR
    assert a.status == "decided"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.status = Status.NOT_SPECIFIED  # type: ignore[misc]
    assert isinstance(a, Ruling)


def test_absent_may_be_a_single_id() -> None:
    g = dak_nong().authority()
    assert g.acting_for("head", absent="head").answer == ("standing_deputy",)


def test_explanations_name_posts_with_offices_and_cite() -> None:
    r = dak_nong().authority().acting_for("head", absent={"head"})
    assert r.explain("vi") == (
        "Khi Trưởng ban (Chủ tịch UBND tỉnh) vắng mặt, Phó Trưởng ban Thường trực "
        "(Phó Chủ tịch Thường trực UBND tỉnh) thay mặt Trưởng ban lãnh đạo công tác của "
        "Ban Chỉ đạo (Điều 5 khoản 1)."
    )
    assert "Article 5(1)" in r.explain("en")


# ---------------------------------------------------------------- exports


def test_mermaid_export() -> None:
    text = dak_nong().authority().to_mermaid()
    assert text.startswith("flowchart BT\n")
    assert "Phó Trưởng ban Thường trực" in text
    assert "Điều 5 khoản 1" in text


def test_dot_export() -> None:
    text = dak_nong().authority().to_dot()
    assert text.startswith('digraph "dak-nong-2021" {')
    assert '"standing_deputy" -> "head"' in text
    assert text.rstrip().endswith("}")


def test_node_link_export_round_trips_through_json() -> None:
    from steering.exports import to_node_link_json

    g = dak_nong().authority()
    data = json.loads(to_node_link_json(g))
    assert data == json.loads(json.dumps(g.to_node_link()))
    ids = {n["id"] for n in data["nodes"]}
    assert {"head", "committee", "to_giup_viec"} <= ids
    edge = next(e for e in data["edges"] if e["relation"] == "acts_for")
    assert edge["citation"]["label"].startswith("Điều")
    assert "Trưởng ban" in to_node_link_json(g)  # Vietnamese kept, not escaped


def test_graphml_export_parses() -> None:
    text = dak_nong().authority().to_graphml()
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag.endswith("graphml")
    assert "Phó Trưởng ban Thường trực" in text


def test_exports_are_deterministic() -> None:
    a, b = dak_nong().authority(), AuthorityGraph(dak_nong())
    assert a.to_mermaid() == b.to_mermaid()
    assert a.to_dot() == b.to_dot()
    assert a.to_graphml() == b.to_graphml()


def test_a_loose_name_says_which_member_follows_which_entry() -> None:
    """Thanh Hóa 2024 Phụ lục: "Sơn" is in eight entries held by six members; a fragment
    decides nothing, and the candidates pair each member with its own entries."""
    g = steering.presets.load("thanh-hoa-2024").authority()
    r = g.monitor_of("Sơn")
    assert r.status.value == "ambiguous"
    assert r.answer == ()
    assert len(r.targets) == 8
    assert len(r.candidates) == 6
    text = r.explain("vi")
    assert text.startswith("“Sơn” không trùng tên mục nào của phân công (chỉ là một phần của tên)")
    assert "Thành viên Sở Nội vụ theo dõi, đôn đốc “Huyện Triệu Sơn”" in text


def test_a_loose_name_keeping_its_diacritics_prefers_entries_that_keep_them() -> None:
    """"Quan" is Huyện Quan Hóa (row 3) and Huyện Quan Sơn (row 15), not "Ban Quản lý Khu
    Kinh tế Nghi Sơn" (row 4), which matches only once diacritics are dropped."""
    g = steering.presets.load("thanh-hoa-2024").authority()
    r = g.monitor_of("Quan")
    assert r.status.value == "ambiguous"
    assert set(r.targets) == {"Huyện Quan Hóa", "Huyện Quan Sơn"}
    assert set(r.candidates) == {"member_ban_dan_toc", "member_so_tnmt"}


def test_a_date_before_the_regulation_is_in_force_is_flagged() -> None:
    """Thanh Hóa 2021 is in force from signing in 01/2021 (Điều 2 of the decision): asked about
    01/6/2020, the answer is still the regulation's, and says the regulation was not yet in
    force; from 2021 on, no such note."""
    g = steering.presets.load("thanh-hoa-2021").authority()
    early = g.acting_for("head", absent={"head"}, on=dt.date(2020, 6, 1))
    later = g.acting_for("head", absent={"head"}, on=dt.date(2021, 6, 1))
    assert early.answer == later.answer == ("standing_deputy",)
    # Not before 08/01/2021: the preamble cites "Quyết định số 76/QĐ-UBND ngày 08/01/2021".
    note = "Lưu ý: ngày 01/06/2020, quy chế này chưa có hiệu lực (sớm nhất từ 08/01/2021)."
    assert early.explain("vi").endswith(note)
    assert "not yet in force" in early.explain("en")
    assert "Lưu ý" not in later.explain("vi")
    block = g.signature_block("head", absent={"head"}, on=dt.date(2020, 6, 1))
    assert block.explain("vi").count("Lưu ý") == 1
    assert g.seal_for("head", on=dt.date(2020, 6, 1)).explain("vi").endswith(note)


def test_a_question_asked_again_is_answered_from_the_cache_and_checked_alike() -> None:
    """The cache keys a question as asked with each value's type: ``True`` and ``1`` are
    equal, and only one is a flag, so the second is still refused after the first."""
    g = steering.presets.load("dak-nong-2021").authority()
    post = g.regulation.posts[3].id
    first = g.accountable_to(post, transitive=True)
    assert g.accountable_to(post, transitive=True) is first
    with pytest.raises(steering.ArgumentTypeError):
        g.accountable_to(post, transitive=1)  # type: ignore[arg-type]
    assert g.seal_for(post) is g.seal_for(post)
    with pytest.raises(steering.ArgumentTypeError):
        g.seal_for(post, on=dt.datetime(2025, 1, 1))
    assert g.seal_for(post, on="2025-01-01") == g.seal_for(  # type: ignore[arg-type]
        post, on=dt.date(2025, 1, 1))
