"""The regulation in the world of 2026: the 2025 reorganisation and successors, cited.

Nghị quyết 202/2025/QH15 (Quốc hội, 12/06/2025): 63 province-level units become 34
from 01/07/2025 (Đắk Nông into tỉnh Lâm Đồng; Bà Rịa - Vũng Tàu into Thành phố Hồ Chí
Minh; Thanh Hóa kept). Luật Tổ chức chính quyền địa phương 72/2025/QH15: the district
level ends on 01/07/2025. The Standing Committee's 1665 (Hà Tĩnh), 1685 (Hồ Chí Minh
City) and 1686 (Thanh Hóa)/NQ-UBTVQH15 reorganise the communes.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from steering import presets, world
from steering.cli import main
from steering.errors import QueryError
from steering.schedule import calendar
from steering.world import CaveatKind

JAN_2026 = dt.date(2026, 1, 1)
REORGANISED = dt.date(2025, 7, 1)


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--wide", *args])
    return code, capsys.readouterr().out


# -- the data ------------------------------------------------------------------------------------


def test_every_change_is_cited() -> None:
    for c in world.changes():
        i = c.instrument
        assert i.number, c
        assert i.issuer, c
        assert i.verified, c
        assert i.date <= i.effective == c.on == REORGANISED, c
        assert c.presets or c.context, c
        assert set(c.presets) | set(c.context) <= set(presets.names()), c
    nq = world.instruments()["nq-202-2025-qh15"]
    assert (nq.number, nq.issuer, nq.date) == ("202/2025/QH15", "Quốc hội", dt.date(2025, 6, 12))
    assert nq.label("vi") == "Nghị quyết 202/2025/QH15 ngày 12/06/2025 của Quốc hội"
    assert nq.label("en") == "Nghị quyết 202/2025/QH15 of 12/06/2025, Quốc hội"
    assert world.instruments()["luat-72-2025-qh15"].title == "Luật Tổ chức chính quyền địa phương"
    numbers = {i.number for i in world.instruments().values()}
    assert {"1665/NQ-UBTVQH15", "1685/NQ-UBTVQH15", "1686/NQ-UBTVQH15"} <= numbers


# -- presets.in_force: the succession questions of 2026 ----------------------------------------


def test_dak_nong_2026_is_reorganised_into_lam_dong() -> None:
    assert presets.in_force("Đắk Nông", dt.date(2025, 6, 30)).id == "dak-nong-2021"
    with pytest.raises(presets.SuccessionError) as e:
        presets.in_force("Đắk Nông", JAN_2026)
    err = e.value
    assert err.reason == "reorganised"
    assert [t.preset for t in err.candidates] == ["dak-nong-2021"]
    assert [k.kind for k in err.caveats] == ["merged"]
    assert "tỉnh Lâm Đồng" in err.explain("vi")
    assert "tỉnh Lâm Đồng" in err.explain("en")
    assert "Nghị quyết 202/2025/QH15 ngày 12/06/2025 của Quốc hội" in err.explain("vi")
    assert "không xác định" in err.explain("vi")
    assert "Whether this regulation still applies is not specified" in err.explain("en")
    assert "01/07/2025" in str(err)


def test_vung_tau_2026_ended_with_the_district_level() -> None:
    with pytest.raises(presets.SuccessionError) as e:
        presets.in_force("thành phố Vũng Tàu", JAN_2026)
    err = e.value
    assert err.reason == "reorganised"
    assert [k.kind for k in err.caveats] == ["ended"]
    assert "Luật 72/2025/QH15" in err.explain("vi")
    assert "Thành phố Hồ Chí Minh" in err.explain("en")
    # The province's merger and the wards' reorganisation come as information.
    kinds = {k.kind: k for k in world.caveats(presets.load("vung-tau-2024"), JAN_2026)}
    assert set(kinds) == {"ended", "merged", "reorganised"}
    assert not kinds[CaveatKind.MERGED].decisive
    assert "1685/NQ-UBTVQH15" in kinds[CaveatKind.REORGANISED].explain("en")
    assert "phường Vũng Tàu" in kinds[CaveatKind.REORGANISED].explain("vi")


def test_thanh_hoa_2026_is_kept_but_its_districts_ended() -> None:
    reg = presets.in_force("Thanh Hóa", JAN_2026)
    assert reg.id == "thanh-hoa-2024"
    cav = world.caveats(reg, JAN_2026)
    assert [k.kind for k in cav] == ["unchanged", "ended", "reorganised"]
    assert not any(k.decisive for k in cav)
    assert "giữ nguyên là đơn vị hành chính cấp tỉnh" in cav[0].explain("vi")
    assert "kept as a province-level unit" in cav[0].explain("en")
    assert "Luật 72/2025/QH15" in cav[1].explain("en")
    assert "1686/NQ-UBTVQH15" in cav[2].explain("vi")
    assert world.caveats(reg, dt.date(2025, 6, 30)) == ()


def test_tung_chau_2026_reorganised_new_commune_not_verified() -> None:
    with pytest.raises(presets.SuccessionError) as e:
        presets.in_force("xã Tùng Châu", JAN_2026)
    assert e.value.reason == "reorganised"
    assert "1665/NQ-UBTVQH15" in e.value.explain("vi")
    assert "chưa được xác minh" in e.value.explain("vi")
    assert "not verified" in e.value.explain("en")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_cli_presets_on_2026(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out = _cli(capsys, "--lang", lang, "presets", "--locality", "Đắk Nông", "--on",
                     "2026-01-01")
    assert code == 1
    assert "tỉnh Lâm Đồng" in out
    assert "202/2025/QH15" in out
    code, out = _cli(capsys, "--lang", lang, "presets", "--locality", "Vũng Tàu", "--on",
                     "2026-01-01")
    assert code == 1
    assert "72/2025/QH15" in out
    assert "Thành phố Hồ Chí Minh" in out
    code, out = _cli(capsys, "--lang", lang, "presets", "--locality", "Thanh Hóa", "--on",
                     "2026-01-01")
    assert code == 0
    assert "thanh-hoa-2024" in out
    assert "1686/NQ-UBTVQH15" in out
    assert "72/2025/QH15" in out
    code, out = _cli(capsys, "--lang", lang, "--json", "presets", "--locality", "Đắk Nông",
                     "--on", "2026-01-01")
    data = json.loads(out)
    assert data["status"] == "reorganised"
    assert data["answer"] is None
    assert any("202/2025/QH15" in c for c in data["caveats"])


# -- rulings asked on a date --------------------------------------------------------------------


def test_acting_past_a_successor_names_it(capsys: pytest.CaptureFixture[str]) -> None:
    g = presets.load("thanh-hoa-2021").authority()
    before = g.acting_for("head", absent="head", on=dt.date(2021, 6, 1))
    assert before.decided
    assert before.caveats == ()
    r = g.acting_for("head", absent="head", on=dt.date(2025, 1, 1))
    assert not r.decided
    assert r.answer == ()
    assert [k.kind for k in r.caveats] == ["replaced"]
    assert "1943/QĐ-BCĐ" in r.explain("vi")
    assert "thanh-hoa-2024" in r.explain("en")
    assert "standing_deputy" in r.explain("en")  # what the text says, kept as written
    code, out = _cli(capsys, "--lang", "en", "acting", "thanh-hoa-2021", "head", "--on",
                     "2025-01-01")
    assert code != 0
    assert "thanh-hoa-2024" in out


def test_dak_nong_ruling_in_2026_is_not_decided() -> None:
    g = presets.load("dak-nong-2021").authority()
    assert g.acting_for("head", absent="head", on=dt.date(2025, 6, 30)).decided
    r = g.acting_for("head", absent="head", on=JAN_2026)
    assert r.status == "not_specified"
    assert "Nghị quyết 202/2025/QH15" in r.explain("vi")
    assert "tỉnh Lâm Đồng" in r.explain("en")


def test_monitor_of_a_district_after_it_ended() -> None:
    g = presets.load("thanh-hoa-2024").authority()
    assert g.monitor_of("Huyện Mường Lát").decided
    assert g.monitor_of("Huyện Mường Lát", on=dt.date(2025, 6, 30)).decided
    r = g.monitor_of("Huyện Mường Lát", on=JAN_2026)
    assert r.status == "not_specified"
    assert r.answer == ()
    assert r.caveats[0].kind == "unit_ended"
    assert "Huyện Mường Lát không còn là đơn vị hành chính" in r.explain("vi")
    assert "Luật 72/2025/QH15" in r.explain("en")
    # A sector is not a district-level unit: still decided, with the province's information.
    s = g.monitor_of("Ngành Thông tin và Truyền thông", on=JAN_2026)
    assert s.decided
    assert s.caveats
    # Dates at every door: a date or an ISO string alike; anything else refused.
    assert g.monitor_of("Huyện Mường Lát", on="2026-01-01") == r  # type: ignore[arg-type]
    with pytest.raises(QueryError):
        g.monitor_of("Huyện Mường Lát", on="01/01/2026")  # type: ignore[arg-type]


# -- calendars ----------------------------------------------------------------------------------


def test_calendars_past_the_reorganisation() -> None:
    dak = calendar(presets.load("dak-nong-2021"), dt.date(2025, 1, 1), dt.date(2026, 12, 31))
    for o in dak:
        if o.closes < REORGANISED:
            assert o.status == "decided" or o.due is None
        else:
            assert o.status == "not_specified"
            assert "Lâm Đồng" in o.note
    old = calendar(presets.load("thanh-hoa-2021"), dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert old
    assert all(o.status == "not_specified" and "1943/QĐ-BCĐ" in o.note for o in old)
    # thanh-hoa-2024: the province is kept; its meetings stay decided.
    new = calendar(presets.load("thanh-hoa-2024"), dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert any(o.status == "decided" for o in new)
    assert world.applicability_unknown_from(presets.load("thanh-hoa-2024")) is None


@given(
    pid=st.sampled_from(presets.names()),
    on=st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2035, 12, 31)),
)
def test_nothing_decided_past_a_decisive_caveat(pid: str, on: dt.date) -> None:
    reg = presets.load(pid)
    r = reg.authority().acting_for("head", absent="head", on=on)
    first = world.applicability_unknown_from(reg)
    if first is not None and on >= first:
        assert not r.decided
        assert any(k.decisive for k in r.caveats)
    assert all(k.since <= on for k in r.caveats)


def test_bad_dates() -> None:
    with pytest.raises(QueryError, match=r"datetime\.date"):
        world.caveats(presets.load("dak-nong-2021"), "2026-01-01")  # type: ignore[arg-type]
    with pytest.raises(QueryError, match="language"):
        world.caveats(presets.load("dak-nong-2021"), JAN_2026)[0].explain("fr")


def test_a_user_file_reusing_a_preset_id_for_another_locality_is_not_matched() -> None:
    import attrs

    reg = presets.load("dak-nong-2021")
    other = attrs.evolve(reg, identity=attrs.evolve(reg.identity, locality="Hà Nội"))
    assert world.caveats(other, JAN_2026) == ()
    assert world.applicability_unknown_from(other) is None
    assert world.known_changes(other) == ()
    assert world.known_changes(reg)
