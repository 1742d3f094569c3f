"""steering.compare: every structural difference, cited on both sides; steering.table.

The Thanh Hóa pair is the reference case: the 2021 regulation (Ban Chỉ đạo xây
dựng Chính quyền điện tử) and its 2024 successor (Ban Chỉ đạo chuyển đổi số)
differ in the clauses listed below, and agree on the rest (meeting cadence,
substitution).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given

import steering
from steering import presets
from steering.compare import (
    COLUMNS,
    Aspect,
    Change,
    Comparison,
    Difference,
    compare,
    facts,
    table,
)
from steering.errors import QueryError
from steering.regulation import Regulation
from steering.rules import Citation
from strategies import regulations


def all_citations(value: object) -> Iterator[Citation]:
    """Every citation inside a model value."""
    if isinstance(value, Citation):
        yield value
    elif isinstance(value, tuple):
        for v in value:
            yield from all_citations(v)
    elif attrs.has(type(value)):
        for f in attrs.fields(type(value)):  # type: ignore[arg-type]
            yield from all_citations(getattr(value, f.name))


@pytest.fixture(scope="module")
def th() -> Comparison:
    return compare(presets.load("thanh-hoa-2021"), presets.load("thanh-hoa-2024"))


def diff(c: Comparison, key: str) -> Difference:
    d = c.get(key)
    assert d is not None, f"{key} missing; keys: {[x.key for x in c]}"
    return d


def labels(cites: tuple[Citation, ...]) -> list[str]:
    return [c.label() for c in cites]


# ----------------------------------------------------------------- Thanh Hóa 2021 -> 2024


def test_seal_clause_only_in_2021(th: Comparison) -> None:
    """2021 Điều 2 khoản 6: head and deputies use the UBND tỉnh seal, the standing agency and
    members their own agency's; 2024 has no seal clause."""
    seals = th.aspect(Aspect.SEALS)
    assert {d.key for d in seals} == {
        "seals:head", "seals:standing_deputy", "seals:deputy", "seals:member",
        "seals:standing_agency",
    }
    for d in seals:
        assert d.change is Change.REMOVED
        assert labels(d.a.citations) == ["Điều 2 khoản 6"]
        assert "con dấu" in d.a.citations[0].quote
        assert not d.b.specified
        assert d.b.citations == ()
        assert d.b.text("vi") == "không quy định"
        assert d.b.text("en") == "not specified"
    assert diff(th, "seals:head").a.text() == "con dấu của UBND tỉnh"
    # "được sử dụng con dấu của cơ quan mình": a permission.
    assert diff(th, "seals:member").a.text() == "được sử dụng con dấu của cơ quan mình"


def test_standing_agency_reports_quarterly_only_in_2024(th: Comparison) -> None:
    """Điều 9 khoản 2: 2021 '06 tháng và báo cáo năm'; 2024 'hàng quý, 06 tháng và báo cáo năm'."""
    d = diff(th, "reports:standing_agency:cadence")
    assert d.change is Change.CHANGED
    # The library's own words for the cadences, one per language (steering.text.word): "6 tháng".
    assert d.a.text().startswith("6 tháng, hàng năm")
    assert d.b.text().startswith("hàng quý, 6 tháng, hàng năm")
    assert d.b.text("en").startswith("quarterly, half-yearly, yearly")
    assert "Điều 9 khoản 2" in labels(d.a.citations)
    assert "Điều 9 khoản 2" in labels(d.b.citations)
    quote_b = next(c.quote for c in d.b.citations if c.article == 9)
    assert "báo cáo hàng quý, 06 tháng và báo cáo năm" in quote_b


def test_extraordinary_meetings_head_only_in_2021(th: Comparison) -> None:
    """Điều 7 khoản 1: 'theo chỉ đạo của Trưởng Ban' (2021), '... Phó Trưởng Ban' added (2024)."""
    d = diff(th, "conveners:committee:extraordinary")
    assert d.a.value[0] == "head"
    assert set(d.b.value[0].split("+")) >= {"head", "standing_deputy", "deputy"}
    assert "Điều 7 khoản 1" in labels(d.a.citations)
    assert "Điều 7 khoản 1" in labels(d.b.citations)
    assert any(c.quote.endswith("theo chỉ đạo của Trưởng Ban.") for c in d.a.citations)


def test_only_the_head_chairs_extraordinary_meetings_2024(th: Comparison) -> None:
    """2024 Điều 3 khoản 3: the Trưởng Ban "Triệu tập và chủ trì"; Điều 7 khoản 1 lets the
    deputies call extraordinary meetings ("theo chỉ đạo của Trưởng Ban, Phó Trưởng Ban") but
    says nothing of chairing: the row must not say that the deputies chair."""
    d = diff(th, "conveners:committee:extraordinary")
    assert d.b.value[2] == "head"
    assert d.b.text("vi").endswith("; Trưởng Ban Chỉ đạo chủ trì")
    assert "triệu tập và chủ trì" not in d.b.text("vi")
    assert d.a.text("vi") == "Trưởng Ban Chỉ đạo; triệu tập và chủ trì"


def test_working_group_renamed(th: Comparison) -> None:
    """Điều 1 khoản 2: Tổ giúp việc (2021) became Tổ công tác (2024)."""
    d = diff(th, "working_groups:working_group")
    assert d.a.text().startswith("Tổ giúp việc Ban Chỉ đạo")
    assert d.b.text().startswith("Tổ công tác giúp việc Ban Chỉ đạo")
    assert labels(d.a.citations) == labels(d.b.citations) == ["Điều 1 khoản 2"]
    assert diff(th, "posts:wg_lead").b.text() == "1: Tổ trưởng Tổ công tác"


def test_monitoring_annex_only_in_2024(th: Comparison) -> None:
    """Điều 5 khoản 1 and the annex (2024): 24 members each follow a sector and localities."""
    d = diff(th, "monitoring:annex")
    assert d.change is Change.ADDED
    assert d.a.citations == ()
    assert labels(d.b.citations) == ["Điều 5 khoản 1"]
    assert d.b.text().startswith("24 thành viên")
    # One difference for the annex, not one per annex row.
    assert [x.key for x in th.aspect("monitoring")] == ["monitoring:annex"]


def test_working_forms_only_in_2024(th: Comparison) -> None:
    """2024 Điều 2 khoản 6: 'phiên họp định kỳ, cuộc họp đột xuất, ... cho ý kiến bằng văn bản'."""
    d = diff(th, "working_forms")
    assert d.change is Change.ADDED
    assert labels(d.b.citations) == ["Điều 2 khoản 6"]
    assert "cho ý kiến bằng văn bản" in d.b.text()


def test_members_also_answer_to_deputies_in_2024(th: Comparison) -> None:
    """2024 Điều 5 khoản 5 adds 'chịu trách nhiệm trước Trưởng Ban, Phó Trưởng Ban'."""
    d = diff(th, "accountability:member")
    assert d.a.value == ("head",)
    assert set(d.b.value) >= {"head", "deputy"}
    assert "Điều 5 khoản 5" in labels(d.b.citations)


def test_members_enumerated_by_the_2024_annex(th: Comparison) -> None:
    d = diff(th, "posts:member")
    assert d.a.text().startswith("1: Ủy viên Ban Chỉ đạo [nhiều người]")
    assert d.b.text().startswith("24: ")


def test_identity_differences(th: Comparison) -> None:
    """Decision Điều 2: 2021 replaces 4095/QĐ-BCĐ; 2024 replaces 1943/QĐ-BCĐ and 1969/QĐ-BCĐ."""
    d = diff(th, "identity:replaces")
    assert d.a.value == ("4095/QĐ-BCĐ",)
    assert d.b.value == ("1943/QĐ-BCĐ", "1969/QĐ-BCĐ")
    assert all(c.document == "decision" and c.article == 2 for c in d.a.citations + d.b.citations)
    name = diff(th, "identity:committee")
    assert "Chính quyền điện tử" in name.a.text()
    assert "chuyển đổi số" in name.b.text()
    sig = diff(th, "identity:signature")
    # The blocks as printed, office line included (2021: "TRƯỞNG BAN / CHỦ TỊCH UBND TỈNH").
    assert sig.a.text() == "TRƯỞNG BAN / CHỦ TỊCH UBND TỈNH"
    assert sig.b.text() == "KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN / PHÓ CHỦ TỊCH UBND TỈNH"


def test_funding_goes_through_the_head_only_in_2021(th: Comparison) -> None:
    """Điều 10 khoản 2: 'thông qua Trưởng Ban Chỉ đạo' (2021) / 'báo cáo Trưởng Ban' (2024)."""
    keys = {d.key for d in th.aspect("reports")}
    assert any(k.endswith(":through") for k in keys)
    through = next(d for d in th.aspect("reports") if d.key.endswith(":through"))
    assert labels(through.a.citations) == ["Điều 10 khoản 2"]
    assert not through.b.specified


def test_what_did_not_change(th: Comparison) -> None:
    """Both: quarterly meetings (Điều 7 khoản 1), head absent -> standing deputy (Điều 4 khoản 1),
    part-time service (Điều 8 khoản 1): no difference is reported for them."""
    assert th.aspect("meetings") == ()
    assert th.aspect("substitution") == ()
    assert th.aspect("part_time") == ()
    assert th.get("identity:effective") is None  # both in force from signing


def test_every_side_cited_from_its_own_regulation(th: Comparison) -> None:
    """A specified side carries citations of its own regulation; an unspecified side none.

    The only uncited facts are read off the decision's heading (number, level,
    locality, issuer, committee name).
    """
    a, b = presets.load("thanh-hoa-2021"), presets.load("thanh-hoa-2024")
    own = {"a": set(all_citations(a)), "b": set(all_citations(b))}
    heading = {"identity:decision_number", "identity:level", "identity:locality",
               "identity:issuer", "identity:committee"}
    for d in th:
        for name, side in (("a", d.a), ("b", d.b)):
            if not side.specified:
                assert side.citations == ()
                assert side.value == ()
                continue
            if d.key in heading:
                continue
            assert side.citations, (d.key, name)
            assert set(side.citations) <= own[name], (d.key, name)
    assert len(th) >= 20


def test_renderings(th: Comparison) -> None:
    vi, en = th.explain("vi"), th.explain("en")
    assert vi.startswith(f"So sánh thanh-hoa-2021 (Quyết định (chưa số), 2021-01) với "
                         f"thanh-hoa-2024 (Quyết định (chưa số), 2024): {len(th)} điểm khác nhau.")
    assert "[Con dấu: Trưởng Ban Chỉ đạo]" in vi
    assert "  thanh-hoa-2021: con dấu của UBND tỉnh (Điều 2 khoản 6)" in vi
    assert "  thanh-hoa-2024: không quy định" in vi
    assert f"{len(th)} differences." in en
    assert "the seal of UBND tỉnh (Article 2(6))" in en
    assert str(th) == vi
    with pytest.raises(QueryError, match="unknown language 'fr'"):
        th.explain("fr")


def test_rows_are_plain_json(th: Comparison) -> None:
    rows = th.rows("en")
    assert len(rows) == len(th)
    text = json.dumps(rows, ensure_ascii=False)
    assert json.loads(text) == list(rows)
    head = next(r for r in rows if r["key"] == "seals:head")
    assert head["change"] == "removed"
    assert head["a"]["citations"][0] == {
        "document": "regulation", "article": 2, "clause": 6, "point": "",
        "quote": head["a"]["citations"][0]["quote"],
    }


# ----------------------------------------------------------------- laws


def test_a_regulation_equals_itself() -> None:
    for pid in presets.names():
        reg = presets.load(pid)
        c = compare(reg, reg)
        assert c.same
        assert len(c) == 0
        assert "không có khác biệt" in c.explain()


def test_swapping_sides_swaps_every_difference() -> None:
    a, b = presets.load("dak-nong-2021"), presets.load("vung-tau-2024")
    ab, ba = compare(a, b), compare(b, a)
    assert [d.key for d in ab] == [d.key for d in ba]
    for x, y in zip(ab, ba, strict=True):
        assert (x.a, x.b) == (y.b, y.a)


def test_compare_is_deterministic_and_ordered() -> None:
    a, b = presets.load("tung-chau-2023"), presets.load("thanh-hoa-2024")
    first, second = compare(a, b), compare(a, b)
    assert first == second
    order = list(Aspect)
    keys = [(order.index(d.aspect), d.key) for d in first]
    assert keys == sorted(keys)


def test_same_output_under_different_hash_seeds() -> None:
    """Set iteration order must not leak into the comparison (PYTHONHASHSEED)."""
    code = (
        "import json, steering\n"
        "from steering import presets\n"
        "c = steering.compare(presets.load('thanh-hoa-2021'), presets.load('thanh-hoa-2024'))\n"
        "print(json.dumps(c.rows(), ensure_ascii=False))\n"
    )
    outs = set()
    for seed in ("1", "4242"):
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8",
            env={"PYTHONHASHSEED": seed, "PATH": ""}, timeout=120, check=True,
        )
        outs.add(proc.stdout)
    assert len(outs) == 1


def test_one_change_one_difference() -> None:
    """Removing Đắk Nông's Điều 13 khoản 1 ('không sử dụng con dấu riêng') is one difference."""
    reg = presets.load("dak-nong-2021")
    edited = attrs.evolve(reg, id="edited", seals=reg.seals[1:])
    c = compare(reg, edited)
    assert [d.key for d in c] == ["seals:committee"]
    d = c.differences[0]
    assert d.a.text("en") == "no seal of its own"
    assert labels(d.a.citations) == ["Điều 13 khoản 1"]
    assert not d.b.specified


@given(regulations())
def test_generated_regulation_equals_itself(reg: Regulation) -> None:
    assert compare(reg, reg).same


@given(regulations(), regulations())
def test_generated_pairs_swap(a: Regulation, b: Regulation) -> None:
    ab, ba = compare(a, b), compare(b, a)
    assert [(d.key, d.a, d.b) for d in ab] == [(d.key, d.b, d.a) for d in ba]
    for d in ab:
        for side in (d.a, d.b):
            assert side.specified or side.citations == ()


def test_across_a_succession() -> None:
    """compare works on whatever presets.in_force returns."""
    a = presets.in_force("Thanh Hóa", dt.date(2021, 6, 1))
    b = presets.in_force("Thanh Hóa", dt.date(2025, 1, 1))
    assert (a.id, b.id) == ("thanh-hoa-2021", "thanh-hoa-2024")
    assert compare(a, b) == compare(presets.load("thanh-hoa-2021"), presets.load("thanh-hoa-2024"))


def test_bad_arguments() -> None:
    reg = presets.load("dak-nong-2021")
    with pytest.raises(QueryError, match="argument b: found str"):
        compare(reg, "vung-tau-2024")  # type: ignore[arg-type]
    with pytest.raises(QueryError, match="item 1: found int"):
        table([reg, 3])  # type: ignore[list-item]
    with pytest.raises(QueryError, match="unknown language"):
        table([reg], lang="de")


# ----------------------------------------------------------------- table


def test_table_rows_for_every_preset() -> None:
    regs = [presets.load(p) for p in presets.names()]
    rows = table(regs)
    assert [r["id"] for r in rows] == list(presets.names())
    assert all(tuple(r) == COLUMNS for r in rows)
    by_id = {r["id"]: r for r in rows}
    dn = by_id["dak-nong-2021"]
    # Điều 13 khoản 1; Điều 11 khoản 1; Điều 5 khoản 1 and Điều 6 khoản 1 (two tiers).
    assert dn["committee_seal"] == "không sử dụng con dấu riêng"
    assert dn["regular_meeting"] == "hàng quý"
    assert dn["substitution_depth"] == 2
    assert dn["decision_number"] == "2044/QĐ-BCĐ"
    assert dn["monitored_localities"] is None  # no annex: not specified
    th24 = by_id["thanh-hoa-2024"]
    assert th24["committee_seal"] is None  # no seal clause
    assert th24["monitored_localities"] == 27
    assert th24["decision_number"] is None  # blank in the draft
    assert table(regs, lang="en")[2]["committee_seal"] == "no seal of its own"


def test_table_data_columns_are_ids_and_codes_in_every_language() -> None:
    regs = [presets.load(p) for p in presets.names()]
    vi = {r["id"]: r for r in table(regs, lang="vi")}
    en = {r["id"]: r for r in table(regs, lang="en")}
    data = list(COLUMNS[COLUMNS.index("head_substitute_ids"):])
    assert len(data) == 7
    for pid in presets.names():
        assert {c: vi[pid][c] for c in data} == {c: en[pid][c] for c in data}
    dn = vi["dak-nong-2021"]
    # Điều 5 khoản 1: the standing deputy acts first; Điều 6 khoản 1: then the two deputies.
    assert dn["head_substitute_ids"] == "standing_deputy > deputy_tttt+deputy_vpubnd"
    # Điều 13 khoản 1: "Ban Chỉ đạo không sử dụng con dấu riêng"; the head uses UBND tỉnh's.
    assert dn["committee_seal_kind"] == "none"
    assert (dn["head_seal_kind"], dn["head_seal_agency"]) == ("agency", "UBND tỉnh")
    # Vũng Tàu Điều 9 khoản 1: "họp định kỳ theo quý, 6 tháng, năm".
    assert vi["vung-tau-2024"]["regular_meeting_periods"] == "quarter,half_year,year"
    # Thanh Hóa 2024 says nothing of seals: not specified, not "none".
    assert vi["thanh-hoa-2024"]["head_seal_kind"] is None


def test_table_as_dataframe() -> None:
    pytest.importorskip("pandas")
    regs = [presets.load(p) for p in presets.names()]
    df = table(regs, as_dataframe=True)
    assert list(df.index) == list(presets.names())
    assert list(df.columns) == list(COLUMNS[1:])
    assert df.loc["dak-nong-2021", "substitution_depth"] == 2
    c = compare(regs[0], regs[1]).to_pandas("en")
    assert len(c) == len(compare(regs[0], regs[1]))
    assert "thanh-hoa-2021" in c.columns


def test_table_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    reg = presets.load("dak-nong-2021")
    assert table([reg])[0]["id"] == "dak-nong-2021"  # plain rows need no pandas
    with pytest.raises(QueryError, match=r"pip install -e '\.\[pandas\]' \(from a clone\)"):
        table([reg], as_dataframe=True)
    with pytest.raises(QueryError, match="pandas is not installed"):
        compare(reg, reg).to_pandas()


def test_reexported() -> None:
    assert steering.compare is compare
    assert steering.table is table
    assert steering.Comparison is Comparison


# ---------------------------------------------------------------- QA regressions


def test_report_without_cadence_has_no_empty_cadence_fact_vung_tau_dieu_5() -> None:
    """Điều 5: the Phó Trưởng ban "báo cáo Trưởng ban" with no word on when. The cadence is
    not specified: no fact with an empty text and a made-up "decision heading" citation."""
    f = facts(steering.presets.load("vung-tau-2024"))
    assert "reports:deputy:cadence" not in f
    assert "reports:deputy:recipients" in f
    for key, (_, _, _, side) in f.items():
        assert side.text("vi").strip(), key
        if key.startswith("reports:"):
            assert side.citations, key


def test_channel_platform_not_repeated_vung_tau_dieu_11_khoan_1() -> None:
    """Điều 11 khoản 1: "hệ thống Văn phòng điện tử (iDesk)" already names the platform."""
    f = facts(steering.presets.load("vung-tau-2024"))
    texts = [side.text("vi") for key, (_, _, _, side) in f.items() if key.startswith("channels:")]
    assert any("iDesk" in t for t in texts)
    assert not any("(iDesk) (iDesk)" in t for t in texts), texts


def test_post_office_in_the_title_not_repeated_vung_tau_dieu_5() -> None:
    f = facts(steering.presets.load("vung-tau-2024"))
    side = f["posts:deputy"][3]
    assert side.text("vi") == "1: Phó Trưởng ban là Trưởng phòng Văn hóa và Thông tin"


def test_dak_nong_part_time_partners_and_funding_facts() -> None:
    """Đắk Nông: Điều 12 khoản 1 puts the members "và Tổ giúp việc" on kiêm nhiệm; Điều 14
    khoản 2 has Sở TTTT "chủ trì, phối hợp với Sở Tài chính"; the funds come from Điều 14
    khoản 1 and are managed by the standing agency (Điều 9 khoản 3)."""
    f = facts(steering.presets.load("dak-nong-2021"))
    part_time = f["part_time"][3]
    assert part_time.text("vi") == (
        "thành viên Ban Chỉ đạo và Tổ giúp việc Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm"
    )
    partners = f["reports:standing_agency:partners"][3]
    assert partners.text("vi") == "Sở Tài chính"
    assert labels(partners.citations) == ["Điều 14 khoản 2"]
    funding = f["funding"][3]
    assert funding.text("vi").endswith("; quản lý: Cơ quan thường trực")
    assert "; ;" not in funding.text("vi")
    assert labels(funding.citations) == ["Điều 14 khoản 1", "Điều 9 khoản 3"]
