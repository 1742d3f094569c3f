"""Unknown is a value (issue #13, item 2): no field forces an invented fact.

A file that does not know its signing date or its decision's number says so
(``[identity] unknown = [...]``) instead of inventing a year and a quote; it
may bound the date from both sides, each bound cited. Everything that depends
on the date then says it is unknown. A post's holder or seat count may be
declared unknown too, distinct from "the text says nothing" and from blank.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import steering
from steering.errors import RegulationFileError, UnknownFactError
from steering.standards import to_org_jsonld, to_popolo

PRESET = steering.presets.path("tung-chau-2023")
BASE = PRESET.parent
TEXT = PRESET.read_text(encoding="utf-8")
# Tùng Châu gives its number and date on the regulation's header line (Quy chế, header);
# the variants below pretend a copy whose header is illegible.
SIGNED = re.compile(r'^decision_number = .*\nissuer = (.*)\nsigned = .*\nsigned_citation = .*$',
                    re.MULTILINE)
BOUND = ('{{ date = {d}, citation = {{ document = "Báo cáo 5/BC-UBND", '
         'quote = "{q}", words = "paraphrase" }} }}')


def variant(identity: str) -> str:
    """Tùng Châu 2023 with its number and signing lines replaced by ``identity``."""
    out, n = SIGNED.subn(lambda m: f'decision_number = ""\nissuer = {m.group(1)}\n{identity}',
                         TEXT)
    assert n == 1
    return out


def load(identity: str) -> steering.Regulation:
    return steering.loads(variant(identity), base=BASE)


UNKNOWN = 'unknown = ["signed", "decision_number"]'


def test_a_file_that_knows_nothing_of_its_date_loads() -> None:
    reg = load(UNKNOWN)
    assert reg.identity.signed is None
    assert reg.identity.signed_citation is None
    assert steering.validate(reg) == ()
    assert reg.identity.signed_text("vi") == "chưa rõ"
    assert reg.identity.number_text("vi") == "(số chưa rõ)"
    assert reg.in_force_window == (None, None)
    with pytest.raises(UnknownFactError, match=r"identity\.signed is unknown"):
        _ = reg.in_force_from


def test_unknown_is_not_blank() -> None:
    # decision_number = "" alone: the draft leaves it blank ("chưa số").
    blank = load('signed = "2023-03-30"\nsigned_citation = { document = "regulation", '
                 'quote = "ngày 30 /03/2023" }')
    assert blank.identity.number_text("vi") == "(chưa số)"
    assert load(UNKNOWN).identity.number_text("en") == "(number unknown)"


def test_bounds_each_cited_narrow_the_window() -> None:
    reg = load(UNKNOWN + "\nsigned_not_before = "
               + BOUND.format(d="2023-03-01", q="Quy chế ban hành tháng 3")
               + "\nsigned_not_after = "
               + BOUND.format(d="2023-04-15", q="đã ban hành Quy chế hoạt động"))
    assert steering.validate(reg) == ()
    assert reg.in_force_window == (dt.date(2023, 3, 1), dt.date(2023, 4, 15))
    assert reg.in_force_from == dt.date(2023, 3, 1)
    assert reg.identity.signed_text("vi") == (
        "chưa rõ (không trước 01/03/2023, không sau 15/04/2023)")
    assert reg.identity.signed_text("en") == "unknown (not before 2023-03-01, not after 2023-04-15)"


def test_every_answer_that_depends_on_the_date_says_it_is_unknown() -> None:
    reg = load(UNKNOWN + "\nsigned_not_after = "
               + BOUND.format(d="2023-04-15", q="đã ban hành Quy chế hoạt động"))
    graph = reg.authority()
    # Tùng Châu Điều 4 khoản 2: the standing deputy acts for the head; asked about a day
    # before the last possible signing day, the answer says whether it applied is unknown.
    before = graph.acting_for("head", absent={"head"}, on=dt.date(2023, 4, 1))
    assert "không rõ quy chế đã có hiệu lực" in before.text_vi
    assert "is not known" in before.text_en
    after = graph.acting_for("head", absent={"head"}, on=dt.date(2023, 6, 1))
    assert "không rõ" not in after.text_vi
    assert after.decided == before.decided
    # Calendar items before the regulation is surely in force are not decided.
    occs = reg.calendar(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    early = [o for o in occs if o.opens < dt.date(2023, 4, 15)]
    late = [o for o in occs if o.opens >= dt.date(2023, 4, 15)]
    assert early
    assert late
    assert all(o.status == "not_specified" for o in early)
    assert all("chưa rõ" in o.note for o in early)
    assert not any("Ngày ký quy chế" in o.note for o in late)


def test_doors_print_unknown_not_none() -> None:
    reg = load(UNKNOWN)
    html = reg._repr_html_()
    assert "chưa rõ" in html
    assert "None" not in html
    doc = to_org_jsonld(reg)
    assert not any("dcterms:issued" in node for node in doc["@graph"])
    assert "start_date" not in to_popolo(reg)["posts"][0]
    diff = steering.compare(reg, steering.presets.load("tung-chau-2023"))
    signed = [d for d in diff if d.key == "identity:signed"]
    assert len(signed) == 1
    assert (signed[0].a.text_vi, signed[0].b.text_vi) == ("chưa rõ", "30/03/2023")
    number = [d for d in diff if d.key == "identity:decision_number"]
    assert [d.a.text_vi for d in number] == ["(chưa rõ)"]


def test_cli_show_says_unknown(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    from steering.cli import main

    folder = Path(str(tmp_path))
    (folder / "sources").mkdir()
    (folder / "sources" / "tung-chau-2023.txt").write_bytes(
        (BASE / "sources" / "tung-chau-2023.txt").read_bytes())
    (folder / "x.toml").write_text(variant(UNKNOWN), encoding="utf-8")
    assert main(["show", str(folder / "x.toml")]) == 0
    out = capsys.readouterr().out
    assert "(số chưa rõ), ký chưa rõ" in out
    assert main(["calendar", str(folder / "x.toml"), "--from", "2024-01-01",
                 "--to", "2024-03-31"]) == 0
    assert "chưa xác định" in capsys.readouterr().out


@pytest.mark.parametrize(("identity", "path", "says"), [
    ("", "identity.signed", "unknown = [\"signed\"]"),
    ('signed = "2023"\n' + UNKNOWN, "identity.signed", "one of the two"),
    ('unknown = ["signed", "title"]', "identity.unknown[1]", "allowed: one of signed"),
    ('unknown = ["signed", "signed"]', "identity.unknown[1]", "twice"),
    (UNKNOWN + "\nsigned_not_before = " + BOUND.format(d="2023-05-01", q="x")
     + "\nsigned_not_after = " + BOUND.format(d="2023-04-01", q="y"),
     "identity.signed_not_after.date", "before signed_not_before"),
    ('signed = "2023"', "identity.signed_citation", "required key missing"),
])
def test_contradictions_are_refused(identity: str, path: str, says: str) -> None:
    with pytest.raises(RegulationFileError) as e:
        load(identity)
    assert any(p.path == path and says in p.message for p in e.value.problems), e.value


def test_post_holder_unknown_is_not_unsaid() -> None:
    # Tùng Châu Điều 11 khoản 2 names the standing agency's holder ("Công chức Văn hóa và
    # Thông tin xã"); a copy that cannot read it declares the holder unknown.
    holder = re.compile(r'^holder = \{ office = "Công chức Văn hóa và Thông tin xã".*\n',
                        re.MULTILINE)
    text, n = holder.subn('unknown = ["holder"]\n', TEXT, count=1)
    assert n == 1
    reg = steering.loads(text, base=BASE)
    post = reg.post("standing_agency")
    assert post.holder is None
    assert post.holder_text("vi") == "(chưa rõ)"
    # Unknown differs from unsaid: the deputy's holder is not given by the text at all.
    assert reg.post("deputy").holder_text("vi") == ""
    assert steering.presets.load("tung-chau-2023").post(
        "standing_agency").holder_text("vi") == "Công chức Văn hóa và Thông tin xã"


def test_post_unknown_contradictions_are_refused() -> None:
    text = TEXT.replace('[[posts]]\nid = "head"\n',
                        '[[posts]]\nid = "head"\nunknown = ["count", "x"]\n', 1)
    with pytest.raises(RegulationFileError) as e:
        steering.loads(text, base=BASE)
    paths = {p.path for p in e.value.problems}
    assert {"posts[0].unknown", "posts[0].unknown[1]"} <= paths


@given(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
       st.integers(0, 400), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)))
def test_answers_before_the_window_warn_and_after_it_do_not(
    lo: dt.date, span: int, on: dt.date
) -> None:
    """For any cited window, a day asked about gets exactly one of the three readings."""
    hi = lo + dt.timedelta(days=span)
    reg = REGS.setdefault((lo, hi), load(
        UNKNOWN + "\nsigned_not_before = " + BOUND.format(d=lo.isoformat(), q="a")
        + "\nsigned_not_after = " + BOUND.format(d=hi.isoformat(), q="b")))
    text = reg.authority().acting_for("head", absent={"head"}, on=on).text_vi
    not_yet = "chưa có hiệu lực" in text
    unknown = "không rõ quy chế đã có hiệu lực" in text
    assert not_yet == (on < lo)
    assert unknown == (lo <= on < hi)


REGS: dict[tuple[dt.date, dt.date], steering.Regulation] = {}
